//! PDF: positioned text → lines.
//!
//! [`geometry`] rebuilds lines, table rows and cells from positioned text
//! and ruling lines; it is plain Rust on `alloc` and takes a serde
//! [`geometry::Layout`], so the page can feed it pdf.js's text items. The
//! native reader (feature `pdf`) gets that layout out of the file itself.

pub mod geometry;
#[cfg(all(feature = "pdf", not(target_arch = "wasm32")))]
mod native;

pub use geometry::{extract, Layout, PageSize, Segment, TextRun};
#[cfg(all(feature = "pdf", not(target_arch = "wasm32")))]
pub use native::{layout, read, MAX_FILE_BYTES};
