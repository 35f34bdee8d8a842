//! Several people, one map: what others save is merged in with no question, saving merges
//! first so nothing is dropped, undo takes back only one's own changes, presence says who
//! is there, and a shared map saves itself.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::editor::open_editor_as;
use common::{journey, open_editor, press, screen, screen_text, selected_title, view_editor};
use motmap::app::Mode;
use motmap::session::Editor;
use motmap::store::Document;

const MAP: &str = r#"(title: "Cafe", next_id: 6, stages: [
    (id: 1, name: "Wait", moments: [(id: 2, title: "Long queue"), (id: 3, title: "Free drink")]),
    (id: 4, name: "Pay", moments: [(id: 5, title: "Card refused")]),
])"#;

fn map(dir: &Path) -> PathBuf {
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
    fs::write(path, theirs.replace("next_id: 6", "next_id: 10")).expect("their save");
}

/// The session looks at the disk at most a few times a second; each call here is a
/// second later than the one before, as if the user had waited.
fn wait_and_poll(editor: &mut Editor) -> bool {
    static SECONDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let later = SECONDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    editor.poll(Instant::now() + Duration::from_secs(later))
}

fn status(editor: &Editor) -> String {
    editor.app.status().text.clone()
}

fn titles(editor: &Editor) -> Vec<String> {
    journey(editor)
        .moments()
        .map(|(_, m)| m.title.clone())
        .collect()
}

fn on_disk(path: &Path) -> motmap::model::Journey {
    Document::load(path).unwrap().journey
}

#[test]
fn a_change_on_disk_is_merged_in_and_the_selection_stays_on_its_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "j");
    assert_eq!(selected_title(&app), "Free drink");
    assert!(!wait_and_poll(&mut app), "nothing changed yet");

    their_save(&path);
    assert!(wait_and_poll(&mut app));
    assert_eq!(journey(&app).stages()[0].moments[0].title, "Their new card");
    assert_eq!(
        selected_title(&app),
        "Free drink",
        "on the same card, one lower"
    );
    assert!(
        status(&app).starts_with("Changed on disk: stage “Wait”: added “Their new card”"),
        "{}",
        status(&app)
    );
    assert!(!app.app.is_modified());
    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Nothing to undo.",
        "their change is not ours to undo"
    );
    assert_eq!(titles(&app).len(), 4);
}

#[test]
fn unsaved_edits_are_kept_when_a_change_on_disk_is_merged_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "p");
    their_save(&path);
    assert!(wait_and_poll(&mut app));
    assert_eq!(app.app.mode(), &Mode::Board, "no question");
    let merged = journey(&app);
    assert!(
        merged
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_pain(),
        "ours"
    );
    assert!(merged.moment(motmap::model::Id(9)).is_some(), "theirs");
    assert!(app.app.is_modified(), "our edit is still to be saved");
    press(&mut app, "s");
    let saved = on_disk(&path);
    assert_eq!(saved, merged);
}

#[test]
fn a_read_only_view_follows_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = view_editor(&path);
    their_save(&path);
    assert!(wait_and_poll(&mut app));
    assert_eq!(journey(&app).stages()[0].moments[0].title, "Their new card");
}

#[test]
fn a_broken_file_on_disk_is_reported_never_saved_over_and_the_map_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = open_editor(&path);
    press(&mut app, "p");
    let before = journey(&app);
    let broken = "(title: \"Cafe\", stages: [";
    fs::write(&path, broken).unwrap();
    assert!(wait_and_poll(&mut app));
    assert_eq!(journey(&app), before);
    assert!(
        status(&app).contains("does not load now"),
        "{}",
        status(&app)
    );
    press(&mut app, "s");
    assert!(
        status(&app).starts_with("Did not save: the file on disk does not load now"),
        "{}",
        status(&app)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken, "left as it was");
    assert!(app.app.is_modified());
}

