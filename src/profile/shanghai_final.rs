//! The Shanghai 部门决算 template (final accounts, e.g. 普陀区财政局 2024),
//! as DOMAIN-TEMPLATES.md §2 describes it: nine tables 一…九 in 万元, 科目编码
//! split into 类 | 款 | 项 cells, and the identities between them.
//!
//! 六 prints two blocks side by side (人员经费 301/303 | 公用经费 302/310),
//! each closed by its own total; 七 gives 预算数 and 决算数 for each “三公”
//! item on one label-less row. The template has no 项目支出 or 机关运行经费
//! tables, and its prose is its own, so the rules that need those do not
//! apply to it.

use super::build::*;
use super::types::*;
use crate::model::Side;

use RowSel::{Fixed, Total};

const T1_INCOME_ROWS: &[FixedRow] = &[
    row("general", "一般公共预算财政拨款收入"),
    row("fund", "政府性基金预算财政拨款收入"),
    row("capital", "国有资本经营预算财政拨款收入"),
    row("superior", "上级补助收入"),
    row("business", "事业收入"),
    row("business_operating", "经营收入"),
    row("affiliated", "附属单位上缴收入"),
    row("other", "其他收入"),
    row("income_total", "本年收入合计"),
    row("use_balance", "使用非财政拨款结余(含专用结余)"),
    row("carry_begin", "年初结转和结余"),
    row("income_grand", "总计"),
];

const T1_EXPENSE_ROWS: &[FixedRow] = classes_then!(
    row("expense_total", "本年支出合计"),
    row("distribution", "结余分配"),
    row("carry_end", "年末结转和结余"),
    row("expense_grand", "总计"),
);

const T4_INCOME_ROWS: &[FixedRow] = &[
    row("general", "一般公共预算财政拨款"),
    row("fund", "政府性基金预算财政拨款"),
    row("capital", "国有资本经营预算财政拨款"),
    row("income_total", "本年收入合计"),
    row("carry_begin", "年初财政拨款结转和结余"),
    row("carry_general", "一般公共预算财政拨款"),
    row("carry_fund", "政府性基金预算财政拨款"),
    row("carry_capital", "国有资本经营预算财政拨款"),
    row("income_grand", "总计"),
];

const T4_EXPENSE_ROWS: &[FixedRow] = classes_then!(
    row("expense_total", "本年支出合计"),
    row("carry_end", "年末财政拨款结转和结余"),
    row("expense_grand", "总计"),
);

const T1_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("amount", "决算数")],
        rows: RowScheme::Fixed(T1_INCOME_ROWS),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[col("total", "决算数")],
        rows: RowScheme::Fixed(T1_EXPENSE_ROWS),
    },
];

const T2_SIDES: [SideDef; 1] = single(
    4,
    &[
        col("total", "本年收入合计"),
        col("fiscal", "财政拨款收入"),
        col("superior", "上级补助收入"),
        col("business", "事业收入"),
        col("business_operating", "经营收入"),
        col("affiliated", "附属单位上缴收入"),
        col("other", "其他收入"),
    ],
    RowScheme::SplitCodes,
);

const T3_SIDES: [SideDef; 1] = single(
    4,
    &[
        col("total", "本年支出合计"),
        col("basic", "基本支出"),
        col("project", "项目支出"),
        col("remit", "上缴上级支出"),
        col("business_operating", "经营支出"),
        col("subsidy", "对附属单位补助支出"),
    ],
    RowScheme::SplitCodes,
);

const T4_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("amount", "决算数")],
        rows: RowScheme::Fixed(T4_INCOME_ROWS),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[
            col("subtotal", "合计"),
            col("general", "一般公共预算财政拨款"),
            col("fund", "政府性基金预算财政拨款"),
            col("capital", "国有资本经营预算财政拨款"),
        ],
        rows: RowScheme::Fixed(T4_EXPENSE_ROWS),
    },
];

const T5_SIDES: [SideDef; 1] = single(
    4,
    &[
        col("total", "合计"),
        col("basic", "基本支出"),
        col("project", "项目支出"),
    ],
    RowScheme::SplitCodes,
);

