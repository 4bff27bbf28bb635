//! Excel 97–2003 (`.xls`, BIFF8): each worksheet read as the table it
//! holds, a figure as the reviewer sees it — the same lines an `.xlsx` of
//! the same workbook gives (`sheet.rs` lays both out).
//!
//! Departments still keep their budget tables in `.xls` (WPS and older
//! Excel save it by default). The file is an OLE2 compound file (read with
//! the `cfb` crate) whose `Workbook` stream is a run of BIFF records: the
//! workbook globals (sheet names and offsets, the shared strings, the
//! number formats and the cell styles pointing at them), then one
//! substream a sheet with its cells and merged ranges. Only the records
//! that decide what a cell shows are read; everything else (fonts,
//! drawings, print settings) is skipped by its length.
//!
//! calamine reads `.xls` too, but keeps of a cell's number format only
//! whether it is a date: `#,##0.00` and `#,##0` both come back as a bare
//! `f64`, and the decimals the reviewer sees would be guessed. Here a
//! stored double becomes the decimal Excel displays: its shortest
//! round-trip text (what Excel itself keeps of it: 2974.94, or
//! 2974.9400000000005 for a computed sum) into a `Decimal`, rounded by the
//! cell's format exactly as the `.xlsx` reader rounds its stored text
//! (`sheet/numfmt.rs`).
//!
//! Every offset and length comes from the file and is checked before use:
//! a record running past the stream, or a sheet offset outside it, makes
//! the file "damaged", never a panic.

use std::io::{Cursor, Read};

use rust_decimal::Decimal;

use super::office::{damaged, encrypted};
use super::sheet::numfmt::NumberFormat;
use super::sheet::{cell_text, lay_out, Grid, Output};
use super::{Extracted, FileKind, ReadError};

/// The largest `Workbook` stream read, as for an `.xlsx` part: a
/// disclosure's workbook is well under a megabyte.
const MAX_STREAM_BYTES: u64 = 256 << 20;

// Record types (MS-XLS 2.3), those that decide what a cell shows.
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FILEPASS: u16 = 0x002F;
const BOUNDSHEET: u16 = 0x0085;
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const STRING: u16 = 0x0207;
const BOOLERR: u16 = 0x0205;
const BLANK: u16 = 0x0201;
const MULBLANK: u16 = 0x00BE;
const MERGEDCELLS: u16 = 0x00E5;
const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;

/// BOF's version field in BIFF8 (Excel 97 to 2003, and what Excel, WPS
/// and LibreOffice still write as `.xls`).
const BIFF8: u16 = 0x0600;
/// BOF's substream types.
const GLOBALS: u16 = 0x0005;
const WORKSHEET: u16 = 0x0010;

/// Reads an OLE2 compound file: an Excel workbook into TAB-shaped text,
/// sheet after sheet; any other (a Word `.doc`, a WPS `.wps`, an encrypted
/// `.docx`/`.xlsx`) into the message saying what to do.
pub(super) fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    let stream = workbook_stream(bytes)?;
    let book = Globals::read(&stream)?;
    let mut out = Output::default();
    for sheet in &book.sheets {
        if sheet.kind != 0 || sheet.hidden {
            // Charts, macro and VBA sheets hold no table; a hidden sheet
            // is not seen nor printed, as the .xlsx reader leaves it.
            continue;
        }
        if let Some(grid) = read_sheet(&stream, sheet.offset, &book)? {
            lay_out(&sheet.name, &grid, &mut out);
        }
    }
    Ok(Extracted {
        kind: FileKind::Xls,
        text: out.text,
        places: out.places,
        tables_only: true,
    })
}

/// The bytes of the `Workbook` stream, or the message for an OLE2 file
/// that has none.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, ReadError> {
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        // The container itself is broken (often a file cut short): say
        // what it was, where its directory's names still tell.
        return Err(damaged(named_in_directory(bytes)));
    };
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n));
    let Some(name) = name else {
        if file.is_stream("/EncryptedPackage") {
            // A password-protected .docx/.xlsx is an OLE2 file holding the
            // encrypted package.
            return Err(encrypted("Office"));
        }
        return Err(super::legacy_office());
    };
    let mut stream = file.open_stream(name).map_err(|_| damaged("Excel"))?;
    if stream.len() > MAX_STREAM_BYTES {
        return Err(ReadError::new(
            "office-too-large",
            "这个 Excel 文件的内容过大（超过 256 MB），无法读取。",
        ));
    }
    let mut data = Vec::with_capacity(stream.len().min(16 << 20) as usize);
    stream
        .by_ref()
        .take(MAX_STREAM_BYTES)
        .read_to_end(&mut data)
        .map_err(|_| damaged("Excel"))?;
    Ok(data)
}