/// The regression this whole design is for: A saves; B, with unsaved edits, saves.
#[test]
fn two_editors_saving_one_map_keep_both_edits_with_no_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut ana = open_editor_as(&path, "Ana");
    let mut ben = open_editor_as(&path, "Ben");
    assert_eq!(ben.app.mode(), &Mode::Board, "no warning, no question");
    press(&mut ana, "p");
    press(&mut ben, "jg");
    press(&mut ana, "s");
    press(&mut ben, "s");
    assert_eq!(ben.app.mode(), &Mode::Board, "no question");
    let saved = on_disk(&path);
    assert!(
        saved
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_pain(),
        "Ana's"
    );
    assert!(
        saved
            .moment(motmap::model::Id(3))
            .unwrap()
            .feeling
            .is_glory(),
        "Ben's"
    );
    assert_eq!(journey(&ben), saved);
    assert!(
        status(&ben).starts_with("Ana: stage “Wait”: “Long queue”: recoloured"),
        "says what came in and from whom: {}",
        status(&ben)
    );

    // Ana takes in Ben's save; her undo takes back only her own change.
    assert!(wait_and_poll(&mut ana));
    assert_eq!(journey(&ana), saved);
    press(&mut ana, "u");
    let mine_undone = journey(&ana);
    assert!(
        mine_undone
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_neutral()
    );
    assert!(
        mine_undone
            .moment(motmap::model::Id(3))
            .unwrap()
            .feeling
            .is_glory()
    );
}

#[test]
fn an_undo_that_would_take_back_someone_elses_later_change_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut ana = open_editor_as(&path, "Ana");
    let mut ben = open_editor_as(&path, "Ben");
    press(&mut ana, "ps");
    assert!(wait_and_poll(&mut ben));
    press(&mut ben, "gs");
    assert!(wait_and_poll(&mut ana));
    let before = journey(&ana);
    assert!(
        before
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_glory()
    );
    press(&mut ana, "u");
    assert_eq!(journey(&ana), before, "the map is as it was");
    assert!(
        status(&ana).contains("someone else has changed that part of the map since"),
        "{}",
        status(&ana)
    );
}

#[test]
fn cards_added_at_once_in_two_editors_both_land_and_undo_takes_back_ones_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut ana = open_editor_as(&path, "Ana");
    let mut ben = open_editor_as(&path, "Ben");
    press(&mut ana, "aAna's card<Enter>s");
    press(&mut ben, "aBen's card<Enter>s");
    let saved = on_disk(&path);
    let titles_on_disk: Vec<&str> = saved.moments().map(|(_, m)| m.title.as_str()).collect();
    assert!(titles_on_disk.contains(&"Ana's card") && titles_on_disk.contains(&"Ben's card"));
    assert_eq!(saved.moment_count(), 5, "nothing doubled");
    press(&mut ben, "u");
    let titles_after = titles(&ben);
    assert!(
        !titles_after.contains(&"Ben's card".to_string()),
        "Ben's own card went"
    );
    assert!(
        titles_after.contains(&"Ana's card".to_string()),
        "Ana's stayed"
    );
}

#[test]
fn a_field_changed_both_ways_keeps_ours_shows_theirs_and_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut ana = open_editor_as(&path, "Ana");
    let mut ben = open_editor_as(&path, "Ben");
    press(&mut ana, "e<C-u>Queue of ten<Enter>s");
    press(&mut ben, "e<C-u>Queue out the door<Enter>");
    press(&mut ben, "jjs");
    let merged = journey(&ben);
    let card = merged.moment(motmap::model::Id(2)).unwrap();
    assert_eq!(card.title, "Queue out the door", "ours kept");
    assert!(
        card.notes.contains("Queue of ten"),
        "theirs beside it: {}",
        card.notes
    );
    assert!(
        status(&ben).contains("changed both ways"),
        "{}",
        status(&ben)
    );
    let shown = screen_text(screen(&mut ben, 100, 20).backend().buffer());
    assert!(
        shown.lines().next().unwrap().contains("! 1 conflict"),
        "{shown}"
    );
    press(&mut ben, "!");
    assert_eq!(selected_title(&ben), "Queue out the door");
}

