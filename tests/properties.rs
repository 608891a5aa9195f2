//! Property tests: arbitrary answer sets (one option bit mask per question) and arbitrary inputs, checked against
//! the engine's promises: determinism, scores that add up, complete explanations, monotonic capability weights,
//! stable ranking order, lossless save and share, and no panics on any input.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use contract_advisor::api::{self, ModelResult};
use contract_advisor::content::Kind;
use contract_advisor::kb::{self, CompiledEffect, Reach};
use contract_advisor::{engine, saved, whatif, Answers, Kb, RawAnswer, RawAnswers};
use proptest::prelude::*;
use proptest::test_runner::Config;

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::embedded().expect("embedded content loads"));

fn kb() -> &'static Kb {
    &KB
}

/// `cases` per property, or `PROPTEST_CASES` when set (for longer runs: `PROPTEST_CASES=5000 cargo test --release
/// --test properties`).
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        // Failures are reported with their shrunk input; no persistence files in the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// One mask per question that a user could give: a single-choice question has no answer or one option; a
/// multiple-choice one any set of options, with an exclusive option only on its own.
fn valid_masks() -> impl Strategy<Value = Vec<u32>> {
    let per_question: Vec<BoxedStrategy<u32>> = kb()
        .content
        .questions
        .iter()
        .map(|(_, q)| {
            let n = q.options.len();
            match q.kind {
                Kind::Single => prop_oneof![
                    1 => Just(0u32),
                    3 => (0..n).prop_map(|b| 1u32 << b),
                ]
                .boxed(),
                Kind::Multi => {
                    let exclusive = q.exclusive_mask();
                    (0u32..(1u32 << n))
                        .prop_map(move |m| {
                            if m & exclusive != 0 && m.count_ones() > 1 {
                                m & !exclusive
                            } else {
                                m
                            }
                        })
                        .boxed()
                }
            }
        })
        .collect();
    per_question
}

/// Any masks at all, including several options for a single-choice question and bits past the last option.
fn any_masks() -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(any::<u32>(), 0..kb().question_count() + 4)
}

fn recommendation_json(answers: &Answers) -> String {
    serde_json::to_string(&api::recommendation(kb(), answers)).expect("serialise")
}

fn check_model(m: &ModelResult) -> Result<(), TestCaseError> {
    let sum: i32 = m.reasons.iter().chain(&m.concerns).map(|c| c.points).sum();
    prop_assert_eq!(
        sum,
        m.score,
        "{}: score is not the sum of its reasons and concerns",
        &m.id
    );
    let by_section: i32 = m.by_section.iter().flatten().sum();
    prop_assert_eq!(
        by_section,
        m.score,
        "{}: the split by section does not add up to the score",
        &m.id
    );
    prop_assert_eq!(
        m.by_section.len(),
        kb().content.sections.len(),
        "{}: one entry per section",
        &m.id
    );
    prop_assert!(
        m.reasons.iter().all(|c| c.points > 0),
        "{}: a reason without points",
        &m.id
    );
    prop_assert!(
        m.concerns.iter().all(|c| c.points <= 0),
        "{}: a concern with points",
        &m.id
    );
    prop_assert!(!m.summary.trim().is_empty(), "{}: no summary", &m.id);
    prop_assert!(!m.pros.is_empty(), "{}: no pros", &m.id);
    prop_assert!(!m.cons.is_empty(), "{}: no cons", &m.id);
    prop_assert!(!m.risks.is_empty(), "{}: no risks", &m.id);
    prop_assert!(!m.sources.is_empty(), "{}: no sources", &m.id);
    for c in m.pros.iter().chain(&m.cons).chain(&m.risks) {
        prop_assert!(
            !c.text.trim().is_empty() && !c.sources.is_empty(),
            "{}: bare claim",
            &m.id
        );
    }
    let r = &m.readiness;
    prop_assert!(!r.lead_time.trim().is_empty(), "{}: no lead time", &m.id);
    prop_assert!(
        r.lead_time_months[0] >= 1 && r.lead_time_months[0] <= r.lead_time_months[1],
        "{}: lead time {:?}",
        &m.id,
        r.lead_time_months
    );
    for c in m.reasons.iter().chain(&m.concerns) {
        prop_assert!(
            !c.why.trim().is_empty(),
            "{}: a contribution without a why",
            &m.id
        );
        prop_assert!(
            !c.sources.is_empty(),
            "{}: a contribution without a source",
            &m.id
        );
        prop_assert!(c.points != 0, "{}: a contribution of 0 points", &m.id);
    }
    // Answers held back for want of a case for change: only on a new contract vehicle, only supporting positive
    // effects (never decisive, never against it), never counted, and said why.
    let needs_case = kb()
        .model(&m.id)
        .is_some_and(|(_, x)| x.needs_case_for_change);
    prop_assert!(
        m.withheld.is_empty() || needs_case,
        "{}: answers held back from a model that needs no case for change",
        &m.id
    );
    prop_assert_eq!(
        m.withheld.is_empty(),
        m.withheld_note.is_none(),
        "{}: held-back answers and their note go together",
        &m.id
    );
    for c in &m.withheld {
        prop_assert!(
            (1..=3).contains(&c.points),
            "{}: a held-back answer that is not a supporting reason ({} points)",
            &m.id,
            c.points
        );
    }
    Ok(())
}

/// A model's fit less its margin, ×100, over its divisor: as a numerator over `fit_divisor`.
fn scaled(m: &ModelResult) -> i64 {
    i64::from(m.score) * 100 - i64::from(m.margin) * m.fit_divisor
}

/// Models not ruled out come first; within each group by fit (score ÷ its divisor, `engine::fit_base`, less the
/// new-vehicle margin for a new contract vehicle, compared exactly), and equal fits by id, never by the order of the
/// content. Only a new contract vehicle has a margin: the content's, while an option without one scores above
/// nothing, else none.
fn check_ranking(list: &[ModelResult], layer: &str) -> Result<(), TestCaseError> {
    for (i, m) in list.iter().enumerate() {
        prop_assert_eq!(m.layer, layer);
        prop_assert_eq!(m.rank, i + 1);
        let new_vehicle = kb()
            .model(&m.id)
            .is_some_and(|(_, x)| x.needs_case_for_change);
        // The margin applies while an option without one (standard contract, no new contract), not ruled out,
        // scores above nothing.
        let on = list.iter().any(|x| {
            !x.ruled_out
                && x.score > 0
                && kb()
                    .model(&x.id)
                    .is_some_and(|(_, y)| !y.needs_case_for_change)
        });
        // A vehicle already in place carries none.
        prop_assert!(
            !m.in_place || (new_vehicle && layer == "vehicle"),
            "{}: in place",
            &m.id
        );
        let expected = if new_vehicle && on && layer == "vehicle" && !m.in_place {
            kb().new_vehicle_margin
        } else {
            0
        };
        prop_assert_eq!(m.margin, expected, "{}: margin", &m.id);
        prop_assert_eq!(
            i64::from(m.fit_percent),
            scaled(m) / m.fit_divisor,
            "{}: fit percent",
            &m.id
        );
    }
    for pair in list.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        prop_assert_eq!(
            a.fit_divisor,
            engine::fit_base(a.reachable, kb().floor(layer_of(a)))
        );
        let fa = scaled(a) * b.fit_divisor;
        let fb = scaled(b) * a.fit_divisor;
        prop_assert!(
            (!a.ruled_out && b.ruled_out)
                || (a.ruled_out == b.ruled_out
                    && (fa > fb || (fa == fb && ((a.margin > 0, &a.id) < (b.margin > 0, &b.id))))),
            "{} ({}/{}) is ranked above {} ({}/{})",
            &a.id,
            a.score,
            a.reachable,
            &b.id,
            b.score,
            b.reachable
        );
    }
    Ok(())
}

