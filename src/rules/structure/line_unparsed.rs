//! 表内无法识别的行（S104 line-unparsed）
//!
//! ## 检查什么
//! 报表范围内、既不是表头也不是模板所列各行的文本行：例如表一支出方出现了模板
//! 三十类以外的名称、编码表中出现了没有科目编码却有金额的行。每行说明期待的
//! 内容。这些行不参与核算。
//!
//! ## 为什么重要
//! 一行没有被读入，它的金额就不在任何核对中；审核人员需要知道哪些行校验器没有
//! 读懂，以免把“未报告”误当作“已核对”。
//!
//! ## 示例
//! 表一中出现“二十一、粮油储备支出”（模板为“粮油物资储备支出”）：报告该行不是
//! 本表应有的行。

use crate::prelude::*;
use crate::report::Severity;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct LineUnparsed;

static META: RuleMeta = RuleMeta {
    id: "S104",
    name: "line-unparsed",
    title: "表内无法识别的行",
    category: Category::Structure,
};

impl Rule for LineUnparsed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        if cx.doc.tables.is_empty() {
            sink.not_applicable("没有识别出报表");
            return;
        }
        sink.compared();
        for u in &cx.doc.unparsed {
            let shown: String = u.text.chars().take(80).collect();
            let evidence = vec![text_evidence("原文", u.line, u.table, None, &shown)];
            let message = format!("{}（第{}行未读入核算）", u.reason, u.line);
            sink.report(Severity::Warning, u.table, u.line, message, evidence);
        }
    }
}
