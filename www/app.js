// The page: documents in (paste, drop, pick, sample), one engine run at a
// time in the Worker (cancellable), and the current document's result shown
// as summary, findings, source, tables and the print memo. This module holds
// the session's state and wires the ui/ modules together; each of those
// knows only its own part of the page. The views of a result (ui/result.js)
// load with the first document, while the engine checks it: a first visit
// fetches only what takes a text in and checks it (issue 12).
import { applyStatic, getLang, onLangChange, savedLang, setLang, t, toggleLang } from './i18n.js';
import { EngineAdapter, InputError, MAX_BYTES, NeedsEngine, decodeBytes, isAbort, isHtml, isOfficeFile, isPdfFile, unchecked } from './ui/engine-adapter.js';
import { bindIntake } from './ui/intake.js';

// new URL(…, import.meta.url): the single-file build embeds what a module
// references this way, so the sample works from dist/ too.
const SAMPLE = new URL('./samples/yangquan-zhaoshang-2026.txt', import.meta.url);
const SAMPLE_NAME = 'yangquan-zhaoshang-2026.txt';
// A text box holding megabytes re-lays out for seconds on every change; a
// document this large is checked from the file and not copied into it.
const TEXTAREA_LIMIT = 1024 * 1024;
// The PDF modules (and through them pdf.js and pdf-lib) load only when a PDF
// is opened or exported: not literal imports, so the first load and the
// single-file build leave them out.
const PDF_MODULES = { read: './pdf/read.js', view: './pdf/view.js', annotate: './pdf/annotate.js' };
// The exports load on the first export (a literal import: the single file
// bundles it).
const exportsModule = () => import('./ui/exports.js');
const pdfModule = (name) =>
  import(PDF_MODULES[name]).catch(() => {
    throw new Error(t('status.pdfUnavailable'));
  });
const $ = (id) => document.getElementById(id);

const ui = {
  input: $('input'),
  together: $('together'),
  run: $('run'),
  status: $('status'),
  progress: $('progress'),
  stage: $('stage'),
  cancel: $('cancel'),
  docs: $('docs'),
  result: $('result'),
  summary: $('summary'),
  resultHead: document.querySelector('.result-head'),
  resultTitle: $('result-title'),
  welcome: $('welcome'),
  views: $('views'),
  source: $('source'),
  sourceRange: $('source-range'),
  locateEmpty: $('locate-empty'),
  locateBody: $('locate-body'),
  findingTables: $('finding-tables'),
  tables: $('tables'),
  memo: $('memo'),
};

/** @type {{id:number, name:string, kind:string, text?:string, file?:File, encoding?:string, status:string, report?:object, ms?:number, error?:string, lines?:string[]}[]} */
const docs = [];
let nextId = 1;
let currentId = null;
let running = null; // {doc, controller}
let engineVersion = '';

const engine = new EngineAdapter();
/** ui/result.js once loaded (loadViews), and its findings list. */
let views = null;
let findings = null;
let viewsLoading = null;
let ruleTitles = new Map();

/**
 * Loads the result's views (summary, findings, source, tables, memo, the
 * documents' list) the first time a document comes, and shows what is there
 * to show. A literal import: the single file bundles it.
 */
function loadViews() {
  viewsLoading ??= import('./ui/result.js').then(
    (mod) => {
      findings = new mod.FindingsView({
        list: $('findings'),
        filters: $('filters'),
        count: $('findings-count'),
        onSelect: showFinding,
      });
      findings.setRuleTitles(ruleTitles);
      mod.bindKeys(findings);
      // After the list's own click (which shows the finding): the figure's place.
      findings.list.addEventListener('click', showEvidence);
      views = mod;
      refreshDocs();
      showCurrent();
    },
    (err) => {
      viewsLoading = null; // the next document tries again
      say(t('status.viewsFailed', err.message), 'error');
    },
  );
  return viewsLoading;
}

applyStatic(document);
updateLangButton();
// The language chosen last time: its words load, then the page switches as on a click.
setLang(savedLang()).catch(langFailed);

