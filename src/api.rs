//! The contract with JavaScript and the command line: plain serialisable views built from the core.
//!
//! These are the only `Serialize` types in the crate and the only shapes the page ever sees (camelCase fields,
//! strings and integers, no maps). Each view is built by a pure function of the knowledge base and the answers;
//! [`crate::wasm`] and the `advise` command call the same functions, so the browser and the command line give the
//! same result for the same answers. Changing a type here changes the JS contract (see `www/types.d.ts`).

use serde::Serialize;

use crate::answers::{Answers, Effective, RawAnswers};
use crate::content::{Claim, CostBand, Kind, Layer, Model, Need, Status as ModelStatus};
use crate::engine::{by_section, evaluate, Band, Evaluation, LayerRanking};
use crate::error::Error;
use crate::kb::Kb;
use crate::readiness::{months_range, readiness, Status};
use crate::whatif::{labels, what_would_change};
use crate::{cases, flags, psr};

/// An error as JavaScript sees it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorView {
    /// Stable code, such as `unknown-option`.
    pub code: &'static str,
    /// The question it concerns, if any.
    pub question_id: Option<String>,
    /// Message for the user.
    pub message: String,
}

impl From<&Error> for ErrorView {
    fn from(e: &Error) -> ErrorView {
        ErrorView {
            code: e.kind().code(),
            question_id: e.question().map(str::to_owned),
            message: e.message().to_owned(),
        }
    }
}

/// Converts a list of core errors for JavaScript.
pub fn errors(list: &[Error]) -> Vec<ErrorView> {
    list.iter().map(ErrorView::from).collect()
}

/// Versions and counts.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    /// Crate version.
    pub crate_version: &'static str,
    /// Content version.
    pub content_version: String,
    /// Content last reviewed (ISO date).
    pub last_reviewed: String,
    /// What the review covered.
    pub review_note: String,
    /// Number of questions.
    pub question_count: usize,
    /// Questions every user is asked.
    pub main_questions: usize,
    /// Questions asked only after some answers.
    pub follow_up_questions: usize,
    /// What to expect before starting, in sentences: how long it takes and how many questions there are.
    pub before_you_start: Vec<String>,
    /// Number of commissioning arrangements.
    pub arrangement_count: usize,
    /// Number of contract vehicles.
    pub vehicle_count: usize,
    /// Number of payment rules.
    pub payment_count: usize,
    /// Number of documented cases.
    pub case_count: usize,
    /// Number of sources.
    pub source_count: usize,
}

/// Versions and counts of the knowledge base.
pub fn info(kb: &Kb) -> Info {
    let m = &kb.content;
    let main = m
        .questions
        .iter()
        .filter(|(_, q)| q.show_if.is_none())
        .count();
    let follow = m.questions.len() - main;
    // About 40 seconds for each main question, and up to a minute a question for someone who reads the hints
    // and answers every follow-up.
    let (low, high) = ((main * 40).div_ceil(60), (main + follow).max(1));
    let (low, high) = (low.div_ceil(5) * 5, high.div_ceil(5) * 5);
    Info {
        crate_version: env!("CARGO_PKG_VERSION"),
        content_version: m.meta.content_version.clone(),
        last_reviewed: m.meta.last_reviewed.clone(),
        review_note: m.meta.review_note.clone(),
        question_count: m.questions.len(),
        main_questions: main,
        follow_up_questions: follow,
        before_you_start: vec![
            format!(
                "It takes about {low} to {high} minutes: the questions ask for facts you may need to look up."
            ),
            format!(
                "There are {main} main questions, and up to {follow} more depending on your answers."
            ),
        ],
        arrangement_count: m
            .models
            .iter()
            .filter(|x| x.layer == Layer::Arrangement)
            .count(),
        vehicle_count: m
            .models
            .iter()
            .filter(|x| x.layer == Layer::Vehicle)
            .count(),
        payment_count: m
            .models
            .iter()
            .filter(|x| x.layer == Layer::Payment)
            .count(),
        case_count: m.cases.len(),
        source_count: m.sources.len(),
    }
}

/// An answer option on a question page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionView {
    /// Option id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Hint.
    pub hint: Option<String>,
    /// "None of these" style option.
    pub exclusive: bool,
    /// Currently selected.
    pub selected: bool,
}

/// A glossary term.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TermView {
    /// Term id.
    pub id: String,
    /// The term.
    pub term: String,
    /// Definition.
    pub definition: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A question page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    /// Question id.
    pub id: String,
    /// Section title.
    pub section_title: String,
    /// `single` or `multi`.
    pub kind: &'static str,
    /// The question (page heading).
    pub text: String,
    /// Hint.
    pub hint: Option<String>,
    /// Longer help.
    pub help: Option<String>,
    /// Error message when nothing is selected.
    pub error: String,
    /// Options.
    pub options: Vec<OptionView>,
    /// Terms defined here for the first time in this journey.
    pub terms: Vec<TermView>,
    /// Position among the questions still in play (1-based): those answered or that may still be asked.
    pub number: usize,
    /// Number of questions still in play. It only falls as answers rule follow-up questions out, so moving
    /// forward never moves the progress indicator backwards.
    pub total: usize,
    /// Previous question that applies.
    pub previous: Option<String>,
    /// Next question that applies.
    pub next: Option<String>,
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Single => "single",
        Kind::Multi => "multi",
    }
}

fn term_view(t: &crate::content::Term) -> TermView {
    TermView {
        id: t.id.clone(),
        term: t.term.clone(),
        definition: crate::content::dated(&t.definition, t.as_of.as_deref()),
        sources: t.sources.clone(),
    }
}

fn id_at(kb: &Kb, index: Option<usize>) -> Option<String> {
    index.and_then(|i| kb.question(i)).map(|q| q.id.clone())
}

/// The page for one question, given the answers so far. The question must apply (be visible).
pub fn question_view(kb: &Kb, answers: &Answers, id: &str) -> Result<QuestionView, Error> {
    let eff = answers.effective(kb);
    let unknown = || {
        Error::about(
            crate::ErrorKind::UnknownQuestion,
            id,
            format!(
                "“{}” is not a question in this version of the advisor",
                crate::answers::shorten(id)
            ),
        )
    };
    let qi = kb.question_index(id).ok_or_else(unknown)?;
    let q = kb.question(qi).ok_or_else(unknown)?;
    if !eff.is_visible(qi) {
        return Err(Error::about(
            crate::ErrorKind::HiddenQuestion,
            id,
            format!("“{}” does not apply, because of an earlier answer", q.text),
        ));
    }
    let mask = answers.stored(qi);
    // Questions still in play: answered, or possibly asked. Answering only ever takes questions out of play, and
    // never one before the current question, so moving forward never moves the progress indicator backwards.
    let in_play: Vec<bool> = crate::engine::states(kb, answers)
        .iter()
        .map(|s| *s != crate::condition::QState::Hidden)
        .collect();
    let defined_before: Vec<&String> = eff
        .visible_questions()
        .take_while(|i| *i < qi)
        .filter_map(|i| kb.question(i))
        .flat_map(|earlier| &earlier.defines)
        .collect();
    let terms = q
        .defines
        .iter()
        .filter(|t| !defined_before.contains(t))
        .filter_map(|t| kb.content.glossary.iter().find(|g| &g.id == t))
        .map(term_view)
        .collect();
    Ok(QuestionView {
        id: q.id.clone(),
        section_title: kb.section_title(qi).to_owned(),
        kind: kind_name(q.kind),
        text: q.text.clone(),
        hint: q.hint.clone(),
        help: q.help.clone(),
        error: q.error.clone(),
        options: q
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionView {
                id: o.id.clone(),
                label: o.label.clone(),
                hint: o.hint.clone(),
                exclusive: o.exclusive,
                selected: mask & (1 << i) != 0,
            })
            .collect(),
        terms,
        number: in_play.iter().take(qi + 1).filter(|p| **p).count(),
        total: in_play.iter().filter(|p| **p).count(),
        previous: id_at(kb, eff.previous(qi)),
        next: id_at(kb, eff.next(qi)),
    })
}

