// The live examples of www/embed.html: each runs the code its section shows.
import initPkg, { findings_csv, validate as validateSync } from '../pkg/budget_lint.js';
import { exportXlsx, findingsCsv, validate, validateFile } from '../lib/budget-lint.js';

const sample = () => fetch(new URL('sample.txt', import.meta.url)).then((r) => r.text());

function summarize(report) {
  const s = report.summary;
  const d = report.document;
  if (s.recognised === false) return `未识别，未做任何检查（${report.findings.find((f) => f.rule === 'S107')?.message ?? ''}）`;
  return `${d.department ?? '（未识别部门）'} ${d.year ?? ''}：错误 ${s.errors}，警告 ${s.warnings}，尾差/提示 ${s.infos}；表格 ${report.tables.length} 张`;
}

function download(name, bytes, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// 一、the npm package, in this thread.
{
  const box = document.getElementById('live-npm');
  const out = box.querySelector('[data-out]');
  box.querySelector('[data-run]').addEventListener('click', async () => {
    out.textContent = '正在加载…';
    await initPkg();
    const text = await sample();
    const t0 = performance.now();
    const report = validateSync(text);
    const csv = findings_csv(text, 'sample.txt');
    out.textContent = `${summarize(report)}（主线程 ${Math.round(performance.now() - t0)} 毫秒）；CSV ${csv.split('\n').length - 2} 行问题`;
    out.dataset.done = 'true';
  });
}

// 二、the ES module API, in a Worker.
{
  const box = document.getElementById('live-module');
  const status = box.querySelector('[data-status]');
  const out = box.querySelector('[data-out]');
  const buttons = Object.fromEntries(['run', 'cancel', 'csv', 'xlsx'].map((k) => [k, box.querySelector(`[data-${k}]`)]));
  let controller = null;
  let current = null; // {text, name}

  const show = (report, name) => {
    const lines = [summarize(report), ''];
    for (const f of report.findings) lines.push(`[${f.severity}] ${f.rule} 第${f.line}行 ${f.message}`);
    out.textContent = lines.join('\n');
    status.textContent = name;
    box.dataset.state = 'done';
  };
  const run = async (job) => {
    controller = new AbortController();
    buttons.cancel.disabled = false;
    box.dataset.state = 'busy';
    const options = { signal: controller.signal, onProgress: (p) => (status.textContent = p.message) };
    try {
      await job(options);
      buttons.csv.disabled = buttons.xlsx.disabled = false;
    } catch (e) {
      status.textContent = e.name === 'AbortError' ? '已取消' : e.message;
      box.dataset.state = 'error';
    } finally {
      buttons.cancel.disabled = true;
    }
  };
  buttons.run.addEventListener('click', () =>
    run(async (options) => {
      const text = await sample();
      current = { text, name: 'sample.txt' };
      show(await validate(text, options), 'sample.txt');
    }),
  );
  box.querySelector('[data-file]').addEventListener('change', (event) => {
    const file = event.target.files[0];
    if (!file) return;
    run(async (options) => {
      const { report, text, encoding, name } = await validateFile(file, options);
      current = { text, name };
      show(report, `${name}（${encoding}）`);
    });
  });
  buttons.cancel.addEventListener('click', () => controller?.abort());
  buttons.csv.addEventListener('click', async () => {
    if (current) download('问题清单.csv', await findingsCsv(current.text, current.name), 'text/csv;charset=utf-8');
  });
  buttons.xlsx.addEventListener('click', async () => {
    if (!current) return;
    status.textContent = '正在生成 Excel…';
    download('校验结果.xlsx', await exportXlsx(current.text), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    status.textContent = '已生成 Excel';
  });
}

// 三、the custom element.
{
  const box = document.getElementById('live-element');
  const demo = document.getElementById('demo');
  const events = box.querySelector('[data-events]');
  demo.addEventListener('budget-lint-result', (e) => {
    events.textContent = `budget-lint-result：${summarize(e.detail)}`;
  });
  demo.addEventListener('budget-lint-error', (e) => {
    events.textContent = `budget-lint-error：${e.detail.code} ${e.detail.message}`;
  });
  box.querySelector('[data-sample]').addEventListener('click', async () => {
    demo.text = await sample();
    demo.validate().catch(() => {});
  });
  box.querySelector('[data-lang]').addEventListener('click', () => {
    demo.setAttribute('lang', demo.getAttribute('lang') === 'en' ? 'zh' : 'en');
  });
}
