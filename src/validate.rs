//! The editorial rules for content (see `CONTENT.md`): evidence, completeness, ids, and the monotonic rule for
//! capability weights.
//!
//! [`problems`] returns every breach as a sentence naming the file and id, so a content editor can fix it
//! without reading Rust. The tests fail on any problem; `advise check` prints them.

use std::collections::BTreeSet;

use crate::condition::Cond;
use crate::content::{parse_as_of, Claim, Kind, Layer};
use crate::kb::Kb;

/// Words that make a statement depend on current national policy, payment rules or law (see CONTENT.md, "Dated
/// statements"). A pro, con, risk, warning or glossary definition that contains one must carry `as_of`, the date
/// it speaks for. Matched case-insensitively.
pub const POLICY_WORDS: &[&str] = &[
    "nhs payment scheme",
    "2025/26",
    "2026/27",
    "2025–26",
    "2026–27",
    "2025 to 2026",
    "2026 to 2027",
    "better care fund",
    "health bill",
    "abolition",
    "10 year health plan",
    "medium term planning framework",
    "neighbourhood health framework",
    "developmental year",
    "integrated health organisation",
    "iho",
    "designation",
    "boards are merging",
    "board mergers",
    "merged boards",
    "clustered",
    "clustering",
    "statutory guidance",
    "not final",
    "consultation",
    "current national policy",
];

/// Words that make a statement claim a result (pros, cons, risks, warnings, reasons and cases): an outcome
/// claim resting only on interested parties' accounts must say whose account it is. Matched case-insensitively.
pub const OUTCOME_WORDS: &[&str] = &[
    "saving",
    "saved",
    "reduc",
    "cut ",
    "fell",
    "fewer",
    "improv",
    "lower",
    "success",
    "worked",
    "working model",
    "delivered",
    "benefit",
];

/// Statements older than this many months before `last_reviewed` are listed by `advise check`.
pub const STALE_MONTHS: i32 = 12;

/// A statement that carries the date it speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// Where it is (file and id).
    pub context: String,
    /// The date it speaks for, as written (`YYYY-MM` or `YYYY-MM-DD`).
    pub as_of: String,
    /// Whole months from that date to `last_reviewed` (negative if after it).
    pub months_old: i32,
}

/// Whole months from one content date to another. A date given as a year only counts from its January, so its
/// age is never understated.
fn months_between(from: (u16, u8, u8), to: (u16, u8, u8)) -> i32 {
    let (fy, fm, fd) = from;
    let fm = fm.max(1);
    let (ty, tm, td) = to;
    let mut months = (i32::from(ty) - i32::from(fy)) * 12 + i32::from(tm) - i32::from(fm);
    if fd != 0 && td != 0 && td < fd {
        months -= 1;
    }
    months
}

fn has_any(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| {
        // Short words such as "iho" must stand alone, not sit inside another word.
        if w.len() <= 4 && w.bytes().all(|b| b.is_ascii_alphabetic()) {
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|token| token == *w || token == format!("{w}s"))
        } else {
            lower.contains(w)
        }
    })
}

/// Every statement that carries a date, with its age at `last_reviewed`, in content order.
pub fn dated_statements(kb: &Kb) -> Vec<Dated> {
    let c = &kb.content;
    let reviewed = parse_as_of(&c.meta.last_reviewed).unwrap_or((0, 1, 1));
    let mut all: Vec<(String, &Option<String>)> = Vec::new();
    for t in &c.glossary {
        all.push((format!("glossary.json `{}`", t.id), &t.as_of));
    }
    for m in &c.models {
        all.push((
            format!("models.json `{}` status_note", m.id),
            &m.status_as_of,
        ));
        for (what, list) in [("pros", &m.pros), ("cons", &m.cons), ("risks", &m.risks)] {
            for (i, claim) in list.iter().enumerate() {
                all.push((format!("models.json `{}` {what}[{i}]", m.id), &claim.as_of));
            }
        }
    }
    for k in &c.cases {
        all.push((format!("cases.json `{}` status", k.id), &k.as_of));
    }
    for f in &c.red_flags {
        all.push((format!("red_flags.json `{}`", f.id), &f.as_of));
    }
    for (i, n) in c.psr.notes.iter().enumerate() {
        all.push((format!("psr.json note {i}"), &n.as_of));
    }
    all.into_iter()
        .filter_map(|(context, as_of)| {
            let as_of = as_of.as_ref()?;
            let date = parse_as_of(as_of)?;
            Some(Dated {
                context,
                as_of: as_of.clone(),
                months_old: months_between(date, reviewed),
            })
        })
        .collect()
}

/// Words that mark a claim as not verified (rule 2 of the evidence rules).
pub const CAVEAT_WORDS: &[&str] = &[
    "not verified",
    "unverified",
    "unconfirmed",
    "not confirmed",
    "reported",
    "provenance",
    "could not be checked",
];

/// The six commissioner skills.
pub const SKILLS: &[&str] = &[
    "procurement",
    "contract-management",
    "actuarial",
    "legal",
    "analytics",
    "leadership",
];

/// The five Provider Selection Regime processes.
pub const ROUTES: &[&str] = &[
    "direct-award-a",
    "direct-award-b",
    "direct-award-c",
    "most-suitable-provider",
    "competitive",
];

fn kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct Checker<'a> {
    kb: &'a Kb,
    out: Vec<String>,
}

