//! What the form rules share: a form value as a [`Figure`], 元 → 万元, the
//! fund-breakdown check (also run on the 专项资金 申报表), and the pairing of
//! project forms with 表十二 rows.

use rust_decimal::Decimal;

use super::names::{self, NameComparison, NameRelation};
use crate::arith::{round_half_away, sum_terms};
use crate::decimal;
use crate::model::forms::{FormValue, FundBlock, ProjectForm};
use crate::model::{Document, Row, RowKind, Table};
use crate::prelude::*;
use crate::profile::{Profile, Role};
use crate::rebuild::NAME_AND_FUNDS;
use crate::report::Evidence;
use crate::rules::support::{
    check_sum_lazily, collect_figures, text_evidence, value_evidence, Figure, SumFigures,
};
use crate::rules::{Context, Sink};
use crate::slices::sort_stable_by;
use crate::slices::trim_prefixes;
use crate::text::fold_key;

/// Whether `form` was read in part (`ProjectForm::partial`); if so, tells
/// the sink that `unread` could not be checked on it, naming `place` and
/// what was read.
pub fn read_in_part(
    cx: &Context,
    sink: &mut Sink,
    form: &ProjectForm,
    place: &str,
    unread: &str,
) -> bool {
    if form.partial {
        part_not_read(cx, sink, form.title_line, place, unread);
    }
    form.partial
}

/// Tells the sink that `unread` of the form titled on line `title`, read
/// in part, could not be checked, naming `place` and the part read.
pub fn part_not_read(cx: &Context, sink: &mut Sink, title: usize, place: &str, unread: &str) {
    let part = cx.doc.lines.part_read(title).unwrap_or("部分内容");
    sink.could_not_run(format!("{place}只读入了{part}，{unread}未能读取"));
}

/// Whether the 项目资金 of `form` were read: with all of it, or with its
/// name alone ([`NAME_AND_FUNDS`]).
pub fn funds_read(cx: &Context, form: &ProjectForm) -> bool {
    !form.partial || cx.doc.lines.part_read(form.title_line) == Some(NAME_AND_FUNDS)
}

/// "绩效目标表「遗属补助」" — how findings name a project form.
pub fn form_place(form: &ProjectForm) -> String {
    let name = form.name_text();
    if name.is_empty() {
        format!("绩效目标表（第{}行）", form.title_line)
    } else {
        format!("绩效目标表「{name}」")
    }
}

/// A form value as a figure; None when it is unreadable.
pub fn form_figure(value: &FormValue, place: &str, label: &str) -> Option<Figure> {
    let term = value.value.as_term()?;
    let shown = value.value.display();
    Some(Figure {
        term,
        label: clean_label(label),
        evidence: value_evidence(
            "",
            value.line,
            place,
            Some(&value.label),
            if value.value.is_blank() { "" } else { &shown },
            None,
        ),
        shown,
    })
}

/// Evidence citing the 项目名称 of a project form named `place`.
pub fn name_evidence(form: &ProjectForm, place: &str) -> Evidence {
    text_evidence(
        "绩效目标表",
        form.name_line(),
        place,
        Some("项目名称"),
        form.name_text(),
    )
}

/// Evidence citing a form value as printed, on the form `place`.
#[inline(never)]
pub fn form_value_evidence(role: &str, place: &str, value: &FormValue) -> Evidence {
    let shown = value.value.display();
    value_evidence(role, value.line, place, Some(&value.label), &shown, None)
}

/// A printed label without its "其中：" and trailing colon, for messages.
pub fn clean_label(label: &str) -> String {
    let label = trim_prefixes(trim_prefixes(label.trim(), "其中："), "其中:");
    label.trim().trim_end_matches(['：', ':']).to_string()
}

/// 元 → 万元 to `dp` decimals, half away from zero, as publishers round
/// (22,050 元 → 2.21).
pub fn yuan_to_wan(yuan: Decimal, dp: u32) -> Decimal {
    round_half_away(decimal::shift_right(yuan, 4), dp)
}

/// How findings name a fund block's total: as the form names it, or by
/// the 13-table form's name for the block (`implementation` or annual).
pub fn total_label(block: &FundBlock, implementation: bool) -> &'static str {
    match (block.name, implementation) {
        ("", true) => "实施期资金总额",
        ("", false) => "年度资金总额",
        (name, _) => name,
    }
}

