//! Which amount column a figure stands in.
//!
//! A table's figures are right-aligned, so on one page every figure of a
//! column ends at the same character (±2): that end is the column's
//! *anchor*. Before any figure has been seen in a column, the header tells:
//! a column's header word starts left of the figures under it and right of
//! the previous column's figures. A page break may lay the rest of a table
//! out afresh, without a header; when a line's figures fit no anchor, the
//! anchors start again and the figures are placed only if one placement
//! alone fits (every column of the side filled, or exactly the columns the
//! table has used so far). Otherwise the line is left unplaced: never a
//! guess.

use crate::prelude::*;
use crate::profile::TableDef;
use crate::slices::sort_stable_by;
use crate::text::fold_key;

/// How far (in characters) a right-aligned figure may stray from its
/// column's anchor: two as a rule, up to four where a line's wide
/// characters (a second label cell) or a short figure shift it.
pub const SLACK: usize = 4;

/// The least distance between the figure ends of two neighbouring
/// columns: a column holds at least a figure and the space around it.
pub const MIN_GAP: usize = 7;

/// How far right of its header word's start a column's figures end at the
/// least. Header lines are laid out with their wide characters counted as
/// one, so a header word may start a few characters left of the previous
/// column's figure ends.
pub const HEADER_LEAD: usize = 3;

pub struct Columns {
    /// Per side, the range of its columns in the global order.
    sides: Vec<core::ops::Range<usize>>,
    /// Where each column's header word starts.
    header: Vec<Option<usize>>,
    /// Where each column's header word ends.
    header_end: Vec<Option<usize>>,
    /// Per side: the header describes the current page's layout.
    header_valid: Vec<bool>,
    /// Where each column's figures end on the current page.
    anchors: Vec<Option<usize>>,
    /// Columns that have held a figure anywhere in the table.
    populated: Vec<bool>,
    /// The anchors of the page before (for a page laid out afresh, shifted
    /// as a whole).
    before: Vec<Option<usize>>,
}

/// What a search over placements found.
struct Found {
    count: usize,
    first: Vec<usize>,
}

impl Columns {
    pub fn new(def: &TableDef) -> Columns {
        let mut sides = Vec::new();
        let mut n = 0;
        for side in def.sides {
            sides.push(n..n + side.columns.len());
            n += side.columns.len();
        }
        Columns {
            sides,
            header: vec![None; n],
            header_end: vec![None; n],
            header_valid: vec![false; def.sides.len()],
            anchors: vec![None; n],
            populated: vec![false; n],
            before: vec![None; n],
        }
    }

    /// Reads the header words (of one header block, any lines) into each
    /// column's position: the columns are matched in order to the words,
    /// left to right, that begin their names ("一般公共" over "预算" for
    /// 一般公共预算). A new header also starts a new page layout.
    pub fn set_header(&mut self, def: &TableDef, header: &[(usize, String)]) {
        let mut sorted: Vec<(usize, String)> = header
            .iter()
            .flat_map(|(start, text)| header_words(def, *start, text))
            .filter(|(_, k)| k.chars().count() >= 2)
            .collect();
        sort_stable_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        let mut next = 0;
        let mut found = vec![None; self.header.len()];
        let mut found_end = vec![None; self.header.len()];
        for (i, (_, col)) in def.columns().enumerate() {
            let name = fold_key(col.name);
            let rest = &sorted[next.min(sorted.len())..];
            // A name of stacked parts ("功能分类 金额") stands over its
            // figures by its last part, the header word right above them:
            // the first part may span several columns, or be another's.
            let under = col
                .name
                .rsplit_once(' ')
                .map(|(_, last)| fold_key(last))
                .and_then(|last| rest.iter().position(|(_, k)| *k == *last));
            let hit = under.or_else(|| {
                rest.iter().position(|(_, k)| {
                    name.starts_with(k.as_str())
                        || k.starts_with(&*name)
                        // "合计" over "“三公”经费合计", the first column.
                        || (i == 0 && k == "合计" && name.ends_with("合计"))
                        // "小计" under a group's name ("公务用车购置及运行费"
                        // centred over 小计, 购置费, 运行费) is where the
                        // group's own column stands: the next in order.
                        || k == "小计"
                })
            });
            if let Some(p) = hit {
                let (start, key) = &sorted[next + p];
                found[i] = Some(*start);
                found_end[i] = Some(start + key.chars().count());
                next += p + 1;
            }
        }
        if found.iter().any(Option::is_some) {
            self.header = found;
            self.header_end = found_end;
            for valid in &mut self.header_valid {
                *valid = true;
            }
            for a in &mut self.anchors {
                *a = None;
            }
        }
    }

