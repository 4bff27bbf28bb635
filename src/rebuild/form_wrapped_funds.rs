//! The 项目资金 of a 13-table project form whose grid could not be read,
//! laid out by spaces or single-spaced: the 实施期 and 年度 blocks side by
//! side of a budget document's 项目支出绩效目标表, or the one block of
//! 年度资金 of a 专项资金 document's 申报表 (that one one cell a line too).
//!
//! A block is a column of labels beside a column of figures: the total
//! ("实施期资金总额：", "年度资金总额：") with its figure, then the five
//! sources (中央财政资金, 省级财政资金, 市县（区）财政资金, 单位自筹,
//! 其他资金), each with its figure or blank. The PDF wraps a long label in
//! its cell and centres the figure in the row, so a text extractor prints
//! the figure between the label's pieces, and the two blocks' pieces side
//! by side on the same lines:
//!
//! ```text
//! 其中：中央财 其中：中央财
//! 0 0
//! 政资金 政资金
//! ```
//!
//! On a line the words stand left to right: the first block's label
//! piece, its figure, the second block's piece, its figure — any of them
//! missing. The labels are known and come in the template's order, so a
//! reading gives every word of the block a place so that each block's
//! pieces spell its labels one after another, and each figure stands on a
//! line its label's pieces stand on or between (a figure is centred in its
//! row, and its label's cell spans it). The block is read when exactly one
//! reading does that. Anything else leaves it unread: two readings (a
//! figure either of two labels could own), none (a word that spells no
//! label, a figure outside every label), or more to weigh than
//! [`MOST_STEPS`]. A figure under the wrong label would be a false error
//! (F101, F105, P103); a block left unread is only said to be unread.
//!
//! One cell a line (`pdftotext` without -layout) prints a 申报表's one
//! block as its cells in order, each figure after its label's last piece
//! ("市县（区）财政" / "资金" / "2,930,000"): there, and only for one block
//! (two blocks' cells interleave in no order one can trust), a figure on a
//! line of its own may also go to the label just read whole when it has
//! none and the next has not begun. So may it in two blocks where the
//! form's cells are known to come whole, one after another, in the order
//! the PDF draws them (`drawn`: a browser viewer's copy, which the name's
//! row told, `form_funds`): the left block's label, its figure, the right
//! block's label, its figure. The reading is still taken only when it is
//! the one.

use super::form_funds::ROW_LABEL;
use super::form_layout::PrintedLine;
use super::tokens::is_amount;
use super::RebuiltRow;
use crate::parse::forms::labels::label_key;
use crate::prelude::*;
use alloc::rc::Rc;

/// The sources under each total, in the order printed, as `label_key`
/// folds them ("其中：" and colons gone, brackets half-width), each with the
/// misprints the corpus forms carry ("市基（区）").
const SOURCES: [&[&str]; 5] = [
    &["中央财政资金"],
    &["省级财政资金"],
    &["市县(区)财政资金", "市基(区)财政资金"],
    &["单位自筹"],
    &["其他资金"],
];

/// The blocks' totals: 实施期 on the left when both are printed.
const IMPLEMENTATION: &str = "实施期资金总额";
const ANNUAL: &str = "年度资金总额";

/// The rows after the block: where to stop looking for it.
const LATER_ROWS: &[&str] = &["项目概况", "立项依据", "年度目标", "绩效指标"];

/// A label printed cut short at its cell's edge, as the corpus forms
/// print "市县（区）财政资": at most this many characters gone, at least
/// that many kept.
const MOST_CUT: usize = 1;
const LEAST_KEPT: usize = 4;

/// Most words on a line of the blocks: two blocks' label pieces, each
/// spaced into a few words at most ("其中: 中央财"), and their figures.
const MOST_WORDS: usize = 12;

/// Most steps of the search for a reading before the block is left
/// unread: each step is one way to place one line's words.
const MOST_STEPS: usize = 20_000;

