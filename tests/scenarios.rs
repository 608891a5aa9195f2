//! The scenario suite (`tests/scenarios/{tuning,held-out}/*.json`): situations in prose whose expected results
//! were written from the evidence before they were first run, encoded blind by two helper sessions. These tests
//! check that the suite is well formed and covers every model, and hold the advice to its figures on both sets
//! (the held-out set is never used to choose weights; see `src/concordance.rs` and `scripts/concordance`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

mod common;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use contract_advisor::concordance::{self, agreement, LayerExpect, Scenario, SetTotals};
use contract_advisor::content::Layer;
use contract_advisor::Kb;

static KB: LazyLock<Kb> = LazyLock::new(|| Kb::embedded().expect("embedded content loads"));

fn load(set: &str) -> Vec<Scenario> {
    let paths = common::json_files(&format!("tests/scenarios/{set}"));
    paths
        .iter()
        .map(|p| {
            let s = concordance::parse(&std::fs::read_to_string(p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert_eq!(
                p.file_stem().unwrap().to_str().unwrap(),
                s.id,
                "{}: the id must be the file name",
                p.display()
            );
            assert_eq!(
                s.set, set,
                "{}: the file is in the wrong set's folder",
                s.id
            );
            s
        })
        .collect()
}

static TUNING: LazyLock<Vec<Scenario>> = LazyLock::new(|| load("tuning"));
static HELD_OUT: LazyLock<Vec<Scenario>> = LazyLock::new(|| load("held-out"));

fn all() -> impl Iterator<Item = &'static Scenario> {
    TUNING.iter().chain(HELD_OUT.iter())
}

#[test]
fn the_suite_is_large_enough_and_covers_every_model() {
    assert!(TUNING.len() + HELD_OUT.len() >= 60, "at least 60 scenarios");
    assert!(HELD_OUT.len() >= 20, "at least 20 held-out scenarios");
    let mut leads: BTreeMap<&str, usize> = BTreeMap::new();
    for s in all() {
        for l in s.expect.layers() {
            for m in &l.leader {
                *leads.entry(m.as_str()).or_default() += 1;
            }
        }
    }
    for m in &KB.content.models {
        let n = leads.get(m.id.as_str()).copied().unwrap_or(0);
        assert!(
            n >= 2,
            "{} is an expected leader in {n} scenarios; at least 2 needed",
            m.id
        );
    }
}

/// Each layer's ids name models of that layer, there is a leader, and no id is both acceptable and must-not-lead.
fn layers_name_real_models(id: &str, who: &str, layers: [&LayerExpect; 3]) {
    for (layer, l) in Layer::ALL.iter().zip(layers) {
        assert!(
            !l.leader.is_empty(),
            "{id}: {who} gives no acceptable {} leader",
            layer.id()
        );
        for m in l.leader.iter().chain(&l.top3).chain(&l.must_not_lead) {
            let found = KB.model(m).map(|(_, model)| model.layer);
            assert_eq!(found, Some(*layer), "{id}: `{m}` is not a {}", layer.id());
        }
        for m in &l.must_not_lead {
            assert!(
                !l.leader.contains(m) && !l.top3.contains(m),
                "{id}: `{m}` is both acceptable and must-not-lead for {who}"
            );
        }
    }
}

#[test]
fn expectations_name_real_models_in_the_right_layer() {
    for s in all() {
        assert!(
            !s.situation.trim().is_empty() && !s.expect.rationale.trim().is_empty(),
            "{}",
            s.id
        );
        layers_name_real_models(&s.id, "the writer", s.expect.layers());
        for w in &s.expect.warnings {
            assert!(
                w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}: warning id `{w}`",
                s.id
            );
        }
        for id in &s.sources {
            assert!(KB.source(id).is_some(), "{}: unknown source {id}", s.id);
        }
    }
}

#[test]
fn every_scenario_is_encoded_twice_and_loads() {
    for s in all() {
        let (Some(a), Some(b)) = (&s.encoding.primary, &s.encoding.second) else {
            panic!("{}: needs two blind encodings", s.id)
        };
        for raw in [a, b] {
            if let Err(e) = contract_advisor::Answers::from_raw(&KB, raw) {
                panic!("{}: answers refused: {:?}", s.id, e);
            }
        }
    }
}

fn totals(set: &[Scenario]) -> SetTotals {
    let mut t = SetTotals::default();
    for s in set {
        let raw = s.encoding.primary.as_ref().expect("encoded");
        t.add(&concordance::score(&KB, s, raw).expect("loads"));
    }
    t
}

fn share(n: usize, d: usize) -> f64 {
    n as f64 / d.max(1) as f64
}

/// The figures a set must not fall below: per layer (arrangement, vehicle, payment), scenarios whose leader is
/// acceptable and whose first three hold an acceptable leader; and the most must-not-lead violations allowed.
struct Floor {
    leader: [usize; 3],
    top3: [usize; 3],
    violations: usize,
}

fn holds(name: &str, t: &SetTotals, floor: &Floor) {
    let report = format!(
        "{name} ({} scenarios): leaders {:?}, top three {:?}, violations {}",
        t.scenarios, t.leader_ok, t.top3_ok, t.violations
    );
    println!("{report}");
    for i in 0..3 {
        assert!(
            t.leader_ok[i] >= floor.leader[i],
            "leader fell below {:?}: {report}",
            floor.leader
        );
        assert!(
            t.top3_ok[i] >= floor.top3[i],
            "top three fell below {:?}: {report}",
            floor.top3
        );
    }
    assert!(
        t.violations <= floor.violations,
        "more must-not-lead violations: {report}"
    );
}

