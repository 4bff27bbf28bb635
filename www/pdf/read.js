// Opening a dropped PDF in the page: pdf.js (www/vendor/pdfjs/, loaded the
// first time a PDF is opened; it parses in its own Web Worker, so a large
// or hostile file never freezes the tab), and its layout: text runs and
// ruling lines (./runs.js), which the engine turns into lines
// (validate_pdf, src/read/pdf/geometry.rs). Scanned,
// encrypted, damaged and oversized files are refused with a Chinese
// message (PdfError.code says which); a read that takes too long is
// abandoned and pdf.js's worker destroyed.
import { extract } from './runs.js';

const VENDOR = new URL('../vendor/pdfjs/', import.meta.url);
/** Larger than any published disclosure by far; beyond it the tab's memory suffers. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
export const MAX_PAGES = 2000;
/** A read still running after this long is given up. */
export const PDF_TIMEOUT_MS = 120_000;

export class PdfError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'PdfError';
    this.code = code;
  }
}

const MESSAGES = {
  'pdf-too-large': (mb) =>
    `PDF 文件过大（${mb} MB，上限 ${MAX_PDF_BYTES / 1048576} MB）。请只保留预算公开部分，或复制其文本后粘贴。`,
  'pdf-too-many-pages': (n) => `PDF 共 ${n} 页，超过上限 ${MAX_PAGES} 页。请只保留预算公开部分后再打开。`,
  'pdf-encrypted': () => 'PDF 已加密，需要密码才能打开。请提供未加密的版本，或在阅读器中输入密码后“另存为”不加密的 PDF。',
  'pdf-damaged': () => 'PDF 文件已损坏或不完整（可能下载中断），无法读取。请重新下载原文件后再打开。',
  'pdf-scanned': () =>
    'PDF 中没有可读取的文字，像是扫描件或图片。校验器不识别图片中的文字：请找官网公布的文字版 PDF，或先用 OCR 软件转换为文字。',
  'pdf-timeout': (s) => `读取 PDF 超过 ${s} 秒仍未完成，已停止。文件可能过大或已损坏；可复制其文本后粘贴。`,
  'pdf-unavailable': () => '此版本不能读取 PDF（单文件版不含 PDF 阅读组件）。请使用在线版，或复制 PDF 的文本后粘贴。',
};

function refuse(code, ...args) {
  return new PdfError(code, MESSAGES[code](...args));
}

let pdfjsModule = null;
async function pdfjs() {
  if (!pdfjsModule) {
    try {
      const mod = await import(new URL('pdf.min.mjs', VENDOR).href);
      mod.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', VENDOR).href;
      pdfjsModule = mod;
    } catch {
      throw refuse('pdf-unavailable');
    }
  }
  return pdfjsModule;
}

// pdf.js's worker thread, kept for every PDF of the session: starting it
// (1.2 MB of script to load and compile) is most of a first PDF's wait, so
// it is started as soon as a PDF is dragged over the page (`warmPdf`), and
// not again for the next PDF. A read that times out or is cancelled may
// leave it busy: it is dropped then, and the next PDF starts a new one.
let sharedWorker = null;

async function pdfWorker() {
  const lib = await pdfjs();
  sharedWorker ??= new lib.PDFWorker({ name: 'budget-lint-pdf' });
  return sharedWorker;
}

function dropWorker() {
  sharedWorker?.destroy();
  sharedWorker = null;
}

/**
 * Loads pdf.js and starts its worker ahead of a PDF (a PDF dragged over the
 * page), so that the drop finds them ready. Never throws.
 */
export async function warmPdf() {
  try {
    await pdfWorker();
  } catch {
    // The read that follows says what went wrong.
  }
}

/** A file whose end lost its %%EOF marker was cut off (pdf.js would rebuild what it can). */
function truncated(bytes) {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return !tail.includes('%%EOF');
}

/** Refuses a PDF too large to read before its bytes are read. */
export function checkSize(size) {
  if (size > MAX_PDF_BYTES) throw refuse('pdf-too-large', (size / 1048576).toFixed(1));
}

/**
 * Opens a PDF with pdf.js (for reading and later rendering).
 * @param {Uint8Array} bytes  kept intact (pdf.js gets a copy)
 * @returns {Promise<object>} the PDFDocumentProxy
 */
