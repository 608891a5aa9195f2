//! # Integrated Care Contract Advisor
//!
//! A decision aid for NHS commissioners in England choosing how to contract for integrated care. It asks about
//! the situation first (problem and ambition, population, providers and the gaps between them, outcomes and
//! data, money and risk, the commissioner's own capability and time, procurement context) and then recommends a
//! combination of three layers: a commissioning **arrangement**, a contract **vehicle** and a **payment rule**.
//! Every score is the sum of recorded contributions, each traceable to an answer, a rationale and a source; a
//! model's fit sets that score against the points that could count for it (see [`engine`]).
//!
//! The crate is a pure core with thin edges: the knowledge base ([`kb`], [`content`]) and the engine ([`engine`]
//! and the analyses around it) know nothing of JavaScript; [`api`] builds plain serialisable views; [`wasm`] is
//! the only module that knows wasm-bindgen; the `advise` command is the native edge.
//!
//! ```
//! use contract_advisor::{api, Answers, Kb};
//!
//! let kb = Kb::embedded()?;
//! let mut answers = Answers::new(&kb);
//! answers.set(&kb, "q-segment", &["pathway".to_owned()])?;
//! let rec = api::recommendation(&kb, &answers);
//! assert_eq!(
//!     rec.arrangements.len() + rec.vehicles.len() + rec.payments.len(),
//!     kb.content.models.len()
//! );
//! // The combination leads, for example "Single commissioner + prime contractor + bundled pathway payment".
//! assert!(rec.combinations[0].text.contains(" + "));
//! // Every score is the sum of its contributions.
//! for m in rec.arrangements.iter().chain(&rec.vehicles).chain(&rec.payments) {
//!     let sum: i32 = m.reasons.iter().chain(&m.concerns).map(|c| c.points).sum();
//!     assert_eq!(sum, m.score);
//! }
//! # Ok::<(), contract_advisor::Error>(())
//! ```

pub mod answers;
pub mod api;
pub mod bench;
pub mod cases;
pub mod compact;
pub mod concordance;
pub mod condition;
pub mod content;
#[cfg(feature = "docx")]
pub mod docx;
pub mod engine;
pub mod error;
pub mod flags;
pub mod kb;
pub mod paper;
pub mod psr;
pub mod readiness;
pub mod report;
pub mod saved;
pub mod timeline;
pub mod validate;
pub mod wasm;
pub mod whatif;

pub use answers::{Answers, RawAnswer, RawAnswers};
pub use error::{Error, ErrorKind};
pub use kb::Kb;
