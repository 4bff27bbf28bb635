//! The layout shape (`pdftotext -layout`): columns aligned by runs of
//! spaces, an empty cell only spaces, a wrapped label over 2–3 lines with
//! the row's figures on the middle one. See the table in `rebuild/mod.rs`.
//!
//! A region's lines are sorted first: meta lines (部门名称, 单位, 注) and
//! the column-number row are left to the parser; header lines give the
//! columns' positions (`columns.rs`); every other line is data, split into
//! its sides' label fragments and figures, each figure placed in its column
//! by alignment. The fragments and figures of each side are then gathered
//! into rows (`rows.rs`), and the two sides of a two-sided table (表一,
//! 表四) paired by their vertical centre, as the printed table pairs them.

mod above;
mod afresh;
mod apart;
mod bare;
mod columns;
mod header;
mod merged;
mod rows;
mod staggered;

pub(super) use staggered::applies as staggered_applies;
// A laid-out line as words, those one space apart joined: what the
// Shanghai 填报表 reader (`form_centred`) reads its lines as too.
pub(super) use header::header_cells;
pub(super) use words::words;
mod words;

use super::{Rebuilt, RebuiltRow, Region, UnplacedRow, UNPLACED};
use crate::lines::Noise;
use crate::prelude::*;
use crate::profile::{RowScheme, SideDef, TableDef};
use crate::slices::{sort_stable_by, sort_unique};
use columns::Columns;
use header::{header_row, is_header_line, is_meta, is_split_code_header, is_total};
use rows::{joined_labels, SidePart, SideRow};
use words::{is_code, is_column_numbers, is_figure, is_in_text, Word};

/// Rebuilds the region's rows; None leaves its lines as the lines stage
/// read them.
pub fn read(region: &Region) -> Option<Rebuilt> {
    let def = region.table;
    let sorted = sort_lines(region);
    if sorted.data.is_empty() {
        return None;
    }
    if staggered::applies(def) {
        if let Some(rebuilt) = staggered::read(region, &sorted.data, sorted.header_rows.clone()) {
            return Some(rebuilt);
        }
    }
    let mut parts = place(def, &sorted);
    for (s, ps) in parts.iter_mut().enumerate() {
        rows::attach_group_names(&def.sides[s..], ps);
        merged::place_merged(&def.sides[s], ps);
        apart::place_apart(&def.sides[s], ps);
        above::figures_above_labels(&def.sides[s..], ps);
    }
    let side_rows: Vec<Vec<SideRow>> = parts
        .iter_mut()
        .enumerate()
        .map(|(s, ps)| {
            let mut rows = rows::group(&def.sides[s..], ps);
            let sums = bare::row_sums(region.profile, def, s);
            bare::settle(&def.sides[s], &sums, ps, &mut rows);
            let nests = afresh::hierarchy_columns(region.profile, def, s);
            afresh::place_pages(&def.sides[s], &sums, &nests, ps, &rows);
            rows
        })
        .collect();
    let mut rebuilt = Rebuilt {
        rows: sorted.header_rows,
        ..Rebuilt::default()
    };
    for pair in pair_sides(&side_rows) {
        write_row(region, &sorted.data, &parts, &pair, &mut rebuilt);
    }
    sort_stable_by(&mut rebuilt.rows, |a, b| a.lines[0].cmp(&b.lines[0]));
    Some(rebuilt)
}

/// A region's lines sorted: header lines (rebuilt as header rows, their
/// cells kept for the columns' positions) and data lines (split into
/// groups, each on its side).
struct Sorted {
    header_rows: Vec<RebuiltRow>,
    /// Region line index of each data line.
    data: Vec<usize>,
    /// Each data line's groups and the side of each.
    groups: Vec<(Vec<Group>, Vec<usize>)>,
    /// Where each header's layout begins (a data line index), and its cells.
    pages: Vec<(usize, Vec<(usize, String)>)>,
}

