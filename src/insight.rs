//! What a journey says at a glance: counts, the moment-of-truth kinds present and missing,
//! the pains that still need an idea, the comments still open, and the quality checks
//! behind `motmap lint`.

use crate::model::{Comment, Feeling, Id, Journey, Kind, Moment, Stage};

/// Counts over a stage or a whole journey.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub moments: usize,
    pub pains: usize,
    pub glories: usize,
    pub neutral: usize,
    pub moments_of_truth: usize,
    pub votes: u64,
}

impl Counts {
    fn add(&mut self, moment: &Moment) {
        self.moments += 1;
        match moment.feeling.value() {
            v if v < 0 => self.pains += 1,
            v if v > 0 => self.glories += 1,
            _ => self.neutral += 1,
        }
        self.moments_of_truth += usize::from(moment.kind.is_some());
        self.votes += u64::from(moment.votes);
    }

    pub fn of_stage(stage: &Stage) -> Counts {
        let mut counts = Counts::default();
        stage.moments.iter().for_each(|m| counts.add(m));
        counts
    }

    pub fn of_journey(journey: &Journey) -> Counts {
        let mut counts = Counts::default();
        journey.moments().for_each(|(_, m)| counts.add(m));
        counts
    }
}

/// The average feeling of a stage's moments, `None` for an empty stage.
pub fn average_feeling(stage: &Stage) -> Option<f64> {
    (!stage.moments.is_empty()).then(|| {
        let sum: i64 = stage
            .moments
            .iter()
            .map(|m| i64::from(m.feeling.value()))
            .sum();
        sum as f64 / stage.moments.len() as f64
    })
}

/// How much better a stage or a journey should feel once the ideas are done: the average
/// feeling as it is and as it should be (each moment's to-be feeling where it has one,
/// else its feeling now).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lift {
    pub as_is: f64,
    pub to_be: f64,
    /// How many of the moments have a to-be feeling, of how many.
    pub targeted: usize,
    pub moments: usize,
}

impl Lift {
    /// The lift of these moments; `None` when there are none.
    pub fn of<'a>(moments: impl IntoIterator<Item = &'a Moment>) -> Option<Lift> {
        let (mut as_is, mut to_be, mut targeted, mut count) = (0i64, 0i64, 0, 0);
        for moment in moments {
            as_is += i64::from(moment.feeling.value());
            to_be += i64::from(moment.to_be().value());
            targeted += usize::from(moment.target.is_some());
            count += 1;
        }
        (count > 0).then(|| Lift {
            as_is: as_is as f64 / count as f64,
            to_be: to_be as f64 / count as f64,
            targeted,
            moments: count,
        })
    }

    pub fn of_stage(stage: &Stage) -> Option<Lift> {
        Lift::of(&stage.moments)
    }

    pub fn of_journey(journey: &Journey) -> Option<Lift> {
        Lift::of(journey.moments().map(|(_, m)| m))
    }

    /// To-be minus as-is: above zero the ideas make it better.
    pub fn lift(&self) -> f64 {
        self.to_be - self.as_is
    }

    /// `-1.0 → +0.5 (lift +1.5)`: the sentence's worth the summary and reports show. The
    /// lift is the difference of the two averages as shown, so the three always add up.
    pub fn describe(&self) -> String {
        let tenths = |v: f64| (v * 10.0).round() / 10.0;
        format!(
            "{} → {} (lift {})",
            signed(self.as_is),
            signed(self.to_be),
            signed(tenths(self.to_be) - tenths(self.as_is))
        )
    }

    /// `1 of 3 moments has a to-be`: how much of the lift the workshop has said so far.
    pub fn coverage(&self) -> String {
        let verb = if self.targeted == 1 { "has" } else { "have" };
        let noun = if self.moments == 1 {
            "moment"
        } else {
            "moments"
        };
        format!(
            "{} of {} {noun} {verb} a to-be",
            self.targeted, self.moments
        )
    }
}

/// An average feeling with its sign, one decimal, as the curve's axis reads it: `+0.5`,
/// `-1.3`, `0.0`.
pub fn signed(average: f64) -> String {
    let rounded = (average * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{rounded:+.1}")
    }
}

