//! What changed between two versions of a map, matched by id: stages and moments added,
//! removed, moved, renamed, re-tagged, recoloured and edited, and comments added, removed,
//! resolved and opened again. The words are for people reading a terminal or a `git diff`.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::{Comment, Id, Journey, Moment, Stage};

/// One change, in the order it is listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub sign: Sign,
    /// Where: `stage “Buy”`, or empty for the journey itself.
    pub place: String,
    /// What happened, in a few words.
    pub what: String,
}

/// How a change is marked at the start of its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Added,
    Removed,
    Changed,
    Moved,
}

impl Sign {
    pub fn symbol(self) -> char {
        match self {
            Sign::Added => '+',
            Sign::Removed => '-',
            Sign::Changed => '~',
            Sign::Moved => '>',
        }
    }
}

/// Every change from `old` to `new`: the journey's own fields, then stage by stage in the
/// new order (removed stages last), moments within them.
pub fn diff(old: &Journey, new: &Journey) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut note = |sign: Sign, place: &str, what: String| {
        changes.push(Change {
            sign,
            place: place.to_owned(),
            what,
        })
    };
    journey_changes(old, new, &mut note);

    let old_stages: HashMap<Id, (usize, &Stage)> = old
        .stages()
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, (i, s)))
        .collect();
    let new_stage_ids: Vec<Id> = new.stages().iter().map(|s| s.id).collect();
    let old_moments: HashMap<Id, (&Stage, usize, &Moment)> = old
        .stages()
        .iter()
        .flat_map(|s| {
            s.moments
                .iter()
                .enumerate()
                .map(move |(i, m)| (m.id, (s, i, m)))
        })
        .collect();
    let new_moment_ids: std::collections::HashSet<Id> = new.moments().map(|(_, m)| m.id).collect();
    let stayed = stayed_in_order(
        &old.stages().iter().map(|s| s.id).collect::<Vec<_>>(),
        &new_stage_ids,
    );

    for (index, stage) in new.stages().iter().enumerate() {
        let place = format!("stage {}", quote(&stage.name));
        let old_stage = old_stages.get(&stage.id).copied();
        stage_changes(new.stages(), index, old_stage, &stayed, &place, &mut note);
        let old_stage = old_stage.map(|(_, s)| s);
        moment_changes_in(stage, old_stage, &old_moments, &place, &mut note);
        if let Some(old_stage) = old_stage {
            removed_moments(old_stage, &new_moment_ids, &place, &mut note);
        }
    }
    let new_stages: std::collections::HashSet<Id> = new_stage_ids.into_iter().collect();
    removed_stages(old, &new_stages, &new_moment_ids, &mut note);
    changes
}

/// The journey's own fields: its title, description, personas and comments.
fn journey_changes(old: &Journey, new: &Journey, note: &mut impl FnMut(Sign, &str, String)) {
    if old.title != new.title {
        note(
            Sign::Changed,
            "",
            format!("title {} → {}", quote(&old.title), quote(&new.title)),
        );
    }
    if old.description != new.description {
        note(Sign::Changed, "", "description edited".into());
    }
    if old.personas != new.personas {
        note(
            Sign::Changed,
            "",
            format!("personas {} → {}", list(&old.personas), list(&new.personas)),
        );
    }
    comment_changes(&old.comments, &new.comments, "", "the journey", note);
}

/// One stage in the new order against its old self: added, renamed, edited or moved.
fn stage_changes(
    stages: &[Stage],
    index: usize,
    old: Option<(usize, &Stage)>,
    stayed: &std::collections::HashSet<Id>,
    place: &str,
    note: &mut impl FnMut(Sign, &str, String),
) {
    let stage = &stages[index];
    let old_comments = old.map_or(&[][..], |(_, s)| &s.comments);
    match old {
        None => note(
            Sign::Added,
            place,
            format!(
                "stage added at position {} with {}",
                index + 1,
                crate::text::plural(stage.moments.len(), "moment", "moments")
            ),
        ),
        Some((old_index, old_stage)) => {
            if old_stage.name != stage.name {
                note(
                    Sign::Changed,
                    place,
                    format!("renamed from {}", quote(&old_stage.name)),
                );
            }
            if old_stage.description != stage.description {
                note(Sign::Changed, place, "description edited".into());
            }
            if !stayed.contains(&stage.id) {
                let after = index
                    .checked_sub(1)
                    .map(|i| format!("stage {}", quote(&stages[i].name)));
                note(Sign::Moved, place, moved_to(old_index, index, after));
            }
        }
    }
    comment_changes(old_comments, &stage.comments, place, "the stage", note);
}

