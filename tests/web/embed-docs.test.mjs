// www/embed.html, the embedding documentation: its three live examples run
// (wasm package in the page, the lib in a Worker, the element) on the sample
// under the page's CSP, with no request outside the origin.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  withServedPage,
} from './harness.mjs';
import { foreignRequests } from './embed-host.mjs';

let server;
let browser;
withServedPage((s, b) => {
  server = s;
  browser = b;
});

describe('www/embed.html (release build)', () => {
  test('the three live examples work and nothing leaves the origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const requests = [];
    const problems = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${server.origin}/embed.html`);
      assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), /default-src 'self'/);

      await page.click('#live-npm [data-run]');
      await page.waitForSelector('#live-npm [data-out][data-done]', { timeout: 30000 });
      const npm = await page.textContent('#live-npm [data-out]');
      assert.match(npm, /阳泉市招商中心 2026：错误 \d+，警告 \d+，尾差\/提示 \d+；表格 13 张/);

      await page.click('#live-module [data-run]');
      await page.waitForSelector('#live-module[data-state="done"]', { timeout: 30000 });
      const lib = await page.textContent('#live-module [data-out]');
      assert.ok(lib.startsWith(npm.replace(/（主线程.*$/, '')), `the Worker gives the same result: ${lib.slice(0, 80)}`);
      assert.match(lib, /\[info\] T\d{3} 第\d+行/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#live-module [data-csv]')]);
      assert.equal(download.suggestedFilename(), '问题清单.csv');

      await page.click('#live-element [data-sample]');
      await page.waitForFunction(() => document.querySelector('#live-element [data-events]').textContent.startsWith('budget-lint-result'), null, {
        timeout: 30000,
      });
      const tables = await page.evaluate(() => document.getElementById('demo').shadowRoot.querySelectorAll('[data-table]').length);
      assert.equal(tables, 13);

      assert.deepEqual(foreignRequests(requests, server.origin), []);
      assert.deepEqual(problems, []);
      const shots = path.join(ROOT, 'target', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.locator('#element').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'embed-element.png') });
    } finally {
      await context.close();
    }
  });
});
