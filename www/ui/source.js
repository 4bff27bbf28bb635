// The source text as the engine read it, line-numbered, scrolled to the
// selected finding's lines, each cited figure wrapped in <mark> (built with
// DOM nodes: the document's text never passes through an HTML parser).
import { el } from '../render.js';

// Lines of context kept around each cited line; a gap between excerpts
// opens on request, EXPAND_STEP lines at a time, so a huge text never stalls.
const CONTEXT = 6;
const EXPAND_STEP = 800;

/**
 * Renders the finding's source excerpts into `container` — every cited line
 * with CONTEXT lines around it, the gaps between them as buttons that open
 * them — marks the cited figures, and scrolls to the first cited line.
 * @param {HTMLElement} container
 * @param {string[]} lines  the text split as the engine numbers lines
 * @param {object} finding
 * @param {object[]} tables report.tables (to place a cited column on its line)
 * @param {(from: number, to: number) => string} gapLabel
 */
export function showSource(container, lines, finding, tables, gapLabel) {
  const cited = citedByLine(finding);
  const wanted = [...cited.keys()].filter((n) => n >= 1 && n <= lines.length).sort((a, b) => a - b);
  const ranges = [];
  for (const n of wanted) {
    const from = Math.max(1, n - CONTEXT);
    const to = Math.min(lines.length, n + CONTEXT);
    const last = ranges[ranges.length - 1];
    if (last && from <= last.to + 2) last.to = Math.max(last.to, to);
    else ranges.push({ from, to });
  }
  if (!ranges.length) ranges.push({ from: 1, to: Math.min(lines.length, 2 * CONTEXT) });
  const render = (from, to) => {
    const frag = document.createDocumentFragment();
    for (let n = from; n <= to; n++) frag.append(lineNode(lines, n, cited.get(n), finding, tables));
    return frag;
  };
  const gap = (from, to) => {
    const button = el('button', { type: 'button', class: 'src-gap', dataset: { from, to } }, gapLabel(from, to));
    button.addEventListener('click', () => {
      // Open the gap from its top, at most EXPAND_STEP lines; the rest stays a gap.
      const end = Math.min(to, from + EXPAND_STEP - 1);
      const parts = [render(from, end)];
      if (end < to) parts.push(gap(end + 1, to));
      // Keep the lines below where they were on screen: the opened lines go above.
      const anchor = button.nextElementSibling;
      const was = anchor ? anchor.offsetTop : 0;
      button.replaceWith(...parts);
      if (anchor) container.scrollTop += anchor.offsetTop - was;
    });
    return button;
  };
  const frag = document.createDocumentFragment();
  let at = 1;
  for (const r of ranges) {
    if (r.from > at) frag.append(gap(at, r.from - 1));
    frag.append(render(r.from, r.to));
    at = r.to + 1;
  }
  if (at <= lines.length) frag.append(gap(at, lines.length));
  container.replaceChildren(frag);
  scrollToLine(container, wanted[0] || 1);
}

function lineNode(lines, n, evidence, finding, tables) {
  return el(
    'div',
    {
      class: `src-line${evidence ? ' cited' : ''}${finding && finding.line === n ? ' finding-line' : ''}`,
      dataset: { line: n },
    },
    el('span', { class: 'ln', 'aria-hidden': 'true' }, n),
    el('span', { class: 'tx' }, evidence ? markLine(lines[n - 1], evidence, tables) : lines[n - 1]),
  );
}

export function scrollToLine(container, n) {
  const line = container.querySelector(`.src-line[data-line="${Number(n)}"]`);
  if (!line) return;
  // Centre the line in the pane without moving the page itself.
  const top = line.offsetTop - container.clientHeight / 3;
  container.scrollTop = Math.max(0, top);
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