/// One row of "check your answers".
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JourneyItem {
    /// Question id.
    pub id: String,
    /// Section title.
    pub section_title: String,
    /// Question text.
    pub text: String,
    /// Labels of the selected options (empty when unanswered).
    pub answers: Vec<String>,
}

/// Where the user is in the questionnaire.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Journey {
    /// The questions that apply, in order.
    pub items: Vec<JourneyItem>,
    /// How many of them are answered.
    pub answered: usize,
    /// How many apply.
    pub total: usize,
    /// The first unanswered question that applies.
    pub next: Option<String>,
    /// Every question that applies is answered.
    pub complete: bool,
}

/// The questions that apply and the answers given.
pub fn journey(kb: &Kb, answers: &Answers) -> Journey {
    let eff = answers.effective(kb);
    let items: Vec<JourneyItem> = eff
        .visible_questions()
        .filter_map(|i| {
            let q = kb.question(i)?;
            Some(JourneyItem {
                id: q.id.clone(),
                section_title: kb.section_title(i).to_owned(),
                text: q.text.clone(),
                answers: labels(kb, i, eff.sel.get(i).copied().unwrap_or(0)),
            })
        })
        .collect();
    let next = id_at(kb, eff.first_unanswered());
    Journey {
        answered: eff.answered_count(),
        total: items.len(),
        complete: next.is_none(),
        next,
        items,
    }
}

/// A sourced statement.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimView {
    /// Text.
    pub text: String,
    /// Source ids.
    pub sources: Vec<String>,
}

fn claims(list: &[Claim]) -> Vec<ClaimView> {
    list.iter()
        .map(|c| ClaimView {
            text: crate::content::dated(&c.text, c.as_of.as_deref()),
            sources: c.sources.clone(),
        })
        .collect()
}

/// One contribution to a model's score, traced to an answer.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContributionView {
    /// Question id.
    pub question_id: String,
    /// Question text.
    pub question: String,
    /// Option id.
    pub option_id: String,
    /// The answer given.
    pub answer: String,
    /// Points (positive counts for, negative against).
    pub points: i32,
    /// Why.
    pub why: String,
    /// Sources.
    pub sources: Vec<String>,
    /// A failed precondition.
    pub serious: bool,
}

/// A skill set against what the user reported.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillView {
    /// Skill id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `some` or `strong`.
    pub need: &'static str,
    /// `none`, `buy-in`, `in-house`, or null when unanswered.
    pub have: Option<&'static str>,
    /// The answer the user gave, as worded in the question, or null when unanswered.
    pub answer: Option<String>,
    /// `ready`, `partial`, `gap` or `unknown`.
    pub status: &'static str,
    /// What goes wrong without it (shown for gaps).
    pub gap: String,
    /// What it would take.
    pub remedy: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A model's demands against the user's capability and time.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessView {
    /// Lead time, for example "12–36 months".
    pub lead_time: String,
    /// Lead time in months, least and most.
    pub lead_time_months: [u16; 2],
    /// Where the lead time comes from.
    pub lead_time_note: String,
    /// Months the user has, when answered.
    pub months_available: Option<u16>,
    /// `ready`, `partial`, `gap` or `unknown`.
    pub time_status: &'static str,
    /// `low`, `medium` or `high`.
    pub upfront_cost: &'static str,
    /// `ready`, `partial`, `gap` or `unknown`.
    pub cost_status: &'static str,
    /// Skills.
    pub skills: Vec<SkillView>,
    /// Any gap at all.
    pub has_gap: bool,
    /// Plain statements of what is missing and what it would take.
    pub summary: Vec<String>,
    /// Sources for the demands.
    pub sources: Vec<String>,
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Unknown => "unknown",
        Status::Gap => "gap",
        Status::Partial => "partial",
        Status::Ready => "ready",
    }
}

fn cost_name(c: CostBand) -> &'static str {
    match c {
        CostBand::Low => "low",
        CostBand::Medium => "medium",
        CostBand::High => "high",
    }
}

fn readiness_view(kb: &Kb, model: &Model, eff: &Effective) -> ReadinessView {
    let r = readiness(kb, model, eff);
    let d = &model.demands;
    let skills = r
        .skills
        .iter()
        .map(|s| SkillView {
            id: s.skill.id.clone(),
            name: s.skill.name.clone(),
            need: match s.need {
                Need::Some => "some",
                Need::Strong => "strong",
            },
            have: s.have.map(|h| match h {
                0 => "none",
                1 => "buy-in",
                _ => "in-house",
            }),
            answer: s.answer.map(str::to_owned),
            status: status_name(s.status),
            gap: s.skill.gap.clone(),
            remedy: s.skill.remedy.clone(),
            sources: s.skill.sources.clone(),
        })
        .collect();
    ReadinessView {
        lead_time: months_range(d.lead_time_months),
        lead_time_months: d.lead_time_months,
        lead_time_note: d.lead_time_note.clone(),
        months_available: r.months_available,
        time_status: status_name(r.time),
        upfront_cost: cost_name(d.upfront_cost),
        cost_status: status_name(r.cost),
        has_gap: r.has_gap(),
        summary: r.summary(model),
        skills,
        sources: d.sources.clone(),
    }
}

/// A red flag raised for a model.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlagView {
    /// Flag id.
    pub id: String,
    /// Title.
    pub title: String,
    /// How serious it is: `high`, `medium` or `low` (lists put the most serious first).
    pub severity: &'static str,
    /// The severity in words ("Serious", "Significant", "Worth checking").
    pub severity_label: &'static str,
    /// What went wrong elsewhere.
    pub message: String,
    /// What to do about it.
    pub mitigation: String,
    /// The answers behind it, in words ("You answered “…” to “…”").
    pub because: Vec<String>,
    /// The documented case it comes from, if any.
    pub case_id: Option<String>,
    /// That case's name.
    pub case_name: Option<String>,
    /// Sources.
    pub sources: Vec<String>,
    /// For a warning about another option the result puts forward (that may also suit, or in another combination
    /// listed) or that the answers say has been proposed (not the recommended combination), which options it
    /// concerns, in words; `None` for the situation, the recommended combination and a model's own warnings.
    pub applies_if: Option<String>,
}

