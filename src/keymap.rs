//! Which key does what on the board. The help overlay and the status line hints are made
//! from this table, so they can never drift from what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// One key with its modifiers, as people write it: `h`, `H`, `Ctrl-r`, `←`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The key a terminal event stands for. Shift is part of the character (`H`, `<`), so
    /// it is not kept separately; Alt combinations are not bound.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.modifiers.contains(KeyModifiers::ALT) {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Some(Key { code, ctrl })
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PageUp".into(),
            KeyCode::PageDown => "PageDown".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// The default keys. Several keys may do the same thing; one key never does two.
pub const DEFAULT_BINDINGS: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Left), Action::SelectPreviousStage),
    (Key::char('h'), Action::SelectPreviousStage),
    (Key::plain(KeyCode::Right), Action::SelectNextStage),
    (Key::char('l'), Action::SelectNextStage),
    (Key::plain(KeyCode::Up), Action::SelectPreviousMoment),
    (Key::char('k'), Action::SelectPreviousMoment),
    (Key::plain(KeyCode::Down), Action::SelectNextMoment),
    (Key::char('j'), Action::SelectNextMoment),
    (Key::plain(KeyCode::Home), Action::SelectFirstMoment),
    (Key::plain(KeyCode::End), Action::SelectLastMoment),
    (Key::char('a'), Action::AddMoment),
    (Key::char('A'), Action::AddStage),
    (Key::char('e'), Action::EditTitle),
    (Key::char('r'), Action::RenameStage),
    (Key::char('R'), Action::RenameJourney),
    (Key::char('D'), Action::DescribeStage),
    (Key::char('I'), Action::DescribeJourney),
    (Key::char('W'), Action::EditPersonas),
    (Key::plain(KeyCode::Enter), Action::OpenDetails),
    (Key::char('x'), Action::DeleteMoment),
    (Key::plain(KeyCode::Delete), Action::DeleteMoment),
    (Key::char('X'), Action::DeleteStage),
    (Key::char('p'), Action::MakePain),
    (Key::char('g'), Action::MakeGlory),
    (Key::char('0'), Action::MakeNeutral),
    (Key::char('+'), Action::RaiseFeeling),
    (Key::char('='), Action::RaiseFeeling),
    (Key::char('-'), Action::LowerFeeling),
    (Key::char('t'), Action::PickKind),
    (Key::char('H'), Action::MoveMomentLeft),
    (Key::char('L'), Action::MoveMomentRight),
    (Key::char('K'), Action::MoveMomentUp),
    (Key::char('J'), Action::MoveMomentDown),
    (Key::char('<'), Action::MoveStageLeft),
    (Key::char('>'), Action::MoveStageRight),
    (Key::plain(KeyCode::Tab), Action::NextView),
    (Key::plain(KeyCode::BackTab), Action::PreviousView),
    (Key::char('v'), Action::AddVote),
    (Key::char('V'), Action::RemoveVote),
    (Key::char('f'), Action::Filter),
    (Key::char('F'), Action::ClearFilter),
    (Key::char('T'), Action::Timer),
    (Key::ctrl('t'), Action::ResetTimer),
    (Key::char('P'), Action::Present),
    (Key::char('u'), Action::Undo),
    (Key::ctrl('z'), Action::Undo),
    (Key::ctrl('r'), Action::Redo),
    (Key::ctrl('y'), Action::Redo),
    (Key::char('s'), Action::Save),
    (Key::ctrl('s'), Action::Save),
    (Key::char('E'), Action::Export),
    (Key::char('/'), Action::Search),
    (Key::char('n'), Action::NextMatch),
    (Key::char('N'), Action::PreviousMatch),
    (Key::char('?'), Action::Help),
    (Key::plain(KeyCode::F(1)), Action::Help),
    (Key::char('q'), Action::Quit),
    (Key::ctrl('q'), Action::Quit),
    (Key::ctrl('c'), Action::Quit),
];

/// The board's key map.
#[derive(Clone, Debug)]
pub struct KeyMap {
    bindings: Vec<(Key, Action)>,
}

impl Default for KeyMap {
    fn default() -> KeyMap {
        KeyMap {
            bindings: DEFAULT_BINDINGS.to_vec(),
        }
    }
}

impl KeyMap {
    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        self.bindings
            .iter()
            .find(|(bound, _)| *bound == key)
            .map(|(_, action)| *action)
    }

    /// Puts the user's keys over the defaults: each action named keeps only the keys it is
    /// given, and a key given to one action is taken away from any other.
    pub fn remap(&mut self, bindings: &[(Key, Action)]) {
        self.bindings
            .retain(|(key, action)| !bindings.iter().any(|(k, a)| k == key || a == action));
        self.bindings.extend_from_slice(bindings);
    }

    /// Every key bound to `action`, in table order.
    pub fn keys(&self, action: Action) -> impl Iterator<Item = Key> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, bound)| *bound == action)
            .map(|(key, _)| *key)
    }

    /// The keys for `action` as the help shows them: `← h`.
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first key for `action`, for short hints.
    pub fn first_label(&self, action: Action) -> String {
        self.keys(action)
            .next()
            .map(|k| k.label())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let mut keys: Vec<Key> = DEFAULT_BINDINGS.iter().map(|(k, _)| *k).collect();
        let all = keys.len();
        keys.sort_by_key(|k| k.label());
        keys.dedup();
        assert_eq!(keys.len(), all, "a default key is bound to two actions");
    }

    #[test]
    fn every_action_has_a_key() {
        let map = KeyMap::default();
        for action in Action::ALL {
            assert!(map.keys(*action).next().is_some(), "{action:?} has no key");
        }
    }

    #[test]
    fn shifted_letters_and_control_keys_are_told_apart() {
        let map = KeyMap::default();
        let shifted = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(map.action(&shifted), Some(Action::MoveMomentLeft));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(map.action(&ctrl_r), Some(Action::Redo));
        let plain_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
        assert_eq!(map.action(&plain_r), Some(Action::RenameStage));
        let alt_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::ALT);
        assert_eq!(map.action(&alt_r), None);
    }

    #[test]
    fn labels_read_like_the_keyboard() {
        let map = KeyMap::default();
        assert_eq!(map.label(Action::SelectPreviousStage), "← h");
        assert_eq!(map.label(Action::Redo), "Ctrl-r Ctrl-y");
    }
}
