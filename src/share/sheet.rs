//! A journey from a sheet: the rows of a CSV file or of a workbook's sheet, laid out as
//! people keep them. Either a row per moment under a header naming the columns, by
//! motmap's own names or others people use for them ([`names`]); or the stages across
//! the columns with a row per lane ([`lanes`]). Feelings may be numbers, signs, words or
//! emoji ([`feelings`]). Nothing is imported when anything is wrong, and every bad value
//! is reported, each with its column.

mod comments;
mod feelings;
mod lanes;
pub mod names;

pub(super) use comments::to_cell as comments_cell;
pub use names::{Field, Mapping};

use super::ImportOptions;
use crate::model::{
    Comment, Evidence, Feeling, Id, Journey, Kind, MermaidExtras, Moment, Stage, clean_tags,
    split_list,
};

/// motmap's own columns, in the order the CSV export writes them. The first ten are the
/// ones a person works with; the rest carry what a round trip needs (ids, and the
/// journey's and stages' own texts on the first row that has them), then the comments on
/// the moment, its stage and the journey, one cell each (see [`comments`]), then the
/// to-be feeling, which came after the others and so keeps their places. Last, what a
/// Mermaid diagram had beyond the map: a moment's score that no feeling is, and the
/// journey's settings and accessible texts as JSON; the export writes these two only for
/// a map that has them.
pub const COLUMNS: [&str; 24] = [
    "stage",
    "title",
    "kind",
    "feeling",
    "channel",
    "persona",
    "owner",
    "notes",
    "idea",
    "tags",
    "evidence",
    "votes",
    "id",
    "stage id",
    "stage description",
    "journey",
    "journey description",
    "personas",
    "comments",
    "stage comments",
    "journey comments",
    "target",
    "mermaid score",
    "mermaid",
];

/// Where each of motmap's columns is in [`COLUMNS`].
pub(super) const STAGE: usize = 0;
pub(super) const TITLE: usize = 1;
const KIND: usize = 2;
const FEELING: usize = 3;
const CHANNEL: usize = 4;
const PERSONA: usize = 5;
const OWNER: usize = 6;
const NOTES: usize = 7;
const IDEA: usize = 8;
const TAGS: usize = 9;
const EVIDENCE: usize = 10;
const VOTES: usize = 11;
const ID: usize = 12;
pub(super) const STAGE_ID: usize = 13;
pub(super) const STAGE_DESCRIPTION: usize = 14;
pub(super) const JOURNEY: usize = 15;
pub(super) const JOURNEY_DESCRIPTION: usize = 16;
pub(super) const PERSONAS: usize = 17;
pub(super) const MOMENT_COMMENTS: usize = 18;
pub(super) const STAGE_COMMENTS: usize = 19;
pub(super) const JOURNEY_COMMENTS: usize = 20;
/// The to-be feeling, after the others so that sheets made before it keep their columns in
/// place.
pub(super) const TARGET: usize = 21;
/// A moment's Mermaid score that no feeling is.
pub(super) const MERMAID_SCORE: usize = 22;
/// The journey's Mermaid settings and accessible texts, as JSON.
pub(super) const MERMAID: usize = 23;

/// The fields a person fills in, as the header's error names them.
const FIELDS: &str = "stage, title, kind, feeling, target, channel, persona, owner, notes, idea, tags, evidence and votes";

/// One row of a sheet: the line of the file it starts on (for a workbook, its row
/// number) and its cells, or what kept it from being read.
pub(super) struct Row {
    pub line: u64,
    pub cells: Result<Vec<String>, String>,
}

/// A sheet that could not be imported: every bad value, by line.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", problems.iter().map(|(line, p)| format!("{line}: {p}")).collect::<Vec<_>>().join("\n"))]
pub struct SheetError {
    /// Line numbers (1-based, counting the header) and what is wrong there; a row with
    /// several bad values has a line for each.
    pub problems: Vec<(u64, String)>,
    /// Whether more bad rows follow the ones listed.
    pub more: bool,
    /// Whether the names are the problem (the header, or the first column of a sheet with
    /// the stages across the columns) rather than the values under them.
    pub header: bool,
}

/// The most bad rows listed; a sheet with more is likely not a journey at all.
const MAX_BAD_ROWS: usize = 20;

