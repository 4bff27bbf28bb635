//! The native PDF reader: a file's bytes → [`Layout`] (positioned text and
//! ruling lines), then [`geometry::extract`](super::geometry::extract).
//!
//! `lopdf` parses the file (cross-references, object streams, filters,
//! decryption with the empty password, bounded decompression); the content
//! streams are interpreted here, because what the geometry needs is
//! narrower than a renderer and wider than lopdf's `extract_text`: each
//! glyph's place and advance (text state `Tc Tw Tz TL Ts Tf`, `Tm Td TD T*`,
//! `Tj TJ ' "`, `cm q Q`, form XObjects), the glyph's Unicode (ToUnicode
//! CMaps, else the simple encodings, else GBK for the GB CMaps), its width
//! (`Widths`, `W`/`DW` of CID fonts), and the horizontal and vertical lines
//! drawn (stroked paths, thin filled rectangles).
//!
//! Measured on the 18 corpus PDFs (non-space characters against
//! `pdftotext -layout`): `pdf-extract` 0.12 was exact on 17 but took up to
//! 0.9 s a file and has panicked on a GBK font; lopdf's own `extract_text`
//! was exact on 11. See the report of issue 12 for this reader's figures.
//!
//! Bad input never panics or hangs the caller: the whole read runs under
//! `catch_unwind`, and the work is bounded (file size, decompressed stream
//! size, operators interpreted, nesting of forms).

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::geometry::{self, Layout, PageSize, Segment, TextRun};
use crate::read::{Extracted, ReadError};

/// Larger files are refused (a budget disclosure is a few MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// No single stream may decompress to more.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Content operators and glyphs interpreted over the whole file.
const MAX_OPERATIONS: usize = 20_000_000;
/// Form XObjects inside form XObjects.
const MAX_FORM_DEPTH: usize = 8;

/// Reads a PDF into lines; every failure is a [`ReadError`] in Chinese.
pub fn read(bytes: &[u8]) -> Result<Extracted, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(
            "pdf-too-large",
            format!(
                "此 PDF 文件太大（{} MB，上限 {} MB），无法读取。请只保留预算公开部分的页面后再试。",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    // A file cut short (an interrupted download) has no end-of-file marker
    // at its end; lopdf would rebuild what it can, and the check would then
    // run on part of the document.
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(damaged());
    }
    let layout =
        catch_unwind(AssertUnwindSafe(|| layout(bytes))).unwrap_or_else(|_| Err(damaged()))?;
    Ok(geometry::extract(&layout))
}

fn damaged() -> ReadError {
    ReadError::new(
        "pdf-damaged",
        "此 PDF 文件已损坏或不完整（可能下载中断），无法读取。请重新下载原文件，或用 PDF 阅读器打开后“另存为”新的 PDF 再试。",
    )
}

fn encrypted() -> ReadError {
    ReadError::new(
        "pdf-encrypted",
        "此 PDF 已加密（设置了打开密码或禁止提取文字），无法读取其中的文字。请使用未加密的原文件，或在 PDF 阅读器中输入密码后“另存为”不加密的 PDF 再试。",
    )
}

fn scanned(pages: usize) -> ReadError {
    ReadError::new(
        "pdf-scanned",
        format!(
            "此 PDF 是扫描图像（共 {pages} 页），没有可读取的文字，无法校验。请向发布单位索取文字版 PDF 或 Word 文件，或先用 OCR 软件识别文字后再试。"
        ),
    )
}

/// The positioned text and lines of every page.
pub fn layout(bytes: &[u8]) -> Result<Layout, ReadError> {
    let doc = load(bytes)?;
    let layout = interpret::<true>(&doc);
    let has_text = layout.runs.iter().any(|r| !r.text.trim().is_empty());
    if !has_text {
        return Err(scanned(layout.pages.len()));
    }
    Ok(layout)
}

/// The ruling lines of every page, without the text: what the page takes
/// from this reader (its wasm build) while pdf.js reads the text. pdf.js
/// gives the lines only inside its operator lists, which carry every glyph
/// as well: on the largest corpus PDF asking for them more than doubled
/// pdf.js's reading time, most of it on the page's main thread. Never
/// panics natively (`catch_unwind`); in wasm a panic aborts the module's
/// instance, which the page then replaces.
pub fn rulings(bytes: &[u8]) -> Result<Vec<Segment>, ReadError> {
    catch_unwind(AssertUnwindSafe(|| {
        let doc = load(bytes)?;
        Ok(interpret::<false>(&doc).segments)
    }))
    .unwrap_or_else(|_| Err(damaged()))
}