engine.ready.then(
  async (version) => {
    // Marks for timing the page (tests/web/page.test.mjs prints them).
    performance.mark('budget-lint:engine-ready');
    engineVersion = version || '';
    $('engine-version').textContent = `budget-lint ${engineVersion}`;
    ui.run.disabled = false;
    if (!running) say(t('status.ready'));
    try {
      const rules = await engine.ruleTitles();
      ruleTitles = new Map((rules || []).map((r) => [r.id, r.title]));
      findings?.setRuleTitles(ruleTitles);
    } catch {
      // Titles are a nicety; findings carry their rule id regardless.
    }
  },
  (err) => say(t('status.engineFailed', err.message), 'error'),
);

// ---- getting documents in -------------------------------------------------

bindIntake({
  overlay: $('drop-overlay'),
  picker: $('file'),
  input: ui.input,
  onFiles: addFiles,
  // pdf.js and its worker start while the PDF is still being dragged.
  onPdfComing: () => {
    pdfModule('read').then((m) => m.warmPdf(), () => {});
    engine.warmPdf();
  },
  onText: (text) => {
    ui.input.value = text;
    runInput();
  },
  onHtml: pasteHtml,
  onRun: runInput,
});

/**
 * A paste or drop carrying table cells as HTML: the engine reads it into
 * TAB text, which goes into the box where the paste would have (replacing
 * everything on a drop, which then runs); its plain text if that fails.
 */
async function pasteHtml(html, plain, { run }) {
  let text = '';
  try {
    text = await engine.htmlToText(html);
  } catch {
    // The plain text below is what the browser would have pasted.
  }
  if (!text.trim()) text = plain || '';
  if (run) {
    ui.input.value = text;
    runInput();
    return;
  }
  ui.input.setRangeText(text, ui.input.selectionStart, ui.input.selectionEnd, 'end');
  ui.input.dispatchEvent(new Event('input', { bubbles: true }));
}

ui.run.addEventListener('click', runInput);
$('clear').addEventListener('click', clearAll);
ui.cancel.addEventListener('click', cancel);
$('sample').addEventListener('click', loadSample);
$('sample-2').addEventListener('click', loadSample);

function addFiles(files) {
  // 「作为同一份公开文件」: the files are the parts of one disclosure (a
  // narrative and its tables), read each and checked as one document, as
  // the CLI's --together does.
  const added =
    ui.together.checked && files.length > 1
      ? [addDoc({ name: files.map((f) => f.name).join(' + '), kind: 'together', parts: files, status: 'queued' })]
      : files.map((file) => addDoc({ name: file.name, kind: 'file', file, status: 'queued' }));
  setCurrent(added[0].id);
  pump();
}

/** 校验: the text box becomes (or updates) a document. */
function runInput() {
  const cur0 = currentDoc();
  if (!ui.input.value && cur0 && cur0.text && cur0.text.length > TEXTAREA_LIMIT && !running) {
    Object.assign(cur0, { status: 'queued', report: undefined, error: undefined });
    pump();
    return;
  }
  const text = ui.input.value;
  if (!text.trim()) {
    say(t('status.empty'), 'error');
    ui.input.focus();
    return;
  }
  const cur = currentDoc();
  let doc;
  if (cur && cur.text === text && !running) {
    doc = cur; // the same text again: check it again
  } else if (cur && cur.kind === 'paste' && cur !== running?.doc) {
    doc = cur;
    doc.text = text;
  } else {
    const name = cur && cur.text !== undefined && cur.kind !== 'paste' ? t('docs.modified', cur.name) : t('docs.pasted');
    doc = addDoc({ name, kind: 'paste', text, encoding: null, pasted: name === t('docs.pasted') });
  }
  Object.assign(doc, { status: 'queued', report: undefined, error: undefined, lines: undefined });
  setCurrent(doc.id);
  pump();
}

