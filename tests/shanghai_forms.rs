//! Shanghai's 财政项目支出绩效目标填报表 (DOMAIN-TEMPLATES.md §4), read and
//! checked like the 13-table 项目支出绩效目标表: 项目资金总额 = 财政资金 +
//! 其他资金, 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 (F101),
//! and the annual amount within the project's (F102).
//!
//! Expectations come from the printed text, scanned here independently of
//! the engine: every form of every Shanghai 预算 document of the folder is
//! read with its name and every fund figure; the one real error (万里街道
//! 2023, "公共服务设施运行经费") is pinned with its figures, in the table
//! extraction and in the published PDF; and every fund figure changed on a
//! form that adds up is an error citing its line.

mod common;

use std::path::PathBuf;

use budget_lint::read::Extracted;
use budget_lint::Source;
use rust_decimal::Decimal;
use serde_json::Value;

const TITLE: &str = "财政项目支出绩效目标填报表";

/// The fund labels of the form, and the block each figure belongs to.
const FUND_LABELS: &[&str] = &[
    "项目资金总额",
    "财政资金",
    "年度资金申请总额",
    "当年财政拨款",
    "上年结转资金",
    "其他资金",
];

fn real(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name)
}

/// The Shanghai 预算 documents of the folder as their table extractions
/// (stem, text).
fn shanghai_budgets() -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = std::fs::read_dir(real(""))
        .expect("fixtures/real")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".tsv.txt")?.to_string();
            (stem.starts_with("shanghai-") && !stem.contains("juesuan")).then_some(stem)
        })
        .map(|stem| {
            let text = std::fs::read_to_string(real(&format!("{stem}.tsv.txt"))).expect("tsv");
            (stem, text)
        })
        .collect();
    docs.sort();
    docs
}

/// A form as printed: its title line, its 项目名称 and its fund figures
/// as (line, label, figure).
struct PrintedForm {
    title_line: usize,
    name: String,
    funds: Vec<(usize, &'static str, Decimal)>,
}

fn cells(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn label_of(cell: &str) -> Option<&'static str> {
    let cell = cell.trim_start_matches("其中：");
    FUND_LABELS.iter().copied().find(|l| *l == cell)
}

/// The forms of `text`, scanned by their printed labels.
fn printed_forms(text: &str) -> Vec<PrintedForm> {
    let mut forms: Vec<PrintedForm> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        let cells = cells(line);
        if cells[0] == TITLE {
            forms.push(PrintedForm {
                title_line: no,
                name: String::new(),
                funds: Vec::new(),
            });
            continue;
        }
        let Some(form) = forms.last_mut() else {
            continue;
        };
        for (j, cell) in cells.iter().enumerate() {
            if *cell == "项目名称" && form.name.is_empty() {
                form.name = cells[j + 1..]
                    .iter()
                    .find(|c| !c.is_empty())
                    .unwrap_or(&"")
                    .to_string();
            }
            let Some(label) = label_of(cell) else {
                continue;
            };
            let figure = cells[j + 1..]
                .iter()
                .find(|c| !c.is_empty())
                .and_then(|c| c.replace(',', "").parse::<Decimal>().ok());
            if let Some(figure) = figure {
                form.funds.push((no, label, figure));
            }
        }
    }
    forms
}

fn report(text: &str) -> Value {
    common::report_json(text)
}

