//! The candidates of a run too long to enumerate every order-keeping
//! placement of (a block of figures printed apart from their rows: 8
//! figures over 30 classes × 3 columns of a 收支总表), found by a search
//! that drops a placement as soon as a sum lying within the run's own
//! cells fails: a row sum once the row is decided, a cell an identity
//! with another table fixes (表一 201 合计 = 表二 201 合计 + 上年结转) as
//! soon as a figure is put there or it is left blank. A sum not decided
//! yet drops it too when the figures still to come cannot bring it back:
//! they are none below zero, and its cells left all add to it (or all
//! take from it) while it is past its mark already, or all of them
//! together would not reach it. Each sum is kept as figures are put, so
//! that both looks are a comparison, not a pass over the sum's cells.
//!
//! A run's slots may form several chains (the sides of a two-sided
//! table): its figures keep their order within a chain, the chains
//! interleave as the text's columns were read.

use super::{Constraint, Run, SlotReads, Units};
use crate::prelude::*;

use super::known::Effort;

/// Most slots one search tries a figure in before it gives up (the run is
/// then left unplaced, as one with too many candidates always was),
/// searching in full: a run that needs more is too loosely tied to be
/// placed. Counted in tries, not in placements kept, so that it bounds the
/// time a search takes however many of its tries the sums drop: the
/// corpus's searches that end need 148,000 at most (a one-cell-a-line
/// Shanghai 收支总表), the 13-table template's 77,000.
const WORK: usize = 200_000;

/// The same in a table's first reading, when the tables after it are not
/// known yet: a search that needs more is tried again in full once they are
/// (`Effort`). A hundredth: a table whose search is long before the others
/// are known costs a fraction of a millisecond then, not tens (a
/// one-cell-a-line 表四 of 15 figures over 141 cells), and is read again in
/// full with the others known, when it is far shorter. (At a tenth, four
/// of the corpus's first readings ended, after 2,107 to 8,529 tries; the
/// rest gave up, as most do at either limit: one cell a line checks with
/// 1.1–1.5 × fewer instructions at a hundredth, the reports unchanged.)
const FIRST_WORK: usize = WORK / 100;

/// A sum within the run's slots: the slots it reads and its known part.
struct Local {
    slots: SlotReads,
    fixed: Units,
    at_most: bool,
    /// For each chain it reads: the chain and the position of its last slot
    /// there. The sum is decided in full once the search has gone past
    /// each: a look per chain, not per slot, at every node of the search.
    decided_at: Vec<(usize, usize)>,
    /// The same for its slots that add to the sum, and for those that
    /// take from it: while only one kind is left undecided, figures to
    /// come (none below zero) move the sum one way only (`bound_fails`).
    adding_until: Vec<(usize, usize)>,
    taking_until: Vec<(usize, usize)>,
    /// Most halves of the rounding band one figure can add to the sum.
    widest_read: i128,
}

