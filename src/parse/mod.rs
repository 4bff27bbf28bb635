//! Stage 3: lines → document model.
//!
//! [`parse`] recognises what kind of document this is and who published
//! it, rebuilds the tables through the template profile (`tables`), and
//! reads the narrative and the 绩效 forms (their own modules). What cannot
//! be read is recorded as an [`UnparsedLine`], never a panic.

pub mod forms;
mod meta;
pub mod narrative;
pub mod special;
pub mod tables;

use serde::Serialize;

use crate::lines::Lines;
use crate::model::{Document, DocumentInfo, SpecialFunds};
use crate::prelude::*;
use crate::profile::{self, Profile};

/// A line inside a table that could not be read as one of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct UnparsedLine {
    pub line: usize,
    pub table: &'static str,
    pub text: String,
    /// What was expected there, in Chinese.
    pub reason: String,
}

/// Parses normalised lines with the first profile that recognises enough
/// tables (or none), and returns the document with the profile used.
pub fn parse(lines: Lines) -> (Document, &'static Profile) {
    let mut best: Option<(&'static Profile, tables::Parsed)> = None;
    for p in profile::all() {
        let parsed = tables::parse(&lines, p);
        if best
            .as_ref()
            .is_none_or(|(_, b)| parsed.tables.len() > b.tables.len())
        {
            best = Some((p, parsed));
        }
    }
    let (profile, parsed) = best.expect("at least one profile");
    let meta = meta::read(&lines, &parsed);
    let info = DocumentInfo {
        kind: meta.kind,
        kind_label: meta.kind.label(),
        profile: if meta.kind.is_budget() {
            profile.name
        } else {
            ""
        },
        department: meta.department,
        year: meta.year,
        unit: meta.unit,
        line_count: lines.all.len(),
        noise_lines: lines.noise_count(),
    };
    let tables = if meta.kind.is_budget() {
        parsed.tables
    } else {
        Vec::new()
    };
    let unparsed = if meta.kind.is_budget() {
        parsed.unparsed
    } else {
        Vec::new()
    };
    let narrative = if info.kind.is_budget() {
        narrative::parse(&lines, &tables)
    } else {
        Default::default()
    };
    let forms = if info.kind.is_budget() {
        forms::parse(&lines)
    } else {
        Default::default()
    };
    let special = if info.kind == crate::model::DocKind::SpecialFunds {
        special::parse(&lines)
    } else {
        SpecialFunds::default()
    };
    let doc = Document {
        info,
        lines,
        tables,
        unparsed,
        narrative,
        forms,
        special,
    };
    (doc, profile)
}
