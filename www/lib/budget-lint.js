// budget-lint in a web page: the engine (Rust compiled to wasm) in a Web
// Worker, behind promises. The page, the <budget-lint> element and any
// portal use this module; its contract is WAVE2-API.md and www/embed.html.
//
//   import { init, validate, validateFile } from './lib/budget-lint.js';
//   await init();                                  // optional: the first call starts it
//   const report = await validate(text);           // → Report (schema/report.d.ts)
//   const { report, text, encoding, name } = await validateFile(file);  // .txt, .html, .docx, .xlsx, .xls, .pdf
//   const text = await htmlToText(html);          // a web page or a text/html paste → TAB text
//
// No dependencies, and no network except its own files: ./worker.js,
// ../pkg/budget_lint.js and ../pkg/budget_lint_bg.wasm, ../pkg/index.js and
// ../pkg/rules.js the first time rules() is called, ../pkg-xlsx/* the
// first time exportXlsx is called, ../pkg-office/* the first time a Word
// or Excel file is checked, ../pkg-pdf/* the first time validatePdf is
// called, and ../pkg-rebuild/* the first time a text's tables are not one
// row a line (copied out of a PDF: the engine with the rebuild readers).
// The single-file build
// (dist/budget-lint.html) sets globalThis.BUDGET_LINT_EMBEDDED = {workerSource,
// wasmBase64} and nothing is fetched at all.
import { InputError, MAX_BYTES, decodeBytes, decodeFile, tooLarge } from './decode.js';

export { InputError, MAX_BYTES, decodeBytes };

let settings = {};
let engine = null; // {worker, ready: Promise<string>, pending: Map}
let nextId = 1;

function embedded() {
  return globalThis.BUDGET_LINT_EMBEDDED || null;
}

/** What this build can do: the single file leaves the Excel and office modules out. */
export function capabilities() {
  return { xlsx: !embedded(), office: !embedded(), singleFile: Boolean(embedded()) };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether bytes are an Office file (a ZIP: .docx/.xlsx; an OLE2 compound
 * file: an old .xls, read, or .doc/.wps, explained), which the office module reads (or explains),
 * rather than text. From the content, never the file name.
 */
export function isOfficeFile(bytes) {
  const starts = (sig) => sig.every((b, i) => bytes[i] === b);
  return bytes.length >= 8 && (starts(ZIP) || starts(OLE2));
}

function base64Bytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function spawn() {
  const packed = embedded();
  let worker;
  let xlsxUrl = null;
  let pdfUrl = null;
  let officeUrl = null;
  let rebuildUrl = null;
  if (packed) {
    // file:// refuses module workers from blob: URLs; the single file's
    // worker is a classic script (scripts/build-dist.py bundles it).
    worker = new Worker(URL.createObjectURL(new Blob([packed.workerSource], { type: 'text/javascript' })));
  } else {
    const root = settings.baseUrl ? new URL('lib/', settings.baseUrl) : new URL('./', import.meta.url);
    const workerUrl = new URL('worker.js', root);
    xlsxUrl = new URL('../pkg-xlsx/budget_lint.js', workerUrl).href;
    pdfUrl = new URL('../pkg-pdf/budget_lint.js', workerUrl).href;
    officeUrl = new URL('../pkg-office/budget_lint.js', workerUrl).href;
    rebuildUrl = new URL('../pkg-rebuild/budget_lint.js', workerUrl).href;
    worker = new Worker(workerUrl, { type: 'module' });
  }
  const wasmBytes = settings.wasmBytes || (packed ? base64Bytes(packed.wasmBase64) : undefined);
  const state = { worker, pending: new Map() };
  state.ready = new Promise((resolve, reject) => {
    worker.addEventListener('message', (event) => {
      const msg = event.data || {};
      if (msg.type === 'ready') resolve(msg.version);
      else if (msg.type === 'failed') reject(new Error(`校验引擎加载失败：${msg.error}`));
      else settle(state, msg);
    });
    worker.addEventListener('error', (event) => {
      const err = new Error(`校验引擎加载失败：${event.message || '无法启动 Worker'}`);
      reject(err);
      fail(state, err);
    });
  });
  state.ready.catch(() => {});
  worker.postMessage({ type: 'init', wasmBytes, xlsxUrl, officeUrl, pdfUrl, rebuildUrl });
  return state;
}

function settle(state, msg) {
  const entry = state.pending.get(msg.id);
  if (!entry) return;
  if (msg.type === 'progress') {
    entry.onProgress?.({ stage: msg.stage, message: msg.message });
    return;
  }
  state.pending.delete(msg.id);
  if (msg.ok) {
    entry.onProgress?.({ stage: 'done', message: `完成（${Math.round(msg.ms)} 毫秒）`, ms: msg.ms });
    entry.resolve(msg.result);
  } else {
    entry.reject(new Error(msg.error));
  }
}

function fail(state, err) {
  for (const { reject } of state.pending.values()) reject(err);
  state.pending.clear();
}

function abortError() {
  return new DOMException('已取消校验', 'AbortError');
}

/**
 * Starts the Worker and loads the core wasm (idempotent).
 * @param {{baseUrl?: string|URL, wasmBytes?: Uint8Array}} [options]
 *   baseUrl: the URL of the folder holding lib/, pkg/ and pkg-xlsx/ (default:
 *   where this module was loaded from); wasmBytes: the core .wasm itself.
 * @returns {Promise<string>} the engine version
 */
export function init(options = {}) {
  if (options.baseUrl !== undefined || options.wasmBytes !== undefined) {
    if (engine) return Promise.reject(new Error('init() 的选项须在第一次调用前给出'));
    settings = { ...options };
  }
  if (!engine) engine = spawn();
  return engine.ready;
}

async function request(message, { signal, onProgress } = {}, transfer = []) {
  if (signal?.aborted) throw abortError();
  await init();
  // Another call's cancel may have ended that engine meanwhile.
  if (!engine) await init();
  const state = engine;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      // The engine cannot be interrupted inside wasm: the thread goes (with
      // any other call waiting on it, which rejects too), and the next call
      // starts a fresh one.
      state.worker.terminate();
      if (engine === state) engine = null;
      fail(state, abortError());
    };
    const done = (fn) => (value) => {
      signal?.removeEventListener('abort', onAbort);
      fn(value);
    };
    state.pending.set(id, { resolve: done(resolve), reject: done(reject), onProgress });
    signal?.addEventListener('abort', onAbort, { once: true });
    state.worker.postMessage({ id, ...message }, transfer);
  });
}

