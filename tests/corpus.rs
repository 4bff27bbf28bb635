//! The real corpus documents, end to end through the JSON report.
//!
//! Expectations are derived from the fixture text by the independent scanner
//! of `common` (title line → next title, cells split on TAB), never copied
//! from the engine's output. Narrative (N…) and form (F…) rules are being
//! written elsewhere: assertions about findings filter on the T/S prefixes so
//! that they stay right when those rules land.

mod common;

use common::*;
use rust_decimal::Decimal;
use serde_json::Value;

/// Collects every mismatch so that one run shows them all.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn push(&mut self, p: String) {
        self.0.push(p);
    }

    fn assert_none(self, what: &str) {
        assert!(
            self.0.is_empty(),
            "{what}: {} problem(s):\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

fn load(name: &str) -> (String, Vec<RawTable>, Value) {
    let text = fixture(name);
    let tables = scan_tables(&text);
    let report = report_json(&text);
    (text, tables, report)
}

/// Compares the printed amounts `raw.cells[from..]` with the report row's
/// cells, position by position.
fn compare_cells(p: &mut Problems, ctx: &str, raw: &RawRow, from: usize, row: &Value) {
    let cells = row["cells"].as_array().cloned().unwrap_or_default();
    let printed = raw.amounts_from(from);
    for (i, cell) in cells.iter().enumerate() {
        let want = printed.get(i).copied().flatten();
        let got = cell_amount(cell);
        if want != got {
            p.push(format!(
                "{ctx} line {} column {}: printed {:?} (cell {:?}), report {:?} ({})",
                raw.line,
                i,
                want,
                raw.cell(from + i),
                got,
                cell
            ));
        }
    }
    // No printed figure may be left without a report cell.
    for (i, want) in printed.iter().enumerate().skip(cells.len()) {
        if want.is_some() {
            p.push(format!(
                "{ctx} line {}: printed figure {:?} in cell {} has no report column",
                raw.line,
                want,
                from + i
            ));
        }
    }
}

/// The single report row of `id` on `line`, or a problem.
fn report_row<'a>(
    p: &mut Problems,
    report: &'a Value,
    id: &str,
    line: usize,
    doc: &str,
) -> Option<&'a Value> {
    let Some(t) = table(report, id) else {
        p.push(format!("{doc}: {id} missing from report"));
        return None;
    };
    let rows = rows_on_line(t, line);
    if rows.len() != 1 {
        p.push(format!(
            "{doc} {id}: expected one row on line {line} ({:?}), report has {}",
            line_of(&fixture(doc), line),
            rows.len()
        ));
        return None;
    }
    Some(rows[0])
}

#[test]
fn all_thirteen_tables_recognised_at_their_title_lines() {
    for doc in DOCS_2026 {
        let (_, raw, report) = load(doc);
        let want: Vec<(&str, usize)> = raw.iter().map(|t| (t.id, t.title_line)).collect();
        let ids: Vec<&str> = TITLES.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            want.iter().map(|w| w.0).collect::<Vec<_>>(),
            ids,
            "{doc}: scanner sanity"
        );
        let got: Vec<(String, usize)> = report["tables"]
            .as_array()
            .expect("tables")
            .iter()
            .map(|t| {
                (
                    t["id"].as_str().unwrap_or("").to_string(),
                    t["line"].as_u64().unwrap_or(0) as usize,
                )
            })
            .collect();
        let want: Vec<(String, usize)> = want.iter().map(|(i, l)| (i.to_string(), *l)).collect();
        assert_eq!(got, want, "{doc}: tables (id, title line)");
        for t in report["tables"].as_array().expect("tables") {
            assert_eq!(t["unit"], "万元", "{doc} {}: unit", t["id"]);
        }
    }
}

