//! The Jiangsu 12-table template: every Jiangsu document of
//! `tests/fixtures/real/` in the one-row-a-line shapes (`.tsv.txt`,
//! `.md.txt`) and as its published PDF through the JSON report; one cell
//! a line held to "not checked" (the layout and single-spaced texts are
//! held to their PDFs' reports by tests/real_shapes.rs).
//!
//! Expectations come from an independent scan of the fixture text (titles
//! by their words, 科目 rows as a code cell followed by a name, figures as
//! the last figure on the line), never from the engine's output. The
//! tables hold together in all six documents (DOMAIN-TEMPLATES.md §3); the
//! errors are the prose's, each recomputed by hand and pinned in
//! [`PROSE_ERRORS`] (the PDFs': [`PDF_ERRORS`]) with its figures: no other
//! error is allowed.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{amount, cell_amount, report_json, rows_on_line, table};
use rust_decimal::Decimal;
use serde_json::Value;

fn real_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// The Jiangsu fixtures whose name ends in `suffix`, sorted.
fn jiangsu(suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(real_dir())
        .expect("tests/fixtures/real")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("jiangsu-") && n.ends_with(suffix))
        .collect();
    names.sort();
    names
}

fn read(name: &str) -> String {
    std::fs::read_to_string(real_dir().join(name)).expect("fixture")
}

/// 省委办公厅 publishes its prose and its tables as two files: the prose
/// file alone has no table.
fn is_prose_only(name: &str) -> bool {
    name.starts_with("jiangsu-shengweibangongting-") && !name.contains("-tables")
}

/// The line's filled cells (TAB or markdown pipes).
fn filled(line: &str) -> Vec<String> {
    let sep = if line.contains('\t') { '\t' } else { '|' };
    line.split(sep)
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

/// The table a short line names, by the words of its title: "05"/"07"
/// (functional), "06"/"08" (economic), or "other" for the other titles.
fn title_of(line: &str) -> Option<&'static str> {
    let first = filled(line).into_iter().next()?;
    let key: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    if key.chars().count() > 60 && !key.contains("部门：") || key.contains("情况说明") {
        return None;
    }
    if key.contains('《') || key.contains('。') {
        return None;
    }
    let head = key.split("部门：").next().unwrap_or("");
    if !head.ends_with("表") && !head.ends_with("）") && !head.ends_with("支") {
        return None;
    }
    if head.contains("财政拨款支出预算表") {
        Some("公开05表")
    } else if head.contains("财政拨款基本支出预算表") {
        Some("公开06表")
    } else if head.contains("一般公共预算支出预算表") {
        Some("公开07表")
    } else if head.contains("一般公共预算基本支出预算表") {
        Some("公开08表")
    } else if head.contains("预算表") || head.contains("预算总表") {
        Some("other")
    } else {
        None
    }
}

/// A 科目 row seen in the text: table, line, code, its figure if the line
/// has one.
#[derive(Debug)]
struct CodeRow {
    table: &'static str,
    line: usize,
    code: String,
    figure: Option<Decimal>,
}

fn is_code(cell: &str) -> bool {
    matches!(cell.len(), 3 | 5 | 7) && cell.bytes().all(|b| b.is_ascii_digit())
}

/// Every code row of tables 05–08: a code cell (functional 2…, economic
/// 3…) followed by a name.
fn scan(text: &str) -> Vec<CodeRow> {
    let mut rows = Vec::new();
    let mut current: Option<&'static str> = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(t) = title_of(line) {
            current = Some(t);
            continue;
        }
        let Some(t) = current.filter(|t| *t != "other") else {
            continue;
        };
        let cells = filled(line);
        let (Some(code), Some(name)) = (cells.first(), cells.get(1)) else {
            continue;
        };
        let functional = matches!(t, "公开05表" | "公开07表");
        let wanted = if functional { '2' } else { '3' };
        if !is_code(code) || !code.starts_with(wanted) || amount(name).is_some() {
            continue;
        }
        rows.push(CodeRow {
            table: t,
            line: i + 1,
            code: code.clone(),
            figure: cells[2..].iter().rev().find_map(|c| amount(c)),
        });
    }
    rows
}