/// The tuning set (2,479: the first 40, then each of the hundred and three earlier held-out sets once it had been run
/// and recorded) holds the figures the committed weights give it. The targets (vehicle leader acceptable at
/// least 85%, top three at least 90%, no must-not-lead violation) held on the first 64 (55/64, 59/64) but not since
/// (2000/2479 = 81% and 2359/2479 = 95%; 57 violations): each new held-out set exposed more of the bias described in
/// tests/scenarios/README.md.
#[test]
fn tuning_set_holds_its_figures() {
    holds(
        "tuning",
        &totals(&TUNING),
        &Floor {
            // When the hundred-and-third set (cz01-cz24 less cz17, cz22, cz23 and cz24) joined (on content 2.90.1,
            // as first run on 2.89.0: arrangement 19, vehicle 18, payment 14, top three 20, 19, 20, no violation),
            // with its answers to the question on agreements that are not legally binding given again under the
            // hint of content 2.90.0 by other helpers, like the tuning set's. Contents 2.90.0 and 2.90.1 (that
            // hint; the payment scheme's and cost shifting's triggers; the wording of the payment scheme's and the
            // informal agreement warnings) moved no leader.
            // When the hundred-and-second set (cy01-cy24 less cy02, cy06 and cy18) joined (on content 2.89.0, as
            // first run on 2.87.0: arrangement 20, vehicle 19, payment 13, top three 20, 20, 21, no violation), with
            // its answers to the question on agreements that are not legally binding given after the run by other
            // helpers. Contents 2.88.0 (that question, answered blind for every tuning situation) and 2.89.0 (two
            // warnings widened) moved no leader.
            // When the hundred-and-first set (cx01-cx24 less cx18 and cx22) joined (on content 2.87.0, as first
            // run: arrangement 18, vehicle 18, payment 18, top three 21, 21, 21, one violation).
            // When the hundredth set (cw01-cw24 less cw03, cw04 and cw09) joined (on content 2.87.0, as first run
            // on 2.85.0: arrangement 19, vehicle 18, payment 20, top three 21, 19, 21, no violation).
            // Content 2.86.0: providers that would each keep their own contract under a shared agreement (no host,
            // no new body) count +6 for an alliance, decisive (were +3): chosen on the tuning set alone against +4
            // and +5, and against a standard contract -2 to -4 beside it. Vehicle leader 1922 -> 1927 (second
            // encoding 1911 -> 1918), top three 2276 -> 2280 (2279 -> 2283), violations 56 (57 -> 56); five
            // situations gained, none lost on the primary encoding (the second loses cg19, where the alliance now
            // leads, and ab15's top three: decisive, the effect counts against the alliance's fit for the other
            // answers), and one (cl06, a memorandum between three employers) moved between two leaders neither of
            // which the writer accepts. Content 2.87.0 rewords its reason from review (no figure changes).
            // When the ninety-ninth set (cv01-cv24 less cv01, cv02, cv17 and cv23) joined (on content 2.85.0, as
            // first run on 2.83.0: arrangement 17, vehicle 18, payment 12, top three 20, 20, 18, no violation). The
            // warnings for other combinations (after 2.83.0) and contents 2.84.0 and 2.85.0 changed no leader.
            // When the ninety-eighth set (cu01-cu24 less cu08) joined (on content 2.83.0, as first run: arrangement
            // 23, vehicle 18, payment 17, top three 23, 21, 22, one violation).
            // When the ninety-seventh set (ct01-ct24 less ct10 and ct22) joined (on content 2.83.0: arrangement 21,
            // vehicle 19, payment 16, top three 22, 21, 22, no violation, as when it was first run on content 2.80.0).
            // Content 2.83.0, from review of 2.82.0 (a locally agreed price per contact, attendance or test on the
            // table, +3 for activity-based payment): it counts only where a provider outside the NHS would be paid
            // and the services are not paid per unit today, which already counts; chosen on the tuning set alone
            // against +1 to +3 with the second condition alone. Against 2.81.0: payment leader 1871 -> 1875 (second
            // encoding 1890 -> 1894), top three 2228 -> 2233 (2232 -> 2234), violations unchanged (one cleared,
            // be08; one new, cr06: year-of-care first for a urinary retention pathway). 2.82.0 had 1883 and 2235.
            // Content 2.81.0, from review: that rule counts only where what is needed could be done under a contract
            // or agreement already held (without it, it put no new contract first for a new service or a provider
            // leaving): vehicle leader 1866 -> 1867 (second encoding 1855 -> 1858), top three 2217 -> 2214 (2217),
            // violations 54 -> 55 (55 -> 56); the ninety-seventh set's figures unchanged.
            // When the ninety-sixth set (cs01-cs24 less cs08) joined (on content 2.80.0: arrangement 18, vehicle 16,
            // payment 18, top three 21, 23, 21, no violation, as when it was first run on content 2.78.1).
            // Content 2.80.0: no new contract +6 where the contract would be mostly or wholly social care or other
            // support (chosen on the tuning set alone against +1 to +7, the standard contract -1 to -3 and a form
            // for existing services only): vehicle leader 1842 -> 1850 (second encoding 1831 -> 1838), top three
            // 2190 -> 2194 (2192 -> 2195), payment leader 1852 -> 1853, violations 56 -> 54 (58 -> 55).
            // When the ninety-fifth set (cr01-cr24) joined (on content 2.78.1: arrangement 23, vehicle 20, payment
            // 18, top three 23, 22, 24, no violation). Content 2.78.1 rewords the reason of 2.78.0 only.
            // When the ninety-fourth set (cq01-cq24) joined (on content 2.78.0: arrangement 20, vehicle 19, payment
            // 20, top three 24, 21, 23, one violation).
            // Content 2.78.0: a provider's offer to hold the budget, with the providers depended on willing to be
            // its sub-contractors, makes the case for a new contract vehicle (chosen on the tuning set alone):
            // vehicle leader 1792 -> 1803 (second encoding 1788 -> 1793), top three 2141 -> 2147 (2142 -> 2148),
            // payment leader 1816 -> 1814 (1836 -> 1837), violations unchanged (55; second 57).
            // When the ninety-third set (cp01-cp24 less cp21) joined (on content 2.77.0: arrangement 19, vehicle 18,
            // payment 18, top three 21, 22, 22, no violation).
            // Content 2.77.0: whether the lead meets its contracts answered 'Yes' unless a failing is known, answered
            // again blind for every tuning situation that shows it (agreement on it 75.7% -> 87.8%), and the
            // ninety-second set's bidders and contract management answered again under the rules of 2.76.0: vehicle
            // leader 1773 -> 1774, payment 1797 -> 1798, violations 54 -> 55 (second encoding unchanged); its weights
            // swept again on both encodings, no move raised the leaders on both.
            // When the ninety-second set (co01-co24) joined (on content 2.76.0: arrangement 20, vehicle 23, payment
            // 19, top three 22, 24, 22, two violations). Before it, with six questions answered again blind for every
            // tuning situation, both encodings, under the hints of content 2.76.0 (how many would bid, contract
            // management, public concern, savings timing, the lead's performance, organisational change): vehicle
            // leader 1746 -> 1750, top three 2097 -> 2095, payment top three 2115 -> 2116, violations 51 -> 52,
            // warnings 1827 -> 1821 (second encoding 1746 -> 1748, 1802 -> 1800, violations 56 -> 55). The weights of
            // those questions were swept again on both encodings; the one move that raised the leaders on both
            // (dropping +1 for no new contract where the organisation is merging: +3 and +2 of 2,212) has a sourced
            // rationale and was not kept for so small a gain.
            // When the ninety-first set (cn01-cn24) joined (on content 2.75.0: arrangement 21, vehicle 17, payment 16,
            // top three 21, 22, 23, two violations).
            // Content 2.75.0: six weights chosen again on the answers given again (a place no longer counts for a
            // pooled fund; council needs central to the people 5 -> 4 for it; patchy data 2 -> 3 for block payment;
            // a missing service no longer counts for the standard contract; weak leadership no longer counts against
            // no new contract; no major gaps 2 -> 1 for blended payment), each kept only where it raised the leaders
            // on both encodings with no more violations: arrangement 1929 -> 1938, vehicle 1721 -> 1729, payment
            // 1745 -> 1762, violations 49 (second encoding 1928 -> 1941, 1722 -> 1731, 1771 -> 1786; 57 -> 54).
            // With ten questions answered again blind for every tuning situation, both encodings, under the rules
            // of content 2.72.0 to 2.74.0 (where the people, the area, council needs, the gaps, a provider's other
            // services, outcomes agreed, data, leadership, when it must be working, today's providers' performance
            // and how different the new arrangement would be): arrangement leader 1937 -> 1929, vehicle 1729 ->
            // 1721, payment 1747 -> 1745, top three 2110 -> 2109, 2075 -> 2074, 2091 -> 2091, violations 51 -> 49
            // (second encoding 1933 -> 1928, 1732 -> 1722, 1754 -> 1771; violations 59 -> 57).
            // When the ninetieth set (cm01-cm24 less cm16) joined (on content 2.74.0, which changed only question
            // wording, as first run on 2.73.0).
            // When the eighty-ninth set (cl01-cl24) joined (on content 2.73.0; content 2.73.0 changed no leader of
            // it from its first run on 2.72.0: arrangement 20, vehicle 20, payment 17, top three 23, 22, 21).
            // Content 2.73.0: more rules for what to answer when nothing is known (the market, leadership, when it
            // must be working, public concern, how different the new arrangement would be), and the warning that an
            // informal agreement may not hold raised whatever the option where working together has already been
            // held back by relationships (chosen on the tuning set alone: warnings all present 1782 -> 1788, second
            // encoding 1770 -> 1776; no leader moved).
            // When the eighty-eighth set (ck01-ck24 less ck04, ck05 and ck06) joined (on content 2.71.0, as first
            // run). Content 2.72.0 changed only question wording (rules for what to answer when nothing is known):
            // the tuning set keeps the answers it was encoded with, so its figures did not move.
            // When the eighty-seventh set (cj01-cj24 less cj05 and cj16) joined (on content 2.71.0, as first run).
            // When the eighty-sixth set (ci01-ci24) joined (on content 2.71.0, as first run, with its violation:
            // violations 50 -> 51).
            // When the eighty-fifth set (ch01-ch24 less ch10) joined (on content 2.71.0, which was chosen with it:
            // arrangement 18/23, vehicle 17/23, payment 14/23, no violation; first run on 2.70.0: 15, 17, 11, one).
            // Content 2.71.0, chosen on the tuning set with the eighty-fifth set (ch01-ch24 less ch10, 2,074 in all;
            // that set had been run once on 2.70.0 and recorded, and joins the tuning set with the next set's run):
            // no points against activity-based payment for a council commissioning (a price per unit, such as an hour
            // of home care, is paid by local agreement; the model's definition now says so); the low-volume block
            // counts +2 for block payment only where NHS providers are paid (+1 for any small contract; was +3 for
            // all); combining the money being considered counts +1 for a section 75 pool (was +3); no new contract
            // and an alliance can carry activity-based payment (keeping today's payment, or each provider's own
            // contract under an alliance); and a renewal counts +5 (decisive) for renewing the vehicle in place where
            // a lead provider, a prime contractor, an alliance or a joint venture holds today's contract, and for the
            // standard contract only where each provider has its own contract or the service is new (the -2 or -3 for
            // a new vehicle then only for the vehicles not in place). On the 2,074 against content 2.70.1:
            // arrangement 1833 -> 1837 (second encoding 1829 -> 1835), top three 1996 -> 1998 (1993 -> 1997), vehicle
            // 1639 -> 1646 (1639 -> 1646), top three 1967 -> 1968 (1961 -> 1960), payment 1651 -> 1662 (1663 ->
            // 1671), top three 1981 -> 1982 (1979 -> 1982), violations 53 -> 50 (60 -> 57), warnings unchanged. On
            // the 2,051 here: arrangement 1818 -> 1819 (1814 -> 1818), vehicle 1622 -> 1629 (1622 -> 1629), payment
            // 1640 -> 1648 (1652 -> 1659), violations 52 -> 50 (59 -> 57). Also tried: block +3 for "the contracts do
            // not get in the way" only where today's payment is a fixed sum (payment 1651 -> 1639); no patient choice
            // +1 for block (was +3; 1617); a price per contact proposed +2 for activity-based (1654 with violations
            // 54); "could it be done under a contract you hold?" Yes +2, +3 or +4 (decisive) for no new contract
            // (vehicle 1607, 1591, 1584); a lead provider holding today's contract +2 or +4 for it (1614, 1614), or
            // +4 where keeping a working service running is what matters most (1621 on the 2,051); a pool being
            // considered +2, +1 or 0 for a section 75 pool with +1, +2 or +3 for joint commissioning (arrangement
            // 1819 to 1836); the renewal of a vehicle in place +3, +4, +6 or +7; and a lead provider and a joint
            // venture also carrying activity-based payment (payment 1656, violations 54 and 63).
            // When the eighty-fourth set (cg01-cg24) joined (on content 2.70.0, as first run).
            // When the eighty-third set (cf01-cf24) joined, with "a change is proposed" and "do the contracts get in
            // the way?" answered again for it by two blind helpers after its run (they agree on both in 24 of 24;
            // 13 of its 48 answers to the question and 7 to the option changed): on content 2.70.0 it gives
            // arrangement 23/24, vehicle 21/24 and payment 18/24 (first run on 2.69.0: 23, 20 and 19), and no
            // violation.
            // Two answers asked again (content 2.70.0). "Nothing major is wrong: a change is proposed" is chosen only
            // if, had no one proposed the change, the commissioners would keep the service as it is; "do today's
            // contracts get in the way?" gets rules for the unclear cases (a missing service is not a barrier in
            // itself when a contract can be let or varied to buy it; "Not sure" only when there is a problem whose
            // cause is unknown). Both answered again blind for all 2,003 situations by sixteen helpers (primary and
            // second by different helpers; a first round of eight on the second question, under a rule that counted
            // any missing service as a barrier, was read differently by its helpers and replaced). The option is
            // chosen alike in 1897 of 2,003 (94.7%; the earlier encodings 1790, 89.4%), the question answered alike in
            // 1821 (90.9%; earlier 1716, 85.7%); the option is now chosen in 699 answers of 4,006 (earlier 1,397), and
            // 53 answers keep it as their only problem although the helper did not choose it. With the new answers and
            // the old weights: vehicle 1566 -> 1550 (second encoding 1556 -> 1547), top three 1896 -> 1901 (1890 ->
            // 1895), payment 1577 -> 1593 (1603 -> 1608), top three 1915 -> 1913, violations 51 -> 52 (59 -> 59).
            // Weights then chosen on the tuning set: "contracts do not get in the way" +1 for no new contract (was +4,
            // decisive; the +3 for keeping or re-letting the standard contract already counts it), and "a change is
            // proposed" +5, decisive, for no new contract (was +3): against content 2.69.0, vehicle 1566 -> 1581
            // (1556 -> 1579), top three 1896 -> 1901 (1890 -> 1896), payment 1577 -> 1600 (1603 -> 1614), top three
            // 1915 -> 1913 (1913 -> 1912), arrangement unchanged, violations 51 -> 52 (59 -> 59), warnings all present
            // 1668 -> 1668 (1661 -> 1660). Also tried: "no barrier" +2 or +3 or nothing for no new contract (1567,
            // 1560, 1579; second encoding 1565, 1561, 1577), with the standard contract +2 or +4 instead of +3, with
            // "not sure" no longer +1 for it, or with block +2 or +4; "a change is proposed" +4 or +6 for no new
            // contract (1576, 1577), or +4 for the standard contract; and "no major gaps" +4 (decisive) for it.
            // When the eighty-second set (ce01-ce24 less ce13) joined (on content 2.69.0, as first run, with its two
            // violations: violations 49 -> 51).
            // When the eighty-first set (cd01-cd24) joined, with what matters most answered again for it by two blind
            // helpers after its run (27 of its 48 answers changed; the two now agree in 23 of 24, its encoders in 9):
            // on content 2.69.0 it gives arrangement 22/24, vehicle 19/24 and payment 20/24 (first run on 2.68.0:
            // 22, 19 and 18), and its violation (violations 48 -> 49).
            // What matters most, asked again (content 2.69.0): a hint for commissioners who have not said what they
            // would protect (answer for what the decision is mainly meant to achieve; "None of these" only when it is
            // meant to achieve none of them, or two equally), answered again blind for all 1,956 situations by eight
            // helpers (primary and second by different helpers): the two answers agree in 1744 of 1,956 (89.2%),
            // where the earlier encodings agreed in 1639 (83.8%). With the new answers and the old weights: arrangement
            // 1736 -> 1735 (second encoding 1735 -> 1733), vehicle 1517 -> 1525 (1509 -> 1509), payment 1530 -> 1524
            // (1552 -> 1539), violations 47 -> 51 (55 -> 56). Weights then chosen on the tuning set: shorter waits +1
            // for blended payment (was +4, decisive), keeping a service running +1 for block payment (was +2), and
            // joining up care no longer -1 for the standard contract (the +2 it gives the vehicles that hold a pathway
            // already counts it). Against content 2.68.0: arrangement 1736 -> 1735 (1735 -> 1733), vehicle 1517 ->
            // 1529 (1509 -> 1519), top three 1849 -> 1851 (1847 -> 1845), payment 1530 -> 1539 (1552 -> 1563),
            // violations 47 -> 48 (55 -> 55), warnings all present 1628 -> 1629 (1624 -> 1624). Also tried on the
            // new answers, none better on both encodings: blended +3, +2 or +1 for shorter waits alone; with blended
            // +3 or +2, block +3 or +1, blended 0 or the standard contract +3 for keeping a service running; year of
            // care +2 for moving money, alone or with capitation +3; and, on top of the three kept, activity-based +2
            // for shorter waits, year of care +3 or a section 75 pool +1 for moving money.
            // When the eightieth set (cc01-cc24 less cc17) joined (on content 2.68.0, as first run).
            // Warnings only (content 2.68.0): an NHS trust that the others accept, or fear, as lead and that has
            // offered to hold the budget raises the sub-contract notices for the situation, and a provider the others
            // accept or fear as lead that has offered to hold the budget raises the lead's conflict, whatever today's
            // count of providers (the offer is to pay the others). Required warnings all present 1602 -> 1611
            // (second encoding 1599 -> 1607); sub-contract 240 -> 249 of 276 (245 -> 252), lead's conflict 228 ->
            // 236 of 246 (227 -> 232); raised 824 -> 836 and 810 -> 821 times (primary), 9 and 8 of the new raises
            // required. No leader changed. Chosen on the tuning set only, before the eighty-first set was encoded.
            // When the seventy-ninth set (cb01-cb24) joined (on content 2.67.0, as first run, with its two
            // violations: violations 45 -> 47).
            // Tried on the tuning set (1,909) and not kept: a section 75 pool counting less where social care is
            // central (+4 instead of +5), where social care is in scope (+2 instead of +3), where a board and
            // councils commission together (+2 instead of +3), or where pooling is being considered (+2 instead of
            // +3), alone and in pairs (arrangement leader 1696 -> 1695 to 1700, second encoding 1695 -> 1694 to
            // 1705; violations down by 0 to 4), looked at because a pool led in six of the seventy-ninth (then held
            // out) set's arrangement misses. None is better on both encodings without one fewer situation with
            // every required warning (1588 -> 1586 or 1587), except +2 where social care is in scope, which is not
            // better on the primary encodings. Also not kept: +1 instead of +2 where public health services are
            // in scope (1695; 1694), +2 instead of +3 where people fall between health and social care (1697; 1695).
            // When the seventy-eighth set (ca01-ca24) joined, its encodings answered for content 2.67.0 where they
            // show the new question (ca13 and ca14, by two blind helpers after its run; on content 2.67.0 it gives
            // arrangement leader 20/24, first run 18/24 on 2.66.0, vehicle 19/24 and payment 21/24 as first run).
            // With boards holding a service NHS England has already delegated asked whether one of them commissions
            // it for the others (content 2.67.0; answered blind for the 69 situations either encoding had answered
            // "already delegated", 69 of 69 the same by both helpers), a new answer for one body holding it alone,
            // and one body commissioning for the others counting -3 for a single commissioner: arrangement leader
            // 1667 -> 1676 (second encoding 1665 -> 1675), top three 1812 -> 1817 (1808 -> 1813), violations 48 ->
            // 45 (56 -> 53); vehicle 1463 -> 1464, payment 1474 -> 1475 (both unchanged on the second encodings),
            // warnings unchanged. The question alone gave 1675 (1673); with -2 for a single commissioner 1676 (1674).
            // When the seventy-seventh set (bz01-bz24) joined (on content 2.66.0 it gives vehicle leader 18/24 and
            // payment leader 22/24, as first run on 2.65.0).
            // With an effect that counts only while another answer holds (content 2.66.0): a payment per unit of
            // activity, or a fixed sum plus a variable part, today counting +4 more (decisive) for keeping that way of
            // paying where today's contracts and payment rules do not get in the way. Payment leader 1436 -> 1452,
            // top three 1773 -> 1775 (second encoding 1467 -> 1478, 1776 -> 1777); arrangement, vehicle, violations
            // (48, 56) and warnings all present (1554, 1548) unchanged. Chosen on the tuning set by the fixed rule
            // (payment leader up on both encodings; no more violations, and no fewer vehicle leaders or warnings, on
            // either): of the block payments leading where activity-based payment was expected, half are paid per
            // unit today and answered that today's payment rules do not get in the way (first seen in the
            // seventy-third set while it was held out; see below). Tried and not kept: the same for a fixed sum and
            // block payment (1451, 1483; violations 56 -> 57), +3 for all three (1454, 1481; warnings 1554 -> 1552,
            // 1548 -> 1546), +5 or +6 for all three (violations 56 -> 57), and dropping the +3 that the same answer
            // gives block payment whatever today's way of paying (1440, 1462).
            // When the seventy-sixth set (by01-by24) joined (on content 2.65.0, as first run).
            // Tried on the tuning set (1,837) and not kept: providers agreeing to be sub-contracted counting +2, +3
            // or +4 (decisive) for a lead provider instead of +1 (vehicle leader 1428 -> 1428, 1427, 1431; second
            // encoding 1417 -> 1419, 1413, 1414; violations 46 -> 47, 46, 46 and 56 -> 57, 57, 57), looked at because
            // that answer is the commonest in the tuning set's missed lead providers (64%, against 7% where the
            // standard contract or no new contract is expected), and lead providers were missed in the seventy-fifth
            // and seventy-sixth sets.
            // Tried on the tuning set (1,837) and not kept: a price per contact, attendance or test proposed or
            // already used counting +2 or +3 for activity-based payment (payment leader 1423 -> 1425, 1424; second
            // encoding 1454 -> 1460, 1464; but violations 46 -> 48, 49 and 56 -> 57, 59), looked at because of the
            // seventy-sixth (then held out) set's payment misses.
            // When the seventy-fifth set (bx01-bx24) joined, its encodings answered for content 2.64.0 and 2.65.0 by
            // blind helpers after its run (twelve of its 48 encodings changed; on content 2.65.0 it gives arrangement
            // leader 18/24, first run 15/24 on 2.63.0).
            // With a hint that a body paying only a small share, without deciding the service, does not make
            // commissioning joint (content 2.65.0; who is commissioning answered again blind for the 453 situations
            // either encoding had answered "an integrated care board and councils together", 47 encodings moved):
            // arrangement leader 1601 -> 1608 (second encoding 1603 -> 1606), top three 1734 -> 1745 (1734 -> 1739),
            // violations 48 -> 46 (56 -> 56), all three leaders 975 -> 980 (993 -> 995); vehicle 1408 -> 1409 (1400
            // -> 1399), payment 1404 -> 1402 (1435 -> 1434), warnings all present 1521 -> 1518 (1514 -> 1511).
            // With "several councils together" a separate answer to who is commissioning, asked whether one would
            // commission for the others (content 2.64.0; answered blind for the 108 situations either encoding had
            // answered "a council, or councils"): arrangement leader 1592 -> 1601 (second encoding 1592 -> 1603),
            // top three 1733 -> 1734 (both), violations 49 -> 48 (57 -> 56); vehicle and payment unchanged.
            // When the seventy-fourth set (bw01-bw24) joined (on content 2.63.0, as first run).
            // Tried on the tuning set (1,789) and not kept: pooling "being considered but not agreed" counting +2 or
            // +1 for a section 75 pool instead of +3, or +3 for joint commissioning instead of +2 (arrangement leader
            // 1574 -> 1572, 1573, 1563; second encoding 1575 -> 1577, 1573, 1565), looked at because a pool led
            // where joint commissioning was expected in the seventy-third and seventy-fourth (then held out) sets.
            // When the seventy-third set (bv01-bv24) joined (on content 2.63.0 it gives vehicle leader 19/24 and one
            // violation, as first run on 2.62.1).
            // With a contract for a whole population raising the national-assurance warning whatever its size
            // (content 2.63.0): national-assurance recall 15 -> 19 of 22 (second encoding 16 -> 20), required
            // warnings all present 1477 -> 1479 (1470 -> 1472); no leader, top three or violation changed.
            // Tried on the tuning set (1,765) and not kept: "today's contracts or payment rules do not get in the
            // way" counting +2, +1 or 0 for block payment instead of +3 (payment leader 1366 -> 1358, 1359, 1351;
            // second encoding 1398 -> 1390, 1386, 1377), looked at because block led where activity-based payment
            // was expected in the seventy-third set (then held out) even where the services are paid per unit.
            // When the seventy-second set (bu01-bu24) joined (on content 2.62.1 it gives vehicle leader 19/24 and two
            // violations, as first run on 2.61.0).
            // With a provider deciding how care is redesigned raising the warning that statutory accountability
            // stays with the commissioners (content 2.62.0): accountability-stays recall 139 -> 150 of 167 (second
            // encoding 139 -> 151), required warnings all present 1449 -> 1457 (1442 -> 1451); no leader, top three
            // or violation changed.
            // Tried on the tuning set (1,741) and not kept: a question how steady demand is (steady; uneven, by
            // season or month to month; changing fast or not yet known; not sure), answered blind for all 1,765
            // situations by sixteen helper sessions (93.7% agreement; 4% uneven, 16% changing, 74% not sure). No
            // weight met the rule: steady +2 for block (payment leader 1347 -> 1342); uneven -2 for block (1344), +2
            // for activity-based (1342), +2 for blended (1352, second encoding 1379 -> 1378, violations 46 -> 49);
            // changing -2 for block and +2 for blended (1345); four combinations (1333 to 1351, each with more
            // violations or a lower second encoding).
            // When the seventy-first set (bt01-bt24) joined (on content 2.61.0 it gives vehicle leader 19/24 and one
            // violation, as first run on 2.59.0).
            // With a provider's offer to hold a budget per person for a whole population counted as proposing the
            // accountable care contract (content 2.61.0; its warnings, designation only among them, are listed for
            // it where it does not fit): iho-designated-only recall 1 -> 7 of 11 (second encoding 1 -> 7), required
            // warnings all present 1426 -> 1431 (1418 -> 1423); no leader, top three or violation changed.
            // With "costs are moving between organisations' budgets, or who pays for part of this care is disputed"
            // added to the problems (content 2.60.0; answered for every situation by sixteen further blind helper
            // sessions, primary and second by different helpers; it has no weights) and raising the cost-shifting
            // warning: cost-shifting recall 46 -> 69 of 72 (second encoding 43 -> 70), required warnings all present
            // 1406 -> 1426 (1393 -> 1418); no leader, top three or violation changed.
            // When the seventieth set (bs01-bs24) joined (on content 2.59.0 it gives vehicle leader 19/24 and one
            // violation, as first run on 2.58.0).
            // With a fixed sum today counting +4 for block payment, was +3, as one of its decisive conditions
            // (content 2.59.0): payment leader 1310 -> 1314 (second encoding 1340 -> 1343), top three 1616 -> 1616
            // (1615 -> 1618); nothing else changed.
            // Tried on the tuning set (1,693) and not kept, each adding a violation or lowering the payment leader on
            // one encoding: block +5 (1321), blended +4 for a blended payment today (1320), +5 (1318), and four
            // combinations of these with activity-based +8; activity-based +5, +6 or +8 for payment per unit today
            // (1298 to 1313).
            // When the sixty-ninth set (br01-br24 less br13 and br14) joined (on content 2.58.0 it gives vehicle
            // leader 19/22 and two violations, as first run on 2.57.0).
            // With the standard contract +3 where one commissioner buys for all the funders (content 2.58.0):
            // vehicle leader 1293 -> 1296 (second encoding 1291 -> 1292), top three 1577 -> 1581 (1577 -> 1578),
            // violations 46 -> 42 (47 -> 47), payment leader 1291 -> 1292; required warnings all present 1369 ->
            // 1368. Twelve vehicle leaders became acceptable and nine stopped being (second encoding five and four).
            // Tried and not kept: +1 (1295, 1292; violations 45), +2 (1291: worse on the primary encodings), +4
            // (1295, 1293; violations 42, 47; one fewer warning on the second encodings), prime contractor -2 or -3
            // (no vehicle gain), no new contract +1 or +2 (worse on the second encoding);
            // and, for the fourteen violations with delegation first, delegation -2 to -6 where what is needed can
            // be done under a contract already held (violations down, but 15 arrangement leaders lost where
            // delegation has already been made).
            // When the sixty-eighth set (bq01-bq24 less bq10) joined (on content 2.57.0 it gives vehicle leader
            // 17/23 and two violations, as first run on 2.56.0; required warnings all present 20/23, 19 as first
            // run).
            // With "one or two would bid" raising the thin-market warning for the options that move risk (content
            // 2.57.0): no leader or top three changed; required warnings all present 1340 -> 1349 (second encoding
            // 1328 -> 1337).
            // When the sixty-seventh set (bp01-bp24) joined (on content 2.56.0 it gives vehicle leader 21/24 and two
            // violations, as first run), with no engine change since it was run.
            // When the sixty-sixth set (bo01-bo24) joined (on content 2.56.0 it gives vehicle leader 20/24 and three
            // violations, as first run, and payment top three 21/24, 22 as first run).
            // With a payment per unit of activity today counting +7 for activity-based payment, was +3 (content
            // 2.56.0): the commonest payment miss on the tuning set was a block where activity-based payment is
            // expected, and 170 of the 268 situations paid per unit today expect it, while the advice led with it
            // in 80. Payment leader 1218 -> 1240, top three 1511 -> 1527 (second encoding 1240 -> 1273); required
            // warnings all present 1304 -> 1302 (1293 -> 1292); violations unchanged. Tried and not kept: +4
            // (1220), +5 (1228), +6 (1235), +8 (1245, second encoding 1271), +5 for each of the three current ways
            // of paying (1244, violations 40 -> 43), +7 with +4 or +5 for blended (1250 and 1249, one more
            // violation), block's +3 for a fixed sum to +4 (1236), less for block where patients do not choose or
            // today's contracts are not in the way (1172 to 1207).
            // When the sixty-fifth set (bn01-bn24) joined (on content 2.55.0 it gives vehicle leader 19/24 and two
            // violations, as first run; it keeps the answers it was run with, not those given again in 2.55.0).
            // With the hint of 'Have you already tried to fix this by working together?' extended to money that is
            // ending or short and to a service or capacity that does not exist (content 2.55.0; both encoders of the
            // sixty-fifth set named the question hard for such problems), answered again blind for the 1,007 tuning
            // situations whose problems include money, access or a missing service: vehicle leader 1214 -> 1216, top
            // three 1487 -> 1491, violations 39 -> 37, payment leader 1195 -> 1197, required warnings all present
            // 1290 -> 1286 (second encoding: vehicle 1215, top three 1485 -> 1488, payment 1211 -> 1219, warnings
            // 1281 -> 1279). No weight changed.
            // When the sixty-fourth set (bm01-bm24) joined (on content 2.54.0 it gives vehicle leader 16/24, 15 as
            // first run, and no violation, as first run).
            // With the question whether one provider could deliver all of the care itself (content 2.54.0), asked
            // where several organisations provide the services and answered blind for the 1,138 situations that show
            // it: 'Yes' +3 for the NHS Standard Contract, -3 for a lead provider and a prime contractor, -1 for no
            // new contract (vehicle leader 1188 -> 1198, top three 1460 -> 1465, violations 43 -> 39, payment leader
            // 1176 -> 1178, top three 1464 -> 1466; second encoding vehicle 1196 -> 1200, payment 1191 -> 1194).
            // With the +2 for joint commissioning on 'Not sure' whether the money would be combined taken out again
            // (content 2.53.1, after a review: it counted for commissioners acting alone too, such as NHS England
            // keeping a service; the -2 for a section 75 pool stays): arrangement leader 1374 -> 1370, violations
            // 42 -> 43; the held-out set unchanged.
            // When the sixty-third set (bl01-bl24) joined (on content 2.53.0 it gives vehicle leader 20/24 and one
            // violation, as first run).
            // When the sixty-second set (bk01-bk24) joined (on content 2.53.0 it gives vehicle leader 17/24 and two
            // violations, as first run).
            // With 'Not sure' whether the NHS and the council both fund the service and would combine the money
            // -2 for a section 75 pool and +2 for joint commissioning (content 2.53.0; it had no effects):
            // arrangement leader 1328 -> 1337, violations 40 -> 39, required warnings all present 1245 -> 1242
            // (second encoding 1334 -> 1340, warnings 1235 -> 1234).
            // With the question whether anyone has proposed one sum per person asked of every service (content
            // 2.52.0; before, only of groups with shared needs, older people with several conditions and whole
            // populations), answered blind where it was not shown before, with its hint saying that a price per
            // episode, course or pathway is not one: no vehicle or arrangement leader changed; payment top three
            // 1416 -> 1418, violations 41 -> 40, required warnings all present 1234 -> 1245 (second encoding: payment
            // leader 1160 -> 1162, warnings 1222 -> 1235).
            // When the sixty-first set (bj01-bj24) joined (on content 2.51.0 it gives vehicle leader 16/24, as first
            // run, and arrangement leader 16/24, as first run).
            // With the question whether one of the commissioners would commission the service for the others
            // (content 2.51.0), answered blind where an integrated care board and councils, or several boards,
            // commission, 'Yes' +5 for lead commissioning and 'No: each keeps its own contracts' +2 for joint
            // commissioning and -3 for lead commissioning (arrangement leader 1290 -> 1312, top three 1422 -> 1421,
            // violations 40 -> 41: lead commissioning now leads for bb19, where the council that offered to lead is
            // in intervention, which no question asks; second encoding 1300 -> 1318, violations 37 -> 39).
            // When the sixtieth set (bi01-bi24) joined (on content 2.50.2 it gives vehicle leader 19/24, as first
            // run).
            // When the fifty-ninth set (bh01-bh24) joined (on content 2.50.1 it gives vehicle leader 21/24, as first
            // run).
            // When the fifty-eighth set (bg01-bg24) joined (on content 2.50.1 it gives vehicle leader 18/24 and three
            // violations, as first run).
            // When the fifty-seventh set (bf01-bf24) joined (on content 2.50.0 it gives vehicle leader 14/24, as first
            // run, and one violation, delegation leading for bf24, as first run: violations 36 -> 37).
            // With the question whether what is needed could be done under a contract or agreement already held
            // (content 2.50.0), answered blind where a contract exists today, and 'No: it needs a new contract' -2
            // for no new contract (vehicle leader 1056 -> 1063, top three 1302 -> 1303, payment 1054 -> 1055;
            // second encoding 1059 -> 1067, 1067 -> 1070).
            // With the question who would decide how care is redesigned under a provider's offer (content 2.49.0),
            // answered blind where a provider would hold the budget or make decisions, and 'the provider' raising
            // the warning that hard commissioning decisions could be handed to it: no leader changed (it has no
            // weights); required warnings all present 1124 -> 1135 (second encoding 1114 -> 1125).
            // With 'not sure' whether outcomes are agreed raising the warning that outcomes cannot yet be measured
            // (content 2.48.0): no leader changed; required warnings all present 1121 -> 1124 (second encoding
            // 1109 -> 1114).
            // When the fifty-sixth set (be01-be24) joined (on content 2.47.0 it gives vehicle leader 17/24, as first
            // run).
            // With 'it will be handed on later' on NHS England's delegation (content 2.47.0), chosen blind instead
            // of 'being delegated' in 14 encodings of 8 situations, +5 for a single commissioner and -3 for
            // delegation (arrangement leader 1195 -> 1199, top three 1308 -> 1313, violations 37 -> 35, warnings
            // 1107 -> 1106; second encoding 1203 -> 1208, 1310 -> 1314, violations 34 -> 32).
            // When the fifty-fifth set (bd01-bd24) joined, with no engine change since it was run.
            // When the fifty-fourth set (bc01-bc24) joined (on content 2.46.0 it gives vehicle leader 19/24, first
            // run 17; the funding question came from its misses).
            // With the question whether money that has paid for the service is ending (content 2.46.0), answered
            // blind where the problems include money, and 'yes' +2 for the standard contract and -2 for no new
            // contract (vehicle leader 1002 -> 1004, top three 1231 -> 1232; second encoding 999 -> 1002).
            // When the fifty-third set (bb01-bb24) joined (on content 2.45.0 it gives vehicle leader 17/24, as first run).
            // With patients having no free choice of provider +3 for block payment (content 2.45.0; payment leader
            // 954 -> 983, top three 1212 -> 1211, violations 32 -> 33, required warnings all present 1054 -> 1053;
            // second encoding 959 -> 991, 1211 -> 1212, violations 31 -> 30, warnings 1042 -> 1039).
            // With the question how many capable providers would bid (content 2.44.0), answered blind for every
            // situation, and its answer that providers are leaving raising the thin-market warning: no leader
            // changed (it has no weights); required warnings all present 1047 -> 1054 (second encoding 1040 ->
            // 1042).
            // When the fifty-second set (ba01-ba24) joined, with no engine change since it was run.
            // When the fifty-first set (az01-az24) joined. Before it, with "Not sure" on how many organisations
            // provide the services (content 2.43.0; no situation answers it, no figure moved).
            // When the fiftieth set (ay01-ay24) joined, with no engine change since it was run.
            // When the forty-ninth set (ax01-ax24) joined (on content 2.42.0 it gives vehicle leader 19/24, first
            // run 18).
            // With going live within six months counting +2 for both the NHS Standard Contract (was +1) and no
            // new contract (was +3), and contracts not in the way +3 for the standard contract (was +2) (content
            // 2.42.0; vehicle leader 902 -> 912, payment 888 -> 892, violations 28 -> 27; second encoding 900 ->
            // 909, top three 1115 -> 1117, payment 895 -> 897; the two encodings' vehicle leaders agree in 1018
            // situations, were 1004).
            // With the warning that an informal agreement may not hold raised for the situation where leadership is
            // weak and working together has gone some way or as far as it can (content 2.41.0): no leader
            // changed; required warnings all present 975 -> 977 (second encoding 967 -> 972).
            // With the question whether the plan depends on money moving out of other services (content
            // 2.40.0), answered blind for every situation: no leader changed (it has no weights); required
            // warnings all present 965 -> 975 (second encoding 954 -> 967).
            // When the forty-eighth set (aw01-aw24) joined, with no engine change since it was run.
            // When the forty-seventh set (av01-av24) joined, with no engine change since it was run.
            // When the forty-sixth set (au01-au24) joined (on content 2.39.0 it gives vehicle leader 13/24, first
            // run 12). Before it, with a provider's offer to hold the budget +2 for a lead provider, and no offer -1
            // (content 2.39.0; vehicle leader 845 -> 857, top three 1056 -> 1060, payment 838 -> 840; second
            // encoding 845 -> 853, 1053 -> 1055, payment 835 -> 839, violations 25 -> 24).
            // With an ICB and council deciding together +1 for no new contract, little voluntary provision and a
            // pathway with a clear start and end each +1 for the NHS Standard Contract (content 2.38.0; vehicle
            // leader 839 -> 845, top three 1049 -> 1056, payment 837 -> 838, violations 22 -> 21; second encoding
            // 832 -> 845, 1051 -> 1053, payment 836 -> 835).
            // When the forty-fifth set (at01-at24) joined, its answers to the new question given blind with the
            // rest. Before it, with a change announced or pending from outside counting for no new contract (+2
            // announced, +1 pending; content 2.37.0; vehicle leader 822 -> 826, top three 1027 -> 1029, payment
            // 822 -> 821, violations 23 -> 22; second encoding 816 -> 815, 1028 -> 1031, payment 820 -> 819).
            // When the forty-fourth set (as01-as24) joined, with no engine change since the forty-third joined.
            // When the forty-third set (ar01-ar24) joined. Before it, with the warnings for a proposed option
            // (content 2.34.0; no leader changed). When the forty-second set (aq01-aq24) joined. Before it, with a
            // group defined by its needs counting
            // +1 for block payment (content 2.33.0; payment leader 763
            // -> 768, second encoding 766 -> 768, top three 962 -> 961). When the forty-first set (ap01-ap24)
            // joined. Before it, with five warnings raised for the situation
            // (content 2.32.0; no leader changed). With four answers that call for a contract award counting
            // against no new contract or for the NHS Standard Contract (content 2.31.0; vehicle leader 745 -> 753, top three 939 -> 940, payment 743 ->
            // 742, violations 16 -> 15; second encoding 743 -> 748, 940 -> 942). When the fortieth set (ao01-ao24)
            // joined, with no engine change since the thirty-ninth joined. When
            // the thirty-ninth set (an01-an24) joined. Before it, with "Not sure" whether NHS England is handing
            // the service on counting +3 for a single commissioner (content 2.30.0; arrangement leader 856 -> 858,
            // top three 931 -> 933; second 858 -> 860). When the thirty-eighth set (am01-am24) joined. Before it,
            // with "already delegated" beside "being delegated" and 133 encodings answered again blind (content
            // 2.29.0; arrangement leader 834 -> 837, top three 912 -> 911; second 834 -> 838). When the
            // thirty-seventh set (al01-al24) joined. Before it, with "Not sure" whether contracts are the obstacle,
            // whether an organisational change is coming and how providers work together counting +1 for the NHS
            // Standard Contract as for no new contract (content 2.28.0; vehicle leader 689 -> 694, top three 845 ->
            // 852, violations 13 -> 12; second encoding 680 -> 682, 846 -> 851). When the thirty-sixth set
            // (ak01-ak24) joined, with no engine change since the thirty-fifth (aj01-aj24) joined. Before that,
            // with outcomes only partly measurable counting +1 for block and +1 (was +2) for blended (content
            // 2.27.0; payment leader 635 -> 640, second encoding 644 -> 647). When the thirty-fourth set
            // (ai01-ai24) joined. Before it, with a prime contractor -3 for a group defined by its needs and
            // accountable care -4 where an NHS trust outside the advanced foundation trust programme would lead
            // (content 2.26.0; violations 15 -> 11, second encoding 15 -> 12; vehicle leader 637 -> 638, payment
            // 619 -> 618). When the thirty-third set (ah01-ah24) joined. Before it, with block payment +3 where
            // today's contracts are not in the way and for mental health services, were +2 (content 2.25.0; payment
            // leader 594 -> 602, second encoding 603 -> 611); before it, with a budget under £5m counting +3 for
            // block payment, was +1 (content 2.24.0; payment leader 580 -> 594, second encoding 589 -> 603); before
            // it, when the thirty-second set (ag01-ag24) joined, and when the thirty-first (af01-af24) joined.
            // Before that, with the problem "nothing major is wrong: a change is proposed" (content 2.23.0),
            // answered blind for every situation (vehicle top three 706 -> 712, payment leader 546 -> 545); before
            // it, when the thirtieth set (ae01-ae24) joined, with no engine change since the twenty-ninth set
            // (ad01-ad24) joined. Earlier steps, newest first: the pathway-price hint narrowed and its "national"
            // answers answered again blind (content 2.22.0; payment leader 487 -> 493); a pathway payment counted
            // against where one provider provides everything (content 2.21.0; 468 -> 469); the current-payment
            // question answered blind for every situation (content 2.20.0; on the 640 then: payment leader 427 ->
            // 453, top three 590 -> 600, violations 10 -> 11); the sub-contract question answered blind for every
            // situation that shows it (content 2.19.0; on the 616 then: payment leader 413 -> 411, vehicle 461 ->
            // 464, violations 13 -> 9); the provider-kinds question for every situation (content 2.17.0); the later
            // questions were answered for every earlier situation before the sixteenth set was run
            // (tests/scenarios/README.md).
            leader: [2196, 2000, 1985],
            top3: [2388, 2359, 2378],
            violations: 57,
        },
    );
}

