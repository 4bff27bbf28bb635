//! 申报表资金合计等于分项之和（P105 special-form-sum）
//!
//! ## 检查什么
//! 专项资金每个项目的绩效目标申报表：年度资金总额（以及有实施期资金时的实施期资金
//! 总额）等于中央财政资金、省级财政资金、市县（区）财政资金、单位自筹、其他资金之和，
//! 空白按 0 计。与 F101 用同一段检查。
//!
//! ## 为什么重要
//! 分项加不回总额，说明申报表上有一个数填错了。
//!
//! ## 示例
//! “年度资金总额：1,100,000；市县（区）财政资金 1,100,000；其余为空”：一致，不报告。

use crate::rules::forms::common::check_fund_block;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct SpecialFormSum;

static META: RuleMeta = RuleMeta {
    id: "P105",
    name: "special-form-sum",
    title: "申报表资金合计等于分项之和",
    category: Category::SpecialFunds,
};

impl Rule for SpecialFormSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for form in cx.doc.special.projects().filter_map(|p| p.form.as_ref()) {
            check_fund_block(sink, form, true);
            check_fund_block(sink, form, false);
        }
    }
}
