// The first page, release build, real Chromium: a reviewer pastes or picks a
// disclosure and sees findings (errors first) and the 13 rebuilt tables; the
// page talks to nothing but its own origin.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
  WASM,
  fixture,
  openPage,
  validateText,
  withServedPage,
} from './harness.mjs';

const DOCS_2026 = ['yangquan-zhaoshang-2026.txt', 'yangquan-shangwu-2026.txt', 'yangquan-caizheng-2026.txt'];
const RANK = { error: 0, warning: 1, info: 2 };

let server;
let browser;
withServedPage((s, b) => {
  server = s;
  browser = b;
});

/** What the page shows, read from the DOM the tests are promised. */
async function shown(page) {
  return page.evaluate(() => ({
    findings: [...document.querySelectorAll('#findings > *')].map((li) => ({
      rule: li.dataset.rule,
      severity: li.dataset.severity,
      line: Number(li.dataset.line),
      text: li.textContent,
    })),
    tables: [...document.querySelectorAll('#tables [data-table]')].map((s) => s.dataset.table),
    summary: document.getElementById('summary').textContent,
    numbersRight: [...document.querySelectorAll('#tables td.num')]
      .slice(0, 50)
      .every((td) => getComputedStyle(td).textAlign === 'right'),
  }));
}

function assertOwnOrigin(requests, origin) {
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests outside the page origin');
  // The watcher really saw the Worker's traffic, not just the page's.
  assert.ok(requests.some((u) => u.endsWith('/worker.js')), `worker.js not seen in ${requests}`);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), `the .wasm not seen in ${requests}`);
}

describe('first page (release build)', () => {
  test('the served .wasm is the wasm-opt release build', () => {
    // wasm-opt --strip-producers removes the "producers" section every
    // rustc/wasm-bindgen output carries: its absence means the build script ran.
    const bytes = readFileSync(WASM);
    assert.equal(bytes.indexOf(Buffer.from('producers')), -1);
    // Typed results: the package's declarations import the report's types.
    const dts = readFileSync(path.join(path.dirname(WASM), 'budget_lint.d.ts'), 'utf8');
    assert.match(dts, /export function validate\(text: string, options\?: ValidateOptions \| null\): Report;/);
    assert.match(dts, /export interface Report \{/);
  });

  for (const name of DOCS_2026) {
    test(`pasting ${name} lists findings and the 13 tables`, async () => {
      const { context, page, requests, problems } = await openPage(browser, server.origin);
      try {
        await validateText(page, fixture(name));
        const view = await shown(page);
        assert.equal(view.tables.length, 13, `tables: ${view.tables}`);
        assert.equal(view.tables[0], '表一');
        assert.equal(view.tables[12], '表十三');
        assert.ok(view.findings.length > 0, 'the documents have rounding tails to report');
        for (const f of view.findings) {
          assert.match(f.rule, /^[A-Z]\d{3}$/);
          assert.ok(f.severity in RANK, `severity ${f.severity}`);
          assert.ok(Number.isInteger(f.line) && f.line >= 1, `line ${f.line}`);
          assert.match(f.text, new RegExp(`第${f.line}行`));
        }
        const ranks = view.findings.map((f) => RANK[f.severity]);
        assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'errors first');
        assert.ok(view.numbersRight, 'numbers are right-aligned');
        assert.match(view.summary, /2026/);
        assertOwnOrigin(requests, server.origin);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a picked GB18030 file and a UTF-16 file are decoded without asking', async () => {
    const text = fixture('yangquan-shangwu-2026.txt');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-lint-page-'));
    const gb = path.join(dir, 'shangwu-gb18030.txt');
    const encode = 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))';
    writeFileSync(gb, execFileSync('python3', ['-c', encode], { input: text }));
    const u16 = path.join(dir, 'shangwu-utf16.txt');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

    const { context, page, problems } = await openPage(browser, server.origin);
    try {
      for (const [file, encoding] of [
        [gb, 'GB18030'],
        [u16, 'UTF-16LE'],
      ]) {
        await page.waitForSelector('#run:not([disabled])');
        await page.evaluate(() => {
          delete document.body.dataset.state;
        });
        await page.setInputFiles('#file', file);
        await page.waitForSelector('body[data-state="done"]', { timeout: 30000 });
        assert.equal(await page.inputValue('#input'), text.replace(/^\uFEFF/, ''), `${encoding} decoded exactly`);
        const view = await shown(page);
        assert.equal(view.tables.length, 13);
        assert.ok(view.summary.includes(path.basename(file)));
        assert.match(await page.textContent('#status'), new RegExp(encoding));
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('markup in a document stays text', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    try {
      const hostile = `<script>window.__pwned = 1</script>\n<img src="x" onerror="window.__pwned = 1">\n${fixture('yangquan-zhaoshang-2026.txt')}`;
      await validateText(page, hostile);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('#result img, #result script').count(), 0);
      assert.equal((await shown(page)).tables.length, 13);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('time from opening the page to the first result (largest document; printed, not asserted)', async () => {
    const text = fixture('yangquan-caizheng-2026.txt');
    const { context, page, requests, started } = await openPage(browser, server.origin);
    try {
      await validateText(page, text);
      const total = Date.now() - started;
      const marks = await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
        return {
          ready: at('budget-lint:engine-ready'),
          result: at('budget-lint:result'),
          engine: document.querySelector('#summary .timing')?.textContent ?? '',
        };
      });
      // The page marks both moments; only their times go unasserted.
      assert.notEqual(marks.ready, undefined, 'the page marks budget-lint:engine-ready');
      assert.notEqual(marks.result, undefined, 'the page marks budget-lint:result');
      const ms = (v) => `${Math.round(v)} ms`;
      console.log(
        `# Chromium, yangquan-caizheng-2026.txt (${Buffer.byteLength(text)} bytes, cold cache): ` +
          `engine ready ${ms(marks.ready)} after navigation; first result ${ms(marks.result)} after navigation ` +
          `(paste + 校验 + render); engine ${marks.engine}; wall clock goto→result ${total} ms`,
      );
      assertOwnOrigin(requests, server.origin);

      await validateText(page, fixture('yangquan-zhaoshang-2026.txt'));
      const shots = path.join(ROOT, 'target', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.$eval('#tables [data-table="表三"] details', (d) => {
        d.open = true;
      });
      // What a reviewer sees at 1280×800 after pressing 校验, and the whole page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, 'first-page.png') });
      await page.screenshot({ path: path.join(shots, 'first-page-full.png'), fullPage: true });
      await page.$eval('#tables', (t) => t.scrollIntoView());
      await page.screenshot({ path: path.join(shots, 'first-page-tables.png') });
    } finally {
      await context.close();
    }
  });
});
