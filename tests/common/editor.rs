//! Editors for tests: in memory on a built-in map or a map written in RON, or on a file
//! in a temporary directory with its session; keys typed the way a person types them, and
//! the screen drawn at a size.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use motmap::app::{App, Event, Opening};
use motmap::keymap::KeyMap;
use motmap::model::Journey;
use motmap::session::Editor;
use motmap::store::{Document, parse};
use motmap::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An editor on a built-in template or example, as if opened from `NAME.ron`; it has no
/// file, so what it asks the session for is dropped.
pub fn app_on(template: &str) -> App {
    let journey = motmap::templates::find(template)
        .expect("a built-in map")
        .journey();
    App::new(journey, format!("{template}.ron"), Instant::now())
}

/// An editor on a map written in RON, as if opened from `map.ron`.
pub fn app_with(ron: &str) -> App {
    App::new(
        parse(ron).expect("test map loads"),
        "map.ron",
        Instant::now(),
    )
}

/// An editor with its session on the map at `path`, for editing, as `motmap FILE` opens
/// it: it tells other editors it is there, offers recovery files, and saves for real.
pub fn open_editor(path: impl Into<PathBuf>) -> Editor {
    open_editor_as(path, "Ana")
}

/// The same, for the person called `name`.
pub fn open_editor_as(path: impl Into<PathBuf>, name: &str) -> Editor {
    let document = Document::load(path.into()).expect("the map loads");
    Editor::open(
        document,
        KeyMap::default(),
        name,
        Opening::default(),
        Instant::now(),
    )
}

/// An editor with its session on the map at `path`, for a reviewer.
pub fn view_editor(path: &Path) -> Editor {
    let document = Document::load(path).expect("the map loads");
    Editor::view(
        document,
        KeyMap::default(),
        "Rui",
        Opening::default(),
        Instant::now(),
    )
}

/// What unsaved changes a crash would keep, and where: the recovery copy written as motmap
/// writes it when it is stopped; `None` when nothing is unsaved.
pub fn write_recovery(editor: &mut Editor) -> Option<std::io::Result<PathBuf>> {
    let unsaved = editor.app.unsaved_journey()?;
    Some(editor.session.write_recovery(&unsaved))
}

/// Something keys can be typed into: an editor in memory, or one with its session.
pub trait Drive {
    /// Takes one event, now, the way the run loop does.
    fn send(&mut self, event: Event);
    fn app(&self) -> &App;
}

impl Drive for App {
    fn send(&mut self, event: Event) {
        // No file behind it: whatever it asks the session for is dropped.
        let _ = self.handle(event, Instant::now());
    }

    fn app(&self) -> &App {
        self
    }
}

impl Drive for Editor {
    fn send(&mut self, event: Event) {
        let _ = self.handle(event, Instant::now());
    }

    fn app(&self) -> &App {
        &self.app
    }
}

/// Keys as a person types them: plain characters, and `<Enter>`, `<Esc>`, `<Left>`,
/// `<C-r>` (Ctrl-r), `<A-Enter>` (Alt-Enter) and the like for the others.
pub fn keys(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' || chars.peek().is_none() {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let (modifiers, base) = match name.split_once('-') {
            Some(("C", rest)) => (KeyModifiers::CONTROL, rest),
            Some(("A", rest)) => (KeyModifiers::ALT, rest),
            Some(("S", rest)) => (KeyModifiers::SHIFT, rest),
            _ => (KeyModifiers::NONE, name.as_str()),
        };
        let code = match base {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Backspace" => KeyCode::Backspace,
            "Delete" => KeyCode::Delete,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "PageDown" => KeyCode::PageDown,
            "F1" => KeyCode::F(1),
            "lt" => KeyCode::Char('<'),
            "gt" => KeyCode::Char('>'),
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
            other => panic!("unknown key <{other}>"),
        };
        out.push(KeyEvent::new(code, modifiers));
    }
    out
}

/// Types `spec`, each key through the same path the run loop takes.
pub fn press(target: &mut impl Drive, spec: &str) {
    for key in keys(spec) {
        target.send(Event::Key(key));
    }
}

pub fn journey(target: &impl Drive) -> Journey {
    target.app().journey().clone()
}

/// The screen after the terminal was resized to `width`×`height` and drawn in 16 colours.
pub fn screen(target: &mut impl Drive, width: u16, height: u16) -> Terminal<TestBackend> {
    screen_with(target, width, height, &Theme::default())
}

/// The screen after a resize to `width`×`height`, drawn with `theme`.
pub fn screen_with(
    target: &mut impl Drive,
    width: u16,
    height: u16,
    theme: &Theme,
) -> Terminal<TestBackend> {
    target.send(Event::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| motmap::ui::draw(frame, target.app(), theme))
        .expect("draws");
    terminal
}

/// The selected moment's title.
pub fn selected_title(target: &impl Drive) -> String {
    target
        .app()
        .selected_moment()
        .map(|m| m.title.clone())
        .unwrap_or_default()
}
