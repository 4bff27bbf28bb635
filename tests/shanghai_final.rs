//! The Shanghai 部门决算's 情况说明 (一…十一, found by title) against its
//! tables, on the one published 决算 (普陀区财政局 2024, read from its
//! PDF; its table extraction and single-spaced text set the prose's
//! figures apart on lines of their own, which the lines stage puts back,
//! and give the same errors: tests/real_shapes.rs). The totals the sections restate (N151), their shares (N150),
//! their changes (N114) and each 决算 against its 年初预算 (N152) are checked; the only errors are the document's
//! real ones, pinned with the figures that prove them
//! (DOMAIN-TEMPLATES.md §2 "Prose"); a figure changed in the prose is
//! found.

mod common;

use std::path::PathBuf;

use budget_lint::read::Extracted;
use budget_lint::Source;
use serde_json::Value;

fn extracted() -> Extracted {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real/shanghai-putuo-caizhengju-juesuan-2024.pdf");
    let bytes = std::fs::read(path).expect("the 决算 PDF is a fixture");
    budget_lint::read::read(&bytes).expect("the PDF reads")
}

fn report(extracted: &Extracted, text: &str) -> Value {
    let report = budget_lint::check_source(text, &Source::of(extracted));
    serde_json::to_value(&report).expect("json")
}

fn ran(report: &Value, rule: &str) -> u64 {
    let check = report["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule} is in the report"));
    assert_eq!(check["status"], "ran", "{rule}: {check}");
    check["comparisons"].as_u64().unwrap_or(0)
}

/// The line of the text that holds `needle` (1-based).
fn line_of(text: &str, needle: &str) -> u64 {
    let at = text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} is in the text"));
    at as u64 + 1
}

/// - 四 "财政拨款收入支出总计0.3万元…持平": 表四 总计 is 2,961.68 (and 五
///   says 一般公共预算财政拨款支出 fell by 63.14万元, so not 持平 either).
/// - 五 "一般公共服务支出（类）2106.66万元，占71.73%": 2106.66 ÷ 2940.05 =
///   71.654%, printed 71.65% elsewhere in the template; the shares add to
///   100.07.
#[test]
fn the_final_accounts_prose_errors_are_the_documents_real_ones() {
    let extracted = extracted();
    let text = &extracted.text;
    let report = report(&extracted, text);
    assert_eq!(report["document"]["profile"], "shanghai-final");
    assert_eq!(
        common::errors_cited(&report, &[""]),
        [
            (
                "N150".to_string(),
                line_of(text, "一般公共服务支出（类）2106.66万元，占71.73%"),
                vec!["2106.66".into(), "2940.05".into(), "71.73".into()],
            ),
            (
                "N151".to_string(),
                line_of(text, "财政拨款收入支出总计0.3万元"),
                vec!["0.3".into(), "2,961.68".into()],
            ),
        ]
    );
    // Each section's totals, shares and changes were read and compared.
    assert!(ran(&report, "N151") >= 10);
    assert!(ran(&report, "N150") >= 6);
    assert!(ran(&report, "N114") >= 3);
    // Every 决算 against its 年初预算: rates and wording.
    assert!(ran(&report, "N152") >= 10);
}

#[test]
fn a_figure_changed_in_the_final_accounts_prose_is_found() {
    let extracted = extracted();
    let text = &extracted.text;
    // 一: the 收支总计 restates 表一 总计 (2,995.39).
    let changed = text.replacen("收入支出总计2995.39万元", "收入支出总计2995.49万元", 1);
    let found = common::errors_cited(&report(&extracted, &changed), &[""]);
    let line = line_of(text, "收入支出总计2995.39万元");
    assert!(
        found.iter().any(|(rule, l, values)| rule == "N151"
            && *l == line
            && values.contains(&"2995.49".to_string())),
        "{found:?}"
    );
    // 五: a share no longer what its figures give.
    let changed = text.replacen("326.72万元，占11.11%", "326.72万元，占11.31%", 1);
    let found = common::errors_cited(&report(&extracted, &changed), &[""]);
    assert!(
        found
            .iter()
            .any(|(rule, _, values)| rule == "N150" && values.contains(&"11.31".to_string())),
        "{found:?}"
    );
    // 五: a completion rate, and the wording of a 决算 below its budget.
    let changed = text.replacen("完成年初预算的98.20%", "完成年初预算的98.02%", 1);
    let found = common::errors_cited(&report(&extracted, &changed), &[""]);
    assert!(
        found
            .iter()
            .any(|(rule, _, values)| rule == "N152" && values.contains(&"98.02".to_string())),
        "{found:?}"
    );
    let at = text
        .find("支出决算为1511.89万元")
        .expect("the 行政运行 item");
    let changed = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen("决算数小于预算数", "决算数大于预算数", 1)
    );
    let found = common::errors_cited(&report(&extracted, &changed), &[""]);
    assert!(
        found.iter().any(|(rule, _, values)| rule == "N152"
            && values.contains(&"1511.89".to_string())
            && values.contains(&"1560.05".to_string())),
        "{found:?}"
    );
    // 四 corrected to its table: that error goes, nothing else changes.
    let corrected = text.replacen("收入支出总计0.3万元", "收入支出总计2961.68万元", 1);
    let found = common::errors_cited(&report(&extracted, &corrected), &[""]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "N150");
}

/// 六 "人员经费2152.26万元，主要包括：…退休费、个人农业生产补贴": 表六's
/// 30305 个人农业生产补贴 prints no 决算数 (and 30309 奖励金 0.31, which
/// the list leaves out, is allowed by "主要包括"). The one item warning is
/// that; every other listed name is an item of its block with a figure.
#[test]
fn a_listed_item_without_a_figure_in_the_basic_expense_table_is_a_warning() {
    let extracted = extracted();
    let text = &extracted.text;
    let checked = report(&extracted, text);
    let warnings: Vec<&Value> = checked["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "N116")
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let f = warnings[0];
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["actual"], "个人农业生产补贴");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("表六人员经费决算数列没有金额"),
        "{message}"
    );
    // 10 人员经费 and 13 公用经费 names were looked up.
    assert!(ran(&checked, "N116") >= 23);
    // A name the table does not have, put in the list, is found too.
    let changed = text.replacen("、办公设备购置", "、办公设备购置费", 1);
    let found = report(&extracted, &changed);
    assert!(
        found["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "N116"
                && f["actual"] == "办公设备购置费"
                && f["message"].as_str().unwrap().contains("「办公设备购置」")),
        "{found}"
    );
}
