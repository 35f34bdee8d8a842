//! The board: stage columns side by side, moment cards inside. Only the stages and cards
//! that are on screen are laid out, so a map of thousands of moments draws as fast as a
//! small one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Widget};

use super::input_window;
use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Mode, Scroll, Selection, TextTarget};
use crate::input::TextInput;
use crate::keymap::KeyMap;
use crate::layout::{
    self, Card, Cards, Density, IDEA_MARK, MAX_TITLE_LINES, NOTES_MARK, detail_lines, has_header,
};
use crate::merge::has_conflict;
use crate::model::{Feeling, Id, Moment, Stage, open_count};
use crate::status::Tone;
use crate::text::{count_summary, pad, plural, truncate, width, wrap};
use crate::workshop::Filter;

/// The board for one frame: the stages it shows and what marks their cards.
pub struct BoardView<'a> {
    pub stages: &'a [Stage],
    /// The selected stage and card; `None` for a printout, where nothing is selected.
    pub selection: Option<Selection>,
    /// Where each column and the row of columns are scrolled to.
    pub scroll: &'a Scroll,
    /// Cards the filter leaves out are dimmed, or hidden.
    pub filter: Option<&'a Filter>,
    pub hide: bool,
    /// Cards that mention this (lowercase) stand out.
    pub search: Option<String>,
    /// A title or a name being typed on the board, and which.
    pub typing: Option<(TextTarget, &'a TextInput)>,
    /// The cards other editors have selected, with their initials.
    pub others: Vec<(Id, String)>,
    /// A voting round is under way: the votes are not shown.
    pub votes_hidden: bool,
    /// How much each card shows.
    pub density: Density,
    /// For the hints on an empty board or column.
    pub keys: &'a KeyMap,
    pub theme: &'a Theme,
}