/// "Excel" or "Word" when a broken container still shows what it held,
/// else "Office": its directory's names (UTF-16) when they survived, or a
/// sector starting as the main stream does — the workbook globals' BOF
/// record, or a Word file's FIB — when the file was cut before them.
fn named_in_directory(bytes: &[u8]) -> &'static str {
    let utf16 = |name: &str| -> Vec<u8> { name.bytes().flat_map(|b| [b, 0]).collect() };
    let holds = |name: &str| {
        let needle = utf16(name);
        bytes.windows(needle.len()).any(|w| w == needle)
    };
    let sector_starting = |test: &dyn Fn(&[u8]) -> bool| {
        bytes
            .chunks(512)
            .skip(1)
            .any(|sector| sector.len() >= 8 && test(sector))
    };
    let globals_bof = |s: &[u8]| s[..2] == [0x09, 0x08] && s[4..8] == [0x00, 0x06, 0x05, 0x00];
    let word_fib = |s: &[u8]| s[..2] == [0xEC, 0xA5];
    if holds("Workbook") || sector_starting(&globals_bof) {
        "Excel"
    } else if holds("WordDocument") || sector_starting(&word_fib) {
        "Word"
    } else {
        "Office"
    }
}

/// One BIFF record: its type and body.
struct Record<'a> {
    kind: u16,
    body: &'a [u8],
}

/// The records of a stream from an offset on.
struct Records<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Records<'a> {
    fn at(data: &'a [u8], pos: usize) -> Records<'a> {
        Records { data, pos }
    }

    /// The next record; None at the end of the stream; an error when a
    /// record's length runs past it (a file cut short).
    fn next(&mut self) -> Result<Option<Record<'a>>, ReadError> {
        let Some(header) = self.data.get(self.pos..self.pos.saturating_add(4)) else {
            return Ok(None);
        };
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let start = self.pos + 4;
        let body = self
            .data
            .get(start..start + len)
            .ok_or_else(|| damaged("Excel"))?;
        self.pos = start + len;
        Ok(Some(Record { kind, body }))
    }

    /// The bodies of the CONTINUE records right after the current one: a
    /// record longer than 8224 bytes (the shared strings, a long formula
    /// result) goes on in them.
    fn continuations(&mut self) -> Result<Vec<&'a [u8]>, ReadError> {
        let mut pieces = Vec::new();
        loop {
            let mut ahead = Records::at(self.data, self.pos);
            match ahead.next()? {
                Some(r) if r.kind == CONTINUE => {
                    pieces.push(r.body);
                    self.pos = ahead.pos;
                }
                _ => return Ok(pieces),
            }
        }
    }
}

fn u16_at(body: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(body.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(body: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?))
}

fn f64_at(body: &[u8], at: usize) -> Option<f64> {
    Some(f64::from_le_bytes(body.get(at..at + 8)?.try_into().ok()?))
}

/// A record's bytes and those of its CONTINUE records, read as one run —
/// except that characters of a string going on into a CONTINUE record are
/// preceded there by a new flags byte saying whether they are one byte
/// (Latin-1, "compressed") or two (UTF-16) each: a string may change width
/// at the boundary. Every other field runs on across it unchanged.
struct Pieces<'a> {
    pieces: Vec<&'a [u8]>,
    piece: usize,
    pos: usize,
}

