// dist/budget-lint.html (scripts/build-dist.py): the whole page in one file,
// opened from disk with no server, validates a corpus document; it fetches
// nothing at all and its CSP holds (no violation, no console error).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ROOT, fixture, launch } from './harness.mjs';

const DIST = path.join(ROOT, 'dist', 'budget-lint.html');
let browser;

before(async () => {
  if (!existsSync(DIST)) throw new Error('dist/budget-lint.html is missing: run `make dist` first');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openDist() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(pathToFileURL(DIST).href);
  return { context, page, requests, problems };
}

describe('single-file build (file://)', () => {
  test('is one file: no reference to another file, wasm embedded, strict CSP', () => {
    const html = readFileSync(DIST, 'utf8');
    assert.doesNotMatch(html, /<script[^>]+\bsrc=/i, 'no external script');
    assert.doesNotMatch(html, /<link[^>]+rel=["']?stylesheet/i, 'no external stylesheet');
    assert.match(html, /"wasmBase64": "AGFzbQ/, 'the core wasm is embedded (base64 of \\0asm)');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    for (const part of ["default-src 'none'", "connect-src data:", "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(csp.includes(part), `CSP has ${part}: ${csp}`);
    }
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, 'no unsafe-inline / unsafe-eval');
    const raw = statSync(DIST).size;
    console.log(`# dist/budget-lint.html raw ${raw} bytes, gzip -9 ${gzipSync(readFileSync(DIST), { level: 9 }).length} bytes`);
  });

  test('opened from disk, it validates a corpus document like the served page', async () => {
    const { context, page, requests, problems } = await openDist();
    try {
      await page.fill('#input', fixture('yangquan-shangwu-2026.txt'));
      await page.waitForSelector('#run:not([disabled])', { timeout: 30000 });
      await page.click('#run');
      await page.waitForSelector('body[data-state="done"]', { timeout: 30000 });
      const view = await page.evaluate(() => ({
        tables: [...document.querySelectorAll('#tables [data-table]')].map((s) => s.dataset.table),
        findings: [...document.querySelectorAll('#findings > *')].map((li) => li.textContent),
        summary: document.getElementById('summary').textContent,
        protocol: location.protocol,
      }));
      assert.equal(view.protocol, 'file:');
      assert.equal(view.tables.length, 13, `tables ${view.tables}`);
      assert.equal(view.tables[0], '表一');
      assert.ok(view.findings.length > 0);
      assert.ok(view.findings.every((t) => /第\d+行/.test(t)));
      assert.match(view.summary, /阳泉市商务局/);
      // Its engine has the rebuild readers (it cannot load them later): a
      // text copied out of a PDF (aligned columns) is read too.
      await page.$eval('#input', (box, value) => {
        box.value = value;
      }, fixture('shapes/yangquan-shangwu-2026.layout.txt'));
      await page.click('#run');
      // Its summary counts the layout text's lines, not the TAB text's.
      await page.waitForFunction(
        (before) => document.body.dataset.state === 'done' && document.getElementById('summary').textContent !== before,
        view.summary,
        { timeout: 30000 },
      );
      assert.equal(await page.locator('#tables [data-table]').count(), 13);
      assert.match(await page.textContent('#summary'), /行数 1284/);
      // Nothing fetched: the page itself, then only the Worker's blob: URL.
      const fetched = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
      assert.deepEqual(fetched, [pathToFileURL(DIST).href]);
      assert.deepEqual(problems, []);
      const shots = path.join(ROOT, 'target', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'dist-single-file.png') });
    } finally {
      await context.close();
    }
  });

  test('the Excel export is declared absent, CSV comes from the embedded engine', async () => {
    const { context, page, problems } = await openDist();
    try {
      await page.waitForSelector('#run:not([disabled])', { timeout: 30000 });
      // The page's modules are bundled out of reach, so the embedded Worker
      // (the one the page starts) is driven here through its own protocol.
      const out = await page.evaluate(async (text) => {
        const packed = globalThis.BUDGET_LINT_EMBEDDED;
        const worker = new Worker(URL.createObjectURL(new Blob([packed.workerSource])));
        const bin = atob(packed.wasmBase64);
        const wasmBytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
        const reply = (want) =>
          new Promise((resolve) => {
            const on = (e) => {
              if (want(e.data)) {
                worker.removeEventListener('message', on);
                resolve(e.data);
              }
            };
            worker.addEventListener('message', on);
          });
        const ready = reply((m) => m.type === 'ready' || m.type === 'failed');
        worker.postMessage({ type: 'init', wasmBytes, xlsxUrl: null });
        await ready;
        const csv = reply((m) => m.id === 1 && 'ok' in m);
        worker.postMessage({ id: 1, type: 'csv', text, name: 'shangwu.txt' });
        const xlsx = reply((m) => m.id === 2 && 'ok' in m);
        worker.postMessage({ id: 2, type: 'xlsx', text });
        const result = { csv: await csv, xlsx: await xlsx };
        worker.terminate();
        return result;
      }, fixture('yangquan-shangwu-2026.txt'));
      assert.equal(out.csv.ok, true);
      assert.match(out.csv.result, /^\uFEFF文件,序号,严重程度/);
      assert.match(out.csv.result, /shangwu\.txt,1,/);
      assert.equal(out.xlsx.ok, false);
      assert.match(out.xlsx.error, /单文件版/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
