//! The editor's state: the map and its history, the selection, what is being typed or
//! asked, the status line, the views and their scroll, the countdown, and the time of the
//! last event. It changes in one place, [`App::handle`] (the update step), from events;
//! what the update cannot do itself (save, reload, export, quit) it returns as effects
//! carrying their data, for the session and the run loop to carry out.

mod event;
mod mode;
mod question;
mod repeat;
mod unsaved;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use event::{EditorOutcome, Effect, Event, ExternalEdit, Incoming, Opening, SessionEvent};
pub use mode::{
    CommandLine, Confirm, DetailField, DetailRow, ExportChoice, Mode, TextTarget, export_format,
};
pub use question::{Answer, Question};
pub use repeat::{Change, Clipboard, Repeat};

use crate::history::History;
use crate::input::TextInput;
use crate::keymap::{Context, Key, KeyMap};
use crate::layout::Density;
use crate::model::{Comment, CommentTarget, Edit, Id, Journey, Moment, Stage};
use crate::status::{Status, Tone};
use crate::store::presence::Presence;
use crate::workshop::{Filter, Presenting, Timer};

/// Who comments are signed by when nobody said.
pub const DEFAULT_AUTHOR: &str = "someone";

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

/// What the last search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
}

/// The terminal's size, as the last resize said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

/// How far each list on screen is scrolled. Kept here and moved by the update step so the
/// selection stays in view; the views draw from it and never change it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The leftmost stage column on the board.
    pub first_stage: usize,
    /// The topmost card of each stage's column, by stage id.
    pub first_moment: HashMap<Id, usize>,
    /// The first row of the votes list.
    pub first_vote: usize,
}

/// Keys typed so far that are not yet a whole binding: a count (`3`) and the start of a
/// sequence (`g`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pending {
    pub count: Option<u32>,
    pub keys: Vec<Key>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.count.is_none() && self.keys.is_empty()
    }

    /// How the status line shows it: `3`, `g`, `3gg`.
    pub fn label(&self) -> String {
        let count = self.count.map(|n| n.to_string()).unwrap_or_default();
        count + &crate::keymap::sequence_label(&self.keys)
    }
}

/// The editor.
pub struct App {
    journey: Journey,
    history: History,
    /// The map's file, for messages; the session reads and writes it.
    path: PathBuf,
    pub(crate) read_only: bool,
    keymap: KeyMap,
    pub(crate) selection: Selection,
    pub(crate) screen: Screen,
    pub(crate) mode: Mode,
    pub(crate) status: Status,
    pub(crate) pending: Pending,
    pub(crate) search: Option<Search>,
    pub(crate) filter: Option<Filter>,
    /// The board hides the moments the filter leaves out, rather than dimming them.
    pub(crate) hide_unmatched: bool,
    /// How much each card on the board shows.
    pub(crate) density: Density,
    pub(crate) timer: Option<Timer>,
    /// The length the next countdown starts with.
    pub(crate) timer_length: Duration,
    /// Ring the terminal's bell when a countdown runs out (the `bell` setting).
    pub bell: bool,
    /// The presentation's slide and text size, kept from one presentation to the next.
    pub(crate) presenting: Presenting,
    /// The highlighted row of the votes list, and the moment on it.
    pub(crate) votes_row: usize,
    pub(crate) votes_pick: Option<Id>,
    /// The highlighted row of the summary's deepest pains, once `↓` went past the stages.
    pub(crate) pains_row: Option<usize>,
    pub(crate) scroll: Scroll,
    pub(crate) size: Size,
    /// When the last event happened: the update step's and the view's clock.
    pub(crate) now: Instant,
    /// Who the comments made here are signed by.
    author: String,
    /// The wall-clock time, in seconds since 1970 (UTC), as it was last given: when the
    /// comments made here were made.
    utc_seconds: u64,
    /// What the session saw on disk while something was being typed: dealt with once the
    /// typing is over.
    pub(crate) disk_news_waiting: Option<SessionEvent>,
    pub(crate) should_quit: bool,
    /// The other editors on the map: while there are any, changes are saved and merged
    /// by themselves.
    pub(crate) peers: Vec<Presence>,
    /// Save by itself even alone (the `autosave` setting).
    pub(crate) save_always: bool,
    /// Why this editor cannot save, when it was told on opening (a reviewer's read-only
    /// file).
    pub(crate) cannot_write: Option<String>,
    /// When the map last changed here, and when the oldest unsaved change was made: a
    /// save by itself waits for a pause in the changes, but not for ever.
    changed_at: Option<Instant>,
    unsaved_since: Option<Instant>,
    /// The save under way was started by the editor itself, not asked for.
    pub(crate) saving_by_itself: bool,
    /// The revision a save by itself failed at: not tried again until the map changes, so
    /// a full disk is said once, not five times a second.
    pub(crate) failed_at: Option<u64>,
    /// How many dots each person has in a voting round (the `dots` setting).
    pub(crate) dots: Option<u32>,
    /// The voting round under way: votes are hidden here until it ends, and this
    /// editor's dots are counted.
    pub(crate) round: Option<VotingRound>,
    /// The moments yanked or deleted last, for a put.
    pub(crate) clipboard: Option<Clipboard>,
    /// The last change `.` can make again; `None` once another kind of change was made.
    pub(crate) repeat: Option<Repeat>,
    /// The commands typed on the command line, oldest first, kept for the session.
    pub(crate) command_history: Vec<String>,
}

