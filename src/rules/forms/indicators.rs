//! 绩效指标包含产出和满意度（F108 form-indicators）
//!
//! ## 检查什么
//! 每张项目支出绩效目标表和整体支出绩效目标申报表的指标表中，应至少有一个产出指标
//! （数量、质量、时效、成本）和一个满意度指标（服务对象满意度）。一级指标栏为空时，
//! 按二级指标推断其所属一级指标。缺少任一类时报告警告。列出了三级指标名称却没有
//! 指标值的，也报告警告。
//!
//! ## 为什么重要
//! 绩效目标的框架要求说明“做多少、做成什么样”（产出）和“服务对象是否满意”
//! （满意度）；缺了其中一类，绩效目标就无法评价。
//!
//! ## 示例
//! “物业费”绩效目标表有数量指标“合同协议数量 3个”和满意度指标“业主满意度 ≥95%”：
//! 不报告。若整张表没有满意度指标一行，报告警告；“生态效益 双碳目标”一行没有
//! 指标值，报告警告。

use super::common::{form_place, part_not_read, read_in_part};
use super::overall_sum::PLACE;
use crate::model::forms::{Indicator, IndicatorLevel};
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::{evidence, text_evidence};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::slices::join;

pub struct FormIndicators;

static META: RuleMeta = RuleMeta {
    id: "F108",
    name: "form-indicators",
    title: "绩效指标包含产出和满意度",
    category: Category::Form,
};

impl Rule for FormIndicators {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let forms = &cx.doc.forms;
        if forms.overall.is_none() && forms.projects.is_empty() {
            sink.not_applicable("本文档没有绩效目标表");
            return;
        }
        // A form read in part has no indicators read (F111 says so).
        match forms.overall.as_ref() {
            Some(o) if o.partial => part_not_read(cx, sink, o.title_line, PLACE, "绩效指标"),
            Some(o) => check_one(sink, PLACE, o.title_line, &o.indicators),
            None => {}
        }
        for form in &forms.projects {
            let place = form_place(form);
            if read_in_part(cx, sink, form, &place, "绩效指标") {
                continue;
            }
            check_one(sink, &place, form.name_line(), &form.indicators);
        }
    }
}

fn check_one(sink: &mut Sink, place: &str, line: usize, indicators: &[Indicator]) {
    check_levels(sink, place, line, indicators);
    for ind in indicators.iter().filter(|i| !i.name.is_empty()) {
        sink.compared();
        if !ind.value.is_empty() {
            continue;
        }
        sink.report(
            Severity::Warning,
            "绩效目标表",
            ind.line,
            format!("{place}：指标「{}」（{}）没有指标值", ind.name, ind.level2),
            vec![text_evidence(
                "绩效目标表",
                ind.line,
                place,
                Some(&ind.level2),
                &ind.name,
            )],
        );
    }
}

fn check_levels(sink: &mut Sink, place: &str, line: usize, indicators: &[Indicator]) {
    sink.compared();
    let has = |level| indicators.iter().any(|i| i.level1 == Some(level));
    let mut missing = Vec::new();
    if !has(IndicatorLevel::Output) {
        missing.push("产出指标");
    }
    if !has(IndicatorLevel::Satisfaction) {
        missing.push("满意度指标");
    }
    if missing.is_empty() {
        return;
    }
    let message = if indicators.is_empty() {
        format!("{place}：未找到绩效指标")
    } else {
        format!("{place}：绩效指标中没有{}", join(&missing, "和"))
    };
    let first = indicators.first().map(|i| i.line).unwrap_or(line);
    sink.report(
        Severity::Warning,
        "绩效目标表",
        line,
        message,
        vec![evidence(
            "绩效目标表",
            first,
            place,
            Some("绩效指标"),
            None,
            None,
        )],
    );
}
