//! A sheet with the stages across the columns and a row per lane, the journey-map
//! template most teams start from: the first row names the stages (its first cell says
//! `Stage`, `Phase` or nothing), and the first column names each row's lane by the names
//! of [`super::names`] (`Actions`, `Touchpoints`, `Emotion`, `Pain points`,
//! `Opportunities`, `Thoughts`…). Each line of a cell of the actions row (or, without one,
//! the touchpoints row) is a moment of that column's stage; the other lanes fill in its
//! fields. Rows above the one naming the stages (when it is named `Stage` or another name
//! for it) are the map's title and description.

use super::{
    CHANNEL, EVIDENCE, FEELING, FIELDS, Field, IDEA, KIND, OWNER, PERSONA, Problems, Row, STAGE,
    STAGE_DESCRIPTION, SheetError, TAGS, TARGET, TITLE, VOTES, and_list, header_error, labelled,
    names, parse_evidence, parse_feeling, parse_kind, parse_number, parse_target, personas_of,
    split_list, text_value, unused_mappings,
};
use crate::model::{Journey, Moment, Stage};
use crate::share::ImportOptions;

/// Where a lane's cells go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// One moment a line: the actions (or touchpoints) lane.
    Moments,
    /// One of motmap's columns, for the first lane that is it.
    Column(usize),
    /// The moments' notes as `Lane: value` lines: a further lane for a field another lane
    /// already gives, a lane this layout has no place for, and with `--keep-unknown` a
    /// lane motmap does not know.
    Notes,
    /// Nowhere (`--map "KPIs=skip"`).
    Skip,
}

/// One row of the sheet below the stages: its line, its name, where its cells go and
/// the cells (the name's cell included, so cell `c` is the stage in column `c`).
struct Lane<'r> {
    line: u64,
    label: &'r str,
    target: Target,
    cells: &'r [String],
}

/// The fields one value of fits every moment of a stage, so a single value in a stage with
/// several moments is each one's (not the votes: they are each moment's own).
const SHARED: [usize; 8] = [
    FEELING, TARGET, KIND, EVIDENCE, CHANNEL, PERSONA, OWNER, TAGS,
];

/// A journey from a sheet with the stages across the columns; `None` when no lane holds
/// the moments, so the sheet is not one.
pub(super) fn read(rows: &[Row], options: &ImportOptions) -> Option<Result<Journey, SheetError>> {
    let at = stage_row(rows, options);
    let stages = rows.get(at)?.cells.as_ref().ok()?;
    let mut found: Vec<(u64, Vec<String>)> = Vec::new();
    let mut lanes: Vec<Lane> = Vec::new();
    let mut unknown = Vec::new();
    for row in &rows[at + 1..] {
        let cells = match &row.cells {
            Ok(cells) => cells,
            Err(problem) => {
                found.push((row.line, vec![problem.clone()]));
                continue;
            }
        };
        let label = cells.first().map_or("", |c| c.trim());
        let target = if label.is_empty() {
            // A lane over several rows (its name in a merged cell) goes on in the next.
            match lanes.last() {
                Some(lane) => lane.target,
                None if cells.iter().all(|c| c.trim().is_empty()) => continue,
                None => {
                    found.push((row.line, vec!["the row has no name in the first column, so what it holds is unknown; name it (Actions, Emotion, Pain points…)".into()]));
                    Target::Skip
                }
            }
        } else {
            match names::field_of(label, &options.map) {
                Some(Field::Skip) => Target::Skip,
                Some(Field::Column(column)) if placed(column) => Target::Column(column),
                Some(Field::Column(_)) => Target::Notes,
                None => {
                    unknown.push((row.line, format!("{label:?}")));
                    Target::Notes
                }
            }
        };
        let label = lanes
            .last()
            .filter(|_| label.is_empty())
            .map_or(label, |l| l.label);
        lanes.push(Lane {
            line: row.line,
            label,
            target,
            cells,
        });
    }
    choose_moment_lane(&mut lanes)?;
    if let Some((line, _)) = unknown.first().filter(|_| !options.keep_unknown) {
        let names: Vec<String> = unknown.iter().map(|(_, name)| name.clone()).collect();
        return Some(Err(header_error(*line, unknown_lanes(&names))));
    }
    let labels: Vec<String> = lanes.iter().map(|l| l.label.to_owned()).collect();
    if let Some(unused) = unused_mappings(options, &labels) {
        return Some(Err(header_error(rows[at].line, unused)));
    }
    let mut map = Map::new(&lanes);
    for (column, name) in stages.iter().enumerate().skip(1) {
        map.column(column, name.trim(), &lanes);
    }
    // Columns past the last stage's name belong to it, as an empty name in between does.
    let width = lanes.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    for column in stages.len().max(1)..width {
        map.column(column, "", &lanes);
    }
    found.append(&mut map.problems);
    found.sort_by_key(|(line, _)| *line);
    let mut problems = Problems::default();
    for (line, found) in found {
        if !problems.add(line, found) {
            break;
        }
    }
    let (title, description) = title_rows(&rows[..at]);
    Some(problems.finish(|| {
        let personas = personas_of(&map.stages);
        Journey::from_parts(title, description, personas, map.stages)
    }))
}

