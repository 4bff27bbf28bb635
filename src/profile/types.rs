//! The vocabulary a profile is written in.

use crate::model::{Side, TableId};

/// One template: its tables and the identities between them.
#[derive(Debug)]
pub struct Profile {
    pub name: &'static str,
    pub description: &'static str,
    /// Words a title may open with after its year ("部门", "预算单位"):
    /// the 部门 and 单位 versions of one template differ only there.
    pub title_prefixes: &'static [&'static str],
    pub tables: &'static [TableDef],
    /// Parts other than tables this template has and this build reads
    /// ([`Role::Narrative`], [`Role::PerformanceForms`]).
    pub parts: &'static [Role],
    pub identities: &'static [Identity],
    /// 表六 group rows (部门预算支出经济科目 类), written folded like
    /// [`FixedRow::label`].
    pub economic_groups: &'static [&'static str],
    /// The values the last cell of a row's name takes in a table that
    /// prints the name in several cells side by side (Jiangsu 政府采购:
    /// its 采购组织形式, or a block row's 经济科目): single-spaced text
    /// interleaves the pieces of such cells where they wrap, and the pieces
    /// spelling one of these tell them apart (`rebuild::wrapped_name`).
    /// Empty where the template has no such table.
    pub last_label_cells: &'static [&'static str],
    /// Words that end a unit's name in a project tree (局, 中心 …).
    pub unit_suffixes: &'static [&'static str],
    /// A 决算 (final accounts) template rather than a 预算 one.
    pub final_accounts: bool,
    /// The readings besides one row a line (TAB text, markdown, HTML, Word,
    /// Excel) whose tables this build reads right for this template: each
    /// is listed only once tests show its tables equal the TAB original's
    /// on real documents of the template. A document read otherwise is not
    /// checked at all (S107 says why): a table misread is a false error.
    pub verified_readings: &'static [Reading],
    /// Where a row's cells are found: by position (one cell per column, as
    /// Word and Excel give them), or by what they hold (PDF extractions of
    /// merged cells leave runs of empty cells between them).
    pub cells: CellPlacement,
    /// How the template's 情况说明 is cut and worded (its last section,
    /// numbered items as prose, percentage habits) and, for a 情况说明 cut
    /// by section title (Jiangsu), which table each section restates:
    /// every template has one, the 13-table [`NarrativeStyle::NUMBERED`]
    /// at the least.
    pub narrative: NarrativeStyle,
    /// The template's prose printed in parts of its own rather than as one
    /// 第三部分 (Shanghai's 预算编制说明 and 其他相关情况说明): the parts,
    /// the statements that restate cells, the sums, the list of 科目. None
    /// where the prose is one 第三部分, read with [`Profile::narrative`].
    pub prose: Option<&'static ProseDef>,
}

/// How the cells of a table line are matched with the profile's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellPlacement {
    /// The n-th cell is the n-th column (label cells, then amounts).
    Position,
    /// Empty cells carry no meaning: a side's labels are its text cells
    /// and its amounts its figures, in order. Each filled cell belongs to
    /// the side whose first label is at or left of it (sides are told by
    /// their fixed rows' labels). A side with fewer figures than columns
    /// reads them only when it has one column, or, a row of figures alone
    /// (the 三公 table's one row), when the header above names every
    /// column in a cell at the position of its figures (a PDF's grid);
    /// otherwise they are unreadable. A line of figures alone completes
    /// the neighbouring row that printed none (a cell's text centred on a
    /// wrapped label).
    Content,
}

/// A way of reading tables that rebuilds their rows from something other
/// than one row a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Columns aligned by spaces (`pdftotext -layout`).
    Layout,
    /// One cell a line (`pdftotext`, text copied from a PDF viewer).
    Raw,
    /// One row a line, single spaces, empty cells gone (pdfplumber).
    Spaced,
    /// A PDF's positioned text, rebuilt by geometry.
    Pdf,
    /// Text in the order a PDF draws it (copied out of a PDF viewer) whose
    /// tables come before their titles: each title would name the next
    /// table's rows (`rebuild::titles_after_tables`).
    #[cfg(feature = "rebuild")]
    TitlesAfterTables,
    /// The same text, each title put back over its table where every
    /// table's start is certain (`rebuild::put_titles_over_tables`).
    #[cfg(feature = "rebuild")]
    TitlesPutBack,
}

