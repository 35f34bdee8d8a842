//! What is drawn over the board: the details of a moment, the comments of a stage or the
//! journey, the moment-of-truth and export menus, and the questions. Their keys and hints come from their contexts' key tables.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::comments::{CommentList, comment_height};
use super::input_window;
use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, DetailField, DetailRow, ExportChoice, Mode, Question, TextTarget};
use crate::input::TextInput;
use crate::keymap::{Context, KIND_CHOICES, KeyMap};
use crate::layout::centered;
use crate::model::{Kind, Moment, join_list};
use crate::text::{truncate, wrap};

/// Draws the popup on top, if one is open; returns the cursor while a field is typed in.
pub fn render_popups(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Option<Position> {
    let keys = app.keymap();
    match app.mode() {
        Mode::Details { field, editing } => DetailsView {
            moment: app.selected_moment()?,
            stage: app
                .selected_stage()
                .map(|s| s.name.as_str())
                .unwrap_or_default(),
            field: *field,
            editing: editing.as_ref(),
            read_only: app.is_read_only(),
            keys,
            theme,
        }
        .draw(area, buf),
        Mode::EditText {
            target: TextTarget::Comment { on, .. },
            input,
        } => LongTextField {
            title: format!("Comment on {}", app.comment_place(*on)?),
            byline: Some(format!(
                "{} · {}",
                app.author(),
                crate::utc::readable(&app.utc_now())
            )),
            keeping: "adds it",
            input,
            keys,
            theme,
        }
        .draw(area, buf),
        Mode::EditText {
            target: target @ (TextTarget::StageDescription(_) | TextTarget::JourneyDescription),
            input,
        } => LongTextField {
            title: match target {
                TextTarget::StageDescription(id) => {
                    let stage = app.journey().stage_index(*id)?;
                    format!(
                        "Description of stage {}",
                        crate::text::quoted(&app.journey().stages()[stage].name)
                    )
                }
                _ => "Description of the journey".to_owned(),
            },
            byline: None,
            keeping: "keeps it",
            input,
            keys,
            theme,
        }
        .draw(area, buf),
        Mode::Comments { on, row } => {
            super::comments::CommentsView {
                place: app.comment_place(*on)?,
                comments: app.journey().comments(*on)?,
                row: *row,
                read_only: app.is_read_only(),
                keys,
                theme,
            }
            .render(area, buf);
            None
        }
        Mode::PickKind { highlighted } => {
            KindMenu {
                current: app.selected_moment().and_then(|m| m.kind),
                highlighted: *highlighted,
                keys,
                theme,
            }
            .render(area, buf);
            None
        }
        Mode::PickExport {
            choices,
            highlighted,
        } => {
            ExportMenu {
                choices,
                highlighted: *highlighted,
                keys,
                theme,
            }
            .render(area, buf);
            None
        }
        Mode::Confirm(_) => {
            QuestionView {
                question: app.question()?,
                theme,
            }
            .render(area, buf);
            None
        }
        Mode::Help { scroll } => {
            super::help::HelpView {
                keys,
                scroll: *scroll,
                theme,
            }
            .render(area, buf);
            None
        }
        _ => None,
    }
}

/// Clears `area` for a popup and draws its frame. Wide characters (Korean, Chinese) that
/// straddle the popup's edges are blanked, or the terminal would draw them over the border.
pub(super) fn popup_frame(area: Rect, buf: &mut Buffer, title: &str, theme: &Theme) -> Rect {
    Clear.render(area, buf);
    mend_wide_seams(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.popup_border())
        .title(Line::styled(format!(" {title} "), theme.popup_border()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Blanks wide characters (Korean, Chinese) whose second half the popup's left edge covers:
/// left in place, the terminal would draw them over the border. On the right edge nothing
/// is needed: a wide character starting inside the popup is cleared whole.
fn mend_wide_seams(area: Rect, buf: &mut Buffer) {
    if area.left() == buf.area.left() {
        return;
    }
    let x = area.left() - 1;
    for y in area.top()..area.bottom() {
        if buf[(x, y)].symbol().width() > 1 {
            buf[(x, y)].set_symbol(" ");
        }
    }
}

/// Every field of a moment, one being typed into or not, then its comments.
struct DetailsView<'a> {
    moment: &'a Moment,
    stage: &'a str,
    /// The highlighted field.
    field: usize,
    editing: Option<&'a TextInput>,
    read_only: bool,
    keys: &'a KeyMap,
    theme: &'a Theme,
}

/// The width of the details' field names.
pub(super) const LABEL: u16 = 10;

impl DetailsView<'_> {
    /// Draws the popup. Everything is laid out on a scratch buffer as tall as it needs,
    /// and the rows around the highlighted field (and the cursor, while typing) are shown:
    /// at any size every field can be reached and read whole, with how much is above and
    /// below on the frame.
    fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let value_room = 76usize.min(area.width as usize).saturating_sub(13);
        let wanted = self.content_rows(value_room) + 3;
        let popup = centered(area, 76, (wanted as u16).max(8));
        let title = truncate(
            &format!("Moment in {}", self.stage),
            popup.width.saturating_sub(6) as usize,
        );
        let inner = popup_frame(popup, buf, &title, theme);
        if inner.width < 16 || inner.height < 3 {
            return None;
        }
        let footer = inner.bottom() - 1;
        let view = footer - inner.y;
        let room = (inner.width - LABEL - 1) as usize;
        let rows = self.content_rows(room) as u16;
        let mut scratch = Buffer::empty(Rect::new(inner.x, 0, inner.width, rows.max(1)));
        let (wanted_in_view, cursor) = self.render_content(&mut scratch, room);
        let offset = scroll_to(wanted_in_view, view, rows);
        for row in 0..view.min(rows.saturating_sub(offset)) {
            for x in inner.x..inner.right() {
                buf[(x, inner.y + row)] = scratch[(x, offset + row)].clone();
            }
        }
        let (above, below) = (offset, rows.saturating_sub(offset + view));
        if above > 0 {
            let mark = format!(" ↑ {above} more ");
            buf.set_string(
                popup.right() - 2 - width_of(&mark),
                popup.y,
                mark,
                theme.dim(),
            );
        }
        if below > 0 {
            let mark = format!(" ↓ {below} more ");
            buf.set_string(
                popup.right() - 2 - width_of(&mark),
                popup.bottom() - 1,
                mark,
                theme.dim(),
            );
        }
        buf.set_stringn(
            inner.x,
            footer,
            truncate(&self.hint(), inner.width as usize),
            inner.width as usize,
            theme.dim(),
        );
        cursor
            .filter(|at| at.y >= offset && at.y < offset + view)
            .map(|at| Position::new(at.x, inner.y + at.y - offset))
    }

    /// How many rows every field and the comments take, values `room` wide.
    fn content_rows(&self, room: usize) -> usize {
        let fields: usize = DetailField::ALL
            .iter()
            .enumerate()
            .map(|(index, field)| match (index == self.field, self.editing) {
                (true, Some(input)) => input_rows(input, room),
                _ => detail_value(self.moment, *field, room, index == self.field, self.theme)
                    .0
                    .len(),
            })
            .sum();
        let comments = &self.moment.comments;
        let comment_rows: usize = comments.iter().map(|c| comment_height(c, room)).sum();
        fields + comment_rows + usize::from(!comments.is_empty())
    }

    /// Lays everything out from the top of `scratch`; returns the rows that must be in
    /// view (the highlighted field, or the cursor's row while typing) and the cursor.
    fn render_content(&self, scratch: &mut Buffer, room: usize) -> ((u16, u16), Option<Position>) {
        let area = scratch.area;
        let mut y = 0u16;
        let mut cursor = None;
        let mut wanted = (0, 1);
        for (index, field) in DetailField::ALL.iter().enumerate() {
            let label_style = if index == self.field {
                self.theme.highlight()
            } else {
                self.theme.dim()
            };
            scratch.set_stringn(
                area.x,
                y,
                format!(" {:<w$}", field.label(), w = LABEL as usize - 1),
                LABEL as usize,
                label_style,
            );
            let value = Rect {
                x: area.x + LABEL + 1,
                y,
                width: room as u16,
                height: area.height - y,
            };
            let (rows, found) = match (index == self.field, self.editing) {
                (true, Some(input)) => self.render_input(value, scratch, input),
                _ => (
                    self.render_value(value, scratch, *field, index == self.field),
                    None,
                ),
            };
            if index == self.field {
                wanted = match found {
                    Some(at) => (at.y, at.y + 1),
                    None => (y, y + rows),
                };
            }
            cursor = cursor.or(found);
            y += rows;
        }
        if y < area.height {
            if let DetailRow::Comment(index) = DetailRow::at(self.field) {
                let before: usize = self.moment.comments[..index.min(self.moment.comments.len())]
                    .iter()
                    .map(|c| comment_height(c, room))
                    .sum();
                let start = y + 1 + before as u16;
                let height = self
                    .moment
                    .comments
                    .get(index)
                    .map_or(1, |c| comment_height(c, room));
                wanted = (start, start + height as u16);
            }
            self.render_comments(
                Rect {
                    y,
                    height: area.height - y,
                    ..area
                },
                scratch,
            );
        }
        (wanted, cursor)
    }

    /// The comments under the fields, the highlighted one in view.
    fn render_comments(&self, area: Rect, buf: &mut Buffer) {
        let highlighted = match DetailRow::at(self.field) {
            DetailRow::Comment(index) => Some(index),
            DetailRow::Field(_) => None,
        };
        CommentList {
            comments: &self.moment.comments,
            highlighted,
            theme: self.theme,
        }
        .render(area, buf);
    }

    /// The field being typed into, hard-wrapped when it spans lines; the rows it took
    /// and the cursor.
    fn render_input(
        &self,
        area: Rect,
        buf: &mut Buffer,
        input: &TextInput,
    ) -> (u16, Option<Position>) {
        let room = area.width as usize;
        let (lines, at) = if input.is_multiline() {
            multiline_layout(input.text(), input.cursor_byte(), room)
        } else {
            let (shown, at) = input_window(input, room);
            (vec![shown], (0, at))
        };
        for (row, line) in lines.iter().enumerate() {
            let y = area.y + row as u16;
            if y >= area.bottom() {
                break;
            }
            buf.set_stringn(
                area.x,
                y,
                crate::text::pad(line, room),
                room,
                self.theme.input(),
            );
        }
        let cursor = Position::new(area.x + at.1, (area.y + at.0).min(area.bottom() - 1));
        (lines.len().max(1) as u16, Some(cursor))
    }

    /// A field's value (in full when `full`); the rows it took.
    fn render_value(&self, area: Rect, buf: &mut Buffer, field: DetailField, full: bool) -> u16 {
        let (lines, style) =
            detail_value(self.moment, field, area.width as usize, full, self.theme);
        let mut rows = 0;
        for line in lines {
            if rows >= area.height {
                break;
            }
            buf.set_stringn(area.x, area.y + rows, &line, area.width as usize, style);
            rows += 1;
        }
        rows
    }

    /// The keys that matter now, as the tables have them.
    fn hint(&self) -> String {
        let typing = |a| self.keys.first_label(Context::Typing, a);
        let details = |a| self.keys.first_label(Context::Details, a);
        let both = |a, b| self.keys.joined(Context::Details, &[a, b], "");
        match self.editing {
            Some(input) if input.is_multiline() => format!(
                " {} keeps · {} new line · {} cancels",
                typing(Action::KeepText),
                self.keys
                    .label(Context::Typing, Action::NewLine)
                    .split(' ')
                    .collect::<Vec<_>>()
                    .join(" or "),
                typing(Action::CancelText)
            ),
            Some(_) => format!(
                " {} keeps · {} cancels",
                typing(Action::KeepText),
                typing(Action::CancelText)
            ),
            None if self.read_only => format!(
                " {} field · {} comment · {} close · read-only",
                both(Action::PreviousField, Action::NextField),
                details(Action::AddComment),
                details(Action::Close)
            ),
            None if matches!(DetailRow::at(self.field), DetailRow::Comment(_)) => format!(
                " {} row · {} resolve or reopen · {} comment · {} undo · {} close",
                both(Action::PreviousField, Action::NextField),
                details(Action::ResolveComment),
                details(Action::AddComment),
                details(Action::Undo),
                details(Action::Close)
            ),
            None => format!(
                " {} field · {} edit · {} change · {} comment · {} undo · {} close",
                both(Action::PreviousField, Action::NextField),
                details(Action::EditField),
                both(Action::PreviousValue, Action::NextValue),
                details(Action::AddComment),
                details(Action::Undo),
                details(Action::Close)
            ),
        }
    }
}

/// A field's value as display lines and their style.
/// A field's value as lines `room` wide: long texts cut to a few lines, unless `full` (the
/// highlighted field), which shows them whole.
fn detail_value(
    moment: &Moment,
    field: DetailField,
    room: usize,
    full: bool,
    theme: &Theme,
) -> (Vec<String>, Style) {
    let most = |lines: usize| if full { usize::MAX } else { lines };
    let none = |what: &str| (vec![format!("({what})")], theme.dim());
    if let Some(list) = field.list() {
        let names = moment.list(list);
        return if names.is_empty() {
            none("none")
        } else {
            // As it is typed: a comma inside a name shows as `\,`.
            (wrap(&join_list(names), room, most(2)), Style::new())
        };
    }
    match field {
        DetailField::Title => (wrap(&moment.title, room, most(3)), Style::new()),
        DetailField::Kind => match moment.kind {
            Some(kind) => (
                vec![truncate(
                    &format!("{} {}: {}", kind.badge(), kind.name(), kind.when()),
                    room,
                )],
                Style::new(),
            ),
            None => none("ordinary touchpoint"),
        },
        DetailField::Feeling => (
            vec![format!(
                "{} {} ({:+})",
                moment.feeling.symbol(),
                moment.feeling.label(),
                moment.feeling.value()
            )],
            theme.feeling(moment.feeling),
        ),
        DetailField::Target => match moment.target {
            Some(target) => (
                vec![format!(
                    "{} {} ({:+}) once the idea is done",
                    target.symbol(),
                    target.label(),
                    target.value()
                )],
                theme.feeling(target),
            ),
            None => none("not set"),
        },
        DetailField::Evidence => match moment.evidence {
            Some(evidence) => (vec![evidence.label().to_string()], Style::new()),
            None => none("not known"),
        },
        other => {
            let text = match other {
                DetailField::Channel => &moment.channel,
                DetailField::Owner => &moment.owner,
                DetailField::Notes => &moment.notes,
                _ => &moment.idea,
            };
            if text.is_empty() {
                none("empty")
            } else {
                let lines = if matches!(other, DetailField::Notes | DetailField::Idea) {
                    4
                } else {
                    1
                };
                (wrap(text, room, most(lines)), Style::new())
            }
        }
    }
}

/// The first row to show of `rows` in a view `view` rows tall so that `wanted` (a range of
/// rows) is in it: as little scrolling as that needs, from the top.
fn scroll_to(wanted: (u16, u16), view: u16, rows: u16) -> u16 {
    let (start, end) = wanted;
    // The end in view; a range taller than the view from its start.
    let offset = end.saturating_sub(view).min(start);
    offset.min(rows.saturating_sub(view))
}

/// How many rows a field being typed into takes, `room` wide.
fn input_rows(input: &TextInput, room: usize) -> usize {
    if input.is_multiline() {
        multiline_layout(input.text(), input.cursor_byte(), room)
            .0
            .len()
            .max(1)
    } else {
        1
    }
}

fn width_of(text: &str) -> u16 {
    text.width() as u16
}

/// Hard-wraps multi-line text being edited and finds the cursor's row and column.
fn multiline_layout(text: &str, cursor: usize, room: usize) -> (Vec<String>, (u16, u16)) {
    use unicode_segmentation::UnicodeSegmentation;
    let room = room.max(1);
    let mut lines = vec![String::new()];
    let mut at = (0u16, 0u16);
    let mut col = 0usize;
    for (offset, grapheme) in text.grapheme_indices(true) {
        if offset == cursor {
            at = ((lines.len() - 1) as u16, col as u16);
        }
        if grapheme == "\n" || grapheme == "\r\n" {
            lines.push(String::new());
            col = 0;
            continue;
        }
        let shown = if grapheme == "\t" { " " } else { grapheme };
        let w = shown.width();
        if col + w > room {
            lines.push(String::new());
            col = 0;
        }
        if let Some(last) = lines.last_mut() {
            last.push_str(shown);
        }
        col += w;
    }
    if cursor >= text.len() {
        if col >= room {
            lines.push(String::new());
            col = 0;
        }
        at = ((lines.len() - 1) as u16, col as u16);
    }
    (lines, at)
}

/// Long text being typed in a popup of its own (a new comment, a description): a title,
/// who signs it and when for a comment, and the text over as many lines as there is room
/// for, scrolled to keep the cursor in view.
struct LongTextField<'a> {
    /// “Comment on “Checkout””, “Description of the journey”.
    title: String,
    /// "Ana · 2026-12-04 05:12 UTC", for a comment.
    byline: Option<String>,
    /// What Enter does, for the footer: “adds it”, “keeps it”.
    keeping: &'static str,
    input: &'a TextInput,
    keys: &'a KeyMap,
    theme: &'a Theme,
}