fn flag_view(kb: &Kb, r: &flags::Raised) -> FlagView {
    let f = r.flag;
    let because = r
        .because
        .iter()
        .filter_map(|(q, mask)| {
            let question = kb.question(*q)?;
            Some(format!(
                "You answered “{}” to “{}”",
                labels(kb, *q, *mask).join("”, “"),
                question.text
            ))
        })
        .collect();
    FlagView {
        because,
        id: f.id.clone(),
        title: f.title.clone(),
        severity: f.severity.id(),
        severity_label: f.severity.label(),
        message: crate::content::dated(&f.message, f.as_of.as_deref()),
        mitigation: f.mitigation.clone(),
        case_id: f.case.clone(),
        case_name: f
            .case
            .as_deref()
            .and_then(|c| kb.case(c))
            .map(|c| c.name.clone()),
        sources: f.sources.clone(),
        applies_if: None,
    }
}

/// A warning about other options the result puts forward (that may also suit, or in the other combinations listed)
/// or that the answers say were proposed, saying which.
fn also_view(kb: &Kb, a: &flags::Also) -> FlagView {
    let names = |list: &[usize]| -> Vec<String> {
        list.iter()
            .filter_map(|i| kb.content.models.get(*i))
            .map(|m| m.short_name.clone())
            .collect()
    };
    let (fits, proposed) = (names(&a.models), names(&a.proposed));
    let applies_if = match (fits.is_empty(), proposed.is_empty()) {
        (false, true) => format!(
            "This applies if you choose one of the other options this advice suggests: {}.",
            or_list(&fits)
        ),
        (true, _) => format!(
            "This applies to an option your answers say has been proposed or is in use: {}.",
            or_list(&proposed)
        ),
        (false, false) => format!(
            "This applies if you choose one of the other options this advice suggests: {}; or an option your answers \
             say has been proposed or is in use: {}.",
            or_list(&fits),
            or_list(&proposed)
        ),
    };
    FlagView {
        applies_if: Some(applies_if),
        ..flag_view(kb, &a.raised)
    }
}

/// One model in the ranked results.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelResult {
    /// Model id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Short name, as used within a sentence ("lead provider", "NHS Standard Contract").
    pub short_name: String,
    /// `arrangement`, `vehicle` or `payment`.
    pub layer: &'static str,
    /// Rank within its layer (1 = best).
    pub rank: usize,
    /// Score: the sum of the contributions.
    pub score: i32,
    /// The points that could count for it on the questions that apply.
    pub reachable: i32,
    /// What the score is divided by to give the fit: the reachable points plus a prior, and at least the average
    /// attainable maximum of the layer's models.
    pub fit_divisor: i64,
    /// Fit in hundredths: score ÷ `fit_divisor`, ×100, less `margin`.
    pub fit_percent: i32,
    /// The points of fit it is placed lower by when ranked: the new-vehicle margin for a new contract vehicle
    /// (`meta.json` `new_vehicle_margin`), 0 for every other model.
    pub margin: i32,
    /// The basis of the fit in words ("14 of the 20 points that could count for it …").
    pub basis: String,
    /// `best`, `close`, `partial`, `poor`, `ruled-out` or `unknown`.
    pub fit: &'static str,
    /// Hedged wording of the fit.
    pub fit_label: &'static str,
    /// A failed precondition keeps it out of "may suit you" while the answer stands.
    pub ruled_out: bool,
    /// One sentence.
    pub summary: String,
    /// Definition.
    pub definition: String,
    /// Other names.
    pub synonyms: Vec<String>,
    /// `established`, `emerging` or `superseded`.
    pub status: &'static str,
    /// Policy note.
    pub status_note: Option<String>,
    /// When it fits.
    pub when_it_fits: Vec<String>,
    /// Who carries financial risk.
    pub risk_carrier: String,
    /// How money flows.
    pub money_flow: String,
    /// Governance.
    pub governance: String,
    /// Pros.
    pub pros: Vec<ClaimView>,
    /// Cons.
    pub cons: Vec<ClaimView>,
    /// Risks.
    pub risks: Vec<ClaimView>,
    /// Contributions that count for it.
    pub reasons: Vec<ContributionView>,
    /// Contributions that count against it.
    pub concerns: Vec<ContributionView>,
    /// Answers that support it but are not counted, because there is no case for changing the contract yet
    /// (only for a new contract vehicle).
    pub withheld: Vec<ContributionView>,
    /// Why those answers are not counted (the content's `case_for_change` text), when there are any.
    pub withheld_note: Option<String>,
    /// The sources of that note (empty when there is none).
    pub withheld_sources: Vec<String>,
    /// The new-vehicle margin in words: for a new contract vehicle, why its fit is placed lower (`meta.json`
    /// `new_vehicle_margin` text); for another model, why it is ranked before new contract vehicles that fit the
    /// answers better, when only the margin puts it there; for a contract vehicle already in place, why it carries
    /// no margin (`meta.json` `in_place` text).
    pub margin_note: Option<String>,
    /// Today's contract is already this vehicle (an answer marked `in_place`, its holder neither failing nor
    /// leaving): it carries no margin and its supporting answers count without a case for change.
    pub in_place: bool,
    /// The sources of that note (empty when there is none).
    pub margin_sources: Vec<String>,
    /// How many concerns are failed preconditions.
    pub serious_concerns: usize,
    /// The score split by section of the questionnaire (in the order of [`Recommendation::sections`]): the sum of
    /// the contributions from each section's questions, or `None` when none of them counted.
    pub by_section: Vec<Option<i32>>,
    /// Demands against capability and time.
    pub readiness: ReadinessView,
    /// Red flags raised by the answers.
    pub red_flags: Vec<FlagView>,
    /// Payment rules it can carry (vehicles).
    pub pairs_with: Vec<String>,
    /// Case ids.
    pub cases: Vec<String>,
    /// Sources.
    pub sources: Vec<String>,
}

fn contribution_view(kb: &Kb, c: &crate::engine::Contribution) -> Option<ContributionView> {
    let q = kb.question(c.question)?;
    let o = q.options.get(c.option)?;
    let e = o.effects.get(c.effect)?;
    Some(ContributionView {
        question_id: q.id.clone(),
        question: q.text.clone(),
        option_id: o.id.clone(),
        answer: o.label.clone(),
        points: e.points,
        why: e.why.clone(),
        sources: e.sources.clone(),
        serious: e.serious,
    })
}

