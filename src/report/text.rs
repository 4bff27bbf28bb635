//! The report as a readable Chinese list, grouped by table or section.

use core::fmt::Write;

use super::{CheckStatus, Report, Severity};
use crate::prelude::*;

/// Renders a report for a terminal: header, findings grouped by location
/// (errors first inside each), then the checks that did not run.
pub fn render_text(report: &Report, file: &str) -> String {
    let mut out = String::new();
    let d = &report.document.info;
    let _ = writeln!(
        out,
        "{}：{}  {}  {}年  单位：{}",
        file,
        d.kind_label,
        d.department.as_deref().unwrap_or("（未识别部门）"),
        d.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into()),
        d.unit.as_deref().unwrap_or("?"),
    );
    if !d.profile.is_empty() {
        let _ = writeln!(
            out,
            "模板：{}，找到 {}/{} 张表",
            d.profile_label, d.tables_found, d.tables_expected
        );
    }
    let s = &report.summary;
    if !s.recognised {
        // Its counts would read as "checked, N errors": S107 says why instead.
        // A template recognised in a text whose reading is not verified for
        // it was recognised all the same (the line above names it).
        let verdict = if d.reading_unverified.is_some() {
            "已识别，但未做任何检查。"
        } else {
            "未识别，未做任何检查。"
        };
        let _ = writeln!(out, "{verdict}");
    } else {
        let _ = writeln!(
            out,
            "错误 {} 项，提醒 {} 项，尾差/提示 {} 项；{} 项检查已运行，{} 项不适用，{} 项无法运行",
            s.errors,
            s.warnings,
            s.infos,
            s.checks_ran,
            s.checks_not_applicable,
            s.checks_could_not_run
        );
    }
    if d.tables_only {
        out.push_str("只给了表格，未提供文字部分：情况说明和绩效目标表的检查不适用\n");
    }
    let mut locations: Vec<&str> = Vec::new();
    for f in &report.findings {
        if !locations.contains(&f.location.as_str()) {
            locations.push(&f.location);
        }
    }
    for loc in locations {
        let _ = writeln!(out, "\n【{}】", loc);
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            for f in report
                .findings
                .iter()
                .filter(|f| f.location == loc && f.severity == sev)
            {
                let _ = writeln!(
                    out,
                    "  [{}] {} {}：{}",
                    sev.label(),
                    f.rule,
                    f.place_label(),
                    f.message
                );
            }
        }
    }
    let skipped: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::CouldNotRun)
        .collect();
    // Unrecognised, every check could not run: S107 has said why once.
    if !skipped.is_empty() && s.recognised {
        let _ = writeln!(out, "\n无法运行的检查：");
        for c in skipped {
            let _ = writeln!(out, "  {} {}：{}", c.rule, c.title, c.reasons.join("；"));
        }
    }
    out
}
