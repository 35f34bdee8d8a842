//! The editor's keys: what each does to the map and the selection, and that undo and redo
//! reverse and replay every edit exactly.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::{app_on, app_with, journey, press, selected_title};
use motmap::app::{Confirm, Event, Mode, Selection};
use motmap::model::{Evidence, Feeling, Kind};
use motmap::status::Tone;
use motmap::workshop::Slide;

const SMALL: &str = r#"(title: "Cafe", stages: [
    (name: "Find", moments: [(title: "Reads reviews"), (title: "Sees the sign")]),
    (name: "Wait", moments: [(title: "Long queue", kind: Fmot, feeling: -2)]),
    (name: "Pay"),
])"#;

/// Presses `keys`, checks that they changed the map, that `u` takes the change back
/// exactly and that Ctrl-r makes it again.
fn assert_undoable(app: &mut motmap::app::App, keys: &str) -> motmap::model::Journey {
    let before = journey(app);
    press(app, keys);
    let after = journey(app);
    assert_ne!(after, before, "{keys:?} changed nothing");
    press(app, "u");
    assert_eq!(journey(app), before, "u did not undo {keys:?}");
    press(app, "<C-r>");
    assert_eq!(journey(app), after, "Ctrl-r did not redo {keys:?}");
    after
}

#[test]
fn arrows_and_vim_keys_move_the_selection() {
    let mut app = app_with(SMALL);
    assert_eq!(selected_title(&app), "Reads reviews");
    press(&mut app, "j");
    assert_eq!(selected_title(&app), "Sees the sign");
    press(&mut app, "<Down>");
    assert_eq!(
        selected_title(&app),
        "Sees the sign",
        "stops at the last moment"
    );
    assert!(app.status().text.contains("last moment"));
    press(&mut app, "l");
    assert_eq!(
        selected_title(&app),
        "Long queue",
        "row clamps to the shorter stage"
    );
    press(&mut app, "<Right>");
    assert_eq!(app.selection().stage, 2);
    assert!(app.selected_moment().is_none());
    press(&mut app, "<Left>h<Up>k");
    assert_eq!(
        app.selection(),
        Selection {
            stage: 0,
            moment: 0
        }
    );
    press(&mut app, "<End>");
    assert_eq!(selected_title(&app), "Sees the sign");
    press(&mut app, "<Home>");
    assert_eq!(selected_title(&app), "Reads reviews");
}

#[test]
fn a_adds_a_moment_below_and_types_its_title() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "a긴 줄 🙂<Enter>");
    let titles: Vec<&str> = after.stages()[0]
        .moments
        .iter()
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(titles, ["Reads reviews", "긴 줄 🙂", "Sees the sign"]);
    press(&mut app, "u");
    assert_eq!(
        journey(&app).stages()[0].moments.len(),
        2,
        "one undo removes the whole addition"
    );
}

#[test]
fn a_in_an_empty_stage_adds_the_first_moment() {
    let mut app = app_with(SMALL);
    press(&mut app, "ll");
    assert_undoable(&mut app, "aPays at the counter<Enter>");
    assert_eq!(selected_title(&app), "Pays at the counter");
}

#[test]
fn a_new_moment_cancelled_or_left_empty_is_not_left_behind() {
    let mut app = app_with(SMALL);
    let before = journey(&app);
    press(&mut app, "aHalf a title<Esc>");
    assert_eq!(journey(&app), before);
    press(&mut app, "a<Enter>");
    assert_eq!(journey(&app), before);
    press(&mut app, "u");
    assert_eq!(
        app.status().text,
        "Nothing to undo.",
        "nothing was recorded"
    );
    assert_eq!(app.mode(), &Mode::Board);
}

#[test]
fn capital_a_adds_a_stage_to_the_right() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "ADecide<Enter>");
    let names: Vec<&str> = after.stages().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Find", "Decide", "Wait", "Pay"]);
    assert_eq!(app.selection().stage, 1);
    let before = journey(&app);
    press(&mut app, "AGone<Esc>");
    assert_eq!(
        journey(&app),
        before,
        "a cancelled stage is not left behind"
    );
}

#[test]
fn e_edits_the_title_and_esc_restores_it() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(
        &mut app,
        "e<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>the menu<Enter>",
    );
    assert_eq!(after.stages()[0].moments[0].title, "Reads the menu");
    let before = journey(&app);
    press(&mut app, "eXYZ<Esc>");
    assert_eq!(journey(&app), before);
    press(&mut app, "e<C-u><Enter>");
    assert_eq!(app.status().tone, Tone::Error, "an empty title is refused");
    assert!(
        matches!(app.mode(), Mode::EditText { .. }),
        "and the field stays open"
    );
    press(&mut app, "<Esc>");
    assert_eq!(journey(&app), before);
}

