//! Reads the questionnaire in the compact format that `build.rs` writes: the first-stage build's content.
//!
//! The first-stage WebAssembly module must show the first question quickly, so it carries no JSON parser: the
//! build encodes meta, glossary, sections and questions (without effects) as fields separated by U+001F, with
//! U+0018 for "none" and lists written as a count followed by their items. The order of fields here must match
//! `build.rs`; a test checks that the decoded questionnaire equals the one read from the JSON files.

use crate::content::{Choice, Condition, Content, Kind, Measures, Meta, Question, Section, Term};
use crate::error::{Error, ErrorKind};

const SEP: char = '\u{1f}';
const NONE: &str = "\u{18}";
/// No list in the questionnaire is longer; a larger count means the text is corrupt.
const MAX_LIST: usize = 4096;

/// The compact questionnaire compiled into this build.
pub const QUESTIONNAIRE: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.txt"));

struct Reader<'a> {
    fields: std::str::Split<'a, char>,
}

fn corrupt(what: &str) -> Error {
    Error::new(
        ErrorKind::Content,
        format!("the compact questionnaire is corrupt ({what})"),
    )
}

impl Reader<'_> {
    fn raw(&mut self) -> Result<&str, Error> {
        self.fields.next().ok_or_else(|| corrupt("it ends early"))
    }

    fn s(&mut self) -> Result<String, Error> {
        self.raw().map(str::to_owned)
    }

    fn opt(&mut self) -> Result<Option<String>, Error> {
        let f = self.raw()?;
        Ok((f != NONE).then(|| f.to_owned()))
    }

    fn num(&mut self) -> Result<usize, Error> {
        self.raw()?
            .parse()
            .map_err(|_| corrupt("a number is expected"))
    }

    fn opt_num<T: TryFrom<usize>>(&mut self) -> Result<Option<T>, Error> {
        let f = self.raw()?;
        if f == NONE {
            return Ok(None);
        }
        let n: usize = f.parse().map_err(|_| corrupt("a number is expected"))?;
        T::try_from(n)
            .map(Some)
            .map_err(|_| corrupt("a number is too large"))
    }

    fn flag(&mut self) -> Result<bool, Error> {
        match self.raw()? {
            "1" => Ok(true),
            "0" => Ok(false),
            _ => Err(corrupt("a flag is expected")),
        }
    }

    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let n = self.num()?;
        if n > MAX_LIST {
            return Err(corrupt("a list is too long"));
        }
        (0..n).map(|_| item(self)).collect()
    }

    fn cond(&mut self, depth: usize) -> Result<Condition, Error> {
        if depth > 32 {
            return Err(corrupt("conditions nest too deeply"));
        }
        Ok(match self.raw()? {
            "a" => Condition::AnyOf {
                q: self.s()?,
                any_of: self.list(Self::s)?,
            },
            "n" => Condition::Answered {
                q: self.s()?,
                answered: self.flag()?,
            },
            "&" => Condition::All {
                all: self.list(|r| r.cond(depth + 1))?,
            },
            "|" => Condition::Any {
                any: self.list(|r| r.cond(depth + 1))?,
            },
            "!" => Condition::Not {
                not: Box::new(self.cond(depth + 1)?),
            },
            _ => return Err(corrupt("an unknown condition")),
        })
    }

    fn question(&mut self) -> Result<Question, Error> {
        let id = self.s()?;
        let key = self.s()?;
        let kind = match self.raw()? {
            "single" => Kind::Single,
            "multi" => Kind::Multi,
            _ => return Err(corrupt("an unknown question kind")),
        };
        let text = self.s()?;
        let hint = self.opt()?;
        let help = self.opt()?;
        let defines = self.list(Self::s)?;
        let show_if = if self.flag()? {
            Some(self.cond(0)?)
        } else {
            None
        };
        let error = self.s()?;
        let measures = if self.flag()? {
            Some(Measures {
                skill: self.opt()?,
                time: self.flag()?,
                cost: self.flag()?,
            })
        } else {
            None
        };
        let options = self.list(|r| {
            Ok(Choice {
                id: r.s()?,
                key: r.s()?,
                label: r.s()?,
                hint: r.opt()?,
                exclusive: r.flag()?,
                level: r.opt_num()?,
                months: r.opt_num()?,
                effects: Vec::new(),
                in_place: None,
            })
        })?;
        Ok(Question {
            id,
            key,
            kind,
            text,
            hint,
            help,
            defines,
            show_if,
            error,
            measures,
            options,
        })
    }
}

/// Decodes a compact questionnaire into content with no knowledge (no models, sources or effects).
pub fn decode(text: &str) -> Result<Content, Error> {
    let mut r = Reader {
        fields: text.split(SEP),
    };
    let meta = Meta {
        content_version: r.s()?,
        last_reviewed: r.s()?,
        review_note: r.s()?,
        renamed: Default::default(),
        retired: Vec::new(),
        case_for_change: None,
        new_vehicle_margin: None,
        in_place: None,
    };
    let glossary = r.list(|r| {
        Ok(Term {
            id: r.s()?,
            term: r.s()?,
            definition: r.s()?,
            sources: r.list(Reader::s)?,
            as_of: r.opt()?,
        })
    })?;
    let mut sections = Vec::new();
    let mut questions = Vec::new();
    let files = r.list(|r| {
        let section = Section {
            id: r.s()?,
            title: r.s()?,
            intro: r.s()?,
        };
        let qs = r.list(Reader::question)?;
        Ok((section, qs))
    })?;
    for (section, qs) in files {
        let si = sections.len();
        sections.push(section);
        questions.extend(qs.into_iter().map(|q| (si, q)));
    }
    if r.fields.next().is_some_and(|rest| !rest.is_empty()) {
        return Err(corrupt("there is text after the end"));
    }
    Ok(Content {
        meta,
        sources: Vec::new(),
        glossary,
        skills: Vec::new(),
        models: Vec::new(),
        sections,
        questions,
        cases: Vec::new(),
        red_flags: Vec::new(),
        psr: Default::default(),
        plan: Default::default(),
    })
}
