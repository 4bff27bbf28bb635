// Report → DOM. Every piece of document text goes in through textContent
// (via el()), never innerHTML: a disclosure may contain <script> or markup.
// Knows the report's shape, not which rules exist: a new rule's findings
// show up here with no change.

const SEVERITY = {
  error: { rank: 0, label: '错误' },
  warning: { rank: 1, label: '提醒' },
  info: { rank: 2, label: '尾差/提示' },
};
const ROLE_ORDER = ['合计', '分项'];

/** el('li', {class: 'x', dataset: {rule: 'T101'}}, child, 'text', …) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function severityLabel(severity) {
  return (SEVERITY[severity] || { label: severity }).label;
}

/** Errors first, then warnings, then 尾差; within each, by line. */
export function sortFindings(findings) {
  const rank = (f) => (SEVERITY[f.severity] ? SEVERITY[f.severity].rank : 9);
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

export function renderSummary(report, meta) {
  const d = report.document || {};
  const s = report.summary || {};
  const facts = [
    ['文件', meta.source],
    ['文件类型', d.kind_label || d.kind],
    ['部门', d.department],
    ['年度', d.year],
    ['金额单位', d.unit],
    ['行数', d.line_count],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  const counts = [
    ['error', '错误', s.errors],
    ['warning', '提醒', s.warnings],
    ['info', '尾差/提示', s.infos],
  ];
  return [
    el('dl', { class: 'facts' }, facts.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v)))),
    el(
      'p',
      { class: 'counts' },
      counts.map(([sev, label, n]) => el('span', { class: `count sev-${sev}` }, `${label} `, el('b', {}, n ?? 0))),
      el(
        'span',
        { class: 'checks' },
        `检查项：已检查 ${s.checks_ran ?? 0}，不适用 ${s.checks_not_applicable ?? 0}，无法检查 ${s.checks_could_not_run ?? 0}`,
      ),
      meta.ms !== undefined ? el('span', { class: 'timing' }, `用时 ${meta.ms.toFixed(1)} 毫秒`) : null,
    ),
  ];
}

/** One <li> per finding, carrying data-rule / data-severity / data-line. */
export function renderFinding(f, sourceLines, ruleTitles) {
  const title = ruleTitles.get(f.rule);
  const evidence = [...(f.evidence || [])].sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || a.line - b.line,
  );
  return el(
    'li',
    { class: `finding sev-${f.severity}`, dataset: { rule: f.rule, severity: f.severity, line: f.line } },
    el(
      'div',
      { class: 'finding-head' },
      el('span', { class: 'badge' }, severityLabel(f.severity)),
      el('span', { class: 'where' }, `${f.location || ''} 第${f.line}行`),
      el('span', { class: 'rule' }, title ? `${title}（${f.rule}）` : f.rule),
    ),
    el('p', { class: 'message' }, f.message),
    arithmetic(f),
    evidence.length ? el('ul', { class: 'evidence' }, evidence.map((e) => renderEvidence(e, sourceLines))) : null,
  );
}

function roleRank(role) {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
}

function arithmetic(f) {
  const parts = [
    ['应为', f.expected],
    ['实为', f.actual],
    ['相差', f.difference],
    ['容差 ±', f.tolerance],
  ].filter(([, v]) => v !== undefined && v !== null);
  if (!parts.length) return null;
  return el('p', { class: 'arith' }, parts.map(([k, v]) => el('span', {}, k.endsWith('±') ? `${k}${v}` : `${k} ${v}`)));
}

function renderEvidence(e, sourceLines) {
  const place = [e.table, e.row, e.column ? `${e.column}列` : null].filter(Boolean).join(' ');
  const source = sourceLines[e.line - 1];
  return el(
    'li',
    { dataset: { line: e.line } },
    el('span', { class: 'ev-line' }, `第${e.line}行`),
    e.role ? el('span', { class: 'ev-role' }, e.role) : null,
    place ? el('span', { class: 'ev-place' }, place) : null,
    e.value !== undefined ? el('b', { class: 'ev-value num' }, e.value) : null,
    e.text !== undefined ? el('q', { class: 'ev-text' }, e.text) : null,
    source !== undefined && source.trim() ? el('code', { class: 'ev-source' }, tidy(source)) : null,
  );
}

// A source line as a reader expects it: tabs as gaps, bounded length.
function tidy(line) {
  const flat = line.replace(/\t+/g, '　').trim();
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}

/** A table per parsed table: <section data-table="表三">, numbers right-aligned. */
export function renderTable(table, findingCounts) {
  const n = findingCounts.get(table.id) || {};
  const marks = [
    n.error ? el('span', { class: 'count sev-error' }, `错误 ${n.error}`) : null,
    n.warning ? el('span', { class: 'count sev-warning' }, `提醒 ${n.warning}`) : null,
    n.info ? el('span', { class: 'count sev-info' }, `尾差 ${n.info}`) : null,
  ];
  const lines = table.end_line && table.end_line !== table.line ? `第${table.line}–${table.end_line}行` : `第${table.line}行`;
  const body = table.declared_empty
    ? el('p', { class: 'empty' }, '本表无数据（原文注明）')
    : sides(table).map(({ label, columns, rows }) => grid(label, columns, rows));
  return el(
    'section',
    { class: 'ptable', dataset: { table: table.id } },
    el(
      'details',
      {},
      el(
        'summary',
        {},
        el('b', {}, table.id),
        ' ',
        el('span', { class: 'title' }, table.title || ''),
        el('span', { class: 'meta' }, `${lines} · ${table.rows.length} 行${table.unit ? ` · 单位：${table.unit}` : ''}`),
        marks,
      ),
      body,
    ),
  );
}

const SIDE_LABEL = { income: '收入', expense: '支出' };

// Two-sided tables (表一, 表四) are two lists side by side in print; shown
// here one after the other, each with its own columns.
function sides(table) {
  const order = [];
  for (const c of table.columns) if (!order.includes(c.side)) order.push(c.side);
  return order.map((side) => ({
    label: SIDE_LABEL[side] || null,
    columns: table.columns.filter((c) => c.side === side),
    rows: table.rows.filter((r) => r.side === side),
  }));
}

function grid(label, columns, rows) {
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
        el('tr', {}, el('th', { class: 'num' }, '行号'), el('th', {}, '编码'), el('th', {}, '名称'), columns.map((c) => el('th', { class: 'num' }, c.name))),
      ),
      el(
        'tbody',
        {},
        rows.map((r) =>
          el(
            'tr',
            { class: `kind-${r.kind}`, dataset: { line: r.line } },
            el('td', { class: 'num lineno' }, r.line),
            el('td', { class: 'code' }, r.code || ''),
            el('td', { class: 'name' }, r.name || ''),
            columns.map((_, i) => cell(r.cells ? r.cells[i] : undefined)),
          ),
        ),
      ),
    ),
  );
}

function cell(c) {
  if (!c || c.kind === 'blank') return el('td', { class: 'num blank' }, '');
  if (c.kind === 'value') return el('td', { class: 'num' }, c.text ?? c.value);
  return el('td', { class: 'num unreadable', title: '无法识别的数值' }, c.text ?? '');
}

/** table id → {error, warning, info} from the findings' locations and evidence. */
export function countByTable(findings) {
  const counts = new Map();
  for (const f of findings) {
    const tables = new Set([f.location, ...(f.evidence || []).map((e) => e.table)].filter(Boolean));
    for (const t of tables) {
      const entry = counts.get(t) || {};
      entry[f.severity] = (entry[f.severity] || 0) + 1;
      counts.set(t, entry);
    }
  }
  return counts;
}
