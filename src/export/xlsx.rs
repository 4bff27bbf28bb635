//! The Excel workbook a reviewer sends back to a department: 问题清单
//! (findings with places), 检查情况 (which checks ran), then one sheet per
//! rebuilt table with the cells a finding cites filled red (error), amber
//! (warning) or yellow (尾差).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::evidence_summary;
use crate::model::{Cell, Table};
use crate::report::{Report, Severity};

/// Builds the workbook and returns the .xlsx bytes.
pub fn workbook(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let styles = Styles::new();
    findings_sheet(wb.add_worksheet(), report, &styles)?;
    checks_sheet(wb.add_worksheet(), report, &styles)?;
    for table in &report.tables {
        table_sheet(wb.add_worksheet(), table, report, &styles)?;
    }
    wb.save_to_buffer()
}

struct Styles {
    header: Format,
    wrap: Format,
    money: Format,
    error: Format,
    warning: Format,
    tail: Format,
}

impl Styles {
    fn new() -> Styles {
        let money = Format::new()
            .set_num_format("#,##0.00")
            .set_align(FormatAlign::Right);
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE8EEF7))
                .set_border(FormatBorder::Thin),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            error: money.clone().set_background_color(Color::RGB(0xF8C7C3)),
            warning: money.clone().set_background_color(Color::RGB(0xFCE3B0)),
            tail: money.clone().set_background_color(Color::RGB(0xFFF6BF)),
            money,
        }
    }
}

fn findings_sheet(ws: &mut Worksheet, report: &Report, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name("问题清单")?;
    let d = &report.document.info;
    let title = format!(
        "{} {} {}年 {}：错误{}项，提醒{}项，尾差{}项",
        d.department.as_deref().unwrap_or(""),
        d.kind_label,
        d.year.map(|y| y.to_string()).unwrap_or_default(),
        "校验结果",
        report.summary.errors,
        report.summary.warnings,
        report.summary.infos
    );
    ws.write_string(0, 0, title)?;
    let headers = [
        "序号",
        "严重程度",
        "规则",
        "位置",
        "行号",
        "原文件中位置",
        "问题说明",
        "依据（数字及所在行）",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &s.header)?;
    }
    for (i, f) in report.findings.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, f.severity.label())?;
        ws.write_string(r, 2, format!("{} {}", f.rule, f.rule_name))?;
        ws.write_string(r, 3, &f.location)?;
        ws.write_number(r, 4, f.line as f64)?;
        ws.write_string(r, 5, f.place_label())?;
        ws.write_string_with_format(r, 6, &f.message, &s.wrap)?;
        ws.write_string_with_format(r, 7, evidence_summary(f), &s.wrap)?;
    }
    for (c, w) in [6.0, 10.0, 22.0, 10.0, 7.0, 18.0, 70.0, 60.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(3, 0)?;
    Ok(())
}

fn checks_sheet(ws: &mut Worksheet, report: &Report, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name("检查情况")?;
    for (c, h) in ["规则", "名称", "状态", "比较次数", "说明"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &s.header)?;
    }
    for (i, c) in report.checks.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, c.rule)?;
        ws.write_string(r, 1, c.title)?;
        ws.write_string(r, 2, c.status.label())?;
        ws.write_number(r, 3, c.comparisons as f64)?;
        ws.write_string_with_format(r, 4, c.reasons.join("；"), &s.wrap)?;
    }
    for (c, w) in [8.0, 22.0, 10.0, 10.0, 80.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

fn table_sheet(
    ws: &mut Worksheet,
    table: &Table,
    report: &Report,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(table.id)?;
    ws.write_string(0, 0, &table.title)?;
    let headers = ["原文行号", "方", "科目编码", "名称", "第二名称"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &s.header)?;
    }
    for (c, col) in table.columns.iter().enumerate() {
        ws.write_string_with_format(1, (headers.len() + c) as u16, col.name, &s.header)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_number(r, 0, row.line as f64)?;
        ws.write_string(r, 1, side_label(row.side))?;
        ws.write_string(r, 2, row.code.as_deref().unwrap_or(""))?;
        ws.write_string(r, 3, &row.name)?;
        ws.write_string(r, 4, row.secondary.as_deref().unwrap_or(""))?;
        let side_cols: Vec<_> = table.side_columns(row.side).collect();
        for (cell, col) in row.cells.iter().zip(side_cols) {
            let c = (headers.len()
                + table
                    .columns
                    .iter()
                    .position(|k| k.key == col.key)
                    .unwrap_or(0)) as u16;
            let format = match cited_severity(report, table.id, row.line, col.name) {
                Some(Severity::Error) => &s.error,
                Some(Severity::Warning) => &s.warning,
                Some(Severity::Info) => &s.tail,
                None => &s.money,
            };
            match cell {
                Cell::Value { amount, .. } => {
                    let v: f64 = amount.value.to_string().parse().unwrap_or(0.0);
                    ws.write_number_with_format(r, c, v, format)?;
                }
                Cell::Unreadable { text } => {
                    ws.write_string_with_format(r, c, text, format)?;
                }
                Cell::Blank => {
                    ws.write_blank(r, c, format)?;
                }
            }
        }
    }
    ws.set_column_width(3, 40)?;
    for c in 0..table.columns.len() {
        ws.set_column_width((headers.len() + c) as u16, 14)?;
    }
    ws.set_freeze_panes(2, 4)?;
    Ok(())
}

fn side_label(side: crate::model::Side) -> &'static str {
    match side {
        crate::model::Side::Single => "",
        crate::model::Side::Income => "收入",
        crate::model::Side::Expense => "支出",
        crate::model::Side::Left => "左栏",
        crate::model::Side::Right => "右栏",
    }
}

/// The most severe finding whose evidence cites this cell.
fn cited_severity(report: &Report, table: &str, line: usize, column: &str) -> Option<Severity> {
    report
        .findings
        .iter()
        .filter(|f| {
            f.evidence.iter().any(|e| {
                e.line == line
                    && e.table.as_deref() == Some(table)
                    && e.column.as_deref() == Some(column)
            })
        })
        .map(|f| f.severity)
        .min()
}
