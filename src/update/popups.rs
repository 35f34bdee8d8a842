//! What is drawn over the board: the details of a moment, the moment-of-truth and export
//! menus, the help overlay and the questions.

use crate::action::Action;
use crate::app::{
    App, Change, Confirm, DetailField, DetailRow, Effect, ExportChoice, Mode, export_format,
};
use crate::input::TextInput;
use crate::keymap::{Context, EXPORT_ACTIONS, KIND_CHOICES};
use crate::model::{CommentTarget, Edit, Evidence, Feeling, Moment};
use crate::share::export_path;
use crate::text::quoted;

/// How far the help scrolls for a page key.
const HELP_PAGE: u16 = 10;

impl App {
    /// What the details popup's own hint line and the status line say when it opens.
    pub(super) fn details_hint(&self) -> String {
        let key = |a| self.keymap().first_label(Context::Details, a);
        let both = |a, b| self.keymap().joined(Context::Details, &[a, b], "");
        if self.is_read_only() {
            return format!(
                "{} choose a field or a comment, which shows whole; {} comments, {} closes. Read-only: {} on the board starts editing.",
                both(Action::PreviousField, Action::NextField),
                key(Action::AddComment),
                key(Action::Close),
                self.keymap().board_key(Action::StartEditing)
            );
        }
        format!(
            "{} choose a field or a comment, {} edits it, {} change kind, feeling, to-be or evidence, {} comments, {} resolves one, {} closes.",
            both(Action::PreviousField, Action::NextField),
            key(Action::EditField),
            both(Action::PreviousValue, Action::NextValue),
            key(Action::AddComment),
            key(Action::ResolveComment),
            key(Action::Close)
        )
    }

    pub(super) fn details_action(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Details { field, .. } = self.mode else {
            return Vec::new();
        };
        let Some(moment) = self.selected_moment().cloned() else {
            self.mode = Mode::Board;
            return Vec::new();
        };
        // The fields, then a row per comment.
        let last = DetailField::ALL.len() + moment.comments.len() - 1;
        let go_to = |field: usize| Mode::Details {
            field,
            editing: None,
        };
        match (action, DetailRow::at(field)) {
            (Action::Close, _) => {
                self.mode = Mode::Board;
                self.info("Details closed.");
            }
            (Action::PreviousField, _) => self.mode = go_to(field.saturating_sub(1)),
            (Action::NextField, _) => self.mode = go_to((field + 1).min(last)),
            (Action::PreviousValue, DetailRow::Field(which)) if which.is_choice() => {
                self.cycle_detail(&moment, which, -1)
            }
            (Action::NextValue | Action::EditField, DetailRow::Field(which))
                if which.is_choice() =>
            {
                self.cycle_detail(&moment, which, 1)
            }
            (Action::EditField, DetailRow::Field(_)) => self.edit_detail(&moment, field),
            (Action::ResolveComment, DetailRow::Comment(index)) => {
                self.resolve_comment(CommentTarget::Moment(moment.id), index)
            }
            (Action::EditField | Action::ResolveComment, _) => self.say_how_comments_go(&moment),
            (Action::AddComment, _) => self.start_comment(Some(field)),
            (Action::EditExternally, DetailRow::Field(which)) => {
                return self.edit_externally(which);
            }
            (Action::EditExternally, DetailRow::Comment(_)) => self.say_only_texts_go_out(),
            (Action::Undo, _) => self.undo(),
            (Action::Redo, _) => self.redo(),
            (Action::Save, _) => return vec![Effect::Save { then_quit: false }],
            _ => {}
        }
        Vec::new()
    }

    /// A comment is not edited, and only a comment is resolved: which keys do what.
    fn say_how_comments_go(&mut self, moment: &Moment) {
        let key = |a| self.keymap().first_label(Context::Details, a);
        let (add, resolve, down) = (
            key(Action::AddComment),
            key(Action::ResolveComment),
            key(Action::NextField),
        );
        self.info(if moment.comments.is_empty() {
            format!("No comments yet: {add} adds one.")
        } else {
            format!(
                "Comments stay as written: {down} down to one, {resolve} resolves it or opens it again, {add} adds another."
            )
        });
    }

