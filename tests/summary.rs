//! The summary at the top of the results: what it shows comes from the recommendation itself, strongest first, and
//! never more than the first screen can hold.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use contract_advisor::api::recommendation;
use contract_advisor::concordance::Rng;
use contract_advisor::{Answers, Kb};

#[test]
fn the_summary_is_the_leading_combination_with_its_strongest_reasons_and_first_warnings() {
    let kb = Kb::embedded().unwrap();
    // The project's own deterministic generator: the same answer sets every run.
    let mut rng = Rng::new(11);
    let mut with_summary = 0;
    for _ in 0..400 {
        let mut answers = Answers::new(&kb);
        for q in 0..kb.question_count() {
            let n = kb.question(q).unwrap().options.len();
            let pick = rng.below(n + 1);
            if pick < n {
                answers = answers.with_mask(q, 1 << pick);
            }
        }
        let rec = recommendation(&kb, &answers);
        let Some(sm) = &rec.summary else {
            assert!(rec.combinations.is_empty(), "a combination but no summary");
            continue;
        };
        with_summary += 1;
        assert_eq!(sm.combination, rec.combinations[0].text);
        assert!(sm.reasons.len() <= 3 && sm.watch.len() <= 3);
        assert_eq!(sm.watch_total, rec.watch.len());
        for (a, b) in sm.watch.iter().zip(&rec.watch) {
            assert_eq!(
                a.id, b.id,
                "the summary's warnings are not the first of What to watch"
            );
        }
        let top = &rec.combinations[0];
        let members: Vec<_> = rec
            .arrangements
            .iter()
            .chain(&rec.vehicles)
            .chain(&rec.payments)
            .filter(|m| [&top.arrangement_id, &top.vehicle_id, &top.payment_id].contains(&&m.id))
            .collect();
        let best = members
            .iter()
            .flat_map(|m| m.reasons.iter().map(|c| c.points))
            .max()
            .unwrap_or(0);
        for (i, r) in sm.reasons.iter().enumerate() {
            assert!(r.points > 0, "a reason that counts against");
            assert!(
                members.iter().any(|m| m
                    .reasons
                    .iter()
                    .any(|c| c.question_id == r.question_id && c.why == r.why)),
                "a reason not from the combination: {}",
                r.why
            );
            assert!(
                sm.reasons[..i]
                    .iter()
                    .all(|p| p.question_id != r.question_id && p.points >= r.points),
                "reasons repeat a question or are not strongest first"
            );
        }
        if let Some(first) = sm.reasons.first() {
            assert_eq!(first.points, best, "the strongest reason is not first");
        }
        assert_eq!(
            sm.procurement.as_deref(),
            rec.procurement.as_ref().map(|p| p.summary.as_str())
        );
        assert!(sm.readiness.starts_with("Time: about "));
    }
    assert!(
        with_summary > 100,
        "only {with_summary} answer sets had a summary"
    );
}
