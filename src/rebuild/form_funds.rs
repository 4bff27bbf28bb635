//! The 项目名称 of a project form, and the 项目资金 of a Shanghai
//! 财政项目支出绩效目标填报表, whose grid could not be read: single spaces,
//! or a layout `form_layout` cannot cut into rows (Shanghai's fund block
//! prints its left half in three rows and its right half in four, at other
//! heights, so no band centres them all).
//!
//! Both parts can be read without the grid. The name is the first row
//! after the year, the 主管部门 row right after it: whole on its label's
//! line ("项目名称 公共服务设施运行经费 项目性质 经常性项目 …"), or wrapped
//! by the PDF — single-spaced, a piece above and below the label centred
//! between them; one cell a line, the cell's lines between blank ones;
//! copied out of a browser's PDF viewer, the cell's lines right after the
//! label, the 主管部门 row's label then standing as only cells drawn one
//! after another print it (`in_drawing_order`), which lets the fund
//! blocks be read in that order too.
//! A piece that another cell may own (a value wrapped above its label in
//! the next row) leaves the name untold. In
//! the fund block every figure follows its own label on the label's line,
//! whatever the shape ("其中：当年财政拨款 11,419,043.00"), and the labels are
//! the template's few ([`LABELS`]), each printed once but 其他资金, printed
//! on both halves of one line (the 项目资金总额 half first). So a figure is
//! paired with the label just before it on its line, and the reading is
//! trusted only when every word of the block is one of those labels, a
//! figure after its label, or the row's own label ("项目资金" over "（元）"),
//! and every label has its figure. Anything else — a label with no figure
//! (a blank), a label wrapped around its figure, a word of another kind —
//! leaves the form unread: a figure under the wrong label would be a false
//! error. The rest of the form (goals, indicators) stays unread (F111),
//! but where `form_centred` reads it too, laid out by spaces; the checks
//! of the two fund blocks (F101, F102) run.
//!
//! The pairs are written back as rows of the TAB text's cells, a row for
//! each line they are printed on (a figure is cited at its own line), the
//! 项目资金总额 half on the left, so that the form reader tells the two
//! blocks apart as it does there.
//!
//! A 13-table form's blocks, whose labels the PDF wrapped around their
//! figures, are read by `form_wrapped_funds` when this reader finds no
//! Shanghai block. Any project form whose funds
//! cannot be told either way keeps its name alone when the name can be
//! told: its names are compared with the 项目支出 table's and a 专项资金
//! heading's (F107, P104) while the checks of the rest say they could not
//! run.

use super::form_layout::PrintedLine;
use super::tokens::is_amount;
use super::RebuiltRow;
use crate::prelude::*;

/// The block's labels (without "其中："), in the order the rows are written;
/// the last, 其他资金, is printed on both halves.
const LABELS: [&str; 6] = [
    "项目资金总额",
    "年度资金申请总额",
    "财政资金",
    "当年财政拨款",
    "上年结转资金",
    "其他资金",
];

/// The row's own label, printed beside the block over one or two lines
/// (the 13-table form's too: `form_wrapped_funds`).
pub(super) const ROW_LABEL: &[&str] = &[
    "项目资金",
    "（元）",
    "(元)",
    "项目资金（元）",
    "项目资金(元)",
];

/// The rows after the block: where it ends.
const NEXT_ROWS: &[&str] = &[
    "项目总目标",
    "年度总体目标",
    "项目绩效目标",
    "一级指标",
    "绩效指标",
];

/// The name's row and, when they can be told, the fund block's rows, with
/// the part they are ("项目名称和项目资金", "项目名称"); `printed` are the
/// form's lines after its title. None when the name cannot be told.
pub fn read(printed: &[PrintedLine]) -> Option<(&'static str, Vec<RebuiltRow>)> {
    let name = name_of(printed)?;
    let mut rows = vec![RebuiltRow {
        lines: name.at.iter().map(|&i| printed[i].no).collect(),
        cells: vec!["项目名称".to_string(), name.text],
    }];
    let last = *name.at.last()?;
    let funds = block(printed, last)
        .and_then(pairs)
        .and_then(|pairs| fund_rows(&pairs))
        .or_else(|| super::form_wrapped_funds::rows(printed, last, name.drawn));
    match funds {
        Some(funds) => {
            rows.extend(funds);
            Some((super::NAME_AND_FUNDS, rows))
        }
        None => Some(("项目名称", rows)),
    }
}

/// A project's name as the form prints it: its text, and the indices of
/// the lines it is printed on (its label's among them), top to bottom.
struct Name {
    text: String,
    at: Vec<usize>,
    /// Read from cells in the order the PDF draws them
    /// ([`in_drawing_order`]).
    drawn: bool,
}