/// Whether a field has a place in this layout: a moment's or a stage's; not the ids, the
/// journey's own cells or the comments, which only motmap's own layout carries.
fn placed(column: usize) -> bool {
    (TITLE..=VOTES).contains(&column) || column == STAGE_DESCRIPTION || column == TARGET
}

/// The row that names the stages: one whose first cell is `Stage` or another name for
/// it, above any other lane motmap knows (rows above it hold the map's title); or else
/// the first row.
fn stage_row(rows: &[Row], options: &ImportOptions) -> usize {
    for (at, row) in rows.iter().enumerate() {
        let label = row.cells.as_ref().ok().and_then(|cells| cells.first());
        match label.and_then(|l| names::field_of(l, &options.map)) {
            Some(Field::Column(STAGE)) => return at,
            Some(_) => break,
            None => {}
        }
    }
    0
}

/// Makes the first actions lane (or, without one, the first touchpoints lane) the lane of
/// the moments; `None` when there is neither.
fn choose_moment_lane(lanes: &mut [Lane]) -> Option<()> {
    let first = |column| {
        lanes
            .iter()
            .position(|l| l.target == Target::Column(column))
    };
    let at = first(TITLE).or_else(|| first(CHANNEL))?;
    let target = lanes[at].target;
    let label = lanes[at].label;
    // A lane over several rows is the moments' lane in each; another lane for the same
    // field goes into the notes.
    for lane in lanes.iter_mut() {
        if lane.target == target {
            lane.target = if lane.label == label {
                Target::Moments
            } else {
                Target::Notes
            };
        }
    }
    // Of two lanes for one field, the first gives it and the others go into the notes.
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for lane in lanes.iter_mut() {
        if let Target::Column(column) = lane.target {
            match seen.iter().find(|(c, _)| *c == column) {
                Some((_, label)) if *label != lane.label => lane.target = Target::Notes,
                Some(_) => {}
                None => seen.push((column, lane.label)),
            }
        }
    }
    Some(())
}

/// The map's title and description from the rows above the stages: the first row's text
/// is the title, the others' the description.
fn title_rows(rows: &[Row]) -> (String, String) {
    let mut texts = rows.iter().filter_map(|row| {
        let cells = row.cells.as_ref().ok()?;
        let text: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        (!text.is_empty()).then(|| text.join(" "))
    });
    let title = texts.next().unwrap_or_default();
    (title, texts.collect::<Vec<_>>().join("\n"))
}

/// The first lane below the stages that motmap knows, other than the moments' own, for
/// explaining a sheet that has the stages across the columns but no lane for the moments.
pub(super) fn known_lane(rows: &[Row], options: &ImportOptions) -> Option<String> {
    rows.iter().skip(1).find_map(|row| {
        let label = row.cells.as_ref().ok()?.first()?.trim();
        matches!(names::field_of(label, &options.map), Some(Field::Column(c)) if c != STAGE)
            .then(|| label.to_owned())
    })
}

/// Why a sheet that looks like one with the stages across the columns was not read as one.
pub(super) fn not_found(lane: &str) -> String {
    format!(
        "the sheet looks like one with the stages across the columns (its first column names rows such as {lane:?}), but no row holds the moments: motmap makes a moment of each line of the row named Actions, Doing, Activities or Touchpoints (or the row given with --map \"ROW=title\"), takes the stages from the first row and fills in each moment from the other rows (Emotion, Pain points, Opportunities…). Name that row so, or lay the sheet out with a row per moment under the columns stage and title"
    )
}

/// What to say about lanes motmap does not know, in one paragraph.
fn unknown_lanes(unknown: &[String]) -> String {
    let rows = if unknown.len() == 1 { "row" } else { "rows" };
    format!(
        "the first column (which names the rows of a sheet with the stages across the columns) is the problem: motmap does not know the {rows} {}. The rows it reads are named for the fields {FIELDS}, or by others the README lists, such as Actions, Touchpoints, Emotion, Pain points and Opportunities. Say which field each is with --map, as in --map {:?} (or =skip to leave it out), or keep them in each moment's notes as `Row: value` lines with --keep-unknown",
        and_list(unknown),
        format!("{}=notes", unknown[0].trim_matches('"'))
    )
}

/// The journey as it is made, stage column by stage column.
struct Map {
    stages: Vec<Stage>,
    /// Bad values, by the line of their lane, in the order of the lanes.
    problems: Vec<(u64, Vec<String>)>,
    /// Whether the notes are `Lane: value` lines (more than one lane feeds them) or the
    /// notes lane's cells as they are.
    labelled_notes: bool,
}

