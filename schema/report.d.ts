/* Generated from schema/report.schema.json by scripts/typegen/gen.mjs. Do not edit. */

export type CheckStatus = 'ran' | 'not_applicable' | 'could_not_run';
/**
 * One cell of a rebuilt table. A blank is not zero: it is kept apart so
 * that a reviewer sees what was printed, though identities read it as an
 * exact 0 (no rounding band).
 */
export type Cell =
  | {
      kind: 'value';
      scale: number;
      text: string;
      value: string;
    }
  | {
      kind: 'blank';
    }
  | {
      kind: 'unreadable';
      text: string;
    };
/**
 * 一级指标 as the framework names them.
 */
export type IndicatorLevel = 'output' | 'benefit' | 'satisfaction';
export type DocKind = 'department_budget' | 'unit_budget' | 'special_funds' | 'final_accounts' | 'unknown';
export type Severity = 'error' | 'warning' | 'info';
export type Fact = Statement | Count | NameList;
/**
 * Which side of a two-sided table (表一, 表四) a row or column is on.
 */
export type Side = ('single' | 'income' | 'expense') | 'left' | 'right';
/**
 * What a row is, found from its code, its label or its place.
 */
export type Row = {
  /**
   * One cell per column of the row's side, in the table's column order
   * restricted to that side.
   */
  cells: Cell[];
  code?: string | null;
  /**
   * 1-based position among the table's data rows ("第5行").
   */
  index: number;
  /**
   * 1-based line number in the original text.
   */
  line: number;
  name: string;
  /**
   * The code cells as printed, when the code was completed from the
   * enclosing rows (FL24 prints 类 "7" for 210: "7 11 02").
   */
  printed_code?: string | null;
  /**
   * A second label column where the table has one (表六 政府预算支出经济科目名称).
   */
  secondary?: string | null;
  side: Side;
} & Row1;
export type Row1 =
  | {
      kind: 'total';
    }
  | {
      kind: 'class';
    }
  | {
      kind: 'subclass';
    }
  | {
      kind: 'item';
    }
  | {
      key: string;
      kind: 'fixed';
    }
  | {
      kind: 'group';
    }
  | {
      kind: 'economic_item';
    }
  | {
      kind: 'unit';
    }
  | {
      kind: 'tree_department';
    }
  | {
      kind: 'tree_unit';
    }
  | {
      kind: 'tree_project';
    }
  | {
      kind: 'other';
    };

export interface Report {
  checks: Check[];
  document: DocumentSection;
  findings: Finding[];
  narrative: Narrative;
  summary: Summary;
  tables: Table[];
  tool: string;
  version: string;
}
/**
 * What one rule did on this document.
 */
export interface Check {
  /**
   * Comparisons made (identities evaluated, sentences checked…).
   */
  comparisons: number;
  name: string;
  /**
   * Why parts of it did not apply or could not run.
   */
  reasons: string[];
  rule: string;
  status: CheckStatus;
  title: string;
}
export interface DocumentSection {
  department?: string | null;
  forms: Forms;
  kind: DocKind;
  kind_label: string;
  /**
   * Lines of the input, and how many the noise filter set aside.
   */
  line_count: number;
  noise_lines: number;
  /**
   * Template profile that recognised the tables.
   */
  profile: string;
  /**
   * What that template is, in words ("上海 部门预算公开 9张表模板…").
   */
  profile_label: string;
  /**
   * The document was recognised, but read in a way not verified for its
   * template (`Profile::verified_readings`): why nothing was checked.
   */
  reading_unverified?: string | null;
  special: SpecialFunds;
  tables_expected: number;
  /**
   * How many of the profile's tables were found, of how many.
   */
  tables_found: number;
  /**
   * Only the tables were given (an Excel workbook): the prose and the
   * 绩效 forms were not, so their checks did not apply.
   */
  tables_only?: boolean;
  /**
   * Money unit of the tables ("万元").
   */
  unit?: string | null;
  year?: number | null;
}
/**
 * The 绩效目标表 found (project name, amount, line).
 */
export interface Forms {
  /**
   * 整体支出绩效目标申报表, when the document has one.
   */
  overall?: OverallForm | null;
  /**
   * Every 项目支出绩效目标表, in document order.
   */
  projects: ProjectForm[];
}
/**
 * 整体支出绩效目标申报表.
 */
