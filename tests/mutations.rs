//! Generated mutations of the corpus documents: every table figure changed
//! in turn, every 科目 / 表六 / project row dropped in turn, every 科目名称
//! renamed in turn, 表一 and 表四 cut short after every possible row. Each
//! copy must give an error from a table (T…) or structure (S…) rule, and a
//! changed figure must be cited together with a line it disagrees with.
//!
//! The cases are derived from the fixtures by the independent scanner of
//! `common`, not hand-picked; only cells the engine reads as part of a
//! checked row (a row of the baseline report on that line holding that
//! figure) are mutated, and the test asserts that this covers nearly all of
//! the printed figures.

mod common;

use common::*;
use rust_decimal::Decimal;
use serde_json::Value;

/// One generated copy of a document and what must be found in it.
struct Case {
    what: String,
    text: String,
    expect: Expect,
}

enum Expect {
    /// A T/S error whose evidence cites `line` and another line.
    FigureCited { line: usize },
    /// A T/S error whose evidence cites `line` (the identity may lie
    /// within the row: a figure put into an empty table's 合计 row).
    FigureNamed { line: usize },
    /// Some T/S error.
    AnyError,
    /// An S105 error citing `line` and one of `others`.
    NameMismatch { line: usize, others: Vec<usize> },
    /// An S102 error located at `table`.
    Truncated { table: &'static str },
    /// An S101 error located at `table`.
    Missing { table: &'static str },
}

/// Runs the cases on two threads and returns the failures.
fn run(cases: Vec<Case>) -> Vec<String> {
    judge_on_two_threads(&cases, |case| {
        // Only the findings are judged: serialising the tables too
        // would double the cost of a case in a debug build.
        let findings = budget_lint::check_text(&case.text).findings;
        let report = serde_json::json!({
            "findings": serde_json::to_value(&findings).expect("findings serialise")
        });
        verdict(&report, &case.expect)
            .err()
            .map(|why| format!("{}: {why}", case.what))
    })
}

fn verdict(report: &Value, expect: &Expect) -> Result<(), String> {
    let errors: Vec<&Value> = findings_of(report, &["T", "S"])
        .into_iter()
        .filter(|f| severity(f) == "error")
        .collect();
    let listing = || {
        let all: Vec<String> = findings_of(report, &["T", "S"])
            .into_iter()
            .map(brief)
            .collect();
        if all.is_empty() {
            "no T/S finding at all".to_string()
        } else {
            all.join(" | ")
        }
    };
    // Every comparison error shows both sides: at least two figures
    // (but a group with no item rows has nothing on the other side).
    let one_sided = errors.iter().find(|f| {
        f["rule"].as_str().is_some_and(|r| r.starts_with('T'))
            && evidence_lines(f).len() < 2
            && !f["message"]
                .as_str()
                .is_some_and(|m| m.contains("没有明细行"))
    });
    if let Some(f) = one_sided {
        return Err(format!("one-sided evidence: {}", brief(f)));
    }
    let ok = match expect {
        Expect::AnyError => !errors.is_empty(),
        Expect::FigureCited { line } => errors.iter().any(|f| {
            let lines = evidence_lines(f);
            lines.contains(line) && lines.iter().any(|l| l != line)
        }),
        Expect::FigureNamed { line } => errors.iter().any(|f| evidence_lines(f).contains(line)),
        Expect::NameMismatch { line, others } => errors.iter().any(|f| {
            let lines = evidence_lines(f);
            f["rule"] == "S105" && lines.contains(line) && others.iter().any(|o| lines.contains(o))
        }),
        Expect::Truncated { table } => errors
            .iter()
            .any(|f| f["rule"] == "S102" && f["location"].as_str() == Some(table)),
        Expect::Missing { table } => errors
            .iter()
            .any(|f| f["rule"] == "S101" && f["location"].as_str() == Some(table)),
    };
    if ok {
        Ok(())
    } else {
        Err(listing())
    }
}

fn assert_all(kind: &str, n_cases: usize, failures: Vec<String>) {
    eprintln!(
        "{kind}: {n_cases} generated cases, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{kind}: {} of {n_cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Whether the baseline report reads `value` on `line` of table `id` as a
/// figure of a recognised row.
fn read_as_figure(report: &Value, id: &str, line: usize, value: Decimal) -> bool {
    let Some(t) = table(report, id) else {
        return false;
    };
    rows_on_line(t, line).iter().any(|r| {
        r["kind"] != "other"
            && r["cells"]
                .as_array()
                .is_some_and(|cells| cells.iter().any(|c| cell_amount(c) == Some(value)))
    })
}

/// Every printed figure of every table, changed by ±1.00 in turn.
fn figure_cases(doc: &str) -> (Vec<Case>, usize) {
    let text = fixture(doc);
    let baseline = report_json(&text);
    let mut cases = Vec::new();
    let mut printed = 0;
    let mut n = 0usize;
    for t in scan_tables(&text) {
        for row in &t.rows {
            let label = squash(row.cell(0));
            // The column-number row "1 2 3 …" is not a figure.
            if label == "1" {
                continue;
            }
            for (i, cell) in row.cells.iter().enumerate() {
                if i == 0 && is_code(cell) {
                    continue;
                }
                let Some(value) = amount(cell) else { continue };
                printed += 1;
                if !read_as_figure(&baseline, t.id, row.line, value) {
                    continue;
                }
                n += 1;
                let delta = if n.is_multiple_of(2) || value < Decimal::ONE {
                    Decimal::new(100, 2)
                } else {
                    Decimal::new(-100, 2)
                };
                let mut cells = row.cells.clone();
                cells[i] = (value + delta).to_string();
                cases.push(Case {
                    what: format!(
                        "{doc} {} line {} cell {i} {cell} → {}",
                        t.id, row.line, cells[i]
                    ),
                    text: replace_line(&text, row.line, &cells.join("\t")),
                    expect: Expect::FigureCited { line: row.line },
                });
            }
        }
    }
    (cases, printed)
}

#[test]
fn every_changed_figure_gives_an_error_citing_it_and_what_it_disagrees_with() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let (c, printed) = figure_cases(doc);
        // The engine must read (nearly) every printed figure of the tables;
        // what it skips is not checked, so this keeps the test honest.
        assert!(
            c.len() * 100 >= printed * 95,
            "{doc}: only {} of {printed} printed figures are read as figures of recognised rows",
            c.len()
        );
        assert!(c.len() > 150, "{doc}: only {} figure cases", c.len());
        cases.extend(c);
    }
    let n = cases.len();
    assert_all("changed figures", n, run(cases));
}

/// The figure rows of 表六, 合计 first.
fn table_six_rows(t: &RawTable) -> Vec<&RawRow> {
    t.rows
        .iter()
        .filter(|r| amount(r.cell(2)).is_some())
        .collect()
}

/// An item row (with a 政府预算支出经济科目) that is the only item of its group.
fn is_sole_item(rows: &[&RawRow], i: usize) -> bool {
    let is_item = |j: usize| rows.get(j).is_some_and(|r| !r.cell(1).is_empty());
    is_item(i) && !is_item(i - 1) && !is_item(i + 1)
}

/// Where a row's first figure column sits in the printed line: after the
/// label columns of its table and side (表一/表四 print income and expense
/// side by side on one line).
fn first_figure_column(id: &str, side: &str) -> Option<usize> {
    match (id, side) {
        ("表一" | "表四", "income") => Some(1),
        ("表一" | "表四", "expense") => Some(3),
        ("表二" | "表三" | "表五" | "表六" | "表七" | "表八", "single") => Some(2),
        ("表十" | "表十一" | "表十二" | "表十三", "single") => Some(1),
        _ => None,
    }
}

/// Every `stride`-th blank cell (from `phase`) of the recognised rows,
/// filled with 1.00.
fn blank_cases(doc: &str, stride: usize, phase: usize) -> Vec<Case> {
    let text = fixture(doc);
    let baseline = report_json(&text);
    let mut cases = Vec::new();
    let mut seen = 0usize;
    for t in baseline["tables"].as_array().expect("tables") {
        let id = t["id"].as_str().unwrap_or("");
        for row in t["rows"].as_array().expect("rows") {
            let (Some(line), Some(side)) = (row["line"].as_u64(), row["side"].as_str()) else {
                continue;
            };
            let line = line as usize;
            let Some(first) = first_figure_column(id, side) else {
                continue;
            };
            let cells = row["cells"].as_array().expect("cells");
            for (k, cell) in cells.iter().enumerate() {
                if cell["kind"] != "blank" {
                    continue;
                }
                seen += 1;
                if seen % stride != phase {
                    continue;
                }
                let mut raw: Vec<String> = line_of(&text, line)
                    .split('\t')
                    .map(str::to_string)
                    .collect();
                let at = first + k;
                if raw.len() <= at {
                    raw.resize(at + 1, String::new());
                }
                assert!(
                    raw[at].trim().is_empty(),
                    "{doc} {id} line {line}: report blank at printed column {at} holds {:?}",
                    raw[at]
                );
                raw[at] = "1.00".to_string();
                cases.push(Case {
                    what: format!("{doc} {id} line {line} {side} column {at} blank → 1.00"),
                    text: replace_line(&text, line, &raw.join("\t")),
                    expect: if id == "表八" || id == "表七" {
                        Expect::FigureNamed { line }
                    } else {
                        Expect::FigureCited { line }
                    },
                });
            }
        }
    }
    cases
}

/// A third of the blank cells (about 470 of 1 420), to stay within the
/// time budget of a debug run; the stride's phase differs by document so
/// that together they cover every kind of row.
#[test]
fn blank_cells_given_a_figure_give_an_error_citing_them() {
    let mut cases = Vec::new();
    for (phase, doc) in DOCS_2026.iter().enumerate() {
        let c = blank_cases(doc, 3, phase);
        assert!(c.len() > 100, "{doc}: only {} blank cells", c.len());
        cases.extend(c);
    }
    let n = cases.len();
    assert_all("filled blanks", n, run(cases));
}

/// Lines of code rows of 表二/三/五, of 表六 rows (but the 合计 and the
/// only item of a group, see below) and of 表十二 project rows.
fn droppable_rows(doc: &str) -> Vec<(&'static str, usize)> {
    let text = fixture(doc);
    let mut out = Vec::new();
    for t in scan_tables(&text) {
        match t.id {
            "表二" | "表三" | "表五" => out.extend(
                t.rows
                    .iter()
                    .filter(|r| is_code(r.cell(0)))
                    .map(|r| (t.id, r.line)),
            ),
            "表六" => {
                let rows = table_six_rows(&t);
                out.extend(
                    (1..rows.len())
                        .filter(|&i| !is_sole_item(&rows, i))
                        .map(|i| (t.id, rows[i].line)),
                );
            }
            "表十二" => {
                let rows = project_rows(&t);
                let kinds = project_kinds(&rows);
                out.extend(
                    rows.iter()
                        .zip(kinds)
                        .filter(|(_, k)| *k == "tree_project")
                        .map(|(r, _)| (t.id, r.line)),
                );
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_dropped_row_gives_an_error() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let rows = droppable_rows(doc);
        assert!(rows.len() > 60, "{doc}: only {} droppable rows", rows.len());
        for (id, line) in rows {
            cases.push(Case {
                what: format!(
                    "{doc} {id} line {line} dropped ({:?})",
                    line_of(&text, line)
                ),
                text: drop_line(&text, line),
                expect: Expect::AnyError,
            });
        }
    }
    let n = cases.len();
    assert_all("dropped rows", n, run(cases));
}

#[test]
fn every_renamed_code_gives_a_code_name_error_citing_both_lines() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let tables = scan_tables(&text);
        let baseline = report_json(&text);
        let code_rows: Vec<(&'static str, &RawRow)> = tables
            .iter()
            .filter(|t| matches!(t.id, "表二" | "表三" | "表五"))
            .flat_map(|t| {
                t.rows
                    .iter()
                    .filter(|r| is_code(r.cell(0)))
                    .map(move |r| (t.id, r))
            })
            .collect();
        for (id, row) in &code_rows {
            let code = row.cell(0);
            // Every other place the baseline report gives this code (表一
            // and 表四 name the 类 codes too).
            let others: Vec<usize> = baseline["tables"]
                .as_array()
                .expect("tables")
                .iter()
                .filter(|t| t["id"] != *id)
                .flat_map(|t| t["rows"].as_array().expect("rows"))
                .filter(|r| r["code"].as_str() == Some(code))
                .filter_map(|r| r["line"].as_u64().map(|l| l as usize))
                .collect();
            if others.is_empty() {
                continue;
            }
            let mut cells = row.cells.clone();
            cells[1] = format!("{}调整", row.cell(1));
            cases.push(Case {
                what: format!("{doc} {id} line {} {code} renamed {:?}", row.line, cells[1]),
                text: replace_line(&text, row.line, &cells.join("\t")),
                expect: Expect::NameMismatch {
                    line: row.line,
                    others,
                },
            });
        }
    }
    let n = cases.len();
    assert!(n > 150, "only {n} rename cases");
    assert_all("renamed codes", n, run(cases));
}

#[test]
fn tables_one_and_four_cut_after_any_row_are_reported_truncated() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let tables = scan_tables(&text);
        for id in ["表一", "表四"] {
            let pos = tables.iter().position(|t| t.id == id).expect("scanned");
            let t = &tables[pos];
            let next_title = tables[pos + 1].title_line;
            // Data rows: after the header lines (those without a figure or
            // an ordinal label before the first figure row).
            let first = t
                .rows
                .iter()
                .position(|r| r.cells.iter().any(|c| amount(c).is_some()))
                .expect("figures");
            let data = &t.rows[first..];
            for (keep, first_cut) in data.iter().enumerate() {
                let cut_from = first_cut.line;
                let kept: String = text
                    .split_inclusive('\n')
                    .enumerate()
                    .filter(|(i, _)| {
                        let no = i + 1;
                        no < cut_from || no >= next_title
                    })
                    .map(|(_, l)| l)
                    .collect();
                cases.push(Case {
                    what: format!("{doc} {id} cut after {keep} data rows (line {cut_from})"),
                    text: kept,
                    expect: Expect::Truncated { table: id },
                });
            }
        }
    }
    let n = cases.len();
    assert_all("truncated tables", n, run(cases));
}

/// The spec: "group rows = Σ their item rows". A group whose only item is
/// dropped keeps its figure with nothing under it (the case of a group row
/// printed last in 表六, which the engine once let through).
#[test]
fn dropping_the_only_item_of_a_table_six_group_gives_an_error() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        for t in scan_tables(&text).iter().filter(|t| t.id == "表六") {
            let rows = table_six_rows(t);
            for i in (1..rows.len()).filter(|&i| is_sole_item(&rows, i)) {
                let line = rows[i].line;
                cases.push(Case {
                    what: format!(
                        "{doc} 表六 line {line} dropped ({:?})",
                        line_of(&text, line)
                    ),
                    text: drop_line(&text, line),
                    expect: Expect::AnyError,
                });
            }
        }
    }
    let n = cases.len();
    assert!(n > 0, "no group with a single item in the corpus");
    assert_all("dropped sole items of 表六 groups", n, run(cases));
}