/// The average to-be feeling of a stage's moments, `None` for an empty stage.
pub fn average_to_be(stage: &Stage) -> Option<f64> {
    Lift::of_stage(stage).map(|lift| lift.to_be)
}

/// The moment-of-truth kinds the journey has, and those it has none of.
pub fn kinds(journey: &Journey) -> (Vec<Kind>, Vec<Kind>) {
    Kind::ALL
        .iter()
        .partition(|kind| journey.moments().any(|(_, m)| m.kind == Some(**kind)))
}

/// The deepest pains that have no idea yet, deepest first, in journey order within a
/// depth.
pub fn pains_without_idea(journey: &Journey) -> Vec<(&Stage, &Moment)> {
    let mut pains: Vec<(&Stage, &Moment)> = journey
        .moments()
        .filter(|(_, m)| m.feeling.is_pain() && m.idea.trim().is_empty())
        .collect();
    pains.sort_by_key(|(_, m)| m.feeling);
    pains
}

/// What customers will remember of a journey. People judge an experience mostly by its
/// most intense moment and by how it ends (the peak–end rule), more than by the average
/// of all of it; the last moment of truth makes the same point, as one customer's ending
/// becomes the next one's first impression.
#[derive(Clone, Debug, PartialEq)]
pub struct Remembered<'a> {
    /// The deepest pain and the highest glory, the first in journey order among equals.
    pub deepest_pain: Option<(&'a Stage, &'a Moment)>,
    pub highest_glory: Option<(&'a Stage, &'a Moment)>,
    /// The moments the journey ends on: the last (up to) [`END_MOMENTS`] of the last stage
    /// that has any.
    pub end: Vec<(&'a Stage, &'a Moment)>,
    /// The average feeling of those, −2 to +2.
    pub end_feeling: f64,
    /// The feeling of the most intense moment (a pain when a pain and a glory are equally
    /// intense: pains weigh more), −2 to +2.
    pub peak_feeling: i8,
    /// Whether this is about the moments as they should be rather than as they are.
    to_be: bool,
}

/// How many of the last stage's moments count as the end.
pub const END_MOMENTS: usize = 2;

impl Remembered<'_> {
    /// The peak–end score: the average of the peak's feeling and the end's, −2 to +2.
    pub fn score(&self) -> f64 {
        (f64::from(self.peak_feeling) + self.end_feeling) / 2.0
    }

    /// Whether the journey ends on a pain: the end feels bad on average, or one of its
    /// moments is a pain.
    pub fn ends_on_a_pain(&self) -> bool {
        let feeling = |m: &Moment| if self.to_be { m.to_be() } else { m.feeling };
        self.end_feeling < 0.0 || self.end.iter().any(|(_, m)| feeling(m).is_pain())
    }

    /// The sentence that says why these matter, for the summary and the reports.
    pub const WHY: &'static str = "People judge an experience mostly by its most intense moment and how it ends (the peak–end rule): that is what they remember and tell others.";
}

/// What customers will remember of `journey`: `None` when it has no moments.
pub fn remembered(journey: &Journey) -> Option<Remembered<'_>> {
    remembered_by(journey, false)
}

/// What customers would remember once the ideas are done: the same, with each moment's
/// to-be feeling.
pub fn remembered_to_be(journey: &Journey) -> Option<Remembered<'_>> {
    remembered_by(journey, true)
}

fn remembered_by(journey: &Journey, to_be: bool) -> Option<Remembered<'_>> {
    let feeling = |m: &Moment| if to_be { m.to_be() } else { m.feeling };
    let all: Vec<(&Stage, &Moment)> = journey.moments().collect();
    let value = |m: &Moment| feeling(m).value();
    let first_by = |better: fn(i8, i8) -> bool| {
        all.iter().copied().fold(
            None,
            |best: Option<(&Stage, &Moment)>, candidate| match best {
                Some(b) if !better(value(candidate.1), value(b.1)) => Some(b),
                _ => Some(candidate),
            },
        )
    };
    let deepest = first_by(|a, b| a < b).filter(|(_, m)| feeling(m).is_pain());
    let highest = first_by(|a, b| a > b).filter(|(_, m)| feeling(m).is_glory());
    let last = journey
        .stages()
        .iter()
        .rev()
        .find(|s| !s.moments.is_empty())?;
    let end: Vec<(&Stage, &Moment)> = last
        .moments
        .iter()
        .skip(last.moments.len().saturating_sub(END_MOMENTS))
        .map(|m| (last, m))
        .collect();
    let end_feeling = end.iter().map(|(_, m)| f64::from(value(m))).sum::<f64>() / end.len() as f64;
    let intensity = |m: Option<(&Stage, &Moment)>| m.map_or(0, |(_, m)| value(m));
    let (low, high) = (intensity(deepest), intensity(highest));
    Some(Remembered {
        deepest_pain: deepest,
        highest_glory: highest,
        end,
        end_feeling,
        peak_feeling: if -low >= high { low } else { high },
        to_be,
    })
}

