//! A 绩效 form laid out by `pdftotext -layout`, turned back into the rows
//! the form readers (`parse::forms`) read: one line of cells a row.
//!
//! Such text prints a form's row over several lines: every cell is
//! vertically centred in its row, so a cell wrapped over k lines spreads
//! above and below the line holding its row's one-line cells ("招商引资工作"
//! / "项目名称" / "经费"), and two cells of different heights interleave
//! their lines. Where a cell stands across is kept: a line's words start
//! at the character column where the PDF drew them (`pdftotext -layout`
//! counts columns in characters, a CJK character as one).
//!
//! The rows are found as the one way to cut the form's lines into bands
//! in which every cell is centred: a cell is the words whose columns
//! overlap inside a band, all starting at one column (text is
//! left-aligned), never two on a line, never two figures (a figure is
//! never wrapped), never two whole indicator names; and its first and last
//! lines must be as far from the band's first and last lines. Of all the
//! ways to cut the lines so, the one with the fewest bands joins every
//! wrapped cell; when two such ways exist, or a joined cell does not look
//! wrapped (a line before its last clearly shorter than the cell, or in
//! the grid than its column's text on the lines around), the form is not
//! read (`None`): a value read under the wrong label would be a false
//! error, a form left unread is only said to be unread. Only bands that
//! could be a form's row are weighed (a paragraph's last line alone is
//! none), and two cells `pdftotext` left one space apart are parted where
//! both go on wrapped at their own columns.

mod cells;
mod labels;
mod words;

use crate::prelude::*;

use super::RebuiltRow;
use cells::{cells_of, Cell, Grouping};
use labels::{could_be_row, is_signature_part, is_whole_label, rows_are_certain, starts_signature};
use words::{cjk_spaces, column_floors, split_where_wrapped, split_words, Word};

/// The most lines one row may take (the tallest corpus row, a 总体目标 of
/// two goals, takes 17).
const MAX_BAND: usize = 32;
/// The most words a line may hold: a form row has at most a dozen cells.
const MAX_WORDS: usize = 24;
/// How far (in columns) two words of one cell may start apart: a line
/// starting with a bracket or an ASCII character may be set a column off.
const START_SLACK: usize = 1;
/// One line of a form as printed.
#[derive(Debug, Clone, Copy)]
pub struct PrintedLine<'a> {
    /// 1-based line number in the input.
    pub no: usize,
    /// The line as normalised, its spacing kept.
    pub text: &'a str,
    /// A page starts at this line: no row runs across it.
    pub page_start: bool,
    /// The lines stage took it for a watermark: dropped when it stands as a
    /// row of its own that no label starts.
    pub watermark: bool,
}

/// `text`'s lines numbered from 1, none at a page's start nor a
/// watermark: how the form readers' tests give them a form.
#[cfg(test)]
pub(crate) fn numbered(text: &str) -> impl Iterator<Item = PrintedLine<'_>> {
    text.split('\n').enumerate().map(|(i, text)| PrintedLine {
        no: i + 1,
        text,
        page_start: false,
        watermark: false,
    })
}

/// [`numbered`] but for the blank lines, which a form's printed lines
/// leave out (`forms::printed_lines`).
#[cfg(test)]
pub(crate) fn printed(text: &str) -> Vec<PrintedLine<'_>> {
    numbered(text)
        .filter(|l| !l.text.trim().is_empty())
        .collect()
}

