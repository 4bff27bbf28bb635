//! A page laid out afresh, without its header printed again: the rows a
//! page break left unplaced, their columns found from the page's own
//! figures and the table's identities.
//!
//! `pdftotext -layout` lays each page out by what that page holds: a page
//! that prints only a table's first two columns (the 决算's 表二 and 表三
//! after their page break: "210 11 01 行政单位医疗 60.99 60.99") sets them
//! closer than the page before did, and no anchor of that page fits
//! (`Columns::place_line` leaves every such line unplaced). The page's
//! figures still stand in aligned columns of their own, as a table
//! extractor finds columns from the text's alignment. Which of the
//! table's columns they are is told by the identities alone: every
//! order-keeping choice of as many table columns as the page has is tried,
//! and it is taken only when exactly one makes every row sum of the page's
//! rows and every 科目 hierarchy sum (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类) the
//! page's rows are in hold, rounding allowed — the page's rows complete
//! their parent printed on the page before. Otherwise the rows stay
//! unplaced: never a guess.

use super::bare::RowSum;
use super::columns::{increasing, MIN_GAP, SLACK};
use super::header::is_total;
use super::rows::{SidePart, SideRow};
use crate::decimal;
use crate::model::Amount;
use crate::prelude::*;
use crate::profile::{Identity, Profile, RowScheme, SideDef, TableDef};
use rust_decimal::Decimal;

/// Most column choices tried for one page (7 columns, 3 on the page: 35).
const CHOICES: usize = 200;

/// The 科目编码 hierarchy's columns of `def`'s side `s`, as indices.
pub fn hierarchy_columns(profile: &Profile, def: &TableDef, s: usize) -> Vec<usize> {
    let columns = def.sides[s].columns;
    profile
        .identities
        .iter()
        .filter_map(|identity| match identity {
            Identity::CodeHierarchy {
                table,
                columns: keys,
            } if *table == def.id => Some(*keys),
            _ => None,
        })
        .flatten()
        .filter_map(|key| columns.iter().position(|c| c.key == *key))
        .collect()
}

/// What a row is, for the hierarchy.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Total,
    Code(String),
    Other,
}

fn kind(side: &SideDef, parts: &[SidePart], row: &SideRow) -> Kind {
    let cells = match side.rows {
        RowScheme::SplitCodes => side.label_cells - 1,
        RowScheme::Codes => 1,
        _ => return Kind::Other,
    };
    let mut code = String::new();
    let mut label = String::new();
    for &l in &row.lines {
        let labels = &parts[l].labels;
        for text in labels.iter().take(cells) {
            code.push_str(text);
        }
        label.push_str(&labels.concat());
    }
    if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
        Kind::Code(code)
    } else if is_total(&label) {
        Kind::Total
    } else {
        Kind::Other
    }
}

/// Places the runs of rows a page break left unplaced on side `side`,
/// where the page's alignment and the identities allow one placement only.
pub fn place_pages(
    side: &SideDef,
    sums: &[RowSum],
    hierarchy: &[usize],
    parts: &mut [SidePart],
    rows: &[SideRow],
) {
    if hierarchy.is_empty() {
        return;
    }
    let unplaced: Vec<bool> = rows
        .iter()
        .map(|r| {
            !r.uncertain
                && r.anchor
                    .is_some_and(|a| matches!(parts[a].amounts, Some(Err(_))))
        })
        .collect();
    let mut r = 0;
    while r < rows.len() {
        if !unplaced[r] {
            r += 1;
            continue;
        }
        let start = r;
        while r < rows.len() && unplaced[r] {
            r += 1;
        }
        place_run(side, sums, hierarchy, parts, rows, start..r);
    }
}

/// Groups the figure ends of a run's rows into the page's columns: each
/// column's ends within SLACK of its first, columns at least MIN_GAP apart,
/// and each row's figures in distinct columns, left to right. Gives each
/// row's column indices, and how many columns there are.
fn page_columns(ends: &[&[usize]]) -> Option<(Vec<Vec<usize>>, usize)> {
    let mut all: Vec<usize> = ends.iter().flat_map(|e| e.iter().copied()).collect();
    all.sort_unstable();
    let mut columns: Vec<(usize, usize)> = Vec::new();
    for e in all {
        match columns.last_mut() {
            Some((first, last)) if e <= *first + SLACK => *last = e,
            Some((_, last)) if e < *last + MIN_GAP => return None,
            _ => columns.push((e, e)),
        }
    }
    let mut out = Vec::with_capacity(ends.len());
    for row in ends {
        let mut cols: Vec<usize> = Vec::with_capacity(row.len());
        for &e in row.iter() {
            let c = columns.iter().position(|&(f, l)| f <= e && e <= l)?;
            if cols.last().is_some_and(|&p| p >= c) {
                return None;
            }
            cols.push(c);
        }
        out.push(cols);
    }
    Some((out, columns.len()))
}

