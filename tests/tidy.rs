//! Architecture checks that run with `cargo test`: the invariants in ARCHITECTURE.md, enforced.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests"
)]

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn only_the_wasm_module_knows_about_javascript() {
    for path in files("src", "rs") {
        let text = fs::read_to_string(&path).unwrap();
        let is_boundary = path.ends_with("src/wasm.rs");
        for word in [
            "wasm_bindgen",
            "js_sys",
            "JsValue",
            "serde_wasm_bindgen",
            "console_error_panic_hook",
        ] {
            let uses = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(|l| l.contains(word));
            assert!(
                is_boundary || !uses,
                "{} names `{word}`: only src/wasm.rs may",
                path.display()
            );
        }
    }
}

#[test]
fn the_core_does_no_io() {
    for path in files("src", "rs") {
        if path.ends_with("src/wasm.rs") || path.components().any(|c| c.as_os_str() == "bin") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for word in [
            "std::fs",
            "std::io",
            "std::net",
            "std::process",
            "println!",
            "eprintln!",
        ] {
            assert!(
                !text.contains(word),
                "{} uses `{word}`: the core does no IO",
                path.display()
            );
        }
    }
}

#[test]
fn every_module_says_what_it_is_for() {
    for path in files("src", "rs") {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} must start with a `//!` module comment",
            path.display()
        );
    }
}

#[test]
fn the_page_renders_data_as_text_and_evaluates_nothing() {
    let js = files("www", "js");
    assert!(!js.is_empty(), "no page scripts found");
    for path in js {
        let text = fs::read_to_string(&path).unwrap();
        for word in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            "document.cookie",
            "setAttribute('style'",
            "setAttribute(\"style\"",
        ] {
            assert!(!text.contains(word), "{} uses `{word}`", path.display());
        }
        for line in text.lines() {
            let l = line.trim();
            if l.starts_with("//") || l.starts_with('*') {
                continue;
            }
            assert!(
                !(l.contains("fetch(") && (l.contains("http://") || l.contains("https://"))),
                "{}: fetches a remote address",
                path.display()
            );
        }
    }
}

#[test]
fn pages_have_no_inline_script_or_style() {
    let mut pages = files("www", "html");
    pages.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"));
    for path in pages {
        let text = fs::read_to_string(&path).unwrap();
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("<style"),
            "{} has an inline <style>",
            path.display()
        );
        assert!(
            !lower.contains(" style=\""),
            "{} has a style attribute",
            path.display()
        );
        assert!(
            !lower.contains(" onclick=") && !lower.contains(" onload="),
            "{} has an inline handler",
            path.display()
        );
        let mut rest = lower.as_str();
        while let Some(i) = rest.find("<script") {
            let tag_end = rest[i..].find('>').map(|j| i + j).unwrap();
            let tag = &rest[i..tag_end];
            assert!(
                tag.contains(" src="),
                "{} has an inline <script>",
                path.display()
            );
            rest = &rest[tag_end..];
        }
        assert!(
            lower.contains("content-security-policy"),
            "{} sets no Content-Security-Policy",
            path.display()
        );
    }
}

/// The heading over the warnings for other options is one wording, owned by the report (`report::WATCH_ALSO_HEADING`);
/// the page, which has no access to Rust constants at run time, repeats it, and this keeps the two the same.
#[test]
fn the_page_and_the_report_head_other_options_warnings_alike() {
    let page =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/results.js")).unwrap();
    let heading = contract_advisor::report::WATCH_ALSO_HEADING;
    assert!(
        page.contains(&format!("'{heading}'")),
        "www/results.js does not head the other options' warnings “{heading}”"
    );
}
