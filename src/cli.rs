//! The command line: what each command does, and the messages it prints.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::app::Opening;
use crate::layout::{Density, MIN_WIDTH};
use crate::model::{Id, Journey};
use crate::outline::outline;
use crate::session::{Editor, open_or_create};
use crate::share::{Format, ImportFormat};
use crate::store::Document;
use crate::templates::{self, DEFAULT_TEMPLATE, FIRST_EXAMPLE, TEMPLATES};
use crate::text::plural;
use crate::ui::theme::{Depth, Theme};

/// A keyboard-driven terminal editor for customer journey maps: stages, touchpoints and
/// the moments of truth where customers feel pain or glory.
#[derive(Debug, Parser)]
#[command(name = "motmap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The journey map to open. A file that does not exist yet becomes a new map, written
    /// on the first save. Without FILE, your own map in the data directory opens (made
    /// from an example the first time).
    pub file: Option<PathBuf>,

    /// Open FILE for reading only: every key that would change it is refused.
    #[arg(long)]
    pub read_only: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new map from a template or an example.
    New {
        /// Where to write the map; it must not exist yet.
        file: PathBuf,
        /// The template to start from (see `motmap templates`).
        #[arg(short, long, default_value = DEFAULT_TEMPLATE, value_name = "NAME")]
        template: String,
    },
    /// List the built-in templates and example maps.
    Templates,
    /// Open a map for reading only (the same as `motmap --read-only FILE`).
    View {
        /// The map to read.
        file: PathBuf,
    },
    /// Print a map: the board as the editor draws it, or with --outline an indented list.
    Show {
        /// The map to print.
        file: PathBuf,
        /// Columns to draw in, 40 or more (default: the terminal's width, or 100 in a
        /// pipe).
        #[arg(long, value_name = "N", value_parser = board_width)]
        width: Option<u16>,
        /// When to use colour: auto (a terminal without NO_COLOR), always, never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
        /// Print stages and moments as an indented list, for grep and less.
        #[arg(long)]
        outline: bool,
        /// Also print what each card holds: its notes, idea, owner, to-be feeling and open
        /// comments (and the open comments on stages and on the journey).
        #[arg(long)]
        details: bool,
    },
    /// Check a map's quality: empty stages, deep pains with no idea or owner, moments of
    /// truth with no evidence, kinds out of journey order. One line each; exit with 1 when
    /// any is found (for a pre-commit hook or CI).
    Lint {
        /// The maps to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also list every comment nobody has resolved yet, each where it is; open
        /// comments then count as problems too.
        #[arg(long)]
        comments: bool,
    },
    /// Write a map as Mermaid, Markdown, CSV, HTML or JSON, for people who will never open
    /// a terminal.
    Export {
        /// The map to export.
        file: PathBuf,
        /// The format to write (md, mmd and htm do too); without it, the extension of -o
        /// says.
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: Option<Format>,
        /// Where to write it (default: standard output).
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Write over PATH if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Read a Mermaid journey (.mmd), a sheet (.csv, .xlsx, .ods) or JSON (.json) as a
    /// motmap map. A sheet may name its columns as people do (Phase, Action, Touchpoint,
    /// Emotion, Pain point…) or have the stages across the columns and a row per lane.
    Import {
        /// The file to read; its extension says the format, unless --from does.
        file: PathBuf,
        /// The file's format, when its extension does not say.
        #[arg(long, value_enum, value_name = "FORMAT")]
        from: Option<ImportFormat>,
        /// Read a sheet's column (or row) COLUMN as motmap's FIELD (stage, title, feeling,
        /// notes…), or leave it out with =skip. Repeat for more columns.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<crate::share::sheet::Mapping>,
        /// Keep a sheet's columns (or rows) that motmap does not know in each moment's
        /// notes, as `Column: value` lines, instead of refusing the sheet.
        #[arg(long)]
        keep_unknown: bool,
        /// The sheet of an .xlsx or .ods workbook to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Where to write the map (default: standard output).
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Write over PATH if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Show what changed between two versions of a map, by id. As git's diff driver it
    /// takes the arguments git passes (see the README).
    Diff {
        /// OLD NEW, or git's PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and
        /// NEW-PATH and the similarity for a renamed or copied map.
        #[arg(num_args = 2..=9, required = true, value_names = ["OLD", "NEW"])]
        files: Vec<PathBuf>,
        /// When to use colour: auto (a terminal without NO_COLOR), always, never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
    },
    /// Merge two versions of a map by id, as git's merge driver: the result goes into
    /// OURS; the exit status is 1 when a field was changed both ways.
    Merge {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our version, which receives the result (git's %A).
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// The map's path in the repository, for messages (git's %P).
        name: Option<PathBuf>,
    },
    /// Check that maps load; print one line per file and exit with 1 if any is bad.
    Check {
        /// The maps to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the script that completes motmap's commands, options and files in a shell
    /// (the README says where each shell wants it).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, as roff: read it with `motmap man | man -l -`, or install it
    /// with `motmap man > ~/.local/share/man/man1/motmap.1`.
    Man {
        /// A command whose own page to print (`motmap man lint` is motmap-lint(1)).
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

/// `--width N`: a number of columns the board can be drawn in, refused below the
/// narrowest the board has (rather than quietly widened).
fn board_width(text: &str) -> Result<u16, String> {
    let columns: u16 = text
        .parse()
        .map_err(|_| format!("the width is a number of columns, such as {MIN_WIDTH} or 120"))?;
    if columns < MIN_WIDTH {
        return Err(format!(
            "the board needs at least {MIN_WIDTH} columns; give --width {MIN_WIDTH} or more"
        ));
    }
    Ok(columns)
}

/// When `motmap show` uses colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the process's exit status. Errors are returned for
/// `main` to print.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::New { file, template }) => new_map(&file, &template),
        Some(Command::Templates) => list_templates(),
        Some(Command::Check { files }) => check(&files),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man { command }) => manual(command.as_deref()),
        Some(Command::Lint { files, comments }) => lint(&files, comments),
        Some(Command::Show {
            file,
            width,
            color,
            outline,
            details,
        }) => show(&file, width, color, outline, details),
        Some(Command::View { file }) => open(Some(file), true),
        Some(Command::Export {
            file,
            to,
            output,
            force,
        }) => crate::share::cli::export(&file, to, output.as_deref(), force),
        Some(Command::Import {
            file,
            from,
            map,
            keep_unknown,
            sheet,
            output,
            force,
        }) => {
            let options = crate::share::ImportOptions {
                map,
                keep_unknown,
                sheet,
            };
            crate::share::cli::import(&file, from, &options, output.as_deref(), force)
        }
        Some(Command::Diff { files, color }) => {
            let color = match color {
                ColorChoice::Never => false,
                ColorChoice::Always => true,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && terminal_theme().has_color()
                }
            };
            crate::share::cli::diff(&files, color)
        }
        Some(Command::Merge {
            base,
            ours,
            theirs,
            name,
        }) => crate::share::cli::merge(&base, &ours, &theirs, name.as_deref()),
        None => open(cli.file, cli.read_only),
    }
}

/// The command line from `args` (the program's name first). A mistyped command
/// (`motmap lnit`, `motmap exprot map.ron`) is a usage error that names the command
/// meant, where clap alone would take it for a new map's name or be confused by what
/// follows it.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = args.into_iter().collect();
    let first = args
        .iter()
        .skip(1)
        .find(|arg| !arg.to_string_lossy().starts_with('-'));
    if let Some(usage) = first.and_then(|arg| mistyped_command(Path::new(arg))) {
        return Err(usage);
    }
    Cli::try_parse_from(args)
}