    fn edit_detail(&mut self, moment: &Moment, field: usize) {
        let DetailRow::Field(which) = DetailRow::at(field) else {
            return;
        };
        let text = which.text_of(moment).unwrap_or_default();
        let input = if which.is_multiline() {
            TextInput::multiline(&text)
        } else {
            TextInput::line(&text)
        };
        let typing = |a| self.keymap().first_label(Context::Typing, a);
        let (keep, cancel) = (typing(Action::KeepText), typing(Action::CancelText));
        let hint = if input.is_multiline() {
            let lines = self.keymap().label(Context::Typing, Action::NewLine);
            let lines = lines.split(' ').collect::<Vec<_>>();
            format!(
                "{keep} keeps it, {} starts a new line, {cancel} cancels.",
                lines.join(" or ")
            )
        } else if which.list().is_some() {
            let names = which.label().to_lowercase();
            format!(
                "Separate {names} with commas (\\, for a comma in one). {keep} keeps them, {cancel} cancels."
            )
        } else {
            format!("{keep} keeps it, {cancel} cancels.")
        };
        self.info(format!("Editing {}. {hint}", which.label().to_lowercase()));
        self.mode = Mode::Details {
            field,
            editing: Some(input),
        };
    }

    fn cycle_detail(&mut self, moment: &Moment, which: DetailField, step: isize) {
        match which {
            DetailField::Kind => {
                let at = KIND_CHOICES
                    .iter()
                    .position(|a| a.kind_choice() == Some(moment.kind))
                    .unwrap_or(KIND_CHOICES.len() - 1);
                let next = (at as isize + step).rem_euclid(KIND_CHOICES.len() as isize) as usize;
                self.set_kind(KIND_CHOICES[next].kind_choice().flatten());
            }
            DetailField::Feeling => {
                self.set_feeling(Feeling::clamped(
                    i64::from(moment.feeling.value()) + step as i64,
                ));
            }
            DetailField::Target => {
                // From none, a step starts one better or worse than the feeling now; a step
                // past either end goes back to none.
                let next = match moment.target {
                    None => Some(Feeling::clamped(
                        i64::from(moment.feeling.value()) + step as i64,
                    )),
                    Some(target) => Feeling::new(i64::from(target.value()) + step as i64),
                };
                self.set_target(moment, next);
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

    /// Sets how the moment should feel once its idea is done, and says so.
    pub(super) fn set_target(&mut self, moment: &Moment, target: Option<Feeling>) {
        let title = quoted(&moment.title);
        let (what, said) = match target {
            Some(t) => (
                format!("set the to-be of {title} to {}", t.label()),
                format!(
                    "To be for {title}: {} {} (now {} {}).",
                    t.symbol(),
                    t.label(),
                    moment.feeling.symbol(),
                    moment.feeling.label()
                ),
            ),
            None => (
                format!("clear the to-be of {title}"),
                format!("No to-be for {title}: nobody has said how it should feel."),
            ),
        };
        let edit = Edit::SetTarget {
            id: moment.id,
            target,
        };
        if self.change(what, vec![edit]) {
            self.success(said);
            self.remember(Change::Target(target), 1);
        }
    }

    pub(super) fn open_kind_menu(&mut self) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let highlighted = KIND_CHOICES
            .iter()
            .position(|a| a.kind_choice() == Some(moment.kind))
            .unwrap_or(0);
        self.mode = Mode::PickKind { highlighted };
        let context = Context::KindMenu;
        let kinds = self.keymap().joined(context, &KIND_CHOICES[..6], " ");
        let none = self.keymap().first_label(context, Action::ChooseNoKind);
        let close = self.keymap().first_label(context, Action::Close);
        self.info(format!(
            "Which moment of truth? {kinds}, {none} for none, {close} to leave it."
        ));
    }

    pub(super) fn kind_menu_action(&mut self, action: Action) -> Vec<Effect> {
        let Mode::PickKind { highlighted } = self.mode else {
            return Vec::new();
        };
        let last = KIND_CHOICES.len() - 1;
        let row = match action {
            Action::Close => {
                self.mode = Mode::Board;
                self.info("Kind left as it was.");
                return Vec::new();
            }
            Action::MenuUp => {
                self.mode = Mode::PickKind {
                    highlighted: highlighted.saturating_sub(1),
                };
                return Vec::new();
            }
            Action::MenuDown => {
                self.mode = Mode::PickKind {
                    highlighted: (highlighted + 1).min(last),
                };
                return Vec::new();
            }
            Action::MenuChoose => highlighted,
            Action::Save => return vec![Effect::Save { then_quit: false }],
            other => match KIND_CHOICES.iter().position(|a| *a == other) {
                Some(row) => row,
                None => return Vec::new(),
            },
        };
        self.mode = Mode::Board;
        self.set_kind(KIND_CHOICES[row].kind_choice().flatten());
        Vec::new()
    }

    /// Opens the export menu and asks which of its files exist already.
    pub(super) fn open_export_menu(&mut self) -> Vec<Effect> {
        let choices: Vec<ExportChoice> = EXPORT_ACTIONS
            .iter()
            .filter_map(|action| {
                let format = export_format(*action)?;
                Some(ExportChoice {
                    action: *action,
                    format,
                    path: export_path(self.path(), format),
                    exists: false,
                })
            })
            .collect();
        let paths = choices.iter().map(|c| c.path.clone()).collect();
        self.mode = Mode::PickExport {
            choices,
            highlighted: 0,
        };
        let context = Context::ExportMenu;
        let names: Vec<String> = EXPORT_ACTIONS
            .iter()
            .filter_map(|a| {
                let key = self.keymap().first_label(context, *a);
                Some(format!("{key} {}", export_format(*a)?.name()))
            })
            .collect();
        let close = self.keymap().first_label(context, Action::Close);
        self.info(format!(
            "Export as: {}. {close} to cancel.",
            names.join(", ")
        ));
        vec![Effect::FindExports(paths)]
    }

    pub(super) fn export_menu_action(&mut self, action: Action) -> Vec<Effect> {
        let Mode::PickExport {
            choices,
            highlighted,
        } = &mut self.mode
        else {
            return Vec::new();
        };
        let last = choices.len().saturating_sub(1);
        let row = match action {
            Action::Close => {
                self.mode = Mode::Board;
                self.info("Nothing exported.");
                return Vec::new();
            }
            Action::MenuUp => {
                *highlighted = highlighted.saturating_sub(1);
                return Vec::new();
            }
            Action::MenuDown => {
                *highlighted = (*highlighted + 1).min(last);
                return Vec::new();
            }
            Action::MenuChoose => *highlighted,
            Action::Save => return vec![Effect::Save { then_quit: false }],
            other => match choices.iter().position(|c| c.action == other) {
                Some(row) => row,
                None => return Vec::new(),
            },
        };
        let Some(choice) = choices.get(row).cloned() else {
            return Vec::new();
        };
        vec![Effect::Export {
            format: choice.format,
            path: choice.path,
            overwrite: false,
        }]
    }

    pub(super) fn help_action(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Help { scroll } = &mut self.mode else {
            return Vec::new();
        };
        match action {
            Action::ScrollDown => *scroll = scroll.saturating_add(1),
            Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(HELP_PAGE),
            Action::PageUp => *scroll = scroll.saturating_sub(HELP_PAGE),
            _ => {
                self.mode = Mode::Board;
                self.info("Help closed.");
            }
        }
        Vec::new()
    }

    /// An answer to the question on screen.
    pub(super) fn answer(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Confirm(question) = std::mem::replace(&mut self.mode, Mode::Board) else {
            return Vec::new();
        };
        match (question, action) {
            (Confirm::DeleteStage(id), Action::ConfirmDeleteStage) => self.delete_stage_now(id),
            (Confirm::DeleteStage(_), _) => self.info("The stage stays."),
            (Confirm::Quit, Action::SaveAndQuit) => {
                return vec![Effect::Save { then_quit: true }];
            }
            (Confirm::Quit, Action::QuitWithoutSaving) => self.should_quit = true,
            (Confirm::Quit, _) => self.info("Still here; nothing was lost."),
            (Confirm::Restore(path), Action::RestoreRecovery) => {
                return vec![Effect::RestoreRecovery(path)];
            }
            (Confirm::Restore(path), Action::DeleteRecovery) => {
                return vec![Effect::DeleteRecovery(path)];
            }
            (Confirm::Restore(path), _) => self.info(format!(
                "The recovery file {} stays; opening the map again asks once more.",
                path.display()
            )),
            (Confirm::OverwriteExport { format, path }, Action::OverwriteExport) => {
                return vec![Effect::Export {
                    format,
                    path,
                    overwrite: true,
                }];
            }
            (Confirm::OverwriteExport { .. }, _) => {
                self.info("Nothing exported; the file is as it was.")
            }
            (
                Confirm::PasteLines {
                    stage,
                    index,
                    typed,
                    pasted,
                },
                action,
            ) => self.answer_paste(stage, index, *typed, &pasted, action),
        }
        Vec::new()
    }
}
