//! How far each text rendering of each real document (`tests/fixtures/real`)
//! is from its reference's report, whether its template verifies the
//! reading or not: rows placed and equal out of the reference's rows, and
//! how many findings differ. A measurement, printed, never failing: run it
//! with `cargo test --release --all-features --test real_measure --
//! --ignored --nocapture` to see where the readings stand (tests/real_shapes.rs
//! is the test that holds the verified ones to their references);
//! `MEASURE_DETAIL=part-of-a-stem` also prints the differences of the
//! documents whose stem contains it.
//!
//! A reading its template does not verify ends in S107, so its report holds
//! the tables but no finding but S107: its findings column then says so
//! rather than comparing.

mod common;

use std::path::Path;

use budget_lint::profile::{self, Profile, Reading};
use common::compare::{compare, Allowance};
use serde_json::Value;

const RENDERINGS: [(&str, Reading); 3] = [
    (".layout.txt", Reading::Layout),
    (".text.txt", Reading::Spaced),
    (".raw.txt", Reading::Raw),
];

fn report_of(path: &Path) -> Value {
    let bytes = std::fs::read(path).expect("fixture");
    serde_json::to_value(budget_lint::check_file(&bytes).expect("the fixture reads"))
        .expect("report serialises")
}

fn profile_of(report: &Value) -> Option<&'static Profile> {
    let name = report["document"]["profile"].as_str()?;
    profile::all().iter().copied().find(|p| p.name == name)
}

#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn every_rendering_measured_against_its_reference() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut lines = vec![format!(
        "{:<48} {:<8} {:>16} {:>10}",
        "document", "reading", "rows equal/ref", "findings"
    )];
    for (stem, _) in common::fixture_files("real", ".tsv.txt") {
        let tsv = report_of(&dir.join(format!("{stem}.tsv.txt")));
        let Some(profile) = profile_of(&tsv) else {
            continue;
        };
        let pdf = dir.join(format!("{stem}.pdf"));
        let want = if profile.verified_readings.contains(&Reading::Pdf) && pdf.exists() {
            report_of(&pdf)
        } else {
            tsv
        };
        for (suffix, reading) in RENDERINGS {
            let path = dir.join(format!("{stem}{suffix}"));
            if !path.exists() {
                continue;
            }
            let got = report_of(&path);
            // As tests/real_shapes.rs allows: where empty cells leave no
            // trace, rows unplaced are not compared, nor findings lost.
            let allow = Allowance {
                unplaced_rows: matches!(reading, Reading::Spaced | Reading::Raw),
                ..Allowance::default()
            };
            let c = compare(&want, &got, allow);
            let findings = if !common::findings_of(&got, &["S107"]).is_empty() {
                "S107".to_string()
            } else {
                let differ = c
                    .problems
                    .iter()
                    .filter(|p| p.starts_with("added: ") || p.starts_with("lost: "))
                    .count();
                if differ == 0 {
                    "equal".to_string()
                } else {
                    format!("{differ} differ")
                }
            };
            // MEASURE_DETAIL=stem prints that document's differences.
            if std::env::var("MEASURE_DETAIL").is_ok_and(|d| stem.contains(&d)) {
                lines.extend(c.problems.iter().map(|p| format!("    {reading:?}: {p}")));
            }
            lines.push(format!(
                "{:<48} {:<8} {:>16} {:>10}",
                stem,
                format!("{reading:?}"),
                format!("{}/{}", c.rows_placed, c.rows),
                findings
            ));
        }
    }
    eprintln!("{}", lines.join("\n"));
}

/// The same for the text copied out of a browser's PDF viewer
/// (`tests/fixtures/chrome-copy`, `viewer-copy`), against the reference
/// `tests/no_false_errors.rs` holds each copy to (the TAB original of a
/// 13-table document; the extractor's or hand-verified text of a published
/// one): rows placed and equal, rows placed but differing (never wanted),
/// and S106 findings (rows left unplaced).
#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn every_browser_copy_measured_against_its_reference() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut lines = vec![format!(
        "{:<12} {:<44} {:>14} {:>7} {:>5}",
        "copy", "document", "rows equal/ref", "differ", "S106"
    )];
    for folder in ["chrome-copy", "viewer-copy"] {
        for (stem, path) in common::fixture_files(folder, ".txt") {
            let tab = common::fixture_path(&stem);
            let reference = if tab.exists() {
                tab
            } else {
                common::pdf_reference_path(&root.join("real").join(format!("{stem}.pdf")))
            };
            if !reference.exists() {
                continue;
            }
            let want = report_of(&reference);
            let got = report_of(&path);
            let allow = Allowance {
                unplaced_rows: true,
                forms_unread: true,
                any_row_order: true,
                ..Allowance::default()
            };
            let c = compare(&want, &got, allow);
            let differ = c
                .problems
                .iter()
                .filter(|p| p.contains(" row ") && p.contains("original (line"))
                .count();
            if std::env::var("MEASURE_DETAIL").is_ok_and(|d| stem.contains(&d)) {
                lines.extend(c.problems.iter().map(|p| format!("    {folder}: {p}")));
            }
            lines.push(format!(
                "{:<12} {:<44} {:>14} {:>7} {:>5}",
                folder,
                stem,
                format!("{}/{}", c.rows_placed, c.rows),
                differ,
                common::findings_of(&got, &["S106"]).len()
            ));
        }
    }
    eprintln!("{}", lines.join("\n"));
}
