//! The editor's state: the open document, the selection, what is being typed or asked,
//! the status line, and the effects (saving, reloading, quitting) the run loop carries out.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::history::History;
use crate::input::TextInput;
use crate::keymap::KeyMap;
use crate::model::{Edit, Id, Journey, JourneyField, Moment, MomentField, Stage, StageField};
use std::time::{Duration, Instant};

use crate::status::{Status, Tone};
use crate::workshop::{Filter, Timer};

use crate::store::lock::{HEARTBEAT, Holder, Lock, LockError};
use crate::store::{self, Document, SaveError};
use crate::ui::theme::Theme;

/// How long a countdown that ran out flashes in the title line.
pub const TIMER_FLASH: Duration = Duration::from_secs(10);

/// The ways to look at the map, in the order Tab goes through them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Board,
    Curve,
    Summary,
    Votes,
}

impl Screen {
    pub const ALL: [Screen; 4] = [Screen::Board, Screen::Curve, Screen::Summary, Screen::Votes];

    /// The next (or, with `-1`, previous) view, going round.
    pub fn step(self, by: isize) -> Screen {
        let at = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let len = Screen::ALL.len() as isize;
        Screen::ALL[(at + by).rem_euclid(len) as usize]
    }
}

/// Which card is selected: a stage, and a moment within it when it has any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub stage: usize,
    pub moment: usize,
}

/// What a text field being typed into will change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    MomentTitle(Id),
    StageName(Id),
    StageDescription(Id),
    JourneyTitle,
    JourneyDescription,
    /// The journey's personas, typed as a comma-separated list.
    Personas,
}

impl TextTarget {
    /// Descriptions (and the personas) may be empty; titles and names may not.
    pub fn is_description(self) -> bool {
        matches!(
            self,
            TextTarget::StageDescription(_) | TextTarget::JourneyDescription | TextTarget::Personas
        )
    }
}

/// A question the editor is waiting for an answer to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete a stage that still has moments.
    DeleteStage(Id),
    /// Quit with unsaved changes.
    Quit,
    /// The file changed on disk since it was opened; save over it?
    Overwrite,
    /// A recovery file from a session that ended early is waiting.
    Restore(PathBuf),
    /// Another editor has the map open.
    Locked(Holder),
    /// An export would write over a file of that name.
    OverwriteExport(crate::share::Format),
}

/// The fields of a moment, in the order the details popup lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailField {
    Title,
    Kind,
    Feeling,
    Evidence,
    Channel,
    Persona,
    Owner,
    Tags,
    Notes,
    Idea,
}

impl DetailField {
    pub const ALL: [DetailField; 10] = [
        DetailField::Title,
        DetailField::Kind,
        DetailField::Feeling,
        DetailField::Evidence,
        DetailField::Channel,
        DetailField::Persona,
        DetailField::Owner,
        DetailField::Tags,
        DetailField::Notes,
        DetailField::Idea,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DetailField::Title => "Title",
            DetailField::Kind => "Kind",
            DetailField::Feeling => "Feeling",
            DetailField::Evidence => "Evidence",
            DetailField::Channel => "Channel",
            DetailField::Persona => "Persona",
            DetailField::Owner => "Owner",
            DetailField::Tags => "Tags",
            DetailField::Notes => "Notes",
            DetailField::Idea => "Idea",
        }
    }

    /// The moment's text field behind this row, for the rows that are plain text.
    pub fn text_field(self) -> Option<MomentField> {
        match self {
            DetailField::Title => Some(MomentField::Title),
            DetailField::Channel => Some(MomentField::Channel),
            DetailField::Persona => Some(MomentField::Persona),
            DetailField::Owner => Some(MomentField::Owner),
            DetailField::Notes => Some(MomentField::Notes),
            DetailField::Idea => Some(MomentField::Idea),
            _ => None,
        }
    }

    /// Kind, feeling and evidence are chosen from a few values rather than typed.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            DetailField::Kind | DetailField::Feeling | DetailField::Evidence
        )
    }
}

