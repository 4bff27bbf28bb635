//! 占比及其合计（N150 narrative-share-sets）
//!
//! ## 检查什么
//! 按标题分节的情况说明（如江苏 部门预算）中，一串连续写出占比的金额（“基本
//! 支出15,844.04万元，占65.56%；项目支出4335.3万元，占17.94%；…”）逐个重新
//! 计算：只写“占”时分母是这串金额之前的总额（“本年支出预算合计24,169.74万元，
//! 其中：”）；写明“占‘三公’经费的”时，分母是这串金额之和（各项合为所占之数）。
//! 百分比按印出的精度比较（“19.1%”即 19.1 ± 0.05）。截尾而非四舍五入的只作
//! 提醒；这串百分比之和恰为 100、且只有一个对不上时，是为凑足 100 而调整，
//! 只作提示；其余对不上的报告错误。
//!
//! ## 为什么重要
//! 占比告诉读者支出结构；一串占比里有两个以上算错，说明分子或分母写错了。
//!
//! ## 示例
//! 江苏省人民检察院 2017 年：“因公出国（境）费支出110万元，占‘三公’经费的
//! 18.85%；公务用车购置及运行费支出317.8万元，占54.43%；公务接待费支出
//! 156.55万元，占26.72%”：三者之和 584.35，应为 18.82%、54.39%、26.79%，三个
//! 都不符，报告错误。2019 年“基本支出…占65.56%”（应 65.55%），另两项相符且合计
//! 为 100：凑整，只作提示。

use super::common::{
    amount_figure, as_printed, narrative, percent_finding, percent_fit, said_of, Fit,
};
use crate::arith::Term;
use crate::decimal;
use crate::model::{Section, Statement};
use crate::prelude::*;
use crate::profile::{Profile, Role};
use crate::report::Severity;
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use rust_decimal::Decimal;

pub struct ShareSets;

static META: RuleMeta = RuleMeta {
    id: "N150",
    name: "narrative-share-sets",
    title: "情况说明 一组占比",
    category: Category::Narrative,
};

impl Rule for ShareSets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Role] {
        &[Role::Prose]
    }

    fn inapplicable_to(&self, profile: &Profile) -> Option<&'static str> {
        (!profile.narrative.percent_habits)
            .then_some("没有截尾、凑足 100 的占比印法（13张表模板的占比由 N113 核对）")
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        let Some(n) = narrative(cx, sink) else { return };
        for sec in &n.sections {
            let statements: Vec<&Statement> = sec.statements(None).map(|(_, st)| st).collect();
            let mut i = 0;
            while i < statements.len() {
                if statements[i].share.is_none() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < statements.len() && statements[i].share.is_some() {
                    i += 1;
                }
                let head = start.checked_sub(1).map(|h| statements[h]);
                check_run(sink, sec, head, &statements[start..i]);
            }
        }
    }
}

/// Whether "占…的" names the whole ("占“三公”经费的"), not only "占".
fn names_whole(label: &str) -> bool {
    label.trim() != "占"
}

fn check_run(sink: &mut Sink, sec: &Section, head: Option<&Statement>, run: &[&Statement]) {
    let named = run
        .iter()
        .all(|st| st.share.as_ref().is_some_and(|s| names_whole(&s.label)));
    // The figures a whole named by "占…的" adds up: printed nowhere itself,
    // it is cited by them.
    let mut terms = Vec::new();
    let base = if named {
        if run.len() < 2 {
            // "占本年支出合计的100%": the whole is not stated here.
            return;
        }
        terms = run.iter().map(|st| amount_figure(sec, st)).collect();
        let sum = terms.iter().fold(Term::ZERO, |sum, t| sum + t.term);
        let parts: Vec<&str> = run.iter().map(|st| st.label.as_str()).collect();
        let mut base = amount_figure(sec, run[0]).named(format!(
            "{}「{}」之和",
            sec.label(),
            crate::slices::join(&parts, "、")
        ));
        base.term = sum;
        base.shown = crate::rules::support::money(sum.value);
        base
    } else {
        match head {
            Some(h) => amount_figure(sec, h),
            None => {
                sink.could_not_run("有占比找不到所占的总额");
                return;
            }
        }
    };
    let mut fits = Vec::new();
    let mut printed_sum = Decimal::ZERO;
    for st in run {
        let Some(share) = &st.share else { continue };
        let percent = as_printed(
            said_of(sec, st, &share.label, &share.percent),
            &share.percent,
        );
        printed_sum = decimal::add(printed_sum, share.percent.value.value);
        let part = amount_figure(sec, st);
        let Some(fit) = percent_fit(&percent, &part, &base, true) else {
            continue;
        };
        sink.compared();
        fits.push((fit, percent, part));
    }
    let off = fits.iter().filter(|(f, ..)| *f == Fit::Off).count();
    let forced = off == 1 && fits.len() > 1 && decimal::equal(printed_sum, Decimal::from(100));
    for (fit, percent, part) in &fits {
        let (severity, note) = match fit {
            Fit::Rounded => continue,
            Fit::Truncated => (Severity::Warning, "；所印为截尾值，未四舍五入"),
            Fit::Off if forced => (Severity::Info, "；这组占比合计为100%，此项为凑整调整"),
            Fit::Off => (Severity::Error, ""),
        };
        let mut finding = percent_finding(sink, sec, percent, part, &base, "占比", severity, note);
        if !terms.is_empty() {
            finding.evidence.pop();
            finding.evidence.extend(terms.iter().map(|t| {
                let mut e = t.evidence.clone();
                e.role = "分母（之和的一项）".to_string();
                e
            }));
        }
        sink.emit(finding);
    }
}
