//! Bad input never panics and never hangs.
//!
//! Property tests feed arbitrary text, arbitrary bytes and mangled corpus
//! documents (lines dropped, duplicated, swapped, shuffled, cut at a random
//! char boundary, TABs removed or added, cells swapped) through the whole
//! pipeline and the serialisation of its report. Every case runs on its own
//! thread under a 5-second limit: a hang check, not a benchmark.
//! Old Excel files (`.xls`) are corrupted and cut the same way through
//! `check_file`. Explicit cases cover the extremes: empty, blank, 5 MB, binary, hostile
//! HTML, a 1 MB line, 100 000 TABs.

mod common;

use std::time::{Duration, Instant};

use budget_lint::text::DecodeError;
use common::*;
use proptest::prelude::*;

/// The whole pipeline and every rendering of its report, under the limit.
fn survive(text: String, what: &str) {
    within(Duration::from_secs(5), what, move || {
        let report = budget_lint::check_text(&text);
        let json = serde_json::to_string(&report).expect("report serialises");
        let rendered = budget_lint::report::render_text(&report, "input.txt");
        assert!(!json.is_empty() && !rendered.is_empty());
        report.summary.errors
    });
}

fn survive_bytes(bytes: Vec<u8>, what: &str) {
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    within(Duration::from_secs(5), what, move || {
        if let Ok(report) = budget_lint::check_bytes(&bytes) {
            serde_json::to_string(&report).expect("report serialises");
        }
    });
    survive(lossy, what);
}

/// Every fixture, 2022 included.
fn corpus() -> Vec<String> {
    DOCS_2026
        .iter()
        .chain(std::iter::once(&DOC_2022))
        .map(|d| fixture(d))
        .collect()
}

/// Characters the engine pays attention to, to reach deep into the parser
/// far more often than uniform Unicode would.
const ALPHABET: &[&str] = &[
    "\t",
    "\n",
    "\r\n",
    " ",
    "0",
    "1",
    "2",
    "5",
    "9",
    ".",
    ",",
    "-",
    "(",
    ")",
    "%",
    "合计",
    "小计",
    "201",
    "20113",
    "2011301",
    "2026年",
    "预算收支总表",
    "预算收入总表",
    "预算支出总表",
    "财政拨款收支总表",
    "项目支出预算表（本年预算）",
    "注：本表无数据",
    "单位：万元",
    "部门名称：",
    "一、",
    "二十、",
    "基本支出",
    "项目支出",
    "万元",
    "元",
    "占",
    "增长",
    "<p>",
    "</p>",
    "|",
    "---",
    "仅供内部审核",
    "……",
    "１２３",
    "（",
    "）",
    "“",
    "”",
    "①",
    "工资福利支出",
    "本年收入合计",
    "收入总计",
    "支出总计",
    "第三部分",
    "\u{feff}",
    "\u{0}",
];

