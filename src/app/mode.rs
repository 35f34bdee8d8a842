//! What the keyboard is talking to: the mode, with the state that belongs to it alone (a
//! field being typed into, a menu's highlighted row, a question waiting for an answer).

use std::path::PathBuf;

use crate::command::Completion;
use crate::input::TextInput;
use crate::model::{CommentTarget, Id, Moment, MomentField, MomentList, join_list};
use crate::share::Format;

/// What a text field being typed into will change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    /// The title of a card not in the map yet, to go into stage `stage` at `index`.
    NewMoment {
        stage: Id,
        index: usize,
    },
    /// The name of a stage not in the map yet, to go in at `index`.
    NewStage {
        index: usize,
    },
    MomentTitle(Id),
    StageName(Id),
    StageDescription(Id),
    JourneyTitle,
    JourneyDescription,
    /// The journey's personas, typed as a comma-separated list.
    Personas,
    /// A new comment on a moment, a stage or the journey; `back` is the row of the list it
    /// was started from (a moment's details, or a stage's or the journey's comments), to go
    /// back to.
    Comment {
        on: CommentTarget,
        back: Option<usize>,
    },
}

impl TextTarget {
    /// Descriptions (and the personas) may be empty; titles and names may not.
    pub fn is_description(self) -> bool {
        matches!(
            self,
            TextTarget::StageDescription(_) | TextTarget::JourneyDescription | TextTarget::Personas
        )
    }
}

/// A question the editor is waiting for an answer to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete a stage that still has moments.
    DeleteStage(Id),
    /// Quit with unsaved changes.
    Quit,
    /// A recovery file from a session that ended early is waiting.
    Restore(PathBuf),
    /// An export would write over the file at `path`.
    OverwriteExport { format: Format, path: PathBuf },
    /// Several lines were pasted into the title of a new card (to go into stage `stage`
    /// at `index`): a card for each, or one card? `typed` is the title as it was before.
    PasteLines {
        stage: Id,
        index: usize,
        typed: Box<TextInput>,
        pasted: String,
    },
}

/// The fields of a moment, in the order the details popup lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailField {
    Title,
    Kind,
    Feeling,
    Target,
    Evidence,
    Channel,
    Persona,
    Owner,
    Tags,
    Notes,
    Idea,
}

impl DetailField {
    pub const ALL: [DetailField; 11] = [
        DetailField::Title,
        DetailField::Kind,
        DetailField::Feeling,
        DetailField::Target,
        DetailField::Evidence,
        DetailField::Channel,
        DetailField::Persona,
        DetailField::Owner,
        DetailField::Tags,
        DetailField::Notes,
        DetailField::Idea,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DetailField::Title => "Title",
            DetailField::Kind => "Kind",
            DetailField::Feeling => "Feeling",
            DetailField::Target => "To be",
            DetailField::Evidence => "Evidence",
            DetailField::Channel => "Channel",
            DetailField::Persona => "Personas",
            DetailField::Owner => "Owner",
            DetailField::Tags => "Tags",
            DetailField::Notes => "Notes",
            DetailField::Idea => "Idea",
        }
    }

    /// The moment's text field behind this row, for the rows that are plain text.
    pub fn text_field(self) -> Option<MomentField> {
        match self {
            DetailField::Title => Some(MomentField::Title),
            DetailField::Channel => Some(MomentField::Channel),
            DetailField::Owner => Some(MomentField::Owner),
            DetailField::Notes => Some(MomentField::Notes),
            DetailField::Idea => Some(MomentField::Idea),
            _ => None,
        }
    }

    /// The moment's list behind this row, for the rows typed as names between commas.
    pub fn list(self) -> Option<MomentList> {
        match self {
            DetailField::Tags => Some(MomentList::Tags),
            DetailField::Persona => Some(MomentList::Personas),
            _ => None,
        }
    }

    /// The row's text as it is typed: a list's names joined with commas, a text field as
    /// it is; `None` for a row whose value is chosen.
    pub fn text_of(self, moment: &Moment) -> Option<String> {
        match (self.list(), self.text_field()) {
            (Some(list), _) => Some(join_list(moment.list(list))),
            (None, field) => field.map(|field| moment.text(field).to_owned()),
        }
    }

    /// Notes and the idea may span lines; the other texts are one line.
    pub fn is_multiline(self) -> bool {
        matches!(self, DetailField::Notes | DetailField::Idea)
    }

    /// Kind, feeling, to-be and evidence are chosen from a few values rather than typed.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            DetailField::Kind | DetailField::Feeling | DetailField::Target | DetailField::Evidence
        )
    }
}

