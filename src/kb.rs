//! The knowledge base: parses the content files, resolves every id, and indexes them for the engine.
//!
//! This is the only module that knows the content file names. Loading fails with an [`Error`] of kind
//! [`ErrorKind::Content`] when an id does not resolve; the editorial rules (sources, completeness, monotonic
//! capability weights) live in [`crate::validate`] and run in the tests.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

use crate::condition::{compile, compile_opt, Cond};
use crate::content::{Content, Kind, Layer, Meta, Model, Psr, Question, SectionFile};
use crate::error::{Error, ErrorKind};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/content_files.rs"));
}

/// Every content file, as (name, minified JSON text). The full build loads from these; the first-stage build
/// reads the compact questionnaire instead (see [`Kb::questionnaire`]), so these are not linked into it.
pub fn embedded_files() -> Vec<(&'static str, &'static str)> {
    embedded::FILES.to_vec()
}

/// The knowledge files: all present (the whole advisor) or all absent (the questionnaire only).
const KNOWLEDGE: [&str; 7] = [
    "sources.json",
    "skills.json",
    "models.json",
    "cases.json",
    "red_flags.json",
    "psr.json",
    "plan.json",
];

/// One compiled effect: a model index and points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledEffect {
    /// Model index.
    pub model: usize,
    /// Points.
    pub points: i32,
    /// A failed precondition (rules the model out while the answer stands).
    pub serious: bool,
    /// A supporting (not decisive) positive effect on a model that needs a case for change: it counts only once
    /// the case for change holds ([`Kb::case_for_change`]).
    pub gated: bool,
    /// Counts only while this condition holds too: an index into [`Kb::effect_when`].
    pub when: Option<usize>,
}

/// One of a question's effects with the option it belongs to: [`Kb::by_model`] lists a conditional question's
/// effects this way, ordered by model, so that [`reaches_by_model`] works out what the question can do for every
/// model in one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionEffect {
    /// Option index within the question.
    pub option: usize,
    /// The effect.
    pub effect: CompiledEffect,
}

/// An answer that says a model is already in place: question index, option index, model index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InPlaceMark {
    /// Question index.
    pub question: usize,
    /// Option index within the question.
    pub option: usize,
    /// Model index.
    pub model: usize,
}

/// What one question can do to one model's score, over all its possible answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// The most points any answer could give the model (0 when no answer gives it any): what the question adds
    /// to the points that could count for the model once it applies.
    pub best: i32,
    /// The fewest points any answer could give it (0 or less).
    pub worst: i32,
    /// Whether some answer is a failed precondition for the model.
    pub can_rule_out: bool,
}

