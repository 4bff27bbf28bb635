//! The vocabulary a profile is written in.

use crate::model::{Side, TableId};

/// One template: its tables and the identities between them.
#[derive(Debug)]
pub struct Profile {
    pub name: &'static str,
    pub description: &'static str,
    pub tables: &'static [TableDef],
    pub identities: &'static [Identity],
    /// 表六 group rows (部门预算支出经济科目 类), written folded like
    /// [`FixedRow::label`].
    pub economic_groups: &'static [&'static str],
    /// Words that end a unit's name in a project tree (局, 中心 …).
    pub unit_suffixes: &'static [&'static str],
}

impl Profile {
    pub fn table(&self, id: &str) -> Option<&'static TableDef> {
        self.tables.iter().find(|t| t.id == id)
    }
}

#[derive(Debug)]
pub struct TableDef {
    pub id: TableId,
    /// Title without label, year or the optional suffix, e.g. "预算收支总表".
    pub title: &'static str,
    /// A suffix some printings add or drop, e.g. "(不含上年结转)".
    pub optional_suffix: Option<&'static str>,
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
}

/// One side of a table: how many label cells precede the amounts, which
/// amount columns follow, and how its rows are recognised.
#[derive(Debug)]
pub struct SideDef {
    pub side: Side,
    /// Label cells before the amounts (科目编码 + 科目名称 = 2).
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
    /// Code by code: left column = Σ right columns, for every code in either table.
    CodeMatch {
        left: (TableId, &'static str),
        right: &'static [(TableId, &'static str)],
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
    },
    /// A table printed as empty must agree with zero amounts elsewhere.
    EmptyAgrees {
        table: TableId,
        zero: &'static [CellRef],
        note: &'static str,
    },
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equal,
    /// ≤ in general; equal when the document has no 财政专户/单位资金.
    AtMostEqualWithoutOwnFunds,
}
