//! The file format: RON text that is readable, hand-editable and byte-for-byte stable.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthChar;

use super::error::{Excerpt, LoadProblem};
use crate::model::{Comment, Journey, Stage};

/// The newest version of the file format this motmap reads. Files carry it as
/// `format: 1`; a file without it is taken to be version 1.
pub const FORMAT_VERSION: u32 = 4;

/// The first version, which every map without comments, to-be feelings or several
/// personas on a moment is still written in, byte for byte, so that a motmap from before
/// them reads it.
const FIRST_VERSION: u32 = 1;

/// The version that brought comments. A map holding any is written in it, so a motmap
/// that knows nothing of comments refuses the file rather than drop them on its next save.
const COMMENTS_VERSION: u32 = 2;

/// The version that brought to-be feelings (`target`), refused by a motmap that would
/// drop them.
const TARGETS_VERSION: u32 = 3;

/// The version that brought several personas on a moment (`persona: ["a", "b"]`), which
/// an older motmap cannot read and so refuses, rather than misread.
const PERSONAS_VERSION: u32 = 4;

/// The oldest version that holds everything in `journey`: the one it is written in.
pub fn format_for(journey: &Journey) -> u32 {
    if journey.has_several_personas() {
        PERSONAS_VERSION
    } else if journey.has_targets() {
        TARGETS_VERSION
    } else if journey.has_comments() {
        COMMENTS_VERSION
    } else {
        FIRST_VERSION
    }
}

/// The first line of every saved map.
fn header(format: u32) -> String {
    format!("// motmap journey map, file format {format} (RON). Edit with motmap or by hand.\n")
}

/// The journey as it is read from a file (RON, or JSON with the same fields).
#[derive(Deserialize)]
#[serde(rename = "Journey", deny_unknown_fields)]
pub(crate) struct JourneyFile {
    #[serde(default = "first_version")]
    format: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    personas: Vec<String>,
    #[serde(default)]
    comments: Vec<Comment>,
    #[serde(default)]
    stages: Vec<Stage>,
    #[serde(default)]
    next_id: u64,
}

/// The journey as it is written to a file (RON, or JSON with the same fields),
/// borrowing from the model.
#[derive(Serialize)]
#[serde(rename = "Journey")]
pub(crate) struct JourneyFileRef<'a> {
    format: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    personas: &'a [String],
    #[serde(skip_serializing_if = "<[Comment]>::is_empty")]
    comments: &'a [Comment],
    stages: &'a [Stage],
    /// Kept so that ids are never reused (see [`Journey::next_id`]).
    next_id: u64,
}

impl JourneyFile {
    /// The journey the file holds, or the version it was written in when that is newer
    /// than this motmap reads.
    pub(crate) fn into_journey(self) -> Result<Journey, u32> {
        if self.format > FORMAT_VERSION {
            return Err(self.format);
        }
        Ok(
            Journey::from_parts(self.title, self.description, self.personas, self.stages)
                .with_comments(self.comments)
                .count_from(self.next_id),
        )
    }
}

impl<'a> JourneyFileRef<'a> {
    pub(crate) fn of(journey: &'a Journey) -> JourneyFileRef<'a> {
        JourneyFileRef {
            format: format_for(journey),
            title: &journey.title,
            description: &journey.description,
            personas: &journey.personas,
            comments: &journey.comments,
            stages: journey.stages(),
            next_id: journey.next_id(),
        }
    }
}

/// Only the version, read leniently, to explain a file from a newer motmap.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default = "first_version")]
    format: u32,
}

fn first_version() -> u32 {
    FIRST_VERSION
}

