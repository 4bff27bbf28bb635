//! A two-sided table of split codes whose cells the PDF set at staggered
//! heights (the 决算's 基本支出决算表: 人员经费 | 公用经费, each 类 | 款 |
//! 名称 | 决算数), in single-spaced text. pdfplumber prints each height of
//! a row on a line of its own, both sides' pieces on it, left to right:
//!
//! ```text
//! 301 08 机关事业单位基本养老保险缴 302
//! 06 电费
//! 费 160.75
//! ```
//!
//! A browser's PDF viewer (Chrome's) prints each row's left side, then its
//! right side, the right 类 on a later line where the left name wraps:
//!
//! ```text
//! 301 08 机关事业单位基本养老保险缴
//! 费
//! 160.75 302 06 电费
//! ```
//!
//! A row of the table starts at a line opening with a 类 code and runs to
//! the next such line; its 类 codes, wherever they stand in it, tell the
//! sides it holds, and each side's 类 is its first piece. On every line the
//! pieces stand in the columns' order — 类 款 名称 决算数 of the left
//! side, then of the right — and a side's row has one 类, one 款 at most
//! and one figure at most. Every way of giving a row's pieces to the
//! columns that keeps these is tried ([`readings`]):
//! - a 类 or 款 code must go one way only, or the table is left to the
//!   other readers: codes are what the checks compare;
//! - a figure that may be either side's ("费 160.75": the left side's
//!   figure after its name, or the right side's after either name) is
//!   placed by the table's sums (`place`: 类 = Σ 款, 人员经费合计 = 301 +
//!   303 …) as a run over both sides' cells;
//! - a name piece that may be either side's (a wrapped name's last piece
//!   on a line of its own) leaves both rows' names unsure: their figures
//!   are reported (S106) rather than read under a name put together
//!   wrongly.
//!
//! A 类 line holding one code is a row of one side: the side at that 类
//! while the other has ended or is at another one (the left side ends
//! first: "302" / "40 税金及附加费用"). The line "人员经费合计 2,152.26
//! 公用经费合计 184.65" gives each side's total. `layout::staggered` reads
//! the same table laid out by spaces, where the columns tell the sides.

use super::place::{self, Draft, Known, Role, Run};
use super::rows_on_one_line::OnLine;
use super::tokens::{header_row, is_figure, is_meta};
use super::{Rebuilt, RebuiltRow, Region, UnplacedRow, UNPLACED};
use crate::lines::Noise;
use crate::prelude::*;

/// Left and right.
const SIDES: usize = 2;

/// Most pieces one row may have: the readings tried are at most two to
/// this power.
const MOST_PIECES: usize = 16;

/// A column of one side, in the order a line prints them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Column {
    Class,
    Kuan,
    Name,
    Figure,
}

/// A word, or consecutive name words (a name the PDF spaces out, "因 公 出
/// 国 （ 境 ） 费", is one piece), and its region line index.
#[derive(Clone)]
struct Piece {
    text: String,
    column: Column,
    line: usize,
}

/// The pieces of one printed row, line by line, and which sides have a
/// row in it.
struct Group {
    lines: Vec<Vec<Piece>>,
    sides: [bool; SIDES],
}

/// What one side's row was read as.
#[derive(Default)]
struct SideRow {
    class: String,
    kuan: String,
    name: String,
    name_unsure: bool,
    /// Region line indices of its codes and name.
    lines: Vec<usize>,
}

/// Whether the reader is for this region's table.
pub fn applies(region: &Region) -> bool {
    super::layout::staggered_applies(region.table)
}

