// Seeing the result on the product page (release build, real Chromium): a
// finding selected shows its source lines with the cited figures marked and
// its table's cells marked; keyboard navigation; filters; the table view;
// markup in a document stays inert; the English switch is remembered; the
// narrow layout. Saves the screenshots of the main views.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
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

async function session(fn, viewport) {
  const s = await openPage(browser, server.origin);
  try {
    if (viewport) await s.page.setViewportSize(viewport);
    await engineReady(s.page);
    await fn(s);
    assert.deepEqual(s.problems, [], 'no console error or uncaught exception');
  } finally {
    await s.context.close();
  }
}

// 表二 row 20113 商贸事务, 合计 column raised by 10: a real error for the
// table rules (row sum, 科目 hierarchy, 表二↔表三).
const broken = withChangedFigure(fixture('yangquan-zhaoshang-2026.txt'), '20113\t', 10);

async function paste(page, text) {
  await page.fill('#input', text);
  await untilDone(page, () => page.click('#run'));
}

/** What the 定位 panel shows for the selected finding. */
async function located(page) {
  return page.evaluate(() => ({
    citedLines: [...document.querySelectorAll('#source .src-line.cited')].map((d) => Number(d.dataset.line)),
    marks: [...document.querySelectorAll('#source .src-line mark')].map((m) => ({
      line: Number(m.closest('.src-line').dataset.line),
      text: m.textContent,
    })),
    cells: [...document.querySelectorAll('#finding-tables td.cell-selected')].map((td) => ({
      table: td.closest('[data-table]').dataset.table,
      line: Number(td.closest('tr').dataset.line),
      column: td.dataset.column,
      text: td.textContent,
    })),
    sourceTop: document.getElementById('source').scrollTop,
    visibleLine: (() => {
      const box = document.getElementById('source').getBoundingClientRect();
      const first = [...document.querySelectorAll('#source .src-line.cited')][0];
      if (!first) return false;
      const r = first.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    })(),
  }));
}

