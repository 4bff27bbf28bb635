//! The 年度预算情况 block of a 整体支出绩效目标申报表 whose whole grid could
//! not be read (one cell a line, single spaces, or a layout `form_layout`
//! cannot tell): its labels and figures read as pairs.
//!
//! The block is the one part of the form where every figure follows its
//! own label in reading order, whatever the shape ("合计 1629.62 合计
//! 1629.62", or each on a line of its own), and where every label is one of
//! a few the template prints ([`BUDGET_LABELS`]). So a figure is paired
//! with the label read just before it, and the pairing is trusted only when
//! every label is one of those, whole — a label the PDF wrapped around its
//! figure ("其中:一般公共预算资" · 2974.94 · "金") is joined back only when
//! its tail completes it to one of them — and the block ends at the next
//! row of the form ("年度重点任务"). Anything else — a label that is none
//! of them, a figure with no label, a label with no figure (a blank the
//! text lost) — leaves the block unread: a figure under the wrong label
//! would be a false error. The rest of the form stays unread (F111); the
//! checks of the block (F103, F104, N110) run.
//!
//! The pairs are written back as rows (`super::RebuiltRow`): the pairs
//! sharing a printed line make one row, so every line is one row's line.

use super::form_layout::PrintedLine;
use super::tokens::is_amount;
use super::RebuiltRow;
use crate::parse::forms::overall::BUDGET_LABELS;
use crate::prelude::*;
use crate::slices::sort_unique;

/// The header cell the block starts with; the form reader looks for it.
const HEADER: &str = "按资金来源";

/// The column headers and the row label, printed around and inside the
/// block: neither labels nor figures.
const HEADINGS: &[&str] = &[
    "年度预算情况",
    "按资金来源划分",
    "按资金用途划分",
    "按资金方向划分",
    "资金总额（万元）",
    "资金总额(万元)",
];

/// The rows after the block: where it ends.
const NEXT_ROWS: &[&str] = &[
    "年度重点任务",
    "核心职能",
    "重点任务",
    "年度绩效目标",
    "绩效指标",
    "一级指标",
];

/// The block's rows, when every figure's label can be told; `printed` are
/// the form's lines after its title.
pub fn read(printed: &[PrintedLine]) -> Option<Vec<RebuiltRow>> {
    let words = block_words(printed)?;
    let (header, words) = words.split_first()?;
    let pairs = pair(words)?;
    well_formed(&pairs).then(|| rows(header, &pairs))
}

/// A word of the block as printed, and its 1-based line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) line: usize,
}

/// The words from the header cell ("按资金来源划分", first) to the next
/// row of the form ("年度重点任务"), the headings left out, and the lines
/// taken for watermarks that hold neither a figure nor a label ("仅供内部
/// 审核"). Text one cell a line may print the block's last rows after the
/// next row's label: the block's words right after it are the block's
/// still. None when the header or the end is missing, or when a label of
/// the block stands anywhere after the end (a row the reading order put
/// elsewhere: the figures read would not be all of the block's).
fn block_words<'a>(printed: &[PrintedLine<'a>]) -> Option<Vec<Word<'a>>> {
    let mut words: Vec<Word> = Vec::new();
    let mut past_end = false;
    let mut ended = false;
    for line in printed {
        if line.watermark && !holds_block_words(line.text) {
            continue;
        }
        for text in line.text.split_whitespace() {
            if ended {
                if completes(text, true) {
                    return None;
                }
                continue;
            }
            if words.is_empty() {
                if text.starts_with(HEADER) {
                    words.push(Word {
                        text,
                        line: line.no,
                    });
                }
                continue;
            }
            if NEXT_ROWS.iter().any(|r| text.starts_with(r)) {
                past_end = true;
            } else if past_end && !is_block_word(text) {
                ended = true;
            } else if !HEADINGS.contains(&text) {
                words.push(Word {
                    text,
                    line: line.no,
                });
            }
        }
    }
    ended.then_some(words)
}

/// A figure, or a label of the block (whole, or its head).
fn is_block_word(text: &str) -> bool {
    is_amount(text) || completes(text, true) || completes(text, false) || HEADINGS.contains(&text)
}

