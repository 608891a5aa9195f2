//! The evaluation: how the advice fares on the scenario suite (`tests/scenarios/`), and how balanced the models
//! are over random answers.
//!
//! A scenario is a situation in prose with an expected result written from the evidence before it was first run,
//! and answers encoded blind by two helper sessions that saw only the prose and the questionnaire. Scenarios are
//! in a *tuning* set (weights may be chosen looking at it) or a *held-out* set (never used to choose weights).
//! [`report`] gives, per set and layer: leader acceptable (the first model shown is one of the expected leaders);
//! top three acceptable (an expected leader is among the first three shown, and no must-not-lead model is first),
//! with the stricter count of scenarios whose first three are all acceptable; must-not-lead violations; required
//! warnings present (with recall per warning); the distribution of leaders; and the two encoders' agreement.
//! Where scenarios carry a second opinion (other experts' own expectations for the same prose), it also gives how
//! often a second expert's first choice is one the writer accepts, the ceiling against which the advice's
//! figures are read, and the advice's leader against the writer and the second expert alike ([`opinion_totals`]).
//!
//! Everything here is pure: the caller reads the files (the `advise` command and the tests).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::answers::{Answers, RawAnswers};
use crate::api::{recommendation, Recommendation};
use crate::content::{Kind, Layer};
use crate::engine::{rank, states, tallies};
use crate::error::{Error, ErrorKind};
use crate::kb::Kb;

/// One scenario file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Id (the file name without `.json`).
    pub id: String,
    /// `tuning` or `held-out`.
    pub set: String,
    /// Short title.
    pub name: String,
    /// A real case, or what the constructed situation tests.
    pub origin: String,
    /// The situation in prose.
    pub situation: String,
    /// Evidence behind the expectation.
    pub sources: Vec<String>,
    /// The expected result.
    pub expect: Expect,
    /// The blind encodings.
    pub encoding: Encoding,
    /// Other experts' own expectations for the same prose, written without seeing this file's: how far two careful
    /// experts agree, the ceiling against which the advice's figures are read. Absent for most scenarios.
    #[serde(default)]
    pub second_opinion: Option<SecondOpinion>,
}

/// Independent expert judgements of one situation: each written by a helper session that saw only the prose, the
/// evidence base and the catalogue of ids, never the writer's expectation, the answers or the advice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondOpinion {
    /// How the judgements were made.
    pub method: String,
    /// One per judge.
    pub judgements: Vec<Judgement>,
}

/// One expert's expectation, in the writer's form: for each layer the leaders are listed with the judge's own first
/// choice first.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// Which judge (a label, the same across the scenarios one judge saw).
    pub judge: String,
    /// Commissioning arrangement.
    pub arrangement: LayerExpect,
    /// Contract vehicle.
    pub vehicle: LayerExpect,
    /// Payment rule.
    pub payment: LayerExpect,
    /// Warnings the judge says the situation calls for.
    pub warnings: Vec<String>,
    /// Why, from the evidence.
    pub rationale: String,
}

/// What the advice must do, per layer, and the warnings it must raise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Commissioning arrangement.
    pub arrangement: LayerExpect,
    /// Contract vehicle.
    pub vehicle: LayerExpect,
    /// Payment rule.
    pub payment: LayerExpect,
    /// Warnings (red flag ids) that must be raised.
    pub warnings: Vec<String>,
    /// Why, from the evidence.
    pub rationale: String,
}

impl Expect {
    /// The three layers' expectations, in [`Layer::ALL`] order.
    pub fn layers(&self) -> [&LayerExpect; 3] {
        [&self.arrangement, &self.vehicle, &self.payment]
    }
}

impl Judgement {
    /// The three layers' judgements, in [`Layer::ALL`] order.
    pub fn layers(&self) -> [&LayerExpect; 3] {
        [&self.arrangement, &self.vehicle, &self.payment]
    }
}

