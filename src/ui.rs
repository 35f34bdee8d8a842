//! The view: widgets that borrow what they draw for one frame and draw it into a ratatui
//! buffer. They read the editor's state and never change it: scroll positions come from
//! the state, the time from the last event, the colours from the theme they are given.
//! The same widgets draw the live screen, `motmap show` and the snapshot tests.

pub mod board;
mod command;
mod comments;
pub mod curve;
pub mod help;
mod hints;
pub mod popup;
pub mod present;
pub mod print;
pub mod summary;
pub mod theme;

use std::time::Instant;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{App, Mode, Screen, TIMER_FLASH, TextTarget};
use crate::input::TextInput;
use crate::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::model::Journey;
use crate::text::{self, plural, truncate, width};
use crate::workshop::{Filter, Timer};
use theme::Theme;

/// Draws the whole screen and places the cursor where text is being typed.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if let Some(position) = render(area, frame.buffer_mut(), app, theme) {
        frame.set_cursor_position(position);
    }
}

/// Renders the editor into `buf`; returns where the text cursor goes, if anywhere.
pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Option<Position> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        TooSmall.render(area, buf);
        return None;
    }
    if let Some(presenting) = app.presenting() {
        return present::Presentation::of(app, presenting, theme).draw(area, buf);
    }
    let title_area = Rect { height: 1, ..area };
    let status_area = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let main = layout::board_area(area, false);
    let mut cursor = TitleBar::of(app, theme).draw(title_area, buf);
    cursor = match app.screen() {
        Screen::Board => board::BoardView::of(app, theme).draw(main, buf),
        Screen::Curve => {
            curve::CurveView::of(app, theme).render(main, buf);
            None
        }
        Screen::Summary => {
            summary::SummaryView::of(app, theme).render(main, buf);
            None
        }
        Screen::Votes => {
            summary::VotesView::of(app, theme).render(main, buf);
            None
        }
    }
    .or(cursor);
    cursor = StatusLine::of(app, theme).draw(status_area, buf).or(cursor);
    if let Mode::Command(crate::app::CommandLine {
        completion: Some(completion),
        ..
    }) = app.mode()
    {
        let bar = Rect {
            y: status_area.y - 1,
            ..status_area
        };
        command::Candidates { completion, theme }.render(bar, buf);
    }
    popup::render_popups(area, buf, app, theme).or(cursor)
}

/// A message in place of the editor when the terminal is too small for it.
struct TooSmall;

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
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
}

/// The title line: the journey, the file, whether it is saved or read-only, a filter and
/// a countdown when they are on, and the counts.
pub struct TitleBar<'a> {
    pub journey: &'a Journey,
    pub file_name: String,
    pub modified: bool,
    pub read_only: bool,
    /// The names of the other editors on the map.
    pub live_with: Vec<&'a str>,
    /// How many places a merge left with a conflict to settle.
    pub conflicts: usize,
    /// How many comments on the journey as a whole are open.
    pub journey_comments: usize,
    /// The voting round under way, if one is.
    pub voting: Option<crate::app::VotingRound>,
    pub filter: Option<&'a Filter>,
    /// The board hides what the filter leaves out.
    pub hide_unmatched: bool,
    /// A countdown, and the time to show it at.
    pub timer: Option<(&'a Timer, Instant)>,
    /// The journey's title being typed, in place of the title.
    pub typing: Option<&'a TextInput>,
    pub theme: &'a Theme,
}