#[test]
fn r_renames_the_stage_and_capital_r_the_journey() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "r<C-u>Discover<Enter>");
    assert_eq!(after.stages()[0].name, "Discover");
    let after = assert_undoable(&mut app, "R<C-u>카페 여정<Enter>");
    assert_eq!(after.title, "카페 여정");
}

#[test]
fn x_and_delete_remove_the_moment() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "x");
    assert_eq!(after.stages()[0].moments.len(), 1);
    press(&mut app, "u");
    assert_eq!(
        selected_title(&app),
        "Reads reviews",
        "undo selects the moment that came back"
    );
    let after = assert_undoable(&mut app, "<Delete>");
    assert_eq!(after.stages()[0].moments.len(), 1);
}

#[test]
fn capital_x_deletes_a_stage_and_asks_first_when_it_has_moments() {
    let mut app = app_with(SMALL);
    press(&mut app, "ll");
    let after = assert_undoable(&mut app, "X");
    assert_eq!(after.stages().len(), 2, "an empty stage goes at once");

    let mut app = app_with(SMALL);
    let before = journey(&app);
    press(&mut app, "X");
    assert!(matches!(app.mode(), Mode::Confirm(Confirm::DeleteStage(_))));
    press(&mut app, "n");
    assert_eq!(journey(&app), before);
    press(&mut app, "X<Esc>");
    assert_eq!(journey(&app), before);
    let after = assert_undoable(&mut app, "Xy");
    assert_eq!(after.stages()[0].name, "Wait");
}

#[test]
fn p_and_g_make_pains_and_glories_and_again_deepen_them() {
    let mut app = app_with(SMALL);
    let feeling = |app: &motmap::app::App| app.selected_moment().map(|m| m.feeling.value());
    assert_undoable(&mut app, "p");
    assert_eq!(feeling(&app), Some(-1));
    assert_undoable(&mut app, "p");
    assert_eq!(feeling(&app), Some(-2));
    press(&mut app, "p");
    assert_eq!(feeling(&app), Some(-2), "a deep pain stays one");
    assert!(app.status().text.contains("already"));
    assert_undoable(&mut app, "g");
    assert_eq!(feeling(&app), Some(1));
    assert_undoable(&mut app, "g");
    assert_eq!(feeling(&app), Some(2));
    assert_undoable(&mut app, "0");
    assert_eq!(feeling(&app), Some(0));
    assert_undoable(&mut app, "+");
    assert_eq!(feeling(&app), Some(1));
    assert_undoable(&mut app, "-");
    assert_undoable(&mut app, "-");
    assert_eq!(feeling(&app), Some(-1));
    press(&mut app, "-----");
    assert_eq!(
        feeling(&app),
        Some(-2),
        "the feeling never leaves its range"
    );
}

#[test]
fn t_picks_the_moment_of_truth_kind() {
    let mut app = app_with(SMALL);
    let kind = |app: &motmap::app::App| app.selected_moment().and_then(|m| m.kind);
    press(&mut app, "t");
    assert!(matches!(app.mode(), Mode::PickKind { .. }));
    assert_undoable(&mut app, "z");
    assert_eq!(kind(&app), Some(Kind::Zmot));
    for (key, expected) in [
        ("f", Kind::Fmot),
        ("a", Kind::Amot),
        ("s", Kind::Smot),
        ("t", Kind::Tmot),
        ("l", Kind::Lmot),
    ] {
        assert_undoable(&mut app, &format!("t{key}"));
        assert_eq!(kind(&app), Some(expected));
    }
    assert_undoable(&mut app, "tn");
    assert_eq!(kind(&app), None);
    let before = journey(&app);
    press(&mut app, "t<Esc>");
    assert_eq!(journey(&app), before);
    assert_undoable(&mut app, "t<Up><Enter>");
    assert_eq!(
        kind(&app),
        Some(Kind::Lmot),
        "arrows and Enter work in the menu"
    );
}

#[test]
fn capital_h_l_k_j_move_the_moment() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "L");
    assert_eq!(after.stages()[1].moments[0].title, "Reads reviews");
    assert_eq!(
        selected_title(&app),
        "Reads reviews",
        "the selection follows the card"
    );
    assert_eq!(app.selection().stage, 1);
    let after = assert_undoable(&mut app, "H");
    assert_eq!(after.stages()[0].moments[0].title, "Reads reviews");
    let after = assert_undoable(&mut app, "J");
    assert_eq!(after.stages()[0].moments[1].title, "Reads reviews");
    let after = assert_undoable(&mut app, "K");
    assert_eq!(after.stages()[0].moments[0].title, "Reads reviews");
    let before = journey(&app);
    press(&mut app, "HK");
    assert_eq!(journey(&app), before, "nothing moves past the edges");
}

