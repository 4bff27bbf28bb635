//! The Shanghai 9-table template (上海 部门预算 / 单位预算, e.g. 普陀区), as
//! DOMAIN-TEMPLATES.md §1 describes it, and the identities that hold
//! between its tables.
//!
//! Two profiles, because the 部门 and 单位 versions differ in more than
//! their titles ("2025年部门…" with 编制部门, "2025年预算单位…" with 编制单位):
//! the 单位 version's 财务收支预算总表 splits each class into 人员经费,
//! 公用经费 and 项目支出, which the 部门 version does not print.
//!
//! Tables 1–8 are in 元, table 9 (“三公”经费和机关运行经费) in 万元.
//! 科目编码 come as 类 | 款 | 项 cells ([`RowScheme::SplitCodes`]).
//! The template has no 项目支出 tables, no 机关运行经费 table of its own
//! (its figure is 9's last cell) and prose of its own wording, so the rules
//! that need those are not applicable to it.

use super::build::*;
use super::types::*;
use crate::model::Side;

use RowSel::{Fixed, Total};

/// 1/4 expenditure side: the classes the template prints (numbered 一、…
/// in the document, in the order it uses), then 支出总计.
const EXPENSE_ROWS: &[FixedRow] = classes_then!(row("expense_grand", "支出总计"));

const T1_INCOME_ROWS: &[FixedRow] = &[
    row("fiscal", "财政拨款收入"),
    row("general", "一般公共预算资金"),
    // W23 prints "1. 一般公共预算".
    optional(row("general", "一般公共预算")),
    row("fund", "政府性基金"),
    row("capital", "国有资本经营预算"),
    row("business", "事业收入"),
    row("business_operating", "事业单位经营收入"),
    row("other", "其他收入"),
    row("income_grand", "收入总计"),
];

const T4_INCOME_ROWS: &[FixedRow] = &[
    row("general", "一般公共预算资金"),
    optional(row("general", "一般公共预算")),
    row("fund", "政府性基金"),
    row("capital", "国有资本经营预算"),
    row("income_grand", "收入总计"),
];

const T1_INCOME: SideDef = SideDef {
    side: Side::Income,
    label_cells: 1,
    columns: &[col("income", "预算数")],
    rows: RowScheme::Fixed(T1_INCOME_ROWS),
};

/// 部门: one figure per class.
const T1_SIDES_DEPARTMENT: [SideDef; 2] = [
    T1_INCOME,
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[col("total", "预算数")],
        rows: RowScheme::Fixed(EXPENSE_ROWS),
    },
];

/// 单位: 合计, 基本支出 (人员经费, 公用经费), 项目支出 per class.
const T1_SIDES_UNIT: [SideDef; 2] = [
    T1_INCOME,
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[
            col("total", "合计"),
            col("personnel", "人员经费"),
            col("public", "公用经费"),
            col("project", "项目支出"),
        ],
        rows: RowScheme::Fixed(EXPENSE_ROWS),
    },
];

const T2_SIDES: [SideDef; 1] = single(
    4,
    &[
        col("total", "合计"),
        col("fiscal", "财政拨款收入"),
        col("business", "事业收入"),
        col("business_operating", "事业单位经营收入"),
        col("other", "其他收入"),
    ],
    RowScheme::SplitCodes,
);

const BASIC_PROJECT: [SideDef; 1] = single(
    4,
    &[
        col("total", "合计"),
        col("basic", "基本支出"),
        col("project", "项目支出"),
    ],
    RowScheme::SplitCodes,
);

const T4_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("amount", "预算数")],
        rows: RowScheme::Fixed(T4_INCOME_ROWS),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[
            col("subtotal", "合计"),
            col("general", "一般公共预算"),
            col("fund", "政府性基金预算"),
            col("capital", "国有资本经营预算"),
        ],
        rows: RowScheme::Fixed(EXPENSE_ROWS),
    },
];

const T8_SIDES: [SideDef; 1] = single(
    3,
    &[
        col("total", "合计"),
        col("personnel", "人员经费"),
        col("public", "公用经费"),
    ],
    RowScheme::SplitCodes,
);

