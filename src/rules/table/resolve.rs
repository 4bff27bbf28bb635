//! Finding the figures an identity names, or saying why they cannot be had.

use crate::arith::{round_half_away, Term};
use crate::decimal::shift_right;
use crate::model::{Amount, Document, Row, RowKind, Table};
use crate::prelude::*;
use crate::profile::{CellRef, RowSel, TableDef};
use crate::rules::support::{check_cell_sum, money, Figure};
use crate::rules::{Context, Sink};
use crate::slices::Items;

/// The rows that `keep` keeps, in order. Behind `dyn Fn`, so that the
/// table rules share one selection loop instead of a filter/collect each.
pub(super) fn rows_where<'a>(rows: &'a [Row], keep: &dyn Fn(&Row) -> bool) -> Vec<&'a Row> {
    let mut kept = Vec::new();
    for row in rows {
        if keep(row) {
            kept.push(row);
        }
    }
    kept
}

/// The rows at the start of `rows` for which `keep` holds.
pub(super) fn rows_while<'a>(rows: &'a [Row], keep: &dyn Fn(&Row) -> bool) -> Vec<&'a Row> {
    let mut kept = Vec::new();
    for row in rows {
        if !keep(row) {
            break;
        }
        kept.push(row);
    }
    kept
}

/// Why a figure is not available.
pub(crate) enum Missing {
    /// The table is absent: the check could not run.
    Table(String),
    /// The table is there but this row or cell is not.
    Cell(String),
}

impl Missing {
    pub fn record(self, sink: &mut Sink) {
        match self {
            Missing::Table(r) | Missing::Cell(r) => sink.could_not_run(r),
        }
    }
}

/// The table, or a reason for the sink.
pub(crate) fn table<'a>(doc: &'a Document, id: &str) -> Result<&'a Table, Missing> {
    doc.table(id)
        .ok_or_else(|| Missing::Table(format!("未找到{}", id)))
}

/// The table, or None after telling the sink why the check could not run.
pub(super) fn present<'a>(doc: &'a Document, id: &str, sink: &mut Sink) -> Option<&'a Table> {
    match table(doc, id) {
        Ok(t) => Some(t),
        Err(missing) => {
            missing.record(sink);
            None
        }
    }
}

/// The table whose rows a check sums or matches by code, or why it
/// cannot be had: it is missing, a line of it that holds a figure was
/// read as none of its rows (S104), or figures of it belong to rows the
/// reading could not part (S106: several rows printed on one line, more
/// figures than one row holds). A sum over its rows would leave them out, and a code looked up in it might be the unread one, so the
/// difference reported would be the reading's, not the document's.
pub(crate) fn every_row_read<'a>(doc: &'a Document, id: &str) -> Result<&'a Table, Missing> {
    let table = table(doc, id)?;
    let unread = doc
        .unparsed
        .iter()
        .find(|u| u.table == table.id && holds_a_figure(&u.text));
    if let Some(unread) = unread {
        return Err(Missing::Table(format!(
            "{}第{}行有金额而未读入，无法按行核对",
            table.id, unread.line
        )));
    }
    rows_parted(doc, table)
}

/// The table, or why its rows cannot be had: figures of it belong to rows
/// the reading could not part (S106: several rows printed on one line,
/// more figures than one row holds, its bounds uncertain). A row read
/// blank there may hold one of them.
fn rows_parted<'a>(doc: &Document, table: &'a Table) -> Result<&'a Table, Missing> {
    let rows_unread = doc
        .lines
        .unplaced()
        .iter()
        .find(|u| u.table == table.id && u.rows_unread);
    match rows_unread {
        Some(u) => Err(Missing::Table(format!(
            "{}第{}行的金额含有未能分出的行，无法按行核对",
            table.id,
            u.lines.first().copied().unwrap_or(table.line)
        ))),
        None => Ok(table),
    }
}

/// [`present`], or None when figures of the table belong to rows the
/// reading could not part ([`rows_parted`]), after telling the sink why.
/// A line read as none of its rows (S104) does not stop it: T105 reads
/// fixed rows by name, and the sum a renamed row breaks is the only error
/// that names it.
pub(super) fn rows_all_parted<'a>(
    doc: &'a Document,
    id: &str,
    sink: &mut Sink,
) -> Option<&'a Table> {
    table(doc, id)
        .and_then(|t| rows_parted(doc, t))
        .map_err(|missing| missing.record(sink))
        .ok()
}

