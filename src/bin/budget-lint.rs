//! The native command line: `budget-lint check FILE|FOLDER... [--format
//! text|json|csv] [--together]` and `budget-lint rules [--format
//! text|json|markdown]`. Every file goes through `budget_lint::check_file`,
//! which tells its kind from its bytes (text, Word, Excel, …); a folder is
//! walked for the supported extensions and its files checked in parallel,
//! reported in order; `--together` checks the files as the parts of one
//! document.
//!
//! Exit status: 0 when no error was found, 1 when any error was, 2 on a
//! usage or I/O failure or a file that could not be read, 3 when a file
//! was not recognised (nothing in it could be checked: finding S107); of
//! several files the worst wins, 2 over 3 over 1 over 0.

use std::process::ExitCode;

use budget_lint::read::{Extracted, FileKind};
use budget_lint::{catalogue, check_file, report::render_text, Report};

// Native only: the wasm build of the crate brings its own allocator (the
// wasm tests build this binary for wasm32 too).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: budget_lint::NativeAllocator = budget_lint::NativeAllocator;

const USAGE: &str = "用法:
  budget-lint check FILE|FOLDER... [--format text|json|csv] [--together] [--xlsx OUT.xlsx]
                                                   校验预算公开文件（文本：UTF-8、UTF-16 或 GB18030/GBK；
                                                   网页 .html；Word .docx；Excel .xlsx、.xls；PDF）；
                                                   文件夹逐层查找 .txt .html .htm .docx .xlsx .xls .pdf
                                                   （及 .doc .wps，提示另存），跳过隐藏文件，并行校验；
                                                   多个文件时每个文件一行，末尾一行汇总；
                                                   --together 把给出的文件当作同一份公开文件的几个部分
                                                   （如说明 PDF 与表格 PDF、Word 说明与 Excel 表格），
                                                   按给出的顺序拼接后作为一份文档校验；
                                                   --xlsx 另存问题清单和各表为 Excel（仅限单个文件）
  budget-lint rules [--format text|json|markdown]  列出全部校验规则
  budget-lint schema                               输出报告的 JSON Schema
  budget-lint --version

退出码: 0 无错误, 1 发现错误, 2 用法或读取失败（含有文件无法读取）,
        3 有文件未识别（不是可识别的预算公开文档，或读不出任何表格），未做任何检查；
        多个文件时取最严重者：2 > 3 > 1 > 0";

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
    /// `--together`: the files are one disclosure.
    together: bool,
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
    let mut together = false;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--together" {
            together = true;
            i += 1;
            continue;
        }
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
    Ok((
        Options {
            format,
            xlsx,
            together,
        },
        rest,
    ))
}

fn check(args: &[String], options: &Options) -> Result<ExitCode, String> {
    if args.is_empty() {
        return Err("check 需要至少一个文件或文件夹".into());
    }
    let (files, folder) = expand(args)?;
    if files.is_empty() {
        return Err(format!("{} 中没有可校验的文件", args.join("、")));
    }
    if options.xlsx.is_some() && (files.len() != 1 || options.together) {
        return Err("--xlsx 只能用于单个文件".into());
    }
    if options.together {
        return check_together(&files, options);
    }
    let outcomes = check_all(&files);
    if files.len() == 1 && !folder {
        // One file named: its reading failure is the whole run's failure.
        let report = outcomes
            .into_iter()
            .next()
            .expect("one file")
            .map_err(|e| format!("{}: {e}", files[0]))?;
        return report_one(&files[0], report, options);
    }
    let mut reports: Vec<(&str, &Report)> = Vec::new();
    for (file, outcome) in files.iter().zip(&outcomes) {
        match outcome {
            Ok(report) => reports.push((file, report)),
            // The text listing has a line for it; JSON and CSV keep their
            // shapes, so the reason goes to stderr.
            Err(e) if options.format != Format::Text => eprintln!("budget-lint: {file}: {e}"),
            Err(_) => {}
        }
    }
    match options.format {
        Format::Csv => out(&budget_lint::export::findings_csv(&reports)),
        Format::Json => {
            let all: Vec<&Report> = reports.iter().map(|(_, r)| *r).collect();
            out(&(serde_json::to_string_pretty(&all).map_err(|e| e.to_string())? + "\n"));
        }
        Format::Text => out(&listing(&files, &outcomes)),
        Format::Markdown => {
            for (file, report) in &reports {
                out(&(render_text(report, file) + "\n"));
            }
        }
    }
    Ok(exit_code(&outcomes))
}

/// A supported file's name, by its extension (case aside): what a folder
/// run picks up. The bytes still decide how it is read; `.doc` and `.wps`
/// are picked up to get their message (save as .docx).
const EXTENSIONS: [&str; 9] = [
    "txt", "html", "htm", "docx", "xlsx", "pdf", "doc", "xls", "wps",
];

