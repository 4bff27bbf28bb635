//! 车辆与设备（N112 narrative-assets）
//!
//! ## 检查什么
//! 情况说明第十一部分：公务用车“实有M辆，其中：领导用车a辆…”各类之和等于
//! 实有数；实有数超过编制数时给出警告；价值100万元以上的通用设备台数不得多于
//! 50万元以上的台数（前者包含于后者）。
//!
//! ## 为什么重要
//! 车辆超编是审计常见问题；设备台数的包含关系写反说明数字抄错。
//!
//! ## 示例
//! “公务用车编制1辆，实有2辆，其中：…其他公务用车2辆”：各类之和 2 = 实有 2；
//! 实有 2 > 编制 1，报告警告。“50万元以上的通用设备4台（套）；100万元以上的
//! 通用设备2台（套）”：2 ≤ 4，不报告。

use super::common::{check_section_sum, narrative, quote_figure, section};
use crate::decimal;
use crate::model::{Count, Section};
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Assets;

static META: RuleMeta = RuleMeta {
    id: "N112",
    name: "narrative-assets",
    title: "情况说明 车辆与设备",
    category: Category::Narrative,
};

impl Rule for Assets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        let Some(sec) = section(n, 11, sink) else {
            return;
        };
        let label = sec.label();
        let mut vehicles: Vec<&Count> = Vec::new();
        let mut equipment: Vec<&Count> = Vec::new();
        for c in sec.counts(None) {
            if c.unit == "辆" {
                vehicles.push(c);
            } else if c.unit.starts_with('台') {
                equipment.push(c);
            }
        }
        let quota = vehicles.iter().find(|c| c.label.contains("编制"));
        let actual_at = vehicles.iter().position(|c| c.label.contains("实有"));
        if let Some(at) = actual_at {
            let actual = vehicles[at];
            let mut kinds = Vec::new();
            for c in &vehicles[at + 1..] {
                if !c.label.ends_with("用车") {
                    break;
                }
                kinds.push(quote_figure(sec, &c.label, &c.count));
            }
            if !kinds.is_empty() {
                check_section_sum(
                    sink,
                    sec,
                    "实有车辆与各类车辆",
                    quote_figure(sec, &actual.label, &actual.count),
                    kinds,
                );
            }
            if let Some(quota) = quota {
                sink.compared();
                if decimal::cmp(actual.count.value.value, quota.count.value.value).is_gt() {
                    let message = format!(
                        "{label} 公务用车实有{}辆，超过编制{}辆",
                        actual.count.shown, quota.count.shown
                    );
                    report_pair(
                        sink,
                        sec,
                        Severity::Warning,
                        message,
                        (actual, "实有"),
                        (quota, "编制"),
                    );
                }
            }
        }
        let over = |w: &str| equipment.iter().find(|c| c.label.contains(w)).copied();
        if let (Some(c50), Some(c100)) = (over("50万元"), over("100万元")) {
            sink.compared();
            if decimal::cmp(c100.count.value.value, c50.count.value.value).is_gt() {
                let message = format!(
                    "{label} 100万元以上通用设备{}台（套）多于50万元以上通用设备{}台（套），而前者包含于后者",
                    c100.count.shown, c50.count.shown
                );
                report_pair(
                    sink,
                    sec,
                    Severity::Error,
                    message,
                    (c100, "100万元以上"),
                    (c50, "50万元以上"),
                );
            }
        }
    }
}

/// A count that exceeds its bound, reported at the count's line with both
/// counts quoted as evidence.
fn report_pair(
    sink: &mut Sink,
    sec: &Section,
    severity: Severity,
    message: String,
    (count, role): (&Count, &str),
    (bound, bound_role): (&Count, &str),
) {
    let label = sec.label();
    let mut f = sink.finding(severity, &label, count.count.line, message);
    f.evidence.push(
        quote_figure(sec, &count.label, &count.count)
            .with_role(role)
            .evidence,
    );
    f.evidence.push(
        quote_figure(sec, &bound.label, &bound.count)
            .with_role(bound_role)
            .evidence,
    );
    sink.emit(f);
}