fn layer_of(m: &ModelResult) -> contract_advisor::content::Layer {
    kb().model(&m.id).map(|(_, x)| x.layer).unwrap()
}

/// All three layers of a recommendation.
fn all_models(rec: &api::Recommendation) -> impl Iterator<Item = &ModelResult> {
    rec.arrangements
        .iter()
        .chain(&rec.vehicles)
        .chain(&rec.payments)
}

fn check_rankings(rec: &api::Recommendation) -> Result<(), TestCaseError> {
    check_ranking(&rec.arrangements, "arrangement")?;
    check_ranking(&rec.vehicles, "vehicle")?;
    check_ranking(&rec.payments, "payment")
}

proptest! {
    #![proptest_config(config(64))]

    /// (a) The same answers give byte-identical recommendations.
    #[test]
    fn recommendation_is_deterministic(masks in valid_masks()) {
        let a = Answers::from_masks(kb(), &masks);
        let again = Answers::from_masks(kb(), &masks);
        let first = recommendation_json(&a);
        prop_assert_eq!(&first, &recommendation_json(&a));
        prop_assert_eq!(&first, &recommendation_json(&again));
    }

    /// (b), (c) and (e): scores add up, explanations are complete, rankings are in order.
    #[test]
    fn models_are_explained_and_ranked(masks in valid_masks()) {
        let rec = api::recommendation(kb(), &Answers::from_masks(kb(), &masks));
        let models = &kb().content.models;
        prop_assert_eq!(all_models(&rec).count(), models.len());
        let ids: BTreeSet<&str> = all_models(&rec).map(|m| m.id.as_str()).collect();
        prop_assert_eq!(ids.len(), models.len(), "a model is missing or listed twice");
        for m in all_models(&rec) {
            check_model(m)?;
        }
        check_rankings(&rec)?;
        // A ruled-out model is never "may suit you best" or "may also suit you", and says why.
        for m in all_models(&rec) {
            if m.ruled_out {
                prop_assert!(m.fit != "best" && m.fit != "close", "{} is ruled out but {}", &m.id, m.fit);
                prop_assert!(m.concerns.iter().any(|c| c.serious), "{} is ruled out without a reason", &m.id);
            }
        }
        // The combination is made of each layer's first model that is not ruled out.
        if let Some(c) = rec.combinations.first() {
            let first = |l: &[ModelResult]| l.iter().find(|m| !m.ruled_out).map(|m| m.id.clone()).unwrap_or_default();
            prop_assert_eq!(&c.arrangement_id, &first(&rec.arrangements));
            prop_assert_eq!(&c.vehicle_id, &first(&rec.vehicles));
        }
    }

    /// (b) also holds for masks no user could give (several options for a single-choice question, stray bits).
    #[test]
    fn scores_add_up_for_any_masks(masks in any_masks()) {
        let rec = api::recommendation(kb(), &Answers::from_masks(kb(), &masks));
        for m in all_models(&rec) {
            let sum: i32 = m.reasons.iter().chain(&m.concerns).map(|c| c.points).sum();
            prop_assert_eq!(sum, m.score);
        }
        check_rankings(&rec)?;
    }

    /// (d) Raising a capability answer by one level never lowers the score of a model that demands that skill.
    #[test]
    fn more_capability_never_lowers_a_demanding_model(masks in valid_masks()) {
        let kb = kb();
        let mut compared = 0;
        for (qi, (_, q)) in kb.content.questions.iter().enumerate() {
            let Some(skill) = q.measures.as_ref().and_then(|m| m.skill.as_deref()) else { continue };
            let demanding: Vec<usize> = kb.content.models.iter().enumerate()
                .filter(|(_, m)| m.demands.skills.iter().any(|s| s.skill == skill))
                .map(|(i, _)| i)
                .collect();
            prop_assert!(!demanding.is_empty(), "no model demands {}", skill);
            for (lo, lo_opt) in q.options.iter().enumerate() {
                let Some(level) = lo_opt.level else { continue };
                for (hi, _) in q.options.iter().enumerate().filter(|(_, o)| o.level == Some(level + 1)) {
                    let base = Answers::from_masks(kb, &masks);
                    let low = engine::evaluate(kb, &base.with_mask(qi, 1 << lo));
                    let high = engine::evaluate(kb, &base.with_mask(qi, 1 << hi));
                    prop_assert!(low.eff.is_visible(qi) == high.eff.is_visible(qi));
                    for m in &demanding {
                        let (l, h) = (low.scores[*m].total, high.scores[*m].total);
                        prop_assert!(
                            h >= l,
                            "{}: {} falls from {} to {} when {} goes from level {} to {}",
                            &q.id, &kb.content.models[*m].id, l, h, skill, level, level + 1
                        );
                        compared += 1;
                    }
                }
            }
        }
        prop_assert!(compared > 0, "no capability question was compared");
    }
}

