//! 占比（N113 narrative-shares）
//!
//! ## 检查什么
//! 情况说明中每个“占X%”都按区间算术重新计算：分子是该金额，分母是同一句的
//! 合计（句首金额，如“预算收入1,629.62万元，主要包括…”）；项目金额“占部门
//! （单位）项目支出总额的X%”的分母是表十二 合计。印出的百分比（±0.005）与
//! 计算区间相交即为正确。
//!
//! ## 为什么重要
//! 百分比是读者理解结构的捷径，算错的占比会直接误导判断。
//!
//! ## 示例
//! “一般公共预算拨款收入661.85万元，占40.61%”：661.85 ÷ 1,629.62 = 40.614%，
//! 与 40.61% 相符，不报告；若印成 41.61%，报告错误并列出百分比、分子、分母。
//! 未写占比的类（如只给第一类写了占比）不报告。

use super::common::{amount_figure, check_percent, narrative, project_root, said_of};
use crate::profile::Role;
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Shares;

static META: RuleMeta = RuleMeta {
    id: "N113",
    name: "narrative-shares",
    title: "情况说明 占比",
    category: Category::Narrative,
};

impl Rule for Shares {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        let projects = cx
            .table(Role::Projects)
            .and_then(|t| project_root(t).and_then(|r| Figure::across(t, r, "total")));
        for sec in &n.sections {
            for sentence in &sec.sentences {
                let head = sentence.head();
                for (i, st) in sentence.statements().enumerate() {
                    let Some(share) = &st.share else { continue };
                    let base = if share.label.contains("项目支出总额") {
                        projects.clone()
                    } else if i > 0 {
                        head.map(|h| amount_figure(sec, h))
                    } else {
                        None
                    };
                    let Some(base) = base else {
                        sink.could_not_run("有占比找不到所占的总额");
                        continue;
                    };
                    let percent = said_of(sec, st, &share.label, &share.percent);
                    check_percent(sink, sec, &percent, &amount_figure(sec, st), &base, "占比");
                }
            }
        }
    }
}