/// The files named by the arguments, in their order: a file as given, a
/// folder walked recursively (hidden entries skipped, names sorted, only
/// the supported extensions). The flag says whether a folder was given.
fn expand(args: &[String]) -> Result<(Vec<String>, bool), String> {
    let mut files = Vec::new();
    let mut folder = false;
    for arg in args {
        let meta = std::fs::metadata(arg).map_err(|e| format!("无法读取 {arg}: {e}"))?;
        if meta.is_dir() {
            folder = true;
            walk(std::path::Path::new(arg), &mut files)
                .map_err(|e| format!("无法读取文件夹 {arg}: {e}"))?;
        } else {
            files.push(arg.clone());
        }
    }
    Ok((files, folder))
}

fn walk(dir: &std::path::Path, files: &mut Vec<String>) -> std::io::Result<()> {
    let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // A link is followed to a file, never to a folder (no cycles).
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if (kind.is_file() || path.is_file()) && supported(&name) {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

fn supported(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        EXTENSIONS
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// Reads and checks every file, on as many threads as the machine has
/// cores; the results come back in the files' order.
fn check_all(files: &[String]) -> Vec<Result<Report, String>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len());
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Report, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        mine.push((i, check_one(file)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a check thread panicked"))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, outcome)| outcome).collect()
}

fn check_one(file: &str) -> Result<Report, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    check_file(&bytes).map_err(|e| e.to_string())
}

/// One file, as before folders: its full listing, report or findings.
fn report_one(file: &str, report: Report, options: &Options) -> Result<ExitCode, String> {
    if let Some(out) = &options.xlsx {
        write_xlsx(&report, out)?;
    }
    match options.format {
        Format::Csv => out(&budget_lint::export::findings_csv(&[(file, &report)])),
        Format::Json => {
            out(&(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n"))
        }
        Format::Text | Format::Markdown => out(&(render_text(&report, file) + "\n")),
    }
    Ok(exit_code(&[Ok(report)]))
}

/// `--together`: the files are the parts of one disclosure (a narrative
/// and its tables), read each and checked as one document.
fn check_together(files: &[String], options: &Options) -> Result<ExitCode, String> {
    let mut parts = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("无法读取 {file}: {e}"))?;
        parts.push(budget_lint::read::read(&bytes).map_err(|e| format!("{file}: {e}"))?);
    }
    let report = budget_lint::check_extracted(&join(parts));
    report_one(&files.join(" + "), report, options)
}

/// The parts' texts in order, a blank line between. The prose is there
/// when any part has it; a PDF part makes the whole read as a PDF (its
/// readings must be verified for the template).
fn join(parts: Vec<Extracted>) -> Extracted {
    let kind = if parts.iter().any(|p| p.kind == FileKind::Pdf) {
        FileKind::Pdf
    } else {
        parts[0].kind
    };
    Extracted {
        kind,
        tables_only: parts.iter().all(|p| p.tables_only),
        text: parts
            .iter()
            .map(|p| p.text.trim_end_matches('\n'))
            .collect::<Vec<_>>()
            .join("\n\n"),
        places: Vec::new(),
    }
}

/// Several files in text: a line each and a summary.
fn listing(files: &[String], outcomes: &[Result<Report, String>]) -> String {
    let (mut errors, mut unknown, mut unreadable) = (0, 0, 0);
    let mut text = String::new();
    for (file, outcome) in files.iter().zip(outcomes) {
        let line = match outcome {
            Err(reason) => {
                unreadable += 1;
                format!("无法读取：{reason}")
            }
            Ok(report) if !report.recognised() => {
                unknown += 1;
                let reason = report
                    .findings
                    .iter()
                    .find(|f| f.rule == "S107")
                    .map_or("", |f| f.message.as_str());
                let reason = reason.strip_prefix("未识别，").unwrap_or(reason);
                format!("未识别：{}", reason.lines().next().unwrap_or(""))
            }
            Ok(report) => {
                if report.has_errors() {
                    errors += 1;
                }
                let (d, s) = (&report.document.info, &report.summary);
                let template = if d.profile_label.is_empty() {
                    d.kind_label
                } else {
                    d.profile_label
                };
                format!(
                    "{template}  错误 {}  提醒 {}  提示 {}",
                    s.errors, s.warnings, s.infos
                )
            }
        };
        text.push_str(&format!("{file}  {line}\n"));
    }
    text.push_str(&format!(
        "共 {} 个文件：有错误 {errors} 个，未识别 {unknown} 个，无法读取 {unreadable} 个\n",
        files.len()
    ));
    text
}

/// The worst outcome wins: unreadable (2) over not recognised (3) over an
/// error (1) over none (0).
fn exit_code(outcomes: &[Result<Report, String>]) -> ExitCode {
    let rank = |o: &Result<Report, String>| match o {
        Err(_) => (3, 2),
        Ok(r) if !r.recognised() => (2, 3),
        Ok(r) if r.has_errors() => (1, 1),
        Ok(_) => (0, 0),
    };
    ExitCode::from(outcomes.iter().map(rank).max().map_or(0, |(_, code)| code))
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
