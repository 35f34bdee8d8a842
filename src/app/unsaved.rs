//! What a hang-up or a crash must not lose: the map as it is, with the text being typed
//! put into it, for the recovery copy.

use super::{App, DetailField, Mode, TextTarget};
use crate::model::{
    Edit, Journey, JourneyField, Moment, MomentField, Stage, StageField, split_list,
};

impl App {
    /// The edit that would put the text being typed into `journey`, if any: what a hang-up
    /// or a crash must not lose either.
    fn typing_edit(&self, journey: &Journey) -> Option<Edit> {
        match &self.mode {
            Mode::EditText { target, input } if !input.text().trim().is_empty() => {
                let text = input.text().trim().to_owned();
                Some(match *target {
                    TextTarget::NewMoment { stage, index } => Edit::InsertMoment {
                        stage,
                        index: index.min(
                            journey
                                .stage_index(stage)
                                .map_or(0, |s| journey.stages()[s].moments.len()),
                        ),
                        moment: Moment::new(text),
                    },
                    TextTarget::NewStage { index } => Edit::InsertStage {
                        index: index.min(journey.stages().len()),
                        stage: Stage::new(text),
                    },
                    TextTarget::MomentTitle(id) => Edit::SetMomentText {
                        id,
                        field: MomentField::Title,
                        text,
                    },
                    TextTarget::StageName(id) => Edit::SetStageText {
                        id,
                        field: StageField::Name,
                        text,
                    },
                    TextTarget::StageDescription(id) => Edit::SetStageText {
                        id,
                        field: StageField::Description,
                        text,
                    },
                    TextTarget::JourneyDescription => Edit::SetJourneyText {
                        field: JourneyField::Description,
                        text,
                    },
                    TextTarget::Personas => Edit::SetPersonas {
                        personas: split_list(&text),
                    },
                    TextTarget::JourneyTitle => Edit::SetJourneyText {
                        field: JourneyField::Title,
                        text,
                    },
                    TextTarget::Comment { on, .. } => {
                        let mut comments = journey.comments(on)?.to_vec();
                        comments.push(self.comment_with(&text));
                        Edit::SetComments {
                            target: on,
                            comments,
                        }
                    }
                })
            }
            Mode::Details {
                field,
                editing: Some(input),
            } => {
                let id = self.selected_moment()?.id;
                let which = *DetailField::ALL.get(*field)?;
                match (which.list(), which.text_field()) {
                    (Some(list), _) => Some(Edit::SetList {
                        id,
                        list,
                        items: split_list(input.text()),
                    }),
                    (None, Some(field)) => Some(Edit::SetMomentText {
                        id,
                        field,
                        text: input.text().to_owned(),
                    }),
                    (None, None) => None,
                }
            }
            _ => None,
        }
    }

    /// What is unsaved, the text being typed included, as a whole map; `None` when the map
    /// is as saved and nothing is being typed.
    pub fn unsaved_journey(&self) -> Option<Journey> {
        let mut journey = self.journey.clone();
        if let Some(edit) = self.typing_edit(&journey) {
            let _ = journey.apply(edit);
        }
        (self.is_modified() || journey != self.journey).then_some(journey)
    }
}
