//! The spaced shape (pdfplumber's `extract_text`): one row a line, single
//! spaces between words, empty cells gone. A name too long for its cell is
//! cut around the line holding the row's figures (`机关事业单位基本养` /
//! `2080505 24.39 24.39` / `老保险缴费支出`): the cell is centred, so the
//! row takes as many name lines after its figures as before them — unless
//! the table prints each name on the line above its code (the 决算's, see
//! [`names_above`]). Figures are placed into columns by `place`; a row's
//! figures parted over two lines (cells set higher or lower than the
//! rest) keep their order on each line only ([`Run::second_line`]).

use super::place::{self, Draft, Known, Role, Run};
use super::rows_on_one_line::{self, OnLine};
use super::tokens::{self, Figures, FixedMatcher};
use super::wrapped_name;
use super::{Rebuilt, RebuiltRow, Region};
use crate::lines::Noise;
use crate::model::class_completed;
use crate::prelude::*;
use crate::profile::{RowScheme, TableDef};
use crate::slices::sort_stable_by;
use crate::text::fold_key;

/// A content line of the region: its index in `region.raw` and its words.
pub(super) struct Entry<'a> {
    pub index: usize,
    pub words: Vec<&'a str>,
    /// How it stands on its printed line (`rows_on_one_line`).
    pub on_line: OnLine,
}

pub(super) fn entries<'a>(region: &Region<'a>) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (index, (raw, line)) in region.raw.iter().zip(region.lines).enumerate() {
        // A 合计 alone on its line repeats often enough in one-cell-a-line
        // text to be taken for a watermark: inside a table it is a row.
        let total = matches!(line.noise, Some(Noise::Watermark)) && tokens::is_total(raw.trim());
        // The next table's label ("公开 04 表") is no row, wherever a page
        // number parted it from that table's title.
        if (line.noise.is_some() && !total) || line.is_blank() || tokens::is_table_label(raw) {
            continue;
        }
        out.push(Entry {
            index,
            words: raw.split_whitespace().collect(),
            on_line: OnLine::First,
        });
    }
    out
}

/// What pdfplumber's text prints that is not a cell's words: the page
/// number closing each page (pages are joined by a blank line, so it is a
/// lone number before one: "30102 津贴补贴 6,372.51" / "18" / "" /
/// "30103 奖金 180.14"), which would otherwise be read as a piece of the
/// next row's name; and a total label spaced out over its cell ("合 计
/// 24,169.74"), made one word again so that it opens the rows.
/// Returns the entries left and the page numbers' lines.
fn tidy<'a>(region: &Region<'a>, mut entries: Vec<Entry<'a>>) -> (Vec<Entry<'a>>, Vec<usize>) {
    let mut pages = Vec::new();
    entries.retain(|e| {
        let page = is_page_number(region, e);
        if page {
            pages.push(region.line_no(e.index));
        }
        !page
    });
    for e in &mut entries {
        if let [first, second, ..] = e.words[..] {
            let one_char = |w: &str| w.chars().count() == 1;
            if one_char(first) && one_char(second) && tokens::is_total(&format!("{first}{second}"))
            {
                // The raw line's slice from the first word to the second:
                // "合 计", which `is_total` folds to 合计.
                let raw = region.raw[e.index];
                let from = first.as_ptr() as usize - raw.as_ptr() as usize;
                let to = second.as_ptr() as usize - raw.as_ptr() as usize + second.len();
                e.words.splice(0..2, [&raw[from..to]]);
            }
        }
    }
    (entries, pages)
}

/// A group's name printed beside its rows rather than on its 小计 row:
/// 公开02表 labels a group's first row "一般公共预算资金小计", its name a
/// cell merged over the group's rows and centred on them, so that the
/// text prints "小计 24,169.74" / "一般公共预算资金 公共财政拨款（补助）资金
/// 24,169.74" / "专项收入". The name, found on the lines after a 小计
/// (before the next one) or on its own line after its figure where name +
/// 小计 is one of the table's labels, is moved to the front of that 小计's
/// line. Returns the entries and, for each name that stood alone on its
/// line ("小计" / "上年结转和结余资金"),
/// (the 小计's line index, the name's): the row cites that line, which
/// would otherwise be read as a row of its own.
fn group_subtotals<'a>(
    def: &TableDef,
    mut entries: Vec<Entry<'a>>,
) -> (Vec<Entry<'a>>, Vec<(usize, usize)>) {
    const SUBTOTAL: &str = "小计";
    let is_label = |key: &str| {
        def.sides.iter().any(|side| match &side.rows {
            RowScheme::Fixed(rows) => rows.iter().any(|r| r.label == key),
            _ => false,
        })
    };
    let names_a_group = |word: &str| is_label(&format!("{}{SUBTOTAL}", fold_key(word)));
    let mut alone = Vec::new();
    for i in 0..entries.len() {
        if entries[i].words.first().map(|w| fold_key(w)).as_deref() != Some(SUBTOTAL) {
            continue;
        }
        // The name alone on the line right above: text in the order the
        // PDF draws it (a PDF viewer's copy) gives a group's name before
        // its rows ("一般公共预算资金" / "小计 21,940.96").
        if i > 0 && entries[i - 1].words.len() == 1 && names_a_group(entries[i - 1].words[0]) {
            let name = entries[i - 1].words.remove(0);
            entries[i].words.insert(0, name);
            alone.push((entries[i].index, entries[i - 1].index));
            continue;
        }
        // On the 小计's own line after its figure: a browser's copy of the
        // PDF prints the two rows the name is centred on as one line
        // ("小计 17,981.68 一般公共预算资金 公共财政拨款(补助)资金 17,981.68"),
        // the name drawn between them, so within the group.
        if let Some(k) = entries[i]
            .words
            .iter()
            .skip(1)
            .position(|w| names_a_group(w))
        {
            let name = entries[i].words.remove(k + 1);
            entries[i].words.insert(0, name);
            continue;
        }
        let mut found = None;
        let end = entries.len().min(i + 4);
        'lines: for (j, e) in entries.iter().enumerate().take(end).skip(i + 1) {
            for (k, w) in e.words.iter().enumerate() {
                if fold_key(w) == SUBTOTAL {
                    break 'lines;
                }
                if names_a_group(w) {
                    found = Some((j, k));
                    break 'lines;
                }
            }
        }
        if let Some((j, k)) = found {
            let name = entries[j].words.remove(k);
            entries[i].words.insert(0, name);
            if entries[j].words.is_empty() {
                alone.push((entries[i].index, entries[j].index));
            }
        }
    }
    // A line whose only word was the name is empty now.
    entries.retain(|e| !e.words.is_empty());
    (entries, alone)
}

/// The 小计 row a group's name moved to cites the line the name stood
/// alone on (`group_subtotals`).
fn cite_group_names(region: &Region, drafts: &mut [Draft], alone: &[(usize, usize)]) {
    for &(subtotal, name) in alone {
        let at = region.line_no(subtotal);
        let row = drafts.iter_mut().find(|d| {
            d.lines.contains(&at)
                && matches!(d.role, Role::Fixed(_))
                && d.labels
                    .first()
                    .is_some_and(|l| fold_key(l).ends_with("小计"))
        });
        if let Some(d) = row {
            d.lines.push(region.line_no(name));
        }
    }
}

/// A page's number: a lone integer of at most three digits with the
/// page's end (a blank line, or the region's end) right after it.
fn is_page_number(region: &Region, e: &Entry) -> bool {
    let [word] = e.words[..] else { return false };
    let page_end = region
        .raw
        .get(e.index + 1)
        .is_none_or(|next| next.trim().is_empty());
    page_end && tokens::is_page_number_word(word)
}

/// Rebuilds the region's rows; None leaves its lines as the lines stage
/// read them.
pub fn read(region: &Region, known: &mut Known) -> Option<Rebuilt> {
    let (entries, pages) = tidy(region, entries(region));
    let def = region.table;
    let (mut drafts, runs, extra) = if FixedMatcher::new(def).is_some() {
        let (entries, alone) = group_subtotals(def, entries);
        let (mut drafts, runs, extra) = fixed(region, &entries)?;
        cite_group_names(region, &mut drafts, &alone);
        (drafts, runs, extra)
    } else {
        labelled(region, &entries, known)?
    };
    if names_in_several_columns(def) {
        drop_repeated_cells(&mut drafts);
    }
    let (mut rows, mut unplaced) = place::place(def, region.profile, &drafts, &runs, known, false);
    if names_in_several_columns(def) {
        unplace_wrapped_names(region, &drafts, &runs, &mut rows, &mut unplaced);
    }
    rows.extend(tokens::header_rows_without(region, extra, &rows));
    Some(Rebuilt {
        rows,
        unplaced,
        pages,
    })
}

/// A table whose one label is printed in several columns side by side:
/// 政府采购预算表's 采购品目大类, 专项名称, 经济科目, 采购物品名称 and
/// 采购组织形式, read as one name. Where those cells wrap, the single
/// spaces interleave the pieces of the columns line by line
/// ("便携式计算" / "分散自行组" / "机（20万以 16.00" / "织" / "下）"),
/// and no order of them can be told from the text.
fn names_in_several_columns(def: &TableDef) -> bool {
    matches!(def.role, crate::profile::Role::Procurement)
}

