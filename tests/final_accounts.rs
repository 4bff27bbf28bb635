//! The Shanghai 部门决算 template: every 决算 document of
//! `tests/fixtures/real/` (the `.tsv.txt` shape) through the JSON report.
//!
//! Expectations come from an independent scan of the fixture text (the
//! nine 决算 titles, cells split on TAB), never from the engine's output.
//! DOMAIN-TEMPLATES.md §2 lists no table error for CZ24, only tails: the
//! test asserts none is reported and that the documented tails are info.

mod common;

use std::path::PathBuf;

use common::{amount, cell_amount, report_json, rows_on_line, table};
use rust_decimal::Decimal;
use serde_json::Value;

/// The nine titles, quotation marks dropped as the extraction drops them.
const TITLES: [&str; 9] = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款三公经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
];

const IDS: [&str; 9] = [
    "表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九",
];

fn documents() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/real")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("juesuan") && n.ends_with(".tsv.txt"))
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).expect("fixture");
            (n, text)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the 决算 documents");
    files
}

struct Region {
    number: usize,
    title_line: usize,
    rows: Vec<(usize, Vec<String>)>,
}

fn title_number(line: &str) -> Option<usize> {
    let key: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"'))
        .collect();
    TITLES.iter().position(|t| *t == key).map(|i| i + 1)
}

fn scan(text: &str) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        if let Some(number) = title_number(line) {
            regions.push(Region {
                number,
                title_line: no,
                rows: Vec::new(),
            });
            continue;
        }
        // The 情况说明 after the tables (the contents list names it first).
        if line.trim_start().starts_with("第三部分") && !regions.is_empty() {
            break;
        }
        if line.contains('\t') {
            if let Some(r) = regions.last_mut() {
                let cells = line.split('\t').map(|c| c.trim().to_string()).collect();
                r.rows.push((no, cells));
            }
        }
    }
    regions
}

/// Positions of the label cells of a row of table `number`.
fn is_label(number: usize, i: usize) -> bool {
    match number {
        2 | 3 | 5 | 8 | 9 => i < 4,
        6 => i % 4 != 3,
        _ => false,
    }
}

fn printed_amounts(number: usize, cells: &[String]) -> Vec<Decimal> {
    cells
        .iter()
        .enumerate()
        .filter(|(i, _)| !is_label(number, *i))
        .filter_map(|(_, c)| amount(c))
        .collect()
}

