//! Readiness: a model's demands (skills, lead time, upfront cost) set against what the user reported.
//!
//! The failures in the evidence came less from the model chosen than from costing, risk transfer, commissioner
//! capability and time (brief, section 3.1). This module says plainly what is missing for each model; the
//! remedies are content (`skills.json`), not code.

use crate::answers::{options_in, Effective};
use crate::content::{CostBand, Model, Need, Skill};
use crate::kb::Kb;

/// How a reported capability compares with what a model needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Not answered yet.
    Unknown,
    /// Missing: the model needs it and the user has none.
    Gap,
    /// Only partly there (for example, bought-in support for a skill the model leans on heavily).
    Partial,
    /// Enough.
    Ready,
}

/// One skill check.
#[derive(Debug, Clone)]
pub struct SkillCheck<'a> {
    /// The skill.
    pub skill: &'a Skill,
    /// How much the model needs.
    pub need: Need,
    /// What the user reported (0 none, 1 can buy in, 2 in house).
    pub have: Option<u8>,
    /// The comparison.
    pub status: Status,
}

/// The readiness of the user for one model.
#[derive(Debug, Clone)]
pub struct Readiness<'a> {
    /// Skill checks, in the model's order.
    pub skills: Vec<SkillCheck<'a>>,
    /// Months the user has, if answered.
    pub months_available: Option<u16>,
    /// Lead time against time available.
    pub time: Status,
    /// Affordable upfront spend (0 low, 1 medium, 2 high), if answered.
    pub spend_available: Option<u8>,
    /// Upfront cost against affordable spend.
    pub cost: Status,
}

impl Readiness<'_> {
    /// Whether anything is a gap.
    pub fn has_gap(&self) -> bool {
        self.time == Status::Gap
            || self.cost == Status::Gap
            || self.skills.iter().any(|s| s.status == Status::Gap)
    }
}

fn chosen<T>(
    kb: &Kb,
    eff: &Effective,
    question: Option<usize>,
    pick: impl Fn(&crate::content::Choice) -> Option<T>,
) -> Option<T> {
    let q = question?;
    let mask = eff.sel.get(q).copied().unwrap_or(0);
    let option = options_in(mask).next()?;
    kb.question(q)?.options.get(option).and_then(pick)
}

/// Compares a skill need with a reported level.
pub fn skill_status(need: Need, have: Option<u8>) -> Status {
    match (need, have) {
        (_, None) => Status::Unknown,
        (_, Some(2..)) => Status::Ready,
        (Need::Some, Some(1)) => Status::Ready,
        (Need::Strong, Some(1)) => Status::Partial,
        (_, Some(_)) => Status::Gap,
    }
}

/// Checks the user's readiness for a model.
pub fn readiness<'a>(kb: &'a Kb, model: &Model, eff: &Effective) -> Readiness<'a> {
    let skills = model
        .demands
        .skills
        .iter()
        .filter_map(|need| {
            let skill = kb.skill(&need.skill)?;
            let have = chosen(kb, eff, kb.skill_question.get(&need.skill).copied(), |o| {
                o.level
            });
            Some(SkillCheck {
                skill,
                need: need.level,
                have,
                status: skill_status(need.level, have),
            })
        })
        .collect();
    let months_available = chosen(kb, eff, kb.time_question, |o| o.months);
    let [min, max] = model.demands.lead_time_months;
    let time = match months_available {
        None => Status::Unknown,
        Some(m) if m < min => Status::Gap,
        Some(m) if m < max => Status::Partial,
        Some(_) => Status::Ready,
    };
    let spend_available = chosen(kb, eff, kb.cost_question, |o| o.level);
    let needed = match model.demands.upfront_cost {
        CostBand::Low => 0,
        CostBand::Medium => 1,
        CostBand::High => 2,
    };
    let cost = match spend_available {
        None => Status::Unknown,
        Some(s) if s >= needed => Status::Ready,
        Some(s) if s + 1 == needed => Status::Partial,
        Some(_) => Status::Gap,
    };
    Readiness {
        skills,
        months_available,
        time,
        spend_available,
        cost,
    }
}
