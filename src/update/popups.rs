//! Keys for what is drawn over the board: the moment-of-truth menu, the details of a
//! moment, the help overlay and the questions.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::KIND_MENU;
use crate::app::{App, Confirm, DetailField, Effect, Mode};
use crate::input::{InputOutcome, TextInput};
use crate::model::{Edit, Evidence, Feeling, Moment, MomentField};
use crate::share::Format;
use crate::text::quoted;

/// The export menu: the key that picks each format.
pub(crate) const EXPORT_MENU: [(char, Format); 5] = [
    ('m', Format::Mermaid),
    ('d', Format::Markdown),
    ('c', Format::Csv),
    ('h', Format::Html),
    ('j', Format::Json),
];

impl App {
    pub(super) fn pick_kind_key(&mut self, key: &KeyEvent, highlighted: usize) -> Option<Effect> {
        let choose = |app: &mut App, row: usize| {
            app.mode = Mode::Board;
            app.set_kind(KIND_MENU[row].1);
        };
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Board;
                self.info("Kind left as it was.");
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::PickKind {
                    highlighted: highlighted.saturating_sub(1),
                }
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::PickKind {
                    highlighted: (highlighted + 1).min(KIND_MENU.len() - 1),
                }
            }
            KeyCode::Enter => choose(self, highlighted),
            KeyCode::Char(c) => match KIND_MENU
                .iter()
                .position(|(k, _)| *k == c.to_ascii_lowercase())
            {
                Some(row) => choose(self, row),
                None => self
                    .info("Press z f a s t or l for a moment of truth, n for none, Esc to cancel."),
            },
            _ => {}
        }
        None
    }

    pub(super) fn pick_export_key(&mut self, key: &KeyEvent, highlighted: usize) -> Option<Effect> {
        let last = Format::ALL.len() - 1;
        let row = match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Board;
                self.info("Nothing exported.");
                return None;
            }
            // Arrows only: every letter here names a format (j is JSON).
            KeyCode::Up => {
                self.mode = Mode::PickExport {
                    highlighted: highlighted.saturating_sub(1),
                };
                return None;
            }
            KeyCode::Down => {
                self.mode = Mode::PickExport {
                    highlighted: (highlighted + 1).min(last),
                };
                return None;
            }
            KeyCode::Enter => highlighted,
            KeyCode::Char(c) => match EXPORT_MENU.iter().position(|(k, _)| *k == c) {
                Some(row) => row,
                None => {
                    self.info("Press m d c h or j for a format, Esc to cancel.");
                    return None;
                }
            },
            _ => return None,
        };
        Some(Effect::Export {
            format: EXPORT_MENU[row].1,
            overwrite: false,
        })
    }

    pub(super) fn details_key(
        &mut self,
        key: &KeyEvent,
        field: usize,
        editing: Option<TextInput>,
    ) -> Option<Effect> {
        let Some(moment) = self.selected_moment().cloned() else {
            self.mode = Mode::Board;
            return None;
        };
        let which = DetailField::ALL[field];
        if let Some(mut input) = editing {
            match input.handle_key(key) {
                InputOutcome::Edited | InputOutcome::Ignored => {
                    self.mode = Mode::Details {
                        field,
                        editing: Some(input),
                    };
                }
                InputOutcome::Cancel => {
                    self.mode = Mode::Details {
                        field,
                        editing: None,
                    };
                    self.info("Left as it was.");
                }
                InputOutcome::Submit => {
                    if which == DetailField::Title && input.text().trim().is_empty() {
                        self.mode = Mode::Details {
                            field,
                            editing: Some(input),
                        };
                        self.error(
                            "A title cannot be empty: type one, or Esc to keep the old one.",
                        );
                        return None;
                    }
                    self.mode = Mode::Details {
                        field,
                        editing: None,
                    };
                    self.set_detail_text(&moment, which, input.text());
                }
            }
            return None;
        }
        let changes = matches!(
            key.code,
            KeyCode::Enter | KeyCode::Char('e' | 'h' | 'l' | 'u') | KeyCode::Left | KeyCode::Right
        ) || (key.code == KeyCode::Char('r')
            && key.modifiers.contains(KeyModifiers::CONTROL));
        if self.read_only && changes {
            self.refuse_in_read_only("change this field");
            return None;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Board;
                self.info("Details closed.");
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.mode = Mode::Details {
                    field: field.saturating_sub(1),
                    editing: None,
                }
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.mode = Mode::Details {
                    field: (field + 1).min(DetailField::ALL.len() - 1),
                    editing: None,
                }
            }
            KeyCode::Left | KeyCode::Char('h') if which.is_choice() => {
                self.cycle_detail(&moment, which, -1)
            }
            KeyCode::Right | KeyCode::Char('l') if which.is_choice() => {
                self.cycle_detail(&moment, which, 1)
            }
            KeyCode::Enter | KeyCode::Char('e') if which.is_choice() => {
                self.cycle_detail(&moment, which, 1)
            }
            KeyCode::Enter | KeyCode::Char('e') => {
                let input = match which {
                    DetailField::Tags => TextInput::line(&moment.tags.join(", ")),
                    DetailField::Notes => TextInput::multiline(&moment.notes),
                    DetailField::Idea => TextInput::multiline(&moment.idea),
                    other => TextInput::line(
                        moment.text(other.text_field().unwrap_or(MomentField::Title)),
                    ),
                };
                let hint = if input.is_multiline() {
                    "Enter keeps it, Alt-Enter or Ctrl-j starts a new line, Esc cancels."
                } else if which == DetailField::Tags {
                    "Separate tags with commas. Enter keeps them, Esc cancels."
                } else {
                    "Enter keeps it, Esc cancels."
                };
                self.info(format!("Editing {}. {hint}", which.label().to_lowercase()));
                self.mode = Mode::Details {
                    field,
                    editing: Some(input),
                };
            }
            KeyCode::Char('u') => self.undo(),
            KeyCode::Char('r') if key.modifiers.contains(KeyModifiers::CONTROL) => self.redo(),
            _ => {}
        }
        None
    }

    pub(super) fn set_detail_text(&mut self, moment: &Moment, which: DetailField, text: &str) {
        let edit = if which == DetailField::Tags {
            let tags = crate::model::clean_tags(text.split(',').map(str::to_owned).collect());
            if tags == moment.tags {
                self.info("Left as it was.");
                return;
            }
            Edit::SetTags {
                id: moment.id,
                tags,
            }
        } else {
            let Some(field) = which.text_field() else {
                return;
            };
            let text = if field.is_multiline() {
                text.trim_end().to_owned()
            } else {
                text.trim().to_owned()
            };
            if moment.text(field) == text {
                self.info("Left as it was.");
                return;
            }
            Edit::SetMomentText {
                id: moment.id,
                field,
                text,
            }
        };
        let name = which.label().to_lowercase();
        if self.change(
            format!("change the {name} of {}", quoted(&moment.title)),
            vec![edit],
        ) {
            self.success(format!("Changed the {name} of {}.", quoted(&moment.title)));
        }
    }

    pub(super) fn cycle_detail(&mut self, moment: &Moment, which: DetailField, step: isize) {
        match which {
            DetailField::Kind => {
                let at = KIND_MENU
                    .iter()
                    .position(|(_, k)| *k == moment.kind)
                    .unwrap_or(6);
                let next = (at as isize + step).rem_euclid(KIND_MENU.len() as isize) as usize;
                self.set_kind(KIND_MENU[next].1);
            }
            DetailField::Feeling => {
                self.set_feeling(Feeling::clamped(
                    i64::from(moment.feeling.value()) + step as i64,
                ));
            }
            DetailField::Evidence => {
                let choices = [
                    None,
                    Some(Evidence::Observed),
                    Some(Evidence::Reported),
                    Some(Evidence::Assumed),
                ];
                let at = choices
                    .iter()
                    .position(|e| *e == moment.evidence)
                    .unwrap_or(0);
                let next =
                    choices[(at as isize + step).rem_euclid(choices.len() as isize) as usize];
                let label = next.map_or("unknown", Evidence::label);
                if self.change(
                    format!("mark the evidence of {} {label}", quoted(&moment.title)),
                    vec![Edit::SetEvidence {
                        id: moment.id,
                        evidence: next,
                    }],
                ) {
                    self.success(format!("Evidence for {}: {label}.", quoted(&moment.title)));
                }
            }
            _ => {}
        }
    }

    pub(super) fn help_key(&mut self, key: &KeyEvent, scroll: u16) {
        // As far as the overlay could scroll when it was last drawn, no further.
        let scroll = scroll.min(self.view.help_max_scroll);
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_add(1),
                }
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_sub(1),
                }
            }
            KeyCode::PageDown | KeyCode::Char(' ') => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_add(10),
                }
            }
            KeyCode::PageUp => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_sub(10),
                }
            }
            _ => {
                self.mode = Mode::Board;
                self.info("Help closed.");
            }
        }
    }

    pub(super) fn confirm_key(&mut self, key: &KeyEvent, question: Confirm) -> Option<Effect> {
        let answer = match key.code {
            KeyCode::Char(c) => Some(c.to_ascii_lowercase()),
            KeyCode::Esc => None,
            _ => return None,
        };
        match (question, answer) {
            (Confirm::DeleteStage(id), Some('y')) => {
                self.mode = Mode::Board;
                self.delete_stage_now(id);
            }
            (Confirm::DeleteStage(_), _) => {
                self.mode = Mode::Board;
                self.info("The stage stays.");
            }
            (Confirm::Quit, Some('y')) => return Some(Effect::Save),
            (Confirm::Quit, Some('n')) => return Some(Effect::Quit),
            (Confirm::Quit, None) => {
                self.mode = Mode::Board;
                self.info("Still here; nothing was lost.");
            }
            (Confirm::Overwrite, Some('o')) => return Some(Effect::SaveOverwriting),
            (Confirm::Overwrite, Some('r')) => return Some(Effect::Reload),
            (Confirm::Overwrite, None) => {
                self.cancel_quit_after_save();
                self.mode = Mode::Board;
                self.info("Not saved. Your changes are still here, and so is the file on disk.");
            }
            (Confirm::Restore(_), Some('r')) => return Some(Effect::RestoreRecovery),
            (Confirm::Restore(_), Some('d')) => return Some(Effect::DiscardRecovery),
            (Confirm::Locked(_), Some('e')) => return Some(Effect::EditAnyway),
            (Confirm::Locked(_), Some('q')) => return Some(Effect::Quit),
            (Confirm::Locked(_), Some('r') | None) => return Some(Effect::ReadOnly),
            (Confirm::OverwriteExport(format), Some('y')) => {
                return Some(Effect::Export {
                    format,
                    overwrite: true,
                });
            }
            (Confirm::OverwriteExport(_), _) => {
                self.mode = Mode::Board;
                self.info("Nothing exported; the file is as it was.");
            }
            (Confirm::Restore(path), None) => {
                self.mode = Mode::Board;
                self.info(format!(
                    "The recovery file {} stays; opening the map again asks once more.",
                    path.display()
                ));
            }
            _ => {}
        }
        None
    }
}
