// Web pages and HTML pastes in the product page (release build, real
// Chromium), and documents the engine does not recognise:
// - every tests/fixtures/shapes/*.html picked with the file chooser gives
//   the summary and tables of its TAB original, and no markup reaches the page;
// - a paste or a drop carrying text/html with a table (as Word, WPS, Excel
//   and browsers put it on the clipboard) becomes TAB text in the box;
//   hostile markup in it comes out as text only;
// - a text that is no disclosure says 未识别，未做任何检查, never 错误 0 项;
//   one whose template is recognised in an unverified reading, 已识别，但未做任何检查.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, engineReady, fixture, openPage, untilDone, validateText, withServedPage } from './helpers.mjs';

let server;
let browser;

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

/** What the result says: its head's counts (or the unrecognised verdict), the summary's facts, the tables. */
async function summary(page) {
  return page.$eval('#result', (box) => ({
    text: box.querySelector('.result-head').textContent + box.querySelector('#summary').textContent,
    unrecognised: box.querySelector('.result-head [data-recognised="false"]') !== null,
    counts: Object.fromEntries(
      [...box.querySelectorAll('.result-head .counts [data-severity]')].map((c) => [c.dataset.severity, c.textContent]),
    ),
    tables: document.querySelectorAll('#tables [data-table]').length,
  }));
}

