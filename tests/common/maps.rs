//! The built-in maps the tests start from, by name.

use motmap::model::Journey;

/// The journey of a built-in template or example, such as `cafe` or `shoes-online`.
pub fn built_in(name: &str) -> Journey {
    motmap::templates::find(name)
        .expect("a built-in map")
        .journey()
}