/// The expectation for one layer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerExpect {
    /// Models acceptable as the first choice.
    pub leader: Vec<String>,
    /// Further models acceptable anywhere in the first three.
    pub top3: Vec<String>,
    /// Models that must not be first.
    pub must_not_lead: Vec<String>,
}

/// How the answers were encoded.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Encoding {
    /// Who encoded them and how.
    pub method: String,
    /// The primary encoding (the one scored).
    pub primary: Option<RawAnswers>,
    /// The second, independent encoding (for agreement, and scored separately).
    pub second: Option<RawAnswers>,
}

/// Reads a scenario file.
pub fn parse(text: &str) -> Result<Scenario, Error> {
    serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::Content,
            format!("a scenario file could not be read: {e}"),
        )
    })
}

/// The outcome of one scenario under one encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Scenario id.
    pub id: String,
    /// Leader acceptable, per layer (arrangement, vehicle, payment).
    pub leader_ok: [bool; 3],
    /// First three acceptable, per layer: an acceptable leader is among the first three shown (models not
    /// ruled out), and no must-not-lead model is first.
    pub top3_ok: [bool; 3],
    /// Stricter, per layer: every one of the first three shown is acceptable (a leader or listed in `top3`).
    pub top3_all_ok: [bool; 3],
    /// Must-not-lead violations ("layer: model").
    pub violations: Vec<String>,
    /// Required warnings that the content defines: (id, raised for the recommended combination, the situation or
    /// another option the result suggests or the answers say was proposed).
    pub warnings: Vec<(String, bool)>,
    /// Whether every required warning is raised for the situation or the recommended combination alone (What to
    /// watch itself, without the warnings for other options suggested or proposed).
    pub warnings_in_watch: bool,
    /// Required warnings the content does not define yet.
    pub undefined_warnings: Vec<String>,
    /// Leaders (model ids), per layer.
    pub leaders: [String; 3],
    /// The outcome-linked overlay on the recommended payment rule, if any (empty when none).
    pub overlay: String,
    /// What went wrong, in words (empty when all holds).
    pub failures: Vec<String>,
}

/// Scores one scenario's answers against its expectation.
pub fn score(kb: &Kb, s: &Scenario, raw: &RawAnswers) -> Result<Outcome, Vec<Error>> {
    let (answers, _) = Answers::from_raw(kb, raw)?;
    let rec = recommendation(kb, &answers);
    Ok(judge(kb, s, &rec))
}

