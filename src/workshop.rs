//! What a facilitator runs in front of a room: the filter, the countdown timer and the
//! presentation's slide and text size. Plain state, no terminal: the editor holds it and
//! the view draws it.

use std::time::{Duration, Instant};

use crate::model::{Kind, Moment, open_count};

/// One thing a moment must be for the filter to keep it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// Moments of one kind, or (`None`) the ordinary touchpoints.
    Kind(Option<Kind>),
    /// Every moment of truth, whatever its kind.
    MomentsOfTruth,
    Pains,
    Glories,
    /// A tag, channel, persona or owner containing the text (any case).
    Text(String),
    /// An idea written down.
    HasIdea,
    /// A comment nobody has resolved yet.
    OpenComments,
}

impl Condition {
    pub fn matches(&self, moment: &Moment) -> bool {
        match self {
            Condition::Kind(kind) => moment.kind == *kind,
            Condition::MomentsOfTruth => moment.kind.is_some(),
            Condition::Pains => moment.feeling.is_pain(),
            Condition::Glories => moment.feeling.is_glory(),
            Condition::Text(text) => {
                let needle = text.to_lowercase();
                let hit = |field: &str| field.to_lowercase().contains(&needle);
                moment.tags.iter().chain(&moment.personas).any(|t| hit(t))
                    || hit(&moment.channel)
                    || hit(&moment.owner)
            }
            Condition::HasIdea => !moment.idea.trim().is_empty(),
            Condition::OpenComments => open_count(&moment.comments) > 0,
        }
    }

    /// How the title and status lines name it: "pains", "FMOT", "“store”".
    pub fn label(&self) -> String {
        match self {
            Condition::Kind(Some(kind)) => kind.badge().to_string(),
            Condition::Kind(None) => "ordinary touchpoints".into(),
            Condition::MomentsOfTruth => "moments of truth".into(),
            Condition::Pains => "pains".into(),
            Condition::Glories => "glories".into(),
            Condition::Text(text) => format!("“{text}”"),
            Condition::HasIdea => "with an idea".into(),
            Condition::OpenComments => "with open comments".into(),
        }
    }

    /// Conditions that no moment could meet together share a family, and a new one
    /// replaces the other: a kind another kind, pains glories.
    fn family(&self) -> Option<u8> {
        match self {
            Condition::Kind(_) | Condition::MomentsOfTruth => Some(0),
            Condition::Pains | Condition::Glories => Some(1),
            Condition::Text(_) | Condition::HasIdea | Condition::OpenComments => None,
        }
    }
}

/// Which moments stand out: those that meet every condition. The others are dimmed, or
/// hidden on the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    conditions: Vec<Condition>,
}

impl Filter {
    /// A filter of one condition.
    pub fn new(condition: Condition) -> Filter {
        Filter {
            conditions: vec![condition],
        }
    }

    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }

    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
    }

    pub fn matches(&self, moment: &Moment) -> bool {
        self.conditions.iter().all(|c| c.matches(moment))
    }

    /// Adds `condition`, or takes it away when it is there already; one that could never
    /// hold beside another (a second kind, glories beside pains) takes its place. Returns
    /// whether it was added.
    pub fn toggle(&mut self, condition: Condition) -> bool {
        if let Some(at) = self.conditions.iter().position(|c| *c == condition) {
            self.conditions.remove(at);
            return false;
        }
        if let Some(family) = condition.family() {
            self.conditions.retain(|c| c.family() != Some(family));
        }
        self.conditions.push(condition);
        true
    }

    /// How the title and status lines name it: "pains + FMOT".
    pub fn label(&self) -> String {
        self.conditions
            .iter()
            .map(Condition::label)
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// A workshop countdown: set, started, paused, resumed, and up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timer {
    pub length: Duration,
    /// Time left when it was last started or paused.
    left: Duration,
    /// When it was last started, while it runs.
    since: Option<Instant>,
    /// Whether the bell has rung for this countdown's end.
    rang: bool,
}

impl Timer {
    /// A countdown of `length`, running from `now`.
    pub fn start(length: Duration, now: Instant) -> Timer {
        Timer {
            length,
            left: length,
            since: Some(now),
            rang: false,
        }
    }