/// The region's rows, their figures placed; None when its lines are not
/// laid out this way or a code could be read two ways.
pub fn read(region: &Region, known: &mut Known) -> Option<Rebuilt> {
    if !applies(region) {
        return None;
    }
    let data: Vec<usize> = (0..region.raw.len())
        .filter(|&i| {
            let line = &region.lines[i];
            !line.is_blank() && !matches!(line.noise, Some(Noise::Page))
        })
        .collect();
    let first = data.iter().position(|&i| opens_row(region.raw[i]))?;
    let (head, body) = data.split_at(first);
    // A figure above the first row: whose?
    if head
        .iter()
        .any(|&i| region.raw[i].split_whitespace().any(is_figure))
    {
        return None;
    }
    let (groups, totals) = groups(region, body)?;
    let mut drafts: Vec<Draft> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    for group in &groups {
        read_group(region, group, &mut drafts, &mut runs)?;
    }
    read_totals(region, totals?, &mut drafts, &mut runs)?;
    let (rows, mut unplaced) =
        place::place(region.table, region.profile, &drafts, &runs, known, true);
    let mut rows_out: Vec<RebuiltRow> = head
        .iter()
        .filter(|&&i| !is_meta(region.raw[i]))
        .filter_map(|&i| header_row(region, &[region.line_no(i)]))
        .collect();
    rows_out.extend(rows);
    unplace_unsure_names(region, &drafts, &runs, &mut rows_out, &mut unplaced);
    Some(Rebuilt {
        rows: rows_out,
        unplaced,
        ..Rebuilt::default()
    })
}

/// "301": a 类 code.
fn is_class(word: &str) -> bool {
    word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit())
}

/// "01": a 款 code.
fn is_kuan(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit())
}

/// A line opening with a 类 code starts a row.
fn opens_row(line: &str) -> bool {
    line.split_whitespace().next().is_some_and(is_class)
}

/// "人员经费合计": a side's total.
fn is_total(word: &str) -> bool {
    word.ends_with("合计")
}

/// The rows from the first 类 line on, and the totals line; None when a
/// row's sides cannot be told or a line stands after the totals. A row
/// runs from a line opening with a 类 to the next: its 类 codes, on its
/// first line (pdfplumber) or the right one after a wrapped left name
/// (Chrome's viewer: "301 08 …养老保险缴" / "费" / "160.75 302 06 电费"),
/// tell which sides it holds.
fn groups(region: &Region, body: &[usize]) -> Option<(Vec<Group>, Option<usize>)> {
    let mut printed: Vec<Vec<usize>> = Vec::new();
    let mut totals = None;
    for &i in body {
        let first = region.raw[i].split_whitespace().next();
        if totals.is_some() {
            return None;
        }
        if first.is_some_and(is_total) {
            totals = Some(i);
        } else if opens_row(region.raw[i]) {
            printed.push(vec![i]);
        } else {
            printed.last_mut()?.push(i);
        }
    }
    // Each side's 类 so far, and whether it has ended.
    let mut current: [Option<&str>; SIDES] = [None, None];
    let mut ended = [false; SIDES];
    let mut groups: Vec<Group> = Vec::with_capacity(printed.len());
    for lines in printed {
        let classes: Vec<&str> = lines
            .iter()
            .flat_map(|&i| region.raw[i].split_whitespace())
            .filter(|w| is_class(w))
            .collect();
        let sides = match classes[..] {
            [left, right] if !ended[0] && !ended[1] => {
                current = [Some(left), Some(right)];
                [true, true]
            }
            [only] => {
                let side = lone_side(only, current, ended)?;
                ended[1 - side] = true;
                current[side] = Some(only);
                let mut sides = [false; SIDES];
                sides[side] = true;
                sides
            }
            _ => return None,
        };
        // The first row prints both sides' 类.
        if groups.is_empty() && sides != [true, true] {
            return None;
        }
        let words = |i: usize| region.raw[i].split_whitespace().collect::<Vec<_>>();
        groups.push(Group {
            lines: lines.iter().map(|&i| pieces(i, &words(i))).collect(),
            sides,
        });
    }
    Some((groups, totals))
}

/// The side a 类 line holding one code is a row of: the side at that 类
/// while the other has ended or is at another 类, or the side left once
/// the other has ended; None when it could be either's.
fn lone_side(class: &str, current: [Option<&str>; SIDES], ended: [bool; SIDES]) -> Option<usize> {
    let fits = |s: usize| !ended[s] && (current[s] == Some(class) || ended[1 - s]);
    match (fits(0), fits(1)) {
        (true, false) => Some(0),
        (false, true) => Some(1),
        _ => None,
    }
}