/// A voting round: how many of this person's dots are left (`None`: no limit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VotingRound {
    pub left: Option<u32>,
}

/// How long a save by itself waits after the last change, and at most after the first.
pub const SAVE_AFTER_PAUSE: Duration = Duration::from_millis(200);
pub const SAVE_AT_LATEST: Duration = Duration::from_secs(1);

impl App {
    /// An editor on `journey`, which lives in the file at `path`, opened at `now`.
    pub fn new(journey: Journey, path: impl Into<PathBuf>, now: Instant) -> App {
        let mut app = App {
            journey,
            history: History::default(),
            path: path.into(),
            read_only: false,
            keymap: KeyMap::default(),
            selection: Selection::default(),
            screen: Screen::Board,
            mode: Mode::Board,
            status: Status {
                text: String::new(),
                tone: Tone::Info,
            },
            pending: Pending::default(),
            search: None,
            filter: None,
            hide_unmatched: false,
            density: Density::default(),
            timer: None,
            timer_length: Duration::from_secs(5 * 60),
            bell: false,
            presenting: Presenting::default(),
            votes_row: 0,
            votes_pick: None,
            pains_row: None,
            scroll: Scroll::default(),
            size: Size {
                width: 80,
                height: 24,
            },
            now,
            author: DEFAULT_AUTHOR.to_owned(),
            utc_seconds: 0,
            disk_news_waiting: None,
            should_quit: false,
            peers: Vec::new(),
            save_always: false,
            cannot_write: None,
            changed_at: None,
            unsaved_since: None,
            saving_by_itself: false,
            failed_at: None,
            dots: None,
            round: None,
            clipboard: None,
            repeat: None,
            command_history: Vec::new(),
        };
        app.say_opened();
        app
    }

    /// An editor on another map, opened in this one's place (`:e`): it keeps the keys,
    /// the author, the settings, the terminal's size, whether it only reads, the
    /// countdown, the cards' density, the command history, the clipboard and the change
    /// `.` repeats.
    pub fn open_next(&self, journey: Journey, path: impl Into<PathBuf>, now: Instant) -> App {
        App {
            read_only: self.read_only,
            keymap: self.keymap.clone(),
            author: self.author.clone(),
            timer: self.timer.clone(),
            timer_length: self.timer_length,
            density: self.density,
            bell: self.bell,
            save_always: self.save_always,
            dots: self.dots,
            size: self.size,
            clipboard: self.clipboard.clone(),
            repeat: self.repeat,
            command_history: self.command_history.clone(),
            ..App::new(journey, path, now)
        }
    }

