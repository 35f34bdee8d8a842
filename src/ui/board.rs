//! The board: stage columns side by side, moment cards inside. Only the stages and cards
//! that are on screen are laid out, so a map of thousands of moments draws as fast as a
//! small one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Widget};

use super::input_window;
use super::theme::Theme;
use crate::app::{App, Mode, TextTarget, ViewState};
use crate::merge::has_conflict;
use crate::model::{Moment, Stage};
use crate::status::Tone;
use crate::text::count_summary;
use crate::text::{truncate, width, wrap};

/// Columns are never narrower than this; more stages than fit scroll sideways.
pub const MIN_COLUMN_WIDTH: u16 = 26;
/// Nor wider than this, so cards stay cards on a wide screen.
pub const MAX_COLUMN_WIDTH: u16 = 48;
/// The most lines of a title a card shows.
const MAX_TITLE_LINES: usize = 3;

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

pub fn render_board(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    view: &mut ViewState,
) -> Option<Position> {
    let theme = &app.theme;
    let stages = app.journey().stages();
    if stages.is_empty() {
        let add = app.keymap.first_label(crate::action::Action::AddStage);
        let message = format!("This journey has no stages yet. Press {add} to add the first one.");
        let y = area.y + area.height / 2;
        let line = truncate(&message, area.width as usize);
        let x = area.x + area.width.saturating_sub(width(&line) as u16) / 2;
        buf.set_stringn(x, y, &line, area.width as usize, theme.dim());
        return None;
    }
    let widths = column_layout(area.width, stages.len());
    let visible = widths.len();
    let selected = app.selection.stage.min(stages.len() - 1);
    // Scroll sideways only as far as needed to keep the selected stage in view.
    let mut first = view.first_stage.min(stages.len() - visible);
    if selected < first {
        first = selected;
    } else if selected >= first + visible {
        first = selected + 1 - visible;
    }
    view.first_stage = first;

    let mut cursor = None;
    let mut x = area.x;
    for (slot, index) in (first..first + visible).enumerate() {
        let column = Rect {
            x,
            width: widths[slot],
            ..area
        };
        x += widths[slot];
        let hidden_left = (slot == 0 && first > 0).then_some(first);
        let hidden_right = (slot + 1 == visible && first + visible < stages.len())
            .then_some(stages.len() - first - visible);
        let found = render_column(
            column,
            buf,
            app,
            view,
            index,
            ColumnEdges {
                hidden_left,
                hidden_right,
            },
            theme,
        );
        cursor = cursor.or(found);
    }
    cursor
}

/// How many stages are scrolled out of view on each side of the board, shown on the
/// outermost columns.
struct ColumnEdges {
    hidden_left: Option<usize>,
    hidden_right: Option<usize>,
}

fn render_column(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    view: &mut ViewState,
    index: usize,
    edges: ColumnEdges,
    theme: &Theme,
) -> Option<Position> {
    let stage = &app.journey().stages()[index];
    let is_selected = app.show_selection && index == app.selection.stage;
    // The selected column's top and bottom edges are heavy and bright; its sides stay as
    // they are, so moving between stages redraws two edges, not two whole columns.
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_set(if is_selected {
            SELECTED_COLUMN
        } else {
            border::PLAIN
        })
        .border_style(theme.column_border(false));
    if let Some(n) = edges.hidden_left {
        block = block.title_bottom(Line::styled(format!("< {n} more"), theme.key()).left_aligned());
    }
    if let Some(n) = edges.hidden_right {
        block =
            block.title_bottom(Line::styled(format!("{n} more >"), theme.key()).right_aligned());
    }
    let inner = block.inner(area);
    if inner.height < 2 || inner.width < 4 {
        block.render(area, buf);
        return None;
    }

    // The stage's name, or the field where it is being typed.
    let mut cursor = None;
    let name_area = Rect { height: 1, ..inner };
    match &app.mode {
        Mode::EditText {
            target: TextTarget::StageName(id),
            input,
            ..
        } if *id == stage.id => {
            let (shown, at) = input_window(input, inner.width as usize - 1);
            buf.set_stringn(
                name_area.x,
                name_area.y,
                crate::text::pad(&shown, inner.width as usize),
                inner.width as usize,
                theme.input(),
            );
            cursor = Some(Position::new(name_area.x + at, name_area.y));
        }
        _ => {
            let name = if stage.name.is_empty() {
                "(unnamed stage)"
            } else {
                &stage.name
            };
            let name = truncate(name, inner.width as usize - 1);
            let style = theme.stage_name(is_selected);
            buf.set_stringn(
                name_area.x,
                name_area.y,
                format!(" {name:w$}", w = inner.width as usize - 1),
                inner.width as usize,
                style,
            );
        }
    }
    let summary = stage_summary(stage, inner.width as usize - 1);
    buf.set_stringn(
        inner.x + 1,
        inner.y + 1,
        &summary,
        inner.width as usize - 1,
        theme.dim(),
    );

    let cards_area = Rect {
        y: inner.y + 2,
        height: inner.height - 2,
        ..inner
    };
    let (found, above, below) = render_cards(cards_area, buf, app, view, stage, is_selected, theme);
    cursor = cursor.or(found);
    if above > 0 {
        block =
            block.title_top(Line::styled(format!("{above} above"), theme.key()).right_aligned());
    }
    if below > 0 {
        block = block.title_bottom(Line::styled(format!("{below} below"), theme.key()).centered());
    }
    block.render(area, buf);
    if is_selected {
        for y in [area.top(), area.bottom() - 1] {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                theme.column_border(true),
            );
        }
    }
    cursor
}

