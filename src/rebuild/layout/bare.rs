//! Lines of figures with no label on a coded side (科目编码, split or
//! not): a 决算 prints some of a row's figures one line above its code's
//! line ("1,503.52   603.14" over "201 一般公共服务支出   2,106.66"), and
//! a coded row always prints its code or name, so such a line is the row
//! above's or the row below's.
//!
//! It joins a neighbour only when exactly one of the two can take it: no
//! column filled twice, and the table's row sums holding on the joined
//! row. Lines are settled top-down, so a row completed by the line above it
//! cannot take the line below too. A line neither or both neighbours can
//! take leaves itself and both neighbours uncertain (written unplaced):
//! which row its figures are is not known.

use super::rows::{joined_labels, SidePart, SideRow};
use crate::prelude::*;
use crate::profile::{Identity, Profile, RowScheme, SideDef, TableDef};
use rust_decimal::Decimal;

/// A row sum as amount-column indices of one side: total = Σ parts.
pub struct RowSum {
    total: usize,
    parts: Vec<usize>,
}

/// The profile's row sums of `def`'s side `s`, as column indices.
pub fn row_sums(profile: &Profile, def: &TableDef, s: usize) -> Vec<RowSum> {
    let columns = def.sides[s].columns;
    let at = |key: &str| columns.iter().position(|c| c.key == key);
    profile
        .identities
        .iter()
        .filter_map(|identity| match identity {
            Identity::RowSum {
                table,
                total,
                parts,
            } if *table == def.id => Some(RowSum {
                total: at(total)?,
                parts: parts.iter().filter_map(|p| at(p)).collect(),
            }),
            _ => None,
        })
        .collect()
}

/// Joins or marks uncertain every label-less row of figures of a coded
/// side.
pub fn settle(side: &SideDef, sums: &[RowSum], parts: &mut [SidePart], rows: &mut Vec<SideRow>) {
    if !matches!(side.rows, RowScheme::Codes | RowScheme::SplitCodes) {
        return;
    }
    let mut r = 0;
    while r < rows.len() {
        if !is_bare(side, parts, &rows[r]) {
            r += 1;
            continue;
        }
        let takers: Vec<usize> = [r.checked_sub(1), Some(r + 1)]
            .into_iter()
            .flatten()
            .filter(|&n| n < rows.len() && can_take(side, sums, parts, &rows[n], &rows[r]))
            .collect();
        if let [n] = takers[..] {
            join(parts, rows, r, n);
            // The row that took the line now stands at `n` or `n - 1`:
            // the next row to look at follows it.
            r = n.min(r);
            continue;
        }
        for n in r.saturating_sub(1)..(r + 2).min(rows.len()) {
            rows[n].uncertain = true;
        }
        r += 1;
    }
}

/// Placed figures by column, of the row's anchor line.
fn placed<'p>(parts: &'p [SidePart], row: &SideRow) -> Option<&'p Vec<Option<String>>> {
    match row.anchor.map(|a| &parts[a].amounts) {
        Some(Some(Ok(cells))) => Some(cells),
        _ => None,
    }
}

/// A row with figures and no label at all.
fn is_bare(side: &SideDef, parts: &[SidePart], row: &SideRow) -> bool {
    let ps: Vec<&SidePart> = row.lines.iter().map(|&i| &parts[i]).collect();
    row.anchor.is_some_and(|a| parts[a].amounts.is_some())
        && joined_labels(side.label_cells, &ps)
            .iter()
            .all(String::is_empty)
}

/// `row` (labelled, placed) takes `bare`'s placed figures without filling a
/// column twice, and every row sum holds on the result.
fn can_take(
    side: &SideDef,
    sums: &[RowSum],
    parts: &[SidePart],
    row: &SideRow,
    bare: &SideRow,
) -> bool {
    if sums.is_empty() || row.uncertain || is_bare(side, parts, row) {
        return false;
    }
    let (Some(mine), Some(theirs)) = (placed(parts, row), placed(parts, bare)) else {
        return false;
    };
    if mine.len() != theirs.len()
        || mine
            .iter()
            .zip(theirs)
            .any(|(a, b)| a.is_some() && b.is_some())
    {
        return false;
    }
    let joined: Vec<Option<&String>> = mine
        .iter()
        .zip(theirs)
        .map(|(a, b)| a.as_ref().or(b.as_ref()))
        .collect();
    sums.iter().all(|sum| holds(sum, &joined))
}

/// total = Σ parts on one row's figures (an empty cell is zero), the total
/// printed.
fn holds(sum: &RowSum, cells: &[Option<&String>]) -> bool {
    let value = |c: usize| -> Option<Decimal> {
        match cells.get(c).copied().flatten() {
            Some(t) => t.replace(',', "").parse().ok(),
            None => Some(Decimal::ZERO),
        }
    };
    let Some(total) = cells
        .get(sum.total)
        .copied()
        .flatten()
        .and(value(sum.total))
    else {
        return false;
    };
    let parts: Option<Decimal> = sum.parts.iter().map(|&c| value(c)).sum();
    parts == Some(total)
}

