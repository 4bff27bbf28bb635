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

/// Why the tables cannot be trusted, when one of `readings` is not
/// verified for `profile`'s template.
pub fn unverified(profile: &Profile, readings: &[profile::Reading]) -> Option<String> {
    let reading = readings
        .iter()
        .find(|r| !profile.verified_readings.contains(r))?;
    // No reading of such a text can be verified: its titles do not stand
    // over their rows.
    #[cfg(feature = "rebuild")]
    if *reading == profile::Reading::TitlesAfterTables {
        return Some(format!(
            "已按{}识别，但这是按 PDF 绘制顺序复制（如从浏览器的 PDF 阅读器复制）的文本，每张表的标题印在表格内容之后，无法确定哪些行属于哪张表，读错的数字会造成误报；直接打开 PDF 文件即可按版面读取",
            profile.description
        ));
    }
    Some(format!(
        "已按{}识别，但表格来自{}，这种读法尚未在此模板的真实文档上验证，读错的数字会造成误报",
        profile.description,
        reading.label()
    ))
}

/// The profile whose table titles the most lines are (the first on a tie).
fn pick_profile(lines: &Lines) -> &'static Profile {
    let candidates = tables::title::TitleLines::of(lines);
    let mut best: Option<(&'static Profile, usize)> = None;
    for p in profile::all() {
        let found = tables::title::Titles::of(p).starts_among(&candidates).len();
        if best.is_none_or(|(_, most)| found > most) {
            best = Some((p, found));
        }
    }
    best.expect("at least one profile").0
}

/// Per line of `lines.all`: whether it lies in a table region (from a
/// title to the end `tables::ends_table_region` finds), which only the
/// table readers read.
fn table_lines(lines: &Lines, profile: &'static Profile) -> Vec<bool> {
    let titles = tables::title::Titles::of(profile);
    let starts = titles.starts(lines);
    let mut next_start = starts.iter().map(|&(i, _, _)| i).peekable();
    let mut inside = false;
    let mut mask = Vec::with_capacity(lines.all.len());
    for (i, line) in lines.all.iter().enumerate() {
        if line.noise.is_none() && !line.is_blank() {
            if next_start.next_if_eq(&i).is_some() {
                inside = true;
            } else if inside && tables::ends_table_region(line) {
                inside = false;
            }
        }
        mask.push(inside);
    }
    mask
}

/// Parses normalised lines with the profile that recognises the most
/// tables (or none), and returns the document with the profile used.
/// `text` is the normalised text the lines were read from: table regions
/// laid out otherwise than one row a line are rebuilt from it first
/// (`crate::rebuild`).
pub fn parse(mut lines: Lines, text: &str) -> (Document, &'static Profile) {
    let profile = pick_profile(&lines);
    let mut raw: Vec<&str> = text.split('\n').collect();
    let readings = crate::rebuild::rebuild(&mut lines, &mut raw, profile);
    let in_table = table_lines(&lines, profile);
    lines.join_figures_set_apart(&raw, &in_table);
    lines.join_wrapped(&in_table);
    let parsed = tables::parse(&lines, profile);
    let meta = meta::read(&lines, &parsed, profile.final_accounts);
    let info = DocumentInfo {
        kind: meta.kind,
        kind_label: meta.kind.label(),
        profile: if meta.kind.is_budget() {
            profile.name
        } else {
            ""
        },
        profile_label: if meta.kind.is_budget() {
            profile.description
        } else {
            ""
        },
        tables_found: if meta.kind.is_budget() {
            parsed.tables.len()
        } else {
            0
        },
        tables_expected: if meta.kind.is_budget() {
            profile.tables.len()
        } else {
            0
        },
        department: meta.department,
        year: meta.year,
        unit: meta.unit,
        line_count: lines.all.len(),
        noise_lines: lines.noise_count(),
        tables_only: false,
        radicals: false,
        reading_unverified: unverified(profile, &readings),
        readings,
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
        narrative::parse(&lines, &tables, profile)
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
