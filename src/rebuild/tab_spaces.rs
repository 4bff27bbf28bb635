//! Whether a text's runs of spaces came from TABs, so that they say
//! nothing of where a figure's column is.
//!
//! `pdftotext -layout` sets each cell where the PDF drew it: a column's
//! figures stand one above the other, an empty cell is spaces, and the
//! layout reader places a figure by where it stands. A TAB text whose TABs
//! an editor, a terminal or a mail client turned into spaces (up to tab
//! stops, or a fixed count each) has runs of spaces too, but its cells
//! stand wherever the cells before them end and its empty cells are gone:
//! placed by where they stand, its figures would go to columns they are
//! not in, and every sum they enter would be a false error. It is still
//! one row a line, as single-spaced text is, and is read so: each row's
//! figures placed by the table's sums, or left unplaced.

use crate::lines::Line;

/// Fewest runs of spaces that tell a text whose spaces came from TABs.
const FEWEST_RUNS: usize = 8;

/// Fewest places beside figures whose spaces tell their lengths few: a
/// small region (a one-row 三公 table) is told with its document.
const FEWEST_BESIDE_FIGURES: usize = 32;

/// How many of the lengths of spaces beside figures a TAB text turned
/// into spaces shows most of the time: one space a TAB, two for one empty
/// cell, three for two (or one, a space in a cell).
const COMMONEST: usize = 3;

/// Runs enough to tell: the first this many are weighed, not a whole
/// document's thousands (a PDF's layout is told from a TAB text's well
/// before).
const MOST_RUNS: usize = 256;

/// Whether the region's runs of spaces came from TABs: each TAB spaced to
/// a tab stop or turned into a fixed count of spaces
/// ([`spaced_to_stops`]), or into any fixed count of spaces, one or two
/// among them ([`few_lengths_beside_figures`]).
pub(super) fn spaced_from_tabs(raw: &[&str], lines: &[Line]) -> bool {
    let content = || {
        raw.iter()
            .zip(lines)
            .filter(|(_, line)| line.noise.is_none())
            .map(|(text, _)| text.trim_end())
    };
    spaced_to_stops(content()) || few_lengths_beside_figures(content())
}

/// Nearly all runs of spaces (nine in ten) either as long as a whole
/// number of TABs of four spaces (a TAB replaced by a fixed count, eight
/// or twelve for empty cells) or ending at a tab stop, every fourth column
/// counted in characters or in bytes (a TAB expanded to the next stop, as
/// editors and terminals do). A PDF's layout puts its cells at any column:
/// about one run in four meets either.
fn spaced_to_stops<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let mut runs = 0;
    let mut by_length = 0;
    let mut by_chars = 0;
    let mut by_bytes = 0;
    'lines: for text in lines {
        // Most lines of most texts hold no run to weigh.
        if !text.starts_with(' ') && !text.contains("  ") {
            continue;
        }
        // Where each run starts, in characters; it ends at the next word,
        // whose column is counted in characters and in bytes (a space is
        // one byte: the line is walked by its bytes, a character counted
        // at its first).
        let mut column = 0;
        let mut run_start: Option<usize> = None;
        for (byte, &b) in text.as_bytes().iter().enumerate() {
            if b == b' ' {
                run_start.get_or_insert(column);
            } else if let Some(start) = run_start.take() {
                let length = column - start;
                // Two spaces or more, or the line's indentation.
                if length >= 2 || start == 0 {
                    runs += 1;
                    by_length += usize::from(length % 4 == 0);
                    by_chars += usize::from(column % 4 == 0);
                    by_bytes += usize::from(byte % 4 == 0);
                    if runs == MOST_RUNS {
                        break 'lines;
                    }
                }
            }
            if b & 0xC0 != 0x80 {
                column += 1;
            }
        }
    }
    let nearly_all = |n: usize| n * 10 >= runs * 9;
    runs >= FEWEST_RUNS && (nearly_all(by_length) || nearly_all(by_chars) || nearly_all(by_bytes))
}

/// A TAB turned into a fixed count of spaces, one or two or more: beside
/// a figure on a row, that count wherever no empty cell lies between, and
/// as many again for each empty cell ("2011302 一般行政管理事务 2.40  2.40"),
/// or one where a cell holds a space. So the spaces beside the figures of
/// a region's rows take few lengths: the [`COMMONEST`] commonest make up
/// four fifths of them or more (0.81–1.00 on the corpus's TAB texts turned
/// so, one to four spaces a TAB). `pdftotext -layout` pads each figure to
/// its column, and the lengths spread: 0.68 at most in a table of the
/// corpus's pages, 0.38 over a document. Rows are lines ending in a
/// figure (a line of prose sets one space beside a figure, "1,774.70
/// 万元。", and goes on), and the lengths are told from
/// [`FEWEST_BESIDE_FIGURES`] on.
fn few_lengths_beside_figures<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let mut count_of_length = [0usize; 64];
    let mut beside_figures = 0;
    'lines: for text in lines {
        if !text.rsplit(' ').next().is_some_and(is_figure_word) {
            continue;
        }
        let mut figure_before: Option<bool> = None;
        for (spaces, word) in spaced_words(text) {
            let figure = is_figure_word(word);
            if figure_before.is_some_and(|before| before || figure) {
                beside_figures += 1;
                if let Some(count) = count_of_length.get_mut(spaces) {
                    *count += 1;
                }
                if beside_figures == MOST_RUNS {
                    break 'lines;
                }
            }
            figure_before = Some(figure);
        }
    }
    // The commonest counts, largest first, kept as each is met.
    let mut commonest = [0usize; COMMONEST];
    for &count in &count_of_length {
        if let Some(at) = commonest.iter().position(|&c| count > c) {
            commonest.copy_within(at..COMMONEST - 1, at + 1);
            commonest[at] = count;
        }
    }
    let commonest: usize = commonest.iter().sum();
    beside_figures >= FEWEST_BESIDE_FIGURES && commonest * 5 >= beside_figures * 4
}

