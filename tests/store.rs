//! The file format and the store: round trips, load errors, and saves that lose nothing.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::maps::built_in;
use motmap::model::{
    Comment, CommentTarget, Edit, Evidence, Feeling, Journey, Kind, Moment, MomentField,
    MomentList, Stage,
};
use motmap::store::{self, Document, SaveError, backup_path, parse, to_ron};
use motmap::templates::TEMPLATES;

#[test]
fn every_template_and_example_round_trips_byte_for_byte() {
    for template in TEMPLATES {
        let journey = parse(template.source).unwrap();
        journey.validate().unwrap();
        assert_eq!(
            to_ron(&journey),
            template.source,
            "assets for {} are not in saved form",
            template.name
        );
    }
}

#[test]
fn examples_are_real_journeys() {
    for template in TEMPLATES.iter().filter(|t| t.is_example) {
        let journey = template.journey();
        let moments: Vec<&Moment> = journey.moments().map(|(_, m)| m).collect();
        assert!(moments.len() >= 15, "{} is too small", template.name);
        assert!(
            moments
                .iter()
                .any(|m| m.feeling.is_pain() && !m.idea.is_empty()),
            "{} has no pain with an idea",
            template.name
        );
        assert!(
            moments.iter().any(|m| m.feeling.is_glory()),
            "{} has no glory",
            template.name
        );
        assert!(
            moments.iter().any(|m| m.kind.is_some()),
            "{} has no moment of truth",
            template.name
        );
    }
    let korean = built_in("hotpot-ko");
    assert!(korean.title.chars().any(|c| ('가'..='힣').contains(&c)));
}

#[test]
fn the_minimal_hand_written_forms_load() {
    let coffee = parse(
        r#"(title: "Coffee", stages: [(name: "Buy", moments: [(title: "Pays at the counter")])])"#,
    )
    .unwrap();
    assert_eq!(coffee.title, "Coffee");
    let moment = &coffee.stages()[0].moments[0];
    assert_eq!(moment.title, "Pays at the counter");
    assert_eq!(
        moment.kind, None,
        "a missing kind is an ordinary touchpoint"
    );
    assert_eq!(moment.feeling, Feeling::NEUTRAL);

    let cafe = parse(
        r#"(title: "Cafe", stages: [(name: "Wait", moments: [(title: "Long queue", kind: Fmot, feeling: -2, channel: "Store", tags: ["queue"])])])"#,
    )
    .unwrap();
    let moment = &cafe.stages()[0].moments[0];
    assert_eq!(moment.kind, Some(Kind::Fmot));
    assert_eq!(moment.feeling.value(), -2);
    assert_eq!(moment.channel, "Store");
    assert_eq!(moment.tags, vec!["queue".to_string()]);
}

#[test]
fn explicit_some_and_none_are_accepted_too() {
    let journey = parse(
        r#"(title: "T", stages: [(name: "S", moments: [(title: "a", kind: Some(Tmot)), (title: "b", kind: None, evidence: Some(Observed))])])"#,
    )
    .unwrap();
    let moments = &journey.stages()[0].moments;
    assert_eq!(moments[0].kind, Some(Kind::Tmot));
    assert_eq!(moments[1].kind, None);
    assert_eq!(moments[1].evidence, Some(Evidence::Observed));
}

fn rich_journey() -> Journey {
    let mut first = Stage::new("Découvrir 発見");
    first.description = "Two lines\nof description".into();
    let mut queue = Moment::new("긴 줄 — 排队 — Uzun kuyruk ığüşöç 🙂☕");
    queue.kind = Some(Kind::Fmot);
    queue.feeling = Feeling::clamped(-2);
    queue.channel = "매장".into();
    queue.personas = vec!["Müşteri".into()];
    queue.owner = "店员".into();
    queue.notes = "First line\n\tindented second line\n\"quoted\" and \\backslash".into();
    queue.idea = "Sorry card 🎟️ with 10% off".into();
    queue.evidence = Some(Evidence::Observed);
    queue.tags = vec!["queue".into(), "피크".into()];
    first.moments.push(queue);
    first.moments.push(Moment::new("Second"));
    first.moments.push(Moment::new("Third"));
    Journey::from_parts(
        "İstanbul kahve 커피 咖啡".into(),
        "A journey\nover lines".into(),
        vec!["Müşteri".into(), "손님".into()],
        vec![first, Stage::new("Empty"), Stage::new("Last")],
    )
}