impl Checker<'_> {
    fn fail(&mut self, msg: String) {
        self.out.push(msg);
    }

    fn text(&mut self, context: &str, text: &str) {
        if text.trim().is_empty() {
            self.fail(format!("{context}: text is empty"));
        }
        if text.contains('⚠') {
            self.fail(format!(
                "{context}: contains the brief's ⚠ marker; say in words that it is not verified"
            ));
        }
    }

    fn sources(&mut self, context: &str, sources: &[String], text: &str) {
        if sources.is_empty() {
            self.fail(format!("{context}: names no source"));
        }
        let mut all_cautioned = !sources.is_empty();
        for s in sources {
            match self.kb.source(s) {
                None => self.fail(format!("{context}: source `{s}` is not in sources.json")),
                Some(src) => all_cautioned &= src.caution.is_some(),
            }
        }
        let lower = text.to_lowercase();
        if all_cautioned && !CAVEAT_WORDS.iter().any(|w| lower.contains(w)) {
            self.fail(format!(
                "{context}: rests only on sources whose provenance is unconfirmed, but does not say so"
            ));
        }
    }

    fn claim(&mut self, context: &str, c: &Claim) {
        self.text(context, &c.text);
        self.sources(context, &c.sources, &c.text);
        self.dated(context, &c.text, c.as_of.as_deref(), false);
        self.account(context, &c.sources, &c.text);
    }

    /// The date rule: `as_of` is a real date (`YYYY-MM` or `YYYY-MM-DD`) not after `last_reviewed`, and a
    /// statement that must be dated (`always`, or one that names current policy) has one.
    fn dated(&mut self, context: &str, text: &str, as_of: Option<&str>, always: bool) {
        match as_of {
            None if always => self.fail(format!(
                "{context}: a status needs `as_of`, the date it speaks for (YYYY-MM-DD, YYYY-MM or YYYY)"
            )),
            None if has_any(text, POLICY_WORDS) => self.fail(format!(
                "{context}: speaks of current policy, payment rules or law but has no `as_of` date (YYYY-MM-DD, YYYY-MM or YYYY)"
            )),
            None => {}
            Some(d) => match parse_as_of(d) {
                None => self.fail(format!(
                    "{context}: as_of `{d}` is not a date like 2026-03-17, 2026-03 or (where a source gives only the year) 2026"
                )),
                Some(date) => {
                    let reviewed = parse_as_of(&self.kb.content.meta.last_reviewed);
                    let after = reviewed.is_some_and(|(y, m, day)| {
                        let (dy, dm, dd) = date;
                        (dy, dm) > (y, m) || ((dy, dm) == (y, m) && dd > day)
                    });
                    if after {
                        self.fail(format!(
                            "{context}: as_of `{d}` is after the content's last_reviewed date"
                        ));
                    }
                }
            },
        }
    }

    /// The whose-account rule: an outcome claim resting only on interested parties' own accounts names whose
    /// account it is (the `interested_party` words of one of its sources).
    fn account(&mut self, context: &str, sources: &[String], text: &str) {
        if sources.is_empty() || !has_any(text, OUTCOME_WORDS) {
            return;
        }
        let parties: Option<Vec<&str>> = sources
            .iter()
            .map(|s| {
                self.kb
                    .source(s)
                    .and_then(|src| src.interested_party.as_deref())
            })
            .collect();
        let Some(parties) = parties else { return };
        let lower = text.to_lowercase();
        if !parties.iter().any(|p| lower.contains(&p.to_lowercase())) {
            self.fail(format!(
                "{context}: claims a result that rests only on an interested party's own account ({}), but does not say whose account it is",
                parties.join("; ")
            ));
        }
    }
}