/// Parses the file; encrypted (with a password) and unreadable files are refused.
fn load(bytes: &[u8]) -> Result<Document, ReadError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => encrypted(),
        _ => damaged(),
    })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(encrypted());
    }
    if doc.get_pages().is_empty() {
        return Err(damaged());
    }
    Ok(doc)
}

/// Every page's content streams interpreted: the glyphs and the lines
/// drawn, or (`TEXT` false) the lines only.
fn interpret<const TEXT: bool>(doc: &Document) -> Layout {
    let mut reader = Reader::<TEXT> {
        doc,
        fonts: BTreeMap::new(),
        layout: Layout::default(),
        operations: 0,
    };
    for (number, id) in doc.get_pages() {
        reader.page(number, id);
    }
    reader.layout
}

/// A 2-D affine matrix `[a b c d e f]` as in PDF.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn of(operands: &[Object]) -> Option<Matrix> {
        let v = numbers(operands);
        (v.len() == 6).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
    }
}

fn numbers(operands: &[Object]) -> Vec<f32> {
    operands.iter().filter_map(|o| o.as_float().ok()).collect()
}

fn number(operands: &[Object], i: usize) -> f32 {
    operands
        .get(i)
        .and_then(|o| o.as_float().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

/// How a font's codes become characters.
enum Decoder<'d> {
    /// A ToUnicode CMap (parsed by lopdf).
    ToUnicode(Encoding<'d>),
    /// A simple font's one-byte encoding.
    Simple(Encoding<'d>),
    /// A CID font on a GB CMap without ToUnicode: the codes are GBK.
    Gbk,
    /// A CID font on a UCS-2 / UTF-16 CMap.
    Utf16,
    Nothing,
}

/// What the interpreter needs of a font.
struct Font<'d> {
    /// Two-byte codes (Type0 fonts); GBK codes are one or two bytes.
    two_byte: bool,
    decoder: Decoder<'d>,
    /// Glyph widths in text space units per code, when given.
    widths: BTreeMap<u32, f32>,
    default_width: f32,
    /// Glyph space → text space (0.001, or a Type 3 font's matrix).
    scale: f32,
}

impl<'d> Font<'d> {
    fn load(doc: &'d Document, dict: &'d Dictionary) -> Font<'d> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let encoding_name = dict
            .get_deref(b"Encoding", doc)
            .and_then(Object::as_name)
            .unwrap_or(b"")
            .to_vec();
        let two_byte = subtype == b"Type0";
        let decoder = Font::decoder(doc, dict, two_byte, &encoding_name);
        let mut font = Font {
            two_byte,
            decoder,
            widths: BTreeMap::new(),
            default_width: if two_byte { 1000.0 } else { 500.0 },
            scale: 0.001,
        };
        if subtype == b"Type3" {
            if let Ok(m) = dict
                .get_deref(b"FontMatrix", doc)
                .and_then(Object::as_array)
            {
                font.scale = m.first().and_then(|o| o.as_float().ok()).unwrap_or(0.001);
            }
        }
        if two_byte {
            font.cid_widths(doc, dict);
        } else {
            font.simple_widths(doc, dict);
        }
        font
    }

    fn decoder(
        doc: &'d Document,
        dict: &'d Dictionary,
        two_byte: bool,
        encoding: &[u8],
    ) -> Decoder<'d> {
        if dict.get(b"ToUnicode").is_ok() {
            // lopdf parses a ToUnicode CMap as the encoding of a font that
            // has no /Encoding: give it such a font.
            let mut bare = Dictionary::new();
            bare.set("Type", Object::Name(b"Font".to_vec()));
            if let Ok(to_unicode) = dict.get(b"ToUnicode") {
                bare.set("ToUnicode", to_unicode.clone());
            }
            if let Ok(Encoding::UnicodeMapEncoding(cmap)) =
                bare.get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
            {
                return Decoder::ToUnicode(Encoding::UnicodeMapEncoding(cmap));
            }
        }
        if two_byte {
            let name = String::from_utf8_lossy(encoding);
            return if name.contains("UCS2") || name.contains("UTF16") {
                Decoder::Utf16
            } else if name.starts_with("GB") {
                Decoder::Gbk
            } else {
                Decoder::Nothing
            };
        }
        match dict.get_font_encoding_with_limit(doc, MAX_STREAM_BYTES) {
            Ok(encoding @ Encoding::UnicodeMapEncoding(_)) => Decoder::ToUnicode(encoding),
            Ok(encoding) => Decoder::Simple(encoding),
            Err(_) => Decoder::Nothing,
        }
    }

    fn simple_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let first = dict
            .get_deref(b"FirstChar", doc)
            .and_then(Object::as_i64)
            .unwrap_or(0);
        if let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (i, w) in widths.iter().enumerate() {
                let w = doc
                    .dereference(w)
                    .map(|(_, o)| o)
                    .and_then(Object::as_float);
                if let Ok(w) = w {
                    self.widths.insert((first + i as i64).max(0) as u32, w);
                }
            }
        }
        if let Ok(descriptor) = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
        {
            if let Ok(w) = descriptor.get(b"MissingWidth").and_then(Object::as_float) {
                self.default_width = w;
            }
        }
    }

    fn cid_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let Some(cid) = descendant else { return };
        if let Ok(dw) = cid.get_deref(b"DW", doc).and_then(Object::as_float) {
            self.default_width = dw;
        }
        let Ok(w) = cid.get_deref(b"W", doc).and_then(Object::as_array) else {
            return;
        };
        let value = |o: &Object| doc.dereference(o).ok().map(|(_, o)| o.clone());
        let mut i = 0;
        while i < w.len() && self.widths.len() < 100_000 {
            let Some(first) = value(&w[i]).and_then(|o| o.as_i64().ok()) else {
                break;
            };
            match w.get(i + 1).and_then(value) {
                Some(Object::Array(list)) => {
                    for (k, o) in list.iter().enumerate() {
                        if let Some(width) = value(o).and_then(|o| o.as_float().ok()) {
                            self.widths.insert((first + k as i64).max(0) as u32, width);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = last.as_i64().unwrap_or(first);
                    let width = w
                        .get(i + 2)
                        .and_then(value)
                        .and_then(|o| o.as_float().ok())
                        .unwrap_or(self.default_width);
                    let mut code = first;
                    while code <= last && self.widths.len() < 100_000 {
                        self.widths.insert(code.max(0) as u32, width);
                        code += 1;
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// Splits a string's bytes into (code, code length).
    fn codes(&self, bytes: &[u8]) -> Vec<(u32, u8)> {
        let mut codes = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let two = match self.decoder {
                Decoder::Gbk => bytes[i] >= 0x81 && i + 1 < bytes.len(),
                _ => self.two_byte && i + 1 < bytes.len(),
            };
            if two {
                codes.push((u32::from(bytes[i]) << 8 | u32::from(bytes[i + 1]), 2));
                i += 2;
            } else {
                codes.push((u32::from(bytes[i]), 1));
                i += 1;
            }
        }
        codes
    }

    fn text(&self, code: u32, len: u8) -> String {
        match &self.decoder {
            Decoder::ToUnicode(cmap) => {
                let bytes = code_bytes(code, len);
                match cmap.bytes_to_string(&bytes) {
                    Ok(text) if !text.contains('\u{FFFD}') => text,
                    // An unmapped code of a simple font: most producers
                    // leave ASCII out of the map.
                    _ if !self.two_byte => {
                        char::from_u32(code).map(String::from).unwrap_or_default()
                    }
                    _ => String::new(),
                }
            }
            Decoder::Simple(encoding) => {
                encoding.bytes_to_string(&[code as u8]).unwrap_or_default()
            }
            Decoder::Gbk => encoding_rs::GBK
                .decode_without_bom_handling(&code_bytes(code, len))
                .0
                .into_owned(),
            Decoder::Utf16 => char::from_u32(code).map(String::from).unwrap_or_default(),
            Decoder::Nothing => String::new(),
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}

/// A code's bytes, as in the string.
fn code_bytes(code: u32, len: u8) -> Vec<u8> {
    if len == 2 {
        vec![(code >> 8) as u8, code as u8]
    } else {
        vec![code as u8]
    }
}

/// The graphics and text state the interpreter keeps.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<ObjectId>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// A page being read: its size, and where user space goes on it.
struct Page {
    number: u32,
    /// User space → top-left page coordinates.
    to_page: Matrix,
    width: f32,
    height: f32,
}

impl Page {
    /// True when a point (page coordinates) is on the page: text drawn off
    /// the page is not shown, and not read.
    fn shows(&self, x: f32, y: f32) -> bool {
        (0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y)
    }
}

/// The content-stream interpreter. `TEXT` false reads the lines drawn
/// only: no font is loaded and no glyph shown; being a constant, it leaves
/// the font code out of a build that reads no text (the page's PDF module).
struct Reader<'d, const TEXT: bool> {
    doc: &'d Document,
    /// Fonts by their dictionary's object id (inline fonts are not cached).
    fonts: BTreeMap<ObjectId, Font<'d>>,
    layout: Layout,
    operations: usize,
}

/// A path being built: subpaths of points, and whether it has curves.
#[derive(Default)]
struct Path {
    subpaths: Vec<Vec<(f32, f32)>>,
    /// Rectangles from `re` (x, y, w, h in user space, with the CTM then).
    rects: Vec<[(f32, f32); 4]>,
}

impl<'d, const TEXT: bool> Reader<'d, TEXT> {
    fn page(&mut self, number: u32, id: ObjectId) {
        let Ok(dict) = self.doc.get_dictionary(id) else {
            return;
        };
        let media = self.inherited(dict, b"MediaBox");
        let crop = self.inherited(dict, b"CropBox");
        let boxed = |o: Option<&Object>| {
            o.and_then(|o| self.doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
                .map(|a| numbers(a))
                .filter(|v| v.len() == 4)
        };
        let bounds = boxed(crop)
            .or_else(|| boxed(media))
            .unwrap_or(vec![0.0, 0.0, 595.0, 842.0]);
        let (x0, y0) = (bounds[0].min(bounds[2]), bounds[1].min(bounds[3]));
        let (x1, y1) = (bounds[0].max(bounds[2]), bounds[1].max(bounds[3]));
        let rotate = self
            .inherited(dict, b"Rotate")
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0)
            .rem_euclid(360);
        let (width, height) = (x1 - x0, y1 - y0);
        // User space → page coordinates (origin top left, y down), with the
        // page's rotation.
        let to_page = match rotate {
            90 => Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]),
            180 => Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]),
            270 => Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]),
            _ => Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]),
        };
        let (width, height) = if rotate == 90 || rotate == 270 {
            (height, width)
        } else {
            (width, height)
        };
        self.layout.pages.push(PageSize {
            page: number,
            width,
            height,
        });
        let page = Page {
            number,
            to_page,
            width,
            height,
        };
        let content = self
            .doc
            .get_page_contents(id)
            .into_iter()
            .filter_map(|c| self.doc.get_object(c).ok()?.as_stream().ok())
            .filter_map(|s| s.get_plain_content_with_limit(MAX_STREAM_BYTES).ok())
            .fold(Vec::new(), |mut all, part| {
                all.extend_from_slice(&part);
                all.push(b'\n');
                all
            });
        let resources = self
            .inherited(dict, b"Resources")
            .and_then(|o| self.dict(o));
        self.run(&page, &content, resources, State::default(), 0);
    }

    /// A page attribute, looked up the page tree.
    fn inherited(&self, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
        let mut current = dict;
        for _ in 0..32 {
            if let Ok(value) = current.get(key) {
                return Some(value);
            }
            let parent = current.get(b"Parent").ok()?;
            current = self.dict(parent)?;
        }
        None
    }

    fn dict(&self, o: &'d Object) -> Option<&'d Dictionary> {
        self.doc.dereference(o).ok()?.1.as_dict().ok()
    }

    /// Interprets a content stream with its resources.
    fn run(
        &mut self,
        page: &Page,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        mut state: State,
        depth: usize,
    ) {
        let mut stack: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut path = Path::default();
        // Operators up to the first that does not parse: a damaged stream
        // still gives what comes before the damage.
        for op in Content::decode_iter(content).map_while(Result::ok) {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return;
            }
            let o = &op.operands;
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push(state.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::of(o) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                // Without a font no glyph is shown (`show`).
                "Tf" if TEXT => {
                    state.font_size = number(o, 1);
                    state.font = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| self.font(resources, n));
                }
                "Tc" => state.char_spacing = number(o, 0),
                "Tw" => state.word_spacing = number(o, 0),
                "Tz" => state.horizontal_scale = number(o, 0) / 100.0,
                "TL" => state.leading = number(o, 0),
                "Ts" => state.rise = number(o, 0),
                "Td" => {
                    tlm = Matrix::translate(number(o, 0), number(o, 1)).then(tlm);
                    tm = tlm;
                }
                "TD" => {
                    state.leading = -number(o, 1);
                    tlm = Matrix::translate(number(o, 0), number(o, 1)).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::of(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(s) = o.first().and_then(|s| s.as_str().ok()) {
                        self.show(page, &state, &mut tm, s);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        state.word_spacing = number(o, 0);
                        state.char_spacing = number(o, 1);
                    }
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                    if let Some(s) = o.last().and_then(|s| s.as_str().ok()) {
                        self.show(page, &state, &mut tm, s);
                    }
                }
                "TJ" => {
                    let Some(items) = o.first().and_then(|a| a.as_array().ok()) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(page, &state, &mut tm, s),
                            other => {
                                let adjust = other.as_float().unwrap_or(0.0);
                                let tx =
                                    -adjust / 1000.0 * state.font_size * state.horizontal_scale;
                                tm = Matrix::translate(tx, 0.0).then(tm);
                            }
                        }
                    }
                }
                "m" => {
                    let p = state.ctm.apply(number(o, 0), number(o, 1));
                    path.subpaths.push(vec![p]);
                }
                "l" => {
                    let p = state.ctm.apply(number(o, 0), number(o, 1));
                    match path.subpaths.last_mut() {
                        Some(sub) => sub.push(p),
                        None => path.subpaths.push(vec![p]),
                    }
                }
                "c" | "v" | "y" => {
                    // A curve is no ruling line: end the subpath at its end.
                    let n = numbers(o);
                    if n.len() >= 2 {
                        let p = state.ctm.apply(n[n.len() - 2], n[n.len() - 1]);
                        path.subpaths.push(vec![p]);
                    }
                }
                "h" => {
                    if let Some(sub) = path.subpaths.last_mut() {
                        if let Some(&first) = sub.first() {
                            sub.push(first);
                        }
                    }
                }
                "re" => {
                    let (x, y, w, h) = (number(o, 0), number(o, 1), number(o, 2), number(o, 3));
                    let ctm = state.ctm;
                    path.rects.push([
                        ctm.apply(x, y),
                        ctm.apply(x + w, y),
                        ctm.apply(x + w, y + h),
                        ctm.apply(x, y + h),
                    ]);
                }
                "S" | "s" => {
                    if op.operator == "s" {
                        if let Some(sub) = path.subpaths.last_mut() {
                            if let Some(&first) = sub.first() {
                                sub.push(first);
                            }
                        }
                    }
                    self.stroke(page, &path);
                    path = Path::default();
                }
                "f" | "F" | "f*" => {
                    self.fill(page, &path);
                    path = Path::default();
                }
                "B" | "B*" | "b" | "b*" => {
                    self.stroke(page, &path);
                    path = Path::default();
                }
                "n" => path = Path::default(),
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = o.first().and_then(|n| n.as_name().ok()) {
                        self.form(page, resources, name, &state, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Runs a form XObject.
    fn form(
        &mut self,
        page: &Page,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        state: &State,
        depth: usize,
    ) {
        let doc = self.doc;
        let stream = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| self.dict(x))
            .and_then(|x| x.get(name).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok());
        let Some(stream) = stream else { return };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let Ok(content) = stream.get_plain_content_with_limit(MAX_STREAM_BYTES) else {
            return;
        };
        let mut inner = state.clone();
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| m.as_array().ok())
            .and_then(|a| Matrix::of(a))
        {
            inner.ctm = m.then(inner.ctm);
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| self.dict(r));
        self.run(page, &content, own.or(resources), inner, depth + 1);
    }

    /// The font named in the resources, loaded once.
    fn font(&mut self, resources: Option<&'d Dictionary>, name: &[u8]) -> Option<ObjectId> {
        let entry = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| self.dict(f))
            .and_then(|f| f.get(name).ok())?;
        let id = entry.as_reference().ok()?;
        if !self.fonts.contains_key(&id) {
            let dict = self.doc.get_dictionary(id).ok()?;
            let font = Font::load(self.doc, dict);
            self.fonts.insert(id, font);
        }
        Some(id)
    }

    /// Shows a string: one run per stretch of glyphs that follow each other
    /// without a gap, broken at spaces.
    fn show(&mut self, page: &Page, state: &State, tm: &mut Matrix, bytes: &[u8]) {
        if !TEXT {
            return;
        }
        let Some(font) = state.font.and_then(|id| self.fonts.get(&id)) else {
            return;
        };
        let size = state.font_size;
        let th = state.horizontal_scale;
        let mut current: Option<TextRun> = None;
        for (code, len) in font.codes(bytes) {
            // Glyphs count against the same budget as operators.
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                break;
            }
            let text = font.text(code, len);
            let w0 = font.width(code);
            let trm = Matrix([size * th, 0.0, 0.0, size, 0.0, state.rise])
                .then(*tm)
                .then(state.ctm)
                .then(page.to_page);
            let [a, b, _, d, e, f] = trm.0;
            // Horizontal text only (an italic's shear `c` is fine): rotated
            // text is a watermark or a stamp, not a table's.
            let upright = b.abs() <= 0.05 * a.abs().max(1e-6);
            let height = d.abs();
            let space = len == 1 && code == 32;
            let advance =
                (w0 * size + state.char_spacing + if space { state.word_spacing } else { 0.0 })
                    * th;
            let width = w0 * a.abs();
            let visible = !text.trim().is_empty() && page.shows(e + width / 2.0, f);
            if !upright
                || !visible
                || height.is_nan()
                || height <= 0.0
                || !e.is_finite()
                || !f.is_finite()
            {
                if let Some(run) = current.take() {
                    self.layout.runs.push(run);
                }
            } else {
                // f is the baseline (y down): the em box's top is ~0.88 em above.
                let x = if a < 0.0 { e - width } else { e };
                let y = f - 0.88 * height;
                let joins = current.as_ref().is_some_and(|run| {
                    (run.y - y).abs() < 0.2 * height
                        && (run.x + run.width - x).abs() < 0.15 * height
                });
                match current.as_mut() {
                    Some(run) if joins => {
                        run.text.push_str(&text);
                        run.width = x + width - run.x;
                    }
                    _ => {
                        if let Some(run) = current.take() {
                            self.layout.runs.push(run);
                        }
                        current = Some(TextRun {
                            page: page.number,
                            x,
                            y,
                            width,
                            height,
                            text,
                        });
                    }
                }
            }
            *tm = Matrix::translate(advance, 0.0).then(*tm);
        }
        if let Some(run) = current {
            self.layout.runs.push(run);
        }
    }

    fn segment(&mut self, page: &Page, from: (f32, f32), to: (f32, f32)) {
        let (x0, y0) = page.to_page.apply(from.0, from.1);
        let (x1, y1) = page.to_page.apply(to.0, to.1);
        let axis = (x0 - x1).abs() <= 1.0 || (y0 - y1).abs() <= 1.0;
        if axis
            && [x0, y0, x1, y1].iter().all(|v| v.is_finite())
            && self.layout.segments.len() < 1_000_000
        {
            self.layout.segments.push(Segment {
                page: page.number,
                x0,
                y0,
                x1,
                y1,
            });
        }
    }

    /// A stroked path: each straight piece and each rectangle's sides.
    fn stroke(&mut self, page: &Page, path: &Path) {
        for sub in &path.subpaths {
            for pair in sub.windows(2) {
                self.segment(page, pair[0], pair[1]);
            }
        }
        for r in &path.rects {
            for i in 0..4 {
                self.segment(page, r[i], r[(i + 1) % 4]);
            }
        }
    }

    /// A filled path: thin rectangles (and closed four-point shapes) are
    /// lines drawn as fills; anything larger is a shading, not a rule.
    fn fill(&mut self, page: &Page, path: &Path) {
        let mut boxes: Vec<[(f32, f32); 4]> = path.rects.clone();
        for sub in &path.subpaths {
            if (4..=5).contains(&sub.len()) {
                boxes.push([sub[0], sub[1], sub[2], sub[3]]);
            }
        }
        for b in boxes {
            let corners: Vec<(f32, f32)> =
                b.iter().map(|&(x, y)| page.to_page.apply(x, y)).collect();
            let xs = corners.iter().map(|c| c.0);
            let ys = corners.iter().map(|c| c.1);
            let (x0, x1) = (
                xs.clone().fold(f32::INFINITY, f32::min),
                xs.fold(f32::NEG_INFINITY, f32::max),
            );
            let (y0, y1) = (
                ys.clone().fold(f32::INFINITY, f32::min),
                ys.fold(f32::NEG_INFINITY, f32::max),
            );
            let (w, h) = (x1 - x0, y1 - y0);
            let segment = if h <= 2.0 && w > h {
                Some(((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0)))
            } else if w <= 2.0 && h > w {
                Some((((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1)))
            } else {
                None
            };
            if let Some((from, to)) = segment {
                if [x0, y0, x1, y1].iter().all(|v| v.is_finite())
                    && self.layout.segments.len() < 1_000_000
                {
                    self.layout.segments.push(Segment {
                        page: page.number,
                        x0: from.0,
                        y0: from.1,
                        x1: to.0,
                        y1: to.1,
                    });
                }
            }
        }
    }
}
