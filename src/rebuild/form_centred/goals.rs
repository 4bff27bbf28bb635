//! The goals of a Shanghai 填报表 laid out by spaces: the header
//! "项目总目标 │ 年度总体目标", then both goals side by side, each a
//! paragraph wrapped in its own cell, and the row label "项目绩效目标"
//! down the left edge in pieces ("项目 / 绩效 / 目标") centred over both
//! rows.
//!
//! The right paragraph's lines all start at one column; the left one's
//! start further left (centred lines of a short goal a little to the
//! right). A line holds a piece of either, or both: parted by a run of
//! spaces, or by one space where the left piece fills its cell. So the
//! right column is where the starts of the pieces jump right, and a line
//! starting left that reaches into it is parted at its one space just
//! before that column — a space before a mark ("受理 、社区") is
//! `pdftotext`'s, inside a paragraph. No such space, or two, and the
//! goals are not read.

use super::{chunks, Chunk, PrintedLine, RebuiltRow};
use crate::prelude::*;

/// The row label, printed in pieces at the left edge.
const ROW_LABEL: &str = "项目绩效目标";
/// How far right of the left edge a row label piece may stand.
const LABEL_EDGE: usize = 2;
/// The least jump, in columns, from the left paragraph's starts to the
/// right one's.
const COLUMN_GAP: usize = 10;
/// How far left of the right column the space parting the two pieces
/// may stand (`pdftotext` counts a CJK character as one column, and the
/// pieces before drift).
const PARTING_SLACK: usize = 3;

/// The marks `pdftotext` sets a space before ("受理 、社区", "场所 。更"):
/// a space before one is inside a paragraph.
const CLOSING_MARKS: [char; 10] = ['，', '、', '。', '；', '：', '）', '”', '》', '？', '！'];

/// The header row and the goals' row, from the header line (first of
/// `printed`) to the grid; None when the goals cannot be told apart.
pub(super) fn read(printed: &[PrintedLine]) -> Option<Vec<RebuiltRow>> {
    let (header, body) = printed.split_first()?;
    let mut label = String::new();
    let mut lines: Vec<(usize, Vec<Chunk>)> = Vec::new();
    for line in body {
        let mut pieces = chunks(line.text);
        if let Some(first) = pieces.first_mut() {
            if first.start <= LABEL_EDGE {
                let (piece, rest) = first.text.split_once(' ').unwrap_or((&first.text, ""));
                label.push_str(piece);
                if rest.is_empty() {
                    pieces.remove(0);
                } else {
                    let rest = Chunk {
                        start: first.start + piece.chars().count() + 1,
                        text: rest.to_string(),
                    };
                    *first = rest;
                }
            }
        }
        lines.push((line.no, pieces));
    }
    if label != ROW_LABEL {
        return None;
    }
    let right = right_column(&lines)?;
    let (mut left_goal, mut right_goal) = (String::new(), String::new());
    for (_, pieces) in &lines {
        match &pieces[..] {
            [] => {}
            [only] if only.start + PARTING_SLACK >= right => right_goal.push_str(&only.text),
            [only] if only.end() < right => left_goal.push_str(&only.text),
            [only] => {
                let (l, r) = parted(only, right)?;
                left_goal.push_str(l);
                right_goal.push_str(r);
            }
            [l, r] if l.start + COLUMN_GAP <= right && r.start + PARTING_SLACK >= right => {
                left_goal.push_str(&l.text);
                right_goal.push_str(&r.text);
            }
            _ => return None,
        }
    }
    if left_goal.is_empty() || right_goal.is_empty() {
        return None;
    }
    Some(vec![
        RebuiltRow {
            lines: vec![header.no],
            cells: ["项目绩效目标", "项目总目标", "年度总体目标"]
                .map(String::from)
                .to_vec(),
        },
        RebuiltRow {
            lines: body.iter().map(|l| l.no).collect(),
            cells: vec![left_goal, right_goal],
        },
    ])
}

