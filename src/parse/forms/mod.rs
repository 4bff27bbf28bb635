//! 绩效目标表: the 整体支出 form and every 项目支出 form.
//!
//! A form starts at its title line ("预算部门（单位）整体支出绩效目标申报表",
//! "阳泉市市级预算部门（单位）项目支出绩效目标表") and ends at its signature
//! line ("负责人：…"), at the next form's title, or at the next heading of
//! the prose around it. Watermark lines inside are skipped (they are noise
//! in the line stage); every value keeps its own line number.

pub(crate) mod grid;
pub mod labels;
pub mod overall;
pub mod project;

use crate::lines::{Line, Lines, Noise};
use crate::model::Forms;
use crate::prelude::*;
use labels::TitleKind;

/// Forms longer than this are cut: a missing signature must not swallow
/// the rest of the document.
const MAX_FORM_LINES: usize = 400;

pub fn parse(lines: &Lines) -> Forms {
    let content = content_lines(lines);
    let mut forms = Forms::default();
    for (start, kind) in form_starts(&content) {
        let body = labels::keyed(read_body(lines, &content, start));
        match kind {
            TitleKind::Overall if forms.overall.is_none() => {
                let mut form = overall::read(content[start], &body);
                // Read in part (`rebuild::form_budget`): the rest is unread.
                form.partial = lines.part_read(form.title_line).is_some();
                forms.overall = Some(form);
            }
            TitleKind::Overall => {}
            TitleKind::Project => {
                let mut form = project::read(content[start], &body);
                // Read in part (`rebuild::form_funds`): the rest is unread.
                form.partial = lines.part_read(form.title_line).is_some();
                forms.projects.push(form);
            }
        }
    }
    forms
}

/// The body of a form as the parser reads it: [`form_body`], but a form
/// read in part (`rebuild::forms`) ends where its reader stopped. The
/// lines after (a 满意度 row printed after the signature, one cell a line)
/// were not read with it, and would be taken for rows of a part unread.
pub fn read_body<'a>(lines: &Lines, content: &'a [&'a Line], start: usize) -> &'a [&'a Line] {
    let body = form_body(content, start);
    match lines.read_in_part(content[start].no) {
        Some(form) => &body[..body.partition_point(|l| l.no <= form.last)],
        None => body,
    }
}

/// The content lines that are not blank: what the form readers (and the
/// 专项资金 reader) index into. The title of a form left unread is kept
/// (and never read as a form's start): it ends the form before it.
pub fn content_lines(lines: &Lines) -> Vec<&Line> {
    let mut content = Vec::new();
    for line in &lines.all {
        let unread_title = line.noise == Some(Noise::Unread) && labels::title_kind(line).is_some();
        if (line.noise.is_none() || unread_title) && !line.is_blank() {
            content.push(line);
        }
    }
    content
}

/// Indices (into `content`) of the form titles, with their kind.
pub fn form_starts(content: &[&Line]) -> Vec<(usize, TitleKind)> {
    let mut starts = Vec::new();
    for (i, line) in content.iter().enumerate() {
        if line.noise.is_some() {
            continue;
        }
        if let Some(kind) = labels::title_kind(line) {
            starts.push((i, kind));
        }
    }
    starts
}

/// The lines of the form whose title is `content[start]`: up to its
/// signature line (included), the next title, or a prose heading.
pub fn form_body<'a>(content: &'a [&'a Line], start: usize) -> &'a [&'a Line] {
    let from = (start + 1).min(content.len());
    let limit = content.len().min(from + MAX_FORM_LINES);
    let mut end = from;
    while end < limit {
        let line = content[end];
        if labels::title_kind(line).is_some() || labels::is_prose_heading(line) {
            break;
        }
        end += 1;
        if labels::is_signature(line) {
            break;
        }
    }
    &content[from..end]
}
