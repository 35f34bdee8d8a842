//! The real binary in a pseudo-terminal, driven the way a person types, with a vt100
//! parser reading the screen they would see.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::path::Path;
use std::thread;
use std::time::Duration;

use common::binary;
use common::pty::{Session, nonzero};
use common::random::Random;
use motmap::model::Kind;
use motmap::store::{Document, recovery_path};
use portable_pty::PtySize;

fn write_map(dir: &Path, name: &str, ron: &str) {
    std::fs::write(dir.join(name), ron).expect("writes the map");
}

/// motmap at 80×24 on `dir/cafe.ron`, a map of one card, “Long queue”, on screen.
fn a_long_queue_at_80_by_24(dir: &Path) -> Session {
    write_map(
        dir,
        "cafe.ron",
        r#"(title: "Cafe", stages: [(name: "Wait", moments: [(title: "Long queue")])])"#,
    );
    let session = Session::start(dir, &["cafe.ron"], 80, 24);
    session.wait_for("Long queue");
    session
}

#[test]
fn a_whole_workshop_session() {
    let dir = tempfile::tempdir().unwrap();
    write_map(
        dir.path(),
        "workshop.ron",
        r#"(title: "Workshop", stages: [])"#,
    );
    let mut session = Session::start(dir.path(), &["workshop.ron"], 100, 30);
    session.wait_for("no stages yet");

    session.type_and_see("A", "EDIT");
    session.type_and_see("Discover\r", "Added stage “Discover”");
    session.type_and_see("A", "New stage");
    session.type_and_see("Buy\r", "Added stage “Buy”");
    session.send("h");
    session.type_and_see("a", "New moment in “Discover”");
    session.type_and_see("Reads reviews\r", "Added moment “Reads reviews”");
    session.type_and_see("a", "New moment");
    session.type_and_see("긴 줄을 섬\r", "Added moment “긴 줄을 섬”");
    session.type_and_see("t", "Which moment of truth?");
    session.type_and_see("f", "is now an FMOT");
    session.type_and_see("p", "“긴 줄을 섬” is now a pain");
    session.send("k");
    session.type_and_see("g", "“Reads reviews” is now a glory");
    session.type_and_see("L", "Moved “Reads reviews” to “Buy”");
    session.type_and_see("u", "Undid: move “Reads reviews”");
    let screen = session.type_and_see("s", "Saved workshop.ron (2 moments)");
    for seen in [
        "Discover",
        "Buy",
        "긴 줄을 섬",
        "FMOT",
        "- pain",
        "+ glory",
        "Reads reviews",
    ] {
        assert!(
            screen.contains(seen),
            "{seen:?} is not on screen:\n{screen}"
        );
    }
    assert!(!screen.contains("unsaved changes"));

    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");

    let saved = Document::load(dir.path().join("workshop.ron"))
        .unwrap()
        .journey;
    let names: Vec<&str> = saved.stages().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Discover", "Buy"]);
    let discover = &saved.stages()[0].moments;
    assert_eq!(
        discover.len(),
        2,
        "the undone move left the card in Discover"
    );
    assert_eq!(discover[0].title, "Reads reviews");
    assert_eq!(discover[0].feeling.value(), 1);
    assert_eq!(discover[1].title, "긴 줄을 섬");
    assert_eq!(discover[1].kind, Some(Kind::Fmot));
    assert_eq!(discover[1].feeling.value(), -1);
}

#[test]
fn a_hang_up_leaves_a_recovery_file_and_no_process() {
    let dir = tempfile::tempdir().unwrap();
    let original = r#"(title: "Cafe", stages: [(name: "Wait", moments: [(title: "Long queue")])])"#;
    write_map(dir.path(), "cafe.ron", original);
    let mut session = Session::start(dir.path(), &["cafe.ron"], 80, 24);
    session.wait_for("Long queue");
    session.type_and_see("p", "is now a pain");
    session.type_and_see("e", "EDIT");
    session.type_and_see(" at lunch\r", "Renamed the moment");

    session.hang_up();
    let status = session.wait_for_exit();
    assert!(!status.success(), "stopped by the hang-up: {status:?}");

    let map = dir.path().join("cafe.ron");
    assert_eq!(
        std::fs::read_to_string(&map).unwrap(),
        original,
        "the map itself is untouched"
    );
    let recovered = Document::load(recovery_path(&map)).unwrap().journey;
    let moment = &recovered.stages()[0].moments[0];
    assert_eq!(moment.title, "Long queue at lunch");
    assert_eq!(moment.feeling.value(), -1);

    // Opening the map again offers the recovered changes.
    let mut session = Session::start(dir.path(), &["cafe.ron"], 80, 24);
    session.wait_for("Recover unsaved changes");
    session.type_and_see("r", "Restored the unsaved changes");
    session.type_and_see("s", "Saved cafe.ron");
    session.send("q");
    assert!(session.wait_for_exit().success());
    let saved = Document::load(&map).unwrap().journey;
    assert_eq!(saved, recovered);
    assert!(!recovery_path(&map).exists());
}

