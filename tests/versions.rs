//! Versions of a map: `motmap diff` between two of them, and `motmap merge` as git's merge
//! driver, run through real `git merge`.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::path::Path;
use std::process::Output;

use common::binary::{BIN, motmap, stderr, stdout};
use common::maps::built_in;
use motmap::model::{
    Comment, CommentTarget, Edit, Feeling, Id, Journey, Kind, MermaidExtras, Moment, MomentField,
    MomentList, StageField,
};
use motmap::store::{parse, to_ron};

fn shoes() -> Journey {
    built_in("shoes-online")
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
            Edit::SetTarget {
                id: reviews,
                target: Some(Feeling::clamped(2)),
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

/// git in `dir`, in the same isolated environment as motmap and without the system's
/// settings either, so no setting of the machine's changes what it does.
fn git(dir: &Path, args: &[&str]) -> Output {
    common::binary::command("git", dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap()
}

#[test]
fn the_diff_of_two_known_versions() {
    let changes = motmap::diff::diff(&shoes(), &second_version());
    let shown = motmap::diff::render("shoes.ron", &changes, false);
    insta::assert_snapshot!(shown);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.ron"), to_ron(&shoes())).unwrap();
    std::fs::write(dir.path().join("new.ron"), to_ron(&second_version())).unwrap();
    let out = motmap(dir.path(), &["diff", "old.ron", "new.ron"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), shown.replace("shoes.ron", "new.ron"));
    let same = motmap(dir.path(), &["diff", "old.ron", "old.ron"]);
    assert_eq!(stdout(&same), "old.ron: no changes\n");
}

/// A git repository with motmap set up as the diff and merge driver for `*.ron`, holding
/// `map.ron` at the shoe shop's first version.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    let git = |args: &[&str]| {
        let out = git(path, args);
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
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
        let out = git(dir, &args);
        assert!(out.status.success(), "{}", stderr(&out));
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
    let out = git(dir.path(), &["checkout", "-q", "alice"]);
    assert!(out.status.success());
    let merge = git(dir.path(), &["merge", "-q", "--no-edit", "bob"]);
    assert!(merge.status.success(), "{}", stderr(&merge));

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
    let diff = git(dir.path(), &["diff", "main", "--", "map.ron"]);
    let shown = stdout(&diff);
    assert!(shown.starts_with("map.ron: 4 changes\n"), "{shown}");
    assert!(
        shown.contains("+ added “Hears a podcast ad” (o neutral)"),
        "{shown}"
    );

    // A renamed map gets nine arguments from git.
    let out = git(dir.path(), &["mv", "map.ron", "trip.ron"]);
    assert!(out.status.success());
    let renamed = edited(&merged, vec![Edit::RemoveMoment { id: night }]);
    std::fs::write(dir.path().join("trip.ron"), to_ron(&renamed)).unwrap();
    let diff = git(dir.path(), &["diff", "-M", "HEAD"]);
    assert!(diff.status.success(), "{}", stderr(&diff));
    assert_eq!(
        stdout(&diff),
        "map.ron → trip.ron: 1 change\nstage “Buy”\n  - removed “Call centre answers at 3 a.m.”\n"
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
    git(dir.path(), &["checkout", "-q", "alice"]);
    let merge = git(dir.path(), &["merge", "--no-edit", "bob"]);
    assert!(!merge.status.success(), "git stops on the conflict");
    let said = stderr(&merge);
    assert!(
        said.contains("motmap merge: 2 conflicts in map.ron, in 1 place."),
        "{said}"
    );
    assert!(stdout(&merge).contains("CONFLICT (content): Merge conflict in map.ron"));

    // The file still loads, with ours kept and theirs written where the editor shows it.
    let merged = map_in(dir.path());
    let moment = moment(&merged, sold_out);
    assert_eq!(moment.title, "Colour sold out, agent helps");
    assert_eq!(moment.feeling.value(), -1);
    assert!(moment.tags.contains(&"merge conflict".to_owned()));
    insta::assert_snapshot!(moment.notes.clone());
    let status = git(dir.path(), &["status", "--porcelain"]);
    assert_eq!(stdout(&status), "UU map.ron\n");

    // The card says so on the board, and lint (a pre-commit hook) will not let it pass.
    let mut editor = common::view_editor(&dir.path().join("map.ron"));
    let terminal = common::screen(&mut editor, 100, 30);
    let buffer = terminal.backend().buffer();
    let row = (0..buffer.area.height)
        .map(|y| common::screen::row_text(buffer, y))
        .find(|row| row.contains("! conflict"));
    assert!(
        row.as_ref().is_some_and(|r| r.contains("FMOT  - pain")),
        "{row:?}"
    );
    let lint = motmap(dir.path(), &["lint", "map.ron"]);
    assert!(!lint.status.success());
    assert!(stdout(&lint).contains(
        "map.ron:103: stage 2 “Buy”, moment 3 “Colour sold out, agent helps”: a merge conflict to resolve: its notes give both values; then remove the “merge conflict” tag"
    ), "{}", stdout(&lint));
}

#[test]
fn merge_never_writes_when_a_version_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(path.join("base.ron"), to_ron(&shoes())).unwrap();
    std::fs::write(path.join("ours.ron"), to_ron(&second_version())).unwrap();
    std::fs::write(path.join("theirs.ron"), "(title: \"broken\", stages: [").unwrap();
    let before = std::fs::read(path.join("ours.ron")).unwrap();
    let out = motmap(path, &["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("motmap: cannot merge ours.ron: their version does not load, so nothing was merged and the file holds our version: theirs.ron:1:"),
        "{}",
        stderr(&out)
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
            "moment “Search ad for trail running shoes”: deleted on our side and changed on the other; kept with the changes"
        ]
    );
    // Votes cast in two workshops add up.
    let voted = |n| edited(&base, vec![Edit::SetVotes { id: ad, votes: n }]);
    let merged = motmap::merge::merge(&base, &voted(2), &voted(3));
    assert_eq!(moment(&merged.journey, ad).votes, 5);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn mermaid_settings_survive_a_merge_and_one_side_s_change_lands() {
    let settings = MermaidExtras {
        front_matter: "config:\n  theme: forest\n".into(),
        directives: vec!["%%{init: {'theme': 'dark'}}%%".into()],
        acc_title: "Trail shoes".into(),
        acc_descr: "Two lines,\nof description.".into(),
    };
    let base = shoes().with_mermaid(settings.clone());
    let ad = id_of(&base, "Search ad for trail running shoes");
    let ours = edited(&base, vec![Edit::SetVotes { id: ad, votes: 2 }]);
    let mut theirs = edited(
        &base,
        vec![Edit::SetFeeling {
            id: ad,
            feeling: Feeling::clamped(2),
        }],
    );
    for merged in [
        motmap::merge::merge(&base, &ours, &theirs),
        motmap::merge::merge_into_ours(&base, &ours, &theirs).0,
    ] {
        assert_eq!(merged.journey.mermaid, settings);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    }
    theirs.mermaid.acc_title = "Trail running shoes".into();
    for merged in [
        motmap::merge::merge(&base, &ours, &theirs),
        motmap::merge::merge_into_ours(&base, &ours, &theirs).0,
    ] {
        assert_eq!(merged.journey.mermaid.acc_title, "Trail running shoes");
        assert_eq!(merged.journey.mermaid.directives, settings.directives);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    }
}

#[test]
fn personas_added_on_both_sides_both_land_and_the_diff_names_them() {
    let base = shoes();
    let ad = id_of(&base, "Search ad for trail running shoes");
    let with = |names: &[&str]| {
        edited(
            &base,
            vec![Edit::SetList {
                id: ad,
                list: MomentList::Personas,
                items: names.iter().map(|n| n.to_string()).collect(),
            }],
        )
    };
    let ours = with(&["Runner", "Walker"]);
    let theirs = with(&["Smith, John"]);
    let merged = motmap::merge::merge(&with(&["Runner"]), &ours, &theirs);
    assert_eq!(
        moment(&merged.journey, ad).personas,
        ["Walker", "Smith, John"],
        "ours added Walker, theirs dropped Runner and added Smith, John"
    );
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let changes = motmap::diff::diff(&base, &ours);
    assert!(
        changes.iter().any(|c| c
            .what
            .contains("personas “First-time buyer” → “Runner”, “Walker”")),
        "{changes:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Properties: random edits on each side of a merge

use proptest::prelude::*;

/// An edit chosen at random and aimed at the journey when it is applied: indices wrap
/// around the stages and moments there are.
#[derive(Clone, Debug)]
enum Op {
    Feeling(usize, i64),
    Title(usize, String),
    Notes(usize, String),
    Kind(usize, Option<usize>),
    Votes(usize, u32),
    Target(usize, Option<i64>),
    /// Sets a moment's personas to these names from [`PERSONAS`], in this order.
    Personas(usize, Vec<usize>),
    Remove(usize),
    Insert(usize, usize, String),
    Move(usize, usize, usize),
    MoveStage(usize, usize),
    RenameStage(usize, String),
    AddStage(usize, String),
    RemoveStage(usize),
    /// A comment on the journey, a stage or a moment (see [`comment_target`]).
    Comment(usize, String),
    /// Resolves or opens again one of the comments there.
    Resolve(usize, usize),
}

/// The names [`Op::Personas`] picks from: one with a comma, one in Korean.
const PERSONAS: [&str; 4] = ["Runner", "Smith, John", "첫 방문 손님", "Walker"];

fn op() -> impl Strategy<Value = Op> {
    let n = 0usize..40;
    let text = "[a-z가-힣 ]{1,6}";
    prop_oneof![
        (n.clone(), -2i64..=2).prop_map(|(m, f)| Op::Feeling(m, f)),
        (n.clone(), text).prop_map(|(m, t)| Op::Title(m, t)),
        (n.clone(), text).prop_map(|(m, t)| Op::Notes(m, t)),
        (n.clone(), prop::option::of(0usize..6)).prop_map(|(m, k)| Op::Kind(m, k)),
        (n.clone(), 0u32..5).prop_map(|(m, v)| Op::Votes(m, v)),
        (n.clone(), prop::option::of(-2i64..=2)).prop_map(|(m, t)| Op::Target(m, t)),
        (n.clone(), prop::collection::vec(0..PERSONAS.len(), 0..4))
            .prop_map(|(m, p)| Op::Personas(m, p)),
        n.clone().prop_map(Op::Remove),
        (n.clone(), n.clone(), text).prop_map(|(s, i, t)| Op::Insert(s, i, t)),
        (n.clone(), n.clone(), n.clone()).prop_map(|(m, s, i)| Op::Move(m, s, i)),
        (n.clone(), n.clone()).prop_map(|(s, to)| Op::MoveStage(s, to)),
        (n.clone(), text).prop_map(|(s, t)| Op::RenameStage(s, t)),
        (n.clone(), text).prop_map(|(i, t)| Op::AddStage(i, t)),
        n.clone().prop_map(Op::RemoveStage),
        (n.clone(), text).prop_map(|(at, t)| Op::Comment(at, t)),
        (n.clone(), n).prop_map(|(at, i)| Op::Resolve(at, i)),
    ]
}

/// Field edits only: what two people do to the same map in different places.
fn field_op() -> impl Strategy<Value = Op> {
    op().prop_filter("a field edit", |op| {
        matches!(
            op,
            Op::Feeling(..) | Op::Title(..) | Op::Notes(..) | Op::Kind(..) | Op::Target(..)
        )
    })
}

/// Where a comment op lands: the journey, or a stage or moment picked by `at`.
fn comment_target(journey: &Journey, at: usize) -> Option<CommentTarget> {
    let ids: Vec<Id> = journey.moments().map(|(_, m)| m.id).collect();
    let stages: Vec<Id> = journey.stages().iter().map(|s| s.id).collect();
    let pick = |ids: &[Id]| ids.get((at / 3) % ids.len().max(1)).copied();
    match at % 3 {
        0 => Some(CommentTarget::Journey),
        1 => pick(&stages).map(CommentTarget::Stage),
        _ => pick(&ids).map(CommentTarget::Moment),
    }
}

/// The edit a comment op makes: a comment added at the end, or one resolved or opened.
fn comment_edit(journey: &Journey, op: &Op) -> Option<Edit> {
    let (Op::Comment(at, _) | Op::Resolve(at, _)) = op else {
        return None;
    };
    let target = comment_target(journey, *at)?;
    let mut comments = journey.comments(target)?.to_vec();
    match op {
        Op::Comment(_, text) => comments.push(Comment::new("Ana", "2026-12-04T05:12:00Z", text)),
        Op::Resolve(_, i) => {
            let len = comments.len();
            let comment = comments.get_mut(i % len.max(1))?;
            comment.resolved = !comment.resolved;
        }
        _ => return None,
    }
    Some(Edit::SetComments { target, comments })
}

fn apply_ops(journey: &Journey, ops: &[Op]) -> Journey {
    let mut journey = journey.clone();
    for op in ops {
        if let Some(edit) = op_edit(&journey, op) {
            journey.apply(edit).unwrap();
        }
    }
    journey
}

/// The edit `op` makes on `journey`, if it has what the op needs.
fn op_edit(journey: &Journey, op: &Op) -> Option<Edit> {
    {
        let ids: Vec<Id> = journey.moments().map(|(_, m)| m.id).collect();
        let stages: Vec<Id> = journey.stages().iter().map(|s| s.id).collect();
        let moment = |i: usize| ids.get(i % ids.len().max(1)).copied();
        let stage = |i: usize| stages.get(i % stages.len().max(1)).copied();
        match op.clone() {
            Op::Feeling(m, f) => moment(m).map(|id| Edit::SetFeeling {
                id,
                feeling: Feeling::clamped(f),
            }),
            Op::Title(m, text) => moment(m).map(|id| Edit::SetMomentText {
                id,
                field: MomentField::Title,
                text,
            }),
            Op::Notes(m, text) => moment(m).map(|id| Edit::SetMomentText {
                id,
                field: MomentField::Notes,
                text,
            }),
            Op::Kind(m, k) => moment(m).map(|id| Edit::SetKind {
                id,
                kind: k.map(|k| Kind::ALL[k]),
            }),
            Op::Votes(m, votes) => moment(m).map(|id| Edit::SetVotes { id, votes }),
            Op::Target(m, target) => moment(m).map(|id| Edit::SetTarget {
                id,
                target: target.map(Feeling::clamped),
            }),
            Op::Personas(m, names) => moment(m).map(|id| Edit::SetList {
                id,
                list: MomentList::Personas,
                items: names.iter().map(|&n| PERSONAS[n].to_owned()).collect(),
            }),
            Op::Remove(m) => moment(m).map(|id| Edit::RemoveMoment { id }),
            Op::Insert(s, i, title) => stage(s).map(|id| {
                let len = journey
                    .stage(journey.stage_index(id).unwrap())
                    .unwrap()
                    .moments
                    .len();
                Edit::InsertMoment {
                    stage: id,
                    index: i % (len + 1),
                    moment: Moment::new(title),
                }
            }),
            Op::Move(m, s, i) => moment(m).zip(stage(s)).map(|(id, to)| {
                let len = journey
                    .stage(journey.stage_index(to).unwrap())
                    .unwrap()
                    .moments
                    .len();
                let here =
                    journey.find_moment(id).unwrap().stage == journey.stage_index(to).unwrap();
                let room = if here { len } else { len + 1 };
                Edit::MoveMoment {
                    id,
                    stage: to,
                    index: i % room.max(1),
                }
            }),
            Op::MoveStage(s, to) => stage(s).map(|id| Edit::MoveStage {
                id,
                to: to % stages.len(),
            }),
            Op::RenameStage(s, text) => stage(s).map(|id| Edit::SetStageText {
                id,
                field: StageField::Name,
                text,
            }),
            Op::AddStage(i, name) => Some(Edit::InsertStage {
                index: i % (stages.len() + 1),
                stage: motmap::model::Stage::new(name),
            }),
            Op::RemoveStage(s) => stage(s).map(|id| Edit::RemoveStage { id }),
            Op::Comment(..) | Op::Resolve(..) => comment_edit(journey, op),
        }
    }
}

/// The shoe shop's map, each side's random edits on it, and their merge (checked valid).
fn merge_ops(
    ours_ops: &[Op],
    theirs_ops: &[Op],
) -> (Journey, Journey, Journey, motmap::merge::Merged) {
    let base = shoes();
    let ours = apply_ops(&base, ours_ops);
    let theirs = apply_ops(&base, theirs_ops);
    let merged = motmap::merge::merge(&base, &ours, &theirs);
    merged.journey.validate().unwrap();
    (base, ours, theirs, merged)
}

/// Each moment's fields as (id, field name) → value, for comparing who changed what.
fn fields(journey: &Journey) -> std::collections::HashMap<(Id, &'static str), String> {
    let mut out = std::collections::HashMap::new();
    for (_, m) in journey.moments() {
        out.insert((m.id, "title"), m.title.clone());
        // Without what a merge adds under them about a conflict.
        let notes: Vec<&str> = m
            .notes
            .split('\n')
            .filter(|l| !l.starts_with("Merge conflict: "))
            .collect();
        out.insert((m.id, "notes"), notes.join("\n"));
        out.insert((m.id, "feeling"), m.feeling.value().to_string());
        out.insert((m.id, "kind"), format!("{:?}", m.kind));
        out.insert((m.id, "target"), format!("{:?}", m.target));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_changed_side(
        ops in prop::collection::vec(op(), 0..12)
    ) {
        let base = shoes();
        let changed = apply_ops(&base, &ops);
        let ours = motmap::merge::merge(&base, &changed, &base);
        prop_assert_eq!(&ours.journey, &changed);
        prop_assert!(ours.conflicts.is_empty());
        let theirs = motmap::merge::merge(&base, &base, &changed);
        prop_assert_eq!(&theirs.journey, &changed);
        prop_assert!(theirs.conflicts.is_empty());
    }

    #[test]
    fn field_edits_merge_without_conflict_unless_one_field_changed_both_ways(
        ours_ops in prop::collection::vec(field_op(), 0..8),
        theirs_ops in prop::collection::vec(field_op(), 0..8),
    ) {
        let (base, ours, theirs, merged) = merge_ops(&ours_ops, &theirs_ops);
        let (b, o, t, m) = (fields(&base), fields(&ours), fields(&theirs), fields(&merged.journey));
        let mut clashes = 0;
        for (key, base_value) in &b {
            let (ours_value, theirs_value) = (&o[key], &t[key]);
            if ours_value != base_value && theirs_value != base_value && ours_value != theirs_value {
                clashes += 1;
                prop_assert_eq!(&m[key], ours_value, "ours kept at {:?}", key);
            } else if ours_value != base_value {
                prop_assert_eq!(&m[key], ours_value, "our change at {:?}", key);
            } else {
                prop_assert_eq!(&m[key], theirs_value, "their change (or none) at {:?}", key);
            }
        }
        prop_assert_eq!(merged.conflicts.len(), clashes, "{:?}", merged.conflicts);
    }

    #[test]
    fn a_diff_is_empty_exactly_when_nothing_changed(ops in prop::collection::vec(op(), 0..6)) {
        let base = shoes();
        let changed = apply_ops(&base, &ops);
        let changes = motmap::diff::diff(&base, &changed);
        prop_assert_eq!(changes.is_empty(), changed == base, "{:?}", changes);
    }
}

#[test]
fn moves_made_on_both_sides_both_land() {
    let base = shoes();
    let discover = base.stages()[0].clone();
    let ids: Vec<Id> = discover.moments.iter().map(|m| m.id).collect();
    // Ours moves the last moment to the top; theirs moves the first to the bottom.
    let ours = edited(
        &base,
        vec![Edit::MoveMoment {
            id: ids[3],
            stage: discover.id,
            index: 0,
        }],
    );
    let theirs = edited(
        &base,
        vec![Edit::MoveMoment {
            id: ids[0],
            stage: discover.id,
            index: 3,
        }],
    );
    let merged = motmap::merge::merge(&base, &ours, &theirs);
    let order: Vec<Id> = merged.journey.stages()[0]
        .moments
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(order, [ids[3], ids[1], ids[2], ids[0]]);
    // Moves that touch: ours moves b one down, theirs moves c to the top. Each side
    // moved one card; both moves land, whichever side is ours.
    let (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3]);
    let move_to = |id: Id, index: usize| {
        edited(
            &base,
            vec![Edit::MoveMoment {
                id,
                stage: discover.id,
                index,
            }],
        )
    };
    for (ours, theirs) in [
        (move_to(b, 2), move_to(c, 0)),
        (move_to(c, 0), move_to(b, 2)),
    ] {
        let merged = motmap::merge::merge(&base, &ours, &theirs);
        let order: Vec<Id> = merged.journey.stages()[0]
            .moments
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(order, [c, a, b, d]);
    }
    // Ours moves a to the bottom, theirs c to the top, next to it: both land.
    let merged = motmap::merge::merge(&base, &move_to(a, 3), &move_to(c, 0));
    let order: Vec<Id> = merged.journey.stages()[0]
        .moments
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(order, [c, b, d, a]);
    // The same with stages.
    let stages: Vec<Id> = base.stages().iter().map(|s| s.id).collect();
    let ours = edited(
        &base,
        vec![Edit::MoveStage {
            id: stages[4],
            to: 0,
        }],
    );
    let theirs = edited(
        &base,
        vec![Edit::MoveStage {
            id: stages[0],
            to: 4,
        }],
    );
    let merged = motmap::merge::merge(&base, &ours, &theirs);
    let order: Vec<Id> = merged.journey.stages().iter().map(|s| s.id).collect();
    assert_eq!(
        order,
        [stages[4], stages[1], stages[2], stages[3], stages[0]]
    );
    assert!(merged.conflicts.is_empty());
}

#[test]
fn an_id_freed_by_a_deletion_is_never_handed_out_again_even_after_a_reload() {
    let base = shoes();
    let last = base.moments().map(|(_, m)| m.id).max().unwrap();
    let deleted = edited(&base, vec![Edit::RemoveMoment { id: last }]);
    // Saved and opened again, then a card is added.
    let mut reopened = parse(&to_ron(&deleted)).unwrap();
    let stage = reopened.stages()[0].id;
    reopened
        .apply(Edit::InsertMoment {
            stage,
            index: 0,
            moment: Moment::new("Brand new"),
        })
        .unwrap();
    let added = reopened.stages()[0].moments[0].id;
    assert!(added > last, "{added} reuses a deleted id");
    // So a merge with someone who edited the deleted card sees the conflict.
    let theirs = edited(
        &base,
        vec![Edit::SetMomentText {
            id: last,
            field: MomentField::Owner,
            text: "Ops".into(),
        }],
    );
    let merged = motmap::merge::merge(&base, &reopened, &theirs);
    assert_eq!(moment(&merged.journey, added).owner, "");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
}

#[test]
fn the_same_moment_added_on_both_sides_is_one_and_in_two_stages_is_two() {
    let base = shoes();
    let mut new = Moment::new("Gift wrapping");
    new.votes = 3;
    let add = |stage: usize| {
        edited(
            &base,
            vec![Edit::InsertMoment {
                stage: base.stages()[stage].id,
                index: 0,
                moment: new.clone(),
            }],
        )
    };
    let merged = motmap::merge::merge(&base, &add(1), &add(1));
    assert_eq!(merged.journey, add(1), "one moment, its votes not doubled");
    let merged = motmap::merge::merge(&base, &add(1), &add(2));
    let copies: Vec<&Moment> = merged
        .journey
        .moments()
        .map(|(_, m)| m)
        .filter(|m| m.title == "Gift wrapping")
        .collect();
    assert_eq!(copies.len(), 2);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn a_stage_renamed_both_ways_keeps_ours_and_says_so_where_lint_and_the_editor_look() {
    let base = shoes();
    let buy = base.stages()[1].id;
    let rename = |name: &str| {
        edited(
            &base,
            vec![Edit::SetStageText {
                id: buy,
                field: StageField::Name,
                text: name.into(),
            }],
        )
    };
    let merged = motmap::merge::merge(&base, &rename("Order"), &rename("Checkout"));
    assert_eq!(
        merged.conflicts,
        ["stage “Order”: the name changed both ways: ours “Order”, theirs “Checkout”; kept ours"]
    );
    let stage = &merged.journey.stages()[1];
    assert_eq!(stage.name, "Order");
    assert!(stage.description.ends_with(
        "\nMerge conflict: the name changed both ways: ours “Order”, theirs “Checkout”; kept ours."
    ));
    assert_eq!(motmap::merge::unresolved(&merged.journey), 1);
    let findings = motmap::insight::lint(&merged.journey);
    assert!(
        findings
            .iter()
            .any(|f| f.stage == 1 && f.problem.starts_with("a merge conflict"))
    );
}

/// Where each moment is (its stage) and what it holds, by id.
fn placed(journey: &Journey) -> std::collections::HashMap<Id, (Id, Moment)> {
    journey
        .moments()
        .map(|(s, m)| (m.id, (s.id, m.clone())))
        .collect()
}

/// Checks that what one side only changed is in the merge: a moment changed on one side
/// has that change, one moved on one side is where it went, one deleted on one side and
/// untouched on the other is gone, and what either side added is there.
fn one_sided_changes_are_kept(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
    merged: &motmap::merge::Merged,
) -> Result<(), TestCaseError> {
    let (b, o, t, m) = (
        placed(base),
        placed(ours),
        placed(theirs),
        placed(&merged.journey),
    );
    let conflicted = |id: &Id| {
        m.get(id)
            .is_some_and(|(_, moment)| moment.tags.iter().any(|t| t == "merge conflict"))
    };
    for (id, (stage, moment)) in &b {
        match (o.get(id), t.get(id)) {
            // Kept on both sides: kept, with each side's own changes.
            (Some(ours_version), Some(theirs_version)) => {
                let (merged_stage, merged_moment) = m.get(id).expect("kept on both sides");
                if conflicted(id) {
                    continue;
                }
                let sides = [
                    (ours_version, theirs_version, ours),
                    (theirs_version, ours_version, theirs),
                ];
                for (side, other, journey) in sides {
                    if other.1 == *moment && side.1 != *moment {
                        prop_assert_eq!(merged_moment, &side.1, "one side's change to {:?}", id);
                    }
                    // By name: a stage both sides added under one id is renumbered.
                    let name_in = |j: &Journey, stage: Id| {
                        j.stage_index(stage).map(|i| j.stages()[i].name.clone())
                    };
                    let target = name_in(journey, side.0);
                    let survives = merged
                        .journey
                        .stages()
                        .iter()
                        .any(|s| Some(&s.name) == target.as_ref());
                    if other.0 == *stage && side.0 != *stage && survives {
                        prop_assert_eq!(
                            name_in(&merged.journey, *merged_stage),
                            target,
                            "one side's move of {:?}",
                            id
                        );
                    }
                }
            }
            // Deleted on one side and untouched on the other: gone.
            (Some(kept), None) | (None, Some(kept)) if kept.1 == *moment && kept.0 == *stage => {
                prop_assert!(!m.contains_key(id), "{:?} was deleted", id);
            }
            // Deleted on one side, changed on the other: kept, and flagged.
            (Some(_), None) | (None, Some(_)) => prop_assert!(conflicted(id)),
            (None, None) => prop_assert!(!m.contains_key(id)),
        }
    }
    // What either side added is there (under a fresh id if both used the same one).
    for added in o
        .values()
        .chain(t.values())
        .filter(|(_, m)| !b.contains_key(&m.id))
    {
        prop_assert!(
            m.values().any(|(_, merged)| merged.title == added.1.title),
            "the new moment {:?} is kept",
            added.1.title
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_change_made_on_one_side_only_is_never_lost(
        ours_ops in prop::collection::vec(op(), 0..10),
        theirs_ops in prop::collection::vec(op(), 0..10),
    ) {
        let (base, ours, theirs, merged) = merge_ops(&ours_ops, &theirs_ops);
        one_sided_changes_are_kept(&base, &ours, &theirs, &merged)?;
    }

    /// The same for an editor taking in what others saved while it has unsaved edits:
    /// theirs keeps its ids there, and ours are renumbered where they collide.
    #[test]
    fn merging_unsaved_edits_with_a_concurrent_save_never_loses_a_one_sided_change(
        ours_ops in prop::collection::vec(op(), 0..10),
        theirs_ops in prop::collection::vec(op(), 0..10),
    ) {
        let base = shoes();
        let ours = apply_ops(&base, &ours_ops);
        let theirs = apply_ops(&base, &theirs_ops);
        let (merged, renumbered) = motmap::merge::merge_into_ours(&base, &ours, &theirs);
        merged.journey.validate().unwrap();
        for (old, new) in &renumbered {
            prop_assert!(!placed(&theirs).contains_key(new), "{:?} → {:?} is a fresh id", old, new);
        }
        one_sided_changes_are_kept(&base, &ours, &theirs, &merged)?;
    }
}

/// What changed between `base` and `journey`, moment by moment: the ids of the moments
/// added, removed, moved or edited.
fn touched(base: &Journey, journey: &Journey) -> std::collections::HashSet<Id> {
    let (before, after) = (placed(base), placed(journey));
    // A move within its stage changes only its place among the others.
    let moved = |id: &Id| {
        let at = |j: &Journey| j.find_moment(*id).map(|p| p.moment);
        before.get(id).map(|(s, _)| s) == after.get(id).map(|(s, _)| s) && at(base) != at(journey)
    };
    before
        .keys()
        .chain(after.keys())
        .filter(|id| before.get(id) != after.get(id) || moved(id))
        .copied()
        .collect()
}

/// Changes to moments only, the kind two people at one workshop make at once.
fn moment_op() -> impl Strategy<Value = Op> {
    op().prop_filter("a change to a moment", |op| {
        !matches!(
            op,
            Op::MoveStage(..) | Op::RenameStage(..) | Op::AddStage(..) | Op::RemoveStage(..)
        )
    })
}

proptest! {
    // Half the cases are set aside (someone else touched a moment of ours): room for them.
    #![proptest_config(ProptestConfig { max_global_rejects: 4096, ..ProptestConfig::with_cases(200) })]

    /// An editor with its own changes in its history takes in someone else's save of
    /// other moments, then undoes: its own changes go, one by one, and theirs stay; once
    /// everything of its own is undone, the map is theirs.
    #[test]
    fn undo_after_a_merge_takes_back_only_ones_own_changes(
        ours_ops in prop::collection::vec(moment_op(), 1..8),
        theirs_ops in prop::collection::vec(moment_op(), 0..8),
    ) {
        let base = shoes();
        let mut ours = base.clone();
        let mut history = motmap::history::History::default();
        // Every moment one of our changes names, even if a later one of ours undid it.
        let mut ours_named = std::collections::HashSet::new();
        for op in &ours_ops {
            // As the keys do: a change that changes nothing is not recorded.
            let Some(edit) = op_edit(&ours, op) else { continue };
            let mut after = ours.clone();
            after.apply(edit.clone()).unwrap();
            if after != ours {
                ours_named.extend(edit.ids());
                history.apply(&mut ours, "change", vec![edit]).unwrap();
                ours_named.extend(touched(&base, &ours));
            }
        }
        let theirs = apply_ops(&base, &theirs_ops);
        // Nothing of theirs on a moment one of ours names, even one ours changed and
        // changed back.
        prop_assume!(ours_named.is_disjoint(&touched(&base, &theirs)));
        let (merged, renumbered) = motmap::merge::merge_into_ours(&base, &ours, &theirs);
        prop_assert!(merged.conflicts.is_empty());
        let mut journey = merged.journey;
        let theirs_new = motmap::merge::ids(&theirs)
            .difference(&motmap::merge::ids(&base))
            .copied()
            .collect();
        history.follow_merge(&mut journey, &motmap::merge::ids(&ours), &renumbered, &theirs_new);
        let theirs_placed = placed(&theirs);
        loop {
            let step = history.undo(&mut journey);
            prop_assert!(step.is_ok(), "no one else touched these moments: {:?}", step);
            // Whatever was undone so far, their changes are all still there.
            let now = placed(&journey);
            for id in touched(&base, &theirs).difference(&ours_named) {
                prop_assert_eq!(now.get(id), theirs_placed.get(id), "their change to {:?}", id);
            }
            if step.unwrap().is_none() {
                break;
            }
        }
        prop_assert_eq!(placed(&journey), theirs_placed, "all of ours undone: theirs is left");
    }
}

/// Every comment in a map, wherever it is.
fn all_comments(journey: &Journey) -> Vec<Comment> {
    let stages = journey.stages().iter();
    let moments = journey.moments().map(|(_, m)| &m.comments);
    journey
        .comments
        .iter()
        .chain(stages.flat_map(|s| &s.comments))
        .chain(moments.flatten())
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn comments_added_on_either_side_always_survive_a_merge(
        ours_ops in prop::collection::vec(op(), 0..10),
        theirs_ops in prop::collection::vec(op(), 0..10),
    ) {
        let (base, ours, theirs, merged) = merge_ops(&ours_ops, &theirs_ops);
        let before = all_comments(&base);
        let after = all_comments(&merged.journey);
        for added in all_comments(&ours).iter().chain(&all_comments(&theirs)) {
            if !before.iter().any(|c| c.same_as(added)) {
                prop_assert!(after.iter().any(|c| c.same_as(added)), "{:?} was lost", added);
            }
        }
    }
}

#[test]
fn two_people_commenting_at_once_both_land_and_resolving_is_kept() {
    let base = shoes();
    let ad = id_of(&base, "Search ad for trail running shoes");
    let on_ad = CommentTarget::Moment(ad);
    let first = Comment::new("Ana", "2026-12-04T05:12:00Z", "Which keywords?");
    let commented = edited(
        &base,
        vec![Edit::SetComments {
            target: on_ad,
            comments: vec![first.clone()],
        }],
    );
    let with = |comments: Vec<Comment>| {
        edited(
            &commented,
            vec![Edit::SetComments {
                target: on_ad,
                comments,
            }],
        )
    };
    let bo = Comment::new("Bo", "2026-12-04T05:20:00Z", "Trail, mostly");
    let resolved = Comment {
        resolved: true,
        ..first.clone()
    };
    // Ours resolves the first comment; theirs answers it, at the same time.
    let ours = with(vec![resolved.clone()]);
    let theirs = with(vec![first.clone(), bo.clone()]);
    let merged = motmap::merge::merge(&commented, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(moment(&merged.journey, ad).comments, [resolved, bo.clone()]);
    // Theirs deletes the first comment while ours leaves it: gone.
    let merged = motmap::merge::merge(&commented, &commented, &with(vec![bo.clone()]));
    assert_eq!(moment(&merged.journey, ad).comments, [bo]);
}

/// One stage of cards named by letters: `a` to `d` are in the base, `O` only ours (a new
/// card), `T` only theirs.
fn letters(cards: &str) -> Journey {
    let moments = cards
        .chars()
        .map(|c| {
            let mut moment = Moment::new(c.to_string());
            moment.id = Id(match c {
                'O' => 20,
                'T' => 21,
                c => u64::from(c as u8 - b'a') + 2,
            });
            moment
        })
        .collect();
    let stage = motmap::model::Stage {
        id: Id(1),
        name: "S".into(),
        description: String::new(),
        moments,
        comments: Vec::new(),
    };
    Journey::from_parts("T".into(), String::new(), Vec::new(), vec![stage]).count_from(30)
}

#[test]
fn orders_merge_pair_by_pair() {
    // base, ours, theirs, merged: every pair of cards keeps the order both sides agree
    // on, or that the side that changed it gave it.
    let cases = [
        ("abc", "acb", "cab", "cab"), // ours moves b down, theirs c to the top
        ("abc", "bca", "cab", "cba"), // ours a to the bottom, theirs c to the top
        ("abc", "bca", "cba", "cba"), // both move a to the end
        ("abc", "bca", "ca", "ca"),   // the same, with b deleted on their side
        ("ab", "ba", "bTa", "bTa"),   // the same swap, theirs adds between
        ("ab", "bO", "ba", "bO"),     // ours deletes a and adds after b
        ("abc", "bac", "cab", "cba"), // ours swaps a and b, theirs c to the top
        ("abcd", "dabc", "bcda", "dbca"), // ours d to the top, theirs a to the bottom
        ("ab", "aOb", "aTb", "aOTb"), // both add at one place: ours first
    ];
    for (base, ours, theirs, expected) in cases {
        let merged = motmap::merge::merge(&letters(base), &letters(ours), &letters(theirs));
        let order: String = merged.journey.stages()[0]
            .moments
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(order, expected, "base {base}, ours {ours}, theirs {theirs}");
        assert!(merged.conflicts.is_empty());
    }
    // Theirs deletes b and moves c to the top; ours edits b, so b stays (a conflict). Its
    // old place gives way to their move: c still comes before a.
    let mut ours = letters("abc");
    ours.apply(Edit::SetMomentText {
        id: Id(3),
        field: MomentField::Notes,
        text: "o".into(),
    })
    .unwrap();
    let merged = motmap::merge::merge(&letters("abc"), &ours, &letters("ca"));
    let order: Vec<&str> = merged.journey.stages()[0]
        .moments
        .iter()
        .map(|m| m.title.as_str())
        .collect();
    let (c, a) = (
        order.iter().position(|t| *t == "c"),
        order.iter().position(|t| *t == "a"),
    );
    assert!(c < a, "{order:?}");
    assert_eq!(merged.conflicts.len(), 1);
}
