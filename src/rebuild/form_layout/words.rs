//! A form's lines as words: the runs of text between runs of spaces,
//! where each starts, and what the cut into rows needs to know of them
//! (split where two cells meet one space apart, and in the grid how wide
//! their column's text is).

use crate::model::Amount;
use crate::prelude::*;

use super::labels::{heads_grid, is_whole_label};
use super::{PrintedLine, START_SLACK};
use crate::text::is_ideograph;

/// How many lines above and below a grid word set its column's width
/// ([`column_floors`]).
const FLOOR_REACH: usize = 2;
/// How many lines above and below a line of the grid may show, by words
/// set apart on them, that one space of it parts two one-line cells
/// ([`split_where_wrapped`]).
const ALIGN_REACH: usize = 6;

/// A run of text on one line: the words between runs of spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    /// Index of its line among the form's lines.
    pub(super) line: usize,
    /// Its first column and the column past its end, in characters.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Split off the word before it at one space, where both go on as
    /// wrapped cells ([`split_where_wrapped`]): a band must join each of
    /// them with a word of one same other line.
    pub(super) tied: bool,
    /// In the indicator grid, the least width of the widest word starting
    /// at its column on the lines near it: about as wide as a line of a cell
    /// wrapped there must be ([`column_floors`]); 0 elsewhere.
    pub(super) floor: usize,
    /// What the cut into rows asks of the word's text, worked out once
    /// ([`Word::new`]): every band the cut tries asks it again of each of
    /// its words.
    pub(super) measure: Measure,
}

/// A word's printed width and what it is, from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Measure {
    /// Its printed width in ASCII columns: a CJK character or mark takes
    /// two, an ASCII character one. (Its count of characters would make a
    /// line of figures and Latin letters look longer than the Chinese line
    /// it wraps.)
    pub(super) width: usize,
    /// How much wider or narrower than `width` it may print: a digit or
    /// Latin letter of the forms' fonts is wider than half a CJK
    /// character, so a line holding many ("2022年10月31", "约为2000-2500,")
    /// fills its cell with fewer columns than a line of Chinese, while
    /// brackets and commas are narrower; half a column each.
    pub(super) ascii_slack: usize,
    /// The narrowest it may print: `width` less its `ascii_slack`
    /// (brackets, commas and points print narrower than half a CJK
    /// character) and a column for each CJK mark (a typesetter squeezes
    /// "”。" or "》（" to half their width).
    pub(super) least_width: usize,
    /// It reads as an amount: a figure is never wrapped.
    pub(super) figure: bool,
    /// A label or level printed whole ([`is_whole_label`]): a cell of its
    /// own, which no line below continues unless the two make a longer one.
    pub(super) whole_label: bool,
}

impl<'a> Word<'a> {
    /// The word `text` at columns `[start, end)` of line `line`.
    #[inline(never)]
    pub(super) fn new(line: usize, start: usize, end: usize, text: &'a str) -> Self {
        Word {
            line,
            start,
            end,
            text,
            tied: false,
            floor: 0,
            measure: Measure::of(text),
        }
    }
}

impl Measure {
    fn of(text: &str) -> Self {
        let (mut width, mut ascii, mut marks) = (0, 0, 0);
        for c in text.chars() {
            width += char_width(c);
            ascii += usize::from(c.is_ascii());
            marks += usize::from(is_cjk_mark(c));
        }
        Measure {
            width,
            ascii_slack: ascii / 2,
            least_width: width - ascii / 2 - marks,
            figure: Amount::parse(text).is_some(),
            whole_label: is_whole_label(text),
        }
    }
}

/// A character's width in ASCII columns, as `pdftotext -layout` sets it.
pub(super) fn char_width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// A full-width punctuation mark, which a typesetter may print half wide.
fn is_cjk_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '（'
            | '）'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '〈'
            | '〉'
            | '「'
            | '」'
    )
}

/// Splits a line into words at runs of two spaces or more, and at one
/// space where it parts two cells ([`is_cell_border`]). `None` for a line
/// with a TAB (not a laid-out line).
#[inline(never)]
pub(super) fn split_words<'a>(text: &'a str, line: usize, out: &mut Vec<Word<'a>>) -> Option<()> {
    if text.contains('\t') {
        return None;
    }
    let mut run: Option<(usize, usize)> = None; // (byte, column) of the run's start
    let mut spaces = 0;
    let mut last_end = (0, 0); // (byte, column) past the run's last character
    let push = |out: &mut Vec<Word<'a>>, (b0, c0): (usize, usize), (b1, c1): (usize, usize)| {
        out.push(Word::new(line, c0, c1, &text[b0..b1]));
    };
    for (col, (byte, ch)) in text.char_indices().enumerate() {
        if ch == ' ' {
            spaces += 1;
        } else {
            match run {
                Some(start) if spaces >= 2 => {
                    push(out, start, last_end);
                    run = Some((byte, col));
                }
                Some(start)
                    if spaces == 1 && is_cell_border(&text[start.0..last_end.0], &text[byte..]) =>
                {
                    push(out, start, last_end);
                    run = Some((byte, col));
                }
                Some(_) => {}
                None => run = Some((byte, col)),
            }
            spaces = 0;
            last_end = (byte + ch.len_utf8(), col + 1);
        }
    }
    if let Some(start) = run {
        push(out, start, last_end);
    }
    Some(())
}

