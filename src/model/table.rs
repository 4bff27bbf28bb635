//! A rebuilt table: its columns (from the template profile) and its rows,
//! each row carrying its kind, code, name, cells and original line number.

use serde::Serialize;

use super::Cell;
use crate::prelude::*;

/// The table's name as reviewers say it: "表一" … "表十三".
pub type TableId = &'static str;

/// Which side of a two-sided table (表一, 表四) a row or column is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Single,
    Income,
    Expense,
    /// The left of two blocks side by side (决算 六: 人员经费).
    Left,
    /// The right of two blocks side by side (决算 六: 公用经费).
    Right,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Column {
    /// Stable key from the profile ("total", "basic", "project", …).
    pub key: &'static str,
    /// The header as printed in this template ("合计", "基本支出").
    pub name: &'static str,
    pub side: Side,
}

/// What a row is, found from its code, its label or its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowKind {
    /// The 合计 row of a code table, 部门合计, the 合计 of 表六/表十.
    Total,
    /// 科目编码 of 3 digits.
    Class,
    /// 5 digits.
    Subclass,
    /// 7 digits.
    Item,
    /// A fixed row of the profile (表一 "本年收入合计", 表十 "公务接待费"),
    /// named by its stable key.
    Fixed {
        key: &'static str,
    },
    /// 表六: a group (工资福利支出) and its items.
    Group,
    EconomicItem,
    /// 表十一: one unit's line.
    Unit,
    /// 表十二/十三: the tree found by order and arithmetic.
    TreeDepartment,
    TreeUnit,
    TreeProject,
    /// A data row the profile could not place.
    Other,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Row {
    /// 1-based line number in the original text.
    pub line: usize,
    /// 1-based position among the table's data rows ("第5行").
    pub index: usize,
    #[serde(flatten)]
    pub kind: RowKind,
    pub side: Side,
    pub code: Option<String>,
    /// The code cells as printed, when the code was completed from the
    /// enclosing rows (FL24 prints 类 "7" for 210: "7 11 02").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_code: Option<String>,
    pub name: String,
    /// A second label column where the table has one (表六 政府预算支出经济科目名称).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secondary: Option<String>,
    /// One cell per column of the row's side, in the table's column order
    /// restricted to that side.
    pub cells: Vec<Cell>,
}

/// The 科目编码 of a row whose 类 cell lost glyphs (FL24 prints "7 11 02"
/// for 2101102), completed from the 款 row above it: `tail` is the row's
/// 款 and 项 digits, `kuan_above` the nearest 款 code before it. The 类 is
/// that 款's when the row's 款 is the same one; else the code cannot be
/// told.
pub fn class_completed(tail: &str, kuan_above: &str) -> Option<String> {
    (tail.len() >= 2 && kuan_above.len() == 5 && kuan_above[3..] == tail[..2])
        .then(|| format!("{}{tail}", &kuan_above[..3]))
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Table {
    pub id: TableId,
    /// The title as printed (year included).
    pub title: String,
    /// Line of the title.
    pub line: usize,
    /// Last line of the table's region.
    pub end_line: usize,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// "注：本表无数据" was printed.
    pub declared_empty: bool,
    /// Money unit printed above the table ("万元").
    pub unit: Option<String>,
    /// Which of its blank cells may be figures the reading could not
    /// place (S106): no figure for a check across tables or with the
    /// prose ([`Table::blank_may_be_unplaced`]).
    #[serde(skip)]
    pub blanks_in_doubt: BlanksInDoubt,
}

/// Which blank cells of a table may hold a figure the reading left
/// unplaced (S106).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BlanksInDoubt {
    /// Every figure was placed: a blank is a blank.
    #[default]
    None,
    /// Figures of the rows printed on these lines could not be placed in
    /// their columns (their cells are marked unreadable); a blank of those
    /// rows may be one of them, a blank of another row may not.
    OnLines(Vec<usize>),
    /// Figures belong to rows the reading did not find (more figures than
    /// a line's row holds, figures apart from every row): any blank may be
    /// one of them — 支出合计's label read with a blank, its figure left on
    /// 收入合计's line.
    Anywhere,
}

impl Table {
    /// Columns of one side, in order; cells of a row of that side align with them.
    pub fn side_columns(&self, side: Side) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(move |c| c.side == side)
    }

    /// Index of a column within its side.
    pub fn column_index(&self, key: &str) -> Option<(Side, usize)> {
        let col = self.columns.iter().find(|c| c.key == key)?;
        let idx = self.side_columns(col.side).position(|c| c.key == key)?;
        Some((col.side, idx))
    }

    pub fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    /// Whether some of its figures were left unplaced (S106).
    pub fn has_figures_unplaced(&self) -> bool {
        self.blanks_in_doubt != BlanksInDoubt::None
    }

    /// Whether the cell of `row` in `column` was read blank where a figure
    /// the reading left unplaced may stand (`blanks_in_doubt`): it is no
    /// figure to compare with another table or with the prose
    /// (`Figure::across`).
    pub fn blank_may_be_unplaced(&self, row: &Row, column: &str) -> bool {
        let in_doubt = match &self.blanks_in_doubt {
            BlanksInDoubt::None => false,
            BlanksInDoubt::OnLines(lines) => lines.contains(&row.line),
            BlanksInDoubt::Anywhere => true,
        };
        in_doubt && matches!(self.cell(row, column), Some(Cell::Blank))
    }

    /// The cell of `row` in column `key` (None when the column is on the other side).
    pub fn cell<'a>(&self, row: &'a Row, key: &str) -> Option<&'a Cell> {
        let (side, idx) = self.column_index(key)?;
        if side != row.side {
            return None;
        }
        row.cells.get(idx)
    }

    pub fn row_by_code(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code.as_deref() == Some(code))
    }

    pub fn fixed_row(&self, key: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| matches!(r.kind, RowKind::Fixed { key: k } if k == key))
    }

    pub fn total_row(&self) -> Option<&Row> {
        self.rows.iter().find(|r| r.kind == RowKind::Total)
    }

    /// The total row of the side column `key` stands on (决算 表六 has one
    /// per block); the first total row when the column is unknown.
    pub fn total_row_for(&self, key: &str) -> Option<&Row> {
        match self.column_index(key) {
            Some((side, _)) => self
                .rows
                .iter()
                .find(|row| row.kind == RowKind::Total && row.side == side),
            None => self.total_row(),
        }
    }

    pub fn rows_of_kind<'a>(&'a self, kind: &'a RowKind) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| &r.kind == kind)
    }

    /// True when the table carries no figure at all (empty, or 本表无数据).
    /// A cell that could not be read may hold one: it is not "no figure";
    /// nor is a table whose figures the reading left unplaced (S106), its
    /// rows read blank (Shanghai's 表8 one cell a line).
    pub fn has_no_values(&self) -> bool {
        !self.has_figures_unplaced()
            && self
                .rows
                .iter()
                .all(|r| r.cells.iter().all(|c| matches!(c, Cell::Blank)))
    }

    /// How a reviewer names a row: "第5行「2011301 行政运行」".
    pub fn row_label(&self, row: &Row) -> String {
        match &row.code {
            Some(code) => format!("第{}行「{} {}」", row.index, code, row.name),
            None => format!("第{}行「{}」", row.index, row.name),
        }
    }
}
