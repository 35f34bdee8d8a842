//! A vim user's habits: counts, `G` and its kin, `dd`, the clipboard, `.`, the `:`
//! command line, and saving (or being told why a key does nothing) wherever the keyboard
//! is. None of them changes the map without the status line saying so, and `u` takes
//! every change back.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::fs;

use common::{app_on, app_with, journey, open_editor, press, selected_title};
use motmap::app::{App, Mode, Screen};
use motmap::model::{Feeling, Kind};
use motmap::session::Editor;
use motmap::status::Tone;
use motmap::store::Document;

const MAP: &str = r#"(title: "Cafe", stages: [
    (name: "Find", moments: [
        (title: "Reads reviews", votes: 3, comments: [(author: "Ana", at: "2026-12-04T05:12:00Z", text: "Which site?")]),
        (title: "Sees the sign"),
        (title: "Asks a friend"),
    ]),
    (name: "Wait", moments: [(title: "Long queue", kind: Fmot, feeling: -2), (title: "Free drink")]),
    (name: "Pay"),
])"#;

fn status(app: &App) -> &str {
    &app.status().text
}

/// An editor with its session on `MAP` in `dir`.
fn open(dir: &std::path::Path) -> Editor {
    let path = dir.join("cafe.ron");
    fs::write(&path, MAP).unwrap();
    open_editor(path)
}

#[test]
fn counts_go_before_moves_votes_and_moves_of_a_card_on_the_board_and_the_views() {
    let mut app = app_on("cafe");
    press(&mut app, "l3j");
    assert_eq!((app.selection().stage, app.selection().moment), (1, 3));
    press(&mut app, "kkk");
    let title = selected_title(&app);
    press(&mut app, "3J");
    assert_eq!(app.selection().moment, 3, "3J moved the card three down");
    assert_eq!(selected_title(&app), title);
    press(&mut app, "3v");
    assert_eq!(app.selected_moment().unwrap().votes, 3);
    press(&mut app, "2");
    assert_eq!(
        app.pending().label(),
        "2",
        "the count waits on the status line"
    );
    let screen = common::screen_text(common::screen(&mut app, 100, 30).backend().buffer());
    assert!(screen.lines().last().unwrap().contains("2…"), "{screen}");
    press(&mut app, "<Esc>");
    assert!(app.pending().is_empty());
    // The emotion curve and the summary take counts too.
    press(&mut app, "<Tab>2l");
    assert_eq!(app.screen(), Screen::Curve);
    assert_eq!(app.selection().stage, 3);
    press(&mut app, "<Tab>2k");
    assert_eq!(app.selection().stage, 1);
}

#[test]
fn capital_g_goes_to_the_last_moment_and_after_a_count_to_that_one() {
    let mut app = app_with(MAP);
    press(&mut app, "G");
    assert_eq!(selected_title(&app), "Asks a friend");
    press(&mut app, "1G");
    assert_eq!(selected_title(&app), "Reads reviews");
    press(&mut app, "2G");
    assert_eq!(selected_title(&app), "Sees the sign");
    press(&mut app, "9G");
    assert_eq!(selected_title(&app), "Asks a friend");
    assert_eq!(status(&app), "This stage has 3 moments; this is the last.");
    press(&mut app, "$");
    assert_eq!(app.selection().stage, 2);
    press(&mut app, "^");
    assert_eq!(app.selection().stage, 0);
    press(&mut app, "^");
    assert_eq!(status(&app), "This is the first stage.");
}

#[test]
fn gg_is_glory_twice_as_the_help_says_and_u_takes_it_back() {
    let mut app = app_with(MAP);
    press(&mut app, "gg");
    assert_eq!(app.selected_moment().unwrap().feeling, Feeling::clamped(2));
    assert_eq!(status(&app), "“Reads reviews” is now a deep glory.");
    press(&mut app, "uu");
    assert_eq!(journey(&app), journey(&app_with(MAP)));
    let help = app.keymap().help_text(78);
    let said: Vec<_> = help
        .lines
        .iter()
        .filter(|l| format!("{l:?}").contains("gg makes a deep glory"))
        .collect();
    assert_eq!(said.len(), 1, "said once: {:#?}", help.lines);
}