impl Reading {
    pub fn label(self) -> &'static str {
        match self {
            Reading::Layout => "按空格对齐的版式文本（如 pdftotext -layout）",
            Reading::Raw => "每格一行的文本（如从 PDF 阅读器复制、pdftotext）",
            Reading::Spaced => "单空格分隔、空格子消失的文本（如 pdfplumber）",
            Reading::Pdf => "PDF 文件",
            #[cfg(feature = "rebuild")]
            Reading::TitlesAfterTables => {
                "按 PDF 绘制顺序复制的文本（如从浏览器的 PDF 阅读器复制），表格标题印在表格之后"
            }
            #[cfg(feature = "rebuild")]
            Reading::TitlesPutBack => {
                "按 PDF 绘制顺序复制的文本（如从浏览器的 PDF 阅读器复制），表格标题印在表格之后，已按各表的表头行放回表格之上"
            }
        }
    }
}

impl Profile {
    pub fn table(&self, id: &str) -> Option<&'static TableDef> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// Whether a project tree's row named `name` (folded) ends as a unit's
    /// name does ([`Profile::unit_suffixes`]: 局, 中心 …, a trailing
    /// parenthesis ignored): "阳泉市国库集中支付中心" does, and so does
    /// "…预算评审中心(…中心)", but not "评审中心工作运行费", whose
    /// suffix is none of them.
    pub fn names_a_unit(&self, name: &str) -> bool {
        let mut core = name;
        while let Some(stripped) = core.strip_suffix(')') {
            match stripped.rfind('(') {
                Some(open) => core = &stripped[..open],
                None => break,
            }
        }
        self.unit_suffixes.iter().any(|s| core.ends_with(s)) && core.chars().count() >= 3
    }

    /// The table that plays `role` in this template.
    pub fn table_for(&self, role: Role) -> Option<&'static TableDef> {
        self.tables.iter().find(|t| t.role == role)
    }

    /// Whether this template has `role`, as a table or as another part.
    pub fn has(&self, role: Role) -> bool {
        self.table_for(role).is_some() || self.parts.contains(&role)
    }
}

/// What a table (or another part) is for, whatever a template calls it:
/// rules ask for a role and print the document's own name for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 收支总表 (13-table 表一, Shanghai 1).
    Summary,
    /// 收入总表.
    Income,
    /// 支出总表.
    Expense,
    /// 财政拨款收支总表.
    FiscalSummary,
    /// 一般公共预算支出 by function.
    GeneralExpense,
    /// 一般公共预算基本支出 by economic class.
    BasicEconomic,
    /// 政府性基金预算收入.
    FundIncome,
    /// 政府性基金预算支出.
    FundExpense,
    /// 国有资本经营预算.
    CapitalBudget,
    /// “三公”经费.
    ThreePublic,
    /// 机关运行经费.
    Operating,
    /// 项目支出 of the year.
    Projects,
    /// 项目支出 carried over from last year.
    CarriedProjects,
    /// The 情况说明 in the 13-table template's wording (第三部分 一…十一).
    Narrative,
    /// 项目支出/整体 绩效目标表 in the 13-table template's layout, and
    /// Shanghai's 财政项目支出绩效目标填报表 (项目资金总额 and 年度资金申请总额
    /// in the places of 实施期 and 年度资金总额).
    PerformanceForms,
    /// 财政拨款支出 by function (all three budgets together; Jiangsu 05).
    FiscalExpense,
    /// 财政拨款基本支出 by economic class (Jiangsu 06).
    FiscalBasicEconomic,
    /// 政府采购预算 (Jiangsu 12).
    Procurement,
    /// The 情况说明 in any template's wording, read as prose (sections,
    /// sentences, the facts they state): the rules on its own arithmetic
    /// (changes, N114; share sets, N150) read it, and those the profile's
    /// data drive — by section title ([`NarrativeStyle::sections`], N151)
    /// or by part and statement ([`ProseDef`], N118–N120). The 13-table
    /// rules that find sections by number need [`Role::Narrative`] too.
    Prose,
}

