//! The command line's candidates: while Tab goes through them, a bar over the status line
//! lists those that fit around the one on the line, in brackets, and which of how many
//! it is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::theme::Theme;
use crate::command::Completion;
use crate::text::width;

/// The candidates Tab goes through, for one frame.
pub struct Candidates<'a> {
    pub completion: &'a Completion,
    pub theme: &'a Theme,
}

impl Widget for Candidates<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Completion { candidates, at, .. } = self.completion;
        let theme = self.theme;
        Clear.render(area, buf);
        buf.set_style(area, theme.title_bar());
        let count = format!(" {}/{} ", at + 1, candidates.len());
        let shown = |i: usize| -> String {
            if i == *at {
                format!("[{}]", candidates[i])
            } else {
                format!(" {} ", candidates[i])
            }
        };
        // The candidates from `first` on, as many as fit beside the count and the marks
        // of those left out, with the one on the line among them.
        let room = (area.width as usize).saturating_sub(width(&count) + 2);
        let fits =
            |from: usize, to: usize| (from..=to).map(|i| width(&shown(i))).sum::<usize>() <= room;
        let mut first = 0;
        while first < *at && !fits(first, *at) {
            first += 1;
        }
        let mut last = (*at).min(candidates.len() - 1);
        while last + 1 < candidates.len() && fits(first, last + 1) {
            last += 1;
        }
        let mut spans = vec![Span::raw(if first > 0 { "…" } else { " " })];
        for i in first..=last {
            let style = if i == *at {
                theme.highlight()
            } else {
                theme.title_bar()
            };
            spans.push(Span::styled(shown(i), style));
        }
        spans.push(Span::raw(if last + 1 < candidates.len() {
            "…"
        } else {
            " "
        }));
        Line::from(spans).render(area, buf);
        let x = area.right().saturating_sub(width(&count) as u16);
        buf.set_string(x, area.y, &count, theme.title_bar());
    }
}
