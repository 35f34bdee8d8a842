//! The summary and the votes: counts per stage and for the journey, the moment-of-truth
//! kinds present and missing, the deepest pains still without an idea, and the ranking of
//! dot votes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::action::Action;
use crate::app::App;
use crate::insight::{
    Counts, Lift, Remembered, average_feeling, average_to_be, kinds, pains_without_idea, ranking,
    remembered, remembered_to_be, signed,
};
use crate::keymap::{Context, KeyMap};
use crate::layout::{first_in_view, list_rows};
use crate::model::{Journey, Moment, Stage};
use crate::text::{plural, truncate, width};

/// Lines, drawn from the top of `area` with a column's margin each side, cut at its bottom.
fn draw_lines(area: Rect, buf: &mut Buffer, lines: Vec<Line<'static>>) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    for (row, line) in lines.into_iter().take(area.height as usize).enumerate() {
        line.render(
            Rect {
                y: area.y + row as u16,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_string(), theme.selected_title())
}

/// A moment on one line: its feeling, its kind, its title, and its stage.
fn moment_line(
    prefix: String,
    stage: &Stage,
    moment: &Moment,
    room: usize,
    theme: &Theme,
) -> Line<'static> {
    let kind = moment
        .kind
        .map_or("    ".to_string(), |k| k.badge().to_string());
    let head = format!("{prefix}{:<2} {kind} ", moment.feeling.symbol());
    let tail = format!("  ({})", stage.name);
    let title_room = room.saturating_sub(width(&head) + width(&tail)).max(10);
    Line::from(vec![
        Span::styled(head, theme.feeling(moment.feeling)),
        Span::raw(truncate(&moment.title, title_room)),
        Span::styled(tail, theme.dim()),
    ])
}

/// The summary for one frame: the journey and the selected stage.
pub struct SummaryView<'a> {
    pub journey: &'a Journey,
    pub selected: usize,
    /// The highlighted row of the deepest pains, when the selection went down into them.
    pub pain: Option<usize>,
    pub theme: &'a Theme,
}

