//! The `advise` command: the same recommendation as the page, for analysts and for tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use contract_advisor::{api, saved, Answers, Kb, RawAnswers};

fn advise(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_advise"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn sample() -> (Kb, Answers) {
    let kb = Kb::embedded().unwrap();
    let raw: RawAnswers = serde_json::from_str(
        r#"{"q-problem": ["handoffs", "fragmented"], "q-segment": "pathway", "q-pathway-shape": "clear",
            "q-provider-count": "very-many", "q-time": "12-24", "q-existing-service": "existing"}"#,
    )
    .unwrap();
    let (answers, _) = Answers::from_raw(&kb, &raw).unwrap();
    (kb, answers)
}

#[test]
fn recommend_prints_the_same_recommendation_as_the_api() {
    let (kb, answers) = sample();
    let file = saved::write_file(&kb, &answers);
    let out = advise(&["recommend", "-", "--format", "json"], &file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = serde_json::to_value(api::recommendation(&kb, &answers)).unwrap();
    assert_eq!(printed["recommendation"], expected);
    assert_eq!(printed["answers"]["answers"]["q-segment"], "pathway");
}

#[test]
fn recommend_as_text_explains_itself() {
    let (kb, answers) = sample();
    let out = advise(&["recommend", "-"], &saved::write_file(&kb, &answers));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rec = api::recommendation(&kb, &answers);
    assert!(
        text.contains(&format!("### 1. {}", rec.vehicles[0].name)),
        "{text}"
    );
    assert!(text.contains("Why it may suit you"));
    assert!(text.contains("## Sources"));
    assert!(text.contains("not legal advice"));
}

#[test]
fn a_plain_answers_object_is_accepted_too() {
    let out = advise(
        &["recommend", "-", "--format", "json"],
        r#"{"q-segment": "pathway"}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bad_answers_give_a_clear_message_and_exit_code_1() {
    let out = advise(&["recommend", "-"], r#"{"q-segment": "spaceships"}"#);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("“spaceships” is not one of the answers"),
        "{err}"
    );

    let out = advise(
        &["recommend", "-"],
        "{\"format\": \"integrated-care-contract-advisor/answers\", \"vers",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("incomplete"));
}

#[test]
fn link_prints_a_fragment_that_reads_back() {
    let (kb, answers) = sample();
    let out = advise(&["link", "-"], &saved::write_file(&kb, &answers));
    assert!(out.status.success());
    let fragment = String::from_utf8(out.stdout).unwrap();
    let (back, _) = saved::read_link(&kb, fragment.trim()).unwrap();
    assert_eq!(back.to_raw(&kb), answers.to_raw(&kb));
}

#[test]
fn check_passes_and_usage_errors_exit_2() {
    let out = advise(&["check"], "");
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("0 problems found"));
    assert_eq!(advise(&["fly"], "").status.code(), Some(2));
}

#[test]
fn the_catalogue_page_escapes_content_and_lists_everything() {
    let kb = Kb::embedded().unwrap();
    let out = advise(&["catalogue", "--format", "html"], "");
    let html = String::from_utf8(out.stdout).unwrap();
    for (_, q) in &kb.content.questions {
        assert!(
            html.contains(&contract_advisor::report::escape(&q.text)),
            "missing {}",
            q.id
        );
    }
    for m in &kb.content.models {
        assert!(
            html.contains(&contract_advisor::report::escape(&m.name)),
            "missing {}",
            m.id
        );
    }
    assert!(!html.contains("<script"));
}
