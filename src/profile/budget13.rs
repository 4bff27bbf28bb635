//! The 13-table template of the corpus (部门/单位预算公开, 山西阳泉 and the
//! many cities that use the same 财政部 layout), and every identity of
//! DOMAIN.md between its tables.
//!
//! Column keys are shared across tables where the meaning is shared
//! (`general` is always 一般公共预算), which keeps identities readable.

use super::types::*;
use crate::model::Side;

const fn col(key: &'static str, name: &'static str) -> ColumnDef {
    ColumnDef { key, name }
}

const fn at(table: &'static str, row: RowSel, column: &'static str) -> CellRef {
    CellRef { table, row, column }
}

use RowSel::{Fixed, Total, TreeRoot};

/// 表一/表四 expenditure side: the thirty classes, then the totals.
const EXPENSE_ROWS: &[FixedRow] = &[
    FixedRow {
        key: "201",
        label: "一般公共服务支出",
        class_code: Some("201"),
    },
    FixedRow {
        key: "202",
        label: "外交支出",
        class_code: Some("202"),
    },
    FixedRow {
        key: "203",
        label: "国防支出",
        class_code: Some("203"),
    },
    FixedRow {
        key: "204",
        label: "公共安全支出",
        class_code: Some("204"),
    },
    FixedRow {
        key: "205",
        label: "教育支出",
        class_code: Some("205"),
    },
    FixedRow {
        key: "206",
        label: "科学技术支出",
        class_code: Some("206"),
    },
    FixedRow {
        key: "207",
        label: "文化旅游体育与传媒支出",
        class_code: Some("207"),
    },
    FixedRow {
        key: "208",
        label: "社会保障和就业支出",
        class_code: Some("208"),
    },
    FixedRow {
        key: "209",
        label: "社会保险基金支出",
        class_code: Some("209"),
    },
    FixedRow {
        key: "210",
        label: "卫生健康支出",
        class_code: Some("210"),
    },
    FixedRow {
        key: "211",
        label: "节能环保支出",
        class_code: Some("211"),
    },
    FixedRow {
        key: "212",
        label: "城乡社区支出",
        class_code: Some("212"),
    },
    FixedRow {
        key: "213",
        label: "农林水支出",
        class_code: Some("213"),
    },
    FixedRow {
        key: "214",
        label: "交通运输支出",
        class_code: Some("214"),
    },
    FixedRow {
        key: "215",
        label: "资源勘探工业信息等支出",
        class_code: Some("215"),
    },
    FixedRow {
        key: "216",
        label: "商业服务业等支出",
        class_code: Some("216"),
    },
    FixedRow {
        key: "217",
        label: "金融支出",
        class_code: Some("217"),
    },
    FixedRow {
        key: "219",
        label: "援助其他地区支出",
        class_code: Some("219"),
    },
    FixedRow {
        key: "220",
        label: "自然资源海洋气象等支出",
        class_code: Some("220"),
    },
    FixedRow {
        key: "221",
        label: "住房保障支出",
        class_code: Some("221"),
    },
    FixedRow {
        key: "222",
        label: "粮油物资储备支出",
        class_code: Some("222"),
    },
    FixedRow {
        key: "223",
        label: "国有资本经营预算支出",
        class_code: Some("223"),
    },
    FixedRow {
        key: "224",
        label: "灾害防治及应急管理支出",
        class_code: Some("224"),
    },
    FixedRow {
        key: "227",
        label: "预备费",
        class_code: Some("227"),
    },
    FixedRow {
        key: "229",
        label: "其他支出",
        class_code: Some("229"),
    },
    FixedRow {
        key: "230",
        label: "转移性支出",
        class_code: Some("230"),
    },
    FixedRow {
        key: "231",
        label: "债务还本支出",
        class_code: Some("231"),
    },
    FixedRow {
        key: "232",
        label: "债务付息支出",
        class_code: Some("232"),
    },
    FixedRow {
        key: "233",
        label: "债务发行费用支出",
        class_code: Some("233"),
    },
    FixedRow {
        key: "234",
        label: "抗疫特别国债安排的支出",
        class_code: Some("234"),
    },
    FixedRow {
        key: "expense_total",
        label: "本年支出合计",
        class_code: None,
    },
    FixedRow {
        key: "year_end_carry",
        label: "年终结转",
        class_code: None,
    },
    FixedRow {
        key: "expense_grand",
        label: "支出总计",
        class_code: None,
    },
];

