//! The Jiangsu 部门预算 12-table template (江苏省级部门, e.g. 省人民检察院,
//! 省委办公厅 2017–2019), as DOMAIN-TEMPLATES.md §3 describes it, and the
//! identities that hold between its tables.
//!
//! Every table is in 万元 and its 科目编码 are one cell ("2040401").
//! Tables are told by title, never by number: the order changed between
//! years (2017 prints 政府性基金 seventh), and the labels too ("公开01表",
//! "公开 05 表：", "五、"). 01 收支预算总表 has three sides (收入 | 功能分类
//! | 支出用途) and counts all money; 04–08 count 财政拨款 only, so 01 and 04
//! are compared by ≤ where other money may stand between them.
//!
//! The documents come as PDFs, whose extractions leave runs of empty
//! cells where cells were merged, so cells are placed by what they hold
//! ([`CellPlacement::Content`]). Besides one row a line, the PDF reading is
//! verified (`verified_readings`): every Jiangsu PDF with tables gives the
//! report of its table extraction, read without the page numbers the
//! extractor prints as lines, or, for the 检察院 2018/2019 ones, whose
//! extractions cut wrapped labels and headers into rows (01, 02, 12), of
//! the extraction corrected by hand to what the PDF prints
//! (`tests/fixtures/real/*.verified.tsv.txt`); their errors are the
//! documents' real ones (tests/pdf.rs, tests/jiangsu.rs).
//!
//! The layout reading (`pdftotext -layout`) is verified too: every
//! Jiangsu layout text gives the report of the PDF, every row and finding
//! (tests/real_shapes.rs): 01's three sides, 03's and 09's rows of figures
//! alone under their stacked headers, the 情况说明's justified lines read
//! as prose, and 12's cells merged over several rows given to the first
//! row they span, as the PDF reading gives them (`rebuild/layout/merged.rs`:
//! "物业管理服|务" over two rows, a block's name beside its bare total or
//! printed again after a page break), a number inside a wrapped name ("算
//! 20 万以") read as its text. 省委办公厅 2019's 12 keeps its header's
//! wrapped "式", which the PDF reading loses.
//!
//! One cell a line (`pdftotext`, `Reading::Raw`) is verified too, with
//! its blank lines kept or dropped (a PDF viewer's copy has none): every
//! row it places is its PDF's, in any order, and no error is added
//! (tests/real_shapes.rs, tests/no_false_errors.rs). The tables it cannot
//! read whole are left unread (S106) — 01, whose three sides it prints
//! interleaved; 12, where its names' cells come scrambled; 02 where its
//! figures, as well as its groups' bare 小计, are drawn apart from the
//! groups' names (省委办公厅 2017; elsewhere each bare 小计 is its group's
//! row in turn, `rebuild/bare_subtotals.rs`) — and the PDF's errors that
//! rest on them are not reported.
//!
//! So is the copy of the 省委办公厅's tables out of a PDF viewer, whose PDFs
//! draw each page's title after its rows (`Reading::TitlesPutBack`,
//! `rebuild/drawn_order/`): every row read with a figure, in Chrome's and
//! Firefox's copies of 2017, 2018 and 2019, is its PDF's (490 rows), each
//! table whose bounds the copy leaves uncertain left unread
//! (tests/no_false_errors.rs).
//!
//! The prose is the template's own: the rules on the 13-table wording do
//! not apply to it, those that find its sections by title
//! ([`NarrativeStyle`]) and its own arithmetic do.

use super::build::*;
use super::types::*;
use crate::model::Side;

use RowSel::{Fixed, Total};

/// 01 收入: the groups are printed only when funded; the two totals always
/// (every Jiangsu document of 2017–2019), so a table cut short is told
/// (S102) rather than silently checked on the rows left.
const T01_INCOME_ROWS: &[FixedRow] = &[
    optional(row("fiscal", "财政拨款")),
    optional(row("general", "一般公共预算")),
    optional(row("fund", "政府性基金预算")),
    optional(row("special", "财政专户管理资金")),
    optional(row("other", "其他资金")),
    row("income_total", "当年收入小计"),
    optional(row("carry", "上年结转资金")),
    row("income_grand", "收入合计"),
];

