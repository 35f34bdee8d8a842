//! The journey model: stages, moments and their feelings, and the edits that keep it valid.
//!
//! Nothing here knows about terminals or files. Every change goes through [`Journey::apply`],
//! which checks the edit and returns its inverse, so undo and redo come for free.

use std::fmt;

use serde::{Deserialize, Serialize};

mod comment;
mod mermaid;
mod personas;
mod slot;

pub use comment::{Comment, CommentTarget, clean_comments, open_count, rebase_comments};
pub use mermaid::MermaidExtras;
pub use slot::Slot;

/// A stable identifier for a stage or a moment. It survives saves, so later features can
/// follow a card from one version of the file to the next. `0` means "not assigned yet":
/// it only appears while a hand-written file is being loaded.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Id(pub u64);

/// The largest id kept from a file; larger ones are renumbered on load.
pub const MAX_ID: u64 = 1 << 48;

impl Id {
    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// The kinds of moment of truth, in the order a customer meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Zmot,
    Fmot,
    Amot,
    Smot,
    Tmot,
    Lmot,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Zmot,
        Kind::Fmot,
        Kind::Amot,
        Kind::Smot,
        Kind::Tmot,
        Kind::Lmot,
    ];

    /// The badge drawn on a card: `ZMOT`, `FMOT`…
    pub fn badge(self) -> &'static str {
        match self {
            Kind::Zmot => "ZMOT",
            Kind::Fmot => "FMOT",
            Kind::Amot => "AMOT",
            Kind::Smot => "SMOT",
            Kind::Tmot => "TMOT",
            Kind::Lmot => "LMOT",
        }
    }

    /// The badge with its article, as said aloud letter by letter: "a ZMOT", "an FMOT".
    pub fn with_article(self) -> String {
        let article = match self {
            Kind::Zmot | Kind::Tmot => "a",
            Kind::Fmot | Kind::Amot | Kind::Smot | Kind::Lmot => "an",
        };
        format!("{article} {}", self.badge())
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Zmot => "zero moment of truth",
            Kind::Fmot => "first moment of truth",
            Kind::Amot => "actual moment of truth",
            Kind::Smot => "second moment of truth",
            Kind::Tmot => "third moment of truth",
            Kind::Lmot => "last moment of truth",
        }
    }

    /// When in the journey this kind of moment happens, in a few words.
    pub fn when(self) -> &'static str {
        match self {
            Kind::Zmot => "researching online before buying",
            Kind::Fmot => "first encounter, on the shelf or the site",
            Kind::Amot => "between paying and receiving",
            Kind::Smot => "using the product, onboarding",
            Kind::Tmot => "giving back: advocate or critic",
            Kind::Lmot => "feedback that feeds the next customer",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.badge())
    }
}

/// How the team knows a moment is felt the way the map says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Evidence {
    /// Seen in research, service records or surveys.
    Observed,
    /// Someone said so.
    Reported,
    /// The team's guess.
    Assumed,
}

impl Evidence {
    pub const ALL: [Evidence; 3] = [Evidence::Observed, Evidence::Reported, Evidence::Assumed];

    pub fn label(self) -> &'static str {
        match self {
            Evidence::Observed => "observed",
            Evidence::Reported => "reported",
            Evidence::Assumed => "assumed",
        }
    }
}

/// How a moment feels to the customer: below zero a pain, above zero a glory, and the size
/// is the intensity. Always within `-2..=2`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Feeling(i8);

impl Feeling {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;
    pub const NEUTRAL: Feeling = Feeling(0);

    /// A feeling clamped into range.
    pub fn clamped(value: i64) -> Feeling {
        Feeling(value.clamp(Self::MIN.into(), Self::MAX.into()) as i8)
    }

    pub fn new(value: i64) -> Option<Feeling> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&value)
            .then_some(Feeling(value as i8))
    }

    pub fn value(self) -> i8 {
        self.0
    }

    pub fn is_pain(self) -> bool {
        self.0 < 0
    }

    pub fn is_glory(self) -> bool {
        self.0 > 0
    }

    pub fn is_neutral(&self) -> bool {
        self.0 == 0
    }

    /// The sign a pain or glory carries where there is no colour: `--`, `-`, `+`, `++`, or
    /// `o` for neutral.
    pub fn symbol(self) -> &'static str {
        match self.0 {
            -2 => "--",
            -1 => "-",
            1 => "+",
            2 => "++",
            _ => "o",
        }
    }

    /// "a deep pain", "neutral", "a glory": the feeling in a sentence.
    pub fn phrase(self) -> &'static str {
        match self.0 {
            -2 => "a deep pain",
            -1 => "a pain",
            1 => "a glory",
            2 => "a deep glory",
            _ => "neutral",
        }
    }

    pub fn label(self) -> &'static str {
        match self.0 {
            -2 => "deep pain",
            -1 => "pain",
            1 => "glory",
            2 => "deep glory",
            _ => "neutral",
        }
    }
}

impl<'de> Deserialize<'de> for Feeling {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        Feeling::new(value).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "feeling {value} is out of range: expected a whole number from -2 (deep pain) \
                 to 2 (deep glory), 0 for neutral"
            ))
        })
    }
}

