//! Character folding: what the whole pipeline may rely on, and the looser
//! key used to compare labels.

use alloc::borrow::Cow;

use crate::prelude::*;

/// Normalises a decoded text without changing its line count: CRLF and CR
/// become LF, BOM and control characters go, full-width digits and number
/// punctuation become ASCII, ideographic and no-break spaces become spaces.
pub fn normalize(text: &str) -> String {
    // What may change: CR and control characters; lead bytes of C1
    // controls and U+00A0 (C2), the U+2000 block (E2), U+3000 (E3), BOM and
    // full-width forms (EF).
    const fn asks(b: u8) -> bool {
        match b {
            b'\r' | b'\x7f' | 0xC2 | 0xE2 | 0xE3 | 0xEF => true,
            b => b < 0x20 && b != b'\n' && b != b'\t',
        }
    }
    const ASKS: [bool; 256] = super::byte_table!(asks);
    fold(text, &ASKS, |ch, before, after| match ch {
        '\r' if after.starts_with('\n') => Fold::Drop,
        '\r' => Fold::To('\n'),
        '\n' | '\t' => Fold::Keep,
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => Fold::Drop,
        '\u{3000}' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => Fold::To(' '),
        '０'..='９' => Fold::To(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
        '．' => Fold::To('.'),
        '，' if groups_thousands(before, after) => Fold::To(','),
        '％' => Fold::To('%'),
        '＋' => Fold::To('+'),
        '\u{2E80}'..='\u{2FD5}' => radical(ch).map_or(Fold::Keep, Fold::To),
        c if c.is_control() => Fold::Drop,
        _ => Fold::Keep,
    })
    .into_owned()
}

/// The ideograph a radical stands for (`text::radicals`) where the
/// rebuild readers are built in; elsewhere the text goes to them
/// (`DocumentInfo::radicals`), since the table is too large for the page's
/// first load.
#[cfg(feature = "rebuild")]
fn radical(ch: char) -> Option<char> {
    let to = super::radicals::ideograph(ch);
    (to != ch).then_some(to)
}

#[cfg(not(feature = "rebuild"))]
fn radical(_: char) -> Option<char> {
    None
}

/// A comparison key for labels and titles: no white space, ASCII brackets,
/// colons and dashes, one kind of quote. "（不含上年结转）" and
/// "(不含上年结转)" get the same key; so do "“三公”" and "\"三公\"".
///
/// Most labels fold to themselves: they are then borrowed, not copied.
pub fn fold_key(text: &str) -> Cow<'_, str> {
    // What may change: ASCII white space, brackets and quotes; lead bytes
    // of U+0085/U+00A0 (C2), U+1680 (E1), the U+2000 block (E2), U+3000
    // and its brackets (E3), full-width forms (EF).
    const fn asks(b: u8) -> bool {
        match b {
            b'[' | b']' | b'\'' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => true,
            b => b.is_ascii_whitespace() || b == 0x0b,
        }
    }
    const ASKS: [bool; 256] = super::byte_table!(asks);
    fold(text, &ASKS, |c, _, _| match c {
        c if c.is_whitespace() => Fold::Drop,
        '（' | '〔' | '【' | '[' => Fold::To('('),
        '）' | '〕' | '】' | ']' => Fold::To(')'),
        '：' => Fold::To(':'),
        '，' => Fold::To(','),
        '；' => Fold::To(';'),
        '“' | '”' | '"' | '「' | '」' | '『' | '』' | '‘' | '’' | '\'' => Fold::To('"'),
        '—' | '－' | '–' | '‑' | '―' => Fold::To('-'),
        _ => Fold::Keep,
    })
}

/// Whether a full-width comma between `before` and `after` groups a
/// figure's thousands ("1，302.68万元", typed with full-width punctuation):
/// one to three digits before it, with no digit or decimal point before
/// them but another such comma, and exactly three digits after it. A
/// comma between clauses has no such figure around it ("2023，100%": four
/// digits before).
fn groups_thousands(before: &str, after: &str) -> bool {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut back = before.chars().rev();
    let digits = back.by_ref().take_while(|&c| is_digit(c)).count();
    // `take_while` consumed the character after the digits: look again.
    let lead = before.chars().rev().nth(digits);
    let opens = match lead {
        Some(',' | '，') => digits == 3,
        Some(c) => !is_digit(c) && c != '.' && c != '．',
        None => true,
    };
    let mut ahead = after.chars();
    let three = ahead.by_ref().take(3).filter(|&c| is_digit(c)).count() == 3;
    let closed = ahead.next().is_none_or(|c| !is_digit(c));
    (1..=3).contains(&digits) && opens && three && closed
}