async function loadSample() {
  try {
    const response = await fetch(SAMPLE);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const blob = await response.blob();
    addFiles([new File([blob], SAMPLE_NAME, { type: 'text/plain' })]);
  } catch (err) {
    say(t('status.sampleFailed', err.message), 'error');
  }
}

/** The current document's text in the box, unless it is too large to edit there. */
function showText(doc) {
  const text = doc.text.length > TEXTAREA_LIMIT ? '' : doc.text;
  // Only when it differs: re-setting a long text costs a relayout.
  if (ui.input.value !== text) ui.input.value = text;
  ui.input.placeholder = text === doc.text ? t('intake.placeholder') : t('intake.tooLong', doc.name);
}

function addDoc(fields) {
  loadViews();
  const doc = { id: nextId++, addedAt: performance.now(), ...fields };
  docs.push(doc);
  return doc;
}

// ---- running the engine, one document at a time ---------------------------

async function pump() {
  if (running) return;
  document.body.dataset.state = 'busy';
  const queued = () => docs.filter((d) => d.status === 'queued');
  let finished = 0;
  while (queued().length) {
    const doc = queued()[0];
    const total = finished + queued().length;
    const position = total > 1 ? t('status.queue', finished + 1, total) : '';
    await check(doc, position);
    finished++;
  }
  await loadViews(); // the result shown before the page says done
  document.body.dataset.state = 'done'; // for tests and embedding hosts
}

async function check(doc, position) {
  const controller = new AbortController();
  running = { doc, controller };
  doc.status = 'running';
  busy(true);
  refreshDocs();
  const progress = {
    signal: controller.signal,
    onProgress: ({ stage: s, message }) => stage(s, message || `${t(`stage.${s}`)}${position}`),
  };
  try {
    let office = null;
    if (doc.parts) {
      Object.assign(doc, await readParts(doc.parts, controller.signal, position));
      delete doc.parts;
    }
    if (doc.file) {
      stage('decode', `${t('status.reading', doc.name)}${position}`);
      // The first KiB tells a PDF, whose size is judged before it is read.
      const head = new Uint8Array(await doc.file.slice(0, 1024).arrayBuffer());
      if (isPdfFile(head)) {
        await readPdfDoc(doc, doc.file, controller.signal, position);
      } else {
        delete doc.pdf;
        const bytes = new Uint8Array(await doc.file.arrayBuffer());
        if (isOfficeFile(bytes)) {
          // Word/Excel: the engine reads the file; the text it read is the source.
          office = await engine.checkFile(bytes, progress);
          Object.assign(doc, { text: office.text, encoding: t(`input.kind.${office.kind}`) });
        } else {
          let { text, encoding } = decodeBytes(bytes, inputMessages());
          if (isHtml(doc.name, text)) {
            // A web page: its tables' cells and its paragraphs as TAB text,
            // which the source view shows and the findings' lines number.
            text = await engine.htmlToText(text);
            encoding = `${encoding} · HTML`;
          }
          Object.assign(doc, { text, encoding });
        }
      }
      delete doc.file;
    }
    if (controller.signal.aborted) throw new DOMException('已取消', 'AbortError');
    if (doc.id === currentId && !doc.pdf) showText(doc);
    stage('check', `${t('status.running', doc.name)}${position}`);
    let report;
    let ms;
    if (office) {
      ({ report, ms } = office);
      doc.source = { tablesOnly: office.tablesOnly };
    } else if (doc.pdf) {
      // The engine rebuilds the lines from the layout; the report cites them.
      const got = await engine.validatePdf(doc.pdf.layout, progress);
      Object.assign(doc, { text: got.text });
      doc.pdf.places = got.places;
      doc.source = { pdf: true, pages: Uint32Array.from(got.places, (p) => p?.page ?? 0) };
      ({ report, ms } = got);
      if (doc.id === currentId) showText(doc);
    } else {
      ({ report, ms } = await engine.validate(doc.text, { ...progress, source: doc.source }));
    }
    Object.assign(doc, { report, ms, status: 'done', lines: undefined }); // split when first shown
    const s = report.summary || {};
    const name = doc.encoding ? `${doc.name}（${doc.encoding}）` : doc.name;
    if (s.recognised === false) say(t(`status.${unchecked(report)}`, name), 'error');
    else say(t('status.done', name, s.errors ?? 0, s.warnings ?? 0, s.infos ?? 0));
  } catch (err) {
    if (isAbort(err)) {
      doc.status = 'cancelled';
      say(t('status.cancelled'));
    } else {
      doc.status = 'failed';
      doc.error = err instanceof InputError ? err.message : String(err.message || err);
      say(t('status.failed', doc.name, doc.error), 'error');
    }
  } finally {
    running = null;
    busy(false);
    refreshDocs();
    if (doc.id === currentId) showCurrent();
    // From the file's arrival (drop, pick, 校验) to its result shown: the
    // page tests print it.
    document.body.dataset.resultMs = String(Math.round(performance.now() - doc.addedAt));
  }
}