/// One touchpoint in a stage; a moment of truth when it has a `kind`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    #[serde(default, skip_serializing_if = "Id::is_unset")]
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Feeling::is_neutral")]
    pub feeling: Feeling,
    /// The feeling the moment should have once its idea is done (the to-be); `None` when
    /// nobody has said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Feeling>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    /// Who goes through the moment: one persona or several, each a name that may hold a
    /// comma. Written as `persona`, a name or a list of names (see [`personas`]).
    #[serde(
        rename = "persona",
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "personas"
    )]
    pub personas: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub idea: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Dot votes from a workshop.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// The score a Mermaid diagram gave the task when no feeling is that score (`0`, `9`,
    /// `3.5`), as written; an export gives it back while the feeling is still the nearest
    /// one to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mermaid_score: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Moment {
    /// A new ordinary touchpoint; its id is assigned when it is inserted into a journey.
    pub fn new(title: impl Into<String>) -> Moment {
        Moment {
            title: title.into(),
            ..Moment::default()
        }
    }

    /// How a field showing the personas is headed: `Persona`, or `Personas` for several.
    pub fn personas_heading(&self) -> &'static str {
        if self.personas.len() > 1 {
            "Personas"
        } else {
            "Persona"
        }
    }

    /// The names in one of the moment's lists.
    pub fn list(&self, list: MomentList) -> &[String] {
        match list {
            MomentList::Tags => &self.tags,
            MomentList::Personas => &self.personas,
        }
    }

    fn list_mut(&mut self, list: MomentList) -> &mut Vec<String> {
        match list {
            MomentList::Tags => &mut self.tags,
            MomentList::Personas => &mut self.personas,
        }
    }

    pub fn text(&self, field: MomentField) -> &str {
        match field {
            MomentField::Title => &self.title,
            MomentField::Channel => &self.channel,
            MomentField::Owner => &self.owner,
            MomentField::Notes => &self.notes,
            MomentField::Idea => &self.idea,
        }
    }

    pub(crate) fn text_mut(&mut self, field: MomentField) -> &mut String {
        match field {
            MomentField::Title => &mut self.title,
            MomentField::Channel => &mut self.channel,
            MomentField::Owner => &mut self.owner,
            MomentField::Notes => &mut self.notes,
            MomentField::Idea => &mut self.idea,
        }
    }

    /// How the moment should feel once its idea is done: its to-be feeling where one is
    /// set, else how it feels now.
    pub fn to_be(&self) -> Feeling {
        self.target.unwrap_or(self.feeling)
    }

    /// Whether any of the searchable texts (title, notes, idea, tags, channel, owner,
    /// persona, the comments) contains `needle`, ignoring case.
    pub fn matches(&self, needle_lowercase: &str) -> bool {
        let hit = |text: &str| text.to_lowercase().contains(needle_lowercase);
        hit(&self.title)
            || hit(&self.notes)
            || hit(&self.idea)
            || self.tags.iter().any(|tag| hit(tag))
            || hit(&self.channel)
            || hit(&self.owner)
            || self.personas.iter().any(|persona| hit(persona))
            || self.comments.iter().any(|c| hit(&c.text))
    }
}

/// A step of the journey, drawn as a column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    #[serde(default, skip_serializing_if = "Id::is_unset")]
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moments: Vec<Moment>,
}

impl Stage {
    pub fn new(name: impl Into<String>) -> Stage {
        Stage {
            name: name.into(),
            ..Stage::default()
        }
    }

    pub fn pains(&self) -> usize {
        self.moments.iter().filter(|m| m.feeling.is_pain()).count()
    }

    pub fn glories(&self) -> usize {
        self.moments.iter().filter(|m| m.feeling.is_glory()).count()
    }
}

/// The text fields of a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MomentField {
    Title,
    Channel,
    Owner,
    Notes,
    Idea,
}

impl MomentField {
    /// Whether the field may hold line breaks and tabs.
    pub fn is_multiline(self) -> bool {
        matches!(self, MomentField::Notes | MomentField::Idea)
    }
}

/// The lists of names on a moment: each name one line, none twice, order kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MomentList {
    Tags,
    Personas,
}

/// The text fields of a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StageField {
    Name,
    Description,
}

/// The text fields of the journey itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JourneyField {
    Title,
    Description,
}

/// One change to a journey. Applying an edit returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    InsertStage {
        index: usize,
        stage: Stage,
    },
    RemoveStage {
        id: Id,
    },
    MoveStage {
        id: Id,
        to: usize,
    },
    SetStageText {
        id: Id,
        field: StageField,
        text: String,
    },
    InsertMoment {
        stage: Id,
        index: usize,
        moment: Moment,
    },
    RemoveMoment {
        id: Id,
    },
    MoveMoment {
        id: Id,
        stage: Id,
        index: usize,
    },
    SetMomentText {
        id: Id,
        field: MomentField,
        text: String,
    },
    SetKind {
        id: Id,
        kind: Option<Kind>,
    },
    SetFeeling {
        id: Id,
        feeling: Feeling,
    },
    SetEvidence {
        id: Id,
        evidence: Option<Evidence>,
    },
    SetTarget {
        id: Id,
        target: Option<Feeling>,
    },
    SetList {
        id: Id,
        list: MomentList,
        items: Vec<String>,
    },
    SetVotes {
        id: Id,
        votes: u32,
    },
    SetJourneyText {
        field: JourneyField,
        text: String,
    },
    SetPersonas {
        personas: Vec<String>,
    },
    /// Replaces the comments on a moment, a stage or the journey: adding one and
    /// resolving one are both this edit, so undo takes either back.
    SetComments {
        target: CommentTarget,
        comments: Vec<Comment>,
    },
    /// Swaps in a whole other version of the journey (a reload from disk, a recovered
    /// copy), so that even that can be undone.
    ReplaceJourney {
        journey: Box<Journey>,
    },
}

