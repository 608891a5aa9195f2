//! `advise`: the native command line. Reads a saved answers file and prints the same recommendation the page
//! shows, as text (Markdown) or JSON; also checks the content and prints the catalogue.

use std::process::ExitCode;

use contract_advisor::{api, concordance, paper, report, saved, validate, Answers, Error, Kb};

const USAGE: &str = "usage:
  advise recommend FILE [--format text|json|paper|docx] [--appendix] [-o OUT]
                                               recommendation for a saved answers file (or a plain
                                               JSON object of question id to answer); FILE - reads stdin.
                                               paper: the board paper (Markdown), with --appendix the
                                               full detail after it; docx: the board paper as a Word
                                               document, written to OUT (-o is required)
  advise link FILE                             the share-link fragment for the answers in FILE
  advise check [--balance [N]]                 check the content against the editorial rules and list
                                               dated statements more than 12 months older than the
                                               review; with --balance, each model's attainable maximum
                                               and how often it leads over N random answer sets
                                               (default 10000)
  advise concordance DIR...                    how the scenarios in DIR (tests/scenarios/*) fare
  advise catalogue [--format json|html]        every question, model, case and source
  advise info                                  versions and counts";

/// Writes to standard output; a closed pipe (`advise … | head`) ends the command quietly instead of panicking.
fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("could not read standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("could not read {path}: {e}"))
    }
}

fn load_answers(kb: &Kb, text: &str) -> Result<(Answers, Vec<String>), Vec<Error>> {
    saved::read_any(kb, text)
}

fn print_errors(errors: &[Error]) {
    eprintln!("The answers could not be used:");
    for e in errors {
        eprintln!("- {e}");
    }
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// The board paper as a Word document.
#[cfg(feature = "docx")]
fn word(kb: &Kb, answers: &Answers, opts: paper::Options) -> Result<Vec<u8>, Error> {
    contract_advisor::docx::document(&paper::build(kb, answers, opts)?)
}

/// This build has no Word writer (built without the `docx` feature).
#[cfg(not(feature = "docx"))]
fn word(_: &Kb, _: &Answers, _: paper::Options) -> Result<Vec<u8>, Error> {
    Err(Error::new(
        contract_advisor::ErrorKind::Document,
        "This build of advise has no Word output: build it with the docx feature.",
    ))
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let kb = Kb::embedded().map_err(|e| e.to_string())?;
    match args.first().map(String::as_str) {
        Some("recommend") => {
            let path = args.get(1).ok_or(USAGE)?;
            let text = read_input(path)?;
            let format = flag_value(args, "--format").unwrap_or("text");
            match load_answers(&kb, &text) {
                Ok((answers, notes)) => {
                    for n in notes {
                        eprintln!("note: {n}");
                    }
                    match format {
                        "json" => out(&(report::json(&kb, &answers) + "\n")),
                        "text" => out(&report::markdown(&kb, &answers)),
                        "docx" => {
                            let target = flag_value(args, "-o")
                                .ok_or(format!("--format docx needs -o FILE.docx\n{USAGE}"))?;
                            let opts = paper::Options {
                                appendix: args.iter().any(|a| a == "--appendix"),
                            };
                            match word(&kb, &answers, opts) {
                                Ok(bytes) => std::fs::write(target, bytes)
                                    .map_err(|e| format!("could not write {target}: {e}"))?,
                                Err(e) => {
                                    print_errors(&[e]);
                                    return Ok(ExitCode::from(1));
                                }
                            }
                        }
                        "paper" => {
                            let opts = paper::Options {
                                appendix: args.iter().any(|a| a == "--appendix"),
                            };
                            match paper::markdown(&kb, &answers, opts) {
                                Ok(text) => out(&text),
                                Err(e) => {
                                    print_errors(&[e]);
                                    return Ok(ExitCode::from(1));
                                }
                            }
                        }
                        other => return Err(format!("unknown format `{other}`\n{USAGE}")),
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(errors) => {
                    print_errors(&errors);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Some("link") => {
            let text = read_input(args.get(1).ok_or(USAGE)?)?;
            match load_answers(&kb, &text) {
                Ok((answers, _)) => {
                    out(&format!("#{}\n", saved::write_link(&kb, &answers)));
                    Ok(ExitCode::SUCCESS)
                }
                Err(errors) => {
                    print_errors(&errors);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Some("check") if args.iter().any(|a| a == "--balance") => {
            let n = match flag_value(args, "--balance") {
                Some(v) => v
                    .parse::<usize>()
                    .map_err(|_| format!("--balance takes a number of answer sets\n{USAGE}"))?,
                None => 10_000,
            };
            out(&concordance::balance_report(&kb, n, 2026));
            Ok(ExitCode::SUCCESS)
        }
        Some("concordance") => {
            let dirs = args.get(1..).unwrap_or_default();
            if dirs.is_empty() {
                return Err(USAGE.to_owned());
            }
            let mut scenarios = Vec::new();
            for dir in dirs {
                let mut paths: Vec<_> = std::fs::read_dir(dir)
                    .map_err(|e| format!("{dir}: {e}"))?
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect();
                paths.sort();
                for p in paths {
                    let text =
                        std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                    scenarios.push(
                        concordance::parse(&text).map_err(|e| format!("{}: {e}", p.display()))?,
                    );
                }
            }
            match concordance::report(&kb, &scenarios) {
                Ok(text) => {
                    out(&text);
                    Ok(ExitCode::SUCCESS)
                }
                Err(errors) => {
                    print_errors(&errors);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Some("check") => {
            let problems = validate::problems(&kb);
            let mut text: String = problems.iter().map(|p| format!("{p}\n")).collect();
            let plural = if problems.len() == 1 { "" } else { "s" };
            text.push_str(&format!("{} problem{plural} found\n", problems.len()));
            let dated = validate::dated_statements(&kb);
            let stale: Vec<&validate::Dated> = dated
                .iter()
                .filter(|d| d.months_old > validate::STALE_MONTHS)
                .collect();
            text.push_str(&format!(
                "{} dated statements; {} speak for a date more than {} months before last_reviewed ({})\n",
                dated.len(),
                stale.len(),
                validate::STALE_MONTHS,
                kb.content.meta.last_reviewed
            ));
            for d in stale {
                text.push_str(&format!(
                    "  {} (as of {}, {} months before)\n",
                    d.context, d.as_of, d.months_old
                ));
            }
            out(&text);
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some("catalogue") => {
            match flag_value(args, "--format").unwrap_or("json") {
                "json" => {
                    let json = serde_json::to_string_pretty(&api::catalogue(&kb))
                        .map_err(|e| e.to_string())?;
                    out(&(json + "\n"));
                }
                "html" => out(&report::catalogue_html(&kb)),
                other => return Err(format!("unknown format `{other}`\n{USAGE}")),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some("info") => {
            let json = serde_json::to_string_pretty(&api::info(&kb)).map_err(|e| e.to_string())?;
            out(&(json + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
