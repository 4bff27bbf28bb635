//! PDF: positioned text → lines.
//!
//! [`geometry`] rebuilds lines, table rows and cells from positioned text
//! and ruling lines; it is plain Rust on `alloc` and takes a serde
//! [`geometry::Layout`], so the page can feed it pdf.js's text items. The
//! native reader (feature `pdf`) gets that layout out of the file itself;
//! the page's PDF module (`web-pdf`) has it too, for the ruling lines
//! alone ([`rulings`]), while pdf.js reads the text.

pub mod geometry;
#[cfg(feature = "pdf")]
mod native;

pub use geometry::{extract, Layout, PageSize, Segment, TextRun};
#[cfg(feature = "pdf")]
pub use native::{layout, read, rulings, MAX_FILE_BYTES};
