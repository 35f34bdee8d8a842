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
use crate::layout::{centered, help_text_area};
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
        let theme = self.theme;
        let HelpText {
            lines,
            key_width,
            text_width,
        } = self.keys.help_text(columns);
        lines
            .into_iter()
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
        let popup = centered(area, 80, area.height);
        let inner = popup_frame(popup, buf, "Keys", theme);
        if inner.height < 2 {
            return;
        }
        let text = help_text_area(area);
        let lines = self.lines(text.width);
        let max_scroll = (lines.len() as u16).saturating_sub(text.height);
        let scroll = self.scroll.min(max_scroll);
        for (row, line) in lines
            .iter()
            .skip(scroll as usize)
            .take(text.height as usize)
            .enumerate()
        {
            line.render(
                Rect {
                    y: text.y + row as u16,
                    height: 1,
                    ..text
                },
                buf,
            );
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
