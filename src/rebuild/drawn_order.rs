//! Text in the order a PDF draws it, told where no reader can take it.
//!
//! A PDF viewer's copy (Firefox's pdf.js, `tests/fixtures/viewer-copy`)
//! gives a page's text in the order the PDF draws it, not top to bottom.
//! The single-spaced reader reads most of it (`spaced.rs`: a coded row's
//! name running onto its figures' line, which tells `Known::drawn_order`,
//! and a group's name above its 小计). But a PDF that draws each page's title last (the
//! Jiangsu 省委办公厅's tables) gives every table before its title: such a
//! text is told here, and `rebuild` records `Reading::TitlesAfterTables`,
//! which no template verifies (S107).

use super::tokens;
use crate::lines::{Line, Lines};
use crate::prelude::*;
use crate::profile::{RowScheme, TableDef};

/// Whether the tables come before their titles: the first region holding
/// a figure (a list of the tables' titles holds none) holds the next
/// table's rows ([`holds_next_tables_rows`]: the list's last title over the
/// first table), or a table's heading line (部门：…, 单位：…) and lines of
/// figures after it stand before that region's title. Each title then
/// stands over the next table's rows: no reading of them can be trusted.
pub(super) fn titles_after_tables(
    lines: &Lines,
    raw: &[&str],
    regions: &[(usize, usize, &'static TableDef)],
) -> bool {
    let printed = |line: &Line| raw.get(line.no - 1).copied().unwrap_or("");
    let holds_figures = |line: &Line| {
        line.noise.is_none() && printed(line).split_whitespace().any(tokens::is_figure)
    };
    let Some(first) = regions
        .iter()
        .position(|&(start, end, _)| lines.all[start..end].iter().any(holds_figures))
    else {
        return false;
    };
    if holds_next_tables_rows(lines, raw, regions, first) {
        return true;
    }
    let first_title = regions[first].0;
    let before = &lines.all[..first_title];
    let Some(heading) = before
        .iter()
        .position(|l| l.noise.is_none() && tokens::is_table_heading(printed(l)))
    else {
        return false;
    };
    let figure_lines = before[heading + 1..]
        .iter()
        .filter(|l| holds_figures(l))
        .count();
    figure_lines >= 2
}

/// Whether region `k` holds the rows of the table after it: three fixed
/// row labels of that table that its own table has not ("一、财政拨款",
/// "当年收入小计" under the list's last title, 政府采购支出预算表, where the
/// 收支预算总表 is drawn before its title).
fn holds_next_tables_rows(
    lines: &Lines,
    raw: &[&str],
    regions: &[(usize, usize, &'static TableDef)],
    k: usize,
) -> bool {
    let (Some(&(start, end, own)), Some(&(_, _, next))) = (regions.get(k), regions.get(k + 1))
    else {
        return false;
    };
    let labels = |def: &'static TableDef| {
        def.sides.iter().flat_map(|side| match side.rows {
            RowScheme::Fixed(rows) => rows.iter().map(|r| r.label).collect(),
            _ => Vec::new(),
        })
    };
    let own: Vec<&str> = labels(own).collect();
    let mut theirs: Vec<&str> = labels(next)
        .filter(|label| label.chars().count() >= 4 && !own.contains(label))
        .collect();
    let words = lines.all[start..end]
        .iter()
        .filter(|l| l.noise.is_none())
        .flat_map(|l| raw.get(l.no - 1).copied().unwrap_or("").split_whitespace());
    let mut found = 0;
    for word in words {
        let key = crate::text::fold_key(word);
        if let Some(at) = theirs.iter().position(|label| key.ends_with(label)) {
            theirs.swap_remove(at);
            found += 1;
        }
    }
    found >= 3
}
