//! Findings as CSV (RFC 4180), UTF-8 with a BOM so that Excel opens the
//! Chinese text correctly.

use super::evidence_summary;
use crate::report::Report;

const HEADER: [&str; 12] = [
    "文件",
    "序号",
    "严重程度",
    "规则",
    "规则名称",
    "位置",
    "行号",
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
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for (file, report) in reports {
        push_findings(&mut out, file, report);
    }
    out
}

fn push_findings(out: &mut String, file: &str, report: &Report) {
    for (i, f) in report.findings.iter().enumerate() {
        push_row(
            out,
            [
                file.to_string(),
                (i + 1).to_string(),
                f.severity.label().to_string(),
                f.rule.to_string(),
                f.rule_name.to_string(),
                f.location.clone(),
                f.line.to_string(),
                f.message.clone(),
                evidence_summary(f),
                f.expected.clone().unwrap_or_default(),
                f.actual.clone().unwrap_or_default(),
                f.difference.clone().unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|c| quote(&c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// Quotes a field when it holds a comma, quote or line break; a leading
/// = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
fn quote(field: &str) -> String {
    let guarded = if field.starts_with(['=', '+', '-', '@'])
        && crate::model::Amount::parse(field).is_none()
    {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_guards() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(quote("-0.01"), "-0.01");
    }
}