const T9_SIDES: [SideDef; 1] = single(
    0,
    &[
        col("total", "“三公”经费合计"),
        col("travel", "因公出国(境)费"),
        col("reception", "公务接待费"),
        col("vehicles", "公务用车购置及运行费"),
        col("vehicle_purchase", "购置费"),
        col("vehicle_running", "运行费"),
        col("operating", "机关运行经费预算数"),
    ],
    RowScheme::Values,
);

const fn table(
    id: &'static str,
    role: Role,
    unit: &'static str,
    title: &'static str,
    sides: &'static [SideDef],
    min_rows: usize,
) -> TableDef {
    TableDef {
        id,
        role,
        unit,
        title,
        optional_suffix: None,
        other_titles: &[],
        sides,
        min_rows,
    }
}

/// Table 1 of the version, then tables 2–9, the same in both.
macro_rules! tables {
    ($t1_sides:expr) => {
        &[
            table("表1", Role::Summary, "元", "财务收支预算总表", $t1_sides, 2),
            table("表2", Role::Income, "元", "收入预算总表", &T2_SIDES, 1),
            table(
                "表3",
                Role::Expense,
                "元",
                "支出预算总表",
                &BASIC_PROJECT,
                1,
            ),
            table(
                "表4",
                Role::FiscalSummary,
                "元",
                "财政拨款收支预算总表",
                &T4_SIDES,
                2,
            ),
            table(
                "表5",
                Role::GeneralExpense,
                "元",
                "一般公共预算支出功能分类预算表",
                &BASIC_PROJECT,
                1,
            ),
            table(
                "表6",
                Role::FundExpense,
                "元",
                "政府性基金预算支出功能分类预算表",
                &BASIC_PROJECT,
                1,
            ),
            table(
                "表7",
                Role::CapitalBudget,
                "元",
                "国有资本经营预算支出功能分类预算表",
                &BASIC_PROJECT,
                1,
            ),
            table(
                "表8",
                Role::BasicEconomic,
                "元",
                "一般公共预算基本支出部门预算经济分类预算表",
                &T8_SIDES,
                1,
            ),
            table(
                "表9",
                Role::ThreePublic,
                "万元",
                "\"三公\"经费和机关运行经费预算表",
                &T9_SIDES,
                1,
            ),
        ]
    };
}

const TABLES_DEPARTMENT: &[TableDef] = tables!(&T1_SIDES_DEPARTMENT);
const TABLES_UNIT: &[TableDef] = tables!(&T1_SIDES_UNIT);

const EXPENSE_COLUMNS_UNIT: &[&str] = &["total", "personnel", "public", "project"];

