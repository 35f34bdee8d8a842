//! Keys for the workshop and for finding things: the filter, the countdown, presentation
//! mode, dot votes and search.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::KIND_MENU;
use crate::action::Action;
use crate::app::{App, Effect, Mode, Search};
use crate::input::{InputOutcome, TextInput};
use crate::model::Edit;
use crate::text::quoted;
use crate::workshop::{Filter, Timer, parse_minutes};

impl App {
    pub(super) fn pick_filter_key(&mut self, key: &KeyEvent) {
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

    pub(super) fn apply_filter(&mut self, filter: Filter) {
        let matching = self
            .journey()
            .moments()
            .filter(|(_, m)| filter.matches(m))
            .count();
        let clear = self.keymap.first_label(Action::ClearFilter);
        self.info(format!(
            "Filter on: {}, {} of {}; the rest are dimmed. {clear} clears it.",
            filter.label(),
            crate::text::plural(matching, "moment", "moments"),
            self.journey().moment_count()
        ));
        self.filter = Some(filter);
    }

    /// The one-line prompts for a filter text and a timer length.
    pub(super) fn prompt_key(&mut self, key: &KeyEvent) {
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
                    let now = Instant::now();
                    let timer = Timer::start(length, now);
                    let pause = self.keymap.first_label(Action::Timer);
                    self.success(format!(
                        "Countdown of {} started. {pause} pauses it.",
                        timer.display(now)
                    ));
                    self.timer = Some(timer);
                } else {
                    self.error(
                        "Not a length from 1 second to 12 hours: type minutes such as 5 or 2.5, or seconds such as 90s.",
                    );
                }
            }
        }
    }

    pub(super) fn present_key(&mut self, key: &KeyEvent, whole_map: bool) -> Option<Effect> {
        // The board's own keys (as the settings have them) move around, run the countdown
        // and end the presentation; Esc, Space and w work whatever the settings say.
        match (self.keymap.action(key), key.code) {
            (Some(Action::Present | Action::Quit), _) | (_, KeyCode::Esc) => {
                self.mode = Mode::Board;
                self.info("Back to editing.");
            }
            (_, KeyCode::Char('w')) => {
                self.mode = Mode::Present {
                    whole_map: !whole_map,
                };
            }
            (Some(Action::SelectPreviousStage), _) => self.step_stage(-1),
            (Some(Action::SelectNextStage), _) | (_, KeyCode::Char(' ')) => self.step_stage(1),
            (Some(Action::SelectPreviousMoment), _) => self.step_moment(-1),
            (Some(Action::SelectNextMoment), _) => self.step_moment(1),
            // No prompt over the presentation: a new countdown takes the last length.
            (Some(Action::Timer), _) => match &mut self.timer {
                Some(timer) if !timer.is_up(Instant::now()) => timer.toggle(Instant::now()),
                _ => self.timer = Some(Timer::start(self.timer_length, Instant::now())),
            },
            _ => {}
        }
        None
    }

    pub(super) fn vote(&mut self, step: i64) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let title = quoted(&moment.title);
        if step < 0 && moment.votes == 0 {
            self.info(format!("{title} has no votes to take back."));
            return;
        }
        let votes = if step > 0 {
            moment.votes.saturating_add(1)
        } else {
            moment.votes.saturating_sub(1)
        };
        if votes == moment.votes {
            self.info(format!("{title} has as many votes as can be counted."));
            return;
        }
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
                crate::text::plural(votes as usize, "vote", "votes")
            ));
        }
    }

    pub(super) fn timer_key(&mut self) {
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

    pub(super) fn search_key(&mut self, key: &KeyEvent) -> Option<Effect> {
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
    pub(super) fn find_match(&mut self, forward: bool, from_here: bool) {
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
}
