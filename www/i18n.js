// The interface's words in Chinese (the default) and English. Finding
// messages come from the engine and stay Chinese; everything the page itself
// says goes through t(). The choice is remembered in localStorage. The
// English words (i18n-en.js) load the first time English is chosen.

const STORE_KEY = 'budget-lint.lang';

const DICT = {
  zh: {
    'app.title': '预算公开校验器',
    'app.lede': '粘贴或拖入部门预算公开文本，逐表核对表内、表间勾稽关系，问题定位到原文行号。全部在本机浏览器中完成，文本不上传。',
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch the interface to English',
    'intake.title': '待校验文本',
    'intake.placeholder': '在此粘贴预算公开文本（从 PDF、Word、Excel 或网页复制的全文即可），或把 PDF、.txt、.html 文件拖到页面任意位置',
    'intake.run': '校验',
    'intake.tooLong': '「{0}」较大，未在此显示全文；点击「校验」可重新校验该文件。',
    'intake.pick': '选择文件…',
    'intake.sample': '示例文档',
    'intake.clear': '清空',
    'intake.together': '多个文件是同一份公开文件',
    'intake.togetherHint': '勾选后，同时拖入或选择的几个文件（如说明 PDF 与表格 PDF、Word 说明与 Excel 表格）按顺序拼接，作为一份文档校验',
    'intake.cancel': '取消',
    'intake.hint': '支持官网公布的文字版 PDF、Word（.docx）、Excel（.xlsx、.xls）、网页（.html），以及 UTF-8、UTF-16、GBK/GB18030 编码的 .txt 文件，可一次选择多个。从 Word、WPS、Excel 或网页复制的表格保留单元格。Ctrl+Enter 校验。',
    'drop.overlay': '松开鼠标，添加文件（可多个）',
    'status.loading': '正在加载校验引擎…',
    'status.ready': '就绪：粘贴文本、拖入或选择文件，或点击「示例文档」。',
    'status.engineFailed': '校验引擎加载失败：{0}',
    'status.viewsFailed': '结果显示组件加载失败：{0}',
    'status.empty': '请先粘贴文本或选择文件。',
    'status.reading': '正在读取「{0}」…',
    'status.readingPart': '正在读取「{0}」（第 {1} 个，共 {2} 个）…',
    'status.readingPdf': '正在读取 PDF「{0}」第 {1}/{2} 页…',
    'status.loadingPdf': '正在加载 PDF 阅读组件并打开「{0}」…',
    'status.pdfUnavailable': '此版本不能读取 PDF（单文件版不含 PDF 阅读组件）。请使用在线版，或复制 PDF 的文本后粘贴。',
    'status.running': '正在校验「{0}」…',
    'status.queue': '（第 {0} / {1} 份）',
    'status.done': '「{0}」校验完成：错误 {1} 项，提醒 {2} 项，尾差 {3} 项。',
    'status.unrecognised': '「{0}」未识别，未做任何检查：它不像部门或单位预算公开，或读不出任何表格（原因见下）。',
    'status.unverified': '「{0}」已识别，但未做任何检查：这种文本的读法尚未在此模板上验证（原因见下）。',
    'status.cancelled': '已取消校验。',
    'status.failed': '「{0}」无法校验：{1}',
    'status.cleared': '已清空。',
    'status.sampleFailed': '示例文档加载失败：{0}',
    'status.needsEngine': '此功能需要更新的引擎',
    'status.exported': '已导出「{0}」。',
    'status.exportFailed': '导出失败：{0}',
    'stage.decode': '正在解码…',
    'stage.parse': '正在识别表格…',
    'stage.check': '正在核对…',
    'stage.done': '完成',
    'docs.title': '文档',
    'docs.pasted': '粘贴的文本',
    'docs.modified': '{0}（已修改）',
    'docs.remove': '移除「{0}」',
    'docs.status.queued': '等待中',
    'docs.status.running': '校验中',
    'docs.status.done': '已完成',
    'docs.status.failed': '无法校验',
    'docs.status.cancelled': '已取消',
    'summary.title': '校验结果',
    'summary.file': '文件',
    'summary.encoding': '编码',
    'summary.kind': '文档类型',
    'summary.department': '部门',
    'summary.year': '年度',
    'summary.unit': '金额单位',
    'summary.lines': '行数',
    'summary.time': '用时 {0} 毫秒',
    'summary.checks': '检查项：已检查 {0}，不适用 {1}，无法检查 {2}',
    'summary.unrecognised': '未识别，未做任何检查',
    'summary.unverified': '已识别，但未做任何检查',
    'check.ran': '已检查',
    'check.not_applicable': '不适用',
    'check.could_not_run': '无法检查',
    'check.comparisons': '核对 {0} 处',
    'sev.error': '错误',
    'sev.warning': '提醒',
    'sev.info': '尾差',
    'findings.title': '发现的问题',
    'findings.none': '未发现问题。',
    'findings.noneMatch': '没有符合筛选条件的问题。',
    'findings.shown': '显示 {0} / {1} 项',
    'findings.keys': '↑↓ 或 j/k 移动，Enter 查看',
    'filter.location': '位置',
    'filter.allLocations': '全部位置',
    'filter.search': '搜索',
    'filter.searchPlaceholder': '搜索问题、科目、数字…',
    'finding.line': '第{0}行',
    'finding.pageLine': '第{0}页 第{1}行',
    'finding.sheetRow': '工作表「{0}」第{1}行',
    'finding.expected': '应为',
    'finding.actual': '实为',
    'finding.difference': '相差',
    'finding.tolerance': '容差 ±',
    'finding.column': '{0}列',
    'tabs.locate': '定位',
    'tabs.tables': '全部表格',
    'tabs.label': '查看方式',
    'locate.empty': '在左侧选择一个问题，这里显示原文中的对应行（引用的数字已标出）和重建的表格（涉及的单元格已标出）。',
    'locate.source': '原文',
    'locate.pdf': 'PDF 原页',
    'locate.pdfPage': '第 {0} 页（{1} 处）',
    'locate.pdfNone': '此问题未引用 PDF 中可定位的数字。',
    'locate.table': '重建的表格',
    'locate.gap': '⋯ 第 {0}–{1} 行（{2} 行），点击展开',
    'locate.noTable': '该问题不涉及表格单元格。',
    'locate.lines': '第 {0}–{1} 行（共 {2} 行）',
    'tables.none': '未识别出表格。',
    'tables.empty': '本表无数据（原文注明）',
    'tables.lines': '第{0}–{1}行',
    'tables.rows': '{0} 行',
    'tables.unit': '单位：{0}',
    'tables.lineNo': '行号',
    'tables.code': '编码',
    'tables.name': '名称',
    'tables.unreadable': '无法识别的数值',
    'tables.legend': '图例：',
    'tables.legendError': '错误涉及的单元格',
    'tables.legendInfo': '尾差涉及的单元格',
    'side.income': '收入',
    'side.expense': '支出',
    'export.title': '导出',
    'export.csv': '导出 CSV',
    'export.xlsx': '导出 Excel',
    'export.json': '导出 JSON',
    'export.pdf': '导出批注 PDF',
    'export.pdfTitle': '原 PDF 加上每处问题的框线、编号和批注，末页为问题清单',
    'export.print': '打印审核意见',
    'export.csvTitle': '问题清单（CSV，可用 Excel 打开）',
    'export.xlsxTitle': 'Excel 工作簿：问题清单、检查情况、每张表一页',
    'export.jsonTitle': '完整校验报告（JSON）',
    'welcome.title': '如何使用',
    'welcome.step1': '把预算公开文本粘贴到左侧文本框，或把一个或多个 PDF、.txt 文件拖到页面任意位置。',
    'welcome.step2': '逐项查看发现的问题：点击或按 Enter，右侧显示原文对应行和重建的表格，引用的数字已标出。',
    'welcome.step3': '导出问题清单（CSV、Excel）或打印审核意见。',
    'welcome.try': '第一次使用？',
    'welcome.drop': '把一个或多个 PDF、Word、Excel、.txt 或 .html 文件拖到页面任意位置，或点击这里选择文件',
    'welcome.privacy': '校验在本机完成：页面不向任何服务器发送文本。',
    'memo.title': '预算公开审核意见',
    'memo.document': '审核文档',
    'memo.date': '审核日期',
    'memo.summary': '审核结论',
    'memo.summaryText': '共发现错误 {0} 项、提醒 {1} 项、尾差 {2} 项；已检查 {3} 项规则，不适用 {4} 项，无法检查 {5} 项。',
    'memo.unrecognised': '未识别，未做任何检查：校验器没有认出这份文档，或读不出其中任何表格，以下不是审核结论。',
    'memo.unverified': '已识别，但未做任何检查：这种文本的读法尚未在此模板上验证，以下不是审核结论。',
    'memo.findings': '问题明细',
    'memo.none': '未发现问题。',
    'memo.place': '位置',
    'memo.reviewer': '审核人：',
    'memo.checker': '复核人：',
    'memo.signDate': '日期：',
    'memo.figures': '涉及数字',
    'memo.tool': '由预算公开校验器 {0} 生成',
    'input.tooLarge': '文件过大（{0} MB，上限 {1} MB），请确认是预算公开文本。',
    'input.empty': '文件是空的。',
    'input.together': '{0} 个文件合并',
    'input.binary': '这不是文本文件（含有二进制内容），请选择 .txt 文本、Word（.docx）或 Excel（.xlsx、.xls）文件。',
    'input.encoding': '无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 .txt 文件。',
    'input.kind.docx': 'Word',
    'input.kind.xlsx': 'Excel，仅表格',
    'input.kind.xls': 'Excel 97-2003（.xls），仅表格',
  },
};

