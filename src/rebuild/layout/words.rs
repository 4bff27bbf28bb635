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

/// The words of `raw`, left to right.
pub fn words(raw: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut begin: Option<(usize, usize)> = None;
    let mut col = 0;
    for (byte, ch) in raw.char_indices() {
        if ch.is_whitespace() {
            if let Some((b, c)) = begin.take() {
                out.push(Word {
                    start: c,
                    end: col,
                    text: &raw[b..byte],
                });
            }
        } else if begin.is_none() {
            begin = Some((byte, col));
        }
        col += 1;
    }
    if let Some((b, c)) = begin {
        out.push(Word {
            start: c,
            end: col,
            text: &raw[b..],
        });
    }
    out
}

/// "340.46", "1,302.68", "-5", "0": an amount as tables print it.
pub fn is_figure(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    int.starts_with(|c: char| c.is_ascii_digit())
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
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
}
