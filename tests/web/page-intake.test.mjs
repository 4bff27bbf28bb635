// Getting documents into the product page (release build, real Chromium):
// paste, drop anywhere, pick a GBK file, several files with a list to switch
// between them, the sample, refusals of too-large / binary / empty files, and
// cancelling a long run.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.mjs';
import {
  dropFiles,
  encode,
  engineReady,
  fixture,
  listed,
  openPage,
  untilDone,
  withServedPage,
} from './helpers.mjs';

let server;
let browser;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'budget-lint-intake-'));

withServedPage((s, b) => {
  server = s;
  browser = b;
});

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

/** The document list as shown: name, department, counts, status. */
async function docList(page) {
  return page.$$eval('#docs li.doc', (items) =>
    items.map((li) => ({
      name: li.querySelector('.doc-name').textContent,
      dept: li.querySelector('.doc-dept')?.textContent ?? null,
      status: li.dataset.status,
      current: li.classList.contains('current'),
      errors: li.querySelector('[data-severity="error"]')?.textContent ?? null,
      infos: li.querySelector('[data-severity="info"]')?.textContent ?? null,
      total: [...li.querySelectorAll('.doc-meta [data-severity]')].reduce((n, c) => n + Number(c.textContent.match(/\d+$/)[0]), 0),
      error: li.querySelector('.doc-error')?.textContent ?? null,
    })),
  );
}

