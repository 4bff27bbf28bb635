//! What the integration tests share: the corpus fixtures, an independent
//! scanner of their table regions (so that expectations come from the text,
//! not from the engine under test), and helpers over the JSON report.
//!
//! The scanner is deliberately simple and knows only the corpus layout:
//! a table starts at a line that is exactly "<year>年" + one of the 13
//! titles, ends at the next such line (or at "第三部分"), and its data rows
//! are the lines with a TAB, cells split on TAB.

#![allow(dead_code)] // each test binary uses its own subset

pub mod compare;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use budget_lint::Report;
use rust_decimal::Decimal;
use serde_json::Value;

/// The three 13-table documents of the corpus.
pub const DOCS_2026: [&str; 3] = [
    "yangquan-zhaoshang-2026",
    "yangquan-shangwu-2026",
    "yangquan-caizheng-2026",
];

/// The 专项资金 document (a different kind).
pub const DOC_2022: &str = "yangquan-shangwu-zhuanxiang-2022";

/// Table ids and their titles after the year, in template order.
pub const TITLES: [(&str, &str); 13] = [
    ("表一", "预算收支总表"),
    ("表二", "预算收入总表"),
    ("表三", "预算支出总表"),
    ("表四", "财政拨款收支总表"),
    ("表五", "一般公共预算支出预算表（不含上年结转）"),
    (
        "表六",
        "一般公共预算安排基本支出分经济科目表（不含上年结转）",
    ),
    ("表七", "政府性基金预算收入表（不含上年结转）"),
    ("表八", "政府性基金预算支出表（不含上年结转）"),
    ("表九", "国有资本经营预算收支预算表（不含上年结转）"),
    ("表十", "财政拨款安排“三公”经费支出预算表"),
    ("表十一", "财政拨款安排机关运行经费预算表"),
    ("表十二", "项目支出预算表（本年预算）"),
    ("表十三", "项目支出预算表（上年结转）"),
];

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.txt"))
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name))
        .unwrap_or_else(|e| panic!("cannot read fixture {name}: {e}"))
}

/// One data line of a table region, as printed.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// 1-based line number.
    pub line: usize,
    pub cells: Vec<String>,
}

impl RawRow {
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(|s| s.trim()).unwrap_or("")
    }

    /// Cells `from..` as amounts (None for a blank or a non-number).
    pub fn amounts_from(&self, from: usize) -> Vec<Option<Decimal>> {
        self.cells.iter().skip(from).map(|c| amount(c)).collect()
    }
}

/// A table region found by the scanner.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub id: &'static str,
    pub title_line: usize,
    /// Lines with a TAB between the title and the next title.
    pub rows: Vec<RawRow>,
}

/// A printed amount: digits with an optional decimal part, thousands
/// separators allowed.
pub fn amount(cell: &str) -> Option<Decimal> {
    let t = cell.trim().replace(',', "");
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    t.parse().ok()
}

/// Removes every whitespace character: the engine joins PDF-wrapped cells
/// ("服务 工作经费"), the comparison must not depend on that.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A 科目编码: 3, 5 or 7 ASCII digits.
pub fn is_code(cell: &str) -> bool {
    let t = cell.trim();
    matches!(t.len(), 3 | 5 | 7) && t.chars().all(|c| c.is_ascii_digit())
}

fn title_of(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.contains('\t') {
        return None;
    }
    let rest = t.strip_prefix("2026年")?;
    TITLES
        .iter()
        .find(|(_, title)| rest == *title)
        .map(|(id, _)| *id)
}

/// The 13 table regions of a corpus document, in order of appearance.
pub fn scan_tables(text: &str) -> Vec<RawTable> {
    let mut tables: Vec<RawTable> = Vec::new();
    let mut open = false;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        if let Some(id) = title_of(raw) {
            tables.push(RawTable {
                id,
                title_line: no,
                rows: Vec::new(),
            });
            open = true;
            continue;
        }
        if raw.trim_start().starts_with("第三部分") {
            open = false;
        }
        if open && raw.contains('\t') {
            if let Some(t) = tables.last_mut() {
                t.rows.push(RawRow {
                    line: no,
                    cells: raw.split('\t').map(str::to_string).collect(),
                });
            }
        }
    }
    tables
}

pub fn raw_table<'a>(tables: &'a [RawTable], id: &str) -> &'a RawTable {
    tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("scanner found no {id}"))
}

/// Runs the engine and returns the report as JSON, as every front end sees it.
pub fn report_json(text: &str) -> Value {
    serde_json::to_value(budget_lint::check_text(text)).expect("report serialises")
}

