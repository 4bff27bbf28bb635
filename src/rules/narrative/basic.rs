//! 基本支出 人员经费与公用经费（N106 narrative-basic）
//!
//! ## 检查什么
//! 情况说明第六部分：一般公共预算安排的基本支出、人员经费、公用经费与表六
//! 合计行的合计、人员经费、公用经费一致，且人员经费 + 公用经费 = 基本支出。
//!
//! ## 为什么重要
//! 人员经费和公用经费是“三保”与机关运转的底数，常被单独引用。
//!
//! ## 示例
//! “基本支出630.78万元，其中：人员经费572.95万元…公用经费57.82万元”：三数
//! 与表六合计行相等；572.95 + 57.82 = 630.77 与 630.78 相差 0.01，在容差内，
//! 只作尾差提示。

use super::common::{amount_figure, check_opt, check_section_sum, section_and_table, total_cell};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Basic;

static META: RuleMeta = RuleMeta {
    id: "N106",
    name: "narrative-basic",
    title: "情况说明 人员经费与公用经费",
    category: Category::Narrative,
};

impl Rule for Basic {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::BasicEconomic]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t6)) = section_and_table(cx, sink, 6, Role::BasicEconomic) else {
            return;
        };
        let mut total = None;
        let mut parts = Vec::new();
        for (_, st) in sec.statements(None) {
            let column = if st.label.contains("基本支出") {
                "total"
            } else if st.label.contains("人员经费") {
                "personnel"
            } else if st.label.contains("公用经费") {
                "public"
            } else {
                continue;
            };
            let fig = amount_figure(sec, st);
            check_opt(
                sink,
                sec,
                &fig,
                total_cell(t6, column),
                &format!("{} 合计行", t6.id),
            );
            if column == "total" {
                total.get_or_insert(fig);
            } else {
                parts.push(fig);
            }
        }
        if let (Some(total), 2) = (total, parts.len()) {
            check_section_sum(sink, sec, "基本支出与人员经费、公用经费", total, parts);
        }
    }
}
