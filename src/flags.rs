//! Warnings: from failed or abandoned schemes, and from guidance and law, attached to the situation or to models
//! (by the model flags or by id), and triggered by the user's answers (brief, section 3.3).

use crate::answers::Effective;
use crate::condition::Cond;
use crate::content::{Model, RedFlag};
use crate::engine::{Band, Combination, Evaluation};
use crate::kb::Kb;

/// The `applies_to` entry for a warning about the situation, whatever the model.
pub const SITUATION: &str = "situation";

/// The `applies_to` entries that name a group rather than a model id.
pub const GROUPS: [&str; 3] = ["transfers-risk", "new-vehicle", SITUATION];

/// A warning the answers raise, with the answers behind it.
#[derive(Debug, Clone)]
pub struct Raised<'a> {
    /// The warning.
    pub flag: &'a RedFlag,
    /// The answers that raise it: (question index, the options that count), one entry per question, in the order
    /// the trigger reads them.
    pub because: Vec<(usize, u32)>,
}

/// Whether a flag concerns a model: by the model's flags or by naming it.
pub fn applies(flag: &RedFlag, model: &Model) -> bool {
    flag.applies_to.iter().any(|a| match a.as_str() {
        "transfers-risk" => model.transfers_risk,
        "new-vehicle" => model.creates_vehicle,
        id => id == model.id,
    })
}

/// The warnings that `keep` selects and the answers trigger, most serious first and, within a severity, in content
/// order (a stable sort), each with the answers behind it. `keep` is given the flag and whether the answers make it
/// concern the situation whatever the models (its `situation_when` holds).
fn raised<'a>(
    kb: &'a Kb,
    eff: &Effective,
    keep: impl Fn(&RedFlag, bool) -> bool,
) -> Vec<Raised<'a>> {
    let mut out: Vec<Raised<'a>> = kb
        .content
        .red_flags
        .iter()
        .zip(&kb.flag_when)
        .zip(&kb.flag_situation)
        .filter_map(|((flag, when), situation)| {
            if !when.eval(&eff.sel) {
                return None;
            }
            let situation = situation.as_ref().filter(|s| s.eval(&eff.sel));
            if !keep(flag, situation.is_some()) {
                return None;
            }
            let mut because = Vec::new();
            add_because(&mut because, when, &eff.sel);
            if let Some(s) = situation {
                add_because(&mut because, s, &eff.sel);
            }
            Some(Raised { flag, because })
        })
        .collect();
    out.sort_by_key(|r| r.flag.severity);
    out
}

/// Adds the answers that make `when` hold to `out`, one entry per question.
fn add_because(out: &mut Vec<(usize, u32)>, when: &Cond, sel: &[u32]) {
    when.because(
        sel,
        &mut |q, mask| match out.iter_mut().find(|(x, _)| *x == q) {
            Some((_, m)) => *m |= mask,
            None => out.push((q, mask)),
        },
    );
}

/// The red flags the answers trigger for a model, most serious first, then in content order.
pub fn flags_for<'a>(kb: &'a Kb, model: &Model, eff: &Effective) -> Vec<Raised<'a>> {
    raised(kb, eff, |f, _| applies(f, model))
}

/// What to watch: every warning the answers trigger that concerns the situation itself (`applies_to` includes
/// `situation`, or its `situation_when` holds) or a model in the recommended combination, each once, most serious first, then in content order.
/// Empty before any combination exists.
pub fn watch<'a>(kb: &'a Kb, eval: &Evaluation) -> Vec<Raised<'a>> {
    if eval.combinations.is_empty() {
        return Vec::new();
    }
    let chosen: Vec<&Model> = chosen(eval)
        .into_iter()
        .filter_map(|i| kb.content.models.get(i))
        .collect();
    raised(kb, &eval.eff, |f, situation| {
        situation
            || f.applies_to.iter().any(|a| a == SITUATION)
            || chosen.iter().any(|m| applies(f, m))
    })
}

