//! Saving from the editor, a file changed on disk, and recovering unsaved changes: nothing
//! is lost without a question.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::fs;

use common::{journey, open_editor, press, selected_title, write_recovery};
use motmap::app::{Confirm, Mode};
use motmap::session::Editor;
use motmap::status::Tone;
use motmap::store::{self, Document, recovery_path};

const MAP: &str = r#"(title: "Cafe", stages: [
    (name: "Wait", moments: [(title: "Long queue", kind: Fmot, feeling: -2), (title: "Free drink")]),
])"#;

fn open(dir: &std::path::Path) -> Editor {
    let path = dir.join("cafe.ron");
    if !path.exists() {
        fs::write(&path, MAP).expect("writes the map");
    }
    open_editor(path)
}

#[test]
fn s_saves_and_clears_the_modified_marker() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "jg");
    assert!(app.app.is_modified());
    press(&mut app, "s");
    assert!(!app.app.is_modified());
    assert_eq!(
        app.app.status().tone,
        Tone::Success,
        "{}",
        app.app.status().text
    );
    let saved = Document::load(dir.path().join("cafe.ron")).unwrap();
    assert_eq!(saved.journey, journey(&app));
    assert_eq!(
        fs::read_to_string(dir.path().join("cafe.ron~")).unwrap(),
        MAP,
        "the hand-written original is the backup"
    );

    press(&mut app, "u");
    assert!(app.app.is_modified(), "undoing past the save is a change");
    press(&mut app, "<C-r>");
    assert!(!app.app.is_modified(), "redoing back to it is not");
    press(&mut app, "<C-s>");
    assert_eq!(app.app.status().tone, Tone::Success);
}

/// Ctrl-s while typing a field of the map keeps what is typed and saves it; in a search
/// it saves the map and leaves the search being typed.
#[test]
fn ctrl_s_while_typing_keeps_the_text_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    press(
        &mut app,
        "<Enter>jjjjjjjjj<Enter>Counted 14 in line<A-Enter>at 12:30<C-s>",
    );
    assert!(!app.app.is_modified(), "{}", app.app.status().text);
    let saved = Document::load(dir.path().join("cafe.ron")).unwrap();
    assert_eq!(
        saved.journey.stages()[0].moments[0].notes,
        "Counted 14 in line\nat 12:30"
    );
    assert!(
        matches!(
            app.app.mode(),
            motmap::app::Mode::Details { editing: None, .. }
        ),
        "the details stay open, the field kept"
    );

    press(&mut app, "<Esc>ar<C-u>Cup<C-s>");
    assert!(!app.app.is_modified());
    let saved = Document::load(dir.path().join("cafe.ron")).unwrap();
    assert!(saved.journey.moments().any(|(_, m)| m.title == "Cup"));

    press(&mut app, "/queue<C-s>");
    assert!(
        matches!(app.app.mode(), motmap::app::Mode::Search { .. }),
        "a search goes on being typed"
    );
}

#[test]
fn quitting_with_y_saves_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "pqy");
    assert!(app.app.should_quit());
    let saved = Document::load(dir.path().join("cafe.ron")).unwrap();
    assert_eq!(saved.journey, journey(&app));
}

#[test]
fn saving_merges_in_what_changed_on_disk_with_no_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let mut app = open(dir.path());
    press(&mut app, "g");
    let theirs = MAP.replace("Free drink", "Their edit");
    fs::write(&path, &theirs).unwrap();

    press(&mut app, "s");
    assert_eq!(app.app.mode(), &Mode::Board, "no question");
    assert!(!app.app.is_modified());
    let saved = Document::load(&path).unwrap().journey;
    assert_eq!(saved, journey(&app), "what is on screen is what was saved");
    assert!(
        saved.moments().any(|(_, m)| m.title == "Their edit"),
        "theirs kept"
    );
    assert!(saved.stages()[0].moments[0].feeling.is_glory(), "ours kept");
    assert_eq!(
        fs::read_to_string(dir.path().join("cafe.ron~")).unwrap(),
        theirs,
        "the version before is the backup"
    );
}