#[test]
fn angle_brackets_move_the_stage() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, ">");
    assert_eq!(after.stages()[1].name, "Find");
    assert_eq!(app.selection().stage, 1);
    let after = assert_undoable(&mut app, "<lt>");
    assert_eq!(after.stages()[0].name, "Find");
}

#[test]
fn undo_covers_more_than_a_thousand_steps() {
    let mut app = app_with(SMALL);
    let before = journey(&app);
    for _ in 0..600 {
        press(&mut app, "pg");
    }
    for _ in 0..1200 {
        press(&mut app, "u");
    }
    assert_eq!(journey(&app), before);
    assert!(!app.is_modified());
    press(&mut app, "u");
    assert_eq!(app.status().text, "Nothing to undo.");
}

#[test]
fn details_edit_every_field() {
    let mut app = app_with(SMALL);
    press(&mut app, "<Enter>");
    assert!(matches!(app.mode(), Mode::Details { .. }));
    // Title, then kind (cycled with arrows), feeling, to-be, evidence.
    assert_undoable(&mut app, "e<C-u>Reads reviews online<Enter>");
    assert_undoable(&mut app, "j<Right>");
    assert_eq!(app.selected_moment().unwrap().kind, Some(Kind::Zmot));
    assert_undoable(&mut app, "j<Left>");
    assert_eq!(app.selected_moment().unwrap().feeling.value(), -1);
    // The to-be starts one step from the feeling and goes back to none past either end.
    press(&mut app, "j<Right>");
    assert_eq!(
        app.selected_moment().unwrap().target,
        Some(Feeling::NEUTRAL)
    );
    assert_eq!(
        app.status().text,
        "To be for “Reads reviews online”: o neutral (now - pain)."
    );
    press(&mut app, "<Right><Right><Right>");
    assert_eq!(app.selected_moment().unwrap().target, None);
    assert_eq!(
        app.status().text,
        "No to-be for “Reads reviews online”: nobody has said how it should feel."
    );
    assert_undoable(&mut app, "<Left>");
    assert_eq!(
        app.selected_moment().unwrap().target,
        Some(Feeling::clamped(-2))
    );
    assert_undoable(&mut app, "j<Right>");
    assert_eq!(
        app.selected_moment().unwrap().evidence,
        Some(Evidence::Observed)
    );
    assert_undoable(&mut app, "j<Enter>Web<Enter>");
    assert_undoable(&mut app, "j<Enter>Buyer, 학생 ,<Enter>");
    assert_undoable(&mut app, "j<Enter>Marketing<Enter>");
    assert_undoable(&mut app, "j<Enter>reviews, 리뷰 , ,trust<Enter>");
    assert_undoable(
        &mut app,
        "j<Enter>Line one<A-Enter>line two<C-j>three<Enter>",
    );
    assert_undoable(&mut app, "j<Enter>Answer reviews<Enter>");
    let moment = app.selected_moment().unwrap().clone();
    assert_eq!(moment.title, "Reads reviews online");
    assert_eq!(moment.channel, "Web");
    assert_eq!(moment.personas, ["Buyer", "학생"]);
    assert_eq!(moment.owner, "Marketing");
    assert_eq!(moment.tags, ["reviews", "리뷰", "trust"]);
    assert_eq!(moment.notes, "Line one\nline two\nthree");
    assert_eq!(moment.idea, "Answer reviews");
    let before = journey(&app);
    press(&mut app, "<Enter>changed<Esc>");
    assert_eq!(journey(&app), before, "Esc restores the old text");
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), &Mode::Board);
}

#[test]
fn search_finds_titles_notes_and_tags_and_n_cycles() {
    let mut app = app_on("cafe");
    press(&mut app, "/queue<Enter>");
    let first = selected_title(&app);
    assert!(
        app.status().text.starts_with("Match 1 of"),
        "{}",
        app.status().text
    );
    press(&mut app, "n");
    let second = selected_title(&app);
    assert_ne!(first, second);
    press(&mut app, "N");
    assert_eq!(selected_title(&app), first);
    press(&mut app, "/nothing like this<Enter>");
    assert_eq!(app.status().tone, Tone::Warning);
}

