//! 专项资金总额与分类合计（P101 special-totals）
//!
//! ## 检查什么
//! 专项资金信息公开开头一句“项目支出预算共计X万元，其中特定目标类项目a个计Y万元，
//! 其他运转类项目b个计Z万元”：
//! - X = Y + Z；
//! - 每类的个数 = 该类标题（“1、特定目标类专项资金”）下列出的项目个数；
//! - 每类的金额 = 该类各项目“批复该项目预算N万元”之和。
//!
//! ## 为什么重要
//! 开头一句是全文的摘要，读者先读到它；与后面逐项列出的项目对不上，说明漏列、多列
//! 了项目或金额写错。
//!
//! ## 示例
//! “共计631.81万元，其中特定目标类项目6个计622.31万元，其他运转类项目3个计9.5万元”，
//! 特定目标类列出 6 个项目，293 + 8 + 110 + 25 + 7 + 179.31 = 622.31：一致，不报告。

use super::common::{prose_figure, LOCATION};
use crate::model::special::{OpeningClass, SpecialClass};
use crate::prelude::*;
use crate::report::Severity;
use crate::rules::support::{all_figures, check_sum, value_evidence};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct SpecialTotals;

static META: RuleMeta = RuleMeta {
    id: "P101",
    name: "special-totals",
    title: "专项资金总额与分类合计",
    category: Category::SpecialFunds,
};

impl Rule for SpecialTotals {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let special = &cx.doc.special;
        let Some(opening) = special.opening.as_ref() else {
            sink.could_not_run("未找到开头的“项目支出预算共计…万元”一句");
            return;
        };
        if let Some(total) = opening.total.as_ref() {
            let parts = all_figures(&mut opening.classes.iter().map(|c| {
                c.amount
                    .as_ref()
                    .map(|a| prose_figure(a, &format!("{}项目", c.name)))
            }));
            if let Some(parts) = parts.filter(|p| !p.is_empty()) {
                let total = prose_figure(total, "项目支出预算共计");
                check_sum(sink, LOCATION, "开头一句", total, parts);
            }
        }
        for class in &opening.classes {
            match special
                .classes
                .iter()
                .find(|c| same_class(&c.name, &class.name))
            {
                Some(listed) => check_class(sink, class, listed),
                None => sink.could_not_run(format!("未找到「{}」的分类标题", class.name)),
            }
        }
    }
}

fn same_class(a: &str, b: &str) -> bool {
    let (a, b) = (fold_key(a), fold_key(b));
    !a.is_empty() && (a == b || a.contains(&*b) || b.contains(&*a))
}

fn check_class(sink: &mut Sink, class: &OpeningClass, listed: &SpecialClass) {
    let Some(first) = class.amount.as_ref() else {
        return;
    };
    if let Some(count) = class.count {
        sink.compared();
        let found = listed.projects.len();
        if found != count as usize {
            sink.report(
                Severity::Error,
                LOCATION,
                first.line,
                format!(
                    "开头一句称{}项目{count}个，而第{}行「{}」下列出{found}个项目",
                    class.name, listed.line, listed.heading
                ),
                vec![
                    value_evidence(
                        "开头一句",
                        first.line,
                        LOCATION,
                        None,
                        &count.to_string(),
                        Some(&format!("{}项目{count}个", class.name)),
                    ),
                    value_evidence(
                        "分类标题",
                        listed.line,
                        LOCATION,
                        None,
                        &found.to_string(),
                        Some(&listed.heading),
                    ),
                ],
            );
        }
    }
    let parts = all_figures(&mut listed.projects.iter().map(|p| {
        p.approved
            .as_ref()
            .map(|a| prose_figure(a, &format!("（{}）{}", p.number, p.name)))
    }));
    match parts {
        Some(parts) if !parts.is_empty() => {
            let total = prose_figure(first, &format!("{}项目计", class.name));
            check_sum(sink, LOCATION, &format!("{}项目", class.name), total, parts);
        }
        Some(_) => {}
        None => sink.could_not_run(format!("{}有项目未写明批复金额", class.name)),
    }
}