/// Every breach of the content rules, as sentences. Empty when the content is sound.
pub fn problems(kb: &Kb) -> Vec<String> {
    let mut c = Checker {
        kb,
        out: Vec::new(),
    };
    let content = &kb.content;

    // Meta.
    let m = &content.meta;
    if m.content_version.split('.').count() != 3
        || !m
            .content_version
            .split('.')
            .all(|p| p.parse::<u32>().is_ok())
    {
        c.fail(format!(
            "meta.json: content_version `{}` is not of the form 1.2.3",
            m.content_version
        ));
    }
    if m.last_reviewed.len() != 10 || parse_as_of(&m.last_reviewed).is_none() {
        c.fail(format!(
            "meta.json: last_reviewed `{}` is not a date like 2026-11-22",
            m.last_reviewed
        ));
    }

    // Sources.
    for s in &content.sources {
        let ok_id =
            s.id.strip_prefix('S')
                .or_else(|| s.id.strip_prefix('F'))
                .is_some_and(|n| n.parse::<u32>().is_ok());
        if !ok_id {
            c.fail(format!("sources.json: id `{}` is not like S12 or F3", s.id));
        }
        for (field, v) in [
            ("title", &s.title),
            ("publisher", &s.publisher),
            ("year", &s.year),
        ] {
            if v.trim().is_empty() {
                c.fail(format!("sources.json `{}`: {field} is empty", s.id));
            }
        }
        if s.interested_party
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            c.fail(format!(
                "sources.json `{}`: interested_party is empty; name whose account it is",
                s.id
            ));
        }
        if !s.url.starts_with("http://") && !s.url.starts_with("https://") && s.caution.is_none() {
            c.fail(format!(
                "sources.json `{}`: url is not a web address and no caution explains why",
                s.id
            ));
        }
    }

    // Glossary and skills.
    let mut used_terms = BTreeSet::new();
    for (_, q) in &content.questions {
        used_terms.extend(q.defines.iter().cloned());
    }
    for t in &content.glossary {
        let ctx = format!("glossary.json `{}`", t.id);
        c.text(&ctx, &t.definition);
        c.sources(&ctx, &t.sources, &t.definition);
        c.dated(&ctx, &t.definition, t.as_of.as_deref(), false);
        if !used_terms.contains(&t.id) {
            c.fail(format!("{ctx}: no question defines this term"));
        }
    }
    let skill_ids: BTreeSet<&str> = content.skills.iter().map(|s| s.id.as_str()).collect();
    if skill_ids != SKILLS.iter().copied().collect() {
        c.fail(format!(
            "skills.json: the skills must be exactly {}",
            SKILLS.join(", ")
        ));
    }
    for s in &content.skills {
        let ctx = format!("skills.json `{}`", s.id);
        c.text(&ctx, &s.gap);
        c.text(&ctx, &s.remedy);
        c.sources(&ctx, &s.sources, &format!("{} {}", s.gap, s.remedy));
    }

    // Models.
    let mut mentioned = vec![false; content.models.len()];
    let mut favoured = vec![false; content.models.len()];
    let mut decisive = vec![0usize; content.models.len()];
    for model in &content.models {
        let ctx = format!("models.json `{}`", model.id);
        if !kebab(&model.id) {
            c.fail(format!("{ctx}: id is not kebab-case"));
        }
        for (field, v) in [
            ("name", &model.name),
            ("short_name", &model.short_name),
            ("summary", &model.summary),
            ("definition", &model.definition),
            ("risk_carrier", &model.risk_carrier),
            ("money_flow", &model.money_flow),
            ("governance", &model.governance),
        ] {
            c.text(&format!("{ctx} {field}"), v);
        }
        for (what, list) in [
            ("pros", &model.pros),
            ("cons", &model.cons),
            ("risks", &model.risks),
        ] {
            if list.is_empty() {
                c.fail(format!("{ctx}: has no {what}"));
            }
            for (i, claim) in list.iter().enumerate() {
                c.claim(&format!("{ctx} {what}[{i}]"), claim);
            }
        }
        match (&model.status_note, &model.status_as_of) {
            (Some(note), as_of) => {
                c.text(&format!("{ctx} status_note"), note);
                c.dated(&format!("{ctx} status_note"), note, as_of.as_deref(), true);
            }
            (None, Some(_)) => c.fail(format!("{ctx}: status_as_of without a status_note")),
            (None, None) => {}
        }
        if model.when_it_fits.is_empty() {
            c.fail(format!("{ctx}: says nowhere when it fits"));
        }
        if model.synonyms.is_empty() {
            c.fail(format!("{ctx}: lists no synonyms"));
        }
        let dm = &model.demands;
        let [lo, hi] = dm.lead_time_months;
        if lo == 0 || lo > hi {
            c.fail(format!(
                "{ctx}: lead_time_months must be [least, most] with least at 1 or more"
            ));
        }
        c.text(&format!("{ctx} lead_time_note"), &dm.lead_time_note);
        c.sources(&format!("{ctx} demands"), &dm.sources, &dm.lead_time_note);
        if dm.skills.is_empty() {
            c.fail(format!("{ctx}: demands no skills"));
        }
        c.sources(&ctx, &model.sources, &model.definition);
        match model.layer {
            Layer::Vehicle if model.pairs_with.is_empty() => {
                c.fail(format!(
                    "{ctx}: a vehicle must pair with at least one payment rule"
                ));
            }
            Layer::Payment | Layer::Arrangement if !model.pairs_with.is_empty() => {
                c.fail(format!(
                    "{ctx}: only a vehicle pairs with payment rules (pairs_with must be empty)"
                ));
            }
            _ => {}
        }
        if model.overlay && model.layer != Layer::Payment {
            c.fail(format!("{ctx}: only a payment rule can be an overlay"));
        }
        if model.layer == Layer::Payment
            && !content
                .models
                .iter()
                .any(|v| v.pairs_with.iter().any(|p| p == &model.id))
        {
            c.fail(format!("{ctx}: no vehicle can carry this payment rule"));
        }
    }

    // Sections and questions.
    let mut qkeys = BTreeSet::new();
    for (qi, (_, q)) in content.questions.iter().enumerate() {
        let ctx = format!("question `{}`", q.id);
        if !kebab(&q.id) || !q.id.starts_with("q-") {
            c.fail(format!("{ctx}: id must be kebab-case and start with q-"));
        }
        if q.key.len() != 2
            || !q
                .key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            c.fail(format!(
                "{ctx}: key `{}` must be two lowercase letters or digits",
                q.key
            ));
        }
        if !qkeys.insert(q.key.clone()) {
            c.fail(format!(
                "{ctx}: key `{}` is used by another question",
                q.key
            ));
        }
        c.text(&ctx, &q.text);
        c.text(&format!("{ctx} error"), &q.error);
        if let Some(Some(cond)) = kb.show_if.get(qi) {
            if !cond.reads_only_before(qi) {
                c.fail(format!(
                    "{ctx}: show_if depends on a question that comes later"
                ));
            }
        }
        // A list of radios longer than six is hard to compare; a checkbox list is scanned for what applies rather
        // than compared, so it may be longer (the first question has eleven), though not past twelve.
        let (min, max) = match q.kind {
            Kind::Single => (2, 6),
            Kind::Multi => (2, 12),
        };
        if q.options.len() < min || q.options.len() > max {
            c.fail(format!(
                "{ctx}: has {} options; {min} to {max} allowed",
                q.options.len()
            ));
        }
        if q.kind == Kind::Single && q.options.iter().any(|o| o.exclusive) {
            c.fail(format!(
                "{ctx}: only a multiple-choice option can be exclusive"
            ));
        }
        if q.kind == Kind::Multi && q.options.iter().all(|o| o.exclusive) {
            c.fail(format!("{ctx}: every option is exclusive"));
        }
        let mut okeys = BTreeSet::new();
        let mut oids = BTreeSet::new();
        for o in &q.options {
            let octx = format!("{ctx} option `{}`", o.id);
            if !kebab(&o.id) || !oids.insert(o.id.clone()) {
                c.fail(format!(
                    "{octx}: id must be kebab-case and unique in the question"
                ));
            }
            if o.key.len() != 1
                || !o
                    .key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                || !okeys.insert(o.key.clone())
            {
                c.fail(format!("{octx}: key `{}` must be one lowercase letter or digit, unique in the question", o.key));
            }
            c.text(&octx, &o.label);
            let mut models_moved = BTreeSet::new();
            for e in &o.effects {
                let ectx = format!("{octx} effect on `{}`", e.model);
                // Once unconditionally, and once more under each distinct condition.
                if !models_moved.insert((e.model.as_str(), format!("{:?}", e.when))) {
                    c.fail(format!("{ectx}: the option moves this model twice"));
                }
                if e.decisive {
                    if !(4..=8).contains(&e.points.abs()) {
                        c.fail(format!(
                            "{ectx}: a decisive effect weighs 4 to 8 points (or −4 to −8)"
                        ));
                    }
                } else if e.points == 0 || !(-3..=3).contains(&e.points) {
                    c.fail(format!(
                        "{ectx}: a supporting effect weighs −3 to +3 and not 0; mark one of the model's few decisive conditions `decisive` to weigh more"
                    ));
                }
                if e.serious && (e.points > 0 || !e.decisive) {
                    c.fail(format!(
                        "{ectx}: a failed precondition (serious) is a negative decisive effect"
                    ));
                }
                if e.decisive && e.points > 0 {
                    if let Some((mi, _)) = kb.model(&e.model) {
                        if let Some(n) = decisive.get_mut(mi) {
                            *n += 1;
                        }
                    }
                }
                c.text(&ectx, &e.why);
                c.sources(&ectx, &e.sources, &e.why);
                c.account(&ectx, &e.sources, &e.why);
                if let Some((mi, _)) = kb.model(&e.model) {
                    if let Some(flag) = mentioned.get_mut(mi) {
                        *flag = true;
                    }
                    if e.points > 0 {
                        if let Some(flag) = favoured.get_mut(mi) {
                            *flag = true;
                        }
                    }
                }
            }
        }
        // Measures.
        if let Some(measures) = &q.measures {
            if let Some(skill) = &measures.skill {
                let mut levels: Vec<u8> = q.options.iter().filter_map(|o| o.level).collect();
                levels.sort_unstable();
                if levels != [0, 1, 2] || q.options.len() > 4 {
                    c.fail(format!("{ctx}: a skill question needs three options with levels 0, 1 and 2, and at most one without a level (such as “Not sure”)"));
                }
                // The monotonic rule: a better capability never lowers a model that needs the skill.
                for model in content
                    .models
                    .iter()
                    .filter(|m| m.demands.skills.iter().any(|s| &s.skill == skill))
                {
                    let mut by_level: Vec<(u8, i32)> = q
                        .options
                        .iter()
                        .filter(|o| o.level.is_some())
                        .map(|o| {
                            let pts = o
                                .effects
                                .iter()
                                .filter(|e| e.model == model.id)
                                .map(|e| e.points)
                                .sum();
                            (o.level.unwrap_or(0), pts)
                        })
                        .collect();
                    by_level.sort_unstable();
                    if by_level
                        .windows(2)
                        .any(|w| matches!(w, [(_, a), (_, b)] if b < a))
                    {
                        c.fail(format!(
                            "{ctx}: points for `{}` go down as {skill} capability goes up (the monotonic rule)",
                            model.id
                        ));
                    }
                }
            }
            if measures.time && q.options.iter().filter(|o| o.months.is_none()).count() > 1 {
                c.fail(format!(
                    "{ctx}: every option of the time question needs months, except at most one (such as “Not sure”)"
                ));
            }
            if measures.cost
                && (q.options.iter().any(|o| matches!(o.level, Some(3..)))
                    || q.options.iter().filter(|o| o.level.is_none()).count() > 1)
            {
                c.fail(format!(
                    "{ctx}: every option of the set-up spend question needs a level 0 to 2, except at most one (such as “Not sure”)"
                ));
            }
        }
    }
    for (qi, (_, q)) in content.questions.iter().enumerate() {
        let read_by_rule = kb
            .flag_when
            .iter()
            .chain(kb.flag_situation.iter().flatten())
            .chain(kb.model_proposed.iter().flatten())
            .chain(kb.routes.conds())
            .chain(kb.case_features.iter().flatten())
            .chain(kb.show_if.iter().flatten())
            .any(|cond| {
                let mut reads = false;
                cond.questions(&mut |x| reads |= x == qi);
                reads
            });
        if !read_by_rule
            && q.options
                .iter()
                .all(|o| o.effects.is_empty() && o.in_place.is_none())
        {
            c.fail(format!(
                "question `{}`: moves no model and no rule reads it (an orphan question)",
                q.id
            ));
        }
        if let Some(Some(cond)) = kb.show_if.get(qi) {
            if !cond.is_positive() {
                c.fail(format!(
                    "question `{}`: show_if may only ask that answers include options (no `not`, no `answered`), so that answering more can never hide a question",
                    q.id
                ));
            }
        }
    }
    for (i, model) in content.models.iter().enumerate() {
        if decisive.get(i).copied().unwrap_or(0) < 2 {
            c.fail(format!(
                "models.json `{}`: needs at least two decisive conditions (positive effects marked `decisive`) that make it lead when they hold",
                model.id
            ));
        }
        if !mentioned.get(i).copied().unwrap_or(false) || !favoured.get(i).copied().unwrap_or(false)
        {
            c.fail(format!(
                "models.json `{}`: no answer ever counts for this model",
                model.id
            ));
        }
    }
    for skill in SKILLS {
        if !kb.skill_question.contains_key(*skill) {
            c.fail(format!("no question measures the skill `{skill}`"));
        }
    }
    if kb.time_question.is_none() {
        c.fail("no question measures the time available".to_owned());
    }

    // Cases.
    for case in &content.cases {
        let ctx = format!("cases.json `{}`", case.id);
        for (f, v) in [
            ("what", &case.what),
            ("what_happened", &case.what_happened),
            ("lesson", &case.lesson),
        ] {
            c.text(&format!("{ctx} {f}"), v);
        }
        c.sources(
            &ctx,
            &case.sources,
            &format!("{} {} {}", case.name, case.what, case.what_happened),
        );
        c.dated(
            &format!("{ctx} status"),
            &case.what_happened,
            case.as_of.as_deref(),
            true,
        );
        c.account(
            &ctx,
            &case.sources,
            &format!("{} {}", case.what_happened, case.lesson),
        );
        if case.resembles.min_match == 0 || case.resembles.min_match > case.resembles.features.len()
        {
            c.fail(format!(
                "{ctx}: min_match must be between 1 and the number of features"
            ));
        }
        if !content.models.iter().any(|m| m.cases.contains(&case.id)) {
            c.fail(format!("{ctx}: no model links to this case"));
        }
    }

    // Red flags (warnings): the warning rules, then dates and whose account.
    warnings(&mut c);
    proposals(&mut c);
    case_for_change(&mut c);
    new_vehicle_margin(&mut c);
    in_place(&mut c);
    plan(&mut c);
    for f in &content.red_flags {
        let ctx = format!("red_flags.json `{}`", f.id);
        c.dated(
            &ctx,
            &format!("{} {}", f.message, f.mitigation),
            f.as_of.as_deref(),
            false,
        );
        c.account(&ctx, &f.sources, &f.message);
    }

    // Procurement routes.
    let psr = &content.psr;
    let route_ids: BTreeSet<&str> = psr.routes.iter().map(|r| r.id.as_str()).collect();
    if route_ids != ROUTES.iter().copied().collect() {
        c.fail(format!(
            "psr.json: the routes must be exactly {}",
            ROUTES.join(", ")
        ));
    }
    c.text("psr.json disclaimer", &psr.disclaimer);
    c.sources("psr.json", &psr.sources, &psr.disclaimer);
    for r in &psr.routes {
        let ctx = format!("psr.json route `{}`", r.id);
        c.text(&ctx, &r.summary);
        c.sources(&ctx, &r.sources, &r.summary);
    }
    for r in &psr.routes {
        let ctx = format!("psr.json route `{}`", r.id);
        if r.notices.is_empty() || r.records.is_empty() {
            c.fail(format!(
                "{ctx}: every process lists its notices and the records to keep"
            ));
        }
        for t in r
            .notices
            .iter()
            .chain(&r.records)
            .chain(std::iter::once(&r.in_sentence))
        {
            c.text(&ctx, t);
        }
    }
    if psr.records.items.is_empty() {
        c.fail("psr.json: the general records checklist is empty".to_owned());
    }
    for t in &psr.records.items {
        c.text("psr.json records", t);
    }
    c.sources(
        "psr.json records",
        &psr.records.sources,
        psr.records.items.first().map_or("", String::as_str),
    );
    // Scope: ordered verdicts, the last (and only the last) without a condition, so one always applies.
    for (i, r) in psr.scope.iter().enumerate() {
        let ctx = format!("psr.json scope `{}`", r.id);
        c.text(&ctx, &r.text);
        c.text(&ctx, &r.short);
        c.sources(&ctx, &r.sources, &r.text);
        if r.when.is_none() != (i + 1 == psr.scope.len()) {
            c.fail(format!(
                "{ctx}: only the last scope verdict may (and must) apply without a condition"
            ));
        }
    }
    // The threshold: rows that read answers only.
    c.sources(
        "psr.json threshold",
        &psr.threshold.sources,
        &psr.threshold.unsettled,
    );
    c.text("psr.json threshold unsettled", &psr.threshold.unsettled);
    for (i, r) in psr.threshold.rows.iter().enumerate() {
        c.text(&format!("psr.json threshold row {i}"), &r.because);
        if r.threshold.is_some() || r.when.is_none() {
            c.fail(format!(
                "psr.json threshold row {i}: a threshold row needs a condition on the answers and cannot read the threshold itself"
            ));
        }
    }
    // Elements: each a table of the five processes in the Regulations' order.
    for e in &psr.elements {
        let ctx = format!("psr.json element `{}`", e.id);
        let order: Vec<&str> = e.steps.iter().map(|s| s.route.as_str()).collect();
        if order != ROUTES {
            c.fail(format!(
                "{ctx}: the steps must be the processes in the Regulations' order: {}",
                ROUTES.join(", ")
            ));
        }
        for s in &e.steps {
            let sctx = format!("{ctx}, step `{}`", s.route);
            if s.rows.is_empty() {
                c.fail(format!("{sctx}: has no rows"));
            }
            let always = s
                .rows
                .last()
                .is_some_and(|r| r.when.is_none() && r.threshold.is_none());
            if always != s.unsettled.is_empty() {
                c.fail(format!(
                    "{sctx}: needs an 'unsettled' text unless its last row always matches, and only then may it have none"
                ));
            }
            if !s.unsettled.is_empty() {
                c.text(&sctx, &s.unsettled);
            }
            for r in &s.rows {
                c.text(&sctx, &r.because);
                if r.threshold.is_some() && s.route != "direct-award-c" {
                    c.fail(format!(
                        "{sctx}: only direct award C turns on the considerable change threshold"
                    ));
                }
            }
        }
        for n in &e.notes {
            c.text(&ctx, &n.text);
            c.sources(&ctx, &n.sources, &n.text);
        }
    }
    for (i, n) in psr.notes.iter().enumerate() {
        // The PSR notes belong to the procurement rework (issue 11), which dates them; until then only a date
        // they do carry is checked, not whether one is missing.
        let ctx = format!("psr.json note {i}");
        c.text(&ctx, &n.text);
        c.sources(&ctx, &n.sources, &n.text);
        c.dated(&ctx, "", n.as_of.as_deref(), false);
        c.account(&ctx, &n.sources, &n.text);
    }
    c.out
}

