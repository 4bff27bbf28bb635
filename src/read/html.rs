//! HTML → the TAB-shaped text the pipeline reads: each row of a table one
//! line with a TAB between its cells (a `colspan` cell followed by as many
//! empty cells as it spans, a `rowspan` cell leaving an empty cell in the
//! rows under it, so that figures stay in their columns), each paragraph,
//! heading, list item or `<br>` its own line.
//!
//! This reads web pages, Word's and WPS's "save as web page" files, and what
//! Word, WPS, Excel and browsers put on the clipboard as `text/html` (the
//! page's paste goes through [`to_text`]), so it is in the core web module:
//! a small hand-written tokenizer, one pass over the text without recursion
//! or a tree. (html5gum, the small spec tokenizer, needs std and carries
//! the 2,231 named character references: 157 KB of source.) It follows the
//! HTML tokenizer where it matters to text: comments, `<!…>`/`<?…>`,
//! `<script>`, `<style>`, `<title>` and other raw-text elements are skipped
//! whole; attribute values may hold `>` inside quotes; white space collapses
//! as a browser shows it (a line break between two Chinese characters is no
//! space at all); character references are decoded (numeric ones and the
//! named ones office programs write). Tags need not be closed: a new cell,
//! row, paragraph or table ends what was open. A table inside a cell is read
//! as text of that cell. What the page does not show is not read: an
//! element styled `display:none` or Word's `mso-hide:all`, or with the
//! `hidden` attribute — a row Excel hid (`<tr style='display:none'>`), a
//! cell of a column it hid, Word's hidden text — as the xlsx reader leaves
//! out the rows and columns a sheet hides: a hidden old figure read would
//! be a false error. Whatever the input (unclosed tags and comments,
//! deep nesting, huge spans), the work is linear and the output no longer
//! than [`MAX_COLUMNS`] cells a row: never markup, only text.

use crate::prelude::*;

/// Cells kept in a row: wider rows are cut here (a budget table has at
/// most a few dozen columns; a hostile `colspan` must not blow up output).
pub const MAX_COLUMNS: usize = 256;

/// Reads an HTML document or fragment into TAB-shaped lines.
pub fn to_text(html: &str) -> String {
    let mut w = Writer::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        w.text(&rest[..lt]);
        rest = w.markup(&rest[lt..]);
    }
    w.text(rest);
    w.finish()
}

/// White space waiting to be written before the next character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    /// A line break in the source, or a break inside a cell: a space,
    /// except between two wide (Chinese) characters, as a browser shows it.
    Break,
}

/// A start or end tag's name and the attributes this reader uses.
struct Tag<'a> {
    name: &'a str,
    colspan: usize,
    rowspan: usize,
    /// Word writes a TAB as `<span style='mso-tab-count:1'>` and spaces.
    word_tab: bool,
    /// Not shown: `display:none`, `mso-hide:all`, or `hidden`.
    hidden: bool,
}

struct Writer {
    out: String,
    /// The text of the open paragraph or cell.
    cur: String,
    gap: Gap,
    /// Open `<table>`s: only the outermost one's rows and cells are read
    /// as such.
    tables: usize,
    /// The cells of the open row of the outermost table.
    row: Option<Vec<String>>,
    /// The spans of the open cell.
    cell: Option<(usize, usize)>,
    /// For each column, how many more rows a `rowspan` above covers.
    covered: Vec<usize>,
    /// Open spans inside a Word TAB span, whose text (its spaces or dot
    /// leader) the TAB stands for.
    in_word_tab: usize,
    /// Where in `cur` the last inline element of a paragraph began that
    /// came right after another one: a page number in an element of its
    /// own, right after the element of the title, at the end of a line is
    /// the page cell of a contents entry (`<span>表一…</span><span>4</span>`,
    /// set apart by CSS), as the TAB of a text contents line.
    last_element: Option<usize>,
    /// Where in `cur` the last inline element ended.
    last_end: Option<usize>,
    /// The hidden element being skipped: where its name is in
    /// [`ELEMENTS`], and how many elements of that name are open inside it
    /// and it.
    hiding: Option<(usize, usize)>,
}

impl Default for Writer {
    fn default() -> Self {
        Writer {
            out: String::new(),
            cur: String::new(),
            gap: Gap::None,
            tables: 0,
            row: None,
            cell: None,
            covered: Vec::new(),
            in_word_tab: 0,
            last_element: None,
            last_end: None,
            hiding: None,
        }
    }
}

