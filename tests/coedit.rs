//! Several people on one map, each the real binary in its own pseudo-terminal, typing at
//! once: nothing lost, nothing doubled, with one of them killed outright too; who is there;
//! how soon one sees another's change; and an idle shared session that does nothing.
//!
//! Run with `-- --nocapture` to see the figures (edits made and lost, latencies).

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use common::edits::{self, Person};
use common::pty::{PATIENCE, Session};
use motmap::model::Journey;
use motmap::store::Document;

const MAP: &str = r#"(title: "Cafe", stages: [
    (name: "Find", moments: [(title: "Searches the street")]),
    (name: "Order", moments: [(title: "Reads the board")]),
    (name: "Leave", moments: [(title: "Says goodbye")]),
])"#;

/// One person's editor: the real binary, in `dir`, with settings naming them.
fn editor(dir: &Path, name: &str, args: &[&str], cols: u16, rows: u16) -> Session {
    let config = dir.join(format!("config-{name}"));
    std::fs::create_dir_all(config.join("motmap")).unwrap();
    std::fs::write(
        config.join("motmap/config.ron"),
        format!("(name: \"{name}\")"),
    )
    .unwrap();
    let config = config.to_string_lossy().into_owned();
    Session::start_with(dir, args, cols, rows, &[("XDG_CONFIG_HOME", &config)])
}

fn map_in(dir: &Path) -> PathBuf {
    let path = dir.join("cafe.ron");
    std::fs::write(&path, MAP).unwrap();
    path
}

/// Types `person`'s edits into `session`, `count` of them, at a person's pace: a key
/// every few tens of milliseconds, and now and then a look to see the work has landed
/// (as a person looks at the screen), so the typing never runs far ahead of the editor
/// on a slow machine.
fn type_edits(session: &mut Session, person: &mut Person, count: usize, path: &Path) {
    for n in 1..=count {
        let keys = person.next_edit();
        session.send(&edits::terminal_bytes(&keys));
        let pause = 15 + person.pick(50) as u64;
        thread::sleep(Duration::from_millis(pause));
        if n % 25 == 0 {
            catch_up(session, person, path);
        }
    }
}

/// Only one scenario of several editors at a time: each runs three or four editors, and
/// together they would swamp a two-core machine.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// One more card: once it is in the file, the editor has handled and saved every key
/// before it.
fn catch_up(session: &mut Session, person: &mut Person, path: &Path) {
    let keys = person.add();
    session.send(&edits::terminal_bytes(&keys));
    let token = person.cards.last().unwrap().token.clone();
    let start = Instant::now();
    while !std::fs::read_to_string(path).unwrap().contains(&token) {
        assert!(
            start.elapsed() < PATIENCE,
            "{token} never reached the file; the screen:\n{}",
            session.text()
        );
        thread::sleep(Duration::from_millis(50));
    }
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < PATIENCE, "{what} never happened");
        thread::sleep(Duration::from_millis(50));
    }
}

fn presence_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".cafe.ron.motmap-"))
        .collect()
}

/// Checks the map on disk after everyone is done: it loads, no title appears twice, and
/// each person's cards are as they made them. Returns (edits made, cards lost) per person.
fn check(journey: &Journey, people: &[&Person]) -> Vec<(char, usize, Vec<String>)> {
    let mut titles: Vec<&str> = journey.moments().map(|(_, m)| m.title.as_str()).collect();
    let all = titles.len();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), all, "a card is doubled");
    people
        .iter()
        .map(|p| (p.letter, p.edits, p.lost_in(journey)))
        .collect()
}

const EDITS: usize = 300;

