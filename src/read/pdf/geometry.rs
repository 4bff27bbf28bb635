//! A PDF's positioned text → the TAB-shaped lines the pipeline reads.
//!
//! Both PDF front ends end here: natively the reader in `native.rs` gives
//! the runs and ruling lines of the whole file; in the page pdf.js gives
//! its text items (`getTextContent`) and the page's lines from its operator
//! list, serialised into a [`Layout`] (serde, camel case not needed: the
//! field names below are the JSON names). This module is plain Rust on
//! `alloc` so that it runs in the core web module too.
//!
//! # Coordinates
//!
//! PDF points, origin at the page's **top left**, y growing **down** (as
//! [`Place::Pdf`]). A pdf.js item with `transform [a b c d e f]`, `width`
//! and `height` on a page of height H is
//! `TextRun { x: e, y: H - f - height, width, height, … }`: the box from
//! the top of the glyphs to the baseline (the descent is left out, which
//! is what the row grouping needs).
//!
//! # How lines are made
//!
//! Per page, in reading order (top to bottom):
//!
//! 1. **Tables from ruling lines.** Horizontal and vertical [`Segment`]s
//!    (stroked lines, and the thin filled rectangles Word, WPS and Chromium
//!    draw borders with) are merged where collinear and touching, then
//!    grouped into grids: segments that cross belong to one table. The
//!    distinct x of the verticals are the table's columns, the distinct y
//!    of the horizontals its row bands. In a band, a column boundary is
//!    there only where a vertical is drawn across it: a cell spanning k
//!    columns gives its text and k−1 empty fields, as a TAB export of the
//!    table would. Each run goes to the cell its centre falls in; a cell's
//!    wrapped lines are joined. (This is the idea of pdfplumber's "lines"
//!    strategy and tabula's lattice mode.)
//! 2. **A band that holds several rows** (a table drawn with only its frame
//!    and header rule, or a "三线表"): when two cells have two or more
//!    figures stacked, or one cell three, the band is read a visual line at
//!    a time, each cut at the band's column boundaries. (One cell with two
//!    is a long figure wrapped in its cell.)
//! 3. **Everything else** is grouped into visual lines by vertical overlap
//!    and read left to right; a gap wider than [`TAB_GAP`] character
//!    heights becomes a TAB (columns of an unruled table, "部门名称：…  单位：万元"),
//!    a smaller gap a space, except beside a CJK character (where the
//!    readers do not agree on one: see `push_spaced`). A prose line that
//!    reaches the right margin is joined with the next when that one
//!    continues the paragraph (same size, not indented, no paragraph
//!    spacing), so that a figure wrapped over two lines is read whole.
//! 4. **Running heads and feet** are set aside: a line in the top or bottom
//!    [`MARGIN_SHARE`] of the page that is a page number ("3", "- 3 -",
//!    "第 3 页", "3/12"), or whose text, digits aside, recurs there on at
//!    least half the pages (three at least).
//!
//! A blank line separates paragraphs and a table from the prose around it.
//! Every non-blank output line has its [`Place::Pdf`]: the page and the box
//! of the runs it was made of.

use serde::{Deserialize, Serialize};

use super::super::{Extracted, FileKind, Place};
use crate::lines::is_cjk;
use crate::prelude::*;
use alloc::borrow::Cow;

/// One piece of text at its place on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRun {
    /// 1-based page number.
    pub page: u32,
    /// Left edge, points from the page's left.
    pub x: f32,
    /// Top edge, points from the page's top.
    pub y: f32,
    pub width: f32,
    /// Font size as drawn (the em box), points.
    pub height: f32,
    pub text: String,
}

/// A ruling line (a table border), from (x0, y0) to (x1, y1), in the
/// coordinates of [`TextRun`]. Lines that are neither horizontal nor
/// vertical are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub page: u32,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// A page's size in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageSize {
    pub page: u32,
    pub width: f32,
    pub height: f32,
}

/// Everything the geometry needs from a PDF.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub pages: Vec<PageSize>,
    pub runs: Vec<TextRun>,
    #[serde(default)]
    pub segments: Vec<Segment>,
}

/// A gap between two runs on a line wider than this many character heights
/// separates cells (TAB).
pub const TAB_GAP: f32 = 1.2;
/// A gap wider than this many character heights is a space.
const SPACE_GAP: f32 = 0.2;
/// Share of the page height at the top and at the bottom where running
/// heads, feet and page numbers are looked for.
pub const MARGIN_SHARE: f32 = 0.08;
/// A page with more merged rules than this (a drawing, a hatched chart,
/// crafted input) is read without grids: finding them is quadratic.
const MAX_RULES: usize = 4000;
/// A text centre this close (points) above a row boundary is on it.
const ON_RULE: f32 = 0.05;
/// Two ruling lines closer than this (points) are one (double borders,
/// rounding of the producer).
const SNAP: f32 = 3.0;