/// The fewest lines of text a long text field shows.
const LONG_FIELD_LINES: u16 = 3;

impl LongTextField<'_> {
    fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let room = 64u16.min(area.width).saturating_sub(4) as usize;
        let (lines, at) = multiline_layout(self.input.text(), self.input.cursor_byte(), room);
        let text_rows = (lines.len() as u16).max(LONG_FIELD_LINES);
        let byline_rows = u16::from(self.byline.is_some());
        let popup = centered(area, 64, text_rows + 4 + byline_rows);
        let title = truncate(&self.title, popup.width.saturating_sub(6) as usize);
        let inner = popup_frame(popup, buf, &title, theme);
        if inner.width < 8 || inner.height < 3 + byline_rows {
            return None;
        }
        let field = Rect {
            x: inner.x + 1,
            y: inner.y + byline_rows,
            width: inner.width - 2,
            height: inner.height - 2 - byline_rows,
        };
        if let Some(byline) = &self.byline {
            buf.set_stringn(field.x, inner.y, byline, field.width as usize, theme.dim());
        }
        // As little scrolling as keeps the cursor's line in view.
        let skip = (at.0 + 1).saturating_sub(field.height);
        for row in 0..field.height {
            let line = lines
                .get(usize::from(row + skip))
                .map_or("", String::as_str);
            let text = crate::text::pad(line, field.width as usize);
            buf.set_stringn(
                field.x,
                field.y + row,
                text,
                field.width as usize,
                theme.input(),
            );
        }
        let typing = |a| self.keys.first_label(Context::Typing, a);
        let footer = format!(
            " {} {} · {} new line · {} cancels",
            typing(Action::KeepText),
            self.keeping,
            typing(Action::NewLine),
            typing(Action::CancelText)
        );
        footer_line(inner, buf, &footer, theme);
        Some(Position::new(field.x + at.1, field.y + at.0 - skip))
    }
}

