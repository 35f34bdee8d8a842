//! The session owns the map's file. It carries out the effects that touch files (save,
//! reload, restore or delete a recovery file, export), keeps the marker that tells other
//! editors the map is open, writes the recovery copy when motmap is stopped early, and
//! turns what it sees on disk into events. [`Editor`] puts the editor and its session
//! together: the one path every event takes, for the run loop and the tests alike.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::app::{App, Effect, Event, Opening, SessionEvent};
use crate::keymap::KeyMap;
use crate::model::Journey;
use crate::store::lock::{HEARTBEAT, Lock, LockError};
use crate::store::{self, Document, MapFile, SaveError};

/// The file behind an editor, and what this process knows of it.
pub struct Session {
    file: MapFile,
    /// The marker telling other editors this one has the map open.
    lock: Option<Lock>,
    lock_renewed: Instant,
    /// The recovery file this session restored from: deleted once the map is saved.
    restored_from: Option<PathBuf>,
    /// Where this session wrote its own recovery copy, so a second write replaces it
    /// rather than another session's.
    recovery_written: Option<PathBuf>,
}

impl Session {
    fn new(file: MapFile, now: Instant) -> Session {
        Session {
            file,
            lock: None,
            lock_renewed: now,
            restored_from: None,
            recovery_written: None,
        }
    }

    /// A session for editing `journey`: marks the map as open, or reports who else has
    /// it; then reports unsaved changes a session that ended early left in a recovery file.
    pub fn open(file: MapFile, journey: &Journey, now: Instant) -> (Session, Vec<SessionEvent>) {
        let mut session = Session::new(file, now);
        let mut events = Vec::new();
        match Lock::acquire(&session.file.path) {
            Ok(lock) => session.lock = Some(lock),
            Err(LockError::Held(holder)) => {
                events.push(SessionEvent::OpenElsewhere(holder));
                return (session, events);
            }
            Err(LockError::Io(error)) => events.push(SessionEvent::MarkerFailed {
                reason: store::io_reason(&error),
            }),
        }
        events.extend(session.look_for_recovery(journey));
        (session, events)
    }

    /// A session for reading only: no marker, no recovery; it follows the file.
    pub fn view(file: MapFile, now: Instant) -> Session {
        Session::new(file, now)
    }

    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// The newest recovery file that holds something the map does not, and any that do
    /// not load. One that holds nothing new is deleted.
    fn look_for_recovery(&self, journey: &Journey) -> Vec<SessionEvent> {
        let mut events = Vec::new();
        for path in store::recovery_files(&self.file.path) {
            match Document::load(path.clone()) {
                Ok(recovered) if recovered.journey == *journey => {
                    let _ = std::fs::remove_file(&path);
                }
                Ok(_) => {
                    events.push(SessionEvent::RecoveryFound(path));
                    break;
                }
                // Said, and the next one looked at: a broken copy hides no good one.
                Err(error) => events.push(SessionEvent::RecoveryBroken {
                    path,
                    reason: error.first_line(),
                }),
            }
        }
        events
    }