/// The words of a line after its indentation, each with the count of
/// spaces before it (none before the first). Found by looking for the next
/// space, not by splitting at every one: a laid-out line is mostly spaces.
fn spaced_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.trim_start_matches(' ');
    let mut spaces = 0;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(' ').unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        let next = after.trim_start_matches(' ');
        let item = (spaces, word);
        spaces = after.len() - next.len();
        rest = next;
        Some(item)
    })
}

/// A word that is a figure as a table prints it: digits with a decimal
/// point or thousands' commas ("2.40", "1,816,000"). Told by its bytes:
/// this is asked of every word beside a space.
fn is_figure_word(word: &str) -> bool {
    let body = word.strip_prefix('-').unwrap_or(word);
    body.bytes().any(|b| b.is_ascii_digit())
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && body.bytes().any(|b| b == b',' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::BUDGET13;
    use crate::rebuild::with_region;

    /// 表三's rows as `pdftotext -layout` prints them (招商中心, 2026):
    /// figures right-aligned under their columns (counted in characters),
    /// blanks only spaces, a long name wrapped around its figures.
    const LAID_OUT: &str = "\
科目编码          科目名称               合计                    基本支出                  项目支出
合计                                     340.46                    264.66              75.80
201       一般公共服务支出                     271.66                    195.86              75.80
20113     商贸事务                         271.22                    195.42              75.80
2011301 行政运行                           195.42                    195.42
2011302 一般行政管理事务                          2.40                                        2.40
2011308 招商引资                             71.40                                       71.40
2011399 其他商贸事务支出                          2.00                                        2.00
20132     组织事务                            0.45                     0.45
2013299 其他组织事务支出                          0.45                     0.45
208       社会保障和就业支出                      36.58                    36.58
          行政事业单位养老支
20805                                    36.58                    36.58
          出
          机关事业单位基本养";

    /// The same rows as a TAB text has them.
    const TABBED: &str = "\
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t340.46\t264.66\t75.80
201\t一般公共服务支出\t271.66\t195.86\t75.80
20113\t商贸事务\t271.22\t195.42\t75.80
2011301\t行政运行\t195.42\t195.42\t
2011302\t一般行政管理事务\t2.40\t\t2.40
2011308\t招商引资\t71.40\t\t71.40
20805\t行政事业单位养老支出\t36.58\t36.58\t
2080505\t机关事业单位基本养老保险缴费支出\t24.39\t24.39\t
2080506\t机关事业单位职业年金缴费支出\t12.19\t12.19\t
210\t卫生健康支出\t11.41\t11.41\t
21007\t计划生育事务\t0.12\t0.12\t
2100799\t其他计划生育事务支出\t0.12\t0.12\t
21011\t行政事业单位医疗\t11.29\t11.29\t
2101101\t行政单位医疗\t11.29\t11.29\t
221\t住房保障支出\t20.81\t20.81\t
22102\t住房改革支出\t20.81\t20.81\t
2210201\t住房公积金\t20.81\t20.81\t";

    /// `text` with each TAB spaced to the next multiple of `stop`
    /// characters.
    fn expanded(text: &str, stop: usize) -> String {
        text.split('\n')
            .map(|line| {
                let mut out = String::new();
                for (i, piece) in line.split('\t').enumerate() {
                    if i > 0 {
                        let column = out.chars().count();
                        out.push_str(&" ".repeat(stop - column % stop));
                    }
                    out.push_str(piece);
                }
                out
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn from_tabs(text: &str) -> bool {
        with_region(&BUDGET13, "表三", text, |r| {
            spaced_from_tabs(&r.raw, r.lines)
        })
    }

    #[test]
    fn a_pdf_layout_is_no_tab_text() {
        assert!(!from_tabs(LAID_OUT));
    }

    #[test]
    fn tabs_turned_into_spaces_are_told() {
        for stop in [4, 8] {
            assert!(from_tabs(&expanded(TABBED, stop)), "stops of {stop}");
        }
        for spaces in [" ", "  ", "    "] {
            assert!(from_tabs(&TABBED.replace('\t', spaces)), "{spaces:?} a TAB");
        }
    }
}