/// A journey from a sheet's rows. The first row names the columns; or, in a sheet with the
/// stages across the columns, it names the stages.
pub(super) fn read(rows: &[Row], options: &ImportOptions) -> Result<Journey, SheetError> {
    let Some(first) = rows.first() else {
        return Err(header_error(
            1,
            "the sheet is empty: it has no first row naming the columns (stage, title…), and no rows under one".into(),
        ));
    };
    let header = first
        .cells
        .as_ref()
        .map_err(|problem| header_error(first.line, problem.clone()))?;
    if header.len() == 1 && header[0].contains([';', '\t']) {
        return Err(header_error(
            first.line,
            "the first row has no commas between its columns; motmap reads comma-separated CSV. From a spreadsheet, save as “CSV UTF-8 (Comma delimited)”".into(),
        ));
    }
    let columns = Columns::new(header, options);
    if !columns.fit(options)
        && let Some(journey) = lanes::read(rows, options)
    {
        return journey;
    }
    if !columns.fit(options) {
        let problem = match lanes::known_lane(rows, options) {
            Some(lane) => lanes::not_found(&lane),
            None => columns.problem(),
        };
        return Err(header_error(first.line, problem));
    }
    if let Some(unused) = unused_mappings(options, header) {
        return Err(header_error(first.line, unused));
    }
    let mut sheet = Sheet::default();
    let mut problems = Problems::default();
    for row in &rows[1..] {
        let found = match &row.cells {
            Ok(cells) => sheet.add(&columns, header.len(), cells),
            Err(problem) => vec![problem.clone()],
        };
        if !problems.add(row.line, found) {
            break;
        }
    }
    problems.finish(|| sheet.finish(&columns))
}

/// A problem with the names, not the rows.
fn header_error(line: u64, problem: String) -> SheetError {
    SheetError {
        problems: vec![(line, problem)],
        more: false,
        header: true,
    }
}

/// What to say when a `--map` names a column (or row) the sheet does not have, which is
/// likely a typo that would otherwise go unnoticed.
fn unused_mappings(options: &ImportOptions, names: &[String]) -> Option<String> {
    let keys: Vec<String> = names.iter().map(|n| names::key(n)).collect();
    let unused: Vec<String> = options
        .map
        .iter()
        .filter(|m| !keys.contains(&names::key(&m.column)))
        .map(|m| format!("{:?}", m.column))
        .collect();
    (!unused.is_empty()).then(|| {
        format!(
            "--map names {}, which the sheet does not have; it has {}. Give --map one of these names",
            and_list(&unused),
            and_list(
                &names
                    .iter()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| format!("{:?}", n.trim()))
                    .collect::<Vec<_>>()
            )
        )
    })
}

/// `"a"`, `"a" and "b"`, `"a", "b" and "c"`.
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The bad values found so far, row by row, up to [`MAX_BAD_ROWS`] rows.
#[derive(Default)]
struct Problems {
    found: Vec<(u64, String)>,
    rows: usize,
    more: bool,
}

impl Problems {
    /// Adds a row's problems (none for a good row); false once there are too many to list.
    fn add(&mut self, line: u64, problems: Vec<String>) -> bool {
        if problems.is_empty() {
            return true;
        }
        if self.rows == MAX_BAD_ROWS {
            self.more = true;
            return false;
        }
        self.rows += 1;
        self.found.extend(problems.into_iter().map(|p| (line, p)));
        true
    }

    /// The journey `made` makes when nothing was wrong; else every problem.
    fn finish(self, made: impl FnOnce() -> Journey) -> Result<Journey, SheetError> {
        if self.found.is_empty() {
            Ok(made())
        } else {
            Err(SheetError {
                problems: self.found,
                more: self.more,
                header: false,
            })
        }
    }
}

/// Where motmap's columns are in a sheet with a row per moment.
#[derive(Default)]
struct Columns {
    /// The sheet's own names for its columns, trimmed, for messages and notes.
    names: Vec<String>,
    /// Where each of motmap's columns is read from: the first of the sheet's columns
    /// that is it.
    at: [Option<usize>; COLUMNS.len()],
    /// The columns whose cells make the notes, in the sheet's order: the notes column, a
    /// further column for a field another column already gives, and with `--keep-unknown`
    /// the columns motmap does not know.
    notes: Vec<usize>,
    /// The columns motmap does not know.
    unknown: Vec<usize>,
}

