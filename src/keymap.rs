//! Which key does what, one table per context: the board, each view, the details of a
//! moment, the menus, presentation, the help, the questions and text fields. The handlers,
//! the status line's hints, the menus and the help overlay are all made from these tables,
//! so they never drift from what the keys do, and the settings file remaps keys in each.
//!
//! A binding is a key or a sequence of keys (`g g`); in the contexts that take one, digits
//! typed first are a count (`3j`).

mod defaults;
mod help;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use help::{HelpLine, HelpText};

use crate::action::{Action, Group};

/// One key with its modifiers, as people write it: `h`, `H`, `Ctrl-r`, `Alt-Enter`, `←`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    /// Shift on a key that is not a character (`Shift-Enter`); on characters it is part of
    /// the character (`H`, `<`).
    pub shift: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            ctrl: true,
            ..Key::char(c)
        }
    }

    pub const fn alt(code: KeyCode) -> Key {
        Key {
            alt: true,
            ..Key::plain(code)
        }
    }

    pub const fn shift(code: KeyCode) -> Key {
        Key {
            shift: true,
            ..Key::plain(code)
        }
    }

    /// The key a terminal event stands for.
    pub fn from_event(event: &KeyEvent) -> Key {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let (code, shift) = match event.code {
            KeyCode::Char(c) if ctrl => (KeyCode::Char(c.to_ascii_lowercase()), false),
            KeyCode::Char(c) => (KeyCode::Char(c), false),
            KeyCode::BackTab => (KeyCode::BackTab, false),
            code => (code, event.modifiers.contains(KeyModifiers::SHIFT)),
        };
        Key {
            code,
            ctrl,
            alt: event.modifiers.contains(KeyModifiers::ALT),
            shift,
        }
    }

    /// A key that types a character into a text field: no Ctrl, no Alt.
    pub fn typed_char(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
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
        let mut label = String::new();
        for (on, prefix) in [
            (self.ctrl, "Ctrl-"),
            (self.alt, "Alt-"),
            (self.shift, "Shift-"),
        ] {
            if on {
                label.push_str(prefix);
            }
        }
        label + &base
    }

    /// A key as people write it: `x`, `X`, `Ctrl-r`, `Alt-Enter`, `Left`, `Shift-Tab`, `F2`,
    /// `Space`.
    pub fn parse(label: &str) -> Option<Key> {
        let mut rest = label;
        let mut key = Key::char(' ');
        loop {
            if let Some(after) = rest.strip_prefix("Ctrl-").or(rest.strip_prefix("C-")) {
                key.ctrl = true;
                rest = after;
            } else if let Some(after) = rest.strip_prefix("Alt-").or(rest.strip_prefix("A-")) {
                key.alt = true;
                rest = after;
            } else if rest != "Shift-Tab"
                && let Some(after) = rest.strip_prefix("Shift-").or(rest.strip_prefix("S-"))
            {
                key.shift = true;
                rest = after;
            } else {
                break;
            }
        }
        key.code = match rest {
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
                if key.shift {
                    // Shift on a character is written as the character itself.
                    return None;
                }
                KeyCode::Char(if key.ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(key)
    }
}

/// Keys pressed one after the other, as a binding or as typed so far: `g g`.
pub type Sequence = Vec<Key>;

/// How a sequence reads: `gg`, `:w`, or `Ctrl-w,Ctrl-w` when a key's name is longer
/// than a character.
pub fn sequence_label(keys: &[Key]) -> String {
    let labels: Vec<String> = keys.iter().map(Key::label).collect();
    if labels.iter().all(|l| l.chars().count() == 1) {
        labels.concat()
    } else {
        labels.join(",")
    }
}

/// Where the keyboard is talking to: each context has its own key table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Board,
    Curve,
    Summary,
    Votes,
    Details,
    Comments,
    KindMenu,
    FilterMenu,
    ExportMenu,
    Presentation,
    Help,
    AskDeleteStage,
    AskQuit,
    AskRestore,
    AskOverwriteExport,
    AskPasteLines,
    CommandLine,
    Typing,
}

impl Context {
    pub const ALL: [Context; 18] = [
        Context::Board,
        Context::Curve,
        Context::Summary,
        Context::Votes,
        Context::Details,
        Context::Comments,
        Context::KindMenu,
        Context::FilterMenu,
        Context::ExportMenu,
        Context::Presentation,
        Context::Help,
        Context::AskDeleteStage,
        Context::AskQuit,
        Context::AskRestore,
        Context::AskOverwriteExport,
        Context::AskPasteLines,
        Context::CommandLine,
        Context::Typing,
    ];

