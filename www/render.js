// Small shared pieces of the page's DOM building. Every piece of document
// text goes in through text nodes (el() never parses markup): a disclosure
// may contain <script> or <img onerror>, and it must stay text.
import { t } from './i18n.js';

/** el('li', {class: 'x', dataset: {rule: 'T101'}}, child, 'text', …) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) node.dataset[k] = v;
    } else if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const SEVERITIES = ['error', 'warning', 'info'];
const RANK = { error: 0, warning: 1, info: 2 };

export function severityLabel(severity) {
  return RANK[severity] === undefined ? severity : t(`sev.${severity}`);
}

function tableOrder(location) {
  const m = /^表([一二三四五六七八九十]+)/.exec(location || '');
  if (!m) return 100;
  const digits = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const s = m[1];
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + digits[s[1]];
  return digits[s] ?? 100;
}

/** Errors, then warnings, then 尾差; within each, by table (表一…表十三, then sections), then line. */
export function sortFindings(findings) {
  const rank = (f) => RANK[f.severity] ?? 9;
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      tableOrder(a.location) - tableOrder(b.location) ||
      String(a.location || '').localeCompare(String(b.location || '')) ||
      a.line - b.line,
  );
}

/** 表三 第5行「…」 合计列 第169行 — where a figure was read. */
export function evidencePlace(e) {
  return [e.table, e.row, e.column ? t('finding.column', e.column) : null].filter(Boolean).join(' ');
}

/** Lines of the text exactly as the engine numbers them (1-based: lines[n-1]). */
/**
 * A finding's or a cited figure's line as the user finds it in their file:
 * 「第5页 第456行」 in a PDF, 「工作表「表二」第12行」 in a workbook, else 「第456行」.
 */
export function placeLabel(x) {
  if (x.sheet) return t('finding.sheetRow', x.sheet.name, x.sheet.row);
  if (x.page) return t('finding.pageLine', x.page, x.line);
  return t('finding.line', x.line);
}

export function splitLines(text) {
  return text.split(/\r\n|\r|\n/);
}

/** Cells the findings cite, by table: "表三|#12|合计" → 'error'|'warning'|'info' (worst wins). */
export function citedCells(findings) {
  const cells = new Map();
  for (const f of findings) {
    for (const e of f.evidence || []) {
      if (!e.table || !e.line) continue;
      const key = citedKey(e);
      const prev = cells.get(key);
      if (!prev || (RANK[f.severity] ?? 9) < (RANK[prev] ?? 9)) cells.set(key, f.severity);
    }
  }
  return cells;
}

function cellKey(table, line, column) {
  return `${table}|${line}|${column}`;
}

/**
 * The key of the table cell a figure of the evidence stands in: its row by
 * the row's number in the table when the evidence names the row ("第12行「…」",
 * as `Table::row_label` writes it: the row's `index`), else by its line. A
 * line may hold several rows of one table (rows a browser's copy of a PDF
 * printed on one line, parted by the engine), a row number one only.
 */
export function citedKey(e, column = e.column || '') {
  const named = /^第(\d+)行/.exec(e.row || '');
  return cellKey(e.table, named ? `#${named[1]}` : e.line, column);
}

/** The keys a table row's cell answers to: by its row number, and by its line. */
export function rowCellKeys(tableId, row, column) {
  return [cellKey(tableId, `#${row.index}`, column), cellKey(tableId, row.line, column)];
}

export function formatDate(date, lang) {
  if (lang === 'en') return date.toISOString().slice(0, 10);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
