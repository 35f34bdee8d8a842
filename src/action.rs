//! What a key can ask the editor to do: plain data with a stable name and a description,
//! one table feeding the key map, the help overlay and the status line hints.

/// The groups the help overlay lists actions under, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Move,
    Edit,
    Feeling,
    Rearrange,
    Workshop,
    File,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Move,
        Group::Edit,
        Group::Feeling,
        Group::Rearrange,
        Group::Workshop,
        Group::File,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move around",
            Group::Edit => "Add, edit, delete",
            Group::Feeling => "Pain, glory, moment of truth",
            Group::Rearrange => "Rearrange",
            Group::Workshop => "Workshop",
            Group::File => "Undo, save, export, search, quit",
        }
    }
}

macro_rules! actions {
    ($($variant:ident, $name:literal, $group:ident, $description:literal;)*) => {
        /// Everything the board can be asked to do from the keyboard.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $($variant,)*
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The stable snake_case name, as a key configuration will refer to it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                }
            }

            /// One line for the help overlay.
            pub fn description(self) -> &'static str {
                match self {
                    $(Action::$variant => $description,)*
                }
            }

            pub fn group(self) -> Group {
                match self {
                    $(Action::$variant => Group::$group,)*
                }
            }
        }
    };
}

actions! {
    SelectPreviousStage, "select_previous_stage", Move, "previous stage";
    SelectNextStage, "select_next_stage", Move, "next stage";
    SelectPreviousMoment, "select_previous_moment", Move, "previous moment in the stage";
    SelectNextMoment, "select_next_moment", Move, "next moment in the stage";
    SelectFirstMoment, "select_first_moment", Move, "first moment in the stage";
    SelectLastMoment, "select_last_moment", Move, "last moment in the stage";
    AddMoment, "add_moment", Edit, "add a moment below this one and type its title";
    AddStage, "add_stage", Edit, "add a stage to the right and type its name";
    EditTitle, "edit_title", Edit, "edit the moment's title";
    RenameStage, "rename_stage", Edit, "rename the stage";
    RenameJourney, "rename_journey", Edit, "rename the journey";
    DescribeStage, "describe_stage", Edit, "write the stage's description";
    DescribeJourney, "describe_journey", Edit, "write the journey's description";
    EditPersonas, "edit_personas", Edit, "name the journey's personas, separated by commas";
    OpenDetails, "open_details", Edit, "show and edit every field of the moment";
    DeleteMoment, "delete_moment", Edit, "delete the moment";
    DeleteStage, "delete_stage", Edit, "delete the stage (asks if it has moments)";
    MakePain, "make_pain", Feeling, "make it a pain; again for a deep pain";
    MakeGlory, "make_glory", Feeling, "make it a glory; again for a deep glory";
    MakeNeutral, "make_neutral", Feeling, "make it neutral";
    RaiseFeeling, "raise_feeling", Feeling, "feeling one step up, towards glory";
    LowerFeeling, "lower_feeling", Feeling, "feeling one step down, towards pain";
    PickKind, "pick_kind", Feeling, "choose the moment of truth: z f a s t l, n for none";
    MoveMomentLeft, "move_moment_left", Rearrange, "move the moment to the previous stage";
    MoveMomentRight, "move_moment_right", Rearrange, "move the moment to the next stage";
    MoveMomentUp, "move_moment_up", Rearrange, "move the moment up";
    MoveMomentDown, "move_moment_down", Rearrange, "move the moment down";
    MoveStageLeft, "move_stage_left", Rearrange, "move the stage left";
    MoveStageRight, "move_stage_right", Rearrange, "move the stage right";
    NextView, "next_view", Workshop, "next view: board, emotion curve, summary, votes";
    PreviousView, "previous_view", Workshop, "previous view";
    AddVote, "add_vote", Workshop, "give the moment a dot vote";
    RemoveVote, "remove_vote", Workshop, "take a dot vote back";
    Filter, "filter", Workshop, "show only some moments: by kind, pain or glory, tag, channel, persona";
    ClearFilter, "clear_filter", Workshop, "show every moment again";
    Timer, "timer", Workshop, "start a countdown, or pause and resume it";
    ResetTimer, "reset_timer", Workshop, "stop and clear the countdown";
    Present, "present", Workshop, "presentation: large cards, one stage at a time, for a projector";
    Undo, "undo", File, "undo the last change";
    Redo, "redo", File, "redo what was undone";
    Save, "save", File, "save the map";
    Export, "export", File, "export the map beside it: Mermaid, Markdown, CSV, HTML or JSON";
    Search, "search", File, "search titles, notes, ideas and tags";
    NextMatch, "next_match", File, "next search match";
    PreviousMatch, "previous_match", File, "previous search match";
    Help, "help", File, "show every key";
    Quit, "quit", File, "quit (asks first if there are unsaved changes)";
}

impl Action {
    /// Whether the action changes the map (or saves it), and so is refused in a
    /// read-only view.
    pub fn edits(self) -> bool {
        match self.group() {
            Group::Edit => self != Action::OpenDetails,
            Group::Feeling | Group::Rearrange => true,
            Group::Workshop => matches!(self, Action::AddVote | Action::RemoveVote),
            Group::Move => false,
            Group::File => matches!(self, Action::Undo | Action::Redo | Action::Save),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }

    #[test]
    fn reading_is_not_editing() {
        for action in [
            Action::OpenDetails,
            Action::SelectNextStage,
            Action::Search,
            Action::NextMatch,
            Action::Help,
            Action::Quit,
        ] {
            assert!(!action.edits(), "{action:?}");
        }
        for action in [
            Action::MakePain,
            Action::AddStage,
            Action::MoveStageLeft,
            Action::Undo,
            Action::Save,
        ] {
            assert!(action.edits(), "{action:?}");
        }
    }
}