/// Runs `f` on another thread and fails if it panics or takes longer than
/// `limit` (a hang check: a hung thread is left behind, the test fails).
pub fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let out = f();
        let _ = tx.send(out);
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: no result after {:?} (hang?)", started.elapsed())
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: the engine panicked"),
    }
}

/// `check_text` under the 5-second hang limit.
pub fn check_within(text: String, what: &str) -> Report {
    within(Duration::from_secs(5), what, move || {
        budget_lint::check_text(&text)
    })
}

/// Findings of rules whose id starts with one of `prefixes` ("T", "S").
pub fn findings_of<'a>(report: &'a Value, prefixes: &[&str]) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter(|f| {
            let rule = f["rule"].as_str().unwrap_or("");
            prefixes.iter().any(|p| rule.starts_with(p))
        })
        .collect()
}

pub fn severity(f: &Value) -> &str {
    f["severity"].as_str().unwrap_or("")
}

/// Lines cited by a finding's evidence.
pub fn evidence_lines(f: &Value) -> Vec<usize> {
    f["evidence"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter_map(|e| e["line"].as_u64())
        .map(|n| n as usize)
        .collect()
}

/// The figures a finding's evidence cites, as printed, sorted: what pins
/// a real error by the figures that prove it.
pub fn cited_values(f: &Value) -> Vec<String> {
    let mut values: Vec<String> = f["evidence"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["value"].as_str().map(str::to_string))
        .collect();
    values.sort();
    values
}

/// The errors of rules whose id starts with one of `prefixes` (all with
/// `&[""]`) as (rule, line, cited figures sorted), sorted: a document's
/// real errors pinned by the figures that prove them.
pub fn errors_cited(report: &Value, prefixes: &[&str]) -> Vec<(String, u64, Vec<String>)> {
    let mut out: Vec<_> = findings_of(report, prefixes)
        .into_iter()
        .filter(|f| severity(f) == "error")
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                cited_values(f),
            )
        })
        .collect();
    out.sort();
    out
}

/// One line summary of a finding for failure messages.
pub fn brief(f: &Value) -> String {
    format!(
        "{} {} line {} {:?}: {}",
        f["rule"].as_str().unwrap_or("?"),
        severity(f),
        f["line"],
        evidence_lines(f),
        f["message"].as_str().unwrap_or("")
    )
}

/// The report's table with this id.
pub fn table<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    report["tables"]
        .as_array()?
        .iter()
        .find(|t| t["id"].as_str() == Some(id))
}

/// Rows of a report table printed on `line`.
pub fn rows_on_line(table: &Value, line: usize) -> Vec<&Value> {
    table["rows"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter(|r| r["line"].as_u64() == Some(line as u64))
        .collect()
}

/// A report cell as an amount (None for blank / unreadable).
pub fn cell_amount(cell: &Value) -> Option<Decimal> {
    if cell["kind"].as_str() != Some("value") {
        return None;
    }
    cell["value"].as_str()?.parse().ok()
}

/// The text with line `line` (1-based) replaced by `new`, line breaks kept.
pub fn replace_line(text: &str, line: usize, new: &str) -> String {
    let mut out = String::with_capacity(text.len() + new.len());
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            out.push_str(new);
            if l.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(l);
        }
    }
    out
}

/// The text without line `line` (1-based).
pub fn drop_line(text: &str, line: usize) -> String {
    text.split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| i + 1 != line)
        .map(|(_, l)| l)
        .collect()
}

/// The line `line` (1-based) of `text`.
pub fn line_of(text: &str, line: usize) -> &str {
    text.lines().nth(line - 1).unwrap_or("")
}

/// The rows of a project table after its column-number row "1 2 3 …".
pub fn project_rows(t: &RawTable) -> Vec<&RawRow> {
    t.rows
        .iter()
        .skip_while(|r| r.cell(0) != "1")
        .skip(1)
        .filter(|r| amount(r.cell(1)).is_some())
        .collect()
}

/// Independent reading of the tree: the first row is the department; the
/// rest splits into segments, each a unit row followed by the projects that
/// add up to it, the units adding up to the department; when no such split
/// exists every other row is a project.
pub fn project_kinds(rows: &[&RawRow]) -> Vec<&'static str> {
    let totals: Vec<Decimal> = rows
        .iter()
        .map(|r| amount(r.cell(1)).unwrap_or_default())
        .collect();
    let mut kinds = vec!["tree_project"; rows.len()];
    if rows.len() < 2 {
        return kinds;
    }
    kinds[0] = "tree_department";
    if let Some(units) = segments(&totals, 1) {
        let sum: Decimal = units.iter().map(|&u| totals[u]).sum();
        if sum == totals[0] {
            for u in units {
                kinds[u] = "tree_unit";
            }
        }
    }
    kinds
}