/// The real errors of the prose, recomputed by hand: (document, rule,
/// line in the `.tsv.txt`, printed, computed). The `.md.txt` renderings
/// give the same at their own lines.
///
/// - J17 478: 基本支出预算数为 12323.46, 公开01表 基本支出 12,323.48.
/// - J17 561: 机关运行经费 6032.55, 增加3401.59: 3401.59 ÷ 2630.96 = 129.29%, not 129.97%.
/// - J17 570–572: 三公 110 + 317.8 + 156.55 = 584.35: 18.82/54.39/26.79%, printed 18.85/54.43/26.72%.
/// - J18 694: 总计 21,955.35, 增加3,958.67: ÷ 17,996.68 = 22.00%, not 21.95%.
/// - J18 780: 一般行政管理事务 3,666, 增加21.8: ÷ 3,644.20 = 0.60%, not 0.06%.
/// - J18 783: 检察监督 1,895, 减少134: ÷ 2,029 = 6.60%, not 0.66%.
/// - J19 593: 总计 24,169.74, 增加2214.39: ÷ 21,955.35 = 10.09%, not 10.06%.
/// - J19 622: 项目支出 4335.3, 减少1237.7: ÷ 5,573.00 = 22.21%, not 13.22%.
/// - J19 677: 未归口管理 400.02, 增加28.1: ÷ 371.92 (J18's 2080504) = 7.555%, not 7.57%.
/// - J19 689: 住房公积金 1442.74, 增加368.97: ÷ 1,073.77 (J18's 2210201) = 34.36%, not 34.38%.
/// - J19 692: 提租补贴 4243.61, 增加1657: ÷ 2,586.61 (J18's 2210202) = 64.061%, not 64.07%.
/// - S17 182: 行政运行 6106.99, 增加101.48: ÷ 6005.51 = 1.69%, not 1.66%.
/// - S19 142: 住房保障 3894.09, 增加878.93: ÷ 3015.16 = 29.15%, not 30%.
const PROSE_ERRORS: &[(&str, &str, usize, &str, &str)] = &[
    ("jianchayuan-2017", "N114", 561, "129.97%", "129.29%"),
    ("jianchayuan-2017", "N151", 478, "12323.46", "12,323.48"),
    ("jianchayuan-2017", "N150", 570, "18.85%", "18.82%"),
    ("jianchayuan-2017", "N150", 571, "54.43%", "54.39%"),
    ("jianchayuan-2017", "N150", 572, "26.72%", "26.79%"),
    ("jianchayuan-2018", "N114", 694, "21.95%", "22.00%"),
    ("jianchayuan-2018", "N114", 780, "0.06%", "0.60%"),
    ("jianchayuan-2018", "N114", 783, "0.66%", "6.60%"),
    ("jianchayuan-2019", "N114", 593, "10.06%", "10.09%"),
    ("jianchayuan-2019", "N114", 622, "13.22%", "22.21%"),
    ("jianchayuan-2019", "N114", 677, "7.57%", "7.56%"),
    ("jianchayuan-2019", "N114", 689, "34.38%", "34.36%"),
    ("jianchayuan-2019", "N114", 692, "64.07%", "64.06%"),
    ("shengweibangongting-2017", "N114", 182, "1.66%", "1.69%"),
    ("shengweibangongting-2019", "N114", 142, "30%", "29.15%"),
];

/// The pinned prose errors of a document (its name without shape), as
/// (rule, line, printed, computed).
fn pinned(doc: &str) -> Vec<(String, usize, String, String)> {
    PROSE_ERRORS
        .iter()
        .filter(|e| e.0 == doc)
        .map(|e| (e.1.to_string(), e.2, e.3.to_string(), e.4.to_string()))
        .collect()
}

/// The errors of a report as (rule, line, printed, computed).
fn error_figures(report: &Value) -> Vec<(String, usize, String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    report["findings"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                text(&f["rule"]),
                f["line"].as_u64().unwrap_or(0) as usize,
                text(&f["actual"]),
                text(&f["expected"]),
            )
        })
        .collect()
}

/// The errors are exactly the pinned ones (lines compared for the
/// `.tsv.txt`, whose lines the pins give).
fn assert_pinned(name: &str, doc: &str, report: &Value, with_lines: bool) {
    let strip = |v: Vec<(String, usize, String, String)>| {
        let mut v: Vec<_> = v
            .into_iter()
            .map(|(r, l, a, e)| (r, if with_lines { l } else { 0 }, a, e))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        strip(error_figures(report)),
        strip(pinned(doc)),
        "{name}: errors {:?}",
        errors(report)
    );
}

fn errors(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} {}", f["rule"], f["message"]))
        .collect()
}

