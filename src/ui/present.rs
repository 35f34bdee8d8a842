//! Presentation, for a projector: one stage at a time with its name in block letters and
//! the moment in focus in full; the whole map; the emotion curve full screen; a large
//! countdown; a blank screen for a pause. No editing chrome.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Widget};
use tui_big_text::{BigText, PixelSize};

use super::Prompt;
use super::board::{BoardView, card_marks, comment_mark, feeling_words};
use super::curve::CurveView;
use super::help::ContextHelp;
use super::theme::Theme;
use crate::action::Action;
use crate::app::App;
use crate::keymap::{Context, KeyMap};
use crate::model::{Moment, Stage, open_count};
use crate::text::{count_summary, plural, truncate, width, wrap};
use crate::workshop::{Presenting, Slide, Timer};

/// The presentation for one frame.
pub struct Presentation<'a> {
    pub presenting: Presenting,
    /// The whole map, drawn as the board is, on its slide.
    pub board: Option<BoardView<'a>>,
    /// The emotion curve, on its slide.
    pub curve: Option<CurveView<'a>>,
    /// The stage shown, its place, and how many stages there are.
    pub stage: Option<(&'a Stage, usize, usize)>,
    /// The moment in focus.
    pub selected: usize,
    pub timer: Option<&'a Timer>,
    pub now: Instant,
    /// The countdown's length being typed, in place of the keys at the foot.
    pub prompt: Option<Prompt<'a>>,
    pub read_only: bool,
    /// A voting round is under way: the votes are not shown.
    pub votes_hidden: bool,
    pub keys: &'a KeyMap,
    pub theme: &'a Theme,
}