/**
 * The parts of one disclosure, read each (PDF by pdf.js and the engine's
 * geometry, Word/Excel by the office module, text decoded, HTML read to
 * its cells) and joined in their order, a blank line between, as the CLI
 * joins them, with how they were obtained (`source`, the engine's
 * options): `pdf` when a part is a PDF (its readings must be verified for
 * the template), `tablesOnly` when every part is tables only (workbooks).
 * A part that cannot be read fails the whole, named.
 */
async function readParts(files, signal, position) {
  const texts = [];
  const source = { pdf: false, tablesOnly: true };
  for (const [i, file] of files.entries()) {
    stage('decode', `${t('status.readingPart', file.name, i + 1, files.length)}${position}`);
    try {
      const part = await readPart(file, signal);
      texts.push(part.text.replace(/\n+$/, ''));
      source.pdf ||= part.pdf;
      source.tablesOnly &&= part.tablesOnly;
    } catch (err) {
      if (isAbort(err)) throw err;
      throw new Error(`${file.name}：${err.message || err}`);
    }
  }
  return { text: texts.join('\n\n'), encoding: t('input.together', files.length), source };
}

/** One part's text: {text, pdf, tablesOnly}. */
async function readPart(file, signal) {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  if (isPdfFile(head)) {
    const { pdf, layout } = await openAndReadPdf(file, { signal });
    try {
      return { text: (await engine.pdfText(layout, { signal })).text, pdf: true, tablesOnly: false };
    } finally {
      pdf.destroy();
    }
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isOfficeFile(bytes)) {
    const office = await engine.checkFile(bytes, { signal });
    return { text: office.text, pdf: false, tablesOnly: office.tablesOnly };
  }
  const { text } = decodeBytes(bytes, inputMessages());
  return { text: isHtml(file.name, text) ? await engine.htmlToText(text) : text, pdf: false, tablesOnly: false };
}


/**
 * A PDF file opened by pdf.js and its layout read: pdf.js reads the text
 * (in its worker) while the engine reads the ruling lines (www/pdf/read.js
 * says why). Returns {bytes, pdf, layout}; the caller destroys `pdf`.
 */
async function openAndReadPdf(file, { signal, onPage }) {
  const { readPdfFile } = await pdfModule('read');
  return readPdfFile(file, { signal, onPage, rules: (bytes) => engine.pdfRules(bytes, { signal }) });
}

/** A PDF: opened and its layout read by pdf.js (in its worker); the engine then rebuilds the lines and checks them. */
async function readPdfDoc(doc, file, signal, position) {
  stage('decode', `${t('status.loadingPdf', doc.name)}${position}`);
  const started = performance.now();
  const { bytes, pdf, layout: got } = await openAndReadPdf(file, {
    signal,
    onPage: (n, total) => stage('decode', `${t('status.readingPdf', doc.name, n, total)}${position}`),
  });
  doc.encoding = 'PDF';
  doc.pdf = { bytes, pdf, layout: got, runs: got.runs, places: [], readMs: performance.now() - started };
  document.body.dataset.pdfReadMs = String(Math.round(doc.pdf.readMs)); // for the page tests' timing
}