/// Turns positioned text into TAB-shaped lines with their places.
pub fn extract(layout: &Layout) -> Extracted {
    let mut pages: Vec<PageSize> = layout.pages.clone();
    pages.sort_by_key(|p| p.page);
    let mut page_lines: Vec<Vec<OutLine>> = Vec::with_capacity(pages.len());
    for size in &pages {
        let runs: Vec<Item> = layout
            .runs
            .iter()
            .filter(|r| r.page == size.page)
            .filter_map(Item::of)
            .collect();
        let segments: Vec<&Segment> = layout
            .segments
            .iter()
            .filter(|s| s.page == size.page)
            .collect();
        page_lines.push(read_page(size, runs, &segments));
    }
    set_aside_margins(&pages, &mut page_lines);
    let mut text = String::new();
    let mut places = Vec::new();
    let mut previous_bottom: Option<(u32, f32, f32, bool)> = None;
    for (size, lines) in pages.iter().zip(page_lines) {
        for line in lines.into_iter().filter(|l| !l.set_aside) {
            // A blank line where the vertical gap shows a paragraph break or
            // where a table starts or ends.
            if let Some((page, bottom, height, table)) = previous_bottom {
                let gap = line.y0 - bottom;
                let new_page = page != size.page;
                let spaced = new_page || gap > 0.8 * height.max(line.height);
                // A table going on over a page break stays one block.
                let continued = table && line.table && new_page;
                if !continued && (line.breaks_before || (spaced && !(table && line.table))) {
                    text.push('\n');
                    places.push(None);
                }
            }
            previous_bottom = Some((size.page, line.y1, line.height, line.table));
            text.push_str(&line.text);
            text.push('\n');
            places.push(Some(Place::Pdf {
                page: size.page,
                x: line.x0,
                y: line.y0,
                width: line.x1 - line.x0,
                height: line.y1 - line.y0,
            }));
        }
    }
    // The radicals a font's text layer names in place of the ideographs
    // they share a glyph with (⽀ for 支), as the ideographs. `normalize`
    // folds them too, but only where the rebuild readers are built in: here
    // the page's first-load engine gets lines it can check itself.
    let text = match crate::text::radicals::unify(&text) {
        Cow::Owned(unified) => unified,
        Cow::Borrowed(_) => text,
    };
    Extracted {
        kind: FileKind::Pdf,
        text,
        places,
        tables_only: false,
    }
}

/// A run as a box with its text, trimmed; runs without text are dropped.
#[derive(Debug, Clone)]
struct Item<'a> {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    text: &'a str,
}

impl<'a> Item<'a> {
    fn of(run: &'a TextRun) -> Option<Item<'a>> {
        let text = run.text.trim();
        let finite = [run.x, run.y, run.width, run.height]
            .iter()
            .all(|v| v.is_finite());
        if text.is_empty() || !finite || run.height <= 0.0 {
            return None;
        }
        Some(Item {
            x0: run.x,
            y0: run.y,
            x1: run.x + run.width.max(0.0),
            y1: run.y + run.height,
            text,
        })
    }

    fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    fn cy(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }
}

/// A line of output with its box.
#[derive(Debug, Clone)]
struct OutLine {
    text: String,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    /// Character height (for gaps).
    height: f32,
    /// Part of a table (never joined with the next line).
    table: bool,
    /// Starts a table: a blank line before it.
    breaks_before: bool,
    set_aside: bool,
}

fn abs(v: f32) -> f32 {
    if v < 0.0 {
        -v
    } else {
        v
    }
}

fn by_f32(a: f32, b: f32) -> core::cmp::Ordering {
    a.partial_cmp(&b).unwrap_or(core::cmp::Ordering::Equal)
}

/// Reads one page: its tables, then the rest as prose, merged by position.
fn read_page(size: &PageSize, items: Vec<Item>, segments: &[&Segment]) -> Vec<OutLine> {
    let grids = grids(segments);
    let mut in_table: Vec<Vec<Item>> = vec![Vec::new(); grids.len()];
    let mut free = Vec::new();
    for item in items {
        match grids.iter().position(|g| g.contains(item.cx(), item.cy())) {
            Some(i) => in_table[i].push(item),
            None => free.push(item),
        }
    }
    // Blocks in reading order: each prose line, each table whole. A table's
    // rows stay in the order of its bands: sorted by their text's top, a
    // cell spanning two bands could swap two rows on a hundredth of a point
    // (pdf.js's coordinates are rounded, the native reader's are not).
    let mut blocks: Vec<(f32, f32, Vec<OutLine>)> = prose_lines(size, free)
        .into_iter()
        .map(|line| (line.y0, line.x0, vec![line]))
        .collect();
    for (grid, items) in grids.iter().zip(in_table) {
        let mut rows = grid.read(items);
        if let Some(first) = rows.first_mut() {
            first.breaks_before = true;
            blocks.push((grid.ys[0], grid.xs[0], rows));
        }
    }
    blocks.sort_by(|a, b| by_f32(a.0, b.0).then(by_f32(a.1, b.1)));
    let mut lines: Vec<OutLine> = blocks.into_iter().flat_map(|b| b.2).collect();
    // A line after a table starts a new block too.
    for i in 1..lines.len() {
        if lines[i - 1].table && !lines[i].table {
            lines[i].breaks_before = true;
        }
    }
    lines
}

/// Groups items into visual lines: an item joins the current line when it
/// overlaps it vertically by half the smaller height.
fn visual_lines(mut items: Vec<Item>) -> Vec<Vec<Item>> {
    items.sort_by(|a, b| by_f32(a.cy(), b.cy()));
    let mut lines: Vec<(f32, f32, Vec<Item>)> = Vec::new();
    for item in items {
        let joins = lines.last().is_some_and(|(top, bottom, _)| {
            let overlap = bottom.min(item.y1) - top.max(item.y0);
            overlap >= 0.5 * (bottom - top).min(item.height())
        });
        if joins {
            let line = lines.last_mut().expect("checked");
            line.0 = line.0.min(item.y0);
            line.1 = line.1.max(item.y1);
            line.2.push(item);
        } else {
            lines.push((item.y0, item.y1, vec![item]));
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut items)| {
            items.sort_by(|a, b| by_f32(a.x0, b.x0));
            items
        })
        .collect()
}

/// The usual character height of a line: the tallest of its runs is often
/// a larger heading character, so the median.
fn line_height(items: &[Item]) -> f32 {
    let mut heights: Vec<f32> = items.iter().map(Item::height).collect();
    heights.sort_by(|a, b| by_f32(*a, *b));
    heights.get(heights.len() / 2).copied().unwrap_or(0.0)
}

/// True when the text ends (`last`) or starts with a Latin letter: a word
/// wrapped between two such is two words; figures wrapped are one.
fn is_ascii_word_end(text: &str, last: bool) -> bool {
    let c = if last {
        text.chars().next_back()
    } else {
        text.chars().next()
    };
    c.is_some_and(|c| c.is_ascii_alphabetic())
}

/// Joins a visual line's runs, left to right: a gap over `tab_gap` heights
/// (when given) is a TAB, over [`SPACE_GAP`] a space (where
/// [`push_spaced`] keeps one); overlapping runs (bold drawn twice, a
/// shadow) keep the first.
fn join_items(items: &[Item], tab_gap: Option<f32>) -> String {
    let height = line_height(items).max(1.0);
    let mut text = String::new();
    let mut right = f32::NEG_INFINITY;
    let mut last: Option<&Item> = None;
    for item in items {
        let mut space = false;
        if let Some(prev) = last {
            let gap = item.x0 - right;
            // Drawn over the previous run, not beside it: leader dots
            // drawn a glyph a run, each its width from the last, are
            // glyphs in a row.
            let overlap = (0.3 * height).min(0.5 * (prev.x1 - prev.x0));
            let duplicate = item.text == prev.text && abs(item.x0 - prev.x0) < overlap;
            if duplicate {
                continue;
            }
            if tab_gap.is_some_and(|t| gap > t * height) {
                text.push('\t');
            } else {
                space = gap > SPACE_GAP * height;
            }
        }
        push_spaced(&mut text, item.text, space);
        right = right.max(item.x1);
        last = Some(item);
    }
    text
}

/// Appends a run's text to a line, after a space when `space` (the gap
/// before it is one). A space is kept only between two characters that are
/// not CJK, inside the run too: pdf.js writes a space into an item where
/// its glyphs are over 0.1 em apart ("受理 、社区", justified "目 标 而"),
/// the native reader gives glyphs apart as runs apart, and the two measure
/// the gap differently; a space beside a CJK character says nothing (the
/// lines stage drops it, `lines::cells::clean_cell`), so both readings
/// write none and give the same lines.
fn push_spaced(text: &mut String, piece: &str, space: bool) {
    let mut pending = space;
    for c in piece.chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        if pending {
            let before = text.chars().next_back();
            if before.is_some_and(|b| b != '\t' && !is_cjk(b)) && !is_cjk(c) {
                text.push(' ');
            }
            pending = false;
        }
        text.push(c);
    }
}