impl<'a> Presentation<'a> {
    pub fn of(app: &'a App, presenting: Presenting, theme: &'a Theme) -> Presentation<'a> {
        let selection = app.selection();
        Presentation {
            presenting,
            board: (presenting.slide == Slide::WholeMap).then(|| BoardView::of(app, theme)),
            curve: (presenting.slide == Slide::Curve).then(|| CurveView::of(app, theme)),
            stage: app
                .selected_stage()
                .map(|stage| (stage, selection.stage, app.journey().stages().len())),
            selected: selection.moment,
            timer: app.timer(),
            now: app.now(),
            prompt: Prompt::timer(app),
            read_only: app.is_read_only(),
            votes_hidden: app.round().is_some(),
            keys: app.keymap(),
            theme,
        }
    }

    /// Draws the presentation; returns where the cursor goes while a countdown's length is
    /// typed.
    pub fn draw(mut self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        if self.presenting.blank {
            // A pause while the room talks: nothing but a countdown that runs.
            if let Some(timer) = self.timer {
                render_countdown(area, buf, timer, self.now, self.theme, true);
            }
            return None;
        }
        let footer = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let body = crate::layout::board_area(area, true);
        let big_countdown = match (self.presenting.slide, self.stage) {
            (Slide::Stage, Some((stage, _, _))) => self.render_stage(body, buf, stage),
            (Slide::WholeMap, _) => {
                if let Some(board) = self.board.take() {
                    board.draw(body, buf);
                }
                false
            }
            (Slide::Curve, _) => {
                if let Some(curve) = self.curve.take() {
                    curve.render(body, buf);
                }
                false
            }
            (Slide::Stage, None) => {
                centred(body, buf, "No stages in this map yet.", self.theme.dim());
                false
            }
        };
        let cursor = self.render_footer(footer, buf, big_countdown);
        if self.presenting.keys {
            ContextHelp {
                keys: self.keys,
                context: Context::Presentation,
                theme: self.theme,
            }
            .render(area, buf);
        }
        cursor
    }

    /// The presentation's keys and where it is, on one line: the keys in full where they
    /// fit, else in short; the place gives way before any key, and at the narrowest only
    /// the keys that fit are named, leaving always last. The countdown on the right when
    /// it is not drawn large. Or the countdown's prompt.
    fn render_footer(
        &self,
        footer: Rect,
        buf: &mut Buffer,
        big_countdown: bool,
    ) -> Option<Position> {
        let theme = self.theme;
        if let Some(prompt) = self.prompt.as_ref() {
            let at = Rect {
                x: footer.x + 1,
                width: footer.width.saturating_sub(1),
                ..footer
            };
            return Some(prompt.clone().draw(at, buf, theme));
        }
        let chip = self
            .timer
            .filter(|_| !big_countdown)
            .map(|timer| super::timer_chip(timer, self.now, theme));
        let chip_width = chip.as_ref().map_or(0, |c| width(&c.content));
        let room = footer.width as usize;
        let (full, short) = (self.foot_keys(true), self.foot_keys(false));
        let places = self.places();
        // Fuller words first, then the longer place, then the wider joiner.
        let fitting = [&full, &short].into_iter().find_map(|keys| {
            places.iter().find_map(|place| {
                [" · ", "  "].into_iter().find_map(|joiner| {
                    let line = format!(" {}", keys.join(joiner));
                    (width(&line) + width(place) + chip_width < room)
                        .then_some((line, place.as_str()))
                })
            })
        });
        let (line, place) = fitting.unwrap_or_else(|| {
            // As many of the short keys as fit, leaving always named.
            let Some((leaving, rest)) = short.split_last() else {
                return (String::new(), "");
            };
            let room = room.saturating_sub(chip_width + 1);
            let mut line = String::from(" ");
            for key in rest {
                if width(&line) + width(key) + 2 + width(leaving) > room {
                    break;
                }
                line = line + key + "  ";
            }
            (line + leaving, "")
        });
        buf.set_stringn(footer.x, footer.y, &line, room, theme.dim());
        let mut right = vec![Span::styled(place, theme.dim())];
        right.extend(chip);
        let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
        if right_width < room {
            let x = footer.right() - right_width as u16;
            Line::from(right).render(Rect::new(x, footer.y, right_width as u16, 1), buf);
        }
        None
    }

    /// The presentation's keys as the foot names them, leaving last: in full (`← → stage`,
    /// `w whole map`) or short (`←→↑↓ move`, `w map`). The moments and the size only on a
    /// stage's slide, where they show.
    fn foot_keys(&self, full: bool) -> Vec<String> {
        let joiner = if full { " " } else { "" };
        let keys = |actions: &[Action]| self.keys.joined(Context::Presentation, actions, joiner);
        let stages = keys(&[Action::SelectPreviousStage, Action::SelectNextStage]);
        let moments = keys(&[Action::SelectPreviousMoment, Action::SelectNextMoment]);
        let on_stage = self.presenting.slide == Slide::Stage;
        let mut named: Vec<String> = match (on_stage, full) {
            (true, true) => vec![format!("{stages} stage"), format!("{moments} moment")],
            (true, false) => vec![format!("{stages}{moments} move")],
            (false, _) => vec![format!("{stages} stage")],
        };
        if on_stage {
            let sizes = keys(&[Action::LargerText, Action::SmallerText]);
            named.push(format!("{sizes} size"));
        }
        // A slide's key goes back to the stage while the slide is shown.
        let slide = |action, shown, name: &str| {
            let back = if full { "one stage" } else { "stage" };
            let what = if self.presenting.slide == shown {
                back
            } else {
                name
            };
            format!("{} {what}", keys(&[action]))
        };
        named.push(slide(
            Action::WholeMap,
            Slide::WholeMap,
            if full { "whole map" } else { "map" },
        ));
        named.push(slide(Action::CurveSlide, Slide::Curve, "curve"));
        named.push(format!("{} blank", keys(&[Action::BlankScreen])));
        let countdown = if full { "countdown" } else { "timer" };
        named.push(format!("{} {countdown}", keys(&[Action::Timer])));
        named.push(format!("{} help", keys(&[Action::Help])));
        let back = match (full, self.read_only) {
            (false, _) => "back",
            (true, true) => "back to the map",
            (true, false) => "back to editing",
        };
        named.push(format!("{} {back}", keys(&[Action::StopPresenting])));
        named
    }

    /// Where the presentation is, for the right of the foot, longest first: in full, in
    /// short, or nothing (on a slide other than a stage's, only nothing).
    fn places(&self) -> Vec<String> {
        let mut places = Vec::new();
        if let (Some((stage, at, of)), Slide::Stage) = (self.stage, self.presenting.slide) {
            let (at, moments) = (at + 1, stage.moments.len());
            match (moments > 0).then(|| self.selected.min(moments - 1) + 1) {
                Some(m) => {
                    places.push(format!(" stage {at} of {of} · moment {m} of {moments} "));
                    places.push(format!(" {at}/{of} · {m}/{moments} "));
                }
                None => {
                    places.push(format!(" stage {at} of {of} "));
                    places.push(format!(" {at}/{of} "));
                }
            }
        }
        places.push(String::new());
        places
    }

    /// One stage: its name in block letters where they fit, what it is about, the moment
    /// in focus in full, and beside it the countdown and the stage's other moments where
    /// there is room. Returns whether the countdown was drawn large.
    fn render_stage(&self, body: Rect, buf: &mut Buffer, stage: &Stage) -> bool {
        let theme = self.theme;
        let size = self.presenting.size;
        let inner = Rect {
            x: body.x + 2,
            width: body.width.saturating_sub(4),
            ..body
        };
        // The heading: block letters no taller than a third of the screen.
        let name = stage.name.to_uppercase();
        let sizes: &[PixelSize] = match size {
            0 => &[],
            1 => &[PixelSize::HalfHeight, PixelSize::Quadrant],
            _ => &[PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant],
        };
        let mut y = body.y;
        let heading_rows = match fitting_size(&name, sizes, inner.width, body.height / 3) {
            Some(pixels) => {
                let rows = glyph_size(pixels).1;
                big_text(
                    &name,
                    pixels,
                    theme.stage_name(true).add_modifier(Modifier::BOLD),
                )
                .alignment(Alignment::Center)
                .render(
                    Rect {
                        y,
                        height: rows,
                        ..inner
                    },
                    buf,
                );
                rows
            }
            None => {
                let line = truncate(&stage.name, inner.width as usize);
                centred(
                    Rect {
                        y: y + 1,
                        height: 1,
                        ..inner
                    },
                    buf,
                    &line,
                    theme.stage_name(true).add_modifier(Modifier::BOLD),
                );
                3
            }
        };
        y += heading_rows;
        // What the stage is about, and its counts, in full.
        let summary = count_summary(stage.moments.len(), stage.pains(), stage.glories());
        let about = if stage.description.is_empty() {
            summary
        } else {
            format!("{} · {summary}", stage.description.replace('\n', " "))
        };
        let about_lines = wrap(&about, inner.width as usize, 3);
        for line in &about_lines {
            centred(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
                line,
                theme.dim(),
            );
            y += 1;
        }
        y += 1;
        let main = Rect {
            y,
            height: body.bottom().saturating_sub(y),
            ..inner
        };
        if main.height < 3 {
            return false;
        }
        // Beside the moment: the countdown, and the stage's moments where it is wide.
        let side_width = match (self.timer.is_some(), body.width) {
            (_, w) if w >= 110 => (w / 4).clamp(24, 48),
            (true, _) => 22,
            (false, _) => 0,
        };
        let focus = Rect {
            width: main
                .width
                .saturating_sub(side_width + u16::from(side_width > 0)),
            ..main
        };
        let mut big_countdown = false;
        if side_width > 0 {
            let mut side = Rect {
                x: focus.right() + 1,
                width: side_width,
                ..main
            };
            if let Some(timer) = self.timer {
                let rows = render_countdown(side, buf, timer, self.now, theme, false);
                big_countdown = true;
                side.y += rows + 1;
                side.height = side.height.saturating_sub(rows + 1);
            }
            if body.width >= 110 {
                self.render_others(side, buf, stage);
            }
        }
        match stage
            .moments
            .get(self.selected.min(stage.moments.len().saturating_sub(1)))
        {
            Some(moment) => render_moment(focus, buf, theme, moment, size, self.votes_hidden),
            None => {
                centred(
                    Rect { height: 1, ..focus },
                    buf,
                    "No moments in this stage yet.",
                    theme.dim(),
                );
            }
        }
        big_countdown
    }

    /// The stage's moments, the one in focus marked, each title wrapped in full while
    /// there is room, followed by its votes and markers as its card on the board has them.
    fn render_others(&self, area: Rect, buf: &mut Buffer, stage: &Stage) {
        let theme = self.theme;
        if area.height < 2 || area.width < 8 {
            return;
        }
        buf.set_stringn(
            area.x,
            area.y,
            "In this stage",
            area.width as usize,
            theme.dim(),
        );
        let mut y = area.y + 1;
        for (index, moment) in stage.moments.iter().enumerate() {
            let focused = index == self.selected;
            let mark = format!(
                "{} {:<2} ",
                if focused { "▶" } else { " " },
                moment.feeling.symbol()
            );
            let indent = width(&mark);
            let room = (area.width as usize).saturating_sub(indent);
            let style = if focused {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let mut lines: Vec<Line> = wrap(&moment.title, room, usize::MAX)
                .into_iter()
                .map(|line| Line::styled(line, style))
                .collect();
            let marks = self.marks(moment, room);
            let marks_width: usize = marks.iter().map(|s| width(&s.content)).sum();
            if marks_width > 0 {
                // After the title's last line where they fit, else on a line of their own.
                match lines.last_mut() {
                    Some(last) if last.width() + 1 + marks_width <= room => {
                        last.push_span(" ");
                        last.spans.extend(marks);
                    }
                    _ => lines.push(Line::from(marks)),
                }
            }
            if y as usize + lines.len() > area.bottom() as usize {
                if y < area.bottom() {
                    let left = stage.moments.len() - index;
                    buf.set_stringn(
                        area.x,
                        y,
                        format!("… and {left} more"),
                        area.width as usize,
                        theme.dim(),
                    );
                }
                return;
            }
            buf.set_stringn(area.x, y, &mark, indent, theme.feeling(moment.feeling));
            for line in lines {
                line.render(Rect::new(area.x + indent as u16, y, room as u16, 1), buf);
                y += 1;
            }
        }
    }

    /// A moment's votes as dots (none while a voting round hides them), then its markers
    /// and open comments, as its card on the board shows them, in at most `room` cells.
    fn marks(&self, moment: &Moment, room: usize) -> Vec<Span<'static>> {
        let open = open_count(&moment.comments);
        let comments = (open > 0).then(|| comment_mark(open));
        let edge_room = room.saturating_sub(comments.as_ref().map_or(0, |c| width(c) + 1));
        let (votes, signs) = card_marks(moment, edge_room, self.votes_hidden);
        let theme = self.theme;
        let parts = [
            (votes, theme.key()),
            (signs, theme.dim()),
            (comments.unwrap_or_default(), theme.key()),
        ];
        let mut spans = Vec::new();
        for (text, style) in parts.into_iter().filter(|(text, _)| !text.is_empty()) {
            if !spans.is_empty() {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(text, style));
        }
        spans
    }
}

