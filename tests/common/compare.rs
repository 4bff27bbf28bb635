//! Comparing a report read from another shape of a document (layout text,
//! one cell a line, HTML, PDF, Word, Excel …) with the report of its TAB
//! original: the same tables, row by row and figure by figure, and the same
//! errors and warnings, keyed by rule and the figures they cite (line
//! numbers differ between shapes, so they are not compared).

use std::collections::BTreeMap;

use serde_json::Value;

/// What a shape may differ in.
#[derive(Clone, Copy, Debug, Default)]
pub struct Allowance {
    /// Rows may be reported as not placed (single-spaced text, where an
    /// empty cell leaves no trace): they are not compared, and findings of
    /// the original may be missing, but never a finding added.
    pub unplaced_rows: bool,
    /// Only the tables are given (a workbook without the prose): only table
    /// and structure findings (T, S) are compared.
    pub tables_only: bool,
    /// Only the prose, the 绩效 forms and the 专项资金 document are
    /// compared, not the tables: what their readers made of them (facts
    /// and form values, line numbers aside) and the N, F and P findings
    /// that cite no budget table cell (those follow the table readers).
    pub prose_only: bool,
    /// The 绩效 forms may be left unread (F111, P106: a layout whose cells
    /// cannot be told apart): they are not compared, and findings of the
    /// original may be missing, but never one added.
    pub forms_unread: bool,
    /// Rows may come in another order (one cell a line prints a row's
    /// label where the page has room: 表十's ①公务用车购置费 after 合计):
    /// each row of the original is compared with a row of the same
    /// label and figures wherever it stands.
    pub any_row_order: bool,
}

/// The outcome of a comparison: every difference, and the placed share.
#[derive(Debug, Default)]
pub struct Comparison {
    pub problems: Vec<String>,
    pub rows: usize,
    pub rows_placed: usize,
    /// Tables the shape's reading left unread whole (where rows may be
    /// unplaced): every row unplaced, or none read and an S106 finding
    /// naming the table. Their rows are not compared.
    pub tables_unread: Vec<String>,
    /// The rows of the original in those tables (counted in `rows`).
    pub rows_unread: usize,
}

impl Comparison {
    /// The share of the original's rows placed, in the tables read.
    pub fn placed_share(&self) -> f64 {
        let read = self.rows - self.rows_unread;
        if read == 0 {
            1.0
        } else {
            self.rows_placed as f64 / read as f64
        }
    }
}

/// Whether the shape's reading left table `o` unread whole, where the
/// original has `rows` rows: it has none and an S106 finding names it
/// ("公开01表（第272行、…）读到的数字 … 无法定位"), or each of its rows holds a
/// figure not placed and they are not the original's rows (a table of
/// one row unplaced is compared as a row unplaced).
fn left_unread(report: &Value, o: &Value, want: usize) -> bool {
    let rows = o["rows"].as_array().map_or(&[][..], Vec::as_slice);
    let id = o["id"].as_str().unwrap_or("");
    let named = || {
        report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["rule"] == "S106")
            .filter_map(|f| f["message"].as_str())
            .any(|m| m.starts_with(&format!("{id}（")))
    };
    if rows.is_empty() {
        named()
    } else {
        rows.len() != want && rows.iter().all(row_unplaced)
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A cell as compared: its value ("75.8": a workbook may display 75.80
/// where the text printed 75.8), or its kind ("blank").
fn cell_key(cell: &Value) -> String {
    match cell["kind"].as_str() {
        Some("value") => cell["value"]
            .as_str()
            .and_then(|v| v.parse::<rust_decimal::Decimal>().ok())
            .map_or_else(|| "?".into(), |d| d.normalize().to_string()),
        Some(kind) => kind.to_string(),
        None => "?".into(),
    }
}

/// True when a row holds a figure the reader could not place.
pub fn row_unplaced(row: &Value) -> bool {
    row["cells"].as_array().is_some_and(|cells| {
        cells
            .iter()
            .any(|c| c["text"].as_str() == Some(budget_lint::rebuild::UNPLACED))
    })
}

/// `got` reordered so that each row of `want` meets a row of the same
/// key where there is one; the rest keep their order in the places left.
fn in_order_of<'a>(want: &[Value], got: &'a [Value]) -> Vec<&'a Value> {
    let mut unused: Vec<&Value> = got.iter().collect();
    let mut matched: Vec<Option<&Value>> = want
        .iter()
        .map(|w| {
            let key = row_key(w);
            let at = unused.iter().position(|g| row_key(g) == key)?;
            Some(unused.remove(at))
        })
        .collect();
    let mut rest = unused.into_iter();
    for slot in matched.iter_mut().filter(|m| m.is_none()) {
        *slot = rest.next();
    }
    matched.into_iter().flatten().chain(rest).collect()
}

