//! The JavaScript boundary: the only module that knows about wasm-bindgen, js-sys and serde-wasm-bindgen.
//!
//! JavaScript holds one [`Advisor`] per widget. It owns the knowledge base and the user's answers; every method
//! returns a plain object built by [`crate::api`]. Methods that can fail return a tagged result,
//! `{ ok: true, … }` or `{ ok: false, errors: [{ code, questionId, message }] }`, never a thrown exception, so bad
//! input reaches the page as data with a message in the user's words. See `www/types.d.ts` for the shapes.

// The Word module (built with `docx` and without `full`) exports only `paperDocx`: the advisor is left out, and
// the helpers only it uses go unused there.
#![cfg_attr(
    all(feature = "docx", not(feature = "full")),
    allow(
        dead_code,
        unused_imports,
        reason = "the Word module exports only paperDocx"
    )
)]

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::answers::Answers;
#[cfg(feature = "full")]
use crate::answers::RawAnswers;
use crate::api::{self, ErrorView};
use crate::error::{Error, ErrorKind};
use crate::kb::Kb;
use crate::saved;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../www/types.d.ts");

/// Installs the panic hook so that an internal error is logged to the console (it should never happen: the
/// core does not panic on any input).
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Converts a view to a plain JavaScript object through JSON text: one serializer (the one the reports use)
/// instead of two keeps both modules smaller, and `JSON.parse` builds the object faster than many boundary calls.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Failed {
    ok: bool,
    errors: Vec<ErrorView>,
}