#[test]
fn round_trip_keeps_every_field_script_and_order() {
    let journey = rich_journey();
    let text = to_ron(&journey);
    let loaded = parse(&text).unwrap();
    assert_eq!(loaded, journey);
    assert_eq!(to_ron(&loaded), text, "saving is deterministic");
    assert!(text.starts_with("// motmap journey map, file format 1"));
    assert!(text.contains("\n    format: 1,\n"));
    assert!(
        text.contains("긴 줄"),
        "Korean is written as itself, not escaped"
    );
}

/// The rich journey with a comment everywhere a comment can be: one resolved, one over
/// lines with quotes and commas.
fn commented_journey() -> Journey {
    let mut journey = rich_journey();
    let stage = journey.stages()[0].id;
    let moment = journey.stages()[0].moments[0].id;
    let mut resolved = Comment::new("Bo", "2026-12-04T05:13:00Z", "Fixed in the last sprint");
    resolved.resolved = true;
    let comments = [
        (
            CommentTarget::Moment(moment),
            vec![
                Comment::new(
                    "Ana",
                    "2026-12-04T05:12:00Z",
                    "Is it \"always\", or\nonly at noon?",
                ),
                resolved,
            ],
        ),
        (
            CommentTarget::Stage(stage),
            vec![Comment::new("손님", "2026-12-04T05:14:00Z", "줄이 길다")],
        ),
        (
            CommentTarget::Journey,
            vec![Comment::new(
                "Ana",
                "2026-12-04T05:15:00Z",
                "Review on Friday",
            )],
        ),
    ];
    for (target, comments) in comments {
        journey
            .apply(Edit::SetComments { target, comments })
            .unwrap();
    }
    journey
}

#[test]
fn a_map_with_comments_is_written_in_format_2_and_reads_back_equal() {
    let journey = commented_journey();
    let text = to_ron(&journey);
    assert!(text.starts_with("// motmap journey map, file format 2 (RON)."));
    assert!(text.contains("\n    format: 2,\n"));
    assert_eq!(store::format_for(&journey), 2);
    let loaded = parse(&text).unwrap();
    assert_eq!(loaded, journey);
    assert_eq!(to_ron(&loaded), text, "saving is deterministic");
    assert_eq!(
        text.matches("resolved: true").count(),
        1,
        "only the resolved comment says so:\n{text}"
    );
    assert!(!text.contains("resolved: false"));
}

#[test]
fn without_comments_a_map_is_still_written_in_format_1() {
    let mut journey = commented_journey();
    for target in [
        CommentTarget::Journey,
        CommentTarget::Stage(journey.stages()[0].id),
        CommentTarget::Moment(journey.stages()[0].moments[0].id),
    ] {
        journey
            .apply(Edit::SetComments {
                target,
                comments: Vec::new(),
            })
            .unwrap();
    }
    assert_eq!(to_ron(&journey), to_ron(&rich_journey()));
    assert!(!to_ron(&journey).contains("comments"));
}

#[test]
fn a_file_from_a_motmap_newer_than_comments_is_refused() {
    let newer = to_ron(&commented_journey()).replace("format: 2,", "format: 5,");
    let error = parse(&newer).unwrap_err();
    assert!(
        matches!(error, store::LoadProblem::NewerFormat { found: 5 }),
        "{error:?}"
    );
}

#[test]
fn a_map_with_a_to_be_feeling_is_written_in_format_3_and_reads_back_equal() {
    let mut journey = common::maps::with_a_target(commented_journey(), 1);
    let id = journey.stages()[0].moments[0].id;
    let text = to_ron(&journey);
    assert!(text.starts_with("// motmap journey map, file format 3 (RON)."));
    assert!(text.contains(
        "
    format: 3,
"
    ));
    assert!(
        text.contains(
            "feeling: -2,
                    target: 1,
"
        ),
        "the to-be sits under the feeling:
{text}"
    );
    let loaded = parse(&text).unwrap();
    assert_eq!(loaded, journey);
    assert_eq!(to_ron(&loaded), text, "saving is deterministic");

    // A neutral to-be is a to-be: it is kept, not taken for none.
    journey
        .apply(Edit::SetTarget {
            id,
            target: Some(Feeling::NEUTRAL),
        })
        .unwrap();
    let text = to_ron(&journey);
    assert!(text.contains("target: 0,"));
    assert_eq!(parse(&text).unwrap(), journey);

    // Without any to-be the map goes back to the version it needs.
    journey.apply(Edit::SetTarget { id, target: None }).unwrap();
    assert_eq!(to_ron(&journey), to_ron(&commented_journey()));
}