fn judge(kb: &Kb, s: &Scenario, rec: &Recommendation) -> Outcome {
    let layers = [
        (&s.expect.arrangement, &rec.arrangements),
        (&s.expect.vehicle, &rec.vehicles),
        (&s.expect.payment, &rec.payments),
    ];
    let mut out = Outcome {
        id: s.id.clone(),
        leader_ok: [false; 3],
        top3_ok: [false; 3],
        top3_all_ok: [false; 3],
        violations: Vec::new(),
        warnings: Vec::new(),
        warnings_in_watch: true,
        undefined_warnings: Vec::new(),
        leaders: Default::default(),
        overlay: String::new(),
        failures: Vec::new(),
    };
    for (i, (expect, ranked)) in layers.iter().enumerate() {
        let layer = Layer::ALL.get(i).map(|l| l.id()).unwrap_or_default();
        let shown: Vec<&str> = ranked
            .iter()
            .filter(|m| !m.ruled_out)
            .map(|m| m.id.as_str())
            .collect();
        // The payment rule the user is told to use is the combination's core rule, with its overlay if any.
        let combined = rec.combinations.first().filter(|_| i == 2);
        let first = combined
            .map(|c| c.payment_id.as_str())
            .filter(|p| !p.is_empty())
            .or_else(|| shown.first().copied())
            .unwrap_or("(none)");
        let overlay = combined.map(|c| c.overlay_id.as_str()).unwrap_or_default();
        if i == 2 {
            overlay.clone_into(&mut out.overlay);
        }
        if let Some(slot) = out.leaders.get_mut(i) {
            *slot = first.to_owned();
        }
        let lead_ok = expect
            .leader
            .iter()
            .any(|m| m == first || (!overlay.is_empty() && m == overlay));
        let top_ok = shown
            .iter()
            .take(3)
            .any(|m| expect.leader.iter().any(|x| x == m))
            && !expect.must_not_lead.iter().any(|m| m == first);
        let all_ok = shown
            .iter()
            .take(3)
            .all(|m| expect.leader.iter().chain(&expect.top3).any(|x| x == m));
        if let Some(slot) = out.top3_all_ok.get_mut(i) {
            *slot = all_ok;
        }
        if let Some(slot) = out.leader_ok.get_mut(i) {
            *slot = lead_ok;
        }
        if let Some(slot) = out.top3_ok.get_mut(i) {
            *slot = top_ok;
        }
        if !lead_ok {
            out.failures.push(format!(
                "{layer}: {first} leads, expected one of {}",
                expect.leader.join(", ")
            ));
        }
        if !top_ok {
            out.failures.push(format!(
                "{layer}: no acceptable leader among the first three {}",
                shown.iter().take(3).copied().collect::<Vec<_>>().join(", ")
            ));
        }
        if expect.must_not_lead.iter().any(|m| m == first) {
            out.violations.push(format!("{layer}: {first}"));
            out.failures
                .push(format!("{layer}: {first} leads but must not"));
        }
    }
    for w in &s.expect.warnings {
        if kb.content.red_flags.iter().any(|f| &f.id == w) {
            let in_watch = rec.watch.iter().any(|f| &f.id == w);
            let raised = in_watch || rec.watch_also.iter().any(|f| &f.id == w);
            out.warnings_in_watch &= in_watch;
            if !raised {
                out.failures.push(format!("warning {w} not raised"));
            }
            out.warnings.push((w.clone(), raised));
        } else {
            out.undefined_warnings.push(w.clone());
        }
    }
    out
}

/// The share of questions two encodings answer alike: of the questions either answers, those both answer with
/// the same options. Returns (same, either).
pub fn agreement(a: &RawAnswers, b: &RawAnswers) -> (usize, usize) {
    let mut same = 0;
    let mut either = 0;
    let norm = |v: &crate::answers::RawAnswer| {
        let mut list = match v {
            crate::answers::RawAnswer::One(x) => vec![x.clone()],
            crate::answers::RawAnswer::Many(xs) => xs.clone(),
        };
        list.sort();
        list
    };
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for k in keys {
        either += 1;
        if let (Some(x), Some(y)) = (a.get(k), b.get(k)) {
            if norm(x) == norm(y) {
                same += 1;
            }
        }
    }
    (same, either)
}

/// Totals for one set of scenarios under one encoding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetTotals {
    /// Scenarios scored.
    pub scenarios: usize,
    /// Leader acceptable, per layer.
    pub leader_ok: [usize; 3],
    /// Leader acceptable in all three layers.
    pub all_leaders_ok: usize,
    /// First three acceptable (an acceptable leader among them), per layer.
    pub top3_ok: [usize; 3],
    /// Every one of the first three acceptable, per layer.
    pub top3_all_ok: [usize; 3],
    /// Scenarios with a must-not-lead violation.
    pub violations: usize,
    /// Scenarios whose required (defined) warnings were all raised.
    pub warnings_ok: usize,
    /// Scenarios whose required warnings were all raised for the situation or the recommended combination alone.
    pub warnings_in_watch: usize,
    /// Per warning: (required, raised).
    pub warning_recall: BTreeMap<String, (usize, usize)>,
    /// Warnings required but not defined in the content yet: how many times.
    pub undefined_warnings: BTreeMap<String, usize>,
    /// Leaders per layer: model id → count.
    pub leaders: [BTreeMap<String, usize>; 3],
}

