//! What rules share: a [`Figure`] (a printed value with its place), and
//! the comparison of a total with its parts that every sum rule reports the
//! same way: silent when exact, 尾差 (info) inside the rounding band, an
//! error with both sides' figures outside it.

use rust_decimal::Decimal;

use super::Sink;
use crate::arith::{compare, sum_terms, Term, Verdict};
use crate::decimal;
use crate::model::{Cell, Row, Table};
use crate::prelude::*;
use crate::report::{Evidence, Severity};
use crate::slices::Items;

/// A printed figure and where it stands.
#[derive(Debug, Clone)]
pub struct Figure {
    pub term: Term,
    /// As printed ("75.80", "空" for a blank).
    pub shown: String,
    /// Short label used in messages: "表三 第5行「行政运行」 合计".
    pub label: String,
    pub evidence: Evidence,
}

impl Figure {
    /// The figure in `row` × `column` of `table`; None when the cell is
    /// unreadable or the column is not on the row's side.
    pub fn from_cell(table: &Table, row: &Row, column: &str) -> Option<Figure> {
        let cell = table.cell(row, column)?;
        let term = cell.as_term()?;
        let col = table.column(column)?;
        let row_label = table.row_label(row);
        let value = match cell {
            Cell::Blank => String::new(),
            other => other.display(),
        };
        Some(Figure {
            term,
            shown: cell.display(),
            label: format!("{} {} {}", table.id, row_label, col.name),
            evidence: Evidence {
                column: Some(col.name.to_string()),
                ..value_evidence("", row.line, table.id, Some(&row_label), &value, None)
            },
        })
    }

    /// [`Figure::from_cell`] for a comparison with another table or with
    /// the prose: None for a blank that may be a figure the reading left
    /// unplaced ([`Table::blank_may_be_unplaced`]). A table's own sums
    /// read the blank as printed: the placing already checked them.
    pub fn across(table: &Table, row: &Row, column: &str) -> Option<Figure> {
        if table.blank_may_be_unplaced(row, column) {
            return None;
        }
        Figure::from_cell(table, row, column)
    }

    /// A figure with no place (e.g. an empty table taken as zero).
    pub fn virtual_zero(label: impl Into<String>, line: usize, table: &str) -> Figure {
        let label = label.into();
        Figure {
            term: Term::ZERO,
            shown: "0".into(),
            evidence: value_evidence("", line, table, Some(&label), "0", None),
            label,
        }
    }

    /// The same figure named more briefly in messages (the column alone,
    /// when the context already names table and row).
    pub fn named(mut self, label: impl Into<String>) -> Figure {
        self.label = label.into();
        self
    }

    /// A blank cell (not a printed zero).
    pub fn is_blank(&self) -> bool {
        self.evidence.value.as_deref() == Some("")
    }

    pub fn with_role(mut self, role: &str) -> Figure {
        self.evidence.role = role.to_string();
        self
    }
}

/// Evidence citing a text: a name, a goal, a phrase of the prose (`role`
/// says which side of the comparison it is).
#[inline]
pub fn text_evidence(
    role: &str,
    line: usize,
    table: &str,
    row: Option<&str>,
    text: &str,
) -> Evidence {
    evidence(role, line, table, row, None, Some(text))
}

/// Evidence citing a value as printed (`value`), with the printed text
/// around it when that is what to highlight.
#[inline]
pub fn value_evidence(
    role: &str,
    line: usize,
    table: &str,
    row: Option<&str>,
    value: &str,
    text: Option<&str>,
) -> Evidence {
    evidence(role, line, table, row, Some(value), text)
}

/// Evidence citing a place (`table`, `row`) on `line`, with the value
/// and/or the text printed there; [`text_evidence`] and [`value_evidence`]
/// say which.
#[inline(never)]
pub fn evidence(
    role: &str,
    line: usize,
    table: &str,
    row: Option<&str>,
    value: Option<&str>,
    text: Option<&str>,
) -> Evidence {
    Evidence {
        role: role.to_string(),
        line,
        table: Some(table.to_string()),
        row: row.map(str::to_string),
        value: value.map(str::to_string),
        text: text.map(str::to_string),
        ..Evidence::default()
    }
}