/// 01 功能分类: the classes printed (all of them, zero or not), under
/// their names of 2017–2019.
const T01_CLASS_ROWS: &[FixedRow] = &[
    optional(class("201", "一般公共服务支出")),
    optional(class("202", "外交支出")),
    optional(class("203", "国防支出")),
    optional(class("204", "公共安全支出")),
    optional(class("205", "教育支出")),
    optional(class("206", "科学技术支出")),
    optional(class("207", "文化旅游体育与传媒支出")),
    optional(class("207", "文化体育与传媒支出")),
    optional(class("208", "社会保障和就业支出")),
    optional(class("210", "卫生健康支出")),
    optional(class("210", "医疗卫生与计划生育支出")),
    optional(class("211", "节能环保支出")),
    optional(class("212", "城乡社区支出")),
    optional(class("213", "农林水支出")),
    optional(class("214", "交通运输支出")),
    optional(class("215", "资源勘探信息等支出")),
    optional(class("215", "资源勘探工业信息等支出")),
    optional(class("216", "商业服务业等支出")),
    optional(class("217", "金融支出")),
    optional(class("220", "自然资源海洋气象等支出")),
    optional(class("220", "国土海洋气象等支出")),
    optional(class("221", "住房保障支出")),
    optional(class("222", "粮油物资储备支出")),
    optional(class("224", "灾害防治及应急管理支出")),
    optional(class("229", "其他支出")),
];

/// 01 支出用途, and the totals of the whole expenditure side, whose label
/// spans the 功能分类 columns and whose figure stands under 支出用途.
const T01_PURPOSE_ROWS: &[FixedRow] = &[
    optional(row("basic", "基本支出")),
    optional(row("project", "项目支出")),
    optional(row("reserve", "单位预留机动经费")),
    row("expense_total", "当年支出小计"),
    optional(row("carry_next", "结转下年资金")),
    row("expense_grand", "支出合计"),
];

const T01_SIDES: [SideDef; 3] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("income", "金额")],
        rows: RowScheme::Fixed(T01_INCOME_ROWS),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[col("class", "功能分类 金额")],
        rows: RowScheme::Fixed(T01_CLASS_ROWS),
    },
    SideDef {
        side: Side::Right,
        label_cells: 1,
        columns: &[col("purpose", "支出用途 金额")],
        rows: RowScheme::Fixed(T01_PURPOSE_ROWS),
    },
];

/// 02 by source: a group's 小计 is printed beside its name ("一般公共预算
/// 资金 | 小计"), read as one label.
const T02_ROWS: &[FixedRow] = &[
    row("income_grand", "收入总计"),
    optional(row("general", "一般公共预算资金小计")),
    optional(row("general_grant", "公共财政拨款(补助)资金")),
    optional(row("general_special", "专项收入")),
    optional(row("fund", "政府性基金小计")),
    optional(row("special", "财政专户管理资金小计")),
    optional(row("special_tuition", "专户管理教育收费")),
    optional(row("special_other", "其他非税收入")),
    optional(row("other", "其他资金小计")),
    optional(row("other_business", "事业收入")),
    optional(row("other_operating", "经营收入")),
    optional(row("other_other", "其他收入")),
    optional(row("other_debt", "债务资金(银行贷款)")),
    optional(row("carry", "上年结转和结余资金小计")),
    optional(row("carry_used", "其中:动用上年结转和结余资金")),
];

const T02_SIDES: [SideDef; 1] = single(1, &[col("amount", "金额")], RowScheme::Fixed(T02_ROWS));

const T03_SIDES: [SideDef; 1] = single(
    0,
    &[
        col("total", "合计"),
        col("basic", "基本支出"),
        col("project", "项目支出"),
        col("reserve", "单位预留机动经费"),
        col("carry_next", "结转下年资金"),
    ],
    RowScheme::Values,
);

