//! The help overlay's text, made from the key tables: every context's keys with what they
//! do and the action's name for the settings file, counts and sequences, the `:`
//! commands, then what the signs on the cards mean. On a wide screen it is laid out in
//! columns. The update step counts its lines to know how far it scrolls; the view draws
//! them.

use super::{Context, HelpSection, KeyMap, sequence_label};
use crate::action::{Action, Group};
use crate::command::COMMANDS;
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
const NOTE: &str = "Each action's name is on the right: config.ron gives an action other keys by its name, and :NAME does what its key does.";

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
        let legend = LEGEND.iter().map(|(k, _)| width(k));
        let (key_width, text_width) = widths(&sections, legend, columns);
        let mut out: Vec<HelpLine> = [NOTE.to_owned(), self.vim_note()]
            .iter()
            .flat_map(|note| wrap(note, (columns as usize).max(10), 4))
            .map(HelpLine::Note)
            .collect();
        let (board, others) = sections.split_at(Group::BOARD.len().min(sections.len()));
        for section in board {
            section_rows(section, text_width, &mut out);
        }
        let plain = |(keys, text): (String, String)| -> Vec<HelpLine> {
            wrap(&text, text_width, 4)
                .into_iter()
                .enumerate()
                .map(|(i, part)| HelpLine::Row {
                    keys: if i == 0 { keys.clone() } else { String::new() },
                    text: part,
                    name: None,
                })
                .collect()
        };
        for (title, rows) in [
            ("Counts and keys in a row", self.count_rows()),
            (
                "Commands, after : on the board and the views",
                COMMANDS
                    .iter()
                    .map(|c| (c.usage.to_owned(), c.description.to_owned()))
                    .collect(),
            ),
        ] {
            out.push(HelpLine::Blank);
            out.push(HelpLine::Heading(title));
            out.extend(rows.into_iter().flat_map(plain));
        }
        for section in others {
            section_rows(section, text_width, &mut out);
        }
        out.push(HelpLine::Blank);
        out.push(HelpLine::Heading("On the cards"));
        out.extend(
            LEGEND
                .iter()
                .map(|(keys, text)| ((*keys).to_owned(), (*text).to_owned()))
                .flat_map(plain),
        );
        HelpText {
            lines: out,
            key_width,
            text_width,
        }
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
        let (key_width, text_width) = widths(&sections, std::iter::empty(), columns);
        let mut lines: Vec<HelpLine> = wrap(NOTE, (columns as usize).max(10), 3)
            .into_iter()
            .map(HelpLine::Note)
            .collect();
        for section in &sections {
            section_rows(section, text_width, &mut lines);
        }
        HelpText {
            lines,
            key_width,
            text_width,
        }
    }

    /// What the board's keys mean to a vim user, said once: `g` and `p` are glory and
    /// pain, so `gg` makes a deep glory.
    fn vim_note(&self) -> String {
        let key = |a| self.board_key(a);
        let glory = key(Action::MakeGlory);
        format!(
            "For vim users: {glory} is glory here and {} pain, so {glory}{glory} makes a deep glory; 1{} or {} goes to the first moment, {} copies a card, {} puts it.",
            key(Action::MakePain),
            key(Action::SelectLastMoment),
            key(Action::SelectFirstMoment),
            key(Action::YankMoment),
            key(Action::PutBelow)
        )
    }

    /// How counts and keys typed one after the other work, with the board's keys.
    fn count_rows(&self) -> Vec<(String, String)> {
        let key = |a| self.board_key(a);
        // A letter reads as a count's example better than an arrow: 3j.
        let down = self
            .keys(Context::Board, Action::SelectNextMoment)
            .find(|keys| keys.iter().all(|k| k.typed_char().is_some()))
            .map_or_else(|| key(Action::SelectNextMoment), sequence_label);
        let sequence = self
            .table(Context::Board)
            .iter()
            .find(|b| b.keys.len() > 1)
            .map(|b| {
                (
                    sequence_label(&b.keys),
                    "keys written together are typed one after the other; the status line shows those typed so far".to_owned(),
                )
            });
        let mut rows = vec![(
            format!("3{down}"),
            format!(
                "a number first does a move, a vote, a step of feeling, a delete, a put or a repeat that many times: 3{down}, 2{}, 3{}, 3{}",
                key(Action::MoveMomentDown),
                key(Action::AddVote),
                key(Action::RepeatChange)
            ),
        )];
        rows.extend(sequence);
        rows.push((
            "Esc".to_owned(),
            "drops a count or the keys typed so far".to_owned(),
        ));
        rows
    }
}

/// The keys column (as wide as the widest keys of `sections` and `more`, at most 16) and
/// the text beside it, in a popup `columns` wide.
fn widths(
    sections: &[HelpSection],
    more: impl Iterator<Item = usize>,
    columns: u16,
) -> (usize, usize) {
    let key_width = sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| width(&r.keys))
        .chain(more)
        .max()
        .unwrap_or(8)
        .min(16);
    let text_width = (columns as usize).saturating_sub(key_width + 4).max(10);
    (key_width, text_width)
}

/// A section under its heading: each row's keys, its description wrapped to
/// `text_width`, and the action's name on its last line (or a line of its own).
fn section_rows(section: &HelpSection, text_width: usize, out: &mut Vec<HelpLine>) {
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

impl HelpText {
    /// The lines in `n` columns of about the same length, each but the first starting at
    /// a heading (a section is cut only where it is longer than a column).
    pub fn columns(&self, n: usize) -> Vec<&[HelpLine]> {
        let lines = self.lines.as_slice();
        let headings: Vec<usize> = (0..lines.len())
            .filter(|&i| matches!(lines[i], HelpLine::Heading(_)))
            .collect();
        let mut cuts = vec![0];
        for k in 1..n.max(1) {
            let target = lines.len() * k / n;
            let after = cuts.last().copied().unwrap_or(0);
            if let Some(&cut) = headings
                .iter()
                .filter(|&&h| h > after)
                .min_by_key(|&&h| h.abs_diff(target))
            {
                cuts.push(cut);
            }
        }
        cuts.push(lines.len());
        cuts.windows(2).map(|w| &lines[w[0]..w[1]]).collect()
    }
}
