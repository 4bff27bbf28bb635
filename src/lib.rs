//! budget-lint (预算公开校验器): reads the text of a Chinese government
//! budget disclosure, rebuilds its tables, checks every identity between
//! them, and reports each inconsistency at its exact line.
//!
//! The pipeline is one-way, one module per stage (see ARCHITECTURE.md):
//!
//! ```text
//! bytes ─text─▶ String ─lines─▶ Lines ─rebuild, parse(profile)─▶ Document ─rules─▶ findings ─report─▶ Report
//! ```
//!
//! Front ends (the native CLI in `src/bin`, the wasm API in `front::wasm`,
//! the page in `www/`) call [`check_text`] or [`check_bytes`] and serialise
//! the [`Report`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod arith;
mod decimal;
pub mod export;
pub mod front;
pub mod lines;
pub mod model;
pub mod parse;
mod prelude;
pub mod profile;
pub mod read;
pub mod rebuild;
pub mod report;
pub mod rules;
mod slices;
pub mod text;

use prelude::*;
pub use report::{Report, Severity};
pub use rules::catalogue;

/// The allocator the native front ends install (the CLI, the benchmarks,
/// the profiling example): a check allocates thousands of small strings,
/// and mimalloc serves them about a fifth faster than the system allocator
/// on the largest corpus document. The library itself leaves the choice to
/// whoever links it; the wasm build uses its own.
#[cfg(not(target_arch = "wasm32"))]
pub use mimalloc::MiMalloc as NativeAllocator;

/// Checks a decoded text and returns the full report.
pub fn check_text(text: &str) -> Report {
    check(text, false, read::FileKind::Text)
}

/// How a text was obtained: the kind of file it was read from, whether
/// only the tables were given, and where each line is in that file. The
/// same text with the same source gives the same report wherever it is
/// checked: the CLI, the page, and the page's exports.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub kind: read::FileKind,
    /// A workbook: the prose was not given.
    pub tables_only: bool,
    /// `origins[i]`: where line i+1 is in the file (empty: no places).
    pub origins: Vec<Option<report::Origin>>,
}

impl Source {
    /// The source of what a reader extracted from a file.
    pub fn of(extracted: &read::Extracted) -> Source {
        Source {
            kind: extracted.kind,
            tables_only: extracted.tables_only,
            origins: extracted
                .places
                .iter()
                .map(|p| p.as_ref().map(read::Place::origin))
                .collect(),
        }
    }
}

/// Checks a text read from a file as that file is checked: the readings
/// a PDF needs verified, the table checks alone for a workbook, and the
/// findings citing the page or worksheet row of their lines.
pub fn check_source(text: &str, source: &Source) -> Report {
    let mut report = check(text, source.tables_only, source.kind);
    report.locate(|line| source.origins.get(line.checked_sub(1)?)?.clone());
    report
}

/// Reads a file of any supported kind (text, HTML, Word, Excel, PDF: see
/// [`read`]) and checks it. Every front end that is given a file comes
/// here.
pub fn check_file(bytes: &[u8]) -> Result<Report, read::ReadError> {
    let extracted = read::read(bytes)?;
    Ok(check_extracted(&extracted))
}

/// Checks what a reader extracted: a workbook's tables without their
/// prose get the table checks, and the prose and form checks say the
/// prose was not given.
pub fn check_extracted(extracted: &read::Extracted) -> Report {
    check_source(&extracted.text, &Source::of(extracted))
}

fn check(text: &str, tables_only: bool, source: read::FileKind) -> Report {
    let normalized = text::normalize(text);
    let mut lines = lines::Lines::from_text(&normalized);
    lines.mark_pages(text);
    let (mut doc, profile) = parse::parse(lines, &normalized);
    doc.info.tables_only = tables_only;
    // Folded by `normalize` where the rebuild readers are built in.
    doc.info.radicals = !cfg!(feature = "rebuild") && text::radicals::present(&normalized);
    if source == read::FileKind::Pdf && doc.info.reading_unverified.is_none() {
        doc.info.reading_unverified = parse::unverified(profile, &[profile::Reading::Pdf]);
    }
    let (findings, checks) = rules::run(&doc, profile);
    Report::new(doc, findings, checks)
}

/// Decodes bytes (UTF-8, UTF-16 with BOM, GB18030 natively) and checks them.
pub fn check_bytes(bytes: &[u8]) -> Result<Report, text::DecodeError> {
    let decoded = text::decode(bytes)?;
    Ok(check_text(&decoded.text))
}