describe('seeing the result', () => {
  test('a finding citing a row printed on one line with others marks that row\'s cells only', async () => {
    // Chrome's copy of 万里街道 2025 prints 表3's 212 rows on line 173, one
    // after another; the engine parts them, and each cites line 173. The
    // 尾差 of 21201 城乡社区管理事务 (合计 94,995,790 = 77,381,546 +
    // 17,614,243 ± 1) marks its three cells, not those columns of every row
    // on the line.
    await session(async ({ page }) => {
      await paste(page, fixture('chrome-copy/shanghai-putuo-wanlijiedao-2025.txt'));
      const findings = await listed(page);
      const index = findings.findIndex((f) => f.rule === 'T101' && f.line === 173);
      assert.ok(index >= 0, `the 尾差 on line 173: ${JSON.stringify(findings.map((f) => [f.rule, f.line]))}`);
      await page.click(`#findings > :nth-child(${index + 1}) .card`);
      const view = await located(page);
      assert.deepEqual(
        view.cells.map((c) => [c.table, c.line, c.column, c.text]).sort(),
        [
          ['表3', 173, '合计', '94,995,790'],
          ['表3', 173, '基本支出', '77,381,546'],
          ['表3', 173, '项目支出', '17,614,243'],
        ].sort(),
      );
      const rows = await page.$$eval('#finding-tables [data-table="表3"] tr[data-line="173"]', (trs) => trs.length);
      assert.ok(rows >= 5, `rows on line 173: ${rows}`);
    });
  });

  test('an error selected: its lines in the source with every cited figure marked, and its cells in the table', async () => {
    await session(async ({ page }) => {
      await paste(page, broken.text);
      const findings = await listed(page);
      const errors = findings.filter((f) => f.severity === 'error');
      assert.ok(errors.length >= 2, `errors: ${errors.length}`);
      assert.equal(findings[0].severity, 'error', 'errors first');
      // The row-sum error (T101) on the changed line: 合计 281.22 vs 一般公共预算 271.22.
      const index = findings.findIndex((f) => f.rule === 'T101' && f.line === broken.line);
      assert.ok(index >= 0, 'the row-sum error on the changed line');
      await page.click(`#findings > :nth-child(${index + 1}) .card`);
      const view = await located(page);
      assert.deepEqual(view.citedLines, [broken.line]);
      assert.ok(view.visibleLine, 'the cited line is scrolled into view');
      assert.deepEqual(
        view.marks.map((m) => m.text).sort(),
        [broken.after, broken.before].sort(),
        'both figures marked in the line',
      );
      assert.deepEqual(
        view.cells.map((c) => [c.table, c.line, c.column, c.text]).sort(),
        [
          ['表二', broken.line, '一般公共预算', broken.before],
          ['表二', broken.line, '合计', broken.after],
        ].sort(),
      );
      // The cross-table error (T108) cites two tables: both shown, both cells marked.
      const cross = findings.findIndex((f) => f.rule === 'T108');
      assert.ok(cross >= 0);
      await page.click(`#findings > :nth-child(${cross + 1}) .card`);
      const view2 = await located(page);
      assert.deepEqual(new Set(view2.cells.map((c) => c.table)), new Set(['表二', '表三']));
      assert.ok(view2.marks.some((m) => m.line === broken.line && m.text === broken.after));
      assert.equal(view2.marks.length, 2);
      // The selected finding at 1280×800: the main working view.
      await page.screenshot({ path: shotPath('page-finding-selected.png') });
      // A figure of the evidence clicked: its line flashes in the source.
      await page.click(`#findings > :nth-child(${cross + 1}) .evidence li[data-line="${broken.line}"]`);
      assert.equal(await page.locator(`#source .src-line.flash[data-line="${broken.line}"]`).count(), 1);
      // Far-apart lines (表二 and 表三) are both shown, as excerpts with a gap between.
      assert.equal(view2.citedLines.length, 2);
      assert.ok(view2.citedLines.includes(broken.line));
      const before = await page.locator('#source .src-line').count();
      const gap = page.locator('#source .src-gap').first();
      assert.match(await gap.textContent(), /点击展开/);
      await gap.click();
      assert.ok((await page.locator('#source .src-line').count()) > before, 'a gap opens');
      assert.equal(await page.locator('#source .src-line[data-line="1"]').count(), 1, 'from the first line');


      // The table view: every finding's cells marked, error cells as errors.
      await page.click('#tab-tables');
      assert.ok(await page.isVisible('#tables'));
      const marked = await page.$$eval('#tables [data-table="表二"] td.mark-error', (tds) =>
        tds.map((td) => [Number(td.closest('tr').dataset.line), td.dataset.column]),
      );
      assert.ok(marked.some(([line, col]) => line === broken.line && col === '合计'), `marked: ${JSON.stringify(marked)}`);
      assert.ok((await page.locator('#tables td.mark-info').count()) > 0, '尾差 cells marked');
      const kinds = await page.$$eval('#tables [data-table="表三"] tbody tr', (trs) => trs.map((tr) => tr.dataset.kind));
      assert.ok(['total', 'class', 'subclass', 'item'].every((k) => kinds.includes(k)), `row kinds ${kinds}`);
      const pad = await page.$$eval('#tables [data-table="表三"] tr[data-kind="item"] td.name', (tds) =>
        parseFloat(getComputedStyle(tds[0]).paddingLeft),
      );
      assert.ok(pad > 20, '项 rows indented');
      assert.ok(
        await page.$$eval('#tables td.num', (tds) => tds.slice(0, 80).every((td) => getComputedStyle(td).textAlign === 'right')),
        'numbers right-aligned',
      );
      // The contents links jump to a table, its errors counted.
      assert.match(await page.textContent('#tables-nav a.has-error'), /表二 · \d/);
      await page.click('#tables-nav a[href="#table-表二"]');
      const top = await page.evaluate(() => {
        const panel = document.getElementById('panel-tables').getBoundingClientRect();
        const nav = document.getElementById('tables-nav').getBoundingClientRect();
        const table = document.getElementById('table-表二').getBoundingClientRect();
        return { gap: table.top - nav.bottom, inside: table.top < panel.bottom };
      });
      assert.ok(top.inside && Math.abs(top.gap) < 30, `表二 at the top of the panel: ${JSON.stringify(top)}`);
      await page.screenshot({ path: shotPath('page-tables.png') });
    });
  });

  test('keyboard: ↓/↑ move a single tab stop through the findings, Enter shows one, j/k step and show', async () => {
    await session(async ({ page }) => {
      await paste(page, broken.text);
      const findings = await listed(page);
      await page.focus('#findings > :first-child .card');
      const tabStops = () => page.$$eval('#findings .card', (cards) => cards.filter((c) => c.tabIndex === 0).length);
      assert.equal(await tabStops(), 1, 'roving tabindex: one tab stop');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const focused = () => page.evaluate(() => document.activeElement.closest('.finding')?.dataset.id);
      const third = await page.$eval('#findings > :nth-child(3)', (li) => li.dataset.id);
      assert.equal(await focused(), third);
      assert.equal(await tabStops(), 1);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'visible focus');
      await page.keyboard.press('Enter');
      const selected = () => page.$eval('#findings .finding.selected', (li) => ({ id: li.dataset.id, line: Number(li.dataset.line) }));
      assert.equal((await selected()).id, third);
      assert.ok((await located(page)).citedLines.includes(findings[2].line) || findings[2].line > 0);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      assert.equal((await selected()).id, await page.$eval('#findings > :nth-child(2)', (li) => li.dataset.id));
      // j/k from outside the list (not in a text field).
      await page.click('#result-title');
      await page.keyboard.press('j');
      assert.equal((await selected()).id, third);
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      assert.equal((await selected()).id, await page.$eval('#findings > :nth-child(1)', (li) => li.dataset.id));
    });
  });

  test('filters: severity, place and text narrow the list', async () => {
    await session(async ({ page }) => {
      await paste(page, broken.text);
      const all = await listed(page);
      const errors = all.filter((f) => f.severity === 'error').length;
      const infos = all.filter((f) => f.severity === 'info').length;
      assert.ok(errors > 0 && infos > 0);
      await page.uncheck('input[name="severity"][value="info"]');
      let now = await listed(page);
      assert.equal(now.length, all.length - infos);
      assert.ok(now.every((f) => f.severity !== 'info'));
      await page.check('input[name="severity"][value="info"]');
      await page.uncheck('input[name="severity"][value="error"]');
      now = await listed(page);
      assert.equal(now.length, all.length - errors);
      assert.ok(now.every((f) => f.severity !== 'error'));
      await page.check('input[name="severity"][value="error"]');
      await page.selectOption('#filter-location', '表三');
      now = await listed(page);
      assert.equal(now.length, all.filter((f) => f.location === '表三').length);
      assert.ok(now.length > 0 && now.every((f) => f.location === '表三'));
      await page.selectOption('#filter-location', '');
      await page.fill('#filter-text', '商贸事务');
      now = await listed(page);
      assert.ok(now.length > 0 && now.length < all.length);
      assert.ok(now.every((f) => f.text.includes('商贸事务')));
      assert.match(await page.textContent('#findings-count'), new RegExp(`${now.length} / ${all.length}`));
      await page.fill('#filter-text', '没有这样的问题');
      assert.equal((await listed(page)).length, 0);
      assert.match(await page.textContent('#findings-count'), /没有符合筛选条件的问题/);
    });
  });

  test('a document carrying <script> and <img onerror> renders inert', async () => {
    await session(async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        d.dismiss();
      });
      const lines = broken.text.split('\n');
      // Markup inside a cited line and in the document's head.
      lines[broken.line - 1] += '<img src=x onerror="alert(1);window.__pwned=1">';
      const hostile = `<script>alert(2);window.__pwned=2</script>\n${lines.join('\n')}`;
      await paste(page, hostile);
      const row = (await listed(page)).findIndex((f) => f.rule === 'T101' && f.line === broken.line + 1);
      assert.ok(row >= 0);
      await page.click(`#findings > :nth-child(${row + 1}) .card`);
      await page.click('#tab-tables');
      await page.click('#tab-locate');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(dialogs, 0);
      assert.equal(await page.locator('main img, main script, #memo img, #memo script').count(), 0);
      assert.match(await page.textContent('#source'), /<img src=x onerror=/, 'the markup is shown as text');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });

  test('English switch: interface text changes, finding messages stay Chinese, the choice is remembered', async () => {
    await session(async ({ page }) => {
      await paste(page, broken.text);
      await page.click('#lang');
      // The English words load on this first switch (www/i18n-en.js).
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await page.textContent('#run'), 'Check');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.textContent('#findings'), /Error/);
      assert.match(await page.textContent('#findings .message'), /表二/);
      await page.screenshot({ path: shotPath('page-english.png') });
      await page.reload();
      await engineReady(page);
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await page.textContent('#run'), 'Check', 'remembered after reload');
      await page.click('#lang');
      assert.equal(await page.textContent('#run'), '校验');
    });
  });

  test('text contrast meets WCAG AA (4.5:1) everywhere a reviewer reads', async () => {
    await session(async ({ page }) => {
      await paste(page, broken.text);
      await page.click('#findings > :nth-child(2) .card');
      const check = () =>
        page.evaluate(() => {
          const rgb = (c) => {
            const m = c.match(/[\d.]+/g).map(Number);
            return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
          };
          const lum = ({ r, g, b }) => {
            const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const background = (node) => {
            for (let n = node; n; n = n.parentElement) {
              const c = rgb(getComputedStyle(n).backgroundColor);
              if (c.a > 0.5) return c;
            }
            return { r: 255, g: 255, b: 255 };
          };
          const bad = [];
          let seen = 0;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode;
            const node = text.parentElement;
            if (!text.data.trim() || !node.getClientRects().length) continue;
            if (node.closest('[hidden], button:disabled, #memo')) continue;
            const style = getComputedStyle(node);
            if (style.visibility === 'hidden' || node.closest('textarea')) continue;
            seen++;
            const fg = lum(rgb(style.color));
            const bg = lum(background(node));
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) bad.push(`${ratio.toFixed(2)} ${node.tagName}.${node.className}: ${text.data.trim().slice(0, 20)}`);
          }
          return { seen, bad: [...new Set(bad)] };
        });
      let r = await check();
      assert.ok(r.seen > 100, `text nodes checked: ${r.seen}`);
      assert.deepEqual(r.bad, []);
      await page.click('#tab-tables');
      r = await check();
      assert.deepEqual(r.bad, []);
    });
  });

  test('the empty page at 1280×800 (screenshot)', async () => {
    await session(async ({ page }) => {
      assert.ok(await page.isVisible('#welcome'));
      assert.ok(await page.isVisible('#sample'));
      await page.screenshot({ path: shotPath('page-empty.png') });
    });
  });

  test('a narrow window: one column, nothing wider than the window', async () => {
    await session(
      async ({ page }) => {
        await paste(page, broken.text);
        const layout = await page.evaluate(() => {
          const side = document.querySelector('.side').getBoundingClientRect();
          const detail = document.querySelector('.detail').getBoundingClientRect();
          return { stacked: detail.top >= side.bottom - 1, scrollWidth: document.documentElement.scrollWidth };
        });
        assert.ok(layout.stacked, 'the detail goes below the findings');
        assert.ok(layout.scrollWidth <= 420, `page width ${layout.scrollWidth}`);
        await page.screenshot({ path: shotPath('page-narrow.png') });
        await page.screenshot({ path: shotPath('page-narrow-full.png'), fullPage: true });
      },
      { width: 420, height: 860 },
    );
  });
});
