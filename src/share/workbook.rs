//! Excel (`.xlsx`) and OpenDocument (`.ods`) workbooks, read with calamine: the first sheet
//! (or the one named), its cells as the text a spreadsheet shows, then the same rules as a
//! CSV file ([`super::sheet`]). A row's line in messages is its row number in the sheet.

use std::fmt::Display;
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Xlsx, open_workbook_from_rs};

use super::sheet::{Row, and_list};
use super::{ImportError, ImportFormat, ImportOptions};
use crate::model::Journey;

/// A journey from a workbook's bytes, `format` saying which kind it is.
pub fn from_workbook(
    bytes: &[u8],
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<Journey, ImportError> {
    let kind = if format == ImportFormat::Ods {
        "an OpenDocument spreadsheet (.ods)"
    } else {
        "an Excel workbook (.xlsx)"
    };
    if let Some(problem) = not_a_zip(bytes) {
        return Err(ImportError::Workbook(format!(
            "the file is not {kind}: {problem}"
        )));
    }
    let cursor = Cursor::new(bytes);
    let range = if format == ImportFormat::Ods {
        sheet(open_workbook_from_rs::<Ods<_>, _>(cursor), kind, options)
    } else {
        sheet(open_workbook_from_rs::<Xlsx<_>, _>(cursor), kind, options)
    }?;
    let first_row = u64::from(range.start().map_or(0, |(row, _)| row));
    let rows: Vec<Row> = range
        .rows()
        .zip(first_row + 1..)
        .map(|(cells, line)| {
            let mut cells: Vec<String> = cells.iter().map(text).collect();
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            Row {
                line,
                cells: Ok(cells),
            }
        })
        .skip_while(|row| row.cells.as_ref().is_ok_and(Vec::is_empty))
        .collect();
    super::sheet::read(&rows, options).map_err(ImportError::Sheet)
}

/// What a file is instead, when it is not a zip archive, as every .xlsx and .ods file is:
/// most often a CSV file or an old Excel file given the new one's extension.
fn not_a_zip(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        None
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(
            "it is an Excel 97-2003 workbook (.xls), which motmap does not read. Open it in a spreadsheet and save it as an Excel workbook (.xlsx) or as CSV UTF-8",
        )
    } else {
        Some(
            "it is not a zip archive, as every .xlsx and .ods file is. If it is a CSV file, import it with --from csv; otherwise open it in a spreadsheet and save it as .xlsx, .ods or CSV UTF-8",
        )
    }
}

/// The cells of the sheet `options` names (the first when it names none) of a workbook
/// that `opened` read, or why there are none; `kind` names the kind of file for messages.
fn sheet<'a, R>(
    opened: Result<R, R::Error>,
    kind: &str,
    options: &ImportOptions,
) -> Result<Range<Data>, ImportError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: Display,
{
    let mut workbook = opened.map_err(|error| {
        ImportError::Workbook(format!(
            "the file is not {kind} that motmap can read ({error}); open it in a spreadsheet and save it as {kind} again, or as CSV UTF-8"
        ))
    })?;
    let names = workbook.sheet_names();
    let name = match &options.sheet {
        None => names.first(),
        Some(wanted) => names.iter().find(|n| *n == wanted).or_else(|| {
            names
                .iter()
                .find(|n| n.trim().to_lowercase() == wanted.trim().to_lowercase())
        }),
    };
    let Some(name) = name.cloned() else {
        let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
        return Err(ImportError::Workbook(match &options.sheet {
            Some(wanted) if !names.is_empty() => format!(
                "the workbook has no sheet named {wanted:?}; its sheets are {}. Name one of them with --sheet, or leave --sheet out to read the first",
                and_list(&quoted)
            ),
            _ => "the workbook has no sheets, so there is nothing to import".into(),
        }));
    };
    workbook.worksheet_range(&name).map_err(|error| {
        ImportError::Workbook(format!(
            "the sheet {name:?} could not be read ({error}); open the file in a spreadsheet and save it as {kind} again, or as CSV UTF-8"
        ))
    })
}

/// A cell as the text a spreadsheet shows: numbers as written (`2`, not `2.0`), dates as
/// `2026-12-04` (and the time when it has one), durations as `h:mm:ss`, `TRUE` and
/// `FALSE`, and an error as its code (`#N/A`).
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        // Rust writes a whole float without `.0`, as a spreadsheet shows it.
        Data::Float(number) => number.to_string(),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            match (hour, minute, second) {
                (0, 0, 0) => format!("{year:04}-{month:02}-{day:02}"),
                (_, _, 0) => format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}"),
                _ => format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}"),
            }
        }
        Data::DateTime(duration) => {
            let seconds = (duration.as_f64() * 86_400.0).round() as i64;
            format!(
                "{}:{:02}:{:02}",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60
            )
        }
        Data::Error(error) => error.to_string(),
    }
}