#[test]
fn every_jiangsu_document_is_recognised_with_its_tables_and_rows() {
    let names: Vec<String> = jiangsu(".tsv.txt")
        .into_iter()
        .chain(jiangsu(".md.txt"))
        .collect();
    // The two hand-verified references of the 检察院 2018/2019 PDFs
    // (`.verified.tsv.txt`) keep their extraction's lines: the same pins.
    assert_eq!(
        names.len(),
        20,
        "nine documents in two shapes, and two verified references"
    );
    let mut problems = Vec::new();
    for name in &names {
        let text = read(name);
        let report = report_json(&text);
        let info = &report["document"];
        if is_prose_only(name) {
            // No table in it: not recognised, nothing checked, said once.
            assert_eq!(info["tables_found"], 0, "{name}");
            assert!(
                report["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["rule"] == "S107"),
                "{name}: S107"
            );
            continue;
        }
        let doc = name
            .trim_start_matches("jiangsu-")
            .split('.')
            .next()
            .unwrap();
        assert_pinned(name, doc, &report, name.ends_with(".tsv.txt"));
        assert_eq!(info["profile"], "jiangsu12", "{name}");
        assert_eq!(info["kind"], "department_budget", "{name}");
        assert_eq!(info["tables_found"], 12, "{name}");
        assert_eq!(info["unit"], "万元", "{name}");
        // J18's cover says "江苏省人民检察院2018年部门预算", without 公开.
        let year = name
            .split('-')
            .find_map(|p| p.split('.').next()?.parse::<u64>().ok());
        assert_eq!(info["year"].as_u64(), year, "{name}");
        for id in (1..=12).map(|n| format!("公开{n:02}表")) {
            let t = table(&report, &id).unwrap_or_else(|| panic!("{name}: {id}"));
            let rows = t["rows"].as_array().map_or(0, |r| r.len());
            if rows == 0 && t["declared_empty"] != true {
                problems.push(format!("{name}: {id} has no row"));
            }
        }
        let seen = scan(&text);
        assert!(seen.len() >= 40, "{name}: the scan found {}", seen.len());
        for row in &seen {
            let t = table(&report, row.table).expect("table");
            let found = rows_on_line(t, row.line);
            let Some(r) = found.iter().find(|r| r["code"] == row.code.as_str()) else {
                problems.push(format!(
                    "{name}: {} line {} code {} not read",
                    row.table, row.line, row.code
                ));
                continue;
            };
            let got = r["cells"][0].clone();
            match row.figure {
                Some(f) if cell_amount(&got) != Some(f) => problems.push(format!(
                    "{name}: {} line {} {}: {f} read as {got}",
                    row.table, row.line, row.code
                )),
                // The figure on a line of its own (J18): read with the row.
                None if cell_amount(&got).is_none() => problems.push(format!(
                    "{name}: {} line {} {}: figure not read",
                    row.table, row.line, row.code
                )),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The identities ran and held: the key totals of each document read
/// right, compared with the figures printed in the text.
#[test]
fn key_totals_are_read_as_printed() {
    // (file, 01 收入合计, 05 合计, 06 合计), read off the fixture text.
    let cases = [
        (
            "jiangsu-jianchayuan-2017.tsv.txt",
            "17996.68",
            "17981.68",
            "12308.48",
        ),
        (
            "jiangsu-jianchayuan-2018.tsv.txt",
            "21955.35",
            "21940.96",
            "13979.92",
        ),
        (
            "jiangsu-jianchayuan-2019.tsv.txt",
            "24169.74",
            "24169.74",
            "15844.04",
        ),
        (
            "jiangsu-shengweibangongting-2019-tables.tsv.txt",
            "27664.22",
            "27664.22",
            "11700.63",
        ),
    ];
    for (name, income, fiscal, basic) in cases {
        let report = report_json(&read(name));
        let summary = table(&report, "公开01表").unwrap();
        let grand = summary["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "income_grand")
            .unwrap_or_else(|| panic!("{name}: 收入合计"));
        assert_eq!(
            cell_amount(&grand["cells"][0]),
            income.parse().ok(),
            "{name}"
        );
        for (id, want) in [("公开05表", fiscal), ("公开06表", basic)] {
            let t = table(&report, id).unwrap();
            let total = t["rows"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["kind"] == "total")
                .unwrap_or_else(|| panic!("{name}: {id} 合计"));
            assert_eq!(
                cell_amount(&total["cells"][0]),
                want.parse().ok(),
                "{name} {id}"
            );
        }
        // The table identities ran (T1xx compared something).
        let ran = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["rule"].as_str().is_some_and(|r| r.starts_with('T')))
            .filter(|c| c["status"] == "ran")
            .count();
        assert!(ran >= 5, "{name}: {ran} table checks ran");
    }
}

/// J18 09 prints 267.80 cut at a cell border ("267.8" | "0", line 578):
/// the row is not guessed, its figures are unreadable, and no check on
/// them reports an error.
#[test]
fn a_figure_cut_at_a_cell_border_is_not_guessed() {
    let report = report_json(&read("jiangsu-jianchayuan-2018.tsv.txt"));
    let t = table(&report, "公开09表").unwrap();
    let rows = rows_on_line(t, 578);
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| cell_amount(c).is_none()));
    assert!(errors(&report).iter().all(|e| e.starts_with("\"N")));
}

/// Changing a figure of a functional table is found: the identities run.
#[test]
fn a_changed_figure_is_an_error() {
    let text = read("jiangsu-jianchayuan-2019.tsv.txt");
    // Line 367 "2040450 事业运行 315.00" in 05.
    let line = text.lines().nth(366).unwrap();
    assert!(
        line.contains("2040450") && line.contains("315.00"),
        "{line}"
    );
    let changed = common::replace_line(&text, 367, &line.replace("315.00", "316.00"));
    let report = report_json(&changed);
    let errs = errors(&report);
    assert!(
        errs.iter().any(|e| e.contains("公开05表")),
        "no error for the changed figure: {errs:?}"
    );
}

/// One cell a line and single spaces are checked (tests/real_shapes.rs
/// holds each to its PDF's report): a document with tables is checked;
/// the 省委办公厅 prose published apart from its tables is recognised by
/// no template, as its PDF is not.
#[test]
fn other_shapes_are_checked() {
    for suffix in [".raw.txt", ".text.txt"] {
        let renderings = jiangsu(suffix);
        assert_eq!(renderings.len(), 9);
        for name in renderings {
            let json = check(&name);
            assert_eq!(not_checked(&json), is_prose_only(&name), "{name}");
        }
    }
}

fn check(name: &str) -> Value {
    let bytes = std::fs::read(real_dir().join(name)).unwrap();
    let report = budget_lint::check_file(&bytes).expect("readable");
    serde_json::to_value(&report).unwrap()
}

fn not_checked(report: &Value) -> bool {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "S107")
}

/// An error a Jiangsu PDF reports: the rule, words of the PDF line that
/// prints it, the figure printed and the one computed, what it is compared
/// with as its message gives it (a table's cell, last year's figure, a
/// sum), and every figure its evidence cites, as the PDF prints them
/// (sorted).
struct PdfError {
    rule: &'static str,
    line_holds: &'static str,
    printed: &'static str,
    computed: &'static str,
    against: &'static str,
    figures: &'static [&'static str],
}

const fn pdf_error(
    rule: &'static str,
    line_holds: &'static str,
    (printed, computed, against): (&'static str, &'static str, &'static str),
    figures: &'static [&'static str],
) -> PdfError {
    PdfError {
        rule,
        line_holds,
        printed,
        computed,
        against,
        figures,
    }
}

/// The errors of the Jiangsu PDFs with tables, each checked by hand
/// against the printed figures (the PDF's pages; poppler's `.layout.txt`
/// line in brackets) and the same as [`PROSE_ERRORS`] of their
/// extractions:
///
/// - 检察院 2017: 一 "基本支出预算数为 12323.46 万元" [794] against 公开01表
///   一、基本支出 12,323.48 [226] (and 公开03表 [327]); 十 机关运行经费
///   6032.55, "比2016年增加3401.59万元，增长129.97%" [880–882]: 3401.59 ÷
///   2630.96 = 129.29%; 十一 三公 110 + 317.8 + 156.55 = 584.35 (公开09表
///   小计 584.35 [627]): 18.82/54.39/26.79%, printed 18.85/54.43/26.72%
///   [891–893].
/// - 检察院 2018: 一 总计 21,955.35 "增加3,958.67万元，增长21.95%" [939]:
///   ÷ 17,996.68 (2017's 总计) = 22.00%; 五 一般行政管理事务 3,666 "增加
///   21.8万元，增长0.06%" [1024–1025]: ÷ 3,644.20 (2017's 2040402) =
///   0.60%; 检察监督 1,895 "减少134万元，降幅0.66%" [1027–1028]: ÷ 2,029 =
///   6.60%.
/// - 检察院 2019: 一 总计 24,169.74 "增加2214.39万元，增长10.06%"
///   [800–801]: ÷ 21,955.35 (2018's) = 10.09%; 项目支出 4335.3 "减少了
///   1237.7万元，减少13.22%" [831–832] (13.22% is the 基本支出 rate two
///   lines above): ÷ 5,573.00 (2018's 项目支出) = 22.21%; 五 未归口管理
///   400.02 "增加28.1万元…增加7.57%" [889–891]: ÷ 371.92 (2018's 2080504)
///   = 7.555%; 住房公积金 1442.74 "增加368.97万元，增加34.38%" [904–905]:
///   ÷ 1,073.77 (2018's 2210201) = 34.362%; 提租补贴 4243.61 "增加1657万元，
///   增加64.07%" [907–908]: ÷ 2,586.61 (2018's 2210202) = 64.061%.
///
/// The 2018 PDF prints "其他资金14.39万元，占 0.06 %；" with a justified gap
/// before the rate; read as a column break, the 0.06% share was lost and
/// N150 called the 99.94% beside it an error (21,940.96 ÷ 21,955.35 =
/// 99.934%): not an error, a share forced so that the two add to 100
/// (`a_justified_gap_before_a_rate_keeps_the_share_in_its_sentence`).
///
/// N150 cites a share's whole that is a sum (the 三公 shares' 584.35,
/// printed nowhere) by each of its terms; its message gives the sum.
const PDF_ERRORS: &[(&str, &[PdfError])] = &[
    (
        "jianchayuan-2017",
        &[
            pdf_error(
                "N151",
                "基本支出预算数为12323.46万元",
                (
                    "12323.46",
                    "12,323.48",
                    "公开01表 第1行「一、基本支出」 支出用途 金额 12,323.48",
                ),
                &["12,323.48", "12323.46"],
            ),
            pdf_error(
                "N114",
                "129.97 %。主要原因",
                ("129.97%", "129.29%", "（本年 − 增减额 = 2,630.96）"),
                &["129.97", "3401.59", "6032.55"],
            ),
            pdf_error(
                "N150",
                "占“三公”经费的18.85 %",
                ("18.85%", "18.82%", "之和 584.35"),
                &["110", "110", "156.55", "18.85", "317.8"],
            ),
            pdf_error(
                "N150",
                "占“三公”经费的18.85 %",
                ("54.43%", "54.39%", "之和 584.35"),
                &["110", "156.55", "317.8", "317.8", "54.43"],
            ),
            pdf_error(
                "N150",
                "占“三公”经费的18.85 %",
                ("26.72%", "26.79%", "之和 584.35"),
                &["110", "156.55", "156.55", "26.72", "317.8"],
            ),
        ],
    ),
    (
        "jianchayuan-2018",
        &[
            pdf_error(
                "N114",
                "3,958.67万元，增长21.95 %",
                ("21.95%", "22.00%", "（本年 − 增减额 = 17,996.68）"),
                &["21,955.35", "21.95", "3,958.67"],
            ),
            pdf_error(
                "N114",
                "增加21.8万元，增长0.06 %",
                ("0.06%", "0.60%", "（本年 − 增减额 = 3,644.20）"),
                &["0.06", "21.8", "3,666"],
            ),
            pdf_error(
                "N114",
                "减少134万元，降幅0.66 %",
                ("0.66%", "6.60%", "（本年 − 增减额 = 2,029.00）"),
                &["0.66", "1,895", "134"],
            ),
        ],
    ),
    (
        "jianchayuan-2019",
        &[
            pdf_error(
                "N114",
                "万元，增长10.06 %",
                ("10.06%", "10.09%", "（本年 − 增减额 = 21,955.35）"),
                &["10.06", "2214.39", "24,169.74"],
            ),
            pdf_error(
                "N114",
                "万元，减少13.22 %",
                ("13.22%", "22.21%", "（本年 − 增减额 = 5,573.00）"),
                &["1237.7", "13.22", "4335.3"],
            ),
            pdf_error(
                "N114",
                "元，增加7.57 %",
                ("7.57%", "7.56%", "（本年 − 增减额 = 371.92）"),
                &["28.1", "400.02", "7.57"],
            ),
            pdf_error(
                "N114",
                "增加368.97万元，增加34.38 %",
                ("34.38%", "34.36%", "（本年 − 增减额 = 1,073.77）"),
                &["1442.74", "34.38", "368.97"],
            ),
            pdf_error(
                "N114",
                "增加1657万元，增加64.07 %",
                ("64.07%", "64.06%", "（本年 − 增减额 = 2,586.61）"),
                &["1657", "4243.61", "64.07"],
            ),
        ],
    ),
    ("shengweibangongting-2017-tables", &[]),
    ("shengweibangongting-2018-tables", &[]),
    ("shengweibangongting-2019-tables", &[]),
];

/// A report's errors as (rule, line, printed, computed, cited figures
/// sorted), sorted.
fn error_evidence(report: &Value) -> Vec<(String, usize, String, String, Vec<String>)> {
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut out: Vec<_> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            let figures = common::cited_values(f);
            (
                text(&f["rule"]),
                f["line"].as_u64().unwrap_or(0) as usize,
                text(&f["actual"]),
                text(&f["expected"]),
                figures,
            )
        })
        .collect();
    out.sort();
    out
}

