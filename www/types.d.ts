// The shapes the Advisor returns (built in src/api.rs). Strings and integers only; no Maps.

/** A problem with input, in the user's words. */
export interface AdvisorError {
  /** "unknown-question" | "unknown-option" | "wrong-type" | "no-selection" | "exclusive-conflict" | "duplicate" | "hidden-question" | "file" | "link" | "content" */
  code: string;
  questionId: string | null;
  message: string;
}

/** A failed call: nothing was changed. */
export interface Failed { ok: false; errors: AdvisorError[] }

export interface Info {
  crateVersion: string; contentVersion: string; lastReviewed: string; reviewNote: string;
  questionCount: number; mainQuestions: number; followUpQuestions: number;
  /** What to expect before starting, in sentences (time and number of questions). */
  beforeYouStart: string[];
  arrangementCount: number; vehicleCount: number; paymentCount: number; caseCount: number; sourceCount: number;
}

export interface OptionView { id: string; label: string; hint: string | null; exclusive: boolean; selected: boolean }
export interface TermView { id: string; term: string; definition: string; sources: string[] }

export interface QuestionView {
  id: string; sectionTitle: string; kind: "single" | "multi"; text: string; hint: string | null; help: string | null;
  /** The error message to show when nothing is selected. */
  error: string;
  options: OptionView[];
  /** Terms defined on this page for the first time in the user's journey. */
  terms: TermView[];
  /** Position among the questions that apply, 1-based, and how many apply. */
  number: number; total: number;
  previous: string | null; next: string | null;
}

export interface JourneyItem { id: string; sectionTitle: string; text: string; answers: string[] }
export interface Journey { items: JourneyItem[]; answered: number; total: number; next: string | null; complete: boolean }

export interface ClaimView { text: string; sources: string[] }
export interface ContributionView {
  questionId: string; question: string; optionId: string; answer: string;
  points: number; why: string; sources: string[]; serious: boolean;
}
export interface SkillView {
  id: string; name: string; need: "some" | "strong"; have: "none" | "buy-in" | "in-house" | null;
  /** The answer the user gave, as worded in the question, or null when unanswered. */
  answer: string | null;
  status: "ready" | "partial" | "gap" | "unknown"; gap: string; remedy: string; sources: string[];
}
export interface ReadinessView {
  leadTime: string; leadTimeMonths: [number, number]; leadTimeNote: string; monthsAvailable: number | null;
  timeStatus: "ready" | "partial" | "gap" | "unknown"; upfrontCost: "low" | "medium" | "high";
  costStatus: "ready" | "partial" | "gap" | "unknown"; skills: SkillView[]; hasGap: boolean;
  /** Plain statements of what is missing and what it would take. */
  summary: string[]; sources: string[];
}
export interface FlagView { id: string; title: string; severity: 'high' | 'medium' | 'low'; severityLabel: string; message: string; mitigation: string; because: string[]; caseId: string | null; caseName: string | null; sources: string[];
  /** Which other options that may also suit a warning concerns, in words; null for the situation, the recommended combination and a model's own warnings. */
  appliesIf: string | null }