/// [`every_row_read`], or None after telling the sink why the check
/// could not run.
pub(super) fn read_whole<'a>(doc: &'a Document, id: &str, sink: &mut Sink) -> Option<&'a Table> {
    every_row_read(doc, id)
        .map_err(|missing| missing.record(sink))
        .ok()
}

/// Whether a line holds a figure other than zero (a code, read so too,
/// makes a line count as holding one: the cautious side).
fn holds_a_figure(text: &str) -> bool {
    text.split_whitespace()
        .any(|cell| Amount::parse(cell).is_some_and(|a| !a.value.is_zero()))
}

/// The money unit of table `id`: as printed above it, else the profile's.
pub(crate) fn unit_of<'a>(cx: &'a Context, id: &str) -> &'a str {
    cx.doc
        .table(id)
        .and_then(|t| t.unit.as_deref())
        .or_else(|| cx.profile.table(id).map(|d| d.unit))
        .unwrap_or("")
}

/// The unit the figures at `refs` are compared in: 万元 when one of them
/// is in 万元 (Shanghai's 三公 table against its 元 tables), else theirs.
pub(super) fn common_unit<'a>(cx: &'a Context, refs: &mut dyn Items<&CellRef>) -> &'a str {
    let mut unit = "";
    while let Some(r) = refs.next_item() {
        let u = unit_of(cx, r.table);
        if unit.is_empty() || u == "万元" {
            unit = u;
        }
    }
    unit
}

/// The figure at `r`, expressed in `unit`: a 元 figure compared in 万元 is
/// divided by 10,000 and rounded half away from zero to 2 decimals, as the
/// documents round it, and says so in its label.
pub(crate) fn figure_in(cx: &Context, r: &CellRef, unit: &str) -> Result<Figure, Missing> {
    Ok(expressed_in(cx, r.table, figure(cx, r)?, unit))
}

/// A figure of table `table` expressed in `unit` (see [`figure_in`]).
pub(crate) fn expressed_in(cx: &Context, table: &str, mut fig: Figure, unit: &str) -> Figure {
    if unit == "万元" && unit_of(cx, table) == "元" {
        let value = round_half_away(shift_right(fig.term.value, 4), 2);
        fig.term = Term {
            value,
            half: shift_right(fig.term.half, 4),
        };
        fig.shown = format!("{}元（{}万元）", fig.shown, money(value));
    }
    fig
}

/// The figure at `r`. A row missing from a table printed as empty (or with
/// no figure at all) is an exact zero — unless lines of the table were
/// not read ([`every_row_read`]), where the row may be one of them.
pub(crate) fn figure(cx: &Context, r: &CellRef) -> Result<Figure, Missing> {
    let doc = cx.doc;
    let t = table(doc, r.table)?;
    let row = match r.row {
        // The total of the column's side (决算 六 has one per block).
        RowSel::Total => t.total_row_for(r.column),
        RowSel::Fixed(key) => t.fixed_row(key),
        RowSel::TreeRoot => t
            .rows
            .iter()
            .find(|row| row.kind == RowKind::TreeDepartment),
        RowSel::Code(code) => t.row_by_code(code),
    };
    let column_name = t.column(r.column).map(|c| c.name).unwrap_or(r.column);
    match row {
        Some(row) => {
            if t.blank_may_be_unplaced(row, r.column) {
                return Err(blank_may_be_unplaced(doc, t));
            }
            Figure::from_cell(t, row, r.column).ok_or_else(|| {
                Missing::Cell(format!(
                    "{} {} {} 无法读取",
                    t.id,
                    t.row_label(row),
                    column_name
                ))
            })
        }
        None if t.declared_empty => Ok(empty_table_zero(t)),
        None => {
            every_row_read(doc, t.id)?;
            absent_row(t, r.row, cx.profile.table(t.id))
        }
    }
}