fn place_run(
    side: &SideDef,
    sums: &[RowSum],
    hierarchy: &[usize],
    parts: &mut [SidePart],
    rows: &[SideRow],
    run: core::ops::Range<usize>,
) {
    let anchors: Vec<usize> = rows[run.clone()]
        .iter()
        .map(|r| r.anchor.expect("an unplaced row has figures"))
        .collect();
    let figures: Vec<Vec<String>> = anchors
        .iter()
        .map(|&a| match &parts[a].amounts {
            Some(Err(f)) => f.clone(),
            _ => Vec::new(),
        })
        .collect();
    let ends: Vec<&[usize]> = anchors.iter().map(|&a| parts[a].ends.as_slice()).collect();
    if ends.iter().zip(&figures).any(|(e, f)| e.len() != f.len()) {
        return;
    }
    let Some((page_cols, k)) = page_columns(&ends) else {
        return;
    };
    let n = side.columns.len();
    if k > n || k == 0 {
        return;
    }
    let kinds: Vec<Kind> = rows.iter().map(|r| kind(side, parts, r)).collect();
    // Every row's values as placed so far (None: not placed).
    let mut values: Vec<Option<Vec<Option<Amount>>>> = rows
        .iter()
        .map(|r| match r.anchor.map(|a| &parts[a].amounts) {
            Some(Some(Ok(cells))) if !r.uncertain => Some(
                cells
                    .iter()
                    .map(|c| c.as_deref().and_then(Amount::parse))
                    .collect(),
            ),
            Some(None) | None => Some(vec![None; n]),
            _ => None,
        })
        .collect();
    let mut found: Option<Vec<usize>> = None;
    let mut count = 0;
    let mut tried = 0;
    let mut choice = Vec::with_capacity(k);
    increasing(n, k, &mut choice, &mut |choice: &[usize]| {
        tried += 1;
        if tried > CHOICES || count > 1 {
            return;
        }
        for (i, r) in run.clone().enumerate() {
            let mut cells = vec![None; n];
            for (&c, f) in page_cols[i].iter().zip(&figures[i]) {
                cells[choice[c]] = Amount::parse(f);
            }
            values[r] = Some(cells);
        }
        let rows_hold = run.clone().all(|r| {
            let cells = values[r].as_ref().expect("set above");
            sums.iter().all(|s| s.holds_or_blank(cells))
        });
        if rows_hold && nests_hold(&kinds, &values, hierarchy, run.clone()) {
            count += 1;
            found = Some(choice.to_vec());
        }
    });
    if count != 1 || tried > CHOICES {
        return;
    }
    let choice = found.expect("counted");
    for (i, &a) in anchors.iter().enumerate() {
        let mut cells = vec![None; n];
        for (&c, f) in page_cols[i].iter().zip(&figures[i]) {
            cells[choice[c]] = Some(f.clone());
        }
        parts[a].amounts = Some(Ok(cells));
    }
}

/// Every hierarchy sum a row of `run` is in (as parent or child) holds,
/// within the rounding of its terms; sums with a term not placed are not
/// tried. A sum must hold for a choice to be taken, so a page whose rows
/// are in none leaves every choice standing (and the rows unplaced).
fn nests_hold(
    kinds: &[Kind],
    values: &[Option<Vec<Option<Amount>>>],
    hierarchy: &[usize],
    run: core::ops::Range<usize>,
) -> bool {
    let children_of = |p: usize| -> Vec<usize> {
        match &kinds[p] {
            Kind::Total => (0..kinds.len())
                .filter(|&c| matches!(&kinds[c], Kind::Code(code) if code.len() == 3))
                .collect(),
            Kind::Code(pc) => (0..kinds.len())
                .filter(|&c| {
                    matches!(&kinds[c], Kind::Code(code)
                        if code.len() == pc.len() + 2 && code.starts_with(pc.as_str()))
                })
                .collect(),
            Kind::Other => Vec::new(),
        }
    };
    for p in 0..kinds.len() {
        let children = children_of(p);
        if children.is_empty() {
            continue;
        }
        let involved = run.contains(&p) || children.iter().any(|c| run.contains(c));
        if !involved {
            continue;
        }
        let Some(parent) = &values[p] else {
            continue;
        };
        let kids: Option<Vec<&Vec<Option<Amount>>>> =
            children.iter().map(|&c| values[c].as_ref()).collect();
        let Some(kids) = kids else {
            continue;
        };
        for &col in hierarchy {
            let mut diff = Decimal::ZERO;
            let mut band = Decimal::ZERO;
            let mut term = |a: &Option<Amount>, sign: bool| {
                if let Some(a) = a {
                    diff = if sign {
                        decimal::add(diff, a.value)
                    } else {
                        decimal::sub(diff, a.value)
                    };
                    band = decimal::add(band, a.half_ulp());
                }
            };
            term(&parent[col], true);
            for kid in &kids {
                term(&kid[col], false);
            }
            if decimal::cmp(diff.abs(), band).is_gt() {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 决算 表二's page after its break: every line's two figures in
    /// two aligned columns ("60.99" ending at 31 and 40, "445.69" too).
    #[test]
    fn a_page_s_figures_fall_into_its_own_columns() {
        let (cols, k) = page_columns(&[&[31, 40], &[31, 40], &[31, 40]]).expect("aligned");
        assert_eq!(k, 2);
        assert_eq!(cols, [[0, 1], [0, 1], [0, 1]]);
        // Two figures of a row in one column, or ends neither aligned nor
        // apart, are no page layout.
        assert!(page_columns(&[&[31, 33]]).is_none());
        assert!(page_columns(&[&[31, 40], &[36, 40]]).is_none());
    }
}
