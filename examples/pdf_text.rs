//! Prints the lines the native PDF reader makes of a file (what the checks
//! read), or with `--layout` the positioned text and ruling lines it read
//! (the JSON the page side gives the geometry):
//! `cargo run --example pdf_text -- [--layout] FILE.pdf`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let layout = args.iter().any(|a| a == "--layout");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: pdf_text [--layout] FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("readable file");
    let result = if layout {
        budget_lint::read::pdf::layout(&bytes)
            .map(|l| serde_json::to_string(&l).expect("layout serialises") + "\n")
    } else {
        budget_lint::read::read(&bytes).map(|e| e.text)
    };
    match result {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{}: {}", e.code, e.message);
            std::process::exit(1);
        }
    }
}