#[test]
fn dd_deletes_the_moment_u_brings_it_back_and_a_count_deletes_more_as_one_change() {
    let mut app = app_with(MAP);
    let before = journey(&app);
    press(&mut app, "d");
    assert_eq!(journey(&app), before, "d alone waits for the second");
    assert_eq!(app.pending().label(), "d");
    press(&mut app, "d");
    assert_eq!(journey(&app).stages()[0].moments.len(), 2);
    assert_eq!(
        status(&app),
        "Deleted “Reads reviews”: u brings it back, yp puts it elsewhere."
    );
    assert_eq!(app.status().tone, Tone::Success);
    press(&mut app, "u");
    assert_eq!(journey(&app), before);
    press(&mut app, "2dd");
    assert_eq!(selected_title(&app), "Asks a friend");
    assert_eq!(
        status(&app),
        "Deleted 2 moments: u brings them back, yp puts them elsewhere."
    );
    press(&mut app, "u");
    assert_eq!(journey(&app), before, "one undo for both");
    press(&mut app, "dx");
    assert_eq!(journey(&app), before);
    assert!(
        status(&app).starts_with("dx does nothing"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_put_after_a_yank_is_a_copy_with_a_new_id_and_without_votes_or_comments() {
    let mut app = app_with(MAP);
    let original = app.selected_moment().unwrap().clone();
    press(&mut app, "yy");
    assert_eq!(
        status(&app),
        "Yanked “Reads reviews”: yp puts a copy below a moment, yP above."
    );
    let before = journey(&app);
    press(&mut app, "lyp");
    assert_eq!(
        status(&app),
        "Put a copy of “Reads reviews” in “Wait”. u takes it back."
    );
    let copy = app.selected_moment().unwrap().clone();
    assert_eq!(app.selection().moment, 1, "below the selected card");
    assert_ne!(copy.id, original.id);
    assert_eq!((copy.votes, copy.comments.len()), (0, 0));
    assert_eq!(copy.title, original.title);
    assert_eq!(
        journey(&app).stages()[0].moments[0],
        original,
        "the original keeps its votes and comments"
    );
    press(&mut app, "u");
    assert_eq!(journey(&app), before, "one undo takes the put back");
    press(&mut app, "jjyP");
    assert_eq!(app.selection().moment, 1, "above the selected card");
    assert_eq!(selected_title(&app), "Reads reviews");
    press(&mut app, "l2yp");
    assert_eq!(
        journey(&app).stages()[2].moments.len(),
        2,
        "2yp: two copies"
    );
}

#[test]
fn dd_then_a_put_moves_the_card_whole_and_a_second_put_copies_it() {
    let mut app = app_with(MAP);
    let original = app.selected_moment().unwrap().clone();
    press(&mut app, "ddlyp");
    let moved = app.selected_moment().unwrap().clone();
    assert_eq!(moved, original, "the same id, votes and comments");
    assert_eq!(journey(&app).stages()[0].moments.len(), 2);
    press(&mut app, "yp");
    let copy = app.selected_moment().unwrap().clone();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.votes, 0);
    press(&mut app, "uuu");
    assert_eq!(journey(&app), journey(&app_with(MAP)));
    let mut empty = app_with(MAP);
    press(&mut empty, "yp");
    assert_eq!(
        status(&empty),
        "The clipboard is empty: yy copies a moment, x cuts it."
    );
}

#[test]
fn dot_repeats_the_last_change_on_the_selected_moment() {
    let mut app = app_with(MAP);
    press(&mut app, ".");
    assert!(
        status(&app).starts_with("Nothing to repeat"),
        "{}",
        status(&app)
    );
    press(&mut app, "pj.");
    assert_eq!(app.selected_moment().unwrap().feeling, Feeling::clamped(-1));
    assert_eq!(status(&app), "“Sees the sign” is now a pain.");
    press(&mut app, "pj.");
    assert_eq!(
        app.selected_moment().unwrap().feeling,
        Feeling::clamped(-2),
        "the feeling the change gave, not p again"
    );
    press(&mut app, "u");
    assert_eq!(app.selected_moment().unwrap().feeling, Feeling::NEUTRAL);
    press(&mut app, "k+j.");
    assert_eq!(app.selected_moment().unwrap().feeling, Feeling::clamped(1));
    press(&mut app, "vk3.");
    assert_eq!(app.selected_moment().unwrap().votes, 3, "3. gives three");
    press(&mut app, ".");
    assert_eq!(app.selected_moment().unwrap().votes, 6, "and . three again");
    press(&mut app, "tf.j.");
    assert_eq!(app.selected_moment().unwrap().kind, Some(Kind::Fmot));
    let stages = journey(&app).stages()[0].moments.len();
    press(&mut app, "G1G");
    press(&mut app, "dd.");
    assert_eq!(journey(&app).stages()[0].moments.len(), stages - 2);
    press(&mut app, "eX<Enter>.");
    assert!(
        status(&app).starts_with("Nothing to repeat"),
        "a rename is not repeated"
    );
}

#[test]
fn dot_repeats_a_move_and_a_to_be() {
    let mut app = app_with(MAP);
    press(&mut app, "L");
    assert_eq!(app.selection().stage, 1);
    press(&mut app, ".");
    assert_eq!(app.selection().stage, 2);
    assert_eq!(selected_title(&app), "Reads reviews");
    press(&mut app, "<Enter>jjj<Right><Esc>");
    let target = app.selected_moment().unwrap().target;
    assert!(target.is_some());
    press(&mut app, "h.");
    assert_eq!(app.selected_moment().unwrap().target, target);
}

#[test]
fn s_and_ctrl_s_save_in_the_details_the_comments_and_the_menus() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    for keys in ["<Enter>", "C", "t", "f", "E"] {
        press(&mut editor, "<Esc>v");
        press(&mut editor, keys);
        let mode = editor.app.mode().clone();
        assert!(editor.app.is_modified());
        // Letters choose in the menus: there Ctrl-s saves.
        let save = if matches!(keys, "t" | "f" | "E") {
            "<C-s>"
        } else {
            "s"
        };
        press(&mut editor, save);
        assert!(!editor.app.is_modified(), "{keys} then {save} saves");
        assert!(status(&editor.app).starts_with("Saved cafe.ron"));
        assert_eq!(*editor.app.mode(), mode, "{keys}: still open");
    }
    let saved = Document::load(dir.path().join("cafe.ron")).unwrap().journey;
    assert_eq!(saved, journey(&editor));
}

#[test]
fn a_key_that_does_nothing_in_the_details_says_where_it_works() {
    let mut app = app_with(MAP);
    press(&mut app, "<Enter>x");
    assert_eq!(
        status(&app),
        "x (delete the moment) works on the board, not in the details of a moment: Esc goes there."
    );
    press(&mut app, "Z");
    assert_eq!(
        status(&app),
        "Z does nothing in the details of a moment; Esc goes back to the board."
    );
    press(&mut app, "<Esc>C?");
    assert_eq!(
        status(&app),
        "? (show every key) works on the board, not in the comments of a stage or the journey: Esc goes there."
    );
}

#[test]
fn colon_w_saves_and_colon_q_refuses_while_changes_are_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    press(&mut editor, "p:q<Enter>");
    assert!(!editor.app.should_quit());
    assert_eq!(
        status(&editor.app),
        "Unsaved changes: :w saves, :q! quits without saving."
    );
    press(&mut editor, ":w<Enter>");
    assert!(!editor.app.is_modified());
    press(&mut editor, ":q<Enter>");
    assert!(editor.app.should_quit());

    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    press(&mut editor, "p:q!<Enter>");
    assert!(editor.app.should_quit());
    let on_disk = Document::load(dir.path().join("cafe.ron")).unwrap().journey;
    assert_ne!(on_disk, journey(&editor), ":q! saved nothing");

    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    press(&mut editor, "p:wq<Enter>");
    assert!(editor.app.should_quit());
    let on_disk = Document::load(dir.path().join("cafe.ron")).unwrap().journey;
    assert_eq!(on_disk, journey(&editor), ":wq saved");
}

