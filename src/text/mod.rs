//! Stage 1: bytes → text.
//!
//! Decoding (UTF-8, UTF-16 with BOM, GB18030 natively) and normalisation
//! that is safe everywhere: one kind of line break, no BOM or control
//! characters, full-width digits and number punctuation folded to ASCII,
//! ideographic spaces to plain ones. Line count is never changed, so the
//! line numbers of every later stage are the user's line numbers.

mod decode;
mod fold;
pub mod radicals;

/// The table of the bytes a `const fn(u8) -> bool` accepts: a look-up is
/// the cheapest test in a loop that every byte of a document goes through.
macro_rules! byte_table {
    ($accepts:ident) => {{
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = $accepts(b as u8);
            b += 1;
        }
        table
    }};
}
pub(crate) use byte_table;

pub use decode::{decode, DecodeError, Decoded};
pub use fold::{fold_key, normalize};

/// 一 … 十, the digits of the Chinese numerals that number headings and
/// tables ("二十一、", "表十三"). A `match`, not `"一二…".contains(c)`: that
/// would start a substring search for every character tested.
pub fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The length in bytes of the ASCII digits `text` starts with.
pub fn leading_digits(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

/// A CJK ideograph (not a punctuation mark).
pub fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `text` holds more than `n` characters, counting them only when
/// its length in bytes does not tell: the length tests that turn long
/// lines away (a prose paragraph of a thousand characters that names a 表
/// is no title) cost what the short lines they accept cost.
pub fn more_chars_than(text: &str, n: usize) -> bool {
    // A character takes 1 to 4 bytes: only a text between n and 4n bytes
    // long needs counting.
    text.len() > 4 * n || (text.len() > n && text.chars().count() > n)
}

#[cfg(test)]
mod tests {
    use super::more_chars_than;

    #[test]
    fn more_chars_than_counts_characters_not_bytes() {
        for text in [
            "",
            "a",
            "表",
            "ab",
            "一般公共预算",
            "2026年预算收支总表",
            "𠀀𠀀𠀀",
        ] {
            for n in 0..12 {
                assert_eq!(
                    more_chars_than(text, n),
                    text.chars().count() > n,
                    "{text:?} {n}"
                );
            }
        }
    }
}
