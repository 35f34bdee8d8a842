//! The help overlay's text, made from the key tables: every context's keys with what they
//! do and the action's name for the settings file, then what the signs on the cards mean.
//! The update step counts its lines to know how far it scrolls; the view draws them.

use super::{Context, HelpSection, KeyMap};
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
        let mut text = lay_out(&self.help_sections(), columns, true);
        text.lines.push(HelpLine::Blank);
        text.lines.push(HelpLine::Heading("On the cards"));
        text.lines
            .extend(LEGEND.iter().map(|(keys, text)| HelpLine::Row {
                keys: (*keys).into(),
                text: (*text).into(),
                name: None,
            }));
        text
    }

    /// The keys of one context other than the board (whose keys go by group) laid out
    /// as the help lays them out, for a popup `columns` wide: presentation lists its own
    /// keys over the slide this way.
    pub fn context_help(&self, context: Context, columns: u16) -> HelpText {
        let sections: Vec<HelpSection> = self
            .help_sections()
            .into_iter()
            .filter(|s| s.title == context.title())
            .collect();
        lay_out(&sections, columns, false)
    }
}

/// `sections` laid out for a popup `columns` wide, after the note on the actions' names;
/// the keys column wide enough for the legend's signs too when it follows.
fn lay_out(sections: &[HelpSection], columns: u16, legend: bool) -> HelpText {
    // The keys column: as wide as the widest keys, at most 16 columns.
    let legend_widths = LEGEND.iter().filter(|_| legend).map(|(k, _)| width(k));
    let key_width = sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| width(&r.keys))
        .chain(legend_widths)
        .max()
        .unwrap_or(8)
        .min(16);
    let text_width = (columns as usize).saturating_sub(key_width + 4).max(10);
    let mut out: Vec<HelpLine> = wrap(NOTE, (columns as usize).max(10), 3)
        .into_iter()
        .map(HelpLine::Note)
        .collect();
    for section in sections {
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
    }
    HelpText {
        lines: out,
        key_width,
        text_width,
    }
}
