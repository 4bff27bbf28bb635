// The annotated copy of a checked PDF, made in the page with pdf-lib
// (www/vendor/pdf-lib/, loaded only on this export): the original pages
// with every cited figure boxed and numbered, a note (a PDF text
// annotation: its Chinese message needs no embedded font, the reader shows
// it in its own) on each box, then the list of findings as last page(s).
// That list is drawn by the page's canvas with the system's CJK font and
// placed as an image: embedding a CJK font would add megabytes to the file
// and to the page's download.
import { findingBoxes } from './view.js';

const COLORS = { error: [0.85, 0.1, 0.1], warning: [0.9, 0.5, 0], info: [0.1, 0.4, 0.85] };
const PAD = 1.5;
const A4 = [595.28, 841.89];
/** Pixels per point of the findings pages' image. */
const RES = 2;

/**
 * @param {{bytes: Uint8Array, pdf: object, runs: object[], places: object[]}} pdfDoc
 * @param {object[]} findings  in the list's order: the number of findings[i] is i+1
 * @param {{title: string, heading: string[], severity: (s: string) => string}} text
 * @returns {Promise<Uint8Array>}
 */
export async function annotatedPdf(pdfDoc, findings, text) {
  const lib = await import(new URL('../vendor/pdf-lib/pdf-lib.esm.min.js', import.meta.url).href);
  const { PDFDocument, PDFName, PDFHexString, PDFString, StandardFonts, rgb } = lib;
  const out = await PDFDocument.load(pdfDoc.bytes, { ignoreEncryption: true, updateMetadata: false });
  const font = await out.embedFont(StandardFonts.HelveticaBold);
  const pages = out.getPages();
  // One box per cited figure, with the numbers of every finding citing it
  // ("43, 44"): numbers drawn one over another would be unreadable.
  const marks = new Map(); // page → key → {box, findings}
  for (const [i, f] of findings.entries()) {
    for (const [n, boxes] of findingBoxes(pdfDoc, f)) {
      if (!pages[n - 1]) continue;
      if (!marks.has(n)) marks.set(n, new Map());
      for (const b of boxes) {
        const key = `${b.x.toFixed(1)},${b.y.toFixed(1)},${b.width.toFixed(1)}`;
        const mark = marks.get(n).get(key) || { box: b, numbered: [] };
        if (!mark.numbered.some(([j]) => j === i)) mark.numbered.push([i, f]);
        marks.get(n).set(key, mark);
      }
    }
  }
  const rank = { error: 0, warning: 1, info: 2 };
  const refs = { PDFName, PDFHexString, PDFString };
  for (const [n, byKey] of marks) {
    const page = pages[n - 1];
    const view = (await pdfDoc.pdf.getPage(n)).getViewport({ scale: 1 });
    for (const { box: b, numbered } of byKey.values()) {
      const worst = numbered.reduce((w, [, f]) => (rank[f.severity] < rank[w.severity] ? f : w), numbered[0][1]);
      const color = rgb(...(COLORS[worst.severity] || COLORS.info));
      // Viewport (top left, rotation applied) → the page's own space.
      const [x0, y0] = view.convertToPdfPoint(b.x - PAD, b.y + b.height + PAD);
      const [x1, y1] = view.convertToPdfPoint(b.x + b.width + PAD, b.y - PAD);
      const rect = { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
      page.drawRectangle({ ...rect, borderColor: color, borderWidth: 1.2, borderOpacity: 0.9 });
      const label = numbered.map(([i]) => i + 1).join(', ');
      page.drawText(label, { x: rect.x + rect.width + 1.5, y: rect.y + rect.height - 6, size: 7, font, color });
      const note = numbered.map(([i, f]) => `${i + 1}. ${text.severity(f.severity)} ${f.rule}：${f.message}`).join('\n\n');
      const at = rect.x + rect.width + 3 + font.widthOfTextAtSize(label, 7);
      addNote(out, page, { ...rect, width: at - rect.x }, note, color, refs);
    }
  }
  for (const png of await findingPages(findings, text)) {
    const image = await out.embedPng(png);
    const page = out.addPage(A4);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  out.setTitle(text.title);
  out.setProducer('budget-lint');
  return out.save();
}

/** A text annotation (the reader's note icon) right of the box and its numbers, holding the findings. */
function addNote(doc, page, rect, message, color, { PDFName, PDFHexString, PDFString }) {
  const x = rect.x + rect.width + 2;
  const y = rect.y + rect.height;
  const note = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [x, y - 12, x + 12, y],
    Contents: PDFHexString.fromText(message),
    T: PDFHexString.fromText('budget-lint'),
    Name: 'Comment',
    C: [color.red, color.green, color.blue],
    F: 4,
    M: PDFString.fromDate(new Date()),
  });
  const ref = doc.context.register(note);
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots && typeof annots.push === 'function') annots.push(ref);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
}

/** The findings list as A4 page images (PNG bytes), drawn with the page's own fonts. */
async function findingPages(findings, text) {
  const W = Math.round(A4[0] * RES);
  const H = Math.round(A4[1] * RES);
  const margin = 40 * RES;
  const size = 9 * RES;
  const lineH = Math.round(size * 1.5);
  const fontFamily = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  const pages = [];
  let ctx = null;
  let canvas = null;
  let y = 0;
  const newPage = () => {
    if (canvas) pages.push(canvas);
    canvas = new OffscreenCanvas(W, H);
    ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, H);
    ctx.textBaseline = 'top';
    y = margin;
  };
  const write = (s, { bold = false, color = '#111', indent = 0, scale = 1 } = {}) => {
    ctx.font = `${bold ? '700 ' : ''}${Math.round(size * scale)}px ${fontFamily}`;
    ctx.fillStyle = color;
    const max = W - 2 * margin - indent;
    let line = '';
    for (const ch of s) {
      if (ctx.measureText(line + ch).width > max && line) {
        if (y + lineH * scale > H - margin) newPage();
        ctx.fillText(line, margin + indent, y);
        y += lineH * scale;
        line = '';
      }
      line += ch;
    }
    if (y + lineH * scale > H - margin) newPage();
    ctx.fillText(line, margin + indent, y);
    y += lineH * scale;
  };
  newPage();
  write(text.title, { bold: true, scale: 1.5 });
  for (const h of text.heading) write(h, { color: '#444' });
  y += lineH / 2;
  const hex = (c) => `rgb(${c.map((v) => Math.round(v * 255)).join(',')})`;
  for (const [i, f] of findings.entries()) {
    const color = hex(COLORS[f.severity] || COLORS.info);
    write(`${i + 1}. [${text.severity(f.severity)}] ${f.rule} ${f.location || ''}`, { bold: true, color });
    write(f.message, { indent: 14 * RES });
    y += lineH / 4;
  }
  pages.push(canvas);
  return Promise.all(
    pages.map(async (c) => new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer())),
  );
}
