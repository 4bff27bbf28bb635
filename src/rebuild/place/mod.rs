//! Placing a row's figures into its columns when the text lost the empty
//! cells (`raw.rs`, `spaced.rs`): a small constraint solver over one table.
//!
//! A shape reader gives the table's rows ([`Draft`]: side, what the row is,
//! its label cells) and its figure runs ([`Run`]: figures in reading order
//! and the columns, of one row or of two, they may stand in). Every
//! order-keeping way to put a run's figures into its slots is a candidate.
//! The profile's identities become sums over cells (row sums, 类 = Σ 款,
//! fixed-row totals, 表六 groups, units, a tree's root bounding its rows,
//! and equalities with tables already placed — before it, or after it when
//! `rebuild` places a table again —, totals and by 科目: `known.rs`); a
//! candidate that no
//! combination of its neighbours' candidates lets satisfy a sum, rounding
//! allowed (`arith`), is dropped. A run left with one candidate is placed;
//! otherwise the cells its candidates disagree on are written
//! [`super::UNPLACED`] and the row is reported. A sum no combination can
//! satisfy is not used to drop anything: the document itself disagrees
//! there, whatever the reading, and the rules say so.
//!
//! Figures the reader found no row for (one cell a line prints a 收支总表's
//! figures in blocks apart from their labels) make one run over the rows
//! no other run fills, each side's figures in reading order; a run with
//! too many placements to list is searched (`search.rs`), a placement
//! dropped as soon as a sum within the run fails. Candidates that write
//! the same figures in the same cells are one reading. A run holding a
//! figure an extractor cut in two ("267.8" "0", `split.rs`) leaves the
//! table unplaced.

mod known;
mod pair;
mod search;
mod split;

use alloc::collections::BTreeMap;

use known::Sel;
pub use known::{Effort, Known};

use super::rows_on_one_line::OnLine;
use super::{RebuiltRow, UnplacedRow, UNPLACED};

use crate::arith::Term;
use crate::decimal;
use crate::model::Amount;
use crate::prelude::*;
use crate::profile::{Identity, PartRows, Profile, RowSel, TableDef};
use crate::slices::{sort_stable_by, sort_unique};
use crate::text::fold_key;

/// What a row is, for the identities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// 合计 / 部门合计.
    Total,
    /// A 科目编码 row.
    Code(String),
    /// A fixed row, by key.
    Fixed(&'static str),
    /// 表六 group / item.
    Group,
    Item,
    /// 表十一 unit, project-tree node.
    Unit,
    Node,
}

/// One table row as a reader found it, its figures not yet placed.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Index into the table's sides.
    pub side: usize,
    pub role: Role,
    /// The label cells as printed.
    pub labels: Vec<String>,
    /// Input lines the row's labels came from.
    pub lines: Vec<usize>,
    /// Why the row's name cannot be told, where its pieces could be put
    /// together in more than one way (single spaces interleave the cells
    /// of a name printed in several columns): the row is then reported
    /// rather than read under a name pieced together wrongly.
    pub name_unsure: Option<String>,
    /// How it stands on its printed line (`rows_on_one_line`): parted off
    /// the row before it, the two rows cite that one line.
    pub on_line: OnLine,
}

/// Figures printed together, and the cells (draft, column) they may fill.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub figures: Vec<String>,
    pub slots: Vec<(usize, usize)>,
    /// The line of each figure.
    pub lines: Vec<usize>,
    /// Where the figures were printed on two lines whose order across each
    /// other is lost (pdfplumber puts a row's cells set higher than the
    /// rest on the line above: "行政运行 1,503.52" / "201 06 01 1,511.89
    /// 8.37"): the index of the first figure of the second line. Each
    /// line's figures keep their order; the two interleave in any way.
    pub second_line: Option<usize>,
}

/// A term of a sum: a cell of this table or a figure known already.
#[derive(Debug, Clone, Copy)]
enum Part {
    Cell(usize, usize),
    Fixed(Term),
}

#[derive(Debug)]
struct Constraint {
    left: Vec<Part>,
    right: Vec<Part>,
    /// left ≤ right rather than left = right.
    at_most: bool,
}

/// Most candidate combinations one sum is tried with.
const COMBINATIONS: usize = 20_000;
/// Most candidates one run may have (beyond, it is left unplaced).
const CANDIDATES: usize = 2_000;

/// The placed table: rows for the lines, and what could not be placed.
///
/// `cautious` (text whose reading order may be scrambled): when no
/// placement satisfies one of the table's sums, the reading rather than
/// the document is taken to be wrong: the table's figures are placed
/// again apart from the rows they were read with, and when that fails
/// too, the whole table is left unplaced.
pub fn place(
    def: &'static TableDef,
    profile: &'static Profile,
    drafts: &[Draft],
    runs: &[Run],
    known: &mut Known,
    cautious: bool,
) -> Placed {
    if drafts.iter().any(|d| d.on_line == OnLine::WithOthers) {
        return unreliable(def, drafts, runs, runs, ROWS_TOGETHER, true);
    }
    let unplaced = match try_place(def, profile, drafts, runs, known, cautious) {
        Ok(placed) => return placed,
        Err(unplaced) => unplaced,
    };
    // A search that gave up found the reading too loosely tied, not wrong:
    // the same figures apart from every row are looser still, and their
    // search (the longest of a one-cell-a-line document: shangwu's 表一
    // and 表四, 200,000 tries each) would give up too.
    if unplaced.search_gave_up {
        return unplaced.placed;
    }
    // One cell a line may print a figure after a label it does not belong
    // to (表四's first class figure after 六、科学技术支出, where the
    // column's block of figures begins): the rows the reader gave the
    // figures are then set aside, and the figures, in reading order, are
    // placed over the whole table as a block printed apart — taken only
    // when that placement holds every sum.
    if cautious
        && runs
            .iter()
            .any(|r| !r.slots.is_empty() && !r.figures.is_empty())
    {
        if let Ok(placed) = try_place(def, profile, drafts, &[apart_from_rows(runs)], known, true) {
            return placed;
        }
    }
    unplaced.placed
}

/// A table [`try_place`] left unplaced as a whole: what it reports, and
/// whether a search gave up on the way.
struct NotPlaced {
    placed: Placed,
    search_gave_up: bool,
}

impl From<Placed> for NotPlaced {
    fn from(placed: Placed) -> Self {
        NotPlaced {
            placed,
            search_gave_up: false,
        }
    }
}

/// The table's rows when the runs as given place every figure of it and
/// every run in one way, leaving what is known as it was: a reading tried
/// among others (`late_figure`).
pub fn placed_whole(
    def: &'static TableDef,
    profile: &'static Profile,
    drafts: &[Draft],
    runs: &[Run],
    known: &Known,
) -> Option<Vec<RebuiltRow>> {
    let mut trial = known.clone();
    match try_place(def, profile, drafts, runs, &mut trial, true) {
        Ok((rows, unplaced)) if unplaced.is_empty() => Some(rows),
        _ => None,
    }
}

/// The draft whose label is printed last before `line` (the first draft
/// when none is).
fn row_before(drafts: &[Draft], line: usize) -> usize {
    drafts
        .iter()
        .enumerate()
        .filter_map(|(d, draft)| Some((d, draft.lines.iter().copied().min()?)))
        .filter(|&(_, first)| first <= line)
        .max_by_key(|&(_, first)| first)
        .map_or(0, |(d, _)| d)
}

/// Every figure of the runs as one run with no row, in reading order.
fn apart_from_rows(runs: &[Run]) -> Run {
    let mut figures: Vec<(usize, &String)> = runs
        .iter()
        .flat_map(|r| r.lines.iter().copied().zip(&r.figures))
        .collect();
    sort_stable_by(&mut figures, |a, b| a.0.cmp(&b.0));
    Run {
        figures: figures.iter().map(|f| f.1.clone()).collect(),
        lines: figures.iter().map(|f| f.0).collect(),
        slots: Vec::new(),
        second_line: None,
    }
}