/// 人员经费 block | 公用经费 block, each 类 款 | 名称 | 决算数.
const T6_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Left,
        label_cells: 3,
        columns: &[col("personnel", "决算数")],
        rows: RowScheme::SplitCodes,
    },
    SideDef {
        side: Side::Right,
        label_cells: 3,
        columns: &[col("public", "决算数")],
        rows: RowScheme::SplitCodes,
    },
];

const T7_SIDES: [SideDef; 1] = single(
    0,
    &[
        col("total_budget", "合计 预算数"),
        col("total", "合计 决算数"),
        col("travel_budget", "因公出国(境)费 预算数"),
        col("travel", "因公出国(境)费 决算数"),
        col("vehicles_budget", "公务用车购置及运行费 预算数"),
        col("vehicles", "公务用车购置及运行费 决算数"),
        col("vehicle_purchase_budget", "公务用车购置费 预算数"),
        col("vehicle_purchase", "公务用车购置费 决算数"),
        col("vehicle_running_budget", "公务用车运行费 预算数"),
        col("vehicle_running", "公务用车运行费 决算数"),
        col("reception_budget", "公务接待费 预算数"),
        col("reception", "公务接待费 决算数"),
    ],
    RowScheme::Values,
);

const T8_SIDES: [SideDef; 1] = single(
    4,
    &[
        col("carry_begin", "年初结转和结余"),
        col("income", "本年收入"),
        col("subtotal", "本年支出 小计"),
        col("basic", "基本支出"),
        col("project", "项目支出"),
        col("carry_end", "年末结转和结余"),
    ],
    RowScheme::SplitCodes,
);

const fn table(
    id: &'static str,
    role: Role,
    title: &'static str,
    sides: &'static [SideDef],
    min_rows: usize,
) -> TableDef {
    TableDef {
        id,
        role,
        unit: "万元",
        title,
        optional_suffix: None,
        other_titles: &[],
        sides,
        min_rows,
    }
}

const TABLES: &[TableDef] = &[
    table("表一", Role::Summary, "收入支出决算总表", &T1_SIDES, 2),
    table("表二", Role::Income, "收入决算表", &T2_SIDES, 1),
    table("表三", Role::Expense, "支出决算表", &T3_SIDES, 1),
    table(
        "表四",
        Role::FiscalSummary,
        "财政拨款收入支出决算总表",
        &T4_SIDES,
        2,
    ),
    table(
        "表五",
        Role::GeneralExpense,
        "一般公共预算财政拨款支出决算表",
        &T5_SIDES,
        1,
    ),
    table(
        "表六",
        Role::BasicEconomic,
        "一般公共预算财政拨款基本支出决算表",
        &T6_SIDES,
        1,
    ),
    table(
        "表七",
        Role::ThreePublic,
        "财政拨款\"三公\"经费支出决算表",
        &T7_SIDES,
        1,
    ),
    table(
        "表八",
        Role::FundExpense,
        "政府性基金预算财政拨款收入支出决算表",
        &T8_SIDES,
        1,
    ),
    table(
        "表九",
        Role::CapitalBudget,
        "国有资本经营预算财政拨款收入支出决算表",
        &T8_SIDES,
        1,
    ),
];

