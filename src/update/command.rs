//! The `:` command line, over the board or a view: opening it, its own keys (Tab
//! completes, `↑` and `↓` go through the commands typed before), and running what is
//! typed. Everything else it takes as a text field does.

use std::path::PathBuf;

use crate::action::Action;
use crate::app::{App, CommandLine, Effect, Mode};
use crate::command::{Command, Completion, parse};
use crate::input::TextInput;
use crate::keymap::{Context, Key, Lookup, where_};
use crate::share::export_path;
use crate::text::{plural, quoted};

/// How many commands the history keeps.
const HISTORY: usize = 100;

impl App {
    /// Opens the command line, saying which keys it has.
    pub(super) fn open_command_line(&mut self) {
        self.mode = Mode::Command(CommandLine::default());
        let own = |a| self.keymap().first_label(Context::CommandLine, a);
        let typing = |a| self.keymap().first_label(Context::Typing, a);
        self.info(format!(
            "{} completes, {} goes back, {} runs, {} cancels.",
            own(Action::CompleteNext),
            own(Action::OlderCommand),
            typing(Action::KeepText),
            typing(Action::CancelText)
        ));
    }

    /// A key on the command line: its own keys first, then a text field's. Backspace on
    /// an empty line closes it, as in vim.
    pub(super) fn command_key(&mut self, key: Key) -> Vec<Effect> {
        if let Lookup::Action(action) = self.keymap().lookup(Context::CommandLine, &[key]) {
            match action {
                Action::CompleteNext => self.complete(1),
                Action::CompletePrevious => self.complete(-1),
                Action::OlderCommand => self.step_history(true),
                Action::NewerCommand => self.step_history(false),
                _ => {}
            }
            return Vec::new();
        }
        let Mode::Command(line) = &mut self.mode else {
            return Vec::new();
        };
        line.completion = None;
        let empty = line.input.text().is_empty();
        if empty && self.typing_action(key) == Some(Action::EraseBefore) {
            self.mode = Mode::Board;
            self.info("");
            return Vec::new();
        }
        self.typing_key(key)
    }

