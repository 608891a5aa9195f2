//! Content integrity: the embedded knowledge base obeys every editorial rule, covers what the product promises,
//! and content that breaks a rule is rejected with a message naming the problem.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use contract_advisor::content::Layer;
use contract_advisor::kb::embedded_files;
use contract_advisor::{validate, ErrorKind, Kb};
use serde_json::Value;

#[test]
fn embedded_content_has_no_problems() {
    let kb = Kb::embedded().unwrap();
    let problems = validate::problems(&kb);
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn content_covers_every_diagnostic_area_and_model() {
    let kb = Kb::embedded().unwrap();
    let c = &kb.content;
    // Bounds on what a user is asked: every user answers the main questions, and follow-ups only where an earlier
    // answer calls for them. (The follow-up bound was 20 until the question on whether providers would agree to be
    // sub-contracted, asked only where several organisations provide the services. The main bound was 40 until
    // the question on how many capable providers would bid, which every commissioner can answer and whose warning
    // is about any contract that might be let. The follow-up bound was 21 until the question whether money that has
    // paid for the service is ending, asked only where money is among the problems, and 22 until the question who
    // would decide how care is redesigned, asked only where a provider would hold the budget or make decisions, and
    // 23 until the question whether what is needed could be done under a contract already held, asked only where a
    // contract exists today, and 24 until the question whether one commissioner would commission for the others,
    // asked only where an integrated care board and councils, or several boards, commission together. The main
    // bound was 41 until the question whether anyone has proposed one sum per person, asked before only for groups
    // of people with shared needs, older people with several conditions or a whole population, was asked of every
    // service: such proposals are made for pathways, services open to all and specialised services too; the
    // follow-ups fell back to 24; they are 25 since the question whether one provider could deliver all of the care
    // itself, asked only where several organisations provide the services today. The main bound was 42 until the
    // question whether any part rests on an agreement that is not legally binding, which any commissioner can face:
    // a memorandum between funders is as common for a single provider's service as a network of several.)
    let info = contract_advisor::api::info(&kb);
    let (main, follow) = (info.main_questions, info.follow_up_questions);
    assert!((25..=43).contains(&main), "{main} main questions");
    assert!(follow <= 25, "{follow} follow-up questions");
    let sections: Vec<&str> = c.sections.iter().map(|s| s.id.as_str()).collect();
    for area in [
        "need",
        "ambition",
        "population",
        "providers",
        "gaps",
        "outcomes",
        "money",
        "capability",
        "procurement",
    ] {
        assert!(sections.contains(&area), "no section `{area}`");
    }
    assert!(
        c.questions.iter().any(|(_, q)| q.show_if.is_some()),
        "no branching"
    );
    for id in [
        "single-commissioner",
        "joint-commissioning",
        "lead-commissioner",
        "section-75-pool",
        "delegated-commissioning",
        "standard-contract",
        "prime-contractor",
        "lead-provider",
        "alliance",
        "accountable-care",
        "neighbourhood-provider",
        "joint-venture",
        "no-new-contract",
        "activity-based",
        "block",
        "blended",
        "outcome-linked",
        "capitation",
        "bundled-pathway",
        "year-of-care",
    ] {
        assert!(kb.model(id).is_some(), "model `{id}` is missing");
    }
    let vehicles = c
        .models
        .iter()
        .filter(|m| m.layer == Layer::Vehicle)
        .count();
    let payments = c
        .models
        .iter()
        .filter(|m| m.layer == Layer::Payment)
        .count();
    assert!(
        vehicles >= 8 && payments >= 6,
        "{vehicles} vehicles, {payments} payment rules"
    );
    // Every model has synonyms, when-it-fits, pros, cons, risks, demands and sources (also in validate; checked
    // here directly so this test fails loudly if validation is ever weakened).
    for m in &c.models {
        assert!(
            !m.pros.is_empty() && !m.cons.is_empty() && !m.risks.is_empty(),
            "{}",
            m.id
        );
        assert!(
            !m.sources.is_empty() && !m.demands.skills.is_empty(),
            "{}",
            m.id
        );
        assert!(m.demands.lead_time_months[0] >= 1, "{}", m.id);
    }
    // Every term is defined the first time it is used: each glossary id is listed by some question.
    for t in &c.glossary {
        assert!(
            c.questions.iter().any(|(_, q)| q.defines.contains(&t.id)),
            "term `{}` never defined",
            t.id
        );
    }
}

#[test]
fn every_effect_names_a_source_that_exists() {
    let kb = Kb::embedded().unwrap();
    let mut effects = 0;
    for (_, q) in &kb.content.questions {
        for o in &q.options {
            for e in &o.effects {
                effects += 1;
                assert!(!e.why.trim().is_empty(), "{}/{} → {}", q.id, o.id, e.model);
                assert!(
                    e.sources.iter().all(|s| kb.has_source(s)),
                    "{}/{} → {}",
                    q.id,
                    o.id,
                    e.model
                );
                assert!(!e.sources.is_empty());
            }
        }
    }
    assert!(effects > 300, "only {effects} effects");
}

/// Loads the embedded files with one file changed by `edit`, then returns the load error or the problems.
fn with_edit(
    file: &str,
    edit: impl FnOnce(&mut Value),
) -> Result<Vec<String>, contract_advisor::Error> {
    let files = embedded_files();
    let mut changed: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let slot = changed
        .iter_mut()
        .find(|(n, _)| n == file)
        .unwrap_or_else(|| panic!("no file {file}"));
    let mut v: Value = serde_json::from_str(&slot.1).unwrap();
    edit(&mut v);
    slot.1 = serde_json::to_string(&v).unwrap();
    let refs: Vec<(&str, &str)> = changed
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Kb::from_files(&refs).map(|kb| validate::problems(&kb))
}

fn first_effect(v: &mut Value) -> &mut Value {
    &mut v["questions"][0]["options"][0]["effects"][0]
}

fn expect_problem(result: Result<Vec<String>, contract_advisor::Error>, needle: &str) {
    let problems = result.expect("content should load");
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem containing {needle:?}, got {problems:#?}"
    );
}

#[test]
fn unchanged_files_load_cleanly_through_the_same_path() {
    assert_eq!(
        with_edit("meta.json", |_| {}).unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn an_effect_without_sources_is_rejected() {
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            first_effect(v)["sources"] = Value::Array(vec![])
        }),
        "names no source",
    );
}

