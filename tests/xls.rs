//! Old Excel files (`.xls`, BIFF8): every `tests/fixtures/xls/<stem>*.xls`
//! (made from the corpus workbooks by `scripts/make-xls-fixtures.py`, once
//! by xlwt and once by LibreOffice) must read as `tests/fixtures/shapes/
//! <stem>.xlsx` does — the same lines, each from the same sheet and row —
//! and so give its report, finding for finding, and the tables and
//! table findings of the TAB original. Cases are generated from the
//! folder. Then the figures as displayed (`display/rounding.xls`: each
//! row carries what Excel shows, computed by the script with Python's
//! decimal module), the messages for damaged, encrypted, too old and
//! non-Excel OLE2 files, and damaged files never panicking.

mod common;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use budget_lint::read::{read, FileKind};
use common::compare::{compare, Allowance};
use serde_json::Value;

fn xls_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls")
}

/// (document stem, path) of every `.xls` document fixture: `<stem>.xls`
/// and `<stem>.lo.xls` alike.
fn xls_files() -> Vec<(String, PathBuf)> {
    let files = common::fixture_files("xls", ".xls");
    files
        .into_iter()
        .map(|(name, path)| (name.split('.').next().unwrap().to_string(), path))
        .collect()
}

fn xlsx_of(stem: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes")
        .join(format!("{stem}.xlsx"))
}

