//! A three-way merge of maps by id, for git's merge driver: changes to different
//! moments, or to different fields of one moment, combine without a conflict. A field
//! changed both ways keeps our value and records theirs where the editor shows it: in the
//! moment's notes (tagged `merge conflict`), or the stage's or journey's description.

use std::collections::{HashMap, HashSet};

use crate::diff::stayed_in_order;
use crate::model::{
    Comment, Evidence, Feeling, Id, Journey, Kind, MermaidExtras, Moment, MomentField, Stage,
};

/// The tag a moment with an unresolved merge conflict carries, for search and filter.
pub const CONFLICT_TAG: &str = "merge conflict";

const DELETED_AND_CHANGED: &str =
    "deleted on one side and changed on the other; kept with the changes";

/// How a merge marks a line it added to notes or a description about a conflict.
pub const CONFLICT_NOTE: &str = "Merge conflict: ";

/// Whether a text holds a line a merge added about a conflict.
pub fn notes_conflict(text: &str) -> bool {
    text.lines().any(|line| line.starts_with(CONFLICT_NOTE))
}

/// Whether a merge left a conflict in this moment (its notes give both values).
pub fn has_conflict(moment: &Moment) -> bool {
    moment.tags.iter().any(|t| t == CONFLICT_TAG)
}

/// How many places a merge left a conflict to settle: moments tagged with
/// [`CONFLICT_TAG`], and stages or the journey with a conflict in their description.
pub fn unresolved(journey: &Journey) -> usize {
    let moments = journey.moments().filter(|(_, m)| has_conflict(m)).count();
    let stages = journey
        .stages()
        .iter()
        .filter(|s| notes_conflict(&s.description))
        .count();
    moments + stages + usize::from(notes_conflict(&journey.description))
}

/// The merged map and what could not be merged by itself.
#[derive(Debug)]
pub struct Merged {
    pub journey: Journey,
    pub conflicts: Vec<String>,
}

/// Merges `ours` and `theirs`, both descended from `base`. What both sides added under
/// one id is told apart by giving theirs a fresh id.
pub fn merge(base: &Journey, ours: &Journey, theirs: &Journey) -> Merged {
    let (theirs, _) = separate_new_ids(base, ours, theirs);
    merge_versions(base, ours, &theirs)
}

/// Merges a version from disk that others already see (`theirs`) into an editor's own
/// (`ours`), both descended from `base`. Here theirs keeps its ids, and what this side
/// added under an id theirs used too is given a fresh one; the ids given are returned, so
/// the editor's undo history can follow.
pub fn merge_into_ours(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
) -> (Merged, HashMap<Id, Id>) {
    let (ours, renumbered) = separate_new_ids(base, theirs, ours);
    (merge_versions(base, &ours, theirs), renumbered)
}

fn merge_versions(base: &Journey, ours: &Journey, theirs: &Journey) -> Merged {
    let versions = [Version::of(base), Version::of(ours), Version::of(theirs)];
    let mut conflicts = Vec::new();

    let moments = merge_moments(&versions, &mut conflicts);
    let stages = merge_stages(&versions, &moments, &mut conflicts);

    let mut title = ours.title.clone();
    let mut description = ours.description.clone();
    let mut record = Vec::new();
    merge_text(
        &base.title,
        &ours.title,
        &theirs.title,
        "the title",
        &mut title,
        &mut record,
    );
    merge_text(
        &base.description,
        &ours.description,
        &theirs.description,
        "the description",
        &mut description,
        &mut record,
    );
    let mermaid = merge_mermaid(&base.mermaid, &ours.mermaid, &theirs.mermaid, &mut record);
    for line in &record {
        conflicts.push(format!("journey: {line}"));
    }
    append_note(&mut description, &record);
    let personas = merge_set(&base.personas, &ours.personas, &theirs.personas);
    let comments = merge_comments(&base.comments, &ours.comments, &theirs.comments);
    Merged {
        // Ids retired on either side stay retired.
        journey: Journey::from_parts(title, description, personas, stages)
            .with_comments(comments)
            .with_mermaid(mermaid)
            .count_from(ours.next_id().max(theirs.next_id())),
        conflicts,
    }
}