    /// The same editor with the keys from the settings.
    pub fn with_keymap(mut self, keymap: KeyMap) -> App {
        self.keymap = keymap;
        self.say_opened();
        self
    }

    /// The same editor signing its comments with `author` (when it says anything).
    pub fn with_author(mut self, author: String) -> App {
        let author = crate::model::clean_line(&author).trim().to_owned();
        if !author.is_empty() {
            self.author = author;
        }
        self
    }

    /// Gives the wall-clock time, in seconds since 1970 (UTC), that comments made from now
    /// on carry. The editor reads no clock: whoever runs it says the time.
    pub fn set_utc_seconds(&mut self, seconds: u64) {
        self.utc_seconds = seconds;
    }

    /// Who the comments made here are signed by.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// The wall-clock time as a comment carries it: `2026-12-04T05:12:00Z`.
    pub fn utc_now(&self) -> String {
        crate::utc::iso8601(self.utc_seconds)
    }

    /// What a comment is on, in words for the status line: “Checkout”, stage “Buy”, the
    /// journey; `None` when it is no longer there.
    pub fn comment_place(&self, on: CommentTarget) -> Option<String> {
        let journey = self.journey();
        match on {
            CommentTarget::Journey => Some("the journey".into()),
            CommentTarget::Stage(id) => journey
                .stage_index(id)
                .map(|i| format!("stage {}", crate::text::quoted(&journey.stages()[i].name))),
            CommentTarget::Moment(id) => journey.moment(id).map(|m| crate::text::quoted(&m.title)),
        }
    }

    /// A comment saying `text`, signed by this editor's author, made now.
    pub(crate) fn comment_with(&self, text: &str) -> Comment {
        Comment::new(self.author.clone(), self.utc_now(), text.trim())
    }

    /// The same editor for reading only: every key that would change the map is refused,
    /// but for a reviewer's comments and votes.
    pub fn read_only(mut self) -> App {
        self.read_only = true;
        self
    }

