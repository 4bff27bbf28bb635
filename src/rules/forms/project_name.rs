//! 项目名称与表十二一致（F107 project-form-name）
//!
//! ## 检查什么
//! 配对后的绩效目标表“项目名称”与表十二的项目名称逐字比较（空格、全半角括号、
//! 破折号“—”与“-”、引号样式不计）。
//! - 一方只是少了或多了几个字（“预算绩效管理工作会议”与“预算绩效管理工作会议费”）：
//!   警告，多半是填表时的笔误；
//! - 双方各有对方没有的字，即措辞被改了（“支出标准体系建设工作会议费”与
//!   “支出标准体系建设工作经费”）：错误，读者无法确定是不是同一个项目、哪个名称为准。
//!
//! ## 为什么重要
//! 项目名称是绩效目标表与预算表之间唯一的纽带，名称不一致会让审核和公众无从对应。
//!
//! ## 示例
//! 表十二第400行“支出标准体系建设工作会议费”，绩效目标表第574行“支出标准体系建设
//! 工作经费”：报告错误，列出两行。

use super::common::{form_place, name_evidence, pairing_for};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct ProjectFormName;

static META: RuleMeta = RuleMeta {
    id: "F107",
    name: "project-form-name",
    title: "项目名称与表十二一致",
    category: Category::Form,
};

impl Rule for ProjectFormName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms, Role::Projects]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(pairing) = pairing_for(cx, sink, "项目名称") else {
            return;
        };
        for p in &pairing.pairs {
            sink.compared();
            let Some(severity) = p.names.severity() else {
                continue;
            };
            let row = p.project.table.row_label(p.project.row);
            let t12 = p.project.table.id;
            let place = form_place(p.form);
            let message = format!(
                "项目名称不一致：{t12} {row}（第{}行），其绩效目标表第{}行的项目名称为「{}」；{}",
                p.project.row.line,
                p.form.name_line(),
                p.form.name_text(),
                p.names.describe(t12, "绩效目标表")
            );
            sink.report(
                severity,
                "绩效目标表",
                p.form.name_line(),
                message,
                vec![
                    text_evidence(
                        t12,
                        p.project.row.line,
                        t12,
                        Some(&row),
                        &p.project.row.name,
                    ),
                    name_evidence(p.form, &place),
                ],
            );
        }
    }
}
