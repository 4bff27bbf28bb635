//! The JavaScript API of budget-lint (wasm-bindgen), used by the page's Web
//! Worker (`www/lib/worker.js`) and by anyone embedding the npm package.
//!
//! The PDF module (feature `web-pdf`, `www/pkg-pdf`) is the same crate with
//! only the geometry's entry ([`super::wasm_pdf`]): the engine's API below
//! is left out of it, so that it holds the geometry alone.
//!
//! Every value crosses the boundary as JSON text (the CLI's, written by
//! [`super::json`], which is serde_json's output in less wasm) parsed by the
//! engine's `JSON.parse`: plain objects, amounts as
//! the decimal strings the report carries (never floats), so what JS sees is
//! exactly the CLI's `--format json`. (serde-wasm-bindgen built the same
//! objects with 4 KiB more gzip of wasm and no speed gain.)

#[cfg(not(feature = "web-pdf"))]
use serde::Serialize;
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "web-pdf"))]
use wasm_bindgen::JsCast;

#[cfg(not(feature = "web-pdf"))]
use crate::prelude::*;

// The report's TypeScript declarations (generated from the JSON Schema by
// scripts/typegen) go into the package's .d.ts, so that `validate` returns a
// typed `Report` to an npm consumer instead of `any`.
#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &'static str = include_str!("../../schema/report.d.ts");

#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &'static str = r#"
/** What `validate` may be told; unknown keys are an error. */
export interface ValidateOptions {
  /** false leaves the rebuilt tables out of the result. Default true. */
  tables?: boolean;
  /** true: the text is the lines a PDF's geometry rebuilt (checked as the CLI checks that PDF). */
  pdf?: boolean;
  /** With `pdf`: the page of each line (0: none), which findings and evidence then cite as `page`. */
  pages?: Uint32Array;
  /** true: only the tables were given (a workbook): the prose checks do not apply. */
  tablesOnly?: boolean;
}
/** One rule of the catalogue, as this module's `rules()` lists it (no docs). */
export interface RuleSummary {
  /** Stable id ("T101"). */
  id: string;
  /** Stable kebab-case name ("row-sum"). */
  name: string;
  /** Short Chinese title ("行内合计"). */
  title: string;
  category: 'table' | 'structure' | 'narrative' | 'form' | 'special_funds';
  /** The category in Chinese ("表内及表间关系"). */
  category_label: string;
}
/**
 * One rule with its documentation, Chinese markdown (检查什么 / 为什么重要 / 示例):
 * what the package's `rules()` (index.js, joining `rules.js`) and the lib's
 * `rules()` return.
 */
export interface RuleDoc extends RuleSummary {
  docs: string;
}
"#;

/// The allocator of the wasm modules: talc instead of std's dlmalloc, ~2.6
/// KiB gzip smaller (measured on the core module). Checking a corpus
/// document in node took ~4% longer (8.6 → 8.9–9.3 ms), and memory stays as
/// small after hundreds of checks. Native builds keep the system allocator.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook once, when the module is instantiated, so that a
/// bug shows as a readable message in the console instead of "unreachable".
/// With std only: the core web module, built without it, has `panic` below.
#[cfg(feature = "std")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[cfg(not(feature = "std"))]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(what: &str, message: &str, file: &str, line: u32);
}

/// What a panic does in the core web module, which is built without std
/// (Cargo.toml, feature `std`): it says in the console where it happened,
/// with its message when that is plain text, then stops the module as
/// `panic = "abort"` does with std (the Worker reports the failed check).
/// Formatting a message's arguments here would link again the formatting
/// code that leaving std out saves.
#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let (file, line) = info.location().map_or(("", 0), |at| (at.file(), at.line()));
    let message = info.message().as_str().unwrap_or("");
    console_error("budget-lint 内部错误 (panic):", message, file, line);
    core::arch::wasm32::unreachable()
}

/// What `validate` may be told. Read by hand (`read_options`), not with
/// serde: a derived Deserialize drags float formatting into the module for
/// its error messages (~7 KiB gzip), and unknown keys must be refused so a
/// misspelt option is an error, not silently ignored.
#[cfg(not(feature = "web-pdf"))]
#[derive(Debug)]
struct Options {
    /// `false` leaves the rebuilt tables out of the result (smaller transfer
    /// when only the findings are wanted). Default `true`.
    tables: bool,
    /// `true`: the text is the lines a PDF's geometry rebuilt (the page's
    /// PDF path), checked as the CLI checks that PDF. Default `false`.
    /// With `pages`, the page of each line (0: none), cited by the
    /// findings; with `tablesOnly`, only tables were given (workbooks).
    /// Together, how the text was obtained.
    source: crate::Source,
}