/// The rows of the form whose body is `lines` (title excluded), as the
/// TAB text would give them, or `None` when they cannot be told with
/// certainty.
pub fn read(lines: &[PrintedLine]) -> Option<Vec<RebuiltRow>> {
    if lines.is_empty() {
        return None;
    }
    let mut words = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let before = words.len();
        split_words(line.text, i, &mut words)?;
        if words.len() == before || words.len() - before > MAX_WORDS {
            return None;
        }
    }
    let mut words = split_where_wrapped(lines, &words);
    column_floors(lines, &mut words);
    let mut first_word = Vec::with_capacity(lines.len() + 1);
    for i in 0..=lines.len() {
        first_word.push(words.partition_point(|w| w.line < i));
    }
    let signature = signature_start(lines, &words, &first_word);
    let mut bands = cut_into_bands(&lines[..signature], &words, &first_word)?;
    let mut cells_of_bands = Vec::new();
    for &(s, e) in &bands {
        cells_of_bands.push(cells_of(&words[first_word[s]..first_word[e]], s, e)?);
    }
    if signature < lines.len() {
        let mut cells: Vec<Cell> = words[first_word[signature]..]
            .iter()
            .map(|w| Cell {
                start: w.start,
                words: vec![w],
            })
            .collect();
        crate::slices::sort_stable_by(&mut cells, |a, b| a.start.cmp(&b.start));
        cells_of_bands.push(cells);
        bands.push((signature, lines.len()));
    }
    if cells_of_bands.iter().flatten().any(has_inner_border) {
        return None;
    }
    let columns = columns_of(&cells_of_bands);
    let mut rows: Vec<RebuiltRow> = Vec::with_capacity(cells_of_bands.len());
    for (&(s, e), cells) in bands.iter().zip(&cells_of_bands) {
        let row = RebuiltRow {
            lines: lines[s..e].iter().map(|l| l.no).collect(),
            cells: row_cells(cells, &columns),
        };
        let first_is_label = row
            .cells
            .iter()
            .find(|c| !c.is_empty())
            .is_some_and(|c| is_whole_label(c));
        if lines[s..e].iter().all(|l| l.watermark) && !first_is_label {
            continue;
        }
        rows.push(row);
    }
    rows_are_certain(&rows).then_some(rows)
}

/// Where the signature row starts (the lines' count when the form has
/// none): the last line when it starts "负责人：", and the lines right above
/// it holding only the first halves of its wrapped labels ("联系电") or a
/// number (the date drawn at the top of its cell). Its cells are its words
/// left to right; only its first two are read (as the grid's last row, as
/// the TAB text gives it).
fn signature_start(lines: &[PrintedLine], words: &[Word], first_word: &[usize]) -> usize {
    let n = lines.len();
    let line_words = |i: usize| &words[first_word[i]..first_word[i + 1]];
    let signed = n > 0
        && line_words(n - 1)
            .first()
            .is_some_and(|w| starts_signature(w.text));
    if !signed {
        return n;
    }
    let mut start = n - 1;
    while start > 0
        && line_words(start - 1).iter().all(|w| {
            is_signature_part(w.text)
                || (w.text.len() >= 6 && w.text.bytes().all(|b| b.is_ascii_digit()))
        })
    {
        start -= 1;
    }
    start
}

/// The bands (`[first, past last)` line indices) of the one partition of
/// the lines into centred bands with the fewest bands; `None` when there
/// are two.
fn cut_into_bands(
    lines: &[PrintedLine],
    words: &[Word],
    first_word: &[usize],
) -> Option<Vec<(usize, usize)>> {
    let n = lines.len();
    // fewest[i]: (bands, ways (2 = two or more), start of the last band)
    // for the lines before i.
    let mut fewest: Vec<Option<(usize, u8, usize)>> = vec![None; n + 1];
    fewest[0] = Some((0, 1, 0));
    let mut grouping = Grouping::default();
    for e in 1..=n {
        let mut best: Option<(usize, u8, usize)> = None;
        for s in (e.saturating_sub(MAX_BAND)..e).rev() {
            // No row runs across a page break: the band [s, e) holds the
            // lines after s that the bands tried before it held, and one more.
            if s + 1 < e && lines[s + 1].page_start {
                break;
            }
            let Some((count, ways, _)) = fewest[s] else {
                continue;
            };
            if !is_band(
                lines,
                &words[first_word[s]..first_word[e]],
                s,
                e,
                &mut grouping,
            ) {
                continue;
            }
            best = match best {
                Some((b, w, at)) if b == count + 1 => Some((b, (w + ways).min(2), at)),
                Some(b) if b.0 < count + 1 => Some(b),
                _ => Some((count + 1, ways, s)),
            };
        }
        fewest[e] = best;
    }
    let (_, ways, _) = fewest[n]?;
    if ways > 1 {
        return None;
    }
    let mut bands = Vec::new();
    let mut e = n;
    while e > 0 {
        let (_, _, s) = fewest[e]?;
        bands.push((s, e));
        e = s;
    }
    bands.reverse();
    Some(bands)
}