/// The loaded, indexed knowledge base.
#[derive(Debug, Clone)]
pub struct Kb {
    /// The content as written.
    pub content: Content,
    question_index: BTreeMap<String, usize>,
    model_index: BTreeMap<String, usize>,
    source_index: BTreeMap<String, usize>,
    case_index: BTreeMap<String, usize>,
    skill_index: BTreeMap<String, usize>,
    route_index: BTreeMap<String, usize>,
    /// Per question: its compiled `show_if`.
    pub show_if: Vec<Option<Cond>>,
    /// Per question, per option: compiled effects.
    pub effects: Vec<Vec<Vec<CompiledEffect>>>,
    /// The conditions of conditional effects ([`CompiledEffect::when`]).
    pub effect_when: Vec<Cond>,
    /// Per question: whether any of its options' effects is conditional (so its reach can depend on other answers).
    pub conditional: Vec<bool>,
    /// Per question: its options' effects ordered by model, then option ([`effects_by_model`]), for the questions
    /// [`Kb::conditional`] marks (empty for the others): the engine works out their reach again on every recompute.
    pub by_model: Vec<Vec<OptionEffect>>,
    /// Per question, per model: what the question's answers can do to the model's score.
    pub reach: Vec<Vec<Reach>>,
    /// Per layer (arrangement, vehicle, payment): the floor of the fit divisor, the average over the layer's models
    /// of the most points that could ever count for each.
    floors: [i32; 3],
    /// Per red flag: its trigger.
    pub flag_when: Vec<Cond>,
    /// Per red flag: when it concerns the situation whatever the models (`situation_when`), if it says.
    pub flag_situation: Vec<Option<Cond>>,
    /// Per model: when the answers say it has been proposed or is in use (`proposed_when`), if it says.
    pub model_proposed: Vec<Option<Cond>>,
    /// When there is a case for a new contract vehicle (`meta.json`); `None` in the questionnaire-only build.
    pub case_for_change: Option<Cond>,
    /// The points of fit a new contract vehicle is placed lower by when models are ranked (`meta.json`
    /// `new_vehicle_margin`; 0 without one).
    pub new_vehicle_margin: i32,
    /// When a vehicle in place does not count as in place (`meta.json` `in_place`); `None`: it always counts.
    pub in_place_unless: Option<Cond>,
    /// Every answer that says a model is already in place ([`crate::content::Choice::in_place`]), in question order.
    pub in_place: Vec<InPlaceMark>,
    /// The procurement decision tables, compiled.
    pub routes: RouteTables,
    /// When a procurement route is worked out at all.
    pub route_applies: Cond,
    /// Per case, per feature: its condition.
    pub case_features: Vec<Vec<Cond>>,
    /// Skill id to the question measuring it.
    pub skill_question: BTreeMap<String, usize>,
    /// The question measuring time available.
    pub time_question: Option<usize>,
    /// The question measuring affordable upfront spend.
    pub cost_question: Option<usize>,
}

/// A compiled element of the procurement decision (see [`crate::content::RouteElement`]).
#[derive(Debug, Clone)]
pub struct CompiledElement {
    /// When the element is part of the procurement.
    pub when: Cond,
    /// Per step: the route's index and, per row, its condition (`None`: always).
    pub steps: Vec<(usize, Vec<Option<Cond>>)>,
    /// Per note: its condition.
    pub notes: Vec<Cond>,
}

/// The procurement decision tables of `psr.json`, compiled to question indices.
#[derive(Debug, Clone, Default)]
pub struct RouteTables {
    /// Per scope verdict: its condition (`None`: always).
    pub scope: Vec<Option<Cond>>,
    /// Per considerable change threshold row: its condition.
    pub threshold: Vec<Option<Cond>>,
    /// Per element.
    pub elements: Vec<CompiledElement>,
}

impl RouteTables {
    /// Every compiled condition in the tables.
    pub fn conds(&self) -> impl Iterator<Item = &Cond> {
        self.scope
            .iter()
            .chain(&self.threshold)
            .flatten()
            .chain(self.elements.iter().flat_map(|e| {
                std::iter::once(&e.when)
                    .chain(e.steps.iter().flat_map(|(_, rows)| rows.iter().flatten()))
                    .chain(&e.notes)
            }))
    }

    fn compile(
        psr: &crate::content::Psr,
        qs: &[(usize, Question)],
        index: &BTreeMap<String, usize>,
    ) -> Result<RouteTables, Error> {
        let opt = |c: &Option<crate::content::Condition>, ctx: &str| {
            compile_opt(c.as_ref(), qs, index, ctx)
        };
        let route_index = |id: &str, ctx: &str| {
            psr.routes
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(|| unresolved("route", id, ctx))
        };
        let scope = psr
            .scope
            .iter()
            .map(|r| opt(&r.when, &format!("procurement scope `{}`", r.id)))
            .collect::<Result<Vec<_>, _>>()?;
        let threshold = psr
            .threshold
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| opt(&r.when, &format!("considerable change row {i}")))
            .collect::<Result<Vec<_>, _>>()?;
        let elements = psr
            .elements
            .iter()
            .map(|e| {
                let ctx = format!("procurement element `{}`", e.id);
                let steps = e
                    .steps
                    .iter()
                    .map(|s| {
                        let sctx = format!("{ctx}, step `{}`", s.route);
                        let rows = s
                            .rows
                            .iter()
                            .map(|r| opt(&r.when, &sctx))
                            .collect::<Result<Vec<_>, _>>()?;
                        Ok((route_index(&s.route, &sctx)?, rows))
                    })
                    .collect::<Result<Vec<_>, Error>>()?;
                let notes = e
                    .notes
                    .iter()
                    .map(|n| compile(&n.when, qs, index, &ctx))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(CompiledElement {
                    when: compile(&e.when, qs, index, &ctx)?,
                    steps,
                    notes,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(RouteTables {
            scope,
            threshold,
            elements,
        })
    }
}

fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::Content,
            format!("content file `{name}` could not be read: {e}"),
        )
    })
}

