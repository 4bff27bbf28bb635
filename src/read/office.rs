//! What the Word and Excel readers share: the ZIP package of an Office
//! Open XML file, read part by part, and the few XML helpers both need
//! (an element's attribute by local name, text with its entity
//! references resolved).
//!
//! Both formats are ZIP archives of XML parts. `zip` is built to inflate
//! only and `quick-xml` pulls events without building a tree, so a
//! 30-page document reads in a few milliseconds and the page's office
//! module stays small.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, BytesStart};
use zip::ZipArchive;

use super::ReadError;

/// The largest part we inflate: a disclosure's document.xml is well under
/// 10 MB; anything far larger is a damaged file or a ZIP bomb.
const MAX_PART_BYTES: u64 = 256 << 20;

/// An open Office package.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// "Word" or "Excel", for messages.
    what: &'static str,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], what: &'static str) -> Result<Package<'a>, ReadError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged(what))?;
        Ok(Package { zip, what })
    }

    /// The text of a part ("word/document.xml"), or None when the package
    /// has no such part.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, ReadError> {
        let what = self.what;
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(_)) => return Err(encrypted(what)),
            Err(_) => return Err(damaged(what)),
        };
        if file.size() > MAX_PART_BYTES {
            return Err(ReadError::new(
                "office-too-large",
                format!("这个 {what} 文件的内容过大（{name} 超过 256 MB），无法读取。"),
            ));
        }
        // The declared size is only a hint: a damaged header may claim more.
        let mut text = String::with_capacity(file.size().min(16 << 20) as usize);
        file.by_ref()
            .take(MAX_PART_BYTES)
            .read_to_string(&mut text)
            .map_err(|_| damaged(what))?;
        Ok(Some(text))
    }

    /// A part the file cannot do without.
    pub(super) fn required(&mut self, name: &str) -> Result<String, ReadError> {
        self.part(name)?.ok_or_else(|| damaged(self.what))
    }
}

/// The message for a package that cannot be unpacked or parsed.
pub(super) fn damaged(what: &str) -> ReadError {
    ReadError::new(
        "office-damaged",
        format!("这个 {what} 文件已损坏或不完整，无法读取。请在 {what} 或 WPS 中打开后重新保存，或导出为 PDF 后再打开。"),
    )
}

/// The message for a file protected by a password.
pub(super) fn encrypted(what: &str) -> ReadError {
    ReadError::new(
        "office-encrypted",
        format!("这个 {what} 文件设置了密码或经过加密，无法读取。请取消密码后重新保存，或导出为 PDF 后再打开。"),
    )
}

/// The value of an element's attribute, by its local name (`w:val` and
/// `val` alike), entities resolved.
pub(super) fn attr(element: &BytesStart, local: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Appends the character an entity reference stands for (`&#24180;`,
/// `&amp;`); unknown entities are kept as written.
pub(super) fn push_ref(out: &mut String, reference: &BytesRef) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        out.push(c);
        return;
    }
    match &**reference {
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "amp" => out.push('&'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        other => {
            out.push('&');
            out.push_str(other);
            out.push(';');
        }
    }
}

/// A cell's lines joined into one: Word and Excel users break long names
/// by hand ("机关事业单位基本养" / "老保险缴费支出"). Chinese joins without a
/// space, Latin words and figures with one.
pub(super) fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let word_break = out.ends_with(|c: char| c.is_ascii_alphanumeric())
            && piece.starts_with(|c: char| c.is_ascii_alphanumeric());
        if word_break {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// Resolves a package-relative target ("worksheets/sheet1.xml" from
/// "xl/", "/xl/worksheets/sheet1.xml") into a part name.
pub(super) fn part_name(base: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_targets() {
        assert_eq!(
            part_name("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_name("xl/", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            part_name("xl/worksheets", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
    }

    #[test]
    fn joined_lines() {
        assert_eq!(
            join_lines("机关事业单位基本养\n老保险缴费支出"),
            "机关事业单位基本养老保险缴费支出"
        );
        assert_eq!(join_lines(" Office\r\nfees "), "Office fees");
        assert_eq!(join_lines(""), "");
    }

    #[test]
    fn not_a_zip_is_damaged() {
        let e = Package::open(b"PK\x03\x04 not really", "Word")
            .err()
            .unwrap();
        assert_eq!(e.code, "office-damaged");
    }
}