impl Columns {
    fn new(header: &[String], options: &ImportOptions) -> Columns {
        let mut columns = Columns {
            names: header.iter().map(|n| n.trim().to_owned()).collect(),
            ..Columns::default()
        };
        for (index, name) in columns.names.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            match names::field_of(name, &options.map) {
                Some(Field::Skip) => {}
                Some(Field::Column(column)) if columns.at[column].is_none() => {
                    columns.at[column] = Some(index);
                    if column == NOTES {
                        columns.notes.push(index);
                    }
                }
                Some(Field::Column(_)) => columns.notes.push(index),
                None => {
                    columns.unknown.push(index);
                    if options.keep_unknown {
                        columns.notes.push(index);
                    }
                }
            }
        }
        // A sheet without titles names its moments by their touchpoints.
        if columns.at[TITLE].is_none() {
            columns.at[TITLE] = columns.at[CHANNEL].take();
        }
        columns.notes.sort_unstable();
        columns
    }

    /// Whether the sheet has a row per moment that motmap can read as it is.
    fn fit(&self, options: &ImportOptions) -> bool {
        self.at[STAGE].is_some()
            && self.at[TITLE].is_some()
            && (self.unknown.is_empty() || options.keep_unknown)
    }

    /// What is wrong with the header, in one paragraph.
    fn problem(&self) -> String {
        let unknown: Vec<String> = self
            .unknown
            .iter()
            .map(|at| format!("{:?}", self.names[*at]))
            .collect();
        let mut missing = Vec::new();
        if self.at[STAGE].is_none() {
            missing.push("a stage column");
        }
        if self.at[TITLE].is_none() {
            missing.push("a title (or touchpoint) column");
        }
        let mut text =
            "the header (the first row, which names the columns) is the problem".to_owned();
        if !unknown.is_empty() {
            let columns = if unknown.len() == 1 {
                "column"
            } else {
                "columns"
            };
            text += &format!(
                ": motmap does not know the {columns} {}",
                and_list(&unknown)
            );
        }
        if !missing.is_empty() {
            let lead = if unknown.is_empty() { ": " } else { ", and " };
            text += &format!("{lead}it needs {}", missing.join(" and "));
        }
        text += &format!(
            ". The fields motmap reads are {FIELDS} (with its own round-trip columns), by these names or others the README lists, such as Phase, Action, Touchpoint, Emotion, Pain point and Opportunity"
        );
        if let Some(first) = self.unknown.first() {
            text += &format!(
                ". Say which field each unknown column is with --map, as in --map \"{}=notes\" (or =skip to leave it out), or keep them in each moment's notes as `Column: value` lines with --keep-unknown",
                self.names[*first]
            );
        }
        text
    }

    /// The cell of one of motmap's columns in a row; empty where the sheet has none.
    fn get<'r>(&self, cells: &'r [String], column: usize) -> &'r str {
        self.at[column]
            .and_then(|index| cells.get(index))
            .map_or("", String::as_str)
    }

    /// One of motmap's columns as the sheet names it, quoted for a message: `` `Emotion` ``.
    fn label(&self, column: usize) -> String {
        let name = self.at[column].map_or(COLUMNS[column], |at| self.names[at].as_str());
        format!("`{name}`")
    }

    /// The notes of a row: the notes column's cell as it is when it is the only one,
    /// else a `Column: value` line for each column that has something.
    fn notes_of(&self, cells: &[String]) -> String {
        let cell = |at: usize| text_value(cells.get(at).map_or("", String::as_str));
        match self.notes.as_slice() {
            [only] if Some(*only) == self.at[NOTES] => cell(*only),
            sources => labelled(
                sources
                    .iter()
                    .map(|at| (self.names[*at].as_str(), cell(*at))),
            ),
        }
    }
}