/// A table's rows and what could not be placed.
type Placed = (Vec<RebuiltRow>, Vec<UnplacedRow>);

/// `place` with the runs as given: Err with the table wholly unplaced
/// when no placement could be trusted (`unreliable`).
fn try_place(
    def: &'static TableDef,
    profile: &'static Profile,
    drafts: &[Draft],
    runs: &[Run],
    known: &mut Known,
    cautious: bool,
) -> Result<Placed, NotPlaced> {
    if let Some((run, at)) = runs
        .iter()
        .find_map(|r| split::cut_figure(r).map(|at| (r, at)))
    {
        let why = split::reason(run, at);
        return Err(unreliable(def, drafts, runs, core::slice::from_ref(run), &why, false).into());
    }
    let constraints = constraints(def, profile, drafts, known);
    // Figures that belong to no row the reader found (one cell a line
    // prints a 收支总表's figures in blocks apart from their labels): read
    // as one run over the rows no other run fills.
    let (mut runs, orphans): (Vec<Run>, Vec<Run>) = runs
        .iter()
        .cloned()
        .partition(|r| !r.slots.is_empty() || r.figures.is_empty());
    repair_drift(&constraints, &mut runs);
    let apart = if orphans.is_empty() {
        None
    } else {
        match merge_orphans(def, drafts, &runs, &orphans) {
            Some(run) => {
                runs.push(run);
                Some(runs.len() - 1)
            }
            // Then no blank of the table can be trusted, and none of its
            // cells is placed.
            None => return Err(unreliable(def, drafts, &runs, &orphans, ORPHANS, true).into()),
        }
    };
    let runs = &runs[..];
    let terms: Vec<Vec<Option<Term>>> = runs
        .iter()
        .map(|r| {
            r.figures
                .iter()
                .map(|f| Amount::parse(f).map(Term::from))
                .collect()
        })
        .collect();
    let mut cover: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (r, run) in runs.iter().enumerate() {
        for (s, &slot) in run.slots.iter().enumerate() {
            cover.entry(slot).or_default().push((r, s));
        }
    }
    let scale = common_scale(&constraints, &terms);
    let units: Vec<Vec<Option<Units>>> = terms
        .iter()
        .map(|r| r.iter().map(|t| t.map(|t| Units::of(t, scale))).collect())
        .collect();
    let mut search_gave_up = false;
    let mut candidates: Vec<Vec<Vec<usize>>> = runs
        .iter()
        .enumerate()
        .map(|(r, run)| {
            if apart != Some(r) && enumerable(run) {
                return candidates_of(run);
            }
            // The search keeps the figures' order: it cannot place figures
            // printed on two lines (none is a candidate then).
            if run.second_line.is_some() {
                return Vec::new();
            }
            let chain = |(d, _): (usize, usize)| {
                if apart == Some(r) {
                    drafts[d].side
                } else {
                    0
                }
            };
            let exclusive = |slot| cover.get(&slot).is_some_and(|c| c.len() == 1);
            let effort = known.effort();
            let search = search::Search::new(
                run,
                chain,
                exclusive,
                &constraints,
                &units[r],
                scale,
                effort,
            );
            let (candidates, gave_up) = searched(&search);
            search_gave_up |= gave_up;
            candidates
        })
        .collect();
    let broken = solve(&constraints, &cover, &units, scale, &mut candidates);
    if cautious && (broken.iter().any(|b| *b) || candidates.iter().any(Vec::is_empty)) {
        let together = &runs[..apart.unwrap_or(runs.len())];
        return Err(NotPlaced {
            placed: unreliable(def, drafts, together, runs, SCRAMBLED, false),
            search_gave_up,
        });
    }

    for (run, cands) in runs.iter().zip(candidates.iter_mut()) {
        same_reading_once(run, cands, |d| {
            drafts[d].lines.iter().copied().min().unwrap_or(0)
        });
    }

    // Each draft's cells, then the lines.
    let mut cells: Vec<Vec<String>> = drafts
        .iter()
        .map(|d| vec![String::new(); def.sides[d.side].columns.len()])
        .collect();
    let mut unplaced = Vec::new();
    let mut unsure_drafts = vec![false; drafts.len()];
    for (r, run) in runs.iter().enumerate() {
        let cands = &candidates[r];
        for (s, &(d, c)) in run.slots.iter().enumerate() {
            // The figure each candidate puts in this slot (None: blank).
            // Two figures of one value put in a cell in turn are one reading.
            let mut agreed: Option<Option<&str>> = None;
            let mut unsure = cands.is_empty();
            for cand in cands {
                let here = cand
                    .iter()
                    .position(|&x| x == s)
                    .map(|f| run.figures[f].as_str());
                match agreed {
                    None => agreed = Some(here),
                    Some(a) if a != here => unsure = true,
                    _ => {}
                }
            }
            if unsure {
                cells[d][c] = UNPLACED.to_string();
                unsure_drafts[d] = true;
            } else if let Some(Some(f)) = agreed {
                cells[d][c] = f.to_string();
            }
        }
        if cands.len() != 1 {
            let involved = constraints.iter().enumerate().any(|(i, k)| {
                broken[i]
                    && parts(k)
                        .any(|p| matches!(*p, Part::Cell(d, c) if run.slots.contains(&(d, c))))
            });
            let columns = run.slots.iter().fold(Vec::new(), |mut v: Vec<usize>, s| {
                if !v.contains(&s.1) {
                    v.push(s.1);
                }
                v
            });
            let mut lines = run.lines.clone();
            for &(d, _) in &run.slots {
                lines.extend(drafts[d].lines.iter().copied());
            }
            sort_unique(&mut lines);
            let rows_unread = run.figures.len() > run.slots.len();
            let reason = if rows_unread {
                format!(
                    "{} 个数字多于可放的 {} 列",
                    run.figures.len(),
                    columns.len()
                )
            } else if cands.is_empty() {
                // The search gave up, or kept none.
                format!(
                    "{} 个数字对应 {} 列，无法确定各自的列",
                    run.figures.len(),
                    columns.len()
                )
            } else if involved {
                format!(
                    "{} 个数字对应 {} 列，无论怎样放置，本表的合计关系都不成立：文档在这里不一致，或本行附近的文字读错了",
                    run.figures.len(),
                    columns.len()
                )
            } else {
                format!(
                    "{} 个数字对应 {} 列，本表的合计关系有 {} 种放法都成立，无法唯一确定各自的列",
                    run.figures.len(),
                    columns.len(),
                    cands.len()
                )
            };
            unplaced.push(UnplacedRow {
                lines,
                table: def.id,
                figures: run.figures.clone(),
                figure_lines: run.lines.clone(),
                reason,
                rows_unread,
            });
        }
    }
    known.remember(def, drafts, &cells, &unsure_drafts);
    // The figures of the run apart are cited by the rows they went to.
    let mut placed_lines: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
    let together = match apart {
        Some(r) => {
            if let [cand] = &candidates[r][..] {
                for (f, &s) in cand.iter().enumerate() {
                    placed_lines[runs[r].slots[s].0].push(runs[r].lines[f]);
                }
            } else {
                // Not placed, the figures' lines are still the table's
                // (the finding cites them), not rows of their own: each
                // joins the row whose label is printed last before it.
                for &line in &runs[r].lines {
                    placed_lines[row_before(drafts, line)].push(line);
                }
            }
            &runs[..r]
        }
        None => runs,
    };
    Ok((rows(def, drafts, together, cells, placed_lines), unplaced))
}

