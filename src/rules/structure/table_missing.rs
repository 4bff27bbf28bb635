//! 缺少报表（S101 table-missing）
//!
//! ## 检查什么
//! 模板规定的每一张表（表一至表十三）都应在文档中出现，按标题识别，不论是否带
//! “预算公开表N”“部门公开表N”标签和年份。印有“注：本表无数据”的空表算作存在。
//!
//! ## 为什么重要
//! 部门预算公开要求完整公开全部报表；缺表既是公开不完整，也使依赖该表的表间
//! 核对无法进行（这些核对会在“无法检查”中列出原因）。
//!
//! ## 示例
//! 文档中找不到“2026年财政拨款安排机关运行经费预算表”：报告“缺少表十一”。

use crate::prelude::*;
use crate::report::Severity;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct TableMissing;

static META: RuleMeta = RuleMeta {
    id: "S101",
    name: "table-missing",
    title: "缺少报表",
    category: Category::Structure,
};

impl Rule for TableMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        if !cx.doc.info.kind.is_budget() {
            sink.not_applicable(format!("{}不要求这套报表", cx.doc.info.kind_label));
            return;
        }
        let last_line = cx.doc.tables.iter().map(|t| t.end_line).max().unwrap_or(1);
        for def in cx.profile.tables {
            sink.compared();
            if cx.doc.table(def.id).is_none() {
                let message = format!(
                    "缺少{}「{}」：文档中没有找到这张表的标题",
                    def.id, def.title
                );
                sink.report(Severity::Error, def.id, last_line, message, Vec::new());
            }
        }
    }
}
