//! The catalogue of bad saved-answers files and share links (`tests/bad_inputs/catalogue.json`): every entry must
//! be refused with the expected error code and a message in plain words, without a panic, and the answers the
//! user already had must stay exactly as they were. The browser end-to-end tests read the same catalogue.
//!
//! Catalogue entries: `name`, `kind` (`file` or `link`), `input` (the file text or the link fragment) or
//! `generate` (`{"repeat": text, "times": n}` for very large inputs), `code` (see `ErrorKind::code`),
//! `message_contains` (a short part of the expected message) and an optional `note` for people.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use contract_advisor::{api, saved, Answers, Error, Kb};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    kind: String,
    #[serde(default)]
    input: Option<String>,
    #[serde(default)]
    generate: Option<Generate>,
    code: String,
    message_contains: String,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for people reading the catalogue")]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    repeat: String,
    times: usize,
}

/// The user-facing error codes (every `ErrorKind::code` except `content`).
const CODES: &[&str] = &[
    "file",
    "link",
    "unknown-question",
    "unknown-option",
    "wrong-type",
    "no-selection",
    "exclusive-conflict",
    "duplicate",
    "hidden-question",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

fn catalogue() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("catalogue.json")).expect("read catalogue.json");
    serde_json::from_str(&text).expect("catalogue.json is a list of entries")
}

fn kb() -> Kb {
    Kb::embedded().expect("embedded content loads")
}

impl Entry {
    fn text(&self) -> String {
        match (&self.input, &self.generate) {
            (Some(s), None) => s.clone(),
            (None, Some(g)) => g.repeat.repeat(g.times),
            _ => panic!("{}: give exactly one of input and generate", self.name),
        }
    }

    fn read(&self, kb: &Kb, text: &str) -> Result<(Answers, Vec<String>), Vec<Error>> {
        match self.kind.as_str() {
            // What the page and `advise` both read: a saved file or a plain object of answers.
            "file" => saved::read_any(kb, text),
            "link" => saved::read_link(kb, text),
            other => panic!("{}: unknown kind {other}", self.name),
        }
    }
}

fn good_file_text() -> String {
    std::fs::read_to_string(dir().join("good-file.json")).expect("read good-file.json")
}

fn good_link_text() -> String {
    std::fs::read_to_string(dir().join("good-link.txt"))
        .expect("read good-link.txt")
        .trim()
        .to_owned()
}

/// The answers the page holds before the user opens a bad file or link.
fn good_answers(kb: &Kb) -> Answers {
    match saved::read_file(kb, &good_file_text()) {
        Ok((answers, _)) => answers,
        Err(e) => panic!("good-file.json must load: {e:?}"),
    }
}

#[test]
fn catalogue_is_well_formed() {
    let entries = catalogue();
    assert!(entries.len() >= 24, "only {} entries", entries.len());
    let mut names = BTreeSet::new();
    for e in &entries {
        assert!(
            names.insert(e.name.as_str()),
            "name {} is used twice",
            e.name
        );
        assert!(
            !e.name.is_empty()
                && e.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "name {:?} is not kebab-case",
            e.name
        );
        assert!(
            e.kind == "file" || e.kind == "link",
            "{}: kind {:?}",
            e.name,
            e.kind
        );
        assert!(
            e.input.is_some() != e.generate.is_some(),
            "{}: give exactly one of input and generate",
            e.name
        );
        assert!(
            CODES.contains(&e.code.as_str()),
            "{}: unknown code {:?}",
            e.name,
            e.code
        );
        assert!(
            !e.message_contains.trim().is_empty(),
            "{}: message_contains is empty",
            e.name
        );
    }
    // Every user-facing code is exercised, by files and by links.
    let codes: BTreeSet<&str> = entries.iter().map(|e| e.code.as_str()).collect();
    for c in CODES {
        assert!(codes.contains(c), "no entry expects the code {c}");
    }
    for kind in ["file", "link"] {
        assert!(
            entries.iter().filter(|e| e.kind == kind).count() >= 12,
            "fewer than 12 {kind} entries"
        );
    }
}

#[test]
fn good_fixtures_load() {
    let kb = kb();
    let (from_file, notes) =
        saved::read_file(&kb, &good_file_text()).expect("good-file.json loads");
    assert!(notes.is_empty(), "unexpected notes: {notes:?}");
    let (from_link, notes) = saved::read_link(&kb, &good_link_text()).expect("good-link.txt loads");
    assert!(notes.is_empty(), "unexpected notes: {notes:?}");
    assert_eq!(
        from_file, from_link,
        "the good link holds the good file's answers"
    );
    assert_eq!(saved::write_link(&kb, &from_file), good_link_text());
    // With the `#` the page's location.hash has, too.
    let (hashed, _) =
        saved::read_link(&kb, &format!("#{}", good_link_text())).expect("#link loads");
    assert_eq!(hashed, from_file);
    assert!(
        from_file.to_raw(&kb).len() >= 10,
        "the good file answers several questions"
    );
}

