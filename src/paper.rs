//! The board paper: an options appraisal of two to four A4 pages in the usual shape of an NHS board paper.
//!
//! Purpose and the decision sought (at most three recommendations, one verb each), the situation in the user's
//! answers, the options considered (the top combinations and no new contract as the do-nothing baseline), the
//! preferred option and why, risks and mitigations, resources, the procurement route with the records the
//! Provider Selection Regime expects, next steps as a timeline ([`crate::timeline`]), and the sources by
//! publisher and year; the full detail is an optional appendix.
//!
//! [`build`] makes a [`Paper`] of plain blocks from the same [`crate::api::Recommendation`] the page renders;
//! [`markdown`] renders it (the Word document renders the same blocks). Every block's text is printed once: the
//! builder drops a paragraph it has already written.

use std::collections::BTreeSet;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::api::{self, ClaimView, ModelResult, Recommendation};
use crate::error::{Error, ErrorKind};
use crate::kb::Kb;
use crate::timeline::{self, Timeline};

/// The vehicle that stands for doing nothing new: keep today's contracts and work together. It is always an
/// option in the paper, as the baseline the others are compared with.
pub const BASELINE_VEHICLE: &str = "no-new-contract";

/// Sources named for one statement: the first ones the content gives (the full report lists them all), so
/// that the paper's reference list stays short.
const MAX_CITED: usize = 1;

/// Warnings given in full in the risks table; the rest are counted after it and given in the appendix or the full
/// report. A paper that would still reach [`WORD_LIMIT`] without its what-if pointer gives one fewer, and one that
/// would reach it even then gives only the most serious ([`MIN_RISKS`]).
const MAX_RISKS: usize = 3;

/// The fewest warnings the risks table gives: the last stage but one of shortening (3 of 800 random answer sets still
/// reached the limit with two risks).
const MIN_RISKS: usize = 1;

/// The strongest reasons the preferred option's section gives from the user's answers; the last stage of shortening
/// gives [`MIN_REASONS`] (one tuning scenario, a joint venture renewed with a pooled fund, reached the limit with one
/// risk and three reasons).
const MAX_REASONS: usize = 3;

/// The fewest reasons for the preferred option: the last stage of shortening.
const MIN_REASONS: usize = 2;

/// Answers in the situation table (money, capability and procurement come back in sections 6 to 8).
const MAX_SITUATION: usize = 6;

/// Options in the short list, the do-nothing baseline included.
const MAX_OPTIONS: usize = 3;

/// One item of a list: an optional lead-in (shown in bold) and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Lead-in, such as a warning's title.
    pub lead: Option<String>,
    /// The text.
    pub text: String,
}

/// A block of the paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Block {
    /// A sub-heading (level 3).
    Heading {
        /// The heading.
        text: String,
    },
    /// A paragraph.
    Para {
        /// The text.
        text: String,
    },
    /// A bulleted list.
    Bullets {
        /// The items.
        items: Vec<Item>,
    },
    /// A numbered list.
    Numbered {
        /// The items.
        items: Vec<Item>,
    },
    /// A checklist to fill in.
    Checklist {
        /// The items.
        items: Vec<String>,
    },
    /// A table with a header row.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows, each as long as the header.
        rows: Vec<Vec<String>>,
    },
}

/// A numbered section of the paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// The heading (level 2).
    pub heading: String,
    /// The blocks.
    pub blocks: Vec<Block>,
}

/// The board paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paper {
    /// Title (level 1).
    pub title: String,
    /// The cover sheet: field and value.
    pub cover: Vec<(String, String)>,
    /// The body, in order.
    pub sections: Vec<Section>,
    /// The appendix (empty unless asked for).
    pub appendix: Vec<Section>,
    /// The timeline behind the next steps.
    pub timeline: Timeline,
}

/// Options for [`build`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Add the full detail as an appendix.
    pub appendix: bool,
}

/// The likely procurement route as the paper uses it. Read from the recommendation by [`procurement`], the one
/// place that knows the shape of the route view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// Name of the process.
    pub name: String,
    /// What it is.
    pub summary: String,
    /// Why it likely applies.
    pub because: String,
    /// Notices and standstill.
    pub notices: String,
    /// Other processes open.
    pub also_open: Vec<String>,
    /// The considerable-change statement, when the answers bear on it.
    pub considerable_change: Option<String>,
    /// Not legal advice.
    pub disclaimer: String,
    /// Sources.
    pub sources: Vec<String>,
    /// Months the plan gives the route's steps (a planning assumption): one for a direct award that must be used,
    /// two when direct award C is open (assess against the key criteria, notice of intention, the 8-working-day
    /// standstill, award), four when the choice is between the most suitable provider process and a competition.
    pub months: u16,
    /// What to record for the processes still open, from the content (empty when the regime does not apply).
    pub records: Vec<String>,
}