impl<'a> Pieces<'a> {
    fn new(first: &'a [u8], rest: Vec<&'a [u8]>) -> Pieces<'a> {
        let mut pieces = vec![first];
        pieces.extend(rest);
        Pieces {
            pieces,
            piece: 0,
            pos: 0,
        }
    }

    /// Bytes left in the current piece.
    fn left_here(&self) -> usize {
        self.pieces
            .get(self.piece)
            .map_or(0, |p| p.len().saturating_sub(self.pos))
    }

    /// Moves to the next piece when the current one is used up.
    fn settle(&mut self) {
        while self.left_here() == 0 && self.piece < self.pieces.len() {
            self.piece += 1;
            self.pos = 0;
        }
    }

    fn byte(&mut self) -> Option<u8> {
        self.settle();
        let b = *self.pieces.get(self.piece)?.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from(self.u16()?) | (u32::from(self.u16()?) << 16))
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            self.settle();
            let here = self.left_here();
            if here == 0 {
                return None;
            }
            let step = here.min(n);
            self.pos += step;
            n -= step;
        }
        Some(())
    }

    /// `count` characters, one or two bytes each as `wide` says at first
    /// and as the flags byte at the start of each CONTINUE piece says after.
    fn chars(&mut self, count: usize, mut wide: bool) -> Option<String> {
        let mut units: Vec<u16> = Vec::with_capacity(count.min(8224));
        while units.len() < count {
            if self.left_here() == 0 {
                // The characters go on in the next piece, which starts
                // with its own flags byte (the classic bug: reading on
                // with the first piece's width garbles the rest).
                if self.piece + 1 >= self.pieces.len() {
                    return None;
                }
                self.piece += 1;
                self.pos = 0;
                wide = self.byte()? & 1 != 0;
                continue;
            }
            let piece = self.pieces[self.piece];
            let want = count - units.len();
            if wide {
                let n = (self.left_here() / 2).min(want);
                if n == 0 {
                    // An odd byte at a piece's end: not a valid split.
                    return None;
                }
                let bytes = &piece[self.pos..self.pos + 2 * n];
                units.extend(
                    bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                );
                self.pos += 2 * n;
            } else {
                let n = self.left_here().min(want);
                units.extend(piece[self.pos..self.pos + n].iter().map(|&b| u16::from(b)));
                self.pos += n;
            }
        }
        Some(String::from_utf16_lossy(&units))
    }

    /// An XLUnicodeRichExtendedString (a shared string, a formula's
    /// string result): count, flags, rich-text runs and phonetic data
    /// (both skipped), characters.
    fn rich_string(&mut self) -> Option<String> {
        let count = usize::from(self.u16()?);
        let flags = self.byte()?;
        let runs = if flags & 0x08 != 0 { self.u16()? } else { 0 };
        let phonetic = if flags & 0x04 != 0 { self.u32()? } else { 0 };
        let text = self.chars(count, flags & 1 != 0)?;
        self.skip(usize::from(runs) * 4)?;
        self.skip(phonetic as usize)?;
        Some(text)
    }
}

/// A string in one record: a 1- or 2-byte count (`count_bytes`), the
/// flags byte, the characters (LABEL, FORMAT, BOUNDSHEET).
fn short_string(body: &[u8], at: usize, count_bytes: usize) -> Option<String> {
    let count = match count_bytes {
        1 => usize::from(*body.get(at)?),
        _ => usize::from(u16_at(body, at)?),
    };
    let mut pieces = Pieces::new(body.get(at + count_bytes..)?, Vec::new());
    let flags = pieces.byte()?;
    let mut skip = 0;
    if flags & 0x08 != 0 {
        skip += 2;
    }
    if flags & 0x04 != 0 {
        skip += 4;
    }
    pieces.skip(skip)?;
    pieces.chars(count, flags & 1 != 0)
}

/// A sheet as the workbook lists it.
struct SheetEntry {
    name: String,
    /// Where its BOF record starts in the stream.
    offset: usize,
    /// 0 worksheet (or dialog), 1 macro sheet, 2 chart, 6 VBA module.
    kind: u8,
    /// Hidden or very hidden: not seen, not printed.
    hidden: bool,
}

/// What the workbook globals give the sheets.
struct Globals {
    sheets: Vec<SheetEntry>,
    strings: Vec<String>,
    /// Custom number formats by id.
    formats: Vec<(u16, NumberFormat)>,
    /// Each cell style's number format id, by style (XF) index.
    styles: Vec<u16>,
}