/// The most answer sets [`trigger_reach`] walks for one trigger before it gives up (and says so).
const TRIGGER_BUDGET: usize = 200_000;

/// What a warning's trigger can do over every complete answer set to the questions it depends on.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct TriggerReach {
    /// Some answer set raises it.
    fires: bool,
    /// Some answer set does not raise it.
    quiet: bool,
    /// Some answer set raises it without naming any answer behind it (it holds only through `not` or `answered`).
    fires_unnamed: bool,
    /// The answer sets were too many to walk.
    too_many: bool,
}

/// The plan of next steps (`plan.json`): every stage named and described, the shares of the months before
/// procurement leaving some for mobilisation, every length at least a month, the go-live month in what mobilisation
/// says, and a shadow period tied to a warning that exists.
fn plan(c: &mut Checker) {
    let kb = c.kb;
    let content = &kb.content;
    if content.models.is_empty() {
        return;
    }
    let p = &content.plan;
    c.text("plan.json assumptions", &p.assumptions);
    for (name, n, w) in [
        ("engagement", &p.engagement.name, &p.engagement.what),
        (
            "business_case",
            &p.business_case.name,
            &p.business_case.what,
        ),
        ("procurement", &p.procurement.name, &p.procurement.what),
        ("mobilisation", &p.mobilisation.name, &p.mobilisation.what),
    ] {
        c.text(&format!("plan.json {name} name"), n);
        c.text(&format!("plan.json {name} what"), w);
    }
    c.text("plan.json shadow name", &p.shadow.name);
    c.text(
        "plan.json procurement with_route",
        &p.procurement.with_route,
    );
    let shares = [p.engagement.share_percent, p.business_case.share_percent];
    if shares.contains(&0) || shares.iter().map(|s| u32::from(*s)).sum::<u32>() >= 100 {
        c.fail(format!(
            "plan.json: the shares of engagement and business case ({}% and {}%) must each be more than 0 and leave some months for mobilisation",
            shares[0], shares[1]
        ));
    } else {
        // Each stage gets at least a month: check every length the months procurement does not take can have
        // (from the least the plan allows) that the stages still fit in it.
        let min = p.mobilisation.min_months_after_procurement;
        if let Some(rest) = (min..=240).find(|r| p.split(*r).iter().sum::<u16>() != *r) {
            c.fail(format!(
                "plan.json: with {rest} months before go-live besides procurement, engagement and business case leave no month for mobilisation; raise mobilisation's min_months_after_procurement or lower the shares"
            ));
        }
    }
    let pr = &p.procurement;
    if [
        pr.months_unknown,
        pr.months_required,
        pr.months_direct_award_c_open,
        pr.months_otherwise,
        p.mobilisation.min_months_after_procurement,
        p.shadow.months,
    ]
    .iter()
    .any(|m| !(1..=120).contains(m))
    {
        c.fail("plan.json: every length in months must be at least 1 and at most 120".to_owned());
    }
    if !p.mobilisation.what.contains("{go_live}") {
        c.fail(
            "plan.json mobilisation what: must say when the plan goes live (`{go_live}`)"
                .to_owned(),
        );
    }
    if !content.red_flags.iter().any(|f| f.id == p.shadow.warning) {
        c.fail(format!(
            "plan.json shadow: warning `{}` is not in red_flags.json",
            p.shadow.warning
        ));
    }
}

