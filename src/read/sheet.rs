//! What the two workbook readers share: a worksheet as a grid of the
//! texts its cells show, and that grid laid out as the TAB lines the
//! parser reads.
//!
//! `.xlsx` (`xlsx.rs`, XML parts) and `.xls` (`xls.rs`, BIFF8 records)
//! store a sheet very differently, but once each has turned its cells into
//! the text the reviewer sees ([`numfmt`]: a figure by its number format)
//! and put them in a [`Grid`], the rest is one step, [`lay_out`], so that
//! the same workbook saved either way reads as the same lines.
//!
//! A sheet's rows split into the table body, from the first row with two
//! or more filled cells (not counting "部门名称：…"/"单位：万元" lines) to
//! the last, and the lines around it: the title above (merged across the
//! table in A1), the meta line, and the notes below. Body rows keep every
//! column up to the body's widest, so a blank is an empty field; around
//! the body each filled cell is a line of its own, as the TAB text prints
//! the title, "单位名称：…" and "单位：万元". A merged cell's value sits in
//! its top-left cell and the cells it covers are empty, which is how the
//! TAB text prints a spanned header. A sheet without a title line gets
//! one from its name when the name is a table's title ("预算收支总表") or
//! label ("表一", "表1").

pub(super) mod numfmt;

use super::office::join_lines;
use super::Place;
use crate::lines::Lines;
use crate::parse::tables::title::{TitleLines, Titles};

/// A sheet's filled cells, row by row, as displayed.
#[derive(Default)]
pub(super) struct Grid {
    /// (1-based row, [(0-based column, text)]) in sheet order. A row the
    /// sheet has cells in (blank ones too) is here even when none of them
    /// shows text: inside the table's body it is a line of empty fields,
    /// as the TAB text prints it.
    pub(super) rows: Vec<(u32, Vec<(u32, String)>)>,
}

impl Grid {
    /// Leaves a merged range only its top-left cell's value: the cells it
    /// covers are shown empty, whatever they store. Ranges are (first row,
    /// first column, last row, last column), rows 1-based, columns 0-based.
    pub(super) fn merge(&mut self, merges: &[(u32, u32, u32, u32)]) {
        // Rows in order (always from .xls, as written in .xlsx): each range
        // visits only its own rows, so a sheet of many merges and rows does
        // not take their product.
        let sorted = self.rows.windows(2).all(|w| w[0].0 < w[1].0);
        for &(r1, c1, r2, c2) in merges {
            if (r1, c1) == (r2, c2) {
                continue;
            }
            let first = if sorted {
                self.rows.partition_point(|(row, _)| *row < r1)
            } else {
                0
            };
            for (row, cells) in &mut self.rows[first..] {
                if sorted && *row > r2 {
                    break;
                }
                if (r1..=r2).contains(row) {
                    cells.retain(|(col, _)| !(c1..=c2).contains(col) || (*row, *col) == (r1, c1));
                }
            }
        }
    }

    /// Takes out the rows and the columns the sheet hides (`rows`: 1-based;
    /// `columns`: 0-based ranges, first and last), after [`Grid::merge`]:
    /// the reviewer reads the sheet without them, and Excel prints it so.
    /// A helper column of codes or figures left in would put every cell
    /// right of it under the wrong column. A row keeps its number, which
    /// citations give; a column right of hidden ones moves left by as many.
    pub(super) fn hide(&mut self, rows: &[u32], columns: &[(u32, u32)]) {
        self.rows.retain(|(row, _)| !rows.contains(row));
        if columns.is_empty() {
            return;
        }
        let hidden = |col: u32| columns.iter().any(|&(a, b)| (a..=b).contains(&col));
        let hidden_before = |col: u32| -> u32 {
            columns
                .iter()
                .map(|&(a, b)| if a < col { b.min(col - 1) - a + 1 } else { 0 })
                .sum()
        };
        for (_, cells) in &mut self.rows {
            cells.retain(|(col, _)| !hidden(*col));
            for (col, _) in cells.iter_mut() {
                *col -= hidden_before(*col);
            }
        }
    }
}

/// A cell's text on one line, as a field of a TAB line: the lines a user
/// broke it into joined, a TAB (which would split the field) a space.
pub(super) fn cell_text(text: &str) -> String {
    join_lines(text).replace('\t', " ")
}

/// The workbook's text and each line's place.
#[derive(Default)]
pub(super) struct Output {
    pub(super) text: String,
    pub(super) places: Vec<Option<Place>>,
}

impl Output {
    fn line(&mut self, text: &str, place: Option<Place>) {
        self.text.push_str(text);
        self.text.push('\n');
        self.places.push(place);
    }
}

/// "单位名称：阳泉市商务局", "单位：万元": a line about the table, not a row of it.
fn is_meta(cells: &[(u32, String)]) -> bool {
    cells.iter().all(|(_, t)| t.contains(['：', ':']))
}