#[test]
fn a_recovery_file_is_offered_on_open_and_restores_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "e<C-u>긴 줄 😩<Enter>jg");
    let unsaved = journey(&app);
    let written = write_recovery(&mut app)
        .expect("there are unsaved changes")
        .unwrap();
    assert_eq!(written, recovery_path(&dir.path().join("cafe.ron")));
    drop(app);

    let mut app = open(dir.path());
    assert!(matches!(app.app.mode(), Mode::Confirm(Confirm::Restore(_))));
    press(&mut app, "r");
    assert_eq!(journey(&app), unsaved);
    assert!(app.app.is_modified(), "restored changes still need a save");
    press(&mut app, "s");
    assert!(
        !recovery_path(&dir.path().join("cafe.ron")).exists(),
        "saved: the recovery file has done its job"
    );
    assert_eq!(
        Document::load(dir.path().join("cafe.ron")).unwrap().journey,
        unsaved
    );
}

#[test]
fn a_recovery_file_can_wait_or_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let mut app = open(dir.path());
    press(&mut app, "x");
    write_recovery(&mut app).unwrap().unwrap();
    drop(app);

    let mut app = open(dir.path());
    press(&mut app, "<Esc>");
    assert_eq!(app.app.mode(), &Mode::Board);
    press(&mut app, "gs");
    assert!(
        recovery_path(&path).exists(),
        "put off: kept even after a save"
    );
    drop(app);

    let mut app = open(dir.path());
    press(&mut app, "d");
    assert!(!recovery_path(&path).exists());
    assert_eq!(selected_title(&app), "Long queue");
}

#[test]
fn nothing_unsaved_means_no_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    assert!(write_recovery(&mut app).is_none());
    // A recovery file identical to the map is not worth a question.
    let map = dir.path().join("cafe.ron");
    store::write_recovery(
        &map,
        &journey(&app),
        Some(&recovery_path(&map)),
        store::Durable::Yes,
    )
    .unwrap();
    drop(app);
    let app = open(dir.path());
    assert_eq!(app.app.mode(), &Mode::Board);
    assert!(!recovery_path(&dir.path().join("cafe.ron")).exists());
}

#[test]
fn a_failing_save_says_why_and_keeps_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    fs::create_dir(dir.path().join("cafe.ron~")).unwrap();
    fs::write(dir.path().join("cafe.ron~").join("keep"), "x").unwrap();
    press(&mut app, "jp");
    press(&mut app, "s");
    assert_eq!(app.app.status().tone, Tone::Error);
    assert!(
        app.app.status().text.contains("backup"),
        "{}",
        app.app.status().text
    );
    assert!(app.app.is_modified());
    assert_eq!(
        fs::read_to_string(dir.path().join("cafe.ron")).unwrap(),
        MAP
    );
}

#[test]
fn a_recovery_file_put_off_is_never_overwritten_by_a_later_crash() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("cafe.ron");
    // Session A changes a title and crashes.
    let mut a = open(dir.path());
    press(&mut a, "e<C-u>From session A<Enter>");
    write_recovery(&mut a).unwrap().unwrap();
    drop(a);
    // Session B puts the question off, makes its own change and crashes too.
    let mut b = open(dir.path());
    press(&mut b, "<Esc>j");
    press(&mut b, "e<C-u>From session B<Enter>");
    let written = write_recovery(&mut b).unwrap().unwrap();
    assert_ne!(
        written,
        recovery_path(&map),
        "B's copy goes beside A's, not over it"
    );
    drop(b);

    // Both are offered, the newest first, and neither is lost.
    let mut c = open(dir.path());
    press(&mut c, "r");
    assert!(
        journey(&c)
            .moments()
            .any(|(_, m)| m.title == "From session B")
    );
    press(&mut c, "s");
    drop(c);
    let mut d = open(dir.path());
    assert!(
        matches!(d.app.mode(), Mode::Confirm(Confirm::Restore(_))),
        "A's copy is still offered"
    );
    press(&mut d, "r");
    assert!(
        journey(&d)
            .moments()
            .any(|(_, m)| m.title == "From session A")
    );
    let _ = map;
}

