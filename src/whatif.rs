//! What would change the advice: the single changes of answer that would put a different model first.
//!
//! For every visible question, every other answer (or, for multiple choice, adding or removing one option) is
//! tried; branching is re-evaluated each time. A change is kept when it changes the leading arrangement, vehicle
//! or payment rule (ranked exactly as [`crate::engine::rank`] ranks them) to a model that leads alone and on an
//! answer: a change that brings a tie for first place, or puts first a model no answer speaks to, is not one. Changes
//! to answers already given come before answers to unanswered questions, then
//! the largest resulting lead first, then journey order — so the result is deterministic.

use crate::answers::{options_in, toggle, Answers};
use crate::content::{Layer, Question};
use crate::engine::{sole_leader, states, tallies, Evaluation, Tally};
use crate::kb::Kb;

/// One changed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Question index.
    pub question: usize,
    /// Selection now (0 when unanswered).
    pub from: u32,
    /// Selection after the change.
    pub to: u32,
}

/// The smallest set of changed answers found that would put a different model first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The changes, in journey order (one in most cases).
    pub steps: Vec<Step>,
    /// Which ranking changes.
    pub layer: Layer,
    /// The leader now.
    pub old_leader: usize,
    /// The leader after the change.
    pub new_leader: usize,
    /// How far the new leader would be ahead of the old one, in hundredths of a fit point.
    pub lead: i32,
}

/// Most changed answers tried together when no single change reorders the top.
pub const MAX_STEPS: usize = 3;

/// Every other answer to a question: each other option (single choice), or each option ticked or unticked
/// (multiple choice), as the page would do it ([`toggle`]).
fn alternatives(q: &Question, current: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for o in 0..q.options.len() {
        let next = toggle(q, current, o);
        if next != 0 && next != current && !out.contains(&next) {
            out.push(next);
        }
    }
    out
}

/// A candidate: answers after one more change, and that change.
struct Tried {
    answers: Answers,
    step: Step,
    totals: Vec<Tally>,
}

/// Every single change from `answers` on visible questions not in `skip`, with the totals it gives.
fn single_changes(kb: &Kb, answers: &Answers, skip: &[usize]) -> Vec<Tried> {
    let eff = answers.effective(kb);
    let mut out = Vec::new();
    for q in eff.visible_questions() {
        if skip.contains(&q) {
            continue;
        }
        let Some(question) = kb.question(q) else {
            continue;
        };
        let from = eff.sel.get(q).copied().unwrap_or(0);
        for to in alternatives(question, from) {
            let changed = answers.with_mask(q, to);
            let mut buf = Vec::new();
            tallies(kb, &states(kb, &changed), &mut buf);
            out.push(Tried {
                answers: changed,
                step: Step {
                    question: q,
                    from,
                    to,
                },
                totals: buf,
            });
        }
    }
    out
}

/// A model's fit for ordering suggestions: ruled-out models count as far behind.
fn fit(totals: &[Tally], i: usize) -> i32 {
    totals
        .get(i)
        .map(|t| {
            if t.ruled_out {
                -10_000 + t.fit_hundredths()
            } else {
                t.fit_hundredths()
            }
        })
        .unwrap_or(i32::MIN / 2)
}

/// How far `old` is ahead of the best other model of its layer (negative when it has been overtaken).
fn margin(kb: &Kb, totals: &[Tally], layer: Layer, old: usize) -> i32 {
    let best_other = kb
        .content
        .models
        .iter()
        .enumerate()
        .filter(|(i, m)| m.layer == layer && *i != old)
        .map(|(i, _)| fit(totals, i))
        .max()
        .unwrap_or(i32::MIN / 2);
    fit(totals, old).saturating_sub(best_other)
}

/// The change of leader that `steps` make, if they make one. A first place shared with another model is a tie,
/// not a new leader, and so is a first place no answer speaks to: naming one would let the order of ids decide what
/// the advice says.
fn change(kb: &Kb, steps: Vec<Step>, layer: Layer, old: usize, totals: &[Tally]) -> Option<Change> {
    let new = sole_leader(kb, totals, layer)?;
    (new != old).then(|| Change {
        steps,
        layer,
        old_leader: old,
        new_leader: new,
        lead: fit(totals, new) - fit(totals, old),
    })
}