/// A first argument that names no file and is a command mistyped (`motmap lnit`): the
/// usage error (status 2) that says which command was meant and how to start a map of
/// that name after all. A name with an extension or a directory, or far from every
/// command, is a file, and a new map as ever.
fn mistyped_command(file: &Path) -> Option<clap::Error> {
    if file.exists() || file.extension().is_some() || file.components().count() != 1 {
        return None;
    }
    let typed = file.to_str()?;
    let lowered = typed.to_lowercase();
    let mut command = <Cli as clap::CommandFactory>::command();
    let (distance, name) = command
        .get_subcommands()
        .map(|c| c.get_name())
        .chain(["help"])
        .map(|name| (crate::text::edit_distance(&lowered, name), name.to_owned()))
        .min()?;
    // Two slips in a longer name. In a short one, a letter changed makes another word
    // (`map`, not `man`), so only one letter missed, added or swapped counts. A whole
    // other word is a map's name.
    let letters = |word: &str| {
        let mut letters: Vec<char> = word.chars().collect();
        letters.sort_unstable();
        letters
    };
    let near = if name.len() > 4 {
        distance <= 2
    } else {
        distance <= 1
            && (lowered.chars().count() != name.len() || letters(&lowered) == letters(&name))
    };
    if typed == name || !near || typed.chars().count() < 3 {
        return None;
    }
    Some(command.error(
        clap::error::ErrorKind::InvalidSubcommand,
        format!(
            "`{typed}` is not a file or a command. Did you mean `motmap {name}`? To start a new map named {typed}, run `motmap {typed}.ron`."
        ),
    ))
}