export async function openPdf(bytes, { signal, timeoutMs = PDF_TIMEOUT_MS } = {}) {
  checkSize(bytes.length);
  if (truncated(bytes)) throw refuse('pdf-damaged');
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes.slice(),
    worker: await pdfWorker(),
    cMapUrl: new URL('cmaps/', VENDOR).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', VENDOR).href,
    wasmUrl: new URL('wasm/', VENDOR).href,
    iccUrl: new URL('iccs/', VENDOR).href,
    // The page's CSP allows no eval; pdf.js then draws glyphs without it.
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
  });
  return guard(task.promise, task, { signal, timeoutMs }).catch((err) => {
    throw asPdfError(err);
  });
}

/**
 * A PDF file opened and its layout read: pdf.js reads the text (in its
 * worker) while `rules(bytes)` — the engine's own reader, see readPdf —
 * reads the ruling lines. Returns {bytes, pdf, layout}; the caller
 * destroys `pdf` (kept for rendering the cited pages).
 * @param {(bytes: Uint8Array) => Promise<object[]|null>} rules
 */
export async function readPdfFile(file, { signal, onPage, rules }) {
  checkSize(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const ruled = rules(bytes).catch(() => null);
  const pdf = await openPdf(bytes, { signal });
  try {
    return { bytes, pdf, layout: await readPdf(pdf, { signal, onPage, rules: ruled }) };
  } catch (err) {
    pdf.destroy();
    throw err;
  }
}

/**
 * Reads an opened PDF's layout: its pages, text runs and ruling lines.
 *
 * `rules`, when given, is a promise of the ruling lines read otherwise —
 * by the engine's own PDF reader (budget-lint.js `pdfRules`), which the
 * caller starts with the file — and pdf.js then reads the text alone: it
 * gives the lines only in operator lists that carry every glyph too, which
 * more than doubled its reading of the largest corpus PDF (most of it on
 * the page's main thread). When that promise gives null (the engine's
 * reader could not parse the file), pdf.js's operator lists give them.
 * @param {{signal?: AbortSignal, timeoutMs?: number, onPage?: Function, rules?: Promise<object[]|null>}} [options]
 * @returns {Promise<{pages: object[], runs: object[], segments: object[]}>}
 */
export async function readPdf(pdf, { signal, timeoutMs = PDF_TIMEOUT_MS, onPage, rules } = {}) {
  if (pdf.numPages > MAX_PAGES) throw refuse('pdf-too-many-pages', pdf.numPages);
  const lib = await pdfjs();
  const read = async () => {
    const [layout, segments] = await Promise.all([
      extract(lib, pdf, { signal, onPage, rules: !rules }),
      rules,
    ]);
    if (!rules) return layout;
    if (segments) return { ...layout, segments };
    return extract(lib, pdf, { signal });
  };
  const got = await guard(read(), pdf.loadingTask, { signal, timeoutMs }).catch((err) => {
    throw asPdfError(err);
  });
  // A scanned page carries at most a page number or a stamp as text; a file
  // whose pages are mostly such is a scan (perhaps behind a typed cover).
  const chars = new Map();
  for (const r of got.runs) chars.set(r.page, (chars.get(r.page) || 0) + r.text.trim().length);
  const written = [...chars.values()].filter((n) => n >= 20).length;
  if (written === 0 || written < got.pages.length / 2) throw refuse('pdf-scanned');
  return got;
}

/** A promise raced against the timeout and the cancel signal; either destroys pdf.js's worker task. */
function guard(promise, task, { signal, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const stop = (err) => {
      task?.destroy?.();
      dropWorker();
      reject(err);
    };
    const timer = setTimeout(() => stop(refuse('pdf-timeout', Math.round(timeoutMs / 1000))), timeoutMs);
    const onAbort = () => stop(new DOMException('已取消', 'AbortError'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

function asPdfError(err) {
  if (err instanceof PdfError || err?.name === 'AbortError') return err;
  if (err?.name === 'PasswordException') return refuse('pdf-encrypted');
  // InvalidPDFException, FormatError, UnknownErrorException, …
  return refuse('pdf-damaged');
}
