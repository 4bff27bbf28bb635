//! Splitting a line into cells and cleaning a cell's text.

use alloc::borrow::Cow;

use crate::prelude::*;

/// A raw line's cleaned cells joined by one TAB, and where each cell
/// stands in that text when there are several. Cells are split at TAB; a
/// markdown row "| a | b |" at its pipes; a layout line (pdftotext
/// -layout) at runs of two or more spaces.
///
/// Not inlined into the line loop of `Lines::from_text`: natively that
/// costs ~0.4% of a whole check.
#[inline(never)]
pub fn read_cells(raw: &str) -> (String, Vec<(usize, usize)>) {
    read_plain_cells(raw).unwrap_or_else(|| read_any_cells(raw))
}

/// [`read_cells`] for any line: split, then clean each cell.
fn read_any_cells(raw: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(raw.len());
    let mut spans = Vec::new();
    let mut i = 0;
    split_cells(raw, |cell| {
        if i > 0 {
            text.push('\t');
        }
        let start = text.len();
        push_clean_cell(&mut text, cell);
        if i == 1 {
            // A second cell: only now is the first one's span worth keeping.
            spans.reserve(8);
            spans.push((0, start - 1));
        }
        if i > 0 {
            spans.push((start, text.len()));
        }
        i += 1;
    });
    (text, spans)
}

/// [`read_cells`] for the commonest line, read in one pass: TAB-separated
/// (or a single cell) with nothing to clean — no white space but the TABs,
/// no markup, no markdown row or rule. None for any other line.
fn read_plain_cells(raw: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let line = raw.trim_end_matches([' ', '\r']);
    let bytes = line.as_bytes();
    // A table row has a dozen cells: growing the spans one push at a time
    // cost two or three reallocations a row. Counting TABs is a vector loop.
    let tabs = bytes.iter().filter(|&&b| b == b'\t').count();
    let mut spans = Vec::with_capacity(if tabs > 0 { tabs + 1 } else { 0 });
    let mut start = 0;
    for i in 0..bytes.len() {
        let b = bytes[i];
        if b == b'\t' {
            spans.push((start, i));
            start = i + 1;
        } else if MAY_NEED[usize::from(b)] && needs_at(&bytes[i..]) {
            return None;
        }
    }
    let markdown = if spans.is_empty() {
        is_markdown_rule(line) || (line.len() > 1 && line.starts_with('|') && line.ends_with('|'))
    } else {
        spans.push((start, line.len()));
        spans.iter().any(|&(a, b)| is_markdown_rule(&line[a..b]))
    };
    (!markdown).then(|| (line.to_string(), spans))
}

#[cfg(test)]
fn line_text(raw: &str) -> String {
    read_cells(raw).0
}

/// Hands each raw cell of a line, before cleaning, to `cell`.
fn split_cells<'a>(raw: &'a str, cell: impl FnMut(&'a str)) {
    let trimmed = raw.trim_end_matches([' ', '\r']);
    if trimmed.contains('\t') {
        return split_at_byte(trimmed, b'\t', cell);
    }
    let t = trimmed.trim();
    if t.len() > 1 && t.starts_with('|') && t.ends_with('|') {
        return split_at_byte(&t[1..t.len() - 1], b'|', cell);
    }
    split_at_spaces(t, cell);
}

/// `text` split at each run of two spaces or more (a laid-out line's
/// cells), each piece trimmed, the empty ones left out: what
/// `text.split("  ")` gives so, by a byte loop (a substring searcher costs
/// more to start than the loop to run, and this is asked of every line).
fn split_at_spaces<'a>(text: &'a str, mut cell: impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut piece = |from: usize, to: usize| {
        let trimmed = text[from..to].trim();
        if !trimmed.is_empty() {
            cell(trimmed);
        }
    };
    let (mut start, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == b' ' && bytes[i + 1] == b' ' {
            // An ASCII byte is always a char boundary.
            piece(start, i);
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    piece(start, bytes.len());
}

/// `text.split(sep)` for an ASCII separator, by a plain byte loop: cells
/// are short, and a searcher costs more to start than such a loop to run.
fn split_at_byte<'a>(text: &'a str, sep: u8, mut cell: impl FnMut(&'a str)) {
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == sep {
            // An ASCII byte is always a char boundary.
            cell(&text[start..i]);
            start = i + 1;
        }
    }
    cell(&text[start..]);
}

