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

use super::common::{narrative, quote_figure, section};
use crate::model::Count;
use crate::report::Severity;
use crate::rules::support::check_sum;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Assets;

static META: RuleMeta = RuleMeta {
    id: "N112",
    name: "narrative-assets",
    title: "情况说明 车辆与设备",
    category: Category::Narrative,
    source: file!(),
};

impl Rule for Assets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        let Some(sec) = section(n, 11, sink) else {
            return;
        };
        let label = sec.label();
        let vehicles: Vec<&Count> = sec.counts(None).filter(|c| c.unit == "辆").collect();
        let quota = vehicles.iter().find(|c| c.label.contains("编制"));
        let actual_at = vehicles.iter().position(|c| c.label.contains("实有"));
        if let Some(at) = actual_at {
            let actual = vehicles[at];
            let kinds: Vec<_> = vehicles[at + 1..]
                .iter()
                .take_while(|c| c.label.ends_with("用车"))
                .map(|c| quote_figure(sec, &c.label, &c.count))
                .collect();
            if !kinds.is_empty() {
                check_sum(
                    sink,
                    &label,
                    &format!("{label} 实有车辆与各类车辆"),
                    quote_figure(sec, &actual.label, &actual.count),
                    kinds,
                );
            }
            if let Some(quota) = quota {
                sink.compared();
                if actual.count.value.value > quota.count.value.value {
                    let message = format!(
                        "{label} 公务用车实有{}辆，超过编制{}辆",
                        actual.count.shown, quota.count.shown
                    );
                    let mut f = sink.finding(Severity::Warning, &label, actual.count.line, message);
                    f.evidence.push(
                        quote_figure(sec, &actual.label, &actual.count)
                            .with_role("实有")
                            .evidence,
                    );
                    f.evidence.push(
                        quote_figure(sec, &quota.label, &quota.count)
                            .with_role("编制")
                            .evidence,
                    );
                    sink.emit(f);
                }
            }
        }
        let equipment: Vec<&Count> = sec
            .counts(None)
            .filter(|c| c.unit.starts_with('台'))
            .collect();
        let over = |w: &str| equipment.iter().find(|c| c.label.contains(w)).copied();
        if let (Some(c50), Some(c100)) = (over("50万元"), over("100万元")) {
            sink.compared();
            if c100.count.value.value > c50.count.value.value {
                let message = format!(
                    "{label} 100万元以上通用设备{}台（套）多于50万元以上通用设备{}台（套），而前者包含于后者",
                    c100.count.shown, c50.count.shown
                );
                let mut f = sink.finding(Severity::Error, &label, c100.count.line, message);
                f.evidence.push(
                    quote_figure(sec, &c100.label, &c100.count)
                        .with_role("100万元以上")
                        .evidence,
                );
                f.evidence.push(
                    quote_figure(sec, &c50.label, &c50.count)
                        .with_role("50万元以上")
                        .evidence,
                );
                sink.emit(f);
            }
        }
    }
}