/// How a template's 情况说明 is cut and worded, which every reader of it
/// follows; and, where its sections are found by title rather than by
/// number (Jiangsu), which table each restates and with which figures.
/// (What a template's prose printed in parts of its own says is
/// [`ProseDef`]: see ARCHITECTURE.md on the two.)
#[derive(Debug)]
pub struct NarrativeStyle {
    /// Its last section number (十二 in the 13-table template, 十四 in
    /// Jiangsu's): a larger "十五、…" is an enumerated paragraph.
    pub last_section: u32,
    /// The sections that restate a table, by words of their title, most
    /// specific first: a section is the first whose words its title has.
    pub sections: &'static [(&'static [&'static str], Role)],
    /// The template's percentage habits: rates and shares printed to the
    /// precision they show ("19.1%" is 19.1 ± 0.05), often truncated
    /// rather than rounded (36.586% as 36.58%: a warning), a sentence's
    /// shares forced to add to 100 (one share off: an info), rather than
    /// errors.
    pub percent_habits: bool,
    /// Numbered items ("1．检察（款）行政运行（项）支出12,268.62万元，…")
    /// are prose, not sub-headings, and a sentence's change may follow it
    /// in the next ("…16,593.12万元。主要用于…。与上年相比增加134.37万元"):
    /// such a sentence is read with the one that states the amount.
    pub items_are_prose: bool,
    /// Whether a change said right after a part of a "其中" list is the
    /// part's ("其中：财政拨款收入X万元，比2024年预算增加Y万元", Shanghai),
    /// where the 13-table wording gives it to the total ("…上年结转B，比上年
    /// 增加C").
    pub change_after_part_is_the_parts: bool,
    /// The amounts a section restates, by words of their label: the first
    /// whose section and words fit a statement is the table figure it must
    /// equal (N151).
    pub figures: &'static [RestatedFigure],
}

/// "基本支出预算数为15,844.04万元" in 一 收支预算总体情况 is 01's 基本支出.
#[derive(Debug)]
pub struct RestatedFigure {
    /// The section, by the role [`NarrativeStyle::sections`] gives it.
    pub section: Role,
    /// Words the statement's label holds (folded).
    pub words: &'static [&'static str],
    /// Words that rule the statement out ("较", "原因").
    pub not: &'static [&'static str],
    pub table: Role,
    pub row: RowSel,
    pub column: &'static str,
}

impl NarrativeStyle {
    /// The 13-table wording: twelve numbered sections read by number.
    pub const NUMBERED: NarrativeStyle = NarrativeStyle {
        last_section: 12,
        sections: &[],
        percent_habits: false,
        items_are_prose: false,
        change_after_part_is_the_parts: false,
        figures: &[],
    };

    /// The role of the table a section titled `title` restates.
    pub fn role_of(&self, title: &str) -> Option<Role> {
        let key = crate::text::fold_key(title);
        self.sections
            .iter()
            .find(|(words, _)| words.iter().all(|w| key.contains(w)))
            .map(|(_, r)| *r)
    }
}

impl Role {
    /// How a reviewer names the role when a template lacks it.
    pub fn label(self) -> &'static str {
        match self {
            Role::Summary => "收支总表",
            Role::Income => "收入总表",
            Role::Expense => "支出总表",
            Role::FiscalSummary => "财政拨款收支总表",
            Role::GeneralExpense => "一般公共预算支出表",
            Role::BasicEconomic => "基本支出经济分类表",
            Role::FundIncome => "政府性基金预算收入表",
            Role::FundExpense => "政府性基金预算支出表",
            Role::CapitalBudget => "国有资本经营预算表",
            Role::ThreePublic => "“三公”经费表",
            Role::Operating => "机关运行经费表",
            Role::Projects => "项目支出表",
            Role::CarriedProjects => "上年结转项目支出表",
            Role::Narrative => "按13张表格式编写的情况说明",
            Role::PerformanceForms => "绩效目标表",
            Role::FiscalExpense => "财政拨款支出表（功能科目）",
            Role::FiscalBasicEconomic => "财政拨款基本支出表（经济科目）",
            Role::Procurement => "政府采购预算表",
            Role::Prose => "可核对的情况说明",
        }
    }
}