    /// Its place in [`Context::ALL`], which lists the contexts in the order they are
    /// declared.
    fn index(self) -> usize {
        self as usize
    }

    /// Whether digits typed before a key are a count (`3j`): on the board and the views.
    pub fn takes_count(self) -> bool {
        matches!(
            self,
            Context::Board | Context::Curve | Context::Summary | Context::Votes
        )
    }

    /// Whether every key that types a character is text here, as in a text field: its
    /// actions need Ctrl or Alt, or a key such as `Left` or `Enter`.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Typing | Context::CommandLine)
    }

    /// The menus whose letters choose a row: an action the defaults give no letter there
    /// (saving, with Ctrl-s) gets none from the settings either.
    fn letters_choose(self) -> bool {
        matches!(
            self,
            Context::KindMenu | Context::FilterMenu | Context::ExportMenu
        )
    }

    /// How the help overlay heads the context's keys; the board's go by group instead.
    pub fn title(self) -> &'static str {
        match self {
            Context::Board => "On the board",
            Context::Curve => "On the emotion curve",
            Context::Summary => "On the summary",
            Context::Votes => "On the votes",
            Context::Details => "In the details of a moment",
            Context::Comments => "In the comments of a stage or the journey",
            Context::KindMenu => "In the moment-of-truth menu",
            Context::FilterMenu => "In the filter menu",
            Context::ExportMenu => "In the export menu",
            Context::Presentation => "In presentation",
            Context::Help => "In this help (any other key closes it)",
            Context::AskDeleteStage
            | Context::AskQuit
            | Context::AskRestore
            | Context::AskOverwriteExport
            | Context::AskPasteLines => "Answering a question",
            Context::CommandLine => "On the command line (after :)",
            Context::Typing => "While typing a title, a name, a field or a search",
        }
    }

    /// The contexts of the questions the editor asks.
    pub fn is_question(self) -> bool {
        matches!(
            self,
            Context::AskDeleteStage
                | Context::AskQuit
                | Context::AskRestore
                | Context::AskOverwriteExport
                | Context::AskPasteLines
        )
    }
}

/// The kind menu's rows, in order.
pub const KIND_CHOICES: [Action; 7] = [
    Action::ChooseZmot,
    Action::ChooseFmot,
    Action::ChooseAmot,
    Action::ChooseSmot,
    Action::ChooseTmot,
    Action::ChooseLmot,
    Action::ChooseNoKind,
];

/// The filter menu's kinds, in journey order.
pub const KIND_FILTER_ACTIONS: [Action; 6] = [
    Action::FilterZmot,
    Action::FilterFmot,
    Action::FilterAmot,
    Action::FilterSmot,
    Action::FilterTmot,
    Action::FilterLmot,
];

/// The export menu's rows, in order.
pub const EXPORT_ACTIONS: [Action; 5] = [
    Action::ExportMermaid,
    Action::ExportMarkdown,
    Action::ExportCsv,
    Action::ExportHtml,
    Action::ExportJson,
];

/// One entry of a key table: a key (or a sequence of keys) and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: Sequence,
    pub action: Action,
}

/// What the keys typed so far mean in a context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The start of a longer binding: wait for the next key.
    Prefix,
    Unbound,
}

/// The key tables of every context.
#[derive(Clone, Debug)]
pub struct KeyMap {
    tables: Vec<Vec<Binding>>,
}

impl Default for KeyMap {
    fn default() -> KeyMap {
        KeyMap {
            tables: Context::ALL
                .iter()
                .map(|context| {
                    let keys = defaults::table(*context)
                        .into_iter()
                        .map(|(key, action)| (vec![key], action));
                    let sequences = defaults::sequences(*context)
                        .iter()
                        .map(|(keys, action)| (keys.to_vec(), *action));
                    keys.chain(sequences)
                        .map(|(keys, action)| Binding { keys, action })
                        .collect()
                })
                .collect(),
        }
    }
}

/// A line of the help overlay or the README's key table: the keys and the action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub action: Action,
}

/// A heading of the help and the rows under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    pub rows: Vec<HelpRow>,
}

impl KeyMap {
    /// The bindings of `context`, in table order.
    pub fn table(&self, context: Context) -> &[Binding] {
        &self.tables[context.index()]
    }