#[test]
fn an_unknown_source_is_rejected() {
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            first_effect(v)["sources"] = serde_json::json!(["S999"])
        }),
        "`S999` is not in sources.json",
    );
}

#[test]
fn the_unverified_marker_is_rejected() {
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            first_effect(v)["why"] = "Claimed ⚠ unverified".into()
        }),
        "⚠",
    );
}

#[test]
fn a_claim_resting_only_on_an_unconfirmed_source_must_say_so() {
    let kb = Kb::embedded().unwrap();
    let cautioned = kb
        .content
        .sources
        .iter()
        .find(|s| s.caution.is_some())
        .unwrap()
        .id
        .clone();
    expect_problem(
        with_edit(
            "models.json",
            |v| {
                v[0]["pros"][0] =
                    serde_json::json!({"text": "It always works.", "sources": [cautioned]})
            },
        ),
        "does not say so",
    );
}

#[test]
fn a_zero_or_oversized_weight_is_rejected() {
    for points in [0, 4, -9] {
        expect_problem(
            with_edit("questions/01-need.json", |v| {
                let e = first_effect(v);
                e["points"] = points.into();
                e["decisive"] = false.into();
                e["serious"] = false.into();
            }),
            "a supporting effect weighs −3 to +3",
        );
    }
    for points in [2, 9] {
        expect_problem(
            with_edit("questions/01-need.json", |v| {
                let e = first_effect(v);
                e["points"] = points.into();
                e["decisive"] = true.into();
            }),
            "a decisive effect weighs 4 to 8",
        );
    }
}

#[test]
fn a_procurement_table_out_of_the_regulations_order_is_rejected() {
    expect_problem(
        with_edit("psr.json", |v| {
            let steps = v["elements"][0]["steps"].as_array_mut().unwrap();
            steps.swap(0, 2);
        }),
        "the processes in the Regulations' order",
    );
}

#[test]
fn a_scope_table_without_a_last_catch_all_is_rejected() {
    expect_problem(
        with_edit("psr.json", |v| {
            let rows = v["scope"].as_array_mut().unwrap();
            rows.pop();
        }),
        "only the last scope verdict may (and must) apply without a condition",
    );
}

#[test]
fn a_threshold_row_that_reads_the_threshold_is_rejected() {
    expect_problem(
        with_edit("psr.json", |v| {
            v["threshold"]["rows"][0]["threshold"] = "met".into();
        }),
        "cannot read the threshold itself",
    );
}

#[test]
fn a_process_step_that_can_be_unsettled_without_saying_so_is_rejected() {
    expect_problem(
        with_edit("psr.json", |v| {
            v["elements"][0]["steps"][0]["unsettled"] = "".into();
        }),
        "needs an 'unsettled' text",
    );
}

#[test]
fn only_direct_award_c_may_turn_on_the_threshold() {
    expect_problem(
        with_edit("psr.json", |v| {
            v["elements"][0]["steps"][0]["rows"][0]["threshold"] = "not-met".into();
        }),
        "only direct award C turns on the considerable change threshold",
    );
}

#[test]
fn an_empty_general_records_checklist_is_rejected() {
    expect_problem(
        with_edit("psr.json", |v| {
            v["records"]["items"] = serde_json::json!([]);
        }),
        "the general records checklist is empty",
    );
}

#[test]
fn a_process_without_notices_or_records_is_rejected() {
    expect_problem(
        with_edit("psr.json", |v| {
            v["routes"][1]["records"] = serde_json::json!([]);
        }),
        "lists its notices and the records to keep",
    );
}

#[test]
fn a_failed_precondition_must_be_a_negative_decisive_effect() {
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            let e = first_effect(v);
            e["points"] = 5.into();
            e["decisive"] = true.into();
            e["serious"] = true.into();
        }),
        "a failed precondition (serious) is a negative decisive effect",
    );
}

#[test]
fn a_model_without_two_decisive_conditions_is_rejected() {
    // Strip every `decisive` flag from positive effects in every section: every model then lacks them.
    let files: Vec<String> = embedded_files()
        .iter()
        .map(|(n, _)| n.to_string())
        .filter(|n| n.starts_with("questions/"))
        .collect();
    let first = files.first().unwrap().clone();
    let problems = with_edit(&first, |v| {
        for q in v["questions"].as_array_mut().unwrap() {
            for o in q["options"].as_array_mut().unwrap() {
                for e in o["effects"].as_array_mut().unwrap() {
                    if e["points"].as_i64().unwrap() > 0 {
                        e["decisive"] = false.into();
                        e["points"] = 3.into();
                    }
                }
            }
        }
    })
    .unwrap();
    // The first section holds both decisive conditions of at least one model (who is commissioning).
    assert!(
        problems
            .iter()
            .any(|p| p.contains("needs at least two decisive conditions")),
        "{problems:#?}"
    );
}

#[test]
fn an_orphan_question_is_rejected() {
    expect_problem(
        // q-contract-barrier: a question that only scoring uses (no branching, warning, route or case refers to it).
        with_edit("questions/01-need.json", |v| {
            let q = v["questions"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|q| q["id"] == "q-contract-barrier")
                .unwrap();
            for o in q["options"].as_array_mut().unwrap() {
                o["effects"] = Value::Array(vec![]);
            }
        }),
        "orphan question",
    );
}

