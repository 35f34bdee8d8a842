//! The help overlay's text, made from the key tables: every context's keys with what they
//! do and the action's name for the settings file, then what the signs on the cards mean.
//! The update step counts its lines to know how far it scrolls; the view draws them.

use super::{HelpSection, KeyMap};
use crate::text::{width, wrap};

/// A line of the help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    /// A line of the note at the top.
    Note(String),
    Heading(&'static str),
    /// Keys (on a row's first line only), a piece of the description, and on the last
    /// line of a row the action's name, when it has one.
    Row {
        keys: String,
        text: String,
        name: Option<&'static str>,
    },
    Blank,
}

/// Said first: where the names on the right are for.
const NOTE: &str =
    "Each action's name is on the right: config.ron gives an action other keys by its name.";

/// What the signs on the cards mean, after the keys.
const LEGEND: [(&str, &str); 5] = [
    ("-- -", "deep pain, pain (in reds)"),
    ("+ ++", "glory, deep glory (in green and gold)"),
    ("ZMOT", "a moment of truth: heavy border and a badge"),
    (
        "✎2",
        "two comments still open on the card; its details list them",
    ),
    ("double", "the border of the selected card"),
];

/// The help laid out for a popup of some width: its lines, and the widths of the keys
/// column and of the text beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpText {
    pub lines: Vec<HelpLine>,
    pub key_width: usize,
    pub text_width: usize,
}

impl KeyMap {
    /// The help laid out for a popup `columns` wide.
    pub fn help_text(&self, columns: u16) -> HelpText {
        let sections = self.help_sections();
        // The keys column: as wide as the widest keys, at most 16 columns.
        let key_width = sections
            .iter()
            .flat_map(|s| &s.rows)
            .map(|r| width(&r.keys))
            .chain(LEGEND.iter().map(|(k, _)| width(k)))
            .max()
            .unwrap_or(8)
            .min(16);
        let text_width = (columns as usize).saturating_sub(key_width + 4).max(10);
        let mut out: Vec<HelpLine> = wrap(NOTE, (columns as usize).max(10), 3)
            .into_iter()
            .map(HelpLine::Note)
            .collect();
        let rows_of = |section: &HelpSection, out: &mut Vec<HelpLine>| {
            out.push(HelpLine::Blank);
            out.push(HelpLine::Heading(section.title));
            for row in &section.rows {
                let name = row.action.name();
                let parts = wrap(row.action.description(), text_width, 4);
                let last = parts.len() - 1;
                let name_fits = width(&parts[last]) + 3 + width(name) <= text_width;
                for (i, part) in parts.into_iter().enumerate() {
                    out.push(HelpLine::Row {
                        keys: if i == 0 {
                            row.keys.clone()
                        } else {
                            String::new()
                        },
                        text: part,
                        name: (i == last && name_fits).then_some(name),
                    });
                }
                if !name_fits {
                    out.push(HelpLine::Row {
                        keys: String::new(),
                        text: String::new(),
                        name: Some(name),
                    });
                }
            }
        };
        for section in &sections {
            rows_of(section, &mut out);
        }
        out.push(HelpLine::Blank);
        out.push(HelpLine::Heading("On the cards"));
        out.extend(LEGEND.iter().map(|(keys, text)| HelpLine::Row {
            keys: (*keys).into(),
            text: (*text).into(),
            name: None,
        }));
        HelpText {
            lines: out,
            key_width,
            text_width,
        }
    }
}