/// The messages of a report's errors.
fn error_messages(report: &Value) -> impl Iterator<Item = &str> {
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .filter_map(|f| f["message"].as_str())
}

/// Every Jiangsu PDF with tables is checked (its PDF reading gives its
/// reference's report: tests/pdf.rs), and its errors are exactly the
/// pinned real ones of [`PDF_ERRORS`], at the lines that print them.
#[test]
fn the_pdfs_errors_are_the_documents_real_ones() {
    let pdfs: Vec<String> = jiangsu(".pdf")
        .into_iter()
        .filter(|name| !is_prose_only(name))
        .collect();
    assert_eq!(pdfs.len(), PDF_ERRORS.len(), "every PDF with tables pinned");
    for name in pdfs {
        let doc = name.trim_start_matches("jiangsu-").trim_end_matches(".pdf");
        let (_, pinned) = PDF_ERRORS
            .iter()
            .find(|(d, _)| *d == doc)
            .unwrap_or_else(|| panic!("{name}: not pinned"));
        let bytes = std::fs::read(real_dir().join(&name)).expect("pdf");
        let text = budget_lint::read::read(&bytes).expect("the PDF reads").text;
        let report = serde_json::to_value(budget_lint::check_file(&bytes).expect("the PDF reads"))
            .expect("json");
        assert_eq!(report["document"]["profile"], "jiangsu12", "{name}");
        assert_eq!(report["document"]["tables_found"], 12, "{name}");
        assert!(
            !report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule"] == "S107"),
            "{name}: checked"
        );
        let line_of = |needle: &str| {
            1 + text
                .lines()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{name}: no line holds {needle}"))
        };
        let mut want: Vec<_> = pinned
            .iter()
            .map(|e| {
                (
                    e.rule.to_string(),
                    line_of(e.line_holds),
                    e.printed.to_string(),
                    e.computed.to_string(),
                    e.figures.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
                )
            })
            .collect();
        want.sort();
        assert_eq!(error_evidence(&report), want, "{name}");
        for e in pinned.iter() {
            assert!(
                error_messages(&report)
                    .any(|m| m.contains(e.printed.trim_end_matches('%')) && m.contains(e.against)),
                "{name}: {} {} against {}",
                e.rule,
                e.printed,
                e.against
            );
        }
    }
}