fn sort_lines(region: &Region) -> Sorted {
    let def = region.table;
    let mut sorted = Sorted {
        header_rows: Vec::new(),
        data: Vec::new(),
        groups: Vec::new(),
        pages: Vec::new(),
    };
    let mut header: Vec<(usize, String)> = Vec::new();
    // The header block's lines so far (a line seen again starts a new one).
    let mut header_lines: Vec<String> = Vec::new();
    let mut in_header = true;
    let mut side_starts: Vec<Option<usize>> = vec![None; def.sides.len()];
    let mut side1_label: Option<usize> = None;
    for (i, (raw, line)) in region.raw.iter().zip(region.lines).enumerate() {
        // A wrapped label's fragments repeat ("出", "支出") and may have
        // been taken for a watermark: inside a table they are read.
        let noise = line.noise.is_some_and(|n| n != Noise::Watermark);
        if noise || line.is_blank() || is_meta(&line.text) {
            continue;
        }
        let ws = words(raw);
        if ws.is_empty() || is_column_numbers(&ws) {
            continue;
        }
        // A line with a figure is data: most are, and need not be looked up
        // among the header words.
        let cells = if ws.iter().any(|w| is_figure(w.text)) {
            Vec::new()
        } else {
            header_cells(&ws)
        };
        if !cells.is_empty() && is_header_line(def, &cells, in_header && sorted.data.is_empty()) {
            let text: String = cells.iter().map(|(_, t)| t.as_str()).collect();
            if !in_header && is_split_code_header(&cells) {
                // "类 款 项" under a total's figures (a 决算's stacked
                // header): the header's last line, not a new one.
                if let Some((_, page)) = sorted.pages.last_mut() {
                    page.extend(cells.iter().cloned());
                }
                sorted
                    .header_rows
                    .push(header_row(def, region.line_no(i), &cells));
                continue;
            }
            if !in_header || header_lines.contains(&text) {
                // A header printed again after a page break: a new layout.
                header.clear();
                header_lines.clear();
                in_header = true;
            }
            header_lines.push(text);
            sorted
                .header_rows
                .push(header_row(def, region.line_no(i), &cells));
            header.extend(cells);
            continue;
        }
        if in_header {
            // The header's layout holds from this data line on.
            let mut probe = Columns::new(def);
            probe.set_header(def, &header);
            side_starts = (0..def.sides.len()).map(|s| probe.side_start(s)).collect();
            sorted
                .pages
                .push((sorted.data.len(), core::mem::take(&mut header)));
            in_header = false;
        }
        sorted.data.push(i);
        sorted
            .groups
            .push(sides_of(def, &ws, &side_starts, &mut side1_label));
    }
    sorted
}

/// Places every data line's figures, page by page, and splits each line
/// into its sides' parts.
fn place(def: &TableDef, sorted: &Sorted) -> Vec<Vec<SidePart>> {
    let sides = def.sides.len();
    let ends: Vec<Vec<Vec<usize>>> = sorted
        .groups
        .iter()
        .map(|(gs, side_of)| figure_edges(sides, gs, side_of, |g| g.end))
        .collect();
    let mut columns = Columns::new(def);
    let mut parts: Vec<Vec<SidePart>> = vec![Vec::new(); def.sides.len()];
    let mut next_page = 0;
    for (at, (gs, side_of)) in sorted.groups.iter().enumerate() {
        let pages = &sorted.pages;
        if let Some((_, cells)) = pages.get(next_page).filter(|(from, _)| *from == at) {
            columns.set_header(def, cells);
            next_page += 1;
        }
        // A page's own figures are surveyed up to the next header.
        let until = pages.get(next_page).map_or(ends.len(), |(from, _)| *from);
        let starts = figure_edges(sides, gs, side_of, |g| g.start);
        let placed = columns.place_line(&ends[..until], at, &starts);
        let mut line_parts = read_line(def, gs, side_of, &placed, &columns);
        let adjacent = at > 0 && sorted.data[at] == sorted.data[at - 1] + 1;
        for (side, mut part) in parts.iter_mut().zip(line_parts.drain(..)) {
            part.adjacent = adjacent;
            side.push(part);
        }
    }
    parts
}