    /// The names of the actions a command may call from where the line was opened: the
    /// view's own, and from a view the board's that open something (which go to the
    /// board to do it); the command line's own key is left out.
    fn command_names(&self) -> Vec<&'static str> {
        let context = self.screen_context();
        let own = self.keymap().table(context).iter().map(|b| b.action);
        let board = self
            .keymap()
            .table(Context::Board)
            .iter()
            .map(|b| b.action)
            .filter(|a| context != Context::Board && a.opens_something());
        own.chain(board)
            .filter(|a| *a != Action::CommandLine)
            .map(Action::name)
            .collect()
    }

    /// Tab (`by` 1) or Shift-Tab (`-1`): the next or previous candidate for the word
    /// typed, the first or last of them when Tab was not pressed yet. A single candidate
    /// is completed and no list is kept.
    fn complete(&mut self, by: isize) {
        let names = self.command_names();
        let Mode::Command(line) = &mut self.mode else {
            return;
        };
        match &mut line.completion {
            Some(completion) => completion.step(by),
            None => {
                let Some(mut completion) = Completion::of(line.input.text(), &names) else {
                    let typed = line.input.text().to_owned();
                    self.info(format!(
                        "Nothing completes `:{typed}`; :help lists the commands."
                    ));
                    return;
                };
                if by < 0 {
                    completion.step(by);
                }
                line.completion = Some(completion);
            }
        }
        if let Some(completion) = line.completion.take() {
            line.input = TextInput::line(&completion.line());
            if completion.candidates.len() > 1 {
                line.completion = Some(completion);
            }
        }
    }

    /// `↑` (`older`) or `↓`: the command typed before or after the one on the line, of
    /// those starting as what was typed; `↓` past the newest brings back what was typed.
    fn step_history(&mut self, older: bool) {
        let history = &self.command_history;
        let Mode::Command(line) = &mut self.mode else {
            return;
        };
        line.completion = None;
        if line.history_at.is_none() {
            line.draft = line.input.text().to_owned();
        }
        let draft = line.draft.as_str();
        let found = match (older, line.history_at) {
            (true, at) => (0..at.unwrap_or(history.len()))
                .rev()
                .find(|&i| history[i].starts_with(draft)),
            (false, Some(at)) => (at + 1..history.len()).find(|&i| history[i].starts_with(draft)),
            (false, None) => return,
        };
        match found {
            Some(at) => {
                line.history_at = Some(at);
                line.input = TextInput::line(&history[at]);
            }
            None if older => {
                let what = if draft.is_empty() {
                    "No earlier command.".to_owned()
                } else {
                    format!("No earlier command starts with `{draft}`.")
                };
                self.info(what);
            }
            None => {
                line.history_at = None;
                line.input = TextInput::line(&line.draft);
            }
        }
    }

    /// Enter on the command line: the command typed is kept in the history and run; one
    /// that is none says what to type instead.
    pub(super) fn run_command(&mut self, typed: &str) -> Vec<Effect> {
        self.mode = Mode::Board;
        let typed = typed.trim();
        if typed.is_empty() {
            self.info("");
            return Vec::new();
        }
        if self.command_history.last().map(String::as_str) != Some(typed) {
            self.command_history.push(typed.to_owned());
            let over = self.command_history.len().saturating_sub(HISTORY);
            self.command_history.drain(..over);
        }
        match parse(typed) {
            Ok(command) => self.run(command),
            Err(message) => {
                self.error(message);
                Vec::new()
            }
        }
    }

    fn run(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Write => return self.act_by_name(Action::Save, ":w"),
            Command::Quit { force: true } => self.should_quit = true,
            Command::Quit { force: false } if self.is_modified() && !self.saves_by_itself() => {
                self.warn("Unsaved changes: :w saves, :q! quits without saving.");
            }
            Command::Quit { force: false } => return self.quit(),
            Command::WriteQuit { only_if_changed }
                if self.read_only || (only_if_changed && !self.is_modified()) =>
            {
                return self.quit();
            }
            Command::WriteQuit { .. } => return vec![Effect::Save { then_quit: true }],
            Command::Edit { force: false, .. } if self.is_modified() => {
                self.warn("Unsaved changes: :w saves, :e! opens the map without saving.");
            }
            Command::Edit { path, .. } => {
                let path = path.map_or_else(|| self.path().to_path_buf(), PathBuf::from);
                return vec![Effect::Open(path)];
            }
            Command::Export { format, path } => {
                let path = path.map_or_else(|| export_path(self.path(), format), PathBuf::from);
                return vec![Effect::Export {
                    format,
                    path,
                    overwrite: false,
                }];
            }
            Command::Stage(number) => self.go_to_stage(number),
            Command::Help => self.mode = Mode::Help { scroll: 0 },
            Command::Action(action) => {
                return self.act_by_name(action, &format!(":{}", action.name()));
            }
        }
        Vec::new()
    }

    /// An action called by name (`typed`) on the command line: what its key does where
    /// the line was opened; from a view, a board action that opens something goes to the
    /// board to do it.
    fn act_by_name(&mut self, action: Action, typed: &str) -> Vec<Effect> {
        let context = self.screen_context();
        if self.keymap().keys(context, action).next().is_some() {
            return self.act(context, action, None, &[]);
        }
        if context != Context::Board && self.keymap().keys(Context::Board, action).next().is_some()
        {
            return self.board_action_in_a_view(context, action, typed);
        }
        self.error(format!(
            "{typed} does nothing {}; Tab completes the names that do.",
            where_(context)
        ));
        Vec::new()
    }

    /// `:3`: the stage of that number, or the last when there are fewer.
    fn go_to_stage(&mut self, number: usize) {
        let stages = self.journey().stages().len();
        if stages == 0 {
            self.hint_add_stage();
            return;
        }
        let index = number.min(stages) - 1;
        self.selection.stage = index;
        self.clamp_selection();
        self.keep_selection_shown();
        let name = quoted(&self.journey().stages()[index].name);
        self.info(if number > stages {
            format!(
                "There are {}: this is the last, {name}.",
                plural(stages, "stage", "stages")
            )
        } else {
            format!("Stage {number} of {stages}: {name}.")
        });
    }
}
