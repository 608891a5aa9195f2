//! Reports: the recommendation as Markdown (for boards, and the command line's text output) and as JSON.
//!
//! Both are built from the same [`crate::api::Recommendation`] the page renders, so every format says the same.

use std::fmt::Write;

use crate::answers::Answers;
use crate::api::{self, ClaimView, ContributionView, FlagView, ModelResult, Recommendation};
use crate::kb::Kb;
use crate::saved;

/// One line per answer that counts for, against, or (held back) towards a model, led by `points`.
fn contributions(
    out: &mut String,
    list: &[ContributionView],
    points: impl Fn(&ContributionView) -> String,
) {
    for c in list {
        let _ = writeln!(
            out,
            "- {}: you answered “{}” to “{}”. {}{}",
            points(c),
            c.answer,
            c.question,
            c.why,
            cite(&c.sources)
        );
    }
}

fn cite(sources: &[String]) -> String {
    if sources.is_empty() {
        String::new()
    } else {
        format!(" [{}]", sources.join("; "))
    }
}

fn claims(out: &mut String, title: &str, list: &[ClaimView]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:\n");
    for c in list {
        let _ = writeln!(out, "- {}{}", c.text, cite(&c.sources));
    }
}

/// One warning as a list item: its severity in words, title, its case, the answers behind it, what it says and what
/// to do.
fn flag_line(out: &mut String, f: &FlagView) {
    let case = f
        .case_name
        .as_deref()
        .map(|c| format!(" (from the case: {c})"))
        .unwrap_or_default();
    let because = if f.because.is_empty() {
        String::new()
    } else {
        format!(" {}.", f.because.join("; "))
    };
    let applies = f
        .applies_if
        .as_deref()
        .map(|a| format!(" {a}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- {} — {}{case}:{applies}{because} {} What to do: {}{}",
        f.severity_label,
        f.title,
        f.message,
        f.mitigation,
        cite(&f.sources)
    );
}

fn model(out: &mut String, m: &ModelResult, full: bool) {
    let _ = writeln!(
        out,
        "\n### {}. {} — {}\n\nFit: {}.\n\n{}",
        m.rank, m.name, m.fit_label, m.basis, m.summary
    );
    if !m.synonyms.is_empty() {
        let _ = writeln!(out, "\nAlso called: {}.", m.synonyms.join(", "));
    }
    if let Some(note) = &m.status_note {
        let _ = writeln!(out, "\nStatus ({}): {note}", m.status);
    }
    if let Some(note) = &m.margin_note {
        let _ = writeln!(out, "\n{note}{}", cite(&m.margin_sources));
    }
    if !m.reasons.is_empty() {
        let _ = writeln!(out, "\nWhy it may suit you:\n");
        contributions(out, &m.reasons, |c| format!("+{}", c.points));
    }
    if !m.concerns.is_empty() {
        let _ = writeln!(out, "\nWhat counts against it:\n");
        contributions(out, &m.concerns, |c| {
            let serious = if c.serious { " (serious)" } else { "" };
            format!("{}{serious}", c.points)
        });
    }
    if !m.withheld.is_empty() {
        let _ = writeln!(
            out,
            "\nNot counted yet: {}{}\n",
            m.withheld_note.as_deref().unwrap_or_default(),
            cite(&m.withheld_sources)
        );
        contributions(out, &m.withheld, |c| format!("(+{} not counted)", c.points));
    }
    let r = &m.readiness;
    let _ = writeln!(
        out,
        "\nWhat it demands: set-up {} ({}); upfront cost {}; skills: {}.{}",
        r.lead_time,
        r.lead_time_note,
        r.upfront_cost,
        r.skills
            .iter()
            .map(|s| format!("{} ({})", s.name, s.need))
            .collect::<Vec<_>>()
            .join(", "),
        cite(&r.sources)
    );
    if !r.summary.is_empty() {
        let _ = writeln!(out, "\nReadiness gaps:\n");
        for s in &r.summary {
            let _ = writeln!(out, "- {s}");
        }
    }
    if !m.red_flags.is_empty() {
        let _ = writeln!(out, "\nWarnings:\n");
        for f in &m.red_flags {
            flag_line(out, f);
        }
    }
    if full {
        claims(out, "Pros", &m.pros);
        claims(out, "Cons", &m.cons);
        claims(out, "Risks", &m.risks);
    }
}

/// The answer in brief: the combination, its fit, the strongest reasons, the first warnings, what it would take and
/// the procurement route.
fn summary(out: &mut String, sm: &crate::api::SummaryView) {
    let _ = writeln!(out, "\n## Summary\n\n**{}**\n\n{}", sm.combination, sm.fit);
    if !sm.reasons.is_empty() {
        let _ = writeln!(out, "\nWhy, from your answers:\n");
        for r in &sm.reasons {
            let _ = writeln!(
                out,
                "- {} You answered “{}”.{}",
                r.why,
                r.answer,
                cite(&r.sources)
            );
        }
    }
    if !sm.watch.is_empty() {
        let _ = writeln!(
            out,
            "\nWhat to watch first ({} of {}, all listed below):\n",
            sm.watch.len(),
            sm.watch_total
        );
        for f in &sm.watch {
            let _ = writeln!(out, "- **{}** {}", f.title, f.mitigation);
        }
    }
    let _ = writeln!(out, "\nWhat it would take: {}", sm.readiness);
    if let Some(p) = &sm.procurement {
        let _ = writeln!(out, "\nLikely procurement route: {p}");
    }
}

/// The recommendation as Markdown, with the answers it rests on.
pub fn markdown(kb: &Kb, answers: &Answers) -> String {
    let rec = api::recommendation(kb, answers);
    render(kb, answers, &rec)
}

/// The heading of What to watch's second part, the warnings for the other options the result puts forward (that may
/// also suit, or in the other combinations listed) or that the answers say were proposed
/// (`Recommendation::watch_also`).
pub const WATCH_ALSO_HEADING: &str =
    "If you choose another option this advice suggests, or one that has been proposed";

fn render(kb: &Kb, answers: &Answers, rec: &Recommendation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Integrated care contract options: advisor report\n");
    let _ = writeln!(
        out,
        "Content version {}, last reviewed {}. This report suggests options to consider; it is not a decision, and not legal advice.",
        rec.content_version, rec.last_reviewed
    );
    let c = &rec.confidence;
    if let Some(sm) = &rec.summary {
        summary(&mut out, sm);
    }
    let _ = writeln!(out, "\nConfidence: {} {}", c.summary, c.reasons.join(" "));
    if !rec.combinations.is_empty() {
        let _ = writeln!(out, "\n## Combinations that may suit you\n");
        for (i, p) in rec.combinations.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, p.text);
        }
    }
    for t in &rec.ties {
        let _ = writeln!(out, "\n{}", t.text);
    }
    if !rec.watch.is_empty() || !rec.watch_also.is_empty() {
        let _ = writeln!(out, "\n## What to watch\n");
        if rec.watch.is_empty() {
            let _ = writeln!(
                out,
                "No warning for your situation and the recommended combination."
            );
        }
        for f in &rec.watch {
            flag_line(&mut out, f);
        }
    }
    if !rec.watch_also.is_empty() {
        let _ = writeln!(out, "\n### {WATCH_ALSO_HEADING}\n");
        for f in &rec.watch_also {
            flag_line(&mut out, f);
        }
    }
    let _ = writeln!(out, "\n## Commissioning arrangements, ranked");
    for (i, m) in rec.arrangements.iter().enumerate() {
        model(&mut out, m, i < 3);
    }
    let _ = writeln!(out, "\n## Contract vehicles, ranked");
    for (i, m) in rec.vehicles.iter().enumerate() {
        model(&mut out, m, i < 3);
    }
    let _ = writeln!(out, "\n## Payment rules, ranked");
    for (i, m) in rec.payments.iter().enumerate() {
        model(&mut out, m, i < 3);
    }
    if let Some(p) = &rec.procurement {
        procurement(&mut out, p);
    }
    if !rec.what_if.is_empty() {
        let _ = writeln!(out, "\n## What would change this advice\n");
        for w in &rec.what_if {
            let _ = writeln!(out, "- {}", w.text);
        }
    }
    if !rec.resembles.is_empty() {
        let _ = writeln!(out, "\n## Cases your answers resemble\n");
        for c in &rec.resembles {
            let _ = writeln!(
                out,
                "- {} ({}): {}. Lesson: {}{}",
                c.name,
                c.status.to_lowercase(),
                c.matched.join("; "),
                c.lesson,
                cite(&c.sources)
            );
        }
    }
    let _ = writeln!(out, "\n## Your answers\n");
    for item in api::journey(kb, answers).items {
        let answer = if item.answers.is_empty() {
            "(not answered)".to_owned()
        } else {
            item.answers.join("; ")
        };
        let _ = writeln!(out, "- {}: {answer}", item.text);
    }
    let _ = writeln!(out, "\n## Sources\n");
    for s in &rec.sources {
        let caution = s
            .caution
            .as_ref()
            .map(|c| format!(" (Caution: {c})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- [{}] {}. {} ({}). {}{caution}",
            s.id, s.title, s.publisher, s.year, s.url
        );
    }
    out
}

