//! Warnings: from failed or abandoned schemes, and from guidance and law, attached to the situation or to models
//! (by the model flags or by id), and triggered by the user's answers (brief, section 3.3).

use crate::answers::Effective;
use crate::content::{Model, RedFlag};
use crate::engine::Evaluation;
use crate::kb::Kb;

/// Whether a flag concerns a model: by the model's flags or by naming it.
pub fn applies(flag: &RedFlag, model: &Model) -> bool {
    flag.applies_to.iter().any(|a| match a.as_str() {
        "transfers-risk" => model.transfers_risk,
        "new-vehicle" => model.creates_vehicle,
        id => id == model.id,
    })
}

/// The red flags the answers trigger for a model, in content order.
pub fn flags_for<'a>(kb: &'a Kb, model: &Model, eff: &Effective) -> Vec<&'a RedFlag> {
    kb.content
        .red_flags
        .iter()
        .zip(&kb.flag_when)
        .filter(|(f, when)| applies(f, model) && when.eval(&eff.sel))
        .map(|(f, _)| f)
        .collect()
}

/// What to watch: every warning the answers trigger that concerns the situation itself (`applies_to` includes
/// `situation`) or a model in the recommended combination, each once, in content order. Empty before any
/// combination exists.
pub fn watch<'a>(kb: &'a Kb, eval: &Evaluation) -> Vec<&'a RedFlag> {
    let Some(c) = eval.combinations.first() else {
        return Vec::new();
    };
    let chosen: Vec<&Model> = [c.arrangement, Some(c.vehicle), c.payment, c.overlay]
        .into_iter()
        .flatten()
        .filter_map(|i| kb.content.models.get(i))
        .collect();
    kb.content
        .red_flags
        .iter()
        .zip(&kb.flag_when)
        .filter(|(f, when)| {
            (f.applies_to.iter().any(|a| a == SITUATION) || chosen.iter().any(|m| applies(f, m)))
                && when.eval(&eval.eff.sel)
        })
        .map(|(f, _)| f)
        .collect()
}

/// The `applies_to` entry for a warning about the situation, whatever the model.
pub const SITUATION: &str = "situation";