/// `Name: value` lines for the values that are not blank.
fn labelled<'a>(parts: impl Iterator<Item = (&'a str, String)>) -> String {
    parts
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| format!("{name}: {}", value.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The journey being read, row by row.
#[derive(Default)]
struct Sheet {
    title: String,
    description: String,
    personas: Vec<String>,
    comments: Vec<Comment>,
    mermaid: MermaidExtras,
    stages: Vec<Stage>,
}

impl Sheet {
    /// Adds a row to the sheet; gives every bad value in it (and adds nothing then).
    fn add(&mut self, columns: &Columns, width: usize, cells: &[String]) -> Vec<String> {
        // Fewer cells than columns is a row whose trailing empty cells were left out; more
        // is fine while the extras are empty (trailing commas).
        if !cells.iter().skip(width).all(String::is_empty) {
            return vec![format!(
                "the row has {} fields where the first row names {width} columns; remove the extra fields or name their columns",
                cells.len()
            )];
        }
        let cell = |column: usize| text_value(columns.get(cells, column));
        let mut found = Found::default();
        let journey_comments = if self.comments.is_empty() {
            found.value(comments_in(columns, cells, JOURNEY_COMMENTS))
        } else {
            Vec::new()
        };
        let mermaid = if self.mermaid.is_empty() {
            found.value(mermaid_in(columns, cells))
        } else {
            MermaidExtras::default()
        };
        let stage_name = cell(STAGE);
        let no_moment = (TITLE..STAGE_ID)
            .chain([MOMENT_COMMENTS, TARGET, MERMAID_SCORE])
            .map(|c| columns.get(cells, c))
            .chain(
                columns
                    .notes
                    .iter()
                    .map(|at| cells.get(*at).map_or("", String::as_str)),
            )
            .all(str::is_empty);
        // A stage may have no name; then its id tells the row belongs to one. A row with
        // neither may still carry the journey's own cells.
        let no_stage = stage_name.is_empty() && columns.get(cells, STAGE_ID).is_empty();
        if no_stage && !no_moment {
            found.0.push(format!(
                "the row has no stage; put the stage's name in the {} column",
                columns.label(STAGE)
            ));
        }
        let (stage_id, stage_comments) = if no_stage {
            (Id::default(), Vec::new())
        } else {
            (
                found.value(parse_id(
                    columns.get(cells, STAGE_ID),
                    &columns.label(STAGE_ID),
                )),
                found.value(comments_in(columns, cells, STAGE_COMMENTS)),
            )
        };
        let moment = (!no_moment).then(|| read_moment(columns, cells, &mut found));
        if !found.0.is_empty() {
            return found.0;
        }
        if self.title.is_empty() {
            self.title = cell(JOURNEY);
        }
        if self.description.is_empty() {
            self.description = cell(JOURNEY_DESCRIPTION);
        }
        if self.personas.is_empty() {
            self.personas = split_list(&cell(PERSONAS));
        }
        if self.comments.is_empty() {
            self.comments = journey_comments;
        }
        if self.mermaid.is_empty() {
            self.mermaid = mermaid;
        }
        if no_stage {
            return Vec::new();
        }
        let stage = self.stage(&stage_name, stage_id);
        if stage.description.is_empty() {
            stage.description = cell(STAGE_DESCRIPTION);
        }
        if stage.comments.is_empty() {
            stage.comments = stage_comments;
        }
        stage.moments.extend(moment);
        Vec::new()
    }

    /// The stage a row belongs to: the last one if the name (and id) match, else a new
    /// one. Rows of one stage are expected together, as they are exported.
    fn stage(&mut self, name: &str, id: Id) -> &mut Stage {
        let same = self
            .stages
            .last()
            .is_some_and(|s| s.name == name && (id.is_unset() || s.id == id));
        if !same {
            let mut stage = Stage::new(name);
            stage.id = id;
            self.stages.push(stage);
        }
        let last = self.stages.len() - 1;
        &mut self.stages[last]
    }

    fn finish(self, columns: &Columns) -> Journey {
        let personas = if columns.at[PERSONAS].is_some() {
            self.personas
        } else {
            // A sheet of motmap's has the column; in another, the personas are who is on it.
            personas_of(&self.stages)
        };
        Journey::from_parts(
            self.title,
            self.description,
            clean_tags(personas),
            self.stages,
        )
        .with_comments(self.comments)
        .with_mermaid(self.mermaid)
    }
}

/// Who is on a journey: the personas its moments name.
fn personas_of(stages: &[Stage]) -> Vec<String> {
    stages
        .iter()
        .flat_map(|s| &s.moments)
        .flat_map(|m| m.personas.iter().cloned())
        .collect()
}

/// The bad values of one row, collected rather than stopping at the first.
#[derive(Default)]
struct Found(Vec<String>);

impl Found {
    /// The value read, or nothing (its default) with the problem kept.
    fn value<T: Default>(&mut self, result: Result<T, String>) -> T {
        result.unwrap_or_else(|problem| {
            self.0.push(problem);
            T::default()
        })
    }
}

/// The comments in one of the comment columns of a row.
fn comments_in(columns: &Columns, cells: &[String], column: usize) -> Result<Vec<Comment>, String> {
    let name = columns.at[column].map_or(COLUMNS[column], |at| columns.names[at].as_str());
    comments::from_cell(&text_value(columns.get(cells, column)), name)
}

/// The journey's Mermaid settings from the `mermaid` column's JSON, as the CSV export
/// writes them.
fn mermaid_in(columns: &Columns, cells: &[String]) -> Result<MermaidExtras, String> {
    let cell = text_value(columns.get(cells, MERMAID));
    if cell.trim().is_empty() {
        return Ok(MermaidExtras::default());
    }
    serde_json::from_str(&cell).map_err(|e| {
        format!(
            "{} is not what motmap writes there ({e}); empty it to import the rest",
            columns.label(MERMAID)
        )
    })
}

fn read_moment(columns: &Columns, cells: &[String], found: &mut Found) -> Moment {
    let raw = |column: usize| columns.get(cells, column).trim();
    let cell = |column: usize| text_value(columns.get(cells, column));
    let label = |column: usize| columns.label(column);
    let title = cell(TITLE);
    if title.trim().is_empty() && raw(ID).is_empty() {
        found.0.push(format!(
            "the moment has no title; fill the {} column",
            label(TITLE)
        ));
    }
    Moment {
        id: found.value(parse_id(raw(ID), &label(ID))),
        title,
        kind: found.value(parse_kind(raw(KIND), &label(KIND))),
        feeling: found.value(parse_feeling(raw(FEELING), &label(FEELING))),
        target: found.value(parse_target(raw(TARGET), &label(TARGET))),
        channel: cell(CHANNEL),
        personas: split_list(&cell(PERSONA)),
        owner: cell(OWNER),
        notes: columns.notes_of(cells),
        idea: cell(IDEA),
        tags: split_list(&cell(TAGS)),
        evidence: found.value(parse_evidence(raw(EVIDENCE), &label(EVIDENCE))),
        votes: found.value(parse_number(raw(VOTES), &label(VOTES))),
        comments: found.value(comments_in(columns, cells, MOMENT_COMMENTS)),
        mermaid_score: Some(cell(MERMAID_SCORE)).filter(|score| !score.trim().is_empty()),
    }
}

/// Text a spreadsheet shows as text: the CSV export puts an apostrophe before text that
/// starts like a formula (see [`looks_like_formula`]); reading takes it off again.
pub(super) fn text_value(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest.trim_start_matches('\'')) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// What a spreadsheet may read as a formula: OWASP's list, tab and carriage return included.
pub(super) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn parse_id(cell: &str, at: &str) -> Result<Id, String> {
    parse_number(cell, at).map(Id)
}

/// A whole number of 0 or more, empty for 0; `at` names the cell, as in `` `votes` ``.
fn parse_number<T: std::str::FromStr + Default>(cell: &str, at: &str) -> Result<T, String> {
    if cell.is_empty() {
        return Ok(T::default());
    }
    cell.parse()
        .map_err(|_| format!("{at} is {cell:?}; expected a whole number of 0 or more, or nothing"))
}

fn parse_kind(cell: &str, at: &str) -> Result<Option<Kind>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    Kind::ALL
        .into_iter()
        .find(|k| k.badge().eq_ignore_ascii_case(cell))
        .map(Some)
        .ok_or_else(|| {
            format!(
                "{at} is {cell:?}; expected one of ZMOT, FMOT, AMOT, SMOT, TMOT, LMOT, or nothing for an ordinary touchpoint"
            )
        })
}

/// A to-be feeling: like a feeling, but an empty cell is none rather than neutral.
fn parse_target(cell: &str, at: &str) -> Result<Option<Feeling>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    parse_feeling(cell, at).map(Some)
}

