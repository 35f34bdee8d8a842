//! The clipboard, as vim has it: `yy` yanks the selected moments, `dd` deletes them and
//! keeps them there, `yp` and `yP` put them below or above the selection, in any stage.
//! A put after a delete moves the moments (the same ids, votes and comments); any other
//! put is a copy, with a new id and no votes or comments, which stay with the original.

use std::collections::HashSet;

use crate::action::Action;
use crate::app::{App, Change, Clipboard};
use crate::model::{Edit, Id, Moment};
use crate::text::{plural, quoted};

impl App {
    /// The selected moment and the `count - 1` shown below it (as many as there are).
    fn moments_from_selection(&self, count: usize) -> Vec<Moment> {
        let Some(stage) = self.selected_stage() else {
            return Vec::new();
        };
        let (at, here) = (self.selection.stage, self.selection.moment);
        (here..stage.moments.len())
            .filter(|&m| m == here || self.is_shown(at, m))
            .take(count.max(1))
            .map(|m| stage.moments[m].clone())
            .collect()
    }

    /// Deletes the selected moment and the `count - 1` below it, as one change, and keeps
    /// them on the clipboard.
    pub(super) fn delete_moments(&mut self, count: usize) {
        if self.moment_or_hint().is_none() {
            return;
        }
        let moments = self.moments_from_selection(count);
        let what = named(&moments);
        let edits = moments
            .iter()
            .map(|m| Edit::RemoveMoment { id: m.id })
            .collect();
        if self.change(format!("delete {what}"), edits) {
            self.clamp_selection();
            self.keep_selection_shown();
            let key = |a| self.keymap().board_key(a);
            let (undo, put) = (key(Action::Undo), key(Action::PutBelow));
            let them = if moments.len() == 1 { "it" } else { "them" };
            self.success(format!(
                "Deleted {what}: {undo} brings {them} back, {put} puts {them} elsewhere."
            ));
            self.remember(Change::Delete, moments.len());
            self.clipboard = Some(Clipboard { moments, cut: true });
        }
    }

    /// Copies the selected moment and the `count - 1` below it to the clipboard.
    pub(super) fn yank(&mut self, count: usize) {
        if self.moment_or_hint().is_none() {
            return;
        }
        let moments = self.moments_from_selection(count);
        let key = |a| self.keymap().board_key(a);
        let (below, above) = (key(Action::PutBelow), key(Action::PutAbove));
        let copies = if moments.len() == 1 {
            "a copy"
        } else {
            "copies"
        };
        self.info(format!(
            "Yanked {}: {below} puts {copies} below a moment, {above} above.",
            named(&moments)
        ));
        self.clipboard = Some(Clipboard {
            moments,
            cut: false,
        });
    }

    /// Puts what is on the clipboard below (or above) the selected moment, `times` over,
    /// as one change, and selects the first moment put.
    pub(super) fn put(&mut self, below: bool, times: usize) {
        let Some(clipboard) = self.clipboard.clone() else {
            let key = |a| self.keymap().board_key(a);
            self.info(format!(
                "The clipboard is empty: {} copies a moment, {} cuts it.",
                key(Action::YankMoment),
                key(Action::DeleteMoment)
            ));
            return;
        };
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        let index = match (stage.moments.is_empty(), below) {
            (true, _) => 0,
            (false, true) => self.selection.moment + 1,
            (false, false) => self.selection.moment,
        };
        // A cut moment goes back whole once, while its id is free.
        let mut whole: HashSet<Id> = HashSet::new();
        let mut copied = false;
        let mut edits = Vec::new();
        for _ in 0..times.max(1) {
            for moment in &clipboard.moments {
                let moment = if clipboard.cut
                    && self.journey().find_moment(moment.id).is_none()
                    && whole.insert(moment.id)
                {
                    moment.clone()
                } else {
                    copied = true;
                    Moment {
                        id: Id::default(),
                        votes: 0,
                        comments: Vec::new(),
                        ..moment.clone()
                    }
                };
                edits.push(Edit::InsertMoment {
                    stage: stage.id,
                    index: index + edits.len(),
                    moment,
                });
            }
        }
        let count = edits.len();
        let what = match (&clipboard.moments[..], count, copied) {
            ([one], 1, true) => format!("a copy of {}", quoted(&one.title)),
            ([one], 1, false) => quoted(&one.title),
            _ => plural(count, "moment", "moments"),
        };
        if self.change(format!("put {what}"), edits) {
            self.selection.moment = index;
            let undo = self.keymap().board_key(Action::Undo);
            let them = if count == 1 { "it" } else { "them" };
            self.success(format!(
                "Put {what} in {}. {undo} takes {them} back.",
                quoted(&stage.name)
            ));
            self.remember(Change::Put { below }, times);
        }
    }
}

/// One moment or several, for a message: “Queue”, or 3 moments.
fn named(moments: &[Moment]) -> String {
    match moments {
        [one] => quoted(&one.title),
        many => plural(many.len(), "moment", "moments"),
    }
}
