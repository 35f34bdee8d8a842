//! The update step: a key or an action changes the editor's state. No I/O happens here;
//! what needs it is returned as an [`Effect`].

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
use crate::app::{App, Confirm, Effect, Mode, TextTarget};
use crate::input::{InputOutcome, TextInput};

use crate::app::Screen;
use crate::model::{Edit, Feeling, JourneyField, Kind, Moment, MomentField, Stage, StageField};
use crate::text::quoted;

mod popups;

pub(crate) use popups::EXPORT_MENU;
mod workshop;

/// The rows of the moment-of-truth menu: its key, and the kind (none for an ordinary
/// touchpoint).
pub const KIND_MENU: [(char, Option<Kind>); 7] = [
    ('z', Some(Kind::Zmot)),
    ('f', Some(Kind::Fmot)),
    ('a', Some(Kind::Amot)),
    ('s', Some(Kind::Smot)),
    ('t', Some(Kind::Tmot)),
    ('l', Some(Kind::Lmot)),
    ('n', None),
];

impl App {
    /// Handles one key press. The field being typed into gets it first, then the popup on
    /// top, then the board's key map.
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        match self.mode.clone() {
            Mode::Board => match self.keymap.action(&key) {
                Some(action) => self.update(action),
                None => {
                    if let KeyCode::Char(c) = key.code
                        && !key.modifiers.contains(KeyModifiers::CONTROL)
                    {
                        let help = self.keymap.first_label(Action::Help);
                        self.info(format!(
                            "{c} does nothing here. Press {help} to see every key."
                        ));
                    }
                    None
                }
            },
            Mode::EditText { .. } => self.edit_text_key(&key),
            Mode::PickKind { highlighted } => self.pick_kind_key(&key, highlighted),
            Mode::Details { field, editing } => self.details_key(&key, field, editing),
            Mode::Help { scroll } => {
                self.help_key(&key, scroll);
                None
            }
            Mode::Search { .. } => self.search_key(&key),
            Mode::Confirm(question) => self.confirm_key(&key, question),
            Mode::PickFilter => {
                self.pick_filter_key(&key);
                None
            }
            Mode::FilterText { .. } | Mode::TimerLength { .. } => {
                self.prompt_key(&key);
                None
            }
            Mode::Present { whole_map } => self.present_key(&key, whole_map),
            Mode::PickExport { highlighted } => self.pick_export_key(&key, highlighted),
        }
    }

    /// Text pasted into the terminal goes into the field being typed into, if any.
    pub fn handle_paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::EditText { input, .. }
            | Mode::Search { input }
            | Mode::FilterText { input }
            | Mode::TimerLength { input }
            | Mode::Details {
                editing: Some(input),
                ..
            } => input.insert(text),
            _ => self.info("Paste goes into a field being edited: press e, a or Enter first."),
        }
    }

    /// Carries out one action from the board.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // Edits happen on the board, where what they change and what is typed is seen.
        // (Votes are the exception: the votes view is where they are counted.)
        if action.edits()
            && !self.read_only
            && !matches!(action, Action::AddVote | Action::RemoveVote)
        {
            self.screen = Screen::Board;
        }
        if self.read_only && action.edits() {
            self.refuse_in_read_only(action.description());
            return None;
        }
        match action {
            Action::SelectPreviousStage => self.step_stage(-1),
            Action::SelectNextStage => self.step_stage(1),
            Action::SelectPreviousMoment => self.step_moment(-1),
            Action::SelectNextMoment => self.step_moment(1),
            Action::SelectFirstMoment => self.selection.moment = 0,
            Action::SelectLastMoment => {
                self.selection.moment = self.selected_stage().map_or(0, |s| s.moments.len());
                self.clamp_selection();
            }
            Action::AddMoment => self.add_moment(),
            Action::AddStage => self.add_stage(),
            Action::EditTitle => {
                if let Some(moment) = self.moment_or_hint() {
                    let target = TextTarget::MomentTitle(moment.id);
                    self.start_typing(
                        target,
                        TextInput::line(&moment.title),
                        "Type the title.".into(),
                    );
                }
            }
            Action::RenameStage => {
                if let Some(stage) = self.stage_or_hint() {
                    let target = TextTarget::StageName(stage.id);
                    self.start_typing(
                        target,
                        TextInput::line(&stage.name),
                        "Type the stage's name.".into(),
                    );
                }
            }
            Action::RenameJourney => {
                let input = TextInput::line(&self.journey().title);
                self.start_typing(
                    TextTarget::JourneyTitle,
                    input,
                    "Type the journey's title.".into(),
                );
            }
            Action::DescribeStage => {
                if let Some(stage) = self.stage_or_hint() {
                    let target = TextTarget::StageDescription(stage.id);
                    let hint = format!("What happens in {}?", quoted(&stage.name));
                    self.start_typing(target, TextInput::multiline(&stage.description), hint);
                }
            }
            Action::EditPersonas => {
                let input = TextInput::line(&self.journey().personas.join(", "));
                let hint = "Name the personas, separated by commas.".to_string();
                self.start_typing(TextTarget::Personas, input, hint);
            }
            Action::DescribeJourney => {
                let input = TextInput::multiline(&self.journey().description);
                let hint = "Describe the journey: who, what, from where to where.".to_string();
                self.start_typing(TextTarget::JourneyDescription, input, hint);
            }
            Action::OpenDetails => {
                if self.moment_or_hint().is_some() {
                    self.mode = Mode::Details {
                        field: 0,
                        editing: None,
                    };
                    self.info("↑↓ choose a field, Enter edits it, ←→ change kind, feeling or evidence, Esc closes.");
                }
            }
            Action::DeleteMoment => self.delete_moment(),
            Action::DeleteStage => self.delete_stage(),
            Action::MakePain => self.make_pain_or_glory(-1),
            Action::MakeGlory => self.make_pain_or_glory(1),
            Action::MakeNeutral => self.set_feeling(Feeling::NEUTRAL),
            Action::RaiseFeeling => self.shift_feeling(1),
            Action::LowerFeeling => self.shift_feeling(-1),
            Action::PickKind => {
                if let Some(moment) = self.moment_or_hint() {
                    let highlighted = KIND_MENU
                        .iter()
                        .position(|(_, kind)| *kind == moment.kind)
                        .unwrap_or(0);
                    self.mode = Mode::PickKind { highlighted };
                    self.info("Which moment of truth? z f a s t l, n for none, Esc to leave it.");
                }
            }
            Action::MoveMomentLeft => self.move_moment_across(-1),
            Action::MoveMomentRight => self.move_moment_across(1),
            Action::MoveMomentUp => self.move_moment_within(-1),
            Action::MoveMomentDown => self.move_moment_within(1),
            Action::MoveStageLeft => self.move_stage(-1),
            Action::MoveStageRight => self.move_stage(1),
            Action::NextView | Action::PreviousView => {
                let step = if action == Action::NextView { 1 } else { -1 };
                self.screen = self.screen.step(step);
                let next = self.keymap.first_label(Action::NextView);
                self.info(match self.screen {
                    Screen::Board => format!("The board. {next} for the emotion curve."),
                    Screen::Curve => format!(
                        "Emotion curve: each stage's average feeling, every moment as a point. {next} for the summary."
                    ),
                    Screen::Summary => format!("Summary of the journey and its stages. {next} for the votes."),
                    Screen::Votes => format!("The most-voted moments. {next} for the board."),
                });
            }
            Action::Export => {
                self.mode = Mode::PickExport { highlighted: 0 };
                self.info(
                    "Export as: m Mermaid, d Markdown, c CSV, h HTML, j JSON. Esc to cancel.",
                );
            }
            Action::AddVote => self.vote(1),
            Action::RemoveVote => self.vote(-1),
            Action::Filter => {
                self.mode = Mode::PickFilter;
                self.info("Filter by: p pains, g glories, m moments of truth, z f a s t l a kind, o ordinary, / a tag, channel, persona or owner.");
            }
            Action::ClearFilter => {
                if self.filter.take().is_some() {
                    self.info("Filter off: every moment shows.");
                } else {
                    self.info("No filter is on.");
                }
            }
            Action::Timer => self.timer_key(),
            Action::ResetTimer => {
                if self.timer.take().is_some() {
                    self.info("Timer stopped.");
                } else {
                    self.info("No timer is running.");
                }
            }
            Action::Present => {
                self.mode = Mode::Present { whole_map: false };
                self.info("Presenting: ← → stage, w whole map, Esc back to editing.");
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => return Some(Effect::Save),
            Action::Search => {
                let query = self.search.as_ref().map(|s| s.query.as_str()).unwrap_or("");
                self.mode = Mode::Search {
                    input: TextInput::line(query),
                };
                self.info("Search titles, notes, ideas and tags. Enter finds, Esc cancels.");
            }
            Action::NextMatch => self.find_match(true, false),
            Action::PreviousMatch => self.find_match(false, false),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Quit => {
                if self.is_modified() {
                    self.mode = Mode::Confirm(Confirm::Quit);
                    self.warn("There are unsaved changes.");
                } else {
                    return Some(Effect::Quit);
                }
            }
        }
        None
    }

    fn refuse_in_read_only(&mut self, what: &str) {
        // "make it a pain; again for a deep pain" → "make it a pain".
        let what = what.split([';', '(']).next().unwrap_or(what).trim();
        let mut file = self.document.path.display().to_string();
        if file.contains(char::is_whitespace) {
            file = format!("'{file}'");
        }
        self.warn(format!(
            "Read-only view: cannot {what}. To edit: motmap {file}"
        ));
    }

    fn step_stage(&mut self, step: isize) {
        let stages = self.journey().stages().len();
        match self.selection.stage.checked_add_signed(step) {
            Some(next) if next < stages => {
                self.selection.stage = next;
                self.clamp_selection();
            }
            _ if stages == 0 => self.hint_add_stage(),
            _ => self.info(if step < 0 {
                "This is the first stage."
            } else {
                "This is the last stage."
            }),
        }
    }

    fn step_moment(&mut self, step: isize) {
        let moments = self.selected_stage().map_or(0, |s| s.moments.len());
        match self.selection.moment.checked_add_signed(step) {
            Some(next) if next < moments => self.selection.moment = next,
            _ if moments == 0 => {
                let add = self.keymap.first_label(Action::AddMoment);
                self.info(format!("This stage has no moments yet: {add} adds one."));
            }
            _ => self.info(if step < 0 {
                "This is the first moment of the stage."
            } else {
                "This is the last moment of the stage."
            }),
        }
    }

    fn hint_add_stage(&mut self) {
        let add = self.keymap.first_label(Action::AddStage);
        self.info(format!("The journey has no stages yet: {add} adds one."));
    }

    /// The selected moment, or a hint on the status line when there is none.
    fn moment_or_hint(&mut self) -> Option<Moment> {
        if let Some(moment) = self.selected_moment() {
            return Some(moment.clone());
        }
        if self.selected_stage().is_some() {
            let add = self.keymap.first_label(Action::AddMoment);
            self.info(format!("No moment here: {add} adds one."));
        } else {
            self.hint_add_stage();
        }
        None
    }

    fn stage_or_hint(&mut self) -> Option<Stage> {
        let stage = self.selected_stage().cloned();
        if stage.is_none() {
            self.hint_add_stage();
        }
        stage
    }

    fn add_moment(&mut self) {
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        let index = if stage.moments.is_empty() {
            0
        } else {
            self.selection.moment + 1
        };
        let mut moment = Moment::new("");
        moment.id = self.document.journey.allocate_id();
        let target = TextTarget::MomentTitle(moment.id);
        let insert = Edit::InsertMoment {
            stage: stage.id,
            index,
            moment,
        };
        let message = format!(
            "New moment in {}: type its title, Enter adds it, Esc cancels.",
            quoted(&stage.name)
        );
        self.begin_adding(insert, target, message);
    }

    fn add_stage(&mut self) {
        let index = if self.journey().stages().is_empty() {
            0
        } else {
            self.selection.stage + 1
        };
        let mut stage = Stage::new("");
        stage.id = self.document.journey.allocate_id();
        let target = TextTarget::StageName(stage.id);
        let message = "New stage: type its name, Enter adds it, Esc cancels.".to_string();
        self.begin_adding(Edit::InsertStage { index, stage }, target, message);
    }

    /// Opens the field for changing an existing title, name or description.
    fn start_typing(&mut self, target: TextTarget, input: TextInput, hint: String) {
        self.mode = Mode::EditText {
            target,
            input,
            creating: false,
        };
        self.info(format!("{hint} Enter keeps it, Esc cancels."));
    }

    /// Puts a new card or stage on the board at once, selected, with the field for its
    /// title open. It is recorded in the history only when the title is confirmed, and
    /// taken away again (the selection going back) if the typing is cancelled.
    fn begin_adding(&mut self, insert: Edit, target: TextTarget, message: String) {
        self.selection_before_add = Some(self.selection);
        if self.document.journey.apply(insert).is_err() {
            return;
        }
        match target {
            TextTarget::MomentTitle(id) => self.select_moment(id),
            TextTarget::StageName(id) => self.select_stage(id),
            _ => {}
        }
        self.mode = Mode::EditText {
            target,
            input: TextInput::line(""),
            creating: true,
        };
        self.info(message);
    }

    fn edit_text_key(&mut self, key: &KeyEvent) -> Option<Effect> {
        let Mode::EditText {
            target,
            input,
            creating,
        } = &mut self.mode
        else {
            return None;
        };
        let (target, creating) = (*target, *creating);
        match input.handle_key(key) {
            InputOutcome::Edited | InputOutcome::Ignored => {}
            InputOutcome::Cancel => {
                self.mode = Mode::Board;
                if creating {
                    self.remove_uncommitted(target);
                    self.info("Nothing added.");
                } else {
                    self.info("Left as it was.");
                }
            }
            InputOutcome::Submit => {
                let text = input.text().trim().to_owned();
                self.commit_text(target, text, creating);
            }
        }
        None
    }

    /// Takes away a card or stage that was added but never named.
    fn remove_uncommitted(&mut self, target: TextTarget) {
        let edit = match target {
            TextTarget::MomentTitle(id) => Edit::RemoveMoment { id },
            TextTarget::StageName(id) => Edit::RemoveStage { id },
            _ => return,
        };
        let _ = self.document.journey.apply(edit);
        if let Some(selection) = self.selection_before_add.take() {
            self.selection = selection;
        }
        self.clamp_selection();
    }

    fn commit_text(&mut self, target: TextTarget, text: String, creating: bool) {
        if target.is_description() {
            self.mode = Mode::Board;
            self.commit_description(target, text);
            return;
        }
        if text.is_empty() {
            if creating {
                self.mode = Mode::Board;
                self.remove_uncommitted(target);
                self.info("Nothing added: the title was empty.");
            } else {
                let what = match target {
                    TextTarget::StageName(_) => "A stage's name",
                    _ => "A title",
                };
                self.error(format!(
                    "{what} cannot be empty: type one, or Esc to keep the old one."
                ));
            }
            return;
        }
        self.mode = Mode::Board;
        let (field_edit, inverse_of_add, what) = match target {
            TextTarget::MomentTitle(id) => (
                Edit::SetMomentText {
                    id,
                    field: MomentField::Title,
                    text: text.clone(),
                },
                Edit::RemoveMoment { id },
                "moment",
            ),
            TextTarget::StageName(id) => (
                Edit::SetStageText {
                    id,
                    field: StageField::Name,
                    text: text.clone(),
                },
                Edit::RemoveStage { id },
                "stage",
            ),
            // Descriptions went to `commit_description` above.
            TextTarget::StageDescription(_)
            | TextTarget::JourneyDescription
            | TextTarget::Personas => {
                return;
            }
            TextTarget::JourneyTitle => {
                if text != self.journey().title {
                    self.change(
                        "rename the journey",
                        vec![Edit::SetJourneyText {
                            field: JourneyField::Title,
                            text: text.clone(),
                        }],
                    );
                }
                self.success(format!("The journey is called {}.", quoted(&text)));
                return;
            }
        };
        if creating {
            self.selection_before_add = None;
            // One undo step takes the whole addition away.
            if self.document.journey.apply(field_edit).is_ok() {
                self.history.record(
                    format!("add {what} {}", quoted(&text)),
                    vec![inverse_of_add],
                );
                self.success(format!("Added {what} {}.", quoted(&text)));
            }
        } else {
            let old = match target {
                TextTarget::MomentTitle(id) => self.journey().moment(id).map(|m| m.title.clone()),
                TextTarget::StageName(id) => self
                    .journey()
                    .stage_index(id)
                    .map(|i| self.journey().stages()[i].name.clone()),
                _ => None,
            };
            if old.as_deref() == Some(text.as_str()) {
                self.info("Left as it was.");
            } else if self.change(format!("rename {what} {}", quoted(&text)), vec![field_edit]) {
                self.success(format!("Renamed the {what} {}.", quoted(&text)));
            }
        }
    }

    /// A stage's or the journey's description: may be emptied, may span lines.
    fn commit_description(&mut self, target: TextTarget, text: String) {
        let (edit, old, whose) = match target {
            TextTarget::StageDescription(id) => {
                let Some(index) = self.journey().stage_index(id) else {
                    return;
                };
                let stage = &self.journey().stages()[index];
                (
                    Edit::SetStageText {
                        id,
                        field: StageField::Description,
                        text: text.clone(),
                    },
                    stage.description.clone(),
                    format!("stage {}", quoted(&stage.name)),
                )
            }
            TextTarget::Personas => {
                let personas =
                    crate::model::clean_tags(text.split(',').map(str::to_owned).collect());
                if personas == self.journey().personas {
                    self.info("Left as it was.");
                } else if self.change("name the personas", vec![Edit::SetPersonas { personas }]) {
                    self.success("Personas changed; the summary lists them.");
                }
                return;
            }
            _ => (
                Edit::SetJourneyText {
                    field: JourneyField::Description,
                    text: text.clone(),
                },
                self.journey().description.clone(),
                "journey".to_string(),
            ),
        };
        if old == text {
            self.info("Left as it was.");
        } else if self.change(format!("describe the {whose}"), vec![edit]) {
            self.success(format!("Described the {whose}."));
        }
    }

    fn delete_moment(&mut self) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let label = format!("delete {}", quoted(&moment.title));
        if self.change(label, vec![Edit::RemoveMoment { id: moment.id }]) {
            self.clamp_selection();
            let undo = self.keymap.first_label(Action::Undo);
            self.success(format!(
                "Deleted {}. {undo} brings it back.",
                quoted(&moment.title)
            ));
        }
    }

    fn delete_stage(&mut self) {
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        if stage.moments.is_empty() {
            self.delete_stage_now(stage.id);
        } else {
            self.mode = Mode::Confirm(Confirm::DeleteStage(stage.id));
            self.warn(format!(
                "Delete {} and its {}?",
                quoted(&stage.name),
                crate::text::plural(stage.moments.len(), "moment", "moments")
            ));
        }
    }

    fn delete_stage_now(&mut self, id: crate::model::Id) {
        let Some(index) = self.journey().stage_index(id) else {
            return;
        };
        let name = self.journey().stages()[index].name.clone();
        if self.change(
            format!("delete stage {}", quoted(&name)),
            vec![Edit::RemoveStage { id }],
        ) {
            self.clamp_selection();
            let undo = self.keymap.first_label(Action::Undo);
            self.success(format!(
                "Deleted stage {}. {undo} brings it back.",
                quoted(&name)
            ));
        }
    }

    /// `p` and `g`: first a pain (or glory), then a deep one.
    fn make_pain_or_glory(&mut self, sign: i8) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let current = moment.feeling.value();
        let target = if current.signum() == sign {
            Feeling::clamped(i64::from(sign) * 2)
        } else {
            Feeling::clamped(i64::from(sign))
        };
        self.set_feeling(target);
    }

    fn shift_feeling(&mut self, step: i8) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        self.set_feeling(Feeling::clamped(i64::from(moment.feeling.value() + step)));
    }

    fn set_feeling(&mut self, feeling: Feeling) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let title = quoted(&moment.title);
        if moment.feeling == feeling {
            self.info(format!("{title} already is {}.", feeling.phrase()));
            return;
        }
        let label = format!("make {title} {}", feeling.phrase());
        if self.change(
            label,
            vec![Edit::SetFeeling {
                id: moment.id,
                feeling,
            }],
        ) {
            self.success(format!("{title} is now {}.", feeling.phrase()));
        }
    }

    fn set_kind(&mut self, kind: Option<Kind>) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let title = quoted(&moment.title);
        let phrase = match kind {
            Some(kind) => format!("{} ({})", kind.with_article(), kind.name()),
            None => "an ordinary touchpoint".to_string(),
        };
        if moment.kind == kind {
            self.info(format!("{title} already is {phrase}."));
            return;
        }
        if self.change(
            format!("make {title} {phrase}"),
            vec![Edit::SetKind {
                id: moment.id,
                kind,
            }],
        ) {
            self.success(format!("{title} is now {phrase}."));
        }
    }

    fn move_moment_across(&mut self, step: isize) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let stages = self.journey().stages();
        let Some(target) = self
            .selection
            .stage
            .checked_add_signed(step)
            .filter(|&t| t < stages.len())
        else {
            self.info(if step < 0 {
                "Already in the first stage."
            } else {
                "Already in the last stage."
            });
            return;
        };
        let to = &stages[target];
        let index = self.selection.moment.min(to.moments.len());
        let (stage_id, stage_name) = (to.id, to.name.clone());
        if self.change(
            format!("move {} to {}", quoted(&moment.title), quoted(&stage_name)),
            vec![Edit::MoveMoment {
                id: moment.id,
                stage: stage_id,
                index,
            }],
        ) {
            self.select_moment(moment.id);
            self.success(format!(
                "Moved {} to {}.",
                quoted(&moment.title),
                quoted(&stage_name)
            ));
        }
    }

    fn move_moment_within(&mut self, step: isize) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let (stage_id, len) = match self.selected_stage() {
            Some(stage) => (stage.id, stage.moments.len()),
            None => return,
        };
        let Some(index) = self
            .selection
            .moment
            .checked_add_signed(step)
            .filter(|&i| i < len)
        else {
            self.info(if step < 0 {
                "Already at the top of the stage."
            } else {
                "Already at the bottom of the stage."
            });
            return;
        };
        if self.change(
            format!(
                "move {} {}",
                quoted(&moment.title),
                if step < 0 { "up" } else { "down" }
            ),
            vec![Edit::MoveMoment {
                id: moment.id,
                stage: stage_id,
                index,
            }],
        ) {
            self.select_moment(moment.id);
            self.success(format!(
                "Moved {} {}.",
                quoted(&moment.title),
                if step < 0 { "up" } else { "down" }
            ));
        }
    }

    fn move_stage(&mut self, step: isize) {
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        let stages = self.journey().stages().len();
        let Some(to) = self
            .selection
            .stage
            .checked_add_signed(step)
            .filter(|&t| t < stages)
        else {
            self.info(if step < 0 {
                "Already the first stage."
            } else {
                "Already the last stage."
            });
            return;
        };
        let side = if step < 0 { "left" } else { "right" };
        if self.change(
            format!("move stage {} {side}", quoted(&stage.name)),
            vec![Edit::MoveStage { id: stage.id, to }],
        ) {
            self.selection.stage = to;
            self.clamp_selection();
            self.success(format!("Moved stage {} {side}.", quoted(&stage.name)));
        }
    }

    fn undo(&mut self) {
        match self.history.undo(&mut self.document.journey) {
            Some(replayed) => {
                self.follow(&replayed.edits);
                self.success(format!("Undid: {}.", replayed.label));
            }
            None => self.info("Nothing to undo."),
        }
    }

    fn redo(&mut self) {
        match self.history.redo(&mut self.document.journey) {
            Some(replayed) => {
                self.follow(&replayed.edits);
                self.success(format!("Redid: {}.", replayed.label));
            }
            None => self.info("Nothing to redo."),
        }
    }

    /// Selects what an undo or redo touched, so the user sees what changed.
    fn follow(&mut self, edits: &[Edit]) {
        for edit in edits {
            match edit {
                Edit::InsertMoment { moment, .. } => self.select_moment(moment.id),
                Edit::MoveMoment { id, .. }
                | Edit::SetMomentText { id, .. }
                | Edit::SetKind { id, .. }
                | Edit::SetFeeling { id, .. }
                | Edit::SetEvidence { id, .. }
                | Edit::SetTags { id, .. }
                | Edit::SetVotes { id, .. } => self.select_moment(*id),
                Edit::InsertStage { stage, .. } => self.select_stage(stage.id),
                Edit::MoveStage { id, .. } | Edit::SetStageText { id, .. } => {
                    let moment = self.selection.moment;
                    self.select_stage(*id);
                    self.selection.moment = moment;
                }
                Edit::RemoveMoment { .. }
                | Edit::RemoveStage { .. }
                | Edit::SetJourneyText { .. }
                | Edit::SetPersonas { .. }
                | Edit::ReplaceJourney { .. } => {}
            }
        }
        self.clamp_selection();
    }
}
