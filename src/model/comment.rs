//! Comments left on a moment, a stage or the journey: who said what, when, and whether it
//! was dealt with. A comment is known by its author, time and text together, so two people
//! commenting at once never collide, and a merge can treat the comments as a set.

use serde::{Deserialize, Serialize};

use super::{Id, clean_line, clean_multiline};

/// One remark on the map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Who wrote it: a name, or `user@host`.
    pub author: String,
    /// When, in UTC, as ISO 8601: `2026-12-04T05:12:00Z`.
    pub at: String,
    /// What it says; it may span lines.
    pub text: String,
    /// Dealt with: kept for the record, no longer counted as open.
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Comment {
    pub fn new(author: impl Into<String>, at: impl Into<String>, text: impl Into<String>) -> Self {
        Comment {
            author: author.into(),
            at: at.into(),
            text: text.into(),
            resolved: false,
        }
    }

    /// Whether two comments are the same remark, resolved or not.
    pub fn same_as(&self, other: &Comment) -> bool {
        self.author == other.author && self.at == other.at && self.text == other.text
    }

    /// The first line of its text, for a one-line mention.
    pub fn first_line(&self) -> &str {
        self.text.lines().next().unwrap_or_default()
    }

    /// Whether every text of it is free of control characters (the text may hold line
    /// breaks and tabs).
    fn is_clean(&self) -> bool {
        let line_ok = |t: &str| !t.chars().any(char::is_control);
        line_ok(&self.author)
            && line_ok(&self.at)
            && self
                .text
                .chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t')
    }
}

/// Whether a list of comments is as [`clean_comments`] leaves it.
pub(super) fn are_clean(comments: &[Comment]) -> bool {
    comments
        .iter()
        .enumerate()
        .all(|(i, comment)| comment.is_clean() && !comments[..i].iter().any(|c| c.same_as(comment)))
}

/// `current` with the change from `from` to `to` made in it, comment by comment: the
/// comments `to` adds are added, those it drops are dropped, and those it resolves (or
/// opens again) are, where `current` still has them as `from` did. Others' comments in
/// `current` stay as they are: comments are a set, so undoing one's own comment never takes
/// anyone else's.
pub fn rebase_comments(from: &[Comment], to: &[Comment], current: &[Comment]) -> Vec<Comment> {
    let has = |list: &[Comment], c: &Comment| list.iter().any(|x| x.same_as(c));
    let mut result: Vec<Comment> = current
        .iter()
        .filter(|c| has(to, c) || !has(from, c))
        .cloned()
        .collect();
    for c in to.iter().filter(|c| !has(from, c) && !has(current, c)) {
        result.push(c.clone());
    }
    for c in &mut result {
        let before = from.iter().find(|x| x.same_as(c));
        let after = to.iter().find(|x| x.same_as(c));
        if let (Some(before), Some(after)) = (before, after)
            && before.resolved != after.resolved
            && c.resolved == before.resolved
        {
            c.resolved = after.resolved;
        }
    }
    result
}

/// How many of `comments` are still open.
pub fn open_count(comments: &[Comment]) -> usize {
    comments.iter().filter(|c| !c.resolved).count()
}

/// What a list of comments belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommentTarget {
    Journey,
    Stage(Id),
    Moment(Id),
}

/// Comments with their texts cleaned (the author and time on one line, the text with its
/// line breaks) and without repeats: the same author, time and text is one comment.
pub fn clean_comments(comments: Vec<Comment>) -> Vec<Comment> {
    let mut out: Vec<Comment> = Vec::with_capacity(comments.len());
    for comment in comments {
        let comment = Comment {
            author: clean_line(&comment.author),
            at: clean_line(&comment.at),
            text: clean_multiline(&comment.text),
            resolved: comment.resolved,
        };
        if !out.iter().any(|c| c.same_as(&comment)) {
            out.push(comment);
        }
    }
    out
}
