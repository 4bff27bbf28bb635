//! Character folding: what the whole pipeline may rely on, and the looser
//! key used to compare labels.

/// Normalises a decoded text without changing its line count: CRLF and CR
/// become LF, BOM and control characters go, full-width digits and number
/// punctuation become ASCII, ideographic and no-break spaces become spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(ch),
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {}
            '\u{3000}' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => out.push(' '),
            '０'..='９' => out.push(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
            '．' => out.push('.'),
            '％' => out.push('%'),
            '＋' => out.push('+'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
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
    for c in text.chars() {
        if c.is_ascii() {
            match c {
                ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' => {}
                '[' => key.push('('),
                ']' => key.push(')'),
                '\'' => key.push('"'),
                c => key.push(c),
            }
            continue;
        }
        match c {
            c if c.is_whitespace() => {}
            '（' | '〔' | '【' => key.push('('),
            '）' | '〕' | '】' => key.push(')'),
            '：' => key.push(':'),
            '，' => key.push(','),
            '；' => key.push(';'),
            '“' | '”' | '「' | '」' | '『' | '』' | '‘' | '’' => key.push('"'),
            '—' | '－' | '–' | '‑' | '―' => key.push('-'),
            c => key.push(c),
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
    fn keys_ignore_bracket_and_quote_styles() {
        assert_eq!(
            fold_key("财政拨款安排“三公”经费 (不含上年结转)"),
            fold_key("财政拨款安排\"三公\"经费（不含上年结转）")
        );
        assert_eq!(fold_key("内外贸发展—展会"), fold_key("内外贸发展-展会"));
    }
}
