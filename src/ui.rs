//! The view: a pure function of the editor's state, drawn into a ratatui buffer. The same
//! code draws the live screen and the snapshot tests.

pub mod board;
pub mod curve;
pub mod popup;
pub mod present;
pub mod print;
pub mod summary;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::action::Action;
use crate::app::Screen;
use crate::app::{App, Mode, TextTarget, ViewState};
use crate::input::TextInput;
use crate::text::{self, truncate, width};
use theme::Theme;

/// Below this the board is not drawn; a message asks for a larger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Draws the whole screen and places the cursor where text is being typed.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let mut view = std::mem::take(&mut app.view);
    let area = frame.area();
    let cursor = render(area, frame.buffer_mut(), app, &mut view);
    app.view = view;
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// Renders the editor into `buf`; returns where the text cursor goes, if anywhere.
pub fn render(area: Rect, buf: &mut Buffer, app: &App, view: &mut ViewState) -> Option<Position> {
    let theme = &app.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, buf);
        return None;
    }
    if let Mode::Present { whole_map } = app.mode {
        present::render_presentation(area, buf, app, view, whole_map);
        return None;
    }
    let title_area = Rect { height: 1, ..area };
    let status_area = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let board_area = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let mut cursor = render_title_bar(title_area, buf, app, theme);
    cursor = match app.screen {
        Screen::Board => board::render_board(board_area, buf, app, view),
        Screen::Curve => {
            curve::render_curve(board_area, buf, app);
            None
        }
        Screen::Summary => {
            summary::render_summary(board_area, buf, app);
            None
        }
        Screen::Votes => {
            summary::render_votes(board_area, buf, app);
            None
        }
    }
    .or(cursor);
    cursor = render_status_line(status_area, buf, app, theme).or(cursor);
    popup::render_popups(area, buf, app, view).or(cursor)
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let message = format!(
        "Terminal too small: {}×{}. motmap needs at least {}×{}; enlarge the window or use a smaller font.",
        area.width, area.height, MIN_WIDTH, MIN_HEIGHT
    );
    let lines = text::wrap(&message, area.width.max(1) as usize, area.height as usize);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let x = area.x + (area.width.saturating_sub(width(line) as u16)) / 2;
        buf.set_stringn(x, top + i as u16, line, area.width as usize, Style::new());
    }
}

fn render_title_bar(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Option<Position> {
    buf.set_style(area, theme.title_bar());
    let journey = app.journey();
    let counts = format!(
        " {}, {} ",
        crate::text::plural(journey.stages().len(), "stage", "stages"),
        crate::text::plural(journey.moment_count(), "moment", "moments")
    );
    // On the right, most important last: the filter, the countdown, the counts.
    let mut right: Vec<Span> = Vec::new();
    if let Some(filter) = &app.filter {
        right.push(Span::styled(
            format!(" filter: {} ", truncate(&filter.label(), 24)),
            theme.modified(),
        ));
        right.push(Span::raw(" "));
    }
    if let Some(timer) = &app.timer {
        right.push(timer_chip(timer, theme));
        right.push(Span::raw(" "));
    }
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let show_counts = area.width as usize > right_width + width(&counts) + 40;
    if show_counts {
        right.push(Span::raw(counts));
    }
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();

    let modified = if app.is_modified() {
        " unsaved changes "
    } else if app.read_only {
        " read-only "
    } else {
        ""
    };
    let file = format!("  {}  ", app.file_name());
    let room = (area.width as usize)
        .saturating_sub(right_width + width(modified) + width(&file) + 1)
        .max(8);

    let mut cursor = None;
    let mut spans = vec![Span::raw(" ")];
    match &app.mode {
        Mode::EditText {
            target: TextTarget::JourneyTitle,
            input,
            ..
        } => {
            let (shown, at) = input_window(input, room);
            cursor = Some(Position::new(area.x + 1 + at, area.y));
            spans.push(Span::styled(text::pad(&shown, room), theme.input()));
        }
        _ => {
            let title = if journey.title.is_empty() {
                "Untitled journey"
            } else {
                &journey.title
            };
            spans.push(Span::styled(
                truncate(title, room),
                theme.title_bar().add_modifier(Modifier::BOLD),
            ));
        }
    }
    spans.push(Span::raw(truncate(&file, area.width as usize / 3)));
    spans.push(Span::styled(modified, theme.modified()));
    Line::from(spans).render(area, buf);
    if right_width < area.width as usize {
        let x = area.right() - right_width as u16;
        Line::from(right).render(Rect::new(x, area.y, right_width as u16, 1), buf);
    }
    cursor
}

/// The countdown: `03:12`, `03:12 paused`, or `TIME'S UP`, flashing for a while.
fn timer_chip(timer: &crate::workshop::Timer, theme: &Theme) -> Span<'static> {
    let now = std::time::Instant::now();
    if timer.is_up(now) {
        let overdue = timer.overdue(now);
        let flash =
            overdue < crate::app::TIMER_FLASH && (overdue.as_millis() / 500).is_multiple_of(2);
        let style = if flash {
            theme.modified().add_modifier(Modifier::REVERSED)
        } else {
            theme.modified()
        };
        return Span::styled(" TIME'S UP ", style);
    }
    let state = if timer.is_running() { "" } else { " paused" };
    Span::styled(format!(" {}{state} ", timer.display(now)), theme.modified())
}