/// The words with each one split at a single space where two cells meet
/// with no room between: `pdftotext` leaves one space between a cell
/// filled to its edge and the next ("服务对象满 考务人员满"), as it does
/// between two words of one cell. Split only where both go on, wrapped,
/// on a line at most two away which has a word starting at each piece's
/// column ("意度      意度"), or a word starting at the first's column with
/// one space at the same column between two CJK characters (two cells
/// one space apart there too): one cell's words would go on at its own
/// column only, and prose holds no space at one column on two lines. The
/// band that reads them must join both pieces with that line's words
/// (`cells_of`), so a split that chance columns suggest leaves the form
/// unread rather than misread.
#[inline(never)]
pub(super) fn split_where_wrapped<'a>(lines: &[PrintedLine], words: &[Word<'a>]) -> Vec<Word<'a>> {
    let starts_at = |line: usize, col: usize, slack: usize| {
        on_line(words, line)
            .iter()
            .any(|w| w.start + slack >= col && w.start <= col + slack)
    };
    let page = pages_of(lines);
    let grid = grid_start(words);
    // In the grid, lines of the same page near `line` on which words set
    // apart (two spaces or more, or a cell border) start at `start` and
    // at `next`: the columns of the grid there.
    let column_near = |line: usize, col: usize, slack: usize| {
        (line.saturating_sub(ALIGN_REACH)..=line + ALIGN_REACH).any(|j| {
            j != line
                && j >= grid
                && j < lines.len()
                && page[j] == page[line]
                && starts_at(j, col, slack)
        })
    };
    let aligned = |line: usize, start: usize, next: usize| {
        line >= grid && column_near(line, start, START_SLACK) && column_near(line, next, 0)
    };
    // A word on `line` starting at `start` with one space at `col`
    // between two CJK characters.
    let spaced_at = |line: usize, start: usize, col: usize| {
        on_line(words, line).iter().any(|w| {
            w.start.abs_diff(start) <= START_SLACK
                && col > w.start
                && cjk_space_at(w.text, col - w.start)
        })
    };
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let mut piece = *w;
        let mut byte = 0;
        for (col, (at, ch)) in w.text.char_indices().enumerate() {
            if ch != ' ' || at + 1 >= w.text.len() {
                continue;
            }
            let next = w.start + col + 1;
            let nearby = [
                w.line.checked_sub(2),
                w.line.checked_sub(1),
                Some(w.line + 1),
                Some(w.line + 2),
            ];
            let continued = nearby.into_iter().flatten().any(|j| {
                starts_at(j, piece.start, START_SLACK)
                    && (starts_at(j, next, 0)
                        || (cjk_space_at(w.text, col) && spaced_at(j, piece.start, next - 1)))
            });
            let one_line_cells =
                !continued && cjk_space_at(w.text, col) && aligned(w.line, piece.start, next);
            if continued || one_line_cells {
                out.push(Word {
                    tied: piece.tied,
                    ..Word::new(w.line, piece.start, w.start + col, &w.text[byte..at])
                });
                byte = at + 1;
                piece = Word {
                    tied: continued,
                    ..Word::new(w.line, next, w.end, &w.text[byte..])
                };
            }
        }
        out.push(piece);
    }
    out
}

/// The words of line `line`, found by bisection: `words` go line by line,
/// as [`split_words`] gives them.
fn on_line<'w, 'a>(words: &'w [Word<'a>], line: usize) -> &'w [Word<'a>] {
    let first = words.partition_point(|w| w.line < line);
    let past = first + words[first..].partition_point(|w| w.line == line);
    &words[first..past]
}

/// The line the indicator grid's heading is on (`usize::MAX` when the
/// form has none).
fn grid_start(words: &[Word]) -> usize {
    words
        .iter()
        .find(|w| heads_grid(w.text))
        .map_or(usize::MAX, |w| w.line)
}

/// The page of each line, counted from 0.
fn pages_of(lines: &[PrintedLine]) -> Vec<usize> {
    let mut page = vec![0; lines.len()];
    for (i, line) in lines.iter().enumerate().skip(1) {
        page[i] = page[i - 1] + usize::from(line.page_start);
    }
    page
}

/// Whether the character at index `i` of `text` is one space between two
/// non-ASCII characters (one of [`cjk_spaces`]).
fn cjk_space_at(text: &str, i: usize) -> bool {
    cjk_spaces(text).take_while(|&at| at <= i).any(|at| at == i)
}

