//! One row per moment, for spreadsheets: RFC 4180 quoting, CRLF rows and a UTF-8 byte
//! order mark, which is what makes Excel read UTF-8 (Korean, accents) correctly.
//!
//! The first ten columns are the ones a person works with; the rest carry what a round
//! trip needs (ids, and the journey's and stages' own texts on the first row that has
//! them), then the comments on the moment, its stage and the journey, one cell each (see
//! [`comments`]), and last the to-be feeling (`target`, empty for none), which came after
//! the others and so keeps their places. A stage with no moments is a row with only its
//! stage columns filled. Import accepts the columns in any order and by name in any case,
//! needs only `stage` and `title`, and reads a feeling as a number (-2 to 2), a word or a
//! sign.

mod comments;

use crate::model::{
    Evidence, Feeling, Id, Journey, Kind, Moment, Stage, clean_tags, join_list, split_list,
};

/// Every column, in the order they are written.
const COLUMNS: [&str; 22] = [
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
];

/// Where the columns that hold more than one moment's worth are.
const STAGE_DESCRIPTION: usize = 14;
const JOURNEY: usize = 15;
const MOMENT_COMMENTS: usize = 18;
const STAGE_COMMENTS: usize = 19;
const JOURNEY_COMMENTS: usize = 20;
/// The to-be feeling, last so that sheets made before it keep their columns in place.
const TARGET: usize = 21;

const BOM: &str = "\u{feff}";

/// The journey as CSV.
pub fn to_csv(journey: &Journey) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows = vec![COLUMNS.map(str::to_owned).to_vec()];
    for (index, stage) in journey.stages().iter().enumerate() {
        // A row per moment, or one with only the stage's columns for a stage without any.
        let mut stage_rows: Vec<Vec<String>> = stage
            .moments
            .iter()
            .map(|moment| moment_row(&stage.name, moment))
            .collect();
        if stage_rows.is_empty() {
            let mut row = vec![String::new(); COLUMNS.len()];
            row[0] = text_cell(&stage.name);
            stage_rows.push(row);
        }
        for (number, mut row) in stage_rows.into_iter().enumerate() {
            row[13] = stage.id.0.to_string();
            if number == 0 {
                row[STAGE_DESCRIPTION] = text_cell(&stage.description);
                row[STAGE_COMMENTS] = text_cell(&comments::to_cell(&stage.comments));
            }
            if number == 0 && index == 0 {
                journey_cells(journey, &mut row);
            }
            rows.push(row);
        }
    }
    if journey.stages().is_empty() {
        let mut row = vec![String::new(); COLUMNS.len()];
        journey_cells(journey, &mut row);
        rows.push(row);
    }
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The journey's own cells, which go on the first row.
fn journey_cells(journey: &Journey, row: &mut [String]) {
    row[JOURNEY] = text_cell(&journey.title);
    row[16] = text_cell(&journey.description);
    row[17] = text_cell(&join_list(&journey.personas));
    row[JOURNEY_COMMENTS] = text_cell(&comments::to_cell(&journey.comments));
}

fn moment_row(stage: &str, moment: &Moment) -> Vec<String> {
    let mut row = vec![
        text_cell(stage),
        text_cell(&moment.title),
        moment
            .kind
            .map(|k| k.badge().to_owned())
            .unwrap_or_default(),
        moment.feeling.value().to_string(),
        text_cell(&moment.channel),
        text_cell(&join_list(&moment.personas)),
        text_cell(&moment.owner),
        text_cell(&moment.notes),
        text_cell(&moment.idea),
        text_cell(&join_list(&moment.tags)),
        moment
            .evidence
            .map(|e| e.label().to_owned())
            .unwrap_or_default(),
        if moment.votes == 0 {
            String::new()
        } else {
            moment.votes.to_string()
        },
        moment.id.0.to_string(),
    ];
    row.resize(COLUMNS.len(), String::new());
    row[MOMENT_COMMENTS] = text_cell(&comments::to_cell(&moment.comments));
    row[TARGET] = moment
        .target
        .map(|t| t.value().to_string())
        .unwrap_or_default();
    row
}