/// A run of words read as one: a figure, a code, or text (words one space
/// apart).
/// Per side, one edge (where it starts or ends) of each figure of a line.
fn figure_edges(
    sides: usize,
    groups: &[Group],
    side_of: &[usize],
    edge: impl Fn(&Group) -> usize,
) -> Vec<Vec<usize>> {
    (0..sides)
        .map(|s| {
            groups
                .iter()
                .zip(side_of)
                .filter(|(g, &o)| o == s && g.figure)
                .map(|(g, _)| edge(g))
                .collect()
        })
        .collect()
}

struct Group {
    start: usize,
    text: String,
    figure: bool,
    code: bool,
    end: usize,
}

/// How many cells a side's split 科目编码 takes (类, 款, 项 before the
/// name): none unless the side's codes are split.
fn split_code_cells(side: &SideDef) -> usize {
    match side.rows {
        RowScheme::SplitCodes => side.label_cells.saturating_sub(1),
        _ => 0,
    }
}

/// "05", "99": a 款 or 项 cell.
fn is_split_code(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())
}

fn groups(def: &TableDef, ws: &[Word]) -> Vec<Group> {
    let first = &def.sides[0];
    let codes = matches!(first.rows, RowScheme::Codes);
    let split = split_code_cells(first);
    let mut out: Vec<Group> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let code = if split > 0 {
            // 类 | 款 | 项 open the line, each a cell: "201   05   06".
            i < split
                && out.iter().all(|g| g.code)
                && w.text.bytes().all(|b| b.is_ascii_digit())
                && (if i == 0 {
                    // A 类 cell printed short (a glyph lost, "7" for 210)
                    // is still one when a 款 follows: the parser completes
                    // it from the class above and says so (S108).
                    let kuan = ws.get(1).is_some_and(|n| is_split_code(n.text));
                    w.start <= 2 && (w.text.len() == 3 || (w.text.len() < 3 && split > 1 && kuan))
                } else {
                    w.text.len() == 2
                })
        } else {
            i == 0 && codes && is_code(w.text)
        };
        let figure = !code && is_figure(w.text) && !is_in_text(ws, i);
        if let Some(last) = out.last_mut() {
            if !figure && !code && !last.figure && !last.code && w.start == last.end + 1 {
                last.text.push(' ');
                last.text.push_str(w.text);
                last.end = w.end;
                continue;
            }
        }
        out.push(Group {
            start: w.start,
            end: w.end,
            text: w.text.to_string(),
            figure,
            code,
        });
    }
    out
}

/// How far left of the expense side's labels a centred grand total must
/// start to be the income side's.
const MIN_LABEL_GAP: usize = 8;

/// A data line's groups, and which side each is on: in a two-sided table
/// the income label opens the line, the expense label follows, and a
/// figure is on the side of the labels before it (on a line without an
/// expense label, left or right of where the last one stood). A table of
/// more sides is read by position alone (`by_position`).
fn sides_of(
    def: &TableDef,
    ws: &[Word],
    side_starts: &[Option<usize>],
    side1_label: &mut Option<usize>,
) -> (Vec<Group>, Vec<usize>) {
    let gs = groups(def, ws);
    if def.sides.len() > 2 {
        let side_of = by_position(&gs, side_starts);
        return (gs, side_of);
    }
    let side1_start = side_starts.get(1).copied().flatten();
    let two = def.sides.len() > 1;
    // Which side each group is on.
    let mut side_of = vec![0; gs.len()];
    if two {
        // Where the expense side's labels begin, as far as known: a grand
        // total centred in its cell ("收入总计") may start well right of the
        // line's start and still be the income side's.
        let side1_at = side1_label.or(side1_start);
        let mut cur = 0;
        let mut seen_figure = false;
        let mut side0_labels = 0;
        for (g, slot) in gs.iter().zip(side_of.iter_mut()) {
            if g.figure {
                seen_figure = true;
                continue;
            }
            let side0 = cur == 0
                && !seen_figure
                && (g.start <= 2
                    || ((g.text.ends_with("总计") || g.text.ends_with("合计"))
                        && side1_at.is_some_and(|b| g.start + MIN_LABEL_GAP <= b))
                    || (side0_labels > 0 && side0_labels < def.sides[0].label_cells));
            if side0 {
                side0_labels += 1;
            } else {
                cur = 1;
                *slot = 1;
            }
        }
        let first_side1 = gs
            .iter()
            .zip(&side_of)
            .position(|(g, &s)| !g.figure && s == 1);
        if let Some(p) = first_side1 {
            *side1_label = Some(gs[p].start);
        }
        let boundary = side1_label.or(side1_start);
        for (k, g) in gs.iter().enumerate() {
            if g.figure {
                side_of[k] = match first_side1 {
                    Some(p) => usize::from(k > p),
                    None => match boundary {
                        Some(b) if side1_label.is_some() => usize::from(g.start > b),
                        Some(b) => usize::from(g.end >= b),
                        None => 0,
                    },
                };
            }
        }
    }
    (gs, side_of)
}

