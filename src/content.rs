//! The shape of the knowledge base: the JSON files in `src/data/`, as Rust types.
//!
//! These types derive only `Deserialize`: they *are* the content file format, documented for editors in
//! `CONTENT.md`. Nothing here knows about scoring, answers or JavaScript. Unknown fields are rejected so that a
//! typo in a content file fails the tests instead of being silently ignored.

use serde::{Deserialize, Serialize};

/// Version and review information for the whole knowledge base.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Content version, bumped whenever content changes (for example `1.0.0`).
    pub content_version: String,
    /// The date the content was last reviewed against its sources (ISO 8601).
    pub last_reviewed: String,
    /// A note on the review: what was checked and against what.
    pub review_note: String,
    /// Ids that were renamed, so that answers saved with older content keep loading.
    #[serde(default)]
    pub renamed: Renamed,
    /// Questions that no longer exist: an older answer to one is set aside with this reason, which says what to
    /// answer instead.
    #[serde(default)]
    pub retired: Vec<Retired>,
    /// When there is a case for a new contract vehicle at all (see [`CaseForChange`]). Required with the knowledge
    /// files (`validate`); the questionnaire-only first stage has none.
    #[serde(default)]
    pub case_for_change: Option<CaseForChange>,
    /// How much clearer a new contract vehicle's fit must be before it comes ahead of keeping or re-letting today's
    /// contracts (see [`NewVehicleMargin`]). Required with the knowledge files (`validate`).
    #[serde(default)]
    pub new_vehicle_margin: Option<NewVehicleMargin>,
    /// When a vehicle that today's contract already is (an answer marked `in_place`) does not count as in place
    /// (see [`InPlace`]).
    #[serde(default)]
    pub in_place: Option<InPlace>,
}

/// A contract vehicle already in place needs no set-up: an answer marked `in_place` takes the new-vehicle margin
/// off it and lets its supporting answers count without a case for change, unless this condition holds (its holder
/// is failing or leaving, so keeping it is not on offer).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InPlace {
    /// The answers under which a vehicle in place is treated as new after all.
    pub unless: Condition,
    /// Why, in the user's terms.
    pub text: String,
    /// The reason in a few words, lower case ("it is already in place").
    pub short: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// The margin a new contract vehicle (a model marked `needs_case_for_change`) must clear: its fit is placed this
/// many points lower when models are ranked, so that it comes first only when it fits clearly better than the
/// NHS Standard Contract or no new contract. Setting one up costs time, money and skills that the evidence says are
/// routinely underestimated; its score stays the sum of its contributions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewVehicleMargin {
    /// Points of fit (hundredths of the fit, as shown in percent).
    pub points: i32,
    /// Why, in the user's terms (shown with each new contract vehicle's fit).
    pub text: String,
    /// The reason in a few words, lower case ("the cost of setting up a new contract vehicle").
    pub short: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// The case for changing the contract: until its condition holds, the supporting answers (not the decisive ones)
/// that count for a model marked `needs_case_for_change` are recorded but not counted. Contracts are scaffolding,
/// not the aim: a new contract vehicle has to be worth its cost before generic reasons for it count.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseForChange {
    /// The answers that make a case for a new contract vehicle.
    pub when: Condition,
    /// Why supporting answers wait for it, in the user's terms (shown beside the answers not counted).
    pub text: String,
    /// The condition in a few words, lower case ("no case yet for a new contract").
    pub short: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A question removed from the content, and what to answer instead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// The id used by older content.
    pub question: String,
    /// Its share-link key in older content.
    pub key: String,
    /// The question as older content worded it.
    pub text: String,
    /// What replaced it, in the user's words (for example which questions to answer instead).
    pub instead: String,
}

/// Old ids mapped to their replacements.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    /// Old question id to new question id.
    #[serde(default)]
    pub questions: Vec<RenamedId>,
    /// Old option id to new option id, within a question (by its current id).
    #[serde(default)]
    pub options: Vec<RenamedOption>,
}

