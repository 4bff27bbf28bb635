//! A Shanghai 财政项目支出绩效目标填报表 laid out by spaces (`pdftotext
//! -layout`), read whole: its head rows, its goals and its indicator grid,
//! around the name and 项目资金 `form_funds` reads.
//!
//! `form_layout` cannot cut this form into rows: Shanghai centres every
//! merged cell down as well as across. 一级 and 二级指标 stand halfway down
//! the rows they span, a 二级 label wrapped around its span's middle line
//! ("服务对象满 / 满意度指标 / 意度指标"); "项目绩效目标" stands over the goal
//! header and the goals; the goals' lines are centred in their cells. A
//! cell spanning rows stands on no row of its own, and `form_layout` takes
//! such a cell to start on its first row. So each part is read by what
//! the template prints there:
//!
//! - the head: a row a line, each label followed by its value
//!   ("项目名称 新建万里街道社区公共服务中心 项目性质 阶段性项目 项目类别 特定目标类");
//! - the fund block: `form_funds`'s rows;
//! - the goals (`goals.rs`): two paragraphs side by side, parted by where
//!   the right one's lines start;
//! - the grid (`grid.rs`): a row for each 三级指标 and its 指标值, centred
//!   on each other when wrapped, each 一级 and 二级 label centred on the
//!   rows it spans.
//!
//! Every printed line must belong to a part, every part must be read
//! with certainty; else the form keeps `form_funds`'s reading in part, as
//! before. The rows are the ones the TAB text of the form has, so that
//! the form reader (`parse::forms`) reads them as it reads that text.

mod goals;
mod grid;

use super::form_layout::PrintedLine;
use super::layout::{header_cells, words};
use super::RebuiltRow;
use crate::prelude::*;

/// The head's labels: each starts a cell, its value the words up to the
/// next.
const HEAD_LABELS: [&str; 7] = [
    "项目名称",
    "项目性质",
    "项目类别",
    "主管部门",
    "实施单位",
    "计划开始日期",
    "计划完成日期",
];

/// The rows of the whole form whose lines after its title are `printed`,
/// given the rows `form_funds` read of it (the name's row, then the fund
/// block's); None when any part cannot be told with certainty.
pub fn read(printed: &[PrintedLine], funds: &[RebuiltRow]) -> Option<Vec<RebuiltRow>> {
    let has = |line: &PrintedLine, word: &str| chunks(line.text).iter().any(|c| c.text == word);
    let name_at = printed.iter().position(|l| has(l, "项目名称"))?;
    let funds_at = printed.iter().position(|l| has(l, "项目资金总额"))?;
    let goals_at = printed
        .iter()
        .position(|l| has(l, "项目总目标") && has(l, "年度总体目标"))?;
    let grid_at = printed.iter().position(|l| has(l, "一级指标"))?;
    if !(name_at < funds_at && funds_at < goals_at && goals_at < grid_at) {
        return None;
    }
    // A page break inside the goals or the grid would part what is
    // centred on what.
    if printed[goals_at + 1..].iter().any(|l| l.page_start) {
        return None;
    }
    let (name_row, fund_rows) = funds.split_first()?;
    if fund_rows.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    for line in &printed[..name_at] {
        if !super::form_funds::is_year(line.text) {
            return None;
        }
        rows.push(RebuiltRow {
            lines: vec![line.no],
            cells: vec![line.text.trim().to_string()],
        });
    }
    for line in &printed[name_at..funds_at] {
        rows.push(head_row(line)?);
    }
    // The name read here is the one `form_funds` read.
    let name = rows.iter().find_map(|r| match &r.cells[..] {
        [label, name, ..] if label == "项目名称" => Some(name),
        _ => None,
    })?;
    if name_row.cells.get(1) != Some(name) {
        return None;
    }
    rows.extend(fund_rows.iter().cloned());
    // Between the block and the goals, no line but the block's: its own
    // label ("项目资金" over "（元）") aside, and lines taken for watermarks.
    let stray = printed[funds_at..goals_at].iter().any(|l| {
        let in_block = fund_rows.iter().any(|r| r.lines.contains(&l.no));
        let row_label = l
            .text
            .split_whitespace()
            .all(|w| super::form_funds::ROW_LABEL.contains(&w));
        !(in_block || row_label || l.watermark)
    });
    if stray {
        return None;
    }
    rows.extend(goals::read(&printed[goals_at..grid_at])?);
    rows.extend(grid::read(&printed[grid_at..])?);
    crate::slices::sort_stable_by(&mut rows, |a, b| a.lines[0].cmp(&b.lines[0]));
    join_left_over(printed, &mut rows)?;
    Some(rows)
}

