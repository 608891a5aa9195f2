//! Case resemblance: which documented cases the user's situation looks like, and why.

use crate::answers::Effective;
use crate::kb::Kb;

/// A case the answers resemble.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMatch {
    /// Case index.
    pub case: usize,
    /// Indices of the features that matched.
    pub matched: Vec<usize>,
}

/// The cases whose resemblance threshold the answers reach, most features matched first, then content order.
pub fn resembling(kb: &Kb, eff: &Effective) -> Vec<CaseMatch> {
    let mut out: Vec<CaseMatch> = kb
        .content
        .cases
        .iter()
        .zip(&kb.case_features)
        .enumerate()
        .filter_map(|(i, (case, features))| {
            let matched: Vec<usize> = features
                .iter()
                .enumerate()
                .filter(|(_, f)| f.eval(&eff.sel))
                .map(|(fi, _)| fi)
                .collect();
            (case.resembles.min_match > 0 && matched.len() >= case.resembles.min_match)
                .then_some(CaseMatch { case: i, matched })
        })
        .collect();
    out.sort_by_key(|m| (std::cmp::Reverse(m.matched.len()), m.case));
    out
}
