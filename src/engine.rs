//! The scoring engine: turns answers into a recommended combination of a commissioning arrangement, a contract
//! vehicle and a payment rule, each model's score the sum of recorded contributions.
//!
//! # How a model's fit is judged
//!
//! Every point a model gets comes from one effect of one chosen option, recorded as a [`Contribution`]: the
//! score is exactly their sum. What a model *could* score depends on how much of the content speaks to it, and
//! some models are the subject of far more answers than others; a plain sum lets such a model win by volume.
//! So each score is set against the points that could count for the model on the questions that apply to this
//! user (its *reachable* points: for each question that applies, the most any answer could give it), and the fit
//! is
//!
//! ```text
//! fit = score / max(reachable + PRIOR, floor of its layer)
//! ```
//!
//! `PRIOR` and the floor keep a model that only a few answers speak to from leading on those alone: the floor is
//! the average attainable maximum of the models in the same layer ([`Kb::floor`]), so a model is judged at least
//! as if it could have scored as much as a typical rival. The explanation
//! shows the basis ("14 of the 20 points that could count for it"). Each model's few decisive conditions carry 4
//! to 8 points and generic supporting answers 1 to 3 (checked in `validate`), so a model leads because its
//! decisive conditions hold.
//!
//! A *failed precondition* (an effect marked `serious`) rules a model out of "may suit you best" and "may also
//! suit you" while the answer stands; the model stays listed, last in its layer, with the reason.
//!
//! Models are ordered by fit; models that fit exactly equally are a *tie*, which the result says in words with
//! the question that would separate them. Ties are listed by model id, never by the order of the content.
//!
//! # Confidence
//!
//! Confidence is one judgement from coverage, margin and ties, made so that answering fewer questions can never
//! raise it. For the questions still open it takes the worst case: the leader gets the fewest points each open
//! question could give it and every rival the most. A layer's lead is *settled* when the leader stays ahead of
//! every rival (and cannot be ruled out) even then; with nothing left open this is simply a lead, so a tie is never
//! settled. High confidence needs most of the main questions answered and every layer settled with a clear
//! margin; medium needs half of them and the vehicle settled; anything else is low.

use std::cmp::Ordering;

use crate::answers::{options_in, Answers, Effective};
use crate::condition::QState;
use crate::content::{Layer, Model};
use crate::kb::{Kb, Reach};

/// Added to every model's reachable points before dividing: a model needs more than a couple of matching answers
/// to lead.
pub const PRIOR: i32 = 10;

/// "May also suit you": within this share of a fit point of the leader (numerator, denominator).
pub const CLOSE: (i64, i64) = (1, 10);

/// A settled lead counts as clear when the leader's worst case beats every rival's best case by this much fit.
pub const CLEAR: (i64, i64) = (1, 20);

/// One recorded contribution to a model's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contribution {
    /// Question index.
    pub question: usize,
    /// Option index within the question.
    pub option: usize,
    /// Effect index within the option.
    pub effect: usize,
    /// Points.
    pub points: i32,
    /// A failed precondition.
    pub serious: bool,
    /// Recorded but not counted: a supporting answer for a new contract vehicle while there is no case for
    /// changing the contract (`Kb::case_for_change`).
    pub withheld: bool,
}

/// A model's running tally for a set of answers: everything the ranking and the confidence need, with no
/// allocation (the what-if analysis computes many).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// The score: the sum of the contributions.
    pub points: i32,
    /// The points that could count for it on the questions that apply (answered or still open).
    pub reachable: i32,
    /// Of `reachable`, the part on questions still open.
    pub open_best: i32,
    /// The most points the open questions could take away (0 or less).
    pub open_worst: i32,
    /// Some answer is a failed precondition for it.
    pub ruled_out: bool,
    /// Some open question has an answer that would be a failed precondition for it.
    pub could_be_ruled_out: bool,
    /// Some answer counts for or against it.
    pub touched: bool,
    /// The floor of its layer's fit divisor ([`Kb::floor`]).
    pub floor: i32,
    /// Points from answers that support it but are not counted, because there is no case for changing the
    /// contract yet (0 for models that do not need one).
    pub withheld: i32,
    /// Whether open questions could still make the case for change, so that `withheld` would count.
    pub withheld_may_count: bool,
    /// The points of fit it is placed lower by when ranked: the content's new-vehicle margin for a new contract
    /// vehicle ([`Kb::new_vehicle_margin`]), 0 for every other model. Its score is untouched.
    pub margin: i32,
    /// An answer says it is already in place (today's contract is this vehicle): no margin, and its supporting
    /// answers count without a case for change.
    pub in_place: bool,
    /// An open question could say it is already in place.
    pub could_be_in_place: bool,
    /// How far `reachable` could yet fall once open questions settle the conditions of conditional effects (0 or
    /// more): the bound used for a rival's best case.
    pub reach_could_fall: i32,
    /// How far `reachable` could yet rise once open questions settle those conditions (0 or more): the bound used
    /// for the leader's worst case.
    pub reach_could_rise: i32,
}

impl Tally {
    /// What its score is divided by to give its fit.
    pub fn divisor(&self) -> i64 {
        fit_base(self.reachable, self.floor)
    }

    /// The fit in hundredths of a point, less its margin, for display and for sorting suggestions (the ranking
    /// compares exactly).
    pub fn fit_hundredths(&self) -> i32 {
        i32::try_from(self.scaled(i64::from(self.points)) / self.divisor()).unwrap_or(0)
    }