/// The case for change (`meta.json`): present whenever the knowledge files are (it decides when a new contract
/// vehicle's supporting answers count); its wording and sources; a condition that reads a question and that some
/// answers meet and some do not; and only contract vehicles marked as needing it.
fn case_for_change(c: &mut Checker) {
    let kb = c.kb;
    let content = &kb.content;
    if content.models.is_empty() {
        return;
    }
    let (Some(case), Some(when)) = (&content.meta.case_for_change, &kb.case_for_change) else {
        c.fail("meta.json: case_for_change is missing: it says when a new contract vehicle's supporting answers count".to_owned());
        return;
    };
    let ctx = "meta.json case_for_change";
    c.text(&format!("{ctx} text"), &case.text);
    c.text(&format!("{ctx} short"), &case.short);
    c.sources(ctx, &case.sources, &case.text);
    if !when.is_positive() {
        c.fail(format!(
            "{ctx}: its condition may only ask that answers include options (no `not`, no `answered`), so that answering more can only make the case, never unmake it"
        ));
    }
    if !when.reads_a_question() {
        c.fail(format!("{ctx}: its condition (`when`) reads no question"));
    } else {
        let r = trigger_reach(kb, when);
        if !r.too_many && (!r.fires || !r.quiet) {
            c.fail(format!(
                "{ctx}: its condition holds whatever the answers, or never: it would decide nothing"
            ));
        }
    }
    for m in &content.models {
        if m.needs_case_for_change && m.layer != Layer::Vehicle {
            c.fail(format!(
                "models.json `{}`: only a contract vehicle can need a case for change",
                m.id
            ));
        }
    }
}