/// The identities of both versions, then the version's own.
macro_rules! identities {
    ($t1_expense_columns:expr; $($own:expr),* $(,)?) => {
        &[
            // 1 财务收支预算总表
            fixed_sum(
                "表1",
                "fiscal",
                &["general", "fund", "capital"],
                &["income"],
            ),
            fixed_sum(
                "表1",
                "income_grand",
                &["fiscal", "business", "business_operating", "other"],
                &["income"],
            ),
            Identity::FixedSum {
                table: "表1",
                total: "expense_grand",
                parts: PartRows::Classes,
                columns: $t1_expense_columns,
            },
            cross(
                at("表1", Fixed("income_grand"), "income"),
                &[at("表1", Fixed("expense_grand"), "total")],
                "表1 收入总计 = 支出总计",
            ),
            // 2 收入预算总表
            row_sum(
                "表2",
                "total",
                &["fiscal", "business", "business_operating", "other"],
            ),
            hierarchy(
                "表2",
                &["total", "fiscal", "business", "business_operating", "other"],
            ),
            cross(
                at("表2", Total, "total"),
                &[at("表1", Fixed("income_grand"), "income")],
                "表2 合计 = 表1 收入总计",
            ),
            cross(
                at("表2", Total, "fiscal"),
                &[at("表1", Fixed("fiscal"), "income")],
                "表2 财政拨款收入 = 表1 财政拨款收入",
            ),
            cross(
                at("表2", Total, "business"),
                &[at("表1", Fixed("business"), "income")],
                "表2 事业收入 = 表1 事业收入",
            ),
            cross(
                at("表2", Total, "business_operating"),
                &[at("表1", Fixed("business_operating"), "income")],
                "表2 事业单位经营收入 = 表1 事业单位经营收入",
            ),
            cross(
                at("表2", Total, "other"),
                &[at("表1", Fixed("other"), "income")],
                "表2 其他收入 = 表1 其他收入",
            ),
            Identity::ClassMatch {
                left: ClassSource::CodeRows {
                    table: "表2",
                    columns: &["total"],
                },
                right_table: "表1",
                right_column: "total",
                relation: Relation::Equal,
                note: "表2 各类 合计 = 表1 该类支出",
            },
            // 3 支出预算总表
            row_sum("表3", "total", &["basic", "project"]),
            hierarchy("表3", &["total", "basic", "project"]),
            cross(
                at("表3", Total, "total"),
                &[at("表1", Fixed("expense_grand"), "total")],
                "表3 合计 = 表1 支出总计",
            ),
            Identity::CodeMatch {
                left: ("表3", "total"),
                right: &[("表2", "total")],
                note: "表3 各科目 合计 = 表2 合计（无上年结转）",
            },
            // 4 财政拨款收支预算总表
            row_sum("表4", "subtotal", &["general", "fund", "capital"]),
            fixed_sum(
                "表4",
                "income_grand",
                &["general", "fund", "capital"],
                &["amount"],
            ),
            Identity::FixedSum {
                table: "表4",
                total: "expense_grand",
                parts: PartRows::Classes,
                columns: &["subtotal", "general", "fund", "capital"],
            },
            cross(
                at("表4", Fixed("income_grand"), "amount"),
                &[at("表4", Fixed("expense_grand"), "subtotal")],
                "表4 收入总计 = 支出总计",
            ),
            cross(
                at("表4", Fixed("income_grand"), "amount"),
                &[at("表1", Fixed("fiscal"), "income")],
                "表4 收入总计 = 表1 财政拨款收入",
            ),
            cross(
                at("表4", Fixed("general"), "amount"),
                &[at("表1", Fixed("general"), "income")],
                "表4 一般公共预算资金 = 表1 一般公共预算资金",
            ),
            cross(
                at("表4", Fixed("fund"), "amount"),
                &[at("表1", Fixed("fund"), "income")],
                "表4 政府性基金 = 表1 政府性基金",
            ),
            cross(
                at("表4", Fixed("capital"), "amount"),
                &[at("表1", Fixed("capital"), "income")],
                "表4 国有资本经营预算 = 表1 国有资本经营预算",
            ),
            Identity::ClassMatch {
                left: ClassSource::CodeRows {
                    table: "表2",
                    columns: &["fiscal"],
                },
                right_table: "表4",
                right_column: "subtotal",
                relation: Relation::Equal,
                note: "表2 各类 财政拨款收入 = 表4 该类支出",
            },
            // 5 一般公共预算支出功能分类预算表
            row_sum("表5", "total", &["basic", "project"]),
            hierarchy("表5", &["total", "basic", "project"]),
            cross(
                at("表5", Total, "total"),
                &[at("表4", Fixed("expense_grand"), "general")],
                "表5 合计 = 表4 一般公共预算支出总计",
            ),
            Identity::ClassMatch {
                left: ClassSource::CodeRows {
                    table: "表5",
                    columns: &["total"],
                },
                right_table: "表4",
                right_column: "general",
                relation: Relation::Equal,
                note: "表5 各类 合计 = 表4 该类 一般公共预算",
            },
            cross(
                at("表5", Total, "basic"),
                &[at("表8", Total, "total")],
                "表5 基本支出 = 表8 合计",
            ),
            // 6/7 政府性基金、国有资本经营预算
            row_sum("表6", "total", &["basic", "project"]),
            hierarchy("表6", &["total", "basic", "project"]),
            Identity::EmptyAgrees {
                table: "表6",
                zero: &[
                    at("表1", Fixed("fund"), "income"),
                    at("表4", Fixed("fund"), "amount"),
                ],
                note: "表6 合计 = 表1、表4 政府性基金",
            },
            row_sum("表7", "total", &["basic", "project"]),
            hierarchy("表7", &["total", "basic", "project"]),
            Identity::EmptyAgrees {
                table: "表7",
                zero: &[
                    at("表1", Fixed("capital"), "income"),
                    at("表4", Fixed("capital"), "amount"),
                ],
                note: "表7 合计 = 表1、表4 国有资本经营预算",
            },
            // 8 基本支出经济分类
            row_sum("表8", "total", &["personnel", "public"]),
            hierarchy("表8", &["total", "personnel", "public"]),
            // 9 “三公”经费和机关运行经费
            row_sum("表9", "total", &["travel", "reception", "vehicles"]),
            row_sum("表9", "vehicles", &["vehicle_purchase", "vehicle_running"]),
            Identity::AtMost {
                left: at("表9", Total, "operating"),
                right: at("表8", Total, "public"),
                note: "表9 机关运行经费 ≤ 表8 公用经费",
                when_below: "如部门含非参公事业单位属正常",
            },
            // 三公 counts project money too: at least the basic budget's lines.
            Identity::AtMost {
                left: at("表8", RowSel::Code("30217"), "total"),
                right: at("表9", Total, "reception"),
                note: "表8 30217 公务接待费 ≤ 表9 公务接待费",
                when_below: "",
            },
            Identity::AtMost {
                left: at("表8", RowSel::Code("30231"), "total"),
                right: at("表9", Total, "vehicle_running"),
                note: "表8 30231 公务用车运行维护费 ≤ 表9 公务用车运行费",
                when_below: "",
            },
            $($own),*
        ]
    };
}

