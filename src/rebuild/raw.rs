//! The raw shape (`pdftotext` without -layout): reading order, often one
//! cell a line with blank lines between; a code and its name sometimes on
//! one line; a wrapped name on two, before the row's figures. A row begins
//! at what the table's rows begin with (a code, 合计, a fixed label, a name
//! after figures) and takes the figures after it; header words the text
//! scatters among the rows are set aside. Figures are placed into columns
//! by `place`.

use super::bare_subtotals;
use super::late_figure;
use super::place::{self, Draft, Known, Role, Run};
use super::rows_on_one_line::OnLine;
use super::spaced::{self, Entry};
use super::tokens;
use super::{Rebuilt, Region};
use crate::lines::Noise;
use crate::prelude::*;
use crate::profile::RowScheme;
use crate::slices::{sort_stable_by, sort_unique};
use crate::text::fold_key;

/// Rebuilds the region's rows; None leaves its lines as the lines stage
/// read them.
pub fn read(region: &Region, known: &mut Known) -> Option<Rebuilt> {
    let mut entries = spaced::entries(region);
    if region.table.sides[0].label_cells == 2 {
        let twins: Vec<usize> = twin_cells(region)
            .into_iter()
            .filter(|&i| !entries.iter().any(|e| e.index == i))
            .collect();
        entries.extend(twins.into_iter().map(|index| Entry {
            index,
            words: region.raw[index].split_whitespace().collect(),
            on_line: OnLine::First,
        }));
        sort_stable_by(&mut entries, |a, b| a.index.cmp(&b.index));
    }
    if matches!(region.table.sides[0].rows, RowScheme::SplitCodes) {
        return empty_split_codes(region, &entries, known);
    }
    let mut pages = Vec::new();
    let mut groups = Vec::new();
    let (drafts, runs, extra) = match region.table.sides[0].rows {
        RowScheme::Fixed(rows) => {
            let named;
            (named, groups) = bare_subtotals::named(region, rows, entries);
            let mut read = spaced::fixed(region, &named)?;
            if subtotal_apart(region, &read.0) {
                return None;
            }
            bare_subtotals::cite_names(&mut read.0, &groups);
            pages = page_numbers_among_rows(region, &read.0, &read.1);
            read
        }
        RowScheme::Values => {
            pages = page_numbers_after_label(region, &entries);
            values(region, &entries)
        }
        _ => labelled(region, &entries),
    };
    // No row found in a region with figures: its rows are printed in a
    // way this reader does not follow (no code, 合计 or fixed label opens
    // one, as split codes drawn column by column open none,
    // `empty_split_codes`): the caller leaves it unread rather than
    // writing back its header alone, which would read as an empty table.
    if drafts.is_empty() && region.has_amounts() {
        return None;
    }
    let (mut rows, mut unplaced) =
        place::place(region.table, region.profile, &drafts, &runs, known, true);
    if !unplaced.is_empty() {
        if let Some(moved) =
            late_figure::moved(region, &drafts, &runs, known, page_numbering(region))
        {
            (rows, unplaced) =
                place::place(region.table, region.profile, &drafts, &moved, known, true);
        }
    }
    // Bare 小计 read as their groups' rows are taken when they let the
    // table's sums place every figure; otherwise the figures are drawn
    // apart from them too (省委办公厅 2017: 财政专户管理资金's 147.20 after
    // 其他资金's name), and the table is left unread as before.
    if !groups.is_empty() && !unplaced.is_empty() {
        return None;
    }
    rows.extend(tokens::header_rows_without(region, extra, &rows));
    Some(Rebuilt {
        rows,
        unplaced,
        pages,
    })
}

/// Split 科目编码 (Shanghai's 类, 款 and 项 cells) one cell a line are
/// drawn column by column apart from their names and figures ("201",
/// "05", "201", "29" …, the 项 after): this reader does not put such rows
/// together, and a table of them with figures is left to the caller
/// (unread, `Region::has_amounts`). One without a figure is its 合计 row,
/// every cell blank: an empty table ("注:本部门2025年无政府性基金预算财政
/// 拨款安排的预算，故本表为空表" after it), which read as no row at all
/// would be a table cut short.
fn empty_split_codes(region: &Region, entries: &[Entry], known: &mut Known) -> Option<Rebuilt> {
    if region.has_amounts() {
        return None;
    }
    let total = entries
        .iter()
        .find(|e| matches!(e.words[..], [w] if tokens::is_total(w)))?;
    let mut labels = vec![total.words[0].to_string()];
    labels.resize(region.table.sides[0].label_cells, String::new());
    let line = region.line_no(total.index);
    let draft = Draft {
        side: 0,
        role: Role::Total,
        labels,
        lines: vec![line],
        name_unsure: None,
        on_line: OnLine::First,
    };
    let (mut rows, unplaced) =
        place::place(region.table, region.profile, &[draft], &[], known, true);
    let header: Vec<usize> = entries
        .iter()
        .map(|e| region.line_no(e.index))
        .filter(|&no| no != line)
        .collect();
    rows.extend(tokens::header_row(region, &header));
    Some(Rebuilt {
        rows,
        unplaced,
        pages: Vec::new(),
    })
}

/// The lines of a fixed table that hold a page's number among its rows:
/// a lone integer of at most three digits between its first row and its
/// last, read as no row's label nor figure (jianchayuan 2017's 公开04表
/// runs onto a new page after "17,981.68 一、基本支出", then "11"). The
/// lines stage, seeing no page break there, left it as text, which the
/// parser would read as a row of no name.
fn page_numbers_among_rows(region: &Region, drafts: &[Draft], runs: &[Run]) -> Vec<usize> {
    let row_lines = drafts.iter().flat_map(|d| d.lines.iter().copied());
    let (Some(first), Some(last)) = (row_lines.clone().min(), row_lines.max()) else {
        return Vec::new();
    };
    page_numbers_no_row_cites(region, drafts)
        .into_iter()
        .filter(|&no| no > first && no < last && !runs.iter().any(|r| r.lines.contains(&no)))
        .collect()
}