/** Fires a paste on the text box whose clipboard carries `items` ({type: data}). */
async function paste(page, items) {
  await page.$eval(
    '#input',
    (el, data) => {
      el.focus();
      const dt = new DataTransfer();
      for (const [type, value] of Object.entries(data)) dt.setData(type, value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    items,
  );
}

const SHAPES = path.join(FIXTURES, 'shapes');
const PAGES = readdirSync(SHAPES).filter((f) => f.endsWith('.html')).sort();

describe('web pages and HTML pastes', () => {
  test('every shapes/*.html picked gives the summary and tables of its TAB original', async () => {
    assert.ok(PAGES.length > 0, 'no .html in tests/fixtures/shapes');
    await session(async ({ page }) => {
      for (const name of PAGES) {
        const original = fixture(name.replace(/\.html$/, '.txt'));
        await validateText(page, original);
        const want = await summary(page);
        await untilDone(page, () => page.setInputFiles('#file', path.join(SHAPES, name)));
        const got = await summary(page);
        assert.equal(got.unrecognised, false, name);
        assert.deepEqual(got.counts, want.counts, `${name}: counts`);
        assert.equal(got.tables, want.tables, `${name}: tables`);
        // The source view shows the read text: cells, never the page's
        // tags (only what the document itself prints, escaped in the page).
        const source = await page.textContent('#source');
        for (const tag of source.match(/<\/?[a-z]+/gi) || []) {
          assert.ok(original.includes(tag), `${name}: markup ${tag} in the source view`);
        }
        assert.ok(Object.keys(got.counts).length === 3, `${name}: counts shown`);
        assert.match(got.text, /HTML/, `${name}: read as a web page`);
      }
    });
  });

  test('a paste with text/html table cells becomes TAB text; hostile markup stays text', async () => {
    await session(async ({ page }) => {
      const excel =
        '<html><body><!--StartFragment--><table><tr><td colspan=2>收入</td><td>支出</td></tr>' +
        "<tr><td>一般公共<br style='mso-data-placement:same-cell'>预算</td><td x:num>75.80</td><td>&nbsp;</td><td>1</td></tr></table>" +
        '<img src=x onerror="document.body.dataset.owned=1"><script>document.body.dataset.owned=1</script><!--EndFragment--></body></html>';
      await page.fill('#input', '');
      await paste(page, { 'text/html': excel, 'text/plain': '收入 支出\n一般公共\n预算 75.80 1' });
      await page.waitForFunction(() => document.querySelector('#input').value !== '');
      assert.equal(await page.inputValue('#input'), '收入\t\t支出\n一般公共预算\t75.80\t\t1\n');
      assert.equal(await page.evaluate(() => document.body.dataset.owned), undefined, 'no markup ran');
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      // Without a table, the browser's own plain paste is kept (a layout
      // text's runs of spaces are its columns).
      const kept = await page.$eval('#input', (el) => {
        const dt = new DataTransfer();
        dt.setData('text/html', '<p>说明</p>');
        dt.setData('text/plain', '说明');
        const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
        el.dispatchEvent(e);
        return !e.defaultPrevented;
      });
      assert.ok(kept, 'a paste without a table is left to the browser');
    });
  });

  test('a dropped HTML selection with a table is read and checked', async () => {
    await session(async ({ page }) => {
      const html = fixture('shapes/yangquan-shangwu-2026.html');
      const dataTransfer = await page.evaluateHandle((h) => {
        const dt = new DataTransfer();
        dt.setData('text/html', h);
        dt.setData('text/plain', 'plain');
        return dt;
      }, html);
      await untilDone(page, async () => {
        await page.dispatchEvent('body', 'dragenter', { dataTransfer });
        await page.dispatchEvent('body', 'drop', { dataTransfer });
      });
      const got = await summary(page);
      assert.match(got.text, /阳泉市商务局/);
      assert.equal(got.tables, 13);
      assert.ok(!(await page.inputValue('#input')).includes('<td'));
    });
  });

  test('a text that is no disclosure says 未识别，未做任何检查, never 错误 0 项', async () => {
    await session(async ({ page }) => {
      const cases = [
        '会议纪要\n今天讨论了明年的工作安排。\n',
        // A real document with its tables' lines taken out: titles, no rows.
        fixture('yangquan-zhaoshang-2026.txt')
          .split('\n')
          .filter((l) => !l.includes('\t') && !l.includes('本表无数据'))
          .join('\n'),
      ];
      for (const text of cases) {
        await validateText(page, text);
        const got = await summary(page);
        assert.ok(got.unrecognised, got.text);
        assert.match(got.text, /未识别，未做任何检查/);
        assert.doesNotMatch(got.text, /错误\s*0/);
        assert.deepEqual(got.counts, {}, 'no counts shown');
        assert.match(await page.textContent('#status'), /未识别，未做任何检查/);
        const list = await page.textContent('#docs li.current');
        assert.match(list, /未识别/);
        assert.doesNotMatch(list, /错误\s*0/);
      }
      // The 专项资金 document is recognised: its counts are shown.
      await validateText(page, fixture('yangquan-shangwu-zhuanxiang-2022.txt'));
      const got = await summary(page);
      assert.equal(got.unrecognised, false);
      assert.ok('error' in got.counts, got.text);
    });
  });

  test('a text recognised in an unverified reading says 已识别，但未做任何检查, never 未识别', async () => {
    await session(async ({ page }) => {
      // Shanghai one cell a line: its template is named, its reading is
      // not verified for it (S107), and the PDF is offered instead.
      await validateText(page, fixture('real/shanghai-putuo-wanlijiedao-2025.raw.txt'));
      const got = await summary(page);
      assert.ok(got.unrecognised, got.text);
      assert.match(got.text, /已识别，但未做任何检查/);
      assert.match(got.text, /请直接校验 PDF 原文件/);
      // Neither the verdict nor a check's reason says it was not recognised.
      assert.doesNotMatch(got.text, /未识别，/);
      assert.match(got.text, /读法尚未在此模板上验证（见 S107），未做此项检查/);
      assert.doesNotMatch(got.text, /未做任何检查\s*未做任何检查/, 'the verdict is said once');
      assert.deepEqual(got.counts, {}, 'no counts shown');
      assert.match(await page.textContent('#status'), /已识别，但未做任何检查/);
      const list = await page.textContent('#docs li.current');
      assert.match(list, /已识别，但未做任何检查/);
    });
  });
});
