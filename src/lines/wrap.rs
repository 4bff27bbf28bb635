//! Prose an extractor wrapped at the page's right margin, joined back into
//! its paragraph.
//!
//! Word and WPS give a paragraph as one line; text taken out of a PDF
//! (pdftotext, pdfplumber) breaks it wherever the line was full, even
//! inside a figure or before its unit ("减少2,389.52万⏎元"), and a page
//! break may fall inside it. The readers of the prose, the 专项资金
//! document and the 绩效 forms read a paragraph as one line, so a wrapped
//! paragraph is joined back here: its first line takes the text of the
//! lines that continue it (their numbers in [`Line::also`], each piece's
//! start in [`Line::breaks`], so a figure is still cited at its own line),
//! and those lines are marked [`Noise::Joined`].
//!
//! A line is wrapped when it fills the page: the document must show a
//! margin (many prose lines of nearly the same width, which a paragraph a
//! line never does), the line must reach it, must not end a sentence, and
//! the next content line must not start a block of its own (a heading, a
//! numbered item, a table or form title, a table row). Anything less
//! certain is left as it is: the readers then see the lines as printed,
//! which costs a finding at worst, never a false one from a wrong join.

use super::{Line, Lines, Noise};
use crate::lines::cells::is_cjk;
use crate::prelude::*;
use crate::text::{is_chinese_digit, leading_digits};

/// How many prose lines must reach nearly the same width for the document
/// to have a right margin.
const MARGIN_LINES: usize = 12;

/// A line within this share of the margin fills the page: proportional
/// fonts leave a full line of figures and Latin letters narrower than one
/// of ideographs.
const FULL_SHARE: usize = 85;

/// The narrowest margin a page has (30 ideographs): short lines that
/// repeat (a unit line, a stamp) make no margin.
const MIN_MARGIN: usize = 60;

impl Lines {
    /// Joins every wrapped paragraph (see the module doc). `in_table`
    /// tells, per line (an index into `all`), whether it belongs to a table
    /// region: those lines are the table readers' and never joined.
    pub fn join_wrapped(&mut self, in_table: &[bool]) {
        let Some(margin) = margin(&self.all, in_table) else {
            return;
        };
        let full = margin * FULL_SHARE / 100;
        let mut i = 0;
        while i < self.all.len() {
            let mut end = i;
            while is_prose(&self.all[end], in_table, end) && fills(&self.all[end], full) {
                let Some(next) = next_content(&self.all, end) else {
                    break;
                };
                if !is_prose(&self.all[next], in_table, next) || starts_block(&self.all[next].text)
                {
                    break;
                }
                end = next;
            }
            if end > i {
                self.join(i, end);
            }
            i = end + 1;
        }
    }

    /// Joins the content lines `first..=last` (indices) into `first`.
    fn join(&mut self, first: usize, last: usize) {
        let (head, rest) = self.all.split_at_mut(first + 1);
        let line = &mut head[first];
        if line.breaks.is_empty() {
            line.breaks.push((0, line.no));
        }
        for next in &mut rest[..last - first] {
            if next.noise.is_some() || next.is_blank() {
                continue;
            }
            line.breaks.push((line.text.len(), next.no));
            line.text.push_str(&next.text);
            line.also.push(next.no);
            next.noise = Some(Noise::Joined);
        }
    }
}

/// A content line that prose may be: not blank, not noise, one cell,
/// outside the tables.
fn is_prose(line: &Line, in_table: &[bool], i: usize) -> bool {
    line.noise.is_none()
        && !line.is_blank()
        && !line.is_tabular()
        && !in_table.get(i).copied().unwrap_or(false)
}

/// The next content line after index `i`, across blank lines and noise
/// (a page break, a watermark).
fn next_content(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| lines[j].noise.is_none() && !lines[j].is_blank())
}

/// The width of a line as printed: an ideograph or full-width mark takes
/// two columns, anything else one.
fn width(text: &str) -> usize {
    let mut width = 0;
    for c in text.chars() {
        width += if is_cjk(c) { 2 } else { 1 };
    }
    width
}

