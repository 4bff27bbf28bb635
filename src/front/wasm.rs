//! The browser API (wasm-bindgen). Placeholder until the web build lands.