/// A row of the details popup: one of the moment's fields, or one of its comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailRow {
    Field(DetailField),
    /// The comment at this index.
    Comment(usize),
}

impl Mode {
    /// Where the comments on `on` are listed, at `row` of that list: a moment's in its
    /// details (`row` counting the fields above them); a stage's or the journey's in their
    /// own popup.
    pub fn comment_list(on: CommentTarget, row: usize) -> Mode {
        match on {
            CommentTarget::Moment(_) => Mode::Details {
                field: row,
                editing: None,
            },
            CommentTarget::Stage(_) | CommentTarget::Journey => Mode::Comments { on, row },
        }
    }
}

impl DetailRow {
    /// The row at `index`: the fields first, then the comments in order.
    pub fn at(index: usize) -> DetailRow {
        match DetailField::ALL.get(index) {
            Some(field) => DetailRow::Field(*field),
            None => DetailRow::Comment(index - DetailField::ALL.len()),
        }
    }
}

/// A row of the export menu: the format, where it would be written, and whether a file is
/// there already.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    /// The export menu's action that picks this row.
    pub action: crate::action::Action,
    pub format: Format,
    pub path: PathBuf,
    pub exists: bool,
}

impl ExportChoice {
    /// The format's name: "Mermaid", "CSV".
    pub fn name(&self) -> &'static str {
        self.format.name()
    }

    /// What the format is good for, in a few words.
    pub fn purpose(&self) -> &'static str {
        self.format.purpose()
    }

    /// The file it would write, without its folder.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The format an export menu action writes.
pub fn export_format(action: crate::action::Action) -> Option<Format> {
    use crate::action::Action;
    Some(match action {
        Action::ExportMermaid => Format::Mermaid,
        Action::ExportMarkdown => Format::Markdown,
        Action::ExportCsv => Format::Csv,
        Action::ExportHtml => Format::Html,
        Action::ExportJson => Format::Json,
        _ => return None,
    })
}

/// What the keyboard is talking to, with the state that belongs to it alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Board,
    /// Typing a title, a name or a description on the board.
    EditText {
        target: TextTarget,
        input: TextInput,
    },
    /// The moment-of-truth menu, with the highlighted row.
    PickKind {
        highlighted: usize,
    },
    /// Every field of the selected moment; `editing` while one is being typed into.
    Details {
        field: usize,
        editing: Option<TextInput>,
    },
    /// The comments on a stage or the journey, with the highlighted one.
    Comments {
        on: CommentTarget,
        row: usize,
    },
    /// The help overlay, scrolled down by `scroll` lines.
    Help {
        scroll: u16,
    },
    Search {
        input: TextInput,
    },
    Confirm(Confirm),
    /// The filter menu.
    PickFilter,
    /// Typing the text a tag, channel, persona or owner should contain.
    FilterText {
        input: TextInput,
    },
    /// Typing the length of a countdown (empty at first: Enter alone takes the last
    /// length), over the presentation when `presenting`.
    TimerLength {
        input: TextInput,
        presenting: bool,
    },
    /// The export menu: a row per format, and the highlighted one.
    PickExport {
        choices: Vec<ExportChoice>,
        highlighted: usize,
    },
    /// Presenting to a room, with no editing chrome: the slide, its size and whether the
    /// screen is blank are `App::presenting`.
    Present,
    /// Typing a command after `:`, over the board or a view.
    Command(CommandLine),
}

/// The `:` command line: what is typed, the candidates Tab goes through, and where `↑`
/// and `↓` are in the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandLine {
    pub input: TextInput,
    /// The candidates Tab completes to, while it goes through them.
    pub completion: Option<Completion>,
    /// The entry of the history on the line (counting from the oldest), once `↑` went
    /// back.
    pub history_at: Option<usize>,
    /// What was typed before `↑` went back: the history shows only commands starting so,
    /// and `↓` past the newest brings it back.
    pub draft: String,
}

impl Default for CommandLine {
    /// An empty command line.
    fn default() -> CommandLine {
        CommandLine {
            input: TextInput::line(""),
            completion: None,
            history_at: None,
            draft: String::new(),
        }
    }
}