fn json(report: budget_lint::Report) -> Value {
    serde_json::to_value(report).expect("report serialises")
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_xls_reads_as_its_xlsx() {
    let files = xls_files();
    // Both writers, for every corpus workbook.
    assert_eq!(
        files.len(),
        2 * common::fixture_files("shapes", ".xlsx").len()
    );
    let mut failures = Vec::new();
    for (stem, path) in files {
        let what = name(&path);
        let xls = read(&std::fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{what}: {e}"));
        let xlsx = read(&std::fs::read(xlsx_of(&stem)).unwrap()).unwrap();
        assert_eq!(xls.kind, FileKind::Xls, "{what}");
        assert!(xls.tables_only, "{what}: a workbook holds the tables only");
        if xls.text != xlsx.text {
            let (i, (a, b)) = xls
                .text
                .lines()
                .zip(xlsx.text.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((0, ("(length)", "(length)")));
            failures.push(format!(
                "{what}: line {} is {a:?}, the .xlsx's {b:?}",
                i + 1
            ));
            continue;
        }
        if xls.places != xlsx.places {
            failures.push(format!("{what}: lines from other sheets or rows"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_xls_gives_its_xlsx_report_and_its_originals_tables() {
    let allow = Allowance {
        tables_only: true,
        ..Allowance::default()
    };
    let mut failures = Vec::new();
    for (stem, path) in xls_files() {
        let what = name(&path);
        let report = json(budget_lint::check_file(&std::fs::read(&path).unwrap()).unwrap());
        let xlsx = json(budget_lint::check_file(&std::fs::read(xlsx_of(&stem)).unwrap()).unwrap());
        if report != xlsx {
            failures.push(format!("{what}: the report differs from the .xlsx's"));
        }
        let tab = json(budget_lint::check_text(&common::fixture(&stem)));
        if report["summary"]["recognised"] == false
            && tab["tables"].as_array().is_some_and(Vec::is_empty)
        {
            // The 专项资金 list: its 申报表 only, nothing to check (S107).
            if common::findings_of(&report, &["S107"]).is_empty() {
                failures.push(format!("{what}: nothing checked, but no S107"));
            }
            continue;
        }
        let c = compare(&tab, &report, allow);
        if !c.problems.is_empty() {
            failures.push(format!("{what}: {}", c.problems.join("\n    ")));
        }
        if report["document"]["tables_only"] != true {
            failures.push(format!("{what}: not said to hold the tables only"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each row of `display/rounding.xls`: the stored value's repr, the format
/// code, the value under that format, what Excel shows it as.
#[test]
fn figures_are_read_as_their_number_format_displays_them() {
    let path = xls_dir().join("display/rounding.xls");
    let extracted = read(&std::fs::read(path).unwrap()).unwrap();
    let rows: Vec<Vec<&str>> = extracted
        .text
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|cells| cells.len() == 4)
        .collect();
    assert!(rows.len() >= 19, "{}", extracted.text);
    for cells in &rows {
        assert_eq!(
            cells[2], cells[3],
            "{} under {} shows {}",
            cells[0], cells[1], cells[3]
        );
    }
    let formats: Vec<&str> = rows.iter().map(|c| c[1]).collect();
    assert!(formats.contains(&"#,##0") && formats.contains(&"#,##0.00"));
}

/// No amount of any corpus workbook has more decimals than its format
/// shows, though half of the xlwt files' amounts are stored as 17-digit
/// doubles; every line has its sheet and row.
#[test]
fn stored_doubles_show_their_formats_decimals() {
    for (_, path) in xls_files() {
        let extracted = read(&std::fs::read(&path).unwrap()).unwrap();
        for (i, line) in extracted.text.lines().enumerate() {
            for cell in line.split('\t') {
                if let Some((_, decimals)) = cell.split_once('.') {
                    let all_digits = decimals.chars().all(|c| c.is_ascii_digit());
                    assert!(
                        !all_digits || decimals.len() <= 2,
                        "{} line {}: {cell}",
                        name(&path),
                        i + 1
                    );
                }
            }
            assert!(
                extracted.places.get(i).is_some(),
                "{} line {}",
                name(&path),
                i + 1
            );
        }
    }
}

#[test]
fn the_cli_reads_xls_files() {
    for (stem, path) in xls_files() {
        let (code, stdout, stderr) = common::cli_json(&path);
        let report: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{stem}: not JSON ({e}): {stderr}"));
        let library = json(budget_lint::check_file(&std::fs::read(&path).unwrap()).unwrap());
        assert_eq!(report, library, "{}", path.display());
        let expected = if library["summary"]["recognised"] == false {
            3
        } else {
            i32::from(library["summary"]["errors"].as_u64().unwrap() > 0)
        };
        assert_eq!(code, expected, "{}", path.display());
    }
}

/// An OLE2 compound file holding the given streams.
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (name, data) in streams {
        file.create_stream(name).unwrap().write_all(data).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// A corpus workbook's `Workbook` stream.
fn workbook_stream() -> Vec<u8> {
    let path = &xls_files()[0].1;
    let mut file = cfb::CompoundFile::open(Cursor::new(std::fs::read(path).unwrap())).unwrap();
    let mut data = Vec::new();
    file.open_stream("/Workbook")
        .unwrap()
        .read_to_end(&mut data)
        .unwrap();
    data
}

fn refused(bytes: &[u8]) -> budget_lint::read::ReadError {
    read(bytes).expect_err("refused")
}

#[test]
fn damaged_encrypted_old_and_non_excel_files_get_their_messages() {
    // Cut short: the container is broken, but what it held still shows.
    let e = refused(&std::fs::read(xls_dir().join("bad/truncated.xls")).unwrap());
    assert_eq!(e.code, "office-damaged", "{e}");
    assert!(e.message.contains("Excel 文件已损坏"), "{e}");

    // Password-protected: a FILEPASS record right after the globals' BOF.
    let stream = workbook_stream();
    let bof_len = 4 + usize::from(u16::from_le_bytes([stream[2], stream[3]]));
    let mut locked = stream[..bof_len].to_vec();
    locked.extend([0x2F, 0x00, 0x06, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00]);
    locked.extend(&stream[bof_len..]);
    let e = refused(&compound(&[("/Workbook", &locked)]));
    assert_eq!(e.code, "office-encrypted", "{e}");
    assert!(e.message.contains("Excel 文件设置了密码"), "{e}");

    // An encrypted .xlsx/.docx is an OLE2 file too.
    let e = refused(&compound(&[
        ("/EncryptionInfo", b"\x04\x00"),
        ("/EncryptedPackage", b"x"),
    ]));
    assert_eq!(e.code, "office-encrypted", "{e}");

    // The stream cut inside a record.
    let e = refused(&compound(&[("/Workbook", &stream[..stream.len() / 2 + 3])]));
    assert_eq!(e.code, "office-damaged", "{e}");
    assert!(e.message.contains("Excel"), "{e}");

    // Excel 95 (BIFF5, in a `Book` stream).
    let biff5 = [0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0];
    let e = refused(&compound(&[("/Book", &biff5)]));
    assert_eq!(e.code, "xls-too-old", "{e}");

    // A Word 97 file: the old message, which no longer sends .xls users
    // to save again.
    let e = refused(&std::fs::read(xls_dir().join("bad/word.doc")).unwrap());
    assert_eq!(e.code, "office-legacy", "{e}");
    assert!(
        e.message.contains("另存为") && !e.message.contains(".xls"),
        "{e}"
    );

    // Not a compound file at all behind the OLE2 signature.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    assert_eq!(refused(&ole).code, "office-damaged");
}

/// Cut short and with bytes changed, every fixture is read or refused
/// with a message, never a panic or a hang.
#[test]
fn damaged_xls_files_are_refused_not_fatal() {
    let mut files: Vec<PathBuf> = xls_files().into_iter().map(|(_, p)| p).collect();
    files.push(xls_dir().join("display/rounding.xls"));
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let mut variants: Vec<Vec<u8>> = [
            8,
            100,
            600,
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len() - 1,
        ]
        .iter()
        .map(|&n| bytes[..n].to_vec())
        .collect();
        for step in [97, 997, 4093] {
            let mut flipped = bytes.clone();
            for i in (520..flipped.len()).step_by(step) {
                flipped[i] ^= 0x5A;
            }
            variants.push(flipped);
        }
        for (i, variant) in variants.into_iter().enumerate() {
            let what = format!("{} variant {i}", name(&path));
            let outcome = common::within(Duration::from_secs(10), &what, move || {
                budget_lint::check_file(&variant).map(|_| ())
            });
            if let Err(e) = outcome {
                assert!(!e.message.is_empty(), "{what}: empty message");
            }
        }
    }
}
