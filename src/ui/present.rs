//! Presentation mode, for a projector: one stage at a time in large, high-contrast cards
//! that say in words what each moment is, or the whole map with no editing chrome.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Widget};

use crate::app::{App, ViewState};
use crate::model::Moment;
use crate::text::count_summary;
use crate::text::{truncate, width, wrap};

/// Cards are at least this wide; as many columns as fit.
const CARD_WIDTH: u16 = 36;

pub fn render_presentation(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    view: &mut ViewState,
    whole_map: bool,
) {
    let theme = &app.theme;
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let hint = if whole_map {
        " ← → select a stage · w one stage at a time · Esc back to editing"
    } else {
        " ← → stage · ↑ ↓ point at a card · w whole map · Esc back to editing"
    };
    buf.set_stringn(footer.x, footer.y, hint, footer.width as usize, theme.dim());
    if let Some(timer) = &app.timer {
        let chip = super::timer_chip(timer, theme);
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
    if whole_map {
        super::board::render_board(body, buf, app, view);
        return;
    }
    let Some(stage) = app.selected_stage() else {
        return;
    };
    let stages = app.journey().stages().len();

    // The stage's name across the top, large in the sense a terminal allows: a full bar.
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
    let place = format!("stage {} of {stages}  ", app.selection.stage + 1);
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

    let cards = Rect {
        y: body.y + 5,
        height: body.height.saturating_sub(5),
        ..body
    };
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
    // Page so the card pointed at is on screen.
    let per_page = (columns * rows) as usize;
    let selected = app.selection.moment;
    let first = selected / per_page * per_page;
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
        render_big_card(area, buf, app, moment, index == selected);
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

fn render_big_card(area: Rect, buf: &mut Buffer, app: &App, moment: &Moment, selected: bool) {
    let theme = &app.theme;
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