/// One renamed question id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenamedId {
    /// The id used by older content.
    pub from: String,
    /// The id used now.
    pub to: String,
}

/// One renamed option id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenamedOption {
    /// The question (current id) the option belongs to.
    pub question: String,
    /// The option id used by older content.
    pub from: String,
    /// The option id used now.
    pub to: String,
}

/// A published source of evidence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Source id as used in the domain brief, for example `S12` or `F3`.
    pub id: String,
    /// Title of the work.
    pub title: String,
    /// Publisher or organisation.
    pub publisher: String,
    /// Author(s), where known.
    pub author: Option<String>,
    /// Year or period of publication.
    pub year: String,
    /// Web address.
    pub url: String,
    /// What the source is, or what of it could be checked.
    pub note: String,
    /// Set when the brief marks the source's provenance as unconfirmed.
    pub caution: Option<String>,
    /// Set when the source is an interested party's own account of its work (a provider's or adviser's case
    /// study, a law firm marketing its work, a chief executive's opinion): the words that name whose account it
    /// is (for example `facilitators`). An outcome claim resting only on such sources must contain these words.
    #[serde(default)]
    pub interested_party: Option<String>,
}

/// A plain-English definition shown the first time a term is used.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Term id.
    pub id: String,
    /// The term as shown.
    pub term: String,
    /// One or two sentences.
    pub definition: String,
    /// Supporting sources.
    pub sources: Vec<String>,
    /// The date the definition speaks for (`YYYY-MM` or `YYYY-MM-DD`), where it depends on current policy.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// A commissioner skill that contract models demand.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Skill id (one of six fixed ids).
    pub id: String,
    /// Display name.
    pub name: String,
    /// What goes wrong without it.
    pub gap: String,
    /// What it would take to close the gap.
    pub remedy: String,
    /// Supporting sources.
    pub sources: Vec<String>,
}

/// The three layers a recommendation combines: how commissioners organise themselves and their money, the
/// contract vehicle, and the payment rule it carries (brief, Annex A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// A commissioning arrangement: separate, joint or lead commissioning, a section 75 pooled fund, delegation.
    Arrangement,
    /// A contract or organisational vehicle.
    Vehicle,
    /// A payment rule carried by a vehicle.
    Payment,
}

impl Layer {
    /// The three layers, in the order a combination names them.
    pub const ALL: [Layer; 3] = [Layer::Arrangement, Layer::Vehicle, Layer::Payment];

    /// The layer's id as written in the content (`arrangement`, `vehicle`, `payment`).
    pub fn id(self) -> &'static str {
        match self {
            Layer::Arrangement => "arrangement",
            Layer::Vehicle => "vehicle",
            Layer::Payment => "payment",
        }
    }
}

/// How established a model is in current English policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// In use, with national templates or many examples.
    Established,
    /// New or in development.
    Emerging,
    /// Replaced in policy by another model.
    Superseded,
}

/// A sourced statement: a pro, con or risk.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The statement.
    pub text: String,
    /// Supporting sources.
    pub sources: Vec<String>,
    /// The date the statement speaks for (`YYYY-MM-DD`, `YYYY-MM`, or `YYYY` where a source gives only the year), for statements that depend on policy or on
    /// a scheme's current status; `None` for statements that do not date.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// Upfront cost band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CostBand {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

/// How much of a skill a model needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    /// Some of the skill.
    Some,
    /// A strong capability.
    Strong,
}

/// One skill a model demands.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillNeed {
    /// Skill id.
    pub skill: String,
    /// How much of it.
    pub level: Need,
}

/// What setting a model up demands.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demands {
    /// Set-up time in months, least and most.
    pub lead_time_months: [u16; 2],
    /// Where the lead time comes from.
    pub lead_time_note: String,
    /// Upfront cost band.
    pub upfront_cost: CostBand,
    /// Skills needed.
    pub skills: Vec<SkillNeed>,
    /// Supporting sources.
    pub sources: Vec<String>,
}