/// The blocks' rows as the TAB text has them — the totals', then one per
/// source — when exactly one reading places every word; `printed` are
/// the form's lines, `after` the index of the last line of the row before
/// (the name's). `drawn` says the form's cells come in the order the PDF
/// draws them, each whole before the next (a browser viewer's copy, as
/// the name's row showed: `form_funds`): a figure may then follow its
/// label's last piece on a line of its own, in two blocks too — the
/// left block's label, its figure, the right block's label, its figure.
pub fn rows(printed: &[PrintedLine], after: usize, drawn: bool) -> Option<Vec<RebuiltRow>> {
    let rest = printed.get(after + 1..)?;
    let (start, first_total) = rest.iter().enumerate().find_map(|(i, line)| {
        line.text.split_whitespace().find_map(|w| {
            let key = label_key(w);
            if LATER_ROWS.contains(&w) {
                Some(None)
            } else if key.chars().count() >= 3
                && [IMPLEMENTATION, ANNUAL]
                    .iter()
                    .any(|t| t.starts_with(key.as_ref()))
            {
                Some(Some((i, key.starts_with("实施期"))))
            } else {
                None
            }
        })
    })??;
    let totals: &[&str] = if first_total {
        &[IMPLEMENTATION, ANNUAL]
    } else {
        &[ANNUAL]
    };
    let lines: Vec<Vec<Word>> = rest[start..].iter().map(|line| words_of(line)).collect();
    let later_row = |words: &&Vec<Word>| {
        words
            .iter()
            .any(|w| matches!(w, Word::Text(t, _) if LATER_ROWS.contains(t)))
    };
    let one_cell_a_line = lines
        .iter()
        .take_while(|words| !later_row(words))
        .all(|words| words.len() <= 1);
    let mut search = Search {
        lines: &lines,
        totals,
        figure_after: drawn || (one_cell_a_line && totals.len() == 1),
        steps: 0,
        found: Vec::new(),
    };
    let blocks = vec![Block::default(); totals.len()];
    search.from(0, blocks);
    match <[_; 1]>::try_from(search.found) {
        Ok([rows]) if search.steps <= MOST_STEPS => Some(rows),
        _ => None,
    }
}

/// A word of a line of the block: a piece of a label or a figure.
#[derive(Debug, Clone, Copy)]
enum Word<'a> {
    Text(&'a str, usize),
    Figure(&'a str, usize),
}

/// A line's words, its row label's left out.
fn words_of<'a>(line: &PrintedLine<'a>) -> Vec<Word<'a>> {
    line.text
        .split_whitespace()
        .filter(|w| !ROW_LABEL.contains(w))
        .map(|w| {
            if is_amount(w) {
                Word::Figure(w, line.no)
            } else {
                Word::Text(w, line.no)
            }
        })
        .collect()
}

/// A label of a block as read: its text, its lines and its figure with
/// the figure's line.
#[derive(Debug, Clone, Default)]
struct Label<'a> {
    text: String,
    lines: Vec<usize>,
    figure: Option<(&'a str, usize)>,
}

/// One block as far as it is read: its labels read whole, and the one
/// being read.
#[derive(Debug, Clone, Default)]
struct Block<'a> {
    done: Done<'a>,
    open: Label<'a>,
}

impl Block<'_> {
    /// Ends the label being read: it is read whole.
    fn close(&mut self) {
        let label = core::mem::take(&mut self.open);
        self.done.push(label);
    }
}

/// The labels a block has read whole, last first, shared between the
/// readings that go on from them: a reading is copied at every way to place
/// a line's words, and these it need not copy.
#[derive(Debug, Clone, Default)]
struct Done<'a> {
    last: Option<Rc<(Label<'a>, Done<'a>)>>,
    len: usize,
}

impl<'a> Done<'a> {
    fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, label: Label<'a>) {
        let before = core::mem::take(self);
        self.len = before.len + 1;
        self.last = Some(Rc::new((label, before)));
    }

    /// The same labels, `figure` given to the last when it has none.
    fn with_last_figure(&self, figure: (&'a str, usize)) -> Option<Done<'a>> {
        let (last, before) = &**self.last.as_ref()?;
        if last.figure.is_some() {
            return None;
        }
        let mut label = last.clone();
        label.figure = Some(figure);
        push_line(&mut label.lines, figure.1);
        let mut done = before.clone();
        done.push(label);
        Some(done)
    }

    /// The labels in the order read.
    fn to_vec(&self) -> Vec<Label<'a>> {
        let mut labels = Vec::with_capacity(self.len);
        let mut at = self;
        while let Some(node) = &at.last {
            labels.push(node.0.clone());
            at = &node.1;
        }
        labels.reverse();
        labels
    }
}

/// The search for every reading of the block's lines.
struct Search<'l, 'a> {
    lines: &'l [Vec<Word<'a>>],
    totals: &'static [&'static str],
    /// A figure may follow its label's last piece (one cell a line, one
    /// block; or cells in the order drawn).
    figure_after: bool,
    steps: usize,
    /// The rows of the readings found (two at most: then the block is
    /// not read).
    found: Vec<Vec<RebuiltRow>>,
}

