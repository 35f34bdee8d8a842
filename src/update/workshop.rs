//! The workshop and finding things: the filter, the countdown, presentation mode, dot
//! votes and search.

use crate::action::Action;
use crate::app::{App, Change, Effect, Mode, Selection};
use crate::input::TextInput;
use crate::keymap::{Context, KIND_FILTER_ACTIONS};
use crate::model::Edit;
use crate::text::{plural, quoted};
use crate::workshop::{Condition, Filter, Presenting, Slide, minutes_label};

impl App {
    pub(super) fn open_filter_menu(&mut self) {
        self.mode = Mode::PickFilter;
        let context = Context::FilterMenu;
        let key = |a| self.keymap().first_label(context, a);
        let kinds = self.keymap().joined(context, &KIND_FILTER_ACTIONS, " ");
        let now = match &self.filter {
            Some(filter) => format!("Filter: {}; add or take away", filter.label()),
            None => "Filter by".to_string(),
        };
        self.info(format!(
            "{now}: {} pains, {} glories, {} moments of truth, {kinds} a kind, {} ordinary, {} an idea, {} open comments, {} a tag, channel, persona or owner; {} {}.",
            key(Action::FilterPains),
            key(Action::FilterGlories),
            key(Action::FilterMomentsOfTruth),
            key(Action::FilterOrdinary),
            key(Action::FilterIdea),
            key(Action::FilterOpenComments),
            key(Action::FilterText),
            key(Action::ToggleHidden),
            if self.hide_unmatched {
                "dims the rest"
            } else {
                "hides the rest"
            },
        ));
    }

    pub(super) fn filter_menu_action(&mut self, action: Action) -> Vec<Effect> {
        let condition = match action {
            Action::FilterPains => Condition::Pains,
            Action::FilterGlories => Condition::Glories,
            Action::FilterMomentsOfTruth => Condition::MomentsOfTruth,
            Action::FilterOrdinary => Condition::Kind(None),
            Action::FilterIdea => Condition::HasIdea,
            Action::FilterOpenComments => Condition::OpenComments,
            Action::FilterText => {
                self.mode = Mode::FilterText {
                    input: TextInput::line(""),
                };
                let typing = |a| self.keymap().first_label(Context::Typing, a);
                self.info(format!(
                    "Show the moments whose tag, channel, persona or owner contains: ({} filters, {} cancels)",
                    typing(Action::KeepText),
                    typing(Action::CancelText)
                ));
                return Vec::new();
            }
            Action::ToggleHidden => {
                self.mode = Mode::Board;
                self.hide_unmatched = !self.hide_unmatched;
                self.keep_selection_shown();
                self.say_filter();
                return Vec::new();
            }
            Action::Close => {
                self.mode = Mode::Board;
                self.info("Filter left as it was.");
                return Vec::new();
            }
            Action::Save => return vec![Effect::Save { then_quit: false }],
            other => match other.filter_kind() {
                Some(kind) => Condition::Kind(Some(kind)),
                None => return Vec::new(),
            },
        };
        self.mode = Mode::Board;
        self.toggle_condition(condition);
        Vec::new()
    }

    /// Adds the condition to the filter, or takes it away when it is there.
    pub(super) fn toggle_condition(&mut self, condition: Condition) {
        let label = condition.label();
        let added = match &mut self.filter {
            Some(filter) => filter.toggle(condition),
            None => {
                self.filter = Some(Filter::new(condition));
                true
            }
        };
        if self.filter.as_ref().is_some_and(Filter::is_empty) {
            self.filter = None;
            self.info(format!(
                "{label} taken away: no filter, every moment shows."
            ));
            return;
        }
        self.keep_selection_shown();
        if !added {
            let filter = self.filter.as_ref().map(Filter::label).unwrap_or_default();
            self.info(format!("{label} taken away; the filter is now {filter}."));
            return;
        }
        self.say_filter();
    }

    /// What the filter shows, on the status line: "Filter on: pains + FMOT, 3 moments of
    /// 22; the rest are dimmed. F clears it."
    fn say_filter(&mut self) {
        let Some(filter) = &self.filter else {
            let what = if self.hide_unmatched { "hides" } else { "dims" };
            self.info(format!(
                "A filter now {what} the moments it leaves out; no filter is on."
            ));
            return;
        };
        let matching = self
            .journey()
            .moments()
            .filter(|(_, m)| filter.matches(m))
            .count();
        let label = filter.label();
        let clear = self.keymap().board_key(Action::ClearFilter);
        let rest = if self.hide_unmatched {
            "hidden"
        } else {
            "dimmed"
        };
        self.info(format!(
            "Filter on: {label}, {} of {}; the rest are {rest}. {clear} clears it.",
            plural(matching, "moment", "moments"),
            self.journey().moment_count()
        ));
    }