    /// What `keys`, typed one after the other, do in `context`.
    pub fn lookup(&self, context: Context, keys: &[Key]) -> Lookup {
        let mut prefix = false;
        for binding in self.table(context) {
            if binding.keys == keys {
                return Lookup::Action(binding.action);
            }
            prefix |= binding.keys.len() > keys.len() && binding.keys.starts_with(keys);
        }
        if prefix {
            Lookup::Prefix
        } else {
            Lookup::Unbound
        }
    }

    /// Every key (or sequence) bound to `action` in `context`, in table order.
    pub fn keys(&self, context: Context, action: Action) -> impl Iterator<Item = &[Key]> + '_ {
        self.table(context)
            .iter()
            .filter(move |b| b.action == action)
            .map(|b| b.keys.as_slice())
    }

    /// The keys for `action` in `context` as the help shows them: `← h`.
    pub fn label(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .map(sequence_label)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first key for `action` in `context`, for short hints and messages.
    pub fn first_label(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .next()
            .map(sequence_label)
            .unwrap_or_default()
    }

    /// The first key for a board action, for the messages the board shows.
    pub fn board_key(&self, action: Action) -> String {
        self.first_label(Context::Board, action)
    }

    /// The first keys of several actions, joined for a hint: `p/g`, `↑↓`, `z f a s t l`.
    pub fn joined(&self, context: Context, actions: &[Action], joiner: &str) -> String {
        actions
            .iter()
            .map(|a| self.first_label(context, *a))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(joiner)
    }

    /// Gives each named action the keys listed, in every context whose table has it,
    /// taking those keys away from any other action there. Fails, saying why, when a key
    /// would both act and begin a sequence, or an action would be left with no key.
    pub fn remap(&mut self, changes: &[(Action, Vec<Sequence>)]) -> Result<(), String> {
        // Which action the settings gave each key, context by context.
        let mut given: Vec<(Context, &Sequence, Action)> = Vec::new();
        let defaults = KeyMap::default();
        for (action, all) in changes {
            let mut found = false;
            for context in Context::ALL {
                let table = &mut self.tables[context.index()];
                if !table.iter().any(|b| b.action == *action) {
                    continue;
                }
                found = true;
                // A field's keys edit text: an action that is not about typing (saving,
                // with Ctrl-s) keeps its own keys there, whatever the settings give it
                // elsewhere.
                if context.takes_text() && !matches!(action.group(), Group::Typing | Group::Command)
                {
                    continue;
                }
                let sequences: Vec<&Sequence> = if context.letters_choose()
                    && defaults
                        .keys(context, *action)
                        .all(|keys| keys.iter().all(|k| k.typed_char().is_none()))
                {
                    all.iter()
                        .filter(|keys| keys.iter().all(|k| k.typed_char().is_none()))
                        .collect()
                } else {
                    all.iter().collect()
                };
                if sequences.is_empty() {
                    // A menu's letters are its own: the action keeps its keys there.
                    continue;
                }
                for keys in sequences.iter().copied() {
                    if context.takes_text() {
                        check_typing_key(keys, *action)?;
                    }
                    if let Some((_, _, other)) = given
                        .iter()
                        .find(|(c, k, a)| *c == context && *k == keys && a != action)
                    {
                        return Err(format!(
                            "`{}` is given to both {} and {} {}",
                            written(keys),
                            other.name(),
                            action.name(),
                            where_(context)
                        ));
                    }
                    given.push((context, keys, *action));
                }
                table.retain(|b| b.action != *action && !sequences.contains(&&b.keys));
                table.extend(sequences.iter().map(|keys| Binding {
                    keys: (*keys).clone(),
                    action: *action,
                }));
            }
            if !found {
                return Err(format!("{} has no key to change", action.name()));
            }
        }
        self.check()
    }

    /// After a remap: no key both acts and begins a sequence, and every action the
    /// defaults give a key in a context still has one there.
    fn check(&self) -> Result<(), String> {
        let defaults = KeyMap::default();
        for context in Context::ALL {
            let table = self.table(context);
            for (i, a) in table.iter().enumerate() {
                for b in &table[i + 1..] {
                    let (short, long) = if a.keys.len() <= b.keys.len() {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    if long.keys.starts_with(&short.keys) {
                        return Err(format!(
                            "`{}` (for {}) starts with `{}`, the key of {}: a key cannot both do something and begin a sequence",
                            written(&long.keys),
                            long.action.name(),
                            written(&short.keys),
                            short.action.name()
                        ));
                    }
                }
            }
            for binding in defaults.table(context) {
                if self.keys(context, binding.action).next().is_none() {
                    let taken_by = table
                        .iter()
                        .find(|b| b.keys == binding.keys)
                        .map_or("another action", |b| b.action.name());
                    return Err(format!(
                        "{} lost its last key `{}` {} to {taken_by}; give {} a key too",
                        binding.action.name(),
                        written(&binding.keys),
                        where_(context),
                        binding.action.name()
                    ));
                }
            }
        }
        Ok(())
    }

    /// Every context's keys, as the help overlay and the README list them: the board's by
    /// group, then each other context, the questions together, with the keys as set.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let rows_of = |context: Context, group: Option<Group>| -> Vec<HelpRow> {
            let mut rows: Vec<HelpRow> = Vec::new();
            for binding in self.table(context) {
                if group.is_some_and(|g| binding.action.group() != g)
                    || rows.iter().any(|r| r.action == binding.action)
                {
                    continue;
                }
                rows.push(HelpRow {
                    keys: self.label(context, binding.action),
                    action: binding.action,
                });
            }
            rows
        };
        let mut sections: Vec<HelpSection> = Group::BOARD
            .iter()
            .map(|group| HelpSection {
                title: group.title(),
                rows: rows_of(Context::Board, Some(*group)),
            })
            .collect();
        let mut answers: Vec<HelpRow> = Vec::new();
        for context in Context::ALL {
            if context == Context::Board {
                continue;
            }
            if context.is_question() {
                for row in rows_of(context, None) {
                    if !answers
                        .iter()
                        .any(|a| a.action == row.action && a.keys == row.keys)
                    {
                        answers.push(row);
                    }
                }
                continue;
            }
            sections.push(HelpSection {
                title: context.title(),
                rows: rows_of(context, None),
            });
        }
        let typing = sections.pop();
        sections.push(HelpSection {
            title: Context::AskQuit.title(),
            rows: answers,
        });
        sections.extend(typing);
        sections
    }
}