#[test]
fn sigterm_saves_unsaved_changes_for_recovery_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = a_long_queue_at_80_by_24(dir.path());
    session.type_and_see("g", "is now a glory");
    let pid = session.child.process_id().expect("a process id");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 128 + 15);
    let text = session.wait_for("stopped by signal 15");
    assert!(
        text.contains("cafe.ron.recover"),
        "says where the changes went:\n{text}"
    );
    assert!(
        !session.screen.lock().unwrap().screen().alternate_screen(),
        "the terminal is back to normal"
    );
    let recovered = Document::load(recovery_path(&dir.path().join("cafe.ron")))
        .unwrap()
        .journey;
    assert_eq!(recovered.stages()[0].moments[0].feeling.value(), 1);
}

#[test]
fn a_file_that_fails_to_load_is_reported_without_starting_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    write_map(
        dir.path(),
        "bad.ron",
        "(title: \"Cafe\", stages: [(name: \"Wait\", colour: 1)])",
    );
    let mut session = Session::start(dir.path(), &["bad.ron"], 80, 24);
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 1);
    let text = session.wait_for("unknown field `colour`");
    assert!(text.contains("bad.ron:1:"), "{text}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.ron")).unwrap(),
        "(title: \"Cafe\", stages: [(name: \"Wait\", colour: 1)])"
    );
}

#[test]
fn with_no_file_a_newcomer_sees_an_example_journey_and_where_it_lives() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), &[], 120, 30);
    let screen = session.wait_for("This is your own map");
    for seen in ["Buying shoes online", "Discover", "ZMOT", "? help"] {
        assert!(screen.contains(seen), "{seen:?} missing:\n{screen}");
    }
    assert!(dir.path().join("data/motmap/journey.ron").exists());
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_resize_redraws_at_once() {
    let dir = tempfile::tempdir().unwrap();
    write_map(
        dir.path(),
        "cafe.ron",
        motmap::templates::find("cafe").unwrap().source,
    );
    let mut session = Session::start(dir.path(), &["cafe.ron"], 100, 30);
    session.wait_for("Cafe visit");
    let size = |rows, cols| PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    };
    session
        .screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(nonzero(9), nonzero(39));
    session
        .master
        .as_ref()
        .unwrap()
        .resize(size(9, 39))
        .unwrap();
    session.wait_for("Terminal too small");
    session
        .screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(nonzero(30), nonzero(100));
    session
        .master
        .as_ref()
        .unwrap()
        .resize(size(30, 100))
        .unwrap();
    session.wait_for("Arrive and queue");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_broken_settings_file_is_reported_and_the_editor_starts_anyway() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/motmap")).unwrap();
    std::fs::write(dir.path().join("config/motmap/config.ron"), "(theme: Pink)").unwrap();
    write_map(
        dir.path(),
        "cafe.ron",
        motmap::templates::find("cafe").unwrap().source,
    );
    let mut session = Session::start(dir.path(), &["cafe.ron"], 120, 30);
    let screen = session.wait_for("Settings ignored");
    assert!(
        screen.contains("Cafe visit"),
        "the map is open all the same:\n{screen}"
    );
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn remapped_keys_from_the_settings_file_work() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/motmap")).unwrap();
    std::fs::write(
        dir.path().join("config/motmap/config.ron"),
        r#"(keys: {"make_pain": ["~"]})"#,
    )
    .unwrap();
    write_map(
        dir.path(),
        "cafe.ron",
        r#"(title: "Cafe", stages: [(name: "Wait", moments: [(title: "Long queue")])])"#,
    );
    let mut session = Session::start(dir.path(), &["cafe.ron"], 100, 30);
    session.wait_for("Long queue");
    session.type_and_see("~", "is now a pain");
    session.type_and_see("?", "Keys");
    session.send("q");
    session.send("q");
    session.wait_for("Unsaved changes");
    session.send("n");
    assert!(session.wait_for_exit().success());
}