/// A line's pieces: codes, figures and runs of name words.
fn pieces(line: usize, words: &[&str]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for &w in words {
        let column = if is_class(w) {
            Column::Class
        } else if is_kuan(w) {
            Column::Kuan
        } else if is_figure(w) {
            Column::Figure
        } else {
            Column::Name
        };
        match out.last_mut() {
            Some(last) if column == Column::Name && last.column == Column::Name => {
                last.text.push_str(w)
            }
            _ => out.push(Piece {
                text: w.to_string(),
                column,
                line,
            }),
        }
    }
    out
}

/// Every way of giving the group's pieces (in reading order) a side that
/// keeps each line's pieces in the columns' order, a side's 类 first on
/// the row's first line, and each side's row one 类, one 款 and one
/// figure at most; each reading is the side of every piece.
fn readings(group: &Group) -> Vec<Vec<usize>> {
    let pieces: Vec<&Piece> = group.lines.iter().flatten().collect();
    let mut out = Vec::new();
    let mut sides = Vec::with_capacity(pieces.len());
    extend(group, &pieces, &mut sides, &mut out);
    out
}

fn extend(group: &Group, pieces: &[&Piece], sides: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let k = sides.len();
    if k == pieces.len() {
        if (0..SIDES).all(|s| !group.sides[s] || has(pieces, sides, s, Column::Class)) {
            out.push(sides.clone());
        }
        return;
    }
    let piece = pieces[k];
    for side in (0..SIDES).filter(|&s| group.sides[s]) {
        let at = (side, piece.column);
        // After the piece before it on its line, in the columns' order.
        let ordered =
            k == 0 || pieces[k - 1].line != piece.line || (sides[k - 1], pieces[k - 1].column) < at;
        let once = piece.column == Column::Name || !has(&pieces[..k], sides, side, piece.column);
        // A side's 类 opens its row: its first piece. pdfplumber prints
        // both 类 on the row's first line; Chrome's viewer prints a side's
        // pieces after the other's, the right 类 after a wrapped left name.
        let class_first = (piece.column == Column::Class) != sides.contains(&side);
        if ordered && once && class_first {
            sides.push(side);
            extend(group, pieces, sides, out);
            sides.pop();
        }
    }
}

/// For each of `pieces` pieces, the sides the readings give it.
fn sides_taken(readings: &[&Vec<usize>], pieces: usize) -> Vec<[bool; SIDES]> {
    (0..pieces)
        .map(|k| {
            let mut taken = [false; SIDES];
            for reading in readings {
                taken[reading[k]] = true;
            }
            taken
        })
        .collect()
}

/// Whether each side's name in `reading` stands on lines centred on the
/// same line as the other side's (a name on one line: that line), when
/// both sides have one.
fn names_centred(pieces: &[&Piece], reading: &[usize], sides: [bool; SIDES]) -> bool {
    let centre = |side: usize| {
        let lines = pieces
            .iter()
            .zip(reading)
            .filter(|(p, &s)| s == side && p.column == Column::Name)
            .map(|(p, _)| p.line);
        Some(lines.clone().min()? + lines.max()?)
    };
    match (sides, centre(0), centre(1)) {
        ([true, true], Some(left), Some(right)) => left == right,
        _ => true,
    }
}

/// Whether a piece in `column` is given to `side` among the first pieces.
fn has(pieces: &[&Piece], sides: &[usize], side: usize, column: Column) -> bool {
    pieces
        .iter()
        .zip(sides)
        .any(|(p, &s)| s == side && p.column == column)
}

