//! What a key can ask the editor to do: plain data with a stable name and a description,
//! one table feeding the key tables of every context, the help overlay and the hints.

/// The groups actions fall in: the board's six, under which the help overlay and the
/// README list the board's keys, and one for the actions of each other context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Move,
    Edit,
    Feeling,
    Rearrange,
    Workshop,
    File,
    Views,
    Details,
    Menu,
    Presentation,
    Help,
    Answer,
    Command,
    Typing,
}

impl Group {
    /// The board's groups, in the order the help and the README list them; the others
    /// each belong to one context, which heads them there.
    pub const BOARD: [Group; 6] = [
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
            Group::Views => "Emotion curve, summary and votes",
            Group::Details => "Details of a moment",
            Group::Menu => "Menus: moment of truth, filter, export",
            Group::Presentation => "Presentation",
            Group::Help => "This help",
            Group::Answer => "Answers to a question",
            Group::Command => "The command line",
            Group::Typing => "While typing",
        }
    }
}

macro_rules! actions {
    ($($variant:ident, $name:literal, $group:ident, $description:literal;)*) => {
        /// Everything a key can ask for, in any context.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $($variant,)*
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The stable snake_case name, as the settings file refers to it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                }
            }

            /// One line for the help overlay and the README.
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
    SelectLastMoment, "select_last_moment", Move, "last moment in the stage; after a count, the moment of that number (1 is the first)";
    SelectFirstStage, "select_first_stage", Move, "first stage";
    SelectLastStage, "select_last_stage", Move, "last stage";
    AddMoment, "add_moment", Edit, "add a moment below this one and type its title";
    AddStage, "add_stage", Edit, "add a stage to the right and type its name";
    EditTitle, "edit_title", Edit, "edit the moment's title";
    RenameStage, "rename_stage", Edit, "rename the stage";
    RenameJourney, "rename_journey", Edit, "rename the journey";
    DescribeStage, "describe_stage", Edit, "write the stage's description";
    DescribeJourney, "describe_journey", Edit, "write the journey's description";
    EditPersonas, "edit_personas", Edit, "name the journey's personas, separated by commas";
    OpenDetails, "open_details", Edit, "show and edit every field of the moment";
    EditExternally, "edit_externally", Edit, "write the moment's notes in your own editor ($VISUAL or $EDITOR); in the details, the highlighted field";
    DeleteMoment, "delete_moment", Edit, "delete the moment (and keep it on the clipboard, to put elsewhere)";
    YankMoment, "yank_moment", Edit, "copy the moment to the clipboard";
    PutBelow, "put_below", Edit, "put the clipboard's moment below this one: a copy, or the one deleted";
    PutAbove, "put_above", Edit, "put the clipboard's moment above this one";
    RepeatChange, "repeat_change", Edit, "do the last change again on this moment: a feeling, kind, to-be, vote, move, delete or put";
    DeleteStage, "delete_stage", Edit, "delete the stage (asks if it has moments)";
    AddComment, "add_comment", Edit, "comment on the moment: type it, signed with your name and the time";
    CommentStage, "comment_stage", Edit, "the stage's comments: read them, add one, resolve one";
    CommentJourney, "comment_journey", Edit, "the journey's comments (the map as a whole): read, add, resolve";
    MakePain, "make_pain", Feeling, "make it a pain; again for a deep pain";
    MakeGlory, "make_glory", Feeling, "make it a glory; again for a deep glory";
    MakeNeutral, "make_neutral", Feeling, "make it neutral";
    RaiseFeeling, "raise_feeling", Feeling, "feeling one step up, towards glory";
    LowerFeeling, "lower_feeling", Feeling, "feeling one step down, towards pain";
    PickKind, "pick_kind", Feeling, "choose the moment of truth from a menu";
    MoveMomentLeft, "move_moment_left", Rearrange, "move the moment to the previous stage";
    MoveMomentRight, "move_moment_right", Rearrange, "move the moment to the next stage";
    MoveMomentUp, "move_moment_up", Rearrange, "move the moment up";
    MoveMomentDown, "move_moment_down", Rearrange, "move the moment down";
    MoveStageLeft, "move_stage_left", Rearrange, "move the stage left";
    MoveStageRight, "move_stage_right", Rearrange, "move the stage right";
    NextView, "next_view", Workshop, "next view: board, emotion curve, summary, votes";
    PreviousView, "previous_view", Workshop, "previous view";
    AddVote, "add_vote", Workshop, "give the moment a dot vote";
    VotingRound, "voting_round", Workshop, "start a voting round (votes hidden, your dots counted); again to reveal the votes";
    RemoveVote, "remove_vote", Workshop, "take a dot vote back";
    Filter, "filter", Workshop, "filter the moments: add or take away a condition (kind, pain or glory, text, idea, open comments); all must hold";
    ClearFilter, "clear_filter", Workshop, "show every moment again";
    CycleDensity, "cycle_density", Workshop, "cards: compact (titles and votes), normal, detailed (notes' first line and the idea)";
    Timer, "timer", Workshop, "start a countdown, or pause and resume it";
    ResetTimer, "reset_timer", Workshop, "stop and clear the countdown";
    Present, "present", Workshop, "presentation for a projector: one stage at a time in large letters, the moment in focus in full";
    Undo, "undo", File, "undo the last change";
    Redo, "redo", File, "redo what was undone";
    Save, "save", File, "save the map (merging in what others saved; while others are on the map, changes save by themselves)";
    StartEditing, "start_editing", File, "reading only: start editing the map";
    NextConflict, "next_conflict", File, "go to the next card a merge left with a conflict to settle";
    Export, "export", File, "export the map beside it: Mermaid, Markdown, CSV, HTML or JSON";
    Search, "search", File, "search titles, notes, ideas, tags, channels, owners, personas and comments; every match stands out";
    NextMatch, "next_match", File, "next search match";
    PreviousMatch, "previous_match", File, "previous search match";
    CommandLine, "command_line", File, "type a command: :w, :q, :e FILE, :export FORMAT, a stage's number, an action's name";
    Help, "help", File, "show every key (in presentation, its own)";
    Quit, "quit", File, "quit (asks first if there are unsaved changes)";

    ShowOnBoard, "show_on_board", Views, "back to the board, on the stage or moment chosen here";

    PreviousField, "previous_field", Details, "previous field";
    NextField, "next_field", Details, "next field";
    EditField, "edit_field", Details, "edit the field; kind, feeling, to-be and evidence take their next value";
    PreviousValue, "previous_value", Details, "kind, feeling, to-be or evidence: the previous value";
    NextValue, "next_value", Details, "kind, feeling, to-be or evidence: the next value";
    ResolveComment, "resolve_comment", Details, "resolve the highlighted comment, or open it again";
    Close, "close", Details, "close it, changing nothing";

    MenuUp, "menu_up", Menu, "highlight the row above";
    MenuDown, "menu_down", Menu, "highlight the row below";
    MenuChoose, "menu_choose", Menu, "take the highlighted row";
    ChooseZmot, "choose_zmot", Menu, "make it a ZMOT: researching before buying";
    ChooseFmot, "choose_fmot", Menu, "make it an FMOT: the first encounter, the decision to buy";
    ChooseAmot, "choose_amot", Menu, "make it an AMOT: between paying and receiving";
    ChooseSmot, "choose_smot", Menu, "make it a SMOT: using the product";
    ChooseTmot, "choose_tmot", Menu, "make it a TMOT: the customer gives back, advocate or critic";
    ChooseLmot, "choose_lmot", Menu, "make it an LMOT: feedback that becomes the next one's research";
    ChooseNoKind, "choose_no_kind", Menu, "make it an ordinary touchpoint";
    FilterPains, "filter_pains", Menu, "show the pains";
    FilterGlories, "filter_glories", Menu, "show the glories";
    FilterMomentsOfTruth, "filter_moments_of_truth", Menu, "show the moments of truth";
    FilterOrdinary, "filter_ordinary", Menu, "show the ordinary touchpoints";
    FilterZmot, "filter_zmot", Menu, "show the ZMOTs";
    FilterFmot, "filter_fmot", Menu, "show the FMOTs";
    FilterAmot, "filter_amot", Menu, "show the AMOTs";
    FilterSmot, "filter_smot", Menu, "show the SMOTs";
    FilterTmot, "filter_tmot", Menu, "show the TMOTs";
    FilterLmot, "filter_lmot", Menu, "show the LMOTs";
    FilterText, "filter_text", Menu, "type what a tag, channel, persona or owner contains";
    FilterIdea, "filter_idea", Menu, "show the moments with an idea";
    FilterOpenComments, "filter_open_comments", Menu, "show the moments with open comments";
    ToggleHidden, "toggle_hidden", Menu, "hide the moments the filter leaves out, or dim them again";
    ExportMermaid, "export_mermaid", Menu, "export as Mermaid: a journey diagram for GitHub, GitLab, Notion";
    ExportMarkdown, "export_markdown", Menu, "export as Markdown: a report for a wiki or a pull request";
    ExportCsv, "export_csv", Menu, "export as CSV: one row per moment, for spreadsheets";
    ExportHtml, "export_html", Menu, "export as HTML: a printable page with the board and the curve";
    ExportJson, "export_json", Menu, "export as JSON: the model, for other tools";

    WholeMap, "whole_map", Presentation, "the whole map, or one stage at a time again";
    CurveSlide, "curve_slide", Presentation, "the emotion curve full screen, or one stage at a time again";
    LargerText, "larger_text", Presentation, "larger text";
    SmallerText, "smaller_text", Presentation, "smaller text, more on the screen";
    BlankScreen, "blank_screen", Presentation, "blank the screen for a pause; any key brings it back";
    StopPresenting, "stop_presenting", Presentation, "back to the board";

    ScrollDown, "scroll_down", Help, "scroll down";
    ScrollUp, "scroll_up", Help, "scroll up";
    PageDown, "page_down", Help, "a page down";
    PageUp, "page_up", Help, "a page up";

    ConfirmDeleteStage, "confirm_delete_stage", Answer, "delete the stage and its moments";
    KeepStage, "keep_stage", Answer, "keep the stage";
    SaveAndQuit, "save_and_quit", Answer, "save, then quit";
    QuitWithoutSaving, "quit_without_saving", Answer, "quit without saving";
    Stay, "stay", Answer, "stay in motmap";
    RestoreRecovery, "restore_recovery", Answer, "restore the unsaved changes";
    DeleteRecovery, "delete_recovery", Answer, "delete the recovery file";
    DecideLater, "decide_later", Answer, "decide later";
    OverwriteExport, "overwrite_export", Answer, "write over it";
    KeepFile, "keep_file", Answer, "leave it as it is";
    PasteAsCards, "paste_as_cards", Answer, "a card for each line pasted";
    PasteAsOneCard, "paste_as_one_card", Answer, "one card, the lines joined with spaces";
    CancelPaste, "cancel_paste", Answer, "back to the title, nothing pasted";

    CompleteNext, "complete_next", Command, "complete the command or name; again for the next candidate";
    CompletePrevious, "complete_previous", Command, "the previous candidate";
    OlderCommand, "older_command", Command, "the command typed before this one (of those starting as typed)";
    NewerCommand, "newer_command", Command, "the command typed after it";

    KeepText, "keep_text", Typing, "keep the text";
    CancelText, "cancel_text", Typing, "cancel and keep the old text";
    CursorLeft, "cursor_left", Typing, "move the cursor left";
    CursorRight, "cursor_right", Typing, "move the cursor right";
    WordLeft, "word_left", Typing, "to the start of the word before the cursor";
    WordRight, "word_right", Typing, "to the start of the next word";
    LineUp, "line_up", Typing, "up a line, in notes, ideas, descriptions and comments";
    LineDown, "line_down", Typing, "down a line, in notes, ideas, descriptions and comments";
    CursorHome, "cursor_home", Typing, "to the start of the line";
    CursorEnd, "cursor_end", Typing, "to the end of the line";
    EraseBefore, "erase_before", Typing, "erase before the cursor";
    EraseAfter, "erase_after", Typing, "erase after the cursor";
    EraseWord, "erase_word", Typing, "erase the word before the cursor";
    EraseToStart, "erase_to_start", Typing, "erase to the start of the line";
    EraseToEnd, "erase_to_end", Typing, "erase to the end of the line";
    NewLine, "new_line", Typing, "new line, in notes, ideas, descriptions and comments";
    InsertTab, "insert_tab", Typing, "a tab, in notes, ideas, descriptions and comments";
    UndoTyping, "undo_typing", Typing, "undo the last word typed or erased in the field (Esc still cancels the whole edit)";
    RedoTyping, "redo_typing", Typing, "redo what was undone in the field";
}

