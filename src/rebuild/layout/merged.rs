//! Cells merged over several rows of a table whose one label cell holds
//! what the table prints in several columns (Jiangsu 12 政府采购预算表:
//! 专项名称, 经济科目, 采购物品名称, 采购组织形式), moved to the row the PDF
//! gives them: a merged cell's text belongs to the first row it spans.
//!
//! `pdftotext -layout` prints a merged cell's text centred on the rows it
//! spans, so on one of them or between two, where the grouping into rows
//! would give it to a row in the middle or split it. Each move here is
//! made before grouping (`rows::group`), from one line's part to another's;
//! the receiving part cites the line (`SidePart::took`). Only label text
//! moves, never a figure.

use super::rows::{Piece, SidePart};
use crate::prelude::*;
use crate::profile::{RowScheme, SideDef};

/// How far apart two pieces may start and still be one column's.
const SAME_COLUMN: usize = 1;

/// Applies every move, in order, to the parts of a side whose one label
/// cell holds several printed columns; other sides are left alone.
pub fn place_merged(side: &SideDef, parts: &mut [SidePart]) {
    if !matches!(side.rows, RowScheme::Units) || side.label_cells != 1 {
        return;
    }
    join_last_characters(parts);
    label_bare_totals(parts);
    lift_continued_blocks(parts);
}

fn relabel(part: &mut SidePart) {
    part.labels = vec![part.pieces.iter().map(|p| p.text.as_str()).collect()];
}

fn is_anchor(part: &SidePart) -> bool {
    part.amounts.is_some() || part.opens
}

/// Moves `pieces` of part `from` to the front of part `to`'s, in line
/// order.
fn give(parts: &mut [SidePart], from: usize, pieces: Vec<Piece>, to: usize) {
    let target = &mut parts[to];
    if from < to {
        target.pieces.splice(0..0, pieces);
    } else {
        target.pieces.extend(pieces);
    }
    target.took.push(from);
    relabel(&mut parts[to]);
    relabel(&mut parts[from]);
}

/// A name wrapped over the boundary of two rows whose cell it spans
/// ("物业管理服" / "务", over 部门集中采购 and 分散自行组织): its last
/// character, alone on the line right below the rest and in the same
/// column, is the name's end, not the next row's name (no name is one
/// character).
fn join_last_characters(parts: &mut [SidePart]) {
    for i in 1..parts.len() {
        if !parts[i].adjacent || parts[i].amounts.is_some() {
            continue;
        }
        let Some(k) = parts[i].pieces.iter().position(|p| {
            p.text.chars().count() == 1
                && !p.text.is_ascii()
                && parts[i - 1].pieces.iter().any(|above| {
                    above.start.abs_diff(p.start) <= SAME_COLUMN && above.text.chars().count() >= 2
                })
        }) else {
            continue;
        };
        let piece = parts[i].pieces.remove(k);
        give(parts, i, vec![piece], i - 1);
    }
}

/// A row printed with its figure and no label, right after a row of its
/// own, the label on the line(s) below before the next row, which has its
/// label (a block's total "30.00" over "机要及电子政务业务费 办公设备购置",
/// a cell merged over the block's row and its first item's): the label is
/// the bare row's.
fn label_bare_totals(parts: &mut [SidePart]) {
    for i in 1..parts.len() {
        let bare = parts[i].amounts.is_some() && parts[i].pieces.is_empty();
        if !bare || !is_anchor(&parts[i - 1]) || parts[i - 1].pieces.is_empty() {
            continue;
        }
        let Some(next) = (i + 1..parts.len()).find(|&j| is_anchor(&parts[j])) else {
            continue;
        };
        if next == i + 1 || parts[next].pieces.is_empty() {
            continue;
        }
        for j in i + 1..next {
            let pieces = core::mem::take(&mut parts[j].pieces);
            give(parts, j, pieces, i);
        }
    }
}

/// The first piece's start of a row's line, if it has a label.
fn first_start(part: &SidePart) -> Option<usize> {
    part.pieces.first().map(|p| p.start)
}

