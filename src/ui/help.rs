//! The help overlay: every key of every context as the key tables have them, each with
//! the name the settings file knows its action by, and what the signs on cards mean; and
//! one context's keys alone, as presentation lists its own.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::popup::popup_frame;
use super::theme::Theme;
use crate::action::Action;
use crate::keymap::{Context, HelpLine, HelpText, KeyMap};
use crate::layout::{centered, help_columns, help_popup};
use crate::text::{pad, width};

/// The help for one frame, scrolled down by `scroll` lines (the update step keeps it
/// within the text).
pub struct HelpView<'a> {
    pub keys: &'a KeyMap,
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl HelpView<'_> {
    /// The help's lines, styled, for a popup `columns` wide.
    pub fn lines(&self, columns: u16) -> Vec<Line<'static>> {
        let text = self.keys.help_text(columns);
        styled(&text.lines, &text, self.theme)
    }
}

/// `lines` of the help laid out as `text`, styled: keys in the key colour, the actions'
/// names faint.
fn styled(lines: &[HelpLine], text: &HelpText, theme: &Theme) -> Vec<Line<'static>> {
    let HelpText {
        key_width,
        text_width,
        ..
    } = *text;
    lines
        .iter()
        .cloned()
        .map(|line| match line {
            HelpLine::Note(text) => Line::styled(text, theme.dim()),
            HelpLine::Heading(title) => Line::styled(title, theme.selected_title()),
            HelpLine::Blank => Line::raw(""),
            HelpLine::Row { keys, text, name } => {
                let mut spans = vec![
                    Span::styled(format!("  {keys:>key_width$}  "), theme.key()),
                    Span::raw(match name {
                        Some(name) => pad(&text, text_width.saturating_sub(width(name))),
                        None => text,
                    }),
                ];
                if let Some(name) = name {
                    spans.push(Span::styled(name, theme.dim()));
                }
                Line::from(spans)
            }
        })
        .collect()
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let inner = popup_frame(help_popup(area), buf, "Keys", theme);
        if inner.height < 2 {
            return;
        }
        let columns = help_columns(area);
        let (width, height) = columns.first().map_or((0, 0), |c| (c.width, c.height));
        let text = self.keys.help_text(width);
        let parts = text.columns(columns.len());
        let longest = parts.iter().map(|p| p.len()).max().unwrap_or(0);
        let max_scroll = (longest as u16).saturating_sub(height);
        let scroll = self.scroll.min(max_scroll);
        for (column, part) in columns.iter().zip(&parts) {
            let lines = styled(part, &text, theme);
            for (row, line) in lines
                .iter()
                .skip(scroll as usize)
                .take(height as usize)
                .enumerate()
            {
                line.render(
                    Rect {
                        y: column.y + row as u16,
                        height: 1,
                        ..*column
                    },
                    buf,
                );
            }
        }
        let more = if max_scroll > scroll {
            let down = self.keys.label(Context::Help, Action::ScrollDown);
            format!("{down} for more · ")
        } else {
            String::new()
        };
        foot(inner, buf, &format!(" {more}any other key closes"), theme);
    }
}

/// `text` on the last row of a popup's `inner` area, faint.
fn foot(inner: Rect, buf: &mut Buffer, text: &str, theme: &Theme) {
    buf.set_stringn(
        inner.x,
        inner.bottom() - 1,
        text,
        inner.width as usize,
        theme.dim(),
    );
}

/// One context's keys in a popup over what is on screen, as tall as they need, with "any
/// key closes" at its foot: presentation lists its own keys this way, over the slide.
pub struct ContextHelp<'a> {
    pub keys: &'a KeyMap,
    pub context: Context,
    pub theme: &'a Theme,
}

impl Widget for ContextHelp<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        // As wide as the one-column help, inside its frame.
        let columns = centered(area, 80, area.height).width.saturating_sub(2);
        let text = self.keys.context_help(self.context, columns);
        let lines = styled(&text.lines, &text, theme);
        // The text, a line for the foot and the frame.
        let height = lines.len() as u16 + 3;
        let inner = popup_frame(centered(area, 80, height), buf, "Keys", theme);
        if inner.height < 2 {
            return;
        }
        let shown = Rect {
            height: inner.height - 1,
            ..inner
        };
        Paragraph::new(lines).render(shown, buf);
        foot(inner, buf, " any key closes", theme);
    }
}