/// What folding does to one character.
enum Fold {
    Keep,
    Drop,
    To(char),
}

/// `text` folded: each character that might change is put to `fold`,
/// with the text before and after it: those whose first byte `asks` marks (the ASCII
/// characters the fold changes, and the UTF-8 lead bytes of every non-ASCII
/// one it changes). Everything else, CJK ideographs above all (most of a
/// disclosure), is copied in whole runs without being decoded, and a text
/// that `fold` leaves as it is comes back borrowed.
fn fold<'a>(
    text: &'a str,
    asks: &[bool; 256],
    fold: impl Fn(char, &str, &str) -> Fold,
) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !asks[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        // `i` is a char boundary: `asks` takes only ASCII and lead bytes.
        let c = text[i..].chars().next().unwrap_or_default();
        let end = i + c.len_utf8();
        let replacement = match fold(c, &text[..i], &text[end..]) {
            Fold::Keep => {
                i = end;
                continue;
            }
            Fold::Drop => None,
            Fold::To(r) => Some(r),
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[run..i]);
        if let Some(r) = replacement {
            out.push(r);
        }
        run = end;
        i = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[run..]);
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_line_count() {
        let t = "a\r\nb\rc\n\u{feff}d";
        assert_eq!(normalize(t), "a\nb\nc\nd");
    }

    #[test]
    fn folds_full_width_numbers() {
        assert_eq!(
            normalize("３４０．４６万元，占１００％"),
            "340.46万元，占100%"
        );
    }

    #[test]
    fn a_full_width_comma_grouping_thousands_is_a_comma() {
        assert_eq!(
            normalize("项目支出1，302.68万元，基本支出12，121，164元。"),
            "项目支出1,302.68万元，基本支出12,121,164元。"
        );
        assert_eq!(normalize("１，３０２．６８"), "1,302.68");
        // Clauses, not a figure's groups.
        for text in [
            "2023，100%完成",
            "分别为1，23个",
            "增加1，2345元",
            "0.5，100元",
            "第3，4项",
        ] {
            assert_eq!(normalize(text), text);
        }
    }

    #[test]
    fn folds_runs_and_single_characters_alike() {
        assert_eq!(
            normalize("\u{feff}表一\r\n２０２６年\r（万元）\t１．５％"),
            "表一\n2026年\n（万元）\t1.5%"
        );
        assert_eq!(fold_key(" 其中： 中央【财政】资金 "), "其中:中央(财政)资金");
        assert_eq!(fold_key("a b\u{3000}c"), "abc");
        assert_eq!(fold_key("a\u{85}b\u{1680}c\u{205f}d\u{2028}e"), "abcde");
        assert_eq!(normalize("a\u{85}b\u{2060}c\u{200b}d"), "abcd");
    }

    #[test]
    fn the_fast_path_agrees_with_the_rules_on_every_character() {
        // Every character either fold leaves alone must come out unchanged
        // (the fast path copies it), and every one it changes must have a
        // lead byte that the fold asks about.
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            let white = c.is_whitespace();
            let key = fold_key(&s);
            let folded = white || "（〔【[）〕】]：，；“”「」『』‘’'—－–‑―".contains(c);
            assert_eq!(key != s, folded, "fold_key U+{:04X}", c as u32);
            let changes = c.is_control()
                || "\u{feff}\u{200b}\u{200c}\u{200d}\u{2060}\u{3000}\u{a0}\u{2002}\u{2003}\u{2009}０１２３４５６７８９．％＋"
                    .contains(c)
                || (cfg!(feature = "rebuild") && super::super::radicals::ideograph(c) != c);
            assert_eq!(
                normalize(&s) != s,
                changes && c != '\n' && c != '\t',
                "normalize U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn keys_ignore_bracket_and_quote_styles() {
        assert_eq!(
            fold_key("财政拨款安排“三公”经费 (不含上年结转)"),
            fold_key("财政拨款安排\"三公\"经费（不含上年结转）")
        );
        assert_eq!(fold_key("内外贸发展—展会"), fold_key("内外贸发展-展会"));
    }
}
