//! The indicator grid of a Shanghai 填报表 laid out by spaces: a row for
//! each 三级指标 and its 指标值, the 一级 and 二级 labels in merged cells
//! down the left, each centred on the rows it spans.
//!
//! A line holds the 三级指标 and its 指标值 (the left one the name), or a
//! piece of one cell wrapped around the other's line ("提升居民…提升驻区企 /
//! 提升 / 业，依法统计意识…"): a single piece goes to the column whose
//! pieces it stands nearer, by far. A row is the fewest lines, one after
//! another, in which the name's and the value's lines are centred on each
//! other. Labels are what the template prints: 一级 (产出/效益/满意度指标)
//! and 二级 names, whole or in pieces over the lines around their middle
//! ("社会效益指 / 标"), left of the 三级指标 header. A label spans the rows
//! from the one after the span above it to the one that centres it; the
//! 一级 label over a row must be its 二级's own. One row that no span
//! centres, one piece no label completes, and the grid is not read.

use super::{chunks, Chunk, PrintedLine, RebuiltRow};
use crate::parse::forms::grid::{first_level, second_level};
use crate::prelude::*;

/// The 二级指标 the template prints: a piece of a label wrapped over lines
/// is a part of one of them.
const LEVEL2: [&str; 9] = [
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
];
/// The grid's own label at the left edge, on one of its lines.
const GRID_LABEL: &str = "绩效指标";
/// How far right of the left edge the grid's label may stand.
const LABEL_EDGE: usize = 2;
/// The most lines a row may take.
const MAX_ROW_LINES: usize = 5;

/// A label of the left columns, and the lines it is printed on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Label {
    text: String,
    first: usize,
    last: usize,
}

impl Label {
    /// Its middle, in half lines.
    fn middle(&self) -> usize {
        self.first + self.last
    }
}

/// A line's cells of the 三级指标 and 指标值 columns.
#[derive(Debug, Clone, Copy)]
struct Content<'a> {
    no: usize,
    name: Option<&'a str>,
    value: Option<&'a str>,
}

/// A row read: its lines, its name and value.
#[derive(Debug, Clone)]
struct Row {
    lines: Vec<usize>,
    name: String,
    value: String,
}

impl Row {
    fn top(&self) -> usize {
        self.lines[0]
    }
    fn bottom(&self) -> usize {
        self.lines[self.lines.len() - 1]
    }
}

/// The header row and a row for each indicator, its 一级 and 二级 label
/// first, from the header line (first of `printed`) to the form's end;
/// None when any row or label cannot be told.
pub(super) fn read(printed: &[PrintedLine]) -> Option<Vec<RebuiltRow>> {
    let (header, body) = printed.split_first()?;
    let header_cells = chunks(header.text);
    let names_from = header_cells.iter().find(|c| c.text == "三级指标")?.start;
    let mut level1 = Vec::new();
    let mut pieces = Vec::new();
    let mut cells: Vec<(usize, Vec<Chunk>)> = Vec::new();
    for line in body {
        let mut content = Vec::new();
        for chunk in chunks(line.text) {
            if !left_labels(&chunk, names_from, line.no, &mut level1, &mut pieces) {
                content.push(chunk);
            }
        }
        if content.len() > 2 {
            return None;
        }
        if !content.is_empty() {
            cells.push((line.no, content));
        }
    }
    let level2 = whole_labels(pieces)?;
    let rows = rows_of(&named(&cells)?)?;
    let level2_of = spans(&rows, &level2)?;
    let level1_of = spans(&rows, &level1)?;
    let mut out = vec![RebuiltRow {
        lines: vec![header.no],
        cells: header_cells.into_iter().map(|c| c.text).collect(),
    }];
    for ((row, l2), l1) in rows.into_iter().zip(level2_of).zip(level1_of) {
        let (l1, l2) = (&level1[l1].text, &level2[l2].text);
        if second_level(l2).is_none() || second_level(l2) != first_level(l1) {
            return None;
        }
        out.push(RebuiltRow {
            lines: row.lines,
            cells: vec![l1.clone(), l2.clone(), row.name, row.value],
        });
    }
    Some(out)
}

