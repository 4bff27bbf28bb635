//! 整体绩效目标申报表人员数（F110 overall-form-staff）
//!
//! ## 检查什么
//! 整体支出绩效目标申报表“部门基本信息”：实际在职人员总数 = 其中在编人员数 +
//! 其他人员数。人数是整数，没有舍入，必须精确相等。
//!
//! ## 为什么重要
//! 人员数是人员经费的依据；在编与其他人员加不回在职总数，说明其中一个数填错了。
//!
//! ## 示例
//! “实际在职人员总数 28人；其中：在编人员数 28人；其他人员数 0人”：不报告。
//! 若在编人员数印为 26人，报告错误，列出三个数及其行号。

use super::common::{form_figure, part_not_read};
use super::overall_sum::PLACE;
use crate::arith::Term;
use crate::model::forms::FormValue;
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::{all_figures, check_sum, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct OverallFormStaff;

static META: RuleMeta = RuleMeta {
    id: "F110",
    name: "overall-form-staff",
    title: "整体绩效目标申报表人员数",
    category: Category::Form,
};

impl Rule for OverallFormStaff {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(form) = cx.doc.forms.overall.as_ref() else {
            sink.not_applicable("本文档没有整体支出绩效目标申报表");
            return;
        };
        let count = |key: &str| form.counts.iter().find(|c| c.key == key);
        let (Some(staff), Some(on_quota), Some(others)) =
            (count("staff"), count("on_quota"), count("others"))
        else {
            // A form read in part holds its counts only when they could be
            // told (`rebuild::form_counts`).
            if form.partial {
                part_not_read(cx, sink, form.title_line, PLACE, "在职、在编和其他人员数");
            } else {
                sink.not_applicable("申报表未列出在职、在编和其他人员数");
            }
            return;
        };
        let figures = all_figures(&mut [staff, on_quota, others].into_iter().map(head_count));
        let Some(mut figures) = figures else {
            sink.could_not_run("申报表的人员数无法读取");
            return;
        };
        let total = figures.remove(0);
        check_sum(
            sink,
            PLACE,
            &format!("{PLACE} 部门基本信息"),
            total,
            figures,
        );
    }
}

/// A head count: an exact integer, with no rounding band.
fn head_count(value: &FormValue) -> Option<Figure> {
    let mut figure = form_figure(value, PLACE, &value.label)?;
    figure.term = Term::exact(figure.term.value);
    Some(figure)
}