impl<'a> BoardView<'a> {
    pub fn of(app: &'a App, theme: &'a Theme) -> BoardView<'a> {
        let typing = match app.mode() {
            Mode::EditText { target, input } => Some((*target, input)),
            _ => None,
        };
        BoardView {
            stages: app.journey().stages(),
            selection: Some(app.selection()),
            scroll: app.scroll(),
            filter: app.filter(),
            hide: app.hides_unmatched(),
            search: app.search().map(|s| s.query.to_lowercase()),
            typing,
            votes_hidden: app.round().is_some(),
            others: app
                .peers()
                .iter()
                .filter_map(|p| Some((Id(p.selected?), p.initials())))
                .collect(),
            density: app.density(),
            keys: app.keymap(),
            theme,
        }
    }

    /// Where a new stage is being named, among the columns.
    fn new_stage_at(&self) -> Option<usize> {
        match self.typing {
            Some((TextTarget::NewStage { index }, _)) => Some(index.min(self.stages.len())),
            _ => None,
        }
    }

    /// The stage shown in column `index`, or `None` for the new one being named.
    fn stage_in_column(&self, index: usize) -> Option<&'a Stage> {
        match self.new_stage_at() {
            Some(at) if index == at => None,
            Some(at) if index > at => self.stages.get(index - 1),
            _ => self.stages.get(index),
        }
    }

    /// Draws the board; returns the cursor while a title or name is typed on it.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let new_stage = self.new_stage_at();
        let total = self.stages.len() + usize::from(new_stage.is_some());
        if total == 0 {
            let add = self.keys.board_key(Action::AddStage);
            let message =
                format!("This journey has no stages yet. Press {add} to add the first one.");
            let y = area.y + area.height / 2;
            let line = truncate(&message, area.width as usize);
            let x = area.x + area.width.saturating_sub(width(&line) as u16) / 2;
            buf.set_stringn(x, y, &line, area.width as usize, theme.dim());
            return None;
        }
        let widths = layout::column_layout(area.width, total);
        let visible = widths.len();
        let focus = self
            .selection
            .map(|s| new_stage.unwrap_or(s.stage.min(total - 1)));
        let first =
            layout::first_in_view(self.scroll.first_stage, focus.unwrap_or(0), total, visible);
        let mut cursor = None;
        let mut x = area.x;
        for (slot, index) in (first..first + visible).enumerate() {
            let column = Rect {
                x,
                width: widths[slot],
                ..area
            };
            x += widths[slot];
            let edges = ColumnEdges {
                hidden_left: (slot == 0 && first > 0).then_some(first),
                hidden_right: (slot + 1 == visible && first + visible < total)
                    .then_some(total - first - visible),
            };
            let found = self.render_column(column, buf, index, focus == Some(index), edges);
            cursor = cursor.or(found);
        }
        cursor
    }

    fn render_column(
        &self,
        area: Rect,
        buf: &mut Buffer,
        index: usize,
        is_selected: bool,
        edges: ColumnEdges,
    ) -> Option<Position> {
        let theme = self.theme;
        let blank = Stage::new("");
        let stage = self.stage_in_column(index).unwrap_or(&blank);
        let is_new = self.new_stage_at() == Some(index);
        let mut block = column_block(is_selected, &edges, theme);
        let inner = block.inner(area);
        if inner.height < 2 || inner.width < 4 {
            block.render(area, buf);
            return None;
        }
        let name_input = match self.typing {
            Some((TextTarget::StageName(id), input)) if id == stage.id && !is_new => Some(input),
            Some((TextTarget::NewStage { .. }, input)) if is_new => Some(input),
            _ => None,
        };
        let cursor = self.render_stage_head(inner, buf, stage, is_selected, name_input);
        let cards_area = Rect {
            y: inner.y + 2,
            height: inner.height - 2,
            ..inner
        };
        let new_at = match self.typing {
            Some((TextTarget::NewMoment { stage: id, index }, _)) if id == stage.id && !is_new => {
                Some(index.min(stage.moments.len()))
            }
            _ => None,
        };
        let selected = match (is_selected, new_at, self.selection) {
            (true, Some(at), _) => Some(at),
            (true, None, Some(selection)) => Some(selection.moment),
            _ => None,
        };
        let cards = Cards {
            moments: &stage.moments,
            new_at,
            density: self.density,
            hide: self
                .filter
                .filter(|_| self.hide)
                .map(|filter| (filter, selected)),
        };
        let (found, above, below) =
            self.render_cards(cards_area, buf, stage, cards, is_selected, area.width);
        if above > 0 {
            block = block
                .title_top(Line::styled(format!("{above} above"), theme.key()).right_aligned());
        }
        if below > 0 {
            block =
                block.title_bottom(Line::styled(format!("{below} below"), theme.key()).centered());
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
        cursor.or(found)
    }

    /// The stage's name (or the field where it is typed) and its counts, at the top of
    /// its column.
    fn render_stage_head(
        &self,
        inner: Rect,
        buf: &mut Buffer,
        stage: &Stage,
        is_selected: bool,
        typing: Option<&TextInput>,
    ) -> Option<Position> {
        let theme = self.theme;
        let mut cursor = None;
        match typing {
            Some(input) => {
                let (shown, at) = input_window(input, inner.width as usize - 1);
                buf.set_stringn(
                    inner.x,
                    inner.y,
                    pad(&shown, inner.width as usize),
                    inner.width as usize,
                    theme.input(),
                );
                cursor = Some(Position::new(inner.x + at, inner.y));
            }
            None => {
                let name = if stage.name.is_empty() {
                    "(unnamed stage)"
                } else {
                    &stage.name
                };
                let name = truncate(name, inner.width as usize - 1);
                buf.set_stringn(
                    inner.x,
                    inner.y,
                    format!(" {name:w$}", w = inner.width as usize - 1),
                    inner.width as usize,
                    theme.stage_name(is_selected),
                );
            }
        }
        // The stage's open comments at the end of its summary line, kept when it is cut.
        let open = open_count(&stage.comments);
        let marker = if open > 0 {
            format!(" {}", comment_mark(open))
        } else {
            String::new()
        };
        let room = (inner.width as usize - 1).saturating_sub(width(&marker));
        let summary = stage_summary(stage, room) + &marker;
        buf.set_stringn(
            inner.x + 1,
            inner.y + 1,
            &summary,
            inner.width as usize - 1,
            theme.dim(),
        );
        cursor
    }

    /// Draws the cards that fit, from where the column is scrolled to. Returns the text
    /// cursor, and how many cards are hidden above and below.
    fn render_cards(
        &self,
        area: Rect,
        buf: &mut Buffer,
        stage: &Stage,
        cards: Cards,
        is_selected: bool,
        column_width: u16,
    ) -> (Option<Position>, usize, usize) {
        let theme = self.theme;
        if cards.is_empty() {
            if is_selected && area.height > 0 {
                let add = self.keys.board_key(Action::AddMoment);
                let hint = truncate(
                    &format!("No moments yet: {add} adds one."),
                    area.width as usize - 1,
                );
                buf.set_stringn(area.x + 1, area.y, &hint, area.width as usize, theme.dim());
            }
            return (None, 0, 0);
        }
        let inner_width = layout::card_inner_width(column_width);
        let stored = self
            .scroll
            .first_moment
            .get(&stage.id)
            .copied()
            .unwrap_or(0);
        let selected = match (is_selected, cards.new_at, self.selection) {
            (true, Some(at), _) => Some(at),
            (true, None, Some(selection)) => Some(selection.moment.min(cards.len() - 1)),
            _ => None,
        };
        // Where the update step scrolled the column to; the view only keeps it in range.
        let first = stored.min(cards.len() - 1);
        let mut cursor = None;
        let mut y = area.y;
        let mut shown = 0;
        let mut end = first;
        for index in first..cards.len() {
            if cards.is_hidden(index) {
                end = index + 1;
                continue;
            }
            let h = cards.height(index, inner_width);
            let room = area.bottom() - y;
            if h > room && shown > 0 {
                break;
            }
            let card_area = Rect {
                y,
                height: h.min(room),
                ..area
            };
            let found = self
                .card(cards.get(index), selected == Some(index))
                .draw(card_area, buf);
            cursor = cursor.or(found);
            y += card_area.height;
            shown += 1;
            end = index + 1;
            if y >= area.bottom() {
                break;
            }
        }
        if shown == 0 && area.height > 0 {
            let clear = self.keys.board_key(Action::ClearFilter);
            let hint = truncate(
                &format!("None match the filter ({clear} clears it)."),
                area.width as usize - 1,
            );
            buf.set_stringn(area.x + 1, area.y, &hint, area.width as usize, theme.dim());
        }
        let hidden_below = cards.shown_in(end..cards.len());
        (cursor, cards.shown_in(0..first), hidden_below)
    }
}

