//! The JavaScript boundary, tested inside a real WebAssembly engine: in Node (`cargo test --target
//! wasm32-unknown-unknown --test wasm`) and in headless Chromium (the same with `WASM_BINDGEN_USE_BROWSER=1`).
//! Every call returns plain data; bad input comes back as `{ ok: false, errors }`, never as a panic.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use contract_advisor::wasm::Advisor;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn ok(v: &JsValue) -> bool {
    get(v, "ok").as_bool().unwrap()
}

fn first_error_code(v: &JsValue) -> String {
    get(&Array::from(&get(v, "errors")).get(0), "code")
        .as_string()
        .unwrap()
}

fn strings(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// Reports where the test ran, so the log shows the browser run really ran in a browser.
fn environment() -> &'static str {
    let global = js_sys::global();
    if Reflect::has(&global, &JsValue::from_str("document")).unwrap_or(false) {
        "browser"
    } else {
        "node"
    }
}

#[wasm_bindgen_test]
fn runs_and_reports_its_environment() {
    let env = environment();
    assert!(env == "browser" || env == "node");
    let want = option_env!("WASM_BINDGEN_USE_BROWSER").map(|_| "browser");
    if let Some(want) = want {
        assert_eq!(env, want, "the browser run must run in a browser");
    }
}

#[wasm_bindgen_test]
fn a_question_page_is_plain_data() {
    let mut a = Advisor::new().unwrap();
    let page = a.question("q-problem");
    assert!(ok(&page));
    let q = get(&page, "question");
    assert_eq!(get(&q, "kind").as_string().unwrap(), "multi");
    // "Who is commissioning this service?" comes first; until the commissioner is known, both of its follow-ups
    // (NHS England's handing on, and whether one commissioner would act for the others) are counted between them,
    // though at most one is ever asked. For an integrated care board neither is, and this is the second question.
    assert_eq!(get(&q, "number").as_f64().unwrap(), 4.0);
    assert!(ok(&a.answer("q-commissioner", JsValue::from_str("icb"))));
    let later = get(&a.question("q-problem"), "question");
    assert_eq!(get(&later, "number").as_f64().unwrap(), 2.0);
    assert!(Array::is_array(&get(&q, "options")));
    // Plain objects, not Maps: JSON.stringify sees every field.
    let json = JSON::stringify(&q).unwrap().as_string().unwrap();
    assert!(json.contains("\"sectionTitle\""));
}

#[wasm_bindgen_test]
fn ticking_an_exclusive_option_follows_the_core_rule() {
    let a = Advisor::new().unwrap();
    // "No major gaps" is exclusive: ticking it clears the others; ticking another clears it.
    let r = a.toggle_option(
        "q-gaps",
        strings(&["hospital-community", "health-social"]),
        "none-major",
    );
    assert!(ok(&r), "{:?}", JSON::stringify(&r));
    let picked = Array::from(&get(&r, "picked"));
    assert_eq!(picked.length(), 1);
    assert_eq!(picked.get(0).as_string().unwrap(), "none-major");
    let r = a.toggle_option("q-gaps", strings(&["none-major"]), "health-social");
    let picked = Array::from(&get(&r, "picked"));
    assert_eq!(picked.length(), 1);
    assert_eq!(picked.get(0).as_string().unwrap(), "health-social");
    assert!(!ok(&a.toggle_option(
        "q-gaps",
        strings(&[]),
        "no-such-option"
    )));
}

#[wasm_bindgen_test]
fn answering_moves_the_journey_on() {
    let mut a = Advisor::new().unwrap();
    let r = a.answer("q-problem", strings(&["handoffs"]));
    assert!(ok(&r), "{:?}", JSON::stringify(&r));
    assert_eq!(get(&r, "next").as_string().unwrap(), "q-tried-relational");
    let journey = get(&r, "journey");
    assert_eq!(get(&journey, "answered").as_f64().unwrap(), 1.0);
    // A single option may be passed as a plain string.
    assert!(ok(&a.answer("q-segment", JsValue::from_str("pathway"))));
}

#[wasm_bindgen_test]
fn bad_answers_come_back_as_typed_errors() {
    let mut a = Advisor::new().unwrap();
    let r = a.answer("q-segment", strings(&["spaceships"]));
    assert!(!ok(&r));
    assert_eq!(first_error_code(&r), "unknown-option");

    let r = a.answer("q-nope", strings(&["x"]));
    assert_eq!(first_error_code(&r), "unknown-question");

    let r = a.answer("q-segment", JsValue::from_f64(3.0));
    assert_eq!(first_error_code(&r), "wrong-type");

    let r = a.answer("q-segment", Object::new().into());
    assert_eq!(first_error_code(&r), "wrong-type");

    let r = a.answer("q-segment", strings(&["pathway", "needs-group"]));
    assert_eq!(first_error_code(&r), "wrong-type");

    let r = a.answer("q-segment", strings(&[]));
    assert_eq!(first_error_code(&r), "no-selection");

    // q-pathway-shape only applies to pathways.
    assert!(ok(&a.answer("q-segment", JsValue::from_str("needs-group"))));
    let r = a.answer("q-pathway-shape", JsValue::from_str("clear"));
    assert_eq!(first_error_code(&r), "hidden-question");
    let msg = get(&Array::from(&get(&r, "errors")).get(0), "message")
        .as_string()
        .unwrap();
    assert!(msg.contains("does not apply"), "{msg}");
}

