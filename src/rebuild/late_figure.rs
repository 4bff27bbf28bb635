//! A figure printed apart from its row, after a later row's label.
//!
//! One cell a line follows the order in which the PDF draws its text, and
//! a table's drawing sometimes leaves a cell for later: shangwu's 收入总表
//! draws 合计's 上年结转 "967.77" after the label of 2101101 行政单位医疗,
//! the page's last row; its 支出总表 draws 2160699's 项目支出 "18.00" after
//! the label of 2210201 住房公积金, the table's last. That row's own figures
//! came before its label, read with the row before it ("20.10 20.10 20.10
//! 20.10", two rows' worth), so the reading gives the row a figure not its
//! own and the row before one row's figures too many: no placement holds,
//! and the table is left unplaced.
//!
//! So when a reading leaves rows unplaced, each run of one figure read
//! after a single row's label, the run before it failing alone (`place::
//! AloneCheck`), is tried as such a figure: moved to the end
//! of a run printed before it on its page (the figures of the row it
//! belongs to, read after that row's label), its row left to the run
//! before, as a row whose figures were printed ahead — each move weighed
//! first by the two runs it changes, which must hold their figures by the
//! sums within their own cells. A move is taken only
//! when it is the one move of them all that places every figure of the
//! table, each run in exactly one way, every sum holding — or when the
//! moves that do all read the table alike (`place` moves a figure drifted
//! into the next row's run back, `repair_drift`: two moves may end in one
//! reading). The figure keeps its own line, so that a finding on its cell
//! cites where it is printed.

use super::place::{self, Draft, Effort, Known, Run};
use super::{RebuiltRow, Region};
use crate::prelude::*;

/// Most moves placed for one table, each a placing of the whole table
/// (those whose two changed runs cannot hold their figures are dropped
/// before: shangwu's 收入总表 places 14 of its 31 moves in its first full
/// reading, 3 once its 支出总表 is known).
const MOVES: usize = 64;

/// The runs with a move that places the whole table, when every move
/// that does reads the table alike.
pub fn moved(
    region: &Region,
    drafts: &[Draft],
    runs: &[Run],
    known: &Known,
    page_of: impl Fn(usize) -> usize,
) -> Option<Vec<Run>> {
    // A first reading knows only the tables before this one (`Effort`):
    // the moves wait for the reading with every table known, when the
    // sums that tell them apart are all there. Figures read apart from
    // every row are placed as a block, by a search each move would repeat
    // (`place`): such a table is not tried.
    if known.effort() == Effort::First
        || runs
            .iter()
            .any(|r| r.slots.is_empty() && !r.figures.is_empty())
    {
        return None;
    }
    let first_line = |run: &Run| {
        let d = run.slots.first()?.0;
        drafts[d].lines.iter().copied().min()
    };
    let check = place::AloneCheck::new(region.table, region.profile, drafts, known);
    let fails: Vec<bool> = runs.iter().map(|r| check.fails(r)).collect();
    // The first move that places the table, and the rows it gives.
    let mut found: Option<(Vec<Run>, Vec<RebuiltRow>)> = None;
    let mut tried = 0;
    for from in lone_figures(runs, &fails) {
        let line = runs[from].lines[0];
        for (to, run) in runs.iter().enumerate() {
            let before = first_line(run).is_some_and(|l| l < line && page_of(l) == page_of(line));
            if to == from || !before {
                continue;
            }
            let moved = with_move(runs, from, to);
            // The two runs the move changed must each hold their figures
            // before the whole table is placed.
            if check.fails(&moved[from - 1]) || check.fails(&moved[to]) {
                continue;
            }
            tried += 1;
            if tried > MOVES {
                return None;
            }
            let Some(rows) =
                place::placed_whole(region.table, region.profile, drafts, &moved, known)
            else {
                continue;
            };
            match &found {
                // Two moves that read the table alike are one reading.
                Some((_, first)) if *first != rows => return None,
                Some(_) => {}
                None => found = Some((moved, rows)),
            }
        }
    }
    found.map(|(moved, _)| moved)
}