function engineOptions(options) {
  const { signal, onProgress, ...rest } = options;
  return Object.keys(rest).length ? rest : undefined;
}

/**
 * Checks the text of one disclosure.
 * @param {string} text
 * @param {{signal?: AbortSignal, onProgress?: (p: {stage: string, message: string}) => void, tables?: boolean}} [options]
 * @returns {Promise<import('../pkg/budget_lint.js').Report>}
 */
export function validate(text, options = {}) {
  return request({ type: 'validate', text: String(text ?? ''), options: engineOptions(options) }, options);
}

// The PDF calls (./pdf-calls.js), loaded the first time a PDF is given: a
// pasted text, what the page's first load serves, needs none of them.
let pdfCalls = null;
function pdf() {
  pdfCalls ??= import('./pdf-calls.js').then((m) => m.calls({ request, engineOptions }));
  return pdfCalls;
}

/** Checks a PDF from its layout: ./pdf-calls.js `validatePdf`. */
export async function validatePdf(layout, options = {}) {
  return (await pdf()).validatePdf(layout, options);
}

/** The lines the engine rebuilds from a PDF's layout, not checked: ./pdf-calls.js `pdfText`. */
export async function pdfText(layout, options = {}) {
  return (await pdf()).pdfText(layout, options);
}

/** A PDF file's ruling lines, by the engine's own reader: ./pdf-calls.js `pdfRules`. */
export async function pdfRules(bytes, options = {}) {
  return (await pdf()).pdfRules(bytes, options);
}

/** Loads the PDF module ahead of a PDF (one is being dragged over the page). */
export function warmPdf(options = {}) {
  return request({ type: 'pdf-warm' }, options);
}

/**
 * Whether bytes are a PDF: its `%PDF-` header within the first 1024 bytes,
 * where readers look for it (a file may carry junk before it), as
 * src/read/mod.rs sniffs it. From the content, never the file name.
 */