impl<'a> TitleBar<'a> {
    pub fn of(app: &'a App, theme: &'a Theme) -> TitleBar<'a> {
        let typing = match app.mode() {
            Mode::EditText {
                target: TextTarget::JourneyTitle,
                input,
            } => Some(input),
            _ => None,
        };
        TitleBar {
            journey: app.journey(),
            file_name: app.file_name(),
            modified: app.is_modified(),
            read_only: app.is_read_only(),
            live_with: app.peers().iter().map(|p| p.name.as_str()).collect(),
            conflicts: crate::merge::unresolved(app.journey()),
            journey_comments: crate::model::open_count(&app.journey().comments),
            voting: app.round(),
            filter: app.filter(),
            hide_unmatched: app.hides_unmatched(),
            timer: app.timer().map(|timer| (timer, app.now())),
            typing,
            theme,
        }
    }

    /// Draws the line; returns the cursor while the title is being typed.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        buf.set_style(area, theme.title_bar());
        let counts = format!(
            " {}, {} ",
            plural(self.journey.stages().len(), "stage", "stages"),
            plural(self.journey.moment_count(), "moment", "moments")
        );
        // On the right, most important last: the filter, the countdown, the counts.
        let mut right: Vec<Span> = Vec::new();
        if self.conflicts > 0 {
            right.push(Span::styled(
                format!(" ! {} ", plural(self.conflicts, "conflict", "conflicts")),
                theme.modified(),
            ));
            right.push(Span::raw(" "));
        }
        if let Some(round) = self.voting {
            let left = round.left.map_or(String::new(), |n| {
                format!(": {} left", plural(n as usize, "dot", "dots"))
            });
            right.push(Span::styled(format!(" voting{left} "), theme.modified()));
            right.push(Span::raw(" "));
        }
        if self.journey_comments > 0 {
            right.push(Span::raw(format!(
                " {} ",
                board::comment_mark(self.journey_comments)
            )));
        }
        if let Some(filter) = self.filter {
            let matching = self
                .journey
                .moments()
                .filter(|(_, m)| filter.matches(m))
                .count();
            let total = self.journey.moment_count();
            let verb = if self.hide_unmatched {
                "shown"
            } else {
                "stand out"
            };
            right.push(Span::styled(
                format!(
                    " filter: {}, {matching} of {total} {verb} ",
                    truncate(&filter.label(), 24)
                ),
                theme.modified(),
            ));
            right.push(Span::raw(" "));
        }
        if let Some((timer, now)) = self.timer {
            right.push(timer_chip(timer, now, theme));
            right.push(Span::raw(" "));
        }
        let mut live_with = self.live_with.clone();
        live_with.dedup();
        let marker = match (live_with.as_slice(), self.read_only, self.modified) {
            ([], false, true) => " unsaved changes ".to_string(),
            ([], true, _) => " read-only ".to_string(),
            ([], false, false) => String::new(),
            (names, read_only, _) => format!(
                " {}live with {} ",
                if read_only { "read-only, " } else { "" },
                names.join(", ")
            ),
        };
        let marker = truncate(&marker, area.width as usize / 2);
        let file = format!("  {}  ", self.file_name);
        // The counts only where the title, the file and the marker still have room.
        let left = width(&marker) + width(&file).min(area.width as usize / 3) + 16;
        let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
        if area.width as usize > right_width + width(&counts) + left.max(40) {
            right.push(Span::raw(counts));
        }
        let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
        let room = (area.width as usize)
            .saturating_sub(right_width + width(&marker) + width(&file) + 1)
            .max(8);

        let mut cursor = None;
        let mut spans = vec![Span::raw(" ")];
        match self.typing {
            Some(input) => {
                let (shown, at) = input_window(input, room);
                cursor = Some(Position::new(area.x + 1 + at, area.y));
                spans.push(Span::styled(text::pad(&shown, room), theme.input()));
            }
            None => {
                let title = if self.journey.title.is_empty() {
                    "Untitled journey"
                } else {
                    &self.journey.title
                };
                spans.push(Span::styled(
                    truncate(title, room),
                    theme.title_bar().add_modifier(Modifier::BOLD),
                ));
            }
        }
        spans.push(Span::raw(truncate(&file, area.width as usize / 3)));
        spans.push(Span::styled(marker, theme.modified()));
        Line::from(spans).render(area, buf);
        if right_width < area.width as usize {
            let x = area.right() - right_width as u16;
            Line::from(right).render(Rect::new(x, area.y, right_width as u16, 1), buf);
        }
        cursor
    }
}

