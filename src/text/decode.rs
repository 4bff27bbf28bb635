//! Turning a file's bytes into text, refusing what is not text.

use alloc::borrow::Cow;
use core::fmt;

use crate::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// UTF-8 input is borrowed as it is: a document is not copied to be
    /// read.
    pub text: Cow<'a, str>,
    /// "UTF-8", "UTF-16LE", "GB18030"…
    pub encoding: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// NUL bytes or other binary content: not a text export.
    Binary,
    /// Neither UTF-8 nor (natively) GB18030.
    UnknownEncoding,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecodeError::Empty => "文件为空",
            DecodeError::Binary => {
                "文件不是文本（含有二进制内容），请提供由PDF或Word导出的.txt文本"
            }
            DecodeError::UnknownEncoding => "无法识别文件编码（支持UTF-8、UTF-16、GB18030/GBK）",
        })
    }
}

impl core::error::Error for DecodeError {}

/// Decodes bytes: a BOM decides; otherwise strict UTF-8; otherwise GB18030
/// (native builds only — the browser decodes with its own TextDecoder).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok(Decoded {
            text: Cow::Owned(utf16(&bytes[2..], u16::from_le_bytes)),
            encoding: "UTF-16LE",
        });
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(Decoded {
            text: Cow::Owned(utf16(&bytes[2..], u16::from_be_bytes)),
            encoding: "UTF-16BE",
        });
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match utf8(bytes) {
        Ok(d) => Ok(d),
        Err(_) => legacy(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    #[cfg(not(target_arch = "wasm32"))]
    let text = simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(target_arch = "wasm32")]
    let text = core::str::from_utf8(bytes).ok();
    text.map(|s| Decoded {
        text: Cow::Borrowed(s),
        encoding: "UTF-8",
    })
    .ok_or(DecodeError::UnknownEncoding)
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// NUL bytes, or many control bytes in the first 8 KiB, mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)))
        .count();
    head.contains(&0) || controls * 100 > head.len()
}

#[cfg(not(target_arch = "wasm32"))]
fn legacy(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(DecodeError::UnknownEncoding);
    }
    Ok(Decoded {
        text,
        encoding: "GB18030",
    })
}

#[cfg(target_arch = "wasm32")]
fn legacy(_bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    Err(DecodeError::UnknownEncoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0IHDR"),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn reads_boms_and_utf8() {
        assert_eq!(decode("\u{feff}表一".as_bytes()).unwrap().text, "表一");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("合计".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "合计");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn reads_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("预算收支总表\t340.46");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "预算收支总表\t340.46");
    }
}
