//! The user's own editor for long text: asking for it on a field of the selected moment,
//! and taking back what it wrote as one change.

use crate::action::Action;
use crate::app::{App, DetailField, EditorOutcome, Effect, ExternalEdit};
use crate::input::joined_lines;
use crate::model::{Id, clean_multiline};

impl App {
    /// Asks for the user's own editor on `field` of the selected moment.
    pub(super) fn edit_externally(&mut self, field: DetailField) -> Vec<Effect> {
        let Some(moment) = self.moment_or_hint() else {
            return Vec::new();
        };
        let Some(text) = field.text_of(&moment) else {
            self.say_only_texts_go_out();
            return Vec::new();
        };
        vec![Effect::EditExternally(ExternalEdit {
            moment: moment.id,
            field,
            text,
            title: moment.title,
        })]
    }

    /// Kind, feeling, to-be, evidence and comments are not written in an editor.
    pub(super) fn say_only_texts_go_out(&mut self) {
        let key = self
            .keymap()
            .first_label(crate::keymap::Context::Details, Action::EditExternally);
        self.info(format!(
            "{key} opens a text (title, channel, persona, owner, tags, notes, idea) in your editor; choose one of those first."
        ));
    }

    /// The user's editor is done: what it wrote replaces the field, as one change (a
    /// one-line field's lines joined with spaces, the line break editors add at the end
    /// dropped); nothing changes when it failed or wrote the same.
    pub(super) fn edited_externally(&mut self, id: Id, field: DetailField, outcome: EditorOutcome) {
        let Some(moment) = self.journey().moment(id).cloned() else {
            self.error("The moment is gone from the map, so what you wrote was not kept.");
            return;
        };
        match outcome {
            EditorOutcome::Wrote(text) => {
                let text = if field.is_multiline() {
                    clean_multiline(&text.replace("\r\n", "\n"))
                        .trim_end()
                        .to_owned()
                } else {
                    joined_lines(&text)
                };
                self.set_detail_text(&moment, field, &text);
            }
            EditorOutcome::NoEditor => {
                self.warn("No editor: `export EDITOR=nano` (or vim, or VISUAL) before motmap.")
            }
            EditorOutcome::Failed { editor, reason } => self.error(format!(
                "Could not use your editor `{editor}` ({reason}), so nothing was changed."
            )),
            EditorOutcome::ExitStatus { editor, code } => self.warn(format!(
                "`{editor}` {}, so nothing was changed.",
                match code {
                    Some(code) => format!("exited with status {code}"),
                    None => "was stopped".to_owned(),
                }
            )),
        }
    }
}