/// What an element does to the text, by its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Element {
    Table,
    Row,
    Cell,
    Span,
    /// Starts a new line (outside a cell) or separates text (inside one).
    Block,
    /// Content not shown (or not text): skipped to its end tag.
    Skipped,
    /// Inline (`b`, `a`, `font`, Word's `o:p` …): its text runs on.
    Inline,
}

/// Element names, compared without case. One table and one loop rather
/// than a comparison per name at each use: the web module stays small.
const ELEMENTS: &[(&str, Element)] = {
    use Element::*;
    &[
        ("table", Table),
        ("tr", Row),
        ("td", Cell),
        ("th", Cell),
        ("span", Span),
        ("p", Block),
        ("div", Block),
        ("br", Block),
        ("h1", Block),
        ("h2", Block),
        ("h3", Block),
        ("h4", Block),
        ("h5", Block),
        ("h6", Block),
        ("li", Block),
        ("ul", Block),
        ("ol", Block),
        ("dl", Block),
        ("dt", Block),
        ("dd", Block),
        ("hr", Block),
        ("pre", Block),
        ("blockquote", Block),
        ("section", Block),
        ("article", Block),
        ("header", Block),
        ("footer", Block),
        ("main", Block),
        ("nav", Block),
        ("aside", Block),
        ("address", Block),
        ("figure", Block),
        ("figcaption", Block),
        ("caption", Block),
        ("form", Block),
        ("fieldset", Block),
        ("legend", Block),
        ("center", Block),
        ("body", Block),
        ("html", Block),
        ("head", Block),
        ("option", Block),
        ("thead", Block),
        ("tbody", Block),
        ("tfoot", Block),
        ("script", Skipped),
        ("style", Skipped),
        ("title", Skipped),
        ("textarea", Skipped),
        ("template", Skipped),
        ("noscript", Skipped),
        ("iframe", Skipped),
        ("noembed", Skipped),
        ("noframes", Skipped),
        ("xmp", Skipped),
        ("object", Skipped),
        ("svg", Skipped),
        ("math", Skipped),
        ("xml", Skipped),
    ]
};

fn element(name: &str) -> Element {
    named(name).map_or(Element::Inline, |at| ELEMENTS[at].1)
}

/// Where a named element is in [`ELEMENTS`].
fn named(name: &str) -> Option<usize> {
    ELEMENTS
        .iter()
        .position(|(n, _)| name.eq_ignore_ascii_case(n))
}

