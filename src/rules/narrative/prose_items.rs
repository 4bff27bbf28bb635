//! 文字说明的科目明细（N120 prose-items）
//!
//! ## 检查什么
//! 模板（配置文件）描述的科目明细（上海 预算编制说明“财政拨款支出主要内容
//! 如下”：“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目
//! 43.83万元，或“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”
//! 科目1,202.95万元）逐条与一般公共预算支出功能分类预算表的项级科目对照：
//! 类、款、项名称都相同时，金额须与该行合计一致（元 → 万元 四舍五入后比较）；
//! 名称对不上、而同一类下恰有一行金额相同时，报告名称不符；表中有金额的项级
//! 科目在明细中没有列出时给出警告。名称读不出三级或对不上任何一行的条目不核对。
//!
//! ## 为什么重要
//! 明细是读者了解钱花在哪里的主要途径；金额、名称与表格不符或漏列，会误导读者。
//!
//! ## 示例
//! “社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”738.66万元，
//! 而《2024年预算单位一般公共预算支出功能分类预算表》2081005 社会福利事业单位
//! 为 6,964,796 元（696.48 万元）：报告错误。“卫生健康支出（类）卫生健康支出
//! （款）计划生育事务（项）”20.00万元，而表中 210 类下 20 万元的一行是 2100717
//! 计划生育服务：报告名称不符。

use super::common::{amount_figure, check_against_table};
use super::prose::{document_name, prose, without_prose_def};
use crate::model::{Row, RowKind, Section, Statement, Table};
use crate::prelude::*;
use crate::profile::{Profile, Role};
use crate::report::Severity;
use crate::rules::support::{text_evidence, Figure};
use crate::rules::table::resolve::expressed_in;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct ProseItems;

static META: RuleMeta = RuleMeta {
    id: "N120",
    name: "prose-items",
    title: "文字说明科目明细与表格",
    category: Category::Narrative,
};

/// Class names the classification has renamed: the same class.
const RENAMED: &[(&str, &str)] = &[("医疗卫生与计划生育支出", "卫生健康支出")];

impl Rule for ProseItems {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose]
    }

    fn inapplicable_to(&self, profile: &Profile) -> Option<&'static str> {
        without_prose_def(profile)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some((def, n)) = prose(cx, sink) else {
            return;
        };
        let Some(list) = &def.items else {
            sink.not_applicable("模板的文字说明没有科目明细");
            return;
        };
        let Some(t) = cx.doc.table(list.table) else {
            sink.could_not_run(format!("未找到{}，无法核对科目明细", list.table));
            return;
        };
        let rows: Vec<(&Row, [String; 3], Figure)> = t
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Item)
            .filter_map(|r| {
                let names = row_names(t, r)?;
                let fig = Figure::across(t, r, list.column)?;
                let mut fig = expressed_in(cx, t.id, fig, "万元");
                let name = document_name(&t.title, t.id);
                fig.label = fig.label.replacen(t.id, &name, 1);
                fig.evidence.table = Some(name);
                Some((r, names, fig))
            })
            .collect();
        let mut used = vec![false; rows.len()];
        let mut listed = 0;
        for sec in n.sections.iter().filter(|s| s.part == list.part) {
            for sentence in &sec.sentences {
                for st in sentence.statements() {
                    let Some(names) = item_names(&st.label) else {
                        continue;
                    };
                    listed += 1;
                    let told = amount_figure(sec, st);
                    let by_name: Vec<usize> = (0..rows.len())
                        .filter(|&i| !used[i] && same_names(&rows[i].1, &names))
                        .collect();
                    if let [i] = by_name[..] {
                        used[i] = true;
                        check_against_table(sink, sec, &told, &rows[i].2);
                        continue;
                    }
                    if !by_name.is_empty() {
                        continue;
                    }
                    // Names that match no row: the one row of the class with
                    // the amount said, if there is exactly one.
                    let by_amount: Vec<usize> = (0..rows.len())
                        .filter(|&i| {
                            !used[i]
                                && same_class(&rows[i].1[0], &names[0])
                                && rows[i].2.term.value == told.term.value
                        })
                        .collect();
                    if let [i] = by_amount[..] {
                        used[i] = true;
                        sink.compared();
                        misnamed(sink, sec, st, &names, t, rows[i].0, &rows[i].1);
                    }
                }
            }
        }
        if listed == 0 {
            return;
        }
        for (i, (row, _, fig)) in rows.iter().enumerate() {
            if used[i] || fig.term.value.is_zero() {
                continue;
            }
            sink.compared();
            let sec = n.sections.iter().find(|s| s.part == list.part);
            let place = sec.map_or_else(String::new, Section::label);
            let message = format!(
                "{} 列有 {} {}，{}的科目明细中没有这一项",
                document_name(&t.title, t.id),
                t.row_label(row),
                fig.shown,
                place
            );
            let mut f = sink.finding(Severity::Warning, place, row.line, message);
            f.evidence.push(fig.clone().with_role("表内").evidence);
            sink.emit(f);
        }
    }
}