/// The keys of [`Options`] as JS spells them.
#[cfg(not(feature = "web-pdf"))]
const OPTION_KEYS: &[&str] = &["tables", "pdf", "pages", "tablesOnly"];

#[cfg(not(feature = "web-pdf"))]
impl Default for Options {
    fn default() -> Self {
        Options {
            tables: true,
            source: crate::Source::default(),
        }
    }
}

/// Checks the text of one disclosure and returns its report:
/// `{tool, version, document, tables, narrative, findings, checks, summary}`.
///
/// `options` may be omitted, `undefined`, `null` or `{ tables: boolean }`.
/// Throws an `Error` only for bad options; any text yields a report.
#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsError> {
    let options = read_options(options)?;
    let mut report = checked(text, &options.source)?;
    if !options.tables {
        report.tables.clear();
    }
    to_js(&report)
}

/// What an `Error` thrown by `validate` or `findings_csv` starts with when
/// the text's tables are laid out otherwise than one row a line and this
/// module was built without the readers that rebuild them (the page's
/// first-load module, `Cargo.toml` feature `rebuild`): the Worker then
/// loads the module that has them (www/pkg-rebuild) and asks it instead.
#[cfg(not(feature = "web-pdf"))]
pub const REBUILD_NEEDED: &str = "[rebuild-needed]";

/// The report of `text`, or the `REBUILD_NEEDED` error when this build
/// cannot read its tables' layout (a report made without the readers is
/// not the document's).
#[cfg(not(feature = "web-pdf"))]
fn checked(text: &str, source: &crate::Source) -> Result<crate::report::Report, JsError> {
    let report = crate::check_source(text, source);
    if report.document.info.rebuild_needed() {
        return Err(JsError::new(&format!(
            "{REBUILD_NEEDED} 此文本的表格不是每行一行（如从 PDF 复制或提取的文本），需要版式重建模块（pkg-rebuild）读取"
        )));
    }
    Ok(report)
}

/// An HTML page or fragment (a `.html` file, or what Word, WPS, Excel or a
/// browser put on the clipboard as `text/html`) as the text `validate`
/// reads: each table row one line with a TAB between its cells, each
/// paragraph a line (`read::html`). Text only: no markup survives.
#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen]
pub fn html_text(html: &str) -> String {
    crate::read::html::to_text(html)
}

/// The rule catalogue *without* the documentation:
/// `[{id, name, title, category, category_label}]`, in catalogue order.
///
/// The docs (检查什么 / 为什么重要 / 示例, ~15 KiB gzip) are not in the
/// wasm, to keep the module small: they ship beside it as `rules.js`
/// (generated from the same doc comments by `scripts/build-web.sh`), and the
/// npm package's `rules()` (`index.js`) and the lib's `rules()` return the
/// full `RuleDoc[]` by joining the two on `id`.
#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen(unchecked_return_type = "RuleSummary[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::rules::index())
}

