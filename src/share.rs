//! Sharing a map beyond motmap: export to Mermaid, Markdown, CSV, HTML and JSON, and
//! import from Mermaid, CSV, JSON and Excel or OpenDocument workbooks. Every format is
//! written from the model alone.

pub mod cli;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod sheet;
pub mod workbook;

use std::path::Path;

use crate::model::Journey;

/// A format a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// A Mermaid `journey` diagram that `motmap import` reads back whole.
    #[value(alias = "mmd")]
    Mermaid,
    /// A report for a wiki or a pull request.
    #[value(alias = "md")]
    Markdown,
    /// One row per moment, for spreadsheets.
    Csv,
    /// One self-contained, printable page.
    #[value(alias = "htm")]
    Html,
    /// The model as JSON, for other tools.
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Mermaid,
        Format::Markdown,
        Format::Csv,
        Format::Html,
        Format::Json,
    ];

    /// The file name extension an export in this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Mermaid => "mmd",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format a file's extension says: `.mmd` or `.mermaid`, `.md` or `.markdown`,
    /// `.csv`, `.html` or `.htm`, `.json`, in any case.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_lowercase();
        match extension.as_str() {
            "mmd" | "mermaid" => Some(Format::Mermaid),
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Mermaid => "Mermaid",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Html => "HTML",
            Format::Json => "JSON",
        }
    }

    /// What the export is good for, in a few words (for the editor's menu).
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Mermaid => "a journey diagram for GitHub, GitLab, Notion",
            Format::Markdown => "a report for a wiki or a pull request",
            Format::Csv => "one row per moment, for spreadsheets",
            Format::Html => "a printable page with the board and the curve",
            Format::Json => "the model, for other tools",
        }
    }
}

/// A format a map can be imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// A Mermaid `journey` diagram, motmap's export or written by hand.
    Mermaid,
    /// A sheet saved as CSV: motmap's export, or as people keep their journeys.
    Csv,
    /// JSON in the shape of motmap's JSON export.
    Json,
    /// An Excel workbook, read by the same rules as a CSV sheet.
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice, Google Sheets' download), read by the
    /// same rules as a CSV sheet.
    Ods,
}

impl ImportFormat {
    /// The format a file's extension says: `.mmd` or `.mermaid`, `.csv`, `.json`, `.xlsx`,
    /// `.ods`.
    pub fn of_path(path: &Path) -> Option<ImportFormat> {
        // Workbooks are imported only; the other formats are exported too.
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "xlsx" => return Some(ImportFormat::Xlsx),
            "ods" => return Some(ImportFormat::Ods),
            _ => {}
        }
        match Format::of_path(path)? {
            Format::Mermaid => Some(ImportFormat::Mermaid),
            Format::Csv => Some(ImportFormat::Csv),
            Format::Json => Some(ImportFormat::Json),
            Format::Markdown | Format::Html => None,
        }
    }

    /// Whether the format is a sheet, read by [`sheet`]'s rules (so `--map` and
    /// `--keep-unknown` mean something for it).
    pub fn is_sheet(self) -> bool {
        matches!(
            self,
            ImportFormat::Csv | ImportFormat::Xlsx | ImportFormat::Ods
        )
    }

    /// Whether the format is a workbook of sheets (so `--sheet` means something for it).
    pub fn is_workbook(self) -> bool {
        matches!(self, ImportFormat::Xlsx | ImportFormat::Ods)
    }
}

/// How to read a sheet whose columns are not all motmap's own, and which sheet of a
/// workbook: the import command's `--map`, `--keep-unknown` and `--sheet`.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// What the sheet's columns (or rows) are, said outright.
    pub map: Vec<sheet::Mapping>,
    /// Keep the columns motmap does not know in each moment's notes, as `Column: value`
    /// lines, instead of refusing the sheet.
    pub keep_unknown: bool,
    /// The sheet of a workbook to read, by name; the first when `None`.
    pub sheet: Option<String>,
}

/// Why a file could not be imported, with the line (and column) where that is known.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Mermaid(#[from] mermaid::MermaidError),
    /// A CSV file's header or rows.
    #[error("{0}")]
    Csv(sheet::SheetError),
    #[error("{0}")]
    Json(#[from] json::JsonError),
    /// The header or rows of a workbook's sheet.
    #[error("{0}")]
    Sheet(sheet::SheetError),
    /// A file that is not a workbook motmap can read, or has no such sheet.
    #[error("{0}")]
    Workbook(String),
    /// A text format's file that is not UTF-8, from the line where that shows.
    #[error("{line}: the file is not UTF-8 text")]
    NotUtf8 { line: usize },
}

impl ImportError {
    /// The sheet's problems, for a CSV file or a workbook's sheet.
    pub fn sheet(&self) -> Option<&sheet::SheetError> {
        match self {
            ImportError::Csv(error) | ImportError::Sheet(error) => Some(error),
            _ => None,
        }
    }
}

/// Something a file says that the map it was imported into cannot keep as it was, with
/// the line that says it.
#[derive(Debug, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// A journey read from another format, and what of the file it could not keep.
#[derive(Debug)]
pub struct Imported {
    pub journey: Journey,
    pub warnings: Vec<Warning>,
}

/// A journey read from `text` in `format`, a sheet's columns read by their names.
pub fn import(text: &str, format: ImportFormat) -> Result<Imported, ImportError> {
    import_with(text.as_bytes(), format, &ImportOptions::default())
}

/// A journey read from a file's bytes in `format`, a sheet as `options` say.
pub fn import_with(
    bytes: &[u8],
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let text = || {
        std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
            line: 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count(),
        })
    };
    let whole = |journey| Imported {
        journey,
        warnings: Vec::new(),
    };
    Ok(match format {
        ImportFormat::Mermaid => {
            let (journey, warnings) = mermaid::from_mermaid(text()?)?;
            Imported { journey, warnings }
        }
        ImportFormat::Csv => whole(csv::from_csv(text()?, options).map_err(ImportError::Csv)?),
        ImportFormat::Json => whole(json::from_json(text()?)?),
        ImportFormat::Xlsx | ImportFormat::Ods => {
            whole(workbook::from_workbook(bytes, format, options)?)
        }
    })
}

/// The journey written in `format`.
pub fn export(journey: &Journey, format: Format) -> String {
    match format {
        Format::Mermaid => mermaid::to_mermaid(journey),
        Format::Markdown => markdown::to_markdown(journey),
        Format::Csv => csv::to_csv(journey),
        Format::Html => html::to_html(journey),
        Format::Json => json::to_json(journey),
    }
}

/// `map.ron` → `map.md`: where the editor writes an export, beside the map. Never the
/// map itself: `notes.md`, exported as Markdown, goes to `notes.export.md`.
pub fn export_path(map: &Path, format: Format) -> std::path::PathBuf {
    let path = map.with_extension(format.extension());
    if path == map {
        map.with_extension(format!("export.{}", format.extension()))
    } else {
        path
    }
}