/// What the search knows of a run: its chains and the sums within it.
pub(super) struct Search<'a> {
    /// Slot indices of each chain, in order.
    chains: Vec<Vec<usize>>,
    locals: Vec<Local>,
    /// For each slot: the sums reading it, and how (times added minus
    /// times subtracted, and their total, for the rounding band). A
    /// figure put there adds to those sums at once.
    read_by: Vec<Vec<(usize, i128, i128)>>,
    /// For each figure: whether it and every figure after it are read and
    /// none is below zero (then a sum with slots of one kind left can only
    /// move one way), and their values and rounding bands together.
    rest_not_negative: Vec<bool>,
    rest: Vec<Units>,
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
        let mut read_by = vec![Vec::new(); run.slots.len()];
        for (l, local) in locals.iter().enumerate() {
            for &(c, k) in &local.decided_at {
                closed_by[chains[c][k]].push(l);
            }
            for &(s, added, subtracted) in &local.slots {
                read_by[s].push((l, added - subtracted, added + subtracted));
            }
        }
        let mut rest_not_negative = vec![true; terms.len() + 1];
        let mut rest = vec![Units::default(); terms.len() + 1];
        for f in (0..terms.len()).rev() {
            rest_not_negative[f] =
                rest_not_negative[f + 1] && terms[f].is_some_and(|t| t.value >= 0);
            let t = terms[f].unwrap_or_default();
            rest[f] = Units {
                value: rest[f + 1].value + t.value,
                half: rest[f + 1].half + t.half,
            };
        }
        Search {
            chains,
            locals,
            read_by,
            rest_not_negative,
            rest,
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
            sums: self.locals.iter().map(|l| l.fixed).collect(),
            unreadable: vec![0; self.locals.len()],
            pos: vec![0; self.chains.len()],
            work: 0,
            stopped: false,
        };
        self.go(&mut state, &mut visit);
        (state.work <= self.work).then_some(())
    }

    fn go(&self, st: &mut State, visit: &mut impl FnMut(&[usize]) -> bool) {
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
                st.work += 1;
                if st.work > self.work {
                    return;
                }
                let s = self.chains[c][k];
                self.put(st, s, f, true);
                st.pick.push(s);
                st.pos[c] = k + 1;
                // The slots before k were found blank-safe on the way here:
                // only the sums reading slot k can be newly decided.
                if self.holds_after(st, c, k..k + 1) && !self.bound_fails(st, s, f + 1) {
                    self.go(st, visit);
                }
                st.pick.pop();
                self.put(st, s, f, false);
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
                if !self.local_holds(st, l) {
                    return false;
                }
            }
        }
        true
    }

    /// Whether a sum reading slot `s`, just decided, can no longer hold
    /// whatever figures from `next` on are put in its slots left, when
    /// these are all of one kind (adding or taking) and the figures none
    /// below zero: the sum is past its mark already and they can only push
    /// it further, or all of them together could not bring it there.
    fn bound_fails(&self, st: &State, s: usize, next: usize) -> bool {
        if !self.rest_not_negative[next] {
            return false;
        }
        let open = |until: &[(usize, usize)]| until.iter().any(|&(c, k)| k >= st.pos[c]);
        self.read_by[s].iter().any(|&(l, _, _)| {
            if st.unreadable[l] > 0 {
                return false;
            }
            let local = &self.locals[l];
            let sum = st.sums[l];
            let band = sum.half + local.widest_read * self.rest[next].half;
            let reach = local.widest_read * self.rest[next].value;
            // An at-most sum (left ≤ right) fails above its band only.
            let below_fails = !local.at_most;
            match (open(&local.adding_until), open(&local.taking_until)) {
                // Figures to come can only raise it, by `reach` at most.
                (_, false) => sum.value > band || (below_fails && sum.value + reach < -band),
                // Only lower it.
                (false, true) => sum.value - reach > band || (below_fails && sum.value < -band),
                (true, true) => false,
            }
        })
    }

    /// Adds figure `f` to the sums reading slot `s`, or (`adding` false)
    /// takes it out again.
    fn put(&self, st: &mut State, s: usize, f: usize, adding: bool) {
        let reads = &self.read_by[s];
        let Some(t) = self.terms[f] else {
            for &(l, _, _) in reads {
                if adding {
                    st.unreadable[l] += 1;
                } else {
                    st.unreadable[l] -= 1;
                }
            }
            return;
        };
        for &(l, net, total) in reads {
            let (value, half) = (net * t.value, total * t.half);
            let sum = &mut st.sums[l];
            if adding {
                sum.value += value;
                sum.half += half;
            } else {
                sum.value -= value;
                sum.half -= half;
            }
        }
    }

    /// Whether the sum holds, or is not decided yet.
    fn local_holds(&self, st: &State, l: usize) -> bool {
        let local = &self.locals[l];
        if !local.decided_at.iter().all(|&(c, k)| k < st.pos[c]) {
            return true;
        }
        // An unreadable figure: the sum says nothing.
        st.unreadable[l] > 0 || within_local(local, st.sums[l])
    }
}