/// Heavy top and bottom edges, light sides.
const SELECTED_COLUMN: border::Set = border::Set {
    top_left: "┍",
    top_right: "┑",
    bottom_left: "┕",
    bottom_right: "┙",
    vertical_left: "│",
    vertical_right: "│",
    horizontal_top: "━",
    horizontal_bottom: "━",
};

/// "4 moments: 1 pain, 2 glories", shortened to fit.
fn stage_summary(stage: &Stage, room: usize) -> String {
    let (moments, pains, glories) = (stage.moments.len(), stage.pains(), stage.glories());
    let full = count_summary(moments, pains, glories);
    if width(&full) <= room {
        return full;
    }
    let short = format!(
        "{moments}: {}, {}",
        crate::text::plural(pains, "pain", "pains"),
        crate::text::plural(glories, "glory", "glories")
    );
    if width(&short) <= room {
        return short;
    }
    truncate(&format!("{moments}: {pains}- {glories}+"), room)
}

/// Draws the cards that fit, scrolled so the selected one is in view. Returns the text
/// cursor, and how many cards are hidden above and below.
fn render_cards(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    view: &mut ViewState,
    stage: &Stage,
    is_selected: bool,
    theme: &Theme,
) -> (Option<Position>, usize, usize) {
    let moments = &stage.moments;
    if moments.is_empty() {
        if is_selected && area.height > 0 {
            let add = app.keymap.first_label(crate::action::Action::AddMoment);
            let hint = truncate(
                &format!("No moments yet: {add} adds one."),
                area.width as usize - 1,
            );
            buf.set_stringn(area.x + 1, area.y, &hint, area.width as usize, theme.dim());
        }
        return (None, 0, 0);
    }
    let inner_width = card_inner_width(area.width + 2);
    let height = |m: &Moment| card_height(m, inner_width);
    let mut first = view
        .first_moment
        .get(&stage.id)
        .copied()
        .unwrap_or(0)
        .min(moments.len() - 1);
    if is_selected {
        let selected = app.selection.moment.min(moments.len() - 1);
        let room = usize::from(area.height);
        // The first card from which `count` cards' worth of room, walking up from `last`,
        // is filled: only the cards near the screen are measured.
        let fill_up_to = |last: usize, limit: usize| {
            let mut top = last;
            let mut used = usize::from(height(&moments[last]));
            while top > 0 && used + usize::from(height(&moments[top - 1])) <= limit {
                top -= 1;
                used += usize::from(height(&moments[top]));
            }
            top
        };
        let fits = fill_up_to(selected, room) <= first;
        if selected < first || !fits {
            // Out of view: scroll so the selected card sits mid-column, so the next moves
            // redraw two cards rather than the whole column (cheap over a slow link), but
            // never past the last card.
            first = fill_up_to(selected, room / 2).min(fill_up_to(moments.len() - 1, room));
        }
    }
    view.first_moment.insert(stage.id, first);

    let search = app.search.as_ref().map(|s| s.query.to_lowercase());
    let mut cursor = None;
    let mut y = area.y;
    let mut shown = 0;
    for (offset, moment) in moments[first..].iter().enumerate() {
        let index = first + offset;
        let h = height(moment);
        let room = area.bottom() - y;
        if h > room && shown > 0 {
            break;
        }
        let card_area = Rect {
            y,
            height: h.min(room),
            ..area
        };
        let selected = is_selected && index == app.selection.moment;
        let editing = match &app.mode {
            Mode::EditText {
                target: TextTarget::MomentTitle(id),
                input,
                ..
            } if *id == moment.id => Some(input),
            _ => None,
        };
        let is_match = search.as_deref().is_some_and(|q| moment.matches(q));
        let dimmed = app.filter.as_ref().is_some_and(|f| !f.matches(moment));
        let found = render_card(
            card_area,
            buf,
            moment,
            CardLook {
                selected,
                is_match,
                dimmed,
            },
            editing,
            theme,
        );
        cursor = cursor.or(found);
        y += card_area.height;
        shown += 1;
        if y >= area.bottom() {
            break;
        }
    }
    (cursor, first, moments.len() - first - shown)
}

