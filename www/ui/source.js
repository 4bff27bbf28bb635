// The source text as the engine read it, line-numbered, scrolled to the
// selected finding's lines, each cited figure wrapped in <mark> (built with
// DOM nodes: the document's text never passes through an HTML parser).
import { el } from '../render.js';

// Beyond this many lines only a window around the cited lines is built, so
// a huge paste never stalls the page.
const FULL_LIMIT = 6000;
const WINDOW = 300;

/**
 * Renders the source lines into `container` and marks the finding's figures.
 * @param {HTMLElement} container
 * @param {string[]} lines  the text split as the engine numbers lines
 * @param {object|null} finding
 * @param {object[]} tables report.tables (to place a cited column on its line)
 */
export function showSource(container, lines, finding, tables) {
  const cited = citedByLine(finding);
  const target = finding ? firstLine(finding) : 1;
  let from = 1;
  let to = lines.length;
  if (lines.length > FULL_LIMIT) {
    from = Math.max(1, target - WINDOW);
    to = Math.min(lines.length, target + WINDOW);
  }
  const frag = document.createDocumentFragment();
  for (let n = from; n <= to; n++) {
    const evidence = cited.get(n);
    const isFindingLine = finding && finding.line === n;
    frag.append(
      el(
        'div',
        {
          class: `src-line${evidence ? ' cited' : ''}${isFindingLine ? ' finding-line' : ''}`,
          dataset: { line: n },
        },
        el('span', { class: 'ln', 'aria-hidden': 'true' }, n),
        el('span', { class: 'tx' }, evidence ? markLine(lines[n - 1], evidence, tables) : lines[n - 1]),
      ),
    );
  }
  container.replaceChildren(frag);
  container.dataset.from = from;
  container.dataset.to = to;
  scrollToLine(container, target);
}

export function scrollToLine(container, n) {
  const line = container.querySelector(`.src-line[data-line="${Number(n)}"]`);
  if (!line) return;
  // Centre the line in the pane without moving the page itself.
  const top = line.offsetTop - container.clientHeight / 3;
  container.scrollTop = Math.max(0, top);
}

function firstLine(finding) {
  const lines = (finding.evidence || []).map((e) => e.line).filter((n) => n > 0);
  return lines.length ? Math.min(finding.line || Infinity, ...lines) : finding.line || 1;
}

function citedByLine(finding) {
  const map = new Map();
  if (!finding) return map;
  for (const e of finding.evidence || []) {
    if (!(e.line > 0)) continue;
    if (!map.has(e.line)) map.set(e.line, []);
    map.get(e.line).push(e);
  }
  if (finding.line > 0 && !map.has(finding.line)) map.set(finding.line, []);
  return map;
}

/** The line as text nodes and <mark>s around each cited figure. */
export function markLine(line, evidence, tables) {
  const spans = [];
  for (const e of evidence) {
    const span = locate(line, e, tables);
    if (span && !spans.some((s) => s.start < span.end && span.start < s.end)) spans.push({ ...span, e });
  }
  spans.sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) parts.push(line.slice(at, s.start));
    parts.push(
      el(
        'mark',
        { class: `fig${s.e.role ? ` role-${roleClass(s.e.role)}` : ''}`, title: [s.e.role, s.e.column].filter(Boolean).join(' · ') },
        line.slice(s.start, s.end),
      ),
    );
    at = s.end;
  }
  if (at < line.length) parts.push(line.slice(at));
  return parts;
}

function roleClass(role) {
  return { 合计: 'total', 分项: 'part', 上限: 'limit', 本表: 'self' }[role] || 'other';
}

/**
 * Where on the line the evidence's figure is printed: {start, end} in the
 * original line, or null. A value is matched as a whole number token
 * (full-width digits and thousands separators allowed); when it occurs more
 * than once, the cell of its column (counted from the line's end) wins.
 */
export function locate(line, e, tables) {
  if (e.value !== undefined && e.value !== null && e.value !== '') {
    const hits = numberTokens(line).filter((tok) => sameNumber(tok.value, String(e.value)));
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return pickByColumn(line, hits, e, tables) || hits[0];
  }
  if (e.text) {
    const i = line.indexOf(e.text);
    if (i >= 0) return { start: i, end: i + e.text.length };
  }
  return null;
}

const FULLWIDTH_ZERO = 0xff10;

function asciiDigit(ch) {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return ch;
  if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) return String.fromCharCode(c - FULLWIDTH_ZERO + 48);
  return null;
}

/** Number tokens of a line: {start, end, value} with value in ASCII, no separators. */
export function numberTokens(line) {
  const out = [];
  let i = 0;
  while (i < line.length) {
    const startsNegative = (line[i] === '-' || line[i] === '－') && i + 1 < line.length && asciiDigit(line[i + 1]);
    if (!asciiDigit(line[i]) && !startsNegative) {
      i++;
      continue;
    }
    const start = i;
    let value = '';
    if (startsNegative) {
      value = '-';
      i++;
    }
    while (i < line.length) {
      const d = asciiDigit(line[i]);
      if (d) value += d;
      else if ((line[i] === ',' || line[i] === '，') && asciiDigit(line[i + 1] || '')) {
        // a thousands separator, not part of the value
      } else if ((line[i] === '.' || line[i] === '．') && asciiDigit(line[i + 1] || '')) value += '.';
      else break;
      i++;
    }
    out.push({ start, end: i, value });
  }
  return out;
}

function sameNumber(printed, cited) {
  if (printed === cited) return true;
  const a = Number(printed);
  const b = Number(cited);
  return Number.isFinite(a) && Number.isFinite(b) && a === b && printed.replace(/^-/, '').length > 0;
}

// The cells of a tab-separated line end with the table's columns, in order:
// count back from the end to the cited column's cell.
function pickByColumn(line, hits, e, tables) {
  const table = (tables || []).find((tb) => tb.id === e.table);
  if (!table || !e.column) return null;
  const row = table.rows.find((r) => r.line === e.line && r.side !== undefined && table.columns.some((c) => c.name === e.column && c.side === r.side));
  const side = row ? row.side : table.columns.find((c) => c.name === e.column)?.side;
  const order = [];
  for (const c of table.columns) if (!order.includes(c.side)) order.push(c.side);
  const sideCols = table.columns.filter((c) => c.side === side);
  const idx = sideCols.findIndex((c) => c.name === e.column);
  if (idx < 0) return null;
  const cells = [];
  let start = 0;
  for (const part of line.split('\t')) {
    cells.push({ start, end: start + part.length, text: part.trim() });
    start += part.length + 1;
  }
  // A source line ends with the table's value cells, blanks included, the
  // later side's after this side's: count back from the last cell.
  const later = table.columns.filter((c) => order.indexOf(c.side) > order.indexOf(side)).length;
  const target = cells[cells.length - 1 - (sideCols.length - 1 - idx + later)];
  if (!target) return null;
  return hits.find((h) => h.start >= target.start && h.end <= target.end) || null;
}

