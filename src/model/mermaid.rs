//! What a hand-written Mermaid `journey` diagram holds that a map shows nowhere: kept as
//! written, so that exporting the map gives it back to Mermaid.

use serde::{Deserialize, Serialize};

use super::{clean_line, clean_multiline};

/// The journey's Mermaid settings and accessible texts, each as the diagram had it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MermaidExtras {
    /// The front matter's settings (`config:`, `displayMode:`…): its YAML without the
    /// `title:`, which is the map's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub front_matter: String,
    /// Each `%%{init: …}%%` directive, whole, on one line or several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directives: Vec<String>,
    /// The accessible title (`accTitle: …`), which screen readers announce.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub acc_title: String,
    /// The accessible description (`accDescr: …`, or the text of an `accDescr { … }`
    /// block), which may span lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub acc_descr: String,
}

impl MermaidExtras {
    pub fn is_empty(&self) -> bool {
        self == &MermaidExtras::default()
    }

    /// The same, without control characters but line breaks and tabs where a text may
    /// span lines, and without white space around the accessible texts.
    pub(super) fn cleaned(&self) -> MermaidExtras {
        MermaidExtras {
            front_matter: clean_multiline(&self.front_matter),
            directives: self
                .directives
                .iter()
                .map(|d| clean_multiline(d))
                .filter(|d| !d.trim().is_empty())
                .collect(),
            acc_title: clean_line(&self.acc_title).trim().to_owned(),
            acc_descr: clean_multiline(&self.acc_descr).trim().to_owned(),
        }
    }
}