const T04_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("amount", "金额")],
        rows: RowScheme::Fixed(&[
            optional(row("general", "一般公共预算")),
            optional(row("fund", "政府性基金预算")),
            row("income_grand", "收入合计"),
        ]),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[col("expense", "金额")],
        rows: RowScheme::Fixed(&[
            optional(row("basic", "基本支出")),
            optional(row("project", "项目支出")),
            optional(row("reserve", "单位预留机动经费")),
            row("expense_grand", "支出合计"),
        ]),
    },
];

/// 05–08, 10, 11: 科目编码 | 科目名称 | 金额, 合计 first.
const CODES: [SideDef; 1] = single(2, &[col("amount", "金额")], RowScheme::Codes);
const T11_SIDES: [SideDef; 1] = single(2, &[col("amount", "机关运行经费支出")], RowScheme::Codes);

const T09_SIDES: [SideDef; 1] = single(
    0,
    &[
        col("total", "合计"),
        col("subtotal", "“三公”经费 小计"),
        col("travel", "因公出国(境)费"),
        col("vehicles", "公务用车购置及运行维护费 小计"),
        col("vehicle_purchase", "公务用车购置费"),
        col("vehicle_running", "公务用车运行维护费"),
        col("reception", "公务接待费"),
        col("meeting", "会议费"),
        col("training", "培训费"),
    ],
    RowScheme::Values,
);

/// 12: 合计, 一、货物A …, (专项, 经济科目) blocks and their items; each
/// row read as its labels and its 总计, nested by an [`Identity::Outline`].
const T12_SIDES: [SideDef; 1] = single(1, &[col("amount", "总计")], RowScheme::Units);

const fn table(
    id: &'static str,
    role: Role,
    title: &'static str,
    optional_suffix: Option<&'static str>,
    other_titles: &'static [&'static str],
    sides: &'static [SideDef],
    min_rows: usize,
) -> TableDef {
    TableDef {
        id,
        role,
        unit: "万元",
        title,
        optional_suffix,
        other_titles,
        sides,
        min_rows,
    }
}

const TABLES: &[TableDef] = &[
    table(
        "公开01表",
        Role::Summary,
        "收支预算总表",
        None,
        &[],
        &T01_SIDES,
        2,
    ),
    table(
        "公开02表",
        Role::Income,
        "收入预算总表",
        None,
        &[],
        &T02_SIDES,
        1,
    ),
    table(
        "公开03表",
        Role::Expense,
        "支出预算总表",
        None,
        &[],
        &T03_SIDES,
        1,
    ),
    table(
        "公开04表",
        Role::FiscalSummary,
        "财政拨款收支预算总表",
        None,
        &[],
        &T04_SIDES,
        2,
    ),
    table(
        "公开05表",
        Role::FiscalExpense,
        "财政拨款支出预算表",
        Some("(功能科目)"),
        &[],
        &CODES,
        1,
    ),
    table(
        "公开06表",
        Role::FiscalBasicEconomic,
        "财政拨款基本支出预算表",
        Some("(经济科目)"),
        &[],
        &CODES,
        1,
    ),
    table(
        "公开07表",
        Role::GeneralExpense,
        "一般公共预算支出预算表",
        Some("(功能科目)"),
        &[],
        &CODES,
        1,
    ),
    table(
        "公开08表",
        Role::BasicEconomic,
        "一般公共预算基本支出预算表",
        Some("(经济科目)"),
        &[],
        &CODES,
        1,
    ),
    table(
        "公开09表",
        Role::ThreePublic,
        "\"三公\"经费、会议费、培训费支出预算表",
        None,
        &["一般公共预算\"三公\"经费、会议费、培训费支出预算表"],
        &T09_SIDES,
        1,
    ),
    table(
        "公开10表",
        Role::FundExpense,
        "政府性基金财政拨款支出预算表",
        None,
        &[
            "政府性基金预算财政拨款支出预算表",
            "政府性基金支出预算表",
            "财政拨款政府性基金支出预算表",
        ],
        &CODES,
        1,
    ),
    table(
        "公开11表",
        Role::Operating,
        "一般公共预算机关运行经费支出预算表",
        None,
        &[],
        &T11_SIDES,
        1,
    ),
    table(
        "公开12表",
        Role::Procurement,
        "政府采购支出预算表",
        None,
        &["政府采购预算表"],
        &T12_SIDES,
        1,
    ),
];