/// One head line as its row: labels and values in turn, a label first, a
/// value (its words up to the next label) after each.
fn head_row(line: &PrintedLine) -> Option<RebuiltRow> {
    let mut cells: Vec<String> = Vec::new();
    for word in line.text.split_whitespace() {
        let after_label = !cells.len().is_multiple_of(2);
        let is_label = HEAD_LABELS.contains(&word);
        match (cells.last_mut(), is_label) {
            // A line that does not start with a label, or a label with no
            // value.
            (None, false) => return None,
            (Some(_), true) if after_label => return None,
            // A value of several words, which single spaces part.
            (Some(value), false) if !after_label => {
                value.push(' ');
                value.push_str(word);
            }
            _ => cells.push(word.to_string()),
        }
    }
    (!cells.is_empty() && cells.len().is_multiple_of(2)).then(|| RebuiltRow {
        lines: vec![line.no],
        cells,
    })
}

/// Joins each printed line no row was read from (the fund block's own
/// label, a line taken for a watermark) into the row before it; the rows'
/// first lines must follow one another.
fn join_left_over(printed: &[PrintedLine], rows: &mut [RebuiltRow]) -> Option<()> {
    if rows.windows(2).any(|w| w[0].lines[0] >= w[1].lines[0]) {
        return None;
    }
    for line in printed {
        if rows.iter().any(|r| r.lines.contains(&line.no)) {
            continue;
        }
        let before = rows.iter().rposition(|r| r.lines[0] < line.no)?;
        rows[before].lines.push(line.no);
    }
    Some(())
}

/// A run of words one space apart, and the character column it starts
/// at (`pdftotext -layout` gives every character a column).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk {
    start: usize,
    text: String,
}

impl Chunk {
    /// The column past its last character.
    fn end(&self) -> usize {
        self.start + self.text.chars().count()
    }
}

/// The chunks of a line: its words, those one space apart joined, as the
/// layout reader joins a header line's words into cells.
fn chunks(text: &str) -> Vec<Chunk> {
    header_cells(&words(text))
        .into_iter()
        .map(|(start, text)| Chunk { start, text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chunks_part_at_two_spaces_and_keep_their_columns() {
        let got = chunks("  项目名称   新建 中心  项目性质 阶段性项目 ");
        assert_eq!(
            got,
            [
                Chunk {
                    start: 2,
                    text: "项目名称".to_string()
                },
                Chunk {
                    start: 9,
                    text: "新建 中心".to_string()
                },
                Chunk {
                    start: 16,
                    text: "项目性质 阶段性项目".to_string()
                },
            ]
        );
        assert_eq!(got[1].end(), 14);
    }

    #[test]
    fn a_head_line_is_its_labels_and_values() {
        let line = PrintedLine {
            no: 5,
            text: "      项目名称       新建万里街道社区公共服务中心    项目性质      阶段性项目 项目类别      特定目标类",
            page_start: false,
            watermark: false,
        };
        let row = head_row(&line).unwrap();
        assert_eq!(
            row.cells,
            [
                "项目名称",
                "新建万里街道社区公共服务中心",
                "项目性质",
                "阶段性项目",
                "项目类别",
                "特定目标类"
            ]
        );
        let wrapped = PrintedLine {
            text: "      上海市普陀区人民政府",
            ..line
        };
        assert!(
            head_row(&wrapped).is_none(),
            "a value wrapped under its label"
        );
    }

    const WORDS: [&str; 16] = [
        "（2023年度）",
        "项目名称",
        "主管部门",
        "项目资金总额",
        "1,000.00",
        "其他资金",
        "项目总目标",
        "年度总体目标",
        "项目",
        "绩效",
        "一级指标",
        "三级指标",
        "产出指标",
        "数量指标",
        "服务对象满",
        "提升",
    ];

    /// Lines of the form's own words, each run of them followed by one to
    /// three spaces, the lines indented by up to two.
    fn form_lines() -> impl Strategy<Value = Vec<String>> {
        let word = (0..WORDS.len(), 1..4usize);
        let line = (0..3usize, proptest::collection::vec(word, 0..5));
        let lines = proptest::collection::vec(line, 0..30);
        lines.prop_map(|lines| {
            lines
                .into_iter()
                .map(|(indent, words)| {
                    let mut text = " ".repeat(indent);
                    for (w, gap) in words {
                        text.push_str(WORDS[w]);
                        text.push_str(&" ".repeat(gap));
                    }
                    text
                })
                .collect()
        })
    }

    proptest! {
        /// Whatever lines of the form's words make, the readers end, in
        /// rows or none, without a panic.
        #[test]
        fn any_lines_of_its_words_end_in_rows_or_none(texts in form_lines()) {
            let printed: Vec<PrintedLine> = texts
                .iter()
                .enumerate()
                .map(|(i, text)| PrintedLine {
                    no: 2 * i + 1,
                    text,
                    page_start: false,
                    watermark: false,
                })
                .collect();
            if let Some((_, funds)) = super::super::form_funds::read(&printed) {
                let _ = read(&printed, &funds);
            }
            // Funds read on any lines, under any name.
            let row = |no: usize, cells: [&str; 2]| RebuiltRow {
                lines: vec![no],
                cells: cells.map(String::from).to_vec(),
            };
            let funds = [row(3, ["项目名称", "提升"]), row(7, ["项目资金总额", "1,000.00"])];
            let _ = read(&printed, &funds);
            let _ = goals::read(&printed);
            let _ = grid::read(&printed);
        }
    }
}
