// The engine's thread: loads the core wasm once and answers requests, so a
// large document never freezes the page. The core module reads tables laid
// out one row a line (what Word, WPS, Excel, web pages and the PDF, Word and
// Excel readers give); the first text it cannot read that way (copied out
// of a PDF, an extractor's output) loads the engine with the rebuild
// readers (www/pkg-rebuild), which then answers every text. The Excel export module is loaded
// only the first time an .xlsx is asked for, the office module (Word and
// Excel reading) the first time such a file is opened, and the PDF geometry
// module the first time a PDF's layout comes.
//
// Protocol (www/lib/budget-lint.js is the only client):
//   in   {type: 'init', wasmBytes?: Uint8Array, xlsxUrl?: string|null,
//         officeUrl?: string|null, pdfUrl?: string|null,
//         rebuildUrl?: string|null}                                       once, first
//        {id, type: 'validate', text, options?} | {id, type: 'rules', docs}
//        {id, type: 'csv', text, name, options?} | {id, type: 'xlsx', text, options?}
//        {id, type: 'html', text}  (HTML → the TAB text validate reads)
//        {id, type: 'pdf', pages, runs, texts, segments, options?}  (Float32Arrays + string[])
//        {id, type: 'pdf-lines', pages, runs, texts, segments}      (the lines only, not checked)
//        {id, type: 'file', bytes, options?}   a .docx/.xlsx/.xls (or old .doc/.wps)
//   out  {type: 'ready', version} | {type: 'failed', error}               once
//        {id, type: 'progress', stage, message}
//        {id, ok: true, result, ms} | {id, ok: false, error}
import initCore, { findings_csv, html_text, rules, validate, version } from '../pkg/budget_lint.js';

// The first-load engine's calls, as the rebuild module has them too.
const core = { findings_csv, html_text, rules, validate, version };

// What the core module's validate/findings_csv throw for a text whose
// tables it cannot read (src/front/wasm.rs REBUILD_NEEDED).
const REBUILD_NEEDED = '[rebuild-needed]';

let ready = null;
let xlsxUrl = null;
let xlsxModule = null;
let pdfUrl = null;
let pdfModule = null;
let officeUrl = null;
let officeModule = null;
let rebuildUrl = null;
// The module that checks texts: the core one, until a text needs the rebuild.
let engine = core;

function message(e) {
  return String(e && e.message ? e.message : e);
}

function start({ wasmBytes, xlsxUrl: url, pdfUrl: pdf, officeUrl: office, rebuildUrl: rebuild }) {
  xlsxUrl = url ?? null;
  rebuildUrl = rebuild ?? null;
  pdfUrl = pdf ?? null;
  officeUrl = office ?? null;
  ready = initCore(wasmBytes ? { module_or_path: wasmBytes } : undefined).then(
    () => postMessage({ type: 'ready', version: core.version() }),
    (e) => {
      postMessage({ type: 'failed', error: message(e) });
      throw e;
    },
  );
}

/**
 * `call(engine)` with the engine that checks texts; when the core module
 * says the text needs the rebuild readers, again with the module that has
 * them (loaded once, kept for every later text).
 */
async function checking(call, progress) {
  try {
    return call(engine);
  } catch (e) {
    if (engine !== core || !message(e).startsWith(REBUILD_NEEDED)) throw e;
    // The single file embeds the module with the readers: never here.
    if (!rebuildUrl) throw new Error('此版本不能重建这种版式的表格；请粘贴从 Word、WPS 或 Excel 复制的表格，或直接打开文件。');
    progress('parse', '表格不是每行一行：正在加载版式重建模块…');
    const mod = await import(rebuildUrl);
    await mod.default();
    engine = mod;
    progress('parse', '正在重建表格并逐项核对…');
    return call(engine);
  }
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

// A panic in the PDF module (its PDF parser met a file it cannot take)
// leaves its instance unusable: the next PDF imports a fresh one.
let pdfInstances = 0;

async function pdfEngine() {
  if (!pdfUrl) throw new Error('此版本不能读取 PDF（单文件版不含 PDF 组件）；请使用在线版，或复制 PDF 的文本后粘贴。');
  if (!pdfModule) {
    const mod = await import(pdfInstances ? `${pdfUrl}?instance=${pdfInstances}` : pdfUrl);
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
      return checking((e) => e.validate(source, options), progress);
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
      const report = await checking((e) => e.validate(lines, { ...(options ?? {}), pdf: true, pages: linePages }), progress);
      return { report, text: lines, places };
    }
    case 'pdf-rules': {
      // The ruling lines of the file, by the engine's own PDF reader, while
      // pdf.js reads the text (www/pdf/read.js).
      const geometry = await pdfEngine();
      try {
        return geometry.pdf_rules(bytes);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          pdfModule = null;
          pdfInstances++;
        }
        throw e;
      }
    }
    case 'pdf-warm':
      // A PDF is coming (dragged over the page): its module loaded ahead.
      await pdfEngine();
      return true;
    case 'pdf-lines': {
      // The lines alone, for a PDF that is one part of a disclosure given
      // in several files (checked once all parts are read).
      const geometry = await pdfEngine();
      const { text: lines, places } = geometry.pdf_lines(pages, runs, texts, segments);
      return { text: lines, places };
    }
    case 'rules': {
      // Titles only (the page's findings): the wasm's own list, no fetch.
      if (docs === false) return core.rules();
      // The docs are not in the wasm: the package's entry joins rules.js
      // (beside the wasm, loaded the first time) to the engine's rules().
      const pkg = await import('../pkg/index.js');
      return pkg.rules();
    }
    case 'csv':
      return checking((e) => e.findings_csv(source, String(name ?? ''), options), progress);
    case 'html':
      return core.html_text(source);
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
    const transfer = ArrayBuffer.isView(result) ? [result.buffer] : result?.places instanceof Float32Array ? [result.places.buffer] : [];
    postMessage({ id: msg.id, ok: true, result, ms: performance.now() - t0 }, transfer);
  } catch (e) {
    postMessage({ id: msg.id, ok: false, error: message(e) });
  }
};
