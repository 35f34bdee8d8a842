//! The user's settings, from `config.ron` in the platform config directory: the colour
//! theme and keys remapped over the defaults. A broken file is reported and the defaults
//! are used, so a typo never keeps anyone out of their map.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use serde::Deserialize;

use crate::action::Action;
use crate::keymap::{Key, KeyMap};

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
}

/// The settings in effect.
#[derive(Debug, Default)]
pub struct Config {
    pub palette: Palette,
    pub keymap: KeyMap,
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
                lowercase_first(&e.code.to_string())
            )
        })?;
    let mut bindings: Vec<(Key, Action)> = Vec::new();
    let mut names: Vec<&String> = file.keys.keys().collect();
    names.sort();
    for name in names {
        let action = Action::ALL
            .iter()
            .copied()
            .find(|a| a.name() == name.as_str())
            .ok_or_else(|| {
                format!(
                    " unknown action `{name}` under `keys` (did you mean `{}`? The README's key table lists them all)",
                    closest_action(name)
                )
            })?;
        for label in &file.keys[name] {
            let key = parse_key(label).ok_or_else(|| {
                format!(" `{label}` (for {name}) is not a key; write keys like \"x\", \"X\", \"Ctrl-r\", \"Left\", \"Enter\", \"F2\"")
            })?;
            match bindings.iter().find(|(k, _)| *k == key) {
                Some((_, other)) if *other == action => {
                    return Err(format!(" `{label}` is given to {name} twice"));
                }
                Some((_, other)) => {
                    return Err(format!(
                        " `{label}` is given to both {} and {name}",
                        other.name()
                    ));
                }
                None => {}
            }
            bindings.push((key, action));
        }
    }
    let mut keymap = KeyMap::default();
    keymap.remap(&bindings);
    Ok(Config {
        palette: file.theme.unwrap_or_default(),
        keymap,
    })
}

/// The action whose name is nearest to a misspelt one (fewest letters to change).
fn closest_action(name: &str) -> &'static str {
    let distance = |a: &str, b: &str| {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut previous = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let substitution = previous + usize::from(ca != *cb);
                previous = row[j + 1];
                row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
            }
        }
        row[b.len()]
    };
    Action::ALL
        .iter()
        .map(|a| a.name())
        .min_by_key(|candidate| distance(name, candidate))
        .unwrap_or("quit")
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A key as people write it: `x`, `X`, `Ctrl-r`, `Left`, `Enter`, `Shift-Tab`, `F2`, `Space`.
pub fn parse_key(label: &str) -> Option<Key> {
    let (ctrl, base) = match label
        .strip_prefix("Ctrl-")
        .or_else(|| label.strip_prefix("C-"))
    {
        Some(rest) => (true, rest),
        None => (false, label),
    };
    let code = match base {
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Delete" => KeyCode::Delete,
        "Backspace" => KeyCode::Backspace,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Space" => KeyCode::Char(' '),
        f if f.len() > 1 && f.starts_with('F') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
        }
        one => {
            let mut chars = one.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
        }
    };
    Some(Key { code, ctrl })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_as_the_help_writes_them() {
        for (label, key) in [
            ("x", Key::char('x')),
            ("X", Key::char('X')),
            ("Ctrl-r", Key::ctrl('r')),
            ("Left", Key::plain(KeyCode::Left)),
            ("←", Key::plain(KeyCode::Left)),
            ("F2", Key::plain(KeyCode::F(2))),
            ("Space", Key::char(' ')),
            ("Shift-Tab", Key::plain(KeyCode::BackTab)),
        ] {
            assert_eq!(parse_key(label), Some(key), "{label}");
            assert_eq!(
                parse_key(&key.label()),
                Some(key),
                "the help's own label {}",
                key.label()
            );
        }
        assert_eq!(parse_key("Ctrl-"), None);
        assert_eq!(parse_key("xy"), None);
        assert_eq!(parse_key("F99"), None);
    }
}