    /// The first column of `side` as its header places it.
    pub fn side_start(&self, side: usize) -> Option<usize> {
        self.header[self.sides[side].clone()]
            .iter()
            .flatten()
            .next()
            .copied()
    }

    pub fn side_width(&self, side: usize) -> usize {
        self.sides[side].len()
    }

    /// Places the figures of line `at` of `lines` (per line, per side, the
    /// figures' ends, left to right): each one's column within its side,
    /// or None for a side when more than one placement fits, or none does.
    /// When a side's figures fit nothing this page has shown, the line
    /// begins a page laid out afresh: every anchor and the header are
    /// forgotten. A page's anchors come first from its own figures: when
    /// the lines from its first one on fall into as many aligned columns
    /// as the side has, those are its columns, in order.
    /// `starts`: where line `at`'s figures start, per side.
    pub fn place_line(
        &mut self,
        lines: &[Vec<Vec<usize>>],
        at: usize,
        starts: &[Vec<usize>],
    ) -> Vec<Option<Vec<usize>>> {
        let sides = &lines[at];
        let new_page = sides.iter().enumerate().any(|(s, ends)| {
            !ends.is_empty()
                && ends.len() <= self.sides[s].len()
                && self
                    .search(s, ends, true, self.header_valid[s], false)
                    .count
                    == 0
                && self.under_words(s, &starts[s], ends).is_none()
        });
        let first = self.anchors.iter().all(Option::is_none);
        if new_page {
            if !first {
                self.before = core::mem::replace(&mut self.anchors, vec![None; self.before.len()]);
            }
            for valid in &mut self.header_valid {
                *valid = false;
            }
        }
        if new_page || first {
            for s in 0..self.sides.len() {
                if let Some(ends) = self.survey(s, &lines[at..]) {
                    for (c, e) in self.sides[s].clone().zip(ends) {
                        self.anchors[c] = Some(e);
                    }
                }
            }
        }
        sides
            .iter()
            .enumerate()
            .map(|(s, ends)| {
                if ends.is_empty() {
                    None
                } else {
                    self.place(s, &starts[s], ends)
                }
            })
            .collect()
    }

    /// The side's column ends on the page that begins with `lines[0]`, when
    /// its figures, line by line, fall into exactly as many aligned columns
    /// as the side has. Reading stops where a line does not fit (two
    /// figures in one column, a figure a little off a column, no figure in
    /// a column seen: the next page's layout).
    fn survey(&self, side: usize, lines: &[Vec<Vec<usize>>]) -> Option<Vec<usize>> {
        let n = self.sides[side].len();
        let mut columns: Vec<usize> = Vec::with_capacity(n);
        for line in lines {
            let ends = &line[side];
            let mut next = columns.clone();
            let mut used = Vec::with_capacity(ends.len());
            let mut fits = true;
            for &e in ends {
                match next.iter().position(|&c| c.abs_diff(e) <= SLACK) {
                    Some(p) if !used.contains(&p) => used.push(p),
                    Some(_) => fits = false,
                    None if next.iter().any(|&c| c.abs_diff(e) < MIN_GAP) => fits = false,
                    None => {
                        next.push(e);
                        used.push(next.len() - 1);
                    }
                }
            }
            // A line whose every figure opens a new column belongs to
            // another layout (the next page), not to this one.
            let matched = used.iter().any(|&p| p < columns.len());
            if !fits || next.len() > n || (!columns.is_empty() && !ends.is_empty() && !matched) {
                break;
            }
            columns = next;
            if columns.len() == n {
                sort_stable_by(&mut columns, usize::cmp);
                return Some(columns);
            }
        }
        None
    }