/// The name, when it can be told: the line that starts "项目名称" comes
/// right under the year, and the 主管部门 row follows the name at once —
/// its label ("主管部门", "主管部门及代"), or the first piece of its value
/// wrapped above the label ("038-阳泉市商务": a department's code opens it,
/// which no project name's piece does). The name stands whole on the
/// label's line, or wrapped around it, or in a cell of its own below it.
fn name_of(printed: &[PrintedLine]) -> Option<Name> {
    let at = printed
        .iter()
        .position(|l| first_word(l) == Some("项目名称"))?;
    let year_lines = printed[..at].iter().take_while(|l| is_year(l.text)).count();
    whole_on_its_line(printed, at, year_lines)
        .or_else(|| wrapped_around_label(printed, at, year_lines))
        .or_else(|| in_cell_below_label(printed, at, year_lines))
        .or_else(|| in_drawing_order(printed, at, year_lines))
}

/// "项目名称 公共服务设施运行经费 项目性质 经常性项目 …": one word, up to
/// the row's next label, the label's line right under the year. The
/// 主管部门 row after it may show the form's cells come in the order drawn
/// ([`drawn_department_row`]: its label alone over two lines).
fn whole_on_its_line(printed: &[PrintedLine], at: usize, year_lines: usize) -> Option<Name> {
    if year_lines != at || !heads_department(printed, at + 1) {
        return None;
    }
    let mut words = printed[at].text.split_whitespace().skip(1);
    let name = words.next()?;
    matches!(words.next(), None | Some("项目性质")).then(|| Name {
        text: name.to_string(),
        at: vec![at],
        // The 主管部门 label alone over two lines, then the code: only
        // cells drawn one after another print it so.
        drawn: drawn_department_row(printed, at + 1) == Some(3),
    })
}

/// A name the PDF wrapped in its cell, single-spaced: the label centred
/// in the cell, so one piece above its line (under the year) and one below
/// (above the 主管部门 row), and a third beside the label when the cell
/// has three lines — "支出标准体系 / 项目名称 / 建设工作经费". A piece on one
/// side only is not the name's for certain: the next row's value wraps
/// above its label too ("项目名称 财政业务工作经费 / 阳泉市财 / 主管部门及代码
/// … 实施单位 / 政局"). Each piece is one word on its line, the label's line
/// holds nothing else (a second cell, 项目性质 beside the name, could own a
/// piece), and every piece but the last is as long as the last at least,
/// as a wrapped cell's lines are.
fn wrapped_around_label(printed: &[PrintedLine], at: usize, year_lines: usize) -> Option<Name> {
    // One line between the year and the label.
    if at != year_lines + 1 {
        return None;
    }
    let above = year_lines;
    let mut label_words = printed[at].text.split_whitespace().skip(1);
    let beside = label_words.next();
    if label_words.next().is_some() {
        return None;
    }
    let below = at + 1;
    if !heads_department(printed, below + 1) {
        return None;
    }
    let mut pieces = vec![single_word(&printed[above])?];
    pieces.extend(beside);
    pieces.push(single_word(&printed[below])?);
    let last = pieces[pieces.len() - 1].chars().count();
    if pieces.iter().any(|p| p.chars().count() < last) {
        return None;
    }
    Some(Name {
        text: pieces.concat(),
        at: vec![above, at, below],
        drawn: false,
    })
}

/// Most lines a name's cell is printed on.
const MOST_NAME_LINES: usize = 4;

/// One cell a line (pdftotext without -layout): the label alone right
/// under the year, then the name's cell — its lines one after another,
/// a blank line before and after it, as between any two cells — then the
/// 主管部门 row: "项目名称 ⏎⏎ 财政系统业务运 ⏎ 转保障及服务经 ⏎ 费 ⏎⏎ 主管部门及代".
fn in_cell_below_label(printed: &[PrintedLine], at: usize, year_lines: usize) -> Option<Name> {
    if year_lines != at || printed[at].text.split_whitespace().nth(1).is_some() {
        return None;
    }
    let follows = |i: usize| printed[i].no == printed[i - 1].no + 1;
    let first = at + 1;
    if first >= printed.len() {
        return None;
    }
    let end = (first + 1..printed.len())
        .find(|&i| !follows(i))
        .unwrap_or(printed.len());
    if end == printed.len()
        || follows(first)
        || end - first > MOST_NAME_LINES
        || !heads_department(printed, end)
    {
        return None;
    }
    let text = printed[first..end]
        .iter()
        .map(single_word)
        .collect::<Option<String>>()?;
    Some(Name {
        text,
        at: [at].into_iter().chain(first..end).collect(),
        drawn: false,
    })
}