    /// `points` (its score, or a best or worst case of it) as a fit over [`Tally::divisor`] in hundredths, less its
    /// margin: every comparison of fits goes through this, so the margin counts the same everywhere.
    fn scaled(&self, points: i64) -> i64 {
        self.scaled_less(points, self.margin)
    }

    /// `points` as a fit over [`Tally::divisor`] in hundredths, less `margin`.
    fn scaled_less(&self, points: i64, margin: i32) -> i64 {
        points * 100 - i64::from(margin) * self.divisor()
    }

    /// The divisor that makes `points` the highest fit it could become once open questions settle the conditions
    /// that change what could count for it (`highest`), or the lowest: a smaller divisor raises a positive fit and
    /// lowers a negative one.
    fn extreme_divisor(&self, points: i64, highest: bool) -> i64 {
        let smaller = fit_base(self.reachable - self.reach_could_fall, self.floor);
        let larger = fit_base(self.reachable + self.reach_could_rise, self.floor);
        if (points > 0) == highest {
            smaller
        } else {
            larger
        }
    }
}

/// What a model's score is divided by to give its fit: its reachable points plus [`PRIOR`], and at least the floor
/// of its layer.
pub fn fit_base(reachable: i32, floor: i32) -> i64 {
    (i64::from(reachable) + i64::from(PRIOR)).max(i64::from(floor))
}

/// `a.points / a.base` against `b.points / b.base`, each less its margin, exactly.
fn compare_fit(a: &Tally, b: &Tally) -> Ordering {
    (a.scaled(i64::from(a.points)) * b.divisor())
        .cmp(&(b.scaled(i64::from(b.points)) * a.divisor()))
}

/// Whether `(na / da) - (nb / db) >= num / den` (all denominators positive).
fn ahead_by(na: i64, da: i64, nb: i64, db: i64, (num, den): (i64, i64)) -> bool {
    (na * db - nb * da) * den >= num * da * db
}

/// Where each question stands: answered (in force), open, or hidden whatever the open questions say.
///
/// Branching conditions only ask that answers include options (`validate` checks this), so an answer is in force
/// here exactly when [`Answers::effective`] keeps it.
pub fn states(kb: &Kb, answers: &Answers) -> Vec<QState> {
    let n = kb.question_count();
    let mut states = Vec::with_capacity(n);
    for i in 0..n {
        let shown = match kb.show_if.get(i) {
            Some(Some(cond)) => cond.settle(&states),
            _ => Some(true),
        };
        states.push(match shown {
            Some(false) => QState::Hidden,
            Some(true) if answers.stored(i) != 0 => QState::Answered(answers.stored(i)),
            _ => QState::Open,
        });
    }
    states
}

/// Whether there is a case for a new contract vehicle (`Kb::case_for_change`): yes, no, or not until open
/// questions are answered. Content without one (the questionnaire-only build) makes the case.
fn case_for_change(kb: &Kb, states: &[QState]) -> Option<bool> {
    kb.case_for_change
        .as_ref()
        .map_or(Some(true), |c| c.settle(states))
}

/// Every model's tally for the given question states, into `out` (one per model, in content order).
pub fn tallies(kb: &Kb, states: &[QState], out: &mut Vec<Tally>) {
    // Until the case is made a new vehicle's supporting points are held back; while open questions could still
    // make it they are part of the best case.
    let case = case_for_change(kb, states);
    out.clear();
    out.extend(kb.content.models.iter().map(|m| Tally {
        floor: kb.floor(m.layer),
        ..Tally::default()
    }));
    mark_in_place(kb, states, out);
    for (q, state) in states.iter().enumerate() {
        if *state == QState::Hidden {
            continue;
        }
        let open = *state == QState::Open;
        if kb.conditional.get(q).copied().unwrap_or(false) {
            add_live_reach(kb, q, states, open, out);
        } else if let Some(reach) = kb.reach.get(q) {
            for (t, r) in out.iter_mut().zip(reach) {
                add_reach(t, r, open);
            }
        }
        if let QState::Answered(mask) = state {
            let per_option = kb.effects.get(q).map(Vec::as_slice).unwrap_or_default();
            for o in options_in(*mask) {
                for e in per_option.get(o).map(Vec::as_slice).unwrap_or_default() {
                    if let Some(t) = out.get_mut(e.model) {
                        match holds(kb, e, states) {
                            Some(true) => {}
                            Some(false) => continue,
                            // Its condition waits on open questions: it may yet count.
                            None => {
                                t.open_best += e.points.max(0);
                                t.open_worst += e.points.min(0);
                                t.could_be_ruled_out |= e.serious;
                                continue;
                            }
                        }
                        if waits(e, case == Some(true), t.in_place) {
                            t.withheld += e.points;
                            t.withheld_may_count = case.is_none();
                        } else {
                            t.points += e.points;
                        }
                        t.ruled_out |= e.serious;
                        t.touched = true;
                    }
                }
            }
        }
    }
    // The margin protects keeping or re-letting today's contracts only where the answers give that something in its
    // favour: with no such option scoring above nothing, it would make an option with no reason lead.
    let on = margin_state(kb, out).0 == MarginState::On;
    for (m, t) in kb.content.models.iter().zip(out.iter_mut()) {
        t.margin = margin_of(kb, m, t, on);
    }
}

