//! Page breaks, and what a page prints around its text.
//!
//! `pdftotext` ends each page with a form feed (markdown extractors print
//! "<!-- page break -->"); the text stage drops it (as every control
//! character; the comment is cleaned to a blank line), so the breaks are
//! read from the decoded text, counting lines as the text stage does, and kept on the line that
//! starts a page ([`Line::page_start`]). What stands at a page's edges and
//! is no part of the document's text is then marked [`Noise::Page`]:
//! - a page number: "- 3 -", "—3—", "第3页", "第 3 页 共 49 页", "3/49"
//!   anywhere on a line of its own; a bare "3" only at a page's edge and
//!   when the numbers at the edges count up with the pages;
//! - a running header or footer: the same short line at the same edge of
//!   at least half the pages (and of three at least).
//!
//! Marked, not deleted: the line numbers stay the user's, and a sentence
//! broken by a page break is joined across them (`wrap.rs`).

use super::{Line, Lines, Noise};
use crate::prelude::*;

/// How many page edges a running header must be seen at, at least.
const MIN_REPEATS: usize = 3;

/// The fewest characters a running header or footer has.
const MIN_RUNNING_CHARS: usize = 4;

impl Lines {
    /// Marks the page breaks of `decoded` (the text before normalisation,
    /// form feeds kept) and the page numbers, headers and footers.
    pub fn mark_pages(&mut self, decoded: &str) {
        for no in page_starts(decoded) {
            if let Some(line) = no.checked_sub(1).and_then(|i| self.all.get_mut(i)) {
                line.page_start = true;
            }
        }
        mark_page_numbers(&mut self.all);
        if !self.all.iter().any(|l| l.page_start) {
            mark_counted_numbers(&mut self.all);
        }
        mark_running_lines(&mut self.all);
    }
}

/// What markdown extractors print between pages.
const MARKDOWN_BREAK: &str = "<!-- page break -->";

/// 1-based numbers of the lines a form feed stands in (or a markdown
/// extractor's page-break comment), line breaks counted as
/// `text::normalize` folds them (CRLF, CR and LF are one break each).
fn page_starts(decoded: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut no = 1;
    let bytes = decoded.as_bytes();
    let mut line_start = true;
    for (i, &b) in bytes.iter().enumerate() {
        if line_start && b == b'<' && decoded[i..].starts_with(MARKDOWN_BREAK) {
            starts.push(no);
        }
        line_start = false;
        match b {
            b'\n' => {
                no += 1;
                line_start = true;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                no += 1;
                line_start = true;
            }
            0x0c if starts.last() != Some(&no) => starts.push(no),
            _ => {}
        }
    }
    starts
}

/// The content lines at the edges of the pages: (index of the last line
/// before a break, index of the first line after it), for every break and
/// for the document's start and end; none when no page break was seen.
fn edges(lines: &[Line]) -> Vec<(Option<usize>, Option<usize>)> {
    let is_text = |l: &Line| !l.is_blank() && l.noise.is_none();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.page_start {
            continue;
        }
        let before = (0..i).rev().find(|&j| is_text(&lines[j]));
        let after = (i..lines.len()).find(|&j| is_text(&lines[j]));
        out.push((before, after));
    }
    if out.is_empty() {
        return out;
    }
    let first = lines.iter().position(is_text);
    if out.first().is_some_and(|e| e.1 != first) {
        out.insert(0, (None, first));
    }
    let last = lines.iter().rposition(is_text);
    if out.last().is_some_and(|e| e.0 != last) {
        out.push((last, None));
    }
    out
}

/// "- 3 -", "—3—", "第3页", "第 3 页 共 49 页", "3/49": a page number in
/// a form no sentence or table cell takes. Read in one pass over the
/// characters (no pattern searches: each kind would add its own code to
/// the wasm).
fn is_decorated_page_number(text: &str) -> bool {
    let is_dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―');
    let (mut digits, mut groups, mut in_digits) = (0, 0, false);
    let (mut dashes, mut slashes, mut pages) = (0, 0, 0);
    let (mut first, mut last) = (None, None);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        first.get_or_insert(c);
        last = Some(c);
        if c.is_ascii_digit() {
            digits += 1;
            groups += usize::from(!in_digits);
            in_digits = true;
            continue;
        }
        in_digits = false;
        match c {
            c if is_dash(c) => dashes += 1,
            '/' => slashes += 1,
            '第' | '页' | '共' => pages += 1,
            _ => return false,
        }
    }
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    if digits == 0 || digits > 8 || groups > 2 {
        return false;
    }
    match (dashes, slashes, pages) {
        // "- 3 -": dashes on both sides of one number.
        (2.., 0, 0) => groups == 1 && is_dash(first) && is_dash(last),
        // "3/49".
        (0, 1, 0) => groups == 2 && first.is_ascii_digit() && last.is_ascii_digit(),
        // "第3页", "第3页共49页", "第3页/共49页".
        (0, 0 | 1, 2 | 4) => first == '第' && last == '页' && (groups == 1) == (pages == 2),
        _ => false,
    }
}