/// The new-vehicle margin (`meta.json`): present whenever the knowledge files are (it decides how much clearer a new
/// contract vehicle's fit must be before it comes first); a margin of 1 to 50 points of fit, so that it can neither
/// do nothing nor keep every new vehicle out of first place; its wording and sources.
fn new_vehicle_margin(c: &mut Checker) {
    let content = &c.kb.content;
    if content.models.is_empty() {
        return;
    }
    let Some(m) = &content.meta.new_vehicle_margin else {
        c.fail("meta.json: new_vehicle_margin is missing: it says how much clearer a new contract vehicle's fit must be before it comes first".to_owned());
        return;
    };
    let ctx = "meta.json new_vehicle_margin";
    if !(1..=50).contains(&m.points) {
        c.fail(format!(
            "{ctx}: points is {}; it must be 1 to 50 points of fit (0 would do nothing, more than 50 would keep almost every new vehicle out of first place)",
            m.points
        ));
    }
    c.text(&format!("{ctx} text"), &m.text);
    c.text(&format!("{ctx} short"), &m.short);
    c.sources(ctx, &m.sources, &m.text);
    if !m.text.contains(&format!("{} percentage points", m.points)) {
        c.fail(format!(
            "{ctx}: the text must give the margin as it is (\"{} percentage points\")",
            m.points
        ));
    }
}