/// Marks the models an answer says are already in place, and those an open question could say are.
fn mark_in_place(kb: &Kb, states: &[QState], out: &mut [Tally]) {
    // Not while its holder is failing or leaving; while open questions could say so, only possibly.
    let blocked = kb
        .in_place_unless
        .as_ref()
        .map_or(Some(false), |c| c.settle(states));
    if blocked == Some(true) {
        return;
    }
    for mark in &kb.in_place {
        let open = match states.get(mark.question) {
            Some(QState::Open) => true,
            Some(QState::Answered(mask)) if selects(*mask, mark.option) => false,
            _ => continue,
        };
        if let Some(t) = out.get_mut(mark.model) {
            if open || blocked.is_none() {
                t.could_be_in_place = true;
            } else {
                t.in_place = true;
            }
        }
    }
}

/// Whether an effect is held back, recorded but not counted: a new vehicle's supporting answer while there is no case
/// for change (`case_made`) and the vehicle is not already in place.
fn waits(e: &crate::kb::CompiledEffect, case_made: bool, in_place: bool) -> bool {
    e.gated && !case_made && !in_place
}

/// Adds what one question that applies can do to a model (`r`) to its tally: to the points that could count for it,
/// and while the question is `open` to its best and worst case.
fn add_reach(t: &mut Tally, r: &Reach, open: bool) {
    t.reachable += r.best;
    if open {
        t.open_best += r.best;
        t.open_worst += r.worst;
        t.could_be_ruled_out |= r.can_rule_out;
    }
}

/// [`add_reach`] for a question `q` with conditional effects ([`Kb::conditional`]), and how far that reach could yet
/// fall or rise once open questions settle their conditions, in one pass over its effects ([`Kb::by_model`],
/// [`crate::kb::reaches_by_model`]) with no allocation: this runs on every recompute.
///
/// What counts for a model is what its answers can do now: an effect whose condition has failed could not count,
/// whatever this question's answer. The least it could become counts every effect still waiting on open questions
/// only if it takes points away, the most only if it adds them.
fn add_live_reach(kb: &Kb, q: usize, states: &[QState], open: bool, out: &mut [Tally]) {
    let (Some(by_model), Some((_, question))) = (kb.by_model.get(q), kb.content.questions.get(q))
    else {
        return;
    };
    crate::kb::reaches_by_model(
        by_model,
        question.kind,
        |e| {
            let held = holds(kb, e, states);
            [
                held != Some(false),
                held.unwrap_or(e.points <= 0),
                held.unwrap_or(e.points > 0),
            ]
        },
        |m, [now, least, most]| {
            if let Some(t) = out.get_mut(m) {
                add_reach(t, &now, open);
                // Both 0 for a model with no effect waiting here.
                t.reach_could_fall += (now.best - least.best).max(0);
                t.reach_could_rise += (most.best - now.best).max(0);
            }
        },
    );
}

/// Whether a conditional effect's condition holds (always, for an unconditional one): yes, no, or not until open
/// questions are answered.
fn holds(kb: &Kb, e: &crate::kb::CompiledEffect, states: &[QState]) -> Option<bool> {
    e.when.map_or(Some(true), |w| {
        kb.effect_when.get(w).and_then(|c| c.settle(states))
    })
}

/// Whether an answer's option mask includes option `option`.
fn selects(mask: u32, option: usize) -> bool {
    u32::try_from(option)
        .ok()
        .and_then(|o| mask.checked_shr(o))
        .is_some_and(|m| m & 1 == 1)
}

/// The margin a model carries while the margin is `on`: the content's for a new contract vehicle not already in
/// place, else none.
fn margin_of(kb: &Kb, m: &Model, t: &Tally, on: bool) -> i32 {
    if on && m.needs_case_for_change && !t.in_place {
        kb.new_vehicle_margin
    } else {
        0
    }
}

/// Whether the new-vehicle margin applies, and whether open questions could change that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarginState {
    /// An option without a margin (the NHS Standard Contract, no new contract), not ruled out, scores above nothing.
    On,
    /// None does.
    Off,
}

/// The margin's state for these tallies, and whether the open questions could flip it: a do-minimum option could
/// rise above nothing (from off), or every one that is above nothing could fall to nothing (from on).
fn margin_state(kb: &Kb, tallies: &[Tally]) -> (MarginState, bool) {
    let mut on = false;
    let mut could_rise = false;
    let mut all_could_fall = true;
    for (m, t) in kb.content.models.iter().zip(tallies) {
        if m.layer != Layer::Vehicle || m.needs_case_for_change || t.ruled_out {
            continue;
        }
        if t.points > 0 {
            on = true;
            all_could_fall &= t.points + t.open_worst <= 0 || t.could_be_ruled_out;
        } else {
            could_rise |= t.points + t.open_best > 0;
        }
    }
    if on {
        (MarginState::On, all_could_fall)
    } else {
        (MarginState::Off, could_rise)
    }
}

/// The models of one layer, best first: those not ruled out by fit, then those ruled out by fit; on equal fits a
/// model without the new-vehicle margin first (a new vehicle must fit clearly better), then by model id (so the
/// order of models in the content never decides anything).
pub fn rank(kb: &Kb, tallies: &[Tally], layer: Layer) -> Vec<usize> {
    let mut ids: Vec<usize> = kb
        .content
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.layer == layer)
        .map(|(i, _)| i)
        .collect();
    let none = Tally::default();
    ids.sort_by(|a, b| {
        let (ta, tb) = (
            tallies.get(*a).unwrap_or(&none),
            tallies.get(*b).unwrap_or(&none),
        );
        ta.ruled_out
            .cmp(&tb.ruled_out)
            .then_with(|| compare_fit(tb, ta))
            .then_with(|| (ta.margin > 0).cmp(&(tb.margin > 0)))
            .then_with(|| model_id(kb, *a).cmp(model_id(kb, *b)))
    });
    ids
}