/// Mermaid's settings and accessible texts, each merged as a text; the directives as one.
fn merge_mermaid(
    base: &MermaidExtras,
    ours: &MermaidExtras,
    theirs: &MermaidExtras,
    record: &mut Vec<String>,
) -> MermaidExtras {
    let mut out = ours.clone();
    merge_text(
        &base.front_matter,
        &ours.front_matter,
        &theirs.front_matter,
        "Mermaid's front matter",
        &mut out.front_matter,
        record,
    );
    merge_text(
        &base.acc_title,
        &ours.acc_title,
        &theirs.acc_title,
        "Mermaid's accessible title",
        &mut out.acc_title,
        record,
    );
    merge_text(
        &base.acc_descr,
        &ours.acc_descr,
        &theirs.acc_descr,
        "Mermaid's accessible description",
        &mut out.acc_descr,
        record,
    );
    merge_value(
        &base.directives,
        &ours.directives,
        &theirs.directives,
        "Mermaid's directives",
        |d| d.join(" "),
        &mut out.directives,
        record,
    );
    out
}

/// Everything about one version a merge asks: where each moment is and what it holds.
struct Version<'a> {
    journey: &'a Journey,
    stages: HashMap<Id, &'a Stage>,
    moments: HashMap<Id, (Id, &'a Moment)>,
}