fn model_result(kb: &Kb, eval: &Evaluation, index: usize) -> Option<ModelResult> {
    let m = kb.content.models.get(index)?;
    let s = eval.score(index)?;
    let mut reasons = Vec::new();
    let mut concerns = Vec::new();
    let mut withheld = Vec::new();
    for c in &s.contributions {
        if let Some(v) = contribution_view(kb, c) {
            if c.withheld {
                withheld.push(v);
            } else if v.points > 0 {
                reasons.push(v);
            } else {
                concerns.push(v);
            }
        }
    }
    // Strongest first; journey order breaks ties (the sort is stable).
    reasons.sort_by_key(|c| std::cmp::Reverse(c.points));
    concerns.sort_by_key(|c| (!c.serious, c.points));
    withheld.sort_by_key(|c| std::cmp::Reverse(c.points));
    let case = kb
        .content
        .meta
        .case_for_change
        .as_ref()
        .filter(|_| !withheld.is_empty());
    let withheld_note = case.map(|c| c.text.clone());
    let withheld_sources = case.map(|c| c.sources.clone()).unwrap_or_default();
    let behind: Vec<&str> = eval
        .ahead_by_margin(index)
        .into_iter()
        .filter_map(|i| kb.content.models.get(i))
        .map(|x| x.short_name.as_str())
        .collect();
    // A new contract vehicle says why its fit is placed lower; a model ranked before one only because of that says so.
    let margin = kb
        .content
        .meta
        .new_vehicle_margin
        .as_ref()
        .filter(|_| !behind.is_empty() || s.tally.margin > 0);
    let margin_note = margin.map(|mg| {
        if s.tally.margin > 0 {
            mg.text.clone()
        } else {
            format!(
                "Ranked before {}, which {} your answers better, but not by the {} percentage points of fit a new contract vehicle needs to outweigh {}.",
                word_list(&behind, "and"),
                if behind.len() == 1 { "fits" } else { "fit" },
                mg.points,
                mg.short
            )
        }
    });
    let mut margin_sources = margin.map(|mg| mg.sources.clone()).unwrap_or_default();
    // A vehicle already in place carries no margin, and says why.
    let in_place = kb
        .content
        .meta
        .in_place
        .as_ref()
        .filter(|_| s.tally.in_place);
    let margin_note = match (margin_note, in_place) {
        (None, Some(p)) => {
            margin_sources = p.sources.clone();
            Some(p.text.clone())
        }
        (note, _) => note,
    };
    Some(ModelResult {
        id: m.id.clone(),
        name: m.name.clone(),
        short_name: m.short_name.clone(),
        layer: m.layer.id(),
        rank: s.rank,
        score: s.total,
        reachable: s.tally.reachable,
        fit_divisor: s.tally.divisor(),
        fit_percent: s.tally.fit_hundredths(),
        margin: s.tally.margin,
        basis: s.basis(
            kb.content
                .meta
                .case_for_change
                .as_ref()
                .map_or("", |c| c.short.as_str()),
            kb.content
                .meta
                .new_vehicle_margin
                .as_ref()
                .map_or("", |c| c.short.as_str()),
            kb.content
                .meta
                .in_place
                .as_ref()
                .map_or("", |c| c.short.as_str()),
        ),
        fit: s.band.id(),
        fit_label: s.band.label(),
        ruled_out: s.band == Band::RuledOut,
        summary: m.summary.clone(),
        definition: m.definition.clone(),
        synonyms: m.synonyms.clone(),
        status: match m.status {
            ModelStatus::Established => "established",
            ModelStatus::Emerging => "emerging",
            ModelStatus::Superseded => "superseded",
        },
        status_note: m
            .status_note
            .as_deref()
            .map(|n| crate::content::dated(n, m.status_as_of.as_deref())),
        when_it_fits: m.when_it_fits.clone(),
        risk_carrier: m.risk_carrier.clone(),
        money_flow: m.money_flow.clone(),
        governance: m.governance.clone(),
        pros: claims(&m.pros),
        cons: claims(&m.cons),
        risks: claims(&m.risks),
        serious_concerns: concerns.iter().filter(|c| c.serious).count(),
        by_section: by_section(kb, s),
        reasons,
        concerns,
        withheld,
        withheld_note,
        margin_note,
        in_place: s.tally.in_place,
        margin_sources,
        withheld_sources,
        readiness: readiness_view(kb, m, &eval.eff),
        red_flags: flags::flags_for(kb, m, &eval.eff)
            .into_iter()
            .map(|r| flag_view(kb, &r))
            .collect(),
        pairs_with: m.pairs_with.clone(),
        cases: m.cases.clone(),
        sources: m.sources.clone(),
    })
}

/// A recommended combination: commissioning arrangement, contract vehicle and payment rule.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CombinationView {
    /// Arrangement id (empty when every arrangement is ruled out).
    pub arrangement_id: String,
    /// Arrangement name.
    pub arrangement: String,
    /// Vehicle id.
    pub vehicle_id: String,
    /// Vehicle name.
    pub vehicle: String,
    /// Core payment rule id (empty when the vehicle carries none that is not ruled out).
    pub payment_id: String,
    /// Core payment rule name.
    pub payment: String,
    /// Overlay payment rule id (outcome-linked), carried beside the core rule; empty when none fits.
    pub overlay_id: String,
    /// Overlay payment rule name.
    pub overlay: String,
    /// The three names joined: "Section 75 pooled fund + Alliance + Blended payment".
    pub text: String,
}

/// A layer whose first place is shared.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TieView {
    /// `arrangement`, `vehicle` or `payment`.
    pub layer: &'static str,
    /// Ids of the models level in first place.
    pub model_ids: Vec<String>,
    /// The tie and what would separate it, in words.
    pub text: String,
    /// Whether the text names a question whose answer would separate the tied models.
    pub separated: bool,
}

/// Confidence in the ranking.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfidenceView {
    /// `high`, `medium` or `low`.
    pub level: &'static str,
    /// What the level means here, in one sentence.
    pub summary: String,
    /// Questions answered.
    pub answered: usize,
    /// Questions that apply.
    pub total: usize,
    /// Why, in plain words.
    pub reasons: Vec<String>,
}

/// An answer the procurement route rests on.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BasedOn {
    /// Question id.
    pub question_id: String,
    /// Question text.
    pub question: String,
    /// Answer labels.
    pub answers: Vec<String>,
}

/// A Provider Selection Regime process, in full.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteView {
    /// Route id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The name inside a sentence.
    pub in_sentence: String,
    /// What it is.
    pub summary: String,
    /// When it is used.
    pub when_used: String,
    /// Must be used when it applies.
    pub mandatory: bool,
    /// The notices to publish, in order.
    pub notices: Vec<String>,
    /// Whether an 8-working-day standstill follows the notice of intention to award.
    pub standstill: bool,
    /// What to record, as a checklist.
    pub records: Vec<String>,
    /// Sources.
    pub sources: Vec<String>,
}

fn route_view(r: &crate::content::Route) -> RouteView {
    RouteView {
        id: r.id.clone(),
        name: r.name.clone(),
        in_sentence: r.in_sentence.clone(),
        summary: r.summary.clone(),
        when_used: r.when_used.clone(),
        mandatory: r.mandatory,
        notices: r.notices.clone(),
        standstill: r.standstill,
        records: r.records.clone(),
        sources: r.sources.clone(),
    }
}