struct State {
    pick: Vec<usize>,
    /// Each sum's known part plus the figures put in its slots so far.
    sums: Vec<Units>,
    /// How many unreadable figures each sum's slots hold.
    unreadable: Vec<usize>,
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
    let last_of = |kind: &dyn Fn(i128) -> bool| {
        let mut until: Vec<(usize, usize)> = Vec::new();
        for &(s, added, subtracted) in &slots {
            if !kind(added - subtracted) {
                continue;
            }
            let (c, k) = place[s];
            match until.iter_mut().find(|d| d.0 == c) {
                Some(d) => d.1 = d.1.max(k),
                None => until.push((c, k)),
            }
        }
        until
    };
    Some(Local {
        decided_at: last_of(&|_| true),
        adding_until: last_of(&|net| net > 0),
        taking_until: last_of(&|net| net < 0),
        widest_read: slots.iter().map(|&(_, a, b)| a + b).max().unwrap_or(0),
        slots,
        fixed,
        at_most: k.at_most,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{within, Constraint, Part, Run, Units};
    use super::{Effort, Search};
    use crate::arith::Term;
    use crate::prelude::*;
    use proptest::prelude::*;
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

    /// Every placement keeping each chain's order that satisfies every
    /// sum, listed the long way: what the search must find, whatever it
    /// drops early.
    fn brute_force(
        run: &Run,
        chain_of: &dyn Fn(usize) -> usize,
        constraints: &[Constraint],
        terms: &[Option<Units>],
    ) -> Vec<Vec<usize>> {
        let slots = run.slots.len();
        let mut out = Vec::new();
        let mut pick = vec![0; terms.len()];
        for mut code in 0..slots.pow(terms.len() as u32) {
            for p in pick.iter_mut() {
                *p = code % slots;
                code /= slots;
            }
            let distinct = (0..pick.len()).all(|i| !pick[..i].contains(&pick[i]));
            let ordered = (0..pick.len()).all(|i| {
                (0..i).all(|j| chain_of(pick[j]) != chain_of(pick[i]) || pick[j] < pick[i])
            });
            let term_of = |part: &Part| match *part {
                Part::Cell(d, c) => {
                    let slot = run.slots.iter().position(|&x| x == (d, c));
                    slot.and_then(|s| pick.iter().position(|&p| p == s))
                        .map_or(Units::default(), |f| terms[f].expect("read"))
                }
                Part::Fixed(t) => Units::of(t, 2),
            };
            let holds = constraints.iter().all(|k| {
                let mut sum = Units::default();
                for (side, sign) in [(&k.left, 1), (&k.right, -1)] {
                    for t in side.iter().map(term_of) {
                        sum.value += sign * t.value;
                        sum.half += t.half;
                    }
                }
                within(k, sum)
            });
            if distinct && ordered && holds {
                out.push(pick.clone());
            }
        }
        out.sort();
        out
    }

    /// A figure of whole yuan from 0.00 to 5.00, drawn below zero one time
    /// in ten.
    fn cents() -> impl Strategy<Value = i64> {
        (0..6i64, 0..10u8).prop_map(|(v, sign)| if sign == 0 { -v * 100 } else { v * 100 })
    }

    /// What each of the 3 rows is tied by: its row sum, a cell pinned (its
    /// column and figure), 当年 at most a figure.
    fn row_ties() -> impl Strategy<Value = (bool, Option<(usize, i64)>, Option<i64>)> {
        (
            any::<bool>(),
            proptest::option::of((0..3usize, cents())),
            proptest::option::of(cents()),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Small runs (3 rows × 3 columns, one or two chains) with row
        /// sums, pinned cells and at-most sums, figures mostly not below
        /// zero: the sums the search tries early must drop no placement
        /// that holds.
        #[test]
        fn the_search_finds_what_listing_every_placement_finds(
            figures in proptest::collection::vec(cents(), 1..=4),
            two_chains in any::<bool>(),
            ties in proptest::collection::vec(row_ties(), 3),
        ) {
            let run = run_over(3, figures.len());
            let chain_of = |s: usize| usize::from(two_chains && s >= 5);
            let terms: Vec<Option<Units>> = figures.iter().map(|&c| units(c)).collect();
            let mut constraints: Vec<Constraint> = Vec::new();
            for (r, &(summed, pinned, at_most)) in ties.iter().enumerate() {
                if summed {
                    constraints.push(row_sum(r));
                }
                if let Some((column, figure)) = pinned {
                    constraints.push(pin((r, column), figure));
                }
                if let Some(figure) = at_most {
                    constraints.push(Constraint {
                        left: vec![Part::Cell(r, 1)],
                        right: vec![Part::Fixed(Term::exact(Decimal::new(figure, 2)))],
                        at_most: true,
                    });
                }
            }
            let search = Search::new(
                &run,
                |(d, c)| chain_of(d * 3 + c),
                |_| true,
                &constraints,
                &terms,
                2,
                Effort::Full,
            );
            let mut found = all(&search);
            found.sort();
            prop_assert_eq!(found, brute_force(&run, &chain_of, &constraints, &terms));
        }
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