/// A row as compared: its kind, code, name and cells.
pub fn row_key(row: &Value) -> String {
    let cells: Vec<String> = row["cells"]
        .as_array()
        .map(|cs| cs.iter().map(cell_key).collect())
        .unwrap_or_default();
    format!(
        "{} {} {} | {}",
        row["kind"].as_str().unwrap_or(""),
        row["code"].as_str().unwrap_or(""),
        squash(row["name"].as_str().unwrap_or("")),
        cells.join(" ")
    )
}

/// The errors and warnings of a report, keyed by rule and cited figures,
/// with how often each key occurs.
fn finding_keys(report: &Value, allow: Allowance) -> BTreeMap<String, usize> {
    let mut keys = BTreeMap::new();
    for f in report["findings"].as_array().into_iter().flatten() {
        let severity = f["severity"].as_str().unwrap_or("");
        if severity != "error" && severity != "warning" {
            continue;
        }
        let rule = f["rule"].as_str().unwrap_or("");
        if allow.tables_only && !(rule.starts_with('T') || rule.starts_with('S')) {
            continue;
        }
        if allow.prose_only && (!matches!(rule.get(..1), Some("N" | "F" | "P")) || cites_table(f)) {
            continue;
        }
        // A row not placed is reported by its own warning (checked apart,
        // `unplaced_reported`); an S106 error is compared like any other.
        if allow.unplaced_rows && rule == "S106" && severity == "warning" {
            continue;
        }
        let values = super::cited_values(f);
        *keys
            .entry(format!("{severity} {rule} [{}]", values.join(", ")))
            .or_default() += 1;
    }
    keys
}

/// True when a finding rests on a budget table (表一 … 表十三): it cites
/// one of its cells, or names it (a name list against 表六's columns, a
/// form against 表十二's projects). The table readers give those.
fn cites_table(finding: &Value) -> bool {
    let names_table = |t: &str| {
        t.match_indices('表').any(|(i, _)| {
            t[i + '表'.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|c| "一二三四五六七八九十".contains(c))
        })
    };
    names_table(finding["message"].as_str().unwrap_or(""))
        || finding["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|e| e["table"].as_str().is_some_and(names_table))
}

/// An unread form's own finding (F111, P106).
fn is_unread_form(key: &str) -> bool {
    key.contains(" F111 ") || key.contains(" P106 ")
}

/// What the prose, forms and 专项资金 readers made of a report's
/// document, one "path = value" a leaf, without line numbers (which
/// differ between shapes).
pub fn prose_leaves(report: &Value, with_forms: bool) -> Vec<String> {
    fn walk(v: &Value, path: &str, out: &mut Vec<String>, forms: bool) {
        match v {
            Value::Object(map) => {
                // A quote's text is what its line shows of the phrase: it
                // ends at the line's start, which depends on the shape.
                let quote = map.contains_key("shown");
                for (k, v) in map {
                    let form = k == "form" && !forms;
                    if k == "line"
                        || k.ends_with("_line")
                        || k == "lines"
                        || (quote && k == "text")
                        || form
                    {
                        continue;
                    }
                    walk(v, &format!("{path}.{k}"), out, forms);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), out, forms);
                }
            }
            Value::String(s) => out.push(format!("{path} = {}", squash(s))),
            other => out.push(format!("{path} = {other}")),
        }
    }
    let mut out = Vec::new();
    // The narrative by its facts, section by section: where a paragraph
    // ends is not always known in wrapped text (a full line ending in
    // "；"), and a sentence more or less states the same facts.
    for section in report["narrative"]["sections"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let path = format!("narrative.{}", section["number"]);
        walk(&section["title"], &format!("{path}.title"), &mut out, true);
        let sentences = section["sentences"].as_array().into_iter().flatten();
        let facts = sentences.flat_map(|s| s["facts"].as_array().into_iter().flatten());
        for (i, fact) in facts.enumerate() {
            walk(fact, &format!("{path}.facts[{i}]"), &mut out, true);
        }
    }
    if with_forms {
        walk(&report["document"]["forms"], "forms", &mut out, true);
    }
    walk(
        &report["document"]["special"],
        "special",
        &mut out,
        with_forms,
    );
    out
}

