//! 整体绩效目标申报表自身平衡（F103 overall-form-sum）
//!
//! ## 检查什么
//! 整体支出绩效目标申报表的“年度预算情况”：按资金来源划分的各项（一般公共预算资金、
//! 政府性基金预算资金、国有资本经营预算资金、社会保险基金预算资金、专户管理资金、
//! 单位资金）之和等于其合计；按资金方向（用途）划分的基本支出与项目支出之和等于其合计；
//! 两边的合计相等。
//!
//! ## 为什么重要
//! 申报表把部门全年的钱按来源和用途各分一次，两种分法都必须加回同一个总数。加不回去，
//! 说明有一项抄错了。
//!
//! ## 示例
//! 阳泉市商务局：合计 1629.62，一般公共预算资金 798.63，政府性基金预算资金 630.99，
//! 798.63 + 630.99 = 1429.62 ≠ 1629.62，报告错误（政府性基金应为 830.99）。

use super::common::form_figure;
use crate::model::forms::{FormValue, OverallForm};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::{all_figures, check_equal, check_sum, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct OverallFormSum;

static META: RuleMeta = RuleMeta {
    id: "F103",
    name: "overall-form-sum",
    title: "整体绩效目标申报表自身平衡",
    category: Category::Form,
};

pub const PLACE: &str = "整体支出绩效目标申报表";

impl Rule for OverallFormSum {
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
        check_side(sink, form, &form.sources, "按资金来源");
        check_side(sink, form, &form.uses, "按资金用途");
        let (Some(a), Some(b)) = (form.source("total"), form.use_("total")) else {
            return;
        };
        if let (Some(a), Some(b)) = (
            labelled(a, "按资金来源 合计"),
            labelled(b, "按资金用途 合计"),
        ) {
            check_equal(sink, PLACE, &format!("{PLACE} 年度预算情况"), a, b);
        }
    }
}

fn labelled(value: &FormValue, label: &str) -> Option<Figure> {
    form_figure(value, PLACE, label)
}

fn check_side(sink: &mut Sink, _form: &OverallForm, values: &[FormValue], side: &str) {
    let Some(total) = values.iter().find(|v| v.key == "total") else {
        if !values.is_empty() {
            sink.could_not_run(format!("{PLACE} {side}：未找到合计"));
        }
        return;
    };
    let Some(total) = labelled(total, &format!("{side} 合计")) else {
        sink.could_not_run(format!("{PLACE} {side}：合计无法读取"));
        return;
    };
    let parts = all_figures(
        &mut values
            .iter()
            .filter(|v| v.key != "total")
            .map(|v| labelled(v, &v.label)),
    );
    match parts {
        Some(parts) if !parts.is_empty() => {
            check_sum(
                sink,
                PLACE,
                &format!("{PLACE} 年度预算情况 {side}"),
                total,
                parts,
            );
        }
        Some(_) => {}
        None => sink.could_not_run(format!("{PLACE} {side}：有无法读取的分项")),
    }
}
