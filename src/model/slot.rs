//! What an edit writes, for undo beside other people's changes: the part of the map an
//! edit touches ([`Slot`]), positions fitted to a map that changed since ([`Journey::fit`]),
//! and ids given afresh when a merge renumbers them ([`Edit::renumber`]).

use std::collections::HashMap;

use super::{CommentTarget, Edit, Id, Journey, Moment, Stage};

/// What the part of a journey that an edit writes holds now. Undo compares it with what
/// that part held just after the change, to tell whether someone else changed it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A whole stage, or none: undoing the stage's insertion removes all of it.
    Stage(Option<Stage>),
    /// Whether the stage is there at all: a move or a re-insertion only needs that.
    StageThere(bool),
    /// A whole moment, or none: undoing its insertion removes all of it.
    Moment(Option<Moment>),
    /// The stage the moment is in, if it is anywhere.
    MomentIn(Option<Id>),
    /// The field the edit sets, as the edit that would set it to what it is now; `None`
    /// when its stage or moment is gone.
    Value(Option<Box<Edit>>),
    /// The whole map, for an edit that replaces it.
    Journey(Box<Journey>),
}

impl Journey {
    /// What the part of the map `edit` writes holds now.
    pub fn slot(&self, edit: &Edit) -> Slot {
        let stage_of = |id: Id| self.find_moment(id).map(|p| self.stages[p.stage].id);
        match edit {
            Edit::InsertStage { stage, .. } => {
                Slot::StageThere(self.stage_index(stage.id).is_some())
            }
            Edit::MoveStage { id, .. } => Slot::StageThere(self.stage_index(*id).is_some()),
            Edit::RemoveStage { id } => {
                Slot::Stage(self.stage_index(*id).map(|i| self.stages[i].clone()))
            }
            Edit::InsertMoment { moment, .. } => Slot::MomentIn(stage_of(moment.id)),
            Edit::MoveMoment { id, .. } => Slot::MomentIn(stage_of(*id)),
            Edit::RemoveMoment { id } => Slot::Moment(self.moment(*id).cloned()),
            Edit::ReplaceJourney { .. } => Slot::Journey(Box::new(self.clone())),
            other => Slot::Value(self.reading(other).map(Box::new)),
        }
    }

    /// The edit that would set the field `edit` sets to the value it has now.
    fn reading(&self, edit: &Edit) -> Option<Edit> {
        let moment = |id: &Id| self.moment(*id);
        Some(match edit {
            Edit::SetStageText { id, field, .. } => {
                let stage = &self.stages[self.stage_index(*id)?];
                Edit::SetStageText {
                    id: *id,
                    field: *field,
                    text: match field {
                        super::StageField::Name => stage.name.clone(),
                        super::StageField::Description => stage.description.clone(),
                    },
                }
            }
            Edit::SetMomentText { id, field, .. } => Edit::SetMomentText {
                id: *id,
                field: *field,
                text: moment(id)?.text(*field).to_owned(),
            },
            Edit::SetKind { id, .. } => Edit::SetKind {
                id: *id,
                kind: moment(id)?.kind,
            },
            Edit::SetFeeling { id, .. } => Edit::SetFeeling {
                id: *id,
                feeling: moment(id)?.feeling,
            },
            Edit::SetEvidence { id, .. } => Edit::SetEvidence {
                id: *id,
                evidence: moment(id)?.evidence,
            },
            Edit::SetTarget { id, .. } => Edit::SetTarget {
                id: *id,
                target: moment(id)?.target,
            },
            Edit::SetList { id, list, .. } => Edit::SetList {
                id: *id,
                list: *list,
                items: moment(id)?.list(*list).to_vec(),
            },
            Edit::SetVotes { id, .. } => Edit::SetVotes {
                id: *id,
                votes: moment(id)?.votes,
            },
            Edit::SetJourneyText { field, .. } => Edit::SetJourneyText {
                field: *field,
                text: match field {
                    super::JourneyField::Title => self.title.clone(),
                    super::JourneyField::Description => self.description.clone(),
                },
            },
            Edit::SetPersonas { .. } => Edit::SetPersonas {
                personas: self.personas.clone(),
            },
            Edit::SetComments { target, .. } => Edit::SetComments {
                target: *target,
                comments: self.comments(*target)?.to_vec(),
            },
            Edit::InsertStage { .. }
            | Edit::MoveStage { .. }
            | Edit::RemoveStage { .. }
            | Edit::InsertMoment { .. }
            | Edit::MoveMoment { .. }
            | Edit::RemoveMoment { .. }
            | Edit::ReplaceJourney { .. } => return None,
        })
    }

    /// `edit`, recorded when its part of the map held `slot`, made fit for the map as it is
    /// now although someone else changed that part since: only for comments, which are a
    /// set, so one's own change is made without touching anyone else's. `None` for every
    /// other edit: undoing it would take back someone else's change.
    pub fn rebase(&self, edit: &Edit, slot: &Slot) -> Option<Edit> {
        let (Edit::SetComments { target, comments }, Slot::Value(Some(recorded))) = (edit, slot)
        else {
            return None;
        };
        let Edit::SetComments { comments: then, .. } = recorded.as_ref() else {
            return None;
        };
        let current = self.comments(*target)?;
        Some(Edit::SetComments {
            target: *target,
            comments: super::rebase_comments(then, comments, current),
        })
    }