/// The most-voted moments, most first, in journey order among equals; unvoted ones left
/// out.
pub fn ranking(journey: &Journey) -> Vec<(&Stage, &Moment)> {
    let mut voted: Vec<(&Stage, &Moment)> =
        journey.moments().filter(|(_, m)| m.votes > 0).collect();
    voted.sort_by_key(|(_, m)| std::cmp::Reverse(m.votes));
    voted
}

/// One quality problem found by `motmap lint`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub stage: usize,
    pub stage_name: String,
    /// The moment it is about, if it is about one (its position and id).
    pub moment: Option<(usize, Id, String)>,
    pub problem: String,
}

/// A comment nobody has resolved yet, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenComment<'a> {
    /// The stage it is on or in (its position and name); `None` on the journey itself.
    pub stage: Option<(usize, &'a Stage)>,
    /// The moment it is on (its position in the stage and the moment).
    pub moment: Option<(usize, &'a Moment)>,
    pub comment: &'a Comment,
}

/// Every open comment, in the order of the map: the journey's, then stage by stage, each
/// stage's own before its moments'.
pub fn open_comments(journey: &Journey) -> Vec<OpenComment<'_>> {
    let open = |c: &&Comment| !c.resolved;
    let mut found: Vec<OpenComment> = journey
        .comments
        .iter()
        .filter(open)
        .map(|comment| OpenComment {
            stage: None,
            moment: None,
            comment,
        })
        .collect();
    for (s, stage) in journey.stages().iter().enumerate() {
        let on_stage = stage
            .comments
            .iter()
            .filter(open)
            .map(|comment| OpenComment {
                stage: Some((s, stage)),
                moment: None,
                comment,
            });
        found.extend(on_stage);
        for (m, moment) in stage.moments.iter().enumerate() {
            found.extend(
                moment
                    .comments
                    .iter()
                    .filter(open)
                    .map(|comment| OpenComment {
                        stage: Some((s, stage)),
                        moment: Some((m, moment)),
                        comment,
                    }),
            );
        }
    }
    found
}

/// Where in the journey a kind belongs: TMOT and LMOT both close the loop.
fn journey_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Zmot => 0,
        Kind::Fmot => 1,
        Kind::Amot => 2,
        Kind::Smot => 3,
        Kind::Tmot | Kind::Lmot => 4,
    }
}