#[test]
fn search_looks_in_channel_owner_persona_and_comments_and_starts_empty() {
    let mut app = app_on("cafe");
    let stores = app
        .journey()
        .moments()
        .filter(|(_, m)| m.matches("store"))
        .count();
    assert!(stores > 1);
    press(&mut app, "/store<Enter>");
    assert!(
        app.status()
            .text
            .starts_with(&format!("Match 1 of {stores} ")),
        "{}",
        app.status().text
    );
    // The field starts empty: typing replaces the last query rather than adding to it,
    // and the prompt names the last one.
    press(&mut app, "/");
    assert!(
        app.status().text.contains("Last: “store”"),
        "{}",
        app.status().text
    );
    press(&mut app, "marketing<Enter>");
    assert_eq!(app.search().unwrap().query, "marketing");
    assert!(app.selected_moment().unwrap().owner.contains("Marketing"));
    press(&mut app, "/first-time<Enter>");
    assert!(
        app.selected_moment()
            .unwrap()
            .personas
            .iter()
            .any(|p| p.contains("First-time"))
    );
    press(
        &mut app,
        "c<C-u>the espresso is great<Enter>/espresso is great<Enter>",
    );
    assert!(
        app.status().text.starts_with("Match 1 of 1 "),
        "a comment is searched: {}",
        app.status().text
    );
}

#[test]
fn search_matches_korean_text() {
    let mut app = app_on("hotpot-ko");
    press(&mut app, "/네일<Enter>");
    assert!(
        selected_title(&app).contains("네일")
            || app.selected_moment().unwrap().notes.contains("네일")
    );
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = app_with(SMALL);
    press(&mut app, "?");
    assert!(matches!(app.mode(), Mode::Help { .. }));
    press(&mut app, "jjj<Esc>");
    assert_eq!(app.mode(), &Mode::Board);
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let mut app = app_with(SMALL);
    press(&mut app, "q");
    assert!(app.should_quit(), "nothing to lose: quits");

    let mut app = app_with(SMALL);
    press(&mut app, "pq");
    assert_eq!(app.mode(), &Mode::Confirm(Confirm::Quit));
    press(&mut app, "<Esc>");
    assert!(!app.should_quit());
    assert_eq!(app.mode(), &Mode::Board);
    press(&mut app, "qn");
    assert!(app.should_quit(), "n quits without saving");
}

#[test]
fn unknown_keys_say_where_help_is() {
    let mut app = app_with(SMALL);
    press(&mut app, "Z");
    assert!(app.status().text.contains("?"), "{}", app.status().text);
}

#[test]
fn editing_keys_in_an_empty_journey_explain_what_to_do() {
    let mut app = app_with(r#"(title: "Empty", stages: [])"#);
    for key in ["a", "e", "p", "t", "x", "X", "L", ">", "<Enter>"] {
        press(&mut app, key);
        assert!(
            app.status().text.contains("A adds"),
            "{key}: {}",
            app.status().text
        );
    }
    press(&mut app, "AFirst<Enter>");
    assert_eq!(journey(&app).stages().len(), 1);
}

#[test]
fn read_only_refuses_every_edit_and_still_reads() {
    let mut app = app_with(SMALL).read_only();
    let before = journey(&app);
    for keys in [
        "a", "A", "e", "r", "R", "x", "<Delete>", "X", "p", "g", "0", "+", "-", "t", "H", "L", "K",
        "J", "<lt>", "<gt>", "u", "<C-r>", "s",
    ] {
        press(&mut app, keys);
        assert_eq!(app.mode(), &Mode::Board, "{keys} opened something");
        assert_eq!(
            app.status().tone,
            Tone::Warning,
            "{keys}: {}",
            app.status().text
        );
        assert!(
            app.status().text.starts_with("Read-only view"),
            "{keys}: {}",
            app.status().text
        );
    }
    assert_eq!(journey(&app), before);

    press(&mut app, "jl");
    assert_eq!(selected_title(&app), "Long queue", "moving around works");
    press(&mut app, "<Enter>");
    assert!(matches!(app.mode(), Mode::Details { .. }), "details open");
    press(&mut app, "j<Enter><Right>e");
    assert_eq!(journey(&app), before, "but change nothing");
    press(&mut app, "<Esc>/queue<Enter>");
    assert!(
        app.status().text.starts_with("Match 1 of 1"),
        "{}",
        app.status().text
    );
    press(&mut app, "?");
    assert!(matches!(app.mode(), Mode::Help { .. }));
    press(&mut app, "<Esc>");
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn tab_cycles_the_views_and_back() {
    use motmap::app::Screen;
    let mut app = app_with(SMALL);
    for expected in [Screen::Curve, Screen::Summary, Screen::Votes, Screen::Board] {
        press(&mut app, "<Tab>");
        assert_eq!(app.screen(), expected);
    }
    press(&mut app, "<S-BackTab>");
    assert_eq!(app.screen(), Screen::Votes);
}

#[test]
fn v_votes_and_capital_v_takes_a_vote_back() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "v");
    assert_eq!(after.stages()[0].moments[0].votes, 1);
    press(&mut app, "vv");
    assert_eq!(app.selected_moment().unwrap().votes, 3);
    assert_eq!(app.status().text, "“Reads reviews” has 3 votes.");
    assert_undoable(&mut app, "V");
    press(&mut app, "VVVV");
    assert_eq!(app.selected_moment().unwrap().votes, 0, "never below zero");
    assert!(app.status().text.contains("no votes to take back"));
}

