//! Saving and sharing answers without a server: the answers file (JSON) and the share link (URL fragment).
//!
//! Both formats are versioned. Reading is all-or-nothing: any problem (corrupt, truncated, another version,
//! unknown ids, tampered values, oversized) is reported with a message in plain words and the caller's current
//! answers are left as they were. Files and links carry only the answers in force (none for hidden questions).
//!
//! The link format is `a1.` + items joined by `-` + `.` + a 7-character checksum, where each item is a question's
//! 2-character key followed by its options' 1-character keys, for example `a1.sga-pbab.0k3j9x2`.

use serde_json::{Map, Value};

use crate::answers::{options_in, shorten, Answers, RawAnswer, RawAnswers};
use crate::error::{Error, ErrorKind};
use crate::kb::Kb;

/// The `format` value of an answers file.
pub const FILE_FORMAT: &str = "integrated-care-contract-advisor/answers";
/// The answers-file format version this build writes and reads.
pub const FILE_VERSION: u64 = 1;
/// The largest answers file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024;
/// The largest share-link fragment accepted, in characters.
pub const MAX_LINK_CHARS: usize = 2048;
const LINK_TAG: &str = "a1";

fn file_error(message: impl Into<String>) -> Vec<Error> {
    vec![Error::new(ErrorKind::File, message)]
}

fn link_error(message: impl Into<String>) -> Vec<Error> {
    vec![Error::new(ErrorKind::Link, message)]
}

/// The answers in force as an answers-file JSON value.
pub fn file_value(kb: &Kb, answers: &Answers) -> Value {
    let raw = answers.to_raw(kb);
    let mut obj = Map::new();
    obj.insert("format".into(), Value::from(FILE_FORMAT));
    obj.insert("version".into(), Value::from(FILE_VERSION));
    obj.insert(
        "contentVersion".into(),
        Value::from(kb.content.meta.content_version.clone()),
    );
    let answers: Map<String, Value> = raw
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                RawAnswer::One(s) => Value::from(s),
                RawAnswer::Many(vs) => Value::from(vs),
            };
            (k, v)
        })
        .collect();
    obj.insert("answers".into(), Value::Object(answers));
    Value::Object(obj)
}

/// Writes the answers in force as an answers file (pretty JSON).
pub fn write_file(kb: &Kb, answers: &Answers) -> String {
    serde_json::to_string_pretty(&file_value(kb, answers)).unwrap_or_default()
}

/// Reads answers in either form the product accepts, so the page and `advise` take the same inputs: a saved
/// answers file (it has a `format` field), or a plain JSON object of question ids and answers. Anything else is
/// read as a saved file, so its problems are reported in the same words.
pub fn read_any(kb: &Kb, text: &str) -> Result<(Answers, Vec<String>), Vec<Error>> {
    let plain = text.strip_prefix('\u{feff}').unwrap_or(text);
    if plain.len() <= MAX_FILE_BYTES {
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(plain) {
            if !map.contains_key("format") {
                if let Ok(raw) = serde_json::from_value::<RawAnswers>(Value::Object(map)) {
                    if raw.is_empty() {
                        return Err(file_error("The file has no answers in it"));
                    }
                    return Answers::from_raw(kb, &raw);
                }
            }
        }
    }
    read_file(kb, text)
}