impl Map {
    fn new(lanes: &[Lane]) -> Map {
        // Only one notes lane (perhaps over several rows) when no lane is `Target::Notes`.
        let labelled_notes = lanes.iter().any(|l| l.target == Target::Notes);
        Map {
            stages: Vec::new(),
            problems: lanes.iter().map(|l| (l.line, Vec::new())).collect(),
            labelled_notes,
        }
    }

    /// Adds what one column holds: a new stage when it has a name, else more of the stage
    /// to its left (a name in a merged cell), or a stage without a name when there is none.
    fn column(&mut self, column: usize, name: &str, lanes: &[Lane]) {
        let cell = |lane: &Lane| text_value(lane.cells.get(column).map_or("", |c| c.trim()));
        if name.is_empty() && lanes.iter().all(|l| cell(l).trim().is_empty()) {
            return;
        }
        if !name.is_empty() || self.stages.is_empty() {
            self.stages.push(Stage::new(name));
        }
        let at = |lane: &Lane| match name {
            "" => format!("`{}` in column {}", lane.label, column + 1),
            name => format!("`{}` under `{name}`", lane.label),
        };
        let mut moments: Vec<Moment> = lanes
            .iter()
            .filter(|l| l.target == Target::Moments)
            .flat_map(|l| {
                lines(&cell(l))
                    .into_iter()
                    .map(Moment::new)
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut notes: Vec<Vec<(&str, String)>> = vec![Vec::new(); moments.len()];
        let mut described: Vec<(Option<&str>, String)> = Vec::new();
        for (index, lane) in lanes.iter().enumerate() {
            let text = cell(lane);
            if text.is_empty() || matches!(lane.target, Target::Moments | Target::Skip) {
                continue;
            }
            if lane.target == Target::Column(STAGE_DESCRIPTION) {
                described.push((None, text));
                continue;
            }
            let values = match placement(&text, moments.len(), lane.target) {
                Some(values) => values,
                None => {
                    described.push((Some(lane.label), text));
                    continue;
                }
            };
            let place = at(lane);
            for (moment, value) in values.into_iter().enumerate() {
                let found = &mut self.problems[index].1;
                let note = fill(&mut moments[moment], lane.target, value, &place, found);
                notes[moment].extend(note.map(|n| (lane.label, n)));
            }
        }
        for (moment, notes) in moments.iter_mut().zip(notes) {
            moment.notes = if self.labelled_notes {
                labelled(notes.into_iter())
            } else {
                notes
                    .into_iter()
                    .map(|(_, n)| n)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
        }
        let stage = self.stages.last_mut().expect("a stage was pushed above");
        let description: Vec<String> = described
            .into_iter()
            .map(|(label, text)| match label {
                Some(label) => format!("{label}: {text}"),
                None => text,
            })
            .collect();
        let joined = [stage.description.as_str()]
            .into_iter()
            .chain(description.iter().map(String::as_str))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        stage.description = joined;
        stage.moments.extend(moments);
    }
}

/// The values a lane's cell gives the moments of its column: the whole cell to a lone
/// moment, a line to each when it has a line for each, or one value to all for a field
/// one value fits ([`SHARED`]); `None` when it fits none of these and belongs to the
/// stage's description.
fn placement(text: &str, moments: usize, target: Target) -> Option<Vec<String>> {
    let lines = lines(text);
    match moments {
        0 => None,
        1 => Some(vec![text.to_owned()]),
        n if lines.len() == n => Some(lines),
        n if lines.len() == 1 && matches!(target, Target::Column(c) if SHARED.contains(&c)) => {
            Some(vec![text.to_owned(); n])
        }
        _ => None,
    }
}

/// The lines of a cell that have something on them, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Puts one lane's value into a moment; gives it back when it belongs in the notes. A bad
/// value is added to `found`, named by `at` (`` `Emotion` under `Buy` ``).
fn fill(
    moment: &mut Moment,
    target: Target,
    value: String,
    at: &str,
    found: &mut Vec<String>,
) -> Option<String> {
    let mut check = |result: Result<(), String>| {
        if let Err(problem) = result {
            found.push(problem);
        }
    };
    match target {
        Target::Column(FEELING) => check(parse_feeling(&value, at).map(|f| moment.feeling = f)),
        Target::Column(TARGET) => check(parse_target(&value, at).map(|t| moment.target = t)),
        Target::Column(KIND) => check(parse_kind(&value, at).map(|k| moment.kind = k)),
        Target::Column(EVIDENCE) => check(parse_evidence(&value, at).map(|e| moment.evidence = e)),
        Target::Column(VOTES) => check(parse_number(&value, at).map(|v| moment.votes = v)),
        Target::Column(CHANNEL) => moment.channel = value,
        Target::Column(PERSONA) => moment.personas = split_list(&value),
        Target::Column(OWNER) => moment.owner = value,
        Target::Column(IDEA) => moment.idea = value,
        Target::Column(TAGS) => moment.tags = split_list(&value),
        _ => return Some(value),
    }
    None
}