impl<'a> Version<'a> {
    fn of(journey: &'a Journey) -> Version<'a> {
        Version {
            journey,
            stages: journey.stages().iter().map(|s| (s.id, s)).collect(),
            moments: journey.moments().map(|(s, m)| (m.id, (s.id, m))).collect(),
        }
    }

    fn stage_order(&self) -> Vec<Id> {
        self.journey.stages().iter().map(|s| s.id).collect()
    }

    fn moment_order(&self, stage: Id) -> Vec<Id> {
        self.stages
            .get(&stage)
            .map(|s| s.moments.iter().map(|m| m.id).collect())
            .unwrap_or_default()
    }
}

/// The ids of every stage and moment in `journey`.
pub fn ids(journey: &Journey) -> HashSet<Id> {
    journey
        .stages()
        .iter()
        .flat_map(|s| std::iter::once(s.id).chain(s.moments.iter().map(|m| m.id)))
        .collect()
}

/// Theirs, with every stage or moment that both sides added under the same id (each side
/// counts on from the same largest id) given a fresh one, unless the two are the same; and
/// the ids given.
fn separate_new_ids(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
) -> (Journey, HashMap<Id, Id>) {
    let in_base = ids(base);
    let ours_moments: HashMap<Id, (Id, &Moment)> =
        ours.moments().map(|(s, m)| (m.id, (s.id, m))).collect();
    let ours_stages: HashMap<Id, &Stage> = ours.stages().iter().map(|s| (s.id, s)).collect();
    let mut next = [base, ours, theirs]
        .iter()
        .map(|j| j.next_id())
        .max()
        .unwrap_or(1);
    let mut renumbered = HashMap::new();
    let mut fresh = |old: Id| {
        next += 1;
        renumbered.insert(old, Id(next - 1));
        Id(next - 1)
    };
    let mut stages = theirs.stages().to_vec();
    for stage in &mut stages {
        let same = ours_stages
            .get(&stage.id)
            .is_some_and(|s| s.name == stage.name && s.description == stage.description);
        if !in_base.contains(&stage.id)
            && (ours_moments.contains_key(&stage.id)
                || ours_stages.contains_key(&stage.id) && !same)
        {
            stage.id = fresh(stage.id);
        }
        let their_stage = stage.id;
        for moment in &mut stage.moments {
            // The same moment added on both sides (a cherry-pick) is one moment; in two
            // different stages, it is two.
            let same = ours_moments
                .get(&moment.id)
                .is_some_and(|(s, m)| *s == their_stage && *m == moment);
            if !in_base.contains(&moment.id)
                && (ours_stages.contains_key(&moment.id)
                    || ours_moments.contains_key(&moment.id) && !same)
            {
                moment.id = fresh(moment.id);
            }
        }
    }
    let journey = Journey::from_parts(
        theirs.title.clone(),
        theirs.description.clone(),
        theirs.personas.clone(),
        stages,
    )
    .with_comments(theirs.comments.clone())
    .with_mermaid(theirs.mermaid.clone())
    .count_from(theirs.next_id());
    (journey, renumbered)
}

/// A moment as merged: where it goes and what it holds.
struct Placed {
    stage: Id,
    moment: Moment,
}

/// Every moment that survives the merge, by id.
fn merge_moments(versions: &[Version; 3], conflicts: &mut Vec<String>) -> HashMap<Id, Placed> {
    let [base, ours, theirs] = versions;
    let mut all: Vec<Id> = ours
        .moments
        .keys()
        .chain(theirs.moments.keys())
        .copied()
        .collect();
    all.sort();
    all.dedup();
    let mut merged = HashMap::new();
    for id in all {
        let b = base.moments.get(&id);
        let o = ours.moments.get(&id);
        let t = theirs.moments.get(&id);
        let placed = match (o, t) {
            (Some(o), Some(t)) => Some(merge_moment(b.copied(), *o, *t, versions, conflicts)),
            // Deleted on one side: gone, unless the other side changed it since.
            (Some(kept), None) | (None, Some(kept)) => match b {
                Some(b) if b == kept => None,
                Some(_) => {
                    let side = if o.is_some() { "their" } else { "our" };
                    let record = [format!(
                        "deleted on {side} side and changed on the other; kept with the changes"
                    )];
                    conflicts.push(format!("moment “{}”: {}", kept.1.title, record[0]));
                    let mut moment = kept.1.clone();
                    append_note(&mut moment.notes, &record);
                    moment.tags.push(CONFLICT_TAG.into());
                    Some(Placed {
                        stage: kept.0,
                        moment,
                    })
                }
                None => Some(Placed {
                    stage: kept.0,
                    moment: kept.1.clone(),
                }),
            },
            (None, None) => None,
        };
        if let Some(placed) = placed {
            merged.insert(id, placed);
        }
    }
    merged
}

fn merge_moment(
    base: Option<(Id, &Moment)>,
    (our_stage, o): (Id, &Moment),
    (their_stage, t): (Id, &Moment),
    versions: &[Version; 3],
    conflicts: &mut Vec<String>,
) -> Placed {
    let empty = Moment::default();
    let b = base.map_or(&empty, |(_, m)| m);
    let mut record = Vec::new();
    let mut moment = o.clone();
    merge_fields(b, o, t, &mut moment, &mut record);
    moment.votes = merge_votes(b.votes, o.votes, t.votes, base.is_none());
    let base_stage = base.map(|(s, _)| s);
    let stage = merge_moment_stage(base_stage, our_stage, their_stage, versions, &mut record);
    for line in &record {
        conflicts.push(format!("moment “{}”: {line}", o.title));
    }
    if !record.is_empty() {
        append_note(&mut moment.notes, &record);
        moment.tags.push(CONFLICT_TAG.into());
    }
    Placed { stage, moment }
}

/// Merges every field of a moment but its votes into `moment`, which starts as ours.
fn merge_fields(b: &Moment, o: &Moment, t: &Moment, moment: &mut Moment, record: &mut Vec<String>) {
    merge_text(
        &b.title,
        &o.title,
        &t.title,
        "the title",
        &mut moment.title,
        record,
    );
    merge_value(
        &b.kind,
        &o.kind,
        &t.kind,
        "the kind",
        kind_name,
        &mut moment.kind,
        record,
    );
    merge_value(
        &b.feeling,
        &o.feeling,
        &t.feeling,
        "the feeling",
        feeling_name,
        &mut moment.feeling,
        record,
    );
    merge_value(
        &b.target,
        &o.target,
        &t.target,
        "the to-be feeling",
        target_name,
        &mut moment.target,
        record,
    );
    let texts = [
        ("the channel", MomentField::Channel),
        ("the owner", MomentField::Owner),
        ("the notes", MomentField::Notes),
        ("the idea", MomentField::Idea),
    ];
    for (name, field) in texts {
        merge_text(
            b.text(field),
            o.text(field),
            t.text(field),
            name,
            moment.text_mut(field),
            record,
        );
    }
    merge_value(
        &b.evidence,
        &o.evidence,
        &t.evidence,
        "the evidence",
        evidence_name,
        &mut moment.evidence,
        record,
    );
    merge_value(
        &b.mermaid_score,
        &o.mermaid_score,
        &t.mermaid_score,
        "the Mermaid score",
        |score| score.clone().unwrap_or_else(|| "none".into()),
        &mut moment.mermaid_score,
        record,
    );
    moment.tags = merge_set(&b.tags, &o.tags, &t.tags);
    moment.personas = merge_set(&b.personas, &o.personas, &t.personas);
    moment.comments = merge_comments(&b.comments, &o.comments, &t.comments);
}

/// The votes after a merge: what each side added to the base's count, added together.
fn merge_votes(base: u32, ours: u32, theirs: u32, new_on_both_sides: bool) -> u32 {
    // Votes cast in two workshops add up. A moment new on both sides is one moment added
    // twice (a cherry-pick), with one count of votes.
    let delta = |v: u32| i64::from(v) - i64::from(base);
    let delta_theirs = if new_on_both_sides && ours == theirs {
        0
    } else {
        delta(theirs)
    };
    (i64::from(base) + delta(ours) + delta_theirs).clamp(0, u32::MAX.into()) as u32
}

/// The stage a moment goes to: where one side moved it; ours, as a conflict, where both did.
fn merge_moment_stage(
    base_stage: Option<Id>,
    our_stage: Id,
    their_stage: Id,
    versions: &[Version; 3],
    record: &mut Vec<String>,
) -> Id {
    if base_stage == Some(our_stage) {
        their_stage
    } else if base_stage == Some(their_stage) || our_stage == their_stage {
        our_stage
    } else {
        let name = |id: Id| {
            versions
                .iter()
                .find_map(|v| v.stages.get(&id))
                .map_or(String::new(), |s| s.name.clone())
        };
        record.push(format!(
            "moved to stage “{}” on our side and to “{}” on theirs; kept ours",
            name(our_stage),
            name(their_stage)
        ));
        our_stage
    }
}

fn kind_name(kind: &Option<Kind>) -> String {
    kind.map_or("none".into(), |k| k.badge().into())
}

fn feeling_name(feeling: &Feeling) -> String {
    format!("{} {}", feeling.symbol(), feeling.label())
}

fn target_name(target: &Option<Feeling>) -> String {
    target.map_or("none".into(), |t| feeling_name(&t))
}

fn evidence_name(evidence: &Option<Evidence>) -> String {
    evidence.map_or("none".into(), |e| e.label().into())
}

/// The surviving stages in their merged order, each with its merged moments in order.
fn merge_stages(
    versions: &[Version; 3],
    moments: &HashMap<Id, Placed>,
    conflicts: &mut Vec<String>,
) -> Vec<Stage> {
    let [base, ours, theirs] = versions;
    let (keep, kept_despite_deletion) = surviving_stages(versions, moments, conflicts);
    let order = merge_order(
        &base.stage_order(),
        &ours.stage_order(),
        &theirs.stage_order(),
        &keep,
    );
    let mut stages: Vec<Stage> = order
        .iter()
        .map(|id| merge_stage(*id, versions, moments, conflicts))
        .collect();
    for stage in &mut stages {
        if kept_despite_deletion.contains(&stage.id) {
            append_note(&mut stage.description, &[DELETED_AND_CHANGED.into()]);
        }
    }
    place_orphans(&mut stages, moments);
    stages
}

/// The stages that survive the merge, and those of them kept although one side deleted them.
fn surviving_stages(
    versions: &[Version; 3],
    moments: &HashMap<Id, Placed>,
    conflicts: &mut Vec<String>,
) -> (HashSet<Id>, HashSet<Id>) {
    let [base, ours, theirs] = versions;
    // A stage deleted on one side stays when the other side put a changed moment in it.
    let holds_change = |stage: Id| {
        moments.iter().any(|(id, placed)| {
            placed.stage == stage
                && base
                    .moments
                    .get(id)
                    .is_none_or(|(s, m)| *s != stage || *m != &placed.moment)
        })
    };
    let mut keep = HashSet::new();
    let mut kept_despite_deletion = HashSet::new();
    let mut ids: Vec<&Id> = ours.stages.keys().chain(theirs.stages.keys()).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let o = ours.stages.get(id);
        let t = theirs.stages.get(id);
        let b = base.stages.get(id);
        let survives = match (o, t, b) {
            (Some(_), Some(_), _) | (_, _, None) => true,
            (Some(kept), None, Some(b)) | (None, Some(kept), Some(b)) => {
                // Only reordering its cards does not keep a stage the other side deleted:
                // the order of cards that are gone means nothing.
                let changed = kept.name != b.name
                    || kept.description != b.description
                    || kept.comments != b.comments;
                if changed || holds_change(*id) {
                    conflicts.push(format!("stage “{}”: {DELETED_AND_CHANGED}", kept.name));
                    kept_despite_deletion.insert(*id);
                    true
                } else {
                    false
                }
            }
            (None, None, _) => false,
        };
        if survives {
            keep.insert(*id);
        }
    }
    (keep, kept_despite_deletion)
}