#[test]
fn f_filters_and_capital_f_clears() {
    use motmap::workshop::{Condition, Filter};
    let mut app = app_on("cafe");
    let before = journey(&app);
    for (keys, condition) in [
        ("fp", Condition::Pains),
        ("fg", Condition::Glories),
        ("fm", Condition::MomentsOfTruth),
        ("fo", Condition::Kind(None)),
        ("ff", Condition::Kind(Some(Kind::Fmot))),
        ("fl", Condition::Kind(Some(Kind::Lmot))),
        ("fi", Condition::HasIdea),
        ("fc", Condition::OpenComments),
        ("f/store<Enter>", Condition::Text("store".into())),
    ] {
        press(&mut app, keys);
        assert_eq!(app.filter(), Some(&Filter::new(condition)), "{keys}");
        assert!(
            app.status().text.starts_with("Filter on:"),
            "{keys}: {}",
            app.status().text
        );
        if keys != "f/store<Enter>" {
            press(&mut app, "F");
        }
    }
    press(&mut app, "f<Esc>");
    assert_eq!(
        app.filter().cloned(),
        Some(Filter::new(Condition::Text("store".into()))),
        "Esc leaves it"
    );
    press(&mut app, "F");
    assert_eq!(app.filter().cloned(), None);
    assert_eq!(
        journey(&app),
        before,
        "filtering changes nothing in the map"
    );
}

#[test]
fn filters_combine_and_a_second_press_takes_one_away() {
    let mut app = app_on("cafe");
    press(&mut app, "fpff");
    let filter = app.filter().unwrap();
    assert_eq!(filter.label(), "pains + FMOT");
    let both = app
        .journey()
        .moments()
        .filter(|(_, m)| m.feeling.is_pain() && m.kind == Some(Kind::Fmot))
        .count();
    assert!(both > 0);
    assert!(
        app.status()
            .text
            .starts_with(&format!("Filter on: pains + FMOT, {both} ")),
        "{}",
        app.status().text
    );
    press(&mut app, "fg");
    assert_eq!(
        app.filter().unwrap().label(),
        "FMOT + glories",
        "glories replace pains"
    );
    press(&mut app, "ff");
    assert_eq!(app.filter().unwrap().label(), "glories", "FMOT taken away");
    assert!(
        app.status().text.contains("taken away"),
        "{}",
        app.status().text
    );
    press(&mut app, "fg");
    assert_eq!(app.filter(), None, "the last one taken away: no filter");
}

#[test]
fn a_hiding_filter_skips_hidden_cards_when_moving() {
    let mut app = app_on("cafe");
    press(&mut app, "l");
    let stage: Vec<bool> = app.journey().stages()[1]
        .moments
        .iter()
        .map(|m| m.feeling.is_pain())
        .collect();
    // The stage "Arrive and queue": a glory first, then pains.
    assert_eq!(stage, [false, true, false, true]);
    press(&mut app, "fpfh");
    assert!(app.hides_unmatched());
    assert!(
        app.status().text.contains("the rest are hidden"),
        "{}",
        app.status().text
    );
    assert!(
        app.selected_moment().unwrap().feeling.is_pain(),
        "the selection leaves the hidden glory"
    );
    assert_eq!(app.selection().moment, 1);
    press(&mut app, "j");
    assert_eq!(app.selection().moment, 3, "the hidden card is skipped");
    press(&mut app, "j");
    assert!(app.status().text.contains("last moment"));
    press(&mut app, "k");
    assert_eq!(app.selection().moment, 1);
    press(&mut app, "fh");
    assert!(!app.hides_unmatched(), "dimmed again");
    press(&mut app, "k");
    assert_eq!(app.selection().moment, 0, "dimmed cards can be selected");
}

#[test]
fn capital_t_starts_pauses_and_ctrl_t_stops_the_countdown() {
    let mut app = app_with(SMALL);
    press(&mut app, "T");
    assert!(matches!(app.mode(), Mode::TimerLength { .. }));
    press(&mut app, "soon<Enter>");
    assert_eq!(
        app.status().tone,
        Tone::Error,
        "a length that is not one is refused"
    );
    press(&mut app, "<C-u>2.5<Enter>");
    let timer = app.timer().cloned().expect("a countdown runs");
    assert!(timer.is_running());
    assert_eq!(timer.length, std::time::Duration::from_secs(150));
    press(&mut app, "T");
    assert!(!app.timer().unwrap().is_running(), "paused");
    assert!(
        app.status().text.starts_with("Timer paused at 02:"),
        "{}",
        app.status().text
    );
    press(&mut app, "T");
    assert!(app.timer().unwrap().is_running(), "resumed");
    press(&mut app, "<C-t>");
    assert!(app.timer().is_none());
    press(&mut app, "T");
    assert!(
        matches!(app.mode(), Mode::TimerLength { input, .. } if input.text().is_empty()),
        "a fresh prompt"
    );
    assert!(
        app.status().text.contains("alone takes 2.5"),
        "{}",
        app.status().text
    );
}

