//! 专项资金信息公开 (the 2022 corpus document): every project read with its
//! amount, totals reconciled, no error, the one name difference reported,
//! and one changed figure at a time reported at its line.

mod common;

use budget_lint::model::DocKind;
use budget_lint::report::Finding;
use budget_lint::{check_text, Severity};
use common::{cites_line, error_keys, group_thousands, new_errors, replace_number};
use rust_decimal::Decimal;

const NAME: &str = "yangquan-shangwu-zhuanxiang-2022";

fn fixture() -> String {
    let path = format!("{}/tests/fixtures/{NAME}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn every_project_is_read_with_its_amount_and_form() {
    let report = check_text(&fixture());
    assert_eq!(report.document.info.kind, DocKind::SpecialFunds);
    let special = &report.document.special;
    let opening = special.opening.as_ref().expect("opening sentence");
    assert_eq!(opening.line, 5);
    assert_eq!(opening.total.as_ref().unwrap().amount.value, dec("631.81"));

    let classes: Vec<(&str, usize, Decimal)> = special
        .classes
        .iter()
        .map(|c| {
            let sum = c
                .projects
                .iter()
                .map(|p| p.approved.as_ref().expect(&p.name).amount.value)
                .sum();
            (c.name.as_str(), c.projects.len(), sum)
        })
        .collect();
    assert_eq!(
        classes,
        vec![
            ("特定目标类", 6, dec("622.31")),
            ("其他运转类", 3, dec("9.5")),
        ]
    );
    let projects: Vec<_> = special.projects().collect();
    assert_eq!(projects.len(), 9);
    for p in &projects {
        let form = p
            .form
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no form", p.name));
        let yuan = form.annual.total.as_ref().and_then(|t| t.value.amount());
        let wan = p.approved.as_ref().unwrap().amount.value;
        assert_eq!(
            yuan.unwrap().value,
            wan * Decimal::from(10_000),
            "{}",
            p.name
        );
        assert!(p.source.is_some(), "{}", p.name);
    }
    // The sentence the PDF broke over lines 74-76.
    let second = projects[1];
    assert_eq!(second.name, "内贸流通统计监测工作经费");
    assert_eq!(second.approved.as_ref().unwrap().line, 76);
    assert_eq!(second.source.as_deref(), Some("一般公共预算财政拨款"));
}

#[test]
fn no_error_and_the_one_name_difference_is_a_warning() {
    let report = check_text(&fixture());
    let errors: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let p: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with('P'))
        .collect();
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].rule, "P104");
    assert_eq!(p[0].severity, Severity::Warning);
    assert!(cites_line(p[0], 333) && cites_line(p[0], 351));
    assert!(p[0].message.contains("工作"));
    for rule in ["P101", "P102", "P103", "P104", "P105"] {
        let check = report.checks.iter().find(|c| c.rule == rule).unwrap();
        assert!(check.comparisons > 0, "{rule} compared nothing");
    }
}

fn assert_reported(
    text: &str,
    before: &[(String, usize, String)],
    line: usize,
    shown: &str,
    with: &str,
    after: &str,
) {
    let copy = replace_number(text, line, shown, with, after);
    let report = check_text(&copy);
    let new = new_errors(&report, before);
    assert!(
        new.iter().any(|f| cites_line(f, line)),
        "{shown} → {with} at line {line}: no error there: {new:#?}"
    );
}

#[test]
fn a_changed_figure_is_an_error_at_its_line() {
    let text = fixture();
    let original = check_text(&text);
    let before = error_keys(&original);
    let special = &original.document.special;
    let mut tried = 0;

    let opening = special.opening.as_ref().unwrap();
    let total = opening.total.as_ref().unwrap();
    assert_reported(&text, &before, total.line, &total.text, "641.81", "共计");
    tried += 1;
    for class in &opening.classes {
        let amount = class.amount.as_ref().unwrap();
        let bumped = (amount.amount.value + Decimal::from(10)).to_string();
        assert_reported(
            &text,
            &before,
            amount.line,
            &amount.text,
            &bumped,
            &class.name,
        );
        let count = class.count.unwrap().to_string();
        let more = (class.count.unwrap() + 1).to_string();
        assert_reported(&text, &before, amount.line, &count, &more, &class.name);
        tried += 2;
    }
    for project in special.projects() {
        let approved = project.approved.as_ref().unwrap();
        let bumped = (approved.amount.value + Decimal::from(10)).to_string();
        let raw = text.split('\n').nth(approved.line - 1).unwrap();
        let after = ["批复该项目预算", "项目预算", "预算"]
            .into_iter()
            .find(|a| raw.contains(a))
            .unwrap_or("");
        assert_reported(
            &text,
            &before,
            approved.line,
            &approved.text,
            &bumped,
            after,
        );
        tried += 1;
        let form = project.form.as_ref().unwrap();
        for value in form.annual.total.iter().chain(form.annual.parts.iter()) {
            let Some(amount) = value.value.amount() else {
                continue;
            };
            let shown = value.value.display();
            let bumped = amount.value + Decimal::from(10_000);
            let with = if shown.contains(',') {
                group_thousands(bumped)
            } else {
                bumped.to_string()
            };
            assert_reported(&text, &before, value.line, &shown, &with, "");
            tried += 1;
        }
    }
    assert!(tried >= 30, "only {tried} figures tried");
}
