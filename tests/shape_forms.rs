//! Every 绩效 form a shape reader reads must be the form of the TAB
//! original, field by field. The shape tests (`shapes.rs`) allow a form to
//! be left unread (F111, P106) where its rows cannot be told with
//! certainty, and then only check that no finding is added; this one
//! checks what *is* read, so that a form misread with a finding-free
//! outcome (a value under the wrong label that happens to add up) cannot
//! pass. A form read in part (`partial`: a 整体 form's 年度预算情况 and
//! head counts, a project form's name and 项目资金 — Shanghai's block, or a 13-table
//! form's blocks wrapped around their figures) must hold that part as the
//! original has it, and nothing else; and each fund figure read, changed,
//! must be an error at its row. Cases are generated over every
//! rendering in `tests/fixtures/shapes/` (the original: the TAB text) and
//! `tests/fixtures/real/` (the original: the PDF).

mod common;

use budget_lint::model::forms::FormValue;
use budget_lint::report::Finding;
use rust_decimal::Decimal;
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

/// How many forms were compared, and how many of them read in part.
#[derive(Default)]
struct Tally {
    read: usize,
    partial_overall: usize,
    partial_project: usize,
    /// Of the 整体 forms read in part, those whose head counts were read.
    counts_in_part: usize,
    /// Of the project forms read in part, those whose 项目资金 were read.
    funds_in_part: usize,
    /// Project forms read whole.
    whole_project: usize,
}

/// The messages of `rules`' findings in a report (sorted; they cite no
/// line).
fn messages(report: &Value, rules: &[&str]) -> Vec<String> {
    let mut m: Vec<String> = common::findings_of(report, rules)
        .iter()
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .collect();
    m.sort();
    m
}