/// The route from the procurement view: the verdict for each part of the procurement, the scope where it is not
/// plainly health care, the notices of the first process that must or may be used, and the records to keep for
/// every process still open.
pub fn procurement(kb: &Kb, rec: &Recommendation) -> Option<Route> {
    let p = rec.procurement.as_ref()?;
    fn live(e: &crate::api::ElementView) -> Vec<&crate::api::RouteView> {
        e.steps
            .iter()
            .filter(|s| s.status == "required" || s.status == "open")
            .map(|s| &s.route)
            .collect()
    }
    // Planning assumptions (plan.json): months for a direct award that must be used, when direct award C is open,
    // and otherwise (a choice between the most suitable provider process and a competition, or another regime).
    let m = &kb.content.plan.procurement;
    let months = p
        .elements
        .iter()
        .map(|e| {
            if e.required.is_some() {
                m.months_required
            } else if e.open.iter().any(|id| id == "direct-award-c") {
                m.months_direct_award_c_open
            } else {
                m.months_otherwise
            }
        })
        .max()
        .unwrap_or(m.months_otherwise);
    let name = match p.elements.as_slice() {
        [e] => match &e.required {
            Some(_) => live(e)
                .first()
                .map_or_else(|| "Procurement".to_owned(), |r| r.name.clone()),
            None => "Procurement".to_owned(),
        },
        _ => "Procurement".to_owned(),
    };
    let first_live = p.elements.iter().find_map(|e| live(e).first().copied());
    // The records of the first process each part would use (the one that must be used, or the first open); the
    // full report lists every process's records.
    let mut records: Vec<String> = Vec::new();
    for e in &p.elements {
        for rec in live(e)
            .first()
            .map(|r| r.records.as_slice())
            .unwrap_or_default()
        {
            if !records.contains(rec) {
                records.push(rec.clone());
            }
        }
    }
    Some(Route {
        name,
        summary: p.summary.clone(),
        because: if p.scope.id == "psr" {
            String::new()
        } else {
            p.scope.short.clone()
        },
        notices: first_live.map(|r| r.notices.join(" ")).unwrap_or_default(),
        also_open: Vec::new(),
        // Only a settled threshold: an unsettled one is already in the summary ("may also be open").
        considerable_change: p.elements.iter().find_map(|e| {
            e.threshold
                .as_ref()
                .filter(|t| t.state != crate::content::ThresholdState::Unsettled)
                .map(|t| t.because.clone())
        }),
        disclaimer: p.disclaimer.clone(),
        sources: p.sources.clone(),
        records,
        months,
    })
}

/// Writes the paper's blocks, keeping each paragraph once and collecting the sources cited.
struct Writer<'k> {
    kb: &'k Kb,
    seen: BTreeSet<String>,
    cited: Vec<String>,
}

impl Writer<'_> {
    /// " (NHS England, 2025; The King's Fund, 2014)": publisher and year of each source, once each.
    fn cite(&mut self, ids: &[String]) -> String {
        self.cite_all(ids.get(..MAX_CITED).unwrap_or(ids))
    }

    /// As [`Writer::cite`], naming every source given.
    fn cite_all(&mut self, ids: &[String]) -> String {
        let mut names: Vec<String> = Vec::new();
        for id in ids {
            let Some(s) = self.kb.source(id) else {
                continue;
            };
            if !self.cited.contains(id) {
                self.cited.push(id.clone());
            }
            let publisher = s.publisher.split(';').next().unwrap_or(&s.publisher).trim();
            let name = format!("{publisher}, {}", s.year);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.is_empty() {
            String::new()
        } else {
            format!(" ({})", names.join("; "))
        }
    }

    /// True the first time a text is written.
    fn once(&mut self, text: &str) -> bool {
        self.seen.insert(text.trim().to_owned())
    }

    fn claim(&mut self, c: &ClaimView) -> Option<String> {
        if !self.once(&c.text) {
            return None;
        }
        Some(format!("{}{}", c.text, self.cite(&c.sources)))
    }
}

/// A combination of models as the paper names it ("Section 75 pooled fund + alliance agreement + block payment").
fn option_letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i % 26).unwrap_or(0))
}

fn find<'a>(list: &'a [ModelResult], id: &str) -> Option<&'a ModelResult> {
    list.iter().find(|m| m.id == id)
}

/// An option of the short list: a combination, or the baseline.
struct Opt<'a> {
    name: String,
    baseline: bool,
    arrangement: Option<&'a ModelResult>,
    vehicle: &'a ModelResult,
    payment: Option<&'a ModelResult>,
}

