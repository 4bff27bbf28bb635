//! Gathering a side's label fragments and figures into rows.
//!
//! A wrapped label is vertically centred in its cell with the row's figures,
//! so `pdftotext -layout` prints as many fragment lines above the row's
//! figure line as below it (`行政事业单位养老支` / `20805  36.58  36.58` /
//! `出`). A row is *anchored* by its line with figures, its 科目编码, or a
//! label complete on its own; it takes the fragments waiting above it and as
//! many below. A fixed-row table (表一, 表四, 表十) also has rows with no
//! figures whose label wraps with nothing between its halves: fragments are
//! joined while the profile's labels say they make one.

use super::header::is_total;
use crate::parse::tables::strip_ordinal;
use crate::prelude::*;
use crate::profile::{RowScheme, SideDef};
use crate::slices::sort_stable_by;
use crate::text::fold_key;

/// One side of one data line, as read.
#[derive(Debug, Default, Clone)]
pub struct SidePart {
    /// Text per label cell.
    pub labels: Vec<String>,
    /// Per amount column: the figure, or None; `Err` when the figures could
    /// not be placed (as printed).
    pub amounts: Option<Result<Vec<Option<String>>, Vec<String>>>,
    /// Where each figure of the line ends, left to right (a page laid out
    /// afresh is placed by them: `afresh.rs`).
    pub ends: Vec<usize>,
    /// The line opens a row by itself (a code, a total).
    pub opens: bool,
    /// The line prints split 科目编码 cells (类 款 项) and its name begins
    /// there.
    pub named: bool,
    /// The line stands right under the data line before it (no blank line
    /// between).
    pub adjacent: bool,
    /// The line's label pieces (runs of words apart from the others), in
    /// order.
    pub pieces: Vec<Piece>,
    /// Lines whose text this part's label took (a group's name printed in
    /// a cell merged over the group's rows): the row cites them too.
    pub took: Vec<usize>,
}

impl SidePart {
    pub fn has_label(&self) -> bool {
        self.labels.iter().any(|l| !l.is_empty())
    }
}

/// A run of label words on one line, and where it stands.
#[derive(Debug, Default, Clone)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One side's row: the data lines it was read from (indices into the
/// region's data lines, ascending) and its anchor.
#[derive(Debug, Clone)]
pub struct SideRow {
    pub lines: Vec<usize>,
    pub anchor: Option<usize>,
    /// Twice the row's vertical centre, in data-line indices.
    pub centre2: usize,
    /// Its figures cannot be told from a neighbour's (`bare::settle`):
    /// written unplaced.
    pub uncertain: bool,
}

/// True when `label` is one of the fixed rows of `sides[0]` or of a side
/// after it, as printed: a total of the sides to its right may print its
/// label across this side's label cell and its figure under theirs
/// (Jiangsu 01 "当年支出小计", under 功能分类, its figure under 支出用途).
pub fn complete(sides: &[SideDef], label: &str) -> bool {
    let key = fold_key(label);
    let wanted = strip_ordinal(&key);
    sides.iter().any(|side| match &side.rows {
        RowScheme::Fixed(fixed) => fixed.iter().any(|f| f.label == wanted),
        _ => false,
    })
}

/// The label of a set of parts, cell by cell, fragments joined.
pub fn joined_labels(width: usize, parts: &[&SidePart]) -> Vec<String> {
    let mut out = vec![String::new(); width];
    for p in parts {
        for (cell, text) in out.iter_mut().zip(&p.labels) {
            cell.push_str(text);
        }
    }
    out
}

/// What a group's first row is labelled besides the group's name, in a
/// fixed-row table whose groups print their name in a cell merged over
/// their rows (Jiangsu 02: "一般公共预算资金" beside 小计, 公共财政拨款…,
/// 专项收入).
const GROUP_FIRST: &str = "小计";

/// Gives each group name printed in a merged cell to its group's first
/// row. The name stands centred in its cell, so on one of the group's
/// rows, left of that row's own label or alone; the group's first row is
/// the nearest "小计" at or above it not yet named. A name is moved only
/// when the profile knows "name小计" as a row and the line is not already
/// one of its rows as printed; what is left of the line must be a row of
/// its own (or nothing).
pub fn attach_group_names(sides: &[SideDef], parts: &mut [SidePart]) {
    let side = &sides[0];
    if !matches!(side.rows, RowScheme::Fixed(_)) || side.label_cells != 1 {
        return;
    }
    let mut named: Vec<usize> = Vec::new();
    for i in 0..parts.len() {
        let Some((name, rest)) = parts[i].pieces.split_first() else {
            continue;
        };
        let name = &name.text;
        let rest: String = rest.iter().map(|p| p.text.as_str()).collect();
        let whole = format!("{name}{rest}");
        if complete(sides, &whole)
            || complete(sides, name)
            || !complete(sides, &format!("{name}{GROUP_FIRST}"))
            || !(rest.is_empty() || complete(sides, &rest))
        {
            continue;
        }
        let first = (0..=i)
            .rev()
            .find(|&j| !named.contains(&j) && parts[j].labels.concat().trim() == GROUP_FIRST);
        let Some(j) = first else {
            continue;
        };
        named.push(j);
        let name = name.clone();
        parts[i].pieces.remove(0);
        parts[i].labels = vec![rest];
        parts[j].labels = vec![format!("{name}{GROUP_FIRST}")];
        parts[j].took.push(i);
    }
}