#[test]
fn department_year_unit_and_kind_read() {
    for doc in DOCS_2026 {
        let (text, _, report) = load(doc);
        let department = text
            .lines()
            .find_map(|l| {
                let l = l.trim();
                l.strip_prefix("部门名称：")
                    .or_else(|| l.strip_prefix("单位名称："))
            })
            .expect("fixture names its department")
            .trim();
        let kind = if text.contains("2026年单位预算报表") {
            "unit_budget"
        } else {
            "department_budget"
        };
        let d = &report["document"];
        assert_eq!(d["department"], department, "{doc}: department");
        assert_eq!(d["year"], 2026, "{doc}: year");
        assert_eq!(d["unit"], "万元", "{doc}: unit");
        assert_eq!(d["kind"], kind, "{doc}: kind");
        assert_eq!(
            d["line_count"].as_u64(),
            Some(text.lines().count() as u64),
            "{doc}: line_count"
        );
    }
}

#[test]
fn every_code_row_of_tables_two_three_five_is_in_the_report() {
    let mut p = Problems::default();
    let mut seen = 0;
    for doc in DOCS_2026 {
        let (_, raw, report) = load(doc);
        for id in ["表二", "表三", "表五"] {
            let codes: Vec<&RawRow> = raw_table(&raw, id)
                .rows
                .iter()
                .filter(|r| is_code(r.cell(0)))
                .collect();
            assert!(
                codes.len() >= 10,
                "{doc} {id}: scanner found {} codes",
                codes.len()
            );
            for r in codes {
                seen += 1;
                let Some(row) = report_row(&mut p, &report, id, r.line, doc) else {
                    continue;
                };
                let code = r.cell(0);
                if row["code"].as_str() != Some(code) {
                    p.push(format!(
                        "{doc} {id} line {}: code {:?} vs {code}",
                        r.line, row["code"]
                    ));
                }
                if row["name"].as_str().map(squash) != Some(squash(r.cell(1))) {
                    p.push(format!(
                        "{doc} {id} line {}: name {:?} vs {}",
                        r.line,
                        row["name"],
                        r.cell(1)
                    ));
                }
                let kind = match code.len() {
                    3 => "class",
                    5 => "subclass",
                    _ => "item",
                };
                if row["kind"].as_str() != Some(kind) {
                    p.push(format!(
                        "{doc} {id} line {}: kind {:?}, want {kind}",
                        r.line, row["kind"]
                    ));
                }
                compare_cells(&mut p, &format!("{doc} {id}"), r, 2, row);
            }
            // The 合计 row as well.
            let total = raw_table(&raw, id)
                .rows
                .iter()
                .find(|r| r.cell(0) == "合计");
            match total {
                Some(r) => {
                    if let Some(row) = report_row(&mut p, &report, id, r.line, doc) {
                        if row["kind"] != "total" {
                            p.push(format!("{doc} {id}: 合计 row kind {}", row["kind"]));
                        }
                        compare_cells(&mut p, &format!("{doc} {id} 合计"), r, 2, row);
                    }
                }
                None => p.push(format!("{doc} {id}: scanner found no 合计 row")),
            }
        }
    }
    assert!(seen > 150, "only {seen} code rows scanned");
    p.assert_none("code rows");
}

#[test]
fn every_row_of_table_six_is_in_the_report() {
    let mut p = Problems::default();
    for doc in DOCS_2026 {
        let (_, raw, report) = load(doc);
        let rows: Vec<&RawRow> = raw_table(&raw, "表六")
            .rows
            .iter()
            .filter(|r| amount(r.cell(2)).is_some())
            .collect();
        assert!(
            rows.len() > 15,
            "{doc}: scanner found {} 表六 rows",
            rows.len()
        );
        let n_report = table(&report, "表六")
            .and_then(|t| t["rows"].as_array())
            .map(|a| a.len())
            .unwrap_or(0);
        if n_report != rows.len() {
            p.push(format!(
                "{doc} 表六: {} rows printed, {n_report} in report",
                rows.len()
            ));
        }
        for r in rows {
            let Some(row) = report_row(&mut p, &report, "表六", r.line, doc) else {
                continue;
            };
            let name = r.cell(0);
            if row["name"].as_str().map(squash) != Some(squash(name)) {
                p.push(format!(
                    "{doc} 表六 line {}: name {:?} vs {name}",
                    r.line, row["name"]
                ));
            }
            let secondary = r.cell(1);
            let kind = if name == "合计" {
                "total"
            } else if secondary.is_empty() {
                "group"
            } else {
                "economic_item"
            };
            if row["kind"].as_str() != Some(kind) {
                p.push(format!(
                    "{doc} 表六 line {} {name}: kind {:?}, want {kind}",
                    r.line, row["kind"]
                ));
            }
            if !secondary.is_empty()
                && row["secondary"].as_str().map(squash) != Some(squash(secondary))
            {
                p.push(format!(
                    "{doc} 表六 line {} {name}: secondary {:?} vs {secondary}",
                    r.line, row["secondary"]
                ));
            }
            compare_cells(&mut p, &format!("{doc} 表六"), r, 2, row);
        }
    }
    p.assert_none("表六 rows");
}