    /// `edit` with its position moved into range: others may have added or removed cards
    /// and stages since it was recorded, and the place it names is only a wish.
    pub fn fit(&self, mut edit: Edit) -> Edit {
        let stages = self.stages.len();
        let moments_in = |id: Id| {
            self.stage_index(id)
                .map_or(0, |index| self.stages[index].moments.len())
        };
        match &mut edit {
            Edit::InsertStage { index, .. } => *index = (*index).min(stages),
            Edit::MoveStage { to, .. } => *to = (*to).min(stages.saturating_sub(1)),
            Edit::InsertMoment { stage, index, .. } => *index = (*index).min(moments_in(*stage)),
            Edit::MoveMoment { id, stage, index } => {
                let here = self
                    .find_moment(*id)
                    .is_some_and(|p| self.stages[p.stage].id == *stage);
                let room = moments_in(*stage) - usize::from(here);
                *index = (*index).min(room);
            }
            _ => {}
        }
        edit
    }

    /// Gives stages and moments the ids `ids` maps them to, for a merge that renumbered
    /// what this side added under ids the other side had used too.
    pub fn renumber(&mut self, ids: &HashMap<Id, Id>) {
        for stage in &mut self.stages {
            renumber_stage(stage, ids);
        }
        let highest = ids.values().map(|id| id.0 + 1).max().unwrap_or(0);
        self.next_id = self.next_id.max(highest);
    }
}

fn renumber_id(id: &mut Id, ids: &HashMap<Id, Id>) {
    if let Some(new) = ids.get(id) {
        *id = *new;
    }
}

fn renumber_stage(stage: &mut Stage, ids: &HashMap<Id, Id>) {
    renumber_id(&mut stage.id, ids);
    for moment in &mut stage.moments {
        renumber_id(&mut moment.id, ids);
    }
}

impl Edit {
    /// The same edit on stages and moments renumbered as `ids` says.
    pub fn renumber(&mut self, ids: &HashMap<Id, Id>) {
        match self {
            Edit::InsertStage { stage, .. } => renumber_stage(stage, ids),
            Edit::InsertMoment { stage, moment, .. } => {
                renumber_id(stage, ids);
                renumber_id(&mut moment.id, ids);
            }
            Edit::MoveMoment { id, stage, .. } => {
                renumber_id(id, ids);
                renumber_id(stage, ids);
            }
            Edit::RemoveStage { id }
            | Edit::MoveStage { id, .. }
            | Edit::SetStageText { id, .. }
            | Edit::RemoveMoment { id }
            | Edit::SetMomentText { id, .. }
            | Edit::SetKind { id, .. }
            | Edit::SetFeeling { id, .. }
            | Edit::SetEvidence { id, .. }
            | Edit::SetTarget { id, .. }
            | Edit::SetList { id, .. }
            | Edit::SetVotes { id, .. } => renumber_id(id, ids),
            Edit::ReplaceJourney { journey } => journey.renumber(ids),
            Edit::SetComments { target, .. } => match target {
                CommentTarget::Stage(id) | CommentTarget::Moment(id) => renumber_id(id, ids),
                CommentTarget::Journey => {}
            },
            Edit::SetJourneyText { .. } | Edit::SetPersonas { .. } => {}
        }
    }
}

impl Edit {
    /// The stages and moments this edit names.
    pub fn ids(&self) -> Vec<Id> {
        let stage_ids = |stage: &Stage| {
            std::iter::once(stage.id)
                .chain(stage.moments.iter().map(|m| m.id))
                .collect()
        };
        match self {
            Edit::InsertStage { stage, .. } => stage_ids(stage),
            Edit::InsertMoment { stage, moment, .. } => vec![*stage, moment.id],
            Edit::MoveMoment { id, stage, .. } => vec![*id, *stage],
            Edit::RemoveStage { id }
            | Edit::MoveStage { id, .. }
            | Edit::SetStageText { id, .. }
            | Edit::RemoveMoment { id }
            | Edit::SetMomentText { id, .. }
            | Edit::SetKind { id, .. }
            | Edit::SetFeeling { id, .. }
            | Edit::SetEvidence { id, .. }
            | Edit::SetTarget { id, .. }
            | Edit::SetList { id, .. }
            | Edit::SetVotes { id, .. } => vec![*id],
            Edit::SetComments { target, .. } => match target {
                CommentTarget::Stage(id) | CommentTarget::Moment(id) => vec![*id],
                CommentTarget::Journey => Vec::new(),
            },
            Edit::ReplaceJourney { journey } => journey.stages.iter().flat_map(stage_ids).collect(),
            Edit::SetJourneyText { .. } | Edit::SetPersonas { .. } => Vec::new(),
        }
    }
}

impl Slot {
    /// The same slot on stages and moments renumbered as `ids` says.
    pub fn renumber(&mut self, ids: &HashMap<Id, Id>) {
        match self {
            Slot::Stage(Some(stage)) => renumber_stage(stage, ids),
            Slot::Moment(Some(moment)) => renumber_id(&mut moment.id, ids),
            Slot::MomentIn(Some(id)) => renumber_id(id, ids),
            Slot::Value(Some(edit)) => edit.renumber(ids),
            Slot::Journey(journey) => journey.renumber(ids),
            Slot::Stage(None)
            | Slot::Moment(None)
            | Slot::MomentIn(None)
            | Slot::Value(None)
            | Slot::StageThere(_) => {}
        }
    }
}
