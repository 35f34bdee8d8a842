//! The sharing commands: `export`, `import`, `diff` and `merge`, and their messages.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{Format, ImportError, ImportFormat, ImportOptions};
use crate::model::Journey;
use crate::store::{
    Document, LoadProblem, MAX_FILE_BYTES, io_reason, read_limited, to_ron, write_file,
};
use crate::text::plural;

/// `motmap export`: the map in `format` (or the one `output`'s extension says), on
/// standard output or in `output`.
pub fn export(
    file: &Path,
    format: Option<Format>,
    output: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let Some(format) = format.or_else(|| output.and_then(Format::of_path)) else {
        let given = match output {
            Some(output) => format!("{} has no extension motmap knows", output.display()),
            None => "no --to was given".to_owned(),
        };
        bail!(
            "cannot tell which format to write: {given}. Say it with --to mermaid, markdown, csv, html or json, or name an -o file ending in .mmd, .md, .csv, .html or .json."
        );
    };
    let document = Document::load(file)?;
    let text = super::export(&document.journey, format);
    match output {
        None => print(&text)?,
        Some(output) => {
            write_output(output, file, &text, force)?;
            eprintln!(
                "Exported {} as {} to {}.",
                file.display(),
                format.name(),
                output.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `motmap import`: a Mermaid, CSV, JSON or workbook file as a map, on standard output or
/// in `output`; a sheet read as `options` say.
pub fn import(
    file: &Path,
    from: Option<ImportFormat>,
    options: &ImportOptions,
    output: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let Some(format) = from.or_else(|| ImportFormat::of_path(file)) else {
        bail!(
            "cannot tell the format of {} from its name; motmap imports Mermaid (.mmd), CSV (.csv), JSON (.json), Excel (.xlsx) and OpenDocument (.ods). Say which with --from mermaid, csv, json, xlsx or ods.",
            file.display()
        );
    };
    if !format.is_sheet() && (!options.map.is_empty() || options.keep_unknown) {
        bail!(
            "--map and --keep-unknown say how to read a sheet's columns (CSV, .xlsx, .ods), and {} is not read as a sheet; leave them out.",
            file.display()
        );
    }
    if !format.is_workbook() && options.sheet.is_some() {
        bail!(
            "--sheet picks a sheet of an .xlsx or .ods workbook, and {} is not read as one; leave it out.",
            file.display()
        );
    }
    let bytes = read_file(file)?;
    let imported =
        super::import_with(&bytes, format, options).map_err(|error| import_error(file, &error))?;
    for warning in &imported.warnings {
        eprintln!("motmap: {}:{warning}", file.display());
    }
    let mut journey = imported.journey;
    // A sheet often has no place for the journey's name: the file's stands in for it.
    if format.is_sheet()
        && journey.title.trim().is_empty()
        && let Some(stem) = file.file_stem().and_then(|s| s.to_str())
    {
        journey.title = stem.to_owned();
        eprintln!(
            "motmap: {}: the sheet names no journey, so the map is called “{stem}”; R renames it in the editor.",
            file.display()
        );
    }
    let ron = to_ron(&journey);
    match output {
        None => print(&ron)?,
        Some(output) => {
            write_output(output, file, &ron, force)?;
            eprintln!(
                "Imported {} ({}, {}) into {}. Open it with: motmap {}",
                file.display(),
                plural(journey.stages().len(), "stage", "stages"),
                plural(journey.moment_count(), "moment", "moments"),
                output.display(),
                output.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `motmap diff OLD NEW`, or git's seven arguments: `PATH OLD-FILE OLD-HEX OLD-MODE
/// NEW-FILE NEW-HEX NEW-MODE`, nine for a renamed or copied file (`NEW-PATH` and the
/// similarity follow).
pub fn diff(files: &[std::path::PathBuf], color: bool) -> anyhow::Result<ExitCode> {
    let (name, old, new) = match files {
        [old, new] => (new.display().to_string(), old, new),
        [path, old, _, _, new, _, _] => (path.display().to_string(), old, new),
        [path, old, _, _, new, _, _, new_path, _] => (
            format!("{} → {}", path.display(), new_path.display()),
            old,
            new,
        ),
        _ => bail!(
            "motmap diff takes two maps, OLD and NEW (or, as git's diff driver, the seven or nine arguments git passes); it was given {}",
            files.len()
        ),
    };
    let old = load_version(old)?;
    let new = load_version(new)?;
    let changes = crate::diff::diff(&old, &new);
    print(&crate::diff::render(&name, &changes, color))?;
    Ok(ExitCode::SUCCESS)
}

/// `motmap merge BASE OURS THEIRS [PATH]`: git's merge driver. The merge is written into
/// OURS; the status is 1 when something was changed both ways, which git then reports as a
/// conflict. A file that does not load leaves OURS untouched.
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let name = name.unwrap_or(ours).display().to_string();
    let load = |path: &Path, side: &str| {
        load_version(path).with_context(|| {
            format!("cannot merge {name}: {side} does not load, so nothing was merged and the file holds our version")
        })
    };
    let merged = crate::merge::merge(
        &load(base, "the common ancestor")?,
        &load(ours, "our version")?,
        &load(theirs, "their version")?,
    );
    write_file(ours, to_ron(&merged.journey).as_bytes(), true)
        .with_context(|| format!("cannot write the merged map into {}", ours.display()))?;
    if merged.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "motmap merge: {} in {name}, in {}. Our values are kept and theirs are written beside them, in the notes of the moments tagged “{}” (or in the description). Open the map, choose, then `git add` it:",
        plural(merged.conflicts.len(), "conflict", "conflicts"),
        plural(crate::merge::unresolved(&merged.journey), "place", "places"),
        crate::merge::CONFLICT_TAG
    );
    for conflict in &merged.conflicts {
        eprintln!("  {conflict}");
    }
    Ok(ExitCode::FAILURE)
}

/// A map for diff and merge: `/dev/null` and an empty file (what git passes for a side
/// where the file does not exist) are an empty journey.
fn load_version(path: &Path) -> anyhow::Result<Journey> {
    if path == Path::new("/dev/null") {
        return Ok(Journey::default());
    }
    match Document::load(path) {
        Ok(document) => Ok(document.journey),
        Err(error) if matches!(error.problem, LoadProblem::Empty) => Ok(Journey::default()),
        Err(error) => Err(error.into()),
    }
}

/// A file to import: refused when it is too large or not a file.
fn read_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    read_limited(path).map_err(|problem| match problem {
        LoadProblem::Io(error) => anyhow::anyhow!(
            "cannot read {}: {}. Check the name, and that you may read it.",
            path.display(),
            io_reason(&error)
        ),
        LoadProblem::TooLarge { .. } => anyhow::anyhow!(
            "{} is more than the {} MB motmap reads; it is not a journey.",
            path.display(),
            MAX_FILE_BYTES / 1_000_000
        ),
        _ => anyhow::anyhow!("cannot read {}: it is not a file.", path.display()),
    })
}

/// What `motmap import` says when `file` could not be imported: each problem on a line
/// that names the file and the line, then that nothing was imported and what to do.
fn import_error(file: &Path, error: &ImportError) -> anyhow::Error {
    let path = file.display();
    let sheet = error.sheet();
    let advice = match (error, sheet) {
        (ImportError::NotUtf8 { line }, _) => {
            return anyhow::anyhow!(
                "{path}:{line}: the file is not UTF-8 text. Save it as UTF-8 and import again (in Excel: Save As, “CSV UTF-8 (Comma delimited)”)."
            );
        }
        (ImportError::Workbook(problem), _) => {
            return anyhow::anyhow!("{path}: {problem}. Nothing was imported.");
        }
        // The message says what to do about the names.
        (_, Some(sheet)) if sheet.header => "Nothing was imported.",
        (_, Some(_)) => "Nothing was imported; fix the rows named and import again.",
        _ => "Nothing was imported; fix the file and import again.",
    };
    let lines: Vec<String> = error
        .to_string()
        .lines()
        .map(|line| format!("{path}:{line}"))
        .collect();
    let more = sheet.is_some_and(|e| e.more);
    if lines.len() == 1 && !more {
        return anyhow::anyhow!("{}. {advice}", lines[0]);
    }
    // A row with several bad values has a line for each.
    let rows = sheet.map_or(lines.len(), |e| {
        let mut rows: Vec<u64> = e.problems.iter().map(|(line, _)| *line).collect();
        rows.dedup();
        rows.len()
    });
    let count = if more {
        format!("more than {rows} bad rows; the first {rows}")
    } else {
        plural(rows, "bad row", "bad rows")
    };
    anyhow::anyhow!(
        "cannot import {path}: {count}:\n{}\n{advice}",
        lines.join("\n")
    )
}

/// Writes `text` to `path` whole or not at all, refusing an existing file without --force.
/// Never over `source`, the file being read, even with --force: that is never meant.
fn write_output(path: &Path, source: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    if let (Ok(a), Ok(b)) = (path.canonicalize(), source.canonicalize())
        && a == b
    {
        bail!(
            "{} is the file being read, so it was left as it is; choose another -o PATH.",
            path.display()
        );
    }
    match write_file(path, text.as_bytes(), force) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists and was left as it is. Add --force to write over it, or choose another -o PATH.",
            path.display()
        ),
        Err(error) => Err(error)
            .with_context(|| format!("cannot write {}; nothing was written there", path.display())),
    }
}

/// `text` on standard output, whole; a reader that stopped early is the caller's to
/// forgive (see `cli::is_closed_pipe`).
fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