impl Globals {
    fn read(stream: &[u8]) -> Result<Globals, ReadError> {
        let mut records = Records::at(stream, 0);
        let bof = records.next()?.ok_or_else(|| damaged("Excel"))?;
        if bof.kind != BOF {
            // BIFF5 and older start with other BOF ids (0x0009, 0x0209,
            // 0x0409) or the same one with an older version below.
            return Err(too_old());
        }
        if u16_at(bof.body, 0) != Some(BIFF8) || u16_at(bof.body, 2) != Some(GLOBALS) {
            return Err(too_old());
        }
        let mut book = Globals {
            sheets: Vec::new(),
            strings: Vec::new(),
            formats: Vec::new(),
            styles: Vec::new(),
        };
        let broken = || damaged("Excel");
        while let Some(record) = records.next()? {
            let body = record.body;
            match record.kind {
                EOF => return Ok(book),
                FILEPASS => return Err(encrypted("Excel")),
                BOUNDSHEET => book.sheets.push(SheetEntry {
                    offset: u32_at(body, 0).ok_or_else(broken)? as usize,
                    kind: *body.get(5).ok_or_else(broken)?,
                    // hsState: 1 hidden, 2 very hidden.
                    hidden: body.get(4).ok_or_else(broken)? & 0x03 != 0,
                    name: short_string(body, 6, 1).ok_or_else(broken)?,
                }),
                SST => {
                    let rest = records.continuations()?;
                    book.strings = shared_strings(body, rest);
                }
                FORMAT => {
                    let id = u16_at(body, 0).ok_or_else(broken)?;
                    let code = short_string(body, 2, 2).ok_or_else(broken)?;
                    book.formats.push((id, NumberFormat::parse(&code)));
                }
                XF => book.styles.push(u16_at(body, 2).ok_or_else(broken)?),
                _ => {}
            }
        }
        // The globals never ended: the file was cut short.
        Err(broken())
    }

    /// The number format of a cell style.
    fn format(&self, style: u16) -> NumberFormat {
        let Some(&id) = self.styles.get(usize::from(style)) else {
            return NumberFormat::General;
        };
        self.formats
            .iter()
            .rev()
            .find(|(f, _)| *f == id)
            .map_or_else(|| NumberFormat::builtin(u32::from(id)), |(_, f)| *f)
    }
}

/// The shared strings (SST and its CONTINUE records). A table cut short
/// keeps the strings read; a cell pointing past them shows nothing.
fn shared_strings<'a>(body: &'a [u8], rest: Vec<&'a [u8]>) -> Vec<String> {
    let unique = u32_at(body, 4).unwrap_or(0) as usize;
    let mut pieces = Pieces::new(body.get(8..).unwrap_or_default(), rest);
    // Never trust the count for the allocation: each string takes 3 bytes
    // at least.
    let mut strings = Vec::with_capacity(unique.min(body.len() / 3 + 1));
    while strings.len() < unique {
        match pieces.rich_string() {
            Some(s) => strings.push(s),
            None => break,
        }
    }
    strings
}

/// "这是 Excel 95 或更早的文件": BIFF5 and older store strings in the
/// writer's code page and cells in other records; rare enough today that
/// saving again is the better answer.
fn too_old() -> ReadError {
    ReadError::new(
        "xls-too-old",
        "这是 Excel 95 或更早版本的 .xls 文件，无法直接读取。请在 Excel 或 WPS 中“另存为” .xlsx（或 Excel 97-2003 .xls），或导出为 PDF 后再打开。",
    )
}

/// A cell read: 1-based row, 0-based column, the text it shows (empty for
/// a blank cell, which still makes its row one of the sheet's).
type Cell = (u32, u32, String);

/// Reads the worksheet whose BOF is at `offset`; None when the substream is
/// not a worksheet (a chart or macro sheet listed as one).
fn read_sheet(stream: &[u8], offset: usize, book: &Globals) -> Result<Option<Grid>, ReadError> {
    let broken = || damaged("Excel");
    let mut records = Records::at(stream, offset);
    let bof = records.next()?.ok_or_else(broken)?;
    if bof.kind != BOF {
        return Err(broken());
    }
    if u16_at(bof.body, 2) != Some(WORKSHEET) {
        return Ok(None);
    }
    let mut cells: Vec<Cell> = Vec::new();
    let mut merges: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut hidden_rows: Vec<u32> = Vec::new();
    let mut hidden_columns: Vec<(u32, u32)> = Vec::new();
    // A formula whose string result is in the STRING record after it.
    let mut pending: Option<(u32, u32)> = None;
    // Substreams inside the sheet (an embedded chart) are skipped whole.
    let mut depth = 0u32;
    loop {
        let record = records.next()?.ok_or_else(broken)?;
        let body = record.body;
        match record.kind {
            BOF => depth += 1,
            EOF if depth == 0 => break,
            EOF => depth -= 1,
            _ if depth > 0 => {}
            kind => {
                if kind == STRING {
                    let rest = records.continuations()?;
                    if let Some((row, col)) = pending.take() {
                        // A count, the flags byte, the characters: read as
                        // a shared string is, CONTINUE records included.
                        let text = Pieces::new(body, rest).rich_string();
                        cells.push((row, col, cell_text(&text.ok_or_else(broken)?)));
                    }
                    continue;
                }
                if kind == MERGEDCELLS {
                    merges.extend(merged_ranges(body));
                    continue;
                }
                // A row's flags: 0x20, fDyZero, the row is hidden.
                if kind == ROW {
                    if let (Some(row), Some(flags)) = (u16_at(body, 0), u16_at(body, 12)) {
                        if flags & 0x20 != 0 {
                            hidden_rows.push(u32::from(row) + 1);
                        }
                    }
                    continue;
                }
                // A run of columns' flags: 0x01, fHidden.
                if kind == COLINFO {
                    if let (Some(first), Some(last), Some(flags)) =
                        (u16_at(body, 0), u16_at(body, 2), u16_at(body, 8))
                    {
                        if flags & 0x01 != 0 && first <= last {
                            hidden_columns.push((u32::from(first), u32::from(last)));
                        }
                    }
                    continue;
                }
                match cell(kind, body, book) {
                    Some(Found::Cells(found)) => cells.extend(found),
                    Some(Found::StringFollows(row, col)) => pending = Some((row, col)),
                    None if is_cell(kind) => return Err(broken()),
                    None => {}
                }
            }
        }
    }
    let mut grid = grid(cells, &merges);
    grid.hide(&hidden_rows, &hidden_columns);
    Ok(Some(grid))
}

