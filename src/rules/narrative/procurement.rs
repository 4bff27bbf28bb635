//! 政府采购（N109 narrative-procurement）
//!
//! ## 检查什么
//! 情况说明第九部分：政府采购预算总额 = 货物 + 工程 + 服务。
//!
//! ## 为什么重要
//! 政府采购预算没有对应的公开表格，说明内部的加总是唯一可核对之处。
//!
//! ## 示例
//! “政府采购预算总额607.40万元。其中：货物预算11.40万元、工程预算0万元、服务
//! 预算596.00万元”：11.40 + 0 + 596.00 = 607.40，不报告；若总额写 617.40，
//! 报告错误并列出四个数字。

use super::common::{amount_figure, check_section_sum, narrative, section};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Procurement;

static META: RuleMeta = RuleMeta {
    id: "N109",
    name: "narrative-procurement",
    title: "情况说明 政府采购",
    category: Category::Narrative,
};

impl Rule for Procurement {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        let Some(sec) = section(n, 9, sink) else {
            return;
        };
        let Some((_, total)) = sec.find(None, &["采购预算总额"]) else {
            sink.not_applicable("第九部分没有政府采购预算总额");
            return;
        };
        let mut parts = Vec::new();
        for kind in ["货物", "工程", "服务"] {
            if let Some((_, s)) = sec.find(None, &["采购", kind]) {
                parts.push(amount_figure(sec, s));
            }
        }
        if parts.len() == 3 {
            check_section_sum(
                sink,
                sec,
                "政府采购总额与货物、工程、服务",
                amount_figure(sec, total),
                parts,
            );
        }
    }
}
