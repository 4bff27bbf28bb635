//! The whole check of each corpus document: parse + rules + report
//! (`check_text`), the bytes path with decoding (`check_bytes`), the same
//! documents in other shapes (`check_shape/<shape>/<doc>`: the renderings
//! of `tests/fixtures/shapes`, rebuilt before they are checked), the JSON
//! serialisation of the finished report measured on its own, and reading
//! each Word and Excel rendering into text (`read_office`, feature
//! `office`).
//!
//! The goal (issue 2): the largest corpus document under 1 ms natively.
//! Run with `cargo bench --bench check`; criterion prints the median.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

// What the CLI runs with: the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: budget_lint::NativeAllocator = budget_lint::NativeAllocator;

const DOCS: [&str; 4] = [
    "yangquan-zhaoshang-2026",
    "yangquan-shangwu-2026",
    "yangquan-caizheng-2026",
    "yangquan-shangwu-zhuanxiang-2022",
];

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The renderings benchmarked, by file suffix: every text shape of
/// `tests/fixtures/shapes` (issue 11 holds each within 2× the TAB check
/// of the same document, `check_text`).
const SHAPES: [(&str, &str); 6] = [
    ("tsv", ".tsv.txt"),
    ("md", ".md.txt"),
    ("layout", ".layout.txt"),
    ("nopgbrk", ".nopgbrk.txt"),
    ("text", ".text.txt"),
    ("raw", ".raw.txt"),
];

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_text");
    for doc in DOCS {
        let text = fixture(doc);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(doc), &text, |b, text| {
            b.iter(|| budget_lint::check_text(black_box(text)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check_bytes");
    for doc in DOCS {
        let bytes = fixture(doc).into_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(doc), &bytes, |b, bytes| {
            b.iter(|| budget_lint::check_bytes(black_box(bytes)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check_shape");
    let shapes = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes");
    for (shape, suffix) in SHAPES {
        for doc in DOCS {
            let path = shapes.join(format!("{doc}{suffix}"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_with_input(BenchmarkId::new(shape, doc), &bytes, |b, bytes| {
                b.iter(|| budget_lint::check_bytes(black_box(bytes)))
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("report_to_json");
    for doc in DOCS {
        let report = budget_lint::check_text(&fixture(doc));
        group.bench_with_input(BenchmarkId::from_parameter(doc), &report, |b, report| {
            b.iter(|| serde_json::to_string(black_box(report)))
        });
    }
    group.finish();
}

/// The stages of `check_text` on the largest document, to show where the
/// time goes: normalise, split into lines, parse the tables, run the rules.
fn stages(c: &mut Criterion) {
    use budget_lint::{lines::Lines, parse, rules, text};
    let doc = "yangquan-caizheng-2026";
    let raw = fixture(doc);
    let normalized = text::normalize(&raw);
    let lines = Lines::from_text(&normalized);
    let (parsed, profile) = parse::parse(lines.clone(), &normalized);
    let mut group = c.benchmark_group(format!("stages/{doc}"));
    group.bench_function("normalize", |b| b.iter(|| text::normalize(black_box(&raw))));
    group.bench_function("lines", |b| {
        b.iter(|| Lines::from_text(black_box(&normalized)))
    });
    group.bench_function("parse", |b| {
        b.iter_batched(
            || lines.clone(),
            |l| parse::parse(l, &normalized),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("rules", |b| {
        b.iter(|| rules::run(black_box(&parsed), profile))
    });
    group.finish();
}

/// Reading each .docx and .xlsx of `tests/fixtures/shapes` into text (unzip,
/// XML, tables, number formats), without the check that follows.
#[cfg(feature = "office")]
fn read_office(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("shapes folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "xlsx"))
        .collect();
    files.sort();
    let mut group = c.benchmark_group("read_office");
    for path in files {
        let bytes = std::fs::read(&path).expect("file");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &bytes, |b, bytes| {
            b.iter(|| budget_lint::read::read(black_box(bytes)))
        });
    }
    group.finish();
}

#[cfg(not(feature = "office"))]
fn read_office(_: &mut Criterion) {}

criterion_group!(benches, check, stages, read_office);
criterion_main!(benches);