impl RowSum {
    /// The sum holds on a row's values, or the row prints none of its
    /// cells.
    pub fn holds_or_blank(&self, cells: &[Option<crate::model::Amount>]) -> bool {
        let value = |c: usize| cells.get(c).copied().flatten();
        let terms = core::iter::once(self.total).chain(self.parts.iter().copied());
        if terms.clone().all(|c| value(c).is_none()) {
            return true;
        }
        let Some(total) = value(self.total) else {
            return false;
        };
        let parts: Decimal = self
            .parts
            .iter()
            .filter_map(|&c| value(c))
            .fold(Decimal::ZERO, |s, a| crate::decimal::add(s, a.value));
        crate::decimal::equal(parts, total.value)
    }
}

/// Moves row `bare`'s figures and lines into row `to`, and drops `bare`.
fn join(parts: &mut [SidePart], rows: &mut Vec<SideRow>, bare: usize, to: usize) {
    let from = rows[bare].anchor.expect("a bare row has figures");
    let anchor = rows[to].anchor.expect("a taking row has figures");
    if let (Some(Ok(theirs)), Some(Ok(mine))) =
        (parts[from].amounts.take(), parts[anchor].amounts.as_mut())
    {
        for (m, t) in mine.iter_mut().zip(theirs) {
            if m.is_none() {
                *m = t;
            }
        }
    }
    let lines = rows[bare].lines.clone();
    rows[to].lines.extend(lines);
    rows[to].lines.sort_unstable();
    rows.remove(bare);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[Option<&str>]) -> Vec<Option<String>> {
        texts.iter().map(|t| t.map(String::from)).collect()
    }

    #[test]
    fn a_row_sum_holds_with_empty_cells_as_zero() {
        let sum = RowSum {
            total: 0,
            parts: vec![1, 2],
        };
        let row = cells(&[Some("1,511.89"), Some("1,503.52"), Some("8.37")]);
        let refs: Vec<Option<&String>> = row.iter().map(Option::as_ref).collect();
        assert!(holds(&sum, &refs));
        let row = cells(&[Some("1,511.89"), None, Some("8.37")]);
        let refs: Vec<Option<&String>> = row.iter().map(Option::as_ref).collect();
        assert!(!holds(&sum, &refs));
        let row = cells(&[None, Some("1.00"), None]);
        let refs: Vec<Option<&String>> = row.iter().map(Option::as_ref).collect();
        assert!(!holds(&sum, &refs), "a row sum needs its total printed");
    }

    /// A coded part: its name and its placed figures (6 columns of the
    /// 决算's 表三: 合计, 基本支出, 项目支出, …).
    fn part(name: &str, figures: &[Option<&str>]) -> SidePart {
        let mut labels = vec![String::new(); 4];
        labels[3] = name.to_string();
        SidePart {
            labels,
            amounts: Some(Ok(cells(figures))),
            ..SidePart::default()
        }
    }

    fn row(line: usize) -> SideRow {
        SideRow {
            lines: vec![line],
            anchor: Some(line),
            centre2: 2 * line,
            uncertain: false,
        }
    }

    /// "1,503.52  603.14" over "一般公共服务支出  2,106.66" joins the row
    /// below (the row sum holds there only); the next figures line, which
    /// both rows around it could take by their sums, joins the one not yet
    /// full.
    #[test]
    fn a_figures_line_joins_the_one_row_that_can_take_it() {
        let profile = &crate::profile::SHANGHAI_FINAL;
        let def = profile.table("表三").expect("表三");
        let sums = row_sums(profile, def, 0);
        let (a, b) = (Some("1,503.52"), Some("603.14"));
        let mut parts = vec![
            part(
                "合计",
                &[Some("2,940.05"), Some("2,336.91"), b, None, None, None],
            ),
            part("", &[None, a, b, None, None, None]),
            part(
                "一般公共服务支出",
                &[Some("2,106.66"), None, None, None, None, None],
            ),
            part("", &[None, a, b, None, None, None]),
            part(
                "财政事务",
                &[Some("2,106.66"), None, None, None, None, None],
            ),
        ];
        let mut rows: Vec<SideRow> = (0..parts.len()).map(row).collect();
        settle(&def.sides[0], &sums, &mut parts, &mut rows);
        let lines: Vec<&[usize]> = rows.iter().map(|r| r.lines.as_slice()).collect();
        assert_eq!(lines, [&[0][..], &[1, 2], &[3, 4]]);
        assert!(rows.iter().all(|r| !r.uncertain));
        assert_eq!(
            parts[2].amounts,
            Some(Ok(cells(&[Some("2,106.66"), a, b, None, None, None])))
        );
    }

    /// A figures line between two rows that could each take it leaves all
    /// three uncertain.
    #[test]
    fn a_figures_line_two_rows_could_take_is_uncertain() {
        let profile = &crate::profile::SHANGHAI_FINAL;
        let def = profile.table("表三").expect("表三");
        let sums = row_sums(profile, def, 0);
        let one = Some("1.00");
        let mut parts = vec![
            part("甲", &[one, None, None, None, None, None]),
            part("", &[None, one, None, None, None, None]),
            part("乙", &[one, None, None, None, None, None]),
        ];
        let mut rows: Vec<SideRow> = (0..parts.len()).map(row).collect();
        settle(&def.sides[0], &sums, &mut parts, &mut rows);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.uncertain));
    }
}