impl Opt<'_> {
    fn models(&self) -> impl Iterator<Item = &ModelResult> {
        [self.arrangement, Some(self.vehicle), self.payment]
            .into_iter()
            .flatten()
    }

    fn lead_time(&self) -> [u16; 2] {
        let lo = self
            .models()
            .map(|m| m.readiness.lead_time_months[0])
            .max()
            .unwrap_or(0);
        let hi = self
            .models()
            .map(|m| m.readiness.lead_time_months[1])
            .max()
            .unwrap_or(0);
        [lo, hi.max(lo)]
    }

    /// The sources for the set-up time: those of the models whose lead time sets the option's range.
    fn lead_time_sources(&self) -> Vec<String> {
        let [lo, hi] = self.lead_time();
        let mut out: Vec<String> = Vec::new();
        for m in self.models() {
            let [a, b] = m.readiness.lead_time_months;
            if a == lo || b == hi {
                for s in &m.readiness.sources {
                    if !out.contains(s) {
                        out.push(s.clone());
                    }
                }
            }
        }
        out
    }

    fn cost(&self) -> &'static str {
        let rank = |c: &str| match c {
            "high" => 2,
            "medium" => 1,
            _ => 0,
        };
        self.models()
            .map(|m| m.readiness.upfront_cost)
            .max_by_key(|c| rank(c))
            .unwrap_or("low")
    }

    /// Fit in words, layer by layer: "Vehicle: may suit you best; arrangement: …; payment: …".
    fn fit(&self) -> String {
        let mut parts = vec![format!("Vehicle {}", self.vehicle.fit_label)];
        if let Some(a) = self.arrangement {
            parts.push(format!("arrangement {}", a.fit_label));
        }
        if let Some(p) = self.payment {
            parts.push(format!("payment {}", p.fit_label));
        }
        parts.join("; ")
    }
}

fn short_name(kb: &Kb, m: &ModelResult) -> String {
    kb.model(&m.id)
        .map_or_else(|| m.name.clone(), |(_, model)| model.short_name.clone())
}

fn options<'a>(kb: &Kb, rec: &'a Recommendation) -> Vec<Opt<'a>> {
    let mut out: Vec<Opt<'a>> = rec
        .combinations
        .iter()
        .filter_map(|c| {
            Some(Opt {
                name: c.text.clone(),
                baseline: c.vehicle_id == BASELINE_VEHICLE,
                arrangement: find(&rec.arrangements, &c.arrangement_id),
                vehicle: find(&rec.vehicles, &c.vehicle_id)?,
                payment: find(&rec.payments, &c.payment_id),
            })
        })
        .collect();
    if !out.iter().take(MAX_OPTIONS).any(|o| o.baseline) {
        out.truncate(MAX_OPTIONS - 1);
        if let Some(v) = find(&rec.vehicles, BASELINE_VEHICLE) {
            out.push(Opt {
                name: crate::engine::upper_first(&short_name(kb, v)),
                baseline: true,
                arrangement: None,
                vehicle: v,
                payment: None,
            });
        }
    }
    out.truncate(MAX_OPTIONS);
    out
}

