//! Rows printed on one line, parted. A browser's copy of a PDF (Chrome's
//! viewer, PDFium) sets rows drawn close together on one line, one after
//! another: "204 公共安全支出 1,252,300 0 1,252,300 204 06 司法 150,000 0
//! 150,000 204 06 07 公共法律服务 …". In a table whose rows open with their
//! 科目编码 such a line parts where a code stands between one row's figures
//! and the next row's name: the code is the digits right before the name
//! (a 类 of three digits, then 款 and 项 of two), and what comes before it
//! is the row before's.
//!
//! A line is parted only when every piece is certain: each opens with a
//! code and a name (with Chinese in it), each but the last has a figure
//! after its name, one reading of the digits before each name makes a
//! code, and the codes rise along the line as a table's 科目 do. A line
//! that shows another row after its first — a name, figures, another
//! name — but cannot be parted so is kept whole and marked
//! [`OnLine::WithOthers`], and its table is not placed at all (`place`):
//! its figures may be few enough to fit one row's cells, and placed there
//! they would be read under the first row's code and steer the placing of
//! every other row. The table's figures are reported unplaced (S106) and
//! the checks that look a code up in it do not run.

use super::spaced::Entry;
use super::tokens::{is_numbered_heading, is_total};
use crate::prelude::*;
use crate::text::is_ideograph;

/// How a row stands on the line it was printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnLine {
    /// Alone, or the first of the rows parted off the line.
    First,
    /// Parted off the row before it on the same line: both cite that line.
    After,
    /// Printed with other rows on the line that could not be parted with
    /// certainty.
    WithOthers,
}

/// What a line holds.
#[derive(Debug, PartialEq, Eq)]
enum Held {
    /// One row (or no row at all).
    One,
    /// Rows starting at these words (the first at 0).
    Rows(Vec<usize>),
    /// More than one row, not parted with certainty.
    Uncertain,
}

/// How a table's rows open with their codes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Codes {
    /// One cell of 3, 5 or 7 digits ("2040607").
    Whole,
    /// 类, 款 and 项 cells: three digits, then at most `parts_after_class`
    /// cells of two.
    Split { parts_after_class: usize },
}

impl Codes {
    /// How many of `words` make a code at their start, read strictly: a
    /// 类 of three digits (a short one is not taken here), then 款 and 项.
    fn at(self, words: &[&str]) -> usize {
        let digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|b| b.is_ascii_digit());
        let Some(first) = words.first() else {
            return 0;
        };
        match self {
            Codes::Whole => usize::from([3, 5, 7].iter().any(|&n| digits(first, n))),
            Codes::Split { parts_after_class } => {
                if !digits(first, 3) {
                    return 0;
                }
                1 + words[1..]
                    .iter()
                    .take(parts_after_class)
                    .take_while(|w| digits(w, 2))
                    .count()
            }
        }
    }
}

/// `entries` with every line that holds several rows parted into one
/// entry a row (each citing the line), and those that cannot be parted
/// with certainty marked [`OnLine::WithOthers`] (however many figures they
/// hold: a code printed whole in a table of 元 reads as a figure, so their
/// count tells nothing); `None` when no line holds several.
pub(super) fn part<'a>(
    entries: &[Entry<'a>],
    codes: Codes,
    is_figure: impl Fn(&str) -> bool,
) -> Option<Vec<Entry<'a>>> {
    let mut parted = Vec::new();
    let mut any = false;
    for e in entries {
        let on_line = match held(&e.words, codes, &is_figure) {
            Held::One => e.on_line,
            Held::Uncertain => OnLine::WithOthers,
            Held::Rows(starts) => {
                push_rows(&mut parted, e, &starts);
                any = true;
                continue;
            }
        };
        any |= on_line == OnLine::WithOthers;
        parted.push(Entry {
            index: e.index,
            words: e.words.clone(),
            on_line,
        });
    }
    any.then_some(parted)
}

/// `entries` with every line on which a numbered heading ("一、货物 A")
/// follows a figure parted there (Chrome's copy of a 政府采购预算表:
/// "合计 2,889.80 一、货物 A 334.00"): a heading opens its row and is never
/// a wrapped name's piece. `None` when no line holds one so.
pub(super) fn part_at_headings<'a>(
    entries: &[Entry<'a>],
    is_figure: impl Fn(&str) -> bool,
) -> Option<Vec<Entry<'a>>> {
    let mut parted = Vec::new();
    let mut any = false;
    for e in entries {
        let starts: Vec<usize> = [0]
            .into_iter()
            .chain(
                (1..e.words.len())
                    .filter(|&k| is_numbered_heading(e.words[k]) && is_figure(e.words[k - 1])),
            )
            .collect();
        any |= starts.len() > 1;
        push_rows(&mut parted, e, &starts);
    }
    any.then_some(parted)
}

