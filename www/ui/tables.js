// The rebuilt tables: numbers right-aligned, row kinds visible (合计 bold,
// 类/款/项 indented), cells cited by findings marked (error / 尾差), and, for
// the selected finding, its own cells outlined.
import { citedCells, el, rowCellKeys } from '../render.js';
import { t } from '../i18n.js';

const SIDE_KEYS = { income: 'side.income', expense: 'side.expense' };
const KIND_LABEL = {
  total: '合计',
  class: '类',
  subclass: '款',
  item: '项',
  group: '类',
  economic_item: '款',
  tree_department: '部门',
  tree_unit: '单位',
  tree_project: '项目',
  fixed: '',
  unit: '单位',
};

/**
 * One <section data-table="表三"> for a parsed table.
 * @param {object} table report.tables[i]
 * @param {{marks?: Map, selected?: Set, open?: boolean, summaryCounts?: object}} opts
 */
export function renderTable(table, opts = {}) {
  const marks = opts.marks || new Map();
  const selected = opts.selected || new Set();
  const n = opts.counts || {};
  const badges = ['error', 'warning', 'info']
    .filter((s) => n[s])
    .map((s) => el('span', { class: `count sev-${s}` }, `${t(`sev.${s}`)} ${n[s]}`));
  const lines =
    table.end_line && table.end_line !== table.line
      ? t('tables.lines', table.line, table.end_line)
      : t('finding.line', table.line);
  const meta = [lines, t('tables.rows', table.rows.length), table.unit ? t('tables.unit', table.unit) : null]
    .filter(Boolean)
    .join(' · ');
  const body = table.declared_empty
    ? el('p', { class: 'empty' }, t('tables.empty'))
    : sides(table).map(({ side, columns, rows, after }) => grid(table, side, columns, rows, after, marks, selected));
  return el(
    'section',
    { class: 'ptable', id: opts.anchor ? `table-${table.id}` : null, dataset: { table: table.id } },
    el(
      'details',
      { open: opts.open !== false },
      el(
        'summary',
        {},
        el('b', { class: 'tid' }, table.id),
        el('span', { class: 'title' }, table.title || ''),
        el('span', { class: 'meta' }, meta),
        badges,
      ),
      body,
    ),
  );
}

/** All tables, marked with every finding's cells. */
export function renderAllTables(report, findingCounts) {
  const tables = report.tables || [];
  if (!tables.length) return [el('p', { class: 'empty' }, t('tables.none'))];
  const marks = citedCells(report.findings || []);
  return [
    el(
      'p',
      { class: 'legend' },
      t('tables.legend'),
      el('span', { class: 'cell-sample mark-error' }, t('tables.legendError')),
      el('span', { class: 'cell-sample mark-info' }, t('tables.legendInfo')),
    ),
    ...tables.map((tb) => renderTable(tb, { marks, counts: findingCounts.get(tb.id), open: true, anchor: true })),
  ];
}

// Two-sided tables (表一, 表四) print income and expense side by side; each
// side is shown as its own grid with its own columns.
function sides(table) {
  const order = [];
  for (const c of table.columns) if (!order.includes(c.side)) order.push(c.side);
  return order.map((side, i) => ({
    side,
    columns: table.columns.filter((c) => c.side === side),
    rows: table.rows.filter((r) => r.side === side),
    // Columns of later sides: they follow this side's cells on a source line.
    after: table.columns.filter((c) => order.indexOf(c.side) > i).length,
  }));
}

function grid(table, side, columns, rows, _after, marks, selected) {
  const label = SIDE_KEYS[side] ? t(SIDE_KEYS[side]) : null;
  return el(
    'div',
    { class: 'grid' },
    label ? el('h4', {}, label) : null,
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { class: 'num', scope: 'col' }, t('tables.lineNo')),
          el('th', { scope: 'col' }, t('tables.code')),
          el('th', { scope: 'col' }, t('tables.name')),
          columns.map((c) => el('th', { class: 'num', scope: 'col' }, c.name)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((r) => {
          const rowSelected = rowCellKeys(table.id, r, '').some((key) => selected.has(key));
          return el(
            'tr',
            {
              class: `kind-${r.kind}${rowSelected ? ' row-selected' : ''}`,
              dataset: { line: r.line, kind: r.kind },
            },
            el('td', { class: 'num lineno' }, r.line),
            el('td', { class: 'code' }, r.code || ''),
            el(
              'td',
              { class: 'name' },
              KIND_LABEL[r.kind] ? el('span', { class: 'kind', title: r.kind }, KIND_LABEL[r.kind]) : null,
              r.name || '',
            ),
            columns.map((c, i) => cell(r.cells ? r.cells[i] : undefined, rowCellKeys(table.id, r, c.name), c.name, marks, selected)),
          );
        }),
      ),
    ),
  );
}

/** A row's cell; `keys` are those it answers to (`rowCellKeys`). */
function cell(c, keys, column, marks, selected) {
  const mark = keys.map((key) => marks.get(key)).find(Boolean);
  const classes = ['num'];
  if (mark) classes.push(`mark-${mark}`);
  if (keys.some((key) => selected.has(key))) classes.push('cell-selected');
  const attrs = { class: '', dataset: { column } };
  if (!c || c.kind === 'blank') {
    classes.push('blank');
    return el('td', { ...attrs, class: classes.join(' ') }, '');
  }
  if (c.kind === 'value') return el('td', { ...attrs, class: classes.join(' ') }, c.text ?? c.value);
  classes.push('unreadable');
  return el('td', { ...attrs, class: classes.join(' '), title: t('tables.unreadable') }, c.text ?? '');
}

/** table id → {error, warning, info}: findings located in it or citing it. */
export function countByTable(findings) {
  const counts = new Map();
  for (const f of findings) {
    const tables = new Set([f.location, ...(f.evidence || []).map((e) => e.table)].filter(Boolean));
    for (const id of tables) {
      const entry = counts.get(id) || {};
      entry[f.severity] = (entry[f.severity] || 0) + 1;
      counts.set(id, entry);
    }
  }
  return counts;
}

/** Links to each table, with its error count: the table view's contents. */
export function renderTablesNav(report, findingCounts) {
  return (report.tables || []).map((tb) => {
    const n = findingCounts.get(tb.id) || {};
    return el(
      'a',
      { href: `#table-${tb.id}`, class: n.error ? 'has-error' : null, title: tb.title || '' },
      tb.id,
      n.error ? ` · ${n.error}` : '',
    );
  });
}