impl<'a> SummaryView<'a> {
    pub fn of(app: &'a App, theme: &'a Theme) -> SummaryView<'a> {
        SummaryView {
            journey: app.journey(),
            selected: app.selection().stage,
            pain: app.pains_row(),
            theme,
        }
    }

    /// The journey's title, description, personas and counts, and the kinds present and
    /// missing.
    fn overview(&self, room: usize) -> Vec<Line<'static>> {
        let (journey, theme) = (self.journey, self.theme);
        let counts = Counts::of_journey(journey);
        let (present, missing) = kinds(journey);
        let badges = |kinds: &[crate::model::Kind]| {
            if kinds.is_empty() {
                "none".to_string()
            } else {
                kinds
                    .iter()
                    .map(|k| k.badge())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        let mut lines = vec![heading(&journey.title, theme)];
        if !journey.description.is_empty() {
            for line in crate::text::wrap(&journey.description, room, 3) {
                lines.push(Line::styled(line, theme.dim()));
            }
        }
        if !journey.personas.is_empty() {
            lines.push(Line::styled(
                format!("Personas: {}", journey.personas.join(", ")),
                theme.dim(),
            ));
        }
        lines.extend([
            Line::raw(format!(
                "{} in {}: {}, {}, {} neutral",
                plural(counts.moments, "moment", "moments"),
                plural(journey.stages().len(), "stage", "stages"),
                plural(counts.pains, "pain", "pains"),
                plural(counts.glories, "glory", "glories"),
                counts.neutral,
            )),
            Line::raw(format!(
                "{}, {}",
                plural(
                    counts.moments_of_truth,
                    "moment of truth",
                    "moments of truth"
                ),
                plural(counts.votes as usize, "dot vote", "dot votes"),
            )),
            Line::from(vec![
                Span::raw("Moments of truth present: "),
                Span::styled(badges(&present), theme.selected_title()),
                Span::raw("   missing: "),
                Span::styled(badges(&missing), theme.status(crate::status::Tone::Warning)),
            ]),
        ]);
        if journey.has_targets()
            && let Some(lift) = Lift::of_journey(journey)
        {
            let said = format!(
                " ({} of {} moments say how they should feel)",
                lift.targeted, lift.moments
            );
            let mut line = format!("{} once the ideas are done", lift.describe());
            if width(&line) + width(&said) + 14 <= room {
                line.push_str(&said);
            }
            lines.push(Line::from(vec![
                Span::styled("Expected lift ", theme.selected_title()),
                Span::raw(line),
            ]));
        }
        lines.push(Line::raw(""));
        lines
    }

    /// What customers will remember: the peak–end score (and a warning when the journey
    /// ends on a pain), the deepest pain and highest glory, the moment it ends on, and why
    /// it matters.
    fn remembered(&self, room: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let Some(r) = remembered(self.journey) else {
            return Vec::new();
        };
        let mut head = vec![
            Span::styled("What customers will remember", theme.selected_title()),
            Span::raw(format!("  peak–end {}", signed(r.score()))),
        ];
        // Where moments say how they should feel: the score once the ideas are done.
        let to_be = remembered_to_be(self.journey).filter(|_| self.journey.has_targets());
        match &to_be {
            Some(to_be) => head.push(Span::raw(format!(" → {} to be", signed(to_be.score())))),
            None => head.push(Span::raw(" (−2…+2)")),
        }
        if r.ends_on_a_pain() {
            head.push(Span::styled(
                "  ! ends on a pain",
                theme.status(crate::status::Tone::Warning),
            ));
        }
        let mut lines = vec![Line::from(head)];
        let at = |label: &str, at: Option<&(&Stage, &Moment)>| match at {
            Some((stage, moment)) => {
                moment_line(format!("  {label:<7}"), stage, moment, room, theme)
            }
            None => Line::styled(format!("  {label:<7}none"), theme.dim()),
        };
        lines.push(at("Peak", r.deepest_pain.as_ref()));
        lines.push(at("Glory", r.highest_glory.as_ref()));
        lines.push(at("End", r.end.last()));
        for line in crate::text::wrap(Remembered::WHY, room.saturating_sub(2), 3) {
            lines.push(Line::styled(format!("  {line}"), theme.dim()));
        }
        lines.push(Line::raw(""));
        lines
    }

    /// The stages as a table: the head line, then a row per stage, the selected one marked.
    /// Where moments say how they should feel, each stage's average to-be is beside its
    /// average feeling now.
    fn stage_table(&self, room: usize) -> (Line<'static>, Vec<Line<'static>>) {
        let (journey, theme) = (self.journey, self.theme);
        let to_be = journey.has_targets();
        let fixed = if to_be { 55 } else { 48 };
        let name_width = journey
            .stages()
            .iter()
            .map(|s| width(&s.name))
            .max()
            .unwrap_or(5)
            .clamp(5, room.saturating_sub(fixed).max(5));
        let head = Line::styled(
            format!(
                "  {:<name_width$}  moments  pains  glories  feeling  {}kinds",
                "Stage",
                if to_be { " to be  " } else { "" }
            ),
            theme.dim(),
        );
        let average = |a: Option<f64>| a.map_or("-".to_string(), signed);
        let mut rows = Vec::with_capacity(journey.stages().len());
        for (i, stage) in journey.stages().iter().enumerate() {
            let c = Counts::of_stage(stage);
            let kinds: Vec<&str> = crate::model::Kind::ALL
                .iter()
                .filter(|kind| stage.moments.iter().any(|m| m.kind == Some(**kind)))
                .map(|kind| kind.badge())
                .collect();
            let marker = if i == self.selected { "> " } else { "  " };
            let name = truncate(&stage.name, name_width);
            let pad = name_width.saturating_sub(width(&name));
            rows.push(Line::from(vec![
                Span::raw(format!("{marker}{name}{}  ", " ".repeat(pad))),
                Span::raw(format!("{:>7}  ", c.moments)),
                Span::styled(
                    format!("{:>5}  ", c.pains),
                    theme.feeling(crate::model::Feeling::clamped(-1)),
                ),
                Span::styled(
                    format!("{:>7}  ", c.glories),
                    theme.feeling(crate::model::Feeling::clamped(1)),
                ),
                Span::raw(format!("{:>7}  ", average(average_feeling(stage)))),
            ]));
            if to_be {
                rows[i].push_span(Span::styled(
                    format!("{:>6}  ", average(average_to_be(stage))),
                    theme.feeling(crate::model::Feeling::clamped(1)),
                ));
            }
            rows[i].push_span(Span::raw(kinds.join(" ")));
        }
        (head, rows)
    }

    /// The deepest pains still without an idea, under their heading.
    fn pains_without_idea(&self, room: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let pains = pains_without_idea(self.journey);
        let mut footer = vec![
            Line::raw(""),
            heading("Deepest pains without an idea yet", theme),
        ];
        if pains.is_empty() {
            footer.push(Line::styled(
                "  none: every pain has an idea to turn it around",
                theme.dim(),
            ));
        }
        for (row, (stage, moment)) in pains.into_iter().enumerate() {
            let marker = if Some(row) == self.pain { "> " } else { "  " };
            footer.push(moment_line(marker.into(), stage, moment, room, theme));
        }
        footer
    }
}