/// Content with `n` more options (copies of the first, with new ids and keys) on question `id`.
fn with_more_options(
    file: &str,
    id: &'static str,
    n: usize,
) -> Result<Vec<String>, contract_advisor::Error> {
    with_edit(file, move |v| {
        let q = v["questions"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|q| q["id"] == id)
            .unwrap();
        let o = q["options"].as_array_mut().unwrap();
        for k in ["w", "x", "y", "z"].into_iter().take(n) {
            let mut extra = o[0].clone();
            extra["id"] = Value::from(format!("extra-{k}"));
            extra["key"] = Value::from(k);
            o.push(extra);
        }
    })
}

#[test]
fn a_question_with_too_many_options_is_rejected() {
    // A single-choice question past six options (it has six), a multiple-choice one past twelve (it has nine).
    expect_problem(
        with_more_options("questions/01-need.json", "q-commissioner", 1),
        "`q-commissioner`: has 7 options; 2 to 6 allowed",
    );
    expect_problem(
        with_more_options("questions/05-gaps.json", "q-gaps", 4),
        "`q-gaps`: has 13 options; 2 to 12 allowed",
    );
    assert_eq!(
        with_more_options("questions/05-gaps.json", "q-gaps", 3).unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn branching_that_a_later_answer_could_undo_is_rejected() {
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            let first = v["questions"][0].clone();
            v["questions"][1]["show_if"] = serde_json::json!({"not": {"q": first["id"], "any_of": [first["options"][0]["id"]]}});
        }),
        "show_if may only ask that answers include options",
    );
}

#[test]
fn an_overlay_outside_the_payment_layer_is_rejected() {
    expect_problem(
        with_edit("models.json", |v| v[0]["overlay"] = true.into()),
        "only a payment rule can be an overlay",
    );
}

#[test]
fn a_model_without_risks_is_rejected() {
    expect_problem(
        with_edit("models.json", |v| v[0]["risks"] = Value::Array(vec![])),
        "has no risks",
    );
}

#[test]
fn branching_on_a_later_question_is_rejected() {
    let kb = Kb::embedded().unwrap();
    let last = kb.content.questions.last().unwrap().1.clone();
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            v["questions"][0]["show_if"] =
                serde_json::json!({"q": last.id, "any_of": [last.options[0].id]});
        }),
        "comes later",
    );
}

#[test]
fn a_capability_weight_that_falls_as_capability_rises_is_rejected() {
    let kb = Kb::embedded().unwrap();
    // Find a skill question and a model that demands that skill, then make in-house worse than none.
    let (qi, q) = kb
        .content
        .questions
        .iter()
        .enumerate()
        .find(|(_, (_, q))| q.measures.as_ref().and_then(|m| m.skill.as_ref()).is_some())
        .map(|(i, (_, q))| (i, q.clone()))
        .unwrap();
    let skill = q.measures.unwrap().skill.unwrap();
    let model = kb
        .content
        .models
        .iter()
        .find(|m| m.demands.skills.iter().any(|s| s.skill == skill))
        .unwrap()
        .id
        .clone();
    let file = format!("questions/{}", {
        let names: Vec<&str> = embedded_files()
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| n.starts_with("questions/"))
            .collect();
        // The question's section file: count questions per file until the index is reached.
        let mut left = qi;
        let mut chosen = "";
        for n in names {
            let text = embedded_files()
                .into_iter()
                .find(|(f, _)| *f == n)
                .unwrap()
                .1;
            let count = serde_json::from_str::<Value>(text).unwrap()["questions"]
                .as_array()
                .unwrap()
                .len();
            if left < count {
                chosen = n;
                break;
            }
            left -= count;
        }
        chosen.trim_start_matches("questions/").to_owned()
    });
    let problems = with_edit(&file, |v| {
        for question in v["questions"].as_array_mut().unwrap() {
            if question["id"] == q.id.as_str() {
                for o in question["options"].as_array_mut().unwrap() {
                    let Some(level) = o["level"].as_u64() else {
                        continue;
                    };
                    let points = if level == 2 { -3 } else { 3 };
                    let effects = o["effects"].as_array_mut().unwrap();
                    effects.retain(|e| e["model"] != model.as_str());
                    effects.push(serde_json::json!({
                        "model": model, "points": points, "why": "test", "sources": ["F1"]
                    }));
                }
            }
        }
    })
    .unwrap();
    assert!(
        problems.iter().any(|p| p.contains("monotonic")),
        "{problems:#?}"
    );
}

#[test]
fn dangling_ids_stop_the_content_loading() {
    let err = with_edit("questions/01-need.json", |v| {
        first_effect(v)["model"] = "no-such-model".into()
    })
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Content);
    assert!(
        err.message().contains("unknown model `no-such-model`"),
        "{err}"
    );

    let err = with_edit("models.json", |v| {
        v[0]["cases"] = serde_json::json!(["no-such-case"])
    })
    .unwrap_err();
    assert!(
        err.message().contains("unknown case `no-such-case`"),
        "{err}"
    );

    let err = with_edit("red_flags.json", |v| {
        v[0]["when"] = serde_json::json!({"q": "q-nope", "any_of": ["x"]})
    })
    .unwrap_err();
    assert!(err.message().contains("unknown question `q-nope`"), "{err}");

    let err = with_edit("models.json", |v| {
        let first = v[0].clone();
        v.as_array_mut().unwrap().push(first);
    })
    .unwrap_err();
    assert!(err.message().contains("used twice"), "{err}");
}

#[test]
fn unknown_fields_are_rejected_so_typos_do_not_pass_silently() {
    let err = with_edit("models.json", |v| v[0]["prose"] = serde_json::json!([])).unwrap_err();
    assert!(err.message().contains("unknown field `prose`"), "{err}");
}

