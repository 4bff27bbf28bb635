//! The parts of prose a profile describes ([`ProseDef`]), read part by
//! part with the reader of 第三部分, cut and worded as the profile's
//! [`NarrativeStyle`] says.
//!
//! A part opens at a short line ending with its heading ("2025年部门预算
//! 编制说明", "其他相关情况说明") and ends at the next part's heading, at
//! one of the template's other headings ("项目经费情况说明"), at a table's
//! title or at a table row. A table of contents lists the same headings:
//! a part read there states no fact and is dropped.

use super::Reader;
use crate::lines::{Line, Lines, Noise};
use crate::model::{Narrative, Section, Table};
use crate::prelude::*;
use crate::profile::{NarrativeStyle, ProseDef, ProsePart};

pub fn parse(
    lines: &Lines,
    tables: &[Table],
    prose: &'static ProseDef,
    style: &NarrativeStyle,
) -> Narrative {
    let mut sections = Vec::new();
    let mut reader: Option<Reader> = None;
    let mut first = None;
    let mut last = None;
    for line in &lines.all {
        if !matches!(line.noise, None | Some(Noise::Unread)) || line.is_blank() {
            continue;
        }
        if let Some(part) = opened_part(line, prose) {
            close(&mut reader, &mut sections);
            reader = Some(Reader::for_part(
                style,
                part.key,
                line.text.trim(),
                line.no,
                part.numbered,
            ));
            first = first.or(Some(line.no));
            continue;
        }
        let ends = line.is_tabular()
            || line.noise.is_some()
            || tables.iter().any(|t| t.line == line.no)
            || prose.other_headings.iter().any(|h| is_heading(line, h));
        if ends {
            close(&mut reader, &mut sections);
            continue;
        }
        if let Some(r) = reader.as_mut() {
            r.line(line);
            last = Some(line.no);
        }
    }
    close(&mut reader, &mut sections);
    if sections.is_empty() {
        return Narrative::default();
    }
    Narrative {
        line: sections.first().map(|s| s.line).or(first),
        end_line: last,
        sections,
    }
}

/// Ends the part being read; keeps its sections when one states a fact.
fn close(reader: &mut Option<Reader>, sections: &mut Vec<Section>) {
    let Some(mut r) = reader.take() else { return };
    r.flush();
    let states = r
        .sections
        .iter()
        .any(|s| s.sentences.iter().any(|sen| !sen.facts.is_empty()));
    if states {
        sections.append(&mut r.sections);
    }
}

fn opened_part(line: &Line, prose: &'static ProseDef) -> Option<&'static ProsePart> {
    prose.parts.iter().find(|p| is_heading(line, p.heading))
}

/// A short line of its own ending with `words`: "四、部门预算编制说明",
/// "2025年单位预算编制说明", not a sentence that mentions them.
fn is_heading(line: &Line, words: &str) -> bool {
    let t = line.text.trim();
    !line.is_tabular()
        && t.ends_with(words)
        && t.chars().count() <= 40
        && !t.contains(['，', '。', '；', ',', ':', '：'])
}
