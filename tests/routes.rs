//! The procurement route against the route test table (`tests/routes/table.json`), written from the Regulations
//! before the code, and invariants over random answer sets: no two statements contradict each other, and nothing
//! is stated that the answers do not give.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use std::collections::BTreeMap;

use contract_advisor::api::{recommendation, ProcurementView};
use contract_advisor::concordance::Rng;
use contract_advisor::{Answers, Kb, RawAnswer, RawAnswers};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    situations: Vec<Situation>,
}

#[derive(Deserialize)]
struct Situation {
    id: String,
    situation: String,
    answers: BTreeMap<String, Vec<String>>,
    expect: Expect,
    rests_on: String,
}

#[derive(Deserialize)]
struct Expect {
    scope: String,
    elements: BTreeMap<String, ExpectElement>,
}

#[derive(Deserialize, PartialEq, Debug)]
struct ExpectElement {
    required: Option<String>,
    open: Vec<String>,
    unsettled: Vec<String>,
}

fn kb() -> Kb {
    Kb::embedded().expect("the embedded content loads")
}

fn procurement(kb: &Kb, answers: &BTreeMap<String, Vec<String>>) -> Option<ProcurementView> {
    let raw: RawAnswers = answers
        .iter()
        .map(|(q, v)| (q.clone(), RawAnswer::Many(v.clone())))
        .collect();
    let (answers, _) =
        Answers::from_raw(kb, &raw).unwrap_or_else(|e| panic!("answers load: {e:?}"));
    recommendation(kb, &answers).procurement
}

fn table() -> Table {
    serde_json::from_str(include_str!("routes/table.json")).expect("the route table parses")
}

#[test]
fn the_route_table_has_at_least_25_situations_each_resting_on_a_rule() {
    let t = table();
    assert!(
        t.situations.len() >= 25,
        "{} situations",
        t.situations.len()
    );
    for s in &t.situations {
        assert!(
            !s.rests_on.trim().is_empty() && !s.situation.trim().is_empty(),
            "{}",
            s.id
        );
    }
}