export const LANGS = ['zh', 'en'];
// Dictionaries not loaded with this module (literal imports: the single file bundles them).
const LOAD = { en: () => import('./i18n-en.js') };
let lang = 'zh';
// The language last asked for: shown once its words are here, unless
// another was asked for meanwhile.
let wanted = lang;
const listeners = new Set();

/** The language chosen last time (setLang restores it at start), else Chinese. */
export function savedLang() {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch {
    // Storage may be disabled (file://, privacy settings): default language.
  }
  return 'zh';
}

export function getLang() {
  return lang;
}

/**
 * Switches the interface language (loading its words the first time),
 * remembers it, and tells the listeners.
 */
export async function setLang(next) {
  if (!LANGS.includes(next)) return;
  wanted = next;
  if (next === lang) return;
  if (!DICT[next]) DICT[next] = (await LOAD[next]()).default;
  if (wanted !== next || next === lang) return; // another call came meanwhile
  lang = next;
  try {
    localStorage.setItem(STORE_KEY, next);
  } catch {
    // Not remembered, still switched.
  }
  applyStatic(document);
  for (const fn of listeners) fn(lang);
}

/** Switches to the other language than the one last asked for. */
export function toggleLang() {
  return setLang(wanted === 'zh' ? 'en' : 'zh');
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** t('status.done', name, 1, 2, 3): the phrase with {0}… filled in. */
export function t(key, ...args) {
  const phrase = DICT[lang][key] ?? DICT.zh[key] ?? key;
  return args.length ? phrase.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? '')) : phrase;
}

/**
 * Static markup carries data-i18n (text), data-i18n-placeholder,
 * data-i18n-title and data-i18n-aria-label; this fills them in.
 */
export function applyStatic(root) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [attr, data] of [
    ['placeholder', 'i18nPlaceholder'],
    ['title', 'i18nTitle'],
    ['aria-label', 'i18nAriaLabel'],
  ]) {
    for (const node of root.querySelectorAll(`[data-${attr === 'aria-label' ? 'i18n-aria-label' : `i18n-${attr}`}]`)) {
      node.setAttribute(attr, t(node.dataset[data]));
    }
  }
}
