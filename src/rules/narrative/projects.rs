//! 项目绩效目标的项目个数与金额（N111 narrative-projects）
//!
//! ## 检查什么
//! 情况说明第十部分“2、项目绩效目标”：纳入绩效目标管理的二级项目个数等于
//! 表十二的项目行数，共计金额等于表十二 合计；其他运转类与特定目标类的个数之和
//! 等于总个数，金额之和等于共计金额；“公开项目绩效目标M个”及其分类同样核对，
//! 且 M 等于所附项目支出绩效目标表的张数。
//!
//! ## 为什么重要
//! 项目个数与金额说明绩效管理覆盖了多少预算；与表十二不符意味着有项目漏报
//! 或多报。
//!
//! ## 示例
//! “二级项目13个，共计金额1,302.68万元。其中：其他运转类项目12个，涉及金额
//! 1,097.68万元；特定目标类项目1个，涉及金额205.00万元”：表十二有 13 个项目、
//! 合计 1,302.68；12 + 1 = 13，1,097.68 + 205.00 = 1,302.68，不报告。

use rust_decimal::Decimal;

use super::common::{
    amount_figure, check_opt, check_section_sum, exact_figure, project_root, quote_figure,
    section_and_table,
};
use crate::model::{Fact, RowKind, Section};
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::{all_figures, collect_figures, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct Projects;

static META: RuleMeta = RuleMeta {
    id: "N111",
    name: "narrative-projects",
    title: "情况说明 项目个数与金额",
    category: Category::Narrative,
};

/// A count and the amount stated right after it ("项目3个，涉及金额75.80万元").
struct Counted {
    count: Figure,
    amount: Option<Figure>,
}

/// "二级项目N个…" or "公开项目绩效目标M个…", with its classes.
struct Block {
    /// "公开项目绩效目标M个" (rather than "二级项目N个").
    published: bool,
    total: Counted,
    classes: Vec<Counted>,
}

fn blocks(sec: &Section) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let facts = sec.sentences_in(Some(2)).flat_map(|s| s.facts.iter());
    let mut last: Option<(bool, usize)> = None; // (is total, index of class)
    for fact in facts {
        match fact {
            Fact::Count(c) if c.unit == "个" => {
                let fig = quote_figure(sec, &c.label, &c.count);
                let counted = Counted {
                    count: fig,
                    amount: None,
                };
                if c.label.contains("二级项目") || c.label.contains("公开项目绩效目标")
                {
                    blocks.push(Block {
                        published: c.label.contains("公开"),
                        total: counted,
                        classes: Vec::new(),
                    });
                    last = Some((true, 0));
                } else if c.label.contains("运转类") || c.label.contains("特定目标类") {
                    if let Some(b) = blocks.last_mut() {
                        b.classes.push(counted);
                        last = Some((false, b.classes.len() - 1));
                    }
                } else {
                    last = None;
                }
            }
            Fact::Amount(st) => {
                let (Some((is_total, i)), Some(b)) = (last.take(), blocks.last_mut()) else {
                    continue;
                };
                let slot = if is_total {
                    Some(&mut b.total)
                } else {
                    b.classes.get_mut(i)
                };
                if let Some(slot) = slot {
                    slot.amount = Some(amount_figure(sec, st));
                }
            }
            _ => last = None,
        }
    }
    blocks
}

impl Rule for Projects {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Projects]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((sec, t12)) = section_and_table(cx, sink, 10, Role::Projects) else {
            return;
        };
        let projects = t12.rows_of_kind(&RowKind::TreeProject).count();
        let root = project_root(t12).and_then(|r| Figure::across(t12, r, "total"));
        let label = sec.label();
        // The forms parser already found every attached form: count those,
        // and those left wholly unread (a form laid out past reading is
        // there all the same; one read in part is among the parsed).
        let forms = &cx.doc.forms.projects;
        let unread = cx
            .doc
            .lines
            .unread
            .iter()
            .filter(|f| f.wholly() && f.title.contains("项目支出"))
            .count();
        for block in blocks(sec) {
            if block.published && !forms.is_empty() {
                let present = exact_figure(
                    "所附项目支出绩效目标表张数".into(),
                    Decimal::from(forms.len() + unread),
                    forms[0].title_line,
                    &label,
                );
                check_opt(
                    sink,
                    sec,
                    &block.total.count,
                    Some(present),
                    "项目支出绩效目标表",
                );
            }
            if projects > 0 {
                let rows = exact_figure(
                    format!("{} 项目行数", t12.id),
                    Decimal::from(projects),
                    t12.line,
                    t12.id,
                );
                check_opt(
                    sink,
                    sec,
                    &block.total.count,
                    Some(rows),
                    &format!("{} 项目", t12.id),
                );
            }
            if let Some(amount) = &block.total.amount {
                check_opt(sink, sec, amount, root.clone(), &format!("{} 合计", t12.id));
            }
            if block.classes.len() < 2 {
                continue;
            }
            check_section_sum(
                sink,
                sec,
                "项目个数与各类项目个数",
                block.total.count.clone(),
                collect_figures(&mut block.classes.iter().map(|c| c.count.clone())),
            );
            let amounts = all_figures(&mut block.classes.iter().map(|c| c.amount.clone()));
            if let (Some(total), Some(amounts)) = (block.total.amount.clone(), amounts) {
                check_section_sum(sink, sec, "项目金额与各类项目金额", total, amounts);
            }
        }
    }
}
