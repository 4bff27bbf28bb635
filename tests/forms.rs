//! 绩效目标表 on the real corpus: the known errors at their lines with both
//! figures, silence on everything else, and one changed figure at a time
//! reported at its line.

mod common;

use budget_lint::model::forms::FormValue;
use budget_lint::report::Finding;
use budget_lint::{check_text, Report, Severity};
use common::{cites_line, error_keys, new_errors};

const BUDGETS: &[&str] = &[
    "yangquan-zhaoshang-2026",
    "yangquan-shangwu-2026",
    "yangquan-caizheng-2026",
];

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn form_findings(report: &Report, severity: Severity) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with('F') && f.severity == severity)
        .collect()
}

fn evidence_values(f: &Finding) -> Vec<(usize, String)> {
    f.evidence
        .iter()
        .map(|e| {
            (
                e.line,
                e.value.clone().or(e.text.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn shangwu_overall_form_fund_is_wrong_against_table_four() {
    let report = check_text(&fixture("yangquan-shangwu-2026"));
    let errors = form_findings(&report, Severity::Error);
    let against_tables = errors
        .iter()
        .find(|f| f.rule == "F104" && f.line == 516)
        .unwrap_or_else(|| panic!("no F104 error at 516: {errors:#?}"));
    let ev = evidence_values(against_tables);
    assert!(ev.contains(&(516, "630.99".into())), "{ev:?}");
    assert!(ev.contains(&(257, "830.99".into())), "{ev:?}");

    let own_sum = errors
        .iter()
        .find(|f| f.rule == "F103" && f.line == 514)
        .unwrap_or_else(|| panic!("no F103 error at 514: {errors:#?}"));
    let ev = evidence_values(own_sum);
    for expected in [(514, "1629.62"), (515, "798.63"), (516, "630.99")] {
        assert!(ev.contains(&(expected.0, expected.1.into())), "{ev:?}");
    }
    assert_eq!(own_sum.expected.as_deref(), Some("1429.62"));
}

#[test]
fn caizheng_changed_project_name_is_an_error_and_a_dropped_character_a_warning() {
    let report = check_text(&fixture("yangquan-caizheng-2026"));
    let errors = form_findings(&report, Severity::Error);
    let changed = errors
        .iter()
        .find(|f| f.rule == "F107")
        .unwrap_or_else(|| panic!("no F107 error: {errors:#?}"));
    assert_eq!(changed.line, 574);
    assert!(cites_line(changed, 400) && cites_line(changed, 574));
    assert!(changed.message.contains("支出标准体系建设工作会议费"));
    assert!(changed.message.contains("支出标准体系建设工作经费"));

    let dropped: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.rule == "F107" && cites_line(f, 653))
        .collect();
    assert_eq!(dropped.len(), 1, "{dropped:#?}");
    assert_eq!(dropped[0].severity, Severity::Warning);
    assert!(cites_line(dropped[0], 399));
}

#[test]
fn caizheng_stale_annual_goal_year_is_a_warning() {
    let report = check_text(&fixture("yangquan-caizheng-2026"));
    let stale: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.rule == "F109")
        .collect();
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert_eq!(stale[0].line, 880);
    assert_eq!(stale[0].severity, Severity::Warning);
}

#[test]
fn no_other_form_error_on_the_corpus() {
    let known: &[(&str, &str, usize)] = &[
        ("yangquan-shangwu-2026", "F103", 514),
        ("yangquan-shangwu-2026", "F104", 516),
        ("yangquan-caizheng-2026", "F107", 574),
    ];
    for name in BUDGETS {
        let report = check_text(&fixture(name));
        let unexpected: Vec<&Finding> = form_findings(&report, Severity::Error)
            .into_iter()
            .filter(|f| !known.contains(&(name, f.rule, f.line)))
            .collect();
        assert!(unexpected.is_empty(), "{name}: {unexpected:#?}");
        let found = form_findings(&report, Severity::Error).len();
        let expected = known.iter().filter(|k| k.0 == *name).count();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn every_form_is_parsed_and_paired_with_its_project() {
    for (name, count) in BUDGETS.iter().zip([3usize, 4, 13]) {
        let report = check_text(&fixture(name));
        let forms = &report.document.forms;
        assert_eq!(forms.projects.len(), count, "{name}");
        assert!(forms.overall.is_some(), "{name}");
        for form in &forms.projects {
            assert!(form.name.is_some(), "{name} form at {}", form.title_line);
            let total = form.annual.total.as_ref().and_then(|t| t.value.amount());
            assert!(total.is_some(), "{name} form at {}", form.title_line);
            assert_eq!(
                form.annual.parts.len(),
                5,
                "{name} form at {}",
                form.title_line
            );
        }
        let amount_checks = report.checks.iter().find(|c| c.rule == "F105").unwrap();
        assert_eq!(
            amount_checks.comparisons, count,
            "{name}: every form compared"
        );
        assert!(
            !report
                .findings
                .iter()
                .any(|f| f.rule == "F106" || f.rule == "F105"),
            "{name}: every form matches its 表十二 row"
        );
    }
}

#[test]
fn wrapped_unit_and_period_are_joined() {
    let report = check_text(&fixture("yangquan-caizheng-2026"));
    let form = report
        .document
        .forms
        .projects
        .iter()
        .find(|f| f.name_text() == "财政系统业务运转保障及服务经费")
        .unwrap();
    let unit = form.unit.as_ref().unwrap();
    assert!(
        unit.text.starts_with("阳泉市财政局预算评审中心"),
        "{unit:?}"
    );
    assert_eq!(unit.line, 1097);
    assert_eq!(form.period.as_ref().unwrap().text, "99年");
}

/// Adds `delta` to a printed figure, keeping its style ("180,000" →
/// "190,000", "0.00" → "100.00").
fn bump(text: &str, delta: i64) -> String {
    let value: rust_decimal::Decimal = text.replace(',', "").parse().expect(text);
    let decimals = text.split_once('.').map(|(_, d)| d.len()).unwrap_or(0) as u32;
    let bumped = (value + rust_decimal::Decimal::from(delta)).round_dp(decimals);
    let plain = format!("{:.*}", decimals as usize, bumped);
    if !text.contains(',') {
        return plain;
    }
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain.as_str(), ""), |(i, f)| (i, f));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

/// The text with the `nth` (0 = first, usize::MAX = last) cell equal to
/// `shown` on line `line` replaced by `with`.
fn replace_cell(text: &str, line: usize, shown: &str, with: &str, last: bool) -> Option<String> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let target = lines.get_mut(line - 1)?;
    let mut cells: Vec<String> = target.split('\t').map(str::to_string).collect();
    let matching: Vec<usize> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| unit_suffix(c.trim(), shown).is_some())
        .map(|(i, _)| i)
        .collect();
    let i = if last {
        *matching.last()?
    } else {
        *matching.first()?
    };
    let suffix = unit_suffix(cells[i].trim(), shown)?.to_string();
    cells[i] = format!("{with}{suffix}");
    *target = cells.join("\t");
    Some(lines.join("\n"))
}

/// "28人" shows 28 with the unit word 人; "1,816,000" shows itself.
fn unit_suffix<'a>(cell: &'a str, shown: &str) -> Option<&'a str> {
    let rest = cell.strip_prefix(shown)?;
    ["", "人", "个"].contains(&rest).then_some(rest)
}

