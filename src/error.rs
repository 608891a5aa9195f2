//! Typed errors with messages in the user's words.
//!
//! Every way an input can be wrong has its own [`ErrorKind`]; the [`Error`] carries the kind, the question it is
//! about (if any) and a message a commissioner can act on. Messages never name Rust types. Problems are values,
//! never panics: the core returns them and the boundary passes them to JavaScript as plain data.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The embedded knowledge base is inconsistent (a bug in the content, caught by tests).
    Content,
    /// An answer names a question that does not exist.
    UnknownQuestion,
    /// An answer names an option the question does not have.
    UnknownOption,
    /// A single-choice question was given several options, or an answer was not a list of option ids.
    WrongType,
    /// No option was selected.
    NoSelection,
    /// An exclusive option ("none of these") was combined with others.
    ExclusiveConflict,
    /// The same option was given twice.
    Duplicate,
    /// An answer was given to a question that the earlier answers hide.
    HiddenQuestion,
    /// A saved answers file could not be read.
    File,
    /// A share link could not be read.
    Link,
    /// The answers give no recommendation yet, so there is no board paper to write.
    NoRecommendation,
    /// A document (the Word board paper) could not be written.
    Document,
}

impl ErrorKind {
    /// A stable machine-readable code, used by the page and in tests.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Content => "content",
            ErrorKind::UnknownQuestion => "unknown-question",
            ErrorKind::UnknownOption => "unknown-option",
            ErrorKind::WrongType => "wrong-type",
            ErrorKind::NoSelection => "no-selection",
            ErrorKind::ExclusiveConflict => "exclusive-conflict",
            ErrorKind::Duplicate => "duplicate",
            ErrorKind::HiddenQuestion => "hidden-question",
            ErrorKind::File => "file",
            ErrorKind::Link => "link",
            ErrorKind::NoRecommendation => "no-recommendation",
            ErrorKind::Document => "document",
        }
    }
}

/// An error: its kind, the question it concerns (if any), and a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    question: Option<String>,
    message: String,
}

impl Error {
    /// Makes an error.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            question: None,
            message: message.into(),
        }
    }

    /// Makes an error about one question.
    pub fn about(kind: ErrorKind, question: &str, message: impl Into<String>) -> Error {
        Error {
            kind,
            question: Some(question.to_owned()),
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The question the error is about, if any.
    pub fn question(&self) -> Option<&str> {
        self.question.as_deref()
    }

    /// The message for the user.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