export interface OverallForm {
  /**
   * 部门基本信息 counts: 内设职能部门数, 所属预算单位数, 核定的人员编制数,
   * 实际在职人员总数, 其中在编人员数 (printed "9个", "30人").
   */
  counts: FormValue[];
  end_line: number;
  indicators: Indicator[];
  /**
   * 部门名称.
   */
  name?: FormText | null;
  /**
   * Only a part was read — 年度预算情况, the head counts of 部门基本信息,
   * or both (`Lines::part_read` says which): the text lays the form out
   * so that the rest of its cells cannot be told (F111 names it), and
   * the checks of the rest do not run.
   */
  partial?: boolean;
  /**
   * 年度预算情况 按资金来源 (万元): total, general, fund, capital,
   * social, special, own.
   */
  sources: FormValue[];
  title: string;
  title_line: number;
  /**
   * 按资金方向/用途 (万元): total, basic, project.
   */
  uses: FormValue[];
}
/**
 * One labelled value of a form: the label as printed, the value, its line.
 */
export interface FormValue {
  /**
   * Stable key ("total", "general", "city", "basic" …).
   */
  key: string;
  /**
   * The label as printed ("其中：一般公共预算资金", "市县（区）财政资").
   */
  label: string;
  line: number;
  value: Cell;
}
/**
 * One row of the indicator grid: 三级指标 and its 指标值, under the
 * 一级/二级 indicators in force on that row (carried down from above when
 * the cells are merged).
 */
export interface Indicator {
  level1?: IndicatorLevel | null;
  level2: string;
  line: number;
  name: string;
  value: string;
}
/**
 * A text value (项目名称, 实施单位 …) and the line it was printed on.
 */
export interface FormText {
  line: number;
  text: string;
}
/**
 * 项目支出绩效目标表 (or the 申报表 of a 专项资金 document).
 */
export interface ProjectForm {
  annual: FundBlock;
  attribute?: FormText | null;
  /**
   * 主管部门及代码 ("038-阳泉市商务局").
   */
  department?: FormText | null;
  end_line: number;
  /**
   * 总体目标 texts: "实施期目标" and "年度目标" (or "总体目标" when the
   * form does not say which).
   */
  goals: Goal[];
  implementation: FundBlock1;
  indicators: Indicator[];
  name?: FormText | null;
  /**
   * Read in part: its name, and a Shanghai form's 项目资金 when they
   * could be told (`Lines::part_read` says which); the text lays the
   * form out so that the rest of its cells cannot be told (F111 names
   * it), and the checks of its goals and indicators do not run.
   */
  partial?: boolean;
  /**
   * 项目期 ("99年").
   */
  period?: FormText | null;
  title: string;
  title_line: number;
  /**
   * 实施单位 (joined when the PDF wrapped it onto the next line).
   */
  unit?: FormText | null;
}
/**
 * 年度资金 (元).
 */
export interface FundBlock {
  /**
   * central, province, city, own, other — as printed, blanks kept.
   */
  parts: FormValue[];
  /**
   * 实施期资金总额 / 年度资金总额.
   */
  total?: FormValue | null;
}
export interface Goal {
  line: number;
  /**
   * "实施期目标", "年度目标" or "总体目标".
   */
  period: string;
  text: string;
}
/**
 * 实施期资金 (元); empty on forms that only show the year.
 */
export interface FundBlock1 {
  /**
   * central, province, city, own, other — as printed, blanks kept.
   */
  parts: FormValue[];
  /**
   * 实施期资金总额 / 年度资金总额.
   */
  total?: FormValue | null;
}
/**
 * 专项资金信息公开: its projects.
 */
export interface SpecialFunds {
  classes: SpecialClass[];
  opening?: Opening | null;
}
/**
 * "1、特定目标类专项资金" and the projects listed under it.
 */
export interface SpecialClass {
  heading: string;
  line: number;
  /**
   * "特定目标类".
   */
  name: string;
  projects: SpecialProject[];
}
export interface SpecialProject {
  /**
   * 批复该项目预算 N 万元.
   */
  approved?: ProseAmount | null;
  /**
   * The project's 绩效目标申报表.
   */
  form?: ProjectForm | null;
  line: number;
  /**
   * The name in the heading "（1）项目名称：…".
   */
  name: string;
  /**
   * "（1）" → 1.
   */
  number: number;
  /**
   * What follows "全部为" ("政府性基金预算", "一般公共预算财政拨款").
   */
  source?: string | null;
  source_line?: number | null;
}
/**
 * An amount printed in prose ("631.81万元") and where.
 */
export interface ProseAmount {
  amount: Amount;
  line: number;
  /**
   * As printed, without the unit ("631.81").
   */
  text: string;
}
/**
 * A figure as printed in the document: its exact value and how many
 * decimals were shown ("75.8" has scale 1, "1,816,000" scale 0).
 */
export interface Amount {
  scale: number;
  value: string;
}
/**
 * The opening sentence.
 */
