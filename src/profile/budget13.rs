//! The 13-table template of the corpus (部门/单位预算公开, 山西阳泉 and the
//! many cities that use the same 财政部 layout), and every identity of
//! DOMAIN.md between its tables — with two that follow from them: 表十's
//! 三公经费 by source at most 表四's 支出总计 from that source (a part of
//! what the source pays for), and 表十一's 机关运行经费 by source at most
//! 表四's 本年收入 from it (基本支出 is paid from this year's money: every
//! 上年结转 is 项目支出).
//!
//! Column keys are shared across tables where the meaning is shared
//! (`general` is always 一般公共预算), which keeps identities readable.

use super::build::*;
use super::types::*;
use crate::model::Side;

use RowSel::{Fixed, Total, TreeRoot};

/// 表一/表四 expenditure side: the thirty classes, then the totals.
const EXPENSE_ROWS: &[FixedRow] = &[
    class("201", "一般公共服务支出"),
    class("202", "外交支出"),
    class("203", "国防支出"),
    class("204", "公共安全支出"),
    class("205", "教育支出"),
    class("206", "科学技术支出"),
    class("207", "文化旅游体育与传媒支出"),
    class("208", "社会保障和就业支出"),
    class("209", "社会保险基金支出"),
    class("210", "卫生健康支出"),
    class("211", "节能环保支出"),
    class("212", "城乡社区支出"),
    class("213", "农林水支出"),
    class("214", "交通运输支出"),
    class("215", "资源勘探工业信息等支出"),
    class("216", "商业服务业等支出"),
    class("217", "金融支出"),
    class("219", "援助其他地区支出"),
    class("220", "自然资源海洋气象等支出"),
    class("221", "住房保障支出"),
    class("222", "粮油物资储备支出"),
    class("223", "国有资本经营预算支出"),
    class("224", "灾害防治及应急管理支出"),
    class("227", "预备费"),
    class("229", "其他支出"),
    class("230", "转移性支出"),
    class("231", "债务还本支出"),
    class("232", "债务付息支出"),
    class("233", "债务发行费用支出"),
    class("234", "抗疫特别国债安排的支出"),
    row("expense_total", "本年支出合计"),
    row("year_end_carry", "年终结转"),
    row("expense_grand", "支出总计"),
];

const T1_INCOME_ROWS: &[FixedRow] = &[
    row("general", "一般公共预算"),
    row("fund", "政府性基金预算"),
    row("capital", "国有资本经营预算"),
    row("special", "财政专户管理资金"),
    row("own", "单位资金"),
    row("income_total", "本年收入合计"),
    row("carry", "上年结转"),
    row("income_grand", "收入总计"),
];

const T4_INCOME_ROWS: &[FixedRow] = &[
    row("general", "一般公共预算"),
    row("fund", "政府性基金预算"),
    row("capital", "国有资本经营预算"),
    row("income_total", "本年收入合计"),
    row("carry_total", "上年财政拨款结转"),
    row("carry_general", "一般公共预算"),
    row("carry_fund", "政府性基金预算"),
    row("carry_capital", "国有资本经营预算"),
    row("income_grand", "收入总计"),
];

const T10_ROWS: &[FixedRow] = &[
    row("travel", "因公出国(境)费"),
    row("reception", "公务接待费"),
    row("vehicles", "公务用车购置及运行费"),
    row("vehicle_purchase", "公务用车购置费"),
    row("vehicle_running", "公务用车运行维护费"),
    row("sum", "合计"),
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
    role: Role,
    title: &'static str,
    optional_suffix: Option<&'static str>,
    sides: &'static [SideDef],
    min_rows: usize,
) -> TableDef {
    TableDef {
        id,
        role,
        unit: "万元",
        title,
        optional_suffix,
        other_titles: &[],
        sides,
        min_rows,
    }
}

const NO_CARRY: Option<&str> = Some("(不含上年结转)");

