//! Templates other than the 13-table one: every Shanghai 预算 document of
//! `tests/fixtures/real/` (the `.tsv.txt` shape) through the JSON report.
//!
//! Expectations come from an independent scan of the fixture text (the
//! nine titles after "{Y}年部门"/"{Y}年预算单位"/"{Y}年单位", cells split on
//! TAB), never from the engine's output. The only errors allowed are the
//! document's real ones, each verified by hand and pinned below with the
//! figures that prove it.

mod common;

use std::path::PathBuf;

use common::{amount, cell_amount, report_json, rows_on_line, table};
use rust_decimal::Decimal;
use serde_json::Value;

/// The nine titles of the Shanghai template, after year and prefix.
const SHANGHAI_TITLES: [&str; 9] = [
    "财务收支预算总表",
    "收入预算总表",
    "支出预算总表",
    "财政拨款收支预算总表",
    "一般公共预算支出功能分类预算表",
    "政府性基金预算支出功能分类预算表",
    "国有资本经营预算支出功能分类预算表",
    "一般公共预算基本支出部门预算经济分类预算表",
    "“三公”经费和机关运行经费预算表",
];

/// The Shanghai 预算 fixtures (not 决算), by file name.
fn shanghai_budgets() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/real")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("shanghai-") && !n.contains("juesuan") && n.ends_with(".tsv.txt"))
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).expect("fixture");
            (n, text)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 4, "the four Shanghai 预算 documents");
    files
}

/// A table region: its number (1–9), title line and TAB lines.
struct Region {
    number: usize,
    title_line: usize,
    rows: Vec<(usize, Vec<String>)>,
}

fn title_number(line: &str) -> Option<usize> {
    // "2025年预算单位财政拨款收支预算总表 |  | …" (FL24) is a title too.
    let first = line.split('\t').next()?.trim();
    // "2024年…" or, for FL24's 三公 table, no year at all.
    let rest = match first.split_once('年') {
        Some((year, rest)) if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => first,
    };
    let rest = ["预算单位", "部门", "单位"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    if line.split('\t').skip(1).any(|c| !c.trim().is_empty()) {
        return None;
    }
    SHANGHAI_TITLES
        .iter()
        .position(|t| *t == rest)
        .map(|i| i + 1)
}

fn scan(text: &str) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        if let Some(number) = title_number(line) {
            regions.push(Region {
                number,
                title_line: no,
                rows: Vec::new(),
            });
            open = true;
            continue;
        }
        if !line.contains('\t') {
            // The prose after the 三公 table ends the last region.
            if regions
                .last()
                .is_some_and(|r| r.number == 9 && !r.rows.is_empty())
            {
                open = false;
            }
            continue;
        }
        if open {
            let cells = line.split('\t').map(|c| c.trim().to_string()).collect();
            regions.last_mut().unwrap().rows.push((no, cells));
        }
    }
    regions
}

/// How many label cells open a row of table `number` ("合计" merges them).
fn label_cells(number: usize, cells: &[String]) -> usize {
    if cells[0] == "合计" {
        return 1;
    }
    match number {
        2 | 3 | 5 | 6 | 7 => 4,
        8 => 3,
        _ => 0,
    }
}

/// The printed amounts of a row, in order.
fn printed_amounts(number: usize, cells: &[String]) -> Vec<Decimal> {
    let skip = label_cells(number, cells);
    cells.iter().skip(skip).filter_map(|c| amount(c)).collect()
}

/// The amounts of the report's rows on one line, in order.
fn report_amounts(rows: &[&Value]) -> Vec<Decimal> {
    rows.iter()
        .flat_map(|r| r["cells"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| cell_amount(&c))
        .collect()
}

/// The code a split-code row prints ("208|05|01" → "2080501"), with a
/// 类 cell that is not three digits taking the enclosing row's 类.
fn printed_code(number: usize, cells: &[String], last_class: &str) -> Option<String> {
    let parts = match number {
        2 | 3 | 5 | 6 | 7 => 3,
        8 => 2,
        _ => return None,
    };
    let digits = |c: &String| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit());
    if !digits(&cells[0]) {
        return None;
    }
    let tail: String = cells[1..parts].concat();
    if cells[0].len() == 3 {
        Some(format!("{}{tail}", cells[0]))
    } else {
        Some(format!("{last_class}{tail}"))
    }
}

