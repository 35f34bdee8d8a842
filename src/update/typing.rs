//! Text fields: the typing context's keys, and what keeping or cancelling the text does
//! for each field (a title, a name, a description, the personas, a field of the details,
//! a search, a filter, a countdown's length).

use crossterm::event::KeyCode;

use crate::action::Action;
use crate::app::{App, DetailField, Effect, Mode, Search, TextTarget};
use crate::input::{TextInput, pasted_lines};
use crate::keymap::{Context, Key, Lookup};
use crate::model::{Edit, JourneyField, Moment, MomentField, Stage, StageField, split_list};
use crate::text::{plural, quoted};
use crate::workshop::{Condition, MINUTES_ACCEPTED, Timer, parse_minutes};

impl App {
    /// A key while a field is being typed into: the typing table first (keep, cancel,
    /// move, erase), then the character itself.
    pub(super) fn typing_key(&mut self, key: Key) -> Vec<Effect> {
        let multiline = self.input().is_some_and(TextInput::is_multiline);
        match self.typing_action(key) {
            // A one-line field has no second line: a new line ends the typing.
            Some(Action::KeepText) => return self.keep_text(),
            Some(Action::NewLine) if !multiline => return self.keep_text(),
            Some(Action::CancelText) => self.cancel_text(),
            // Saving from a field of the map keeps what is typed first, so it is saved too;
            // from a search, a filter, a countdown or the command line it leaves the field be.
            Some(Action::Save) => {
                let of_the_map = matches!(self.mode, Mode::EditText { .. } | Mode::Details { .. });
                let mut effects = if of_the_map {
                    self.keep_text()
                } else {
                    Vec::new()
                };
                effects.push(Effect::Save { then_quit: false });
                return effects;
            }
            Some(action) => {
                if let Some(input) = self.input_mut() {
                    input.apply(action);
                }
            }
            None => {
                if let (Some(c), Some(input)) = (key.typed_char(), self.input_mut()) {
                    input.type_char(c);
                }
            }
        }
        Vec::new()
    }

    /// What `key` does in a text field. A key such as Enter, Backspace or an arrow held
    /// with a modifier the table does not know (Ctrl-Enter, Alt-Backspace, Shift-Left)
    /// does what it does without it.
    pub(super) fn typing_action(&self, key: Key) -> Option<Action> {
        let keys = self.keymap();
        match keys.lookup(Context::Typing, &[key]) {
            Lookup::Action(action) => Some(action),
            Lookup::Prefix | Lookup::Unbound if !matches!(key.code, KeyCode::Char(_)) => {
                match keys.lookup(Context::Typing, &[Key::plain(key.code)]) {
                    Lookup::Action(action) => Some(action),
                    Lookup::Prefix | Lookup::Unbound => None,
                }
            }
            Lookup::Prefix | Lookup::Unbound => None,
        }
    }