/// The rules for a vehicle already in place: an option's `in_place` names a contract vehicle that needs a case for
/// change (the only models the margin and the case for change hold back), and `meta.json`'s `in_place` says why,
/// with sources, and when a vehicle in place does not count, whenever an option marks one.
fn in_place(c: &mut Checker) {
    let content = &c.kb.content;
    let mut any = false;
    for (_, q) in &content.questions {
        for o in &q.options {
            let Some(id) = &o.in_place else {
                continue;
            };
            any = true;
            let fits = content
                .models
                .iter()
                .any(|m| &m.id == id && m.layer == Layer::Vehicle && m.needs_case_for_change);
            if !fits {
                c.fail(format!(
                    "question `{}` option `{}`: in_place names `{id}`, which is not a contract vehicle that needs a case for change",
                    q.id, o.id
                ));
            }
        }
    }
    match &content.meta.in_place {
        Some(p) => {
            let ctx = "meta.json in_place";
            c.text(&format!("{ctx} text"), &p.text);
            c.text(&format!("{ctx} short"), &p.short);
            c.sources(ctx, &p.sources, &p.text);
        }
        None if any => c.fail(
            "meta.json: in_place is missing: an option marks a vehicle already in place, and the result must say why that vehicle carries no margin".to_owned(),
        ),
        None => {}
    }
}

/// The rules for warnings (`red_flags.json`): a trigger that reads a question, that some answers raise and some do
/// not, and that names the answers behind it whenever it holds; a message and a mitigation; at least one source that
/// resolves; something it applies to. (A severity outside `high`, `medium`, `low`, and an `applies_to` entry that is
/// neither a group nor a model id, stop the content loading; see `Kb`.)
fn warnings(c: &mut Checker) {
    let kb = c.kb;
    for ((f, when), situation) in kb
        .content
        .red_flags
        .iter()
        .zip(&kb.flag_when)
        .zip(&kb.flag_situation)
    {
        let ctx = format!("red_flags.json `{}`", f.id);
        c.text(&format!("{ctx} message"), &f.message);
        c.text(&format!("{ctx} mitigation"), &f.mitigation);
        c.sources(&ctx, &f.sources, &f.message);
        if f.applies_to.is_empty() {
            c.fail(format!("{ctx}: applies to nothing"));
        }
        if !when.reads_a_question() {
            c.fail(format!(
                "{ctx}: its trigger (`when`) reads no question, so no answer raises it"
            ));
            continue;
        }
        let r = trigger_reach(kb, when);
        if r.too_many {
            c.fail(format!(
                "{ctx}: its trigger depends on too many answers to check; split it or simplify it"
            ));
            continue;
        }
        if !r.fires {
            c.fail(format!(
                "{ctx}: no set of answers can raise it (its trigger can never hold, given the options and branching)"
            ));
        }
        if !r.quiet {
            c.fail(format!(
                "{ctx}: it is raised whatever the answers (a warning shown identically whatever the answers is not a warning)"
            ));
        }
        if r.fires_unnamed {
            c.fail(format!(
                "{ctx}: some answers raise it without naming any answer behind it (it holds only through `not` or `answered`); make it ask for the options that call for it"
            ));
        }
        if let Some(situation) = situation {
            situation_when(c, f, when, situation);
        }
    }
}

/// The rules for a model's `proposed_when` (the answers that say it has been proposed or is in use, which list its
/// warnings under What to watch): it reads a question; some answers make it hold and others do not, each time naming
/// the answers behind it; and some warning concerns the model, or it would list nothing.
fn proposals(c: &mut Checker) {
    let kb = c.kb;
    for (m, cond) in kb.content.models.iter().zip(&kb.model_proposed) {
        let Some(cond) = cond else { continue };
        let ctx = format!("models.json `{}` proposed_when", m.id);
        if !kb
            .content
            .red_flags
            .iter()
            .any(|f| crate::flags::applies(f, m))
        {
            c.fail(format!(
                "{ctx}: no warning concerns this model, so a proposal of it would list nothing"
            ));
        }
        if !cond.reads_a_question() {
            c.fail(format!("{ctx}: it reads no question"));
            continue;
        }
        let r = trigger_reach(kb, cond);
        if r.too_many {
            c.fail(format!(
                "{ctx}: it depends on too many answers to check; simplify it"
            ));
        } else if !r.fires {
            c.fail(format!("{ctx}: no set of answers makes it hold"));
        } else if !r.quiet {
            c.fail(format!(
                "{ctx}: it holds whatever the answers, so every answer set would count as proposing the model"
            ));
        } else if r.fires_unnamed {
            c.fail(format!(
                "{ctx}: some answers make it hold without naming any answer behind it; make it ask for the options that say so"
            ));
        }
    }
}

