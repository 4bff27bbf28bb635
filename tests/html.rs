//! Every web-page rendering of the corpus in `tests/fixtures/shapes/`
//! (`*.html`: real `<table>` cells with `colspan`, `<p>` paragraphs, a
//! contents list laid out with `<div>`s) read through `check_file` must
//! give the report of its TAB original: the same tables, row by row and
//! figure by figure, and the same errors and warnings. Cases come from the
//! folder, so an HTML file added there is tested without new code.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use budget_lint::read::html::to_text;
use common::compare::{compare, Allowance};
use common::within;
use proptest::prelude::*;
use serde_json::Value;

fn html_files() -> Vec<(String, PathBuf)> {
    common::fixture_files("shapes", ".html")
}

fn json(report: budget_lint::Report) -> Value {
    serde_json::to_value(report).expect("report serialises")
}

#[test]
fn every_html_rendering_gives_the_report_of_its_tab_original() {
    let mut failures = Vec::new();
    for (stem, path) in html_files() {
        let bytes = std::fs::read(&path).expect("rendering");
        assert_eq!(
            budget_lint::read::sniff(&bytes),
            budget_lint::read::FileKind::Html,
            "{stem}"
        );
        let tab = json(budget_lint::check_text(&common::fixture(&stem)));
        let html = json(budget_lint::check_file(&bytes).expect("reads"));
        assert_eq!(html["summary"]["recognised"], true, "{stem}");
        let c = compare(&tab, &html, Allowance::default());
        if !c.problems.is_empty() {
            failures.push(format!(
                "{stem}.html: {} difference(s)\n    {}",
                c.problems.len(),
                c.problems.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every HTML file of the fixtures (`shapes/`, and `real-office/`, the real
/// documents as a department saves them as a web page) with what the page
/// would not show added — a hidden copy of every third table row with its
/// figures changed (`<tr style='display:none'>`, as Excel hides a row), a
/// hidden cell opening every row (a column Excel hid), Word's hidden text
/// (`mso-hide:all`) and a `hidden` element after every paragraph — gives
/// the report of the file as it was: the same tables, figures and
/// findings. Before, every hidden figure was read: rows counted twice,
/// every column one to the right.
#[test]
fn what_a_web_page_hides_is_not_read() {
    let mut files = common::fixture_files("shapes", ".html");
    files.extend(common::fixture_files("real-office", ".html"));
    let mut failures = Vec::new();
    let mut rows_hidden = 0;
    for (stem, path) in &files {
        let html = std::fs::read_to_string(path).expect("html");
        let mut hiding = String::with_capacity(html.len() * 2);
        for (i, piece) in html.split("<tr").enumerate() {
            if i == 0 {
                hiding.push_str(piece);
                continue;
            }
            // `piece` is a row from after its "<tr" on.
            let row = piece.split("</tr>").next().unwrap_or("");
            if i % 3 == 0 && row.bytes().any(|b| b.is_ascii_digit()) {
                rows_hidden += 1;
                let changed = row.replace('1', "7").replace('0', "8");
                let (attributes, cells) = changed.split_once('>').unwrap_or(("", ""));
                hiding.push_str(&format!(
                    "<tr{attributes} style='display: none'>{cells}</tr>\n"
                ));
            }
            let (attributes, rest) = piece.split_once('>').unwrap_or((piece, ""));
            hiding.push_str(&format!(
                "<tr{attributes}><td style=\"display:none\">9,999.00</td>{rest}"
            ));
        }
        let hiding = hiding
            .replace(
                "</p>",
                "<span style='mso-hide:all'>比上年增加12.34万元</span></p>\n<div hidden>合计\t1.00</div>",
            );
        let want = json(budget_lint::check_file(html.as_bytes()).expect("reads"));
        let got = json(budget_lint::check_file(hiding.as_bytes()).expect("reads"));
        let c = compare(&want, &got, Allowance::default());
        if !c.problems.is_empty() {
            failures.push(format!(
                "{stem}: {} difference(s)\n    {}",
                c.problems.len(),
                c.problems
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n    ")
            ));
        }
    }
    assert!(rows_hidden > 500, "only {rows_hidden} rows hidden");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Reads HTML and checks what it gives, under the 5-second hang limit; the
/// text never carries a tag or an event handler of the input.
fn survive(html: String, what: &str) -> String {
    within(Duration::from_secs(5), what, move || {
        let text = to_text(&html);
        let report = budget_lint::check_text(&text);
        serde_json::to_string(&report).expect("report serialises");
        text
    })
}

fn fixtures_html() -> Vec<String> {
    html_files()
        .into_iter()
        .map(|(_, p)| std::fs::read_to_string(p).expect("html"))
        .collect()
}

#[test]
fn hostile_html_gives_text_only_and_finishes() {
    let script = "<p>表一</p><script>document.write('<table><tr><td>9</td></tr></table>')</script>\
                  <style>td::after{content:'<b>'}</style><img src=x onerror=\"alert(1)\">\
                  <iframe src=\"javascript:alert(1)\"></iframe><svg onload=alert(1)><text>t</text></svg>\
                  <a href=\"javascript:alert(1)\" onclick='x()'>链接</a>";
    let text = survive(script.into(), "scripts and handlers");
    assert_eq!(text, "表一\n链接\n");
    let started = Instant::now();
    let n = 50_000;
    let deep = "<div><table><tr><td><span>".repeat(n)
        + "深"
        + &"</span></td></tr></table></div>".repeat(n);
    assert_eq!(survive(deep, "50 000 nested tables"), "深\n");
    let unclosed = "<p><b><i><table><tr><td>".repeat(n);
    assert_eq!(survive(unclosed, "50 000 unclosed tags"), "");
    let comments = "<!--".repeat(n) + "x";
    assert_eq!(survive(comments, "an unclosed comment"), "");
    let entities = "&#x110000;&#99999999999;&#xD800;&".repeat(n);
    let text = survive(entities, "bad references");
    assert!(text
        .chars()
        .all(|c| c == '\u{FFFD}' || c == '&' || c == '\n'));
    let spans = "<tr><td colspan=1000 rowspan=65534>x".repeat(10_000);
    let text = survive(format!("<table>{spans}</table>"), "huge spans");
    assert!(
        text.len() < 10_000 * super_max_row(),
        "{} bytes",
        text.len()
    );
    eprintln!("hostile HTML: {:?}", started.elapsed());
}

/// Bytes of one output row at most (MAX_COLUMNS cells of one TAB each and
/// a short text).
fn super_max_row() -> usize {
    budget_lint::read::html::MAX_COLUMNS + 16
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_markup_never_panics_or_hangs(
        parts in prop::collection::vec(prop::sample::select(vec![
            "<", ">", "</", "<!--", "-->", "<!", "<?", "\"", "'", "=", "&", "&#", "&#x", ";", "#",
            "table", "tr", "td", "th", "p", "br", "span", "script", "style", "colspan=", "rowspan=",
            "style='mso-tab-count:1'", " ", "\n", "\t", "9", "0", "预算", "合计", "\u{a0}", "é",
        ]), 0..400)
    ) {
        survive(parts.concat(), "arbitrary markup");
    }

    /// A corpus page cut anywhere and with bytes of markup written over it.
    #[test]
    fn mangled_corpus_pages_never_panic_or_hang(
        doc in 0..4usize,
        at in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), prop::sample::select(vec![b'<', b'>', b'"', b'&', b'/', b'='])), 0..40),
    ) {
        let mut bytes = fixtures_html()[doc].clone().into_bytes();
        bytes.truncate(at % (bytes.len() + 1));
        let n = bytes.len().max(1);
        for (i, b) in edits {
            if let Some(slot) = bytes.get_mut(i % n) {
                *slot = b;
            }
        }
        survive(String::from_utf8_lossy(&bytes).into_owned(), "mangled page");
    }
}
