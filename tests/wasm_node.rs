//! The wasm API under node (`wasm-pack test --node`): the real engine,
//! compiled to wasm, on a real corpus document, seen as JS sees it.
#![cfg(target_arch = "wasm32")]

use budget_lint::front::wasm::{findings_csv, html_text, rules, validate, version};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const ZHAOSHANG: &str = include_str!("fixtures/yangquan-zhaoshang-2026.txt");
const ZHAOSHANG_HTML: &str = include_str!("fixtures/shapes/yangquan-zhaoshang-2026.html");
const ZHUANXIANG: &str = include_str!("fixtures/yangquan-shangwu-zhuanxiang-2022.txt");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

fn array(value: &JsValue, key: &str) -> Array {
    get(value, key)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("{key} is not an array"))
}

#[wasm_bindgen_test]
fn validate_rebuilds_the_thirteen_tables_as_plain_objects() {
    let report = validate(ZHAOSHANG, None).expect("report");
    // json_compatible(): objects, not Maps.
    assert!(report.is_object() && report.dyn_ref::<js_sys::Map>().is_none());
    let tables = array(&report, "tables");
    assert_eq!(tables.length(), 13);
    let ids: Vec<String> = tables
        .iter()
        .map(|t| get(&t, "id").as_string().expect("table id"))
        .collect();
    assert_eq!(ids.first().map(String::as_str), Some("表一"));
    assert_eq!(ids.last().map(String::as_str), Some("表十三"));
    let document = get(&report, "document");
    assert_eq!(
        get(&document, "department").as_string().as_deref(),
        Some("阳泉市招商中心")
    );
    assert_eq!(get(&document, "year").as_f64(), Some(2026.0));
}

#[wasm_bindgen_test]
fn validate_reports_findings_with_lines_and_decimal_strings() {
    let report = validate(ZHAOSHANG, None).expect("report");
    let findings = array(&report, "findings");
    assert!(
        findings.length() > 0,
        "the document's rounding tails are findings"
    );
    for f in findings.iter() {
        let severity = get(&f, "severity").as_string().expect("severity");
        assert!(["error", "warning", "info"].contains(&severity.as_str()));
        assert!(get(&f, "line").as_f64().is_some_and(|l| l >= 1.0));
        assert!(get(&f, "message")
            .as_string()
            .is_some_and(|m| !m.is_empty()));
        assert!(array(&f, "evidence").length() > 0);
    }
    // The summary counts agree with the list.
    let summary = get(&report, "summary");
    let counted = ["errors", "warnings", "infos"]
        .iter()
        .map(|k| get(&summary, k).as_f64().expect("count"))
        .sum::<f64>();
    assert_eq!(counted, f64::from(findings.length()));
    // Amounts stay decimal strings, never floats.
    let first_cell = array(
        &array(&array(&report, "tables").get(2), "rows").get(0),
        "cells",
    )
    .get(0);
    assert!(get(&first_cell, "value").is_string());
}

#[wasm_bindgen_test]
fn validate_can_leave_the_tables_out_and_rejects_unknown_options() {
    let options = Object::new();
    Reflect::set(&options, &"tables".into(), &JsValue::FALSE).expect("set");
    let report = validate(ZHAOSHANG, Some(options.into())).expect("report");
    assert_eq!(array(&report, "tables").length(), 0);
    assert!(array(&report, "findings").length() > 0);

    let bad = Object::new();
    Reflect::set(&bad, &"tabels".into(), &JsValue::FALSE).expect("set");
    assert!(validate(ZHAOSHANG, Some(bad.into())).is_err());
    assert!(validate(ZHAOSHANG, Some(JsValue::from_f64(1.0))).is_err());
    let wrong_type = Object::new();
    Reflect::set(&wrong_type, &"tables".into(), &JsValue::from_str("no")).expect("set");
    assert!(validate(ZHAOSHANG, Some(wrong_type.into())).is_err());
    assert!(validate(ZHAOSHANG, Some(JsValue::NULL)).is_ok());
    assert!(validate(ZHAOSHANG, Some(JsValue::UNDEFINED)).is_ok());
}

#[wasm_bindgen_test]
fn any_text_gives_a_report() {
    for text in [
        "",
        "<script>alert(1)</script>",
        "表三\n合计\t1\t2\t3\n\u{0}\u{FFFF}",
    ] {
        let report = validate(text, None).expect("report");
        assert!(get(&report, "summary").is_object());
    }
}