#[derive(Debug)]
pub struct TableDef {
    /// How the template numbers the table ("表一", "表1"): the name
    /// findings print.
    pub id: TableId,
    /// What the table is for; rules find it by this.
    pub role: Role,
    /// Money unit of its figures ("万元", "元"); a printed "单位：" line
    /// overrides it. Figures of tables in different units are converted
    /// before they are compared.
    pub unit: &'static str,
    /// Title without label, year or the optional suffix, e.g. "预算收支总表".
    pub title: &'static str,
    /// A suffix some printings add or drop, e.g. "(不含上年结转)".
    pub optional_suffix: Option<&'static str>,
    /// Other titles the template has printed the table under (years and
    /// departments word it differently), read like `title`.
    pub other_titles: &'static [&'static str],
    pub sides: &'static [SideDef],
    /// Fewer data rows than this means the table was cut short.
    pub min_rows: usize,
}

impl TableDef {
    pub fn columns(&self) -> impl Iterator<Item = (&'static SideDef, &'static ColumnDef)> {
        self.sides
            .iter()
            .flat_map(|s| s.columns.iter().map(move |c| (s, c)))
    }

    /// The label of the fixed row `key` ("本年收入合计" for "income_total").
    pub fn fixed_label(&self, key: &str) -> Option<&'static str> {
        self.sides.iter().find_map(|s| match &s.rows {
            RowScheme::Fixed(rows) => rows.iter().find(|f| f.key == key).map(|f| f.label),
            _ => None,
        })
    }
}

/// One side of a table: how many label cells precede the amounts, which
/// amount columns follow, and how its rows are recognised.
#[derive(Debug)]
pub struct SideDef {
    pub side: Side,
    /// Label cells before the amounts (科目编码 + 科目名称 = 2; 类 款 项
    /// 名称 = 4 where the code is split).
    pub label_cells: usize,
    pub columns: &'static [ColumnDef],
    pub rows: RowScheme,
}

#[derive(Debug)]
pub struct ColumnDef {
    pub key: &'static str,
    pub name: &'static str,
}