/// Removes HTML tags and entities, collapses white space, and drops a space
/// that a PDF wrap left between two CJK characters ("政府性 基金预 算").
pub fn clean_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    push_clean_cell(&mut out, cell);
    out
}

/// Appends the cleaned `cell` to `out` (see [`clean_cell`]).
fn push_clean_cell(out: &mut String, cell: &str) {
    let start = out.len();
    if !needs_cleaning(cell) {
        // The common case (a figure or a name): nothing to clean.
        out.push_str(cell);
    } else {
        let text = strip_html(cell);
        let bytes = text.as_bytes();
        let (mut i, mut run) = (0, 0);
        while i < bytes.len() {
            // The table turns most bytes away before the slice is matched.
            let width = if MAY_NEED[usize::from(bytes[i])] {
                white_space_len(&bytes[i..])
            } else {
                0
            };
            if width == 0 {
                i += 1;
                continue;
            }
            out.push_str(&text[run..i]);
            i += width;
            while let w @ 1.. = white_space_len(&bytes[i..]) {
                i += w;
            }
            run = i;
            // A run of white space becomes one space, except at either end
            // and where it touches a CJK character (a PDF wrap).
            let (prev, next) = (out[start..].chars().next_back(), text[i..].chars().next());
            if let (Some(prev), Some(next)) = (prev, next) {
                if !is_cjk(prev) && !is_cjk(next) {
                    out.push(' ');
                }
            }
        }
        out.push_str(&text[run..]);
    }
    if is_markdown_rule(&out[start..]) {
        out.truncate(start);
    }
}

/// Whether a cell holds markup or white space: a byte scan, nothing
/// decoded (see `white_space_len`).
fn needs_cleaning(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    (0..bytes.len()).any(|i| MAY_NEED[usize::from(bytes[i])] && needs_at(&bytes[i..]))
}

/// The first bytes of markup and of white space (`needs_at` tells).
const MAY_NEED: [bool; 256] = crate::text::byte_table!(may_need);

const fn may_need(b: u8) -> bool {
    matches!(b, b'<' | b'&' | 0x0b | 0xC2 | 0xE1 | 0xE2 | 0xE3) || b.is_ascii_whitespace()
}

/// Whether `rest` starts with markup or white space.
fn needs_at(rest: &[u8]) -> bool {
    matches!(rest, [b'<' | b'&', ..]) || white_space_len(rest) > 0
}