#[test]
fn a_file_from_a_motmap_newer_than_to_be_feelings_is_refused() {
    let journey = common::maps::with_a_target(rich_journey(), 2);
    let newer = to_ron(&journey)
        .replace("format: 3,", "format: 5,")
        .replace("target: 2,", "target: 2, mood: \"calm\",");
    let error = parse(&newer).unwrap_err();
    assert!(
        matches!(error, store::LoadProblem::NewerFormat { found: 5 }),
        "{error:?}"
    );
}

#[test]
fn a_moment_with_several_personas_is_written_as_a_list_in_format_4() {
    let mut journey = common::maps::with_a_target(commented_journey(), 1);
    let id = journey.stages()[0].moments[0].id;
    let set = |journey: &mut Journey, names: &[&str]| {
        journey
            .apply(Edit::SetList {
                id,
                list: MomentList::Personas,
                items: names.iter().map(|n| n.to_string()).collect(),
            })
            .unwrap();
    };
    set(&mut journey, &["Regular", "Smith, John", "첫 방문 손님"]);
    let text = to_ron(&journey);
    assert!(text.starts_with("// motmap journey map, file format 4 (RON)."));
    assert!(
        text.contains("persona: [\n                        \"Regular\",\n                        \"Smith, John\",\n                        \"첫 방문 손님\",\n                    ],\n"),
        "{text}"
    );
    let loaded = parse(&text).unwrap();
    assert_eq!(loaded, journey);
    assert_eq!(to_ron(&loaded), text, "saving is deterministic");

    // One persona is written as a name, as before several could be, in the version the
    // rest of the map needs.
    set(&mut journey, &["Regular"]);
    let text = to_ron(&journey);
    assert!(text.starts_with("// motmap journey map, file format 3 (RON)."));
    assert!(text.contains("persona: \"Regular\",\n"), "{text}");
    assert_eq!(parse(&text).unwrap(), journey);

    // A list of one, written by hand, reads as that one persona and is saved as a name.
    let by_hand = text.replace("persona: \"Regular\",", "persona: [\"Regular\"],");
    assert_eq!(to_ron(&parse(&by_hand).unwrap()), text);
}

#[test]
fn a_persona_that_is_neither_a_name_nor_a_list_says_what_is_expected() {
    let text = to_ron(&rich_journey());
    assert!(text.contains("persona: \""), "the rich map has a persona");
    let start = text.find("persona: \"").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let bad = format!("{}persona: 3,{}", &text[..start], &text[end..]);
    let error = parse(&bad).unwrap_err();
    assert!(
        matches!(&error, store::LoadProblem::Syntax { message, .. }
            if message.contains("a persona's name in quotes, or a list of names")),
        "{error:?}"
    );
}

#[test]
fn a_comment_missing_a_field_is_named_as_a_comment() {
    let error = parse(
        r#"(format: 2, title: "T", comments: [(author: "Ana", at: "2026-12-04T05:12:00Z")])"#,
    )
    .unwrap_err();
    assert!(
        matches!(&error, store::LoadProblem::Syntax { message, .. } if message == "a comment needs a `text` field"),
        "{error:?}"
    );
}