/// The strongest reasons for the preferred option, from the user's own answers: the strongest for the vehicle,
/// the arrangement and the payment rule in turn, then the next of each, one per question, until `n`.
fn reasons<'a>(opt: &Opt<'a>, n: usize) -> Vec<&'a api::ContributionView> {
    let lists: Vec<&'a [api::ContributionView]> = [Some(opt.vehicle), opt.arrangement, opt.payment]
        .into_iter()
        .flatten()
        .map(|m| m.reasons.as_slice())
        .collect();
    let mut questions = BTreeSet::new();
    let mut out = Vec::new();
    let longest = lists.iter().map(|l| l.len()).max().unwrap_or(0);
    for i in 0..longest {
        for l in &lists {
            if let Some(c) = l.get(i) {
                if out.len() < n && questions.insert(c.question_id.clone()) {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn item(text: String) -> Item {
    Item { lead: None, text }
}

fn lead(lead: &str, text: String) -> Item {
    Item {
        lead: Some(lead.to_owned()),
        text,
    }
}

/// Builds the board paper for a set of answers.
///
/// # Errors
/// [`ErrorKind::NoRecommendation`] when the answers give no recommended combination yet.
pub fn build(kb: &Kb, answers: &Answers, opts: Options) -> Result<Paper, Error> {
    // A board paper is two to four pages: when the body would reach the limit, its pointer to what would change the
    // advice goes (the results and the appendix keep every what-if), then its third risk joins the others in the
    // appendix or the full report, then its second, and last it gives two reasons for the preferred option, not three.
    // The stage is chosen on the paper without its appendix, so that the body is the same with or without one (the
    // appendix's own citations join the source list, and no cut to the body can remove them).
    // The recommendation and the journey are the same at every stage: work them out once.
    let rec = api::recommendation(kb, answers);
    let journey = api::journey(kb, answers);
    let at = |opts, stage| build_at(kb, answers, &rec, &journey, opts, stage);
    let body = Options { appendix: false };
    let [earlier @ .., last] = &STAGES;
    for stage in earlier {
        let paper = at(body, *stage)?;
        if body_words(&paper) < WORD_LIMIT {
            // Without an appendix, the paper measured is the paper.
            return if opts.appendix {
                at(opts, *stage)
            } else {
                Ok(paper)
            };
        }
    }
    at(opts, *last)
}

/// How much a board paper gives at one stage of shortening.
#[derive(Debug, Clone, Copy)]
struct Stage {
    /// Whether it points to what would change the advice.
    what_if: bool,
    /// The warnings its risks table gives in full.
    risks: usize,
    /// The reasons it gives for the preferred option.
    reasons: usize,
}

/// The stages of shortening, longest first: the first whose body stays under [`WORD_LIMIT`] is used, and the last
/// whatever its length.
const STAGES: [Stage; 5] = [
    Stage {
        what_if: true,
        risks: MAX_RISKS,
        reasons: MAX_REASONS,
    },
    Stage {
        what_if: false,
        risks: MAX_RISKS,
        reasons: MAX_REASONS,
    },
    Stage {
        what_if: false,
        risks: MAX_RISKS - 1,
        reasons: MAX_REASONS,
    },
    Stage {
        what_if: false,
        risks: MIN_RISKS,
        reasons: MAX_REASONS,
    },
    Stage {
        what_if: false,
        risks: MIN_RISKS,
        reasons: MIN_REASONS,
    },
];

/// The words of a paper's body, without its appendix.
fn body_words(p: &Paper) -> usize {
    let body = Paper {
        appendix: Vec::new(),
        ..p.clone()
    };
    word_count(&render_markdown(&body))
}

/// The most words the body of a board paper (without its appendix) may have.
pub const WORD_LIMIT: usize = 1_800;

fn build_at(
    kb: &Kb,
    answers: &Answers,
    rec: &api::Recommendation,
    journey: &api::Journey,
    opts: Options,
    stage: Stage,
) -> Result<Paper, Error> {
    let Stage {
        what_if,
        risks,
        reasons: reason_count,
    } = stage;
    let no_rec = || {
        Error::new(
            ErrorKind::NoRecommendation,
            "There is no recommended combination yet, so there is no board paper to write: answer more of the questions first.",
        )
    };
    let combination = rec.combinations.first().ok_or_else(no_rec)?;
    let short = options(kb, rec);
    let preferred = short.first().ok_or_else(no_rec)?;
    let route = procurement(kb, rec);
    let plan = timeline::plan(kb, answers, rec, route.as_ref()).ok_or_else(no_rec)?;
    let mut w = Writer {
        kb,
        seen: BTreeSet::new(),
        cited: Vec::new(),
    };

    // Recommendations: one verb each, at most three.
    let preferred_words = if preferred.baseline {
        format!(
            "keeping today's contracts and working together without a new contract ({}) as the preferred option",
            combination.text
        )
    } else {
        format!(
            "developing {} as the preferred option, to be worked up into a full business case",
            combination.text
        )
    };
    let mut recommendations = vec![format!("endorse {preferred_words}")];
    if let Some(r) = &route {
        recommendations.push(format!(
            "note that the likely procurement route is the {}, subject to procurement and legal advice",
            crate::engine::lower_first(&r.name)
        ));
    }
    recommendations.push(format!(
        "approve the next steps and timetable in section 8, with a report back at the end of the business case stage (month {})",
        plan.stages
            .iter()
            .find(|s| s.id == "business-case")
            .map_or(plan.go_live, |s| s.end)
    ));

    // The cover sheet's usual fields; the ones only the author can fill are left to complete.
    let cover = vec![
        ("Meeting and date".to_owned(), "To complete".to_owned()),
        (
            "Author and sponsoring director".to_owned(),
            "To complete".to_owned(),
        ),
        ("Purpose".to_owned(), "For decision".to_owned()),
        (
            "Confidence in the advice".to_owned(),
            rec.confidence.summary.clone(),
        ),
        (
            "Prepared with".to_owned(),
            format!(
                "The Integrated Care Contract Advisor (content version {}, reviewed {}). It suggests options to consider; it is not a decision, and not legal advice.",
                rec.content_version, rec.last_reviewed
            ),
        ),
    ];
    // The cover carries the confidence summary; the body does not repeat it.
    for (_, v) in &cover {
        w.once(v);
    }

    let mut sections = Vec::new();

    // 1. Purpose.
    sections.push(Section {
        heading: "1. Purpose and decision sought".to_owned(),
        blocks: vec![
            Block::Para {
                text: "This paper appraises how to contract for the service described below: the commissioning arrangement, the contract vehicle and the payment rule.".to_owned(),
            },
            Block::Para {
                text: "The board is asked to:".to_owned(),
            },
            Block::Numbered {
                items: recommendations
                    .iter()
                    .map(|r| item(crate::engine::upper_first(r) + "."))
                    .collect(),
            },
        ],
    });

    // 2. Situation: the first answer of each part of the questionnaire, unless section 4 quotes it (as a reason,
    // the concern or what would change the advice).
    let top_reasons = reasons(preferred, reason_count);
    let concern = preferred
        .models()
        .flat_map(|m| &m.concerns)
        .min_by_key(|c| (!c.serious, c.points));
    let mut quoted: BTreeSet<&str> = top_reasons
        .iter()
        .map(|c| c.question_id.as_str())
        .chain(concern.map(|c| c.question_id.as_str()))
        .collect();
    if let Some(c) = rec.what_if.first() {
        quoted.extend(c.changes.iter().map(|s| s.question_id.as_str()));
    }
    let mut rows = Vec::new();
    let mut last_section = String::new();
    for i in &journey.items {
        if i.answers.is_empty() || i.section_title == last_section {
            continue;
        }
        last_section = i.section_title.clone();
        if !quoted.contains(i.id.as_str()) && rows.len() < MAX_SITUATION {
            rows.push(vec![i.text.clone(), i.answers.join("; ")]);
        }
    }
    sections.push(Section {
        heading: "2. The situation".to_owned(),
        blocks: vec![
            Block::Para {
                text: format!(
                    "The advice rests on {} answers to the {} questions that apply. Besides those quoted in section 4, the main ones are below{}.",
                    rec.confidence.answered,
                    rec.confidence.total,
                    if opts.appendix {
                        ", and every answer is in the appendix"
                    } else {
                        ""
                    }
                ),
            },
            Block::Table {
                header: vec!["Question".to_owned(), "Answer".to_owned()],
                rows,
            },
        ],
    });

    // 3. Options.
    let mut blocks = vec![
        Block::Para {
            text: format!(
                "Each arrangement, vehicle and payment rule was scored against the answers. The short list is the {} best-fitting combinations and, as the do-nothing baseline, no new contract. Set-up time and cost are for the slowest and costliest part of each option.",
                short.iter().filter(|o| !o.baseline).count()
            ),
        },
        Block::Table {
            header: vec![
                "Option".to_owned(),
                "Fit".to_owned(),
                "Set-up time".to_owned(),
                "Upfront cost".to_owned(),
            ],
            rows: short
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let baseline = if o.baseline { " (baseline)" } else { "" };
                    vec![
                        format!("{}. {}{baseline}", option_letter(i), o.name),
                        o.fit(),
                        crate::readiness::months_range(o.lead_time()),
                        o.cost().to_owned(),
                    ]
                })
                .collect(),
        },
    ];
    let mut setup_sources = Vec::new();
    for o in &short {
        for id in o.lead_time_sources() {
            if !setup_sources.contains(&id) {
                setup_sources.push(id);
            }
        }
    }
    setup_sources.truncate(3);
    let cite = w.cite_all(&setup_sources);
    if let Some(Block::Para { text }) = blocks.first_mut() {
        text.insert_str(text.len() - 1, &cite);
    }
    for (i, o) in short.iter().enumerate() {
        let mut items = Vec::new();
        if let Some(c) = o.vehicle.pros.iter().find_map(|c| w.claim(c)) {
            items.push(lead("For", c));
        }
        if let Some(c) = o.vehicle.cons.iter().find_map(|c| w.claim(c)) {
            items.push(lead("Against", c));
        }
        if items.is_empty() {
            continue;
        }
        let baseline = if o.baseline {
            " (do-nothing baseline)"
        } else {
            ""
        };
        blocks.push(Block::Heading {
            text: format!("Option {}: {}{baseline}", option_letter(i), o.name),
        });
        blocks.push(Block::Bullets { items });
    }
    sections.push(Section {
        heading: "3. Options considered".to_owned(),
        blocks,
    });

    // 4. Preferred option.
    let mut blocks = vec![Block::Para {
        text: "Option A may suit best. The strongest reasons, from the answers given:".to_owned(),
    }];
    let mut items = Vec::new();
    for c in top_reasons {
        if w.once(&c.why) {
            items.push(item(format!(
                "You answered “{}” to “{}”. {}{}",
                c.answer,
                c.question,
                c.why,
                w.cite(&c.sources)
            )));
        }
    }
    blocks.push(Block::Bullets { items });
    // Where only the new-vehicle margin puts the preferred vehicle first, the board is told so, with its sources.
    if let Some(note) = preferred
        .vehicle
        .margin_note
        .as_ref()
        .filter(|_| preferred.vehicle.margin == 0)
    {
        if w.once(note) {
            let cite = w.cite(&preferred.vehicle.margin_sources);
            blocks.push(Block::Para {
                text: format!("{note}{cite}"),
            });
        }
    }
    if let Some(c) = concern {
        if w.once(&c.why) {
            blocks.push(Block::Para {
                text: format!(
                    "Against it: you answered “{}” to “{}”. {}{}",
                    c.answer,
                    c.question,
                    c.why,
                    w.cite(&c.sources)
                ),
            });
        }
    }
    let mut uncertain: Vec<String> = rec.ties.iter().map(|t| t.text.clone()).collect();
    uncertain.retain(|t| w.once(t));
    if !uncertain.is_empty() {
        blocks.push(Block::Para {
            text: uncertain.join(" "),
        });
    }
    // One pointer to what would change the advice is enough for a board: a tie that names the answer separating
    // its models is one; otherwise (no tie, or a tie no single answer separates) the first what-if.
    let said = rec.ties.iter().any(|t| t.separated);
    if let Some(c) = rec.what_if.first().filter(|_| what_if && !said) {
        if w.once(&c.text) {
            blocks.push(Block::Para {
                text: format!(
                    "What would change this advice, for example: {}",
                    crate::engine::lower_first(&c.text)
                ),
            });
        }
    }
    sections.push(Section {
        heading: "4. The preferred option and why".to_owned(),
        blocks,
    });

    // 5. Risks.
    let mut blocks = Vec::new();
    if rec.watch.is_empty() {
        blocks.push(Block::Para {
            text: "The answers raise no warning from the documented cases or guidance for this option. Risks will still need a register of their own once the design starts.".to_owned(),
        });
    } else {
        blocks.push(Block::Para {
            text: "The answers raise these warnings, drawn from documented cases and guidance, most serious first:".to_owned(),
        });
        let mut rows = Vec::new();
        for f in rec.watch.iter().take(risks) {
            if w.once(&f.mitigation) {
                let cite = w.cite(&f.sources);
                rows.push(vec![f.title.clone(), format!("{}{cite}", f.mitigation)]);
            }
        }
        blocks.push(Block::Table {
            header: vec!["Risk".to_owned(), "Mitigation".to_owned()],
            rows,
        });
        let more = rec.watch.len().saturating_sub(risks);
        if more > 0 {
            let place = if opts.appendix {
                "appendix C"
            } else {
                "the full report"
            };
            let (plural, each) = if more == 1 {
                ("warning", "it")
            } else {
                ("warnings", "each")
            };
            let these = if risks == 1 { "this" } else { "these" };
            blocks.push(Block::Para {
                text: format!(
                    "The answers raise {more} further {plural}, none more serious than {these}; {place} gives what to do about {each}."
                ),
            });
        }
    }
    sections.push(Section {
        heading: "5. Risks and mitigations".to_owned(),
        blocks,
    });

    // 6. Resources.
    let costliest = preferred
        .models()
        .find(|m| m.readiness.upfront_cost == preferred.cost())
        .unwrap_or(preferred.vehicle);
    let spend = match costliest.readiness.cost_status {
        "ready" => "within what the answers say you can spend on set-up",
        "partial" => "a step above what the answers say you can spend on set-up",
        "gap" => "more than the little the answers report for set-up: budget for design, legal and financial advice before starting",
        _ => "the answers do not say what you can spend on set-up",
    };
    let mut items = vec![lead(
        "Money",
        format!("a {} upfront cost, {spend}.", preferred.cost()),
    )];
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for s in preferred.models().flat_map(|m| &m.readiness.skills) {
        let state = match (s.status, &s.answer) {
            ("gap", Some(a)) => format!("Missing (you answered “{a}”)"),
            ("gap", None) => "Missing".to_owned(),
            ("partial", Some(a)) => format!("Partly in place (you answered “{a}”)"),
            ("partial", None) => "Partly in place".to_owned(),
            _ => continue,
        };
        match groups.iter_mut().find(|(k, _)| *k == state) {
            Some((_, names)) if !names.contains(&s.name) => names.push(s.name.clone()),
            Some(_) => {}
            None => groups.push((state, vec![s.name.clone()])),
        }
    }
    let detail = if opts.appendix {
        "Appendix D says how to close each gap."
    } else {
        "The full report says how to close each gap."
    };
    for (state, names) in &groups {
        items.push(lead(
            "Skills",
            format!("{state}: {}. {detail}", names.join("; ")),
        ));
    }
    if groups.is_empty() {
        items.push(lead(
            "Skills",
            "the answers show no gap in the skills the preferred option leans on.".to_owned(),
        ));
    }
    items.push(lead(
        "Time",
        "set against the time available in section 8.".to_owned(),
    ));
    sections.push(Section {
        heading: "6. Resource implications".to_owned(),
        blocks: vec![Block::Bullets { items }],
    });

    // 7. Procurement.
    let mut blocks = Vec::new();
    match &route {
        Some(r) => {
            let cite = w.cite(&r.sources);
            blocks.push(Block::Para {
                text: if r.because.is_empty() {
                    format!("Likely route: {}{cite}", r.summary)
                } else {
                    format!("Likely route: {} {}{cite}", r.summary, r.because)
                },
            });
            if let Some(cc) = &r.considerable_change {
                if w.once(cc) {
                    blocks.push(Block::Para { text: cc.clone() });
                }
            }
            let mut tail = "Its notices and any standstill are in the timetable (section 8).".to_owned();
            if !r.also_open.is_empty() {
                let _ = write!(tail, " Also open: {}.", r.also_open.join(", "));
            }
            blocks.push(Block::Para { text: tail });
            blocks.push(Block::Para {
                text: r.disclaimer.clone(),
            });
        }
        None => blocks.push(Block::Para {
            text: "The procurement questions were not answered, so no route is suggested. Settle the route with procurement and legal advisers before the business case is approved.".to_owned(),
        }),
    }
    let general = &kb.content.psr.records;
    let ids = general.sources.clone();
    let cite = w.cite(&ids);
    blocks.push(Block::Para {
        text: format!(
            "The Provider Selection Regime expects a record at every stage{cite}. To complete:"
        ),
    });
    // The records the content lists for the processes still open; without a route, the regime's general record.
    let records = route
        .as_ref()
        .map(|r| r.records.clone())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| general.items.clone());
    blocks.push(Block::Checklist { items: records });
    sections.push(Section {
        heading: "7. Procurement route and records".to_owned(),
        blocks,
    });

    // 8. Next steps.
    let cite = w.cite(&plan.sources);
    let mut rows = Vec::new();
    for s in &plan.stages {
        let c = w.cite(&s.sources);
        rows.push(vec![s.months(), s.name.clone(), format!("{}{c}", s.what)]);
    }
    sections.push(Section {
        heading: "8. Next steps and timetable".to_owned(),
        blocks: vec![
            Block::Para {
                text: format!("{}{cite} {}", plan.summary, plan.assumptions),
            },
            Block::Table {
                header: vec![
                    "When".to_owned(),
                    "Stage".to_owned(),
                    "What happens".to_owned(),
                ],
                rows,
            },
        ],
    });

    // Appendix (before the sources are listed, so that its citations count).
    let mut appendix = Vec::new();
    if opts.appendix {
        appendix = build_appendix(&mut w, rec, journey, risks);
        let gaps: Vec<Item> = preferred
            .models()
            .flat_map(|m| &m.readiness.summary)
            .filter(|line| w.once(line))
            .map(|line| item(line.clone()))
            .collect();
        if !gaps.is_empty() {
            appendix.push(Section {
                heading: "Appendix D. Readiness gaps for the preferred option".to_owned(),
                blocks: vec![Block::Bullets { items: gaps }],
            });
        }
    }

    // 9. Sources.
    let mut refs: Vec<(String, String)> = w
        .cited
        .iter()
        .filter_map(|id| kb.source(id))
        .map(|s| {
            let by = s
                .author
                .as_ref()
                .map(|a| format!("{a}; "))
                .unwrap_or_default();
            (
                s.publisher.to_ascii_lowercase(),
                format!("{by}{} ({}). {}. {}", s.publisher, s.year, s.title, s.url),
            )
        })
        .collect();
    refs.sort();
    refs.dedup();
    sections.push(Section {
        heading: "9. Sources".to_owned(),
        blocks: vec![Block::Bullets {
            items: refs.into_iter().map(|(_, r)| item(r)).collect(),
        }],
    });

    Ok(Paper {
        title: "Contracting for integrated care: options appraisal".to_owned(),
        cover,
        sections,
        appendix,
        timeline: plan,
    })
}

fn build_appendix(
    w: &mut Writer<'_>,
    rec: &Recommendation,
    journey: &api::Journey,
    risks: usize,
) -> Vec<Section> {
    let mut out = Vec::new();
    let mut rows = Vec::new();
    for (layer, list) in [
        ("Arrangement", &rec.arrangements),
        ("Contract vehicle", &rec.vehicles),
        ("Payment rule", &rec.payments),
    ] {
        for m in list {
            rows.push(vec![
                layer.to_owned(),
                m.rank.to_string(),
                m.name.clone(),
                crate::engine::upper_first(m.fit_label),
                m.basis.clone(),
            ]);
        }
    }
    out.push(Section {
        heading: "Appendix A. Every option, ranked".to_owned(),
        blocks: vec![Block::Table {
            header: ["Layer", "Rank", "Option", "Fit", "Basis"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            rows,
        }],
    });
    let items = journey
        .items
        .iter()
        .map(|i| {
            let a = if i.answers.is_empty() {
                "(not answered)".to_owned()
            } else {
                i.answers.join("; ")
            };
            lead(&i.text, a)
        })
        .collect();
    out.push(Section {
        heading: "Appendix B. Every answer".to_owned(),
        blocks: vec![Block::Bullets { items }],
    });
    let changes: Vec<Item> = rec
        .what_if
        .iter()
        .filter(|c| w.once(&c.text))
        .map(|c| item(c.text.clone()))
        .collect();
    let mut cases: Vec<Item> = Vec::new();
    for c in &rec.resembles {
        if w.once(&c.lesson) {
            let cite = w.cite(&c.sources);
            cases.push(lead(
                &c.name,
                format!(
                    "({}). Alike in: {}. Lesson: {}{cite}",
                    c.outcome,
                    c.matched.join("; "),
                    c.lesson
                ),
            ));
        }
    }
    let mut warnings: Vec<Item> = Vec::new();
    for f in rec.watch.iter().skip(risks) {
        if w.once(&f.mitigation) {
            let cite = w.cite(&f.sources);
            warnings.push(lead(
                &f.title,
                format!("{} {}{cite}", f.message, f.mitigation),
            ));
        }
    }
    if !warnings.is_empty() || !changes.is_empty() || !cases.is_empty() {
        let mut blocks = Vec::new();
        if !warnings.is_empty() {
            blocks.push(Block::Heading {
                text: "Further warnings".to_owned(),
            });
            blocks.push(Block::Bullets { items: warnings });
        }
        if !changes.is_empty() {
            blocks.push(Block::Heading {
                text: "Other answers that would change the advice".to_owned(),
            });
            blocks.push(Block::Bullets { items: changes });
        }
        if !cases.is_empty() {
            blocks.push(Block::Heading {
                text: "Documented cases the answers resemble".to_owned(),
            });
            blocks.push(Block::Bullets { items: cases });
        }
        out.push(Section {
            heading:
                "Appendix C. Further warnings, what would change the advice, and similar cases"
                    .to_owned(),
            blocks,
        });
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn md_items(out: &mut String, items: &[Item], numbered: bool) {
    for (i, it) in items.iter().enumerate() {
        let marker = if numbered {
            format!("{}.", i + 1)
        } else {
            "-".to_owned()
        };
        match &it.lead {
            Some(l) => {
                let _ = writeln!(out, "{marker} **{l}:** {}", it.text);
            }
            None => {
                let _ = writeln!(out, "{marker} {}", it.text);
            }
        }
    }
}

fn md_section(out: &mut String, s: &Section) {
    let _ = writeln!(out, "\n## {}", s.heading);
    for b in &s.blocks {
        out.push('\n');
        match b {
            Block::Heading { text } => {
                let _ = writeln!(out, "### {text}");
            }
            Block::Para { text } => {
                let _ = writeln!(out, "{text}");
            }
            Block::Bullets { items } => md_items(out, items, false),
            Block::Numbered { items } => md_items(out, items, true),
            Block::Checklist { items } => {
                for i in items {
                    let _ = writeln!(out, "- [ ] {i}");
                }
            }
            Block::Table { header, rows } => {
                let cells: Vec<String> = header.iter().map(|h| md_cell(h)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
        }
    }
}

/// Renders a paper as Markdown.
pub fn render_markdown(p: &Paper) -> String {
    let mut out = format!("# {}\n\n| | |\n|---|---|\n", p.title);
    for (k, v) in &p.cover {
        let _ = writeln!(out, "| **{}** | {} |", md_cell(k), md_cell(v));
    }
    for s in p.sections.iter().chain(&p.appendix) {
        md_section(&mut out, s);
    }
    out
}

/// The board paper as Markdown.
///
/// # Errors
/// As [`build`].
pub fn markdown(kb: &Kb, answers: &Answers, opts: Options) -> Result<String, Error> {
    build(kb, answers, opts).map(|p| render_markdown(&p))
}

/// Words in a text, as a word processor counts them (runs of non-space characters), leaving out Markdown
/// markup tokens (table rules, list markers and heading marks).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