const TABLES: &[TableDef] = &[
    table("表一", Role::Summary, "预算收支总表", None, &T1_SIDES, 40),
    table("表二", Role::Income, "预算收入总表", None, &T2_SIDES, 1),
    table("表三", Role::Expense, "预算支出总表", None, &T3_SIDES, 1),
    table(
        "表四",
        Role::FiscalSummary,
        "财政拨款收支总表",
        None,
        &T4_SIDES,
        40,
    ),
    table(
        "表五",
        Role::GeneralExpense,
        "一般公共预算支出预算表",
        NO_CARRY,
        &T3_SIDES,
        1,
    ),
    table(
        "表六",
        Role::BasicEconomic,
        "一般公共预算安排基本支出分经济科目表",
        NO_CARRY,
        &T6_SIDES,
        1,
    ),
    table(
        "表七",
        Role::FundIncome,
        "政府性基金预算收入表",
        NO_CARRY,
        &T7_SIDES,
        1,
    ),
    table(
        "表八",
        Role::FundExpense,
        "政府性基金预算支出表",
        NO_CARRY,
        &T3_SIDES,
        1,
    ),
    table(
        "表九",
        Role::CapitalBudget,
        "国有资本经营预算收支预算表",
        NO_CARRY,
        &T9_SIDES,
        1,
    ),
    table(
        "表十",
        Role::ThreePublic,
        "财政拨款安排\"三公\"经费支出预算表",
        None,
        &T10_SIDES,
        6,
    ),
    table(
        "表十一",
        Role::Operating,
        "财政拨款安排机关运行经费预算表",
        None,
        &T11_SIDES,
        1,
    ),
    table(
        "表十二",
        Role::Projects,
        "项目支出预算表(本年预算)",
        None,
        &T12_SIDES,
        0,
    ),
    table(
        "表十三",
        Role::CarriedProjects,
        "项目支出预算表(上年结转)",
        None,
        &T13_SIDES,
        0,
    ),
];