impl Writer {
    /// Text between tags, character references decoded.
    fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            self.chars(&rest[..amp]);
            rest = match reference(&rest[amp..]) {
                Some((decoded, after)) => {
                    if let Some(c) = decoded {
                        self.char(c);
                    }
                    after
                }
                None => {
                    self.char('&');
                    &rest[amp + 1..]
                }
            };
        }
        self.chars(rest);
    }

    fn chars(&mut self, text: &str) {
        for c in text.chars() {
            self.char(c);
        }
    }

    fn char(&mut self, c: char) {
        if self.in_word_tab > 0 || self.hiding.is_some() {
            return;
        }
        match c {
            '\n' | '\r' => self.gap = Gap::Break,
            ' ' | '\t' | '\x0c' => {
                if self.gap == Gap::None {
                    self.gap = Gap::Space;
                }
            }
            _ if is_invisible(c) => {}
            _ => {
                if let Some(last) = self.cur.chars().next_back() {
                    let space = match self.gap {
                        Gap::None => false,
                        Gap::Space => true,
                        Gap::Break => !(is_wide(last) && is_wide(c)),
                    };
                    if space {
                        self.cur.push(' ');
                    }
                }
                self.gap = Gap::None;
                // A no-break space shows as a space (and is kept: two of
                // them are a gap the line reader may take for a cell edge).
                self.cur.push(if c == '\u{a0}' { ' ' } else { c });
            }
        }
    }

    /// Reads the markup at the start of `s` (which begins with `<`) and
    /// returns what follows it.
    fn markup<'a>(&mut self, s: &'a str) -> &'a str {
        let b = s.as_bytes();
        match b.get(1).copied() {
            Some(b'!') if s.starts_with("<!--") => after_comment(&s[4..]),
            Some(b'!' | b'?') => after(s, ">"),
            Some(b'/') => match b.get(2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (tag, rest) = tag(&s[2..]);
                    if !self.hidden_end(&tag) {
                        self.end(&tag);
                    }
                    rest
                }
                _ => after(s, ">"),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (tag, rest) = tag(&s[1..]);
                if element(tag.name) == Element::Skipped {
                    return after_end_tag(rest, tag.name);
                }
                if !self.hidden_start(&tag) {
                    self.start(&tag);
                }
                rest
            }
            _ => {
                self.char('<');
                &s[1..]
            }
        }
    }

    /// A start tag while or as an element is hidden: true when it is
    /// skipped with that element. A new row ends a hidden row its end tag
    /// did not close, a new cell or row a hidden cell, as they end shown
    /// ones.
    fn hidden_start(&mut self, tag: &Tag) -> bool {
        let at = named(tag.name);
        let Some((hidden, open)) = &mut self.hiding else {
            if tag.hidden && may_hide(tag.name) {
                self.hiding = at.map(|at| (at, 1));
            }
            return self.hiding.is_some();
        };
        let kind = element(tag.name);
        let ends_it = *open == 1
            && match ELEMENTS[*hidden].1 {
                Element::Row => kind == Element::Row,
                Element::Cell => matches!(kind, Element::Row | Element::Cell),
                _ => false,
            };
        if ends_it {
            self.hiding = None;
            return self.hidden_start(tag);
        }
        if at == Some(*hidden) {
            *open += 1;
        }
        true
    }

    /// An end tag while an element is hidden: true when it is skipped with
    /// that element (its own end tag among them). The end of the row or
    /// table a hidden cell or row stands in ends it, and is read.
    fn hidden_end(&mut self, tag: &Tag) -> bool {
        let Some((hidden, open)) = &mut self.hiding else {
            return false;
        };
        if named(tag.name) == Some(*hidden) {
            *open -= 1;
            if *open == 0 {
                self.hiding = None;
            }
            return true;
        }
        let kind = element(tag.name);
        let ends_it = match ELEMENTS[*hidden].1 {
            Element::Cell => matches!(kind, Element::Row | Element::Table),
            Element::Row => kind == Element::Table,
            _ => false,
        };
        if ends_it {
            self.hiding = None;
        }
        !ends_it
    }

    fn start(&mut self, tag: &Tag) {
        let outermost = self.tables == 1;
        match element(tag.name) {
            Element::Span if self.in_word_tab > 0 => self.in_word_tab += 1,
            Element::Span if tag.word_tab => {
                self.tab();
                self.in_word_tab = 1;
            }
            Element::Table => {
                self.tables += 1;
                self.line_break();
                if self.tables == 1 {
                    self.covered.clear();
                }
            }
            Element::Row if outermost => self.start_row(),
            Element::Cell if outermost => self.start_cell(tag.colspan, tag.rowspan),
            Element::Cell => self.space(),
            Element::Row | Element::Block => self.line_break(),
            _ => {
                if self.tables == 0 && !self.cur.is_empty() && self.last_end == Some(self.cur.len())
                {
                    self.last_element = Some(self.cur.len());
                }
            }
        }
    }

    fn end(&mut self, tag: &Tag) {
        let outermost = self.tables == 1;
        match element(tag.name) {
            Element::Span if self.in_word_tab > 0 => self.in_word_tab -= 1,
            Element::Table => {
                if outermost {
                    self.end_row();
                    self.covered.clear();
                }
                self.tables = self.tables.saturating_sub(1);
                self.line_break();
            }
            Element::Row if outermost => self.end_row(),
            Element::Cell if outermost => self.end_cell(),
            Element::Cell => self.space(),
            Element::Row | Element::Block => self.line_break(),
            _ => self.last_end = Some(self.cur.len()),
        }
    }

    /// A paragraph ends (outside a cell) or its text is separated (inside).
    fn line_break(&mut self) {
        if self.cell.is_some() || self.tables > 1 {
            if !self.cur.is_empty() {
                self.gap = Gap::Break;
            }
            return;
        }
        if self.row.is_some() {
            // Between cells of the outermost table: nothing to end.
            return;
        }
        self.last_end = None;
        let (head, page) = self.cur.split_at(self.last_element.take().unwrap_or(0));
        let (head, page) = (head.trim(), page.trim());
        if is_page_number(page) && !head.is_empty() && !head.ends_with(|c: char| c.is_ascii_digit())
        {
            self.out.push_str(head);
            self.out.push('\t');
            self.out.push_str(page);
            self.out.push('\n');
        } else {
            let line = self.cur.trim();
            if !line.is_empty() {
                self.out.push_str(line);
                self.out.push('\n');
            }
        }
        self.cur.clear();
        self.gap = Gap::None;
    }

    fn space(&mut self) {
        if self.gap == Gap::None {
            self.gap = Gap::Space;
        }
    }

    /// A TAB written by Word: the cell edge it is in a line, a space in a cell.
    fn tab(&mut self) {
        if self.cell.is_some() || self.row.is_some() || self.tables > 0 {
            self.space();
        } else {
            self.cur.push('\t');
            self.gap = Gap::None;
        }
    }

    fn start_row(&mut self) {
        self.end_row();
        self.line_break();
        self.row = Some(Vec::new());
    }

    fn start_cell(&mut self, colspan: usize, rowspan: usize) {
        if self.row.is_none() {
            self.start_row();
        }
        self.end_cell();
        let cells = self.row.get_or_insert_with(Vec::new);
        // Columns a cell above still covers stay empty in this row.
        while let Some(left) = self.covered.get_mut(cells.len()).filter(|n| **n > 0) {
            *left -= 1;
            cells.push(String::new());
        }
        self.cell = Some((colspan, rowspan));
    }

    fn end_cell(&mut self) {
        let Some((colspan, rowspan)) = self.cell.take() else {
            return;
        };
        // No TAB can be in a cell's text: white space is collapsed, and a
        // Word TAB there is a space (`tab`).
        let text = self.cur.trim().to_string();
        self.cur.clear();
        self.gap = Gap::None;
        let Some(cells) = self.row.as_mut() else {
            return;
        };
        let first = cells.len();
        if first >= MAX_COLUMNS {
            return;
        }
        cells.push(text);
        let end = (first + colspan).min(MAX_COLUMNS);
        cells.resize(end, String::new());
        if rowspan > 1 {
            if self.covered.len() < end {
                self.covered.resize(end, 0);
            }
            for left in &mut self.covered[first..end] {
                *left = rowspan - 1;
            }
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        let Some(mut cells) = self.row.take() else {
            return;
        };
        // Text in a row but in no cell (invalid, but seen) is a cell of its own.
        let stray = self.cur.trim();
        if !stray.is_empty() {
            cells.push(stray.to_string());
        }
        self.cur.clear();
        self.gap = Gap::None;
        // Columns right of the last cell that a cell above covers.
        for left in self.covered.iter_mut().skip(cells.len()) {
            *left = left.saturating_sub(1);
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if !cells.is_empty() {
            self.out.push_str(&crate::slices::join(&cells, "\t"));
            self.out.push('\n');
        }
    }

    fn finish(mut self) -> String {
        self.end_row();
        self.cell = None;
        self.tables = 0;
        self.line_break();
        self.out
    }
}

/// Whether a hidden element of this name hides what follows it up to its
/// end: a table, row, cell, span or block that holds content and is closed.
/// A `<col>` Excel hid, a `<br>` or an `<img>` hides nothing.
fn may_hide(name: &str) -> bool {
    !matches!(element(name), Element::Inline | Element::Skipped)
        && !name.eq_ignore_ascii_case("br")
        && !name.eq_ignore_ascii_case("hr")
}

fn is_page_number(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// Chinese, Japanese and Korean characters and full-width forms, between
/// which a line break of the source is no space.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..)
}

/// What follows the first `end` in `s`, or nothing when it is not there.
fn after<'a>(s: &'a str, end: &str) -> &'a str {
    find(s, end).map_or("", |i| &s[i + end.len()..])
}