#[test]
fn colon_x_writes_only_when_something_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    press(&mut editor, ":x<Enter>");
    assert!(editor.app.should_quit());
    assert_eq!(
        fs::read_to_string(dir.path().join("cafe.ron")).unwrap(),
        MAP,
        "not even rewritten"
    );
}

#[test]
fn colon_goes_to_a_stage_does_an_action_by_name_and_says_what_is_unknown() {
    let mut app = app_with(MAP);
    press(&mut app, ":2<Enter>");
    assert_eq!(app.selection().stage, 1);
    assert_eq!(status(&app), "Stage 2 of 3: “Wait”.");
    press(&mut app, ":9<Enter>");
    assert_eq!(app.selection().stage, 2);
    press(&mut app, ":1<Enter>:add_vote<Enter>");
    assert_eq!(app.selected_moment().unwrap().votes, 4);
    press(&mut app, "u");
    assert_eq!(app.selected_moment().unwrap().votes, 3);
    press(&mut app, ":wx<Enter>");
    assert_eq!(
        status(&app),
        "Unknown command `:wx`; Tab completes, :help lists them."
    );
    assert_eq!(app.status().tone, Tone::Error);
    press(&mut app, ":close<Enter>");
    assert_eq!(
        status(&app),
        ":close does nothing on the board; Tab completes the names that do."
    );
    press(&mut app, ":help<Enter>");
    assert!(matches!(app.mode(), Mode::Help { .. }));
    // From a view, an action that opens something goes to the board to do it.
    press(&mut app, "<Esc><Tab>:add_moment<Enter>");
    assert_eq!(app.screen(), Screen::Board);
    assert!(matches!(app.mode(), Mode::EditText { .. }));
    press(&mut app, "<Esc><Tab>:make_pain<Enter>");
    assert_eq!(
        status(&app),
        ":make_pain (make it a pain) works on the board, not on the emotion curve: Enter goes there."
    );
    assert_eq!(journey(&app), journey(&app_with(MAP)));
}

