//! Data-driven scenarios: every `tests/scenarios/*.json` file is a situation in words, the answers a commissioner
//! in that situation would give, and what the advice must contain. One `check` runs them all and prints the
//! suite's concordance (also printed by `scripts/concordance`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests"
)]

use std::collections::BTreeSet;
use std::path::Path;

use contract_advisor::api::{recommendation, Recommendation};
use contract_advisor::{Answers, Kb, RawAnswers};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    situation: String,
    sources: Vec<String>,
    answers: RawAnswers,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// Vehicles acceptable as the leader.
    leader: Vec<String>,
    /// Payment rules acceptable as the leading payment rule.
    #[serde(default)]
    payment_leader: Vec<String>,
    /// Models that must be in the top three of their layer.
    #[serde(default)]
    top3: Vec<String>,
    /// Concerns that must be shown.
    #[serde(default)]
    concerns: Vec<ConcernExpect>,
    /// Red flags that must be raised for a model.
    #[serde(default)]
    red_flags: Vec<FlagExpect>,
    /// Readiness gaps that must be shown.
    #[serde(default)]
    gaps: Vec<GapExpect>,
    /// The procurement route.
    #[serde(default)]
    route: Option<String>,
    /// Whether the considerable-change threshold is likely met.
    #[serde(default)]
    considerable_change: Option<bool>,
    /// Cases the answers must resemble.
    #[serde(default)]
    cases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConcernExpect {
    model: String,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    serious: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagExpect {
    model: String,
    flag: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GapExpect {
    model: String,
    /// A skill id, or "time" or "cost".
    what: String,
}

#[derive(Default)]
struct Outcome {
    leader_ok: bool,
    top3_ok: bool,
    concerns_ok: bool,
    failures: Vec<String>,
}

fn model<'a>(rec: &'a Recommendation, id: &str) -> Option<&'a contract_advisor::api::ModelResult> {
    rec.vehicles
        .iter()
        .chain(&rec.payments)
        .find(|m| m.id == id)
}

fn check(kb: &Kb, s: &Scenario) -> Outcome {
    let mut out = Outcome::default();
    let (answers, _) = match Answers::from_raw(kb, &s.answers) {
        Ok(a) => a,
        Err(errors) => {
            out.failures
                .extend(errors.iter().map(|e| format!("answers rejected: {e}")));
            return out;
        }
    };
    let rec = recommendation(kb, &answers);
    let e = &s.expect;
    let leader = rec
        .vehicles
        .first()
        .map(|m| m.id.clone())
        .unwrap_or_default();
    out.leader_ok = e.leader.contains(&leader);
    if !out.leader_ok {
        let ranked: Vec<String> = rec
            .vehicles
            .iter()
            .take(4)
            .map(|m| format!("{} {}", m.id, m.score))
            .collect();
        out.failures.push(format!(
            "leader is {leader}, expected one of {:?} (ranking: {})",
            e.leader,
            ranked.join(", ")
        ));
    }
    if !e.payment_leader.is_empty() {
        let p = rec
            .payments
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default();
        if !e.payment_leader.contains(&p) {
            out.leader_ok = false;
            let ranked: Vec<String> = rec
                .payments
                .iter()
                .take(4)
                .map(|m| format!("{} {}", m.id, m.score))
                .collect();
            out.failures.push(format!(
                "payment leader is {p}, expected one of {:?} (ranking: {})",
                e.payment_leader,
                ranked.join(", ")
            ));
        }
    }
    out.top3_ok = true;
    for id in &e.top3 {
        match model(&rec, id) {
            Some(m) if m.rank <= 3 => {}
            Some(m) => {
                out.top3_ok = false;
                out.failures.push(format!(
                    "{id} is ranked {} (score {}), expected in the top three",
                    m.rank, m.score
                ));
            }
            None => out.failures.push(format!("unknown model {id}")),
        }
    }
    out.concerns_ok = true;
    let fail_concern = |out: &mut Outcome, msg: String| {
        out.concerns_ok = false;
        out.failures.push(msg);
    };
    for c in &e.concerns {
        let Some(m) = model(&rec, &c.model) else {
            fail_concern(&mut out, format!("unknown model {}", c.model));
            continue;
        };
        let found = m.concerns.iter().any(|x| {
            c.question.as_ref().is_none_or(|q| &x.question_id == q) && (!c.serious || x.serious)
        });
        if !found {
            fail_concern(
                &mut out,
                format!(
                    "no concern on {} from {:?} (serious: {})",
                    c.model, c.question, c.serious
                ),
            );
        }
    }
    for f in &e.red_flags {
        let found =
            model(&rec, &f.model).is_some_and(|m| m.red_flags.iter().any(|x| x.id == f.flag));
        if !found {
            fail_concern(
                &mut out,
                format!("red flag {} not raised on {}", f.flag, f.model),
            );
        }
    }
    for g in &e.gaps {
        let found = model(&rec, &g.model).is_some_and(|m| {
            let r = &m.readiness;
            match g.what.as_str() {
                "time" => r.time_status == "gap",
                "cost" => r.cost_status == "gap",
                skill => r.skills.iter().any(|s| s.id == skill && s.status == "gap"),
            }
        });
        if !found {
            fail_concern(&mut out, format!("no {} gap shown for {}", g.what, g.model));
        }
    }
    if let Some(route) = &e.route {
        let got = rec
            .procurement
            .as_ref()
            .map(|p| p.route_id.as_str())
            .unwrap_or("none");
        if got != route {
            fail_concern(&mut out, format!("route is {got}, expected {route}"));
        }
    }
    if let Some(cc) = e.considerable_change {
        let got = rec
            .procurement
            .as_ref()
            .and_then(|p| p.considerable_change_met);
        if got != Some(cc) {
            fail_concern(
                &mut out,
                format!("considerable change is {got:?}, expected {cc}"),
            );
        }
    }
    for c in &e.cases {
        if !rec.resembles.iter().any(|r| &r.id == c) {
            fail_concern(&mut out, format!("case {c} not among those resembled"));
        }
    }
    out
}