/// Why an edit was refused. The journey is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no stage {0}")]
    NoSuchStage(Id),
    #[error("there is no moment {0}")]
    NoSuchMoment(Id),
    #[error("position {index} is past the end ({len} in place)")]
    OutOfRange { index: usize, len: usize },
}

/// Where a moment sits: the index of its stage and its index within that stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub stage: usize,
    pub moment: usize,
}

/// A whole customer journey: stages left to right, moments top to bottom.
#[derive(Clone, Debug)]
pub struct Journey {
    pub title: String,
    pub description: String,
    pub personas: Vec<String>,
    /// Comments on the journey as a whole.
    pub comments: Vec<Comment>,
    /// What a Mermaid diagram it came from had beyond the map (settings, accessible
    /// texts), kept for exporting back.
    pub mermaid: MermaidExtras,
    stages: Vec<Stage>,
    /// The next id to hand out; always above every id in use.
    next_id: u64,
}

/// Two journeys are equal when they hold the same map; which id would be handed out next
/// is bookkeeping, not content.
impl PartialEq for Journey {
    fn eq(&self, other: &Journey) -> bool {
        self.title == other.title
            && self.description == other.description
            && self.personas == other.personas
            && self.comments == other.comments
            && self.mermaid == other.mermaid
            && self.stages == other.stages
    }
}

impl Eq for Journey {}

impl Default for Journey {
    fn default() -> Journey {
        Journey::new("")
    }
}

impl Journey {
    /// A journey from parts, as read from a file or written in code. Missing and duplicate
    /// ids are assigned afresh and every text is cleaned of control characters, so the
    /// result is always valid.
    pub fn from_parts(
        title: String,
        description: String,
        personas: Vec<String>,
        stages: Vec<Stage>,
    ) -> Journey {
        let mut journey = Journey {
            title,
            description,
            personas,
            comments: Vec::new(),
            mermaid: MermaidExtras::default(),
            stages,
            next_id: 1,
        };
        journey.sanitize();
        journey.assign_ids();
        journey
    }

    pub fn new(title: impl Into<String>) -> Journey {
        Journey::from_parts(title.into(), String::new(), Vec::new(), Vec::new())
    }

    /// The same journey with these comments on it as a whole, cleaned.
    pub fn with_comments(mut self, comments: Vec<Comment>) -> Journey {
        self.comments = clean_comments(comments);
        self
    }

    /// The journey with what a Mermaid diagram had beyond the map.
    pub fn with_mermaid(mut self, mermaid: MermaidExtras) -> Journey {
        self.mermaid = mermaid.cleaned();
        self
    }

    /// Whether the journey keeps anything of a Mermaid diagram: its settings, accessible
    /// texts, or a score that no feeling is.
    pub fn has_mermaid_extras(&self) -> bool {
        !self.mermaid.is_empty() || self.moments().any(|(_, m)| m.mermaid_score.is_some())
    }

    /// Whether anyone commented on anything: the journey, a stage or a moment.
    pub fn has_comments(&self) -> bool {
        !self.comments.is_empty()
            || self
                .stages
                .iter()
                .any(|s| !s.comments.is_empty() || s.moments.iter().any(|m| !m.comments.is_empty()))
    }

    /// Whether any moment has more than one persona.
    pub fn has_several_personas(&self) -> bool {
        self.moments().any(|(_, m)| m.personas.len() > 1)
    }

    /// Whether any moment says how it should feel (a to-be feeling).
    pub fn has_targets(&self) -> bool {
        self.moments().any(|(_, m)| m.target.is_some())
    }

    /// The comments on a moment, a stage or the journey; `None` when it is not there.
    pub fn comments(&self, target: CommentTarget) -> Option<&[Comment]> {
        match target {
            CommentTarget::Journey => Some(&self.comments),
            CommentTarget::Stage(id) => self.stage_index(id).map(|i| &*self.stages[i].comments),
            CommentTarget::Moment(id) => self.moment(id).map(|m| &*m.comments),
        }
    }

    /// The id the next stage or moment will get. Saved with the map, so an id freed by a
    /// deletion is never handed out again, even after a reload: a merge by id could
    /// otherwise mistake a new card for the deleted one.
    pub fn next_id(&self) -> u64 {
        self.next_id
    }