impl<'a> BoardView<'a> {
    /// The widget for one card: a moment, marked by the search and the filter, or the new
    /// card whose title is typed.
    fn card(&self, card: Card<'a>, selected: bool) -> MomentCard<'a> {
        match card {
            Card::Moment(moment) => MomentCard {
                moment,
                look: CardLook {
                    selected,
                    is_match: self.search.as_deref().is_some_and(|q| moment.matches(q)),
                    dimmed: self.filter.is_some_and(|f| !f.matches(moment)),
                },
                editing: match self.typing {
                    Some((TextTarget::MomentTitle(id), input)) if id == moment.id => Some(input),
                    _ => None,
                },
                votes_hidden: self.votes_hidden,
                others: self
                    .others
                    .iter()
                    .filter(|(id, _)| *id == moment.id)
                    .map(|(_, initials)| initials.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                density: self.density,
                theme: self.theme,
            },
            Card::New => MomentCard {
                moment: &NEW_CARD,
                look: CardLook {
                    selected: true,
                    is_match: false,
                    dimmed: false,
                },
                editing: self.typing.map(|(_, input)| input),
                others: String::new(),
                votes_hidden: false,
                density: self.density,
                theme: self.theme,
            },
        }
    }
}

/// How a new card looks while its title is typed: no kind, no feeling, no channel yet.
static NEW_CARD: std::sync::LazyLock<Moment> = std::sync::LazyLock::new(|| Moment::new(""));

/// How many stages are scrolled out of view on each side of the board, shown on the
/// outermost columns.
struct ColumnEdges {
    hidden_left: Option<usize>,
    hidden_right: Option<usize>,
}

/// A column's border: heavy top and bottom edges when it is selected (its sides stay as
/// they are, so moving between stages redraws two edges, not two whole columns), and how
/// many stages are hidden beyond it.
fn column_block(is_selected: bool, edges: &ColumnEdges, theme: &Theme) -> Block<'static> {
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
    block
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
        plural(pains, "pain", "pains"),
        plural(glories, "glory", "glories")
    );
    if width(&short) <= room {
        return short;
    }
    truncate(&format!("{moments}: {pains}- {glories}+"), room)
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
    /// Left out by the filter: drawn faint, with no colour, and a dashed border (a dot in
    /// front of a compact card), which shows without colour too.
    dimmed: bool,
}