/// The held-out set is never used to choose weights, so it is not held to the targets here: these are the figures the
/// engine gave when the set (the hundred-and-fourth, da01-da24 without da07, da21, da22 and da24) was first run, with
/// every change before it committed (content 2.90.1): vehicle leader 18/20 (90%; the target is 85%), top three
/// 20/20 (100%; target 90%), no must-not-lead violation (target none): see tests/scenarios/README.md. One set is noisy:
/// the thirty-sixth to hundred-and-fourth sets gave 16/24, 10/24, 20/24, 9/24, 12/24, 12/24, 21/24, 18/24, 16/24,
/// 14/24, 12/24, 16/24, 16/24, 18/24, 19/24, 16/24, 19/24, 17/24, 17/24, 16/24, 17/24, 14/24, 18/24, 21/24, 19/24,
/// 16/24, 17/24, 20/24, 15/24, 19/24, 20/24, 21/24, 17/23, 19/22, 19/24, 19/24, 19/24, 19/24, 17/24, 19/24, 17/24,
/// 18/24, 19/24, 17/24, 17/23, 19/24, 18/23, 20/24, 20/24, 17/23, 16/24, 16/22, 16/21, 20/24, 15/23, 17/24, 23/24,
/// 18/23, 19/24, 20/24, 16/23, 19/22, 18/23, 18/20, 18/21, 18/22, 19/21, 18/20 and 18/20 on engines a few weights
/// apart, the thirty-second to thirty-fifth 21/24, 20/24, 20/24 and 15/24. A change must not lower them; raising them
/// needs a fresh held-out set. (Five times, for the twenty-first, forty-second, forty-fifth, sixty-sixth and
/// ninety-first sets, a change chosen on the tuning set lowered a held-out figure and was kept, with the floor lowered
/// and the reason recorded: dropping a change for its held-out figure would be choosing on the held-out set. Content
/// 2.56.0, activity-based payment +7 where the services are paid per unit today, takes the sixty-sixth set's payment
/// top three from 22 to 21; content 2.75.0, six weights chosen again on the tuning set's answers given again, takes the
/// ninety-first set's payment leader from 18 to 16.)
#[test]
fn held_out_set_holds_its_first_measured_figures() {
    holds(
        "held-out",
        &totals(&HELD_OUT),
        &Floor {
            leader: [18, 18, 18],
            top3: [20, 20, 20],
            violations: 0,
        },
    );
}