/// Ana, Ben and Cy, each in their own editor on the map in `dir`, each typing what `work`
/// has them type once all three are in, at once; their editors and what they did.
fn three_at_once(
    dir: &Path,
    seeds: [u64; 3],
    work: fn(&mut Session, &mut Person, &Path),
) -> Vec<(Session, Person)> {
    let handles: Vec<_> = [("Ana", 'A'), ("Ben", 'B'), ("Cy", 'C')]
        .into_iter()
        .zip(seeds)
        .map(|((name, letter), seed)| {
            let dir = dir.to_path_buf();
            thread::spawn(move || {
                let mut session = editor(&dir, name, &["cafe.ron"], 120, 40);
                session.wait_for("Searches the street");
                let mut person = Person::new(letter, seed);
                // Everyone in before anyone types: the map is shared from the first key.
                thread::sleep(Duration::from_millis(1500));
                work(&mut session, &mut person, &dir.join("cafe.ron"));
                (session, person)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// A person's whole stream of edits, and a last card to see it all landed.
fn all_edits(session: &mut Session, person: &mut Person, path: &Path) {
    type_edits(session, person, EDITS, path);
    catch_up(session, person, path);
}

/// Ben's half of his edits, and a last card whose title shows once it is handled; then
/// he is killed at once, before it is saved. The others type all of theirs.
fn killed_halfway(session: &mut Session, person: &mut Person, path: &Path) {
    if person.letter != 'B' {
        return all_edits(session, person, path);
    }
    type_edits(session, person, EDITS / 2, path);
    let keys = person.add();
    let token = person.cards.last().unwrap().token.clone();
    session.send(&edits::terminal_bytes(&keys));
    // On screen as a card, not only as the title being typed.
    let start = Instant::now();
    loop {
        let text = session.text();
        let typing = text.lines().last().is_some_and(|l| l.starts_with(" EDIT"));
        if text.contains(&token) && !typing {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "{token} never added:\n{text}");
        thread::sleep(Duration::from_millis(5));
    }
    session.kill();
}

#[test]
fn three_editors_typing_at_once_lose_nothing() {
    let _alone = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = map_in(dir.path());
    let started = Instant::now();
    let mut done = three_at_once(dir.path(), [11, 22, 33], all_edits);
    let typing = started.elapsed();
    // Everything is saved by itself and merged everywhere; then quitting saves whatever
    // is left.
    thread::sleep(Duration::from_secs(1));
    for (session, _) in &mut done {
        session.send("q");
    }
    for (session, _) in &mut done {
        assert!(session.wait_for_exit().success(), "{}", session.text());
    }
    let journey = Document::load(&path).unwrap().journey;
    let people: Vec<&Person> = done.iter().map(|(_, p)| p).collect();
    let report = check(&journey, &people);
    for (letter, edits, lost) in &report {
        println!(
            "{letter}: {edits} edits made, {} of {} cards lost",
            lost.len(),
            people
                .iter()
                .find(|p| p.letter == *letter)
                .unwrap()
                .cards
                .len()
        );
    }
    println!(
        "typed for {:.1} s; the map holds {} cards",
        typing.as_secs_f64(),
        journey.moment_count()
    );
    for (letter, _, lost) in &report {
        assert!(lost.is_empty(), "{letter} lost: {lost:#?}");
    }
    assert!(
        presence_files(dir.path()).is_empty(),
        "no presence file is left"
    );
}

#[test]
fn a_killed_editor_costs_the_others_nothing_and_keeps_its_own_edits_for_recovery() {
    let _alone = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = map_in(dir.path());
    let mut done = three_at_once(dir.path(), [44, 55, 66], killed_halfway);
    thread::sleep(Duration::from_secs(1));
    for (session, person) in &mut done {
        if person.letter != 'B' {
            session.send("q");
            assert!(session.wait_for_exit().success(), "{}", session.text());
        }
    }
    let journey = Document::load(&path).unwrap().journey;
    let others: Vec<&Person> = done
        .iter()
        .map(|(_, p)| p)
        .filter(|p| p.letter != 'B')
        .collect();
    for (letter, edits, lost) in check(&journey, &others) {
        println!("{letter}: {edits} edits made, {} lost", lost.len());
        assert!(lost.is_empty(), "{letter} lost: {lost:#?}");
    }
    // Ben's edits are all either saved or in his recovery copy, which holds his map as it
    // was when he was killed.
    let ben = done
        .iter()
        .map(|(_, p)| p)
        .find(|p| p.letter == 'B')
        .unwrap();
    let recoveries = motmap::store::recovery_files(&path);
    let bens = match recoveries.as_slice() {
        [] => journey.clone(),
        [one] => Document::load(one).unwrap().journey,
        more => panic!("one editor was killed, yet {} recovery files", more.len()),
    };
    let lost = ben.lost_in(&bens);
    println!(
        "B (killed): {} edits made, {} lost; recovery copy: {}",
        ben.edits,
        lost.len(),
        !recoveries.is_empty()
    );
    // Killed at once after its last card showed, before the pause that saves it: that card
    // is in the recovery copy (on a machine slow enough to save first, in the map).
    assert!(lost.is_empty(), "the killed editor lost: {lost:#?}");
    assert!(
        presence_files(dir.path()).is_empty(),
        "the killed editor's presence is cleared"
    );
}

#[test]
fn presence_follows_who_opens_quits_and_is_killed() {
    let _alone = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    map_in(dir.path());
    let mut ana = editor(dir.path(), "Ana", &["cafe.ron"], 100, 30);
    ana.wait_for("Searches the street");
    let mut ben = editor(dir.path(), "Ben", &["cafe.ron"], 100, 30);
    ben.wait_for("live with Ana");
    let mut cy = editor(dir.path(), "Cy", &["cafe.ron"], 100, 30);
    cy.wait_for("live with Ana, Ben");
    ana.wait_for("live with Ben, Cy");
    ana.send("q");
    assert!(ana.wait_for_exit().success());
    let mut dee = editor(dir.path(), "Dee", &["cafe.ron"], 100, 30);
    dee.wait_for("live with Ben, Cy");
    ben.wait_for("live with Cy, Dee");

    cy.kill();
    let start = Instant::now();
    dee.wait_for("live with Ben ");
    println!(
        "a killed editor left the others' title lines after {} ms",
        start.elapsed().as_millis()
    );
    // Ben moves to the second stage: his initials show on that card on Dee's board.
    ben.send("l");
    dee.wait_for("[BE]");
    for session in [&mut ben, &mut dee] {
        session.send("q");
        assert!(session.wait_for_exit().success());
    }
    assert!(
        presence_files(dir.path()).is_empty(),
        "no presence file after all quit"
    );
}

#[test]
fn a_change_reaches_the_other_screen_within_a_second_and_idle_is_silent() {
    let _alone = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    map_in(dir.path());
    let mut ana = editor(dir.path(), "Ana", &["cafe.ron"], 100, 30);
    ana.wait_for("Searches the street");
    let mut ben = editor(dir.path(), "Ben", &["cafe.ron"], 100, 30);
    ben.wait_for("live with Ana");
    ana.wait_for("live with Ben");
    let mut times = Vec::new();
    for n in 1..=20 {
        let title = format!("Cafe take {n:02}");
        ana.send("R\u{15}");
        ana.send(&title);
        ana.wait_for(&title);
        let sent = Instant::now();
        ana.send("\r");
        ben.wait_for(&title);
        times.push(sent.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    println!(
        "key in one editor to the change on the other's screen, 20 edits: median {} ms, worst {} ms",
        median.as_millis(),
        worst.as_millis()
    );

    // Idle: nothing more reaches either terminal, and nothing on disk changes.
    thread::sleep(Duration::from_secs(1));
    let listing = || -> Vec<(String, std::time::SystemTime)> {
        let mut all: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().to_string_lossy().into_owned();
                (name, e.metadata().unwrap().modified().unwrap())
            })
            .collect();
        all.sort();
        all
    };
    let (files, bytes) = (listing(), [ana.bytes_received(), ben.bytes_received()]);
    thread::sleep(Duration::from_secs(3));
    assert_eq!(
        [ana.bytes_received(), ben.bytes_received()],
        bytes,
        "an idle shared session draws nothing"
    );
    assert_eq!(
        listing(),
        files,
        "an idle shared session writes nothing to disk"
    );
    for session in [&mut ana, &mut ben] {
        session.send("q");
        assert!(session.wait_for_exit().success());
    }
    wait_until("the presence files go", || {
        presence_files(dir.path()).is_empty()
    });
}