#[test]
fn tab_completes_commands_and_names_and_goes_round_them() {
    let mut app = app_with(MAP);
    press(&mut app, ":vot<Tab>");
    assert_eq!(app.input().unwrap().text(), "voting_round");
    assert!(
        matches!(app.mode(), Mode::Command(line) if line.completion.is_none()),
        "one candidate: no list"
    );
    press(&mut app, "<C-u>add<Tab>");
    assert_eq!(app.input().unwrap().text(), "add_comment");
    press(&mut app, "<Tab>");
    assert_eq!(app.input().unwrap().text(), "add_moment");
    press(&mut app, "<BackTab><BackTab>");
    assert_eq!(app.input().unwrap().text(), "add_vote", "round, backwards");
    press(&mut app, "<C-u>export c<Tab>");
    assert_eq!(app.input().unwrap().text(), "export csv");
    press(&mut app, "<C-u>zz<Tab>");
    assert_eq!(app.input().unwrap().text(), "zz");
    assert_eq!(
        status(&app),
        "Nothing completes `:zz`; :help lists the commands."
    );
}

#[test]
fn up_and_down_go_through_the_commands_typed_before() {
    let mut app = app_with(MAP);
    press(&mut app, ":2<Enter>:3<Enter>:add_vote<Enter>:<Up>");
    assert_eq!(app.input().unwrap().text(), "add_vote");
    press(&mut app, "<Up><Up>");
    assert_eq!(app.input().unwrap().text(), "2");
    press(&mut app, "<Down><Down><Down>");
    assert_eq!(
        app.input().unwrap().text(),
        "",
        "past the newest: what was typed"
    );
    press(&mut app, "3<Up>");
    assert_eq!(
        app.input().unwrap().text(),
        "3",
        "only the commands starting as typed"
    );
    press(&mut app, "<Esc>:<Backspace>");
    assert_eq!(
        *app.mode(),
        Mode::Board,
        "Backspace on an empty line closes it"
    );
}

#[test]
fn colon_e_opens_another_map_here_and_refuses_while_changes_are_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    let other = dir.path().join("other.ron");
    fs::write(&other, r#"(title: "Other", stages: [(name: "Only")])"#).unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(title: ").unwrap();
    press(&mut editor, &format!("yyp:e {}<Enter>", other.display()));
    assert_eq!(
        status(&editor.app),
        "Unsaved changes: :w saves, :e! opens the map without saving."
    );
    assert_eq!(editor.app.file_name(), "cafe.ron");
    press(&mut editor, &format!(":e! {}<Enter>", other.display()));
    assert_eq!(editor.app.file_name(), "other.ron");
    assert_eq!(editor.app.journey().title, "Other");
    assert!(!editor.app.is_modified());
    press(&mut editor, "yp");
    assert_eq!(
        selected_title(&editor),
        "Reads reviews",
        "the clipboard came along"
    );
    press(
        &mut editor,
        &format!(":w<Enter>:e {}<Enter>", broken.display()),
    );
    assert_eq!(editor.app.file_name(), "other.ron");
    assert!(
        status(&editor.app).starts_with(&format!("other.ron stays open: {}", broken.display())),
        "{}",
        status(&editor.app)
    );
    let cafe = Document::load(dir.path().join("cafe.ron")).unwrap().journey;
    assert_eq!(
        cafe.stages()[0].moments[0].feeling,
        Feeling::NEUTRAL,
        ":e! dropped p"
    );
}

#[test]
fn colon_export_writes_beside_the_map_and_asks_before_writing_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = open(dir.path());
    press(&mut editor, ":export csv<Enter>");
    assert!(
        dir.path().join("cafe.csv").exists(),
        "{}",
        status(&editor.app)
    );
    press(&mut editor, ":export csv<Enter>");
    assert!(matches!(editor.app.mode(), Mode::Confirm(_)));
    let elsewhere = dir.path().join("elsewhere.json");
    press(
        &mut editor,
        &format!("n:export json {}<Enter>", elsewhere.display()),
    );
    assert!(elsewhere.exists(), "{}", status(&editor.app));
    press(&mut editor, ":export pdf<Enter>");
    assert_eq!(
        status(&editor.app),
        "No format `pdf`: :export takes mermaid, markdown, csv, html or json."
    );
    press(&mut editor, ":export<Enter>");
    assert!(matches!(editor.app.mode(), Mode::PickExport { .. }));
}