fn model_id(kb: &Kb, i: usize) -> &str {
    kb.content
        .models
        .get(i)
        .map(|m| m.id.as_str())
        .unwrap_or_default()
}

/// The first model of a layer (see [`rank`]).
pub fn leader(kb: &Kb, tallies: &[Tally], layer: Layer) -> Option<usize> {
    rank(kb, tallies, layer).first().copied()
}

/// How well a model fits, in words the result uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// First in its layer, or level with the first.
    Best,
    /// Within a tenth of a fit point of the first.
    Close,
    /// Some answers count for it, but it is well behind.
    Partial,
    /// More counts against it than for it.
    Poor,
    /// A failed precondition rules it out while the answer stands.
    RuledOut,
    /// No answer so far speaks to it.
    Unknown,
}

impl Band {
    /// Stable id for the page and tests.
    pub fn id(self) -> &'static str {
        match self {
            Band::Best => "best",
            Band::Close => "close",
            Band::Partial => "partial",
            Band::Poor => "poor",
            Band::RuledOut => "ruled-out",
            Band::Unknown => "unknown",
        }
    }

    /// Hedged wording.
    pub fn label(self) -> &'static str {
        match self {
            Band::Best => "may suit you best",
            Band::Close => "may also suit you",
            Band::Partial => "may partly suit you",
            Band::Poor => "less likely to suit you",
            Band::RuledOut => "ruled out for now: a precondition is not met",
            Band::Unknown => "not enough answers to judge",
        }
    }
}

/// A model's score with its contributions and the basis of its fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelScore {
    /// Model index.
    pub model: usize,
    /// Sum of the contributions counted (those not withheld).
    pub total: i32,
    /// Its tally (reachable points, open questions, preconditions).
    pub tally: Tally,
    /// Every contribution, in journey order.
    pub contributions: Vec<Contribution>,
    /// How well it fits.
    pub band: Band,
    /// Rank within its layer (1 = first).
    pub rank: usize,
}

impl ModelScore {
    /// The basis of the fit in words: "14 of the 20 points that could count for it …", the points held back for
    /// want of a case for change, with `withheld_reason` (the content's short wording of that condition), and the
    /// margin a new contract vehicle's fit is placed lower by, with `margin_reason`, or that it carries none because it
    /// is already in place, with `in_place_reason`.
    pub fn basis(
        &self,
        withheld_reason: &str,
        margin_reason: &str,
        in_place_reason: &str,
    ) -> String {
        let t = &self.tally;
        let points = |n: i32| if n.abs() == 1 { "point" } else { "points" };
        let mut s = format!(
            "{} on the questions that apply to you",
            points_that_count(t.points, t.reachable)
        );
        if t.margin > 0 {
            let raw = i64::from(t.points) * 100 / t.divisor();
            s.push_str(&format!(
                " (a fit of {raw}%, less {} percentage points as a new contract vehicle, for {margin_reason})",
                t.margin
            ));
        } else if t.in_place {
            s.push_str(&format!(
                " (not placed lower as a new contract vehicle: {in_place_reason})"
            ));
        }
        if t.open_best > 0 {
            s.push_str(&format!(
                " ({} of those {} on questions not yet answered)",
                t.open_best,
                points(t.open_best)
            ));
        }
        if t.withheld > 0 {
            s.push_str(&format!(
                "; {} more {} from your answers not counted: {}",
                t.withheld,
                points(t.withheld),
                withheld_reason
            ));
        }

        s
    }
}

/// A score against the points that could count for the model: "14 of the 20 points that could count for it".
pub fn points_that_count(score: i32, reachable: i32) -> String {
    let points = if reachable.abs() == 1 {
        "point"
    } else {
        "points"
    };
    format!(
        "{} of the {reachable} {points} that could count for it",
        signed(score)
    )
}

fn signed(n: i32) -> String {
    if n < 0 {
        format!("−{}", n.unsigned_abs())
    } else {
        n.to_string()
    }
}

/// The question whose answer would separate two models that fit equally well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Separator {
    /// Question index.
    pub question: usize,
    /// The first model, and the option that favours it most.
    pub first: (usize, usize),
    /// The second model, and the option that favours it most.
    pub second: (usize, usize),
    /// Whether the question is still open.
    pub open: bool,
}

/// One layer's ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerRanking {
    /// The layer.
    pub layer: Layer,
    /// Model indices, best first.
    pub order: Vec<usize>,
    /// The models level with the first (two or more when the lead is a tie, else empty).
    pub tied: Vec<usize>,
    /// For a tie: the question that would separate the first two.
    pub separator: Option<Separator>,
    /// Whether the lead holds whatever the open questions say (see the module documentation).
    pub settled: bool,
    /// Whether it holds with a clear margin.
    pub clear: bool,
}

impl LayerRanking {
    /// The first model, if it is not ruled out.
    pub fn leader(&self, eval_scores: &[ModelScore]) -> Option<usize> {
        let first = *self.order.first()?;
        let s = eval_scores.get(first)?;
        (s.band != Band::RuledOut).then_some(first)
    }
}

