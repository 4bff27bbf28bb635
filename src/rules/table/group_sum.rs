//! 经济科目分类合计（T103 group-sum）
//!
//! ## 检查什么
//! 表六 一般公共预算基本支出分经济科目表：每个类别行（工资福利支出、商品和服务
//! 支出、对个人和家庭的补助、资本性支出……）等于其下各明细行之和，合计行等于
//! 各类别行之和；合计、人员经费、公用经费三列都检查。同名明细（如机关与事业
//! 单位各有一行“基本工资”）都作为独立的行计入。
//!
//! ## 为什么重要
//! 表六的人员经费、公用经费合计被情况说明第六部分和表十一引用，类别汇总错误会
//! 一路传递下去。
//!
//! ## 示例
//! 表六「商品和服务支出」36.22 = 办公费 5.86 + 印刷费 0.79 + … + 其他商品和服务
//! 支出 4.14。某一明细改动后两边不等，报告错误并列出类别行和全部明细行。
//! 类别行有金额而其下没有任何明细行（明细在复制时丢失），同样报告错误。

use super::resolve;
use crate::model::{Row, RowKind};
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct GroupSum;

static META: RuleMeta = RuleMeta {
    id: "T103",
    name: "group-sum",
    title: "经济科目分类合计",
    category: Category::Table,
};

impl Rule for GroupSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::GroupSum)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::GroupSum { table, columns } = identity else {
                continue;
            };
            let Some(t) = resolve::read_whole(cx.doc, table, sink) else {
                continue;
            };
            let groups = resolve::rows_where(&t.rows, &|r| r.kind == RowKind::Group);
            if groups.is_empty() && t.total_row().is_none() {
                sink.not_applicable(format!("{}没有经济科目类别行", t.id));
                continue;
            }
            // A table lists each class once. In a row rebuilt from text not
            // one row a line, one read twice is another row's cell taken
            // for it (a second name column's "工资福利支出" under a wrapped
            // name), and which items it heads is unknown. (Printed twice
            // one row a line, it is the document's: the sums say so.)
            let rebuilt = |r: &Row| cx.doc.lines.get(r.line).is_some_and(|l| l.placed);
            if let Some(twice) = groups
                .iter()
                .enumerate()
                .find(|(i, g)| rebuilt(g) && groups[..*i].iter().any(|h| h.name == g.name))
                .map(|(_, g)| g)
            {
                sink.could_not_run(format!(
                    "{}第{}行「{}」读到不止一次，无法确定各类别包含的行",
                    t.id, twice.line, twice.name
                ));
                continue;
            }
            for (gi, group) in t
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == RowKind::Group)
            {
                // A group with no item under it must be empty: an item row
                // lost in copying leaves its group's figure unexplained.
                let items =
                    resolve::rows_while(&t.rows[gi + 1..], &|r| r.kind == RowKind::EconomicItem);
                resolve::sum_rows(sink, t, group, &items, columns);
            }
            if let Some(total) = t.total_row() {
                resolve::sum_rows(sink, t, total, &groups, columns);
            }
        }
    }
}
