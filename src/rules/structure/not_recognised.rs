//! 未识别的文档（S107 not-recognised）
//!
//! ## 检查什么
//! 校验器能否认出这份文档、读出可以核对的内容：按每个模板（如 budget13
//! 部门/单位预算公开 13张表）查找各表标题，至少找到 3 张才认定为预算公开；
//! 标题中有“专项资金”的认定为专项资金信息公开。认不出文档类型时，说明找到了
//! 哪些表的标题、按哪些模板查找过；认出了类型却一张表（专项资金文档：一个
//! 项目）也没有读出时，同样报告。
//!
//! ## 为什么重要
//! 认不出的文档没有做任何检查。此时“错误 0 项”会被读成“已检查，全部正确”，
//! 而实际上一项也没有核对。报告为此标明“未识别，未做任何检查”，命令行以
//! 退出码 3 结束。
//!
//! ## 示例
//! 粘贴了一份会议纪要：报告“未识别，未做任何检查：没有找到任何一张预算表的
//! 标题（已按模板 budget13 查找）”。只粘贴了表一和表三：报告只找到 2 张表的
//! 标题，不足以认定为预算公开。只拖入了江苏部门预算的说明 PDF（表格在另一个
//! PDF 中）：报告同样说明，并提示把两个文件一起拖入（命令行 --together）。

use crate::lines::{Line, Lines};
use crate::model::{DocKind, Document};
use crate::parse::tables::title::Titles;
use crate::prelude::*;
use crate::profile::{self, Profile};
use crate::report::{Evidence, Severity};
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct NotRecognised;

static META: RuleMeta = RuleMeta {
    id: "S107",
    name: "not-recognised",
    title: "未识别的文档",
    category: Category::Structure,
};

/// Where the finding is shown: it is about the whole text.
const LOCATION: &str = "全文";

impl Rule for NotRecognised {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Every document, whatever its kind: an unknown one most of all.
    fn runs_on_every_document(&self) -> bool {
        true
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let doc = cx.doc;
        if doc.recognised() {
            if doc.info.kind == DocKind::SpecialFunds {
                // Its checks are the P rules; the structure rules do not
                // apply to it.
                sink.not_applicable(format!("已识别为{}", doc.info.kind_label));
            } else {
                sink.compared();
            }
            return;
        }
        if let Some(why) = &doc.info.reading_unverified {
            // The PDF the text came from is read by its layout, where the
            // template's PDFs are verified (every template's are).
            let pdf = if cx
                .profile
                .verified_readings
                .contains(&profile::Reading::Pdf)
            {
                "请直接校验 PDF 原文件，或改用"
            } else {
                "请改用"
            };
            let message = format!(
                "未做任何检查：{why}。{pdf} Word、Excel、网页或按行导出的文本（每行一个表格行）再校验"
            );
            sink.report(Severity::Warning, LOCATION, 1, message, Vec::new());
            return;
        }
        let (why, evidence) = match doc.info.kind {
            DocKind::Unknown => unknown_kind(&doc.lines),
            DocKind::SpecialFunds => (
                "标题表明这是专项资金信息公开，但没有读出开头的项目支出总额，也没有读出任何项目"
                    .to_string(),
                Vec::new(),
            ),
            DocKind::DepartmentBudget | DocKind::UnitBudget | DocKind::FinalAccounts => {
                no_table_read(doc, cx.profile)
            }
        };
        let line = evidence.first().map_or(1, |e| e.line);
        let message = format!("未识别，未做任何检查：{why}。");
        // A warning, not an error: nothing in the document was found wrong;
        // summary.recognised and exit code 3 say that nothing was checked.
        sink.report(Severity::Warning, LOCATION, line, message, evidence);
    }
}

/// Why no kind was recognised: the table titles each profile found (cited
/// as evidence), and that the heading names no 专项资金.
fn unknown_kind(lines: &Lines) -> (String, Vec<Evidence>) {
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut tried = Vec::new();
    for p in profile::all() {
        let found = titles_found(lines, p);
        let mut ids: Vec<&str> = Vec::new();
        for &(id, line) in &found {
            ids.push(id);
            evidence.push(title_evidence(id, line.no, &line.text));
        }
        let what = if ids.is_empty() {
            "没有找到任何一张表的标题".to_string()
        } else {
            format!(
                "只找到 {} 张表的标题（{}），至少需要 3 张",
                ids.len(),
                crate::slices::join(&ids, "、")
            )
        };
        tried.push(format!(
            "按模板 {}「{}」查找，{what}",
            p.name, p.description
        ));
    }
    let why = format!(
        "{}；文档标题也不是“专项资金信息公开”。请确认这是部门或单位预算公开、部门决算公开的全文，而不是其中一部分或其他文件；若说明和表格分在两个文件中（如江苏的部门预算），请勾选“多个文件是同一份公开文件”后一起拖入（命令行 check --together）",
        crate::slices::join(&tried, "；")
    );
    (why, evidence)
}

/// The tables of a profile whose title is a line here, once each, with the
/// line of the first.
fn titles_found<'a>(lines: &'a Lines, p: &'static Profile) -> Vec<(&'static str, &'a Line)> {
    let titles = Titles::of(p);
    let mut found: Vec<(&'static str, &Line)> = Vec::new();
    for (i, _, def) in titles.starts(lines) {
        if !found.iter().any(|&(id, _)| id == def.id) {
            found.push((def.id, &lines.all[i]));
        }
    }
    found
}

fn title_evidence(table: &str, line: usize, text: &str) -> Evidence {
    text_evidence("表标题", line, table, None, text)
}

/// A budget document whose table titles were found but none of whose
/// lines could be read as a row.
fn no_table_read(doc: &Document, p: &'static Profile) -> (String, Vec<Evidence>) {
    let evidence = doc
        .tables
        .iter()
        .map(|t| title_evidence(t.id, t.line, &t.title))
        .collect();
    let why = format!(
        "已识别为{}（模板 {}），找到 {} 张表的标题，但没有从任何一张表中读出一行数据",
        doc.info.kind_label,
        p.name,
        doc.tables.len()
    );
    (why, evidence)
}