/// A bare page number: 1–4 digits.
fn bare_number(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 4 {
        return None;
    }
    let mut n = 0;
    for b in t.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    Some(n)
}

/// How far apart two bare numbers that count up with the pages stand,
/// in lines per page between them: a page of pdfplumber's text holds a
/// dozen lines at the least, one of `pdftotext`'s one cell a line a few
/// hundred at the most.
const PAGE_LINES: core::ops::RangeInclusive<usize> = 10..=400;

/// The most pages two bare numbers that count up may be apart: a page
/// without a number between them (a chart, a blank page), no more.
const MOST_PAGES_APART: u32 = 2;

/// The fewest bare numbers in a run that counts up with the pages.
const LEAST_RUN: usize = 3;

/// In text without page breaks (pages joined by a line break, as
/// pdfplumber's text and a PDF viewer's copy give them), the bare page
/// numbers still count up through the document, a page's length of lines
/// apart: a run of at least [`LEAST_RUN`] bare numbers on lines of their
/// own, each one or two more than the one before and [`PAGE_LINES`] a
/// page after it, is marked (a lone number between two ends a run there).
/// A lone number that is a table's cell or part of a sentence does not
/// count up so ("增加 40" / "24" / "万元": page 24
/// inside a sentence; "18" between two rows of 公开08表).
fn mark_counted_numbers(lines: &mut [Line]) {
    let numbers: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.noise.is_none() && !l.is_tabular())
        .filter_map(|(i, l)| bare_number(&l.text).map(|n| (i, n)))
        .collect();
    let counts_up = |&(h, m): &(usize, u32), &(i, n): &(usize, u32)| {
        let pages = n.wrapping_sub(m);
        (1..=MOST_PAGES_APART).contains(&pages) && PAGE_LINES.contains(&((i - h) / pages as usize))
    };
    for run in numbers.chunk_by(counts_up) {
        if run.len() >= LEAST_RUN {
            for &(i, _) in run {
                lines[i].noise = Some(Noise::Page);
            }
        }
    }
}

fn mark_page_numbers(lines: &mut [Line]) {
    for line in lines.iter_mut() {
        if line.noise.is_none() && !line.is_tabular() && is_decorated_page_number(&line.text) {
            line.noise = Some(Noise::Page);
        }
    }
    // Bare numbers at the pages' edges that count up with the pages.
    let edges = edges(lines);
    for side in [0, 1] {
        // A plain loop, not map+collect: the same list in less wasm.
        let mut numbers: Vec<Option<(usize, u32)>> = Vec::with_capacity(edges.len());
        for e in &edges {
            let number = (if side == 0 { e.0 } else { e.1 }).and_then(|i| {
                let line = &lines[i];
                let n = if line.is_tabular() {
                    None
                } else {
                    bare_number(&line.text)
                };
                n.map(|n| (i, n))
            });
            numbers.push(number);
        }
        let mut marked = Vec::new();
        for (k, number) in numbers.iter().enumerate() {
            let Some((i, n)) = *number else { continue };
            let counts_up = numbers.iter().enumerate().any(|(j, other)| {
                j != k
                    && other
                        .is_some_and(|(_, m)| i64::from(m) - i64::from(n) == j as i64 - k as i64)
            });
            if counts_up {
                marked.push(i);
            }
        }
        for i in marked {
            lines[i].noise = Some(Noise::Page);
        }
    }
}

/// The same short line at the same edge of at least half the pages.
fn mark_running_lines(lines: &mut [Line]) {
    let edges = edges(lines);
    if edges.len() < MIN_REPEATS {
        return;
    }
    for side in [0, 1] {
        let mut texts: Vec<(&str, usize)> = Vec::new();
        for e in &edges {
            let Some(i) = (if side == 0 { e.0 } else { e.1 }) else {
                continue;
            };
            let line = &lines[i];
            if could_be_running(line) {
                texts.push((&line.text, i));
            }
        }
        // A few dozen pages: counting each text's repeats costs less code
        // than sorting them into groups.
        let mut marked = Vec::new();
        for &(text, i) in &texts {
            let repeats = texts.iter().filter(|(t, _)| *t == text).count();
            if repeats >= MIN_REPEATS && repeats * 2 >= edges.len() {
                marked.push(i);
            }
        }
        for i in marked {
            lines[i].noise = Some(Noise::Page);
        }
    }
}