/// Every figure `figures` yields, or None as soon as one is missing (as
/// collecting into `Option<Vec<_>>` does). Through `dyn Items`, so that
/// the collecting code exists once rather than once per call site.
pub fn all_figures(figures: &mut dyn Items<Option<Figure>>) -> Option<Vec<Figure>> {
    let mut all = Vec::new();
    while let Some(figure) = figures.next_item() {
        all.push(figure?);
    }
    Some(all)
}

/// The figures `figures` yields, collected by one loop behind `dyn
/// Items` (a `collect` per call site is its own instantiation).
pub fn collect_figures(figures: &mut dyn Items<Figure>) -> Vec<Figure> {
    let mut all = Vec::new();
    while let Some(figure) = figures.next_item() {
        all.push(figure);
    }
    all
}

/// Every value `results` yields, or the first error (as collecting into
/// `Result<Vec<_>, _>` does), through `dyn Items` like [`all_figures`].
pub fn all_ok<T, E>(results: &mut dyn Items<Result<T, E>>) -> Result<Vec<T>, E> {
    let mut all = Vec::new();
    while let Some(result) = results.next_item() {
        all.push(result?);
    }
    Ok(all)
}

/// Formats money computed from figures (a sum, a difference) as the tables
/// print theirs: two decimals at least, thousands grouped
/// ("11,419,043.00").
pub fn money(value: Decimal) -> String {
    decimal::group_thousands(&money_field(value))
}

/// Money computed from figures as a finding's `expected`, `actual` and
/// `difference` fields carry it: two decimals at least, no grouping, so
/// that a spreadsheet or a program reads it as a number.
pub fn money_field(value: Decimal) -> String {
    decimal::with_decimals(decimal::normalize(value), 2)
}

/// The interval of the figure in `row` × `column` of `table`, under the
/// same conditions as [`Figure::from_cell`] but with nothing formatted.
/// Most identities hold exactly, so the table rules compare these bare
/// terms first and put words to the figures only when there is something
/// to report ([`check_sum_lazily`]).
pub fn cell_term(table: &Table, row: &Row, column: &str) -> Option<Term> {
    table.cell(row, column)?.as_term()
}

/// [`cell_term`] for a comparison with another table: None for a blank
/// that may be a figure the reading left unplaced, as [`Figure::across`].
pub fn cell_term_across(table: &Table, row: &Row, column: &str) -> Option<Term> {
    if table.blank_may_be_unplaced(row, column) {
        return None;
    }
    cell_term(table, row, column)
}

/// Compares the cell at `total` with the sum of the cells at `parts`, each
/// a (row, column) place in `t`; skipped when one cannot be read. Only
/// when they differ are the figures worded: `name` names each one (given
/// the row it stands on), `context` opens the message.
pub fn check_cell_sum<'t>(
    sink: &mut Sink,
    t: &'t Table,
    total: (&'t Row, &'t str),
    parts: impl Iterator<Item = (&'t Row, &'t str)> + Clone,
    context: impl FnOnce() -> String,
    name: impl Fn(Figure, &Row) -> Figure,
) {
    let Some(total_term) = cell_term(t, total.0, total.1) else {
        return;
    };
    let Some(sum) = sum_terms(&mut parts.clone().map(|(r, c)| cell_term(t, r, c))) else {
        return;
    };
    check_sum_lazily(sink, t.id, total_term, sum, || {
        let figure = |(row, column): (&Row, &str)| {
            let f = Figure::from_cell(t, row, column).expect("a cell whose term was read");
            name(f, row)
        };
        SumFigures {
            context: context(),
            total: figure(total),
            parts: collect_figures(&mut parts.map(figure)),
        }
    });
}

/// What a sum comparison names when it has something to report: the
/// message's opening, the total and the parts.
pub struct SumFigures {
    pub context: String,
    pub total: Figure,
    pub parts: Vec<Figure>,
}

/// Compares `total` with `sum` (the parts' terms already added) and only
/// when they differ asks `describe` for the figures, then reports as
/// [`check_sum`] does. `describe` must name the very figures whose terms
/// were compared.
pub fn check_sum_lazily(
    sink: &mut Sink,
    location: &str,
    total: Term,
    sum: Term,
    describe: impl FnOnce() -> SumFigures,
) -> Verdict {
    sink.compared();
    let verdict = compare(total, sum);
    if verdict != Verdict::Exact {
        report_sum(sink, location, verdict, sum, describe());
    }
    verdict
}