/// A contract model: a vehicle or a payment rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Model id.
    pub id: String,
    /// Vehicle or payment rule.
    pub layer: Layer,
    /// Display name.
    pub name: String,
    /// A short name, lower case unless a proper noun, for joining into a combination ("section 75 pooled fund +
    /// alliance agreement + blended payment").
    pub short_name: String,
    /// Other names for it.
    pub synonyms: Vec<String>,
    /// One sentence.
    pub summary: String,
    /// Two or three sentences.
    pub definition: String,
    /// How established it is.
    pub status: Status,
    /// Dates and policy changes.
    #[serde(default)]
    pub status_note: Option<String>,
    /// The date the status note speaks for (`YYYY-MM` or `YYYY-MM-DD`); required with a status note.
    #[serde(default)]
    pub status_as_of: Option<String>,
    /// Situations it fits.
    pub when_it_fits: Vec<String>,
    /// Who carries financial risk.
    pub risk_carrier: String,
    /// How money flows.
    pub money_flow: String,
    /// How it is governed.
    pub governance: String,
    /// Advantages.
    pub pros: Vec<Claim>,
    /// Disadvantages.
    pub cons: Vec<Claim>,
    /// Risks.
    pub risks: Vec<Claim>,
    /// Resource demands.
    pub demands: Demands,
    /// Moves significant financial risk to providers.
    pub transfers_risk: bool,
    /// A payment rule that sits on top of a core payment rather than replacing it (outcome-linked payment: part of
    /// the money depends on outcomes). A combination carries it beside its core payment rule.
    #[serde(default)]
    pub overlay: bool,
    /// Creates a new legal entity, delegation or exclusive arrangement.
    pub creates_vehicle: bool,
    /// A new contract vehicle: its supporting answers count only once there is a case for changing the contract
    /// (`meta.json`, `case_for_change`).
    #[serde(default)]
    pub needs_case_for_change: bool,
    /// The answers that say this model has been proposed for the service, or is already in use (a provider's offer to
    /// hold the budget, a budget per person, part of the payment tied to outcomes, …). Its warnings are then listed
    /// with What to watch even where it does not fit: a commissioner answering a proposal needs them most.
    #[serde(default)]
    pub proposed_when: Option<Condition>,
    /// Payment rules a vehicle can carry (empty for payment rules).
    pub pairs_with: Vec<String>,
    /// Documented cases.
    pub cases: Vec<String>,
    /// Sources for the model as a whole.
    pub sources: Vec<String>,
}

/// A section of the questionnaire.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Section id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Why we ask.
    pub intro: String,
}

/// Single choice (radios) or multiple choice (checkboxes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Exactly one option.
    Single,
    /// One or more options.
    Multi,
}

/// What a question measures for the readiness check.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    /// The skill measured (options carry `level`).
    #[serde(default)]
    pub skill: Option<String>,
    /// Time available (options carry `months`).
    #[serde(default)]
    pub time: bool,
    /// Upfront spend available (options carry `level`).
    #[serde(default)]
    pub cost: bool,
}

impl Default for Condition {
    /// The condition that always holds.
    fn default() -> Condition {
        Condition::All { all: Vec::new() }
    }
}

/// A condition on the user's answers (see `CONTENT.md`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    /// The answer to `q` includes any of the options.
    AnyOf {
        /// Question id.
        q: String,
        /// Option ids.
        any_of: Vec<String>,
    },
    /// The question has (or has not) an answer.
    Answered {
        /// Question id.
        q: String,
        /// Whether it is answered.
        answered: bool,
    },
    /// All of the conditions hold.
    All {
        /// The conditions.
        all: Vec<Condition>,
    },
    /// Any of the conditions holds.
    Any {
        /// The conditions.
        any: Vec<Condition>,
    },
    /// The condition does not hold.
    Not {
        /// The condition.
        not: Box<Condition>,
    },
}