/// The moment in focus, in a frame drawn the way its card is: what kind it is and how it
/// feels in words, the title (in block letters when the text is large and they fit),
/// then every field that matters, each wrapped in full.
fn render_moment(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    moment: &Moment,
    size: u8,
    votes_hidden: bool,
) {
    let border = super::board::card_border_type(moment, true);
    let block = Block::bordered()
        .border_type(if border == BorderType::Plain {
            BorderType::Rounded
        } else {
            border
        })
        .border_style(theme.card_border(moment.feeling, true))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    if inner.height == 0 || inner.width < 8 {
        return;
    }
    let mut rows: Vec<(Vec<Span>, bool)> = Vec::new();
    // The title: block letters at the larger sizes when they fit in two lines and leave
    // half the frame for the rest.
    let big = match size {
        0 | 1 => None,
        2 => Some(PixelSize::Quadrant),
        _ => Some(PixelSize::HalfHeight),
    }
    .and_then(|pixels| {
        let (w, h) = glyph_size(pixels);
        let lines = wrap(&moment.title, (inner.width / w) as usize, 2);
        let fits = block_letters(&moment.title)
            && !lines.last().is_some_and(|l| l.ends_with('…'))
            && lines.len() as u16 * h <= inner.height / 2;
        fits.then_some((pixels, lines, h))
    });
    let big_rows = big
        .as_ref()
        .map_or(0, |(_, lines, h)| lines.len() as u16 * h);
    match &big {
        Some(_) => {}
        None => {
            for line in wrap(&moment.title, inner.width as usize, usize::MAX) {
                rows.push((
                    vec![Span::styled(
                        line,
                        Style::new().add_modifier(Modifier::BOLD),
                    )],
                    true,
                ));
            }
        }
    }
    rows.push((Vec::new(), false));
    let label_width = 10;
    let value_width = (inner.width as usize).saturating_sub(label_width);
    let mut field = |label: &str, value: &str, style: Style| {
        for (i, line) in wrap(value, value_width, usize::MAX).into_iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            rows.push((
                vec![
                    Span::styled(format!("{label:<label_width$}"), theme.dim()),
                    Span::styled(line, style),
                ],
                false,
            ));
        }
    };
    let feeling = if moment.feeling.is_neutral() {
        "neutral".to_owned()
    } else {
        feeling_words(moment.feeling)
    };
    field(
        "Feeling",
        &feeling,
        theme.feeling(moment.feeling).add_modifier(Modifier::BOLD),
    );
    if let Some(target) = moment.target {
        let to_be = format!(
            "{} (from {})",
            feeling_words(target),
            feeling_words(moment.feeling)
        );
        field(
            "To be",
            &to_be,
            theme.feeling(target).add_modifier(Modifier::BOLD),
        );
    }
    let kind = match moment.kind {
        Some(kind) => format!("{} — {}", kind.badge(), kind.name()),
        None => "an ordinary touchpoint".to_owned(),
    };
    field("Kind", &kind, Style::new().add_modifier(Modifier::BOLD));
    let personas = moment.personas.join(", ");
    for (label, value) in [
        ("Channel", &moment.channel),
        (moment.personas_heading(), &personas),
        ("Owner", &moment.owner),
    ] {
        if !value.is_empty() {
            field(label, value, Style::new());
        }
    }
    if moment.votes > 0 && !votes_hidden {
        field(
            "Votes",
            &plural(moment.votes as usize, "vote", "votes"),
            Style::new(),
        );
    }
    if !moment.idea.is_empty() {
        field(
            "Idea",
            &moment.idea,
            Style::new().add_modifier(Modifier::BOLD),
        );
    }
    if !moment.notes.is_empty() {
        field("Notes", &moment.notes, Style::new());
    }
    let open = open_count(&moment.comments);
    if open > 0 {
        field(
            "Comments",
            &plural(open, "open comment", "open comments"),
            Style::new(),
        );
    }
    // The frame as tall as what it holds, or the room there is.
    let needed = big_rows + rows.len() as u16 + 2;
    let area = Rect {
        height: area.height.min(needed),
        ..area
    };
    let inner = block.inner(area);
    block.render(area, buf);
    let mut y = inner.y;
    if let Some((pixels, lines, _)) = big {
        BigText::builder()
            .pixel_size(pixels)
            .style(Style::new().add_modifier(Modifier::BOLD))
            .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .build()
            .render(
                Rect {
                    height: big_rows.min(inner.height),
                    ..inner
                },
                buf,
            );
        y += big_rows.min(inner.height);
    }
    // Every row while there is room; the last one that fits says with … that more is cut.
    let room = inner.bottom().saturating_sub(y) as usize;
    let cut = rows.len() > room;
    for (i, (spans, _)) in rows.into_iter().take(room).enumerate() {
        let row = Rect {
            y: y + i as u16,
            height: 1,
            ..inner
        };
        if cut && i + 1 == room {
            let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
            let style = spans.last().map_or(Style::new(), |s| s.style);
            let shown = truncate(&format!("{text} …"), inner.width as usize);
            buf.set_stringn(row.x, row.y, shown, inner.width as usize, style);
        } else {
            Line::from(spans).render(row, buf);
        }
    }
}

