// <budget-lint> in a portal's page (release build, real Chromium): the host
// sets the text, gets budget-lint-result with the errors and findings, sees
// them rendered in the element's shadow DOM in its language and panels, gets
// budget-lint-error for a file that is not text, and nothing leaves the origin.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fixture,
  withServedPage,
} from './harness.mjs';
import { foreignRequests, openHost, withError } from './embed-host.mjs';

let server;
let browser;
withServedPage((s, b) => {
  server = s;
  browser = b;
});

const HOST_SCRIPT = `
window.__events = [];
for (const el of document.querySelectorAll('budget-lint')) {
  el.addEventListener('budget-lint-result', (e) => window.__events.push({
    id: el.id, type: 'result', errors: e.detail.summary.errors, findings: e.detail.findings.length,
    tables: e.detail.tables.length, department: e.detail.document.department }));
  el.addEventListener('budget-lint-error', (e) => window.__events.push({ id: el.id, type: 'error', ...e.detail }));
}
`;

const BODY = `
<budget-lint id="zh" lang="zh" panels="summary findings tables"></budget-lint>
<budget-lint id="en" lang="en"></budget-lint>`;

function open() {
  return openHost(browser, server.origin, {
    body: BODY,
    script: HOST_SCRIPT,
    modules: ['/embed/budget-lint-element.js'],
  });
}

/** What the element shows, read through its (open) shadow root. */
function shadow(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const visible = (sel) => !root.querySelector(sel).hidden;
    return {
      panels: { input: visible('.input'), summary: visible('.summary'), findings: visible('.findings'), tables: visible('.tables') },
      button: root.querySelector('button.primary').textContent,
      summary: root.querySelector('.summary').textContent,
      findings: [...root.querySelectorAll('ol.findings li')].map((li) => ({
        rule: li.dataset.rule,
        severity: li.dataset.severity,
        line: Number(li.dataset.line),
        text: li.textContent,
      })),
      tables: [...root.querySelectorAll('[data-table]')].map((d) => d.dataset.table),
      heading: root.querySelector('.findings h3')?.textContent,
    };
  }, id);
}

describe('<budget-lint> in a host page (release build)', () => {
  test('text set by the host → budget-lint-result with the errors, rendered in place', async () => {
    const { context, page, requests, problems } = await open();
    try {
      const original = fixture('yangquan-zhaoshang-2026.txt');
      const { before, summary } = await page.evaluate(
        async ({ original, text }) => {
          await customElements.whenDefined('budget-lint');
          const el = document.getElementById('zh');
          el.text = original;
          const before = (await el.validate()).summary;
          el.text = text;
          const report = await el.validate();
          return { before, summary: report.summary };
        },
        { original, text: withError(original) },
      );
      assert.ok(summary.errors > before.errors, `the raised 合计 adds errors: ${before.errors} → ${summary.errors}`);
      const events = await page.evaluate(() => window.__events);
      assert.equal(events.length, 2, 'one result event per validate()');
      const event = events[1];
      assert.deepEqual({ ...event, findings: undefined }, {
        id: 'zh', type: 'result', errors: summary.errors, findings: undefined, tables: 13, department: '阳泉市招商中心',
      });

      const view = await shadow(page, 'zh');
      assert.deepEqual(view.panels, { input: false, summary: true, findings: true, tables: true });
      assert.match(view.summary, /阳泉市招商中心/);
      assert.match(view.summary, /2026/);
      assert.equal(view.findings.length, event.findings, 'every finding of the event is shown');
      const errors = view.findings.filter((f) => f.severity === 'error');
      assert.equal(errors.length, summary.errors);
      // 合计 +1.00 breaks its row (T101), its column (T102) and 表三 = 表一 (T107), all at line 167.
      const at167 = errors.filter((f) => f.line === 167).map((f) => f.rule).sort();
      assert.deepEqual(at167, ['T101', 'T102', 'T107']);
      assert.equal(view.findings[0].severity, 'error', 'errors first');
      const t101 = errors.find((f) => f.rule === 'T101');
      assert.match(t101.text, /341\.46/);
      assert.match(t101.text, /第167行/);
      assert.equal(view.tables.length, 13);
      assert.equal(view.heading, '发现的问题');

      assert.deepEqual(foreignRequests(requests, server.origin), []);
      assert.ok(requests.some((u) => u.endsWith('/lib/worker.js')));
      assert.ok(!requests.some((u) => u.includes('/pkg-xlsx/')), 'the Excel module is not loaded for a check');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('lang="en" and the default panels: English chrome, the input shown, findings in Chinese', async () => {
    const { context, page, problems } = await open();
    try {
      await page.evaluate(async (text) => {
        await customElements.whenDefined('budget-lint');
        const el = document.getElementById('en');
        el.text = text;
        await el.validate();
      }, fixture('yangquan-shangwu-2026.txt'));
      const view = await shadow(page, 'en');
      assert.deepEqual(view.panels, { input: true, summary: true, findings: true, tables: false });
      assert.equal(view.button, 'Check');
      assert.equal(view.heading, 'Findings');
      assert.ok(view.findings.length > 0);
      assert.ok(view.findings.every((f) => /line \d+/.test(f.text) && /[表第]/.test(f.text)));
      // Switching the attribute re-renders the same report in Chinese.
      await page.evaluate(() => document.getElementById('en').setAttribute('lang', 'zh'));
      assert.equal((await shadow(page, 'en')).heading, '发现的问题');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a binary file → budget-lint-error with code and Chinese message; markup in text stays text', async () => {
    const { context, page, problems } = await open();
    try {
      const detail = await page.evaluate(async () => {
        await customElements.whenDefined('budget-lint');
        const el = document.getElementById('zh');
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
        await el.validateFile(new File([png], 'scan.png')).catch(() => {});
        return window.__events.at(-1);
      });
      assert.equal(detail.type, 'error');
      assert.equal(detail.code, 'binary');
      assert.match(detail.message, /不是文本文件/);

      const hostile = `<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 1">\n${fixture('yangquan-zhaoshang-2026.txt')}`;
      await page.evaluate(async (text) => {
        const el = document.getElementById('zh');
        el.text = text;
        await el.validate();
      }, hostile);
      const inert = await page.evaluate(() => ({
        pwned: window.__pwned,
        elements: document.getElementById('zh').shadowRoot.querySelectorAll('img, script').length,
      }));
      assert.deepEqual(inert, { pwned: undefined, elements: 0 });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('text given as the element content with `auto` validates on its own', async () => {
    const text = fixture('yangquan-caizheng-2026.txt');
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const { context, page, problems } = await openHost(browser, server.origin, {
      body: `<budget-lint id="auto" auto panels="summary">${escaped}</budget-lint>`,
      script: HOST_SCRIPT,
      modules: ['/embed/budget-lint-element.js'],
    });
    try {
      await page.waitForFunction(() => window.__events?.length > 0, null, { timeout: 30000 });
      const [event] = await page.evaluate(() => window.__events);
      assert.equal(event.type, 'result');
      assert.equal(event.tables, 13);
      assert.match(event.department, /财政局/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
