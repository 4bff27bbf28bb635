//! The 绩效 forms (整体支出绩效目标申报表, 项目支出绩效目标表) in text that
//! does not give them one row a line.
//!
//! The form readers (`parse::forms`) read a form row by row, its cells
//! split as Word and WPS give them (TAB, or markdown pipes). Text out of a
//! PDF lays a form out otherwise: columns aligned by spaces with every
//! wrapped cell spread over lines above and below its row's other cells
//! (`pdftotext -layout`), one cell a line (`pdftotext`), or single spaces
//! with empty cells gone (pdfplumber). A form aligned by spaces is turned
//! back into its rows by `form_layout` when they can be told with
//! certainty. Any other — or one `form_layout` cannot tell — is not read:
//! which cell labels which value cannot be told, and a value read under
//! the wrong label would be a false error. Its lines are marked
//! [`Noise::Unread`] (the prose readers skip them as they skip a form), and
//! an [`UnreadForm`] names it, for its own finding; the checks that needed
//! it do not run.

use crate::lines::{Line, Lines, Noise};
#[cfg(feature = "rebuild")]
use crate::parse::forms::labels::TitleKind;
use crate::parse::forms::{content_lines, form_body, form_starts};
use crate::prelude::*;

/// A 绩效 form that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadForm {
    /// 1-based line numbers of its title and of its last line.
    pub first: usize,
    pub last: usize,
    /// Its title as printed.
    pub title: String,
    /// Why, in Chinese.
    pub reason: String,
    /// The part that was read all the same ("年度预算情况" and
    /// "部门基本信息的机构和人员数", by `form_budget` and `form_counts`;
    /// "项目名称和项目资金", by `form_funds`), if any: the
    /// form is parsed from its title and those rows, and only the checks of
    /// the rest do not run.
    pub part_read: Option<&'static str>,
}

impl UnreadForm {
    /// Nothing of it was read: it may be any form, a project's among them.
    pub fn wholly(&self) -> bool {
        self.part_read.is_none()
    }
}

/// The part read of a project form whose name and 项目资金 were read
/// without its grid (`form_funds`, `form_wrapped_funds`): all that a 专项资金
/// document checks of its 申报表.
pub const NAME_AND_FUNDS: &str = "项目名称和项目资金";

/// Why a form whose rows are not one a line is not read.
const NOT_ONE_ROW_A_LINE: &str =
    "表格不是一行一栏的文本（由 PDF 导出，各栏以空格对齐或拆散成多行），无法确定每个数值所属的栏目";

/// Rebuilds the rows of every form laid out by spaces whose rows can be
/// told with certainty (`form_layout`), and marks every other form whose
/// rows are not one a line as unread — all of it, or all but the head
/// counts and 年度预算情况 of a 整体 form (`form_counts`, `form_budget`) or
/// the name and 项目资金 of a project form (`form_funds`). `raw` are the
/// lines of the normalised text `lines` was read from.
pub fn mark_unread(lines: &mut Lines, raw: &[&str]) {
    let mut unread = Vec::new();
    #[cfg_attr(not(feature = "rebuild"), allow(unused_mut))]
    let mut rebuilt: Vec<super::RebuiltRow> = Vec::new();
    {
        let content = content_lines(lines);
        #[cfg_attr(not(feature = "rebuild"), allow(unused_variables))]
        for (start, kind) in form_starts(&content) {
            let body = form_body(&content, start);
            let body = &body[..body
                .iter()
                .position(|l| starts_project(l))
                .unwrap_or(body.len())];
            if let Some(last) = body.last() {
                if one_row_a_line(body, raw) {
                    continue;
                }
                #[cfg(feature = "rebuild")]
                let read = laid_out(lines, content[start].no, kind, body, raw);
                #[cfg(not(feature = "rebuild"))]
                let read: Option<Read> = None;
                let part_read = match read {
                    Some(Read::Whole(rows)) => {
                        rebuilt.extend(rows);
                        continue;
                    }
                    Some(Read::Part(part, rows)) => {
                        rebuilt.extend(rows);
                        Some(part)
                    }
                    None => None,
                };
                unread.push(UnreadForm {
                    first: content[start].no,
                    last: last.no,
                    title: content[start].text.clone(),
                    reason: NOT_ONE_ROW_A_LINE.to_string(),
                    part_read,
                });
            }
        }
    }
    // The rows read stay; so does the title of a form read in part, for
    // the parser to find it by.
    let mut kept: Vec<usize> = rebuilt
        .iter()
        .filter_map(|r| r.lines.first().copied())
        .collect();
    kept.extend(unread.iter().filter(|u| !u.wholly()).map(|u| u.first));
    super::write_rows(lines, rebuilt);
    for form in &unread {
        for no in form.first..=form.last {
            if !kept.contains(&no) && lines.get(no).is_some_and(|l| l.noise.is_none()) {
                lines.mark(no, Noise::Unread);
            }
        }
    }
    lines.unread.extend(unread);
}

