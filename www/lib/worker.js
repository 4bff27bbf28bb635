// The engine's thread: loads the core wasm once and answers requests, so a
// large document never freezes the page; the Excel export module is loaded
// only the first time an .xlsx is asked for, the office module (Word and
// Excel reading) the first time such a file is opened, and the PDF geometry
// module the first time a PDF's layout comes.
//
// Protocol (www/lib/budget-lint.js is the only client):
//   in   {type: 'init', wasmBytes?: Uint8Array, xlsxUrl?: string|null,
//         officeUrl?: string|null, pdfUrl?: string|null}                    once, first
//        {id, type: 'validate', text, options?} | {id, type: 'rules', docs}
//        {id, type: 'csv', text, name, options?} | {id, type: 'xlsx', text, options?}
//        {id, type: 'html', text}  (HTML → the TAB text validate reads)
//        {id, type: 'pdf', pages, runs, texts, segments, options?}  (Float32Arrays + string[])
//        {id, type: 'pdf-lines', pages, runs, texts, segments}      (the lines only, not checked)
//        {id, type: 'file', bytes, options?}   a .docx/.xlsx (or old .doc/.xls/.wps)
//   out  {type: 'ready', version} | {type: 'failed', error}               once
//        {id, type: 'progress', stage, message}
//        {id, ok: true, result, ms} | {id, ok: false, error}
import initCore, { findings_csv, html_text, rules, validate, version } from '../pkg/budget_lint.js';

let ready = null;
let xlsxUrl = null;
let xlsxModule = null;
let pdfUrl = null;
let pdfModule = null;
let officeUrl = null;
let officeModule = null;

function message(e) {
  return String(e && e.message ? e.message : e);
}

function start({ wasmBytes, xlsxUrl: url, pdfUrl: pdf, officeUrl: office }) {
  xlsxUrl = url ?? null;
  pdfUrl = pdf ?? null;
  officeUrl = office ?? null;
  ready = initCore(wasmBytes ? { module_or_path: wasmBytes } : undefined).then(
    () => postMessage({ type: 'ready', version: version() }),
    (e) => {
      postMessage({ type: 'failed', error: message(e) });
      throw e;
    },
  );
}

async function xlsxEngine() {
  if (!xlsxUrl) throw new Error('此版本不含 Excel 导出（单文件版）；请导出 CSV，或使用在线版。');
  if (!xlsxModule) {
    const mod = await import(xlsxUrl);
    await mod.default();
    xlsxModule = mod;
  }
  return xlsxModule;
}

async function pdfEngine() {
  if (!pdfUrl) throw new Error('此版本不能读取 PDF（单文件版不含 PDF 组件）；请使用在线版，或复制 PDF 的文本后粘贴。');
  if (!pdfModule) {
    const mod = await import(pdfUrl);
    await mod.default();
    pdfModule = mod;
  }
  return pdfModule;
}

async function officeEngine() {
  if (!officeUrl) throw new Error('此版本（单文件版）不能读取 Word 或 Excel 文件；请使用在线版，或把文件另存为 PDF 或文本后再打开。');
  if (!officeModule) {
    const mod = await import(officeUrl);
    await mod.default();
    officeModule = mod;
  }
  return officeModule;
}

async function answer({ id, type, text, name, options, pages, runs, texts, segments, bytes, docs }) {
  const progress = (stage, message) => postMessage({ id, type: 'progress', stage, message });
  const source = String(text ?? '');
  switch (type) {
    case 'validate': {
      // One engine call both rebuilds the tables and runs the checks.
      progress('parse', '正在解析表格并逐项核对…');
      return validate(source, options);
    }
    case 'pdf': {
      // The engine's geometry (its own module) rebuilds the lines from the
      // layout, as the CLI does; then the same check as for a text.
      progress('parse', '正在按版面重建表格…');
      const geometry = await pdfEngine();
      const { text: lines, places } = geometry.pdf_lines(pages, runs, texts, segments);
      progress('check', '正在解析表格并逐项核对…');
      // Each line's page (five figures a line, the page first): the findings cite it.
      const linePages = Uint32Array.from({ length: places.length / 5 }, (_, i) => places[i * 5]);
      return { report: validate(lines, { ...(options ?? {}), pdf: true, pages: linePages }), text: lines, places };
    }
    case 'pdf-lines': {
      // The lines alone, for a PDF that is one part of a disclosure given
      // in several files (checked once all parts are read).
      const geometry = await pdfEngine();
      const { text: lines, places } = geometry.pdf_lines(pages, runs, texts, segments);
      return { text: lines, places };
    }
    case 'rules': {
      // Titles only (the page's findings): the wasm's own list, no fetch.
      if (docs === false) return rules();
      // The docs are not in the wasm: the package's entry joins rules.js
      // (beside the wasm, loaded the first time) to the engine's rules().
      const pkg = await import('../pkg/index.js');
      return pkg.rules();
    }
    case 'csv':
      return findings_csv(source, String(name ?? ''), options);
    case 'html':
      return html_text(source);
    case 'xlsx': {
      progress('parse', '正在加载 Excel 导出模块…');
      const engine = await xlsxEngine();
      progress('check', '正在生成 Excel 文件…');
      return engine.xlsx(source, options);
    }
    case 'file': {
      progress('decode', '正在加载 Word/Excel 读取模块…');
      const engine = await officeEngine();
      progress('parse', '正在读取文件并逐项核对…');
      return engine.check_file(bytes, options);
    }
    default:
      throw new Error(`未知请求：${type}`);
  }
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === 'init') {
    if (!ready) start(msg);
    return;
  }
  try {
    if (!ready) throw new Error('校验引擎尚未初始化');
    await ready;
    const t0 = performance.now();
    const result = await answer(msg);
    const transfer = result instanceof Uint8Array ? [result.buffer] : result?.places instanceof Float32Array ? [result.places.buffer] : [];
    postMessage({ id: msg.id, ok: true, result, ms: performance.now() - t0 }, transfer);
  } catch (e) {
    postMessage({ id: msg.id, ok: false, error: message(e) });
  }
};