/// The drafts of a group's rows and the runs of its figures; None when
/// its codes can be read two ways (or not at all).
fn read_group(
    region: &Region,
    group: &Group,
    drafts: &mut Vec<Draft>,
    runs: &mut Vec<Run>,
) -> Option<()> {
    let pieces: Vec<&Piece> = group.lines.iter().flatten().collect();
    if pieces.len() > MOST_PIECES {
        return None;
    }
    let readings = readings(group);
    let first = readings.first()?;
    // The sides each piece may be given.
    let may = sides_taken(&readings.iter().collect::<Vec<_>>(), pieces.len());
    // A name piece goes where both sides' names are centred on one line,
    // when some reading does so (the PDF centres each cell in its row).
    let centred: Vec<&Vec<usize>> = readings
        .iter()
        .filter(|r| names_centred(&pieces, r, group.sides))
        .collect();
    let name_may = sides_taken(&centred, pieces.len());
    let certain = |k: usize| may[k].iter().filter(|&&m| m).count() == 1;
    let name_side = |k: usize| match name_may[k] {
        [true, false] => Some(0),
        [false, true] => Some(1),
        _ => None,
    };
    let mut rows: [SideRow; SIDES] = Default::default();
    let mut figures: Vec<usize> = Vec::new();
    let mut unsure_name = false;
    for (k, piece) in pieces.iter().enumerate() {
        let side = first[k];
        match piece.column {
            Column::Class | Column::Kuan if !certain(k) => return None,
            Column::Class => rows[side].class = piece.text.clone(),
            Column::Kuan => rows[side].kuan = piece.text.clone(),
            Column::Name => match name_side(k) {
                Some(side) => {
                    rows[side].name.push_str(&piece.text);
                    rows[side].lines.push(piece.line);
                    continue;
                }
                None => unsure_name = true,
            },
            Column::Figure => {
                figures.push(k);
                continue;
            }
        }
        rows[side].lines.push(piece.line);
    }
    let mut index = [None; SIDES];
    for (s, row) in rows.iter_mut().enumerate() {
        if !group.sides[s] {
            continue;
        }
        row.name_unsure = unsure_name;
        crate::slices::sort_unique(&mut row.lines);
        index[s] = Some(drafts.len());
        drafts.push(draft(region, s, row));
    }
    // A figure either side's is placed by the sums; two such, or more, in
    // one row: which is whose is a matter of their order, left to `place`
    // only for one.
    let open: Vec<usize> = figures.iter().copied().filter(|&k| !certain(k)).collect();
    if open.len() > 1 {
        return None;
    }
    for k in figures {
        let slots: Vec<(usize, usize)> = (0..SIDES)
            .filter(|&s| may[k][s])
            .filter_map(|s| Some((index[s]?, 0)))
            .collect();
        runs.push(Run {
            figures: vec![pieces[k].text.clone()],
            slots,
            lines: vec![region.line_no(pieces[k].line)],
            second_line: None,
        });
    }
    Some(())
}

/// A side's row as `place` takes it: its code (类 and 款), labels 类 | 款 |
/// 名称.
fn draft(region: &Region, side: usize, row: &SideRow) -> Draft {
    Draft {
        side,
        role: Role::Code(format!("{}{}", row.class, row.kuan)),
        labels: vec![row.class.clone(), row.kuan.clone(), row.name.clone()],
        lines: row.lines.iter().map(|&i| region.line_no(i)).collect(),
        name_unsure: row.name_unsure.then(|| UNSURE_NAME.to_string()),
        on_line: OnLine::First,
    }
}

/// Why a row whose name piece may be either side's is not read.
const UNSURE_NAME: &str =
    "本行左右两栏的名称折行，单空格文本中末尾一段可属于任一栏，无法确定本行的名称";