/// A table with figures that belong to no row: every cell is written
/// unplaced and one finding names the rows and those figures.
const ORPHANS: &str = "个数字在文本中与本表的行分开，无法对应到行；本表各行的金额未核对";
/// A table one of whose lines holds rows that could not be parted
/// (`rows_on_one_line`): their figures may fit one row's cells, read there
/// under the wrong code and steering the placing of the rest. Every cell is
/// written unplaced, and the rows the line hides make lookups refuse.
const ROWS_TOGETHER: &str = "个数字所在的表有一行印着不止一行（如从浏览器的 PDF 阅读器复制的文本），无法确定各行的分界；本表各行的金额未核对";
const SCRAMBLED: &str =
    "个数字无论怎样放置都不能满足本表的合计关系，可能是文本的顺序错乱；本表各行的金额未核对";

fn unreliable(
    def: &'static TableDef,
    drafts: &[Draft],
    runs: &[Run],
    listed: &[Run],
    why: &str,
    rows_unread: bool,
) -> Placed {
    let cells: Vec<Vec<String>> = drafts
        .iter()
        .map(|d| vec![UNPLACED.to_string(); def.sides[d.side].columns.len()])
        .collect();
    let cell_count: usize = cells.iter().map(Vec::len).sum();
    let rows = rows(def, drafts, runs, cells, vec![Vec::new(); drafts.len()]);
    let mut lines: Vec<usize> = rows
        .iter()
        .filter_map(|r| r.lines.first().copied())
        .collect();
    let mut figures = Vec::new();
    let mut figure_lines = Vec::new();
    for run in listed {
        figures.extend(run.figures.iter().cloned());
        figure_lines.extend(run.lines.iter().copied());
    }
    lines.extend(figure_lines.iter().copied());
    sort_unique(&mut lines);
    let figure_count = figures.len();
    let reason = format!("{figure_count} {why}");
    let unplaced = vec![UnplacedRow {
        lines,
        table: def.id,
        figures,
        figure_lines,
        reason,
        // Figures and not one row found, or more figures than the rows
        // found have cells: they are rows the reading lacks (the 决算's
        // 表六 one cell a line, two 合计 found for its 28 figures).
        rows_unread: rows_unread || figure_count > cell_count,
    }];
    (rows, unplaced)
}

/// A sum as the run's slots it reads (how often added, subtracted) and
/// its figures known already, in units of `scale`; `None` when it reads a
/// cell that is not one of the run's slots, or one `accept` refuses.
fn run_reads(
    k: &Constraint,
    run: &Run,
    scale: u32,
    accept: impl Fn((usize, usize)) -> bool,
) -> Option<(SlotReads, Units)> {
    let mut slots: SlotReads = Vec::new();
    let mut known = Units::default();
    for (left, list) in [(true, &k.left), (false, &k.right)] {
        for p in list {
            match *p {
                Part::Fixed(t) => {
                    let t = Units::of(t, scale);
                    known.value += if left { t.value } else { -t.value };
                    known.half += t.half;
                }
                Part::Cell(d, c) => {
                    if !accept((d, c)) {
                        return None;
                    }
                    let s = run.slots.iter().position(|&x| x == (d, c))?;
                    count_read(&mut slots, s, left);
                }
            }
        }
    }
    Some((slots, known))
}

/// Whether some placement of the run's figures satisfies every sum that
/// lies within its own cells (a row sum).
fn satisfiable(run: &Run, own: &[&Constraint]) -> bool {
    let terms: Vec<Option<Term>> = run
        .figures
        .iter()
        .map(|f| Amount::parse(f).map(Term::from))
        .collect();
    let fixed = own.iter().flat_map(|k| parts(k)).filter_map(|p| match p {
        Part::Fixed(t) => Some(t),
        Part::Cell(..) => None,
    });
    let scale = terms
        .iter()
        .flatten()
        .chain(fixed)
        .map(|t| t.value.scale().max(t.half.scale()))
        .max()
        .unwrap_or(0);
    let terms: Vec<Option<Units>> = terms
        .iter()
        .map(|t| t.map(|t| Units::of(t, scale)))
        .collect();
    // Each sum as the run's slots it reads (how often added, subtracted)
    // and its figures known already; one reading a cell not the run's says
    // nothing.
    let sums: Vec<(SlotReads, Units)> = own
        .iter()
        .filter_map(|k| run_reads(k, run, scale, |_| true))
        .collect();
    let mut figure_at: Vec<Option<usize>> = vec![None; run.slots.len()];
    // Tried as they are enumerated: the first that holds answers, and no
    // candidate is kept (this is asked for every trial of `repair_drift`).
    !each_candidate(run, |cand| {
        figure_at.fill(None);
        for (f, &s) in cand.iter().enumerate() {
            figure_at[s] = Some(f);
        }
        let holds = |(slots, known): &(SlotReads, Units)| {
            let mut sum = *known;
            for &(s, added, subtracted) in slots {
                // A blank is zero.
                let Some(f) = figure_at[s] else { continue };
                // An unreadable figure: the sum says nothing.
                let Some(t) = terms[f] else { return true };
                sum.value += (added - subtracted) * t.value;
                sum.half += (added + subtracted) * t.half;
            }
            sum.value.abs() <= sum.half
        };
        !sums.iter().all(holds)
    })
}

/// The table's equalities by the row of their first cell (indices into
/// its sums): one lies within a run only when that row is one of the
/// run's, so that a run looks at its own rows' sums rather than at every
/// sum of the table.
struct OwnSums {
    by_row: Vec<Vec<usize>>,
}

impl OwnSums {
    fn new(constraints: &[Constraint]) -> Self {
        let mut by_row: Vec<Vec<usize>> = Vec::new();
        for (i, k) in constraints.iter().enumerate().filter(|(_, k)| !k.at_most) {
            let Some(d) = parts(k).find_map(|p| match *p {
                Part::Cell(d, _) => Some(d),
                Part::Fixed(_) => None,
            }) else {
                continue;
            };
            if by_row.len() <= d {
                by_row.resize_with(d + 1, Vec::new);
            }
            by_row[d].push(i);
        }
        OwnSums { by_row }
    }

    /// The sums reading the run's own cells only (its rows' row sums).
    fn of<'k>(&self, constraints: &'k [Constraint], run: &Run) -> Vec<&'k Constraint> {
        let mut rows: Vec<usize> = run.slots.iter().map(|s| s.0).collect();
        sort_unique(&mut rows);
        rows.iter()
            .filter_map(|&d| self.by_row.get(d))
            .flatten()
            .map(|&i| &constraints[i])
            .filter(|k| {
                parts(k).all(|p| match *p {
                    Part::Cell(d, c) => run.slots.contains(&(d, c)),
                    Part::Fixed(_) => true,
                })
            })
            .collect()
    }
}

/// Whether the reading surely gave a run figures not its own, by the
/// table's sums as known now (`late_figure`, which asks it of the runs as
/// read and of each change it weighs before placing the whole table).
pub struct AloneCheck {
    constraints: Vec<Constraint>,
    own: OwnSums,
}

impl AloneCheck {
    pub fn new(
        def: &'static TableDef,
        profile: &'static Profile,
        drafts: &[Draft],
        known: &Known,
    ) -> Self {
        let constraints = constraints(def, profile, drafts, known);
        let own = OwnSums::new(&constraints);
        AloneCheck { constraints, own }
    }

    /// More figures than the run's cells, or no placement of them
    /// satisfying the sums that lie within its own cells (its row's sum, a
    /// cell another table fixes). A run too long to list its placements
    /// of is not known to fail.
    pub fn fails(&self, run: &Run) -> bool {
        let (n, m) = (run.figures.len(), run.slots.len());
        n > 0
            && m > 0
            && run.second_line.is_none()
            && (n > m
                || (enumerable(run) && !satisfiable(run, &self.own.of(&self.constraints, run))))
    }
}

