//! What the session that owns the file reports: who else has the map open, a recovery
//! file waiting, a change on disk, and what came of a save, a reload, a restore or an
//! export the editor asked for.

use crate::action::Action;
use crate::app::{App, Confirm, Effect, Mode, SessionEvent};
use crate::keymap::Context;
use crate::model::Edit;
use crate::text::plural;

impl App {
    pub(super) fn session_event(&mut self, event: SessionEvent) -> Vec<Effect> {
        let file = self.file_name();
        match event {
            SessionEvent::ChangedOnDisk | SessionEvent::DeletedOnDisk => {
                return self.disk_news(event);
            }
            SessionEvent::OpenElsewhere(holder) => {
                self.warn(format!("{file} is open in another motmap."));
                self.mode = Mode::Confirm(Confirm::Locked(holder));
            }
            // Without a marker other editors are not warned, but saving still checks for
            // changes on disk, so nothing is lost.
            SessionEvent::MarkerFailed { reason } => self.warn(format!(
                "Could not mark {file} as open for other editors ({reason})."
            )),
            SessionEvent::RecoveryFound(path) => {
                self.warn("Unsaved changes from an earlier session were found.");
                self.mode = Mode::Confirm(Confirm::Restore(path));
            }
            SessionEvent::RecoveryBroken { path, reason } => self.warn(format!(
                "The recovery file {} does not load ({reason}); look at it or delete it.",
                path.display()
            )),
            SessionEvent::TakenOver(holder) => self.warn(format!(
                "Another motmap now has {file} open: {}. Saving still asks before overwriting their changes.",
                holder.describe()
            )),
            SessionEvent::Saved { then_quit } => self.saved(then_quit),
            SessionEvent::SaveRefused { then_quit } => {
                self.mode = Mode::Confirm(Confirm::Overwrite { then_quit });
                self.warn(format!("{file} changed on disk since you opened it."));
            }
            SessionEvent::SaveFailed { reason } | SessionEvent::RestoreFailed { reason } => {
                self.error(reason)
            }
            SessionEvent::Reloaded { journey, noticed } => self.reloaded(*journey, noticed),
            SessionEvent::ReloadFailed { reason } => self.reload_failed(&reason),
            SessionEvent::Restored { path, journey } => self.restored(&path, *journey),
            SessionEvent::RecoveryDeleted(path) => {
                self.info(format!("Deleted the recovery file {}.", path.display()))
            }
            SessionEvent::RecoveryNotDeleted { path, reason } => self.error(format!(
                "Could not delete {}: {reason}. Delete it by hand.",
                path.display()
            )),
            SessionEvent::RecoveryWritten(path) => self.info(format!(
                "Your unsaved changes are kept in {}.",
                path.display()
            )),
            SessionEvent::RecoveryNotWritten { reason } => self.error(format!(
                "Your unsaved changes could not be kept for recovery: {reason}."
            )),
            SessionEvent::ExportsFound(existing) => {
                if let Mode::PickExport { choices, .. } = &mut self.mode {
                    for choice in choices {
                        choice.exists = existing.contains(&choice.path);
                    }
                }
            }
            SessionEvent::Exported { format, path } => self.exported(format, &path),
            SessionEvent::ExportExists { format, path } => {
                self.warn(format!("{} already exists.", path.display()));
                self.mode = Mode::Confirm(Confirm::OverwriteExport { format, path });
            }
            SessionEvent::ExportFailed { path, reason } => {
                self.mode = Mode::Board;
                self.error(format!(
                    "Could not export to {}: {reason}. Nothing was written; the map is as it was.",
                    path.display()
                ));
            }
        }
        Vec::new()
    }

    fn saved(&mut self, then_quit: bool) {
        self.mark_saved();
        if matches!(self.mode, Mode::Confirm(_)) {
            self.mode = Mode::Board;
        }
        let moments = self.journey().moment_count();
        self.success(format!(
            "Saved {} ({}).",
            self.file_name(),
            plural(moments, "moment", "moments")
        ));
        self.should_quit |= then_quit;
    }