/// Whether the lines `[s, e)`, whose words are `words`, can be one row:
/// their cells are centred ([`Grouping::is_row`]) and could be a form's
/// row ([`could_be_row`]), or they are lines taken for watermarks, which
/// `read` drops when they stand as a row of their own.
fn is_band<'w, 'a>(
    lines: &[PrintedLine],
    words: &'w [Word<'a>],
    s: usize,
    e: usize,
    grouping: &mut Grouping<'w, 'a>,
) -> bool {
    if !grouping.is_row(words, s, e) {
        return false;
    }
    if lines[s..e].iter().all(|l| l.watermark) {
        return true;
    }
    could_be_row(&grouping.texts())
}

/// Whether two lines of a cell hold one space at the same column between
/// non-ASCII characters: the border of two cells side by side, each
/// filled to its edge ("…全年正常开 通过…" over "展项目评审任务…。 务，…"),
/// that one space apart were taken for one.
fn has_inner_border(cell: &Cell) -> bool {
    let mut seen: Vec<usize> = Vec::new();
    for w in cell.words.iter().filter(|w| w.text.contains(' ')) {
        for col in cjk_spaces(w.text).map(|i| w.start + i) {
            if seen.contains(&col) {
                return true;
            }
            seen.push(col);
        }
    }
    false
}

/// The columns of the form: every cell's start, sorted, those within
/// [`START_SLACK`] of the one before taken as one.
fn columns_of(bands: &[Vec<Cell>]) -> Vec<usize> {
    let mut starts: Vec<usize> = bands.iter().flatten().map(|c| c.start).collect();
    crate::slices::sort_stable_by(&mut starts, |a, b| a.cmp(b));
    let mut columns: Vec<usize> = Vec::new();
    for s in starts {
        if columns.last().is_none_or(|&c| s > c + START_SLACK) {
            columns.push(s);
        }
    }
    columns
}

