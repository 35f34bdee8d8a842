//! The emotion curve: the journey's feeling across the stages, the picture a workshop
//! takes away. Each stage's average is a point on the line, each moment a mark at its own
//! feeling, moments of truth by the letter of their kind. Where moments say how they
//! should feel (a to-be), a dotted line beside the solid one shows the stages as they
//! should be once the ideas are done.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line as TextLine;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line, Points};

use super::theme::Theme;
use crate::app::App;
use crate::insight::{average_feeling, average_to_be, signed};
use crate::model::{Feeling, Stage};
use crate::text::{truncate, width};
use crate::workshop::Filter;

/// The feelings from top to bottom, with how the axis names them.
const LEVELS: [(i8, &str); 5] = [
    (2, "++ deep glory"),
    (1, " + glory"),
    (0, "   neutral"),
    (-1, " - pain"),
    (-2, "-- deep pain"),
];
const Y_TOP: f64 = 2.5;
const Y_BOTTOM: f64 = -2.5;

/// The curve for one frame: the stages, the selected one, and which moments the filter
/// dims, or leaves out when it hides.
pub struct CurveView<'a> {
    pub stages: &'a [Stage],
    pub selected: usize,
    pub filter: Option<&'a Filter>,
    /// Whether the moments the filter leaves out are not drawn at all, rather than dimmed.
    pub hide: bool,
    pub theme: &'a Theme,
}

impl<'a> CurveView<'a> {
    pub fn of(app: &'a App, theme: &'a Theme) -> CurveView<'a> {
        CurveView {
            stages: app.journey().stages(),
            selected: app.selection().stage,
            filter: app.filter(),
            hide: app.hides_unmatched(),
            theme,
        }
    }

    /// Where the plot goes: right of the feelings' names, below the heading, above the
    /// stage names.
    fn plot_area(area: Rect) -> (Rect, u16) {
        let gutter = LEVELS
            .iter()
            .map(|(_, l)| width(l) as u16)
            .max()
            .unwrap_or(0)
            + 2;
        let plot = Rect {
            x: area.x + gutter,
            y: area.y + 2,
            width: area.width - gutter - 1,
            height: area.height - 4,
        };
        (plot, gutter)
    }

    /// The feelings down the left, each on the row the canvas puts it.
    fn render_axis(&self, area: Rect, plot: Rect, gutter: u16, buf: &mut Buffer) {
        let row_of = |y: f64| {
            plot.y + ((Y_TOP - y) * f64::from(plot.height - 1) / (Y_TOP - Y_BOTTOM)) as u16
        };
        for (level, label) in LEVELS {
            let style = self.theme.feeling(Feeling::clamped(level.into()));
            buf.set_stringn(
                area.x + 1,
                row_of(level.into()),
                label,
                gutter as usize - 1,
                style,
            );
        }
    }

    /// Whether any moment says how it should feel, so the to-be line is drawn.
    fn has_targets(&self) -> bool {
        self.stages
            .iter()
            .any(|s| s.moments.iter().any(|m| m.target.is_some()))
    }

    /// The zero line, the selected stage between two upright lines, the dotted line through
    /// the stages' to-be averages (when there is one), the solid line through their
    /// averages now, and a mark for every moment. `cells` is the plot's size in cells, to
    /// space the dots a cell apart.
    fn paint(&self, ctx: &mut Context, averages: &Averages, cells: (f64, f64)) {
        let theme = self.theme;
        let n = self.stages.len() as f64;
        let selected = self.selected.min(self.stages.len() - 1) as f64;
        ctx.draw(&Line::new(
            -0.5,
            0.0,
            n - 0.5,
            0.0,
            theme.dim().fg.unwrap_or_default(),
        ));
        let selection_color = theme.selection().fg.unwrap_or_default();
        for x in [selected - 0.45, selected + 0.45] {
            ctx.draw(&Line::new(x, Y_BOTTOM, x, Y_TOP, selection_color));
        }
        ctx.layer();
        if let Some(to_be) = &averages.to_be {
            let dots = dotted(&through(to_be), (n, Y_TOP - Y_BOTTOM), cells);
            let color = theme.feeling(Feeling::clamped(1)).fg.unwrap_or_default();
            ctx.draw(&Points::new(&dots, color));
            ctx.layer();
        }
        for pair in through(&averages.now).windows(2) {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            ctx.draw(&Line::new(x1, y1, x2, y2, theme.line_color()));
        }
        ctx.layer();
        for (i, stage) in self.stages.iter().enumerate() {
            let count = stage.moments.len() as f64;
            let spread = (0.7 / count.max(1.0)).min(0.18);
            for (j, moment) in stage.moments.iter().enumerate() {
                let x = i as f64 + (j as f64 - (count - 1.0) / 2.0) * spread;
                let y = f64::from(moment.feeling.value());
                let (mark, style) = match moment.kind {
                    Some(kind) => (
                        &kind.badge()[..1],
                        theme.feeling(moment.feeling).add_modifier(Modifier::BOLD),
                    ),
                    None => ("o", theme.feeling(moment.feeling)),
                };
                let dimmed = self.filter.is_some_and(|f| !f.matches(moment));
                if dimmed && self.hide {
                    continue;
                }
                let style = if dimmed { theme.faded() } else { style };
                ctx.print(x, y, TextLine::styled(mark, style));
            }
        }
    }

    /// Stage names under their place on the line, the selected one inverted, and each
    /// stage's average under its name, with its to-be where there is one and room.
    fn render_names(&self, area: Rect, plot: Rect, averages: &Averages, buf: &mut Buffer) {
        let stages = self.stages;
        let n = stages.len() as f64;
        let column_of = |x: f64| plot.x + ((x + 0.5) * f64::from(plot.width - 1) / n) as u16;
        let selected = self.selected.min(stages.len() - 1);
        let room = (plot.width as usize / stages.len()).max(1);
        let names_y = plot.bottom();
        for (i, stage) in stages.iter().enumerate() {
            let label = if room >= 6 {
                truncate(&stage.name, room - 1)
            } else {
                (i + 1).to_string()
            };
            let center = column_of(i as f64);
            let x = center.saturating_sub(width(&label) as u16 / 2).max(plot.x);
            let style = if i == selected {
                self.theme.stage_name(true)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            if room >= 6 || i == selected || i % 5 == 0 {
                buf.set_stringn(x, names_y, &label, (area.right() - x) as usize, style);
            }
            let now = averages.now[i].map_or("empty".to_string(), signed);
            let average = match averages.to_be.as_ref().and_then(|t| t[i]) {
                Some(to_be) if room > 12 && averages.now[i] != Some(to_be) => {
                    format!("{now}→{}", signed(to_be))
                }
                _ => now,
            };
            let x = center
                .saturating_sub(width(&average) as u16 / 2)
                .max(plot.x);
            if room >= 6 {
                buf.set_stringn(
                    x,
                    names_y + 1,
                    &average,
                    (area.right() - x) as usize,
                    self.theme.dim(),
                );
            }
        }
    }
}

