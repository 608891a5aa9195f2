//! The procurement route, worked out as the Provider Selection Regime's Regulations run it.
//!
//! `psr.json` holds the decision tables: first the regime's scope (is the contract health care, mixed or outside the
//! regime?), then, for each part of the procurement that is a decision of its own (the existing service, a new
//! element), the five processes in the Regulations' order, each with ordered rows. The first row whose condition
//! holds settles whether the process applies; when none holds, the answers leave it unsettled, and the advice says
//! so and names the questions that would settle it. Direct award C's rows also read the considerable change
//! threshold, itself a table. A mandatory process that applies ends the walk: the processes after it do not apply.
//!
//! Nothing here states more than the answers give: every sentence shown comes from the row that matched (which
//! reads only answered questions) or from the table's "unsettled" text, which is written as a condition.

use crate::answers::Effective;
use crate::condition::Cond;
use crate::content::{
    DecisionRow, ElementNote, Route, RouteElement, RouteStep, ScopeRow, ScopeUse, ThresholdState,
};
use crate::kb::Kb;

/// Whether a process is open for one element, on the answers given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A mandatory process that applies: it must be used.
    Required,
    /// An optional process that is open.
    Open,
    /// Does not apply (or a required process comes before it).
    NotOpen,
    /// The answers do not settle it.
    Unsettled,
}

impl Status {
    /// A stable id for views.
    pub fn id(self) -> &'static str {
        match self {
            Status::Required => "required",
            Status::Open => "open",
            Status::NotOpen => "not-open",
            Status::Unsettled => "unsettled",
        }
    }

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Required => "Must be used",
            Status::Open => "Open to you",
            Status::NotOpen => "Not open",
            Status::Unsettled => "Not settled by your answers",
        }
    }
}

/// Why a process has its status.
#[derive(Debug, Clone)]
pub enum Reason<'a> {
    /// A row of the table matched.
    Row(&'a DecisionRow),
    /// No row matched: the table's unsettled text.
    Unsettled(&'a str),
    /// A mandatory process earlier in the order applies.
    After(&'a Route),
}

/// One process for one element.
#[derive(Debug, Clone)]
pub struct StepOutcome<'a> {
    /// The process.
    pub route: &'a Route,
    /// Its status.
    pub status: Status,
    /// Why.
    pub reason: Reason<'a>,
}

/// The considerable change threshold, for an element whose table reads it.
#[derive(Debug, Clone)]
pub struct ThresholdOutcome<'a> {
    /// Met, not met, or unsettled.
    pub state: ThresholdState,
    /// The row that settled it (`None` when unsettled).
    pub row: Option<&'a DecisionRow>,
}

/// The processes for one element.
#[derive(Debug, Clone)]
pub struct ElementOutcome<'a> {
    /// The element.
    pub element: &'a RouteElement,
    /// Per process, in the Regulations' order.
    pub steps: Vec<StepOutcome<'a>>,
    /// The threshold, when a row of this element reads it.
    pub threshold: Option<ThresholdOutcome<'a>>,
    /// Notes whose condition holds.
    pub notes: Vec<&'a ElementNote>,
}

impl ElementOutcome<'_> {
    /// The process that must be used, if one applies.
    pub fn required(&self) -> Option<&Route> {
        self.steps
            .iter()
            .find(|s| s.status == Status::Required)
            .map(|s| s.route)
    }

    /// Processes with a status, in order.
    pub fn with(&self, status: Status) -> impl Iterator<Item = &Route> {
        self.steps
            .iter()
            .filter(move |s| s.status == status)
            .map(|s| s.route)
    }
}

/// The procurement advice.
#[derive(Debug, Clone)]
pub struct Advice<'a> {
    /// The scope verdict.
    pub scope: &'a ScopeRow,
    /// Per element that is part of the procurement (none when the regime does not apply).
    pub elements: Vec<ElementOutcome<'a>>,
    /// The answered questions the matched rows read, in journey order.
    pub based_on: Vec<usize>,
    /// Shown questions, unanswered or answered "Not sure", that would settle what is unsettled, in journey order.
    pub open_questions: Vec<usize>,
}

fn matches(c: &Option<Cond>, sel: &[u32]) -> bool {
    c.as_ref().is_none_or(|c| c.eval(sel))
}

fn threshold<'a>(kb: &'a Kb, sel: &[u32]) -> ThresholdOutcome<'a> {
    let t = &kb.content.psr.threshold;
    match t
        .rows
        .iter()
        .zip(&kb.routes.threshold)
        .find(|(_, c)| matches(c, sel))
    {
        Some((row, _)) => ThresholdOutcome {
            state: if row.holds {
                ThresholdState::Met
            } else {
                ThresholdState::NotMet
            },
            row: Some(row),
        },
        None => ThresholdOutcome {
            state: ThresholdState::Unsettled,
            row: None,
        },
    }
}