fn load_all() -> Vec<(String, Scenario)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            let s: Scenario = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, s)
        })
        .collect()
}

#[test]
fn every_scenario_holds() {
    let kb = Kb::embedded().unwrap();
    let scenarios = load_all();
    let (mut leader, mut top3, mut concerns) = (0, 0, 0);
    let mut failures = Vec::new();
    for (file, s) in &scenarios {
        assert!(
            !s.name.is_empty() && !s.situation.is_empty(),
            "{file}: needs a name and a situation"
        );
        assert!(
            !s.sources.is_empty(),
            "{file}: cite the brief's sources the scenario is written from"
        );
        for src in &s.sources {
            assert!(kb.has_source(src), "{file}: unknown source {src}");
        }
        let o = check(&kb, s);
        leader += usize::from(o.leader_ok);
        top3 += usize::from(o.top3_ok);
        concerns += usize::from(o.concerns_ok);
        for f in o.failures {
            failures.push(format!("{file} ({}): {f}", s.name));
        }
    }
    let n = scenarios.len();
    println!("concordance: {n} scenarios; leader acceptable {leader}/{n}; top three acceptable {top3}/{n}; required concerns present {concerns}/{n}");
    assert!(
        failures.is_empty(),
        "{} scenario expectations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_suite_covers_every_model_flag_and_route() {
    let kb = Kb::embedded().unwrap();
    let scenarios = load_all();
    let mut leaders = BTreeSet::new();
    let mut flags = BTreeSet::new();
    let mut routes = BTreeSet::new();
    for (_, s) in &scenarios {
        let (answers, _) = Answers::from_raw(&kb, &s.answers).unwrap();
        let rec = recommendation(&kb, &answers);
        if let (Some(v), true) = (rec.vehicles.first(), s.expect.leader.len() == 1) {
            leaders.insert(v.id.clone());
        }
        if let (Some(p), true) = (rec.payments.first(), s.expect.payment_leader.len() == 1) {
            leaders.insert(p.id.clone());
        }
        for f in &s.expect.red_flags {
            flags.insert(f.flag.clone());
        }
        if let Some(r) = &s.expect.route {
            routes.insert(r.clone());
        }
    }
    let missing_models: Vec<&str> = kb
        .content
        .models
        .iter()
        .map(|m| m.id.as_str())
        .filter(|m| !leaders.contains(*m))
        .collect();
    let missing_flags: Vec<&str> = kb
        .content
        .red_flags
        .iter()
        .map(|f| f.id.as_str())
        .filter(|f| !flags.contains(*f))
        .collect();
    let missing_routes: Vec<&str> = kb
        .content
        .psr
        .routes
        .iter()
        .map(|r| r.id.as_str())
        .filter(|r| !routes.contains(*r))
        .collect();
    assert!(
        scenarios.len() >= 35,
        "the suite has {} scenarios; at least 35 are needed",
        scenarios.len()
    );
    assert!(
        missing_models.is_empty(),
        "models never the sole expected leader of a scenario: {missing_models:?}"
    );
    assert!(
        missing_flags.is_empty(),
        "red flags no scenario expects: {missing_flags:?}"
    );
    assert!(
        missing_routes.is_empty(),
        "routes no scenario expects: {missing_routes:?}"
    );
}
