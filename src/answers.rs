//! Answers: checking them against the knowledge base, branching, and moving through the journey.
//!
//! Answers are held as one option bit mask per question (0 = unanswered). A question is *visible* when its
//! `show_if` holds over the answers to the visible questions before it; answers to hidden questions are kept
//! (so that changing an earlier answer back restores them) but are never used, saved or shared.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{Kind, Question};
use crate::error::{Error, ErrorKind};
use crate::kb::Kb;

/// An answer as it arrives from outside: one option id or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    /// One option id (single-choice questions).
    One(String),
    /// Option ids (multiple-choice questions; a single-choice question accepts a list of one).
    Many(Vec<String>),
}

/// Answers keyed by question id, as found in saved files and passed by JavaScript.
pub type RawAnswers = BTreeMap<String, RawAnswer>;

/// The answers actually in force: visibility and the selections of visible questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    /// Per question: whether it is shown.
    pub visible: Vec<bool>,
    /// Per question: the selection if visible, else 0.
    pub sel: Vec<u32>,
}

impl Effective {
    /// Indices of visible questions, in journey order.
    pub fn visible_questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.visible
            .iter()
            .enumerate()
            .filter(|(_, v)| **v)
            .map(|(i, _)| i)
    }

    /// Number of visible questions.
    pub fn visible_count(&self) -> usize {
        self.visible.iter().filter(|v| **v).count()
    }

    /// Number of answered visible questions.
    pub fn answered_count(&self) -> usize {
        self.sel.iter().filter(|s| **s != 0).count()
    }

    /// The first visible unanswered question.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.visible_questions()
            .find(|i| self.sel.get(*i) == Some(&0))
    }

    /// The visible question before `index`.
    pub fn previous(&self, index: usize) -> Option<usize> {
        self.visible_questions().take_while(|i| *i < index).last()
    }

    /// The visible question after `index`.
    pub fn next(&self, index: usize) -> Option<usize> {
        self.visible_questions().find(|i| *i > index)
    }

    /// Whether a question is visible.
    pub fn is_visible(&self, index: usize) -> bool {
        self.visible.get(index).copied().unwrap_or(false)
    }
}

/// A user's answers to the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    sel: Vec<u32>,
}

/// Iterates over the option indices set in a selection mask.
pub fn options_in(mask: u32) -> impl Iterator<Item = usize> {
    (0..32usize).filter(move |b| mask & (1u32 << b) != 0)
}

fn quoted(q: &Question) -> String {
    format!("“{}”", q.text)
}

/// Checks a selection of option ids for one question and turns it into a bit mask.
pub fn selection(q: &Question, values: &[String]) -> Result<u32, Error> {
    if values.is_empty() {
        return Err(Error::about(ErrorKind::NoSelection, &q.id, q.error.clone()));
    }
    if q.kind == Kind::Single && values.len() > 1 {
        return Err(Error::about(
            ErrorKind::WrongType,
            &q.id,
            format!("Select only one answer for {}", quoted(q)),
        ));
    }
    let mut mask = 0u32;
    for v in values {
        let bit = q.options.iter().position(|o| &o.id == v).ok_or_else(|| {
            Error::about(
                ErrorKind::UnknownOption,
                &q.id,
                format!(
                    "“{}” is not one of the answers to {}",
                    shorten(v),
                    quoted(q)
                ),
            )
        })?;
        if mask & (1 << bit) != 0 {
            return Err(Error::about(
                ErrorKind::Duplicate,
                &q.id,
                format!("An answer is given twice for {}", quoted(q)),
            ));
        }
        mask |= 1 << bit;
    }
    if mask.count_ones() > 1 {
        if let Some(o) = q
            .options
            .iter()
            .enumerate()
            .find(|(i, o)| o.exclusive && mask & (1 << i) != 0)
        {
            return Err(Error::about(
                ErrorKind::ExclusiveConflict,
                &q.id,
                format!(
                    "Select “{}” on its own, or the other answers without it",
                    o.1.label
                ),
            ));
        }
    }
    Ok(mask)
}

