//! Properties that must hold for any input, checked on many random cases: edits keep the
//! map valid and undo takes every one back; saving and loading give the same map; the
//! loader never panics on any bytes; and a monkey typing random keys at random terminal
//! sizes never breaks the editor.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::Drive;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use motmap::app::{App, Event};
use motmap::store::{Document, parse, to_ron};
use motmap::ui::theme::Theme;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Keys a person might press, editing keys weighted up, with text in several scripts.
fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    prop_oneof![
        6 => prop::sample::select(
            "hjklHJKLaAerRDIxXpg0+-tzfaslnuvVfFT<>/?PwqyEscCM".chars().collect::<Vec<_>>()
        )
        .prop_map(plain),
        2 => prop::sample::select(vec!['가', '줄', '排', '队', 'ğ', '🙂', '☕', ' ', 'Q', '1'])
            .prop_map(plain),
        2 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::PageDown,
        ])
        .prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['r', 'z', 'y', 'w', 'u', 'k', 'j', 'a', 'e', 't'])
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => Just(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
    ]
}

/// Types `keys`, ignoring the effects (no file is written), checking the map after each.
fn type_keys(app: &mut App, keys: &[KeyEvent]) {
    for key in keys {
        app.send(Event::Key(*key));
        app.journey().validate().unwrap();
    }
}

/// Back to the board, whatever was open, as a person would with Esc.
fn escape(app: &mut App) {
    for _ in 0..4 {
        app.send(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_keep_the_map_valid_and_undo_takes_them_all_back(
        keys in prop::collection::vec(key(), 1..120),
    ) {
        let mut app = common::app_on("cafe");
        let original = app.journey().clone();
        type_keys(&mut app, &keys);
        escape(&mut app);
        for _ in 0..keys.len() + 1 {
            app.send(Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE)));
        }
        prop_assert_eq!(app.journey(), &original);
        prop_assert!(!app.is_modified());
    }

    #[test]
    fn what_is_saved_loads_as_the_same_map(keys in prop::collection::vec(key(), 1..120)) {
        let mut app = common::app_on("hotpot-ko");
        type_keys(&mut app, &keys);
        escape(&mut app);
        let text = to_ron(app.journey());
        let loaded = parse(&text).unwrap();
        prop_assert_eq!(&loaded, app.journey());
        prop_assert_eq!(to_ron(&loaded), text);
    }

    #[test]
    fn the_loader_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn the_loader_never_panics_on_mangled_maps(
        cut in 0usize..3000,
        noise in prop::collection::vec((0usize..3000, any::<char>()), 0..8),
    ) {
        let mut text: Vec<char> = motmap::templates::find("cafe").unwrap().source.chars().collect();
        for (at, c) in noise {
            let at = at.min(text.len());
            text.insert(at, c);
        }
        text.truncate(cut.min(text.len()));
        let text: String = text.into_iter().collect();
        if let Ok(journey) = parse(&text) {
            journey.validate().unwrap();
        }
    }
}

/// A monkey at the keyboard: tens of thousands of random keys, the screen drawn after
/// every fourth at a size that changes now and then, from 1×1 to 300×90.
#[test]
fn a_monkey_at_the_keyboard_breaks_nothing() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let sizes = [
        (1, 1),
        (20, 5),
        (39, 9),
        (40, 10),
        (60, 20),
        (80, 24),
        (97, 31),
        (160, 48),
        (300, 90),
    ];
    for template in ["cafe", "hotpot-ko", "blank"] {
        let mut app = common::app_on(template);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for round in 0..8_000 {
            if round % 500 == 0 {
                let (w, h) = sizes[(round / 500) % sizes.len()];
                terminal.backend_mut().resize(w, h);
                terminal
                    .resize(ratatui::layout::Rect::new(0, 0, w, h))
                    .unwrap();
                app.send(Event::Resize {
                    width: w,
                    height: h,
                });
            }
            let key = key().new_tree(&mut runner).unwrap().current();
            app.send(Event::Key(key));
            if round % 3 == 0 {
                app.send(Event::Paste("붙여넣기\u{1b}[31m pasted\r\nline".into()));
            }
            if round % 4 == 0 {
                terminal
                    .draw(|frame| motmap::ui::draw(frame, &app, &Theme::default()))
                    .unwrap();
            }
        }
        app.journey().validate().unwrap();
    }
}

/// The file written by a save loads to the map that was saved.
#[test]
fn a_saved_file_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app_on("airline");
    common::press(&mut app, "jjpLgv");
    let path = dir.path().join("trip.ron");
    let mut document = Document::create(&path, app.journey().clone());
    document.save().unwrap();
    assert_eq!(&Document::load(&path).unwrap().journey, app.journey());
}