    /// Carries out `effect` on the file; `journey` is the map as the editor has it now.
    /// Returns what came of it. [`Effect::Exit`] is the run loop's, not the session's.
    pub fn perform(&mut self, effect: Effect, journey: &Journey) -> Vec<SessionEvent> {
        let event = match effect {
            Effect::Save {
                overwrite,
                then_quit,
            } => self.save(journey, overwrite, then_quit),
            Effect::Reload { noticed } => match self.file.read_from_disk() {
                Ok(fresh) => SessionEvent::Reloaded {
                    journey: Box::new(fresh),
                    noticed,
                },
                Err(error) => SessionEvent::ReloadFailed {
                    reason: error.first_line(),
                },
            },
            Effect::RestoreRecovery(path) => match Document::load(path.clone()) {
                Ok(recovered) => {
                    self.restored_from = Some(path.clone());
                    SessionEvent::Restored {
                        path,
                        journey: Box::new(recovered.journey),
                    }
                }
                Err(error) => SessionEvent::RestoreFailed {
                    reason: error.to_string(),
                },
            },
            Effect::DeleteRecovery(path) => match std::fs::remove_file(&path) {
                Ok(()) => SessionEvent::RecoveryDeleted(path),
                Err(error) => SessionEvent::RecoveryNotDeleted {
                    path,
                    reason: error.to_string(),
                },
            },
            Effect::FindExports(paths) => {
                SessionEvent::ExportsFound(paths.into_iter().filter(|p| p.exists()).collect())
            }
            Effect::Export {
                format,
                path,
                overwrite,
            } => export(journey, format, path, overwrite),
            Effect::WriteRecovery(unsaved) => match self.write_recovery(&unsaved) {
                Ok(path) => SessionEvent::RecoveryWritten(path),
                Err(error) => SessionEvent::RecoveryNotWritten {
                    reason: error.to_string(),
                },
            },
            Effect::Exit(_) => return Vec::new(),
        };
        vec![event]
    }

    fn save(&mut self, journey: &Journey, overwrite: bool, then_quit: bool) -> SessionEvent {
        let result = if overwrite {
            self.file.save_overwriting(journey)
        } else {
            self.file.save(journey)
        };
        match result {
            Ok(()) => {
                // Only the file these changes came from: other sessions' stay until decided.
                if let Some(path) = self.restored_from.take() {
                    let _ = std::fs::remove_file(path);
                }
                SessionEvent::Saved { then_quit }
            }
            Err(SaveError::ChangedOnDisk { .. }) => SessionEvent::SaveRefused { then_quit },
            Err(error) => SessionEvent::SaveFailed {
                reason: error.to_string(),
            },
        }
    }

    /// Looks at the disk, about twice a second: renews the marker when it is due, and
    /// notices when the file changed or went.
    pub fn poll(&mut self, now: Instant) -> Vec<SessionEvent> {
        let mut events = Vec::new();
        if let Some(lock) = &mut self.lock
            && now.saturating_duration_since(self.lock_renewed) >= HEARTBEAT
        {
            self.lock_renewed = now;
            if let Ok(Some(other)) = lock.refresh() {
                // This editor was taken for gone (a laptop asleep, say) and another took
                // the map: let go of a marker that is no longer ours.
                self.lock = None;
                events.push(SessionEvent::TakenOver(other));
            }
        }
        if self.file.disk_stamp_moved() && !self.file.is_unchanged_on_disk() {
            events.push(if self.file.path.exists() {
                SessionEvent::ChangedOnDisk
            } else {
                SessionEvent::DeletedOnDisk
            });
        }
        events
    }

    /// Writes `unsaved` to a recovery file beside the map and returns where: into the file
    /// written before, or the one restored from (whose changes these include), so an older
    /// copy is never left behind to be offered again; never over another session's.
    pub fn write_recovery(&mut self, unsaved: &Journey) -> io::Result<PathBuf> {
        let own = self
            .recovery_written
            .clone()
            .or_else(|| self.restored_from.clone());
        let path = store::write_recovery(&self.file.path, unsaved, own.as_deref())?;
        self.recovery_written = Some(path.clone());
        Ok(path)
    }

    /// Lets go of the marker: on quitting, or when motmap is stopped.
    pub fn release(&mut self) {
        self.lock = None;
    }
}

/// Writes `journey` in `format` to `path`, a whole file or nothing.
fn export(
    journey: &Journey,
    format: crate::share::Format,
    path: PathBuf,
    overwrite: bool,
) -> SessionEvent {
    let text = crate::share::export(journey, format);
    match store::write_file(&path, text.as_bytes(), overwrite) {
        Ok(()) => SessionEvent::Exported { format, path },
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            SessionEvent::ExportExists { format, path }
        }
        Err(error) => SessionEvent::ExportFailed {
            path,
            reason: store::io_reason(&error),
        },
    }
}

