//! Helpers shared by the editor tests: an app on a built-in map, and keys typed the way a
//! person types them.

#![allow(dead_code)]

// What every test file shares, not only the editor's: the real binary walled off from the
// user's machine, the screen read as text, the built-in maps and one seeded generator.
pub mod binary;
pub mod maps;
pub mod random;
pub mod screen;

#[allow(unused_imports)] // not every test binary reads the screen
pub use screen::screen_text;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use motmap::app::App;
use motmap::model::Journey;
use motmap::store::{Document, parse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An editor on a built-in template or example, as if opened from `NAME.ron`.
pub fn app_on(template: &str) -> App {
    let journey = motmap::templates::find(template)
        .expect("a built-in map")
        .journey();
    App::new(Document::create(format!("{template}.ron"), journey))
}

/// An editor on a map written in RON.
pub fn app_with(ron: &str) -> App {
    App::new(Document::create(
        "map.ron",
        parse(ron).expect("test map loads"),
    ))
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
            "lt" => KeyCode::Char('<'),
            "gt" => KeyCode::Char('>'),
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
            other => panic!("unknown key <{other}>"),
        };
        out.push(KeyEvent::new(code, modifiers));
    }
    out
}

/// Types `spec` into the app, carrying out the effects it asks for.
pub fn press(app: &mut App, spec: &str) {
    for key in keys(spec) {
        if let Some(effect) = app.handle_key(key) {
            app.perform(effect);
        }
    }
}

pub fn journey(app: &App) -> Journey {
    app.document.journey.clone()
}

/// The screen as text after drawing the app at `width`×`height`.
pub fn screen(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| motmap::ui::draw(frame, app))
        .expect("draws");
    terminal
}

/// The selected moment's title.
pub fn selected_title(app: &App) -> String {
    app.selected_moment()
        .map(|m| m.title.clone())
        .unwrap_or_default()
}