const IDENTITIES: &[Identity] = &[
    // 一 收入支出决算总表
    fixed_sum(
        "表一",
        "income_total",
        &[
            "general",
            "fund",
            "capital",
            "superior",
            "business",
            "business_operating",
            "affiliated",
            "other",
        ],
        &["amount"],
    ),
    fixed_sum(
        "表一",
        "income_grand",
        &["income_total", "use_balance", "carry_begin"],
        &["amount"],
    ),
    Identity::FixedSum {
        table: "表一",
        total: "expense_total",
        parts: PartRows::Classes,
        columns: &["total"],
    },
    fixed_sum(
        "表一",
        "expense_grand",
        &["expense_total", "distribution", "carry_end"],
        &["total"],
    ),
    cross(
        at("表一", Fixed("income_grand"), "amount"),
        &[at("表一", Fixed("expense_grand"), "total")],
        "表一 收入总计 = 支出总计",
    ),
    // 二 收入决算表
    row_sum(
        "表二",
        "total",
        &[
            "fiscal",
            "superior",
            "business",
            "business_operating",
            "affiliated",
            "other",
        ],
    ),
    hierarchy(
        "表二",
        &[
            "total",
            "fiscal",
            "superior",
            "business",
            "business_operating",
            "affiliated",
            "other",
        ],
    ),
    cross(
        at("表二", Total, "total"),
        &[at("表一", Fixed("income_total"), "amount")],
        "表二 本年收入合计 = 表一 本年收入合计",
    ),
    cross(
        at("表二", Total, "fiscal"),
        &[
            at("表一", Fixed("general"), "amount"),
            at("表一", Fixed("fund"), "amount"),
            at("表一", Fixed("capital"), "amount"),
        ],
        "表二 财政拨款收入 = 表一 三项财政拨款收入之和",
    ),
    cross(
        at("表二", Total, "superior"),
        &[at("表一", Fixed("superior"), "amount")],
        "表二 上级补助收入 = 表一 上级补助收入",
    ),
    cross(
        at("表二", Total, "business"),
        &[at("表一", Fixed("business"), "amount")],
        "表二 事业收入 = 表一 事业收入",
    ),
    cross(
        at("表二", Total, "business_operating"),
        &[at("表一", Fixed("business_operating"), "amount")],
        "表二 经营收入 = 表一 经营收入",
    ),
    cross(
        at("表二", Total, "affiliated"),
        &[at("表一", Fixed("affiliated"), "amount")],
        "表二 附属单位上缴收入 = 表一 附属单位上缴收入",
    ),
    cross(
        at("表二", Total, "other"),
        &[at("表一", Fixed("other"), "amount")],
        "表二 其他收入 = 表一 其他收入",
    ),
    // 三 支出决算表
    row_sum(
        "表三",
        "total",
        &["basic", "project", "remit", "business_operating", "subsidy"],
    ),
    hierarchy(
        "表三",
        &[
            "total",
            "basic",
            "project",
            "remit",
            "business_operating",
            "subsidy",
        ],
    ),
    cross(
        at("表三", Total, "total"),
        &[at("表一", Fixed("expense_total"), "total")],
        "表三 本年支出合计 = 表一 本年支出合计",
    ),
    Identity::ClassMatch {
        left: ClassSource::CodeRows {
            table: "表三",
            columns: &["total"],
        },
        right_table: "表一",
        right_column: "total",
        relation: Relation::Equal,
        note: "表三 各类 本年支出合计 = 表一 该类支出",
    },
    // 四 财政拨款收入支出决算总表
    row_sum("表四", "subtotal", &["general", "fund", "capital"]),
    fixed_sum(
        "表四",
        "income_total",
        &["general", "fund", "capital"],
        &["amount"],
    ),
    fixed_sum(
        "表四",
        "carry_begin",
        &["carry_general", "carry_fund", "carry_capital"],
        &["amount"],
    ),
    fixed_sum(
        "表四",
        "income_grand",
        &["income_total", "carry_begin"],
        &["amount"],
    ),
    Identity::FixedSum {
        table: "表四",
        total: "expense_total",
        parts: PartRows::Classes,
        columns: &["subtotal", "general", "fund", "capital"],
    },
    fixed_sum(
        "表四",
        "expense_grand",
        &["expense_total", "carry_end"],
        &["subtotal", "general", "fund", "capital"],
    ),
    cross(
        at("表四", Fixed("income_grand"), "amount"),
        &[at("表四", Fixed("expense_grand"), "subtotal")],
        "表四 收入总计 = 支出总计",
    ),
    cross(
        at("表四", Fixed("income_total"), "amount"),
        &[
            at("表一", Fixed("general"), "amount"),
            at("表一", Fixed("fund"), "amount"),
            at("表一", Fixed("capital"), "amount"),
        ],
        "表四 本年收入合计 = 表一 三项财政拨款收入之和",
    ),
    at_most(
        at("表四", Fixed("carry_begin"), "amount"),
        at("表一", Fixed("carry_begin"), "amount"),
        "表四 年初财政拨款结转和结余 ≤ 表一 年初结转和结余",
    ),
    at_most(
        at("表四", Fixed("carry_end"), "subtotal"),
        at("表一", Fixed("carry_end"), "total"),
        "表四 年末财政拨款结转和结余 ≤ 表一 年末结转和结余",
    ),
    // 五 一般公共预算财政拨款支出决算表
    row_sum("表五", "total", &["basic", "project"]),
    hierarchy("表五", &["total", "basic", "project"]),
    cross(
        at("表五", Total, "total"),
        &[at("表四", Fixed("expense_total"), "general")],
        "表五 合计 = 表四 本年支出合计 一般公共预算财政拨款",
    ),
    Identity::ClassMatch {
        left: ClassSource::CodeRows {
            table: "表五",
            columns: &["total"],
        },
        right_table: "表四",
        right_column: "general",
        relation: Relation::Equal,
        note: "表五 各类 合计 = 表四 该类 一般公共预算财政拨款",
    },
    cross(
        at("表五", Total, "basic"),
        &[at("表六", Total, "personnel"), at("表六", Total, "public")],
        "表五 基本支出 = 表六 人员经费合计 + 公用经费合计",
    ),
    // 一般公共预算财政拨款 is a part of all spending, column by column.
    code_at_most(
        ("表五", "total"),
        &[("表三", "total")],
        "表五 各科目 合计 ≤ 表三 该科目本年支出合计",
    ),
    code_at_most(
        ("表五", "basic"),
        &[("表三", "basic")],
        "表五 各科目 基本支出 ≤ 表三 该科目基本支出",
    ),
    code_at_most(
        ("表五", "project"),
        &[("表三", "project")],
        "表五 各科目 项目支出 ≤ 表三 该科目项目支出",
    ),
    // 六 基本支出决算表
    hierarchy("表六", &["personnel", "public"]),
    // 七 “三公”经费
    row_sum(
        "表七",
        "total_budget",
        &["travel_budget", "vehicles_budget", "reception_budget"],
    ),
    row_sum("表七", "total", &["travel", "vehicles", "reception"]),
    row_sum(
        "表七",
        "vehicles_budget",
        &["vehicle_purchase_budget", "vehicle_running_budget"],
    ),
    row_sum("表七", "vehicles", &["vehicle_purchase", "vehicle_running"]),
    // 八/九 政府性基金、国有资本经营预算
    row_sum("表八", "subtotal", &["basic", "project"]),
    hierarchy("表八", &["carry_begin", "income", "subtotal", "carry_end"]),
    Identity::EmptyAgrees {
        table: "表八",
        zero: &[
            at("表一", Fixed("fund"), "amount"),
            at("表四", Fixed("fund"), "amount"),
        ],
        note: "表八 = 表一、表四 政府性基金预算财政拨款",
    },
    row_sum("表九", "subtotal", &["basic", "project"]),
    hierarchy("表九", &["carry_begin", "income", "subtotal", "carry_end"]),
    Identity::EmptyAgrees {
        table: "表九",
        zero: &[
            at("表一", Fixed("capital"), "amount"),
            at("表四", Fixed("capital"), "amount"),
        ],
        note: "表九 = 表一、表四 国有资本经营预算财政拨款",
    },
];