/// Every line of the Jiangsu PDFs' tables is read: no row is left unread
/// (S104). The 03 and 09 tables' single rows of figures, which print no
/// figure where a column is blank, are read under the header cells that
/// name their columns; the notes under 05 and 11 and 10's "此表为空" are no
/// rows; the 2018 检察院 row a page break cuts in two ("十七、国土海洋气象等支"
/// | "出") is read as the one row its pieces make.
#[test]
fn every_row_of_the_pdfs_tables_is_read() {
    for name in jiangsu(".pdf").into_iter().filter(|n| !is_prose_only(n)) {
        let bytes = std::fs::read(real_dir().join(&name)).expect("pdf");
        let report = serde_json::to_value(budget_lint::check_file(&bytes).expect("the PDF reads"))
            .expect("json");
        let unread: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "S104")
            .filter_map(|f| f["message"].as_str())
            .collect();
        assert!(unread.is_empty(), "{name}: {unread:#?}");
        if name == "jiangsu-jianchayuan-2018.pdf" {
            let t = table(&report, "公开01表").expect("01");
            let joined = t["rows"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["name"] == "十七、国土海洋气象等支出")
                .count();
            assert_eq!(joined, 1, "{name}: the row cut by the page break");
        }
        for id in ["公开03表", "公开09表"] {
            let t = table(&report, id).unwrap_or_else(|| panic!("{name}: {id}"));
            let total = &t["rows"][0]["cells"][0];
            assert!(cell_amount(total).is_some(), "{name}: {id} 合计 {total}");
        }
    }
}

