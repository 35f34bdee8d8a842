//! Presentation mode, for a projector: one stage at a time in large, high-contrast cards
//! that say in words what each moment is, or the whole map with no editing chrome.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Widget};

use super::board::BoardView;
use super::theme::Theme;
use crate::action::Action;
use crate::app::App;
use crate::keymap::{Context, KeyMap};
use crate::model::{Moment, Stage};
use crate::text::{count_summary, truncate, width, wrap};
use crate::workshop::Timer;

/// Cards are at least this wide; as many columns as fit.
const CARD_WIDTH: u16 = 36;

/// The presentation for one frame.
pub struct Presentation<'a> {
    /// The whole map, drawn as the board is; `None` when showing one stage.
    pub board: Option<BoardView<'a>>,
    /// The stage shown, its place, and how many stages there are.
    pub stage: Option<(&'a Stage, usize, usize)>,
    /// The card pointed at.
    pub selected: usize,
    pub timer: Option<&'a Timer>,
    pub now: Instant,
    pub keys: &'a KeyMap,
    pub theme: &'a Theme,
}

impl<'a> Presentation<'a> {
    pub fn of(app: &'a App, whole_map: bool, theme: &'a Theme) -> Presentation<'a> {
        let selection = app.selection();
        Presentation {
            board: whole_map.then(|| BoardView::of(app, theme)),
            stage: app
                .selected_stage()
                .map(|stage| (stage, selection.stage, app.journey().stages().len())),
            selected: selection.moment,
            timer: app.timer(),
            now: app.now(),
            keys: app.keymap(),
            theme,
        }
    }

    /// The keys to go on, and the countdown at the right.
    fn render_footer(&self, footer: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let key = |a| self.keys.first_label(Context::Presentation, a);
        let stages = self.keys.joined(
            Context::Presentation,
            &[Action::SelectPreviousStage, Action::SelectNextStage],
            " ",
        );
        let hint = if self.board.is_some() {
            format!(
                " {stages} select a stage · {} one stage at a time · {} back to editing",
                key(Action::WholeMap),
                key(Action::StopPresenting)
            )
        } else {
            let cards = self.keys.joined(
                Context::Presentation,
                &[Action::SelectPreviousMoment, Action::SelectNextMoment],
                " ",
            );
            format!(
                " {stages} stage · {cards} point at a card · {} whole map · {} back to editing",
                key(Action::WholeMap),
                key(Action::StopPresenting)
            )
        };
        buf.set_stringn(
            footer.x,
            footer.y,
            &hint,
            footer.width as usize,
            theme.dim(),
        );
        if let Some(timer) = self.timer {
            let chip = super::timer_chip(timer, self.now, theme);
            let w = width(&chip.content) as u16;
            if w < footer.width {
                Line::from(chip).render(
                    Rect {
                        x: footer.right() - w,
                        width: w,
                        ..footer
                    },
                    buf,
                );
            }
        }
    }

    /// The stage's name across the top, large in the sense a terminal allows (a full
    /// bar), its place among the stages, and its description and counts under it.
    fn render_stage_bar(&self, body: Rect, buf: &mut Buffer, stage: &Stage, at: usize, of: usize) {
        let theme = self.theme;
        let bar = Rect { height: 3, ..body };
        buf.set_style(bar, theme.title_bar());
        let name = truncate(&stage.name.to_uppercase(), bar.width as usize - 4);
        buf.set_stringn(
            bar.x + 2,
            bar.y + 1,
            &name,
            bar.width as usize - 4,
            theme.title_bar().add_modifier(Modifier::BOLD),
        );
        let place = format!("stage {} of {of}  ", at + 1);
        if width(&name) + width(&place) + 6 < bar.width as usize {
            let x = bar.right() - width(&place) as u16;
            buf.set_stringn(x, bar.y + 1, &place, width(&place), theme.title_bar());
        }
        let summary = count_summary(stage.moments.len(), stage.pains(), stage.glories());
        let about = if stage.description.is_empty() {
            summary
        } else {
            format!("{} · {summary}", stage.description.replace('\n', " "))
        };
        buf.set_stringn(
            body.x + 2,
            body.y + 3,
            truncate(&about, body.width as usize - 4),
            body.width as usize - 2,
            theme.dim(),
        );
    }

    /// The stage's cards, a page at a time so the card pointed at is on screen, and which
    /// cards the page shows when it is not all of them.
    fn render_cards(&self, cards: Rect, footer: Rect, buf: &mut Buffer, stage: &Stage) {
        let theme = self.theme;
        if stage.moments.is_empty() {
            buf.set_stringn(
                cards.x + 2,
                cards.y,
                "No moments in this stage yet.",
                cards.width as usize,
                theme.dim(),
            );
            return;
        }
        let columns = (cards.width / CARD_WIDTH).max(1);
        let card_width = cards.width / columns;
        let card_height = 7u16.min(cards.height);
        let rows = (cards.height / card_height.max(1)).max(1);
        let per_page = (columns * rows) as usize;
        let first = self.selected / per_page * per_page;
        for (slot, (index, moment)) in stage
            .moments
            .iter()
            .enumerate()
            .skip(first)
            .take(per_page)
            .enumerate()
        {
            let slot = slot as u16;
            let area = Rect {
                x: cards.x + (slot % columns) * card_width,
                y: cards.y + (slot / columns) * card_height,
                width: card_width,
                height: card_height,
            };
            render_big_card(area, buf, theme, moment, index == self.selected);
        }
        let shown = (stage.moments.len() - first).min(per_page);
        if first > 0 || first + shown < stage.moments.len() {
            let more = format!(
                " cards {}–{} of {} ",
                first + 1,
                first + shown,
                stage.moments.len()
            );
            let x = footer.right().saturating_sub(width(&more) as u16 + 12);
            buf.set_stringn(x, footer.y, &more, width(&more), theme.key());
        }
    }
}