/// The models of the recommended combination (arrangement, vehicle, payment rule and any overlay), as indices.
fn chosen(eval: &Evaluation) -> Vec<usize> {
    eval.combinations.first().map(members).unwrap_or_default()
}

/// The models of one combination (arrangement, vehicle, payment rule and any overlay), as indices.
fn members(c: &Combination) -> Vec<usize> {
    [c.arrangement, Some(c.vehicle), c.payment, c.overlay]
        .into_iter()
        .flatten()
        .collect()
}

/// A warning for other options the result suggests (that may also suit, or in the other combinations listed) or
/// that have been proposed, with the models it concerns.
#[derive(Debug, Clone)]
pub struct Also<'a> {
    /// The warning and the answers behind it.
    pub raised: Raised<'a>,
    /// The models outside the recommended combination that fit best or may also suit, or that are in one of the
    /// other combinations the result lists and have not been proposed, and that it concerns (indices), in content
    /// order.
    pub models: Vec<usize>,
    /// The models outside the recommended combination that the answers say have been proposed (their
    /// `proposed_when` holds), that are not among `models`, and that it concerns (indices), in content order.
    pub proposed: Vec<usize>,
}

/// The models the answers say have been proposed or are in use (their `proposed_when` holds), as indices.
pub fn proposed(kb: &Kb, eff: &Effective) -> Vec<usize> {
    kb.model_proposed
        .iter()
        .enumerate()
        .filter(|(_, c)| c.as_ref().is_some_and(|c| c.eval(&eff.sel)))
        .map(|(i, _)| i)
        .collect()
}

/// Warnings for the other options the result puts forward or the answers say were proposed: every warning the
/// answers trigger for a model that is not in the recommended combination and either fits best or closely in its
/// layer ("may suit you best" or "may also suit you", so never one ruled out), or is in one of the other
/// combinations the result lists (a commissioner weighing an alternative the result offers needs its warnings as
/// much as those of the first; a model there that was proposed is named as proposed), or has been proposed (its
/// `proposed_when` holds, ruled out or not: a commissioner answering a proposal needs its warnings most), and that
/// `watch` (What to watch, as [`watch`] gives it for `eval`) does not already hold; each with the models it concerns,
/// most serious first, then in content order. Empty before any combination exists.
pub fn watch_also<'a>(kb: &'a Kb, eval: &Evaluation, watch: &[Raised<'_>]) -> Vec<Also<'a>> {
    if eval.combinations.is_empty() {
        return Vec::new();
    }
    let chosen = chosen(eval);
    let asked = proposed(kb, &eval.eff);
    // A model of another combination that the answers say was proposed stays a proposal: the user's own option
    // is not to read as the advice's.
    let others: Vec<usize> = eval
        .combinations
        .iter()
        .skip(1)
        .flat_map(members)
        .filter(|i| !asked.contains(i))
        .collect();
    let held: Vec<&str> = watch.iter().map(|r| r.flag.id.as_str()).collect();
    let fits: Vec<(usize, &Model)> = kb
        .content
        .models
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !chosen.contains(i)
                && (others.contains(i)
                    || eval
                        .scores
                        .get(*i)
                        .is_some_and(|s| matches!(s.band, Band::Best | Band::Close)))
        })
        .collect();
    let proposed: Vec<(usize, &Model)> = asked
        .into_iter()
        .filter(|i| !chosen.contains(i) && !fits.iter().any(|(f, _)| f == i))
        .filter_map(|i| kb.content.models.get(i).map(|m| (i, m)))
        .collect();
    let concerned = |list: &[(usize, &Model)], f: &RedFlag| -> Vec<usize> {
        list.iter()
            .filter(|(_, m)| applies(f, m))
            .map(|(i, _)| *i)
            .collect()
    };
    raised(kb, &eval.eff, |f, _| {
        !held.contains(&f.id.as_str()) && fits.iter().chain(&proposed).any(|(_, m)| applies(f, m))
    })
    .into_iter()
    .map(|r| Also {
        models: concerned(&fits, r.flag),
        proposed: concerned(&proposed, r.flag),
        raised: r,
    })
    .collect()
}