/// A text field takes every key that types a character, and waits for no second key: its
/// actions need Ctrl or Alt, or a key such as `Left` or `Enter`, one at a time.
fn check_typing_key(keys: &[Key], action: Action) -> Result<(), String> {
    match keys {
        [key] if key.typed_char().is_none() => Ok(()),
        [key] => Err(format!(
            "`{}` (for {}) would no longer type itself in a text field; give text fields keys with Ctrl or Alt, or keys such as Left or Enter",
            key.label(),
            action.name()
        )),
        _ => Err(format!(
            "`{}` (for {}): a text field takes one key at a time, not keys one after the other",
            written(keys),
            action.name()
        )),
    }
}

/// A sequence as the settings file writes it: `g g`.
fn written(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect::<Vec<_>>().join(" ")
}

/// "in the details of a moment", for messages about a context.
pub fn where_(context: Context) -> String {
    crate::text::lowercase_first(context.title())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_does_two_things_in_one_context() {
        let map = KeyMap::default();
        for context in Context::ALL {
            let mut keys: Vec<String> = map
                .table(context)
                .iter()
                .map(|b| sequence_label(&b.keys))
                .collect();
            let all = keys.len();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), all, "a key is bound twice in {context:?}");
        }
    }

    #[test]
    fn contexts_are_listed_in_the_order_they_are_declared() {
        for (i, context) in Context::ALL.iter().enumerate() {
            assert_eq!(context.index(), i, "{context:?}");
        }
    }

    #[test]
    fn every_action_has_a_key_somewhere() {
        let map = KeyMap::default();
        for action in Action::ALL {
            assert!(
                Context::ALL
                    .iter()
                    .any(|c| map.keys(*c, *action).next().is_some()),
                "{action:?} has no key"
            );
        }
    }

    #[test]
    fn shifted_letters_and_control_keys_are_told_apart() {
        let map = KeyMap::default();
        let action =
            |context, event: &KeyEvent| match map.lookup(context, &[Key::from_event(event)]) {
                Lookup::Action(action) => Some(action),
                Lookup::Prefix | Lookup::Unbound => None,
            };
        let board = Context::Board;
        let shifted = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(action(board, &shifted), Some(Action::MoveMomentLeft));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(action(board, &ctrl_r), Some(Action::Redo));
        let plain_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
        assert_eq!(action(board, &plain_r), Some(Action::RenameStage));
        let alt_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::ALT);
        assert_eq!(action(board, &alt_r), None);
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        assert_eq!(action(Context::Typing, &alt_enter), Some(Action::NewLine));
    }

    #[test]
    fn labels_read_like_the_keyboard() {
        let map = KeyMap::default();
        assert_eq!(
            map.label(Context::Board, Action::SelectPreviousStage),
            "← h"
        );
        assert_eq!(map.label(Context::Board, Action::Redo), "Ctrl-r Ctrl-y");
        assert_eq!(
            map.label(Context::Typing, Action::NewLine),
            "Alt-Enter Shift-Enter Ctrl-j"
        );
        assert_eq!(sequence_label(&[Key::char('g'), Key::char('g')]), "gg");
    }

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
            ("Alt-Enter", Key::alt(KeyCode::Enter)),
            ("Shift-Enter", Key::shift(KeyCode::Enter)),
        ] {
            assert_eq!(Key::parse(label), Some(key), "{label}");
            assert_eq!(
                Key::parse(&key.label()),
                Some(key),
                "the help's own label {}",
                key.label()
            );
        }
        assert_eq!(Key::parse("Ctrl-"), None);
        assert_eq!(Key::parse("xy"), None);
        assert_eq!(Key::parse("F99"), None);
        assert_eq!(Key::parse("Shift-x"), None, "written X");
    }

    #[test]
    fn a_sequence_is_pending_until_it_is_whole() {
        let mut map = KeyMap::default();
        let dd = vec![Key::char('d'), Key::char('d')];
        map.remap(&[(Action::DeleteMoment, vec![dd.clone()])])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            map.lookup(Context::Board, &[Key::char('d')]),
            Lookup::Prefix
        );
        assert_eq!(
            map.lookup(Context::Board, &dd),
            Lookup::Action(Action::DeleteMoment)
        );
        assert_eq!(
            map.lookup(Context::Board, &[Key::char('d'), Key::char('x')]),
            Lookup::Unbound
        );
        assert_eq!(map.label(Context::Board, Action::DeleteMoment), "dd");
    }

    #[test]
    fn a_key_cannot_both_act_and_begin_a_sequence() {
        let mut map = KeyMap::default();
        let error = map
            .remap(&[(Action::Undo, vec![vec![Key::char('g'), Key::char('u')]])])
            .unwrap_err();
        assert!(
            error.contains("starts with `g`, the key of make_glory"),
            "{error}"
        );
    }

    #[test]
    fn text_fields_keep_every_key_that_types() {
        let error = KeyMap::default()
            .remap(&[(Action::CursorLeft, vec![vec![Key::char('h')]])])
            .unwrap_err();
        assert!(error.contains("would no longer type itself"), "{error}");
        let error = KeyMap::default()
            .remap(&[(
                Action::CancelText,
                vec![vec![Key::char('j'), Key::char('k')]],
            )])
            .unwrap_err();
        assert!(error.contains("one key at a time"), "{error}");
        let mut map = KeyMap::default();
        map.remap(&[(Action::CursorLeft, vec![vec![Key::ctrl('b')]])])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(map.label(Context::Typing, Action::CursorLeft), "Ctrl-b");
    }

    #[test]
    fn one_key_for_two_actions_is_refused_only_where_both_are() {
        let x = vec![Key::char('x')];
        let both = KeyMap::default()
            .remap(&[
                (Action::DeleteMoment, vec![x.clone()]),
                (Action::MakePain, vec![x.clone()]),
            ])
            .unwrap_err();
        assert!(
            both.contains("`x` is given to both delete_moment and make_pain on the board"),
            "{both}"
        );
        let mut map = KeyMap::default();
        map.remap(&[
            (Action::DeleteMoment, vec![x.clone()]),
            (Action::FilterPains, vec![x]),
        ])
        .unwrap_or_else(|e| panic!("apart, they may share it: {e}"));
    }

    #[test]
    fn a_remap_applies_in_every_context_that_has_the_action() {
        let mut map = KeyMap::default();
        map.remap(&[(Action::Undo, vec![vec![Key::char('U')]])])
            .unwrap_or_else(|e| panic!("{e}"));
        for context in [Context::Board, Context::Details, Context::Comments] {
            assert_eq!(map.label(context, Action::Undo), "U", "{context:?}");
        }
        let error = KeyMap::default()
            .remap(&[(Action::Timer, vec![vec![Key::char('w')]])])
            .unwrap_err();
        assert!(
            error.contains("whole_map lost its last key `w` in presentation"),
            "{error}"
        );
    }
}
