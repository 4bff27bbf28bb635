//! Word and Excel files: every `.docx` and `.xlsx` in `tests/fixtures/shapes/`
//! (made from the corpus texts: see that folder's README) read through
//! `check_file` must give the report of its TAB original. A Word file holds
//! the whole document: the same tables, row by row and figure by figure,
//! and the same errors and warnings. A workbook holds only the tables: the
//! same tables and table/structure findings, the report says the prose was
//! not given, and every prose and form check says it did not apply. Cases
//! are generated from the folder, so a file added there is tested without
//! new code.

mod common;

use std::path::PathBuf;

use common::compare::{compare, Allowance};
use serde_json::Value;

/// (document stem, path) of every file of the folder with this extension.
fn files(extension: &str) -> Vec<(String, PathBuf)> {
    common::fixture_files("shapes", extension)
}

fn json(report: budget_lint::Report) -> Value {
    serde_json::to_value(report).expect("report serialises")
}

/// Reads every file with `extension` and compares it with its original;
/// `more` adds the kind's own expectations.
fn check_files(extension: &str, allow: Allowance, more: impl Fn(&str, &Value) -> Vec<String>) {
    let mut failures = Vec::new();
    for (stem, path) in files(extension) {
        let tab = json(budget_lint::check_text(&common::fixture(&stem)));
        let bytes = std::fs::read(&path).expect("file");
        let report = match budget_lint::check_file(&bytes) {
            Ok(report) => json(report),
            Err(e) => {
                failures.push(format!("{stem}{extension}: not read: {e}"));
                continue;
            }
        };
        if report["summary"]["recognised"] == false
            && tab["tables"].as_array().is_some_and(Vec::is_empty)
        {
            // A workbook of a document without budget tables (the 专项资金
            // list: its 申报表 only, no prose): nothing in it can be checked,
            // and the report says so (S107) rather than "0 errors".
            if common::findings_of(&report, &["S107"]).is_empty() {
                failures.push(format!("{stem}{extension}: nothing checked, but no S107"));
            }
            continue;
        }
        let c = compare(&tab, &report, allow);
        if !c.problems.is_empty() {
            failures.push(format!(
                "{stem}{extension}: {} difference(s)\n    {}",
                c.problems.len(),
                c.problems.join("\n    ")
            ));
        }
        failures.extend(
            more(&stem, &report)
                .into_iter()
                .map(|m| format!("{stem}{extension}: {m}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn word_files_give_their_originals_report() {
    check_files(".docx", Allowance::default(), |_, report| {
        let mut problems = Vec::new();
        if report["document"]["tables_only"] == true {
            problems.push("a Word file is said to hold the tables only".into());
        }
        problems
    });
}

#[test]
fn workbooks_give_the_tables_and_say_the_prose_was_not_given() {
    let allow = Allowance {
        tables_only: true,
        ..Allowance::default()
    };
    check_files(".xlsx", allow, |stem, report| {
        let mut problems = Vec::new();
        if report["document"]["tables_only"] != true {
            problems.push("the report does not say that only the tables were given".into());
        }
        for check in report["checks"].as_array().into_iter().flatten() {
            let rule = check["rule"].as_str().unwrap_or("");
            if !(rule.starts_with('N') || rule.starts_with('F') || rule.starts_with('P')) {
                continue;
            }
            let reasons = check["reasons"].to_string();
            if check["status"] != "not_applicable" || !reasons.contains("未提供文字部分") {
                problems.push(format!(
                    "{rule} is {} ({reasons}), not \"not applicable: prose not given\"",
                    check["status"]
                ));
            }
        }
        let findings = common::findings_of(report, &["N", "F", "P"]);
        if !findings.is_empty() {
            problems.push(format!(
                "{} prose/form finding(s) without prose: {}",
                findings.len(),
                common::brief(findings[0])
            ));
        }
        // Findings cite the worksheet row the reviewer opens: one sheet a
        // table in these workbooks, named after it ("表二").
        for f in report["findings"].as_array().into_iter().flatten() {
            for e in f["evidence"].as_array().into_iter().flatten() {
                let (Some(table), Some(sheet)) = (e["table"].as_str(), e["sheet"]["name"].as_str())
                else {
                    problems.push(format!(
                        "{} cites line {} without its sheet",
                        f["rule"], e["line"]
                    ));
                    continue;
                };
                if !sheet.contains(table) || e["sheet"]["row"].as_u64().is_none_or(|r| r == 0) {
                    problems.push(format!("{} cites {table} at {}", f["rule"], e["sheet"]));
                }
            }
        }
        // The 13-table workbooks: every table of the original is read
        // (compare checks them), and the read one is a budget.
        if stem.ends_with("-2026") && report["tables"].as_array().map_or(0, Vec::len) != 13 {
            problems.push("not 13 tables".into());
        }
        problems
    });
}

/// A figure stored as a double's long form is read as the sheet shows it:
/// no amount of any workbook has more decimals than its format shows.
#[test]
fn workbook_figures_are_read_as_displayed() {
    for (stem, path) in files(".xlsx") {
        let extracted = budget_lint::read::read(&std::fs::read(&path).unwrap()).unwrap();
        for (i, line) in extracted.text.lines().enumerate() {
            for cell in line.split('\t') {
                if let Some((_, decimals)) = cell.split_once('.') {
                    let all_digits = decimals.chars().all(|c| c.is_ascii_digit());
                    assert!(
                        !all_digits || decimals.len() <= 2,
                        "{stem}.xlsx line {}: {cell}",
                        i + 1
                    );
                }
            }
            assert!(
                extracted.places.get(i).is_some(),
                "{stem}.xlsx line {} has no place",
                i + 1
            );
        }
    }
}

/// The CLI reads Word and Excel files and reports as the library does.
#[test]
fn the_cli_reads_office_files() {
    for (stem, path) in files(".docx").into_iter().chain(files(".xlsx")) {
        let (code, stdout, stderr) = common::cli_json(&path);
        let report: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{stem}: not JSON ({e}): {stderr}"));
        let library = json(budget_lint::check_file(&std::fs::read(&path).unwrap()).unwrap());
        assert_eq!(report, library, "{}", path.display());
        let errors = library["summary"]["errors"].as_u64().unwrap();
        let expected = if library["summary"]["recognised"] == false {
            3
        } else {
            i32::from(errors > 0)
        };
        assert_eq!(code, expected, "{}", path.display());
    }
}

/// Old binary Word and WPS files and other archives get a message saying
/// what to do, and exit 2 (old Excel files are read: tests/xls.rs). The
/// bytes decide, whatever the name says.
#[test]
fn the_cli_explains_legacy_office_files() {
    let dir = std::env::temp_dir().join(format!("budget-lint-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let word97 = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls/bad/word.doc"),
    )
    .unwrap();
    for name in ["预算.doc", "预算.wps", "预算.xls"] {
        let path = dir.join(name);
        std::fs::write(&path, &word97).unwrap();
        let (code, stdout, stderr) = common::cli_json(&path);
        assert_eq!(code, 2, "{name}: {stdout}");
        assert!(stderr.contains("旧版 Office 文件"), "{name}: {stderr}");
        assert!(stderr.contains("另存为"), "{name}: {stderr}");
    }
    // An OLE2 signature over nothing: a broken file, not an old format.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let broken_ole = dir.join("坏.xls");
    std::fs::write(&broken_ole, &ole).unwrap();
    let (code, _, stderr) = common::cli_json(&broken_ole);
    assert_eq!(code, 2);
    assert!(stderr.contains("已损坏"), "{stderr}");
    let zip = dir.join("其他.zip");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x00\x00\x00\x00readme.txt").unwrap();
    let (code, _, stderr) = common::cli_json(&zip);
    assert_eq!(code, 2);
    assert!(stderr.contains("不是 Word"), "{stderr}");
    let broken = dir.join("坏.docx");
    std::fs::write(&broken, b"PK\x03\x04 word/document.xml truncated").unwrap();
    let (code, _, stderr) = common::cli_json(&broken);
    assert_eq!(code, 2);
    assert!(stderr.contains("已损坏"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Damaged files (cut short, bytes changed) never panic or hang: they are
/// read or refused with a message.
#[test]
fn damaged_files_are_refused_not_fatal() {
    for (stem, path) in files(".docx").into_iter().chain(files(".xlsx")) {
        let bytes = std::fs::read(&path).unwrap();
        let mut variants: Vec<Vec<u8>> =
            [8, 100, bytes.len() / 3, bytes.len() / 2, bytes.len() - 22]
                .iter()
                .map(|&n| bytes[..n].to_vec())
                .collect();
        for step in [997, 4093] {
            let mut flipped = bytes.clone();
            for i in (300..flipped.len()).step_by(step) {
                flipped[i] ^= 0x5A;
            }
            variants.push(flipped);
        }
        for (i, variant) in variants.into_iter().enumerate() {
            let what = format!("{stem} variant {i}");
            let outcome = common::within(std::time::Duration::from_secs(10), &what, move || {
                budget_lint::check_file(&variant).map(|_| ())
            });
            if let Err(e) = outcome {
                assert!(!e.message.is_empty(), "{what}: empty message");
            }
        }
    }
}

/// A workbook written by a program that does not compute formulas holds
/// none of their results: its figures cannot be read, and read as blanks
/// they would break every sum. It is refused with a message that says so
/// and what to do (105 false S103 errors before), in the library and the
/// CLI (exit 2, as for any file that cannot be read).
#[test]
fn a_workbook_whose_formulas_were_never_computed_says_so() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad/uncomputed-formulas.xlsx");
    let bytes = std::fs::read(&path).expect("fixture");
    let e = budget_lint::check_file(&bytes).expect_err("refused");
    assert_eq!(e.code, "xlsx-uncomputed");
    assert!(
        e.message.contains("个公式没有保存计算结果"),
        "{}",
        e.message
    );
    assert!(e.message.contains("=ROUND("), "{}", e.message);
    assert!(
        e.message
            .ends_with("请在 Excel 或 WPS 中打开、保存后再校验。"),
        "{}",
        e.message
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_budget-lint"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有保存计算结果"));
}