/// The countdown at the top of `area` (in its middle when `middle`) in the largest block
/// digits that fit, with "paused" or "TIME'S UP" under it; returns the rows it took.
fn render_countdown(
    area: Rect,
    buf: &mut Buffer,
    timer: &Timer,
    now: Instant,
    theme: &Theme,
    middle: bool,
) -> u16 {
    let digits = timer.display(now);
    let sizes = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant];
    let top = if middle {
        area.y + area.height.saturating_sub(9) / 2
    } else {
        area.y
    };
    let mut y = top;
    match fitting_size(
        &digits,
        &sizes,
        area.width,
        area.height.saturating_sub(1) / 2,
    ) {
        Some(pixels) => {
            let rows = glyph_size(pixels).1;
            big_text(&digits, pixels, theme.modified())
                .alignment(Alignment::Center)
                .render(
                    Rect {
                        y,
                        height: rows,
                        ..area
                    },
                    buf,
                );
            y += rows;
        }
        None => {
            centred(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
                &digits,
                theme.modified().add_modifier(Modifier::BOLD),
            );
            y += 1;
        }
    }
    let chip = super::timer_chip(timer, now, theme);
    if timer.is_up(now) || !timer.is_running() {
        let text = chip.content.trim().to_owned();
        centred(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
            &text,
            chip.style,
        );
        y += 1;
    }
    y - top
}

