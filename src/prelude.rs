//! What the std prelude gives every module, taken from `alloc`, so that the
//! library builds without std (the core web module, see Cargo.toml's `std`
//! feature) and with it (everything else) from the same source.

pub use alloc::boxed::Box;
pub use alloc::format;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