    /// `true` the first time it is asked once the time is up, and never again: when the
    /// bell rings.
    pub fn ring_once(&mut self, now: Instant) -> bool {
        let ring = self.is_running() && self.is_up(now) && !self.rang;
        self.rang |= ring;
        ring
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        match self.since {
            Some(since) => self
                .left
                .saturating_sub(now.saturating_duration_since(since)),
            None => self.left,
        }
    }

    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    pub fn is_up(&self, now: Instant) -> bool {
        self.remaining(now).is_zero()
    }

    /// How long ago a running countdown ran out (zero while it has not).
    pub fn overdue(&self, now: Instant) -> Duration {
        match self.since {
            Some(since) => now
                .saturating_duration_since(since)
                .saturating_sub(self.left),
            None => Duration::ZERO,
        }
    }

    /// Pauses a running countdown, or resumes a paused one.
    pub fn toggle(&mut self, now: Instant) {
        match self.since {
            Some(_) => {
                self.left = self.remaining(now);
                self.since = None;
            }
            None => self.since = Some(now),
        }
    }

    /// `04:59`, rounded up so it shows `00:00` only when time is up.
    pub fn display(&self, now: Instant) -> String {
        let left = self.remaining(now);
        let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        format!("{:02}:{:02}", seconds / 60, seconds % 60)
    }
}

/// What a countdown's length may be, said when a typed one is not.
pub const MINUTES_ACCEPTED: &str = "Type minutes like 5, 2.5 or 90s, up to 12 hours";

/// A length as the countdown's prompt offers it again: `5`, `2.5`, `53s`.
pub fn minutes_label(length: Duration) -> String {
    let seconds = length.as_secs();
    if seconds.is_multiple_of(60) {
        format!("{}", seconds / 60)
    } else if seconds.is_multiple_of(6) {
        format!("{:.1}", seconds as f64 / 60.0)
    } else {
        format!("{seconds}s")
    }
}

/// Which slide a presentation shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Slide {
    /// One stage: its name in large letters and the moment in focus in full.
    #[default]
    Stage,
    /// The whole map, as the board draws it.
    WholeMap,
    /// The emotion curve across every stage, full screen.
    Curve,
}

/// How large a presentation draws its text, from 0 (plain lines, the most on screen) to
/// [`Presenting::LARGEST`] (block letters for the moment's title too).
pub type TextSize = u8;

/// What a presentation shows: the slide, how large, whether the screen is blanked for a
/// pause while the room talks, and whether the presentation's keys are listed over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presenting {
    pub slide: Slide,
    pub size: TextSize,
    pub blank: bool,
    /// The presentation's keys over the slide; any key takes them away.
    pub keys: bool,
}

impl Presenting {
    pub const LARGEST: TextSize = 3;

    /// The slide shown, or `to` again if it is shown (back to the stage).
    pub fn toggle(&mut self, to: Slide) {
        self.slide = if self.slide == to { Slide::Stage } else { to };
    }
}

impl Default for Presenting {
    fn default() -> Presenting {
        Presenting {
            slide: Slide::Stage,
            size: 1,
            blank: false,
            keys: false,
        }
    }
}