const IDENTITIES_DEPARTMENT: &[Identity] = identities!(&["total"];);

const IDENTITIES_UNIT: &[Identity] = identities!(
    EXPENSE_COLUMNS_UNIT;
    row_sum("表1", "total", &["personnel", "public", "project"]),
    cross(
        at("表3", Total, "basic"),
        &[
            at("表1", Fixed("expense_grand"), "personnel"),
            at("表1", Fixed("expense_grand"), "public"),
        ],
        "表3 基本支出 = 表1 人员经费 + 公用经费",
    ),
    cross(
        at("表3", Total, "project"),
        &[at("表1", Fixed("expense_grand"), "project")],
        "表3 项目支出 = 表1 项目支出",
    ),
    cross(
        at("表8", Total, "personnel"),
        &[at("表1", Fixed("expense_grand"), "personnel")],
        "表8 人员经费 = 表1 人员经费",
    ),
    cross(
        at("表8", Total, "public"),
        &[at("表1", Fixed("expense_grand"), "public")],
        "表8 公用经费 = 表1 公用经费",
    ),
);

const ECONOMIC_GROUPS: &[&str] = &[];

/// 部门预算: "2025年部门…预算表", 编制部门.
pub static SHANGHAI9_DEPARTMENT: Profile = Profile {
    name: "shanghai9-department",
    description: "上海 部门预算公开 9张表模板（如普陀区万里街道）",
    title_prefixes: &["部门"],
    tables: TABLES_DEPARTMENT,
    parts: &[],
    identities: IDENTITIES_DEPARTMENT,
    economic_groups: ECONOMIC_GROUPS,
    unit_suffixes: &[],
    final_accounts: false,
    cells: CellPlacement::Position,
    // The published PDFs (tests/fixtures/real) read to the tables of their
    // `.tsv.txt` extraction (tests/pdf.rs); layout, single-spaced and raw
    // text do not yet (their multi-line headers and stacked cells).
    verified_readings: &[Reading::Pdf],
    prose: ProseDef::NUMBERED,
};

/// 单位预算: "2025年预算单位…预算表" (9: "2025年单位“三公”…"), 编制单位.
pub static SHANGHAI9_UNIT: Profile = Profile {
    name: "shanghai9-unit",
    description: "上海 单位预算公开 9张表模板（如普陀区政府办公室、社会福利院）",
    title_prefixes: &["预算单位", "单位"],
    tables: TABLES_UNIT,
    parts: &[],
    identities: IDENTITIES_UNIT,
    economic_groups: ECONOMIC_GROUPS,
    unit_suffixes: &[],
    final_accounts: false,
    cells: CellPlacement::Position,
    // The published PDFs (tests/fixtures/real) read to the tables of their
    // `.tsv.txt` extraction (tests/pdf.rs); layout, single-spaced and raw
    // text do not yet (their multi-line headers and stacked cells).
    verified_readings: &[Reading::Pdf],
    prose: ProseDef::NUMBERED,
};