/// A band's cells as a TAB row: each cell at the index of its column, the
/// columns it leaves empty as empty cells (the readers tell a lone fund
/// label's block by its column).
fn row_cells(cells: &[Cell], columns: &[usize]) -> Vec<String> {
    let mut row: Vec<String> = Vec::new();
    for cell in cells {
        let col = columns.iter().rposition(|&c| c <= cell.start).unwrap_or(0);
        while row.len() < col {
            row.push(String::new());
        }
        row.push(cell.text());
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows read from `text` (its first line numbered 1), their filled
    /// cells only.
    fn rows(text: &str) -> Option<Vec<Vec<String>>> {
        let lines: Vec<PrintedLine> = numbered(text).collect();
        let rows = read(&lines)?;
        Some(
            rows.into_iter()
                .map(|r| r.cells.into_iter().filter(|c| !c.is_empty()).collect())
                .collect(),
        )
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_cell_wrapped_above_and_below_its_row_is_joined() {
        let got = rows(
            "         招商引资工作\n\
             项目名称\n\
             \x20        经费\n\
             主管部门及代   043-阳泉市招                           阳泉市投资促进中\n\
             \x20                                实施单位\n\
             码        商中心                                心",
        )
        .expect("read");
        assert_eq!(
            got,
            vec![
                strings(&["项目名称", "招商引资工作经费"]),
                strings(&[
                    "主管部门及代码",
                    "043-阳泉市招商中心",
                    "实施单位",
                    "阳泉市投资促进中心"
                ]),
            ]
        );
    }

    #[test]
    fn two_fund_columns_side_by_side_keep_their_labels() {
        let got = rows(
            "项目资金     实施期资金总                  年度资金总\n\
             \x20                    1,816,000                     714,000\n\
             （元）      额：                      额：\n\
             \x20        省级财政资金             0 省级财政资金                      0\n\
             \x20        其他资金                    其他资金",
        )
        .expect("read");
        assert_eq!(
            got,
            vec![
                strings(&[
                    "项目资金（元）",
                    "实施期资金总额：",
                    "1,816,000",
                    "年度资金总额：",
                    "714,000"
                ]),
                strings(&["省级财政资金", "0", "省级财政资金", "0"]),
                // Nothing under either label: both blank, as printed.
                strings(&["其他资金", "其他资金"]),
            ]
        );
    }

    #[test]
    fn a_value_wrapped_onto_other_lines_is_not_read_blank() {
        // "180元/人/" over "天": one value centred on its row's line.
        let got = rows(
            "绩效指标    产出指标     数量指标     签约项目      ≥80个\n\
             \x20                                                  180元/人/\n\
             \x20                 成本指标     差旅费\n\
             \x20                                                  天",
        )
        .expect("read");
        assert_eq!(got[1], strings(&["成本指标", "差旅费", "180元/人/天"]));
    }

    #[test]
    fn a_half_of_a_wrapped_name_cut_off_its_row_leaves_the_form_unread() {
        // The name's second half stands two lines below its row's line:
        // no centred reading joins it, and alone it would read as an
        // indicator without a value.
        let text = "绩效指标    产出指标     数量指标     签约项目      ≥80个\n\
                    \x20                         外出招商次数        ≥20次\n\
                    \x20                         次数";
        assert_eq!(rows(text), None);
    }

    #[test]
    fn two_whole_labels_one_over_the_other_are_two_rows() {
        let got = rows(
            "绩效指标    效益指标     社会效益     开放程度      有效促进\n\
             \x20                 生态效益\n\
             \x20                 可持续影响",
        )
        .expect("read");
        assert_eq!(got[1], strings(&["生态效益"]));
        assert_eq!(got[2], strings(&["可持续影响"]));
    }

    #[test]
    fn a_row_not_starting_with_a_label_leaves_the_form_unread() {
        assert_eq!(rows("招商引资工作经费    项目名称"), None);
    }

    #[test]
    fn two_cells_one_space_apart_are_parted_where_both_go_on() {
        // "服务对象满 考务人员满": two cells filled to their edges, each
        // going on below at its own column.
        let got = rows(
            "          服务对象满 考务人员满\n\
             满意度指标                       ≥90%\n\
             \x20         意度    意度",
        )
        .expect("read");
        assert_eq!(
            got,
            vec![strings(&[
                "满意度指标",
                "服务对象满意度",
                "考务人员满意度",
                "≥90%"
            ])]
        );
    }

    #[test]
    fn two_cells_one_space_apart_on_every_line_are_parted_there() {
        // Two goals side by side, every line of both one space apart at
        // the same column: that column is their border.
        let got = rows(
            "\x20        聘请法律顾问确保我单位各项工作符\n\
             \x20        合国家法律法规要求涉及的法律问题 聘请法律顾问确保各项工作符合国家法律\n\
             总体目标\n\
             \x20        能及时准确得到解决预防法律纠纷的 业务中设计的法律问题及时得到解决。\n\
             \x20        纷。",
        )
        .expect("read");
        assert_eq!(
            got,
            vec![strings(&[
                "总体目标",
                "聘请法律顾问确保我单位各项工作符合国家法律法规要求涉及的法律问题能及时准确得到解决预防法律纠纷的纷。",
                "聘请法律顾问确保各项工作符合国家法律业务中设计的法律问题及时得到解决。",
            ])]
        );
    }

    #[test]
    fn a_cell_holding_one_space_at_one_column_on_two_lines_is_no_cell() {
        let words = [
            Word::new(0, 4, 12, "通过安排 通过安排"),
            Word::new(3, 4, 12, "评审任务 评审任务"),
        ];
        let cell = Cell {
            start: 4,
            words: words.iter().collect(),
        };
        assert!(has_inner_border(&cell));
        let one = Cell {
            start: 4,
            words: vec![&words[0]],
        };
        assert!(!has_inner_border(&one));
    }

    #[test]
    fn a_label_wrapped_before_its_bracket_is_one_cell() {
        // "市县（区）财政资金" wraps as "市县" / "（区）财" / "政资金": the
        // opening bracket goes down with the character it opens.
        let got = rows(
            "市县\n\
             \x20                   市县（区）财政资\n\
             （区）财  350,000\n\
             \x20                   金\n\
             政资金",
        )
        .expect("read");
        assert_eq!(
            got,
            vec![strings(&[
                "市县（区）财政资金",
                "350,000",
                "市县（区）财政资金"
            ])]
        );
    }

    #[test]
    fn two_grid_rows_as_long_as_each_other_stay_two_rows() {
        // "全年" cannot be the first line of a wrapped value where the
        // line above it holds "每年年底前" in the same column.
        let got = rows(
            "绩效指标  一级指标  二级指标  三级指标      指标值\n\
             \x20         产出指标  时效指标  培训完成时间  每年年底前\n\
             \x20                     物业服务时间  全年\n\
             \x20                     设备维修时间  及时",
        )
        .expect("read");
        assert_eq!(got[2], strings(&["物业服务时间", "全年"]));
        assert_eq!(got[3], strings(&["设备维修时间", "及时"]));
    }

    #[test]
    fn a_paragraph_s_last_line_is_not_a_row_of_its_own() {
        // Cut alone, "力。" would make a cut with as few bands as the one
        // joining it to its goal; it is no form's row, so only that one
        // is weighed.
        let got = rows(
            "总体目标  完成全年各项考试考务工作。      提高会计人员素质,加强会计队伍\n\
             \x20                                      专业人员的学识水平和业务能\n\
             年度目标  按时完成                        力。",
        );
        // Whatever the cut, no row is the line's last word alone.
        if let Some(got) = got {
            assert!(got.iter().all(|r| r != &strings(&["力。"])));
        }
    }

    #[test]
    fn two_one_line_grid_rows_a_character_short_stay_two_rows() {
        // "监考人员" is a character narrower than "召开考务培" of its
        // column: a wrapped line would have held the "使" of the line
        // below, so the two lines are two rows ("≥50人", "2个").
        let got = rows(
            &[
                "绩效指标       一级指标      二级指标         三级指标     指标值",
                "                                  组织考试次",
                "           数量指标      数量指标                  2次",
                "                                  数",
                "                                  召开考务培",
                "                                           2次",
                "                                  训会",
                "                                  监考人员     ≥50人",
                "                                  使用考点     2个",
                "                                  考务人员履",
                "           质量指标      质量指标                  2合规",
                "                                  职合规性",
            ]
            .join("\n"),
        )
        .expect("read");
        assert_eq!(got[3], strings(&["监考人员", "≥50人"]));
        assert_eq!(got[4], strings(&["使用考点", "2个"]));
    }

    #[test]
    fn a_line_short_by_a_character_and_its_mark_is_wrapped() {
        // "能力。" did not fit: the mark may not start a line, so "力"
        // went down with it, leaving the line two characters short.
        let got = rows(
            &[
            "实施期目标                                      年度目标",
            "                                                                 提高会计人员素质,加强会计队伍",
            "                     按照“以严治考、强化管理、提升服务”的原则,严谨细致做好",
            "                                                                 建设,科学、客观、公正评价会计",
            "总体目标                 考试考务各项管理和服务工作,扎实推进阳泉考区会计专业技",
            "                                                                 专业人员的学识水平和业务能",
            "                     术资格考试工作落实落细,确保考试安全平稳有序进行。",
            "                                                                 力。",
            ]
            .join("\n"),
        )
        .expect("read");
        assert_eq!(
            got[1].last().map(String::as_str),
            Some("提高会计人员素质,加强会计队伍建设,科学、客观、公正评价会计专业人员的学识水平和业务能力。")
        );
    }

    #[test]
    fn one_line_grid_cells_one_space_apart_part_where_the_columns_are() {
        // "工资发放时间 按月发放": no wrap shows the border, but the rows
        // around set words apart at both columns.
        let got = rows(
            &[
            "绩效指标       一级指标      二级指标        三级指标    指标值          二级指标    三级指标    指标值",
            "                                 专业人员聘用                       专业人员聘用",
            "           产出指标      数量指标               5人            数量指标           5人",
            "                                 人数                           人数",
            "                     质量指标        发放准确率          100% 质量指标     发放准确率            100%",
            "                     时效指标        工资发放时间 按月发放          时效指标    工资发放时间 按月发放",
            "                                 专业人员补贴 1980元/人/              专业人员补贴",
            "           效益指标      成本指标                        成本指标                1980元/人/月",
            "                                 标准     月                     标准",
            ]
            .join("\n"),
        )
        .expect("read");
        assert_eq!(
            got[3],
            strings(&[
                "时效指标",
                "工资发放时间",
                "按月发放",
                "时效指标",
                "工资发放时间",
                "按月发放"
            ])
        );
    }

    #[test]
    fn hostile_lines_end_in_none_not_a_panic() {
        let long = "字 ".repeat(200);
        for text in ["", "\t", "  ", &long, "项目名称\n\u{c}\n   ", "0 0 0 0"] {
            let _ = rows(text);
        }
    }
}