/// Text a spreadsheet shows as text: one that starts like a formula (`=`, `+`, `-`, `@`)
/// gets a leading apostrophe, so opening the file never runs it. [`text_value`] takes the
/// apostrophe off again.
fn text_cell(text: &str) -> String {
    if looks_like_formula(text.trim_start_matches('\'')) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn text_value(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest.trim_start_matches('\'')) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// What a spreadsheet may read as a formula: OWASP's list, tab and carriage return included.
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A CSV file that could not be imported: every bad row, by line.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", problems.iter().map(|(line, p)| format!("{line}: {p}")).collect::<Vec<_>>().join("\n"))]
pub struct CsvError {
    /// Line numbers (1-based, counting the header) and what is wrong there.
    pub problems: Vec<(u64, String)>,
    /// Whether more bad rows follow the ones listed.
    pub more: bool,
}

/// The most bad rows listed; a file with more is likely not a journey at all.
const MAX_PROBLEMS: usize = 20;

/// A journey from CSV. Nothing is imported when any row is bad: every bad row is reported.
pub fn from_csv(text: &str) -> Result<Journey, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let fail = |line: u64, problem: String| CsvError {
        problems: vec![(line, problem)],
        more: false,
    };
    let header = reader
        .headers()
        .map_err(|e| fail(1, e.to_string()))?
        .clone();
    let columns = Columns::new(&header).map_err(|p| fail(1, p))?;
    let mut sheet = Sheet::default();
    let mut problems = Vec::new();
    let mut more = false;
    let mut last_start = None;
    for record in reader.records() {
        let (start, result) = read_record(record, &header, &columns, &mut sheet);
        last_start = Some(start);
        if let Err(problem) = result {
            if problems.len() == MAX_PROBLEMS {
                more = true;
                break;
            }
            problems.push((line_at(text, start), problem));
        }
    }
    // A quote left open runs to the end of the file, inside the last record.
    if let Some(start) = last_start
        && !more
        && text[usize::try_from(start).unwrap_or(0).min(text.len())..]
            .matches('"')
            .count()
            % 2
            == 1
    {
        // Said instead of whatever else the swallowed text got wrong.
        let line = line_at(text, start);
        problems.retain(|(l, _)| *l != line);
        problems.push((
            line,
            "a quote opened in this row is never closed, so everything after it was read as one field".into(),
        ));
    }
    if problems.is_empty() {
        Ok(sheet.finish(&columns))
    } else {
        Err(CsvError { problems, more })
    }
}

/// Adds one record to the sheet; gives the byte it starts at and what is wrong with it.
fn read_record(
    record: Result<csv::StringRecord, csv::Error>,
    header: &csv::StringRecord,
    columns: &Columns,
    sheet: &mut Sheet,
) -> (u64, Result<(), String>) {
    match record {
        Ok(record) => {
            let start = record.position().map_or(0, |p| p.byte());
            // Fewer fields than columns is a row whose trailing empty cells were left
            // out; more is fine while the extras are empty (trailing commas).
            let extra_empty = record.iter().skip(header.len()).all(str::is_empty);
            let result = if extra_empty {
                sheet.add(columns, &record)
            } else {
                Err(format!(
                    "the row has {} fields where the first row names {} columns; remove the extra fields or name their columns",
                    record.len(),
                    header.len()
                ))
            };
            (start, result)
        }
        Err(error) => (
            error.position().map_or(0, |p| p.byte()),
            Err(error.to_string()),
        ),
    }
}

/// The line a record starts on, counted from the text: the reader's count misses CRLF ends.
fn line_at(text: &str, byte: u64) -> u64 {
    let mut upto = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    // A record's position may be the line end that came before it.
    let bytes = text.as_bytes();
    while bytes.get(upto).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        upto += 1;
    }
    // A line ends at LF, CRLF, or a lone CR (old Mac "CSV (Macintosh)" files).
    let ends = bytes[..upto]
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    1 + ends as u64
}

/// Where each known column is in the file.
struct Columns {
    at: [Option<usize>; COLUMNS.len()],
}