#[test]
fn every_shanghai_budget_is_recognised_with_its_template_and_all_nine_tables() {
    for (name, text) in shanghai_budgets() {
        let report = report_json(&text);
        let info = &report["document"];
        let unit_version = name.contains("danwei");
        let want = if unit_version {
            "shanghai9-unit"
        } else {
            "shanghai9-department"
        };
        assert_eq!(info["profile"], want, "{name}");
        let kind = if unit_version {
            "unit_budget"
        } else {
            "department_budget"
        };
        assert_eq!(info["kind"], kind, "{name}");
        let regions = scan(&text);
        let numbers: Vec<usize> = regions.iter().map(|r| r.number).collect();
        assert_eq!(numbers, (1..=9).collect::<Vec<_>>(), "{name}: the scan");
        assert_eq!(info["tables_found"], 9, "{name}");
        assert_eq!(info["tables_expected"], 9, "{name}");
        for r in &regions {
            let id = format!("表{}", r.number);
            let t = table(&report, &id).unwrap_or_else(|| panic!("{name}: {id} not found"));
            assert_eq!(t["line"], r.title_line, "{name} {id}: title line");
            let unit = if r.number == 9 { "万元" } else { "元" };
            assert_eq!(t["unit"], unit, "{name} {id}: unit");
        }
    }
}

#[test]
fn every_row_and_figure_of_every_table_is_in_the_report() {
    for (name, text) in shanghai_budgets() {
        let report = report_json(&text);
        let mut problems = Vec::new();
        for r in scan(&text) {
            let id = format!("表{}", r.number);
            let t = table(&report, &id).expect("table");
            let mut last_class = String::new();
            let mut codes = 0;
            for (line, cells) in &r.rows {
                let printed = printed_amounts(r.number, cells);
                let rows = rows_on_line(t, *line);
                let got = report_amounts(&rows);
                if printed != got {
                    problems.push(format!(
                        "{id} line {line}: printed {printed:?}, report {got:?}"
                    ));
                }
                if let Some(code) = printed_code(r.number, cells, &last_class) {
                    codes += 1;
                    last_class = code[..3].to_string();
                    let found = rows.iter().any(|row| row["code"] == code.as_str());
                    if !found {
                        problems.push(format!("{id} line {line}: code {code} not in the report"));
                    }
                    let name_cell = &cells[label_cells(r.number, cells) - 1];
                    let named = rows.iter().any(|row| row["name"] == name_cell.as_str());
                    if !named {
                        problems.push(format!(
                            "{id} line {line}: name {name_cell} not in the report"
                        ));
                    }
                }
            }
            if matches!(r.number, 2 | 3 | 5 | 8) {
                assert!(codes > 0, "{name} {id}: the scan found 科目 rows");
            }
        }
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

/// The real errors of each document (DOMAIN-TEMPLATES.md §1, in bold),
/// as (rule, line): FL24 names class 210 "医疗卫生与计划生育支出" in 1
/// (line 76, "三、医疗卫生与计划生育支出 | 503,724") and 4 (line 138)
/// where 2 and 3 print "210 卫生健康支出" (lines 93, 120) — the same code
/// under its pre-2019 name.
///
/// The prose's real errors (N114, N118–N120, pinned with their figures in
/// `tests/shanghai_prose.rs`): W23 67/68 "政府性基金拨款支出预算0万元，比2022年
/// 预算增加1421.25万元" (the sources' changes 1421.25 + 1421.25 + 0 ≠ 1421.25,
/// and last year −1421.25); W25 110 "卫生健康支出（款）计划生育事务（项）" for
/// 2100717 计划生育服务; FL24 61 738.66 for 2081005's 6,964,796 元 (696.48).
/// The 绩效 form's (F101, pinned in `tests/shanghai_forms.rs`): W23 686
/// 年度资金申请总额 10,903,043.00 with 当年财政拨款 11,419,043.00 under it.
const REAL_ERRORS: &[(&str, &[(&str, usize)])] = &[
    (
        "shanghai-putuo-wanlijiedao-2023",
        &[("F101", 686), ("N114", 68), ("N119", 67)],
    ),
    ("shanghai-putuo-wanlijiedao-2025", &[("N120", 110)]),
    ("shanghai-putuo-zhengfubangongshi-danwei-2025", &[]),
    (
        "shanghai-putuo-shehuifuliyuan-danwei-2024",
        &[("N120", 61), ("S105", 76), ("S105", 138)],
    ),
];

#[test]
fn table_errors_are_exactly_the_real_ones() {
    for (name, text) in shanghai_budgets() {
        let stem = name.trim_end_matches(".tsv.txt");
        let want = REAL_ERRORS
            .iter()
            .find(|(s, _)| *s == stem)
            .unwrap_or_else(|| panic!("{stem}: list its real errors (none is a list too)"))
            .1;
        let report = report_json(&text);
        let mut got: Vec<(String, usize)> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        got.sort();
        let want: Vec<(String, usize)> = want.iter().map(|(r, l)| (r.to_string(), *l)).collect();
        assert_eq!(got, want, "{stem}");
    }
}

#[test]
fn fl24_class_210_names_are_the_ones_printed() {
    let (_, text) = shanghai_budgets()
        .into_iter()
        .find(|(n, _)| n.contains("shehuifuliyuan"))
        .expect("FL24");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[75].contains("医疗卫生与计划生育支出") && lines[75].contains("503,724"));
    assert!(lines[137].contains("医疗卫生与计划生育支出") && lines[137].contains("503,724"));
    let report = report_json(&text);
    let t2 = table(&report, "表2").unwrap();
    let class = t2["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "210")
        .expect("210 in 表2");
    assert_eq!(class["name"], "卫生健康支出");
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "S105")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .all(|m| m.contains("医疗卫生与计划生育支出") && m.contains("卫生健康支出")),
        "{messages:?}"
    );
}

