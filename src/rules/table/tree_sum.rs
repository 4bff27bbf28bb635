//! 项目支出层级合计（T104 tree-sum）
//!
//! ## 检查什么
//! 表十二、表十三按行的顺序构成“部门—单位—项目”三级：每个单位行等于其下各
//! 项目之和，部门行等于各单位之和（某一级缺失时，部门行直接等于各项目之和）；
//! 每一资金来源列都检查。单位行由名称（“局”“中心”等结尾、与部门同名、表十一
//! 中的单位）识别，名称无法判断时由算术关系判断。
//!
//! ## 为什么重要
//! 项目表的部门合计与表三项目支出、表五项目支出相互引用；单位小计错了，
//! 项目明细与汇总就对不上。
//!
//! ## 示例
//! 表十二「阳泉市国库集中支付中心」155.30 = 代理银行手续费 99.00 + 国库集中
//! 支付运行经费 46.60 + 专业技术人员聘用经费 9.70。

use super::resolve;
use crate::model::{Row, RowKind};
use crate::prelude::*;
use crate::profile::{Identity, IdentityKind};
use crate::rules::{Category, Context, Rule, RuleMeta, Sink};

pub struct TreeSum;

static META: RuleMeta = RuleMeta {
    id: "T104",
    name: "tree-sum",
    title: "项目支出层级合计",
    category: Category::Table,
};

impl Rule for TreeSum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn evaluates(&self) -> Option<IdentityKind> {
        Some(IdentityKind::TreeSum)
    }

    fn check(&self, cx: &Context, sink: &mut Sink) {
        for identity in cx.profile.identities {
            let Identity::TreeSum { table, columns } = identity else {
                continue;
            };
            let Some(t) = resolve::read_whole(cx.doc, table, sink) else {
                continue;
            };
            let Some(root) = t.rows.iter().find(|r| r.kind == RowKind::TreeDepartment) else {
                sink.not_applicable(format!("{}没有项目", t.id));
                continue;
            };
            let mut top_level: Vec<&Row> = Vec::new();
            for (i, row) in t.rows.iter().enumerate() {
                match row.kind {
                    RowKind::TreeUnit => {
                        let projects = resolve::rows_while(&t.rows[i + 1..], &|r| {
                            r.kind == RowKind::TreeProject
                        });
                        resolve::sum_rows(sink, t, row, &projects, columns);
                        top_level.push(row);
                    }
                    RowKind::TreeProject
                        if !t.rows[..i].iter().any(|r| r.kind == RowKind::TreeUnit) =>
                    {
                        top_level.push(row);
                    }
                    _ => {}
                }
            }
            resolve::sum_rows(sink, t, root, &top_level, columns);
        }
    }
}