/// Where `rule` could not run, as the report's checks say: all of it
/// (`could_not_run`), or for some forms while it ran on the others.
fn reasons(report: &Value, rule: &str) -> Vec<String> {
    report["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["rule"] == rule)
        .flat_map(|c| c["reasons"].as_array().into_iter().flatten())
        .filter_map(|r| r.as_str().map(str::to_string))
        .collect()
}

/// Compares every form `other` (the report of rendering `name`) read with
/// the same form of `reference`, the part read of a form read in part.
fn compare_forms(
    name: &str,
    reference: &Value,
    other: &Value,
    tally: &mut Tally,
    failures: &mut Vec<String>,
) {
    let originals = forms(reference);
    for (key, form) in forms(other) {
        let Some((_, original)) = originals.iter().find(|(k, _)| *k == key) else {
            failures.push(format!("{name}: {key}: no such form in the original"));
            continue;
        };
        tally.read += 1;
        let (mut want, mut got) = (leaves(original), leaves(form));
        let partial = form["partial"] == Value::Bool(true);
        tally.whole_project += usize::from(!partial && key != "overall");
        if partial {
            // A 整体 form's 年度预算情况 and head counts (`form_budget`,
            // `form_counts`), a project form's name and 项目资金
            // (`form_funds`): that part as the original has it, the rest
            // empty, and the part's own arithmetic (F103, F110, F101)
            // finding what it finds in the original.
            let (part, sums, rest): (&[&str], &[&str], &[&str]) = if key == "overall" {
                tally.partial_overall += 1;
                // 年度预算情况 (`form_budget`), the head counts
                // (`form_counts`), or both.
                let filled = |k: &str| form[k].as_array().is_some_and(|a| !a.is_empty());
                let (budget, counts) = (filled("sources"), filled("counts"));
                tally.counts_in_part += usize::from(counts);
                match (budget, counts) {
                    (true, true) => (
                        &[".sources", ".uses", ".counts"],
                        &["F103", "F110"],
                        &["name", "indicators"],
                    ),
                    (true, false) => (
                        &[".sources", ".uses"],
                        &["F103"],
                        &["name", "counts", "indicators"],
                    ),
                    (false, _) => (
                        &[".counts"],
                        &["F110"],
                        &["name", "sources", "uses", "indicators"],
                    ),
                }
            } else {
                tally.partial_project += 1;
                // Its indicators and goals were not read: the checks that
                // read them say so rather than pass it over.
                let project = form["name"]["text"].as_str().unwrap_or("");
                // (A 专项资金 document's 申报表 are checked by the P rules.)
                let project_rules: &[&str] = if key.starts_with("project ") {
                    &["F108", "F109"]
                } else {
                    &[]
                };
                for rule in project_rules {
                    let said = reasons(other, rule)
                        .iter()
                        .any(|r| r.contains(&format!("「{project}」只读入了项目名称")));
                    if !said {
                        failures.push(format!(
                            "{name}: {key}: {rule} does not say it could not run"
                        ));
                    }
                }
                // Its funds only when they could be told.
                let funds_read = !form["annual"]["total"].is_null();
                tally.funds_in_part += usize::from(funds_read);
                let part: &[&str] = if funds_read {
                    &[".name", ".implementation", ".annual"]
                } else {
                    &[".name"]
                };
                let sums: &[&str] = if funds_read { &["F101"] } else { &[] };
                (part, sums, &["goals", "indicators", "department", "unit"])
            };
            for sums in sums
                .iter()
                .filter(|r| messages(reference, &[r]) != messages(other, &[r]))
            {
                failures.push(format!(
                    "{name}: {key}: {sums} {:?}, the original {:?}",
                    messages(other, &[sums]),
                    messages(reference, &[sums])
                ));
            }
            let in_part = |leaf: &String| part.iter().any(|p| leaf.starts_with(p));
            want.retain(in_part);
            got.retain(in_part);
            let filled = rest.iter().filter(|k| {
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

#[test]
fn every_form_read_from_a_shape_is_its_original() {
    let mut failures = Vec::new();
    let mut tally = Tally::default();
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
        compare_forms(&name, &tab, &other, &mut tally, &mut failures);
    }
    assert!(
        tally.read > 50,
        "only {} forms read over the renderings",
        tally.read
    );
    assert!(
        tally.partial_overall >= 8,
        "only {} 整体 forms read in part",
        tally.partial_overall
    );
    // The 整体 forms laid out by spaces and single-spaced, and one cell a
    // line where each label comes right before its count: their head
    // counts all the same (`rebuild::form_counts`).
    assert!(
        tally.counts_in_part >= 7,
        "only {} 整体 forms' head counts read without their grid",
        tally.counts_in_part
    );
    // The project forms laid out by spaces and single-spaced whose grid is
    // not read: their 项目资金 all the same (`rebuild::form_wrapped_funds`).
    assert!(
        tally.funds_in_part >= 34,
        "only {} project forms' 项目资金 read without their grid",
        tally.funds_in_part
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same over the real documents of the other templates
/// (`tests/fixtures/real/`): every form a text rendering reads is the one
/// their PDF gives — Shanghai's 财政项目支出绩效目标填报表, which no text
/// rendering gives one row a line, read whole when laid out by spaces,
/// else in part (its name and 项目资金).
#[test]
fn every_form_read_from_a_real_document_s_text_is_its_pdf_s() {
    let mut failures = Vec::new();
    let mut tally = Tally::default();
    for (stem, pdf) in common::fixture_files("real", ".pdf") {
        let bytes = std::fs::read(&pdf).expect("pdf");
        let reference =
            serde_json::to_value(budget_lint::check_file(&bytes).expect("the pdf reads"))
                .expect("report serialises");
        for suffix in [".layout.txt", ".text.txt", ".raw.txt"] {
            let path = pdf.with_file_name(format!("{stem}{suffix}"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let other = serde_json::to_value(budget_lint::check_file(&bytes).expect("reads"))
                .expect("report serialises");
            compare_forms(
                &format!("{stem}{suffix}"),
                &reference,
                &other,
                &mut tally,
                &mut failures,
            );
        }
    }
    // 万里街道 2023's five forms: whole in its layout text
    // (`rebuild::form_centred`), in part single-spaced.
    assert!(
        tally.whole_project >= 5,
        "only {} project forms read whole",
        tally.whole_project
    );
    assert!(
        tally.partial_project >= 5,
        "only {} project forms read in part",
        tally.partial_project
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Text copied out of a browser's PDF viewer (`tests/fixtures/chrome-copy`,
/// Chrome's PDFium; `tests/fixtures/viewer-copy`, Firefox's pdf.js), which
/// gives each cell whole, one after another, in the order the PDF draws
/// them: every form read is the original's (the TAB text of a 13-table
/// document, the PDF of a real one), and every project form gives at
/// least its name — the 主管部门 row's label wrapped alone over two lines,
/// or beside the code alone, tells the order (`rebuild::form_funds`) —
/// and most their 项目资金 (a figure on a line of its own after its
/// label's last piece, `rebuild::form_wrapped_funds`; Shanghai's block
/// ended by 项目绩效目标 set upright, one piece a line). Before, 38 of the
/// 68 project forms of these copies were left wholly unread and 13 gave
/// their 项目资金 (now 58), and with them two real F107 findings of the
/// 财政局 document and a real F101 of 万里街道 2023 were lost in each copy.
#[test]
fn every_form_read_from_a_browser_copy_is_its_original() {
    let mut failures = Vec::new();
    let mut tally = Tally::default();
    let mut projects = 0;
    for folder in ["chrome-copy", "viewer-copy"] {
        for (stem, path) in common::fixture_files(folder, ".txt") {
            let tab = common::fixture_path(&stem);
            let reference = if tab.exists() {
                common::report_json(&common::fixture(&stem))
            } else {
                let pdf = common::fixture_path(&format!("real/{stem}")).with_extension("pdf");
                let Ok(bytes) = std::fs::read(&pdf) else {
                    continue;
                };
                serde_json::to_value(budget_lint::check_file(&bytes).expect("the pdf reads"))
                    .expect("report serialises")
            };
            let bytes = std::fs::read(&path).expect("copy");
            let other = serde_json::to_value(budget_lint::check_file(&bytes).expect("reads"))
                .expect("report serialises");
            projects += forms(&reference)
                .iter()
                .filter(|(k, _)| k != "overall")
                .count();
            compare_forms(
                &format!("{folder}/{stem}"),
                &reference,
                &other,
                &mut tally,
                &mut failures,
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{}",
        failures.join(
            "
"
        )
    );
    // All but the two 2022 申报表 of each copy whose name is wrapped above
    // a 主管部门 row that holds its 实施单位 too: a centred layout could
    // have begun that row above its label (P106 says they are unread).
    let read = tally.partial_project + tally.whole_project;
    assert!(
        read + 4 >= projects,
        "only {read} of the {projects} project forms read, in part or whole"
    );
    assert!(
        tally.funds_in_part >= 58,
        "only {} project forms' 项目资金 read",
        tally.funds_in_part
    );
    eprintln!(
        "{read} project forms read, {} with their 项目资金",
        tally.funds_in_part
    );
}

/// Most lines a form's row is printed on below the line it is cited at.
const ROW_LINES: usize = 6;

/// Every figure of a project form's 项目资金 that a text rendering reads
/// (`tests/fixtures/shapes/*.txt`: from the form's grid, or without it
/// from the fund blocks alone, `rebuild::form_wrapped_funds`), changed
/// alone by 10,000 元, is an error at its row: the block's sum (F101,
/// P105) or its agreement with 表十二 (F105) or the prose (P102) no
/// longer holds. A figure read into the wrong block or under the wrong
/// source would break another identity than the one it stands in.
#[test]
fn a_changed_fund_figure_of_a_form_read_from_text_is_an_error_at_its_row() {
    let mut tried = 0;
    let mut failures = Vec::new();
    // Text renderings, and copies out of browsers' PDF viewers.
    let files = ["shapes", "chrome-copy", "viewer-copy"]
        .into_iter()
        .flat_map(|folder| common::fixture_files(folder, ".txt"));
    for (name, path) in files {
        let text = std::fs::read_to_string(&path).expect("rendering");
        let report = budget_lint::check_text(&text);
        let before = common::error_keys(&report);
        let doc = &report.document;
        let special = doc.special.projects().filter_map(|p| p.form.as_ref());
        for form in doc.forms.projects.iter().chain(special) {
            let blocks = [&form.implementation, &form.annual];
            let values = blocks
                .into_iter()
                .flat_map(|block| block.total.iter().chain(&block.parts));
            for value in values {
                let with = |a: Decimal| common::group_thousands(a + Decimal::from(10_000));
                if let Some(outcome) = change_figure(&text, &before, value, with, |_| true) {
                    tried += 1;
                    if let Err(e) = outcome {
                        failures.push(format!("{name}: {e}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(tried >= 860, "only {tried} fund figures tried");
    eprintln!("{tried} fund figures tried");
}

/// Every head count of 部门基本信息 that F110 adds up (实际在职人员总数 =
/// 在编人员数 + 其他人员数), read from a text rendering
/// (`tests/fixtures/shapes/*.txt`: from the form's grid, or without it,
/// `rebuild::form_counts`), changed alone by one, is an F110 error at its
/// row: a count read under the wrong label would leave the sum whole or
/// break it at another row.
#[test]
fn a_changed_head_count_of_a_form_read_from_text_is_an_error_at_its_row() {
    let mut tried = 0;
    let mut failures = Vec::new();
    for (name, path) in common::fixture_files("shapes", ".txt") {
        let text = std::fs::read_to_string(&path).expect("rendering");
        let report = budget_lint::check_text(&text);
        let before = common::error_keys(&report);
        let Some(form) = report.document.forms.overall.as_ref() else {
            continue;
        };
        let summed = ["staff", "on_quota", "others"];
        for value in form.counts.iter().filter(|c| summed.contains(&c.key)) {
            let with = |a: Decimal| (a + Decimal::ONE).to_string();
            if let Some(outcome) = change_figure(&text, &before, value, with, |f| f.rule == "F110")
            {
                tried += 1;
                if let Err(e) = outcome {
                    failures.push(format!("{name}: {} {e}", value.label));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Three counts of each of the 14 renderings whose 整体 form is read,
    // whole or in part (all but caizheng's and shangwu's one cell a line).
    assert!(tried >= 3 * 14, "only {tried} head counts tried");
    eprintln!("{tried} head counts tried");
}

/// Changes the figure of `value` (a form's, read from `text`, whose
/// report's errors were `before`) where it is printed — on its row's line
/// or one of the [`ROW_LINES`] below — to `with` its amount, and checks
/// the text again: Ok when a new error that `counts` accepts cites that
/// line or the row's. None when the value holds no figure.
fn change_figure(
    text: &str,
    before: &[(String, usize, String)],
    value: &FormValue,
    with: impl Fn(Decimal) -> String,
    counts: impl Fn(&Finding) -> bool,
) -> Option<Result<(), String>> {
    let amount = value.value.amount()?;
    let shown = value.value.display();
    let Some(printed_at) =
        (value.line..value.line + ROW_LINES).find(|&no| common::holds_number(text, no, &shown))
    else {
        return Some(Err(format!("{shown} not near line {}", value.line)));
    };
    let with = with(amount.value);
    let copy = common::replace_number(text, printed_at, &shown, &with, "");
    let changed = budget_lint::check_text(&copy);
    let at_row = common::new_errors(&changed, before).iter().any(|f| {
        counts(f) && (common::cites_line(f, value.line) || common::cites_line(f, printed_at))
    });
    Some(if at_row {
        Ok(())
    } else {
        Err(format!(
            "{shown} → {with} at line {printed_at}: no error there"
        ))
    })
}