/// What could be read of a form that is not one row a line.
#[cfg_attr(not(feature = "rebuild"), allow(dead_code))]
enum Read {
    /// All of its rows.
    Whole(Vec<super::RebuiltRow>),
    /// Only the rows of the part named.
    Part(&'static str, Vec<super::RebuiltRow>),
}

/// Reads a form whose title is line `title` and whose lines after it are
/// `body`: all of it when it is laid out by spaces and its rows can be
/// told (`form_layout`), else the head counts and 年度预算情况 of a 整体
/// form ([`overall_in_part`]) or the name and 项目资金 of a project form
/// (`form_funds`) — and with them the rest of a Shanghai form laid out by
/// spaces, whole (`form_centred`) —, else nothing.
#[cfg(feature = "rebuild")]
fn laid_out(
    lines: &Lines,
    title: usize,
    kind: TitleKind,
    body: &[&Line],
    raw: &[&str],
) -> Option<Read> {
    let printed = printed_lines(lines, title, body.last()?.no, raw)?;
    let aligned = aligned(body, raw);
    if aligned {
        if let Some(rows) = super::form_layout::read(&printed) {
            return Some(Read::Whole(rows));
        }
    }
    match kind {
        TitleKind::Overall => overall_in_part(&printed),
        TitleKind::Project => {
            let (part, rows) = super::form_funds::read(&printed)?;
            let centred = (part == NAME_AND_FUNDS && aligned)
                .then(|| super::form_centred::read(&printed, &rows))
                .flatten();
            Some(match centred {
                Some(whole) => Read::Whole(whole),
                None => Read::Part(part, rows),
            })
        }
    }
}

/// What can be read of a 整体 form without its grid: the head counts of
/// 部门基本信息 (`form_counts`) and 年度预算情况 (`form_budget`), each when
/// its labels can be told.
#[cfg(feature = "rebuild")]
fn overall_in_part(printed: &[super::form_layout::PrintedLine]) -> Option<Read> {
    const COUNTS: &str = "部门基本信息的机构和人员数";
    const BUDGET: &str = "年度预算情况";
    const COUNTS_AND_BUDGET: &str = "部门基本信息的机构和人员数、年度预算情况";
    let counts = super::form_counts::read(printed);
    let budget = super::form_budget::read(printed);
    match (counts, budget) {
        (Some(mut counts), Some(budget)) => {
            counts.extend(budget);
            Some(Read::Part(COUNTS_AND_BUDGET, counts))
        }
        (Some(counts), None) => Some(Read::Part(COUNTS, counts)),
        (None, Some(budget)) => Some(Read::Part(BUDGET, budget)),
        (None, None) => None,
    }
}

/// The printed lines of a form after its title `title` up to `last`, for
/// the readers of forms that are not one row a line. Every printed line
/// counts, the ones the lines stage took for watermarks too: a form prints
/// the same label at the same place on every copy ("实施单位"), which looks
/// like a watermark; the readers drop such a line only when it holds
/// nothing of the form. Page numbers and running heads are left out.
#[cfg(feature = "rebuild")]
fn printed_lines<'a>(
    lines: &Lines,
    title: usize,
    last: usize,
    raw: &[&'a str],
) -> Option<Vec<super::form_layout::PrintedLine<'a>>> {
    use super::form_layout::PrintedLine;
    let mut printed = Vec::with_capacity(last.saturating_sub(title));
    let mut page_start = false;
    for line in lines.all.get(title..last)? {
        page_start |= line.page_start;
        let text = raw.get(line.no.checked_sub(1)?)?;
        let watermark = match line.noise {
            None => false,
            Some(Noise::Watermark) => true,
            Some(_) => continue,
        };
        if text.trim().is_empty() {
            continue;
        }
        printed.push(PrintedLine {
            no: line.no,
            text,
            page_start,
            watermark,
        });
        page_start = false;
    }
    Some(printed)
}

