//! The committed JSON Schema (schema/report.schema.json) is the contract
//! for portals that consume reports: it must be the one the code generates,
//! and real reports of every corpus document must validate against it.

#![cfg(feature = "schema")]

use std::path::Path;

const FIXTURES: [&str; 4] = [
    "yangquan-zhaoshang-2026.txt",
    "yangquan-shangwu-2026.txt",
    "yangquan-caizheng-2026.txt",
    "yangquan-shangwu-zhuanxiang-2022.txt",
];

fn committed_schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    let text = std::fs::read_to_string(&path).expect("schema/report.schema.json is committed");
    serde_json::from_str(&text).expect("the committed schema is JSON")
}

#[test]
fn committed_schema_is_current() {
    assert_eq!(
        committed_schema(),
        budget_lint::report::json_schema(),
        "schema/report.schema.json is stale: run `cargo run -q -- schema > schema/report.schema.json`"
    );
}

#[test]
fn corpus_reports_validate_against_the_schema() {
    let validator = jsonschema::validator_for(&committed_schema()).expect("the schema compiles");
    for name in FIXTURES {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
        )
        .unwrap();
        let report = serde_json::to_value(budget_lint::check_text(&text)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_a_malformed_report() {
    let validator = jsonschema::validator_for(&committed_schema()).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(FIXTURES[0]),
    )
    .unwrap();
    let mut report = serde_json::to_value(budget_lint::check_text(&text)).unwrap();
    report["findings"] = serde_json::json!([{ "rule": "T101", "severity": "fatal" }]);
    assert!(
        !validator.is_valid(&report),
        "a finding with an unknown severity and no message must not validate"
    );
}
