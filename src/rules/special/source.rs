//! 资金来源与申报表一致（P103 special-source）
//!
//! ## 检查什么
//! 项目说明“全部为一般公共预算财政拨款”“全部为政府性基金预算”等，意味着钱全部来自
//! 财政：申报表年度资金的“单位自筹”和“其他资金”应为空或 0，由中央、省级、市县（区）
//! 财政资金承担全部金额。说明“全部为单位自筹（单位资金）”时，单位自筹应等于年度资金
//! 总额。
//!
//! ## 为什么重要
//! 资金来源决定了钱由谁出、受哪类预算约束；说明与申报表不一致，读者无法知道真实的
//! 资金来源。
//!
//! ## 示例
//! “全部为政府性基金预算”，申报表市县（区）财政资金 2,930,000，单位自筹、其他资金
//! 为空：一致，不报告。若单位自筹印为 30,000，报告错误，列出说明所在行和申报表该行。

use super::common::{project_place, LOCATION};
use crate::model::forms::FormValue;
use crate::prelude::*;
use crate::report::Severity;
use crate::rules::forms::common::{form_value_evidence, funds_read, read_in_part};
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct SpecialSource;

static META: RuleMeta = RuleMeta {
    id: "P103",
    name: "special-source",
    title: "资金来源与申报表一致",
    category: Category::SpecialFunds,
};

/// What a "全部为…" source means for the form's breakdown.
enum Source {
    /// Fiscal money: 中央/省级/市县 carry it all.
    Fiscal,
    /// The unit's own money: 单位自筹 carries it all.
    Own,
}

fn classify(text: &str) -> Option<Source> {
    if text.contains("自筹") || text.contains("单位资金") {
        Some(Source::Own)
    } else if ["财政", "一般公共预算", "政府性基金", "国有资本"]
        .iter()
        .any(|k| text.contains(k))
    {
        Some(Source::Fiscal)
    } else {
        None
    }
}

impl Rule for SpecialSource {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for project in cx.doc.special.projects() {
            let place = project_place(project);
            let (Some(source), Some(form)) = (project.source.as_ref(), project.form.as_ref())
            else {
                continue;
            };
            if !funds_read(cx, form)
                && read_in_part(cx, sink, form, &format!("{place} 的申报表"), "资金构成")
            {
                continue;
            }
            let Some(kind) = classify(source) else {
                sink.could_not_run(format!("{place} 的资金来源「{source}」无法归类"));
                continue;
            };
            let outside: &[&str] = match kind {
                Source::Fiscal => &["own", "other"],
                Source::Own => &["central", "province", "city", "other"],
            };
            sink.compared();
            for part in form
                .annual
                .parts
                .iter()
                .filter(|p| outside.contains(&p.key))
            {
                if is_zero(part) {
                    continue;
                }
                let source_line = project.source_line.unwrap_or(project.line);
                sink.report(
                    Severity::Error,
                    LOCATION,
                    part.line,
                    format!(
                        "{place}：说明称资金全部为{source}（第{source_line}行），但申报表第{}行「{}」为 {} 元",
                        part.line,
                        part.label,
                        part.value.display()
                    ),
                    vec![
                        text_evidence(
                            "说明",
                            source_line,
                            LOCATION,
                            None,
                            &format!("全部为{source}"),
                        ),
                        form_value_evidence(
                            "申报表",
                            &format!("绩效目标申报表「{}」", form.name_text()),
                            part,
                        ),
                    ],
                );
            }
        }
    }
}

fn is_zero(part: &FormValue) -> bool {
    part.value.is_blank() || part.value.amount().is_some_and(|a| a.value.is_zero())
}