/// Where `needle` (ASCII) first is in `s`. A plain scan: `str::find` with a
/// string pattern links the two-way searcher into the web module.
fn find(s: &str, needle: &str) -> Option<usize> {
    let (s, needle) = (s.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    (0..s.len()).find(|&i| s[i] == first && s[i..].starts_with(needle))
}

/// After a comment's `<!--`: what follows its `-->` (`<!-->` and `<!--->`
/// are empty comments).
fn after_comment(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('>').or_else(|| s.strip_prefix("->")) {
        return rest;
    }
    after(s, "-->")
}

/// What follows the end tag `</name` of a raw-text element, or nothing.
fn after_end_tag<'a>(s: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(i) = find(&s[from..], "</") {
        let at = from + i + 2;
        let candidate = s.as_bytes().get(at..at + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
            && !s
                .as_bytes()
                .get(at + name.len())
                .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            return after(&s[at..], ">");
        }
        from = at;
    }
    ""
}

/// A tag from its name (`s` starts just after `<` or `</`) up to and past
/// its `>`; the rest of the input is nothing when the tag does not close.
fn tag(s: &str) -> (Tag<'_>, &str) {
    let b = s.as_bytes();
    let name_end = b
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        .unwrap_or(b.len());
    let mut tag = Tag {
        name: &s[..name_end],
        colspan: 1,
        rowspan: 1,
        word_tab: false,
        hidden: false,
    };
    let mut i = name_end;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (tag, "");
        }
        if b[i] == b'>' {
            return (tag, &s[i + 1..]);
        }
        // An attribute name (a stray `=` counts as one, to move on).
        let start = i;
        i += 1;
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let attr = &s[start..i];
        tag.hidden |= attr.eq_ignore_ascii_case("hidden");
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let Some(len) = b[i + 1..].iter().position(|&c| c == q) else {
                    return (tag, "");
                };
                let value = &s[i + 1..i + 1 + len];
                i += len + 2;
                value
            }
            _ => {
                let start = i;
                while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'>') {
                    i += 1;
                }
                &s[start..i]
            }
        };
        if attr.eq_ignore_ascii_case("colspan") {
            tag.colspan = span(value, MAX_COLUMNS);
        } else if attr.eq_ignore_ascii_case("rowspan") {
            tag.rowspan = span(value, 65_534);
        } else if attr.eq_ignore_ascii_case("style") {
            tag.word_tab = value.contains("mso-tab-count");
            tag.hidden |= hides(value);
        }
    }
}