/// The label of a row whose one label cell holds what the table prints in
/// several columns (Jiangsu 12: 专项名称, 经济科目, 采购物品名称, 采购组织形式),
/// a name wrapped in its own column: column by column, left to right, each
/// column's pieces in line order. Pieces overlapping in position are one
/// column's; the pieces come in line order.
pub fn columnwise_label(pieces: &[&Piece]) -> String {
    // (start, end, pieces in line order) per column.
    let mut columns: Vec<(usize, usize, Vec<&str>)> = Vec::new();
    for p in pieces {
        match columns
            .iter_mut()
            .find(|(s, e, _)| p.start < *e && *s < p.end)
        {
            Some((s, e, texts)) => {
                *s = (*s).min(p.start);
                *e = (*e).max(p.end);
                texts.push(&p.text);
            }
            None => columns.push((p.start, p.end, vec![&p.text])),
        }
    }
    sort_stable_by(&mut columns, |a, b| a.0.cmp(&b.0));
    columns
        .iter()
        .flat_map(|(_, _, t)| t.iter().copied())
        .collect()
}

/// Groups the parts of `sides[0]` (one per data line, in order) into rows;
/// the sides after it are the table's others to its right.
pub fn group(sides: &[SideDef], parts: &[SidePart]) -> Vec<SideRow> {
    let side = &sides[0];
    let fixed = matches!(side.rows, RowScheme::Fixed(_));
    let width = side.label_cells;
    let label_of = |lines: &[usize]| -> String {
        let ps: Vec<&SidePart> = lines.iter().map(|&i| &parts[i]).collect();
        joined_labels(width, &ps).concat()
    };
    let mut rows: Vec<SideRow> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    // The row taking tail fragments, and how many it still takes.
    let mut tail: Option<(usize, usize)> = None;
    let emit = |rows: &mut Vec<SideRow>, lines: Vec<usize>, anchor: Option<usize>| {
        let centre2 = match anchor {
            Some(a) => 2 * a,
            None => lines[0] + lines[lines.len() - 1],
        };
        rows.push(SideRow {
            lines,
            anchor,
            centre2,
            uncertain: false,
        });
    };
    // Splits waiting fragments into rows whose labels are complete; gives
    // back those left over.
    let peel = |rows: &mut Vec<SideRow>, pending: &mut Vec<usize>| {
        if !fixed {
            return;
        }
        let mut i = 0;
        while i < pending.len() {
            let last = pending.len().min(i + 3);
            let Some(j) = (i..last).find(|&j| complete(sides, &label_of(&pending[i..=j]))) else {
                break;
            };
            emit(rows, pending[i..=j].to_vec(), None);
            i = j + 1;
        }
        pending.drain(..i);
    };
    for (i, part) in parts.iter().enumerate() {
        // A unit table's total is its whole label ("合计"), never a
        // wrapped name's end: what waits above it (a header line the
        // header words do not know) is a row of its own.
        let units_total = matches!(side.rows, RowScheme::Units) && is_total(&label_of(&[i]));
        let own_complete =
            (fixed && part.has_label() && complete(sides, &label_of(&[i]))) || units_total;
        let anchor = part.amounts.is_some() || part.opens || own_complete;
        if !anchor {
            if !part.has_label() {
                continue;
            }
            if let Some((r, left)) = tail.as_mut() {
                let row: &mut SideRow = &mut rows[*r];
                row.lines.push(i);
                *left -= 1;
                let done = *left == 0 || (fixed && complete(sides, &label_of(&row.lines)));
                if done {
                    tail = None;
                }
                continue;
            }
            pending.push(i);
            continue;
        }
        tail = None;
        // A name wrapped under its code's line, with the next code's own
        // name on its line right below: the fragment ends the name above
        // (a label printed from the top of its cell, not centred on it).
        if part.named && pending.len() == 1 && parts[pending[0]].adjacent && part.adjacent {
            if let Some(last) = rows.last_mut().filter(|r| {
                r.anchor
                    .is_some_and(|a| parts[a].named && a + 1 == pending[0] && r.lines.len() == 1)
            }) {
                last.lines.append(&mut pending);
            }
        }
        peel(&mut rows, &mut pending);
        if own_complete && !pending.is_empty() {
            // Left-over fragments cannot belong to a complete label.
            emit(&mut rows, core::mem::take(&mut pending), None);
        }
        let head = pending.len();
        let mut lines = core::mem::take(&mut pending);
        lines.push(i);
        let done = fixed && complete(sides, &label_of(&lines));
        emit(&mut rows, lines, Some(i));
        if head > 0 && !done {
            tail = Some((rows.len() - 1, head));
        }
    }
    peel(&mut rows, &mut pending);
    if !pending.is_empty() {
        emit(&mut rows, pending, None);
    }
    rows
}
