//! Conditions on answers, compiled from content ids to question indices and option bit masks.
//!
//! The same condition language drives branching (`show_if`), red-flag triggers, procurement-route rules and case
//! resemblance, so one evaluator serves them all. Evaluation is over *effective* answers: answers to questions
//! that are hidden by branching count as unanswered.

use std::collections::BTreeMap;

use crate::content::{Condition, Question};
use crate::error::{Error, ErrorKind};

/// Where a question stands while answers are still being given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QState {
    /// Shown whatever the other answers say, and answered (the option bit mask).
    Answered(u32),
    /// Not answered yet, and shown now or possibly shown once earlier questions are answered.
    Open,
    /// Not shown, whatever the questions still open are answered.
    Hidden,
}

/// A compiled condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// The answer to question `q` has any of the options in `mask`.
    AnyOf {
        /// Question index.
        q: usize,
        /// Option bit mask.
        mask: u32,
    },
    /// Question `q` is (or is not) answered.
    Answered {
        /// Question index.
        q: usize,
        /// Whether answered.
        yes: bool,
    },
    /// All hold.
    All(Vec<Cond>),
    /// Any holds.
    Any(Vec<Cond>),
    /// Does not hold.
    Not(Box<Cond>),
}

impl Cond {
    /// Evaluates the condition over effective answers (one option bit mask per question; 0 means unanswered).
    pub fn eval(&self, answers: &[u32]) -> bool {
        match self {
            Cond::AnyOf { q, mask } => answers.get(*q).is_some_and(|sel| sel & mask != 0),
            Cond::Answered { q, yes } => answers.get(*q).is_some_and(|sel| *sel != 0) == *yes,
            Cond::All(all) => all.iter().all(|c| c.eval(answers)),
            Cond::Any(any) => any.iter().any(|c| c.eval(answers)),
            Cond::Not(c) => !c.eval(answers),
        }
    }

    /// Evaluates the condition while some answers are still to come (three-valued): `Some(true)` or `Some(false)`
    /// when the answers given settle it whatever the rest say, `None` when it still depends on them.
    pub fn settle(&self, states: &[QState]) -> Option<bool> {
        match self {
            Cond::AnyOf { q, mask } => match states.get(*q) {
                Some(QState::Answered(sel)) => Some(sel & mask != 0),
                Some(QState::Open) => None,
                Some(QState::Hidden) | None => Some(false),
            },
            Cond::Answered { q, yes } => match states.get(*q) {
                Some(QState::Answered(_)) => Some(*yes),
                Some(QState::Open) => None,
                Some(QState::Hidden) | None => Some(!*yes),
            },
            Cond::All(all) => {
                let mut open = false;
                for c in all {
                    match c.settle(states) {
                        Some(false) => return Some(false),
                        None => open = true,
                        Some(true) => {}
                    }
                }
                (!open).then_some(true)
            }
            Cond::Any(any) => {
                let mut open = false;
                for c in any {
                    match c.settle(states) {
                        Some(true) => return Some(true),
                        None => open = true,
                        Some(false) => {}
                    }
                }
                (!open).then_some(false)
            }
            Cond::Not(c) => c.settle(states).map(|v| !v),
        }
    }

    /// Calls `f(question, options)` for each answer that makes the condition hold (the answers behind it): the
    /// option tests that hold, through `all` and through the branches of `any` that hold. A `not` or an
    /// `answered` test names no answer. Calls nothing when the condition does not hold.
    pub fn because(&self, answers: &[u32], f: &mut impl FnMut(usize, u32)) {
        match self {
            Cond::AnyOf { q, mask } => {
                if let Some(sel) = answers.get(*q) {
                    if sel & mask != 0 {
                        f(*q, sel & mask);
                    }
                }
            }
            Cond::Answered { .. } | Cond::Not(_) => {}
            Cond::All(cs) => {
                if self.eval(answers) {
                    cs.iter().for_each(|c| c.because(answers, f));
                }
            }
            Cond::Any(cs) => cs
                .iter()
                .filter(|c| c.eval(answers))
                .for_each(|c| c.because(answers, f)),
        }
    }

    /// Whether the condition only asks that answers include options (no `not`, no `answered`): then giving more
    /// answers can only make it hold, never stop it holding, which is what branching needs (see `validate`).
    pub fn is_positive(&self) -> bool {
        match self {
            Cond::AnyOf { .. } => true,
            Cond::Answered { .. } | Cond::Not(_) => false,
            Cond::All(cs) | Cond::Any(cs) => cs.iter().all(Cond::is_positive),
        }
    }

