// A PDF's positioned text and ruling lines, as pdf.js gives them: the
// `Layout` of the engine's geometry rebuild (src/read/pdf/geometry.rs),
// which turns them into the TAB-shaped lines the parser reads. Pure: it
// takes the pdf.js module and an opened document, so the page
// (www/pdf/read.js) and the node test (tests/web/pdf-node.test.mjs)
// extract exactly the same layout.
//
// Coordinates are PDF points at scale 1 with the origin at the page's top
// left (pdf.js's viewport, so a rotated page reads as it is shown), the
// convention of `Place::Pdf` in src/read/mod.rs and of the Layout:
//   page     {page, width, height}
//   run      {page, x, y, width, height, text}   y = top of the em box: baseline − 0.88 × font size,
//                                                as the native reader (src/read/pdf/native.rs) places it
//   segment  {page, x0, y0, x1, y1}              a horizontal or vertical rule

/** Thinner than this (points), a filled rectangle is a ruling line. */
const RULE_THICKNESS = 2;
/**
 * Share of the em box above the baseline. The native reader's value: the
 * geometry compares y with the page's margins, so a run must sit where the
 * CLI puts it for the page to read the PDF as the CLI does.
 */
const ASCENT = 0.88;
/** Pages asked of pdf.js ahead of the one being read. */
const AHEAD = 4;

/**
 * @param {object} pdfjs  the pdf.js module (Util, OPS)
 * @param {object} pdf    a PDFDocumentProxy
 * @param {{signal?: AbortSignal, onPage?: (n: number, total: number) => void, rules?: boolean}} [options]
 * @returns {Promise<{pages: {page: number, width: number, height: number}[], runs: object[], segments: object[]}>}  the Layout
 */
export async function extract(pdfjs, pdf, { signal, onPage, rules = true } = {}) {
  const pages = [];
  const runs = [];
  const segments = [];
  // pdf.js's worker parses one request after another; asking for the next
  // pages while this one's answer crosses keeps it busy (1.3× faster on
  // the largest corpus PDF than one page at a time).
  const read = async (n) => {
    const page = await pdf.getPage(n);
    const [content, ops] = await Promise.all([page.getTextContent(), rules ? page.getOperatorList() : null]);
    return { page, content, ops };
  };
  const ahead = [];
  for (let n = 1; n <= Math.min(AHEAD, pdf.numPages); n++) ahead.push(read(n));
  for (let n = 1; n <= pdf.numPages; n++) {
    if (signal?.aborted) throw signal.reason ?? new DOMException('已取消', 'AbortError');
    const { page, content, ops } = await ahead.shift();
    if (n + AHEAD <= pdf.numPages) ahead.push(read(n + AHEAD));
    const viewport = page.getViewport({ scale: 1 });
    pages.push({ page: n, width: viewport.width, height: viewport.height });
    for (const item of content.items) {
      const run = textRun(pdfjs, viewport, n, item);
      if (run) runs.push(run);
    }
    if (ops) rulings(pdfjs, viewport, n, ops, segments);
    onPage?.(n, pdf.numPages);
  }
  return { pages, runs, segments };
}

/** One getTextContent() item as a run in top-left page coordinates. */
function textRun(pdfjs, viewport, page, item) {
  const text = item.str;
  if (!text || !text.trim()) return null;
  const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform);
  const size = Math.hypot(c, d) || item.height;
  if (Math.abs(b) > Math.abs(a) * 0.1) {
    // Rotated text (a vertical stamp, a watermark at an angle): its box as
    // drawn; the geometry reads it as noise.
    const w = item.width;
    const xs = [e, e + a / Math.hypot(a, b) * w, e + c, e + c + a / Math.hypot(a, b) * w];
    const ys = [f, f + b / Math.hypot(a, b) * w, f - size, f + b / Math.hypot(a, b) * w - size];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return round({ page, x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, text });
  }
  // item.width is in page units at scale 1: the viewport at scale 1 keeps it.
  const width = item.width * Math.hypot(viewport.transform[0], viewport.transform[1]);
  return round({ page, x: e, y: f - ASCENT * size, width, height: size, text });
}

function round(run) {
  for (const k of ['x', 'y', 'width', 'height']) run[k] = Math.round(run[k] * 100) / 100;
  return run;
}

/**
 * The page's horizontal and vertical ruling lines, as the native reader
 * (src/read/pdf/native.rs) takes them so that both read the same tables:
 * every straight side of a stroked path, and the middle line of a filled
 * rectangle thinner than RULE_THICKNESS (how Word and WPS draw table
 * borders); a larger filled shape is a cell's shading, not a rule. The
 * current transformation matrix is followed through save/restore/transform,
 * so segments land in page space.
 */
function rulings(pdfjs, viewport, page, ops, out) {
  const { OPS, Util } = pdfjs;
  let ctm = viewport.transform.slice();
  const stack = [];
  const fills = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args);
    // A path only clipped (W n) draws nothing.
    else if (fn === OPS.constructPath && args[0] !== OPS.endPath) pathSegments(ctm, args, page, out, fills.has(args[0]));
  }
}

const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** pdf.js 5: constructPath args = [paintOp, [pathData], minMax]. */
function pathSegments(ctm, args, page, out, filled) {
  const data = args?.[1]?.[0];
  if (!data || typeof data.length !== 'number') return;
  const pts = [];
  const polys = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      if (pts.length) polys.push(pts.splice(0));
      pts.push([data[i++], data[i++]]);
    } else if (op === LINE) {
      pts.push([data[i++], data[i++]]);
    } else if (op === CURVE) {
      // A curve is no ruling line: the subpath goes on from its end.
      i += 6;
      if (pts.length) polys.push(pts.splice(0));
      pts.push([data[i - 2], data[i - 1]]);
    } else if (op === QUAD) {
      i += 4;
      if (pts.length) polys.push(pts.splice(0));
      pts.push([data[i - 2], data[i - 1]]);
    } else if (op === CLOSE) {
      if (pts.length) pts.push(pts[0]);
    } else return; // unknown: leave the path
  }
  if (pts.length) polys.push(pts);
  for (const poly of polys) {
    const p = poly.map(([x, y]) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
    if (filled) {
      // A filled box (four corners, closed or not): a rule when thin.
      if (p.length < 4 || p.length > 5) continue;
      const xs = p.slice(0, 4).map((q) => q[0]);
      const ys = p.slice(0, 4).map((q) => q[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const [w, h] = [x1 - x0, y1 - y0];
      if (h <= RULE_THICKNESS && w > h) push(out, page, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      else if (w <= RULE_THICKNESS && h > w) push(out, page, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      continue;
    }
    for (let k = 1; k < p.length; k++) {
      const [x1, y1] = p[k - 1];
      const [x2, y2] = p[k];
      if (Math.abs(y1 - y2) <= 1 || Math.abs(x1 - x2) <= 1) push(out, page, x1, y1, x2, y2);
    }
  }
}

function push(out, page, x1, y1, x2, y2) {
  const r = (v) => Math.round(v * 100) / 100;
  out.push({ page, x0: r(x1), y0: r(y1), x1: r(x2), y1: r(y2) });
}