/// Block letters in the style given, ready to be aligned and drawn.
fn big_text(text: &str, pixels: PixelSize, style: Style) -> BigTextAt<'static> {
    BigTextAt {
        widget: BigText::builder()
            .pixel_size(pixels)
            .style(style)
            .lines(vec![Line::from(text.to_owned())])
            .build(),
    }
}

/// A [`BigText`] whose alignment is set afterwards.
struct BigTextAt<'a> {
    widget: BigText<'a>,
}

impl BigTextAt<'_> {
    fn alignment(mut self, alignment: Alignment) -> Self {
        self.widget.alignment = alignment;
        self
    }

    fn render(self, area: Rect, buf: &mut Buffer) {
        self.widget.render(area, buf);
    }
}

/// The columns and rows one letter takes at `pixels` (the font is 8 by 8).
fn glyph_size(pixels: PixelSize) -> (u16, u16) {
    match pixels {
        PixelSize::Full => (8, 8),
        PixelSize::HalfHeight => (8, 4),
        PixelSize::HalfWidth => (4, 8),
        PixelSize::Quadrant => (4, 4),
        PixelSize::ThirdHeight => (8, 3),
        PixelSize::Sextant => (4, 3),
        PixelSize::QuarterHeight => (8, 2),
        PixelSize::Octant => (4, 2),
    }
}

/// The first of `sizes` at which `text` fits in `columns` and `rows`, if its letters can
/// be drawn as block letters at all.
fn fitting_size(text: &str, sizes: &[PixelSize], columns: u16, rows: u16) -> Option<PixelSize> {
    if !block_letters(text) {
        return None;
    }
    let letters = text.chars().count();
    sizes.iter().copied().find(|pixels| {
        let (w, h) = glyph_size(*pixels);
        letters * w as usize <= columns as usize && h <= rows
    })
}

/// Whether the 8×8 font has every letter: Latin letters, digits and punctuation. Wide
/// characters (Korean, Chinese) and emoji are drawn as plain text instead.
fn block_letters(text: &str) -> bool {
    !text.trim().is_empty()
        && text
            .chars()
            .all(|c| c == ' ' || c.is_ascii_graphic() || ('\u{a1}'..='\u{ff}').contains(&c))
}

/// `text` centred on the first row of `area`.
fn centred(area: Rect, buf: &mut Buffer, text: &str, style: Style) {
    let w = width(text).min(area.width as usize) as u16;
    let x = area.x + (area.width - w) / 2;
    buf.set_stringn(x, area.y, text, area.width as usize, style);
}
