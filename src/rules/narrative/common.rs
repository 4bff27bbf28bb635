//! What the narrative rules share: a printed narrative number as a
//! [`Figure`], the lookup of a table figure, and the comparisons every
//! rule reports the same way (silent when exact, 尾差 inside the rounding
//! band, an error with both figures outside it).

use crate::profile::Role;
use rust_decimal::Decimal;

use crate::arith::{compare, percent_matches, Term, Verdict};
use crate::decimal;
use crate::model::forms::OverallForm;
use crate::model::{Fact, Narrative, Quote, Row, RowKind, Section, Sentence, Statement, Table};
use crate::prelude::*;
use crate::report::{Evidence, Finding, Severity};
use crate::rules::forms::common::form_figure;
use crate::rules::support::{check_sum, money, money_field, value_evidence, Figure};
use crate::rules::{Context, Sink};

/// The narrative, or a reason recorded on `sink` when there is none.
pub fn narrative<'a>(cx: &'a Context, sink: &mut Sink) -> Option<&'a Narrative> {
    let n = &cx.doc.narrative;
    if n.sections.is_empty() {
        sink.not_applicable("文档中没有第三部分 情况说明");
        return None;
    }
    Some(n)
}

/// A section by number, or a reason on `sink`.
pub fn section<'a>(n: &'a Narrative, number: u32, sink: &mut Sink) -> Option<&'a Section> {
    let s = n.section(number);
    if s.is_none() {
        sink.not_applicable(format!(
            "情况说明中没有第{}部分",
            crate::model::chinese_number(number)
        ));
    }
    s
}

/// Section `number` of the narrative and the table it restates, or None
/// after telling the sink which of the three is missing.
pub fn section_and_table<'a>(
    cx: &'a Context,
    sink: &mut Sink,
    number: u32,
    role: Role,
) -> Option<(&'a Section, &'a Table)> {
    let n = narrative(cx, sink)?;
    let sec = section(n, number, sink)?;
    let t = table_for(cx, role, sink)?;
    Some((sec, t))
}

/// The table playing `role`, or a reason on `sink`.
pub fn table_for<'a>(cx: &'a Context, role: Role, sink: &mut Sink) -> Option<&'a Table> {
    let t = cx.table(role);
    if t.is_none() {
        let name = cx.profile.table_for(role).map_or(role.label(), |d| d.id);
        sink.could_not_run(format!("未找到{name}，无法与情况说明核对"));
    }
    t
}

/// A printed narrative number as a figure: "第三部分 八「机关运行经费财政拨款预算」".
pub fn quote_figure(section: &Section, label: &str, q: &Quote) -> Figure {
    let place = section.label();
    Figure {
        term: q.interval(),
        shown: q.shown.clone(),
        label: format!("{place}「{label}」"),
        evidence: value_evidence(
            "情况说明",
            q.line,
            &place,
            Some(label),
            &q.shown,
            Some(&q.text),
        ),
    }
}

/// A statement's amount as a figure.
pub fn amount_figure(section: &Section, st: &Statement) -> Figure {
    quote_figure(section, &st.label, &st.amount)
}

/// A number said of a statement, named after it and what it is:
/// "机关运行经费财政拨款预算" + "增减额".
pub fn said_of(section: &Section, st: &Statement, what: &str, q: &Quote) -> Figure {
    quote_figure(section, &format!("{}{what}", st.label), q)
}

/// A computed or counted value (a number of rows) as a figure.
pub fn exact_figure(label: String, value: Decimal, line: usize, table: &str) -> Figure {
    let shown = decimal::to_text(decimal::normalize(value));
    Figure {
        term: Term::exact(value),
        evidence: value_evidence("表内", line, table, Some(&label), &shown, None),
        shown,
        label,
    }
}

/// The figure in a fixed row (表一 "income_grand") and column.
pub fn fixed_cell(t: &Table, key: &str, column: &str) -> Option<Figure> {
    let row = t.fixed_row(key)?;
    Figure::across(t, row, column)
}

/// The figure in the total row of a code table (表三/表五/表六/表十一).
pub fn total_cell(t: &Table, column: &str) -> Option<Figure> {
    let row = t.total_row()?;
    Figure::across(t, row, column)
}

/// The root of 表十二's tree: the department row, else the sum of the rows
/// below it is not a printed figure, so None.
pub fn project_root(t: &Table) -> Option<&Row> {
    t.rows
        .iter()
        .find(|r| r.kind == RowKind::TreeDepartment)
        .or_else(|| t.total_row())
}

