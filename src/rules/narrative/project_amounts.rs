//! 按项目名称引用的金额（N117 narrative-project-amounts）
//!
//! ## 检查什么
//! 情况说明中以项目名称引出的金额（如第一部分说明增减原因时写“上年结转至本年
//! 2025年商务领域消费品以旧换新资金预算(第五批)(中央)830.99万元”），与表十二
//! 或表十三中同名项目的合计一致。名称按标点宽松比较。
//!
//! ## 为什么重要
//! 增减原因中的项目金额是读者核对变动原因的依据，与项目表不符会让解释失去
//! 说服力。
//!
//! ## 示例
//! “…资金预算(第五批)(中央)830.99万元”：表十三「2025年商务领域消费品以旧换新
//! 资金预算（第五批）（中央）」合计 830.99，相等，不报告。

use super::common::{amount_figure, check_against_table, narrative};
use crate::model::RowKind;
use crate::prelude::*;
use crate::profile::Role;
use crate::rules::support::Figure;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct ProjectAmounts;

static META: RuleMeta = RuleMeta {
    id: "N117",
    name: "narrative-project-amounts",
    title: "情况说明 按项目名称引用的金额",
    category: Category::Narrative,
};

impl Rule for ProjectAmounts {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Narrative, Role::Projects]
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        // Loops rather than a flat_map chain: the same list in far less wasm.
        let mut projects: Vec<(String, Figure)> = Vec::new();
        for role in [Role::Projects, Role::CarriedProjects] {
            let Some(t) = cx.table(role) else { continue };
            for r in t.rows_of_kind(&RowKind::TreeProject) {
                let name = fold_key(&r.name);
                if name.chars().count() < 4 {
                    continue;
                }
                if let Some(figure) = Figure::across(t, r, "total") {
                    projects.push((name.into_owned(), figure));
                }
            }
        }
        if projects.is_empty() {
            sink.not_applicable("表十二、表十三中没有项目行");
            return;
        }
        let mut cited = false;
        for sec in &n.sections {
            for (_, st) in sec.statements(None) {
                let label = fold_key(&st.label);
                // The longest name the label ends with: "…（中央）" and not a
                // shorter name that happens to be its tail (of equals, the last).
                let mut found: Option<&(String, Figure)> = None;
                for project in &projects {
                    let (name, _) = project;
                    if found.is_none_or(|(longest, _)| name.len() >= longest.len())
                        && label.ends_with(name.as_str())
                    {
                        found = Some(project);
                    }
                }
                if let Some((_, fig)) = found {
                    cited = true;
                    check_against_table(sink, sec, &amount_figure(sec, st), fig);
                }
            }
        }
        if !cited {
            sink.not_applicable("情况说明中没有按项目名称引用的金额");
        }
    }
}
