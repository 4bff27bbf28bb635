//! Collects the module doc comment (`//!`) of every rule file under
//! src/rules/ into `rule_docs.rs`, keyed by the rule's id (its `id: "…"`
//! in the file), so the catalogue users see is the rules' own
//! documentation.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    let mut out = String::from("/// (rule id, module docs) of every rule file.\npub static RULE_DOCS: &[(&str, &str)] = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(&file).unwrap_or_default();
        let docs: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
            .filter_map(|l| l.strip_prefix("//!"))
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        // A rule file declares its RuleMeta with `id: "T101"`; the shared
        // files (mod.rs, common.rs…) declare none.
        let id = text
            .split_once("id: \"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(id, _)| id);
        let (Some(id), false) = (id, docs.is_empty()) else {
            continue;
        };
        out.push_str(&format!("    ({:?}, {:?}),\n", id, docs.join("\n").trim()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("rule_docs.rs");
    fs::write(dest, out).expect("write rule_docs.rs");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    // A folder changes when a rule file is added to it: without this, a new
    // rule in a category folder kept the old catalogue (no docs for it).
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}