/// What the keyboard is talking to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Board,
    /// Typing a title or a name on the board. `creating` is set for a card or stage just
    /// added, which is removed again if the typing is cancelled.
    EditText {
        target: TextTarget,
        input: TextInput,
        creating: bool,
    },
    /// The moment-of-truth menu, with the highlighted row.
    PickKind {
        highlighted: usize,
    },
    /// Every field of the selected moment; `editing` while one is being typed into.
    Details {
        field: usize,
        editing: Option<TextInput>,
    },
    Help {
        scroll: u16,
    },
    Search {
        input: TextInput,
    },
    Confirm(Confirm),
    /// The filter menu.
    PickFilter,
    /// Typing the text a tag, channel, persona or owner should contain.
    FilterText {
        input: TextInput,
    },
    /// Typing the length of a countdown.
    TimerLength {
        input: TextInput,
    },
    /// The export menu, with the highlighted format.
    PickExport {
        highlighted: usize,
    },
    /// Presenting to a room: large cards, no editing chrome; one stage or the whole map.
    Present {
        whole_map: bool,
    },
}

/// What the last search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
}

/// Work the update step cannot do itself, because it touches files or the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Save,
    SaveOverwriting,
    Reload,
    Quit,
    RestoreRecovery,
    DiscardRecovery,
    /// Open a map someone else is editing for reading only.
    ReadOnly,
    /// Edit a map someone else is editing; saves still ask before overwriting.
    EditAnyway,
    /// Write the map in a format beside it, over a file of that name if `overwrite`.
    Export {
        format: crate::share::Format,
        overwrite: bool,
    },
}

/// Scroll positions, kept between frames so the view moves only when the selection would
/// leave it. Updated while drawing.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    pub first_stage: usize,
    pub first_moment: HashMap<Id, usize>,
    /// How far the help overlay can scroll at the size it was last drawn.
    pub help_max_scroll: u16,
}

pub struct App {
    pub document: Document,
    pub history: History,
    pub keymap: KeyMap,
    pub selection: Selection,
    pub mode: Mode,
    pub status: Status,
    pub search: Option<Search>,
    pub view: ViewState,
    pub should_quit: bool,
    /// The recovery file this session restored from: deleted once the map is saved.
    restored_from: Option<PathBuf>,
    /// Where this session wrote its own recovery copy, so a second write replaces it
    /// rather than another session's.
    recovery_written: Option<PathBuf>,
    pub theme: Theme,
    /// Whether the selected card and stage are marked; off for a printout.
    pub show_selection: bool,
    /// A view for reading: every key that would change the map is refused.
    pub read_only: bool,
    /// The marker telling other editors this one has the map open.
    pub lock: Option<Lock>,
    lock_renewed: Instant,
    /// Which view of the map is on screen.
    pub screen: Screen,
    /// When set, the moments it does not match are dimmed.
    pub filter: Option<Filter>,
    pub timer: Option<Timer>,
    /// The length the next countdown starts with.
    pub timer_length: Duration,
    /// Quit once the save asked about (after a "changed on disk" question) is done.
    quit_after_save: bool,
    /// Where the selection was before a card or stage was added, to go back to if the
    /// addition is cancelled.
    pub selection_before_add: Option<Selection>,
}

impl App {
    pub fn new(document: Document) -> App {
        let name = document.path.display().to_string();
        let mut app = App {
            document,
            history: History::default(),
            keymap: KeyMap::default(),
            selection: Selection::default(),
            mode: Mode::Board,
            status: Status {
                text: String::new(),
                tone: Tone::Info,
            },
            search: None,
            view: ViewState::default(),
            should_quit: false,
            restored_from: None,
            recovery_written: None,
            theme: Theme::default(),
            show_selection: true,
            read_only: false,
            lock: None,
            lock_renewed: Instant::now(),
            screen: Screen::Board,
            filter: None,
            timer: None,
            timer_length: Duration::from_secs(5 * 60),
            quit_after_save: false,
            selection_before_add: None,
        };
        let help = app.keymap.first_label(crate::action::Action::Help);
        app.info(format!("Opened {name}. Press {help} to see every key."));
        app
    }

