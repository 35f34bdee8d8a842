//! The map as an indented plain-text list, for pipes, `grep` and `less`, with or without
//! what each card holds beyond its title.

use std::fmt::Write;

use crate::model::{Comment, Journey, Moment, Stage};
use crate::text::{count_summary, plural};

/// How far a moment's details are indented: under its title.
const DETAIL_INDENT: usize = 11;

/// The whole journey: title, then each stage with its moments, one per line, with the
/// moment-of-truth kind, the feeling and, where one is set, the to-be feeling
/// ("(deep pain → to be neutral)"). With `details`, under each line what it holds: the
/// notes, the idea, the owner and the open comments (see [`details`]); the journey's and
/// each stage's open comments under their own lines.
pub fn outline(journey: &Journey, with_details: bool) -> String {
    let mut out = String::new();
    let pains: usize = journey.stages().iter().map(|s| s.pains()).sum();
    let glories: usize = journey.stages().iter().map(|s| s.glories()).sum();
    let _ = writeln!(out, "{}", journey.title);
    let _ = writeln!(
        out,
        "{}, {}",
        plural(journey.stages().len(), "stage", "stages"),
        count_summary(journey.moment_count(), pains, glories)
    );
    if with_details {
        write_comments(&mut out, &journey.comments, 0);
    }
    for (number, stage) in journey.stages().iter().enumerate() {
        write_stage(&mut out, number, stage, with_details);
        for moment in &stage.moments {
            write_moment(&mut out, moment, with_details);
        }
    }
    out
}

/// What the cards of the journey hold beyond what the board shows, for under a printed
/// board: the journey's open comments, then each stage that has something to say, with
/// its open comments and each card that holds notes, an idea, an owner, a to-be or open
/// comments, as the outline with details writes them. Empty when there is nothing.
pub fn card_details(journey: &Journey) -> String {
    let mut out = String::new();
    write_comments(&mut out, &journey.comments, 0);
    for (number, stage) in journey.stages().iter().enumerate() {
        let said = |m: &&Moment| m.target.is_some() || !details(m).is_empty();
        let moments: Vec<&Moment> = stage.moments.iter().filter(said).collect();
        if moments.is_empty() && open(&stage.comments).next().is_none() {
            continue;
        }
        write_stage(&mut out, number, stage, true);
        for moment in moments {
            write_moment(&mut out, moment, true);
        }
    }
    out
}

/// "\n2. Arrive (3 moments: 1 pain, 2 glories)", and with details its open comments.
fn write_stage(out: &mut String, number: usize, stage: &Stage, with_details: bool) {
    let _ = writeln!(
        out,
        "\n{}. {} ({})",
        number + 1,
        stage.name,
        count_summary(stage.moments.len(), stage.pains(), stage.glories())
    );
    if with_details {
        write_comments(out, &stage.comments, 3);
    }
}

/// "   FMOT -- Long queue at the counter (deep pain → to be pain)", and with details
/// what the card holds, each under the title.
fn write_moment(out: &mut String, moment: &Moment, with_details: bool) {
    let kind = moment.kind.map_or("    ", |k| k.badge());
    let to_be = moment
        .target
        .map_or_else(String::new, |t| format!(" → to be {}", t.label()));
    let _ = writeln!(
        out,
        "   {kind} {:<2} {} ({}{to_be})",
        moment.feeling.symbol(),
        moment.title,
        moment.feeling.label()
    );
    if with_details {
        for (label, text) in details(moment) {
            write_labelled(out, DETAIL_INDENT, &label, &text);
        }
    }
}

/// What a card holds beyond its title, kind and feelings, as (label, text): its notes,
/// idea and owner where they are written, then each open comment, labelled with who wrote
/// it and when.
fn details(moment: &Moment) -> Vec<(String, String)> {
    let fields = [
        ("notes", &moment.notes),
        ("idea", &moment.idea),
        ("owner", &moment.owner),
    ];
    fields
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| (label.to_owned(), text.trim().to_owned()))
        .chain(open(&moment.comments).map(comment_line))
        .collect()
}

/// Each open comment of a list, `indent` columns in.
fn write_comments(out: &mut String, comments: &[Comment], indent: usize) {
    for (label, text) in open(comments).map(comment_line) {
        write_labelled(out, indent, &label, &text);
    }
}

/// The comments nobody has resolved yet.
fn open(comments: &[Comment]) -> impl Iterator<Item = &Comment> {
    comments.iter().filter(|c| !c.resolved)
}

/// An open comment as a label and its text: ("comment by Ana, 2026-12-04 05:12 UTC",
/// "Which day?").
fn comment_line(comment: &Comment) -> (String, String) {
    (
        format!("comment by {}", byline(comment, ", ")),
        comment.text.trim().to_owned(),
    )
}

/// Who wrote a comment and when, as people read it, with `separator` between: "Ana,
/// 2026-12-04 05:12 UTC" (or "Ana · …" in the editor's lists); "someone" where the comment
/// does not say who.
pub fn byline(comment: &Comment, separator: &str) -> String {
    let author = if comment.author.is_empty() {
        "someone"
    } else {
        &comment.author
    };
    if comment.at.is_empty() {
        author.to_owned()
    } else {
        format!("{author}{separator}{}", crate::utc::readable(&comment.at))
    }
}

/// "label: text", `indent` columns in, further lines of the text lined up under its
/// first.
fn write_labelled(out: &mut String, indent: usize, label: &str, text: &str) {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let _ = writeln!(out, "{:indent$}{label}: {first}", "");
    let under = indent + crate::text::width(label) + 2;
    for line in lines {
        let _ = writeln!(out, "{}", format!("{:under$}{line}", "").trim_end());
    }
}
