// <budget-lint>: the checker as one tag a portal drops into its page.
//
//   <script type="module" src="/budget-lint/embed/budget-lint-element.js"></script>
//   <budget-lint lang="zh" panels="input summary findings"></budget-lint>
//
// Attributes
//   lang     zh (default) | en — the interface text (finding messages stay Chinese)
//   panels   which parts to show, any of: input summary findings tables
//            (default "input summary findings")
//   auto     present: validate as soon as text is given (property or content)
// Properties / methods
//   .text             the document text (initially the element's text content)
//   .report           the last report, or null
//   validate()        → Promise<Report>, also dispatches the events below
//   validateFile(f)   → Promise<Report>, decodes UTF-8 / UTF-16 / GB18030
// Events (bubble, composed)
//   budget-lint-result  detail: the Report
//   budget-lint-error   detail: {code, message} (code: empty|binary|too_large|encoding|engine|AbortError)
//
// Everything renders in a shadow root with textContent only: the document's
// text can never become markup. Nothing is fetched but this folder's
// siblings (../lib/, ../pkg/).
import { init, validate, validateFile } from '../lib/budget-lint.js';

const TEXT = {
  zh: {
    placeholder: '在此粘贴预算公开文本，或选择 .txt 文件',
    run: '校验',
    pick: '选择文件…',
    loading: '正在加载校验引擎…',
    working: '正在校验…',
    ready: '就绪',
    department: '部门',
    year: '年度',
    kind: '文件类型',
    errors: '错误',
    result: '结果',
    unrecognised: '未识别，未做任何检查',
    warnings: '警告',
    infos: '尾差/提示',
    checks: '检查项',
    ran: '已执行',
    notApplicable: '不适用',
    couldNotRun: '无法执行',
    findings: '发现的问题',
    none: '未发现问题。',
    tables: '识别出的表格',
    line: (n) => `第${n}行`,
    severity: { error: '错误', warning: '警告', info: '尾差' },
    rows: (n) => `${n} 行`,
  },
  en: {
    placeholder: 'Paste the text of a budget disclosure, or pick a .txt file',
    run: 'Check',
    pick: 'Pick a file…',
    loading: 'Loading the engine…',
    working: 'Checking…',
    ready: 'Ready',
    department: 'Department',
    year: 'Year',
    kind: 'Document',
    errors: 'Errors',
    result: 'Result',
    unrecognised: 'Not recognised: nothing was checked',
    warnings: 'Warnings',
    infos: 'Rounding/info',
    checks: 'Checks',
    ran: 'ran',
    notApplicable: 'not applicable',
    couldNotRun: 'could not run',
    findings: 'Findings',
    none: 'No findings.',
    tables: 'Tables found',
    line: (n) => `line ${n}`,
    severity: { error: 'error', warning: 'warning', info: 'rounding' },
    rows: (n) => `${n} rows`,
  },
};

const PANELS = ['input', 'summary', 'findings', 'tables'];
const DEFAULT_PANELS = 'input summary findings';

