//! What a facilitator runs in front of a room: the filter and the countdown timer. Plain
//! state, no terminal: the editor holds it and the view draws it.

use std::time::{Duration, Instant};

use crate::model::{Kind, Moment};

/// Which moments stand out; the others are dimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Moments of one kind, or (`None`) the ordinary touchpoints.
    Kind(Option<Kind>),
    /// Every moment of truth, whatever its kind.
    MomentsOfTruth,
    Pains,
    Glories,
    /// A tag, channel, persona or owner containing the text (any case).
    Text(String),
}

impl Filter {
    pub fn matches(&self, moment: &Moment) -> bool {
        match self {
            Filter::Kind(kind) => moment.kind == *kind,
            Filter::MomentsOfTruth => moment.kind.is_some(),
            Filter::Pains => moment.feeling.is_pain(),
            Filter::Glories => moment.feeling.is_glory(),
            Filter::Text(text) => {
                let needle = text.to_lowercase();
                let hit = |field: &str| field.to_lowercase().contains(&needle);
                moment.tags.iter().any(|t| hit(t))
                    || hit(&moment.channel)
                    || hit(&moment.persona)
                    || hit(&moment.owner)
            }
        }
    }

    /// How the status line names it: "pains", "FMOT", "“store”".
    pub fn label(&self) -> String {
        match self {
            Filter::Kind(Some(kind)) => kind.badge().to_string(),
            Filter::Kind(None) => "ordinary touchpoints".into(),
            Filter::MomentsOfTruth => "moments of truth".into(),
            Filter::Pains => "pains".into(),
            Filter::Glories => "glories".into(),
            Filter::Text(text) => format!("“{text}”"),
        }
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
}

impl Timer {
    /// A countdown of `length`, running from `now`.
    pub fn start(length: Duration, now: Instant) -> Timer {
        Timer {
            length,
            left: length,
            since: Some(now),
        }
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
    }

    #[test]
    fn filters_match_what_they_say() {
        let mut moment = Moment::new("Long queue");
        moment.kind = Some(Kind::Fmot);
        moment.feeling = crate::model::Feeling::clamped(-1);
        moment.channel = "Store".into();
        moment.tags = vec!["queue".into()];
        assert!(Filter::Kind(Some(Kind::Fmot)).matches(&moment));
        assert!(!Filter::Kind(None).matches(&moment));
        assert!(Filter::MomentsOfTruth.matches(&moment));
        assert!(Filter::Pains.matches(&moment));
        assert!(!Filter::Glories.matches(&moment));
        assert!(Filter::Text("STORE".into()).matches(&moment));
        assert!(Filter::Text("que".into()).matches(&moment));
        assert!(!Filter::Text("web".into()).matches(&moment));
    }
}