/// Every row holding a figure not placed must be named (by its line) by an
/// S106 finding; returns the rows that are not.
fn unplaced_reported(report: &Value) -> Vec<String> {
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "S106")
        .filter_map(|f| f["message"].as_str())
        .collect();
    let mut missing = Vec::new();
    for t in report["tables"].as_array().into_iter().flatten() {
        for row in t["rows"].as_array().into_iter().flatten() {
            if !row_unplaced(row) {
                continue;
            }
            let named = format!("第{}行", row["line"]);
            if !messages.iter().any(|m| m.contains(&named)) {
                missing.push(format!(
                    "{} line {}: a row not placed without its S106 finding",
                    t["id"].as_str().unwrap_or(""),
                    row["line"]
                ));
            }
        }
    }
    missing
}

/// Compares `other` (the report of a shape) with `tab` (of the original).
pub fn compare(tab: &Value, other: &Value, allow: Allowance) -> Comparison {
    let mut c = Comparison::default();
    let no_tables = Vec::new();
    let other_tables = other["tables"].as_array().unwrap_or(&no_tables);
    let tables = if allow.prose_only {
        &no_tables
    } else {
        tab["tables"].as_array().unwrap_or(&no_tables)
    };
    for t in tables {
        let id = t["id"].as_str().unwrap_or("");
        let Some(o) = other_tables.iter().find(|o| o["id"] == t["id"]) else {
            c.problems.push(format!("{id}: table missing"));
            continue;
        };
        let want = t["rows"].as_array().unwrap_or(&no_tables);
        if allow.unplaced_rows && !want.is_empty() && left_unread(other, o, want.len()) {
            c.rows += want.len();
            c.rows_unread += want.len();
            c.tables_unread.push(id.to_string());
            continue;
        }
        let got = o["rows"].as_array().unwrap_or(&no_tables);
        let got = if allow.any_row_order {
            in_order_of(want, got)
        } else {
            got.iter().collect()
        };
        c.rows += want.len();
        if want.len() != got.len() {
            c.problems.push(format!(
                "{id}: {} rows, the original has {}",
                got.len(),
                want.len()
            ));
        }
        for (i, (w, &g)) in want.iter().zip(&got).enumerate() {
            if allow.unplaced_rows && row_unplaced(g) {
                continue;
            }
            let (wk, gk) = (row_key(w), row_key(g));
            if wk == gk {
                c.rows_placed += 1;
            } else {
                c.problems.push(format!(
                    "{id} row {} (line {}): {gk}\n      original (line {}): {wk}",
                    i + 1,
                    g["line"],
                    w["line"]
                ));
            }
        }
    }
    if allow.prose_only {
        let with_forms = !allow.forms_unread;
        let (want, got) = (
            prose_leaves(tab, with_forms),
            prose_leaves(other, with_forms),
        );
        let mut shown = 0;
        for (w, g) in want.iter().zip(&got) {
            if w != g && shown < 5 {
                c.problems.push(format!("read: {g}\n      original: {w}"));
                shown += 1;
            }
        }
        if want.len() != got.len() {
            c.problems.push(format!(
                "read: {} facts, the original {}",
                got.len(),
                want.len()
            ));
        }
    }
    let want = finding_keys(tab, allow);
    let got = finding_keys(other, allow);
    if allow.unplaced_rows {
        c.problems.extend(unplaced_reported(other));
    }
    for (key, &n) in &got {
        let had = want.get(key).copied().unwrap_or(0);
        if n > had && !(allow.forms_unread && is_unread_form(key)) {
            c.problems.push(format!("added: {key} (×{})", n - had));
        }
    }
    if !allow.unplaced_rows && !allow.forms_unread {
        for (key, &n) in &want {
            let has = got.get(key).copied().unwrap_or(0);
            if n > has {
                c.problems.push(format!("lost: {key} (×{})", n - has));
            }
        }
    }
    c
}