fn find<'a>(files: &'a [(&str, &str)], name: &str) -> Result<&'a str, Error> {
    files
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Content,
                format!("content file `{name}` is missing"),
            )
        })
}

fn unresolved(what: &str, id: &str, context: &str) -> Error {
    Error::new(
        ErrorKind::Content,
        format!("{context} refers to unknown {what} `{id}`"),
    )
}

fn index_of<T>(
    items: &[T],
    id: impl Fn(&T) -> &str,
    what: &str,
) -> Result<BTreeMap<String, usize>, Error> {
    let mut map = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if map.insert(id(item).to_owned(), i).is_some() {
            return Err(Error::new(
                ErrorKind::Content,
                format!("{what} id `{}` is used twice", id(item)),
            ));
        }
    }
    Ok(map)
}

/// What a question's answers can do to each model. A single-choice answer is one option; a multiple-choice answer
/// can combine options, so its best is the sum of the options' gains and its worst the sum of their losses (a
/// bound that every real answer stays within).
pub fn reach_of(per_option: &[Vec<CompiledEffect>], kind: Kind, models: usize) -> Vec<Reach> {
    (0..models)
        .map(|m| model_reach(per_option, kind, m, |_| true))
        .collect()
}

/// What a question's answers can do to model `m`, counting only the effects `counts` admits: the reckoning of
/// [`reach_of`] for one model, and the definition of a reach. The engine's recompute uses [`reaches_by_model`], which
/// works the same out for every model in one pass (a test checks that the two agree).
pub fn model_reach(
    per_option: &[Vec<CompiledEffect>],
    kind: Kind,
    m: usize,
    counts: impl Fn(&CompiledEffect) -> bool,
) -> Reach {
    let points = || {
        per_option.iter().map(|effects| {
            effects
                .iter()
                .filter(|e| e.model == m && counts(e))
                .map(|e| e.points)
                .sum::<i32>()
        })
    };
    let (best, worst) = match kind {
        Kind::Single => (
            points().max().unwrap_or(0).max(0),
            points().min().unwrap_or(0).min(0),
        ),
        Kind::Multi => (
            points().filter(|p| *p > 0).sum(),
            points().filter(|p| *p < 0).sum(),
        ),
    };
    Reach {
        best,
        worst,
        can_rule_out: per_option
            .iter()
            .flatten()
            .any(|e| e.model == m && e.serious && counts(e)),
    }
}

/// A question's effects (per option) with their options, ordered by model and, for each model, by option: the
/// order [`reaches_by_model`] reads.
pub fn effects_by_model(per_option: &[Vec<CompiledEffect>]) -> Vec<OptionEffect> {
    let all = || {
        per_option.iter().enumerate().flat_map(|(option, effects)| {
            effects
                .iter()
                .map(move |&effect| OptionEffect { option, effect })
        })
    };
    // One pass per model rather than a sort, which would add a sorting routine to the first-stage module: this
    // runs once at load, for the few questions with conditional effects. Within a model the options stay in order.
    let models = all().map(|x| x.effect.model + 1).max().unwrap_or(0);
    (0..models)
        .flat_map(|m| all().filter(move |x| x.effect.model == m))
        .collect()
}