/// 情况说明 一…十一 (DOMAIN-TEMPLATES §2 "Prose"), found by title; the
/// longer titles first ("财政拨款收入支出决算总体" holds "收入支出决算总体").
const NARRATIVE: NarrativeStyle = NarrativeStyle {
    last_section: 11,
    sections: &[
        (&["三公"], Role::ThreePublic),
        (&["政府性基金"], Role::FundExpense),
        (&["国有资本经营"], Role::CapitalBudget),
        (&["财政拨款基本支出"], Role::BasicEconomic),
        (&["一般公共预算财政拨款支出"], Role::GeneralExpense),
        (&["财政拨款收入支出"], Role::FiscalSummary),
        (&["收入支出决算总体"], Role::Summary),
        (&["收入决算"], Role::Income),
        (&["支出决算"], Role::Expense),
    ],
    percent_habits: true,
    items_are_prose: true,
    change_after_part_is_the_parts: false,
    figures: RESTATED_FIGURES,
};

/// The totals the sections restate: 一–三 of all money (表一, 表三), 四 and
/// 五 of 财政拨款 (表四, 表五), 六 人员/公用经费 (表六). "年初预算为…" is the
/// budget a 决算 is compared with, not the table's figure.
const RESTATED_FIGURES: &[RestatedFigure] = &[
    said(
        Role::Summary,
        &["收入支出总计"],
        Role::Summary,
        Fixed("income_grand"),
        "amount",
    ),
    said(
        Role::Income,
        &["本年收入合计"],
        Role::Summary,
        Fixed("income_total"),
        "amount",
    ),
    said(
        Role::Income,
        &["财政拨款收入"],
        Role::FiscalSummary,
        Fixed("income_total"),
        "amount",
    ),
    said(
        Role::Income,
        &["其他收入"],
        Role::Summary,
        Fixed("other"),
        "amount",
    ),
    said(
        Role::Expense,
        &["本年支出合计"],
        Role::Summary,
        Fixed("expense_total"),
        "total",
    ),
    said(Role::Expense, &["基本支出"], Role::Expense, Total, "basic"),
    said(
        Role::Expense,
        &["项目支出"],
        Role::Expense,
        Total,
        "project",
    ),
    said(
        Role::FiscalSummary,
        &["财政拨款收入支出总计"],
        Role::FiscalSummary,
        Fixed("income_grand"),
        "amount",
    ),
    RestatedFigure {
        not: &["原因", "是", "含", "上年", "比", "年初", "预算为"],
        ..said(
            Role::GeneralExpense,
            &["一般公共预算财政拨款支出"],
            Role::GeneralExpense,
            Total,
            "total",
        )
    },
    said(
        Role::BasicEconomic,
        &["人员经费"],
        Role::BasicEconomic,
        Total,
        "personnel",
    ),
    said(
        Role::BasicEconomic,
        &["公用经费"],
        Role::BasicEconomic,
        Total,
        "public",
    ),
];

