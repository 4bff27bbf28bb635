// Word and Excel files on the product page (release build, real Chromium):
// every .docx and .xlsx of tests/fixtures/shapes dropped on the page gives
// the CLI's report (the same findings at the same lines, the same checks),
// the office module (www/pkg-office) is loaded only then, and the source
// view shows the text the engine read from the file; an old Excel .xls
// (tests/fixtures/xls) shows what the same workbook as .xlsx shows; an old
// binary .doc gets the engine's message saying what to do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT, dropFiles, engineReady, openPage, untilDone, withServedPage } from './helpers.mjs';

let server;
let browser;

withServedPage((s, b) => {
  server = s;
  browser = b;
});

const SHAPES = path.join(FIXTURES, 'shapes');
const XLS = path.join(FIXTURES, 'xls');
const OFFICE = readdirSync(SHAPES)
  .filter((f) => f.endsWith('.docx') || f.endsWith('.xlsx'))
  .sort();

/** The CLI's JSON report of a file (exit 1: it found errors; 3: nothing could be checked, S107). */
function cliReport(file) {
  const out = spawnSync('cargo', ['run', '--quiet', '--bin', 'budget-lint', '--', 'check', file, '--format', 'json'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  assert.ok([0, 1, 3].includes(out.status), `budget-lint check ${file}: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

async function session(fn) {
  const s = await openPage(browser, server.origin);
  try {
    await engineReady(s.page);
    await fn(s);
    assert.deepEqual(s.problems, [], 'no console error or uncaught exception');
  } finally {
    await s.context.close();
  }
}

/** What the page shows of the current document: findings, checks, summary counts. */
async function shown(page) {
  return page.evaluate(() => ({
    findings: [...document.querySelectorAll('#findings > *')].map((li) => [li.dataset.rule, li.dataset.severity, Number(li.dataset.line)]),
    checks: [...document.querySelectorAll('[data-status]')]
      .filter((e) => e.dataset.rule)
      .map((e) => [e.dataset.rule, e.dataset.status]),
    counts: Object.fromEntries([...document.querySelectorAll('.result-head .counts [data-severity]')].map((e) => [e.dataset.severity, Number(e.querySelector('b').textContent)])),
  }));
}

const key = (f) => `${f[0]} ${f[1]} ${f[2]}`;

describe('Word and Excel files', () => {
  for (const name of OFFICE) {
    test(`${name} dropped: the CLI's report, and the source shows the text read from it`, async () => {
      const file = path.join(SHAPES, name);
      const cli = cliReport(file);
      await session(async ({ page, requests }) => {
        assert.ok(!requests.some((u) => u.includes('/pkg-office/')), 'the office module is not loaded before');
        await untilDone(page, () => dropFiles(page, [{ name, bytes: readFileSync(file), type: '' }]));
        assert.ok(
          requests.some((u) => u.endsWith('/pkg-office/budget_lint_bg.wasm')),
          'the office module is loaded for the file',
        );
        const got = await shown(page);
        if (cli.summary.recognised === false) {
          // A workbook of the 专项资金 list holds its 申报表 alone: nothing can
          // be checked, and the page says so instead of counting.
          assert.ok((await page.textContent('body')).includes('未识别，未做任何检查'), 'the page says nothing was checked');
          return;
        }
        assert.deepEqual(got.counts, { error: cli.summary.errors, warning: cli.summary.warnings, info: cli.summary.infos });
        const want = cli.findings.map((f) => [f.rule, f.severity, f.line]);
        // The list may hide some severities by default: what it shows is the
        // CLI's, errors and warnings always among it.
        const wanted = new Set(want.map(key));
        for (const f of got.findings) assert.ok(wanted.has(key(f)), `listed ${key(f)} is the CLI's`);
        const listedKeys = new Set(got.findings.map(key));
        for (const f of want.filter((f) => f[1] !== 'info')) assert.ok(listedKeys.has(key(f)), `${key(f)} listed`);
        const cliChecks = new Map(cli.checks.map((c) => [c.rule, c.status]));
        assert.ok(got.checks.length > 0, 'checks shown');
        for (const [rule, status] of got.checks) assert.equal(status, cliChecks.get(rule), `check ${rule}`);
        if (name.endsWith('.xlsx')) {
          assert.equal(cli.document.tables_only, true);
          for (const c of cli.checks.filter((c) => /^[NFP]/.test(c.rule))) {
            assert.equal(c.status, 'not_applicable', c.rule);
          }
        }
        // The text the page holds is the text the engine read: the report's
        // line numbers point at each table's title and each row's figures.
        const lines = (await page.inputValue('#input')).split('\n');
        assert.equal(lines.length >= cli.document.line_count, true, 'the whole text read');
        for (const t of cli.tables) {
          assert.ok(lines[t.line - 1].includes(t.title), `${t.id} title on line ${t.line}`);
          for (const row of t.rows) {
            for (const c of row.cells.filter((c) => c.kind === 'value')) {
              assert.ok(lines[row.line - 1].includes(c.text), `${t.id} line ${row.line} shows ${c.text}`);
            }
          }
        }
        // A finding selected: its cited figures are marked on the source
        // lines the report names.
        const once = (f) => want.filter((w) => key(w) === key([f.rule, f.severity, f.line])).length === 1;
        const finding = cli.findings.find(
          (f) => once(f) && listedKeys.has(key([f.rule, f.severity, f.line])) && f.evidence.some((e) => e.value && e.value !== '空'),
        );
        if (!finding) return;
        await page.click(`#findings > [data-rule="${finding.rule}"][data-line="${finding.line}"]`);
        for (const e of finding.evidence.filter((e) => e.value && e.value !== '空')) {
          const line = page.locator(`#source .src-line[data-line="${e.line}"]`);
          assert.equal(await line.count(), 1, `source line ${e.line} shown`);
          assert.ok((await line.textContent()).includes(e.value), `line ${e.line} shows ${e.value}`);
        }
      });
    });
  }

  test('an old .xls dropped: what the same workbook as .xlsx shows, findings, checks and source', async () => {
    // Written by LibreOffice as office suites write .xls (MULRK, MULBLANK).
    const stem = 'yangquan-zhaoshang-2026';
    const xls = path.join(XLS, `${stem}.lo.xls`);
    const cli = cliReport(xls);
    assert.deepEqual(cli, cliReport(path.join(SHAPES, `${stem}.xlsx`)), 'the CLI reads both alike');
    const drop = async (file, type) => {
      let got;
      await session(async ({ page, requests }) => {
        await untilDone(page, () => dropFiles(page, [{ name: path.basename(file), bytes: readFileSync(file), type }]));
        assert.ok(requests.some((u) => u.endsWith('/pkg-office/budget_lint_bg.wasm')), 'the office module is loaded');
        got = { ...(await shown(page)), source: await page.inputValue('#input') };
      });
      return got;
    };
    const fromXlsx = await drop(path.join(SHAPES, `${stem}.xlsx`), '');
    const fromXls = await drop(xls, 'application/vnd.ms-excel');
    assert.deepEqual(fromXls, fromXlsx);
    assert.deepEqual(fromXls.counts, { error: cli.summary.errors, warning: cli.summary.warnings, info: cli.summary.infos });
    // Its findings are 尾差 (info), which the list may hide: counted.
    assert.ok(fromXls.counts.info > 0 && fromXls.checks.length > 0, 'findings counted and checks shown');
  });

  test('an old binary .doc gets the message saying what to do', async () => {
    // A Word 97 file (LibreOffice): an OLE2 file without a workbook.
    const ole = readFileSync(path.join(XLS, 'bad', 'word.doc'));
    await session(async ({ page }) => {
      await untilDone(page, () => dropFiles(page, [{ name: '预算.doc', bytes: ole, type: 'application/msword' }]));
      const status = await page.textContent('#status');
      assert.match(status, /旧版 Office 文件/);
      assert.match(status, /另存为/);
      assert.equal(await page.getAttribute('#docs li.doc', 'data-status'), 'failed');
    });
  });
});
