//! Any bytes as answers (two bytes per question, little-endian, as an option bit mask): the recommendation and
//! the what-if analysis must never panic, every score must be the sum of its reasons and concerns, and every
//! what-if change must really put its new leader first.
#![no_main]

use std::sync::LazyLock;

use contract_advisor::{api, engine, whatif, Answers, Kb};
use libfuzzer_sys::fuzz_target;

static KB: LazyLock<Kb> = LazyLock::new(|| match Kb::embedded() {
    Ok(kb) => kb,
    Err(e) => panic!("embedded content does not load: {e}"),
});

fuzz_target!(|data: &[u8]| {
    let kb = &*KB;
    let masks: Vec<u32> = data
        .chunks(2)
        .map(|c| c.iter().rev().fold(0u32, |m, b| (m << 8) | u32::from(*b)))
        .collect();
    let answers = Answers::from_masks(kb, &masks);

    let rec = api::recommendation(kb, &answers);
    for m in rec
        .arrangements
        .iter()
        .chain(&rec.vehicles)
        .chain(&rec.payments)
    {
        let sum: i32 = m.reasons.iter().chain(&m.concerns).map(|c| c.points).sum();
        assert_eq!(
            sum, m.score,
            "{}: score is not the sum of its contributions",
            m.id
        );
    }
    assert!(
        serde_json::to_string(&rec).is_ok(),
        "the recommendation does not serialise"
    );

    let eval = engine::evaluate(kb, &answers);
    for change in whatif::what_would_change(kb, &answers, &eval, 4) {
        let mut changed = answers.clone();
        for step in &change.steps {
            changed = changed.with_mask(step.question, step.to);
        }
        let after = engine::evaluate(kb, &changed);
        let first = after.layer(change.layer).order.first();
        assert_eq!(
            first,
            Some(&change.new_leader),
            "a what-if change does not put its new leader first"
        );
    }
});
