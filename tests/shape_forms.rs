//! Every 绩效 form a shape reader reads must be the form of the TAB
//! original, field by field. The shape tests (`shapes.rs`) allow a form to
//! be left unread (F111, P106) where its rows cannot be told with
//! certainty, and then only check that no finding is added; this one
//! checks what *is* read, so that a form misread with a finding-free
//! outcome (a value under the wrong label that happens to add up) cannot
//! pass. A 整体 form read in part (`partial`: its 年度预算情况 alone) must
//! hold that part as the original has it, and nothing else. Cases are
//! generated over every rendering in `tests/fixtures/shapes/`.

mod common;

use serde_json::Value;

/// The text leaves of a form, path = value, without the input lines
/// (which depend on the shape) and with whitespace squashed (a wrapped
/// cell is joined without its line breaks).
fn leaves(form: &Value) -> Vec<String> {
    fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "line" || k.ends_with("_line") || k == "lines" {
                        continue;
                    }
                    walk(v, &format!("{path}.{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), out);
                }
            }
            Value::String(s) => out.push(format!("{path} = {}", common::squash(s))),
            other => out.push(format!("{path} = {other}")),
        }
    }
    let mut out = Vec::new();
    walk(form, "", &mut out);
    out
}

/// Every form of a report, named by what tells it apart: a 项目支出 form
/// by its project's name, the 整体支出 form as "overall", a 专项资金
/// project's form by its project's name.
fn forms(report: &Value) -> Vec<(String, &Value)> {
    let doc = &report["document"];
    let mut out = Vec::new();
    if !doc["forms"]["overall"].is_null() {
        out.push(("overall".to_string(), &doc["forms"]["overall"]));
    }
    for form in doc["forms"]["projects"].as_array().into_iter().flatten() {
        let name = form["name"]["text"].as_str().unwrap_or("");
        out.push((format!("project {}", common::squash(name)), form));
    }
    let classes = doc["special"]["classes"].as_array().into_iter().flatten();
    for project in classes.flat_map(|c| c["projects"].as_array().into_iter().flatten()) {
        if !project["form"].is_null() {
            let name = project["name"].as_str().unwrap_or("");
            out.push((
                format!("special {}", common::squash(name)),
                &project["form"],
            ));
        }
    }
    out
}

#[test]
fn every_form_read_from_a_shape_is_its_original() {
    let mut failures = Vec::new();
    let mut read = 0;
    let mut partial = 0;
    for (name, path) in common::fixture_files("shapes", "") {
        let Some((stem, _)) = name.split_once('.').filter(|_| name != "README.md") else {
            continue;
        };
        let tab = common::report_json(&common::fixture(stem));
        let bytes = std::fs::read(&path).expect("rendering");
        let Ok(report) = budget_lint::check_bytes(&bytes) else {
            continue;
        };
        let other = serde_json::to_value(report).expect("report serialises");
        let originals = forms(&tab);
        for (key, form) in forms(&other) {
            let Some((_, original)) = originals.iter().find(|(k, _)| *k == key) else {
                failures.push(format!("{name}: {key}: no such form in the original"));
                continue;
            };
            read += 1;
            let (mut want, mut got) = (leaves(original), leaves(form));
            if form["partial"] == Value::Bool(true) {
                partial += 1;
                // The block's own arithmetic (F103) finds what it finds
                // in the original.
                let sums = |r: &Value| {
                    let mut m: Vec<String> = common::findings_of(r, &["F103"])
                        .iter()
                        .map(|f| f["message"].as_str().unwrap_or("").to_string())
                        .collect();
                    m.sort();
                    m
                };
                if sums(&tab) != sums(&other) {
                    failures.push(format!(
                        "{name}: {key}: F103 {:?}, the original {:?}",
                        sums(&other),
                        sums(&tab)
                    ));
                }
                let budget =
                    |leaf: &String| leaf.starts_with(".sources") || leaf.starts_with(".uses");
                want.retain(budget);
                got.retain(budget);
                let others = ["name", "counts", "indicators"];
                let filled = others.iter().filter(|k| {
                    !form[**k].is_null() && form[**k].as_array().is_none_or(|a| !a.is_empty())
                });
                for k in filled {
                    failures.push(format!(
                        "{name}: {key}: read in part, yet its {k} is filled"
                    ));
                }
            }
            let differences: Vec<String> = want
                .iter()
                .zip(&got)
                .filter(|(w, g)| w != g)
                .take(3)
                .map(|(w, g)| format!("read {g}, the original {w}"))
                .collect();
            if !differences.is_empty() || want.len() != got.len() {
                failures.push(format!(
                    "{name}: {key}: {} fields, the original {}\n    {}",
                    got.len(),
                    want.len(),
                    differences.join("\n    ")
                ));
            }
        }
    }
    assert!(read > 50, "only {read} forms read over the renderings");
    assert!(partial >= 8, "only {partial} 整体 forms read in part");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
