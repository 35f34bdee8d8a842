//! A text field: typing, cursor movement and erasing by grapheme, so Korean, Chinese and
//! emoji are edited as people see them, and the cursor is placed by display width.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{clean_line, clean_multiline};

/// What a key did to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputOutcome {
    /// The text or the cursor changed.
    Edited,
    /// Enter: the owner should take the text.
    Submit,
    /// Esc: the owner should restore the old text.
    Cancel,
    /// Not a key for the field.
    Ignored,
}

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

    pub fn handle_key(&mut self, key: &KeyEvent) -> InputOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Enter
                if self.multiline && (alt || key.modifiers.contains(KeyModifiers::SHIFT)) =>
            {
                self.insert("\n")
            }
            KeyCode::Char('j') if ctrl && self.multiline => self.insert("\n"),
            KeyCode::Enter => return InputOutcome::Submit,
            KeyCode::Esc => return InputOutcome::Cancel,
            KeyCode::Char('a') if ctrl => self.cursor = self.line_start(),
            KeyCode::Char('e') if ctrl => self.cursor = self.line_end(),
            KeyCode::Char('u') if ctrl => {
                let start = self.line_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            KeyCode::Char('k') if ctrl => {
                let end = self.line_end();
                self.text.replace_range(self.cursor..end, "");
            }
            KeyCode::Char('w') if ctrl => {
                let start = self.previous_word_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            KeyCode::Char(_) if ctrl || alt => return InputOutcome::Ignored,
            KeyCode::Char(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            KeyCode::Tab if self.multiline => self.insert("\t"),
            KeyCode::Backspace => {
                if let Some(start) = self.previous_boundary() {
                    self.text.replace_range(start..self.cursor, "");
                    self.cursor = start;
                }
            }
            KeyCode::Delete => {
                if let Some(end) = self.next_boundary() {
                    self.text.replace_range(self.cursor..end, "");
                }
            }
            KeyCode::Left => self.cursor = self.previous_boundary().unwrap_or(self.cursor),
            KeyCode::Right => self.cursor = self.next_boundary().unwrap_or(self.cursor),
            KeyCode::Home => self.cursor = self.line_start(),
            KeyCode::End => self.cursor = self.line_end(),
            _ => return InputOutcome::Ignored,
        }
        InputOutcome::Edited
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

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(input: &mut TextInput, text: &str) {
        for c in text.chars() {
            input.handle_key(&key(KeyCode::Char(c)));
        }
    }

    #[test]
    fn typing_korean_and_erasing_by_grapheme() {
        let mut input = TextInput::line("");
        typed(&mut input, "긴 줄");
        assert_eq!(input.text(), "긴 줄");
        assert_eq!(input.cursor_byte(), "긴 줄".len());
        input.handle_key(&key(KeyCode::Backspace));
        assert_eq!(input.text(), "긴 ");
        input.handle_key(&key(KeyCode::Home));
        typed(&mut input, "아주 ");
        assert_eq!(input.text(), "아주 긴 ");
    }

    #[test]
    fn emoji_with_joiners_is_one_step() {
        let mut input = TextInput::line("a👩‍👩‍👧b");
        input.handle_key(&key(KeyCode::Left));
        input.handle_key(&key(KeyCode::Left));
        assert_eq!(input.cursor_byte(), 1);
        input.handle_key(&key(KeyCode::Delete));
        assert_eq!(input.text(), "ab");
    }

    #[test]
    fn enter_submits_and_escape_cancels() {
        let mut input = TextInput::line("x");
        assert_eq!(input.handle_key(&key(KeyCode::Enter)), InputOutcome::Submit);
        assert_eq!(input.handle_key(&key(KeyCode::Esc)), InputOutcome::Cancel);
    }

    #[test]
    fn multiline_fields_take_new_lines_from_alt_enter_and_ctrl_j() {
        let mut input = TextInput::multiline("one");
        input.handle_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
        typed(&mut input, "two");
        input.handle_key(&KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
        typed(&mut input, "three");
        assert_eq!(input.text(), "one\ntwo\nthree");
        input.handle_key(&key(KeyCode::Home));
        assert_eq!(input.cursor_byte(), "one\ntwo\n".len());
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
    fn control_shortcuts_erase_words_and_lines() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let mut input = TextInput::line("pays at the counter");
        input.handle_key(&ctrl('w'));
        assert_eq!(input.text(), "pays at the ");
        input.handle_key(&ctrl('u'));
        assert_eq!(input.text(), "");
    }
}