/// A feeling: a number (-2 to 2), motmap's words and signs, or the words and emoji of
/// [`feelings`]; empty is neutral.
fn parse_feeling(cell: &str, at: &str) -> Result<Feeling, String> {
    if cell.is_empty() {
        return Ok(Feeling::NEUTRAL);
    }
    if let Ok(value) = cell.parse::<i64>()
        && let Some(feeling) = Feeling::new(value)
    {
        return Ok(feeling);
    }
    (Feeling::MIN..=Feeling::MAX)
        .map(|v| Feeling::clamped(v.into()))
        .find(|f| f.symbol() == cell)
        .or_else(|| feelings::in_words(cell))
        .ok_or_else(|| {
            format!(
                "{at} is {cell:?}; expected a number from -2 (deep pain) to 2 (deep glory), a sign (--, -, o, +, ++), a face (😀 🙂 😐 🙁 😞) or a feeling word (deep pain, pain, neutral, glory, deep glory, or another the README lists, such as anxious or happy)"
            )
        })
}

/// How the team knows: motmap's own words, or a confidence level, which says the same in
/// the words research sheets use (high: seen across sessions, so observed; medium: said
/// once, so reported; low: inferred, so assumed), as a word or on a 1–3 scale.
fn parse_evidence(cell: &str, at: &str) -> Result<Option<Evidence>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    let levels = [
        (Evidence::Observed, ["high", "3", "높음"]),
        (Evidence::Reported, ["medium", "2", "중간"]),
        (Evidence::Assumed, ["low", "1", "낮음"]),
    ];
    let key = names::key(cell);
    levels
        .into_iter()
        .find(|(evidence, words)| {
            names::key(evidence.label()) == key || words.iter().any(|w| names::key(w) == key)
        })
        .map(|(evidence, _)| Some(evidence))
        .ok_or_else(|| {
            format!(
                "{at} is {cell:?}; expected observed, reported, assumed, or nothing (or a confidence: high, medium, low, or 3, 2, 1)"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feelings_read_as_numbers_words_signs_or_emoji() {
        let feeling = |cell: &str| parse_feeling(cell, "`feeling`").map(Feeling::value);
        assert_eq!(feeling("-2"), Ok(-2));
        assert_eq!(feeling("+1"), Ok(1));
        assert_eq!(feeling("Deep Glory"), Ok(2));
        assert_eq!(feeling("-"), Ok(-1));
        assert_eq!(feeling(""), Ok(0));
        assert_eq!(feeling("Anxious"), Ok(-1));
        assert_eq!(feeling("😀"), Ok(2));
        assert!(feeling("3").unwrap_err().contains("from -2"));
    }

    #[test]
    fn a_target_is_none_when_empty_and_neutral_when_zero() {
        assert_eq!(parse_target("", "`target`").unwrap(), None);
        assert_eq!(
            parse_target("0", "`target`").unwrap(),
            Some(Feeling::NEUTRAL)
        );
        assert_eq!(
            parse_target("++", "`target`").unwrap(),
            Some(Feeling::clamped(2))
        );
        assert!(
            parse_target("5", "`target`")
                .unwrap_err()
                .starts_with("`target` is \"5\"")
        );
    }

    #[test]
    fn evidence_reads_motmaps_words_and_confidence_levels() {
        let evidence = |cell: &str| parse_evidence(cell, "`Confidence`");
        assert_eq!(evidence("Observed"), Ok(Some(Evidence::Observed)));
        assert_eq!(evidence("High"), Ok(Some(Evidence::Observed)));
        assert_eq!(evidence("3"), Ok(Some(Evidence::Observed)));
        assert_eq!(evidence("medium"), Ok(Some(Evidence::Reported)));
        assert_eq!(evidence("1"), Ok(Some(Evidence::Assumed)));
        assert_eq!(evidence(""), Ok(None));
        assert!(
            evidence("4")
                .unwrap_err()
                .starts_with("`Confidence` is \"4\"")
        );
    }
}