/// The part of a one-line input that fits in `room` columns with the cursor in view, and
/// the cursor's column within it.
pub fn input_window(input: &TextInput, room: usize) -> (String, u16) {
    use unicode_segmentation::UnicodeSegmentation;
    let room = room.max(2);
    let text = input.text();
    let before = &text[..input.cursor_byte()];
    let mut start = 0;
    // Drop graphemes from the front until the cursor fits, leaving a column for it.
    while width(&before[start..]) > room - 1 {
        start += before[start..].graphemes(true).next().map_or(1, str::len);
    }
    let mut shown = String::new();
    for grapheme in text[start..].graphemes(true) {
        if width(&shown) + width(grapheme) > room {
            break;
        }
        shown.push_str(grapheme);
    }
    (shown, width(&before[start..]) as u16)
}

fn mode_name(app: &App) -> &'static str {
    match &app.mode {
        Mode::Board if app.screen != crate::app::Screen::Board => match app.screen {
            crate::app::Screen::Curve => "CURVE",
            crate::app::Screen::Summary => "SUMMARY",
            _ => "VOTES",
        },
        Mode::Board if app.read_only => "VIEW",
        Mode::Board => "MAP",
        Mode::EditText { .. } => "EDIT",
        Mode::PickKind { .. } => "KIND",
        Mode::Details { editing: None, .. } => "DETAILS",
        Mode::Details { .. } => "EDIT",
        Mode::Help { .. } => "HELP",
        Mode::Search { .. } => "SEARCH",
        Mode::Confirm(_) => "ASK",
        Mode::PickFilter | Mode::FilterText { .. } => "FILTER",
        Mode::TimerLength { .. } => "TIMER",
        Mode::Present { .. } => "PRESENT",
        Mode::PickExport { .. } => "EXPORT",
    }
}

