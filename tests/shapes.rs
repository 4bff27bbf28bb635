//! Every rendering of the corpus documents in `tests/fixtures/shapes/`
//! (copied from `shared/corpus/shapes/`: the same text laid out as
//! `pdftotext -layout`, `pdftotext`, pdfplumber and table extractors give
//! it) must give the report of its TAB original: the same tables, every
//! row with the same values, and the same errors and warnings. Cases are
//! generated from the folder, so a rendering added there is tested
//! without new code.

mod common;

use std::path::PathBuf;

use common::compare::{compare, Allowance};
use serde_json::Value;

/// The renderings of the folder with this suffix (".layout.txt"), as
/// (document stem, path).
fn renderings(suffix: &str) -> Vec<(String, PathBuf)> {
    common::fixture_files("shapes", suffix)
}

fn json(report: budget_lint::Report) -> Value {
    serde_json::to_value(report).expect("report serialises")
}

/// Checks every rendering with `suffix` against its TAB original; where
/// rows may be left unplaced, at least 90% of each rendering's are placed.
fn check_shape(suffix: &str, allow: Allowance) {
    check_shape_placing(suffix, allow, 0.9);
}

/// `check_shape`, each rendering placing at least `min_placed` of its
/// rows where they may be left unplaced; returns (rows placed, rows).
fn check_shape_placing(suffix: &str, allow: Allowance, min_placed: f64) -> (usize, usize) {
    let mut failures = Vec::new();
    let mut placed = (0, 0);
    for (stem, path) in renderings(suffix) {
        let tab = json(budget_lint::check_text(&common::fixture(&stem)));
        let bytes = std::fs::read(&path).expect("rendering");
        let other = json(budget_lint::check_bytes(&bytes).expect("decodes"));
        let c = compare(&tab, &other, allow);
        placed.0 += c.rows_placed;
        placed.1 += c.rows;
        if allow.unplaced_rows && c.placed_share() < min_placed {
            failures.push(format!(
                "{stem}{suffix}: {:.1}% of {} rows placed, under {:.0}%",
                c.placed_share() * 100.0,
                c.rows,
                min_placed * 100.0
            ));
        }
        if !c.problems.is_empty() {
            failures.push(format!(
                "{stem}{suffix}: {} difference(s)\n    {}",
                c.problems.len(),
                c.problems.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    placed
}

#[test]
fn tsv_extractor_text() {
    check_shape(".tsv.txt", Allowance::default());
}

#[test]
fn markdown_tables() {
    check_shape(".md.txt", Allowance::default());
}

#[test]
#[ignore = "issue 11: the tables are read (layout_text_tables) and the prose too (prose_layout_never_misread); of the 32 绩效 forms laid out by spaces, rebuild::form_layout reads 23 exactly, the 3 专项资金 申报表 left are read in all that is checked of them (name and 年度资金, rebuild::form_wrapped_funds), and 6 stay unread or read in part (squeezed pages, the 整体支出 forms) (F111) where their rows cannot be told with certainty — of a 整体 form only 年度预算情况 and the head counts are read (rebuild::form_budget, rebuild::form_counts)"]
fn layout_text() {
    check_shape(".layout.txt", Allowance::default());
}

#[test]
#[ignore = "issue 11: the raw reader leaves shangwu's 收支总表, 财政拨款收支总表 and 表十三 unplaced (their 上年结转 column is printed as a block of its own) and the 绩效 forms unread (F111) but for a 整体 form's 年度预算情况 and head counts (rebuild::form_budget, rebuild::form_counts); raw_text_never_misread holds what it reads"]
fn raw_text() {
    check_shape(".raw.txt", Allowance::default());
}

#[test]
#[ignore = "issue 11: the raw reader leaves shangwu's 收支总表, 财政拨款收支总表 and 表十三 unplaced (their 上年结转 column is printed as a block of its own) and the 绩效 forms unread (F111) but for a 整体 form's 年度预算情况 and head counts (rebuild::form_budget, rebuild::form_counts); raw_text_never_misread holds what it reads"]
fn raw_text_without_page_breaks() {
    check_shape(".nopgbrk.txt", Allowance::default());
}

#[test]
#[ignore = "issue 11: the tables pass (single_spaced_text_tables); the 绩效 forms single-spaced are left unread (F111) until a grid reader lands, but for a 整体 form's 年度预算情况 and head counts (rebuild::form_budget, rebuild::form_counts) and a project form's name (rebuild::form_funds) and 项目资金 (rebuild::form_wrapped_funds)"]
fn single_spaced_text() {
    check_shape(
        ".text.txt",
        Allowance {
            unplaced_rows: true,
            ..Allowance::default()
        },
    );
}

/// The prose, the 绩效 forms and the 专项资金 document alone (what their
/// readers made of them, and the N, F, P findings that rest on no budget
/// table): what their readers must give whatever the table readers do.
fn check_prose(suffix: &str) {
    check_shape(
        suffix,
        Allowance {
            prose_only: true,
            ..Allowance::default()
        },
    );
}

/// The same where the forms cannot be read as a grid yet: the prose must be
/// read as in the original, and the forms left unread (F111, P106) rather
/// than misread: findings may be missing, never one added.
fn check_prose_without_forms(suffix: &str) {
    check_shape(
        suffix,
        Allowance {
            prose_only: true,
            forms_unread: true,
            ..Allowance::default()
        },
    );
}

#[test]
fn prose_tsv() {
    check_prose(".tsv.txt");
}

#[test]
fn prose_md() {
    check_prose(".md.txt");
}

#[test]
#[ignore = "issue 11: 23 of the 32 绩效 forms laid out by spaces are read (rebuild::form_layout), 3 专项资金 申报表 in their name and 年度资金 (rebuild::form_wrapped_funds), all their checks run; 6 stay unread or read in part (squeezed pages where pdftotext merged columns, the 整体支出 forms) (F111) where their rows cannot be told with certainty — of a 整体 form only 年度预算情况 and the head counts are read (rebuild::form_budget, rebuild::form_counts)"]
fn prose_layout() {
    check_prose(".layout.txt");
}

#[test]
fn prose_layout_never_misread() {
    check_prose_without_forms(".layout.txt");
}

#[test]
#[ignore = "issue 11: the 绩效 forms one cell a line are left unread (F111) until a grid reader lands, but for a 整体 form's 年度预算情况 and head counts (rebuild::form_budget, rebuild::form_counts) and a project form's name (rebuild::form_funds), and a 专项资金 申报表's 年度资金 where its cells come in order (rebuild::form_wrapped_funds: 4 of 9; P106 on the others)"]
fn prose_raw() {
    check_prose(".raw.txt");
}

#[test]
fn prose_raw_never_misread() {
    check_prose_without_forms(".raw.txt");
}

#[test]
#[ignore = "issue 11: the 绩效 forms one cell a line are left unread (F111) until a grid reader lands, but for a 整体 form's 年度预算情况 and head counts (rebuild::form_budget, rebuild::form_counts) and a project form's name (rebuild::form_funds), and a 专项资金 申报表's 年度资金 where its cells come in order (rebuild::form_wrapped_funds: 4 of 9; P106 on the others)"]
fn prose_nopgbrk() {
    check_prose(".nopgbrk.txt");
}

#[test]
fn prose_nopgbrk_never_misread() {
    check_prose_without_forms(".nopgbrk.txt");
}

#[test]
#[ignore = "issue 11: the 绩效 forms single-spaced are left unread (F111) until a grid reader lands, but for a 整体 form's 年度预算情况 and head counts (rebuild::form_budget, rebuild::form_counts) and a project form's name (rebuild::form_funds) and 项目资金 (rebuild::form_wrapped_funds)"]
fn prose_text() {
    check_prose(".text.txt");
}

#[test]
fn prose_text_never_misread() {
    check_prose_without_forms(".text.txt");
}

/// `text` with what printed pages carry: a page number ("- 3 -") before
/// every page break and a running header after it. A break is a form feed
/// (pdftotext) or a markdown extractor's comment line.
fn with_page_furniture(text: &str, markdown: bool) -> String {
    const HEADER: &str = "阳泉市部门预算公开文本";
    let marker = if markdown {
        "<!-- page break -->"
    } else {
        "\u{c}"
    };
    let mut out = String::with_capacity(text.len() * 11 / 10);
    let mut page = 1;
    for piece in text.split_inclusive(marker) {
        let Some(body) = piece.strip_suffix(marker) else {
            out.push_str(piece);
            continue;
        };
        out.push_str(body);
        if !body.ends_with('\n') && !body.is_empty() {
            out.push('\n');
        }
        if markdown {
            // The comment's own line break follows in the text.
            out.push_str(&format!("- {page} -\n{marker}\n{HEADER}"));
        } else {
            out.push_str(&format!("- {page} -\n{marker}{HEADER}\n"));
        }
        page += 1;
    }
    out
}

/// Page numbers and running headers added at every page break of the
/// renderings that mark them: the report is the one without.
fn check_page_furniture(suffix: &str) {
    let mut failures = Vec::new();
    for (stem, path) in renderings(suffix) {
        let plain = std::fs::read_to_string(&path).expect("rendering");
        let furnished = with_page_furniture(&plain, suffix == ".md.txt");
        let added = furnished.lines().count() - plain.lines().count();
        assert!(
            added >= 10,
            "{stem}{suffix}: {added} lines of page furniture"
        );
        let want = json(budget_lint::check_text(&plain));
        let got = json(budget_lint::check_text(&furnished));
        let c = compare(&want, &got, Allowance::default());
        if !c.problems.is_empty() {
            failures.push(format!(
                "{stem}{suffix}:\n    {}",
                c.problems.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn page_furniture_md() {
    check_page_furniture(".md.txt");
}

#[test]
fn page_furniture_layout() {
    check_page_furniture(".layout.txt");
}

#[test]
fn page_furniture_raw() {
    check_page_furniture(".raw.txt");
}

/// The TAB original with each table's header rows printed again in the
/// middle of its rows, as Word repeats them at the top of every page a
/// table runs onto. The header rows are the leading rows with two cells
/// filled or more and no figure with decimals (the column numbers "1 2 3"
/// among them).
fn with_repeated_headers(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut insert_after: Vec<(usize, Vec<&str>)> = Vec::new();
    let is_header = |r: &common::RawRow| {
        let filled = r.cells.iter().filter(|c| !c.trim().is_empty()).count();
        let figure = r
            .cells
            .iter()
            .any(|c| common::amount(c).is_some() && c.contains('.'));
        filled >= 2 && !figure
    };
    for table in common::scan_tables(text) {
        let first_data = table.rows.iter().position(|r| !is_header(r));
        let Some(first_data) = first_data.filter(|&n| n > 0) else {
            continue;
        };
        let data = &table.rows[first_data..];
        if data.len() < 4 {
            continue;
        }
        let header: Vec<&str> = table.rows[..first_data]
            .iter()
            .map(|r| lines[r.line - 1])
            .collect();
        insert_after.push((data[data.len() / 2].line, header));
    }
    let mut out = String::with_capacity(text.len() * 11 / 10);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i + 1 < lines.len() {
            out.push('\n');
        }
        if let Some((_, header)) = insert_after.iter().find(|(no, _)| *no == i + 1) {
            for h in header {
                out.push_str(h);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn repeated_table_headers_read_as_once() {
    let mut failures = Vec::new();
    for stem in common::DOCS_2026 {
        let plain = common::fixture(stem);
        let repeated = with_repeated_headers(&plain);
        let added = repeated.lines().count() - plain.lines().count();
        assert!(added >= 10, "{stem}: {added} header lines repeated");
        let want = json(budget_lint::check_text(&plain));
        let got = json(budget_lint::check_text(&repeated));
        let c = compare(&want, &got, Allowance::default());
        if !c.problems.is_empty() {
            failures.push(format!("{stem}:\n    {}", c.problems.join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The tables part of the single-spaced renderings: every table and row,
/// ≥ 90% of rows placed, each unplaced row reported, and the same table
/// and structure findings (prose, forms and 专项资金 are read elsewhere).
#[test]
fn single_spaced_text_tables() {
    check_shape(
        ".text.txt",
        Allowance {
            unplaced_rows: true,
            tables_only: true,
            ..Allowance::default()
        },
    );
}

/// The tables part of the raw renderings (`pdftotext`, with and without
/// form feeds): every row placed, the same table and structure findings.
#[test]
#[ignore = "issue 11: zhaoshang's tables are its TAB original's; caizheng's are but for 表十's order (pdftotext prints its blank ①公务用车购置费 after 合计: the same rows, the same figures); shangwu's 上年结转 columns are printed as blocks out of row order (表一, 表四, 表十三; 表二's and 表三's one figure printed late is put back, rebuild::late_figure); 表四's class figures printed from the line of another class are placed as a block (raw_text_never_misread)"]
fn raw_text_tables() {
    check_shape(
        ".raw.txt",
        Allowance {
            tables_only: true,
            ..Allowance::default()
        },
    );
    check_shape(
        ".nopgbrk.txt",
        Allowance {
            tables_only: true,
            ..Allowance::default()
        },
    );
}

/// What the raw renderings give today, whatever they cannot read yet:
/// rows and 绩效 forms may be left unplaced or unread (each reported),
/// and then findings may be missing — never one added. Of the corpus
/// renderings' rows, 531 of 620 are placed (467 before a figure printed
/// after a later row's label was put back, `rebuild::late_figure`:
/// shangwu's 收入总表 and 支出总表); shangwu's 收支总表, 财政拨款收支总表
/// and 表十三 print their 上年结转 column as a block of its own, which no
/// order of placing keeps: the test holds at least 80%.
#[test]
fn raw_text_never_misread() {
    let allow = Allowance {
        unplaced_rows: true,
        forms_unread: true,
        any_row_order: true,
        ..Allowance::default()
    };
    for suffix in [".raw.txt", ".nopgbrk.txt"] {
        let (placed, rows) = check_shape_placing(suffix, allow, 0.0);
        eprintln!("{suffix}: {placed} of {rows} rows placed");
        assert!(
            placed * 10 >= rows * 8,
            "{suffix}: {placed} of {rows} rows placed, under 80%"
        );
    }
}

/// The layout reader's own part: every table row and every table or
/// structure finding (T, S) of each `pdftotext -layout` rendering equals
/// its TAB original's, whatever the prose and forms readers make of it.
#[test]
fn layout_text_tables() {
    check_shape(
        ".layout.txt",
        Allowance {
            tables_only: true,
            ..Allowance::default()
        },
    );
}