/// Whether a bare 小计 stands among the rows on a line no row was read
/// from. One cell a line prints a group's 小计 apart from the group's name
/// (the Jiangsu 收入预算总表: "一般公共预算资金", "金额", "收入总计",
/// "20,849.45", "小计", …), and the lines stage may take the repeated word
/// for a stamp; the rows found are then the items without their groups,
/// and without the groups' sums the placing cannot tell an item's figure
/// from a group's: 147.20 went under 动用上年结转和结余资金 rather than
/// 财政专户管理资金 小计 and 其他非税收入. Such a table is left unread,
/// where `bare_subtotals` could not read each 小计 as its group's row. A
/// 小计 before the first row is a column's name (表四).
fn subtotal_apart(region: &Region, drafts: &[Draft]) -> bool {
    let Some(first_row) = drafts.iter().filter_map(|d| d.lines.first().copied()).min() else {
        return false;
    };
    lines_no_row_cites(region, drafts).any(|(no, text)| text == "小计" && no > first_row)
}

/// The region's lines no draft was read from, as (input line number,
/// text trimmed).
fn lines_no_row_cites<'a>(
    region: &'a Region,
    drafts: &'a [Draft],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut cited: Vec<usize> = drafts
        .iter()
        .flat_map(|d| d.lines.iter().copied())
        .collect();
    sort_unique(&mut cited);
    (0..region.raw.len())
        .map(|i| (region.line_no(i), region.raw[i].trim()))
        .filter(move |(no, _)| cited.binary_search(no).is_err())
}

/// Lines taken for a watermark that are a row's two label cells of one
/// text (表六's 住房公积金 | 住房公积金): one cell a line prints them
/// beside each other, and the lines stage, seeing a short text repeat
/// beside itself, takes it for a stamp. A text is read back when two of
/// its lines stand with only blanks between and a figure follows them
/// (a row's label cells, then its figures, as no stamp is printed); then
/// every line of that text in the region is a cell. The rows read from
/// them are checked by the table's sums like any other.
fn twin_cells(region: &Region) -> Vec<usize> {
    let stamp = |i: usize| matches!(region.lines[i].noise, Some(Noise::Watermark));
    let text = |i: usize| region.raw[i].trim();
    let next = |i: usize| (i + 1..region.raw.len()).find(|&j| !region.lines[j].is_blank());
    let mut twins: Vec<&str> = Vec::new();
    for i in (0..region.raw.len()).filter(|&i| stamp(i)) {
        let Some(j) = next(i).filter(|&j| stamp(j) && text(j) == text(i)) else {
            continue;
        };
        let figure_after =
            next(j).is_some_and(|k| region.lines[k].noise.is_none() && tokens::is_figure(text(k)));
        if figure_after && !twins.contains(&text(i)) {
            twins.push(text(i));
        }
    }
    (0..region.raw.len())
        .filter(|&i| stamp(i) && twins.contains(&text(i)))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Total,
    Figure,
    /// A number that is neither (column numbers), or a header word.
    Number,
    Text,
}

struct Piece<'a> {
    kind: Kind,
    text: &'a str,
    line: usize,
}

/// A row as read: its label pieces and figure pieces.
#[derive(Default)]
struct Found<'a> {
    total: bool,
    code: Option<&'a str>,
    labels: Vec<&'a Piece<'a>>,
    figures: Vec<&'a Piece<'a>>,
    /// A row whose figures were read with the next row's.
    joins_next: bool,
}

fn pieces<'a>(region: &Region, entries: &[Entry<'a>], codes: bool) -> Vec<Piece<'a>> {
    // 合计 is a row of code and 表六 tables; elsewhere a column name, and
    // a unit table's total row is 部门合计.
    let total_row = |key: &str| match region.table.sides[0].rows {
        RowScheme::Codes | RowScheme::Economic => true,
        RowScheme::Units => key == "部门合计",
        _ => false,
    };
    let mut out = Vec::new();
    for e in entries {
        let line = region.line_no(e.index);
        for (i, w) in e.words.iter().enumerate() {
            // Most words of a table are figures: told before any word is
            // folded, and the others folded once for every question.
            let kind = if codes && i == 0 && tokens::is_code(w) {
                Kind::Code
            } else if tokens::is_figure(w) {
                Kind::Figure
            } else if w.bytes().all(|b| b.is_ascii_digit()) {
                Kind::Number
            } else {
                let key = fold_key(w);
                if tokens::is_total_key(&key) && total_row(&key) {
                    Kind::Total
                } else if tokens::is_header_key(&key, region.table) {
                    Kind::Number
                } else {
                    Kind::Text
                }
            };
            out.push(Piece {
                kind,
                text: w,
                line,
            });
        }
    }
    if total_row("合计") {
        join_split_total(&mut out);
    }
    out
}

/// 合计 printed in a header cell two lines tall, a column's name beside it
/// ("合" / "金额" / "计", Jiangsu): one cell a line reads its two halves
/// with the header word between. The halves are the total row's label.
fn join_split_total(pieces: &mut [Piece]) {
    for i in 0..pieces.len() {
        if !matches!(pieces[i].kind, Kind::Text) || pieces[i].text != "合" {
            continue;
        }
        let Some(j) = (i + 1..pieces.len()).find(|&j| !matches!(pieces[j].kind, Kind::Number))
        else {
            return;
        };
        if matches!(pieces[j].kind, Kind::Text) && pieces[j].text == "计" {
            pieces[i].kind = Kind::Total;
            pieces[i].text = "合计";
            // Set aside as the header word it is printed among.
            pieces[j].kind = Kind::Number;
        }
    }
}

