//! Undo and redo: every change is kept as the edits that reverse it, with what the parts
//! of the map they write held just after it. When others' changes are merged in, undo
//! takes back only this editor's own changes, and refuses one whose part of the map
//! someone else changed since.

use std::collections::{HashMap, HashSet};

use crate::model::{Edit, EditError, Id, Journey, Slot};

/// How many changes can be undone. Old ones are forgotten past this.
pub const UNDO_LIMIT: usize = 10_000;

/// One user-visible change: what it was called, and the edits that reverse it, in the order
/// they must be applied.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    edits: Vec<Edit>,
    /// What each edit's part of the map held when the step was recorded, as it will be
    /// when that edit is applied in turn.
    slots: Vec<Slot>,
    /// A number unique to this change, to tell whether the map is as it was last saved.
    serial: u64,
}

impl Step {
    /// A step of `edits` that reverse a change just made to `journey`.
    fn new(journey: &mut Journey, label: String, edits: Vec<Edit>, serial: u64) -> Step {
        let slots = slots_in_turn(journey, &edits);
        Step {
            label,
            edits,
            slots,
            serial,
        }
    }
}

/// The change undo or redo would make clashes with someone else's later change, or no
/// longer applies to the map as it is now: nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub label: String,
}

/// The change that undo or redo just made: its label, and the moments or stages it touched
/// so the editor can select them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayed {
    pub label: String,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
    /// The serial of the newest undoable change when the map was last saved (0: none).
    saved: u64,
    /// The serial of the newest change that fell off the end of the history: undoing
    /// everything left leads back to the map as it was after it, not as it was opened.
    forgotten: u64,
}

impl History {
    /// Applies `edits` as one change called `label`, remembering how to undo it. On error
    /// the edits applied so far are reversed and nothing is recorded.
    pub fn apply(
        &mut self,
        journey: &mut Journey,
        label: impl Into<String>,
        edits: Vec<Edit>,
    ) -> Result<(), EditError> {
        let inverses = apply_all(journey, edits)?;
        self.next_serial += 1;
        let step = Step::new(journey, label.into(), inverses, self.next_serial);
        self.undo.push(step);
        self.redo.clear();
        if self.undo.len() > UNDO_LIMIT {
            self.forgotten = self.undo.remove(0).serial;
        }
        Ok(())
    }

    /// Reverses the newest change. `Ok(None)` when there is nothing to undo; a clash
    /// when someone else changed its part of the map since, which leaves the map and the
    /// history as they were.
    pub fn undo(&mut self, journey: &mut Journey) -> Result<Option<Replayed>, Clash> {
        step_across(&mut self.undo, &mut self.redo, journey)
    }

    /// Makes the newest undone change again; like [`History::undo`] otherwise.
    pub fn redo(&mut self, journey: &mut Journey) -> Result<Option<Replayed>, Clash> {
        step_across(&mut self.redo, &mut self.undo, journey)
    }

    /// Follows a merge that took others' changes into `journey`: the ids the merge gave this
    /// editor's new stages and moments (`renumbered`), and fresh ones for what this editor
    /// added and deleted again (so it is only in the history) where the others' new things
    /// (`theirs_new`) took the same id, so undo never mistakes one for the other. `mine`
    /// holds the ids the editor's map had before the merge.
    pub fn follow_merge(
        &mut self,
        journey: &mut Journey,
        mine: &HashSet<Id>,
        renumbered: &HashMap<Id, Id>,
        theirs_new: &HashSet<Id>,
    ) {
        self.renumber(renumbered);
        let kept: HashSet<Id> = mine.iter().chain(renumbered.values()).copied().collect();
        let taken: HashMap<Id, Id> = self
            .ids()
            .into_iter()
            .filter(|id| !kept.contains(id) && theirs_new.contains(id))
            .map(|id| (id, journey.allocate_id()))
            .collect();
        self.renumber(&taken);
    }

    /// Every stage and moment the steps name.
    fn ids(&self) -> HashSet<Id> {
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|step| step.edits.iter().flat_map(Edit::ids))
            .collect()
    }

    /// Renumbers the stages and moments every step names, after a merge gave some of this
    /// editor's new ones other ids.
    pub fn renumber(&mut self, ids: &HashMap<Id, Id>) {
        if ids.is_empty() {
            return;
        }
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            step.edits.iter_mut().for_each(|edit| edit.renumber(ids));
            step.slots.iter_mut().for_each(|slot| slot.renumber(ids));
        }
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A number that changes with every change, undo and redo.
    pub fn revision(&self) -> u64 {
        self.current()
    }

    fn current(&self) -> u64 {
        self.undo.last().map_or(self.forgotten, |s| s.serial)
    }

    /// Remembers that the map as it is now is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved = self.current();
    }

    /// Whether the map differs from what was last saved (undoing back to it counts as
    /// unchanged).
    pub fn is_modified(&self) -> bool {
        self.current() != self.saved
    }
}

/// Replays the newest step of `from` and puts the step that reverses it on `to`; on a
/// clash the step stays where it was.
fn step_across(
    from: &mut Vec<Step>,
    to: &mut Vec<Step>,
    journey: &mut Journey,
) -> Result<Option<Replayed>, Clash> {
    let Some(step) = from.pop() else {
        return Ok(None);
    };
    match replay(journey, step) {
        Ok((replayed, back)) => {
            to.push(back);
            Ok(Some(replayed))
        }
        Err(step) => {
            let label = step.label.clone();
            from.push(step);
            Err(Clash { label })
        }
    }
}