#[test]
fn held_out_encoders_agree() {
    let (mut same, mut either) = (0, 0);
    for s in HELD_OUT.iter() {
        let (x, y) = agreement(
            s.encoding.primary.as_ref().unwrap(),
            s.encoding.second.as_ref().unwrap(),
        );
        same += x;
        either += y;
    }
    println!("held-out encoder agreement {same}/{either}");
    // The target is 95%; six rounds of rewording reached 92-94% on earlier sets, the fifth set 89%, the
    // sixth 91.8%, the seventh 90.9% (873/960), the eighth 91.1% (889/976), the ninth, by a new pair on the same
    // wording, 88.2% (846/959), and the tenth, after the analytics, relationships and data-quality questions were
    // reworded, 91.8% (888/967), the eleventh 92.3% (883/957), the twelfth 93.7% (917/979), the thirteenth
    // 93.2% (909/975), the fourteenth 92.8% (903/973), the fifteenth 93.3% (925/991), the sixteenth 92.7%
    // (978/1055), the seventeenth 92.7% (982/1059), the eighteenth 91.8% (970/1057), the nineteenth 93.6%
    // (1012/1081), the twentieth 89.7% (956/1066), the twenty-first 91.0% (986/1084), the twenty-second 92.5%
    // (1017/1099), the twenty-third 90.9% (995/1095), the twenty-fourth 93.2% (1023/1098) and the
    // twenty-fifth 90.6% (968/1068), the twenty-sixth 91.9% (1001/1089), the twenty-seventh 92.7% (1024/1105)
    // the twenty-eighth 92.0% (1045/1136), the twenty-ninth 91.5% (1033/1129), the thirtieth 93.3% (1028/1102),
    // the thirty-first 90.5% (1022/1129), the thirty-second 87.9% (999/1137), the thirty-third 91.3% (1043/1143),
    // the thirty-fourth 90.7% (1029/1134), the thirty-fifth 90.3% (1046/1158), the thirty-sixth 92.3%
    // (1028/1114), the thirty-seventh 89.8% (1018/1134), the thirty-eighth 88.9% (1006/1132), the thirty-ninth
    // 89.3% (1013/1134), the fortieth 88.2% (994/1127), the forty-first 88.0% (988/1123), the forty-second
    // 89.5% (1016/1135), the forty-third 89.3% (1005/1126), the forty-fourth 87.2% (970/1112), the
    // forty-fifth 90.2% (1028/1140), the forty-sixth 89.0% (1032/1160), the forty-seventh 88.0% (1002/1139), the
    // forty-eighth 90.2% (1018/1128), the forty-ninth 89.9% (1050/1168), the fiftieth 86.5% (989/1143), the
    // fifty-first 86.8% (1015/1170), the fifty-second 89.6% (1045/1166), the fifty-third 89.3% (1047/1172; 89.0%
    // with the question on how many providers would bid, answered for it after the run by other helpers) and the
    // fifty-fourth 87.7% (1027/1171; 87.5% with the funding question, answered for it after the run by other
    // helpers), the fifty-fifth 86.5% (1058/1223), the fifty-sixth 84.5% (1039/1229), the fifty-seventh 85.7%
    // (1027/1199; 85.4%, 1034/1211, with the question who would decide how care is redesigned, and 85.4%,
    // 1054/1234, with the question whether what is needed could be done under a contract already held too, both
    // answered for it after the run by other helpers), the fifty-eighth 85.7% (1051/1227), the
    // fifty-ninth 88.0% (1090/1239), the sixtieth 89.5% (1087/1214), the sixty-first 87.2% (1098/1259), the
    // sixty-second 87.0% (1083/1245; 87.1%, 1097/1259, with the sum-per-person question answered for it after the
    // run by other helpers), the sixty-third 90.5% (1129/1247), the sixty-fourth 87.0% (1102/1266), the
    // sixty-fifth 85.5% (1100/1286), the sixty-sixth 90.0% (1156/1284), the sixty-seventh 90.6% (1150/1270), the
    // sixty-eighth 88.6% (1092/1232), the sixty-ninth 87.0% (1013/1164), the seventieth 88.0% (1140/1296), the
    // seventy-first 87.9% (1121/1276; 87.8%, 1120/1276, with the option whether costs are moving between
    // organisations' budgets answered for it after the run by other helpers), the seventy-second 91.3%
    // (1143/1252), the seventy-third 84.0% (1068/1271), the seventy-fourth 89.3% (1128/1263), the seventy-fifth
    // 88.9% (1132/1273), the seventy-sixth 91.8% (1155/1258), the seventy-seventh 86.5% (1113/1286), the
    // seventy-eighth 90.5% (1166/1288), the seventy-ninth 89.6% (1149/1283), the eightieth 89.2% (1110/1245),
    // the eighty-first 84.1% (1069/1271), the eighty-second 89.6% (1088/1214), the eighty-third 86.7%
    // (1127/1300), the eighty-fourth 90.1% (1137/1262), the eighty-fifth 88.8% (1091/1229), the eighty-sixth 87.6%
    // (1126/1286), the eighty-seventh 88.7% (1059/1194), the eighty-eighth 88.7% (1015/1144) and the
    // eighty-ninth, after rules for what to answer when nothing is known were added to seven questions, 90.1%
    // (1119/1242), the ninetieth, after such rules on five more, 89.8% (1105/1231), and the ninety-first, after
    // rules on four more (whether today's providers meet their contracts, who would redesign care under an offer,
    // the health care share, a CCG's area), 92.8% (1162/1252), the ninety-second 91.4% (1161/1270), and the
    // ninety-third, after rules on two more (how many would bid, contract management), 91.9% (1131/1231), and
    // the ninety-fourth, after a rule on the lead's performance, 89.1% (1140/1279), and the ninety-fifth 90.6%
    // (1169/1290), and the ninety-sixth 89.8% (1105/1230), and the ninety-seventh, after rules on three more
    // (outcomes measured, today's providers meeting their contracts, a service stopping as a gap), 91.9%
    // (1093/1189), and the ninety-eighth 91.6% (1127/1231), and the ninety-ninth 91.8% (979/1066), and the
    // hundredth 93.0% (1058/1138), and the hundred-and-first 91.1% (1098/1205), and the hundred-and-second 90.9%
    // (1012/1113; 90.6%, 1027/1134, with the question on agreements that are not legally binding, answered for it
    // after the run by other helpers, who split on 6 of its 21 situations), and the hundred-and-third, the first
    // encoded with that question, 89.5% (1010/1129; its encoders split on it in 7 of 20), and the hundred-and-fourth,
    // with that question's hint of content 2.90.0, 92.0% (1006/1094; they split on it in 1 of 20;
    // tests/scenarios/README.md). The floor is the hundred-and-fourth set's figure.
    assert!(
        share(same, either) >= 0.919,
        "held-out encoder agreement {same}/{either}"
    );
}