/// How an option moves one model's fit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Model id.
    pub model: String,
    /// Points, −5 to +5, never 0.
    pub points: i32,
    /// Why, in the user's terms.
    pub why: String,
    /// Supporting sources.
    pub sources: Vec<String>,
    /// A failed precondition: the model is ruled out of "may suit you" while this answer stands, and stays listed
    /// with this as the reason. Only on negative effects.
    #[serde(default)]
    pub serious: bool,
    /// One of the model's few decisive conditions (its "when it fits" or a precondition): weighs 4 to 8 points,
    /// where a supporting answer weighs 1 to 3.
    #[serde(default)]
    pub decisive: bool,
    /// Counts only while this condition on other answers holds too (for example, keeping today's way of paying
    /// counts only where today's payment rules do not get in the way). Only `q`/`any_of` conditions, alone or
    /// combined with `all` or `any`, on other questions: an unanswered question never satisfies one.
    #[serde(default)]
    pub when: Option<Condition>,
}

/// An answer option.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Option id, unique within its question.
    pub id: String,
    /// Short stable key used in share links.
    pub key: String,
    /// Label.
    pub label: String,
    /// Hint under the label.
    #[serde(default)]
    pub hint: Option<String>,
    /// Multi questions: a "none of these" style option.
    #[serde(default)]
    pub exclusive: bool,
    /// Capability level (0 none, 1 can buy in, 2 in house) on `measures` questions.
    #[serde(default)]
    pub level: Option<u8>,
    /// Months available, on the time question.
    #[serde(default)]
    pub months: Option<u16>,
    /// Effects on models.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// The contract vehicle this answer says is already in place (today's contract is that vehicle, a model that
    /// needs a case for change): keeping it needs no set-up, so the new-vehicle margin does not apply to it and its
    /// supporting answers count without a case for change, unless `meta.json`'s `in_place.unless` holds. It adds no
    /// points.
    #[serde(default)]
    pub in_place: Option<String>,
}

/// A question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Question id.
    pub id: String,
    /// Short stable key used in share links.
    pub key: String,
    /// Single or multiple choice.
    pub kind: Kind,
    /// The question, shown as the page heading.
    pub text: String,
    /// Hint under the heading.
    #[serde(default)]
    pub hint: Option<String>,
    /// Longer help.
    #[serde(default)]
    pub help: Option<String>,
    /// Glossary ids this question introduces.
    #[serde(default)]
    pub defines: Vec<String>,
    /// Shown only when this holds.
    #[serde(default)]
    pub show_if: Option<Condition>,
    /// Error message when nothing is selected.
    pub error: String,
    /// What it measures for the readiness check.
    #[serde(default)]
    pub measures: Option<Measures>,
    /// Options.
    pub options: Vec<Choice>,
}

impl Question {
    /// The bit mask of its exclusive options ("Not sure", "No major gaps"): ticking one clears the others.
    pub fn exclusive_mask(&self) -> u32 {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.exclusive)
            .fold(0, |m, (i, _)| m | (1 << i))
    }
}

/// One file of questions: a section and its questions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    /// The section.
    pub section: Section,
    /// Its questions, in journey order.
    pub questions: Vec<Question>,
}

/// How a case turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseOutcome {
    /// Still running.
    Running,
    /// Renewed.
    Renewed,
    /// Changed into another model.
    Evolved,
    /// Collapsed.
    Collapsed,
    /// Abandoned before or during procurement.
    Abandoned,
    /// Planned, not yet live.
    Emerging,
    /// The sources do not show what became of it, or whether it still runs.
    Unverified,
}

/// One feature of a case's situation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    /// Completes "your answers resemble this case: …".
    pub label: String,
    /// When the user's answers have this feature.
    pub when: Condition,
}

/// When a user's answers resemble a case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resembles {
    /// How many features must match.
    pub min_match: usize,
    /// The features.
    pub features: Vec<Feature>,
}