    /// An editor on `document` for editing: it marks the map as open, or asks first if
    /// another editor has it; then offers unsaved changes a session that ended early left
    /// in a recovery file.
    pub fn open(document: Document) -> App {
        let mut app = App::new(document);
        match Lock::acquire(&app.document.path) {
            Ok(lock) => {
                app.lock = Some(lock);
                app.offer_recovery();
            }
            Err(LockError::Held(holder)) => {
                app.warn(format!("{} is open in another motmap.", app.file_name()));
                app.mode = Mode::Confirm(Confirm::Locked(holder));
            }
            // Without a marker other editors are not warned, but saving still checks for
            // changes on disk, so nothing is lost.
            Err(LockError::Io(error)) => {
                app.warn(format!(
                    "Could not mark {} as open for other editors ({}).",
                    app.file_name(),
                    store::io_reason(&error)
                ));
                app.offer_recovery();
            }
        }
        app
    }

    /// A view on `document` that refuses every edit and follows changes on disk.
    pub fn view(document: Document) -> App {
        let mut app = App::new(document);
        app.read_only = true;
        app
    }

    /// The user chose not to overwrite after all: no quitting either.
    pub fn cancel_quit_after_save(&mut self) {
        self.quit_after_save = false;
    }

    /// Lets go of the marker: on quitting, or when motmap is stopped.
    pub fn release_lock(&mut self) {
        self.lock = None;
    }

    /// Work done while no key is pressed, about twice a second: renew the marker and
    /// notice when the file changed on disk. Returns whether the screen needs drawing.
    pub fn tick(&mut self) -> bool {
        if let Some(lock) = &mut self.lock
            && self.lock_renewed.elapsed() >= HEARTBEAT
        {
            self.lock_renewed = Instant::now();
            if let Ok(Some(other)) = lock.refresh() {
                // This editor was taken for gone (a laptop asleep, say) and another took
                // the map: say so, and let go of a marker that is no longer ours.
                self.lock = None;
                self.warn(format!(
                    "Another motmap now has {} open: {}. Saving still asks before overwriting their changes.",
                    self.file_name(),
                    other.describe()
                ));
                return true;
            }
        }
        // A running countdown, or one that just ran out and flashes, redraws each tick.
        let timer_shows_change = self
            .timer
            .as_ref()
            .is_some_and(|t| t.is_running() && t.overdue(Instant::now()) < TIMER_FLASH);
        // Not while something is being typed: the card it belongs to might go.
        if !matches!(
            self.mode,
            Mode::Board | Mode::Help { .. } | Mode::Present { .. }
        ) {
            return timer_shows_change;
        }
        if !self.document.disk_stamp_moved() || self.document.is_unchanged_on_disk() {
            return timer_shows_change;
        }
        if !self.document.path.exists() {
            let save = self.keymap.first_label(crate::action::Action::Save);
            self.warn(format!(
                "{} was deleted or moved on disk. {save} writes it again.",
                self.file_name()
            ));
        } else if self.is_modified() || self.history.can_redo() {
            // Unsaved edits, or undone ones that could still be redone: never dropped
            // without a question.
            self.mode = Mode::Confirm(Confirm::Overwrite);
            self.warn(format!(
                "{} changed on disk while you have unsaved changes.",
                self.file_name()
            ));
        } else {
            self.reload(true);
        }
        true
    }

    pub fn journey(&self) -> &Journey {
        &self.document.journey
    }