/// A recommended combination of the three layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Combination {
    /// Commissioning arrangement (model index).
    pub arrangement: Option<usize>,
    /// Contract vehicle.
    pub vehicle: usize,
    /// Core payment rule the vehicle can carry: the best ranked of those it pairs with (never an overlay).
    pub payment: Option<usize>,
    /// An overlay payment rule (outcome-linked) carried beside the core one, when it fits as well as the core rule or
    /// closely behind the first payment rule, and the vehicle can carry it.
    pub overlay: Option<usize>,
}

/// How much to trust the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

impl Level {
    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }
}

/// Confidence in the recommended combination, with its reasons in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confidence {
    /// Overall level.
    pub level: Level,
    /// One sentence saying what the level means here.
    pub summary: String,
    /// The reasons, in plain words.
    pub reasons: Vec<String>,
    /// Main questions (those every user is asked) answered.
    pub answered_main: usize,
    /// Main questions.
    pub main: usize,
    /// Questions that apply, answered.
    pub answered: usize,
    /// Questions that apply now.
    pub visible: usize,
}

/// The result of evaluating a set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The answers in force.
    pub eff: Effective,
    /// Where each question stands.
    pub states: Vec<QState>,
    /// One score per model, in content order.
    pub scores: Vec<ModelScore>,
    /// Commissioning arrangements.
    pub arrangements: LayerRanking,
    /// Contract vehicles.
    pub vehicles: LayerRanking,
    /// Payment rules.
    pub payments: LayerRanking,
    /// The recommended combination, then up to two alternatives (the next vehicles not ruled out).
    pub combinations: Vec<Combination>,
    /// Confidence.
    pub confidence: Confidence,
}

impl Evaluation {
    /// The score of a model by index.
    pub fn score(&self, model: usize) -> Option<&ModelScore> {
        self.scores.get(model)
    }

    /// The models that `model` is ranked ahead of only because of the new-vehicle margin: for a model without a
    /// margin that is not ruled out, the models ranked after it, not ruled out, whose fit before their margin is
    /// higher than its own (in ranking order). Empty for every other model.
    pub fn ahead_by_margin(&self, model: usize) -> Vec<usize> {
        let Some(own) = self.scores.get(model).map(|s| s.tally) else {
            return Vec::new();
        };
        if own.margin != 0 || own.ruled_out {
            return Vec::new();
        }
        let Some(layer) = [&self.arrangements, &self.vehicles, &self.payments]
            .into_iter()
            .find(|l| l.order.contains(&model))
        else {
            return Vec::new();
        };
        layer
            .order
            .iter()
            .skip_while(|i| **i != model)
            .skip(1)
            .copied()
            .filter(|i| {
                self.scores.get(*i).is_some_and(|s| {
                    let t = s.tally;
                    t.margin > 0
                        && !t.ruled_out
                        && i64::from(t.points) * own.divisor() > i64::from(own.points) * t.divisor()
                })
            })
            .collect()
    }

    /// A layer's ranking.
    pub fn layer(&self, layer: Layer) -> &LayerRanking {
        match layer {
            Layer::Arrangement => &self.arrangements,
            Layer::Vehicle => &self.vehicles,
            Layer::Payment => &self.payments,
        }
    }
}

/// Scores every model with its contributions; `case`: whether the case for change is made (see [`tallies`]).
fn contributions(
    kb: &Kb,
    eff: &Effective,
    case: bool,
    tallies: &[Tally],
) -> Vec<Vec<Contribution>> {
    let mut out = vec![Vec::new(); kb.content.models.len()];
    let in_place = |m: usize| tallies.get(m).is_some_and(|t| t.in_place);
    for (q, mask) in eff.sel.iter().enumerate() {
        let Some(per_option) = kb.effects.get(q) else {
            continue;
        };
        for o in options_in(*mask) {
            for (ei, e) in per_option
                .get(o)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.when
                        .is_none_or(|w| kb.effect_when.get(w).is_some_and(|c| c.eval(&eff.sel)))
                })
            {
                if let Some(list) = out.get_mut(e.model) {
                    list.push(Contribution {
                        question: q,
                        option: o,
                        effect: ei,
                        points: e.points,
                        serious: e.serious,
                        withheld: waits(e, case, in_place(e.model)),
                    });
                }
            }
        }
    }
    out
}

fn band_of(tallies: &[Tally], order: &[usize], position: usize) -> Band {
    let none = Tally::default();
    let Some(t) = order.get(position).and_then(|i| tallies.get(*i)) else {
        return Band::Unknown;
    };
    let first = order.first().and_then(|i| tallies.get(*i)).unwrap_or(&none);
    if t.ruled_out {
        Band::RuledOut
    } else if !t.touched {
        Band::Unknown
    } else if t.points <= 0 {
        Band::Poor
    } else if position == 0 || compare_fit(t, first) == Ordering::Equal {
        Band::Best
    } else if ahead_by(
        t.scaled(i64::from(t.points)),
        t.divisor(),
        first.scaled(i64::from(first.points)),
        first.divisor(),
        (-CLOSE.0 * 100, CLOSE.1),
    ) {
        Band::Close
    } else {
        Band::Partial
    }
}

