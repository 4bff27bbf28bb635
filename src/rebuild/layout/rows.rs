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

use crate::parse::tables::strip_ordinal;
use crate::prelude::*;
use crate::profile::{RowScheme, SideDef};
use crate::text::fold_key;

/// One side of one data line, as read.
#[derive(Debug, Default, Clone)]
pub struct SidePart {
    /// Text per label cell.
    pub labels: Vec<String>,
    /// Per amount column: the figure, or None; `Err` when the figures could
    /// not be placed (as printed).
    pub amounts: Option<Result<Vec<Option<String>>, Vec<String>>>,
    /// The line opens a row by itself (a code, a total).
    pub opens: bool,
    /// The line prints split 科目编码 cells (类 款 项) and its name begins
    /// there.
    pub named: bool,
    /// The line stands right under the data line before it (no blank line
    /// between).
    pub adjacent: bool,
}

impl SidePart {
    fn has_label(&self) -> bool {
        self.labels.iter().any(|l| !l.is_empty())
    }
}

/// One side's row: the data lines it was read from (indices into the
/// region's data lines, ascending) and its anchor.
#[derive(Debug, Clone)]
pub struct SideRow {
    pub lines: Vec<usize>,
    pub anchor: Option<usize>,
    /// Twice the row's vertical centre, in data-line indices.
    pub centre2: usize,
}

/// True when `label` is one of the side's fixed rows as printed.
fn complete(side: &SideDef, label: &str) -> bool {
    let RowScheme::Fixed(fixed) = &side.rows else {
        return false;
    };
    let key = fold_key(label);
    let wanted = strip_ordinal(&key);
    fixed.iter().any(|f| f.label == wanted)
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

/// Groups one side's parts (one per data line, in order) into rows.
pub fn group(side: &SideDef, parts: &[SidePart]) -> Vec<SideRow> {
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
            let Some(j) = (i..last).find(|&j| complete(side, &label_of(&pending[i..=j]))) else {
                break;
            };
            emit(rows, pending[i..=j].to_vec(), None);
            i = j + 1;
        }
        pending.drain(..i);
    };
    for (i, part) in parts.iter().enumerate() {
        let own_complete = fixed && part.has_label() && complete(side, &label_of(&[i]));
        let anchor = part.amounts.is_some() || part.opens || own_complete;
        if !anchor {
            if !part.has_label() {
                continue;
            }
            if let Some((r, left)) = tail.as_mut() {
                let row: &mut SideRow = &mut rows[*r];
                row.lines.push(i);
                *left -= 1;
                let done = *left == 0 || (fixed && complete(side, &label_of(&row.lines)));
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
        let done = fixed && complete(side, &label_of(&lines));
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
