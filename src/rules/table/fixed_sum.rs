//! 固定行合计（T105 fixed-sum）
//!
//! ## 检查什么
//! 表一、表四、表十中按名称固定的行之间的合计关系：表一 本年收入合计 = 一至五
//! 项收入之和，收入总计 = 本年收入合计 + 上年结转，本年支出合计 = 三十类支出
//! 之和，支出总计 = 本年支出合计 + 年终结转；表四 本年收入合计 = 三类财政拨款，
//! 上年财政拨款结转 = 其下三行之和，收入总计 = 本年收入合计 + 上年财政拨款结转，
//! 本年支出合计 = 各类支出之和；表十 公务用车购置及运行费 = ①购置费 + ②运行
//! 维护费，合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费。
//! 江苏《收支预算总表》的“当年支出小计”印在支出用途一栏，它同时等于左边功能
//! 分类各类支出之和。
//!
//! 表中有未能分出的行时（S106：几行印在一行、数字多于一行的格子、表的分界不
//! 确定），读成空的格子可能正是其中的金额，这项检查不运行；改了名称、未能读入的
//! 固定行（S104）不妨碍它运行，它打破的合计正是指出它的错误。
//!
//! ## 为什么重要
//! 这些合计是整套报表的总口径，情况说明第一、二、四部分都引用它们。
//!
//! ## 示例
//! 表一 本年支出合计 1629.62 = 一般公共服务支出 331.66 + 社会保障和就业支出
//! 248.61 + … + 住房保障支出 35.43。

use super::resolve;
use crate::model::{Row, RowKind, Side, Table};
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind, PartRows};
use crate::rules::support::{all_ok, check_cell_sum};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct FixedSum;

static META: RuleMeta = RuleMeta {
    id: "T105",
    name: "fixed-sum",
    title: "固定行合计",
    category: Category::Table,
};

impl Rule for FixedSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::FixedSum)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::FixedSum {
                table,
                total,
                parts,
                columns,
            } = identity
            else {
                continue;
            };
            // A row read blank may hold a figure of rows the reading
            // could not part (S106): those parted, or no sum.
            let Some(t) = resolve::rows_all_parted(cx.doc, table, sink) else {
                continue;
            };
            // A row as the document names it, not by the profile's key.
            let label = |key: &str| {
                let def = cx.profile.table(t.id);
                def.and_then(|d| d.fixed_label(key))
                    .unwrap_or(key)
                    .to_string()
            };
            let Some(total_row) = t.fixed_row(total) else {
                sink.could_not_run(format!("{}中没有「{}」行", t.id, label(total)));
                continue;
            };
            let part_rows = match part_rows(t, total_row, parts) {
                Ok(rows) => rows,
                Err(missing) => {
                    sink.could_not_run(format!("{}中没有「{}」行", t.id, label(&missing)));
                    continue;
                }
            };
            match parts {
                PartRows::ClassesBeside { column, .. } => {
                    for &col in *columns {
                        check_cell_sum(
                            sink,
                            t,
                            (total_row, col),
                            part_rows.iter().map(|&r| (r, *column)),
                            || {
                                let name = t.column(column).map_or(*column, |c| c.name);
                                format!("{} {name}之和", t.id)
                            },
                            |f, row| f.named(t.row_label(row)),
                        );
                    }
                }
                _ => resolve::sum_rows(sink, t, total_row, &part_rows, columns),
            }
        }
    }
}

fn part_rows<'a>(t: &'a Table, total: &Row, parts: &PartRows) -> Result<Vec<&'a Row>, String> {
    match parts {
        PartRows::Keys(keys) => all_ok(
            &mut keys
                .iter()
                .map(|k| t.fixed_row(k).ok_or_else(|| k.to_string())),
        ),
        PartRows::Classes => Ok(class_rows(t, total.side)),
        PartRows::ClassesBeside { side, .. } => Ok(class_rows(t, *side)),
    }
}

/// The fixed rows of `side` that stand for expenditure classes.
fn class_rows(t: &Table, side: Side) -> Vec<&Row> {
    resolve::rows_where(&t.rows, &|r| {
        r.side == side && r.code.is_some() && matches!(r.kind, RowKind::Fixed { .. })
    })
}