/// 资金总额 = Σ 中央 + 省级 + 市县 + 单位自筹 + 其他 (Shanghai: 财政资金 +
/// 其他资金; 当年财政拨款 + 上年结转资金 + 其他资金), for the form's
/// 实施期 block (`implementation`) or its annual one.
pub fn check_fund_block(sink: &mut Sink, form: &ProjectForm, implementation: bool) {
    let block = if implementation {
        &form.implementation
    } else {
        &form.annual
    };
    let total_label = total_label(block, implementation);
    let Some(total) = block.total.as_ref() else {
        return;
    };
    if block.parts.is_empty() {
        return;
    }
    let Some(total_term) = total.value.as_term() else {
        let place = form_place(form);
        sink.could_not_run(format!("{place} 第{}行 {total_label} 无法读取", total.line));
        return;
    };
    let Some(sum) = sum_terms(&mut block.parts.iter().map(|p| p.value.as_term())) else {
        let place = form_place(form);
        sink.could_not_run(format!("{place} {total_label} 的分项有无法读取的数"));
        return;
    };
    check_sum_lazily(sink, "绩效目标表", total_term, sum, || {
        let place = form_place(form);
        let figure = |v: &FormValue, label: &str| {
            form_figure(v, &place, label).expect("a value whose term was read")
        };
        let (total, parts) = (
            figure(total, total_label),
            collect_figures(&mut block.parts.iter().map(|p| figure(p, &p.label))),
        );
        SumFigures {
            context: place,
            total,
            parts,
        }
    });
}

/// A 表十二 project row with the unit row it sits under.
#[derive(Debug, Clone, Copy)]
pub struct TreeProject<'a> {
    pub table: &'a Table,
    pub row: &'a Row,
    pub unit: Option<&'a Row>,
}

impl TreeProject<'_> {
    /// The row's 合计 as printed, when readable.
    pub fn total(&self) -> Option<crate::model::Amount> {
        self.table.cell(self.row, "total")?.amount()
    }
}

/// The project rows of 表十二, each with its unit.
pub fn tree_projects(table: &Table) -> Vec<TreeProject<'_>> {
    let mut unit: Option<&Row> = None;
    let mut out = Vec::new();
    for row in &table.rows {
        match row.kind {
            RowKind::TreeUnit => unit = Some(row),
            RowKind::TreeDepartment if unit.is_none() => unit = Some(row),
            RowKind::TreeProject => out.push(TreeProject { table, row, unit }),
            _ => {}
        }
    }
    out
}

/// Forms paired with 表十二 rows, and what is left on either side.
pub struct Pairing<'a> {
    pub pairs: Vec<Pair<'a>>,
    pub lone_forms: Vec<&'a ProjectForm>,
    pub lone_projects: Vec<TreeProject<'a>>,
}

pub struct Pair<'a> {
    pub form: &'a ProjectForm,
    pub project: TreeProject<'a>,
    /// 表十二's name first, the form's second.
    pub names: NameComparison,
}

const MAX_TOLERANT_PAIRS: usize = 40_000;

/// The 表十三 (上年结转) project whose name is that of `form`, if any: a
/// form may describe a carried-over project rather than a new one.
pub fn carried_over<'a>(cx: &Context<'a>, form: &ProjectForm) -> Option<TreeProject<'a>> {
    let table = cx.table(Role::CarriedProjects)?;
    let name = names::key_chars(form.name_text());
    for p in tree_projects(table) {
        let related = names::related(&names::key_chars(&p.row.name), &name);
        if related.is_some_and(|c| c.relation <= NameRelation::Shortened) {
            return Some(p);
        }
    }
    None
}

/// Pairs every project form with a 表十二 row: names first (same, then
/// shortened, then changed), and among equal names the row whose amount
/// agrees with the form's 年度资金总额, then the row under the form's
/// 实施单位. None when the document has no 表十二.
/// The forms paired with 表十二 (computed once per check), or None after
/// telling the sink why `what` cannot be checked.
pub fn pairing_for<'c, 'a>(
    cx: &'c Context<'a>,
    sink: &mut Sink,
    what: &str,
) -> Option<&'c Pairing<'a>> {
    if cx.doc.forms.projects.is_empty() {
        sink.not_applicable("本文档没有项目支出绩效目标表");
        return None;
    }
    let pairing = cx.form_pairing();
    if pairing.is_none() {
        let t12 = cx
            .profile
            .table_for(Role::Projects)
            .map_or("项目支出表", |d| d.id);
        sink.could_not_run(format!("未找到{t12}，无法核对{what}"));
    }
    pairing
}