/// What a word of the left columns is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeftWord {
    /// The grid's own label ("绩效指标"), at the left edge.
    GridLabel,
    /// A 一级 label, whole ("产出指标").
    Level1,
    /// A 二级 label or a piece of one ("社会效益指", "标").
    Level2,
}

impl LeftWord {
    /// What `word`, starting at column `start`, is; None when it is none
    /// of the left columns' words.
    fn of(word: &str, start: usize) -> Option<LeftWord> {
        if start <= LABEL_EDGE && GRID_LABEL.contains(word) {
            Some(LeftWord::GridLabel)
        } else if word.ends_with("指标") && first_level(word).is_some() {
            Some(LeftWord::Level1)
        } else if LEVEL2.iter().any(|l| l.contains(word)) {
            Some(LeftWord::Level2)
        } else {
            None
        }
    }
}

/// Takes `chunk` as labels of the left columns when every word of it is
/// one, left of the 三级指标 header: 一级 labels into `level1`, 二级 labels
/// and pieces of them into `level2` (with the column they start at), the
/// grid's own label dropped. False when it is a cell of the 三级指标 or
/// 指标值 columns.
fn left_labels(
    chunk: &Chunk,
    names_from: usize,
    no: usize,
    level1: &mut Vec<Label>,
    level2: &mut Vec<(usize, usize, String)>,
) -> bool {
    if chunk.start >= names_from {
        return false;
    }
    let mut start = chunk.start;
    let mut words = Vec::new();
    for word in chunk.text.split(' ') {
        let Some(kind) = LeftWord::of(word, start) else {
            return false;
        };
        words.push((kind, start, word));
        start += word.chars().count() + 1;
    }
    for (kind, start, word) in words {
        match kind {
            LeftWord::Level1 => level1.push(Label {
                text: word.to_string(),
                first: no,
                last: no,
            }),
            LeftWord::Level2 => level2.push((no, start, word.to_string())),
            LeftWord::GridLabel => {}
        }
    }
    true
}

/// The 二级 labels, their pieces put together top to bottom: every run of
/// pieces must make one label of [`LEVEL2`], and a whole label stands
/// alone.
fn whole_labels(mut pieces: Vec<(usize, usize, String)>) -> Option<Vec<Label>> {
    crate::slices::sort_stable_by(&mut pieces, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut labels = Vec::new();
    let mut open: Option<Label> = None;
    for (no, _, text) in pieces {
        let label = match open.take() {
            Some(mut label) => {
                label.text.push_str(&text);
                label.last = no;
                label
            }
            None => Label {
                text,
                first: no,
                last: no,
            },
        };
        if LEVEL2.contains(&label.text.as_str()) {
            labels.push(label);
        } else {
            open = Some(label);
        }
    }
    open.is_none().then_some(labels)
}

/// Each line's cells as a name and a value: of two, the left is the name;
/// one alone goes to the column whose cells' middles (on lines of two) it
/// stands far nearer.
fn named(cells: &[(usize, Vec<Chunk>)]) -> Option<Vec<Content<'_>>> {
    let middle = |c: &Chunk| 2 * c.start + c.text.chars().count();
    let pairs: Vec<(usize, usize)> = cells
        .iter()
        .filter_map(|(_, c)| match &c[..] {
            [name, value] => Some((middle(name), middle(value))),
            _ => None,
        })
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let names = pairs.iter().map(|p| p.0).sum::<usize>() / pairs.len();
    let values = pairs.iter().map(|p| p.1).sum::<usize>() / pairs.len();
    cells
        .iter()
        .map(|(no, c)| match &c[..] {
            [name, value] => Some(Content {
                no: *no,
                name: Some(&name.text),
                value: Some(&value.text),
            }),
            [only] => {
                let (to_name, to_value) =
                    (middle(only).abs_diff(names), middle(only).abs_diff(values));
                let (name, value) = if 2 * to_name < to_value {
                    (Some(only.text.as_str()), None)
                } else if 2 * to_value < to_name {
                    (None, Some(only.text.as_str()))
                } else {
                    return None;
                };
                Some(Content {
                    no: *no,
                    name,
                    value,
                })
            }
            _ => None,
        })
        .collect()
}