/// Pushes the rows of line `e` starting at the words `starts` (the first
/// at 0), each an entry citing the line, those after the first
/// [`OnLine::After`].
fn push_rows<'a>(parted: &mut Vec<Entry<'a>>, e: &Entry<'a>, starts: &[usize]) {
    let ends = starts[1..].iter().copied().chain([e.words.len()]);
    for (start, end) in starts.iter().copied().zip(ends) {
        parted.push(Entry {
            index: e.index,
            words: e.words[start..end].to_vec(),
            on_line: if start > 0 {
                OnLine::After
            } else {
                OnLine::First
            },
        });
    }
}

/// What a line holds: where each of its rows starts (word indices, the
/// first 0) when it holds several and can be parted with certainty. The
/// table's total row ("合计 189,767,551 …") may open the line or end it:
/// its label is its own, no code before it. A name with Chinese after a
/// figure shows another row however the line opens.
fn held(words: &[&str], codes: Codes, is_figure: &impl Fn(&str) -> bool) -> Held {
    match row_starts(words, codes, is_figure) {
        Some(starts) => Held::Rows(starts),
        None if name_after_figure(words, is_figure) => Held::Uncertain,
        None => Held::One,
    }
}

/// Whether a word with Chinese in it follows a figure that follows one:
/// a name, its figures, and another name — no row of a coded table prints
/// two names apart. (Its code, digits, may read as a figure of a table in
/// 元 printed whole.)
fn name_after_figure(words: &[&str], is_figure: &impl Fn(&str) -> bool) -> bool {
    let Some(name) = words.iter().position(|w| is_name(w)) else {
        return false;
    };
    let after_name = &words[name..];
    after_name
        .iter()
        .position(|w| is_figure(w))
        .is_some_and(|figure| after_name[figure..].iter().any(|w| is_name(w)))
}

/// Where each row of a line holding several starts, or `None` when it
/// holds one or its parting is not certain ([`held`]).
fn row_starts(
    words: &[&str],
    codes: Codes,
    is_figure: &impl Fn(&str) -> bool,
) -> Option<Vec<usize>> {
    let first_code = codes.at(words);
    let total_first = words.first().is_some_and(|w| is_total(w));
    let named = words.get(first_code).is_some_and(|w| is_name(w));
    if !total_first && (first_code == 0 || !named) {
        return None;
    }
    let mut starts = vec![0];
    let mut at = if total_first { 1 } else { first_code };
    loop {
        // The name, then the numbers after it: this row's figures, and the
        // next row's code when a name follows them.
        while at < words.len() && !is_number(words[at]) {
            at += 1;
        }
        let numbers = at;
        while at < words.len() && is_number(words[at]) {
            at += 1;
        }
        if at == words.len() {
            break;
        }
        if is_total(words[at]) {
            // The total row ends the line: its figures, and nothing else.
            let figures = words[numbers..at].iter().any(|w| is_figure(w));
            let rest_numbers = words[at + 1..].iter().all(|w| is_number(w));
            if !figures || !rest_numbers || at + 1 == words.len() {
                return None;
            }
            starts.push(at);
            break;
        }
        if !is_name(words[at]) {
            return None;
        }
        // The code: the numbers before the name that make one, read one
        // way only, after at least one figure of this row.
        let mut code_starts = (numbers + 1..at).filter(|&k| codes.at(&words[k..]) == at - k);
        let start = code_starts.next()?;
        if code_starts.next().is_some() || !words[numbers..start].iter().any(|w| is_figure(w)) {
            return None;
        }
        starts.push(start);
    }
    if starts.len() < 2 {
        return None;
    }
    // The codes rise along the line, as a table's 科目 do ("204" < "20406"
    // < "2040607" < "20499" < "205"); a total has none.
    let code_of = |start: usize| words[start..start + codes.at(&words[start..])].concat();
    let keys: Vec<String> = starts
        .iter()
        .filter(|&&s| !is_total(words[s]))
        .map(|&s| code_of(s))
        .collect();
    keys.windows(2)
        .all(|pair| pair[0] < pair[1])
        .then_some(starts)
}

/// A word of a row's name: not a number, and Chinese in it.
fn is_name(word: &str) -> bool {
    !is_number(word) && word.chars().any(is_ideograph)
}