/// A table of one row of figures under a header and no label (Shanghai's
/// 三公, Jiangsu's 公开03表): its header words, then its figures in the
/// columns' order ("37.91" / "0" / "1.35" / "购置费" / "36.56" / "运行费" /
/// "15" …: every amount is one, whole or not). The figures are one run
/// over the row's columns, placed by the table's sums like any other row;
/// what follows the last figure is left as printed (the prose after the
/// table), and so is all from the next table's label on (Jiangsu prints
/// "公开 04 表" above the next table, and the page's number after it).
fn values(region: &Region, entries: &[Entry]) -> spaced::Read {
    let has_amount = |e: &Entry| e.words.iter().any(|w| tokens::is_amount(w));
    let label = next_table_label(region, entries);
    let labelled = entries
        .iter()
        .position(|e| e.index > label)
        .unwrap_or(entries.len());
    let end = entries[..labelled]
        .iter()
        .rposition(has_amount)
        .map_or(0, |last| last + 1);
    let mut run = Run::default();
    let mut header_lines = Vec::new();
    for e in &entries[..end] {
        if tokens::is_meta(region.raw[e.index]) {
            continue;
        }
        let line = region.line_no(e.index);
        for w in &e.words {
            if tokens::is_amount(w) {
                run.figures.push(w.to_string());
                run.lines.push(line);
            } else {
                header_lines.push(line);
            }
        }
    }
    sort_unique(&mut header_lines);
    let extra = tokens::header_row(region, &header_lines)
        .into_iter()
        .collect();
    let Some(&first) = run.lines.first() else {
        return (Vec::new(), Vec::new(), extra);
    };
    let columns = region.table.sides[0].columns.len();
    run.slots = (0..columns).map(|c| (0, c)).collect();
    let draft = Draft {
        side: 0,
        role: Role::Total,
        labels: vec![String::new(); region.table.sides[0].label_cells],
        lines: vec![first],
        name_unsure: None,
        on_line: OnLine::First,
    };
    (vec![draft], vec![run], extra)
}

/// The index in the region of the next table's label ("公开 04 表"),
/// printed after this table's figures, or the region's end. The entries
/// leave it out (`spaced::entries`): it is looked for among the lines.
fn next_table_label(region: &Region, entries: &[Entry]) -> usize {
    let first_figure = entries
        .iter()
        .find(|e| e.words.iter().any(|w| tokens::is_amount(w)))
        .map_or(region.raw.len(), |e| e.index);
    (first_figure..region.raw.len())
        .find(|&i| tokens::is_table_label(region.raw[i]))
        .unwrap_or(region.raw.len())
}

/// The lines after the next table's label that hold a page's number
/// (jianchayuan 2019: "3990.4" / "公开 04 表" / "15" / "结转下年资金"): no
/// figure of this table's row, which ends at the label.
fn page_numbers_after_label(region: &Region, entries: &[Entry]) -> Vec<usize> {
    (next_table_label(region, entries) + 1..region.raw.len())
        .filter(|&i| tokens::is_page_number_word(region.raw[i].trim()))
        .map(|i| region.line_no(i))
        .collect()
}