fn new_map(path: &Path, template: &str) -> anyhow::Result<ExitCode> {
    let Some(template) = templates::find(template) else {
        bail!(
            "there is no template called {template:?}. Run `motmap templates` to see them: {}.",
            template_names()
        );
    };
    if path.exists() {
        bail!(
            "{} already exists, and `motmap new` never writes over a file. Open it with `motmap {}`, or choose another name.",
            path.display(),
            path.display()
        );
    }
    let mut document = Document::create(path, template.journey());
    document.save()?;
    writeln!(
        std::io::stdout(),
        "Created {} from the {} template. Open it with: motmap {}",
        path.display(),
        template.name,
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn template_names() -> String {
    TEMPLATES
        .iter()
        .map(|t| t.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `motmap templates`: one line each, the names lined up.
fn list_templates() -> anyhow::Result<ExitCode> {
    let width = TEMPLATES.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for template in TEMPLATES {
        writeln!(out, "{:width$}  {}", template.name, template.summary)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `motmap show`: the board (or the outline) on standard output. With details, the board
/// shows the first line of each card's notes and idea, and what the cards hold follows it
/// in full, as the outline with details writes it.
fn show(
    path: &Path,
    width: Option<u16>,
    color: ColorChoice,
    as_outline: bool,
    details: bool,
) -> anyhow::Result<ExitCode> {
    let document = Document::load(path)?;
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let mut out = stdout.lock();
    if as_outline {
        write!(out, "{}", outline(&document.journey, details))?;
        return Ok(ExitCode::SUCCESS);
    }
    let palette = user_config().0.palette;
    let theme = match color {
        ColorChoice::Never => Theme::monochrome(),
        ColorChoice::Auto if !is_terminal => Theme::monochrome(),
        ColorChoice::Auto => terminal_theme(),
        // Asked for colour where the environment says none: the 16 every terminal has.
        ColorChoice::Always => Some(terminal_theme())
            .filter(Theme::has_color)
            .unwrap_or_default(),
    };
    let theme = Theme { palette, ..theme };
    let color = theme.has_color();
    let width = width
        .or_else(|| {
            is_terminal
                .then(|| crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten()
        })
        .unwrap_or(100);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let density = if details {
        Density::Detailed
    } else {
        Density::Normal
    };
    // A terminal is told where each cell starts after an emoji it may draw narrower or
    // wider than Unicode says (see `text::width_varies`); a pipe gets plain text.
    let term = std::env::var("TERM").unwrap_or_default();
    let place_cursor = is_terminal && !matches!(term.as_str(), "" | "dumb");
    let journey = &document.journey;
    for buffer in crate::ui::print::printout(journey, &name, width, density, &theme) {
        let text = crate::ui::print::to_text(&buffer, color, place_cursor);
        write!(out, "{text}")?;
    }
    let held = crate::outline::card_details(journey);
    if details && !held.is_empty() {
        write!(out, "\nWhat the cards hold\n{held}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `motmap lint`: one line per finding, `file:line: stage, moment: problem`; with
/// `comments`, one per open comment too.
fn lint(files: &[PathBuf], comments: bool) -> anyhow::Result<ExitCode> {
    let mut found = false;
    let mut out = std::io::stdout().lock();
    for path in files {
        let lines = match Document::load(path) {
            Ok(document) => lint_lines(path, &document.journey, comments),
            Err(error) => vec![error.to_string()],
        };
        found |= !lines.is_empty();
        if lines.is_empty() {
            writeln!(out, "{}: no problems found", path.display())?;
        }
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(failed_if(found))
}

/// What lint says about one map that loaded, a line each, each pointing into the file.
fn lint_lines(path: &Path, journey: &Journey, comments: bool) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let ids = id_lines(&text);
    // The journey's own fields are written first, at the top, four spaces in.
    let top = |field: &str| {
        text.lines()
            .position(|l| l.starts_with(&format!("    {field}:")))
            .map(|n| format!(":{}", n + 1))
            .unwrap_or_default()
    };
    let at = |id: Id| ids.get(&id.0).map(|l| format!(":{l}")).unwrap_or_default();
    let file = path.display();
    let mut lines = Vec::new();
    if crate::merge::notes_conflict(&journey.description) {
        lines.push(format!(
            "{file}{}: the journey: a merge conflict to resolve in its description: choose, then delete the “Merge conflict:” line",
            top("description")
        ));
    }
    for finding in crate::insight::lint(journey) {
        let mut place = format!("stage {} “{}”", finding.stage + 1, finding.stage_name);
        let mut id = journey.stages()[finding.stage].id;
        if let Some((index, moment_id, title)) = &finding.moment {
            place.push_str(&format!(", moment {} “{title}”", index + 1));
            id = *moment_id;
        }
        lines.push(format!("{file}{}: {place}: {}", at(id), finding.problem));
    }
    if comments {
        for open in crate::insight::open_comments(journey) {
            let (place, line) = match (open.stage, open.moment) {
                (Some((s, stage)), Some((m, moment))) => (
                    format!(
                        "stage {} “{}”, moment {} “{}”",
                        s + 1,
                        stage.name,
                        m + 1,
                        moment.title
                    ),
                    at(moment.id),
                ),
                (Some((s, stage)), None) => {
                    (format!("stage {} “{}”", s + 1, stage.name), at(stage.id))
                }
                _ => ("the journey".to_owned(), top("comments")),
            };
            lines.push(format!(
                "{file}{line}: {place}: {}",
                open_comment(open.comment)
            ));
        }
    }
    lines
}

/// "an open comment by Ana, 2026-12-04 05:12 UTC: “Is it always…”".
fn open_comment(comment: &crate::model::Comment) -> String {
    format!(
        "an open comment by {}: {}",
        crate::outline::byline(comment, ", "),
        crate::text::quoted(comment.first_line())
    )
}

/// The line each `id: N` is written on, so findings can point into the file.
fn id_lines(text: &str) -> std::collections::HashMap<u64, usize> {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let id = line
                .trim()
                .strip_prefix("id:")?
                .trim()
                .trim_end_matches(',');
            Some((id.parse().ok()?, n + 1))
        })
        .collect()
}

/// `motmap check`: one line per file, `ok` with a count or the error.
fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for path in files {
        match Document::load(path) {
            Ok(document) => {
                let journey = &document.journey;
                writeln!(
                    out,
                    "{}: ok, {}, {}",
                    path.display(),
                    plural(journey.stages().len(), "stage", "stages"),
                    plural(journey.moment_count(), "moment", "moments")
                )?;
            }
            Err(error) => {
                failed = true;
                writeln!(out, "{error}")?;
            }
        }
    }
    Ok(failed_if(failed))
}

/// `motmap completions SHELL`: the shell's completion script, generated from the command
/// line's own definition, so it always knows every command and option.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    use clap_complete::Generator;
    let mut command = <Cli as clap::CommandFactory>::command();
    command.set_bin_name("motmap");
    command.build();
    shell.try_generate(&command, &mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

/// `motmap man [COMMAND]`: the manual page of motmap, or of one of its commands, as roff.
fn manual(name: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut command = <Cli as clap::CommandFactory>::command();
    command.build();
    let page = match name {
        None => command,
        Some(name) => command.find_subcommand(name).cloned().with_context(|| {
            format!("there is no command called {name:?}; `motmap --help` lists them")
        })?,
    };
    clap_mangen::Man::new(page)
        .source(format!("motmap {}", env!("CARGO_PKG_VERSION")))
        .render(&mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

/// Exit status 1 when a check found something, 0 when all was well.
fn failed_if(found: bool) -> ExitCode {
    if found {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether `error` is standard output's reader having gone away (`motmap show map.ron |
/// head`, or a pager quit early): nothing went wrong, so motmap ends quietly with status
/// 0, as git and ripgrep do.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Opens FILE, or the user's default map when there is none, in the editor. Without a
/// terminal (a pipe), prints the outline instead.
fn open(file: Option<PathBuf>, read_only: bool) -> anyhow::Result<ExitCode> {
    let own_map = file.is_none();
    let document = match file {
        Some(path) if read_only => Document::load(path)?,
        Some(path) => open_or_create(path)?,
        None => open_default_map()?,
    };
    if !std::io::stdout().is_terminal() {
        write!(std::io::stdout(), "{}", outline(&document.journey, false))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (config, settings_problem) = user_config();
    let opening = Opening {
        own_map,
        new_file: !document.path().exists(),
        settings_problem,
    };
    let now = std::time::Instant::now();
    let name = author_name(config.name);
    let mut editor = if read_only {
        Editor::view(document, config.keymap, &name, opening, now)
    } else {
        Editor::open(document, config.keymap, &name, opening, now)
    };
    editor.app.save_always = config.autosave;
    editor.app.bell = config.bell;
    editor.app.dots = config.dots;
    let theme = Theme {
        palette: config.palette,
        ..terminal_theme()
    };
    crate::terminal::run(editor, theme)?;
    Ok(ExitCode::SUCCESS)
}

/// Who comments are signed by: the `name` the settings give, else `user@host`.
fn author_name(name: Option<String>) -> String {
    name.unwrap_or_else(|| {
        let user = ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(|| crate::app::DEFAULT_AUTHOR.into());
        format!("{user}@{}", gethostname::gethostname().to_string_lossy())
    })
}

/// The colours this terminal can show, as the environment says: `NO_COLOR`, `COLORTERM`
/// and `TERM`.
fn terminal_theme() -> Theme {
    let var = |name| std::env::var(name).unwrap_or_default();
    Theme {
        depth: Depth::detect(&var("NO_COLOR"), &var("COLORTERM"), &var("TERM")),
        palette: Default::default(),
    }
}

/// The user's settings, or the defaults and what is wrong with the settings file.
fn user_config() -> (crate::config::Config, Option<String>) {
    crate::config::config_path()
        .map(|path| crate::config::load(&path))
        .unwrap_or_default()
}

/// Where a user's own map lives when motmap is started without a file.
pub fn default_map_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "motmap").map(|dirs| dirs.data_dir().join("journey.ron"))
}

/// The default map, written from the first example on first run.
fn open_default_map() -> anyhow::Result<Document> {
    let path = default_map_path().context(
        "cannot find a home directory for your default map; name a file instead: motmap FILE",
    )?;
    if !path.exists() {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create {} for your default map; name a file instead: motmap FILE",
                dir.display()
            )
        })?;
        let example = templates::find(FIRST_EXAMPLE)
            .map(|t| t.journey())
            .unwrap_or_default();
        Document::create(&path, example).save()?;
    }
    Ok(Document::load(path)?)
}
