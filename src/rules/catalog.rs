//! The rule catalogue users see, generated from the rules' own doc
//! comments by `build.rs` (so it is never written twice).

use serde::Serialize;

use super::{all, Category};

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

#[derive(Debug, Clone, Serialize)]
pub struct RuleDoc {
    pub id: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub category: Category,
    pub category_label: &'static str,
    /// The rule file's module documentation (markdown).
    pub docs: &'static str,
}

/// Every rule with its documentation.
pub fn catalogue() -> Vec<RuleDoc> {
    all()
        .into_iter()
        .map(|r| {
            let m = r.meta();
            RuleDoc {
                id: m.id,
                name: m.name,
                title: m.title,
                category: m.category,
                category_label: m.category.label(),
                docs: docs_for(m.source),
            }
        })
        .collect()
}

fn docs_for(source: &str) -> &'static str {
    let normalized = source.replace('\\', "/");
    RULE_DOCS
        .iter()
        .find(|(path, _)| normalized.ends_with(path))
        .map(|(_, docs)| *docs)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_is_documented_with_the_three_sections() {
        for rule in super::catalogue() {
            for heading in ["## 检查什么", "## 为什么重要", "## 示例"] {
                assert!(
                    rule.docs.contains(heading),
                    "{} ({}) lacks {heading}",
                    rule.id,
                    rule.name
                );
            }
        }
    }

    #[test]
    fn ids_and_names_are_unique() {
        let cat = super::catalogue();
        for (i, a) in cat.iter().enumerate() {
            for b in &cat[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.name, b.name);
            }
        }
    }
}
