//! The settings file: the shipped example, remapped keys shown in the help, the
//! colour-blind theme, and clear messages for a broken file.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use motmap::action::Action;
use motmap::config::Palette;
use motmap::config::{self, parse};
use motmap::keymap::Context;
use motmap::ui::theme::{Depth, Theme};
use ratatui::style::Color;

#[test]
fn the_shipped_example_is_valid_and_does_what_it_says() {
    let config = parse(include_str!("../assets/config.example.ron")).unwrap();
    assert_eq!(config.palette, Palette::ColourBlind);
    assert_eq!(config.name.as_deref(), Some("Ana Lima"));
    assert_eq!(config.keymap.label(Context::Board, Action::Present), "F5");
    assert_eq!(config.keymap.label(Context::Board, Action::AddVote), "v +");
    assert_eq!(
        config.keymap.label(Context::Board, Action::RaiseFeeling),
        "=",
        "+ went to votes"
    );
    assert_eq!(
        config.keymap.label(Context::Board, Action::Quit),
        "q Ctrl-q"
    );
    assert_eq!(
        config.keymap.label(Context::Board, Action::MakePain),
        "p",
        "the rest keep their keys"
    );
}

#[test]
fn remapped_keys_work_and_the_help_shows_them() {
    let keymap = parse(r#"(keys: {"make_pain": ["~"]})"#).unwrap().keymap;
    let mut app = common::app_on("cafe").with_keymap(keymap);
    common::press(&mut app, "~");
    assert!(app.selected_moment().unwrap().feeling.is_pain());
    common::press(&mut app, "j");
    let before = common::journey(&app);
    common::press(&mut app, "p");
    assert_eq!(common::journey(&app), before, "p no longer makes a pain");
    let help: Vec<String> = help_text(&app, 100);
    assert!(
        help.iter()
            .any(|l| l.trim_start().starts_with("~ ") && l.contains("make it a pain")),
        "{help:#?}"
    );
}

/// The help overlay's lines at `width`.
fn help_text(app: &motmap::app::App, width: u16) -> Vec<String> {
    motmap::ui::help::HelpView {
        keys: app.keymap(),
        scroll: 0,
        theme: &Theme::default(),
    }
    .lines(width)
    .iter()
    .map(|l| l.to_string())
    .collect()
}

#[test]
fn undo_remapped_works_everywhere_and_every_hint_shows_it() {
    let keymap = parse(r#"(keys: {"undo": ["U"]})"#).unwrap().keymap;
    let mut app = common::app_on("cafe").with_keymap(keymap);
    let original = common::journey(&app);
    // On the board.
    common::press(&mut app, "lp");
    common::press(&mut app, "u");
    assert_ne!(common::journey(&app), original, "u no longer undoes");
    common::press(&mut app, "U");
    assert_eq!(common::journey(&app), original, "U undoes on the board");
    // In the details: the footer names U, and U undoes there.
    common::press(&mut app, "<Enter>jj<Right>");
    assert_ne!(common::journey(&app), original);
    let text = common::screen_text(common::screen(&mut app, 100, 30).backend().buffer());
    assert!(text.contains("U undo"), "the details' footer:\n{text}");
    common::press(&mut app, "U");
    assert_eq!(common::journey(&app), original, "U undoes in the details");
    common::press(&mut app, "<Esc>");
    // Presentation changes nothing, undo neither; back on the board, U undoes.
    common::press(&mut app, "gP");
    let changed = common::journey(&app);
    assert_ne!(changed, original);
    common::press(&mut app, "U");
    assert_eq!(
        common::journey(&app),
        changed,
        "nothing changes in presentation"
    );
    common::press(&mut app, "<Esc>U");
    assert_eq!(common::journey(&app), original, "U undoes on the board");
    // The status line's hints and messages, and the help, name U.
    common::press(&mut app, "x");
    assert!(
        app.status().text.contains("U brings it back"),
        "{}",
        app.status().text
    );
    let text = common::screen_text(common::screen(&mut app, 160, 30).backend().buffer());
    assert!(text.contains("U undo"), "the board's hints:\n{text}");
    let help = help_text(&app, 100);
    let undo_rows: Vec<&String> = help
        .iter()
        .filter(|l| l.contains("undo the last change"))
        .collect();
    assert!(!undo_rows.is_empty(), "{help:#?}");
    assert!(
        undo_rows.iter().all(|l| l.trim_start().starts_with("U ")),
        "{undo_rows:#?}"
    );
}

#[test]
fn a_sequence_from_the_settings_waits_for_its_second_key() {
    let keymap = parse(r#"(keys: {"delete_moment": ["d d"]})"#)
        .unwrap()
        .keymap;
    let mut app = common::app_on("cafe").with_keymap(keymap);
    let before = common::journey(&app);
    common::press(&mut app, "d");
    assert_eq!(common::journey(&app), before, "d alone waits");
    let text = common::screen_text(common::screen(&mut app, 160, 30).backend().buffer());
    let status = text.lines().last().unwrap_or_default().to_string();
    assert!(status.contains("d…"), "the pending key is shown: {status}");
    common::press(&mut app, "d");
    assert_eq!(
        common::journey(&app).moment_count(),
        before.moment_count() - 1,
        "dd deletes"
    );
    common::press(&mut app, "d<Esc>d");
    assert_eq!(
        common::journey(&app).moment_count(),
        before.moment_count() - 1,
        "Esc clears the pending d"
    );
    common::press(&mut app, "x");
    assert!(
        app.status().text.contains("dx does nothing"),
        "{}",
        app.status().text
    );
}

#[test]
fn gg_can_go_to_the_first_moment_once_glory_has_another_key() {
    let error = parse(r#"(keys: {"select_first_moment": ["Home", "g g"]})"#)
        .err()
        .unwrap_or_default();
    assert!(
        error.contains("starts with `g`, the key of make_glory"),
        "{error}"
    );
    let error = parse(r#"(keys: {"select_first_moment": ["gg"]})"#)
        .err()
        .unwrap_or_default();
    assert!(
        error.contains("written with spaces, like \"g g\""),
        "{error}"
    );
    let keymap = parse(r#"(keys: {"make_glory": ["+"], "raise_feeling": ["="], "select_first_moment": ["Home", "g g"]})"#)
        .unwrap()
        .keymap;
    let mut app = common::app_on("cafe").with_keymap(keymap);
    let before = common::journey(&app);
    common::press(&mut app, "jjgg");
    assert_eq!(app.selection().moment, 0, "gg went to the first moment");
    assert_eq!(common::journey(&app), before, "and made nothing a glory");
    common::press(&mut app, "+");
    assert!(app.selected_moment().unwrap().feeling.is_glory());
    let help = help_text(&app, 100);
    assert!(
        help.iter()
            .any(|l| l.contains("Home gg") && l.contains("first moment")),
        "{help:#?}"
    );
}

#[test]
fn the_menus_keep_their_letters_when_save_is_given_one() {
    let keymap = parse(r#"(keys: {"save": ["s", "w", "Ctrl-w"]})"#)
        .unwrap()
        .keymap;
    let mut app = common::app_on("cafe").with_keymap(keymap);
    common::press(&mut app, "ts");
    assert_eq!(
        app.selected_moment().unwrap().kind,
        Some(motmap::model::Kind::Smot),
        "s still picks a SMOT in the kind menu"
    );
    let save_keys = |context| app.keymap().label(context, motmap::action::Action::Save);
    use motmap::keymap::Context;
    assert_eq!(save_keys(Context::KindMenu), "Ctrl-w");
    assert_eq!(save_keys(Context::Details), "s w Ctrl-w");
    // In a text field s types itself and Ctrl-w still erases a word; Ctrl-s saves.
    assert_eq!(save_keys(Context::Typing), "Ctrl-s");
    common::press(&mut app, "<Esc>e<C-u>sweet tea<C-w>s<Enter>");
    assert_eq!(app.selected_moment().unwrap().title, "sweet s");
}

#[test]
fn the_colour_blind_theme_keeps_pains_and_glories_off_red_and_green() {
    let theme = Theme {
        depth: Depth::TrueColor,
        palette: Palette::ColourBlind,
    };
    let glory = theme
        .feeling(motmap::model::Feeling::clamped(1))
        .fg
        .unwrap();
    let Color::Rgb(r, g, b) = glory else {
        panic!("{glory:?}")
    };
    assert!(b > r && b > g, "glories are blue: {glory:?}");
    let sixteen = Theme {
        depth: Depth::Sixteen,
        palette: Palette::ColourBlind,
    };
    assert_eq!(
        sixteen.feeling(motmap::model::Feeling::clamped(1)).fg,
        Some(Color::LightBlue)
    );
}

#[test]
fn a_broken_config_says_what_is_wrong_and_the_defaults_apply() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    for (text, expected) in [
        (
            "(theme: Pink)",
            "config.ron:1:9: unexpected variant named `Pink`",
        ),
        (
            r#"(keys: {"make_pian": ["p"]})"#,
            "unknown action `make_pian` under `keys` (did you mean `make_pain`?",
        ),
        (
            r#"(keys: {"make_pain": ["Hyper-p"]})"#,
            "`Hyper-p` (for make_pain) is not a key",
        ),
        (
            r#"(keys: {"make_pain": ["x"], "delete_moment": ["x"]})"#,
            "`x` is given to both delete_moment and make_pain",
        ),
        (
            r#"(keys: {"add_vote": ["v", "v"]})"#,
            "`v` is given to add_vote twice",
        ),
        ("(colours: 1)", "unexpected field named `colours`"),
        ("(theme: Standard", "config.ron:1:9: expected comma"),
    ] {
        std::fs::write(&path, text).unwrap();
        let (config, problem) = config::load(&path);
        let problem = problem.unwrap_or_default();
        assert!(problem.contains(expected), "{text}: {problem}");
        assert!(problem.contains("config.ron:"), "{problem}");
        assert_eq!(config.keymap.label(Context::Board, Action::MakePain), "p");
    }
    let (_, problem) = config::load(&dir.path().join("missing.ron"));
    assert_eq!(problem, None, "no file is no problem");
}
