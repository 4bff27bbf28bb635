// The PDF calls of ./budget-lint.js, loaded the first time a PDF is given
// (a pasted text needs none of them): a PDF's layout checked or turned into
// lines by the engine's geometry, its ruling lines read by the engine's own
// PDF reader, and a PDF file read by pdf.js (../pdf/read.js) and checked.
// budget-lint.js gives them its Worker's `request` and the engine options.
import { InputError } from './decode.js';

/**
 * The calls, over budget-lint.js's `request` (a message to its engine
 * Worker) and `engineOptions` (the options the engine takes).
 */
export function calls({ request, engineOptions }) {
  /**
   * Checks a PDF from its layout (the positioned text pdf.js reads: see
   * www/pdf/runs.js and src/read/pdf/geometry.rs). The engine's geometry
   * (../pkg-pdf, loaded the first time) rebuilds the lines from it exactly as
   * the CLI does for the same PDF, and the core module checks them.
   * @param {{pages: {page:number, width:number, height:number}[],
   *          runs: {page:number, x:number, y:number, width:number, height:number, text:string}[],
   *          segments?: {page:number, x0:number, y0:number, x1:number, y1:number}[]}} layout
   * @returns {Promise<{report: object, text: string, places: ({kind: 'pdf', page:number, x:number, y:number, width:number, height:number}|null)[]}>}
   *   `places[i]`: where line i+1 of `text` (the lines the report cites) is on the PDF
   */
  async function validatePdf(layout, options = {}) {
    const got = await layoutRequest('pdf', layout, options);
    return { report: got.report, text: got.text, places: placesOf(got.places) };
  }

  /**
   * The lines the engine rebuilds from a PDF's layout, not checked: for a PDF
   * that is one part of a disclosure given in several files (see
   * validatePdf; check the joined parts with validate(text, {pdf: true})).
   * @returns {Promise<{text: string, places: ({kind: 'pdf', page:number, x:number, y:number, width:number, height:number}|null)[]}>}
   */
  async function pdfText(layout, options = {}) {
    const got = await layoutRequest('pdf-lines', layout, options);
    return { text: got.text, places: placesOf(got.places) };
  }

  /**
   * A PDF file's ruling lines, read by the engine's own PDF reader (the
   * CLI's), for a layout whose text pdf.js reads: pdf.js gives the lines
   * only in operator lists that carry every glyph as well, much the slower
   * way (www/pdf/read.js). Rejects when the file cannot be parsed.
   * @param {Uint8Array} bytes  the file (a copy is sent to the Worker)
   * @returns {Promise<{page:number, x0:number, y0:number, x1:number, y1:number}[]>}
   */
  async function pdfRules(bytes, options = {}) {
    const copy = bytes.slice();
    const flat = await request({ type: 'pdf-rules', bytes: copy }, options, [copy.buffer]);
    const segments = [];
    for (let i = 0; i + 5 <= flat.length; i += 5) {
      const [page, x0, y0, x1, y1] = flat.subarray(i, i + 5);
      segments.push({ page, x0, y0, x1, y1 });
    }
    return segments;
  }

  /** A layout sent to the Worker as flat Float32Arrays (transferred) and strings. */
  function layoutRequest(type, layout, options) {
    const flat = (items, keys) => {
      const out = new Float32Array(items.length * keys.length);
      items.forEach((item, i) => keys.forEach((k, j) => (out[i * keys.length + j] = item[k])));
      return out;
    };
    const pages = flat(layout.pages, ['page', 'width', 'height']);
    const runs = flat(layout.runs, ['page', 'x', 'y', 'width', 'height']);
    const segments = flat(layout.segments || [], ['page', 'x0', 'y0', 'x1', 'y1']);
    const texts = layout.runs.map((r) => String(r.text));
    return request(
      { type, pages, runs, texts, segments, options: engineOptions(options) },
      options,
      [pages.buffer, runs.buffer, segments.buffer],
    );
  }

  /** The engine's places, five figures a line (page 0: none), as objects. */
  function placesOf(flat) {
    const places = [];
    for (let i = 0; i + 5 <= flat.length; i += 5) {
      const [page, x, y, width, height] = flat.subarray(i, i + 5);
      places.push(page ? { kind: 'pdf', page, x, y, width, height } : null);
    }
    return places;
  }

  // The page's PDF reader (pdf.js in its own worker; Chinese messages for
  // scanned, encrypted, damaged and oversized files), loaded the first time a
  // PDF is given. Not a literal import: the single file leaves it out, and a
  // PDF given there gets the message saying so.
  const PDF_READER = new URL('../pdf/read.js', import.meta.url).href;

  /**
   * A PDF file read and checked as the page does it: pdf.js reads the text
   * while the engine's own reader takes the ruling lines (../pdf/read.js says
   * why), then validatePdf. pdf.js's refusals become InputErrors with their
   * code ('pdf-scanned', 'pdf-encrypted', 'pdf-damaged', …) and message.
   */
  async function validatePdfFile(file, options) {
    const { signal } = options;
    let reader;
    try {
      reader = await import(PDF_READER);
    } catch {
      throw new InputError('pdf-unavailable', '此版本不能读取 PDF（单文件版不含 PDF 阅读组件）。请使用在线版，或复制 PDF 的文本后粘贴。');
    }
    const asInputError = (err) =>
      err?.name === 'PdfError' ? new InputError(err.code, err.message) : err;
    let pdf = null;
    try {
      options.onProgress?.({ stage: 'decode', message: '正在读取 PDF…' });
      let layout;
      ({ pdf, layout } = await reader.readPdfFile(file, { signal, rules: (bytes) => pdfRules(bytes, { signal }) }));
      const { report, text, places } = await validatePdf(layout, options);
      // As for an Office file, the text is the engine's (UTF-8); `kind` says PDF.
      return { report, text, places, encoding: 'UTF-8', kind: 'pdf', name: file.name ?? '' };
    } catch (err) {
      throw asInputError(err);
    } finally {
      pdf?.destroy();
    }
  }

  return { validatePdf, pdfText, pdfRules, validatePdfFile };
}
