//! A text field: one line or several, kept in a `ratatui-textarea` editor, which does the
//! lines, the words, the line breaks and the undo history. The cursor steps and erases by
//! grapheme here, so Korean, Chinese and emoji (joined ones too) are edited as people see
//! them; the view places the cursor by display width. Which key does what comes from the
//! typing context's key table; the field only knows the actions.

use ratatui_textarea::{CursorMove, TextArea};
use unicode_segmentation::UnicodeSegmentation;

use crate::action::Action;
use crate::model::{clean_line, clean_multiline};

/// A field being typed into.
#[derive(Clone, Debug)]
pub struct TextInput {
    editor: TextArea<'static>,
    /// The editor's lines joined with line breaks, kept in step after every change.
    text: String,
    multiline: bool,
    /// How many of the editor's history entries each undo step takes back, oldest first:
    /// a word typed is one step, as is every other change.
    undo_steps: Vec<usize>,
    /// The same for the steps undone, to redo them, newest last.
    redo_steps: Vec<usize>,
    /// The last change was typing a character, which the next one may join for undo.
    typing: Option<char>,
}

/// Two fields are the same when they hold the same text with the cursor in the same place.
impl PartialEq for TextInput {
    fn eq(&self, other: &TextInput) -> bool {
        self.text == other.text
            && self.multiline == other.multiline
            && self.cursor_byte() == other.cursor_byte()
    }
}

impl Eq for TextInput {}

impl TextInput {
    /// A one-line field holding `text`, with the cursor at the end.
    pub fn line(text: &str) -> TextInput {
        TextInput::holding(&clean_line(text), false)
    }

    /// A field that keeps line breaks (Alt-Enter or Ctrl-j starts a new line).
    pub fn multiline(text: &str) -> TextInput {
        TextInput::holding(&clean_multiline(&one_kind_of_break(text)), true)
    }

    /// A field holding `text`, already cleaned, with the cursor at its end.
    fn holding(text: &str, multiline: bool) -> TextInput {
        let mut editor = TextArea::new(text.split('\n').map(str::to_owned).collect());
        // Every change in the field can be undone until it closes.
        editor.set_max_histories(usize::MAX);
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        TextInput {
            editor,
            text: text.to_owned(),
            multiline,
            undo_steps: Vec::new(),
            redo_steps: Vec::new(),
            typing: None,
        }
    }

    /// What is typed, lines joined with `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the field keeps line breaks (notes, ideas, descriptions, comments).
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// Byte offset of the cursor in [`TextInput::text`], always on a grapheme boundary.
    pub fn cursor_byte(&self) -> usize {
        let (row, col) = self.row_col();
        let lines = self.editor.lines();
        let before: usize = lines[..row].iter().map(|l| l.len() + 1).sum();
        before + char_byte(&lines[row], col)
    }

