//! The model as JSON for other tools: the same fields as the RON file, with the same
//! names, and read back by `motmap import`.

use serde::{Deserialize, Serialize};

use crate::model::{Journey, Stage};
use crate::store::FORMAT_VERSION;

#[derive(Serialize)]
struct JourneyRef<'a> {
    format: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    personas: &'a [String],
    stages: &'a [Stage],
    next_id: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JourneyOwned {
    #[serde(default = "first_version")]
    format: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    personas: Vec<String>,
    #[serde(default)]
    stages: Vec<Stage>,
    #[serde(default)]
    next_id: u64,
}

fn first_version() -> u32 {
    FORMAT_VERSION
}

/// The journey as pretty-printed JSON, ending with a newline. Empty fields are left out,
/// as in the RON file.
pub fn to_json(journey: &Journey) -> String {
    let view = JourneyRef {
        format: FORMAT_VERSION,
        title: &journey.title,
        description: &journey.description,
        personas: &journey.personas,
        stages: journey.stages(),
        next_id: journey.next_id(),
    };
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
    let file: JourneyOwned = serde_json::from_str(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned(),
    })?;
    if file.format > FORMAT_VERSION {
        return Err(JsonError {
            line: 1,
            column: 1,
            message: format!(
                "written for file format {}, newer than this motmap's {FORMAT_VERSION}; update motmap to read it",
                file.format
            ),
        });
    }
    Ok(
        Journey::from_parts(file.title, file.description, file.personas, file.stages)
            .count_from(file.next_id),
    )
}
