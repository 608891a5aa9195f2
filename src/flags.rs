//! Red flags: warnings from failed or abandoned schemes, attached to models that transfer significant financial
//! risk or create a new vehicle, and triggered by the user's answers (brief, section 3.3).

use crate::answers::Effective;
use crate::content::{Model, RedFlag};
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