    fn reload_failed(&mut self, reason: &str) {
        let save = self.keymap().board_key(Action::Save);
        let overwrite = self
            .keymap()
            .first_label(Context::AskOverwrite, Action::OverwriteTheirs);
        self.error(format!(
            "The file on disk does not load now ({reason}); your map here is unchanged, and {save} then {overwrite} writes it back."
        ));
    }

    /// A recovery file's map replaces this one, as one change that undo takes back.
    fn restored(&mut self, path: &std::path::Path, journey: crate::model::Journey) {
        let edits = vec![Edit::ReplaceJourney {
            journey: Box::new(journey),
        }];
        if self.change("restore unsaved changes", edits) {
            self.clamp_selection();
            let save = self.keymap().board_key(Action::Save);
            self.success(format!(
                "Restored the unsaved changes from {}. {save} saves them.",
                path.display()
            ));
        }
    }

    fn exported(&mut self, format: crate::share::Format, path: &std::path::Path) {
        self.mode = Mode::Board;
        let unsaved = if self.is_modified() {
            ", unsaved changes included"
        } else {
            ""
        };
        self.success(format!(
            "Exported as {} to {}{unsaved}.",
            format.name(),
            path.display()
        ));
    }

    /// The file changed (or went) on disk. While something is being typed the news waits,
    /// since the card it belongs to might go; unsaved edits are never dropped without a
    /// question; otherwise the new version is loaded.
    fn disk_news(&mut self, event: SessionEvent) -> Vec<Effect> {
        if !matches!(
            self.mode,
            Mode::Board | Mode::Help { .. } | Mode::Present { .. }
        ) {
            self.disk_news_waiting = Some(event);
            return Vec::new();
        }
        let file = self.file_name();
        if event == SessionEvent::DeletedOnDisk {
            let save = self.keymap().board_key(Action::Save);
            self.warn(format!(
                "{file} was deleted or moved on disk. {save} writes it again."
            ));
            return Vec::new();
        }
        if self.is_modified() || self.can_redo() {
            // Unsaved edits, or undone ones that could still be redone: never dropped
            // without a question.
            self.mode = Mode::Confirm(Confirm::Overwrite { then_quit: false });
            self.warn(format!(
                "{file} changed on disk while you have unsaved changes."
            ));
            return Vec::new();
        }
        vec![Effect::Reload { noticed: true }]
    }

    /// News from disk that waited for the typing to end.
    pub(super) fn deal_with_waiting_disk_news(&mut self) -> Vec<Effect> {
        if !matches!(
            self.mode,
            Mode::Board | Mode::Help { .. } | Mode::Present { .. }
        ) {
            return Vec::new();
        }
        match self.disk_news_waiting.take() {
            Some(event) => self.disk_news(event),
            None => Vec::new(),
        }
    }

    /// Takes the version on disk, as an undoable change, so the user's version is one undo
    /// away. The selection stays on the same card, found by its id.
    fn reloaded(&mut self, fresh: crate::model::Journey, noticed: bool) {
        if !matches!(self.mode, Mode::Help { .. } | Mode::Present { .. }) {
            self.mode = Mode::Board;
        }
        let moment = self.selected_moment().map(|m| m.id);
        let stage = self.selected_stage().map(|s| s.id);
        let edits = vec![Edit::ReplaceJourney {
            journey: Box::new(fresh),
        }];
        if !self.change("reload from disk", edits) {
            return;
        }
        self.mark_saved();
        match (moment, stage) {
            (Some(id), _) if self.journey().find_moment(id).is_some() => self.select_moment(id),
            (_, Some(id)) if self.journey().stage_index(id).is_some() => {
                let row = self.selection.moment;
                self.select_stage(id);
                self.selection.moment = row;
            }
            _ => {}
        }
        self.clamp_selection();
        let name = self.file_name();
        if self.is_read_only() {
            self.success(format!("{name} changed on disk: showing the new version."));
        } else {
            let undo = self.keymap().board_key(Action::Undo);
            let what = if noticed {
                "changed on disk and was reloaded"
            } else {
                "was reloaded from disk"
            };
            self.success(format!(
                "{name} {what}. {undo} brings back the version you had."
            ));
        }
    }
}
