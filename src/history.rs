//! Undo and redo: every change is kept as the edits that reverse it.

use crate::model::{Edit, EditError, Journey};

/// How many changes can be undone. Old ones are forgotten past this.
pub const UNDO_LIMIT: usize = 10_000;

/// One user-visible change: what it was called, and the edits that reverse it, in the order
/// they must be applied.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    edits: Vec<Edit>,
    /// A number unique to this change, to tell whether the map is as it was last saved.
    serial: u64,
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
        self.record(label.into(), inverses);
        Ok(())
    }

    /// Records a change that was already applied, given the edits that reverse it.
    pub fn record(&mut self, label: String, inverses: Vec<Edit>) {
        self.next_serial += 1;
        self.undo.push(Step {
            label,
            edits: inverses,
            serial: self.next_serial,
        });
        self.redo.clear();
        if self.undo.len() > UNDO_LIMIT {
            self.forgotten = self.undo.remove(0).serial;
        }
    }

    /// Reverses the newest change. `None` when there is nothing to undo.
    pub fn undo(&mut self, journey: &mut Journey) -> Option<Replayed> {
        let step = self.undo.pop()?;
        Some(self.replay(journey, step, true))
    }

    /// Makes the newest undone change again. `None` when there is nothing to redo.
    pub fn redo(&mut self, journey: &mut Journey) -> Option<Replayed> {
        let step = self.redo.pop()?;
        Some(self.replay(journey, step, false))
    }

    fn replay(&mut self, journey: &mut Journey, step: Step, undoing: bool) -> Replayed {
        // The stored edits were made against exactly this state, so they apply.
        let inverses = apply_all(journey, step.edits.clone())
            .unwrap_or_else(|e| panic!("history out of step with the map: {e}"));
        let replayed = Replayed {
            label: step.label.clone(),
            edits: step.edits,
        };
        let back = Step {
            label: step.label,
            edits: inverses,
            serial: step.serial,
        };
        if undoing {
            self.redo.push(back);
        } else {
            self.undo.push(back);
        }
        replayed
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
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
        assert_eq!(history.undo(&mut j).unwrap().label, "rename");
        assert_eq!(history.undo(&mut j).unwrap().label, "pain");
        assert!(history.undo(&mut j).is_none());
        assert_eq!(j, original);
        history.redo(&mut j).unwrap();
        history.redo(&mut j).unwrap();
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
        assert!(history.undo(&mut j).is_none(), "nothing to undo");
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
        history.undo(&mut j);
        assert!(history.is_modified());
        history.redo(&mut j);
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
        while history.undo(&mut j).is_some() {}
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
        while history.undo(&mut j).is_some() {
            undone += 1;
        }
        assert_eq!(undone, 1500);
        assert_eq!(j, original);
    }
}