const T1_INCOME_ROWS: &[FixedRow] = &[
    FixedRow {
        key: "general",
        label: "一般公共预算",
        class_code: None,
    },
    FixedRow {
        key: "fund",
        label: "政府性基金预算",
        class_code: None,
    },
    FixedRow {
        key: "capital",
        label: "国有资本经营预算",
        class_code: None,
    },
    FixedRow {
        key: "special",
        label: "财政专户管理资金",
        class_code: None,
    },
    FixedRow {
        key: "own",
        label: "单位资金",
        class_code: None,
    },
    FixedRow {
        key: "income_total",
        label: "本年收入合计",
        class_code: None,
    },
    FixedRow {
        key: "carry",
        label: "上年结转",
        class_code: None,
    },
    FixedRow {
        key: "income_grand",
        label: "收入总计",
        class_code: None,
    },
];

const T4_INCOME_ROWS: &[FixedRow] = &[
    FixedRow {
        key: "general",
        label: "一般公共预算",
        class_code: None,
    },
    FixedRow {
        key: "fund",
        label: "政府性基金预算",
        class_code: None,
    },
    FixedRow {
        key: "capital",
        label: "国有资本经营预算",
        class_code: None,
    },
    FixedRow {
        key: "income_total",
        label: "本年收入合计",
        class_code: None,
    },
    FixedRow {
        key: "carry_total",
        label: "上年财政拨款结转",
        class_code: None,
    },
    FixedRow {
        key: "carry_general",
        label: "一般公共预算",
        class_code: None,
    },
    FixedRow {
        key: "carry_fund",
        label: "政府性基金预算",
        class_code: None,
    },
    FixedRow {
        key: "carry_capital",
        label: "国有资本经营预算",
        class_code: None,
    },
    FixedRow {
        key: "income_grand",
        label: "收入总计",
        class_code: None,
    },
];

const T10_ROWS: &[FixedRow] = &[
    FixedRow {
        key: "travel",
        label: "因公出国(境)费",
        class_code: None,
    },
    FixedRow {
        key: "reception",
        label: "公务接待费",
        class_code: None,
    },
    FixedRow {
        key: "vehicles",
        label: "公务用车购置及运行费",
        class_code: None,
    },
    FixedRow {
        key: "vehicle_purchase",
        label: "公务用车购置费",
        class_code: None,
    },
    FixedRow {
        key: "vehicle_running",
        label: "公务用车运行维护费",
        class_code: None,
    },
    FixedRow {
        key: "sum",
        label: "合计",
        class_code: None,
    },
];

const SOURCES5: &[ColumnDef] = &[
    col("total", "合计"),
    col("general", "一般公共预算"),
    col("fund", "政府性基金"),
    col("capital", "国有资本经营预算"),
    col("special", "财政专户管理资金"),
    col("own", "单位资金"),
];
const SOURCES3: &[ColumnDef] = &[
    col("total", "合计"),
    col("general", "一般公共预算"),
    col("fund", "政府性基金预算"),
    col("capital", "国有资本经营预算"),
];
const BASIC_PROJECT: &[ColumnDef] = &[
    col("total", "合计"),
    col("basic", "基本支出"),
    col("project", "项目支出"),
];

const fn single(
    label_cells: usize,
    columns: &'static [ColumnDef],
    rows: RowScheme,
) -> [SideDef; 1] {
    [SideDef {
        side: Side::Single,
        label_cells,
        columns,
        rows,
    }]
}

