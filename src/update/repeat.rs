//! `.`: the last change of feeling, kind, to-be or votes, move, delete or put, made again
//! on the moment selected now, as in vim.

use crate::action::Action;
use crate::app::{App, Change, Repeat};

impl App {
    /// Remembers `change`, made with `count`, as what `.` repeats.
    pub(super) fn remember(&mut self, change: Change, count: usize) {
        self.repeat = Some(Repeat {
            change,
            count: count.max(1),
        });
    }

    /// Makes the last change again on the selected moment; with a count, that many times
    /// (in place of the count it was made with).
    pub(super) fn repeat_change(&mut self, count: Option<usize>) {
        let Some(Repeat { change, count: was }) = self.repeat else {
            let key = |a| self.keymap().board_key(a);
            self.info(format!(
                "Nothing to repeat: {} repeats the last change of feeling, kind, to-be or votes, a move, a delete or a put ({}, {}, {}…).",
                key(Action::RepeatChange),
                key(Action::MakePain),
                key(Action::AddVote),
                key(Action::DeleteMoment)
            ));
            return;
        };
        let times = count.unwrap_or(was);
        let steps = times as isize;
        match change {
            Change::Feeling(feeling) => {
                self.set_feeling(feeling);
            }
            Change::StepFeeling(sign) => self.shift_feeling(sign * steps),
            Change::Kind(kind) => self.set_kind(kind),
            Change::Target(target) => {
                if let Some(moment) = self.moment_or_hint() {
                    self.set_target(&moment, target);
                }
            }
            Change::Vote(sign) => self.vote((sign * steps) as i64),
            Change::MoveAcross(sign) => self.move_moment_across(sign * steps),
            Change::MoveWithin(sign) => self.move_moment_within(sign * steps),
            Change::Delete => self.delete_moments(times),
            Change::Put { below } => self.put(below, times),
        }
    }
}
