//! What can go wrong reading or writing a map, worded for the person who has to fix it.
//!
//! Convention: one short paragraph; it names the file (and line and column where there is
//! one), says what happened and what was expected, and ends with what to do.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::MAX_FILE_BYTES;

/// A map that could not be loaded. The file is never changed by a failed load.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: LoadProblem,
}

impl LoadError {
    pub(super) fn new(path: &Path, problem: LoadProblem) -> LoadError {
        LoadError {
            path: path.to_owned(),
            problem,
        }
    }

    /// The message's first line, for a status line with room for one: the place and
    /// what is wrong, without the excerpt and the advice.
    pub fn first_line(&self) -> String {
        self.to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// Whether the file simply does not exist yet.
    pub fn is_not_found(&self) -> bool {
        matches!(&self.problem, LoadProblem::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// Why a map could not be loaded.
#[derive(Debug)]
pub enum LoadProblem {
    Io(io::Error),
    IsDirectory,
    NotAFile,
    TooLarge {
        bytes: u64,
    },
    NotUtf8 {
        line: usize,
        col: usize,
    },
    Empty,
    /// The text is not a journey map: bad RON, an unknown field, a value out of range.
    Syntax {
        line: usize,
        col: usize,
        message: String,
        excerpt: Option<Excerpt>,
    },
    NewerFormat {
        found: u32,
    },
}

/// The source line an error points at, safe to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub line: usize,
    pub text: String,
    /// Display columns from the start of `text` to the error.
    pub caret: usize,
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        let unchanged = "motmap did not change it.";
        match &self.problem {
            LoadProblem::Io(e) if e.kind() == io::ErrorKind::NotFound => {
                write!(
                    f,
                    "{path}: no such file. Check the name, or run `motmap new {path}` to start a map there."
                )
            }
            LoadProblem::Io(e) => write!(
                f,
                "cannot read {path}: {}. Check that the path is right and that you may read it.",
                io_reason(e)
            ),
            LoadProblem::IsDirectory => write!(
                f,
                "{path} is a directory, not a journey map. Name a .ron file inside it, or a new file to start a map."
            ),
            LoadProblem::NotAFile => write!(
                f,
                "{path} is not a regular file (a device, pipe or socket?). motmap opens journey maps saved as ordinary files."
            ),
            LoadProblem::TooLarge { bytes } => write!(
                f,
                "{path} is {}, more than the {} motmap opens. Even a 10,000-moment journey map is a few megabytes: is this the right file? {unchanged}",
                megabytes(*bytes),
                megabytes(MAX_FILE_BYTES)
            ),
            LoadProblem::NotUtf8 { line, col } => write!(
                f,
                "{path}:{line}:{col}: this is not UTF-8 text. A journey map is a UTF-8 RON file: is this the right file? If it was saved in another encoding, convert it to UTF-8. {unchanged}"
            ),
            LoadProblem::Empty => write!(
                f,
                "{path} is empty. A journey map needs at least a title and stages, such as (title: \"Coffee\", stages: [(name: \"Buy\")]). Write one, or delete the file and run `motmap new {path}`."
            ),
            LoadProblem::Syntax {
                line,
                col,
                message,
                excerpt,
            } => {
                writeln!(f, "{path}:{line}:{col}: {message}.")?;
                if let Some(excerpt) = excerpt {
                    let number = excerpt.line.to_string();
                    let gutter = " ".repeat(number.len());
                    writeln!(f, " {number} | {}", excerpt.text)?;
                    writeln!(f, " {gutter} | {}^", " ".repeat(excerpt.caret))?;
                }
                write!(
                    f,
                    "{unchanged} Fix it in a text editor, then run `motmap check {path}`."
                )
            }
            LoadProblem::NewerFormat { found } => write!(
                f,
                "{path} was made by a newer motmap: it is in file format {found}, and this motmap reads formats up to {}. Update motmap to open it. {unchanged}",
                super::FORMAT_VERSION
            ),
        }
    }
}

/// A save that did not happen. The file on disk and the map in memory are as they were.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Someone else changed the file since it was loaded or last saved.
    #[error(
        "{} changed on disk since it was opened (another editor, a sync or a git pull?). It was not saved, so neither version is lost: overwrite it or reload it.",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "cannot save to {}: it is a directory. Save the map to a file name instead.",
        path.display()
    )]
    IsDirectory { path: PathBuf },
    #[error(
        "cannot save {}: could not {step} ({}). The file on disk is unchanged: fix the cause and save again.",
        path.display(),
        io_reason(source)
    )]
    Io {
        path: PathBuf,
        step: &'static str,
        source: io::Error,
    },
}

/// An I/O error in plain words, without Rust's "(os error N)" suffix.
pub(crate) fn io_reason(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => &text,
    };
    lowercase_first(text)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// A RON error as a sentence about journey maps.
pub(super) fn describe(error: &ron::Error) -> String {
    use ron::Error as E;
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match error {
        E::Eof => "the file ends too early: is it cut short? A map ends with the `)` that closes the journey".into(),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}` in {}; expected one of {}",
            thing(outer.as_deref()),
            list(expected)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => match outer.as_deref() {
            Some("Kind") => format!(
                "unknown moment-of-truth kind `{found}`; expected one of {} (leave `kind` out for an ordinary touchpoint)",
                list(expected)
            ),
            Some("Evidence") => format!(
                "unknown evidence `{found}`; expected one of {} (leave `evidence` out when unknown)",
                list(expected)
            ),
            _ => format!("unknown value `{found}`; expected one of {}", list(expected)),
        },
        E::MissingStructField { field, outer } => {
            format!("{} needs a `{field}` field", thing(outer.as_deref()))
        }
        E::DuplicateStructField { field, outer } => {
            format!("`{field}` is given twice in {}", thing(outer.as_deref()))
        }
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        E::ExpectedString => "expected text in double quotes, such as \"Pays at the counter\"".into(),
        E::ExpectedStringEnd => "a text is not closed: expected a closing `\"`".into(),
        E::ExpectedInteger | E::ExpectedFloat => "expected a whole number".into(),
        E::IntegerOutOfBounds => "this number is far out of range".into(),
        E::ExpectedComma => "expected a comma `,` between two fields or items".into(),
        E::ExpectedMapColon => "expected a colon `:` after the field name".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected `(` opening a journey, stage or moment".into()
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => "expected `)` closing a journey, stage or moment".into(),
        E::ExpectedArray => "expected `[` opening a list".into(),
        E::ExpectedArrayEnd => "expected `]` closing a list".into(),
        E::ExpectedIdentifier => {
            "expected a name without quotes: a field such as `title`, or a kind such as `Fmot`".into()
        }
        E::ExpectedAttribute | E::ExpectedAttributeEnd => {
            "this does not look like a motmap map, which starts with `(`".into()
        }
        E::ExceededRecursionLimit => {
            "brackets nest more deeply than any journey map does: this is not a motmap map".into()
        }
        E::TrailingCharacters => "unexpected text after the `)` that closes the journey".into(),
        E::UnexpectedChar(c) => format!("unexpected character {c:?}"),
        E::UnclosedBlockComment => "a `/*` comment is never closed with `*/`".into(),
        E::Message(message) => message.clone(),
        other => lowercase_first(&other.to_string()),
    }
}

/// How an error names the part of the map it is in.
fn thing(serde_name: Option<&str>) -> &'static str {
    match serde_name {
        Some("Moment") => "a moment",
        Some("Stage") => "a stage",
        Some("Journey") => "the journey",
        Some("Comment") => "a comment",
        _ => "the map",
    }
}
