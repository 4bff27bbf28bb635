//! 基本支出与项目支出（N103 narrative-expense）
//!
//! ## 检查什么
//! 情况说明第三部分的支出预算合计、基本支出、项目支出与表三 合计行的合计、
//! 基本支出、项目支出一致，且基本支出 + 项目支出 = 合计。
//!
//! ## 为什么重要
//! 基本支出与项目支出的划分决定了“保运转”与“干事业”的比例，是审核重点。
//!
//! ## 示例
//! “支出预算340.46万元，其中：基本支出264.66万元…项目支出75.8万元”：与表三
//! 合计行 340.46 / 264.66 / 75.80 相等（75.8 与 75.80 相同），不报告。

use super::common::{basic_project_split, check_section_sum, section_and_table};
use crate::profile::Role;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Expense;

static META: RuleMeta = RuleMeta {
    id: "N103",
    name: "narrative-expense",
    title: "情况说明 基本支出与项目支出",
    category: Category::Narrative,
};

impl Rule for Expense {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Expense]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t3)) = section_and_table(cx, sink, 3, Role::Expense) else {
            return;
        };
        for sentence in &sec.sentences {
            let statements = sentence.statements();
            let (total, parts) = basic_project_split(sink, sec, t3, None, statements.as_slice());
            if let Some(total) = total.filter(|_| parts.len() == 2) {
                check_section_sum(sink, sec, "支出合计与基本、项目支出", total, parts);
            }
        }
    }
}