    fn place(&mut self, side: usize, starts: &[usize], ends: &[usize]) -> Option<Vec<usize>> {
        let range = self.sides[side].clone();
        if ends.len() > range.len() {
            return None;
        }
        let header = self.header_valid[side];
        let found = self.search(side, ends, true, header, false);
        let placed = match found.count {
            1 => Some(found.first),
            0 => {
                let all = self.search(side, ends, false, false, false);
                if let Some(under) = self.under_words(side, starts, ends) {
                    Some(under)
                } else if all.count == 1 {
                    Some(all.first)
                } else if let Some(shifted) = self.shifted(side, ends) {
                    Some(shifted)
                } else {
                    let used = self.search(side, ends, false, false, true);
                    (used.count == 1).then_some(used.first)
                }
            }
            _ => {
                let used = self.search(side, ends, true, header, true);
                (used.count == 1).then_some(used.first)
            }
        }?;
        for (&col, &end) in placed.iter().zip(ends) {
            let c = range.start + col;
            self.anchors[c].get_or_insert(end);
            self.populated[c] = true;
        }
        Some(placed)
    }

    /// The placement of a line's figures when each stands under exactly one
    /// column's header word, sharing characters with it, in the columns'
    /// order, and within its column's anchor where it has one: a narrow
    /// column's figure may end only a character or two right of its
    /// header word's start ("因公出" over "80"), too close for the header
    /// bounds of `fits`, yet under that word alone. None when the header
    /// does not describe the page, or any figure stands under no word or
    /// several.
    fn under_words(&self, side: usize, starts: &[usize], ends: &[usize]) -> Option<Vec<usize>> {
        if !self.header_valid[side] || starts.len() != ends.len() {
            return None;
        }
        let range = self.sides[side].clone();
        let mut placed: Vec<usize> = Vec::with_capacity(ends.len());
        for (&start, &end) in starts.iter().zip(ends) {
            let mut under = range.clone().filter(|&c| {
                let shares = self.header[c]
                    .zip(self.header_end[c])
                    .is_some_and(|(hs, he)| start < he && hs < end);
                let anchored = self.anchors[c].is_none_or(|a| a.abs_diff(end) <= SLACK);
                shares && anchored
            });
            let (Some(c), None) = (under.next(), under.next()) else {
                return None;
            };
            if placed.last().is_some_and(|&p| p + range.start >= c) {
                return None;
            }
            placed.push(c - range.start);
        }
        Some(placed)
    }

    /// The one placement onto columns the page before anchored in which
    /// every figure moved by the same shift (±SLACK), if there is exactly one.
    fn shifted(&self, side: usize, ends: &[usize]) -> Option<Vec<usize>> {
        let range = self.sides[side].clone();
        let mut found = None;
        let mut count = 0;
        let mut path = Vec::with_capacity(ends.len());
        let mut each = |path: &[usize]| {
            let shifts: Vec<i64> = path
                .iter()
                .zip(ends)
                .filter_map(|(&c, &e)| self.before[range.start + c].map(|b| e as i64 - b as i64))
                .collect();
            let (lo, hi) = (shifts.iter().min(), shifts.iter().max());
            if shifts.len() == path.len()
                && lo.zip(hi).is_some_and(|(lo, hi)| hi - lo <= SLACK as i64)
            {
                count += 1;
                found = Some(path.to_vec());
            }
        };
        increasing(range.len(), ends.len(), &mut path, &mut each);
        (count == 1).then(|| found.expect("counted"))
    }

