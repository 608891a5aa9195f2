//! Next steps as a month-by-month plan: engagement and design, business case and assurance, the procurement
//! route's steps, mobilisation, and a shadow year where the evidence calls for one.
//!
//! The plan is sized from the recommended combination's set-up time (the longest of its models' lead times, from
//! the content) and the time the user has (the time question). The split between stages and the length of each
//! procurement route are planning assumptions, said so in [`Timeline::assumptions`]; the set-up range, the notices
//! and standstill, and the shadow year come from the content with their sources.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::api::{self, ModelResult, Recommendation};
use crate::kb::Kb;
use crate::paper::Route;
use crate::readiness::months_range;

/// One stage of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    /// `engagement`, `business-case`, `procurement`, `mobilisation` or `shadow`.
    pub id: String,
    /// Name of the stage.
    pub name: String,
    /// First month (1 = the first month from now).
    pub start: u16,
    /// Last month, inclusive.
    pub end: u16,
    /// What happens, in one or two sentences.
    pub what: String,
    /// Sources for what the stage says (empty for planning steps).
    pub sources: Vec<String>,
}

impl Stage {
    /// "Month 3" or "Months 1–4".
    pub fn months(&self) -> String {
        if self.start == self.end {
            format!("Month {}", self.start)
        } else {
            format!("Months {}–{}", self.start, self.end)
        }
    }
}

/// The plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// The combination's set-up time in months, least and most.
    pub lead_time_months: [u16; 2],
    /// Months the user has, when answered.
    pub months_available: Option<u16>,
    /// Months from now to go-live in this plan.
    pub go_live: u16,
    /// Months the whole plan covers (go-live plus any shadow year).
    pub total: u16,
    /// Whether the plan fits in the time the user has (`None` when not answered).
    pub fits: Option<bool>,
    /// The plan in one or two sentences.
    pub summary: String,
    /// What is assumed rather than taken from the evidence.
    pub assumptions: String,
    /// The stages, in order.
    pub stages: Vec<Stage>,
    /// Sources for the set-up time.
    pub sources: Vec<String>,
}

/// The models of the recommended combination (arrangement, vehicle, payment rule, overlay), from the ranked views.
pub fn chosen(rec: &Recommendation) -> Vec<&ModelResult> {
    let Some(c) = rec.combinations.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (list, id) in [
        (&rec.arrangements, &c.arrangement_id),
        (&rec.vehicles, &c.vehicle_id),
        (&rec.payments, &c.payment_id),
        (&rec.payments, &c.overlay_id),
    ] {
        if let Some(m) = list.iter().find(|m| !id.is_empty() && &m.id == id) {
            out.push(m);
        }
    }
    out
}

/// The answer to the time question in the user's words, when answered.
fn time_answer(kb: &Kb, answers: &Answers) -> Option<String> {
    let q = kb.question(kb.time_question?)?;
    api::journey(kb, answers)
        .items
        .into_iter()
        .find(|i| i.id == q.id && !i.answers.is_empty())
        .map(|i| i.answers.join(", "))
}

/// Builds the plan for the recommended combination, with the procurement route when one is known. `None` when
/// there is no recommended combination.
pub fn plan(
    kb: &Kb,
    answers: &Answers,
    rec: &Recommendation,
    route: Option<&Route>,
) -> Option<Timeline> {
    rec.combinations.first()?;
    let models = chosen(rec);
    let vehicle = models.iter().find(|m| m.layer == "vehicle")?;
    let lo = models
        .iter()
        .map(|m| m.readiness.lead_time_months[0])
        .max()?;
    let hi = models
        .iter()
        .map(|m| m.readiness.lead_time_months[1])
        .max()?
        .max(lo);
    let available = vehicle.readiness.months_available;
    let target = match available {
        Some(a) => a.clamp(lo, hi),
        None => lo + (hi - lo).div_ceil(2),
    };
    let plan = &kb.content.plan;
    let procurement = route
        .map_or(plan.procurement.months_unknown, |r| r.months)
        .max(1);
    let go_live =
        target.max(procurement.saturating_add(plan.mobilisation.min_months_after_procurement));
    let [engagement, business, mobilisation] = plan.split(go_live - procurement);

    let mut stages = Vec::new();
    let mut month = 1;
    let mut push = |id: &str, name: &str, len: u16, what: String, sources: Vec<String>| {
        stages.push(Stage {
            id: id.to_owned(),
            name: name.to_owned(),
            start: month,
            end: month.saturating_add(len).saturating_sub(1),
            what,
            sources,
        });
        month = month.saturating_add(len);
    };
    push(
        "engagement",
        &plan.engagement.name,
        engagement,
        plan.engagement.what.clone(),
        Vec::new(),
    );
    push(
        "business-case",
        &plan.business_case.name,
        business,
        plan.business_case.what.clone(),
        Vec::new(),
    );
    match route {
        Some(r) => push(
            "procurement",
            &r.name,
            procurement,
            format!("{} {}", plan.procurement.with_route, r.notices),
            r.sources.clone(),
        ),
        None => push(
            "procurement",
            &plan.procurement.name,
            procurement,
            plan.procurement.what.clone(),
            Vec::new(),
        ),
    }
    push(
        "mobilisation",
        &plan.mobilisation.name,
        mobilisation,
        plan.mobilisation
            .what
            .replace("{go_live}", &go_live.to_string()),
        Vec::new(),
    );
    let shadow = models
        .iter()
        .flat_map(|m| &m.red_flags)
        .find(|f| f.id == plan.shadow.warning);
    if let Some(f) = shadow {
        push(
            "shadow",
            &plan.shadow.name,
            plan.shadow.months.max(1),
            f.mitigation.clone(),
            f.sources.clone(),
        );
    }
    let total = month - 1;

    let fits = available.map(|a| go_live <= a);
    let range = months_range([lo, hi]);
    let setup = format!("The evidence suggests {range} to set up the preferred option.");
    let when = match (time_answer(kb, answers), fits) {
        (answer, Some(true)) => format!(
            " You said the new arrangements must be working: “{}”. This plan goes live after {go_live} months.",
            answer.unwrap_or_default()
        ),
        (answer, Some(false)) => format!(
            " You said the new arrangements must be working: “{}”. This plan needs {go_live} months to go live, so the date may need to move, or the change be phased.",
            answer.unwrap_or_default()
        ),
        (_, None) => format!(
            " No go-live date is given, so the plan takes {go_live} months, the middle of that range."
        ),
    };
    let after = if shadow.is_some() {
        let period = match plan.shadow.months {
            12 => "A shadow year".to_owned(),
            n => format!("A shadow period of {n} months"),
        };
        format!(" {period} follows before real money moves, so the plan runs {total} months.")
    } else {
        String::new()
    };
    // The sources of the models whose lead time sets the range.
    let mut sources = Vec::new();
    for m in models
        .iter()
        .filter(|m| m.readiness.lead_time_months[0] == lo || m.readiness.lead_time_months[1] == hi)
    {
        for s in &m.readiness.sources {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
    }
    Some(Timeline {
        lead_time_months: [lo, hi],
        months_available: available,
        go_live,
        total,
        fits,
        summary: format!("{setup}{when}{after}"),
        assumptions: plan.assumptions.clone(),
        stages,
        sources,
    })
}