/// A moment placed in a stage that did not survive goes to the first stage.
fn place_orphans(stages: &mut Vec<Stage>, moments: &HashMap<Id, Placed>) {
    let placed: HashSet<Id> = stages
        .iter()
        .flat_map(|s| &s.moments)
        .map(|m| m.id)
        .collect();
    let mut orphans: Vec<&Placed> = moments
        .values()
        .filter(|p| !placed.contains(&p.moment.id))
        .collect();
    orphans.sort_by_key(|p| p.moment.id);
    if !orphans.is_empty() {
        if stages.is_empty() {
            stages.push(Stage::new("Merged"));
        }
        stages[0]
            .moments
            .extend(orphans.into_iter().map(|p| p.moment.clone()));
    }
}

fn merge_stage<'a>(
    id: Id,
    versions: &[Version<'a>; 3],
    moments: &HashMap<Id, Placed>,
    conflicts: &mut Vec<String>,
) -> Stage {
    let [base, ours, theirs] = versions;
    let pick = |v: &Version<'a>| v.stages.get(&id).copied();
    let empty = Stage::default();
    let (o, t) = match (pick(ours), pick(theirs)) {
        (Some(o), Some(t)) => (o, t),
        (Some(one), None) | (None, Some(one)) => (one, one),
        (None, None) => (&empty, &empty),
    };
    // A stage new on both sides: neither side changed anything the other did not.
    let b = pick(base).unwrap_or(o);
    let mut stage = Stage::new(o.name.clone());
    stage.id = id;
    stage.description = o.description.clone();
    let mut record = Vec::new();
    merge_text(
        &b.name,
        &o.name,
        &t.name,
        "the name",
        &mut stage.name,
        &mut record,
    );
    merge_text(
        &b.description,
        &o.description,
        &t.description,
        "the description",
        &mut stage.description,
        &mut record,
    );
    for line in &record {
        conflicts.push(format!("stage “{}”: {line}", o.name));
    }
    append_note(&mut stage.description, &record);
    stage.comments = merge_comments(&b.comments, &o.comments, &t.comments);
    stage.moments = stage_moments(id, versions, moments);
    stage
}