impl Columns {
    fn new(header: &csv::StringRecord) -> Result<Columns, String> {
        let mut at = [None; COLUMNS.len()];
        let mut unknown = Vec::new();
        for (index, name) in header.iter().enumerate() {
            let name = name.trim().to_lowercase();
            match COLUMNS.iter().position(|c| *c == name) {
                Some(column) => at[column] = Some(index),
                None if name.is_empty() => {}
                None => unknown.push(format!("{name:?}")),
            }
        }
        if header.len() == 1 && header.iter().any(|h| h.contains([';', '\t'])) {
            return Err("the first row has no commas between its columns; motmap reads comma-separated CSV. From a spreadsheet, save as “CSV UTF-8 (Comma delimited)”".into());
        }
        if !unknown.is_empty() {
            return Err(format!(
                "unknown column {}; the columns motmap reads are: {}",
                unknown.join(", "),
                COLUMNS.join(", ")
            ));
        }
        if at[0].is_none() || at[1].is_none() {
            return Err(format!(
                "the first row must name the columns, and `stage` and `title` are needed; the columns motmap reads are: {}",
                COLUMNS.join(", ")
            ));
        }
        Ok(Columns { at })
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, column: usize) -> &'r str {
        self.at[column]
            .and_then(|index| record.get(index))
            .unwrap_or_default()
    }
}

/// The journey being read, row by row.
#[derive(Default)]
struct Sheet {
    title: String,
    description: String,
    personas: Vec<String>,
    comments: Vec<crate::model::Comment>,
    stages: Vec<Stage>,
}

impl Sheet {
    fn add(&mut self, columns: &Columns, record: &csv::StringRecord) -> Result<(), String> {
        let cell = |column: usize| text_value(columns.get(record, column));
        if self.title.is_empty() {
            self.title = cell(15);
        }
        if self.description.is_empty() {
            self.description = cell(16);
        }
        if self.personas.is_empty() {
            self.personas = split_list(&cell(17));
        }
        if self.comments.is_empty() {
            self.comments = comments_in(columns, record, JOURNEY_COMMENTS)?;
        }
        let stage_name = cell(0);
        let moment_cells = (1..13).chain([MOMENT_COMMENTS, TARGET]);
        let no_moment = moment_cells
            .clone()
            .all(|c| columns.get(record, c).is_empty());
        // A stage may have no name; then its id tells the row belongs to one.
        if stage_name.is_empty() && columns.get(record, 13).is_empty() {
            if no_moment {
                return Ok(());
            }
            return Err("the row has no stage; put the stage's name in the `stage` column".into());
        }
        let stage_id = parse_id(columns.get(record, 13), "stage id")?;
        let stage_comments = comments_in(columns, record, STAGE_COMMENTS)?;
        let stage = self.stage(&stage_name, stage_id);
        if stage.description.is_empty() {
            stage.description = cell(STAGE_DESCRIPTION);
        }
        if stage.comments.is_empty() {
            stage.comments = stage_comments;
        }
        if no_moment {
            return Ok(());
        }
        let moment = read_moment(columns, record)?;
        stage.moments.push(moment);
        Ok(())
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
        let mut personas = self.personas;
        // A sheet of motmap's has the column; in another, the personas are who is on it.
        if columns.at[17].is_none() {
            personas = self
                .stages
                .iter()
                .flat_map(|s| &s.moments)
                .flat_map(|m| m.personas.iter().cloned())
                .collect();
        }
        Journey::from_parts(
            self.title,
            self.description,
            clean_tags(personas),
            self.stages,
        )
        .with_comments(self.comments)
    }
}

/// The comments in one of the comment columns of a row.
fn comments_in(
    columns: &Columns,
    record: &csv::StringRecord,
    column: usize,
) -> Result<Vec<crate::model::Comment>, String> {
    comments::from_cell(&text_value(columns.get(record, column)), COLUMNS[column])
}