/// A block's name continued on an item row (a cell merged over the
/// block's items, cut by a page break: "机要及电子政务业务费 办公设备购置"
/// printed again beside 打印设备 on the next page): the item row's line
/// has pieces left of its item's, where the items around it have none. The
/// cell is centred on the items it spans, as many above as below, and its
/// text is the first's.
fn lift_continued_blocks(parts: &mut [SidePart]) {
    for l in 0..parts.len() {
        if parts[l].amounts.is_none() || parts[l].pieces.len() < 3 {
            continue;
        }
        // The item's own pieces: its name and how it is bought.
        let item_at = parts[l].pieces[parts[l].pieces.len() - 2].start;
        let plain = |p: &SidePart| {
            p.amounts.is_some() && first_start(p).is_some_and(|s| s + SAME_COLUMN >= item_at)
        };
        // A fragment line of an item wrapped over lines.
        let fragment = |p: &SidePart| {
            !is_anchor(p) && first_start(p).is_none_or(|s| s + SAME_COLUMN >= item_at)
        };
        let count = |range: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            let mut rows = Vec::new();
            for j in range {
                if plain(&parts[j]) {
                    rows.push(j);
                } else if !fragment(&parts[j]) {
                    break;
                }
            }
            rows
        };
        let below = count(&mut (l + 1..parts.len()));
        let above = count(&mut (0..l).rev());
        if below.is_empty() || above.len() < below.len() {
            continue;
        }
        let first = above[below.len() - 1];
        let lead = parts[l].pieces.len() - 2;
        let pieces: Vec<Piece> = parts[l].pieces.drain(..lead).collect();
        give(parts, l, pieces, first);
    }
}

#[cfg(test)]
mod tests {
    use crate::lines::Lines;
    use crate::profile::JIANGSU12;

    /// The rows the layout reader writes for a Jiangsu 公开12表 region
    /// (title, unit line, header, 合计, then `body`): each placed row's
    /// label and figure, but 合计's.
    fn rows_of(body: &[&str]) -> Vec<(String, String)> {
        let text = format!(
            "公开12表：政府采购支出预算表\n部门：江苏省人民检察院      单位：万元\n\n\
             采购品目大类  专项名称   经济科目   采购物品名称    采购组织形式    总计\n\
             合计                                                  400.00\n{}",
            body.join("\n")
        );
        let mut lines = Lines::from_text(&text);
        let mut raw: Vec<&str> = text.split('\n').collect();
        crate::rebuild::rebuild(&mut lines, &mut raw, &JIANGSU12);
        lines
            .all
            .iter()
            .filter(|l| l.placed)
            .filter_map(|l| {
                let cells: Vec<&str> = l.cells().collect();
                let figure = cells.last()?;
                (figure.starts_with(|c: char| c.is_ascii_digit()) && cells[0] != "合计")
                    .then(|| (cells[0].replace(' ', ""), figure.to_string()))
            })
            .collect()
    }

    fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
        want.iter()
            .map(|(l, f)| (l.to_string(), f.to_string()))
            .collect()
    }

    /// "物业管理服务", merged over two rows, wraps its "务" onto the second
    /// row's lines: the name is the first row's, whole.
    #[test]
    fn a_name_wrapped_over_two_rows_is_the_first_rows() {
        let body = [
            "                              部门集中采",
            "                                      330.00",
            "                     物业管理服    购",
            "                     务        分散自行组",
            "                                      20.00",
            "                              织",
        ];
        assert_eq!(
            rows_of(&body),
            pairs(&[
                ("物业管理服务部门集中采购", "330.00"),
                ("分散自行组织", "20.00")
            ])
        );
    }

    /// A block's total printed without its label, which stands on the line
    /// below, before the first item (a cell merged over both).
    #[test]
    fn a_bare_total_takes_the_label_below_it() {
        let body = [
            "                    其他办公消耗用品         政府集中采购            25.40",
            "                                                                 30.00",
            "",
            "  机要及电子政务业务费       办公设备购置",
            "",
            "                    台式计算机               政府集中采购             4.00",
        ];
        assert_eq!(
            rows_of(&body),
            pairs(&[
                ("其他办公消耗用品政府集中采购", "25.40"),
                ("机要及电子政务业务费办公设备购置", "30.00"),
                ("台式计算机政府集中采购", "4.00"),
            ])
        );
    }

    /// A block's name printed again beside an item, centred on the items
    /// its cell spans: it is the first of them's.
    #[test]
    fn a_continued_block_name_is_the_first_spanned_items() {
        let body = [
            "                    路由器                   政府集中采购       3.00",
            "                    交换设备                 政府集中采购       2.00",
            "机要及电子政务业务费  办公设备购置  打印设备                 政府集中采购       3.00",
            "                    家具用具                 政府集中采购       1.00",
            "  文件印刷费            印刷费                                  60.00",
        ];
        assert_eq!(
            rows_of(&body),
            pairs(&[
                ("路由器政府集中采购", "3.00"),
                (
                    "机要及电子政务业务费办公设备购置交换设备政府集中采购",
                    "2.00"
                ),
                ("打印设备政府集中采购", "3.00"),
                ("家具用具政府集中采购", "1.00"),
                ("文件印刷费印刷费", "60.00"),
            ])
        );
    }
}