/// Copied out of a browser's PDF viewer (Chrome's PDFium, Firefox's
/// pdf.js): each cell's lines one after another, in the order the PDF
/// draws the cells — the label with the name's first line, the name's
/// other lines, then the 主管部门 row: "项目名称 招商引资工作 ⏎ 经费 ⏎
/// 主管部门及代 ⏎ 码 ⏎ 043-阳泉市招". How that row begins tells the order
/// ([`drawn_department_row`]): nothing of it can come before its label,
/// so every line between the two labels is the name's.
fn in_drawing_order(printed: &[PrintedLine], at: usize, year_lines: usize) -> Option<Name> {
    if year_lines != at {
        return None;
    }
    let mut label_words = printed[at].text.split_whitespace().skip(1);
    let beside = label_words.next();
    if label_words.next().is_some() || beside.is_some_and(is_amount) {
        return None;
    }
    let first = at + 1;
    let (department, lines) = (first + 1..=at + MOST_NAME_LINES)
        .find_map(|i| drawn_department_row(printed, i).map(|lines| (i, lines)))?;
    // No blank line between: one cell a line (pdftotext) sets a blank
    // line between two cells, and a line it takes out of its place
    // (">90%") would end the name.
    let one_after_another =
        (first..department + lines).all(|i| printed[i].no == printed[i - 1].no + 1);
    if !one_after_another {
        return None;
    }
    let mut pieces: Vec<&str> = beside.into_iter().collect();
    for line in &printed[first..department] {
        pieces.push(single_word(line)?);
    }
    let last = pieces[pieces.len() - 1].chars().count();
    if pieces.len() > MOST_NAME_LINES || pieces.iter().any(|p| p.chars().count() < last) {
        return None;
    }
    Some(Name {
        text: pieces.concat(),
        at: (at..department).collect(),
        drawn: true,
    })
}

/// Whether the 主管部门 row starts at line `i` as only cells drawn one
/// after another print it, and on how many lines it shows so: its label
/// wrapped alone over two lines, then the department's code ("主管部门及代"
/// ⏎ "码" ⏎ "043-阳泉市招", 3); or the label whole beside the code and
/// nothing else ("主管部门及代码 038-阳泉市商务", 1). Text that centres each
/// cell in its row (pdfplumber) prints a cell taller than the label on
/// the label's lines or between them, and a cell that starts on the
/// label's line has nothing above it: either way nothing of the row would
/// stand above its label, as the name's lines do.
fn drawn_department_row(printed: &[PrintedLine], i: usize) -> Option<usize> {
    const LABEL: &str = "主管部门及代码";
    let starts_with_code = |i: usize| {
        printed
            .get(i)
            .and_then(first_word)
            .is_some_and(is_department_code)
    };
    let words: Vec<&str> = printed.get(i)?.text.split_whitespace().collect();
    match words[..] {
        [LABEL, code] if is_department_code(code) => Some(1),
        [upper] => {
            let lower = printed.get(i + 1).and_then(single_word)?;
            (upper.starts_with("主管部门")
                && format!("{upper}{lower}") == LABEL
                && starts_with_code(i + 2))
            .then_some(3)
        }
        _ => None,
    }
}

/// Whether the 主管部门 row starts at line `i`: its label, or a piece of
/// its values wrapped above it — the department code ("038-阳泉市商务"), or
/// the 实施单位 printed around the label's line, one word above and one
/// below, the label's line ending in "实施单位" ("阳泉市财 / 主管部门及代码
/// 021-阳泉市财政局 实施单位 / 政局").
fn heads_department(printed: &[PrintedLine], i: usize) -> bool {
    let unit_around = || {
        let label_line = printed.get(i + 1);
        single_word(&printed[i]).is_some()
            && label_line
                .and_then(first_word)
                .is_some_and(|w| w.starts_with("主管部门"))
            && label_line.and_then(|l| l.text.split_whitespace().last()) == Some("实施单位")
            && printed.get(i + 2).and_then(single_word).is_some()
    };
    let starts_department = |i: usize| {
        printed
            .get(i)
            .and_then(first_word)
            .is_some_and(|w| w.starts_with("主管部门"))
    };
    starts_department(i)
        || (printed
            .get(i)
            .and_then(first_word)
            .is_some_and(is_department_code)
            && starts_department(i + 1))
        || (i < printed.len() && unit_around())
}

/// The line's text when it is one word and no figure: a piece of a name.
fn single_word<'a>(line: &PrintedLine<'a>) -> Option<&'a str> {
    let mut words = line.text.split_whitespace();
    let word = words.next()?;
    (words.next().is_none() && !is_amount(word)).then_some(word)
}