pub fn pair<'a>(doc: &'a Document, profile: &Profile) -> Option<Pairing<'a>> {
    let table = doc.table(profile.table_for(Role::Projects)?.id)?;
    let projects = tree_projects(table);
    let forms: Vec<&ProjectForm> = doc.forms.projects.iter().collect();
    // Tolerant names cost a character diff per pair; on an absurdly large
    // input only identical names are paired, to stay fast.
    let tolerant = forms.len().saturating_mul(projects.len()) <= MAX_TOLERANT_PAIRS;
    let mut form_names: Vec<Vec<char>> = Vec::with_capacity(forms.len());
    for f in &forms {
        form_names.push(names::key_chars(f.name_text()));
    }
    let mut project_names: Vec<Vec<char>> = Vec::with_capacity(projects.len());
    for p in &projects {
        project_names.push(names::key_chars(&p.row.name));
    }
    let mut candidates = Vec::new();
    for (fi, form) in forms.iter().enumerate() {
        for (pi, project) in projects.iter().enumerate() {
            let (project_name, form_name) = (&project_names[pi], &form_names[fi]);
            if !tolerant && project_name != form_name {
                continue;
            }
            let Some(names) = names::related(project_name, form_name) else {
                continue;
            };
            let amount_differs = !amount_agrees(form, project);
            let unit_differs = !unit_agrees(form, project);
            let key = (
                names.relation,
                amount_differs,
                unit_differs,
                usize::MAX - names.common,
                fi,
                pi,
            );
            candidates.push((key, names));
        }
    }
    sort_stable_by(&mut candidates, |a, b| a.0.cmp(&b.0));
    let mut form_used = vec![false; forms.len()];
    let mut project_used = vec![false; projects.len()];
    let mut pairs = Vec::new();
    for ((_, _, _, _, fi, pi), names) in candidates {
        if form_used[fi] || project_used[pi] {
            continue;
        }
        form_used[fi] = true;
        project_used[pi] = true;
        pairs.push(Pair {
            form: forms[fi],
            project: projects[pi],
            names,
        });
    }
    sort_stable_by(&mut pairs, |a, b| a.form.title_line.cmp(&b.form.title_line));
    // Loops rather than zip/filter/map chains: the same lists in less wasm.
    let mut lone_forms = Vec::new();
    for (form, used) in forms.iter().zip(&form_used) {
        if !used {
            lone_forms.push(*form);
        }
    }
    let mut lone_projects = Vec::new();
    for (project, used) in projects.iter().zip(&project_used) {
        if !used {
            lone_projects.push(*project);
        }
    }
    Some(Pairing {
        pairs,
        lone_forms,
        lone_projects,
    })
}

/// The form's 年度资金总额 in 万元 (rounded to the row's decimals) equals
/// the row's 合计.
fn amount_agrees(form: &ProjectForm, project: &TreeProject) -> bool {
    let Some(yuan) = form.annual.total.as_ref().and_then(|t| t.value.amount()) else {
        return false;
    };
    let Some(wan) = project.total() else {
        return false;
    };
    decimal::equal(yuan_to_wan(yuan.value, wan.scale), wan.value)
}

/// The form's 实施单位 names the unit row above the project (either may be
/// cut short by the PDF).
fn unit_agrees(form: &ProjectForm, project: &TreeProject) -> bool {
    let (Some(unit), Some(row)) = (form.unit.as_ref(), project.unit) else {
        return false;
    };
    let a = fold_key(&unit.text);
    let b = fold_key(&row.name);
    a == b
        || a.starts_with(&*b)
        || b.starts_with(&*a)
        || names::compare(&a, &b).relation != NameRelation::Unrelated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_round_half_away_from_zero() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(yuan_to_wan(d("22050"), 2), d("2.21"));
        assert_eq!(yuan_to_wan(d("236250"), 2), d("23.63"));
        assert_eq!(yuan_to_wan(d("30752"), 2), d("3.08"));
        assert_eq!(yuan_to_wan(d("2930000"), 2), d("293.00"));
    }
}