/// Changes `value` on a copy of `text` and asserts a new error cites its line.
fn assert_change_is_reported(
    name: &str,
    text: &str,
    before: &[(String, usize, String)],
    value: &FormValue,
    delta: i64,
    last: bool,
) {
    let shown = value.value.display();
    let changed = bump(&shown, delta);
    let copy = replace_cell(text, value.line, &shown, &changed, last)
        .unwrap_or_else(|| panic!("{name}: {shown} not a cell of line {}", value.line));
    let report = check_text(&copy);
    let new_errors = new_errors(&report, before);
    assert!(
        new_errors.iter().any(|f| cites_line(f, value.line)),
        "{name}: {} {shown} → {changed} at line {} gave no error there: {new_errors:#?}",
        value.label,
        value.line
    );
}

#[test]
fn a_changed_form_amount_is_an_error_at_its_line() {
    let mut tried = 0;
    for name in BUDGETS {
        let text = fixture(name);
        let original = check_text(&text);
        let before = error_keys(&original);
        for form in &original.document.forms.projects {
            for (block, last) in [(&form.implementation, false), (&form.annual, true)] {
                for value in block.total.iter().chain(block.parts.iter()) {
                    if value.value.amount().is_none() {
                        continue;
                    }
                    assert_change_is_reported(name, &text, &before, value, 10_000, last);
                    tried += 1;
                }
            }
        }
        if let Some(overall) = original.document.forms.overall.as_ref() {
            for value in overall
                .counts
                .iter()
                .filter(|c| c.key != "departments" && c.key != "units" && c.key != "quota")
            {
                assert_change_is_reported(name, &text, &before, value, 1, false);
                tried += 1;
            }
            for (values, last) in [(&overall.sources, false), (&overall.uses, true)] {
                for value in values {
                    if value.value.amount().is_none() {
                        continue;
                    }
                    assert_change_is_reported(name, &text, &before, value, 100, last);
                    tried += 1;
                }
            }
        }
    }
    assert!(tried > 200, "only {tried} figures tried");
}