#[test]
fn every_project_of_table_twelve_is_in_the_report() {
    let mut p = Problems::default();
    for doc in DOCS_2026 {
        let (_, raw, report) = load(doc);
        let rows = project_rows(raw_table(&raw, "表十二"));
        let kinds = project_kinds(&rows);
        // Self-check of the independent reading: projects add up to the department.
        let projects: Decimal = rows
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == "tree_project")
            .map(|(r, _)| amount(r.cell(1)).unwrap_or_default())
            .sum();
        assert_eq!(
            Some(projects),
            amount(rows[0].cell(1)),
            "{doc}: scanner's projects do not add up to the department row"
        );
        let n_projects = kinds.iter().filter(|k| **k == "tree_project").count();
        assert!(n_projects >= 3, "{doc}: {n_projects} projects scanned");
        for (r, kind) in rows.iter().zip(&kinds) {
            let Some(row) = report_row(&mut p, &report, "表十二", r.line, doc) else {
                continue;
            };
            if row["name"].as_str().map(squash) != Some(squash(r.cell(0))) {
                p.push(format!(
                    "{doc} 表十二 line {}: name {:?} vs {}",
                    r.line,
                    row["name"],
                    r.cell(0)
                ));
            }
            if row["kind"].as_str() != Some(kind) {
                p.push(format!(
                    "{doc} 表十二 line {} {}: kind {:?}, want {kind}",
                    r.line,
                    r.cell(0),
                    row["kind"]
                ));
            }
            compare_cells(&mut p, &format!("{doc} 表十二"), r, 1, row);
        }
    }
    p.assert_none("表十二 projects");
}

/// One identity of the printed tables computed by the test: total vs parts.
struct Tail {
    what: String,
    total_line: usize,
    part_lines: Vec<usize>,
    difference: Decimal,
    tolerance: Decimal,
}

/// total − Σ parts over the printed cells; blanks are exact zeros, every
/// printed figure adds ±0.005 to the band.
fn tail(
    what: String,
    total: (usize, Option<Decimal>),
    parts: &[(usize, Option<Decimal>)],
) -> Option<Tail> {
    let printed =
        parts.iter().filter(|(_, v)| v.is_some()).count() + usize::from(total.1.is_some());
    if printed == 0 {
        return None;
    }
    let sum: Decimal = parts.iter().filter_map(|(_, v)| *v).sum();
    let difference = total.1.unwrap_or_default() - sum;
    Some(Tail {
        what,
        total_line: total.0,
        part_lines: parts
            .iter()
            .filter(|(_, v)| v.is_some())
            .map(|(l, _)| *l)
            .collect(),
        difference,
        tolerance: Decimal::new(5, 3) * Decimal::from(printed),
    })
}