impl Action {
    /// The action called `name` in the settings file.
    pub fn named(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// The description up to its first `;`, `(` or `:`, for a message about the action:
    /// "make it a pain; again for a deep pain" → "make it a pain".
    pub fn short_description(self) -> &'static str {
        let full = self.description();
        full.split([';', '(', ':']).next().unwrap_or(full).trim()
    }

    /// Whether the action changes the map (or saves it), and so is refused in a
    /// read-only view.
    pub fn edits(self) -> bool {
        match self.group() {
            // These open something (the details, a list of comments) or copy.
            Group::Edit => !matches!(
                self,
                Action::OpenDetails
                    | Action::CommentStage
                    | Action::CommentJourney
                    | Action::YankMoment
            ),
            Group::Feeling | Group::Rearrange => true,
            Group::Workshop => matches!(self, Action::AddVote | Action::RemoveVote),
            Group::File => matches!(self, Action::Undo | Action::Redo | Action::Save),
            Group::Details => matches!(
                self,
                Action::EditField
                    | Action::PreviousValue
                    | Action::NextValue
                    | Action::ResolveComment
            ),
            Group::Menu => self.kind_choice().is_some(),
            // Answers that save or add cards.
            Group::Answer => matches!(self, Action::SaveAndQuit | Action::PasteAsCards),
            Group::Move
            | Group::Views
            | Group::Presentation
            | Group::Help
            | Group::Command
            | Group::Typing => false,
        }
    }