impl SetTotals {
    /// Adds one outcome.
    pub fn add(&mut self, o: &Outcome) {
        self.scenarios += 1;
        for i in 0..3 {
            if o.leader_ok.get(i).copied().unwrap_or(false) {
                if let Some(n) = self.leader_ok.get_mut(i) {
                    *n += 1;
                }
            }
            if o.top3_ok.get(i).copied().unwrap_or(false) {
                if let Some(n) = self.top3_ok.get_mut(i) {
                    *n += 1;
                }
            }
            if o.top3_all_ok.get(i).copied().unwrap_or(false) {
                if let Some(n) = self.top3_all_ok.get_mut(i) {
                    *n += 1;
                }
            }
            if let (Some(map), Some(l)) = (self.leaders.get_mut(i), o.leaders.get(i)) {
                *map.entry(l.clone()).or_default() += 1;
            }
        }
        if o.leader_ok.iter().all(|x| *x) {
            self.all_leaders_ok += 1;
        }
        if !o.violations.is_empty() {
            self.violations += 1;
        }
        if o.warnings.iter().all(|(_, r)| *r) {
            self.warnings_ok += 1;
        }
        if o.warnings_in_watch {
            self.warnings_in_watch += 1;
        }
        for (w, raised) in &o.warnings {
            let e = self.warning_recall.entry(w.clone()).or_default();
            e.0 += 1;
            if *raised {
                e.1 += 1;
            }
        }
        for w in &o.undefined_warnings {
            *self.undefined_warnings.entry(w.clone()).or_default() += 1;
        }
    }
}

/// A second expert against the writer, and the advice against both, over the judged scenarios of a set.
///
/// The judges' figures are the ceiling for the advice's: where two careful experts reading the same prose and the
/// same evidence name different first choices, no questionnaire can agree with both. Every count is over
/// judgements (a scenario judged twice counts twice), so the advice's figures here are on the same footing as the
/// judges'.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpinionTotals {
    /// Judged scenarios (with a primary encoding).
    pub scenarios: usize,
    /// Judgements.
    pub judgements: usize,
    /// Per layer: the judge's first choice is one of the writer's leaders.
    pub judge_first_ok: [usize; 3],
    /// Judgements whose first choice is one the writer says must not lead, in any layer.
    pub judge_violations: usize,
    /// Per layer: the advice's leader (primary encoding) is one of the writer's leaders.
    pub advice_ok_writer: [usize; 3],
    /// Per layer: the advice's leader is one of the judge's leaders.
    pub advice_ok_judge: [usize; 3],
    /// Per layer: the advice's leader is one of the writer's or one of the judge's leaders.
    pub advice_ok_either: [usize; 3],
    /// Judgements naming every warning the writer requires.
    pub judge_warnings_all: usize,
    /// The writer's required warnings (over judgements), and how many of them the judge named.
    pub writer_warnings: (usize, usize),
    /// Scenarios judged by two judges (the first two judgements are compared).
    pub pairs: usize,
    /// Per layer, over pairs: the two judges' first choices are the same.
    pub pairs_same_first: [usize; 3],
    /// Per layer, over pairs counted both ways: one judge's first choice is among the other's leaders.
    pub pairs_first_ok: [usize; 3],
}

fn bump(slot: Option<&mut usize>, yes: bool) {
    if let (true, Some(n)) = (yes, slot) {
        *n += 1;
    }
}

/// Counts [`OpinionTotals`] over the scenarios that carry a second opinion and a primary encoding.
pub fn opinion_totals(kb: &Kb, scenarios: &[&Scenario]) -> Result<OpinionTotals, Vec<Error>> {
    let mut scored = Vec::new();
    for s in scenarios {
        if let (Some(_), Some(raw)) = (&s.second_opinion, &s.encoding.primary) {
            scored.push((*s, score(kb, s, raw)?));
        }
    }
    Ok(tally_opinions(&scored))
}