/// Which side each group of a line is on, in a table of three sides or
/// more, from where the header puts each side's first amount column: a
/// side's labels stand between the previous side's amounts and its own, so
/// a label belongs to the side of the first amount header right of its
/// start; a figure, right-aligned under its header, to the last side whose
/// first amount header starts far enough left of its end. Where the labels
/// before a figure are another side's does not matter: a total's label
/// spanning the middle side's label cell (Jiangsu 01 "当年支出小计") has
/// its figure under the last side's amounts. A side whose header was not
/// found takes no group: its neighbours' do, and what cannot be placed
/// there is left unplaced.
fn by_position(gs: &[Group], side_starts: &[Option<usize>]) -> Vec<usize> {
    let last_at_or_before = |x: usize, lead: usize| {
        side_starts
            .iter()
            .enumerate()
            .rfind(|(_, h)| h.is_some_and(|h| h + lead <= x))
            .map(|(s, _)| s)
    };
    gs.iter()
        .map(|g| {
            if g.figure {
                last_at_or_before(g.end, columns::HEADER_LEAD).unwrap_or(0)
            } else {
                // A label starting at or right of a side's amount header
                // is the next side's.
                last_at_or_before(g.start, 0).map_or(0, |s| (s + 1).min(side_starts.len() - 1))
            }
        })
        .collect()
}

/// Splits a data line into its sides' parts, its figures placed.
fn read_line(
    def: &TableDef,
    gs: &[Group],
    side_of: &[usize],
    placed: &[Option<Vec<usize>>],
    columns: &Columns,
) -> Vec<SidePart> {
    let mine = |s: usize| {
        gs.iter()
            .zip(side_of)
            .filter(move |(_, &o)| o == s)
            .map(|(g, _)| g)
    };
    let figures: Vec<Vec<&Group>> = (0..def.sides.len())
        .map(|s| mine(s).filter(|g| g.figure).collect())
        .collect();
    let mut out = Vec::with_capacity(def.sides.len());
    for (s, side) in def.sides.iter().enumerate() {
        let mut part = SidePart {
            labels: vec![String::new(); side.label_cells],
            ..SidePart::default()
        };
        let has_code = mine(s).any(|g| g.code);
        // A total spread over its cell ("合   计") is one label in pieces.
        let total = !has_code
            && is_total(
                &mine(s)
                    .filter(|g| !g.figure)
                    .map(|g| g.text.as_str())
                    .collect::<String>(),
            );
        let mut code_cell = 0;
        for g in mine(s).filter(|g| !g.figure) {
            let cell = match side.rows {
                RowScheme::Codes if g.code => 0,
                RowScheme::SplitCodes if g.code => {
                    code_cell += 1;
                    code_cell - 1
                }
                RowScheme::Codes | RowScheme::SplitCodes if total => {
                    part.opens = true;
                    0
                }
                RowScheme::Codes | RowScheme::SplitCodes => side.label_cells - 1,
                RowScheme::Economic if g.start > 2 => side.label_cells - 1,
                _ => 0,
            };
            part.opens |= g.code;
            // Only split codes are printed from the top of their cell, a
            // long name wrapping below its code's line (a 13-table layout
            // centres it, fragments above and below).
            part.named |= matches!(side.rows, RowScheme::SplitCodes)
                && has_code
                && !g.code
                && cell + 1 == side.label_cells;
            if let Some(l) = part.labels.get_mut(cell) {
                l.push_str(&g.text);
            }
            part.pieces.push(rows::Piece {
                start: g.start,
                end: g.end,
                text: g.text.clone(),
            });
        }
        let figures = &figures[s];
        part.ends = figures.iter().map(|g| g.end).collect();
        if !figures.is_empty() {
            part.amounts = Some(match &placed[s] {
                Some(cols) => {
                    let mut cells = vec![None; columns.side_width(s)];
                    for (&c, g) in cols.iter().zip(figures.iter()) {
                        cells[c] = Some(g.text.clone());
                    }
                    Ok(cells)
                }
                None => Err(figures.iter().map(|g| g.text.clone()).collect()),
            });
        }
        out.push(part);
    }
    out
}

