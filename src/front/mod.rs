//! Front ends that live inside the library: the wasm API. (The native CLI
//! is `src/bin/budget-lint.rs`; the page is `www/`.)

pub mod json;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "web-pdf"))]
pub mod wasm_pdf;