#[test]
fn capital_p_presents_and_esc_comes_back() {
    let mut app = app_with(SMALL);
    let before = journey(&app);
    press(&mut app, "P");
    assert_eq!(app.mode(), &Mode::Present);
    press(&mut app, "l");
    assert_eq!(app.selection().stage, 1, "arrows change the stage");
    press(&mut app, "w");
    assert_eq!(app.presenting().map(|p| p.slide), Some(Slide::WholeMap));
    press(&mut app, "pgxXu<C-z>+-b.");
    assert_eq!(journey(&app), before, "no editing while presenting");
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), &Mode::Board);
}

#[test]
fn cancelling_an_addition_goes_back_to_where_the_selection_was() {
    let mut app = app_with(SMALL);
    press(&mut app, "a<Esc>");
    assert_eq!(selected_title(&app), "Reads reviews");
    press(&mut app, "A<Esc>");
    assert_eq!(app.selection().stage, 0);
    press(&mut app, "a<Enter>");
    assert_eq!(selected_title(&app), "Reads reviews");
}

#[test]
fn confirming_unchanged_details_records_nothing() {
    let mut app = app_on("cafe");
    press(&mut app, "lj<Enter>");
    // The title, then every text row from channel to idea (kind, feeling, to-be and
    // evidence cycle on Enter, so they are skipped).
    press(&mut app, "<Enter><Enter>jjjjj");
    for _ in 0..6 {
        press(&mut app, "<Enter><Enter>j");
    }
    assert!(!app.is_modified(), "{}", app.status().text);
}

#[test]
fn a_stage_of_twenty_thousand_moments_scrolls_to_its_end() {
    let moments: String = (0..20_000)
        .map(|i| format!("(title: \"Touchpoint {i}\"),"))
        .collect();
    let mut app = app_with(&format!(
        "(title: \"Big\", stages: [(name: \"Use\", moments: [{moments}])])"
    ));
    press(&mut app, "<End>");
    let terminal = common::screen(&mut app, 80, 24);
    let text = common::screen_text(terminal.backend().buffer());
    assert!(text.contains("Touchpoint 19999"), "{text}");
    assert!(text.contains("above"), "{text}");
}

#[test]
fn capital_d_and_i_describe_the_stage_and_the_journey() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(
        &mut app,
        "DGuests look for a place nearby<A-Enter>and read reviews.<Enter>",
    );
    assert_eq!(
        after.stages()[0].description,
        "Guests look for a place nearby\nand read reviews."
    );
    let after = assert_undoable(&mut app, "IA lunchtime visit to a busy cafe.<Enter>");
    assert_eq!(after.description, "A lunchtime visit to a busy cafe.");
    let after = assert_undoable(&mut app, "D<C-a><C-k><Backspace><C-a><C-k><Enter>");
    assert_eq!(
        after.stages()[0].description,
        "",
        "a description may be emptied"
    );
    let before = journey(&app);
    press(&mut app, "Dchanged my mind<Esc>");
    assert_eq!(journey(&app), before);
}

#[test]
fn votes_stop_at_the_largest_count_and_edits_go_back_to_the_board() {
    let mut app = app_with(
        r#"(title: "T", stages: [(name: "S", moments: [(title: "A", votes: 4294967295)])])"#,
    );
    press(&mut app, "v");
    assert_eq!(app.selected_moment().unwrap().votes, u32::MAX);
    press(&mut app, "<Tab><Tab>");
    assert_eq!(app.screen(), motmap::app::Screen::Summary);
    press(&mut app, "e");
    assert_eq!(
        app.screen(),
        motmap::app::Screen::Board,
        "typing happens where it is seen"
    );
}

#[test]
fn capital_w_names_the_personas() {
    let mut app = app_with(SMALL);
    let after = assert_undoable(&mut app, "WRegular, 첫 방문 손님, , Regular<Enter>");
    assert_eq!(after.personas, ["Regular", "첫 방문 손님"]);
    let before = journey(&app);
    press(&mut app, "W<Enter>");
    assert_eq!(
        journey(&app),
        before,
        "confirming the same list changes nothing"
    );
    assert!(!app.status().text.contains("changed"));
}