/// A row of a [`names_in_several_columns`] table whose line begins with
/// another row's whole name before its own cells: where a block runs onto
/// a new page, the PDF prints the block's 专项名称 and 经济科目 again in a
/// cell merged over its rows there, centred on one of them ("机要及电子政务
/// 业务费 办公设备购置 打印设备（20万以下） 政府集中采购 3.00" under the
/// block's row "机要及电子政务业务费 办公设备购置" on the page before).
/// Those words are the block's, not the row's: they are dropped from its
/// name, and the rows around it are then no rows a merged cell of unknown
/// span stands beside ([`unsure_names`]).
fn drop_repeated_cells(drafts: &mut [Draft]) {
    for i in 1..drafts.len() {
        let Some(label) = drafts[i].labels.first() else {
            continue;
        };
        let words: Vec<&str> = label.split_whitespace().collect();
        if drafts[i].lines.len() > 1 || words.len() <= OWN_NAME_CELLS {
            continue;
        }
        let earlier = |name: &str| {
            drafts[..i].iter().any(|d| {
                d.labels
                    .first()
                    .is_some_and(|l| fold_key(l) == fold_key(name))
            })
        };
        let own_from = (1..words.len())
            .find(|&j| words.len() - j <= OWN_NAME_CELLS && earlier(&words[..j].join(" ")));
        if let Some(j) = own_from {
            drafts[i].labels[0] = words[j..].join(" ");
        }
    }
}

/// Each row of a [`names_in_several_columns`] table whose name the text
/// does not tell ([`unsure_names`]): its figures written unplaced and
/// reported (S106), rather than put under a name pieced together wrongly.
/// `labelled` gives a run a draft, in order.
fn unplace_wrapped_names(
    region: &Region,
    drafts: &[Draft],
    runs: &[Run],
    rows: &mut [RebuiltRow],
    unplaced: &mut Vec<super::UnplacedRow>,
) {
    let label_cells = region.table.sides[0].label_cells;
    for (draft, run, why) in unsure_names(drafts)
        .into_iter()
        .zip(drafts.iter().zip(runs))
        .filter_map(|(why, (d, r))| Some((d, r, why?)))
    {
        if run.figures.is_empty() {
            continue;
        }
        let Some(row) = rows.iter_mut().find(|r| r.lines.contains(&draft.lines[0])) else {
            continue;
        };
        for cell in row.cells.iter_mut().skip(label_cells) {
            if !cell.trim().is_empty() {
                *cell = super::UNPLACED.to_string();
            }
        }
        let mut lines = row.lines.clone();
        crate::slices::sort_unique(&mut lines);
        unplaced.push(super::UnplacedRow {
            lines,
            table: region.table.id,
            figures: run.figures.clone(),
            figure_lines: run.lines.clone(),
            reason: why,
            rows_unread: false,
        });
    }
}

/// The name cells a row of a [`names_in_several_columns`] table fills
/// itself: a block's 专项名称 and 经济科目, or an item's 采购物品名称 and
/// 采购组织形式 (a heading's 采购品目大类 alone). A line holding more words
/// holds another row's cell too.
const OWN_NAME_CELLS: usize = 2;

/// Why each row's name cannot be told from the single-spaced text, if it
/// cannot:
/// - read over several lines, where its pieces do not fit together one
///   way only ([`Draft::name_unsure`], from `labelled`);
/// - one line holding more name cells than the lines around it, and more
///   than a row fills ([`OWN_NAME_CELLS`]): a cell merged over several
///   rows and centred on them is printed on the middle one's line, and
///   which rows it spans is not in the text. The rows around it up to a
///   row that is not such (a wrapped one, one with as many cells, a
///   一、/二、 heading) are unsure too.
fn unsure_names(drafts: &[Draft]) -> Vec<Option<String>> {
    let words = |d: &Draft| d.labels.first().map_or(0, |l| l.split_whitespace().count());
    let heading = |d: &Draft| {
        d.labels
            .first()
            .is_some_and(|l| tokens::is_numbered_heading(l))
    };
    let one_line = |d: &Draft| d.lines.len() == 1 && d.role != Role::Total && !heading(d);
    let mut why: Vec<Option<String>> = drafts.iter().map(|d| d.name_unsure.clone()).collect();
    for i in 1..drafts.len().saturating_sub(1) {
        let n = words(&drafts[i]);
        let (above, here, below) = (&drafts[i - 1], &drafts[i], &drafts[i + 1]);
        if !(one_line(above) && one_line(here) && one_line(below))
            || n <= OWN_NAME_CELLS
            || n <= words(above)
            || n <= words(below)
        {
            continue;
        }
        let spanned = |d: &Draft| one_line(d) && words(d) < n;
        let first = (0..i)
            .rev()
            .take_while(|&j| spanned(&drafts[j]))
            .last()
            .unwrap_or(i);
        let last = (i + 1..drafts.len())
            .take_while(|&j| spanned(&drafts[j]))
            .last()
            .unwrap_or(i);
        for w in &mut why[first..=last] {
            w.get_or_insert_with(|| {
                "本行一带有跨若干行合并、居中印出的名称单元格，单空格文本不能确定它跨哪几行，无法确定本行的名称".to_string()
            });
        }
    }
    why
}

/// The header lines above the rows, each set aside (`tokens::header_row`);
/// 部门名称, 单位 and 注 lines are left for the parser. A header of a
/// [`names_in_several_columns`] table is one row: its wrapped column names
/// interleave over its lines, which are no rows of their own.
fn headers(region: &Region, entries: &[Entry]) -> Vec<RebuiltRow> {
    let header = entries
        .iter()
        .filter(|e| !tokens::is_meta(region.raw[e.index]))
        .map(|e| region.line_no(e.index));
    if names_in_several_columns(region.table) {
        // The 部门 / 单位 line stays a line of its own, for the parser to
        // read the unit from.
        let names_unit = |no: usize| {
            let key = fold_key(region.raw_of(no));
            key.starts_with("部门") || key.contains("单位:")
        };
        let (meta, words): (Vec<usize>, Vec<usize>) = header.partition(|&no| names_unit(no));
        let mut rows: Vec<RebuiltRow> = meta
            .iter()
            .filter_map(|&no| tokens::header_row(region, &[no]))
            .collect();
        rows.extend(tokens::header_row(region, &words));
        return rows;
    }
    header
        .filter_map(|no| tokens::header_row(region, &[no]))
        .collect()
}

pub(super) type Read = (Vec<Draft>, Vec<Run>, Vec<RebuiltRow>);

/// "类", "款" or "项": the heads of split code cells.
fn is_code_level(word: &str) -> bool {
    matches!(word, "类" | "款" | "项")
}

/// How many header words open a line before its total label and the
/// total's figures: the 决算's code levels printed on the line of 合计
/// ("类 款 项 合计 2,946.25 …", where a TAB text turned into spaces joins the
/// header's last line and the total row), or any header word of the table.
/// They are set aside, so that 合计 opens the rows as in the TAB text.
fn header_before_total(words: &[&str], def: &TableDef, is_figure: impl Fn(&str) -> bool) -> usize {
    // The total among the line's first few words, looked for first: most
    // lines have none.
    let Some(at) = words
        .iter()
        .take(MOST_HEADER_WORDS + 1)
        .position(|w| tokens::is_total(w))
    else {
        return 0;
    };
    let header = words[..at]
        .iter()
        .all(|w| is_code_level(w) || tokens::is_header_piece(w, def));
    if at > 0 && header && words[at + 1..].iter().any(|w| is_figure(w)) {
        at
    } else {
        0
    }
}

/// Most header words before a total on its line: "类 款 项", or a wrapped
/// header cell's piece or two.
const MOST_HEADER_WORDS: usize = 4;

/// A line that opens with a name: no code, no total, no figure first.
fn is_name_line(
    e: &Entry,
    codes_of: impl Fn(&Entry) -> usize,
    is_figure: impl Fn(&str) -> bool,
) -> bool {
    codes_of(e) == 0 && !tokens::is_total(e.words[0]) && !is_figure(e.words[0])
}

/// Whether the rows print their names on the line above their codes (the
/// 决算's functional tables: "行政运行" / "201 06 01 1,511.89 8.37"),
/// rather than on the code's line or centred around it: two in three code
/// lines at least hold no name and follow a line that opens with one.
fn names_above(
    entries: &[Entry],
    codes_of: impl Fn(&Entry) -> usize,
    is_figure: impl Fn(&str) -> bool,
) -> bool {
    let mut code_lines = 0;
    let mut under_names = 0;
    for (i, e) in entries.iter().enumerate() {
        let codes = codes_of(e);
        if codes == 0 {
            continue;
        }
        code_lines += 1;
        let nameless = e.words[codes..].iter().all(|w| is_figure(w));
        if nameless && i > 0 && is_name_line(&entries[i - 1], &codes_of, &is_figure) {
            under_names += 1;
        }
    }
    code_lines >= 3 && under_names * 3 >= code_lines * 2
}