#[test]
fn every_duplicated_row_gives_an_error() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        for (id, line) in droppable_rows(doc) {
            let copy = line_of(&text, line).to_string();
            let doubled = format!("{copy}\n{copy}");
            cases.push(Case {
                what: format!("{doc} {id} line {line} duplicated ({copy:?})"),
                text: replace_line(&text, line, &doubled),
                expect: Expect::AnyError,
            });
        }
    }
    let n = cases.len();
    assert_all("duplicated rows", n, run(cases));
}

/// The 合计 row of a table with code, economic or unit rows, dropped.
#[test]
fn a_table_without_its_total_row_is_reported_truncated() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        for t in scan_tables(&text) {
            let total = match t.id {
                "表二" | "表三" | "表五" | "表六" => "合计",
                "表十一" => "部门合计",
                _ => continue,
            };
            let row = t
                .rows
                .iter()
                .find(|r| r.cell(0) == total)
                .expect("total row");
            cases.push(Case {
                what: format!("{doc} {} line {} ({total}) dropped", t.id, row.line),
                text: drop_line(&text, row.line),
                expect: Expect::Truncated { table: t.id },
            });
        }
    }
    let n = cases.len();
    assert_all("dropped total rows", n, run(cases));
}

/// A whole table (title to the next title) deleted: S101 names it.
#[test]
fn every_deleted_table_is_reported_missing() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let tables = scan_tables(&text);
        let end_of_tables = text
            .lines()
            .position(|l| l.starts_with("第三部分") && !l.contains('\t'))
            .map(|i| i + 1)
            .expect("第三部分");
        for (k, t) in tables.iter().enumerate() {
            let from = t.title_line;
            let to = tables
                .get(k + 1)
                .map(|n| n.title_line)
                .unwrap_or(end_of_tables);
            let kept: String = text
                .split_inclusive('\n')
                .enumerate()
                .filter(|(i, _)| !(from..to).contains(&(i + 1)))
                .map(|(_, l)| l)
                .collect();
            cases.push(Case {
                what: format!("{doc} {} deleted (lines {from}..{to})", t.id),
                text: kept,
                expect: Expect::Missing { table: t.id },
            });
        }
    }
    let n = cases.len();
    assert_all("deleted tables", n, run(cases));
}