/// [`OpinionTotals`] from scenarios already scored on their primary encoding.
fn tally_opinions(scored: &[(&Scenario, Outcome)]) -> OpinionTotals {
    let mut t = OpinionTotals::default();
    for (s, o) in scored {
        let Some(op) = &s.second_opinion else {
            continue;
        };
        if op.judgements.is_empty() {
            continue;
        }
        t.scenarios += 1;
        for j in &op.judgements {
            t.judgements += 1;
            let mut violation = false;
            for (i, (writer, judged)) in s.expect.layers().into_iter().zip(j.layers()).enumerate() {
                let first = judged.leader.first().map(String::as_str).unwrap_or("");
                bump(
                    t.judge_first_ok.get_mut(i),
                    writer.leader.iter().any(|m| m == first),
                );
                violation |= writer.must_not_lead.iter().any(|m| m == first);
                let lead = o.leaders.get(i).map(String::as_str).unwrap_or("");
                let accepts = |l: &LayerExpect| {
                    l.leader
                        .iter()
                        .any(|m| m == lead || (i == 2 && !o.overlay.is_empty() && *m == o.overlay))
                };
                let (w, jd) = (accepts(writer), accepts(judged));
                bump(t.advice_ok_writer.get_mut(i), w);
                bump(t.advice_ok_judge.get_mut(i), jd);
                bump(t.advice_ok_either.get_mut(i), w || jd);
            }
            if violation {
                t.judge_violations += 1;
            }
            let named = s
                .expect
                .warnings
                .iter()
                .filter(|w| j.warnings.contains(w))
                .count();
            t.writer_warnings.0 += s.expect.warnings.len();
            t.writer_warnings.1 += named;
            if named == s.expect.warnings.len() {
                t.judge_warnings_all += 1;
            }
        }
        if let (Some(a), Some(b)) = (op.judgements.first(), op.judgements.get(1)) {
            t.pairs += 1;
            for (i, (la, lb)) in a.layers().into_iter().zip(b.layers()).enumerate() {
                let (fa, fb) = (la.leader.first(), lb.leader.first());
                bump(t.pairs_same_first.get_mut(i), fa.is_some() && fa == fb);
                let a_in_b = fa.is_some_and(|f| lb.leader.contains(f));
                let b_in_a = fb.is_some_and(|f| la.leader.contains(f));
                if let Some(n) = t.pairs_first_ok.get_mut(i) {
                    *n += usize::from(a_in_b) + usize::from(b_in_a);
                }
            }
        }
    }
    t
}