/// Whether a line holds a figure or a label of the block, whole or in part.
fn holds_block_words(line: &str) -> bool {
    line.split_whitespace()
        .any(|w| is_block_word(w) && !HEADINGS.contains(&w))
}

/// A label (as joined back) and its figure, with the lines they stand on.
#[derive(Debug)]
pub(super) struct Pair<'a> {
    pub(super) label: String,
    pub(super) label_lines: Vec<usize>,
    pub(super) figure: Word<'a>,
}

impl Pair<'_> {
    fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.label_lines
            .iter()
            .copied()
            .chain(core::iter::once(self.figure.line))
    }
}

/// Pairs every figure with the words before it; None when a figure has no
/// label, a label is none of the block's, or a wrapped label's tail cannot
/// be told.
fn pair<'a>(words: &[Word<'a>]) -> Option<Vec<Pair<'a>>> {
    let mut pairs: Vec<Pair> = Vec::new();
    // The pair whose label is still the head of a wrapped one.
    let mut open: Option<usize> = None;
    let mut pending: Vec<Word> = Vec::new();
    for &word in words {
        if !is_amount(word.text) {
            pending.push(word);
            continue;
        }
        let (label, label_lines) = take_label(&mut pairs, &mut open, &pending)?;
        pending.clear();
        // The head of a wrapped label: one at a time.
        if completes(&label, false) {
            if open.is_some() {
                return None;
            }
            open = Some(pairs.len());
        }
        pairs.push(Pair {
            label,
            label_lines,
            figure: word,
        });
    }
    // The words after the last figure can only be a wrapped label's tail.
    if !pending.is_empty() {
        complete(&mut pairs, open?, &pending)?;
        open = None;
    }
    open.is_none().then_some(pairs)
}

/// The label of the next figure out of the words before it: all of them,
/// or — when the first words complete the open label — the rest. None when
/// not exactly one way reads them as labels of the block.
fn take_label(
    pairs: &mut [Pair],
    open: &mut Option<usize>,
    pending: &[Word],
) -> Option<(String, Vec<usize>)> {
    let is_label = |words: &[Word]| {
        let text = joined(words);
        completes(&text, true) || completes(&text, false)
    };
    // How many words complete the open label (0: none do).
    let heads = match *open {
        Some(_) => 0..pending.len(),
        None => 0..1,
    };
    let mut readings = heads.filter(|&k| {
        let rest = &pending[k..];
        let head_completed = k == 0
            || open.is_some_and(|at| {
                completes(&(pairs[at].label.clone() + &joined(&pending[..k])), true)
            });
        head_completed && !rest.is_empty() && is_label(rest)
    });
    let (Some(k), None) = (readings.next(), readings.next()) else {
        return None;
    };
    if k > 0 {
        complete(pairs, open.take()?, &pending[..k])?;
    }
    let rest = &pending[k..];
    Some((joined(rest), rest.iter().map(|w| w.line).collect()))
}

/// Words read as one label: a cell's pieces, joined without a space.
fn joined(words: &[Word]) -> String {
    words.iter().map(|w| w.text).collect()
}

/// Joins `tail` to the open pair's label, which it must make whole.
fn complete(pairs: &mut [Pair], open: usize, tail: &[Word]) -> Option<()> {
    let pair = &mut pairs[open];
    let label = pair.label.clone() + &joined(tail);
    if !completes(&label, true) {
        return None;
    }
    pair.label = label;
    pair.label_lines.extend(tail.iter().map(|w| w.line));
    Some(())
}

/// Whether `label` is one of the block's labels (`whole`), or the head of
/// one wrapped onto a later line (not `whole`: two characters or more).
fn completes(label: &str, whole: bool) -> bool {
    let bare = bare(label);
    if whole {
        BUDGET_LABELS.contains(&bare)
    } else {
        bare.chars().count() >= 2
            && BUDGET_LABELS
                .iter()
                .any(|l| l.len() > bare.len() && l.starts_with(bare))
    }
}

