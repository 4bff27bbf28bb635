//! 未能读取的绩效目标表（F111 form-unread）
//!
//! ## 检查什么
//! 文本中的绩效目标表（整体支出绩效目标申报表、项目支出绩效目标表、专项资金的
//! 申报表）不是一行一栏的形式时——由 PDF 导出的文本，各栏以空格对齐、长单元格
//! 拆到上下几行，或每格一行——校验器无法确定每个数值属于哪个栏目。这样的表不读入，
//! 逐张报告，指明其起止行。整体支出绩效目标申报表的“年度预算情况”各项金额紧跟
//! 在各自的项目名称之后，能确定时仍读入并核对，报告中说明该表只读入了这一部分。
//!
//! ## 为什么重要
//! 把数值读到错误的栏目下会报出并不存在的错误。未读入的表不参与任何核对（资金
//! 分项之和、与表十二的对应、年份、指标等），审核人员需要知道这些表没有核对，
//! 以免把“未报告”误当作“已核对”。直接打开原 PDF、Word 或 Excel 文件（按表格线
//! 读取各栏），或用 Word、WPS 另存的文本，可以读入这些表：报告中每条都这样提示。
//!
//! ## 示例
//! `pdftotext -layout` 导出的文本中，“项目名称”一栏的“贸易统计奖励专项资金”
//! 被拆成上下两行，夹着“项目名称”：报告该表（第18—97行）未读入，其校验未运行。

use crate::prelude::*;
use crate::rebuild::UnreadForm;
use crate::report::Severity;
use crate::rules::support::text_evidence;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct FormUnread;

static META: RuleMeta = RuleMeta {
    id: "F111",
    name: "form-unread",
    title: "未能读取的绩效目标表",
    category: Category::Form,
};

impl Rule for FormUnread {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        report_unread(
            cx,
            sink,
            |_| true,
            "绩效目标表均已逐行读入，或本文档没有绩效目标表",
        );
    }
}

/// What reads such a form: the file itself, whose cells the PDF, Word and
/// Excel readers take from the grid (every corpus form, read from its PDF,
/// is its TAB original).
const FROM_THE_FILE: &str = "若有原 PDF、Word 或 Excel 文件，直接打开即可按表格线逐栏读入";

/// One finding per form left unread of those `reported` keeps (shared with
/// the 专项资金 rule P106); `none` says why there is none.
pub(crate) fn report_unread(
    cx: &Context,
    sink: &mut Sink,
    reported: impl Fn(&UnreadForm) -> bool,
    none: &str,
) {
    let unread: Vec<&UnreadForm> = cx.doc.lines.unread.iter().filter(|f| reported(f)).collect();
    if unread.is_empty() {
        sink.not_applicable(none);
        return;
    }
    sink.compared();
    for form in unread {
        let message = match form.part_read {
            None => format!(
                "第{}—{}行的「{}」未读入：{}；该表的各项校验未运行。{FROM_THE_FILE}",
                form.first, form.last, form.title, form.reason
            ),
            Some(part) => format!(
                "第{}—{}行的「{}」只读入了其中的{part}：{}；该表其余各项的校验未运行。{FROM_THE_FILE}",
                form.first, form.last, form.title, form.reason
            ),
        };
        let evidence = vec![text_evidence(
            "表名",
            form.first,
            "绩效目标表",
            None,
            &form.title,
        )];
        sink.report(
            Severity::Warning,
            "绩效目标表",
            form.first,
            message,
            evidence,
        );
    }
}