/// Compares `total` with Σ `parts` and reports the outcome on `sink`.
/// `location` is the table or section; `context` opens the message
/// ("表三 第5行「2011301 行政运行」").
pub fn check_sum(
    sink: &mut Sink,
    location: &str,
    context: &str,
    total: Figure,
    parts: Vec<Figure>,
) -> Verdict {
    let sum: Term = parts.iter().map(|p| p.term).sum();
    check_sum_lazily(sink, location, total.term, sum, || SumFigures {
        context: context.to_string(),
        total,
        parts,
    })
}

/// Says what a comparison found: nothing when exact, a 尾差 (info) inside
/// the rounding band, an error with both sides' figures outside it.
fn report_sum(sink: &mut Sink, location: &str, verdict: Verdict, sum: Term, figures: SumFigures) {
    let SumFigures {
        context,
        total,
        parts,
    } = figures;
    let (difference, tolerance, severity) = match verdict {
        Verdict::Exact => return,
        Verdict::Tail {
            difference,
            tolerance,
        } => (difference, tolerance, Severity::Info),
        Verdict::Mismatch {
            difference,
            tolerance,
        } => (difference, tolerance, Severity::Error),
    };
    let parts_text = parts_text(&parts);
    // "（之和 …）" only where there is a sum to show.
    let sum_note = if parts.len() > 1 {
        format!("（之和 {}）", money(sum.value))
    } else {
        String::new()
    };
    let message = match severity {
        Severity::Info => format!(
            "{context}：{} {} 与 {}{}相差 {}，在四舍五入容差 ±{} 之内，属尾差",
            total.label,
            total.shown,
            parts_text,
            sum_note,
            money(difference),
            decimal::to_text(tolerance)
        ),
        _ => format!(
            "{context}：{} {} ≠ {}{}，相差 {}",
            total.label,
            total.shown,
            parts_text,
            sum_note,
            money(difference)
        ),
    };
    let line = total.evidence.line;
    let mut f = sink.finding(severity, location, line, message);
    f.expected = Some(money_field(sum.value));
    f.actual = Some(total.shown.clone());
    f.difference = Some(money_field(difference));
    f.tolerance = Some(decimal::to_text(tolerance));
    f.evidence.push(total.with_role("合计").evidence);
    // Blank parts carry nothing to see, unless they are all there is on the
    // other side: then they are where the reviewer must look.
    let all_blank = parts.iter().all(Figure::is_blank);
    for part in parts {
        if all_blank || !part.is_blank() {
            f.evidence.push(part.with_role("分项").evidence);
        }
    }
    sink.emit(f);
}

/// "A 1.00 + B 2.00（其余3项为空）": blank parts are left out of messages
/// and evidence, since they carry nothing a reviewer needs to see.
fn parts_text(parts: &[Figure]) -> String {
    let blanks = parts.iter().filter(|p| p.is_blank()).count();
    let shown = terms_text(&mut parts.iter().filter(|p| !p.is_blank()));
    match (blanks == parts.len(), blanks) {
        (true, 0) => "其下明细（没有明细行）".to_string(),
        (true, _) => "各分项（均为空）".to_string(),
        (false, 0) => shown,
        (false, n) => format!("{shown}（其余{n}项为空）"),
    }
}

/// "A 1.00 + B 2.00": each figure's label and value, added up in words.
pub fn terms_text(figures: &mut dyn Items<&Figure>) -> String {
    let mut text = String::new();
    while let Some(f) = figures.next_item() {
        if !text.is_empty() {
            text.push_str(" + ");
        }
        text.push_str(&f.label);
        text.push(' ');
        text.push_str(&f.shown);
    }
    text
}

/// Compares two figures that should be equal (left = right).
pub fn check_equal(
    sink: &mut Sink,
    location: &str,
    context: &str,
    left: Figure,
    right: Figure,
) -> Verdict {
    check_sum(sink, location, context, left, vec![right])
}