/// The byte length of the white-space character `rest` starts with, or 0.
/// Told by its bytes, not decoded: E3 also leads the commonest Chinese
/// punctuation (、。), which must cost no more than a look.
fn white_space_len(rest: &[u8]) -> usize {
    match rest {
        [b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// CJK ideographs and the full-width punctuation that sits among them.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x2460..=0x24FF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…')
}

/// "-----", ":---:", "===" cells of a markdown table rule.
fn is_markdown_rule(cell: &str) -> bool {
    cell.len() >= 2
        && cell
            .chars()
            .all(|c| matches!(c, '-' | ':' | '=' | '|' | '+'))
}

/// Decodes the common entities first, then drops tags, so that an encoded
/// "&lt;script&gt;" cannot come out as markup.
fn strip_html(s: &str) -> Cow<'_, str> {
    if !s.contains(['<', '&']) {
        return Cow::Borrowed(s);
    }
    let decoded = if s.contains('&') {
        Cow::Owned(decode_entities(s))
    } else {
        // Most markup is bare tags ("<p>…</p>"): nothing to decode.
        Cow::Borrowed(s)
    };
    let mut out = String::with_capacity(decoded.len());
    let mut rest: &str = &decoded;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (is_tag, after.find('>')) {
            (true, Some(end)) => {
                let tag = after[..end].trim_start_matches('/').as_bytes();
                if ["br", "p", "div", "td", "li"].iter().any(|t| {
                    tag.len() >= t.len() && tag[..t.len()].eq_ignore_ascii_case(t.as_bytes())
                }) {
                    out.push(' ');
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tabs_pipes_and_layout() {
        assert_eq!(line_text("合计\t\t340.46\t"), "合计\t\t340.46\t");
        assert_eq!(
            line_text("| 201 | 一般公共服务支出 | 271.66 |"),
            "201\t一般公共服务支出\t271.66"
        );
        assert_eq!(
            line_text("201   一般公共服务支出    271.66"),
            "201\t一般公共服务支出\t271.66"
        );
        assert_eq!(
            line_text("2022 年项目支出预算共计 631.81 万元"),
            "2022年项目支出预算共计631.81万元"
        );
        assert_eq!(line_text("|---|:--:|"), "\t");
        assert_eq!(line_text("  <td>a\t</td>  "), "a\t");
    }

    #[test]
    fn the_one_pass_reading_agrees_with_the_general_one() {
        let corpus = [
            "caizheng-2026",
            "shangwu-2026",
            "zhaoshang-2026",
            "shangwu-zhuanxiang-2022",
        ];
        let mut plain = 0;
        for name in corpus {
            let path = format!(
                "{}/tests/fixtures/yangquan-{name}.txt",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = crate::text::normalize(&std::fs::read_to_string(path).unwrap());
            let tricky = [
                "", "|", "||", "a\t", "\t\t", "---\t1", "|a|b|", "a\t b", "a&b\t1", "　a", "a\r",
            ];
            for raw in text.split('\n').chain(tricky) {
                if let Some(fast) = read_plain_cells(raw) {
                    plain += 1;
                    assert_eq!(fast, read_any_cells(raw), "{raw:?}");
                }
            }
        }
        assert!(plain > 1000, "the one-pass reading took only {plain} lines");
    }

    #[test]
    fn a_laid_out_line_splits_where_split_at_two_spaces_would() {
        let by_split = |text: &str| -> Vec<String> {
            text.split("  ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let mut lines = 0;
        let shapes = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/shapes");
        for entry in std::fs::read_dir(shapes).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".layout.txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let tricky = [
                "",
                " ",
                "  ",
                "a  ",
                "  a",
                "a   b",
                "a    b  c ",
                "a\u{3000}  b",
                " a b ",
            ];
            for line in text.lines().chain(tricky) {
                let mut got = Vec::new();
                split_at_spaces(line, |c| got.push(c.to_string()));
                assert_eq!(got, by_split(line), "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 1000, "only {lines} laid-out lines read");
    }

    #[test]
    fn finds_every_white_space_character() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let cell = format!("a{c}b");
            assert_eq!(
                needs_cleaning(&cell),
                c.is_whitespace() || c == '<' || c == '&',
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn cleans_wraps_and_markup() {
        assert_eq!(clean_cell("政府性 基金预 算"), "政府性基金预算");
        assert_eq!(
            clean_cell("<p>1、贯彻执行</p> <p>2、负责</p>"),
            "1、贯彻执行2、负责"
        );
        assert_eq!(clean_cell("BS 0353 B00"), "BS 0353 B00");
        assert_eq!(clean_cell("------"), "");
        assert_eq!(clean_cell("a < b"), "a < b");
        assert_eq!(clean_cell("  a \t b  "), "a b");
        assert_eq!(clean_cell("  预算 \t b  "), "预算b");
    }
}
