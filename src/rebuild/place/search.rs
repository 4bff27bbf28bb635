//! The candidates of a run too long to enumerate every order-keeping
//! placement of (a block of figures printed apart from their rows: 8
//! figures over 30 classes × 3 columns of a 收支总表), found by a search
//! that drops a placement as soon as a sum lying within the run's own
//! cells fails: a row sum once the row is decided, a cell an identity
//! with another table fixes (表一 201 合计 = 表二 201 合计 + 上年结转) as
//! soon as a figure is put there or it is left blank.
//!
//! A run's slots may form several chains (the sides of a two-sided
//! table): its figures keep their order within a chain, the chains
//! interleave as the text's columns were read.

use super::{Constraint, Run, SlotReads, Units};
use crate::prelude::*;

use super::known::Effort;

/// Most nodes one search visits before it gives up (the run is then left
/// unplaced, as one with too many candidates always was), searching in
/// full: a run that needs more is too loosely tied to be placed.
const WORK: usize = 200_000;

/// The same in a table's first reading, when the tables after it are not
/// known yet: a search that needs more is tried again in full once they are
/// (`Effort`). A tenth: those searches then take a few milliseconds, not
/// tens (a one-cell-a-line 表四 of 15 figures over 141 cells).
const FIRST_WORK: usize = WORK / 10;

/// A sum within the run's slots: the slots it reads and its known part.
struct Local {
    slots: SlotReads,
    fixed: Units,
    at_most: bool,
    /// For each chain it reads: the chain and the position of its last slot
    /// there. The sum is decided in full once the search has gone past
    /// each: a look per chain, not per slot, at every node of the search.
    decided_at: Vec<(usize, usize)>,
}

/// What the search knows of a run: its chains and the sums within it.
pub(super) struct Search<'a> {
    /// Slot indices of each chain, in order.
    chains: Vec<Vec<usize>>,
    locals: Vec<Local>,
    /// For each slot: the sums whose last slot in its chain it is. Only
    /// they can become decided in full when the slot is decided (a sum
    /// reading two chains by whichever chain passes it last).
    closed_by: Vec<Vec<usize>>,
    terms: &'a [Option<Units>],
    /// Most nodes to visit.
    work: usize,
}

