//! The model as JSON for other tools: the same fields as the RON file, with the same
//! names, and read back by `motmap import`.

use crate::model::Journey;
use crate::store::{FORMAT_VERSION, JourneyFile, JourneyFileRef};

/// The journey as pretty-printed JSON, ending with a newline. Empty fields are left out,
/// as in the RON file.
pub fn to_json(journey: &Journey) -> String {
    let view = JourneyFileRef::of(journey);
    // Strings, numbers and lists always serialise.
    let mut text = serde_json::to_string_pretty(&view).unwrap_or_default();
    text.push('\n');
    text
}

/// Why a JSON file could not be read: where, and what was expected.
#[derive(Debug, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A journey from JSON written by [`to_json`] or by hand in the same shape.
pub fn from_json(text: &str) -> Result<Journey, JsonError> {
    let file: JourneyFile = serde_json::from_str(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned(),
    })?;
    file.into_journey().map_err(|found| JsonError {
        line: 1,
        column: 1,
        message: format!(
            "written for file format {found}, newer than this motmap's {FORMAT_VERSION}; update motmap to read it"
        ),
    })
}