#[wasm_bindgen_test]
fn rules_and_version_describe_the_engine() {
    let catalogue = rules().expect("catalogue");
    let catalogue = catalogue.dyn_into::<Array>().expect("array");
    assert!(catalogue.length() > 0);
    let ids: Vec<String> = catalogue
        .iter()
        .map(|rule| get(&rule, "id").as_string().expect("id"))
        .collect();
    let native: Vec<&str> = budget_lint::rules::index().iter().map(|r| r.id).collect();
    assert_eq!(ids, native, "every rule, in catalogue order");
    for rule in catalogue.iter() {
        for key in ["name", "title", "category", "category_label"] {
            assert!(
                get(&rule, key).as_string().is_some_and(|v| !v.is_empty()),
                "{key}"
            );
        }
        // The docs ship beside the wasm (rules.js), not in it.
        assert!(get(&rule, "docs").is_undefined());
    }
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// How the text was obtained (`pdf`, `pages`, `tablesOnly`): findings cite
/// each line's page, a workbook's text gets the table checks only, and the
/// CSV made with the same options is made from the same report.
#[wasm_bindgen_test]
fn validate_checks_a_text_as_the_file_it_came_from() {
    let lines = ZHAOSHANG.lines().count();
    // Line n on page n / 40 + 1, as a PDF's lines would be.
    let pages: Vec<u32> = (0..lines as u32).map(|i| i / 40 + 1).collect();
    let options = Object::new();
    Reflect::set(&options, &"pdf".into(), &JsValue::TRUE).expect("set");
    Reflect::set(
        &options,
        &"pages".into(),
        &js_sys::Uint32Array::from(&pages[..]),
    )
    .expect("set");
    let report = validate(ZHAOSHANG, Some(options.clone().into())).expect("report");
    let findings = array(&report, "findings");
    assert!(findings.length() > 0);
    for f in findings.iter() {
        let line = get(&f, "line").as_f64().expect("line") as u32;
        assert_eq!(
            get(&f, "page").as_f64(),
            Some(f64::from((line - 1) / 40 + 1))
        );
    }
    let csv = findings_csv(ZHAOSHANG, "a.pdf", Some(options.into())).expect("csv");
    assert!(csv.contains("页 第"), "the CSV cites the pages too");

    let workbook = Object::new();
    Reflect::set(&workbook, &"tablesOnly".into(), &JsValue::TRUE).expect("set");
    let report = validate(ZHAOSHANG, Some(workbook.into())).expect("report");
    assert_eq!(get(&get(&report, "document"), "tables_only"), JsValue::TRUE);
    let bad_pages = Object::new();
    Reflect::set(
        &bad_pages,
        &"pages".into(),
        &Array::of1(&JsValue::from_f64(1.0)),
    )
    .expect("set");
    assert!(
        validate(ZHAOSHANG, Some(bad_pages.into())).is_err(),
        "pages must be a Uint32Array"
    );
}

#[wasm_bindgen_test]
fn findings_csv_has_one_row_per_finding_of_the_report() {
    let report = validate(ZHAOSHANG, None).expect("report");
    let findings = array(&report, "findings");
    let csv = findings_csv(ZHAOSHANG, "招商中心.txt", None).expect("csv");
    assert!(csv.starts_with("\u{feff}文件,序号,严重程度,规则"));
    let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(rows.len() as u32, findings.length() + 1, "{csv}");
    for (i, f) in findings.iter().enumerate() {
        let rule = get(&f, "rule").as_string().expect("rule");
        let row = rows[i + 1];
        assert!(
            row.starts_with(&format!("招商中心.txt,{},", i + 1)),
            "{row}"
        );
        assert!(row.contains(&format!(",{rule},")), "{row}");
    }
}

/// The Excel module's export (www/pkg-xlsx is built with `web-xlsx`; run
/// with `--features web-xlsx`): a zip whose workbook names the findings
/// sheet and one sheet per rebuilt table.
#[cfg(feature = "web-xlsx")]
#[wasm_bindgen_test]
fn xlsx_is_a_workbook_with_the_findings_and_table_sheets() {
    let bytes =
        budget_lint::front::wasm::xlsx(ZHAOSHANG, None).unwrap_or_else(|_| panic!("xlsx failed"));
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip");
    // Entry names are stored uncompressed in the zip headers.
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("xl/workbook.xml"));
    assert!(
        has("xl/worksheets/sheet15.xml"),
        "问题清单, 检查情况 and 13 tables"
    );
    assert!(!has("xl/worksheets/sheet16.xml"));
}