fn bbox(items: &[Item]) -> (f32, f32, f32, f32) {
    let mut b = (
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    );
    for i in items {
        b.0 = b.0.min(i.x0);
        b.1 = b.1.min(i.y0);
        b.2 = b.2.max(i.x1);
        b.3 = b.3.max(i.y1);
    }
    b
}

/// Text outside the tables: visual lines, TAB at wide gaps, and wrapped
/// paragraph lines joined.
fn prose_lines(size: &PageSize, items: Vec<Item>) -> Vec<OutLine> {
    let visual = visual_lines(items);
    let mut lines: Vec<OutLine> = visual
        .iter()
        .map(|items| {
            let (x0, y0, x1, y1) = bbox(items);
            OutLine {
                text: justified_gaps(join_items(items, Some(TAB_GAP))),
                x0,
                y0,
                x1,
                y1,
                height: line_height(items),
                table: false,
                breaks_before: false,
                set_aside: false,
            }
        })
        .collect();
    join_paragraphs(size, &mut lines);
    lines
}

/// What ends a clause of a sentence, and so never a table's cell.
const CLAUSE_PUNCTUATION: [char; 8] = ['，', '。', '；', '、', '：', '）', ',', ';'];

/// A prose line's wide gaps that justification made, not a column: before
/// a figure followed by its unit ("增加\t309.03万元" — a table's amount
/// cell holds no unit), before a lone percent sign ("2.31\t%"), or before
/// a rate whose sentence goes on ("占\t0.06 %；" — a table's rate cell
/// ends at its column, never in a clause's punctuation). They are spaces,
/// so the sentence stays one line of prose.
fn justified_gaps(text: String) -> String {
    if !text.contains('\t') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\t') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let figure_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let after = rest[figure_end..].trim_start();
        let rate_in_sentence = after
            .strip_prefix(['%', '％'])
            .is_some_and(|a| a.trim_start().starts_with(CLAUSE_PUNCTUATION));
        let justified = rest.starts_with(['%', '％'])
            || (figure_end > 0
                && rest.starts_with(|c: char| c.is_ascii_digit())
                && (rate_in_sentence
                    || ["万元", "亿元", "元"].iter().any(|u| after.starts_with(u))));
        if !justified {
            out.push('\t');
        } else if out.chars().next_back().is_some_and(|c| !is_cjk(c)) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

/// Joins a line that reaches the right margin with the next when that one
/// goes on with the paragraph.
fn join_paragraphs(size: &PageSize, lines: &mut Vec<OutLine>) {
    let top = size.height * MARGIN_SHARE;
    let bottom = size.height * (1.0 - MARGIN_SHARE);
    let body = |l: &OutLine| l.y0 > top && l.y1 < bottom && !l.text.contains('\t');
    let right = lines
        .iter()
        .filter(|l| body(l))
        .map(|l| l.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let left = lines
        .iter()
        .filter(|l| body(l))
        .map(|l| l.x0)
        .fold(f32::INFINITY, f32::min);
    let mut joined: Vec<OutLine> = Vec::with_capacity(lines.len());
    for line in lines.drain(..) {
        if let Some(prev) = joined.last_mut() {
            let h = prev.height.max(1.0);
            let continues = body(prev)
                && body(&line)
                && prev.x1 >= right - 1.5 * h
                && line.x0 <= left + 0.5 * h
                && abs(line.height - prev.height) < 0.2 * h
                && line.y0 - prev.y1 < 0.6 * h
                && line.y0 > prev.y1 - 0.2 * h;
            if continues {
                if is_ascii_word_end(&prev.text, true) && is_ascii_word_end(&line.text, false) {
                    prev.text.push(' ');
                }
                prev.text.push_str(&line.text);
                prev.x0 = prev.x0.min(line.x0);
                prev.x1 = prev.x1.max(line.x1);
                prev.y1 = line.y1;
                continue;
            }
        }
        joined.push(line);
    }
    *lines = joined;
}

/// True when a line's text is only a page number.
fn is_page_number(text: &str) -> bool {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = squeezed.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    // "第3页" and "第3页共12页"
    if let Some(inner) = bare.strip_prefix('第').and_then(|c| c.strip_suffix('页')) {
        return match inner.split_once("页共") {
            Some((a, b)) => digits(a) && digits(b),
            None => digits(inner),
        };
    }
    // "3/12"
    if let Some((a, b)) = bare.split_once(['/', '／']) {
        return digits(a) && digits(b);
    }
    digits(bare)
}

/// Marks page numbers and running heads and feet (see the module doc).
fn set_aside_margins(pages: &[PageSize], page_lines: &mut [Vec<OutLine>]) {
    let in_margin = |size: &PageSize, l: &OutLine| {
        !l.table
            && (l.y1 <= size.height * MARGIN_SHARE || l.y0 >= size.height * (1.0 - MARGIN_SHARE))
    };
    let key = |l: &OutLine| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    // How many pages have each margin text.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (size, lines) in pages.iter().zip(page_lines.iter()) {
        let mut seen: Vec<String> = Vec::new();
        for l in lines.iter().filter(|l| in_margin(size, l)) {
            let k = key(l);
            if !k.is_empty() && !seen.contains(&k) {
                seen.push(k);
            }
        }
        for k in seen {
            match counts.iter_mut().find(|(c, _)| *c == k) {
                Some((_, n)) => *n += 1,
                None => counts.push((k, 1)),
            }
        }
    }
    let recurring = |k: &str| {
        counts
            .iter()
            .any(|(c, n)| c == k && *n >= 3 && *n * 2 >= pages.len())
    };
    for (size, lines) in pages.iter().zip(page_lines.iter_mut()) {
        for l in lines.iter_mut() {
            if in_margin(size, l) && (is_page_number(&l.text) || recurring(&key(l))) {
                l.set_aside = true;
            }
        }
    }
}

/// A horizontal or vertical ruling line after merging: `at` is its y
/// (horizontal) or x (vertical), it runs from `from` to `to`.
#[derive(Debug, Clone, Copy)]
struct Rule {
    at: f32,
    from: f32,
    to: f32,
}

/// Merges collinear rules that touch or overlap.
fn merge_rules(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| by_f32(a.at, b.at).then(by_f32(a.from, b.from)));
    let mut merged: Vec<Rule> = Vec::with_capacity(rules.len());
    for r in rules {
        // Look back over the rules at (nearly) the same position.
        let found = merged
            .iter_mut()
            .rev()
            .take_while(|m| abs(m.at - r.at) <= 1.0)
            .take(64)
            .find(|m| r.from <= m.to + SNAP && r.to >= m.from - SNAP);
        match found {
            Some(m) => {
                m.from = m.from.min(r.from);
                m.to = m.to.max(r.to);
            }
            None => merged.push(r),
        }
    }
    merged
}

