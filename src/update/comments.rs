//! Comments: the list of a stage's or the journey's (a moment's are in its details), the
//! field for a new one, adding it signed and dated, and resolving one (or opening it
//! again).

use crate::action::Action;
use crate::app::{App, DetailField, Effect, Mode, TextTarget};
use crate::input::TextInput;
use crate::keymap::Context;
use crate::model::{CommentTarget, Edit, open_count};
use crate::text::plural;

impl App {
    /// Opens the list of the comments on the selected stage, or the journey.
    pub(super) fn open_comments(&mut self, action: Action) {
        let on = match action {
            Action::CommentJourney => CommentTarget::Journey,
            _ => match self.stage_or_hint() {
                Some(stage) => CommentTarget::Stage(stage.id),
                None => return,
            },
        };
        let (Some(place), Some(comments)) = (self.comment_place(on), self.journey().comments(on))
        else {
            return;
        };
        let said = match comments.len() {
            0 => "none yet".to_owned(),
            n => format!("{} open of {n}", open_count(comments)),
        };
        self.mode = Mode::Comments { on, row: 0 };
        let add = self
            .keymap()
            .first_label(Context::Comments, Action::AddComment);
        self.info(format!("Comments on {place}: {said}. {add} adds one."));
    }

    /// A key in the list of a stage's or the journey's comments.
    pub(super) fn comments_action(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Comments { on, row } = self.mode else {
            return Vec::new();
        };
        let count = self.journey().comments(on).map_or(0, <[_]>::len);
        match action {
            Action::MenuUp => {
                self.mode = Mode::Comments {
                    on,
                    row: row.saturating_sub(1),
                }
            }
            Action::MenuDown => {
                let row = (row + 1).min(count.saturating_sub(1));
                self.mode = Mode::Comments { on, row };
            }
            Action::AddComment => self.open_comment_field(on, Some(row)),
            Action::ResolveComment if count == 0 => {
                let add = self.keymap().first_label(Context::Comments, action);
                self.info(format!("No comment to resolve here: {add} adds one."));
            }
            Action::ResolveComment => self.resolve_comment(on, row),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => return vec![Effect::Save { then_quit: false }],
            Action::Close => self.mode = Mode::Board,
            _ => {}
        }
        Vec::new()
    }

    /// Opens the field for a comment on the selected moment (`c` on the board or in its
    /// details). `back`: the row of the details to go back to.
    pub(super) fn start_comment(&mut self, back: Option<usize>) {
        if let Some(moment) = self.moment_or_hint() {
            let on = CommentTarget::Moment(moment.id);
            self.open_comment_field(on, back);
        }
    }

    fn open_comment_field(&mut self, on: CommentTarget, back: Option<usize>) {
        let Some(place) = self.comment_place(on) else {
            return;
        };
        self.mode = Mode::EditText {
            target: TextTarget::Comment { on, back },
            input: TextInput::multiline(""),
        };
        let typing = |a| self.keymap().first_label(Context::Typing, a);
        self.info(format!(
            "Comment on {place}: type it; {} adds it, {} starts a new line, {} cancels.",
            typing(Action::KeepText),
            typing(Action::NewLine),
            typing(Action::CancelText)
        ));
    }

    /// Enter in a comment's field: the comment joins the others there, signed with the
    /// author's name and the time, as one change; the list it was started from shows it.
    pub(super) fn commit_comment(&mut self, on: CommentTarget, back: Option<usize>, text: &str) {
        self.mode = back.map_or(Mode::Board, |row| Mode::comment_list(on, row));
        let (Some(place), Some(existing)) = (self.comment_place(on), self.journey().comments(on))
        else {
            return;
        };
        let comment = self.comment_with(text);
        if comment.text.is_empty() {
            self.info("Nothing added: the comment was empty.");
            return;
        }
        if existing.iter().any(|c| c.same_as(&comment)) {
            self.info(format!("That comment is on {place} already."));
            return;
        }
        let mut comments = existing.to_vec();
        comments.push(comment);
        let last = comments.len() - 1;
        let edits = vec![Edit::SetComments {
            target: on,
            comments,
        }];
        if self.change(format!("comment on {place}"), edits) {
            if back.is_some() {
                // The new comment highlighted, where it is listed.
                let row = match on {
                    CommentTarget::Moment(_) => DetailField::ALL.len() + last,
                    CommentTarget::Stage(_) | CommentTarget::Journey => last,
                };
                self.mode = Mode::comment_list(on, row);
            }
            let undo = self.keymap().board_key(Action::Undo);
            self.success(format!("Comment added to {place}. {undo} takes it back."));
        }
    }

    /// Resolves the comment at `index` on `on`, or opens it again if it was resolved.
    pub(super) fn resolve_comment(&mut self, on: CommentTarget, index: usize) {
        let (Some(place), Some(existing)) = (self.comment_place(on), self.journey().comments(on))
        else {
            return;
        };
        let mut comments = existing.to_vec();
        let Some(comment) = comments.get_mut(index) else {
            return;
        };
        comment.resolved = !comment.resolved;
        let (done, label) = if comment.resolved {
            ("Comment resolved", "resolve")
        } else {
            ("Comment opened again", "open again")
        };
        let who = if comment.author.is_empty() {
            crate::app::DEFAULT_AUTHOR.to_owned()
        } else {
            comment.author.clone()
        };
        let open = open_count(&comments);
        let edits = vec![Edit::SetComments {
            target: on,
            comments,
        }];
        if self.change(format!("{label} {who}'s comment on {place}"), edits) {
            self.success(format!(
                "{done}: {who} on {place}; {} open there.",
                plural(open, "comment", "comments")
            ));
        }
    }
}
