//! The real run loop on a test backend, driven by a script of events: a key, a countdown
//! ticking, a change on disk and a resize all go through the one event path, and each is
//! seen on the screen the loop draws.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::io;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use motmap::app::Event;
use motmap::session::Editor;
use motmap::terminal::{EventSource, run_loop};
use motmap::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};

/// A test backend the script can resize while the loop draws on it, as a terminal window
/// is resized under a running program.
#[derive(Clone)]
struct Window(Rc<RefCell<TestBackend>>);

impl Backend for Window {
    type Error = Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Infallible>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.borrow_mut().draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Infallible> {
        self.0.borrow_mut().hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Infallible> {
        self.0.borrow_mut().show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
        self.0.borrow_mut().get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Infallible> {
        self.0.borrow_mut().set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Infallible> {
        self.0.borrow_mut().clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Infallible> {
        self.0.borrow_mut().clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Infallible> {
        self.0.borrow().size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Infallible> {
        self.0.borrow_mut().window_size()
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        self.0.borrow_mut().flush()
    }
}

/// One step of the script.
enum Step {
    /// Keys, as `common::keys` reads them.
    Type(&'static str),
    /// The window is resized; the terminal reports it.
    Resize(u16, u16),
    /// Time passes with no key pressed.
    Wait(Duration),
    /// Something happens outside the editor.
    Meanwhile(Box<dyn FnOnce()>),
    /// What the person sees now includes this.
    See(&'static str),
    /// The process gets a signal (1: the terminal hung up).
    Signal(i32),
}

/// Events from a script, on a clock of its own, watching the screen as a person would.
struct Script {
    steps: VecDeque<Step>,
    typed: VecDeque<Event>,
    clock: Instant,
    window: Window,
    screen: String,
    seen: Vec<&'static str>,
    /// How many times the bell rang.
    bells: usize,
}

impl EventSource for Script {
    fn next(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        loop {
            if let Some(event) = self.typed.pop_front() {
                return Ok(Some(event));
            }
            match self.steps.pop_front() {
                Some(Step::Type(keys)) => {
                    self.typed = common::keys(keys).into_iter().map(Event::Key).collect();
                }
                Some(Step::Resize(width, height)) => {
                    self.window.0.borrow_mut().resize(width, height);
                    return Ok(Some(Event::Resize { width, height }));
                }
                Some(Step::Wait(time)) => {
                    self.clock += time;
                    return Ok(None);
                }
                Some(Step::Meanwhile(what)) => what(),
                Some(Step::Signal(signal)) => return Ok(Some(Event::Signal(signal))),
                Some(Step::See(text)) => {
                    assert!(
                        self.screen.contains(text),
                        "expected {text:?} on screen:\n{}",
                        self.screen
                    );
                    self.seen.push(text);
                }
                None => panic!("the script ended and the editor is still running"),
            }
        }
    }

    fn now(&self) -> Instant {
        self.clock
    }

    fn shown(&mut self, screen: &Buffer) {
        self.screen = common::screen_text(screen);
    }

    fn bell(&mut self) {
        self.bells += 1;
    }
}

/// The cafe map saved in `dir`, an editor with its session on it, a 100×30 window, and a
/// script of `steps` on that window.
fn cafe_in(
    dir: &std::path::Path,
    steps: Vec<Step>,
) -> (PathBuf, Mutex<Editor>, Terminal<Window>, Script) {
    let path = dir.join("cafe.ron");
    std::fs::write(&path, motmap::templates::find("cafe").unwrap().source).unwrap();
    let editor = Mutex::new(common::open_editor(&path));
    let window = Window(Rc::new(RefCell::new(TestBackend::new(100, 30))));
    let terminal = Terminal::new(window.clone()).unwrap();
    let script = Script {
        steps: steps.into(),
        typed: VecDeque::new(),
        clock: Instant::now(),
        window,
        screen: String::new(),
        seen: Vec::new(),
        bells: 0,
    };
    (path, editor, terminal, script)
}

#[test]
fn a_key_a_tick_a_change_on_disk_and_a_resize_go_through_the_real_loop() {
    let dir = tempfile::tempdir().unwrap();
    let theirs = dir.path().join("cafe.ron");
    let (_, editor, mut terminal, mut script) = cafe_in(
        dir.path(),
        vec![
            Step::See("Opened cafe.ron"),
            Step::See("3 more >"),
            // A key: a one-minute countdown.
            Step::Type("T<C-u>1<Enter>"),
            Step::See(" 01:00 "),
            // Time passes: the countdown ticks.
            Step::Wait(Duration::from_millis(1500)),
            Step::See(" 00:59 "),
            // Someone else saves the map.
            Step::Meanwhile(Box::new(move || {
                let text = std::fs::read_to_string(&theirs).unwrap();
                std::fs::write(&theirs, text.replace("Smell of coffee", "Their coffee")).unwrap();
            })),
            Step::Wait(Duration::from_millis(500)),
            Step::See("Their coffee at the door"),
            Step::See("Changed on disk: stage “Arrive and queue”"),
            // The window narrows: two columns fit.
            Step::Resize(60, 20),
            Step::See("4 more >"),
            Step::Type("q"),
        ],
    );
    let exit = run_loop(&mut terminal, &editor, &mut script, &Theme::default()).unwrap();
    assert_eq!(exit, None, "quit, not stopped");
    assert_eq!(script.seen.len(), 7, "every step was seen on screen");
    let editor = editor.into_inner().unwrap();
    assert!(editor.app.should_quit());
    assert!(
        editor
            .app
            .journey()
            .moments()
            .any(|(_, m)| m.title == "Their coffee at the door")
    );
    assert_eq!(terminal.backend().size().unwrap(), Size::new(60, 20));
}

#[test]
fn a_hang_up_through_the_loop_keeps_what_is_unsaved_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let (path, editor, mut terminal, mut script) = cafe_in(
        dir.path(),
        vec![
            Step::Type("lp"),
            Step::See("unsaved changes"),
            Step::Signal(1),
        ],
    );
    let exit = run_loop(&mut terminal, &editor, &mut script, &Theme::default())
        .unwrap()
        .expect("the loop stops");
    assert_eq!(exit.code, 129);
    let recovery = motmap::store::recovery_path(&path);
    assert!(
        exit.note.contains(&recovery.display().to_string()),
        "{}",
        exit.note
    );
    let kept = motmap::store::Document::load(&recovery).unwrap().journey;
    assert_eq!(&kept, editor.lock().unwrap().app.journey());
    assert_ne!(
        kept,
        motmap::store::Document::load(&path).unwrap().journey,
        "the map on disk is as it was; the change is in the recovery file"
    );
}

#[test]
fn the_bell_rings_once_when_the_countdown_runs_out_with_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (_, editor, mut terminal, mut script) = cafe_in(
        dir.path(),
        vec![
            Step::Type("T1<Enter>"),
            Step::See(" 01:00 "),
            Step::Wait(Duration::from_secs(30)),
            Step::Wait(Duration::from_secs(31)),
            Step::See("TIME'S UP"),
            Step::Wait(Duration::from_secs(1)),
            Step::Wait(Duration::from_secs(1)),
            Step::Type("q"),
        ],
    );
    editor.lock().unwrap().app.bell = true;
    let exit = run_loop(&mut terminal, &editor, &mut script, &Theme::default()).unwrap();
    assert_eq!(exit, None);
    assert_eq!(script.bells, 1);
}
