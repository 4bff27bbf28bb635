//! A two-sided table of split codes whose cells the PDF set at staggered
//! heights: the 决算's 基本支出决算表 (人员经费 | 公用经费), where
//! `pdftotext -layout` prints each row as a figure line, then a code line
//! (类, and 款 on the left side), then a name line (款 and 名称 on the
//! right side), the two sides' rows side by side:
//!
//! ```text
//!                             262.33                                   21.21
//! 301    01                              302
//!             基本工资                              01   办公费
//! ```
//!
//! Each side is read on its own, down its lines: a 类 code (three digits:
//! its figures all have decimals), or a total's label ("人员经费合计"),
//! starts a row; the figure printed above it since the row before ended,
//! or on its own line, is the row's; the 款 codes and name pieces on its
//! line and on the lines right below it, up to the next row's figure or
//! code, are the row's. The rows of the two sides are then paired in order,
//! as the printed table pairs them — and only if each pair's code lines
//! are the same line or adjacent ones. A line that could be read two ways
//! (a name after the next row's figure, or after a blank line, which may
//! be the next row's printed above its code; a second figure for one row)
//! leaves the table to the general reader.

use super::words::{is_figure, words, Word};
use crate::prelude::*;
use crate::profile::{RowScheme, TableDef};
use crate::rebuild::{Rebuilt, RebuiltRow, Region};

/// One side's row: its codes, name, figure and the region lines (indices)
/// it was read from, the line its code or total label stands on first.
#[derive(Debug, Default)]
struct SideRow {
    class: String,
    kuan: String,
    name: String,
    figure: Option<String>,
    total: bool,
    /// Its figure was printed on a line above its code's.
    figure_above: bool,
    lines: Vec<usize>,
}

/// What a word of a side is.
enum Kind {
    Class,
    Kuan,
    Figure,
    Total,
    Name,
}

/// Whether the table is one this reader is for: two sides, each 类 | 款 |
/// 名称 and one amount column.
pub fn applies(def: &TableDef) -> bool {
    def.sides.len() == 2
        && def.sides.iter().all(|s| {
            matches!(s.rows, RowScheme::SplitCodes) && s.label_cells == 3 && s.columns.len() == 1
        })
}

/// The table's rows, written as the TAB text has them (类 | 款 | 名称 |
/// 决算数, twice), after `header_rows`; None when its lines are not laid
/// out this way or could be read two ways. `data` are the region's data
/// line indices.
pub fn read(region: &Region, data: &[usize], header_rows: Vec<RebuiltRow>) -> Option<Rebuilt> {
    let printed: Vec<(usize, &str)> = data.iter().map(|&i| (i, region.raw[i])).collect();
    let mut rebuilt = Rebuilt {
        rows: header_rows,
        ..Rebuilt::default()
    };
    for pair in rows_of(&printed)? {
        let mut lines: Vec<usize> = pair
            .iter()
            .flatten()
            .flat_map(|r| r.lines.iter().map(|&i| region.line_no(i)))
            .collect();
        crate::slices::sort_unique(&mut lines);
        let cells = pair.iter().flat_map(side_cells).collect();
        rebuilt.rows.push(RebuiltRow { lines, cells });
    }
    Some(rebuilt)
}

/// A side's cells of a row: 类 | 款 | 名称 | 决算数; a total's label in the
/// first.
fn side_cells(row: &Option<SideRow>) -> [String; 4] {
    let figure = |r: &SideRow| r.figure.clone().unwrap_or_default();
    match row {
        Some(r) if r.total => [r.name.clone(), String::new(), String::new(), figure(r)],
        Some(r) => [r.class.clone(), r.kuan.clone(), r.name.clone(), figure(r)],
        None => Default::default(),
    }
}