    /// Whether a reviewer may do it in a read-only view although it changes the map:
    /// comment, and give or take back dot votes. Nothing else that changes the map is.
    pub fn reviews(self) -> bool {
        matches!(
            self,
            Action::AddComment | Action::AddVote | Action::RemoveVote
        )
    }

    /// Whether a read-only view refuses it: it changes or saves the map, and is not a
    /// reviewer's comment or vote.
    pub fn refused_in_read_only(self) -> bool {
        self.edits() && !self.reviews()
    }

    /// Whether a count typed before the key (`3j`) makes it go that many steps.
    pub fn takes_count(self) -> bool {
        matches!(
            self,
            Action::SelectPreviousStage
                | Action::SelectNextStage
                | Action::SelectPreviousMoment
                | Action::SelectNextMoment
                | Action::SelectLastMoment
                | Action::MenuUp
                | Action::MenuDown
                | Action::MoveMomentLeft
                | Action::MoveMomentRight
                | Action::MoveMomentUp
                | Action::MoveMomentDown
                | Action::MoveStageLeft
                | Action::MoveStageRight
                | Action::RaiseFeeling
                | Action::LowerFeeling
                | Action::AddVote
                | Action::RemoveVote
                | Action::DeleteMoment
                | Action::YankMoment
                | Action::PutBelow
                | Action::PutAbove
                | Action::RepeatChange
                | Action::Undo
                | Action::Redo
        )
    }