/// Half the body's lines or more hold runs of spaces between their words
/// or before them: a form laid out by `pdftotext -layout`, not one cell a
/// line or single-spaced (which the layout reader must not be given).
#[cfg(feature = "rebuild")]
fn aligned(body: &[&Line], raw: &[&str]) -> bool {
    let spaced = body
        .iter()
        .filter(|line| {
            let printed = raw.get(line.no - 1).map_or("", |r| *r);
            printed.trim_end().contains("  ")
        })
        .count();
    spaced * 2 >= body.len()
}

/// Most of the body's lines hold TAB- or pipe-separated cells, as printed.
fn one_row_a_line(body: &[&Line], raw: &[&str]) -> bool {
    let mut rows = 0;
    for line in body {
        // Not trimmed: a row may start with its empty cells' TABs.
        let printed = raw.get(line.no - 1).map_or("", |r| *r);
        if printed.contains('\t') || printed.trim_start().starts_with('|') {
            rows += 1;
        }
    }
    rows * 4 >= body.len() * 3
}

/// "（2）项目名称：…" of a 专项资金 document: the next project's text, which a
/// form whose signature line was not found must not run into.
fn starts_project(line: &Line) -> bool {
    let t = line.text.as_str();
    !line.is_tabular()
        && t.starts_with(['（', '('])
        && t.find("项目名称")
            .is_some_and(|at| t[..at].chars().count() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAB: &str = "阳泉市市级预算部门（单位）项目支出绩效目标表\n项目名称\t招商引资工作经费\n项目资金（元）\t年度资金总额：\t1,816,000\n负责人：\t张三";
    const LAYOUT: &str = "阳泉市市级预算部门（单位）项目支出绩效目标表\n           招商引资工\n项目名称\n           作经费\n项目资金（元）   年度资金总额：   1,816,000\n负责人：    张三\n（2）项目名称：其他";

    #[test]
    fn a_form_one_row_a_line_is_read() {
        let mut lines = Lines::from_text(TAB);
        mark_unread(&mut lines, &TAB.split('\n').collect::<Vec<_>>());
        assert!(lines.unread.is_empty());
        assert_eq!(lines.noise_count(), 0);
    }

    #[cfg(feature = "rebuild")]
    #[test]
    fn a_laid_out_form_is_read_as_its_rows() {
        let mut lines = Lines::from_text(LAYOUT);
        mark_unread(&mut lines, &LAYOUT.split('\n').collect::<Vec<_>>());
        assert!(lines.unread.is_empty());
        let filled = |i: usize| lines.all[i].filled_cells().collect::<Vec<_>>();
        assert_eq!(filled(1), ["项目名称", "招商引资工作经费"]);
        assert_eq!(lines.all[1].also, [3, 4]);
        assert_eq!(lines.all[2].noise, Some(Noise::Joined));
        assert_eq!(filled(4), ["项目资金（元）", "年度资金总额：", "1,816,000"]);
        assert_eq!(lines.all[6].noise, None, "the next project's text is read");
    }

    #[test]
    fn a_laid_out_form_that_cannot_be_told_is_not_read() {
        // "作经费" stands two lines under its row's line: no centred
        // reading joins it, and it starts no row of a form.
        let text = LAYOUT.replace(
            "\n           作经费\n",
            "\n负责人：    张三\n           作经费\n",
        );
        let mut lines = Lines::from_text(&text);
        mark_unread(&mut lines, &text.split('\n').collect::<Vec<_>>());
        assert_eq!(lines.unread.len(), 1);
        assert_eq!((lines.unread[0].first, lines.unread[0].last), (1, 4));
        assert!(lines.all[..4]
            .iter()
            .all(|l| l.noise == Some(Noise::Unread)));
    }
}