/// The rows of the data lines (each an index and its text), the two sides
/// side by side; None when they are not laid out this way.
fn rows_of(printed: &[(usize, &str)]) -> Option<Vec<[Option<SideRow>; 2]>> {
    let lines: Vec<(usize, Vec<Word>)> = printed.iter().map(|&(i, raw)| (i, words(raw))).collect();
    // The right side starts where its 类 codes do: the leftmost three-digit
    // word not at the line's start.
    let boundary = lines
        .iter()
        .flat_map(|(_, ws)| ws.iter())
        .filter(|w| w.start > 2 && is_class(w.text))
        .map(|w| w.start)
        .min()?;
    let side = |right: bool| -> Vec<(usize, Vec<&Word>)> {
        lines
            .iter()
            .map(|(i, ws)| {
                let mine = ws
                    .iter()
                    .filter(|w| (w.start + 1 >= boundary) == right)
                    .collect();
                (*i, mine)
            })
            .collect()
    };
    let left = side_rows(&side(false))?;
    let right = side_rows(&side(true))?;
    // Figures on their rows' code lines are the general reader's layout.
    if !left.iter().chain(&right).any(|r| r.figure_above) {
        return None;
    }
    pair(left, right)
}

/// "301": a 类 code.
fn is_class(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit())
}

/// What a word of a side is: three digits are a 类 code (its figures all
/// have decimals), two a 款 code.
fn kind(w: &Word) -> Kind {
    let text = w.text;
    if is_class(text) {
        Kind::Class
    } else if super::is_split_code(text) {
        Kind::Kuan
    } else if is_figure(text) && text.contains('.') {
        Kind::Figure
    } else if text.ends_with("合计") {
        Kind::Total
    } else {
        Kind::Name
    }
}

/// One side's rows, down its lines (each a region line index and the side's
/// words on it); None when a line could be read two ways.
fn side_rows(lines: &[(usize, Vec<&Word>)]) -> Option<Vec<SideRow>> {
    let mut rows: Vec<SideRow> = Vec::new();
    // A figure printed since the last row's own lines: the next row's.
    let mut pending: Option<(usize, String)> = None;
    let mut previous: Option<usize> = None;
    for (i, ws) in lines {
        // No blank line between this line and the one before.
        let follows = previous.is_some_and(|p| *i == p + 1);
        previous = Some(*i);
        if ws.is_empty() {
            continue;
        }
        let starts = ws
            .iter()
            .any(|w| matches!(kind(w), Kind::Class | Kind::Total));
        if starts {
            let mut row = SideRow {
                lines: vec![*i],
                ..SideRow::default()
            };
            if let Some((at, figure)) = pending.take() {
                row.figure = Some(figure);
                row.figure_above = true;
                row.lines.push(at);
            }
            rows.push(row);
        }
        for w in ws {
            match kind(w) {
                Kind::Figure => {
                    if starts {
                        let row = rows.last_mut()?;
                        if row.figure.replace(w.text.to_string()).is_some() {
                            return None;
                        }
                    } else if pending.replace((*i, w.text.to_string())).is_some() {
                        return None;
                    }
                }
                // A name after the next row's figure, or set apart from
                // its row's lines by a blank one: whose is it?
                _ if pending.is_some() || !(starts || follows) => return None,
                Kind::Class => {
                    let row = rows.last_mut()?;
                    if !row.class.is_empty() {
                        return None;
                    }
                    row.class = w.text.to_string();
                }
                Kind::Kuan => {
                    let row = rows.last_mut()?;
                    if !row.kuan.is_empty() || row.total {
                        return None;
                    }
                    row.kuan = w.text.to_string();
                }
                Kind::Total => {
                    let row = rows.last_mut()?;
                    row.total = true;
                    row.name.push_str(w.text);
                }
                Kind::Name => {
                    let row = rows.last_mut()?;
                    row.name.push_str(w.text);
                }
            }
        }
        if !starts {
            if let Some(row) = rows.last_mut() {
                if ws.iter().any(|w| !matches!(kind(w), Kind::Figure)) {
                    row.lines.push(*i);
                }
            }
        }
    }
    let whole = pending.is_none()
        && rows
            .iter()
            .all(|r| r.total || (!r.class.is_empty() && !r.name.is_empty()));
    whole.then_some(rows)
}

