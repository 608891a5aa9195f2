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
    /// The answer they gave, as worded in the question (for example "Some, but it is thin or untested").
    pub answer: Option<&'a str>,
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

fn chosen<'a, T>(
    kb: &'a Kb,
    eff: &Effective,
    question: Option<usize>,
    pick: impl Fn(&'a crate::content::Choice) -> Option<T>,
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
            let question = kb.skill_question.get(&need.skill).copied();
            let have = chosen(kb, eff, question, |o| o.level);
            let answer = chosen(kb, eff, question, |o| Some(o.label.as_str()));
            Some(SkillCheck {
                skill,
                need: need.level,
                have,
                answer,
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

/// "12–36 months".
pub fn months_range([min, max]: [u16; 2]) -> String {
    if min == max {
        format!("{min} months")
    } else {
        format!("{min}–{max} months")
    }
}

fn cost_word(c: CostBand) -> &'static str {
    match c {
        CostBand::Low => "low",
        CostBand::Medium => "medium",
        CostBand::High => "high",
    }
}

impl Readiness<'_> {
    /// Plain statements of what is missing and what it would take, quoting what the user answered.
    pub fn summary(&self, model: &Model) -> Vec<String> {
        let d = &model.demands;
        let mut out = Vec::new();
        match (self.time, self.months_available) {
            (Status::Gap, Some(m)) => out.push(format!(
                "Time: you have about {m} months; setting this up has taken at least {} months. Plan a longer timetable or a simpler first step.",
                d.lead_time_months[0]
            )),
            (Status::Partial, Some(m)) => out.push(format!(
                "Time: about {m} months is at the short end of the {} this has taken elsewhere.",
                months_range(d.lead_time_months)
            )),
            _ => {}
        }
        match self.cost {
            Status::Gap => out.push(format!(
                "Upfront cost: this is a {} cost option and you reported little money for set-up. Budget for design, legal and financial advice before you start.",
                cost_word(d.upfront_cost)
            )),
            Status::Partial => out.push(format!(
                "Upfront cost: this is a {} cost option, a step above what you expect to spend on set-up.",
                cost_word(d.upfront_cost)
            )),
            _ => {}
        }
        for s in &self.skills {
            let said = s
                .answer
                .map(|a| format!(" You answered “{a}”."))
                .unwrap_or_default();
            match s.status {
                Status::Gap => out.push(format!(
                    "{}: this model needs it and you have not got it.{said} {}",
                    s.skill.name, s.skill.remedy
                )),
                Status::Partial => out.push(format!(
                    "{}: this model leans on it heavily and you have only part of it.{said} {}",
                    s.skill.name, s.skill.remedy
                )),
                _ => {}
            }
        }
        out
    }
}
