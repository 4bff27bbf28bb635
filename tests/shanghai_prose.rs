//! The Shanghai 预算 prose (预算编制说明, 其他相关情况说明) against the
//! tables, on every Shanghai 预算 fixture as published (PDF) and as the
//! table extractors read it (`.tsv.txt`, `.md.txt`): the prose's facts are
//! read and checked (N118 figures, N119 sums and changes, N120 the 科目
//! list, and N114 each sentence's own change, as in every 情况说明), and
//! the only errors are the documents' real ones, each pinned
//! with the figures that prove it (DOMAIN-TEMPLATES.md §1 "Prose").

mod common;

use std::path::PathBuf;

use common::{replace_line, report_json};
use serde_json::Value;

const STEMS: [&str; 4] = [
    "shanghai-putuo-wanlijiedao-2023",
    "shanghai-putuo-wanlijiedao-2025",
    "shanghai-putuo-zhengfubangongshi-danwei-2025",
    "shanghai-putuo-shehuifuliyuan-danwei-2024",
];

/// (rule, `.tsv.txt` line, words of the message).
type Pinned = (&'static str, usize, &'static [&'static str]);

/// Each document's prose errors as (rule, words of the message), whatever
/// the shape (its lines differ between shapes), and the `.tsv.txt` line.
/// - W23 67: 财政拨款支出预算 +1421.25 while its sources say 一般公共预算
///   +1421.25, 政府性基金 +1421.25, 国有资本经营预算 持平: 2842.50.
/// - W23 68: 政府性基金拨款支出预算 0万元 "比2022年预算增加1421.25万元": last
///   year would be −1421.25万元.
/// - W25 110: "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）"20.00万元
///   where 表5's one 210 row of 200,000 元 is 2100717 计划生育服务 (款 21007
///   计划生育事务).
/// - FL24 61: "社会福利事业单位（项）"738.66万元; 表5 2081005 is 6,964,796 元
///   = 696.48万元.
const PROSE_ERRORS: &[(&str, &[Pinned])] = &[
    (
        "shanghai-putuo-wanlijiedao-2023",
        &[
            ("N119", 67, &["财政拨款支出预算", "1421.25", "2,842.50"]),
            (
                "N114",
                68,
                &["政府性基金拨款支出预算", "1421.25", "-1,421.25"],
            ),
        ],
    ),
    (
        "shanghai-putuo-wanlijiedao-2025",
        &[(
            "N120",
            110,
            &[
                "卫生健康支出-卫生健康支出-计划生育事务",
                "20.00",
                "2100717 计划生育服务",
            ],
        )],
    ),
    ("shanghai-putuo-zhengfubangongshi-danwei-2025", &[]),
    (
        "shanghai-putuo-shehuifuliyuan-danwei-2024",
        &[(
            "N120",
            61,
            &["社会福利事业单位", "738.66", "6,964,796元（696.48万元）"],
        )],
    ),
];

fn real(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(real(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const PROSE_RULES: [&str; 4] = ["N114", "N118", "N119", "N120"];

fn pinned(stem: &str) -> &'static [Pinned] {
    PROSE_ERRORS
        .iter()
        .find(|(s, _)| *s == stem)
        .map(|(_, e)| *e)
        .unwrap_or_else(|| panic!("{stem}: pin its prose errors"))
}

fn prose_findings<'a>(report: &'a Value, severity: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| PROSE_RULES.contains(&f["rule"].as_str().unwrap()) && f["severity"] == severity)
        .collect()
}

/// Every prose rule ran and compared something; the errors are the pinned
/// ones (at their lines when `tsv`).
fn assert_prose(report: &Value, stem: &str, what: &str, tsv: bool) {
    for rule in PROSE_RULES {
        let check = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["rule"] == rule)
            .unwrap();
        assert_eq!(check["status"], "ran", "{what} {rule}: {check}");
        assert!(
            check["comparisons"].as_u64().unwrap() > 0,
            "{what} {rule}: no sentence checked"
        );
    }
    let errors = prose_findings(report, "error");
    let want = pinned(stem);
    assert_eq!(
        errors.len(),
        want.len(),
        "{what}: {:#?}",
        errors.iter().map(|f| &f["message"]).collect::<Vec<_>>()
    );
    for (rule, line, words) in want {
        let found = errors.iter().any(|f| {
            let message = f["message"].as_str().unwrap();
            f["rule"] == *rule
                && words.iter().all(|w| message.contains(w))
                && (!tsv || f["line"].as_u64() == Some(*line as u64))
        });
        assert!(
            found,
            "{what}: {rule} at {line} with {words:?}: {errors:#?}"
        );
    }
    // Each finding cites both sides.
    for f in &errors {
        assert!(f["evidence"].as_array().unwrap().len() >= 2, "{what}: {f}");
    }
}

#[test]
fn tsv_and_md_prose_is_checked_and_only_real_errors_are_found() {
    for stem in STEMS {
        for shape in ["tsv.txt", "md.txt"] {
            let report = report_json(&fixture(&format!("{stem}.{shape}")));
            assert_prose(
                &report,
                stem,
                &format!("{stem}.{shape}"),
                shape == "tsv.txt",
            );
        }
    }
}

#[cfg(feature = "pdf")]
#[test]
fn published_pdf_prose_is_checked_and_only_real_errors_are_found() {
    for stem in STEMS {
        let bytes = std::fs::read(real(&format!("{stem}.pdf"))).unwrap();
        let report = serde_json::to_value(budget_lint::check_file(&bytes).unwrap()).unwrap();
        assert_prose(&report, stem, &format!("{stem}.pdf"), false);
    }
}

/// FL24 lists every 项 of 表5 but 2080599 其他行政事业单位养老支出 (7,020 元):
/// a warning, not an error (the list is the prose's choice).
#[test]
fn an_item_left_out_of_the_list_is_a_warning() {
    let report = report_json(&fixture(
        "shanghai-putuo-shehuifuliyuan-danwei-2024.tsv.txt",
    ));
    let warnings = prose_findings(&report, "warning");
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let message = warnings[0]["message"].as_str().unwrap();
    assert!(
        message.contains("2080599") && message.contains("0.70"),
        "{message}"
    );
}

/// One prose figure changed → an error citing its line and the table's
/// cell: W25 501 "公务接待费1.35万元" → 1.53 (表9 1.35); W25 503 机关运行经费
/// 464.64 → 446.64; GB25 90 "行政运行”科目1,202.95万元" → 1,220.95; GB25 83
/// "收入预算9,101.68万元" → 9,110.68.
#[test]
fn a_prose_figure_changed_is_an_error_at_its_line() {
    let cases = [
        (
            "shanghai-putuo-wanlijiedao-2025",
            501,
            "1.35万元",
            "1.53万元",
            "N118",
        ),
        (
            "shanghai-putuo-wanlijiedao-2025",
            503,
            "464.64万元",
            "446.64万元",
            "N118",
        ),
        (
            "shanghai-putuo-zhengfubangongshi-danwei-2025",
            90,
            "1,202.95万元",
            "1,220.95万元",
            "N120",
        ),
        (
            "shanghai-putuo-zhengfubangongshi-danwei-2025",
            83,
            "收入预算9,101.68万元",
            "收入预算9,110.68万元",
            "N118",
        ),
    ];
    for (stem, line, from, to, rule) in cases {
        let text = fixture(&format!("{stem}.tsv.txt"));
        let original = text.lines().nth(line - 1).unwrap();
        assert!(original.contains(from), "{stem} {line}: {original}");
        let changed = replace_line(&text, line, &original.replacen(from, to, 1));
        let report = report_json(&changed);
        let errors = prose_findings(&report, "error");
        let hit = errors.iter().any(|f| {
            f["rule"] == rule
                && f["line"].as_u64() == Some(line as u64)
                && f["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["role"] == "表内")
        });
        assert!(hit, "{stem} {line} {from}→{to}: {errors:#?}");
        // Besides the pinned ones, every error cites the changed figure (a
        // sum it enters may be off too).
        let new: Vec<&&Value> = errors
            .iter()
            .filter(|f| {
                !pinned(stem)
                    .iter()
                    .any(|(r, l, _)| f["rule"] == *r && f["line"].as_u64() == Some(*l as u64))
            })
            .collect();
        assert!(
            new.iter().all(|f| f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["line"].as_u64() == Some(line as u64))),
            "{stem} {line}: {new:#?}"
        );
    }
}

/// "无机关运行经费" (FL24 260) is read as nil and agrees with 表9's 0.
#[test]
fn nil_operating_costs_agree_with_a_zero_cell() {
    let text = fixture("shanghai-putuo-shehuifuliyuan-danwei-2024.tsv.txt");
    assert!(text.lines().nth(259).unwrap().contains("无机关运行经费"));
    // The table's 0 made 1.00: the sentence now contradicts it.
    let line = text.lines().nth(249).unwrap();
    assert!(line.ends_with("\t0"), "{line}");
    let changed = replace_line(&text, 250, &format!("{}1.00", &line[..line.len() - 1]));
    let report = report_json(&changed);
    let errors = prose_findings(&report, "error");
    assert!(
        errors
            .iter()
            .any(|f| f["rule"] == "N118" && f["line"] == 260),
        "{errors:#?}"
    );
}
