//! The 项目资金 of a 13-table 项目支出绩效目标申报表 whose grid could not be
//! read: the one block of 年度资金 that a 专项资金 document's forms print,
//! laid out by spaces or single-spaced.
//!
//! The block is one column of labels beside one column of figures:
//! "年度资金总额：" with its figure on the row's line, then the five
//! sources (中央财政资金, 省级财政资金, 市县（区）财政资金, 单位自筹,
//! 其他资金), each with its figure or blank. The PDF wraps a long label
//! in its cell and centres the figure in the row, so a text extractor
//! prints the figure on a line of its own between the label's pieces:
//!
//! ```text
//! 市县（区）财政资
//! 1,100,000
//! 金
//! ```
//!
//! The labels are known and come in the template's order, so their pieces
//! are joined back as long as they spell the next label. A figure belongs
//! to the label whose lines it stands on or between — a figure is centred
//! in its row, and a row's label spans it. Anything else leaves the block
//! unread: a figure on a line of its own between two whole labels (either
//! could own it), two figures on a line (the grid of both blocks, 实施期
//! and 年度, side by side), a word that spells no label. A figure under
//! the wrong source would be a false error (P103); a block left unread is
//! only said to be unread.

use super::form_layout::PrintedLine;
use super::tokens::is_amount;
use super::RebuiltRow;
use crate::parse::forms::labels::label_key;
use crate::prelude::*;

/// The block's total, as `label_key` folds it.
const TOTAL: &str = "年度资金总额";

/// The sources under the total, in the order printed, as `label_key`
/// folds them ("其中：" and colons gone, brackets half-width).
const SOURCES: [&str; 5] = [
    "中央财政资金",
    "省级财政资金",
    "市县(区)财政资金",
    "单位自筹",
    "其他资金",
];

/// The row's own label, printed beside the block over one or two lines.
const ROW_LABEL: &[&str] = &[
    "项目资金",
    "（元）",
    "(元)",
    "项目资金（元）",
    "项目资金(元)",
];

/// The rows after the block: where to stop looking for it.
const LATER_ROWS: &[&str] = &["项目概况", "立项依据", "年度目标", "绩效指标"];

/// The block's rows as the TAB text has them — the total's, then one per
/// source — when every figure can be told; `printed` are the form's lines,
/// `after` the index of the last line of the row before (the name's).
pub fn rows(printed: &[PrintedLine], after: usize) -> Option<Vec<RebuiltRow>> {
    let rest = printed.get(after + 1..)?;
    let at = rest.iter().position(|line| {
        words(line.text).any(|w| label_key(w) == TOTAL || LATER_ROWS.contains(&w))
    })?;
    let (total, figure) = total_row(&rest[at])?;
    let mut rows = vec![RebuiltRow {
        lines: vec![rest[at].no],
        cells: vec!["项目资金（元）".to_string(), total, figure],
    }];
    let mut source = Source::default();
    let mut lines = rest[at + 1..].iter();
    while rows.len() <= SOURCES.len() {
        let line = lines.next()?;
        let (label, figures) = split(line.text);
        let figure = match figures[..] {
            [] => None,
            [figure] => Some(figure),
            _ => return None,
        };
        if label.is_empty() && figure.is_none() {
            continue; // the row's own label, wrapped beside the block
        }
        let expected = SOURCES[rows.len() - 1];
        // A lone figure stands between the pieces of the label it is
        // centred on; outside a label, either neighbour could own it.
        if label.is_empty() && source.label.is_empty() {
            return None;
        }
        source.label.push_str(&label);
        source.lines.push(line.no);
        if let Some(figure) = figure {
            if source.figure.replace((figure, line.no)).is_some() {
                return None;
            }
        }
        let key = label_key(&source.label);
        if key == expected {
            rows.push(core::mem::take(&mut source).into_row());
        } else if !expected.starts_with(key.as_ref()) {
            return None;
        }
    }
    // A figure right under the last label could be its.
    match lines.next().map(|line| split(line.text)) {
        Some((label, figures)) if label.is_empty() && !figures.is_empty() => None,
        _ => Some(rows),
    }
}

/// A source's label as its pieces are read, its lines and its figure with
/// its line.
#[derive(Default)]
struct Source<'a> {
    label: String,
    lines: Vec<usize>,
    figure: Option<(&'a str, usize)>,
}

impl Source<'_> {
    /// The row, over its figure's line when it has one: what a finding
    /// cites is the figure.
    fn into_row(mut self) -> RebuiltRow {
        if let Some((_, at)) = self.figure {
            self.lines.retain(|&no| no != at);
            self.lines.insert(0, at);
        }
        RebuiltRow {
            lines: self.lines,
            cells: vec![
                String::new(),
                self.label,
                self.figure
                    .map_or_else(String::new, |(figure, _)| figure.to_string()),
            ],
        }
    }
}