/// Tables whose rows begin with a code, 合计, an economic item or a name.
fn labelled(region: &Region, entries: &[Entry], known: &mut Known) -> Option<Read> {
    let def = region.table;
    let scheme = &def.sides[0].rows;
    let label_cells = def.sides[0].label_cells;
    let figures_of = if matches!(scheme, RowScheme::Values) {
        Figures::all()
    } else {
        Figures::of(
            entries.iter().flat_map(|e| e.words.iter().copied()),
            region.in_yuan(),
        )
    };
    let is_figure = |w: &str| figures_of.is(w);
    let without_header: Vec<Entry>;
    let entries = if entries
        .iter()
        .any(|e| header_before_total(&e.words, def, is_figure) > 0)
    {
        without_header = entries
            .iter()
            .map(|e| Entry {
                index: e.index,
                words: e.words[header_before_total(&e.words, def, is_figure)..].to_vec(),
                on_line: OnLine::First,
            })
            .collect();
        &without_header[..]
    } else {
        entries
    };
    // Split codes (类 款 项 cells) open a row before its name or figures.
    let split_cells = match scheme {
        RowScheme::SplitCodes => label_cells.saturating_sub(1),
        _ => 0,
    };
    let split = |words: &[&str]| tokens::split_codes(words, split_cells);
    // Rows a browser's copy printed on one line, one entry each; a line of
    // a table of two sides holds a row of each (表六's 人员经费 beside its
    // 公用经费), not rows one after another.
    let codes = match scheme {
        _ if def.sides.len() > 1 => None,
        RowScheme::Codes => Some(rows_on_one_line::Codes::Whole),
        RowScheme::SplitCodes if split_cells > 0 => Some(rows_on_one_line::Codes::Split {
            parts_after_class: split_cells - 1,
        }),
        _ => None,
    };
    let parted: Vec<Entry>;
    let parts = match codes {
        Some(codes) => rows_on_one_line::part(entries, codes, is_figure),
        None if names_in_several_columns(def) => {
            rows_on_one_line::part_at_headings(entries, is_figure)
        }
        None => None,
    };
    let entries = match parts {
        Some(rows) => {
            parted = rows;
            &parted[..]
        }
        None => entries,
    };
    let mut extra = Vec::new();
    let starts_data = |e: &Entry| {
        let first = e.words[0];
        // 合计 begins the rows when figures follow it or nothing does (an
        // empty table): "合计 人员经费 公用经费" is a header.
        let total = tokens::is_total(first)
            && (e.words.len() == 1 || e.words[1..].iter().any(|w| is_figure(w)));
        match scheme {
            RowScheme::Codes => total || tokens::is_code(first),
            RowScheme::Economic => total,
            RowScheme::SplitCodes => total || split(&e.words) > 0,
            // A table of one row of figures: a 合计 before them names its
            // first column (公开09表's header in a viewer's copy: "合计" /
            // "“三公”经费" / "会议费 培训费" / … / "1276.7 418.26 …").
            RowScheme::Values => {
                e.words.iter().any(|w| is_figure(w)) && !tokens::is_column_numbers(&e.words)
            }
            _ => {
                total
                    || (e.words.iter().any(|w| is_figure(w))
                        && !tokens::is_column_numbers(&e.words))
            }
        }
    };
    // No row at all: an empty table, its header still to be set aside.
    let mut start = entries
        .iter()
        .position(starts_data)
        .unwrap_or(entries.len());
    // A total alone that names one of the table's columns, right above the
    // total row, is the header's last word (公开12表's "总计" over "合计
    // 3,096.24" in Chrome's copy).
    let names_a_column = |e: &Entry| e.words.len() == 1 && tokens::is_header_piece(e.words[0], def);
    let total_with_figures =
        |e: &Entry| tokens::is_total(e.words[0]) && e.words[1..].iter().any(|w| is_figure(w));
    if entries.get(start).is_some_and(names_a_column)
        && entries.get(start + 1).is_some_and(total_with_figures)
    {
        start += 1;
    }
    let codes_of = |e: &Entry| match scheme {
        RowScheme::Codes => usize::from(tokens::is_code(e.words[0])),
        _ => split(&e.words),
    };
    let above = names_above(&entries[start..], codes_of, is_figure);
    // The first row's name, above its code, is no header line.
    if above
        && start > 0
        && is_name_line(&entries[start - 1], codes_of, is_figure)
        && !entries[start - 1]
            .words
            .iter()
            .all(|w| tokens::is_header_piece(w, def) || is_code_level(w))
    {
        start -= 1;
    }
    extra.extend(headers(region, &entries[..start]));
    // A header printed again where the table runs onto a new page is set
    // aside, not read as a piece of the next row's name.
    let repeated_header = |e: &Entry| {
        let split_header = e.words.len() >= 2 && e.words.iter().all(|w| is_code_level(w));
        split_header
            || (!tokens::is_total(e.words[0])
                && !e.words.iter().any(|w| is_figure(w))
                && e.words.iter().all(|w| tokens::is_header_piece(w, def)))
    };
    let mut body: Vec<&Entry> = Vec::new();
    let mut again: Vec<usize> = Vec::new();
    for e in entries[start..]
        .iter()
        .take_while(|e| !tokens::is_meta(region.raw[e.index]))
    {
        if split_cells > 0 && repeated_header(e) {
            again.push(region.line_no(e.index));
        } else {
            body.push(e);
        }
    }
    extra.extend(tokens::header_row(region, &again));
    // Row lines: figures, a code or 合计; the others are pieces of names.
    let is_row = |e: &Entry| {
        e.words.iter().any(|w| is_figure(w))
            || tokens::is_total(e.words[0])
            || (matches!(scheme, RowScheme::Codes) && tokens::is_code(e.words[0]))
            || split(&e.words) > 0
    };
    let mut heads: Vec<usize> = (0..body.len()).filter(|&i| is_row(body[i])).collect();
    // A row's figures printed on the line under its label, alone ("合计" /
    // "2,391.92": the label's cell is taller than its figure's): the
    // figures of the labelled row above, which has none, not a row of
    // their own.
    let labelled_row = |e: &Entry| {
        !e.words.iter().any(|w| is_figure(w))
            && (tokens::is_total(e.words[0])
                || (matches!(scheme, RowScheme::Codes) && tokens::is_code(e.words[0])))
    };
    let mut figures_below: Vec<Option<usize>> = vec![None; body.len()];
    heads.retain(|&i| {
        // Names above their codes: a total's figures may be parted over
        // its line and the next ("合计 2,336.91 603.14" / "2,940.05").
        let below = i > 0
            && body[i].words.iter().all(|w| is_figure(w))
            && (labelled_row(body[i - 1]) || (above && tokens::is_total(body[i - 1].words[0])))
            && figures_below[i - 1].is_none();
        if below {
            figures_below[i - 1] = Some(i);
        }
        !below
    });
    // A coded row whose name runs onto the line of its figures ("215
    // 资源勘探工业信息等" / "支出 830.99"): its code cell set at the top of the
    // row, or text in the order the PDF draws it (a PDF viewer's copy),
    // where a row's name comes whole before its figures. That line is the
    // rest of the row, not a row of its own.
    if !above && matches!(scheme, RowScheme::Codes | RowScheme::SplitCodes) {
        // A code line with no figures, the name's start on it or not (a
        // code cell centred on its row would stand on its figures' line).
        let opens_bare = |e: &Entry| {
            let codes = codes_of(e);
            codes > 0
                && e.words[codes..]
                    .iter()
                    .all(|w| !is_figure(w) && !tokens::is_code(w))
        };
        let goes_on_with_figures = |e: &Entry| {
            codes_of(e) == 0
                && !tokens::is_total(e.words[0])
                && !is_figure(e.words[0])
                && e.words.iter().any(|w| is_figure(w))
        };
        let mut seen = false;
        heads.retain(|&i| {
            let rest = i > 0
                && figures_below[i - 1].is_none()
                && opens_bare(body[i - 1])
                && goes_on_with_figures(body[i]);
            if rest {
                figures_below[i - 1] = Some(i);
                seen = true;
            }
            !rest
        });
        // The same with the name's rest on a line of its own before the
        // figures' line (Chrome's viewer: "201 03 99 其他政府办公厅（室）及相关
        // 机构事" / "务支出" / "20,120,000.00 20,120,000.00", or "30108" /
        // "机关事业单位基本养老保险" / "缴费 1,064.46"): the three lines are
        // one row.
        let name_only = |e: &Entry| {
            codes_of(e) == 0
                && !tokens::is_total(e.words[0])
                && !e.words.iter().any(|w| is_figure(w))
        };
        heads.retain(|&i| {
            let rest = i > 1
                && figures_below[i - 2].is_none()
                && opens_bare(body[i - 2])
                && name_only(body[i - 1])
                && (body[i].words.iter().all(|w| is_figure(w)) || goes_on_with_figures(body[i]));
            if rest {
                figures_below[i - 2] = Some(i);
                seen = true;
            }
            !rest
        });
        if seen {
            known.saw_drawn_order();
        }
    }
    // Names above their codes: a name line holding figures is the row of
    // the code line under it, its figures parted over the two lines
    // ("一般公共服务支出 1,503.52 603.14" / "201 2,106.66").
    if above {
        heads.retain(|&i| {
            let figures_above = is_name_line(body[i], codes_of, is_figure)
                && body.get(i + 1).is_some_and(|next| codes_of(next) > 0);
            !figures_above
        });
    }
    let several = names_in_several_columns(def);
    let mut drafts = Vec::new();
    let mut runs = Vec::new();
    let mut taken_before = 0; // name lines the previous row took before it
                              // Past a row's line, and past the figures printed under it.
    let end_of = |i: usize| figures_below[i].map_or(i + 1, |b| b + 1);
    let order = if known.drawn_order() {
        NameOrder::Drawn
    } else if several {
        name_order(region, &body, &heads, end_of, is_figure)
    } else {
        NameOrder::Centred
    };
    let drawn = order == NameOrder::Drawn;
    for (h, &at) in heads.iter().enumerate() {
        // The first row takes the lines above it only where names are
        // printed above their codes (the others are no row's then).
        let prev_end = match h {
            0 if above => 0,
            0 => at,
            _ => end_of(heads[h - 1]),
        };
        let next = heads.get(h + 1).copied().unwrap_or(body.len());
        // Lines between the previous row and this one: the previous row
        // took as many as it had before it; the rest are this row's.
        let gap = at - prev_end;
        let before_from = prev_end + taken_before.min(gap);
        let before: Vec<&Entry> = body[before_from..at].to_vec();
        let after_gap = next - end_of(at);
        // Figures alone where the names are printed in several columns,
        // the names on the lines after them up to the next row (the row
        // began at a page's foot: "30.00" / "机要及电子政务业务费
        // 办公设备购置"): those lines are its name, not the next row's.
        let bare = several
            && before.is_empty()
            && figures_below[at].is_none()
            && body[at].words.iter().all(|w| is_figure(w));
        // A wrapped name is centred on its figures' line, so the row takes
        // as many name lines after it as before it — unless the text comes
        // in the order the PDF draws it, where a name ends on that line.
        let after_n = if above {
            0
        } else if bare {
            after_gap
        } else if drawn {
            0
        } else {
            before.len().min(after_gap)
        };
        let after: Vec<&Entry> = body[end_of(at)..end_of(at) + after_n].to_vec();
        taken_before = after_n;
        let head = body[at];
        let below = figures_below[at].map(|b| body[b]);
        // The rest of the name on lines of its own before its figures'.
        let between: &[&Entry] = figures_below[at].map_or(&[], |b| &body[at + 1..b]);
        let mut lines: Vec<usize> = before.iter().map(|e| region.line_no(e.index)).collect();
        lines.push(region.line_no(head.index));
        lines.extend(between.iter().map(|e| region.line_no(e.index)));
        lines.extend(below.map(|e| region.line_no(e.index)));
        lines.extend(after.iter().map(|e| region.line_no(e.index)));
        // A name's pieces; the figures among them (a row's figures parted
        // over its name line and its code line) open the row's figures.
        let mut figures: Vec<String> = Vec::new();
        let mut figure_lines: Vec<usize> = Vec::new();
        let mut wrap = |part: &[&Entry]| -> String {
            let mut name = String::new();
            for e in part {
                let (numbers, words): (Vec<&str>, Vec<&str>) =
                    e.words.iter().partition(|w| is_figure(w));
                name.push_str(&words.join(" "));
                figure_lines.extend(numbers.iter().map(|_| region.line_no(e.index)));
                figures.extend(numbers.iter().map(|w| w.to_string()));
            }
            name
        };
        // Under its line, a row's figures, and the rest of its name where
        // that runs onto their line.
        // Its lines joined as a wrap joins them, with nothing between.
        let tail: String = between
            .iter()
            .map(|e| e.words.join(" "))
            .chain(below.map(|e| name_words(e, is_figure).join(" ")))
            .collect();
        let (pre, post) = (wrap(&before), tail + &wrap(&after));
        let mut name_unsure = None;
        let printed_above = figures.len();
        let mut words: Vec<&str> = Vec::new();
        let codes = split(&head.words);
        for (i, w) in head.words.iter().enumerate() {
            let code_here =
                i < codes || (i == 0 && matches!(scheme, RowScheme::Codes) && tokens::is_code(w));
            if is_figure(w) && !code_here {
                figures.push(w.to_string());
            } else {
                words.push(w);
            }
        }
        let (role, labels) = match scheme {
            RowScheme::Codes => {
                if words.first().is_some_and(|w| tokens::is_total(w)) {
                    (Role::Total, vec!["合计".to_string(), String::new()])
                } else if words.first().is_some_and(|w| tokens::is_code(w)) {
                    let name = format!("{pre}{}{post}", words[1..].join(" "));
                    (
                        Role::Code(words[0].to_string()),
                        vec![words[0].to_string(), name],
                    )
                } else {
                    continue;
                }
            }
            RowScheme::Economic => {
                if words.first().is_some_and(|w| tokens::is_total(w)) && pre.is_empty() {
                    (Role::Total, vec!["合计".to_string(), String::new()])
                } else {
                    let wrapped = !pre.is_empty() || !post.is_empty();
                    let (primary, secondary) = match (words.len(), wrapped) {
                        (0, _) => (format!("{pre}{post}"), String::new()),
                        (1, true) => (format!("{pre}{post}"), words[0].to_string()),
                        (1, false) => (words[0].to_string(), String::new()),
                        (_, true) => (format!("{pre}{}{post}", words[0]), words[1..].join(" ")),
                        (_, false) => (words[0].to_string(), words[1..].join(" ")),
                    };
                    let group = secondary.is_empty()
                        && region
                            .profile
                            .economic_groups
                            .contains(&&*fold_key(&primary));
                    (
                        if group { Role::Group } else { Role::Item },
                        vec![primary, secondary],
                    )
                }
            }
            RowScheme::SplitCodes if codes > 0 => {
                let name = format!("{pre}{}{post}", words[codes..].join(" "));
                let mut labels: Vec<String> =
                    words[..codes].iter().map(|w| w.to_string()).collect();
                labels.resize(label_cells - 1, String::new());
                labels.push(name);
                (Role::Code(code_placed(&words[..codes], &drafts)), labels)
            }
            _ => {
                let mut name = format!("{pre}{}{post}", words.join(" "));
                let beside_loose_lines = gap > 0 || after_gap > 0;
                if order == NameOrder::RoundedUp
                    && beside_loose_lines
                    && !tokens::is_total(&name)
                    && !tokens::is_numbered_heading(&name)
                {
                    name_unsure = Some(ROUNDED_UP.to_string());
                } else if several
                    && (!before.is_empty() || !after.is_empty())
                    && !tokens::is_total(&name)
                {
                    let name_lines: Vec<Vec<&str>> = before
                        .iter()
                        .map(|e| name_words(e, is_figure))
                        .chain([words.clone()])
                        .chain(after.iter().map(|e| name_words(e, is_figure)))
                        .collect();
                    match name_over_lines(region, &name_lines, before.len(), order) {
                        Ok(told) => name = told,
                        Err(why) => name_unsure = Some(why),
                    }
                }
                // A row of figures alone is the table's one row, read as
                // its total (`parse::tables::rows`): the identities that
                // name the total (公开03表 合计 = 公开01表 支出合计) place it.
                // A total's line may hold the last piece of a wrapped header
                // cell ("采购组织形" / "合计 式 1,422.50"): the row is the
                // total all the same, as the TAB text's first cell says.
                let total_first =
                    pre.is_empty() && words.first().is_some_and(|w| tokens::is_total(w));
                if total_first {
                    name = words[0].to_string();
                }
                let role = if total_first
                    || tokens::is_total(&name)
                    || matches!(scheme, RowScheme::Values)
                {
                    Role::Total
                } else if matches!(scheme, RowScheme::Units) {
                    Role::Unit
                } else {
                    Role::Node
                };
                let mut labels = vec![name];
                labels.resize(label_cells, String::new());
                (role, labels)
            }
        };
        let d = drafts.len();
        let columns = def.sides[0].columns.len();
        drafts.push(Draft {
            side: 0,
            role,
            labels,
            lines: lines.clone(),
            name_unsure,
            on_line: head.on_line,
        });
        figure_lines.resize(figures.len(), region.line_no(head.index));
        let on_head = figures.len();
        if let Some(e) = below {
            figures.extend(
                e.words
                    .iter()
                    .filter(|w| is_figure(w))
                    .map(|w| w.to_string()),
            );
            figure_lines.resize(figures.len(), region.line_no(e.index));
        }
        // Figures on two lines (never three: a total's are on its line and
        // under it, another row's on its name line and its code line):
        // where they were parted, unless one line holds them all.
        let second_line = [printed_above, on_head]
            .into_iter()
            .find(|&at| at > 0 && at < figures.len());
        runs.push(Run {
            lines: figure_lines,
            figures,
            slots: (0..columns).map(|c| (d, c)).collect(),
            second_line,
        });
    }
    Some((drafts, runs, extra))
}

