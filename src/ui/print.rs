//! The board for a pipe, a pager or a printer: every stage and every card, drawn by the
//! editor's own renderer in bands of stages as wide as the page, then turned into text
//! with or without colour.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::TitleBar;
use super::board::BoardView;
use super::theme::Theme;
use crate::app::Scroll;
use crate::keymap::KeyMap;
use crate::layout::{Density, MIN_WIDTH, column_layout, stage_height};
use crate::model::Journey;
use crate::text::{width, width_varies};

/// The whole map as buffers: the title line, then one band of stage columns after another,
/// each as tall as its longest stage, drawn by the board's own widget with nothing
/// selected, its cards as much as `density` shows.
pub fn printout(
    journey: &Journey,
    file_name: &str,
    width: u16,
    density: Density,
    theme: &Theme,
) -> Vec<Buffer> {
    let width = width.max(MIN_WIDTH);
    let mut title = Buffer::empty(Rect::new(0, 0, width, 1));
    TitleBar {
        journey,
        file_name: file_name.to_owned(),
        modified: false,
        read_only: false,
        live_with: Vec::new(),
        conflicts: crate::merge::unresolved(journey),
        journey_comments: crate::model::open_count(&journey.comments),
        voting: None,
        filter: None,
        hide_unmatched: false,
        timer: None,
        typing: None,
        theme,
    }
    .draw(title.area, &mut title);
    let mut buffers = vec![title];

    let keys = KeyMap::default();
    let scroll = Scroll::default();
    let stages = journey.stages();
    let widths = column_layout(width, stages.len());
    for band in stages.chunks(widths.len()) {
        let band_width: u16 = widths[..band.len()].iter().sum();
        let height = band
            .iter()
            .zip(&widths)
            .map(|(stage, w)| stage_height(stage, *w, density))
            .max()
            .unwrap_or(4);
        let mut buffer = Buffer::empty(Rect::new(0, 0, band_width, height));
        BoardView {
            stages: band,
            selection: None,
            scroll: &scroll,
            filter: None,
            search: None,
            typing: None,
            others: Vec::new(),
            votes_hidden: false,
            density,
            hide: false,
            keys: &keys,
            theme,
        }
        .draw(buffer.area, &mut buffer);
        buffers.push(buffer);
    }
    buffers
}

/// A buffer as lines of text: wide characters once, trailing blanks trimmed, and with
/// `color`, SGR escape codes for the colours and emphasis. With `place_cursor` (for a
/// terminal, never a pipe), after each emoji whose width terminals disagree on
/// ([`width_varies`]) the cursor is moved to the column where the next cell starts, so
/// the rest of the row lines up whether the terminal drew it one column wide, two or
/// four.
pub fn to_text(buffer: &Buffer, color: bool, place_cursor: bool) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut current = Style::new();
        let mut x = 0;
        while x < buffer.area.width {
            let cell = &buffer[(x, y)];
            let symbol = match cell.symbol() {
                "" => " ",
                s => s,
            };
            if color {
                let style = cell.style();
                if style != current {
                    line.push_str(&sgr(style));
                    current = style;
                }
            }
            line.push_str(symbol);
            x += width(symbol).max(1) as u16;
            if place_cursor && width_varies(symbol) {
                // Back to the start of the line, then right: what every terminal since
                // the VT100 understands.
                let _ = write!(line, "\r\x1b[{x}C");
            }
        }
        if color && current != Style::new() {
            line.push_str("\x1b[0m");
        }
        let trimmed = if color {
            line.as_str()
        } else {
            line.trim_end()
        };
        let _ = writeln!(out, "{trimmed}");
    }
    out
}

/// The escape sequence that switches to `style` from plain text.
fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let modifiers = style.add_modifier - style.sub_modifier;
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
    ] {
        if modifiers.contains(modifier) {
            codes.push(code.into());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(bg);
    }
    format!("\x1b[{}m", codes.join(";"))
}

fn color_code(color: Color, background: bool) -> Option<String> {
    let base = |n: u8| {
        let offset = if background { 10 } else { 0 };
        Some((n + offset).to_string())
    };
    match color {
        Color::Reset => None,
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Indexed(n) => Some(format!("{};5;{n}", if background { 48 } else { 38 })),
        Color::Rgb(r, g, b) => Some(format!(
            "{};2;{r};{g};{b}",
            if background { 48 } else { 38 }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_escapes_and_wide_characters_once() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "가나", Style::new().fg(Color::Red));
        assert_eq!(to_text(&buffer, false, false), "가나\n");
        assert_eq!(
            to_text(&buffer, false, true),
            "가나\n",
            "no emoji, no moves"
        );
        let coloured = to_text(&buffer, true, false);
        assert!(coloured.starts_with("\x1b[0;31m가나"), "{coloured:?}");
        assert!(coloured.ends_with("\x1b[0m\n"));
    }

    #[test]
    fn on_a_terminal_the_cursor_is_placed_after_each_emoji_of_several_code_points() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 1));
        buffer.set_string(0, 0, "a\u{2764}\u{FE0F}b\u{1F44D}\u{1F3FD}c|", Style::new());
        assert_eq!(
            to_text(&buffer, false, true),
            "a\u{2764}\u{FE0F}\r\x1b[3Cb\u{1F44D}\u{1F3FD}\r\x1b[6Cc|\n"
        );
        assert_eq!(
            to_text(&buffer, false, false),
            "a\u{2764}\u{FE0F}b\u{1F44D}\u{1F3FD}c|\n"
        );
    }
}
