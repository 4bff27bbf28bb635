//! A band's cells: the words of a band of lines grouped by the column
//! they start at, and whether the band can be one row of a form, its
//! cells centred and each one cell wrapped (see the module above).
//!
//! The cut into rows asks this of every band it weighs (a few thousand a
//! form), so the grouping is done in buffers kept from one band to the
//! next ([`Grouping`]): the cells of a band are ranges of one list, and
//! only the bands kept become [`Cell`]s of their own.

use crate::prelude::*;
use core::ops::Range;

use super::labels::is_whole_label;
#[cfg(doc)]
use super::words::Measure;
use super::words::{char_width, Word};
use super::START_SLACK;

/// A cell: the words of one band whose columns overlap, top to bottom.
pub(super) struct Cell<'w, 'a> {
    pub(super) start: usize,
    pub(super) words: Vec<&'w Word<'a>>,
}

impl Cell<'_, '_> {
    /// Its text, its lines joined ([`joined`]).
    pub(super) fn text(&self) -> String {
        joined(&self.words)
    }
}

/// A wrapped cell's text: its lines joined, with a space only between two
/// ASCII words (a wrap inside Chinese text adds nothing).
fn joined(words: &[&Word]) -> String {
    let mut text = String::new();
    for w in words {
        let ascii_join = text
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && w.text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_join {
            text.push(' ');
        }
        text.push_str(w.text);
    }
    text
}

/// The cells of the band of lines `[s, e)` whose words are `words`, left
/// to right; `None` when the band is not a row (a cell not centred, two
/// words of one line overlapping, words that cannot be one cell).
pub(super) fn cells_of<'w, 'a>(
    words: &'w [Word<'a>],
    s: usize,
    e: usize,
) -> Option<Vec<Cell<'w, 'a>>> {
    let mut grouping = Grouping::default();
    grouping.is_row(words, s, e).then(|| grouping.cells())
}

/// A band's words grouped into cells, in buffers used again for the next
/// band.
#[derive(Default)]
pub(super) struct Grouping<'w, 'a> {
    /// The distinct columns the band's words start at, in order.
    starts: Vec<usize>,
    /// Where `starts` is merged with a line's.
    merged: Vec<usize>,
    /// The cell of each of `starts`: a cell holds the words starting at
    /// its first column or up to [`START_SLACK`] after it.
    cell_of_start: Vec<usize>,
    /// Each cell's column (its words' first start).
    cell_starts: Vec<usize>,
    /// The cell of each word of the band.
    cell_of_word: Vec<usize>,
    /// The words, cell by cell and in each cell top to bottom.
    grouped: Vec<&'w Word<'a>>,
    /// Where each cell's words are in `grouped`.
    ranges: Vec<Range<usize>>,
}