/// A word of digits, commas, a point or a minus: a figure or a piece of a
/// code, never a piece of a name.
fn is_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPLIT: Codes = Codes::Split {
        parts_after_class: 2,
    };

    fn is_figure(w: &str) -> bool {
        w.contains(',') || w == "0"
    }

    fn parted(line: &str) -> Option<Vec<String>> {
        let words: Vec<&str> = line.split(' ').collect();
        let starts = row_starts(&words, SPLIT, &is_figure)?;
        let ends = starts[1..].iter().copied().chain([words.len()]);
        Some(
            starts
                .iter()
                .zip(ends)
                .map(|(&s, e)| words[s..e].join(" "))
                .collect(),
        )
    }

    #[test]
    fn rows_printed_one_after_another_are_parted_at_their_codes() {
        assert_eq!(
            parted("204 公共安全支出 1,252,300 0 1,252,300 204 06 司法 150,000 0 150,000 204 06 07 公共法律服务 150,000 0 150,000 205 教育支出 250,000"),
            Some(vec![
                "204 公共安全支出 1,252,300 0 1,252,300".to_string(),
                "204 06 司法 150,000 0 150,000".to_string(),
                "204 06 07 公共法律服务 150,000 0 150,000".to_string(),
                "205 教育支出 250,000".to_string(),
            ])
        );
    }

    #[test]
    fn a_line_of_one_row_or_an_uncertain_one_is_left_whole() {
        // One row.
        assert_eq!(parted("204 06 司法 150,000 0 150,000"), None);
        // No code at the start: the line goes on a row of the line above.
        assert_eq!(parted("司法 150,000 204 06 07 公共法律服务 150,000"), None);
        // No figure between two names: a name wrapped round a number.
        assert_eq!(parted("204 公共安全支出 204 06 司法 150,000"), None);
        // Codes that do not rise: no table's order.
        assert_eq!(parted("204 06 司法 150,000 0 201 01 行政运行 10,000"), None);
        // A name without Chinese ("-"): no row.
        assert_eq!(parted("204 06 司法 150,000 0 205 - 10,000"), None);
        // A total with words after its figures, or with no figure.
        assert_eq!(parted("204 06 司法 150,000 合计 150,000 说明"), None);
        assert_eq!(parted("204 06 司法 150,000 合计"), None);
    }

    #[test]
    fn the_total_row_may_open_the_line_or_end_it() {
        assert_eq!(
            parted("221 03 99 其他城乡社区住宅支出 2,177,200 0 2,177,200 合计 164,978,640 99,406,297 65,572,343"),
            Some(vec![
                "221 03 99 其他城乡社区住宅支出 2,177,200 0 2,177,200".to_string(),
                "合计 164,978,640 99,406,297 65,572,343".to_string(),
            ])
        );
        assert_eq!(
            parted("合计 3,296,600 0 3,296,600 201 一般公共服务支出 3,296,600 0 3,296,600"),
            Some(vec![
                "合计 3,296,600 0 3,296,600".to_string(),
                "201 一般公共服务支出 3,296,600 0 3,296,600".to_string(),
            ])
        );
    }

    #[test]
    fn a_line_showing_rows_it_cannot_part_is_said_to_hold_others() {
        let held_by = |line: &str| {
            let words: Vec<&str> = line.split(' ').collect();
            held(&words, SPLIT, &is_figure)
        };
        assert_eq!(held_by("204 06 司法 150,000 0 150,000"), Held::One);
        assert_eq!(
            held_by("204 06 司法 150,000 205 教育支出 1,000"),
            Held::Rows(vec![0, 4])
        );
        // Codes that do not rise; a line opening with a name's rest.
        assert_eq!(
            held_by("302 99 其他商品和服务支出 994,54 302 11 差旅费 45,00"),
            Held::Uncertain
        );
        assert_eq!(
            held_by("务支出 150,000 204 06 07 公共法律服务 150,000"),
            Held::Uncertain
        );
        // Chinese before the figures only: a name wrapped onto the line.
        assert_eq!(
            held_by("其他政府办公厅（室）及相关机构事务支出 20,120,000"),
            Held::One
        );
        // A code read as a figure (元 printed whole) before the name.
        let whole = |w: &str| w.bytes().all(|b| b.is_ascii_digit() || b == b',');
        let words: Vec<&str> = "201 一般公共服务支出 3,296,600 0".split(' ').collect();
        assert_eq!(held(&words, SPLIT, &whole), Held::One);
    }

    #[test]
    fn the_code_is_read_from_the_digits_right_before_the_name() {
        // "0 205" could be a figure and a 类; "150 20" a 类 and a 款
        // would not rise after 204 06, "20" alone opens no code.
        assert_eq!(
            parted("204 06 司法 150,000 0 205 教育支出 1,000"),
            Some(vec![
                "204 06 司法 150,000 0".to_string(),
                "205 教育支出 1,000".to_string(),
            ])
        );
        assert_eq!(parted("204 06 司法 150,000 150 20 教育支出 1,000"), None);
    }
}