/// A regression case the property below found (content 2.71.0): answers where whether today's contract is held by a
/// lead provider decides what a renewal could count for each vehicle, so leaving that question open widens what
/// could count for the rivals. With it unanswered, the vehicle must not be called settled on a divisor the answer
/// could still shrink, so confidence is no higher than with it answered.
#[test]
fn an_open_question_that_settles_conditions_keeps_confidence_down() {
    let kb = kb();
    let answered: RawAnswers = serde_json::from_value(serde_json::json!({
        "q-problem": ["outcomes", "handoffs", "fragmented", "provider-leaving", "money-short"],
        "q-tried-relational": "not-applicable",
        "q-contract-barrier": "no",
        "q-main-ambition": "shift-money",
        "q-segment": "pathway",
        "q-pathway-shape": "clear",
        "q-footprint": "icb-area",
        "q-scope-services": ["community", "mental-health", "urgent-care"],
        "q-current-contract": "separate",
        "q-incumbent-fragility": "not-sure",
        "q-gaps": ["primary-specialist", "between-providers"],
        "q-provider-risk": "not-sure",
        "q-cap-contract": "buy-in",
        "q-cap-legal": "none",
        "q-cap-analytics": "in-house",
        "q-leadership": "some",
        "q-time": "12-24",
        "q-setup-spend": "some",
        "q-org-change": "not-sure",
        "q-policy-change": "announced",
        "q-existing-service": "new",
        "q-patient-choice": "yes",
        "q-public-concern": "yes"
    }))
    .unwrap();
    let mut open = answered.clone();
    open.remove("q-current-contract");
    let level = |raw: &RawAnswers| {
        let (answers, _) = Answers::from_raw(kb, raw).expect("valid answers");
        engine::evaluate(kb, &answers).confidence.level
    };
    let (answered, open) = (level(&answered), level(&open));
    assert!(open <= answered, "{open:?} against {answered:?}");
}

/// The knowledge base with the models in reverse content order.
static REVERSED: LazyLock<Kb> = LazyLock::new(|| {
    let files = contract_advisor::kb::embedded_files();
    let models = files.iter().find(|(n, _)| *n == "models.json").unwrap().1;
    let mut list: Vec<serde_json::Value> = serde_json::from_str(models).unwrap();
    list.reverse();
    let reversed = serde_json::to_string(&list).unwrap();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| {
            if *n == "models.json" {
                (*n, reversed.as_str())
            } else {
                (*n, *t)
            }
        })
        .collect();
    Kb::from_files(&files).unwrap()
});

/// Which answers to keep: a share of the questions (from none to all), each kept when its draw is below it.
fn kept_answers() -> impl Strategy<Value = (u32, Vec<u32>)> {
    (
        0u32..=100,
        proptest::collection::vec(0u32..100, kb().question_count()),
    )
}

proptest! {
    #![proptest_config(config(256))]

    /// The one-pass reckoning of what a question can do for each model (`kb::reaches_by_model`, which the engine
    /// runs on every recompute for questions with conditional effects) equals `kb::model_reach`, the definition, for
    /// every question and model, counting the effects each way the engine does: those whose condition has not
    /// failed, and those that could yet count at the least and at the most.
    #[test]
    fn the_one_pass_reach_is_model_reach(masks in valid_masks(), (share, draws) in kept_answers()) {
        let kb = kb();
        let masks: Vec<u32> = masks.iter().zip(&draws).map(|(m, d)| if *d < share { *m } else { 0 }).collect();
        let states = engine::states(kb, &Answers::from_masks(kb, &masks));
        let holds = |e: &CompiledEffect| e.when.map_or(Some(true), |w| kb.effect_when[w].settle(&states));
        let ways = [
            |h: Option<bool>, _: i32| h != Some(false),
            |h: Option<bool>, p: i32| h.unwrap_or(p <= 0),
            |h: Option<bool>, p: i32| h.unwrap_or(p > 0),
        ];
        for (q, per_option) in kb.effects.iter().enumerate() {
            let kind = kb.content.questions[q].1.kind;
            let by_model = kb::effects_by_model(per_option);
            if kb.conditional[q] {
                prop_assert_eq!(&kb.by_model[q], &by_model);
            } else {
                prop_assert!(kb.by_model[q].is_empty());
            }
            let mut one_pass = vec![[Reach::default(); 3]; kb.content.models.len()];
            let mut passed = Vec::new();
            kb::reaches_by_model(
                &by_model,
                kind,
                |e| ways.map(|way| way(holds(e), e.points)),
                |m, r| {
                    passed.push(m);
                    one_pass[m] = r;
                },
            );
            prop_assert!(passed.windows(2).all(|w| w[0] < w[1]), "models passed out of order or twice");
            for (m, reaches) in one_pass.iter().enumerate() {
                for (way, r) in ways.iter().zip(reaches) {
                    let expected = kb::model_reach(per_option, kind, m, |e| way(holds(e), e.points));
                    prop_assert_eq!(
                        *r, expected,
                        "question {} model {}", &kb.content.questions[q].1.id, &kb.content.models[m].id
                    );
                }
            }
            // Counting every effect, it is the reach the content was loaded with.
            let mut all = vec![Reach::default(); kb.content.models.len()];
            kb::reaches_by_model(&by_model, kind, |_| [true], |m, [r]| all[m] = r);
            prop_assert_eq!(&all, &kb.reach[q]);
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Confidence is one judgement that answering fewer questions can never raise: removing any one answer never
    /// gives a higher level.
    #[test]
    fn confidence_never_rises_when_an_answer_is_removed(masks in valid_masks()) {
        let kb = kb();
        let a = Answers::from_masks(kb, &masks);
        let before = engine::evaluate(kb, &a);
        for q in 0..kb.question_count() {
            if before.eff.sel[q] == 0 {
                continue;
            }
            let after = engine::evaluate(kb, &a.with_mask(q, 0));
            prop_assert!(
                after.confidence.level <= before.confidence.level,
                "removing the answer to {} raised confidence from {:?} to {:?}",
                &kb.content.questions[q].1.id, before.confidence.level, after.confidence.level
            );
        }
    }

    /// The order of models in the content decides nothing: with the models reversed, every layer ranks the same
    /// models in the same order (equal fits are ordered by id and reported as ties).
    #[test]
    fn content_order_changes_no_ranking(masks in valid_masks()) {
        let a = api::recommendation(kb(), &Answers::from_masks(kb(), &masks));
        let b = api::recommendation(&REVERSED, &Answers::from_masks(&REVERSED, &masks));
        let ids = |l: &[ModelResult]| l.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&a.arrangements), ids(&b.arrangements));
        prop_assert_eq!(ids(&a.vehicles), ids(&b.vehicles));
        prop_assert_eq!(ids(&a.payments), ids(&b.payments));
    }

    /// A new contract vehicle comes first only when it fits clearly better: its fit beats that of every model without
    /// a margin that is not ruled out (the NHS Standard Contract, no new contract) by at least the content's margin.
    #[test]
    fn a_new_vehicle_leads_only_by_a_clear_margin(masks in valid_masks()) {
        let rec = api::recommendation(kb(), &Answers::from_masks(kb(), &masks));
        let Some(a) = rec.vehicles.first() else { return Ok(()) };
        if a.margin == 0 || a.ruled_out {
            return Ok(());
        }
        prop_assert_eq!(a.margin, kb().new_vehicle_margin);
        for b in rec.vehicles.iter().filter(|b| b.margin == 0 && !b.ruled_out) {
            let lead = (i64::from(a.score) * b.fit_divisor - i64::from(b.score) * a.fit_divisor) * 100;
            prop_assert!(
                lead > i64::from(a.margin) * a.fit_divisor * b.fit_divisor,
                "{} ({}/{}) leads {} ({}/{}) by less than {} points of fit",
                &a.id, a.score, a.fit_divisor, &b.id, b.score, b.fit_divisor, a.margin
            );
        }
    }

    /// A new contract vehicle always says why its fit is placed lower, or why it is not (already in place); a model
    /// without a margin says why it is ranked before a new contract vehicle that fits the answers better, exactly
    /// when it is; each with its sources. No arrangement or payment rule has a margin.
    #[test]
    fn a_place_won_by_the_margin_is_said_in_words(masks in valid_masks()) {
        let rec = api::recommendation(kb(), &Answers::from_masks(kb(), &masks));
        for (i, m) in rec.vehicles.iter().enumerate() {
            let behind = m.margin == 0 && !m.ruled_out && rec.vehicles[i + 1..].iter().any(|b| {
                b.margin > 0 && !b.ruled_out
                    && i64::from(b.score) * m.fit_divisor > i64::from(m.score) * b.fit_divisor
            });
            let noted = behind || m.margin > 0 || m.in_place;
            prop_assert_eq!(m.margin_note.is_some(), noted, "{}: margin note", &m.id);
            prop_assert_eq!(m.margin_sources.is_empty(), !noted, "{}: margin sources", &m.id);
            if let (true, Some(note)) = (behind, &m.margin_note) {
                prop_assert!(note.contains(&format!("{} percentage points of fit", kb().new_vehicle_margin)), "{}", note);
            }
        }
        for m in rec.arrangements.iter().chain(&rec.payments) {
            prop_assert!(m.margin == 0 && m.margin_note.is_none(), "{}: no margin outside the vehicles", &m.id);
        }
    }

    /// A shared first place is always said in words, never settled silently.
    #[test]
    fn ties_are_reported(masks in valid_masks()) {
        let rec = api::recommendation(kb(), &Answers::from_masks(kb(), &masks));
        for (layer, list) in [("arrangement", &rec.arrangements), ("vehicle", &rec.vehicles), ("payment", &rec.payments)] {
            let (Some(a), Some(b)) = (list.first(), list.get(1)) else { continue };
            let level = !a.ruled_out && !b.ruled_out && a.fit != "unknown"
                && scaled(a) * b.fit_divisor == scaled(b) * a.fit_divisor;
            let reported = rec.ties.iter().any(|t| t.layer == layer && t.model_ids.contains(&a.id) && t.model_ids.contains(&b.id));
            prop_assert_eq!(level, reported, "{}: {} and {} level {} but reported {}", layer, &a.id, &b.id, level, reported);
        }
    }
}