/// Tables whose rows begin with a code, 合计, an economic item or a name.
fn labelled(region: &Region, entries: &[Entry]) -> spaced::Read {
    let def = region.table;
    let scheme = &def.sides[0].rows;
    let codes = matches!(scheme, RowScheme::Codes);
    // The rows end at the first 注 line after the header. 部门名称 and 单位
    // are no rows wherever they stand: one cell a line may print 单位
    // after the first header word (Jiangsu: "功能科目代码", "单位：万元").
    let mut body: Vec<Entry> = Vec::new();
    let mut after: Vec<usize> = Vec::new();
    for e in entries {
        let raw = region.raw[e.index];
        let meta = tokens::is_meta(raw);
        if after.is_empty() && tokens::is_heading_meta(raw) {
            continue;
        }
        if !after.is_empty() || (meta && !body.is_empty()) {
            // Header words read after the 注 line are set aside too.
            if !meta && !e.words.iter().any(|w| tokens::is_figure(w)) {
                after.push(region.line_no(e.index));
            } else {
                after.push(0);
            }
            continue;
        }
        if meta {
            continue;
        }
        body.push(Entry {
            index: e.index,
            words: e.words.clone(),
            on_line: OnLine::First,
        });
    }
    let pieces = pieces(region, &body, codes);
    let mut found: Vec<Found> = Vec::new();
    let mut current: Option<Found> = None;
    for p in &pieces {
        match p.kind {
            Kind::Code => {
                found.extend(current.take());
                current = Some(Found {
                    code: Some(p.text),
                    labels: vec![p],
                    ..Found::default()
                });
            }
            Kind::Total => {
                found.extend(current.take());
                current = Some(Found {
                    total: true,
                    labels: vec![p],
                    ..Found::default()
                });
            }
            Kind::Figure => match current.as_mut() {
                Some(row) => row.figures.push(p),
                None => {
                    current = Some(Found {
                        figures: vec![p],
                        ..Found::default()
                    })
                }
            },
            Kind::Number => {
                // Column numbers, header words: set aside; a row being read
                // goes on after them.
                if current
                    .as_ref()
                    .is_some_and(|r| r.total || r.code.is_some() || !r.figures.is_empty())
                {
                    found.push(Found {
                        labels: vec![p],
                        ..Found::default()
                    });
                    continue;
                }
                found.extend(current.take());
                found.push(Found {
                    labels: vec![p],
                    ..Found::default()
                });
            }
            Kind::Text => {
                // After figures, text begins the next row, except a code
                // row's name read after its figures.
                let begins = match current.as_ref() {
                    None => true,
                    Some(row) => {
                        let unnamed_code = row.code.is_some() && row.labels.len() == 1;
                        !row.figures.is_empty() && !unnamed_code
                    }
                };
                if begins {
                    found.extend(current.take());
                    current = Some(Found {
                        labels: vec![p],
                        ..Found::default()
                    });
                } else if let Some(row) = current.as_mut() {
                    row.labels.push(p);
                }
            }
        }
    }
    found.extend(current);
    if codes {
        codes_printed_early(&mut found);
        codes_printed_late(&mut found);
    }
    // A 表六 group whose figures came after its first item's name: the
    // group is a row of its own, its figures read with the item's.
    let mut split: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found {
        let group_first = matches!(scheme, RowScheme::Economic)
            && !f.total
            && f.labels.len() >= 2
            && region
                .profile
                .economic_groups
                .contains(&&*fold_key(f.labels[0].text));
        if group_first {
            let rest = f.labels.split_off(1);
            split.push(Found {
                labels: f.labels,
                joins_next: true,
                ..Found::default()
            });
            f.labels = rest;
        }
        split.push(f);
    }
    let found = split;

    // Which found rows are table rows.
    let is_row = |f: &Found| match scheme {
        RowScheme::Codes => f.total || f.code.is_some(),
        _ => f.total || !f.labels.is_empty(),
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut header_lines: Vec<usize> = Vec::new();
    let columns = def.sides[0].columns.len();
    let mut seen_figures = false;
    // Code rows read without figures of their own.
    let mut figureless: Vec<usize> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let has_figures = !f.figures.is_empty();
        // A row without figures is a row only where the table allows one:
        // a code row whose figures came before it (the last row of a
        // table), or 合计 of an empty code table.
        let next_is_row = found[i + 1..]
            .iter()
            .any(|g| g.total || (is_row(g) && !g.figures.is_empty()));
        let keep = is_row(f)
            && (has_figures
                || f.joins_next
                || (codes && f.code.is_some() && seen_figures)
                || (codes && f.total && !seen_figures && !next_is_row));
        if !keep {
            header_lines.extend(f.labels.iter().map(|p| p.line));
            // Figures read after header words belong to the row before.
            match runs.last_mut() {
                Some(run) if has_figures => {
                    run.figures
                        .extend(f.figures.iter().map(|p| p.text.to_string()));
                    run.lines.extend(f.figures.iter().map(|p| p.line));
                }
                _ => header_lines.extend(f.figures.iter().map(|p| p.line)),
            }
            continue;
        }
        seen_figures |= has_figures;
        let (role, labels) = draft_labels(region, scheme, f);
        let d = drafts.len();
        let mut lines: Vec<usize> = f.labels.iter().map(|p| p.line).collect();
        lines.dedup();
        if f.total {
            // Header words read after 合计 are not its label.
            header_lines.extend(f.labels.iter().skip(1).map(|p| p.line));
            lines.truncate(1);
        }
        drafts.push(Draft {
            side: 0,
            role,
            labels,
            lines,
            name_unsure: None,
            on_line: OnLine::First,
        });
        if has_figures {
            // A code row read without figures may have its figures
            // printed after the next row's label too (shangwu's 2159802
            // 制造业 "830.99" after "216 商业服务业等支出"): the next run
            // may fill it as well as the run before.
            let joins_group = d > 0 && found[..i].last().is_some_and(|g| g.joins_next);
            let after_figureless = d > 0 && figureless.last() == Some(&(d - 1));
            let first = if joins_group || after_figureless {
                d - 1
            } else {
                d
            };
            runs.push(Run {
                figures: f.figures.iter().map(|p| p.text.to_string()).collect(),
                slots: (first..=d)
                    .flat_map(|r| (0..columns).map(move |c| (r, c)))
                    .collect(),
                lines: f.figures.iter().map(|p| p.line).collect(),
                second_line: None,
            });
        } else if d > 0 && codes && f.code.is_some() {
            figureless.push(d);
            // Its figures were read with the row before: that run may
            // fill either row.
            if let Some(run) = runs.last_mut() {
                if run.slots.first().is_some_and(|s| s.0 == d - 1) {
                    run.slots.extend((0..columns).map(|c| (d, c)));
                }
            }
        }
    }
    printed_late(region, &drafts, &mut runs, &figureless);
    // Header words on lines of their own are set aside as header rows.
    let mut used: Vec<usize> = Vec::new();
    for d in &drafts {
        used.extend(d.lines.iter().copied());
    }
    for r in &runs {
        used.extend(r.lines.iter().copied());
    }
    header_lines.extend(after.into_iter().filter(|&l| l > 0));
    sort_unique(&mut header_lines);
    sort_unique(&mut used);
    header_lines.retain(|l| used.binary_search(l).is_err());
    let extra = tokens::header_row(region, &header_lines)
        .into_iter()
        .collect();
    (drafts, runs, extra)
}