/// Each label once (合计 twice: the sources', then the uses'), and a
/// total among them.
fn well_formed(pairs: &[Pair]) -> bool {
    let labels: Vec<&str> = pairs.iter().map(|p| bare(&p.label)).collect();
    let totals = labels.iter().filter(|l| **l == "合计").count();
    let once = labels
        .iter()
        .enumerate()
        .all(|(i, l)| *l == "合计" || !labels[..i].contains(l));
    (1..=2).contains(&totals) && once && labels.len() > totals
}

/// A label without its "其中：".
pub(super) fn bare(label: &str) -> &str {
    ["其中：", "其中:"]
        .iter()
        .find_map(|p| label.strip_prefix(p))
        .unwrap_or(label)
}

/// The pairs as rows, the header its own row first.
fn rows(header: &Word, pairs: &[Pair]) -> Vec<RebuiltRow> {
    let mut rows: Vec<RebuiltRow> = vec![RebuiltRow {
        lines: vec![header.line],
        cells: vec![header.text.to_string()],
    }];
    for pair in pairs {
        push_pair(&mut rows, pair);
    }
    rows
}

/// Adds `pair` to the rows read so far: to the row it shares a printed
/// line with (joined with the rows after that one), or as a row of its own.
/// Pairs come in reading order: one shares lines only with the rows read
/// just before it.
pub(super) fn push_pair(rows: &mut Vec<RebuiltRow>, pair: &Pair) {
    let cells = [pair.label.clone(), pair.figure.text.to_string()];
    let mut lines: Vec<usize> = pair.lines().collect();
    sort_unique(&mut lines);
    let shared = rows
        .iter()
        .position(|r| r.lines.iter().any(|l| lines.contains(l)));
    match shared {
        Some(at) => {
            let mut merged: Vec<RebuiltRow> = rows.drain(at..).collect();
            let mut row = merged.remove(0);
            for other in merged {
                row.lines.extend(other.lines);
                row.cells.extend(other.cells);
            }
            row.lines.extend(lines);
            row.cells.extend(cells);
            sort_unique(&mut row.lines);
            rows.push(row);
        }
        None => rows.push(RebuiltRow {
            lines,
            cells: cells.to_vec(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::form_layout::numbered;

    fn rows_of(text: &str) -> Option<Vec<(Vec<usize>, Vec<String>)>> {
        let printed: Vec<PrintedLine> = numbered(text)
            .map(|l| PrintedLine {
                watermark: l.text == "仅供内部审核",
                ..l
            })
            .collect();
        read(&printed).map(|rows| rows.into_iter().map(|r| (r.lines, r.cells)).collect())
    }

    fn cells(rows: &[(Vec<usize>, Vec<String>)]) -> Vec<String> {
        rows.iter().flat_map(|r| r.1.iter().cloned()).collect()
    }

    const SPACED: &str =
        "年度预算情况 按资金来源划分 资金总额（万元） 按资金用途划分 资金总额（万元）
合计 1629.62 合计 1629.62
其中：一般公共预算资金 798.63 其中：基本支出 630.78
政府性基金预算资金 630.99 项目支出 998.84
国有资本经营预算资金 0.00
单位资金 0.00
年度重点任务 核心职能 重点任务
保障机关正常运转、单位 任务1：保障机关正常运转";

    #[test]
    fn single_spaced_lines_are_one_row_each() {
        let rows = rows_of(SPACED).expect("read");
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0], (vec![1], vec!["按资金来源划分".to_string()]));
        assert_eq!(rows[1].0, [2]);
        assert_eq!(rows[1].1, ["合计", "1629.62", "合计", "1629.62"]);
        assert_eq!(
            rows[2].1,
            [
                "其中：一般公共预算资金",
                "798.63",
                "其中：基本支出",
                "630.78"
            ]
        );
    }

    #[test]
    fn a_row_cites_each_line_once() {
        let rows = rows_of(SPACED).expect("read");
        assert!(rows.iter().all(|r| r.0.len() == 1), "{rows:?}");
    }

    #[test]
    fn one_cell_a_line_pairs_in_reading_order() {
        let text = "年度预算情况\n按资金来源划分\n资金总额（万元）\n合计\n1629.62 合计\n1629.62\n其中：一般公共预算资金\n798.63 其中：基本支出\n630.78\n单位资金\n0.00\n年度重点任务\n保障机关正常运转";
        let rows = rows_of(text).expect("read");
        assert_eq!(rows[0].0, [2]);
        // Each pair shares a line with the one before: "1629.62 合计".
        assert_eq!(rows[1].0, [4, 5, 6]);
        assert_eq!(rows[2].0, [7, 8, 9]);
        assert_eq!(
            cells(&rows[1..]),
            [
                "合计",
                "1629.62",
                "合计",
                "1629.62",
                "其中：一般公共预算资金",
                "798.63",
                "其中：基本支出",
                "630.78",
                "单位资金",
                "0.00"
            ]
        );
    }

    #[test]
    fn a_label_wrapped_around_its_figure_is_joined_back() {
        let text = "按资金来源划分 资金总额（万元）\n合计 2974.94 合计 2974.94\n其中:一般公共预算资\n2974.94 其中:基本支出 1672.26\n金\n政府性基金预算资金 0.00 项目支出 1302.68\n社会保险基金预算资\n0.00\n仅供内部审核\n金\n年度重点任务\n保障机关正常运转";
        let rows = rows_of(text).expect("read");
        let all = cells(&rows);
        assert!(
            all.contains(&"其中:一般公共预算资金".to_string()),
            "{all:?}"
        );
        assert!(all.contains(&"社会保险基金预算资金".to_string()), "{all:?}");
        let general = rows
            .iter()
            .find(|r| r.1.contains(&"其中:一般公共预算资金".to_string()))
            .unwrap();
        assert_eq!(general.0, [3, 4, 5]);
    }

    #[test]
    fn a_blank_the_text_lost_leaves_the_block_unread() {
        // 专户管理资金's figure is blank: its label runs into the next.
        let text =
            "按资金来源划分\n合计 10.00 合计 10.00\n专户管理资金 单位资金 0.00\n年度重点任务\n保障机关正常运转";
        assert_eq!(rows_of(text), None);
        // A figure with no label before it.
        let text = "按资金来源划分\n合计 10.00 10.00\n年度重点任务\n保障机关正常运转";
        assert_eq!(rows_of(text), None);
    }

    #[test]
    fn a_label_that_is_none_of_the_blocks_leaves_it_unread() {
        let text = "按资金来源划分\n合计 10.00\n其他收入 10.00\n年度重点任务\n保障机关正常运转";
        assert_eq!(rows_of(text), None);
        // A wrapped head never completed.
        let text = "按资金来源划分\n合计 10.00\n一般公共预算 10.00\n年度重点任务\n保障机关正常运转";
        assert_eq!(rows_of(text), None);
    }

    #[test]
    fn a_block_with_no_end_is_unread() {
        let text = "按资金来源划分\n合计 10.00 合计 10.00\n单位资金 10.00";
        assert_eq!(rows_of(text), None);
        let text = "按资金来源划分\n合计 10.00 合计 10.00\n单位资金 10.00\n年度重点任务";
        assert_eq!(
            rows_of(text),
            None,
            "the next row's label alone ends nothing"
        );
    }

    #[test]
    fn rows_printed_after_the_next_rows_label_are_the_blocks() {
        // pdftotext's reading order (caizheng): the last two rows after
        // 年度重点任务, then the next row's cells.
        let text = "按资金来源划分\n合计\n10.00 合计\n10.00\n单位资金\n4.00\n年度重点任务\n资金总额（万元）\n专户管理资金\n6.00\n核心职能\n<p>(一) 拟订全市财税发展战略";
        let all = cells(&rows_of(text).expect("read"));
        assert!(
            all.ends_with(&["专户管理资金".to_string(), "6.00".to_string()]),
            "{all:?}"
        );
    }

    #[test]
    fn a_label_after_the_block_leaves_it_unread() {
        let text = "按资金来源划分\n合计 10.00 合计 10.00\n单位资金 10.00\n年度重点任务 保障运转\n专户管理资金 0.00";
        assert_eq!(rows_of(text), None);
    }
}
