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
        styled(self.keys.help_text(columns), self.theme)
    }
}

/// Help laid out as text, styled: keys in the key colour, the actions' names faint.
fn styled(text: HelpText, theme: &Theme) -> Vec<Line<'static>> {
    let HelpText {
        lines,
        key_width,
        text_width,
    } = text;
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
        let more = if max_scroll > scroll {
            let down = self.keys.label(Context::Help, Action::ScrollDown);
            format!("{down} for more · ")
        } else {
            String::new()
        };
        let shown = lines.into_iter().skip(scroll as usize).collect();
        draw_text(
            inner,
            buf,
            shown,
            &format!(" {more}any other key closes"),
            theme,
        );
    }
}

/// Help's `lines` in a popup's `inner` area, as many as fit above its last row, and `foot`
/// on that row.
fn draw_text(inner: Rect, buf: &mut Buffer, lines: Vec<Line<'static>>, foot: &str, theme: &Theme) {
    let text = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    Paragraph::new(lines).render(text, buf);
    buf.set_stringn(
        inner.x,
        inner.bottom() - 1,
        foot,
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
        let columns = help_text_area(area).width;
        let lines = styled(self.keys.context_help(self.context, columns), theme);
        // The text, a line for the foot and the frame.
        let height = lines.len() as u16 + 3;
        let popup = centered(area, 80, height);
        let inner = popup_frame(popup, buf, "Keys", theme);
        if inner.height < 2 {
            return;
        }
        draw_text(inner, buf, lines, " any key closes", theme);
    }
}