function cancel() {
  if (!running) return;
  for (const d of docs) if (d.status === 'queued') d.status = 'cancelled';
  running.controller.abort();
}

function inputMessages() {
  const mb = (n) => (n / 1048576).toFixed(1);
  return {
    tooLarge: (size) => t('input.tooLarge', mb(size), Math.round(MAX_BYTES / 1048576)),
    empty: t('input.empty'),
    binary: t('input.binary'),
    encoding: t('input.encoding'),
  };
}

function busy(on) {
  ui.progress.hidden = !on;
  ui.cancel.disabled = !on;
  ui.run.disabled = on;
  ui.result.setAttribute('aria-busy', on ? 'true' : 'false');
}

function stage(name, message) {
  ui.stage.textContent = message || t(`stage.${name}`);
  ui.progress.dataset.stage = name;
  say(message || t(`stage.${name}`));
}

function say(text, kind = '') {
  ui.status.textContent = text;
  ui.status.className = `status ${kind}`;
}

// ---- showing the current document -----------------------------------------

function currentDoc() {
  return docs.find((d) => d.id === currentId) || null;
}

function setCurrent(id) {
  currentId = id;
  const doc = currentDoc();
  if (doc && doc.text !== undefined) showText(doc);
  refreshDocs();
  showCurrent();
}

function refreshDocs() {
  if (!views) return; // loadViews shows them
  views.renderDocList(ui.docs, docs, currentId, {
    onPick: (id) => setCurrent(id),
    onRemove: removeDoc,
  });
  // One document needs no list to switch between.
  ui.docs.hidden = docs.length < 2;
}

/** A PDF's pdf.js document holds its parsed pages (and a worker's memory) until destroyed. */
function closePdf(doc) {
  doc.pdf?.pdf.destroy();
  delete doc.pdf;
}

function removeDoc(id) {
  const doc = docs.find((d) => d.id === id);
  if (!doc) return;
  if (running && running.doc === doc) running.controller.abort();
  closePdf(doc);
  docs.splice(docs.indexOf(doc), 1);
  if (currentId === id) {
    const next = docs[docs.length - 1];
    currentId = next ? next.id : null;
    if (next && next.text !== undefined) showText(next);
    else ui.input.value = '';
  }
  refreshDocs();
  showCurrent();
}

function clearAll() {
  if (running) cancel();
  docs.forEach(closePdf);
  docs.splice(0);
  currentId = null;
  ui.input.value = '';
  ui.input.placeholder = t('intake.placeholder');
  refreshDocs();
  showCurrent();
  say(t('status.cleared'));
  ui.input.focus();
}

function showCurrent({ keepFilters = false } = {}) {
  if (!views) return; // loadViews shows it
  const doc = currentDoc();
  const ready = doc && doc.status === 'done' && doc.report;
  ui.result.hidden = !ready;
  ui.views.hidden = !ready;
  ui.welcome.hidden = Boolean(ready);
  document.body.classList.toggle('has-result', Boolean(ready));
  if (!ready) {
    findings.show([]);
    ui.tables.replaceChildren();
    $('tables-nav').replaceChildren();
    views.renderMemo(ui.memo, null);
    return;
  }
  const report = doc.report;
  const [counts0, ...facts] = views.renderSummary(doc);
  ui.resultHead.replaceChildren(ui.resultTitle, counts0);
  ui.summary.replaceChildren(...facts);
  const counts = views.countByTable(report.findings || []);
  ui.tables.replaceChildren(...views.renderAllTables(report, counts));
  $('tables-nav').replaceChildren(...views.renderTablesNav(report, counts));
  findings.show(report.findings || [], { keepFilters });
  views.renderMemo(ui.memo, doc, engineVersion);
  updateExports();
  showFinding(null);
  // The first finding in place at once, without taking the reviewer's tab.
  autoSelecting = true;
  if (findings.list.firstElementChild) findings.selectFirst();
  autoSelecting = false;
  if (performance.getEntriesByName('budget-lint:result').length === 0) {
    performance.mark('budget-lint:result');
  }
}