#[test]
fn the_compact_questionnaire_equals_the_json_one() {
    let full = Kb::embedded().unwrap();
    let lite = Kb::questionnaire().unwrap();
    assert_eq!(
        format!("{:?}", lite.content.meta.content_version),
        format!("{:?}", full.content.meta.content_version)
    );
    assert_eq!(
        format!("{:?}", lite.content.glossary),
        format!("{:?}", full.content.glossary)
    );
    assert_eq!(
        format!("{:?}", lite.content.sections),
        format!("{:?}", full.content.sections)
    );
    assert_eq!(lite.content.questions.len(), full.content.questions.len());
    for ((ls, lq), (fs, fq)) in lite.content.questions.iter().zip(&full.content.questions) {
        // The compact questionnaire carries no knowledge: no effects, no vehicle in place.
        let mut without_effects = fq.clone();
        without_effects.options.iter_mut().for_each(|o| {
            o.effects.clear();
            o.in_place = None;
        });
        assert_eq!(ls, fs);
        assert_eq!(
            format!("{lq:?}"),
            format!("{without_effects:?}"),
            "question {}",
            fq.id
        );
    }
    // Branching is identical, so the first stage and the full advisor agree on which questions apply.
    assert_eq!(lite.show_if, full.show_if);
}

#[test]
fn a_corrupt_compact_questionnaire_is_an_error_not_a_panic() {
    let text = contract_advisor::compact::QUESTIONNAIRE;
    for cut in [0, 1, 10, text.len() / 2] {
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        assert!(contract_advisor::compact::decode(&text[..cut]).is_err());
    }
    assert!(contract_advisor::compact::decode("1\u{1f}2\u{1f}3\u{1f}99999999\u{1f}").is_err());
}

#[test]
fn answers_saved_with_older_content_keep_loading_through_renamed_ids() {
    // Pretend an earlier content version called the segment question `q-population` and its "pathway" option
    // "condition-pathway"; meta.json records both renames.
    let files = embedded_files();
    let mut changed: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let meta = changed.iter_mut().find(|(n, _)| n == "meta.json").unwrap();
    let mut v: Value = serde_json::from_str(&meta.1).unwrap();
    v["renamed"] = serde_json::json!({
        "questions": [{"from": "q-population", "to": "q-segment"}],
        "options": [{"question": "q-segment", "from": "condition-pathway", "to": "pathway"}]
    });
    meta.1 = v.to_string();
    let refs: Vec<(&str, &str)> = changed
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let kb = Kb::from_files(&refs).unwrap();
    let old = r#"{"format": "integrated-care-contract-advisor/answers", "version": 1, "contentVersion": "0.9.0",
                  "answers": {"q-population": "condition-pathway"}}"#;
    let (answers, notes) = contract_advisor::saved::read_file(&kb, old).unwrap();
    assert_eq!(
        answers.to_raw(&kb).get("q-segment"),
        Some(&contract_advisor::RawAnswer::One("pathway".into()))
    );
    assert!(
        notes.iter().any(|n| n.contains("content version 0.9.0")),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.contains("is now")), "{notes:?}");
    // Without the renames, the same file is refused with a clear reason, and nothing is half-loaded.
    let plain = Kb::embedded().unwrap();
    let errors = contract_advisor::saved::read_file(&plain, old).unwrap_err();
    assert!(
        errors[0]
            .message()
            .contains("is not a question in this version"),
        "{errors:?}"
    );
}

#[test]
fn answers_saved_with_content_1_0_0_load_and_say_what_to_answer_again() {
    // Content 1.0.0 asked "How many people does the scope cover?" (q-population-size, link key `pz`), mixing head
    // counts with areas; 2.0.0 asks two questions instead. A 1.0.0 file or link still loads: that one answer is
    // set aside with a note naming the questions to answer, and every other answer is kept.
    let kb = Kb::embedded().unwrap();
    let old = r#"{"format": "integrated-care-contract-advisor/answers", "version": 1, "contentVersion": "1.0.0",
                  "answers": {"q-segment": "older-multimorbid", "q-population-size": "place", "q-provider-count": "few"}}"#;
    let (answers, notes) = contract_advisor::saved::read_file(&kb, old).unwrap();
    let raw = answers.to_raw(&kb);
    assert_eq!(raw.len(), 2, "{raw:?}");
    assert!(raw.contains_key("q-segment") && raw.contains_key("q-provider-count"));
    assert!(
        notes
            .iter()
            .any(|n| n.contains("How many people does the scope cover?")
                && n.contains("About how many people are in scope?")
                && n.contains("What area does it cover?")),
        "{notes:?}"
    );
    // The same answers as a 1.0.0 share link (segment c, population size c, provider count b).
    let body = "sgc-pzc-pcb";
    let link = format!(
        "a1.{body}.{}",
        contract_advisor::saved::checksum(&format!("a1.{body}"))
    );
    let (from_link, notes) = contract_advisor::saved::read_link(&kb, &link).unwrap();
    assert_eq!(from_link, answers);
    assert!(notes.iter().any(|n| n.contains("set aside")), "{notes:?}");
}

/// The first element of a content array whose `id` is `id`.
fn by_id<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    v.as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no `{id}`"))
}

#[test]
fn a_status_note_without_its_date_is_rejected() {
    expect_problem(
        with_edit("models.json", |v| {
            by_id(v, "delegated-commissioning")
                .as_object_mut()
                .unwrap()
                .remove("status_as_of");
        }),
        "models.json `delegated-commissioning` status_note: a status needs `as_of`",
    );
}

#[test]
fn a_case_status_without_its_date_is_rejected() {
    expect_problem(
        with_edit("cases.json", |v| {
            by_id(v, "lambeth-alliance")
                .as_object_mut()
                .unwrap()
                .remove("as_of");
        }),
        "cases.json `lambeth-alliance` status: a status needs `as_of`",
    );
}

