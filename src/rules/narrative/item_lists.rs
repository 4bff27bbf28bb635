//! 经济科目列举（N116 narrative-item-lists）
//!
//! ## 检查什么
//! 情况说明中说明基本支出的部分（13张表模板的第六部分，上海部门决算的“一般公共
//! 预算财政拨款基本支出决算情况说明”）“人员经费…主要包括：…”与“公用经费…主要
//! 包括：…”列举的每个名称，必须是基本支出经济分类表中该列（人员经费或公用经费）
//! 有金额的经济科目。名称在表中找不到、或找到但该列没有金额时给出警告，并指出表中
//! 最接近的名称。表中有一行的名称未能读出时（S106，如从浏览器复制的文本里左右两栏
//! 的名称折行），在表中找不到的名称可能就是那一行，这一项不做判断。
//!
//! ## 为什么重要
//! 列举的科目应能在表中找到，名称不一致（如“其他交通费”与“其他交通费用”）说明
//! 文字与表格未按同一口径编写；列举了没有金额的科目，说明文字照抄了科目清单而不是
//! 按实际支出编写。
//!
//! ## 示例
//! “公用经费36.22万元，主要包括：印刷费、办公费…其他交通费…”：表六公用经费
//! 列的科目是「其他交通费用」，对“其他交通费”报告警告并列出表六该行。上海普陀区
//! 财政局2024年决算“人员经费…主要包括：…退休费、个人农业生产补贴”：表六
//! “个人农业生产补贴”没有决算数，报告警告。

use super::common::{narrative, table_for};
use crate::prelude::*;
use crate::profile::{Profile, Role};
use crate::rules::table::resolve::every_row_read;
use alloc::borrow::Cow;

use crate::model::{Cell, Fact, NameItem, Row, RowKind, Section, Table};
use crate::report::Severity;
use crate::rules::support::{text_evidence, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct ItemLists;

static META: RuleMeta = RuleMeta {
    id: "N116",
    name: "narrative-item-lists",
    title: "情况说明 经济科目列举",
    category: Category::Narrative,
};

/// The 13-table 第三部分's section on 基本支出.
const NUMBERED_SECTION: u32 = 6;

impl Rule for ItemLists {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose, Role::BasicEconomic]
    }

    fn inapplicable_to(&self, profile: &Profile) -> Option<&'static str> {
        let titled = profile
            .narrative
            .sections
            .iter()
            .any(|(_, role)| *role == Role::BasicEconomic);
        (!profile.has(Role::Narrative) && !titled)
            .then_some("情况说明中没有可辨认的基本支出部分（按编号或按标题）")
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        let numbered = cx.profile.has(Role::Narrative);
        let style = &cx.profile.narrative;
        let Some(sec) = n.sections.iter().find(|s| {
            if numbered {
                s.number == NUMBERED_SECTION
            } else {
                style.role_of(&s.title) == Some(Role::BasicEconomic)
            }
        }) else {
            sink.not_applicable("情况说明中没有说明基本支出的部分");
            return;
        };
        let Some(t6) = table_for(cx, Role::BasicEconomic, sink) else {
            return;
        };
        // A listed item may be a row the reading did not find.
        if let Err(missing) = every_row_read(cx.doc, t6.id) {
            missing.record(sink);
            return;
        }
        // Every listed name is looked for among all the items: their keys
        // are folded once. An item is a row under a group (表六), or one
        // coded 301xx where the table prints economic codes.
        let mut items: Vec<KeyedItem> = Vec::new();
        for r in &t6.rows {
            if matches!(r.kind, RowKind::EconomicItem | RowKind::Subclass) {
                items.push((r, fold_key(&r.name)));
            }
        }
        // A row whose name the reading could not tell (S106: a wrapped
        // name whose last piece may be either side's) may be the one a
        // listed name is not found as.
        let unnamed = items
            .iter()
            .find(|(_, key)| key.is_empty())
            .map(|(r, _)| *r);
        for sentence in &sec.sentences {
            for fact in &sentence.facts {
                let Fact::List(list) = fact else { continue };
                let column = if list.label.contains("人员经费") {
                    "personnel"
                } else if list.label.contains("公用经费") {
                    "public"
                } else {
                    continue;
                };
                for item in &list.items {
                    check_item(sink, sec, (t6, &items, unnamed), column, &list.label, item);
                }
            }
        }
    }
}

fn has_value(t: &Table, row: &Row, column: &str) -> bool {
    matches!(t.cell(row, column), Some(Cell::Value { amount, .. }) if !amount.value.is_zero())
}

/// An economic item of 表六 with its folded name.
type KeyedItem<'a> = (&'a Row, Cow<'a, str>);

fn check_item(
    sink: &mut Sink,
    sec: &Section,
    (t6, items, unnamed): (&Table, &[KeyedItem], Option<&Row>),
    column: &str,
    list: &str,
    item: &NameItem,
) {
    let key = fold_key(&item.name);
    // The first item of that name; none may have a value in the column.
    let mut same_name = None;
    for (r, k) in items {
        if *k == key {
            if has_value(t6, r, column) {
                sink.compared();
                return;
            }
            if t6.blank_may_be_unplaced(r, column) {
                sink.could_not_run(format!(
                    "{}第{}行「{}」读作空白，可能是未能定位的数字，无法核对列举的“{}”",
                    t6.id, r.index, r.name, item.name
                ));
                return;
            }
            same_name.get_or_insert(*r);
        }
    }
    if let (None, Some(row)) = (same_name, unnamed) {
        sink.could_not_run(format!(
            "{}第{}行「{}」的名称未能读出，无法确定列举的“{}”是否就是它",
            t6.id,
            row.index,
            row.code.as_deref().unwrap_or(""),
            item.name
        ));
        return;
    }
    sink.compared();
    // The nearest item of the column: one name containing the other.
    let nearest = same_name.or_else(|| {
        items
            .iter()
            .find(|(r, k)| has_value(t6, r, column) && (k.contains(&*key) || key.contains(&**k)))
            .map(|(r, _)| *r)
    });
    // "人员经费" as 表六 names its column, or "人员经费决算数" where the
    // column is named for its figures and its block for what they are.
    let kind = if column == "personnel" {
        "人员经费"
    } else {
        "公用经费"
    };
    let column_name = match t6.column(column) {
        Some(c) if c.name.contains(kind) => c.name.to_string(),
        Some(c) => format!("{kind}{}", c.name),
        None => kind.to_string(),
    };
    let message = match (&nearest, same_name.is_none()) {
        (Some(r), true) => format!(
            "{}「{}」列举的“{}”不是{}{}列的经济科目，{}为「{}」",
            sec.label(),
            list,
            item.name,
            t6.id,
            column_name,
            t6.id,
            r.name
        ),
        (Some(_), false) => format!(
            "{}「{}」列举的“{}”在{}{}列没有金额",
            sec.label(),
            list,
            item.name,
            t6.id,
            column_name
        ),
        (None, _) => format!(
            "{}「{}」列举的“{}”不是{}{}列的经济科目",
            sec.label(),
            list,
            item.name,
            t6.id,
            column_name
        ),
    };
    let mut f = sink.finding(Severity::Warning, sec.label(), item.line, message);
    f.actual = Some(item.name.clone());
    f.evidence.push(text_evidence(
        "情况说明",
        item.line,
        &sec.label(),
        Some(list),
        &item.name,
    ));
    if let Some(fig) = nearest.and_then(|r| Figure::across(t6, r, column)) {
        f.expected = fig.evidence.row.clone();
        f.evidence.push(fig.with_role("表内").evidence);
    }
    sink.emit(f);
}