/// One process for one part of the procurement.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteStepView {
    /// The process.
    pub route: RouteView,
    /// `required`, `open`, `not-open` or `unsettled`.
    pub status: &'static str,
    /// The status in words.
    pub status_label: &'static str,
    /// Why, from the answers (or, when unsettled, what would settle it).
    pub because: String,
}

/// The considerable change threshold, where it matters.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdView {
    /// `met`, `not-met` or `unsettled`.
    pub state: crate::content::ThresholdState,
    /// Why, from the answers (or what would settle it).
    pub because: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// One part of the procurement that is a decision of its own.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementView {
    /// Element id (`existing`, `new`).
    pub id: String,
    /// Its name here.
    pub name: String,
    /// The verdict in one or two sentences.
    pub verdict: String,
    /// The process that must be used, if one applies.
    pub required: Option<String>,
    /// The processes open to the commissioner.
    pub open: Vec<String>,
    /// The processes the answers leave unsettled.
    pub unsettled: Vec<String>,
    /// Every process in the Regulations' order, with its status and why.
    pub steps: Vec<RouteStepView>,
    /// The considerable change threshold, when it bears on this part.
    pub threshold: Option<ThresholdView>,
    /// Further statements for this part.
    pub notes: Vec<ClaimView>,
}

/// Whether the Provider Selection Regime applies.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScopeView {
    /// Verdict id (`psr`, `psr-mixed`, `mostly-other`, `outside`, `unsettled`, `assumed`).
    pub id: String,
    /// `whole`, `health-part` or `none`.
    pub applies: crate::content::ScopeUse,
    /// What it means, from the answers.
    pub text: String,
    /// The same in one sentence.
    pub short: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A question that would settle what the answers leave open.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenQuestionView {
    /// Question id.
    pub question_id: String,
    /// Question text.
    pub question: String,
}

/// The procurement route, as the Regulations run it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcurementView {
    /// Whether the regime applies.
    pub scope: ScopeView,
    /// Per part of the procurement (none when the regime does not apply).
    pub elements: Vec<ElementView>,
    /// The whole advice in a sentence or two.
    pub summary: String,
    /// The answers it rests on.
    pub based_on: Vec<BasedOn>,
    /// Questions that would settle what is left open.
    pub open_questions: Vec<OpenQuestionView>,
    /// Not legal advice.
    pub disclaimer: String,
    /// Further notes.
    pub notes: Vec<ClaimView>,
    /// Sources.
    pub sources: Vec<String>,
}

/// "a", "a or b", "a, b or c" (with `word` "or"; "and" likewise).
fn word_list<S: AsRef<str>>(items: &[S], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {word} {}", init.join(", "), last.as_ref())
        }
    }
}

fn or_list(items: &[String]) -> String {
    word_list(items, "or")
}

/// The verdict for one element, from the statuses alone.
fn element_verdict(e: &psr::ElementOutcome) -> String {
    let names = |it: &mut dyn Iterator<Item = &crate::content::Route>| -> Vec<String> {
        it.map(|r| r.in_sentence.clone()).collect()
    };
    let unsettled_required = names(
        &mut e
            .steps
            .iter()
            .take_while(|s| s.status != psr::Status::Required)
            .filter(|s| s.status == psr::Status::Unsettled && s.route.mandatory)
            .map(|s| s.route),
    );
    let unsettled_optional = names(
        &mut e
            .steps
            .iter()
            .filter(|s| s.status == psr::Status::Unsettled && !s.route.mandatory)
            .map(|s| s.route),
    );
    if let Some(r) = e.required() {
        let must = format!(
            "{} must be used",
            crate::engine::upper_first(&r.in_sentence)
        );
        return if unsettled_required.is_empty() {
            format!("{must}.")
        } else {
            format!(
                "{must}, unless {} applies: your answers do not settle that yet.",
                or_list(&unsettled_required)
            )
        };
    }
    let open = names(&mut e.with(psr::Status::Open));
    let mut out = if unsettled_required.is_empty() {
        String::new()
    } else {
        format!(
            "If {} applies, it must be used; your answers do not settle that yet. Otherwise, ",
            or_list(&unsettled_required)
        )
    };
    let choose = format!("you may use {}.", or_list(&open));
    out.push_str(&if out.is_empty() {
        crate::engine::upper_first(&choose)
    } else {
        choose
    });
    if !unsettled_optional.is_empty() {
        out.push_str(&format!(
            " {} may also be open: your answers do not settle it yet.",
            crate::engine::upper_first(&or_list(&unsettled_optional))
        ));
    }
    out
}