const T2_SIDES: [SideDef; 1] = single(
    2,
    &[
        col("total", "合计"),
        col("general", "一般公共预算"),
        col("fund", "政府性基金"),
        col("capital", "国有资本经营预算"),
        col("special", "财政专户管理资金"),
        col("own", "单位资金"),
        col("carry", "上年结转"),
    ],
    RowScheme::Codes,
);
const T3_SIDES: [SideDef; 1] = single(2, BASIC_PROJECT, RowScheme::Codes);
const T6_SIDES: [SideDef; 1] = single(
    2,
    &[
        col("total", "合计"),
        col("personnel", "人员经费"),
        col("public", "公用经费"),
    ],
    RowScheme::Economic,
);
const T7_SIDES: [SideDef; 1] = single(2, &[col("total", "政府性基金收入预算")], RowScheme::Codes);
const T10_SIDES: [SideDef; 1] = single(1, SOURCES3, RowScheme::Fixed(T10_ROWS));
const T11_SIDES: [SideDef; 1] = single(1, SOURCES3, RowScheme::Units);
const T12_SIDES: [SideDef; 1] = single(1, SOURCES5, RowScheme::ProjectTree);
const T13_SIDES: [SideDef; 1] = single(1, SOURCES3, RowScheme::ProjectTree);

const T1_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("income", "2026年")],
        rows: RowScheme::Fixed(T1_INCOME_ROWS),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[
            col("total", "2026年合计"),
            col("current", "当年预算安排"),
            col("carry", "上年结转安排"),
        ],
        rows: RowScheme::Fixed(EXPENSE_ROWS),
    },
];
const T4_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 1,
        columns: &[col("amount", "金额")],
        rows: RowScheme::Fixed(T4_INCOME_ROWS),
    },
    SideDef {
        side: Side::Expense,
        label_cells: 1,
        columns: &[
            col("subtotal", "小计"),
            col("general", "一般公共预算"),
            col("fund", "政府性基金预算"),
            col("capital", "国有资本经营预算"),
        ],
        rows: RowScheme::Fixed(EXPENSE_ROWS),
    },
];
const T9_SIDES: [SideDef; 2] = [
    SideDef {
        side: Side::Income,
        label_cells: 2,
        columns: &[col("income", "国有资本经营收入预算")],
        rows: RowScheme::Codes,
    },
    SideDef {
        side: Side::Expense,
        label_cells: 2,
        columns: BASIC_PROJECT,
        rows: RowScheme::Codes,
    },
];

const fn table(
    id: &'static str,
    title: &'static str,
    optional_suffix: Option<&'static str>,
    sides: &'static [SideDef],
    min_rows: usize,
) -> TableDef {
    TableDef {
        id,
        title,
        optional_suffix,
        sides,
        min_rows,
    }
}

const NO_CARRY: Option<&str> = Some("(不含上年结转)");

const TABLES: &[TableDef] = &[
    table("表一", "预算收支总表", None, &T1_SIDES, 40),
    table("表二", "预算收入总表", None, &T2_SIDES, 1),
    table("表三", "预算支出总表", None, &T3_SIDES, 1),
    table("表四", "财政拨款收支总表", None, &T4_SIDES, 40),
    table("表五", "一般公共预算支出预算表", NO_CARRY, &T3_SIDES, 1),
    table(
        "表六",
        "一般公共预算安排基本支出分经济科目表",
        NO_CARRY,
        &T6_SIDES,
        1,
    ),
    table("表七", "政府性基金预算收入表", NO_CARRY, &T7_SIDES, 1),
    table("表八", "政府性基金预算支出表", NO_CARRY, &T3_SIDES, 1),
    table("表九", "国有资本经营预算收支预算表", NO_CARRY, &T9_SIDES, 1),
    table(
        "表十",
        "财政拨款安排\"三公\"经费支出预算表",
        None,
        &T10_SIDES,
        6,
    ),
    table(
        "表十一",
        "财政拨款安排机关运行经费预算表",
        None,
        &T11_SIDES,
        1,
    ),
    table("表十二", "项目支出预算表(本年预算)", None, &T12_SIDES, 0),
    table("表十三", "项目支出预算表(上年结转)", None, &T13_SIDES, 0),
];

