//! Text in the order a PDF draws it: titles drawn after their tables,
//! told and put back over them.
//!
//! A PDF viewer's copy (Firefox's pdf.js, `tests/fixtures/viewer-copy`;
//! Chrome's PDFium, `chrome-copy`) gives a page's text in the order the
//! PDF draws it, not top to bottom. The single-spaced reader reads most of
//! it (`spaced.rs`: a coded row's name running onto its figures' line,
//! which tells `Known::drawn_order`, and a group's name above its 小计).
//! But a PDF that draws each page's title last (the Jiangsu 省委办公厅's
//! tables) gives every table before its title: such a text is told here
//! ([`titles_after_tables`]). Where each table's start is certain, the
//! titles are put back over their tables ([`put_titles_over_tables`]) and
//! `rebuild` records `Reading::TitlesPutBack`; a table whose end is not
//! certain is left unread ([`leave_unread`]). Else nothing moves and
//! `rebuild` records `Reading::TitlesAfterTables`, which no template
//! verifies (S107).

use core::ops::Range;

use super::{tokens, UnplacedRow};
use crate::lines::{Line, Lines, Noise};
use crate::prelude::*;
use crate::profile::{RowScheme, TableDef};

/// Whether the tables come before their titles: the first region holding
/// a figure (a list of the tables' titles holds none) holds the next
/// table's rows ([`holds_next_tables_rows`]: the list's last title over the
/// first table), or a table's heading line (部门：…, 单位：…) and lines of
/// figures after it stand before that region's title. Each title then
/// stands over the next table's rows: no reading of them can be trusted.
pub(super) fn titles_after_tables(
    lines: &Lines,
    raw: &[&str],
    regions: &[(usize, usize, &'static TableDef)],
) -> bool {
    let printed = |line: &Line| printed(raw, line);
    let holds_figures = |line: &Line| {
        line.noise.is_none() && printed(line).split_whitespace().any(tokens::is_figure)
    };
    let Some(first) = regions
        .iter()
        .position(|&(start, end, _)| lines.all[start..end].iter().any(holds_figures))
    else {
        return false;
    };
    if holds_next_tables_rows(lines, raw, regions, first) {
        return true;
    }
    let first_title = regions[first].0;
    let before = &lines.all[..first_title];
    let Some(heading) = before
        .iter()
        .position(|l| l.noise.is_none() && tokens::is_table_heading(printed(l)))
    else {
        return false;
    };
    let figure_lines = before[heading + 1..]
        .iter()
        .filter(|l| holds_figures(l))
        .count();
    figure_lines >= 2
}

/// Whether region `k` holds the rows of the table after it: three fixed
/// row labels of that table that its own table has not ("一、财政拨款",
/// "当年收入小计" under the list's last title, 政府采购支出预算表, where the
/// 收支预算总表 is drawn before its title).
fn holds_next_tables_rows(
    lines: &Lines,
    raw: &[&str],
    regions: &[(usize, usize, &'static TableDef)],
    k: usize,
) -> bool {
    let (Some(&(start, end, own)), Some(&(_, _, next))) = (regions.get(k), regions.get(k + 1))
    else {
        return false;
    };
    let labels = |def: &'static TableDef| {
        def.sides.iter().flat_map(|side| match side.rows {
            RowScheme::Fixed(rows) => rows.iter().map(|r| r.label).collect(),
            _ => Vec::new(),
        })
    };
    let own: Vec<&str> = labels(own).collect();
    let mut theirs: Vec<&str> = labels(next)
        .filter(|label| label.chars().count() >= 4 && !own.contains(label))
        .collect();
    let words = lines.all[start..end]
        .iter()
        .filter(|l| l.noise.is_none())
        .flat_map(|l| printed(raw, l).split_whitespace());
    let mut found = 0;
    for word in words {
        let key = crate::text::fold_key(word);
        if let Some(at) = theirs.iter().position(|label| key.ends_with(label)) {
            theirs.swap_remove(at);
            found += 1;
        }
    }
    found >= 3
}

/// Puts each title back over its table, in a text whose tables come
/// before their titles ([`titles_after_tables`]): the PDF draws a page's
/// rows, then its title, then what else the page holds (header words, the
/// 部门 line). A table starts at the first heading line (部门：…, 单位：…)
/// after the title before it. Each title's lines, with the header words
/// drawn after it, move up to its table's start ([`Lines::reorder`], and
/// `raw` with them); the lines keep their numbers.
///
/// Returns the tables whose bounds stay uncertain, for `rebuild` to leave
/// unread ([`leave_unread`]); None, and nothing moved, unless every
/// table's start is certain ([`plan`]).
///
/// What stands between a title and the next table's heading was drawn
/// after the title. Header words of either table ("收入 支出", "项目名称
/// 金额") are no row of either; anything else may be the table's rows (the
/// labels of a 收支预算总表's last rows), or the next table's first rows
/// whose labels came before its heading (a 合计 over a table's 部门 line),
/// or, after the last title, the rows of its table's next page, set apart
/// from its header by the 部门 line drawn after the title. Which, the text
/// does not say: both tables are uncertain.
pub(super) fn put_titles_over_tables(
    lines: &mut Lines,
    raw: &mut [&str],
    starts: &[(usize, usize, &'static TableDef)],
) -> Option<Vec<&'static str>> {
    let (mut moves, listed) = plan(lines, raw, starts)?;
    let printed = |line: &Line| printed(raw, line);
    let mut uncertain = Vec::new();
    for k in 0..moves.len() {
        let next = moves.get(k + 1);
        let until = next.map_or(lines.all.len(), |next| next.start);
        let table = &moves[k];
        let header_words = |line: &Line| {
            printed(line).split_whitespace().all(|word| {
                let key = crate::text::fold_key(word);
                SIDE_NAMES.iter().any(|name| *name == key)
                    || tokens::is_header_key(&key, table.def)
                    || next.is_some_and(|next| tokens::is_header_key(&key, next.def))
            })
        };
        let drawn_after: Vec<&Line> = lines.all[table.title.end..until]
            .iter()
            .take_while(|l| !crate::parse::tables::ends_table_region(l))
            .filter(|l| is_content(l) && !tokens::is_table_heading(printed(l)))
            .collect();
        if drawn_after.iter().all(|l| header_words(l)) {
            // They go up with the title, over the table's heading.
            let words_end = lines.all[table.title.end..until]
                .iter()
                .take_while(|l| !is_content(l) || header_words(l))
                .enumerate()
                .filter(|(_, l)| is_content(l))
                .last()
                .map_or(0, |(i, _)| i + 1);
            moves[k].title.end += words_end;
        } else {
            uncertain.push(table.def.id);
            uncertain.extend(next.map(|next| next.def.id));
        }
    }
    for i in listed {
        lines.all[i].noise = Some(Noise::TableOfContents);
    }
    let order = order_with_titles_moved(lines.all.len(), &moves);
    if order.len() != raw.len() {
        return None;
    }
    let printed_in_order: Vec<&str> = order.iter().map(|&i| raw[i]).collect();
    raw.copy_from_slice(&printed_in_order);
    lines.reorder(&order);
    Some(uncertain)
}

/// The titles to move, and the lines of the titles that end a list of the
/// tables; None unless every table's start is certain: a heading before
/// each title, and of the runs of heading lines there only the first
/// followed by figures (a second with figures after it may be the next
/// page of the table before, headed again). A title with neither heading
/// nor figure before it, or with no figure before it and standing again
/// further on, is the last entry of a list of the tables.
fn plan(
    lines: &Lines,
    raw: &[&str],
    starts: &[(usize, usize, &'static TableDef)],
) -> Option<(Vec<Move>, Vec<usize>)> {
    let printed = |line: &Line| printed(raw, line);
    let holds_figures =
        |line: &Line| is_content(line) && printed(line).split_whitespace().any(tokens::is_figure);
    let is_heading = |line: &Line| is_content(line) && tokens::is_table_heading(printed(line));
    let mut moves: Vec<Move> = Vec::new();
    let mut listed: Vec<usize> = Vec::new();
    let mut after_previous = 0;
    for &(title, title_end, def) in starts {
        let before = &lines.all[after_previous..title];
        let runs = heading_runs(before, is_heading);
        let listed_again = !before.iter().any(holds_figures)
            && starts
                .iter()
                .any(|&(later, _, other)| later > title && other.id == def.id);
        match runs.first().filter(|_| !listed_again) {
            Some(&first) => {
                let figures_after = |run: usize| {
                    before[run..]
                        .iter()
                        .skip_while(|l| is_heading(l) || !is_content(l))
                        .take_while(|l| !is_heading(l))
                        .any(holds_figures)
                };
                if runs[1..].iter().any(|&run| figures_after(run)) {
                    return None;
                }
                moves.push(Move {
                    title: title..title_end + 1,
                    start: after_previous + first,
                    def,
                });
            }
            None if before.iter().any(holds_figures) => return None,
            None => listed.extend(title..=title_end),
        }
        after_previous = title_end + 1;
    }
    (!moves.is_empty()).then_some((moves, listed))
}

/// The indices of `len` lines in their new order: each move's lines put
/// at its table's start.
fn order_with_titles_moved(len: usize, moves: &[Move]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(len);
    let mut moves = moves.iter().peekable();
    for i in 0..len {
        if let Some(next) = moves.peek() {
            if i == next.start {
                order.extend(next.title.clone());
            }
            if next.title.contains(&i) {
                if i + 1 == next.title.end {
                    moves.next();
                }
                continue;
            }
        }
        order.push(i);
    }
    order
}

/// Line `line` as printed, before the lines move (line `no` is
/// `raw[no - 1]`).
fn printed<'r>(raw: &[&'r str], line: &Line) -> &'r str {
    raw.get(line.no - 1).copied().unwrap_or("")
}

fn is_content(line: &Line) -> bool {
    line.noise.is_none() && !line.is_blank()
}

/// The words over the sides of a 收支 table, which no row is named.
const SIDE_NAMES: [&str; 4] = ["收入", "支出", "支出用途", "功能分类"];

/// A title to put back: its lines, then the header words drawn after it
/// (indices into `all`), and the index its table starts at.
struct Move {
    title: Range<usize>,
    start: usize,
    def: &'static TableDef,
}

/// Where each run of heading lines starts among `lines` (blank and noise
/// lines inside a run do not part it).
fn heading_runs(lines: &[Line], is_heading: impl Fn(&Line) -> bool) -> Vec<usize> {
    let mut runs = Vec::new();
    let mut in_run = false;
    for (i, line) in lines.iter().enumerate() {
        if is_heading(line) {
            if !in_run {
                runs.push(i);
            }
            in_run = true;
        } else if line.noise.is_none() && !line.is_blank() {
            in_run = false;
        }
    }
    runs
}

/// Leaves the table region `[start, end)` unread, its bounds uncertain
/// ([`put_titles_over_tables`]): its lines are marked unread but its
/// heading (部门：…, 单位：…, which the parser reads the unit from), and one
/// unplaced row lists its figures, so that no check sums its rows or looks
/// a code up in it (S106 says why).
pub(super) fn leave_unread(
    lines: &mut Lines,
    raw: &[&str],
    start: usize,
    end: usize,
    table: &'static TableDef,
) {
    let mut unread = UnplacedRow {
        lines: Vec::new(),
        table: table.id,
        figures: Vec::new(),
        figure_lines: Vec::new(),
        reason: String::new(),
        rows_unread: true,
    };
    for (line, printed) in lines.all[start..end].iter_mut().zip(&raw[start..end]) {
        if line.noise.is_some() || line.is_blank() || tokens::is_table_heading(printed) {
            continue;
        }
        unread.lines.push(line.no);
        for figure in printed.split_whitespace().filter(|w| tokens::is_figure(w)) {
            unread.figures.push(figure.to_string());
            unread.figure_lines.push(line.no);
        }
        line.noise = Some(Noise::Unread);
    }
    unread.reason = match unread.figures.len() {
        0 => format!("本表没有数字，但{TITLE_AFTER}"),
        n => format!("{n} 个数字所在的表，{TITLE_AFTER}"),
    };
    unread.lines.sort_unstable();
    lines.unplaced.push(unread);
}

const TITLE_AFTER: &str = "标题印在表格内容之后（如从浏览器的 PDF 阅读器复制的文本），本表与前后表的分界无法确定；本表各行的金额未核对";

#[cfg(test)]
mod tests {
    use crate::lines::Lines;
    use crate::profile::{Reading, JIANGSU12};

    /// Two Jiangsu tables as a viewer copies a PDF that draws each page's
    /// title after its rows; `after_first` is what the first page drew
    /// after its title.
    fn copied(after_first: &str) -> String {
        format!(
            "部门：某部门 单位：万元\n功能科目代码 功能科目名称 金额\n合计 100.00\n\
             201 一般公共服务支出 100.00\n20101 人大事务 100.00\n\
             财政拨款支出预算表\n{after_first}\
             部门：某部门 单位：万元\n科目编码 科目名称 金额\n合计 100.00\n\
             301 工资福利支出 100.00\n30101 基本工资 100.00\n\
             财政拨款基本支出预算表\n"
        )
    }

    fn rebuilt(text: &str) -> (Lines, Vec<Reading>) {
        let mut lines = Lines::from_text(text);
        let mut raw: Vec<&str> = text.split('\n').collect();
        let readings = crate::rebuild::rebuild(&mut lines, &mut raw, &JIANGSU12);
        (lines, readings)
    }

    /// The input line numbers in the lines' new order.
    fn order(lines: &Lines) -> Vec<usize> {
        lines.all.iter().map(|l| l.no).collect()
    }

    #[test]
    fn each_title_goes_back_over_its_tables_heading() {
        let (lines, readings) = rebuilt(&copied(""));
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        assert_eq!(&order(&lines)[..7], [6, 1, 2, 3, 4, 5, 12]);
        assert_eq!(&order(&lines)[7..13], [7, 8, 9, 10, 11, 13]);
        assert!(lines.unplaced.is_empty(), "{:?}", lines.unplaced);
        // Each line keeps its number: line 12 is found where it went.
        assert_eq!(
            lines.get(12).map(|l| l.text.as_str()),
            Some("财政拨款基本支出预算表")
        );
    }

    #[test]
    fn header_words_drawn_after_a_title_go_up_with_it() {
        let (lines, _) = rebuilt(&copied("项目名称 金额\n"));
        assert_eq!(&order(&lines)[..3], [6, 7, 1]);
        assert!(lines.unplaced.is_empty(), "{:?}", lines.unplaced);
    }

    /// A label drawn after a title may be its table's row or the next
    /// one's: neither table is read.
    #[test]
    fn a_row_drawn_after_a_title_leaves_both_tables_unread() {
        let (lines, readings) = rebuilt(&copied("合计\n"));
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        let tables: Vec<&str> = lines.unplaced.iter().map(|u| u.table).collect();
        assert_eq!(tables, ["公开05表", "公开06表"]);
        assert!(lines.unplaced.iter().all(|u| u.rows_unread));
        assert!(lines.unplaced[0]
            .reason
            .starts_with("3 个数字所在的表，标题印在表格内容之后"));
    }

    /// A second heading with figures after it before one title may be the
    /// table before's next page: nothing moves.
    #[test]
    fn a_table_headed_twice_before_its_title_moves_nothing() {
        let text = copied("部门：某部门 单位：万元\n20102 政协事务 5.00\n");
        let (lines, readings) = rebuilt(&text);
        assert!(
            readings.contains(&Reading::TitlesAfterTables),
            "{readings:?}"
        );
        assert!(order(&lines).windows(2).all(|w| w[0] < w[1]));
    }
}
