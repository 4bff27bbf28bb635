//! 科目编码不完整（S108 code-completed）
//!
//! ## 检查什么
//! 类、款、项分列印出的科目编码，类一格应为三位数字。某一行的类印错（如社会福利院
//! 2024年预算把 210 印作“7”：“7 | 11 | 02 事业单位医疗”）而其款与上方的款级行
//! 相同时，按上方的款级行补全编码（读作 2101102）后参与核对，并报告该行。
//!
//! ## 为什么重要
//! 编码印错的行若被丢弃，所在的款、类合计会对不上，报出并非真实存在的差错；
//! 按上级行补全可让核对继续，但补全是推断，审核人应核实原表。
//!
//! ## 示例
//! 表3 第11行类编码印为“7”：提醒“表3 第11行「2101102 事业单位医疗」的科目编码印为
//! 「7 11 02」，已按上方款级科目读作 2101102”。

use crate::prelude::*;
use crate::report::Severity;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct CodeCompleted;

static META: RuleMeta = RuleMeta {
    id: "S108",
    name: "code-completed",
    title: "科目编码不完整",
    category: Category::Structure,
};

impl Rule for CodeCompleted {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for t in &cx.doc.tables {
            for row in &t.rows {
                let (Some(printed), Some(code)) = (&row.printed_code, &row.code) else {
                    continue;
                };
                sink.compared();
                let label = t.row_label(row);
                let message = format!(
                    "{} {label}的科目编码印为「{printed}」，已按上方款级科目读作 {code}",
                    t.id
                );
                // The 类 cell is what was misprinted.
                let class_cell = printed.split(' ').next().unwrap_or(printed);
                let evidence = vec![text_evidence(
                    "编码",
                    row.line,
                    t.id,
                    Some(&label),
                    class_cell,
                )];
                sink.report(Severity::Warning, t.id, row.line, message, evidence);
            }
        }
    }
}