    /// Counts the placements (strictly increasing columns) that fit, up to
    /// two, keeping the first.
    fn search(
        &self,
        side: usize,
        ends: &[usize],
        anchors: bool,
        header: bool,
        populated: bool,
    ) -> Found {
        let range = self.sides[side].clone();
        let mut found = Found {
            count: 0,
            first: Vec::new(),
        };
        let mut path = Vec::with_capacity(ends.len());
        self.extend(
            &range, ends, anchors, header, populated, &mut path, &mut found,
        );
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn extend(
        &self,
        range: &core::ops::Range<usize>,
        ends: &[usize],
        anchors: bool,
        header: bool,
        populated: bool,
        path: &mut Vec<usize>,
        found: &mut Found,
    ) {
        if found.count >= 2 {
            return;
        }
        let j = path.len();
        if j == ends.len() {
            if found.count == 0 {
                found.first = path.clone();
            }
            found.count += 1;
            return;
        }
        let from = path.last().map_or(0, |&c| c + 1);
        let room = range.len() - (ends.len() - j);
        for col in from..=room {
            if self.fits(range, col, ends[j], anchors, header, populated) {
                path.push(col);
                self.extend(range, ends, anchors, header, populated, path, found);
                path.pop();
            }
        }
    }

    /// Whether a figure ending at `end` may stand in the side's column `col`.
    fn fits(
        &self,
        range: &core::ops::Range<usize>,
        col: usize,
        end: usize,
        anchors: bool,
        header: bool,
        populated: bool,
    ) -> bool {
        let c = range.start + col;
        if populated && !self.populated[c] {
            return false;
        }
        if anchors {
            if let Some(a) = self.anchors[c] {
                return a.abs_diff(end) <= SLACK;
            }
            // Anchored columns on either side bound it.
            for other in range.clone() {
                if let Some(a) = self.anchors[other] {
                    if (other < c && a + MIN_GAP > end) || (other > c && a < end + MIN_GAP) {
                        return false;
                    }
                }
            }
        }
        if header && range.len() > 1 {
            let lo = self.header[range.start..=c].iter().rev().flatten().next();
            let hi = self.header[c + 1..range.end].iter().flatten().next();
            if lo.is_some_and(|&lo| end < lo + HEADER_LEAD)
                || hi.is_some_and(|&hi| end >= hi + HEADER_LEAD)
            {
                return false;
            }
        }
        true
    }
}

/// A header cell's keys and where each starts: the cell as one, or, when
/// it is words one space apart that together begin no column's name (two
/// narrow columns' "公务用车购置 公务用车运行"), each word on its own.
fn header_words(def: &TableDef, start: usize, text: &str) -> Vec<(usize, String)> {
    let whole = header_key(text);
    let names_column = def.columns().any(|(_, c)| {
        let name = fold_key(c.name);
        name.starts_with(whole.as_str()) || whole.starts_with(&*name)
    });
    if names_column || !text.contains(' ') {
        return vec![(start, whole)];
    }
    let mut out = Vec::new();
    let mut at = start;
    for word in text.split(' ') {
        out.push((at, header_key(word)));
        at += word.chars().count() + 1;
    }
    out
}

/// A header word as matched with the columns' names: folded, without the
/// year some headers open with ("2024年机关运行经" over 机关运行经费预算数;
/// not "2026年合计", a 13-table column's own header).
fn header_key(text: &str) -> String {
    let key = fold_key(text);
    match key.split_once('年') {
        Some((year, rest))
            if year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && rest.chars().count() >= 4 =>
        {
            rest.to_string()
        }
        _ => key.into_owned(),
    }
}

/// Calls `each` with every strictly increasing choice of `k` of `n` columns.
pub(super) fn increasing(
    n: usize,
    k: usize,
    path: &mut Vec<usize>,
    each: &mut dyn FnMut(&[usize]),
) {
    if path.len() == k {
        each(path);
        return;
    }
    let from = path.last().map_or(0, |&c| c + 1);
    for c in from..=n - (k - path.len()) {
        path.push(c);
        increasing(n, k, path, each);
        path.pop();
    }
}