/// Pairs the rows of a table's sides by vertical centre, in order: the
/// next output row takes, of each side, its next row when that row's centre
/// is within half a line of the lowest next centre. A single-sided table's
/// rows stand alone.
fn pair_sides(side_rows: &[Vec<SideRow>]) -> Vec<Vec<Option<SideRow>>> {
    let mut out = Vec::new();
    let mut next = vec![0; side_rows.len()];
    loop {
        let heads: Vec<Option<&SideRow>> = side_rows
            .iter()
            .zip(&next)
            .map(|(rows, &i)| rows.get(i))
            .collect();
        let Some(lowest) = heads.iter().flatten().map(|r| r.centre2).min() else {
            break;
        };
        let mut pair = Vec::with_capacity(heads.len());
        for (head, i) in heads.iter().zip(next.iter_mut()) {
            match head {
                Some(r) if r.centre2 <= lowest + 1 => {
                    pair.push(Some((*r).clone()));
                    *i += 1;
                }
                _ => pair.push(None),
            }
        }
        out.push(pair);
    }
    out
}

/// Writes one output row: its cells side by side and the lines it cites,
/// the line with its figures first.
fn write_row(
    region: &Region,
    data: &[usize],
    parts: &[Vec<SidePart>],
    pair: &[Option<SideRow>],
    rebuilt: &mut Rebuilt,
) {
    let def = region.table;
    let mut cells = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut home = None;
    let mut unplaced: Vec<String> = Vec::new();
    for (s, (side, row)) in def.sides.iter().zip(pair).enumerate() {
        let width = side.columns.len();
        let Some(row) = row else {
            cells.extend(core::iter::repeat_n(
                String::new(),
                side.label_cells + width,
            ));
            continue;
        };
        let ps: Vec<&SidePart> = row.lines.iter().map(|&i| &parts[s][i]).collect();
        if matches!(side.rows, RowScheme::Units) && side.label_cells == 1 {
            // One cell for the several columns a unit's row prints.
            let pieces: Vec<&rows::Piece> = ps.iter().flat_map(|p| &p.pieces).collect();
            cells.push(rows::columnwise_label(&pieces));
        } else {
            cells.extend(joined_labels(side.label_cells, &ps));
        }
        let amounts = row.anchor.and_then(|a| parts[s][a].amounts.as_ref());
        // Figures whose row cannot be told are reported as printed.
        let as_printed;
        let amounts = match amounts {
            Some(Ok(placed)) if row.uncertain => {
                as_printed = Err(placed.iter().flatten().cloned().collect());
                Some(&as_printed)
            }
            other => other,
        };
        match amounts {
            Some(Ok(placed)) => {
                cells.extend(placed.iter().map(|c| c.clone().unwrap_or_default()));
                home = home.or(row.anchor);
            }
            Some(Err(figures)) => {
                cells.extend(core::iter::repeat_n(UNPLACED.to_string(), width));
                unplaced.extend(figures.iter().cloned());
                home = home.or(row.anchor);
            }
            None => cells.extend(core::iter::repeat_n(String::new(), width)),
        }
        lines.extend(&row.lines);
        for &l in &row.lines {
            lines.extend(&parts[s][l].took);
        }
    }
    sort_unique(&mut lines);
    let home = home
        .or_else(|| pair.iter().flatten().find_map(|r| r.anchor))
        .unwrap_or(lines[0]);
    let mut nos = vec![region.line_no(data[home])];
    nos.extend(
        lines
            .iter()
            .filter(|&&l| l != home)
            .map(|&l| region.line_no(data[l])),
    );
    if !unplaced.is_empty() {
        rebuilt.unplaced.push(UnplacedRow {
            lines: nos.clone(),
            table: def.id,
            reason: format!("{} 个数字无法按对齐唯一确定各自的列", unplaced.len()),
            figure_lines: vec![nos[0]; unplaced.len()],
            figures: unplaced,
            rows_unread: false,
        });
    }
    rebuilt.rows.push(RebuiltRow { lines: nos, cells });
}

