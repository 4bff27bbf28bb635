//! Character folding: what the whole pipeline may rely on, and the looser
//! key used to compare labels.

/// Normalises a decoded text without changing its line count: CRLF and CR
/// become LF, BOM and control characters go, full-width digits and number
/// punctuation become ASCII, ideographic and no-break spaces become spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text, |ch, next| match ch {
        '\r' if next == Some(b'\n') => Fold::Drop,
        '\r' => Fold::To('\n'),
        '\n' | '\t' => Fold::Keep,
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => Fold::Drop,
        '\u{3000}' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => Fold::To(' '),
        '０'..='９' => Fold::To(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
        '．' => Fold::To('.'),
        '％' => Fold::To('%'),
        '＋' => Fold::To('+'),
        c if c.is_control() => Fold::Drop,
        _ => Fold::Keep,
    });
    out
}

/// A comparison key for labels and titles: no white space, ASCII brackets,
/// colons and dashes, one kind of quote. "（不含上年结转）" and
/// "(不含上年结转)" get the same key; so do "“三公”" and "\"三公\"".
pub fn fold_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    push_folded(&mut key, text);
    key
}

/// Appends the folded form of `text` to `key` (see [`fold_key`]); callers
/// that build a key from several pieces fold them into one buffer.
pub fn push_folded(key: &mut String, text: &str) {
    fold_into(key, text, |c, _| match c {
        c if c.is_whitespace() => Fold::Drop,
        '（' | '〔' | '【' | '[' => Fold::To('('),
        '）' | '〕' | '】' | ']' => Fold::To(')'),
        '：' => Fold::To(':'),
        '，' => Fold::To(','),
        '；' => Fold::To(';'),
        '“' | '”' | '"' | '「' | '」' | '『' | '』' | '‘' | '’' | '\'' => Fold::To('"'),
        '—' | '－' | '–' | '‑' | '―' => Fold::To('-'),
        _ => Fold::Keep,
    });
}

/// What folding does to one character.
enum Fold {
    Keep,
    Drop,
    To(char),
}

/// Copies `text` to `out`, asking `fold` about each character (and the
/// byte after it) that might change. Unchanged runs are copied whole: CJK
/// ideographs and ASCII letters and digits, most of a disclosure, are never
/// changed by either fold, so they skip the question.
fn fold_into(out: &mut String, text: &str, fold: impl Fn(char, Option<u8>) -> Fold) {
    let mut run = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() || ('\u{3400}'..'\u{feff}').contains(&c) {
            continue;
        }
        let end = i + c.len_utf8();
        let replacement = match fold(c, text.as_bytes().get(end).copied()) {
            Fold::Keep => continue,
            Fold::Drop => None,
            Fold::To(r) => Some(r),
        };
        out.push_str(&text[run..i]);
        if let Some(r) = replacement {
            out.push(r);
        }
        run = end;
    }
    out.push_str(&text[run..]);
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
    fn folds_runs_and_single_characters_alike() {
        assert_eq!(
            normalize("\u{feff}表一\r\n２０２６年\r（万元）\t１．５％"),
            "表一\n2026年\n（万元）\t1.5%"
        );
        assert_eq!(fold_key(" 其中： 中央【财政】资金 "), "其中:中央(财政)资金");
        assert_eq!(fold_key("a b\u{3000}c"), "abc");
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