fn failed(errors: &[Error]) -> JsValue {
    to_js(&Failed {
        ok: false,
        errors: api::errors(errors),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Done<T> {
    ok: bool,
    #[serde(flatten)]
    value: T,
}

fn done<T: Serialize>(value: T) -> JsValue {
    to_js(&Done { ok: true, value })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Picked {
    picked: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answered {
    next: Option<String>,
    journey: api::Journey,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Loaded {
    notes: Vec<String>,
    journey: api::Journey,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page {
    question: api::QuestionView,
}

#[cfg(feature = "full")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BoardPaper {
    paper: crate::paper::Paper,
    markdown: String,
}

/// The board paper as a Word document (the Word module, and any build with the `docx` feature): from the paper
/// view that `boardPaper` returns, as JSON text. Returns `{ ok: true, bytes }` with the .docx file as a
/// `Uint8Array`, or `{ ok: false, errors }`.
#[cfg(feature = "docx")]
#[wasm_bindgen(js_name = paperDocx)]
pub fn paper_docx(paper: &str) -> JsValue {
    match crate::docx::from_json(paper) {
        Ok(bytes) => {
            let out = js_sys::Object::new();
            let ok = js_sys::Reflect::set(&out, &JsValue::from_str("ok"), &JsValue::TRUE).and_then(
                |_| {
                    js_sys::Reflect::set(
                        &out,
                        &JsValue::from_str("bytes"),
                        &js_sys::Uint8Array::from(bytes.as_slice()),
                    )
                },
            );
            match ok {
                Ok(_) => out.into(),
                Err(_) => failed(&[Error::new(
                    ErrorKind::Document,
                    "The Word document could not be handed to the page.",
                )]),
            }
        }
        Err(e) => failed(&[e]),
    }
}

/// Reads a string, or an array of strings, without a general-purpose deserialiser (which would add size to
/// the first-stage module).
fn strings(value: &JsValue) -> Option<Vec<String>> {
    if let Some(s) = value.as_string() {
        return Some(vec![s]);
    }
    if !js_sys::Array::is_array(value) {
        return None;
    }
    js_sys::Array::from(value)
        .iter()
        .map(|v| v.as_string())
        .collect()
}

/// One advisor: the knowledge base and one user's answers.
///
/// The first-stage build (without the `full` feature) has the questionnaire only and offers the methods
/// not marked "(full build)": enough to show and answer questions quickly while the full build loads.
#[cfg(any(feature = "full", not(feature = "docx")))]
#[wasm_bindgen]
#[derive(Debug)]
pub struct Advisor {
    kb: Kb,
    answers: Answers,
}

#[cfg(any(feature = "full", not(feature = "docx")))]
#[wasm_bindgen]
impl Advisor {
    /// Loads the knowledge base compiled into the module. Throws only if the embedded content is broken,
    /// which the tests rule out.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Advisor, JsError> {
        let kb = Kb::embedded().map_err(|e| JsError::new(e.message()))?;
        let answers = Answers::new(&kb);
        Ok(Advisor { kb, answers })
    }

    /// Versions and counts.
    pub fn info(&self) -> JsValue {
        to_js(&api::info(&self.kb))
    }

    #[cfg(feature = "full")]
    /// Every question, model, case, route and source (full build).
    pub fn catalogue(&self) -> JsValue {
        to_js(&api::catalogue(&self.kb))
    }

    /// The questions that apply, the answers given and what comes next.
    pub fn journey(&self) -> JsValue {
        to_js(&api::journey(&self.kb, &self.answers))
    }

    /// The page for one question: `{ ok: true, question }` or `{ ok: false, errors }`.
    pub fn question(&self, id: &str) -> JsValue {
        match api::question_view(&self.kb, &self.answers, id) {
            Ok(question) => done(Page { question }),
            Err(e) => failed(&[e]),
        }
    }

    /// Answers a question with option ids (a string or an array of strings). Returns `{ ok: true, next,
    /// journey }`, or `{ ok: false, errors }` leaving the answers unchanged.
    pub fn answer(&mut self, id: &str, value: JsValue) -> JsValue {
        let Some(values) = strings(&value) else {
            return failed(&[Error::about(
                ErrorKind::WrongType,
                id,
                "The answer must be one option or a list of options",
            )]);
        };
        match self.answers.set(&self.kb, id, &values) {
            Ok(()) => {
                let journey = api::journey(&self.kb, &self.answers);
                let eff = self.answers.effective(&self.kb);
                let next = self
                    .kb
                    .question_index(id)
                    .and_then(|qi| eff.next(qi))
                    .and_then(|i| self.kb.question(i))
                    .map(|q| q.id.clone());
                done(Answered { next, journey })
            }
            Err(e) => failed(&[e]),
        }
    }

    /// Ticks or unticks one option on a question page, as the core's rules allow (an exclusive option clears the
    /// others, and the others clear it): `{ ok: true, picked: [ids] }` with the options to show ticked. Nothing is
    /// saved until `answer`.
    #[wasm_bindgen(js_name = toggleOption)]
    pub fn toggle_option(&self, id: &str, picked: JsValue, option: &str) -> JsValue {
        let unknown = || {
            failed(&[Error::about(
                ErrorKind::UnknownQuestion,
                id,
                "That question is not in this version of the advisor",
            )])
        };
        let Some(q) = self.kb.question_index(id).and_then(|i| self.kb.question(i)) else {
            return unknown();
        };
        let picked = strings(&picked).unwrap_or_default();
        let mask = q
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| picked.contains(&o.id))
            .fold(0u32, |m, (i, _)| m | (1 << i));
        let Some(bit) = q.options.iter().position(|o| o.id == option) else {
            return failed(&[Error::about(
                ErrorKind::UnknownOption,
                id,
                "That answer is not one of this question's options",
            )]);
        };
        let next = crate::answers::toggle(q, mask, bit);
        done(Picked {
            picked: q
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| next & (1 << i) != 0)
                .map(|(_, o)| o.id.clone())
                .collect(),
        })
    }

    /// Removes every answer.
    #[wasm_bindgen(js_name = clearAnswers)]
    pub fn clear_answers(&mut self) {
        self.answers = Answers::new(&self.kb);
    }

    #[cfg(feature = "full")]
    /// The recommendation for the answers so far (full build).
    pub fn recommend(&self) -> JsValue {
        to_js(&api::recommendation(&self.kb, &self.answers))
    }

    #[cfg(feature = "full")]
    /// Recommends for answers passed in (an object of question id to option id or ids), strictly checked,
    /// without changing this advisor's answers: `{ ok: true, recommendation }` or `{ ok: false, errors }`.
    #[wasm_bindgen(js_name = recommendFor)]
    pub fn recommend_for(&self, answers: JsValue) -> JsValue {
        let raw: RawAnswers = match serde_wasm_bindgen::from_value(answers) {
            Ok(r) => r,
            Err(_) => {
                return failed(&[Error::new(
                    ErrorKind::WrongType,
                    "The answers must be an object of question ids and option ids",
                )])
            }
        };
        match Answers::from_raw(&self.kb, &raw) {
            Ok((a, _)) => {
                #[derive(Serialize)]
                struct R {
                    recommendation: api::Recommendation,
                }
                done(R {
                    recommendation: api::recommendation(&self.kb, &a),
                })
            }
            Err(errors) => failed(&errors),
        }
    }

    #[cfg(feature = "full")]
    /// The answers in force as a saved-answers file (JSON text; full build).
    #[wasm_bindgen(js_name = exportFile)]
    pub fn export_file(&self) -> String {
        saved::write_file(&self.kb, &self.answers)
    }

    #[cfg(feature = "full")]
    /// Replaces the answers with those in a saved-answers file or a plain JSON object of answers (what `advise`
    /// accepts). On any problem the answers are left as they
    /// were (full build): `{ ok: true, notes, journey }` or `{ ok: false, errors }`.
    #[wasm_bindgen(js_name = importFile)]
    pub fn import_file(&mut self, text: &str) -> JsValue {
        match saved::read_any(&self.kb, text) {
            Ok((answers, notes)) => self.replace(answers, notes),
            Err(errors) => failed(&errors),
        }
    }

    /// The answers in force as a share-link fragment (without `#`).
    #[wasm_bindgen(js_name = linkFragment)]
    pub fn link_fragment(&self) -> String {
        saved::write_link(&self.kb, &self.answers)
    }

    /// Replaces the answers with those in a share-link fragment; as [`Advisor::import_file`].
    #[wasm_bindgen(js_name = openLink)]
    pub fn open_link(&mut self, fragment: &str) -> JsValue {
        match saved::read_link(&self.kb, fragment) {
            Ok((answers, notes)) => self.replace(answers, notes),
            Err(errors) => failed(&errors),
        }
    }

    #[cfg(feature = "full")]
    /// The report as Markdown (full build).
    #[wasm_bindgen(js_name = reportMarkdown)]
    pub fn report_markdown(&self) -> String {
        crate::report::markdown(&self.kb, &self.answers)
    }

    #[cfg(feature = "full")]
    /// The board paper (full build): `{ ok: true, paper, markdown }`, where `paper` is the view the page renders
    /// and prints and hands to `paperDocx` of the Word module; or `{ ok: false, errors }` when the answers give no
    /// recommendation yet. With `appendix`, the full detail follows the paper.
    #[wasm_bindgen(js_name = boardPaper)]
    pub fn board_paper(&self, appendix: bool) -> JsValue {
        let opts = crate::paper::Options { appendix };
        match crate::paper::build(&self.kb, &self.answers, opts) {
            Ok(paper) => done(BoardPaper {
                markdown: crate::paper::render_markdown(&paper),
                paper,
            }),
            Err(e) => failed(&[e]),
        }
    }

    #[cfg(feature = "full")]
    /// The report as JSON: the answers file plus the recommendation (full build).
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> String {
        crate::report::json(&self.kb, &self.answers)
    }

    #[cfg(feature = "full")]
    /// Benchmark hook: changes one answer back and forth `iterations` times, recomputing the scores each time
    /// (the engine's fast path, as used for live updates; full build). Returns a checksum so the work is not optimised away.
    #[wasm_bindgen(js_name = benchRecompute)]
    pub fn bench_recompute(&self, iterations: u32) -> i32 {
        crate::bench::recompute(&self.kb, &self.answers, iterations)
    }
}

#[cfg(any(feature = "full", not(feature = "docx")))]
impl Advisor {
    fn replace(&mut self, answers: Answers, notes: Vec<String>) -> JsValue {
        self.answers = answers;
        done(Loaded {
            notes,
            journey: api::journey(&self.kb, &self.answers),
        })
    }
}