#[cfg(test)]
mod tests {
    use crate::lines::Lines;
    use crate::profile::JIANGSU12;

    /// The rows the layout reader writes for `table` (a Jiangsu 公开09表
    /// region: title, unit line, then `body`): each placed line's cells.
    fn rows_of(body: &str) -> Vec<Vec<String>> {
        let text = format!(
            "公开09表\n“三公”经费、会议费、培训费支出预算表\n部门：江苏省人民检察院      单位：万元\n{body}"
        );
        let mut lines = Lines::from_text(&text);
        let mut raw: Vec<&str> = text.split('\n').collect();
        crate::rebuild::rebuild(&mut lines, &mut raw, &JIANGSU12);
        lines
            .all
            .iter()
            .filter(|l| {
                l.placed
                    && l.cells()
                        .any(|c| c.starts_with(|c: char| c.is_ascii_digit()))
            })
            .map(|l| l.cells().map(String::from).collect())
            .collect()
    }

    /// A narrow column's figure ends two characters right of its header
    /// word's start ("因公出" over "80"), too close for the header's bounds,
    /// yet under that word alone; "合计" opens a header line of a table
    /// whose rows have no label.
    #[test]
    fn places_a_narrow_column_under_its_header_word() {
        let body = [
            "                                   “三公”经费",
            "                                   公务用车购置及运行维护费",
            "  合计                因公出                               公务接      会议费      培训费",
            "                    国（境）             公务用车购    公务用车运",
            "            小计       费       小计                        待费",
            "                                       置费     行维护费",
            "",
            " 1276.7    418.26   80       237              237     101.26   158.44    700",
        ]
        .join("\n");
        assert_eq!(
            rows_of(&body),
            [["1276.7", "418.26", "80", "237", "", "237", "101.26", "158.44", "700"]]
        );
    }

    /// Two narrow columns' names one space apart ("公务用车购置 公务用车运行")
    /// are each its column's.
    #[test]
    fn tells_header_words_one_space_apart() {
        let body = [
            "                                          “三公”经费",
            "                                          公务用车购置及运行维护费",
            "   合计                         因公出国                                                    会议费        培训费",
            "                小计                                                         公务接待费",
            "                              （境）费                     公务用车购置 公务用车运行",
            "                                         小计",
            "                                                          费     维护费",
            "",
            "     1,467.70        509.20      70.00        411.20              411.20      28.00     933.50      25.00",
        ]
        .join("\n");
        assert_eq!(
            rows_of(&body),
            [
                [
                    "1,467.70", "509.20", "70.00", "411.20", "", "411.20", "28.00", "933.50",
                    "25.00"
                ]
            ]
        );
    }
}