/// Writes one sheet: the lines above the body, the body, the lines below.
pub(super) fn lay_out(name: &str, grid: &Grid, out: &mut Output) {
    let is_body_row = |cells: &Vec<(u32, String)>| cells.len() >= 2 && !is_meta(cells);
    let first = grid.rows.iter().position(|(_, c)| is_body_row(c));
    let last = grid.rows.iter().rposition(|(_, c)| is_body_row(c));
    let width = match (first, last) {
        (Some(f), Some(l)) => grid.rows[f..=l]
            .iter()
            .flat_map(|(_, cells)| cells.iter().map(|(col, _)| col + 1))
            .max()
            .unwrap_or(0),
        _ => 0,
    };
    let place = |row: u32| {
        Some(Place::Sheet {
            sheet: name.to_string(),
            row,
        })
    };
    let mut sheet = Output::default();
    for (i, (row, cells)) in grid.rows.iter().enumerate() {
        let in_body = first.is_some_and(|f| i >= f) && last.is_some_and(|l| i <= l);
        if in_body {
            let mut fields = vec![""; width as usize];
            for (col, text) in cells {
                if let Some(field) = fields.get_mut(*col as usize) {
                    *field = text;
                }
            }
            sheet.line(&fields.join("\t"), place(*row));
        } else {
            for (_, text) in cells {
                sheet.line(text, place(*row));
            }
        }
    }
    if let Some(title) = missing_title(name, &sheet.text) {
        out.line(&title, None);
    }
    out.text.push_str(&sheet.text);
    out.places.extend(sheet.places);
    out.line("", None);
}

/// The title a sheet lacks: it starts with its table, nothing above it
/// (a sheet with a line above its body has its own title, a table's or
/// not), and its name is a title ("2026年预算收支总表") or a table's label
/// ("表一", "表1").
fn missing_title(name: &str, sheet_text: &str) -> Option<String> {
    if !sheet_text.lines().next().is_some_and(|l| l.contains('\t')) {
        return None;
    }
    let lines = Lines::from_text(sheet_text);
    let named = Lines::from_text(name);
    let candidates = TitleLines::of(&lines);
    for profile in crate::profile::all() {
        let titles = Titles::of(profile);
        if !titles.starts_among(&candidates).is_empty() {
            return None;
        }
        if named.all.first().and_then(|l| titles.table_of(l)).is_some() {
            return Some(name.to_string());
        }
        let label = name.trim();
        let by_label = profile.tables.iter().enumerate().find(|(i, def)| {
            def.id == label
                || label
                    .strip_prefix('表')
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    == Some(i + 1)
        });
        if let Some((_, def)) = by_label {
            return Some(def.title.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(no: u32, cells: &[(u32, &str)]) -> (u32, Vec<(u32, String)>) {
        (no, cells.iter().map(|&(c, t)| (c, t.to_string())).collect())
    }

    #[test]
    fn layout_title_meta_body_notes() {
        let mut grid = Grid {
            rows: vec![
                row(1, &[(0, "2026年预算收支总表"), (1, "stray")]),
                row(2, &[(0, "单位名称：某局"), (3, "单位：万元")]),
                row(3, &[(0, "收入"), (2, "支出")]),
                row(4, &[(0, "合计"), (1, "1.00"), (3, "1.00")]),
                row(5, &[(0, "注：尾差")]),
            ],
        };
        grid.merge(&[(1, 0, 1, 3), (3, 0, 3, 1)]);
        let mut out = Output::default();
        lay_out("表一", &grid, &mut out);
        assert_eq!(
            out.text,
            "2026年预算收支总表\n单位名称：某局\n单位：万元\n收入\t\t支出\t\n合计\t1.00\t\t1.00\n注：尾差\n\n"
        );
        assert_eq!(
            out.places[3],
            Some(Place::Sheet {
                sheet: "表一".into(),
                row: 3
            })
        );
    }

    #[test]
    fn hidden_rows_and_columns_are_left_out() {
        let mut grid = Grid {
            rows: vec![
                row(
                    1,
                    &[(0, "201"), (1, "9"), (2, "一般公共服务支出"), (3, "12.00")],
                ),
                row(2, &[(0, "20101"), (1, "9"), (2, "人大事务"), (3, "12.00")]),
                row(3, &[(0, "20102"), (1, "9"), (2, "旧行"), (3, "99.00")]),
            ],
        };
        grid.hide(&[3], &[(1, 1)]);
        let mut out = Output::default();
        lay_out("表三", &grid, &mut out);
        assert_eq!(
            out.text,
            "预算支出总表\n201\t一般公共服务支出\t12.00\n20101\t人大事务\t12.00\n\n"
        );
        assert_eq!(out.places.len(), 4);
    }

    #[test]
    fn a_blank_row_inside_the_body_is_a_line_of_empty_fields() {
        let grid = Grid {
            rows: vec![
                row(3, &[(0, "合计"), (1, "1.00")]),
                row(4, &[]),
                row(5, &[(0, "201"), (1, "1.00")]),
                row(6, &[]),
            ],
        };
        let mut out = Output::default();
        lay_out("Sheet1", &grid, &mut out);
        assert_eq!(out.text, "合计\t1.00\n\t\n201\t1.00\n\n");
    }

    #[test]
    fn a_sheet_without_title_gets_it_from_its_name() {
        let body = "收入\t\t支出\t\n合计\t1.00\t\t1.00\n";
        assert_eq!(missing_title("表一", body).as_deref(), Some("预算收支总表"));
        assert_eq!(missing_title("表3", body).as_deref(), Some("预算支出总表"));
        assert_eq!(
            missing_title("2026年预算收入总表", body).as_deref(),
            Some("2026年预算收入总表")
        );
        assert_eq!(missing_title("Sheet1", body), None);
        assert_eq!(
            missing_title("表一", &format!("2026年预算收支总表\n{body}")),
            None
        );
        assert_eq!(
            missing_title("表1", &format!("某项目绩效目标申报表\n{body}")),
            None
        );
    }
}