/// Kills the real process with SIGKILL at random moments while it saves over and over: the
/// map must always load afterwards, as one whole version or the other, never a mix.
#[test]
fn killing_motmap_during_saves_never_leaves_a_broken_map() {
    let dir = tempfile::tempdir().unwrap();
    let original = r#"(title: "Cafe", stages: [(name: "Wait", moments: [(title: "Long queue"), (title: "Free drink")])])"#;
    write_map(dir.path(), "cafe.ron", original);
    let path = dir.path().join("cafe.ron");
    // Kill times that vary, the same way on every run.
    let mut random = Random::new(0x2545_f491_4f6c_dd1d);
    let mut seen_versions = std::collections::HashSet::new();
    for round in 0..300 {
        let mut session = Session::start(dir.path(), &["cafe.ron"], 80, 24);
        session.wait_for("Long queue");
        // Toggle a glory and save, many times over, as fast as the keys arrive.
        session.send(&"gs0s".repeat(40));
        thread::sleep(Duration::from_micros(random.next_u64() % 30_000));
        session.kill();

        let text = std::fs::read_to_string(&path).unwrap();
        let journey = motmap::store::parse(&text)
            .unwrap_or_else(|e| panic!("round {round}: the map does not load: {e:?}\n{text}"));
        // g makes a glory (a deep one if it already was), 0 makes it neutral: each save
        // writes one of those whole versions.
        let feeling = journey.stages()[0].moments[0].feeling.value();
        assert!(
            (0..=2).contains(&feeling),
            "round {round}: feeling {feeling}"
        );
        assert_eq!(journey.moment_count(), 2);
        seen_versions.insert(text);
        // What the killed editor had not saved is in its recovery copy, whole; cleared so
        // the next round starts on the map rather than on the offer to restore it.
        for recovery in motmap::store::recovery_files(&path) {
            let copy = std::fs::read_to_string(&recovery).unwrap();
            motmap::store::parse(&copy).unwrap_or_else(|e| {
                panic!("round {round}: the recovery copy does not load: {e:?}")
            });
            std::fs::remove_file(recovery).unwrap();
        }
    }
    assert!(
        seen_versions.len() >= 2,
        "the kills landed while saves were happening"
    );

    // The next save clears away what the killed saves left half-written.
    let mut session = Session::start(dir.path(), &["cafe.ron"], 80, 24);
    session.wait_for("Long queue");
    session.type_and_see("ps", "Saved cafe.ron");
    session.send("q");
    assert!(session.wait_for_exit().success());
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".link"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_merged_map_with_a_conflict_says_so_and_exports_from_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let base = "(title: \"Cafe\", stages: [(id: 1, name: \"Pay\", moments: [(id: 2, title: \"Card refused\", feeling: -1)])])";
    write_map(dir.path(), "base.ron", base);
    write_map(
        dir.path(),
        "ours.ron",
        &base.replace("Card refused", "Card refused twice"),
    );
    write_map(
        dir.path(),
        "theirs.ron",
        &base.replace("Card refused", "Card reader broken"),
    );
    let merge = binary::motmap(dir.path(), &["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert_eq!(merge.status.code(), Some(1), "a conflict fails the merge");

    let mut session = Session::start(dir.path(), &["ours.ron"], 80, 24);
    let screen = session.wait_for("Merge conflicts in 1 place");
    assert!(screen.contains("! conflict"), "{screen}");
    // The menu names the file each format goes to; waited for whole, as it may arrive in
    // more than one read.
    session.type_and_see("E", "Written beside the map");
    session.wait_for("→ ours.html");
    session.type_and_see("h", "Exported as HTML to ours.html.");
    let page = std::fs::read_to_string(dir.path().join("ours.html")).unwrap();
    assert!(page.contains("Card refused twice"));
    assert!(page.contains("theirs “Card reader broken”"));
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn your_own_editor_writes_the_notes_then_u_takes_them_back_and_the_board_is_drawn_whole() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write_map(
        dir.path(),
        "cafe.ron",
        r#"(title: "Cafe", stages: [(name: "Wait", moments: [(title: "Long queue", notes: "Slow.")]), (name: "Pay")])"#,
    );
    // An "editor" that writes on the screen it was given and adds a line to the file.
    let script = dir.path().join("add-a-line.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'EDITOR WAS HERE\\n'\necho 'Added in the editor.' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor = script.to_string_lossy().into_owned();
    let mut session = Session::start_with(
        dir.path(),
        &["cafe.ron"],
        80,
        24,
        &[("EDITOR", editor.as_str()), ("VISUAL", "")],
    );
    session.wait_for("Long queue");

    // Ctrl-g: the editor runs, then the whole board is back.
    let screen = session.type_and_see("\x07", "Changed the notes of “Long queue”");
    for seen in ["Cafe", "Wait", "Pay", "Long queue"] {
        assert!(
            screen.contains(seen),
            "{seen:?} is not on screen:\n{screen}"
        );
    }
    assert!(!screen.contains("EDITOR WAS HERE"), "{screen}");
    // The details are drawn top to bottom, and may arrive in more than one read: waited
    // for down to their last line.
    let screen = session.type_and_see("\r", "Esc close");
    assert!(screen.contains("Moment in Wait"), "{screen}");
    assert!(screen.contains("Slow."), "{screen}");
    assert!(screen.contains("Added in the editor."), "{screen}");

    session.type_and_see("q", "Details closed");
    session.type_and_see("u", "Undid");
    let screen = session.type_and_see("\r", "Esc close");
    assert!(screen.contains("Slow."), "{screen}");
    assert!(!screen.contains("Added in the editor."), "{screen}");

    session.type_and_see("q", "Details closed");
    session.send("q");
    session.type_and_see("n", "");
    session.wait_for_exit();
}

#[test]
fn a_bracketed_paste_of_two_lines_into_a_title_gives_one_line_with_a_space() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = a_long_queue_at_80_by_24(dir.path());
    session.type_and_see("e", "Type the title");
    // Ctrl-u empties the field; the paste comes as the terminal brackets it.
    session.send("\x15\x1b[200~line one\nline two\x1b[201~\r");
    let screen = session.wait_for("Renamed the moment “line one line two”");
    assert!(screen.contains("line one line two"), "{screen}");
    session.send("q");
    session.type_and_see("n", "");
    session.wait_for_exit();
}

/// A map for a vim user's fingers: five moments in a stage, and a stage to put one in.
const FIVE: &str = r#"(title: "Vim", stages: [
    (name: "Find", moments: [(title: "One"), (title: "Two"), (title: "Three"), (title: "Four"), (title: "Five")]),
    (name: "Wait", moments: [(title: "Queue")]),
])"#;