    pub(super) fn start_presenting(&mut self) {
        self.mode = Mode::Present;
        self.presenting.blank = false;
        self.presenting.keys = false;
        let key = |a| self.keymap().first_label(Context::Presentation, a);
        let stages = self.keymap().joined(
            Context::Presentation,
            &[Action::SelectPreviousStage, Action::SelectNextStage],
            " ",
        );
        let sizes = self.keymap().joined(
            Context::Presentation,
            &[Action::LargerText, Action::SmallerText],
            " ",
        );
        self.info(format!(
            "Presenting: {stages} stage, {} whole map, {} curve, {sizes} text size, {} blank, {} {}.",
            key(Action::WholeMap),
            key(Action::CurveSlide),
            key(Action::BlankScreen),
            key(Action::StopPresenting),
            self.leaving_presentation()
        ));
    }

    /// Where leaving the presentation goes: the map, read-only or not.
    fn leaving_presentation(&self) -> &'static str {
        if self.is_read_only() {
            "back to the map"
        } else {
            "back to editing"
        }
    }

    /// A key in presentation. Nothing here changes the map.
    pub(super) fn presentation_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::StopPresenting => {
                self.mode = Mode::Board;
                self.info(if self.is_read_only() {
                    "Back to the map."
                } else {
                    "Back to editing."
                });
            }
            Action::WholeMap => self.presenting.toggle(Slide::WholeMap),
            Action::CurveSlide => self.presenting.toggle(Slide::Curve),
            Action::LargerText => {
                self.presenting.size = (self.presenting.size + 1).min(Presenting::LARGEST);
            }
            Action::SmallerText => self.presenting.size = self.presenting.size.saturating_sub(1),
            Action::BlankScreen => self.presenting.blank = true,
            Action::Help => self.presenting.keys = true,
            Action::SelectPreviousStage => self.step_stage(-1),
            Action::SelectNextStage => self.step_stage(1),
            Action::SelectFirstStage => self.step_stage(-isize::MAX),
            Action::SelectLastStage => self.step_stage(isize::MAX),
            Action::SelectPreviousMoment => self.step_moment(-1),
            Action::SelectNextMoment => self.step_moment(1),
            Action::Timer => self.timer_key(true),
            Action::ResetTimer => self.reset_timer(),
            _ => {}
        }
        Vec::new()
    }

    /// While the presentation is blank or lists its keys, any key brings the slide back
    /// and does nothing else; `true` when it did.
    pub(super) fn uncover(&mut self) -> bool {
        let covered = self.mode == Mode::Present && (self.presenting.blank || self.presenting.keys);
        self.presenting.blank = false;
        self.presenting.keys = false;
        covered
    }

    /// Gives the selected moment `step` more votes (fewer, when negative).
    pub(super) fn vote(&mut self, step: i64) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let title = quoted(&moment.title);
        if step < 0 && moment.votes == 0 {
            self.info(format!("{title} has no votes to take back."));
            return;
        }
        let step = match self.round_allows(step) {
            Some(step) => step,
            None => return,
        };
        let magnitude = u32::try_from(step.unsigned_abs()).unwrap_or(u32::MAX);
        let votes = if step > 0 {
            moment.votes.saturating_add(magnitude)
        } else {
            moment.votes.saturating_sub(magnitude)
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
            self.remember(
                Change::Vote(step.signum() as isize),
                step.unsigned_abs() as usize,
            );
            match &mut self.round {
                Some(round) => {
                    let given = i64::from(votes) - i64::from(moment.votes);
                    round.left = round
                        .left
                        .map(|left| (i64::from(left) - given).max(0) as u32);
                    let left = round.left.map_or(String::new(), |n| {
                        format!("; {} left in this round", plural(n as usize, "dot", "dots"))
                    });
                    let what = if given > 0 {
                        "A dot for"
                    } else {
                        "A dot taken back from"
                    };
                    self.success(format!("{what} {title}{left}."));
                }
                None => self.success(format!(
                    "{title} has {}.",
                    plural(votes as usize, "vote", "votes")
                )),
            }
        }
    }

    /// How many dots of `step` the voting round under way lets this person give (all of
    /// them outside a round, or taking back); `None`, said, when none are left.
    fn round_allows(&mut self, step: i64) -> Option<i64> {
        let left = self.round.and_then(|r| r.left);
        match left {
            Some(0) if step > 0 => {
                let reveal = self.keymap().board_key(Action::VotingRound);
                self.info(format!(
                    "No dots left in this round; {reveal} reveals the votes when everyone is done."
                ));
                None
            }
            Some(left) if step > 0 => Some(step.min(i64::from(left))),
            _ => Some(step),
        }
    }

    /// Ctrl-v: starts a voting round (the votes hidden here, each person's dots counted),
    /// or ends the one under way and shows the votes.
    pub(super) fn voting_round(&mut self) {
        let key = self.keymap().board_key(Action::VotingRound);
        match self.round.take() {
            None => {
                self.round = Some(crate::app::VotingRound { left: self.dots });
                let dots = self
                    .dots
                    .map_or("as many dots as you like".to_owned(), |n| {
                        plural(n as usize, "dot", "dots")
                    });
                let vote = self.keymap().board_key(Action::AddVote);
                self.success(format!(
                    "Voting round: votes are hidden until {key} reveals them; you have {dots} ({vote} gives one)."
                ));
            }
            Some(_) => {
                let voted = crate::insight::ranking(self.journey()).len();
                self.success(format!(
                    "Votes revealed: {} with votes; the votes view ranks them.",
                    plural(voted, "moment", "moments")
                ));
            }
        }
    }

    /// `T`: pauses or resumes a countdown that runs; else asks for a new one's length,
    /// over the presentation when `presenting`. The prompt starts empty, so what is typed
    /// is the length; Enter alone takes the last one.
    pub(super) fn timer_key(&mut self, presenting: bool) {
        let now = self.now;
        match &mut self.timer {
            Some(timer) if !timer.is_up(now) => {
                timer.toggle(now);
                let state = if timer.is_running() {
                    "running"
                } else {
                    "paused"
                };
                let shown = timer.display(now);
                let reset = self.keymap().board_key(Action::ResetTimer);
                self.info(format!("Timer {state} at {shown}. {reset} stops it."));
            }
            _ => {
                self.mode = Mode::TimerLength {
                    input: TextInput::line(""),
                    presenting,
                };
                let typing = |a| self.keymap().first_label(Context::Typing, a);
                self.info(format!(
                    "Minutes (5, 2.5, 90s); {} alone takes {}, {} cancels.",
                    typing(Action::KeepText),
                    minutes_label(self.timer_length),
                    typing(Action::CancelText)
                ));
            }
        }
    }

    /// Ctrl-t: the countdown stops and goes.
    pub(super) fn reset_timer(&mut self) {
        let said = if self.timer.take().is_some() {
            "Timer stopped."
        } else {
            "No timer is running."
        };
        self.info(said);
    }

    /// A fresh, empty search field; the last query is named, and `n` still repeats it.
    pub(super) fn open_search(&mut self) {
        self.mode = Mode::Search {
            input: TextInput::line(""),
        };
        let typing = |a| self.keymap().first_label(Context::Typing, a);
        let last = match &self.search {
            Some(search) => format!(" Last: {}.", quoted(&search.query)),
            None => String::new(),
        };
        self.info(format!(
            "Search titles, notes, ideas, tags, channels, owners, personas and comments. {} finds, {} cancels.{last}",
            typing(Action::KeepText),
            typing(Action::CancelText)
        ));
    }

    /// Moves to the next (or previous) moment matching the last search. `from_here` lets
    /// the selected moment itself count, for a fresh search.
    pub(super) fn find_match(&mut self, forward: bool, from_here: bool) {
        let Some(search) = &self.search else {
            let key = self.keymap().board_key(Action::Search);
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
        self.selection = Selection { stage, moment };
        let next = self.keymap().board_key(Action::NextMatch);
        let previous = self.keymap().board_key(Action::PreviousMatch);
        self.info(format!(
            "Match {} of {} for {}. {next} next, {previous} previous.",
            found + 1,
            positions.len(),
            quoted(&query)
        ));
    }
}