impl<'a> Search<'_, 'a> {
    /// Every reading of the lines from `line` on, the blocks read so far
    /// being `blocks`.
    fn from(&mut self, line: usize, blocks: Vec<Block<'a>>) {
        if self.found.len() > 1 || self.steps > MOST_STEPS {
            return;
        }
        self.steps += 1;
        if blocks.iter().all(|b| b.done.len() == SOURCES.len() + 1) {
            // A figure right under the last labels could be theirs.
            let figure_next = self
                .lines
                .get(line)
                .is_some_and(|words| matches!(words.first(), Some(Word::Figure(..))));
            let reading: Vec<Vec<Label>> = blocks.iter().map(|b| b.done.to_vec()).collect();
            // Readings that differ only in which of two like pieces on
            // adjacent lines is whose ("金" / "金") give the same rows.
            if let Some(rows) = fund_rows(&reading).filter(|_| !figure_next) {
                if !self.found.contains(&rows) {
                    self.found.push(rows);
                }
            }
            return;
        }
        // A line of the blocks holds a few pieces and figures; one of many
        // words is not theirs, and would make each step weigh all ways to
        // cut it.
        let Some(words) = self.lines.get(line).filter(|w| w.len() <= MOST_WORDS) else {
            return;
        };
        self.place(line, words, 0, 0, blocks);
    }

    /// Every way to give block `block` and the blocks right of it the
    /// words of line `line` from `at` on: some label pieces, then at most
    /// one figure.
    fn place(
        &mut self,
        line: usize,
        words: &[Word<'a>],
        at: usize,
        block: usize,
        blocks: Vec<Block<'a>>,
    ) {
        if block == blocks.len() {
            if at == words.len() {
                self.from(line + 1, blocks);
            }
            return;
        }
        let texts = words[at..]
            .iter()
            .take_while(|w| matches!(w, Word::Text(..)))
            .count();
        for take in 0..=texts {
            let figure = match words.get(at + take) {
                Some(&Word::Figure(figure, no)) => Some((figure, no)),
                _ => None,
            };
            for with_figure in [false, true] {
                if with_figure && figure.is_none() {
                    continue;
                }
                let pieces = &words[at..at + take];
                let figure = figure.filter(|_| with_figure);
                let Some(given) = self.give(&blocks[block], block, pieces, figure) else {
                    continue;
                };
                let after = at + take + usize::from(with_figure);
                // A label the PDF cut at its cell's edge ends here too.
                if take > 0 && self.cut_short(&given, block) {
                    let mut cut = blocks.clone();
                    cut[block] = given.clone();
                    cut[block].close();
                    self.place(line, words, after, block + 1, cut);
                }
                let mut next = blocks.clone();
                next[block] = given;
                self.place(line, words, after, block + 1, next);
            }
        }
    }

    /// Block `index` given a line's label pieces and figure, if they fit:
    /// the pieces go on spelling its next label, the figure goes to a
    /// label whose pieces have begun and that has none. Told before the
    /// block is copied: most ways to place a line's words do not fit.
    fn give(
        &self,
        block: &Block<'a>,
        index: usize,
        pieces: &[Word<'a>],
        figure: Option<(&'a str, usize)>,
    ) -> Option<Block<'a>> {
        let Some(spellings) = self.spellings(block.done.len(), index) else {
            return (pieces.is_empty() && figure.is_none()).then(|| block.clone());
        };
        let mut text = block.open.text.clone();
        for piece in pieces {
            if let Word::Text(piece, _) = *piece {
                text.push_str(piece);
            }
        }
        if let Some(figure) = figure.filter(|_| self.figure_after && text.is_empty()) {
            // The figure of the label just read whole, printed after it.
            let mut given = block.clone();
            given.done = block.done.with_last_figure(figure)?;
            return Some(given);
        }
        if figure.is_some() && (text.is_empty() || block.open.figure.is_some()) {
            return None;
        }
        let whole = !pieces.is_empty() && {
            let key = label_key(&text);
            // "其中：" alone folds to nothing: a start of any label.
            if !spellings.iter().any(|s| s.starts_with(key.as_ref())) {
                return None;
            }
            spellings.contains(&key.as_ref())
        };
        let mut given = block.clone();
        given.open.text = text;
        for piece in pieces {
            if let Word::Text(_, no) = *piece {
                push_line(&mut given.open.lines, no);
            }
        }
        if let Some(figure) = figure {
            given.open.figure = Some(figure);
            push_line(&mut given.open.lines, figure.1);
        }
        if whole {
            given.close();
        }
        Some(given)
    }

    /// Whether the label block `index` is reading may end as it stands:
    /// printed cut short at its cell's edge ("市县（区）财政资"), at most
    /// [`MOST_CUT`] characters short of its spelling and at least
    /// [`LEAST_KEPT`] long.
    fn cut_short(&self, block: &Block, index: usize) -> bool {
        let Some(spellings) = self.spellings(block.done.len(), index) else {
            return false;
        };
        let key = label_key(&block.open.text);
        let kept = key.chars().count();
        kept >= LEAST_KEPT
            && spellings.iter().any(|s| {
                s.starts_with(key.as_ref()) && (1..=MOST_CUT).contains(&(s.chars().count() - kept))
            })
    }

    /// The spellings of label `at` of block `index` (its total, then the
    /// sources); None past the last.
    fn spellings(&self, at: usize, index: usize) -> Option<&'static [&'static str]> {
        match at {
            0 => Some(core::slice::from_ref(&self.totals[index])),
            _ => SOURCES.get(at - 1).copied(),
        }
    }
}