/// Every warning is a warning: across the suite's situations (primary encodings) each one is raised under
/// "What to watch" for some and not for others, so none is shown whatever the answers and none can never appear;
/// and each one raised says which of the user's answers raised it.
#[test]
fn every_warning_is_raised_by_some_situations_and_not_others() {
    let watched: Vec<Vec<String>> = all()
        .map(|s| {
            let raw = s.encoding.primary.as_ref().expect("encoded");
            let (answers, _) = contract_advisor::Answers::from_raw(&KB, raw).expect("loads");
            let rec = contract_advisor::api::recommendation(&KB, &answers);
            for f in &rec.watch {
                assert!(
                    f.because.iter().all(|b| b.starts_with("You answered “"))
                        && !f.because.is_empty(),
                    "{}: warning `{}` does not say which answers raised it: {:?}",
                    s.id,
                    f.id,
                    f.because
                );
            }
            rec.watch.into_iter().map(|f| f.id).collect()
        })
        .collect();
    for f in &KB.content.red_flags {
        let raised = watched.iter().filter(|w| w.contains(&f.id)).count();
        assert!(
            raised > 0 && raised < watched.len(),
            "warning `{}` is raised in {raised} of {} situations",
            f.id,
            watched.len()
        );
    }
}

/// Second opinions (other experts' own expectations for a scenario's prose) name real models in the right layer,
/// put a first choice first, and name warnings the content defines.
#[test]
fn second_opinions_name_real_models_and_warnings() {
    for s in all() {
        let Some(op) = &s.second_opinion else {
            continue;
        };
        assert!(
            !op.method.trim().is_empty() && !op.judgements.is_empty(),
            "{}",
            s.id
        );
        for j in &op.judgements {
            assert!(
                !j.judge.trim().is_empty() && !j.rationale.trim().is_empty(),
                "{}",
                s.id
            );
            layers_name_real_models(&s.id, &j.judge, j.layers());
            for w in &j.warnings {
                assert!(
                    KB.content.red_flags.iter().any(|f| &f.id == w),
                    "{}: {} names an unknown warning `{w}`",
                    s.id,
                    j.judge
                );
            }
        }
    }
}