/// The engine's version (the crate version, as in `report.version`).
#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The findings of one document as the engine's CSV (UTF-8 with a BOM, one
/// row per finding, errors first), `name` filling the 文件 column. The page
/// offers this for download as is: the CSV is never rebuilt in JS.
#[cfg(not(feature = "web-pdf"))]
#[wasm_bindgen]
pub fn findings_csv(
    text: &str,
    name: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<String, JsError> {
    let report = checked(text, &read_options(options)?.source)?;
    Ok(crate::export::findings_csv(&[(name, &report)]))
}

/// The Excel workbook of one document (问题清单, 检查情况, one sheet per
/// rebuilt table) as .xlsx bytes. Only in the module built with the
/// `web-xlsx` feature (www/pkg-xlsx), which the page loads on demand.
#[cfg(feature = "xlsx")]
#[wasm_bindgen]
pub fn xlsx(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<Vec<u8>, JsError> {
    let report = crate::check_source(text, &read_options(options)?.source);
    crate::export::workbook(&report).map_err(|e| JsError::new(&format!("生成 Excel 文件失败：{e}")))
}

/// What `check_file` returns: the report, and the text the file was read
/// into, which the page shows as the source the findings' lines point to.
#[cfg(feature = "office")]
#[derive(Serialize)]
struct FileResult<'a> {
    kind: crate::read::FileKind,
    text: &'a str,
    /// Only the tables were in the file (a workbook).
    tables_only: bool,
    report: &'a crate::Report,
}

/// Reads a Word (.docx) or Excel (.xlsx, .xls) file and checks it:
/// `{kind, text, tables_only, report}`. Throws an `Error` whose message says
/// in Chinese what the file is and what to do when it cannot be read (an
/// old binary .doc/.wps, an encrypted or damaged file). Only in the
/// module built with `web-office` (www/pkg-office), which the page loads
/// the first time such a file is opened.
#[cfg(feature = "office")]
#[wasm_bindgen(
    unchecked_return_type = "{kind: string, text: string, tables_only: boolean, report: Report}"
)]
pub fn check_file(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsError> {
    let options = read_options(options)?;
    let extracted = crate::read::read(bytes).map_err(|e| JsError::new(&e.message))?;
    let mut report = crate::check_extracted(&extracted);
    if !options.tables {
        report.tables.clear();
    }
    to_js(&FileResult {
        kind: extracted.kind,
        text: &extracted.text,
        tables_only: extracted.tables_only,
        report: &report,
    })
}

#[cfg(not(feature = "web-pdf"))]
fn read_options(options: Option<JsValue>) -> Result<Options, JsError> {
    match options {
        Some(value) if !value.is_undefined() && !value.is_null() => {
            let invalid = |why: String| JsError::new(&format!("validate() 的选项无效：{why}"));
            let object = value
                .dyn_ref::<js_sys::Object>()
                .ok_or_else(|| invalid("应为对象".into()))?;
            for key in js_sys::Object::keys(object).iter() {
                let key = key.as_string().unwrap_or_default();
                if !OPTION_KEYS.contains(&key.as_str()) {
                    return Err(invalid(format!(
                        "未知选项「{key}」（可用：{}）",
                        crate::slices::join(OPTION_KEYS, "、")
                    )));
                }
            }
            let mut options = Options::default();
            let tables = js_sys::Reflect::get(object, &JsValue::from_str("tables"))
                .map_err(|_| invalid("无法读取 tables".into()))?;
            if !tables.is_undefined() {
                options.tables = tables
                    .as_bool()
                    .ok_or_else(|| invalid("tables 应为 true 或 false".into()))?;
            }
            let pdf = js_sys::Reflect::get(object, &JsValue::from_str("pdf"))
                .map_err(|_| invalid("无法读取 pdf".into()))?;
            if !pdf.is_undefined() {
                let pdf = pdf
                    .as_bool()
                    .ok_or_else(|| invalid("pdf 应为 true 或 false".into()))?;
                if pdf {
                    options.source.kind = crate::read::FileKind::Pdf;
                }
            }
            let tables_only = js_sys::Reflect::get(object, &JsValue::from_str("tablesOnly"))
                .map_err(|_| invalid("无法读取 tablesOnly".into()))?;
            if !tables_only.is_undefined() {
                options.source.tables_only = tables_only
                    .as_bool()
                    .ok_or_else(|| invalid("tablesOnly 应为 true 或 false".into()))?;
            }
            let pages = js_sys::Reflect::get(object, &JsValue::from_str("pages"))
                .map_err(|_| invalid("无法读取 pages".into()))?;
            if !pages.is_undefined() {
                let pages = pages
                    .dyn_ref::<js_sys::Uint32Array>()
                    .ok_or_else(|| invalid("pages 应为 Uint32Array".into()))?;
                options.source.origins = pages
                    .to_vec()
                    .into_iter()
                    .map(|p| (p > 0).then_some(crate::report::Origin::Page(p)))
                    .collect();
            }
            Ok(options)
        }
        _ => Ok(Options::default()),
    }
}

#[cfg(not(feature = "web-pdf"))]
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // serde_json's text, written by the much smaller `front::json`. It
    // cannot fail for these types (no floats, no maps with non-string keys).
    let json = super::json::to_string(value).ok_or_else(|| JsError::new("无法生成 JSON 结果"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON.parse failed"))
}
