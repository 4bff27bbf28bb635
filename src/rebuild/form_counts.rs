//! The head counts of a 整体支出绩效目标申报表's 部门基本信息 whose grid
//! could not be read (one cell a line, single spaces, or a layout
//! `form_layout` cannot tell): "内设职能部门数 20个", "实际在职人员总数
//! 124人", each label with the count after it.
//!
//! Like 年度预算情况 (`form_budget`), it is a part of the form where every
//! count follows its own label in reading order, whatever the shape, and
//! where label and count each look like nothing else: the labels are the
//! template's six ([`count_key`]), a count is a whole number with 个 or
//! 人. So a count is paired with the label read just before it, and the
//! pairing is trusted only when the block's labels and counts alternate
//! from first to last — label, count, label, count — and each label comes
//! once. Any other order leaves the counts unread:
//!
//! - two labels in a row (a count left blank, or pdftotext printing a
//!   row's labels before its counts), two counts in a row (a label wrapped
//!   around its count, "实际在职人员总" · "124人" · "数"), a label with no count
//!   before the block's end;
//! - a label of the block after its end (one cell a line may print a label
//!   where the page had room: caizheng's "其他人员数" above "部门职责").
//!
//! The block runs from the form's first line to its next row ("部门职责",
//! "年度预算情况" …). The words that are neither label nor count (the
//! department's name, the row label "部门基本信息", a wrapped cell's piece)
//! do not count. A count under the wrong label would be a false error
//! (F110); counts left unread are only said to be unread.

use super::form_budget::{bare, push_pair, Pair, Word};
use super::form_layout::PrintedLine;
use super::RebuiltRow;
use crate::parse::forms::overall::count_key;
use crate::prelude::*;

/// The rows of the form after 部门基本信息, each of which ends the block.
const NEXT_ROWS: &[&str] = &[
    "部门职责",
    "部门战略目标",
    "年度预算情况",
    "按资金来源",
    "年度重点任务",
    "年度绩效目标",
    "绩效指标",
    "一级指标",
];

/// The counts' rows (pairs sharing a printed line make one row), when
/// every count's label can be told; `printed` are the form's lines after
/// its title.
pub fn read(printed: &[PrintedLine]) -> Option<Vec<RebuiltRow>> {
    let words: Vec<Word> = printed
        .iter()
        .filter(|line| !line.watermark)
        .flat_map(|line| {
            line.text.split_whitespace().map(|text| Word {
                text,
                line: line.no,
            })
        })
        .collect();
    let end = words.iter().position(|w| is_next_row(w.text))?;
    let pairs = pair(&words[..end])?;
    // The rest of the form up to 年度预算情况: no label of the block.
    let stray_label = words[end..]
        .iter()
        .take_while(|w| !w.text.starts_with("按资金来源"))
        .any(|w| is_count_label(w.text));
    if pairs.is_empty() || stray_label {
        return None;
    }
    let mut rows = Vec::new();
    for pair in &pairs {
        push_pair(&mut rows, pair);
    }
    Some(rows)
}

/// Every count with the label right before it, in reading order; None
/// when labels and counts do not alternate or a label comes twice.
fn pair<'a>(words: &[Word<'a>]) -> Option<Vec<Pair<'a>>> {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut label: Option<Word> = None;
    for &word in words {
        if is_count_label(word.text) {
            let seen = pairs.iter().any(|p| bare(&p.label) == bare(word.text));
            if label.is_some() || seen {
                return None;
            }
            label = Some(word);
        } else if is_count(word.text) {
            let label = label.take()?;
            pairs.push(Pair {
                label: label.text.to_string(),
                label_lines: vec![label.line],
                figure: word,
            });
        }
    }
    label.is_none().then_some(pairs)
}

fn is_next_row(text: &str) -> bool {
    NEXT_ROWS.iter().any(|r| text.starts_with(r))
}

fn is_count_label(text: &str) -> bool {
    count_key(bare(text)).is_some()
}

/// "20个", "124人", "0人".
fn is_count(text: &str) -> bool {
    text.strip_suffix(['个', '人'])
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::form_layout::numbered;

    fn rows_of(text: &str) -> Option<Vec<(Vec<usize>, Vec<String>)>> {
        let printed: Vec<PrintedLine> = numbered(text).collect();
        read(&printed).map(|rows| rows.into_iter().map(|r| (r.lines, r.cells)).collect())
    }

    /// caizheng's 部门基本信息 single-spaced (pdfplumber).
    const SPACED: &str = "部门基本信息 部门名称 021-阳泉市财政局
内设职能部门数 20个 所属预算单位数 3个
核定的人员编制数 120人 实际在职人员总数 124人
其中:在编人员数 124人
其他人员数 0人
部门职责 1、拟订全市财税发展战略
按资金来源划分 资金总额（万元）";

    #[test]
    fn each_count_goes_to_the_label_before_it() {
        let row = |line: usize, cells: &[&str]| {
            (vec![line], cells.iter().map(|c| c.to_string()).collect())
        };
        assert_eq!(
            rows_of(SPACED).expect("read"),
            [
                row(2, &["内设职能部门数", "20个", "所属预算单位数", "3个"]),
                row(
                    3,
                    &["核定的人员编制数", "120人", "实际在职人员总数", "124人"]
                ),
                row(4, &["其中:在编人员数", "124人"]),
                row(5, &["其他人员数", "0人"]),
            ]
        );
    }

    #[test]
    fn a_laid_out_block_reads_as_its_words() {
        // shangwu's, laid out by spaces, its name wrapped around the label.
        let text = "部门基本信息     部门名称
                         级）
           内设职能部门数       9个               所属预算单位数    0个
           核定的人员编制数      30人              实际在职人员总数   28人
                                          其中：在编人员数   28人
其他人员数                                     0人
         <p>1、贯彻执行国家及省、国内外贸易
部门职责";
        let rows = rows_of(text).expect("read");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[3], (vec![6], vec!["其他人员数".into(), "0人".into()]));
    }

    #[test]
    fn labels_and_counts_out_of_turn_leave_the_counts_unread() {
        // One cell a line: "其他人员数" printed before 部门职责, its count
        // after the others'.
        let raw = "部门基本信息\n其他人员数\n部门职责\n部门名称\n内设职能部门数\n20个\n0人";
        assert_eq!(rows_of(raw), None);
        // A row's labels before its counts.
        let text = "内设职能部门数 所属预算单位数\n20个 3个\n部门职责";
        assert_eq!(rows_of(text), None);
        // A label wrapped around its count.
        let text = "内设职能部门数 20个\n实际在职人员总\n124人\n数\n部门职责";
        assert_eq!(rows_of(text), None);
        // A label twice.
        let text = "内设职能部门数 20个 内设职能部门数 3个\n部门职责";
        assert_eq!(rows_of(text), None);
    }

    #[test]
    fn a_label_after_the_block_leaves_it_unread() {
        let text =
            "内设职能部门数 20个\n部门职责 拟订全市财税发展战略\n其他人员数\n按资金来源划分\n0人";
        assert_eq!(rows_of(text), None);
        let text = "内设职能部门数 20个\n部门职责\n按资金来源划分\n其他人员数";
        assert!(rows_of(text).is_some(), "after 年度预算情况 it is not");
    }

    #[test]
    fn a_form_without_counts_gives_none() {
        assert_eq!(rows_of("部门基本信息 部门名称 财政局\n部门职责"), None);
        assert_eq!(rows_of("内设职能部门数 20个"), None, "no end");
    }
}