fn opinion_lines(out: &mut String, heading: &str, t: &OpinionTotals) {
    if t.judgements == 0 {
        return;
    }
    let per_layer = |v: &[usize; 3], d: usize| {
        ["arrangement", "vehicle", "payment"]
            .iter()
            .zip(v)
            .map(|(n, x)| format!("{n} {}", pct(*x, d)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        out,
        "  {heading}: {} judgements of {} scenarios, by experts who saw only the prose and the evidence",
        t.judgements, t.scenarios
    );
    let _ = writeln!(
        out,
        "    the second expert's first choice acceptable to the writer: {}; a must-not-lead first {}",
        per_layer(&t.judge_first_ok, t.judgements),
        t.judge_violations
    );
    let _ = writeln!(
        out,
        "    the advice's leader (primary encoding) acceptable to the writer: {}",
        per_layer(&t.advice_ok_writer, t.judgements)
    );
    let _ = writeln!(
        out,
        "    the advice's leader acceptable to the second expert: {}",
        per_layer(&t.advice_ok_judge, t.judgements)
    );
    let _ = writeln!(
        out,
        "    the advice's leader acceptable to either: {}",
        per_layer(&t.advice_ok_either, t.judgements)
    );
    let _ = writeln!(
        out,
        "    the writer's required warnings named by the second expert {} (all named in {})",
        pct(t.writer_warnings.1, t.writer_warnings.0),
        pct(t.judge_warnings_all, t.judgements)
    );
    if t.pairs > 0 {
        let _ = writeln!(
            out,
            "    judged twice ({} scenarios): the same first choice {}; one's first choice among the other's leaders {}",
            t.pairs,
            per_layer(&t.pairs_same_first, t.pairs),
            per_layer(&t.pairs_first_ok, 2 * t.pairs)
        );
    }
}

fn pct(n: usize, d: usize) -> String {
    match (n * 100).checked_div(d) {
        Some(p) => format!("{n}/{d} ({p}%)"),
        None => "–".to_owned(),
    }
}

/// The report for the whole suite: per set, per encoding, and the encoders' agreement.
pub fn report(kb: &Kb, scenarios: &[Scenario]) -> Result<String, Vec<Error>> {
    let mut out = String::new();
    let mut sets: Vec<&str> = scenarios.iter().map(|s| s.set.as_str()).collect();
    sets.sort_unstable();
    sets.dedup();
    // Primary-encoding outcomes of the scenarios with a second opinion, scored once for both reports on them.
    let mut judged: Vec<(&Scenario, Outcome)> = Vec::new();
    let mut judged_sets = std::collections::BTreeSet::new();
    for set in sets {
        let members: Vec<&Scenario> = scenarios.iter().filter(|s| s.set == set).collect();
        let judged_before = judged.len();
        for (label, pick) in [("primary encoding", 0usize), ("second encoding", 1usize)] {
            let mut totals = SetTotals::default();
            let mut failures = Vec::new();
            for s in &members {
                let raw = if pick == 0 {
                    s.encoding.primary.as_ref()
                } else {
                    s.encoding.second.as_ref()
                };
                let Some(raw) = raw else { continue };
                let o = score(kb, s, raw).map_err(|mut e| {
                    e.insert(
                        0,
                        Error::new(
                            ErrorKind::Content,
                            format!(
                                "scenario `{}` ({label}) has answers the questionnaire refuses",
                                s.id
                            ),
                        ),
                    );
                    e
                })?;
                if !o.failures.is_empty() {
                    failures.push(format!("  {}: {}", o.id, o.failures.join("; ")));
                }
                totals.add(&o);
                if pick == 0 && s.second_opinion.is_some() {
                    judged.push((s, o));
                }
            }
            if totals.scenarios == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "\n== {set} set, {label}: {} scenarios",
                totals.scenarios
            );
            let t = &totals;
            let names = ["arrangement", "vehicle", "payment"];
            for (i, name) in names.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {name:<12} leader acceptable {:<14} top three acceptable {:<14} (all three acceptable {})",
                    pct(t.leader_ok.get(i).copied().unwrap_or(0), t.scenarios),
                    pct(t.top3_ok.get(i).copied().unwrap_or(0), t.scenarios),
                    pct(t.top3_all_ok.get(i).copied().unwrap_or(0), t.scenarios)
                );
            }
            let _ = writeln!(
                out,
                "  all three leaders acceptable {}\n  must-not-lead violations {}\n  required warnings all present {}  (for the situation and the recommended combination alone {})",
                pct(t.all_leaders_ok, t.scenarios),
                t.violations,
                pct(t.warnings_ok, t.scenarios),
                pct(t.warnings_in_watch, t.scenarios)
            );
            let recall: Vec<String> = t
                .warning_recall
                .iter()
                .map(|(w, (req, got))| format!("{w} {got}/{req}"))
                .collect();
            let _ = writeln!(out, "  warning recall: {}", recall.join(", "));
            if !t.undefined_warnings.is_empty() {
                let list: Vec<String> = t
                    .undefined_warnings
                    .iter()
                    .map(|(w, n)| format!("{w} ×{n}"))
                    .collect();
                let _ = writeln!(
                    out,
                    "  required warnings the content does not define yet: {}",
                    list.join(", ")
                );
            }
            for (i, name) in names.iter().enumerate() {
                let dist: Vec<String> = t
                    .leaders
                    .get(i)
                    .map(|m| m.iter().map(|(k, v)| format!("{k} {v}")).collect())
                    .unwrap_or_default();
                let _ = writeln!(out, "  leaders ({name}): {}", dist.join(", "));
            }
            if !failures.is_empty() {
                let _ = writeln!(out, "  not as expected:");
                for f in failures {
                    let _ = writeln!(out, "{f}");
                }
            }
        }
        let (mut same, mut either, mut pairs) = (0, 0, 0);
        for s in &members {
            if let (Some(a), Some(b)) = (&s.encoding.primary, &s.encoding.second) {
                let (x, y) = agreement(a, b);
                same += x;
                either += y;
                pairs += 1;
            }
        }
        let _ = writeln!(
            out,
            "  encoder agreement ({pairs} scenarios encoded twice): {}",
            pct(same, either)
        );
        let in_set = judged.get(judged_before..).unwrap_or_default();
        if !in_set.is_empty() {
            judged_sets.insert(set);
        }
        opinion_lines(&mut out, "second expert", &tally_opinions(in_set));
    }
    if judged_sets.len() > 1 {
        let _ = writeln!(out, "\n== every set together");
        opinion_lines(&mut out, "second expert", &tally_opinions(&judged));
    }
    Ok(out)
}