let autoSelecting = false;

/** The selected finding in place: its source lines and its table's cells. */
function showFinding(f) {
  const doc = currentDoc();
  if (!doc || !doc.report) return;
  ui.locateEmpty.hidden = Boolean(f);
  ui.locateBody.hidden = !f;
  if (!f) return;
  if (!autoSelecting) showTab('locate');
  const tables = doc.report.tables || [];
  doc.lines ??= views.splitLines(doc.text);
  views.showSource(ui.source, doc.lines, f, tables, (from, to) => t('locate.gap', from, to, to - from + 1));
  const cited = (f.evidence || []).filter((e) => e.line > 0);
  const lines = cited.map((e) => e.line).concat(f.line > 0 ? [f.line] : []);
  showPdfPages(doc, f);
  ui.sourceRange.textContent = lines.length
    ? t('locate.lines', Math.min(...lines), Math.max(...lines), doc.lines.length)
    : '';
  const selected = new Set();
  for (const e of cited) {
    if (!e.table) continue;
    selected.add(views.citedKey(e));
    selected.add(views.citedKey(e, ''));
  }
  const ids = [...new Set(cited.map((e) => e.table).filter(Boolean))];
  if (!ids.length && f.location) ids.push(f.location);
  const shown = ids.map((id) => tables.find((tb) => tb.id === id)).filter(Boolean);
  ui.findingTables.replaceChildren(
    ...(shown.length
      ? shown.map((tb) => views.renderTable(tb, { selected, open: true }))
      : [views.el('p', { class: 'empty' }, t('locate.noTable'))]),
  );
  const first = ui.findingTables.querySelector('.cell-selected, .row-selected');
  if (first) {
    const pane = ui.findingTables;
    pane.scrollTop = Math.max(0, first.closest('tr').offsetTop - pane.clientHeight / 3);
  }
}

/** The finding on the rendered PDF pages, when the document is a PDF. */
async function showPdfPages(doc, f) {
  const pane = $('pdf-pane');
  pane.hidden = !doc.pdf;
  if (!doc.pdf) return;
  const container = $('pdf-pages');
  try {
    const { showFindingOnPdf } = await pdfModule('view');
    if (findings.selected !== f && findings.selected?._id !== f._id) return; // another one was picked meanwhile
    await showFindingOnPdf(container, doc.pdf, f, f._id + 1, (page, count) => t('locate.pdfPage', page, count));
    $('pdf-range').textContent = container.childElementCount ? '' : t('locate.pdfNone');
    document.body.dataset.pdfShown = String(f._id);
  } catch (err) {
    $('pdf-range').textContent = String(err.message || err);
  }
}

/** A figure in a finding's evidence: its line in the source, its cell in the table. */
function showEvidence(e) {
  const li = e.target.closest('.evidence li[data-line]');
  if (!li) return;
  const n = Number(li.dataset.line);
  views.scrollToLine(ui.source, n);
  const line = ui.source.querySelector(`.src-line[data-line="${n}"]`);
  if (line) {
    line.classList.remove('flash');
    void line.offsetWidth; // restart the animation
    line.classList.add('flash');
  }
  const row = ui.findingTables.querySelector(`tr[data-line="${n}"]`);
  if (row) ui.findingTables.scrollTop = Math.max(0, row.offsetTop - ui.findingTables.clientHeight / 3);
}

// Table links scroll inside the panel, not the page.
$('tables-nav').addEventListener('click', (e) => {
  const a = e.target.closest('a[href^="#table-"]');
  if (!a) return;
  e.preventDefault();
  const target = document.getElementById(a.getAttribute('href').slice(1));
  if (!target) return;
  const panel = panels.tables;
  if (panel.scrollHeight > panel.clientHeight) panel.scrollTop = target.offsetTop - $('tables-nav').offsetHeight - 6;
  else target.scrollIntoView(); // narrow window: the page itself scrolls
});