/// The column the right paragraph starts at: the least start above the
/// widest jump between the pieces' starts, when that jump is wide enough.
fn right_column(lines: &[(usize, Vec<Chunk>)]) -> Option<usize> {
    let mut starts: Vec<usize> = lines
        .iter()
        .flat_map(|(_, p)| p.iter().map(|c| c.start))
        .collect();
    crate::slices::sort_unique(&mut starts);
    let (below, above) = starts
        .windows(2)
        .map(|w| (w[0], w[1]))
        .max_by_key(|(a, b)| b - a)?;
    (above - below >= COLUMN_GAP).then_some(above)
}

/// A piece starting in the left paragraph that runs into the right one,
/// parted at its one space just before the right column (not a space
/// before a mark).
fn parted(piece: &Chunk, right: usize) -> Option<(&str, &str)> {
    let mut at = piece
        .text
        .char_indices()
        .enumerate()
        .filter(|&(i, (_, c))| {
            let col = piece.start + i;
            c == ' ' && col + PARTING_SLACK >= right && col < right
        })
        .map(|(_, (byte, _))| byte)
        .filter(|&byte| !piece.text[byte + 1..].starts_with(CLOSING_MARKS));
    let byte = at.next()?;
    if at.next().is_some() {
        return None;
    }
    Some((&piece.text[..byte], &piece.text[byte + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::form_layout::printed;

    fn goals(text: &str) -> Option<Vec<String>> {
        let printed = printed(text);
        read(&printed).map(|rows| rows[1].cells.clone())
    }

    #[test]
    fn two_paragraphs_side_by_side_are_parted_where_the_right_one_starts() {
        // As 万里街道 2023 prints its 各类工作经费 (lines 1012–1040, cut).
        let text = "                        项目总目标                                     年度总体目标
       提升辖区居民群众的防毒意识和能力 ，坚持做到严防发生吸毒人员因吸 提升辖区居民群众的防毒意识和能力 ，坚持做到严防发生吸毒人员
       毒引发肇祸肇事 （案）件；确保社会环境和谐稳定 。通过跨前一步 、深 因吸毒引发肇祸肇事 （案）件；
 项目
       登记工作，开展一年两次征兵工作 ，完成民兵整组 、训练及备勤工作 ， 年团员学习教育活动 。
 绩效
            开展招聘、录用等干部人事工作 ，开展日常工作 。      升社区党员党性修养
 目标
                                          服务意识。";
        let [left, right] = &goals(text).unwrap()[..] else {
            panic!("two goals")
        };
        assert_eq!(
            left,
            "提升辖区居民群众的防毒意识和能力 ，坚持做到严防发生吸毒人员因吸毒引发肇祸肇事 （案）件；确保社会环境和谐稳定 。通过跨前一步 、深登记工作，开展一年两次征兵工作 ，完成民兵整组 、训练及备勤工作 ，开展招聘、录用等干部人事工作 ，开展日常工作 。"
        );
        assert_eq!(
            right,
            "提升辖区居民群众的防毒意识和能力 ，坚持做到严防发生吸毒人员因吸毒引发肇祸肇事 （案）件；年团员学习教育活动 。升社区党员党性修养服务意识。"
        );
    }

    #[test]
    fn a_line_with_no_parting_space_leaves_the_goals_unread() {
        let text =
            "                        项目总目标                                     年度总体目标
 项目绩效目标
       提升辖区居民群众的防毒意识和能力坚持做到严防发生吸毒人员因吸毒 ，引发肇祸
                                          服务意识。";
        assert_eq!(goals(text), None);
    }

    #[test]
    fn goals_with_no_row_label_are_not_read() {
        let text =
            "                        项目总目标                                     年度总体目标
       管理各类下拨费用                                  管理各类下拨费用";
        assert_eq!(goals(text), None);
    }
}