/// Unit positions splitting `totals[i..]` into unit + its projects segments.
fn segments(totals: &[Decimal], i: usize) -> Option<Vec<usize>> {
    if i == totals.len() {
        return Some(Vec::new());
    }
    let mut sum = Decimal::ZERO;
    for j in i + 1..totals.len() {
        sum += totals[j];
        if sum == totals[i] {
            if let Some(mut rest) = segments(totals, j + 1) {
                rest.insert(0, i);
                return Some(rest);
            }
        }
    }
    None
}

/// The errors of a report as (rule, line, message), to tell which errors a
/// mutation added.
pub fn error_keys(report: &budget_lint::Report) -> Vec<(String, usize, String)> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == budget_lint::Severity::Error)
        .map(|f| (f.rule.to_string(), f.line, f.message.clone()))
        .collect()
}

/// The errors of `report` that are not among `before`.
pub fn new_errors<'a>(
    report: &'a budget_lint::Report,
    before: &[(String, usize, String)],
) -> Vec<&'a budget_lint::report::Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == budget_lint::Severity::Error)
        .filter(|f| !before.contains(&(f.rule.to_string(), f.line, f.message.clone())))
        .collect()
}

/// A finding placed at `line` or citing it in its evidence.
pub fn cites_line(f: &budget_lint::report::Finding, line: usize) -> bool {
    f.line == line || f.evidence.iter().any(|e| e.line == line)
}

/// Texts made from a 13-table corpus document that the engine cannot
/// check, with what was done to them: its table titles taken out (no
/// table can be found), all but 表一's and 表三's (too few to call it a
/// budget), and every table line and "本表无数据" note taken out (the
/// titles are found, no row can be read).
pub fn unrecognisable(doc: &str) -> Vec<(&'static str, String)> {
    let text = fixture(doc);
    let keep = |f: &dyn Fn(&str) -> bool| -> String {
        text.lines().filter(|l| f(l)).collect::<Vec<_>>().join("\n") + "\n"
    };
    vec![
        ("without its table titles", keep(&|l| title_of(l).is_none())),
        (
            "with only two table titles",
            keep(&|l| title_of(l).is_none_or(|id| id == "表一" || id == "表三")),
        ),
        (
            "without any table line",
            keep(&|l| !l.contains('\t') && !l.contains("本表无数据")),
        ),
    ]
}

/// (document stem, path) of every file of `tests/fixtures/<folder>` whose
/// name ends in `suffix` (".layout.txt", ".pdf"), sorted; fails when there
/// is none, so that a generated test never passes on an empty folder.
pub fn fixture_files(folder: &str, suffix: &str) -> Vec<(String, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path
                .file_name()?
                .to_str()?
                .strip_suffix(suffix)?
                .to_string();
            Some((stem, path))
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no *{suffix} in tests/fixtures/{folder}");
    found
}

/// The reference a published PDF of `tests/fixtures/real` is compared
/// with, beside it: its hand-verified extraction (`.verified.tsv.txt`,
/// where the table extractor cut rows: README.md there says which lines
/// were corrected) or else its `.tsv.txt`.
pub fn pdf_reference_path(pdf: &Path) -> PathBuf {
    let verified = pdf.with_extension("verified.tsv.txt");
    if verified.exists() {
        verified
    } else {
        pdf.with_extension("tsv.txt")
    }
}

/// The text of [`pdf_reference_path`], without the page numbers the
/// extractor prints as lines of their own (1–3 digits before the blank
/// line that ends a page, where a table crossing the page reads them as a
/// row): the PDF reader sets them aside as page furniture. Their lines are
/// left empty, so every line keeps its number.
pub fn pdf_reference(pdf: &Path) -> String {
    let text = std::fs::read_to_string(pdf_reference_path(pdf)).expect("the PDF's reference");
    let lines: Vec<&str> = text.split('\n').collect();
    let page_number = |i: usize| {
        let l = lines[i].trim();
        (1..=3).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_digit())
            && lines.get(i + 1) == Some(&"")
    };
    (0..lines.len())
        .map(|i| if page_number(i) { "" } else { lines[i] })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs `judge` on every case on two threads (the machines have two
/// cores) and returns what it reported, in no particular order: the
/// failures of a generated test, each judged on its own.
pub fn judge_on_two_threads<C: Sync, F: Send>(
    cases: &[C],
    judge: impl Fn(&C) -> Option<F> + Sync,
) -> Vec<F> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                if let Some(failure) = judge(case) {
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(failure);
                }
            });
        }
    });
    failures.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Runs `budget-lint check FILE --format json`: its exit code, stdout and
