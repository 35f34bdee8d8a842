//! Comments in one spreadsheet cell, as a person would write them down, and read back
//! exactly:
//!
//! ```text
//! Ana (2026-12-04T05:12:00Z): Is it "always", or
//!   only at noon?
//! Bo (2026-12-04T05:13:00Z, resolved): Fixed, see the new sign
//! ```
//!
//! A comment starts a line with its author and time; each further line of its text is
//! indented by two spaces. In the author and the time, `\`, `(`, `)` and `,` are written
//! with a backslash before them, so nothing they hold is taken for the punctuation around
//! them. The text is written as it is: commas, quotes and line breaks are the CSV
//! quoting's business.

use crate::model::Comment;

/// What follows the time of a comment that was dealt with.
const RESOLVED: &str = ", resolved";

/// The comments as the text of one cell; empty when there are none.
pub(in crate::share) fn to_cell(comments: &[Comment]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for comment in comments {
        let mut text = comment.text.split('\n');
        let resolved = if comment.resolved { RESOLVED } else { "" };
        // A space at the start would read as the indent of a line of text.
        let lead = if comment.author.starts_with(' ') {
            "\\"
        } else {
            ""
        };
        lines.push(format!(
            "{lead}{} ({}{resolved}): {}",
            escape(&comment.author),
            escape(&comment.at),
            text.next().unwrap_or_default()
        ));
        lines.extend(text.map(|line| format!("  {line}")));
    }
    lines.join("\n")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '(' | ')' | ',') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The comments in a cell written by [`to_cell`] or by hand in the same shape.
pub(super) fn from_cell(cell: &str, column: &str) -> Result<Vec<Comment>, String> {
    let mut comments: Vec<Comment> = Vec::new();
    for (number, line) in cell.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // An empty line is an empty line of text (a spreadsheet may drop its indent).
        let more = line.strip_prefix("  ").or(line.is_empty().then_some(""));
        match (more, comments.last_mut()) {
            (Some(more), Some(comment)) => {
                comment.text.push('\n');
                comment.text.push_str(more);
            }
            (_, None) if line.trim().is_empty() => {}
            _ => comments.push(read_head(line).ok_or_else(|| {
                format!(
                    "line {} of `{column}` is {:?}; each comment starts a line as `Name (time): text`, and further lines of it start with two spaces",
                    number + 1,
                    line.chars().take(40).collect::<String>()
                )
            })?),
        }
    }
    Ok(comments)
}

/// `Name (time): text` or `Name (time, resolved): text`, with its escapes undone.
fn read_head(line: &str) -> Option<Comment> {
    let (author, rest) = until_unescaped(line, &['('])?;
    let author = author.strip_suffix(' ')?;
    let (at, rest) = until_unescaped(&rest[1..], &[')', ','])?;
    let (resolved, rest) = match rest.strip_prefix(RESOLVED) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let rest = rest.strip_prefix(')')?.strip_prefix(':')?;
    let text = rest.strip_prefix(' ').unwrap_or(rest);
    let mut comment = Comment::new(author, at, text);
    comment.resolved = resolved;
    Some(comment)
}

/// The text before the first of `stops` that has no backslash before it, unescaped, and
/// the rest from that character on.
fn until_unescaped<'a>(text: &'a str, stops: &[char]) -> Option<(String, &'a str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?.1),
            c if stops.contains(&c) => return Some((out, &text[at..])),
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(author: &str, at: &str, text: &str, resolved: bool) -> Comment {
        Comment {
            resolved,
            ..Comment::new(author, at, text)
        }
    }

    #[test]
    fn a_cell_reads_as_written_down() {
        let comments = [
            comment(
                "Ana",
                "2026-12-04T05:12:00Z",
                "Is it \"always\", or\nonly at noon?",
                false,
            ),
            comment("Bo", "2026-12-04T05:13:00Z", "Fixed", true),
        ];
        let cell = to_cell(&comments);
        assert_eq!(
            cell,
            "Ana (2026-12-04T05:12:00Z): Is it \"always\", or\n  only at noon?\nBo (2026-12-04T05:13:00Z, resolved): Fixed"
        );
        assert_eq!(from_cell(&cell, "comments").unwrap(), comments);
    }

    #[test]
    fn every_text_comes_back_exactly() {
        let odd = [
            comment("", "", "", false),
            comment("Kim (PM), \\ team", "noon, (ish)", "\n  indented\n\n", true),
            comment("a", "b", "  Bo (x): looks like a comment", false),
            comment("손님 ", " t", "줄이 길다, \"정말\"", false),
            comment("  lead", "t", "x", false),
        ];
        assert_eq!(from_cell(&to_cell(&odd), "comments").unwrap(), odd);
        assert_eq!(from_cell("", "comments").unwrap(), []);
        let trimmed = from_cell("Ana (t): one\n\n  three", "comments").unwrap();
        assert_eq!(trimmed[0].text, "one\n\nthree");
    }

    #[test]
    fn a_line_that_starts_no_comment_is_refused() {
        let error = from_cell("just a remark", "stage comments").unwrap_err();
        assert!(error.starts_with("line 1 of `stage comments`"), "{error}");
    }
}