/// The moments that end up in a stage, in their merged order.
fn stage_moments(id: Id, versions: &[Version; 3], moments: &HashMap<Id, Placed>) -> Vec<Moment> {
    let [base, ours, theirs] = versions;
    let here: HashSet<Id> = moments
        .iter()
        .filter(|(_, p)| p.stage == id)
        .map(|(id, _)| *id)
        .collect();
    let order = merge_order(
        &base.moment_order(id),
        &ours.moment_order(id),
        &theirs.moment_order(id),
        &here,
    );
    let mut out: Vec<Moment> = order
        .iter()
        .filter_map(|id| moments.get(id).map(|p| p.moment.clone()))
        .collect();
    // Moments that came here from another stage on both sides are listed in no order.
    let listed: HashSet<&Id> = order.iter().collect();
    let mut rest: Vec<&Moment> = here
        .iter()
        .filter(|id| !listed.contains(id))
        .filter_map(|id| moments.get(id).map(|p| &p.moment))
        .collect();
    rest.sort_by_key(|m| m.id);
    out.extend(rest.into_iter().cloned());
    out
}

/// How firmly one card must come before another in a merged order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Must {
    Strongly,
    Weakly,
}

/// Up to this many cards or stages in one list, the order is merged pair by pair; a
/// longer list (far beyond any real journey) takes the quicker way in
/// [`merge_order_quickly`].
const PAIRWISE_LIMIT: usize = 2_000;