/// The totals line: each side's label ending "合计" and the figure after
/// it, the left side's before the right side's label.
fn read_totals(
    region: &Region,
    line: usize,
    drafts: &mut Vec<Draft>,
    runs: &mut Vec<Run>,
) -> Option<()> {
    let words: Vec<&str> = region.raw[line].split_whitespace().collect();
    let labels: Vec<usize> = (0..words.len()).filter(|&k| is_total(words[k])).collect();
    let [left, right] = labels[..] else {
        return None;
    };
    let ends = [right, words.len()];
    for (side, (&start, end)) in [left, right].iter().zip(ends).enumerate() {
        let figures = &words[start + 1..end];
        if figures.len() > 1 || !figures.iter().all(|w| is_figure(w)) {
            return None;
        }
        let d = drafts.len();
        drafts.push(Draft {
            side,
            role: Role::Total,
            labels: vec![words[start].to_string(), String::new(), String::new()],
            lines: vec![region.line_no(line)],
            name_unsure: None,
            on_line: OnLine::First,
        });
        runs.extend(figures.iter().map(|f| Run {
            figures: vec![f.to_string()],
            slots: vec![(d, 0)],
            lines: vec![region.line_no(line)],
            second_line: None,
        }));
    }
    Some(())
}

/// The figure of each row whose name is unsure, written unplaced and
/// reported (S106); its figure still counted in the sums that placed the
/// others.
fn unplace_unsure_names(
    region: &Region,
    drafts: &[Draft],
    runs: &[Run],
    rows: &mut [RebuiltRow],
    unplaced: &mut Vec<UnplacedRow>,
) {
    let side_cells = |s: usize| {
        let side = &region.table.sides[s];
        side.label_cells + side.columns.len()
    };
    for (d, draft) in drafts.iter().enumerate() {
        let Some(why) = &draft.name_unsure else {
            continue;
        };
        let Some(row) = rows.iter_mut().find(|r| r.lines.contains(&draft.lines[0])) else {
            continue;
        };
        let at = (0..draft.side).map(side_cells).sum::<usize>()
            + region.table.sides[draft.side].label_cells;
        let Some(cell) = row.cells.get_mut(at) else {
            continue;
        };
        if cell.trim().is_empty() || cell == UNPLACED {
            continue;
        }
        let figure = core::mem::replace(cell, UNPLACED.to_string());
        let figure_line = runs
            .iter()
            .find(|r| r.slots.contains(&(d, 0)) && r.figures[0] == figure)
            .map(|r| r.lines[0]);
        unplaced.push(UnplacedRow {
            lines: row.lines.clone(),
            table: region.table.id,
            figures: vec![figure],
            figure_lines: figure_line.into_iter().collect(),
            reason: why.clone(),
            rows_unread: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SHANGHAI_FINAL;
    use crate::rebuild::with_region;

    /// The region of the 决算's 表六 holding `text`, read.
    fn read_text(text: &str) -> Option<Rebuilt> {
        with_region(&SHANGHAI_FINAL, "表六", text, |region| {
            read(region, &mut Known::default())
        })
    }

    fn cells(rebuilt: &Rebuilt) -> Vec<Vec<&str>> {
        rebuilt
            .rows
            .iter()
            .filter(|r| r.cells.len() == 8)
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    /// 普陀区财政局 2024's 表六 as pdfplumber prints it, cut short: the
    /// left side's wrapped name ends on the figure's line.
    const PRINTED: &str = "经济分类 经济分类
科目名称 决算数 科目名称 决算数
301 302
工资福利支出 423.08 商品和服务支出 28.82
301 01 302
基本工资 01 办公费
262.33 21.21
301 08 机关事业单位基本养老保险缴 302
06 电费
费 160.75
301 09 302
职业年金缴费 07 邮电费
7.61
人员经费合计 423.08 公用经费合计 28.82";

    #[test]
    fn pieces_go_where_each_line_s_order_and_the_sums_put_them() {
        let rebuilt = read_text(PRINTED).expect("read");
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        let want = [
            [
                "301",
                "",
                "工资福利支出",
                "423.08",
                "302",
                "",
                "商品和服务支出",
                "28.82",
            ],
            [
                "301",
                "01",
                "基本工资",
                "262.33",
                "302",
                "01",
                "办公费",
                "21.21",
            ],
            // "费" centres the left name on the 电费 line; 160.75 is the
            // left side's by 301 = Σ its 款.
            [
                "301",
                "08",
                "机关事业单位基本养老保险缴费",
                "160.75",
                "302",
                "06",
                "电费",
                "",
            ],
            // A lone figure: 302 = 21.21 + 7.61.
            [
                "301",
                "09",
                "职业年金缴费",
                "",
                "302",
                "07",
                "邮电费",
                "7.61",
            ],
            [
                "人员经费合计",
                "",
                "",
                "423.08",
                "公用经费合计",
                "",
                "",
                "28.82",
            ],
        ];
        assert_eq!(cells(&rebuilt), want.map(|r| r.to_vec()));
    }

    #[test]
    fn a_name_piece_either_side_s_leaves_both_names_unsure() {
        // "费" under both names on their one line: no reading centres them.
        let text = PRINTED.replace(
            "301 08 机关事业单位基本养老保险缴 302\n06 电费\n费 160.75",
            "301 08 302\n机关事业单位基本养老保险缴 06 电费\n费 160.75",
        );
        let rebuilt = read_text(&text).expect("read");
        let row = &cells(&rebuilt)[2];
        assert_eq!(row[3], UNPLACED, "{row:?}");
        assert_eq!(rebuilt.unplaced.len(), 1, "{:?}", rebuilt.unplaced);
        assert_eq!(rebuilt.unplaced[0].figures, ["160.75"]);
        assert_eq!(rebuilt.unplaced[0].reason, UNSURE_NAME);
    }

    /// The same table as Chrome's viewer copies it: each line a left row,
    /// then a right row; a wrapped left name pushes the right 类 down.
    const COPIED: &str = "经济分类 经济分类
科目名称 决算数 科目名称 决算数
301 工资福利支出 423.08 302 商品和服务支出 28.82
301 01 基本工资 262.33 302 01 办公费 21.21
301 06 伙食补助费 302 04 手续费 0.09
301 09 职业年金缴费 160.75 302 07 邮电费 7.52
人员经费合计 423.08 公用经费合计 28.82";

    #[test]
    fn a_copy_s_left_row_then_right_row_are_read_as_their_sides() {
        let rebuilt = read_text(COPIED).expect("read");
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        let rows = cells(&rebuilt);
        assert_eq!(
            rows[2],
            ["301", "06", "伙食补助费", "", "302", "04", "手续费", "0.09"]
        );
        assert_eq!(rows.len(), 5, "{rows:?}");
    }

    #[test]
    fn a_right_class_after_a_wrapped_left_name_opens_the_right_row() {
        let text = COPIED.replace(
            "301 09 职业年金缴费 160.75 302 07 邮电费 7.52",
            "301 09 机关事业单位基本养老保险缴\n费\n160.75 302 07 邮电费 7.52",
        );
        let rebuilt = read_text(&text).expect("read");
        let row = &cells(&rebuilt)[3];
        assert_eq!(row[..4], ["301", "09", "", UNPLACED], "{row:?}");
        assert_eq!(row[4..], ["302", "07", "", UNPLACED], "{row:?}");
        // "费" may end either name: both unsure, their figures reported.
        let figures: Vec<&str> = rebuilt
            .unplaced
            .iter()
            .flat_map(|u| u.figures.iter().map(String::as_str))
            .collect();
        assert_eq!(figures, ["160.75", "7.52"], "{:?}", rebuilt.unplaced);
        assert!(rebuilt.unplaced.iter().all(|u| u.reason == UNSURE_NAME));
    }

    #[test]
    fn a_code_either_side_s_leaves_the_table_to_the_other_readers() {
        // "06" alone on a line: the left row's 款 or the right row's?
        let text = PRINTED.replace(
            "301 08 机关事业单位基本养老保险缴 302\n06 电费",
            "301 302\n机关事业单位基本养老保险缴\n06\n电费",
        );
        assert!(read_text(&text).is_none());
    }

    #[test]
    fn a_first_row_of_one_side_leaves_the_table_to_the_other_readers() {
        let text = PRINTED.replacen("301 302\n", "301\n", 1);
        assert!(read_text(&text).is_none());
        // Nor one cell a line: no 类 line holds both sides'.
        let raw = PRINTED.replace(' ', "\n");
        assert!(read_text(&raw).is_none());
    }
}