/// The runs of one figure over one row whose run before ends at the row
/// before it and fails alone (`place::AloneCheck`): it holds the row's
/// figures, printed ahead with its own, so that the lone figure is not the
/// row's (shangwu's "20.10 20.10 20.10 20.10" of 21011 and 2101101, then
/// 2101101's label and "967.77").
fn lone_figures(runs: &[Run], fails: &[bool]) -> Vec<usize> {
    let one_row = |run: &Run| {
        let d = run.slots.first()?.0;
        run.slots.iter().all(|s| s.0 == d).then_some(d)
    };
    (1..runs.len())
        .filter(|&r| runs[r].figures.len() == 1 && fails[r - 1])
        .filter(|&r| {
            let (Some(row), Some(last_before)) = (one_row(&runs[r]), runs[r - 1].slots.last())
            else {
                return false;
            };
            last_before.0 + 1 == row
        })
        .collect()
}

/// `runs` with run `from`'s figure put at the end of run `to`, and its row
/// (its cells) given to the run before it.
fn with_move(runs: &[Run], from: usize, to: usize) -> Vec<Run> {
    let mut moved = runs.to_vec();
    let lone = moved.remove(from);
    let to = if to > from { to - 1 } else { to };
    moved[to].figures.extend(lone.figures);
    moved[to].lines.extend(lone.lines);
    moved[from - 1].slots.extend(lone.slots);
    moved
}

#[cfg(test)]
mod tests {
    use crate::profile::BUDGET13;
    use crate::rebuild::place::Known;
    use crate::rebuild::{raw, with_region, Rebuilt};

    /// shangwu's 支出总表 one cell a line, cut to its last two classes: the
    /// figures of 2210201 are printed ahead with 22102's, and 2160699's
    /// 项目支出 "18.00" after 2210201's label.
    const LATE: &str = "合计\n\n53.43\n\n35.43\n\n18.00\n\n216\n\n商业服务业等支出\n\n18.00\n\n\
        18.00\n\n21606\n\n涉外发展服务支出\n\n18.00\n\n18.00\n\n2160699\n\n其他涉外发展服务支出\n\n\
        18.00\n\n221\n\n住房保障支出\n\n35.43\n\n35.43\n\n22102\n\n住房改革支出\n\n35.43\n\n\
        35.43\n\n35.43\n\n35.43\n\n2210201 住房公积金\n\n18.00\n";

    fn read(text: &str) -> Rebuilt {
        with_region(&BUDGET13, "表三", text, |region| {
            raw::read(region, &mut Known::default())
        })
        .expect("read")
    }

    fn cells_of<'r>(rebuilt: &'r Rebuilt, code: &str) -> &'r [String] {
        let row = rebuilt
            .rows
            .iter()
            .find(|r| r.cells[0] == code)
            .expect(code);
        &row.cells[2..]
    }

    #[test]
    fn a_figure_printed_after_a_later_row_s_label_goes_back_to_its_row() {
        let rebuilt = read(LATE);
        assert!(rebuilt.unplaced.is_empty(), "{:?}", rebuilt.unplaced);
        assert_eq!(cells_of(&rebuilt, "2160699"), ["18.00", "", "18.00"]);
        assert_eq!(cells_of(&rebuilt, "2210201"), ["35.43", "35.43", ""]);
        // The figure is cited at its own line, with its row's.
        let row = rebuilt
            .rows
            .iter()
            .find(|r| r.cells[0] == "2160699")
            .expect("row");
        assert_eq!(row.lines.last(), Some(&53));
    }

    #[test]
    fn a_figure_no_move_places_leaves_the_table_unplaced() {
        // 2160699's 项目支出 printed as 17.00: no row takes it.
        let rebuilt =
            read(&LATE.replace("2210201 住房公积金\n\n18.00", "2210201 住房公积金\n\n17.00"));
        assert!(!rebuilt.unplaced.is_empty());
    }
}