/// 部门决算: "收入支出决算总表" …, 万元.
pub static SHANGHAI_FINAL: Profile = Profile {
    name: "shanghai-final",
    description: "上海 部门决算公开 9张表模板（如普陀区财政局）",
    title_prefixes: &[""],
    tables: TABLES,
    parts: &[Role::Prose],
    identities: IDENTITIES,
    economic_groups: &[],
    last_label_cells: &[],
    unit_suffixes: &[],
    final_accounts: true,
    cells: CellPlacement::Position,
    narrative: NARRATIVE,
    prose: None,
    // The published PDFs (tests/fixtures/real) read to the tables of their
    // `.tsv.txt` extraction (tests/pdf.rs), and `pdftotext -layout` text to
    // the PDF's (tests/real_shapes.rs; 六's staggered cells by
    // `rebuild::layout::staggered`), as does pdfplumber's single-spaced
    // text (208 of 209 rows, 七's one left unplaced; 六 by
    // `rebuild::spaced_staggered`, the prose's figures set apart put back
    // by `lines::figures_apart`). One cell a line is not verified: its
    // split code cells come apart from their names, as in the 9-table
    // budget (the `shanghai9` module's doc), and it prints 表二's and
    // 表三's figures column by column ("2,946.25", "2,940.05", "6.20",
    // "2,112.86", "2,112.86", …), a blank cell leaving no trace of which
    // row a figure is in.
    verified_readings: &[Reading::Pdf, Reading::Layout, Reading::Spaced],
};