/// A menu's keys for its footer: moving up and down, taking the row, closing.
fn menu_keys(keys: &KeyMap, menu: Context) -> [String; 3] {
    [
        keys.joined(menu, &[Action::MenuUp, Action::MenuDown], ""),
        keys.first_label(menu, Action::MenuChoose),
        keys.first_label(menu, Action::Close),
    ]
}

/// A popup's last line, dim: what to press.
fn footer_line(inner: Rect, buf: &mut Buffer, text: &str, theme: &Theme) {
    buf.set_stringn(
        inner.x,
        inner.bottom().saturating_sub(1),
        text,
        inner.width as usize,
        theme.dim(),
    );
}

/// The moment-of-truth menu: a row per kind with its key, what it is, and which the moment
/// has now.
struct KindMenu<'a> {
    current: Option<Kind>,
    highlighted: usize,
    keys: &'a KeyMap,
    theme: &'a Theme,
}

impl Widget for KindMenu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let popup = centered(area, 58, KIND_CHOICES.len() as u16 + 4);
        let inner = popup_frame(popup, buf, "Moment of truth", theme);
        for (row, action) in KIND_CHOICES.iter().enumerate() {
            let y = inner.y + row as u16;
            if y >= inner.bottom() {
                break;
            }
            let kind = action.kind_choice().flatten();
            let (badge, about) = match kind {
                Some(kind) => (kind.badge(), kind.when().to_string()),
                None => ("none", "an ordinary touchpoint".to_string()),
            };
            let mark = if kind == self.current { " (now)" } else { "" };
            let style = if row == self.highlighted {
                theme.highlight()
            } else {
                Style::new()
            };
            let key = self.keys.first_label(Context::KindMenu, *action);
            let line = Line::from(vec![
                Span::styled(format!(" {key}  "), theme.key()),
                Span::styled(format!("{badge:<5} "), style.patch(theme.selected_title())),
                Span::styled(
                    truncate(
                        &format!("{about}{mark}"),
                        inner.width.saturating_sub(10) as usize,
                    ),
                    style,
                ),
            ]);
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
        let [moves, choose, close] = menu_keys(self.keys, Context::KindMenu);
        let footer = format!(" {moves} and {choose} also work · {close} leaves it");
        footer_line(inner, buf, &footer, theme);
    }
}