#[test]
fn every_bad_input_is_refused_with_its_code_and_message() {
    let kb = kb();
    let before = good_answers(&kb);
    let before_json = serde_json::to_string(&api::recommendation(&kb, &before)).expect("serialise");
    // The page: answers in force, replaced only by a successful load.
    let mut current = before.clone();
    let mut failures = Vec::new();
    for e in catalogue() {
        let text = e.text();
        let outcome = catch_unwind(AssertUnwindSafe(|| e.read(&kb, &text)));
        match outcome {
            Err(_) => failures.push(format!("{}: panicked", e.name)),
            Ok(Ok((loaded, _))) => {
                failures.push(format!(
                    "{}: was accepted (answers {:?})",
                    e.name,
                    loaded.to_raw(&kb)
                ));
                current = loaded;
            }
            Ok(Err(errors)) => {
                if errors.is_empty() {
                    failures.push(format!("{}: failed with no error to show", e.name));
                }
                let found: Vec<(&str, &str)> = errors
                    .iter()
                    .map(|x| (x.kind().code(), x.message()))
                    .collect();
                if let Some((code, _)) = found.iter().find(|(c, _)| *c != e.code) {
                    failures.push(format!(
                        "{}: expected only `{}` errors, got `{code}`: {found:?}",
                        e.name, e.code
                    ));
                }
                if !found
                    .iter()
                    .any(|(c, m)| *c == e.code && m.contains(&e.message_contains))
                {
                    failures.push(format!(
                        "{}: expected a `{}` error containing {:?}, got {found:?}",
                        e.name, e.code, e.message_contains
                    ));
                }
            }
        }
        if current != before {
            failures.push(format!("{}: the answers in force changed", e.name));
            current = before.clone();
        }
    }
    let after_json = serde_json::to_string(&api::recommendation(&kb, &current)).expect("serialise");
    assert_eq!(before_json, after_json, "the recommendation changed");
    assert!(
        failures.is_empty(),
        "{} catalogue entries misbehaved:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Messages are for people: short (untrusted values are cut), and never Rust's or the JSON parser's words.
#[test]
fn bad_input_messages_are_short_and_plain() {
    let kb = kb();
    let jargon = [
        "serde",
        "RawAnswer",
        "Value::",
        "Vec<",
        "Option<",
        "invalid type",
        "u64",
        "u32",
        "usize",
        "panicked",
        "unwrap",
        "expected `",
    ];
    for e in catalogue() {
        let Err(errors) = e.read(&kb, &e.text()) else {
            continue; // reported by the test above
        };
        for x in &errors {
            let m = x.message();
            assert!(
                m.chars().count() <= 300,
                "{}: message of {} characters: {m}",
                e.name,
                m.chars().count()
            );
            assert!(!m.trim().is_empty(), "{}: empty message", e.name);
            for j in jargon {
                assert!(!m.contains(j), "{}: message uses {j:?}: {m}", e.name);
            }
            if let Some(q) = x.question() {
                assert!(
                    q.chars().count() <= 10_000,
                    "{}: question id kept whole",
                    e.name
                );
            }
        }
    }
}

/// Characters that must never reach a message: control characters (line breaks, NUL) and invisible or
/// direction-changing format characters, which let a crafted file or link make a message read as something else.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Untrusted ids are echoed in messages and notes (cut to 40 characters); they must be echoed as visible text.
/// Fails while `answers::shorten` copies such characters through (see the robustness report).
#[test]
fn messages_and_notes_never_echo_control_or_bidi_characters() {
    let kb = kb();
    let mut bad = Vec::new();
    for e in catalogue() {
        if let Err(errors) = e.read(&kb, &e.text()) {
            for x in errors {
                if x.message().chars().any(unsafe_char) {
                    bad.push(format!("{}: {:?}", e.name, x.message()));
                }
            }
        }
    }
    // Notes echo the saved content version.
    let text = "{\"format\": \"integrated-care-contract-advisor/answers\", \"version\": 1, \
                \"contentVersion\": \"0.9\\u202e\\nfine\", \"answers\": {\"q-segment\": \"pathway\"}}";
    let (_, notes) = saved::read_file(&kb, text).expect("an old content version still loads");
    for n in notes {
        if n.chars().any(unsafe_char) {
            bad.push(format!("content version note: {n:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "messages echo unsafe characters:\n{}",
        bad.join("\n")
    );
}

/// Boundaries around the size limits: the limit itself is allowed, one more is refused.
#[test]
fn size_limits_are_exact() {
    let kb = kb();
    let good = good_file_text();
    let padded = format!("{good}{}", " ".repeat(saved::MAX_FILE_BYTES - good.len()));
    assert_eq!(padded.len(), saved::MAX_FILE_BYTES);
    assert!(
        saved::read_file(&kb, &padded).is_ok(),
        "a file of exactly the limit loads"
    );
    let over = format!("{padded} ");
    let err = saved::read_file(&kb, &over).expect_err("one byte over is refused");
    assert_eq!(err[0].kind().code(), "file");
    assert!(
        err[0].message().contains("too large"),
        "{}",
        err[0].message()
    );

    // A link of exactly the limit gets past the length check (and fails later for another reason).
    let at_limit = "a".repeat(saved::MAX_LINK_CHARS);
    let err = saved::read_link(&kb, &at_limit).expect_err("not a link");
    assert!(
        !err[0].message().contains("too long"),
        "{}",
        err[0].message()
    );
    let err = saved::read_link(&kb, &format!("{at_limit}a")).expect_err("too long");
    assert!(
        err[0].message().contains("too long"),
        "{}",
        err[0].message()
    );
    // The leading `#` does not count.
    let err = saved::read_link(&kb, &format!("#{at_limit}")).expect_err("not a link");
    assert!(
        !err[0].message().contains("too long"),
        "{}",
        err[0].message()
    );
}

/// Reading a file reports every problem, not only the first.
#[test]
fn all_problems_in_a_file_are_reported() {
    let kb = kb();
    let text = r#"{"format": "integrated-care-contract-advisor/answers", "version": 1,
        "answers": {"q-segment": "martians", "q-nope": "x", "q-problem": ["handoffs", "handoffs"]}}"#;
    let errors = saved::read_file(&kb, text).expect_err("three problems");
    let mut codes: Vec<&str> = errors.iter().map(|e| e.kind().code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["duplicate", "unknown-option", "unknown-question"]);
    let questions: BTreeSet<Option<&str>> = errors.iter().map(Error::question).collect();
    assert!(questions.contains(&Some("q-segment")) && questions.contains(&Some("q-problem")));
}

/// A link item with a question key and no option keys, with a valid checksum, is refused with a message about the
/// link (not the questionnaire's own "Select …" wording, which would not tell the user the link is at fault).
#[test]
fn link_question_key_without_options_is_blamed_on_the_link() {
    let kb = kb();
    // `sg` (single choice) and `pb` (multiple choice) with no option keys; checksums are valid.
    for link in ["a1.sg.1xgavgd", "a1.pb.1s6rvrt"] {
        let errors = saved::read_link(&kb, link).expect_err("no options is not an answer");
        assert!(
            errors
                .iter()
                .all(|e| e.message().to_lowercase().contains("link")),
            "{link}: {:?}",
            errors.iter().map(Error::message).collect::<Vec<_>>()
        );
    }
}

/// JSON allows an object to name the same key twice, and a plain reader keeps the last value; a file answering a
/// question twice (or giving two versions) is refused, as a share link answering a question twice is.
#[test]
fn duplicate_keys_in_a_file_are_refused() {
    let kb = kb();
    for text in [
        r#"{"format": "integrated-care-contract-advisor/answers", "version": 1,
            "answers": {"q-segment": "pathway", "q-segment": "specialised"}}"#,
        r#"{"format": "integrated-care-contract-advisor/answers", "version": 1, "version": 2,
            "answers": {"q-segment": "pathway"}}"#,
    ] {
        let result = saved::read_file(&kb, text);
        let errors = result.map(|(a, _)| a.to_raw(&kb)).expect_err("accepted");
        assert!(
            errors[0].message().contains("appears twice"),
            "{:?}",
            errors[0].message()
        );
    }
}

/// The page reads what `advise` reads: a plain JSON object of answers gives the same answers as the saved file
/// that holds them, and an empty object is refused rather than clearing the answers.
#[test]
fn a_plain_answers_object_is_read_like_the_saved_file() {
    let kb = kb();
    let good = good_answers(&kb);
    let plain = serde_json::to_string(&good.to_raw(&kb)).expect("serialise");
    let (read, _) = saved::read_any(&kb, &plain).expect("a plain answers object loads");
    assert_eq!(read.to_raw(&kb), good.to_raw(&kb));
    let (same, _) = saved::read_any(&kb, &good_file_text()).expect("the saved file still loads");
    assert_eq!(same.to_raw(&kb), good.to_raw(&kb));
    let empty = saved::read_any(&kb, "{}").expect_err("an empty object is refused");
    assert!(empty[0].message().contains("no answers"), "{empty:?}");
}