#[derive(Debug)]
pub enum RowScheme {
    /// 科目编码 rows (3/5/7 digits) under a 合计 row.
    Codes,
    /// 科目编码 split into 类, 款 (and 项) cells ("208 | 05 | 01"), read
    /// as the code "2080501"; the last label cell is the name. Economic
    /// codes (类 款: "301 | 01") are read the same way.
    SplitCodes,
    /// One data row without a label (Shanghai 三公: the figures under a
    /// header several lines deep).
    Values,
    /// Rows named in order; a label may repeat (表四's carry-over lines).
    Fixed(&'static [FixedRow]),
    /// 表六: groups and their items, under 合计.
    Economic,
    /// 表十一: 部门合计 then one row per unit.
    Units,
    /// 表十二/十三: department, units, projects, found by order and arithmetic.
    ProjectTree,
}

#[derive(Debug)]
pub struct FixedRow {
    pub key: &'static str,
    /// The label as printed, without its ordinal ("一、", "①"), written
    /// as `text::fold_key` folds it (ASCII brackets, no spaces): the parser
    /// compares it with folded cells as it stands.
    pub label: &'static str,
    /// For expenditure classes: the 类 科目编码 the row stands for.
    pub class_code: Option<&'static str>,
    /// The template prints the row only when it has figures (Shanghai
    /// prints the funded classes only), or it is another name of a row.
    pub optional: bool,
}

/// A cell (or a set of cells) an identity refers to.
#[derive(Debug, Clone, Copy)]
pub struct CellRef {
    pub table: TableId,
    pub row: RowSel,
    pub column: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowSel {
    /// The 合计 / 部门合计 row.
    Total,
    /// A fixed row by key.
    Fixed(&'static str),
    /// The department row of a project tree (its grand total).
    TreeRoot,
    /// The row of a 科目编码 (absent: no budget, zero).
    Code(&'static str),
}

/// An identity that must hold. Each variant is evaluated by one rule.
#[derive(Debug)]
pub enum Identity {
    /// In every data row of `table` (on the side of `total`): total = Σ parts.
    RowSum {
        table: TableId,
        total: &'static str,
        parts: &'static [&'static str],
    },
    /// 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, in each column listed.
    CodeHierarchy {
        table: TableId,
        columns: &'static [&'static str],
    },
    /// 表六: group = Σ its items; 合计 = Σ groups.
    GroupSum {
        table: TableId,
        columns: &'static [&'static str],
    },
    /// 表十二/十三: unit = Σ its projects; department = Σ units.
    TreeSum {
        table: TableId,
        columns: &'static [&'static str],
    },
    /// Fixed rows: total row = Σ part rows, in each column listed.
    FixedSum {
        table: TableId,
        total: &'static str,
        parts: PartRows,
        columns: &'static [&'static str],
    },
    /// 表十一: 部门合计 = Σ unit rows.
    UnitSum {
        table: TableId,
        columns: &'static [&'static str],
    },
    /// One figure equals the sum of others (often in other tables).
    CrossTotal {
        left: CellRef,
        right: &'static [CellRef],
        note: &'static str,
    },
    /// Code by code: left column = Σ right columns (≤ when `at_most`), for
    /// every code in either table.
    CodeMatch {
        left: (TableId, &'static str),
        right: &'static [(TableId, &'static str)],
        /// The left is a part of the right: 一般公共预算 spending by
        /// function against all spending (Shanghai 表5 ≤ 表3).
        at_most: bool,
        note: &'static str,
    },
    /// Per expenditure class: figures of `left` against the class rows of
    /// a two-sided table.
    ClassMatch {
        left: ClassSource,
        right_table: TableId,
        right_column: &'static str,
        relation: Relation,
        note: &'static str,
    },
    /// left ≤ right.
    AtMost {
        left: CellRef,
        right: CellRef,
        note: &'static str,
        /// Said (as info) when left is below right; nothing is said when
        /// it is empty (below is as usual as equal).
        when_below: &'static str,
    },
    /// Rows nested by how they are labelled, with no codes or fixed labels
    /// to nest by (Jiangsu 12 政府采购: 合计, then 一、货物A …, each over
    /// its (专项, 经济科目) blocks, each over its items "台式计算机 政府集中
    /// 采购"). A row after the total has the level of the first of `levels`
    /// its label fits, else that of [`Level::Rest`]; in each column listed
    /// the total = Σ the first level's rows, and a row = Σ the rows one
    /// level deeper after it, up to the next row of its level or above. A
    /// figure changed or rows cut off then break a sum.
    Outline {
        table: TableId,
        columns: &'static [&'static str],
        levels: &'static [Level],
    },
    /// A table printed as empty must agree with zero amounts elsewhere.
    EmptyAgrees {
        table: TableId,
        zero: &'static [CellRef],
        note: &'static str,
    },
}

/// Which variant an [`Identity`] is: each is evaluated by one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    RowSum,
    CodeHierarchy,
    GroupSum,
    TreeSum,
    FixedSum,
    UnitSum,
    CrossTotal,
    CodeMatch,
    ClassMatch,
    AtMost,
    Outline,
    EmptyAgrees,
}

impl Identity {
    pub fn kind(&self) -> IdentityKind {
        match self {
            Identity::RowSum { .. } => IdentityKind::RowSum,
            Identity::CodeHierarchy { .. } => IdentityKind::CodeHierarchy,
            Identity::GroupSum { .. } => IdentityKind::GroupSum,
            Identity::TreeSum { .. } => IdentityKind::TreeSum,
            Identity::FixedSum { .. } => IdentityKind::FixedSum,
            Identity::UnitSum { .. } => IdentityKind::UnitSum,
            Identity::CrossTotal { .. } => IdentityKind::CrossTotal,
            Identity::CodeMatch { .. } => IdentityKind::CodeMatch,
            Identity::ClassMatch { .. } => IdentityKind::ClassMatch,
            Identity::AtMost { .. } => IdentityKind::AtMost,
            Identity::Outline { .. } => IdentityKind::Outline,
            Identity::EmptyAgrees { .. } => IdentityKind::EmptyAgrees,
        }
    }
}

