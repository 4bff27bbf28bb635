//! The native PDF reader on every corpus PDF (`tests/fixtures/real` and the
//! shapes' PDFs): reading a file into lines (`read::read`: parse, content
//! streams, geometry) per file, the whole check of a file (`check_file`),
//! and files per second over the folder of all of them.
//!
//! Run with `cargo bench --bench pdf`; criterion prints the medians, and
//! the folder group's throughput in files/s ("elem/s").

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

// What the CLI runs with: the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: budget_lint::NativeAllocator = budget_lint::NativeAllocator;

/// Every corpus PDF, as (stem, bytes), sorted.
fn pdfs() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for folder in ["real", "shapes"] {
        for entry in std::fs::read_dir(root.join(folder)).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "pdf") {
                let stem = path
                    .file_stem()
                    .expect("stem")
                    .to_string_lossy()
                    .into_owned();
                found.push((stem, std::fs::read(&path).expect("pdf")));
            }
        }
    }
    found.sort();
    found
}

fn pdf(c: &mut Criterion) {
    let files = pdfs();

    let mut group = c.benchmark_group("pdf_read");
    group.sample_size(10);
    for (stem, bytes) in &files {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(stem), bytes, |b, bytes| {
            b.iter(|| budget_lint::read::read(black_box(bytes)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("pdf_check_file");
    group.sample_size(10);
    for (stem, bytes) in &files {
        group.bench_with_input(BenchmarkId::from_parameter(stem), bytes, |b, bytes| {
            b.iter(|| budget_lint::check_file(black_box(bytes)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("pdf_folder");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(files.len() as u64));
    group.bench_function(format!("check_file, {} PDFs", files.len()), |b| {
        b.iter(|| {
            for (_, bytes) in &files {
                let _ = black_box(budget_lint::check_file(black_box(bytes)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