/// Each stage's average feeling now and, when any moment has a to-be, as it should be;
/// `None` for an empty stage.
struct Averages {
    now: Vec<Option<f64>>,
    to_be: Option<Vec<Option<f64>>>,
}

/// The points a line goes through: each stage that has an average, at its place.
fn through(averages: &[Option<f64>]) -> Vec<(f64, f64)> {
    averages
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.map(|a| (i as f64, a)))
        .collect()
}

/// Points along the line through `points`, about one cell apart on screen, so the line
/// reads as dotted next to a solid one, without colour too. `span` is the plot's width
/// and height in its own units, `cells` in cells.
fn dotted(points: &[(f64, f64)], span: (f64, f64), cells: (f64, f64)) -> Vec<(f64, f64)> {
    let mut dots = Vec::new();
    for pair in points.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        let across = ((x2 - x1) * cells.0 / span.0).abs();
        let down = ((y2 - y1) * cells.1 / span.1).abs();
        let steps = across.max(down).ceil().max(1.0) as usize;
        dots.extend((0..steps).map(|k| {
            let t = k as f64 / steps as f64;
            (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
        }));
    }
    dots.extend(points.last());
    dots
}

impl Widget for CurveView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 8 || area.width < 30 {
            return;
        }
        let heading = if self.has_targets() {
            "Solid: feeling now. Dotted: to be. Z F A S T L: moments of truth. o: others."
        } else {
            "The line: each stage's average feeling. Letters: moments of truth (Z F A S T L). o: other moments."
        };
        buf.set_stringn(
            area.x + 1,
            area.y,
            truncate(heading, area.width as usize - 2),
            area.width as usize - 2,
            self.theme.dim(),
        );
        if self.stages.is_empty() {
            return;
        }
        let (plot, gutter) = CurveView::plot_area(area);
        self.render_axis(area, plot, gutter, buf);
        let averages = Averages {
            now: self.stages.iter().map(average_feeling).collect(),
            to_be: self
                .has_targets()
                .then(|| self.stages.iter().map(average_to_be).collect()),
        };
        let n = self.stages.len() as f64;
        let cells = (f64::from(plot.width), f64::from(plot.height));
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([-0.5, n - 0.5])
            .y_bounds([Y_BOTTOM, Y_TOP])
            .paint(|ctx| self.paint(ctx, &averages, cells))
            .render(plot, buf);
        self.render_names(area, plot, &averages, buf);
    }
}