/// "1.“一般公共服务支出（类）统计信息事务（款）统计管理（项）”",
/// "“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目" →
/// [类, 款, 项]; None unless the label is a quoted name of three levels.
fn item_names(label: &str) -> Option<[String; 3]> {
    let open = label.find('“')?;
    let inner = &label[open + '“'.len_utf8()..];
    let close = inner.find('”')?;
    let after = inner[close + '”'.len_utf8()..].trim();
    if !(after.is_empty() || after == "科目") {
        return None;
    }
    let inner = &inner[..close];
    let levels: Vec<&str> = if inner.contains("（类）") {
        let (class, rest) = inner.split_once("（类）")?;
        let (sub, rest) = rest.split_once("（款）")?;
        let item = rest.strip_suffix("（项）")?;
        vec![class, sub, item]
    } else {
        inner.split('-').collect()
    };
    let [class, sub, item] = levels[..] else {
        return None;
    };
    let names = [class, sub, item].map(|n| fold_key(n.trim()).into_owned());
    names.iter().all(|n| !n.is_empty()).then_some(names)
}

/// The 类, 款 and 项 names of a 项 row, from the rows of its code's prefixes.
fn row_names(t: &Table, row: &Row) -> Option<[String; 3]> {
    let code = row.code.as_deref()?;
    if code.len() != 7 {
        return None;
    }
    let class = t.row_by_code(&code[..3])?;
    let sub = t.row_by_code(&code[..5])?;
    Some([&class.name, &sub.name, &row.name].map(|n| fold_key(n.trim()).into_owned()))
}

fn same_class(a: &str, b: &str) -> bool {
    a == b
        || RENAMED
            .iter()
            .any(|(x, y)| (a == *x && b == *y) || (a == *y && b == *x))
}

fn same_names(row: &[String; 3], item: &[String; 3]) -> bool {
    same_class(&row[0], &item[0]) && row[1] == item[1] && row[2] == item[2]
}

fn misnamed(
    sink: &mut Sink,
    sec: &Section,
    st: &Statement,
    names: &[String; 3],
    t: &Table,
    row: &Row,
    row_names: &[String; 3],
) {
    let message = format!(
        "{} 科目明细“{}”{}万元，与 {} 中同类同金额的 {} 名称不符（表中为“{}”）",
        sec.label(),
        names.join("-"),
        st.amount.shown,
        document_name(&t.title, t.id),
        t.row_label(row),
        row_names.join("-")
    );
    let mut f = sink.finding(Severity::Error, sec.label(), st.amount.line, message);
    f.expected = Some(row_names.join("-"));
    f.actual = Some(names.join("-"));
    f.evidence.push(text_evidence(
        "情况说明",
        st.amount.line,
        &sec.label(),
        None,
        &st.label,
    ));
    f.evidence.push(text_evidence(
        "表内",
        row.line,
        &document_name(&t.title, t.id),
        Some(&t.row_label(row)),
        &row.name,
    ));
    sink.emit(f);
}