/// Where per-class figures come from.
#[derive(Debug, Clone, Copy)]
pub enum ClassSource {
    /// The 类 (3-digit) rows of a code table, Σ of the columns listed.
    CodeRows {
        table: TableId,
        columns: &'static [&'static str],
    },
    /// The class rows of a two-sided table.
    ClassRows {
        table: TableId,
        column: &'static str,
    },
}

#[derive(Debug, Clone, Copy)]
pub enum PartRows {
    Keys(&'static [&'static str]),
    /// Every fixed row that stands for an expenditure class.
    Classes,
    /// Every class row of another side of the table, in that side's
    /// `column`: Jiangsu's 当年支出小计, printed under 支出用途, is also the
    /// sum of the 功能分类 classes beside it.
    ClassesBeside {
        side: Side,
        column: &'static str,
    },
}

/// How the rows of one level of an [`Identity::Outline`] are labelled.
#[derive(Debug)]
pub enum Level {
    /// The label opens with an ordinal ("一、货物A").
    Numbered,
    /// The label (folded) holds one of these words ("政府集中采购").
    Holds(&'static [&'static str]),
    /// Every row no other level claims.
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equal,
    /// ≤ in general; equal when the document has no 财政专户/单位资金.
    AtMostEqualWithoutOwnFunds,
}

/// A template's prose printed in parts of its own (Shanghai) as data: the
/// parts, which of their sentences restate which table cells, which of
/// their figures add up, and the list of 科目 it may give. Rules read the
/// facts through it, so a template's wording is a profile's business, not
/// a rule's. (How any 情况说明 is cut and worded is [`NarrativeStyle`].)
#[derive(Debug)]
pub struct ProseDef {
    /// The parts of prose read, each opened by its heading.
    pub parts: &'static [ProsePart],
    /// Headings of the template's other parts ("项目经费情况说明"): a part
    /// of prose ends at one of them, at a table's title or at a table.
    pub other_headings: &'static [&'static str],
    /// Statements and the table cells they restate.
    pub facts: &'static [ProseFact],
    /// Totals of the prose and the parts that add up to them.
    pub sums: &'static [ProseSum],
    /// The list of 项 the prose gives, one sentence each.
    pub items: Option<ItemListDef>,
}

/// A part of prose: "部门预算编制说明", "其他相关情况说明".
#[derive(Debug)]
pub struct ProsePart {
    /// Stable key facts name the part by.
    pub key: &'static str,
    /// A heading line ends with these words ("预算编制说明"); it may be
    /// preceded by a year, "部门"/"单位" or a number ("四、").
    pub heading: &'static str,
    /// Whether the part is cut into numbered sections (一、…).
    pub numbered: bool,
}

/// "…收入预算18,976.76万元": a statement of a part (and of a section whose
/// title holds `section`, when given) whose label holds every word of
/// `words` and none of `but_not`, and the cell it restates.
#[derive(Debug)]
pub struct ProseFact {
    /// Stable key sums name the fact by.
    pub key: &'static str,
    pub part: &'static str,
    /// Words the section's title holds ("三公"); "" for any section.
    pub section: &'static str,
    pub words: &'static [&'static str],
    pub but_not: &'static [&'static str],
    /// Whether the statement is a total or a part of a "其中" list.
    pub position: Position,
    /// The phrase that says the figure is nil ("无机关运行经费"), if any.
    pub nil: Option<&'static str>,
    pub cell: CellRef,
    pub relation: ProseRelation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Any,
    /// Not a part of a "其中" list.
    Head,
    /// A part of a "其中" list.
    Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProseRelation {
    /// The prose restates the cell: a difference is an error.
    Equal,
    /// The prose's figure is a part of the cell (绩效目标 项目 of 项目支出):
    /// more than it is a warning.
    AtMost,
}

/// Facts (by key) that add up: the amounts, and the changes "比上年增加/
/// 减少/持平" said of them (持平 = 0), each checked once all are printed.
#[derive(Debug)]
pub struct ProseSum {
    pub total: &'static str,
    pub parts: &'static [&'static str],
}

/// "1. “一般公共服务支出（类）统计信息事务（款）统计管理（项）”科目43.83万元":
/// the 项 rows of `table` named by 类, 款 and 项, each with its amount.
#[derive(Debug)]
pub struct ItemListDef {
    pub part: &'static str,
    pub table: TableId,
    pub column: &'static str,
}