/// The lines cut into rows, each the fewest lines from where the row
/// before ended whose name and value pieces are centred on each other,
/// its lines one after another.
fn rows_of(lines: &[Content]) -> Option<Vec<Row>> {
    let mut rows = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len().min(i + MAX_ROW_LINES)).find_map(|j| row(&lines[i..=j]))?;
        i += end.lines.len();
        rows.push(end);
    }
    Some(rows)
}

/// The lines as one row, when they follow one another and hold both
/// cells, centred on each other.
fn row(lines: &[Content]) -> Option<Row> {
    if lines.windows(2).any(|w| w[1].no != w[0].no + 1) {
        return None;
    }
    let middle = |of: fn(&Content) -> bool| {
        let mut at = lines.iter().filter(|l| of(l)).map(|l| l.no);
        let first = at.next()?;
        Some(first + at.next_back().unwrap_or(first))
    };
    let names = middle(|l| l.name.is_some())?;
    if names != middle(|l| l.value.is_some())? {
        return None;
    }
    Some(Row {
        lines: lines.iter().map(|l| l.no).collect(),
        name: lines.iter().filter_map(|l| l.name).collect(),
        value: lines.iter().filter_map(|l| l.value).collect(),
    })
}

/// For each row, the label whose span holds it: top to bottom, each
/// label spans the rows from the one after the span above to the one
/// that centres it; the last span ends at the last row.
///
/// Where a label stands is told in rows, not lines: a table row is as
/// tall as its lines and a line of padding (as `pdftotext` prints rows
/// apart by blank lines where they are spaced out), while a label's line
/// stands among the rows' lines only in order (packed rows print no blank
/// line between them, and a label on a line of its own between two rows
/// stands on the rule between them). The middle of the rows spanned must
/// be where the label's middle line stands, within half a line, the
/// nearest so.
fn spans(rows: &[Row], labels: &[Label]) -> Option<Vec<usize>> {
    // Where each row starts, downwards, in lines: rows[i] spans
    // tops[i]..tops[i + 1].
    let mut tops = Vec::with_capacity(rows.len() + 1);
    tops.push(0);
    for row in rows {
        tops.push(tops[tops.len() - 1] + row.lines.len() + 1);
    }
    // Where a printed line stands: on its row's line (half a line of
    // padding above the first), or on the rule before the next row.
    let at = |no: usize| match rows.iter().position(|r| r.bottom() >= no) {
        Some(r) if rows[r].top() <= no => tops[r] + 1 + (no - rows[r].top()),
        Some(r) => tops[r],
        None => tops[rows.len()],
    };
    let mut of = Vec::with_capacity(rows.len());
    for (k, label) in labels.iter().enumerate() {
        let middle = label.middle();
        // Twice where the label's middle stands.
        let stands = at(middle / 2) + at(middle.div_ceil(2));
        let from = of.len();
        // Rows stand two half lines apart at least: one ends a span so
        // centred, or two do, half a line off either side, and which is
        // not told.
        let mut near =
            (from..rows.len()).filter(|&e| (tops[from] + tops[e + 1]).abs_diff(stands) <= 1);
        let (Some(end), None) = (near.next(), near.next()) else {
            return None;
        };
        of.resize(end + 1, k);
    }
    (of.len() == rows.len()).then_some(of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::form_layout::printed;

    /// The rows read from `text` (its first line numbered 1): each
    /// indicator's lines and cells.
    fn grid(text: &str) -> Option<Vec<(Vec<usize>, Vec<String>)>> {
        let printed = printed(text);
        let rows = read(&printed)?;
        Some(
            rows.into_iter()
                .skip(1)
                .map(|r| (r.lines, r.cells))
                .collect(),
        )
    }

    fn cells(rows: &[(Vec<usize>, Vec<String>)]) -> Vec<String> {
        rows.iter().map(|(_, c)| c.join("|")).collect()
    }

    /// 万里街道 2023, 公共服务设施运行经费 (lines 1133–1154): rows spaced
    /// out by blank lines, each label halfway down the rows it spans, two
    /// of them wrapped around their middle line.
    const SPACED_OUT: &str = "         一级指标   二级指标                     三级指标                           年度(/项目)指标值
                                        开展活动300场                           =300.00(场)
                数量指标
                                      环境卫生及保安服务                       卫生整洁、内部安全有序

         产出指标                            居民参与率                        居民参与率不低于 100%

                质量指标                   维修处理及时率                           维修响应速度快

绩效指标                                     房屋质量                               房屋完好

                                      加强工作人员队伍建设                               是
                社会效益指
         效益指标
                  标
                                        安全责任事故                             安全无事故

                                         居民满意度                                 90%
                服务对象满
        满意度指标
                 意度指标
                                       工作人员满意度                             ≥95.00(%)";

    #[test]
    fn each_label_spans_the_rows_it_is_centred_on() {
        let rows = grid(SPACED_OUT).unwrap();
        assert_eq!(
            cells(&rows),
            [
                "产出指标|数量指标|开展活动300场|=300.00(场)",
                "产出指标|数量指标|环境卫生及保安服务|卫生整洁、内部安全有序",
                "产出指标|质量指标|居民参与率|居民参与率不低于 100%",
                "产出指标|质量指标|维修处理及时率|维修响应速度快",
                "产出指标|质量指标|房屋质量|房屋完好",
                "效益指标|社会效益指标|加强工作人员队伍建设|是",
                "效益指标|社会效益指标|安全责任事故|安全无事故",
                "满意度指标|服务对象满意度指标|居民满意度|90%",
                "满意度指标|服务对象满意度指标|工作人员满意度|≥95.00(%)",
            ]
        );
        assert_eq!(rows[0].0, [2]);
    }

    #[test]
    fn a_name_wrapped_around_its_value_is_one_row() {
        // 万里街道 2023, 各类工作经费 (lines 1076–1079, the labels on the
        // line that centres them here): packed rows, a name over two lines
        // with its value between them.
        let text = "       一级指标    二级指标                 三级指标                             年度(/项目)指标值
                            解决小朋友寒暑假看护难问题                             ≥120.00(人次)
        效益指标 社会效益指标   \"提升居民、驻区单位质量及节能环保意识 提升驻区企
                                                                           提升
                           业，依法统计意识 优化营商环境 \"";
        let rows = grid(text).unwrap();
        assert_eq!(
            cells(&rows),
            [
                "效益指标|社会效益指标|解决小朋友寒暑假看护难问题|≥120.00(人次)",
                "效益指标|社会效益指标|\"提升居民、驻区单位质量及节能环保意识 提升驻区企业，依法统计意识 优化营商环境 \"|提升",
            ]
        );
        assert_eq!(rows[1].0, [3, 4, 5]);
    }

    #[test]
    fn a_label_centred_on_no_span_leaves_the_grid_unread() {
        // 质量指标 moved down a row: 产出's rows no longer split around it
        // with 数量's.
        let text = SPACED_OUT.replace(
            "                质量指标                   维修处理及时率",
            "                                           维修处理及时率",
        );
        let text = text.replace(
            "绩效指标                                     房屋质量",
            "绩效指标        质量指标                     房屋质量",
        );
        assert_eq!(grid(&text), None);
    }

    #[test]
    fn a_piece_no_label_completes_leaves_the_grid_unread() {
        let text = SPACED_OUT.replace("                  标\n", "\n");
        assert_eq!(grid(&text), None);
    }
}