/// Row sums and 类/款/项 hierarchy sums of 表二/三/五 and the row sums of
/// 表六, from the printed text.
fn printed_identities(raw: &[RawTable]) -> Vec<Tail> {
    let mut out = Vec::new();
    for (id, parts) in [("表二", 3..8), ("表三", 3..5), ("表五", 3..5)] {
        let t = raw_table(raw, id);
        let rows: Vec<&RawRow> = t
            .rows
            .iter()
            .filter(|r| is_code(r.cell(0)) || r.cell(0) == "合计")
            .collect();
        for r in &rows {
            let v = r.amounts_from(0);
            let at = |i: usize| v.get(i).copied().flatten();
            let ps: Vec<_> = parts.clone().map(|i| (r.line, at(i))).collect();
            out.extend(tail(
                format!("{id} line {} row sum", r.line),
                (r.line, at(2)),
                &ps,
            ));
        }
        let columns = if id == "表二" { 2..9 } else { 2..5 };
        for (i, r) in rows.iter().enumerate() {
            let code = r.cell(0);
            let child_len = match code {
                "合计" => 3,
                c if c.len() == 3 => 5,
                c if c.len() == 5 => 7,
                _ => continue,
            };
            let children: Vec<&&RawRow> = rows[i + 1..]
                .iter()
                .filter(|c| {
                    let cc = c.cell(0);
                    cc.len() == child_len && (code == "合计" || cc.starts_with(code))
                })
                .collect();
            if children.is_empty() {
                continue;
            }
            for col in columns.clone() {
                let ps: Vec<_> = children
                    .iter()
                    .map(|c| (c.line, amount(c.cell(col))))
                    .collect();
                out.extend(tail(
                    format!("{id} line {} {code} column {col}", r.line),
                    (r.line, amount(r.cell(col))),
                    &ps,
                ));
            }
        }
    }
    for r in raw_table(raw, "表六")
        .rows
        .iter()
        .filter(|r| amount(r.cell(2)).is_some())
    {
        out.extend(tail(
            format!("表六 line {} row sum", r.line),
            (r.line, amount(r.cell(2))),
            &[(r.line, amount(r.cell(3))), (r.line, amount(r.cell(4)))],
        ));
    }
    out
}

#[test]
fn printed_rounding_tails_are_reported_as_info_and_never_as_errors() {
    let mut p = Problems::default();
    for doc in DOCS_2026 {
        let (_, raw, report) = load(doc);
        let table_findings = findings_of(&report, &["T"]);
        let infos: Vec<&&Value> = table_findings
            .iter()
            .filter(|f| severity(f) == "info")
            .collect();
        if infos.is_empty() {
            p.push(format!("{doc}: no 尾差 info at all"));
        }
        let identities = printed_identities(&raw);
        assert!(
            identities.len() > 100,
            "{doc}: only {} identities computed",
            identities.len()
        );
        let mut tails = 0;
        for t in identities.iter().filter(|t| !t.difference.is_zero()) {
            tails += 1;
            if t.difference.abs() > t.tolerance {
                p.push(format!(
                    "{doc}: {} differs by {} beyond ±{} — the test's reading of the corpus is wrong",
                    t.what, t.difference, t.tolerance
                ));
                continue;
            }
            let found = infos.iter().any(|f| {
                let lines = evidence_lines(f);
                lines.contains(&t.total_line) && t.part_lines.iter().all(|l| lines.contains(l))
            });
            if !found {
                p.push(format!(
                    "{doc}: {} has a tail of {} (±{}) but no info finding cites lines {} + {:?}",
                    t.what, t.difference, t.tolerance, t.total_line, t.part_lines
                ));
            }
        }
        if tails == 0 {
            p.push(format!(
                "{doc}: the test found no tail in the printed tables"
            ));
        }
        for f in &infos {
            let lines = evidence_lines(f);
            if lines.len() < 2 {
                p.push(format!(
                    "{doc}: info without both sides' evidence: {}",
                    brief(f)
                ));
            }
            let is_tail = f["message"].as_str().is_some_and(|m| m.contains("尾差"));
            if is_tail && (f["difference"].is_null() || f["tolerance"].is_null()) {
                p.push(format!(
                    "{doc}: info without difference/tolerance: {}",
                    brief(f)
                ));
            }
        }
    }
    p.assert_none("rounding tails");
}

