//! 科目名称（N115 narrative-class-names）
//!
//! ## 检查什么
//! 情况说明第四部分“支出包括”与第五部分（二）中列举的每一类支出，名称必须是
//! 表中该类的科目名称（表五 3位编码行、表四 支出方类级行，或标准的三十个类级
//! 科目名称之一）。名称不符时，按金额找出表中对应的类，报告说明写法与表中
//! 科目名称。
//!
//! ## 为什么重要
//! 功能分类科目名称是全国统一的；写错名称（如把“一般公共服务支出”写成“一般
//! 公共预算服务支出”）会让读者找不到对应的科目，也说明说明文字未经核对。
//!
//! ## 示例
//! 第五部分（二）“一般公共预算服务支出2,446.16万元，占82.23%”：表五中金额
//! 2,446.16 的类是「201 一般公共服务支出」，报告错误，列出说明中的名称与金额及
//! 表五该行。

use super::common::{amount_figure, bare_name, narrative};
use crate::decimal;
use crate::model::{RowKind, Section, Statement, Table};
use crate::prelude::*;
use crate::profile::Role;
use crate::profile::{Profile, RowScheme};
use crate::report::Severity;
use crate::rules::support::Figure;
use crate::rules::table::resolve::every_row_read;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct ClassNames;

static META: RuleMeta = RuleMeta {
    id: "N115",
    name: "narrative-class-names",
    title: "情况说明 科目名称",
    category: Category::Narrative,
};

impl Rule for ClassNames {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::FiscalSummary, Role::GeneralExpense]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        // Section 四 against the 财政拨款收支总表's classes, 五 against the
        // 一般公共预算支出表's.
        for (number, role, column) in [
            (4, Role::FiscalSummary, "subtotal"),
            (5, Role::GeneralExpense, "total"),
        ] {
            let Some(sec) = n.section(number) else {
                continue;
            };
            let Some(t) = cx.table(role) else {
                let name = cx.profile.table_for(role).map_or(role.label(), |d| d.id);
                sink.could_not_run(format!("未找到{name}，无法核对科目名称"));
                continue;
            };
            // A class row left unread may be the one the prose names.
            if let Err(unread) = every_row_read(cx.doc, t.id) {
                unread.record(sink);
                continue;
            }
            for sentence in &sec.sentences {
                for (i, st) in sentence.statements().enumerate() {
                    // Section 五 opens a sentence with its total (the head).
                    if i == 0 && number == 5 {
                        continue;
                    }
                    if !names_a_class(&st.label) {
                        continue;
                    }
                    check_name(sink, sec, st, t, column, cx.profile);
                }
            }
        }
    }
}

/// A label that stands where a class name is expected: it ends with 支出
/// and is not one of the other totals the sections speak of.
fn names_a_class(label: &str) -> bool {
    const NOT_CLASSES: [&str; 6] = [
        "当年支出",
        "基本支出",
        "项目支出",
        "支出总计",
        "支出合计",
        "支出预算",
    ];
    label.ends_with("支出") && !NOT_CLASSES.iter().any(|w| label.contains(w))
}

fn class_rows(t: &Table) -> impl Iterator<Item = &crate::model::Row> {
    t.rows.iter().filter(|r| {
        r.kind == RowKind::Class
            || (matches!(r.kind, RowKind::Fixed { .. })
                && r.code.as_deref().is_some_and(|c| c.len() == 3))
    })
}

/// One of the profile's class names (a fixed row with a class code).
/// A profile's labels are written folded (its tests hold them so).
fn is_standard_name(profile: &Profile, key: &str) -> bool {
    for t in profile.tables {
        for side in t.sides {
            if let RowScheme::Fixed(rows) = side.rows {
                if rows
                    .iter()
                    .any(|r| r.class_code.is_some() && r.label == key)
                {
                    return true;
                }
            }
        }
    }
    false
}

fn check_name(
    sink: &mut Sink,
    sec: &Section,
    st: &Statement,
    t: &Table,
    column: &str,
    profile: &Profile,
) {
    sink.compared();
    let key = fold_key(&st.label);
    if class_rows(t).any(|r| fold_key(bare_name(&r.name)) == key) || is_standard_name(profile, &key)
    {
        return;
    }
    let told = amount_figure(sec, st);
    // The class the sentence speaks of: the one with the same amount.
    let same_amount = class_rows(t)
        .filter_map(|r| Figure::across(t, r, column))
        .find(|f| decimal::equal(f.term.value, told.term.value) && !f.is_blank());
    let message = match &same_amount {
        Some(f) => format!(
            "{}「{}」不是科目名称：{} 中金额 {} 的类级科目为 {}",
            sec.label(),
            st.label,
            t.id,
            f.shown,
            f.evidence.row.as_deref().unwrap_or("")
        ),
        None => format!(
            "{}「{}」不是{}中任何类级科目的名称",
            sec.label(),
            st.label,
            t.id
        ),
    };
    let mut f = sink.finding(Severity::Error, sec.label(), st.amount.line, message);
    f.actual = Some(st.label.clone());
    f.evidence.push(told.with_role("情况说明").evidence);
    if let Some(table_fig) = same_amount {
        f.expected = table_fig.evidence.row.as_ref().map(|r| r.to_string());
        f.evidence.push(table_fig.with_role("表内").evidence);
    }
    sink.emit(f);
}