/// The process should stop: with this exit status, and this note on what became of the
/// unsaved changes (a clause for a message: "; your unsaved changes are in …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    pub code: i32,
    pub note: String,
}

/// An editor on a file: the editor's state and the session that owns the file, and the
/// path events take between them. Every event goes through [`Editor::handle`]: the update
/// step changes the state and asks for effects, the session carries them out, and what
/// came of them goes back in as events, until nothing is left to do.
pub struct Editor {
    pub app: App,
    pub session: Session,
}

impl Editor {
    /// An editor for changing the map in `document`, with the user's keys.
    pub fn open(document: Document, keymap: KeyMap, opening: Opening, now: Instant) -> Editor {
        let Document { journey, file } = document;
        let app = App::new(journey, file.path.clone(), now).with_keymap(keymap);
        let (session, events) = Session::open(file, app.journey(), now);
        let mut editor = Editor { app, session };
        for event in events {
            editor.handle(Event::Session(event), now);
        }
        editor.handle(Event::Opened(opening), now);
        editor
    }

    /// An editor that only reads the map in `document` and follows its changes on disk.
    pub fn view(document: Document, keymap: KeyMap, opening: Opening, now: Instant) -> Editor {
        let Document { journey, file } = document;
        let app = App::new(journey, file.path.clone(), now)
            .with_keymap(keymap)
            .read_only();
        let session = Session::view(file, now);
        let mut editor = Editor { app, session };
        editor.handle(Event::Opened(opening), now);
        editor
    }

    /// Takes `event` through the editor and carries out every effect it leads to. Returns
    /// how to stop, when an effect says the process must.
    pub fn handle(&mut self, event: Event, now: Instant) -> Option<Exit> {
        // The wall-clock time for the comments made in the editor, which reads no clock.
        self.app.set_utc_seconds(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        );
        let mut queue = VecDeque::from([event]);
        let mut note = String::new();
        while let Some(event) = queue.pop_front() {
            for effect in self.app.handle(event, now) {
                if let Effect::Exit(code) = effect {
                    return Some(Exit { code, note });
                }
                for outcome in self.session.perform(effect, self.app.journey()) {
                    note = recovery_note(&outcome).unwrap_or(note);
                    queue.push_back(Event::Session(outcome));
                }
            }
        }
        None
    }

    /// What happens while no key is pressed: the session looks at the disk and a running
    /// countdown ticks. Returns whether anything happened (and so the screen may change).
    pub fn poll(&mut self, now: Instant) -> bool {
        let mut events: Vec<Event> = self
            .session
            .poll(now)
            .into_iter()
            .map(Event::Session)
            .collect();
        if self.app.clock_shows(now) {
            events.push(Event::Tick);
        }
        let happened = !events.is_empty();
        for event in events {
            self.handle(event, now);
        }
        happened
    }

    /// After a crash or a failed terminal: what is unsaved goes to a recovery file, as a
    /// clause for the message saying so.
    pub fn save_for_recovery(&mut self) -> String {
        match self.app.unsaved_journey() {
            None => String::new(),
            Some(unsaved) => {
                let outcome = match self.session.write_recovery(&unsaved) {
                    Ok(path) => SessionEvent::RecoveryWritten(path),
                    Err(error) => SessionEvent::RecoveryNotWritten {
                        reason: error.to_string(),
                    },
                };
                recovery_note(&outcome).unwrap_or_default()
            }
        }
    }
}

/// What a recovery write means for the message printed on the way out.
fn recovery_note(outcome: &SessionEvent) -> Option<String> {
    match outcome {
        SessionEvent::RecoveryWritten(path) => Some(format!(
            "; your unsaved changes are in {}, and opening the map again offers to restore them",
            path.display()
        )),
        SessionEvent::RecoveryNotWritten { reason } => Some(format!(
            "; your unsaved changes could not be saved for recovery: {reason}"
        )),
        _ => None,
    }
}
