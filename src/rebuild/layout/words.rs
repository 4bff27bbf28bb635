//! A laid-out line as words with their character columns, and what kind of
//! word each is.
//!
//! Positions are counted in characters, not display width: `pdftotext
//! -layout` writes one character per column whatever its width, so a
//! figure's last character stands at the same count on every line of a
//! page's table, give or take two.

use crate::prelude::*;

/// A run of non-space characters: `start..end` in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words of `raw`, left to right. Read byte by byte: white space is
/// ASCII here (normalising made it so), and a character is counted at its
/// first byte.
pub fn words(raw: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut begin: Option<(usize, usize)> = None;
    let mut col = 0;
    for (byte, &b) in raw.as_bytes().iter().enumerate() {
        if b == b' ' || b == b'\t' {
            if let Some((start_byte, start)) = begin.take() {
                out.push(Word {
                    start,
                    end: col,
                    text: &raw[start_byte..byte],
                });
            }
        } else if begin.is_none() {
            begin = Some((byte, col));
        }
        // UTF-8 continuation bytes (10xxxxxx) belong to the character
        // already counted.
        if b & 0xC0 != 0x80 {
            col += 1;
        }
    }
    if let Some((start_byte, start)) = begin {
        out.push(Word {
            start,
            end: col,
            text: &raw[start_byte..],
        });
    }
    out
}

/// "340.46", "1,302.68", "-5", "0": an amount as tables print it.
pub fn is_figure(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    int.starts_with(|c: char| c.is_ascii_digit())
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// True when word `i` is a number inside a wrapped name ("算 20 万以" of
/// "空调机（总预算20万以下）"), not an amount: a short whole number one
/// space from text on either side. An amount stands in its own column, a
/// run of spaces from any label.
pub fn is_in_text(ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    let text_at = |j: Option<usize>| {
        j.and_then(|j| ws.get(j))
            .is_some_and(|n| !n.text.starts_with(|c: char| c.is_ascii_digit() || c == '-'))
    };
    w.text.len() <= 3
        && w.text.bytes().all(|b| b.is_ascii_digit())
        && text_at(i.checked_sub(1))
        && text_at(Some(i + 1))
        && ws[i - 1].end + 1 == w.start
        && w.end + 1 == ws[i + 1].start
}

/// "201", "20113", "2011301": a 科目编码 opening a row.
pub fn is_code(text: &str) -> bool {
    matches!(text.len(), 3 | 5 | 7) && text.bytes().all(|b| b.is_ascii_digit())
}

/// "1 2 3 4 5 6 7": the column-number row some templates print under the
/// header.
pub fn is_column_numbers(words: &[Word]) -> bool {
    words.len() >= 3
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| w.text.parse::<usize>().ok() == Some(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_characters() {
        let w = words("一般公共  340.46 支出");
        assert_eq!(w.len(), 3);
        assert_eq!((w[0].start, w[0].end), (0, 4));
        assert_eq!((w[1].start, w[1].end), (6, 12));
        assert_eq!((w[2].start, w[2].text), (13, "支出"));
    }

    #[test]
    fn figures() {
        assert!(is_figure("340.46"));
        assert!(is_figure("1,302.68"));
        assert!(is_figure("-5"));
        assert!(!is_figure("2026年"));
        assert!(!is_figure("5."));
        assert!(!is_figure("."));
    }

    #[test]
    fn a_number_inside_a_wrapped_name_is_text() {
        let w = words("        算 20 万以              7.40");
        assert!(is_in_text(&w, 1));
        assert!(!is_in_text(&w, 3));
        // An amount a run of spaces from its label is one.
        let w = words("会议费 20  万元");
        assert!(!is_in_text(&w, 1));
    }
}