/// The 2018 PDF's 收入 shares (二, "占 99.94 %；… 占 0.06 %；"): both read,
/// as the extraction reads them — the 0.06% (14.39 ÷ 21,955.35 = 0.066%)
/// warns as truncated, the 99.94% beside it (21,940.96 ÷ 21,955.35 =
/// 99.934%) informs as a share forced to make the set add to 100, not an
/// error.
#[test]
fn a_justified_gap_before_a_rate_keeps_the_share_in_its_sentence() {
    let bytes = std::fs::read(real_dir().join("jiangsu-jianchayuan-2018.pdf")).expect("pdf");
    let report =
        serde_json::to_value(budget_lint::check_file(&bytes).expect("reads")).expect("json");
    let mut shares: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "N150")
        .filter(|f| f["actual"] == "0.06%" || f["actual"] == "99.94%")
        .map(|f| {
            (
                f["severity"].as_str().unwrap_or("").to_string(),
                f["actual"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    shares.sort();
    assert_eq!(
        shares,
        [
            ("info".to_string(), "99.94%".to_string()),
            ("warning".to_string(), "0.06%".to_string()),
        ]
    );
}

/// 省委办公厅's prose and tables, given together, are one disclosure, as
/// extractions and as the published PDFs (whose pages give other line
/// numbers: the pinned errors compared by their figures, S17 "增长1.66%"
/// and S19 "增长30%" checked by hand against the PDFs' own pages: 101.48 ÷
/// (6106.99 − 101.48) = 1.69%, 878.93 ÷ 3,015.16 (S18's 住房保障) =
/// 29.15%).
#[test]
fn prose_and_tables_together_are_recognised() {
    for (shape, with_lines) in [("tsv.txt", true), ("pdf", false)] {
        for year in [2017, 2018, 2019] {
            let dir = real_dir();
            let prose = dir.join(format!("jiangsu-shengweibangongting-{year}.{shape}"));
            let tables = dir.join(format!("jiangsu-shengweibangongting-{year}-tables.{shape}"));
            let out = Command::new(env!("CARGO_BIN_EXE_budget-lint"))
                .args(["check", "--together", "--format", "json"])
                .arg(&prose)
                .arg(&tables)
                .output()
                .expect("budget-lint runs");
            let report: Value = serde_json::from_slice(&out.stdout).expect("json");
            let what = format!("{year} {shape}");
            assert_eq!(report["document"]["profile"], "jiangsu12", "{what}");
            assert_eq!(report["document"]["tables_found"], 12, "{what}");
            let doc = format!("shengweibangongting-{year}");
            assert_pinned(&what, &doc, &report, with_lines);
            let code = if pinned(&doc).is_empty() { 0 } else { 1 };
            assert_eq!(out.status.code(), Some(code), "{what}");
        }
    }
}

/// The prose's habits are not errors: a truncated rate is a warning (J18
/// 776 36.58% for 2,915.22 ÷ 7,968.14 = 36.586%; J19 597 10.15% for
/// 10.158%; J17 476 2.31% for 2.315%), a share forced so that the set adds
/// to 100 an info (J19 634 基本支出 65.56% for 15,844.04 ÷ 24,169.74 =
/// 65.553%, beside 17.94% and 16.5%).
#[test]
fn truncated_rates_warn_and_forced_shares_inform() {
    let cases = [
        (
            "jiangsu-jianchayuan-2018.tsv.txt",
            "N114",
            776,
            "warning",
            "36.58%",
        ),
        (
            "jiangsu-jianchayuan-2019.tsv.txt",
            "N114",
            597,
            "warning",
            "10.15%",
        ),
        (
            "jiangsu-jianchayuan-2017.tsv.txt",
            "N114",
            476,
            "warning",
            "2.31%",
        ),
        (
            "jiangsu-jianchayuan-2019.tsv.txt",
            "N150",
            634,
            "info",
            "65.56%",
        ),
        (
            "jiangsu-jianchayuan-2018.tsv.txt",
            "N150",
            753,
            "info",
            "63.75%",
        ),
    ];
    for (name, rule, line, severity, actual) in cases {
        let report = report_json(&read(name));
        let found = report["findings"].as_array().unwrap().iter().any(|f| {
            f["rule"] == rule
                && f["line"] == line
                && f["severity"] == severity
                && f["actual"] == actual
        });
        assert!(found, "{name}: {rule} {line} {severity} {actual}");
    }
}

/// A prose total changed is found against its table (N151): J19 三
/// "基本支出15,844.04万元" (line 634) against 公开01表 基本支出.
#[test]
fn a_changed_prose_total_is_an_error() {
    let text = read("jiangsu-jianchayuan-2019.tsv.txt");
    let line = text.lines().nth(633).unwrap();
    assert!(line.contains("15,844.04"), "{line}");
    let changed = common::replace_line(&text, 634, &line.replace("15,844.04", "15,845.04"));
    let report = report_json(&changed);
    let found = error_figures(&report)
        .into_iter()
        .any(|(rule, l, actual, expected)| {
            rule == "N151" && l == 634 && actual == "15,845.04" && expected == "15,844.04"
        });
    assert!(found, "{:?}", errors(&report));
}

/// 公开12表 政府采购 adds up as it is printed (T112: 合计 = Σ 一、货物A …,
/// each = Σ its (专项, 经济科目) blocks, each = Σ its items): every figure of
/// it made larger by 1 is an error citing its line, in every document.
#[test]
fn every_changed_procurement_figure_is_an_error() {
    let mut cases = 0;
    for name in jiangsu(".tsv.txt") {
        let text = read(&name);
        let report = report_json(&text);
        let Some(t12) = report["tables"]
            .as_array()
            .and_then(|ts| ts.iter().find(|t| t["id"] == "公开12表"))
        else {
            continue;
        };
        for row in t12["rows"].as_array().unwrap() {
            let cell = &row["cells"][0];
            let Some(shown) = cell["text"].as_str() else {
                continue;
            };
            let line_no = row["line"].as_u64().unwrap() as usize;
            let line = text.lines().nth(line_no - 1).unwrap();
            let value: Decimal = cell["value"].as_str().unwrap().parse().unwrap();
            let larger = (value + Decimal::ONE).to_string();
            let at = line.rfind(shown).expect("the figure on its line");
            let changed_line = format!("{}{larger}{}", &line[..at], &line[at + shown.len()..]);
            let changed = common::replace_line(&text, line_no, &changed_line);
            let after = report_json(&changed);
            let cited = after["findings"].as_array().unwrap().iter().any(|f| {
                f["rule"] == "T112"
                    && f["severity"] == "error"
                    && f["evidence"]
                        .as_array()
                        .is_some_and(|e| e.iter().any(|e| e["line"] == line_no))
            });
            assert!(
                cited,
                "{name} line {line_no} {shown} → {larger}: {:?}",
                errors(&after)
            );
            cases += 1;
        }
    }
    assert!(cases >= 200, "only {cases} figures of 公开12表 changed");
}

/// Every figure of 公开12表 (政府采购预算表) read from single-spaced text,
/// where the text interleaves the pieces of a row's wrapped name cells
/// and the reader tells them apart only where they fit together one way
/// (`rebuild::wrapped_name`), raised by 10,000 where it is printed, must
/// give a new error citing its row: the 分级合计 (T112) runs on the rows
/// read. Generated over every Jiangsu single-spaced document in which it
/// runs; in the others a row whose name cannot be told stops it, and the
/// report says so.
#[test]
fn a_changed_procurement_figure_in_single_spaced_text_is_an_error_at_its_row() {
    /// Lines a wrapped row spans at most: its figure is printed on one.
    const ROW_LINES: usize = 9;
    let mut tried = 0;
    let mut documents = 0;
    let mut failures = Vec::new();
    for name in jiangsu(".text.txt") {
        let text = read(&name);
        let report = budget_lint::check_text(&text);
        let json = serde_json::to_value(&report).unwrap();
        let ran = json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["rule"] == "T112" && c["status"] == "ran");
        if !ran {
            continue;
        }
        documents += 1;
        let before = common::error_keys(&report);
        let procurement = table(&json, "公开12表").expect("公开12表 read");
        for row in procurement["rows"].as_array().unwrap() {
            let cell = &row["cells"][0];
            let (Some(shown), Some(value)) = (cell["text"].as_str(), cell["value"].as_str()) else {
                continue;
            };
            let line = row["line"].as_u64().unwrap() as usize;
            let Some(printed_at) =
                (line..line + ROW_LINES).find(|&no| common::holds_number(&text, no, shown))
            else {
                failures.push(format!("{name}: {shown} not near line {line}"));
                continue;
            };
            // Printed as the table prints its figures, with their decimals:
            // a figure printed otherwise is no figure of the table's.
            let raised = value.parse::<Decimal>().unwrap() + Decimal::from(10_000);
            let decimals = shown.find('.').map_or("", |dot| &shown[dot..]);
            let with = common::group_thousands(raised.trunc()) + decimals;
            let copy = common::replace_number(&text, printed_at, shown, &with, "");
            let changed = budget_lint::check_text(&copy);
            let new = common::new_errors(&changed, &before);
            if !new
                .iter()
                .any(|f| common::cites_line(f, line) || common::cites_line(f, printed_at))
            {
                failures.push(format!(
                    "{name}: {shown} → {with} at line {printed_at}: no error there"
                ));
            }
            tried += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        documents >= 4,
        "T112 ran on {documents} single-spaced documents"
    );
    assert!(tried >= 200, "only {tried} figures tried");
    eprintln!("{tried} figures tried in {documents} documents");
}

/// The section a prose finding's message names first ("第三部分 十一").
fn section_named(message: &str) -> Option<String> {
    let start = message.find("第三部分 ")?;
    let rest = &message[start..];
    let end = rest.find('「')?;
    Some(rest[..end].to_string())
}

/// Each prose error a browser's copy reports names the section the PDF
/// reading names for the same figures. Chrome's copy of 检察院 2017 joins
/// section 十一's heading to the last line of section 十 ("…未纳入统计。
/// 十一、一般公共预算“三公”经费…"): its 三公 shares are 十一's.
#[test]
fn browser_copies_name_the_sections_of_their_pdfs() {
    let fixtures = real_dir().parent().expect("tests/fixtures").to_path_buf();
    let mut compared = 0;
    for copy in ["chrome-copy", "viewer-copy"] {
        for name in jiangsu(".pdf") {
            let stem = name.trim_end_matches(".pdf");
            let path = fixtures.join(copy).join(format!("{stem}.txt"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let bytes = std::fs::read(real_dir().join(&name)).expect("pdf");
            let want =
                serde_json::to_value(budget_lint::check_file(&bytes).expect("the PDF reads"))
                    .expect("json");
            let got = report_json(&text);
            let sections = |report: &Value| -> Vec<(String, String, String, Option<String>)> {
                let text = |v: &Value| v.as_str().unwrap_or("").to_string();
                let mut v: Vec<_> = report["findings"]
                    .as_array()
                    .map(|a| a.as_slice())
                    .unwrap_or(&[])
                    .iter()
                    .filter(|f| f["severity"] == "error" && text(&f["rule"]).starts_with('N'))
                    .map(|f| {
                        (
                            text(&f["rule"]),
                            text(&f["actual"]),
                            text(&f["expected"]),
                            section_named(&text(&f["message"])),
                        )
                    })
                    .collect();
                v.sort();
                v
            };
            let (want, got) = (sections(&want), sections(&got));
            for finding in &got {
                let same_figures = want
                    .iter()
                    .filter(|w| w.0 == finding.0 && w.1 == finding.1 && w.2 == finding.2)
                    .collect::<Vec<_>>();
                if same_figures.is_empty() {
                    continue;
                }
                compared += 1;
                assert!(
                    same_figures.iter().any(|w| w.3 == finding.3),
                    "{copy}/{stem}: {finding:?} where the PDF's report has {same_figures:?}"
                );
            }
        }
    }
    assert!(compared >= 10, "only {compared} errors compared");
}