/// How the text orders the pieces of a [`names_in_several_columns`]
/// table's row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameOrder {
    /// Line by line, each cell centred on its row, as single spaces print
    /// the PDF: a row's lines stand as many above its figures' line as
    /// below (`wrapped_name::read`).
    Centred,
    /// In the order the PDF draws them (a viewer's copy): each cell whole,
    /// one after the other, before the figure (`wrapped_name::read_drawn`).
    Drawn,
    /// Line by line, but a cell centred between two lines set on the upper
    /// (Firefox's copy of 检察院 2017): a row may take one line more below
    /// its figures than above, and which row a line between two belongs to
    /// is not in the text.
    RoundedUp,
}

/// The [`NameOrder`] of a [`names_in_several_columns`] table's text:
/// - drawn when some row, its name taken as the lines since the row
///   before, ends a wrapped last cell on its figures' line
///   ([`wrapped_name::Drawn::ends_wrapped`]), which a centred cell never
///   does;
/// - rounded up when some row's last cell starts on its figures' line
///   and ends on the line after ("交通运行费 公务用车运行维 267.80" /
///   "护费"): centred, its figures would stand between its two lines;
/// - else centred.
fn name_order(
    region: &Region,
    body: &[&Entry],
    heads: &[usize],
    end_of: impl Fn(usize) -> usize,
    is_figure: impl Fn(&str) -> bool,
) -> NameOrder {
    let last_cells = region.profile.last_label_cells;
    let drawn = heads.iter().enumerate().any(|(h, &at)| {
        let from = h.checked_sub(1).map_or(at, |before| end_of(heads[before]));
        let lines: Vec<Vec<&str>> = body[from..=at]
            .iter()
            .map(|e| name_words(e, &is_figure))
            .collect();
        wrapped_name::read_drawn(&lines, last_cells).is_some_and(|d| d.ends_wrapped)
    });
    if drawn {
        return NameOrder::Drawn;
    }
    let is_value = |text: &str| last_cells.iter().any(|v| fold_key(v) == fold_key(text));
    let rounded_up = heads.iter().any(|&at| {
        let next = at + 1;
        if next >= body.len() || heads.binary_search(&next).is_ok() {
            return false;
        }
        let (here, below) = (
            name_words(body[at], &is_figure),
            name_words(body[next], &is_figure),
        );
        match (here.last(), below.last()) {
            (Some(start), Some(end)) => !is_value(start) && is_value(&format!("{start}{end}")),
            _ => false,
        }
    });
    if rounded_up {
        NameOrder::RoundedUp
    } else {
        NameOrder::Centred
    }
}

/// Why a row of a [`NameOrder::RoundedUp`] table with name lines between
/// it and a row beside it is not named.
const ROUNDED_UP: &str = "本表文本把居中于两行之间的单元格排在上一行，本行与相邻行之间的名称文字属于哪一行无法确定，无法确定本行的名称";