/// The journey's own quality checks: empty stages, deep pains with no idea or no owner,
/// moments of truth with no evidence, moments of truth out of journey order.
pub fn lint(journey: &Journey) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut latest: Option<(Kind, &str)> = None;
    for (s, stage) in journey.stages().iter().enumerate() {
        let finding = |moment: Option<(usize, &Moment)>, problem: String| Finding {
            stage: s,
            stage_name: stage.name.clone(),
            moment: moment.map(|(i, m)| (i, m.id, m.title.clone())),
            problem,
        };
        if stage.moments.is_empty() {
            findings.push(finding(None, "the stage has no moments yet".into()));
        }
        if crate::merge::notes_conflict(&stage.description) {
            findings.push(finding(
                None,
                "a merge conflict to resolve in the stage's description: choose, then delete the “Merge conflict:” line".into(),
            ));
        }
        let mut stage_latest = latest;
        for (i, moment) in stage.moments.iter().enumerate() {
            let deep_pain = moment.feeling == Feeling::clamped(-2);
            if deep_pain && moment.idea.trim().is_empty() {
                findings.push(finding(
                    Some((i, moment)),
                    "a deep pain with no idea yet to turn it around".into(),
                ));
            }
            if deep_pain && moment.owner.trim().is_empty() {
                findings.push(finding(
                    Some((i, moment)),
                    "a deep pain that no team owns".into(),
                ));
            }
            if crate::merge::has_conflict(moment) {
                findings.push(finding(
                    Some((i, moment)),
                    format!(
                        "a merge conflict to resolve: its notes give both values; then remove the “{}” tag",
                        crate::merge::CONFLICT_TAG
                    ),
                ));
            }
            if let Some(kind) = moment.kind {
                if moment.evidence.is_none() {
                    findings.push(finding(
                        Some((i, moment)),
                        format!(
                            "{} with no evidence: observed, reported or assumed?",
                            kind.with_article()
                        ),
                    ));
                }
                if let Some((before, where_)) = latest
                    && journey_rank(kind) < journey_rank(before)
                {
                    findings.push(finding(
                        Some((i, moment)),
                        format!(
                            "{} after the {before} in “{where_}”: kinds out of journey order",
                            kind.with_article()
                        ),
                    ));
                }
                if stage_latest.is_none_or(|(k, _)| journey_rank(kind) > journey_rank(k)) {
                    stage_latest = Some((kind, stage.name.as_str()));
                }
            }
        }
        latest = stage_latest;
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse;

    #[test]
    fn customers_remember_the_peak_and_the_end() {
        let journey = parse(
            r#"(title: "T", stages: [
                (name: "Find", moments: [(title: "Ad", feeling: 1), (title: "Queue", feeling: -2)]),
                (name: "Use", moments: [(title: "Great", feeling: 2)]),
                (name: "Leave", moments: [(title: "Bill", feeling: -1), (title: "Bye"), (title: "Rude", feeling: -1)]),
                (name: "Empty"),
            ])"#,
        )
        .unwrap();
        let r = remembered(&journey).unwrap();
        assert_eq!(r.deepest_pain.unwrap().1.title, "Queue");
        assert_eq!(r.highest_glory.unwrap().1.title, "Great");
        let end: Vec<&str> = r.end.iter().map(|(_, m)| m.title.as_str()).collect();
        assert_eq!(
            end,
            ["Bye", "Rude"],
            "the last stage with moments, its last two"
        );
        assert_eq!(r.end_feeling, -0.5);
        assert_eq!(
            r.peak_feeling, -2,
            "a pain as intense as a glory weighs more"
        );
        assert_eq!(r.score(), -1.25);
        assert!(r.ends_on_a_pain());
        assert_eq!(remembered(&parse(r#"(title: "T")"#).unwrap()), None);
    }

    #[test]
    fn the_lift_is_the_to_be_average_less_the_as_is_one() {
        let journey = parse(
            r#"(title: "T", stages: [
                (name: "Order", moments: [(title: "Queue", feeling: -2, target: 1), (title: "Menu", feeling: 1)]),
                (name: "Pay", moments: [(title: "Card", feeling: -1, target: 0)]),
                (name: "Empty"),
            ])"#,
        )
        .unwrap();
        let order = Lift::of_stage(&journey.stages()[0]).unwrap();
        assert_eq!((order.as_is, order.to_be), (-0.5, 1.0));
        assert_eq!((order.targeted, order.moments), (1, 2));
        assert_eq!(order.describe(), "-0.5 → +1.0 (lift +1.5)");
        assert_eq!(order.coverage(), "1 of 2 moments has a to-be");
        let whole = Lift::of_journey(&journey).unwrap();
        assert_eq!(whole.lift(), 4.0 / 3.0);
        assert_eq!(whole.describe(), "-0.7 → +0.7 (lift +1.4)");
        assert_eq!(whole.coverage(), "2 of 3 moments have a to-be");
        assert_eq!(Lift::of_stage(&journey.stages()[2]), None);
        let rounding = Lift {
            as_is: 0.75,
            to_be: 1.0,
            targeted: 1,
            moments: 4,
        };
        assert_eq!(
            rounding.describe(),
            "+0.8 → +1.0 (lift +0.2)",
            "the shown numbers add up"
        );
        assert_eq!(average_to_be(&journey.stages()[1]), Some(0.0));
    }

    #[test]
    fn with_the_ideas_done_the_peak_and_end_are_read_from_the_to_be() {
        let journey = parse(
            r#"(title: "T", stages: [
                (name: "Find", moments: [(title: "Queue", feeling: -2, target: 1)]),
                (name: "Leave", moments: [(title: "Rude", feeling: -1, target: 2)]),
            ])"#,
        )
        .unwrap();
        let now = remembered(&journey).unwrap();
        assert!(now.ends_on_a_pain());
        assert_eq!(now.score(), -1.5);
        let then = remembered_to_be(&journey).unwrap();
        assert_eq!(then.deepest_pain, None);
        assert_eq!(then.highest_glory.unwrap().1.title, "Rude");
        assert!(!then.ends_on_a_pain());
        assert_eq!(then.score(), 2.0);
    }

    #[test]
    fn lint_finds_each_kind_of_problem() {
        let journey = parse(
            r#"(title: "T", stages: [
                (name: "Use", moments: [(title: "Onboarding call", kind: Smot, evidence: Observed)]),
                (name: "Empty"),
                (name: "Research", moments: [
                    (title: "Reads reviews", kind: Zmot, evidence: Reported),
                    (title: "Price hidden", feeling: -2),
                    (title: "Rude agent", feeling: -2, owner: "Support", idea: "Coach the team"),
                    (title: "Shelf", kind: Fmot),
                ]),
            ])"#,
        )
        .unwrap();
        let found = lint(&journey);
        let expected = [
            (1, None, "the stage has no moments"),
            (2, Some("Reads reviews"), "a ZMOT after the SMOT in “Use”"),
            (2, Some("Price hidden"), "a deep pain with no idea"),
            (2, Some("Price hidden"), "a deep pain that no team owns"),
            (2, Some("Shelf"), "an FMOT with no evidence"),
            (2, Some("Shelf"), "an FMOT after the SMOT"),
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (finding, (stage, moment, problem)) in found.iter().zip(expected) {
            assert_eq!(finding.stage, stage);
            assert_eq!(finding.moment.as_ref().map(|m| m.2.as_str()), moment);
            assert!(finding.problem.starts_with(problem), "{finding:?}");
        }
    }

    #[test]
    fn open_comments_are_listed_in_map_order_and_resolved_ones_left_out() {
        let journey = parse(
            r#"(title: "T", comments: [(author: "A", at: "1", text: "on the map")], stages: [
                (name: "S", comments: [(author: "B", at: "2", text: "done", resolved: true)],
                 moments: [(title: "m", comments: [(author: "C", at: "3", text: "why?")])]),
            ])"#,
        )
        .unwrap();
        let open = open_comments(&journey);
        let said: Vec<(Option<usize>, Option<&str>, &str)> = open
            .iter()
            .map(|o| {
                (
                    o.stage.map(|(i, _)| i),
                    o.moment.map(|(_, m)| m.title.as_str()),
                    o.comment.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            said,
            [(None, None, "on the map"), (Some(0), Some("m"), "why?")]
        );
    }

    #[test]
    fn the_examples_pass_their_own_checks() {
        for template in crate::templates::TEMPLATES.iter().filter(|t| t.is_example) {
            let findings = lint(&template.journey());
            assert!(findings.is_empty(), "{}: {findings:#?}", template.name);
        }
    }

    #[test]
    fn summaries_count_and_rank() {
        let journey = parse(
            r#"(title: "T", stages: [(name: "S", moments: [
                (title: "a", feeling: -2, votes: 1), (title: "b", feeling: 1, kind: Tmot, votes: 3), (title: "c"),
            ])])"#,
        )
        .unwrap();
        let counts = Counts::of_journey(&journey);
        assert_eq!(
            (
                counts.moments,
                counts.pains,
                counts.glories,
                counts.neutral,
                counts.votes
            ),
            (3, 1, 1, 1, 4)
        );
        assert_eq!(average_feeling(&journey.stages()[0]), Some(-1.0 / 3.0));
        let (present, missing) = kinds(&journey);
        assert_eq!(present, vec![Kind::Tmot]);
        assert_eq!(missing.len(), 5);
        assert_eq!(pains_without_idea(&journey)[0].1.title, "a");
        let ranked: Vec<&str> = ranking(&journey)
            .iter()
            .map(|(_, m)| m.title.as_str())
            .collect();
        assert_eq!(ranked, ["b", "a"]);
    }
}
