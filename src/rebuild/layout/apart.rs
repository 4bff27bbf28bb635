//! Labels printed apart from their row's figures, where the grouping into
//! rows (`rows::group`), which centres a label on its figures, would give
//! them to another row: moved to the figures' line before grouping, the
//! receiving part citing the line (`SidePart::took`). Only label text
//! moves, never a figure.
//!
//! Both shapes come from the Shanghai 决算 (stacked headers, cells printed
//! from their top): a total's figures above the header's last line and
//! its "合计" below it, and a 科目 name wrapped wholly under its code's
//! line.

use super::header::is_total;
use super::rows::SidePart;
use crate::prelude::*;
use crate::profile::{RowScheme, SideDef};

/// Applies every move to a side's parts (one per data line, in order).
pub fn place_apart(side: &SideDef, parts: &mut [SidePart]) {
    total_below_figures(parts);
    if matches!(side.rows, RowScheme::SplitCodes) {
        names_under_codes(side, parts);
    }
}

fn has_label(part: &SidePart) -> bool {
    part.labels.iter().any(|l| !l.is_empty())
}

fn is_anchor(part: &SidePart) -> bool {
    part.amounts.is_some() || part.opens
}

/// Moves every label of part `from` to the end of part `to`'s, cell by
/// cell.
fn give(parts: &mut [SidePart], from: usize, to: usize) {
    let labels = core::mem::take(&mut parts[from].labels);
    let pieces = core::mem::take(&mut parts[from].pieces);
    parts[from].labels = vec![String::new(); labels.len()];
    parts[from].opens = false;
    let target = &mut parts[to];
    for (cell, text) in target.labels.iter_mut().zip(labels) {
        cell.push_str(&text);
    }
    target.pieces.extend(pieces);
    target.took.push(from);
}

/// A line of figures alone, and the next data line a total's label alone
/// ("2,946.25  2,940.05 … 6.20", then, under the header's "类 款 项",
/// "合计"): one row, the total's. The figures must follow a row of their
/// own (or open the table): a label waiting above them may be theirs.
fn total_below_figures(parts: &mut [SidePart]) {
    for i in 0..parts.len().saturating_sub(1) {
        let bare = parts[i].amounts.is_some() && !has_label(&parts[i]);
        let after_row = i == 0 || is_anchor(&parts[i - 1]);
        let next = &parts[i + 1];
        let total = next.amounts.is_none() && is_total(&next.labels.concat());
        if bare && after_row && total {
            give(parts, i + 1, i);
            parts[i].opens = true;
        }
    }
}

/// A code's line with figures and no name, and the lines below it up to
/// the next row's line holding a name alone ("208 05 05  160.75 160.75",
/// "机关事业单位基本养老保险", "缴费支出"): the name is the code's. Split
/// codes' names are printed from the top of their cell, never above the
/// code.
fn names_under_codes(side: &SideDef, parts: &mut [SidePart]) {
    let name_cell = side.label_cells - 1;
    let nameless_code = |p: &SidePart| {
        p.amounts.is_some()
            && p.labels[0].bytes().all(|b| b.is_ascii_digit())
            && !p.labels[0].is_empty()
            && p.labels[name_cell].is_empty()
    };
    let name_only = |p: &SidePart| {
        !is_anchor(p)
            && !p.labels[name_cell].is_empty()
            && p.labels[..name_cell].iter().all(String::is_empty)
    };
    for i in 0..parts.len() {
        if !nameless_code(&parts[i]) {
            continue;
        }
        let mut j = i + 1;
        while j < parts.len() && name_only(&parts[j]) {
            give(parts, j, i);
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SHANGHAI_FINAL;

    fn part(labels: &[&str], figures: bool, opens: bool) -> SidePart {
        SidePart {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            amounts: figures.then(|| Ok(vec![Some("1.00".to_string())])),
            opens,
            ..SidePart::default()
        }
    }

    fn split_side() -> &'static SideDef {
        SHANGHAI_FINAL
            .tables
            .iter()
            .flat_map(|t| t.sides)
            .find(|s| matches!(s.rows, RowScheme::SplitCodes))
            .expect("a table with split codes")
    }

    #[test]
    fn a_total_takes_its_figures_above() {
        let mut parts = vec![
            part(&["", "", "", ""], true, false),
            part(&["合计", "", "", ""], false, true),
            part(&["201", "", "", "一般公共服务支出"], true, true),
        ];
        place_apart(split_side(), &mut parts);
        assert_eq!(parts[0].labels[0], "合计");
        assert!(parts[0].opens && !parts[1].opens);
        assert_eq!(parts[0].took, [1]);
    }

    #[test]
    fn a_name_wholly_under_its_code_is_the_codes() {
        let mut parts = vec![
            part(&["208", "05", "05", ""], true, true),
            part(&["", "", "", "机关事业单位基本养老保险"], false, false),
            part(&["", "", "", "缴费支出"], false, false),
            part(&["208", "05", "06", ""], true, true),
            part(&["", "", "", "机关事业单位职业年金缴费"], false, false),
            part(&["", "", "", "支出"], false, false),
            part(&["208", "05", "99", "其他行政事业单位养老支出"], true, true),
        ];
        place_apart(split_side(), &mut parts);
        assert_eq!(parts[0].labels[3], "机关事业单位基本养老保险缴费支出");
        assert_eq!(parts[3].labels[3], "机关事业单位职业年金缴费支出");
        assert_eq!(parts[6].labels[3], "其他行政事业单位养老支出");
        assert!(parts[1].labels.iter().all(String::is_empty));
    }
}