/// A documented case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Years.
    pub years: String,
    /// Models it used.
    pub models: Vec<String>,
    /// How it turned out.
    pub outcome: CaseOutcome,
    /// The date the outcome (the case's status) speaks for (`YYYY-MM` or `YYYY-MM-DD`): the newest source that
    /// supports it, or the review that could not verify it.
    #[serde(default)]
    pub as_of: Option<String>,
    /// What it was.
    pub what: String,
    /// What happened.
    pub what_happened: String,
    /// The lesson.
    pub lesson: String,
    /// Sources.
    pub sources: Vec<String>,
    /// When the user's answers resemble it.
    pub resembles: Resembles,
}

/// How serious a warning is, on the evidence (see CONTENT.md, "Red flags"). Ordered most serious first, so sorting
/// by severity puts the most serious warning first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The evidence shows it brought an arrangement down or stopped one, or the law or national policy makes the
    /// design unavailable as planned.
    High,
    /// The evidence shows real harm (cost, delay, weaker incentives, a rule or process that must be followed), but
    /// not that it brings an arrangement down by itself.
    Medium,
    /// A precaution the evidence recommends; leaving it out is not shown to do more than weaken the start.
    Low,
}

impl Severity {
    /// The severity's id as written in the content (`high`, `medium`, `low`).
    pub fn id(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }

    /// The severity in words, as the user sees it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::High => "Serious",
            Severity::Medium => "Significant",
            Severity::Low => "Worth checking",
        }
    }
}

/// A warning drawn from failed or abandoned schemes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// Flag id.
    pub id: String,
    /// Title.
    pub title: String,
    /// How serious it is: What to watch and each model's warnings list the most serious first.
    pub severity: Severity,
    /// `transfers-risk`, `new-vehicle`, `situation`, or model ids.
    pub applies_to: Vec<String>,
    /// When the user's answers trigger it.
    pub when: Condition,
    /// For a warning about models: narrower answers that make it concern the situation itself, whatever the models
    /// recommended (for example, a service where patients have an unrestricted choice of provider, whatever the
    /// contract). It is shown in What to watch when both `when` and this hold.
    #[serde(default)]
    pub situation_when: Option<Condition>,
    /// What went wrong.
    pub message: String,
    /// What to do about it.
    pub mitigation: String,
    /// The documented case it comes from, if it comes from one (a warning may rest on guidance or law alone).
    #[serde(default)]
    pub case: Option<String>,
    /// Sources.
    pub sources: Vec<String>,
    /// The date the warning speaks for (`YYYY-MM` or `YYYY-MM-DD`), where it depends on current policy.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// A Provider Selection Regime process.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Route id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The name as it reads inside a sentence ("the most suitable provider process").
    pub in_sentence: String,
    /// What it is.
    pub summary: String,
    /// When it is used.
    pub when_used: String,
    /// Must be used when it applies.
    pub mandatory: bool,
    /// The notices to publish, in order.
    pub notices: Vec<String>,
    /// Whether a standstill period follows the notice of intention to award.
    pub standstill: bool,
    /// What the commissioner must record (the regime's record-keeping, as a checklist).
    pub records: Vec<String>,
    /// Sources.
    pub sources: Vec<String>,
}

/// One row of a decision table: when it matches, it settles the question one way or the other.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRow {
    /// When the row matches (`None`: always, once the rows above it have not matched).
    #[serde(default)]
    pub when: Option<Condition>,
    /// For a process step only: the row also needs the considerable change threshold to be in this state.
    #[serde(default)]
    pub threshold: Option<ThresholdState>,
    /// Whether the process applies (for a step) or the threshold is met (for the threshold).
    pub holds: bool,
    /// Why, from the user's answers, in one or two sentences.
    pub because: String,
}

/// Where the considerable change threshold stands on the answers given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThresholdState {
    /// Met: direct award C is not open.
    Met,
    /// Not met.
    NotMet,
    /// The answers do not settle it.
    Unsettled,
}

/// The considerable change threshold as a decision table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Ordered rows; the first that matches settles it.
    pub rows: Vec<DecisionRow>,
    /// What to say when no row matches.
    pub unsettled: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// One process in an element's table, in the order the Regulations consider them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteStep {
    /// Route id.
    pub route: String,
    /// Ordered rows; the first that matches settles whether the process applies.
    pub rows: Vec<DecisionRow>,
    /// What to say when no row matches (empty when a row always matches).
    pub unsettled: String,
}