fn read_moment(columns: &Columns, record: &csv::StringRecord) -> Result<Moment, String> {
    let raw = |column: usize| columns.get(record, column).trim();
    let cell = |column: usize| text_value(columns.get(record, column));
    let title = cell(1);
    if title.trim().is_empty() && raw(12).is_empty() {
        return Err("the moment has no title; fill the `title` column".into());
    }
    Ok(Moment {
        id: parse_id(raw(12), "id")?,
        title,
        kind: parse_kind(raw(2))?,
        feeling: parse_feeling(raw(3), "feeling")?,
        target: parse_target(raw(TARGET))?,
        channel: cell(4),
        personas: split_list(&cell(5)),
        owner: cell(6),
        notes: cell(7),
        idea: cell(8),
        tags: split_list(&cell(9)),
        evidence: parse_evidence(raw(10))?,
        votes: parse_number(raw(11), "votes")?,
        comments: comments_in(columns, record, MOMENT_COMMENTS)?,
        mermaid_score: None,
    })
}

fn parse_id(cell: &str, column: &str) -> Result<Id, String> {
    parse_number(cell, column).map(Id)
}

fn parse_number<T: std::str::FromStr + Default>(cell: &str, column: &str) -> Result<T, String> {
    if cell.is_empty() {
        return Ok(T::default());
    }
    cell.parse().map_err(|_| {
        format!("`{column}` is {cell:?}; expected a whole number of 0 or more, or nothing")
    })
}

fn parse_kind(cell: &str) -> Result<Option<Kind>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    Kind::ALL
        .into_iter()
        .find(|k| k.badge().eq_ignore_ascii_case(cell))
        .map(Some)
        .ok_or_else(|| {
            format!(
                "`kind` is {cell:?}; expected one of ZMOT, FMOT, AMOT, SMOT, TMOT, LMOT, or nothing for an ordinary touchpoint"
            )
        })
}

/// A to-be feeling: like a feeling, but an empty cell is none rather than neutral.
fn parse_target(cell: &str) -> Result<Option<Feeling>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    parse_feeling(cell, "target").map(Some)
}

fn parse_feeling(cell: &str, column: &str) -> Result<Feeling, String> {
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
        .find(|f| f.label().eq_ignore_ascii_case(cell) || f.symbol() == cell)
        .ok_or_else(|| {
            format!(
                "`{column}` is {cell:?}; expected a number from -2 (deep pain) to 2 (deep glory), a word (deep pain, pain, neutral, glory, deep glory) or a sign (--, -, o, +, ++)"
            )
        })
}

fn parse_evidence(cell: &str) -> Result<Option<Evidence>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    Evidence::ALL
        .into_iter()
        .find(|e| e.label().eq_ignore_ascii_case(cell))
        .map(Some)
        .ok_or_else(|| {
            format!("`evidence` is {cell:?}; expected observed, reported, assumed, or nothing")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_a_formula_is_kept_as_text_both_ways() {
        for text in [
            "=SUM(A1)", "'=x", "''+1", "-- deep", "plain", "'quoted'", "@", "\t=1+1",
        ] {
            let cell = text_cell(text);
            assert!(
                !looks_like_formula(&cell),
                "{cell:?} would run as a formula"
            );
            assert_eq!(text_value(&cell), text);
        }
    }

    #[test]
    fn feelings_read_as_numbers_words_or_signs() {
        assert_eq!(parse_feeling("-2", "feeling").unwrap().value(), -2);
        assert_eq!(parse_feeling("Deep Glory", "feeling").unwrap().value(), 2);
        assert_eq!(parse_feeling("-", "feeling").unwrap().value(), -1);
        assert_eq!(parse_feeling("", "feeling").unwrap().value(), 0);
        assert!(
            parse_feeling("3", "feeling")
                .unwrap_err()
                .contains("from -2")
        );
    }

    #[test]
    fn a_target_is_none_when_empty_and_neutral_when_zero() {
        assert_eq!(parse_target("").unwrap(), None);
        assert_eq!(parse_target("0").unwrap(), Some(Feeling::NEUTRAL));
        assert_eq!(parse_target("++").unwrap(), Some(Feeling::clamped(2)));
        assert!(
            parse_target("5")
                .unwrap_err()
                .starts_with("`target` is \"5\"")
        );
    }
}
