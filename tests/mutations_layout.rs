//! Generated mutations of the `pdftotext -layout` renderings
//! (`tests/fixtures/shapes/*.layout.txt`): every figure of every table row
//! changed in turn, in place and at the same width (its units digit one up
//! or down), must give an error (T/S) citing the line it was printed on.
//! The layout reader places figures by their alignment, so a changed
//! figure that stays where it was must be read into the same cell and
//! break the same identities as in the TAB text.
//!
//! The figures are every figure the baseline report reads on a row's line,
//! found again as words of that line; the test also asserts that they are
//! nearly all (≥ 99%) of the figures the TAB original's tables hold. Real
//! Shanghai 预算 and 决算 documents' layout texts are held to the same,
//! against their PDFs' tables.

mod common;

use std::path::PathBuf;

use common::*;
use serde_json::Value;

/// One mutated copy and the line whose figure changed.
struct Case {
    what: String,
    text: String,
    line: usize,
}

fn layout_renderings() -> Vec<(String, PathBuf)> {
    common::fixture_files("shapes", ".layout.txt")
}

/// Value cells of every table row of a report.
fn figure_count(report: &Value) -> usize {
    report["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["rows"].as_array().into_iter().flatten())
        .flat_map(|r| r["cells"].as_array().into_iter().flatten())
        .filter(|c| c["kind"] == "value")
        .count()
}

/// (start, end) byte ranges of the words of `line` that read `figure`.
fn words_reading<'a>(line: &'a str, figure: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut at = 0;
    line.split(' ').filter_map(move |w| {
        let start = at;
        at += w.len() + 1;
        (w.trim_matches('\u{c}') == figure).then(|| {
            let lead = w.len() - w.trim_start_matches('\u{c}').len();
            (start + lead, start + lead + figure.len())
        })
    })
}

/// The figure changed at the same width beyond any rounding allowance: a
/// figure with decimals has its units digit moved by one (up, or down from
/// 9); a whole figure (元) has its hundreds digit, or its first when it is
/// shorter, moved by four or five (a whole figure stands for ±0.5, so a
/// sum of many of them allows several units).
fn mutate(figure: &str, up: bool) -> String {
    let mut out = figure.to_string();
    if let Some(point) = figure.find('.') {
        let units = point - 1;
        let d = figure.as_bytes()[units] - b'0';
        let new = if (up && d < 9) || d == 0 {
            d + 1
        } else {
            d - 1
        };
        out.replace_range(units..=units, &char::from(b'0' + new).to_string());
        return out;
    }
    let digits: Vec<usize> = figure
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    let at = digits[digits.len().saturating_sub(3)];
    let d = figure.as_bytes()[at] - b'0';
    let new = if d >= 5 { d - 4 } else { d + 5 };
    out.replace_range(at..=at, &char::from(b'0' + new).to_string());
    out
}

