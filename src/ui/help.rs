//! The help overlay: every key of every context as the key tables have them, each with
//! the name the settings file knows its action by, and what the signs on cards mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::popup::popup_frame;
use super::theme::Theme;
use crate::action::Action;
use crate::keymap::{Context, HelpLine, HelpText, KeyMap};
use crate::layout::{help_columns, help_popup};
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
        self.styled(&text.lines, &text)
    }

    /// `lines` of `text`, styled.
    fn styled(&self, lines: &[HelpLine], text: &HelpText) -> Vec<Line<'static>> {
        let theme = self.theme;
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
            let lines = self.styled(part, &text);
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
        let footer = format!(" {more}any other key closes");
        buf.set_stringn(
            inner.x,
            inner.bottom() - 1,
            &footer,
            inner.width as usize,
            theme.dim(),
        );
    }
}