impl<'w, 'a> Grouping<'w, 'a> {
    /// Groups the words of the band of lines `[s, e)` (`words`, line by
    /// line and on each line left to right) into its cells, and tells
    /// whether they make a row: every cell centred in the band, one cell
    /// wrapped ([`is_one_cell`], [`looks_wrapped`]), and the two pieces
    /// of a word split where two cells meet ([`Word::tied`]) each going
    /// on on a line of the other.
    pub(super) fn is_row(&mut self, words: &'w [Word<'a>], s: usize, e: usize) -> bool {
        if !ends_meet(words, s, e) {
            return false;
        }
        self.group(words);
        // Centred first: the cheapest of the tests, and the one most bands
        // fail.
        let centred = self.ranges.iter().all(|range| {
            let cell = &self.grouped[range.clone()];
            let (first, last) = (cell[0].line, cell[cell.len() - 1].line);
            first + last == s + (e - 1)
        });
        centred
            && self.ranges.iter().all(|range| {
                let cell = &self.grouped[range.clone()];
                is_one_cell(cell) && looks_wrapped(cell)
            })
            && self.tied_pieces_go_on(words)
    }

    /// The cells' texts, left to right.
    pub(super) fn texts(&self) -> Vec<String> {
        self.ranges
            .iter()
            .map(|range| joined(&self.grouped[range.clone()]))
            .collect()
    }

    /// The cells as [`Cell`]s, left to right.
    pub(super) fn cells(&self) -> Vec<Cell<'w, 'a>> {
        self.ranges
            .iter()
            .zip(&self.cell_starts)
            .map(|(range, &start)| Cell {
                start,
                words: self.grouped[range.clone()].to_vec(),
            })
            .collect()
    }

    /// The words' cells: the distinct columns they start at, taken left to
    /// right, each starting a cell unless it is within [`START_SLACK`] of
    /// the column that started the cell before; then the words placed cell
    /// by cell, keeping their order (top to bottom, and on a line left to
    /// right).
    fn group(&mut self, words: &'w [Word<'a>]) {
        // The distinct starts in order: a line's words stand left to right,
        // so each line's starts merge into those of the lines above it in
        // one pass.
        self.starts.clear();
        for line in words.chunk_by(|a, b| a.line == b.line) {
            debug_assert!(line.windows(2).all(|pair| pair[0].start < pair[1].start));
            self.merged.clear();
            let mut above = self.starts.iter().copied().peekable();
            for start in line.iter().map(|w| w.start) {
                while let Some(earlier) = above.next_if(|&a| a < start) {
                    self.merged.push(earlier);
                }
                above.next_if_eq(&start);
                self.merged.push(start);
            }
            self.merged.extend(above);
            core::mem::swap(&mut self.starts, &mut self.merged);
        }
        self.cell_of_start.clear();
        self.cell_starts.clear();
        for &start in &self.starts {
            match self.cell_starts.last() {
                Some(&cell) if start <= cell + START_SLACK => {}
                _ => self.cell_starts.push(start),
            }
            self.cell_of_start.push(self.cell_starts.len() - 1);
        }
        // Each cell's count of words, then where its words go: a counting
        // sort, which keeps the words' order within a cell.
        self.cell_of_word.clear();
        self.ranges.clear();
        self.ranges.resize(self.cell_starts.len(), 0..0);
        for w in words {
            let at = self.starts.partition_point(|&c| c < w.start);
            let cell = self.cell_of_start[at];
            self.cell_of_word.push(cell);
            self.ranges[cell].end += 1;
        }
        let mut end = 0;
        for range in &mut self.ranges {
            let count = range.end;
            *range = end..end;
            end += count;
        }
        self.grouped.clear();
        let Some(first) = words.first() else {
            return;
        };
        self.grouped.resize(words.len(), first);
        for (w, &cell) in words.iter().zip(&self.cell_of_word) {
            let range = &mut self.ranges[cell];
            self.grouped[range.end] = w;
            range.end += 1;
        }
    }

    /// Whether each word split off the one before it where two cells meet
    /// ([`Word::tied`]) and that word go on, in their cells, on one same
    /// other line.
    fn tied_pieces_go_on(&self, words: &[Word]) -> bool {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.tied)
            .all(|(k, w)| {
                let Some(before) = k.checked_sub(1) else {
                    return false;
                };
                let left = &self.grouped[self.ranges[self.cell_of_word[before]].clone()];
                let right = &self.grouped[self.ranges[self.cell_of_word[k]].clone()];
                left.iter()
                    .any(|a| a.line != w.line && right.iter().any(|b| b.line == a.line))
            })
    }
}

/// Whether every word of the band's first line has one of its last line
/// at its column, and the other way round: a cell that starts on the
/// first line must end on the last to be centred, and its words start at
/// one column. What [`Grouping::is_row`] requires, told before it groups
/// the words (most bands the cut tries fail here).
fn ends_meet(words: &[Word], s: usize, e: usize) -> bool {
    if e - s < 2 {
        return true;
    }
    // The band's words go line by line: its first and last lines' words
    // are found by bisection, not by looking at every word.
    let first = &words[..words.partition_point(|w| w.line <= s)];
    let last = &words[words.partition_point(|w| w.line < e - 1)..];
    let near = |a: &Word, b: &Word| a.start.abs_diff(b.start) <= START_SLACK;
    first.iter().all(|a| last.iter().any(|b| near(a, b)))
        && last.iter().all(|b| first.iter().any(|a| near(a, b)))
}