/// Whether the first model's lead holds whatever the open questions say, by at least `margin` of fit.
fn settled(tallies: &[Tally], order: &[usize], margin: (i64, i64)) -> bool {
    let Some(a) = order.first().and_then(|i| tallies.get(*i)) else {
        return false;
    };
    if a.ruled_out || a.could_be_ruled_out {
        return false;
    }
    let worst = i64::from(a.points) + i64::from(a.open_worst);
    if worst <= 0 {
        return false;
    }
    order
        .iter()
        .skip(1)
        .filter_map(|i| tallies.get(*i))
        .filter(|b| !b.ruled_out)
        .all(|b| {
            // An open question could say the rival is already in place: then its withheld points count and it
            // carries no margin.
            let released = if b.withheld_may_count || b.could_be_in_place {
                b.withheld
            } else {
                0
            };
            let best = i64::from(b.points) + i64::from(b.open_best) + i64::from(released);
            let b_margin = if b.could_be_in_place { 0 } else { b.margin };
            // Each over the divisor open questions could still give it that is worst for the leader.
            let a_div = a.extreme_divisor(worst, false);
            let b_div = b.extreme_divisor(best, true);
            let worst = worst * 100 - i64::from(a.margin) * a_div;
            let best = best * 100 - i64::from(b_margin) * b_div;
            let strictly = worst * b_div > best * a_div;
            strictly && ahead_by(worst, a_div, best, b_div, (margin.0 * 100, margin.1))
        })
}

/// The question that best separates two models: the widest gap between an answer favouring one and an answer
/// favouring the other, open questions first. `tallies` are those of `states` (for which vehicles are in place).
fn separator(
    kb: &Kb,
    states: &[QState],
    tallies: &[Tally],
    x: usize,
    y: usize,
) -> Option<Separator> {
    // Without a case for change a new vehicle's supporting answers would not count (unless it is already in place),
    // so they separate nothing.
    let case = case_for_change(kb, states);
    let in_place = |m: usize| tallies.get(m).is_some_and(|t| t.in_place);
    let mut best: Option<(bool, i32, Separator)> = None;
    for (q, state) in states.iter().enumerate() {
        if *state == QState::Hidden {
            continue;
        }
        let Some(per_option) = kb.effects.get(q) else {
            continue;
        };
        let diff = |o: &Vec<crate::kb::CompiledEffect>| -> i32 {
            o.iter()
                .map(|e| {
                    if waits(e, case == Some(true), in_place(e.model))
                        || holds(kb, e, states) == Some(false)
                    {
                        0
                    } else if e.model == x {
                        e.points
                    } else if e.model == y {
                        -e.points
                    } else {
                        0
                    }
                })
                .sum()
        };
        let mut hi: Option<(i32, usize)> = None;
        let mut lo: Option<(i32, usize)> = None;
        for (o, effects) in per_option.iter().enumerate() {
            let d = diff(effects);
            if hi.is_none_or(|(h, _)| d > h) {
                hi = Some((d, o));
            }
            if lo.is_none_or(|(l, _)| d < l) {
                lo = Some((d, o));
            }
        }
        let (Some((h, ho)), Some((l, lo_o))) = (hi, lo) else {
            continue;
        };
        if h <= 0 || l >= 0 {
            continue;
        }
        let open = *state == QState::Open;
        let cand = Separator {
            question: q,
            first: (x, ho),
            second: (y, lo_o),
            open,
        };
        let key = (open, h - l);
        if best.as_ref().is_none_or(|(bo, bs, _)| key > (*bo, *bs)) {
            best = Some((open, h - l, cand));
        }
    }
    best.map(|(_, _, s)| s)
}

/// The models level with the first of `order` (two or more when the lead is a tie, else none): not ruled out, and
/// fitting exactly as well, each less its margin.
fn level_with_first(tallies: &[Tally], order: &[usize]) -> Vec<usize> {
    let none = Tally::default();
    let first = order.first().and_then(|i| tallies.get(*i)).unwrap_or(&none);
    if first.ruled_out || !first.touched {
        return Vec::new();
    }
    let tied: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| {
            tallies
                .get(*i)
                .is_some_and(|t| !t.ruled_out && compare_fit(t, first) == Ordering::Equal)
        })
        .collect();
    if tied.len() >= 2 {
        tied
    } else {
        Vec::new()
    }
}

/// The first of a layer when it leads alone and on an answer: `None` when it is level with another model (a tie,
/// which the result states in words), when no answer speaks to it, or when it is ruled out. Either way only the
/// order of ids would have put it first.
pub fn sole_leader(kb: &Kb, tallies: &[Tally], layer: Layer) -> Option<usize> {
    let order = rank(kb, tallies, layer);
    let first = *order.first()?;
    let t = tallies.get(first)?;
    (t.touched && !t.ruled_out && level_with_first(tallies, &order).is_empty()).then_some(first)
}

fn layer_ranking(kb: &Kb, states: &[QState], tallies: &[Tally], layer: Layer) -> LayerRanking {
    let order = rank(kb, tallies, layer);
    let tied = level_with_first(tallies, &order);
    let separator = match tied.as_slice() {
        [x, y, ..] => separator(kb, states, tallies, *x, *y),
        _ => None,
    };
    // While open questions could switch the new-vehicle margin on or off, a lead is settled only if it holds both ways.
    let (state, could_flip) = margin_state(kb, tallies);
    let flipped: Option<Vec<Tally>> = (layer == Layer::Vehicle && could_flip).then(|| {
        kb.content
            .models
            .iter()
            .zip(tallies)
            .map(|(m, t)| Tally {
                margin: margin_of(kb, m, t, state == MarginState::Off),
                ..*t
            })
            .collect()
    });
    let holds = |margin: (i64, i64)| {
        settled(tallies, &order, margin)
            && flipped
                .as_deref()
                .is_none_or(|f| settled(f, &order, margin))
    };
    LayerRanking {
        layer,
        settled: holds((0, 1)),
        clear: holds(CLEAR),
        order,
        tied,
        separator,
    }
}