/// The keys worth knowing in the current mode, most useful first.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let key = |action| app.keymap.first_label(action);
    match &app.mode {
        Mode::Board if app.read_only => vec![
            (key(Action::Help), "help"),
            (key(Action::OpenDetails), "details"),
            (key(Action::Search), "search"),
            (key(Action::Quit), "quit"),
        ],
        Mode::Board => vec![
            (key(Action::Help), "help"),
            (key(Action::AddMoment), "add"),
            (key(Action::EditTitle), "edit"),
            (
                format!("{}/{}", key(Action::MakePain), key(Action::MakeGlory)),
                "pain/glory",
            ),
            (key(Action::PickKind), "kind"),
            (key(Action::Undo), "undo"),
            (key(Action::Save), "save"),
            (key(Action::Quit), "quit"),
        ],
        Mode::EditText { .. }
        | Mode::Search { .. }
        | Mode::FilterText { .. }
        | Mode::TimerLength { .. }
        | Mode::Details {
            editing: Some(_), ..
        } => {
            vec![("Enter".into(), "keep"), ("Esc".into(), "cancel")]
        }
        Mode::Details { .. } if app.read_only => {
            vec![("↑↓".into(), "field"), ("Esc".into(), "close")]
        }
        Mode::Details { .. } => vec![
            ("↑↓".into(), "field"),
            ("Enter".into(), "edit"),
            ("←→".into(), "change"),
            ("Esc".into(), "close"),
        ],
        Mode::PickKind { .. } => vec![
            ("z f a s t l".into(), "kind"),
            ("n".into(), "none"),
            ("Esc".into(), "cancel"),
        ],
        Mode::Help { .. } => vec![("↑↓".into(), "scroll"), ("Esc".into(), "close")],
        Mode::Confirm(_) => vec![],
        Mode::PickFilter => vec![
            ("p g".into(), "pain glory"),
            ("m".into(), "truth"),
            ("/".into(), "text"),
            ("Esc".into(), "cancel"),
        ],
        Mode::PickExport { .. } => vec![("m d c h j".into(), "format"), ("Esc".into(), "cancel")],
        Mode::Present { .. } => vec![
            ("← →".into(), "stage"),
            ("w".into(), "whole map"),
            ("Esc".into(), "back"),
        ],
    }
}

fn render_status_line(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Option<Position> {
    let chip = format!(" {} ", mode_name(app));
    buf.set_stringn(
        area.x,
        area.y,
        &chip,
        area.width as usize,
        theme.mode_chip(),
    );
    let mut x = area.x + width(&chip) as u16 + 1;
    let available = area.right().saturating_sub(x) as usize;

    let prompt = match &app.mode {
        Mode::Search { input } => Some(("/", input)),
        Mode::FilterText { input } => Some(("filter: ", input)),
        Mode::TimerLength { input } => Some(("minutes: ", input)),
        Mode::EditText {
            target: TextTarget::StageDescription(_),
            input,
            ..
        } => Some(("stage description: ", input)),
        Mode::EditText {
            target: TextTarget::JourneyDescription,
            input,
            ..
        } => Some(("journey description: ", input)),
        Mode::EditText {
            target: TextTarget::Personas,
            input,
            ..
        } => Some(("personas: ", input)),
        _ => None,
    };
    if let Some((label, input)) = prompt {
        let label_width = width(label) as u16;
        buf.set_stringn(x, area.y, label, available, theme.key());
        let room = available.saturating_sub(label_width as usize + 1);
        let (shown, at) = input_window(input, room);
        buf.set_stringn(x + label_width, area.y, &shown, room, theme.input());
        return Some(Position::new(x + label_width + at, area.y));
    }

    // The message comes first; hints fill what room is left, whole or not at all.
    let message = truncate(&app.status.text, available);
    buf.set_stringn(
        x,
        area.y,
        &message,
        available,
        theme.status(app.status.tone),
    );
    x += width(&message) as u16;
    let mut hint_spans: Vec<Span> = Vec::new();
    let mut hint_width = 0;
    let room = area.right().saturating_sub(x + 2) as usize;
    for (keys, what) in hints(app) {
        let piece = width(&keys) + 1 + width(what) + 2;
        if hint_width + piece > room {
            break;
        }
        hint_width += piece;
        hint_spans.push(Span::styled(keys, theme.key()));
        hint_spans.push(Span::styled(format!(" {what}  "), theme.dim()));
    }
    if !hint_spans.is_empty() {
        let start = area.right() - hint_width as u16;
        Line::from(hint_spans).render(Rect::new(start, area.y, hint_width as u16, 1), buf);
    }
    None
}