#[test]
fn no_error_or_warning_from_table_or_structure_rules() {
    for doc in DOCS_2026 {
        let (_, _, report) = load(doc);
        let bad: Vec<String> = findings_of(&report, &["T", "S"])
            .into_iter()
            .filter(|f| severity(f) != "info")
            .map(brief)
            .collect();
        assert!(
            bad.is_empty(),
            "{doc}: table/structure findings:\n{}",
            bad.join("\n")
        );
        for c in report["checks"].as_array().expect("checks") {
            let rule = c["rule"].as_str().unwrap_or("");
            if rule.starts_with('T') || rule.starts_with('S') {
                assert_ne!(
                    c["status"], "could_not_run",
                    "{doc}: {rule} could not run: {}",
                    c["reasons"]
                );
            }
        }
        // The rules that cover every table actually compared figures.
        for rule in ["T101", "T102", "T103", "T104", "T105", "T107", "T108"] {
            let c = report["checks"]
                .as_array()
                .and_then(|a| a.iter().find(|c| c["rule"] == rule))
                .unwrap_or_else(|| panic!("{doc}: no check entry for {rule}"));
            assert_eq!(c["status"], "ran", "{doc}: {rule}");
            assert!(
                c["comparisons"].as_u64().unwrap_or(0) > 0,
                "{doc}: {rule} compared nothing"
            );
        }
    }
}

#[test]
fn special_funds_document_is_its_own_kind_without_missing_table_errors() {
    let text = fixture(DOC_2022);
    let report = report_json(&text);
    assert_eq!(report["document"]["kind"], "special_funds");
    assert_eq!(report["document"]["year"], 2022);
    let structural: Vec<String> = findings_of(&report, &["T", "S"])
        .into_iter()
        .map(brief)
        .collect();
    assert!(
        structural.is_empty(),
        "T/S findings on the 2022 document:\n{}",
        structural.join("\n")
    );
    let checks = report["checks"].as_array().expect("checks");
    let ts: Vec<&Value> = checks
        .iter()
        .filter(|c| {
            let r = c["rule"].as_str().unwrap_or("");
            r.starts_with('T') || r.starts_with('S')
        })
        .collect();
    assert!(
        ts.iter().any(|c| c["rule"] == "S101"),
        "S101 has a check entry"
    );
    for c in ts {
        assert_eq!(
            c["status"], "not_applicable",
            "{}: {}",
            c["rule"], c["reasons"]
        );
        assert!(
            !c["reasons"]
                .as_array()
                .map(|a| a.is_empty())
                .unwrap_or(true),
            "{}: not applicable without a reason",
            c["rule"]
        );
    }
}

/// A report's tables without line numbers: what must not change when the
/// same document arrives through another export path.
fn table_shape(report: &Value) -> Vec<(String, Vec<String>)> {
    report["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| {
            let rows = t["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| {
                    let cells: Vec<String> = r["cells"]
                        .as_array()
                        .expect("cells")
                        .iter()
                        .map(|c| {
                            cell_amount(c)
                                .map(|d| d.normalize().to_string())
                                .unwrap_or_else(|| c["kind"].to_string())
                        })
                        .collect();
                    format!(
                        "{} {} {} {} {}",
                        r["kind"],
                        r["side"],
                        r["code"],
                        squash(r["name"].as_str().unwrap_or("")),
                        cells.join("|")
                    )
                })
                .collect();
            (t["id"].as_str().unwrap_or("").to_string(), rows)
        })
        .collect()
}

/// The same text with `f` applied to every table line (cells split on TAB).
fn map_table_lines(text: &str, mut f: impl FnMut(&str) -> String) -> String {
    let table_lines: std::collections::HashSet<usize> = scan_tables(text)
        .iter()
        .flat_map(|t| t.rows.iter().map(|r| r.line))
        .collect();
    let mut out = String::new();
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if table_lines.contains(&(i + 1)) {
            let body = l.trim_end_matches('\n');
            out.push_str(&f(body));
            if l.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(l);
        }
    }
    out
}

