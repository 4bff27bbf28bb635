// Taking the result away (release build, real Chromium): the engine's
// findings CSV, the engine's Excel workbook read back, the full report as
// JSON, and the print view as a review memo (emulated print media and a PDF).
// Also: a whole session talks to nobody but the page's own origin, and the
// cold time from opening the page to a first result is printed.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import {
  download,
  dropFiles,
  engineReady,
  fixture,
  listed,
  openPage,
  shotPath,
  untilDone,
  withChangedFigure,
  withServedPage,
} from './helpers.mjs';

let server;
let browser;
withServedPage((s, b) => {
  server = s;
  browser = b;
});

const broken = withChangedFigure(fixture('yangquan-zhaoshang-2026.txt'), '20113\t', 10);

async function checked(fn) {
  const s = await openPage(browser, server.origin);
  try {
    await engineReady(s.page);
    await untilDone(s.page, async () => {
      await dropFiles(s.page, [{ name: 'zhaoshang-broken.txt', bytes: Buffer.from(broken.text) }]);
    });
    await fn(s);
  } finally {
    await s.context.close();
  }
}

/** Whether the loaded engine offers an export (the page marks its button). */
async function offered(page, id) {
  return (await page.getAttribute(id, 'data-available')) === 'true';
}

/** The entries of a .zip (an .xlsx) as name → Buffer, with node's zlib only. */
function unzip(buf) {
  const entries = new Map();
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a zip end-of-central-directory record');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    entries.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    assert.equal(entries.get(name).length, size, `${name} inflates to its size`);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Sheet name → rows of cell strings, from the workbook's XML. */
function readWorkbook(bytes) {
  const zip = unzip(bytes);
  const xml = (name) => (zip.get(name) || Buffer.alloc(0)).toString('utf8');
  const unescape = (s) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const rels = new Map(
    [...xml('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const relsAlt = new Map(
    [...xml('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2], m[1]]),
  );
  const sheets = new Map();
  for (const m of xml('xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = rels.get(m[2]) || relsAlt.get(m[2]);
    const body = xml(`xl/${target.replace(/^\/?xl\//, '')}`);
    const rows = [...body.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
      [...r[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] || '');
        const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[2] || '');
        if (/t="s"/.test(c[1]) && v) return shared[Number(v[1])];
        if (inline) return unescape(inline[1]);
        return v ? v[1] : '';
      }),
    );
    sheets.set(unescape(m[1]), rows);
  }
  return sheets;
}

describe('taking the result away', () => {
  test('JSON: the full report, pretty-printed', async () => {
    await checked(async ({ page }) => {
      const { name, bytes } = await download(page, '#export-json');
      assert.equal(name, 'zhaoshang-broken-report.json');
      const text = bytes.toString('utf8');
      assert.match(text, /\n {2}"/, 'pretty');
      const report = JSON.parse(text);
      assert.equal(report.document.department, '阳泉市招商中心');
      assert.equal(report.tables.length, 13);
      assert.equal(report.findings.length, (await listed(page)).length);
      assert.ok(report.findings.some((f) => f.severity === 'error' && f.line === broken.line));
    });
  });

  test('CSV: the engine’s findings list', async (t) => {
    await checked(async ({ page }) => {
      if (!(await offered(page, '#export-csv'))) {
        await page.click('#export-csv');
        assert.match(await page.textContent('#status'), /此功能需要更新的引擎/);
        t.skip('the loaded engine has no findingsCsv yet (WAVE2-API); the page says 此功能需要更新的引擎');
        return;
      }
      const { name, bytes } = await download(page, '#export-csv');
      assert.equal(name, 'zhaoshang-broken-问题清单.csv');
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const rows = text.trim().split(/\r?\n/);
      const findings = await listed(page);
      assert.equal(rows.length, findings.length + 1, 'a header and one row per finding');
      for (const f of findings) {
        assert.ok(
          rows.some((r) => r.includes(f.rule) && r.includes(String(f.line))),
          `a row for ${f.rule} at line ${f.line}`,
        );
      }
      assert.ok(rows.slice(1).some((r) => r.includes(broken.after)), 'the changed figure is cited');
    });
  });

  test('Excel: the engine’s workbook, opened and read back', async (t) => {
    await checked(async ({ page }) => {
      if (!(await offered(page, '#export-xlsx'))) {
        await page.click('#export-xlsx');
        assert.match(await page.textContent('#status'), /此功能需要更新的引擎/);
        t.skip('the loaded engine has no exportXlsx yet (WAVE2-API); the page says 此功能需要更新的引擎');
        return;
      }
      const { name, bytes } = await download(page, '#export-xlsx');
      assert.equal(name, 'zhaoshang-broken-审核.xlsx');
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      const sheets = readWorkbook(bytes);
      const names = [...sheets.keys()];
      const findingsSheet = sheets.get(names[0]);
      const findings = await listed(page);
      assert.ok(findingsSheet.length >= findings.length + 1, `sheet ${names[0]} rows ${findingsSheet.length}`);
      const flat = findingsSheet.map((r) => r.join('\t'));
      for (const f of findings.filter((x) => x.severity === 'error')) {
        assert.ok(flat.some((r) => r.includes(f.rule)), `error ${f.rule} listed`);
      }
      assert.ok(names.includes('表二') || names.some((n) => n.startsWith('表二')), `a sheet per table: ${names}`);
    });
  });

  test('print: a review memo on A4, no buttons or source view; PDF and screenshot saved', async () => {
    await checked(async ({ page }) => {
      await page.click('#findings > :first-child .card');
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.isVisible('#memo'));
      for (const hidden of ['#run', '#export-csv', '#print', '#source', '#input', '#findings', '.bar']) {
        assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
      }
      const memo = await page.textContent('#memo');
      assert.match(memo, /预算公开审核意见/);
      assert.match(memo, /阳泉市招商中心/);
      assert.match(memo, /2026年/);
      assert.match(memo, /审核日期\d{4}年\d{1,2}月\d{1,2}日/);
      const s = await page.evaluate(() => document.querySelectorAll('#findings > *').length);
      assert.equal(await page.locator('#memo .memo-finding').count(), s, 'every finding in the memo');
      assert.match(memo, new RegExp(`第${broken.line}行`));
      assert.ok(memo.includes(broken.after), 'with its figures');
      await page.screenshot({ path: shotPath('page-print.png'), fullPage: true });
      await page.pdf({ path: shotPath('memo.pdf'), format: 'A4', printBackground: false });
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.isVisible('#memo'), false, 'the memo is for print only');
    });
  });

  test('a full session talks only to the page’s own origin; cold open to first result is printed', async () => {
    const { context, page, requests, started, problems } = await openPage(browser, server.origin);
    try {
      const text = fixture('yangquan-caizheng-2026.txt');
      // Dropped as a file as soon as the page has loaded, engine still
      // starting: what a reviewer with the file at hand waits for.
      await untilDone(page, () => dropFiles(page, [{ name: 'yangquan-caizheng-2026.txt', bytes: Buffer.from(text) }]));
      const cold = Date.now() - started;
      const engineMs = await page.textContent('#summary .timing');
      await page.fill('#input', text);
      const filled = Date.now();
      await untilDone(page, () => page.click('#run'));
      console.log(
        `# Chromium, yangquan-caizheng-2026.txt (${Buffer.byteLength(text)} bytes): page open (cold) → first result ` +
          `${cold} ms (file dropped at load; engine ${engineMs}); warm re-check of pasted text ${Date.now() - filled} ms`,
      );
      // The rest of a session: sample, drop, select, tables, language, exports, print.
      await untilDone(page, () => page.click('#sample'));
      await untilDone(page, () => dropFiles(page, [{ name: 'b.txt', bytes: Buffer.from(broken.text) }]));
      await page.click('#findings > :first-child .card');
      await page.click('#tab-tables');
      await page.click('#lang');
      await page.click('#lang');
      await download(page, '#export-json');
      for (const id of ['#export-csv', '#export-xlsx']) {
        if (await offered(page, id)) await download(page, id);
      }
      await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(300);
      const foreign = requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert.deepEqual(foreign, [], 'requests outside the page origin');
      assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the watcher saw the Worker’s wasm');
      assert.ok(requests.some((u) => u.endsWith('/style.css')), 'the watcher saw the stylesheet, print rules and all');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