    /// For the kind menu's rows: the kind the action chooses (`Some(None)`: an ordinary
    /// touchpoint).
    pub fn kind_choice(self) -> Option<Option<crate::model::Kind>> {
        use crate::model::Kind;
        Some(match self {
            Action::ChooseZmot => Some(Kind::Zmot),
            Action::ChooseFmot => Some(Kind::Fmot),
            Action::ChooseAmot => Some(Kind::Amot),
            Action::ChooseSmot => Some(Kind::Smot),
            Action::ChooseTmot => Some(Kind::Tmot),
            Action::ChooseLmot => Some(Kind::Lmot),
            Action::ChooseNoKind => None,
            _ => return None,
        })
    }
}

impl Action {
    /// For the filter menu's kinds: the kind the action shows.
    pub fn filter_kind(self) -> Option<crate::model::Kind> {
        use crate::model::Kind;
        Some(match self {
            Action::FilterZmot => Kind::Zmot,
            Action::FilterFmot => Kind::Fmot,
            Action::FilterAmot => Kind::Amot,
            Action::FilterSmot => Kind::Smot,
            Action::FilterTmot => Kind::Tmot,
            Action::FilterLmot => Kind::Lmot,
            _ => return None,
        })
    }

    /// Whether the action opens a field, a menu or a prompt, showing what it will change
    /// before anything changes: from a view, it goes to the board and opens it there.
    pub fn opens_something(self) -> bool {
        matches!(
            self,
            Action::AddMoment
                | Action::AddStage
                | Action::EditTitle
                | Action::RenameStage
                | Action::RenameJourney
                | Action::DescribeStage
                | Action::DescribeJourney
                | Action::EditPersonas
                | Action::AddComment
                | Action::CommentStage
                | Action::CommentJourney
                | Action::OpenDetails
                | Action::PickKind
                | Action::Search
                | Action::Filter
        )
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
            Action::NextField,
            Action::ShowOnBoard,
        ] {
            assert!(!action.edits(), "{action:?}");
        }
        for action in [
            Action::MakePain,
            Action::AddStage,
            Action::MoveStageLeft,
            Action::Undo,
            Action::Save,
            Action::EditField,
            Action::ChooseFmot,
            Action::ResolveComment,
            Action::SaveAndQuit,
        ] {
            assert!(action.edits(), "{action:?}");
        }
    }

    #[test]
    fn a_reviewer_may_comment_and_vote_and_nothing_else_that_edits() {
        let allowed: Vec<Action> = Action::ALL
            .iter()
            .copied()
            .filter(|a| a.edits() && !a.refused_in_read_only())
            .collect();
        assert_eq!(
            allowed,
            [Action::AddComment, Action::AddVote, Action::RemoveVote]
        );
    }
}