const IDENTITIES: &[Identity] = &[
    // 01 收支预算总表
    fixed_sum("公开01表", "fiscal", &["general", "fund"], &["income"]),
    fixed_sum(
        "公开01表",
        "income_total",
        &["fiscal", "special", "other"],
        &["income"],
    ),
    fixed_sum(
        "公开01表",
        "income_grand",
        &["income_total", "carry"],
        &["income"],
    ),
    fixed_sum(
        "公开01表",
        "expense_total",
        &["basic", "project", "reserve"],
        &["purpose"],
    ),
    // 当年支出小计 stands under 支出用途 and adds up the 功能分类 classes
    // beside it too.
    Identity::FixedSum {
        table: "公开01表",
        total: "expense_total",
        parts: PartRows::ClassesBeside {
            side: Side::Expense,
            column: "class",
        },
        columns: &["purpose"],
    },
    fixed_sum(
        "公开01表",
        "expense_grand",
        &["expense_total", "carry_next"],
        &["purpose"],
    ),
    cross(
        at("公开01表", Fixed("income_grand"), "income"),
        &[at("公开01表", Fixed("expense_grand"), "purpose")],
        "公开01表 收入合计 = 支出合计",
    ),
    // 02 收入预算总表 = 01 by source
    fixed_sum(
        "公开02表",
        "income_grand",
        &["general", "fund", "special", "other", "carry"],
        &["amount"],
    ),
    fixed_sum(
        "公开02表",
        "general",
        &["general_grant", "general_special"],
        &["amount"],
    ),
    cross(
        at("公开02表", Fixed("income_grand"), "amount"),
        &[at("公开01表", Fixed("income_grand"), "income")],
        "公开02表 收入总计 = 公开01表 收入合计",
    ),
    cross(
        at("公开02表", Fixed("general"), "amount"),
        &[at("公开01表", Fixed("general"), "income")],
        "公开02表 一般公共预算资金 = 公开01表 一般公共预算",
    ),
    cross(
        at("公开02表", Fixed("fund"), "amount"),
        &[at("公开01表", Fixed("fund"), "income")],
        "公开02表 政府性基金 = 公开01表 政府性基金预算",
    ),
    cross(
        at("公开02表", Fixed("special"), "amount"),
        &[at("公开01表", Fixed("special"), "income")],
        "公开02表 财政专户管理资金 = 公开01表 财政专户管理资金",
    ),
    cross(
        at("公开02表", Fixed("other"), "amount"),
        &[at("公开01表", Fixed("other"), "income")],
        "公开02表 其他资金 = 公开01表 其他资金",
    ),
    // 03 支出预算总表 = 01 by use
    row_sum(
        "公开03表",
        "total",
        &["basic", "project", "reserve", "carry_next"],
    ),
    cross(
        at("公开03表", Total, "total"),
        &[at("公开01表", Fixed("expense_grand"), "purpose")],
        "公开03表 合计 = 公开01表 支出合计",
    ),
    cross(
        at("公开03表", Total, "basic"),
        &[at("公开01表", Fixed("basic"), "purpose")],
        "公开03表 基本支出 = 公开01表 基本支出",
    ),
    cross(
        at("公开03表", Total, "project"),
        &[at("公开01表", Fixed("project"), "purpose")],
        "公开03表 项目支出 = 公开01表 项目支出",
    ),
    cross(
        at("公开03表", Total, "reserve"),
        &[at("公开01表", Fixed("reserve"), "purpose")],
        "公开03表 单位预留机动经费 = 公开01表 单位预留机动经费",
    ),
    // 04 财政拨款收支预算总表: 财政拨款 only, within 01's all money.
    fixed_sum(
        "公开04表",
        "income_grand",
        &["general", "fund"],
        &["amount"],
    ),
    fixed_sum(
        "公开04表",
        "expense_grand",
        &["basic", "project", "reserve"],
        &["expense"],
    ),
    cross(
        at("公开04表", Fixed("income_grand"), "amount"),
        &[at("公开04表", Fixed("expense_grand"), "expense")],
        "公开04表 收入合计 = 支出合计",
    ),
    cross(
        at("公开04表", Fixed("income_grand"), "amount"),
        &[at("公开01表", Fixed("fiscal"), "income")],
        "公开04表 收入合计 = 公开01表 财政拨款",
    ),
    cross(
        at("公开04表", Fixed("general"), "amount"),
        &[at("公开01表", Fixed("general"), "income")],
        "公开04表 一般公共预算 = 公开01表 一般公共预算",
    ),
    cross(
        at("公开04表", Fixed("fund"), "amount"),
        &[at("公开01表", Fixed("fund"), "income")],
        "公开04表 政府性基金预算 = 公开01表 政府性基金预算",
    ),
    at_most(
        at("公开04表", Fixed("basic"), "expense"),
        at("公开01表", Fixed("basic"), "purpose"),
        "公开04表 基本支出（财政拨款）≤ 公开01表 基本支出（全部资金）",
    ),
    at_most(
        at("公开04表", Fixed("project"), "expense"),
        at("公开01表", Fixed("project"), "purpose"),
        "公开04表 项目支出（财政拨款）≤ 公开01表 项目支出（全部资金）",
    ),
    at_most(
        at("公开04表", Fixed("reserve"), "expense"),
        at("公开01表", Fixed("reserve"), "purpose"),
        "公开04表 单位预留机动经费（财政拨款）≤ 公开01表 单位预留机动经费（全部资金）",
    ),
    // 05 财政拨款支出（功能科目）
    hierarchy("公开05表", &["amount"]),
    cross(
        at("公开05表", Total, "amount"),
        &[at("公开04表", Fixed("expense_grand"), "expense")],
        "公开05表 合计 = 公开04表 支出合计",
    ),
    Identity::CodeMatch {
        left: ("公开05表", "amount"),
        right: &[("公开07表", "amount"), ("公开10表", "amount")],
        at_most: false,
        note: "公开05表 各科目 = 公开07表（一般公共预算）+ 公开10表（政府性基金）",
    },
    // 06 财政拨款基本支出（经济科目）
    hierarchy("公开06表", &["amount"]),
    cross(
        at("公开06表", Total, "amount"),
        &[at("公开04表", Fixed("basic"), "expense")],
        "公开06表 合计 = 公开04表 基本支出",
    ),
    // 07 一般公共预算支出（功能科目）
    hierarchy("公开07表", &["amount"]),
    cross(
        at("公开07表", Total, "amount"),
        &[at("公开04表", Fixed("general"), "amount")],
        "公开07表 合计 = 公开04表 一般公共预算",
    ),
    // 08 一般公共预算基本支出（经济科目）
    hierarchy("公开08表", &["amount"]),
    at_most(
        at("公开08表", Total, "amount"),
        at("公开06表", Total, "amount"),
        "公开08表 合计（一般公共预算）≤ 公开06表 合计（财政拨款）",
    ),
    // 09 “三公”经费、会议费、培训费: each at least its basic-budget line
    // (the table counts project money too).
    row_sum("公开09表", "total", &["subtotal", "meeting", "training"]),
    row_sum("公开09表", "subtotal", &["travel", "vehicles", "reception"]),
    row_sum(
        "公开09表",
        "vehicles",
        &["vehicle_purchase", "vehicle_running"],
    ),
    at_most(
        at("公开08表", RowSel::Code("30215"), "amount"),
        at("公开09表", Total, "meeting"),
        "公开08表 30215 会议费 ≤ 公开09表 会议费",
    ),
    at_most(
        at("公开08表", RowSel::Code("30216"), "amount"),
        at("公开09表", Total, "training"),
        "公开08表 30216 培训费 ≤ 公开09表 培训费",
    ),
    at_most(
        at("公开08表", RowSel::Code("30217"), "amount"),
        at("公开09表", Total, "reception"),
        "公开08表 30217 公务接待费 ≤ 公开09表 公务接待费",
    ),
    at_most(
        at("公开08表", RowSel::Code("30231"), "amount"),
        at("公开09表", Total, "vehicle_running"),
        "公开08表 30231 公务用车运行维护费 ≤ 公开09表 公务用车运行维护费",
    ),
    // 10 政府性基金: often "此表为空".
    hierarchy("公开10表", &["amount"]),
    Identity::EmptyAgrees {
        table: "公开10表",
        zero: &[
            at("公开01表", Fixed("fund"), "income"),
            at("公开04表", Fixed("fund"), "amount"),
        ],
        note: "公开10表 合计 = 公开01表、公开04表 政府性基金预算",
    },
    // 11 机关运行经费: its caliber changed in 2018 (2017 counted project
    // items), so only its own sums are checked.
    hierarchy("公开11表", &["amount"]),
    // 12 政府采购: 合计 = Σ 一、货物A …, each = Σ its (专项, 经济科目)
    // blocks, each = Σ its items, the rows that name 采购组织形式.
    outline(
        "公开12表",
        &["amount"],
        &[
            Level::Numbered,
            Level::Rest,
            Level::Holds(&["集中采购", "自行组织"]),
        ],
    ),
];

