//! Comments as they are read: a list with a heading saying how many are open, each with
//! `open` or `resolved` in words, its author and time, and its text (under a moment's
//! fields in its details, and in the popup for a stage's or the journey's comments).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::popup::{LABEL, popup_frame};
use super::theme::Theme;
use crate::action::Action;
use crate::keymap::{Context, KeyMap};
use crate::layout::centered;
use crate::model::{Comment, open_count};
use crate::text::{truncate, wrap};

/// The most lines of a comment's text a list shows.
const COMMENT_LINES: usize = 3;

/// Comments, the highlighted one in view: the list starts late enough to show it.
pub struct CommentList<'a> {
    pub comments: &'a [Comment],
    pub highlighted: Option<usize>,
    pub theme: &'a Theme,
}

impl Widget for CommentList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let comments = self.comments;
        if comments.is_empty() || area.height == 0 {
            return;
        }
        let theme = self.theme;
        let value_width = area.width.saturating_sub(LABEL + 1) as usize;
        let highlighted = self.highlighted;
        let first = first_comment_shown(comments, highlighted, value_width, area.height);
        let mut heading = format!("{} open of {}", open_count(comments), comments.len());
        if first > 0 {
            heading.push_str(&format!(", {first} above"));
        }
        buf.set_stringn(
            area.x,
            area.y,
            format!(" {:<9}", "Comments"),
            LABEL as usize,
            theme.dim(),
        );
        buf.set_stringn(
            area.x + LABEL + 1,
            area.y,
            &heading,
            value_width,
            theme.dim(),
        );
        let mut y = area.y + 1;
        for (index, comment) in comments.iter().enumerate().skip(first) {
            if y >= area.bottom() {
                break;
            }
            let label_style = if Some(index) == highlighted {
                theme.highlight()
            } else {
                theme.dim()
            };
            let state = if comment.resolved { "resolved" } else { "open" };
            buf.set_stringn(
                area.x,
                y,
                format!(" {state:<9}"),
                LABEL as usize,
                label_style,
            );
            let text_style = if comment.resolved {
                theme.dim()
            } else {
                Style::new()
            };
            // "Ana · 2026-12-04 05:12 UTC": who wrote it, and when.
            let byline = crate::outline::byline(comment, " · ");
            let mut lines = vec![(byline, theme.dim())];
            lines.extend(
                wrap(&comment.text, value_width, COMMENT_LINES)
                    .into_iter()
                    .map(|line| (line, text_style)),
            );
            for (line, style) in lines {
                if y >= area.bottom() {
                    break;
                }
                buf.set_stringn(area.x + LABEL + 1, y, &line, value_width, style);
                y += 1;
            }
        }
    }
}

/// The popup listing the comments on a stage or the journey: `↑` `↓` choose one, `r`
/// resolves it (or opens it again), `c` adds one.
pub struct CommentsView<'a> {
    /// `stage “Buy”`, `the journey`.
    pub place: String,
    pub comments: &'a [Comment],
    pub row: usize,
    pub read_only: bool,
    pub keys: &'a KeyMap,
    pub theme: &'a Theme,
}

impl Widget for CommentsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 72u16.min(area.width);
        let room = width.saturating_sub(4 + LABEL + 1) as usize;
        let rows: usize = self.comments.iter().map(|c| comment_height(c, room)).sum();
        let popup = centered(area, width, (rows as u16 + 4).max(6));
        let title = truncate(
            &format!("Comments on {}", self.place),
            popup.width.saturating_sub(6) as usize,
        );
        let inner = popup_frame(popup, buf, &title, self.theme);
        if inner.width < 16 || inner.height < 3 {
            return;
        }
        let list = Rect {
            height: inner.height - 1,
            ..inner
        };
        if self.comments.is_empty() {
            let add = self.keys.first_label(Context::Comments, Action::AddComment);
            buf.set_stringn(
                inner.x + 1,
                inner.y,
                format!("No comments yet: {add} adds one."),
                inner.width as usize - 1,
                self.theme.dim(),
            );
        }
        CommentList {
            comments: self.comments,
            highlighted: Some(self.row.min(self.comments.len().saturating_sub(1))),
            theme: self.theme,
        }
        .render(list, buf);
        buf.set_stringn(
            inner.x,
            inner.bottom() - 1,
            truncate(&self.hint(), inner.width as usize),
            inner.width as usize,
            self.theme.dim(),
        );
    }
}

impl CommentsView<'_> {
    fn hint(&self) -> String {
        let key = |a| self.keys.first_label(Context::Comments, a);
        let choose = self
            .keys
            .joined(Context::Comments, &[Action::MenuUp, Action::MenuDown], "");
        let resolve = if self.read_only {
            String::new()
        } else {
            format!(" · {} resolve", key(Action::ResolveComment))
        };
        format!(
            " {choose} choose{resolve} · {} comment · {} close",
            key(Action::AddComment),
            key(Action::Close)
        )
    }
}

/// The rows a comment takes in a list: its author and time, then its text.
pub(super) fn comment_height(comment: &Comment, width: usize) -> usize {
    1 + wrap(&comment.text, width, COMMENT_LINES).len()
}

/// The first comment to show in `rows` (under the heading) so that the highlighted one
/// is in view: the first of all when it fits.
fn first_comment_shown(
    comments: &[Comment],
    highlighted: Option<usize>,
    width: usize,
    rows: u16,
) -> usize {
    let Some(last) = highlighted else {
        return 0;
    };
    let room = usize::from(rows.saturating_sub(1));
    let mut first = last;
    let mut used = comment_height(&comments[last], width);
    while first > 0 && used + comment_height(&comments[first - 1], width) <= room {
        first -= 1;
        used += comment_height(&comments[first], width);
    }
    first
}
