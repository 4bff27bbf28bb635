//! The wasm API in headless Chromium (`wasm-pack test --headless --chrome`):
//! the same checks as under node (tests/wasm_node.rs, included below), run
//! in the browser engine the page uses, plus what only a page relies on.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "wasm_node.rs"]
mod same_as_node;

/// The Worker posts the report to the page with structured clone, and the
/// page exports it as JSON: both need a plain, JSON-able object graph.
#[wasm_bindgen_test]
fn the_report_survives_json_round_trip_in_the_browser() {
    let text = include_str!("fixtures/yangquan-caizheng-2026.txt");
    let report = budget_lint::front::wasm::validate(text, None).expect("report");
    let json = js_sys::JSON::stringify(&report)
        .expect("stringify")
        .as_string()
        .expect("string");
    let back = js_sys::JSON::parse(&json).expect("parse");
    let tables = js_sys::Reflect::get(&back, &"tables".into()).expect("tables");
    assert_eq!(js_sys::Array::from(&tables).length(), 13);
    assert!(json.contains("\"severity\":\"info\""));
}
