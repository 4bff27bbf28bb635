//! 未能读取的申报表（P106 special-form-unread）
//!
//! ## 检查什么
//! 专项资金信息公开中各项目的绩效目标申报表不是一行一栏的文本时——由 PDF 导出，
//! 各栏以空格对齐、长单元格拆到上下几行，或每格一行——校验器无法确定每个数值
//! 属于哪个栏目。这样的申报表不读入，逐张报告，指明其起止行（与 F111 相同，
//! 用于专项资金文档）。专项资金文档对申报表只核对项目名称和项目资金（P102—P105）：
//! 这两部分能确定地读入时（例如各项资金的数值居中印在拆成几行的栏目名称之间），
//! 申报表的核对照常运行，不再报告。
//!
//! ## 为什么重要
//! 把数值读到错误的栏目下会报出并不存在的错误。未读入的申报表不参与资金分项
//! 之和（P105）、项目名称（P104）等核对，审核人员需要知道这些表没有核对。
//!
//! ## 示例
//! `pdftotext -layout` 导出的文本中，“项目名称”一栏的“贸易统计奖励专项资金”
//! 被拆成“贸易统计奖励专”“项资金”两行，夹着“项目名称”：报告该申报表未读入，
//! 其校验未运行。

use crate::rebuild::NAME_AND_FUNDS;
use crate::rules::forms::unread::report_unread;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct SpecialFormUnread;

static META: RuleMeta = RuleMeta {
    id: "P106",
    name: "special-form-unread",
    title: "未能读取的申报表",
    category: Category::SpecialFunds,
};

impl Rule for SpecialFormUnread {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        // The name and the 项目资金 are all that this document's checks
        // read of a 申报表: read so, it was checked as a whole one.
        report_unread(
            cx,
            sink,
            |form| form.part_read != Some(NAME_AND_FUNDS),
            "申报表均已读入核对所需的项目名称和项目资金，或本文档没有申报表",
        );
    }
}