fn map_figures(line: &str, f: impl Fn(&str) -> String) -> String {
    line.split('\t')
        .map(|c| {
            if amount(c).is_some() && c.contains('.') {
                f(c)
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\t")
}

fn thousands(c: &str) -> String {
    let (int, frac) = c.split_once('.').unwrap_or((c, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{grouped}.{frac}")
}

fn full_width(c: &str) -> String {
    c.chars()
        .map(|ch| match ch {
            '0'..='9' => char::from_u32(ch as u32 - '0' as u32 + 0xFF10).unwrap_or(ch),
            '.' => '．',
            other => other,
        })
        .collect()
}

/// "The text as it arrives" (DOMAIN.md): the same document through other
/// export paths must give the same tables and still no table error.
#[test]
fn the_same_document_through_other_export_paths_gives_the_same_tables() {
    let mut p = Problems::default();
    for doc in DOCS_2026 {
        let text = fixture(doc);
        let want = table_shape(&report_json(&text));
        let mut watermarked = String::new();
        for (i, l) in text.split_inclusive('\n').enumerate() {
            watermarked.push_str(l);
            if i % 9 == 4 {
                watermarked.push_str("仅供内部审核\n");
            }
        }
        let variants: Vec<(&str, String)> = vec![
            ("CRLF", text.replace('\n', "\r\n")),
            ("BOM", format!("\u{feff}{text}")),
            (
                "thousands separators",
                map_table_lines(&text, |l| map_figures(l, thousands)),
            ),
            (
                "full-width digits",
                map_table_lines(&text, |l| map_figures(l, full_width)),
            ),
            (
                "markdown pipes",
                map_table_lines(&text, |l| {
                    format!("| {} |", l.split('\t').collect::<Vec<_>>().join(" | "))
                }),
            ),
            (
                "HTML cells",
                map_table_lines(&text, |l| {
                    l.split('\t')
                        .map(|c| {
                            if c.is_empty() {
                                String::new()
                            } else {
                                format!("<p>{c}</p>")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\t")
                }),
            ),
            ("watermark every 9 lines", watermarked),
            ("another year (2031)", text.replace("2026", "2031")),
            ("labels on the title lines", {
                let mut n = 0;
                text.lines()
                    .map(|l| {
                        if TITLES.iter().any(|(_, t)| l == format!("2026年{t}")) {
                            n += 1;
                            match n % 3 {
                                0 => format!("预算公开表{n} {l}"),
                                1 => format!("表{} {l}", TITLES[n - 1].0.trim_start_matches('表')),
                                _ => l.replacen("2026年", "（2026）年", 1),
                            }
                        } else {
                            l.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
            ("header repeated after a page break", {
                let mut out = String::new();
                let mut header: Vec<String> = Vec::new();
                let mut rows = 0;
                for l in text.lines() {
                    if l.starts_with("科目编码\t") {
                        header = vec![l.to_string()];
                        rows = 0;
                    } else if is_code(l.split('\t').next().unwrap_or("")) {
                        rows += 1;
                        if rows == 8 && !header.is_empty() {
                            out.push('\n');
                            out.push_str(&header.join("\n"));
                            out.push('\n');
                        }
                    }
                    out.push_str(l);
                    out.push('\n');
                }
                out
            }),
            ("title and header repeated after a page break", {
                let mut out = String::new();
                let mut title = String::new();
                let mut header = String::new();
                let mut rows = 0;
                for l in text.lines() {
                    if TITLES.iter().any(|(_, t)| l == format!("2026年{t}")) {
                        title = l.to_string();
                    }
                    if l.starts_with("科目编码\t") {
                        header = l.to_string();
                        rows = 0;
                    } else if is_code(l.split('\t').next().unwrap_or("")) {
                        rows += 1;
                        if rows == 5 && !header.is_empty() {
                            out.push_str(&format!("\n{title}\n\n单位：万元\n{header}\n"));
                        }
                    }
                    out.push_str(l);
                    out.push('\n');
                }
                out
            }),
            ("page-break blank lines inside tables", {
                let mut n = 0;
                map_table_lines(&text, |l| {
                    n += 1;
                    if n % 6 == 0 {
                        format!("\n{l}")
                    } else {
                        l.to_string()
                    }
                })
            }),
        ];
        for (name, variant) in variants {
            if variant == text {
                // 招商中心 has no figure of four digits.
                assert_eq!(name, "thousands separators", "the variant changed nothing");
                continue;
            }
            let report = report_json(&variant);
            let mut got = table_shape(&report);
            if name.starts_with("another year") {
                for (_, rows) in &mut got {
                    for r in rows.iter_mut() {
                        *r = r.replace("2031", "2026");
                    }
                }
                assert_eq!(report["document"]["year"], 2031, "{doc}: year read");
            }
            if got != want {
                let first = got
                    .iter()
                    .zip(&want)
                    .find(|(g, w)| g != w)
                    .map(|(g, w)| {
                        let row = g.1.iter().zip(&w.1).find(|(a, b)| a != b);
                        format!(
                            "{}: {} vs {} rows; first differing row {:?}",
                            w.0,
                            g.1.len(),
                            w.1.len(),
                            row
                        )
                    })
                    .unwrap_or_else(|| format!("{} vs {} tables", got.len(), want.len()));
                p.push(format!("{doc} / {name}: tables differ — {first}"));
            }
            let errors: Vec<String> = findings_of(&report, &["T", "S"])
                .into_iter()
                .filter(|f| severity(f) == "error")
                .map(brief)
                .collect();
            if !errors.is_empty() {
                p.push(format!("{doc} / {name}: {}", errors.join(" | ")));
            }
        }
    }
    p.assert_none("export variants");
}

/// Every figure printed in a table region (codes and the column-number
/// row aside) is a cell of a report row printed on the same line: nothing
/// the identities should cover is silently left out.
#[test]
fn every_printed_figure_of_every_table_is_read() {
    let mut p = Problems::default();
    for doc in DOCS_2026 {
        let (_, raw, report) = load(doc);
        let mut printed = 0;
        for t in &raw {
            let Some(rt) = table(&report, t.id) else {
                p.push(format!("{doc}: {} missing", t.id));
                continue;
            };
            for r in &t.rows {
                if squash(r.cell(0)) == "1" {
                    continue;
                }
                let read: Vec<rust_decimal::Decimal> = rows_on_line(rt, r.line)
                    .iter()
                    .flat_map(|row| row["cells"].as_array().cloned().unwrap_or_default())
                    .filter_map(|c| cell_amount(&c))
                    .collect();
                for (i, c) in r.cells.iter().enumerate() {
                    if i == 0 && is_code(c) {
                        continue;
                    }
                    let Some(v) = amount(c) else { continue };
                    printed += 1;
                    if !read.contains(&v) {
                        p.push(format!(
                            "{doc} {} line {} cell {i}: {c} not read",
                            t.id, r.line
                        ));
                    }
                }
            }
        }
        assert!(printed > 200, "{doc}: only {printed} figures scanned");
    }
    p.assert_none("printed figures");
}

/// Two documents pasted one after the other: every table keeps to the
/// first document's lines. (The second 表十三 once resumed the first
/// document's empty 表十三, as if it were the same table continued after a
/// page break, because the titles between them had been skipped.)
#[test]
fn a_second_document_pasted_after_the_first_is_not_mixed_in() {
    for (a, b) in [(0, 1), (1, 2), (2, 0)] {
        let first = fixture(DOCS_2026[a]);
        let second = fixture(DOCS_2026[b]);
        let first_lines = first.lines().count();
        let report = report_json(&format!("{first}\n{second}"));
        assert_eq!(
            report["document"]["department"],
            report_json(&first)["document"]["department"]
        );
        for t in report["tables"].as_array().expect("tables") {
            for r in t["rows"].as_array().expect("rows") {
                let line = r["line"].as_u64().unwrap_or(0) as usize;
                assert!(
                    line <= first_lines,
                    "{} + {}: {} takes line {line} ({}) from the second document",
                    DOCS_2026[a],
                    DOCS_2026[b],
                    t["id"],
                    r["name"]
                );
            }
        }
        // The reviewer is told the second document's tables were not read:
        // one S104 warning per repeated title, on that title's line.
        let repeated: Vec<u64> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| {
                f["rule"] == "S104"
                    && f["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("标题再次出现"))
            })
            .filter_map(|f| f["line"].as_u64())
            .collect();
        assert_eq!(
            repeated.len(),
            13,
            "{} + {}: {repeated:?}",
            DOCS_2026[a],
            DOCS_2026[b]
        );
        assert!(repeated.iter().all(|&l| l as usize > first_lines));
    }
}