#[test]
fn presence_is_kept_per_editor_and_goes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let ana = open_editor_as(&path, "Ana");
    let mut ben = open_editor_as(&path, "Ben");
    let mut cy = open_editor_as(&path, "Cy");
    assert!(wait_and_poll(&mut ben));
    let names =
        |e: &Editor| -> Vec<String> { e.app.peers().iter().map(|p| p.name.clone()).collect() };
    assert_eq!(names(&ben), ["Ana", "Cy"]);
    drop(ana);
    let dee = open_editor_as(&path, "Dee");
    assert_eq!(
        names(&dee),
        ["Ben", "Cy"],
        "Ana quitting took no one else with her"
    );
    assert!(wait_and_poll(&mut cy));
    assert_eq!(names(&cy), ["Ben", "Dee"]);
    let shown = screen_text(screen(&mut cy, 100, 20).backend().buffer());
    assert!(
        shown.lines().next().unwrap().contains("live with Ben, Dee"),
        "{shown}"
    );
    drop((ben, cy, dee));
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["cafe.ron"], "no presence file is left");
}

#[test]
fn each_editors_selected_card_shows_their_initials_on_the_others_boards() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut ana = open_editor_as(&path, "Ana Lima");
    let mut ben = open_editor_as(&path, "Ben");
    assert!(wait_and_poll(&mut ana));
    press(&mut ana, "l");
    assert!(
        !wait_and_poll(&mut ana),
        "publishing the selection changes nothing here"
    );
    assert!(wait_and_poll(&mut ben));
    let shown = screen_text(screen(&mut ben, 100, 20).backend().buffer());
    let card_top = shown
        .lines()
        .find(|l| l.contains("[AL]"))
        .unwrap_or_else(|| panic!("no initials on the board:\n{shown}"));
    assert!(
        card_top.find("[AL]").unwrap() > 40,
        "on the Pay card, to the right: {card_top}"
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
    assert_eq!(second.app.peers().len(), 1);
}

#[test]
fn a_shared_map_saves_itself_after_a_pause_and_an_idle_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let _ben = open_editor_as(&path, "Ben");
    let mut ana = open_editor_as(&path, "Ana");
    assert!(ana.app.is_live());
    press(&mut ana, "p");
    assert!(ana.app.is_modified());
    wait_and_poll(&mut ana);
    assert!(!ana.app.is_modified(), "saved by itself");
    assert!(
        on_disk(&path)
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_pain()
    );

    let listing = || -> Vec<(String, std::time::SystemTime)> {
        let mut all: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().modified().unwrap(),
                )
            })
            .collect();
        all.sort();
        all
    };
    let before = listing();
    for _ in 0..10 {
        assert!(!wait_and_poll(&mut ana), "nothing happens, nothing to draw");
    }
    assert_eq!(listing(), before, "an idle shared editor writes nothing");
}

#[test]
fn a_follower_starts_editing_with_one_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut app = view_editor(&path);
    press(&mut app, "p");
    assert!(
        journey(&app)
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_neutral()
    );
    press(&mut app, "i");
    assert!(!app.app.is_read_only());
    press(&mut app, "ps");
    assert!(
        on_disk(&path)
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_pain()
    );
}