/// A statement shown with an element when its condition holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementNote {
    /// When it is shown.
    pub when: Condition,
    /// The statement.
    pub text: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A part of the procurement that is a decision of its own (the existing service, a new element).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteElement {
    /// Element id.
    pub id: String,
    /// Its name when it is the only element.
    pub name: String,
    /// Its name beside another element.
    pub name_beside: String,
    /// When this element is part of the procurement.
    pub when: Condition,
    /// The processes, in the Regulations' order.
    pub steps: Vec<RouteStep>,
    /// Statements shown with it.
    #[serde(default)]
    pub notes: Vec<ElementNote>,
}

/// Whether the Provider Selection Regime applies to the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeUse {
    /// To the whole contract.
    Whole,
    /// Only to the health care services, if procured in a contract of their own.
    HealthPart,
    /// Not at all.
    None,
}

/// One verdict on the regime's scope; the first whose condition holds applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeRow {
    /// Verdict id.
    pub id: String,
    /// When it applies (`None`: always; only the last row).
    #[serde(default)]
    pub when: Option<Condition>,
    /// How far the regime applies.
    #[serde(rename = "use")]
    pub applies: ScopeUse,
    /// What to tell the user.
    pub text: String,
    /// The same in one sentence, for the board paper.
    pub short: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A checklist of records, with its sources.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    /// What to record.
    pub items: Vec<String>,
    /// Sources.
    pub sources: Vec<String>,
}

/// Provider Selection Regime content.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Psr {
    /// Not legal advice.
    pub disclaimer: String,
    /// Sources for the regime as a whole.
    pub sources: Vec<String>,
    /// The route is only worked out once this holds (for example, once the first procurement question is
    /// answered); until then the advice says nothing about procurement.
    #[serde(default)]
    pub applies_when: Condition,
    /// The five processes.
    pub routes: Vec<Route>,
    /// What the regime expects decision-makers to record whatever the process, as a checklist (each process
    /// lists its own as well).
    pub records: Records,
    /// Whether the regime applies at all: ordered verdicts.
    pub scope: Vec<ScopeRow>,
    /// The considerable change threshold.
    pub threshold: Threshold,
    /// The separate decisions, each a table of processes.
    pub elements: Vec<RouteElement>,
    /// Further notes.
    pub notes: Vec<Claim>,
}

/// The whole knowledge base as written in the content files.
#[derive(Debug, Clone)]
pub struct Content {
    /// Version information.
    pub meta: Meta,
    /// Sources.
    pub sources: Vec<Source>,
    /// Glossary.
    pub glossary: Vec<Term>,
    /// Skills.
    pub skills: Vec<Skill>,
    /// Models.
    pub models: Vec<Model>,
    /// Sections, in journey order.
    pub sections: Vec<Section>,
    /// Questions in journey order, with the index of their section.
    pub questions: Vec<(usize, Question)>,
    /// Cases.
    pub cases: Vec<Case>,
    /// Red flags.
    pub red_flags: Vec<RedFlag>,
    /// Procurement routes.
    pub psr: Psr,
    /// The board paper's month-by-month plan: its stages' wording and the planning assumptions behind their
    /// lengths (`plan.json`).
    pub plan: Plan,
}

/// The plan of next steps (`plan.json`): what each stage says and the planning assumptions that size it. The
/// set-up time itself comes from the models' demands, the notices from the procurement route.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// What is assumed rather than taken from the evidence, shown with the plan.
    pub assumptions: String,
    /// Engagement and design.
    pub engagement: PlanStage,
    /// Business case and assurance.
    pub business_case: PlanStage,
    /// Procurement.
    pub procurement: PlanProcurement,
    /// Mobilisation: `what` may hold `{go_live}`, the month of going live.
    pub mobilisation: PlanMobilisation,
    /// A shadow period after going live, when the given warning is raised for the recommended combination.
    pub shadow: PlanShadow,
}

