//! The board's geometry: where the board sits on screen, how many stage columns fit and how
//! wide they are, how tall each card is, and how far a column scrolls so the selection is
//! in view. The update step keeps the scroll with these; the view draws with the same
//! numbers, so the two always agree.

use ratatui::layout::Rect;

use crate::merge::has_conflict;
use crate::model::{Moment, Stage, open_count};
use crate::text::wrap;
use crate::workshop::Filter;

/// Below this the editor is not drawn; a message asks for a larger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Columns are never narrower than this; more stages than fit scroll sideways.
pub const MIN_COLUMN_WIDTH: u16 = 26;
/// Nor wider than this, so cards stay cards on a wide screen.
pub const MAX_COLUMN_WIDTH: u16 = 48;
/// The most lines of a title a card shows.
pub const MAX_TITLE_LINES: usize = 3;

/// How much each card on the board shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Density {
    /// One line per card, its title: as many cards as the screen holds.
    Compact,
    /// The badge, the feeling, the channel, the title, and votes and markers on the
    /// card's bottom edge.
    #[default]
    Normal,
    /// Also the first line of the notes and the idea.
    Detailed,
}

impl Density {
    /// The next one round: compact, normal, detailed, compact…
    pub fn next(self) -> Density {
        match self {
            Density::Compact => Density::Normal,
            Density::Normal => Density::Detailed,
            Density::Detailed => Density::Compact,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Density::Compact => "compact",
            Density::Normal => "normal",
            Density::Detailed => "detailed",
        }
    }
}

/// Where the board goes on a screen of `area`: between the title line and the status line,
/// or, presenting the whole map, above the presentation's footer.
pub fn board_area(area: Rect, presenting: bool) -> Rect {
    if presenting {
        Rect {
            height: area.height.saturating_sub(1),
            ..area
        }
    } else {
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        }
    }
}

/// How wide a column of the help is at least, on a screen wide enough for two.
const HELP_COLUMN: u16 = 66;

/// The help overlay on a screen of `area`: as wide as 80 columns allow and as tall as the
/// screen; on a screen wide enough for two columns of the help (140 columns) or three
/// (200), as wide as the screen.
pub fn help_popup(area: Rect) -> Rect {
    let columns = help_column_count(area);
    centered(area, if columns > 1 { area.width } else { 80 }, area.height)
}

/// How many columns the help has on a screen of `area`: one, two or three.
fn help_column_count(area: Rect) -> u16 {
    (area.width.saturating_sub(2) / HELP_COLUMN).clamp(1, 3)
}