/// Applies a step's edits, each only where its part of the map still holds what it did
/// when the step was recorded. Returns what was replayed and the step that reverses it;
/// on a clash, the step, with the map as it was.
fn replay(journey: &mut Journey, step: Step) -> Result<(Replayed, Step), Step> {
    if step.slots.len() != step.edits.len() {
        return Err(step);
    }
    let mut inverses = Vec::with_capacity(step.edits.len());
    for (edit, slot) in step.edits.iter().zip(&step.slots) {
        let applied = if journey.slot(edit) == *slot {
            journey.apply(journey.fit(edit.clone())).ok()
        } else {
            // Someone else changed this part since: only a change to a set (comments) can
            // still be made on its own.
            journey
                .rebase(edit, slot)
                .and_then(|e| journey.apply(e).ok())
        };
        match applied {
            Some(inverse) => inverses.push(inverse),
            None => {
                for inverse in inverses.into_iter().rev() {
                    let _ = journey.apply(inverse);
                }
                return Err(step);
            }
        }
    }
    inverses.reverse();
    let back = Step::new(journey, step.label.clone(), inverses, step.serial);
    let replayed = Replayed {
        label: step.label,
        edits: step.edits,
    };
    Ok((replayed, back))
}

/// What the part of the map each of `edits` writes holds when the edits before it have
/// been applied: each is applied, looked at, and all are taken back.
fn slots_in_turn(journey: &mut Journey, edits: &[Edit]) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(edits.len());
    let mut applied = Vec::with_capacity(edits.len());
    for edit in edits {
        slots.push(journey.slot(edit));
        match journey.apply(edit.clone()) {
            Ok(inverse) => applied.push(inverse),
            // Cannot happen for edits that reverse a change just made; an edit that does
            // not apply will not apply at undo either, and is refused there.
            Err(_) => break,
        }
    }
    for inverse in applied.into_iter().rev() {
        let _ = journey.apply(inverse);
    }
    slots
}

/// Applies edits in order and returns their inverses in the order that undoes them. If one
/// fails, the ones before it are reversed.
fn apply_all(journey: &mut Journey, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match journey.apply(edit) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    let _ = journey.apply(inverse);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Feeling, Moment, MomentField, Stage};

    /// Records one change of feeling called `label`, as a key would.
    fn feel(history: &mut History, j: &mut Journey, label: &str, id: crate::model::Id, value: i64) {
        let edit = Edit::SetFeeling {
            id,
            feeling: Feeling::clamped(value),
        };
        history.apply(j, label, vec![edit]).unwrap();
    }

    fn journey() -> Journey {
        let mut stage = Stage::new("Buy");
        stage.moments.push(Moment::new("Pays"));
        Journey::from_parts("T".into(), String::new(), vec![], vec![stage])
    }

    #[test]
    fn undo_and_redo_walk_the_changes() {
        let mut j = journey();
        let original = j.clone();
        let id = j.stages()[0].moments[0].id;
        let mut history = History::default();
        feel(&mut history, &mut j, "pain", id, -1);
        history
            .apply(
                &mut j,
                "rename",
                vec![Edit::SetMomentText {
                    id,
                    field: MomentField::Title,
                    text: "Pays twice".into(),
                }],
            )
            .unwrap();
        let changed = j.clone();
        assert_eq!(history.undo(&mut j).unwrap().unwrap().label, "rename");
        assert_eq!(history.undo(&mut j).unwrap().unwrap().label, "pain");
        assert!(history.undo(&mut j).unwrap().is_none());
        assert_eq!(j, original);
        history.redo(&mut j).unwrap().unwrap();
        history.redo(&mut j).unwrap().unwrap();
        assert_eq!(j, changed);
        assert!(!history.can_redo());
    }

    #[test]
    fn a_failed_change_is_rolled_back_and_not_recorded() {
        let mut j = journey();
        let original = j.clone();
        let id = j.stages()[0].moments[0].id;
        let mut history = History::default();
        let result = history.apply(
            &mut j,
            "two",
            vec![
                Edit::SetFeeling {
                    id,
                    feeling: Feeling::clamped(2),
                },
                Edit::RemoveMoment {
                    id: crate::model::Id(99),
                },
            ],
        );
        assert!(result.is_err());
        assert_eq!(j, original);
        assert!(history.undo(&mut j).unwrap().is_none(), "nothing to undo");
    }

    #[test]
    fn modified_follows_undo_back_to_the_saved_state() {
        let mut j = journey();
        let id = j.stages()[0].moments[0].id;
        let mut history = History::default();
        assert!(!history.is_modified());
        feel(&mut history, &mut j, "pain", id, -1);
        assert!(history.is_modified());
        history.mark_saved();
        assert!(!history.is_modified());
        history.undo(&mut j).unwrap();
        assert!(history.is_modified());
        history.redo(&mut j).unwrap();
        assert!(!history.is_modified());
    }

    #[test]
    fn a_map_changed_past_the_history_limit_stays_modified() {
        let mut j = journey();
        let id = j.stages()[0].moments[0].id;
        let mut history = History::default();
        for n in 0..=UNDO_LIMIT as i64 {
            feel(&mut history, &mut j, "feel", id, n % 5 - 2);
        }
        while history.undo(&mut j).unwrap().is_some() {}
        assert!(
            history.is_modified(),
            "the first change cannot be undone, so the map is not as opened"
        );
    }

    #[test]
    fn more_than_a_thousand_steps_can_be_undone() {
        let mut j = journey();
        let original = j.clone();
        let id = j.stages()[0].moments[0].id;
        let mut history = History::default();
        for n in 0..1500 {
            feel(&mut history, &mut j, "feel", id, n % 5 - 2);
        }
        let mut undone = 0;
        while history.undo(&mut j).unwrap().is_some() {
            undone += 1;
        }
        assert_eq!(undone, 1500);
        assert_eq!(j, original);
    }
}