    pub fn is_modified(&self) -> bool {
        self.history.is_modified()
    }

    pub fn file_name(&self) -> String {
        self.document
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.document.path.display().to_string())
    }

    pub fn selected_stage(&self) -> Option<&Stage> {
        self.journey().stage(self.selection.stage)
    }

    pub fn selected_moment(&self) -> Option<&Moment> {
        self.selected_stage()?.moments.get(self.selection.moment)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Info);
    }

    pub fn success(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Success);
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Warning);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Error);
    }

    fn set_status(&mut self, text: impl Into<String>, tone: Tone) {
        self.status = Status {
            text: text.into(),
            tone,
        };
    }

    /// Keeps the selection on an existing stage and moment after the map changed.
    pub fn clamp_selection(&mut self) {
        let stages = self.journey().stages().len();
        self.selection.stage = self.selection.stage.min(stages.saturating_sub(1));
        let moments = self.selected_stage().map_or(0, |s| s.moments.len());
        self.selection.moment = self.selection.moment.min(moments.saturating_sub(1));
    }

    pub fn select_moment(&mut self, id: Id) {
        if let Some(at) = self.journey().find_moment(id) {
            self.selection = Selection {
                stage: at.stage,
                moment: at.moment,
            };
        }
    }

    pub fn select_stage(&mut self, id: Id) {
        if let Some(stage) = self.journey().stage_index(id) {
            self.selection = Selection { stage, moment: 0 };
        }
    }

    /// Applies a change through the history, so it can be undone. Refused edits (which
    /// the keys never make) are reported rather than lost silently.
    pub fn change(&mut self, label: impl Into<String>, edits: Vec<Edit>) -> bool {
        let label = label.into();
        match self
            .history
            .apply(&mut self.document.journey, label.clone(), edits)
        {
            Ok(()) => true,
            Err(error) => {
                self.error(format!("Could not {label}: {error}."));
                false
            }
        }
    }

    /// Carries out an effect the update step asked for.
    pub fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::Save => self.save(false),
            Effect::SaveOverwriting => self.save(true),
            Effect::Reload => {
                self.quit_after_save = false;
                self.reload(false);
            }
            Effect::ReadOnly => {
                self.mode = Mode::Board;
                self.read_only = true;
                self.info(format!(
                    "Read-only view of {}: it follows their changes as they save.",
                    self.file_name()
                ));
            }
            Effect::EditAnyway => {
                self.mode = Mode::Board;
                self.warn(format!(
                    "Editing {} alongside another motmap: saving asks before overwriting their changes.",
                    self.file_name()
                ));
            }
            Effect::Quit => self.should_quit = true,
            Effect::RestoreRecovery => self.restore_recovery(),
            Effect::Export { format, overwrite } => self.export(format, overwrite),
            Effect::DiscardRecovery => self.discard_recovery(),
        }
    }

    /// Writes the map as it is on screen (unsaved changes too) beside its file.
    fn export(&mut self, format: crate::share::Format, overwrite: bool) {
        self.mode = Mode::Board;
        let path = crate::share::export_path(&self.document.path, format);
        let text = crate::share::export(self.journey(), format);
        match crate::store::write_file(&path, text.as_bytes(), overwrite) {
            Ok(()) => {
                let unsaved = if self.history.is_modified() {
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
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                self.mode = Mode::Confirm(Confirm::OverwriteExport(format));
                self.warn(format!("{} already exists.", path.display()));
            }
            Err(error) => self.error(format!(
                "Could not export to {}: {}. Nothing was written; the map is as it was.",
                path.display(),
                crate::store::io_reason(&error)
            )),
        }
    }

    fn save(&mut self, overwrite: bool) {
        let result = if overwrite {
            self.document.save_overwriting()
        } else {
            self.document.save()
        };
        let quitting = self.quit_after_save || self.mode == Mode::Confirm(Confirm::Quit);
        self.quit_after_save = false;
        match result {
            Ok(()) => {
                self.history.mark_saved();
                // Only the file these changes came from: other sessions' stay until decided.
                if let Some(path) = self.restored_from.take() {
                    let _ = std::fs::remove_file(path);
                }
                self.mode = Mode::Board;
                let moments = self.journey().moment_count();
                self.success(format!(
                    "Saved {} ({}).",
                    self.file_name(),
                    crate::text::plural(moments, "moment", "moments")
                ));
                if quitting {
                    self.should_quit = true;
                }
            }
            Err(SaveError::ChangedOnDisk { .. }) => {
                // Save and quit: the question comes first, the quitting after.
                self.quit_after_save = quitting;
                self.mode = Mode::Confirm(Confirm::Overwrite);
                self.warn(format!(
                    "{} changed on disk since you opened it.",
                    self.file_name()
                ));
            }
            Err(error) => {
                self.mode = Mode::Board;
                self.error(error.to_string());
            }
        }
    }

    /// Takes the version on disk, as an undoable change, so the user's version is one `u`
    /// away. The selection stays on the same card, found by its id. `noticed` is set when
    /// the change on disk was noticed rather than asked for.
    fn reload(&mut self, noticed: bool) {
        if !matches!(self.mode, Mode::Help { .. } | Mode::Present { .. }) {
            self.mode = Mode::Board;
        }
        let moment = self.selected_moment().map(|m| m.id);
        let stage = self.selected_stage().map(|s| s.id);
        match self.document.read_from_disk() {
            Ok(fresh) => {
                let edits = vec![Edit::ReplaceJourney {
                    journey: Box::new(fresh),
                }];
                if self.change("reload from disk", edits) {
                    self.history.mark_saved();
                    match (moment, stage) {
                        (Some(id), _) if self.journey().find_moment(id).is_some() => {
                            self.select_moment(id)
                        }
                        (_, Some(id)) if self.journey().stage_index(id).is_some() => {
                            let row = self.selection.moment;
                            self.select_stage(id);
                            self.selection.moment = row;
                        }
                        _ => {}
                    }
                    self.clamp_selection();
                    let name = self.file_name();
                    if self.read_only {
                        self.success(format!("{name} changed on disk: showing the new version."));
                    } else {
                        let undo = self.keymap.first_label(crate::action::Action::Undo);
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
            Err(error) => {
                let first_line = error.first_line();
                let save = self.keymap.first_label(crate::action::Action::Save);
                self.error(format!(
                    "The file on disk does not load now ({first_line}); your map here is unchanged, and {save} then o writes it back."
                ));
            }
        }
    }

    /// Asks about a recovery file left by a session that ended before saving: the newest
    /// one that holds something the map does not.
    fn offer_recovery(&mut self) {
        for path in store::recovery_files(&self.document.path) {
            match Document::load(path.clone()) {
                Ok(recovered) if recovered.journey == self.document.journey => {
                    // It holds nothing the map does not: nothing to offer.
                    let _ = std::fs::remove_file(&path);
                }
                Ok(_) => {
                    self.warn("Unsaved changes from an earlier session were found.");
                    self.mode = Mode::Confirm(Confirm::Restore(path));
                    return;
                }
                Err(error) => {
                    // Said, and the next one looked at: a broken copy hides no good one.
                    self.warn(format!(
                        "The recovery file {} does not load ({}); look at it or delete it.",
                        path.display(),
                        error.first_line()
                    ));
                }
            }
        }
    }

    /// The recovery file the question on screen is about.
    fn asked_recovery(&self) -> Option<PathBuf> {
        match &self.mode {
            Mode::Confirm(Confirm::Restore(path)) => Some(path.clone()),
            _ => None,
        }
    }

    fn restore_recovery(&mut self) {
        let Some(path) = self.asked_recovery() else {
            return;
        };
        self.mode = Mode::Board;
        match Document::load(path.clone()) {
            Ok(recovered) => {
                let edits = vec![Edit::ReplaceJourney {
                    journey: Box::new(recovered.journey),
                }];
                if self.change("restore unsaved changes", edits) {
                    self.restored_from = Some(path.clone());
                    self.clamp_selection();
                    let save = self.keymap.first_label(crate::action::Action::Save);
                    self.success(format!(
                        "Restored the unsaved changes from {}. {save} saves them.",
                        path.display()
                    ));
                }
            }
            Err(error) => self.error(error.to_string()),
        }
    }

    fn discard_recovery(&mut self) {
        let Some(path) = self.asked_recovery() else {
            return;
        };
        self.mode = Mode::Board;
        match std::fs::remove_file(&path) {
            Ok(()) => self.info(format!("Deleted the recovery file {}.", path.display())),
            Err(error) => self.error(format!(
                "Could not delete {}: {error}. Delete it by hand.",
                path.display()
            )),
        }
    }

    /// The map as it would be if the text being typed were confirmed now: what a hang-up
    /// or a crash must not lose either.
    fn journey_with_typing(&self) -> Journey {
        let mut journey = self.journey().clone();
        let edit = match &self.mode {
            Mode::EditText { target, input, .. } if !input.text().trim().is_empty() => {
                let text = input.text().trim().to_owned();
                match *target {
                    TextTarget::MomentTitle(id) => Edit::SetMomentText {
                        id,
                        field: MomentField::Title,
                        text,
                    },
                    TextTarget::StageName(id) => Edit::SetStageText {
                        id,
                        field: StageField::Name,
                        text,
                    },
                    TextTarget::StageDescription(id) => Edit::SetStageText {
                        id,
                        field: StageField::Description,
                        text,
                    },
                    TextTarget::JourneyDescription => Edit::SetJourneyText {
                        field: JourneyField::Description,
                        text,
                    },
                    TextTarget::Personas => Edit::SetPersonas {
                        personas: text.split(',').map(str::to_owned).collect(),
                    },
                    TextTarget::JourneyTitle => Edit::SetJourneyText {
                        field: JourneyField::Title,
                        text,
                    },
                }
            }
            Mode::Details {
                field,
                editing: Some(input),
            } => {
                let Some(moment) = self.selected_moment() else {
                    return journey;
                };
                match DetailField::ALL[*field].text_field() {
                    Some(field) => Edit::SetMomentText {
                        id: moment.id,
                        field,
                        text: input.text().to_owned(),
                    },
                    None if DetailField::ALL[*field] == DetailField::Tags => Edit::SetTags {
                        id: moment.id,
                        tags: input.text().split(',').map(str::to_owned).collect(),
                    },
                    None => return journey,
                }
            }
            _ => return journey,
        };
        let _ = journey.apply(edit);
        journey
    }

    /// Writes what is unsaved, text being typed included, to a recovery file beside the
    /// map, for a hang-up or a crash. Returns where it went, or `None` when nothing was
    /// unsaved. Never writes over another session's recovery file.
    pub fn write_recovery(&mut self) -> Option<std::io::Result<PathBuf>> {
        let journey = self.journey_with_typing();
        if !self.is_modified() && journey == *self.journey() {
            return None;
        }
        // Into the file written before, or the one restored from (whose changes these
        // include): an older copy is never left behind to be offered again.
        let own = self
            .recovery_written
            .clone()
            .or_else(|| self.restored_from.clone());
        let result = store::write_recovery(&self.document.path, &journey, own.as_deref());
        if let Ok(path) = &result {
            self.recovery_written = Some(path.clone());
        }
        Some(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_goes_round_the_views() {
        assert_eq!(Screen::Board.step(1), Screen::Curve);
        assert_eq!(Screen::Votes.step(1), Screen::Board);
        assert_eq!(Screen::Board.step(-1), Screen::Votes);
    }
}