/// Why a cell read blank is no figure in a table some of whose figures the
/// reading could not place (S106: more figures on a line than its row
/// holds, a name it could not tell; `Table::blanks_in_doubt`): it may be
/// one of them (省委办公厅's 收支预算总表 copied out of a viewer, before
/// its drawn-apart labels were placed: 支出合计's label apart from its
/// figure, which stayed on 收入合计's line).
fn blank_may_be_unplaced(doc: &Document, t: &Table) -> Missing {
    let line = doc
        .lines
        .unplaced()
        .iter()
        .find(|u| u.table == t.id && !u.figures.is_empty())
        .and_then(|u| u.lines.first().copied())
        .unwrap_or(t.line);
    Missing::Cell(format!(
        "{}第{}行有未能定位的数字，读作空白的格可能是其中之一",
        t.id, line
    ))
}

/// Zero for a table printed as empty ("注：本表无数据").
fn empty_table_zero(t: &Table) -> Figure {
    Figure::virtual_zero(format!("{}（本表无数据）", t.id), t.line, t.id)
}

/// A row not in table `t`, every line of which was read: zero where the
/// table holds no figure at all, or for an economic code it does not list
/// (no budget); else the check cannot run.
fn absent_row(t: &Table, row: RowSel, def: Option<&TableDef>) -> Result<Figure, Missing> {
    match row {
        _ if t.has_no_values() => Ok(empty_table_zero(t)),
        RowSel::Code(_) => Ok(Figure::virtual_zero(
            format!("{}（未列{}）", t.id, row_name(row, def)),
            t.line,
            t.id,
        )),
        _ => Err(Missing::Cell(format!(
            "{} 中没有{}行",
            t.id,
            row_name(row, def)
        ))),
    }
}

/// The figure named by its table, row name and column ("表二 行政运行
/// 合计"), as the rules that match rows across tables name them.
pub(super) fn named_by_row(f: Figure, t: &Table, row: &Row) -> Figure {
    let col = f.evidence.column.clone().unwrap_or_default();
    f.named(format!("{} {} {}", t.id, row.name, col))
}

/// A row as the document names it; a fixed row by its label, not the
/// profile's key.
fn row_name(sel: RowSel, def: Option<&TableDef>) -> String {
    match sel {
        RowSel::Total => "合计".into(),
        RowSel::Fixed(key) => format!(
            "「{}」",
            def.and_then(|d| d.fixed_label(key)).unwrap_or(key)
        ),
        RowSel::TreeRoot => "部门合计".into(),
        RowSel::Code(code) => format!("科目{code}"),
    }
}

/// Checks parent row = Σ child rows in each column listed; rows are named
/// as reviewers name them ("第5行「20113 商贸事务」").
pub(super) fn sum_rows(
    sink: &mut Sink,
    t: &Table,
    parent: &Row,
    children: &[&Row],
    columns: &[&str],
) {
    for &col in columns {
        check_cell_sum(
            sink,
            t,
            (parent, col),
            children.iter().map(|&c| (c, col)),
            || format!("{} {}列", t.id, t.column(col).map_or(col, |c| c.name)),
            |f, row| f.named(t.row_label(row)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{BlanksInDoubt, Cell, RowKind};
    use crate::prelude::*;

    /// zhaoshang's 表二 as a reading that could place none of its figures
    /// would give it (Shanghai's 表8 one cell a line): every cell blank, its
    /// 合计 row not found, its figures reported unplaced (S106). Its 合计
    /// is then no "（本表无数据） 0" to compare with 表一's 收入总计: the
    /// checks that need it cannot run.
    #[test]
    fn a_table_whose_figures_were_not_placed_is_not_empty() {
        let text = include_str!("../../../tests/fixtures/yangquan-zhaoshang-2026.txt");
        let normalized = crate::text::normalize(text);
        let lines = crate::lines::Lines::from_text(&normalized);
        let (mut doc, profile) = crate::parse::parse(lines, &normalized);
        let t = doc.tables.iter_mut().find(|t| t.id == "表二").unwrap();
        t.rows.retain(|r| r.kind != RowKind::Total);
        for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            *cell = Cell::Blank;
        }
        t.blanks_in_doubt = BlanksInDoubt::Anywhere;
        let (findings, _) = crate::rules::run(&doc, profile);
        let read_as_empty: Vec<&str> = findings
            .iter()
            .map(|f| f.message.as_str())
            .filter(|m| m.contains("表二（本表无数据）"))
            .collect();
        assert!(read_as_empty.is_empty(), "{read_as_empty:?}");
    }
}
