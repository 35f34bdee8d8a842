//! The session owns the map's file. It carries out the effects that touch files (save,
//! reload, restore or delete a recovery file, export), keeps the marker that tells other
//! editors the map is open, writes the recovery copy when motmap is stopped early, and
//! turns what it sees on disk into events. [`Editor`] puts the editor and its session
//! together: the one path every event takes, for the run loop and the tests alike.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app::{App, Effect, Event, ExternalEdit, Incoming, Opening, SessionEvent};
use crate::diff;
use crate::keymap::KeyMap;
use crate::merge;
use crate::model::Journey;
use crate::store::presence::{self, Here, Presence};
use crate::store::{self, Document, Durable, Fingerprint, LoadError, MapFile};

/// How often the session looks at the disk and the other editors while it is alone, and
/// while others have the map open: often enough that everyone sees everyone's work within
/// a second.
const LOOK_ALONE: Duration = Duration::from_millis(500);
const LOOK_LIVE: Duration = Duration::from_millis(150);

/// The file behind an editor, and what this process knows of it.
pub struct Session {
    file: MapFile,
    /// The map as this editor last loaded, saved or took in from disk: what it and the
    /// file agreed on, and so the base of every merge.
    base: Journey,
    /// This editor's presence file, telling others it has the map open.
    here: Option<Here>,
    /// The other editors on the map, as last seen.
    peers: Vec<Presence>,
    looked: Option<Instant>,
    /// The recovery file this session restored from: deleted once the map is saved.
    restored_from: Option<PathBuf>,
    /// Where this session keeps its own recovery copy, so a second write replaces it
    /// rather than another session's.
    recovery_written: Option<PathBuf>,
    /// The editor's revision the recovery copy holds.
    recovered: Option<u64>,
}

impl Session {
    fn new(file: MapFile, base: Journey) -> Session {
        Session {
            file,
            base,
            here: None,
            peers: Vec::new(),
            looked: None,
            restored_from: None,
            recovery_written: None,
            recovered: None,
        }
    }

    /// A session for editing `journey`, as `name`: tells other editors it is here and
    /// reports those already here; then reports unsaved changes a session that ended
    /// early left in a recovery file.
    pub fn open(
        file: MapFile,
        journey: &Journey,
        name: &str,
        now: Instant,
    ) -> (Session, Vec<SessionEvent>) {
        let mut session = Session::new(file, journey.clone());
        let mut events = session.join(name, true, now);
        events.extend(session.look_for_recovery(journey));
        (session, events)
    }

    /// A session for a reviewer, who reads the map and follows its changes, and may add
    /// comments and votes, which are merged into the file like anyone's changes.
    pub fn view(
        file: MapFile,
        journey: &Journey,
        name: &str,
        now: Instant,
    ) -> (Session, Vec<SessionEvent>) {
        let mut session = Session::new(file, journey.clone());
        let mut events = session.join(name, false, now);
        if let Err(reason) = store::can_write(&session.file.path) {
            events.push(SessionEvent::CannotWrite { reason });
        }
        (session, events)
    }

    fn join(&mut self, name: &str, editing: bool, now: Instant) -> Vec<SessionEvent> {
        let mut events = Vec::new();
        match Here::join(&self.file.path, name, editing, now) {
            Ok(here) => self.here = Some(here),
            Err(error) => events.push(SessionEvent::MarkerFailed {
                reason: store::io_reason(&error),
            }),
        }
        self.peers = presence::others(&self.file.path, self.here.as_ref().map(Here::path));
        if !self.peers.is_empty() {
            events.push(SessionEvent::Peers(self.peers.clone()));
        }
        events
    }

    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// Whether another editor has the map open.
    pub fn is_shared(&self) -> bool {
        !self.peers.is_empty()
    }

    /// How long the editor may wait for a key before the session should look again.
    pub fn look_every(&self) -> Duration {
        if self.is_shared() {
            LOOK_LIVE
        } else {
            LOOK_ALONE
        }
    }