/// Where the help's columns of text go on a screen of `area`: inside its border, above
/// its footer line, two cells apart.
pub fn help_columns(area: Rect) -> Vec<Rect> {
    let popup = help_popup(area);
    let n = help_column_count(area);
    let inner = Rect {
        x: popup.x + 1,
        y: popup.y + 1,
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(3),
    };
    let gap = 2;
    let width = inner.width.saturating_sub(gap * (n - 1)) / n;
    (0..n)
        .map(|i| Rect {
            x: inner.x + i * (width + gap),
            width,
            ..inner
        })
        .collect()
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// How many rows of a list of `len` (the votes) fit in `board` under its heading: all of
/// them, or one fewer to leave a line saying how many more there are.
pub fn list_rows(board: Rect, len: usize) -> usize {
    let room = usize::from(board.height.saturating_sub(1));
    if len > room {
        room.saturating_sub(1).max(1)
    } else {
        room.max(1)
    }
}

/// How many columns fit, and the width of each: the screen is shared out evenly, the
/// first columns taking a column more when it does not divide.
pub fn column_layout(width: u16, stages: usize) -> Vec<u16> {
    let fit = (width / MIN_COLUMN_WIDTH).max(1) as usize;
    let visible = stages.clamp(1, fit) as u16;
    let base = width / visible;
    let extra = width % visible;
    (0..visible)
        .map(|i| (base + u16::from(i < extra)).min(MAX_COLUMN_WIDTH))
        .collect()
}

/// The cells inside a card of a column `column_width` wide: column border, card border and
/// padding on each side.
pub fn card_inner_width(column_width: u16) -> usize {
    column_width.saturating_sub(6) as usize
}

/// The rows a column of `column_height` has for cards: less its borders, the stage's name
/// and its counts.
pub fn cards_height(column_height: u16) -> u16 {
    column_height.saturating_sub(4)
}

/// Lines a whole stage takes with every card shown: borders, name, summary, cards.
pub fn stage_height(stage: &Stage, column_width: u16, density: Density) -> u16 {
    let inner = card_inner_width(column_width);
    4 + stage
        .moments
        .iter()
        .map(|m| card_height(m, inner, density))
        .sum::<u16>()
}

/// Lines a card takes: compact, one; otherwise borders, the header when there is
/// something to show, the title, and in detail the notes' first line and the idea.
pub fn card_height(moment: &Moment, inner_width: usize, density: Density) -> u16 {
    if density == Density::Compact {
        return 1;
    }
    let header = u16::from(has_header(moment));
    let title = wrap(&moment.title, inner_width.max(1), MAX_TITLE_LINES)
        .len()
        .max(1) as u16;
    let extra = if density == Density::Detailed {
        detail_lines(moment).len() as u16
    } else {
        0
    };
    2 + header + title + extra
}

/// What a detailed card shows under its title: the first line of the notes and of the
/// idea, each with its marker.
pub fn detail_lines(moment: &Moment) -> Vec<(&'static str, &str)> {
    [(NOTES_MARK, &moment.notes), (IDEA_MARK, &moment.idea)]
        .into_iter()
        .filter_map(|(mark, text)| {
            let first = text.lines().find(|l| !l.trim().is_empty())?;
            Some((mark, first.trim()))
        })
        .collect()
}

/// The markers of a card that has notes, an idea: one column wide, and read without
/// colour.
pub const NOTES_MARK: &str = "≡";
pub const IDEA_MARK: &str = "✦";

/// Whether a card has a header line: a kind, a feeling, a to-be, a channel, a conflict or
/// open comments to show.
pub fn has_header(moment: &Moment) -> bool {
    moment.kind.is_some()
        || !moment.feeling.is_neutral()
        || moment.target.is_some()
        || !moment.channel.is_empty()
        || has_conflict(moment)
        || open_count(&moment.comments) > 0
}

/// The first of `len` items to show when `visible` fit (the leftmost stage column, the
/// top row of a list), moving from `first` only as far as needed to keep `selected` in
/// view.
pub fn first_in_view(first: usize, selected: usize, len: usize, visible: usize) -> usize {
    let mut first = first.min(len.saturating_sub(visible));
    if selected < first {
        first = selected;
    } else if selected >= first + visible {
        first = selected + 1 - visible;
    }
    first
}

/// A card on the board: a moment, or the new one whose title is being typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Card<'a> {
    Moment(&'a Moment),
    New,
}

/// A column's cards as the board shows them: the stage's moments, with the new card being
/// typed at `new_at` when there is one.
#[derive(Clone, Copy, Debug)]
pub struct Cards<'a> {
    pub moments: &'a [Moment],
    pub new_at: Option<usize>,
    pub density: Density,
    /// While the filter hides what it leaves out: the filter, and the card shown whatever
    /// it is (the selected one, so what keys act on is always in view).
    pub hide: Option<(&'a Filter, Option<usize>)>,
}

impl<'a> Cards<'a> {
    pub fn len(&self) -> usize {
        self.moments.len() + usize::from(self.new_at.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The card at `index`, which must be below [`Cards::len`].
    pub fn get(&self, index: usize) -> Card<'a> {
        match self.new_at {
            Some(at) if index == at => Card::New,
            Some(at) if index > at => Card::Moment(&self.moments[index - 1]),
            _ => Card::Moment(&self.moments[index]),
        }
    }

    /// Whether card `index` is hidden by the filter.
    pub fn is_hidden(&self, index: usize) -> bool {
        match (self.hide, self.get(index)) {
            (Some((filter, keep)), Card::Moment(moment)) => {
                keep != Some(index) && !filter.matches(moment)
            }
            _ => false,
        }
    }

    /// How many cards in `range` are shown.
    pub fn shown_in(&self, range: std::ops::Range<usize>) -> usize {
        match self.hide {
            Some(_) => range.filter(|&i| !self.is_hidden(i)).count(),
            None => range.len(),
        }
    }

    /// The rows card `index` takes with `inner_width` columns for its text: none when
    /// hidden; a new card is one line of typing.
    pub fn height(&self, index: usize, inner_width: usize) -> u16 {
        if self.is_hidden(index) {
            return 0;
        }
        match self.get(index) {
            Card::Moment(moment) => card_height(moment, inner_width, self.density),
            Card::New if self.density == Density::Compact => 1,
            Card::New => NEW_CARD_HEIGHT,
        }
    }
}

/// A new card while its title is typed: two borders and the line being typed.
pub const NEW_CARD_HEIGHT: u16 = 3;

/// The topmost card to show in a column with `room` rows for cards, cards `inner_width`
/// wide, so that the selected card is in view. While it is, nothing moves; when it is
/// not, the column scrolls so the selected card sits mid-column (so the next moves redraw
/// two cards rather than the whole column, which matters on a slow link), never past the
/// last card. Only the cards near the screen are measured.
pub fn first_moment(
    first: usize,
    selected: usize,
    cards: Cards,
    inner_width: usize,
    room: u16,
) -> usize {
    if cards.is_empty() {
        return 0;
    }
    let last = cards.len() - 1;
    let height = |i: usize| usize::from(cards.height(i, inner_width));
    let first = first.min(last);
    let selected = selected.min(last);
    let room = usize::from(room);
    // The first card from which the cards up to `last` fill at most `limit` rows.
    let fill_up_to = |last: usize, limit: usize| {
        let mut top = last;
        let mut used = height(last);
        while top > 0 && used + height(top - 1) <= limit {
            top -= 1;
            used += height(top);
        }
        top
    };
    let fits = fill_up_to(selected, room) <= first;
    if selected < first || !fits {
        fill_up_to(selected, room / 2).min(fill_up_to(last, room))
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_the_width_and_keep_a_readable_size() {
        assert_eq!(column_layout(80, 5), vec![27, 27, 26]);
        assert_eq!(column_layout(200, 2), vec![48, 48]);
        assert_eq!(column_layout(30, 3), vec![30]);
    }

    #[test]
    fn the_board_scrolls_sideways_only_as_far_as_the_selection_needs() {
        assert_eq!(first_in_view(0, 2, 10, 3), 0);
        assert_eq!(first_in_view(0, 3, 10, 3), 1);
        assert_eq!(first_in_view(5, 2, 10, 3), 2);
        assert_eq!(first_in_view(9, 9, 10, 3), 7, "never past the last column");
    }

    #[test]
    fn a_column_scrolls_to_put_the_selection_mid_column() {
        let moments: Vec<Moment> = (0..30).map(|i| Moment::new(format!("{i}"))).collect();
        let cards = Cards {
            moments: &moments,
            new_at: None,
            density: Density::Normal,
            hide: None,
        };
        // Each card is three rows: two borders and a one-line title.
        assert_eq!(first_moment(0, 3, cards, 20, 15), 0, "in view: no move");
        assert_eq!(first_moment(0, 10, cards, 20, 15), 9);
        assert_eq!(first_moment(0, 29, cards, 20, 15), 25, "not past the end");
        let with_new = Cards {
            new_at: Some(30),
            ..cards
        };
        assert_eq!(with_new.len(), 31);
        assert_eq!(with_new.get(30), Card::New);
        assert_eq!(
            first_moment(25, 30, with_new, 20, 15),
            26,
            "the new card in view"
        );
    }
}
