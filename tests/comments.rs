//! Comments in the editor: `c`, `C` and `M` comment on the moment, the stage and the
//! journey, signed and dated; the details list them and `r` resolves one; undo takes each
//! back; and a read-only view lets a reviewer comment and vote and nothing else.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::{app_with, journey, press};
use motmap::app::{App, DetailField, Mode};
use motmap::model::{Comment, CommentTarget};
use motmap::status::Tone;
use motmap::store::{format_for, parse, to_ron};

const SMALL: &str = r#"(title: "Cafe", stages: [
    (name: "Find", moments: [(title: "Reads reviews"), (title: "Sees the sign")]),
    (name: "Wait", moments: [(title: "Long queue", kind: Fmot, feeling: -2)]),
])"#;

/// 2026-12-04 05:12:00 UTC.
const NOON_ISH: u64 = 1_796_361_120;

/// An editor signing as Ana, at a known time.
fn ana() -> App {
    let mut app = app_with(SMALL).with_author("Ana".into());
    app.set_utc_seconds(NOON_ISH);
    app
}

fn comments(app: &App, on: CommentTarget) -> Vec<Comment> {
    app.journey().comments(on).unwrap().to_vec()
}

fn first_moment(app: &App) -> CommentTarget {
    CommentTarget::Moment(app.journey().stages()[0].moments[0].id)
}

#[test]
fn c_comments_on_the_moment_signed_and_dated_and_undo_takes_it_back() {
    let mut app = ana();
    let before = journey(&app);
    press(
        &mut app,
        "cIs it \"always\", or<A-Enter>only at noon?<Enter>",
    );
    assert_eq!(app.mode(), &Mode::Board);
    assert_eq!(
        comments(&app, first_moment(&app)),
        [Comment::new(
            "Ana",
            "2026-12-04T05:12:00Z",
            "Is it \"always\", or\nonly at noon?"
        )]
    );
    assert_eq!(
        app.status().text,
        "Comment added to “Reads reviews”. u takes it back."
    );
    assert_eq!(
        format_for(app.journey()),
        2,
        "saved in the format with comments"
    );
    let saved = to_ron(app.journey());
    assert_eq!(&parse(&saved).unwrap(), app.journey());
    press(&mut app, "u");
    assert_eq!(journey(&app), before);
    assert_eq!(
        format_for(app.journey()),
        1,
        "and without, in the first again"
    );
    assert!(!app.is_modified());
}

#[test]
fn capital_c_lists_the_stages_comments_and_m_the_journeys() {
    let mut app = ana();
    press(&mut app, "lC");
    let wait = CommentTarget::Stage(app.journey().stages()[1].id);
    assert_eq!(app.mode(), &Mode::Comments { on: wait, row: 0 });
    assert_eq!(
        app.status().text,
        "Comments on stage “Wait”: none yet. c adds one."
    );
    press(&mut app, "cToo long<Enter>");
    assert_eq!(comments(&app, wait)[0].text, "Too long");
    assert_eq!(
        app.mode(),
        &Mode::Comments { on: wait, row: 0 },
        "back in the list"
    );
    assert_eq!(
        app.status().text,
        "Comment added to stage “Wait”. u takes it back."
    );
    press(&mut app, "cSecond<Enter>kr");
    assert!(
        comments(&app, wait)[0].resolved,
        "r resolves the highlighted one"
    );
    assert!(!comments(&app, wait)[1].resolved);
    press(&mut app, "<Esc>McReview on Friday<Enter><Esc>");
    assert_eq!(app.mode(), &Mode::Board);
    assert_eq!(
        comments(&app, CommentTarget::Journey)[0].text,
        "Review on Friday"
    );
    press(&mut app, "u");
    assert!(comments(&app, CommentTarget::Journey).is_empty());
    assert_eq!(comments(&app, wait).len(), 2, "one undo, one comment");
}

#[test]
fn an_empty_comment_adds_nothing_and_esc_cancels_one() {
    let mut app = ana();
    let before = journey(&app);
    press(&mut app, "c  <A-Enter> <Enter>");
    assert_eq!(app.status().text, "Nothing added: the comment was empty.");
    press(&mut app, "cHalf a thought<Esc>");
    assert_eq!(app.status().text, "Nothing added.");
    assert_eq!(app.mode(), &Mode::Board);
    assert_eq!(journey(&app), before);
    assert!(!app.is_modified());
}

