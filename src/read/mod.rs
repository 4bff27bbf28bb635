//! Stage 0: a file's bytes → the text the pipeline reads.
//!
//! Reviewers bring Word and Excel files, everybody else the published PDF;
//! a few paste text or save a web page. Each kind has its reader, chosen by
//! the bytes (never the file name), and each gives back [`Extracted`]: the
//! document as lines of text in the TAB shape the parser reads (a table row
//! a line, TAB between cells), and for each line where it came from (page
//! and box of a PDF, sheet and row of a workbook), so that findings can be
//! shown on the original.
//!
//! | kind | reader | where it runs |
//! |---|---|---|
//! | text (UTF-8, UTF-16, GB18030) | `crate::text::decode` | everywhere |
//! | HTML | `html.rs` | everywhere |
//! | Word `.docx` | `docx.rs` | native; the page's office module |
//! | Excel `.xlsx` | `xlsx.rs` | native; the page's office module |
//! | Excel `.xls` (BIFF8) | `xls.rs` | native; the page's office module |
//! | PDF | `pdf/` (positioned text → lines by geometry) | natively the whole file; in the page pdf.js gives the positioned text |
//!
//! The two workbook readers share the grid of displayed cells and its
//! layout as lines (`sheet.rs`). Old binary Word and WPS files (`.doc`,
//! `.wps`), encrypted, damaged or scanned files and anything else get a
//! [`ReadError`] whose message says, in Chinese, what the file is and what
//! to do.

use core::fmt;

use crate::prelude::*;

#[cfg(feature = "office")]
mod docx;
pub mod html;
#[cfg(feature = "office")]
mod office;
pub mod pdf;
#[cfg(feature = "office")]
mod sheet;
#[cfg(feature = "office")]
mod xls;
#[cfg(feature = "office")]
mod xlsx;

/// What a file is, from its first bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    #[default]
    Text,
    Html,
    Docx,
    Xlsx,
    /// Excel 97–2003 `.xls` (BIFF8 in an OLE2 compound file).
    Xls,
    Pdf,
    /// OLE2 compound file: `.doc`, `.xls`, `.wps` of before 2007, told
    /// apart by the streams it holds when it is read.
    LegacyOffice,
    /// A ZIP that is neither a Word nor an Excel file.
    OtherZip,
}

/// Where an extracted line came from, when the file has places.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A PDF page (1-based) and the line's box in PDF points, origin at the
    /// page's top left.
    Pdf {
        page: u32,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    /// A worksheet and its 1-based row.
    Sheet { sheet: String, row: u32 },
}

impl Place {
    /// The place as a report cites it: the page, or the worksheet row.
    pub fn origin(&self) -> crate::report::Origin {
        match self {
            Place::Pdf { page, .. } => crate::report::Origin::Page(*page),
            Place::Sheet { sheet, row } => crate::report::Origin::Sheet(crate::report::SheetRow {
                name: sheet.clone(),
                row: *row,
            }),
        }
    }
}

/// A file read into text.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub kind: FileKind,
    /// The document as TAB-shaped lines.
    pub text: String,
    /// `places[i]` is where line i+1 of `text` came from; empty when the
    /// file has no places (text, HTML, Word).
    pub places: Vec<Option<Place>>,
    /// The file holds the tables only (a workbook): the prose was not given.
    pub tables_only: bool,
}

/// Why a file could not be read, said to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Stable code ("pdf-scanned", "doc-legacy", …) for front ends and tests.
    pub code: &'static str,
    /// What the file is and what to do, in Chinese.
    pub message: String,
}

