//! The update step: a key or an action changes the editor's state. No I/O happens here;
//! what needs it is returned as an [`Effect`].

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
use crate::app::{App, Confirm, DetailField, Effect, Mode, Search, TextTarget};
use crate::input::{InputOutcome, TextInput};
use std::time::Instant;

use crate::model::{
    Edit, Evidence, Feeling, JourneyField, Kind, Moment, MomentField, Stage, StageField,
};
use crate::workshop::{Filter, Screen, Timer, parse_minutes};

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

/// A title shortened and quoted for the status line.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 32;
    if text.chars().count() > MAX {
        format!("“{}…”", text.chars().take(MAX - 1).collect::<String>())
    } else {
        format!("“{text}”")
    }
}

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
        }
    }

    fn pick_filter_key(&mut self, key: &KeyEvent) {
        let filter = match key.code {
            KeyCode::Char('p') => Filter::Pains,
            KeyCode::Char('g') => Filter::Glories,
            KeyCode::Char('m') => Filter::MomentsOfTruth,
            KeyCode::Char('o') | KeyCode::Char('n') => Filter::Kind(None),
            KeyCode::Char('/') => {
                self.mode = Mode::FilterText {
                    input: TextInput::line(""),
                };
                self.info("Show the moments whose tag, channel, persona or owner contains: (Enter filters, Esc cancels)");
                return;
            }
            KeyCode::Char(c) => {
                match KIND_MENU.iter().find(|(k, kind)| *k == c && kind.is_some()) {
                    Some((_, kind)) => Filter::Kind(*kind),
                    None => {
                        self.info(
                            "Press p g m o, a kind letter z f a s t l, or / to type; Esc cancels.",
                        );
                        return;
                    }
                }
            }
            KeyCode::Esc => {
                self.mode = Mode::Board;
                self.info("Filter left as it was.");
                return;
            }
            _ => return,
        };
        self.mode = Mode::Board;
        self.apply_filter(filter);
    }

    fn apply_filter(&mut self, filter: Filter) {
        let matching = self
            .journey()
            .moments()
            .filter(|(_, m)| filter.matches(m))
            .count();
        let clear = self.keymap.first_label(Action::ClearFilter);
        self.info(format!(
            "Filter on: {}, {} of {}; the rest are dimmed. {clear} clears it.",
            filter.label(),
            crate::outline::plural(matching, "moment", "moments"),
            self.journey().moment_count()
        ));
        self.filter = Some(filter);
    }

    /// The one-line prompts for a filter text and a timer length.
    fn prompt_key(&mut self, key: &KeyEvent) {
        let (Mode::FilterText { input } | Mode::TimerLength { input }) = &mut self.mode else {
            return;
        };
        match input.handle_key(key) {
            InputOutcome::Edited | InputOutcome::Ignored => {}
            InputOutcome::Cancel => {
                self.mode = Mode::Board;
                self.info("Cancelled.");
            }
            InputOutcome::Submit => {
                let text = input.text().trim().to_owned();
                let is_filter = matches!(self.mode, Mode::FilterText { .. });
                if is_filter {
                    self.mode = Mode::Board;
                    if text.is_empty() {
                        self.info("Nothing typed: no filter.");
                    } else {
                        self.apply_filter(Filter::Text(text));
                    }
                } else if let Some(length) = parse_minutes(&text) {
                    self.mode = Mode::Board;
                    self.timer_length = length;
                    self.timer = Some(Timer::start(length, Instant::now()));
                    let pause = self.keymap.first_label(Action::Timer);
                    self.success(format!(
                        "Countdown of {} started. {pause} pauses it.",
                        Timer::start(length, Instant::now()).display(Instant::now())
                    ));
                } else {
                    self.error("That is not a length: type minutes such as 5 or 2.5, or seconds such as 90s.");
                }
            }
        }
    }

    fn present_key(&mut self, key: &KeyEvent, whole_map: bool) -> Option<Effect> {
        match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 'P') => {
                self.mode = Mode::Board;
                self.info("Back to editing.");
            }
            KeyCode::Char('w') => {
                self.mode = Mode::Present {
                    whole_map: !whole_map,
                };
            }
            KeyCode::Left | KeyCode::Char('h') => self.step_stage(-1),
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => self.step_stage(1),
            KeyCode::Up | KeyCode::Char('k') => self.step_moment(-1),
            KeyCode::Down | KeyCode::Char('j') => self.step_moment(1),
            // No prompt over the presentation: a new countdown takes the last length.
            KeyCode::Char('T') => match &mut self.timer {
                Some(timer) if !timer.is_up(Instant::now()) => timer.toggle(Instant::now()),
                _ => self.timer = Some(Timer::start(self.timer_length, Instant::now())),
            },
            _ => {}
        }
        None
    }

    /// Text pasted into the terminal goes into the field being typed into, if any.
    pub fn handle_paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::EditText { input, .. }
            | Mode::Search { input }
            | Mode::Details {
                editing: Some(input),
                ..
            } => input.insert(text),
            _ => self.info("Paste goes into a field being edited: press e, a or Enter first."),
        }
    }

    /// Carries out one action from the board.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
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
                    self.mode = Mode::EditText {
                        target: TextTarget::MomentTitle(moment.id),
                        input: TextInput::line(&moment.title),
                        creating: false,
                    };
                    self.info("Type the title. Enter keeps it, Esc cancels.");
                }
            }
            Action::RenameStage => {
                if let Some(stage) = self.stage_or_hint() {
                    self.mode = Mode::EditText {
                        target: TextTarget::StageName(stage.id),
                        input: TextInput::line(&stage.name),
                        creating: false,
                    };
                    self.info("Type the stage's name. Enter keeps it, Esc cancels.");
                }
            }
            Action::RenameJourney => {
                self.mode = Mode::EditText {
                    target: TextTarget::JourneyTitle,
                    input: TextInput::line(&self.journey().title),
                    creating: false,
                };
                self.info("Type the journey's title. Enter keeps it, Esc cancels.");
            }
            Action::DescribeStage => {
                if let Some(stage) = self.stage_or_hint() {
                    self.mode = Mode::EditText {
                        target: TextTarget::StageDescription(stage.id),
                        input: TextInput::multiline(&stage.description),
                        creating: false,
                    };
                    self.info(format!(
                        "What happens in {}? Enter keeps it, Esc cancels.",
                        quoted(&stage.name)
                    ));
                }
            }
            Action::DescribeJourney => {
                self.mode = Mode::EditText {
                    target: TextTarget::JourneyDescription,
                    input: TextInput::multiline(&self.journey().description),
                    creating: false,
                };
                self.info("Describe the journey: who, what, from where to where. Enter keeps it, Esc cancels.");
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

    fn vote(&mut self, step: i64) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let title = quoted(&moment.title);
        if step < 0 && moment.votes == 0 {
            self.info(format!("{title} has no votes to take back."));
            return;
        }
        let votes = (i64::from(moment.votes) + step).max(0) as u32;
        let label = if step > 0 {
            format!("vote for {title}")
        } else {
            format!("take a vote back from {title}")
        };
        if self.change(
            label,
            vec![Edit::SetVotes {
                id: moment.id,
                votes,
            }],
        ) {
            self.success(format!(
                "{title} has {}.",
                crate::outline::plural(votes as usize, "vote", "votes")
            ));
        }
    }

    fn timer_key(&mut self) {
        let now = Instant::now();
        match &mut self.timer {
            Some(timer) if !timer.is_up(now) => {
                timer.toggle(now);
                let state = if timer.is_running() {
                    "running"
                } else {
                    "paused"
                };
                let shown = timer.display(now);
                let reset = self.keymap.first_label(Action::ResetTimer);
                self.info(format!("Timer {state} at {shown}. {reset} stops it."));
            }
            _ => {
                let minutes = self.timer_length.as_secs_f64() / 60.0;
                let text = if minutes.fract() == 0.0 {
                    format!("{minutes:.0}")
                } else {
                    format!("{minutes}")
                };
                self.mode = Mode::TimerLength {
                    input: TextInput::line(&text),
                };
                self.info("Minutes for the countdown (5, 2.5, 90s). Enter starts it, Esc cancels.");
            }
        }
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
        // The card appears at once while its title is typed; it is recorded in the history
        // only when the title is confirmed, and removed again if the typing is cancelled.
        self.selection_before_add = Some(self.selection);
        let mut moment = Moment::new("");
        moment.id = self.document.journey.allocate_id();
        let id = moment.id;
        if self
            .document
            .journey
            .apply(Edit::InsertMoment {
                stage: stage.id,
                index,
                moment,
            })
            .is_ok()
        {
            self.select_moment(id);
            self.mode = Mode::EditText {
                target: TextTarget::MomentTitle(id),
                input: TextInput::line(""),
                creating: true,
            };
            self.info(format!(
                "New moment in {}: type its title, Enter adds it, Esc cancels.",
                quoted(&stage.name)
            ));
        }
    }

    fn add_stage(&mut self) {
        let index = if self.journey().stages().is_empty() {
            0
        } else {
            self.selection.stage + 1
        };
        self.selection_before_add = Some(self.selection);
        let mut stage = Stage::new("");
        stage.id = self.document.journey.allocate_id();
        let id = stage.id;
        if self
            .document
            .journey
            .apply(Edit::InsertStage { index, stage })
            .is_ok()
        {
            self.select_stage(id);
            self.mode = Mode::EditText {
                target: TextTarget::StageName(id),
                input: TextInput::line(""),
                creating: true,
            };
            self.info("New stage: type its name, Enter adds it, Esc cancels.");
        }
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
            TextTarget::StageDescription(_) | TextTarget::JourneyDescription => return,
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
                crate::outline::plural(stage.moments.len(), "moment", "moments")
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

    fn pick_kind_key(&mut self, key: &KeyEvent, highlighted: usize) -> Option<Effect> {
        let choose = |app: &mut App, row: usize| {
            app.mode = Mode::Board;
            app.set_kind(KIND_MENU[row].1);
        };
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Board;
                self.info("Kind left as it was.");
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::PickKind {
                    highlighted: highlighted.saturating_sub(1),
                }
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::PickKind {
                    highlighted: (highlighted + 1).min(KIND_MENU.len() - 1),
                }
            }
            KeyCode::Enter => choose(self, highlighted),
            KeyCode::Char(c) => match KIND_MENU
                .iter()
                .position(|(k, _)| *k == c.to_ascii_lowercase())
            {
                Some(row) => choose(self, row),
                None => self
                    .info("Press z f a s t or l for a moment of truth, n for none, Esc to cancel."),
            },
            _ => {}
        }
        None
    }

    fn details_key(
        &mut self,
        key: &KeyEvent,
        field: usize,
        editing: Option<TextInput>,
    ) -> Option<Effect> {
        let Some(moment) = self.selected_moment().cloned() else {
            self.mode = Mode::Board;
            return None;
        };
        let which = DetailField::ALL[field];
        if let Some(mut input) = editing {
            match input.handle_key(key) {
                InputOutcome::Edited | InputOutcome::Ignored => {
                    self.mode = Mode::Details {
                        field,
                        editing: Some(input),
                    };
                }
                InputOutcome::Cancel => {
                    self.mode = Mode::Details {
                        field,
                        editing: None,
                    };
                    self.info("Left as it was.");
                }
                InputOutcome::Submit => {
                    if which == DetailField::Title && input.text().trim().is_empty() {
                        self.mode = Mode::Details {
                            field,
                            editing: Some(input),
                        };
                        self.error(
                            "A title cannot be empty: type one, or Esc to keep the old one.",
                        );
                        return None;
                    }
                    self.mode = Mode::Details {
                        field,
                        editing: None,
                    };
                    self.set_detail_text(&moment, which, input.text());
                }
            }
            return None;
        }
        let changes = matches!(
            key.code,
            KeyCode::Enter | KeyCode::Char('e' | 'h' | 'l' | 'u') | KeyCode::Left | KeyCode::Right
        ) || (key.code == KeyCode::Char('r')
            && key.modifiers.contains(KeyModifiers::CONTROL));
        if self.read_only && changes {
            self.refuse_in_read_only("change this field");
            return None;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.mode = Mode::Board;
                self.info("Details closed.");
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.mode = Mode::Details {
                    field: field.saturating_sub(1),
                    editing: None,
                }
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.mode = Mode::Details {
                    field: (field + 1).min(DetailField::ALL.len() - 1),
                    editing: None,
                }
            }
            KeyCode::Left | KeyCode::Char('h') if which.is_choice() => {
                self.cycle_detail(&moment, which, -1)
            }
            KeyCode::Right | KeyCode::Char('l') if which.is_choice() => {
                self.cycle_detail(&moment, which, 1)
            }
            KeyCode::Enter | KeyCode::Char('e') if which.is_choice() => {
                self.cycle_detail(&moment, which, 1)
            }
            KeyCode::Enter | KeyCode::Char('e') => {
                let input = match which {
                    DetailField::Tags => TextInput::line(&moment.tags.join(", ")),
                    DetailField::Notes => TextInput::multiline(&moment.notes),
                    DetailField::Idea => TextInput::multiline(&moment.idea),
                    other => TextInput::line(
                        moment.text(other.text_field().unwrap_or(MomentField::Title)),
                    ),
                };
                let hint = if input.is_multiline() {
                    "Enter keeps it, Alt-Enter or Ctrl-j starts a new line, Esc cancels."
                } else if which == DetailField::Tags {
                    "Separate tags with commas. Enter keeps them, Esc cancels."
                } else {
                    "Enter keeps it, Esc cancels."
                };
                self.info(format!("Editing {}. {hint}", which.label().to_lowercase()));
                self.mode = Mode::Details {
                    field,
                    editing: Some(input),
                };
            }
            KeyCode::Char('u') => self.undo(),
            KeyCode::Char('r') if key.modifiers.contains(KeyModifiers::CONTROL) => self.redo(),
            _ => {}
        }
        None
    }

    fn set_detail_text(&mut self, moment: &Moment, which: DetailField, text: &str) {
        let edit = if which == DetailField::Tags {
            let tags = crate::model::clean_tags(text.split(',').map(str::to_owned).collect());
            if tags == moment.tags {
                self.info("Left as it was.");
                return;
            }
            Edit::SetTags {
                id: moment.id,
                tags,
            }
        } else {
            let Some(field) = which.text_field() else {
                return;
            };
            let text = if field.is_multiline() {
                text.trim_end().to_owned()
            } else {
                text.trim().to_owned()
            };
            if moment.text(field) == text {
                self.info("Left as it was.");
                return;
            }
            Edit::SetMomentText {
                id: moment.id,
                field,
                text,
            }
        };
        let name = which.label().to_lowercase();
        if self.change(
            format!("change the {name} of {}", quoted(&moment.title)),
            vec![edit],
        ) {
            self.success(format!("Changed the {name} of {}.", quoted(&moment.title)));
        }
    }

    fn cycle_detail(&mut self, moment: &Moment, which: DetailField, step: isize) {
        match which {
            DetailField::Kind => {
                let at = KIND_MENU
                    .iter()
                    .position(|(_, k)| *k == moment.kind)
                    .unwrap_or(6);
                let next = (at as isize + step).rem_euclid(KIND_MENU.len() as isize) as usize;
                self.set_kind(KIND_MENU[next].1);
            }
            DetailField::Feeling => {
                self.set_feeling(Feeling::clamped(
                    i64::from(moment.feeling.value()) + step as i64,
                ));
            }
            DetailField::Evidence => {
                let choices = [
                    None,
                    Some(Evidence::Observed),
                    Some(Evidence::Reported),
                    Some(Evidence::Assumed),
                ];
                let at = choices
                    .iter()
                    .position(|e| *e == moment.evidence)
                    .unwrap_or(0);
                let next =
                    choices[(at as isize + step).rem_euclid(choices.len() as isize) as usize];
                let label = next.map_or("unknown", Evidence::label);
                if self.change(
                    format!("mark the evidence of {} {label}", quoted(&moment.title)),
                    vec![Edit::SetEvidence {
                        id: moment.id,
                        evidence: next,
                    }],
                ) {
                    self.success(format!("Evidence for {}: {label}.", quoted(&moment.title)));
                }
            }
            _ => {}
        }
    }

    fn help_key(&mut self, key: &KeyEvent, scroll: u16) {
        // As far as the overlay could scroll when it was last drawn, no further.
        let scroll = scroll.min(self.view.help_max_scroll);
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_add(1),
                }
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_sub(1),
                }
            }
            KeyCode::PageDown | KeyCode::Char(' ') => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_add(10),
                }
            }
            KeyCode::PageUp => {
                self.mode = Mode::Help {
                    scroll: scroll.saturating_sub(10),
                }
            }
            _ => {
                self.mode = Mode::Board;
                self.info("Help closed.");
            }
        }
    }

    fn search_key(&mut self, key: &KeyEvent) -> Option<Effect> {
        let Mode::Search { input } = &mut self.mode else {
            return None;
        };
        match input.handle_key(key) {
            InputOutcome::Edited | InputOutcome::Ignored => {}
            InputOutcome::Cancel => {
                self.mode = Mode::Board;
                self.info("Search cancelled.");
            }
            InputOutcome::Submit => {
                let query = input.text().trim().to_owned();
                self.mode = Mode::Board;
                if query.is_empty() {
                    self.search = None;
                    self.info("Search cleared.");
                } else {
                    self.search = Some(Search { query });
                    self.find_match(true, true);
                }
            }
        }
        None
    }

    /// Moves to the next (or previous) moment matching the last search. `from_here` lets
    /// the selected moment itself count, for a fresh search.
    fn find_match(&mut self, forward: bool, from_here: bool) {
        let Some(search) = &self.search else {
            let key = self.keymap.first_label(Action::Search);
            self.info(format!("Nothing searched yet: {key} searches."));
            return;
        };
        let needle = search.query.to_lowercase();
        let query = search.query.clone();
        let positions: Vec<(usize, usize)> = self
            .journey()
            .stages()
            .iter()
            .enumerate()
            .flat_map(|(s, stage)| {
                let needle = &needle;
                stage
                    .moments
                    .iter()
                    .enumerate()
                    .filter(move |(_, m)| m.matches(needle))
                    .map(move |(m, _)| (s, m))
            })
            .collect();
        if positions.is_empty() {
            self.warn(format!("No moment mentions {}.", quoted(&query)));
            return;
        }
        let here = (self.selection.stage, self.selection.moment);
        let found = if forward {
            positions
                .iter()
                .position(|&p| if from_here { p >= here } else { p > here })
                .unwrap_or(0)
        } else {
            positions
                .iter()
                .rposition(|&p| p < here)
                .unwrap_or(positions.len() - 1)
        };
        let (stage, moment) = positions[found];
        self.selection = crate::app::Selection { stage, moment };
        let next = self.keymap.first_label(Action::NextMatch);
        let previous = self.keymap.first_label(Action::PreviousMatch);
        self.info(format!(
            "Match {} of {} for {}. {next} next, {previous} previous.",
            found + 1,
            positions.len(),
            quoted(&query)
        ));
    }

    fn confirm_key(&mut self, key: &KeyEvent, question: Confirm) -> Option<Effect> {
        let answer = match key.code {
            KeyCode::Char(c) => Some(c.to_ascii_lowercase()),
            KeyCode::Esc => None,
            _ => return None,
        };
        match (question, answer) {
            (Confirm::DeleteStage(id), Some('y')) => {
                self.mode = Mode::Board;
                self.delete_stage_now(id);
            }
            (Confirm::DeleteStage(_), _) => {
                self.mode = Mode::Board;
                self.info("The stage stays.");
            }
            (Confirm::Quit, Some('y')) => return Some(Effect::Save),
            (Confirm::Quit, Some('n')) => return Some(Effect::Quit),
            (Confirm::Quit, None) => {
                self.mode = Mode::Board;
                self.info("Still here; nothing was lost.");
            }
            (Confirm::Overwrite, Some('o')) => return Some(Effect::SaveOverwriting),
            (Confirm::Overwrite, Some('r')) => return Some(Effect::Reload),
            (Confirm::Overwrite, None) => {
                self.cancel_quit_after_save();
                self.mode = Mode::Board;
                self.info("Not saved. Your changes are still here, and so is the file on disk.");
            }
            (Confirm::Restore(_), Some('r')) => return Some(Effect::RestoreRecovery),
            (Confirm::Restore(_), Some('d')) => return Some(Effect::DiscardRecovery),
            (Confirm::Locked(_), Some('e')) => return Some(Effect::EditAnyway),
            (Confirm::Locked(_), Some('q')) => return Some(Effect::Quit),
            (Confirm::Locked(_), Some('r') | None) => return Some(Effect::ReadOnly),
            (Confirm::Restore(path), None) => {
                self.mode = Mode::Board;
                self.info(format!(
                    "The recovery file {} stays; opening the map again asks once more.",
                    path.display()
                ));
            }
            _ => {}
        }
        None
    }
}