/// A 项 code of one table changed to a code no table has (the row keeps
/// its figures and its place): the code no longer matches the other
/// tables' rows, so some cross-table identity must break.
#[test]
fn every_recoded_item_gives_an_error() {
    let mut cases = Vec::new();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let tables = scan_tables(&text);
        let all_codes: Vec<String> = tables
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r.cell(0).to_string()))
            .filter(|c| is_code(c))
            .collect();
        for t in tables
            .iter()
            .filter(|t| matches!(t.id, "表二" | "表三" | "表五"))
        {
            for row in t
                .rows
                .iter()
                .filter(|r| r.cell(0).len() == 7 && is_code(r.cell(0)))
            {
                let code = row.cell(0);
                let Some(new) = (1..100)
                    .map(|k| {
                        format!(
                            "{}{:02}",
                            &code[..5],
                            (code[5..].parse::<u32>().unwrap_or(0) + k) % 100
                        )
                    })
                    .find(|c| !all_codes.contains(c))
                else {
                    continue;
                };
                let mut cells = row.cells.clone();
                cells[0] = new.clone();
                cases.push(Case {
                    what: format!("{doc} {} line {} {code} → {new}", t.id, row.line),
                    text: replace_line(&text, row.line, &cells.join("\t")),
                    expect: Expect::AnyError,
                });
            }
        }
    }
    let n = cases.len();
    assert!(n > 60, "only {n} recoded items");
    assert_all("recoded items", n, run(cases));
}

