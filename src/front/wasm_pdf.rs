//! The PDF module's API (feature `web-pdf`, built into `www/pkg-pdf` and
//! loaded by the page's Worker only when a PDF is opened): the engine's
//! geometry rebuild ([`crate::read::pdf::extract`]) on the layout pdf.js
//! reads, so the page turns a PDF into lines exactly as the CLI does. The
//! lines are then checked by the core module's `validate`.
//!
//! It also has the engine's own PDF reader for the ruling lines alone
//! ([`pdf_rules`]), which the page runs while pdf.js reads the text:
//! pdf.js gives the lines only in operator lists that carry every glyph too.
//!
//! It is its own module, not part of the core one: in the core the
//! geometry added 20,369 B gzip (100,115 → 120,484), which every first
//! visit would load for nothing; it is fetched with pdf.js when a PDF is
//! opened (or dragged over the page).
//!
//! The [`Layout`] crosses as flat arrays, not as an object through serde:
//! serde-wasm-bindgen needs std, which the web modules leave out, and a
//! derived `Deserialize` links float formatting for its error messages.

use wasm_bindgen::prelude::*;

use crate::prelude::*;
use crate::read::pdf::{Layout, PageSize, Segment, TextRun};
use crate::read::Place;

#[wasm_bindgen(typescript_custom_section)]
const PDF_TYPES: &'static str = r#"
/** What `pdf_lines` returns. */
export interface PdfLines {
  /** The TAB-shaped text rebuilt from the PDF: what `validate` checks and a report cites by line. */
  text: string;
  /** `[page, x, y, width, height]` of line i+1 at 5*i (PDF points, origin top left); page 0: a blank line. */
  places: Float32Array;
}
"#;

/// A PDF's layout → `{text, places}`: the lines the engine reads and where
/// each is on the PDF.
///
/// `pages` is `[page, width, height]*`, `runs` `[page, x, y, width,
/// height]*` with `texts[i]` the text of run i, `segments` `[page, x0, y0,
/// x1, y1]*` (www/lib/budget-lint.js packs them from the `Layout` objects).
/// Throws only when the arrays' lengths do not agree.
#[wasm_bindgen(unchecked_return_type = "PdfLines")]
pub fn pdf_lines(
    pages: &[f32],
    runs: &[f32],
    texts: Vec<String>,
    segments: &[f32],
) -> Result<JsValue, JsError> {
    let layout = layout_from_arrays(pages, runs, texts, segments)
        .ok_or_else(|| JsError::new("pdf_lines() 的参数无效：数组长度不符"))?;
    let extracted = crate::read::pdf::extract(&layout);
    let places = js_sys::Float32Array::from(&place_array(&extracted.places)[..]);
    let result = js_sys::Object::new();
    let set =
        |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &JsValue::from_str(key), value);
    set("text", &JsValue::from_str(&extracted.text))
        .and_then(|_| set("places", &places))
        .map_err(|_| JsError::new("无法生成结果"))?;
    Ok(result.into())
}

/// A PDF file's ruling lines, read by the engine's own PDF reader
/// ([`crate::read::pdf::rulings`]), as `[page, x0, y0, x1, y1]*` (PDF points,
/// origin top left): the `segments` of [`pdf_lines`], while pdf.js reads
/// the text. The CLI draws its tables from the same lines.
///
/// Throws (in Chinese) when the file cannot be parsed; the page then takes
/// the lines from pdf.js's operator lists.
#[wasm_bindgen]
pub fn pdf_rules(bytes: &[u8]) -> Result<js_sys::Float32Array, JsError> {
    let segments = crate::read::pdf::rulings(bytes).map_err(|e| JsError::new(&e.message))?;
    let flat: Vec<f32> = segments
        .iter()
        .flat_map(|s| [s.page as f32, s.x0, s.y0, s.x1, s.y1])
        .collect();
    Ok(js_sys::Float32Array::from(&flat[..]))
}

/// The flat arrays of [`pdf_lines`] as a layout; `None` when their lengths
/// do not agree.
fn layout_from_arrays(
    pages: &[f32],
    runs: &[f32],
    texts: Vec<String>,
    segments: &[f32],
) -> Option<Layout> {
    if !pages.len().is_multiple_of(3)
        || runs.len() != texts.len() * 5
        || !segments.len().is_multiple_of(5)
    {
        return None;
    }
    // Page numbers cross as floats; they are small whole numbers.
    let page = |v: f32| v as u32;
    let mut layout = Layout::default();
    for p in pages.chunks_exact(3) {
        layout.pages.push(PageSize {
            page: page(p[0]),
            width: p[1],
            height: p[2],
        });
    }
    for (r, text) in runs.chunks_exact(5).zip(texts) {
        layout.runs.push(TextRun {
            page: page(r[0]),
            x: r[1],
            y: r[2],
            width: r[3],
            height: r[4],
            text,
        });
    }
    for s in segments.chunks_exact(5) {
        layout.segments.push(Segment {
            page: page(s[0]),
            x0: s[1],
            y0: s[2],
            x1: s[3],
            y1: s[4],
        });
    }
    Some(layout)
}

/// Each line's place as five numbers; zeros for a line without one.
fn place_array(places: &[Option<Place>]) -> Vec<f32> {
    let mut out = Vec::with_capacity(places.len() * 5);
    for place in places {
        match place {
            Some(Place::Pdf {
                page,
                x,
                y,
                width,
                height,
            }) => out.extend_from_slice(&[*page as f32, *x, *y, *width, *height]),
            _ => out.extend_from_slice(&[0.0; 5]),
        }
    }
    out
}