/// 情况说明 一…十四, found by title: the order changed between years
/// (2017 prints 政府性基金 seventh, 三公 eleventh), the words hardly.
const JIANGSU_NARRATIVE: NarrativeStyle = NarrativeStyle {
    last_section: 14,
    sections: &[
        (&["三公"], Role::ThreePublic),
        (&["机关运行经费"], Role::Operating),
        (&["政府采购"], Role::Procurement),
        (&["政府性基金"], Role::FundExpense),
        (&["财政拨款收支"], Role::FiscalSummary),
        (&["财政拨款基本支出"], Role::FiscalBasicEconomic),
        (&["财政拨款支出"], Role::FiscalExpense),
        (&["一般公共预算基本支出"], Role::BasicEconomic),
        (&["一般公共预算支出"], Role::GeneralExpense),
        (&["收支预算"], Role::Summary),
        (&["收入预算"], Role::Income),
        (&["支出预算"], Role::Expense),
    ],
    percent_habits: true,
    items_are_prose: true,
    change_after_part_is_the_parts: false,
    figures: RESTATED_FIGURES,
};

/// The totals each section restates (DOMAIN-TEMPLATES §3 "Prose"): 一 and
/// 三 count all money (01), 四–八 财政拨款 (04–08).
const RESTATED_FIGURES: &[RestatedFigure] = &[
    said(
        Role::Summary,
        &["财政拨款"],
        Role::Summary,
        Fixed("fiscal"),
        "income",
    ),
    said(
        Role::Summary,
        &["一般公共预算"],
        Role::Summary,
        Fixed("general"),
        "income",
    ),
    said(
        Role::Summary,
        &["财政专户"],
        Role::Summary,
        Fixed("special"),
        "income",
    ),
    said(
        Role::Summary,
        &["其他资金"],
        Role::Summary,
        Fixed("other"),
        "income",
    ),
    said(
        Role::Summary,
        &["收入预算总计"],
        Role::Summary,
        Fixed("income_grand"),
        "income",
    ),
    said(
        Role::Summary,
        &["支出预算总计"],
        Role::Summary,
        Fixed("expense_grand"),
        "purpose",
    ),
    said(
        Role::Summary,
        &["基本支出"],
        Role::Summary,
        Fixed("basic"),
        "purpose",
    ),
    said(
        Role::Summary,
        &["项目支出"],
        Role::Summary,
        Fixed("project"),
        "purpose",
    ),
    said(
        Role::Summary,
        &["单位预留机动经费"],
        Role::Summary,
        Fixed("reserve"),
        "purpose",
    ),
    said(
        Role::Income,
        &["收入预算合计"],
        Role::Summary,
        Fixed("income_grand"),
        "income",
    ),
    said(
        Role::Income,
        &["一般公共预算"],
        Role::Summary,
        Fixed("general"),
        "income",
    ),
    said(
        Role::Income,
        &["财政专户"],
        Role::Summary,
        Fixed("special"),
        "income",
    ),
    said(
        Role::Income,
        &["其他资金"],
        Role::Summary,
        Fixed("other"),
        "income",
    ),
    said(
        Role::Expense,
        &["支出预算合计"],
        Role::Summary,
        Fixed("expense_grand"),
        "purpose",
    ),
    said(
        Role::Expense,
        &["基本支出"],
        Role::Summary,
        Fixed("basic"),
        "purpose",
    ),
    said(
        Role::Expense,
        &["项目支出"],
        Role::Summary,
        Fixed("project"),
        "purpose",
    ),
    said(
        Role::Expense,
        &["单位预留机动经费"],
        Role::Summary,
        Fixed("reserve"),
        "purpose",
    ),
    said(
        Role::FiscalSummary,
        &["总预算"],
        Role::FiscalSummary,
        Fixed("income_grand"),
        "amount",
    ),
    said(
        Role::FiscalExpense,
        &["财政拨款", "支出"],
        Role::FiscalExpense,
        Total,
        "amount",
    ),
    said(
        Role::FiscalBasicEconomic,
        &["基本支出"],
        Role::FiscalBasicEconomic,
        Total,
        "amount",
    ),
    said(
        Role::GeneralExpense,
        &["一般公共预算"],
        Role::GeneralExpense,
        Total,
        "amount",
    ),
    said(
        Role::BasicEconomic,
        &["基本支出"],
        Role::BasicEconomic,
        Total,
        "amount",
    ),
    said(
        Role::Operating,
        &["机关运行经费"],
        Role::Operating,
        Total,
        "amount",
    ),
    said(
        Role::Procurement,
        &["预算总额"],
        Role::Procurement,
        Total,
        "amount",
    ),
];

