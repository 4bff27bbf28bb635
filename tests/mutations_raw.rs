//! Generated mutations of the raw renderings (`pdftotext` without -layout,
//! `tests/fixtures/shapes/*.raw.txt`): every figure printed inside a table
//! of the report and placed there, changed by ±1.00 in turn (one digit),
//! must be reported at its line. As in `mutations.rs`, but through the raw
//! reader, which places figures by the table's identities: a changed
//! figure satisfies none of them, so its table is reported not placed
//! (S106) rather than guessed — or, were it placed, caught by an identity.
//! Never silently absorbed. (The run prints how many were errors: one cell
//! a line, none are, as no placement satisfies a changed table.)

mod common;

use common::*;
use rust_decimal::Decimal;

/// Every `*.raw.txt` of the shapes folder, as (name, text).
fn raw_renderings() -> Vec<(String, String)> {
    fixture_files("shapes", ".raw.txt")
        .into_iter()
        .map(|(stem, path)| {
            let text = std::fs::read_to_string(&path).expect("utf-8");
            (format!("{stem}.raw.txt"), text)
        })
        .collect()
}

/// (line, word index, figure) of every figure printed between a table's
/// title and its end, by the report of the unchanged text.
fn table_figures(text: &str) -> Vec<(usize, usize, Decimal)> {
    let report = report_json(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    for t in report["tables"].as_array().into_iter().flatten() {
        let (Some(first), Some(last)) = (t["line"].as_u64(), t["end_line"].as_u64()) else {
            continue;
        };
        for no in first as usize + 1..=last as usize {
            let Some(line) = lines.get(no - 1) else {
                continue;
            };
            for (i, w) in line.split_whitespace().enumerate() {
                if w.contains('.') {
                    if let Some(v) = amount(w) {
                        out.push((no, i, v));
                    }
                }
            }
        }
    }
    out
}

fn mutate(text: &str, line: usize, word: usize, value: Decimal, n: usize) -> String {
    let delta = if n.is_multiple_of(2) || value < Decimal::ONE {
        Decimal::new(100, 2)
    } else {
        Decimal::new(-100, 2)
    };
    let old = line_of(text, line);
    let words: Vec<String> = old
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i == word {
                (value + delta).to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    replace_line(text, line, &words.join(" "))
}

/// Lines an S106 (figures not placed) of `report` cites.
fn unplaced_lines(report: &budget_lint::Report) -> Vec<usize> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == "S106")
        .flat_map(|f| core::iter::once(f.line).chain(f.evidence.iter().map(|e| e.line)))
        .collect()
}

/// One cell a line, a figure changed cannot be told from a figure misread
/// or out of order: no placement satisfies the table's sums, and the
/// table's figures are reported not placed (S106) at their lines, its sums
/// not checked — never placed elsewhere to satisfy them, never silently
/// absorbed. So every changed figure the unchanged text placed must be
/// reported at its line, by an error or as not placed. (Figures the
/// unchanged text could not place are reported so already, and left out.)
#[test]
fn every_changed_figure_of_the_raw_text_is_reported_at_its_line() {
    // (what, changed text, line, the document's errors before the change)
    let mut cases: Vec<(String, String, usize, usize)> = Vec::new();
    let mut baselines = Vec::new();
    let mut unplaced_before = 0;
    for (d, (name, text)) in raw_renderings().into_iter().enumerate() {
        let report = budget_lint::check_text(&text);
        let unplaced = unplaced_lines(&report);
        baselines.push(error_keys(&report));
        for (n, (line, word, value)) in table_figures(&text).into_iter().enumerate() {
            if unplaced.contains(&line) {
                unplaced_before += 1;
                continue;
            }
            cases.push((
                format!("{name} line {line} figure {value}"),
                mutate(&text, line, word, value, n),
                line,
                d,
            ));
        }
    }
    assert!(cases.len() > 500, "only {} placed figures", cases.len());
    let errors = core::sync::atomic::AtomicUsize::new(0);
    let failures = judge_on_two_threads(&cases, |(what, text, line, d)| {
        let report = budget_lint::check_text(text);
        let error = new_errors(&report, &baselines[*d])
            .iter()
            .any(|f| (f.rule.starts_with('T') || f.rule.starts_with('S')) && cites_line(f, *line));
        if error {
            errors.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        }
        let reported = error || unplaced_lines(&report).contains(line);
        (!reported).then(|| what.clone())
    });
    let reported = cases.len() - failures.len();
    let share = reported as f64 / cases.len() as f64;
    eprintln!(
        "raw mutations: {reported} of {} changed figures reported at their line ({:.1}%), {} as an error; {unplaced_before} figures not placed in the unchanged text left out",
        cases.len(),
        share * 100.0,
        errors.into_inner(),
    );
    assert!(
        share >= 0.99,
        "{:.1}% of {} changed figures reported, under 99%; missed:\n{}",
        share * 100.0,
        cases.len(),
        failures.join("\n")
    );
}