fn table_like_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..600).prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
enum Mangle {
    Drop(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Shuffle { start: usize, len: usize, seed: u64 },
    RemoveTabs(usize),
    AddTab(usize, usize),
    SwapCells(usize, usize, usize),
    Cut(usize),
}

fn mangle() -> impl Strategy<Value = Mangle> {
    let n = 2000usize;
    prop_oneof![
        (0..n).prop_map(Mangle::Drop),
        (0..n).prop_map(Mangle::Duplicate),
        (0..n, 0..n).prop_map(|(a, b)| Mangle::Swap(a, b)),
        (0..n, 1..60usize, any::<u64>()).prop_map(|(start, len, seed)| Mangle::Shuffle {
            start,
            len,
            seed
        }),
        (0..n).prop_map(Mangle::RemoveTabs),
        (0..n, 0..200usize).prop_map(|(l, p)| Mangle::AddTab(l, p)),
        (0..n, 0..10usize, 0..10usize).prop_map(|(l, a, b)| Mangle::SwapCells(l, a, b)),
        (0..200_000usize).prop_map(Mangle::Cut),
    ]
}

/// Applies the operations; indices wrap so that every one does something.
fn apply(text: &str, ops: &[Mangle]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut cut: Option<usize> = None;
    for op in ops {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match *op {
            Mangle::Drop(i) => {
                lines.remove(i % n);
            }
            Mangle::Duplicate(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mangle::Swap(a, b) => lines.swap(a % n, b % n),
            Mangle::Shuffle { start, len, seed } => {
                let s = start % n;
                let e = (s + len).min(n);
                let mut state = seed | 1;
                for i in (s + 1..e).rev() {
                    // xorshift: deterministic, no rand dependency
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let j = s + (state as usize) % (i - s + 1);
                    lines.swap(i, j);
                }
            }
            Mangle::RemoveTabs(i) => {
                let l = &mut lines[i % n];
                *l = l.replace('\t', "");
            }
            Mangle::AddTab(i, p) => {
                let l = &mut lines[i % n];
                let at = floor_char_boundary(l, p % (l.len() + 1));
                l.insert(at, '\t');
            }
            Mangle::SwapCells(i, a, b) => {
                let l = &mut lines[i % n];
                let mut cells: Vec<String> = l.split('\t').map(str::to_string).collect();
                let k = cells.len();
                cells.swap(a % k, b % k);
                *l = cells.join("\t");
            }
            Mangle::Cut(at) => cut = Some(at),
        }
    }
    let mut out = lines.join("\n");
    if let Some(at) = cut {
        let at = floor_char_boundary(&out, at % (out.len() + 1));
        out.truncate(at);
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_or_hangs(text in any::<String>()) {
        survive(text, "arbitrary text");
    }

    #[test]
    fn table_like_text_never_panics_or_hangs(text in table_like_text()) {
        survive(text, "table-like text");
    }

    #[test]
    fn arbitrary_bytes_never_panic_or_hang(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        survive_bytes(bytes, "arbitrary bytes");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mangled_corpus_documents_never_panic_or_hang(
        doc in 0..4usize,
        ops in prop::collection::vec(mangle(), 1..25),
    ) {
        let text = apply(&corpus()[doc], &ops);
        survive(text, "mangled corpus document");
    }

    /// A corpus document cut at any char boundary (a truncated download or
    /// a paste that stopped early).
    #[test]
    fn corpus_cut_anywhere_never_panics(doc in 0..4usize, at in 0..1_000_000usize) {
        let mut text = corpus()[doc].clone();
        let at = floor_char_boundary(&text, at % (text.len() + 1));
        text.truncate(at);
        survive(text, "cut corpus document");
    }

    /// Bytes of a corpus document with a few bytes overwritten, decoded
    /// lossily and through check_bytes (UTF-8, then GB18030).
    #[test]
    fn corpus_with_corrupted_bytes_never_panics(
        doc in 0..4usize,
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..40),
    ) {
        let mut bytes = corpus()[doc].clone().into_bytes();
        let n = bytes.len();
        for (at, b) in edits {
            bytes[at % n] = b;
        }
        survive_bytes(bytes, "corrupted corpus bytes");
    }
}

/// The `.xls` fixtures (tests/fixtures/xls), read whole.
fn xls_files() -> Vec<Vec<u8>> {
    common::fixture_files("xls", ".xls")
        .into_iter()
        .map(|(_, path)| std::fs::read(path).expect("fixture"))
        .collect()
}

/// A file's bytes through `check_file` (the reader its bytes choose),
/// under the limit: read, or refused with a message.
fn survive_file(bytes: Vec<u8>, what: &str) {
    within(
        Duration::from_secs(5),
        what,
        move || match budget_lint::check_file(&bytes) {
            Ok(report) => {
                serde_json::to_string(&report).expect("report serialises");
            }
            Err(e) => assert!(!e.message.is_empty()),
        },
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// An old Excel file with bytes overwritten — in the compound file's
    /// header, FAT and directory as well as in the BIFF records: record
    /// lengths, string counts, SST counts, sheet offsets, cell indices.
    #[test]
    fn xls_with_corrupted_bytes_never_panics(
        file in 0..8usize,
        header in any::<bool>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..40),
    ) {
        let files = xls_files();
        let mut bytes = files[file % files.len()].clone();
        // Half the cases edit the compound file's header alone (sector
        // sizes, FAT and directory locations), which random places in the
        // whole file would seldom reach.
        let n = if header { 512 } else { bytes.len() };
        for (at, b) in edits {
            bytes[at % n] = b;
        }
        survive_file(bytes, "corrupted xls");
    }

    /// An old Excel file cut anywhere (a download that stopped early).
    #[test]
    fn xls_cut_anywhere_never_panics(file in 0..8usize, at in any::<usize>()) {
        let files = xls_files();
        let bytes = &files[file % files.len()];
        survive_file(bytes[..at % (bytes.len() + 1)].to_vec(), "cut xls");
    }
}

#[test]
fn empty_and_blank_input() {
    survive(String::new(), "empty");
    assert_eq!(
        budget_lint::check_bytes(b"").err(),
        Some(DecodeError::Empty)
    );
    for blank in [" ", "\n\n\n", "\t\t\n \u{3000}\r\n", "\u{feff}"] {
        survive(blank.to_string(), "blank");
        let report = budget_lint::check_text(blank);
        assert!(report.tables.is_empty(), "{blank:?}: tables out of nothing");
        assert_eq!(report.summary.errors, 0, "{blank:?}: errors out of nothing");
    }
}

#[test]
fn five_megabytes_of_corpus_finish() {
    let docs = corpus();
    let mut text = String::new();
    while text.len() < 5 << 20 {
        for d in &docs {
            text.push_str(d);
            text.push('\n');
        }
    }
    let len = text.len();
    let started = Instant::now();
    // Generous: this is a debug build, and a hang check.
    let tables = within(Duration::from_secs(60), "5 MB", move || {
        budget_lint::check_text(&text).tables.len()
    });
    eprintln!(
        "5 MB document ({len} bytes): {:?}, {tables} tables",
        started.elapsed()
    );
    assert!(tables >= 13, "the first copy's tables at least");
}

#[test]
fn binary_input_is_refused_not_parsed() {
    let mut png = vec![
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    png.extend_from_slice(b"IHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0");
    png.extend((0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 24) as u8));
    assert_eq!(
        budget_lint::check_bytes(&png).err(),
        Some(DecodeError::Binary),
        "a PNG is not text"
    );
    survive_bytes(png, "png");
}

#[test]
fn hostile_html_in_cells_comes_out_as_plain_text() {
    let doc = fixture(DOCS_2026[0]);
    let tables = scan_tables(&doc);
    let projects = project_rows(raw_table(&tables, "表十二"));
    let target = projects[2];
    let mut cells = target.cells.clone();
    cells[0] = format!("<script>alert('x')</script>{}", cells[0]);
    let mut text = replace_line(&doc, target.line, &cells.join("\t"));
    let six = raw_table(&tables, "表六");
    let item = six
        .rows
        .iter()
        .find(|r| !r.cell(1).is_empty() && amount(r.cell(2)).is_some())
        .expect("item");
    let mut cells = item.cells.clone();
    cells[0] = format!("<img src=x onerror=\"alert(1)\">{}", cells[0]);
    cells[2] = format!("<b>{}</b>", cells[2]);
    text = replace_line(&text, item.line, &cells.join("\t"));
    text.push_str("\n<iframe src=\"javascript:alert(1)\"></iframe><svg onload=alert(1)>\n");

    let report = budget_lint::check_text(&text);
    let json = serde_json::to_string(&report).expect("serialises");
    let rendered = budget_lint::report::render_text(&report, "x.txt");
    for out in [&json, &rendered] {
        let lower = out.to_lowercase();
        for bad in [
            "<script",
            "<img",
            "onerror",
            "<iframe",
            "<svg",
            "<b>",
            "javascript:",
        ] {
            assert!(!lower.contains(bad), "{bad:?} survived into the output");
        }
    }
    let value = serde_json::to_value(&report).expect("value");
    let twelve = table(&value, "表十二").expect("表十二 still recognised");
    let row = rows_on_line(twelve, target.line);
    assert_eq!(row.len(), 1, "the project row is still read");
    let name = row[0]["name"].as_str().unwrap_or("");
    assert!(
        name.ends_with(&squash(target.cell(0))) && !name.contains('<'),
        "project name {name:?}"
    );
    let six = table(&value, "表六").expect("表六");
    let row = rows_on_line(six, item.line);
    assert_eq!(row.len(), 1, "the 表六 item is still read");
    assert_eq!(
        row[0]["name"].as_str().map(squash),
        Some(squash(item.cell(0))),
        "tag stripped, name kept"
    );
    assert_eq!(
        cell_amount(&row[0]["cells"][0]),
        amount(item.cell(2)),
        "<b>figure</b> read as the figure"
    );
}

#[test]
fn a_megabyte_line_without_newline_finishes() {
    let line: String = "预算收支总表\t1,234.56\t合计".repeat(1 << 20 >> 5);
    assert!(line.len() >= 1 << 20);
    let started = Instant::now();
    survive(line, "1 MB line");
    eprintln!("1 MB line: {:?}", started.elapsed());
    let digits = "9".repeat(1 << 20);
    survive(digits, "1 MB of digits");
}

#[test]
fn a_hundred_thousand_tabs_finish() {
    let started = Instant::now();
    survive("\t".repeat(100_000), "100k TABs");
    let mut doc = fixture(DOCS_2026[1]);
    doc.insert_str(doc.len() / 3, &"\t".repeat(100_000));
    survive(doc, "100k TABs inside a document");
    let per_line: String = (0..1000)
        .map(|_| format!("{}\n", "\t".repeat(100)))
        .collect();
    survive(per_line, "1000 lines of 100 TABs");
    eprintln!("TAB cases: {:?}", started.elapsed());
}

/// HTML residue arrives entity-encoded too ("&lt;p&gt;" from a double
/// export). Decoding the entities after the tags were stripped turns
/// "&lt;script&gt;" into a real "<script>" in the report.
#[test]
fn entity_encoded_html_does_not_come_out_as_markup() {
    let doc = fixture(DOCS_2026[0]);
    let tables = scan_tables(&doc);
    let target = project_rows(raw_table(&tables, "表十二"))[2];
    let mut cells = target.cells.clone();
    cells[0] = format!("&lt;script&gt;alert(1)&lt;/script&gt;{}", cells[0]);
    let text = replace_line(&doc, target.line, &cells.join("\t"));
    let json = serde_json::to_string(&budget_lint::check_text(&text)).expect("serialises");
    assert!(
        !json.to_lowercase().contains("<script"),
        "an entity-encoded <script> came out as markup"
    );
}