/// One-cell-a-line text sometimes prints a figure of a row after the
/// next row's figures (a page break, a cell taller than its row). When a
/// row's figures satisfy no placement of its row sum, and the next such
/// row's do not either, a figure of the later row that makes the earlier
/// one whole, and only one such value, is moved back.
fn repair_drift(constraints: &[Constraint], runs: &mut [Run]) {
    let own_sums = OwnSums::new(constraints);
    let own = |run: &Run| own_sums.of(constraints, run);
    // A run printed on two lines is not a run another's figure drifted
    // into or out of: its figures' lines are known.
    let fails = |run: &Run| {
        !run.figures.is_empty() && run.second_line.is_none() && !satisfiable(run, &own(run))
    };
    // Whether each run fails, worked out when first asked (and again after
    // it changed): a run is asked once for every run before it.
    let mut failing: Vec<Option<bool>> = vec![None; runs.len()];
    for s in 0..runs.len() {
        if !*failing[s].get_or_insert_with(|| fails(&runs[s]))
            || runs[s].figures.len() >= runs[s].slots.len()
        {
            continue;
        }
        // A trial keeps the run's slots, and so its sums.
        let sums = own(&runs[s]);
        for o in s + 1..runs.len() {
            if !*failing[o].get_or_insert_with(|| fails(&runs[o])) {
                continue;
            }
            let mut fits: Vec<usize> = Vec::new();
            for f in 0..runs[o].figures.len() {
                let mut trial = runs[s].clone();
                trial.figures.push(runs[o].figures[f].clone());
                trial.lines.push(runs[o].lines[f]);
                if satisfiable(&trial, &sums) {
                    fits.push(f);
                }
            }
            let Some(&f) = fits.first() else { continue };
            if fits
                .iter()
                .any(|&g| runs[o].figures[g] != runs[o].figures[f])
            {
                break;
            }
            let figure = runs[o].figures.remove(f);
            let line = runs[o].lines.remove(f);
            runs[s].figures.push(figure);
            runs[s].lines.push(line);
            failing[s] = None;
            failing[o] = None;
            break;
        }
    }
}

/// Every order-keeping placement of the run's figures into its slots.
fn candidates_of(run: &Run) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    each_candidate(run, |pick| {
        out.push(pick.to_vec());
        true
    });
    out
}

/// Keeps one of the candidates that write the same figures in the same
/// cells (two figures of one value put in two cells in turn): they are
/// one reading of the table. The one kept puts each figure nearest its
/// row's label (`row_line`), so that the row cites the line printed with
/// it.
fn same_reading_once(run: &Run, cands: &mut Vec<Vec<usize>>, row_line: impl Fn(usize) -> usize) {
    let distance = |cand: &[usize]| -> usize {
        cand.iter()
            .enumerate()
            .map(|(f, &s)| run.lines[f].abs_diff(row_line(run.slots[s].0)))
            .sum()
    };
    let reading = |cand: &[usize]| {
        let mut cells: Vec<Option<&str>> = vec![None; run.slots.len()];
        for (f, &s) in cand.iter().enumerate() {
            cells[s] = Some(run.figures[f].as_str());
        }
        cells
    };
    let readings: Vec<Vec<Option<&str>>> = cands.iter().map(|c| reading(c)).collect();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    let distances: Vec<usize> = cands.iter().map(|c| distance(c)).collect();
    sort_stable_by(&mut order, |&a, &b| {
        readings[a]
            .cmp(&readings[b])
            .then(distances[a].cmp(&distances[b]))
    });
    let mut keep = vec![false; cands.len()];
    for (i, &o) in order.iter().enumerate() {
        keep[o] = i == 0 || readings[order[i - 1]] != readings[o];
    }
    let mut keep = keep.into_iter();
    cands.retain(|_| keep.next().unwrap_or(true));
}

/// Whether every order-keeping placement of the run can be listed.
fn enumerable(run: &Run) -> bool {
    let (n, m) = (run.figures.len(), run.slots.len());
    n <= m && binomial(m, n) <= CANDIDATES
}

/// The candidates a search finds, none when it gave up or found more
/// than [`CANDIDATES`], and whether it gave up.
fn searched(search: &search::Search) -> (Vec<Vec<usize>>, bool) {
    let mut out = Vec::new();
    let mut too_many = false;
    let done = search.each(|pick| {
        out.push(pick.to_vec());
        too_many = out.len() > CANDIDATES;
        !too_many
    });
    if done.is_none() || too_many {
        out.clear();
    }
    (out, done.is_none())
}

/// One run of the figures no row was found for: their reading order kept
/// on each side, the sides interleaving, over every cell of the rows no
/// other run fills. None when there is no such row.
fn merge_orphans(def: &TableDef, drafts: &[Draft], runs: &[Run], orphans: &[Run]) -> Option<Run> {
    let filled: Vec<usize> = runs
        .iter()
        .flat_map(|r| r.slots.iter().map(|s| s.0))
        .collect();
    let mut slots = Vec::new();
    for side in 0..def.sides.len() {
        for (d, draft) in drafts.iter().enumerate() {
            if draft.side == side && !filled.contains(&d) {
                slots.extend((0..def.sides[side].columns.len()).map(|c| (d, c)));
            }
        }
    }
    if slots.is_empty() {
        return None;
    }
    Some(Run {
        figures: orphans
            .iter()
            .flat_map(|r| r.figures.iter().cloned())
            .collect(),
        lines: orphans
            .iter()
            .flat_map(|r| r.lines.iter().copied())
            .collect(),
        slots,
        second_line: None,
    })
}

/// Visits the run's candidates (the slot of each figure) in lexicographic
/// order, none when there are too many, until `visit` returns false;
/// returns false when it did.
fn each_candidate(run: &Run, visit: impl FnMut(&[usize]) -> bool) -> bool {
    let (n, m) = (run.figures.len(), run.slots.len());
    if n > m || binomial(m, n) > CANDIDATES {
        return true;
    }
    match run.second_line {
        Some(split) => each_interleaving(n, m, split, visit),
        None => each_combination(m, n, visit),
    }
}

/// [`each_candidate`] of a run printed on two lines ([`Run::second_line`]):
/// the first line's figures in order-keeping slots, the second's in order
/// in the slots left. At most C(m, n) × n!/(split! (n − split)!) — a few
/// hundred for a row of seven columns.
fn each_interleaving(
    n: usize,
    m: usize,
    split: usize,
    mut visit: impl FnMut(&[usize]) -> bool,
) -> bool {
    let mut pick = vec![0; n];
    each_combination(m, n, |slots| {
        // Which of the chosen slots the first line's figures take.
        each_combination(n, split, |first| {
            let (mut a, mut b) = (0, split);
            for (k, &slot) in slots.iter().enumerate() {
                if first.contains(&k) {
                    pick[a] = slot;
                    a += 1;
                } else {
                    pick[b] = slot;
                    b += 1;
                }
            }
            visit(&pick)
        })
    })
}

/// Visits every increasing choice of `n` of `0..m`, in lexicographic
/// order, until `visit` returns false; returns false when it did.
fn each_combination(m: usize, n: usize, mut visit: impl FnMut(&[usize]) -> bool) -> bool {
    if n > m {
        return true;
    }
    let mut pick: Vec<usize> = (0..n).collect();
    loop {
        if !visit(&pick) {
            return false;
        }
        let Some(i) = (0..n).rev().find(|&i| pick[i] < m - n + i) else {
            return true;
        };
        pick[i] += 1;
        for j in i + 1..n {
            pick[j] = pick[j - 1] + 1;
        }
    }
}

fn binomial(m: usize, n: usize) -> usize {
    let mut r: usize = 1;
    for i in 0..n.min(m - n) {
        r = r.saturating_mul(m - i) / (i + 1);
        if r > CANDIDATES {
            return r;
        }
    }
    r
}

fn parts(c: &Constraint) -> impl Iterator<Item = &Part> {
    c.left.iter().chain(&c.right)
}

