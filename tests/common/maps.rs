//! The built-in maps the tests start from, by name.

use motmap::model::{Edit, Feeling, Journey};

/// The journey of a built-in template or example, such as `cafe` or `shoes-online`.
pub fn built_in(name: &str) -> Journey {
    motmap::templates::find(name)
        .expect("a built-in map")
        .journey()
}

/// `journey` with a to-be feeling of `target` (-2 to 2) on its first stage's first moment.
pub fn with_a_target(mut journey: Journey, target: i64) -> Journey {
    let id = journey.stages()[0].moments[0].id;
    journey
        .apply(Edit::SetTarget {
            id,
            target: Some(Feeling::clamped(target)),
        })
        .expect("the first stage has a moment");
    journey
}
