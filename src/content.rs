//! The shape of the knowledge base: the JSON files in `src/data/`, as Rust types.
//!
//! These types derive only `Deserialize`: they *are* the content file format, documented for editors in
//! `CONTENT.md`. Nothing here knows about scoring, answers or JavaScript. Unknown fields are rejected so that a
//! typo in a content file fails the tests instead of being silently ignored.

use serde::Deserialize;

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
    /// The date the statement speaks for (`YYYY-MM` or `YYYY-MM-DD`), for statements that depend on policy or on
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
    /// What went wrong.
    pub message: String,
    /// What to do about it.
    pub mitigation: String,
    /// The documented case it comes from, if it comes from one (a warning may rest on guidance or law alone).
    #[serde(default)]
    pub case: Option<String>,
    /// Sources.
    pub sources: Vec<String>,
}

/// A Provider Selection Regime process.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Route id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What it is.
    pub summary: String,
    /// When it is used.
    pub when_used: String,
    /// Must be used when it applies.
    pub mandatory: bool,
    /// Notices and standstill.
    pub notices: String,
    /// Sources.
    pub sources: Vec<String>,
}

/// A rule choosing a route; the first that matches wins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteRule {
    /// Route id.
    pub route: String,
    /// When it applies.
    pub when: Condition,
    /// Why, in one sentence.
    pub because: String,
    /// Other routes open.
    #[serde(default)]
    pub alternatives: Vec<String>,
}

/// The considerable-change test.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsiderableChange {
    /// When the threshold is likely met.
    pub when: Condition,
    /// Text when met.
    pub met: String,
    /// Text when not met.
    pub not_met: String,
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
    /// Ordered rules.
    pub rules: Vec<RouteRule>,
    /// The considerable-change test.
    pub considerable_change: ConsiderableChange,
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
}
