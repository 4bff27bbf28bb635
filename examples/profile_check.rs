//! Runs the whole check many times on one document, for a profiler:
//! `cargo run --release --example profile_check -- FILE [N] [--stages]`.
//! With `--stages` it also times each pipeline stage on its own, to show
//! where a check's time goes.

use std::time::{Duration, Instant};

use budget_lint::{lines, parse, report, rules, text};

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: budget_lint::NativeAllocator = budget_lint::NativeAllocator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
    let mut args = args.iter().filter(|a| *a != "--stages");
    let path = args
        .next()
        .expect("usage: profile_check FILE [N] [--stages]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let start = Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings += budget_lint::check_text(&text).findings.len();
    }
    let per = start.elapsed() / n as u32;
    println!(
        "{n} runs, {per:?} per run, {} findings per run",
        findings / n
    );
    if stages {
        time_stages(&text, n);
    }
}

/// The stages of `check_text`, each timed over `n` runs.
fn time_stages(input: &str, n: usize) {
    let mut spent = [Duration::ZERO; 6];
    for _ in 0..n {
        let mut lap = Instant::now();
        let mut mark = |i: usize| {
            spent[i] += lap.elapsed();
            lap = Instant::now();
        };
        let normalized = text::normalize(input);
        mark(0);
        let lines = lines::Lines::from_text(&normalized);
        mark(1);
        let (doc, profile) = parse::parse(lines, &normalized);
        mark(2);
        let (findings, checks) = rules::run(&doc, profile);
        mark(3);
        let report = report::Report::new(doc, findings, checks);
        mark(4);
        drop(report);
        mark(5);
    }
    let names = ["normalize", "lines", "parse", "rules", "report", "drop"];
    for (name, total) in names.iter().zip(spent) {
        println!("  {name:<10} {:?}", total / n as u32);
    }
}
