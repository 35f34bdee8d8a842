//! The terminal session: set up and restored on every exit path (quit, error, panic,
//! hang-up), the event loop, and a recovery copy of unsaved changes whenever motmap is
//! stopped before it could save.

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::App;
use crate::ui;

/// How often the event loop looks at the file on disk when no key is pressed.
const TICK: Duration = Duration::from_millis(500);

/// Runs the editor until the user quits. The app is shared with the thread that handles
/// hang-ups, which must be able to save it even while the event loop is stuck: once the
/// terminal is gone, crossterm's event reading may never return.
pub fn run(app: App) -> anyhow::Result<()> {
    let shared = Arc::new(Mutex::new(app));
    install_panic_hook();
    watch_signals(Arc::clone(&shared))?;
    if let Err(error) = enter() {
        leave();
        lock(&shared).release_lock();
        return Err(anyhow::Error::new(error).context("cannot set up the terminal"));
    }
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        event_loop(&mut terminal, &shared)
    }));
    leave();
    let mut app = lock(&shared);
    app.release_lock();
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => {
            let note = save_recovery(&mut app);
            Err(error.context(format!("the terminal failed{note}")))
        }
        Err(_) => {
            // The panic message was printed by the hook, after the terminal was restored.
            let note = save_recovery(&mut app);
            let _ = writeln!(
                io::stderr(),
                "motmap: stopped on an internal error{note}. Please report it with the message above."
            );
            std::process::exit(101);
        }
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    shared: &Mutex<App>,
) -> anyhow::Result<()> {
    loop {
        {
            let mut app = lock(shared);
            if app.should_quit {
                return Ok(());
            }
            terminal.draw(|frame| ui::draw(frame, &mut app))?;
        }
        // Wait for the next event without holding the app, so a hang-up can save it. Twice
        // a second the wait ends to look at the file on disk; an idle editor does nothing
        // else and writes nothing to the terminal.
        let event = loop {
            if event::poll(TICK)? {
                break Some(event::read()?);
            }
            if lock(shared).tick() {
                break None;
            }
        };
        let Some(event) = event else {
            continue;
        };
        let mut app = lock(shared);
        match event {
            Event::Key(key) => {
                if let Some(effect) = app.handle_key(key) {
                    app.perform(effect);
                }
            }
            Event::Paste(text) => app.handle_paste(&text),
            // A resize is drawn at the top of the loop, at once.
            _ => {}
        }
    }
}

/// The app, even if a panic poisoned the lock: saving what is there beats losing it.
fn lock(shared: &Mutex<App>) -> MutexGuard<'_, App> {
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The app, if it can be had within `patience`.
fn lock_within(shared: &Mutex<App>, patience: Duration) -> Option<MutexGuard<'_, App>> {
    let deadline = std::time::Instant::now() + patience;
    loop {
        match shared.try_lock() {
            Ok(app) => return Some(app),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(10));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// Writes unsaved changes to the recovery file and says where they went, as a clause for
/// an error message.
fn save_recovery(app: &mut App) -> String {
    match app.write_recovery() {
        None => String::new(),
        Some(Ok(path)) => format!(
            "; your unsaved changes are in {}, and opening the map again offers to restore them",
            path.display()
        ),
        Some(Err(error)) => {
            format!("; your unsaved changes could not be saved for recovery: {error}")
        }
    }
}

/// SIGHUP (the SSH connection dropped, the terminal window closed), SIGTERM, SIGINT and
/// SIGQUIT: write the recovery copy first, then restore the terminal and exit.
fn watch_signals(shared: Arc<Mutex<App>>) -> io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // The event loop holds the app only for a moment, unless a write to a
                // stalled terminal blocks it: then give up on saving rather than hang.
                let note = match lock_within(&shared, Duration::from_secs(3)) {
                    Some(mut app) => {
                        let note = save_recovery(&mut app);
                        app.release_lock();
                        note
                    }
                    None => {
                        "; the editor was stuck writing to the terminal, so nothing could be saved"
                            .into()
                    }
                };
                leave();
                let _ = writeln!(io::stderr(), "motmap: stopped by signal {signal}{note}.");
                std::process::exit(128 + signal);
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