/// What a cell record gives.
enum Found {
    Cells(Vec<Cell>),
    /// A formula with a string result: the text is in the next STRING.
    StringFollows(u32, u32),
}

fn is_cell(kind: u16) -> bool {
    matches!(
        kind,
        LABELSST | LABEL | RSTRING | NUMBER | RK | MULRK | FORMULA | BOOLERR | BLANK | MULBLANK
    )
}

/// The cells of one record; None when the record is not a cell record or
/// is too short for what it says.
fn cell(kind: u16, body: &[u8], book: &Globals) -> Option<Found> {
    let row = u32::from(u16_at(body, 0)?) + 1;
    let col = u32::from(u16_at(body, 2)?);
    let one = |text: String| Some(Found::Cells(vec![(row, col, text)]));
    match kind {
        LABELSST => {
            let index = u32_at(body, 6)? as usize;
            one(cell_text(
                book.strings.get(index).map_or("", String::as_str),
            ))
        }
        LABEL | RSTRING => one(cell_text(&short_string(body, 6, 2)?)),
        NUMBER => one(shown(
            Stored::Double(f64_at(body, 6)?),
            book,
            u16_at(body, 4)?,
        )),
        RK => one(shown(rk(u32_at(body, 6)?), book, u16_at(body, 4)?)),
        MULRK => {
            // colFirst, then (style, RK) pairs, then colLast.
            let pairs = body.get(4..body.len().checked_sub(2)?)?;
            let cells = pairs
                .chunks_exact(6)
                .zip(col..)
                .map(|(pair, col)| {
                    let style = u16::from_le_bytes([pair[0], pair[1]]);
                    let value = u32::from_le_bytes([pair[2], pair[3], pair[4], pair[5]]);
                    (row, col, shown(rk(value), book, style))
                })
                .collect();
            Some(Found::Cells(cells))
        }
        FORMULA => {
            let result = body.get(6..14)?;
            if result[6..8] != [0xFF, 0xFF] {
                return one(shown(
                    Stored::Double(f64_at(body, 6)?),
                    book,
                    u16_at(body, 4)?,
                ));
            }
            match result[0] {
                0 => Some(Found::StringFollows(row, col)),
                1 => one(boolean(result[2]).to_string()),
                2 => one(error(result[2]).to_string()),
                _ => one(String::new()),
            }
        }
        BOOLERR => {
            let value = *body.get(6)?;
            one(if *body.get(7)? == 0 {
                boolean(value).to_string()
            } else {
                error(value).to_string()
            })
        }
        BLANK => one(String::new()),
        MULBLANK => {
            // colFirst, then a style per cell, then colLast: the row has
            // cells, none of them shows anything.
            body.get(4..body.len().checked_sub(2)?)?;
            one(String::new())
        }
        _ => None,
    }
}

fn boolean(value: u8) -> &'static str {
    if value != 0 {
        "TRUE"
    } else {
        "FALSE"
    }
}

/// An error value as Excel shows it.
fn error(code: u8) -> &'static str {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        _ => "#N/A",
    }
}

/// A stored number: a double (NUMBER, a formula's result, an RK that is
/// not an integer) or an exact decimal (an RK integer, or one in cents).
enum Stored {
    Double(f64),
    Exact(Decimal),
}

