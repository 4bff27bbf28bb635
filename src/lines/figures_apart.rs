//! Prose whose figures an extractor set apart from their sentence, put
//! back in their places.
//!
//! A PDF may print the digits of its prose in another font, set on another
//! baseline; pdfplumber then gives the sentence a line with a space where
//! each figure stood, and the figures a line of their own below it:
//!
//! ```text
//! 上海市普陀区财政局 年度收入支出总计 万元。与 年度相比，收入
//! 2024 2995.39 2023
//! ```
//!
//! Read as printed, the sentence states nothing. A line is given back its
//! figures only when nothing else can be meant: the line right below it
//! holds figures alone ("2995.39", "1.87%", "2024"), as many as the line
//! has single spaces, and each space stands between two ideographs (or
//! full-width marks), where Chinese prose never puts one. The figures go
//! to the spaces in order; each keeps its own line number
//! ([`Line::breaks`]), and the figures' line is marked
//! [`Noise::Joined`]. Anything less certain is left as printed: the prose
//! readers then find no figure there, which costs a finding at worst.

use super::cells::is_cjk;
use super::{Line, Lines, Noise};
use crate::prelude::*;

impl Lines {
    /// Puts figures set apart back into their sentences (see the module
    /// doc). `raw` are the text's lines as printed (spacing kept: the line
    /// stage takes a space between ideographs out of `Line::text`);
    /// `in_table` tells, per line (an index into `all`), whether it
    /// belongs to a table region: those lines are the table readers'.
    pub fn join_figures_set_apart(&mut self, raw: &[&str], in_table: &[bool]) {
        let prose = |lines: &[Line], i: usize| {
            let line = &lines[i];
            line.noise.is_none()
                && !line.is_blank()
                && !line.is_tabular()
                && !in_table.get(i).copied().unwrap_or(false)
        };
        let n = self.all.len().min(raw.len());
        for i in 0..n.saturating_sub(1) {
            // Most lines are turned away here, before anything is built: a
            // line of figures starts with a digit, and a sentence missing
            // them has a space.
            let starts_with_digit = raw[i + 1]
                .bytes()
                .find(|&b| b != b' ')
                .is_some_and(|b| b.is_ascii_digit());
            if !starts_with_digit
                || !prose(&self.all, i + 1)
                || !prose(&self.all, i)
                || !raw[i].trim().contains(' ')
                || !self.all[i].breaks.is_empty()
            {
                continue;
            }
            let figures: Vec<&str> = raw[i + 1].split_whitespace().collect();
            if !figures.iter().all(|f| is_figure(f)) {
                continue;
            }
            let sentence = raw[i].trim();
            let Some(gaps) = gaps(sentence).filter(|g| g.len() == figures.len()) else {
                continue;
            };
            let below = self.all[i + 1].no;
            if !splice(&mut self.all[i], sentence, &gaps, &figures, below) {
                continue;
            }
            self.all[i].also.push(below);
            self.all[i + 1].noise = Some(Noise::Joined);
        }
    }
}

/// A figure of prose as a PDF prints it: digits, with a thousands comma,
/// a decimal point or a closing per cent sign ("2,995.39", "1.87%").
fn is_figure(word: &str) -> bool {
    let digits = word.strip_suffix('%').unwrap_or(word);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
}

/// The byte offsets of the line's spaces, when every one stands between
/// two ideographs or full-width marks; None when one does not (or there
/// is none).
fn gaps(text: &str) -> Option<Vec<usize>> {
    let mut gaps = Vec::new();
    for (at, c) in text.char_indices() {
        if c != ' ' {
            continue;
        }
        let before = text[..at].chars().next_back();
        let after = text[at + 1..].chars().next();
        if !(before.is_some_and(is_cjk) && after.is_some_and(is_cjk)) {
            return None;
        }
        gaps.push(at);
    }
    (!gaps.is_empty()).then_some(gaps)
}

/// Writes `figures` into the spaces at `gaps` of `sentence` (the line as
/// printed), each figure cited at line `below`, the rest at the line's own
/// number. False (the line left as it is) unless the line stage read the
/// sentence with its spaces taken out and nothing else changed.
fn splice(line: &mut Line, sentence: &str, gaps: &[usize], figures: &[&str], below: usize) -> bool {
    if !line.text.chars().eq(sentence.chars().filter(|&c| c != ' ')) {
        return false;
    }
    let mut text =
        String::with_capacity(sentence.len() + figures.iter().map(|f| f.len()).sum::<usize>());
    let mut breaks = vec![(0, line.no)];
    let mut from = 0;
    for (&at, figure) in gaps.iter().zip(figures) {
        text.push_str(&sentence[from..at]);
        breaks.push((text.len(), below));
        text.push_str(figure);
        breaks.push((text.len(), line.no));
        from = at + 1;
    }
    text.push_str(&sentence[from..]);
    line.text = text;
    line.breaks = breaks;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> Lines {
        let mut lines = Lines::from_text(text);
        let raw: Vec<&str> = text.split('\n').collect();
        let n = lines.all.len();
        lines.join_figures_set_apart(&raw, &vec![false; n]);
        lines
    }

    #[test]
    fn figures_below_a_sentence_go_back_to_its_spaces() {
        let lines = joined(
            "上海市普陀区财政局 年度收入支出总计 万元。与 年度相比，收入\n2024 2995.39 2023\n支出总计减少 万元，下降 。\n56.95 1.87%",
        );
        let first = &lines.all[0];
        assert_eq!(
            first.text,
            "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入"
        );
        // Each figure is cited at the line it was printed on.
        let at = first.text.find("2995.39").expect("spliced");
        assert_eq!(first.line_at(at), 2);
        assert_eq!(first.line_at(at + "2995.39".len()), 1);
        assert_eq!(lines.all[1].noise, Some(Noise::Joined));
        assert_eq!(lines.all[2].text, "支出总计减少56.95万元，下降1.87%。");
        assert_eq!(
            lines.all[2].line_at(lines.all[2].text.find("1.87").unwrap()),
            4
        );
    }

    #[test]
    fn anything_less_certain_is_left_as_printed() {
        for text in [
            // One figure short.
            "收入 万元，占 ；\n2946.25",
            // A space beside a Latin word.
            "PPP 项目 万元\n12.00 3.00",
            // A line of words below.
            "收入 万元\n合计 12.00",
            // Figures not right below.
            "收入 万元\n\n12.00",
        ] {
            let lines = joined(text);
            let printed = Lines::from_text(text);
            assert_eq!(lines.all[0].text, printed.all[0].text, "{text}");
            assert!(lines.all.iter().all(|l| l.noise.is_none()), "{text}");
        }
    }
}