/// The narrative figure against the table figure that it restates.
pub fn check_against_table(sink: &mut Sink, section: &Section, told: &Figure, table: &Figure) {
    sink.compared();
    let verdict = compare(told.term, table.term);
    let (severity, difference, tolerance) = match verdict {
        Verdict::Exact => return,
        Verdict::Tail {
            difference,
            tolerance,
        } => (Severity::Info, difference, tolerance),
        Verdict::Mismatch {
            difference,
            tolerance,
        } => (Severity::Error, difference, tolerance),
    };
    let message = match severity {
        Severity::Info => format!(
            "{} {} 与 {} {} 相差 {}，在四舍五入容差 ±{} 之内，属尾差",
            told.label,
            told.shown,
            table.label,
            table.shown,
            money(difference),
            decimal::to_text(tolerance)
        ),
        _ => format!(
            "{} {} 与 {} {} 不一致，相差 {}",
            told.label,
            told.shown,
            table.label,
            table.shown,
            money(difference)
        ),
    };
    let mut f = sink.finding(severity, section.label(), told.evidence.line, message);
    f.expected = Some(table.shown.clone());
    f.actual = Some(told.shown.clone());
    f.difference = Some(money_field(difference));
    f.tolerance = Some(decimal::to_text(tolerance));
    f.evidence.push(cited(told, "情况说明"));
    f.evidence.push(cited(table, "表内"));
    sink.emit(f);
}

/// Compares when the table figure exists; records why not otherwise.
/// "X万元，其中：基本支出A万元，项目支出B万元" (sections 三 and 十.1): X
/// against 表三 合计, A and B against its 基本支出 and 项目支出 — and, when
/// `form` is given (十.1 describes the attached 整体支出绩效目标申报表),
/// against the form's 按资金方向 合计/基本支出/项目支出 too, for the
/// sentence's `statements` in order. Returns X and the parts that were
/// named, for the caller's own sum check.
///
/// A head that names a part is no total: the sentence is the tail of one
/// broken where a line ended in "；" ("…占38.71%；⏎项目支出998.84万元，占
/// 61.29%。"), and its figures are parts.
pub fn basic_project_split(
    sink: &mut Sink,
    sec: &Section,
    t3: &Table,
    form: Option<&OverallForm>,
    statements: &[&Statement],
) -> (Option<Figure>, Vec<Figure>) {
    let check = |sink: &mut Sink, fig: &Figure, column: &str, what: &str| {
        check_opt(sink, sec, fig, total_cell(t3, column), what);
        let in_form = form.and_then(|f| f.use_(column)).and_then(|v| {
            form_figure(
                v,
                OVERALL_FORM,
                &format!("{OVERALL_FORM}（第{}行）{}", v.line, v.label),
            )
        });
        if let Some(in_form) = in_form {
            check_against_table(sink, sec, fig, &in_form);
        }
    };
    let mut total = None;
    let mut parts = Vec::new();
    for (i, &st) in statements.iter().enumerate() {
        let (column, what) = match split_part(st) {
            Some(column) if i > 0 || opens_on_part(st) => (column, "合计行"),
            _ if i == 0 => ("total", "合计"),
            _ => continue,
        };
        let fig = amount_figure(sec, st);
        check(sink, &fig, column, &format!("{} {what}", t3.id));
        if column == "total" {
            total = Some(fig);
        } else {
            parts.push(fig);
        }
    }
    (total, parts)
}

/// A statement that opens on one part, and names it alone ("项目支出",
/// "其中：基本支出"); never "基本支出和项目支出合计".
fn opens_on_part(st: &Statement) -> bool {
    let label = crate::slices::trim_prefixes(&st.label, "其中");
    let label = label.strip_prefix(['：', ':']).unwrap_or(label);
    let names_both = label.contains("基本支出") && label.contains("项目支出");
    !names_both && (label.starts_with("基本支出") || label.starts_with("项目支出"))
}

/// The 表三 column of the part a statement names: 基本支出 or 项目支出.
fn split_part(st: &Statement) -> Option<&'static str> {
    if st.label.contains("基本支出") {
        Some("basic")
    } else if st.label.contains("项目支出") {
        Some("project")
    } else {
        None
    }
}

const OVERALL_FORM: &str = "整体支出绩效目标申报表";

pub fn check_opt(
    sink: &mut Sink,
    section: &Section,
    told: &Figure,
    table: Option<Figure>,
    what: &str,
) {
    match table {
        Some(t) => check_against_table(sink, section, told, &t),
        None => sink.could_not_run(format!("表中未找到{what}，无法核对")),
    }
}