/// The last cell of a 公开12表 row's name: an item's 采购组织形式, or a
/// block's 经济科目 — a 款 of 商品和服务支出 or 资本性支出 in the 支出经济
/// 分类 (before and since its 2018 revision), the classes goods and
/// services are bought under.
const PROCUREMENT_LAST_CELLS: &[&str] = &[
    "政府集中采购",
    "部门集中采购",
    "分散自行组织",
    "分散采购",
    // 302 商品和服务支出
    "办公费",
    "印刷费",
    "咨询费",
    "手续费",
    "水费",
    "电费",
    "邮电费",
    "取暖费",
    "物业管理费",
    "差旅费",
    "因公出国（境）费用",
    "维修（护）费",
    "租赁费",
    "会议费",
    "培训费",
    "公务接待费",
    "专用材料费",
    "被装购置费",
    "专用燃料费",
    "劳务费",
    "委托业务费",
    "工会经费",
    "福利费",
    "公务用车运行维护费",
    "其他交通费用",
    "税金及附加费用",
    "其他商品和服务支出",
    // 310 资本性支出
    "房屋建筑物购建",
    "办公设备购置",
    "专用设备购置",
    "基础设施建设",
    "大型修缮",
    "信息网络及软件购置更新",
    "物资储备",
    "公务用车购置",
    "其他交通工具购置",
    "文物和陈列品购置",
    "无形资产购置",
    "其他资本性支出",
];

/// 江苏 部门预算: "公开01表 收支预算总表" …, 万元.
pub static JIANGSU12: Profile = Profile {
    name: "jiangsu12",
    description: "江苏 部门预算公开 12张表模板（如省人民检察院、省委办公厅）",
    title_prefixes: &[""],
    tables: TABLES,
    parts: &[Role::Prose],
    identities: IDENTITIES,
    economic_groups: &[],
    last_label_cells: PROCUREMENT_LAST_CELLS,
    unit_suffixes: &[],
    final_accounts: false,
    cells: CellPlacement::Content,
    narrative: JIANGSU_NARRATIVE,
    prose: None,
    verified_readings: &[
        Reading::Layout,
        Reading::Pdf,
        Reading::Spaced,
        Reading::Raw,
        #[cfg(feature = "rebuild")]
        Reading::TitlesPutBack,
    ],
};