    fn say_opened(&mut self) {
        let help = self.keymap.board_key(crate::action::Action::Help);
        self.info(format!(
            "Opened {}. Press {help} to see every key.",
            self.file_name()
        ));
    }

    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    pub fn keymap(&self) -> &KeyMap {
        &self.keymap
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn filter(&self) -> Option<&Filter> {
        self.filter.as_ref()
    }

    pub fn density(&self) -> Density {
        self.density
    }

    /// The filter, while the board hides what it leaves out.
    pub fn hiding(&self) -> Option<&Filter> {
        self.filter.as_ref().filter(|_| self.hide_unmatched)
    }

    /// Whether the board hides what the filter leaves out (rather than dimming it).
    pub fn hides_unmatched(&self) -> bool {
        self.hide_unmatched
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    pub fn timer(&self) -> Option<&Timer> {
        self.timer.as_ref()
    }

    /// What the presentation shows, while presenting (a countdown's length may be
    /// typed over it).
    pub fn presenting(&self) -> Option<Presenting> {
        match self.mode {
            Mode::Present
            | Mode::TimerLength {
                presenting: true, ..
            } => Some(self.presenting),
            _ => None,
        }
    }

    /// The length the next countdown starts with, unless another is typed.
    pub fn timer_length(&self) -> Duration {
        self.timer_length
    }

    pub fn pending(&self) -> &Pending {
        &self.pending
    }

    pub fn scroll(&self) -> &Scroll {
        &self.scroll
    }

    /// The same editor with `dots` dot votes a person in a voting round (the setting).
    pub fn with_dots(mut self, dots: Option<u32>) -> App {
        self.dots = dots.filter(|n| *n > 0);
        self
    }

    /// The voting round under way, if one is: votes are hidden until it ends.
    pub fn round(&self) -> Option<VotingRound> {
        self.round
    }

    /// The highlighted row of the summary's deepest pains, if one is.
    pub fn pains_row(&self) -> Option<usize> {
        self.pains_row
    }

    pub fn votes_row(&self) -> usize {
        self.votes_row
    }

    /// When the last event happened.
    pub fn now(&self) -> Instant {
        self.now
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    pub fn is_modified(&self) -> bool {
        self.history.is_modified()
    }

    /// A number that changes with every change, undo and redo: what a recovery copy holds.
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// The other editors on the map.
    pub fn peers(&self) -> &[Presence] {
        &self.peers
    }

    /// Whether another editor has the map open, so changes are saved and merged by
    /// themselves.
    pub fn is_live(&self) -> bool {
        !self.peers.is_empty()
    }

    /// Whether news from disk can be taken in now: not while something is typed, whose
    /// card might go, nor while a question is open.
    pub fn takes_disk_news(&self) -> bool {
        matches!(self.mode, Mode::Board | Mode::Help { .. } | Mode::Present)
    }

    /// Whether the map should be saved by itself now: it has unsaved changes, it is shared
    /// (or the settings say always, or a reviewer added comments or votes), the changes
    /// paused, and nothing is being typed.
    pub fn save_due(&self, now: Instant) -> bool {
        let wanted = self.is_live() || self.save_always || self.read_only;
        let paused = self
            .changed_at
            .is_some_and(|at| now.saturating_duration_since(at) >= SAVE_AFTER_PAUSE);
        let overdue = self
            .unsaved_since
            .is_some_and(|at| now.saturating_duration_since(at) >= SAVE_AT_LATEST);
        wanted
            && self.cannot_write.is_none()
            && self.failed_at != Some(self.revision())
            && self.is_modified()
            && (paused || overdue)
            && self.takes_disk_news()
    }

    /// Whether undone changes could still be redone.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    pub fn selected_stage(&self) -> Option<&Stage> {
        self.journey.stage(self.selection.stage)
    }

    pub fn selected_moment(&self) -> Option<&Moment> {
        self.selected_stage()?.moments.get(self.selection.moment)
    }

    /// Where a new stage is being named: its place among the stages.
    pub fn new_stage_at(&self) -> Option<usize> {
        match &self.mode {
            Mode::EditText {
                target: TextTarget::NewStage { index },
                ..
            } => Some((*index).min(self.journey.stages().len())),
            _ => None,
        }
    }

    /// Where a new card's title is being typed: its stage's index and its place there.
    pub fn new_moment_at(&self) -> Option<(usize, usize)> {
        match &self.mode {
            Mode::EditText {
                target: TextTarget::NewMoment { stage, index },
                ..
            } => {
                let at = self.journey.stage_index(*stage)?;
                Some((at, (*index).min(self.journey.stages()[at].moments.len())))
            }
            _ => None,
        }
    }

    /// The key table of the view on screen: the board's or a view's.
    pub fn screen_context(&self) -> Context {
        match self.screen {
            Screen::Board => Context::Board,
            Screen::Curve => Context::Curve,
            Screen::Summary => Context::Summary,
            Screen::Votes => Context::Votes,
        }
    }

    /// The key table the next key is looked up in.
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Board => self.screen_context(),
            Mode::Command(_) => Context::CommandLine,
            Mode::EditText { .. }
            | Mode::Search { .. }
            | Mode::FilterText { .. }
            | Mode::TimerLength { .. }
            | Mode::Details {
                editing: Some(_), ..
            } => Context::Typing,
            Mode::Details { editing: None, .. } => Context::Details,
            Mode::Comments { .. } => Context::Comments,
            Mode::PickKind { .. } => Context::KindMenu,
            Mode::PickFilter => Context::FilterMenu,
            Mode::PickExport { .. } => Context::ExportMenu,
            Mode::Present => Context::Presentation,
            Mode::Help { .. } => Context::Help,
            Mode::Confirm(question) => match question {
                Confirm::DeleteStage(_) => Context::AskDeleteStage,
                Confirm::Quit => Context::AskQuit,
                Confirm::Restore(_) => Context::AskRestore,
                Confirm::OverwriteExport { .. } => Context::AskOverwriteExport,
                Confirm::PasteLines { .. } => Context::AskPasteLines,
            },
        }
    }