/// `kind: Fmot` rather than `kind: Some(Fmot)`, both when reading and writing.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The map as the text of a file: the header comment, then pretty RON with empty
/// optional fields left out. The same journey always gives the same bytes.
pub fn to_ron(journey: &Journey) -> String {
    let file = JourneyFileRef::of(journey);
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false);
    let body = options()
        .to_string_pretty(&file, config)
        .expect("a journey is made of strings, numbers and lists, which always serialise");
    // ron escapes apostrophes as `\'`, which RON does not need inside double quotes; it
    // escapes every backslash, so each `\'` in its output is one of those.
    let header = header(file.format);
    format!("{header}{}\n", body.replace("\\'", "'"))
}

/// Reads a map from the bytes of a file.
pub(super) fn parse_bytes(bytes: &[u8]) -> Result<Journey, LoadProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        LoadProblem::NotUtf8 { line, col }
    })?;
    parse(text)
}

/// Reads a map from RON text.
pub fn parse(text: &str) -> Result<Journey, LoadProblem> {
    if text.trim().is_empty() {
        return Err(LoadProblem::Empty);
    }
    match options().from_str::<JourneyFile>(text) {
        Ok(file) => file
            .into_journey()
            .map_err(|found| LoadProblem::NewerFormat { found }),
        Err(error) => {
            // A newer motmap may have written fields this one does not know: say so rather
            // than complain about the fields.
            if let Ok(probe) = options().from_str::<VersionProbe>(text)
                && probe.format > FORMAT_VERSION
            {
                return Err(LoadProblem::NewerFormat {
                    found: probe.format,
                });
            }
            let ron::error::Position { line, col } = error.span.start;
            Err(LoadProblem::Syntax {
                line,
                col,
                message: super::error::describe(&error.code),
                excerpt: excerpt(text, line, col),
            })
        }
    }
}

/// Line and column (1-based, in characters) just after `bytes`.
fn line_col(bytes: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(bytes);
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

/// The widest source line shown under an error.
const EXCERPT_WIDTH: usize = 72;

/// The offending line, made safe to print (control characters shown as `?`) and cut to a
/// window around the column, with the caret's display offset.
fn excerpt(text: &str, line: usize, col: usize) -> Option<Excerpt> {
    let source = text.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = source
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let at = col.saturating_sub(1).min(chars.len());
    let width = |c: &char| c.width().unwrap_or(0);
    // Skip the indentation; on a long line, start far enough back to show some context
    // and keep the caret on screen.
    let indent = chars
        .iter()
        .take_while(|c| c.is_whitespace())
        .count()
        .min(at);
    let total: usize = chars[indent..].iter().map(width).sum();
    let mut start = at;
    let mut before = 0;
    let reach = if total <= EXCERPT_WIDTH {
        usize::MAX
    } else {
        EXCERPT_WIDTH / 2
    };
    while start > indent && before + width(&chars[start - 1]) <= reach {
        start -= 1;
        before += width(&chars[start]);
    }
    let mut end = at;
    let mut shown_width = before;
    while end < chars.len() && shown_width + width(&chars[end]) <= EXCERPT_WIDTH {
        shown_width += width(&chars[end]);
        end += 1;
    }
    let mut shown: String = chars[start..end].iter().collect();
    let trimmed = shown.trim_end().len();
    shown.truncate(trimmed);
    Some(Excerpt {
        line,
        text: format!(
            "{}{}{}",
            if start > indent { "…" } else { "" },
            shown,
            if end < chars.len() { "…" } else { "" }
        ),
        caret: before + usize::from(start > indent),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col(b""), (1, 1));
        assert_eq!(line_col("ab\n가나".as_bytes()), (2, 3));
    }

    #[test]
    fn excerpt_keeps_the_caret_on_long_lines() {
        let long = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let e = excerpt(&long, 1, 501).unwrap();
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        assert_eq!(e.text.chars().nth(e.caret), Some('X'));
    }

    #[test]
    fn excerpt_measures_wide_characters() {
        let e = excerpt("(title: \"가나\", oops)", 1, 15).unwrap();
        assert_eq!(
            e.caret, 16,
            "two wide characters before the caret count twice"
        );
    }
}