/// A term in units of 10^-scale, one scale for the whole table (the
/// largest of its figures' and halves'): the sums tried over combinations
/// of candidates are then additions of integers, as exact as `decimal`'s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Units {
    value: i128,
    half: i128,
}

impl Units {
    fn of(term: Term, scale: u32) -> Units {
        Units {
            value: decimal::mantissa_at(term.value, scale),
            half: decimal::mantissa_at(term.half, scale),
        }
    }
}

impl core::ops::Add for Units {
    type Output = Units;
    fn add(self, o: Units) -> Units {
        Units {
            value: self.value + o.value,
            half: self.half + o.half,
        }
    }
}

/// The scale every term of the table is written at as [`Units`].
fn common_scale(constraints: &[Constraint], terms: &[Vec<Option<Term>>]) -> u32 {
    let fixed = constraints.iter().flat_map(parts).filter_map(|p| match p {
        Part::Fixed(t) => Some(t),
        Part::Cell(..) => None,
    });
    terms
        .iter()
        .flatten()
        .flatten()
        .chain(fixed)
        .map(|t| t.value.scale().max(t.half.scale()))
        .max()
        .unwrap_or(0)
}

/// Drops the candidates no sum allows; returns which sums nothing satisfies.
fn solve(
    constraints: &[Constraint],
    cover: &BTreeMap<(usize, usize), Vec<(usize, usize)>>,
    terms: &[Vec<Option<Units>>],
    scale: u32,
    candidates: &mut [Vec<Vec<usize>>],
) -> Vec<bool> {
    // What each sum reads of the runs, and its figures known already
    // (left − right, Σ halves): the same at every pass.
    let read: Vec<(Reads, Units)> = constraints
        .iter()
        .map(|k| {
            let mut fixed = Units::default();
            for (left, list) in [(true, &k.left), (false, &k.right)] {
                for p in list {
                    if let Part::Fixed(t) = *p {
                        let t = Units::of(t, scale);
                        fixed.value += if left { t.value } else { -t.value };
                        fixed.half += t.half;
                    }
                }
            }
            (reads(k, cover), fixed)
        })
        .collect();
    let mut broken = vec![false; constraints.len()];
    // A sum tried again on the same candidates drops nothing more: each is
    // tried again only once a run it reads has lost candidates since.
    let mut drops = 0usize;
    let mut dropped_at = vec![0usize; candidates.len()];
    let mut tried_at: Vec<Option<usize>> = vec![None; constraints.len()];
    loop {
        let mut changed = false;
        for (i, (k, (reads, fixed))) in constraints.iter().zip(&read).enumerate() {
            let unchanged = |t: usize| reads.iter().all(|(r, _)| dropped_at[*r] <= t);
            if broken[i] || tried_at[i].is_some_and(unchanged) {
                continue;
            }
            tried_at[i] = Some(drops);
            let fixed = *fixed;
            if reads.iter().any(|(r, _)| candidates[*r].is_empty()) {
                continue;
            }
            let mut product: usize = 1;
            for (r, _) in reads {
                product = product.saturating_mul(candidates[*r].len());
            }
            if product == 1 {
                // One candidate each (most sums once the row sums have
                // placed the rows): nothing to drop, only whether it holds.
                let mut sum = Some(fixed);
                for (r, slots) in reads {
                    // One candidate: the slots searched, no table built.
                    let read = |s: usize| {
                        let at = slots.iter().find(|x| x.0 == s)?;
                        Some((at.1, at.2))
                    };
                    let share = share(read, &terms[*r], &candidates[*r][0]);
                    sum = sum.zip(share).map(|(a, b)| a + b);
                }
                // An unreadable figure: the sum says nothing.
                broken[i] = sum.is_some_and(|sum| !within(k, sum));
                continue;
            }
            let shares: Vec<Vec<Option<Units>>> = reads
                .iter()
                .map(|(r, slots)| shares(slots, &terms[*r], &candidates[*r]))
                .collect();
            let keep = if product > COMBINATIONS {
                match bound(k, fixed, &shares) {
                    Some(keep) => keep,
                    None => continue,
                }
            } else {
                match support(k, fixed, &shares) {
                    Some(keep) => keep,
                    None => {
                        broken[i] = true;
                        continue;
                    }
                }
            };
            for ((r, _), keep) in reads.iter().zip(keep) {
                if keep.iter().any(|k| !k) && keep.iter().any(|k| *k) {
                    let mut it = keep.iter();
                    candidates[*r].retain(|_| *it.next().unwrap_or(&true));
                    changed = true;
                    drops += 1;
                    dropped_at[*r] = drops;
                }
            }
        }
        if !changed {
            let lost = one_figure_a_cell(cover, candidates);
            if lost.is_empty() {
                return broken;
            }
            drops += 1;
            for r in lost {
                dropped_at[r] = drops;
            }
        }
    }
}

/// A cell holds one figure: where two runs may fill a cell (a code row
/// read without figures, open to the runs before and after it), a
/// candidate of one that fills it is dropped when every candidate of the
/// other fills it too. The sums alone would let both go there (a row's
/// figures moved to its sibling leave the class's sum as it was). Returns
/// the runs that lost candidates.
fn one_figure_a_cell(
    cover: &BTreeMap<(usize, usize), Vec<(usize, usize)>>,
    candidates: &mut [Vec<Vec<usize>>],
) -> Vec<usize> {
    let mut lost = Vec::new();
    for covering in cover.values().filter(|c| c.len() > 1) {
        for &(r, s) in covering {
            let always_filled_by_another = covering.iter().any(|&(o, t)| {
                o != r && !candidates[o].is_empty() && candidates[o].iter().all(|c| c.contains(&t))
            });
            if !always_filled_by_another {
                continue;
            }
            let before = candidates[r].len();
            candidates[r].retain(|c| !c.contains(&s));
            if candidates[r].len() < before {
                lost.push(r);
            }
        }
    }
    lost
}

/// How a sum reads each run whose cells it holds: the run, and for each
/// of the run's slots in the sum how often it is added (on the left) and
/// subtracted (on the right). Runs in the order the sum first meets them.
type Reads = Vec<(usize, SlotReads)>;

/// The slots of a run a sum reads: (slot, how often added, how often
/// subtracted).
type SlotReads = Vec<(usize, i128, i128)>;

/// Counts one more read of slot `s` on the sum's left (or right) side.
fn count_read(slots: &mut SlotReads, s: usize, left: bool) {
    let at = match slots.iter().position(|x| x.0 == s) {
        Some(at) => at,
        None => {
            slots.push((s, 0, 0));
            slots.len() - 1
        }
    };
    if left {
        slots[at].1 += 1;
    } else {
        slots[at].2 += 1;
    }
}

fn reads(k: &Constraint, cover: &BTreeMap<(usize, usize), Vec<(usize, usize)>>) -> Reads {
    let mut out: Reads = Vec::new();
    for (left, list) in [(true, &k.left), (false, &k.right)] {
        for p in list {
            let Part::Cell(d, c) = *p else { continue };
            for &(r, s) in cover.get(&(d, c)).into_iter().flatten() {
                let at = match out.iter().position(|x| x.0 == r) {
                    Some(at) => at,
                    None => {
                        out.push((r, Vec::new()));
                        out.len() - 1
                    }
                };
                count_read(&mut out[at].1, s, left);
            }
        }
    }
    out
}

/// A run's part in a sum under each of its candidates: Σ ± its figures in
/// the sum's cells and Σ their halves; None where one of them is
/// unreadable (the sum then says nothing about the candidate).
fn shares(
    slots: &[(usize, i128, i128)],
    terms: &[Option<Units>],
    candidates: &[Vec<usize>],
) -> Vec<Option<Units>> {
    let by_slot = by_slot(slots);
    let read = |s: usize| by_slot.get(s).copied().flatten();
    candidates
        .iter()
        .map(|cand| share(read, terms, cand))
        .collect()
}

