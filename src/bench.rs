//! The recompute step the benchmarks measure: one answer changes, and the scores are worked out again.
//!
//! Shared by the native benchmark (`examples/recompute.rs`) and the browser benchmark (through
//! `Advisor::benchRecompute`), so both measure the same code.

use crate::answers::{Answers, Effective};
use crate::content::Layer;
use crate::engine::{leader, states, tallies};
use crate::kb::Kb;

/// The question whose answer the benchmark flips, and the two selections it alternates between.
pub fn flip_target(kb: &Kb, eff: &Effective, answers: &Answers) -> Option<(usize, u32, u32)> {
    let q = eff
        .visible_questions()
        .find(|q| kb.question(*q).is_some_and(|x| x.options.len() >= 2))?;
    let current = answers.stored(q);
    let a = if current == 0 { 1 } else { current };
    let b = if a == 1 { 2 } else { 1 };
    Some((q, a, b))
}

/// Changes one answer and recomputes visibility, tallies and the three leaders, `iterations` times. Returns a
/// checksum of the results.
pub fn recompute(kb: &Kb, answers: &Answers, iterations: u32) -> i32 {
    let eff = answers.effective(kb);
    let Some((q, a, b)) = flip_target(kb, &eff, answers) else {
        return 0;
    };
    let mut buf = Vec::new();
    let mut check = 0i32;
    for i in 0..iterations {
        let changed = answers.with_mask(q, if i % 2 == 0 { a } else { b });
        tallies(kb, &states(kb, &changed), &mut buf);
        let a = leader(kb, &buf, Layer::Arrangement).unwrap_or(0);
        let v = leader(kb, &buf, Layer::Vehicle).unwrap_or(0);
        let p = leader(kb, &buf, Layer::Payment).unwrap_or(0);
        check = check
            .wrapping_add(buf.iter().map(|t| t.points).sum::<i32>())
            .wrapping_add((a * 961 + v * 31 + p) as i32);
    }
    check
}
