//! Runs the whole check many times on one document, for a profiler:
//! `cargo run --release --example profile_check -- FILE [N]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile_check FILE [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings += budget_lint::check_text(&text).findings.len();
    }
    let per = start.elapsed() / n as u32;
    println!(
        "{n} runs, {per:?} per run, {} findings per run",
        findings / n
    );
}