/// The second-opinion figures count what they say: a judge who repeats the writer agrees with the writer and
/// accepts exactly what the writer accepts; a judge whose first choices are none the writer or the advice names
/// agrees with neither; and the pair of them never share a first choice.
#[test]
fn a_second_opinion_is_counted_against_the_writer_and_the_advice() {
    let base = HELD_OUT
        .iter()
        .find(|s| !s.expect.warnings.is_empty())
        .expect("a held-out scenario with required warnings");
    let outcome = concordance::score(&KB, base, base.encoding.primary.as_ref().unwrap()).unwrap();
    let path = format!("tests/scenarios/held-out/{}.json", base.id);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut same = v["expect"].clone();
    same["judge"] = "A".into();
    same.as_object_mut().unwrap().remove("warnings");
    same["warnings"] = v["expect"]["warnings"].clone();
    let mut other =
        serde_json::json!({"judge": "B", "warnings": [], "rationale": "A different view."});
    let mut violation = false;
    for (i, layer) in Layer::ALL.iter().enumerate() {
        let expect = &same[layer.id()];
        let writer: Vec<String> = serde_json::from_value(expect["leader"].clone()).unwrap();
        let mnl: Vec<String> = serde_json::from_value(expect["must_not_lead"].clone()).unwrap();
        let pick = KB
            .content
            .models
            .iter()
            .find(|m| {
                m.layer == *layer
                    && !writer.contains(&m.id)
                    && m.id != outcome.leaders[i]
                    && m.id != outcome.overlay
            })
            .map(|m| m.id.clone())
            .unwrap();
        violation |= mnl.contains(&pick);
        other[layer.id()] = serde_json::json!({"leader": [pick], "top3": [], "must_not_lead": []});
    }
    v["second_opinion"] = serde_json::json!({"method": "test", "judgements": [same, other]});
    let s = concordance::parse(&v.to_string()).unwrap();
    let t = concordance::opinion_totals(&KB, &[&s]).unwrap();
    let ok = outcome.leader_ok.map(usize::from);
    let n = base.expect.warnings.len();
    assert_eq!((t.scenarios, t.judgements, t.pairs), (1, 2, 1));
    assert_eq!(t.judge_first_ok, [1, 1, 1]);
    assert_eq!(t.judge_violations, usize::from(violation));
    assert_eq!(t.advice_ok_writer, ok.map(|x| 2 * x));
    assert_eq!(t.advice_ok_judge, ok);
    assert_eq!(t.advice_ok_either, ok.map(|x| 2 * x));
    assert_eq!(t.writer_warnings, (2 * n, n));
    assert_eq!(t.judge_warnings_all, 1);
    assert_eq!(t.pairs_same_first, [0, 0, 0]);
    assert_eq!(t.pairs_first_ok, [0, 0, 0]);
}