export interface Opening {
  /**
   * "特定目标类项目6个计622.31万元", one per class named.
   */
  classes: OpeningClass[];
  line: number;
  text: string;
  /**
   * 项目支出预算共计 X 万元.
   */
  total?: ProseAmount | null;
}
export interface OpeningClass {
  amount?: ProseAmount | null;
  count?: number | null;
  /**
   * "特定目标类".
   */
  name: string;
}
export interface Finding {
  actual?: string | null;
  difference?: string | null;
  evidence: Evidence[];
  expected?: string | null;
  /**
   * The line a reader is taken to first.
   */
  line: number;
  /**
   * Where the finding belongs: "表三", "第三部分 八", "绩效目标表"…
   */
  location: string;
  /**
   * In Chinese, naming table, row and column as a reviewer would.
   */
  message: string;
  /**
   * The PDF page `line` is on, when the file was a PDF ([`Report::locate`]).
   */
  page?: number | null;
  /**
   * Stable rule id ("T101").
   */
  rule: string;
  rule_name: string;
  severity: Severity;
  /**
   * The worksheet row `line` came from, when the file was a workbook.
   */
  sheet?: SheetRow | null;
  tolerance?: string | null;
}
/**
 * One figure (or one quoted phrase) a finding rests on, at its place.
 */
export interface Evidence {
  column?: string | null;
  /**
   * 1-based line in the input.
   */
  line: number;
  /**
   * The PDF page `line` is on, when the file was a PDF ([`Report::locate`]).
   */
  page?: number | null;
  /**
   * What this figure is in the comparison: "合计", "分项", "表内", "说明"…
   */
  role: string;
  row?: string | null;
  /**
   * The worksheet row `line` came from, when the file was a workbook.
   */
  sheet?: SheetRow | null;
  /**
   * "表三", "第三部分 八", "绩效目标表「物业费」"…
   */
  table?: string | null;
  /**
   * The printed text to highlight in the source line, when it is not
   * `value` (a label, a phrase of the narrative).
   */
  text?: string | null;
  /**
   * The figure as printed ("75.80", "空").
   */
  value?: string | null;
}
/**
 * A worksheet and its 1-based row, as Excel shows them.
 */
export interface SheetRow {
  name: string;
  row: number;
}
export interface Narrative {
  /**
   * Last line read as narrative.
   */
  end_line?: number | null;
  /**
   * Line of the "第三部分 … 情况说明" heading; None when there is none.
   */
  line?: number | null;
  sections: Section[];
}
/**
 * One numbered section ("八、机关运行经费增减变动原因说明"), or a part
 * of prose a profile describes ([`crate::profile::ProseDef`]): a whole
 * unnumbered part ("2025年部门预算编制说明", number 0) or one numbered
 * section of it ("其他相关情况说明" 一).
 */
export interface Section {
  /**
   * The part's heading as printed ("2025年部门预算编制说明").
   */
  heading?: string;
  line: number;
  /**
   * 1 for 一 … 12 for 十二; 0 for an unnumbered part.
   */
  number: number;
  /**
   * The profile's key of the part of prose it belongs to; empty in the
   * 13-table 第三部分.
   */
  part?: string;
  sentences: Sentence[];
  title: string;
}
/**
 * A sentence (up to "。"), joined across the lines it was broken over.
 */
export interface Sentence {
  facts: Fact[];
  /**
   * First line of the sentence.
   */
  line: number;
  /**
   * The sub-part it stands under: 2 for "（二）…" or "2、…".
   */
  part?: number | null;
  text: string;
}
/**
 * "一般公共服务支出271.66万元，占79.79%": a labelled amount with what the
 * sentence says about it.
 */
export interface Statement {
  kind: 'amount';
}
/**
 * "二级项目3个", "实有2辆", "通用设备4台（套）".
 */
export interface Count {
  kind: 'count';
}
/**
 * "主要包括：基本工资、津贴补贴…等".
 */
export interface NameList {
  kind: 'list';
}
export interface Summary {
  checks_could_not_run: number;
  checks_not_applicable: number;
  checks_ran: number;
  errors: number;
  infos: number;
  /**
   * false: the document was not recognised, or nothing in it could be
   * read (finding S107), and no check ran. Then the counts below do not
   * mean "checked, no error".
   */
  recognised: boolean;
  warnings: number;
}
export interface Table {
  columns: Column[];
  /**
   * "注：本表无数据" was printed.
   */
  declared_empty: boolean;
  /**
   * Last line of the table's region.
   */
  end_line: number;
  id: string;
  /**
   * Line of the title.
   */
  line: number;
  rows: Row[];
  /**
   * The title as printed (year included).
   */
  title: string;
  /**
   * Money unit printed above the table ("万元").
   */
  unit?: string | null;
}
export interface Column {
  /**
   * Stable key from the profile ("total", "basic", "project", …).
   */
  key: string;
  /**
   * The header as printed in this template ("合计", "基本支出").
   */
  name: string;
  side: Side;
}