#[test]
fn recovery_works_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let real = dir.path().join("real/cafe.ron");
    fs::write(&real, MAP).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();

    let mut app = open_editor(&link);
    press(&mut app, "jg");
    write_recovery(&mut app).unwrap().unwrap();
    drop(app);
    let app = open_editor(&link);
    assert!(
        matches!(app.app.mode(), Mode::Confirm(Confirm::Restore(_))),
        "offered when opened through the link"
    );
}

#[test]
fn text_being_typed_is_part_of_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "aHalf-typed 제목");
    let path = write_recovery(&mut app)
        .expect("typing counts as unsaved")
        .unwrap();
    let recovered = Document::load(path).unwrap().journey;
    assert!(
        recovered
            .moments()
            .any(|(_, m)| m.title == "Half-typed 제목")
    );
    drop(app);

    let mut app = open(dir.path());
    press(&mut app, "<Esc><Enter>jjjjjjjjj<Enter>A long note, unsaved");
    let path = write_recovery(&mut app).unwrap().unwrap();
    let recovered = Document::load(path).unwrap().journey;
    assert!(
        recovered
            .moments()
            .any(|(_, m)| m.notes == "A long note, unsaved")
    );
}

#[test]
fn save_and_quit_merges_what_changed_on_disk_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let mut app = open(dir.path());
    press(&mut app, "jg");
    fs::write(&path, MAP.replace("Long queue", "Their edit")).unwrap();
    press(&mut app, "qy");
    assert!(app.app.should_quit(), "saved, then quit as asked");
    let saved = Document::load(&path).unwrap().journey;
    assert!(saved.moments().any(|(_, m)| m.title == "Their edit"));
    assert!(saved.stages()[0].moments[1].feeling.is_glory());
}

#[test]
fn saving_keeps_a_private_map_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let mut app = open(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    press(&mut app, "jgs");
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.path().join("cafe.ron~")), 0o600, "the backup too");
    press(&mut app, "p");
    let recovery = write_recovery(&mut app).unwrap().unwrap();
    assert_eq!(mode(&recovery), 0o600, "and the recovery copy");
}

#[test]
fn a_restored_session_that_stops_again_leaves_one_newer_copy() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("cafe.ron");
    let mut a = open(dir.path());
    press(&mut a, "e<C-u>First change<Enter>");
    write_recovery(&mut a).unwrap().unwrap();
    drop(a);
    let mut b = open(dir.path());
    press(&mut b, "r");
    press(&mut b, "je<C-u>Second change<Enter>");
    let written = write_recovery(&mut b).unwrap().unwrap();
    assert_eq!(
        written,
        recovery_path(&map),
        "the restored file is brought up to date"
    );
    drop(b);
    assert_eq!(
        store::recovery_files(&map).len(),
        1,
        "no older copy is left to be offered"
    );
    let mut c = open(dir.path());
    press(&mut c, "r");
    let titles: Vec<String> = journey(&c)
        .moments()
        .map(|(_, m)| m.title.clone())
        .collect();
    assert_eq!(titles, ["First change", "Second change"]);
}

#[test]
fn a_broken_recovery_file_does_not_hide_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("cafe.ron");
    let mut a = open(dir.path());
    press(&mut a, "jg");
    let good = write_recovery(&mut a).unwrap().unwrap();
    drop(a);
    fs::rename(&good, dir.path().join("cafe.ron.recover.2")).unwrap();
    fs::write(recovery_path(&map), "(title: \"broken").unwrap();
    let app = open(dir.path());
    assert!(
        matches!(app.app.mode(), Mode::Confirm(Confirm::Restore(path)) if path.ends_with("cafe.ron.recover.2"))
    );
}