/// An RK number (MS-XLS 2.5.217): 30 bits of either a signed integer or
/// the top of a double, then a flag "divide by 100" and a flag "integer".
/// An integer (in cents or not) is exact as it stands; the double's
/// shortest text divided by 100 is the figure the writer stored in cents.
fn rk(value: u32) -> Stored {
    let cents = value & 1 != 0;
    if value & 2 != 0 {
        let n = i64::from((value as i32) >> 2);
        return Stored::Exact(if cents {
            Decimal::new(n, 2)
        } else {
            Decimal::from(n)
        });
    }
    let double = f64::from_bits(u64::from(value & !3) << 32);
    if !cents {
        return Stored::Double(double);
    }
    // Dividing by 100 is moving the decimal point: exact, and without
    // linking rust_decimal's division into the page's module.
    let in_cents = shortest(double).and_then(|mut d| d.set_scale(d.scale() + 2).ok().map(|()| d));
    match in_cents {
        Some(d) => Stored::Exact(d),
        None => Stored::Double(double / 100.0),
    }
}

/// A double as the decimal its shortest round-trip text says (Rust's
/// `Display` of `f64`): 2974.94 for the double nearest 2974.94, however
/// its binary expansion goes on. None for what a Decimal cannot hold.
fn shortest(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    value.to_string().parse().ok()
}

/// A stored number as its cell's format shows it.
fn shown(value: Stored, book: &Globals, style: u16) -> String {
    let format = book.format(style);
    let exact = match value {
        Stored::Exact(d) => Some(d),
        Stored::Double(f) => shortest(f),
    };
    match exact.and_then(|d| format.show(d)) {
        Some(text) => text,
        None => match value {
            Stored::Double(f) if f.is_nan() => "#NUM!".to_string(),
            Stored::Double(f) => f.to_string(),
            Stored::Exact(d) => d.to_string(),
        },
    }
}

/// MERGEDCELLS: a count, then (first row, last row, first column, last
/// column) each; as (first row, first column, last row, last column) with
/// rows 1-based, as [`Grid::merge`] takes them.
fn merged_ranges(body: &[u8]) -> Vec<(u32, u32, u32, u32)> {
    let count = usize::from(u16_at(body, 0).unwrap_or(0));
    body.get(2..)
        .unwrap_or_default()
        .chunks_exact(8)
        .take(count)
        .map(|r| {
            let at = |i: usize| u32::from(u16::from_le_bytes([r[i], r[i + 1]]));
            (at(0) + 1, at(4), at(2) + 1, at(6))
        })
        .filter(|&(r1, c1, r2, c2)| r1 <= r2 && c1 <= c2)
        .collect()
}