    /// Counts on from `next` where that is beyond every id in use (and sane); a smaller or
    /// absurd value changes nothing.
    pub fn count_from(mut self, next: u64) -> Journey {
        if next <= MAX_ID + 1 {
            self.next_id = self.next_id.max(next);
        }
        self
    }

    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    pub fn stage(&self, index: usize) -> Option<&Stage> {
        self.stages.get(index)
    }

    pub fn moment_count(&self) -> usize {
        self.stages.iter().map(|s| s.moments.len()).sum()
    }

    pub fn moments(&self) -> impl Iterator<Item = (&Stage, &Moment)> {
        self.stages
            .iter()
            .flat_map(|stage| stage.moments.iter().map(move |m| (stage, m)))
    }

    pub fn stage_index(&self, id: Id) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    pub fn find_moment(&self, id: Id) -> Option<Position> {
        self.stages.iter().enumerate().find_map(|(stage, s)| {
            s.moments
                .iter()
                .position(|m| m.id == id)
                .map(|moment| Position { stage, moment })
        })
    }

    pub fn moment(&self, id: Id) -> Option<&Moment> {
        self.find_moment(id)
            .map(|p| &self.stages[p.stage].moments[p.moment])
    }

    /// Hands out a fresh id for a stage or moment about to be inserted.
    pub fn allocate_id(&mut self) -> Id {
        let id = Id(self.next_id);
        self.next_id += 1;
        id
    }

