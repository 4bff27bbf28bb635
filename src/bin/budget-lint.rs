//! The native command line: `budget-lint check FILE... [--format text|json]`
//! and `budget-lint rules [--format text|json|markdown]`. Every file goes
//! through `budget_lint::check_file`, which tells its kind from its bytes
//! (text, Word, Excel, …).
//!
//! Exit status: 0 when no error was found, 1 when any error was, 2 on a
//! usage or I/O failure, 3 when a file was not recognised (nothing in it
//! could be checked: finding S107).

use std::process::ExitCode;

use budget_lint::{catalogue, check_file, report::render_text, Report};

// Native only: the wasm build of the crate brings its own allocator (the
// wasm tests build this binary for wasm32 too).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: budget_lint::NativeAllocator = budget_lint::NativeAllocator;

const USAGE: &str = "用法:
  budget-lint check FILE... [--format text|json|csv] [--xlsx OUT.xlsx]
                                                   校验预算公开文件（文本：UTF-8、UTF-16 或 GB18030/GBK；
                                                   网页 .html；Word .docx；Excel .xlsx；PDF）；
                                                   --xlsx 另存问题清单和各表为 Excel（仅限单个文件）
  budget-lint rules [--format text|json|markdown]  列出全部校验规则
  budget-lint schema                               输出报告的 JSON Schema
  budget-lint --version

退出码: 0 无错误, 1 发现错误, 2 用法或读取失败,
        3 有文件未识别（不是可识别的预算公开文档，或读不出任何表格），未做任何检查";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("budget-lint: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (options, rest) = parse_format(args)?;
    match rest.first().map(String::as_str) {
        Some("check") => check(&rest[1..], &options),
        Some("rules") => {
            out(&rules_listing(options.format));
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "schema")]
        Some("schema") => {
            let schema = budget_lint::report::json_schema();
            out(&(serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        Some("--version" | "-V") => {
            out(&format!("budget-lint {}\n", env!("CARGO_PKG_VERSION")));
            Ok(ExitCode::SUCCESS)
        }
        Some("--help" | "-h" | "help") => {
            out(&format!("{USAGE}\n"));
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("未知命令 {other}")),
        None => Err("缺少命令".into()),
    }
}

/// Options of `check` besides the files.
struct Options {
    format: Format,
    xlsx: Option<String>,
}

/// Writes to stdout; a closed pipe (`| head`) ends the output quietly
/// instead of panicking.
fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

fn parse_format(args: &[String]) -> Result<(Options, Vec<String>), String> {
    let mut format = Format::Text;
    let mut xlsx = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--xlsx" {
            i += 1;
            xlsx = Some(args.get(i).cloned().ok_or("--xlsx 需要输出文件名")?);
            i += 1;
            continue;
        }
        let value = if args[i] == "--format" {
            i += 1;
            Some(
                args.get(i)
                    .cloned()
                    .ok_or("--format 需要取值 text、json 或 markdown")?,
            )
        } else {
            args[i].strip_prefix("--format=").map(str::to_string)
        };
        match value {
            Some(v) => {
                format = match v.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "markdown" | "md" => Format::Markdown,
                    other => return Err(format!("未知格式 {other}")),
                }
            }
            None => rest.push(args[i].clone()),
        }
        i += 1;
    }
    Ok((Options { format, xlsx }, rest))
}

fn check(files: &[String], options: &Options) -> Result<ExitCode, String> {
    if files.is_empty() {
        return Err("check 需要至少一个文件".into());
    }
    if options.xlsx.is_some() && files.len() != 1 {
        return Err("--xlsx 只能用于单个文件".into());
    }
    let mut reports: Vec<(String, Report)> = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("无法读取 {file}: {e}"))?;
        let report = check_file(&bytes).map_err(|e| format!("{file}: {e}"))?;
        reports.push((file.clone(), report));
    }
    let any_error = reports.iter().any(|(_, r)| r.has_errors());
    let any_unrecognised = reports.iter().any(|(_, r)| !r.recognised());
    if let Some(out) = &options.xlsx {
        write_xlsx(&reports[0].1, out)?;
    }
    match options.format {
        Format::Csv => {
            let pairs: Vec<(&str, &Report)> =
                reports.iter().map(|(f, r)| (f.as_str(), r)).collect();
            out(&budget_lint::export::findings_csv(&pairs));
        }
        Format::Json => {
            let json = if reports.len() == 1 {
                serde_json::to_string_pretty(&reports[0].1)
            } else {
                serde_json::to_string_pretty(&reports.iter().map(|(_, r)| r).collect::<Vec<_>>())
            };
            out(&(json.map_err(|e| e.to_string())? + "\n"));
        }
        Format::Text | Format::Markdown => {
            for (file, report) in &reports {
                out(&(render_text(report, file) + "\n"));
            }
        }
    }
    // Not recognised first: whatever the other files found, one of them was
    // not checked at all.
    Ok(if any_unrecognised {
        ExitCode::from(3)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(feature = "xlsx")]
fn write_xlsx(report: &Report, out: &str) -> Result<(), String> {
    let bytes =
        budget_lint::export::workbook(report).map_err(|e| format!("无法生成 Excel: {e}"))?;
    std::fs::write(out, bytes).map_err(|e| format!("无法写入 {out}: {e}"))
}

#[cfg(not(feature = "xlsx"))]
fn write_xlsx(_report: &Report, _out: &str) -> Result<(), String> {
    Err("此版本编译时未包含 Excel 导出（cargo 特性 xlsx）".into())
}

fn rules_listing(format: Format) -> String {
    let rules = catalogue();
    match format {
        Format::Json | Format::Csv => {
            serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
        }
        Format::Markdown => {
            let mut out = String::from("# 校验规则目录\n\n本文件由 `budget-lint rules --format markdown` 从各规则源文件的文档注释生成，请勿手工编辑。\n");
            let mut category = "";
            for doc in &rules {
                let r = &doc.rule;
                if r.category_label != category {
                    category = r.category_label;
                    out.push_str(&format!("\n## {category}\n"));
                }
                let body = doc
                    .docs
                    .lines()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .replace("## ", "#### ");
                out.push_str(&format!(
                    "\n### {} {}（{}）\n\n适用模板：{}\n{}\n",
                    r.id,
                    r.title,
                    r.name,
                    r.templates.join("、"),
                    body
                ));
            }
            out
        }
        Format::Text => rules
            .iter()
            .map(|d| {
                format!(
                    "{}  {:<22} {}  [{}]\n",
                    d.rule.id,
                    d.rule.name,
                    d.rule.title,
                    d.rule.templates.join(", ")
                )
            })
            .collect(),
    }
}
