//! Every warning tested both ways (`tests/warnings/<warning-id>.json`): a set of answers that must raise it, and a
//! close set (one answer changed, an answer the warning's trigger reads) that must not. Both run through the same
//! public path as `advise recommend` (`Answers::from_raw`, `api::recommendation`, the reports): the warning must be
//! under What to watch and on each model of the recommended combination it concerns, and then nowhere. Also: every
//! warning in the content has a pair, and What to watch is in the same order, most serious first, in the view and
//! in both reports.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

mod common;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use contract_advisor::api::{self, FlagView, Recommendation};
use contract_advisor::{flags, report, Answers, Kb, RawAnswer, RawAnswers};
use serde::Deserialize;

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::embedded().expect("embedded content loads"));

/// One warning's file: its id and at least one pair.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WarningPairs {
    /// The warning's id (the file name without `.json`).
    warning: String,
    /// Its pairs (one per way of raising it that deserves its own test).
    pairs: Vec<Pair>,
}

/// A set of answers that must raise a warning, and a close set that must not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    /// Where the answers come from and why the change takes the warning away.
    why: String,
    /// Answers that must raise it.
    raises: RawAnswers,
    /// The changes to `raises` that must not raise it: an answer, or `null` to take the answer away.
    quiet: BTreeMap<String, Option<RawAnswer>>,
    /// For a pair that tests one branch of a warning about models: `"situation"` if `raises` must raise it for the
    /// situation alone (its `situation_when`, with no model of the combination it concerns), `"model"` if through a
    /// model of the combination.
    #[serde(default)]
    via: Option<String>,
}

impl Pair {
    fn quiet_answers(&self) -> RawAnswers {
        let mut raw = self.raises.clone();
        for (q, a) in &self.quiet {
            match a {
                Some(a) => raw.insert(q.clone(), a.clone()),
                None => raw.remove(q),
            };
        }
        raw
    }
}