const CSS = `
:host { display: block; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1b1f24; }
[hidden] { display: none !important; }
textarea { box-sizing: border-box; width: 100%; min-height: 10em; font: 13px/1.4 ui-monospace, monospace; }
.bar { display: flex; gap: .5em; align-items: center; margin: .4em 0; flex-wrap: wrap; }
button, .pick { font: inherit; padding: .25em .9em; border: 1px solid #57606a; border-radius: 4px; background: #f6f8fa; cursor: pointer; }
button.primary { background: #0b5cad; color: #fff; border-color: #0b5cad; }
.pick input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.status { color: #57606a; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .4em 0; }
.summary dt { color: #57606a; }
.summary dd { margin: 0; }
ol.findings { padding-left: 1.6em; }
ol.findings li { margin: .3em 0; }
.sev { display: inline-block; min-width: 2.5em; text-align: center; border-radius: 3px; padding: 0 .3em; margin-right: .4em; font-size: 12px; }
.sev.error { background: #ffebe9; color: #a40e26; }
.sev.warning { background: #fff8c5; color: #6a4a00; }
.sev.info { background: #eef1f4; color: #3d4751; }
.where { color: #57606a; margin-left: .4em; }
table { border-collapse: collapse; margin: .3em 0 1em; font-size: 12px; }
th, td { border: 1px solid #d0d7de; padding: .1em .4em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
h3 { font-size: 15px; margin: .8em 0 .3em; }
details summary { cursor: pointer; }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    // A constructed stylesheet: allowed under the strictest style-src, where
    // a <style> element in the shadow root would be refused.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child == null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export class BudgetLintElement extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'panels'];
  }

  constructor() {
    super();
    this._text = null;
    this.report = null;
    this._busy = null;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.$ = {
      input: el('section', { part: 'input', class: 'input' }),
      summary: el('section', { part: 'summary', class: 'summary' }),
      findings: el('section', { part: 'findings', class: 'findings' }),
      tables: el('section', { part: 'tables', class: 'tables' }),
    };
    this.$textarea = el('textarea', { spellcheck: 'false' });
    this.$run = el('button', { type: 'button', class: 'primary' });
    this.$file = el('input', { type: 'file', accept: '.txt,text/plain' });
    this.$pickLabel = el('span');
    this.$status = el('span', { class: 'status', role: 'status' });
    this.$.input.append(
      this.$textarea,
      el('div', { class: 'bar' }, this.$run, el('label', { class: 'pick' }, this.$pickLabel, this.$file), this.$status),
    );
    this.$run.addEventListener('click', () => {
      this._text = this.$textarea.value;
      this.validate().catch(() => {});
    });
    this.$file.addEventListener('change', () => {
      const file = this.$file.files?.[0];
      if (file) this.validateFile(file).catch(() => {});
      this.$file.value = '';
    });
    root.append(this.$.input, this.$.summary, this.$.findings, this.$.tables);
  }

  get t() {
    return TEXT[this.getAttribute('lang') === 'en' ? 'en' : 'zh'];
  }

  get text() {
    return this._text ?? '';
  }

  set text(value) {
    this._text = String(value ?? '');
    this.$textarea.value = this._text;
    if (this.hasAttribute('auto') && this.isConnected) this.validate().catch(() => {});
  }

  connectedCallback() {
    if (this._text === null) {
      // Text given as the element's content (e.g. by a server-side template).
      const initial = this.textContent.trim() ? this.textContent.replace(/^\n/, '') : '';
      this._text = initial;
      this.$textarea.value = initial;
    }
    this.renderChrome();
    this.$status.textContent = this.t.loading;
    init().then(
      () => {
        if (!this._busy) this.$status.textContent = this.t.ready;
      },
      (e) => this.fail({ code: 'engine', message: e.message }),
    );
    if (this.hasAttribute('auto') && this._text) this.validate().catch(() => {});
  }

  attributeChangedCallback() {
    this.renderChrome();
    if (this.report) this.renderReport(this.report);
  }

  panels() {
    const asked = (this.getAttribute('panels') || DEFAULT_PANELS).split(/[\s,]+/);
    return new Set(asked.filter((p) => PANELS.includes(p)));
  }

  renderChrome() {
    const t = this.t;
    const shown = this.panels();
    for (const name of PANELS) this.$[name].hidden = !shown.has(name);
    this.$textarea.placeholder = t.placeholder;
    this.$run.textContent = t.run;
    this.$pickLabel.textContent = t.pick;
  }

  /** Checks `.text`; resolves with the report (and fires budget-lint-result). */
  validate() {
    return this.run(() => validate(this.text));
  }

  /** Decodes and checks a File; its text becomes `.text`. */
  validateFile(file) {
    return this.run(async () => {
      const { report, text } = await validateFile(file);
      this._text = text;
      this.$textarea.value = text;
      return report;
    });
  }

  async run(job) {
    this.$status.textContent = this.t.working;
    this.$run.disabled = true;
    const busy = job();
    this._busy = busy;
    try {
      const report = await busy;
      this.report = report;
      this.renderReport(report);
      this.$status.textContent = '';
      this.dispatchEvent(new CustomEvent('budget-lint-result', { detail: report, bubbles: true, composed: true }));
      return report;
    } catch (e) {
      this.fail({ code: e.code || (e.name === 'AbortError' ? 'AbortError' : 'engine'), message: e.message });
      throw e;
    } finally {
      if (this._busy === busy) this._busy = null;
      this.$run.disabled = false;
    }
  }

  fail(detail) {
    this.$status.textContent = detail.message;
    this.dispatchEvent(new CustomEvent('budget-lint-error', { detail, bubbles: true, composed: true }));
  }

  renderReport(report) {
    const t = this.t;
    const doc = report.document || {};
    const s = report.summary || {};
    const dl = el('dl');
    const item = (k, v) => dl.append(el('dt', {}, k), el('dd', {}, String(v ?? '—')));
    item(t.kind, doc.kind_label);
    item(t.department, doc.department);
    item(t.year, doc.year);
    if (s.recognised === false) item(t.result, t.unrecognised);
    else item(t.errors, s.errors);
    item(t.warnings, s.warnings);
    item(t.infos, s.infos);
    item(t.checks, `${t.ran} ${s.checks_ran}，${t.notApplicable} ${s.checks_not_applicable}，${t.couldNotRun} ${s.checks_could_not_run}`);
    this.$.summary.replaceChildren(dl);

    const rank = { error: 0, warning: 1, info: 2 };
    const findings = [...(report.findings || [])].sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line);
    const list = el('ol', { class: 'findings' });
    for (const f of findings) {
      const li = el(
        'li',
        { 'data-rule': f.rule, 'data-severity': f.severity, 'data-line': String(f.line) },
        el('span', { class: `sev ${f.severity}` }, t.severity[f.severity] || f.severity),
        f.message,
        el('span', { class: 'where' }, `${f.location} · ${t.line(f.line)} · ${f.rule}`),
      );
      list.append(li);
    }
    this.$.findings.replaceChildren(el('h3', {}, t.findings), findings.length ? list : el('p', {}, t.none));

    const tables = el('div');
    for (const table of report.tables || []) {
      tables.append(this.renderTable(table));
    }
    this.$.tables.replaceChildren(el('h3', {}, t.tables), tables);
  }

  renderTable(table) {
    const details = el('details', { 'data-table': table.id });
    details.append(el('summary', {}, `${table.id} ${table.title}（${this.t.rows(table.rows.length)}）`));
    const grid = el('table');
    for (const row of table.rows) {
      const tr = el('tr', {}, el('th', {}, [row.code, row.name].filter(Boolean).join(' ')));
      for (const cell of row.cells) {
        const text = cell.kind === 'value' ? cell.text : cell.kind === 'unreadable' ? cell.text : '';
        tr.append(el('td', { class: 'num' }, text ?? ''));
      }
      grid.append(tr);
    }
    details.append(grid);
    return details;
  }
}

if (!customElements.get('budget-lint')) customElements.define('budget-lint', BudgetLintElement);
