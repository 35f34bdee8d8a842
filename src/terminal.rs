//! The terminal: set up and restored on every exit path (quit, error, panic, hang-up), the
//! run loop, and the signals. The loop is generic over ratatui's backend and over where
//! events come from, so a test runs the very same loop on a test backend with events of
//! its own; the editor itself only ever sees events through [`Editor::handle`].

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{EditorOutcome, Event, ExternalEdit};
use crate::session::{Editor, Exit};
use crate::ui::{self, theme::Theme};

/// Where the loop's events come from: the terminal, or a test.
pub trait EventSource {
    /// The next key, paste or resize, waiting at most `timeout`; `None` when the wait ran
    /// out with nothing to report.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// The time now, for the events and the disk's polling.
    fn now(&self) -> Instant;

    /// What was just drawn, for a source that watches the screen as a person would.
    fn shown(&mut self, _screen: &Buffer) {}

    /// The terminal's bell, when the editor asks for it (a countdown ran out).
    fn bell(&mut self) {}

    /// Runs the user's own editor on a text of the map, the terminal handed over to it
    /// meanwhile, and says what came of it.
    fn edit_externally(&mut self, request: &ExternalEdit) -> io::Result<Event> {
        Ok(edited(request, crate::external::edit(request)))
    }
}

/// The event that reports what the user's editor did with `request`'s text.
fn edited(request: &ExternalEdit, outcome: EditorOutcome) -> Event {
    Event::EditedExternally {
        moment: request.moment,
        field: request.field,
        outcome,
    }
}

/// Set while the user's own editor has the terminal: Ctrl-C and Ctrl-\ typed there are
/// the editor's, not a reason for motmap to stop (as `system()` does, and shells do for
/// the program in front). A hang-up or SIGTERM still saves and stops.
static AWAY: AtomicBool = AtomicBool::new(false);

/// The real terminal's keys, pastes and resizes, through crossterm.
pub struct TerminalEvents(());

impl TerminalEvents {
    /// The terminal's events, listened to from now on. crossterm starts watching for
    /// resizes (SIGWINCH) the first time it is asked for an event; asking once before the
    /// first frame is drawn means a resize made while it is drawn is not missed.
    fn listening() -> io::Result<TerminalEvents> {
        event::poll(Duration::ZERO)?;
        Ok(TerminalEvents(()))
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if !event::poll(timeout)? {
            return Ok(None);
        }
        Ok(match event::read()? {
            event::Event::Key(key) => Some(Event::Key(key)),
            event::Event::Paste(text) => Some(Event::Paste(text)),
            event::Event::Resize(width, height) => Some(Event::Resize { width, height }),
            _ => None,
        })
    }

    fn now(&self) -> Instant {
        Instant::now()
    }

    fn bell(&mut self) {
        let mut out = io::stdout();
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    }

    /// Leaves the alternate screen and raw mode for the editor, and takes them back after.
    fn edit_externally(&mut self, request: &ExternalEdit) -> io::Result<Event> {
        AWAY.store(true, Ordering::SeqCst);
        leave();
        let outcome = crate::external::edit(request);
        let back = enter();
        AWAY.store(false, Ordering::SeqCst);
        back.map(|()| edited(request, outcome))
    }
}

/// Runs the editor in the terminal until the user quits. The editor is shared with the
/// thread that handles hang-ups, which must be able to save it even while the loop is
/// stuck: once the terminal is gone, crossterm's event reading may never return.
pub fn run(editor: Editor, theme: Theme) -> anyhow::Result<()> {
    let shared = Arc::new(Mutex::new(editor));
    install_panic_hook();
    watch_signals(Arc::clone(&shared))?;
    if let Err(error) = enter() {
        leave();
        lock(&shared).session.release(true);
        return Err(anyhow::Error::new(error).context("cannot set up the terminal"));
    }
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut events = TerminalEvents::listening()?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        run_loop(&mut terminal, &shared, &mut events, &theme)
    }));
    leave();
    let mut editor = lock(&shared);
    // Quitting as asked leaves nothing to recover; anything else keeps the recovery copy.
    editor.session.release(matches!(outcome, Ok(Ok(None))));
    match outcome {
        Ok(Ok(None)) => Ok(()),
        Ok(Ok(Some(exit))) => {
            let _ = writeln!(io::stderr(), "motmap: stopped{}.", exit.note);
            std::process::exit(exit.code);
        }
        Ok(Err(error)) => {
            let note = editor.save_for_recovery();
            Err(error.context(format!("the terminal failed{note}")))
        }
        Err(_) => {
            // The panic message was printed by the hook, after the terminal was restored.
            let note = editor.save_for_recovery();
            let _ = writeln!(
                io::stderr(),
                "motmap: stopped on an internal error{note}. Please report it with the message above."
            );
            std::process::exit(101);
        }
    }
}