#[test]
fn empty_optional_fields_are_left_out() {
    let text =
        to_ron(&parse(r#"(title: "T", stages: [(name: "S", moments: [(title: "m")])])"#).unwrap());
    for field in [
        "kind",
        "feeling",
        "channel",
        "notes",
        "idea",
        "evidence",
        "tags",
        "description",
        "personas",
        "comments",
    ] {
        assert!(
            !text.contains(&format!("{field}:")),
            "{field} written although empty:\n{text}"
        );
    }
    assert!(text.contains("id: 1"), "ids are written");
}

#[test]
fn ids_are_assigned_on_load_and_stay_stable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    fs::write(&path, r#"(title: "T", stages: [(name: "A", moments: [(title: "x"), (title: "y")]), (name: "B")])"#).unwrap();
    let mut document = Document::load(&path).unwrap();
    let ids = |j: &Journey| j.moments().map(|(_, m)| m.id).collect::<Vec<_>>();
    let before = ids(&document.journey);
    document.save().unwrap();
    let again = Document::load(&path).unwrap();
    assert_eq!(ids(&again.journey), before);
    assert_eq!(again.journey, document.journey);
}

#[test]
fn control_characters_are_dropped_on_load() {
    let journey = parse(
        "(title: \"Cafe\u{1b}[2J\u{1b}]0;owned\u{7}\", stages: [(name: \"W\u{9b}31mait\", moments: [(title: \"two\\nlines\", notes: \"keep\\nthese\\tand drop \\u{1b}[31mthis\")])])",
    )
    .unwrap();
    assert_eq!(journey.title, "Cafe[2J]0;owned");
    assert_eq!(journey.stages()[0].name, "W31mait");
    let moment = &journey.stages()[0].moments[0];
    assert_eq!(moment.title, "two lines");
    assert_eq!(moment.notes, "keep\nthese\tand drop [31mthis");
    journey.validate().unwrap();
}

/// Loads a fixture and returns the error as the user sees it.
fn load_error(path: &str) -> String {
    Document::load(path)
        .expect_err("a bad file must not load")
        .to_string()
}

#[test]
fn bad_files_get_clear_messages() {
    for name in [
        "unknown-field",
        "feeling-out-of-range",
        "unknown-kind",
        "unknown-evidence",
        "newer-format",
        "truncated",
        "not-utf8",
        "empty",
        "missing-name",
        "missing-comma",
        "korean-out-of-range",
    ] {
        let path = format!("tests/fixtures/bad/{name}.ron");
        let before = fs::read(&path).unwrap();
        insta::assert_snapshot!(name, load_error(&path));
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "loading {name} changed it"
        );
    }
}

#[test]
fn hostile_files_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let message = |path: &Path| {
        Document::load(path)
            .unwrap_err()
            .to_string()
            .replace(&format!("{}/", dir.path().display()), "")
    };

    let big = at("big.ron");
    let file = fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    insta::assert_snapshot!("fifty-megabytes", message(&big));

    fs::write(at("nested.ron"), "[".repeat(100_000)).unwrap();
    insta::assert_snapshot!("nested-brackets", message(&at("nested.ron")));

    let deep_unknown = format!("(format: 2, title: \"x\", extra: {}", "(".repeat(100_000));
    fs::write(at("deep-unknown.ron"), deep_unknown).unwrap();
    insta::assert_snapshot!(
        "nested-inside-unknown-field",
        message(&at("deep-unknown.ron"))
    );

    let long_title = format!(
        "(title: \"{}\", stages: [(name: \"S\", moments: [(title: \"x\", feeling: 9)])])",
        "a".repeat(100_000)
    );
    fs::write(at("long.ron"), long_title).unwrap();
    insta::assert_snapshot!("feeling-after-a-100k-title", message(&at("long.ron")));

    fs::write(
        at("escape.ron"),
        "(title: \"x\", stages: [(name: \"\u{1b}[2J\", feelin: 1)])",
    )
    .unwrap();
    let shown = message(&at("escape.ron"));
    assert!(
        !shown.contains('\u{1b}'),
        "the source excerpt never carries an escape: {shown:?}"
    );

    fs::create_dir(at("folder.ron")).unwrap();
    insta::assert_snapshot!("directory", message(&at("folder.ron")));

    std::os::unix::fs::symlink("/dev/zero", at("device.ron")).unwrap();
    insta::assert_snapshot!("device", message(&at("device.ron")));
}

fn saved_map(dir: &Path) -> (std::path::PathBuf, Document) {
    let path = dir.join("map.ron");
    let mut document = Document::create(&path, rich_journey());
    document.save().expect("a new map saves");
    (path, document)
}

fn retitle(document: &mut Document, title: &str) {
    let id = document.journey.stages()[0].moments[0].id;
    document
        .journey
        .apply(Edit::SetMomentText {
            id,
            field: MomentField::Title,
            text: title.into(),
        })
        .expect("the first moment exists");
}

#[test]
fn saving_keeps_the_previous_version_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut document) = saved_map(dir.path());
    assert!(
        !backup_path(&path).exists(),
        "a new file has no previous version"
    );
    let first = fs::read_to_string(&path).unwrap();

    retitle(&mut document, "Shorter queue");
    document.save().unwrap();
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), first);
    assert!(fs::read_to_string(&path).unwrap().contains("Shorter queue"));

    // Saving again with no change keeps the backup that can undo the last real save.
    document.save().unwrap();
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), first);

    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no temporary file is left behind: {names:?}"
    );
}

#[test]
fn saving_keeps_the_file_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut document) = saved_map(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    document
        .file
        .save_text(&to_ron(&document.journey), false)
        .unwrap();
    retitle(&mut document, "Changed");
    document.save().unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn saving_through_a_symlink_writes_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_map(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let mut document = Document::load(&link).unwrap();
    retitle(&mut document, "Through the link");
    document.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("Through the link")
    );
}