/// The two sides' rows side by side, in order, each side's total last on
/// the table's last row; None unless every pair's first lines (their code
/// lines) are the same line or adjacent ones.
fn pair(left: Vec<SideRow>, right: Vec<SideRow>) -> Option<Vec<[Option<SideRow>; 2]>> {
    let split = |mut rows: Vec<SideRow>| {
        let total = rows.pop_if(|r| r.total);
        (rows, total)
    };
    let (left, left_total) = split(left);
    let (right, right_total) = split(right);
    if left.iter().chain(&right).any(|r| r.total) {
        return None;
    }
    let n = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    let mut out = Vec::with_capacity(n + 1);
    for _ in 0..n {
        let pair = [left.next(), right.next()];
        if let [Some(l), Some(r)] = &pair {
            if l.lines[0].abs_diff(r.lines[0]) > 1 {
                return None;
            }
        }
        out.push(pair);
    }
    if left_total.is_some() || right_total.is_some() {
        out.push([left_total, right_total]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 普陀区财政局 2024 决算's 六, as `pdftotext -layout` prints it.
    const PRINTED: &str =
        "301                         2,082.85   302                           171.07
            工资福利支出                                 商品和服务支出

                            262.33                                   21.21
301    01                              302
            基本工资                              01   办公费

                            160.75
301    08   机关事业单位基本养老保险缴              302
                                              06   电费
            费

                             80.38                                    4.88
301    09                              302         因 公 出 国 （ 境 ） 费
            职业年金缴费                            12
                                                   用
303    04   抚恤金                        302    24   被装购置费
                         2,152.26                                 184.65
           人员经费合计                              公用经费合计";

    fn cells_of(text: &str) -> Option<Vec<Vec<String>>> {
        let printed: Vec<(usize, &str)> = text
            .split('\n')
            .enumerate()
            .filter(|(_, t)| !t.trim().is_empty())
            .collect();
        let rows = rows_of(&printed)?;
        Some(
            rows.iter()
                .map(|pair| pair.iter().flat_map(side_cells).collect())
                .collect(),
        )
    }

    #[test]
    fn each_side_s_row_takes_the_figure_above_its_code_and_the_names_below() {
        let rows = cells_of(PRINTED).expect("read");
        let expected: [[&str; 8]; 6] = [
            [
                "301",
                "",
                "工资福利支出",
                "2,082.85",
                "302",
                "",
                "商品和服务支出",
                "171.07",
            ],
            [
                "301",
                "01",
                "基本工资",
                "262.33",
                "302",
                "01",
                "办公费",
                "21.21",
            ],
            [
                "301",
                "08",
                "机关事业单位基本养老保险缴费",
                "160.75",
                "302",
                "06",
                "电费",
                "",
            ],
            [
                "301",
                "09",
                "职业年金缴费",
                "80.38",
                "302",
                "12",
                "因公出国（境）费用",
                "4.88",
            ],
            ["303", "04", "抚恤金", "", "302", "24", "被装购置费", ""],
            [
                "人员经费合计",
                "",
                "",
                "2,152.26",
                "公用经费合计",
                "",
                "",
                "184.65",
            ],
        ];
        assert_eq!(rows.len(), expected.len());
        for (row, want) in rows.iter().zip(expected) {
            assert_eq!(row, &want.map(str::to_string).to_vec());
        }
    }

    #[test]
    fn a_line_read_two_ways_leaves_the_table_to_the_general_reader() {
        // A name piece after the next row's figure: whose is it?
        let late_name = PRINTED.replace(
            "            费\n",
            "                             99.99\n            费\n",
        );
        assert_ne!(late_name, PRINTED);
        assert_eq!(cells_of(&late_name), None);
        // A name piece after a blank line: the next row's, above its code?
        let apart = PRINTED.replace("            职业年金缴费", "\n            职业年金缴费");
        assert_ne!(apart, PRINTED);
        assert_eq!(cells_of(&apart), None);
        // Two figures for one row.
        let two = PRINTED.replace("262.33", "262.33   1.00");
        assert_ne!(two, PRINTED);
        assert_eq!(cells_of(&two), None);
        // Every figure on its code's line: the general reader's layout.
        let level = "301   2,082.85   302   171.07\n      工资福利支出     商品和服务支出";
        assert_eq!(cells_of(level), None);
    }
}