/// [`model_reach`] for every model a question's effects speak to, in one pass over `by_model` (its effects as
/// [`effects_by_model`] orders them) and with no allocation, `N` ways at once: `counts` says for each effect which of
/// the `N` reckonings count it, and `f(model, reaches)` receives each model's `N` reaches, in model order. A model
/// the effects do not speak to is not passed: its reach is [`Reach::default`] every way. Each reach equals
/// [`model_reach`] with the matching `counts` (a test checks it): an option that gives a model nothing changes
/// neither its best (at least 0) nor its worst (at most 0), so only the options with effects on it are needed.
pub fn reaches_by_model<const N: usize>(
    by_model: &[OptionEffect],
    kind: Kind,
    mut counts: impl FnMut(&CompiledEffect) -> [bool; N],
    mut f: impl FnMut(usize, [Reach; N]),
) {
    // Folds one option's points for a model into its reach, as `model_reach` does over all options.
    let fold = |r: &mut Reach, points: i32| match kind {
        Kind::Single => {
            r.best = r.best.max(points);
            r.worst = r.worst.min(points);
        }
        Kind::Multi => {
            if points > 0 {
                r.best += points;
            } else {
                r.worst += points;
            }
        }
    };
    let mut rest = by_model;
    while let Some(first) = rest.first() {
        let model = first.effect.model;
        let mut reaches = [Reach::default(); N];
        let mut option = first.option;
        let mut points = [0i32; N];
        let mut taken = 0;
        for x in rest.iter().take_while(|x| x.effect.model == model) {
            if x.option != option {
                for (r, p) in reaches.iter_mut().zip(&mut points) {
                    fold(r, *p);
                    *p = 0;
                }
                option = x.option;
            }
            let counted = counts(&x.effect);
            for ((r, p), c) in reaches.iter_mut().zip(&mut points).zip(counted) {
                if c {
                    *p += x.effect.points;
                    r.can_rule_out |= x.effect.serious;
                }
            }
            taken += 1;
        }
        for (r, p) in reaches.iter_mut().zip(points) {
            fold(r, p);
        }
        f(model, reaches);
        rest = rest.get(taken..).unwrap_or_default();
    }
}

/// The most points that could ever count for a model: the best answer to every question.
fn attainable(reach: &[Vec<Reach>], model: usize) -> i32 {
    reach
        .iter()
        .map(|r| r.get(model).map(|x| x.best).unwrap_or(0))
        .sum()
}

impl Kb {
    /// Loads the knowledge base compiled into the widget (the questionnaire only, without the `full` feature).
    ///
    /// # Example
    /// ```
    /// let kb = contract_advisor::Kb::embedded()?;
    /// assert!(kb.content.questions.len() >= 25);
    /// # Ok::<(), contract_advisor::Error>(())
    /// ```
    pub fn embedded() -> Result<Kb, Error> {
        #[cfg(feature = "full")]
        return Kb::from_files(&embedded_files());
        #[cfg(not(feature = "full"))]
        return Kb::questionnaire();
    }

    /// Loads the questionnaire alone (no models, sources or effects) from the compact form compiled into every
    /// build; this is what the first-stage module runs on.
    pub fn questionnaire() -> Result<Kb, Error> {
        Kb::compile(crate::compact::decode(crate::compact::QUESTIONNAIRE)?)
    }