/// "038-阳泉市商务": three digits and a hyphen, as a 主管部门及代码 opens.
fn is_department_code(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() > 4 && bytes[..3].iter().all(u8::is_ascii_digit) && bytes[3] == b'-'
}

fn first_word<'a>(line: &PrintedLine<'a>) -> Option<&'a str> {
    line.text.split_whitespace().next()
}

/// "（2023年度）", "（2022 年度）".
pub(super) fn is_year(text: &str) -> bool {
    let t: String = text.split_whitespace().collect();
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
        .and_then(|r| r.strip_suffix("年度"));
    inner.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// A piece of the block: a label's or a figure's text, and its 1-based
/// line.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    text: &'a str,
    line: usize,
}

/// The pieces of the block, from the line holding "项目资金总额" (after the
/// name's line) to the next row, the row's own label left out; None when
/// the block or its end is missing. A line the lines stage took for a
/// watermark is the block's when it holds a piece of it.
fn block<'a>(printed: &[PrintedLine<'a>], name_at: usize) -> Option<Vec<Piece<'a>>> {
    let lines = &printed[name_at + 1..];
    let start = lines
        .iter()
        .position(|l| l.text.split_whitespace().any(|w| w == LABELS[0]))?;
    let mut pieces = Vec::new();
    for (at, line) in lines.iter().enumerate().skip(start) {
        let words: Vec<&str> = line.text.split_whitespace().collect();
        let next_row = words
            .iter()
            .any(|w| NEXT_ROWS.iter().any(|r| w.starts_with(r)));
        if next_row || spells_next_row(&lines[at..]) {
            return Some(pieces);
        }
        let own: Vec<&str> = words.iter().flat_map(|w| split_figures(w)).collect();
        if line.watermark && !own.iter().any(|p| is_amount(p) || label_of(p).is_some()) {
            continue;
        }
        pieces.extend(
            own.into_iter()
                .filter(|p| !ROW_LABEL.contains(p))
                .map(|text| Piece {
                    text,
                    line: line.no,
                }),
        );
    }
    None
}

/// Whether the first lines of `lines`, one word each, spell the next
/// row's label: a browser viewer's copy prints 项目绩效目标, set upright in
/// its narrow cell, as "项目" ⏎ "绩效" ⏎ "目标".
fn spells_next_row(lines: &[PrintedLine]) -> bool {
    let mut label = String::new();
    for line in lines.iter().take(MOST_NAME_LINES) {
        let Some(word) = single_word(line) else {
            return false;
        };
        label.push_str(word);
        if NEXT_ROWS.contains(&label.as_str()) {
            return true;
        }
    }
    false
}

/// A word cut where a figure and a label meet without a space, as single
/// spaces print "0.00其他资金": the figure's characters (digits, comma,
/// point, minus) and the rest taken apart, when every such run is a
/// figure. Any other word is one piece.
fn split_figures(word: &str) -> Vec<&str> {
    let figure_char = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '-');
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut in_figure = word.starts_with(figure_char);
    for (i, c) in word.char_indices() {
        if figure_char(c) != in_figure {
            pieces.push(&word[start..i]);
            start = i;
            in_figure = !in_figure;
        }
    }
    pieces.push(&word[start..]);
    let figures_whole = pieces
        .iter()
        .filter(|p| p.starts_with(figure_char))
        .all(|p| is_amount(p));
    if figures_whole {
        pieces
    } else {
        vec![word]
    }
}

/// The label a piece is (without its "其中："), if any.
fn label_of(piece: &str) -> Option<&'static str> {
    let bare = ["其中：", "其中:"]
        .iter()
        .find_map(|p| piece.strip_prefix(p))
        .unwrap_or(piece);
    LABELS.iter().copied().find(|l| *l == bare)
}

/// A label and its figure, on one line.
#[derive(Debug, Clone, Copy)]
struct Pair<'a> {
    label: &'static str,
    printed: &'a str,
    figure: &'a str,
    line: usize,
}

/// Every piece paired: a label, then its figure on its line. None when a
/// piece is neither, a label has no figure or a figure no label.
fn pairs<'a>(pieces: Vec<Piece<'a>>) -> Option<Vec<Pair<'a>>> {
    let mut pairs = Vec::new();
    let mut rest = pieces.into_iter();
    while let Some(label) = rest.next() {
        let key = label_of(label.text)?;
        let figure = rest.next()?;
        if !is_amount(figure.text) || figure.line != label.line {
            return None;
        }
        pairs.push(Pair {
            label: key,
            printed: label.text,
            figure: figure.text,
            line: label.line,
        });
    }
    Some(pairs)
}