/// The countdown at `now`: `03:12`, `03:12 paused`, or `TIME'S UP`, flashing for a while.
pub fn timer_chip(timer: &Timer, now: Instant, theme: &Theme) -> Span<'static> {
    if timer.is_up(now) {
        let overdue = timer.overdue(now);
        let flash = overdue < TIMER_FLASH && (overdue.as_millis() / 500).is_multiple_of(2);
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

/// The status line: the mode, what the last key did (or a prompt being typed into), the
/// keys typed so far of a longer binding, and the keys worth knowing now.
pub struct StatusLine<'a> {
    pub mode: &'static str,
    pub message: &'a crate::status::Status,
    /// A prompt and what is typed in it, in place of the message.
    pub prompt: Option<Prompt<'a>>,
    /// A count or the start of a sequence, waiting for the rest.
    pub pending: String,
    pub hints: Vec<(String, &'static str)>,
    pub theme: &'a Theme,
}

impl<'a> StatusLine<'a> {
    pub fn of(app: &'a App, theme: &'a Theme) -> StatusLine<'a> {
        let prompt = match app.mode() {
            Mode::Command(line) => {
                return Self::with_prompt(app, Some(Prompt::command(app, line)), theme);
            }
            Mode::Search { input } => Some(("/", input)),
            Mode::FilterText { input } => Some(("filter: ", input)),
            Mode::TimerLength { .. } => return Self::with_prompt(app, Prompt::timer(app), theme),
            Mode::EditText {
                target: TextTarget::Personas,
                input,
            } => Some(("personas: ", input)),
            _ => None,
        }
        .map(|(label, input)| Prompt {
            label,
            input,
            placeholder: None,
            note: None,
        });
        Self::with_prompt(app, prompt, theme)
    }

    fn with_prompt(app: &'a App, prompt: Option<Prompt<'a>>, theme: &'a Theme) -> StatusLine<'a> {
        StatusLine {
            mode: mode_name(app),
            message: app.status(),
            prompt,
            pending: app.pending().label(),
            hints: hints::hints(app),
            theme,
        }
    }

    /// Draws the line; returns the cursor while a prompt is typed into.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let chip = format!(" {} ", self.mode);
        buf.set_stringn(
            area.x,
            area.y,
            &chip,
            area.width as usize,
            theme.mode_chip(),
        );
        let mut x = area.x + width(&chip) as u16 + 1;
        let available = area.right().saturating_sub(x) as usize;

        if let Some(prompt) = self.prompt {
            let rest = Rect {
                x,
                width: available as u16,
                ..area
            };
            return Some(prompt.draw(rest, buf, theme));
        }

        // Keys typed towards a binding always show, at the right; then the message; hints
        // fill what room is left, whole or not at all.
        let pending = if self.pending.is_empty() {
            String::new()
        } else {
            format!("{}…  ", self.pending)
        };
        let message = truncate(
            &self.message.text,
            available.saturating_sub(width(&pending)),
        );
        buf.set_stringn(
            x,
            area.y,
            &message,
            available,
            theme.status(self.message.tone),
        );
        x += width(&message) as u16;
        let mut hint_spans: Vec<Span> = Vec::new();
        let mut hint_width = width(&pending);
        if !pending.is_empty() {
            hint_spans.push(Span::styled(pending, theme.key()));
        }
        let room = area.right().saturating_sub(x + 2) as usize;
        for (keys, what) in self.hints {
            let piece = width(&keys) + 1 + width(what) + 2;
            if hint_width + piece > room {
                break;
            }
            hint_width += piece;
            hint_spans.push(Span::styled(keys, theme.key()));
            hint_spans.push(Span::styled(format!(" {what}  "), theme.dim()));
        }
        let hint_width = hint_width.min(area.right().saturating_sub(x) as usize);
        if !hint_spans.is_empty() {
            let start = area.right() - hint_width as u16;
            Line::from(hint_spans).render(Rect::new(start, area.y, hint_width as u16, 1), buf);
        }
        None
    }
}

