//! Two people, one map: live reload when the file changes on disk, and the marker that
//! tells a second editor who has the map open.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::fs;
use std::path::Path;

use common::{journey, open_editor, press, selected_title, view_editor};
use motmap::app::{Confirm, Mode};
use motmap::store::Document;
use motmap::store::lock::{self, Holder, lock_path};

const MAP: &str = r#"(title: "Cafe", stages: [
    (id: 1, name: "Wait", moments: [(id: 2, title: "Long queue"), (id: 3, title: "Free drink")]),
    (id: 4, name: "Pay", moments: [(id: 5, title: "Card refused")]),
])"#;

fn map(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("cafe.ron");
    fs::write(&path, MAP).expect("writes the map");
    path
}

/// Someone else saves a new version: a card added above the selected one.
fn their_save(path: &Path) {
    let theirs = MAP.replace(
        r#"(id: 2, title: "Long queue")"#,
        r#"(id: 9, title: "Their new card"), (id: 2, title: "Long queue")"#,
    );
    fs::write(path, theirs).expect("their save");
}

#[test]
fn a_change_on_disk_is_reloaded_and_the_selection_stays_on_its_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "j");
    assert_eq!(selected_title(&app), "Free drink");
    assert!(!app.poll(std::time::Instant::now()), "nothing changed yet");

    their_save(&path);
    assert!(app.poll(std::time::Instant::now()));
    assert_eq!(journey(&app).stages()[0].moments[0].title, "Their new card");
    assert_eq!(
        selected_title(&app),
        "Free drink",
        "still on the same card, now one lower"
    );
    assert!(
        app.app.status().text.contains("changed on disk"),
        "{}",
        app.app.status().text
    );
    assert!(!app.app.is_modified());
    press(&mut app, "u");
    assert_eq!(
        journey(&app).stages()[0].moments.len(),
        2,
        "u brings back the version before"
    );
}

#[test]
fn live_reload_never_discards_an_unsaved_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "p");
    let mine = journey(&app);

    their_save(&path);
    assert!(app.poll(std::time::Instant::now()));
    assert!(
        matches!(app.app.mode(), Mode::Confirm(Confirm::Overwrite { .. })),
        "it asks"
    );
    assert_eq!(journey(&app), mine, "the unsaved edit is still there");
    press(&mut app, "<Esc>");
    assert!(
        !app.poll(std::time::Instant::now()),
        "asked once, not again every half second"
    );
    assert_eq!(journey(&app), mine);

    // Saving later still asks before their version is overwritten.
    press(&mut app, "s");
    assert!(matches!(
        app.app.mode(),
        Mode::Confirm(Confirm::Overwrite { .. })
    ));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("Their new card")
    );
}

#[test]
fn a_read_only_view_follows_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = view_editor(&path);
    their_save(&path);
    assert!(app.poll(std::time::Instant::now()));
    assert_eq!(journey(&app).stages()[0].moments[0].title, "Their new card");
    assert!(
        app.app.status().text.contains("showing the new version"),
        "{}",
        app.app.status().text
    );
}

#[test]
fn a_broken_save_on_disk_is_reported_and_the_map_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    let before = journey(&app);
    fs::write(&path, "(title: \"Cafe\", stages: [").unwrap();
    assert!(app.poll(std::time::Instant::now()));
    assert_eq!(journey(&app), before);
    assert!(
        app.app.status().text.contains("does not load now"),
        "{}",
        app.app.status().text
    );
}

#[test]
fn an_open_map_is_marked_and_a_second_editor_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut first = open_editor(&path);
    assert!(lock_path(&path).exists());
    assert!(
        fs::read_to_string(lock_path(&path))
            .unwrap()
            .starts_with("// motmap has this map open")
    );

    let mut second = open_editor(&path);
    let Mode::Confirm(Confirm::Locked(holder)) = &second.app.mode() else {
        panic!("the second editor was not told: {:?}", second.app.mode());
    };
    assert_eq!(holder.pid, std::process::id());
    press(&mut second, "r");
    assert!(second.app.is_read_only());
    press(&mut second, "p");
    assert!(second.app.status().text.starts_with("Read-only view"));

    first.session.release();
    assert!(!lock_path(&path).exists(), "quitting removes the marker");
    drop(second);
    let third = open_editor(&path);
    assert_eq!(
        third.app.mode(),
        &Mode::Board,
        "no one has it open any more"
    );
}