/// One moment: its kind as a badge, its feeling as a symbol and a word in colour, and its
/// title (or the field where it is typed). Moments of truth get a heavy border, the
/// selected card a double one.
struct MomentCard<'a> {
    moment: &'a Moment,
    look: CardLook,
    editing: Option<&'a TextInput>,
    /// The initials of the other editors who have this card selected, shown on its top
    /// border.
    others: String,
    /// A voting round is under way: the votes are not shown.
    votes_hidden: bool,
    density: Density,
    theme: &'a Theme,
}

impl MomentCard<'_> {
    fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        if self.density == Density::Compact {
            return self.draw_compact(area, buf);
        }
        let (moment, look, theme) = (self.moment, self.look, self.theme);
        let border = match (look.dimmed && !look.selected, moment.kind.is_some()) {
            (true, true) => BorderType::HeavyDoubleDashed,
            (true, false) => BorderType::LightDoubleDashed,
            (false, _) => card_border_type(moment, look.selected),
        };
        let mut block = Block::bordered()
            .border_type(border)
            .border_style(theme.card_border(moment.feeling, look.selected))
            .padding(Padding::horizontal(1));
        if !self.others.is_empty() {
            block = block.title_top(
                Line::from(Span::styled(format!("[{}]", self.others), theme.modified()))
                    .right_aligned(),
            );
        }
        // The selected card keeps its double border; that the filter leaves it out is said
        // on it in words, which read without colour.
        if look.dimmed && look.selected {
            block = block.title_top(Line::styled(" filtered out ", theme.dim()).left_aligned());
        }
        // Votes on the left of the bottom edge, the markers on its right.
        let room = usize::from(area.width.saturating_sub(2));
        let (votes, marks) = edge_marks(moment, room, self.votes_hidden);
        if !votes.is_empty() {
            block = block.title_bottom(Line::styled(votes, theme.key()).left_aligned());
        }
        if !marks.is_empty() {
            block = block.title_bottom(Line::styled(marks, theme.dim()).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width == 0 || inner.height == 0 {
            return None;
        }
        let mut y = inner.y;
        if has_header(moment) {
            CardHeader { moment, theme }.render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 1;
        }
        if y >= inner.bottom() {
            return None;
        }
        if let Some(input) = self.editing {
            let (shown, at) = input_window(input, inner.width as usize);
            buf.set_stringn(
                inner.x,
                y,
                pad(&shown, inner.width as usize),
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
            style = style.patch(match_style(theme));
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
        if self.density == Density::Detailed {
            let faint = if look.dimmed {
                theme.faded()
            } else {
                theme.dim()
            };
            for (mark, text) in detail_lines(moment) {
                if y >= inner.bottom() {
                    break;
                }
                let line = truncate(&format!("{mark} {text}"), inner.width as usize);
                buf.set_stringn(inner.x, y, &line, inner.width as usize, faint);
                y += 1;
            }
        }
        None
    }

    /// One line: `▶` for the selected card (`·` for one the filter leaves out), then the
    /// title, in the feeling's colour; at its end the votes (`●3`, unless a voting round
    /// hides them) and the initials of others who have it selected.
    fn draw_compact(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (moment, look, theme) = (self.moment, self.look, self.theme);
        if area.width < 3 || area.height == 0 {
            return None;
        }
        let row = Rect { height: 1, ..area };
        let sign = match (look.selected, look.dimmed) {
            (true, false) => "▶",
            (true, true) => "▷",
            (false, true) => "·",
            (false, false) => " ",
        };
        let text_x = row.x + 2;
        let room = usize::from(row.width - 2);
        if let Some(input) = self.editing {
            buf.set_stringn(row.x, row.y, sign, 1, theme.selection());
            let (shown, at) = input_window(input, room);
            buf.set_stringn(text_x, row.y, pad(&shown, room), room, theme.input());
            return Some(Position::new(text_x + at, row.y));
        }
        let mut style = theme.feeling(moment.feeling);
        if look.is_match {
            style = style.patch(match_style(theme));
        }
        if look.selected {
            style = style.patch(theme.highlight());
        }
        if look.dimmed {
            style = style.patch(theme.faded());
        }
        let others = if self.others.is_empty() {
            String::new()
        } else {
            format!(" [{}]", self.others)
        };
        let votes = vote_mark(moment.votes, COMPACT_DOTS)
            .filter(|_| !self.votes_hidden)
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        // The title gives way to the votes and the others' initials at its end.
        let title_room = room.saturating_sub(width(&votes) + width(&others));
        let title = pad(&truncate(&moment.title, title_room), title_room);
        buf.set_stringn(row.x, row.y, sign, 1, theme.selection());
        buf.set_stringn(text_x, row.y, &title, title_room, style);
        let mut x = text_x + title_room as u16;
        for (mark, mark_style) in [(votes, theme.key()), (others, theme.modified())] {
            let left = usize::from(row.right().saturating_sub(x));
            buf.set_stringn(x, row.y, &mark, left, mark_style);
            x += width(&mark) as u16;
        }
        None
    }
}

/// The title of a card the search matches: in the match colour, bold and underlined, so
/// every match stands out without colour too.
fn match_style(theme: &Theme) -> Style {
    theme.search_match().add_modifier(Modifier::UNDERLINED)
}

/// What a card's bottom edge says, in at most `room` cells: its votes on the left and
/// its markers on the right ([`card_marks`]), each with a space either side, and a cell of
/// edge kept between the two.
fn edge_marks(moment: &Moment, room: usize, votes_hidden: bool) -> (String, String) {
    // Two sides (one without votes), each with a space either side of it in place of the
    // one between them, and the cell between the sides.
    let sides = if moment.votes > 0 && !votes_hidden {
        2
    } else {
        1
    };
    let (votes, marks) = card_marks(moment, room.saturating_sub(sides + 2), votes_hidden);
    let pad = |text: String| {
        if text.is_empty() {
            text
        } else {
            format!(" {text} ")
        }
    };
    (pad(votes), pad(marks))
}

/// A card's votes (none while a voting round hides them) and its markers: whether it has
/// notes (`≡`), an idea (`✦`) and an owner (`@` and the name, cut so that the votes and
/// the markers, a space between them, fit in `room` cells; the markers are left out when
/// even the votes fill it). Signs and numbers, so they read without colour.
pub(crate) fn card_marks(moment: &Moment, room: usize, votes_hidden: bool) -> (String, String) {
    let votes = vote_mark(moment.votes, EDGE_DOTS)
        .filter(|_| !votes_hidden)
        .unwrap_or_default();
    let mut signs = Vec::new();
    if !moment.notes.trim().is_empty() {
        signs.push(NOTES_MARK.to_string());
    }
    if !moment.idea.trim().is_empty() {
        signs.push(IDEA_MARK.to_string());
    }
    // The owner's name takes what is left after the rest, each with a space after it.
    let before: usize = [&votes]
        .into_iter()
        .chain(&signs)
        .filter(|s| !s.is_empty())
        .map(|s| width(s) + 1)
        .sum();
    let owner = moment.owner.trim();
    if !owner.is_empty() && room > before + 1 {
        signs.push(format!("@{}", truncate(owner, room - before - 1)));
    }
    let marks = signs.join(" ");
    if width(format!("{votes} {marks}").trim()) > room {
        return (truncate(&votes, room), String::new());
    }
    (votes, marks)
}

/// How a card shows its dot votes: a dot each up to `most_dots` (`●●●`), then a dot and
/// the number (`●12`). Dots and a number read without colour.
pub fn vote_mark(votes: u32, most_dots: u32) -> Option<String> {
    match votes {
        0 => None,
        few if few <= most_dots => Some("●".repeat(few as usize)),
        many => Some(format!("●{many}")),
    }
}

/// The most votes a card's bottom edge shows as dots, one each.
const EDGE_DOTS: u32 = 5;

/// The most votes a compact card shows as dots: past a lone dot, the number, which takes
/// fewer cells from the title.
const COMPACT_DOTS: u32 = 1;

/// `FMOT -- deep pain → - pain   Store ✎2`: the badge, the feeling and its to-be, and on
/// the right how many comments are open, then the channel, cut with `…` when the card is
/// narrow (the feelings' words give way first, then the to-be); `! conflict` in place of
/// the channel while a merge conflict waits.
struct CardHeader<'a> {
    moment: &'a Moment,
    theme: &'a Theme,
}

impl Widget for CardHeader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (moment, theme) = (self.moment, self.theme);
        let room = area.width as usize;
        let open = open_count(&moment.comments);
        let mark = (open > 0).then(|| comment_mark(open));
        // The count of open comments goes before the feeling's word, and so does a little
        // of the channel: on a narrow card the word gives way and the channel is cut.
        let channel_room = if moment.channel.is_empty() || has_conflict(moment) {
            0
        } else {
            width(&moment.channel).min(3) + 2
        };
        let reserved = mark.as_ref().map_or(0, |m| width(m) + 1) + channel_room;
        let mut spans = Vec::new();
        if let Some(kind) = moment.kind {
            spans.push(Span::styled(format!(" {} ", kind.badge()), theme.badge()));
            spans.push(Span::raw(" "));
        }
        if !moment.feeling.is_neutral() || moment.target.is_some() {
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            spans.extend(feeling_spans(
                moment,
                room.saturating_sub(used + reserved),
                theme,
            ));
        }
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        Line::from(spans).render(area, buf);
        let mut left = room.saturating_sub(used + 2);
        let mut right = area.right();
        if let Some(mark) = mark.filter(|m| left >= width(m)) {
            right -= width(&mark) as u16;
            buf.set_stringn(right, area.y, &mark, left, theme.key());
            left = left.saturating_sub(width(&mark) + 1);
            right = right.saturating_sub(1);
        }
        if has_conflict(moment) {
            let mark = if left >= width("! conflict") {
                "! conflict"
            } else {
                "!"
            };
            let x = right.saturating_sub(width(mark) as u16);
            buf.set_stringn(x, area.y, mark, left, theme.status(Tone::Error));
        } else if !moment.channel.is_empty() && left >= 2.min(width(&moment.channel)) {
            let channel = truncate(&moment.channel, left);
            let x = right.saturating_sub(width(&channel) as u16);
            buf.set_stringn(x, area.y, &channel, left, theme.dim());
        }
    }
}

