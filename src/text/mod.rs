//! Stage 1: bytes → text.
//!
//! Decoding (UTF-8, UTF-16 with BOM, GB18030 natively) and normalisation
//! that is safe everywhere: one kind of line break, no BOM or control
//! characters, full-width digits and number punctuation folded to ASCII,
//! ideographic spaces to plain ones. Line count is never changed, so the
//! line numbers of every later stage are the user's line numbers.

mod decode;
mod fold;

/// The step table of a byte scan: 0 for the bytes a `const fn(u8) -> bool`
/// accepts, the byte length of the character any other byte starts. A
/// loop that every byte of a document goes through then stops only where
/// it must look and skips a whole CJK character (3 bytes) in one step.
/// Scans start at a character boundary and move by whole characters, so
/// they only ever read lead bytes; a continuation byte steps 1.
macro_rules! step_table {
    ($accepts:ident) => {{
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = if $accepts(b as u8) {
                0
            } else {
                match b as u8 {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF7 => 4,
                    _ => 1,
                }
            };
            b += 1;
        }
        table
    }};
}
pub(crate) use step_table;

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