/// Ticks or unticks one option of a question, keeping the selection valid: on a multiple-choice question an
/// exclusive option ("No major gaps", "Not sure") clears the others, and ticking another clears it; on a
/// single-choice question the option replaces the selection. Unticking an option clears it.
pub fn toggle(q: &Question, mask: u32, option: usize) -> u32 {
    if option >= q.options.len() {
        return mask;
    }
    let bit = 1u32 << option;
    if mask & bit != 0 {
        return mask & !bit;
    }
    match q.kind {
        Kind::Single => bit,
        Kind::Multi => {
            let exclusive = q.exclusive_mask();
            if exclusive & bit != 0 {
                bit
            } else {
                (mask & !exclusive) | bit
            }
        }
    }
}

/// The note shown when an answer to a question that no longer exists is set aside.
pub fn retired_note(r: &crate::content::Retired) -> String {
    format!("Your answer to “{}” was set aside: {}", r.text, r.instead)
}

/// Cuts an untrusted value to a length fit for a message.
pub fn shorten(v: &str) -> String {
    const MAX: usize = 40;
    let visible = |c: char| {
        if c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
        {
            '\u{fffd}'
        } else {
            c
        }
    };
    let mut s: String = v.chars().take(MAX).map(visible).collect();
    if v.chars().count() > MAX {
        s.push('…');
    }
    s
}

impl Answers {
    /// No answers.
    pub fn new(kb: &Kb) -> Answers {
        Answers {
            sel: vec![0; kb.question_count()],
        }
    }

    /// Makes answers from raw masks (one per question); extra entries are ignored and missing ones unanswered.
    pub fn from_masks(kb: &Kb, masks: &[u32]) -> Answers {
        let mut a = Answers::new(kb);
        for (slot, (m, (_, q))) in a
            .sel
            .iter_mut()
            .zip(masks.iter().zip(&kb.content.questions))
        {
            let valid = if q.options.len() >= 32 {
                u32::MAX
            } else {
                (1u32 << q.options.len()) - 1
            };
            *slot = m & valid;
        }
        a
    }

    /// The stored selection for a question (0 when unanswered), including hidden questions.
    pub fn stored(&self, index: usize) -> u32 {
        self.sel.get(index).copied().unwrap_or(0)
    }

    /// Works out which questions are visible and which answers are in force.
    pub fn effective(&self, kb: &Kb) -> Effective {
        let n = self.sel.len();
        let mut visible = vec![false; n];
        let mut sel = vec![0u32; n];
        for i in 0..n {
            let shown = match kb.show_if.get(i) {
                Some(Some(cond)) => cond.eval(&sel),
                _ => true,
            };
            if let (Some(v), Some(s)) = (visible.get_mut(i), sel.get_mut(i)) {
                *v = shown;
                *s = if shown {
                    self.sel.get(i).copied().unwrap_or(0)
                } else {
                    0
                };
            }
        }
        Effective { visible, sel }
    }

    /// Answers one question with option ids. The question must be visible given the other answers.
    pub fn set(&mut self, kb: &Kb, question: &str, values: &[String]) -> Result<(), Error> {
        let qi = kb
            .question_index(question)
            .ok_or_else(|| unknown_question(question))?;
        let q = kb.question(qi).ok_or_else(|| unknown_question(question))?;
        let mask = selection(q, values)?;
        if !self.effective(kb).is_visible(qi) {
            return Err(hidden(q));
        }
        if let Some(slot) = self.sel.get_mut(qi) {
            *slot = mask;
        }
        Ok(())
    }

    /// Sets a raw mask for a question index (used by the what-if analysis); the mask is not checked.
    pub fn with_mask(&self, index: usize, mask: u32) -> Answers {
        let mut a = self.clone();
        if let Some(slot) = a.sel.get_mut(index) {
            *slot = mask;
        }
        a
    }

