//! What the rules on a profile's prose ([`ProseDef`]) share: the
//! statements its facts match, and a table figure in 万元 named as the
//! document names its table.

use crate::model::{Narrative, Section, Statement};
use crate::prelude::*;
use crate::profile::{CellRef, Position, Profile, ProseDef, ProseFact};
use crate::rules::support::Figure;
use crate::rules::table::resolve::figure_in;
use crate::rules::{Context, Sink};

/// Why the rules on a profile's [`ProseDef`] do not apply to a template
/// without one ([`crate::rules::Rule::inapplicable_to`]): Role::Prose is
/// also the 13-table and Jiangsu 情况说明's, whose statements N101–N117,
/// N150 and N151 check.
pub fn without_prose_def(profile: &Profile) -> Option<&'static str> {
    profile
        .prose
        .is_none()
        .then_some("没有分部分描述的文字说明（如上海的预算编制说明、其他相关情况说明）")
}

/// The profile's prose and the document's, or None after telling the sink why.
pub fn prose<'a>(cx: &'a Context, sink: &mut Sink) -> Option<(&'static ProseDef, &'a Narrative)> {
    let def = cx.profile.prose?;
    let n = &cx.doc.narrative;
    if n.sections.is_empty() {
        sink.not_applicable("文档中没有可核对的文字说明（如预算编制说明、其他相关情况说明）");
        return None;
    }
    Some((def, n))
}

/// A statement a fact of the profile matched.
pub struct Matched<'a> {
    pub fact: &'static ProseFact,
    pub section: &'a Section,
    pub statement: &'a Statement,
}

/// Whether `fact` describes `st` (a statement of `sec`).
fn describes(fact: &ProseFact, sec: &Section, st: &Statement) -> bool {
    let position = match fact.position {
        Position::Any => true,
        Position::Head => st.part_of.is_none(),
        Position::Part => st.part_of.is_some(),
    };
    sec.part == fact.part
        && sec.title.contains(fact.section)
        && position
        && fact.words.iter().all(|w| st.label.contains(w))
        && !fact.but_not.iter().any(|w| st.label.contains(w))
}

/// Each statement goes to the first fact that describes it; each fact keeps
/// the first statement of each section it describes (a figure said again
/// later, in a reason or a list, is not the one the fact is about).
pub fn matched<'a>(def: &'static ProseDef, n: &'a Narrative) -> Vec<Matched<'a>> {
    let mut all: Vec<Matched<'a>> = Vec::new();
    for sec in &n.sections {
        for sentence in &sec.sentences {
            for st in sentence.statements() {
                let Some(fact) = def.facts.iter().find(|f| describes(f, sec, st)) else {
                    continue;
                };
                let seen = all
                    .iter()
                    .any(|m| core::ptr::eq(m.fact, fact) && core::ptr::eq(m.section, sec));
                if !seen {
                    all.push(Matched {
                        fact,
                        section: sec,
                        statement: st,
                    });
                }
            }
        }
    }
    all
}

/// The first statement matched by the fact `key`.
pub fn by_key<'m, 'a>(all: &'m [Matched<'a>], key: &str) -> Option<&'m Matched<'a>> {
    all.iter().find(|m| m.fact.key == key)
}

/// The figure at `r` in 万元 (a 元 figure divided by 10,000 and rounded
/// half away from zero to 2 decimals), its table named by its title as
/// printed: "《2025年部门财务收支预算总表》第16行「收入总计」 预算数".
pub fn table_figure(cx: &Context, r: &CellRef, sink: &mut Sink) -> Option<Figure> {
    match figure_in(cx, r, "万元") {
        Ok(mut fig) => {
            if let Some(t) = cx.doc.table(r.table) {
                let name = document_name(&t.title, t.id);
                fig.label = fig.label.replacen(t.id, &name, 1);
                fig.evidence.table = Some(name);
            }
            Some(fig)
        }
        Err(missing) => {
            missing.record(sink);
            None
        }
    }
}

/// "《2025年部门财务收支预算总表》", or the profile's name for the table.
pub fn document_name(title: &str, id: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        id.to_string()
    } else {
        format!("《{title}》")
    }
}