/// The pairs as rows the form reader reads as it reads the TAB text's: a
/// row for each line they are printed on, so that each figure is cited at
/// its own line, the 项目资金总额 half's pair in its first two cells and the
/// 年度资金申请总额 half's in the last two. None unless every label is there
/// once (其他资金 twice, on one line, the 项目资金总额 half's first) and each
/// half's total stands above its parts (the form reader gives a part to
/// the total above it whose cell it stands under).
fn fund_rows(pairs: &[Pair]) -> Option<Vec<RebuiltRow>> {
    let count = |label: &str| pairs.iter().filter(|p| p.label == label).count();
    if LABELS.map(count) != [1, 1, 1, 1, 1, 2] {
        return None;
    }
    // Every label is there: the line of its (first) pair.
    let line_of = |label: &str| {
        pairs
            .iter()
            .find(|p| p.label == label)
            .map_or(0, |p| p.line)
    };
    let [total, annual, fiscal, current, carryover, other] = LABELS.map(line_of);
    let others_apart = pairs
        .iter()
        .any(|p| p.label == LABELS[5] && p.line != other);
    let below = |total: usize, parts: &[usize]| parts.iter().all(|&l| l > total);
    if others_apart
        || !below(total, &[fiscal, other])
        || !below(annual, &[current, carryover, other])
    {
        return None;
    }
    let mut rows: Vec<RebuiltRow> = Vec::new();
    let mut other_seen = false;
    for pair in pairs {
        let left = if pair.label == LABELS[5] {
            !core::mem::replace(&mut other_seen, true)
        } else {
            pair.label == LABELS[0] || pair.label == LABELS[2]
        };
        if rows.last().is_none_or(|r| r.lines[0] != pair.line) {
            rows.push(RebuiltRow {
                lines: vec![pair.line],
                cells: vec![String::new(); 4],
            });
        }
        let cells = &mut rows.last_mut()?.cells;
        let at = if left { 0 } else { 2 };
        // Two pairs of one half on a line.
        if !cells[at].is_empty() {
            return None;
        }
        cells[at] = pair.printed.to_string();
        cells[at + 1] = pair.figure.to_string();
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rebuild::form_layout::printed;

    type Rows = Vec<(Vec<usize>, Vec<String>)>;

    /// The part read and its rows.
    fn read_of(text: &str) -> Option<(&'static str, Rows)> {
        let printed = printed(text);
        read(&printed)
            .map(|(part, rows)| (part, rows.into_iter().map(|r| (r.lines, r.cells)).collect()))
    }

    /// The rows, when the name and the funds were read.
    fn rows_of(text: &str) -> Option<Rows> {
        read_of(text)
            .filter(|(part, _)| *part == "项目名称和项目资金")
            .map(|(_, rows)| rows)
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    /// As pdfplumber prints the 2023 万里街道 form (single spaces).
    const SPACED: &str = "（2023年度）
项目名称 公共服务设施运行经费 项目性质 经常性项目 项目类别 其他运转类
主管部门 上海市普陀区人民政府万里街道办事处 实施单位 上海市普陀区人民政府万里街道办事处
计划开始日期 2023-01-01 计划完成日期 2023-12-31
项目资金总额 10,903,043.00 年度资金申请总额 10,903,043.00
其中：当年财政拨款 11,419,043.00
项目资金
其中：财政资金 10,903,043.00
（元）
上年结转资金 0.00
其他资金 0.00其他资金 0.00
项目总目标 年度总体目标
项目";

    #[test]
    fn the_name_and_both_fund_blocks_are_read_as_the_tab_rows() {
        let rows = rows_of(SPACED).expect("read");
        assert_eq!(
            rows[0],
            (vec![2], strings(&["项目名称", "公共服务设施运行经费"]))
        );
        let expected = [
            (
                vec![5],
                [
                    "项目资金总额",
                    "10,903,043.00",
                    "年度资金申请总额",
                    "10,903,043.00",
                ],
            ),
            // Each half's pair on the line it is printed on, cited there.
            (vec![6], ["", "", "其中：当年财政拨款", "11,419,043.00"]),
            (vec![8], ["其中：财政资金", "10,903,043.00", "", ""]),
            (vec![10], ["", "", "上年结转资金", "0.00"]),
            (vec![11], ["其他资金", "0.00", "其他资金", "0.00"]),
        ];
        for (row, (lines, cells)) in rows[1..].iter().zip(expected) {
            assert_eq!(row, &(lines, strings(&cells)));
        }
        assert_eq!(rows.len(), 6);
    }

    #[test]
    fn the_layout_print_reads_the_same() {
        let layout = "                                      （2023年度）

      项目名称         公共服务设施运行经费                    项目性质        经常性项目 项目类别            其他运转类

      主管部门      上海市普陀区人民政府万里街道办事处                实施单位         上海市普陀区人民政府万里街道办事处

                项目资金总额                       10,903,043.00 年度资金申请总额                10,903,043.00

                                                             其中：当年财政拨款             11,419,043.00
      项目资金
                其中：财政资金                      10,903,043.00
       （元）
                                                             上年结转资金                         0.00

                其他资金                                    0.00 其他资金                           0.00

                          项目总目标                                          年度总体目标";
        let spaced = rows_of(SPACED).expect("spaced");
        let laid_out = rows_of(layout).expect("layout");
        let cells =
            |rows: &Rows| -> Vec<Vec<String>> { rows.iter().map(|r| r.1.clone()).collect() };
        assert_eq!(cells(&spaced), cells(&laid_out));
    }

    /// A browser viewer's copy sets the next row's label upright, one
    /// piece a line ("项目" / "绩效" / "目标"): it ends the block as the
    /// label whole does; pieces that spell no label do not.
    #[test]
    fn the_next_row_s_label_set_upright_ends_the_block() {
        let upright = SPACED.replace(
            "项目总目标 年度总体目标",
            "项目\n绩效\n目标\n项目总目标 年度总体目标",
        );
        let cells = |rows: Rows| -> Vec<Vec<String>> { rows.into_iter().map(|r| r.1).collect() };
        assert_eq!(
            rows_of(&upright).map(cells),
            rows_of(SPACED).map(cells),
            "read as the label whole"
        );
        let not_a_label = SPACED.replace(
            "项目总目标 年度总体目标",
            "项目\n绩效\n项目总目标 年度总体目标",
        );
        assert_eq!(rows_of(&not_a_label), None);
    }

    /// What is not certain is not read: funds that cannot be told leave
    /// the name read alone; a name that cannot be told, nothing.
    #[test]
    fn what_cannot_be_told_is_left_unread() {
        // (what, printed, printed instead, the part still read)
        let cases = [
            (
                "a blank figure",
                "上年结转资金 0.00",
                "上年结转资金",
                Some("项目名称"),
            ),
            (
                "a label wrapped around its figure",
                "其中：当年财政拨款 11,419,043.00",
                "其中：当年财政 11,419,043.00\n拨款",
                Some("项目名称"),
            ),
            (
                "a figure under its label",
                "上年结转资金 0.00",
                "上年结转资金\n0.00",
                Some("项目名称"),
            ),
            (
                "the two 其他资金 on two lines",
                "其他资金 0.00其他资金 0.00",
                "其他资金 0.00\n其他资金 0.00",
                Some("项目名称"),
            ),
            (
                "a word of another kind in the block",
                "（元）",
                "（元） 备注",
                Some("项目名称"),
            ),
            (
                "a name wrapped onto the next line",
                "项目名称 公共服务设施运行经费",
                "项目名称 公共服务设施\n运行经费",
                None,
            ),
            (
                "a name's piece above it",
                "（2023年度）\n",
                "（2023年度）\n公共服务\n",
                None,
            ),
            (
                "two words where the name stands",
                "公共服务设施运行经费",
                "公共服务 设施运行经费",
                None,
            ),
        ];
        let name_row = (vec![2], strings(&["项目名称", "公共服务设施运行经费"]));
        for (what, printed, instead, part) in cases {
            let text = SPACED.replace(printed, instead);
            assert_ne!(text, SPACED, "{what}: nothing replaced");
            let read = read_of(&text);
            assert_eq!(read.as_ref().map(|r| r.0), part, "{what}");
            if let Some((_, rows)) = read {
                assert_eq!(rows, core::slice::from_ref(&name_row), "{what}");
            }
        }
    }

    /// A 13-table form single-spaced (the 2022 专项资金 document): the
    /// 主管部门 value's first piece stands between the name and its label.
    #[test]
    fn a_name_followed_by_a_department_code_is_read() {
        let form = "（2022 年度）
项目名称 阳泉市开发区建设领导小组办公室工作经费
038-阳泉市商务
主管部门及代码 实施单位 阳泉市商务局
局
项目资金 (元) 年度资金总额: 30,000";
        let (part, rows) = read_of(form).expect("read");
        assert_eq!(part, "项目名称");
        assert_eq!(
            rows,
            [(
                vec![2],
                strings(&["项目名称", "阳泉市开发区建设领导小组办公室工作经费"])
            )]
        );
        // A piece that opens with no code may be the name's own.
        let piece = form.replace("038-阳泉市商务", "阳泉市商务");
        assert_eq!(read_of(&piece), None);
    }

    /// The 13-table forms of the 2026 财政局 document as pdfplumber and
    /// pdftotext print them: names the PDF wrapped in their cells.
    #[test]
    fn a_name_wrapped_in_its_cell_is_read_whole() {
        let name = |text: &str| {
            read_of(text).map(|(part, rows)| {
                assert_eq!(part, "项目名称");
                rows[0].clone()
            })
        };
        let around = "(2026年度)\n支出标准体系\n项目名称\n建设工作经费\n主管部门及代 021-阳泉市财\n实施单位 阳泉市财政局";
        assert_eq!(
            name(around),
            Some((
                vec![2, 3, 4],
                strings(&["项目名称", "支出标准体系建设工作经费"])
            ))
        );
        let three = "(2026年度)\n财政系统业务运\n项目名称 转保障及服务经\n费\n主管部门及代 021-阳泉市财政\n实施单位";
        assert_eq!(
            name(three).map(|r| r.1[1].clone()),
            Some("财政系统业务运转保障及服务经费".to_string())
        );
        let below_code = "(2026年度)\n政府购买财政事\n项目名称\n务中心服务费\n021-阳泉市财政\n主管部门及代码 实施单位 阳泉市财政局";
        assert_eq!(
            name(below_code).map(|r| r.1[1].clone()),
            Some("政府购买财政事务中心服务费".to_string())
        );
        // 阳泉市财 / 政局: the 实施单位 value printed around the 主管部门
        // row's line, which ends in its label.
        let unit_around = "(2026年度)\n项目名称 财政业务工作经费\n阳泉市财\n主管部门及代码 021-阳泉市财政局 实施单位\n政局";
        assert_eq!(
            name(unit_around).map(|r| r.1[1].clone()),
            Some("财政业务工作经费".to_string())
        );
        let raw = "(2026年度)\n项目名称\n\n财政系统业务运\n转保障及服务经\n费\n\n主管部门及代\n码";
        let (part, rows) = read_of(raw).expect("one cell a line");
        assert_eq!(part, "项目名称");
        assert_eq!(
            rows[0],
            (
                vec![2, 4, 5, 6],
                strings(&["项目名称", "财政系统业务运转保障及服务经费"])
            )
        );
    }

    /// A piece on one side of the label only, or pieces whose lengths no
    /// wrap gives, or a name's cell not closed by a blank line: not told.
    #[test]
    fn a_piece_that_may_be_another_cell_s_is_not_taken_into_the_name() {
        for text in [
            // 阳泉市财 may be the name's or the 实施单位 value's: that
            // value is printed on the label's line.
            "(2026年度)\n项目名称 财政业务工作经费\n阳泉市财\n主管部门及代码 021-阳泉市财政局 实施单位 阳泉市财政局\n政局",
            "(2026年度)\n财政业务\n项目名称\n主管部门及代码 021-阳泉市财政局",
            "(2026年度)\n财政\n项目名称\n业务工作经费\n主管部门及代码 021-阳泉市财政局",
            "(2026年度)\n代理银行手续\n项目名称\n费\n阳泉市国库\n主管部门及 021-阳泉市财",
            "(2026年度)\n项目名称\n\n会计专业初级、中级技术资格考试考务费\n\n>90%\n\n主管部门及",
            "(2026年度)\n项目名称\n\n财政系统业务运\n转保障及服务经\n费\n主管部门及代",
        ] {
            assert_eq!(read_of(text), None, "{text}");
        }
    }

    /// A form copied out of a browser's PDF viewer (招商 2026's, as Chrome
    /// gives it): each cell whole, one after another, the 主管部门 row's
    /// label alone over two lines; each figure after its label's last
    /// piece, on its line or alone on the next.
    const DRAWN: &str = "(2026年度)
项目名称
异地交流干
部房屋租赁
费
主管部门及
代码
043-阳泉市
招商中心 实施单位 阳泉市投资促进中
心
项目属性
经常性项目
项目期 99年
项目资金
（元）
实施期资金
总额： 24,000 年度资金总额： 24,000
其中：中央
财政资金 0 其中：中央财政资
金
0
省级财政资
金
0 省级财政资金 0
市县（区）
财政资金 24,000 市县（区）财政资
金
24,000
单位自筹 0 单位自筹 0
其他资金 其他资金
项目概况 为更好激励干部干事创业";

    #[test]
    fn a_form_copied_out_of_a_browser_viewer_gives_its_name_and_funds() {
        let (part, rows) = read_of(DRAWN).expect("read");
        assert_eq!(part, "项目名称和项目资金");
        assert_eq!(
            rows[0],
            (
                vec![2, 3, 4, 5],
                strings(&["项目名称", "异地交流干部房屋租赁费"])
            )
        );
        let funds: Vec<Vec<String>> = rows[1..].iter().map(|r| r.1[1..].to_vec()).collect();
        let expected: [[&str; 4]; 6] = [
            ["实施期资金总额：", "24,000", "年度资金总额：", "24,000"],
            ["其中：中央财政资金", "0", "其中：中央财政资金", "0"],
            ["省级财政资金", "0", "省级财政资金", "0"],
            [
                "市县（区）财政资金",
                "24,000",
                "市县（区）财政资金",
                "24,000",
            ],
            ["单位自筹", "0", "单位自筹", "0"],
            ["其他资金", "", "其他资金", ""],
        ];
        assert_eq!(funds, expected.map(|r| strings(&r)));
        // The name's first line beside its label; the 主管部门 label whole
        // beside the code and nothing else (a 2022 申报表).
        let beside = "(2026年度)\n项目名称 招商引资工作\n经费\n主管部门及代\n码\n043-阳泉市招";
        let with_code =
            "（2022 年度）\n项目名称 贸易统计奖励专\n项资金\n主管部门及代码 038-阳泉市商务\n局";
        for (text, name) in [
            (beside, "招商引资工作经费"),
            (with_code, "贸易统计奖励专项资金"),
        ] {
            let (_, rows) = read_of(text).expect(name);
            assert_eq!(rows[0].1[1], name);
        }
    }

    /// Where the 主管部门 row may have begun above its label — text that
    /// centres cells (pdfplumber) prints a taller cell's first lines there —
    /// or the lines are not one cell's, no name is read.
    #[test]
    fn lines_another_cell_may_own_end_no_name_in_drawing_order() {
        for text in [
            // The label alone on one line: a value may stand above and
            // below it ("阳泉市财" / 主管部门及代码 / "政局").
            "(2026年度)\n项目名称 财政业务工作经费\n阳泉市财\n主管部门及代码\n021-阳泉市财政局",
            // Beside the code, another cell on the label's line.
            "(2026年度)\n项目名称 财政业务\n工作经费\n主管部门及代码 021-阳泉市财政局 实施单位 阳泉市财政局",
            // The label's rest is no rest of it.
            "(2026年度)\n项目名称 招商引资工作\n经费\n主管部门及代\n号\n043-阳泉市招",
            // No code after the label.
            "(2026年度)\n项目名称 招商引资工作\n经费\n主管部门及代\n码\n实施单位",
            // A blank line between: one cell a line, ">90%" out of place.
            "(2026年度)\n项目名称\n\n会计专业初级、中级技术资格考试考务费\n\n>90%\n主管部门及代\n码\n021-阳泉市财",
            // A piece longer than the one above it: no wrap gives that.
            "(2026年度)\n项目名称 招商\n引资工作经费\n主管部门及代\n码\n043-阳泉市招",
        ] {
            assert_eq!(read_of(text), None, "{text}");
        }
        // The name whole on its label's line, the 主管部门 label still
        // alone over two lines: the funds are read in drawing order.
        let whole = DRAWN.replacen(
            "项目名称\n异地交流干\n部房屋租赁\n费\n",
            "项目名称 异地交流干部房屋租赁费\n",
            1,
        );
        assert_ne!(whole, DRAWN);
        assert_eq!(read_of(&whole).map(|r| r.0), Some("项目名称和项目资金"));
        // The same funds with the name told otherwise than in drawing
        // order: the figures alone on their lines are not read.
        let told_otherwise = DRAWN.replacen(
            "项目名称\n异地交流干\n部房屋租赁\n费\n主管部门及\n代码\n",
            "项目名称 异地交流干部房屋租赁费\n主管部门及代码\n",
            1,
        );
        assert_ne!(told_otherwise, DRAWN);
        assert_eq!(read_of(&told_otherwise).map(|r| r.0), Some("项目名称"));
    }

    #[test]
    fn figures_glued_to_labels_are_cut_only_where_both_are_whole() {
        assert_eq!(split_figures("0.00其他资金"), ["0.00", "其他资金"]);
        assert_eq!(
            split_figures("4,563,800.00年度资金申请总额"),
            ["4,563,800.00", "年度资金申请总额"]
        );
        assert_eq!(split_figures("2023-01-01"), ["2023-01-01"]);
        assert_eq!(split_figures("其中：财政资金"), ["其中：财政资金"]);
    }

    #[test]
    fn hostile_lines_end_in_none_not_a_panic() {
        let long = "项目资金总额 1 ".repeat(5000);
        for text in [
            "",
            "项目名称",
            "项目名称 x\n主管部门",
            &long,
            "项目名称 x\n主管部门\n项目资金总额",
        ] {
            let _ = rows_of(text);
        }
    }
}