impl ReadError {
    pub fn new(code: &'static str, message: impl Into<String>) -> ReadError {
        ReadError {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for ReadError {}

/// What a file is, from its content.
pub fn sniff(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"%PDF-") || find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return FileKind::Pdf;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return FileKind::LegacyOffice;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // The parts' names are stored uncompressed in the local headers.
        if find(bytes, b"word/document.xml").is_some() {
            return FileKind::Docx;
        }
        if find(bytes, b"xl/workbook.xml").is_some() {
            return FileKind::Xlsx;
        }
        return FileKind::OtherZip;
    }
    if looks_like_html(bytes) {
        return FileKind::Html;
    }
    FileKind::Text
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// An HTML document starts, after white space and a BOM, with a doctype or
/// an `<html>`/`<head>`/`<body>`/`<table>`/`<meta>` tag.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let head: Vec<u8> = start
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<table",
        "<meta",
    ]
    .iter()
    .any(|tag| head.starts_with(tag.as_bytes()))
}

/// Reads a file of any supported kind into text.
pub fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let kind = sniff(bytes);
    match kind {
        FileKind::Text => {
            let decoded = crate::text::decode(bytes)
                .map_err(|e| ReadError::new("text-undecodable", e.to_string()))?;
            Ok(Extracted {
                kind,
                text: decoded.text.into_owned(),
                places: Vec::new(),
                tables_only: false,
            })
        }
        FileKind::OtherZip => Err(ReadError::new(
            "zip-unknown",
            "这是一个压缩包（ZIP），但不是 Word（.docx）或 Excel（.xlsx）文件。请解压后打开其中的文件。",
        )),
        FileKind::Html => {
            let decoded = crate::text::decode(bytes)
                .map_err(|e| ReadError::new("text-undecodable", e.to_string()))?;
            Ok(Extracted {
                kind,
                text: html::to_text(&decoded.text),
                places: Vec::new(),
                tables_only: false,
            })
        }
        FileKind::Docx | FileKind::Xlsx | FileKind::Xls | FileKind::Pdf | FileKind::LegacyOffice => {
            read_document(kind, bytes)
        }
    }
}

/// The message for an old binary Office file that is not an Excel
/// workbook (Word `.doc`, WPS `.wps`): `.xls` files are read.
pub(crate) fn legacy_office() -> ReadError {
    ReadError::new(
        "office-legacy",
        "这是旧版 Office 文件（Word .doc 或 WPS .wps 等），无法直接读取。请在 Word 或 WPS 中“另存为” .docx，或导出为 PDF 后再打开。",
    )
}

/// The readers of structured files; each kind's reader is built in where
/// its feature is on (the core web module leaves the Office and PDF
/// readers to modules loaded on demand).
fn read_document(kind: FileKind, bytes: &[u8]) -> Result<Extracted, ReadError> {
    match kind {
        #[cfg(all(feature = "pdf", not(target_arch = "wasm32")))]
        FileKind::Pdf => pdf::read(bytes),
        #[cfg(feature = "office")]
        FileKind::Docx => docx::read(bytes),
        #[cfg(feature = "office")]
        FileKind::Xlsx => xlsx::read(bytes),
        // An OLE2 file: an Excel workbook is read, anything else explained.
        #[cfg(feature = "office")]
        FileKind::LegacyOffice | FileKind::Xls => xls::read(bytes),
        #[cfg(not(feature = "office"))]
        FileKind::LegacyOffice => Err(legacy_office()),
        // In the browser a PDF's text comes from pdf.js, not from this
        // reader: the lib's validateFile sends it there (a build without
        // the native reader says the same).
        #[cfg(any(not(feature = "pdf"), target_arch = "wasm32"))]
        FileKind::Pdf => Err(ReadError::new(
            "pdf-elsewhere",
            "PDF 文件由页面的 PDF 模块（pdf.js）读取，不经此接口：请用 validateFile() 或在页面中打开；命令行 budget-lint check 也可直接读取。",
        )),
        _ => {
            let _ = bytes;
            Err(ReadError::new(
                "kind-unsupported",
                format!("此版本无法读取这种文件（{kind:?}）。请提供 PDF 导出的文本，或粘贴全文。"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_content() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), FileKind::Pdf);
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), FileKind::Html);
        assert_eq!(sniff("表一\t合计".as_bytes()), FileKind::Text);
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            FileKind::LegacyOffice
        );
        assert!(read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).is_err());
    }
}