describe('getting a document in', () => {
  test('paste: the text box and 校验 give the summary, findings and tables', async () => {
    await session(async ({ page }) => {
      await page.fill('#input', fixture('yangquan-shangwu-2026.txt'));
      await untilDone(page, () => page.click('#run'));
      assert.match(await page.textContent('#summary'), /阳泉市商务局/);
      assert.match(await page.textContent('#summary'), /2026/);
      const findings = await listed(page);
      assert.ok(findings.length > 0);
      assert.equal(await page.locator('#tables [data-table]').count(), 13);
      // Ctrl+Enter in the box checks too (the same text again: same result).
      await untilDone(page, () => page.press('#input', 'Control+Enter'));
      assert.equal((await listed(page)).length, findings.length);
    });
  });

  test('a text copied out of a PDF loads the rebuild readers, and only then; its findings are theirs', async () => {
    // The first-load engine reads tables one row a line; aligned columns
    // (pdftotext -layout) and one cell a line (pdftotext) need the module
    // with the rebuild readers (www/pkg-rebuild), which the Worker loads
    // for them: the page then shows what that module reports.
    const full = await import(path.join(ROOT, 'www', 'pkg-rebuild', 'budget_lint.js'));
    full.initSync({ module: readFileSync(path.join(ROOT, 'www', 'pkg-rebuild', 'budget_lint_bg.wasm')) });
    const core = await import(path.join(ROOT, 'www', 'pkg', 'budget_lint.js'));
    core.initSync({ module: readFileSync(path.join(ROOT, 'www', 'pkg', 'budget_lint_bg.wasm')) });
    const key = (f) => `${f.severity} ${f.rule} ${f.line}`;
    await session(async ({ page, requests }) => {
      const shown = async () => (await listed(page)).map(key).sort();
      const tab = fixture('yangquan-shangwu-2026.txt');
      await page.fill('#input', tab);
      await untilDone(page, () => page.click('#run'));
      assert.deepEqual(await shown(), core.validate(tab).findings.map(key).sort());
      assert.ok(!requests.some((u) => u.includes('/pkg-rebuild/')), 'a TAB text is checked by the first-load engine');
      for (const shape of ['raw', 'layout']) {
        const text = fixture(`shapes/yangquan-shangwu-2026.${shape}.txt`);
        assert.throws(() => core.validate(text), /^Error: \[rebuild-needed\]/, `the core module does not read the ${shape} text`);
        // Set as a paste leaves it: Playwright's fill stalls on the form
        // feeds between the PDF's pages.
        await page.$eval('#input', (box, value) => {
          box.value = value;
        }, text);
        await untilDone(page, () => page.click('#run'));
        assert.equal(await page.locator('#tables [data-table]').count(), 13, shape);
        assert.deepEqual(await shown(), full.validate(text).findings.map(key).sort(), shape);
      }
      assert.ok(requests.some((u) => u.endsWith('/pkg-rebuild/budget_lint_bg.wasm')), 'the rebuild module loaded for the layout text');
    });
  });

  test('a text whose ideographs came as radicals is read by the rebuild module, as written', async () => {
    // Copied out of Chrome's viewer from a PDF whose font draws 支 and ⽀
    // alike, the text names the radicals; the first-load engine carries no
    // table to fold them (text::radicals) and hands the text on.
    const core = await import(path.join(ROOT, 'www', 'pkg', 'budget_lint.js'));
    core.initSync({ module: readFileSync(path.join(ROOT, 'www', 'pkg', 'budget_lint_bg.wasm')) });
    const key = (f) => `${f.severity} ${f.rule} ${f.line}`;
    await session(async ({ page, requests }) => {
      const tab = fixture('yangquan-zhaoshang-2026.txt');
      const radicals = tab.replaceAll('支', '\u2f40').replaceAll('门', '\u2ed4').replaceAll('心', '\u2f3c');
      assert.throws(() => core.validate(radicals), /^Error: \[rebuild-needed\]/);
      await page.$eval('#input', (box, value) => {
        box.value = value;
      }, radicals);
      await untilDone(page, () => page.click('#run'));
      assert.deepEqual((await listed(page)).map(key).sort(), core.validate(tab).findings.map(key).sort());
      assert.ok(requests.some((u) => u.endsWith('/pkg-rebuild/budget_lint_bg.wasm')), 'the rebuild module loaded');
    });
  });

  test('drop anywhere: the overlay shows during the drag and the dropped files are checked', async () => {
    await session(async ({ page }) => {
      const files = [
        { name: 'zhaoshang.txt', bytes: Buffer.from(fixture('yangquan-zhaoshang-2026.txt')) },
        { name: 'caizheng.txt', bytes: Buffer.from(fixture('yangquan-caizheng-2026.txt')) },
      ];
      let overlay;
      // Dropped on the page header, far from the text box.
      await untilDone(page, async () => {
        overlay = await dropFiles(page, files, 'header.bar');
      });
      assert.equal(overlay, true, 'the drop overlay showed while dragging');
      assert.equal(await page.isVisible('#drop-overlay'), false, 'and hides after the drop');
      const docs = await docList(page);
      assert.deepEqual(
        docs.map((d) => [d.name, d.status]),
        [
          ['zhaoshang.txt', 'done'],
          ['caizheng.txt', 'done'],
        ],
      );
      assert.equal(docs[0].dept, '阳泉市招商中心');
      assert.equal(docs[1].dept, '阳泉市财政局');
    });
  });

  test('「多个文件是同一份公开文件」: the parts of one disclosure checked as one document', async () => {
    // The narrative (概况, 说明, 名词解释) and the tables (第二部分) of a corpus
    // document as two files, as some departments send them.
    const lines = fixture('yangquan-zhaoshang-2026.txt').split('\n');
    const tablesAt = lines.findIndex((l) => l.startsWith('第二部分'));
    const proseAt = lines.findIndex((l) => l.startsWith('第三部分'));
    assert.ok(tablesAt > 0 && proseAt > tablesAt, 'the document has its parts');
    const prose = [...lines.slice(0, tablesAt), ...lines.slice(proseAt)].join('\n');
    const tables = lines.slice(tablesAt, proseAt).join('\n');
    const files = [
      { name: 'shuoming.txt', bytes: Buffer.from(prose) },
      { name: 'biaoge.txt', bytes: Buffer.from(tables) },
    ];
    const findingKeys = (findings) => findings.map((f) => `${f.severity} ${f.rule}`).sort();
    await session(async ({ page }) => {
      await page.fill('#input', fixture('yangquan-zhaoshang-2026.txt'));
      await untilDone(page, () => page.click('#run'));
      const whole = findingKeys(await listed(page));
      assert.ok(whole.some((k) => k.startsWith('error')), 'the document has real errors');

      await page.check('#together');
      await untilDone(page, () => dropFiles(page, files));
      const docs = await docList(page);
      assert.deepEqual(
        docs.slice(1).map((d) => [d.name, d.status, d.dept]),
        [['shuoming.txt + biaoge.txt', 'done', '阳泉市招商中心']],
        'one document of the two files',
      );
      assert.deepEqual(findingKeys(await listed(page)), whole, 'the findings of the whole document');
      assert.equal(await page.locator('#tables [data-table]').count(), 13);
      // The source view holds both parts, the narrative first.
      const source = await page.inputValue('#input');
      assert.ok(source.indexOf('第一部分') < source.indexOf('第二部分'));

      // Unticked, the same two files are two documents, each checked alone.
      await page.uncheck('#together');
      await untilDone(page, () => dropFiles(page, files));
      assert.deepEqual(
        (await docList(page)).slice(2).map((d) => d.name),
        ['shuoming.txt', 'biaoge.txt'],
      );
    });
  });

  test('two PDFs of one disclosure, prose and tables, checked together give the CLI\'s --together findings', async () => {
    // 江苏省委办公厅 2019 publishes its 情况说明 and its tables as two PDFs.
    const dir = path.join(ROOT, 'tests', 'fixtures', 'real');
    const names = ['jiangsu-shengweibangongting-2019.pdf', 'jiangsu-shengweibangongting-2019-tables.pdf'];
    const cli = spawnSync(
      'cargo',
      ['run', '--quiet', '--bin', 'budget-lint', '--', 'check', '--together', ...names.map((n) => path.join(dir, n)), '--format', 'json'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(cli.stdout);
    const keys = (findings) => findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule}`).sort();
    const expected = keys(report.findings);
    assert.ok(expected.some((k) => k.startsWith('error')), 'the disclosure has real errors');
    await session(async ({ page }) => {
      await page.check('#together');
      const files = names.map((name) => ({ name, type: 'application/pdf', bytes: readFileSync(path.join(dir, name)) }));
      await untilDone(page, () => dropFiles(page, files), 120000);
      const docs = await docList(page);
      assert.deepEqual(docs.at(-1).status, 'done');
      assert.deepEqual(keys(await listed(page)), expected);
    });
  });

  test('a GBK file picked with the file chooser is decoded without asking', async () => {
    const text = fixture('yangquan-caizheng-2026.txt');
    const file = path.join(tmp, 'caizheng-gbk.txt');
    writeFileSync(file, encode(text, 'gbk'));
    await session(async ({ page }) => {
      await untilDone(page, () => page.setInputFiles('#file', file));
      assert.equal(await page.inputValue('#input'), text, 'the exact text');
      assert.match(await page.textContent('#status'), /GB18030/);
      assert.match(await page.textContent('#summary'), /阳泉市财政局/);
      assert.equal(await page.locator('#tables [data-table]').count(), 13);
    });
  });

  test('several files: each has its own result and the list switches between them', async () => {
    const names = ['yangquan-zhaoshang-2026.txt', 'yangquan-shangwu-2026.txt', 'yangquan-shangwu-zhuanxiang-2022.txt'];
    const paths = names.map((n) => {
      const p = path.join(tmp, n);
      writeFileSync(p, fixture(n));
      return p;
    });
    await session(async ({ page }) => {
      await untilDone(page, () => page.setInputFiles('#file', paths));
      const docs = await docList(page);
      assert.deepEqual(
        docs.map((d) => d.name),
        names,
      );
      assert.ok(docs.every((d) => d.status === 'done'));
      assert.ok(docs[0].current, 'the first file is shown first');
      assert.deepEqual(
        docs.map((d) => d.dept),
        ['阳泉市招商中心', '阳泉市商务局', '阳泉市商务局(本级)'],
      );
      const counts = {};
      for (const [i, name] of names.entries()) {
        await page.click(`#docs li.doc:nth-child(${i + 1}) .doc-pick`);
        const summary = await page.textContent('#summary');
        assert.ok(summary.includes(name), `summary names ${name}`);
        assert.equal(await page.inputValue('#input'), fixture(name));
        counts[name] = { findings: (await listed(page)).length, tables: await page.locator('#tables [data-table]').count() };
        assert.equal(docs[i].total, counts[name].findings, 'the list counts the shown findings');
      }
      assert.equal(counts[names[0]].tables, 13);
      assert.equal(counts[names[1]].tables, 13);
      assert.equal(counts[names[2]].tables, 0, 'the 专项资金 document has no 13-table template');
      assert.notEqual(counts[names[0]].findings, counts[names[1]].findings);
      // The 专项资金 document: the checks did not apply, and the summary says why.
      const notApplicable = Number((await page.textContent('#summary')).match(/不适用 (\d+)/)[1]);
      assert.ok(notApplicable >= 16, `the table checks did not apply (${notApplicable})`);
      assert.match(await page.textContent('#summary .check-table'), /专项资金信息公开不适用此项检查/);
      // Removing a document drops it from the list.
      await page.click('#docs li.doc:nth-child(2) .doc-remove');
      assert.deepEqual(
        (await docList(page)).map((d) => d.name),
        [names[0], names[2]],
      );
    });
  });

  test('示例文档 loads the sample in one click', async () => {
    await session(async ({ page, requests }) => {
      await untilDone(page, () => page.click('#sample'));
      assert.match(await page.textContent('#summary'), /阳泉市招商中心/);
      assert.ok((await listed(page)).length > 0);
      assert.ok(requests.some((u) => u.endsWith('/samples/yangquan-zhaoshang-2026.txt')));
    });
  });

  test('too large, binary and empty files get a clear Chinese message and the tab stays alive', async () => {
    const big = path.join(tmp, 'huge.txt');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 'a'));
    const bin = path.join(tmp, 'scan.pdf.txt');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    writeFileSync(bin, bytes);
    const empty = path.join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    await session(async ({ page }) => {
      const cases = [
        [big, /文件过大（21\.0 MB，上限 20 MB）/],
        [bin, /不是文本文件/],
        [empty, /文件是空的/],
      ];
      for (const [file, message] of cases) {
        await untilDone(page, () => page.setInputFiles('#file', file));
        assert.match(await page.textContent('#status'), message);
        const docs = await docList(page);
        const doc = docs.find((d) => d.name === path.basename(file));
        assert.equal(doc.status, 'failed');
        assert.match(doc.error, message);
      }
      // Still responsive: a real document checks fine afterwards.
      await page.fill('#input', fixture('yangquan-zhaoshang-2026.txt'));
      await untilDone(page, () => page.click('#run'));
      assert.equal(await page.locator('#tables [data-table]').count(), 13);
    });
  });

  test('取消 stops a long run, and the next run works', async () => {
    // The largest document 120 times over (5 MB): seconds of engine work.
    const big = path.join(tmp, 'caizheng-x120.txt');
    writeFileSync(big, Array(120).fill(fixture('yangquan-caizheng-2026.txt')).join('\n'));
    await session(async ({ page }) => {
      await page.evaluate(() => {
        delete document.body.dataset.state;
      });
      await page.setInputFiles('#file', big);
      await page.waitForSelector('#cancel:not([disabled])');
      assert.ok(await page.isVisible('#progress'), 'progress shows while working');
      assert.match(await page.textContent('#stage'), /正在/);
      const started = Date.now();
      await page.click('#cancel');
      await page.waitForSelector('body[data-state="done"]', { timeout: 10000 });
      console.log(`# cancel took effect after ${Date.now() - started} ms`);
      assert.match(await page.textContent('#status'), /已取消/);
      assert.equal(await page.isVisible('#progress'), false);
      assert.equal(await page.isVisible('#result'), false);
      assert.equal(await page.isVisible('#docs'), false, 'one document: no list to switch');
      assert.equal(await page.$eval('#docs li.doc', (li) => li.dataset.status), 'cancelled');
      // A fresh engine answers the next request.
      await page.fill('#input', fixture('yangquan-zhaoshang-2026.txt'));
      await untilDone(page, () => page.click('#run'));
      assert.equal(await page.locator('#tables [data-table]').count(), 13);
    });
  });
});