fn push_line(lines: &mut Vec<usize>, no: usize) {
    if lines.last() != Some(&no) {
        lines.push(no);
    }
}

/// The reading as the TAB text's rows: the totals' row, then a row per
/// source, the blocks side by side; each over its first figure's line
/// (what a finding cites), its other lines joined. None when two rows
/// would share a line.
fn fund_rows(reading: &[Vec<Label>]) -> Option<Vec<RebuiltRow>> {
    let mut rows: Vec<RebuiltRow> = Vec::with_capacity(SOURCES.len() + 1);
    for at in 0..=SOURCES.len() {
        let labels: Vec<&Label> = reading.iter().map(|block| &block[at]).collect();
        let mut lines: Vec<usize> = labels
            .iter()
            .flat_map(|l| l.lines.iter().copied())
            .collect();
        crate::slices::sort_unique(&mut lines);
        if rows
            .last()
            .is_some_and(|row| row.lines.iter().max() >= lines.first())
        {
            return None;
        }
        if let Some(figure_line) = labels.iter().filter_map(|l| l.figure.map(|f| f.1)).min() {
            lines.retain(|&no| no != figure_line);
            lines.insert(0, figure_line);
        }
        let mut cells = vec![if at == 0 {
            "项目资金（元）".to_string()
        } else {
            String::new()
        }];
        for label in labels {
            cells.push(label.text.clone());
            cells.push(
                label
                    .figure
                    .map_or_else(String::new, |(f, _)| f.to_string()),
            );
        }
        rows.push(RebuiltRow { lines, cells });
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::form_layout::printed;

    /// The rows' lines and cells, `text`'s lines numbered from 1 and the
    /// row before the block its first.
    fn rows_of(text: &str) -> Option<Vec<(Vec<usize>, Vec<String>)>> {
        let printed = printed(text);
        rows(&printed, 0, false).map(|rows| rows.into_iter().map(|r| (r.lines, r.cells)).collect())
    }

    fn row<const N: usize>(lines: &[usize], cells: [&str; N]) -> (Vec<usize>, Vec<String>) {
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

    /// One cell a line, as `pdftotext` prints the 2022 商务局 专项资金
    /// forms: each figure after its label's last piece.
    const RAW: &str = "3年
项目资金 （元） 年度资金总额：

2,930,000

其中：中央财政
资金
省级财政资金
市县（区）财政
资金

2,930,000

单位自筹
其他资金
项目概况";

    #[test]
    fn one_cell_a_line_a_figure_after_its_label_is_the_label_s() {
        let rows = rows_of(RAW).expect("read");
        assert_eq!(
            rows[0],
            row(&[4, 2], ["项目资金（元）", "年度资金总额：", "2,930,000"])
        );
        assert_eq!(rows[1], row(&[6, 7], ["", "其中：中央财政资金", ""]));
        assert_eq!(
            rows[3],
            row(&[12, 9, 10], ["", "市县（区）财政资金", "2,930,000"])
        );
        assert_eq!(rows.len(), 6);
        // Another row's cell among the block's (the 项目期 value printed
        // late) leaves it unread: its figures could be any label's.
        assert_eq!(
            rows_of(&RAW.replace("\n2,930,000\n\n其中", "\n项目期\n2,930,000\n\n其中")),
            None
        );
        // So does a figure after a label that has one.
        assert_eq!(
            rows_of(&RAW.replace("省级财政资金\n", "省级财政资金\n0\n0\n")),
            None
        );
    }

    /// A budget document's 实施期 and 年度 blocks single-spaced, as
    /// pdfplumber prints 财政局 2026's: the two blocks' pieces on one line
    /// told apart by what they spell ("金" can only end the right one's
    /// 中央财政资金, "政资金" the left one's 市县（区）财政资金).
    #[test]
    fn two_blocks_side_by_side_are_told_apart_by_their_labels() {
        let text = "项目属性 目（长期 项目期 99年
项目资金 实施期资
350,000 年度资金总额： 350,000
（元） 金总额：
其中：中
其中：中央财政资
央财政资 0 0
金
金
省级财政
0 省级财政资金 0
资金
市县
市县（区）财政资
（区）财 350,000 350,000
金
政资金
单位自筹 0 单位自筹 0
其他资金 其他资金
项目概况 为了解决机关人力不足问题";
        let rows = rows_of(text).expect("read");
        let cells: Vec<&[String]> = rows.iter().map(|r| &r.1[1..]).collect();
        let expected: [[&str; 4]; 6] = [
            ["实施期资金总额：", "350,000", "年度资金总额：", "350,000"],
            ["其中：中央财政资金", "0", "其中：中央财政资金", "0"],
            ["省级财政资金", "0", "省级财政资金", "0"],
            [
                "市县（区）财政资金",
                "350,000",
                "市县（区）财政资金",
                "350,000",
            ],
            ["单位自筹", "0", "单位自筹", "0"],
            ["其他资金", "", "其他资金", ""],
        ];
        for (got, want) in cells.iter().zip(expected) {
            assert_eq!(*got, want.map(str::to_string));
        }
        assert_eq!(rows[0].0, [3, 2, 4]);
        assert_eq!(rows[3].0, [15, 13, 14, 16, 17]);
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
                "two figures of one label",
                "                          1,100,000\n",
                "                          1,100,000     5,000\n",
            ),
            ("a word that spells no label", "单位自筹", "单位自筹资金"),
            ("a label out of order", "           省级财政资金\n", ""),
            (
                "a figure above its label",
                "           其中：中央财政资\n",
                "                     5,000\n           其中：中央财政资\n",
            ),
        ];
        for (what, printed, instead) in cases {
            assert!(LAYOUT.contains(printed), "{what}");
            let text = LAYOUT.replacen(printed, instead, 1);
            assert_eq!(rows_of(&text), None, "{what}");
        }
    }

    /// A label the PDF printed cut short ("市县（区）财政资", as 招商 2026's
    /// TAB original has it too) ends where the next label starts.
    #[test]
    fn a_label_cut_short_at_its_cell_s_edge_is_read() {
        let text = "名称
项目资金 实施期资金总 年度资金总
1,816,000 714,000
（元） 额： 额：
其中：中央财 其中：中央财
0 0
政资金 政资金
省级财政资金 0 省级财政资金 0
市县（区）财 市县（区）财
1,816,000 714,000
政资 政资金
单位自筹 0 单位自筹 0
其他资金 其他资金
项目概况";
        let rows = rows_of(text).expect("read");
        assert_eq!(
            rows[3].1,
            [
                "",
                "市县（区）财政资",
                "1,816,000",
                "市县（区）财政资金",
                "714,000"
            ]
        );
        // Cut shorter than that, it is no label.
        assert_eq!(rows_of(&text.replace("政资 政资金", "政 政资金")), None);
    }

    /// A hostile line in the blocks ends the reading at once, not after
    /// every way to cut it was weighed.
    #[test]
    fn a_line_of_many_words_is_no_line_of_the_blocks() {
        let many = "金 ".repeat(100_000);
        let text = LAYOUT.replacen("           金\n", &format!("{many}\n"), 1);
        assert_eq!(rows_of(&text), None);
    }

    /// A lone figure between the pieces of both blocks' labels: either
    /// could own it, two readings, so none.
    #[test]
    fn two_readings_leave_the_blocks_unread() {
        let text = "名称
项目资金 实施期资金总额： 10 年度资金总额： 10
其中：中央财政资金 0 其中：中央财政资金 0
省级财政资金 0 省级财政资金 0
市县（区）财政资金 10 市县（区）财政资金 10
单位 单位
0
自筹 自筹
其他资金 其他资金
项目概况";
        assert_eq!(rows_of(text), None);
        // A figure for each: then the one reading.
        let told = rows_of(&text.replace("\n0\n", "\n0 0\n")).expect("read");
        assert_eq!(told[4].1, ["", "单位自筹", "0", "单位自筹", "0"]);
    }
}