// ---- tabs: 定位 / 全部表格 ----------------------------------------------------

const tabs = { locate: $('tab-locate'), tables: $('tab-tables') };
const panels = { locate: $('panel-locate'), tables: $('panel-tables') };

function showTab(name) {
  for (const [key, tab] of Object.entries(tabs)) {
    const on = key === name;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    panels[key].hidden = !on;
  }
}
for (const [key, tab] of Object.entries(tabs)) {
  tab.addEventListener('click', () => showTab(key));
  tab.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = key === 'locate' ? 'tables' : 'locate';
    showTab(next);
    tabs[next].focus();
  });
}

// ---- exports ----------------------------------------------------------------

function updateExports() {
  for (const [id, feature, title] of [
    ['export-csv', 'findingsCsv', 'export.csvTitle'],
    ['export-xlsx', 'exportXlsx', 'export.xlsxTitle'],
  ]) {
    const button = $(id);
    const available = engine.has(feature);
    button.dataset.available = available ? 'true' : 'false';
    button.title = available ? t(title) : t('status.needsEngine');
  }
  $('export-pdf').hidden = !currentDoc()?.pdf;
}

async function runExport(fn) {
  const doc = currentDoc();
  if (!doc || !doc.report) return;
  try {
    const name = await fn(doc);
    say(t('status.exported', name));
  } catch (err) {
    if (err instanceof NeedsEngine) say(t('status.needsEngine'), 'error');
    else say(t('status.exportFailed', err.message || err), 'error');
  }
}

$('export-csv').addEventListener('click', () => runExport(async (doc) => (await exportsModule()).exportCsv(engine, doc)));
$('export-xlsx').addEventListener('click', () => runExport(async (doc) => (await exportsModule()).exportXlsx(engine, doc)));
$('export-json').addEventListener('click', () => runExport(async (doc) => (await exportsModule()).exportJson(doc)));
$('export-pdf').addEventListener('click', () =>
  runExport(async (doc) => {
    if (!doc.pdf) throw new Error('not a PDF');
    const [{ annotatedPdf }, { baseName, download }] = await Promise.all([pdfModule('annotate'), exportsModule()]);
    const s = doc.report.summary || {};
    const bytes = await annotatedPdf(doc.pdf, findings.all, {
      title: `${doc.name} 审核意见`,
      heading: [
        t('status.done', doc.name, s.errors ?? 0, s.warnings ?? 0, s.infos ?? 0),
        `budget-lint ${engineVersion}`,
      ],
      severity: (sev) => ({ error: '错误', warning: '警告', info: '提示' })[sev] || sev,
    });
    const filename = `${baseName(doc)}-批注.pdf`;
    download(filename, bytes, 'application/pdf');
    return filename;
  }),
);
$('print').addEventListener('click', () => window.print());

// ---- language -----------------------------------------------------------------

function updateLangButton() {
  const button = $('lang');
  button.textContent = t('lang.switch');
  button.setAttribute('aria-label', t('lang.switchLabel'));
  button.lang = getLang() === 'zh' ? 'en' : 'zh-CN';
}
function langFailed(err) {
  say(String(err.message || err), 'error');
}
$('lang').addEventListener('click', () => toggleLang().catch(langFailed));
onLangChange(() => {
  updateLangButton();
  // A plain paste is named in the interface's language.
  for (const d of docs) if (d.pasted) d.name = t('docs.pasted');
  refreshDocs();
  const selected = findings?.selected;
  if (currentDoc()?.report) {
    showCurrent({ keepFilters: true });
    if (selected) {
      const item = findings.list.querySelector(`.finding[data-id="${selected._id}"]`);
      if (item) findings.selectItem(item);
    }
  }
  if (!running && engineVersion) say(t('status.ready'));
});