fn summary_flag(report: &JsValue) -> Option<bool> {
    get(&get(report, "summary"), "recognised").as_bool()
}

fn findings_of_rule(report: &JsValue, rule: &str) -> Vec<JsValue> {
    array(report, "findings")
        .iter()
        .filter(|f| get(f, "rule").as_string().as_deref() == Some(rule))
        .collect()
}

/// A text that is no disclosure, and the document with its tables' lines
/// taken out (titles found, no row read), say so: summary.recognised is
/// false and S107 says why; the corpus documents, the 专项资金 one included,
/// are recognised.
#[wasm_bindgen_test]
fn validate_says_when_nothing_could_be_checked() {
    let no_rows: String = ZHAOSHANG
        .lines()
        .filter(|l| !l.contains('\t') && !l.contains("本表无数据"))
        .map(|l| format!("{l}\n"))
        .collect();
    for text in ["会议纪要\n今天讨论了明年的工作安排。\n", no_rows.as_str()] {
        let report = validate(text, None).expect("report");
        assert_eq!(summary_flag(&report), Some(false));
        let s107 = findings_of_rule(&report, "S107");
        assert_eq!(s107.len(), 1);
        let message = get(&s107[0], "message").as_string().unwrap_or_default();
        assert!(message.starts_with("未识别，未做任何检查"), "{message}");
    }
    for text in [ZHAOSHANG, ZHUANXIANG] {
        let report = validate(text, None).expect("report");
        assert_eq!(summary_flag(&report), Some(true));
        assert!(findings_of_rule(&report, "S107").is_empty());
    }
}

/// The page's HTML door: a web page's tables come back as TAB lines whose
/// report has the TAB original's 13 tables and findings (by rule and
/// severity).
#[wasm_bindgen_test]
fn html_text_reads_a_web_page_as_the_tab_text() {
    let text = html_text(ZHAOSHANG_HTML);
    assert!(!text.contains("<p") && !text.contains("<td"), "no markup");
    let from_html = validate(&text, None).expect("report");
    let original = validate(ZHAOSHANG, None).expect("report");
    assert_eq!(array(&from_html, "tables").length(), 13);
    let keys = |r: &JsValue| -> Vec<(String, String)> {
        array(r, "findings")
            .iter()
            .map(|f| {
                let s = |k| get(&f, k).as_string().unwrap_or_default();
                // Messages may cite line numbers, which differ.
                (s("rule"), s("severity"))
            })
            .collect()
    };
    assert_eq!(keys(&from_html), keys(&original));
    assert_eq!(
        html_text("<table><tr><td colspan=2>收入</td><td>支出</td></tr></table>"),
        "收入\t\t支出\n"
    );
}

/// The office module's reader (www/pkg-office is built with `web-office`;
/// `office` is a default feature, so the wasm tests have it): a workbook
/// read in wasm gives the text it read and the report of its tables, and
/// an old binary .doc is refused.
#[cfg(feature = "office")]
#[wasm_bindgen_test]
fn check_file_reads_a_workbook_and_says_only_tables_were_given() {
    const XLSX: &[u8] = include_bytes!("fixtures/shapes/yangquan-zhaoshang-2026.xlsx");
    let result = budget_lint::front::wasm::check_file(XLSX, None)
        .unwrap_or_else(|_| panic!("check_file failed"));
    assert_eq!(get(&result, "kind").as_string().as_deref(), Some("xlsx"));
    assert_eq!(get(&result, "tables_only").as_bool(), Some(true));
    assert!(get(&result, "text")
        .as_string()
        .is_some_and(|t| t.contains("2026年预算收支总表")));
    let report = get(&result, "report");
    assert_eq!(array(&report, "tables").length(), 13);
    assert_eq!(
        get(&get(&report, "document"), "tables_only").as_bool(),
        Some(true)
    );
    let legacy = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
    assert!(budget_lint::front::wasm::check_file(&legacy, None).is_err());
    // In the browser a PDF's text comes from pdf.js: this module says where
    // to send it rather than that it cannot read it.
    let error = budget_lint::front::wasm::check_file(b"%PDF-1.7\n%%EOF\n", None)
        .err()
        .map(JsValue::from)
        .expect("a PDF is not read here");
    let message = get(&error, "message").as_string().unwrap_or_default();
    assert!(message.contains("validateFile"), "{message}");
}