/// Whether a `style` value hides its element: `display:none` (or
/// `display: none`) or Word's `mso-hide:all`, as office programs write them.
fn hides(style: &str) -> bool {
    ["display:none", "display: none", "mso-hide:all"]
        .iter()
        .any(|h| find(style, h).is_some())
}

/// A `colspan`/`rowspan` value: its leading digits, at least 1, at most `max`.
fn span(value: &str, max: usize) -> usize {
    let digits = value.trim_start();
    let digits = &digits[..crate::text::leading_digits(digits)];
    digits
        .bytes()
        .take(6)
        .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'))
        .clamp(1, max)
}

/// The named character references read: the ones office programs and
/// editors write. The first [`LEGACY`] may also go without their `;`.
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("divide", '÷'),
    ("yen", '¥'),
    ("deg", '°'),
    ("permil", '‰'),
    ("plusmn", '±'),
    ("copy", '©'),
    ("reg", '®'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("shy", '\u{ad}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
];
const LEGACY: usize = 5;

/// A soft hyphen or a zero-width character: shown as nothing.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}')
}

/// A character reference at the start of `s` (which begins with `&`): the
/// character it stands for (none for a soft hyphen or a zero-width one) and
/// what follows; None when it is no reference (the `&` is text).
fn reference(s: &str) -> Option<(Option<char>, &str)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let len = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if len == 0 {
            return None;
        }
        let value = digits[..len].bytes().fold(0u32, |n, d| {
            let d = char::from(d).to_digit(16).unwrap_or(0);
            n.saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d)
        });
        let c = match value {
            0 => '\u{FFFD}',
            _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
        };
        let rest = &digits[len..];
        return Some((Some(c), rest.strip_prefix(';').unwrap_or(rest)));
    }
    let len = body
        .bytes()
        .take(10)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = &body[..len];
    let rest = &body[len..];
    let (terminated, rest) = match rest.strip_prefix(';') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let c = if terminated {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    } else {
        // Without `;`, only the legacy names, read as the longest prefix
        // ("&nbspb" is a no-break space and "b").
        let &(legacy, c) = NAMED[..LEGACY].iter().find(|(n, _)| name.starts_with(n))?;
        return Some((Some(c), &body[legacy.len()..]));
    };
    if is_invisible(c) {
        return Some((None, rest));
    }
    Some((Some(c), rest))
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn cells_become_tab_separated_lines_spans_keep_columns() {
        let html = "<p>表一<br>单位：万元</p><table><tr><td colspan=2>收入<td>支出</tr>\
                    <tr><td rowspan='2'>合计</td><td>1.00</td><td>2.00</td></tr>\
                    <tr><td>3.00<td>4.00</table><p>注：本表无数据</p>";
        assert_eq!(
            to_text(html),
            "表一\n单位：万元\n收入\t\t支出\n合计\t1.00\t2.00\n\t3.00\t4.00\n注：本表无数据\n"
        );
    }

    #[test]
    fn white_space_and_references_read_as_a_browser_shows_them() {
        // A source line break between Chinese characters is no space.
        assert_eq!(to_text("<p>一般公共\n  服务支出</p>"), "一般公共服务支出\n");
        assert_eq!(to_text("<p>PPP\n项目  a</p>"), "PPP 项目 a\n");
        assert_eq!(
            to_text("<p>&lt;b&gt; &amp;amp &#x4E00;&#20108; &quot;&ldquo;&rdquo; &bogus; &#0; a&nbspb</p>"),
            "<b> &amp 一二 \"“” &bogus; \u{FFFD} a b\n"
        );
    }

    #[test]
    fn what_is_not_shown_is_skipped() {
        let html = "<html><head><title>标题</title><style>p{}</style>\
                    <script>if (a<b) document.write('<p>x</p>')</script></head>\
                    <!--[if gte mso 9]><xml><w:x/></xml><![endif]--><body><![if !supportLists]>1.<![endif]>\
                    正文<?xml version=\"1.0\"?><o:p></o:p></body></html>";
        assert_eq!(to_text(html), "1.正文\n");
    }

    #[test]
    fn what_the_page_hides_is_not_read() {
        // A row and a column Excel hid; a <col> it hid hides nothing.
        let excel = "<table><col style='display:none'><tr><td style='display:none'>9</td><td>合计</td><td>1.00</td></tr>\
                     <tr height=0 style='display: none'><td>x</td><td>旧</td><td>2.00</td></tr>\
                     <tr><td style=\"display:none\">9</td><td>201</td><td>3.00</td></tr></table>";
        assert_eq!(to_text(excel), "合计\t1.00\n201\t3.00\n");
        // Word's hidden text, nested spans in it, the hidden attribute.
        let word = "<p>增加<span style='mso-hide:all'>旧<span>文</span>字</span>10万元</p><div hidden><p>x</p></div><p>完</p>";
        assert_eq!(to_text(word), "增加10万元\n完\n");
        // Unclosed: a new row ends a hidden row, a new cell a hidden cell,
        // the table's end both.
        let unclosed = "<table><tr style=display:none><td>旧<tr><td>a<td style=display:none>b<td>c</table><p>d</p>";
        assert_eq!(to_text(unclosed), "a\tc\nd\n");
        // Hidden to the end when never closed, as a browser shows it.
        assert_eq!(to_text("<p>a</p><div style='display:none'><p>b</p>"), "a\n");
    }

    #[test]
    fn word_tabs_and_page_numbers_in_their_own_element_are_cells() {
        let word = "<p class=MsoToc1>第一部分 概况<span style='mso-tab-count:1 dotted'>. . . . </span>1</p>";
        assert_eq!(to_text(word), "第一部分 概况\t1\n");
        let css =
            "<div class=toc><span>表一2026年预算收支总表.....</span><span class=pg>4</span></div>";
        assert_eq!(to_text(css), "表一2026年预算收支总表.....\t4\n");
        // A figure that only ends a sentence is not a page number.
        assert_eq!(
            to_text("<p>共<b>3</b>个项目，合计<b>12</b></p>"),
            "共3个项目，合计12\n"
        );
    }

    #[test]
    fn excel_clipboard_cells_with_line_breaks() {
        let html = "<table border=0><col width=72 span=2><tr height=19>\
                    <td class=xl65 x:str>一般公共<br style='mso-data-placement:same-cell'>服务支出</td>\
                    <td align=right x:num=\"75.8\">75.80</td><td>&nbsp;</td><td>1</td></tr></table>";
        assert_eq!(to_text(html), "一般公共服务支出\t75.80\t\t1\n");
    }

    #[test]
    fn a_table_in_a_cell_is_text_of_that_cell() {
        let html = "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr></table>";
        assert_eq!(to_text(html), "a b c\td\n");
    }

    #[test]
    fn broken_markup_ends_quietly() {
        for html in [
            "<p>a<!-- never closed",
            "<p>a<td colspan=\"3",
            "<p>a<script>never closed",
            "a < b <> c </ d",
            "<table><tr><td>x",
            "</table></tr></td></span>y",
        ] {
            let text = to_text(html);
            assert!(
                !text.contains("<p") && !text.contains("<td") && !text.contains("script"),
                "{html}: {text:?}"
            );
        }
        assert_eq!(to_text("a < b <> c"), "a < b <> c\n");
        // A hostile span is cut at the column limit.
        let wide = to_text("<table><tr><td colspan=99999>x</td><td>y</td><td>z</td></tr></table>");
        assert_eq!(wide, "x\n");
        let wide = to_text("<table><tr><td>y</td><td colspan=99999>x</td><td>z</td></tr></table>");
        assert_eq!(wide, "y\tx\n");
    }
}
