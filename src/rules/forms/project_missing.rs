//! 项目与绩效目标表一一对应（F106 project-form-missing）
//!
//! ## 检查什么
//! 文档附有项目支出绩效目标表时，表十二的每个项目都应有一张绩效目标表，每张绩效
//! 目标表也应对应表十二的一个项目。配对方法同 F105（按名称，容许标点和个别字差异，
//! 再按金额和实施单位区分）。
//! 表十二中没有绩效目标表的项目报告警告；找不到表十二项目的绩效目标表报告错误
//! （若它对应的是表十三的上年结转项目，只作提示）。
//!
//! ## 为什么重要
//! 情况说明常写明“公开项目绩效目标N个，占项目支出总额的100%”。漏附的表使项目绩效
//! 无从核对；多出的表则说明其资金不在本年预算中，或项目名称已面目全非。
//!
//! ## 示例
//! 表十二列出 13 个项目，附 13 张绩效目标表且全部配上：不报告。若删去“物业费”的
//! 绩效目标表，报告表十二第398行“物业费”无绩效目标表（警告）。

use super::common::{carried_over, form_place, name_evidence, pairing_for};
use crate::prelude::*;
use crate::profile::Role;
use crate::report::Severity;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct ProjectFormMissing;

static META: RuleMeta = RuleMeta {
    id: "F106",
    name: "project-form-missing",
    title: "项目与绩效目标表一一对应",
    category: Category::Form,
};

impl Rule for ProjectFormMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms, Role::Projects]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(pairing) = pairing_for(cx, sink, "项目与绩效目标表") else {
            return;
        };
        sink.compared();
        // `needs` makes sure the template has the role.
        let t12 = cx.profile.table_for(Role::Projects).map_or("", |d| d.id);
        let unread = cx.doc.lines.unread.iter().any(|u| u.wholly());
        if unread {
            // A project's form may be among those not read (F111): that it
            // has none cannot be told.
            sink.could_not_run(format!(
                "有绩效目标表未能读取，无法判断{t12}的项目是否都附有绩效目标表"
            ));
        }
        let lone_projects = if !unread {
            &pairing.lone_projects[..]
        } else {
            &[]
        };
        for project in lone_projects {
            let row = project.table.row_label(project.row);
            let t12 = project.table.id;
            sink.report(
                Severity::Warning,
                "绩效目标表",
                project.row.line,
                format!(
                    "{t12} {row} 没有对应的项目支出绩效目标表（文档附有 {} 张绩效目标表）",
                    cx.doc.forms.projects.len()
                ),
                vec![text_evidence(
                    t12,
                    project.row.line,
                    t12,
                    Some(&row),
                    &project.row.name,
                )],
            );
        }
        for form in &pairing.lone_forms {
            let place = form_place(form);
            if let Some(carried) = carried_over(cx, form) {
                let row = carried.table.row_label(carried.row);
                let t13 = carried.table.id;
                sink.report(
                    Severity::Info,
                    "绩效目标表",
                    form.name_line(),
                    format!(
                        "{place}（第{}行）对应{t13}（上年结转）{row}，不在{t12}中",
                        form.name_line()
                    ),
                    vec![
                        name_evidence(form, &place),
                        text_evidence(t13, carried.row.line, t13, Some(&row), &carried.row.name),
                    ],
                );
                continue;
            }
            let amount = form
                .annual
                .total
                .as_ref()
                .map(|t| format!("，年度资金总额 {} 元", t.value.display()))
                .unwrap_or_default();
            sink.report(
                Severity::Error,
                "绩效目标表",
                form.name_line(),
                format!(
                    "{place}（第{}行）在{t12}中找不到对应的项目{amount}",
                    form.name_line()
                ),
                vec![name_evidence(form, &place)],
            );
        }
    }
}