/// Three editors in one process, each typing its own random stream of edits on its own
/// cards, saving, and looking at the disk, in a random order: at the end the map holds
/// every change each of them made, and nothing twice.
#[test]
fn three_editors_interleaved_at_random_lose_nothing() {
    use common::edits::Person;
    use common::random::Random;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    fs::write(
        &path,
        r#"(title: "Cafe", stages: [(name: "Find"), (name: "Order"), (name: "Leave")])"#,
    )
    .unwrap();
    let mut editors: Vec<Editor> = ["Ana", "Ben", "Cy"]
        .iter()
        .map(|name| open_editor_as(&path, name))
        .collect();
    let mut people: Vec<Person> = ['A', 'B', 'C']
        .iter()
        .zip([7, 8, 9])
        .map(|(letter, seed)| Person::new(*letter, seed))
        .collect();
    let mut random = Random::new(0x5eed);
    // Each editor takes its keys one at a time, and between any two keys it may look at
    // the disk (taking in, and saving by itself, what the others did), as the run loop does.
    let mut typed: Vec<std::collections::VecDeque<crossterm::event::KeyEvent>> =
        vec![Default::default(); 3];
    for _ in 0..6000 {
        let who = (random.next_u64() % 3) as usize;
        if typed[who].is_empty() {
            typed[who] = common::keys(&people[who].next_edit()).into();
        }
        let key = typed[who].pop_front().unwrap();
        editors[who].handle(motmap::app::Event::Key(key), Instant::now());
        if random.next_u64().is_multiple_of(3) {
            wait_and_poll(&mut editors[who]);
        }
        if typed[who].is_empty() {
            let lost = people[who].lost_in(&journey(&editors[who]));
            assert!(lost.is_empty(), "{}: {lost:#?}", people[who].letter);
        }
    }
    for (who, editor) in editors.iter_mut().enumerate() {
        while let Some(key) = typed[who].pop_front() {
            editor.handle(motmap::app::Event::Key(key), Instant::now());
        }
    }
    for editor in &mut editors {
        press(editor, "s");
    }
    let saved = on_disk(&path);
    let mut titles: Vec<&str> = saved.moments().map(|(_, m)| m.title.as_str()).collect();
    let all = titles.len();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), all, "nothing doubled");
    for person in &people {
        let lost = person.lost_in(&saved);
        assert!(lost.is_empty(), "{} lost {lost:#?}", person.letter);
    }
    assert_eq!(
        motmap::merge::unresolved(&saved),
        0,
        "no conflict: nobody shared a card"
    );
}

#[test]
fn a_reviewers_comments_and_votes_are_merged_into_the_file_by_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let mut ana = open_editor_as(&path, "Ana");
    let mut rui = view_editor(&path);
    assert!(wait_and_poll(&mut ana));
    assert_eq!(ana.app.peers()[0].name, "Rui");
    assert!(!ana.app.peers()[0].editing, "a reviewer reads only");
    press(&mut ana, "p");
    press(&mut rui, "cWhy is the queue so long?<Enter>v");
    wait_and_poll(&mut rui);
    assert!(!rui.app.is_modified(), "saved by itself");
    assert!(wait_and_poll(&mut ana));
    let card = journey(&ana).moment(motmap::model::Id(2)).unwrap().clone();
    assert_eq!(card.comments[0].text, "Why is the queue so long?");
    assert_eq!(card.comments[0].author, "Rui");
    assert_eq!(card.votes, 1);
    assert!(card.feeling.is_pain(), "Ana's unsaved edit is still here");
    assert!(status(&ana).starts_with("Rui: "), "{}", status(&ana));
}

#[test]
fn a_save_by_itself_that_fails_is_said_once_and_tried_again_after_the_next_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let _ben = open_editor_as(&path, "Ben");
    let mut ana = open_editor_as(&path, "Ana");
    press(&mut ana, "p");
    let broken = "(title: \"Cafe\", stages: [";
    fs::write(&path, broken).unwrap();
    wait_and_poll(&mut ana);
    wait_and_poll(&mut ana);
    assert!(status(&ana).starts_with("Did not save"), "{}", status(&ana));
    assert!(
        !wait_and_poll(&mut ana),
        "not tried again while nothing changed"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        broken,
        "never written over"
    );
    fs::write(&path, MAP).unwrap();
    press(&mut ana, "g");
    wait_and_poll(&mut ana);
    assert!(
        !ana.app.is_modified(),
        "saved by itself once the file loads: {}",
        status(&ana)
    );
    assert!(
        on_disk(&path)
            .moment(motmap::model::Id(2))
            .unwrap()
            .feeling
            .is_glory()
    );
}