#[test]
fn a_statement_about_current_policy_without_a_date_is_rejected() {
    // A pro naming the payment scheme year, a warning about the Better Care Fund and a glossary term about
    // board mergers, each without `as_of`.
    expect_problem(
        with_edit("models.json", |v| {
            v[0]["pros"][0] = serde_json::json!({
                "text": "The 2026/27 NHS Payment Scheme pays for this.", "sources": ["S75"]
            })
        }),
        "models.json `single-commissioner` pros[0]: speaks of current policy",
    );
    expect_problem(
        with_edit("red_flags.json", |v| {
            by_id(v, "bcf-conditions")
                .as_object_mut()
                .unwrap()
                .remove("as_of");
        }),
        "red_flags.json `bcf-conditions`: speaks of current policy",
    );
    expect_problem(
        with_edit("glossary.json", |v| {
            by_id(v, "integrated-care-board")
                .as_object_mut()
                .unwrap()
                .remove("as_of");
        }),
        "glossary.json `integrated-care-board`: speaks of current policy",
    );
    // The same pro with a date passes.
    let problems = with_edit("models.json", |v| {
        v[0]["pros"][0] = serde_json::json!({
            "text": "The 2026/27 NHS Payment Scheme pays for this.", "sources": ["S75"], "as_of": "2025-12"
        })
    })
    .unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_date_that_is_not_real_or_is_after_the_review_is_rejected() {
    for bad in [
        "2026-13",
        "2026-02-30",
        "26-03",
        "2026-3",
        "2026-03-1",
        "March 2026",
        "2025-00",
    ] {
        expect_problem(
            with_edit("models.json", |v| {
                by_id(v, "delegated-commissioning")["status_as_of"] = bad.into()
            }),
            &format!("as_of `{bad}` is not a date"),
        );
    }
    // last_reviewed is 2026-11-29: the next day, the next month and the next year are all after it.
    for late in ["2026-11-30", "2026-12", "2027"] {
        expect_problem(
            with_edit("cases.json", |v| {
                by_id(v, "lambeth-alliance")["as_of"] = late.into()
            }),
            &format!("as_of `{late}` is after the content's last_reviewed date"),
        );
    }
    for good in ["2026-11-29", "2026-11", "2026", "2024-02-29"] {
        let problems = with_edit("cases.json", |v| {
            by_id(v, "lambeth-alliance")["as_of"] = good.into()
        })
        .unwrap();
        assert!(problems.is_empty(), "{good}: {problems:#?}");
    }
}

#[test]
fn an_outcome_claim_resting_only_on_an_interested_party_must_say_whose_account_it_is() {
    // S19 is the facilitators' own case study, S21 a law firm's briefing, S14 a provider chief executive's opinion.
    for (text, sources) in [
        ("Lambeth saved £2m in its first year.", vec!["S19"]),
        ("Lambeth saved £2m in its first year.", vec!["S19", "S21"]),
        ("Prime contracting reduced costs.", vec!["S14"]),
    ] {
        expect_problem(
            with_edit("models.json", |v| {
                v[0]["pros"][0] = serde_json::json!({ "text": text, "sources": sources })
            }),
            "does not say whose account it is",
        );
    }
    // An effect's reason and a case are held to the same rule.
    expect_problem(
        with_edit("questions/01-need.json", |v| {
            first_effect(v)["why"] = "Alliances cut costs by a third.".into();
            first_effect(v)["sources"] = serde_json::json!(["S21"]);
        }),
        "does not say whose account it is",
    );
    expect_problem(
        with_edit("cases.json", |v| {
            let case = by_id(v, "lambeth-alliance");
            case["sources"] = serde_json::json!(["S19", "S21"]);
            case["what_happened"] = "It saved £2m in year one.".into();
        }),
        "cases.json `lambeth-alliance`: claims a result",
    );
    // Saying whose account it is passes; so does an independent source beside the interested one.
    for (text, sources) in [
        (
            "The facilitators report £2m of savings in Lambeth's first year.",
            vec!["S19"],
        ),
        (
            "A law firm's briefing reported £2m of savings.",
            vec!["S19", "S21"],
        ),
        ("Lambeth saved £2m in its first year.", vec!["S19", "S20"]),
    ] {
        let problems = with_edit("models.json", |v| {
            v[0]["pros"][0] = serde_json::json!({ "text": text, "sources": sources })
        })
        .unwrap();
        assert!(problems.is_empty(), "{text}: {problems:#?}");
    }
}

#[test]
fn an_interested_party_must_be_named() {
    expect_problem(
        with_edit("sources.json", |v| {
            by_id(v, "S19")["interested_party"] = " ".into()
        }),
        "sources.json `S19`: interested_party is empty",
    );
}

#[test]
fn the_interested_parties_named_in_issue_11_are_marked() {
    let kb = Kb::embedded().unwrap();
    for id in ["S14", "S19", "S21"] {
        assert!(
            kb.source(id).unwrap().interested_party.is_some(),
            "{id} is not marked as an interested party"
        );
    }
}

#[test]
fn dated_statements_are_aged_against_the_review_date() {
    let kb = Kb::embedded().unwrap();
    assert_eq!(kb.content.meta.last_reviewed, "2026-11-29");
    let dated = validate::dated_statements(&kb);
    let age = |context: &str| {
        dated
            .iter()
            .find(|d| d.context == context)
            .unwrap_or_else(|| panic!("{context} is not dated"))
            .months_old
    };
    // July 2018 to November 2026; a year alone counts from its January; a day later in the month is not yet a
    // whole month.
    assert_eq!(age("cases.json `lambeth-alliance` status"), 100);
    assert_eq!(age("cases.json `wirral-delegation` status"), 46);
    assert_eq!(age("cases.json `dudley-icp` status"), 32);
    assert_eq!(age("cases.json `bedfordshire-msk` status"), 0);
    // Every model with a status note and every case is dated.
    let notes = kb
        .content
        .models
        .iter()
        .filter(|m| m.status_note.is_some())
        .count();
    let statuses = dated
        .iter()
        .filter(|d| d.context.ends_with("status_note"))
        .count();
    assert_eq!(statuses, notes);
    assert_eq!(
        dated
            .iter()
            .filter(|d| d.context.ends_with(" status"))
            .count(),
        kb.content.cases.len()
    );
}

#[test]
fn the_date_is_shown_with_the_statement() {
    use contract_advisor::content::{as_of_words, dated};
    assert_eq!(as_of_words("2026-03").as_deref(), Some("March 2026"));
    assert_eq!(
        as_of_words("2026-02-17").as_deref(),
        Some("17 February 2026")
    );
    assert_eq!(as_of_words("2025").as_deref(), Some("2025"));
    assert_eq!(as_of_words("2026-13"), None);
    assert_eq!(
        dated("Boards are merging.", Some("2025-10")),
        "As of October 2025: Boards are merging."
    );
    assert_eq!(dated("Timeless.", None), "Timeless.");
    let kb = Kb::embedded().unwrap();
    let cat = contract_advisor::api::catalogue(&kb);
    let case = |id: &str| {
        cat.cases
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .status
            .clone()
    };
    assert_eq!(case("lambeth-alliance"), "Evolved (as of July 2018)");
    assert_eq!(
        case("bedfordshire-msk"),
        "Status not verified (as of November 2026)"
    );
    assert_eq!(
        case("mid-notts"),
        "Status not verified (as of November 2026)"
    );
    // A model's status note and its dated pros, cons and risks reach the page with their dates.
    let rec = contract_advisor::api::recommendation(&kb, &contract_advisor::Answers::new(&kb));
    let delegated = rec
        .arrangements
        .iter()
        .find(|m| m.id == "delegated-commissioning")
        .unwrap();
    assert!(delegated
        .status_note
        .as_deref()
        .unwrap()
        .starts_with("As of June 2026: "));
    assert!(delegated.risks.iter().any(|r| r
        .text
        .starts_with("As of June 2026: Delegations from NHS England")));
}

/// Changes the first warning in `red_flags.json`.
fn first_warning(edit: impl FnOnce(&mut Value)) -> Result<Vec<String>, contract_advisor::Error> {
    with_edit("red_flags.json", |v| edit(&mut v[0]))
}

/// Changes the warning with this id in `red_flags.json`.
fn warning(
    id: &str,
    edit: impl FnOnce(&mut Value),
) -> Result<Vec<String>, contract_advisor::Error> {
    with_edit("red_flags.json", |v| edit(by_id(v, id)))
}

#[test]
fn a_situation_when_that_cannot_narrow_a_warning_about_models_is_rejected() {
    // On a warning that concerns the situation already.
    expect_problem(
        warning(
            "early-savings",
            |f| {
                f["situation_when"] =
                    serde_json::json!({"q": "q-savings-timing", "any_of": ["early"]})
            },
        ),
        "already concerns the situation whatever the answers",
    );
    // Never together with the trigger.
    expect_problem(
        warning("patient-choice", |f| {
            f["situation_when"] = serde_json::json!({"q": "q-patient-choice", "any_of": ["no"]})
        }),
        "the two can never hold together",
    );
    // Whenever the trigger holds: then it concerns the situation always.
    expect_problem(
        warning(
            "patient-choice",
            |f| {
                f["situation_when"] =
                    serde_json::json!({"q": "q-patient-choice", "any_of": ["yes", "partly"]})
            },
        ),
        "holds whenever `when` does",
    );
    // Holding only through `not`.
    expect_problem(
        warning(
            "patient-choice",
            |f| {
                f["situation_when"] =
                    serde_json::json!({"not": {"q": "q-data-quality", "any_of": ["good"]}})
            },
        ),
        "situation_when: some answers make it hold without naming any answer behind it",
    );
}

/// Changes the model with this id in `models.json`.
fn model(id: &str, edit: impl FnOnce(&mut Value)) -> Result<Vec<String>, contract_advisor::Error> {
    with_edit("models.json", |v| edit(by_id(v, id)))
}

#[test]
fn a_proposed_when_that_cannot_list_a_proposal_s_warnings_is_rejected() {
    // On a model that no warning concerns: a proposal of it would list nothing.
    expect_problem(
        model(
            "block",
            |m| {
                m["proposed_when"] =
                    serde_json::json!({"q": "q-current-payment", "any_of": ["fixed"]})
            },
        ),
        "no warning concerns this model",
    );
    // Reading no question.
    expect_problem(
        model("capitation", |m| {
            m["proposed_when"] = serde_json::json!({"all": []})
        }),
        "proposed_when: it reads no question",
    );
    // Holding whatever the answers: every option of a question every journey answers.
    let kb = Kb::embedded().unwrap();
    let (_, commissioner) = kb
        .content
        .questions
        .iter()
        .find(|(_, q)| q.id == "q-commissioner")
        .unwrap();
    let every: Vec<&str> = commissioner.options.iter().map(|o| o.id.as_str()).collect();
    expect_problem(
        model("capitation", |m| {
            m["proposed_when"] = serde_json::json!({"q": "q-commissioner", "any_of": every})
        }),
        "it holds whatever the answers",
    );
    // Holding only through `not`, naming no answer.
    expect_problem(
        model(
            "capitation",
            |m| {
                m["proposed_when"] =
                    serde_json::json!({"not": {"q": "q-budget-proposal", "any_of": ["no"]}})
            },
        ),
        "without naming any answer behind it",
    );
    // An unknown question stops the content loading.
    let err = model("capitation", |m| {
        m["proposed_when"] = serde_json::json!({"q": "q-nope", "any_of": ["x"]})
    })
    .unwrap_err();
    assert!(err.message().contains("unknown question `q-nope`"), "{err}");
}

#[test]
fn a_warning_whose_trigger_reads_no_question_is_rejected() {
    expect_problem(
        first_warning(|f| f["when"] = serde_json::json!({"all": []})),
        "reads no question",
    );
}

#[test]
fn a_warning_no_answers_can_raise_is_rejected() {
    // Two options of one single-choice question at once.
    expect_problem(
        first_warning(|f| {
            f["when"] = serde_json::json!({"all": [
                {"q": "q-data-quality", "any_of": ["good"]},
                {"q": "q-data-quality", "any_of": ["poor"]}
            ]})
        }),
        "no set of answers can raise it",
    );
    // An answer to a question that branching hides whenever the other answer holds: whether outcomes can be
    // measured is asked only when some outcomes are agreed or drafted.
    expect_problem(
        first_warning(|f| {
            f["when"] = serde_json::json!({"all": [
                {"q": "q-outcomes-agreed", "any_of": ["not-yet"]},
                {"q": "q-outcomes-measurable", "any_of": ["partly"]}
            ]})
        }),
        "no set of answers can raise it",
    );
}

#[test]
fn a_warning_raised_whatever_the_answers_is_rejected() {
    // Every option of a question everyone answers.
    expect_problem(
        first_warning(|f| {
            f["when"] = serde_json::json!({"q": "q-data-quality",
                "any_of": ["good", "patchy", "poor", "not-sure"]})
        }),
        "raised whatever the answers",
    );
    // Any answer at all.
    expect_problem(
        first_warning(|f| f["when"] = serde_json::json!({"q": "q-time", "answered": true})),
        "raised whatever the answers",
    );
}

#[test]
fn a_warning_that_names_no_answer_behind_it_is_rejected() {
    expect_problem(
        first_warning(|f| {
            f["when"] = serde_json::json!({"not": {"q": "q-data-quality", "any_of": ["good"]}})
        }),
        "without naming any answer behind it",
    );
}

#[test]
fn a_warning_without_a_mitigation_or_message_is_rejected() {
    expect_problem(
        first_warning(|f| f["mitigation"] = " ".into()),
        "mitigation: text is empty",
    );
    expect_problem(
        first_warning(|f| f["message"] = "".into()),
        "message: text is empty",
    );
}

#[test]
fn a_warning_without_a_source_that_resolves_is_rejected() {
    expect_problem(
        first_warning(|f| f["sources"] = serde_json::json!([])),
        "names no source",
    );
    expect_problem(
        first_warning(|f| f["sources"] = serde_json::json!(["S999"])),
        "`S999` is not in sources.json",
    );
}

#[test]
fn a_warning_without_a_valid_severity_stops_the_content_loading() {
    let err = first_warning(|f| f["severity"] = "urgent".into()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Content);
    assert!(err.message().contains("unknown variant `urgent`"), "{err}");
    let err = first_warning(|f| {
        f.as_object_mut().unwrap().remove("severity");
    })
    .unwrap_err();
    assert!(err.message().contains("missing field `severity`"), "{err}");
}

#[test]
fn a_warning_that_applies_to_nothing_or_to_an_unknown_model_is_rejected() {
    expect_problem(
        first_warning(|f| f["applies_to"] = serde_json::json!([])),
        "applies to nothing",
    );
    let err =
        first_warning(|f| f["applies_to"] = serde_json::json!(["no-such-model"])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Content);
    assert!(
        err.message().contains("unknown model `no-such-model`"),
        "{err}"
    );
}

// The new-vehicle margin (meta.json): how much clearer a new contract vehicle's fit must be to come first.

#[test]
fn content_without_a_new_vehicle_margin_is_rejected() {
    expect_problem(
        with_edit("meta.json", |v| {
            v.as_object_mut().unwrap().remove("new_vehicle_margin");
        }),
        "new_vehicle_margin is missing",
    );
}

#[test]
fn a_new_vehicle_margin_out_of_range_is_rejected() {
    for points in [0, -5, 51] {
        expect_problem(
            with_edit("meta.json", |v| {
                v["new_vehicle_margin"]["points"] = points.into()
            }),
            "new_vehicle_margin: points is",
        );
    }
}

#[test]
fn a_new_vehicle_margin_whose_text_gives_another_margin_is_rejected() {
    expect_problem(
        with_edit("meta.json", |v| {
            v["new_vehicle_margin"]["points"] = 15.into()
        }),
        "the text must give the margin as it is",
    );
}

/// A `meta.json` entry with text, a short form and sources (`key`) is refused without any one of them.
fn rejects_missing_words_or_sources(key: &str) {
    expect_problem(
        with_edit("meta.json", |v| v[key]["text"] = "".into()),
        &format!("{key} text: text is empty"),
    );
    expect_problem(
        with_edit("meta.json", |v| v[key]["short"] = " ".into()),
        &format!("{key} short: text is empty"),
    );
    expect_problem(
        with_edit("meta.json", |v| v[key]["sources"] = serde_json::json!([])),
        &format!("{key}: names no source"),
    );
}

#[test]
fn a_new_vehicle_margin_without_words_or_sources_is_rejected() {
    rejects_missing_words_or_sources("new_vehicle_margin");
}

// A vehicle already in place (an option's `in_place`, and meta.json's `in_place`).

/// Edits the option of the current-contract question that marks a lead provider in place.
fn with_lead_in_place(
    edit: impl FnOnce(&mut Value),
) -> Result<Vec<String>, contract_advisor::Error> {
    with_edit("questions/04-providers.json", |v| {
        let q = v["questions"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|q| q["id"] == "q-current-contract")
            .expect("the current-contract question");
        let o = q["options"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|o| o["in_place"] == "lead-provider")
            .expect("an option marking the lead provider in place");
        edit(o);
    })
}

#[test]
fn an_option_marking_in_place_what_is_not_a_new_contract_vehicle_is_rejected() {
    for id in ["standard-contract", "block", "single-commissioner"] {
        expect_problem(
            with_lead_in_place(|o| o["in_place"] = id.into()),
            &format!("in_place names `{id}`, which is not a contract vehicle that needs a case for change"),
        );
    }
    let err = with_lead_in_place(|o| o["in_place"] = "no-such-model".into()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Content);
    assert!(err.message().contains("no-such-model"), "{err}");
}

#[test]
fn content_marking_a_vehicle_in_place_without_saying_why_is_rejected() {
    expect_problem(
        with_edit("meta.json", |v| {
            v.as_object_mut().unwrap().remove("in_place");
        }),
        "in_place is missing",
    );
    rejects_missing_words_or_sources("in_place");
}

// The case for change (meta.json): when a new contract vehicle's supporting answers count.

#[test]
fn content_without_a_case_for_change_is_rejected() {
    expect_problem(
        with_edit("meta.json", |v| {
            v.as_object_mut().unwrap().remove("case_for_change");
        }),
        "case_for_change is missing",
    );
}

#[test]
fn a_case_for_change_without_words_or_sources_is_rejected() {
    rejects_missing_words_or_sources("case_for_change");
}

#[test]
fn a_case_for_change_that_decides_nothing_is_rejected() {
    // Holds whatever the answers.
    expect_problem(
        with_edit("meta.json", |v| {
            v["case_for_change"]["when"] = serde_json::json!({"q": "q-data-quality",
                "any_of": ["good", "patchy", "poor", "not-sure"]})
        }),
        "holds whatever the answers, or never",
    );
    // Never holds.
    expect_problem(
        with_edit("meta.json", |v| {
            v["case_for_change"]["when"] = serde_json::json!({"all": [
                {"q": "q-data-quality", "any_of": ["good"]},
                {"q": "q-data-quality", "any_of": ["poor"]}
            ]})
        }),
        "holds whatever the answers, or never",
    );
    // Reads no question.
    expect_problem(
        with_edit("meta.json", |v| {
            v["case_for_change"]["when"] = serde_json::json!({"all": []})
        }),
        "reads no question",
    );
}

#[test]
fn only_a_contract_vehicle_can_need_a_case_for_change() {
    expect_problem(
        with_edit("models.json", |v| {
            let block = v
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|m| m["id"] == "block")
                .unwrap();
            block["needs_case_for_change"] = true.into();
        }),
        "only a contract vehicle can need a case for change",
    );
}

