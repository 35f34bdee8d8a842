//! What reaches the editor (events) and what it asks for in return (effects). Every event
//! goes through [`crate::app::App::handle`]; every effect carries the data it needs, so
//! whoever carries it out reads nothing back from the editor's state.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crossterm::event::KeyEvent;

use super::DetailField;
use crate::model::{Id, Journey};
use crate::share::Format;
use crate::store::presence::Presence;

/// Something that happened: the editor opened, a key, a paste, a resize, time passing, a
/// signal, or what the session saw or did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The editor is on screen for the first time, in these circumstances.
    Opened(Opening),
    Key(KeyEvent),
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    /// Time passed: a running countdown shows it.
    Tick,
    /// The process was asked to stop (a hang-up, SIGTERM, SIGINT, SIGQUIT).
    Signal(i32),
    Session(SessionEvent),
    /// The user's own editor, asked for with [`Effect::EditExternally`], is done.
    EditedExternally {
        moment: Id,
        field: DetailField,
        outcome: EditorOutcome,
    },
}

/// A text of the map to write in the user's own editor, and where it goes back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalEdit {
    /// The moment whose field it is.
    pub moment: Id,
    /// The field the text comes from and goes back to.
    pub field: DetailField,
    /// The field's text as it is now, as it is typed (tags joined with commas).
    pub text: String,
    /// The moment's title, for the file's name.
    pub title: String,
}

/// What came of running the user's own editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorOutcome {
    /// The file as the editor left it.
    Wrote(String),
    /// Neither `$VISUAL` nor `$EDITOR` is set.
    NoEditor,
    /// The editor (its command as set) could not be run, or its file written or read.
    Failed { editor: String, reason: String },
    /// The editor exited with a status other than success (`None`: killed by a signal).
    ExitStatus { editor: String, code: Option<i32> },
}

/// What there is to say about a map just opened, besides what the session finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opening {
    /// The user's own map in the data directory, opened for want of a file name.
    pub own_map: bool,
    /// A file that does not exist yet: it is written on the first save.
    pub new_file: bool,
    /// What is wrong with the settings file, whose defaults are in use instead.
    pub settings_problem: Option<String>,
}

/// What the session that owns the file saw or did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionEvent {
    /// The other editors on the map now (on opening, and whenever that changes).
    Peers(Vec<Presence>),
    /// On opening: the file that tells other editors this one is here could not be written.
    MarkerFailed {
        reason: String,
    },
    /// On opening a map to review: comments and votes cannot be saved, for this reason.
    CannotWrite {
        reason: String,
    },
    /// On opening: a session that ended early left unsaved changes here.
    RecoveryFound(PathBuf),
    /// On opening: a recovery file that does not load.
    RecoveryBroken {
        path: PathBuf,
        reason: String,
    },
    /// Someone saved the map: what they changed, merged into this editor's map.
    MergedIn(Box<Incoming>),
    /// The file changed on disk and does not load now; the map here is as it was.
    DiskUnreadable {
        reason: String,
    },
    /// The file is gone from disk.
    DeletedOnDisk,
    /// The map was written, with what others had saved since merged in first.
    Saved {
        then_quit: bool,
        incoming: Option<Box<Incoming>>,
    },
    SaveFailed {
        reason: String,
    },
    /// A recovery file was read, to be restored.
    Restored {
        path: PathBuf,
        journey: Box<Journey>,
    },
    RestoreFailed {
        reason: String,
    },
    RecoveryDeleted(PathBuf),
    RecoveryNotDeleted {
        path: PathBuf,
        reason: String,
    },
    /// Which of the export menu's files exist already.
    ExportsFound(Vec<PathBuf>),
    Exported {
        format: Format,
        path: PathBuf,
    },
    ExportExists {
        format: Format,
        path: PathBuf,
    },
    ExportFailed {
        path: PathBuf,
        reason: String,
    },
    /// What is unsaved was kept in this recovery file.
    RecoveryWritten(PathBuf),
    RecoveryNotWritten {
        reason: String,
    },
    /// The map asked for with `:e` could not be opened, for this reason (which names
    /// it); this one stays.
    OpenFailed {
        reason: String,
    },
}

/// What others saved, merged into this editor's map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// The map with their changes and this editor's own, saved or not.
    pub journey: Journey,
    /// This editor's new stages and moments that were given other ids, because theirs
    /// used the same.
    pub renumbered: HashMap<Id, Id>,
    /// The stages and moments they added since this editor's base.
    pub theirs_new: HashSet<Id>,
    /// What they changed, in a few words (see [`crate::diff::summary`]).
    pub news: String,
    /// Who saved it, when their editor said so.
    pub from: Option<String>,
    /// The fields changed both ways: theirs is kept beside ours.
    pub conflicts: Vec<String>,
}

/// Work the update step asks for because it touches files or the process. The ones that
/// write the map take it from the editor as it is when they are carried out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write the map, with what others saved meanwhile merged in; quit once it is
    /// written if `then_quit`.
    Save {
        then_quit: bool,
    },
    RestoreRecovery(PathBuf),
    DeleteRecovery(PathBuf),
    /// Look which of these files exist, for the export menu.
    FindExports(Vec<PathBuf>),
    /// Write the map, as it is in the editor, in `format` to `path`.
    Export {
        format: Format,
        path: PathBuf,
        overwrite: bool,
    },
    /// Tell the other editors this one edits now, rather than only reads.
    StartEditing,
    /// Open the map at this path in this editor's place (`:e`), dropping what is unsaved
    /// here (the editor asked first, or was told to drop it).
    Open(PathBuf),
    /// Keep what is unsaved in a recovery file beside the map.
    WriteRecovery(Box<Journey>),
    /// Ring the terminal's bell (a countdown ran out and the settings ask for it).
    Bell,
    /// Hand the terminal over to the user's own editor on this text, and report back with
    /// [`Event::EditedExternally`].
    EditExternally(ExternalEdit),
    /// Stop the process with this exit status, once the effects before it are done.
    Exit(i32),
}
