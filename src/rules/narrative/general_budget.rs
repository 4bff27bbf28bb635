//! 一般公共预算支出（N105 narrative-general-budget）
//!
//! ## 检查什么
//! 情况说明第五部分：一般公共预算当年支出与表五 合计一致；（二）中列出的各类
//! 支出金额与表五 同名类级科目（3位编码）的合计一致。
//!
//! ## 为什么重要
//! 第五部分解释一般公共预算用在哪些方面，金额须与表五逐类相符。
//!
//! ## 示例
//! “一般公共服务支出331.66万元，占50.11%”：与表五「201 一般公共服务支出」
//! 合计 331.66 相等，不报告。科目名称写错（如“一般公共预算服务支出”）由 N115
//! 报告。

use super::common::{amount_figure, check_opt, section_and_table, total_cell};
use crate::model::RowKind;
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct GeneralBudget;

static META: RuleMeta = RuleMeta {
    id: "N105",
    name: "narrative-general-budget",
    title: "情况说明 一般公共预算支出",
    category: Category::Narrative,
};

impl Rule for GeneralBudget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::GeneralExpense]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t5)) = section_and_table(cx, sink, 5, Role::GeneralExpense) else {
            return;
        };
        for sentence in &sec.sentences {
            let mut statements = sentence.statements();
            let Some(head) = statements.next() else {
                continue;
            };
            if head.label.contains("一般公共预算") && head.label.ends_with("支出") {
                check_opt(
                    sink,
                    sec,
                    &amount_figure(sec, head),
                    total_cell(t5, "total"),
                    &format!("{} 合计", t5.id),
                );
            }
            for st in statements {
                if !st.label.ends_with("支出") {
                    continue;
                }
                let key = fold_key(&st.label);
                let row = t5
                    .rows
                    .iter()
                    .find(|r| r.kind == RowKind::Class && fold_key(&r.name) == key);
                if let Some(row) = row {
                    check_opt(
                        sink,
                        sec,
                        &amount_figure(sec, st),
                        Figure::across(t5, row, "total"),
                        &format!("{} 类级科目", t5.id),
                    );
                }
            }
        }
    }
}
