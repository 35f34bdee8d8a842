//! The settings file: the shipped example, remapped keys shown in the help, the
//! colour-blind theme, and clear messages for a broken file.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use motmap::action::Action;
use motmap::config::Palette;
use motmap::config::{self, parse};
use motmap::ui::theme::{Depth, Theme};
use ratatui::style::Color;

#[test]
fn the_shipped_example_is_valid_and_does_what_it_says() {
    let config = parse(include_str!("../assets/config.example.ron")).unwrap();
    assert_eq!(config.palette, Palette::ColourBlind);
    assert_eq!(config.keymap.label(Action::Present), "F5");
    assert_eq!(config.keymap.label(Action::AddVote), "v +");
    assert_eq!(
        config.keymap.label(Action::RaiseFeeling),
        "=",
        "+ went to votes"
    );
    assert_eq!(config.keymap.label(Action::Quit), "q Ctrl-q");
    assert_eq!(
        config.keymap.label(Action::MakePain),
        "p",
        "the rest keep their keys"
    );
}

#[test]
fn remapped_keys_work_and_the_help_shows_them() {
    let mut app = common::app_on("cafe");
    app.keymap = parse(r#"(keys: {"make_pain": ["!"]})"#).unwrap().keymap;
    common::press(&mut app, "!");
    assert!(app.selected_moment().unwrap().feeling.is_pain());
    common::press(&mut app, "j");
    let before = common::journey(&app);
    common::press(&mut app, "p");
    assert_eq!(common::journey(&app), before, "p no longer makes a pain");
    let help: Vec<String> = motmap::ui::popup::help_lines(&app, 100)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.trim_start().starts_with("! ") && l.contains("make it a pain")),
        "{help:#?}"
    );
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
        assert_eq!(config.keymap.label(Action::MakePain), "p");
    }
    let (_, problem) = config::load(&dir.path().join("missing.ron"));
    assert_eq!(problem, None, "no file is no problem");
}
