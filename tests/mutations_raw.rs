//! Generated mutations of the raw renderings (`pdftotext` without -layout,
//! `tests/fixtures/shapes/*.raw.txt`): every figure printed inside a table
//! of the report, changed by ±1.00 in turn (one digit), must give a table or
//! structure error whose evidence cites that figure's line. As in
//! `mutations.rs`, but through the raw reader: a changed figure is either
//! placed and caught by an identity, or cannot be placed consistently and
//! is reported as such; never silently absorbed.

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

#[test]
#[ignore = "issue 11: the raw reader leaves tables it cannot read in order (表一, 表四, drifted rows) unplaced, so their changed figures are reported as not placed rather than as errors"]
fn every_changed_figure_of_the_raw_text_gives_an_error_citing_its_line() {
    // (what, changed text, line, the document's errors before the change)
    let mut cases: Vec<(String, String, usize, usize)> = Vec::new();
    let mut baselines = Vec::new();
    for (d, (name, text)) in raw_renderings().into_iter().enumerate() {
        baselines.push(error_keys(&budget_lint::check_text(&text)));
        for (n, (line, word, value)) in table_figures(&text).into_iter().enumerate() {
            cases.push((
                format!("{name} line {line} figure {value}"),
                mutate(&text, line, word, value, n),
                line,
                d,
            ));
        }
    }
    assert!(!cases.is_empty(), "no table figure in the raw renderings");
    let failures = judge_on_two_threads(&cases, |(what, text, line, d)| {
        let report = budget_lint::check_text(text);
        let caught = new_errors(&report, &baselines[*d])
            .iter()
            .any(|f| (f.rule.starts_with('T') || f.rule.starts_with('S')) && cites_line(f, *line));
        (!caught).then(|| what.clone())
    });
    let caught = cases.len() - failures.len();
    let share = caught as f64 / cases.len() as f64;
    eprintln!(
        "raw mutations: {caught} of {} changed figures caught ({:.1}%)",
        cases.len(),
        share * 100.0
    );
    assert!(
        share >= 0.99,
        "{:.1}% of {} changed figures caught, under 99%; missed:\n{}",
        share * 100.0,
        cases.len(),
        failures.join("\n")
    );
}