/// The name of a row of a [`names_in_several_columns`] table printed over
/// several lines (its words line by line, `middle` the line of its
/// figures, the last when the text is [`NameOrder::Drawn`]): the one line
/// holding words, or the name its pieces spell where they fit together
/// one way only (`wrapped_name`); else why it cannot be told.
fn name_over_lines(
    region: &Region,
    lines: &[Vec<&str>],
    middle: usize,
    order: NameOrder,
) -> Result<String, String> {
    let mut worded = lines.iter().filter(|l| !l.is_empty());
    if let (Some(only), None) = (worded.next(), worded.next()) {
        return Ok(only.join(" "));
    }
    let last_cells = region.profile.last_label_cells;
    match order {
        NameOrder::Drawn => wrapped_name::read_drawn(lines, last_cells)
            .map(|d| d.name)
            .ok_or_else(|| {
                format!(
                    "本行名称跨 {} 行印出，末尾的文字拼不出唯一一个已知的末列名称（采购组织形式或经济科目），无法确定各列名称的分界",
                    lines.len()
                )
            }),
        NameOrder::RoundedUp => Err(ROUNDED_UP.to_string()),
        NameOrder::Centred => wrapped_name::read(lines, middle, last_cells).ok_or_else(|| {
            format!(
                "本行名称跨 {} 行印出，几列名称的文字在单空格文本中相互交错，无法确定本行的名称",
                lines.len()
            )
        }),
    }
}

/// The 科目编码 a row of split code cells (`cells`: 类, 款, 项) is placed
/// under: as printed, but a 类 printed short ("7 11 02") is completed as
/// the parser will complete it (S108), from the last 款 among the rows
/// read before (`drafts`), so that that 款 sums it.
fn code_placed(cells: &[&str], drafts: &[Draft]) -> String {
    let printed = cells.concat();
    if cells[0].len() >= 3 {
        return printed;
    }
    drafts
        .iter()
        .rev()
        .find_map(|d| match &d.role {
            Role::Code(c) if c.len() == 5 => Some(c.as_str()),
            _ => None,
        })
        .and_then(|kuan| class_completed(&cells[1..].concat(), kuan))
        .unwrap_or(printed)
}

/// The words of a line that are no figures: a name's pieces.
fn name_words<'w>(e: &Entry<'w>, is_figure: impl Fn(&str) -> bool) -> Vec<&'w str> {
    e.words.iter().copied().filter(|w| !is_figure(w)).collect()
}

/// Tables of fixed rows (表一, 表四 two-sided; 表十): labels matched piece
/// by piece, figures put with the labels open on their line.
pub(super) fn fixed(region: &Region, entries: &[Entry]) -> Option<Read> {
    let def = region.table;
    let mut m = FixedMatcher::new(def)?;
    let figures_of = Figures::of(
        entries.iter().flat_map(|e| e.words.iter().copied()),
        region.in_yuan(),
    );
    let is_figure = |w: &str| figures_of.is(w);
    // A header's column names may begin a label ("一般公共预算
    // 政府性基金预" over 表四's columns): a line of them alone, with no
    // ordinal, is no row.
    let header_only = |e: &Entry| {
        !tokens::has_ordinal(e.words[0])
            && e.words
                .iter()
                .all(|w| !is_figure(w) && tokens::is_header_piece(w, def))
    };
    let start = entries
        .iter()
        .position(|e| m.begins_first(e.words[0]) && !header_only(e))?;
    let mut extra = headers(region, &entries[..start]);
    // Runs by the matched labels they may belong to.
    let mut pending: Vec<Pending> = Vec::new();
    // Lines of header words and of figures no label is open for: set
    // aside (the figures are reported with the table).
    let mut aside: Vec<usize> = Vec::new();
    // The labels the previous line matched after its last figure: a line
    // of figures alone under them is theirs ("收入总计" / "20,849.45": the
    // label's cell taller than its figure's; "一、一般公共预算财政拨款
    // 2,940.05 一、一般公共服务支出" / "2,106.66 2,106.66").
    let mut above: Vec<usize> = Vec::new();
    // Else the one run of the previous line whose row has room for more
    // figures: a line of figures alone under it holds the rest of the
    // row's, set lower ("本年支出合计 2,940.05" / "2,940.05").
    let mut room_above: Option<usize> = None;
    for e in &entries[start..] {
        if tokens::is_meta(region.raw[e.index]) {
            break;
        }
        let no = region.line_no(e.index);
        let mut last: Option<usize> = None;
        let mut i = 0;
        let mut kept = false;
        let figures_alone = e.words.iter().all(|w| is_figure(w));
        let mut on_line: Vec<usize> = Vec::new();
        let first_run = pending.len();
        while i < e.words.len() {
            let w = e.words[i];
            if !is_figure(w) {
                if let Some(k) = m.feed(w, no) {
                    if !on_line.contains(&k) {
                        on_line.push(k);
                    }
                    last = Some(k);
                    kept = true;
                } else if !tokens::is_header_piece(w, def)
                    && !m.header_piece()
                    && !matches!(w, "收入" | "支出")
                {
                    kept = true;
                }
                i += 1;
                continue;
            }
            let mut figures = Vec::new();
            while i < e.words.len() && is_figure(e.words[i]) {
                figures.push(e.words[i].to_string());
                i += 1;
            }
            // The label before the figures on this line, and labels of
            // later sides still being read around it.
            let mut owners = Vec::new();
            let from_side = match last {
                Some(k) => {
                    owners.push(k);
                    m.matched[k].side + 1
                }
                None => 0,
            };
            // Text after the figures begins a label of the last side: the
            // figures are not that side's.
            let next_side = if e.words[i..].is_empty() {
                usize::MAX
            } else {
                def.sides.len() - 1
            };
            for k in m.open_sides() {
                let s = m.matched[k].side;
                if s >= from_side && s < next_side && !owners.contains(&k) {
                    owners.push(k);
                }
            }
            if owners.is_empty() && figures_alone {
                owners = core::mem::take(&mut above);
                if let (true, Some(p)) = (owners.is_empty(), room_above.take()) {
                    pending[p].continue_below(figures, no);
                    kept = true;
                    continue;
                }
            }
            kept |= !owners.is_empty();
            // Only the labels after the line's last figure stay above.
            on_line.clear();
            pending.push(Pending {
                lines: vec![no; figures.len()],
                owners,
                figures,
                second_line: None,
            });
        }
        if !kept {
            aside.push(no);
        }
        // The labels after the line's last figure (all of them on a line
        // without figures).
        above = on_line;
        room_above = None;
        if above.is_empty() && !figures_alone {
            let columns = |k: usize| def.sides[m.matched[k].side].columns.len();
            let mut with_room = (first_run..pending.len()).filter(|&p| {
                let run = &pending[p];
                matches!(run.owners[..], [k] if run.figures.len() < columns(k))
            });
            if let (Some(p), None) = (with_room.next(), with_room.next()) {
                room_above = Some(p);
            }
        }
    }
    extra.extend(tokens::header_row(region, &aside));
    bottom_rows_printed_after(def, &m.matched, &mut pending);
    // Drafts: every matched label, in order per side.
    let mut drafts = Vec::new();
    for mm in &m.matched {
        let mut labels = vec![mm.printed.clone()];
        labels.resize(def.sides[mm.side].label_cells, String::new());
        drafts.push(Draft {
            side: mm.side,
            role: Role::Fixed(mm.key),
            labels,
            lines: mm.lines.clone(),
            name_unsure: None,
            on_line: OnLine::First,
        });
    }
    let mut runs = Vec::new();
    for Pending {
        owners,
        figures,
        lines,
        second_line,
    } in pending
    {
        let mut slots = Vec::new();
        let mut sorted = owners.clone();
        sort_stable_by(&mut sorted, |&a, &b| {
            m.matched[a].side.cmp(&m.matched[b].side)
        });
        for k in sorted {
            for c in 0..def.sides[m.matched[k].side].columns.len() {
                slots.push((k, c));
            }
        }
        runs.push(Run {
            lines,
            figures,
            slots,
            second_line,
        });
    }
    Some((drafts, runs, extra))
}

/// A later side's bottom rows printed after the earlier side's, their
/// labels alone (the 省委办公厅's 收支预算总表 in a viewer's copy:
/// "当年收入小计 27,664.22 27,664.22", "上年结转资金", "收入合计 27,664.22
/// 27,664.22", then "当年支出小计", "结转下年资金", "支出合计"): the sides of
/// a 收支 table end on one row, so the k-th of those labels stands on the
/// row of the k-th of the earlier side's last as many rows, and the figures
/// beyond that row's own columns on its line, one for each of the later
/// side's, may be its. They become its run's owners too; the placing
/// checks them by the table's sums like any other.
///
/// Only where both sides' labels run to their last row, and the later
/// side's come after every line of the earlier side's rows they stand
/// beside, none of them owning a figure.
fn bottom_rows_printed_after(def: &TableDef, matched: &[tokens::Matched], pending: &mut [Pending]) {
    let columns = |side: usize| def.sides[side].columns.len();
    let ends_side = |k: usize| match def.sides[matched[k].side].rows {
        RowScheme::Fixed(rows) => rows.last().is_some_and(|row| row.key == matched[k].key),
        _ => false,
    };
    let of_side = |side: usize| -> Vec<usize> {
        (0..matched.len())
            .filter(|&k| matched[k].side == side)
            .collect()
    };
    for later in 1..def.sides.len() {
        let labels = of_side(later);
        let unowned = labels
            .iter()
            .rev()
            .take_while(|&&k| !pending.iter().any(|p| p.owners.contains(&k)))
            .count();
        let bottom = &labels[labels.len() - unowned..];
        if !bottom.last().is_some_and(|&k| ends_side(k)) {
            continue;
        }
        for earlier in 0..later {
            let labels = of_side(earlier);
            let Some(rows) = labels.len().checked_sub(bottom.len()).map(|n| &labels[n..]) else {
                continue;
            };
            let last_line = rows.iter().flat_map(|&k| &matched[k].lines).max();
            let printed_after = bottom
                .iter()
                .flat_map(|&k| &matched[k].lines)
                .all(|&line| Some(&line) > last_line);
            if !rows.last().is_some_and(|&k| ends_side(k)) || !printed_after {
                continue;
            }
            for run in pending.iter_mut() {
                let [owner] = run.owners[..] else { continue };
                let Some(row) = rows.iter().position(|&k| k == owner) else {
                    continue;
                };
                if run.figures.len() == columns(earlier) + columns(later) {
                    run.owners.push(bottom[row]);
                }
            }
        }
    }
}

