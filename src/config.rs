//! The user's settings, from `config.ron` in the platform config directory: the colour
//! theme, keys remapped over the defaults, the name other editors see and comments are
//! signed with, whether to save by itself, and whether a countdown's end rings the bell.
//! A broken file is reported and the defaults are used, so a typo never keeps anyone out
//! of their map.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::action::Action;
use crate::keymap::{Key, KeyMap, Sequence};

/// The two sets of colours: the usual reds and greens, and one for people who do not tell
/// red from green (pains in vermilion and orange, glories in blues, after Okabe and Ito).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub enum Palette {
    #[default]
    Standard,
    ColourBlind,
}

/// What a config file may say. Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    theme: Option<Palette>,
    /// Action name → the keys that do it, replacing its default keys.
    #[serde(default)]
    keys: HashMap<String, Vec<String>>,
    /// The name other editors see, and comments carry.
    #[serde(default)]
    name: Option<String>,
    /// Save every change by itself, even with no one else on the map.
    #[serde(default)]
    autosave: Option<bool>,
    /// Ring the terminal's bell when a countdown runs out.
    #[serde(default)]
    bell: Option<bool>,
    /// How many dot votes each person has in a voting round.
    #[serde(default)]
    dots: Option<u32>,
}

/// The settings in effect.
#[derive(Debug, Default)]
pub struct Config {
    pub palette: Palette,
    pub keymap: KeyMap,
    /// The name other editors see and comments are signed with, if the settings give
    /// one (else `user@host`).
    pub name: Option<String>,
    /// Save every change by itself, even alone.
    pub autosave: bool,
    /// Ring the terminal's bell when a countdown runs out.
    pub bell: bool,
    /// How many dot votes each person has in a voting round (`None`: as many as they like).
    pub dots: Option<u32>,
}

/// Where the config file lives: `~/.config/motmap/config.ron` on Linux.
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "motmap").map(|d| d.config_dir().join("config.ron"))
}

/// Reads the config at `path`. No file means the defaults; a file that does not make sense
/// gives the defaults and a one-paragraph message saying what is wrong.
pub fn load(path: &Path) -> (Config, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => {
            return (
                Config::default(),
                Some(format!("cannot read {}: {e}", path.display())),
            );
        }
    };
    match parse(&text) {
        Ok(config) => (config, None),
        Err(message) => (
            Config::default(),
            Some(format!("{}:{message}", path.display())),
        ),
    }
}

/// A config from its RON text; the error names the line and column where it can.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: ConfigFile = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| {
            format!(
                "{}:{}: {}",
                e.span.start.line,
                e.span.start.col,
                crate::text::lowercase_first(&e.code.to_string())
            )
        })?;
    let mut changes: Vec<(Action, Vec<Sequence>)> = Vec::new();
    let mut given: Vec<(Sequence, Action)> = Vec::new();
    let mut names: Vec<&String> = file.keys.keys().collect();
    names.sort();
    for name in names {
        let action = Action::named(name).ok_or_else(|| {
            format!(
                " unknown action `{name}` under `keys` (did you mean `{}`? The help and the README's key table list them all)",
                closest_action(name)
            )
        })?;
        let mut sequences = Vec::new();
        for label in &file.keys[name] {
            let keys = parse_sequence(label)
                .map_err(|advice| format!(" `{label}` (for {name}) is not a key; {advice}"))?;
            // Two actions may share a key if no context has both; the key map checks.
            if given.iter().any(|(k, a)| *k == keys && *a == action) {
                return Err(format!(" `{label}` is given to {name} twice"));
            }
            given.push((keys.clone(), action));
            sequences.push(keys);
        }
        changes.push((action, sequences));
    }
    let mut keymap = KeyMap::default();
    keymap
        .remap(&changes)
        .map_err(|problem| format!(" {problem}"))?;
    let name = file
        .name
        .map(|name| crate::model::clean_line(&name).trim().to_owned())
        .filter(|name| !name.is_empty());
    Ok(Config {
        palette: file.theme.unwrap_or_default(),
        keymap,
        name,
        autosave: file.autosave.unwrap_or(false),
        bell: file.bell.unwrap_or(false),
        dots: file.dots.filter(|n| *n > 0),
    })
}

/// A key, or keys one after the other separated by spaces: `x`, `Ctrl-r`, `g g`. When it
/// is not, what to write instead.
fn parse_sequence(label: &str) -> Result<Sequence, &'static str> {
    let keys: Option<Sequence> = label.split_whitespace().map(Key::parse).collect();
    match keys {
        Some(keys) if !keys.is_empty() => Ok(keys),
        _ if label.chars().count() > 1 && label.chars().all(char::is_alphanumeric) => {
            Err("keys one after the other are written with spaces, like \"g g\"")
        }
        _ => Err(
            "write keys like \"x\", \"X\", \"Ctrl-r\", \"Alt-Enter\", \"Left\", \"Enter\", \"F2\", or \"g g\" for one after the other",
        ),
    }
}

/// The action whose name is nearest to a misspelt one (fewest letters to change).
fn closest_action(name: &str) -> &'static str {
    Action::ALL
        .iter()
        .map(|a| a.name())
        .min_by_key(|candidate| crate::text::edit_distance(name, candidate))
        .unwrap_or("quit")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_are_written_with_spaces() {
        assert_eq!(
            parse_sequence("g g"),
            Ok(vec![Key::char('g'), Key::char('g')])
        );
        assert_eq!(parse_sequence("Ctrl-r"), Ok(vec![Key::ctrl('r')]));
        let advice = parse_sequence("gg").unwrap_err();
        assert!(advice.contains("written with spaces"), "{advice}");
        let advice = parse_sequence("Hyper-p").unwrap_err();
        assert!(advice.starts_with("write keys like"), "{advice}");
    }
}
