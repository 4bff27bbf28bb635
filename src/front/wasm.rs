//! The JavaScript API of budget-lint (wasm-bindgen), used by the page's Web
//! Worker (`www/worker.js`) and by anyone embedding the package.
//!
//! Every value crosses the boundary as JSON text that `JSON.parse` turns into
//! plain JS objects: exactly the CLI's `--format json` (maps are objects, not
//! `Map`s; amounts stay the decimal strings the report carries, never
//! floats). This is also the smallest way across: serde-wasm-bindgen's
//! serializer (even `json_compatible()`) made the module 4 KiB gzip larger
//! and was no faster, one JS call per value against one `JSON.parse`.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The typed results (validate and rules skip the generated typing, which
// could only say `any`): schema/report.d.ts (generated from the report's JSON
// Schema) is copied into the package as report.d.ts by scripts/build-web.sh.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
import type { Report } from './report';
export type { Report } from './report';

/** Options of `validate`. */
export interface ValidateOptions {
  /** `false` leaves the rebuilt tables out of the result. Default `true`. */
  tables?: boolean;
}

/** One entry of the rule catalogue (`rules()`). */
export interface RuleDoc {
  id: string;
  name: string;
  title: string;
  category: string;
  category_label: string;
  /** The rule's Chinese documentation: 检查什么 / 为什么重要 / 示例. */
  docs: string;
}

/**
 * Checks the text of one disclosure and returns its report, the same as
 * `budget-lint check --format json`. Throws only for bad options.
 */
export function validate(text: string, options?: ValidateOptions | null): Report;

/** The rule catalogue. */
export function rules(): RuleDoc[];
"#;

/// Installs the panic hook once, when the module is instantiated, so that a
/// bug shows as a readable message in the console instead of "unreachable".
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// What `validate` may be told, read by hand from the JS object (serde's
/// deserializer would pull float formatting for its error messages into the
/// module, ~10 KB, for one boolean).
#[derive(Debug)]
struct Options {
    /// `false` leaves the rebuilt tables out of the result (smaller transfer
    /// when only the findings are wanted). Default `true`.
    tables: bool,
}

/// The keys of [`Options`] as JS spells them.
const OPTION_KEYS: &[&str] = &["tables"];

impl Default for Options {
    fn default() -> Self {
        Options { tables: true }
    }
}

/// Checks the text of one disclosure and returns its report:
/// `{tool, version, document, tables, narrative, findings, checks, summary}`.
///
/// `options` may be omitted, `undefined`, `null` or `{ tables: boolean }`.
/// Throws an `Error` only for bad options; any text yields a report.
#[wasm_bindgen(skip_typescript)]
pub fn validate(text: &str, options: Option<JsValue>) -> Result<JsValue, JsError> {
    let options = read_options(options)?;
    let mut report = crate::check_text(text);
    if !options.tables {
        report.tables.clear();
    }
    to_js(&report)
}

/// The rule catalogue: `[{id, name, title, category, category_label, docs}]`,
/// `docs` being the rule's Chinese documentation (检查什么 / 为什么重要 / 示例).
#[wasm_bindgen(skip_typescript)]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::catalogue())
}

/// The engine's version (the crate version, as in `report.version`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Unknown keys and wrong types are errors, so a misspelt option is not
/// silently ignored.
fn read_options(options: Option<JsValue>) -> Result<Options, JsError> {
    let invalid = |why: String| JsError::new(&format!("validate() 的选项无效：{why}"));
    let value = match options {
        Some(value) if !value.is_undefined() && !value.is_null() => value,
        _ => return Ok(Options::default()),
    };
    let object = value
        .dyn_ref::<js_sys::Object>()
        .ok_or_else(|| invalid("应为对象".into()))?;
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_KEYS.contains(&key.as_str()) {
            return Err(invalid(format!(
                "未知选项「{key}」（可用：{}）",
                OPTION_KEYS.join("、")
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
    Ok(options)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON.parse rejected the report"))
}
