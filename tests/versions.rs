#![allow(clippy::unwrap_used)]
//! Versions of a map: `motmap diff` between two of them, and `motmap merge` as git's merge
//! driver, run through real `git merge`.

use std::path::Path;
use std::process::{Command, Output};

use motmap::model::{Edit, Feeling, Id, Journey, Kind, Moment, MomentField, StageField};
use motmap::store::{parse, to_ron};

const BIN: &str = env!("CARGO_BIN_EXE_motmap");

fn shoes() -> Journey {
    motmap::templates::find("shoes-online").unwrap().journey()
}

fn edited(journey: &Journey, edits: Vec<Edit>) -> Journey {
    let mut journey = journey.clone();
    for edit in edits {
        journey.apply(edit).unwrap();
    }
    journey
}

fn id_of(journey: &Journey, title: &str) -> Id {
    journey
        .moments()
        .find(|(_, m)| m.title == title)
        .map(|(_, m)| m.id)
        .unwrap()
}

fn moment(journey: &Journey, id: Id) -> &Moment {
    journey.moment(id).unwrap()
}

/// The second version of the shoe shop's map, as a team would make it after a workshop.
fn second_version() -> Journey {
    let old = shoes();
    let sold_out = id_of(&old, "Favourite colour is sold out");
    let reviews = id_of(&old, "Reads fit reviews on the product page");
    let ad = id_of(&old, "Search ad for trail running shoes");
    let buy = old.stages()[1].id;
    let mut new_moment = Moment::new("Pays with a saved card in one tap");
    new_moment.feeling = Feeling::clamped(1);
    new_moment.kind = Some(Kind::Fmot);
    edited(
        &old,
        vec![
            Edit::SetFeeling {
                id: sold_out,
                feeling: Feeling::clamped(1),
            },
            Edit::SetMomentText {
                id: sold_out,
                field: MomentField::Title,
                text: "Agent finds the colour on another site".into(),
            },
            Edit::SetKind {
                id: reviews,
                kind: Some(Kind::Fmot),
            },
            Edit::MoveMoment {
                id: reviews,
                stage: buy,
                index: 0,
            },
            Edit::RemoveMoment { id: ad },
            Edit::InsertMoment {
                stage: buy,
                index: 2,
                moment: new_moment,
            },
            Edit::SetStageText {
                id: old.stages()[4].id,
                field: StageField::Name,
                text: "Tell friends".into(),
            },
            Edit::MoveStage {
                id: old.stages()[3].id,
                to: 2,
            },
        ],
    )
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn the_diff_of_two_known_versions() {
    let changes = motmap::diff::diff(&shoes(), &second_version());
    let shown = motmap::diff::render("shoes.ron", &changes, false);
    insta::assert_snapshot!(shown);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.ron"), to_ron(&shoes())).unwrap();
    std::fs::write(dir.path().join("new.ron"), to_ron(&second_version())).unwrap();
    let out = run(dir.path(), BIN, &["diff", "old.ron", "new.ron"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), shown.replace("shoes.ron", "new.ron"));
    let same = run(dir.path(), BIN, &["diff", "old.ron", "old.ron"]);
    assert_eq!(text(&same.stdout), "old.ron: no changes\n");
}

/// A git repository with motmap set up as the diff and merge driver for `*.ron`, holding
/// `map.ron` at the shoe shop's first version.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    let git = |args: &[&str]| {
        let out = run(path, "git", args);
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["config", "user.name", "Facilitator"]);
    git(&["config", "user.email", "facilitator@example.com"]);
    // The lines the README gives.
    git(&["config", "merge.motmap.name", "motmap journey map merge"]);
    git(&[
        "config",
        "merge.motmap.driver",
        &format!("{BIN} merge %O %A %B %P"),
    ]);
    git(&["config", "diff.motmap.command", &format!("{BIN} diff")]);
    std::fs::write(
        path.join(".gitattributes"),
        "*.ron merge=motmap diff=motmap\n",
    )
    .unwrap();
    std::fs::write(path.join("map.ron"), to_ron(&shoes())).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "First version"]);
    dir
}