const IDENTITIES: &[Identity] = &[
    // 表一 预算收支总表
    Identity::RowSum {
        table: "表一",
        total: "total",
        parts: &["current", "carry"],
    },
    Identity::FixedSum {
        table: "表一",
        total: "income_total",
        parts: PartRows::Keys(&["general", "fund", "capital", "special", "own"]),
        columns: &["income"],
    },
    Identity::FixedSum {
        table: "表一",
        total: "income_grand",
        parts: PartRows::Keys(&["income_total", "carry"]),
        columns: &["income"],
    },
    Identity::FixedSum {
        table: "表一",
        total: "expense_total",
        parts: PartRows::Classes,
        columns: &["total", "current", "carry"],
    },
    Identity::FixedSum {
        table: "表一",
        total: "expense_grand",
        parts: PartRows::Keys(&["expense_total", "year_end_carry"]),
        columns: &["total", "current", "carry"],
    },
    Identity::CrossTotal {
        left: at("表一", Fixed("income_grand"), "income"),
        right: &[at("表一", Fixed("expense_grand"), "total")],
        note: "表一 收入总计 = 支出总计",
    },
    // 表二 预算收入总表
    Identity::RowSum {
        table: "表二",
        total: "total",
        parts: &["general", "fund", "capital", "special", "own"],
    },
    Identity::CodeHierarchy {
        table: "表二",
        columns: &[
            "total", "general", "fund", "capital", "special", "own", "carry",
        ],
    },
    Identity::CrossTotal {
        left: at("表二", Total, "total"),
        right: &[at("表一", Fixed("income_total"), "income")],
        note: "表二 合计 = 表一 本年收入合计",
    },
    Identity::CrossTotal {
        left: at("表二", Total, "general"),
        right: &[at("表一", Fixed("general"), "income")],
        note: "表二 一般公共预算 = 表一 一般公共预算收入",
    },
    Identity::CrossTotal {
        left: at("表二", Total, "fund"),
        right: &[at("表一", Fixed("fund"), "income")],
        note: "表二 政府性基金 = 表一 政府性基金预算收入",
    },
    Identity::CrossTotal {
        left: at("表二", Total, "capital"),
        right: &[at("表一", Fixed("capital"), "income")],
        note: "表二 国有资本经营预算 = 表一 国有资本经营预算收入",
    },
    Identity::CrossTotal {
        left: at("表二", Total, "special"),
        right: &[at("表一", Fixed("special"), "income")],
        note: "表二 财政专户管理资金 = 表一 财政专户管理资金收入",
    },
    Identity::CrossTotal {
        left: at("表二", Total, "own"),
        right: &[at("表一", Fixed("own"), "income")],
        note: "表二 单位资金 = 表一 单位资金收入",
    },
    Identity::CrossTotal {
        left: at("表二", Total, "carry"),
        right: &[at("表一", Fixed("carry"), "income")],
        note: "表二 上年结转 = 表一 上年结转",
    },
    Identity::ClassMatch {
        left: ClassSource::CodeRows {
            table: "表二",
            columns: &["total", "carry"],
        },
        right_table: "表一",
        right_column: "total",
        relation: Relation::Equal,
        note: "表二 各类 合计 + 上年结转 = 表一 该类 2026年合计",
    },
    // 表三 预算支出总表
    Identity::RowSum {
        table: "表三",
        total: "total",
        parts: &["basic", "project"],
    },
    Identity::CodeHierarchy {
        table: "表三",
        columns: &["total", "basic", "project"],
    },
    Identity::CrossTotal {
        left: at("表三", Total, "total"),
        right: &[at("表一", Fixed("expense_total"), "total")],
        note: "表三 合计 = 表一 本年支出合计",
    },
    Identity::CodeMatch {
        left: ("表三", "total"),
        right: &[("表二", "total"), ("表二", "carry")],
        note: "表三 各科目 合计 = 表二 合计 + 上年结转",
    },
    Identity::CrossTotal {
        left: at("表三", Total, "project"),
        right: &[
            at("表十二", TreeRoot, "total"),
            at("表十三", TreeRoot, "total"),
        ],
        note: "表三 项目支出 = 表十二 合计 + 表十三 合计",
    },
    // 表四 财政拨款收支总表
    Identity::RowSum {
        table: "表四",
        total: "subtotal",
        parts: &["general", "fund", "capital"],
    },
    Identity::FixedSum {
        table: "表四",
        total: "income_total",
        parts: PartRows::Keys(&["general", "fund", "capital"]),
        columns: &["amount"],
    },
    Identity::FixedSum {
        table: "表四",
        total: "carry_total",
        parts: PartRows::Keys(&["carry_general", "carry_fund", "carry_capital"]),
        columns: &["amount"],
    },
    Identity::FixedSum {
        table: "表四",
        total: "income_grand",
        parts: PartRows::Keys(&["income_total", "carry_total"]),
        columns: &["amount"],
    },
    Identity::FixedSum {
        table: "表四",
        total: "expense_total",
        parts: PartRows::Classes,
        columns: &["subtotal", "general", "fund", "capital"],
    },
    Identity::FixedSum {
        table: "表四",
        total: "expense_grand",
        parts: PartRows::Keys(&["expense_total", "year_end_carry"]),
        columns: &["subtotal", "general", "fund", "capital"],
    },
    Identity::CrossTotal {
        left: at("表四", Fixed("income_grand"), "amount"),
        right: &[at("表四", Fixed("expense_grand"), "subtotal")],
        note: "表四 收入总计 = 支出总计",
    },
    Identity::CrossTotal {
        left: at("表四", Fixed("general"), "amount"),
        right: &[at("表一", Fixed("general"), "income")],
        note: "表四 一般公共预算收入 = 表一 一般公共预算收入",
    },
    Identity::CrossTotal {
        left: at("表四", Fixed("fund"), "amount"),
        right: &[at("表一", Fixed("fund"), "income")],
        note: "表四 政府性基金预算收入 = 表一 政府性基金预算收入",
    },
    Identity::CrossTotal {
        left: at("表四", Fixed("capital"), "amount"),
        right: &[at("表一", Fixed("capital"), "income")],
        note: "表四 国有资本经营预算收入 = 表一 国有资本经营预算收入",
    },
    Identity::ClassMatch {
        left: ClassSource::ClassRows {
            table: "表四",
            column: "subtotal",
        },
        right_table: "表一",
        right_column: "total",
        relation: Relation::AtMostEqualWithoutOwnFunds,
        note: "表四 各类支出 ≤ 表一 该类支出（无财政专户和单位资金时相等）",
    },
    // 表五 一般公共预算支出预算表
    Identity::RowSum {
        table: "表五",
        total: "total",
        parts: &["basic", "project"],
    },
    Identity::CodeHierarchy {
        table: "表五",
        columns: &["total", "basic", "project"],
    },
    Identity::CrossTotal {
        left: at("表五", Total, "total"),
        right: &[at("表一", Fixed("general"), "income")],
        note: "表五 合计 = 表一 一般公共预算收入",
    },
    Identity::CodeMatch {
        left: ("表五", "total"),
        right: &[("表二", "general")],
        note: "表五 各科目 合计 = 表二 一般公共预算",
    },
    Identity::CrossTotal {
        left: at("表五", Total, "basic"),
        right: &[at("表六", Total, "total")],
        note: "表五 基本支出 = 表六 合计",
    },
    Identity::CrossTotal {
        left: at("表五", Total, "project"),
        right: &[at("表十二", TreeRoot, "general")],
        note: "表五 项目支出 = 表十二 一般公共预算",
    },
    // 表六 基本支出分经济科目
    Identity::RowSum {
        table: "表六",
        total: "total",
        parts: &["personnel", "public"],
    },
    Identity::GroupSum {
        table: "表六",
        columns: &["total", "personnel", "public"],
    },
    // 表七/八/九
    Identity::CodeHierarchy {
        table: "表七",
        columns: &["total"],
    },
    Identity::EmptyAgrees {
        table: "表七",
        zero: &[
            at("表一", Fixed("fund"), "income"),
            at("表四", Fixed("fund"), "amount"),
        ],
        note: "表七 合计 = 表一、表四 政府性基金预算收入",
    },
    Identity::RowSum {
        table: "表八",
        total: "total",
        parts: &["basic", "project"],
    },
    Identity::CodeHierarchy {
        table: "表八",
        columns: &["total", "basic", "project"],
    },
    Identity::EmptyAgrees {
        table: "表八",
        zero: &[
            at("表一", Fixed("fund"), "income"),
            at("表四", Fixed("fund"), "amount"),
        ],
        note: "表八 合计 = 表一、表四 政府性基金预算（当年）",
    },
    Identity::RowSum {
        table: "表九",
        total: "total",
        parts: &["basic", "project"],
    },
    Identity::EmptyAgrees {
        table: "表九",
        zero: &[
            at("表一", Fixed("capital"), "income"),
            at("表四", Fixed("capital"), "amount"),
        ],
        note: "表九 合计 = 表一、表四 国有资本经营预算（当年）",
    },
    // 表十 三公经费
    Identity::RowSum {
        table: "表十",
        total: "total",
        parts: &["general", "fund", "capital"],
    },
    Identity::FixedSum {
        table: "表十",
        total: "vehicles",
        parts: PartRows::Keys(&["vehicle_purchase", "vehicle_running"]),
        columns: &["total", "general", "fund", "capital"],
    },
    Identity::FixedSum {
        table: "表十",
        total: "sum",
        parts: PartRows::Keys(&["travel", "reception", "vehicles"]),
        columns: &["total", "general", "fund", "capital"],
    },
    // 表十一 机关运行经费
    Identity::RowSum {
        table: "表十一",
        total: "total",
        parts: &["general", "fund", "capital"],
    },
    Identity::UnitSum {
        table: "表十一",
        columns: &["total", "general", "fund", "capital"],
    },
    Identity::AtMost {
        left: at("表十一", Total, "total"),
        right: at("表六", Total, "public"),
        note: "表十一 部门合计 ≤ 表六 公用经费",
    },
    // 表十二/十三 项目支出
    Identity::RowSum {
        table: "表十二",
        total: "total",
        parts: &["general", "fund", "capital", "special", "own"],
    },
    Identity::TreeSum {
        table: "表十二",
        columns: &["total", "general", "fund", "capital", "special", "own"],
    },
    Identity::RowSum {
        table: "表十三",
        total: "total",
        parts: &["general", "fund", "capital"],
    },
    Identity::TreeSum {
        table: "表十三",
        columns: &["total", "general", "fund", "capital"],
    },
    Identity::CrossTotal {
        left: at("表十三", TreeRoot, "total"),
        right: &[at("表一", Fixed("carry"), "income")],
        note: "表十三 合计 = 表一 上年结转",
    },
    Identity::CrossTotal {
        left: at("表十三", TreeRoot, "general"),
        right: &[at("表四", Fixed("carry_general"), "amount")],
        note: "表十三 一般公共预算 = 表四 上年财政拨款结转 一般公共预算",
    },
    Identity::CrossTotal {
        left: at("表十三", TreeRoot, "fund"),
        right: &[at("表四", Fixed("carry_fund"), "amount")],
        note: "表十三 政府性基金预算 = 表四 上年财政拨款结转 政府性基金预算",
    },
    Identity::CrossTotal {
        left: at("表十三", TreeRoot, "capital"),
        right: &[at("表四", Fixed("carry_capital"), "amount")],
        note: "表十三 国有资本经营预算 = 表四 上年财政拨款结转 国有资本经营预算",
    },
];

pub static BUDGET13: Profile = Profile {
    name: "budget13",
    description: "部门/单位预算公开 13张表模板（财政部格式，如山西阳泉）",
    tables: TABLES,
    identities: IDENTITIES,
    economic_groups: &[
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "资本性支出",
        "资本性支出(基本建设)",
        "对企业补助",
        "对企业补助(基本建设)",
        "对社会保障基金补助",
        "债务利息及费用支出",
        "其他支出",
    ],
    unit_suffixes: &[
        "局",
        "中心",
        "委员会",
        "委",
        "办公室",
        "院",
        "所",
        "站",
        "队",
        "馆",
        "处",
        "学校",
        "校",
        "园",
        "部",
        "厅",
        "办",
        "会",
        "社",
        "室",
        "团",
        "台",
        "场",
    ],
};
