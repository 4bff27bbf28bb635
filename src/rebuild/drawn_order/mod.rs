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
//! certain is left unread ([`leave_unread`]), but for the labels drawn
//! apart from their rows that `apart.rs` places. Else nothing moves and
//! `rebuild` records `Reading::TitlesAfterTables`, which no template
//! verifies (S107).

mod apart;

use core::ops::Range;

use apart::labels_drawn_apart;

use super::tokens;
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
/// mostly does not say: both tables are uncertain, or this one alone when
/// the next one's rows could not be them ([`may_be_row_of`]). It does in
/// two cases ([`AfterTitle`]): labels the table lacks where its figures
/// stand ([`labels_drawn_apart`]: the 合计 or 收入总计 of a table opening
/// on a lone figure, a side's last rows, the names of groups whose 小计 is
/// printed bare), and rows under a heading after the last title.
pub(super) fn put_titles_over_tables(
    lines: &mut Lines,
    raw: &mut [&str],
    starts: &[(usize, usize, &'static TableDef)],
) -> Option<Vec<&'static str>> {
    let (mut moves, listed) = plan(lines, raw, starts)?;
    let mut uncertain = Vec::new();
    let mut page_headings = Vec::new();
    for k in 0..moves.len() {
        let (after, words_end) = drawn_after_title(lines, raw, &moves, k, &uncertain);
        let next = moves.get(k + 1).map(|next| next.def.id);
        match after {
            AfterTitle::Uncertain { next_too } => {
                uncertain.push(moves[k].def.id);
                uncertain.extend(next.filter(|_| next_too));
            }
            settled => {
                // The header words drawn right after the title go up with it.
                moves[k].title.end += words_end;
                match settled {
                    AfterTitle::NextPage(headings) => page_headings.extend(headings),
                    AfterTitle::Labels(labels) => moves[k].labels = labels,
                    _ => {}
                }
            }
        }
    }
    for i in listed {
        lines.all[i].noise = Some(Noise::TableOfContents);
    }
    for i in page_headings {
        lines.all[i].noise = Some(Noise::Page);
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

/// What the lines a PDF drew after a title are ([`drawn_after_title`]).
enum AfterTitle {
    /// Nothing but header words and notes.
    HeaderWords,
    /// After the last title, its table's next page, under these heading
    /// lines (the 部门 line over the page): no table follows to take its
    /// rows, and the headings are page furniture between its two pages.
    NextPage(Vec<usize>),
    /// Labels the table lacks where its figures stand, each with the line
    /// it goes right above ([`labels_drawn_apart`]).
    Labels(Vec<(usize, usize)>),
    /// Rows, of this table or of the next: both are uncertain, or this one
    /// alone when the next one's rows could not be them.
    Uncertain { next_too: bool },
}

/// What stands between title `k` and the next table's heading
/// ([`AfterTitle`]), and how many lines right after the title are header
/// words, to go up with it. `uncertain`: the tables found uncertain so far
/// (a table whose title before drew rows may hold them: its own lone 合计
/// is then not settled).
fn drawn_after_title(
    lines: &Lines,
    raw: &[&str],
    moves: &[Move],
    k: usize,
    uncertain: &[&str],
) -> (AfterTitle, usize) {
    let printed = |i: usize| printed(raw, &lines.all[i]);
    let table = &moves[k];
    let next = moves.get(k + 1);
    let until = next.map_or(lines.all.len(), |next| next.start);
    // A 合计 is a column's name in some tables (三公: 合计, 小计 …), but
    // never so after the title of a table whose rows open on one.
    let header_words = |i: usize| {
        printed(i).split_whitespace().all(|word| {
            let key = crate::text::fold_key(word);
            if tokens::is_total_key(&key) && opens_on_total(table.def) {
                return false;
            }
            crate::parse::tables::is_side_header(&key)
                || tokens::is_header_key(&key, table.def)
                || is_piece_of_column_name(&key, table.def)
                || next.is_some_and(|next| tokens::is_header_key(&key, next.def))
        })
    };
    let is_content_at = |i: usize| is_content(&lines.all[i]);
    let after_title = table.title.end..until;
    let words_end = after_title
        .clone()
        .take_while(|&i| !is_content_at(i) || header_words(i))
        .enumerate()
        .filter(|&(_, i)| is_content_at(i))
        .last()
        .map_or(0, |(n, _)| n + 1);
    let drawn_after: Vec<usize> = after_title
        .take_while(|&i| !crate::parse::tables::ends_table_region(&lines.all[i]))
        .filter(|&i| is_content_at(i) && !tokens::is_table_heading(printed(i)))
        .collect();
    // A note ("注：本部门无相关收支项目") is no row: it stays where it was
    // drawn, after the table's rows.
    let rows_after: Vec<usize> = drawn_after
        .iter()
        .copied()
        .filter(|&i| !header_words(i) && !is_note(printed(i)))
        .collect();
    let Some(&first_row) = rows_after.first() else {
        return (AfterTitle::HeaderWords, words_end);
    };
    let settled = !uncertain.contains(&table.def.id);
    if next.is_none() && settled {
        let between = table.title.end + words_end..first_row;
        let is_heading = |i: &usize| tokens::is_table_heading(printed(*i));
        let headings: Vec<usize> = between.clone().filter(is_heading).collect();
        let only_headings = between
            .filter(|&i| is_content_at(i))
            .all(|i| is_heading(&i) || header_words(i));
        if !headings.is_empty() && only_headings {
            return (AfterTitle::NextPage(headings), words_end);
        }
    }
    if settled {
        if let Some(labels) = labels_drawn_apart(lines, raw, moves, k, &drawn_after, &rows_after) {
            return (AfterTitle::Labels(labels), words_end);
        }
    }
    // Labels the next table's rows cannot begin with are no rows of it
    // (支出预算总表's one row without a label; 收入预算总表's fixed rows
    // after 收支预算总表's 支出合计).
    let holds_figures = rows_after
        .iter()
        .any(|&i| printed(i).split_whitespace().any(tokens::is_figure));
    let next_too = next.is_some_and(|next| {
        holds_figures
            || rows_after
                .iter()
                .any(|&i| may_be_row_of(next.def, &crate::text::fold_key(printed(i))))
    });
    (AfterTitle::Uncertain { next_too }, words_end)
}

/// Whether the table's rows stand under a 合计 row (科目 rows), whose
/// label a PDF may draw after the title.
fn opens_on_total(def: &TableDef) -> bool {
    matches!(
        def.sides,
        [side] if matches!(side.rows, RowScheme::Codes | RowScheme::SplitCodes | RowScheme::Economic)
    )
}

/// Whether the table's rows are figures without a label (三公, 支出预算总表).
fn has_values_only(def: &TableDef) -> bool {
    def.sides
        .iter()
        .all(|side| matches!(side.rows, RowScheme::Values))
}

/// Whether a line reading `key` (folded) may be a row of the table: one of
/// fixed rows has it begin one of their labels, one of figures alone has
/// no labelled row, any other may have it as a row's name.
fn may_be_row_of(def: &TableDef, key: &str) -> bool {
    def.sides.iter().any(|side| match side.rows {
        RowScheme::Fixed(rows) => rows.iter().any(|row| row.label.starts_with(key)),
        RowScheme::Values => false,
        _ => true,
    })
}

/// Whether `key` (folded) is a piece of a column's name of a table of one
/// row without a label (三公: "小计" of "公务用车购置及运行维护费 小计"),
/// which no row of it can be: its header's cells, one after the other,
/// are the words a viewer copies after its title. A piece of two
/// characters counts here, where a line's every word must be one.
fn is_piece_of_column_name(key: &str, def: &TableDef) -> bool {
    has_values_only(def)
        && key.chars().nth(1).is_some()
        && def
            .columns()
            .any(|(_, c)| crate::text::fold_key(c.name).contains(key))
}

/// A note under a table ("注：本部门无相关收支项目"), as the table parser
/// tells one.
fn is_note(text: &str) -> bool {
    crate::parse::tables::is_note_key(&crate::text::fold_key(text))
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
                    labels: Vec::new(),
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
/// at its table's start, each label drawn apart right above its line.
fn order_with_titles_moved(len: usize, moves: &[Move]) -> Vec<usize> {
    let mut put_before: Vec<Vec<usize>> = vec![Vec::new(); len];
    let mut moved = vec![false; len];
    for m in moves {
        let labels = m.labels.iter().map(|&(label, at)| (at, label..label + 1));
        for (at, lines) in [(m.start, m.title.clone())].into_iter().chain(labels) {
            for i in lines {
                moved[i] = true;
                put_before[at].push(i);
            }
        }
    }
    let mut order: Vec<usize> = Vec::with_capacity(len);
    for (i, before) in put_before.iter().enumerate() {
        order.extend(before);
        if !moved[i] {
            order.push(i);
        }
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

/// A title to put back: its lines, then the header words drawn after it
/// (indices into `all`), and the index its table starts at.
struct Move {
    title: Range<usize>,
    start: usize,
    def: &'static TableDef,
    /// Labels drawn apart from their rows, each with the line it goes
    /// right above ([`labels_drawn_apart`]).
    labels: Vec<(usize, usize)>,
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
/// ([`put_titles_over_tables`]): see [`super::leave_unread`].
pub(super) fn leave_unread(
    lines: &mut Lines,
    raw: &[&str],
    start: usize,
    end: usize,
    table: &'static TableDef,
) {
    super::leave_unread(lines, raw, start..end, table, |figures| match figures {
        0 => format!("本表没有数字，但{TITLE_AFTER}"),
        n => format!("{n} 个数字所在的表，{TITLE_AFTER}"),
    });
}

const TITLE_AFTER: &str = "标题印在表格内容之后（如从浏览器的 PDF 阅读器复制的文本），本表与前后表的分界无法确定；本表各行的金额未核对";

#[cfg(test)]
mod tests {
    use crate::lines::{Lines, Noise};
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

    /// Two tables whose 合计 figure stands alone over their rows, its label
    /// drawn after the title (Chrome's copy of 省委办公厅 2019).
    fn with_lone_totals(second_body: &str, after_second: &str) -> String {
        format!(
            "部门：某部门 单位：万元\n功能科目编码 功能科目名称 金额\n100.00\n\
             201 一般公共服务支出 100.00\n20101 人大事务 100.00\n\
             财政拨款支出预算表\n合计\n\
             部门：某部门 单位：万元\n科目编码 科目名称 金额\n{second_body}\
             财政拨款基本支出预算表\n{after_second}"
        )
    }

    #[test]
    fn a_lone_total_drawn_after_a_title_labels_the_figure_its_table_opens_on() {
        let body = "100.00\n301 工资福利支出 100.00\n30101 基本工资 100.00\n";
        let (lines, readings) = rebuilt(&with_lone_totals(body, "合计\n"));
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        assert_eq!(
            order(&lines),
            [6, 1, 2, 7, 3, 4, 5, 13, 8, 9, 14, 10, 11, 12, 15]
        );
        assert!(lines.unplaced.is_empty(), "{:?}", lines.unplaced);
    }

    /// An empty table's 合计, and its note, drawn after its title, between
    /// two tables opening on lone figures: the label stays where the title
    /// stood, under the header.
    #[test]
    fn an_empty_tables_total_drawn_after_its_title_is_its_own() {
        let text = "部门：某部门 单位：万元\n功能科目编码 功能科目名称 金额\n100.00\n\
                    201 一般公共服务支出 100.00\n20101 人大事务 100.00\n\
                    财政拨款支出预算表\n合计\n\
                    部门：某部门 单位：万元\n科目编码 科目名称 金额\n\
                    财政拨款基本支出预算表\n合计\n注：本部门无相关收支项目\n\
                    部门：某部门 单位：万元\n功能科目编码 功能科目名称 金额\n100.00\n\
                    201 一般公共服务支出 100.00\n\
                    一般公共预算支出预算表\n合计\n";
        let (lines, readings) = rebuilt(text);
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        assert_eq!(
            order(&lines),
            [6, 1, 2, 7, 3, 4, 5, 10, 8, 9, 11, 12, 17, 13, 14, 18, 15, 16, 19]
        );
        assert!(lines.unplaced.is_empty(), "{:?}", lines.unplaced);
    }

    /// A table that opens on its 合计 line leaves a lone 合计 after its
    /// title to the next table or to itself: both are left unread.
    #[test]
    fn a_lone_total_after_a_title_over_a_labelled_total_is_not_placed() {
        let body = "合计 100.00\n301 工资福利支出 100.00\n";
        let text = with_lone_totals(body, "");
        let text = text.replacen("100.00\n201", "合计 100.00\n201", 1);
        let (lines, _) = rebuilt(&text);
        let tables: Vec<&str> = lines.unplaced.iter().map(|u| u.table).collect();
        assert_eq!(tables, ["公开05表", "公开06表"]);
    }

    /// Rows after the last title, under the 部门 line drawn after it, are
    /// its table's next page: they stay after its rows, the 部门 line set
    /// aside as page furniture.
    #[test]
    fn rows_after_the_last_title_under_a_heading_are_its_next_page() {
        let text = format!("{}部门：某部门\n30102 津贴补贴 3.00\n", copied(""));
        let (lines, readings) = rebuilt(&text);
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        assert_eq!(
            order(&lines),
            [6, 1, 2, 3, 4, 5, 12, 7, 8, 9, 10, 11, 13, 14, 15]
        );
        assert_eq!(lines.get(13).and_then(|l| l.noise), Some(Noise::Page));
        assert!(lines.unplaced.is_empty(), "{:?}", lines.unplaced);
    }

    /// A 收入预算总表 whose PDF drew its rows, then the name of its last
    /// group, then its title, then 收入总计 and the other groups' names
    /// (省委办公厅 2017–2019), and a 支出预算总表 after it.
    fn income_by_source(body_end: &str) -> String {
        format!(
            "部门：某部门 单位：万元\n项目名称 金额\n100.00\n小计 90.00\n\
             公共财政拨款(补助)资金 90.00\n政府性基金 小计\n小计 10.00\n事业收入 10.00\n\
             小计\n其中：动用上年结转和结余资金\n{body_end}收入预算总表\n\
             收入总计\n一般公共预算资金\n其他资金\n\
             部门：某部门 单位：万元\n合计 基本支出 项目支出 单位预留机动经费 结转下年资金\n\
             100.00 60.00 40.00\n支出预算总表\n"
        )
    }

    /// Asserts that no row of the table was left unplaced.
    fn assert_read_whole(lines: &Lines, table: &str) {
        let unplaced: Vec<_> = lines.unplaced.iter().filter(|u| u.table == table).collect();
        assert!(unplaced.is_empty(), "{unplaced:?}");
    }

    /// The tables left unread for their bounds ([`super::leave_unread`]).
    fn unread_tables(lines: &Lines) -> Vec<&str> {
        lines
            .unplaced
            .iter()
            .filter(|u| u.rows_unread)
            .map(|u| u.table)
            .collect()
    }

    #[test]
    fn group_names_drawn_apart_go_over_their_bare_subtotals_in_the_templates_order() {
        let (lines, readings) = rebuilt(&income_by_source("上年结转和结余资金\n"));
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        // 收入总计 over the lone figure; 一般公共预算资金, 其他资金 and
        // 上年结转和结余资金 over the first, second and third bare 小计.
        assert_eq!(
            &order(&lines)[..15],
            [12, 1, 2, 13, 3, 14, 4, 5, 6, 15, 7, 8, 11, 9, 10]
        );
        assert_read_whole(&lines, "公开02表");
    }

    /// Two names apart for three bare 小计: which is whose, the text does
    /// not say. The 支出预算总表 after it has no labelled row the names
    /// could be: it is read.
    #[test]
    fn group_names_fewer_than_the_bare_subtotals_leave_the_table_unread() {
        let (lines, _) = rebuilt(&income_by_source(""));
        assert_eq!(unread_tables(&lines), ["公开02表"]);
    }

    /// Labels drawn after the 收支预算总表's title that are not all of a
    /// side's last rows (结转下年资金 is missing) leave it unread; no row of
    /// the 收入预算总表 begins with them: the second is read.
    #[test]
    fn labels_after_a_title_the_next_tables_rows_cannot_be_leave_it_read() {
        let summary = "部门：某部门 单位：万元\n项目名称 金额 功能科目名称 金额 项目名称 金额\n\
                       一、财政拨款 100.00 一、一般公共服务支出 100.00 一、基本支出 60.00\n\
                       1.一般公共预算 100.00 二、项目支出 40.00\n\
                       当年收入小计 100.00 100.00\n收入合计 100.00 100.00\n\
                       收支预算总表\n当年支出小计\n支出合计\n";
        let text = format!("{summary}{}", income_by_source("上年结转和结余资金\n"));
        let (lines, readings) = rebuilt(&text);
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        assert_eq!(unread_tables(&lines), ["公开01表"]);
        assert_read_whole(&lines, "公开02表");
    }

    /// A side's last rows drawn after the title, labels alone (2018's
    /// 收支预算总表): they go after the table's rows, where the income
    /// side's last lines hold their figures; both tables are read.
    #[test]
    fn a_sides_last_rows_drawn_after_the_title_go_after_the_rows() {
        let summary = "部门：某部门 单位：万元\n项目名称 金额 功能科目名称 金额 项目名称 金额\n\
                       一、财政拨款 100.00 一、一般公共服务支出 100.00 一、基本支出 60.00\n\
                       1.一般公共预算 100.00 二、项目支出 40.00\n\
                       当年收入小计 100.00 100.00\n上年结转资金\n收入合计 100.00 100.00\n\
                       收支预算总表\n当年支出小计\n结转下年资金\n支出合计\n项目名称 金额\n";
        let text = format!("{summary}{}", income_by_source("上年结转和结余资金\n"));
        let (lines, readings) = rebuilt(&text);
        assert!(readings.contains(&Reading::TitlesPutBack), "{readings:?}");
        assert_eq!(
            &order(&lines)[..12],
            [8, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]
        );
        assert_read_whole(&lines, "公开01表");
        assert_read_whole(&lines, "公开02表");
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
