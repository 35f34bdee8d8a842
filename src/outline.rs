//! The map as an indented plain-text list, for pipes, `grep` and `less`.

use std::fmt::Write;

use crate::model::Journey;
use crate::text::{count_summary, plural};

/// The whole journey: title, then each stage with its moments, one per line, with the
/// moment-of-truth kind, the feeling and, where one is set, the to-be feeling
/// ("(deep pain → to be neutral)").
pub fn outline(journey: &Journey) -> String {
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
    for (number, stage) in journey.stages().iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {} ({})",
            number + 1,
            stage.name,
            count_summary(stage.moments.len(), stage.pains(), stage.glories())
        );
        for moment in &stage.moments {
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
        }
    }
    out
}