/// How a sum reads each slot of a run (how often added, subtracted), by
/// slot: looked up for every figure of every candidate rather than
/// searched for.
fn by_slot(slots: &[(usize, i128, i128)]) -> Vec<Option<(i128, i128)>> {
    let mut by_slot = Vec::new();
    for &(s, added, subtracted) in slots {
        if by_slot.len() <= s {
            by_slot.resize(s + 1, None);
        }
        by_slot[s] = Some((added, subtracted));
    }
    by_slot
}

/// [`shares`] of one candidate, `read` telling how the sum reads a slot.
fn share(
    read: impl Fn(usize) -> Option<(i128, i128)>,
    terms: &[Option<Units>],
    cand: &[usize],
) -> Option<Units> {
    let mut share = Units::default();
    for (f, &s) in cand.iter().enumerate() {
        let Some((added, subtracted)) = read(s) else {
            continue;
        };
        let t = terms[f]?;
        share.value += (added - subtracted) * t.value;
        share.half += (added + subtracted) * t.half;
    }
    Some(share)
}

/// Whether a sum's total (left − right, Σ halves) lies within its rounding
/// band: zero for an equality, at most zero for an inequality.
fn within(k: &Constraint, sum: Units) -> bool {
    if k.at_most {
        sum.value <= sum.half
    } else {
        sum.value.abs() <= sum.half
    }
}

/// Which candidates of each run some choice of the other runs' candidates
/// lets satisfy the sum, rounding allowed; None when no choice does.
/// Candidates with equal shares stand or fall together, so each distinct
/// share of a run is tried once.
fn support(k: &Constraint, fixed: Units, shares: &[Vec<Option<Units>>]) -> Option<Vec<Vec<bool>>> {
    // Each run's distinct shares, and which of them each candidate has.
    let (distinct, class): (Vec<_>, Vec<_>) = shares.iter().map(|s| distinct(s)).unzip();
    let holds = |choice: &[usize]| {
        let mut sum = fixed;
        for (values, &c) in distinct.iter().zip(choice) {
            match values[c] {
                Some(share) => sum = sum + share,
                // An unreadable figure: the sum says nothing.
                None => return true,
            }
        }
        within(k, sum)
    };
    let mut supported: Vec<Vec<bool>> = distinct.iter().map(|v| vec![false; v.len()]).collect();
    let mut choice = vec![0usize; distinct.len()];
    let mut any = false;
    loop {
        if holds(&choice) {
            any = true;
            for (j, &c) in choice.iter().enumerate() {
                supported[j][c] = true;
            }
        }
        // Next combination.
        let mut j = 0;
        while j < choice.len() {
            choice[j] += 1;
            if choice[j] < distinct[j].len() {
                break;
            }
            choice[j] = 0;
            j += 1;
        }
        if j == choice.len() {
            break;
        }
    }
    any.then(|| {
        class
            .iter()
            .zip(&supported)
            .map(|(of, supported)| of.iter().map(|&c| supported[c]).collect())
            .collect()
    })
}

/// The distinct shares of a run's candidates, and the index among them of
/// each candidate's. Each share is compared with the distinct ones found
/// so far while they are few — as they mostly are however many the
/// candidates: a sum reading one column of a run sees one share per
/// figure and the blank — and sorted only past that (sorting was most of
/// the placing's cost when done for every run of every sum tried).
fn distinct(shares: &[Option<Units>]) -> (Vec<Option<Units>>, Vec<usize>) {
    const FEW: usize = 16;
    let mut values: Vec<Option<Units>> = Vec::new();
    let mut of = vec![0; shares.len()];
    let few = shares.iter().enumerate().all(|(i, s)| {
        of[i] = match values.iter().position(|v| v == s) {
            Some(at) => at,
            None if values.len() < FEW => {
                values.push(*s);
                values.len() - 1
            }
            None => return false,
        };
        true
    });
    if !few {
        values.clear();
        let mut order: Vec<usize> = (0..shares.len()).collect();
        sort_stable_by(&mut order, |&a, &b| shares[a].cmp(&shares[b]));
        for i in order {
            if values.last() != Some(&shares[i]) {
                values.push(shares[i]);
            }
            of[i] = values.len() - 1;
        }
    }
    (values, of)
}

/// For a sum over too many combinations to try: drops a run's candidate
/// when even the most favourable candidates of the others (each run's
/// smallest and largest part, the widest rounding band) cannot make the
/// sum hold with it. Returns which candidates are kept; None when the sum
/// cannot be used so (an inequality, an unreadable figure).
fn bound(k: &Constraint, fixed: Units, shares: &[Vec<Option<Units>>]) -> Option<Vec<Vec<bool>>> {
    if k.at_most {
        return None;
    }
    let shares: Vec<Vec<Units>> = shares
        .iter()
        .map(|v| v.iter().copied().collect())
        .collect::<Option<_>>()?;
    // Each run's smallest and largest part, and its widest band.
    let spans: Vec<(i128, i128, i128)> = shares
        .iter()
        .map(|v| {
            v.iter()
                .fold((v[0].value, v[0].value, v[0].half), |(lo, hi, half), x| {
                    (lo.min(x.value), hi.max(x.value), half.max(x.half))
                })
        })
        .collect();
    let keep = shares
        .iter()
        .enumerate()
        .map(|(j, own)| {
            let (mut lo, mut hi, mut half) = (fixed.value, fixed.value, fixed.half);
            for (i, s) in spans.iter().enumerate() {
                if i != j {
                    lo += s.0;
                    hi += s.1;
                    half += s.2;
                }
            }
            own.iter()
                .map(|x| {
                    let tol = half + x.half;
                    // Some total in [lo + x, hi + x] lies within ±tol of zero.
                    lo + x.value <= tol && hi + x.value >= -tol
                })
                .collect()
        })
        .collect();
    Some(keep)
}

/// A project tree's sums, where its rows' names leave no doubt of it:
/// after the root (draft `root`), the first row is named as a unit is (局, 中心 …), and so
/// is each row that starts the next unit; every unit has projects under
/// it, and every name is sure. Then the root is the sum of the units and
/// each unit the sum of the rows up to the next (as `parse::tables::tree`
/// will read them). Anything less plain (a unit-named row with nothing
/// under it may be a project) gives no sum: the root's bounds alone hold.
fn tree_by_names(profile: &Profile, drafts: &[Draft], root: usize) -> Vec<(usize, Vec<usize>)> {
    let rows = &drafts[root + 1..];
    if rows.is_empty()
        || rows
            .iter()
            .any(|d| d.role != Role::Node || d.name_unsure.is_some())
    {
        return Vec::new();
    }
    let is_unit: Vec<bool> = rows
        .iter()
        .map(|d| profile.names_a_unit(&fold_key(&d.labels.concat())))
        .collect();
    let unit_without_projects = |i: usize| is_unit[i] && is_unit.get(i + 1).is_none_or(|&u| u);
    if !is_unit[0] || (0..rows.len()).any(unit_without_projects) {
        return Vec::new();
    }
    let units: Vec<usize> = (0..rows.len()).filter(|&i| is_unit[i]).collect();
    let mut sums = vec![(root, units.iter().map(|&u| root + 1 + u).collect())];
    for (k, &u) in units.iter().enumerate() {
        let end = units.get(k + 1).copied().unwrap_or(rows.len());
        sums.push((root + 1 + u, (u + 1..end).map(|i| root + 1 + i).collect()));
    }
    sums
}

fn column(def: &TableDef, side: usize, key: &str) -> Option<usize> {
    def.sides[side].columns.iter().position(|c| c.key == key)
}

