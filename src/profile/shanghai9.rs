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
//!
//! One cell a line (`pdftotext` without -layout, `Reading::Raw`) is not
//! verified, and a text in it is "not checked" (S107). Its 类, 款 and 项
//! cells stand on lines of their own, apart from the rows' names and
//! figures, in an order that keeps neither the rows' nor each column's
//! (wanlijiedao 2025's 表2 prints the 项 cell 17 of 2100717 after those of
//! 2101101 and 2101102), and nothing in the text ties a code to its name:
//! on the pages where the cells do keep each column's order, up to 16
//! assignments of them satisfy every count and the codes' rising order
//! (16 on the second page of its 表5); on the others none is the
//! document's. The reading leaves such tables unread rather than guess
//! (`rebuild::raw`), and a report with most of its checks not run would
//! say less than S107's request for the PDF, Word or Excel file.

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
                at_most: false,
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
            // 一般公共预算 is a part of all funds, column by column
            // (社会福利院 2024: 事业收入 pays 表3's only 项目支出).
            code_at_most(
                ("表5", "total"),
                &[("表3", "total")],
                "表5 各科目 合计 ≤ 表3 该科目合计",
            ),
            code_at_most(
                ("表5", "basic"),
                &[("表3", "basic")],
                "表5 各科目 基本支出 ≤ 表3 该科目基本支出",
            ),
            code_at_most(
                ("表5", "project"),
                &[("表3", "project")],
                "表5 各科目 项目支出 ≤ 表3 该科目项目支出",
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
            at_most(
                at("表8", RowSel::Code("30217"), "total"),
                at("表9", Total, "reception"),
                "表8 30217 公务接待费 ≤ 表9 公务接待费",
            ),
            at_most(
                at("表8", RowSel::Code("30231"), "total"),
                at("表9", Total, "vehicle_running"),
                "表8 30231 公务用车运行维护费 ≤ 表9 公务用车运行费",
            ),
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

/// A statement of `part` (in a section titled with `section`) restating `cell`.
const fn fact(
    key: &'static str,
    part: &'static str,
    section: &'static str,
    words: &'static [&'static str],
    but_not: &'static [&'static str],
    position: Position,
    cell: CellRef,
) -> ProseFact {
    ProseFact {
        key,
        part,
        section,
        words,
        but_not,
        position,
        nil: None,
        cell,
        relation: ProseRelation::Equal,
    }
}

/// The 13-table numbering, but a change said after a part of a "其中" list
/// is the part's: "其中：财政拨款收入A万元，比2024年预算增加C万元".
const NARRATIVE: NarrativeStyle = NarrativeStyle {
    change_after_part_is_the_parts: true,
    ..NarrativeStyle::NUMBERED
};

const EXPLANATION: &str = "explanation";
const OTHER: &str = "other";

