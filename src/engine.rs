//! The scoring engine: turns answers into ranked models, each score the sum of recorded contributions.
//!
//! Every point a model gets comes from one effect of one chosen option, and is recorded as a
//! [`Contribution`]. Totals are integers, so explanations add up exactly. Vehicles and payment rules are ranked
//! separately (brief, Annex A) and ties are broken by the order of models in the content, so the same answers
//! always give the same result in the same order. Nothing here allocates per answer on the fast path
//! ([`totals`]), which the what-if analysis and the benchmarks use.

use crate::answers::{options_in, Answers, Effective};
use crate::content::Layer;
use crate::kb::Kb;

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
}

/// A model's score with its contributions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelScore {
    /// Model index.
    pub model: usize,
    /// Sum of contributions.
    pub total: i32,
    /// Every contribution, in journey order.
    pub contributions: Vec<Contribution>,
}

/// How much to trust the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

/// Confidence in the ranking: how much was answered and how clear the lead is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confidence {
    /// Overall level.
    pub level: Level,
    /// 0–100.
    pub percent: u8,
    /// Visible questions answered.
    pub answered: usize,
    /// Visible questions.
    pub visible: usize,
    /// Points between the first and second vehicle.
    pub margin: i32,
}

/// The result of evaluating a set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The answers in force.
    pub eff: Effective,
    /// One score per model, in content order.
    pub scores: Vec<ModelScore>,
    /// Vehicle model indices, best first.
    pub vehicles: Vec<usize>,
    /// Payment-rule model indices, best first.
    pub payments: Vec<usize>,
    /// Confidence.
    pub confidence: Confidence,
}

impl Evaluation {
    /// The score of a model by index.
    pub fn score(&self, model: usize) -> Option<&ModelScore> {
        self.scores.get(model)
    }
}

/// Adds up each model's points for the effective answers, without recording contributions.
pub fn totals(kb: &Kb, sel: &[u32], out: &mut Vec<i32>) {
    out.clear();
    out.resize(kb.content.models.len(), 0);
    for (q, mask) in sel.iter().enumerate() {
        if *mask == 0 {
            continue;
        }
        let Some(per_option) = kb.effects.get(q) else {
            continue;
        };
        for o in options_in(*mask) {
            for e in per_option.get(o).map(Vec::as_slice).unwrap_or_default() {
                if let Some(t) = out.get_mut(e.model) {
                    *t += e.points;
                }
            }
        }
    }
}

/// Model indices of one layer, ranked by total (best first), ties by content order.
pub fn rank(kb: &Kb, totals: &[i32], layer: Layer) -> Vec<usize> {
    let mut ids: Vec<usize> = kb
        .content
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.layer == layer)
        .map(|(i, _)| i)
        .collect();
    ids.sort_by_key(|i| {
        (
            std::cmp::Reverse(totals.get(*i).copied().unwrap_or(i32::MIN)),
            *i,
        )
    });
    ids
}

/// The best model of a layer (ties by content order).
pub fn leader(kb: &Kb, totals: &[i32], layer: Layer) -> Option<usize> {
    let mut best: Option<(i32, usize)> = None;
    for (i, m) in kb.content.models.iter().enumerate() {
        if m.layer != layer {
            continue;
        }
        let t = totals.get(i).copied().unwrap_or(i32::MIN);
        if best.is_none_or(|(bt, _)| t > bt) {
            best = Some((t, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Scores every model with full contributions and ranges.
pub fn score(kb: &Kb, eff: &Effective) -> Vec<ModelScore> {
    let mut scores: Vec<ModelScore> = (0..kb.content.models.len())
        .map(|model| ModelScore {
            model,
            total: 0,
            contributions: Vec::new(),
        })
        .collect();
    for (q, mask) in eff.sel.iter().enumerate() {
        if *mask == 0 {
            continue;
        }
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
            {
                if let Some(s) = scores.get_mut(e.model) {
                    s.total += e.points;
                    s.contributions.push(Contribution {
                        question: q,
                        option: o,
                        effect: ei,
                        points: e.points,
                    });
                }
            }
        }
    }
    scores
}

/// Confidence from coverage and margin: full coverage and a lead of six points or more give 100.
pub fn confidence(eff: &Effective, totals: &[i32], vehicles: &[usize]) -> Confidence {
    let answered = eff.answered_count();
    let visible = eff.visible_count().max(1);
    let first = vehicles
        .first()
        .and_then(|i| totals.get(*i))
        .copied()
        .unwrap_or(0);
    let second = vehicles
        .get(1)
        .and_then(|i| totals.get(*i))
        .copied()
        .unwrap_or(first);
    let margin = first - second;
    // coverage 0–100, closeness factor 50–100 (a tie halves confidence).
    let coverage = (answered * 100 / visible) as i64;
    let closeness = 50 + i64::from(margin.clamp(0, 6)) * 50 / 6;
    let percent = u8::try_from((coverage * closeness / 100).clamp(0, 100)).unwrap_or(0);
    let level = if answered == 0 {
        Level::Low
    } else if percent >= 75 {
        Level::High
    } else if percent >= 50 {
        Level::Medium
    } else {
        Level::Low
    };
    Confidence {
        level,
        percent,
        answered,
        visible: eff.visible_count(),
        margin,
    }
}

/// Evaluates answers: effective answers, scores, rankings and confidence.
pub fn evaluate(kb: &Kb, answers: &Answers) -> Evaluation {
    let eff = answers.effective(kb);
    let scores = score(kb, &eff);
    let totals: Vec<i32> = scores.iter().map(|s| s.total).collect();
    let vehicles = rank(kb, &totals, Layer::Vehicle);
    let payments = rank(kb, &totals, Layer::Payment);
    let confidence = confidence(&eff, &totals, &vehicles);
    Evaluation {
        eff,
        scores,
        vehicles,
        payments,
        confidence,
    }
}

/// The best payment rule that a vehicle can carry, by the payment ranking.
pub fn best_payment_for(kb: &Kb, vehicle: usize, payments: &[usize]) -> Option<usize> {
    let v = kb.content.models.get(vehicle)?;
    payments.iter().copied().find(|p| {
        kb.content
            .models
            .get(*p)
            .is_some_and(|pm| v.pairs_with.iter().any(|id| id == &pm.id))
    })
}