/// Figures `fixed` read, and the matched labels they may belong to.
struct Pending {
    owners: Vec<usize>,
    figures: Vec<String>,
    lines: Vec<usize>,
    second_line: Option<usize>,
}

impl Pending {
    /// The rest of the row's figures, on the line under it: their order
    /// across the two lines is lost. A row's figures are never on three.
    fn continue_below(&mut self, figures: Vec<String>, line: usize) {
        self.second_line = Some(self.figures.len());
        self.lines.extend(figures.iter().map(|_| line));
        self.figures.extend(figures);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, JIANGSU12, SHANGHAI9_DEPARTMENT, SHANGHAI_FINAL};
    use crate::rebuild::with_region;

    /// The rows the spaced reader rebuilds from `text` as Jiangsu's `table`,
    /// each as its cells joined by " | ", and the lines marked page numbers.
    fn rows(table: &str, text: &str) -> (Vec<String>, Vec<usize>) {
        let rebuilt = with_region(&JIANGSU12, table, text, |region| {
            read(region, &mut Known::default())
        })
        .expect("rebuilt");
        let mut rows = rebuilt.rows;
        sort_stable_by(&mut rows, |a, b| a.lines[0].cmp(&b.lines[0]));
        let rows = rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.cells.join(" | "))
            .collect();
        (rows, rebuilt.pages)
    }

    /// 检察院 2017's 收入预算总表 as Chrome copies it: the group's name,
    /// centred between its 小计 and its first item, on one line with both.
    #[test]
    fn a_group_s_name_on_its_subtotal_s_line_names_the_subtotal() {
        let text = "项目名称 金额\n\
                    收入总计 17,996.68\n\
                    小计 17,981.68 一般公共预算资金 公共财政拨款(补助)资金 17,981.68\n\
                    专项收入\n\
                    小计 15.00\n\
                    事业收入\n\
                    其他资金 经营收入\n\
                    其他收入 15.00";
        let (rows, _) = rows("公开02表", text);
        assert!(
            rows.iter().any(|r| r == "一般公共预算资金小计 | 17,981.68"),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .any(|r| r == "公共财政拨款(补助)资金 | 17,981.68"),
            "{rows:?}"
        );
    }

    /// The 收支预算总表's last rows as the 省委办公厅's PDF is copied: each
    /// income row's line holds the purpose side's figure too, whose labels
    /// come after, alone.
    #[test]
    fn a_later_sides_bottom_labels_printed_after_take_the_figures_beside_them() {
        let text = "一、财政拨款 100.00 一、一般公共服务支出 100.00 一、基本支出 60.00\n\
                    1.一般公共预算 100.00 二、项目支出 40.00\n\
                    当年收入小计 100.00 100.00\n\
                    上年结转资金\n\
                    收入合计 100.00 100.00\n\
                    当年支出小计\n\
                    结转下年资金\n\
                    支出合计";
        let (rows, _) = rows("公开01表", text);
        assert_eq!(
            rows[2..],
            [
                "当年收入小计 | 100.00 |  |  | 当年支出小计 | 100.00",
                "上年结转资金 |  |  |  |  | ",
                "收入合计 | 100.00 |  |  |  | ",
                " |  |  |  | 结转下年资金 | ",
                " |  |  |  | 支出合计 | 100.00",
            ]
        );
    }

    #[test]
    fn a_page_number_and_a_spaced_total_are_no_pieces_of_names() {
        // 检察院 2019, 公开08表 across its page break (page 18).
        let text = "合 计 15,844.04\n\
                    301 工资福利支出 11,960.62\n\
                    30102 津贴补贴 6,372.51\n\
                    18\n\
                    \n\
                    30103 奖金 180.14\n\
                    机关事业单位基本养老保险\n\
                    30108 1,064.46\n\
                    缴费\n\
                    30109 职业年金缴费 425.79";
        let (rows, pages) = rows("公开08表", text);
        assert_eq!(pages, vec![4]);
        assert_eq!(
            rows,
            vec![
                "合计 |  | 15,844.04",
                "301 | 工资福利支出 | 11,960.62",
                "30102 | 津贴补贴 | 6,372.51",
                "30103 | 奖金 | 180.14",
                "30108 | 机关事业单位基本养老保险缴费 | 1,064.46",
                "30109 | 职业年金缴费 | 425.79",
            ]
        );
    }

    #[test]
    fn figures_under_their_label_are_its_row() {
        // 检察院 2019, 公开11表: the total's figure on the line under it.
        let text = "合计\n2,391.92\n302 商品和服务支出 2,391.92\n30201 办公费 158.00";
        let (rows, _) = rows("公开11表", text);
        assert_eq!(
            rows,
            vec![
                "合计 |  | 2,391.92",
                "302 | 商品和服务支出 | 2,391.92",
                "30201 | 办公费 | 158.00",
            ]
        );
    }

    #[test]
    fn a_group_name_beside_its_rows_labels_its_subtotal() {
        // 检察院 2019, 公开02表.
        let text = "收入总计 24169.74\n\
                    小计 24169.74\n\
                    一般公共预算资金 公共财政拨款（补助）资金 24169.74\n\
                    专项收入\n\
                    政府性基金 小计\n\
                    小计\n\
                    财政专户管理资金 专户管理教育收费\n\
                    其他非税收入";
        let (rows, _) = rows("公开02表", text);
        assert_eq!(
            rows,
            vec![
                "收入总计 | 24169.74",
                "一般公共预算资金小计 | 24169.74",
                "公共财政拨款（补助）资金 | 24169.74",
                "专项收入 | ",
                "政府性基金小计 | ",
                "财政专户管理资金小计 | ",
                "专户管理教育收费 | ",
                "其他非税收入 | ",
            ]
        );
    }

    #[test]
    fn a_group_name_alone_on_its_line_is_cited_by_its_subtotal() {
        // 检察院 2017, 公开02表: "上年结转和结余资金" alone under its 小计.
        let text = "收入总计 17,996.68\n\
                    小计 17,981.68\n\
                    一般公共预算资金 公共财政拨款(补助)资金 17,981.68\n\
                    专项收入\n\
                    政府性基金 小计\n\
                    小计\n\
                    财政专户管理资金 专户管理教育收费\n\
                    其他非税收入\n\
                    小计 15.00\n\
                    事业收入\n\
                    其他资金 经营收入\n\
                    其他收入 15.00\n\
                    债务资金(银行贷款)\n\
                    小计\n\
                    上年结转和结余资金\n\
                    其中：动用上年结转和结余资金";
        let rebuilt = with_region(&JIANGSU12, "公开02表", text, |region| {
            read(region, &mut Known::default())
        })
        .expect("rebuilt");
        let carry = rebuilt
            .rows
            .iter()
            .find(|r| fold_key(&r.cells[0]) == "上年结转和结余资金小计")
            .unwrap_or_else(|| panic!("no 小计 row: {:?}", rebuilt.rows));
        assert_eq!(carry.lines, vec![14, 15]);
    }

    #[test]
    fn a_group_name_drawn_above_its_subtotal_labels_it() {
        // 检察院 2018, 公开02表, copied out of a PDF viewer: each group's
        // name before its 小计, not beside its rows.
        let text = "收入总计 21,955.35\n\
                    一般公共预算资金\n\
                    小计 21,940.96\n\
                    公共财政拨款(补助)资金 21,940.96\n\
                    专项收入\n\
                    政府性基金 小计\n\
                    财政专户管理资金\n\
                    小计\n\
                    专户管理教育收费";
        let (rows, _) = rows("公开02表", text);
        assert_eq!(
            rows,
            vec![
                "收入总计 | 21,955.35",
                "一般公共预算资金小计 | 21,940.96",
                "公共财政拨款(补助)资金 | 21,940.96",
                "专项收入 | ",
                "政府性基金小计 | ",
                "财政专户管理资金小计 | ",
                "专户管理教育收费 | ",
            ]
        );
    }

    #[test]
    fn a_name_running_onto_its_figures_line_is_the_rest_of_its_row() {
        // 检察院 2019, 公开08表, copied out of a PDF viewer: a wrapped name
        // whole before its figures, its last piece on their line; and the
        // next table's label, parted from its title by a page number.
        let text = "合 计 15,844.04\n\
                    301 工资福利支出 11,960.62\n\
                    30108 机关事业单位基本养老保险\n\
                    缴费 1,064.46\n\
                    30109 职业年金缴费 425.79\n\
                    公开 09 表";
        let mut known = Known::default();
        let rebuilt = with_region(&JIANGSU12, "公开08表", text, |region| {
            read(region, &mut known)
        })
        .expect("rebuilt");
        let rows: Vec<String> = rebuilt
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.cells.join(" | "))
            .collect();
        assert_eq!(
            rows,
            vec![
                "合计 |  | 15,844.04",
                "301 | 工资福利支出 | 11,960.62",
                "30108 | 机关事业单位基本养老保险缴费 | 1,064.46",
                "30109 | 职业年金缴费 | 425.79",
            ]
        );
        assert!(rebuilt.rows.iter().any(|r| r.lines == [3, 4]));
        assert!(
            known.drawn_order(),
            "the text's order is known for the tables after it"
        );
    }

    #[test]
    fn a_name_centred_on_its_figures_is_not_taken_for_drawn_order() {
        let text = "合 计 1,889.10\n\
                    机关事业单位基本养老保险\n\
                    30108 1,064.46\n\
                    缴费\n\
                    30109 职业年金缴费 824.64";
        let mut known = Known::default();
        with_region(&JIANGSU12, "公开08表", text, |region| {
            read(region, &mut known)
        })
        .expect("rebuilt");
        assert!(!known.drawn_order());
    }

    #[test]
    fn in_drawn_order_a_wrapped_project_name_ends_on_its_figures_line() {
        // 商务局 2026, 表十二, copied out of a PDF viewer. Centred, the
        // second project would take "全市商务领域消费品以旧" after its
        // figures; in the order the PDF draws it, that piece is the next's.
        let text = "阳泉市商务局 31.08 31.08\n\
                    遗属补助 3.08 3.08\n\
                    阳泉市开发区建设综合协\n\
                    调指导服务 工作经费 2.00 2.00\n\
                    全市商务领域消费品以旧\n\
                    换新补贴审 计经费 8.00 8.00\n\
                    2026年商务工作经费 18.00 18.00";
        let names = |known: &mut Known| -> Vec<String> {
            let rebuilt = with_region(&crate::profile::BUDGET13, "表十二", text, |region| {
                read(region, known)
            })
            .expect("rebuilt");
            rebuilt
                .rows
                .iter()
                .map(|r| fold_key(&r.cells[0]).into_owned())
                .collect()
        };
        let mut drawn = Known::default();
        drawn.saw_drawn_order();
        assert_eq!(
            names(&mut drawn),
            [
                "阳泉市商务局",
                "遗属补助",
                "阳泉市开发区建设综合协调指导服务工作经费",
                "全市商务领域消费品以旧换新补贴审计经费",
                "2026年商务工作经费"
            ]
        );
        assert_eq!(
            names(&mut Known::default())[2],
            "阳泉市开发区建设综合协调指导服务工作经费全市商务领域消费品以旧",
            "centred, as pdfplumber prints it"
        );
    }

    #[test]
    fn procurement_names_the_text_interleaves_are_read_where_they_fit_one_way() {
        // 检察院 2018, 公开12表: a header wrapped over three lines is one
        // row; "分散自行组" / "交换设备" / "织" wrapped around its figure
        // line spells 分散自行组织 one way only. "物业管理服务", merged
        // over two rows, prints a piece in each: neither row is told.
        let text = "采购品目大 采购物品 采购组织\n\
                    专项名称 经济科目 总计\n\
                    类 名称 形式\n\
                    合计 3,096.24\n\
                    一、货物A 268.00\n\
                    分散自行组\n\
                    交换设备 20.00\n\
                    织\n\
                    办公设备购置 办公设备购置 10.00\n\
                    部门集中采\n\
                    330.00\n\
                    物业管理服 购\n\
                    务 分散自行组\n\
                    20.00\n\
                    织";
        let (rows, _) = rows("公开12表", text);
        assert_eq!(
            rows,
            vec![
                " | 采购品目大 采购物品 采购组织 专项名称 经济科目 总计 类 名称 形式 ",
                "合计 | 3,096.24",
                "一、货物A | 268.00",
                "交换设备 分散自行组织 | 20.00",
                "办公设备购置 办公设备购置 | 10.00",
                "部门集中采物业管理服 购 | (未能定位)",
                "务 分散自行组织 | (未能定位)",
            ]
        );
    }

    #[test]
    fn procurement_names_in_the_order_the_pdf_draws_them_are_read_whole() {
        // 检察院 2018, 公开12表, copied out of Chrome's viewer: each cell
        // whole, one after the other, then the figure. "分散自行组" / "织"
        // ending just above its figure is what no centred cell does.
        let text = "合计 3,096.24\n\
                    一、货物 A 268.00\n\
                    网络、电子检务、实验\n\
                    室、机要通道、档案数\n\
                    字化系统运行维护费\n\
                    信息网络及软件购\n\
                    置更新\n\
                    60.00\n\
                    交换设备\n\
                    分散自行组\n\
                    织\n\
                    20.00\n\
                    专用设备购置 40.00\n\
                    复印机 分散自行组\n\
                    织 8.00";
        let (rows, _) = rows("公开12表", text);
        assert_eq!(
            rows,
            vec![
                "合计 | 3,096.24",
                "一、货物 A | 268.00",
                "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费 信息网络及软件购置更新 | 60.00",
                "交换设备 分散自行组织 | 20.00",
                "专用设备购置 | 40.00",
                "复印机 分散自行组织 | 8.00",
            ]
        );
    }

    #[test]
    fn procurement_names_centred_are_not_taken_for_the_pdfs_order() {
        // The same rows as single spaces print them, each cell centred on
        // its row: no last cell ends on its figures' line, and the names
        // are read around it as before.
        let text = "合计 3,096.24\n\
                    一、货物 A 268.00\n\
                    分散自行组\n\
                    交换设备 20.00\n\
                    织\n\
                    复印机 分散自行组织 8.00";
        let (rows, _) = rows("公开12表", text);
        assert_eq!(
            rows,
            vec![
                "合计 | 3,096.24",
                "一、货物 A | 268.00",
                "交换设备 分散自行组织 | 20.00",
                "复印机 分散自行组织 | 8.00",
            ]
        );
    }

    #[test]
    fn a_procurement_heading_after_a_figure_on_its_line_opens_a_row() {
        // 检察院 2017, 公开12表, copied out of Chrome's viewer, which set
        // the total and the first heading on one line.
        let text = "合计 2,889.80 一、货物 A 334.00\n\
                    复印机 分散自行组织 334.00";
        let rebuilt = with_region(&JIANGSU12, "公开12表", text, |region| {
            read(region, &mut Known::default())
        })
        .expect("rebuilt");
        let rows: Vec<(String, Vec<usize>)> = rebuilt
            .rows
            .iter()
            .map(|r| (r.cells.join(" | "), r.lines.clone()))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("合计 | 2,889.80".to_string(), vec![1]),
                ("一、货物 A | 334.00".to_string(), vec![1]),
                ("复印机 分散自行组织 | 334.00".to_string(), vec![2]),
            ]
        );
    }

    #[test]
    fn procurement_names_a_cell_between_two_lines_set_on_the_upper_are_not_told() {
        // 检察院 2017, 公开12表, copied out of Firefox's viewer: line by
        // line, but "公务用车运行维" / "护费" starts on its figure's line, so a
        // cell centred between two lines is set on the upper. "购置费" may
        // end the row above or start the row below: neither is named; the
        // rows with no loose line beside them are.
        let text = "合计 2,889.80\n\
                    一、货物 A 334.00\n\
                    办公、办案设备更新 办公设备购置 120.00\n\
                    购置费\n\
                    台式计算机（20 万以 政府集中采购 35.00\n\
                    上）\n\
                    复印机 分散自行组织 8.00\n\
                    其他办公设备 分散自行组织 2.00\n\
                    交通运行费 公务用车运行维 267.80\n\
                    护费";
        let (rows, _) = rows("公开12表", text);
        assert_eq!(
            rows,
            vec![
                "合计 | 2,889.80",
                "一、货物 A | 334.00",
                "办公、办案设备更新 办公设备购置 | (未能定位)",
                "购置费台式计算机（20 万以 政府集中采购上） | (未能定位)",
                "复印机 分散自行组织 | (未能定位)",
                "其他办公设备 分散自行组织 | 2.00",
                "交通运行费 公务用车运行维 | (未能定位)",
            ]
        );
    }

    #[test]
    fn a_total_naming_the_first_column_of_a_table_of_one_row_is_its_header() {
        // 检察院 2019, 公开09表, copied out of Chrome's viewer: the header
        // cells one after the other, the first "合计", then the one row.
        // Read as a row of its own, the 合计 took the table's total, and
        // 公开08表 30231 ≤ 公务用车运行维护费 could not tell the two blank
        // places of the eight figures apart.
        let text = "合计\n\
                    “三公”经费\n\
                    会议费 培训费\n\
                    小计\n\
                    公务用车购置及运行维护费\n\
                    1276.7 418.26 80 237 237 101.26 158.44 700";
        let mut known = Known::default();
        let basic = "合 计 237.00\n\
                     302 商品和服务支出 237.00\n\
                     30231 公务用车运行维护费 237.00";
        with_region(&JIANGSU12, "公开08表", basic, |region| {
            read(region, &mut known)
        })
        .expect("rebuilt");
        let rebuilt = with_region(&JIANGSU12, "公开09表", text, |region| {
            read(region, &mut known)
        })
        .expect("rebuilt");
        let with_figures: Vec<(&[usize], String)> = rebuilt
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| c.contains('.')))
            .map(|r| (&r.lines[..], r.cells.join(" | ")))
            .collect();
        assert_eq!(
            with_figures,
            vec![(
                &[6][..],
                "1276.7 | 418.26 | 80 | 237 |  | 237 | 101.26 | 158.44 | 700".to_string()
            )]
        );
    }

    #[test]
    fn a_code_alone_on_its_line_opens_the_row_its_name_and_figures_follow() {
        // 检察院 2019, 公开08表, copied out of Chrome's viewer: the code,
        // then the name wrapped, its last piece on the figures' line.
        let text = "合 计 15,844.04\n\
                    30103 奖金 180.14\n\
                    30108\n\
                    机关事业单位基本养老保险\n\
                    缴费 1,064.46\n\
                    30109 职业年金缴费 425.79";
        assert_eq!(
            rows_of(&JIANGSU12, "公开08表", text),
            vec![
                "合计 |  | 15,844.04",
                "30103 | 奖金 | 180.14",
                "30108 | 机关事业单位基本养老保险缴费 | 1,064.46",
                "30109 | 职业年金缴费 | 425.79",
            ]
        );
    }

    /// 省委办公厅 2017, 公开12表, a page's rows: "机要及电子政务业务费
    /// 办公设备购置" merged over rows from 便携式计算机 on, printed on
    /// 打印设备's line.
    const MERGED_ON_A_NEW_PAGE: &str = "台式计算机（20万以下） 政府集中采购 4.00\n\
                    便携式计算机（20万以下） 政府集中采购 3.50\n\
                    机要及电子政务业务费 办公设备购置 打印设备（20万以下） 政府集中采购 3.00\n\
                    其他计算机设备及软件 政府集中采购 9.00\n\
                    三、服务C 1,278.50";

    #[test]
    fn procurement_rows_a_centred_merged_cell_may_span_are_not_placed() {
        let text = format!("合计 1,774.70\n{MERGED_ON_A_NEW_PAGE}");
        let (rows, _) = rows("公开12表", &text);
        assert_eq!(
            rows,
            vec![
                "合计 | 1,774.70",
                "台式计算机（20万以下） 政府集中采购 | (未能定位)",
                "便携式计算机（20万以下） 政府集中采购 | (未能定位)",
                "机要及电子政务业务费 办公设备购置 打印设备（20万以下） 政府集中采购 | (未能定位)",
                "其他计算机设备及软件 政府集中采购 | (未能定位)",
                "三、服务C | 1,278.50",
            ]
        );
    }

    #[test]
    fn a_blocks_cells_printed_again_on_a_new_page_are_the_blocks() {
        // The same page after the block's row at the foot of the page
        // before, its name under its figure: the cells merged on the new
        // page are that block's again.
        let text = format!(
            "合计 1,774.70\n30.00\n机要及电子政务业务费 办公设备购置\n{MERGED_ON_A_NEW_PAGE}"
        );
        let (rows, _) = rows("公开12表", &text);
        assert_eq!(
            rows,
            vec![
                "合计 | 1,774.70",
                "机要及电子政务业务费 办公设备购置 | 30.00",
                "台式计算机（20万以下） 政府集中采购 | 4.00",
                "便携式计算机（20万以下） 政府集中采购 | 3.50",
                "打印设备（20万以下） 政府集中采购 | 3.00",
                "其他计算机设备及软件 政府集中采购 | 9.00",
                "三、服务C | 1,278.50",
            ]
        );
    }

    #[test]
    fn three_sides_are_read_on_their_lines() {
        // 检察院 2019, 公开01表: 收入 | 功能分类 | 支出用途, a label of each
        // wrapped around the line holding 三、国防支出.
        let text = "一、财政拨款 24,169.74 一、一般公共服务支出 一、基本支出 15,844.04\n\
                    1.一般公共预算 24,169.74 二、外交支出 二、项目支出 4,335.30\n\
                    2.政府性基金预 三、单位预留机动经\n\
                    三、国防支出 3,990.40\n\
                    算 费\n\
                    当年收入小计 24,169.74 当年支出小计 24,169.74";
        let (rows, _) = rows("公开01表", text);
        assert_eq!(
            rows,
            vec![
                "一、财政拨款 | 24,169.74 | 一、一般公共服务支出 |  | 一、基本支出 | 15,844.04",
                "1.一般公共预算 | 24,169.74 | 二、外交支出 |  | 二、项目支出 | 4,335.30",
                "2.政府性基金预算 |  | 三、国防支出 |  | 三、单位预留机动经费 | 3,990.40",
                "当年收入小计 | 24,169.74 |  |  | 当年支出小计 | 24,169.74",
            ]
        );
    }

    /// The rows `text` gives as `profile`'s `table`, cells joined by " | ".
    fn rows_of(profile: &'static Profile, table: &str, text: &str) -> Vec<String> {
        let rebuilt = with_region(profile, table, text, |region| {
            read(region, &mut Known::default())
        })
        .expect("rebuilt");
        rebuilt
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.cells.join(" | "))
            .collect()
    }

    #[test]
    fn a_header_piece_on_the_total_s_line_leaves_it_the_total() {
        // 省委办公厅 2019, 公开12表, its TABs turned into spaces: "采购组织形
        // 式" wraps its last character onto the line of 合计.
        let text = "采购品目大类 专项名称 经济科目 采购物品名称 采购组织形 总计\n\
                    合计 式 1,422.50\n\
                    一、货物A 84.00";
        let rows = rows_of(&JIANGSU12, "公开12表", text);
        assert!(
            rows.iter()
                .any(|r| r.starts_with("合计 |") && r.ends_with("| 1,422.50")),
            "{rows:?}"
        );
    }

    #[test]
    fn a_column_named_like_the_total_above_the_total_row_is_a_header_word() {
        // 检察院 2018, 公开12表, copied out of Chrome's viewer: the column
        // 总计 alone on its line, then the total row.
        let text = "采购品目大\n\
                    类\n\
                    专项名称 经济科目\n\
                    总计\n\
                    合计 3,096.24\n\
                    一、货物 A 268.00";
        let rows = rows_of(&JIANGSU12, "公开12表", text);
        assert!(
            rows.iter()
                .any(|r| r.starts_with("合计 |") && r.ends_with("| 3,096.24")),
            "{rows:?}"
        );
        assert!(!rows.iter().any(|r| r.starts_with("总计")), "{rows:?}");
    }

    #[test]
    fn a_name_ending_on_its_own_line_before_the_figures_is_one_row() {
        // 普陀区政府办公室 2025, 表2, copied out of Chrome's viewer: code and
        // name, the name's rest, then the figures, each on its own line.
        let text = "类 款 项\n\
                    201 一般公共服务支出 82,096,797.42 82,096,797.42\n\
                    201 03 50 事业运行 3,807,295.58 3,807,295.58\n\
                    201 03 99 其他政府办公厅（室）及相关机构事\n\
                    务支出\n\
                    20,120,000.00 20,120,000.00\n\
                    208 社会保障和就业支出 4,213,779.28 4,213,779.28";
        let rebuilt = with_region(&SHANGHAI9_DEPARTMENT, "表2", text, |region| {
            read(region, &mut Known::default())
        })
        .expect("rebuilt");
        let row = rebuilt
            .rows
            .iter()
            .find(|r| r.cells.iter().any(|c| c.contains("其他政府办公厅")))
            .expect("the row");
        assert!(
            row.cells
                .iter()
                .any(|c| c == "其他政府办公厅（室）及相关机构事务支出"),
            "{:?}",
            row.cells
        );
        assert!(
            row.cells.iter().any(|c| c == "20,120,000.00"),
            "{:?}",
            row.cells
        );
        assert_eq!(row.lines, [4, 5, 6]);
    }

    #[test]
    fn the_code_levels_before_the_total_on_its_line_are_header_words() {
        // 普陀区财政局 2024 决算, 收入决算表, its TABs turned into spaces: the
        // header's 类 款 项 printed on the line of 合计.
        let text = "项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入\n\
                    支出功能分类 科目名称\n\
                    科目编码\n\
                    类 款 项 合计 2,946.25 2,940.05 6.20\n\
                    201 一般公共服务支出 2,112.86 2,106.66 6.20\n\
                    201 06 财政事务 2,112.86 2,106.66 6.20";
        let rows = rows_of(&SHANGHAI_FINAL, "表二", text);
        assert!(
            rows.iter()
                .any(|r| r.starts_with("合计 |") || r.contains("| 合计 |")),
            "{rows:?}"
        );
    }

    /// 社会福利院 2024 prints 2101102's 类 as "7" in 表3 and 表5: the row
    /// is placed under the code the parser completes it to (2101102, from
    /// the 款 above, S108), so that 21011 sums it, and keeps its printed
    /// cells.
    #[test]
    fn a_class_printed_short_is_placed_under_its_completed_code() {
        let text = "编制单位：上海市普陀区社会福利院 单位：元\n\
                    项目 支出预算\n\
                    功能分类科目编码\n\
                    功能分类科目名称 合计 基本支出 项目支出\n\
                    类 款 项\n\
                    210 卫生健康支出 503,724 500,000 3,724\n\
                    210 11 行政事业单位医疗 503,724 500,000 3,724\n\
                    7 11 02 事业单位医疗 500,000 500,000\n\
                    210 11 03 公务员医疗补助 3,724 3,724";
        let rows = rows_of(&SHANGHAI9_DEPARTMENT, "表3", text);
        assert!(
            rows.iter()
                .any(|r| r == "7 | 11 | 02 | 事业单位医疗 | 500,000 | 500,000 | "),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .any(|r| r == "210 | 11 | 03 | 公务员医疗补助 | 3,724 |  | 3,724"),
            "{rows:?}"
        );
    }

    #[test]
    fn a_table_in_yuan_printed_without_commas_has_whole_figures() {
        // 万里街道 2023, 表3, its figures printed without thousands' commas
        // (a template that groups none): in a table in 元 with no figure
        // with decimals, a whole number after the row's label is a figure.
        let text = "编制部门：上海市普陀区人民政府万里街道办事处 单位：元\n\
                    项目 支出预算\n\
                    功能分类科目编码\n\
                    功能分类科目名称 合计 基本支出 项目支出\n\
                    类 款 项\n\
                    201 一般公共服务支出 2976800 0 2976800\n\
                    201 05 统计信息事务 627600 0 627600\n\
                    201 05 06 统计管理 26300 0 26300";
        let rows = rows_of(&SHANGHAI9_DEPARTMENT, "表3", text);
        assert!(
            rows.iter()
                .any(|r| r == "201 |  |  | 一般公共服务支出 | 2976800 | 0 | 2976800"),
            "{rows:?}"
        );
    }
}