export interface ModelResult {
  id: string; name: string; layer: "arrangement" | "vehicle" | "payment"; rank: number;
  /** Score: exactly the sum of the points of `reasons` and `concerns` (never of `withheld`). */
  score: number;
  /** The points that could count for it on the questions that apply. */
  reachable: number;
  /** What the score is divided by: reachable + a prior, and at least the layer's average attainable maximum. */
  fitDivisor: number;
  /** Its fit in hundredths: score ÷ fitDivisor, less `margin`. The ranking compares fits exactly. */
  fitPercent: number;
  /** Short name, as used within a sentence. */
  shortName: string;
  /** The points of fit it is placed lower by when ranked: the new-vehicle margin for a new contract vehicle, else 0. */
  margin: number;
  /** The basis of the fit in words: "14 of the 20 points that could count for it …". */
  basis: string;
  fit: "best" | "close" | "partial" | "poor" | "ruled-out" | "unknown";
  /** Hedged wording, e.g. "may suit you best". */
  fitLabel: string;
  /** A failed precondition keeps it out of "may suit you" while the answer stands. */
  ruledOut: boolean;
  summary: string; definition: string; synonyms: string[];
  status: "established" | "emerging" | "superseded"; statusNote: string | null;
  whenItFits: string[]; riskCarrier: string; moneyFlow: string; governance: string;
  pros: ClaimView[]; cons: ClaimView[]; risks: ClaimView[];
  reasons: ContributionView[]; concerns: ContributionView[]; seriousConcerns: number;
  /** Answers that support a new contract vehicle but are not counted while there is no case for changing the contract. */
  withheld: ContributionView[];
  /** Why they are not counted (present when `withheld` is not empty). */
  withheldNote: string | null;
  /** The sources of that note (empty when there is none). */
  withheldSources: string[];
  /** For a new contract vehicle, why its fit is placed lower or, when it is already in place, why it is not; for
   *  another model, why it is ranked before new contract vehicles that fit the answers better (only the margin puts
   *  it there). */
  marginNote: string | null;
  /** Today's contract is already this vehicle: it carries no margin. */
  inPlace: boolean;
  /** The sources of that note (empty when there is none). */
  marginSources: string[];
  /** The score split by section of the questionnaire (columns as Recommendation.sections); null: nothing counted. */
  bySection: (number | null)[];
  readiness: ReadinessView; redFlags: FlagView[]; pairsWith: string[]; cases: string[]; sources: string[];
}
/** A recommended combination of the three layers; ids and names are empty when a layer has nothing to offer. */
export interface CombinationView {
  arrangementId: string; arrangement: string; vehicleId: string; vehicle: string; paymentId: string; payment: string;
  /** An overlay payment rule (outcome-linked) carried beside the core one; empty when none fits. */
  overlayId: string; overlay: string;
  /** "Section 75 pooled fund + alliance agreement + block payment with an outcome-linked share" */
  text: string;
}
/** A layer whose first place is shared, with what would separate the models, in words. */
export interface TieView {
  layer: "arrangement" | "vehicle" | "payment"; modelIds: string[]; text: string;
  /** Whether the text names a question whose answer would separate the tied models. */
  separated: boolean;
}
export interface ConfidenceView {
  level: "high" | "medium" | "low";
  /** What the level means here, in one sentence. */
  summary: string;
  answered: number; total: number; reasons: string[];
}
export interface BasedOn { questionId: string; question: string; answers: string[] }
export interface RouteView {
  id: string; name: string; summary: string; whenUsed: string; mandatory: boolean;
  /** The notices to publish, in order. */
  notices: string[];
  standstill: boolean;
  /** What to record, as a checklist. */
  records: string[];
  sources: string[];
}
export interface RouteStepView {
  route: RouteView; status: "required" | "open" | "not-open" | "unsettled"; statusLabel: string; because: string;
}
export interface ThresholdView { state: "met" | "not-met" | "unsettled"; because: string; sources: string[] }
export interface ElementView {
  id: string; name: string; verdict: string; required: string | null; open: string[]; unsettled: string[];
  steps: RouteStepView[]; threshold: ThresholdView | null; notes: ClaimView[];
}
export interface ScopeView {
  id: "psr" | "psr-mixed" | "mostly-other" | "outside" | "unsettled" | "assumed";
  applies: "whole" | "health-part" | "none"; text: string; short: string; sources: string[];
}
export interface SummaryView {
  combination: string; fit: string; reasons: ContributionView[]; watch: FlagView[]; watchTotal: number;
  readiness: string; procurement: string | null; confidence: string;
}
export interface OpenQuestionView { questionId: string; question: string }
export interface ProcurementView {
  scope: ScopeView; elements: ElementView[]; summary: string; basedOn: BasedOn[];
  openQuestions: OpenQuestionView[]; disclaimer: string; notes: ClaimView[]; sources: string[];
}
export interface StepView { questionId: string; question: string; from: string[]; to: string[] }
export interface WhatIfView {
  layer: "arrangement" | "vehicle" | "payment"; changes: StepView[]; currentLeader: string; newLeader: string; newLeaderId: string;
  lead: number; text: string;
}
export interface CaseMatchView { id: string; name: string; outcome: string; status: string; lesson: string; matched: string[]; sources: string[] }
export interface SourceView {
  id: string; title: string; publisher: string; author: string | null; year: string; url: string; note: string; caution: string | null;
}
export interface Recommendation {
  contentVersion: string; lastReviewed: string;
  /** Titles of the questionnaire's sections, in order. */
  sections: string[];
  confidence: ConfidenceView;
  /** The recommended combination first, then up to two alternatives. */
  combinations: CombinationView[];
  ties: TieView[];
  arrangements: ModelResult[]; vehicles: ModelResult[]; payments: ModelResult[];
  procurement: ProcurementView | null; whatIf: WhatIfView[]; resembles: CaseMatchView[];
  /** The answer on one screen (null until a vehicle can be recommended). */
  summary: SummaryView | null;
  /** What to watch: every warning the answers trigger for the situation or the recommended combination. */
  watch: FlagView[];
  /** The warnings the answers trigger for the other options that may also suit, not already in watch. */
  watchAlso: FlagView[];
  /** Every source cited anywhere in this recommendation. */
  sources: SourceView[];
}