    /// Reads answers keyed by id, strictly: every question and option must exist, types must match, and no
    /// answer may be given to a question that the other answers hide. Renamed ids (see `meta.json`) are
    /// accepted and reported in the returned notes. All problems are reported, not just the first.
    pub fn from_raw(kb: &Kb, raw: &RawAnswers) -> Result<(Answers, Vec<String>), Vec<Error>> {
        let renamed = &kb.content.meta.renamed;
        let mut answers = Answers::new(kb);
        let mut errors = Vec::new();
        let mut notes = Vec::new();
        for (id, value) in raw {
            let current = renamed
                .questions
                .iter()
                .find(|r| &r.from == id)
                .map(|r| r.to.as_str())
                .unwrap_or(id);
            if let Some(r) = kb.content.meta.retired.iter().find(|r| &r.question == id) {
                notes.push(retired_note(r));
                continue;
            }
            let Some(qi) = kb.question_index(current) else {
                errors.push(unknown_question(id));
                continue;
            };
            let Some(q) = kb.question(qi) else { continue };
            if current != id {
                notes.push(format!(
                    "The question saved as “{}” is now “{}”",
                    shorten(id),
                    q.text
                ));
            }
            let values: Vec<String> = match value {
                RawAnswer::One(v) => vec![v.clone()],
                RawAnswer::Many(vs) => vs.clone(),
            };
            let values: Vec<String> = values
                .into_iter()
                .map(|v| {
                    match renamed
                        .options
                        .iter()
                        .find(|r| r.question == q.id && r.from == v)
                    {
                        Some(r) => {
                            notes.push(format!(
                                "An answer to “{}” was renamed and has been updated",
                                q.text
                            ));
                            r.to.clone()
                        }
                        None => v,
                    }
                })
                .collect();
            if matches!(value, RawAnswer::Many(_)) && q.kind == Kind::Single && values.len() > 1 {
                errors.push(Error::about(
                    ErrorKind::WrongType,
                    &q.id,
                    format!("Select only one answer for {}", quoted(q)),
                ));
                continue;
            }
            match selection(q, &values) {
                Ok(mask) => {
                    if let Some(slot) = answers.sel.get_mut(qi) {
                        if *slot != 0 {
                            errors.push(Error::about(
                                ErrorKind::Duplicate,
                                &q.id,
                                format!("{} is answered twice", quoted(q)),
                            ));
                        }
                        *slot = mask;
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            let eff = answers.effective(kb);
            for (i, (_, q)) in kb.content.questions.iter().enumerate() {
                if answers.stored(i) != 0 && !eff.is_visible(i) {
                    errors.push(hidden(q));
                }
            }
        }
        if errors.is_empty() {
            Ok((answers, notes))
        } else {
            Err(errors)
        }
    }

    /// The answers in force, keyed by id (answers to hidden questions are left out).
    pub fn to_raw(&self, kb: &Kb) -> RawAnswers {
        let eff = self.effective(kb);
        let mut raw = RawAnswers::new();
        for (i, (_, q)) in kb.content.questions.iter().enumerate() {
            let mask = eff.sel.get(i).copied().unwrap_or(0);
            if mask == 0 {
                continue;
            }
            let ids: Vec<String> = options_in(mask)
                .filter_map(|b| q.options.get(b).map(|o| o.id.clone()))
                .collect();
            let value = match (q.kind, ids.as_slice()) {
                (Kind::Single, [one]) => RawAnswer::One(one.clone()),
                _ => RawAnswer::Many(ids),
            };
            raw.insert(q.id.clone(), value);
        }
        raw
    }
}

fn unknown_question(id: &str) -> Error {
    Error::about(
        ErrorKind::UnknownQuestion,
        id,
        format!(
            "“{}” is not a question in this version of the advisor",
            shorten(id)
        ),
    )
}

fn hidden(q: &Question) -> Error {
    Error::about(
        ErrorKind::HiddenQuestion,
        &q.id,
        format!(
            "{} does not apply, because of an earlier answer; remove that answer or change the earlier one",
            quoted(q)
        ),
    )
}