// The plan of next steps (plan.json).

#[test]
fn a_plan_stage_without_words_is_rejected() {
    expect_problem(
        with_edit("plan.json", |v| v["engagement"]["what"] = "".into()),
        "plan.json engagement what: text is empty",
    );
}

#[test]
fn a_plan_whose_shares_leave_nothing_for_mobilisation_is_rejected() {
    expect_problem(
        with_edit("plan.json", |v| {
            v["business_case"]["share_percent"] = 60.into()
        }),
        "leave some months for mobilisation",
    );
    expect_problem(
        with_edit("plan.json", |v| {
            v["procurement"]["months_otherwise"] = 0.into()
        }),
        "at least 1",
    );
}

#[test]
fn a_plan_that_does_not_say_when_it_goes_live_or_names_an_unknown_warning_is_rejected() {
    expect_problem(
        with_edit("plan.json", |v| {
            v["mobilisation"]["what"] = "Sign the contract and go live.".into()
        }),
        "`{go_live}`",
    );
    expect_problem(
        with_edit("plan.json", |v| {
            v["shadow"]["warning"] = "no-such-warning".into()
        }),
        "warning `no-such-warning` is not in red_flags.json",
    );
}

#[test]
fn a_plan_that_runs_past_its_go_live_month_is_rejected() {
    // One month between procurement and go-live cannot hold a business case and mobilisation of a month each.
    expect_problem(
        with_edit("plan.json", |v| {
            v["mobilisation"]["min_months_after_procurement"] = 1.into()
        }),
        "leave no month for mobilisation",
    );
    expect_problem(
        with_edit("plan.json", |v| v["shadow"]["months"] = 1000.into()),
        "at most 120",
    );
}