/// The best ranked payment rule a vehicle can carry, not ruled out: a core rule, or (`overlay`) an overlay that
/// fits as well as the best rule or closely behind it.
pub fn best_payment_for(
    kb: &Kb,
    vehicle: usize,
    payments: &[usize],
    scores: &[ModelScore],
    overlay: bool,
) -> Option<usize> {
    let v = kb.content.models.get(vehicle)?;
    payments.iter().copied().find(|p| {
        scores.get(*p).is_some_and(|s| {
            if overlay {
                matches!(s.band, Band::Best | Band::Close)
            } else {
                s.band != Band::RuledOut
            }
        }) && kb
            .content
            .models
            .get(*p)
            .is_some_and(|pm| pm.overlay == overlay && v.pairs_with.iter().any(|id| id == &pm.id))
    })
}

/// A model's display name (empty for an index out of range).
pub fn model_name(kb: &Kb, i: usize) -> &str {
    kb.content
        .models
        .get(i)
        .map(|m| m.name.as_str())
        .unwrap_or_default()
}

fn noun(layer: Layer) -> &'static str {
    match layer {
        Layer::Arrangement => "commissioning arrangement",
        Layer::Vehicle => "contract vehicle",
        Layer::Payment => "payment rule",
    }
}

fn confidence(kb: &Kb, eval: &Evaluation) -> Confidence {
    let main = kb.show_if.iter().filter(|c| c.is_none()).count();
    let answered_main = kb
        .show_if
        .iter()
        .zip(&eval.states)
        .filter(|(c, s)| c.is_none() && matches!(s, QState::Answered(_)))
        .count();
    let open: Vec<usize> = eval
        .states
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == QState::Open)
        .map(|(i, _)| i)
        .collect();
    let layers = [&eval.arrangements, &eval.vehicles, &eval.payments];
    let level = if answered_main * 5 >= main * 4 && layers.iter().all(|l| l.clear) {
        Level::High
    } else if answered_main * 2 >= main && eval.vehicles.settled {
        Level::Medium
    } else {
        Level::Low
    };
    let mut reasons = vec![format!(
        "You have answered {} of the {} questions that apply to you ({} of the {} main questions).",
        eval.eff.answered_count(),
        eval.eff.visible_count(),
        answered_main,
        main
    )];
    for l in layers {
        let Some(&first) = l.order.first() else {
            continue;
        };
        let score = eval.scores.get(first);
        let tally = score.map(|s| s.tally).unwrap_or_default();
        let noun = noun(l.layer);
        if score.is_some_and(|s| s.band == Band::RuledOut) {
            reasons.push(format!(
                "Every {noun} has a failed precondition in your answers: none can be recommended as it stands."
            ));
        } else if !tally.touched {
            reasons.push(format!("No answer so far speaks to the choice of {noun}."));
        } else if let [x, y, ..] = l.tied.as_slice() {
            reasons.push(format!(
                "{} and {} fit equally well as the {noun}.",
                model_name(kb, *x),
                model_name(kb, *y)
            ));
        } else if l.clear {
            reasons.push(if open.is_empty() {
                format!("{} leads the other {noun}s clearly.", model_name(kb, first))
            } else {
                format!(
                    "{} stays clearly ahead of the other {noun}s whatever you answer to the questions still open.",
                    model_name(kb, first)
                )
            });
        } else if l.settled {
            let second = l
                .order
                .get(1)
                .map(|i| model_name(kb, *i))
                .unwrap_or_default();
            reasons.push(format!(
                "{} leads, but only just ahead of {second}: weigh both.",
                model_name(kb, first)
            ));
        } else if tally.could_be_ruled_out {
            let q = open
                .iter()
                .find(|q| {
                    kb.reach
                        .get(**q)
                        .and_then(|r| r.get(first))
                        .is_some_and(|r| r.can_rule_out)
                })
                .and_then(|q| kb.question(*q))
                .map(|q| q.text.as_str())
                .unwrap_or_default();
            reasons.push(format!(
                "An answer you have not given yet could rule out {}: “{q}”",
                model_name(kb, first)
            ));
        } else if open.is_empty() {
            let second = l
                .order
                .get(1)
                .map(|i| model_name(kb, *i))
                .unwrap_or_default();
            reasons.push(format!(
                "{} is only narrowly ahead of {second}.",
                model_name(kb, first)
            ));
        } else {
            reasons.push(format!(
                "The {} questions still open could change which {noun} leads.",
                open.len()
            ));
        }
    }
    let summary = match level {
        Level::High => "High: most questions are answered, and each part of the combination leads clearly whatever the rest say.",
        Level::Medium => "Medium: the contract vehicle leads whatever the questions still open say, but another part of the combination is close or not yet settled.",
        Level::Low => "Low: too few answers, a tie, or a narrow lead: treat the result as a starting point for discussion.",
    };
    Confidence {
        level,
        summary: summary.to_owned(),
        reasons,
        answered_main,
        main,
        answered: eval.eff.answered_count(),
        visible: eval.eff.visible_count(),
    }
}