/// Reads an answers file. On success returns the answers and notes for the user (for example that the file was
/// saved with other content); on failure, every problem found.
pub fn read_file(kb: &Kb, text: &str) -> Result<(Answers, Vec<String>), Vec<Error>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(file_error(format!(
            "The file is too large to be a saved answers file (it is {} KB; the most is {} KB)",
            text.len().div_ceil(1024),
            MAX_FILE_BYTES / 1024
        )));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error("The file is empty"));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            file_error("The file is incomplete: it may have been cut short while saving or copying")
        } else {
            file_error(format!(
                "The file is not a saved answers file: it is not valid JSON (problem at line {}, column {})",
                e.line(),
                e.column()
            ))
        }
    })?;
    if let Err(key) = no_duplicate_keys(text) {
        return Err(file_error(format!(
            "The file has been changed: “{}” appears twice in it, so it is not clear which answer to use",
            shorten(&key)
        )));
    }
    let Value::Object(obj) = value else {
        return Err(file_error(
            "The file is not a saved answers file from this advisor",
        ));
    };
    if obj.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(file_error(
            "The file is not a saved answers file from this advisor",
        ));
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(FILE_VERSION) => {}
        Some(v) if v > FILE_VERSION => {
            return Err(file_error(format!(
                "The file was saved by a newer version of the advisor (file format {v}); this version reads format {FILE_VERSION}. Use the newer version, or start again"
            )))
        }
        _ => return Err(file_error("The file's format version is missing or not one this advisor knows")),
    }
    let Some(Value::Object(answers)) = obj.get("answers") else {
        return Err(file_error("The file has no answers in it"));
    };
    let mut raw = RawAnswers::new();
    let mut errors = Vec::new();
    for (id, v) in answers {
        let value = match v {
            Value::String(s) => Some(RawAnswer::One(s.clone())),
            Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .map(RawAnswer::Many),
            _ => None,
        };
        match value {
            Some(value) => {
                raw.insert(id.clone(), value);
            }
            None => errors.push(Error::about(
                ErrorKind::WrongType,
                id,
                format!(
                    "The answer saved for “{}” is not a list of answers",
                    shorten(id)
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (answers, mut notes) = Answers::from_raw(kb, &raw)?;
    let current = &kb.content.meta.content_version;
    match obj.get("contentVersion").and_then(Value::as_str) {
        Some(v) if v == current => {}
        Some(v) => notes.insert(
            0,
            format!(
                "These answers were saved with content version {}; this is version {current}. They have been checked and still apply",
                shorten(v)
            ),
        ),
        None => notes.insert(0, "The file does not say which content version it was saved with".to_owned()),
    }
    Ok((answers, notes))
}

/// Walks a JSON text (already known to be valid) and fails with the first key that appears twice in one object,
/// at any depth. A plain JSON reader keeps the last of two equal keys silently, which would let an edited file
/// say one thing to a person reading it and another to the advisor.
fn no_duplicate_keys(text: &str) -> Result<(), String> {
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    struct Unique;
    impl<'de> Deserialize<'de> for Unique {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unique, D::Error> {
            d.deserialize_any(Unique)
        }
    }
    impl<'de> Visitor<'de> for Unique {
        type Value = Unique;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
            let mut keys = std::collections::BTreeSet::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<Unique>()?;
                if !keys.insert(key.clone()) {
                    return Err(de::Error::custom(DUPLICATE_MARK.to_owned() + &key));
                }
            }
            Ok(Unique)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
            while seq.next_element::<Unique>()?.is_some() {}
            Ok(Unique)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_unit<E>(self) -> Result<Unique, E> {
            Ok(Unique)
        }
    }
    const DUPLICATE_MARK: &str = "duplicate key: ";
    match serde_json::from_str::<Unique>(text) {
        Ok(_) => Ok(()),
        Err(e) => {
            let msg = e.to_string();
            match msg.strip_prefix(DUPLICATE_MARK) {
                // serde_json appends " at line L column C"; keep only the key.
                Some(rest) => Err(rest
                    .rsplit_once(" at line ")
                    .map(|(k, _)| k.to_owned())
                    .unwrap_or_else(|| rest.to_owned())),
                None => Ok(()),
            }
        }
    }
}

/// The share link's checksum of `text` (the link before its last dot): FNV-1a, 32 bits, as 7 base-36 digits.
/// It catches truncated or edited links; it is not a security measure.
pub fn checksum(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 7];
    let mut n = u64::from(h);
    for slot in out.iter_mut().rev() {
        *slot = digits.get((n % 36) as usize).copied().unwrap_or(b'0');
        n /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes the answers in force as a share-link fragment (without the leading `#`).
pub fn write_link(kb: &Kb, answers: &Answers) -> String {
    let eff = answers.effective(kb);
    let items: Vec<String> = kb
        .content
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, (_, q))| {
            let mask = eff.sel.get(i).copied().unwrap_or(0);
            (mask != 0).then(|| {
                let mut item = q.key.clone();
                for o in options_in(mask) {
                    if let Some(c) = q.options.get(o) {
                        item.push_str(&c.key);
                    }
                }
                item
            })
        })
        .collect();
    let body = format!("{LINK_TAG}.{}", items.join("-"));
    let sum = checksum(&body);
    format!("{body}.{sum}")
}

/// Decodes a share-link fragment (with or without the leading `#`).
pub fn read_link(kb: &Kb, fragment: &str) -> Result<(Answers, Vec<String>), Vec<Error>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS {
        return Err(link_error(
            "The link is too long to be a link to saved answers",
        ));
    }
    if !fragment
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(link_error(
            "The link has been changed: it contains characters that a link from this advisor never has",
        ));
    }
    let mut parts = fragment.split('.');
    let (Some(tag), Some(body), Some(sum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(link_error(
            "The link is incomplete or has been changed: copy the whole link again",
        ));
    };
    if tag != LINK_TAG {
        return Err(link_error(match tag.strip_prefix('a').and_then(|v| v.parse::<u32>().ok()) {
            Some(v) if v > 1 => "The link was made by a newer version of the advisor; open it there, or start again",
            _ => "This is not a link to saved answers from this advisor",
        }));
    }
    if checksum(&format!("{tag}.{body}")) != sum {
        return Err(link_error(
            "The link is incomplete or has been changed: copy the whole link again",
        ));
    }
    let mut raw = RawAnswers::new();
    let mut errors = Vec::new();
    let mut set_aside = Vec::new();
    for item in body.split('-').filter(|i| !i.is_empty()) {
        let (key, opts) = item.split_at(item.len().min(2));
        if let Some(r) = kb.content.meta.retired.iter().find(|r| r.key == key) {
            set_aside.push(crate::answers::retired_note(r));
            continue;
        }
        let Some((_, q)) = kb.content.questions.iter().find(|(_, q)| q.key == key) else {
            errors.push(Error::new(
                ErrorKind::UnknownQuestion,
                "The link refers to a question this version of the advisor does not have",
            ));
            continue;
        };
        if opts.is_empty() {
            errors.push(Error::new(
                ErrorKind::Link,
                "The link is incomplete or has been changed: copy the whole link again",
            ));
            continue;
        }
        let mut ids = Vec::new();
        for k in opts.chars() {
            match q
                .options
                .iter()
                .find(|o| o.key.chars().eq(std::iter::once(k)))
            {
                Some(o) => ids.push(o.id.clone()),
                None => errors.push(Error::about(
                    ErrorKind::UnknownOption,
                    &q.id,
                    format!(
                        "The link has an answer to “{}” that this version does not have",
                        q.text
                    ),
                )),
            }
        }
        if raw.insert(q.id.clone(), RawAnswer::Many(ids)).is_some() {
            errors.push(Error::about(
                ErrorKind::Duplicate,
                &q.id,
                format!("The link answers “{}” twice", q.text),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Answers::from_raw(kb, &raw).map(|(answers, mut notes)| {
        notes.extend(set_aside);
        (answers, notes)
    })
}