fn step<'a>(
    step: &'a RouteStep,
    route: &'a Route,
    conds: &[Option<Cond>],
    sel: &[u32],
    threshold: &ThresholdOutcome<'a>,
) -> StepOutcome<'a> {
    let hit = step.rows.iter().zip(conds).find(|(row, c)| {
        matches(c, sel) && row.threshold.is_none_or(|want| want == threshold.state)
    });
    match hit {
        Some((row, _)) => StepOutcome {
            route,
            status: match (row.holds, route.mandatory) {
                (true, true) => Status::Required,
                (true, false) => Status::Open,
                (false, _) => Status::NotOpen,
            },
            reason: Reason::Row(row),
        },
        None => StepOutcome {
            route,
            status: Status::Unsettled,
            reason: Reason::Unsettled(&step.unsettled),
        },
    }
}

fn push_question(list: &mut Vec<usize>, q: usize) {
    if !list.contains(&q) {
        list.push(q);
    }
}

/// Whether an answer leaves a question open: unanswered, or answered only "Not sure".
fn is_open(kb: &Kb, eff: &Effective, q: usize) -> bool {
    let sel = eff.sel.get(q).copied().unwrap_or(0);
    if sel == 0 {
        return true;
    }
    kb.question(q).is_some_and(|question| {
        crate::answers::options_in(sel)
            .all(|o| question.options.get(o).is_some_and(|o| o.id == "not-sure"))
    })
}

/// Works out the procurement advice; `None` until the content's `applies_when` holds.
pub fn advise<'a>(kb: &'a Kb, eff: &Effective) -> Option<Advice<'a>> {
    if !kb.route_applies.eval(&eff.sel) {
        return None;
    }
    let psr = &kb.content.psr;
    let sel = &eff.sel;
    let mut based_on = Vec::new();
    let mut open_questions = Vec::new();
    let read_answered = |c: &Option<Cond>, list: &mut Vec<usize>| {
        if let Some(c) = c {
            c.questions(&mut |q| {
                if sel.get(q).is_some_and(|s| *s != 0) {
                    push_question(list, q);
                }
            });
        }
    };

    let (scope, scope_cond) = psr
        .scope
        .iter()
        .zip(&kb.routes.scope)
        .find(|(_, c)| matches(c, sel))?;
    read_answered(scope_cond, &mut based_on);
    if scope.id == "unsettled" || scope.id == "assumed" {
        for c in kb.routes.scope.iter().flatten() {
            c.questions(&mut |q| {
                if eff.is_visible(q) && is_open(kb, eff, q) {
                    push_question(&mut open_questions, q);
                }
            });
        }
    }

    let th = threshold(kb, sel);
    let mut elements = Vec::new();
    if scope.applies != ScopeUse::None {
        for (element, compiled) in psr.elements.iter().zip(&kb.routes.elements) {
            if !compiled.when.eval(sel) {
                continue;
            }
            read_answered(&Some(compiled.when.clone()), &mut based_on);
            let mut steps = Vec::new();
            let mut required: Option<&Route> = None;
            let mut reads_threshold = false;
            for (s, (route_index, conds)) in element.steps.iter().zip(&compiled.steps) {
                let Some(route) = psr.routes.get(*route_index) else {
                    continue;
                };
                if let Some(before) = required {
                    steps.push(StepOutcome {
                        route,
                        status: Status::NotOpen,
                        reason: Reason::After(before),
                    });
                    continue;
                }
                let out = step(s, route, conds, sel, &th);
                if s.rows.iter().any(|r| r.threshold.is_some()) {
                    reads_threshold = true;
                }
                match out.reason {
                    Reason::Row(row) => {
                        if let Some(c) = s
                            .rows
                            .iter()
                            .position(|r| std::ptr::eq(r, row))
                            .and_then(|i| conds.get(i))
                        {
                            read_answered(c, &mut based_on);
                        }
                    }
                    Reason::Unsettled(_) => {
                        for c in conds.iter().flatten() {
                            c.questions(&mut |q| {
                                if eff.is_visible(q) && is_open(kb, eff, q) {
                                    push_question(&mut open_questions, q);
                                }
                            });
                        }
                    }
                    Reason::After(_) => {}
                }
                if out.status == Status::Required {
                    required = Some(route);
                }
                steps.push(out);
            }
            let threshold = reads_threshold.then(|| {
                let th = th.clone();
                match th.row {
                    Some(row) => {
                        if let Some(c) = psr
                            .threshold
                            .rows
                            .iter()
                            .position(|r| std::ptr::eq(r, row))
                            .and_then(|i| kb.routes.threshold.get(i))
                        {
                            read_answered(c, &mut based_on);
                        }
                    }
                    None => {
                        for c in kb.routes.threshold.iter().flatten() {
                            c.questions(&mut |q| {
                                if eff.is_visible(q) && is_open(kb, eff, q) {
                                    push_question(&mut open_questions, q);
                                }
                            });
                        }
                    }
                }
                th
            });
            let notes = element
                .notes
                .iter()
                .zip(&compiled.notes)
                .filter(|(_, c)| c.eval(sel))
                .map(|(n, _)| n)
                .collect();
            elements.push(ElementOutcome {
                element,
                steps,
                threshold,
                notes,
            });
        }
    }
    based_on.sort_unstable();
    open_questions.sort_unstable();
    Some(Advice {
        scope,
        elements,
        based_on,
        open_questions,
    })
}
