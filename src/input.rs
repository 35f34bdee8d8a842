//! A text field: typing, cursor movement and erasing by grapheme, so Korean, Chinese and
//! emoji are edited as people see them, and the cursor is placed by display width. Which
//! key does what comes from the typing context's key table; the field only knows the
//! actions.

use unicode_segmentation::UnicodeSegmentation;

use crate::action::Action;
use crate::model::{clean_line, clean_multiline};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Byte offset of the cursor, always on a grapheme boundary.
    cursor: usize,
    multiline: bool,
}

impl TextInput {
    /// A one-line field holding `text`, with the cursor at the end.
    pub fn line(text: &str) -> TextInput {
        TextInput {
            text: clean_line(text),
            cursor: 0,
            multiline: false,
        }
        .with_cursor_at_end()
    }

    /// A field that keeps line breaks (Alt-Enter or Ctrl-j starts a new line).
    pub fn multiline(text: &str) -> TextInput {
        TextInput {
            text: clean_multiline(text),
            cursor: 0,
            multiline: true,
        }
        .with_cursor_at_end()
    }

    fn with_cursor_at_end(mut self) -> TextInput {
        self.cursor = self.text.len();
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn cursor_byte(&self) -> usize {
        self.cursor
    }

    /// Carries out an editing action; `false` for one that is not about a text field
    /// (keeping and cancelling are the owner's to do).
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::NewLine if self.multiline => self.insert("\n"),
            Action::InsertTab if self.multiline => self.insert("\t"),
            Action::NewLine | Action::InsertTab => {}
            Action::CursorHome => self.cursor = self.line_start(),
            Action::CursorEnd => self.cursor = self.line_end(),
            Action::EraseToStart => {
                let start = self.line_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::EraseToEnd => {
                let end = self.line_end();
                self.text.replace_range(self.cursor..end, "");
            }
            Action::EraseWord => {
                let start = self.previous_word_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::EraseBefore => {
                if let Some(start) = self.previous_boundary() {
                    self.text.replace_range(start..self.cursor, "");
                    self.cursor = start;
                }
            }
            Action::EraseAfter => {
                if let Some(end) = self.next_boundary() {
                    self.text.replace_range(self.cursor..end, "");
                }
            }
            Action::CursorLeft => self.cursor = self.previous_boundary().unwrap_or(self.cursor),
            Action::CursorRight => self.cursor = self.next_boundary().unwrap_or(self.cursor),
            _ => return false,
        }
        true
    }

    /// Types one character at the cursor.
    pub fn type_char(&mut self, c: char) {
        self.insert(c.encode_utf8(&mut [0; 4]));
    }

    /// Inserts pasted or typed text at the cursor, cleaned of control characters (and of
    /// line breaks in a one-line field).
    pub fn insert(&mut self, text: &str) {
        let text = if self.multiline {
            clean_multiline(&text.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            clean_line(text)
        };
        self.text.insert_str(self.cursor, &text);
        self.cursor += text.len();
    }

    fn previous_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    fn previous_word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        })
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
        assert_eq!(title.text(), "one");
    }

    #[test]
    fn pasted_control_characters_are_dropped() {
        let mut input = TextInput::line("");
        input.insert("a\u{1b}[31mb\nc");
        assert_eq!(input.text(), "a[31mb c");
        let mut notes = TextInput::multiline("");
        notes.insert("a\r\nb\u{7}");
        assert_eq!(notes.text(), "a\nb");
    }

    #[test]
    fn words_and_lines_are_erased() {
        let mut input = TextInput::line("pays at the counter");
        input.apply(Action::EraseWord);
        assert_eq!(input.text(), "pays at the ");
        input.apply(Action::EraseToStart);
        assert_eq!(input.text(), "");
    }
}
