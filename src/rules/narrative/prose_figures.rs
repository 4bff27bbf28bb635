//! 文字说明中的金额与表格（N118 prose-figures）
//!
//! ## 检查什么
//! 模板（配置文件）描述的文字说明中，每个复述表格数字的句子与表格对应单元格
//! 一致：上海 预算编制说明 的收入预算、支出预算及各来源（财政拨款、事业收入、
//! 一般公共预算、政府性基金、国有资本经营预算）与财务收支预算总表、财政拨款
//! 收支预算总表；其他相关情况说明 的“三公”经费合计及各项、机关运行经费与
//! “三公”经费和机关运行经费预算表（写“无机关运行经费”时表中须为 0）。表格以
//! 元为单位时先除以 10,000 并四舍五入（远离零）到 0.01 万元，再按说明印出的
//! 精度用区间算术比较。绩效目标“涉及项目预算资金”只是项目支出的一部分：不得
//! 超过支出预算总表的项目支出，超过时给出警告。“比上年增加/减少”的上年数没有
//! 表可核，不在此核对。
//!
//! ## 为什么重要
//! 编制说明和情况说明是读者最先读、最常引用的数字，与表格不符会让整份公开失信。
//!
//! ## 示例
//! “收入预算18,976.76万元，其中：财政拨款收入18,976.76万元”：《2025年部门财务
//! 收支预算总表》收入总计 189,767,551 元 = 18,976.76 万元，相等，不报告。若写
//! “公务接待费1.53万元”而表中为 1.35，报告错误，列出说明的行与表格的单元格。

use super::common::check_against_table;
use super::prose::{matched, prose, table_figure, without_prose_def};
use crate::arith::at_most;
use crate::model::{Section, Sentence};
use crate::prelude::*;
use crate::profile::{Profile, ProseFact, ProseRelation, Role};
use crate::report::Severity;
use crate::rules::support::{text_evidence, Figure};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

use super::common::amount_figure;

pub struct ProseFigures;

static META: RuleMeta = RuleMeta {
    id: "N118",
    name: "prose-figures",
    title: "文字说明金额与表格",
    category: Category::Narrative,
};

impl Rule for ProseFigures {
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
        for m in matched(def, n) {
            let Some(table) = table_figure(cx, &m.fact.cell, sink) else {
                continue;
            };
            let told = amount_figure(m.section, m.statement);
            match m.fact.relation {
                ProseRelation::Equal => check_against_table(sink, m.section, &told, &table),
                ProseRelation::AtMost => check_at_most(sink, m.section, &told, &table),
            }
        }
        // "…无机关运行经费。": the cell is nil.
        for fact in def.facts {
            let Some(phrase) = fact.nil else { continue };
            let phrase = fold_key(phrase);
            for sec in &n.sections {
                if sec.part != fact.part || !sec.title.contains(fact.section) {
                    continue;
                }
                for sentence in &sec.sentences {
                    if fold_key(&sentence.text).contains(&*phrase) {
                        if let Some(table) = table_figure(cx, &fact.cell, sink) {
                            check_nil(sink, sec, sentence, fact, &table);
                        }
                    }
                }
            }
        }
    }
}

/// The prose's figure is a part of the table's: more is a warning.
fn check_at_most(sink: &mut Sink, sec: &Section, told: &Figure, table: &Figure) {
    sink.compared();
    if at_most(told.term, table.term) {
        return;
    }
    let message = format!(
        "{} {}万元 超过 {} {}，而它只是其中一部分",
        told.label, told.shown, table.label, table.shown
    );
    let mut f = sink.finding(Severity::Warning, sec.label(), told.evidence.line, message);
    f.expected = Some(format!("≤ {}", table.shown));
    f.actual = Some(told.shown.clone());
    f.evidence.push(told.clone().with_role("情况说明").evidence);
    f.evidence.push(table.clone().with_role("表内").evidence);
    sink.emit(f);
}

/// "无机关运行经费": the table's figure must be blank or zero.
fn check_nil(
    sink: &mut Sink,
    sec: &Section,
    sentence: &Sentence,
    fact: &ProseFact,
    table: &Figure,
) {
    sink.compared();
    if table.term.value.is_zero() {
        return;
    }
    let message = format!(
        "{} 称“{}”，但 {} 为 {}",
        sec.label(),
        fact.nil.unwrap_or_default(),
        table.label,
        table.shown
    );
    let mut f = sink.finding(Severity::Error, sec.label(), sentence.line, message);
    f.evidence.push(text_evidence(
        "情况说明",
        sentence.line,
        &sec.label(),
        None,
        sentence.text.trim(),
    ));
    f.evidence.push(table.clone().with_role("表内").evidence);
    sink.emit(f);
}
