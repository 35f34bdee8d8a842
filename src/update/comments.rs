//! Comments: the field for a new one on a moment, a stage or the journey, adding it signed
//! and dated, and resolving one (or opening it again) from the details of a moment.

use crate::action::Action;
use crate::app::{App, DetailField, Mode, TextTarget};
use crate::input::TextInput;
use crate::keymap::Context;
use crate::model::{CommentTarget, Edit, Moment};
use crate::text::quoted;

impl App {
    /// Opens the field for a comment on what `action` comments on: the selected moment,
    /// its stage, or the journey. `details`: the row of the details to go back to.
    pub(super) fn start_comment(&mut self, action: Action, details: Option<usize>) {
        let on = match action {
            Action::CommentJourney => CommentTarget::Journey,
            Action::CommentStage => match self.stage_or_hint() {
                Some(stage) => CommentTarget::Stage(stage.id),
                None => return,
            },
            _ => match self.moment_or_hint() {
                Some(moment) => CommentTarget::Moment(moment.id),
                None => return,
            },
        };
        let Some(place) = self.comment_place(on) else {
            return;
        };
        self.mode = Mode::EditText {
            target: TextTarget::Comment { on, details },
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
    /// author's name and the time, as one change.
    pub(super) fn commit_comment(&mut self, on: CommentTarget, details: Option<usize>, text: &str) {
        self.mode = details.map_or(Mode::Board, |field| Mode::Details {
            field,
            editing: None,
        });
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
        let row = DetailField::ALL.len() + comments.len() - 1;
        let edits = vec![Edit::SetComments {
            target: on,
            comments,
        }];
        if self.change(format!("comment on {place}"), edits) {
            if details.is_some() {
                // The new comment highlighted, where the details list it.
                self.mode = Mode::Details {
                    field: row,
                    editing: None,
                };
            }
            let undo = self.keymap().board_key(Action::Undo);
            self.success(format!("Comment added to {place}. {undo} takes it back."));
        }
    }

    /// Resolves the moment's comment at `index`, or opens it again if it was resolved.
    pub(super) fn resolve_comment(&mut self, moment: &Moment, index: usize) {
        let mut comments = moment.comments.clone();
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
        let title = quoted(&moment.title);
        let edits = vec![Edit::SetComments {
            target: CommentTarget::Moment(moment.id),
            comments,
        }];
        if self.change(format!("{label} {who}'s comment on {title}"), edits) {
            self.success(format!("{done}: {who} on {title}."));
        }
    }
}