/// Minutes as typed for a timer ("5", "2.5", "90s") into a duration of at most 12 hours.
pub fn parse_minutes(text: &str) -> Option<Duration> {
    let text = text.trim();
    let seconds = match text.strip_suffix('s') {
        Some(seconds) => seconds.trim().parse::<f64>().ok()?,
        None => {
            text.strip_suffix('m')
                .unwrap_or(text)
                .trim()
                .parse::<f64>()
                .ok()?
                * 60.0
        }
    };
    let seconds = seconds.round();
    (1.0..=12.0 * 3600.0)
        .contains(&seconds)
        .then(|| Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_counts_down_pauses_and_ends() {
        let start = Instant::now();
        let mut timer = Timer::start(Duration::from_secs(300), start);
        assert_eq!(timer.display(start), "05:00");
        assert_eq!(timer.display(start + Duration::from_millis(1500)), "04:59");
        timer.toggle(start + Duration::from_secs(60));
        assert!(!timer.is_running());
        assert_eq!(
            timer.display(start + Duration::from_secs(500)),
            "04:00",
            "paused"
        );
        timer.toggle(start + Duration::from_secs(500));
        assert!(!timer.is_up(start + Duration::from_secs(739)));
        assert!(timer.is_up(start + Duration::from_secs(740)));
        assert_eq!(
            timer.overdue(start + Duration::from_secs(745)),
            Duration::from_secs(5)
        );
        assert_eq!(timer.display(start + Duration::from_secs(900)), "00:00");
    }

    #[test]
    fn minutes_are_read_as_people_type_them() {
        assert_eq!(parse_minutes("5"), Some(Duration::from_secs(300)));
        assert_eq!(parse_minutes(" 2.5 "), Some(Duration::from_secs(150)));
        assert_eq!(parse_minutes("90s"), Some(Duration::from_secs(90)));
        assert_eq!(parse_minutes("10m"), Some(Duration::from_secs(600)));
        assert_eq!(parse_minutes("0"), None);
        assert_eq!(parse_minutes("0.2s"), None, "rounds to nothing");
        assert_eq!(parse_minutes("0.001"), None);
        assert_eq!(parse_minutes("soon"), None);
        assert_eq!(parse_minutes("1000"), None);
        assert_eq!(parse_minutes("13h"), None);
        assert_eq!(parse_minutes("abc"), None);
    }

    #[test]
    fn a_length_is_offered_again_as_it_would_be_typed() {
        for (seconds, label) in [(300, "5"), (150, "2.5"), (90, "1.5"), (53, "53s")] {
            let length = Duration::from_secs(seconds);
            assert_eq!(minutes_label(length), label);
            assert_eq!(parse_minutes(label), Some(length), "{label}");
        }
    }

    #[test]
    fn the_bell_rings_once_when_time_is_up() {
        let start = Instant::now();
        let mut timer = Timer::start(Duration::from_secs(60), start);
        assert!(!timer.ring_once(start + Duration::from_secs(59)));
        assert!(timer.ring_once(start + Duration::from_secs(60)));
        assert!(!timer.ring_once(start + Duration::from_secs(61)));
    }

    #[test]
    fn filters_match_what_they_say() {
        let mut moment = Moment::new("Long queue");
        moment.kind = Some(Kind::Fmot);
        moment.feeling = crate::model::Feeling::clamped(-1);
        moment.channel = "Store".into();
        moment.tags = vec!["queue".into()];
        let one = |c| Filter::new(c).matches(&moment);
        assert!(one(Condition::Kind(Some(Kind::Fmot))));
        assert!(!one(Condition::Kind(None)));
        assert!(one(Condition::MomentsOfTruth));
        assert!(one(Condition::Pains));
        assert!(!one(Condition::Glories));
        assert!(one(Condition::Text("STORE".into())));
        assert!(one(Condition::Text("que".into())));
        assert!(!one(Condition::Text("web".into())));
        assert!(!one(Condition::HasIdea));
        assert!(!one(Condition::OpenComments));
    }

    #[test]
    fn conditions_combine_and_a_contradiction_replaces() {
        let mut moment = Moment::new("Long queue");
        moment.kind = Some(Kind::Fmot);
        moment.feeling = crate::model::Feeling::clamped(-1);
        moment.idea = "Second till".into();
        let mut filter = Filter::new(Condition::Pains);
        assert!(filter.toggle(Condition::Kind(Some(Kind::Fmot))));
        assert!(filter.toggle(Condition::HasIdea));
        assert_eq!(filter.label(), "pains + FMOT + with an idea");
        assert!(filter.matches(&moment));
        assert!(
            filter.toggle(Condition::Kind(Some(Kind::Zmot))),
            "a second kind"
        );
        assert_eq!(filter.label(), "pains + with an idea + ZMOT");
        assert!(!filter.matches(&moment));
        assert!(filter.toggle(Condition::Glories));
        assert_eq!(filter.label(), "with an idea + ZMOT + glories");
        assert!(!filter.toggle(Condition::Glories), "again: taken away");
        assert!(!filter.toggle(Condition::Kind(Some(Kind::Zmot))));
        assert!(!filter.toggle(Condition::HasIdea));
        assert!(filter.is_empty());
    }
}