/// The document's right margin: the width that the widest prose lines
/// reach, when enough of them reach nearly the same one. None for a
/// paragraph a line (Word, WPS).
fn margin(lines: &[Line], in_table: &[bool]) -> Option<usize> {
    // The widest few may overflow (a title, a contents line): the margin
    // is where the lines crowd, the width of the (MARGIN_LINES/2 + 1)th
    // widest. Kept in a small array, not by sorting every width: no sort
    // code joins the wasm for it.
    let mut widest = [0usize; MARGIN_LINES / 2 + 1];
    let mut widths: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !is_prose(line, in_table, i) {
            continue;
        }
        let w = width(&line.text);
        widths.push(w);
        if let Some(at) = widest.iter().position(|&x| w > x) {
            widest.copy_within(at..MARGIN_LINES / 2, at + 1);
            widest[at] = w;
        }
    }
    let margin = widest[MARGIN_LINES / 2];
    let mut near = 0;
    for &w in &widths {
        if w <= margin && w * 100 >= margin * 95 {
            near += 1;
        }
    }
    (near >= MARGIN_LINES && margin >= MIN_MARGIN).then_some(margin)
}

/// The line reaches the margin and does not end its sentence there.
fn fills(line: &Line, full: usize) -> bool {
    let text = line.text.trim_end();
    !text.ends_with(['。', '！', '？', '!', '?']) && width(text) >= full
}

/// A line that begins a block of its own, never the tail of a paragraph:
/// "第三部分", "十、", "（一）", "(1)", "1、", "2.", a title ending in 表.
fn starts_block(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with('第') && t.chars().take(6).any(|c| c == '部') {
        return true;
    }
    let numeral = t.chars().take_while(|&c| is_chinese_digit(c)).count();
    if numeral > 0 && t.chars().nth(numeral) == Some('、') {
        return true;
    }
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        let n = inner
            .chars()
            .take_while(|&c| is_chinese_digit(c) || c.is_ascii_digit())
            .count();
        if n > 0 && inner.chars().nth(n).is_some_and(|c| c == '）' || c == ')') {
            return true;
        }
    }
    let digits = leading_digits(t);
    if (1..=2).contains(&digits) {
        // The mark is one byte ("2.") or three ("1、", "2．").
        if let Some(rest) = t[digits..].strip_prefix(['、', '.', '．']) {
            return !rest.starts_with(|c: char| c.is_ascii_digit());
        }
    }
    let short = t.chars().count() <= 40;
    short && !t.contains(['，', '。', '；']) && (t.ends_with('表') || t.contains("表（"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped_text() -> String {
        let full = "一二三四五六七八九十".repeat(5);
        let mut text = String::new();
        for _ in 0..MARGIN_LINES {
            text.push_str(&full);
            text.push_str("。\n");
        }
        text.push_str(&format!(
            "{full}其中减少2,389.52万\n仅供内部审核\n\n仅供内部审核\n仅供内部审核\n元，下降5%。\n"
        ));
        text.push_str(&format!("{full}\n（二）其他\n"));
        text
    }

    #[test]
    fn a_numbered_line_begins_a_block_whatever_its_mark() {
        // A 财务收支预算总表 row single-spaced, its title's line run on:
        // "1、" is three bytes, and the line once panicked here.
        assert!(starts_block(
            "1、一般公共预算资金91,016,775.35二、社会保障和就业支出4,213,779.28"
        ));
        assert!(starts_block("2．其他收入"));
        assert!(starts_block("3.项目支出"));
        // "1.5万元": a figure, not a numbered line.
        assert!(!starts_block("1.5万元用于购置设备，其中"));
    }

    #[test]
    fn joins_a_paragraph_across_a_page_break() {
        let mut lines = Lines::from_text(&wrapped_text());
        let n = lines.all.len();
        lines.join_wrapped(&vec![false; n]);
        let first = &lines.all[MARGIN_LINES];
        assert!(
            first.text.ends_with("减少2,389.52万元，下降5%。"),
            "{}",
            first.text
        );
        assert_eq!(first.also, [MARGIN_LINES + 6]);
        assert_eq!(
            first.breaks.last().map(|b| b.1),
            Some(MARGIN_LINES + 6),
            "the tail is cited at its own line"
        );
        assert_eq!(lines.all[MARGIN_LINES + 5].noise, Some(Noise::Joined));
        let heading = &lines.all[MARGIN_LINES + 8];
        assert_eq!(heading.noise, None, "a heading is never a paragraph's tail");
    }

    #[test]
    fn leaves_a_paragraph_a_line_alone() {
        let mut text = String::new();
        for n in 1..40 {
            text.push_str(&"很长的段落文字，".repeat(n));
            text.push_str("没有句号\n");
        }
        let mut lines = Lines::from_text(&text);
        let n = lines.all.len();
        lines.join_wrapped(&vec![false; n]);
        assert!(lines.all.iter().all(|l| l.noise.is_none()));
    }
}