    /// The newest recovery file that holds something the map does not, and any that do
    /// not load. One that holds nothing new is deleted. Those of editors still running
    /// are theirs, and left alone.
    fn look_for_recovery(&self, journey: &Journey) -> Vec<SessionEvent> {
        let theirs: Vec<&str> = self
            .peers
            .iter()
            .filter_map(|p| p.recovery.as_deref())
            .collect();
        let mut events = Vec::new();
        for path in store::recovery_files(&self.file.path) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if theirs.contains(&name.as_ref()) {
                continue;
            }
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
            Effect::Save { then_quit } => self.save(journey, then_quit),
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
            Effect::StartEditing => {
                if let Some(here) = &mut self.here {
                    here.me_mut().editing = true;
                    let _ = here.publish(false, Instant::now());
                }
                return Vec::new();
            }
            Effect::Exit(_) | Effect::Bell | Effect::EditExternally(_) | Effect::Open(_) => {
                return Vec::new();
            }
        };
        vec![event]
    }

    /// Saves `ours`: under the short write lock, what others saved since this editor's
    /// base is merged in first, so a save never drops a change made since.
    fn save(&mut self, ours: &Journey, then_quit: bool) -> SessionEvent {
        let failed = |reason: String| SessionEvent::SaveFailed { reason };
        let _lock = match presence::lock_for_writing(&self.file.path) {
            Ok(lock) => lock,
            Err(error) => {
                return failed(format!(
                    "Could not save {}: {}. Nothing was written; try again.",
                    self.file.path.display(),
                    store::io_reason(&error)
                ));
            }
        };
        let incoming = match self.take_in(ours) {
            Ok(incoming) => incoming,
            Err(reason) => {
                return failed(format!(
                    "Did not save: the file on disk does not load now ({reason}), and a file that does not load is never written over. Fix it or move it away, then save again; your map here is unchanged."
                ));
            }
        };
        let to_write = incoming.as_ref().map_or(ours, |i| &i.journey);
        let text = store::to_ron(to_write);
        // Others learn whose save this is just before it lands (when there are others).
        let mine = self.here.as_ref().map(Here::path);
        let shared = !presence::others(&self.file.path, mine).is_empty();
        if let Some(here) = self.here.as_mut().filter(|_| shared) {
            here.me_mut().wrote = Some(Fingerprint::of(text.as_bytes()).hash());
            let _ = here.publish(false, Instant::now());
        }
        // Checked against what was just read under the lock; a file that went is written
        // again.
        let exists = self.file.path.exists();
        let result = self.file.save_text(&text, exists);
        match result {
            Ok(()) => {
                self.base = to_write.clone();
                // Only the file these changes came from: other sessions' stay until decided.
                if let Some(path) = self.restored_from.take() {
                    let _ = std::fs::remove_file(path);
                }
                SessionEvent::Saved {
                    then_quit,
                    incoming: incoming.map(Box::new),
                }
            }
            Err(error) => failed(error.to_string()),
        }
    }

    /// What others saved since this editor's base, merged into `ours`; `None` when the
    /// file is as this editor last saw it or is gone. The version on disk becomes the base.
    fn take_in(&mut self, ours: &Journey) -> Result<Option<Incoming>, String> {
        if !self.file.path.exists() {
            return Ok(None);
        }
        let Some(theirs) = self.file.read_if_changed().map_err(|e| e.first_line())? else {
            return Ok(None);
        };
        // Read afresh: the writer said what it wrote just before it wrote it.
        let writers = presence::others(&self.file.path, self.here.as_ref().map(Here::path));
        let from = self.file.disk_hash().and_then(|hash| {
            writers
                .iter()
                .find(|p| p.wrote == Some(hash))
                .map(|p| p.name.clone())
        });
        let news = diff::summary(&diff::diff(&self.base, &theirs));
        let (merged, renumbered) = merge::merge_into_ours(&self.base, ours, &theirs);
        let theirs_new = merge::ids(&theirs)
            .difference(&merge::ids(&self.base))
            .copied()
            .collect();
        self.base = theirs;
        Ok(Some(Incoming {
            journey: merged.journey,
            renumbered,
            theirs_new,
            news,
            from,
            conflicts: merged.conflicts,
        }))
    }

    /// Looks at the other editors and the disk: who is here, and what they saved, merged
    /// into `ours` when `may_merge` (not while something is being typed, whose card might
    /// go). `selected` is the card this editor has selected, for the others' boards.
    pub fn poll(
        &mut self,
        now: Instant,
        ours: &Journey,
        may_merge: bool,
        selected: Option<u64>,
    ) -> Vec<SessionEvent> {
        if self
            .looked
            .is_some_and(|at| now.saturating_duration_since(at) < self.look_every())
        {
            return Vec::new();
        }
        self.looked = Some(now);
        let mut events = self.look_at_peers(now, selected);
        if may_merge && self.file.disk_stamp_moved() {
            events.push(if !self.file.path.exists() {
                SessionEvent::DeletedOnDisk
            } else {
                match self.take_in(ours) {
                    Ok(Some(incoming)) => SessionEvent::MergedIn(Box::new(incoming)),
                    Ok(None) => return events,
                    Err(reason) => SessionEvent::DiskUnreadable { reason },
                }
            });
        }
        events
    }

    fn look_at_peers(&mut self, now: Instant, selected: Option<u64>) -> Vec<SessionEvent> {
        let peers = presence::others(&self.file.path, self.here.as_ref().map(Here::path));
        let mut events = Vec::new();
        if peers != self.peers {
            self.peers = peers;
            events.push(SessionEvent::Peers(self.peers.clone()));
        }
        if let Some(here) = &mut self.here
            && !self.peers.is_empty()
        {
            here.me_mut().selected = selected;
            let far = self.peers.iter().any(|p| p.host != here.me().host);
            let _ = here.publish(far, now);
        }
        events
    }

    /// Keeps the editor's unsaved changes in its recovery file as they happen, so that
    /// even a killed editor loses nothing; deletes the file once nothing is unsaved.
    pub fn keep_unsaved(&mut self, app: &App) {
        if !app.is_modified() {
            self.discard_recovery();
            return;
        }
        if self.recovered == Some(app.revision()) || self.here.is_none() {
            return;
        }
        if let Some(unsaved) = app.unsaved_journey()
            && self.keep_copy(&unsaved, Durable::No).is_ok()
        {
            self.recovered = Some(app.revision());
        }
    }

    fn discard_recovery(&mut self) {
        if let Some(path) = self.recovery_written.take() {
            let _ = std::fs::remove_file(path);
            self.recovered = None;
            self.publish_recovery();
        }
    }

    /// Writes `unsaved` to a recovery file beside the map and returns where: into the file
    /// written before, or the one restored from (whose changes these include), so an older
    /// copy is never left behind to be offered again; never over another session's.
    pub fn write_recovery(&mut self, unsaved: &Journey) -> io::Result<PathBuf> {
        self.keep_copy(unsaved, Durable::Yes)
    }

    /// Writes the recovery copy: durable when motmap is stopping, as changes are made
    /// only as far as outliving the process.
    fn keep_copy(&mut self, unsaved: &Journey, durable: Durable) -> io::Result<PathBuf> {
        let own = self
            .recovery_written
            .clone()
            .or_else(|| self.restored_from.clone());
        let path = store::write_recovery(&self.file.path, unsaved, own.as_deref(), durable)?;
        if self.recovery_written.as_ref() != Some(&path) {
            self.recovery_written = Some(path.clone());
            self.publish_recovery();
        }
        Ok(path)
    }

    /// Tells the others which recovery file is this editor's, so none of them is offered it.
    fn publish_recovery(&mut self) {
        if let Some(here) = &mut self.here {
            here.me_mut().recovery = self
                .recovery_written
                .as_ref()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            let _ = here.publish(false, Instant::now());
        }
    }

    /// Leaves the map: the presence file goes. With `deliberately` (the user quit, having
    /// saved or chosen not to), the recovery copy goes too; otherwise it stays to be
    /// offered next time.
    pub fn release(&mut self, deliberately: bool) {
        if deliberately {
            self.discard_recovery();
        }
        self.here = None;
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
    /// The editor asked for the terminal's bell: the run loop rings it and clears this.
    pub bell: bool,
    /// The editor asked for the user's own editor on a text: the run loop hands the
    /// terminal over to it, and takes this.
    pub external: Option<ExternalEdit>,
}