fn procurement(kb: &Kb, eff: &Effective) -> Option<ProcurementView> {
    let advice = psr::advise(kb, eff)?;
    let psr_content = &kb.content.psr;
    let mut sources: Vec<String> = Vec::new();
    let mut add = |list: &[String]| {
        for s in list {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
    };
    add(&psr_content.sources);
    add(&advice.scope.sources);
    let several = advice.elements.len() > 1;
    let mut elements = Vec::new();
    for e in &advice.elements {
        let ids = |status| e.with(status).map(|r| r.id.clone()).collect::<Vec<_>>();
        let steps = e
            .steps
            .iter()
            .map(|s| RouteStepView {
                route: route_view(s.route),
                status: s.status.id(),
                status_label: s.status.label(),
                because: match &s.reason {
                    psr::Reason::Row(row) => row.because.clone(),
                    psr::Reason::Unsettled(text) => (*text).to_owned(),
                    psr::Reason::After(before) => {
                        format!(
                            "{} must be used, so this process does not apply.",
                            crate::engine::upper_first(&before.in_sentence)
                        )
                    }
                },
            })
            .collect::<Vec<_>>();
        for s in &e.steps {
            if s.status != psr::Status::NotOpen {
                add(&s.route.sources);
            }
        }
        let threshold = e.threshold.as_ref().map(|t| ThresholdView {
            state: t.state,
            because: t.row.map_or_else(
                || psr_content.threshold.unsettled.clone(),
                |r| r.because.clone(),
            ),
            sources: psr_content.threshold.sources.clone(),
        });
        if threshold.is_some() {
            add(&psr_content.threshold.sources);
        }
        for n in &e.notes {
            add(&n.sources);
        }
        elements.push(ElementView {
            id: e.element.id.clone(),
            name: if several {
                e.element.name_beside.clone()
            } else {
                e.element.name.clone()
            },
            verdict: element_verdict(e),
            required: e.required().map(|r| r.id.clone()),
            open: ids(psr::Status::Open),
            unsettled: ids(psr::Status::Unsettled),
            steps,
            threshold,
            notes: e
                .notes
                .iter()
                .map(|n| ClaimView {
                    text: n.text.clone(),
                    sources: n.sources.clone(),
                })
                .collect(),
        });
    }
    let summary = if elements.is_empty() {
        "The Provider Selection Regime does not apply to this contract.".to_owned()
    } else {
        let same = several
            && elements
                .iter()
                .all(|e| elements.first().is_some_and(|f| f.verdict == e.verdict));
        let mut parts = if same {
            // One sentence for parts that come out the same.
            let names: Vec<String> = elements.iter().map(|e| e.name.to_lowercase()).collect();
            let verdict = elements.first().map_or("", |e| e.verdict.as_str());
            format!(
                "For {} alike: {}",
                names.join(" and "),
                crate::engine::lower_first(verdict)
            )
        } else {
            elements
                .iter()
                .map(|e| {
                    if several {
                        format!("{}: {}", e.name, crate::engine::lower_first(&e.verdict))
                    } else {
                        e.verdict.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Said once, wherever the answers leave a choice between processes.
        if elements.iter().any(|e| e.required.is_none()) {
            parts.push_str(" No process is the default: choose one and record why.");
        }
        if advice.scope.applies == crate::content::ScopeUse::HealthPart {
            format!(
                "The contract as a whole is outside the Provider Selection Regime. For the health care services in a contract of their own: {parts}"
            )
        } else {
            parts
        }
    };
    Some(ProcurementView {
        scope: ScopeView {
            id: advice.scope.id.clone(),
            applies: advice.scope.applies,
            text: advice.scope.text.clone(),
            short: advice.scope.short.clone(),
            sources: advice.scope.sources.clone(),
        },
        elements,
        summary,
        based_on: advice
            .based_on
            .iter()
            .filter_map(|q| {
                let question = kb.question(*q)?;
                Some(BasedOn {
                    question_id: question.id.clone(),
                    question: question.text.clone(),
                    answers: labels(kb, *q, eff.sel.get(*q).copied().unwrap_or(0)),
                })
            })
            .collect(),
        open_questions: advice
            .open_questions
            .iter()
            .filter_map(|q| {
                let question = kb.question(*q)?;
                Some(OpenQuestionView {
                    question_id: question.id.clone(),
                    question: question.text.clone(),
                })
            })
            .collect(),
        disclaimer: psr_content.disclaimer.clone(),
        notes: claims(&psr_content.notes),
        sources,
    })
}

/// One changed answer in a what-if.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    /// Question id.
    pub question_id: String,
    /// Question text.
    pub question: String,
    /// The answer now (empty when unanswered).
    pub from: Vec<String>,
    /// The answer that would change the advice.
    pub to: Vec<String>,
}

/// Changes of answer that would reorder the top of a ranking.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIfView {
    /// `arrangement`, `vehicle` or `payment`.
    pub layer: &'static str,
    /// The changed answers (usually one).
    pub changes: Vec<StepView>,
    /// The model leading now.
    pub current_leader: String,
    /// The model that would lead.
    pub new_leader: String,
    /// Its id.
    pub new_leader_id: String,
    /// How far ahead it would be, in hundredths of a fit point.
    pub lead: i32,
    /// The change in one sentence.
    pub text: String,
}

/// A documented case the answers resemble.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseMatchView {
    /// Case id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What happened, briefly.
    pub outcome: &'static str,
    /// The status in words with the date it speaks for, for example "Evolved (as of July 2018)".
    pub status: String,
    /// The lesson.
    pub lesson: String,
    /// The features that match.
    pub matched: Vec<String>,
    /// Sources.
    pub sources: Vec<String>,
}

fn outcome_name(o: crate::content::CaseOutcome) -> &'static str {
    use crate::content::CaseOutcome::*;
    match o {
        Running => "running",
        Renewed => "renewed",
        Evolved => "evolved",
        Collapsed => "collapsed",
        Abandoned => "abandoned",
        Emerging => "emerging",
        Unverified => "status not verified",
    }
}

/// A case's status in words with the date it speaks for: "Evolved (as of July 2018)".
fn case_status(case: &crate::content::Case) -> String {
    let name = crate::engine::upper_first(outcome_name(case.outcome));
    match case.as_of.as_deref().and_then(crate::content::as_of_words) {
        Some(words) => format!("{name} (as of {words})"),
        None => name,
    }
}

/// A source in a list of references.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Author.
    pub author: Option<String>,
    /// Year.
    pub year: String,
    /// Address.
    pub url: String,
    /// What it is.
    pub note: String,
    /// Caution about provenance.
    pub caution: Option<String>,
}

fn source_view(s: &crate::content::Source) -> SourceView {
    SourceView {
        id: s.id.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        author: s.author.clone(),
        year: s.year.clone(),
        url: s.url.clone(),
        note: s.note.clone(),
        caution: s.caution.clone(),
    }
}

/// Most resembling cases listed in a recommendation.
pub const MAX_CASES: usize = 4;

/// The whole recommendation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// Content version.
    pub content_version: String,
    /// Content last reviewed.
    pub last_reviewed: String,
    /// Titles of the questionnaire's sections, in order (the columns of each model's `by_section`).
    pub sections: Vec<String>,
    /// Confidence.
    pub confidence: ConfidenceView,
    /// The recommended combination first, then up to two alternatives.
    pub combinations: Vec<CombinationView>,
    /// Layers whose first place is shared, with what would separate them.
    pub ties: Vec<TieView>,
    /// Commissioning arrangements, best first.
    pub arrangements: Vec<ModelResult>,
    /// Vehicles, best first.
    pub vehicles: Vec<ModelResult>,
    /// Payment rules, best first.
    pub payments: Vec<ModelResult>,
    /// Likely procurement route, once the procurement questions are answered.
    pub procurement: Option<ProcurementView>,
    /// Changes of answer that would reorder the top.
    pub what_if: Vec<WhatIfView>,
    /// Documented cases the answers resemble.
    pub resembles: Vec<CaseMatchView>,
    /// What to watch: every warning the answers trigger for the situation or the recommended combination, most
    /// serious first (then in content order).
    pub watch: Vec<FlagView>,
    /// The warnings the answers trigger for the other options that fit best or may also suit you, that are in the
    /// other combinations listed, or that the answers say were proposed (`flags::watch_also`), not already in
    /// `watch`, each saying which options it concerns; most serious first.
    pub watch_also: Vec<FlagView>,
    /// The answer on one screen: the leading combination, how well it fits, the strongest reasons, the first
    /// warnings, the readiness gap and the procurement route (`None` until a vehicle can be recommended).
    pub summary: Option<SummaryView>,
    /// Every source cited in this recommendation, in the content's order.
    pub sources: Vec<SourceView>,
}

fn confidence_view(eval: &Evaluation) -> ConfidenceView {
    let c = &eval.confidence;
    ConfidenceView {
        level: c.level.id(),
        summary: c.summary.clone(),
        answered: c.answered,
        total: c.visible,
        reasons: c.reasons.clone(),
    }
}

fn tie_view(kb: &Kb, l: &LayerRanking) -> Option<TieView> {
    Some(TieView {
        layer: l.layer.id(),
        model_ids: l
            .tied
            .iter()
            .filter_map(|i| kb.content.models.get(*i).map(|m| m.id.clone()))
            .collect(),
        text: crate::engine::tie_text(kb, l)?,
        separated: l.separator.is_some(),
    })
}