impl Widget for Presentation<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let footer = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let body = crate::layout::board_area(area, true);
        self.render_footer(footer, buf);
        if let Some(board) = self.board {
            board.draw(body, buf);
            return;
        }
        let Some((stage, at, of)) = self.stage else {
            return;
        };
        self.render_stage_bar(body, buf, stage, at, of);
        let cards = Rect {
            y: body.y + 5,
            height: body.height.saturating_sub(5),
            ..body
        };
        self.render_cards(cards, footer, buf, stage);
    }
}

/// One moment on a large card that says in words what it is, and the idea that turns a
/// pain around.
fn render_big_card(area: Rect, buf: &mut Buffer, theme: &Theme, moment: &Moment, selected: bool) {
    let border = super::board::card_border_type(moment, selected);
    let block = Block::bordered()
        .border_type(border)
        .border_style(theme.card_border(moment.feeling, selected))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 8 {
        return;
    }
    let mut spans = Vec::new();
    if let Some(kind) = moment.kind {
        spans.push(Span::styled(format!(" {} ", kind.badge()), theme.badge()));
        spans.push(Span::raw(" "));
    }
    if !moment.feeling.is_neutral() {
        spans.push(Span::styled(
            format!(
                "{} {}",
                moment.feeling.symbol(),
                moment.feeling.label().to_uppercase()
            ),
            theme.feeling(moment.feeling).add_modifier(Modifier::BOLD),
        ));
    }
    Line::from(spans).render(Rect { height: 1, ..inner }, buf);
    let mut y = inner.y + 1;
    let title_lines = (inner.height as usize).saturating_sub(2).max(1);
    for line in wrap(&moment.title, inner.width as usize, title_lines) {
        if y >= inner.bottom() {
            return;
        }
        buf.set_stringn(
            inner.x,
            y,
            &line,
            inner.width as usize,
            Style::new().add_modifier(Modifier::BOLD),
        );
        y += 1;
    }
    // What the room will ask next: the idea that turns a pain around.
    if !moment.idea.is_empty() && y < inner.bottom() {
        let idea = truncate(
            &format!("idea: {}", moment.idea.replace('\n', " ")),
            inner.width as usize,
        );
        buf.set_stringn(
            inner.x,
            inner.bottom() - 1,
            &idea,
            inner.width as usize,
            theme.dim(),
        );
    }
}