/// The moments of one stage in their new order: added, moved here from another stage,
/// moved within it, or edited.
fn moment_changes_in(
    stage: &Stage,
    old_stage: Option<&Stage>,
    old_moments: &HashMap<Id, (&Stage, usize, &Moment)>,
    place: &str,
    note: &mut impl FnMut(Sign, &str, String),
) {
    let old_order: Vec<Id> = old_stage
        .map(|s| s.moments.iter().map(|m| m.id).collect())
        .unwrap_or_default();
    let new_order: Vec<Id> = stage.moments.iter().map(|m| m.id).collect();
    let kept_order = stayed_in_order(&old_order, &new_order);
    for (position, moment) in stage.moments.iter().enumerate() {
        let title = quote(&moment.title);
        let Some((old_stage, old_position, old_moment)) = old_moments.get(&moment.id) else {
            note(
                Sign::Added,
                place,
                format!("added {title} ({})", describe(moment)),
            );
            comment_changes(&[], &moment.comments, place, &title, note);
            continue;
        };
        if old_stage.id != stage.id {
            note(
                Sign::Moved,
                place,
                format!("{title} moved here from stage {}", quote(&old_stage.name)),
            );
        } else if !kept_order.contains(&moment.id) {
            let after = position
                .checked_sub(1)
                .map(|i| quote(&stage.moments[i].title));
            let moved = moved_to(*old_position, position, after);
            note(Sign::Moved, place, format!("{title} {moved}"));
        }
        let changed = moment_changes(old_moment, moment);
        if !changed.is_empty() {
            note(
                Sign::Changed,
                place,
                format!("{title}: {}", changed.join("; ")),
            );
        }
        comment_changes(&old_moment.comments, &moment.comments, place, &title, note);
    }
}

/// The comments on one thing (`on`: “Checkout”, the stage, the journey) from old to new:
/// added, removed, resolved and opened again. A comment is matched by its author, time
/// and text.
fn comment_changes(
    old: &[Comment],
    new: &[Comment],
    place: &str,
    on: &str,
    note: &mut impl FnMut(Sign, &str, String),
) {
    let about = |c: &Comment| {
        format!(
            "comment by {} on {on}",
            if c.author.is_empty() {
                "someone"
            } else {
                &c.author
            }
        )
    };
    let excerpt = |c: &Comment| crate::text::quoted(c.first_line());
    for comment in new {
        match old.iter().find(|o| o.same_as(comment)) {
            None => note(
                Sign::Added,
                place,
                format!("{}: {}", about(comment), excerpt(comment)),
            ),
            Some(was) if was.resolved != comment.resolved => {
                let now = if comment.resolved {
                    "resolved"
                } else {
                    "opened again"
                };
                note(
                    Sign::Changed,
                    place,
                    format!("{} {now}: {}", about(comment), excerpt(comment)),
                );
            }
            Some(_) => {}
        }
    }
    for gone in old.iter().filter(|o| !new.iter().any(|c| c.same_as(o))) {
        note(
            Sign::Removed,
            place,
            format!("{} removed: {}", about(gone), excerpt(gone)),
        );
    }
}

/// The moments of a stage that are in no stage of the new version.
fn removed_moments(
    old_stage: &Stage,
    new_moment_ids: &std::collections::HashSet<Id>,
    place: &str,
    note: &mut impl FnMut(Sign, &str, String),
) {
    for gone in old_stage
        .moments
        .iter()
        .filter(|m| !new_moment_ids.contains(&m.id))
    {
        note(
            Sign::Removed,
            place,
            format!("removed {}", quote(&gone.title)),
        );
    }
}

/// The stages that are gone, each with how many of its moments went with it.
fn removed_stages(
    old: &Journey,
    new_stages: &std::collections::HashSet<Id>,
    new_moment_ids: &std::collections::HashSet<Id>,
    note: &mut impl FnMut(Sign, &str, String),
) {
    for stage in old.stages().iter().filter(|s| !new_stages.contains(&s.id)) {
        let place = format!("stage {}", quote(&stage.name));
        let gone = stage
            .moments
            .iter()
            .filter(|m| !new_moment_ids.contains(&m.id))
            .count();
        note(
            Sign::Removed,
            &place,
            format!(
                "stage removed with {}",
                crate::text::plural(gone, "moment", "moments")
            ),
        );
    }
}