/// The export menu: a row per format with its key, what it is good for, and the file it
/// writes beside the map (marked when one is there already).
struct ExportMenu<'a> {
    choices: &'a [ExportChoice],
    highlighted: usize,
    keys: &'a KeyMap,
    theme: &'a Theme,
}

impl Widget for ExportMenu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let popup = centered(area, 72, self.choices.len() as u16 * 2 + 4);
        let inner = popup_frame(popup, buf, "Export the map", theme);
        let mut y = inner.y;
        for (row, choice) in self.choices.iter().enumerate() {
            if y + 1 >= inner.bottom() {
                break;
            }
            let style = if row == self.highlighted {
                theme.highlight()
            } else {
                Style::new()
            };
            let exists = if choice.exists { " (exists)" } else { "" };
            let room = inner.width.saturating_sub(15) as usize;
            let key = self.keys.first_label(Context::ExportMenu, choice.action);
            let lines = [
                Line::from(vec![
                    Span::styled(format!(" {key}  "), theme.key()),
                    Span::styled(
                        format!("{:<9}", choice.name()),
                        style.patch(theme.selected_title()),
                    ),
                    Span::styled(truncate(choice.purpose(), room), style),
                ]),
                Line::styled(
                    format!(
                        "              {}",
                        truncate(&format!("→ {}{exists}", choice.file_name()), room)
                    ),
                    theme.dim(),
                ),
            ];
            for line in lines {
                line.render(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    buf,
                );
                y += 1;
            }
        }
        let [moves, choose, close] = menu_keys(self.keys, Context::ExportMenu);
        let footer = format!(" Written beside the map, as it is now · {moves} {choose} · {close}");
        footer_line(inner, buf, &footer, theme);
    }
}