#[test]
fn every_situation_in_the_route_table_gets_its_expected_route() {
    let kb = kb();
    let mut failures = Vec::new();
    for s in table().situations {
        let Some(p) = procurement(&kb, &s.answers) else {
            failures.push(format!("{}: no procurement advice", s.id));
            continue;
        };
        if p.scope.id != s.expect.scope {
            failures.push(format!(
                "{}: scope {} (expected {})",
                s.id, p.scope.id, s.expect.scope
            ));
        }
        let got: BTreeMap<String, ExpectElement> = p
            .elements
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    ExpectElement {
                        required: e.required.clone(),
                        open: e.open.clone(),
                        unsettled: e.unsettled.clone(),
                    },
                )
            })
            .collect();
        if got != s.expect.elements {
            failures.push(format!(
                "{}: got {:?}\n   expected {:?}\n   ({})",
                s.id, got, s.expect.elements, s.rests_on
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the route table fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The statements the old rules made that the answers did not support, or that contradicted each other.
#[test]
fn findings_of_the_review_stay_fixed() {
    let kb = kb();
    let text = |answers: &[(&str, &[&str])]| -> String {
        let a = answers
            .iter()
            .map(|(q, v)| (q.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect();
        serde_json::to_string(&procurement(&kb, &a).expect("advice")).expect("json")
    };
    // A new service, and an unanswered change question: never "much the same as today's".
    let new = text(&[("q-existing-service", &["new"])]);
    assert!(!new.contains("much the same"), "{new}");
    let unanswered = text(&[
        ("q-existing-service", &["existing"]),
        ("q-incumbent-performing", &["yes"]),
    ]);
    assert!(!unanswered.contains("much the same"), "{unanswered}");
    // No default.
    for t in [&new, &unanswered] {
        assert!(!t.contains("competitive process is the default"), "{t}");
        assert!(
            t.contains("No process is the default: choose one and record why."),
            "{t}"
        );
    }
    // A £500,000 rise alone is not the threshold.
    let glossary = kb
        .content
        .glossary
        .iter()
        .find(|g| g.id == "considerable-change")
        .expect("glossary entry");
    assert!(glossary.definition.contains("25%"));
    // Dental services are not said to be outside the regime.
    let all = serde_json::to_string(
        &kb.content
            .psr
            .notes
            .iter()
            .map(|n| &n.text)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    assert!(!all.contains("dental, pharmaceutical and ophthalmic services are outside"));
}

#[test]
fn over_random_answers_no_two_statements_contradict_and_none_outruns_the_answers() {
    let kb = kb();
    let procurement_qs: Vec<usize> = (0..kb.question_count())
        .filter(|i| {
            let id = &kb.question(*i).unwrap().id;
            [
                "q-existing-service",
                "q-only-capable",
                "q-patient-choice",
                "q-choice-proposed",
                "q-incumbent-performing",
                "q-change-size",
                "q-value-rise-amount",
                "q-value-rise-share",
                "q-change-decision",
                "q-health-share",
                "q-scope-services",
                "q-gaps",
                "q-missing-provision",
                "q-natural-lead",
            ]
            .contains(&id.as_str())
        })
        .collect();
    // The project's own deterministic generator: the same answer sets every run.
    let mut rng = Rng::new(7);
    let mut seen = 0;
    for _ in 0..4000 {
        let mut answers = Answers::new(&kb);
        for &q in &procurement_qs {
            let question = kb.question(q).unwrap();
            let n = question.options.len();
            let pick = rng.below(n + 1);
            if pick < n {
                answers = answers.with_mask(q, 1 << pick);
            }
        }
        let rec = recommendation(&kb, &answers);
        let Some(p) = rec.procurement else { continue };
        seen += 1;
        let eff = answers.effective(&kb);
        let answered = |id: &str, opt: &str| {
            let qi = kb.question_index(id).unwrap();
            let q = kb.question(qi).unwrap();
            let oi = q.options.iter().position(|o| o.id == opt).unwrap();
            eff.sel[qi] & (1 << oi) != 0
        };
        if p.scope.id == "outside" {
            assert!(
                p.elements.is_empty(),
                "outside the regime, yet processes: {p:?}"
            );
        }
        for e in &p.elements {
            let required: Vec<_> = e.steps.iter().filter(|s| s.status == "required").collect();
            assert!(required.len() <= 1, "two processes required: {e:?}");
            if !required.is_empty() {
                assert!(
                    e.open.is_empty(),
                    "a required process beside open ones: {e:?}"
                );
            } else {
                assert!(!e.open.is_empty(), "no process open at all: {e:?}");
            }
            for s in &e.steps {
                if s.route.id == "direct-award-c" && s.status == "open" {
                    assert!(
                        answered("q-incumbent-performing", "yes"),
                        "C open without a performing provider"
                    );
                    assert!(
                        answered("q-change-size", "similar")
                            || answered("q-change-size", "value-up"),
                        "C open without the change question answered"
                    );
                }
                if s.route.id == "direct-award-b" && s.status == "required" {
                    assert!(
                        answered("q-choice-proposed", "yes"),
                        "B required without the proposed arrangement"
                    );
                }
                if s.route.id == "direct-award-a" && s.status == "required" {
                    assert_eq!(e.id, "existing", "A for a new element");
                    assert!(answered("q-only-capable", "yes"));
                }
                if s.because.contains("much the same as today") {
                    assert!(
                        answered("q-change-size", "similar"),
                        "'much the same' unsupported: {s:?}"
                    );
                }
            }
            if let Some(t) = &e.threshold {
                if t.because.contains("much the same as today") {
                    assert!(answered("q-change-size", "similar"));
                }
            }
            if e.verdict.contains("must be used") {
                assert!(e.required.is_some() || !e.unsettled.is_empty(), "{e:?}");
            }
        }
    }
    assert!(
        seen > 1000,
        "only {seen} answer sets reached the procurement advice"
    );
}
