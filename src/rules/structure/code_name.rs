//! 科目名称一致（S105 code-name）
//!
//! ## 检查什么
//! 同一个科目编码在各表中的科目名称应相同（表二、表三、表五、表七、表八……），
//! 表一、表四的类名称也应与表二等表中 3 位类编码的名称一致。比较时忽略空格、
//! 全角半角和括号样式。
//!
//! ## 为什么重要
//! 编码相同而名称不同，说明其中一处抄错了科目，或编码本身填错，读者无法判断
//! 哪一个是对的。
//!
//! ## 示例
//! 表二「2011301 行政运行」，表三同编码写作「一般行政管理事务」：报告两处名称
//! 及各自行号。

use crate::parse::tables::strip_ordinal;
use crate::report::{Evidence, Severity};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};
use crate::text::fold_key;

pub struct CodeName;

static META: RuleMeta = RuleMeta {
    id: "S105",
    name: "code-name",
    title: "科目名称一致",
    category: Category::Structure,
    source: file!(),
};

impl Rule for CodeName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        // First place each code is named: (code, folded name, table, row).
        let mut first: Vec<(&str, String, &str, &crate::model::Row)> = Vec::new();
        for t in &cx.doc.tables {
            for row in &t.rows {
                let Some(code) = row.code.as_deref() else {
                    continue;
                };
                let name = strip_ordinal(&fold_key(&row.name));
                if name.is_empty() {
                    continue;
                }
                match first.iter().find(|(c, ..)| *c == code) {
                    None => first.push((code, name, t.id, row)),
                    Some((_, first_name, first_table, first_row)) => {
                        sink.compared();
                        if *first_name == name {
                            continue;
                        }
                        let message = format!(
                            "科目{}在{}中名为「{}」，在{}中名为「{}」",
                            code, first_table, first_row.name, t.id, row.name
                        );
                        let evidence = vec![
                            Evidence {
                                role: "首次出现".into(),
                                line: first_row.line,
                                table: Some(first_table.to_string()),
                                row: Some(first_row.name.clone()),
                                text: Some(first_row.name.clone()),
                                ..Evidence::default()
                            },
                            Evidence {
                                role: "本处".into(),
                                line: row.line,
                                table: Some(t.id.to_string()),
                                row: Some(row.name.clone()),
                                text: Some(row.name.clone()),
                                ..Evidence::default()
                            },
                        ];
                        sink.report(Severity::Error, t.id, row.line, message, evidence);
                    }
                }
            }
        }
        if cx.doc.tables.is_empty() {
            sink.not_applicable("没有识别出报表");
        }
    }
}
