//! 收入来源（N102 narrative-income）
//!
//! ## 检查什么
//! 情况说明第二部分的预算收入合计与各来源（一般公共预算拨款收入、政府性基金
//! 预算拨款收入、国有资本经营预算拨款收入、财政专户管理资金收入、单位资金、
//! 上年结转）与表一收入方对应行一致，且各来源之和等于收入合计。
//!
//! ## 为什么重要
//! 收入结构是说明的核心内容，来源金额写错会误导读者对资金性质的判断。
//!
//! ## 示例
//! “预算收入1,629.62万元，主要包括一般公共预算拨款收入661.85万元…上年结转
//! 967.77万元”：与表一「一、一般公共预算」661.85、「上年结转」967.77 相等，
//! 不报告。

use super::common::{amount_figure, check_opt, check_section_sum, fixed_cell, section_and_table};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Income;

static META: RuleMeta = RuleMeta {
    id: "N102",
    name: "narrative-income",
    title: "情况说明 收入来源",
    category: Category::Narrative,
};

/// (label word, 表一 income row key).
const SOURCES: [(&str, &str); 6] = [
    ("一般公共预算", "general"),
    ("政府性基金", "fund"),
    ("国有资本", "capital"),
    ("财政专户", "special"),
    ("单位资金", "own"),
    ("上年结转", "carry"),
];

impl Rule for Income {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Summary]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t1)) = section_and_table(cx, sink, 2, Role::Summary) else {
            return;
        };
        for sentence in &sec.sentences {
            if !sentence
                .head()
                .is_some_and(|head| head.label.contains("收入"))
            {
                continue;
            }
            let mut total = None;
            let mut parts = Vec::new();
            for (i, st) in sentence.statements().enumerate() {
                let (key, what) = match source_of(&st.label) {
                    Some(key) => (key, "收入来源"),
                    // The first figure is the total, unless it names a
                    // source: then the sentence is the tail of the 收入
                    // sentence, broken off where a line ended in "；"
                    // ("政府性基金预算拨款收入0万元，占0%；…").
                    None if i == 0 => ("income_grand", "收入总计"),
                    None => continue,
                };
                let fig = amount_figure(sec, st);
                let cell = fixed_cell(t1, key, "income");
                check_opt(sink, sec, &fig, cell, &format!("{} {what}", t1.id));
                if key == "income_grand" {
                    total = Some(fig);
                } else {
                    parts.push(fig);
                }
            }
            if let Some(total) = total.filter(|_| parts.len() >= 2) {
                check_section_sum(sink, sec, "收入合计与各来源", total, parts);
            }
        }
    }
}

/// The 表一 income row key of the source a label names.
fn source_of(label: &str) -> Option<&'static str> {
    SOURCES
        .iter()
        .find(|(word, _)| label.contains(word))
        .map(|&(_, key)| key)
}
