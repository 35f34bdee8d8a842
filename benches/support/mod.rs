//! Generated journey maps of any size for the benchmarks: 40 stages, realistic titles of
//! mixed length (some Korean), notes on a third of the moments, every kind and feeling.
//! Deterministic, so every run measures the same maps.

use motmap::model::{Evidence, Feeling, Journey, Kind, Moment, Stage};

// The tests' seeded generator, so there is one in the project.
#[path = "../../tests/common/random.rs"]
mod random;

use random::Random;

const STAGES: [&str; 8] = [
    "Discover", "Research", "Compare", "Buy", "Receive", "Set up", "Use", "Share",
];
const TITLES: [&str; 12] = [
    "Reads reviews on a comparison site",
    "Long queue at the counter",
    "Card refused at the till",
    "Parcel arrives a day early",
    "Agent calls back with the setup guide",
    "Sorry card with a discount for next time",
    "긴 줄을 서서 기다림",
    "Free drink while waiting for food",
    "Confusing pricing page",
    "배송 조회가 정확함",
    "Shares a photo of the latte art with friends",
    "Onboarding email with a checklist",
];
const CHANNELS: [&str; 6] = ["Web", "Store", "Phone", "App", "Email", "Social"];

/// A journey of `moments` moments spread over 40 stages.
pub fn journey(moments: usize) -> Journey {
    let stages = 40;
    let mut random = Random::new(0x9e37_79b9_7f4a_7c15);
    let mut all = Vec::with_capacity(stages);
    for s in 0..stages {
        let mut stage = Stage::new(format!(
            "{} {}",
            STAGES[s % STAGES.len()],
            s / STAGES.len() + 1
        ));
        stage.description = "What the customer does here, and what they feel.".into();
        let count = moments / stages + usize::from(s < moments % stages);
        for m in 0..count {
            let r = random.next_u64();
            let mut moment = Moment::new(format!("{} ({})", TITLES[(r % 12) as usize], m + 1));
            moment.kind = match r % 10 {
                0..=5 => Some(Kind::ALL[(r / 10 % 6) as usize]),
                _ => None,
            };
            moment.feeling = Feeling::clamped((r / 100 % 5) as i64 - 2);
            moment.channel = CHANNELS[(r / 1000 % 6) as usize].into();
            moment.owner = "Customer service".into();
            moment.evidence = Some(Evidence::Observed);
            if r.is_multiple_of(3) {
                moment.notes = "Seen in the service records of the last quarter.\nAsked about in interviews too.".into();
                moment.idea =
                    "Tell the customer what happens next, before they have to ask.".into();
            }
            if r.is_multiple_of(4) {
                moment.tags = vec!["queue".into(), "peak hours".into()];
            }
            stage.moments.push(moment);
        }
        all.push(stage);
    }
    Journey::from_parts(
        format!("Generated journey, {moments} moments"),
        "A map generated for benchmarks.".into(),
        vec!["Buyer".into()],
        all,
    )
}