/// Builds the recommendation for a set of answers (complete or partial).
pub fn recommendation(kb: &Kb, answers: &Answers) -> Recommendation {
    let eval = evaluate(kb, answers);
    let results = |l: &LayerRanking| -> Vec<ModelResult> {
        l.order
            .iter()
            .filter_map(|i| model_result(kb, &eval, *i))
            .collect()
    };
    let name = |i: Option<usize>| {
        i.and_then(|i| kb.content.models.get(i))
            .map(|m| (m.id.clone(), m.name.clone()))
            .unwrap_or_default()
    };
    let combinations = eval
        .combinations
        .iter()
        .map(|c| {
            let (arrangement_id, arrangement) = name(c.arrangement);
            let (vehicle_id, vehicle) = name(Some(c.vehicle));
            let (payment_id, payment) = name(c.payment);
            let (overlay_id, overlay) = name(c.overlay);
            CombinationView {
                text: crate::engine::combination_text(kb, c),
                arrangement_id,
                arrangement,
                vehicle_id,
                vehicle,
                payment_id,
                payment,
                overlay_id,
                overlay,
            }
        })
        .collect();
    let ties = [&eval.arrangements, &eval.vehicles, &eval.payments]
        .into_iter()
        .filter_map(|l| tie_view(kb, l))
        .collect();
    let what_if = what_would_change(kb, answers, &eval, 4)
        .into_iter()
        .map(|c| WhatIfView {
            layer: c.layer.id(),
            changes: c
                .steps
                .iter()
                .filter_map(|step| {
                    let q = kb.question(step.question)?;
                    Some(StepView {
                        question_id: q.id.clone(),
                        question: q.text.clone(),
                        from: labels(kb, step.question, step.from),
                        to: labels(kb, step.question, step.to),
                    })
                })
                .collect(),
            current_leader: name(Some(c.old_leader)).1,
            new_leader: name(Some(c.new_leader)).1,
            new_leader_id: name(Some(c.new_leader)).0,
            lead: c.lead,
            text: crate::whatif::describe(kb, &c),
        })
        .collect();
    let resembles = cases::resembling(kb, &eval.eff)
        .into_iter()
        .take(MAX_CASES)
        .filter_map(|m| {
            let case = kb.content.cases.get(m.case)?;
            Some(CaseMatchView {
                id: case.id.clone(),
                name: case.name.clone(),
                outcome: outcome_name(case.outcome),
                status: case_status(case),
                lesson: case.lesson.clone(),
                matched: m
                    .matched
                    .iter()
                    .filter_map(|f| case.resembles.features.get(*f).map(|f| f.label.clone()))
                    .collect(),
                sources: case.sources.clone(),
            })
        })
        .collect();
    let procurement = procurement(kb, &eval.eff);
    let watch = flags::watch(kb, &eval);
    let mut rec = Recommendation {
        content_version: kb.content.meta.content_version.clone(),
        last_reviewed: kb.content.meta.last_reviewed.clone(),
        sections: kb
            .content
            .sections
            .iter()
            .map(|s| s.title.clone())
            .collect(),
        confidence: confidence_view(&eval),
        combinations,
        ties,
        arrangements: results(&eval.arrangements),
        vehicles: results(&eval.vehicles),
        payments: results(&eval.payments),
        procurement,
        what_if,
        resembles,
        watch: watch.iter().map(|r| flag_view(kb, r)).collect(),
        watch_also: flags::watch_also(kb, &eval, &watch)
            .iter()
            .map(|a| also_view(kb, a))
            .collect(),
        summary: None,
        sources: Vec::new(),
    };
    rec.summary = summary_view(&rec);
    rec.sources = cited_sources(kb, &rec);
    rec
}

/// How many reasons and warnings the summary shows.
const SUMMARY_ITEMS: usize = 3;

/// The answer on one screen.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryView {
    /// The leading combination in words ("Section 75 pooled fund + alliance agreement + block payment").
    pub combination: String,
    /// How well the contract vehicle fits, in words with its basis.
    pub fit: String,
    /// The strongest reasons from the user's own answers, strongest first (at most three, one per question).
    pub reasons: Vec<ContributionView>,
    /// The first warnings of What to watch, in the core's order, each with what to do (at most three).
    pub watch: Vec<FlagView>,
    /// How many warnings there are in all.
    pub watch_total: usize,
    /// The readiness gap for the leading vehicle in one line: time, cost, skills.
    pub readiness: String,
    /// The procurement route in a sentence or two, once the procurement questions are answered.
    pub procurement: Option<String>,
    /// Confidence in one sentence.
    pub confidence: String,
}

fn readiness_line(r: &ReadinessView) -> String {
    let time = match r.months_available {
        Some(m) => format!(
            "Time: about {}, and you have about {m} months.",
            r.lead_time
        ),
        None => format!("Time: about {}.", r.lead_time),
    };
    let cost = match r.cost_status {
        "partial" | "gap" => format!(
            "Set-up cost: {}, more than you expect to spend.",
            r.upfront_cost
        ),
        _ => format!("Set-up cost: {}.", r.upfront_cost),
    };
    let short: Vec<String> = r
        .skills
        .iter()
        .filter(|s| matches!(s.status, "partial" | "gap"))
        .map(|s| s.name.to_lowercase())
        .collect();
    let skills = if short.is_empty() {
        "Skills: no gap found in your answers.".to_owned()
    } else {
        format!("Skills to strengthen: {}.", short.join("; "))
    };
    format!("{time} {cost} {skills}")
}

/// The first screen's line on how well the contract vehicle fits: its label and points, the margin a new contract
/// vehicle carries, or why a model without one is ranked before new vehicles that fit better. The full basis is in
/// the model's own view.
fn summary_fit(vehicle: &ModelResult) -> String {
    let mut s = format!(
        "The contract vehicle {}: {}",
        vehicle.fit_label,
        crate::engine::points_that_count(vehicle.score, vehicle.reachable)
    );
    if vehicle.margin > 0 {
        s.push_str(&format!(
            ", less {} percentage points of fit as a new contract vehicle",
            vehicle.margin
        ));
    }
    s.push('.');
    if let Some(note) = vehicle.margin_note.as_ref().filter(|_| vehicle.margin == 0) {
        s.push(' ');
        s.push_str(note);
    }
    s
}

