//! 项目标题名称与申报表一致（P104 special-name）
//!
//! ## 检查什么
//! 项目标题“（1）项目名称：…”与其绩效目标申报表的“项目名称”逐字比较，规则与 F107
//! 相同（同一段比较逻辑）：空格、全半角、破折号“—”与“-”、引号样式不计；一方只是少了
//! 或多了几个字报告警告；措辞被改（双方各有对方没有的字）报告错误。
//!
//! 为什么少字只是警告：少掉的字（如“工作”）没有改变所指的项目，读者仍能确定是同一个
//! 项目，只是有一处抄漏了；而改了字（“会议费”变“经费”）可能已是另一个项目，读者无法
//! 确定以哪个为准。
//!
//! ## 为什么重要
//! 标题和申报表写的是同一个项目，名称不一致会让人怀疑附错了表。
//!
//! ## 示例
//! 标题“阳泉市开发区建设工作领导小组办公室工作经费”，申报表“阳泉市开发区建设领导小组
//! 办公室工作经费”：申报表少了“工作”，报告警告。“内外贸发展—展会及会议经费”与
//! “内外贸发展-展会及会议经费”只是破折号不同，不报告。

use super::common::{project_place, LOCATION};
use crate::prelude::*;
use crate::rules::forms::names;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct SpecialName;

static META: RuleMeta = RuleMeta {
    id: "P104",
    name: "special-name",
    title: "项目标题名称与申报表一致",
    category: Category::SpecialFunds,
};

impl Rule for SpecialName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for project in cx.doc.special.projects() {
            let Some(form) = project.form.as_ref() else {
                continue;
            };
            let Some(form_name) = form.name.as_ref() else {
                sink.could_not_run(format!("{} 的申报表未找到项目名称", project_place(project)));
                continue;
            };
            sink.compared();
            let comparison = names::compare(&project.name, &form_name.text);
            let Some(severity) = comparison.severity() else {
                continue;
            };
            sink.report(
                severity,
                LOCATION,
                form_name.line,
                format!(
                    "项目名称不一致：第{}行标题为「{}」，申报表第{}行为「{}」；{}",
                    project.line,
                    project.name,
                    form_name.line,
                    form_name.text,
                    comparison.describe("标题", "申报表")
                ),
                vec![
                    text_evidence("标题", project.line, LOCATION, None, &project.name),
                    text_evidence(
                        "申报表",
                        form_name.line,
                        &format!("绩效目标申报表「{}」", form_name.text),
                        Some("项目名称"),
                        &form_name.text,
                    ),
                ],
            );
        }
    }
}