impl Editor {
    /// An editor for changing the map in `document`, with the user's keys, as `name`.
    pub fn open(
        document: Document,
        keymap: KeyMap,
        name: &str,
        opening: Opening,
        now: Instant,
    ) -> Editor {
        let Document { journey, file } = document;
        let app = App::new(journey, file.path.clone(), now)
            .with_keymap(keymap)
            .with_author(name.to_owned());
        let (session, events) = Session::open(file, app.journey(), name, now);
        Editor::start(app, session, events, opening, now)
    }

    /// An editor for a reviewer, as `name`: it reads the map and follows its changes,
    /// and may add comments and votes.
    pub fn view(
        document: Document,
        keymap: KeyMap,
        name: &str,
        opening: Opening,
        now: Instant,
    ) -> Editor {
        let Document { journey, file } = document;
        let app = App::new(journey, file.path.clone(), now)
            .with_keymap(keymap)
            .with_author(name.to_owned())
            .read_only();
        let (session, events) = Session::view(file, app.journey(), name, now);
        Editor::start(app, session, events, opening, now)
    }

    fn start(
        app: App,
        session: Session,
        events: Vec<SessionEvent>,
        opening: Opening,
        now: Instant,
    ) -> Editor {
        let mut editor = Editor {
            app,
            session,
            bell: false,
            external: None,
        };
        for event in events {
            editor.handle(Event::Session(event), now);
        }
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
                match effect {
                    Effect::Exit(code) => return Some(Exit { code, note }),
                    Effect::Bell => {
                        self.bell = true;
                        continue;
                    }
                    Effect::EditExternally(request) => {
                        self.external = Some(request);
                        continue;
                    }
                    Effect::Open(path) => {
                        if let Err(reason) = self.open_in_place(path, now) {
                            let failed = SessionEvent::OpenFailed { reason };
                            queue.push_back(Event::Session(failed));
                        }
                        continue;
                    }
                    _ => {}
                }
                for outcome in self.session.perform(effect, self.app.journey()) {
                    note = recovery_note(&outcome).unwrap_or(note);
                    queue.push_back(Event::Session(outcome));
                }
            }
        }
        self.session.keep_unsaved(&self.app);
        None
    }

    /// Opens the map at `path` in this editor's place, as `motmap FILE` opens it (for
    /// reading only, when this editor only reads), keeping what [`App::open_next`] keeps.
    /// This map is left as after a quit, its recovery copy gone: the editor was told to
    /// drop what is unsaved. When the map does not load, nothing changes and why is said.
    fn open_in_place(&mut self, path: PathBuf, now: Instant) -> Result<(), String> {
        let read_only = self.app.is_read_only();
        let document = if read_only {
            Document::load(path)
        } else {
            open_or_create(path)
        }
        .map_err(|error| error.first_line())?;
        let opening = Opening {
            new_file: !document.path().exists(),
            ..Opening::default()
        };
        let Document { journey, file } = document;
        let app = self.app.open_next(journey, file.path.clone(), now);
        let name = app.author().to_owned();
        self.session.release(true);
        let (session, events) = if read_only {
            Session::view(file, app.journey(), &name, now)
        } else {
            Session::open(file, app.journey(), &name, now)
        };
        *self = Editor::start(app, session, events, opening, now);
        Ok(())
    }

    /// How long to wait for a key before [`Editor::poll`] is due.
    pub fn wait(&self) -> Duration {
        self.session.look_every()
    }

    /// What happens while no key is pressed, or between keys: the session looks at the
    /// other editors and the disk, changes are saved by themselves while the map is
    /// shared, and a running countdown ticks. Returns whether anything happened (and so
    /// the screen may change).
    pub fn poll(&mut self, now: Instant) -> bool {
        let selected = self.app.selected_moment().map(|m| m.id.0);
        let mut events: Vec<Event> = self
            .session
            .poll(
                now,
                self.app.journey(),
                self.app.takes_disk_news(),
                selected,
            )
            .into_iter()
            .map(Event::Session)
            .collect();
        if self.app.clock_shows(now) || self.app.save_due(now) {
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

/// Loads `path`, or starts a new map there, from the default template, if no file exists
/// yet: it is written on the first save.
pub fn open_or_create(path: PathBuf) -> Result<Document, LoadError> {
    match Document::load(path.clone()) {
        Err(error) if error.is_not_found() => {
            let title = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_else(|| "New journey".into());
            let mut journey = crate::templates::find(crate::templates::DEFAULT_TEMPLATE)
                .map(|t| t.journey())
                .unwrap_or_else(|| Journey::new(""));
            journey.title = title;
            Ok(Document::create(path, journey))
        }
        other => other,
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