    /// Enter: the field's text is taken, each field in its own way; a command is run.
    fn keep_text(&mut self) -> Vec<Effect> {
        let Some(text) = self.input().map(|input| input.text().to_owned()) else {
            return Vec::new();
        };
        match &self.mode {
            Mode::Command(_) => return self.run_command(&text),
            Mode::EditText {
                target: TextTarget::Comment { on, back },
                ..
            } => {
                let (on, back) = (*on, *back);
                self.commit_comment(on, back, &text);
            }
            Mode::EditText { target, .. } => {
                let target = *target;
                self.commit_text(target, text.trim().to_owned());
            }
            Mode::Details { field, .. } => {
                let field = *field;
                self.keep_detail(field, &text);
            }
            Mode::Search { .. } => self.search_for(text.trim()),
            Mode::FilterText { .. } => {
                self.mode = Mode::Board;
                let text = text.trim();
                if text.is_empty() {
                    self.info("Nothing typed: the filter stays as it was.");
                } else {
                    self.toggle_condition(Condition::Text(text.to_owned()));
                }
            }
            Mode::TimerLength { presenting, .. } => {
                let presenting = *presenting;
                self.start_countdown(text.trim(), presenting);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Esc: the field closes and everything stays as it was.
    fn cancel_text(&mut self) {
        let message = match &self.mode {
            Mode::EditText {
                target:
                    TextTarget::NewMoment { .. }
                    | TextTarget::NewStage { .. }
                    | TextTarget::Comment { .. },
                ..
            } => "Nothing added.",
            Mode::Search { .. } => "Search cancelled.",
            Mode::FilterText { .. } | Mode::TimerLength { .. } => "Cancelled.",
            // As in vim: the command line goes, saying nothing.
            Mode::Command(_) => "",
            _ => "Left as it was.",
        };
        self.mode = match &self.mode {
            Mode::TimerLength {
                presenting: true, ..
            } => Mode::Present,
            Mode::Details { field, .. } => Mode::Details {
                field: *field,
                editing: None,
            },
            Mode::EditText {
                target:
                    TextTarget::Comment {
                        on,
                        back: Some(row),
                    },
                ..
            } => Mode::comment_list(*on, *row),
            _ => Mode::Board,
        };
        self.info(message);
    }

    fn commit_text(&mut self, target: TextTarget, text: String) {
        if target.is_description() {
            self.mode = Mode::Board;
            self.commit_description(target, text);
            return;
        }
        if text.is_empty() {
            match target {
                TextTarget::NewMoment { .. } | TextTarget::NewStage { .. } => {
                    self.mode = Mode::Board;
                    self.info("Nothing added: the title was empty.");
                }
                TextTarget::StageName(_) => self
                    .error("A stage's name cannot be empty: type one, or Esc to keep the old one."),
                _ => self.error("A title cannot be empty: type one, or Esc to keep the old one."),
            }
            return;
        }
        self.mode = Mode::Board;
        match target {
            TextTarget::NewMoment { stage, index } => {
                self.add_new_moments(stage, index, vec![text])
            }
            TextTarget::NewStage { index } => self.add_new_stage(index, text),
            TextTarget::MomentTitle(id) => {
                let old = self.journey().moment(id).map(|m| m.title.clone());
                let edit = Edit::SetMomentText {
                    id,
                    field: MomentField::Title,
                    text: text.clone(),
                };
                self.rename(old, edit, "moment", &text);
            }
            TextTarget::StageName(id) => {
                let old = self
                    .journey()
                    .stage_index(id)
                    .map(|i| self.journey().stages()[i].name.clone());
                let edit = Edit::SetStageText {
                    id,
                    field: StageField::Name,
                    text: text.clone(),
                };
                self.rename(old, edit, "stage", &text);
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
            }
            // Descriptions went above; a comment never comes here (see `keep_text`).
            TextTarget::StageDescription(_)
            | TextTarget::JourneyDescription
            | TextTarget::Personas
            | TextTarget::Comment { .. } => {}
        }
    }

    /// The answer to lines pasted into a new card's title: a card for each line (the
    /// title typed so far, with the paste where the cursor was), one card with the lines
    /// joined, or back to the title as it was.
    pub(super) fn answer_paste(
        &mut self,
        stage: crate::model::Id,
        index: usize,
        mut typed: TextInput,
        pasted: &str,
        action: Action,
    ) {
        match action {
            Action::PasteAsCards => {
                let (text, at) = (typed.text(), typed.cursor_byte());
                let lines = pasted_lines(&format!("{}{pasted}{}", &text[..at], &text[at..]));
                self.add_new_moments(stage, index, lines);
            }
            Action::PasteAsOneCard => {
                typed.insert(pasted);
                self.mode = Mode::EditText {
                    target: TextTarget::NewMoment { stage, index },
                    input: typed,
                };
                self.info("Pasted as one title.");
            }
            _ => {
                self.mode = Mode::EditText {
                    target: TextTarget::NewMoment { stage, index },
                    input: typed,
                };
                self.info("Nothing pasted.");
            }
        }
    }

    /// Puts a card for each title into the map at `index` of the stage, in order, as one
    /// change (which gives them their ids), and selects the first.
    fn add_new_moments(&mut self, stage: crate::model::Id, index: usize, titles: Vec<String>) {
        let Some(at) = self.journey().stage_index(stage) else {
            return;
        };
        let index = index.min(self.journey().stages()[at].moments.len());
        let (label, message) = match titles.as_slice() {
            [title] => (
                format!("add moment {}", quoted(title)),
                format!("Added moment {}.", quoted(title)),
            ),
            _ => {
                let added = plural(titles.len(), "moment", "moments");
                let undo = self.keymap().board_key(Action::Undo);
                (
                    format!("add {added}"),
                    format!("Added {added}, one for each line; {undo} takes them all back."),
                )
            }
        };
        let edits = titles
            .into_iter()
            .enumerate()
            .map(|(i, title)| Edit::InsertMoment {
                stage,
                index: index + i,
                moment: Moment::new(title),
            })
            .collect();
        if self.change(label, edits) {
            self.selection = crate::app::Selection {
                stage: at,
                moment: index,
            };
            self.success(message);
        }
    }

    /// Puts the new stage into the map, as one change (which gives it its id), and selects
    /// it.
    fn add_new_stage(&mut self, index: usize, name: String) {
        let index = index.min(self.journey().stages().len());
        if self.change(
            format!("add stage {}", quoted(&name)),
            vec![Edit::InsertStage {
                index,
                stage: Stage::new(name.clone()),
            }],
        ) {
            self.selection = crate::app::Selection {
                stage: index,
                moment: 0,
            };
            self.success(format!("Added stage {}.", quoted(&name)));
        }
    }

    fn rename(&mut self, old: Option<String>, edit: Edit, what: &str, text: &str) {
        if old.as_deref() == Some(text) {
            self.info("Left as it was.");
        } else if self.change(format!("rename {what} {}", quoted(text)), vec![edit]) {
            self.success(format!("Renamed the {what} {}.", quoted(text)));
        }
    }

    /// A stage's or the journey's description, or the personas: may be emptied, may span
    /// lines.
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
                let personas = split_list(&text);
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

    /// Enter in a field of the details: the field takes the text; a title may not be
    /// empty.
    fn keep_detail(&mut self, field: usize, text: &str) {
        let Some(moment) = self.selected_moment().cloned() else {
            self.mode = Mode::Board;
            return;
        };
        let crate::app::DetailRow::Field(which) = crate::app::DetailRow::at(field) else {
            return;
        };
        if which == DetailField::Title && text.trim().is_empty() {
            self.say_cannot_be_empty("A title");
            return;
        }
        self.mode = Mode::Details {
            field,
            editing: None,
        };
        self.set_detail_text(&moment, which, text);
    }

    fn say_cannot_be_empty(&mut self, what: &str) {
        let [_, cancel] = self.typing_keys();
        self.error(format!(
            "{what} cannot be empty: type one, or {cancel} to keep the old one."
        ));
    }

    fn search_for(&mut self, query: &str) {
        self.mode = Mode::Board;
        if query.is_empty() {
            self.search = None;
            self.info("Search cleared.");
        } else {
            self.search = Some(Search {
                query: query.to_owned(),
            });
            self.find_match(true, true);
        }
    }

    /// Enter on a countdown's length: empty takes the last length; a length that is not
    /// one keeps the prompt open and says what is.
    fn start_countdown(&mut self, text: &str, presenting: bool) {
        let length = if text.is_empty() {
            Some(self.timer_length)
        } else {
            parse_minutes(text)
        };
        let Some(length) = length else {
            // Short, so it fits beside what was typed on a narrow screen.
            self.error(format!("{MINUTES_ACCEPTED}."));
            return;
        };
        self.mode = if presenting {
            Mode::Present
        } else {
            Mode::Board
        };
        self.timer_length = length;
        let timer = Timer::start(length, self.now);
        let pause = self.keymap().board_key(Action::Timer);
        self.success(format!(
            "Countdown of {} started. {pause} pauses it.",
            timer.display(self.now)
        ));
        self.timer = Some(timer);
    }
}

impl App {
    /// A field of the details takes the typed text (tags and personas split at commas).
    pub(super) fn set_detail_text(&mut self, moment: &Moment, which: DetailField, text: &str) {
        let edit = if let Some(list) = which.list() {
            let items = split_list(text);
            if items == moment.list(list) {
                self.info("Left as it was.");
                return;
            }
            Edit::SetList {
                id: moment.id,
                list,
                items,
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
}
