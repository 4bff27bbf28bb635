//! One 项目支出绩效目标表 (also the 申报表 of a 专项资金 document).
//!
//! Cells are read as label/value pairs by content: a value is the first
//! filled cell after its label and before the next label, however many
//! empty cells the export left between them. A label whose value the PDF
//! wrapped onto the next line ("实施单位" at 1096, its name at 1097) takes
//! that line's cells.

use super::grid;
use super::labels::{
    label_key, labelled_value, value_after, FundPeriod, Keyed, KeyedCell, ProjectLabel,
};
use crate::lines::Line;
use crate::model::forms::{FormText, FundBlock, Goal, ProjectForm};
use crate::prelude::*;

/// Reads the form titled `title` from its body lines (content lines only,
/// up to and including its signature line).
pub fn read(title: &Line, body: &[Keyed]) -> ProjectForm {
    let mut form = ProjectForm {
        title: title.text.trim_end().to_string(),
        title_line: title.no,
        end_line: body.last().map(|l| l.line.no).unwrap_or(title.no),
        name: None,
        department: None,
        unit: None,
        attribute: None,
        period: None,
        implementation: FundBlock::default(),
        annual: FundBlock::default(),
        goals: Vec::new(),
        indicators: Vec::new(),
        partial: false,
    };
    let mut pending: Vec<&'static str> = Vec::new();
    let mut total_cols: Vec<(FundPeriod, usize)> = Vec::new();
    let mut goal_headers: Vec<&'static str> = Vec::new();
    // Shanghai prints its goal headers in the row of the label
    // "项目绩效目标" and the goals in the row below, with no label.
    let mut goals_below = false;
    let mut grid_start: Option<usize> = None;
    for (j, keyed) in body.iter().enumerate() {
        let (line, cells) = (keyed.line, &keyed.cells);
        if cells.is_empty() {
            continue;
        }
        let first = &*cells[0].key;
        if !pending.is_empty() && !is_project_label(&cells[0]) {
            // The values of the labels above, wrapped onto this line.
            for (field, cell) in pending.iter().zip(cells) {
                set_text(&mut form, field, cell.text, line.no);
            }
            pending.clear();
            continue;
        }
        pending.clear();
        if first == "总体目标" || goals_below {
            let texts = if goals_below { cells } else { &cells[1..] };
            read_goals(&mut form, texts, &goal_headers, line.no);
            goals_below = false;
            grid_start = Some(j + 1);
            continue;
        }
        let headers = goal_headers_of(cells);
        if !headers.is_empty() {
            goal_headers = headers;
            goals_below = first == "项目绩效目标";
            continue;
        }
        if grid_start.is_none() && grid::is_grid_frame(keyed) {
            grid_start = Some(j);
        }
        if grid_start.is_some() {
            continue;
        }
        read_text_fields(&mut form, cells, line.no, &mut pending);
        read_funds(&mut form, cells, line.no, &mut total_cols);
    }
    if let Some(start) = grid_start {
        form.indicators = grid::read(&body[start.min(body.len())..]);
    }
    form
}

const TEXT_FIELDS: &[(&str, &str)] = &[
    ("项目名称", "name"),
    ("主管部门及代码", "department"),
    ("实施单位", "unit"),
    ("项目属性", "attribute"),
    ("项目期", "period"),
    // Shanghai's 财政项目支出绩效目标填报表.
    ("主管部门", "department"),
    ("项目性质", "attribute"),
];

fn read_text_fields(
    form: &mut ProjectForm,
    cells: &[KeyedCell],
    line: usize,
    pending: &mut Vec<&'static str>,
) {
    for (pos, cell) in cells.iter().enumerate() {
        let (key, text) = (&cell.key, cell.text);
        let Some(field) = text_field(key, text) else {
            continue;
        };
        // "项目名称：X" printed in one cell.
        if let Some((_, rest)) = text.split_once(['：', ':']) {
            if !rest.trim().is_empty() {
                set_text(form, field, rest.trim(), line);
                continue;
            }
        }
        match value_after(cells, pos, is_project_label) {
            Some(v) => set_text(form, field, v, line),
            None => pending.push(field),
        }
    }
}

/// The field a cell labels: "实施单位", "项目名称：…" (label and value in
/// one cell).
fn text_field(key: &str, cell: &str) -> Option<&'static str> {
    // The label's key is where the cell's key starts: only such cells are
    // worth keying again without what follows the colon.
    if !TEXT_FIELDS.iter().any(|(label, _)| key.starts_with(label)) {
        return None;
    }
    let head = cell.split(['：', ':']).next().unwrap_or(cell);
    let k = label_key(head);
    TEXT_FIELDS
        .iter()
        .find(|(label, _)| k == *label)
        .map(|(_, f)| *f)
}

fn set_text(form: &mut ProjectForm, field: &str, value: &str, line: usize) {
    let text = FormText {
        text: value.trim().to_string(),
        line,
    };
    let slot = match field {
        "name" => &mut form.name,
        "department" => &mut form.department,
        "unit" => &mut form.unit,
        "attribute" => &mut form.attribute,
        _ => &mut form.period,
    };
    if slot.is_none() {
        *slot = Some(text);
    }
}