/// A table found from its ruling lines.
#[derive(Debug)]
struct Grid {
    /// Column boundaries (x), sorted.
    xs: Vec<f32>,
    /// Row boundaries (y), sorted.
    ys: Vec<f32>,
    verticals: Vec<Rule>,
    horizontals: Vec<Rule>,
}

/// Clusters sorted positions closer than [`SNAP`] into one (their first).
fn cluster(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(|a, b| by_f32(*a, *b));
    let mut out: Vec<f32> = Vec::with_capacity(values.len());
    for v in values {
        match out.last() {
            Some(&last) if v - last <= SNAP => {}
            _ => out.push(v),
        }
    }
    out
}

/// The tables of a page: horizontals and verticals that cross are one
/// table; a table needs two of each.
fn grids(segments: &[&Segment]) -> Vec<Grid> {
    let mut horizontals = Vec::new();
    let mut verticals = Vec::new();
    for s in segments {
        let (dx, dy) = (abs(s.x1 - s.x0), abs(s.y1 - s.y0));
        let finite = [s.x0, s.y0, s.x1, s.y1].iter().all(|v| v.is_finite());
        if !finite {
            continue;
        }
        if dy <= 1.0 && dx > 2.0 {
            horizontals.push(Rule {
                at: (s.y0 + s.y1) / 2.0,
                from: s.x0.min(s.x1),
                to: s.x0.max(s.x1),
            });
        } else if dx <= 1.0 && dy > 2.0 {
            verticals.push(Rule {
                at: (s.x0 + s.x1) / 2.0,
                from: s.y0.min(s.y1),
                to: s.y0.max(s.y1),
            });
        }
    }
    if horizontals.len() + verticals.len() > 8 * MAX_RULES {
        return Vec::new();
    }
    let horizontals = merge_rules(horizontals);
    let verticals = merge_rules(verticals);
    if horizontals.len() + verticals.len() > MAX_RULES {
        return Vec::new();
    }
    // Union-find over horizontals (0..h) and verticals (h..).
    let h = horizontals.len();
    let mut parent: Vec<usize> = (0..h + verticals.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, hr) in horizontals.iter().enumerate() {
        for (j, vr) in verticals.iter().enumerate() {
            let crosses = vr.at >= hr.from - SNAP
                && vr.at <= hr.to + SNAP
                && hr.at >= vr.from - SNAP
                && hr.at <= vr.to + SNAP;
            if crosses {
                let (a, b) = (root(&mut parent, i), root(&mut parent, h + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Rule>, Vec<Rule>)> = Vec::new();
    for i in 0..parent.len() {
        let r = root(&mut parent, i);
        let slot = match groups.iter().position(|g| g.0 == r) {
            Some(p) => p,
            None => {
                groups.push((r, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        if i < h {
            groups[slot].1.push(horizontals[i]);
        } else {
            groups[slot].2.push(verticals[i - h]);
        }
    }
    groups
        .into_iter()
        .filter_map(|(_, hs, vs)| {
            let xs = cluster(vs.iter().map(|v| v.at).collect());
            let ys = cluster(hs.iter().map(|h| h.at).collect());
            (xs.len() >= 2 && ys.len() >= 2).then_some(Grid {
                xs,
                ys,
                verticals: vs,
                horizontals: hs,
            })
        })
        .collect()
}

/// True when the text is a figure (amount, percentage, count).
fn is_figure(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%' | ' '))
}

/// For each item, where the word it starts (or continues) ends: the `x1`
/// of the last item that follows it on its line with no gap, as glyphs of
/// one word do (less than 0.15 em apart, baselines within 0.2 em).
fn word_ends(items: &[Item]) -> Vec<f32> {
    let mut ends: Vec<f32> = items.iter().map(|i| i.x1).collect();
    for i in (1..items.len()).rev() {
        let (a, b) = (&items[i - 1], &items[i]);
        let h = a.height();
        if abs(b.y0 - a.y0) < 0.2 * h && abs(b.x0 - a.x1) < 0.15 * h {
            ends[i - 1] = ends[i];
        }
    }
    ends
}

impl Grid {
    fn contains(&self, x: f32, y: f32) -> bool {
        let (first_x, last_x) = (self.xs[0], self.xs[self.xs.len() - 1]);
        let (first_y, last_y) = (self.ys[0], self.ys[self.ys.len() - 1]);
        x >= first_x && x <= last_x && y >= first_y && y <= last_y
    }

    /// The band of a word from `x0` to `x1` centred at `cy`. A centre on a
    /// row boundary (a cell spanning two bands, its text centred on the
    /// rule the other columns draw) goes to the band below, within
    /// [`ON_RULE`]: pdf.js's coordinates are rounded to a hundredth of a
    /// point, the native reader's not, and both must choose the same band;
    /// then a spanning cell's text goes to its first band (`span_top`).
    fn band_of(&self, x0: f32, x1: f32, cy: f32) -> Option<usize> {
        let bands = self.ys.len() - 1;
        let y = cy + ON_RULE;
        let last = self.ys[bands];
        let band = self
            .ys
            .windows(2)
            .position(|w| y >= w[0] && y < w[1])
            .or_else(|| (y - ON_RULE <= last).then_some(bands - 1))?;
        Some(self.span_top(band, (x0 + x1) / 2.0))
    }

    /// The first band of the cell holding band `band` at `x`: a cell
    /// spanning several bands (a group label beside its rows, "一般公共预算
    /// 资金" over 小计 and its parts) has no rule drawn across it at the
    /// boundaries it spans, and its text, centred in it, belongs to its
    /// first row, as a table extractor gives it.
    fn span_top(&self, mut band: usize, x: f32) -> usize {
        while band > 0 {
            let y = self.ys[band];
            let drawn = self
                .horizontals
                .iter()
                .any(|h| abs(h.at - y) <= SNAP && h.from <= x + SNAP && h.to >= x - SNAP);
            if drawn {
                break;
            }
            band -= 1;
        }
        band
    }

    /// The column boundaries drawn across the band from `top` to `bottom`
    /// (the outer two always), as indices into `xs`.
    fn band_bounds(&self, top: f32, bottom: f32) -> Vec<usize> {
        let mid = (top + bottom) / 2.0;
        let last = self.xs.len() - 1;
        let mut bounds: Vec<usize> = vec![0];
        for (i, &x) in self.xs.iter().enumerate().take(last).skip(1) {
            let drawn = self
                .verticals
                .iter()
                .any(|v| abs(v.at - x) <= SNAP && v.from <= mid && v.to >= mid);
            if drawn {
                bounds.push(i);
            }
        }
        bounds.push(last);
        bounds
    }

    /// The table's rows, one line per band (or per visual line of a band
    /// holding several rows).
    fn read(&self, items: Vec<Item>) -> Vec<OutLine> {
        let bands = self.ys.len() - 1;
        let mut per_band: Vec<Vec<Item>> = vec![Vec::new(); bands];
        // The band is chosen per word, not per item: a PDF that shows each
        // glyph on its own gives the native reader one item a glyph where
        // pdf.js gives the word, and a figure overflowing its spanning cell
        // ("4,563,800.00" whose last 0 reaches the rule the next column
        // draws) must go to one row in both.
        let mut word_band = None;
        let mut previous: Option<(f32, f32, f32)> = None;
        let ends = word_ends(&items);
        for (i, item) in items.into_iter().enumerate() {
            let continues = previous.is_some_and(|(x1, y0, h)| {
                abs(item.y0 - y0) < 0.2 * h && abs(item.x0 - x1) < 0.15 * h
            });
            if !continues {
                word_band = self.band_of(item.x0, ends[i], item.cy());
            }
            previous = Some((item.x1, item.y0, item.height()));
            if let Some(b) = word_band {
                per_band[b].push(item);
            }
        }
        let mut rows = Vec::new();
        for (b, items) in per_band.into_iter().enumerate() {
            if items.is_empty() {
                continue;
            }
            let bounds = self.band_bounds(self.ys[b], self.ys[b + 1]);
            let cells = self.cells(&bounds, items.clone());
            // Figure lines per cell: rows stacked in one band put figures
            // over each other in several columns; a long figure wrapped in
            // its cell ("2025123010483" / "0") is two in one column.
            let figure_lines: Vec<usize> = cells
                .iter()
                .map(|cell| {
                    visual_lines(cell.clone())
                        .iter()
                        .filter(|l| is_figure(&join_items(l, None)))
                        .count()
                })
                .collect();
            let stacked = figure_lines.iter().filter(|&&n| n >= 2).count() >= 2
                || figure_lines.iter().any(|&n| n >= 3);
            if stacked {
                for line in visual_lines(items) {
                    let cells = self.cells(&bounds, line.clone());
                    rows.push(self.row(&bounds, &cells, &line));
                }
            } else {
                rows.push(self.row(&bounds, &cells, &items));
            }
        }
        rows
    }

    /// Distributes items into the cells between `bounds`, by their centre,
    /// an item across a drawn boundary split there first.
    fn cells<'a>(&self, bounds: &[usize], items: Vec<Item<'a>>) -> Vec<Vec<Item<'a>>> {
        let mut cells: Vec<Vec<Item>> = vec![Vec::new(); bounds.len() - 1];
        let inner: Vec<f32> = bounds[1..bounds.len() - 1]
            .iter()
            .map(|&b| self.xs[b])
            .collect();
        for item in items
            .into_iter()
            .flat_map(|item| split_at_rules(item, &inner))
        {
            let x = item.cx();
            let cell = bounds
                .windows(2)
                .position(|w| x >= self.xs[w[0]] && x <= self.xs[w[1]]);
            if let Some(c) = cell {
                cells[c].push(item);
            }
        }
        cells
    }

    /// One TAB line from a band's cells: a cell spanning k columns is its
    /// text and k−1 empty fields; trailing empty fields are dropped.
    fn row(&self, bounds: &[usize], cells: &[Vec<Item>], items: &[Item]) -> OutLine {
        let mut fields: Vec<String> = Vec::new();
        for (w, cell) in bounds.windows(2).zip(cells) {
            fields.push(cell_text(cell));
            for _ in 1..(w[1] - w[0]) {
                fields.push(String::new());
            }
        }
        while fields.last().is_some_and(String::is_empty) {
            fields.pop();
        }
        let (x0, y0, x1, y1) = bbox(items);
        OutLine {
            text: fields.join("\t"),
            x0,
            y0,
            x1,
            y1,
            height: line_height(items),
            table: true,
            breaks_before: false,
            set_aside: false,
        }
    }
}

/// An item across drawn column boundaries (`rules`, ascending), split at
/// the space nearest each: text never crosses a cell's rule, but pdf.js
/// joins glyphs less than 0.6 em apart into one item with a space between
/// ("2,132,777.54 66,410,000.00" across two cells of a tight table). Where
/// in the item the space lies is estimated by its share of the characters;
/// the halves' boxes meet at the rule. An item without a space stays whole.
fn split_at_rules<'a>(item: Item<'a>, rules: &[f32]) -> Vec<Item<'a>> {
    let Some(&rule) = rules
        .iter()
        .find(|&&x| item.x0 < x - SNAP && item.x1 > x + SNAP)
    else {
        return vec![item];
    };
    let chars = item.text.chars().count() as f32;
    let width = item.x1 - item.x0;
    let nearest_space = item
        .text
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| *c == ' ')
        .map(|(n, (at, _))| (at, abs(item.x0 + width * (n as f32 + 0.5) / chars - rule)))
        .min_by(|a, b| by_f32(a.1, b.1));
    let Some((at, _)) = nearest_space else {
        return vec![item];
    };
    let (left, right) = (item.text[..at].trim_end(), item.text[at + 1..].trim_start());
    if left.is_empty() || right.is_empty() {
        return vec![item];
    }
    let mut parts = vec![Item {
        x1: rule,
        text: left,
        ..item.clone()
    }];
    parts.extend(split_at_rules(
        Item {
            x0: rule,
            text: right,
            ..item
        },
        rules,
    ));
    parts
}

/// A cell's text: its visual lines joined (a wrapped name is one name).
fn cell_text(items: &[Item]) -> String {
    let mut text = String::new();
    for line in visual_lines(items.to_vec()) {
        let part = join_items(&line, None);
        if is_ascii_word_end(&text, true) && is_ascii_word_end(&part, false) {
            text.push(' ');
        }
        text.push_str(&part);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(page: u32, x: f32, y: f32, text: &str) -> TextRun {
        TextRun {
            page,
            x,
            y,
            width: 10.0 * text.chars().count() as f32,
            height: 10.0,
            text: text.into(),
        }
    }

    fn seg(x0: f32, y0: f32, x1: f32, y1: f32) -> Segment {
        Segment {
            page: 1,
            x0,
            y0,
            x1,
            y1,
        }
    }

    /// One 600 × 800 page of `runs` and `segments`, read.
    fn extract_page(runs: Vec<TextRun>, segments: Vec<Segment>) -> Extracted {
        extract(&Layout {
            pages: page(),
            runs,
            segments,
        })
    }

    fn page() -> Vec<PageSize> {
        vec![PageSize {
            page: 1,
            width: 600.0,
            height: 800.0,
        }]
    }

    #[test]
    fn a_ruled_table_with_a_spanned_header_and_a_wrapped_name() {
        // Columns at 100, 200, 300, 400; rows at 100, 130, 170.
        let mut segments = vec![];
        for y in [100.0, 130.0, 170.0] {
            segments.push(seg(100.0, y, 400.0, y));
        }
        segments.push(seg(100.0, 100.0, 100.0, 170.0));
        segments.push(seg(200.0, 100.0, 200.0, 170.0));
        // No line between 300 and 400... only in the second band.
        segments.push(seg(300.0, 130.0, 300.0, 170.0));
        segments.push(seg(400.0, 100.0, 400.0, 170.0));
        let runs = vec![
            run(1, 50.0, 50.0, "表一"),
            run(1, 110.0, 110.0, "名称"),
            run(1, 210.0, 110.0, "金额"),
            run(1, 110.0, 135.0, "一般公共"),
            run(1, 110.0, 150.0, "服务"),
            run(1, 210.0, 142.0, "12.50"),
            run(1, 310.0, 142.0, "3"),
        ];
        let out = extract_page(runs, segments);
        assert_eq!(out.text, "表一\n\n名称\t金额\n一般公共服务\t12.50\t3\n");
        assert_eq!(out.places.len(), 4);
        assert!(out.places[1].is_none());
    }

    #[test]
    fn prose_wraps_are_joined_and_page_numbers_set_aside() {
        let runs = vec![
            run(
                1,
                100.0,
                100.0,
                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
            ),
            run(1, 100.0, 112.0, "340.46万元。"),
            run(1, 100.0, 140.0, "下一段"),
            run(1, 295.0, 780.0, "3"),
            run(1, 100.0, 160.0, "部门名称：某局"),
            run(1, 400.0, 160.0, "单位：万元"),
        ];
        let out = extract_page(runs, vec![]);
        let lines: Vec<&str> = out.text.lines().collect();
        assert_eq!(
            lines,
            [
                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十340.46万元。",
                "",
                "下一段",
                "",
                "部门名称：某局\t单位：万元",
            ]
        );
    }

    #[test]
    fn a_band_holding_several_rows_is_read_line_by_line() {
        // Only the frame and the header rule are drawn ("三线表").
        let segments = vec![
            seg(100.0, 100.0, 400.0, 100.0),
            seg(100.0, 120.0, 400.0, 120.0),
            seg(100.0, 200.0, 400.0, 200.0),
            seg(100.0, 100.0, 100.0, 200.0),
            seg(200.0, 100.0, 200.0, 200.0),
            seg(300.0, 100.0, 300.0, 200.0),
            seg(400.0, 100.0, 400.0, 200.0),
        ];
        let runs = vec![
            run(1, 110.0, 105.0, "项目"),
            run(1, 210.0, 105.0, "本年"),
            run(1, 310.0, 105.0, "上年"),
            run(1, 110.0, 130.0, "工资"),
            run(1, 210.0, 130.0, "1.00"),
            run(1, 310.0, 130.0, "2.00"),
            run(1, 110.0, 150.0, "奖金"),
            run(1, 210.0, 150.0, "3.00"),
            run(1, 310.0, 150.0, "4.00"),
        ];
        let out = extract_page(runs, segments);
        assert_eq!(
            out.text,
            "项目\t本年\t上年\n工资\t1.00\t2.00\n奖金\t3.00\t4.00\n"
        );
    }

    #[test]
    fn a_long_figure_wrapped_in_its_cell_is_one_figure() {
        let mut segments = vec![];
        for y in [100.0, 130.0] {
            segments.push(seg(100.0, y, 300.0, y));
        }
        for x in [100.0, 200.0, 300.0] {
            segments.push(seg(x, 100.0, x, 130.0));
        }
        let runs = vec![
            run(1, 110.0, 110.0, "填报日期："),
            run(1, 205.0, 103.0, "2025123010"),
            run(1, 205.0, 116.0, "4830"),
        ];
        let out = extract_page(runs, segments);
        assert_eq!(out.text, "填报日期：\t20251230104830\n");
    }

    #[test]
    fn an_item_across_a_drawn_rule_is_split_at_its_space() {
        // pdf.js joined two figures of neighbouring cells into one item.
        let mut segments = vec![];
        for y in [100.0, 130.0] {
            segments.push(seg(100.0, y, 400.0, y));
        }
        for x in [100.0, 200.0, 300.0, 400.0] {
            segments.push(seg(x, 100.0, x, 130.0));
        }
        let joined = TextRun {
            width: 190.0,
            ..run(1, 205.0, 110.0, "2,132,777.54 66,410,000.00")
        };
        let runs = vec![run(1, 110.0, 110.0, "合计"), joined];
        let out = extract_page(runs, segments);
        assert_eq!(out.text, "合计\t2,132,777.54\t66,410,000.00\n");
    }

    #[test]
    fn an_item_across_a_rule_without_a_space_stays_whole() {
        let item = Item {
            x0: 150.0,
            y0: 0.0,
            x1: 250.0,
            y1: 10.0,
            text: "一般公共服务支出",
        };
        let parts = split_at_rules(item, &[200.0]);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].text, "一般公共服务支出");
    }

    fn one_line(runs: Vec<TextRun>) -> String {
        extract(&Layout {
            pages: page(),
            runs,
            segments: vec![],
        })
        .text
    }

    fn sized(x: f32, width: f32, text: &str) -> TextRun {
        TextRun {
            width,
            ..run(1, x, 100.0, text)
        }
    }

    #[test]
    fn a_space_beside_a_cjk_character_is_not_written() {
        // pdf.js: one item with a space where the glyphs are 0.1 em apart;
        // the native reader: runs apart by a gap. Both read the same.
        let item = one_line(vec![sized(100.0, 95.0, "受理 、社区 增长 3.4%")]);
        let runs = one_line(vec![
            sized(100.0, 20.0, "受理"),
            sized(122.5, 30.0, "、社区"),
            sized(155.0, 20.0, "增长"),
            sized(177.5, 20.0, "3.4%"),
        ]);
        assert_eq!(item, "受理、社区增长3.4%\n");
        assert_eq!(runs, item);
        // Between two characters that are not CJK a gap is still a space,
        // in an item or between runs; a wide gap still a TAB.
        assert_eq!(
            one_line(vec![sized(100.0, 60.0, "Total  12 ")]),
            "Total 12\n"
        );
        assert_eq!(
            one_line(vec![sized(100.0, 50.0, "Total"), sized(152.5, 20.0, "12")]),
            "Total 12\n"
        );
        assert_eq!(
            one_line(vec![sized(100.0, 40.0, "合计 a"), sized(200.0, 20.0, "12")]),
            "合计a\t12\n"
        );
    }

    #[test]
    fn leader_dots_drawn_a_glyph_a_run_are_one_run_of_dots() {
        // The native reader: each dot its own run, its width from the last.
        let mut runs = vec![sized(100.0, 20.0, "职责")];
        runs.extend((0..5).map(|i| sized(120.0 + 2.9 * i as f32, 2.9, ".")));
        runs.push(sized(200.0, 10.0, "1"));
        let dots = one_line(runs);
        // pdf.js: the dots in one item.
        let item = one_line(vec![
            sized(100.0, 35.0, "职责....."),
            sized(200.0, 10.0, "1"),
        ]);
        assert_eq!(dots, "职责.....\t1\n");
        assert_eq!(item, dots);
        // A run drawn again a little to the side (bold, a shadow) is one.
        let bold = one_line(vec![sized(100.0, 20.0, "合计"), sized(100.5, 20.0, "合计")]);
        assert_eq!(bold, "合计\n");
    }

    #[test]
    fn a_cell_spanning_two_bands_is_read_on_the_first_in_both_readings() {
        // Rows at 100, 130, 160; the rule at 130 drawn only right of 200:
        // the left cell spans both bands, its text centred on 130 (just
        // above or below it in one reading or the other).
        let segments = vec![
            seg(100.0, 100.0, 300.0, 100.0),
            seg(200.0, 130.0, 300.0, 130.0),
            seg(100.0, 160.0, 300.0, 160.0),
            seg(100.0, 100.0, 100.0, 160.0),
            seg(200.0, 100.0, 200.0, 160.0),
            seg(300.0, 100.0, 300.0, 160.0),
        ];
        for centre in [129.99, 130.0, 130.01] {
            let runs = vec![
                run(1, 110.0, centre - 5.0, "上年结转"),
                run(1, 210.0, 110.0, "小计"),
                run(1, 210.0, 140.0, "其中"),
            ];
            let out = extract_page(runs, segments.clone());
            assert_eq!(out.text, "上年结转\t小计\n\t其中\n", "centre {centre}");
        }
    }

    #[test]
    fn a_tables_rows_keep_the_order_of_its_bands() {
        // Rows at 100, 130, 160; a tall heading centred in the lower band
        // starts above the text of the upper one.
        let segments = vec![
            seg(100.0, 100.0, 300.0, 100.0),
            seg(100.0, 130.0, 300.0, 130.0),
            seg(100.0, 160.0, 300.0, 160.0),
            seg(100.0, 100.0, 100.0, 160.0),
            seg(200.0, 100.0, 200.0, 160.0),
            seg(300.0, 100.0, 300.0, 160.0),
        ];
        let tall = TextRun {
            height: 30.0,
            ..run(1, 110.0, 116.0, "上年")
        };
        let runs = vec![
            tall,
            run(1, 210.0, 118.0, "小计"),
            run(1, 210.0, 140.0, "其中"),
        ];
        let out = extract_page(runs, segments);
        assert_eq!(out.text, "\t小计\n上年\t其中\n");
    }

    #[test]
    fn a_group_label_beside_its_rows_is_read_on_the_first() {
        // 江苏 收入预算总表: "一般公共预算资金" spans three rows (小计 and
        // its parts), centred in the middle one; the rules at 130 and 160
        // are drawn right of 200 only.
        let segments = vec![
            seg(100.0, 100.0, 300.0, 100.0),
            seg(200.0, 130.0, 300.0, 130.0),
            seg(200.0, 160.0, 300.0, 160.0),
            seg(100.0, 190.0, 300.0, 190.0),
            seg(100.0, 220.0, 300.0, 220.0),
            seg(100.0, 100.0, 100.0, 220.0),
            seg(200.0, 100.0, 200.0, 220.0),
            seg(300.0, 100.0, 300.0, 220.0),
        ];
        let runs = vec![
            run(1, 110.0, 140.0, "一般公共预算资金"),
            run(1, 210.0, 110.0, "小计"),
            run(1, 210.0, 140.0, "公共财政拨款"),
            run(1, 210.0, 170.0, "专项收入"),
            run(1, 110.0, 200.0, "政府性基金"),
            run(1, 210.0, 200.0, "小计"),
        ];
        let out = extract_page(runs, segments);
        assert_eq!(
            out.text,
            "一般公共预算资金\t小计\n\t公共财政拨款\n\t专项收入\n政府性基金\t小计\n"
        );
    }

    #[test]
    fn justified_gaps_in_prose_are_spaces() {
        let j = |t: &str| justified_gaps(t.to_string());
        assert_eq!(
            j("与上年相比增加\t309.03万元，增长"),
            "与上年相比增加309.03万元，增长"
        );
        assert_eq!(j("2.31\t%。主要原因"), "2.31 %。主要原因");
        assert_eq!(
            j("比2016年增加\t3,401.59 万元"),
            "比2016年增加3,401.59 万元"
        );
        // 江苏检察院 2018: "其他资金14.39万元，占\t0.06 %；".
        assert_eq!(
            j("其他资金14.39万元，占\t0.06 %；"),
            "其他资金14.39万元，占0.06 %；"
        );
        assert_eq!(j("增长\t12.5%，主要"), "增长12.5%，主要");
        // Columns stay columns: an amount cell, a rate cell, a label.
        assert_eq!(j("合计\t2,889.80"), "合计\t2,889.80");
        assert_eq!(j("增长率\t12.5%"), "增长率\t12.5%");
        assert_eq!(j("增长率\t12.5%\t备注"), "增长率\t12.5%\t备注");
        assert_eq!(j("项目\t元旦慰问"), "项目\t元旦慰问");
    }

    #[test]
    fn layout_from_json() {
        let json = r#"{"pages":[{"page":1,"width":595,"height":842}],
            "runs":[{"page":1,"x":10,"y":20,"width":30,"height":10,"text":"合计"}]}"#;
        let layout: Layout = serde_json::from_str(json).expect("layout");
        assert_eq!(extract(&layout).text, "合计\n");
    }

    #[test]
    fn page_numbers() {
        for n in ["3", "- 3 -", "第 3 页", "3/12", "第3页共12页", "—3—"] {
            assert!(is_page_number(n), "{n}");
        }
        for n in ["表3", "2026年", "3.5"] {
            assert!(!is_page_number(n), "{n}");
        }
    }
}