#[wasm_bindgen_test]
fn the_recommendation_explains_every_score() {
    let mut a = Advisor::new().unwrap();
    assert!(ok(&a.answer("q-segment", JsValue::from_str("pathway"))));
    let rec = a.recommend();
    let vehicles = Array::from(&get(&rec, "vehicles"));
    assert!(vehicles.length() >= 8);
    for m in vehicles
        .iter()
        .chain(Array::from(&get(&rec, "payments")).iter())
    {
        let score = get(&m, "score").as_f64().unwrap();
        let sum: f64 = Array::from(&get(&m, "reasons"))
            .iter()
            .chain(Array::from(&get(&m, "concerns")).iter())
            .map(|c| get(&c, "points").as_f64().unwrap())
            .sum();
        assert_eq!(score, sum);
    }
}

#[wasm_bindgen_test]
fn files_and_links_round_trip_and_bad_ones_change_nothing() {
    let mut a = Advisor::new().unwrap();
    assert!(ok(&a.answer("q-segment", JsValue::from_str("pathway"))));
    let file = a.export_file();
    let link = a.link_fragment();

    let mut b = Advisor::new().unwrap();
    assert!(ok(&b.import_file(&file)));
    assert_eq!(b.export_file(), file);
    let mut c = Advisor::new().unwrap();
    assert!(ok(&c.open_link(&link)));
    assert_eq!(c.link_fragment(), link);

    for bad in [
        "",
        "{",
        "[]",
        "{\"format\":\"other\"}",
        "<script>alert(1)</script>",
    ] {
        let r = b.import_file(bad);
        assert!(!ok(&r), "{bad:?} accepted");
        assert_eq!(first_error_code(&r), "file");
    }
    let tampered = link.replacen("sg", "sh", 1);
    assert!(!ok(&c.open_link(&tampered)));
    // Nothing changed.
    assert_eq!(b.export_file(), file);
    assert_eq!(c.link_fragment(), link);
}

#[wasm_bindgen_test]
fn recommend_for_checks_answers_strictly() {
    let a = Advisor::new().unwrap();
    let answers = Object::new();
    Reflect::set(
        &answers,
        &JsValue::from_str("q-segment"),
        &JsValue::from_str("pathway"),
    )
    .unwrap();
    let r = a.recommend_for(answers.clone().into());
    assert!(ok(&r));
    Reflect::set(
        &answers,
        &JsValue::from_str("q-social-needs"),
        &JsValue::from_str("central"),
    )
    .unwrap();
    let r = a.recommend_for(answers.into());
    assert_eq!(first_error_code(&r), "hidden-question");
    let r = a.recommend_for(JsValue::from_str("nonsense"));
    assert_eq!(first_error_code(&r), "wrong-type");
}

#[wasm_bindgen_test]
fn reports_and_catalogue_are_produced() {
    let a = Advisor::new().unwrap();
    assert!(a
        .report_markdown()
        .starts_with("# Integrated care contract options"));
    assert!(JSON::parse(&a.report_json()).is_ok());
    let cat = a.catalogue();
    assert!(Array::from(&get(&cat, "sources")).length() > 100);
    assert!(a.bench_recompute(10) != 0);
}

#[wasm_bindgen_test]
fn the_board_paper_crosses_the_boundary_and_becomes_a_word_document() {
    let mut a = Advisor::new().unwrap();
    assert!(ok(&a.answer("q-segment", JsValue::from_str("pathway"))));
    let res = a.board_paper(false);
    assert!(ok(&res), "{:?}", JSON::stringify(&res));
    let markdown = get(&res, "markdown").as_string().unwrap();
    assert!(markdown.contains("## 3. Options considered"));
    let paper = get(&res, "paper");
    assert!(Array::from(&get(&paper, "sections")).length() == 9);
    assert!(Array::from(&get(&get(&paper, "timeline"), "stages")).length() >= 4);
    // The Word module takes the paper view as JSON, as the page hands it over.
    let text = JSON::stringify(&paper).unwrap().as_string().unwrap();
    let word = contract_advisor::wasm::paper_docx(&text);
    assert!(ok(&word));
    let bytes = js_sys::Uint8Array::new(&get(&word, "bytes")).to_vec();
    assert_eq!(&bytes[..2], b"PK");
    let bad = contract_advisor::wasm::paper_docx("not a paper");
    assert!(!ok(&bad));
    assert_eq!(first_error_code(&bad), "document");
}