/// The changes of answer that would change the leading vehicle or payment rule, at most `limit` per layer.
///
/// Single changes come first: changes to answers already given before answers to unanswered questions, then
/// the largest resulting lead, then journey order. When no single change is enough, the changes that most
/// narrow the leader's margin are combined, one at a time, up to [`MAX_STEPS`], and the first combination that
/// reorders the top is reported.
pub fn what_would_change(
    kb: &Kb,
    answers: &Answers,
    eval: &Evaluation,
    limit: usize,
) -> Vec<Change> {
    let singles = single_changes(kb, answers, &[]);
    let mut out = Vec::new();
    for layer in Layer::ALL {
        let Some(&old) = eval.layer(layer).order.first() else {
            continue;
        };
        let mut found: Vec<(bool, Change)> = singles
            .iter()
            .filter_map(|t| {
                change(kb, vec![t.step.clone()], layer, old, &t.totals)
                    .map(|c| (t.step.from == 0, c))
            })
            .collect();
        found.sort_by_key(|(unanswered, c)| {
            (
                *unanswered,
                std::cmp::Reverse(c.lead),
                c.steps.first().map(|s| (s.question, s.to)),
            )
        });
        let mut taken: Vec<Change> = Vec::new();
        for (_, c) in found {
            if taken.len() == limit {
                break;
            }
            // One suggestion per question and new leader is enough.
            if !taken.iter().any(|t| {
                t.steps == c.steps
                    || (t.steps.first().map(|s| s.question) == c.steps.first().map(|s| s.question)
                        && t.new_leader == c.new_leader)
            }) {
                taken.push(c);
            }
        }
        if taken.is_empty() {
            taken.extend(combined(kb, answers, layer, old));
        }
        out.extend(taken);
    }
    out
}

/// Combines the changes that most narrow the leader's margin until the leader changes.
fn combined(kb: &Kb, answers: &Answers, layer: Layer, old: usize) -> Option<Change> {
    let mut current = answers.clone();
    let in_force = answers.effective(kb).sel;
    let mut steps: Vec<Step> = Vec::new();
    for _ in 0..MAX_STEPS {
        let skip: Vec<usize> = steps.iter().map(|s| s.question).collect();
        let best = single_changes(kb, &current, &skip)
            .into_iter()
            // Each step starts from the answer in force now: an earlier step can bring back a question with an
            // answer the user gave before branching hid it, and that answer is not one to change from.
            .filter(|t| in_force.get(t.step.question).copied().unwrap_or(0) == t.step.from)
            .min_by_key(|t| {
                (
                    margin(kb, &t.totals, layer, old),
                    t.step.from == 0,
                    t.step.question,
                    t.step.to,
                )
            })?;
        steps.push(best.step.clone());
        current = best.answers;
        let mut sorted = steps.clone();
        sorted.sort_by_key(|s| s.question);
        if let Some(c) = change(kb, sorted, layer, old, &best.totals) {
            return Some(c);
        }
    }
    None
}

/// Option indices in a selection, for display.
pub fn labels(kb: &Kb, question: usize, mask: u32) -> Vec<String> {
    let Some(q) = kb.question(question) else {
        return Vec::new();
    };
    options_in(mask)
        .filter_map(|o| q.options.get(o).map(|c| c.label.clone()))
        .collect()
}

fn join_labels(labels: &[String]) -> String {
    labels
        .iter()
        .map(|l| format!("“{l}”"))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The change in one sentence: "If you could answer “…” instead of “…” to “…”, X would lead instead of Y."
pub fn describe(kb: &Kb, c: &Change) -> String {
    let name = |i: usize| crate::engine::model_name(kb, i);
    let clauses: Vec<String> = c
        .steps
        .iter()
        .filter_map(|step| {
            let q = kb.question(step.question)?;
            let (from, to) = (
                labels(kb, step.question, step.from),
                labels(kb, step.question, step.to),
            );
            Some(if from.is_empty() {
                format!("answer {} to “{}”", join_labels(&to), q.text)
            } else {
                format!(
                    "could answer {} instead of {} to “{}”",
                    join_labels(&to),
                    join_labels(&from),
                    q.text
                )
            })
        })
        .collect();
    format!(
        "If you {}, {} would lead instead of {}.",
        clauses.join(", and "),
        name(c.new_leader),
        name(c.old_leader)
    )
}