    /// The field being typed into, wherever it is.
    pub fn input(&self) -> Option<&TextInput> {
        match &self.mode {
            Mode::Command(CommandLine { input, .. })
            | Mode::EditText { input, .. }
            | Mode::Search { input }
            | Mode::FilterText { input }
            | Mode::TimerLength { input, .. }
            | Mode::Details {
                editing: Some(input),
                ..
            } => Some(input),
            _ => None,
        }
    }

    pub(crate) fn input_mut(&mut self) -> Option<&mut TextInput> {
        match &mut self.mode {
            Mode::Command(CommandLine { input, .. })
            | Mode::EditText { input, .. }
            | Mode::Search { input }
            | Mode::FilterText { input }
            | Mode::TimerLength { input, .. }
            | Mode::Details {
                editing: Some(input),
                ..
            } => Some(input),
            _ => None,
        }
    }

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Info);
    }

    pub(crate) fn success(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Success);
    }

    pub(crate) fn warn(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Warning);
    }

    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.set_status(text, Tone::Error);
    }

    fn set_status(&mut self, text: impl Into<String>, tone: Tone) {
        self.status = Status {
            text: text.into(),
            tone,
        };
    }

    /// Keeps the selection on an existing stage and moment after the map changed.
    pub(crate) fn clamp_selection(&mut self) {
        let stages = self.journey.stages().len();
        self.selection.stage = self.selection.stage.min(stages.saturating_sub(1));
        let moments = self.selected_stage().map_or(0, |s| s.moments.len());
        self.selection.moment = self.selection.moment.min(moments.saturating_sub(1));
    }

    pub(crate) fn select_moment(&mut self, id: Id) {
        if let Some(at) = self.journey.find_moment(id) {
            self.selection = Selection {
                stage: at.stage,
                moment: at.moment,
            };
        }
    }

    pub(crate) fn select_stage(&mut self, id: Id) {
        if let Some(stage) = self.journey.stage_index(id) {
            self.selection = Selection { stage, moment: 0 };
        }
    }

    /// Applies a change through the history, so it can be undone. Every change to the map
    /// goes through here. Refused edits (which the keys never make) are reported rather
    /// than lost silently. What `.` repeats is forgotten: the change that can be repeated
    /// says so once it is made.
    pub(crate) fn change(&mut self, label: impl Into<String>, edits: Vec<Edit>) -> bool {
        let label = label.into();
        self.repeat = None;
        match self.history.apply(&mut self.journey, label.clone(), edits) {
            Ok(()) => {
                self.changed();
                true
            }
            Err(error) => {
                self.error(format!("Could not {label}: {error}."));
                false
            }
        }
    }

    /// Undoes the newest change; its label and edits, or `None` when there is none.
    pub(crate) fn undo_change(
        &mut self,
    ) -> Result<Option<crate::history::Replayed>, crate::history::Clash> {
        let step = self.history.undo(&mut self.journey);
        if matches!(step, Ok(Some(_))) {
            self.changed();
        }
        step
    }

    /// Redoes the newest undone change.
    pub(crate) fn redo_change(
        &mut self,
    ) -> Result<Option<crate::history::Replayed>, crate::history::Clash> {
        let step = self.history.redo(&mut self.journey);
        if matches!(step, Ok(Some(_))) {
            self.changed();
        }
        step
    }

    fn changed(&mut self) {
        self.changed_at = Some(self.now);
        self.unsaved_since.get_or_insert(self.now);
    }

    /// Takes in a map merged with what others saved. Not a change of this editor's: undo
    /// never takes it back. This editor's own changes keep their place in the history,
    /// under the ids the merge gave them.
    pub(crate) fn take_merged(
        &mut self,
        mut journey: Journey,
        renumbered: &HashMap<Id, Id>,
        theirs_new: &std::collections::HashSet<Id>,
    ) {
        let mine = crate::merge::ids(&self.journey);
        self.history
            .follow_merge(&mut journey, &mine, renumbered, theirs_new);
        self.journey = journey;
    }

    /// Remembers that the map as it is now is what is on disk.
    pub(crate) fn mark_saved(&mut self) {
        self.history.mark_saved();
        self.unsaved_since = None;
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