static FILES: LazyLock<Vec<WarningPairs>> = LazyLock::new(|| {
    let paths = common::json_files("tests/warnings");
    paths
        .iter()
        .map(|p| {
            let file: WarningPairs = serde_json::from_str(&std::fs::read_to_string(p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert_eq!(
                p.file_stem().unwrap().to_str().unwrap(),
                file.warning,
                "{}: the warning id must be the file name",
                p.display()
            );
            file
        })
        .collect()
});

/// Every pair, with its warning's id and a name for messages ("thin-market 2").
fn pairs() -> impl Iterator<Item = (&'static str, String, &'static Pair)> {
    FILES.iter().flat_map(|f| {
        f.pairs
            .iter()
            .enumerate()
            .map(|(i, p)| (f.warning.as_str(), format!("{} {}", f.warning, i + 1), p))
    })
}

/// The answers, read strictly as `advise recommend` reads them (no unknown ids, no answers to hidden questions).
fn answers(raw: &RawAnswers, what: &str) -> Answers {
    let (answers, notes) = Answers::from_raw(&KB, raw)
        .unwrap_or_else(|e| panic!("{what}: the answers are refused: {e:?}"));
    assert!(notes.is_empty(), "{what}: notes {notes:?}");
    answers
}

/// The ids of one combination's models (arrangement, vehicle, payment rule and any overlay).
fn members(c: &api::CombinationView) -> Vec<String> {
    [
        &c.arrangement_id,
        &c.vehicle_id,
        &c.payment_id,
        &c.overlay_id,
    ]
    .into_iter()
    .filter(|id| !id.is_empty())
    .cloned()
    .collect()
}

/// The ids of the recommended combination's models.
fn combination(rec: &Recommendation) -> Vec<String> {
    members(rec.combinations.first().expect("a combination"))
}

/// The models of the other combinations listed (after the recommended one), as ids.
fn other_combinations(rec: &Recommendation) -> Vec<String> {
    rec.combinations.iter().skip(1).flat_map(members).collect()
}

/// Every ranked model, layer by layer (arrangements, vehicles, payment rules).
fn ranked(rec: &Recommendation) -> impl Iterator<Item = &api::ModelResult> {
    rec.arrangements
        .iter()
        .chain(&rec.vehicles)
        .chain(&rec.payments)
}

/// The ids of the models the answers say have been proposed or are in use (`flags::proposed`).
fn proposed_ids(given: &Answers) -> Vec<&'static str> {
    flags::proposed(&KB, &given.effective(&KB))
        .into_iter()
        .map(|i| KB.content.models[i].id.as_str())
        .collect()
}

/// Every ranked model's warnings, as (model id, warning ids).
fn per_model(rec: &Recommendation) -> Vec<(&str, Vec<&str>)> {
    ranked(rec)
        .map(|m| {
            (
                m.id.as_str(),
                m.red_flags.iter().map(|f| f.id.as_str()).collect(),
            )
        })
        .collect()
}

fn flag_index(id: &str) -> usize {
    KB.content
        .red_flags
        .iter()
        .position(|f| f.id == id)
        .unwrap_or_else(|| panic!("`{id}` is not a warning in red_flags.json"))
}

#[test]
fn every_warning_has_a_pair_and_every_pair_a_warning() {
    let paired: Vec<&str> = FILES
        .iter()
        .filter(|f| !f.pairs.is_empty())
        .map(|f| f.warning.as_str())
        .collect();
    for f in &KB.content.red_flags {
        assert!(
            paired.contains(&f.id.as_str()),
            "warning `{}` has no pair: add tests/warnings/{}.json with answers that raise it and a close set that does not",
            f.id,
            f.id
        );
    }
    for (warning, name, p) in pairs() {
        flag_index(warning);
        assert!(!p.why.trim().is_empty(), "{name}: say why");
    }
}

#[test]
fn each_warning_is_raised_by_its_answers_under_what_to_watch_and_on_its_models() {
    for (warning, name, p) in pairs() {
        let what = format!("{name} (raises)");
        let rec = api::recommendation(&KB, &answers(&p.raises, &what));
        let raised: Vec<&FlagView> = rec.watch.iter().filter(|f| f.id == warning).collect();
        assert_eq!(
            raised.len(),
            1,
            "{what}: not under What to watch once; it shows {:?}",
            rec.watch.iter().map(|f| &f.id).collect::<Vec<_>>()
        );
        let f = raised[0];
        assert!(
            !f.because.is_empty() && f.because.iter().all(|b| b.starts_with("You answered “")),
            "{what}: does not say which answers raised it: {:?}",
            f.because
        );
        // On each model of the recommended combination that it concerns (a warning about the situation may concern
        // none of them).
        let flag = &KB.content.red_flags[flag_index(warning)];
        let models = per_model(&rec);
        let mut on_a_model = false;
        for id in combination(&rec) {
            let (_, model) = KB.model(&id).unwrap();
            if flags::applies(flag, model) {
                on_a_model = true;
                let (_, list) = models.iter().find(|(m, _)| *m == id).unwrap();
                assert!(
                    list.contains(&warning),
                    "{what}: not listed on `{id}`, a model of the combination it concerns"
                );
            }
        }
        // Or the situation, by its `applies_to` or because the answers meet its `situation_when`.
        let sel = answers(&p.raises, &what).effective(&KB).sel;
        let situation = flag.applies_to.iter().any(|a| a == flags::SITUATION)
            || KB.flag_situation[flag_index(warning)]
                .as_ref()
                .is_some_and(|c| c.eval(&sel));
        assert!(
            on_a_model || situation,
            "{what}: under What to watch though it concerns neither the situation nor the combination"
        );
        match p.via.as_deref() {
            None => {}
            Some("situation") => assert!(
                situation && !on_a_model,
                "{what}: meant to test the situation branch, but a model of the combination carries it"
            ),
            Some("model") => assert!(
                on_a_model,
                "{what}: meant to test the branch for models, but no model of the combination carries it"
            ),
            Some(other) => panic!("{what}: `via` is \"situation\" or \"model\", not {other:?}"),
        }
    }
}

#[test]
fn each_warning_is_not_raised_by_the_close_answers() {
    for (warning, name, p) in pairs() {
        let what = format!("{name} (quiet)");
        let quiet = answers(&p.quiet_answers(), &what);
        // Close: one answer changed, an answer the trigger reads, so that the change that matters is the one that
        // takes it away; besides it, only answers taken away because branching now hides their question.
        let visible = quiet.effective(&KB).visible;
        let (forced, chosen): (Vec<_>, Vec<_>) = p.quiet.iter().partition(|(q, a)| {
            a.is_none()
                && KB
                    .question_index(q)
                    .is_some_and(|qi| !visible.get(qi).copied().unwrap_or(true))
        });
        let chosen: Vec<&String> = chosen.into_iter().map(|(q, _)| q).collect();
        let forced: Vec<&String> = forced.into_iter().map(|(q, _)| q).collect();
        assert!(
            chosen.len() == 1,
            "{what}: change one answer (besides answers branching hides); {chosen:?} changed"
        );
        let mut read = Vec::new();
        KB.flag_when[flag_index(warning)].questions(&mut |q| read.push(q));
        if let Some(c) = &KB.flag_situation[flag_index(warning)] {
            c.questions(&mut |q| read.push(q));
        }
        assert!(
            KB.question_index(chosen[0])
                .is_some_and(|qi| read.contains(&qi)),
            "{what}: the changed answer is not one the warning's trigger (`when` or `situation_when`) reads"
        );
        // At most three: a count of one provider hides the three questions about the others.
        assert!(forced.len() <= 3, "{what}: {forced:?} taken away");
        let rec = api::recommendation(&KB, &quiet);
        assert!(
            rec.watch
                .iter()
                .chain(&rec.watch_also)
                .all(|f| f.id != warning),
            "{what}: still under What to watch"
        );
        for (model, list) in per_model(&rec) {
            assert!(
                !list.contains(&warning),
                "{what}: still listed on `{model}`"
            );
        }
    }
}

/// A pair whose reason says the combination stays the same is right: the close answers recommend the same
/// arrangement, vehicle, payment rule and overlay as the answers that raise the warning. (Weights move; a reason that
/// was true when written can stop being true, and thirteen had, unnoticed, before this test.)
#[test]
fn a_pair_that_says_the_combination_stays_the_same_keeps_it() {
    let mut claims = 0;
    for (_, name, p) in pairs() {
        if !p.why.contains("stays the same") {
            continue;
        }
        claims += 1;
        let raises = api::recommendation(&KB, &answers(&p.raises, &name));
        let quiet = api::recommendation(&KB, &answers(&p.quiet_answers(), &name));
        assert_eq!(
            combination(&raises),
            combination(&quiet),
            "{name}: “{}”",
            p.why
        );
    }
    assert!(claims > 0, "no pair says the combination stays the same");
}

/// What to watch also gives the warnings for the other options the result suggests or the answers say were
/// proposed: each is raised on a model that is not in the recommended combination and fits best, may also suit you,
/// is in one of the other combinations listed, or has been proposed (its `proposed_when` holds), is not already
/// under What to watch, and says which of those options it concerns and no other; a proposed model that does not
/// fit best or closely is named as proposed, even when another combination holds it. The warnings under What to
/// watch say no such thing. Checked on every pair's answers, some of which raise such warnings.
#[test]
fn warnings_for_other_options_name_them_and_no_other() {
    let mut seen = 0;
    for (_, name, p) in pairs() {
        for (raw, side) in [(p.raises.clone(), "raises"), (p.quiet_answers(), "quiet")] {
            let what = format!("{name} ({side})");
            let given = answers(&raw, &what);
            let proposed = proposed_ids(&given);
            let rec = api::recommendation(&KB, &given);
            assert!(rec.watch.iter().all(|f| f.applies_if.is_none()), "{what}");
            let chosen = combination(&rec);
            let others = other_combinations(&rec);
            let ids: Vec<&str> = rec.watch_also.iter().map(|f| f.id.as_str()).collect();
            assert_ordered(&ids, &format!("{what}: warnings for other options"));
            for f in &rec.watch_also {
                seen += 1;
                assert!(
                    rec.watch.iter().all(|w| w.id != f.id),
                    "{what}: `{}` twice",
                    f.id
                );
                let (on, off): (Vec<&api::ModelResult>, Vec<&api::ModelResult>) = ranked(&rec)
                    .filter(|m| m.red_flags.iter().any(|r| r.id == f.id))
                    .partition(|m| {
                        !chosen.contains(&m.id)
                            && (m.fit == "best"
                                || m.fit == "close"
                                || others.contains(&m.id)
                                || proposed.contains(&m.id.as_str()))
                    });
                let says = f.applies_if.as_deref().unwrap_or_default();
                assert!(!on.is_empty(), "{what}: `{}` concerns no such option", f.id);
                assert!(
                    on.iter().all(|m| says.contains(&m.short_name)),
                    "{what}: `{}` says “{says}”",
                    f.id
                );
                assert!(
                    off.iter().all(|m| !says.contains(&m.short_name)),
                    "{what}: `{}` names an option outside those: “{says}”",
                    f.id
                );
                let as_proposed = says
                    .split_once("has been proposed or is in use")
                    .map(|(_, after)| after)
                    .unwrap_or_default();
                for m in on.iter().filter(|m| {
                    proposed.contains(&m.id.as_str()) && m.fit != "best" && m.fit != "close"
                }) {
                    assert!(
                        as_proposed.contains(&m.short_name),
                        "{what}: `{}` does not name the proposed {} as proposed: “{says}”",
                        f.id,
                        m.id
                    );
                }
            }
        }
    }
    assert!(seen > 0, "no pair raises a warning for another option");
}

/// A commissioner weighing one of the other combinations the result lists sees that option's warnings: on the first
/// 400 tuning situations (by id), every warning the answers raise for a model in another combination, outside the
/// recommended one, is under What to watch or among the warnings for other options, naming that model. Some of
/// those warnings are raised for no other reason (no model outside the recommended combination that fits best or
/// closely, or was proposed, carries them), so the test fails if alternatives lose their warnings.
#[test]
fn warnings_for_the_other_combinations_listed_are_shown() {
    let mut files = common::json_files("tests/scenarios/tuning");
    files.sort();
    let (mut checked, mut only_there) = (0, 0);
    for path in files.iter().take(400) {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let given = answers(&tuning_answers(&id), &id);
        let proposed = proposed_ids(&given);
        let rec = api::recommendation(&KB, &given);
        let chosen = combination(&rec);
        let others = other_combinations(&rec);
        // Whether a model would have its warnings shown without the rule for other combinations.
        let shown_anyway = |x: &api::ModelResult| {
            !chosen.contains(&x.id)
                && (x.fit == "best" || x.fit == "close" || proposed.contains(&x.id.as_str()))
        };
        for m in ranked(&rec).filter(|m| others.contains(&m.id) && !chosen.contains(&m.id)) {
            for f in &m.red_flags {
                checked += 1;
                if rec.watch.iter().any(|w| w.id == f.id) {
                    continue;
                }
                let also = rec.watch_also.iter().find(|w| w.id == f.id);
                let says = also
                    .and_then(|w| w.applies_if.as_deref())
                    .unwrap_or_default();
                assert!(
                    says.contains(&m.short_name),
                    "{id}: `{}` for {} in another combination: “{says}”",
                    f.id,
                    m.id
                );
                let elsewhere = ranked(&rec)
                    .any(|x| shown_anyway(x) && x.red_flags.iter().any(|r| r.id == f.id));
                if !elsewhere {
                    only_there += 1;
                }
            }
        }
    }
    assert!(
        checked > 0 && only_there > 0,
        "{checked} checked, {only_there} raised only for another combination"
    );
}

/// The primary encoding of the tuning situation with this id (`tests/scenarios/tuning/<id>.json`).
fn tuning_answers(id: &str) -> RawAnswers {
    let path = format!(
        "{}/tests/scenarios/tuning/{id}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    serde_json::from_value(file["encoding"]["primary"].clone()).unwrap()
}

/// Where nothing is to watch for the situation or the recommended combination but something is for another option
/// the result suggests, the Markdown report still puts those warnings under What to watch and says there is none for
/// the combination. The answers are those of the first tuning situation (by id) where this happens, so that a change
/// of content that moves one situation off the case does not lose the test; some must show it.
#[test]
fn warnings_only_for_other_options_still_sit_under_what_to_watch() {
    let ids: Vec<String> = common::json_files("tests/scenarios/tuning")
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let (id, a, rec) = ids
        .iter()
        .find_map(|id| {
            let a = answers(&tuning_answers(id), id);
            let rec = api::recommendation(&KB, &a);
            (rec.watch.is_empty() && !rec.watch_also.is_empty()).then(|| (id.clone(), a, rec))
        })
        .expect("no tuning situation has warnings only for other options");
    let md = report::markdown(&KB, &a);
    let section = md
        .split("\n## What to watch\n")
        .nth(1)
        .expect("a What to watch section")
        .split("\n## ")
        .next()
        .unwrap();
    let (before, after) = section
        .split_once(&format!("\n### {}\n", report::WATCH_ALSO_HEADING))
        .unwrap_or_else(|| panic!("{id}: the other options' warnings are not under What to watch"));
    assert!(
        before.contains("No warning for your situation and the recommended combination."),
        "{id}: {before:?}"
    );
    assert_eq!(
        after.lines().filter(|l| l.starts_with("- ")).count(),
        rec.watch_also.len(),
        "{id}"
    );
}

/// The warnings for an option the answers say was proposed are listed even where it does not fit. In a tuning
/// situation where a budget per person has been proposed for people with several conditions and the capitated budget
/// fits only partly, cost shifting is listed for the capitated budget as a proposed option; answering that no one has
/// proposed such a budget takes it away.
#[test]
fn warnings_for_a_proposed_option_are_listed_where_it_does_not_fit() {
    let raw = tuning_answers("aq22-neighbourhood-frailty-sum-per-person-2021");
    assert_eq!(
        raw["q-budget-proposal"],
        RawAnswer::One("per-person".into())
    );
    let rec = api::recommendation(&KB, &answers(&raw, "aq22"));
    assert_listed_as_proposed(&rec, &rec.payments, "capitation", "cost-shifting");
    let rec = api::recommendation(
        &KB,
        &answers(&no_budget_proposal(&raw), "aq22 without the proposal"),
    );
    assert_raised_nowhere(&rec, "cost-shifting");
}

/// A provider's offer to hold a budget per person for a whole population proposes a population (accountable care)
/// contract, so its warnings are listed even where it does not fit: in a tuning situation where a GP practice
/// company offers to hold one for a coastal town and the advice is to keep today's contracts, the warning that such
/// contracts are for designated providers only is listed for the accountable care contract as a proposed option;
/// answering that no one has proposed a budget per person takes it away.
#[test]
fn an_offer_of_a_whole_population_budget_lists_the_designation_warning() {
    let raw = tuning_answers("m24-coastal-town-practice-company-whole-population-offer");
    assert_eq!(raw["q-segment"], RawAnswer::One("whole-population".into()));
    assert_eq!(
        raw["q-budget-proposal"],
        RawAnswer::One("per-person".into())
    );
    let rec = api::recommendation(&KB, &answers(&raw, "m24"));
    assert!(rec.watch.iter().all(|f| f.id != "iho-designated-only"));
    assert_listed_as_proposed(
        &rec,
        &rec.vehicles,
        "accountable-care",
        "iho-designated-only",
    );
    let rec = api::recommendation(
        &KB,
        &answers(
            &no_budget_proposal(&raw),
            "m24 without the budget per person",
        ),
    );
    assert_raised_nowhere(&rec, "iho-designated-only");
}

/// Where patients choose a provider for part of the service, keeping their choice concerns the situation whatever
/// the models only when the new arrangement would limit the providers offered a contract: in a tuning situation
/// (spinal injections after NICE guidance, a standard contract paid per unit of activity, no model the warning
/// concerns) it is under What to watch; answering that every provider meeting the requirements would be offered a
/// contract moves it off What to watch, while the models it concerns still list it.
#[test]
fn choice_over_part_of_a_service_concerns_the_situation_only_where_providers_would_be_limited() {
    let id = "cf04-spinal-injections-after-nice-guidance";
    let raw = tuning_answers(id);
    assert_eq!(raw["q-patient-choice"], RawAnswer::One("partly".into()));
    assert_eq!(raw["q-choice-proposed"], RawAnswer::One("no".into()));
    let rec = api::recommendation(&KB, &answers(&raw, id));
    let flag = &KB.content.red_flags[flag_index("patient-choice")];
    assert!(
        !combination(&rec).iter().any(|m| {
            KB.content
                .models
                .iter()
                .any(|x| &x.id == m && flags::applies(flag, x))
        }),
        "{id}: the combination holds a model the warning concerns"
    );
    assert!(rec.watch.iter().any(|f| f.id == "patient-choice"), "{id}");
    let mut open = raw.clone();
    open.insert("q-choice-proposed".into(), RawAnswer::One("yes".into()));
    let rec = api::recommendation(
        &KB,
        &answers(&open, "cf04, every provider offered a contract"),
    );
    assert!(rec.watch.iter().all(|f| f.id != "patient-choice"), "{id}");
    assert!(
        per_model(&rec)
            .iter()
            .any(|(m, list)| *m == "lead-provider" && list.contains(&"patient-choice")),
        "{id}: the lead provider no longer lists it"
    );
}

/// `raw` with the answer that no one has proposed a budget per person or per condition.
fn no_budget_proposal(raw: &RawAnswers) -> RawAnswers {
    let mut none = raw.clone();
    none.insert("q-budget-proposal".into(), RawAnswer::One("no".into()));
    none
}

/// Asserts that `model` (one of `layer`, the recommendation's models of one layer) neither fits best nor closely, and
/// that `flag` is listed among the other options' warnings, saying it applies to `model` as an option the answers say
/// has been proposed or is in use.
fn assert_listed_as_proposed(
    rec: &Recommendation,
    layer: &[api::ModelResult],
    model: &str,
    flag: &str,
) {
    let m = layer
        .iter()
        .find(|m| m.id == model)
        .unwrap_or_else(|| panic!("no model {model}"));
    assert!(m.fit != "best" && m.fit != "close", "{model}: {}", m.fit);
    let f = rec
        .watch_also
        .iter()
        .find(|f| f.id == flag)
        .unwrap_or_else(|| panic!("{flag} listed for the proposed {model}"));
    assert_eq!(
        f.applies_if.as_deref(),
        Some(format!(
            "This applies to an option your answers say has been proposed or is in use: {}.",
            m.short_name
        ))
        .as_deref()
    );
}

/// Asserts that `flag` is neither under What to watch nor among the other options' warnings.
fn assert_raised_nowhere(rec: &Recommendation, flag: &str) {
    assert!(rec
        .watch
        .iter()
        .chain(&rec.watch_also)
        .all(|f| f.id != flag));
}

/// The order a list of warnings must have: most serious first, then the order of `red_flags.json`.
fn assert_ordered(ids: &[&str], what: &str) {
    let keys: Vec<(contract_advisor::content::Severity, usize)> = ids
        .iter()
        .map(|id| {
            let i = flag_index(id);
            (KB.content.red_flags[i].severity, i)
        })
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "{what}: not most serious first, then in content order: {ids:?}"
    );
}

#[test]
fn what_to_watch_is_most_serious_first_in_the_view_and_both_reports() {
    let mut serious_before_lesser = false;
    for (_, name, p) in pairs() {
        for (raw, side) in [(p.raises.clone(), "raises"), (p.quiet_answers(), "quiet")] {
            let what = format!("{name} ({side})");
            let a = answers(&raw, &what);
            let rec = api::recommendation(&KB, &a);
            let ids: Vec<&str> = rec.watch.iter().map(|f| f.id.as_str()).collect();
            assert_ordered(&ids, &format!("{what}: What to watch"));
            for (model, list) in per_model(&rec) {
                assert_ordered(&list, &format!("{what}: warnings on `{model}`"));
            }
            for f in &rec.watch {
                let severity = KB.content.red_flags[flag_index(&f.id)].severity;
                assert_eq!(f.severity, severity.id(), "{what}: `{}`", f.id);
                assert_eq!(f.severity_label, severity.label(), "{what}: `{}`", f.id);
            }
            serious_before_lesser |= rec.watch.first().map(|f| f.severity) == Some("high")
                && rec.watch.iter().any(|f| f.severity != "high");
            // The JSON report (`advise recommend --format json`) keeps the view's order.
            let json: serde_json::Value = serde_json::from_str(&report::json(&KB, &a)).unwrap();
            let json_ids: Vec<&str> = json["recommendation"]["watch"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["id"].as_str().unwrap())
                .collect();
            assert_eq!(json_ids, ids, "{what}: the JSON report's order");
            // The Markdown report (`advise recommend`) lists them in the same order, each with its severity in
            // words.
            let md = report::markdown(&KB, &a);
            let whole = md
                .split("\n## What to watch\n")
                .nth(1)
                .map(|s| s.split("\n## ").next().unwrap_or_default())
                .unwrap_or_default();
            let heading = format!("\n### {}\n", report::WATCH_ALSO_HEADING);
            let mut parts = whole.split(heading.as_str());
            let section = parts.next().unwrap_or_default();
            let lines: Vec<&str> = section.lines().filter(|l| l.starts_with("- ")).collect();
            assert_eq!(lines.len(), rec.watch.len(), "{what}: the Markdown report");
            // Then the warnings for other options suggested or proposed, each saying which.
            let also: Vec<&str> = parts
                .next()
                .unwrap_or_default()
                .lines()
                .filter(|l| l.starts_with("- "))
                .collect();
            assert_eq!(
                also.len(),
                rec.watch_also.len(),
                "{what}: the Markdown report"
            );
            for (line, f) in also.iter().zip(&rec.watch_also) {
                assert!(
                    line.contains(f.applies_if.as_deref().unwrap_or("(none)")),
                    "{what}: {line:?} does not say which options `{}` concerns",
                    f.id
                );
            }
            for (line, f) in lines.iter().zip(&rec.watch) {
                assert!(
                    line.starts_with(&format!("- {} — {}", f.severity_label, f.title)),
                    "{what}: the Markdown report has {line:?} where `{}` belongs",
                    f.id
                );
            }
        }
    }
    assert!(
        serious_before_lesser,
        "no answer set here raises both a serious warning and a lesser one, so the order is not tested"
    );
}
