//! 项目资金合计等于分项之和（F101 form-fund-sum）
//!
//! ## 检查什么
//! 每张项目支出绩效目标表的“项目资金（元）”：实施期资金总额等于其下中央财政资金、
//! 省级财政资金、市县（区）财政资金、单位自筹、其他资金之和；年度资金总额同样等于
//! 其分项之和。空白的分项按 0 计。上海的“财政项目支出绩效目标填报表”同样核对：
//! 项目资金总额等于财政资金与其他资金之和，年度资金申请总额等于当年财政拨款、
//! 上年结转资金与其他资金之和。
//!
//! ## 为什么重要
//! 资金总额与来源分项对不上，说明其中一个数填错了，绩效目标表中的资金来源就不可信，
//! 也无法与表十二核对。
//!
//! ## 示例
//! “年度资金总额：180,000；其中：中央财政资金 0；省级财政资金 0；市县（区）财政资金
//! 180,000；单位自筹 0”：一致，不报告。若市县（区）财政资金印为 170,000，报告错误，
//! 列出总额和各分项及其行号。上海普陀区万里街道2023年“公共服务设施运行经费”填报表：
//! 年度资金申请总额 10,903,043.00，其中当年财政拨款 11,419,043.00，报告错误
//! （相差 -516,000.00）。

use super::common::check_fund_block;
use crate::profile::Role;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct FormFundSum;

static META: RuleMeta = RuleMeta {
    id: "F101",
    name: "form-fund-sum",
    title: "项目资金合计等于分项之和",
    category: Category::Form,
};

impl Rule for FormFundSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::PerformanceForms]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        if cx.doc.forms.projects.is_empty() {
            sink.not_applicable("本文档没有项目支出绩效目标表");
            return;
        }
        for form in &cx.doc.forms.projects {
            check_fund_block(sink, form, true);
            check_fund_block(sink, form, false);
        }
    }
}