#[test]
fn cut_or_thinned_documents_never_panic() {
    for name in BUDGETS
        .iter()
        .chain(["yangquan-shangwu-zhuanxiang-2022"].iter())
    {
        let text = fixture(name);
        let lines: Vec<&str> = text.split('\n').collect();
        // Cut anywhere (a form losing its signature, a table its end) …
        for cut in (0..lines.len()).step_by(41) {
            let report = check_text(&lines[..cut].join("\n"));
            assert!(report.document.forms.projects.len() <= 13);
        }
        // … or with every seventh line gone (labels without values).
        let thinned: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 7 != 3)
            .map(|(_, l)| *l)
            .collect();
        check_text(&thinned.join("\n"));
    }
}

#[test]
fn form_warnings_on_the_corpus_are_the_reviewers_ones() {
    let expected: &[(&str, &str, usize)] = &[
        // 表十二 "预算绩效管理工作会议费", its form "…工作会议": a dropped 费.
        ("yangquan-caizheng-2026", "F107", 653),
        // The 2026 form's annual goal opens "2025年，通过政府购买服务…".
        ("yangquan-caizheng-2026", "F109", 880),
        // "双碳目标" listed under 生态效益 with no 指标值.
        ("yangquan-caizheng-2026", "F108", 1038),
    ];
    for name in BUDGETS {
        let report = check_text(&fixture(name));
        let mut found: Vec<(&str, usize)> = form_findings(&report, Severity::Warning)
            .iter()
            .map(|f| (f.rule, f.line))
            .collect();
        found.sort();
        let mut want: Vec<(&str, usize)> = expected
            .iter()
            .filter(|e| e.0 == *name)
            .map(|e| (e.1, e.2))
            .collect();
        want.sort();
        assert_eq!(found, want, "{name}");
    }
}

#[test]
fn a_missing_form_and_a_stray_form_are_reported() {
    let text = fixture("yangquan-caizheng-2026");
    let lines: Vec<&str> = text.split('\n').collect();
    // Without the 物业费 form (lines 935-964), 表十二 line 398 has no form.
    let without: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !(934..964).contains(i))
        .map(|(_, l)| *l)
        .collect();
    let report = check_text(&without.join("\n"));
    let missing: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.rule == "F106")
        .collect();
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(missing[0].severity, Severity::Warning);
    assert_eq!(missing[0].line, 398);

    // A form whose project is not in 表十二 at all.
    let renamed = text.replacen("\t\t物业费\t", "\t\t公务用车购置费\t", 1);
    let report = check_text(&renamed);
    let stray: Vec<(Severity, usize)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "F106")
        .map(|f| (f.severity, f.line))
        .collect();
    assert!(stray.contains(&(Severity::Error, 939)), "{stray:?}");
    assert!(stray.contains(&(Severity::Warning, 398)), "{stray:?}");
}