    /// Applies `edit` and returns the edit that undoes it. On error nothing changed.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::InsertStage { index, stage } => self.insert_stage(index, stage),
            Edit::RemoveStage { id } => {
                let index = self.stage_index(id).ok_or(EditError::NoSuchStage(id))?;
                let stage = self.stages.remove(index);
                Ok(Edit::InsertStage { index, stage })
            }
            Edit::MoveStage { id, to } => self.move_stage(id, to),
            Edit::SetStageText { id, field, text } => self.set_stage_text(id, field, text),
            Edit::InsertMoment {
                stage,
                index,
                moment,
            } => self.insert_moment(stage, index, moment),
            Edit::RemoveMoment { id } => self.remove_moment(id),
            Edit::MoveMoment { id, stage, index } => self.move_moment(id, stage, index),
            Edit::SetMomentText { id, field, text } => self.set_moment_text(id, field, text),
            Edit::SetKind { id, kind } => {
                let moment = self.moment_mut(id)?;
                let old = std::mem::replace(&mut moment.kind, kind);
                Ok(Edit::SetKind { id, kind: old })
            }
            Edit::SetFeeling { id, feeling } => {
                let moment = self.moment_mut(id)?;
                let old = std::mem::replace(&mut moment.feeling, feeling);
                Ok(Edit::SetFeeling { id, feeling: old })
            }
            Edit::SetEvidence { id, evidence } => {
                let moment = self.moment_mut(id)?;
                let old = std::mem::replace(&mut moment.evidence, evidence);
                Ok(Edit::SetEvidence { id, evidence: old })
            }
            Edit::SetTarget { id, target } => {
                let moment = self.moment_mut(id)?;
                let old = std::mem::replace(&mut moment.target, target);
                Ok(Edit::SetTarget { id, target: old })
            }
            Edit::SetList { id, list, items } => {
                let items = clean_tags(items);
                let moment = self.moment_mut(id)?;
                let old = std::mem::replace(moment.list_mut(list), items);
                Ok(Edit::SetList {
                    id,
                    list,
                    items: old,
                })
            }
            Edit::SetVotes { id, votes } => {
                let moment = self.moment_mut(id)?;
                let old = std::mem::replace(&mut moment.votes, votes);
                Ok(Edit::SetVotes { id, votes: old })
            }
            Edit::SetJourneyText { field, text } => self.set_journey_text(field, text),
            Edit::SetPersonas { personas } => {
                let personas = clean_tags(personas);
                let old = std::mem::replace(&mut self.personas, personas);
                Ok(Edit::SetPersonas { personas: old })
            }
            Edit::SetComments { target, comments } => self.set_comments(target, comments),
            Edit::ReplaceJourney { journey } => {
                let old = std::mem::replace(self, *journey);
                Ok(Edit::ReplaceJourney {
                    journey: Box::new(old),
                })
            }
        }
    }

    /// Inserts a stage at `index`, with fresh ids where it needs them; undone by removing it.
    fn insert_stage(&mut self, index: usize, mut stage: Stage) -> Result<Edit, EditError> {
        check_insert(index, self.stages.len())?;
        self.adopt_stage(&mut stage);
        let id = stage.id;
        self.stages.insert(index, stage);
        Ok(Edit::RemoveStage { id })
    }

    /// Moves a stage to `to`; undone by moving it back to where it was.
    fn move_stage(&mut self, id: Id, to: usize) -> Result<Edit, EditError> {
        let from = self.stage_index(id).ok_or(EditError::NoSuchStage(id))?;
        check_index(to, self.stages.len())?;
        let stage = self.stages.remove(from);
        self.stages.insert(to, stage);
        Ok(Edit::MoveStage { id, to: from })
    }

    /// Replaces a stage's name or description, cleaned; undone by setting the old text.
    fn set_stage_text(
        &mut self,
        id: Id,
        field: StageField,
        text: String,
    ) -> Result<Edit, EditError> {
        let index = self.stage_index(id).ok_or(EditError::NoSuchStage(id))?;
        let stage = &mut self.stages[index];
        let slot = match field {
            StageField::Name => &mut stage.name,
            StageField::Description => &mut stage.description,
        };
        let text = match field {
            StageField::Name => clean_line(&text),
            StageField::Description => clean_multiline(&text),
        };
        let old = std::mem::replace(slot, text);
        Ok(Edit::SetStageText {
            id,
            field,
            text: old,
        })
    }

    /// Inserts a moment into a stage, with a fresh id where it needs one; undone by removing it.
    fn insert_moment(
        &mut self,
        stage: Id,
        index: usize,
        mut moment: Moment,
    ) -> Result<Edit, EditError> {
        let stage_index = self
            .stage_index(stage)
            .ok_or(EditError::NoSuchStage(stage))?;
        check_insert(index, self.stages[stage_index].moments.len())?;
        self.adopt_moment(&mut moment);
        let id = moment.id;
        self.stages[stage_index].moments.insert(index, moment);
        Ok(Edit::RemoveMoment { id })
    }

    /// Removes a moment; undone by inserting it again where it was.
    fn remove_moment(&mut self, id: Id) -> Result<Edit, EditError> {
        let at = self.find_moment(id).ok_or(EditError::NoSuchMoment(id))?;
        let moment = self.stages[at.stage].moments.remove(at.moment);
        Ok(Edit::InsertMoment {
            stage: self.stages[at.stage].id,
            index: at.moment,
            moment,
        })
    }

    /// Moves a moment to `index` in a stage, its own or another; undone by moving it back.
    fn move_moment(&mut self, id: Id, stage: Id, index: usize) -> Result<Edit, EditError> {
        let from = self.find_moment(id).ok_or(EditError::NoSuchMoment(id))?;
        let to_stage = self
            .stage_index(stage)
            .ok_or(EditError::NoSuchStage(stage))?;
        let room = self.stages[to_stage].moments.len() - usize::from(to_stage == from.stage);
        check_insert(index, room)?;
        let from_stage_id = self.stages[from.stage].id;
        let moment = self.stages[from.stage].moments.remove(from.moment);
        self.stages[to_stage].moments.insert(index, moment);
        Ok(Edit::MoveMoment {
            id,
            stage: from_stage_id,
            index: from.moment,
        })
    }

    /// Replaces one of a moment's texts, cleaned; undone by setting the old text.
    fn set_moment_text(
        &mut self,
        id: Id,
        field: MomentField,
        text: String,
    ) -> Result<Edit, EditError> {
        let text = if field.is_multiline() {
            clean_multiline(&text)
        } else {
            clean_line(&text)
        };
        let moment = self.moment_mut(id)?;
        let old = std::mem::replace(moment.text_mut(field), text);
        Ok(Edit::SetMomentText {
            id,
            field,
            text: old,
        })
    }

    /// Replaces the journey's title or description, cleaned; undone by setting the old text.
    fn set_journey_text(&mut self, field: JourneyField, text: String) -> Result<Edit, EditError> {
        let (slot, text) = match field {
            JourneyField::Title => (&mut self.title, clean_line(&text)),
            JourneyField::Description => (&mut self.description, clean_multiline(&text)),
        };
        let old = std::mem::replace(slot, text);
        Ok(Edit::SetJourneyText { field, text: old })
    }

    /// Replaces the comments on a moment, a stage or the journey, cleaned; undone by
    /// setting the old ones.
    fn set_comments(
        &mut self,
        target: CommentTarget,
        comments: Vec<Comment>,
    ) -> Result<Edit, EditError> {
        let slot = match target {
            CommentTarget::Journey => &mut self.comments,
            CommentTarget::Stage(id) => {
                let index = self.stage_index(id).ok_or(EditError::NoSuchStage(id))?;
                &mut self.stages[index].comments
            }
            CommentTarget::Moment(id) => &mut self.moment_mut(id)?.comments,
        };
        let old = std::mem::replace(slot, clean_comments(comments));
        Ok(Edit::SetComments {
            target,
            comments: old,
        })
    }

    /// Checks every invariant: ids set and unique, `next_id` above them all, no control
    /// characters where they do not belong. For tests: every constructor and edit keeps
    /// these by construction.
    pub fn validate(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        let mut check_id = |id: Id, what: &str| {
            if id.is_unset() {
                return Err(format!("{what} has no id"));
            }
            if id.0 >= self.next_id {
                return Err(format!(
                    "{what} has id {id} at or above next id {}",
                    self.next_id
                ));
            }
            if !seen.insert(id) {
                return Err(format!("{what} repeats id {id}"));
            }
            Ok(())
        };
        let line_ok = |t: &str| t.chars().all(|c| !c.is_control());
        let multiline_ok = |t: &str| t.chars().all(|c| !c.is_control() || c == '\n' || c == '\t');
        let comments_ok = comment::are_clean;
        if !line_ok(&self.title) || !multiline_ok(&self.description) || !comments_ok(&self.comments)
        {
            return Err("journey text holds a control character".into());
        }
        for stage in &self.stages {
            check_id(stage.id, &format!("stage {:?}", stage.name))?;
            if !line_ok(&stage.name)
                || !multiline_ok(&stage.description)
                || !comments_ok(&stage.comments)
            {
                return Err(format!("stage {:?} holds a control character", stage.name));
            }
            for moment in &stage.moments {
                check_id(moment.id, &format!("moment {:?}", moment.title))?;
                let lines = [&moment.title, &moment.channel, &moment.owner];
                if !lines.iter().all(|t| line_ok(t))
                    || !multiline_ok(&moment.notes)
                    || !multiline_ok(&moment.idea)
                    || !moment
                        .tags
                        .iter()
                        .chain(&moment.personas)
                        .all(|t| line_ok(t))
                    || !comments_ok(&moment.comments)
                {
                    return Err(format!(
                        "moment {:?} holds a control character",
                        moment.title
                    ));
                }
            }
        }
        Ok(())
    }

    fn moment_mut(&mut self, id: Id) -> Result<&mut Moment, EditError> {
        let at = self.find_moment(id).ok_or(EditError::NoSuchMoment(id))?;
        Ok(&mut self.stages[at.stage].moments[at.moment])
    }

    /// Gives an inserted stage (and its moments) fresh ids where they have none or where
    /// theirs are already taken, and cleans its text.
    fn adopt_stage(&mut self, stage: &mut Stage) {
        if stage.id.is_unset() || stage.id.0 > MAX_ID || self.id_in_use(stage.id) {
            stage.id = self.allocate_id();
        }
        self.next_id = self.next_id.max(stage.id.0 + 1);
        clean_stage(stage);
        for moment in &mut stage.moments {
            self.adopt_moment(moment);
        }
    }

    fn adopt_moment(&mut self, moment: &mut Moment) {
        if moment.id.is_unset() || moment.id.0 > MAX_ID || self.id_in_use(moment.id) {
            moment.id = self.allocate_id();
        }
        self.next_id = self.next_id.max(moment.id.0 + 1);
        clean_moment(moment);
    }

    fn id_in_use(&self, id: Id) -> bool {
        self.stages
            .iter()
            .any(|s| s.id == id || s.moments.iter().any(|m| m.id == id))
    }

    /// Assigns ids to stages and moments that have none or share one with an earlier
    /// item, keeping every id that is already unique. Ids beyond [`MAX_ID`] (hand-written,
    /// or garbage) are renumbered too, so counting on from the largest never overflows.
    fn assign_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for id in self
            .stages
            .iter_mut()
            .flat_map(|s| std::iter::once(&mut s.id).chain(s.moments.iter_mut().map(|m| &mut m.id)))
        {
            if id.0 > MAX_ID {
                *id = Id(0);
            }
        }
        let max = self
            .stages
            .iter()
            .flat_map(|s| std::iter::once(s.id).chain(s.moments.iter().map(|m| m.id)))
            .map(|id| id.0)
            .max()
            .unwrap_or(0);
        self.next_id = max.saturating_add(1).max(1);
        let mut next = self.next_id;
        let mut fix = |id: &mut Id| {
            if id.is_unset() || !seen.insert(*id) {
                *id = Id(next);
                seen.insert(*id);
                next += 1;
            }
        };
        for stage in &mut self.stages {
            fix(&mut stage.id);
            for moment in &mut stage.moments {
                fix(&mut moment.id);
            }
        }
        self.next_id = next;
    }

    /// Drops control characters from every text, so a map from someone else cannot drive
    /// the terminal it is shown on.
    fn sanitize(&mut self) {
        self.title = clean_line(&self.title);
        self.description = clean_multiline(&self.description);
        self.personas = clean_tags(std::mem::take(&mut self.personas));
        self.comments = clean_comments(std::mem::take(&mut self.comments));
        self.mermaid = self.mermaid.cleaned();
        for stage in &mut self.stages {
            clean_stage(stage);
            for moment in &mut stage.moments {
                clean_moment(moment);
            }
        }
    }
}

