//! The 绩效 forms (整体支出绩效目标申报表, 项目支出绩效目标表) in text that
//! does not give them one row a line.
//!
//! The form readers (`parse::forms`) read a form row by row, its cells
//! split as Word and WPS give them (TAB, or markdown pipes). Text out of a
//! PDF lays a form out otherwise: columns aligned by spaces with every
//! wrapped cell spread over lines above and below its row's other cells
//! (`pdftotext -layout`), one cell a line (`pdftotext`), or single spaces
//! with empty cells gone (pdfplumber). Which cell of such a form labels
//! which value cannot be told with certainty, and a value read under the
//! wrong label would be a false error. So such a form is not read: its
//! lines are marked [`Noise::Unread`] (the prose readers skip them as they
//! skip a form), and an [`UnreadForm`] names it, for its own finding; the
//! checks that needed it do not run.

use crate::lines::{Line, Lines, Noise};
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
}

/// Marks every form whose rows are not one a line as unread. `raw` are the
/// lines of the normalised text `lines` was read from.
pub fn mark_unread(lines: &mut Lines, raw: &[&str]) {
    let mut unread = Vec::new();
    {
        let content = content_lines(lines);
        for (start, _) in form_starts(&content) {
            let body = form_body(&content, start);
            let body = &body[..body
                .iter()
                .position(|l| starts_project(l))
                .unwrap_or(body.len())];
            if let Some(last) = body.last() {
                if !one_row_a_line(body, raw) {
                    unread.push(UnreadForm {
                        first: content[start].no,
                        last: last.no,
                        title: content[start].text.clone(),
                        reason:
                            "表格不是一行一栏的文本（由 PDF 导出，各栏以空格对齐或拆散成多行），\
                                 无法确定每个数值所属的栏目"
                                .to_string(),
                    });
                }
            }
        }
    }
    for form in &unread {
        for no in form.first..=form.last {
            if lines.get(no).is_some_and(|l| l.noise.is_none()) {
                lines.mark(no, Noise::Unread);
            }
        }
    }
    lines.unread.extend(unread);
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

    #[test]
    fn a_laid_out_form_is_not_read() {
        let mut lines = Lines::from_text(LAYOUT);
        mark_unread(&mut lines, &LAYOUT.split('\n').collect::<Vec<_>>());
        assert_eq!(lines.unread.len(), 1);
        assert_eq!((lines.unread[0].first, lines.unread[0].last), (1, 6));
        assert!(lines.all[..6]
            .iter()
            .all(|l| l.noise == Some(Noise::Unread)));
        assert_eq!(lines.all[6].noise, None, "the next project's text is read");
    }
}