/// A small deterministic generator (xorshift64*), so the balance report is the same on every run.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33;
        usize::try_from(x).unwrap_or(0) % n.max(1)
    }
}

/// A random complete, valid answer set: each question that applies, in journey order, gets one option (single
/// choice) or a random non-empty selection that respects exclusive options (multiple choice).
pub fn random_answers(kb: &Kb, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new(kb);
    for (qi, (_, q)) in kb.content.questions.iter().enumerate() {
        if !answers.effective(kb).is_visible(qi) || q.options.is_empty() {
            continue;
        }
        let n = q.options.len();
        let mask = match q.kind {
            Kind::Single => 1u32 << rng.below(n),
            Kind::Multi => {
                let mut m = 0u32;
                for (i, o) in q.options.iter().enumerate() {
                    if !o.exclusive && rng.below(2) == 1 {
                        m |= 1 << i;
                    }
                }
                if m == 0 {
                    1u32 << rng.below(n)
                } else {
                    m
                }
            }
        };
        answers = answers.with_mask(qi, mask);
    }
    answers
}

/// One model's line in the balance report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceRow {
    /// Model index.
    pub model: usize,
    /// The most points that could ever count for it (every question, the best answer to each).
    pub attainable: i32,
    /// How many answer sets it leads its layer in.
    pub leads: usize,
}

/// Each model's attainable maximum and how often it leads its layer over `n` random valid answer sets.
pub fn balance(kb: &Kb, n: usize, seed: u64) -> Vec<BalanceRow> {
    let mut rows: Vec<BalanceRow> = (0..kb.content.models.len())
        .map(|model| BalanceRow {
            model,
            attainable: kb.attainable(model),
            leads: 0,
        })
        .collect();
    let mut rng = Rng::new(seed);
    let mut buf = Vec::new();
    for _ in 0..n {
        let answers = random_answers(kb, &mut rng);
        tallies(kb, &states(kb, &answers), &mut buf);
        for layer in Layer::ALL {
            let order = rank(kb, &buf, layer);
            if let Some(first) = order.first() {
                if buf.get(*first).is_some_and(|t| !t.ruled_out) {
                    if let Some(r) = rows.get_mut(*first) {
                        r.leads += 1;
                    }
                }
            }
        }
    }
    rows
}

/// The balance report as text.
pub fn balance_report(kb: &Kb, n: usize, seed: u64) -> String {
    let rows = balance(kb, n, seed);
    let mut out = format!(
        "Balance over {n} random valid answer sets (seed {seed}): each model's attainable maximum, and how often it leads its layer.\n"
    );
    for layer in Layer::ALL {
        let _ = writeln!(
            out,
            "\n{:<26} {:>10} {:>8} {:>7}",
            layer.id(),
            "attainable",
            "leads",
            "share"
        );
        for r in rows.iter().filter(|r| {
            kb.content
                .models
                .get(r.model)
                .is_some_and(|m| m.layer == layer)
        }) {
            let id = kb
                .content
                .models
                .get(r.model)
                .map(|m| m.id.as_str())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{id:<26} {:>10} {:>8} {:>6.1}%",
                r.attainable,
                r.leads,
                r.leads as f64 * 100.0 / n.max(1) as f64
            );
        }
    }
    out
}
