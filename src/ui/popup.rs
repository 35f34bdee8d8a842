//! What is drawn over the board: the details of a moment, the moment-of-truth menu,
//! questions, and the help overlay made from the key map.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::input_window;
use super::theme::Theme;
use crate::action::Group;
use crate::app::{App, Confirm, DetailField, Mode, ViewState};
use crate::model::Moment;
use crate::text::{truncate, wrap};
use crate::update::{EXPORT_MENU, KIND_MENU};

pub fn render_popups(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    view: &mut ViewState,
) -> Option<Position> {
    match &app.mode {
        Mode::Details { field, editing } => {
            let moment = app.selected_moment()?;
            render_details(area, buf, app, moment, *field, editing.as_ref())
        }
        Mode::PickKind { highlighted } => {
            render_kind_menu(area, buf, app, *highlighted);
            None
        }
        Mode::PickExport { highlighted } => {
            render_export_menu(area, buf, app, *highlighted);
            None
        }
        Mode::Confirm(question) => {
            render_confirm(area, buf, app, question);
            None
        }
        Mode::Help { scroll } => {
            view.help_max_scroll = render_help(area, buf, app, *scroll);
            None
        }
        _ => None,
    }
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Clears `area` for a popup and draws its frame. Wide characters (Korean, Chinese) that
/// straddle the popup's edges are blanked, or the terminal would draw them over the border.
fn popup_frame(area: Rect, buf: &mut Buffer, title: &str, theme: &Theme) -> Rect {
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

fn render_details(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    moment: &Moment,
    selected: usize,
    editing: Option<&crate::input::TextInput>,
) -> Option<Position> {
    let theme = &app.theme;
    let value_room = 76usize.min(area.width as usize).saturating_sub(13);
    let wanted: usize = DetailField::ALL
        .iter()
        .map(|f| detail_value(moment, *f, value_room, theme).0.len())
        .sum::<usize>()
        + 4;
    let popup = centered(area, 76, (wanted as u16).max(8));
    let stage = app
        .selected_stage()
        .map(|s| s.name.as_str())
        .unwrap_or_default();
    let title = truncate(
        &format!("Moment in {stage}"),
        popup.width.saturating_sub(6) as usize,
    );
    let inner = popup_frame(popup, buf, &title, theme);
    if inner.width < 16 || inner.height < 3 {
        return None;
    }
    const LABEL: u16 = 10;
    let value_width = (inner.width - LABEL - 1) as usize;
    let footer = inner.bottom() - 1;
    let mut y = inner.y;
    let mut cursor = None;
    for (index, field) in DetailField::ALL.iter().enumerate() {
        if y >= footer {
            break;
        }
        let is_selected = index == selected;
        let label_style = if is_selected {
            theme.highlight()
        } else {
            theme.dim()
        };
        buf.set_stringn(
            inner.x,
            y,
            format!(" {:<w$}", field.label(), w = LABEL as usize - 1),
            LABEL as usize,
            label_style,
        );
        let x = inner.x + LABEL + 1;
        if let (true, Some(input)) = (is_selected, editing) {
            let (lines, at) = if input.is_multiline() {
                multiline_layout(input.text(), input.cursor_byte(), value_width)
            } else {
                let (shown, at) = input_window(input, value_width);
                (vec![shown], (0, at))
            };
            for (row, line) in lines.iter().enumerate() {
                let row_y = y + row as u16;
                if row_y >= footer {
                    break;
                }
                buf.set_stringn(
                    x,
                    row_y,
                    crate::text::pad(line, value_width),
                    value_width,
                    theme.input(),
                );
            }
            cursor = Some(Position::new(x + at.1, (y + at.0).min(footer - 1)));
            y += lines.len().max(1) as u16;
            continue;
        }
        let (lines, style) = detail_value(moment, *field, value_width, theme);
        for line in lines {
            if y >= footer {
                break;
            }
            buf.set_stringn(x, y, &line, value_width, style);
            y += 1;
        }
    }
    let hint = if editing.is_some_and(|i| i.is_multiline()) {
        " Enter keeps · Alt-Enter or Ctrl-j new line · Esc cancels"
    } else if editing.is_some() {
        " Enter keeps · Esc cancels"
    } else if app.read_only {
        " ↑↓ field · Esc close · read-only"
    } else {
        " ↑↓ field · Enter edit · ←→ change · u undo · Esc close"
    };
    buf.set_stringn(
        inner.x,
        footer,
        truncate(hint, inner.width as usize),
        inner.width as usize,
        theme.dim(),
    );
    cursor
}

/// A field's value as display lines and their style.
fn detail_value(
    moment: &Moment,
    field: DetailField,
    room: usize,
    theme: &Theme,
) -> (Vec<String>, Style) {
    let none = |what: &str| (vec![format!("({what})")], theme.dim());
    match field {
        DetailField::Title => (wrap(&moment.title, room, 3), Style::new()),
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
        DetailField::Evidence => match moment.evidence {
            Some(evidence) => (vec![evidence.label().to_string()], Style::new()),
            None => none("not known"),
        },
        DetailField::Tags if moment.tags.is_empty() => none("none"),
        DetailField::Tags => (wrap(&moment.tags.join(", "), room, 2), Style::new()),
        other => {
            let text = match other {
                DetailField::Channel => &moment.channel,
                DetailField::Persona => &moment.persona,
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
                (wrap(text, room, lines), Style::new())
            }
        }
    }
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

fn render_kind_menu(area: Rect, buf: &mut Buffer, app: &App, highlighted: usize) {
    let theme = &app.theme;
    let popup = centered(area, 58, KIND_MENU.len() as u16 + 4);
    let inner = popup_frame(popup, buf, "Moment of truth", theme);
    let current = app.selected_moment().and_then(|m| m.kind);
    for (row, (key, kind)) in KIND_MENU.iter().enumerate() {
        let y = inner.y + row as u16;
        if y >= inner.bottom() {
            break;
        }
        let (badge, about) = match kind {
            Some(kind) => (kind.badge(), kind.when().to_string()),
            None => ("none", "an ordinary touchpoint".to_string()),
        };
        let mark = if *kind == current { " (now)" } else { "" };
        let style = if row == highlighted {
            theme.highlight()
        } else {
            Style::new()
        };
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
    let y = inner.bottom().saturating_sub(1);
    buf.set_stringn(
        inner.x,
        y,
        " ↑↓ and Enter also work · Esc leaves it",
        inner.width as usize,
        theme.dim(),
    );
}

fn render_export_menu(area: Rect, buf: &mut Buffer, app: &App, highlighted: usize) {
    let theme = &app.theme;
    let popup = centered(area, 72, EXPORT_MENU.len() as u16 * 2 + 4);
    let inner = popup_frame(popup, buf, "Export the map", theme);
    let mut y = inner.y;
    for (row, (key, format)) in EXPORT_MENU.iter().enumerate() {
        if y + 1 >= inner.bottom() {
            break;
        }
        let style = if row == highlighted {
            theme.highlight()
        } else {
            Style::new()
        };
        let path = crate::share::export_path(&app.document.path, *format);
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let exists = if path.exists() { " (exists)" } else { "" };
        let room = inner.width.saturating_sub(15) as usize;
        let lines = [
            Line::from(vec![
                Span::styled(format!(" {key}  "), theme.key()),
                Span::styled(
                    format!("{:<9}", format.name()),
                    style.patch(theme.selected_title()),
                ),
                Span::styled(truncate(format.purpose(), room), style),
            ]),
            Line::styled(
                format!(
                    "              {}",
                    truncate(&format!("→ {file}{exists}"), room)
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
    buf.set_stringn(
        inner.x,
        inner.bottom().saturating_sub(1),
        " Written beside the map, as it is now · ↑↓ Enter · Esc",
        inner.width as usize,
        theme.dim(),
    );
}

fn render_confirm(area: Rect, buf: &mut Buffer, app: &App, question: &Confirm) {
    let theme = &app.theme;
    let file = app.file_name();
    let undo = app.keymap.first_label(crate::action::Action::Undo);
    let (title, message, options): (&str, String, Vec<(&str, String)>) = match question {
        Confirm::Quit => (
            "Unsaved changes",
            format!("Save your changes to {file} before quitting?"),
            vec![
                ("y", "save, then quit".into()),
                ("n", "quit without saving".into()),
                ("Esc", "stay in motmap".into()),
            ],
        ),
        Confirm::DeleteStage(id) => {
            let (name, count) = app
                .journey()
                .stage_index(*id)
                .map(|i| &app.journey().stages()[i])
                .map(|s| (s.name.clone(), s.moments.len()))
                .unwrap_or_default();
            (
                "Delete stage",
                format!(
                    "Delete the stage “{name}” and its {}?",
                    crate::text::plural(count, "moment", "moments")
                ),
                vec![
                    ("y", format!("delete it ({undo} brings it back)")),
                    ("n", "keep it".into()),
                ],
            )
        }
        Confirm::Overwrite => (
            "Changed on disk",
            format!(
                "{file} changed on disk since you opened it: another editor, a sync or a git pull?"
            ),
            vec![
                (
                    "o",
                    format!("overwrite it with yours (theirs is kept as {file}~)"),
                ),
                ("r", format!("reload theirs ({undo} brings yours back)")),
                ("Esc", "do nothing for now".into()),
            ],
        ),
        Confirm::Locked(holder) => (
            "Open elsewhere",
            format!(
                "{file} is open in another motmap: {}. Two people editing one map at once risk overwriting each other.",
                holder.describe()
            ),
            vec![
                ("r", "read it here, following their saves (Esc too)".into()),
                (
                    "e",
                    "edit anyway (saving asks before overwriting theirs)".into(),
                ),
                ("q", "quit".into()),
            ],
        ),
        Confirm::OverwriteExport(format) => {
            let path = crate::share::export_path(&app.document.path, *format);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            (
                "File exists",
                format!(
                    "{name} exists. Write this {} export over it?",
                    format.name()
                ),
                vec![
                    ("y", "write over it".into()),
                    ("n", "leave it as it is (Esc too)".into()),
                ],
            )
        }
        Confirm::Restore(path) => (
            "Recover unsaved changes",
            format!(
                "motmap stopped before these changes to {file} were saved. They were kept in {}.",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ),
            vec![
                ("r", format!("restore them ({undo} undoes it)")),
                ("d", "delete the recovery file".into()),
                ("Esc", "decide later".into()),
            ],
        ),
    };
    let text_width = 56usize.min(area.width.saturating_sub(4) as usize);
    let message_lines = wrap(&message, text_width, 4);
    let height = message_lines.len() as u16 + options.len() as u16 + 3;
    let popup = centered(area, text_width as u16 + 4, height);
    let inner = popup_frame(popup, buf, title, theme);
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
    for (key, what) in options {
        if y >= inner.bottom() {
            return;
        }
        let line = Line::from(vec![
            Span::styled(format!(" {key:>3}  "), theme.key()),
            Span::raw(truncate(&what, inner.width.saturating_sub(7) as usize)),
        ]);
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

/// The help lines for a popup `width` columns wide: every action with its keys, by group,
/// then the keys of text fields and what the symbols on cards mean. Long descriptions wrap
/// under themselves.
pub fn help_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let key_width = crate::action::Action::ALL
        .iter()
        .map(|a| unicode_width::UnicodeWidthStr::width(app.keymap.label(*a).as_str()))
        .max()
        .unwrap_or(8)
        .min(16);
    let description_width = (width as usize).saturating_sub(key_width + 4).max(10);
    let row = |keys: &str, what: &str| -> Vec<Line<'static>> {
        wrap(what, description_width, 4)
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let keys = if i == 0 { keys } else { "" };
                Line::from(vec![
                    Span::styled(format!("  {keys:>key_width$}  "), theme.key()),
                    Span::raw(part),
                ])
            })
            .collect()
    };
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for group in Group::ALL {
        let rows = crate::action::Action::ALL
            .iter()
            .filter(|a| a.group() == group)
            .map(|a| (app.keymap.label(*a), a.description().to_string()))
            .collect();
        sections.push((group.title().to_string(), rows));
    }
    let fixed = |rows: &[(&str, &str)]| -> Vec<(String, String)> {
        rows.iter()
            .map(|(k, w)| (k.to_string(), w.to_string()))
            .collect()
    };
    sections.push((
        "While typing".into(),
        fixed(&[
            ("Enter", "keep the text"),
            ("Esc", "cancel and keep the old text"),
            ("← → Home End", "move the cursor (Ctrl-a, Ctrl-e too)"),
            ("Backspace Del", "erase"),
            ("Ctrl-w", "erase the word before the cursor"),
            (
                "Ctrl-u Ctrl-k",
                "erase to the start, to the end of the line",
            ),
            ("Alt-Enter", "new line in notes and ideas (or Ctrl-j)"),
        ]),
    ));
    sections.push((
        "On the cards".into(),
        fixed(&[
            ("-- -", "deep pain, pain (in reds)"),
            ("+ ++", "glory, deep glory (in green and gold)"),
            ("ZMOT", "a moment of truth: heavy border and a badge"),
            ("double", "the border of the selected card"),
        ]),
    ));
    let mut out = Vec::new();
    for (title, rows) in sections {
        out.push(Line::styled(title, theme.selected_title()));
        for (keys, what) in rows {
            out.extend(row(&keys, &what));
        }
        out.push(Line::raw(""));
    }
    out.pop();
    out
}

/// Draws the help overlay and returns how far it can scroll at this size.
fn render_help(area: Rect, buf: &mut Buffer, app: &App, scroll: u16) -> u16 {
    let theme = &app.theme;
    let popup = centered(area, 80, area.height);
    let inner = popup_frame(popup, buf, "Keys", theme);
    if inner.height < 2 {
        return 0;
    }
    let lines = help_lines(app, inner.width);
    let body = inner.height - 1;
    let max_scroll = (lines.len() as u16).saturating_sub(body);
    let scroll = scroll.min(max_scroll);
    for (row, line) in lines
        .iter()
        .skip(scroll as usize)
        .take(body as usize)
        .enumerate()
    {
        line.render(
            Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
    let more = if max_scroll > scroll {
        "↓ j for more · "
    } else {
        ""
    };
    let footer = format!(" {more}any other key closes");
    buf.set_stringn(
        inner.x,
        inner.bottom() - 1,
        &footer,
        inner.width as usize,
        theme.dim(),
    );
    max_scroll
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