impl<'a> Search<'a> {
    /// `chain_of` gives each slot's chain; `exclusive` whether a slot is
    /// the run's alone (no other run may fill it: only then is a blank a
    /// blank). Sums reading any other cell are not the search's.
    pub(super) fn new(
        run: &Run,
        chain_of: impl Fn((usize, usize)) -> usize,
        exclusive: impl Fn((usize, usize)) -> bool,
        constraints: &[Constraint],
        terms: &'a [Option<Units>],
        scale: u32,
        effort: Effort,
    ) -> Search<'a> {
        let mut chains: Vec<Vec<usize>> = Vec::new();
        let mut place = Vec::with_capacity(run.slots.len());
        for (s, &slot) in run.slots.iter().enumerate() {
            let c = chain_of(slot);
            if chains.len() <= c {
                chains.resize_with(c + 1, Vec::new);
            }
            place.push((c, chains[c].len()));
            chains[c].push(s);
        }
        let locals: Vec<Local> = constraints
            .iter()
            .filter_map(|k| local(k, run, &exclusive, scale, &place))
            .collect();
        let mut closed_by = vec![Vec::new(); run.slots.len()];
        for (l, local) in locals.iter().enumerate() {
            for &(c, k) in &local.decided_at {
                closed_by[chains[c][k]].push(l);
            }
        }
        Search {
            chains,
            locals,
            closed_by,
            terms,
            work: match effort {
                Effort::First => FIRST_WORK,
                Effort::Full => WORK,
            },
        }
    }

    /// Visits every candidate (the slot of each figure) that no sum within
    /// the run rules out, until `visit` returns false; None when the
    /// search gave up.
    pub(super) fn each(&self, mut visit: impl FnMut(&[usize]) -> bool) -> Option<()> {
        let mut state = State {
            pick: Vec::with_capacity(self.terms.len()),
            figure_at: vec![None; self.closed_by.len()],
            pos: vec![0; self.chains.len()],
            work: 0,
            stopped: false,
        };
        self.go(&mut state, &mut visit);
        (state.work <= self.work).then_some(())
    }

    fn go(&self, st: &mut State, visit: &mut impl FnMut(&[usize]) -> bool) {
        st.work += 1;
        if st.work > self.work || st.stopped {
            return;
        }
        let f = st.pick.len();
        if f == self.terms.len() {
            // Every slot left is blank.
            let saved = st.pos.clone();
            for (c, chain) in self.chains.iter().enumerate() {
                st.pos[c] = chain.len();
            }
            let holds = (0..self.chains.len())
                .all(|c| self.holds_after(st, c, saved[c]..self.chains[c].len()));
            if holds && !visit(&st.pick) {
                st.stopped = true;
            }
            st.pos = saved;
            return;
        }
        let left: usize = self
            .chains
            .iter()
            .zip(&st.pos)
            .map(|(ch, &p)| ch.len() - p)
            .sum();
        if left < self.terms.len() - f {
            return;
        }
        for c in 0..self.chains.len() {
            let from = st.pos[c];
            for k in from..self.chains[c].len() {
                let s = self.chains[c][k];
                st.figure_at[s] = Some(f);
                st.pick.push(s);
                st.pos[c] = k + 1;
                // The slots before k were found blank-safe on the way here:
                // only the sums reading slot k can be newly decided.
                if self.holds_after(st, c, k..k + 1) {
                    self.go(st, visit);
                }
                st.pick.pop();
                st.figure_at[s] = None;
                st.pos[c] = from;
                if st.stopped || st.work > self.work {
                    return;
                }
                // Slot s left blank from here on: stop when that breaks a
                // sum already decided.
                st.pos[c] = k + 1;
                let blank_ok = self.holds_after(st, c, k..k + 1);
                st.pos[c] = from;
                if !blank_ok {
                    break;
                }
            }
        }
    }

    /// Whether every sum holds that the chain's slots at `newly` (just
    /// decided: filled or left blank) read and that is now decided in
    /// full. A sum decided before was checked then, and its slots have
    /// not changed since: only these can break.
    fn holds_after(&self, st: &State, chain: usize, newly: core::ops::Range<usize>) -> bool {
        // The search's inner loop: most slots close no sum.
        for &s in &self.chains[chain][newly] {
            for &l in &self.closed_by[s] {
                if !self.local_holds(st, &self.locals[l]) {
                    return false;
                }
            }
        }
        true
    }

    /// Whether the sum holds, or is not decided yet.
    fn local_holds(&self, st: &State, l: &Local) -> bool {
        if !l.decided_at.iter().all(|&(c, k)| k < st.pos[c]) {
            return true;
        }
        let mut sum = l.fixed;
        for &(s, added, subtracted) in &l.slots {
            let Some(f) = st.figure_at[s] else { continue };
            // An unreadable figure: the sum says nothing.
            let Some(t) = self.terms[f] else { return true };
            sum.value += (added - subtracted) * t.value;
            sum.half += (added + subtracted) * t.half;
        }
        within_local(l, sum)
    }
}

struct State {
    pick: Vec<usize>,
    figure_at: Vec<Option<usize>>,
    pos: Vec<usize>,
    work: usize,
    stopped: bool,
}

/// [`super::within`] of a local sum.
fn within_local(l: &Local, sum: Units) -> bool {
    if l.at_most {
        sum.value <= sum.half
    } else {
        sum.value.abs() <= sum.half
    }
}