/// "项目资金 （元） 年度资金总额： 1,100,000": the total's label and figure,
/// both on the line, and nothing else but the row's own label.
fn total_row(line: &PrintedLine) -> Option<(String, String)> {
    let (label, figures) = split(line.text);
    match figures[..] {
        [figure] if label_key(&label) == TOTAL => Some((label, figure.to_string())),
        _ => None,
    }
}

/// A line's words that are not the row's own label, the figures apart:
/// the rest joined with no space, as single spaces print "其中: 中央财政资金"
/// and "资 金".
fn split(text: &str) -> (String, Vec<&str>) {
    let mut label = String::new();
    let mut figures = Vec::new();
    for word in words(text) {
        if is_amount(word) {
            figures.push(word);
        } else if !ROW_LABEL.contains(&word) {
            label.push_str(word);
        }
    }
    (label, figures)
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows' lines and cells, `text`'s lines numbered from 1 and the
    /// row before the block its first.
    fn rows_of(text: &str) -> Option<Vec<(Vec<usize>, Vec<String>)>> {
        let printed: Vec<PrintedLine> = text
            .split('\n')
            .enumerate()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(i, text)| PrintedLine {
                no: i + 1,
                text,
                page_start: false,
                watermark: false,
            })
            .collect();
        rows(&printed, 0).map(|rows| rows.into_iter().map(|r| (r.lines, r.cells)).collect())
    }

    fn row(lines: &[usize], cells: [&str; 3]) -> (Vec<usize>, Vec<String>) {
        (lines.to_vec(), cells.map(str::to_string).to_vec())
    }

    /// As `pdftotext -layout` prints the 2022 商务局 专项资金 forms.
    const LAYOUT: &str = "项目属性                    项目期           3年
项目资金 （元）   年度资金总额：        1,100,000
           其中：中央财政资
           金
           省级财政资金
           市县（区）财政资
                          1,100,000
           金
           单位自筹
           其他资金
           对2021年度符合阳政办发【2019】26号文件相关条件的外贸企业实行配套补助
项目概况";

    #[test]
    fn a_figure_between_its_label_s_pieces_is_the_label_s() {
        let rows = rows_of(LAYOUT).expect("read");
        assert_eq!(
            rows,
            [
                row(&[2], ["项目资金（元）", "年度资金总额：", "1,100,000"]),
                row(&[3, 4], ["", "其中：中央财政资金", ""]),
                row(&[5], ["", "省级财政资金", ""]),
                // Over the figure's line, which a finding cites.
                row(&[7, 6, 8], ["", "市县（区）财政资金", "1,100,000"]),
                row(&[9], ["", "单位自筹", ""]),
                row(&[10], ["", "其他资金", ""]),
            ]
        );
    }

    #[test]
    fn single_spaces_read_the_same() {
        // pdfplumber: the row's label wrapped into the block, a label's
        // piece spaced, a figure on its label's line.
        let text = "项目属性 项目期 1年
项目资金 年度资金总额： 70,000
其中：中央财政资
(元)
金
省级财政资金
市县（区）财政 70,000
资 金
单位自筹
其他资金
项目概况 通过发放宣传资料";
        let rows = rows_of(text).expect("read");
        // The row's label is no source's: its line is left out.
        assert_eq!(rows[1], row(&[3, 5], ["", "其中：中央财政资金", ""]));
        assert_eq!(rows[3], row(&[7, 8], ["", "市县（区）财政资金", "70,000"]));
        assert_eq!(rows.len(), 6);
    }

    /// What is not certain is not read.
    #[test]
    fn a_figure_no_label_spans_leaves_the_block_unread() {
        let cases = [
            (
                "a figure between two whole labels",
                "           省级财政资金\n",
                "           省级财政资金\n                     5,000\n",
            ),
            (
                "a figure under the last label",
                "           其他资金\n",
                "           其他资金\n                     5,000\n",
            ),
            (
                "two figures on a line",
                "                          1,100,000\n",
                "                          1,100,000     5,000\n",
            ),
            ("a word that spells no label", "单位自筹", "单位自筹资金"),
            ("a label out of order", "           省级财政资金\n", ""),
            (
                "the total's figure off its line",
                "年度资金总额：        1,100,000",
                "年度资金总额：\n        1,100,000",
            ),
            (
                "both blocks side by side",
                "项目资金 （元）",
                "项目资金 （元）  实施期资金总额：  1,100,000",
            ),
        ];
        for (what, printed, instead) in cases {
            assert!(LAYOUT.contains(printed), "{what}");
            let text = LAYOUT.replacen(printed, instead, 1);
            assert_eq!(rows_of(&text), None, "{what}");
        }
    }
}