proptest! {
    #![proptest_config(config(32))]

    /// Every what-if change, applied, really puts its new leader first, ahead of every other model (not level).
    #[test]
    fn what_if_changes_do_what_they_say(masks in valid_masks()) {
        let kb = kb();
        let a = Answers::from_masks(kb, &masks);
        let eval = engine::evaluate(kb, &a);
        for change in whatif::what_would_change(kb, &a, &eval, 4) {
            prop_assert!(!change.steps.is_empty() && change.steps.len() <= whatif::MAX_STEPS);
            let mut changed = a.clone();
            for step in &change.steps {
                prop_assert_eq!(a.effective(kb).sel[step.question], step.from);
                changed = changed.with_mask(step.question, step.to);
            }
            let after = engine::evaluate(kb, &changed);
            prop_assert_eq!(after.layer(change.layer).order.first(), Some(&change.new_leader));
            prop_assert_ne!(change.new_leader, change.old_leader);
            // A lead, not a tie settled by the order of ids, and one an answer speaks to.
            prop_assert!(after.layer(change.layer).tied.is_empty());
            let new = after.score(change.new_leader).unwrap();
            prop_assert!(new.tally.touched && !new.tally.ruled_out);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// (f) Saving to a file and to a link and reading back gives the same answers in force.
    #[test]
    fn file_and_link_round_trip(masks in valid_masks()) {
        let kb = kb();
        let a = Answers::from_masks(kb, &masks);
        let raw = a.to_raw(kb);

        let file = saved::write_file(kb, &a);
        let (from_file, notes) = saved::read_file(kb, &file)
            .map_err(|e| TestCaseError::fail(format!("written file refused: {e:?}\n{file}")))?;
        prop_assert_eq!(&from_file.to_raw(kb), &raw);
        prop_assert!(notes.is_empty(), "notes on a fresh file: {:?}", notes);

        let link = saved::write_link(kb, &a);
        prop_assert!(link.len() <= saved::MAX_LINK_CHARS);
        let (from_link, _) = saved::read_link(kb, &link)
            .map_err(|e| TestCaseError::fail(format!("written link refused: {e:?}\n{link}")))?;
        prop_assert_eq!(&from_link.to_raw(kb), &raw);
        // Writing what was read gives the same text again.
        prop_assert_eq!(saved::write_link(kb, &from_link), link);
        prop_assert_eq!(saved::write_file(kb, &from_file), file);
    }

    /// (g) Any text at all, as a file or a link: an answer or errors, never a panic; errors always say something.
    #[test]
    fn any_text_is_read_without_panic(text in "\\PC{0,200}") {
        for result in [saved::read_file(kb(), &text), saved::read_link(kb(), &text)] {
            if let Err(errors) = result {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|e| !e.message().is_empty()));
            }
        }
    }

    /// (g) Link-like text with a valid checksum reaches the decoder: answers or errors, never a panic.
    #[test]
    fn link_like_text_is_read_without_panic(body in link_body(), tag in prop_oneof![4 => Just("a1".to_owned()), 1 => "[a-z0-9]{0,3}"]) {
        let link = with_checksum(&format!("{tag}.{body}"));
        if let Ok((answers, _)) = saved::read_link(kb(), &link) {
            // Whatever was accepted can be shared again and reads back the same.
            let again = saved::write_link(kb(), &answers);
            let (back, _) = saved::read_link(kb(), &again).expect("a written link reads back");
            prop_assert_eq!(back, answers);
        }
    }

    /// (g) JSON-like text in the answers-file envelope: answers or errors, never a panic.
    #[test]
    fn json_like_files_are_read_without_panic(answers in json_value()) {
        let text = format!(
            "{{\"format\": \"{}\", \"version\": 1, \"answers\": {answers}}}",
            saved::FILE_FORMAT
        );
        if let Ok((a, _)) = saved::read_file(kb(), &text) {
            let (back, _) = saved::read_file(kb(), &saved::write_file(kb(), &a)).expect("reads back");
            prop_assert_eq!(back, a);
        }
    }

    /// (g) Arbitrary answers keyed by id: accepted exactly as given, or refused with errors; never a panic.
    #[test]
    fn raw_answers_are_accepted_whole_or_refused(raw in raw_answers()) {
        match Answers::from_raw(kb(), &raw) {
            Ok((answers, _)) => {
                // Nothing given is dropped and nothing is added.
                prop_assert_eq!(normalise(&answers.to_raw(kb())), normalise(&raw));
                let (again, _) = Answers::from_raw(kb(), &answers.to_raw(kb())).expect("to_raw is accepted");
                prop_assert_eq!(again, answers);
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    /// Any masks at all (the engine fuzz target's input): evaluation, what-if and save/share never panic.
    #[test]
    fn any_masks_never_panic(masks in any_masks()) {
        let kb = kb();
        let a = Answers::from_masks(kb, &masks);
        let eval = engine::evaluate(kb, &a);
        let _ = whatif::what_would_change(kb, &a, &eval, 4);
        let _ = saved::write_file(kb, &a);
        let _ = saved::write_link(kb, &a);
    }
}

/// A link body with its checksum appended, as the advisor writes it.
fn with_checksum(body: &str) -> String {
    format!("{body}.{}", saved::checksum(body))
}

#[test]
fn a_written_link_ends_with_the_checksum_of_its_body() {
    let kb = kb();
    let a = Answers::from_masks(kb, &[0b10, 1]);
    let link = saved::write_link(kb, &a);
    let (body, _) = link.rsplit_once('.').expect("a checksum part");
    assert_eq!(with_checksum(body), link);
}

/// The middle of a share link: items made of real question and option keys, with some noise.
fn link_body() -> impl Strategy<Value = String> {
    let questions: Vec<(String, Vec<String>)> = kb()
        .content
        .questions
        .iter()
        .map(|(_, q)| {
            (
                q.key.clone(),
                q.options.iter().map(|o| o.key.clone()).collect(),
            )
        })
        .collect();
    let item = prop_oneof![
        6 => proptest::sample::select(questions).prop_flat_map(|(key, options)| {
            proptest::collection::vec(proptest::sample::select(options), 0..4)
                .prop_map(move |opts| format!("{key}{}", opts.concat()))
        }),
        1 => "[a-z0-9]{0,5}",
    ];
    prop_oneof![
        6 => proptest::collection::vec(item, 0..8).prop_map(|items| items.join("-")),
        1 => "[a-z0-9-]{0,40}",
    ]
}

/// Option-id sets per question, so that `"x"`, `["x"]` and list order compare equal.
fn normalise(raw: &RawAnswers) -> BTreeMap<String, BTreeSet<String>> {
    raw.iter()
        .map(|(k, v)| {
            let ids = match v {
                RawAnswer::One(s) => BTreeSet::from([s.clone()]),
                RawAnswer::Many(vs) => vs.iter().cloned().collect(),
            };
            (k.clone(), ids)
        })
        .collect()
}

fn question_ids() -> Vec<String> {
    kb().content
        .questions
        .iter()
        .map(|(_, q)| q.id.clone())
        .collect()
}

/// An id: mostly a real question or option id, sometimes anything.
fn id_from(real: Vec<String>) -> BoxedStrategy<String> {
    prop_oneof![
        6 => proptest::sample::select(real),
        1 => "\\PC{0,12}",
    ]
    .boxed()
}

/// One answer entry: a question id and option ids, usually the question's own options.
fn raw_entry() -> impl Strategy<Value = (String, RawAnswer)> {
    id_from(question_ids()).prop_flat_map(|qid| {
        let own: Vec<String> = kb()
            .question_index(&qid)
            .and_then(|i| kb().question(i))
            .map(|q| q.options.iter().map(|o| o.id.clone()).collect())
            .unwrap_or_else(|| vec!["pathway".to_owned()]);
        let opt = id_from(own);
        let value = prop_oneof![
            opt.clone().prop_map(RawAnswer::One),
            proptest::collection::vec(opt, 0..4).prop_map(RawAnswer::Many),
        ];
        (Just(qid), value)
    })
}

fn raw_answers() -> impl Strategy<Value = RawAnswers> {
    proptest::collection::vec(raw_entry(), 0..8).prop_map(|entries| entries.into_iter().collect())
}

/// JSON text for the `answers` field: answers keyed by id, or any JSON value made of ids, strings, numbers and
/// lists.
fn json_value() -> impl Strategy<Value = String> {
    prop_oneof![
        raw_answers().prop_map(|r| serde_json::to_string(&r).expect("serialise")),
        any_json(),
    ]
}

fn any_json() -> impl Strategy<Value = String> {
    let ids: Vec<String> = kb()
        .content
        .questions
        .iter()
        .flat_map(|(_, q)| {
            std::iter::once(q.id.clone()).chain(q.options.iter().map(|o| o.id.clone()))
        })
        .collect();
    let leaf = prop_oneof![
        4 => proptest::sample::select(ids).prop_map(serde_json::Value::String),
        1 => "\\PC{0,8}".prop_map(serde_json::Value::String),
        1 => any::<i64>().prop_map(serde_json::Value::from),
        1 => any::<bool>().prop_map(serde_json::Value::Bool),
        1 => Just(serde_json::Value::Null),
    ];
    let value = leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(proptest::sample::select(question_ids()), inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    value.prop_map(|v| v.to_string())
}

proptest! {
    #![proptest_config(config(64))]

    /// Answering the current question and moving to the next one never moves the progress indicator backwards.
    #[test]
    fn progress_never_moves_backwards(masks in valid_masks()) {
        let kb = kb();
        let mut answers = Answers::new(kb);
        let mut shown = 0f64;
        let mut current = answers.effective(kb).first_unanswered();
        while let Some(qi) = current {
            let id = &kb.content.questions[qi].1.id;
            let view = api::question_view(kb, &answers, id).unwrap();
            let fraction = view.number as f64 / view.total as f64;
            prop_assert!(fraction >= shown, "progress fell from {} to {} at {}", shown, fraction, id);
            prop_assert!(view.number <= view.total);
            shown = fraction;
            let mask = if masks[qi] == 0 { 1 } else { masks[qi] };
            answers = answers.with_mask(qi, mask);
            current = answers.effective(kb).next(qi);
        }
    }
}

/// Answers to single-choice questions, as (question id, option id).
fn single(pairs: &[(&str, &str)]) -> RawAnswers {
    pairs
        .iter()
        .map(|(q, a)| ((*q).to_owned(), RawAnswer::One((*a).to_owned())))
        .collect()
}

/// The recommendation for answers that must load with no notes.
fn recommend(raw: &RawAnswers) -> api::Recommendation {
    let (answers, notes) = Answers::from_raw(kb(), raw).expect("answers load");
    assert!(notes.is_empty(), "{notes:?}");
    api::recommendation(kb(), &answers)
}

/// One ranked model of a list, by id.
fn model(list: &[ModelResult], id: &str) -> ModelResult {
    list.iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("{id} is ranked"))
        .clone()
}

/// The points the content gives `model` for `option` of `question` (its first effect on that model).
fn content_points(question: &str, option: &str, model: &str) -> i32 {
    let kb = kb();
    kb.question_index(question)
        .and_then(|i| kb.question(i))
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .and_then(|o| o.effects.iter().find(|e| e.model == model))
        .map(|e| e.points)
        .unwrap_or_else(|| panic!("{question} {option} has no effect on {model}"))
}

/// The points one question's answers give a model, counted for or against it.
fn points_from(m: &ModelResult, question: &str) -> i32 {
    m.reasons
        .iter()
        .chain(&m.concerns)
        .filter(|c| c.question_id == question)
        .map(|c| c.points)
        .sum()
}

/// A situation with no case for change: the contract is not a barrier, relational work is making progress, and the
/// problem is hand-offs; a provider that the others accept could lead.
fn no_case_for_change() -> RawAnswers {
    serde_json::from_value(serde_json::json!({
        "q-commissioner": "icb",
        "q-problem": ["handoffs"],
        "q-tried-relational": "some-progress",
        "q-contract-barrier": "no",
        "q-main-ambition": "streamline",
        "q-segment": "needs-group",
        "q-provider-count": "few",
        "q-relationships": "working",
        "q-natural-lead": "accepted-lead",
        "q-lead-type": "nhs-trust"
    }))
    .unwrap()
}

/// The case for change decides whether a new contract vehicle's supporting answers count, and nothing else: with it
/// they all count; without it none does, and each is still listed; the decisive conditions and everything against
/// the vehicle count either way.
#[test]
fn a_new_vehicles_supporting_answers_wait_for_a_case_for_change() {
    let kb = kb();
    let mut raw = no_case_for_change();
    let rec = |raw: &RawAnswers| {
        let (answers, notes) = Answers::from_raw(kb, raw).expect("valid answers");
        assert!(notes.is_empty(), "{notes:?}");
        api::recommendation(kb, &answers)
    };
    let lead = |r: &api::Recommendation| {
        r.vehicles
            .iter()
            .find(|m| m.id == "lead-provider")
            .cloned()
            .unwrap()
    };
    let without = lead(&rec(&raw));
    assert!(!without.withheld.is_empty(), "nothing held back");
    assert!(without.withheld_note.is_some());
    assert!(without.basis.contains("not counted"), "{}", without.basis);
    // Its decisive condition (an accepted lead, 6 points) still counts.
    assert!(
        without
            .reasons
            .iter()
            .any(|c| c.question_id == "q-natural-lead" && c.points >= 4),
        "{:?}",
        without.reasons
    );
    assert!(without.reasons.iter().all(|c| c.points >= 4));
    // The standard contract never waits for a case.
    assert!(rec(&raw)
        .vehicles
        .iter()
        .filter(|m| m.id == "standard-contract" || m.id == "no-new-contract")
        .all(|m| m.withheld.is_empty()));

    // The same situation, but relational work is stuck: a case for change, so every held-back answer counts.
    raw.insert(
        "q-tried-relational".to_owned(),
        RawAnswer::One("stuck".to_owned()),
    );
    let with = lead(&rec(&raw));
    assert!(with.withheld.is_empty() && with.withheld_note.is_none());
    let unchanged =
        |c: &&contract_advisor::api::ContributionView| c.question_id != "q-tried-relational";
    for c in without.withheld.iter().filter(unchanged) {
        assert!(
            with.reasons
                .iter()
                .any(|r| r.question_id == c.question_id && r.option_id == c.option_id),
            "{}={} did not count once the case was made",
            c.question_id,
            c.option_id
        );
    }
    let held: i32 = without
        .withheld
        .iter()
        .filter(unchanged)
        .map(|c| c.points)
        .sum();
    let stuck_effect = |m: &ModelResult| points_from(m, "q-tried-relational");
    assert_eq!(
        with.score,
        without.score + held - stuck_effect(&without) + stuck_effect(&with),
        "the score rises by exactly the answers held back (and the changed answer's own effect)"
    );
}

/// A provider's offer to hold the budget makes the case for a new vehicle only together with the providers' consent
/// to be its sub-contractors: either alone leaves the supporting answers held back. The case is one judgement for
/// every new contract vehicle, so it releases an alliance's supporting answers as it does a lead provider's.
#[test]
fn an_offer_to_hold_the_budget_makes_the_case_only_with_sub_contractors_willing() {
    let held_back = |offer: &str, subcontract: &str| {
        let mut raw = no_case_for_change();
        raw.insert(
            "q-provider-offer".to_owned(),
            RawAnswer::One(offer.to_owned()),
        );
        raw.insert(
            "q-subcontract-accept".to_owned(),
            RawAnswer::One(subcontract.to_owned()),
        );
        let rec = recommend(&raw);
        let held = |id: &str| {
            let m = model(&rec.vehicles, id);
            (m.withheld.len(), m.withheld_note.is_some())
        };
        // The situation gives an alliance supporting answers too (a needs group, a few providers), so the case
        // decides for both.
        assert_eq!(held("lead-provider").0 == 0, held("alliance").0 == 0);
        held("lead-provider")
    };
    assert_eq!(held_back("yes", "yes"), (0, false));
    for (offer, subcontract) in [
        ("yes", "not-asked"),
        ("yes", "refused"),
        ("no", "yes"),
        ("not-sure", "yes"),
    ] {
        let (n, noted) = held_back(offer, subcontract);
        assert!(n > 0 && noted, "{offer}/{subcontract}: nothing held back");
    }
}

/// NHS England's answer on delegation decides its arrangement: a service it keeps is its own to commission (health
/// and justice services, specialised services not delegated), one it hands on in this decision is delegation, one it
/// will hand on later is still its own to commission now, and one already delegated is commissioned by the body
/// that holds it; before the follow-up is answered, being NHS England leans towards delegation without settling it.
#[test]
fn whether_nhs_england_keeps_a_service_decides_single_or_delegated_commissioning() {
    let leader = |delegation: Option<&str>| {
        let mut raw: RawAnswers = BTreeMap::new();
        raw.insert(
            "q-commissioner".into(),
            RawAnswer::One("nhse-specialised".into()),
        );
        if let Some(d) = delegation {
            raw.insert("q-nhse-delegation".into(), RawAnswer::One(d.into()));
        }
        recommend(&raw).arrangements[0].id.clone()
    };
    assert_eq!(leader(Some("keeping")), "single-commissioner");
    assert_eq!(leader(Some("delegating")), "delegated-commissioning");
    // A handover planned for later leaves this decision with NHS England.
    assert_eq!(leader(Some("later")), "single-commissioner");
    // Once the service has been delegated, the body that now holds it commissions it itself.
    assert_eq!(leader(Some("delegated")), "single-commissioner");
    assert_eq!(leader(None), "delegated-commissioning");
    // The follow-up is asked only of NHS England.
    let mut raw: RawAnswers = BTreeMap::new();
    raw.insert("q-commissioner".into(), RawAnswer::One("icb".into()));
    raw.insert("q-nhse-delegation".into(), RawAnswer::One("keeping".into()));
    assert!(
        Answers::from_raw(kb(), &raw).is_err(),
        "an answer to a hidden question is refused"
    );
}

/// Several councils commissioning together are asked whether one would commission for the others, as several
/// integrated care boards are: one that does, or has offered to, leads to a lead commissioner, each keeping its own
/// contracts to joint commissioning, and one council on its own to a single commissioner, which is not asked.
#[test]
fn several_councils_are_asked_about_lead_commissioning_and_one_council_is_not() {
    let leader = |pairs: &[(&str, &str)]| recommend(&single(pairs)).arrangements[0].id.clone();
    let councils = ("q-commissioner", "several-councils");
    assert_eq!(
        leader(&[councils, ("q-lead-commissioning", "one-for-all")]),
        "lead-commissioner"
    );
    assert_eq!(
        leader(&[councils, ("q-lead-commissioning", "each-own")]),
        "joint-commissioning"
    );
    assert_eq!(
        leader(&[("q-commissioner", "council")]),
        "single-commissioner"
    );
    let one_council = single(&[
        ("q-commissioner", "council"),
        ("q-lead-commissioning", "one-for-all"),
    ]);
    assert!(
        Answers::from_raw(kb(), &one_council).is_err(),
        "one council is not asked whether it would commission for others"
    );
}

/// A provider offering to lead that is failing its own contracts is kept out of "may suit you" as a lead provider,
/// with the reason; one that meets them is not.
#[test]
fn a_lead_that_is_failing_its_own_contracts_rules_out_the_lead_provider() {
    let lead = |performing: &str| {
        let raw = single(&[
            ("q-provider-count", "few"),
            ("q-natural-lead", "accepted-lead"),
            ("q-lead-type", "nhs-trust"),
            ("q-lead-performing", performing),
        ]);
        model(&recommend(&raw).vehicles, "lead-provider")
    };
    let failing = lead("no");
    assert_eq!(failing.fit, "ruled-out");
    assert!(failing
        .concerns
        .iter()
        .any(|c| c.why.contains("not a safe holder")));
    assert_ne!(lead("yes").fit, "ruled-out");
}

/// A provider the service depends on that refuses to be sub-contracted keeps the vehicles that work through
/// sub-contracts (a prime contractor, a lead provider) out of "may suit you", each with the refusal as its reason,
/// and counts for keeping direct contracts and for an alliance, where no one is sub-contracted; providers that
/// accept it rule nothing out.
#[test]
fn a_provider_refusing_to_be_sub_contracted_rules_out_prime_and_lead() {
    let vehicles = |accept: &str| {
        let raw = single(&[
            ("q-provider-count", "many"),
            ("q-natural-lead", "not-sure"),
            ("q-subcontract-accept", accept),
        ]);
        recommend(&raw).vehicles
    };
    let refused = vehicles("refused");
    for id in ["prime-contractor", "lead-provider"] {
        let m = model(&refused, id);
        assert_eq!(m.fit, "ruled-out", "{id}");
        assert!(
            m.concerns
                .iter()
                .any(|c| c.question_id == "q-subcontract-accept" && c.serious),
            "{id}: {:?}",
            m.concerns
        );
    }
    for id in ["alliance", "standard-contract"] {
        let m = model(&refused, id);
        assert!(
            m.reasons
                .iter()
                .chain(&m.withheld)
                .any(|c| c.question_id == "q-subcontract-accept" && c.points > 0),
            "{id} gains nothing from the refusal"
        );
    }
    let accepted = vehicles("yes");
    for id in ["prime-contractor", "lead-provider"] {
        assert_ne!(model(&accepted, id).fit, "ruled-out", "{id}");
    }
}

/// A contract vehicle that today's contract already is needs no set-up: answering that a lead provider holds the
/// contract takes the new-vehicle margin off the lead provider and lets its supporting answers count without a case
/// for change, and says why; it adds no points of its own (it only lets a renewal count for the vehicle in place). When the holder is not meeting its contract, keeping it
/// is not on offer, and the lead provider is judged as a new vehicle again.
#[test]
fn a_vehicle_already_in_place_carries_no_margin_unless_its_holder_is_failing() {
    let lead = |current: Option<&str>, performing: Option<&str>| {
        let mut raw = no_case_for_change();
        raw.insert(
            "q-existing-service".into(),
            RawAnswer::One("existing".into()),
        );
        if let Some(c) = current {
            raw.insert("q-current-contract".into(), RawAnswer::One(c.into()));
        }
        if let Some(p) = performing {
            raw.insert("q-incumbent-performing".into(), RawAnswer::One(p.into()));
        }
        model(&recommend(&raw).vehicles, "lead-provider")
    };
    let separate = lead(Some("separate"), Some("yes"));
    assert!(
        separate.margin > 0,
        "a new lead provider carries the margin"
    );
    assert!(!separate.withheld.is_empty(), "its supporting answers wait");

    let kept = lead(Some("lead-holds"), Some("yes"));
    assert_eq!(kept.margin, 0, "a lead provider in place carries none");
    assert!(kept.withheld.is_empty(), "{:?}", kept.withheld);
    let held: i32 = separate.withheld.iter().map(|c| c.points).sum();
    assert_eq!(
        kept.score,
        separate.score + held,
        "the score rises by exactly the answers held back: the answer adds no points of its own"
    );
    // What it could reach differs only by a renewal, which counts for renewing the vehicle in place (and against a
    // new one): this user's problem is not a renewal, so the score is unchanged.
    assert!(
        kept.reachable > separate.reachable,
        "{} against {}",
        kept.reachable,
        separate.reachable
    );
    assert!(kept.basis.contains("already in place"), "{}", kept.basis);
    assert!(kept
        .margin_note
        .as_deref()
        .is_some_and(|n| n.contains("already this vehicle")));
    assert!(!separate.basis.contains("already in place"));

    // A holder that is failing its contract: back to a new vehicle.
    let failing = lead(Some("lead-holds"), Some("no"));
    assert!(failing.margin > 0);
    assert!(!failing.withheld.is_empty());
    assert!(!failing.basis.contains("already in place"));
    // Another vehicle in place does not lift the lead provider.
    let alliance = lead(Some("alliance"), Some("yes"));
    assert!(alliance.margin > 0 && !alliance.withheld.is_empty());
}

/// Keeping today's way of paying counts for activity-based or blended payment only where today's contracts and
/// payment rules do not get in the way: the same payment answer counts 4 points more with that answer, is recorded
/// as a reason citing it, and is not among the points that could count once a barrier is reported.
#[test]
fn keeping_todays_payment_counts_only_where_payment_rules_do_not_get_in_the_way() {
    for (today, rule) in [("activity", "activity-based"), ("blended", "blended")] {
        let paid = |barrier: &str| {
            let raw = single(&[
                ("q-contract-barrier", barrier),
                ("q-current-payment", today),
            ]);
            model(&recommend(&raw).payments, rule)
        };
        let keep = |m: &ModelResult| {
            m.reasons
                .iter()
                .filter(|c| {
                    c.question_id == "q-current-payment" && c.why.contains("get in the way")
                })
                .map(|c| c.points)
                .sum::<i32>()
        };
        let (no, yes, unsure) = (paid("no"), paid("yes-clearly"), paid("not-sure"));
        assert_eq!(keep(&no), 4, "{rule}: no barrier");
        assert_eq!(keep(&yes), 0, "{rule}: a clear barrier");
        assert_eq!(keep(&unsure), 0, "{rule}: not sure");
        // The barrier answer itself moves these models too; the conditional effect is the rest of the difference.
        let barrier_points = |m: &ModelResult| points_from(m, "q-contract-barrier");
        assert_eq!(
            no.score - barrier_points(&no),
            yes.score - barrier_points(&yes) + 4,
            "{rule}"
        );
        assert_eq!(
            no.reachable,
            yes.reachable + 4,
            "{rule}: the effect is not among the points that could count once its condition fails"
        );
    }
    // Block payment has no such effect: the barrier answer already counts for it.
    let block = |barrier: &str| {
        let raw = single(&[
            ("q-contract-barrier", barrier),
            ("q-current-payment", "fixed"),
        ]);
        model(&recommend(&raw).payments, "block")
            .reasons
            .iter()
            .filter(|c| c.question_id == "q-current-payment")
            .count()
    };
    assert_eq!(block("no"), block("yes-clearly"));
}

/// While the answer a conditional effect waits on is still to come, the effect is not counted.
#[test]
fn a_conditional_effect_waits_for_the_answer_it_depends_on() {
    let raw = single(&[("q-current-payment", "activity")]);
    let open = model(&recommend(&raw).payments, "activity-based");
    assert!(
        !open
            .reasons
            .iter()
            .any(|c| c.why.contains("get in the way")),
        "counted before the barrier question is answered"
    );
}

/// Boards that hold a service NHS England has already delegated are asked whether one of them commissions it for
/// the others: a host board that does leads to a lead commissioner; one body holding it alone leaves the single
/// commissioner first; a service NHS England keeps, or is still handing on, is not asked.
#[test]
fn an_already_delegated_service_is_asked_whether_a_host_board_commissions_for_the_others() {
    let delegated = |lead: &str| {
        recommend(&single(&[
            ("q-commissioner", "nhse-specialised"),
            ("q-nhse-delegation", "delegated"),
            ("q-lead-commissioning", lead),
        ]))
        .arrangements[0]
            .id
            .clone()
    };
    assert_eq!(delegated("one-for-all"), "lead-commissioner");
    assert_eq!(delegated("one-holder"), "single-commissioner");
    assert_ne!(delegated("each-own"), "lead-commissioner");
    for not_asked in ["keeping", "delegating", "later", "jointly", "not-sure"] {
        let raw = single(&[
            ("q-commissioner", "nhse-specialised"),
            ("q-nhse-delegation", not_asked),
            ("q-lead-commissioning", "one-for-all"),
        ]);
        assert!(
            Answers::from_raw(kb(), &raw).is_err(),
            "{not_asked}: the follow-up is not asked"
        );
    }
}

/// Care that is mostly or wholly social care or other support counts for keeping and varying what is held (no new
/// contract) only where the user says what is needed could be done under a contract or agreement already held: not
/// where it needs a new contract (a new service, a provider leaving, a contract ended), and not for health care.
#[test]
fn social_care_counts_for_keeping_what_is_held_only_where_it_could_be_varied() {
    let share_points = |health_share: &str, within: &str| {
        let raw: RawAnswers = serde_json::from_value(serde_json::json!({
            "q-commissioner": "icb-council",
            "q-scope-services": ["social-care", "community"],
            "q-current-contract": "separate",
            "q-within-contract": within,
            "q-health-share": health_share
        }))
        .unwrap();
        points_from(
            &model(&recommend(&raw).vehicles, "no-new-contract"),
            "q-health-share",
        )
    };
    for share in ["mostly-other", "no-health"] {
        let held = content_points("q-health-share", share, "no-new-contract");
        assert!(held > 0, "{share}");
        assert_eq!(share_points(share, "within"), held, "{share}");
    }
    for within in ["new-contract", "not-sure"] {
        assert_eq!(share_points("mostly-other", within), 0, "{within}");
        assert_eq!(share_points("no-health", within), 0, "{within}");
    }
    assert_eq!(share_points("mostly-health", "within"), 0);
    assert_eq!(share_points("all-health", "within"), 0);
}

/// A locally agreed price per contact, attendance or test on the table counts for paying per unit of activity only
/// where a provider outside the NHS would be paid and the services are not paid per unit already (that answer counts
/// on its own), and a proposal of any other kind does not count.
#[test]
fn a_proposed_price_per_contact_counts_only_for_providers_outside_the_nhs_not_paid_so_today() {
    let proposal_points = |proposal: &[&str], kinds: &[&str], paid: &str| {
        let raw: RawAnswers = serde_json::from_value(serde_json::json!({
            "q-commissioner": "icb",
            "q-provider-kinds": kinds,
            "q-current-payment": paid,
            "q-payment-proposal": proposal
        }))
        .unwrap();
        points_from(
            &model(&recommend(&raw).payments, "activity-based"),
            "q-payment-proposal",
        )
    };
    let counted = content_points("q-payment-proposal", "per-contact", "activity-based");
    assert!(counted > 0);
    assert_eq!(
        proposal_points(&["per-contact"], &["independent"], "fixed"),
        counted
    );
    assert_eq!(
        proposal_points(
            &["per-contact", "outcome-share"],
            &["nhs", "vcs"],
            "blended"
        ),
        counted
    );
    // Paid per unit already: that answer counts for it, not the proposal again.
    assert_eq!(
        proposal_points(&["per-contact"], &["independent"], "activity"),
        0
    );
    // NHS trusts alone are paid under the Payment Scheme's other rules.
    assert_eq!(proposal_points(&["per-contact"], &["nhs"], "fixed"), 0);
    for other in ["episode", "outcome-share", "none", "not-sure"] {
        assert_eq!(
            proposal_points(&[other], &["independent"], "fixed"),
            0,
            "{other}"
        );
    }
}
