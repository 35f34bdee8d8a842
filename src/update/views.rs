//! The emotion curve, the summary and the votes. Their keys act on what they show (a stage
//! on the curve and in the summary, a row of the votes) and go back to the board with it;
//! a board key that would change a card the view does not show is refused with a word.

use crate::action::Action;
use crate::app::{App, Effect, Screen};
use crate::insight::ranking;
use crate::keymap::{Context, Key, Lookup, sequence_label};
use crate::text::quoted;

impl App {
    /// Carries out a view's action, `count` times where a count applies.
    pub(super) fn view_action(
        &mut self,
        context: Context,
        action: Action,
        count: Option<usize>,
    ) -> Vec<Effect> {
        let steps = count.unwrap_or(1);
        match (context, action) {
            (Context::Summary, Action::MenuUp | Action::MenuDown) => {
                let by = if action == Action::MenuUp { -1 } else { 1 };
                for _ in 0..steps {
                    self.summary_step(by);
                }
            }
            (Context::Votes, Action::MenuUp) => {
                self.pick_vote_row(self.votes_row.saturating_sub(steps))
            }
            (Context::Votes, Action::MenuDown) => self.pick_vote_row(self.votes_row + steps),
            (Context::Votes, Action::AddVote | Action::RemoveVote) => {
                if self.select_voted_row() {
                    let sign = if action == Action::AddVote { 1 } else { -1 };
                    self.vote(sign * steps as i64);
                }
            }
            (_, Action::ShowOnBoard) => self.show_on_board(context),
            (_, action) => return self.board_action(action, count),
        }
        Vec::new()
    }

    /// One step through the summary's two lists: the stages, then (down past the last
    /// one) the deepest pains without an idea.
    fn summary_step(&mut self, by: isize) {
        let pains = crate::insight::pains_without_idea(self.journey()).len();
        let last_stage = self.journey().stages().len().saturating_sub(1);
        self.pains_row = match (self.pains_row, by > 0) {
            (None, true) if self.selection.stage >= last_stage && pains > 0 => Some(0),
            (None, _) => {
                self.step_stage(by);
                None
            }
            (Some(0), false) => None,
            (Some(row), false) => Some(row - 1),
            (Some(row), true) => Some((row + 1).min(pains - 1)),
        };
        if let Some(row) = self.pains_row {
            let open = self
                .keymap()
                .first_label(Context::Summary, Action::ShowOnBoard);
            self.info(format!(
                "Pain {} of {pains} without an idea: {open} goes to it on the board.",
                row + 1
            ));
        }
    }

    /// Highlights row `row` of the votes (the last, if there are fewer), and remembers
    /// which moment is on it, so the highlight stays with the moment when votes reorder the
    /// list.
    pub(super) fn pick_vote_row(&mut self, row: usize) {
        let ranked = ranking(self.journey());
        let row = row.min(ranked.len().saturating_sub(1));
        let pick = ranked.get(row).map(|(_, m)| m.id);
        (self.votes_row, self.votes_pick) = (row, pick);
    }

    /// Keeps the highlight on the moment it was on, wherever votes moved it in the list,
    /// or on the same row when that moment left the list. Returns how long the list is.
    pub(super) fn follow_vote_pick(&mut self) -> usize {
        let ranked = ranking(self.journey());
        let row = self
            .votes_pick
            .and_then(|id| ranked.iter().position(|(_, m)| m.id == id))
            .unwrap_or(self.votes_row)
            .min(ranked.len().saturating_sub(1));
        let pick = ranked.get(row).map(|(_, m)| m.id);
        let len = ranked.len();
        (self.votes_row, self.votes_pick) = (row, pick);
        len
    }

    /// Selects the moment on the highlighted row of the votes; `false`, said, when the
    /// list is empty.
    fn select_voted_row(&mut self) -> bool {
        let Some(id) = self.votes_pick else {
            let vote = self.keymap().board_key(Action::AddVote);
            let back = self
                .keymap()
                .first_label(Context::Votes, Action::ShowOnBoard);
            self.info(format!(
                "No votes yet: {back} goes to the board, where {vote} gives the selected moment a vote."
            ));
            return false;
        };
        self.select_moment(id);
        true
    }

    fn show_on_board(&mut self, context: Context) {
        if context == Context::Votes && self.votes_pick.is_some() {
            self.select_voted_row();
        }
        let pain = self
            .pains_row
            .take()
            .filter(|_| context == Context::Summary);
        if let Some(id) = pain.and_then(|row| {
            crate::insight::pains_without_idea(self.journey())
                .get(row)
                .map(|(_, m)| m.id)
        }) {
            self.select_moment(id);
            self.screen = Screen::Board;
            let title = quoted(
                &self
                    .selected_moment()
                    .map(|m| m.title.clone())
                    .unwrap_or_default(),
            );
            let idea = self.keymap().board_key(Action::OpenDetails);
            self.info(format!(
                "Back on the board, at {title}: {idea} opens it to write an idea."
            ));
            return;
        }
        self.screen = Screen::Board;
        let what = match (context, self.selected_moment(), self.selected_stage()) {
            (Context::Votes, Some(moment), _) => quoted(&moment.title),
            (_, _, Some(stage)) => format!("stage {}", quoted(&stage.name)),
            _ => "the board".to_string(),
        };
        self.info(format!("Back on the board, at {what}."));
    }

    /// A key the view has no use for. A board key that opens a field or a menu goes to
    /// the board and opens it there, where what it changes is seen; one that would change
    /// or move what the view does not show is refused, saying where it works.
    pub(super) fn board_key_in_a_view(&mut self, context: Context, keys: &[Key]) -> Vec<Effect> {
        let typed = keys.len() > 1 || keys.last().and_then(|k| k.typed_char()).is_some();
        match self.keymap().lookup(Context::Board, keys) {
            Lookup::Action(action) => {
                self.board_action_in_a_view(context, action, &sequence_label(keys))
            }
            Lookup::Prefix | Lookup::Unbound => {
                if typed {
                    let help = self.keymap().first_label(context, Action::Help);
                    self.info(format!(
                        "{} does nothing here. Press {help} to see every key.",
                        sequence_label(keys)
                    ));
                }
                Vec::new()
            }
        }
    }

    /// A board action asked for in a view, by the keys or the command `typed`.
    /// One that opens a field or a menu goes to the board and opens it there, where what
    /// it changes is seen; one that would change or move what the view does not show is
    /// refused, saying where it works.
    pub(super) fn board_action_in_a_view(
        &mut self,
        context: Context,
        action: Action,
        typed: &str,
    ) -> Vec<Effect> {
        if !action.opens_something() {
            let back = self.keymap().first_label(context, Action::ShowOnBoard);
            self.say_works_on_the_board(context, typed, action, &back);
            return Vec::new();
        }
        if self.is_read_only() && action.refused_in_read_only() {
            self.refuse_in_read_only(action);
            return Vec::new();
        }
        // On the votes it is the highlighted moment that is shown: that one.
        if context == Context::Votes && self.votes_pick.is_some() {
            self.select_voted_row();
        }
        self.screen = Screen::Board;
        self.board_action(action, None)
    }
}