const IDENTITIES: &[Identity] = &[
    // 表一 预算收支总表
    row_sum("表一", "total", &["current", "carry"]),
    fixed_sum(
        "表一",
        "income_total",
        &["general", "fund", "capital", "special", "own"],
        &["income"],
    ),
    fixed_sum(
        "表一",
        "income_grand",
        &["income_total", "carry"],
        &["income"],
    ),
    Identity::FixedSum {
        table: "表一",
        total: "expense_total",
        parts: PartRows::Classes,
        columns: &["total", "current", "carry"],
    },
    fixed_sum(
        "表一",
        "expense_grand",
        &["expense_total", "year_end_carry"],
        &["total", "current", "carry"],
    ),
    Identity::CrossTotal {
        left: at("表一", Fixed("income_grand"), "income"),
        right: &[at("表一", Fixed("expense_grand"), "total")],
        note: "表一 收入总计 = 支出总计",
    },
    cross(
        at("表一", Fixed("income_total"), "income"),
        &[at("表一", Fixed("expense_total"), "current")],
        "表一 本年收入合计 = 本年支出合计 当年预算安排",
    ),
    cross(
        at("表一", Fixed("carry"), "income"),
        &[at("表一", Fixed("expense_total"), "carry")],
        "表一 上年结转 = 本年支出合计 上年结转安排",
    ),
    // 表二 预算收入总表
    row_sum(
        "表二",
        "total",
        &["general", "fund", "capital", "special", "own"],
    ),
    hierarchy(
        "表二",
        &[
            "total", "general", "fund", "capital", "special", "own", "carry",
        ],
    ),
    cross(
        at("表二", Total, "total"),
        &[at("表一", Fixed("income_total"), "income")],
        "表二 合计 = 表一 本年收入合计",
    ),
    cross(
        at("表二", Total, "general"),
        &[at("表一", Fixed("general"), "income")],
        "表二 一般公共预算 = 表一 一般公共预算收入",
    ),
    cross(
        at("表二", Total, "fund"),
        &[at("表一", Fixed("fund"), "income")],
        "表二 政府性基金 = 表一 政府性基金预算收入",
    ),
    cross(
        at("表二", Total, "capital"),
        &[at("表一", Fixed("capital"), "income")],
        "表二 国有资本经营预算 = 表一 国有资本经营预算收入",
    ),
    cross(
        at("表二", Total, "special"),
        &[at("表一", Fixed("special"), "income")],
        "表二 财政专户管理资金 = 表一 财政专户管理资金收入",
    ),
    cross(
        at("表二", Total, "own"),
        &[at("表一", Fixed("own"), "income")],
        "表二 单位资金 = 表一 单位资金收入",
    ),
    cross(
        at("表二", Total, "carry"),
        &[at("表一", Fixed("carry"), "income")],
        "表二 上年结转 = 表一 上年结转",
    ),
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
    row_sum("表三", "total", &["basic", "project"]),
    hierarchy("表三", &["total", "basic", "project"]),
    cross(
        at("表三", Total, "total"),
        &[at("表一", Fixed("expense_total"), "total")],
        "表三 合计 = 表一 本年支出合计",
    ),
    Identity::CodeMatch {
        left: ("表三", "total"),
        right: &[("表二", "total"), ("表二", "carry")],
        at_most: false,
        note: "表三 各科目 合计 = 表二 合计 + 上年结转",
    },
    cross(
        at("表三", Total, "project"),
        &[
            at("表十二", TreeRoot, "total"),
            at("表十三", TreeRoot, "total"),
        ],
        "表三 项目支出 = 表十二 合计 + 表十三 合计",
    ),
    // 表四 财政拨款收支总表
    row_sum("表四", "subtotal", &["general", "fund", "capital"]),
    fixed_sum(
        "表四",
        "income_total",
        &["general", "fund", "capital"],
        &["amount"],
    ),
    fixed_sum(
        "表四",
        "carry_total",
        &["carry_general", "carry_fund", "carry_capital"],
        &["amount"],
    ),
    fixed_sum(
        "表四",
        "income_grand",
        &["income_total", "carry_total"],
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
        &["expense_total", "year_end_carry"],
        &["subtotal", "general", "fund", "capital"],
    ),
    Identity::CrossTotal {
        left: at("表四", Fixed("income_grand"), "amount"),
        right: &[at("表四", Fixed("expense_grand"), "subtotal")],
        note: "表四 收入总计 = 支出总计",
    },
    cross(
        at("表四", Fixed("expense_grand"), "general"),
        &[
            at("表四", Fixed("general"), "amount"),
            at("表四", Fixed("carry_general"), "amount"),
        ],
        "表四 支出总计 一般公共预算 = 一般公共预算收入 + 上年结转",
    ),
    cross(
        at("表四", Fixed("expense_grand"), "fund"),
        &[
            at("表四", Fixed("fund"), "amount"),
            at("表四", Fixed("carry_fund"), "amount"),
        ],
        "表四 支出总计 政府性基金预算 = 政府性基金预算收入 + 上年结转",
    ),
    cross(
        at("表四", Fixed("expense_grand"), "capital"),
        &[
            at("表四", Fixed("capital"), "amount"),
            at("表四", Fixed("carry_capital"), "amount"),
        ],
        "表四 支出总计 国有资本经营预算 = 国有资本经营预算收入 + 上年结转",
    ),
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
    row_sum("表五", "total", &["basic", "project"]),
    hierarchy("表五", &["total", "basic", "project"]),
    cross(
        at("表五", Total, "total"),
        &[at("表一", Fixed("general"), "income")],
        "表五 合计 = 表一 一般公共预算收入",
    ),
    Identity::CodeMatch {
        left: ("表五", "total"),
        right: &[("表二", "general")],
        at_most: false,
        note: "表五 各科目 合计 = 表二 一般公共预算",
    },
    cross(
        at("表五", Total, "basic"),
        &[at("表六", Total, "total")],
        "表五 基本支出 = 表六 合计",
    ),
    cross(
        at("表五", Total, "project"),
        &[at("表十二", TreeRoot, "general")],
        "表五 项目支出 = 表十二 一般公共预算",
    ),
    // 表六 基本支出分经济科目
    row_sum("表六", "total", &["personnel", "public"]),
    Identity::GroupSum {
        table: "表六",
        columns: &["total", "personnel", "public"],
    },
    // 表七/八/九
    hierarchy("表七", &["total"]),
    Identity::EmptyAgrees {
        table: "表七",
        zero: &[
            at("表一", Fixed("fund"), "income"),
            at("表四", Fixed("fund"), "amount"),
        ],
        note: "表七 合计 = 表一、表四 政府性基金预算收入",
    },
    row_sum("表八", "total", &["basic", "project"]),
    hierarchy("表八", &["total", "basic", "project"]),
    Identity::EmptyAgrees {
        table: "表八",
        zero: &[
            at("表一", Fixed("fund"), "income"),
            at("表四", Fixed("fund"), "amount"),
        ],
        note: "表八 合计 = 表一、表四 政府性基金预算（当年）",
    },
    row_sum("表九", "total", &["basic", "project"]),
    Identity::EmptyAgrees {
        table: "表九",
        zero: &[
            at("表一", Fixed("capital"), "income"),
            at("表四", Fixed("capital"), "amount"),
        ],
        note: "表九 合计 = 表一、表四 国有资本经营预算（当年）",
    },
    // 表十 三公经费
    row_sum("表十", "total", &["general", "fund", "capital"]),
    fixed_sum(
        "表十",
        "vehicles",
        &["vehicle_purchase", "vehicle_running"],
        &["total", "general", "fund", "capital"],
    ),
    fixed_sum(
        "表十",
        "sum",
        &["travel", "reception", "vehicles"],
        &["total", "general", "fund", "capital"],
    ),
    // Each source's 三公经费 is part of what 财政拨款 from that source pays
    // for (表四 支出总计 by source).
    at_most(
        at("表十", Fixed("sum"), "general"),
        at("表四", Fixed("expense_grand"), "general"),
        "表十 合计 一般公共预算 ≤ 表四 支出总计 一般公共预算",
    ),
    at_most(
        at("表十", Fixed("sum"), "fund"),
        at("表四", Fixed("expense_grand"), "fund"),
        "表十 合计 政府性基金预算 ≤ 表四 支出总计 政府性基金预算",
    ),
    at_most(
        at("表十", Fixed("sum"), "capital"),
        at("表四", Fixed("expense_grand"), "capital"),
        "表十 合计 国有资本经营预算 ≤ 表四 支出总计 国有资本经营预算",
    ),
    // 表十一 机关运行经费
    row_sum("表十一", "total", &["general", "fund", "capital"]),
    Identity::UnitSum {
        table: "表十一",
        columns: &["total", "general", "fund", "capital"],
    },
    Identity::AtMost {
        left: at("表十一", Total, "total"),
        right: at("表六", Total, "public"),
        note: "表十一 部门合计 ≤ 表六 公用经费",
        when_below: "如部门含非参公事业单位属正常",
    },
    // 机关运行经费 is 基本支出 (its 公用经费), and 基本支出 is paid from
    // this year's money only: every 上年结转 is 项目支出 (表三 项目支出 =
    // 表十二 + 表十三). So each source's 机关运行经费 is at most what 表四
    // takes in from that source this year: a source with no 本年收入 (its
    // money all carried over) pays none.
    at_most(
        at("表十一", Total, "general"),
        at("表四", Fixed("general"), "amount"),
        "表十一 部门合计 一般公共预算 ≤ 表四 本年收入 一般公共预算",
    ),
    at_most(
        at("表十一", Total, "fund"),
        at("表四", Fixed("fund"), "amount"),
        "表十一 部门合计 政府性基金预算 ≤ 表四 本年收入 政府性基金预算",
    ),
    at_most(
        at("表十一", Total, "capital"),
        at("表四", Fixed("capital"), "amount"),
        "表十一 部门合计 国有资本经营预算 ≤ 表四 本年收入 国有资本经营预算",
    ),
    // 表十二/十三 项目支出
    row_sum(
        "表十二",
        "total",
        &["general", "fund", "capital", "special", "own"],
    ),
    Identity::TreeSum {
        table: "表十二",
        columns: &["total", "general", "fund", "capital", "special", "own"],
    },
    row_sum("表十三", "total", &["general", "fund", "capital"]),
    Identity::TreeSum {
        table: "表十三",
        columns: &["total", "general", "fund", "capital"],
    },
    cross(
        at("表十三", TreeRoot, "total"),
        &[at("表一", Fixed("carry"), "income")],
        "表十三 合计 = 表一 上年结转",
    ),
    cross(
        at("表十三", TreeRoot, "general"),
        &[at("表四", Fixed("carry_general"), "amount")],
        "表十三 一般公共预算 = 表四 上年财政拨款结转 一般公共预算",
    ),
    cross(
        at("表十三", TreeRoot, "fund"),
        &[at("表四", Fixed("carry_fund"), "amount")],
        "表十三 政府性基金预算 = 表四 上年财政拨款结转 政府性基金预算",
    ),
    cross(
        at("表十三", TreeRoot, "capital"),
        &[at("表四", Fixed("carry_capital"), "amount")],
        "表十三 国有资本经营预算 = 表四 上年财政拨款结转 国有资本经营预算",
    ),
];

pub static BUDGET13: Profile = Profile {
    name: "budget13",
    description: "部门/单位预算公开 13张表模板（财政部格式，如山西阳泉）",
    title_prefixes: &[""],
    tables: TABLES,
    parts: &[Role::Narrative, Role::Prose, Role::PerformanceForms],
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
    last_label_cells: &[],
    final_accounts: false,
    cells: CellPlacement::Position,
    narrative: NarrativeStyle::NUMBERED,
    prose: None,
    verified_readings: &[Reading::Layout, Reading::Spaced, Reading::Raw, Reading::Pdf],
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