/// The loop: draw, wait for an event, take it through the editor; twice a second with no
/// event, let the session look at the disk and a countdown tick. Draws only after
/// something happened, so an idle editor writes nothing to the terminal. Returns how to
/// stop when an event said the process must.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    shared: &Mutex<Editor>,
    source: &mut impl EventSource,
    theme: &Theme,
) -> anyhow::Result<Option<Exit>>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    let now = source.now();
    if let Some(exit) = lock(shared).handle(
        Event::Resize {
            width: size.width,
            height: size.height,
        },
        now,
    ) {
        return Ok(Some(exit));
    }
    loop {
        // The user's own editor, asked for by the last event: run without holding the
        // editor, so a hang-up meanwhile can still save it; then the whole screen is drawn
        // anew, at the size the terminal has now.
        let request = lock(shared).external.take();
        if let Some(request) = request {
            let event = source.edit_externally(&request)?;
            // Clearing through a resize asks the terminal nothing (a plain clear reads the
            // cursor's position back, which not every terminal answers).
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
            let mut editor = lock(shared);
            for event in [
                event,
                Event::Resize {
                    width: size.width,
                    height: size.height,
                },
            ] {
                if let Some(exit) = editor.handle(event, source.now()) {
                    return Ok(Some(exit));
                }
            }
        }
        {
            let mut editor = lock(shared);
            if editor.app.should_quit() {
                return Ok(None);
            }
            if std::mem::take(&mut editor.bell) {
                source.bell();
            }
            let frame = terminal.draw(|frame| ui::draw(frame, &editor.app, theme))?;
            source.shown(frame.buffer);
        }
        // Wait without holding the editor, so a hang-up can save it.
        let happened = loop {
            let wait = lock(shared).wait();
            if let Some(event) = source.next(wait)? {
                break Some(event);
            }
            if lock(shared).poll(source.now()) {
                break None;
            }
        };
        if let Some(event) = happened {
            let now = source.now();
            let mut editor = lock(shared);
            if let Some(exit) = editor.handle(event, now) {
                return Ok(Some(exit));
            }
            // Keys coming fast keep the disk and the others looked at all the same.
            editor.poll(now);
        }
    }
}

/// The editor, even if a panic poisoned the lock: saving what is there beats losing it.
fn lock(shared: &Mutex<Editor>) -> MutexGuard<'_, Editor> {
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The editor, if it can be had within `patience`.
fn lock_within(shared: &Mutex<Editor>, patience: Duration) -> Option<MutexGuard<'_, Editor>> {
    let deadline = Instant::now() + patience;
    loop {
        match shared.try_lock() {
            Ok(editor) => return Some(editor),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(10));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// SIGHUP (the SSH connection dropped, the terminal window closed), SIGTERM, SIGINT and
/// SIGQUIT come in as an event, on their own thread: the editor keeps what is unsaved in
/// a recovery file, then the terminal is restored and the process exits.
fn watch_signals(shared: Arc<Mutex<Editor>>) -> io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let stopping = signals.forever().find(|signal| {
                !(AWAY.load(Ordering::SeqCst) && [SIGINT, SIGQUIT].contains(signal))
            });
            if let Some(signal) = stopping {
                // The loop holds the editor only for a moment, unless a write to a stalled
                // terminal blocks it: then give up on saving rather than hang.
                let exit = match lock_within(&shared, Duration::from_secs(3)) {
                    Some(mut editor) => {
                        let exit = editor.handle(Event::Signal(signal), Instant::now());
                        editor.session.release(false);
                        exit
                    }
                    None => None,
                };
                let exit = exit.unwrap_or(Exit {
                    code: 128 + signal,
                    note:
                        "; the editor was stuck writing to the terminal, so nothing could be saved"
                            .into(),
                });
                leave();
                let _ = writeln!(
                    io::stderr(),
                    "motmap: stopped by signal {signal}{}.",
                    exit.note
                );
                std::process::exit(exit.code);
            }
        })?;
    Ok(())
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    // Mouse capture stays off, so text can still be selected and copied with the mouse.
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

/// Puts the terminal back as it was. Never fails and never panics: it may run after the
/// terminal is gone.
fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal before the panic message is printed, so it can be read.
fn install_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}