/// stderr.
pub fn cli_json(file: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_budget-lint"))
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Replaces the first occurrence of `shown` on line `line` (as a whole
/// number: not inside a longer run of digits) by `with`.
pub fn replace_number(text: &str, line: usize, shown: &str, with: &str, after: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let target = &mut lines[line - 1];
    let start = target.find(after).map(|p| p + after.len()).unwrap_or(0);
    let bytes = target.as_bytes();
    let mut at = None;
    let mut from = start;
    while let Some(p) = target[from..].find(shown) {
        let i = from + p;
        let end = i + shown.len();
        let digit = |j: usize| {
            bytes
                .get(j)
                .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
        };
        if (i == 0 || !digit(i - 1)) && !digit(end) {
            at = Some(i);
            break;
        }
        from = i + 1;
    }
    let i = at.unwrap_or_else(|| panic!("{shown} not on line {line}"));
    target.replace_range(i..i + shown.len(), with);
    lines.join("\n")
}

/// Whether line `no` (1-based) of `text` holds `shown` as a whole number.
pub fn holds_number(text: &str, no: usize, shown: &str) -> bool {
    text.split('\n')
        .nth(no.wrapping_sub(1))
        .is_some_and(|line| {
            line.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .any(|word| word == shown)
        })
}

/// A whole figure printed with thousands' commas ("1,100,000").
pub fn group_thousands(value: Decimal) -> String {
    let plain = value.normalize().to_string();
    let mut out = String::new();
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every printed figure of `part`'s code rows (a table of one source's
/// spending by function: Shanghai's 表5, the 决算's 表五), raised above
/// the same code and column of `whole` (all spending: 表3, 表三), must be
/// a T108 error citing both rows' lines. `text` is a TAB text whose
/// report reads both tables; returns how many figures were raised.
pub fn part_above_whole_is_reported(name: &str, text: &str, part: &str, whole: &str) -> usize {
    let report = report_json(text);
    let part_table = table(&report, part).unwrap_or_else(|| panic!("{name}: {part}"));
    let whole_table = table(&report, whole).unwrap_or_else(|| panic!("{name}: {whole}"));
    let whole_row = |code: &str| {
        whole_table["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["code"].as_str() == Some(code))
    };
    let mut raised = 0;
    for row in part_table["rows"].as_array().into_iter().flatten() {
        let (Some(code), Some(line)) = (row["code"].as_str(), row["line"].as_u64()) else {
            continue;
        };
        let Some(above) = whole_row(code) else {
            continue;
        };
        for (i, cell) in row["cells"].as_array().into_iter().flatten().enumerate() {
            let (Some(printed), Some(value)) = (cell["text"].as_str(), cell_amount(cell)) else {
                continue;
            };
            let limit = cell_amount(&above["cells"][i]).unwrap_or_default();
            let scale = printed.split_once('.').map_or(0, |(_, d)| d.len() as u32);
            let higher = limit.max(value) + Decimal::new(1000, scale);
            // The row's cell i: the same figure printed in earlier cells
            // of the row is passed over.
            let earlier = row["cells"].as_array().into_iter().flatten().take(i);
            let nth = earlier
                .filter(|c| c["text"].as_str() == Some(printed))
                .count();
            let fields: Vec<&str> = line_of(text, line as usize).split('\t').collect();
            let at = fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.trim() == printed)
                .nth(nth)
                .unwrap_or_else(|| panic!("{name}: {printed} on line {line}"))
                .0;
            let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            fields[at] = format!("{higher:.*}", scale as usize);
            let changed = replace_line(text, line as usize, &fields.join("\t"));
            let after = report_json(&changed);
            let whole_line = above["line"].as_u64();
            let reported = findings_of(&after, &["T108"]).iter().any(|f| {
                let lines: Vec<u64> = f["evidence"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e["line"].as_u64())
                    .collect();
                severity(f) == "error"
                    && f["message"].as_str().is_some_and(|m| m.contains("大于"))
                    && lines.contains(&line)
                    && whole_line.is_some_and(|w| lines.contains(&w))
            });
            assert!(
                reported,
                "{name}: {part} {code} {printed} raised to {higher} above {whole}'s {limit}, no T108 error cites both lines"
            );
            raised += 1;
        }
    }
    raised
}