/// motmap on `FIVE` in a new directory, in a terminal of `cols`×`rows`, once it shows.
fn start_on_five(cols: u16, rows: u16) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    write_map(dir.path(), "vim.ron", FIVE);
    let session = Session::start(dir.path(), &["vim.ron"], cols, rows);
    session.wait_for("Five");
    (dir, session)
}

#[test]
fn a_vim_user_counts_repeats_deletes_undoes_yanks_puts_and_writes_and_quits() {
    let (dir, mut session) = start_on_five(100, 30);

    session.type_and_see("3", "3…");
    session.send("j");
    session.type_and_see("p", "“Four” is now a pain");
    session.type_and_see("k.", "“Three” is now a pain");
    session.type_and_see("G", "MAP");
    session.type_and_see("d", "d…");
    session.type_and_see("d", "Deleted “Five”: u brings it back");
    session.type_and_see("u", "Undid: delete “Five”");
    session.type_and_see("1G", "MAP");
    session.type_and_see("yy", "Yanked “One”: yp puts a copy");
    session.type_and_see("l", "MAP");
    session.type_and_see("yp", "Put a copy of “One” in “Wait”");
    session.type_and_see(":", "COMMAND");
    session.type_and_see("wq", ":wq");
    session.send("\r");
    assert!(session.wait_for_exit().success());

    let saved = Document::load(dir.path().join("vim.ron")).unwrap().journey;
    let find: Vec<(&str, i8)> = saved.stages()[0]
        .moments
        .iter()
        .map(|m| (m.title.as_str(), m.feeling.value()))
        .collect();
    assert_eq!(
        find,
        [
            ("One", 0),
            ("Two", 0),
            ("Three", -1),
            ("Four", -1),
            ("Five", 0)
        ]
    );
    let wait: Vec<&str> = saved.stages()[1]
        .moments
        .iter()
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(wait, ["Queue", "One"]);
}

#[test]
fn colon_q_refuses_a_changed_map_and_colon_q_bang_quits_without_saving() {
    let (dir, mut session) = start_on_five(80, 24);
    session.type_and_see("g", "“One” is now a glory");
    session.type_and_see(
        ":q\r",
        "Unsaved changes: :w saves, :q! quits without saving.",
    );
    session.type_and_see(":q!", ":q!");
    session.send("\r");
    assert!(session.wait_for_exit().success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("vim.ron")).unwrap(),
        FIVE,
        "nothing was written"
    );
}
