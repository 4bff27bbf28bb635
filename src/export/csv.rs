//! Findings as CSV (RFC 4180), UTF-8 with a BOM so that Excel opens the
//! Chinese text correctly.

use super::evidence_summary;
use crate::prelude::*;
use crate::report::Report;

const HEADER: [&str; 13] = [
    "文件",
    "序号",
    "严重程度",
    "规则",
    "规则名称",
    "位置",
    "行号",
    "原文件中位置",
    "问题说明",
    "依据",
    "应为",
    "实为",
    "差额",
];

/// The findings of one or more reports (file name, report), one row each,
/// errors first within each file.
pub fn findings_csv(reports: &[(&str, &Report)]) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &HEADER);
    for (file, report) in reports {
        push_findings(&mut out, file, report);
    }
    out
}

fn push_findings(out: &mut String, file: &str, report: &Report) {
    for (i, f) in report.findings.iter().enumerate() {
        let evidence = evidence_summary(f);
        push_row(
            out,
            &[
                file,
                &(i + 1).to_string(),
                f.severity.label(),
                f.rule,
                f.rule_name,
                &f.location,
                &f.line.to_string(),
                &f.place_label(),
                &f.message,
                &evidence,
                f.expected.as_deref().unwrap_or_default(),
                f.actual.as_deref().unwrap_or_default(),
                f.difference.as_deref().unwrap_or_default(),
            ],
        );
    }
}

fn push_row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, cell);
    }
    out.push_str("\r\n");
}

/// Writes a field, quoted when it holds a comma, quote or line break; a
/// leading = + - @ is prefixed with ' so a spreadsheet never runs it as a
/// formula.
fn push_field(out: &mut String, field: &str) {
    let quoted = field.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if field.starts_with(['=', '+', '-', '@']) && crate::model::Amount::parse(field).is_none() {
        out.push('\'');
    }
    if quoted {
        // Every `"` doubled.
        for c in field.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(field: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, field);
        out
    }

    #[test]
    fn quotes_and_guards() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(quote("-0.01"), "-0.01");
        assert_eq!(quote("=1,2"), "\"'=1,2\"");
        assert_eq!(quote("a\nb"), "\"a\nb\"");
    }
}