/// The sum as the run's slots it reads, when every cell it reads is a
/// slot of the run's alone; `place` gives each slot's chain and position.
fn local(
    k: &Constraint,
    run: &Run,
    exclusive: &impl Fn((usize, usize)) -> bool,
    scale: u32,
    place: &[(usize, usize)],
) -> Option<Local> {
    let (slots, fixed) = super::run_reads(k, run, scale, exclusive)?;
    let mut decided_at: Vec<(usize, usize)> = Vec::new();
    for &(s, _, _) in &slots {
        let (c, k) = place[s];
        match decided_at.iter_mut().find(|d| d.0 == c) {
            Some(d) => d.1 = d.1.max(k),
            None => decided_at.push((c, k)),
        }
    }
    Some(Local {
        slots,
        fixed,
        at_most: k.at_most,
        decided_at,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Constraint, Part, Run, Units};
    use super::{Effort, Search};
    use crate::arith::Term;
    use crate::prelude::*;
    use rust_decimal::Decimal;

    /// A figure shown with two decimals, in units of 0.01.
    fn units(cents: i64) -> Option<Units> {
        Some(Units {
            value: i128::from(cents),
            half: 1,
        })
    }

    fn pin(cell: (usize, usize), cents: i64) -> Constraint {
        Constraint {
            left: vec![Part::Cell(cell.0, cell.1)],
            right: vec![Part::Fixed(Term::exact(Decimal::new(cents, 2)))],
            at_most: false,
        }
    }

    fn row_sum(row: usize) -> Constraint {
        Constraint {
            left: vec![Part::Cell(row, 0)],
            right: vec![Part::Cell(row, 1), Part::Cell(row, 2)],
            at_most: false,
        }
    }

    /// Every cell of `rows` rows × 3 columns (合计, 当年, 上年结转).
    fn run_over(rows: usize, figures: usize) -> Run {
        Run {
            figures: vec![String::new(); figures],
            slots: (0..rows)
                .flat_map(|r| (0..3).map(move |c| (r, c)))
                .collect(),
            lines: vec![1; figures],
            second_line: None,
        }
    }

    fn all(search: &Search) -> Vec<Vec<usize>> {
        let mut out = Vec::new();
        search
            .each(|pick| {
                out.push(pick.to_vec());
                true
            })
            .expect("within the work allowed");
        out
    }

    #[test]
    fn a_block_goes_to_the_rows_its_totals_are_known_for() {
        // 12.00 12.00 over 30 classes: class 7's 合计 is 12.00 (another
        // table says so), every other class's is zero.
        let run = run_over(30, 2);
        let mut constraints: Vec<Constraint> = (0..30).map(row_sum).collect();
        constraints.extend((0..30).map(|r| pin((r, 0), if r == 7 { 1200 } else { 0 })));
        let terms = [units(1200), units(1200)];
        let search = Search::new(&run, |_| 0, |_| true, &constraints, &terms, 2, Effort::Full);
        // 合计 and 当年, or 合计 and 上年结转: the row sum holds either way.
        assert_eq!(all(&search), vec![vec![21, 22], vec![21, 23]]);
    }

    #[test]
    fn a_sum_that_fails_leaves_no_candidate() {
        let run = run_over(3, 2);
        let mut constraints: Vec<Constraint> = (0..3).map(row_sum).collect();
        constraints.extend((0..3).map(|r| pin((r, 0), 0)));
        let terms = [units(500), units(700)];
        let search = Search::new(&run, |_| 0, |_| true, &constraints, &terms, 2, Effort::Full);
        assert!(all(&search).is_empty());
    }

    #[test]
    fn the_sides_interleave_each_keeping_its_order() {
        // Row 0 on side 0, row 1 on side 1; side 1's 合计 is read first.
        let run = Run {
            figures: vec![String::new(); 2],
            slots: vec![(0, 0), (1, 0)],
            lines: vec![1, 2],
            second_line: None,
        };
        let constraints = [pin((0, 0), 300), pin((1, 0), 500)];
        let terms = [units(500), units(300)];
        let search = Search::new(
            &run,
            |(d, _)| d,
            |_| true,
            &constraints,
            &terms,
            2,
            Effort::Full,
        );
        assert_eq!(all(&search), vec![vec![1, 0]]);
    }

    #[test]
    fn a_cell_another_run_may_fill_is_not_taken_for_blank() {
        // Cell (0, 0) must hold 5.00, but another run may put it there.
        let run = run_over(1, 1);
        let constraints = [pin((0, 0), 500)];
        let terms = [units(300)];
        let shared = |cell: (usize, usize)| cell != (0, 0);
        let search = Search::new(&run, |_| 0, shared, &constraints, &terms, 2, Effort::Full);
        assert_eq!(all(&search).len(), 3);
    }
}