/// The report as JSON: the saved answers and the recommendation, in one object.
pub fn json(kb: &Kb, answers: &Answers) -> String {
    let rec = api::recommendation(kb, answers);
    let value =
        serde_json::json!({ "answers": saved::file_value(kb, answers), "recommendation": rec });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A printable HTML page listing every question and model: what the widget offers when JavaScript is off.
pub fn catalogue_html(kb: &Kb) -> String {
    let cat = api::catalogue(kb);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; style-src 'self'; img-src 'self' data:\">\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"style.css\">\n<title>Questions and contract models – Integrated care contract advisor</title>\n</head>\n<body class=\"app-catalogue\">\n<main class=\"app-page\" id=\"main\">"
    );
    let _ = writeln!(out, "<h1>Questions and contract models</h1>");
    let _ = writeln!(
        out,
        "<p>The integrated care contract advisor helps commissioners in England diagnose their situation before choosing how to contract for integrated care. It asks the questions below, then suggests contract vehicles and payment rules that may suit, with reasons, risks, what each demands, and sources. The interactive tool needs JavaScript; this page lists its questions and models so you can work through them on paper.</p>"
    );
    let _ = writeln!(
        out,
        "<p>Content version {}, last reviewed {}.</p>",
        escape(&cat.info.content_version),
        escape(&cat.info.last_reviewed)
    );
    let _ = writeln!(out, "<h2>Questions</h2>");
    let mut n = 0;
    for s in &cat.sections {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p>{}</p>\n<ol class=\"app-catalogue__questions\" start=\"{}\">",
            escape(&s.title),
            escape(&s.intro),
            n + 1
        );
        for q in &s.questions {
            n += 1;
            let cond = if q.conditional {
                " <span class=\"app-tag\">asked only after some answers</span>"
            } else {
                ""
            };
            let kind = if q.kind == "multi" {
                " (select all that apply)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<li><p><strong>{}</strong>{kind}{cond}</p>",
                escape(&q.text)
            );
            if let Some(h) = &q.hint {
                let _ = writeln!(out, "<p class=\"app-hint\">{}</p>", escape(h));
            }
            let _ = writeln!(out, "<ul>");
            for o in &q.options {
                let _ = writeln!(out, "<li>{}</li>", escape(o));
            }
            let _ = writeln!(out, "</ul></li>");
        }
        let _ = writeln!(out, "</ol>");
    }
    for (layer, title) in [
        ("arrangement", "Commissioning arrangements"),
        ("vehicle", "Contract vehicles"),
        ("payment", "Payment rules"),
    ] {
        let _ = writeln!(out, "<h2>{title}</h2>");
        for m in cat.models.iter().filter(|m| m.layer == layer) {
            let _ = writeln!(
                out,
                "<h3>{}</h3>\n<p>{}</p>",
                escape(&m.name),
                escape(&m.summary)
            );
            let _ = writeln!(
                out,
                "<dl class=\"app-facts\"><dt>Also called</dt><dd>{}</dd><dt>Who carries the risk</dt><dd>{}</dd><dt>How money flows</dt><dd>{}</dd><dt>Set-up time</dt><dd>{}</dd><dt>Upfront cost</dt><dd>{}</dd><dt>Skills</dt><dd>{}</dd><dt>Sources</dt><dd>{}</dd></dl>",
                escape(&m.synonyms.join(", ")),
                escape(&m.risk_carrier),
                escape(&m.money_flow),
                escape(&m.lead_time),
                escape(m.upfront_cost),
                escape(&m.skills.join(", ")),
                escape(&m.sources.join(", "))
            );
        }
    }
    let _ = writeln!(out, "<h2>Sources</h2>\n<ul class=\"app-sources\">");
    for s in &cat.sources {
        let caution = s
            .caution
            .as_ref()
            .map(|c| format!(" Caution: {}", escape(c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li id=\"source-{}\">[{}] {}. {} ({}). <span class=\"app-url\">{}</span>{caution}</li>",
            escape(&s.id),
            escape(&s.id),
            escape(&s.title),
            escape(&s.publisher),
            escape(&s.year),
            escape(&s.url)
        );
    }
    let _ = writeln!(out, "</ul>\n</main>\n</body>\n</html>");
    out
}

/// The procurement route: the verdict, the scope, each part's processes in the Regulations' order with why, then
/// once for each process still open, its notices and the records to keep.
fn procurement(out: &mut String, p: &crate::api::ProcurementView) {
    let _ = writeln!(out, "\n## Likely procurement route\n\n{}", p.summary);
    let _ = writeln!(out, "\n{}{}", p.scope.text, cite(&p.scope.sources));
    let several = p.elements.len() > 1;
    let mut live: Vec<&crate::api::RouteView> = Vec::new();
    for e in &p.elements {
        if several {
            let _ = writeln!(out, "\n### {}", e.name);
        }
        let _ = writeln!(out);
        for s in &e.steps {
            let _ = writeln!(
                out,
                "- **{}**: {}. {}",
                s.route.name, s.status_label, s.because
            );
            if s.status != "not-open" && !live.iter().any(|r| r.id == s.route.id) {
                live.push(&s.route);
            }
        }
        if let Some(t) = &e.threshold {
            let _ = writeln!(
                out,
                "\nConsiderable change threshold: {}{}",
                t.because,
                cite(&t.sources)
            );
        }
        for n in &e.notes {
            let _ = writeln!(out, "\n{}{}", n.text, cite(&n.sources));
        }
    }
    for r in live {
        let _ = writeln!(
            out,
            "\n### If you use {}\n\nNotices: {}\n\nKeep a record of:\n",
            r.in_sentence,
            r.notices.join(" ")
        );
        for rec in &r.records {
            let _ = writeln!(out, "- {rec}");
        }
        let _ = writeln!(out, "\nSources: {}", r.sources.join("; "));
    }
    if !p.based_on.is_empty() {
        let _ = writeln!(out, "\nThis rests on your answers:\n");
        for b in &p.based_on {
            let _ = writeln!(out, "- {}: {}", b.question, b.answers.join(", "));
        }
    }
    if !p.open_questions.is_empty() {
        let _ = writeln!(out, "\nAnswering these would settle what is left open:\n");
        for q in &p.open_questions {
            let _ = writeln!(out, "- {}", q.question);
        }
    }
    let _ = writeln!(out, "\n{}{}", p.disclaimer, cite(&p.sources));
}
