//! One self-contained, printable HTML page: the board as columns of coloured cards and the
//! emotion curve as inline SVG.

use std::fmt::Write;

use crate::insight::{Counts, Lift, average_feeling, average_to_be, kinds, signed};
use crate::model::{Comment, Feeling, Journey, Kind, Moment, Stage};
use crate::text::wrap;
use crate::text::{count_summary, plural};

/// The page: title, description, personas and counts, the emotion curve, then the board.
///
/// It needs nothing but itself: no network, no fonts, no images, no script (a content
/// security policy says so to the browser too), so it can be mailed, archived or printed
/// as it is. Every text from the map goes through [`escape`], in content and attributes
/// alike, so no map can put markup into the page. Deterministic, ending with one newline.
///
/// When any moment has a to-be feeling, the curve gets a dashed line through the stages'
/// to-be averages, the cards say their to-be, and the summary the expected lift; a map
/// without any makes the same page as before there were to-be feelings.
pub fn to_html(journey: &Journey) -> String {
    let mut page = Page::default();
    page.line("<!DOCTYPE html>");
    page.line(r#"<html lang="en">"#);
    write_head(&mut page, journey);
    page.open("<body>");
    write_summary(&mut page, journey);
    write_curve(&mut page, journey);
    write_board(&mut page, journey);
    page.line("<footer>Exported from motmap.</footer>");
    page.close("</body>");
    page.line("</html>");
    page.out
}

/// The page being written, and how deep the element being filled is, so the source stays
/// readable.
#[derive(Default)]
struct Page {
    out: String,
    depth: usize,
}

impl Page {
    fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A line that opens an element: what follows is indented one step more.
    fn open(&mut self, text: &str) {
        self.line(text);
        self.depth += 1;
    }

    fn close(&mut self, text: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(text);
    }
}

/// The one way text from the map enters the page: safe in element content, in quoted
/// attributes and inside SVG alike.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The title, or a placeholder for a map that has none yet.
fn journey_title(journey: &Journey) -> String {
    if journey.title.trim().is_empty() {
        "Untitled journey".to_owned()
    } else {
        escape(&journey.title)
    }
}

fn write_head(page: &mut Page, journey: &Journey) {
    page.open("<head>");
    page.line(r#"<meta charset="utf-8">"#);
    page.line(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#);
    // Nothing may load or run, even if a browser found something to load or run.
    page.line(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#,
    );
    page.line(r#"<meta name="generator" content="motmap">"#);
    page.line(&format!("<title>{}</title>", journey_title(journey)));
    page.open("<style>");
    for line in STYLE.lines() {
        page.line(line);
    }
    if journey.has_targets() {
        for line in TO_BE_STYLE.lines() {
            page.line(line);
        }
    }
    page.close("</style>");
    page.close("</head>");
}

/// The CSS class that colours a feeling; the colours themselves are in [`STYLE`].
fn feeling_class(feeling: Feeling) -> &'static str {
    match feeling.value() {
        -2 => "deep-pain",
        -1 => "pain",
        1 => "glory",
        2 => "deep-glory",
        _ => "neutral",
    }
}

/// "-- deep pain": the sign and the word, so colour is never the only clue.
fn feeling_text(feeling: Feeling) -> String {
    format!("{} {}", feeling.symbol(), feeling.label())
}

fn write_summary(page: &mut Page, journey: &Journey) {
    page.open(r#"<header class="journey">"#);
    page.line(&format!("<h1>{}</h1>", journey_title(journey)));
    if !journey.description.trim().is_empty() {
        page.line(&format!(
            r#"<p class="description">{}</p>"#,
            escape(journey.description.trim())
        ));
    }
    if !journey.personas.is_empty() {
        let chips: Vec<String> = journey
            .personas
            .iter()
            .map(|p| format!(r#"<span class="chip">{}</span>"#, escape(p)))
            .collect();
        page.line(&format!(
            r#"<p class="personas"><span class="label">Personas</span> {}</p>"#,
            chips.join(" ")
        ));
    }
    write_counts(page, journey);
    write_kinds(page, journey);
    write_remembered(page, journey);
    write_lift(page, journey);
    write_comments(page, &journey.comments);
    page.close("</header>");
}

/// What customers will remember: the peak, the end, the peak–end score, and why; when
/// some moments have a to-be feeling, the score once the ideas are done too.
fn write_remembered(page: &mut Page, journey: &Journey) {
    let Some(r) = crate::insight::remembered(journey) else {
        return;
    };
    page.open(r#"<section class="remembered">"#);
    page.line("<h2>What customers will remember</h2>");
    page.line(&format!(
        "<p>{}</p>",
        escape(crate::insight::Remembered::WHY)
    ));
    let place = |at: Option<&(&Stage, &Moment)>| match at {
        Some((stage, moment)) => format!(
            r#"<span class="{}">{}</span> {} <span class="label">in {}</span>"#,
            feeling_class(moment.feeling),
            escape(&feeling_text(moment.feeling)),
            escape(&moment.title),
            escape(&stage.name)
        ),
        None => "none".to_owned(),
    };
    page.open("<ul>");
    page.line(&format!(
        "<li>Deepest pain: {}</li>",
        place(r.deepest_pain.as_ref())
    ));
    page.line(&format!(
        "<li>Highest glory: {}</li>",
        place(r.highest_glory.as_ref())
    ));
    let ends: Vec<String> = r.end.iter().map(|at| place(Some(at))).collect();
    page.line(&format!("<li>The end: {}</li>", ends.join("; ")));
    page.line(&format!(
        "<li>Peak–end score: <strong>{}</strong> (from −2 to +2; the end alone {})</li>",
        signed(r.score()),
        signed(r.end_feeling)
    ));
    if journey.has_targets()
        && let Some(then) = crate::insight::remembered_to_be(journey)
    {
        page.line(&format!(
            "<li>Once the ideas are done: peak–end score <strong>{}</strong> (now {})</li>",
            signed(then.score()),
            signed(r.score())
        ));
    }
    page.close("</ul>");
    if r.ends_on_a_pain() {
        page.line(
            r#"<p class="warning"><strong>The journey ends on a pain</strong>: it is what customers leave with and tell others.</p>"#,
        );
    }
    page.close("</section>");
}

/// How much better each stage with moments and the whole journey should feel once the
/// ideas are done, and how many moments say so; only when some moment has a to-be.
fn write_lift(page: &mut Page, journey: &Journey) {
    if !journey.has_targets() {
        return;
    }
    page.open(r#"<section class="lift">"#);
    page.line("<h2>Expected lift</h2>");
    page.line(
        "<p>The average feeling now → once the ideas are done. A moment with no to-be counts as it feels now.</p>",
    );
    page.open("<ul>");
    for (index, stage) in journey.stages().iter().enumerate() {
        let Some(lift) = Lift::of_stage(stage) else {
            continue;
        };
        let label = if stage.name.trim().is_empty() {
            format!("Stage {}", index + 1)
        } else {
            format!("{}. {}", index + 1, escape(stage.name.trim()))
        };
        page.line(&format!(
            "<li><strong>{label}</strong>: {}; {}</li>",
            lift.describe(),
            lift.coverage()
        ));
    }
    if let Some(lift) = Lift::of_journey(journey) {
        page.line(&format!(
            "<li><strong>The whole journey</strong>: {}; {}</li>",
            lift.describe(),
            lift.coverage()
        ));
    }
    page.close("</ul>");
    page.close("</section>");
}

fn write_counts(page: &mut Page, journey: &Journey) {
    let counts = Counts::of_journey(journey);
    let votes = usize::try_from(counts.votes).unwrap_or(usize::MAX);
    let mut tiles = vec![
        (journey.stages().len(), "stage", "stages", ""),
        (counts.moments, "moment", "moments", ""),
        (counts.pains, "pain", "pains", " pain"),
        (counts.glories, "glory", "glories", " glory"),
        (
            counts.moments_of_truth,
            "moment of truth",
            "moments of truth",
            "",
        ),
    ];
    if votes > 0 {
        tiles.push((votes, "vote", "votes", ""));
    }
    page.open(r#"<ul class="counts">"#);
    for (n, one, many, class) in tiles {
        let word = if n == 1 { one } else { many };
        page.line(&format!(
            r#"<li class="count{class}"><strong>{n}</strong> {word}</li>"#
        ));
    }
    page.close("</ul>");
}

/// Which moment-of-truth kinds the map has and which it lacks: a gap is a question for
/// the workshop.
fn write_kinds(page: &mut Page, journey: &Journey) {
    let (present, missing) = kinds(journey);
    let badges = |list: &[Kind]| -> String {
        let badges: Vec<String> = list
            .iter()
            .map(|k| format!(r#"<abbr class="badge" title="{}">{k}</abbr>"#, k.name()))
            .collect();
        badges.join(" ")
    };
    let mut text = String::from(r#"<p class="kinds"><span class="label">Moments of truth</span> "#);
    if present.is_empty() {
        text.push_str("none marked yet");
    } else {
        text.push_str(&badges(&present));
    }
    if !missing.is_empty() && !present.is_empty() {
        let _ = write!(
            text,
            r#" <span class="missing">missing: {}</span>"#,
            badges(&missing)
        );
    }
    text.push_str("</p>");
    page.line(&text);
}

/// Where the curve's parts go, in SVG user units.
struct Plot {
    stages: usize,
    column: f64,
}

impl Plot {
    const LEFT: f64 = 128.0;
    const RIGHT: f64 = 24.0;
    const TOP: f64 = 28.0;
    /// From one feeling to the next.
    const STEP: f64 = 46.0;
    /// From the plot's bottom edge to the first line of a stage's name.
    const NAME: f64 = 22.0;
    /// From there to the stage's average, below two lines of name.
    const AVERAGE: f64 = 36.0;
    /// The curve is at least this wide, so a short journey is not a tall thin picture.
    const MIN_PLOT: f64 = 720.0;

    fn new(stages: usize) -> Plot {
        let n = stages.max(1) as f64;
        Plot {
            stages,
            column: (Self::MIN_PLOT / n).max(150.0),
        }
    }

    fn width(&self) -> f64 {
        Self::LEFT + self.column * self.stages.max(1) as f64 + Self::RIGHT
    }

    fn height(&self) -> f64 {
        self.bottom() + Self::NAME + Self::AVERAGE + 12.0
    }

    /// The middle of stage `index`'s column.
    fn x(&self, index: usize) -> f64 {
        Self::LEFT + self.column * (index as f64 + 0.5)
    }

    fn y(&self, feeling: f64) -> f64 {
        Self::TOP + (f64::from(Feeling::MAX) - feeling) * Self::STEP
    }

    /// The plot's top and bottom edges: half a step beyond the deepest feelings.
    fn top(&self) -> f64 {
        self.y(f64::from(Feeling::MAX) + 0.5)
    }

    fn bottom(&self) -> f64 {
        self.y(f64::from(Feeling::MIN) - 0.5)
    }

    fn right(&self) -> f64 {
        self.width() - Self::RIGHT
    }

    /// Display columns of a stage name that fit under a column (a wide character counts
    /// two, at about 7 units each).
    fn label_columns(&self) -> usize {
        ((self.column - 14.0) / 7.0).max(6.0) as usize
    }
}

fn write_curve(page: &mut Page, journey: &Journey) {
    let plot = Plot::new(journey.stages().len());
    page.open(r#"<section class="curve">"#);
    page.line("<h2>Emotion curve</h2>");
    page.open("<figure>");
    page.open(&format!(
        r#"<svg role="img" aria-label="{}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}">"#,
        escape(&curve_description(journey)),
        w = plot.width(),
        h = plot.height(),
    ));
    page.line("<title>Emotion curve</title>");
    write_curve_frame(page, &plot);
    if journey.stages().is_empty() {
        page.line(&format!(
            r#"<text class="empty" x="{:.1}" y="{:.1}">No stages yet</text>"#,
            plot.x(0),
            plot.y(0.0) - 8.0
        ));
    }
    let with_targets = journey.has_targets();
    write_curve_labels(page, &plot, journey, with_targets);
    write_curve_line(page, &plot, journey);
    if with_targets {
        write_curve_to_be(page, &plot, journey);
        write_curve_legend(page, &plot);
    }
    write_curve_moments(page, &plot, journey);
    page.close("</svg>");
    let to_be = if with_targets {
        " The dashed line joins each stage’s average to-be feeling, how it should feel once \
         the ideas are done (a moment with no to-be counts as it feels now)."
    } else {
        ""
    };
    page.line(&format!(
        "<figcaption>The line joins each stage’s average feeling; every circle is a moment \
         at its own feeling, and a letter marks a moment of truth (Z ZMOT, F FMOT, A AMOT, \
         S SMOT, T TMOT, L LMOT).{to_be}</figcaption>",
    ));
    page.close("</figure>");
    page.close("</section>");
}

/// What the picture shows, for a screen reader: each stage's average feeling in order,
/// then, when some moments have a to-be feeling, each stage's average to-be.
fn curve_description(journey: &Journey) -> String {
    let stages: Vec<String> = journey
        .stages()
        .iter()
        .map(|stage| match average_feeling(stage) {
            Some(average) => format!("{} {}", stage.name, signed(average)),
            None => format!("{} no moments", stage.name),
        })
        .collect();
    if stages.is_empty() {
        return "Emotion curve: no stages yet".to_owned();
    }
    let mut text = format!(
        "Emotion curve, average feeling from -2 (deep pain) to +2 (deep glory) by stage: {}",
        stages.join(", ")
    );
    if journey.has_targets() {
        let to_be: Vec<String> = journey
            .stages()
            .iter()
            .filter_map(|stage| {
                average_to_be(stage).map(|a| format!("{} {}", stage.name, signed(a)))
            })
            .collect();
        let _ = write!(
            text,
            "; dashed, to be once the ideas are done: {}",
            to_be.join(", ")
        );
    }
    text
}

/// The background: glory above the neutral line, pain below, one labelled line per
/// feeling, and the stages' column edges.
fn write_curve_frame(page: &mut Page, plot: &Plot) {
    let (left, right) = (Plot::LEFT, plot.right());
    let (top, zero, bottom) = (plot.top(), plot.y(0.0), plot.bottom());
    page.line(&format!(
        r#"<rect class="band glory-band" x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}"/>"#,
        right - left,
        zero - top
    ));
    page.line(&format!(
        r#"<rect class="band pain-band" x="{left:.1}" y="{zero:.1}" width="{:.1}" height="{:.1}"/>"#,
        right - left,
        bottom - zero
    ));
    for value in (Feeling::MIN..=Feeling::MAX).rev() {
        let feeling = Feeling::clamped(value.into());
        let y = plot.y(value.into());
        let class = if value == 0 { "zero" } else { "grid" };
        page.line(&format!(
            r#"<line class="{class}" x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}"/>"#
        ));
        page.line(&format!(
            r#"<text class="level {}" x="{:.1}" y="{y:.1}">{}</text>"#,
            feeling_class(feeling),
            left - 12.0,
            escape(&feeling_text(feeling))
        ));
    }
    for index in 1..plot.stages {
        let x = plot.x(index) - plot.column / 2.0;
        page.line(&format!(
            r#"<line class="column" x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}"/>"#
        ));
    }
    page.line(&format!(
        r#"<text class="axis" transform="translate(16 {zero:.1}) rotate(-90)">feeling</text>"#
    ));
}

/// Each stage's name under its column, in at most two lines, and its average feeling;
/// `with_targets` adds its average to-be ("average -0.5 → +1.0").
fn write_curve_labels(page: &mut Page, plot: &Plot, journey: &Journey, with_targets: bool) {
    let top = plot.bottom() + Plot::NAME;
    for (index, stage) in journey.stages().iter().enumerate() {
        let x = plot.x(index);
        let mut lines = wrap(stage.name.trim(), plot.label_columns(), 2);
        if lines.is_empty() || stage.name.trim().is_empty() {
            lines = vec![format!("Stage {}", index + 1)];
        }
        page.open(&format!(
            r#"<text class="stage-label" x="{x:.1}" y="{top:.1}">"#
        ));
        page.line(&format!("<title>{}</title>", escape(&stage.name)));
        for (n, line) in lines.iter().enumerate() {
            let dy = if n == 0 { "0" } else { "1.2em" };
            page.line(&format!(
                r#"<tspan x="{x:.1}" dy="{dy}">{}</tspan>"#,
                escape(line)
            ));
        }
        page.close("</text>");
        let average = match Lift::of_stage(stage) {
            None => "no moments".to_owned(),
            Some(lift) if with_targets => {
                format!("average {} → {}", signed(lift.as_is), signed(lift.to_be))
            }
            Some(lift) => format!("average {}", signed(lift.as_is)),
        };
        page.line(&format!(
            r#"<text class="average-label" x="{x:.1}" y="{:.1}">{average}</text>"#,
            top + Plot::AVERAGE
        ));
    }
}

/// The line through the averages of the stages that have moments, a dot at each.
fn write_curve_line(page: &mut Page, plot: &Plot, journey: &Journey) {
    let points: Vec<(f64, f64)> = journey
        .stages()
        .iter()
        .enumerate()
        .filter_map(|(index, stage)| average_feeling(stage).map(|a| (plot.x(index), plot.y(a))))
        .collect();
    if points.is_empty() {
        return;
    }
    let list: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    page.line(&format!(
        r#"<polyline class="average" points="{}"/>"#,
        list.join(" ")
    ));
    for (x, y) in points {
        page.line(&format!(
            r#"<circle class="average-point" cx="{x:.1}" cy="{y:.1}" r="4"/>"#
        ));
    }
}

/// The dashed line through the to-be averages of the stages that have moments, an open
/// dot at each: how the journey should feel once the ideas are done.
fn write_curve_to_be(page: &mut Page, plot: &Plot, journey: &Journey) {
    let points: Vec<(f64, f64)> = journey
        .stages()
        .iter()
        .enumerate()
        .filter_map(|(index, stage)| average_to_be(stage).map(|a| (plot.x(index), plot.y(a))))
        .collect();
    let list: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    page.line(&format!(
        r#"<polyline class="to-be" points="{}"/>"#,
        list.join(" ")
    ));
    for (x, y) in points {
        page.line(&format!(
            r#"<circle class="to-be-point" cx="{x:.1}" cy="{y:.1}" r="3.5"/>"#
        ));
    }
}

/// Which line is which, below the feeling levels in the left margin: a solid sample for
/// as is, a dashed one for to be, each named.
fn write_curve_legend(page: &mut Page, plot: &Plot) {
    let (x1, x2, text_x) = (20.0, 48.0, 56.0);
    let first = plot.bottom() + Plot::NAME - 4.0;
    page.open(r#"<g class="curve-legend">"#);
    for (n, (class, name)) in [("average", "as is"), ("to-be", "to be")]
        .iter()
        .enumerate()
    {
        let y = first + 18.0 * n as f64;
        page.line(&format!(
            r#"<line class="{class}" x1="{x1:.1}" y1="{y:.1}" x2="{x2:.1}" y2="{y:.1}"/>"#
        ));
        page.line(&format!(
            r#"<text x="{text_x:.1}" y="{y:.1}">{name}</text>"#
        ));
    }
    page.close("</g>");
}

/// Every moment as a circle at its feeling, side by side where several share a stage and
/// a feeling; a moment of truth is a larger circle with its kind's letter.
fn write_curve_moments(page: &mut Page, plot: &Plot, journey: &Journey) {
    for (index, stage) in journey.stages().iter().enumerate() {
        for value in Feeling::MIN..=Feeling::MAX {
            let same: Vec<&Moment> = stage
                .moments
                .iter()
                .filter(|m| m.feeling.value() == value)
                .collect();
            let spacing = (20.0f64).min((plot.column - 24.0) / same.len().max(1) as f64);
            for (n, moment) in same.iter().enumerate() {
                let offset = (n as f64 - (same.len() as f64 - 1.0) / 2.0) * spacing;
                let x = plot.x(index) + offset;
                write_curve_point(page, x, plot.y(value.into()), moment);
            }
        }
    }
}

fn write_curve_point(page: &mut Page, x: f64, y: f64, moment: &Moment) {
    let kind = moment
        .kind
        .map_or_else(String::new, |k| format!(", {}", k.badge()));
    page.open(&format!(
        r#"<g class="moment {}">"#,
        feeling_class(moment.feeling)
    ));
    page.line(&format!(
        "<title>{} ({}{kind})</title>",
        escape(&moment.title),
        feeling_text(moment.feeling)
    ));
    match moment.kind {
        Some(kind) => {
            page.line(&format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="9"/>"#));
            let letter = kind.badge().chars().next().unwrap_or('?');
            page.line(&format!(
                r#"<text x="{x:.1}" y="{:.1}">{letter}</text>"#,
                y + 3.5
            ));
        }
        None => page.line(&format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="5"/>"#)),
    }
    page.close("</g>");
}

fn write_board(page: &mut Page, journey: &Journey) {
    page.open(r#"<section class="board">"#);
    page.line("<h2>The board</h2>");
    write_legend(page);
    if journey.stages().is_empty() {
        page.line(r#"<p class="empty">No stages yet.</p>"#);
    }
    page.open(r#"<div class="stages">"#);
    for (index, stage) in journey.stages().iter().enumerate() {
        write_stage(page, index + 1, stage);
    }
    page.close("</div>");
    page.close("</section>");
}

/// What the colours and borders mean, said in words too.
fn write_legend(page: &mut Page) {
    page.open(r#"<ul class="legend">"#);
    for value in Feeling::MIN..=Feeling::MAX {
        let feeling = Feeling::clamped(value.into());
        page.line(&format!(
            r#"<li class="{}"><span class="feeling">{}</span></li>"#,
            feeling_class(feeling),
            feeling_text(feeling)
        ));
    }
    page.line(r#"<li class="legend-mot">heavy border: a moment of truth</li>"#);
    page.close("</ul>");
}

fn write_stage(page: &mut Page, number: usize, stage: &Stage) {
    page.open(r#"<section class="stage">"#);
    page.open(r#"<header class="stage-head">"#);
    page.line(&format!(
        r#"<h3><span class="number">{number}</span> {}</h3>"#,
        escape(&stage.name)
    ));
    if !stage.description.trim().is_empty() {
        page.line(&format!(
            r#"<p class="description">{}</p>"#,
            escape(stage.description.trim())
        ));
    }
    let counts = if stage.moments.is_empty() {
        "No moments yet.".to_owned()
    } else {
        stage_counts(stage)
    };
    page.line(&format!(r#"<p class="stage-counts">{counts}</p>"#));
    write_comments(page, &stage.comments);
    page.close("</header>");
    for moment in &stage.moments {
        write_card(page, moment);
    }
    page.close("</section>");
}

/// "4 moments: 1 pain, 2 glories · 3 moments of truth · average +0.5".
fn stage_counts(stage: &Stage) -> String {
    let counts = Counts::of_stage(stage);
    let mut text = count_summary(counts.moments, counts.pains, counts.glories);
    if counts.moments_of_truth > 0 {
        let _ = write!(
            text,
            " · {}",
            plural(
                counts.moments_of_truth,
                "moment of truth",
                "moments of truth"
            )
        );
    }
    if let Some(average) = average_feeling(stage) {
        let _ = write!(text, " · average {}", signed(average));
    }
    text
}

fn write_card(page: &mut Page, moment: &Moment) {
    let mot = if moment.kind.is_some() { " mot" } else { "" };
    page.open(&format!(
        r#"<article class="card {}{mot}">"#,
        feeling_class(moment.feeling)
    ));
    let mut head = format!(
        r#"<p class="card-head"><span class="feeling">{}</span>"#,
        feeling_text(moment.feeling)
    );
    if let Some(kind) = moment.kind {
        let _ = write!(
            head,
            r#" <span class="kind"><span class="badge">{}</span> · {}</span>"#,
            kind.badge(),
            kind.name()
        );
    }
    head.push_str("</p>");
    page.line(&head);
    if moment.title.trim().is_empty() {
        page.line(r#"<h4 class="untitled">untitled</h4>"#);
    } else {
        page.line(&format!("<h4>{}</h4>", escape(&moment.title)));
    }
    write_card_details(page, moment);
    page.close("</article>");
}

/// The fields below a card's title, each only when it says something.
fn write_card_details(page: &mut Page, moment: &Moment) {
    let to_be = moment.target.map_or_else(String::new, feeling_text);
    let personas = moment.personas.join(", ");
    let fields = [
        ("To be", to_be.as_str()),
        ("Channel", moment.channel.as_str()),
        (moment.personas_heading(), personas.as_str()),
        ("Owner", moment.owner.as_str()),
        ("Evidence", moment.evidence.map_or("", |e| e.label())),
    ];
    if fields.iter().any(|(_, value)| !value.trim().is_empty()) {
        page.open(r#"<dl class="fields">"#);
        for (name, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
            page.line(&format!("<dt>{name}</dt><dd>{}</dd>", escape(value)));
        }
        page.close("</dl>");
    }
    if !moment.notes.trim().is_empty() {
        page.line(&format!(
            r#"<p class="notes">{}</p>"#,
            escape(moment.notes.trim())
        ));
    }
    if !moment.idea.trim().is_empty() {
        page.line(&format!(
            r#"<p class="idea"><span class="label">Idea</span> {}</p>"#,
            escape(moment.idea.trim())
        ));
    }
    if !moment.tags.is_empty() {
        let tags: Vec<String> = moment
            .tags
            .iter()
            .map(|t| format!("<li>{}</li>", escape(t)))
            .collect();
        page.line(&format!(r#"<ul class="tags">{}</ul>"#, tags.concat()));
    }
    if moment.votes > 0 {
        let votes = usize::try_from(moment.votes).unwrap_or(usize::MAX);
        page.line(&format!(
            r#"<p class="votes">{}</p>"#,
            plural(votes, "vote", "votes")
        ));
    }
    write_comments(page, &moment.comments);
}

/// The comments on the journey, a stage or a moment, each with its author and time; a
/// resolved one says so in words and is set in grey.
fn write_comments(page: &mut Page, comments: &[Comment]) {
    if comments.is_empty() {
        return;
    }
    page.open(r#"<ul class="comments">"#);
    for comment in comments {
        let (class, mark) = if comment.resolved {
            (
                " resolved",
                r#" <span class="resolved-mark">resolved</span>"#,
            )
        } else {
            ("", "")
        };
        let author = if comment.author.trim().is_empty() {
            "someone"
        } else {
            &comment.author
        };
        let at = if comment.at.trim().is_empty() {
            String::new()
        } else {
            format!(
                r#" <time datetime="{}">{}</time>"#,
                escape(&comment.at),
                escape(&crate::utc::readable(&comment.at))
            )
        };
        page.open(&format!(r#"<li class="comment{class}">"#));
        page.line(&format!(
            r#"<p class="comment-head"><strong>{}</strong>{at}{mark}</p>"#,
            escape(author)
        ));
        page.line(&format!(
            r#"<p class="comment-text">{}</p>"#,
            escape(comment.text.trim())
        ));
        page.close("</li>");
    }
    page.close("</ul>");
}

/// The page's look. Colours after Okabe and Ito, safe for people who do not tell red from
/// green: pains in vermilion and orange, glories in blues, neutral in grey; the deeper the
/// feeling, the stronger the colour and the wider the card's edge. Print: landscape, no
/// card cut across pages, colours kept.
const STYLE: &str = r#":root {
  color-scheme: light;
  --page: #f6f6f3;
  --paper: #ffffff;
  --text: #1f2328;
  --muted: #5b636d;
  --rule: #d8dce0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR",
    "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
  line-height: 1.45;
}
.deep-pain { --accent: #c05000; --tint: #f8d8c3; --ink: #ffffff; --edge: 9px; }
.pain { --accent: #e69f00; --tint: #fdefd2; --ink: #1f2328; --edge: 6px; }
.neutral { --accent: #757575; --tint: #f1f1f1; --ink: #ffffff; --edge: 3px; }
.glory { --accent: #56b4e9; --tint: #e2f1fb; --ink: #1f2328; --edge: 6px; }
.deep-glory { --accent: #0072b2; --tint: #c9e1f2; --ink: #ffffff; --edge: 9px; }
* { box-sizing: border-box; }
body { margin: 0; padding: 2rem clamp(1rem, 3vw, 3rem); background: var(--page); color: var(--text); font-size: 15px; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
.description { white-space: pre-wrap; max-width: 75ch; margin: 0 0 .75rem; }
.label { color: var(--muted); font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; margin-right: .35rem; }
.chip { display: inline-block; background: var(--paper); border: 1px solid var(--rule); border-radius: 999px; padding: 0 .6rem; margin: 0 .15rem .25rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 1rem 0 .75rem; }
.counts li { background: var(--paper); border: 1px solid var(--rule); border-radius: .6rem; padding: .4rem .9rem; color: var(--muted); }
.counts strong { display: block; font-size: 1.5rem; line-height: 1.2; color: var(--text); }
.counts .pain { border-bottom: 4px solid #c05000; }
.counts .glory { border-bottom: 4px solid #0072b2; }
.badge { display: inline-block; background: var(--text); color: #fff; border-radius: .25rem; padding: 0 .35rem; font-size: .75rem; font-weight: 700; letter-spacing: .05em; text-decoration: none; }
.missing { color: var(--muted); margin-left: .5rem; }
.remembered { max-width: 75ch; }
.remembered li > span:not(.label) { color: var(--accent); font-weight: 700; }
.warning { border-left: 4px solid #c05000; background: var(--paper); padding: .3rem .75rem; }
.missing .badge { background: transparent; color: var(--muted); border: 1px dashed var(--muted); }
figure { margin: 0; }
svg { display: block; width: 100%; height: auto; max-height: 30rem; background: var(--paper); border: 1px solid var(--rule); border-radius: .75rem; }
figcaption { color: var(--muted); font-size: .85rem; margin-top: .4rem; }
.band { opacity: .07; }
.glory-band { fill: #0072b2; }
.pain-band { fill: #d55e00; }
.grid { stroke: #d8dce0; stroke-dasharray: 4 4; }
.zero { stroke: #8c959f; stroke-width: 1.5; }
.column { stroke: #eceef0; }
.level { fill: var(--muted); font-size: 12px; text-anchor: end; dominant-baseline: central; }
.axis { fill: var(--muted); font-size: 12px; text-anchor: middle; letter-spacing: .1em; }
.stage-label { fill: var(--text); font-size: 13px; font-weight: 600; text-anchor: middle; }
.average-label { fill: var(--muted); font-size: 12px; text-anchor: middle; }
svg .empty { fill: var(--muted); font-size: 14px; text-anchor: middle; }
.average { fill: none; stroke: var(--text); stroke-width: 3; stroke-linejoin: round; stroke-linecap: round; opacity: .75; }
.average-point { fill: var(--text); }
.moment circle { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
.moment text { fill: var(--ink); font-size: 10px; font-weight: 700; text-anchor: middle; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; font-size: .85rem; align-items: center; }
.legend-mot { border: 2px solid var(--text); border-radius: .3rem; padding: 0 .4rem; }
.feeling { display: inline-block; background: var(--accent); color: var(--ink); border-radius: 999px; padding: 0 .55rem; font-weight: 700; white-space: nowrap; }
.stages { display: flex; gap: .75rem; align-items: flex-start; overflow-x: auto; padding-bottom: .5rem; }
.stage { flex: 1 1 0; min-width: 12.5rem; max-width: 28rem; background: var(--paper); border: 1px solid var(--rule); border-radius: .75rem; padding: .75rem; }
.stage-head { border-bottom: 1px solid var(--rule); margin-bottom: .75rem; }
.stage-head:last-child { border-bottom: 0; margin-bottom: 0; }
.stage-head h3 { font-size: 1.1rem; margin: 0 0 .35rem; }
.stage-head .description { font-size: .88rem; }
.number { display: inline-block; min-width: 1.6rem; text-align: center; background: var(--text); color: #fff; border-radius: 999px; font-size: .85rem; margin-right: .2rem; }
.stage-counts { color: var(--muted); font-size: .8rem; margin: 0 0 .6rem; }
.card { background: var(--tint); border: 1px solid rgba(0, 0, 0, .12); border-left: var(--edge) solid var(--accent); border-radius: .5rem; padding: .55rem .7rem; margin-bottom: .65rem; }
.card.mot { border: 2px solid var(--accent); border-left: var(--edge) solid var(--accent); }
.card-head { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem; margin: 0 0 .35rem; font-size: .78rem; }
.kind { color: var(--muted); }
.card h4 { font-size: 1rem; line-height: 1.3; margin: 0 0 .4rem; }
.card h4.untitled { color: var(--muted); font-style: italic; }
.fields { display: grid; grid-template-columns: auto 1fr; gap: .05rem .6rem; margin: 0 0 .4rem; font-size: .8rem; }
.fields dt { color: var(--muted); }
.fields dd { margin: 0; }
.notes, .idea { white-space: pre-wrap; font-size: .85rem; margin: .35rem 0 0; }
.idea { background: rgba(255, 255, 255, .75); border-radius: .35rem; padding: .3rem .5rem; }
.tags { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; padding: 0; margin: .45rem 0 0; font-size: .75rem; }
.tags li { background: var(--paper); border: 1px solid rgba(0, 0, 0, .18); border-radius: 999px; padding: 0 .45rem; }
.votes { font-size: .8rem; font-weight: 700; margin: .4rem 0 0; }
.comments { list-style: none; padding: 0; margin: .5rem 0; font-size: .82rem; max-width: 75ch; }
.comment { background: var(--paper); border: 1px solid var(--rule); border-left: 3px solid var(--text); border-radius: .35rem; padding: .3rem .5rem; margin-top: .35rem; }
.comment p { margin: 0; }
.comment-head { color: var(--muted); }
.comment-head strong { color: var(--text); }
.comment-text { white-space: pre-wrap; }
.comment.resolved { border-left-style: dashed; color: var(--muted); }
.resolved-mark { font-weight: 700; margin-left: .3rem; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; }
@page { size: landscape; margin: 12mm; }
@media print {
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  :root { font-size: 13px; }
  body { background: #fff; padding: 0; font-size: 1rem; }
  h2, .stage-head, .legend { break-after: avoid; }
  .curve, .card, .stage-head, .counts li { break-inside: avoid; }
  .stages { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; overflow: visible; }
  .stage { min-width: 0; max-width: none; padding: .5rem; }
}"#;

/// The look of the to-be parts: the curve's dashed line (dashed so that it is told from
/// the solid one without colour), its open dots and legend, and the expected lift. Added
/// to the style only for a map that has to-be feelings, so a page without any stays as
/// it was.
const TO_BE_STYLE: &str = r#".lift { max-width: 75ch; }
.to-be { fill: none; stroke: #0072b2; stroke-width: 2.5; stroke-dasharray: 8 5; stroke-linejoin: round; }
.to-be-point { fill: var(--paper); stroke: #0072b2; stroke-width: 2; }
.curve-legend text { fill: var(--muted); font-size: 12px; dominant-baseline: central; }"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_content_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn averages_read_with_a_sign() {
        assert_eq!(signed(0.5), "+0.5");
        assert_eq!(signed(-4.0 / 3.0), "-1.3");
        assert_eq!(signed(-0.04), "0.0");
    }
}