#[test]
fn without_a_name_comments_are_signed_by_someone() {
    let mut app = app_with(SMALL);
    press(&mut app, "cHm<Enter>");
    assert_eq!(comments(&app, first_moment(&app))[0].author, "someone");
    let app = app_with(SMALL).with_author(" \t ".into());
    assert_eq!(app.author(), "someone", "a blank name is no name");
}

#[test]
fn the_details_list_the_comments_and_r_resolves_one_and_opens_it_again() {
    let mut app = ana();
    press(&mut app, "cFirst<Enter>cSecond<Enter><Enter>");
    assert!(matches!(app.mode(), Mode::Details { field: 0, .. }));
    // Down past every field to the first comment, and no further than the last.
    press(&mut app, &"j".repeat(DetailField::ALL.len() + 5));
    let last = DetailField::ALL.len() + 1;
    assert!(matches!(app.mode(), Mode::Details { field, .. } if *field == last));
    press(&mut app, "kr");
    let on = first_moment(&app);
    assert!(comments(&app, on)[0].resolved);
    assert!(!comments(&app, on)[1].resolved);
    assert_eq!(
        app.status().text,
        "Comment resolved: Ana on “Reads reviews”; 1 comment open there."
    );
    press(&mut app, "r");
    assert!(!comments(&app, on)[0].resolved);
    assert_eq!(
        app.status().text,
        "Comment opened again: Ana on “Reads reviews”; 2 comments open there."
    );
    press(&mut app, "u");
    assert!(comments(&app, on)[0].resolved, "undo resolves it again");
    // On a field, r and Enter say how comments go; `c` adds one from here.
    press(&mut app, &"k".repeat(20));
    press(&mut app, "r");
    assert!(
        app.status().text.starts_with("Comments stay as written"),
        "{}",
        app.status().text
    );
    press(&mut app, "cThird<Enter>");
    let third = DetailField::ALL.len() + 2;
    assert!(
        matches!(app.mode(), Mode::Details { field, .. } if *field == third),
        "back in the details, on the new comment: {:?}",
        app.mode()
    );
    assert_eq!(comments(&app, on)[2].text, "Third");
}

#[test]
fn the_card_counts_its_open_comments() {
    let mut app = ana();
    press(&mut app, "cOne<Enter>cTwo<Enter>");
    let text = common::screen_text(common::screen(&mut app, 80, 24).backend().buffer());
    assert!(text.contains("✎2"), "{text}");
    press(&mut app, "<Enter>jjjjjjjjjjjr<Esc>");
    let text = common::screen_text(common::screen(&mut app, 80, 24).backend().buffer());
    assert!(text.contains("✎1") && !text.contains("✎2"), "{text}");
}

#[test]
fn a_hang_up_while_typing_a_comment_keeps_it_for_recovery() {
    let mut app = ana();
    press(&mut app, "cNot yet kept");
    let unsaved = app.unsaved_journey().unwrap();
    let on = first_moment(&app);
    assert_eq!(unsaved.comments(on).unwrap()[0].text, "Not yet kept");
}

#[test]
fn a_reviewer_may_comment_and_vote_and_nothing_else() {
    let mut app = ana().read_only();
    press(&mut app, "cLooks right<Enter>v");
    let on = first_moment(&app);
    assert_eq!(comments(&app, on)[0].text, "Looks right");
    assert_eq!(app.journey().stages()[0].moments[0].votes, 1);
    press(&mut app, "lCcAnd here<Enter><Esc>McAnd overall<Enter><Esc>");
    assert_eq!(comments(&app, CommentTarget::Journey).len(), 1);
    let before = journey(&app);
    for keys in ["p", "e", "x", "u", "s", "<Enter>r"] {
        press(&mut app, keys);
        assert_eq!(
            app.status().tone,
            Tone::Warning,
            "{keys}: {}",
            app.status().text
        );
        assert!(
            app.status()
                .text
                .ends_with("c comments, v votes, i starts editing."),
            "{keys}: {}",
            app.status().text
        );
        press(&mut app, "<Esc>");
    }
    assert_eq!(journey(&app), before);
    // Quitting does not ask: what a reviewer added is saved by itself, merged into the
    // file like anyone's changes (see tests/collaborate.rs), and then motmap quits.
    press(&mut app, "q");
    assert_eq!(app.mode(), &Mode::Board);
}