/// A printed percentage against a ÷ b × 100. Silent when the intervals
/// meet; an error with the three figures when they cannot.
pub fn check_percent(
    sink: &mut Sink,
    section: &Section,
    percent: &Figure,
    part: &Figure,
    base: &Figure,
    what: &str,
) {
    let Some(fit) = percent_fit(percent, part, base, false) else {
        return;
    };
    sink.compared();
    if fit == Fit::Off {
        sink.emit(percent_finding(
            sink,
            section,
            percent,
            part,
            base,
            what,
            Severity::Error,
            "",
        ));
    }
}

/// How a printed percentage fits a ÷ b × 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Rounded from it (within the figures' bands).
    Rounded,
    /// Cut from it rather than rounded (36.586 printed 36.58).
    Truncated,
    Off,
}

/// How `percent` fits `part` ÷ `base` × 100; truncation is looked for
/// only where the template's documents truncate. None when the base may
/// be zero.
pub fn percent_fit(percent: &Figure, part: &Figure, base: &Figure, truncates: bool) -> Option<Fit> {
    if percent_matches(percent.term, part.term, base.term)? {
        return Some(Fit::Rounded);
    }
    // Truncated: the true value in [p, p + one unit of its last digit).
    let cut = Term {
        value: decimal::add(percent.term.value, percent.term.half),
        half: percent.term.half,
    };
    if truncates && percent_matches(cut, part.term, base.term)? {
        return Some(Fit::Truncated);
    }
    Some(Fit::Off)
}

/// A percentage as printed, at the precision it shows ("19.1" ± 0.05),
/// for the templates whose prose prints shares to one decimal.
pub fn as_printed(mut percent: Figure, q: &Quote) -> Figure {
    percent.term = Term::from(q.value);
    percent
}

/// A percentage that does not fit, as a finding at `severity`, `note` said
/// after the computation ("截尾而非四舍五入"); its evidence the percentage,
/// the part and the base (百分比, 分子, 分母, in that order).
#[allow(clippy::too_many_arguments)]
pub fn percent_finding(
    sink: &Sink,
    section: &Section,
    percent: &Figure,
    part: &Figure,
    base: &Figure,
    what: &str,
    severity: Severity,
    note: &str,
) -> Finding {
    let computed = decimal::to_text(crate::arith::percent(part.term.value, base.term.value));
    let message = format!(
        "{} {}% 与计算值不符：{} {} ÷ {} {} = {}%（{}）{}",
        percent.label,
        percent.shown,
        part.label,
        part.shown,
        base.label,
        base.shown,
        computed,
        what,
        note
    );
    let mut f = sink.finding(severity, section.label(), percent.evidence.line, message);
    f.expected = Some(format!("{computed}%"));
    f.actual = Some(format!("{}%", percent.shown));
    f.evidence.push(cited(percent, "百分比"));
    f.evidence.push(cited(part, "分子"));
    f.evidence.push(cited(base, "分母"));
    f
}

/// Compares `total` with Σ `parts` within section `sec`; `what` names the
/// sum after the section's label ("第三部分 一 总计与其组成").
pub fn check_section_sum(
    sink: &mut Sink,
    sec: &Section,
    what: &str,
    total: Figure,
    parts: Vec<Figure>,
) {
    let label = sec.label();
    check_sum(sink, &label, &format!("{label} {what}"), total, parts);
}

/// The evidence of `figure`, cited in the role it plays in a finding.
fn cited(figure: &Figure, role: &str) -> Evidence {
    let mut evidence = figure.evidence.clone();
    evidence.role = role.to_string();
    evidence
}

/// Statements of a sentence with their index among the sentence's facts
/// (the index `part_of` refers to).
/// (A list, like the model's own helpers: one iterator type for every
/// caller, not a filter_map state machine in each.)
pub fn indexed(sentence: &Sentence) -> alloc::vec::IntoIter<(usize, &Statement)> {
    let mut all = Vec::new();
    for (i, f) in sentence.facts.iter().enumerate() {
        if let Fact::Amount(s) = f {
            all.push((i, s.as_ref()));
        }
    }
    all.into_iter()
}

/// The parts listed after "其中" for the statement at `index`.
pub fn parts_of(sentence: &Sentence, index: usize) -> alloc::vec::IntoIter<&Statement> {
    let mut all = Vec::new();
    for (_, s) in indexed(sentence) {
        if s.part_of == Some(index) {
            all.push(s);
        }
    }
    all.into_iter()
}

/// A class name as the tables print it, without "一、" numbering.
pub fn bare_name(name: &str) -> &str {
    match name.find('、') {
        Some(i)
            if name[..i]
                .chars()
                .all(|c| "一二三四五六七八九十".contains(c)) =>
        {
            &name[i + '、'.len_utf8()..]
        }
        _ => name,
    }
}