/// DOMAIN-TEMPLATES §1 "Prose": 预算编制说明 (收入, 支出 by source, the 项
/// list) and 其他相关情况说明 (一 “三公”经费, 二 机关运行经费, 四 绩效目标).
/// A statement is matched by the first fact whose words its label holds,
/// so the longer names come before the words they contain.
const PROSE: ProseDef = ProseDef {
    parts: &[
        ProsePart {
            key: EXPLANATION,
            heading: "预算编制说明",
            numbered: false,
        },
        ProsePart {
            key: OTHER,
            heading: "其他相关情况说明",
            numbered: true,
        },
    ],
    other_headings: &[
        "项目经费情况说明",
        "主要职能",
        "机构设置",
        "名词解释",
        "部门预算表",
        "单位预算表",
        "绩效目标",
    ],
    facts: &[
        // "收入预算X万元，其中：财政拨款收入A万元，比2024年预算增加C万元；
        // 事业收入B万元；事业单位经营收入…；其他收入…。" (after "；" the
        // scanner no longer counts a figure a part of the "其中" list).
        fact(
            "income",
            EXPLANATION,
            "",
            &["收入预算"],
            &[],
            Position::Head,
            at("表1", Fixed("income_grand"), "income"),
        ),
        fact(
            "income_fiscal",
            EXPLANATION,
            "",
            &["财政拨款收入"],
            &[],
            Position::Part,
            at("表1", Fixed("fiscal"), "income"),
        ),
        fact(
            "income_business_operating",
            EXPLANATION,
            "",
            &["事业单位经营收入"],
            &[],
            Position::Any,
            at("表1", Fixed("business_operating"), "income"),
        ),
        fact(
            "income_business",
            EXPLANATION,
            "",
            &["事业收入"],
            &[],
            Position::Any,
            at("表1", Fixed("business"), "income"),
        ),
        fact(
            "income_other",
            EXPLANATION,
            "",
            &["其他收入"],
            &[],
            Position::Any,
            at("表1", Fixed("other"), "income"),
        ),
        // "支出预算X万元，其中：财政拨款支出预算A万元，比2024年预算增加C万元。
        // 财政拨款支出预算中，一般公共预算拨款支出预算…；政府性基金拨款支出
        // 预算…；国有资本经营预算拨款支出预算…。"
        fact(
            "expense_general",
            EXPLANATION,
            "",
            &["一般公共预算拨款支出"],
            &[],
            Position::Any,
            at("表4", Fixed("expense_grand"), "general"),
        ),
        fact(
            "expense_fund",
            EXPLANATION,
            "",
            &["政府性基金拨款支出"],
            &[],
            Position::Any,
            at("表4", Fixed("expense_grand"), "fund"),
        ),
        fact(
            "expense_capital",
            EXPLANATION,
            "",
            &["国有资本经营预算拨款支出"],
            &[],
            Position::Any,
            at("表4", Fixed("expense_grand"), "capital"),
        ),
        fact(
            "expense_fiscal",
            EXPLANATION,
            "",
            &["财政拨款支出预算"],
            &[],
            Position::Part,
            at("表4", Fixed("expense_grand"), "subtotal"),
        ),
        fact(
            "expense",
            EXPLANATION,
            "",
            &["支出预算"],
            &["拨款"],
            Position::Head,
            at("表1", Fixed("expense_grand"), "total"),
        ),
        // 一、“三公”经费: "“三公”经费预算数为X万元，比2024年预算减少C万元。
        // 其中：（一）因公出国（境）费…（二）公务用车购置及运行费…其中：
        // 公务用车购置费…；公务用车运行费…（三）公务接待费…"
        fact(
            "three_public",
            OTHER,
            "三公",
            &["三公"],
            &[],
            Position::Any,
            at("表9", Total, "total"),
        ),
        fact(
            "travel",
            OTHER,
            "三公",
            &["因公出国"],
            &[],
            Position::Any,
            at("表9", Total, "travel"),
        ),
        fact(
            "vehicles",
            OTHER,
            "三公",
            &["购置及运行"],
            &[],
            Position::Any,
            at("表9", Total, "vehicles"),
        ),
        fact(
            "vehicle_purchase",
            OTHER,
            "三公",
            &["用车购置费"],
            &[],
            Position::Any,
            at("表9", Total, "vehicle_purchase"),
        ),
        fact(
            "vehicle_running",
            OTHER,
            "三公",
            &["用车运行费"],
            &[],
            Position::Any,
            at("表9", Total, "vehicle_running"),
        ),
        fact(
            "reception",
            OTHER,
            "三公",
            &["公务接待费"],
            &[],
            Position::Any,
            at("表9", Total, "reception"),
        ),
        // 二、机关运行经费: "…财政拨款的机关运行经费预算为464.64万元",
        // "…无机关运行经费。"
        ProseFact {
            nil: Some("无机关运行经费"),
            ..fact(
                "operating",
                OTHER,
                "机关运行经费",
                &["机关运行经费"],
                &[],
                Position::Any,
                at("表9", Total, "operating"),
            )
        },
        // 四、绩效目标: "编报绩效目标的项目49个，涉及项目预算资金8825.98万元"
        // — a part of 项目支出 (not every project reports targets).
        ProseFact {
            relation: ProseRelation::AtMost,
            ..fact(
                "performance",
                OTHER,
                "绩效目标",
                &["项目预算资金"],
                &[],
                Position::Any,
                at("表3", Total, "project"),
            )
        },
    ],
    sums: &[
        ProseSum {
            total: "income",
            parts: &[
                "income_fiscal",
                "income_business",
                "income_business_operating",
                "income_other",
            ],
        },
        ProseSum {
            total: "expense_fiscal",
            parts: &["expense_general", "expense_fund", "expense_capital"],
        },
        ProseSum {
            total: "three_public",
            parts: &["travel", "vehicles", "reception"],
        },
        ProseSum {
            total: "vehicles",
            parts: &["vehicle_purchase", "vehicle_running"],
        },
    ],
    items: Some(ItemListDef {
        part: EXPLANATION,
        table: "表5",
        column: "total",
    }),
};

/// 部门预算: "2025年部门…预算表", 编制部门.
pub static SHANGHAI9_DEPARTMENT: Profile = Profile {
    name: "shanghai9-department",
    description: "上海 部门预算公开 9张表模板（如普陀区万里街道）",
    title_prefixes: &["部门"],
    tables: TABLES_DEPARTMENT,
    parts: &[Role::Prose, Role::PerformanceForms],
    identities: IDENTITIES_DEPARTMENT,
    economic_groups: ECONOMIC_GROUPS,
    last_label_cells: &[],
    unit_suffixes: &[],
    final_accounts: false,
    cells: CellPlacement::Position,
    narrative: NARRATIVE,
    prose: Some(&PROSE),
    // The published PDFs (tests/fixtures/real) read to the tables of their
    // `.tsv.txt` extraction (tests/pdf.rs), and their `pdftotext -layout`
    // and single-spaced text to the PDF's report (tests/real_shapes.rs).
    // One cell a line is not verified (the module's doc says why).
    verified_readings: &[Reading::Layout, Reading::Spaced, Reading::Pdf],
};

/// 单位预算: "2025年预算单位…预算表" (9: "2025年单位“三公”…"), 编制单位.
pub static SHANGHAI9_UNIT: Profile = Profile {
    name: "shanghai9-unit",
    description: "上海 单位预算公开 9张表模板（如普陀区政府办公室、社会福利院）",
    title_prefixes: &["预算单位", "单位"],
    tables: TABLES_UNIT,
    parts: &[Role::Prose, Role::PerformanceForms],
    identities: IDENTITIES_UNIT,
    economic_groups: ECONOMIC_GROUPS,
    last_label_cells: &[],
    unit_suffixes: &[],
    final_accounts: false,
    cells: CellPlacement::Position,
    narrative: NARRATIVE,
    prose: Some(&PROSE),
    // The published PDFs (tests/fixtures/real) read to the tables of their
    // `.tsv.txt` extraction (tests/pdf.rs), and their `pdftotext -layout`
    // and single-spaced text to the PDF's report (tests/real_shapes.rs).
    // One cell a line is not verified (the module's doc says why).
    verified_readings: &[Reading::Layout, Reading::Spaced, Reading::Pdf],
};
