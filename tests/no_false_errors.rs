//! The worst outcome is a false error. Every file of the corpus folders —
//! each rendering of the 13-table documents (`tests/fixtures/shapes/`) and
//! each shape and PDF of the real documents of other templates
//! (`tests/fixtures/real/`) — may report only errors that its reference
//! reports too: the TAB original for a rendering, the `.tsv.txt` (whose
//! errors are verified by hand in tests/templates.rs, tests/jiangsu.rs) for
//! a real document, or its hand-corrected `.verified.tsv.txt` where the
//! extractor cut rows (tests/fixtures/real/README.md).
//! A reading the engine cannot vouch for must end in "nothing checked"
//! (S107), never in errors. Generated over the folders: a file added there
//! is tested without new code.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixtures(dir: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// The errors of a report, by rule and the figures they cite (line
/// numbers differ between shapes).
fn error_keys(report: &Value) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for f in report["findings"].as_array().into_iter().flatten() {
        if f["severity"] != "error" {
            continue;
        }
        let mut values: Vec<String> = f["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["value"].as_str().map(|v| v.replace(',', "")))
            .collect();
        values.sort();
        keys.insert(format!(
            "{} [{}]",
            f["rule"].as_str().unwrap_or(""),
            values.join(", ")
        ));
    }
    keys
}

fn report_of(path: &Path) -> Value {
    let bytes = std::fs::read(path).expect("fixture");
    match budget_lint::check_file(&bytes) {
        Ok(report) => serde_json::to_value(report).expect("report serialises"),
        // A file refused with a message reports no error.
        Err(_) => Value::Null,
    }
}

/// Errors a file may report beyond its reference because the reference's
/// extraction lost what they rest on, each verified by hand and pinned
/// where named: (file name, error key).
type VerifiedBeyond = &'static [(&'static str, &'static str)];

/// None: the Jiangsu PDFs report exactly their references' errors (pinned
/// with their figures in tests/jiangsu.rs), and the 决算's report the
/// prose errors of its `.tsv.txt`, whose prose figures set apart on lines
/// of their own are put back (`lines/figures_apart.rs`; pinned in
/// tests/shanghai_final.rs).
const REAL_BEYOND_REFERENCE: VerifiedBeyond = &[];

/// Checks every file of `dir` against the reference `reference(stem)`
/// names, the stem being the file name up to its first '.'.
fn no_errors_beyond_reference(
    dir: &str,
    verified: VerifiedBeyond,
    reference: impl Fn(&str) -> Option<PathBuf>,
) {
    let mut failures = Vec::new();
    let mut files = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures(dir))
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let Some((stem, _)) = name.split_once('.') else {
            continue;
        };
        let Some(reference) = reference(stem) else {
            continue;
        };
        if reference == path || name.ends_with(".md") {
            continue;
        }
        files += 1;
        let want = error_keys(&report_of(&reference));
        let got = error_keys(&report_of(&path));
        let added: Vec<&String> = got
            .difference(&want)
            .filter(|key| !verified.contains(&(name.as_str(), key.as_str())))
            .collect();
        if !added.is_empty() {
            failures.push(format!(
                "{name}: {} error(s) its reference lacks: {added:?}",
                added.len()
            ));
        }
    }
    assert!(files > 0, "no file in {dir}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn renderings_of_the_13_table_documents() {
    no_errors_beyond_reference("shapes", &[], |stem| {
        let tab = common::fixture_path(stem);
        tab.exists().then_some(tab)
    });
}

#[test]
fn shapes_and_pdfs_of_the_real_documents() {
    no_errors_beyond_reference("real", REAL_BEYOND_REFERENCE, |stem| {
        let reference = common::pdf_reference_path(&fixtures("real").join(format!("{stem}.pdf")));
        reference.exists().then_some(reference)
    });
}