#[test]
fn a_case_for_change_that_answering_more_could_unmake_is_rejected() {
    expect_problem(
        with_edit(
            "meta.json",
            |v| {
                v["case_for_change"]["when"] =
                    serde_json::json!({"not": {"q": "q-contract-barrier", "any_of": ["no"]}})
            },
        ),
        "may only ask that answers include options",
    );
}

#[test]
fn an_effect_condition_may_only_ask_for_other_questions_answers() {
    for (when, why) in [
        (
            serde_json::json!({"not": {"q": "q-problem", "any_of": ["outcomes"]}}),
            "not",
        ),
        (
            serde_json::json!({"q": "q-problem", "answered": true}),
            "answered",
        ),
        (
            serde_json::json!({"q": "q-commissioner", "any_of": ["council"]}),
            "its own question",
        ),
        (
            serde_json::json!({"all": [{"q": "q-problem", "any_of": ["outcomes"]}, {"not": {"q": "q-time", "any_of": ["under-6"]}}]}),
            "not, inside all",
        ),
        (serde_json::json!({"all": []}), "reads no question"),
    ] {
        let err =
            with_edit("questions/01-need.json", |v| first_effect(v)["when"] = when).expect_err(why);
        assert!(
            err.to_string()
                .contains("may only ask that other questions' answers include options"),
            "{why}: {err}"
        );
    }
    // The same shapes on other questions' answers load.
    let ok = with_edit("questions/01-need.json", |v| {
        first_effect(v)["when"] = serde_json::json!({"any": [{"q": "q-problem", "any_of": ["outcomes"]}, {"q": "q-time", "any_of": ["under-6"]}]})
    })
    .expect("loads");
    assert!(ok.is_empty(), "{ok:?}");
}

#[test]
fn an_option_moves_a_model_a_second_time_only_under_a_condition() {
    let twice = |when: Option<Value>| {
        with_edit("questions/01-need.json", |v| {
            let mut copy = first_effect(v).clone();
            if let Some(w) = when {
                copy["when"] = w;
            }
            v["questions"][0]["options"][0]["effects"]
                .as_array_mut()
                .unwrap()
                .push(copy);
        })
    };
    expect_problem(twice(None), "moves this model twice");
    let conditional = twice(Some(
        serde_json::json!({"q": "q-problem", "any_of": ["outcomes"]}),
    ))
    .expect("loads");
    assert!(
        !conditional.iter().any(|p| p.contains("twice")),
        "{conditional:?}"
    );
}