/// What changed in one moment, field by field, in words.
fn moment_changes(old: &Moment, new: &Moment) -> Vec<String> {
    let mut out = Vec::new();
    if old.title != new.title {
        out.push(format!("renamed from {}", quote(&old.title)));
    }
    if old.kind != new.kind {
        let kind = |m: &Moment| {
            m.kind
                .map_or("no kind".to_owned(), |k| k.badge().to_owned())
        };
        out.push(format!("re-tagged {} → {}", kind(old), kind(new)));
    }
    if old.feeling != new.feeling {
        let feeling = |m: &Moment| format!("{} {}", m.feeling.symbol(), m.feeling.label());
        out.push(format!("recoloured {} → {}", feeling(old), feeling(new)));
    }
    if old.target != new.target {
        let target = |m: &Moment| {
            m.target.map_or("none".to_owned(), |t| {
                format!("{} {}", t.symbol(), t.label())
            })
        };
        out.push(format!("to-be {} → {}", target(old), target(new)));
    }
    let texts = [
        ("channel", &old.channel, &new.channel),
        ("owner", &old.owner, &new.owner),
    ];
    for (name, before, after) in texts {
        if before != after {
            out.push(format!("{name} {} → {}", quote(before), quote(after)));
        }
    }
    for (name, before, after) in [
        ("notes", &old.notes, &new.notes),
        ("idea", &old.idea, &new.idea),
    ] {
        match (before.is_empty(), after.is_empty()) {
            (_, _) if before == after => {}
            (true, false) => out.push(format!("{name} added")),
            (false, true) => out.push(format!("{name} removed")),
            _ => out.push(format!("{name} edited")),
        }
    }
    if old.evidence != new.evidence {
        let evidence = |m: &Moment| m.evidence.map_or("none", |e| e.label());
        out.push(format!("evidence {} → {}", evidence(old), evidence(new)));
    }
    if old.personas != new.personas {
        out.push(format!(
            "personas {} → {}",
            list(&old.personas),
            list(&new.personas)
        ));
    }
    if old.tags != new.tags {
        out.push(format!("tags {} → {}", list(&old.tags), list(&new.tags)));
    }
    if old.votes != new.votes {
        out.push(format!("votes {} → {}", old.votes, new.votes));
    }
    out
}

/// "moved from position 2 to 4", or, where other changes left it at the same number,
/// what it now follows.
fn moved_to(old: usize, new: usize, after: Option<String>) -> String {
    if old != new {
        format!("moved from position {} to {}", old + 1, new + 1)
    } else {
        match after {
            Some(after) => format!("moved, now after {after}"),
            None => "moved to the front".into(),
        }
    }
}

/// A moment in a few words: its kind and feeling.
fn describe(moment: &Moment) -> String {
    let feeling = format!("{} {}", moment.feeling.symbol(), moment.feeling.label());
    match moment.kind {
        Some(kind) => format!("{}, {feeling}", kind.badge()),
        None => feeling,
    }
}

fn quote(text: &str) -> String {
    format!("“{text}”")
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items
            .iter()
            .map(|i| quote(i))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The ids found in both orders whose relative order did not change: the longest run that
/// kept its order (the longest increasing subsequence of old positions, O(n log n)). The
/// others are the ones that moved.
pub(crate) fn stayed_in_order(old: &[Id], new: &[Id]) -> std::collections::HashSet<Id> {
    let old_position: HashMap<Id, usize> = old.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let common: Vec<(Id, usize)> = new
        .iter()
        .filter_map(|id| old_position.get(id).map(|p| (*id, *p)))
        .collect();
    // tails[k]: index into `common` of the smallest tail of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; common.len()];
    for (i, (_, position)) in common.iter().enumerate() {
        let k = tails.partition_point(|&t| common[t].1 < *position);
        previous[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut stayed = std::collections::HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        stayed.insert(common[i].0);
        at = previous[i];
    }
    stayed
}

/// The changes as text for a terminal or a pipe, one per line under a heading per place;
/// with `color`, signs in green, red and yellow.
pub fn render(name: &str, changes: &[Change], color: bool) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        let _ = writeln!(out, "{name}: no changes");
        return out;
    }
    let _ = writeln!(
        out,
        "{name}: {}",
        crate::text::plural(changes.len(), "change", "changes")
    );
    let mut place = None;
    for change in changes {
        if place != Some(&change.place) {
            place = Some(&change.place);
            let heading = if change.place.is_empty() {
                "journey"
            } else {
                &change.place
            };
            let _ = writeln!(out, "{heading}");
        }
        let sign = change.sign.symbol();
        let sign = if color {
            let code = match change.sign {
                Sign::Added => 32,
                Sign::Removed => 31,
                Sign::Changed => 33,
                Sign::Moved => 36,
            };
            format!("\x1b[{code}m{sign}\x1b[0m")
        } else {
            sign.to_string()
        };
        let _ = writeln!(out, "  {sign} {}", change.what);
    }
    out
}