    /// Carries out an editing action; `false` for one that is not about a text field
    /// (keeping and cancelling are the owner's to do).
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::NewLine if self.multiline => self.edit(|e| {
                e.insert_newline();
                true
            }),
            Action::InsertTab if self.multiline => self.edit(|e| {
                e.insert_char('\t');
                true
            }),
            Action::NewLine | Action::InsertTab => {}
            Action::CursorHome => self.go(CursorMove::Head),
            Action::CursorEnd => self.go(CursorMove::End),
            Action::LineUp => self.go(CursorMove::Up),
            Action::LineDown => self.go(CursorMove::Down),
            Action::WordLeft => self.go(CursorMove::WordBack),
            Action::WordRight => self.go(CursorMove::WordForward),
            Action::CursorLeft => {
                self.step_left();
            }
            Action::CursorRight => self.step_right(),
            Action::EraseToStart => self.edit(TextArea::delete_line_by_head),
            Action::EraseToEnd => self.edit(TextArea::delete_line_by_end),
            Action::EraseWord => self.edit(TextArea::delete_word),
            Action::EraseBefore if self.row_col().1 == 0 => self.edit(TextArea::delete_newline),
            Action::EraseBefore => {
                let chars = self.step_left();
                self.edit(|e| e.delete_str(chars));
            }
            Action::EraseAfter => match self.grapheme_after() {
                Some(chars) => self.edit(|e| e.delete_str(chars)),
                None => self.edit(TextArea::delete_next_char),
            },
            Action::UndoTyping => self.replay(true),
            Action::RedoTyping => self.replay(false),
            _ => return false,
        }
        true
    }

    /// Types one character at the cursor. Characters typed one after another are undone
    /// a word at a time.
    pub fn type_char(&mut self, c: char) {
        let c = match c {
            '\t' | '\n' | '\r' if !self.multiline => ' ',
            '\n' | '\r' => {
                self.apply(Action::NewLine);
                return;
            }
            c if c.is_control() && c != '\t' => return,
            c => c,
        };
        // A new word starts a new step; the spaces after a word belong to it.
        let joins = self
            .typing
            .is_some_and(|before| c.is_whitespace() || !before.is_whitespace());
        self.editor.insert_char(c);
        self.redo_steps.clear();
        match self.undo_steps.last_mut() {
            Some(step) if joins => *step += 1,
            _ => self.undo_steps.push(1),
        }
        self.typing = Some(c);
        self.text_changed();
    }

    /// Inserts pasted or typed text at the cursor, cleaned of control characters. In a
    /// one-line field, the lines of a text that has several are joined with single
    /// spaces.
    pub fn insert(&mut self, text: &str) {
        let text = if self.multiline {
            clean_multiline(&one_kind_of_break(text))
        } else {
            joined_lines(text)
        };
        self.edit(|e| e.insert_str(&text));
    }

    /// The cursor's line and its column, counted in characters, in the editor.
    fn row_col(&self) -> (usize, usize) {
        let cursor = self.editor.cursor();
        (cursor.0, cursor.1)
    }

    /// The line the cursor is on, and the cursor's byte offset in it.
    fn cursor_line(&self) -> (&str, usize) {
        let (row, col) = self.row_col();
        let line = self.editor.lines()[row].as_str();
        (line, char_byte(line, col))
    }

    /// How many characters the grapheme after the cursor has, on its line.
    fn grapheme_after(&self) -> Option<usize> {
        let (line, at) = self.cursor_line();
        line[at..].graphemes(true).next().map(|g| g.chars().count())
    }

    /// Moves the cursor, then back onto a grapheme's start if it landed inside one.
    fn go(&mut self, to: CursorMove) {
        self.editor.move_cursor(to);
        let (line, at) = self.cursor_line();
        let inside = line
            .grapheme_indices(true)
            .find(|(start, g)| *start < at && at < start + g.len())
            .map(|(start, _)| line[start..at].chars().count());
        if let Some(back) = inside {
            self.repeat(CursorMove::Back, back);
        }
        self.typing = None;
    }

    /// One grapheme left, or to the end of the line above; how many characters it went.
    fn step_left(&mut self) -> usize {
        let (line, at) = self.cursor_line();
        let chars = line[..at]
            .graphemes(true)
            .next_back()
            .map_or(1, |g| g.chars().count());
        self.repeat(CursorMove::Back, chars);
        self.typing = None;
        chars
    }

    /// One grapheme right, or to the start of the line below.
    fn step_right(&mut self) {
        let chars = self.grapheme_after().unwrap_or(1);
        self.repeat(CursorMove::Forward, chars);
        self.typing = None;
    }

    /// Moves the cursor `times` times the same way.
    fn repeat(&mut self, to: CursorMove, times: usize) {
        for _ in 0..times {
            self.editor.move_cursor(to);
        }
    }

    /// Makes one change with the editor, which says whether it changed anything; a change
    /// is one step for undo.
    fn edit(&mut self, change: impl FnOnce(&mut TextArea<'static>) -> bool) {
        self.typing = None;
        if change(&mut self.editor) {
            self.undo_steps.push(1);
            self.redo_steps.clear();
            self.text_changed();
        }
    }

    /// Takes back the newest undo step (`undo`), or makes the newest undone one again.
    fn replay(&mut self, undo: bool) {
        self.typing = None;
        let (from, to) = if undo {
            (&mut self.undo_steps, &mut self.redo_steps)
        } else {
            (&mut self.redo_steps, &mut self.undo_steps)
        };
        if let Some(step) = from.pop() {
            for _ in 0..step {
                if undo {
                    self.editor.undo();
                } else {
                    self.editor.redo();
                }
            }
            to.push(step);
            self.text_changed();
        }
    }

    /// Brings [`TextInput::text`] in step with the editor's lines after a change.
    fn text_changed(&mut self) {
        self.text = self.editor.lines().join("\n");
    }
}

