//! 情况说明所述金额与表（N151 narrative-restated）
//!
//! ## 检查什么
//! 按标题分节的情况说明（如江苏 部门预算）中，各部分复述的总数与其所说的表
//! 比对：哪一部分的哪句话对应哪张表的哪个数，由模板的配置给出（如“一、收支
//! 预算总体情况说明”中的“基本支出预算数为…”对应 收支预算总表 的 基本支出，
//! “六、财政拨款基本支出预算情况说明”的基本支出对应 财政拨款基本支出预算表
//! 合计）。说明里“80万元”按表的 80.00 比较；表中该数读不出时不核对。
//!
//! ## 为什么重要
//! 情况说明是多数读者唯一会读的部分，它复述的数必须就是表里的数。
//!
//! ## 示例
//! 江苏省人民检察院 2017 年：“此外，基本支出预算数为 12323.46 万元”，而
//! 公开01表 收支预算总表 基本支出为 12,323.48：相差 0.02，报告错误。

use super::common::{amount_figure, check_opt, narrative};
use crate::model::Table;
use crate::prelude::*;
use crate::profile::{Profile, RestatedFigure, Role, RowSel};
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct Restated;

static META: RuleMeta = RuleMeta {
    id: "N151",
    name: "narrative-restated",
    title: "情况说明 所述金额与表",
    category: Category::Narrative,
};

impl Rule for Restated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose]
    }

    fn inapplicable_to(&self, profile: &Profile) -> Option<&'static str> {
        profile.narrative.figures.is_empty().then_some(
            "没有按分节标题与表对应的情况说明（13张表模板按部分编号核对，上海的文字说明由 N118–N120 核对）",
        )
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let style = &cx.profile.narrative;
        let Some(n) = narrative(cx, sink) else { return };
        for sec in &n.sections {
            let Some(role) = style.role_of(&sec.title) else {
                continue;
            };
            for (_, st) in sec.statements(None) {
                let label = fold_key(&st.label);
                let Some(def) = style.figures.iter().find(|f| fits(f, role, &label)) else {
                    continue;
                };
                let Some(t) = cx.table(def.table) else {
                    sink.could_not_run(format!("未找到{}，无法与情况说明核对", def.table.label()));
                    continue;
                };
                check_opt(sink, sec, &amount_figure(sec, st), cell(t, def), t.id);
            }
        }
    }
}

fn fits(def: &RestatedFigure, section: Role, label: &str) -> bool {
    def.section == section
        && def.words.iter().all(|w| label.contains(w))
        && !def.not.iter().any(|w| label.contains(w))
}

/// The table figure a definition names; None when it is not there or
/// could not be read.
fn cell(t: &Table, def: &RestatedFigure) -> Option<Figure> {
    let row = match def.row {
        RowSel::Fixed(key) => t.fixed_row(key)?,
        RowSel::Total => t.total_row_for(def.column)?,
        RowSel::Code(code) => t.rows.iter().find(|r| r.code.as_deref() == Some(code))?,
        RowSel::TreeRoot => return None,
    };
    Figure::across(t, row, def.column)
}
