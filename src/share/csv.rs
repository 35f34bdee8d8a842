//! One row per moment, for spreadsheets: RFC 4180 quoting, CRLF rows and a UTF-8 byte
//! order mark, which is what makes Excel read UTF-8 (Korean, accents) correctly.
//!
//! The columns are motmap's own ([`COLUMNS`]), empty `target` for no to-be feeling. A stage
//! with no moments is a row with only its stage columns filled. Import reads the CSV's
//! records and leaves the rest to [`super::sheet`]: the columns in any order, by motmap's
//! names or others people use, or the stages across the columns.

use super::ImportOptions;
use super::sheet::{
    COLUMNS, JOURNEY, JOURNEY_COMMENTS, JOURNEY_DESCRIPTION, MERMAID, MERMAID_SCORE,
    MOMENT_COMMENTS, PERSONAS, Row, STAGE_COMMENTS, STAGE_DESCRIPTION, STAGE_ID, SheetError,
    TARGET, comments_cell, looks_like_formula,
};
use crate::model::{Journey, Moment, join_list};

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
            row[STAGE_ID] = stage.id.0.to_string();
            if number == 0 {
                row[STAGE_DESCRIPTION] = text_cell(&stage.description);
                row[STAGE_COMMENTS] = text_cell(&comments_cell(&stage.comments));
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
    // Mermaid's columns only for a map that keeps something of a diagram, so that every
    // other map is written as before they existed.
    let width = if journey.has_mermaid_extras() {
        COLUMNS.len()
    } else {
        TARGET + 1
    };
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row[..width]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The journey's own cells, which go on the first row.
fn journey_cells(journey: &Journey, row: &mut [String]) {
    row[JOURNEY] = text_cell(&journey.title);
    row[JOURNEY_DESCRIPTION] = text_cell(&journey.description);
    row[PERSONAS] = text_cell(&join_list(&journey.personas));
    row[JOURNEY_COMMENTS] = text_cell(&comments_cell(&journey.comments));
    if !journey.mermaid.is_empty() {
        row[MERMAID] = text_cell(&serde_json::to_string(&journey.mermaid).unwrap_or_default());
    }
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
    row[MOMENT_COMMENTS] = text_cell(&comments_cell(&moment.comments));
    row[TARGET] = moment
        .target
        .map(|t| t.value().to_string())
        .unwrap_or_default();
    row[MERMAID_SCORE] = text_cell(moment.mermaid_score.as_deref().unwrap_or_default());
    row
}

/// Text a spreadsheet shows as text: one that starts like a formula (`=`, `+`, `-`, `@`)
/// gets a leading apostrophe, so opening the file never runs it. Import takes the
/// apostrophe off again.
fn text_cell(text: &str) -> String {
    if looks_like_formula(text.trim_start_matches('\'')) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A journey from CSV. Nothing is imported when anything is wrong: every bad value is
/// reported, by line.
pub fn from_csv(text: &str, options: &ImportOptions) -> Result<Journey, SheetError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Lines::new(text);
    let mut rows: Vec<Row> = Vec::new();
    let mut last_start = None;
    for record in reader.records() {
        let (start, cells) = match record {
            Ok(record) => (
                record.position().map_or(0, |p| p.byte()),
                Ok(record.iter().map(str::to_owned).collect()),
            ),
            Err(error) => (
                error.position().map_or(0, |p| p.byte()),
                Err(error.to_string()),
            ),
        };
        last_start = Some(start);
        rows.push(Row {
            line: lines.at(start),
            cells,
        });
    }
    // A quote left open runs to the end of the file, inside the last record: said instead
    // of whatever else the swallowed text got wrong.
    if let (Some(start), Some(last)) = (last_start, rows.last_mut())
        && text[usize::try_from(start).unwrap_or(0).min(text.len())..]
            .matches('"')
            .count()
            % 2
            == 1
    {
        last.cells = Err(
            "a quote opened in this row is never closed, so everything after it was read as one field".into(),
        );
    }
    super::sheet::read(&rows, options)
}

/// The lines records start on, counted from the text as the records come (the reader's
/// own count misses CRLF ends).
struct Lines<'t> {
    text: &'t [u8],
    /// Where counting has reached, and the line that is.
    at: usize,
    line: u64,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of a record starting at `byte`, which is never before the last one asked.
    fn at(&mut self, byte: u64) -> u64 {
        let bytes = self.text;
        let mut upto = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        // A record's position may be the line end that came before it.
        while bytes.get(upto).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            upto += 1;
        }
        if upto < self.at {
            (self.at, self.line) = (0, 1);
        }
        // A line ends at LF, CRLF, or a lone CR (old Mac "CSV (Macintosh)" files).
        self.line += (self.at..upto)
            .filter(|i| {
                bytes[*i] == b'\n' || (bytes[*i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
            })
            .count() as u64;
        self.at = upto;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::sheet::text_value;

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
}
