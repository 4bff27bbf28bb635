// The first page: text in (paste, pick, drop), engine in a Worker, findings
// (errors first) and the rebuilt tables out.
import { Engine } from './engine.js';
import { decodeFile } from './decode.js';
import { countByTable, el, renderFinding, renderSummary, renderTable, sortFindings } from './render.js';

const MAX_BYTES = 20 * 1024 * 1024; // far beyond any disclosure; keeps the tab alive

const $ = (id) => document.getElementById(id);
const input = $('input');
const runButton = $('run');
const status = $('status');
let source = '粘贴的文本';
let ruleTitles = new Map();

const engine = new Engine();
engine.ready.then(
  async (version) => {
    performance.mark('budget-lint:engine-ready');
    $('engine-version').textContent = `校验引擎 ${version}`;
    runButton.disabled = false;
    say('就绪：粘贴文本或选择文件后点击「校验」。');
    try {
      const { result } = await engine.rules();
      ruleTitles = new Map(result.map((r) => [r.id, r.title]));
    } catch {
      // Titles are a nicety; findings still carry their rule id.
    }
  },
  (err) => say(`校验引擎加载失败：${err.message}`, 'error'),
);

function say(text, kind = '') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

async function run(note = '') {
  const text = input.value;
  if (!text.trim()) {
    say('请先粘贴文本或选择文件。', 'error');
    input.focus();
    return;
  }
  runButton.disabled = true;
  say('正在校验…');
  try {
    const { result, ms } = await engine.validate(text);
    show(result, { source, ms }, text);
    const s = result.summary;
    say(`${note}校验完成：错误 ${s.errors} 项，提醒 ${s.warnings} 项，尾差/提示 ${s.infos} 项。`);
  } catch (err) {
    say(`校验失败：${err.message}`, 'error');
  } finally {
    runButton.disabled = false;
  }
}

function show(report, meta, text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  $('summary').replaceChildren(...renderSummary(report, meta));
  const findings = sortFindings(report.findings || []);
  $('findings').replaceChildren(...findings.map((f) => renderFinding(f, lines, ruleTitles)));
  $('no-findings').hidden = findings.length > 0;
  const counts = countByTable(findings);
  const tables = report.tables || [];
  $('tables').replaceChildren(
    ...(tables.length ? tables.map((t) => renderTable(t, counts)) : [el('p', { class: 'empty' }, '未识别出表格。')]),
  );
  $('result').hidden = false;
  document.body.dataset.state = 'done'; // for tests and embedding hosts
  performance.mark('budget-lint:result');
}

async function load(file) {
  if (!file) return;
  if (file.size > MAX_BYTES) {
    say(`文件过大（${(file.size / 1048576).toFixed(1)} MB），请确认是预算公开文本。`, 'error');
    return;
  }
  try {
    const { text, encoding } = await decodeFile(file);
    input.value = text;
    source = file.name;
    say(`已读取「${file.name}」（${encoding}），正在校验…`);
    await run(`「${file.name}」（${encoding}）`);
  } catch (err) {
    say(`无法读取文件：${err.message}`, 'error');
  }
}

runButton.addEventListener('click', () => run());
$('clear').addEventListener('click', () => {
  input.value = '';
  source = '粘贴的文本';
  $('result').hidden = true;
  say('已清空。');
  input.focus();
});
$('file').addEventListener('change', (e) => load(e.target.files[0]));
input.addEventListener('input', () => {
  source = '粘贴的文本';
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
});

// Drop anywhere on the page; the drop zone only shows where.
const drop = $('drop');
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) drop.classList.remove('over');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (file) load(file);
});