/// Cleans a stage's own texts (its moments are cleaned one by one).
fn clean_stage(stage: &mut Stage) {
    stage.name = clean_line(&stage.name);
    stage.description = clean_multiline(&stage.description);
    stage.comments = clean_comments(std::mem::take(&mut stage.comments));
}

fn clean_moment(moment: &mut Moment) {
    moment.title = clean_line(&moment.title);
    moment.channel = clean_line(&moment.channel);
    moment.owner = clean_line(&moment.owner);
    moment.notes = clean_multiline(&moment.notes);
    moment.idea = clean_multiline(&moment.idea);
    moment.tags = clean_tags(std::mem::take(&mut moment.tags));
    moment.personas = clean_tags(std::mem::take(&mut moment.personas));
    moment.comments = clean_comments(std::mem::take(&mut moment.comments));
    moment.mermaid_score = (moment.mermaid_score.as_deref())
        .map(|score| clean_line(score).trim().to_owned())
        .filter(|score| !score.is_empty());
}

fn check_insert(index: usize, len: usize) -> Result<(), EditError> {
    if index > len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

fn check_index(index: usize, len: usize) -> Result<(), EditError> {
    if index >= len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

/// Text for a one-line field: line breaks and tabs become spaces, other control
/// characters (escape sequences among them) are dropped.
pub fn clean_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            '\r' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Text for a field that may span lines: newlines and tabs are kept, Windows line endings
/// become plain newlines, every other control character is dropped.
pub fn clean_multiline(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text.to_owned();
    }
    text.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Tags and persona names: one-line, trimmed, without empties or repeats, order kept.
pub fn clean_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = clean_line(&tag).trim().to_owned();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// A list (tags, personas) as one line of text, as it is typed in the details and written
/// in a CSV cell: `, ` between the items, and a comma inside an item written `\,`, so it
/// stays one item. A backslash is doubled only where it would
/// otherwise be read as one of these escapes (before a comma or a backslash, or at the
/// end of an item), so a list without commas in its items is written as it always was.
pub fn join_list(items: &[String]) -> String {
    let escaped: Vec<String> = items
        .iter()
        .map(|item| {
            let mut out = String::with_capacity(item.len());
            let mut chars = item.chars().peekable();
            while let Some(c) = chars.next() {
                let escape =
                    c == ',' || (c == '\\' && matches!(chars.peek(), None | Some(',' | '\\')));
                if escape {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        })
        .collect();
    escaped.join(", ")
}

/// The items of a list written by [`join_list`] or by hand: split at commas, `\,`
/// a comma within an item and `\\` a backslash; any other backslash is itself.
pub fn split_list(cell: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        let last = items.len() - 1;
        match c {
            '\\' if matches!(chars.peek(), Some(',' | '\\')) => {
                items[last].extend(chars.next());
            }
            ',' => items.push(String::new()),
            c => items[last].push(c),
        }
    }
    clean_tags(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_keeps_commas_and_backslashes_inside_its_items() {
        let items = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        for list in [
            items(&["payment", "speed"]),
            items(&["cash, card", "C:\\x", "ends\\", "\\,", "a\\\\b"]),
            items(&["Kim, the buyer: 30s", "박 고객"]),
        ] {
            assert_eq!(split_list(&join_list(&list)), list, "{}", join_list(&list));
        }
        assert_eq!(join_list(&items(&["payment", "speed"])), "payment, speed");
        assert_eq!(
            join_list(&items(&["cash, card", "C:\\x"])),
            "cash\\, card, C:\\x"
        );
        assert_eq!(split_list("a, b,, c "), ["a", "b", "c"]);
    }

    fn sample() -> Journey {
        let mut buy = Stage::new("Buy");
        buy.moments.push(Moment::new("Pays at the counter"));
        buy.moments.push(Moment::new("Gets a receipt"));
        Journey::from_parts(
            "Coffee".into(),
            String::new(),
            Vec::new(),
            vec![Stage::new("Discover"), buy],
        )
    }

    #[test]
    fn from_parts_assigns_unique_ids() {
        let journey = sample();
        journey.validate().unwrap();
        let ids: Vec<u64> = journey
            .stages()
            .iter()
            .flat_map(|s| std::iter::once(s.id.0).chain(s.moments.iter().map(|m| m.id.0)))
            .collect();
        assert_eq!(ids, vec![1, 2, 3, 4]);
    }

    #[test]
    fn duplicate_ids_are_replaced_and_unique_ones_kept() {
        let mut a = Stage::new("A");
        a.id = Id(7);
        let mut b = Stage::new("B");
        b.id = Id(7);
        let mut m = Moment::new("m");
        m.id = Id(3);
        b.moments.push(m);
        let journey = Journey::from_parts("t".into(), String::new(), vec![], vec![a, b]);
        journey.validate().unwrap();
        assert_eq!(journey.stages()[0].id, Id(7));
        assert_eq!(journey.stages()[1].moments[0].id, Id(3));
        assert_eq!(journey.stages()[1].id, Id(8));
    }

    #[test]
    fn absurd_ids_are_renumbered() {
        let mut a = Stage::new("A");
        a.id = Id(u64::MAX);
        a.moments.push(Moment::new("m"));
        let journey = Journey::from_parts("t".into(), String::new(), vec![], vec![a]);
        journey.validate().unwrap();
        assert!(journey.stages()[0].id.0 <= MAX_ID);
    }

    #[test]
    fn feeling_rejects_out_of_range() {
        assert_eq!(Feeling::new(3), None);
        assert_eq!(Feeling::new(-2).map(Feeling::value), Some(-2));
        assert_eq!(Feeling::clamped(9).value(), 2);
        assert_eq!(Feeling::clamped(-9).value(), -2);
    }

    #[test]
    fn control_characters_are_dropped_but_notes_keep_lines() {
        assert_eq!(clean_line("Red\x1b[31m alert\x07"), "Red[31m alert");
        assert_eq!(clean_line("two\nlines"), "two lines");
        assert_eq!(clean_multiline("a\r\nb\tc\x1b]0;x\x07"), "a\nb\tc]0;x");
        assert_eq!(clean_line("\u{9b}2J"), "2J", "C1 control CSI is dropped");
    }

    #[test]
    fn comments_are_cleaned_on_every_way_in() {
        let dirty = Comment::new("A\tna\x1b", "2026\n", "one\r\ntwo\x07");
        let clean = Comment::new("A na", "2026 ", "one\ntwo");
        let mut moment = Moment::new("m");
        moment.comments.push(dirty.clone());
        let mut stage = Stage::new("s");
        stage.comments.push(dirty.clone());
        stage.moments.push(moment);
        let mut journey = Journey::from_parts("t".into(), String::new(), vec![], vec![stage])
            .with_comments(vec![dirty.clone()]);
        journey.validate().unwrap();
        for comments in [
            &journey.comments,
            &journey.stages()[0].comments,
            &journey.stages()[0].moments[0].comments,
        ] {
            assert_eq!(comments, std::slice::from_ref(&clean));
        }
        let id = journey.stages()[0].id;
        journey
            .apply(Edit::SetComments {
                target: CommentTarget::Stage(id),
                comments: vec![dirty],
            })
            .unwrap();
        journey.validate().unwrap();
        assert!(journey.has_comments());
        assert!(!Journey::new("t").has_comments());
    }

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let original = sample();
        let buy = original.stages()[1].id;
        let discover = original.stages()[0].id;
        let first = original.stages()[1].moments[0].id;
        let edits = vec![
            Edit::InsertStage {
                index: 2,
                stage: Stage::new("Use"),
            },
            Edit::RemoveStage { id: buy },
            Edit::MoveStage { id: buy, to: 0 },
            Edit::SetStageText {
                id: buy,
                field: StageField::Description,
                text: "Paying".into(),
            },
            Edit::InsertMoment {
                stage: discover,
                index: 0,
                moment: Moment::new("Sees the sign"),
            },
            Edit::RemoveMoment { id: first },
            Edit::MoveMoment {
                id: first,
                stage: discover,
                index: 0,
            },
            Edit::MoveMoment {
                id: first,
                stage: buy,
                index: 1,
            },
            Edit::SetMomentText {
                id: first,
                field: MomentField::Notes,
                text: "line one\nline two".into(),
            },
            Edit::SetKind {
                id: first,
                kind: Some(Kind::Fmot),
            },
            Edit::SetFeeling {
                id: first,
                feeling: Feeling::clamped(-2),
            },
            Edit::SetEvidence {
                id: first,
                evidence: Some(Evidence::Observed),
            },
            Edit::SetTarget {
                id: first,
                target: Some(Feeling::clamped(2)),
            },
            Edit::SetList {
                id: first,
                list: MomentList::Tags,
                items: vec!["queue".into(), "queue".into(), " ".into()],
            },
            Edit::SetList {
                id: first,
                list: MomentList::Personas,
                items: vec!["Regular".into(), " Student ".into(), "Regular".into()],
            },
            Edit::SetVotes {
                id: first,
                votes: 3,
            },
            Edit::SetJourneyText {
                field: JourneyField::Title,
                text: "Tea".into(),
            },
            Edit::SetPersonas {
                personas: vec!["Regular".into()],
            },
            Edit::SetComments {
                target: CommentTarget::Moment(first),
                comments: vec![Comment::new("Ana", "2026-12-04T05:12:00Z", "Two\nlines")],
            },
            Edit::SetComments {
                target: CommentTarget::Stage(buy),
                comments: vec![Comment::new("Ana", "2026-12-04T05:12:00Z", "Busy")],
            },
            Edit::SetComments {
                target: CommentTarget::Journey,
                comments: vec![Comment::new("Bo", "2026-12-04T05:13:00Z", "Good")],
            },
            Edit::ReplaceJourney {
                journey: Box::new(Journey::new("Another")),
            },
        ];
        for edit in edits {
            let mut journey = original.clone();
            let inverse = journey.apply(edit.clone()).unwrap();
            assert_ne!(journey, original, "{edit:?} changed nothing");
            journey.validate().unwrap();
            let redo = journey.apply(inverse).unwrap();
            journey.validate().unwrap();
            assert_eq!(journey, original, "{edit:?} was not undone");
            journey.apply(redo).unwrap();
            journey.validate().unwrap();
        }
    }

    #[test]
    fn refused_edits_change_nothing() {
        let mut journey = sample();
        let before = journey.clone();
        let buy = journey.stages()[1].id;
        let first = journey.stages()[1].moments[0].id;
        assert_eq!(
            journey.apply(Edit::RemoveMoment { id: Id(99) }),
            Err(EditError::NoSuchMoment(Id(99)))
        );
        assert!(
            journey
                .apply(Edit::MoveMoment {
                    id: first,
                    stage: buy,
                    index: 2
                })
                .is_err()
        );
        assert!(journey.apply(Edit::MoveStage { id: buy, to: 2 }).is_err());
        assert_eq!(journey, before);
    }

    #[test]
    fn inserted_moments_get_fresh_ids_even_when_they_bring_one() {
        let mut journey = sample();
        let buy = journey.stages()[1].id;
        let clash = journey.stages()[1].moments[0].clone();
        journey
            .apply(Edit::InsertMoment {
                stage: buy,
                index: 0,
                moment: clash.clone(),
            })
            .unwrap();
        journey.validate().unwrap();
        assert_ne!(journey.stages()[1].moments[0].id, clash.id);
    }
}
