//! The JavaScript API of budget-lint (wasm-bindgen), used by the page's Web
//! Worker (`www/worker.js`) and by anyone embedding the package.
//!
//! Every value crosses the boundary as a plain JS object built by
//! serde-wasm-bindgen's JSON-compatible serializer: maps become objects (not
//! `Map`s), amounts stay the decimal strings the report carries (never
//! floats), so what JS sees is exactly the CLI's `--format json`.

use serde::{Deserialize, Serialize};
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

/// What `validate` may be told. Unknown keys are rejected (by
/// `read_options`: serde-wasm-bindgen reads only the fields it knows, so
/// `deny_unknown_fields` would not see them) so a misspelt option is an
/// error, not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Options {
    /// `false` leaves the rebuilt tables out of the result (smaller transfer
    /// when only the findings are wanted). Default `true`.
    #[serde(default = "yes")]
    tables: bool,
}

/// The keys of [`Options`] as JS spells them.
const OPTION_KEYS: &[&str] = &["tables"];

fn yes() -> bool {
    true
}

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
                        OPTION_KEYS.join("、")
                    )));
                }
            }
            serde_wasm_bindgen::from_value(value).map_err(|e| invalid(e.to_string()))
        }
        _ => Ok(Options::default()),
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