/// Every figure of every table row of one rendering, changed in turn.
fn cases(stem: &str, text: &str) -> Vec<Case> {
    let baseline = report_json(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for t in baseline["tables"].as_array().expect("tables") {
        let id = t["id"].as_str().unwrap_or("");
        for row in t["rows"].as_array().expect("rows") {
            let Some(no) = row["line"].as_u64().map(|n| n as usize) else {
                continue;
            };
            let line = lines[no - 1];
            for cell in row["cells"].as_array().into_iter().flatten() {
                let Some(figure) = cell["text"].as_str().filter(|_| cell["kind"] == "value") else {
                    continue;
                };
                for (a, b) in words_reading(line, figure) {
                    if !seen.insert((no, a)) {
                        continue;
                    }
                    let new = mutate(figure, seen.len() % 2 == 0);
                    let mut changed = line.to_string();
                    changed.replace_range(a..b, &new);
                    out.push(Case {
                        what: format!("{stem}.layout.txt {id} line {no}: {figure} → {new}"),
                        text: replace_line(text, no, &changed),
                        line: no,
                    });
                }
            }
        }
    }
    out
}

/// What a changed figure must give at its line.
#[derive(Clone, Copy, PartialEq)]
enum Caught {
    /// An error (T/S); every figure of the reference found on its row's
    /// first line but 1%.
    Error,
    /// An error, or its row reported not placed (S106): on a page whose
    /// header is not printed again, the columns are told by the table's
    /// sums, which a changed figure no longer satisfies — nothing is
    /// guessed, and the row's checks say they did not run. A row's
    /// figures may stand on its other lines (a 决算's two-line 科目 rows,
    /// 六's staggered sides), where this test does not look for them: 93%
    /// of the reference's figures are changed at least.
    ErrorOrUnplaced,
}

impl Caught {
    /// The least share (in %) of the reference's figures changed.
    fn least_found(self) -> usize {
        match self {
            Caught::Error => 99,
            Caught::ErrorOrUnplaced => 93,
        }
    }
}

/// Runs the cases on two threads; the failures, and how many were caught
/// as errors.
fn run(cases: &[Case], caught: Caught) -> (Vec<String>, usize) {
    let errors = core::sync::atomic::AtomicUsize::new(0);
    let failures = common::judge_on_two_threads(cases, |case| {
        let report = budget_lint::check_text(&case.text);
        let cites = |error: bool| {
            report.findings.iter().any(|f| {
                let kind = if error {
                    matches!(f.severity, budget_lint::Severity::Error)
                        && (f.rule.starts_with('T') || f.rule.starts_with('S'))
                } else {
                    f.rule == "S106"
                };
                kind && cites_line(f, case.line)
            })
        };
        let error = cites(true);
        if error {
            errors.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        }
        let unplaced = caught == Caught::ErrorOrUnplaced && cites(false);
        (!error && !unplaced).then(|| case.what.clone())
    });
    (failures, errors.into_inner())
}

/// Every figure of each rendering changed in turn: at least 99% of the
/// figures its reference's tables hold are found and changed, and at most
/// 1% of the changes give no error citing their line.
fn check_renderings(
    renderings: &[(String, PathBuf)],
    caught: Caught,
    reference: impl Fn(&str) -> Value,
) {
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for (stem, path) in renderings {
        let text = std::fs::read_to_string(path).expect("rendering");
        let c = cases(stem, &text);
        let printed = figure_count(&reference(stem));
        if c.len() * 100 < printed * caught.least_found() {
            problems.push(format!(
                "{stem}.layout.txt: {} figures mutated of the {printed} its reference's tables hold",
                c.len()
            ));
        }
        all.extend(c);
    }
    let (failures, errors) = run(&all, caught);
    eprintln!(
        "layout figures: {} changed, {errors} giving an error citing their line, {} not caught",
        all.len(),
        failures.len()
    );
    if failures.len() * 100 > all.len() {
        problems.push(format!(
            "{} of {} changed figures give no error citing their line:\n  {}",
            failures.len(),
            all.len(),
            failures.join("\n  ")
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_changed_figure_of_the_layout_text_gives_an_error_citing_its_line() {
    check_renderings(&layout_renderings(), Caught::Error, |stem| {
        report_json(&fixture(stem))
    });
}

/// Every figure of a real document's `pdftotext -layout` text
/// (`tests/fixtures/real/`) changed in turn, against the figures its
/// published PDF's tables hold.
fn check_real(stem: &str, caught: Caught) {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    check_renderings(
        &[(stem.to_string(), real.join(format!("{stem}.layout.txt")))],
        caught,
        |stem| {
            let pdf = std::fs::read(real.join(format!("{stem}.pdf"))).expect("pdf");
            let report = budget_lint::check_file(&pdf).expect("the PDF reads");
            serde_json::to_value(report).expect("report serialises")
        },
    );
}

/// A Shanghai 预算 document (tables in 元, split 类/款/项 codes, a 万元
/// 三公 table), whose template verifies the layout reading.
#[test]
fn every_changed_figure_of_a_shanghai_layout_text_gives_an_error_citing_its_line() {
    check_real("shanghai-putuo-wanlijiedao-2025", Caught::Error);
}

/// A Shanghai 部门决算 (年初/年末 结转, 六's two sides printed at staggered
/// heights), whose template verifies the layout reading. 二's and 三's
/// last pages print no header: their columns are told by the tables' sums,
/// so a figure changed there leaves its row reported not placed.
#[test]
fn every_changed_figure_of_a_final_accounts_layout_text_is_reported_at_its_line() {
    check_real(
        "shanghai-putuo-caizhengju-juesuan-2024",
        Caught::ErrorOrUnplaced,
    );
}