/// The codes a row prints: one per 类/款(/项) group of cells.
fn printed_codes(number: usize, cells: &[String]) -> Vec<(String, String)> {
    let digits = |c: &String| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit());
    let groups: Vec<(usize, usize)> = match number {
        2 | 3 | 5 | 8 | 9 => vec![(0, 3)],
        6 => vec![(0, 2), (4, 2)],
        _ => vec![],
    };
    groups
        .into_iter()
        .filter(|&(at, _)| cells.get(at).is_some_and(|c| digits(c) && c.len() == 3))
        .map(|(at, n)| (cells[at..at + n].concat(), cells[at + n].clone()))
        .collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_final_accounts_document_is_read_whole() {
    for (name, text) in documents() {
        let report = report_json(&text);
        let info = &report["document"];
        assert_eq!(info["profile"], "shanghai-final", "{name}");
        assert_eq!(info["kind"], "final_accounts", "{name}");
        assert_eq!(info["tables_found"], 9, "{name}");
        let regions = scan(&text);
        let numbers: Vec<usize> = regions.iter().map(|r| r.number).collect();
        assert_eq!(numbers, (1..=9).collect::<Vec<_>>(), "{name}: the scan");
        let mut problems = Vec::new();
        for r in &regions {
            let id = IDS[r.number - 1];
            let t = table(&report, id).unwrap_or_else(|| panic!("{name}: {id}"));
            assert_eq!(t["line"], r.title_line, "{name} {id}");
            for (line, cells) in &r.rows {
                let rows = rows_on_line(t, *line);
                let got: Vec<Decimal> = rows
                    .iter()
                    .flat_map(|row| row["cells"].as_array().cloned().unwrap_or_default())
                    .filter_map(|c| cell_amount(&c))
                    .collect();
                let printed = printed_amounts(r.number, cells);
                if printed != got {
                    problems.push(format!(
                        "{id} line {line}: printed {printed:?}, report {got:?}"
                    ));
                }
                for (code, label) in printed_codes(r.number, cells) {
                    let found = rows.iter().any(|row| {
                        row["code"] == code.as_str()
                            && squash(row["name"].as_str().unwrap_or("")) == squash(&label)
                    });
                    if !found {
                        problems.push(format!(
                            "{id} line {line}: {code} {label} not in the report"
                        ));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

/// A finding as (rule, severity, line).
fn findings(report: &Value) -> Vec<(String, String, u64)> {
    let mut all: Vec<(String, String, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn cz24_has_no_table_error_and_its_documented_tails_are_info() {
    let (_, text) = documents()
        .into_iter()
        .find(|(n, _)| n.contains("caizhengju-juesuan-2024"))
        .expect("CZ24");
    let report = report_json(&text);
    // The cover: "上海市普陀区财政局" / "年度部门决算" / "2024".
    assert_eq!(report["document"]["department"], "上海市普陀区财政局");
    assert_eq!(report["document"]["year"], 2024);
    assert_eq!(report["document"]["unit"], "万元");
    let all = findings(&report);
    // The tables' findings are all tails; the prose's are its real errors
    // (pinned with their figures in tests/shanghai_final.rs): 四's
    // "财政拨款收入支出总计0.3万元" and 五's 71.73% for 71.65%, and the
    // 个人农业生产补贴 六 lists without an amount.
    let (prose, tables): (Vec<_>, Vec<_>) = all.iter().partition(|(r, _, _)| r.starts_with('N'));
    assert!(
        tables.iter().all(|(_, severity, _)| severity == "info"),
        "{tables:?}"
    );
    let prose: Vec<(&str, &str)> = prose
        .iter()
        .map(|(r, s, _)| (r.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        prose,
        [("N116", "warning"), ("N150", "error"), ("N151", "error")]
    );
    let lines = |needle: &str| -> usize {
        1 + text
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"))
    };
    // 一/四 print 社会保障 326.71 where 三/五 have 326.72 (lines 107 and 197).
    let t109: Vec<u64> = all
        .iter()
        .filter(|(r, _, _)| r == "T109")
        .map(|f| f.2)
        .collect();
    assert_eq!(
        t109,
        [
            lines("八、社会保障和就业支出\t326.71") as u64,
            lines("八、社会保障和就业支出\t326.71\t326.71") as u64
        ]
    );
    // Σ类 2,940.06 against 合计 2,940.05 is a tail, and so is 六's 类 = Σ 款.
    let tails = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "T102")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    assert!(tails.iter().any(|m| m.contains("2,940.06")), "{tails:?}");
    assert!(tails.iter().any(|m| m.contains("表六")), "{tails:?}");
}

#[test]
fn a_general_budget_figure_above_all_spending_for_its_code_is_an_error() {
    // 表五 (一般公共预算财政拨款) is a part of 表三 (all spending) code by
    // code and column by column: every figure of 表五 raised above 表三's.
    for (name, text) in documents() {
        let raised = common::part_above_whole_is_reported(&name, &text, "表五", "表三");
        assert!(raised >= 20, "{name}: only {raised} figures of 表五");
    }
}

#[test]
fn a_changed_final_accounts_figure_is_an_error() {
    // 一's 本年收入合计 2,946.25 → 2,946.35: Σ sources and 二's 合计 disagree.
    let (_, text) = documents().into_iter().next().unwrap();
    let changed = text.replacen("本年收入合计\t2,946.25", "本年收入合计\t2,946.35", 1);
    assert_ne!(changed, text);
    let report = report_json(&changed);
    let errors: Vec<(String, String, u64)> = findings(&report)
        .into_iter()
        .filter(|f| f.1 == "error")
        .collect();
    assert!(errors.iter().any(|f| f.0 == "T105"), "{errors:?}");
    assert!(errors.iter().any(|f| f.0 == "T107"), "{errors:?}");
}