/// The character indices of `text` that are one space between two
/// non-ASCII characters, in one pass.
pub(super) fn cjk_spaces(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut chars = text.chars();
    let (mut before, mut at) = (chars.next(), chars.next());
    chars.enumerate().filter_map(move |(i, after)| {
        let between = at == Some(' ') && before.is_some_and(|c| !c.is_ascii()) && !after.is_ascii();
        (before, at) = (at, Some(after));
        between.then_some(i + 1)
    })
}

/// Sets each grid word's [`Word::floor`]. Text wraps only at its cell's
/// edge, so a line of a wrapped cell before its last is about as wide as
/// the column's widest text: two one-line rows of the grid whose cells
/// happen to be as long as each other ("物业服务时间  全年" over "设备维修时间
/// 及时") would otherwise read as one row of wrapped cells. The grid's
/// columns hold across neighbouring rows ([`FLOOR_REACH`] lines), within
/// a page (a page may set them otherwise, and rows further off may merge
/// cells: a 效益 row's name running over its value's column); above the
/// grid the rows merge cells differently, and there the labels keep rows
/// apart. A word with a space in it may run across two cells ("…5万元/家，
/// 200-500万"): it sets no width.
#[inline(never)]
pub(super) fn column_floors(lines: &[PrintedLine], words: &mut [Word]) {
    let grid = grid_start(words);
    if grid == usize::MAX {
        return;
    }
    let page = pages_of(lines);
    // The words go line by line: those of the grid are the last ones, and
    // the ones near a word a window of them, found by bisection.
    let from = words.partition_point(|w| w.line < grid);
    for k in from..words.len() {
        let w = words[k];
        let lo = words.partition_point(|o| o.line + FLOOR_REACH < w.line);
        let hi = words.partition_point(|o| o.line <= w.line + FLOOR_REACH);
        let floor = (lo.max(from)..hi)
            .filter(|&o| {
                let o_word = &words[o];
                page[o_word.line] == page[w.line]
                    && o_word.start.abs_diff(w.start) <= START_SLACK
                    && !o_word.text.contains(' ')
            })
            .map(|o| words[o].measure.least_width)
            .max()
            .unwrap_or(0);
        words[k].floor = floor;
    }
}

/// Whether the one space between `before` (the run so far) and `after`
/// (the rest of the line) parts two cells: a cell's text runs up to the
/// next column where the PDF drew it wide. Inside a cell a space stands
/// between words of a sentence ("山西省财政厅 山西省商务厅", "≥35 家");
/// it parts cells after a figure before a word ("340.46 合计"), before
/// or after a label or level printed whole ("100% 质量指标", "服务对象满意度
/// 补助企业满意度", "2296631 填报日期："), and between a name and the
/// bound after it ("遗属满意度 ≥90%").
fn is_cell_border(before: &str, after: &str) -> bool {
    let next = after.split(' ').next().unwrap_or(after);
    let last = before.rsplit(' ').next().unwrap_or(before);
    let starts_word = after.chars().next().is_some_and(|c| !c.is_ascii());
    let after_colon = before.ends_with([':', '：']);
    (is_figure_word(before) && starts_word)
        || (is_whole_label(next) && !after_colon)
        || is_whole_label(last)
        || (after.starts_with(['≥', '≤']) && before.chars().last().is_some_and(is_ideograph))
}

/// A figure as the forms print them: grouped or with decimals ("340.46",
/// "1,816,000"), or a lone 0. A year ("2022 年") or a count ("4 行业") in a
/// sentence is not one.
fn is_figure_word(text: &str) -> bool {
    (text == "0" || text.contains(['.', ','])) && Amount::parse(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spaces_between_cjk_characters_are_found() {
        assert_eq!(
            cjk_spaces("服务对象满 考务人员满 意度").collect::<Vec<_>>(),
            [5, 11]
        );
        assert_eq!(cjk_spaces("…全年正常开 通过…").collect::<Vec<_>>(), [6]);
        for text in ["a 中 b", " 中 文 ", "中 ", "中  文", ""] {
            assert_eq!(
                cjk_spaces(text).count(),
                usize::from(text == " 中 文 "),
                "{text}"
            );
        }
        assert!(cjk_space_at("服务对象满 考务", 5) && !cjk_space_at("服务对象满 考务", 4));
    }

    #[test]
    fn one_space_parts_cells_only_where_a_figure_or_label_stands() {
        let mut words = Vec::new();
        split_words("合计   340.46 合计   1,816,000 单位自筹", 0, &mut words).unwrap();
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["合计", "340.46", "合计", "1,816,000", "单位自筹"]);
        words.clear();
        split_words(
            "山西省财政厅 山西省商务厅  2022 年度  ≥35 家",
            0,
            &mut words,
        )
        .unwrap();
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["山西省财政厅 山西省商务厅", "2022 年度", "≥35 家"]);
    }
}
