/* Generated from schema/report.schema.json by scripts/typegen/gen.mjs. Do not edit. */

export type CheckStatus = 'ran' | 'not_applicable' | 'could_not_run';
export type DocKind = 'department_budget' | 'unit_budget' | 'special_funds' | 'unknown';
export type Severity = 'error' | 'warning' | 'info';
/**
 * Which side of a two-sided table (表一, 表四) a row or column is on.
 */
export type Side = 'single' | 'income' | 'expense';
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
   * A second label column where the table has one (表六 政府预算支出经济科目名称).
   */
  secondary?: string | null;
  side: Side;
} & Row1;
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
  special: SpecialFunds;
  /**
   * Money unit of the tables ("万元").
   */
  unit?: string | null;
  year?: number | null;
}
/**
 * The 绩效目标表 found (project name, amount, line).
 */
export interface Forms {}
/**
 * 专项资金信息公开: its projects.
 */
export interface SpecialFunds {}
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
   * Stable rule id ("T101").
   */
  rule: string;
  rule_name: string;
  severity: Severity;
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
   * What this figure is in the comparison: "合计", "分项", "表内", "说明"…
   */
  role: string;
  row?: string | null;
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
 * Placeholder until the narrative parser lands; kept as its own type so
 * that the document model does not change shape when it does.
 */
export interface Narrative {}
export interface Summary {
  checks_could_not_run: number;
  checks_not_applicable: number;
  checks_ran: number;
  errors: number;
  infos: number;
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