#[test]
fn a_failing_save_leaves_the_file_the_backup_and_the_map_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut document) = saved_map(dir.path());
    retitle(&mut document, "Second version");
    document.save().unwrap();
    let on_disk = fs::read(&path).unwrap();
    let backup = fs::read(backup_path(&path)).unwrap();

    // Make the next save fail: the temporary file cannot be renamed over a directory.
    retitle(&mut document, "Third version");
    let in_memory = document.journey.clone();
    let blocked = dir.path().join("blocked.ron");
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("keep"), "x").unwrap();
    let mut elsewhere = Document::create(&blocked, in_memory.clone());
    let error = elsewhere.save().unwrap_err();
    assert!(matches!(error, SaveError::IsDirectory { .. }), "{error}");

    // And a save whose backup cannot be written: map.ron~ is a directory with a file in it.
    fs::remove_file(backup_path(&path)).unwrap();
    fs::create_dir(backup_path(&path)).unwrap();
    fs::write(backup_path(&path).join("keep"), &backup).unwrap();
    let error = document.save().unwrap_err();
    assert!(matches!(error, SaveError::Io { .. }), "{error}");
    insta::assert_snapshot!(
        "save-error-backup-blocked",
        error
            .to_string()
            .replace(&dir.path().display().to_string(), "DIR")
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        on_disk,
        "the file on disk is unchanged"
    );
    assert_eq!(fs::read(backup_path(&path).join("keep")).unwrap(), backup);
    assert_eq!(
        document.journey, in_memory,
        "the map in memory is unchanged"
    );
    let leftovers = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 3, "no temporary file is left behind");
}

#[test]
fn saving_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut document = Document::create(dir.path().join("no/such/dir/map.ron"), rich_journey());
    let error = document.save().unwrap_err();
    assert!(
        error.to_string().contains("No such file") || error.to_string().contains("no such file"),
        "{error}"
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut document) = saved_map(dir.path());
    assert!(document.is_unchanged_on_disk());

    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Second", "Their edit");
    fs::write(&path, &theirs).unwrap();
    assert!(!document.is_unchanged_on_disk());

    retitle(&mut document, "My edit");
    let error = document.save().unwrap_err();
    assert!(matches!(error, SaveError::ChangedOnDisk { .. }));
    insta::assert_snapshot!(
        "save-error-changed-on-disk",
        error
            .to_string()
            .replace(&dir.path().display().to_string(), "DIR")
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their version is untouched"
    );

    // Written over on purpose (as a save does once it merged theirs in): their version
    // becomes the backup.
    document
        .file
        .save_text(&to_ron(&document.journey), false)
        .unwrap();
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), theirs);
    assert!(fs::read_to_string(&path).unwrap().contains("My edit"));
    assert!(document.is_unchanged_on_disk());
}

#[test]
fn a_new_map_does_not_overwrite_a_file_that_appeared_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let mut document = Document::create(&path, rich_journey());
    fs::write(&path, "someone else's notes").unwrap();
    assert!(matches!(
        document.save(),
        Err(SaveError::ChangedOnDisk { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), "someone else's notes");
}

#[test]
fn a_changed_file_is_read_once_and_then_counts_as_the_version_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut document) = saved_map(dir.path());
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Second", "Their edit");
    fs::write(&path, &theirs).unwrap();
    let fresh = document.file.read_if_changed().unwrap().unwrap();
    assert_eq!(document.file.read_if_changed().unwrap(), None, "read once");
    assert!(fresh.moments().any(|(_, m)| m.title == "Their edit"));
    assert!(
        document.is_unchanged_on_disk(),
        "their version now counts as the one on disk"
    );
    document.journey = fresh;
    document.save().unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn the_size_limit_is_generous_for_real_maps() {
    const { assert!(store::MAX_FILE_BYTES >= 16 * 1024 * 1024) };
}

/// The map the README shows as what motmap writes is what motmap writes, byte for byte.
#[test]
fn the_readme_shows_a_map_as_motmap_writes_it() {
    let readme = fs::read_to_string("README.md").unwrap();
    let after = readme
        .split("and this is what motmap writes")
        .nth(1)
        .expect("the README shows a written map");
    let block = after
        .split("```ron\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap();
    let journey = parse(block).unwrap();
    assert_eq!(to_ron(&journey), block);
}