/// The cells inside a card of a column `column_width` wide: column border, card border and
/// padding on each side.
fn card_inner_width(column_width: u16) -> usize {
    column_width.saturating_sub(6) as usize
}

/// Lines a whole stage takes with every card shown: borders, name, summary, cards.
pub fn stage_height(stage: &Stage, column_width: u16) -> u16 {
    let inner = card_inner_width(column_width);
    4 + stage
        .moments
        .iter()
        .map(|m| card_height(m, inner))
        .sum::<u16>()
}

/// Lines a card takes: borders, the header when there is something to show, the title.
pub fn card_height(moment: &Moment, inner_width: usize) -> u16 {
    let header = u16::from(has_header(moment));
    let title = wrap(&moment.title, inner_width.max(1), MAX_TITLE_LINES)
        .len()
        .max(1) as u16;
    2 + header + title
}

fn has_header(moment: &Moment) -> bool {
    moment.kind.is_some()
        || !moment.feeling.is_neutral()
        || !moment.channel.is_empty()
        || has_conflict(moment)
}

/// Double for the selected card, heavy for a moment of truth, rounded for the rest.
pub fn card_border_type(moment: &Moment, selected: bool) -> BorderType {
    if selected {
        BorderType::Double
    } else if moment.kind.is_some() {
        BorderType::Thick
    } else {
        BorderType::Rounded
    }
}

#[derive(Clone, Copy)]
struct CardLook {
    selected: bool,
    is_match: bool,
    /// Left out by the filter: drawn faint, with no colour.
    dimmed: bool,
}

/// One moment: its kind as a badge, its feeling as a symbol and a word in colour, and its
/// title. Moments of truth get a heavy border, the selected card a double one.
fn render_card(
    area: Rect,
    buf: &mut Buffer,
    moment: &Moment,
    look: CardLook,
    editing: Option<&crate::input::TextInput>,
    theme: &Theme,
) -> Option<Position> {
    let border = card_border_type(moment, look.selected);
    let block = Block::bordered()
        .border_type(border)
        .border_style(theme.card_border(moment.feeling, look.selected))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return None;
    }
    let mut y = inner.y;
    if has_header(moment) {
        render_card_header(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
            moment,
            theme,
        );
        y += 1;
    }
    if y >= inner.bottom() {
        return None;
    }
    if let Some(input) = editing {
        let (shown, at) = input_window(input, inner.width as usize);
        buf.set_stringn(
            inner.x,
            y,
            crate::text::pad(&shown, inner.width as usize),
            inner.width as usize,
            theme.input(),
        );
        return Some(Position::new(inner.x + at, y));
    }
    let mut style = if look.selected {
        theme.selected_title()
    } else {
        Style::new()
    };
    if look.is_match {
        style = style.patch(theme.search_match());
    }
    if look.dimmed {
        style = style.patch(theme.faded());
    }
    for line in wrap(&moment.title, inner.width as usize, MAX_TITLE_LINES) {
        if y >= inner.bottom() {
            break;
        }
        buf.set_stringn(inner.x, y, &line, inner.width as usize, style);
        y += 1;
    }
    None
}

/// `FMOT -- deep pain      Store`: the badge, the feeling, and the channel on the right
/// when there is room; `! conflict` there instead while a merge conflict waits.
fn render_card_header(area: Rect, buf: &mut Buffer, moment: &Moment, theme: &Theme) {
    let room = area.width as usize;
    let mut spans = Vec::new();
    if let Some(kind) = moment.kind {
        spans.push(Span::styled(format!(" {} ", kind.badge()), theme.badge()));
        spans.push(Span::raw(" "));
    }
    if !moment.feeling.is_neutral() {
        let symbol = moment.feeling.symbol();
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        // The word when it fits, the symbol always: it carries the meaning without colour.
        let with_word = format!("{symbol} {}", moment.feeling.label());
        let feeling = if used + width(&with_word) <= room {
            with_word
        } else {
            symbol.to_string()
        };
        spans.push(Span::styled(feeling, theme.feeling(moment.feeling)));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    Line::from(spans).render(area, buf);
    let left = room.saturating_sub(used + 2);
    if has_conflict(moment) {
        let mark = if left >= width("! conflict") {
            "! conflict"
        } else {
            "!"
        };
        let x = area.right() - width(mark) as u16;
        buf.set_stringn(x, area.y, mark, left, theme.status(Tone::Error));
    } else if !moment.channel.is_empty() && left >= 5.min(width(&moment.channel)) {
        let channel = truncate(&moment.channel, left);
        let x = area.right() - width(&channel) as u16;
        buf.set_stringn(x, area.y, &channel, left, theme.dim());
    }
}