#[test]
fn three_public_in_wan_yuan_is_compared_with_yuan_tables_after_conversion() {
    // GB25: 机关运行经费 213.28 万元 = 表8 公用经费 2,132,777.54 元 → 213.28 万元:
    // equal once converted, so no finding; W25 464.64 < 1,082.77 is an info.
    for (name, text) in shanghai_budgets() {
        let report = report_json(&text);
        let t110: Vec<&Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "T110")
            .collect();
        if name.contains("zhengfubangongshi") {
            assert!(t110.is_empty(), "{name}: {t110:?}");
        }
        if name.contains("wanlijiedao-2025") {
            assert_eq!(t110.len(), 1, "{name}");
            assert_eq!(t110[0]["severity"], "info");
            assert!(t110[0]["message"].as_str().unwrap().contains("1,082.77"));
        }
    }
}

/// The text with the first printed `old` on line `line` replaced by `new`.
fn change_cell(text: &str, line: usize, old: &str, new: &str) -> String {
    let printed = text.lines().nth(line - 1).expect("line");
    let cells: Vec<String> = printed
        .split('\t')
        .scan(false, |done, c| {
            Some(if !*done && c.trim() == old {
                *done = true;
                new.to_string()
            } else {
                c.to_string()
            })
        })
        .collect();
    common::replace_line(text, line, &cells.join("\t"))
}

/// A printed amount made larger by 1,000 units of its last digit.
fn bumped(cell: &str) -> String {
    let scale = cell.split_once('.').map_or(0, |(_, d)| d.len());
    let value = amount(cell).expect("amount");
    let step = Decimal::new(1000, scale as u32);
    format!("{:.*}", scale, value + step)
}