export interface CatalogueQuestion { id: string; text: string; hint: string | null; kind: "single" | "multi"; conditional: boolean; options: string[] }
export interface CatalogueSection { title: string; intro: string; questions: CatalogueQuestion[] }
export interface CatalogueModel {
  id: string; name: string; layer: "arrangement" | "vehicle" | "payment"; summary: string; synonyms: string[]; riskCarrier: string;
  moneyFlow: string; leadTime: string; upfrontCost: string; skills: string[]; cases: string[]; sources: string[];
}
export interface CatalogueCase {
  id: string; name: string; years: string; models: string[]; outcome: string; status: string; what: string; whatHappened: string;
  lesson: string; sources: string[];
}
export interface Catalogue {
  info: Info; sections: CatalogueSection[]; models: CatalogueModel[]; cases: CatalogueCase[];
  routes: RouteView[]; glossary: TermView[]; sources: SourceView[];
}

export type QuestionResult = { ok: true; question: QuestionView } | Failed;
export type AnswerResult = { ok: true; next: string | null; journey: Journey } | Failed;
export type LoadResult = { ok: true; notes: string[]; journey: Journey } | Failed;
export type RecommendForResult = { ok: true; recommendation: Recommendation } | Failed;

export interface PaperItem { lead: string | null; text: string }
export type PaperBlock =
  | { kind: "heading"; text: string } | { kind: "para"; text: string }
  | { kind: "bullets"; items: PaperItem[] } | { kind: "numbered"; items: PaperItem[] }
  | { kind: "checklist"; items: string[] } | { kind: "table"; header: string[]; rows: string[][] };
export interface PaperSection { heading: string; blocks: PaperBlock[] }
export interface TimelineStage { id: "engagement" | "business-case" | "procurement" | "mobilisation" | "shadow"; name: string; start: number; end: number; what: string; sources: string[] }
export interface Timeline {
  leadTimeMonths: [number, number]; monthsAvailable: number | null; goLive: number; total: number; fits: boolean | null;
  summary: string; assumptions: string; stages: TimelineStage[]; sources: string[];
}
export interface Paper { title: string; cover: [string, string][]; sections: PaperSection[]; appendix: PaperSection[]; timeline: Timeline }
export type BoardPaperResult = { ok: true; paper: Paper; markdown: string } | Failed;
export type PaperDocxResult = { ok: true; bytes: Uint8Array } | Failed;