/// Cut cases for the tables with a total row and parts below it: the text
/// up to (not including) data row `keep`, then the next table on. Cuts
/// that keep only total rows (no part under them) are in `only_total`,
/// every `stride`-th of the rest in `longer`.
fn cut_cases(stride: usize) -> (Vec<Case>, Vec<Case>) {
    let (mut only_total, mut longer) = (Vec::new(), Vec::new());
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let tables = scan_tables(&text);
        for (k, t) in tables.iter().enumerate() {
            if !matches!(
                t.id,
                "表二" | "表三" | "表五" | "表六" | "表十一" | "表十二"
            ) {
                continue;
            }
            let next_title = tables
                .get(k + 1)
                .map(|n| n.title_line)
                .unwrap_or(usize::MAX);
            let data: Vec<&RawRow> = t
                .rows
                .iter()
                .filter(|r| {
                    squash(r.cell(0)) != "1" && r.cells.iter().skip(1).any(|c| amount(c).is_some())
                })
                .collect();
            // 表十二: rows kept before the first project are all totals.
            let first_leaf = if t.id == "表十二" {
                let kinds = project_kinds(&data);
                kinds.iter().position(|k| *k == "tree_project").unwrap_or(1)
            } else {
                1
            };
            for (keep, first_cut) in data.iter().enumerate().skip(1) {
                let cut_from = first_cut.line;
                let case = Case {
                    what: format!(
                        "{doc} {} cut after {keep} data rows (line {cut_from})",
                        t.id
                    ),
                    text: text
                        .split_inclusive('\n')
                        .enumerate()
                        .filter(|(i, _)| i + 1 < cut_from || i + 1 >= next_title)
                        .map(|(_, l)| l)
                        .collect(),
                    expect: Expect::AnyError,
                };
                if keep <= first_leaf {
                    only_total.push(case);
                } else if keep % stride == 0 {
                    longer.push(case);
                }
            }
        }
    }
    (only_total, longer)
}

/// 表二/三/五/六/十一/十二 cut after every other data row.
#[test]
fn tables_cut_short_give_an_error() {
    let (_, cases) = cut_cases(2);
    let n = cases.len();
    assert!(n > 100, "only {n} cut cases");
    assert_all("tables cut short", n, run(cases));
}

/// A table cut right after its total row: 表六 合计 with no group under
/// it, 表十一 部门合计 with no unit, 表十二 department row with no project.
/// The spec's "total = Σ parts" holds no longer (Σ of nothing is 0), but
/// the sum rules skip a total without parts and S102 only counts rows.
#[test]
fn tables_cut_after_their_total_row_give_an_error() {
    let (cases, _) = cut_cases(2);
    let n = cases.len();
    assert_all("tables cut after the total row", n, run(cases));
}