fn form_values(form: &Value) -> Vec<(usize, String, Decimal)> {
    let mut out = Vec::new();
    for block in ["implementation", "annual"] {
        let b = &form[block];
        for v in b["total"].as_object().into_iter().chain(
            b["parts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_object),
        ) {
            let label = v["label"].as_str().unwrap_or("");
            let value = v["value"]["value"]
                .as_str()
                .and_then(|s| s.parse::<Decimal>().ok());
            if let Some(value) = value {
                out.push((
                    v["line"].as_u64().unwrap() as usize,
                    label.trim_start_matches("其中：").to_string(),
                    value,
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_form_is_read_with_its_name_and_every_fund_figure() {
    let mut seen = 0;
    for (stem, text) in shanghai_budgets() {
        let printed = printed_forms(&text);
        let report = report(&text);
        let read = report["document"]["forms"]["projects"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(read.len(), printed.len(), "{stem}: forms read");
        for (form, printed) in read.iter().zip(&printed) {
            seen += 1;
            assert_eq!(form["title_line"], printed.title_line, "{stem}");
            assert_eq!(form["name"]["text"], printed.name.as_str(), "{stem}");
            let mut want: Vec<(usize, String, Decimal)> = printed
                .funds
                .iter()
                .map(|(l, label, v)| (*l, label.to_string(), *v))
                .collect();
            want.sort();
            assert_eq!(form_values(form), want, "{stem}: {}", printed.name);
            let levels: Vec<&str> = form["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|i| i["level1"].as_str())
                .collect();
            assert!(
                levels.contains(&"output") && levels.contains(&"satisfaction"),
                "{stem} {}: its grid's levels {levels:?}",
                printed.name
            );
        }
    }
    assert_eq!(seen, 5, "the five forms of 万里街道 2023");
}

/// The errors of the form rules, as (rule, line, cited figures sorted).
fn form_errors(report: &Value) -> Vec<(String, u64, Vec<String>)> {
    common::errors_cited(report, &["F"])
}

/// W23 686–689, "公共服务设施运行经费": 年度资金申请总额 10,903,043.00 while
/// 当年财政拨款 alone is 11,419,043.00 (上年结转资金 and 其他资金 0.00): the
/// parts exceed their total by 516,000.00. 项目资金总额 10,903,043.00 =
/// 财政资金 10,903,043.00 + 其他资金 0.00 holds.
fn the_real_error(line: u64) -> Vec<(String, u64, Vec<String>)> {
    vec![(
        "F101".to_string(),
        line,
        ["0.00", "0.00", "10,903,043.00", "11,419,043.00"]
            .map(String::from)
            .to_vec(),
    )]
}

#[test]
fn the_annual_request_below_its_own_appropriation_is_the_one_error() {
    let text = std::fs::read_to_string(real("shanghai-putuo-wanlijiedao-2023.tsv.txt")).unwrap();
    let report = report(&text);
    assert_eq!(form_errors(&report), the_real_error(686));
    let f = common::findings_of(&report, &["F101"])[0];
    let message = f["message"].as_str().unwrap();
    for words in [
        "公共服务设施运行经费",
        "年度资金申请总额",
        "当年财政拨款",
        "-516,000.00",
    ] {
        assert!(message.contains(words), "{message}");
    }
    assert_eq!(common::evidence_lines(f), vec![686, 687, 688, 689]);
}

#[test]
fn the_published_pdf_gives_the_same_error_on_its_page() {
    let bytes = std::fs::read(real("shanghai-putuo-wanlijiedao-2023.pdf")).unwrap();
    let extracted: Extracted = budget_lint::read::read(&bytes).expect("the PDF reads");
    let report = serde_json::to_value(budget_lint::check_source(
        &extracted.text,
        &Source::of(&extracted),
    ))
    .unwrap();
    let errors = form_errors(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].2, the_real_error(0)[0].2);
    let f = common::findings_of(&report, &["F101"])[0];
    assert_eq!(f["page"], 35, "{}", common::brief(f));
    // Every fund figure as printed, glyph for glyph: the PDF shows each
    // glyph on its own, and a figure whose last 0 reaches the rule of the
    // next column stays one figure on one row.
    let tsv = std::fs::read_to_string(real("shanghai-putuo-wanlijiedao-2023.tsv.txt")).unwrap();
    assert_eq!(fund_texts(&report), fund_texts(&common::report_json(&tsv)));
}

/// Every Shanghai 预算 document laid out by spaces (`pdftotext -layout`)
/// reads its 填报表 whole, as its table extraction gives them: name, head,
/// funds, both goals and every indicator with its 一级 and 二级 labels,
/// though the layout centres each merged cell down the rows it spans
/// (`rebuild::form_centred`). White space aside: `pdftotext` sets a space
/// before a mark ("受理 、社区").
#[test]
fn every_form_laid_out_by_spaces_reads_as_its_table_extraction() {
    let mut forms = 0;
    for (stem, tsv) in shanghai_budgets() {
        let path = real(&format!("{stem}.layout.txt"));
        let Ok(layout) = std::fs::read_to_string(&path) else {
            continue;
        };
        let want = report(&tsv);
        let got = report(&layout);
        let leaves = |r: &Value| {
            let mut all = common::compare::prose_leaves(r, true);
            all.retain(|l| l.starts_with("forms."));
            all
        };
        assert_eq!(leaves(&got), leaves(&want), "{stem}");
        assert!(
            common::findings_of(&got, &["F111"]).is_empty(),
            "{stem}: a form left unread"
        );
        forms += want["document"]["forms"]["projects"]
            .as_array()
            .map_or(0, Vec::len);
    }
    // 万里街道 2023's five, the only ones of the folder.
    assert!(forms >= 5, "{forms} forms");
}

/// The fund figures of every form as printed, in order.
fn fund_texts(report: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for form in report["document"]["forms"]["projects"].as_array().unwrap() {
        for block in ["implementation", "annual"] {
            let b = &form[block];
            for v in std::iter::once(&b["total"]).chain(b["parts"].as_array().unwrap()) {
                out.push(v["value"]["text"].as_str().unwrap_or("").to_string());
            }
        }
    }
    out
}

/// Every fund figure of every form that adds up, changed, is an error
/// (F101 or F102) that cites the changed line.
#[test]
fn every_fund_figure_changed_is_an_error_citing_its_line() {
    let mut tried = 0;
    let mut missed = Vec::new();
    for (stem, text) in shanghai_budgets() {
        let base = report(&text);
        let erring: Vec<u64> = form_errors(&base).iter().map(|e| e.1).collect();
        for form in printed_forms(&text) {
            let lines: Vec<usize> = form.funds.iter().map(|f| f.0).collect();
            if lines.iter().any(|l| erring.contains(&(*l as u64))) {
                continue;
            }
            for (line, label, figure) in &form.funds {
                tried += 1;
                let mutated = change_figure(&text, *line, label, *figure);
                let report = report(&mutated);
                let cited = common::findings_of(&report, &["F101", "F102"])
                    .into_iter()
                    .any(|f| {
                        common::severity(f) == "error" && common::evidence_lines(f).contains(line)
                    });
                if !cited {
                    missed.push(format!("{stem} {line} {label} {figure}"));
                }
            }
        }
    }
    // 万里街道 2023: four forms that add up, seven figures each.
    assert!(tried >= 28, "{tried} figures tried");
    assert!(
        missed.is_empty(),
        "{} of {tried} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// The same in the PDF's text renderings: laid out by spaces, where the
/// form is read whole (`rebuild::form_centred`), and single-spaced, where
/// its name and funds are (`rebuild::form_funds`). Every figure after a
/// fund label on its line, raised by 1,000.00 (its thousands grouped as
/// printed), is an error (F101 or F102) citing that line — the line the
/// figure is printed on, though the form's row pairs it with the other
/// half's figure printed on another — on the forms that add up.
#[test]
fn every_fund_figure_changed_in_a_text_rendering_is_an_error_citing_its_line() {
    let mut tried = 0;
    let mut missed = Vec::new();
    let renderings = shanghai_budgets()
        .into_iter()
        .flat_map(|(stem, _)| [".layout.txt", ".text.txt"].map(|suffix| format!("{stem}{suffix}")));
    for name in renderings {
        let Ok(text) = std::fs::read_to_string(real(&name)) else {
            continue;
        };
        let base = report(&text);
        let erring: Vec<usize> = common::findings_of(&base, &["F"])
            .into_iter()
            .filter(|f| common::severity(f) == "error")
            .flat_map(common::evidence_lines)
            .collect();
        let forms = base["document"]["forms"]["projects"].as_array().unwrap();
        let adds_up = |no: usize| {
            forms.iter().any(|f| {
                let (first, last) = (
                    f["title_line"].as_u64().unwrap(),
                    f["end_line"].as_u64().unwrap(),
                );
                let range = first as usize..=last as usize;
                range.contains(&no) && !erring.iter().any(|e| range.contains(e))
            })
        };
        for (i, line) in text.lines().enumerate() {
            let no = i + 1;
            let words: Vec<&str> = line.split_whitespace().collect();
            for pair in words.windows(2) {
                let (Some(_), Some(figure)) = (label_of(pair[0]), common::amount(pair[1])) else {
                    continue;
                };
                if !adds_up(no) {
                    continue;
                }
                tried += 1;
                let raised = format!("{:.2}", figure + Decimal::from(1000));
                let (whole, fraction) = raised.split_once('.').unwrap();
                let changed = if pair[1].contains(',') {
                    format!(
                        "{}.{fraction}",
                        common::group_thousands(whole.parse().unwrap())
                    )
                } else {
                    raised.clone()
                };
                let mutated = common::replace_line(&text, no, &line.replacen(pair[1], &changed, 1));
                let report = report(&mutated);
                let cited = common::findings_of(&report, &["F101", "F102"])
                    .into_iter()
                    .any(|f| {
                        common::severity(f) == "error" && common::evidence_lines(f).contains(&no)
                    });
                if !cited {
                    missed.push(format!("{name} {no} {} {}", pair[0], pair[1]));
                }
            }
        }
    }
    // 万里街道 2023: four forms that add up, seven figures each laid out
    // by spaces, three to five single-spaced (a figure glued to the next
    // label, "0.00其他资金", is not tried).
    assert!(tried >= 44, "{tried} figures tried");
    assert!(
        missed.is_empty(),
        "{} of {tried} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// `text` with the figure after `label` on line `no` raised by 1,000.00.
fn change_figure(text: &str, no: usize, label: &str, figure: Decimal) -> String {
    let changed = (figure + Decimal::from(1000)).to_string();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i + 1 != no {
            out.push(line.to_string());
            continue;
        }
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        let at = cells
            .iter()
            .position(|c| label_of(c.trim()) == Some(label_of(label).unwrap()))
            .expect("the label is on its line");
        let value = cells[at + 1..]
            .iter_mut()
            .find(|c| !c.trim().is_empty())
            .expect("its figure");
        *value = changed.clone();
        out.push(cells.join("\t"));
    }
    out.join("\n")
}
