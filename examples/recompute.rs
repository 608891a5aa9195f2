//! Native benchmark of the recompute after one answer change (the same code as the browser's
//! `Advisor.benchRecompute`): prints the median and 99th percentile per recompute, and the time to build the
//! whole explained recommendation. Run by `scripts/bench`; not a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "benchmark"
)]

use std::time::Instant;

use contract_advisor::{api, bench, Answers, Kb, RawAnswers};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "e2e/fixtures/risky-plan.json".to_owned());
    let kb = Kb::embedded().unwrap();
    let raw: RawAnswers = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let (answers, _) = Answers::from_raw(&kb, &raw).unwrap();

    // Warm up, then time single recomputes.
    bench::recompute(&kb, &answers, 1000);
    let mut samples = Vec::with_capacity(20000);
    for _ in 0..20000 {
        let t = Instant::now();
        std::hint::black_box(bench::recompute(&kb, &answers, 1));
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "native recompute after one answer change: median {:.2} µs, p99 {:.2} µs ({} samples)",
        percentile(&samples, 0.5),
        percentile(&samples, 0.99),
        samples.len()
    );

    let mut full = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        std::hint::black_box(api::recommendation(&kb, &answers));
        full.push(t.elapsed().as_secs_f64() * 1e6);
    }
    full.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "native full explained recommendation (with what-if): median {:.0} µs, p99 {:.0} µs",
        percentile(&full, 0.5),
        percentile(&full, 0.99)
    );
}