/// A question: its message, then each answer with its keys.
struct QuestionView<'a> {
    question: Question,
    theme: &'a Theme,
}

impl Widget for QuestionView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (question, theme) = (self.question, self.theme);
        let text_width = 56usize.min(area.width.saturating_sub(4) as usize);
        let message_lines = wrap(&question.message, text_width, 4);
        let height = message_lines.len() as u16 + question.answers.len() as u16 + 3;
        let popup = centered(area, text_width as u16 + 4, height);
        let inner = popup_frame(popup, buf, question.title, theme);
        let key_width = question
            .answers
            .iter()
            .map(|a| a.keys.width())
            .max()
            .unwrap_or(3)
            .max(3);
        let mut y = inner.y;
        for line in &message_lines {
            if y >= inner.bottom() {
                return;
            }
            buf.set_stringn(
                inner.x + 1,
                y,
                line,
                inner.width as usize - 1,
                theme.selected_title(),
            );
            y += 1;
        }
        y += 1;
        for answer in &question.answers {
            if y >= inner.bottom() {
                return;
            }
            let keys = format!(" {:>key_width$}  ", answer.keys);
            let room = (inner.width as usize).saturating_sub(keys.width() + 1);
            Line::from(vec![
                Span::styled(keys, theme.key()),
                Span::raw(truncate(&answer.text, room)),
            ])
            .render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_layout_places_the_cursor() {
        let (lines, at) = multiline_layout("ab\ncd", 4, 10);
        assert_eq!(lines, vec!["ab", "cd"]);
        assert_eq!(at, (1, 1));
        let (lines, at) = multiline_layout("가나다", 9, 4);
        assert_eq!(lines, vec!["가나", "다"]);
        assert_eq!(at, (1, 2));
    }
}