/// Whether a cell's words (sorted by line, all starting at one column) can
/// be one wrapped cell: one a line, at most one line of another cell
/// between two, no figure among several words, no whole label continued
/// (a label printed whole is a cell: "生态效益" over "可持续影响" are two).
fn is_one_cell(words: &[&Word]) -> bool {
    if words.len() < 2 {
        return true;
    }
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Lines of other cells may come between a cell's lines, one
        // between two: a cell centred half a line off.
        if a.line == b.line || b.line > a.line + 2 || !continues(a, b) {
            return false;
        }
    }
    words.iter().all(|w| !w.measure.figure)
}

/// Whether `lower` may continue `upper` in a wrapped cell: not when
/// `upper` is a label printed whole, unless together they make a longer
/// one ("服务对象满意度" / "指标").
fn continues(upper: &Word, lower: &Word) -> bool {
    if !upper.measure.whole_label {
        return true;
    }
    let mut joined = String::with_capacity(upper.text.len() + lower.text.len());
    joined.push_str(upper.text);
    joined.push_str(lower.text);
    is_whole_label(&joined)
}

/// A cell of several lines whose lines before the last are about as long
/// as its longest: text wrapped at the cell's edge, not two cells. A
/// wrapped line is short of its cell's edge by less than what went down
/// to the next line whole ([`first_unbreakable`]); the widths of ASCII
/// characters and marks are known only to about half a column, so the
/// line is taken as wide as it may print and the longest as narrow
/// ([`Measure::ascii_slack`], [`Measure::least_width`]).
fn looks_wrapped(words: &[&Word]) -> bool {
    let longest = words
        .iter()
        .map(|w| w.measure.least_width)
        .max()
        .unwrap_or(0);
    words.windows(2).all(|pair| {
        let full = longest.max(pair[0].floor);
        let went_down = first_unbreakable(pair[1].text);
        let upper = pair[0].measure;
        upper.width + upper.ascii_slack + went_down > full
    })
}

/// The width (in ASCII columns, as [`Measure::width`]) of the piece a line
/// starts with that no line break could have cut: opening marks with
/// what they open ("（区）", "〔2025〕40"), a run of ASCII letters and
/// digits, or one character, with the closing marks after it (a mark
/// never starts a line, so "力。" went down together).
fn first_unbreakable(text: &str) -> usize {
    const OPENING: &[char] = &['（', '(', '〔', '[', '【', '《', '「', '“', '‘'];
    const CLOSING: &[char] = &[
        '）', ')', '〕', ']', '】', '》', '」', '”', '’', '。', '，', '、', '；', '：', '！', '？',
        ',', '.', ';', ':', '!', '?', '%', '…',
    ];
    let ascii_word = |c: char| c.is_ascii_alphanumeric();
    let mut chars = text.chars().peekable();
    let mut total = 0;
    while let Some(c) = chars.next_if(|c| OPENING.contains(c)) {
        total += char_width(c);
    }
    loop {
        match chars.next() {
            Some(c) if ascii_word(c) => {
                total += char_width(c);
                while let Some(c) = chars.next_if(|&c| ascii_word(c)) {
                    total += char_width(c);
                }
            }
            Some(c) => total += char_width(c),
            None => return total,
        }
        while let Some(c) = chars.next_if(|c| CLOSING.contains(c)) {
            total += char_width(c);
        }
        // A closing bracket holds on to the figure after it ("〕40").
        if !chars.peek().is_some_and(|&c| ascii_word(c)) {
            return total;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_goes_down_whole_is_measured_from_the_next_line() {
        assert_eq!(first_unbreakable("使用考点"), 2);
        assert_eq!(first_unbreakable("力。"), 4);
        assert_eq!(first_unbreakable("（区）财政资金"), 6);
        assert_eq!(first_unbreakable("〔2025〕40号），组织"), 10);
        assert_eq!(first_unbreakable("2500-3000。市财政局"), 4);
        assert_eq!(first_unbreakable(""), 0);
    }
}