impl Plan {
    /// The months before go-live that procurement does not take, split into engagement and design, business case,
    /// and mobilisation: each at least a month, mobilisation the rest. The three add up to `rest` unless `rest` is
    /// too short for the shares (the validation rules keep the content from allowing that).
    pub fn split(&self, rest: u16) -> [u16; 3] {
        let share = |percent: u16| {
            u16::try_from(u32::from(rest) * u32::from(percent) / 100)
                .unwrap_or(rest)
                .max(1)
        };
        let engagement = share(self.engagement.share_percent);
        let business = share(self.business_case.share_percent);
        let mobilisation = rest
            .saturating_sub(engagement.saturating_add(business))
            .max(1);
        [engagement, business, mobilisation]
    }
}

/// A stage sized as a share of the months before procurement.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStage {
    /// Name.
    pub name: String,
    /// What happens.
    pub what: String,
    /// Its share, in per cent, of the months not taken by procurement (at least one month).
    pub share_percent: u16,
}

/// The procurement stage: its wording with and without a route, and its length by what the route leaves open.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanProcurement {
    /// Name when no route is known.
    pub name: String,
    /// What happens when no route is known.
    pub what: String,
    /// The first sentence when a route is known (its notices follow).
    pub with_route: String,
    /// Months when no route is known.
    pub months_unknown: u16,
    /// Months when a direct award process must be used.
    pub months_required: u16,
    /// Months when direct award C is open.
    pub months_direct_award_c_open: u16,
    /// Months otherwise (a choice between the most suitable provider process and a competition, or another
    /// regime).
    pub months_otherwise: u16,
}

/// Mobilisation: the rest of the months before going live.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMobilisation {
    /// Name.
    pub name: String,
    /// What happens; `{go_live}` is replaced by the month of going live.
    pub what: String,
    /// The fewest months between the end of procurement and going live (business case and mobilisation).
    pub min_months_after_procurement: u16,
}

/// The shadow period.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanShadow {
    /// Name.
    pub name: String,
    /// Months.
    pub months: u16,
    /// The warning that calls for it; its mitigation and sources are what the stage says.
    pub warning: String,
}

/// A content date (`YYYY-MM` or `YYYY-MM-DD`, or `YYYY` where a source gives only the year) as year, month and
/// day (month or day 0 when not given), or `None` when it is not a real date in that form.
pub fn parse_as_of(s: &str) -> Option<(u16, u8, u8)> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some((s.parse().ok()?, 0, 0));
    }
    let mut parts = s.split('-');
    let (y, m) = (parts.next()?, parts.next()?);
    let d = parts.next();
    if parts.next().is_some()
        || y.len() != 4
        || m.len() != 2
        || d.is_some_and(|d| d.len() != 2)
        || !s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let (y, m): (u16, u8) = (y.parse().ok()?, m.parse().ok()?);
    let d: u8 = match d {
        Some(d) => d.parse().ok()?,
        None => 0,
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if d > days || (s.len() == 10 && d == 0) {
        return None;
    }
    Some((y, m, d))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A content date in words: "2025", "March 2026", or "17 February 2026" when the day is given.
pub fn as_of_words(s: &str) -> Option<String> {
    let (y, m, d) = parse_as_of(s)?;
    if m == 0 {
        return Some(y.to_string());
    }
    let month = MONTHS.get(usize::from(m).checked_sub(1)?)?;
    Some(if d == 0 {
        format!("{month} {y}")
    } else {
        format!("{d} {month} {y}")
    })
}

/// A statement with the date it speaks for, as shown to users: "As of March 2026: …". Text without a (valid)
/// date is returned unchanged.
pub fn dated(text: &str, as_of: Option<&str>) -> String {
    match as_of.and_then(as_of_words) {
        Some(words) => format!("As of {words}: {text}"),
        None => text.to_owned(),
    }
}