/// The cells as a grid: rows in order, each with its cells in column
/// order and only those that show text; a row of blank cells stays, as
/// the `.xlsx` reader keeps a row whose cells are empty.
fn grid(mut cells: Vec<Cell>, merges: &[(u32, u32, u32, u32)]) -> Grid {
    crate::slices::sort_stable_by(&mut cells, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut grid = Grid::default();
    for (row, col, text) in cells {
        if grid.rows.last().is_none_or(|(r, _)| *r != row) {
            grid.rows.push((row, Vec::new()));
        }
        if !text.is_empty() {
            if let Some((_, row_cells)) = grid.rows.last_mut() {
                // Two records for one cell: the later one stands.
                row_cells.retain(|(c, _)| *c != col);
                row_cells.push((col, text));
            }
        }
    }
    grid.merge(merges);
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut r = kind.to_le_bytes().to_vec();
        r.extend((body.len() as u16).to_le_bytes());
        r.extend(body);
        r
    }

    fn globals_with(formats: &[(u16, &str)], styles: &[u16]) -> Globals {
        Globals {
            sheets: Vec::new(),
            strings: Vec::new(),
            formats: formats
                .iter()
                .map(|&(id, code)| (id, NumberFormat::parse(code)))
                .collect(),
            styles: styles.to_vec(),
        }
    }

    #[test]
    fn rk_numbers_are_exact() {
        let text = |v: u32| match rk(v) {
            Stored::Exact(d) => d.to_string(),
            Stored::Double(f) => format!("double {f}"),
        };
        // Integer 150000, and 297494 cents.
        assert_eq!(text((150000u32 << 2) | 2), "150000");
        assert_eq!(text((297494u32 << 2) | 3), "2974.94");
        assert_eq!(text(((-5i32 as u32) << 2) | 2), "-5");
        // The top 30 bits of the double 1.5, and of 12.5 in cents (0.125).
        let top = |f: f64| (f.to_bits() >> 32) as u32;
        assert_eq!(text(top(1.5)), "double 1.5");
        assert_eq!(text(top(12.5) | 1), "0.125");
    }

    #[test]
    fn doubles_are_read_as_their_format_shows_them() {
        let book = globals_with(&[(164, "#,##0.00"), (165, "#,##0")], &[0, 164, 165, 4, 3]);
        // What an .xlsx stores as "2974.9400000000001": the double nearest
        // 2974.94, whose shortest text is "2974.94".
        let stored: f64 = "2974.9400000000001".parse().unwrap();
        assert_eq!(shown(Stored::Double(stored), &book, 1), "2,974.94");
        // A sum the writer computed: the double just above 2974.94.
        let computed = f64::from_bits(2974.94_f64.to_bits() + 1);
        assert_eq!(computed.to_string(), "2974.9400000000005");
        assert_eq!(shown(Stored::Double(computed), &book, 1), "2,974.94");
        assert_eq!(shown(Stored::Double(computed), &book, 0), "2974.94");
        // Whole 元: no decimals, half away from zero.
        assert_eq!(shown(Stored::Double(2999.5), &book, 2), "3,000");
        assert_eq!(shown(Stored::Double(150000.0), &book, 2), "150,000");
        // Built-in ids as in .xlsx; a style past the table is General.
        assert_eq!(shown(Stored::Double(75.8), &book, 3), "75.80");
        assert_eq!(shown(Stored::Double(1234.5), &book, 4), "1,235");
        assert_eq!(shown(Stored::Double(0.1 + 0.2), &book, 9), "0.3");
        assert_eq!(shown(Stored::Double(f64::NAN), &book, 0), "#NUM!");
    }

    #[test]
    fn a_shared_string_split_across_continue_records_changes_width() {
        // "预算ab": two UTF-16 characters in the SST record, the rest
        // compressed in a CONTINUE record after its flags byte; then
        // "表" wholly in the CONTINUE record.
        let mut sst = vec![2, 0, 0, 0, 2, 0, 0, 0];
        sst.extend([4, 0, 1]);
        sst.extend("预算".encode_utf16().flat_map(u16::to_le_bytes));
        let mut cont = vec![0u8, b'a', b'b'];
        cont.extend([1, 0, 1]);
        cont.extend("表".encode_utf16().flat_map(u16::to_le_bytes));
        let strings = shared_strings(&sst, vec![&cont]);
        assert_eq!(strings, ["预算ab", "表"]);
        // The other way round: compressed first, UTF-16 after the break.
        let mut sst = vec![1, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, b'x'];
        let mut cont = vec![1u8];
        cont.extend("元万".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(shared_strings(&sst, vec![&cont]), ["x元万"]);
        // Rich runs and phonetic data skipped across the break too.
        sst = vec![
            1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0x0C, 1, 0, 2, 0, 0, 0, b'o', b'k', 1, 2,
        ];
        cont = vec![3, 4, 9, 9];
        assert_eq!(shared_strings(&sst, vec![&cont]), ["ok"]);
    }

    #[test]
    fn cut_records_are_damaged_not_panics() {
        let mut stream = record(BOF, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0]);
        stream.extend(&record(SST, &[1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, b'a'])[..9]);
        assert_eq!(Globals::read(&stream).err().unwrap().code, "office-damaged");
        let mut encrypted = record(BOF, &[0x00, 0x06, 0x05, 0x00]);
        encrypted.extend(record(FILEPASS, &[1, 0]));
        assert_eq!(
            Globals::read(&encrypted).err().unwrap().code,
            "office-encrypted"
        );
        let biff5 = record(BOF, &[0x00, 0x05, 0x05, 0x00]);
        assert_eq!(Globals::read(&biff5).err().unwrap().code, "xls-too-old");
    }

    #[test]
    fn a_hidden_sheet_is_known_as_such() {
        let mut stream = record(BOF, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0]);
        // BOUNDSHEET: its BOF's offset, hsState, dt, its name ("a").
        stream.extend(record(BOUNDSHEET, &[0, 0, 0, 0, 0, 0, 1, 0, b'a']));
        stream.extend(record(BOUNDSHEET, &[0, 0, 0, 0, 1, 0, 1, 0, b'b']));
        stream.extend(record(BOUNDSHEET, &[0, 0, 0, 0, 2, 0, 1, 0, b'c']));
        stream.extend(record(EOF, &[]));
        let book = Globals::read(&stream).unwrap_or_else(|_| panic!("globals"));
        let hidden: Vec<bool> = book.sheets.iter().map(|s| s.hidden).collect();
        assert_eq!(hidden, [false, true, true]);
    }

    #[test]
    fn hidden_rows_and_columns_are_not_read() {
        let book = globals_with(&[], &[0]);
        let label = |row: u16, col: u16, text: u8| {
            let mut body = row.to_le_bytes().to_vec();
            body.extend(col.to_le_bytes());
            body.extend([0, 0, 1, 0, 0, text]);
            record(LABEL, &body)
        };
        let mut stream = record(BOF, &[0x00, 0x06, 0x10, 0x00]);
        // Column 1 hidden (COLINFO: first, last, width, style, flags 0x01).
        stream.extend(record(COLINFO, &[1, 0, 1, 0, 0, 0, 15, 0, 1, 0, 0, 0]));
        // Row 2 (index 1) hidden (ROW: flags 0x20 at offset 12).
        let mut row = vec![1u8, 0, 0, 0, 3, 0, 0, 1, 0, 0, 0, 0, 0x20, 0, 15, 0];
        row.truncate(16);
        stream.extend(record(ROW, &row));
        for (r, c, t) in [(0, 0, b'a'), (0, 1, b'h'), (0, 2, b'b'), (1, 0, b'x')] {
            stream.extend(label(r, c, t));
        }
        stream.extend(record(EOF, &[]));
        let grid = read_sheet(&stream, 0, &book).unwrap().unwrap();
        assert_eq!(grid.rows.len(), 1);
        assert_eq!(grid.rows[0].1, [(0, "a".to_string()), (1, "b".to_string())]);
    }

    #[test]
    fn a_sheet_of_every_cell_record() {
        let book = Globals {
            strings: vec!["合计".into()],
            ..globals_with(&[(164, "#,##0.00")], &[0, 164])
        };
        let cell = |kind: u16, row: u16, col: u16, rest: &[u8]| {
            let mut body = row.to_le_bytes().to_vec();
            body.extend(col.to_le_bytes());
            body.extend(rest);
            record(kind, &body)
        };
        let mut stream = record(BOF, &[0x00, 0x06, 0x10, 0x00]);
        stream.extend(cell(LABELSST, 2, 0, &[0, 0, 0, 0, 0, 0]));
        let mut number = vec![1u8, 0];
        number.extend("2974.9400000000001".parse::<f64>().unwrap().to_le_bytes());
        stream.extend(cell(NUMBER, 2, 1, &number));
        let mut mulrk = Vec::new();
        for v in [(100u32 << 2) | 2, (7550u32 << 2) | 3] {
            mulrk.extend([1u8, 0]);
            mulrk.extend(v.to_le_bytes());
        }
        mulrk.extend(3u16.to_le_bytes());
        stream.extend(cell(MULRK, 3, 2, &mulrk));
        let mut formula = vec![0u8, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0];
        formula.extend([0, 0]);
        stream.extend(cell(FORMULA, 4, 0, &formula));
        stream.extend(record(STRING, &[2, 0, 0, b'o']));
        stream.extend(record(CONTINUE, &[0, b'k']));
        stream.extend(cell(BOOLERR, 4, 1, &[0, 0, 1, 0]));
        stream.extend(cell(BLANK, 5, 0, &[0, 0]));
        stream.extend(cell(LABEL, 6, 0, &[0, 0, 2, 0, 0, b'h', b'i']));
        stream.extend(record(MERGEDCELLS, &[1, 0, 6, 0, 6, 0, 0, 0, 1, 0]));
        stream.extend(cell(LABEL, 6, 1, &[0, 0, 1, 0, 0, b'x']));
        stream.extend(record(EOF, &[]));
        let grid = read_sheet(&stream, 0, &book).unwrap().unwrap();
        let rows: Vec<(u32, Vec<(u32, &str)>)> = grid
            .rows
            .iter()
            .map(|(r, cells)| (*r, cells.iter().map(|(c, t)| (*c, t.as_str())).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                (3, vec![(0, "合计"), (1, "2,974.94")]),
                (4, vec![(2, "100.00"), (3, "75.50")]),
                (5, vec![(0, "ok"), (1, "TRUE")]),
                (6, vec![]),
                (7, vec![(0, "hi")]),
            ]
        );
    }
}