/// Commits `journey` as `map.ron` on a new branch `name` made from main.
fn branch(dir: &Path, name: &str, journey: &Journey) {
    for args in [
        vec!["checkout", "-q", "-b", name, "main"],
        vec!["commit", "-qam", name],
    ] {
        if args[0] == "commit" {
            std::fs::write(dir.join("map.ron"), to_ron(journey)).unwrap();
        }
        let out = run(dir, "git", &args);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
}

fn map_in(dir: &Path) -> Journey {
    parse(&std::fs::read_to_string(dir.join("map.ron")).unwrap()).unwrap()
}

#[test]
fn git_merges_two_branches_that_edited_different_moments_and_fields() {
    let dir = repository();
    let base = shoes();
    let sold_out = id_of(&base, "Favourite colour is sold out");
    let night = id_of(&base, "Call centre answers at 2 a.m.");
    // Alice recolours one moment and adds one; Bob edits the same moment's idea, another
    // moment's title, and adds one of his own (both new moments get the same next id).
    let alice = edited(
        &base,
        vec![
            Edit::SetFeeling {
                id: sold_out,
                feeling: Feeling::clamped(-1),
            },
            Edit::InsertMoment {
                stage: base.stages()[0].id,
                index: 0,
                moment: Moment::new("Sees a billboard"),
            },
        ],
    );
    let bob = edited(
        &base,
        vec![
            Edit::SetMomentText {
                id: sold_out,
                field: MomentField::Idea,
                text: "Offer to notify when it is back".into(),
            },
            Edit::SetMomentText {
                id: night,
                field: MomentField::Title,
                text: "Call centre answers at 3 a.m.".into(),
            },
            Edit::InsertMoment {
                stage: base.stages()[0].id,
                index: 0,
                moment: Moment::new("Hears a podcast ad"),
            },
        ],
    );
    branch(dir.path(), "alice", &alice);
    branch(dir.path(), "bob", &bob);
    let out = run(dir.path(), "git", &["checkout", "-q", "alice"]);
    assert!(out.status.success());
    let merge = run(dir.path(), "git", &["merge", "-q", "--no-edit", "bob"]);
    assert!(merge.status.success(), "{}", text(&merge.stderr));

    let merged = map_in(dir.path());
    merged.validate().unwrap();
    let sold_out = moment(&merged, sold_out);
    assert_eq!(sold_out.feeling.value(), -1, "Alice's colour");
    assert_eq!(
        sold_out.idea, "Offer to notify when it is back",
        "Bob's idea"
    );
    assert_eq!(
        moment(&merged, night).title,
        "Call centre answers at 3 a.m."
    );
    let discover: Vec<&str> = merged.stages()[0]
        .moments
        .iter()
        .map(|m| m.title.as_str())
        .take(2)
        .collect();
    assert_eq!(
        discover,
        ["Sees a billboard", "Hears a podcast ad"],
        "both new moments"
    );
    assert_eq!(merged.moment_count(), base.moment_count() + 2);
    assert!(
        !merged
            .moments()
            .any(|(_, m)| m.tags.iter().any(|t| t == "merge conflict"))
    );

    // git's diff uses the driver too.
    let diff = run(dir.path(), "git", &["diff", "main", "--", "map.ron"]);
    let shown = text(&diff.stdout);
    assert!(shown.starts_with("map.ron: 4 changes\n"), "{shown}");
    assert!(
        shown.contains("+ added “Hears a podcast ad” (o neutral)"),
        "{shown}"
    );
}

#[test]
fn git_reports_a_field_changed_both_ways_and_keeps_both_values_in_the_map() {
    let dir = repository();
    let base = shoes();
    let sold_out = id_of(&base, "Favourite colour is sold out");
    let set = |feeling: i64, title: &str| {
        edited(
            &base,
            vec![
                Edit::SetFeeling {
                    id: sold_out,
                    feeling: Feeling::clamped(feeling),
                },
                Edit::SetMomentText {
                    id: sold_out,
                    field: MomentField::Title,
                    text: title.into(),
                },
            ],
        )
    };
    branch(
        dir.path(),
        "alice",
        &set(-1, "Colour sold out, agent helps"),
    );
    branch(dir.path(), "bob", &set(2, "Colour found on a partner site"));
    run(dir.path(), "git", &["checkout", "-q", "alice"]);
    let merge = run(dir.path(), "git", &["merge", "--no-edit", "bob"]);
    assert!(!merge.status.success(), "git stops on the conflict");
    let said = text(&merge.stderr);
    assert!(
        said.contains("motmap merge: 2 conflicts in map.ron."),
        "{said}"
    );
    assert!(text(&merge.stdout).contains("CONFLICT (content): Merge conflict in map.ron"));

    // The file still loads, with ours kept and theirs written where the editor shows it.
    let merged = map_in(dir.path());
    let moment = moment(&merged, sold_out);
    assert_eq!(moment.title, "Colour sold out, agent helps");
    assert_eq!(moment.feeling.value(), -1);
    assert!(moment.tags.contains(&"merge conflict".to_owned()));
    insta::assert_snapshot!(moment.notes.clone());
    let status = run(dir.path(), "git", &["status", "--porcelain"]);
    assert_eq!(text(&status.stdout), "UU map.ron\n");

    // The card says so on the board, and lint (a pre-commit hook) will not let it pass.
    let document = motmap::store::Document::load(dir.path().join("map.ron")).unwrap();
    let mut app = motmap::app::App::new(document);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| motmap::ui::draw(frame, &mut app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let row = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .find(|row| row.contains("! conflict"));
    assert!(
        row.as_ref().is_some_and(|r| r.contains("FMOT  - pain")),
        "{row:?}"
    );
    let lint = run(dir.path(), BIN, &["lint", "map.ron"]);
    assert!(!lint.status.success());
    assert!(text(&lint.stdout).contains(
        "map.ron:103: stage 2 “Buy”, moment 3 “Colour sold out, agent helps”: a merge conflict to resolve: its notes give both values; then remove the “merge conflict” tag"
    ), "{}", text(&lint.stdout));
}

#[test]
fn merge_never_writes_when_a_version_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(path.join("base.ron"), to_ron(&shoes())).unwrap();
    std::fs::write(path.join("ours.ron"), to_ron(&second_version())).unwrap();
    std::fs::write(path.join("theirs.ron"), "(title: \"broken\", stages: [").unwrap();
    let before = std::fs::read(path.join("ours.ron")).unwrap();
    let out = run(path, BIN, &["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("motmap: theirs.ron:1:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(path.join("ours.ron")).unwrap(), before);
}

#[test]
fn merge_by_id_in_the_library() {
    let base = shoes();
    let ours = second_version();
    // Nobody else changed anything: ours, exactly.
    let merged = motmap::merge::merge(&base, &ours, &base);
    assert_eq!(merged.journey, ours);
    assert!(merged.conflicts.is_empty());
    // The same change on both sides is no conflict.
    let merged = motmap::merge::merge(&base, &ours, &ours);
    assert_eq!(merged.journey, ours);
    // Deleted on one side and changed on the other: kept, and said.
    let ad = id_of(&base, "Search ad for trail running shoes");
    let theirs = edited(
        &base,
        vec![Edit::SetMomentText {
            id: ad,
            field: MomentField::Owner,
            text: "Growth".into(),
        }],
    );
    let merged = motmap::merge::merge(&base, &ours, &theirs);
    assert_eq!(moment(&merged.journey, ad).owner, "Growth");
    assert_eq!(
        merged.conflicts,
        [
            "moment “Search ad for trail running shoes”: deleted on our side and changed on the other; kept it"
        ]
    );
    // Votes cast in two workshops add up.
    let voted = |n| edited(&base, vec![Edit::SetVotes { id: ad, votes: n }]);
    let merged = motmap::merge::merge(&base, &voted(2), &voted(3));
    assert_eq!(moment(&merged.journey, ad).votes, 5);
    assert!(merged.conflicts.is_empty());
}