/// Figures printed after the last row of a page that are not its own: the
/// figures of the page's code rows read with none (Jiangsu prints a few
/// rows' figures at the foot of the page: "30206 电费 262.00 175.44
/// 1,045.93 1,073.77", then the page's number; at the table's end, "30309
/// 奖励金 1.55 1.31 2,094.58 1,000.26"). Taken only when the figures past a
/// run's cells fill exactly the cells of the figureless rows before them on
/// their page: then they are those rows', in order, and no longer figures
/// the row before each might have been read with. They become a run of no
/// row, which `place` puts over the rows no other run fills and the
/// table's sums check like any other (a class's figure is the sum of its
/// items'). Otherwise the runs stay as read, and what the sums cannot tell
/// is left unplaced.
fn printed_late(region: &Region, drafts: &[Draft], runs: &mut Vec<Run>, figureless: &[usize]) {
    let columns = region.table.sides[0].columns.len();
    let page_of = page_numbering(region);
    let first_line = |d: usize| drafts[d].lines.first().copied().unwrap_or(0);
    let is_figureless = |slot: &(usize, usize)| figureless.contains(&slot.0);
    let mut claimed: Vec<usize> = Vec::new();
    let mut late: Vec<(usize, usize)> = Vec::new();
    let page_numbers = page_numbers_no_row_cites(region, drafts);
    for (r, run) in runs.iter().enumerate() {
        let own_rows: Vec<usize> = run
            .slots
            .iter()
            .filter(|s| !is_figureless(s))
            .map(|s| s.0)
            .collect();
        // Figures drawn after the page's number are all the page foot's,
        // the run's row's own among them, in the rows' order.
        let after_number = match (own_rows.last(), run.lines.first()) {
            (Some(&d), Some(&first)) => {
                let after = last_line(drafts, d);
                page_numbers.iter().any(|&no| no > after && no < first)
            }
            _ => false,
        };
        let own = if after_number { 0 } else { own_rows.len() };
        let Some(&from) = run.lines.get(own) else {
            continue;
        };
        let rows: Vec<usize> = figureless
            .iter()
            .copied()
            .chain(own_rows.iter().copied().filter(|_| after_number))
            .filter(|&d| {
                !claimed.contains(&d)
                    && first_line(d) < from
                    && page_of(first_line(d)) == page_of(from)
            })
            .collect();
        if !rows.is_empty() && rows.len() * columns == run.figures.len() - own {
            claimed.extend(rows);
            late.push((r, own));
        }
    }
    if late.is_empty() {
        return;
    }
    for run in runs.iter_mut() {
        run.slots.retain(|s| !claimed.contains(&s.0));
    }
    for (r, own) in late {
        let run = &mut runs[r];
        let figures = run.figures.split_off(own);
        let lines = run.lines.split_off(own);
        runs.push(Run {
            figures,
            lines,
            ..Run::default()
        });
    }
}

/// The last line of draft `d`'s labels.
fn last_line(drafts: &[Draft], d: usize) -> usize {
    drafts[d].lines.iter().copied().max().unwrap_or(0)
}

/// The lines holding a page's number — a lone integer of at most three
/// digits that no row was read from (a 类 code would begin one) —, in
/// order: figures after one and after a row are the page foot's
/// (jianchayuan 2018's 公开07表: "2080506", "机关事业单位职业年金缴费支出",
/// "17", then the figures of the page's last three rows).
fn page_numbers_no_row_cites(region: &Region, drafts: &[Draft]) -> Vec<usize> {
    lines_no_row_cites(region, drafts)
        .filter(|(_, text)| tokens::is_page_number_word(text))
        .map(|(no, _)| no)
        .collect()
}

/// The page each line of the region stands on, counted from the region's
/// first: a page begins at a form feed and after a page's number.
fn page_numbering(region: &Region) -> impl Fn(usize) -> usize {
    let breaks: Vec<usize> = region
        .lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let no = region.line_no(i);
            if line.page_start {
                Some(no)
            } else if line.noise == Some(Noise::Page) {
                Some(no + 1)
            } else {
                None
            }
        })
        .collect();
    move |no: usize| breaks.partition_point(|&b| b <= no)
}

/// A code printed after its rows' children (`组织事务 2.67 2.67`,
/// `2013299 其他组织事务支出 2.67 2.67`, then `20132` alone: the code cell
/// sat lower than its name): the bare code goes back to the name and
/// figures without a code read before its children. Only when every row
/// between is a child of that code; the hierarchy sums then check the
/// figures like any other row's.
fn codes_printed_late(found: &mut Vec<Found>) {
    let mut i = 0;
    while i < found.len() {
        let f = &found[i];
        let bare = f.code.is_some() && f.labels.len() == 1 && f.figures.is_empty() && !f.total;
        let Some(code) = f.code.filter(|_| bare) else {
            i += 1;
            continue;
        };
        let unnamed = (0..i).rev().find(|&j| {
            let g = &found[j];
            g.code.is_none() && !g.total && !g.labels.is_empty() && !g.figures.is_empty()
        });
        let Some(j) = unnamed else {
            i += 1;
            continue;
        };
        let children: Vec<&str> = found[j + 1..i].iter().filter_map(|g| g.code).collect();
        let only_children = !children.is_empty()
            && children.len() == i - j - 1
            && children
                .iter()
                .all(|c| c.len() > code.len() && c.starts_with(code));
        let named = found[j].labels.iter().all(|p| matches!(p.kind, Kind::Text));
        if !only_children || !named {
            i += 1;
            continue;
        }
        let late = found.remove(i);
        let g = &mut found[j];
        g.code = late.code;
        g.labels.insert(0, late.labels[0]);
    }
}

/// Codes printed ahead of their names (a page break: "30103" / "30108" /
/// "奖金" / "180.14" / "机关事业单位基本养老保险" / "缴费" / "1,064.46"): k bare
/// codes, then a code with a name and figures, then k rows of a name and
/// figures without a code. The codes and the names were each printed in
/// the rows' order, so the names go to the codes in turn; the table's sums
/// check the figures, and the 科目 names check the pairs, like any other.
/// Only when the counts match exactly.
fn codes_printed_early(found: &mut Vec<Found>) {
    let bare =
        |f: &Found| f.code.is_some() && f.labels.len() == 1 && f.figures.is_empty() && !f.total;
    let uncoded =
        |f: &Found| f.code.is_none() && !f.total && !f.labels.is_empty() && !f.figures.is_empty();
    let mut i = 0;
    while i < found.len() {
        let k = found[i..].iter().take_while(|f| bare(f)).count();
        let named = i + k;
        let fits = k > 0
            && found
                .get(named)
                .is_some_and(|f| f.code.is_some() && f.labels.len() > 1 && !f.figures.is_empty())
            && found.len() > named + k
            && found[named + 1..=named + k].iter().all(uncoded)
            && found.get(named + k + 1).is_none_or(|f| !uncoded(f));
        if !fits {
            i += k.max(1);
            continue;
        }
        // The names and figures of rows named..=named+k, in order, go to
        // the codes of rows i..=named.
        let first = &mut found[named];
        let mut contents = vec![(
            first.labels.split_off(1),
            core::mem::take(&mut first.figures),
        )];
        contents.extend(
            found
                .drain(named + 1..=named + k)
                .map(|f| (f.labels, f.figures)),
        );
        for (f, (labels, figures)) in found[i..=named].iter_mut().zip(contents) {
            f.labels.extend(labels);
            f.figures = figures;
        }
        i = named + 1;
    }
}