impl Widget for SummaryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Wide enough, what customers will remember and the pains to fix go in a column of
        // their own beside the stages; otherwise everything stacks.
        if area.width >= 150 {
            let left_width = 80.max(area.width / 2);
            let left = Rect {
                width: left_width,
                ..area
            };
            let right = Rect {
                x: area.x + left_width,
                width: area.width - left_width,
                ..area
            };
            let room = left.width.saturating_sub(2) as usize;
            self.draw_column(left, buf, self.overview(room), Vec::new(), true);
            let room = right.width.saturating_sub(2) as usize;
            let footer = self.pains_without_idea(room);
            self.draw_column(right, buf, self.remembered(room), footer, false);
        } else {
            let room = area.width.saturating_sub(2) as usize;
            let mut lines = self.overview(room);
            lines.extend(self.remembered(room));
            let footer = self.pains_without_idea(room);
            self.draw_column(area, buf, lines, footer, true);
        }
    }
}

impl SummaryView<'_> {
    /// `lines`, then (with `table`) the stage table around the selected stage, then as much
    /// of `footer` as fits, saying how much more there is.
    fn draw_column(
        &self,
        area: Rect,
        buf: &mut Buffer,
        mut lines: Vec<Line<'static>>,
        mut footer: Vec<Line<'static>>,
        table: bool,
    ) {
        let room = area.width.saturating_sub(2) as usize;
        let height = usize::from(area.height);
        if table {
            let (head, rows) = self.stage_table(room);
            lines.push(head);
            // On a long journey the table shows the stages around the selected one, and
            // the deepest pains keep a few lines of their own.
            let footer_room = footer.len().min(8);
            let table_room = height.saturating_sub(lines.len() + footer_room).max(3);
            lines.extend(window(
                rows,
                self.selected,
                table_room,
                ("stage", "stages"),
                self.theme,
            ));
        }
        let left = height.saturating_sub(lines.len());
        // Short of room, the blank line above the footer goes first.
        if footer.len() > left && footer.first().is_some_and(|l| l.width() == 0) {
            footer.remove(0);
        }
        if footer.len() > left && left > 3 {
            // The heading stays; the pains scroll to the highlighted one.
            let pains = footer.split_off(2.min(footer.len()));
            let selected = self.pain.unwrap_or(0);
            footer.extend(window(
                pains,
                selected,
                left - 2,
                ("pain", "pains"),
                self.theme,
            ));
        } else if footer.len() > left && left > 1 {
            let hidden = footer.len() - (left - 1);
            footer.truncate(left - 1);
            footer.push(Line::styled(
                format!("  … and {hidden} more"),
                self.theme.dim(),
            ));
        }
        lines.extend(footer);
        draw_lines(area, buf, lines);
    }
}