fn summary_view(rec: &Recommendation) -> Option<SummaryView> {
    let top = rec.combinations.first()?;
    let in_combination = |list: &[ModelResult], id: &str| list.iter().find(|m| m.id == id).cloned();
    let vehicle = in_combination(&rec.vehicles, &top.vehicle_id)?;
    let members: Vec<ModelResult> = [
        in_combination(&rec.arrangements, &top.arrangement_id),
        Some(vehicle.clone()),
        in_combination(&rec.payments, &top.payment_id),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut reasons: Vec<ContributionView> = members
        .iter()
        .flat_map(|m| m.reasons.iter().cloned())
        .filter(|c| c.points > 0)
        .collect();
    // Strongest first; equal points keep the order the models and their reasons came in (stable sort).
    reasons.sort_by_key(|c| std::cmp::Reverse(c.points));
    let mut seen: Vec<String> = Vec::new();
    reasons.retain(|c| {
        let fresh = !seen.contains(&c.question_id);
        seen.push(c.question_id.clone());
        fresh
    });
    reasons.truncate(SUMMARY_ITEMS);
    Some(SummaryView {
        combination: top.text.clone(),
        fit: summary_fit(&vehicle),
        reasons,
        watch: rec.watch.iter().take(SUMMARY_ITEMS).cloned().collect(),
        watch_total: rec.watch.len(),
        readiness: readiness_line(&vehicle.readiness),
        procurement: rec.procurement.as_ref().map(|p| p.summary.clone()),
        confidence: rec.confidence.summary.clone(),
    })
}

fn cited_sources(kb: &Kb, rec: &Recommendation) -> Vec<SourceView> {
    let mut cited: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut add = |ids: &[String]| cited.extend(ids.iter().cloned());
    for m in rec
        .arrangements
        .iter()
        .chain(&rec.vehicles)
        .chain(&rec.payments)
    {
        add(&m.sources);
        m.pros
            .iter()
            .chain(&m.cons)
            .chain(&m.risks)
            .for_each(|c| add(&c.sources));
        m.reasons
            .iter()
            .chain(&m.concerns)
            .chain(&m.withheld)
            .for_each(|c| add(&c.sources));
        add(&m.withheld_sources);
        add(&m.margin_sources);
        add(&m.readiness.sources);
        m.readiness.skills.iter().for_each(|s| add(&s.sources));
        m.red_flags.iter().for_each(|f| add(&f.sources));
    }
    if let Some(p) = &rec.procurement {
        add(&p.sources);
        p.notes.iter().for_each(|n| add(&n.sources));
    }
    rec.resembles.iter().for_each(|c| add(&c.sources));
    rec.watch
        .iter()
        .chain(&rec.watch_also)
        .for_each(|f| add(&f.sources));
    kb.content
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id))
        .map(source_view)
        .collect()
}

/// Every question, model, case, route and source: for the catalogue, the no-JavaScript page and the
/// "compare" and "cases" screens.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    /// Versions.
    pub info: Info,
    /// Sections with their questions.
    pub sections: Vec<CatalogueSection>,
    /// Models, in content order.
    pub models: Vec<CatalogueModel>,
    /// Cases.
    pub cases: Vec<CatalogueCase>,
    /// Procurement routes.
    pub routes: Vec<RouteView>,
    /// Glossary.
    pub glossary: Vec<TermView>,
    /// Sources.
    pub sources: Vec<SourceView>,
}

/// A section in the catalogue.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueSection {
    /// Title.
    pub title: String,
    /// Why we ask.
    pub intro: String,
    /// Questions.
    pub questions: Vec<CatalogueQuestion>,
}

/// A question in the catalogue.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueQuestion {
    /// Id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Hint.
    pub hint: Option<String>,
    /// `single` or `multi`.
    pub kind: &'static str,
    /// Only asked after some earlier answers.
    pub conditional: bool,
    /// Option labels.
    pub options: Vec<String>,
}

/// A model in the catalogue.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueModel {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `vehicle` or `payment`.
    pub layer: &'static str,
    /// One sentence.
    pub summary: String,
    /// Other names.
    pub synonyms: Vec<String>,
    /// Who carries risk.
    pub risk_carrier: String,
    /// How money flows.
    pub money_flow: String,
    /// Lead time.
    pub lead_time: String,
    /// Upfront cost band.
    pub upfront_cost: &'static str,
    /// Skill names with level.
    pub skills: Vec<String>,
    /// Case ids.
    pub cases: Vec<String>,
    /// Sources.
    pub sources: Vec<String>,
}

/// A case in the case library.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueCase {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Years.
    pub years: String,
    /// Model names.
    pub models: Vec<String>,
    /// How it turned out.
    pub outcome: &'static str,
    /// The status in words with the date it speaks for, for example "Evolved (as of July 2018)".
    pub status: String,
    /// What it was.
    pub what: String,
    /// What happened.
    pub what_happened: String,
    /// The lesson.
    pub lesson: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// The catalogue of everything in the knowledge base.
pub fn catalogue(kb: &Kb) -> Catalogue {
    let c = &kb.content;
    let sections = c
        .sections
        .iter()
        .enumerate()
        .map(|(si, s)| CatalogueSection {
            title: s.title.clone(),
            intro: s.intro.clone(),
            questions: c
                .questions
                .iter()
                .filter(|(qs, _)| *qs == si)
                .map(|(_, q)| CatalogueQuestion {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    hint: q.hint.clone(),
                    kind: kind_name(q.kind),
                    conditional: q.show_if.is_some(),
                    options: q.options.iter().map(|o| o.label.clone()).collect(),
                })
                .collect(),
        })
        .collect();
    let models = c
        .models
        .iter()
        .map(|m| CatalogueModel {
            id: m.id.clone(),
            name: m.name.clone(),
            layer: m.layer.id(),
            summary: m.summary.clone(),
            synonyms: m.synonyms.clone(),
            risk_carrier: m.risk_carrier.clone(),
            money_flow: m.money_flow.clone(),
            lead_time: months_range(m.demands.lead_time_months),
            upfront_cost: cost_name(m.demands.upfront_cost),
            skills: m
                .demands
                .skills
                .iter()
                .filter_map(|s| {
                    kb.skill(&s.skill).map(|k| match s.level {
                        Need::Strong => format!("{} (strong)", k.name),
                        Need::Some => k.name.clone(),
                    })
                })
                .collect(),
            cases: m.cases.clone(),
            sources: m.sources.clone(),
        })
        .collect();
    let cases = c
        .cases
        .iter()
        .map(|k| CatalogueCase {
            id: k.id.clone(),
            name: k.name.clone(),
            years: k.years.clone(),
            models: k
                .models
                .iter()
                .filter_map(|m| kb.model(m).map(|(_, m)| m.name.clone()))
                .collect(),
            outcome: outcome_name(k.outcome),
            status: case_status(k),
            what: k.what.clone(),
            what_happened: k.what_happened.clone(),
            lesson: k.lesson.clone(),
            sources: k.sources.clone(),
        })
        .collect();
    Catalogue {
        info: info(kb),
        sections,
        models,
        cases,
        routes: c.psr.routes.iter().map(route_view).collect(),
        glossary: c.glossary.iter().map(term_view).collect(),
        sources: c.sources.iter().map(source_view).collect(),
    }
}

/// Reads answers keyed by id (as a JSON object) strictly and returns the recommendation as JSON: the JSON twin
/// of the page's `recommend`, used by the command line and the scenario tests.
pub fn recommend_json(kb: &Kb, answers_json: &str) -> Result<String, Vec<Error>> {
    let raw: RawAnswers = serde_json::from_str(answers_json).map_err(|e| {
        vec![Error::new(
            crate::ErrorKind::File,
            format!("The answers are not a JSON object of question ids and answers ({e})"),
        )]
    })?;
    let (answers, _) = Answers::from_raw(kb, &raw)?;
    serde_json::to_string_pretty(&recommendation(kb, &answers))
        .map_err(|e| vec![Error::new(crate::ErrorKind::Content, e.to_string())])
}