#[test]
fn every_figure_changed_is_an_error_citing_its_line() {
    // Generated: every figure of every table, changed in turn, breaks an
    // identity that cites its line. One thread per document.
    let docs = shanghai_budgets();
    std::thread::scope(|scope| {
        for (name, text) in &docs {
            scope.spawn(move || every_figure_of(name, text));
        }
    });
}

fn every_figure_of(name: &str, text: &str) {
    {
        let report = report_json(text);
        for r in scan(text) {
            let id = format!("表{}", r.number);
            let t = table(&report, &id).unwrap();
            for row in t["rows"].as_array().unwrap() {
                let line = row["line"].as_u64().unwrap() as usize;
                for (i, cell) in row["cells"].as_array().unwrap().iter().enumerate() {
                    let Some(printed) = cell["text"].as_str() else {
                        continue;
                    };
                    // 机关运行经费 (表9's last cell) is only bounded above by
                    // 表8's 公用经费: a larger figure may still hold.
                    if r.number == 9 && i == 6 {
                        continue;
                    }
                    let changed = change_cell(text, line, printed, &bumped(printed));
                    let after = report_json(&changed);
                    let cited = after["findings"].as_array().unwrap().iter().any(|f| {
                        f["severity"] == "error"
                            && f["evidence"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .any(|e| e["line"].as_u64() == Some(line as u64))
                    });
                    assert!(
                        cited,
                        "{name} {id} line {line}: {printed} changed, no error cites it"
                    );
                }
            }
        }
    }
}

#[test]
fn a_general_budget_figure_above_all_funds_for_its_code_is_an_error() {
    // 表5 (一般公共预算) is a part of 表3 (all funds) code by code and
    // column by column: every figure of 表5 raised above 表3's.
    for (name, text) in shanghai_budgets() {
        let raised = common::part_above_whole_is_reported(&name, &text, "表5", "表3");
        assert!(raised >= 20, "{name}: only {raised} figures of 表5");
    }
}

#[test]
fn operating_cost_above_public_cost_in_wan_yuan_is_an_error_and_equal_is_silent() {
    // W25: 表8 公用经费 10,827,702 元 = 1,082.77 万元 (half away from zero).
    let (_, text) = shanghai_budgets()
        .into_iter()
        .find(|(n, _)| n.contains("wanlijiedao-2025"))
        .expect("W25");
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("37.91\t"))
        .expect("表9 data row");
    let t110 = |printed: &str| -> Vec<String> {
        let report = report_json(&change_cell(&text, line, "464.64", printed));
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "T110")
            .map(|f| format!("{} {}", f["severity"], f["message"]))
            .collect()
    };
    assert!(t110("1,082.77").is_empty(), "{:?}", t110("1,082.77"));
    let above = t110("1,082.78");
    assert_eq!(above.len(), 1, "{above:?}");
    assert!(above[0].starts_with("\"error\""), "{above:?}");
    assert!(
        above[0].contains("10,827,702元（1,082.77万元）"),
        "{above:?}"
    );
}

#[test]
fn a_misprinted_class_cell_is_read_from_the_enclosing_row_and_reported() {
    // FL24 prints 类 "7" for 210 under 款 21011 (lines 123 in 表3, 166 in
    // 表5): read as 2101102, and a warning names the line. No other
    // Shanghai document has such a row.
    for (name, text) in shanghai_budgets() {
        let report = report_json(&text);
        let mut lines: Vec<u64> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "S108")
            .map(|f| f["line"].as_u64().unwrap())
            .collect();
        lines.sort();
        let printed: Vec<u64> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("7\t11\t02\t"))
            .map(|(i, _)| i as u64 + 1)
            .collect();
        assert_eq!(lines, printed, "{name}");
        if name.contains("shehuifuliyuan") {
            assert_eq!(lines, [123, 166], "{name}");
            for id in ["表3", "表5"] {
                let t = table(&report, id).unwrap();
                let row = t["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["printed_code"] == "7 11 02")
                    .expect("the completed row");
                assert_eq!(row["code"], "2101102", "{id}");
            }
        }
    }
}
