//! Prints the lines the parser reads after the rebuild stage — each table
//! row as its cells, the input lines it was rebuilt from, and the figures a
//! reader left unplaced — to see what a reader made of a text shape:
//! `cargo run --release --all-features --example rebuilt_lines -- FILE [FROM TO]`
//! (FROM..=TO: input line numbers to print; all by default).

use budget_lint::{lines::Lines, profile, rebuild, text};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: rebuilt_lines FILE [FROM TO]");
        std::process::exit(2);
    };
    let bound = |i: usize, default: usize| {
        args.get(i)
            .map_or(default, |a| a.parse().expect("a line number"))
    };
    let (from, to) = (bound(1, 1), bound(2, usize::MAX));
    let bytes = std::fs::read(path).expect("readable file");
    let decoded = text::decode(&bytes).expect("a text file");
    // The profile the whole check picks for this text.
    let report = budget_lint::check_text(&decoded.text);
    let Some(profile) = profile::all()
        .iter()
        .copied()
        .find(|p| p.name == report.document.info.profile)
    else {
        eprintln!("no template recognised");
        std::process::exit(3);
    };
    let normalized = text::normalize(&decoded.text);
    let mut lines = Lines::from_text(&normalized);
    lines.mark_pages(&decoded.text);
    let mut raw: Vec<&str> = normalized.split('\n').collect();
    let readings = rebuild::rebuild(&mut lines, &mut raw, profile);
    println!("profile {}, readings {readings:?}", profile.name);
    for line in lines.all.iter().filter(|l| (from..=to).contains(&l.no)) {
        if line.is_blank() {
            continue;
        }
        let noise = line.noise.map(|n| format!(" [{n:?}]")).unwrap_or_default();
        let also = if line.also.is_empty() {
            String::new()
        } else {
            format!(" +{:?}", line.also)
        };
        let cells: Vec<&str> = line.cells().collect();
        println!("{:>5}{noise}{also}: {}", line.no, cells.join(" | "));
    }
    for u in &lines.unplaced {
        println!(
            "unplaced {} {:?}: {} ({})",
            u.table,
            u.lines,
            u.figures.join(" "),
            u.reason
        );
    }
}
