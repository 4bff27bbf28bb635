//! The built `budget-lint` binary: output formats, exit codes, encodings and
//! the rule catalogue, as a user at a terminal or a script sees them.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_budget-lint"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// A file of our own under cargo's per-target temporary directory.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    // The target folder outlives the run (CI keeps it between runs): an
    // earlier run's process of the same id left its files here, and a test
    // that lists the folder would count them.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Only the tables part of a document (the body's 第二部分 up to 第三部分,
/// not the table of contents' lines, which carry a TAB): a clean
/// input whatever the narrative rules will later say about the prose.
fn tables_only(doc: &str) -> String {
    let text = fixture(doc);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("第二部分") && !l.contains('\t'))
        .expect("第二部分");
    let end = lines
        .iter()
        .position(|l| l.trim_start().starts_with("第三部分") && !l.contains('\t'))
        .expect("第三部分");
    lines[start..end].join("\n") + "\n"
}

/// A copy of a document with 表三's 合计 row 基本支出 raised by 1.00.
fn with_error(doc: &str) -> (String, usize) {
    let text = fixture(doc);
    let t = raw_table(&scan_tables(&text), "表三").clone();
    let row = t.rows.iter().find(|r| r.cell(0) == "合计").expect("合计");
    let mut cells = row.cells.clone();
    let v = amount(&cells[3]).expect("基本支出");
    cells[3] = (v + rust_decimal::Decimal::ONE).to_string();
    (replace_line(&text, row.line, &cells.join("\t")), row.line)
}

#[test]
fn json_for_one_file_is_one_report_object() {
    let path = fixture_path(DOCS_2026[0]);
    let o = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert!(v.is_object(), "one object");
    assert_eq!(v["tool"], "budget-lint");
    assert_eq!(v["document"]["department"], "阳泉市招商中心");
    assert_eq!(v["tables"].as_array().map(|a| a.len()), Some(13));
    for key in ["findings", "checks", "summary"] {
        assert!(!v[key].is_null(), "{key}");
    }
    // The same report as the library gives.
    assert_eq!(v, report_json(&fixture(DOCS_2026[0])));
    // --format=json is the same flag.
    let o2 = run(&["check", "--format=json", path.to_str().unwrap()]);
    assert_eq!(o.stdout, o2.stdout);
}

#[test]
fn json_for_several_files_is_an_array_in_argument_order() {
    let paths: Vec<PathBuf> = DOCS_2026.iter().map(|d| fixture_path(d)).collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let o = run(&args);
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let a = v.as_array().expect("array");
    assert_eq!(a.len(), 3);
    for (report, doc) in a.iter().zip(DOCS_2026) {
        assert_eq!(report, &report_json(&fixture(doc)), "{doc}");
    }
    // Two files are an array too.
    let o = run(&["check", "--format", "json", args[3], args[4]]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v.as_array().map(|a| a.len()), Some(2));
}

#[test]
fn text_is_chinese_and_grouped_by_table() {
    let (text, line) = with_error(DOCS_2026[1]);
    let path = temp_file("商务局.txt", text.as_bytes());
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1), "an error was injected");
    let out = stdout(&o);
    let report = report_json(&text);
    assert!(out.contains("阳泉市商务局"), "department");
    assert!(
        out.contains(&format!("错误 {} 项", report["summary"]["errors"])),
        "{out}"
    );
    assert!(
        out.contains(&format!("第{line}行")),
        "the changed line is named"
    );
    // Every finding line sits under the header of its location.
    let mut group = String::new();
    let mut shown: Vec<(String, String, String)> = Vec::new();
    for l in out.lines() {
        if let Some(h) = l.strip_prefix('【').and_then(|h| h.strip_suffix('】')) {
            group = h.to_string();
        } else if let Some(rest) = l.strip_prefix("  [") {
            let (_, rest) = rest.split_once("] ").expect("severity label");
            let (rule, rest) = rest.split_once(" 第").expect("rule id");
            let (n, _) = rest.split_once("行：").expect("line");
            shown.push((group.clone(), rule.to_string(), n.to_string()));
        }
    }
    let mut want: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["line"].to_string(),
            )
        })
        .collect();
    let mut got = shown.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "text findings vs JSON findings");
    let groups: Vec<&str> = out.lines().filter(|l| l.starts_with('【')).collect();
    let mut unique = groups.clone();
    unique.dedup();
    assert_eq!(groups, unique, "one block per table");
    assert!(groups.iter().any(|g| g.contains("表三")), "{groups:?}");
    // Chinese labels, no English severity words.
    assert!(out.contains("[错误]"));
    for english in ["error", "warning", "Error"] {
        assert!(!out.contains(english), "{english:?} in text output");
    }
}

