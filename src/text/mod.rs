//! Stage 1: bytes → text.
//!
//! Decoding (UTF-8, UTF-16 with BOM, GB18030 natively) and normalisation
//! that is safe everywhere: one kind of line break, no BOM or control
//! characters, full-width digits and number punctuation folded to ASCII,
//! ideographic spaces to plain ones. Line count is never changed, so the
//! line numbers of every later stage are the user's line numbers.

mod decode;
mod fold;

pub use decode::{decode, DecodeError, Decoded};
pub use fold::{fold_key, normalize, push_folded};