    /// Loads a knowledge base from (file name, JSON text) pairs named as in `src/data/`; section files are those
    /// whose name starts with `questions/`, in the order given. Without any of the knowledge files (sources,
    /// skills, models, cases, red flags, routes) the result is a questionnaire-only knowledge base: questions,
    /// branching and answers work; scores are all zero.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Kb, Error> {
        let present = KNOWLEDGE
            .iter()
            .filter(|n| files.iter().any(|(f, _)| f == *n))
            .count();
        if present != 0 && present != KNOWLEDGE.len() {
            let missing = KNOWLEDGE
                .iter()
                .find(|n| !files.iter().any(|(f, _)| f == *n))
                .copied()
                .unwrap_or_default();
            return Err(Error::new(
                ErrorKind::Content,
                format!("content file `{missing}` is missing"),
            ));
        }
        let knowledge = present != 0;
        fn or_default<T: DeserializeOwned + Default>(
            files: &[(&str, &str)],
            name: &str,
            knowledge: bool,
        ) -> Result<T, Error> {
            if knowledge {
                parse(name, find(files, name)?)
            } else {
                Ok(T::default())
            }
        }
        let meta: Meta = parse("meta.json", find(files, "meta.json")?)?;
        let mut sections = Vec::new();
        let mut questions = Vec::new();
        for (name, text) in files.iter().filter(|(n, _)| n.starts_with("questions/")) {
            let file: SectionFile = parse(name, text)?;
            let si = sections.len();
            sections.push(file.section);
            questions.extend(file.questions.into_iter().map(|q| (si, q)));
        }
        let content = Content {
            meta,
            sources: or_default(files, "sources.json", knowledge)?,
            glossary: parse("glossary.json", find(files, "glossary.json")?)?,
            skills: or_default(files, "skills.json", knowledge)?,
            models: or_default(files, "models.json", knowledge)?,
            sections,
            questions,
            cases: or_default(files, "cases.json", knowledge)?,
            red_flags: or_default(files, "red_flags.json", knowledge)?,
            psr: or_default::<Psr>(files, "psr.json", knowledge)?,
            plan: or_default(files, "plan.json", knowledge)?,
        };
        Kb::compile(content)
    }

    fn compile(content: Content) -> Result<Kb, Error> {
        let question_index = index_of(&content.questions, |(_, q)| q.id.as_str(), "question")?;
        let model_index = index_of(&content.models, |m| m.id.as_str(), "model")?;
        let source_index = index_of(&content.sources, |s| s.id.as_str(), "source")?;
        let case_index = index_of(&content.cases, |c| c.id.as_str(), "case")?;
        let skill_index = index_of(&content.skills, |s| s.id.as_str(), "skill")?;
        let route_index = index_of(&content.psr.routes, |r| r.id.as_str(), "route")?;
        let qs = &content.questions;

        let mut show_if = Vec::with_capacity(qs.len());
        let mut effects = Vec::with_capacity(qs.len());
        let mut effect_when = Vec::new();
        let mut in_place = Vec::new();
        let mut skill_question = BTreeMap::new();
        let mut time_question = None;
        let mut cost_question = None;
        for (qi, (_, q)) in qs.iter().enumerate() {
            let context = format!("question `{}`", q.id);
            if q.options.len() > 16 {
                return Err(Error::new(
                    ErrorKind::Content,
                    format!("{context} has more than 16 options"),
                ));
            }
            show_if.push(match &q.show_if {
                Some(c) => Some(compile(c, qs, &question_index, &context)?),
                None => None,
            });
            let mut per_option = Vec::with_capacity(q.options.len());
            for o in &q.options {
                let mut list = Vec::with_capacity(o.effects.len());
                for e in &o.effects {
                    let model = *model_index.get(&e.model).ok_or_else(|| {
                        unresolved(
                            "model",
                            &e.model,
                            &format!("option `{}` of {context}", o.id),
                        )
                    })?;
                    let needs_case = content
                        .models
                        .get(model)
                        .is_some_and(|m| m.needs_case_for_change);
                    let when = match &e.when {
                        Some(c) => {
                            let ctx = format!(
                                "the effect on `{}` of option `{}` of {context}",
                                e.model, o.id
                            );
                            let cond = compile(c, qs, &question_index, &ctx)?;
                            // Positive, so that an unanswered question never satisfies it and it settles the same
                            // way over answers given and still to come.
                            let mut own = false;
                            cond.questions(&mut |read| own |= read == qi);
                            if !cond.is_positive() || !cond.reads_a_question() || own {
                                return Err(Error::new(
                                    ErrorKind::Content,
                                    format!("{ctx}: its condition may only ask that other questions' answers include options (`q` with `any_of`, combined with `all` or `any`)"),
                                ));
                            }
                            effect_when.push(cond);
                            Some(effect_when.len() - 1)
                        }
                        None => None,
                    };
                    list.push(CompiledEffect {
                        model,
                        points: e.points,
                        serious: e.serious,
                        gated: needs_case && !e.decisive && e.points > 0,
                        when,
                    });
                }
                if let Some(id) = &o.in_place {
                    let model = *model_index.get(id).ok_or_else(|| {
                        unresolved("model", id, &format!("option `{}` of {context}", o.id))
                    })?;
                    in_place.push(InPlaceMark {
                        question: qi,
                        option: per_option.len(),
                        model,
                    });
                }
                per_option.push(list);
            }
            effects.push(per_option);
            if let Some(m) = &q.measures {
                if let Some(skill) = &m.skill {
                    // A questionnaire-only knowledge base has no skills to check against.
                    if !content.skills.is_empty() && !skill_index.contains_key(skill) {
                        return Err(unresolved("skill", skill, &context));
                    }
                    skill_question.insert(skill.clone(), qi);
                }
                if m.time {
                    time_question = Some(qi);
                }
                if m.cost {
                    cost_question = Some(qi);
                }
            }
        }

        let flag_when = content
            .red_flags
            .iter()
            .map(|f| {
                compile(
                    &f.when,
                    qs,
                    &question_index,
                    &format!("red flag `{}`", f.id),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let model_proposed = content
            .models
            .iter()
            .map(|m| {
                compile_opt(
                    m.proposed_when.as_ref(),
                    qs,
                    &question_index,
                    &format!("model `{}` proposed_when", m.id),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let flag_situation = content
            .red_flags
            .iter()
            .map(|f| {
                compile_opt(
                    f.situation_when.as_ref(),
                    qs,
                    &question_index,
                    &format!("red flag `{}` situation_when", f.id),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let case_for_change = compile_opt(
            content.meta.case_for_change.as_ref().map(|c| &c.when),
            qs,
            &question_index,
            "meta.json's case_for_change",
        )?;
        let new_vehicle_margin = content
            .meta
            .new_vehicle_margin
            .as_ref()
            .map_or(0, |m| m.points);
        let in_place_unless = compile_opt(
            content.meta.in_place.as_ref().map(|p| &p.unless),
            qs,
            &question_index,
            "meta.json's in_place unless",
        )?;
        let routes = RouteTables::compile(&content.psr, qs, &question_index)?;
        let route_applies = compile(
            &content.psr.applies_when,
            qs,
            &question_index,
            "the procurement route's applies_when",
        )?;
        let case_features = content
            .cases
            .iter()
            .map(|c| {
                c.resembles
                    .features
                    .iter()
                    .map(|f| compile(&f.when, qs, &question_index, &format!("case `{}`", c.id)))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()?;

        let conditional: Vec<bool> = effects
            .iter()
            .map(|per_option: &Vec<Vec<CompiledEffect>>| {
                per_option.iter().flatten().any(|e| e.when.is_some())
            })
            .collect();
        let by_model: Vec<Vec<OptionEffect>> = effects
            .iter()
            .zip(&conditional)
            .map(|(per_option, c)| {
                if *c {
                    effects_by_model(per_option)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let reach: Vec<Vec<Reach>> = effects
            .iter()
            .zip(qs)
            .map(|(per_option, (_, q))| reach_of(per_option, q.kind, content.models.len()))
            .collect();
        let floors = Layer::ALL.map(|layer| {
            let attainable: Vec<i32> = content
                .models
                .iter()
                .enumerate()
                .filter(|(_, m)| m.layer == layer)
                .map(|(mi, _)| attainable(&reach, mi))
                .collect();
            let n = i32::try_from(attainable.len()).unwrap_or(1).max(1);
            attainable.iter().sum::<i32>() / n
        });
        let kb = Kb {
            content,
            question_index,
            model_index,
            source_index,
            case_index,
            skill_index,
            route_index,
            show_if,
            effects,
            conditional,
            effect_when,
            by_model,
            reach,
            floors,
            flag_when,
            flag_situation,
            model_proposed,
            case_for_change,
            in_place_unless,
            in_place,
            new_vehicle_margin,
            routes,
            route_applies,
            case_features,
            skill_question,
            time_question,
            cost_question,
        };
        kb.check_references()?;
        Ok(kb)
    }

    /// Checks the id references the engine follows, so that it never meets a dangling one.
    fn check_references(&self) -> Result<(), Error> {
        for m in &self.content.models {
            let context = format!("model `{}`", m.id);
            for p in &m.pairs_with {
                match self.model(p) {
                    Some((_, pm)) if pm.layer == Layer::Payment => {}
                    _ => return Err(unresolved("payment rule", p, &context)),
                }
            }
            for s in &m.demands.skills {
                if !self.skill_index.contains_key(&s.skill) {
                    return Err(unresolved("skill", &s.skill, &context));
                }
            }
            for c in &m.cases {
                if !self.case_index.contains_key(c) {
                    return Err(unresolved("case", c, &context));
                }
            }
        }
        for f in &self.content.red_flags {
            let context = format!("red flag `{}`", f.id);
            for a in &f.applies_to {
                if !crate::flags::GROUPS.contains(&a.as_str()) && !self.model_index.contains_key(a)
                {
                    return Err(unresolved("model", a, &context));
                }
            }
            if let Some(c) = &f.case {
                if !self.case_index.contains_key(c) {
                    return Err(unresolved("case", c, &context));
                }
            }
        }
        for c in &self.content.cases {
            for m in &c.models {
                if !self.model_index.contains_key(m) {
                    return Err(unresolved("model", m, &format!("case `{}`", c.id)));
                }
            }
        }
        for (_, q) in &self.content.questions {
            for t in &q.defines {
                if !self.content.glossary.iter().any(|g| &g.id == t) {
                    return Err(unresolved(
                        "glossary term",
                        t,
                        &format!("question `{}`", q.id),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The most points that could ever count for a model (every question, the best answer to each).
    pub fn attainable(&self, model: usize) -> i32 {
        attainable(&self.reach, model)
    }

    /// The floor of the fit divisor for a layer (see [`crate::engine`]).
    pub fn floor(&self, layer: Layer) -> i32 {
        let i = match layer {
            Layer::Arrangement => 0,
            Layer::Vehicle => 1,
            Layer::Payment => 2,
        };
        self.floors.get(i).copied().unwrap_or(0)
    }

    /// Number of questions.
    pub fn question_count(&self) -> usize {
        self.content.questions.len()
    }

    /// Index of a question by id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    /// A model and its index, by id.
    pub fn model(&self, id: &str) -> Option<(usize, &Model)> {
        let i = *self.model_index.get(id)?;
        self.content.models.get(i).map(|m| (i, m))
    }

    /// Whether a source id exists.
    pub fn has_source(&self, id: &str) -> bool {
        self.source_index.contains_key(id)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&crate::content::Source> {
        self.content.sources.get(*self.source_index.get(id)?)
    }

    /// A case by id.
    pub fn case(&self, id: &str) -> Option<&crate::content::Case> {
        self.content.cases.get(*self.case_index.get(id)?)
    }

    /// A skill by id.
    pub fn skill(&self, id: &str) -> Option<&crate::content::Skill> {
        self.content.skills.get(*self.skill_index.get(id)?)
    }

    /// A procurement route by id.
    pub fn route(&self, id: &str) -> Option<&crate::content::Route> {
        self.content.psr.routes.get(*self.route_index.get(id)?)
    }

    /// The question at an index.
    pub fn question(&self, index: usize) -> Option<&crate::content::Question> {
        self.content.questions.get(index).map(|(_, q)| q)
    }

    /// The section title of the question at an index.
    pub fn section_title(&self, index: usize) -> &str {
        self.content
            .questions
            .get(index)
            .and_then(|(si, _)| self.content.sections.get(*si))
            .map(|s| s.title.as_str())
            .unwrap_or_default()
    }
}
