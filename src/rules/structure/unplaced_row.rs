//! 无法定位的金额（S106 unplaced-row）
//!
//! ## 检查什么
//! 从 PDF 复制或提取的文本常常丢掉空白单元格：一行只剩下有数字的格子，
//! 看不出每个数字原来在哪一列。校验器按本表的合计关系（行合计、类=款=项之和、
//! 固定行合计、与前面各表的对应关系）找出唯一成立的放法；找不到唯一放法的行，
//! 在这里逐行报告：所在表、原文各行和读到的数字。若无论怎样放置合计关系都不成立，
//! 消息会说明：可能是文档本身在这里不一致，也可能是本行或相邻行的文字读错了
//! （例如从 PDF 阅读器复制时名称折行错位），无法断定，所以只作提醒，不报错误。
//!
//! ## 为什么重要
//! 猜测一个数字的列会制造虚假的错误或掩盖真实的错误。无法定位的单元格不参与
//! 核算，审核人员需要知道哪些行没有核对，并可用原表或 Word/Excel 文件复核。
//!
//! ## 示例
//! 表三「2011302 一般行政管理事务」只读到“2.40 2.40”，而所在款的基本支出与项目支出
//! 都能容纳它：报告这两个数字无法确定属于基本支出还是项目支出。江苏《政府采购预算表》
//! 一行的名称分几列印出，单空格文本把几列折行的文字交错在一起、又拼不出唯一的名称时，
//! 报告这一行的数字无法确定属于哪一行。

use crate::prelude::*;
use crate::report::Severity;
use crate::rules::support::{text_evidence, value_evidence};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct UnplacedRow;

static META: RuleMeta = RuleMeta {
    id: "S106",
    name: "unplaced-row",
    title: "无法定位的金额",
    category: Category::Structure,
};

impl Rule for UnplacedRow {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        if cx.doc.tables.is_empty() {
            sink.not_applicable("没有识别出报表");
            return;
        }
        sink.compared();
        for u in cx.doc.lines.unplaced() {
            let first = u.lines.first().copied().unwrap_or(0);
            let label = cx
                .doc
                .lines
                .get(first)
                .map(|l| l.cells().next().unwrap_or("").to_string())
                .unwrap_or_default();
            let mut evidence = vec![text_evidence("原文", first, u.table, None, &label)];
            for (figure, &line) in u.figures.iter().zip(&u.figure_lines) {
                evidence.push(value_evidence(
                    "读到的数字",
                    line,
                    u.table,
                    None,
                    figure,
                    None,
                ));
            }
            let lines: Vec<String> = u.lines.iter().map(|l| format!("第{l}行")).collect();
            let message = format!(
                "{}（{}）读到的数字 {} 无法定位：{}",
                u.table,
                crate::slices::join(&lines, "、"),
                crate::slices::join(&u.figures, " "),
                u.reason
            );
            sink.report(Severity::Warning, u.table, first, message, evidence);
        }
    }
}