/// A one-line prompt: its label, what is typed, what Enter alone takes (shown dimmed
/// while nothing is typed), and a message to show after it (why the last try was refused).
#[derive(Clone)]
pub struct Prompt<'a> {
    pub label: &'static str,
    pub input: &'a TextInput,
    pub placeholder: Option<String>,
    pub note: Option<&'a crate::status::Status>,
}

impl<'a> Prompt<'a> {
    /// The countdown's length: the last length offered, and why a typed one was refused.
    pub fn timer(app: &'a App) -> Option<Prompt<'a>> {
        let Mode::TimerLength { input, .. } = app.mode() else {
            return None;
        };
        Some(Prompt {
            label: "minutes: ",
            input,
            placeholder: input
                .text()
                .is_empty()
                .then(|| crate::workshop::minutes_label(app.timer_length())),
            note: Some(app.status()),
        })
    }

    /// The command line, and what was said since it opened (its keys, what did not
    /// complete).
    pub fn command(app: &'a App, line: &'a crate::app::CommandLine) -> Prompt<'a> {
        Prompt {
            label: ":",
            input: &line.input,
            placeholder: None,
            note: Some(app.status()),
        }
    }

    /// Draws it from the left of `area`; returns where the cursor goes.
    pub fn draw(self, area: Rect, buf: &mut Buffer, theme: &Theme) -> Position {
        let available = area.width as usize;
        let label_width = width(self.label) as u16;
        buf.set_stringn(area.x, area.y, self.label, available, theme.key());
        let x = area.x + label_width;
        let room = available.saturating_sub(label_width as usize + 1);
        let cursor = if let Some(placeholder) = &self.placeholder {
            buf.set_stringn(x, area.y, placeholder, room, theme.dim());
            Position::new(x, area.y)
        } else {
            let (shown, at) = input_window(self.input, room);
            buf.set_stringn(x, area.y, &shown, room, theme.input());
            Position::new(x + at, area.y)
        };
        // The note after what is typed, cut to the room there is.
        let typed = self
            .placeholder
            .as_deref()
            .map_or(width(self.input.text()), width);
        let note_x = x as usize + typed + 3;
        let note_room = (area.right() as usize).saturating_sub(note_x);
        if let Some(note) = self.note
            && note_room >= 12
        {
            buf.set_stringn(
                note_x as u16,
                area.y,
                truncate(&note.text, note_room),
                note_room,
                theme.status(note.tone),
            );
        }
        cursor
    }
}

fn mode_name(app: &App) -> &'static str {
    match app.mode() {
        Mode::Board => match app.screen() {
            Screen::Curve => "CURVE",
            Screen::Summary => "SUMMARY",
            Screen::Votes => "VOTES",
            Screen::Board if app.is_read_only() => "VIEW",
            Screen::Board => "MAP",
        },
        Mode::EditText { .. } => "EDIT",
        Mode::PickKind { .. } => "KIND",
        Mode::Details { editing: None, .. } => "DETAILS",
        Mode::Details { .. } => "EDIT",
        Mode::Comments { .. } => "COMMENTS",
        Mode::Help { .. } => "HELP",
        Mode::Search { .. } => "SEARCH",
        Mode::Confirm(_) => "ASK",
        Mode::PickFilter | Mode::FilterText { .. } => "FILTER",
        Mode::TimerLength { .. } => "TIMER",
        Mode::Present => "PRESENT",
        Mode::PickExport { .. } => "EXPORT",
        Mode::Command(_) => "COMMAND",
    }
}
