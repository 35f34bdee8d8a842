//! What a question on screen says: its title, its message and its answers, each answer
//! with the keys its table gives it, so the popup shows the keys as set.

use super::{App, Confirm, Mode};
use crate::action::Action;
use crate::text::plural;

/// A question as its popup shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub title: &'static str,
    pub message: String,
    pub answers: Vec<Answer>,
}

/// One way to answer: the keys, and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub keys: String,
    pub text: String,
}

impl App {
    /// The question waiting for an answer, if one is.
    pub fn question(&self) -> Option<Question> {
        let Mode::Confirm(confirm) = &self.mode else {
            return None;
        };
        let (title, message) = self.question_text(confirm);
        let context = self.context();
        let mut answers: Vec<Answer> = Vec::new();
        for binding in self.keymap().table(context) {
            // A read-only view does not offer to save.
            let refused = self.is_read_only() && binding.action.refused_in_read_only();
            if refused
                || answers
                    .iter()
                    .any(|a| a.text == self.answer_text(binding.action))
            {
                continue;
            }
            answers.push(Answer {
                keys: self.keymap().label(context, binding.action),
                text: self.answer_text(binding.action),
            });
        }
        Some(Question {
            title,
            message,
            answers,
        })
    }

    /// A question's title and what it says.
    fn question_text(&self, confirm: &Confirm) -> (&'static str, String) {
        let file = self.file_name();
        match confirm {
            Confirm::Quit if self.cannot_write.is_some() => (
                "Unsaved changes",
                format!("Your changes cannot be saved to {file} from here. Quit without them?"),
            ),
            Confirm::Quit => (
                "Unsaved changes",
                format!("Save your changes to {file} before quitting?"),
            ),
            Confirm::DeleteStage(id) => {
                let (name, count) = self
                    .journey()
                    .stage_index(*id)
                    .map(|i| &self.journey().stages()[i])
                    .map(|s| (s.name.clone(), s.moments.len()))
                    .unwrap_or_default();
                (
                    "Delete stage",
                    format!(
                        "Delete the stage “{name}” and its {}?",
                        plural(count, "moment", "moments")
                    ),
                )
            }
            Confirm::OverwriteExport { format, path } => (
                "File exists",
                format!(
                    "{} exists. Write this {} export over it?",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default(),
                    format.name()
                ),
            ),
            Confirm::PasteLines { pasted, .. } => (
                "Paste several lines",
                format!(
                    "You pasted {}. Add a card for each?",
                    plural(crate::input::pasted_lines(pasted).len(), "line", "lines")
                ),
            ),
            Confirm::Restore(path) => (
                "Recover unsaved changes",
                format!(
                    "motmap stopped before these changes to {file} were saved. They were kept in {}.",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ),
            ),
        }
    }

    /// What an answer does, in the words of the question it answers.
    fn answer_text(&self, action: Action) -> String {
        let undo = self.keymap().board_key(Action::Undo);
        match action {
            Action::ConfirmDeleteStage => format!("delete it ({undo} brings it back)"),
            Action::KeepStage => "keep it".into(),
            Action::RestoreRecovery => format!("restore them ({undo} undoes it)"),
            Action::PasteAsCards => format!("a card for each line ({undo} takes them all back)"),
            other => other.description().into(),
        }
    }
}
