//! What the session that owns the file reports: who else has the map open, a recovery
//! file waiting, what others saved (merged in), and what came of a save, a restore or an
//! export the editor asked for.

use crate::action::Action;
use crate::app::{App, Confirm, Effect, Incoming, Mode, SessionEvent};
use crate::model::{Edit, Id};
use crate::store::presence::Presence;
use crate::text::plural;

impl App {
    pub(super) fn session_event(&mut self, event: SessionEvent) -> Vec<Effect> {
        let file = self.file_name();
        match event {
            SessionEvent::DeletedOnDisk => return self.disk_news(event),
            SessionEvent::Peers(peers) => self.peers_changed(peers),
            // Without it others do not see this editor, but saving still merges what they
            // saved, so nothing is lost.
            SessionEvent::MarkerFailed { reason } => self.warn(format!(
                "Could not tell other editors that {file} is open here ({reason})."
            )),
            SessionEvent::CannotWrite { reason } => {
                self.warn(format!(
                    "You can read {file} but not save to it ({reason}): comments and votes cannot be kept."
                ));
                self.cannot_write = Some(reason);
            }
            SessionEvent::RecoveryFound(path) => {
                self.warn("Unsaved changes from an earlier session were found.");
                self.mode = Mode::Confirm(Confirm::Restore(path));
            }
            SessionEvent::RecoveryBroken { path, reason } => self.warn(format!(
                "The recovery file {} does not load ({reason}); look at it or delete it.",
                path.display()
            )),
            SessionEvent::Saved {
                then_quit,
                incoming,
            } => {
                let by_itself = std::mem::take(&mut self.saving_by_itself);
                self.saved(then_quit, by_itself);
                if let Some(incoming) = incoming {
                    self.take_in(*incoming);
                }
            }
            SessionEvent::SaveFailed { reason } | SessionEvent::RestoreFailed { reason } => {
                if std::mem::take(&mut self.saving_by_itself) {
                    self.failed_at = Some(self.revision());
                }
                self.error(reason)
            }
            SessionEvent::MergedIn(incoming) => self.take_in(*incoming),
            SessionEvent::DiskUnreadable { reason } => self.error(format!(
                "{file} changed on disk and does not load now ({reason}); your map here is unchanged and is not saved over it until the file loads again."
            )),
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
            // The reason names the file it is about.
            SessionEvent::OpenFailed { reason } => {
                let end = if reason.ends_with('.') { "" } else { "." };
                self.error(format!("{file} stays open: {reason}{end}"))
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

    fn saved(&mut self, then_quit: bool, by_itself: bool) {
        self.mark_saved();
        if matches!(self.mode, Mode::Confirm(_)) {
            self.mode = Mode::Board;
        }
        self.should_quit |= then_quit;
        if by_itself {
            return;
        }
        let moments = self.journey().moment_count();
        self.success(format!(
            "Saved {} ({}).",
            self.file_name(),
            plural(moments, "moment", "moments")
        ));
    }

    /// Who joined and who left, said once; from now on changes are saved by themselves
    /// while anyone else is here.
    fn peers_changed(&mut self, peers: Vec<Presence>) {
        let names = |list: &[Presence]| -> Vec<String> {
            let mut names: Vec<String> = list.iter().map(|p| p.name.clone()).collect();
            names.dedup();
            names
        };
        let before = names(&self.peers);
        let after = names(&peers);
        let joined: Vec<&String> = after.iter().filter(|n| !before.contains(n)).collect();
        let left: Vec<&String> = before.iter().filter(|n| !after.contains(n)).collect();
        let was_live = self.is_live();
        self.peers = peers;
        let list = |names: &[&String]| {
            names
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !joined.is_empty() {
            let live = if was_live || self.is_read_only() {
                String::new()
            } else {
                " Changes are now saved and merged as you make them.".into()
            };
            self.info(format!("{} opened the map here too.{live}", list(&joined)));
        } else if !left.is_empty() {
            let alone = if self.is_live() {
                String::new()
            } else if self.is_read_only() || self.save_always {
                " You are alone on the map now.".into()
            } else {
                let save = self.keymap().board_key(Action::Save);
                format!(" You are alone on the map now: {save} saves.")
            };
            self.info(format!("{} left.{alone}", list(&left)));
        }
    }

    /// Others' saved changes, merged into this map: said in a few words, with who made
    /// them and what clashed. The selection stays on its card.
    fn take_in(&mut self, incoming: Incoming) {
        let Incoming {
            journey,
            renumbered,
            theirs_new,
            news,
            from,
            conflicts,
        } = incoming;
        let follow = |id: Id| *renumbered.get(&id).unwrap_or(&id);
        let moment = self.selected_moment().map(|m| follow(m.id));
        let stage = self.selected_stage().map(|s| follow(s.id));
        self.take_merged(journey, &renumbered, &theirs_new);
        self.reselect(moment, stage);
        if news.is_empty() && conflicts.is_empty() {
            return;
        }
        let who = from.unwrap_or_else(|| "Changed on disk".into());
        let mut message = format!("{who}: {news}.");
        if !conflicts.is_empty() {
            let next = self.keymap().board_key(Action::NextConflict);
            message.push_str(&format!(
                " {} changed both ways: yours kept, theirs beside it; {next} goes to the next.",
                plural(conflicts.len(), "field", "fields")
            ));
            self.warn(message);
        } else {
            self.info(message);
        }
    }

    /// Selects `moment` again where it is still in `stage`, or else the same row of
    /// `stage`: someone else moving the selected card to another stage does not take this
    /// editor's place with it (a card added next would land where the user did not look).
    fn reselect(&mut self, moment: Option<Id>, stage: Option<Id>) {
        let in_stage = |app: &App, id: Id| {
            let at = app.journey().find_moment(id);
            at.is_some_and(|p| Some(app.journey().stages()[p.stage].id) == stage)
        };
        match (moment, stage) {
            (Some(id), _) if in_stage(self, id) => self.select_moment(id),
            (_, Some(id)) if self.journey().stage_index(id).is_some() => {
                let row = self.selection.moment;
                self.select_stage(id);
                self.selection.moment = row;
            }
            _ => {}
        }
        self.clamp_selection();
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

    /// The file went from disk. While something is being typed the news waits.
    fn disk_news(&mut self, event: SessionEvent) -> Vec<Effect> {
        if !self.takes_disk_news() {
            self.disk_news_waiting = Some(event);
            return Vec::new();
        }
        let save = self.keymap().board_key(Action::Save);
        self.warn(format!(
            "{} was deleted or moved on disk. {save} writes it again.",
            self.file_name()
        ));
        Vec::new()
    }

    /// News from disk that waited for the typing to end.
    pub(super) fn deal_with_waiting_disk_news(&mut self) -> Vec<Effect> {
        if !self.takes_disk_news() {
            return Vec::new();
        }
        match self.disk_news_waiting.take() {
            Some(event) => self.disk_news(event),
            None => Vec::new(),
        }
    }
}