/// The merged order of `keep`, decided pair by pair: two cards keep the order both
/// sides agree on, or the order the side that changed it gave them, or, where both
/// changed it, ours. The order is then read off with the fewest of those broken (none
/// unless the two sides' moves contradict each other), and where nothing decides, ours
/// come first, in our order.
fn merge_order(base: &[Id], ours: &[Id], theirs: &[Id], keep: &HashSet<Id>) -> Vec<Id> {
    let mut items: Vec<Id> = Vec::new();
    let mut seen = HashSet::new();
    for id in ours.iter().chain(theirs) {
        if keep.contains(id) && seen.insert(*id) {
            items.push(*id);
        }
    }
    if items.len() > PAIRWISE_LIMIT {
        return merge_order_quickly(base, ours, theirs, keep);
    }
    let positions = |side: &[Id]| -> Vec<Option<usize>> {
        let at: HashMap<Id, usize> = side.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        items.iter().map(|id| at.get(id).copied()).collect()
    };
    let (in_base, in_ours, in_theirs) = (positions(base), positions(ours), positions(theirs));
    // Whether item i must go before item j: strongly where a side changed the pair, both
    // agree, or it is new; weakly where only one side still has both as they were (the
    // other deleted one, which the merge kept), so that such an order gives way to a
    // move made on the other side.
    let before = |i: usize, j: usize| -> Option<Must> {
        let side = |at: &[Option<usize>]| Some(at[i]? < at[j]?);
        let (o, t, b) = (side(&in_ours), side(&in_theirs), side(&in_base));
        let strong = |first: bool| first.then_some(Must::Strongly);
        match (o, t) {
            (Some(o), Some(t)) if o == t => strong(o),
            (Some(o), Some(t)) => strong(if Some(o) == b { t } else { o }),
            (Some(one), None) | (None, Some(one)) if Some(one) == b => one.then_some(Must::Weakly),
            (Some(one), None) | (None, Some(one)) => strong(one),
            (None, None) => None,
        }
    };
    read_off_order(&items, before)
}

/// Reads the merged order off the `before` rules between pairs, breaking as few as it can.
fn read_off_order(items: &[Id], before: impl Fn(usize, usize) -> Option<Must>) -> Vec<Id> {
    let n = items.len();
    // How many of the remaining items each one waits for, strongly and weakly.
    let mut waiting: Vec<(usize, usize)> = vec![(0, 0); n];
    for (j, wait) in waiting.iter_mut().enumerate() {
        for i in (0..n).filter(|&i| i != j) {
            match before(i, j) {
                Some(Must::Strongly) => wait.0 += 1,
                Some(Must::Weakly) => wait.1 += 1,
                None => {}
            }
        }
    }
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for _ in 0..n {
        // The first item nothing waits for; where the sides' moves contradict each
        // other, the one least waited on; then ours first.
        let Some(next) = (0..n)
            .filter(|&i| !done[i])
            .min_by_key(|&i| (waiting[i], i))
        else {
            break;
        };
        done[next] = true;
        order.push(items[next]);
        for j in (0..n).filter(|&j| !done[j]) {
            match before(next, j) {
                Some(Must::Strongly) => waiting[j].0 -= 1,
                Some(Must::Weakly) => waiting[j].1 -= 1,
                None => {}
            }
        }
    }
    order
}

