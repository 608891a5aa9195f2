//! The procurement route the Provider Selection Regime likely points to, from the procurement answers.
//!
//! The rules are content (`psr.json`, following NHS England's flowchart); the first rule whose condition holds
//! wins. The result names the answers it rests on and always carries the "not legal advice" statement.

use crate::answers::Effective;
use crate::content::{Route, RouteRule};
use crate::kb::Kb;

/// The likely route and why.
#[derive(Debug, Clone)]
pub struct RouteAdvice<'a> {
    /// The rule that matched.
    pub rule: &'a RouteRule,
    /// Its route.
    pub route: &'a Route,
    /// Other routes open.
    pub alternatives: Vec<&'a Route>,
    /// Whether the considerable-change threshold is likely met (`None` when the answers do not say).
    pub considerable_change: Option<bool>,
    /// The questions (indices) the matched rule read that the user answered, in journey order.
    pub based_on: Vec<usize>,
}

/// Works out the likely route; `None` until the content's `applies_when` holds and a question the rules read has
/// been answered.
pub fn advise<'a>(kb: &'a Kb, eff: &Effective) -> Option<RouteAdvice<'a>> {
    if !kb.route_applies.eval(&eff.sel) {
        return None;
    }
    let mut read = Vec::new();
    for c in &kb.rule_when {
        c.questions(&mut |q| read.push(q));
    }
    if !read
        .iter()
        .any(|q| eff.sel.get(*q).is_some_and(|s| *s != 0))
    {
        return None;
    }
    let (rule, when) = kb
        .content
        .psr
        .rules
        .iter()
        .zip(&kb.rule_when)
        .find(|(_, w)| w.eval(&eff.sel))?;
    let route = kb.route(&rule.route)?;
    let alternatives = rule
        .alternatives
        .iter()
        .filter_map(|a| kb.route(a))
        .collect();
    let mut cc_read = Vec::new();
    kb.considerable_change.questions(&mut |q| cc_read.push(q));
    let considerable_change = if cc_read
        .iter()
        .any(|q| eff.sel.get(*q).is_some_and(|s| *s != 0))
    {
        Some(kb.considerable_change.eval(&eff.sel))
    } else {
        None
    };
    let mut based_on = Vec::new();
    when.questions(&mut |q| {
        if eff.sel.get(q).is_some_and(|s| *s != 0) && !based_on.contains(&q) {
            based_on.push(q);
        }
    });
    based_on.sort_unstable();
    Some(RouteAdvice {
        rule,
        route,
        alternatives,
        considerable_change,
        based_on,
    })
}