#[test]
fn counts_move_that_many_and_a_count_before_another_key_changes_nothing_it_should_not() {
    let mut app = app_on("cafe");
    press(&mut app, "3l");
    assert_eq!(app.selection().stage, 3, "3l: three stages right");
    press(&mut app, "9j");
    assert_eq!(
        app.selection().moment,
        app.selected_stage().unwrap().moments.len() - 1,
        "as far as the stage goes"
    );
    let before = journey(&app);
    press(&mut app, "2p");
    assert!(journey(&app) == before, "2p makes nothing a pain");
    assert!(
        app.status().text.starts_with("2p: a count goes before"),
        "{}",
        app.status().text
    );
    press(&mut app, "pg2u");
    assert_eq!(journey(&app), before, "2u undoes both");
    assert_eq!(app.status().text, "Undid 2 changes.");
    press(&mut app, "3<Esc>");
    assert_eq!(app.status().text, "3 cancelled.");
    press(&mut app, "5q");
    assert!(
        app.should_quit(),
        "a count before q does not stop it quitting"
    );
}

#[test]
fn caps_lock_answers_questions_and_picks_kinds() {
    let mut app = app_with(SMALL);
    press(&mut app, "XY");
    assert_eq!(
        journey(&app).stages()[0].name,
        "Wait",
        "Y deletes the stage"
    );
    press(&mut app, "tF");
    assert_eq!(app.selected_moment().unwrap().kind, Some(Kind::Fmot));
    press(&mut app, "t9");
    assert_eq!(
        app.status().text,
        "Press z f a s t l for a moment of truth, n for none, Esc to cancel."
    );
}

#[test]
fn keys_with_modifiers_in_text_fields_do_what_they_did() {
    let mut app = app_with(SMALL);
    press(&mut app, "DOne<S-Enter>two<Enter>");
    assert_eq!(journey(&app).stages()[0].description, "One\ntwo");
    press(&mut app, "e<C-u>Reads<S-Enter>");
    assert_eq!(
        selected_title(&app),
        "Reads",
        "in a one-line field a new line keeps the text"
    );
    press(
        &mut app,
        "e<C-u>pays at the<A-Backspace>counter<S-Left>X<Enter>",
    );
    assert_eq!(
        selected_title(&app),
        "pays at counteXr",
        "Alt-Backspace erases a word; Shift-← moves as ← does"
    );
}

#[test]
fn in_a_note_arrows_go_between_lines_words_are_stepped_and_erased_and_typing_undone() {
    let mut app = app_with(SMALL);
    // Down to the notes, then type three lines.
    press(&mut app, "<Enter>jjjjjjjjj<Enter>");
    press(&mut app, "first line<A-Enter>second line<A-Enter>third");
    // ↓ keeps the column: Y goes after the s below X.
    press(&mut app, "<Up><Up><Home>X<Down>Y<End><C-Left>Z");
    // Alt-f twice: to the next line, then to its end; Alt-b back to its start.
    press(&mut app, "<A-f><A-f><A-b>W<C-Right><A-Backspace>");
    assert_eq!(app.input().unwrap().text(), "Xfirst line\nsYecond Zline\n");
    // Ctrl-z brings the erased word back, then takes W away; Ctrl-y types W again.
    press(&mut app, "<C-z><C-z><C-y>");
    press(&mut app, "<Enter>");
    let notes = app.selected_moment().unwrap().notes.clone();
    assert_eq!(notes, "Xfirst line\nsYecond Zline\nWthird");
    press(&mut app, "u");
    assert_eq!(
        app.selected_moment().unwrap().notes,
        "",
        "one change, undone whole"
    );
}

#[test]
fn lines_pasted_into_a_title_are_joined_with_spaces() {
    let mut app = app_with(SMALL);
    press(&mut app, "e<C-u>");
    app.handle(
        Event::Paste("Reads\r\n  reviews\ron the map\n".into()),
        now(),
    );
    press(&mut app, "<Enter>");
    assert_eq!(selected_title(&app), "Reads reviews on the map");
}

#[test]
fn lines_pasted_into_a_new_card_become_a_card_each_in_one_change_if_asked() {
    let mut app = app_with(SMALL);
    let before = journey(&app);
    press(&mut app, "aFirst: ");
    app.handle(Event::Paste("orders\n\n  pays\nwaits\n".into()), now());
    assert!(matches!(
        app.mode(),
        Mode::Confirm(Confirm::PasteLines { .. })
    ));
    let question = app.question().unwrap();
    assert_eq!(question.message, "You pasted 3 lines. Add a card for each?");
    // Esc goes back to the title as it was; n pastes the lines as one title.
    press(&mut app, "<Esc>");
    assert_eq!(app.input().unwrap().text(), "First: ");
    app.handle(Event::Paste("orders\npays".into()), now());
    press(&mut app, "n<Enter>");
    assert_eq!(selected_title(&app), "First: orders pays");
    press(&mut app, "u");
    assert_eq!(journey(&app), before);

    press(&mut app, "aFirst: ");
    app.handle(Event::Paste("orders\n\n  pays\nwaits\n".into()), now());
    press(&mut app, "y");
    let titles: Vec<String> = journey(&app).stages()[0]
        .moments
        .iter()
        .map(|m| m.title.clone())
        .collect();
    assert_eq!(
        titles,
        [
            "Reads reviews",
            "Sees the sign",
            "First: orders",
            "pays",
            "waits"
        ],
        "below the selected card, in order"
    );
    assert_eq!(selected_title(&app), "First: orders");
    assert_eq!(
        app.status().text,
        "Added 3 moments, one for each line; u takes them all back."
    );
    press(&mut app, "u");
    assert_eq!(journey(&app), before, "one undo takes every card back");
}