/// A running header or footer is one short line that no table reads: not
/// a table title (a continued table may repeat it), not a "单位：万元" or
/// "部门名称：…" line, and a name or a title — four characters at least: a
/// shorter line at the pages' edges is the last piece of a wrapped label
/// ("出", "支出"), which a long table ends its pages with as often as not.
fn could_be_running(line: &Line) -> bool {
    let t = line.text.as_str();
    let length = t.chars().filter(|c| !c.is_whitespace()).count();
    !line.is_tabular()
        && (MIN_RUNNING_CHARS..=40).contains(&length)
        && !t.contains(['：', ':', '。'])
        && !t.contains('表')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise_of(decoded: &str) -> Vec<Option<Noise>> {
        let mut lines = Lines::from_text(&crate::text::normalize(decoded));
        lines.mark_pages(decoded);
        lines.all.iter().map(|l| l.noise).collect()
    }

    #[test]
    fn finds_page_numbers_and_running_headers() {
        let mut text = String::new();
        for page in 1..=4 {
            text.push_str("\u{c}阳泉市财政局2026年部门预算\r\n正文第一行，");
            text.push_str(&format!("共{page}项。\r\n{page}\r\n"));
        }
        let noise = noise_of(&text);
        for page in 0..4 {
            assert_eq!(noise[page * 3], Some(Noise::Page), "header of page {page}");
            assert_eq!(noise[page * 3 + 1], None, "text of page {page}");
            assert_eq!(
                noise[page * 3 + 2],
                Some(Noise::Page),
                "number of page {page}"
            );
        }
        let noise = noise_of("正文\n- 5 -\n第 6 页 共 9 页\n3\n正文");
        assert_eq!(noise[1], Some(Noise::Page));
        assert_eq!(noise[2], Some(Noise::Page));
        assert_eq!(
            noise[3], None,
            "a bare number away from a page edge is text"
        );
    }

    /// A table whose pages all end inside a wrapped label: its last piece
    /// at every page's foot is the table's, not a footer.
    #[test]
    fn a_wrapped_label_s_last_piece_is_no_running_footer() {
        let pages: Vec<String> = [
            "二十七、债务还本支",
            "二十八、债务付息支",
            "四、公共安全支",
            "八、社会保障和就业支",
        ]
        .iter()
        .map(|label| format!("                     {label}\n                     出\n"))
        .collect();
        let noise = noise_of(&pages.join("\u{c}"));
        assert!(noise.iter().all(Option::is_none), "{noise:?}");
        let page = "正文第一行，共1项。\n阳泉市招商中心\n";
        let noise = noise_of(&[page; 4].join("\u{c}"));
        assert_eq!(noise[1], Some(Noise::Page), "a four-character footer");
    }

    /// Pages of `lines` lines of prose each, joined without a form feed,
    /// each ending in its bare page number; `inside` is put on page 2.
    fn pages_without_breaks(pages: u32, lines: usize, inside: &str) -> String {
        let mut text = String::new();
        for page in 1..=pages {
            for i in 0..lines {
                text.push_str(&format!("第{page}页第{i}行的说明文字，"));
                text.push('\n');
                if page == 2 && i == 3 && !inside.is_empty() {
                    text.push_str(inside);
                    text.push('\n');
                }
            }
            text.push_str(&format!("{page}\n"));
        }
        text
    }

    #[test]
    fn bare_numbers_that_count_up_a_page_apart_are_page_numbers() {
        let marked = |noise: &[Option<Noise>]| -> Vec<usize> {
            noise
                .iter()
                .enumerate()
                .filter(|(_, n)| **n == Some(Noise::Page))
                .map(|(i, _)| i)
                .collect()
        };
        // Each page's 12 lines and its number.
        let noise = noise_of(&pages_without_breaks(4, 12, ""));
        assert_eq!(marked(&noise), [12, 25, 38, 51]);
        // A lone number on page 2 counts up from nothing: it stays, and
        // the run goes on after it.
        let noise = noise_of(&pages_without_breaks(4, 12, "24"));
        assert_eq!(marked(&noise), [26, 39, 52]);
        assert_eq!(noise[17], None);
    }

    #[test]
    fn bare_numbers_that_do_not_count_up_a_page_apart_stay() {
        // Two pages only: no run of three.
        let noise = noise_of(&pages_without_breaks(2, 12, ""));
        assert!(noise.iter().all(Option::is_none));
        // One cell a line: 1, 2, 3 a row apart (a 序号 column), not a page.
        let rows: String = (1..=5).map(|n| format!("{n}\n项目{n}\n10.00\n")).collect();
        assert!(noise_of(&rows).iter().all(Option::is_none));
    }

    #[test]
    fn counts_lines_as_normalize_does() {
        assert_eq!(page_starts("a\r\nb\rc\n\u{c}d\u{c}"), [4]);
        assert_eq!(page_starts("\u{c}a\n\u{c}"), [1, 2]);
        assert_eq!(page_starts("a\n\n<!-- page break -->\n\nb"), [3]);
    }
}
