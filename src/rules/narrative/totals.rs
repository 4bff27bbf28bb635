//! 收支总计（N101 narrative-totals）
//!
//! ## 检查什么
//! 情况说明第一部分的“预算收入总计”“本年收入”“上年结转”与表一 收入总计、
//! 本年收入合计、上年结转一致；“本年部门预算支出总计”“本年预算安排”“上年结转”
//! 与表一 支出总计、本年支出合计的当年预算安排与上年结转安排一致；并且总计 =
//! 本年 + 上年结转。
//!
//! ## 为什么重要
//! 第一部分是读者最先看到的数字，与表一不符会让整份公开失信。
//!
//! ## 示例
//! “预算收入总计1,629.62万元，其中：本年收入661.85万元，上年结转967.77万元”：
//! 三个数分别与表一相等，且 661.85 + 967.77 = 1,629.62，不报告。若说明写
//! “本年收入671.85万元”，报告错误，列出说明中的数字与表一「本年收入合计」。

use super::common::{
    amount_figure, check_opt, check_section_sum, fixed_cell, indexed, parts_of, section_and_table,
};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Totals;

static META: RuleMeta = RuleMeta {
    id: "N101",
    name: "narrative-totals",
    title: "情况说明 收支总计",
    category: Category::Narrative,
};

impl Rule for Totals {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Summary]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t1)) = section_and_table(cx, sink, 1, Role::Summary) else {
            return;
        };
        for sentence in &sec.sentences {
            for (index, head) in indexed(sentence) {
                if head.part_of.is_some() {
                    continue;
                }
                // (table row, column) of the head, and of its parts by label.
                let (head_cell, current, carry) = if head.label.contains("收入总计") {
                    (
                        ("income_grand", "income"),
                        ("income_total", "income"),
                        ("carry", "income"),
                    )
                } else if head.label.contains("支出总计") {
                    (
                        ("expense_grand", "total"),
                        ("expense_total", "current"),
                        ("expense_total", "carry"),
                    )
                } else {
                    continue;
                };
                let total = amount_figure(sec, head);
                check_opt(
                    sink,
                    sec,
                    &total,
                    fixed_cell(t1, head_cell.0, head_cell.1),
                    &format!("{} 总计", t1.id),
                );
                let mut parts = Vec::new();
                for part in parts_of(sentence, index) {
                    let cell = if part.label.contains("上年结转") {
                        carry
                    } else if part.label.contains("本年") {
                        current
                    } else {
                        continue;
                    };
                    let fig = amount_figure(sec, part);
                    check_opt(
                        sink,
                        sec,
                        &fig,
                        fixed_cell(t1, cell.0, cell.1),
                        &format!("{} 对应数", t1.id),
                    );
                    parts.push(fig);
                }
                if parts.len() == 2 {
                    check_section_sum(sink, sec, "总计与其组成", total, parts);
                }
            }
        }
    }
}