/// At most `room` of `rows`, around `selected`, saying how many are left out each side.
fn window(
    rows: Vec<Line<'static>>,
    selected: usize,
    room: usize,
    (one, many): (&str, &str),
    theme: &Theme,
) -> Vec<Line<'static>> {
    if rows.len() <= room {
        return rows;
    }
    let shown = room.saturating_sub(2).max(1);
    let first = selected.saturating_sub(shown / 2).min(rows.len() - shown);
    let above = first;
    let below = rows.len() - first - shown;
    let mut out = Vec::with_capacity(room);
    if above > 0 {
        out.push(Line::styled(
            format!("  … {} above", plural(above, one, many)),
            theme.dim(),
        ));
    }
    out.extend(rows.into_iter().skip(first).take(shown));
    if below > 0 {
        out.push(Line::styled(
            format!("  … {} below", plural(below, one, many)),
            theme.dim(),
        ));
    }
    out
}

/// The votes for one frame: the ranking, its highlighted row and how far it is scrolled.
pub struct VotesView<'a> {
    pub journey: &'a Journey,
    /// A voting round is under way: the votes are not shown.
    pub hidden: bool,
    pub highlighted: usize,
    pub first: usize,
    pub keys: &'a KeyMap,
    pub theme: &'a Theme,
}

impl<'a> VotesView<'a> {
    pub fn of(app: &'a App, theme: &'a Theme) -> VotesView<'a> {
        VotesView {
            journey: app.journey(),
            hidden: app.round().is_some(),
            highlighted: app.votes_row(),
            first: app.scroll().first_vote,
            keys: app.keymap(),
            theme,
        }
    }
}

impl Widget for VotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let room = area.width.saturating_sub(2) as usize;
        if self.hidden {
            let reveal = self.keys.board_key(Action::VotingRound);
            let lines = vec![
                heading("Most-voted moments", theme),
                Line::styled(
                    format!(
                        "A voting round is under way: the votes are hidden until {reveal} reveals them."
                    ),
                    theme.dim(),
                ),
            ];
            draw_lines(area, buf, lines);
            return;
        }
        let ranked = ranking(self.journey);
        let rows = list_rows(area, ranked.len());
        let first = first_in_view(self.first, self.highlighted, ranked.len(), rows);
        let title = if first > 0 {
            format!("Most-voted moments ({first} above)")
        } else {
            "Most-voted moments".to_string()
        };
        let mut lines = vec![heading(&title, theme)];
        if ranked.is_empty() {
            let vote = self.keys.board_key(Action::AddVote);
            lines.push(Line::styled(
                format!("No votes yet: on the board, {vote} gives the selected moment a dot vote."),
                theme.dim(),
            ));
        }
        for (index, (stage, moment)) in ranked.iter().enumerate().skip(first).take(rows) {
            let votes = format!(
                "{:>3} {}  ",
                moment.votes,
                if moment.votes == 1 { "vote " } else { "votes" }
            );
            let line = moment_line(votes, stage, moment, room, theme);
            lines.push(if index == self.highlighted {
                line.patch_style(theme.highlight())
            } else {
                line
            });
        }
        // The most-voted come first; what does not fit is counted rather than cut
        // silently.
        let below = ranked.len().saturating_sub(first + rows);
        if below > 0 {
            let down = self.keys.first_label(Context::Votes, Action::MenuDown);
            lines.push(Line::styled(
                format!("  … and {below} more with fewer votes ({down} goes down the list)"),
                theme.dim(),
            ));
        }
        draw_lines(area, buf, lines);
    }
}