/// Evaluates answers: effective answers, scores, the three rankings, combinations and confidence.
pub fn evaluate(kb: &Kb, answers: &Answers) -> Evaluation {
    let eff = answers.effective(kb);
    let states = states(kb, answers);
    let mut tallies_buf = Vec::new();
    tallies(kb, &states, &mut tallies_buf);
    let arrangements = layer_ranking(kb, &states, &tallies_buf, Layer::Arrangement);
    let vehicles = layer_ranking(kb, &states, &tallies_buf, Layer::Vehicle);
    let payments = layer_ranking(kb, &states, &tallies_buf, Layer::Payment);
    let case = case_for_change(kb, &states) == Some(true);
    let mut scores: Vec<ModelScore> = contributions(kb, &eff, case, &tallies_buf)
        .into_iter()
        .enumerate()
        .map(|(model, contributions)| {
            let tally = tallies_buf.get(model).copied().unwrap_or_default();
            ModelScore {
                model,
                total: contributions
                    .iter()
                    .filter(|c| !c.withheld)
                    .map(|c| c.points)
                    .sum(),
                tally,
                contributions,
                band: Band::Unknown,
                rank: 0,
            }
        })
        .collect();
    for l in [&arrangements, &vehicles, &payments] {
        for (position, i) in l.order.iter().enumerate() {
            if let Some(s) = scores.get_mut(*i) {
                s.rank = position + 1;
                s.band = band_of(&tallies_buf, &l.order, position);
            }
        }
    }
    let arrangement = arrangements.leader(&scores);
    let combinations = vehicles
        .order
        .iter()
        .copied()
        .filter(|v| scores.get(*v).is_some_and(|s| s.band != Band::RuledOut))
        .take(3)
        .map(|vehicle| Combination {
            arrangement,
            vehicle,
            payment: best_payment_for(kb, vehicle, &payments.order, &scores, false),
            overlay: best_payment_for(kb, vehicle, &payments.order, &scores, true),
        })
        .collect();
    let mut eval = Evaluation {
        eff,
        states,
        scores,
        arrangements,
        vehicles,
        payments,
        combinations,
        confidence: Confidence {
            level: Level::Low,
            summary: String::new(),
            reasons: Vec::new(),
            answered_main: 0,
            main: 0,
            answered: 0,
            visible: 0,
        },
    };
    eval.confidence = confidence(kb, &eval);
    eval
}

/// A model's score split by section of the questionnaire: the sum of the contributions from each section's
/// questions, or `None` where none counted.
pub fn by_section(kb: &Kb, score: &ModelScore) -> Vec<Option<i32>> {
    let mut out: Vec<Option<i32>> = vec![None; kb.content.sections.len()];
    for c in score.contributions.iter().filter(|c| !c.withheld) {
        let section = kb.content.questions.get(c.question).map(|(si, _)| *si);
        if let Some(slot) = section.and_then(|si| out.get_mut(si)) {
            *slot = Some(slot.unwrap_or(0) + c.points);
        }
    }
    out
}

/// A combination in words: "Section 75 pooled fund + alliance agreement + block payment with an outcome-linked
/// share".
pub fn combination_text(kb: &Kb, c: &Combination) -> String {
    let short = |i: Option<usize>| {
        i.and_then(|i| kb.content.models.get(i))
            .map(|m| m.short_name.as_str())
    };
    let payment = match (short(c.payment), short(c.overlay)) {
        (Some(p), Some(o)) => Some(format!("{p} with {o}")),
        (p, o) => p.or(o).map(str::to_owned),
    };
    let text = [short(c.arrangement), short(Some(c.vehicle))]
        .into_iter()
        .flatten()
        .map(str::to_owned)
        .chain(payment)
        .collect::<Vec<_>>()
        .join(" + ");
    upper_first(&text)
}

/// The text with its first letter in capitals (ASCII only: the content is English, and Unicode case tables would
/// add to the page's module).
pub(crate) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
        .unwrap_or_default()
}

/// The text with its first word in small letters, for a sentence that continues after a colon (ASCII only).
/// Acronyms and names stay as they are ("NHS Standard Contract"): only a capitalised ordinary word is lowered.
pub(crate) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(f), Some(second)) if f.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            [f.to_ascii_lowercase(), second]
                .into_iter()
                .chain(c)
                .collect()
        }
        _ => s.to_owned(),
    }
}

/// A tie in words, with the question that would separate the first two: `None` when the layer has no tie.
pub fn tie_text(kb: &Kb, l: &LayerRanking) -> Option<String> {
    let names: Vec<&str> = l.tied.iter().map(|i| model_name(kb, *i)).collect();
    let listed = match names.as_slice() {
        [] | [_] => return None,
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let count = if names.len() == 2 {
        "These two"
    } else {
        "These"
    };
    let mut text = format!(
        "{listed} fit equally well as the {}. {count} are listed in no order of preference.",
        noun(l.layer)
    );
    if let Some(sep) = &l.separator {
        let q = kb.question(sep.question);
        // The second mention uses the short name ("lead provider", "NHS Standard Contract").
        let short_name = |i: usize| {
            kb.content
                .models
                .get(i)
                .map_or("", |m| m.short_name.as_str())
        };
        let option = |o: usize| {
            q.and_then(|q| q.options.get(o))
                .map(|o| o.label.as_str())
                .unwrap_or_default()
        };
        text.push_str(&format!(
            " What would separate them is {} “{}”: “{}” points to {}, “{}” to {}.",
            if sep.open {
                "the question still open,"
            } else {
                "your answer to"
            },
            q.map(|q| q.text.as_str()).unwrap_or_default(),
            option(sep.first.1),
            short_name(sep.first.0),
            option(sep.second.1),
            short_name(sep.second.0)
        ));
    } else {
        text.push_str(
            " No single answer separates them: compare their pros, cons and demands below.",
        );
    }
    Some(text)
}