/// How a card's header says how the moment feels, and how it should feel once its idea is
/// done when a to-be is set, in at most `room` cells where it can: in words
/// (`-- deep pain → o neutral`), else in signs (`-- → o`), else the sign of the feeling
/// alone, which always stays: signs carry the meaning without colour.
fn feeling_spans(moment: &Moment, room: usize, theme: &Theme) -> Vec<Span<'static>> {
    let (now, to_be) = (moment.feeling, moment.target);
    let forms = [
        (feeling_words(now), to_be.map(feeling_words)),
        (
            now.symbol().to_owned(),
            to_be.map(|t| t.symbol().to_owned()),
        ),
    ];
    let fitting = forms.into_iter().find(|(now, to_be)| {
        width(now) + to_be.as_ref().map_or(0, |t| width(t) + width(TO_BE_ARROW)) <= room
    });
    let (now_text, to_be_text) = fitting.unwrap_or((now.symbol().to_owned(), None));
    let mut spans = vec![Span::styled(now_text, theme.feeling(now))];
    if let (Some(text), Some(target)) = (to_be_text, to_be) {
        spans.push(Span::styled(TO_BE_ARROW, theme.dim()));
        spans.push(Span::styled(text, theme.feeling(target)));
    }
    spans
}

/// Between a card's feeling and its to-be.
const TO_BE_ARROW: &str = " → ";

/// A feeling in its sign and its word, `-- deep pain` or `o neutral`: the sign carries it
/// where there is no colour.
pub(crate) fn feeling_words(feeling: Feeling) -> String {
    format!("{} {}", feeling.symbol(), feeling.label())
}

/// How a card says it has open comments: `✎2`. A pencil one column wide in every
/// terminal, and a number, which read without colour.
pub fn comment_mark(open: usize) -> String {
    format!("✎{open}")
}