/// The changes in a few words, for a status line: the change itself when there is only
/// one; otherwise how many were added, removed, changed and moved, and in which stage when
/// they were all in one: `2 added in stage “Buy”, 1 changed`.
pub fn summary(changes: &[Change]) -> String {
    if let [change] = changes {
        return match change.place.as_str() {
            "" => change.what.clone(),
            place => format!("{place}: {}", change.what),
        };
    }
    let mut parts = Vec::new();
    for (sign, word) in [
        (Sign::Added, "added"),
        (Sign::Removed, "removed"),
        (Sign::Changed, "changed"),
        (Sign::Moved, "moved"),
    ] {
        let of_sign: Vec<&Change> = changes.iter().filter(|c| c.sign == sign).collect();
        let Some(first) = of_sign.first() else {
            continue;
        };
        let one_place = of_sign.iter().all(|c| c.place == first.place) && !first.place.is_empty();
        let place = if one_place {
            format!(" in {}", first.place)
        } else {
            String::new()
        };
        parts.push(format!("{} {word}{place}", of_sign.len()));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommentTarget, Edit};

    #[test]
    fn comments_added_removed_resolved_and_opened_are_said_where_they_are() {
        let old = crate::store::parse(
            r#"(title: "T", comments: [(author: "Bo", at: "1", text: "Old\nnews")], stages: [
                (name: "Buy", comments: [(author: "Ana", at: "2", text: "Busy", resolved: true)],
                 moments: [(title: "Pays", comments: [(author: "Ana", at: "3", text: "Slow")])]),
            ])"#,
        )
        .unwrap();
        let mut new = old.clone();
        let (stage, moment) = (old.stages()[0].id, old.stages()[0].moments[0].id);
        let mut slow = old.stages()[0].moments[0].comments[0].clone();
        slow.resolved = true;
        let mut busy = old.stages()[0].comments[0].clone();
        busy.resolved = false;
        for (target, comments) in [
            (CommentTarget::Journey, vec![]),
            (CommentTarget::Stage(stage), vec![busy]),
            (
                CommentTarget::Moment(moment),
                vec![slow, Comment::new("", "4", "Why, though?")],
            ),
        ] {
            new.apply(Edit::SetComments { target, comments }).unwrap();
        }
        let changes = diff(&old, &new);
        let said: Vec<(char, &str, &str)> = changes
            .iter()
            .map(|c| (c.sign.symbol(), c.place.as_str(), c.what.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                ('-', "", "comment by Bo on the journey removed: “Old”"),
                (
                    '~',
                    "stage “Buy”",
                    "comment by Ana on the stage opened again: “Busy”"
                ),
                (
                    '~',
                    "stage “Buy”",
                    "comment by Ana on “Pays” resolved: “Slow”"
                ),
                (
                    '+',
                    "stage “Buy”",
                    "comment by someone on “Pays”: “Why, though?”"
                ),
            ]
        );
    }

    #[test]
    fn a_summary_names_one_change_or_counts_several() {
        let change = |sign, place: &str, what: &str| Change {
            sign,
            place: place.into(),
            what: what.into(),
        };
        let one = [change(Sign::Changed, "stage “Buy”", "“Pays”: recoloured")];
        assert_eq!(summary(&one), "stage “Buy”: “Pays”: recoloured");
        let several = [
            change(Sign::Added, "stage “Buy”", "added “Pays”"),
            change(Sign::Added, "stage “Buy”", "added “Waits”"),
            change(Sign::Changed, "stage “Use”", "“Opens”: recoloured"),
            change(Sign::Changed, "", "description edited"),
        ];
        assert_eq!(summary(&several), "2 added in stage “Buy”, 2 changed");
    }

    #[test]
    fn only_the_moved_ids_leave_the_kept_order() {
        let ids = |v: &[u64]| v.iter().map(|n| Id(*n)).collect::<Vec<_>>();
        let stayed = stayed_in_order(&ids(&[1, 2, 3, 4, 5]), &ids(&[1, 3, 4, 2, 5, 6]));
        assert_eq!(stayed.len(), 4);
        assert!(
            !stayed.contains(&Id(2)),
            "2 moved; the others kept their order"
        );
    }
}