#[test]
fn editing_anyway_leaves_the_other_editors_marker_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let first = open_editor(&path);
    let mut second = open_editor(&path);
    press(&mut second, "e");
    assert_eq!(second.app.mode(), &Mode::Board);
    assert!(!second.app.is_read_only());
    drop(second);
    assert!(lock_path(&path).exists(), "the first editor's marker stays");
    drop(first);
    assert!(!lock_path(&path).exists());
}

fn write_marker(path: &Path, holder: &Holder) {
    let text = format!(
        "// motmap has this map open\n{}\n",
        ron::to_string(holder).unwrap()
    );
    fs::write(lock_path(path), text).unwrap();
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn stale_markers_block_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let host = gethostname_of_this_machine();

    // An editor on this machine that crashed: its process is gone.
    let crashed = Holder {
        user: "alice".into(),
        host: host.clone(),
        pid: u32::MAX - 7,
        since: now() - 30,
        seen: now() - 30,
    };
    write_marker(&path, &crashed);
    if Path::new("/proc").is_dir() {
        assert_eq!(lock::holder(&path), None);
    }

    // An editor on another machine that stopped renewing its marker an hour ago.
    let silent = Holder {
        host: "elsewhere".into(),
        since: now() - 3600,
        seen: now() - 3600,
        ..crashed.clone()
    };
    write_marker(&path, &silent);
    assert_eq!(lock::holder(&path), None);
    let app = open_editor(&path);
    assert_eq!(app.app.mode(), &Mode::Board, "a stale marker is taken over");
    assert_eq!(lock::holder(&path).map(|h| h.pid), Some(std::process::id()));
    drop(app);

    // An editor on another machine that renewed its marker a minute ago is live.
    let live = Holder {
        host: "elsewhere".into(),
        since: now() - 600,
        seen: now() - 60,
        ..crashed
    };
    write_marker(&path, &live);
    assert_eq!(lock::holder(&path), Some(live.clone()));
    assert!(
        live.describe().starts_with("alice@elsewhere"),
        "{}",
        live.describe()
    );
    let app = open_editor(&path);
    assert!(matches!(app.app.mode(), Mode::Confirm(Confirm::Locked(_))));
}

fn gethostname_of_this_machine() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

#[test]
fn live_reload_asks_when_undone_edits_could_still_be_redone() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "e<C-u>My careful rewrite<Enter>u");
    assert!(!app.app.is_modified());
    their_save(&path);
    assert!(app.poll(std::time::Instant::now()));
    assert!(
        matches!(app.app.mode(), Mode::Confirm(Confirm::Overwrite { .. })),
        "asks rather than dropping the redo"
    );
    press(&mut app, "<Esc><C-r>");
    assert_eq!(selected_title(&app), "My careful rewrite");
}

#[test]
fn two_editors_saving_one_map_lose_nothing_without_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut first = open_editor(&path);
    let mut second = open_editor(&path);
    assert!(
        matches!(second.app.mode(), Mode::Confirm(Confirm::Locked(_))),
        "the second is warned"
    );
    press(&mut second, "e");
    press(&mut first, "p");
    press(&mut second, "jg");
    press(&mut first, "s");
    assert!(!first.app.is_modified(), "the first save goes through");
    press(&mut second, "s");
    assert!(
        matches!(second.app.mode(), Mode::Confirm(Confirm::Overwrite { .. })),
        "the later one is asked"
    );
    let on_disk = Document::load(&path).unwrap().journey;
    assert!(
        on_disk.stages()[0].moments[0].feeling.is_pain(),
        "the first editor's edit is on disk"
    );
    press(&mut second, "o");
    assert_eq!(
        std::fs::read_to_string(motmap::store::backup_path(&path)).unwrap(),
        motmap::store::to_ron(&on_disk),
        "overwritten only after the question, and the first editor's version is the backup"
    );
}

#[test]
fn editors_opening_one_map_through_a_symlink_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let _first = open_editor(&path);
    let second = open_editor(&link);
    assert!(matches!(
        second.app.mode(),
        Mode::Confirm(Confirm::Locked(_))
    ));
}

#[test]
fn keys_typed_towards_a_count_do_not_follow_into_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "p3");
    their_save(&path);
    assert!(app.poll(std::time::Instant::now()));
    assert!(matches!(
        app.app.mode(),
        Mode::Confirm(Confirm::Overwrite { .. })
    ));
    press(&mut app, "<Esc>");
    assert_eq!(app.app.mode(), &Mode::Board, "Esc answers the question");
    assert!(
        app.app.status().text.starts_with("Not saved."),
        "{}",
        app.app.status().text
    );
}