fn now() -> std::time::Instant {
    std::time::Instant::now()
}

/// The effects of pressing `spec`.
fn effects_of(app: &mut motmap::app::App, spec: &str) -> Vec<motmap::app::Effect> {
    common::editor::keys(spec)
        .into_iter()
        .flat_map(|key| app.handle(Event::Key(key), now()))
        .collect()
}

#[test]
fn ctrl_g_writes_the_notes_in_your_editor_and_takes_them_back_as_one_change() {
    use motmap::app::{DetailField, EditorOutcome, Effect, ExternalEdit};
    let mut app = app_with(SMALL);
    let before = journey(&app);
    let id = app.selected_moment().unwrap().id;
    let asked = effects_of(&mut app, "<C-g>");
    assert_eq!(
        asked,
        [Effect::EditExternally(ExternalEdit {
            moment: id,
            field: DetailField::Notes,
            text: String::new(),
            title: "Reads reviews".into(),
        })]
    );
    let wrote = |text: &str| Event::EditedExternally {
        moment: id,
        field: DetailField::Notes,
        outcome: EditorOutcome::Wrote(text.into()),
    };
    app.handle(wrote("Stars first,\nthen words.\n\n"), now());
    assert_eq!(
        app.selected_moment().unwrap().notes,
        "Stars first,\nthen words."
    );
    assert_eq!(app.status().text, "Changed the notes of “Reads reviews”.");
    let after = journey(&app);
    app.handle(wrote("Stars first,\nthen words.\n"), now());
    assert_eq!(app.status().text, "Left as it was.");
    press(&mut app, "u");
    assert_eq!(journey(&app), before, "one undo takes it back");
    press(&mut app, "<C-r>");
    assert_eq!(journey(&app), after);

    for (outcome, said) in [
        (
            EditorOutcome::NoEditor,
            "No editor: `export EDITOR=nano` (or vim, or VISUAL) before motmap.",
        ),
        (
            EditorOutcome::ExitStatus {
                editor: "vim".into(),
                code: Some(1),
            },
            "`vim` exited with status 1, so nothing was changed.",
        ),
        (
            EditorOutcome::Failed {
                editor: "vi-typo".into(),
                reason: "No such file or directory (os error 2)".into(),
            },
            "Could not use your editor `vi-typo` (No such file or directory (os error 2)), so nothing was changed.",
        ),
    ] {
        app.handle(
            Event::EditedExternally {
                moment: id,
                field: DetailField::Notes,
                outcome,
            },
            now(),
        );
        assert_eq!(app.status().text, said);
        assert_eq!(journey(&app), after);
    }
}

#[test]
fn ctrl_g_in_the_details_opens_the_highlighted_text_and_a_title_comes_back_one_line() {
    use motmap::app::{DetailField, EditorOutcome, Effect};
    let mut app = app_with(SMALL);
    let asked = effects_of(&mut app, "<Enter><C-g>");
    let [Effect::EditExternally(request)] = asked.as_slice() else {
        panic!("{asked:?}");
    };
    assert_eq!(request.field, DetailField::Title);
    assert_eq!(request.text, "Reads reviews");
    app.handle(
        Event::EditedExternally {
            moment: request.moment,
            field: DetailField::Title,
            outcome: EditorOutcome::Wrote("Reads\nreviews twice\n".into()),
        },
        now(),
    );
    assert_eq!(selected_title(&app), "Reads reviews twice");
    assert!(
        matches!(app.mode(), Mode::Details { .. }),
        "the details stay open"
    );
    // The kind is chosen, not written.
    assert!(effects_of(&mut app, "j<C-g>").is_empty());
    assert!(
        app.status().text.starts_with("Ctrl-g opens a text"),
        "{}",
        app.status().text
    );
}

#[test]
fn a_read_only_view_does_not_open_your_editor() {
    let mut app = app_with(SMALL).read_only();
    assert!(effects_of(&mut app, "<C-g>").is_empty());
    assert!(
        app.status()
            .text
            .starts_with("Read-only view: cannot write the moment's notes in your own editor;"),
        "{}",
        app.status().text
    );
}