export function isPdfFile(bytes) {
  const marker = [0x25, 0x50, 0x44, 0x46, 0x2d];
  const end = Math.min(bytes.length, 1024) - marker.length;
  for (let i = 0; i <= end; i++) {
    if (marker.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/**
 * Decodes a File/Blob (UTF-8, UTF-16 with BOM, GB18030) and checks it. A web
 * page (.html, or text that starts as one) is read into its TAB text first
 * (htmlToText): `text` is then that text, which the findings' lines number.
 * A Word (.docx) or Excel (.xlsx, .xls) file is read by the office module instead
 * (checkFile): `kind` says which, `text` is what the engine read from it.
 * A PDF is read by pdf.js and checked as validatePdf does: `places[i]` is
 * where line i+1 of `text` is on its pages. The kind is told from the
 * file's bytes, never its name.
 * @returns {Promise<{report: object, text: string, encoding: string, kind?: 'docx'|'xlsx'|'xls'|'pdf', name: string, html?: boolean, places?: object[]}>}
 * @throws {InputError} empty, binary, too large (File.size, before reading) or undecodable;
 *   for a PDF also 'pdf-scanned', 'pdf-encrypted', 'pdf-damaged', 'pdf-too-large', 'pdf-too-many-pages', 'pdf-timeout', 'pdf-unavailable'
 */
export async function validateFile(file, options = {}) {
  if (options.signal?.aborted) throw abortError();
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  if (isPdfFile(head)) return (await pdf()).validatePdfFile(file, options);
  if (isOfficeFile(head)) {
    if (file.size > MAX_BYTES) throw tooLarge(file.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { report, text, kind } = await checkFile(bytes, options);
    // An Office file's text comes from its XML parts (UTF-8) or, in an
    // .xls, from UTF-16 and Latin-1 strings: the engine gives it as UTF-8.
    return { report, text, encoding: 'UTF-8', kind, name: file.name ?? '' };
  }
  options.onProgress?.({ stage: 'decode', message: '正在读取并识别编码…' });
  const decoded = await decodeFile(file);
  const html = isHtml(file.name, decoded.text);
  const text = html ? await htmlToText(decoded.text, options) : decoded.text;
  const report = await validate(text, options);
  return { report, text, encoding: decoded.encoding, name: file.name ?? '', html };
}

/**
 * An HTML page or fragment (a .html file, or the `text/html` of a paste from
 * Word, WPS, Excel or a browser) as the text validate() reads: each table
 * row one line with TABs between its cells (merged cells keep their
 * columns), each paragraph a line. Only text comes back, never markup.
 * @param {string} html
 * @returns {Promise<string>}
 */
export function htmlToText(html, options = {}) {
  return request({ type: 'html', text: String(html ?? '') }, options);
}

/**
 * Whether a file is a web page: by its name (.html, .htm), or by its start
 * (a doctype or an <html>, <head>, <body>, <table> or <meta> tag), as the
 * engine's own reader tells (src/read/mod.rs).
 */
export function isHtml(name, text) {
  if (/\.x?html?$/i.test(String(name ?? ''))) return true;
  return /^\uFEFF?\s*<(!doctype html|html|head|body|table|meta)[\s>]/i.test(String(text ?? '').slice(0, 1024));
}

/**
 * Reads a Word (.docx) or Excel (.xlsx, or Excel 97–2003 .xls) file with the
 * office module (loaded the first time) and checks it. An old binary
 * .doc/.wps, an encrypted or damaged file rejects with a Chinese message
 * saying what to do.
 * @param {Uint8Array} bytes
 * @returns {Promise<{kind: 'docx'|'xlsx'|'xls', text: string, tables_only: boolean, report: object}>}
 *   text: what the engine read from the file (the lines the report's line numbers count)
 */
export function checkFile(bytes, options = {}) {
  if (!capabilities().office) {
    return Promise.reject(
      new Error('此版本（单文件版）不能读取 Word 或 Excel 文件；请使用在线版，或把文件另存为 PDF 或文本后再打开。'),
    );
  }
  if (bytes.length > MAX_BYTES) return Promise.reject(tooLarge(bytes.length));
  return request({ type: 'file', bytes, options: engineOptions(options) }, options);
}

/**
 * The rule catalogue: [{id, name, title, category, category_label, docs}],
 * `docs` being each rule's Chinese documentation (from ../pkg/rules.js,
 * fetched the first time: the wasm itself carries no docs). With
 * `{docs: false}`, the same list without `docs`, straight from the wasm:
 * nothing more is fetched (the page wants only the titles, at its first load).
 * @param {{signal?: AbortSignal, docs?: boolean}} [options]
 */
export function rules(options = {}) {
  return request({ type: 'rules', docs: options.docs !== false }, options);
}

/** The engine's version. */
export function version() {
  return init();
}

/** The engine's findings CSV (UTF-8 with BOM) of one document; `name` fills the 文件 column. */
export function findingsCsv(text, name = '', options = {}) {
  return request({ type: 'csv', text: String(text ?? ''), name: String(name), options: engineOptions(options) }, options);
}

/** The Excel workbook (问题清单, 检查情况, one sheet per table) as .xlsx bytes. */
export function exportXlsx(text, options = {}) {
  if (!capabilities().xlsx) {
    return Promise.reject(new Error('此版本不含 Excel 导出（单文件版）；请导出 CSV，或使用在线版。'));
  }
  return request({ type: 'xlsx', text: String(text ?? ''), options: engineOptions(options) }, options);
}