/// 资金总额 labels and the breakdown rows below them. With both blocks on
/// the form, the first breakdown label of a line is 实施期 and the second
/// 年度; a lone label goes to the block whose total stands nearest.
fn read_funds(
    form: &mut ProjectForm,
    cells: &[KeyedCell],
    line: usize,
    total_cols: &mut Vec<(FundPeriod, usize)>,
) {
    let mut parts_seen = 0usize;
    let labelled_parts = cells
        .iter()
        .filter(|c| matches!(c.project(), ProjectLabel::Part(_)))
        .count();
    for (pos, cell) in cells.iter().enumerate() {
        let value = |key| labelled_value(cells, pos, is_project_label, key, line);
        let part = match cell.project() {
            ProjectLabel::Total(period, name) => {
                total_cols.push((period, cell.col));
                let block = block_mut(form, period);
                if block.total.is_none() {
                    block.total = Some(value("total"));
                    block.name = name;
                }
                continue;
            }
            ProjectLabel::Part(part) => part,
            _ => continue,
        };
        if total_cols.is_empty() {
            continue;
        }
        let period = if total_cols.len() == 1 {
            total_cols[0].0
        } else if labelled_parts >= 2 {
            if parts_seen == 0 {
                FundPeriod::Implementation
            } else {
                FundPeriod::Annual
            }
        } else {
            nearest(total_cols, cell.col)
        };
        parts_seen += 1;
        let block = block_mut(form, period);
        if block.part(part).is_none() {
            block.parts.push(value(part));
        }
    }
}

/// A label cell of a 项目支出 form: never the value of another label.
fn is_project_label(cell: &KeyedCell) -> bool {
    cell.project().is_label()
}

fn nearest(total_cols: &[(FundPeriod, usize)], col: usize) -> FundPeriod {
    // The first of the nearest, as min_by_key would give, by a plain loop.
    let mut nearest = (usize::MAX, FundPeriod::Annual);
    for &(period, c) in total_cols {
        if c.abs_diff(col) < nearest.0 {
            nearest = (c.abs_diff(col), period);
        }
    }
    nearest.1
}

fn block_mut(form: &mut ProjectForm, period: FundPeriod) -> &mut FundBlock {
    match period {
        FundPeriod::Implementation => &mut form.implementation,
        FundPeriod::Annual => &mut form.annual,
    }
}

/// The goal headers of a line ("实施期目标 │ 年度目标", "年度目标";
/// Shanghai's "项目总目标 │ 年度总体目标"), in order; none on most lines.
fn goal_headers_of(cells: &[KeyedCell]) -> Vec<&'static str> {
    let mut headers = Vec::new();
    for c in cells {
        match &*c.key {
            "实施期目标" | "项目总目标" => headers.push("实施期目标"),
            "年度目标" | "年度总体目标" => headers.push("年度目标"),
            _ => {}
        }
    }
    headers
}

/// The goal texts of "总体目标 │ 实施期的目标 │ … │ 年度的目标" (`texts`
/// after the label), in order, named by the header line above
/// ("实施期目标 │ 年度目标", or "年度目标" alone).
fn read_goals(form: &mut ProjectForm, texts: &[KeyedCell], headers: &[&'static str], line: usize) {
    for (i, cell) in texts.iter().enumerate() {
        let period = match (texts.len(), headers) {
            (1, [only]) => only,
            (1, _) => "总体目标",
            (_, _) if i == 0 => "实施期目标",
            (_, _) if i == 1 => "年度目标",
            _ => "总体目标",
        };
        form.goals.push(Goal {
            period,
            text: cell.text.to_string(),
            line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::Lines;

    fn form(text: &str) -> ProjectForm {
        let lines = Lines::from_text(text);
        let content: Vec<&Line> = lines.content().filter(|l| !l.is_blank()).collect();
        read(content[0], &super::super::labels::keyed(&content[1..]))
    }

    #[test]
    fn reads_pairs_by_content_and_joins_wrapped_values() {
        let f = form(
            "项目支出绩效目标表\n\
             项目名称：办公楼维修经费\n\
             主管部门及代码\t\t021-某局\t\t实施单位\t\t\n\
             \t\t某局评审中心（某某中心）\t\n\
             项目资金（元）\t实施期资金总额：\t\t300,000\t年度资金总额：\t100,000\n\
             \t其中：中央财政资金\t0\t其中：中央财政资金\t0\n\
             \t市县（区）财政资\t300,000\t市县(区)财政资 金\t100,000\n\
             \t\t\t\t单位自筹\t\n\
             年度目标\t\t\n\
             总体目标\t完成维修\n\
             绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\
             \t\t数量指标\t维修面积\t≥100平米\n\
             满意度指标\t服务对象满意度\t职工满意度\t≥90%\n\
             负责人：\t经办人：",
        );
        assert_eq!(f.name_text(), "办公楼维修经费");
        assert_eq!(f.unit.as_ref().unwrap().text, "某局评审中心（某某中心）");
        let total = |b: &FundBlock| b.total.as_ref().unwrap().value.display();
        assert_eq!(total(&f.implementation), "300,000");
        assert_eq!(total(&f.annual), "100,000");
        assert_eq!(f.annual.part("city").unwrap().value.display(), "100,000");
        // A lone label goes to the block whose total stands nearest.
        assert!(f.annual.part("own").unwrap().value.is_blank());
        assert!(f.implementation.part("own").is_none());
        assert_eq!(f.goals.len(), 1);
        assert_eq!(f.goals[0].period, "年度目标");
        let levels: Vec<_> = f.indicators.iter().filter_map(|i| i.level1).collect();
        assert!(levels.contains(&crate::model::forms::IndicatorLevel::Output));
        assert!(levels.contains(&crate::model::forms::IndicatorLevel::Satisfaction));
    }
}
