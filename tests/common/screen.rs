//! A drawn screen read back as text, the way a person reads it: each wide character once,
//! not once for each of the two cells it covers.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Row `y` of the screen as text, each wide character once.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    cells(buffer, y).map(|(_, symbol)| symbol).collect()
}

/// The screen as lines of text, each wide character once.
pub fn screen_text(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| row_text(buffer, y) + "\n")
        .collect()
}

/// Where `needle` starts on screen, in cells (wide characters take two).
pub fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| {
        let mut line = String::new();
        let mut columns = Vec::new();
        for (x, symbol) in cells(buffer, y) {
            columns.extend(symbol.chars().map(|_| x));
            line.push_str(symbol);
        }
        let at = line.find(needle)?;
        Some((columns[line[..at].chars().count()], y))
    })
}

/// The symbols of row `y` with the column each starts at, skipping the cells a wide
/// character covers; an empty cell reads as a space.
fn cells(buffer: &Buffer, y: u16) -> impl Iterator<Item = (u16, &str)> {
    let mut x = 0;
    std::iter::from_fn(move || {
        if x >= buffer.area.width {
            return None;
        }
        let symbol = match buffer[(x, y)].symbol() {
            "" => " ",
            s => s,
        };
        let at = x;
        x += symbol.width().max(1) as u16;
        Some((at, symbol))
    })
}