/// The merged order of `keep` for very long lists: ours, with their moves and additions
/// made in it. Their moved items are those outside the longest run they kept in base
/// order; each goes right after the card it follows on their side, after any cards only
/// we have there. A card both sides moved stays where we put it.
fn merge_order_quickly(base: &[Id], ours: &[Id], theirs: &[Id], keep: &HashSet<Id>) -> Vec<Id> {
    // What a side holds out of base order: added, or outside its longest kept run.
    let moved = |side: &[Id]| -> HashSet<Id> {
        let stayed = stayed_in_order(base, side);
        side.iter()
            .filter(|id| !stayed.contains(id))
            .copied()
            .collect()
    };
    let (moved_ours, moved_theirs) = (moved(ours), moved(theirs));
    let in_theirs: HashSet<Id> = theirs.iter().copied().collect();
    let mut order: Vec<Id> = ours
        .iter()
        .filter(|id| keep.contains(id))
        .copied()
        .collect();
    let mut placed: HashSet<Id> = order.iter().copied().collect();
    for (index, id) in theirs.iter().enumerate() {
        let theirs_to_place = moved_theirs.contains(id) && !moved_ours.contains(id);
        if !keep.contains(id) || (placed.contains(id) && !theirs_to_place) {
            continue;
        }
        if let Some(at) = order.iter().position(|o| o == id) {
            order.remove(at);
        }
        placed.insert(*id);
        let mut at = theirs[..index]
            .iter()
            .rev()
            .find_map(|previous| order.iter().position(|o| o == previous))
            .map_or(0, |p| p + 1);
        while order.get(at).is_some_and(|next| !in_theirs.contains(next)) {
            at += 1;
        }
        order.insert(at, *id);
    }
    order
}

/// A text field merged three ways into `out`, which holds ours. A change on one side
/// wins; changes both ways keep ours and add a line to `record` that names theirs.
fn merge_text(
    base: &str,
    ours: &str,
    theirs: &str,
    name: &str,
    out: &mut String,
    record: &mut Vec<String>,
) {
    let mut merged = ours;
    merge_value(
        &base,
        &ours,
        &theirs,
        name,
        |t| format!("“{t}”"),
        &mut merged,
        record,
    );
    *out = merged.to_owned();
}

fn merge_value<T: PartialEq + Clone>(
    base: &T,
    ours: &T,
    theirs: &T,
    name: &str,
    show: fn(&T) -> String,
    out: &mut T,
    record: &mut Vec<String>,
) {
    if ours == theirs || theirs == base {
        *out = ours.clone();
    } else if ours == base {
        *out = theirs.clone();
    } else {
        *out = ours.clone();
        record.push(format!(
            "{name} changed both ways: ours {}, theirs {}; kept ours",
            show(ours),
            show(theirs)
        ));
    }
}

/// Tags and personas merged as sets: what either side added is in, what either side
/// removed is out, in our order with their additions after. A side that left the list as
/// it was takes the other's whole, its order too.
fn merge_set(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    if ours == base {
        return theirs.to_vec();
    }
    let removed_by_them: HashSet<&String> = base.iter().filter(|b| !theirs.contains(b)).collect();
    let mut out: Vec<String> = ours
        .iter()
        .filter(|t| !removed_by_them.contains(t))
        .cloned()
        .collect();
    for tag in theirs {
        if !base.contains(tag) && !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    out
}

/// Comments merged as a set, a comment being known by its author, time and text: what
/// either side added is in, what either side deleted is out, and each is resolved or open
/// as the side that changed that says. Two people commenting at once both land, never as a
/// conflict. Ours come first, in our order, then theirs.
fn merge_comments(base: &[Comment], ours: &[Comment], theirs: &[Comment]) -> Vec<Comment> {
    let find = |side: &'_ [Comment], c: &Comment| side.iter().find(|s| s.same_as(c)).cloned();
    let mut out: Vec<Comment> = Vec::new();
    for comment in ours.iter().chain(theirs) {
        if out.iter().any(|c| c.same_as(comment)) {
            continue;
        }
        let (b, o, t) = (
            find(base, comment),
            find(ours, comment),
            find(theirs, comment),
        );
        let resolved = match (&b, &o, &t) {
            // Deleted on one side.
            (Some(_), None, _) | (Some(_), _, None) => continue,
            (Some(b), Some(o), Some(t)) if o.resolved == b.resolved => t.resolved,
            (Some(_), Some(o), Some(_)) => o.resolved,
            // Added on both sides (a cherry-pick): resolved if either resolved it.
            (None, Some(o), Some(t)) => o.resolved || t.resolved,
            (None, Some(one), None) | (None, None, Some(one)) => one.resolved,
            (None, None, None) => continue,
        };
        out.push(Comment {
            resolved,
            ..comment.clone()
        });
    }
    out
}

/// Writes the conflicts under a text (notes, a description) so they are seen and kept.
fn append_note(text: &mut String, record: &[String]) {
    for line in record {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(CONFLICT_NOTE);
        text.push_str(line);
        text.push('.');
    }
}
