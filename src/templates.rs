//! The templates and example maps built into the binary, from `assets/`.

use crate::model::Journey;
use crate::store;

/// A built-in map to start from.
#[derive(Debug)]
pub struct Template {
    /// What `motmap new --template NAME` takes.
    pub name: &'static str,
    /// One line for `motmap templates`.
    pub summary: &'static str,
    /// An example journey filled with moments, rather than an empty frame.
    pub is_example: bool,
    /// The RON text, exactly as it is in `assets/`.
    pub source: &'static str,
}

impl Template {
    pub fn journey(&self) -> Journey {
        store::parse(self.source)
            .unwrap_or_else(|e| panic!("built-in template {} does not load: {e:?}", self.name))
    }
}

/// The template `motmap new` uses when none is named.
pub const DEFAULT_TEMPLATE: &str = "blank";

/// The example a newcomer sees first: it shows every moment-of-truth kind, pains with
/// ideas and glories.
pub const FIRST_EXAMPLE: &str = "shoes-online";

pub const TEMPLATES: &[Template] = &[
    Template {
        name: "blank",
        summary: "the classic stages Discover, Research, Buy, Receive, Use, Share, no moments yet",
        is_example: false,
        source: include_str!("../assets/templates/blank.ron"),
    },
    Template {
        name: "moments-of-truth",
        summary: "stages along the moments of truth: ZMOT, FMOT, AMOT, SMOT, TMOT",
        is_example: false,
        source: include_str!("../assets/templates/moments-of-truth.ron"),
    },
    Template {
        name: "shoes-online",
        summary: "example: buying shoes online, free returns both ways, an agent who searches other shops",
        is_example: true,
        source: include_str!("../assets/examples/shoes-online.ron"),
    },
    Template {
        name: "software-trial",
        summary: "example: a B2B software trial, where onboarding (SMOT) leaves the lasting impression",
        is_example: true,
        source: include_str!("../assets/examples/software-trial.ron"),
    },
    Template {
        name: "cafe",
        summary: "example: a cafe visit, a long queue turned around with a sorry card",
        is_example: true,
        source: include_str!("../assets/examples/cafe.ron"),
    },
    Template {
        name: "airline",
        summary: "example: an airline trip, delays and the wrong terminal, candy on descent",
        is_example: true,
        source: include_str!("../assets/examples/airline.ron"),
    },
    Template {
        name: "hotpot-ko",
        summary: "example in Korean: a hot-pot restaurant where every wait is designed (훠궈 식당)",
        is_example: true,
        source: include_str!("../assets/examples/hotpot-ko.ron"),
    },
];

pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}