#[test]
fn exit_code_zero_without_error() {
    let clean = tables_only(DOCS_2026[0]);
    let path = temp_file("clean.txt", clean.as_bytes());
    let o = run(&["check", path_str(&path), "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["summary"]["errors"], 0, "{}", stdout(&o));
    assert_eq!(v["tables"].as_array().map(|a| a.len()), Some(13));
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn exit_code_one_when_any_file_has_an_error() {
    let (text, _) = with_error(DOCS_2026[2]);
    let bad = temp_file("bad.txt", text.as_bytes());
    let clean = temp_file("clean.txt", tables_only(DOCS_2026[2]).as_bytes());
    assert_eq!(run(&["check", path_str(&bad)]).status.code(), Some(1));
    let o = run(&[
        "check",
        path_str(&clean),
        path_str(&bad),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "one bad file of two");
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["summary"]["errors"], 0);
    assert!(v[1]["summary"]["errors"].as_u64().unwrap_or(0) > 0);
}

#[test]
fn exit_code_two_on_usage_or_io_failure() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-file.txt");
    let real = fixture_path(DOCS_2026[0]);
    let real = real.to_str().unwrap();
    for args in [
        vec!["check", missing.to_str().unwrap()],
        vec!["check", real, missing.to_str().unwrap()],
        vec!["check", real, "--format", "yaml"],
        vec!["check", real, "--format"],
        vec!["check"],
        vec!["frobnicate"],
        vec![],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: nothing on stdout");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("用法"), "{args:?}: usage on stderr: {err}");
    }
    let empty = temp_file("empty.txt", b"");
    assert_eq!(run(&["check", path_str(&empty)]).status.code(), Some(2));
    let png = temp_file("x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    assert_eq!(run(&["check", path_str(&png)]).status.code(), Some(2));
}

#[test]
fn gbk_copy_gives_the_same_report_as_utf8() {
    for doc in DOCS_2026.iter().chain([&DOC_2022]) {
        let text = fixture(doc);
        let (gbk, _, had_errors) = encoding_rs::GBK.encode(&text);
        assert!(!had_errors, "{doc}: every character has a GBK code");
        assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
        let utf8_path = temp_file("utf8.txt", text.as_bytes());
        let gbk_path = temp_file("gbk.txt", &gbk);
        let a = run(&["check", path_str(&utf8_path), "--format", "json"]);
        let b = run(&["check", path_str(&gbk_path), "--format", "json"]);
        assert_eq!(a.status.code(), b.status.code(), "{doc}");
        let a: Value = serde_json::from_slice(&a.stdout).expect("JSON");
        let b: Value = serde_json::from_slice(&b.stdout).expect("JSON");
        assert_eq!(a, b, "{doc}: GBK and UTF-8 reports differ");
    }
}

#[test]
fn rules_markdown_lists_every_rule() {
    let o = run(&["rules", "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0));
    let md = stdout(&o);
    let json = run(&["rules", "--format", "json"]);
    let listed: Value = serde_json::from_slice(&json.stdout).expect("JSON catalogue");
    let ids: Vec<String> = budget_lint::catalogue()
        .iter()
        .map(|r| r.rule.id.to_string())
        .collect();
    assert!(ids.len() >= 16, "{ids:?}");
    let json_ids: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(json_ids, ids, "JSON catalogue");
    // Every rule that runs on a document is in the catalogue.
    let report = report_json(&fixture(DOCS_2026[0]));
    for c in report["checks"].as_array().expect("checks") {
        let id = c["rule"].as_str().unwrap();
        assert!(
            ids.iter().any(|i| i == id),
            "{id} runs but is not catalogued"
        );
    }
    for id in &ids {
        let heading = md
            .lines()
            .filter(|l| l.starts_with("### ") && l[4..].starts_with(id.as_str()))
            .count();
        assert_eq!(heading, 1, "{id}: one heading in the markdown catalogue");
    }
    for section in ["检查什么", "为什么重要", "示例"] {
        assert_eq!(
            md.matches(&format!("#### {section}")).count(),
            ids.len(),
            "every rule documents {section}"
        );
    }
    let text = stdout(&run(&["rules"]));
    for id in &ids {
        assert!(
            text.lines().any(|l| l.starts_with(id.as_str())),
            "{id} in text listing"
        );
    }
}

/// Every unrecognisable text made from the corpus (and a file that is no
/// disclosure at all) says so, in the text and in the JSON, and exits 3;
/// the corpus documents themselves are recognised.
#[test]
fn exit_code_three_when_nothing_could_be_checked() {
    let mut cases: Vec<(String, String)> = Vec::new();
    for doc in DOCS_2026 {
        for (what, text) in unrecognisable(doc) {
            cases.push((format!("{doc} {what}"), text));
        }
    }
    let readme = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes/README.md");
    cases.push((
        "the shapes README".into(),
        std::fs::read_to_string(&readme).expect("README"),
    ));
    for (what, text) in &cases {
        let path = temp_file("unknown.txt", text.as_bytes());
        let o = run(&["check", path_str(&path), "--format", "json"]);
        assert_eq!(o.status.code(), Some(3), "{what}");
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["summary"]["recognised"], false, "{what}");
        let s107: Vec<&Value> = findings_of(&v, &["S107"]);
        assert_eq!(s107.len(), 1, "{what}: one S107 finding");
        let message = s107[0]["message"].as_str().unwrap_or("");
        assert!(
            message.starts_with("未识别，未做任何检查"),
            "{what}: {message}"
        );
        // It says what was looked for, by the profile's name.
        assert!(message.contains("budget13"), "{what}: {message}");
        // No other check ran: none can report a table missing or cut.
        for c in v["checks"].as_array().expect("checks") {
            if c["rule"] != "S107" {
                assert_eq!(c["status"], "could_not_run", "{what}: {}", c["rule"]);
            }
        }
        assert_eq!(v["findings"].as_array().map(Vec::len), Some(1), "{what}");
        let o = run(&["check", path_str(&path)]);
        assert_eq!(o.status.code(), Some(3), "{what}");
        let out = stdout(&o);
        assert!(out.contains("未识别，未做任何检查"), "{what}: {out}");
        assert!(!out.contains("错误 0 项"), "{what}: {out}");
    }
    // The two kinds of reason name what was found.
    let [no_titles, two_titles, no_rows] = &cases[..3] else {
        unreachable!()
    };
    let message = |text: &str| {
        let v = report_json(text);
        findings_of(&v, &["S107"])[0]["message"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(message(&no_titles.1).contains("没有找到任何一张表的标题"));
    assert!(message(&two_titles.1).contains("只找到 2 张表的标题（表一、表三）"));
    assert!(message(&no_rows.1).contains("找到 13 张表的标题"));
    // One unrecognised file among others: 3, whatever the others found.
    let (bad, _) = with_error(DOCS_2026[0]);
    let bad = temp_file("bad.txt", bad.as_bytes());
    let unknown = temp_file("unknown.txt", cases[0].1.as_bytes());
    let o = run(&["check", path_str(&bad), path_str(&unknown)]);
    assert_eq!(o.status.code(), Some(3));
    // The corpus documents, the 专项资金 one included, are recognised.
    for doc in DOCS_2026.iter().chain([&DOC_2022]) {
        let o = run(&["check", path_str(&fixture_path(doc)), "--format", "json"]);
        assert_ne!(o.status.code(), Some(3), "{doc}");
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["summary"]["recognised"], true, "{doc}");
        assert!(findings_of(&v, &["S107"]).is_empty(), "{doc}");
    }
    // The usage says what 3 means.
    let help = stdout(&run(&["--help"]));
    assert!(help.contains("3 有文件未识别"), "{help}");
}

/// A folder of corpus files as a user would have it: documents of several
/// shapes, a subfolder, an old binary Word file, a hidden file and a file
/// of an unsupported kind (both skipped).
fn corpus_folder() -> (PathBuf, Vec<PathBuf>) {
    let shapes = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes");
    let root = temp_file(
        "a.txt",
        &std::fs::read(fixture_path(DOCS_2026[0])).expect("fixture"),
    )
    .parent()
    .expect("dir")
    .to_path_buf();
    let sub = root.join("sub");
    std::fs::create_dir_all(&sub).expect("subfolder");
    let mut shown = vec![root.join("a.txt")];
    for ext in ["docx", "xlsx", "pdf", "html"] {
        let name = format!("yangquan-shangwu-2026.{ext}");
        let to = sub.join(&name);
        std::fs::copy(shapes.join(&name), &to).expect("copy shape");
        shown.push(to);
    }
    let unknown = root.join("b-unknown.txt");
    std::fs::write(&unknown, "这不是预算公开文件。\n").expect("write");
    shown.insert(1, unknown);
    // An OLE2 compound file, the header of every .doc.
    let doc = root.join("c-old.doc");
    std::fs::write(&doc, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0").expect("write");
    shown.insert(2, doc);
    std::fs::write(root.join(".hidden.txt"), fixture(DOCS_2026[1])).expect("write");
    std::fs::write(root.join("notes.md"), fixture(DOCS_2026[1])).expect("write");
    shown.sort();
    (root, shown)
}

#[test]
fn folder_gives_a_line_per_file_and_a_summary() {
    let (root, files) = corpus_folder();
    let o = run(&["check", path_str(&root)]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), files.len() + 1, "{out}");
    // Each line names its file, in sorted order, subfolder included, and
    // says what the file's own check says.
    let (mut errors, mut unknown, mut unreadable) = (0, 0, 0);
    for (line, file) in lines.iter().zip(&files) {
        let path = path_str(file);
        let rest = line
            .strip_prefix(path)
            .unwrap_or_else(|| panic!("{line} names {path}"));
        let single = run(&["check", path, "--format", "json"]);
        match single.status.code() {
            Some(2) => {
                unreadable += 1;
                assert!(rest.starts_with("  无法读取："), "{line}");
            }
            Some(3) => {
                unknown += 1;
                assert!(rest.starts_with("  未识别："), "{line}");
            }
            code => {
                let v: Value = serde_json::from_slice(&single.stdout).expect("JSON");
                let s = &v["summary"];
                errors += usize::from(code == Some(1));
                assert!(
                    rest.ends_with(&format!(
                        "错误 {}  提醒 {}  提示 {}",
                        s["errors"], s["warnings"], s["infos"]
                    )),
                    "{line}"
                );
                assert!(rest.contains(v["document"]["profile_label"].as_str().unwrap()));
            }
        }
    }
    assert_eq!((unknown, unreadable), (1, 1), "{out}");
    assert!(errors > 0, "the corpus documents have errors: {out}");
    assert_eq!(
        lines.last().copied(),
        Some(
            format!(
                "共 {} 个文件：有错误 {errors} 个，未识别 {unknown} 个，无法读取 {unreadable} 个",
                files.len()
            )
            .as_str()
        )
    );
    // The unreadable .doc does not stop the others, and wins the exit code.
    assert_eq!(o.status.code(), Some(2));
    assert!(
        !out.contains(".hidden") && !out.contains("notes.md"),
        "{out}"
    );
    // Without the unreadable file, not recognised wins over errors.
    std::fs::remove_file(root.join("c-old.doc")).expect("remove");
    assert_eq!(run(&["check", path_str(&root)]).status.code(), Some(3));
    // JSON keeps its shape: an array of the readable files' reports.
    let o = run(&["check", path_str(&root), "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(files.len() - 1));
}

#[test]
fn parallel_output_is_in_the_order_of_the_paths() {
    let (root, _) = corpus_folder();
    let first = run(&["check", path_str(&root)]);
    for _ in 0..3 {
        let again = run(&["check", path_str(&root)]);
        assert_eq!(stdout(&again), stdout(&first));
    }
    // Files named one by one come out in the order given, not sorted.
    let paths: Vec<PathBuf> = DOCS_2026.iter().rev().map(|d| fixture_path(d)).collect();
    let mut args = vec!["check"];
    args.extend(paths.iter().map(|p| path_str(p)));
    let out = stdout(&run(&args));
    let named: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once("  ").map(|(f, _)| f))
        .collect();
    let want: Vec<&str> = paths.iter().map(|p| path_str(p)).collect();
    assert_eq!(&named[..3], &want[..], "{out}");
}

#[test]
fn together_checks_the_parts_as_one_document() {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let prose = real.join("jiangsu-shengweibangongting-2019.tsv.txt");
    let tables = real.join("jiangsu-shengweibangongting-2019-tables.tsv.txt");
    let (prose, tables) = (path_str(&prose), path_str(&tables));
    let o = run(&["check", "--together", prose, tables, "--format", "json"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(v.is_object(), "one report, not one per file");
    // It is the report of the two texts joined, a blank line between.
    let joined = format!(
        "{}\n\n{}",
        std::fs::read_to_string(prose)
            .unwrap()
            .trim_end_matches('\n'),
        std::fs::read_to_string(tables)
            .unwrap()
            .trim_end_matches('\n')
    );
    assert_eq!(v, report_json(&joined));
    let text = stdout(&run(&["check", prose, tables, "--together"]));
    assert_eq!(
        text.matches(&format!("{prose} + {tables}：")).count(),
        1,
        "{text}"
    );
    assert!(!text.contains("共 2 个文件"), "{text}");
    let help = stdout(&run(&["--help"]));
    assert!(help.contains("--together") && help.contains("2 > 3 > 1 > 0"));
}

/// A text whose template is recognised but whose reading is not verified
/// for it (Shanghai and 决算 one cell a line: every such fixture) is not
/// checked, exits 3, and says it was recognised — never "未识别" under a
/// line naming its template — and points to the PDF, which is read.
#[test]
fn a_recognised_text_whose_reading_is_unverified_says_so() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("tests/fixtures/real")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("shanghai-") && name.ends_with(".raw.txt")) {
            continue;
        }
        let path = entry.path();
        let o = run(&["check", path_str(&path), "--format", "json"]);
        assert_eq!(o.status.code(), Some(3), "{name}");
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["summary"]["recognised"], false, "{name}");
        assert!(v["document"]["reading_unverified"].is_string(), "{name}");
        let message = findings_of(&v, &["S107"])[0]["message"]
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(
            message.starts_with("未做任何检查：已按"),
            "{name}: {message}"
        );
        assert!(
            message.contains("请直接校验 PDF 原文件"),
            "{name}: {message}"
        );
        let out = stdout(&run(&["check", path_str(&path)]));
        assert!(out.contains("模板："), "{name}: {out}");
        assert!(out.contains("已识别，但未做任何检查。"), "{name}: {out}");
        assert!(!out.contains("未识别，"), "{name}: {out}");
        for c in v["checks"].as_array().expect("checks") {
            if c["rule"] != "S107" {
                let reasons = c["reasons"].to_string();
                assert!(reasons.contains("读法尚未在此模板上验证"), "{name}: {c}");
            }
        }
        seen += 1;
    }
    assert_eq!(seen, 5, "the five Shanghai and 决算 one-cell-a-line texts");
}