/// The byte offset of character `col` in `line` (its end when past it).
fn char_byte(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// Windows' and old Macs' line breaks as plain newlines.
fn one_kind_of_break(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The lines of a pasted text, each trimmed and cleaned of control characters, without
/// the empty ones.
pub fn pasted_lines(text: &str) -> Vec<String> {
    one_kind_of_break(text)
        .split('\n')
        .map(|line| clean_line(line).trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

/// Text for a one-line field: a text of several lines becomes one, its lines joined with
/// single spaces; a text of one line is only cleaned of control characters.
pub fn joined_lines(text: &str) -> String {
    let text = one_kind_of_break(text);
    if text.trim_end_matches('\n').contains('\n') {
        pasted_lines(&text).join(" ")
    } else {
        clean_line(text.trim_end_matches('\n'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut TextInput, text: &str) {
        for c in text.chars() {
            input.type_char(c);
        }
    }

    #[test]
    fn typing_korean_and_erasing_by_grapheme() {
        let mut input = TextInput::line("");
        typed(&mut input, "긴 줄");
        assert_eq!(input.text(), "긴 줄");
        assert_eq!(input.cursor_byte(), "긴 줄".len());
        input.apply(Action::EraseBefore);
        assert_eq!(input.text(), "긴 ");
        input.apply(Action::CursorHome);
        typed(&mut input, "아주 ");
        assert_eq!(input.text(), "아주 긴 ");
    }

    #[test]
    fn emoji_with_joiners_is_one_step() {
        let mut input = TextInput::line("a👩‍👩‍👧b");
        input.apply(Action::CursorLeft);
        input.apply(Action::CursorLeft);
        assert_eq!(input.cursor_byte(), 1);
        input.apply(Action::EraseAfter);
        assert_eq!(input.text(), "ab");
        let mut input = TextInput::line("a👩‍👩‍👧");
        input.apply(Action::EraseBefore);
        assert_eq!(input.text(), "a");
        // Decomposed Hangul (as macOS writes file names) and a combining accent.
        let mut input = TextInput::line("x\u{1112}\u{1161}\u{11ab}e\u{301}");
        input.apply(Action::CursorLeft);
        assert_eq!(input.cursor_byte(), "x\u{1112}\u{1161}\u{11ab}".len());
        input.apply(Action::EraseBefore);
        assert_eq!(input.text(), "xe\u{301}");
    }

    #[test]
    fn up_and_down_never_stop_inside_a_grapheme() {
        let mut input = TextInput::multiline("👩‍👩‍👧 family\nabcdefgh");
        input.apply(Action::LineUp);
        let at = input.cursor_byte();
        assert!(input.text().is_char_boundary(at));
        assert!(
            input.text().grapheme_indices(true).any(|(i, _)| i == at) || at == input.text().len()
        );
    }

    #[test]
    fn keeping_and_cancelling_are_left_to_the_owner() {
        let mut input = TextInput::line("x");
        assert!(!input.apply(Action::KeepText));
        assert!(!input.apply(Action::CancelText));
        assert_eq!(input.text(), "x");
    }

    #[test]
    fn only_multiline_fields_take_new_lines() {
        let mut input = TextInput::multiline("one");
        input.apply(Action::NewLine);
        typed(&mut input, "two");
        input.apply(Action::NewLine);
        typed(&mut input, "three");
        assert_eq!(input.text(), "one\ntwo\nthree");
        input.apply(Action::CursorHome);
        assert_eq!(input.cursor_byte(), "one\ntwo\n".len());
        let mut title = TextInput::line("one");
        title.apply(Action::NewLine);
        title.apply(Action::LineUp);
        title.apply(Action::LineDown);
        assert_eq!(title.text(), "one");
        assert_eq!(title.cursor_byte(), 3);
    }

    #[test]
    fn up_and_down_go_between_lines_by_display_column() {
        let mut input = TextInput::multiline("가나다\nabcdef");
        input.apply(Action::CursorHome);
        for _ in 0..4 {
            input.apply(Action::CursorRight);
        }
        input.apply(Action::LineUp);
        assert_eq!(input.cursor_byte(), "가나".len());
        input.apply(Action::LineDown);
        assert_eq!(input.cursor_byte(), "가나다\nabcd".len());
    }

    #[test]
    fn pasted_control_characters_are_dropped_and_lines_joined_in_one_line() {
        let mut input = TextInput::line("");
        input.insert("a\u{1b}[31mb");
        assert_eq!(input.text(), "a[31mb");
        let mut title = TextInput::line("");
        title.insert("line one\r\n  line two\r\rline three\n");
        assert_eq!(title.text(), "line one line two line three");
        let mut notes = TextInput::multiline("");
        notes.insert("a\r\nb\u{7}\rc");
        assert_eq!(notes.text(), "a\nb\nc");
    }

    #[test]
    fn words_and_lines_are_erased() {
        let mut input = TextInput::line("pays at the counter");
        input.apply(Action::EraseWord);
        assert_eq!(input.text(), "pays at the ");
        input.apply(Action::EraseToStart);
        assert_eq!(input.text(), "");
    }

    #[test]
    fn words_are_stepped_over() {
        let mut input = TextInput::line("pays at the counter");
        input.apply(Action::WordLeft);
        assert_eq!(input.cursor_byte(), "pays at the ".len());
        input.apply(Action::WordLeft);
        input.apply(Action::WordLeft);
        assert_eq!(input.cursor_byte(), "pays ".len());
        input.apply(Action::WordRight);
        assert_eq!(input.cursor_byte(), "pays at ".len());
    }

    #[test]
    fn undo_takes_back_a_word_at_a_time_and_redo_brings_it_again() {
        let mut input = TextInput::multiline("");
        typed(&mut input, "long queue");
        input.apply(Action::NewLine);
        typed(&mut input, "줄");
        input.apply(Action::UndoTyping);
        assert_eq!(input.text(), "long queue\n");
        input.apply(Action::UndoTyping);
        assert_eq!(input.text(), "long queue");
        input.apply(Action::UndoTyping);
        assert_eq!(input.text(), "long ");
        input.apply(Action::RedoTyping);
        assert_eq!(input.text(), "long queue");
        input.apply(Action::EraseBefore);
        assert_eq!(input.text(), "long queu");
        input.apply(Action::RedoTyping);
        assert_eq!(
            input.text(),
            "long queu",
            "a change drops what could be redone"
        );
        for _ in 0..5 {
            input.apply(Action::UndoTyping);
        }
        assert_eq!(input.text(), "");
        assert_eq!(input.cursor_byte(), 0);
    }
}