    /// Calls `f` with every question index the condition reads, in order of appearance.
    pub fn questions(&self, f: &mut impl FnMut(usize)) {
        match self {
            Cond::AnyOf { q, .. } | Cond::Answered { q, .. } => f(*q),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.questions(f)),
            Cond::Not(c) => c.questions(f),
        }
    }

    /// Whether the condition reads any question at all (an empty `all` or `any` reads none).
    pub fn reads_a_question(&self) -> bool {
        let mut reads = false;
        self.questions(&mut |_| reads = true);
        reads
    }

    /// Whether the condition only reads questions before `index` in the journey.
    pub fn reads_only_before(&self, index: usize) -> bool {
        let mut ok = true;
        self.questions(&mut |q| ok &= q < index);
        ok
    }
}

/// Compiles an optional content condition (see [`compile`]): `None` stays `None`.
pub fn compile_opt(
    cond: Option<&Condition>,
    questions: &[(usize, Question)],
    index: &BTreeMap<String, usize>,
    context: &str,
) -> Result<Option<Cond>, Error> {
    cond.map(|c| compile(c, questions, index, context))
        .transpose()
}

/// Compiles a content condition, resolving ids. `context` names where it appears, for the error message.
pub fn compile(
    cond: &Condition,
    questions: &[(usize, Question)],
    index: &BTreeMap<String, usize>,
    context: &str,
) -> Result<Cond, Error> {
    let resolve = |q: &str| {
        index.get(q).copied().ok_or_else(|| {
            Error::new(
                ErrorKind::Content,
                format!("{context} refers to unknown question `{q}`"),
            )
        })
    };
    Ok(match cond {
        Condition::AnyOf { q, any_of } => {
            let qi = resolve(q)?;
            if any_of.is_empty() {
                return Err(Error::new(
                    ErrorKind::Content,
                    format!("{context} lists no options for question `{q}`"),
                ));
            }
            let options = questions
                .get(qi)
                .map(|(_, question)| question.options.as_slice())
                .unwrap_or_default();
            let mut mask = 0u32;
            for id in any_of {
                let bit = options.iter().position(|o| &o.id == id).ok_or_else(|| {
                    Error::new(
                        ErrorKind::Content,
                        format!("{context} refers to unknown option `{id}` of question `{q}`"),
                    )
                })?;
                mask |= 1u32 << bit;
            }
            Cond::AnyOf { q: qi, mask }
        }
        Condition::Answered { q, answered } => Cond::Answered {
            q: resolve(q)?,
            yes: *answered,
        },
        Condition::All { all } => Cond::All(
            all.iter()
                .map(|c| compile(c, questions, index, context))
                .collect::<Result<_, _>>()?,
        ),
        Condition::Any { any } => Cond::Any(
            any.iter()
                .map(|c| compile(c, questions, index, context))
                .collect::<Result<_, _>>()?,
        ),
        Condition::Not { not } => Cond::Not(Box::new(compile(not, questions, index, context)?)),
    })
}

#[cfg(test)]
mod tests {
    use super::Cond;

    fn because(c: &Cond, answers: &[u32]) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        c.because(answers, &mut |q, m| out.push((q, m)));
        out
    }

    #[test]
    fn because_names_only_the_answers_that_make_it_hold() {
        // any[ all[q0 has 1, q1 has 2], q2 has 1|4 ]
        let c = Cond::Any(vec![
            Cond::All(vec![
                Cond::AnyOf { q: 0, mask: 1 },
                Cond::AnyOf { q: 1, mask: 2 },
            ]),
            Cond::AnyOf { q: 2, mask: 5 },
        ]);
        // q0 matches but q1 does not, so the `all` branch names nothing; q2's matching option alone is named.
        assert_eq!(because(&c, &[1, 1, 4 | 2]), vec![(2, 4)]);
        assert_eq!(because(&c, &[1, 2, 0]), vec![(0, 1), (1, 2)]);
        assert!(because(&c, &[1, 1, 2]).is_empty(), "it does not hold");
        // a `not` names no answer
        let n = Cond::All(vec![
            Cond::AnyOf { q: 0, mask: 1 },
            Cond::Not(Box::new(Cond::AnyOf { q: 1, mask: 1 })),
        ]);
        assert_eq!(because(&n, &[1, 2]), vec![(0, 1)]);
    }
}