/// The sums the profile's identities make of this table's drafts.
fn constraints(
    def: &'static TableDef,
    profile: &Profile,
    drafts: &[Draft],
    known: &Known,
) -> Vec<Constraint> {
    let mut out = Vec::new();
    let sum = |out: &mut Vec<Constraint>, left: Vec<Part>, right: Vec<Part>| {
        out.push(Constraint {
            left,
            right,
            at_most: false,
        })
    };
    // Parent and children by column, for the hierarchical schemes.
    let nest = |out: &mut Vec<Constraint>, parent: usize, children: &[usize], columns: &[&str]| {
        if children.is_empty() {
            return;
        }
        let side = drafts[parent].side;
        for key in columns {
            if let Some(c) = column(def, side, key) {
                out.push(Constraint {
                    left: vec![Part::Cell(parent, c)],
                    right: children.iter().map(|&d| Part::Cell(d, c)).collect(),
                    at_most: false,
                });
            }
        }
    };
    for identity in profile.identities {
        match identity {
            Identity::RowSum {
                table,
                total,
                parts,
            } if *table == def.id => {
                for (d, draft) in drafts.iter().enumerate() {
                    let Some(t) = column(def, draft.side, total) else {
                        continue;
                    };
                    let right = parts
                        .iter()
                        .filter_map(|p| column(def, draft.side, p))
                        .map(|c| Part::Cell(d, c))
                        .collect();
                    sum(&mut out, vec![Part::Cell(d, t)], right);
                }
            }
            Identity::CodeHierarchy { table, columns } if *table == def.id => {
                for side in 0..def.sides.len() {
                    let on_side = |d: &&Draft| d.side == side;
                    let codes: Vec<(usize, &str)> = drafts
                        .iter()
                        .enumerate()
                        .filter(|(_, d)| on_side(d))
                        .filter_map(|(i, d)| match &d.role {
                            Role::Code(c) => Some((i, c.as_str())),
                            _ => None,
                        })
                        .collect();
                    if let Some(total) = drafts
                        .iter()
                        .position(|d| d.side == side && d.role == Role::Total)
                    {
                        let classes: Vec<usize> = codes
                            .iter()
                            .filter(|(_, c)| c.len() == 3)
                            .map(|&(i, _)| i)
                            .collect();
                        nest(&mut out, total, &classes, columns);
                    }
                    for &(p, pc) in &codes {
                        let children: Vec<usize> = codes
                            .iter()
                            .filter(|(_, c)| c.len() == pc.len() + 2 && c.starts_with(pc))
                            .map(|&(i, _)| i)
                            .collect();
                        nest(&mut out, p, &children, columns);
                    }
                }
            }
            Identity::GroupSum { table, columns } if *table == def.id => {
                let total = drafts.iter().position(|d| d.role == Role::Total);
                let groups: Vec<usize> = (0..drafts.len())
                    .filter(|&d| drafts[d].role == Role::Group)
                    .collect();
                if let Some(t) = total {
                    nest(&mut out, t, &groups, columns);
                }
                for &g in &groups {
                    let items: Vec<usize> = (g + 1..drafts.len())
                        .take_while(|&d| drafts[d].role == Role::Item)
                        .collect();
                    nest(&mut out, g, &items, columns);
                }
            }
            Identity::UnitSum { table, columns } if *table == def.id => {
                let units: Vec<usize> = (0..drafts.len())
                    .filter(|&d| drafts[d].role == Role::Unit)
                    .collect();
                if let Some(t) = drafts.iter().position(|d| d.role == Role::Total) {
                    nest(&mut out, t, &units, columns);
                }
            }
            Identity::TreeSum { table, columns } if *table == def.id => {
                // Which rows are units is decided later (parse::tables::tree);
                // here, the tree the names make plain sums, and the root
                // bounds every other row in each column.
                if let Some(root) = drafts.iter().position(|d| d.role == Role::Node) {
                    for (parent, children) in tree_by_names(profile, drafts, root) {
                        nest(&mut out, parent, &children, columns);
                    }
                    for key in *columns {
                        let Some(c) = column(def, 0, key) else {
                            continue;
                        };
                        for d in root + 1..drafts.len() {
                            out.push(Constraint {
                                left: vec![Part::Cell(d, c)],
                                right: vec![Part::Cell(root, c)],
                                at_most: true,
                            });
                        }
                    }
                }
            }
            Identity::FixedSum {
                table,
                total,
                parts,
                columns,
            } if *table == def.id => {
                // A sum across the table's sides (Jiangsu's 当年支出小计 of
                // the classes beside it) does not say where one side's
                // figures stand: not used for placing.
                if matches!(parts, PartRows::ClassesBeside { .. }) {
                    continue;
                }
                let Some(t) = drafts.iter().position(|d| d.role == Role::Fixed(total)) else {
                    continue;
                };
                let side = drafts[t].side;
                let members: Vec<usize> = (0..drafts.len())
                    .filter(|&d| drafts[d].side == side)
                    .filter(|&d| match (&drafts[d].role, parts) {
                        (Role::Fixed(k), PartRows::Keys(keys)) => keys.contains(k),
                        (Role::Fixed(k), PartRows::Classes) => {
                            k.len() == 3 && k.bytes().all(|b| b.is_ascii_digit())
                        }
                        _ => false,
                    })
                    .collect();
                nest(&mut out, t, &members, columns);
            }
            Identity::CrossTotal { left, right, .. } => {
                let mut all = vec![(true, *left)];
                all.extend(right.iter().map(|r| (false, *r)));
                // Only the equalities this table is in (the figures of the
                // others' tables are looked up among every known total).
                if !all.iter().any(|(_, cell)| cell.table == def.id) {
                    continue;
                }
                let mut l = Vec::new();
                let mut r = Vec::new();
                let mut mine = false;
                let mut complete = true;
                for (is_left, cell) in all {
                    let part = if cell.table == def.id {
                        mine = true;
                        cell_of(def, drafts, cell.row, cell.column).map(|(d, c)| Part::Cell(d, c))
                    } else {
                        known
                            .get(cell.table, Sel::of(cell.row), cell.column)
                            .map(Part::Fixed)
                    };
                    match part {
                        Some(p) if is_left => l.push(p),
                        Some(p) => r.push(p),
                        None => complete = false,
                    }
                }
                if mine && complete {
                    sum(&mut out, l, r);
                }
            }
            // left ≤ right (公开08表 30231 公务用车运行维护费 ≤ 公开09表 公务
            // 用车运行维护费), one of them this table's, the other known.
            Identity::AtMost { left, right, .. }
                if left.table == def.id || right.table == def.id =>
            {
                let part = |cell: &crate::profile::CellRef| {
                    if cell.table == def.id {
                        cell_of(def, drafts, cell.row, cell.column).map(|(d, c)| Part::Cell(d, c))
                    } else {
                        known
                            .printed(cell.table, cell.row, cell.column)
                            .map(Part::Fixed)
                    }
                };
                if let (Some(l), Some(r)) = (part(left), part(right)) {
                    out.push(Constraint {
                        left: vec![l],
                        right: vec![r],
                        at_most: true,
                    });
                }
            }
            _ => {}
        }
    }
    known::class_matches(def, profile, drafts, known, &mut out);
    known::code_matches(def, profile, drafts, known, &mut out);
    out
}

/// The draft and column a profile's cell reference names in this table.
fn cell_of(def: &TableDef, drafts: &[Draft], row: RowSel, key: &str) -> Option<(usize, usize)> {
    let d = drafts.iter().position(|d| {
        column(def, d.side, key).is_some()
            && match row {
                RowSel::Total => d.role == Role::Total,
                RowSel::Fixed(k) => d.role == Role::Fixed(k),
                RowSel::TreeRoot => d.role == Role::Node,
                RowSel::Code(c) => matches!(&d.role, Role::Code(code) if code == c),
            }
    })?;
    Some((d, column(def, drafts[d].side, key)?))
}