/// What a found row is and its label cells.
fn draft_labels(region: &Region, scheme: &RowScheme, f: &Found) -> (Role, Vec<String>) {
    let label_cells = region.table.sides[0].label_cells;
    if f.total {
        let mut labels = vec![f.labels[0].text.to_string()];
        labels.resize(label_cells, String::new());
        return (Role::Total, labels);
    }
    let texts: Vec<&str> = f.labels.iter().map(|p| p.text).collect();
    match scheme {
        RowScheme::Codes => {
            let code = f.code.unwrap_or("").to_string();
            let name: String = texts[1..].concat();
            (Role::Code(code.clone()), vec![code, name])
        }
        RowScheme::Economic => {
            let (primary, secondary) = match texts.len() {
                0 => (String::new(), String::new()),
                1 => (texts[0].to_string(), String::new()),
                n => (texts[..n - 1].concat(), texts[n - 1].to_string()),
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
        RowScheme::Units => {
            let mut labels = vec![texts.concat()];
            labels.resize(label_cells, String::new());
            (Role::Unit, labels)
        }
        _ => {
            let mut labels = vec![texts.concat()];
            labels.resize(label_cells, String::new());
            (Role::Node, labels)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::BUDGET13;
    use crate::rebuild::with_region;

    /// The lines `twin_cells` reads back from one cell a line text.
    fn twins(text: &str) -> Vec<usize> {
        with_region(&BUDGET13, "表六", text, twin_cells)
    }

    #[test]
    fn twin_label_cells_taken_for_a_stamp_are_read_back() {
        let text = "工资福利支出\n\n2.52\n\n2.52\n\n住房公积金\n\n住房公积金\n\n87.67\n\n87.67\n\n\
                    住房公积金\n\n工资福利支出\n\n34.00\n\n34.00\n";
        assert_eq!(twins(text), [6, 8, 14]);
    }

    #[test]
    fn a_stamp_beside_itself_before_a_label_stays_a_stamp() {
        let text = "工资福利支出\n\n2.52\n\n2.52\n\n阳泉市财政局\n\n阳泉市财政局\n\n基本工资\n\n\
                    87.67\n\n阳泉市财政局\n\n34.00\n";
        assert_eq!(twins(text), Vec::<usize>::new());
    }

    /// Jiangsu's 公开07表 as `pdftotext` gives it (jiangsu-jianchayuan-2019,
    /// cut to its first class): "部门：" heads it, 单位 comes after the first
    /// header word, and 合计 is printed in two halves around "金额".
    const JIANGSU_07: &str = "一般公共预算支出预算表（功能科目）\n部门： 江苏省人民检察院\n\n\
        功能科目代码\n\n单位：万元\n\n功能科目名称\n合\n\n金额\n\n计\n\n16,593.12\n\n\
        204\n\n公共安全支出\n\n16,593.12\n\n20404\n\n检察\n\n16,593.12\n\n\
        2040401\n\n行政运行\n\n12,268.62\n\n2040402\n\n一般行政管理事务\n\n4,324.50\n";

    fn jiangsu_read(table: &str, text: &str) -> Rebuilt {
        use crate::profile::JIANGSU12;
        with_region(&JIANGSU12, table, text, |region| {
            read(region, &mut Known::default())
        })
        .expect("read")
    }

    /// The rebuilt row whose first cell is `code`.
    fn row_of<'r>(rebuilt: &'r Rebuilt, code: &str) -> &'r crate::rebuild::RebuiltRow {
        rebuilt
            .rows
            .iter()
            .find(|r| r.cells[0] == code)
            .expect(code)
    }

    fn rows_read(text: &str) -> Vec<Vec<String>> {
        let rebuilt = jiangsu_read("公开07表", text);
        assert!(rebuilt.unplaced.is_empty());
        rebuilt
            .rows
            .into_iter()
            .map(|r| r.cells)
            .filter(|cells| cells.iter().any(|c| c.contains('.')))
            .collect()
    }

    #[test]
    fn a_jiangsu_table_headed_by_bu_men_with_its_total_split_is_read() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rows_read(JIANGSU_07),
            [
                row(&["合计", "", "16,593.12"]),
                row(&["204", "公共安全支出", "16,593.12"]),
                row(&["20404", "检察", "16,593.12"]),
                row(&["2040401", "行政运行", "12,268.62"]),
                row(&["2040402", "一般行政管理事务", "4,324.50"]),
            ]
        );
        // The same with 合计 printed whole, and with 注 ending the rows.
        let whole = JIANGSU_07.replace("合\n\n金额\n\n计", "金额\n\n合计");
        assert_eq!(rows_read(&whole).len(), 5);
        let noted = format!("{JIANGSU_07}\n注：“科目编码”和“科目名称”为必填项。\n\n9.99\n");
        assert_eq!(rows_read(&noted).len(), 5);
    }

    /// Jiangsu's 公开06表 as `pdftotext` gives it (shengweibangongting
    /// 2018, cut short): 30112's and 302's figures printed after the last
    /// item's.
    const JIANGSU_06: &str = "财政拨款基本支出预算表\n部门：中共江苏省委办公厅\n科目编码\n\n\
        单位：万元\n科目名称\n合计\n\n金额\n2,011.68\n\n301\n\n工资福利支出\n\n1,476.38\n\n\
        30101\n\n基本工资\n\n1,475.07\n\n30112\n\n其他社会保障缴费\n\n302\n\n商品和服务支出\n\n\
        30201\n\n办公费\n\n489.30\n\n30205\n\n水费\n\n46.00\n\n1.31\n\n535.30\n";

    #[test]
    fn figures_printed_after_the_last_row_go_to_the_rows_read_without() {
        let rebuilt = jiangsu_read("公开06表", JIANGSU_06);
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        let row = |code: &str| {
            let r = row_of(&rebuilt, code);
            (r.cells[2].as_str(), r.lines.clone())
        };
        // Each cites its own label's lines and its figure's.
        assert_eq!(row("30112"), ("1.31", vec![24, 26, 44]));
        assert_eq!(row("302"), ("535.30", vec![28, 30, 46]));
        assert_eq!(row("30205").0, "46.00");
        // Swapped, the sums fail; one figure short, the rows are not
        // filled exactly: left unplaced either way, not guessed.
        let swapped = JIANGSU_06.replace("1.31\n\n535.30", "535.30\n\n1.31");
        assert!(!jiangsu_read("公开06表", &swapped).unplaced.is_empty());
        let short = JIANGSU_06.replace("\n\n535.30\n", "\n");
        assert!(!jiangsu_read("公开06表", &short).unplaced.is_empty());
    }

    /// The same table over two pages (jianchayuan 2018): each page's
    /// figureless rows take the figures printed at its foot.
    const JIANGSU_06_PAGED: &str = "财政拨款基本支出预算表\n部门：江苏省人民检察院\n科目编码\n\n\
        单位：万元\n科目名称\n合计\n\n金额\n2,019.12\n\n301\n\n工资福利支出\n\n1,483.82\n\n\
        30101\n\n基本工资\n\n1,475.07\n\n30112\n\n其他社会保障缴费\n\n30199\n\n其他工资福利支出\n\n\
        7.44\n\n1.31\n\n16\n\u{c}302\n\n商品和服务支出\n\n30201\n\n办公费\n\n489.30\n\n\
        30205\n\n水费\n\n46.00\n\n535.30\n";

    #[test]
    fn figures_printed_at_a_page_foot_go_to_that_page_s_rows_read_without() {
        let rebuilt = jiangsu_read("公开06表", JIANGSU_06_PAGED);
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        let figure = |code: &str| row_of(&rebuilt, code).cells[2].clone();
        assert_eq!([figure("30112"), figure("302")], ["1.31", "535.30"]);
        // A figure at the next page's foot is not the page before's.
        let moved = JIANGSU_06_PAGED
            .replace("7.44\n\n1.31\n\n16\n\u{c}", "7.44\n\n16\n\u{c}")
            .replace("46.00\n\n535.30\n", "46.00\n\n1.31\n\n535.30\n");
        assert!(!jiangsu_read("公开06表", &moved).unplaced.is_empty());
    }

    /// Jiangsu's 公开07表 as jianchayuan 2018 prints it one cell a line: a
    /// page's last three rows, then the page's number, then their figures.
    const JIANGSU_07_NUMBER_FIRST: &str = "一般公共预算支出预算表\n部门：江苏省人民检察院\n\
        功能科目代码\n\n单位：万元\n功能科目名称\n合\n金额\n计\n1,836.22\n\n208\n\n\
        社会保障和就业支出\n\n1,836.22\n\n20805\n\n行政事业单位离退休\n\n1,836.22\n\n\
        2080504\n\n未归口管理的行政单位离退休\n\n2080505\n\n机关事业单位基本养老保险缴费支出\n\n\
        2080506\n\n机关事业单位职业年金缴费支出\n\n17\n\n371.92\n1,045.93\n418.37\n";

    #[test]
    fn figures_drawn_after_the_page_s_number_are_its_last_rows_in_order() {
        // Read as the last row's own first figure, they would rotate: every
        // sum holds either way.
        for text in [
            JIANGSU_07_NUMBER_FIRST.to_string(),
            JIANGSU_07_NUMBER_FIRST.replace("\n\n", "\n"),
        ] {
            let rebuilt = jiangsu_read("公开07表", &text);
            assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
            let figure = |code: &str| row_of(&rebuilt, code).cells[2].clone();
            assert_eq!(
                [figure("2080504"), figure("2080505"), figure("2080506")],
                ["371.92", "1,045.93", "418.37"]
            );
        }
    }

    /// Jiangsu's 公开08表 where a page break printed two codes ahead of
    /// their names (jianchayuan 2019, cut short).
    const JIANGSU_08: &str = "一般公共预算基本支出预算表（经济科目）\n部门： 江苏省人民检察院\n\n\
        科目编码\n\n单位：万元\n\n科目名称\n合\n\n金额\n\n计\n\n1,664.91\n\n301\n\n工资福利支出\n\n\
        1,664.91\n\n30101\n\n基本工资\n\n420.31\n\n18\n\u{c}30103\n30108\n\n奖金\n\n180.14\n\n\
        机关事业单位基本养老保险\n缴费\n\n1,064.46\n";

    #[test]
    fn codes_printed_ahead_of_their_names_take_them_in_turn() {
        let rebuilt = jiangsu_read("公开08表", JIANGSU_08);
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        let row = |code: &str| row_of(&rebuilt, code).cells[1..].to_vec();
        assert_eq!(row("30103"), ["奖金", "180.14"]);
        assert_eq!(row("30108"), ["机关事业单位基本养老保险缴费", "1,064.46"]);
        // One code fewer than names: nothing to pair in turn, and the
        // figures left with one row are not placed.
        let short = JIANGSU_08.replace("30103\n", "");
        assert!(!jiangsu_read("公开08表", &short).unplaced.is_empty());
    }

    /// Jiangsu's 公开03表 as `pdftotext` gives it (jianchayuan 2019): its
    /// row of values, then the next table's label, the page's number and
    /// its last column's name, whose cell is blank.
    const JIANGSU_03: &str =
        "支出预算总表\n部门名称：江苏省人民检察院\n单位：万元\n合计\n基本支出\n\
        项目支出\n单位预留机动经费\n24169.74\n15844.04\n4335.30\n3990.4\n公开 04 表\n15\n\
        结转下年资金\n";

    #[test]
    fn a_page_s_number_after_the_next_table_s_label_is_no_value() {
        let rebuilt = jiangsu_read("公开03表", JIANGSU_03);
        assert_eq!(rebuilt.pages, [13]);
        // Four figures for five columns: which one is blank, the sums of
        // this table alone cannot tell (公开01表's can).
        let [unplaced] = &rebuilt.unplaced[..] else {
            panic!("{:?}", rebuilt.unplaced);
        };
        assert_eq!(
            unplaced.figures,
            ["24169.74", "15844.04", "4335.30", "3990.4"]
        );
    }

    /// Shanghai's 三公 table as `pdftotext` gives it (万里街道 2025): its
    /// figures among the header words, "0" and "15" whole.
    const SHANGHAI_9: &str = "编制部门：上海市普陀区人民政府万里街道办事处\n单位:万元\n\
        “三公”经费预算数\n机关运行经费预算\n数\n公务用车购置及运行费\n合计\n因公出国(境)费\n\
        公务接待费\n小计\n37.91\n0\n1.35\n购置费\n36.56\n运行费\n15\n21.56\n464.64\n\
        其他相关情况说明\n一、2025年“三公”经费预算情况说明";

    fn values_read(text: &str) -> Rebuilt {
        use crate::profile::SHANGHAI9_DEPARTMENT;
        with_region(&SHANGHAI9_DEPARTMENT, "表9", text, |region| {
            read(region, &mut Known::default())
        })
        .expect("read")
    }

    #[test]
    fn a_row_of_values_among_its_header_words_is_placed_by_its_sums() {
        let rebuilt = values_read(SHANGHAI_9);
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        let row = rebuilt
            .rows
            .iter()
            .find(|r| r.cells.iter().any(|c| c == "37.91"))
            .expect("the row of values");
        assert_eq!(
            row.cells[row.cells.len() - 7..],
            ["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]
        );
        // The prose after the table stays prose.
        assert!(rebuilt
            .rows
            .iter()
            .all(|r| r.lines.iter().all(|&no| no < 20)));
        // One figure fewer: a blank the sums cannot tell is no guess.
        let short = values_read(&SHANGHAI_9.replace("\n15\n", "\n"));
        assert_eq!(short.unplaced.len(), 1);
    }

    /// Shanghai's 收入预算总表 one cell a line (wanlijiedao 2025, its first
    /// rows): the 类, 款 and 项 cells are drawn column by column ("201",
    /// "05", "201", "29" …, the 项 after), apart from their names and
    /// figures, so that no code opens a row (`empty_split_codes` leaves it
    /// to the caller).
    const SHANGHAI_2: &str = "编制部门：上海市普陀区人民政府万里街道办事处\n单位：元\n项目\n\
        收入预算\n功能分类科目编码\n功能分类科目名称\n类\n款\n一般公共服务支出\n05\n201\n\
        05\n201\n29\n201\n29\n财政拨款收入\n事业单位\n经营收入\n事业收入\n项\n201\n201\n\
        合计\n07\n02\n02\n其他收入\n3,296,600\n3,296,600\n0\n0\n0\n统计信息事务\n\
        438,300\n438,300\n0\n0\n0\n专项普查活动\n438,300\n438,300\n0\n0\n0\n";

    #[test]
    fn a_table_whose_rows_no_code_opens_is_left_to_the_caller() {
        // Written back as its header alone, it would read as an empty
        // table: 表1's classes "absent" from it, its 合计 "0".
        use crate::profile::SHANGHAI9_DEPARTMENT;
        let rebuilt = with_region(&SHANGHAI9_DEPARTMENT, "表2", SHANGHAI_2, |region| {
            assert!(region.has_amounts());
            read(region, &mut Known::default())
        });
        assert!(rebuilt.is_none());
        // With no figure, the table is empty as printed.
        let empty: String = SHANGHAI_2
            .lines()
            .filter(|l| !l.starts_with(|c: char| c.is_ascii_digit()))
            .map(|l| format!("{l}\n"))
            .collect();
        let rebuilt = with_region(&SHANGHAI9_DEPARTMENT, "表2", &empty, |region| {
            read(region, &mut Known::default())
        });
        assert!(rebuilt.is_some());
    }

    /// Shanghai's 政府性基金 table one cell a line, printed empty
    /// (wanlijiedao 2025): its 合计 row, every cell blank, as the layout
    /// reads it; "注:…故本表为空表" after it ends the region.
    const SHANGHAI_6_EMPTY: &str = "编制部门：上海市普陀区人民政府万里街道办事处\n单位：元\n项目\n\
        政府性基金预算支出\n功能分类科目编码\n功能分类科目名称\n类\n款\n项\n合计\n";

    #[test]
    fn an_empty_table_of_split_codes_is_its_total_row() {
        use crate::profile::SHANGHAI9_DEPARTMENT;
        let read_6 = |text: &str| {
            with_region(&SHANGHAI9_DEPARTMENT, "表6", text, |region| {
                read(region, &mut Known::default())
            })
        };
        let rebuilt = read_6(SHANGHAI_6_EMPTY).expect("read");
        assert!(rebuilt.unplaced.is_empty());
        let total = rebuilt
            .rows
            .iter()
            .find(|r| r.cells[0] == "合计")
            .expect("the 合计 row");
        assert_eq!(total.lines, [10]);
        assert!(total.cells[1..].iter().all(String::is_empty), "{total:?}");
        // With a figure, its rows are not rebuilt here: left to the caller.
        assert!(read_6(&format!("{SHANGHAI_6_EMPTY}1,000\n")).is_none());
    }
}