/// The rules for a warning's `situation_when`: only on a warning about models; able to hold together with `when`
/// but not whenever `when` does (then the warning concerns the situation always); naming the answers behind it.
fn situation_when(c: &mut Checker, f: &crate::content::RedFlag, when: &Cond, situation: &Cond) {
    let kb = c.kb;
    let ctx = format!("red_flags.json `{}` situation_when", f.id);
    if f.applies_to.iter().any(|a| a == crate::flags::SITUATION) {
        c.fail(format!(
            "{ctx}: the warning already concerns the situation whatever the answers; `situation_when` is for a warning about models"
        ));
        return;
    }
    let r = trigger_reach(kb, &Cond::All(vec![when.clone(), situation.clone()]));
    if r.too_many {
        c.fail(format!(
            "{ctx}: it depends on too many answers to check; simplify it"
        ));
        return;
    }
    if !r.fires {
        c.fail(format!(
            "{ctx}: no set of answers raises it with `when` (the two can never hold together)"
        ));
    }
    if trigger_reach(kb, situation).fires_unnamed {
        c.fail(format!(
            "{ctx}: some answers make it hold without naming any answer behind it; make it ask for the options that call for it"
        ));
    }
    let without = Cond::All(vec![when.clone(), Cond::Not(Box::new(situation.clone()))]);
    if !trigger_reach(kb, &without).fires {
        c.fail(format!(
            "{ctx}: it holds whenever `when` does, so the warning concerns the situation always: list `situation` in `applies_to` instead"
        ));
    }
}

/// Walks every complete answer set to the questions a trigger reads and the questions their branching reads (each
/// question shown is answered; one hidden by branching is not), up to options the conditions cannot tell apart, and
/// says whether some raise the trigger, some do not, and some raise it naming no answer. Exact, not a sample: two
/// options that every condition involved treats alike (and that are alike in being exclusive) give the same result,
/// so one stands for both, and a multiple-choice answer is any allowed combination of those.
fn trigger_reach(kb: &Kb, when: &Cond) -> TriggerReach {
    // The questions involved: those the trigger reads, and those the branching of each involved question reads.
    let mut involved: BTreeSet<usize> = BTreeSet::new();
    when.questions(&mut |q| {
        involved.insert(q);
    });
    let mut todo: Vec<usize> = involved.iter().copied().collect();
    while let Some(q) = todo.pop() {
        if let Some(Some(show)) = kb.show_if.get(q) {
            show.questions(&mut |x| {
                if involved.insert(x) {
                    todo.push(x);
                }
            });
        }
    }
    // The option masks that conditions test, per question.
    let mut tested: Vec<(usize, u32)> = Vec::new();
    let mut collect = |cond: &Cond| atoms(cond, &mut tested);
    collect(when);
    for &q in &involved {
        if let Some(Some(show)) = kb.show_if.get(q) {
            collect(show);
        }
    }
    // Per involved question, in journey order: its complete answers, one per class of options alike.
    let mut plan: Vec<(usize, Vec<u32>)> = Vec::new();
    for &q in &involved {
        let Some(question) = kb.question(q) else {
            continue;
        };
        let exclusive = question.exclusive_mask();
        let masks: Vec<u32> = tested
            .iter()
            .filter(|(x, _)| *x == q)
            .map(|(_, m)| *m)
            .collect();
        let mut reps: Vec<(Vec<bool>, bool, u32)> = Vec::new();
        for i in 0..question.options.len().min(32) {
            let bit = 1u32 << i;
            let key: Vec<bool> = masks.iter().map(|m| m & bit != 0).collect();
            let excl = exclusive & bit != 0;
            if !reps.iter().any(|(k, e, _)| *k == key && *e == excl) {
                reps.push((key, excl, bit));
            }
        }
        let answers: Vec<u32> = match question.kind {
            Kind::Single => reps.iter().map(|(_, _, bit)| *bit).collect(),
            Kind::Multi => {
                let n = reps.len().min(16);
                (1u32..(1u32 << n))
                    .filter_map(|subset| {
                        let chosen: Vec<&(Vec<bool>, bool, u32)> = reps
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| subset & (1 << i) != 0)
                            .map(|(_, r)| r)
                            .collect();
                        let alone = chosen.len() == 1;
                        (alone || chosen.iter().all(|(_, e, _)| !e))
                            .then(|| chosen.iter().fold(0, |m, (_, _, bit)| m | bit))
                    })
                    .collect()
            }
        };
        plan.push((q, answers));
    }
    let mut sel = vec![0u32; kb.question_count()];
    let mut out = TriggerReach::default();
    let mut budget = TRIGGER_BUDGET;
    walk(kb, when, &plan, &mut sel, &mut out, &mut budget);
    out
}

/// Every option mask a condition tests, with its question.
fn atoms(cond: &Cond, out: &mut Vec<(usize, u32)>) {
    match cond {
        Cond::AnyOf { q, mask } => out.push((*q, *mask)),
        Cond::Answered { .. } => {}
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|x| atoms(x, out)),
        Cond::Not(x) => atoms(x, out),
    }
}

fn walk(
    kb: &Kb,
    when: &Cond,
    plan: &[(usize, Vec<u32>)],
    sel: &mut [u32],
    out: &mut TriggerReach,
    budget: &mut usize,
) {
    if out.too_many {
        return;
    }
    let Some(((q, answers), rest)) = plan.split_first() else {
        if *budget == 0 {
            out.too_many = true;
            return;
        }
        *budget -= 1;
        if when.eval(sel) {
            out.fires = true;
            let mut named = false;
            when.because(sel, &mut |_, _| named = true);
            out.fires_unnamed |= !named;
        } else {
            out.quiet = true;
        }
        return;
    };
    let shown = match kb.show_if.get(*q) {
        Some(Some(show)) => show.eval(sel),
        _ => true,
    };
    if shown {
        for &a in answers {
            if let Some(slot) = sel.get_mut(*q) {
                *slot = a;
            }
            walk(kb, when, rest, sel, out, budget);
        }
        if let Some(slot) = sel.get_mut(*q) {
            *slot = 0;
        }
    } else {
        walk(kb, when, rest, sel, out, budget);
    }
}