/// The TAB lines: see `pair::pair_sides`. Each takes as its place
/// the first of its input lines after the previous row's, so that rows
/// keep their order.
fn rows(
    def: &TableDef,
    drafts: &[Draft],
    runs: &[Run],
    cells: Vec<Vec<String>>,
    placed_lines: Vec<Vec<usize>>,
) -> Vec<RebuiltRow> {
    let mut lines_of: Vec<Vec<usize>> = drafts.iter().map(|d| d.lines.clone()).collect();
    for run in runs {
        // A run's slots come row by row: its lines once for each row.
        let mut last = None;
        for &(d, _) in &run.slots {
            if last != Some(d) {
                lines_of[d].extend(run.lines.iter().copied());
                last = Some(d);
            }
        }
    }
    let mut by_side: Vec<Vec<usize>> = vec![Vec::new(); def.sides.len()];
    for (d, draft) in drafts.iter().enumerate() {
        by_side[draft.side].push(d);
    }
    // Figures printed apart pair nothing (they stand in blocks away from
    // their rows): the rows' labels and runs do.
    let roles: Vec<&Role> = drafts.iter().map(|d| &d.role).collect();
    let pairs: Vec<Vec<Option<usize>>> = if by_side.len() > 2 {
        pair::pair_lines(&by_side, &lines_of)
    } else {
        pair::pair_sides(&by_side, &lines_of, &roles)
            .into_iter()
            .map(|p| p[..by_side.len().max(1)].to_vec())
            .collect()
    };
    for (lines, placed) in lines_of.iter_mut().zip(placed_lines) {
        lines.extend(placed);
    }
    let mut out: Vec<(Vec<usize>, Vec<String>)> = Vec::with_capacity(pairs.len());
    // Rows parted off the one before them on its printed line share its
    // anchor (`Draft::on_line`).
    let mut parted = Vec::with_capacity(pairs.len());
    for pair in pairs {
        parted.push(
            pair.iter()
                .flatten()
                .any(|&d| drafts[d].on_line == OnLine::After),
        );
        let mut row_cells = Vec::new();
        let mut lines = Vec::new();
        for (s, side) in def.sides.iter().enumerate() {
            match pair[s] {
                Some(d) => {
                    for i in 0..side.label_cells {
                        row_cells.push(drafts[d].labels.get(i).cloned().unwrap_or_default());
                    }
                    row_cells.extend(cells[d].iter().cloned());
                    lines.extend(lines_of[d].iter().copied());
                }
                None => row_cells
                    .extend((0..side.label_cells + side.columns.len()).map(|_| String::new())),
            }
        }
        sort_unique(&mut lines);
        out.push((lines, row_cells));
    }
    // Anchors, increasing but where parted rows share their line.
    let mut anchors = Vec::with_capacity(out.len());
    let mut last = 0;
    let all_lines: Vec<usize> = {
        let mut v: Vec<usize> = out.iter().flat_map(|(l, _)| l.iter().copied()).collect();
        sort_unique(&mut v);
        v
    };
    // Anchors increase, so every anchor taken is at most `last`: a line
    // after it is free, and both lists are searched by halves.
    for ((lines, _), &parted) in out.iter().zip(&parted) {
        if parted && lines == &[last] {
            anchors.push(last);
            continue;
        }
        let own = lines.iter().copied().find(|&l| l > last);
        let anchor = own.or_else(|| {
            let at = all_lines.partition_point(|&l| l <= last);
            all_lines.get(at).copied()
        });
        let anchor = anchor.unwrap_or(last + 1);
        anchors.push(anchor);
        last = anchor;
    }
    out.into_iter()
        .zip(&anchors)
        .map(|((lines, cells), &anchor)| {
            let mut cited = vec![anchor];
            cited.extend(
                lines
                    .into_iter()
                    .filter(|l| anchors.binary_search(l).is_err()),
            );
            RebuiltRow {
                lines: cited,
                cells,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{each_interleaving, tree_by_names, unreliable, Draft, Role, Run, SCRAMBLED};
    use crate::profile::BUDGET13;
    use crate::rebuild::rows_on_one_line::OnLine;

    fn node(name: &str) -> Draft {
        Draft {
            side: 0,
            role: Role::Node,
            labels: vec![name.into()],
            lines: Vec::new(),
            name_unsure: None,
            on_line: OnLine::First,
        }
    }

    /// shangwu's 表十三: the department, its one unit (named the same) and
    /// two projects. The unit sums its projects, the department its unit.
    #[test]
    fn a_tree_plain_from_its_names_sums() {
        let drafts = [
            node("阳泉市商务局"),
            node("阳泉市商务局"),
            node("2025年商务领域消费品以旧换新资金预算（第五批）（中央）"),
            node("2025年商务领域消费品以旧换新资金预算（第五批）（省级配套）"),
        ];
        assert_eq!(
            tree_by_names(&BUDGET13, &drafts, 0),
            vec![(0, vec![1]), (1, vec![2, 3])]
        );
    }

    /// A unit-named row with nothing under it may be a project, and rows
    /// before the first unit belong to none: no sum is sure, none is made.
    #[test]
    fn a_tree_not_plain_from_its_names_makes_no_sum() {
        let unit_without_projects = [
            node("阳泉市财政局"),
            node("阳泉市财政局"),
            node("代理银行手续费"),
            node("阳泉市国库集中支付中心"),
        ];
        assert!(tree_by_names(&BUDGET13, &unit_without_projects, 0).is_empty());
        let project_first = [
            node("阳泉市财政局"),
            node("代理银行手续费"),
            node("阳泉市国库集中支付中心"),
            node("评审中心工作运行费"),
        ];
        assert!(tree_by_names(&BUDGET13, &project_first, 0).is_empty());
    }

    /// Every placement of figures printed on two lines is visited once:
    /// the slots distinct, each line's figures in order — and no other.
    #[test]
    fn interleavings_are_every_order_keeping_merge_of_the_two_lines() {
        for (n, m, split) in [(3, 4, 1), (3, 6, 2), (2, 7, 1), (4, 5, 2)] {
            let mut seen = Vec::new();
            each_interleaving(n, m, split, |pick| {
                seen.push(pick.to_vec());
                true
            });
            let mut want = Vec::new();
            let mut pick = vec![0; n];
            loop {
                let distinct = (0..n).all(|i| (0..i).all(|j| pick[i] != pick[j]));
                let ordered = |r: std::ops::Range<usize>| pick[r].windows(2).all(|w| w[0] < w[1]);
                if distinct && ordered(0..split) && ordered(split..n) {
                    want.push(pick.clone());
                }
                // Next of every n-tuple over 0..m.
                let Some(i) = (0..n).rev().find(|&i| pick[i] + 1 < m) else {
                    break;
                };
                pick[i] += 1;
                pick[i + 1..].fill(0);
            }
            seen.sort();
            assert_eq!(seen, want, "n {n}, m {m}, split {split}");
        }
    }

    /// A table left unplaced whose figures outnumber the cells of the rows
    /// found (the 决算's 表六 one cell a line: two 合计 found, 28 figures)
    /// holds rows the reading lacks: no lookup may take one of its rows
    /// for absent (N116 "列举的…不是表六…的经济科目"). As many figures as
    /// cells may all be the rows found.
    #[test]
    fn more_figures_than_cells_are_rows_unread() {
        let def = BUDGET13.table("表三").expect("表三");
        let total = Draft {
            role: Role::Total,
            labels: vec!["合计".into(), String::new()],
            ..node("合计")
        };
        let run = |n: usize| Run {
            figures: vec!["1.00".to_string(); n],
            lines: vec![0; n],
            ..Run::default()
        };
        let unread = |n: usize| {
            let runs = [run(n)];
            unreliable(
                def,
                core::slice::from_ref(&total),
                &runs,
                &runs,
                SCRAMBLED,
                false,
            )
            .1[0]
                .rows_unread
        };
        assert!(!unread(3));
        assert!(unread(4));
    }
}
