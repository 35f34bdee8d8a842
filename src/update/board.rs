//! The board's actions: moving around, adding, editing, deleting, feelings and kinds,
//! rearranging, and the board's ways into the views, menus, prompts and files.

use crate::action::Action;
use crate::app::{App, Change, Confirm, DetailField, Effect, Mode, Screen, Selection, TextTarget};
use crate::input::TextInput;
use crate::layout::Density;
use crate::model::{CommentTarget, Edit, Feeling, Kind, Moment, Stage, join_list};
use crate::text::{plural, quoted};

impl App {
    /// Carries out a board action, with the count typed before it where it takes one.
    pub(super) fn board_action(&mut self, action: Action, count: Option<usize>) -> Vec<Effect> {
        let steps = count.unwrap_or(1) as isize;
        match action {
            Action::SelectPreviousStage => self.step_stage(-steps),
            Action::SelectNextStage => self.step_stage(steps),
            Action::SelectFirstStage => self.step_stage(-isize::MAX),
            Action::SelectLastStage => self.step_stage(isize::MAX),
            Action::SelectPreviousMoment => self.step_moment(-steps),
            Action::SelectNextMoment => self.step_moment(steps),
            Action::SelectFirstMoment => {
                self.selection.moment = 0;
                self.keep_selection_shown();
            }
            Action::SelectLastMoment => self.select_moment_number(count),
            Action::AddMoment => self.add_moment(),
            Action::AddStage => self.add_stage(),
            Action::EditTitle
            | Action::RenameStage
            | Action::RenameJourney
            | Action::DescribeStage
            | Action::DescribeJourney
            | Action::EditPersonas => self.start_editing(action),
            Action::OpenDetails => self.open_details(),
            Action::EditExternally => return self.edit_externally(DetailField::Notes),
            Action::AddComment => self.start_comment(None),
            Action::CommentStage | Action::CommentJourney => self.open_comments(action),
            Action::DeleteMoment => self.delete_moments(steps as usize),
            Action::YankMoment => self.yank(steps as usize),
            Action::PutBelow => self.put(true, steps as usize),
            Action::PutAbove => self.put(false, steps as usize),
            Action::RepeatChange => self.repeat_change(count),
            Action::CommandLine => self.open_command_line(),
            Action::DeleteStage => self.delete_stage(),
            Action::MakePain => self.make_pain_or_glory(-1),
            Action::MakeGlory => self.make_pain_or_glory(1),
            Action::MakeNeutral => {
                self.set_feeling(Feeling::NEUTRAL);
            }
            Action::RaiseFeeling => self.shift_feeling(steps),
            Action::LowerFeeling => self.shift_feeling(-steps),
            Action::PickKind => self.open_kind_menu(),
            Action::MoveMomentLeft => self.move_moment_across(-steps),
            Action::MoveMomentRight => self.move_moment_across(steps),
            Action::MoveMomentUp => self.move_moment_within(-steps),
            Action::MoveMomentDown => self.move_moment_within(steps),
            Action::MoveStageLeft => self.move_stage(-steps),
            Action::MoveStageRight => self.move_stage(steps),
            Action::NextView => self.change_view(1),
            Action::PreviousView => self.change_view(-1),
            Action::Export => return self.open_export_menu(),
            Action::AddVote => self.vote(steps as i64),
            Action::VotingRound => self.voting_round(),
            Action::RemoveVote => self.vote(-steps as i64),
            Action::Filter => self.open_filter_menu(),
            Action::ClearFilter => {
                let clear = if self.filter.take().is_some() {
                    "Filter off: every moment shows."
                } else {
                    "No filter is on."
                };
                self.info(clear);
            }
            Action::CycleDensity => {
                self.density = self.density.next();
                let next = self.keymap().board_key(Action::CycleDensity);
                let what = match self.density {
                    Density::Compact => "titles and votes, a line each",
                    Density::Normal => "badge, feeling, channel, title, votes and markers",
                    Density::Detailed => "also the first line of the notes and the idea",
                };
                self.info(format!(
                    "Cards: {} ({what}). {next} for the next.",
                    self.density.label()
                ));
            }
            Action::Timer => self.timer_key(false),
            Action::ResetTimer => self.reset_timer(),
            Action::Present => self.start_presenting(),
            Action::Undo => self.undo_times(steps as usize),
            Action::Redo => self.redo_times(steps as usize),
            Action::Save => {
                return vec![Effect::Save { then_quit: false }];
            }
            Action::Search => self.open_search(),
            Action::NextMatch => self.find_match(true, false),
            Action::PreviousMatch => self.find_match(false, false),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Quit => return self.quit(),
            Action::NextConflict => self.next_conflict(),
            Action::StartEditing => return self.start_editing_map(),
            _ => {}
        }
        Vec::new()
    }

    fn open_details(&mut self) {
        if self.moment_or_hint().is_some() {
            self.mode = Mode::Details {
                field: 0,
                editing: None,
            };
            let hint = self.details_hint();
            self.info(hint);
        }
    }

    /// The keys that keep and cancel what is typed, as the settings have them.
    pub(super) fn typing_keys(&self) -> [String; 2] {
        let key = |a| self.keymap().first_label(crate::keymap::Context::Typing, a);
        [key(Action::KeepText), key(Action::CancelText)]
    }

    /// Quits at once when nothing is unsaved; saves first when changes save by
    /// themselves anyway; otherwise asks first.
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if !self.is_modified() {
            self.should_quit = true;
        } else if self.saves_by_itself() {
            return vec![Effect::Save { then_quit: true }];
        } else {
            self.mode = Mode::Confirm(Confirm::Quit);
            self.warn("There are unsaved changes.");
        }
        Vec::new()
    }

    /// Whether changes here are saved without asking: others are on the map, the settings
    /// say always, or a reviewer commented or voted; and the file can be written.
    pub(super) fn saves_by_itself(&self) -> bool {
        (self.is_live() || self.save_always || self.read_only) && self.cannot_write.is_none()
    }

    pub(super) fn change_view(&mut self, step: isize) {
        self.screen = self.screen.step(step);
        let next = self.keymap().board_key(Action::NextView);
        let message = match self.screen {
            Screen::Board => format!("The board. {next} for the emotion curve."),
            Screen::Curve => format!(
                "Emotion curve: each stage's average feeling, every moment as a point. {next} for the summary."
            ),
            Screen::Summary => {
                format!("Summary of the journey and its stages. {next} for the votes.")
            }
            Screen::Votes => format!("The most-voted moments. {next} for the board."),
        };
        self.info(message);
    }

    /// Moves the selection `step` stages sideways, as far as there are stages.
    pub(super) fn step_stage(&mut self, step: isize) {
        let stages = self.journey().stages().len();
        if stages == 0 {
            self.hint_add_stage();
            return;
        }
        let Some(target) = self.step_to(
            self.selection.stage,
            step,
            stages,
            ["This is the first stage.", "This is the last stage."],
        ) else {
            return;
        };
        self.selection.stage = target;
        self.clamp_selection();
        self.keep_selection_shown();
    }

    /// Selects the moment of number `count` in the stage (`1` the first), or the last
    /// without a count or when the stage has fewer.
    fn select_moment_number(&mut self, count: Option<usize>) {
        let moments = self.selected_stage().map_or(0, |s| s.moments.len());
        if moments > 0 && count.is_some_and(|n| n > moments) {
            self.info(format!(
                "This stage has {}; this is the last.",
                plural(moments, "moment", "moments")
            ));
        }
        self.selection.moment = count.map_or(moments, |n| n.saturating_sub(1));
        self.clamp_selection();
        self.keep_selection_shown();
    }

    /// Whether the board shows moment `moment` of stage `stage`: always, unless the
    /// filter hides what it leaves out.
    pub(super) fn is_shown(&self, stage: usize, moment: usize) -> bool {
        let Some(filter) = self.hiding() else {
            return true;
        };
        self.journey()
            .stages()
            .get(stage)
            .and_then(|s| s.moments.get(moment))
            .is_none_or(|m| filter.matches(m))
    }

    /// While the filter hides what it leaves out, moves the selection off a hidden card
    /// to the nearest shown one in its stage (below first); stays when none is shown.
    pub(super) fn keep_selection_shown(&mut self) {
        let Selection { stage, moment } = self.selection;
        if self.is_shown(stage, moment) {
            return;
        }
        let len = self.selected_stage().map_or(0, |s| s.moments.len());
        let below = (moment + 1..len).find(|&m| self.is_shown(stage, m));
        let above = (0..moment).rev().find(|&m| self.is_shown(stage, m));
        if let Some(to) = below.or(above) {
            self.selection.moment = to;
        }
    }

    /// Moves the selection `step` moments up or down the stage, as far as there are
    /// moments.
    pub(super) fn step_moment(&mut self, step: isize) {
        let moments = self.selected_stage().map_or(0, |s| s.moments.len());
        if moments == 0 {
            let add = self.keymap().board_key(Action::AddMoment);
            self.info(format!("This stage has no moments yet: {add} adds one."));
            return;
        }
        // Among the moments shown (and the selected one), so hidden ones are skipped.
        let stage = self.selection.stage;
        let here = self.selection.moment;
        let shown: Vec<usize> = (0..moments)
            .filter(|&m| m == here || self.is_shown(stage, m))
            .collect();
        let at = shown.iter().position(|&m| m == here).unwrap_or(0);
        let Some(target) = self.step_to(
            at,
            step,
            shown.len(),
            [
                "This is the first moment of the stage.",
                "This is the last moment of the stage.",
            ],
        ) else {
            return;
        };
        self.selection.moment = shown[target];
    }

    /// Where `at` lands `step` places on among `len` places, stopping at the ends. When it
    /// cannot move at all, says which end it is at (`ends`: what to say at the first
    /// place, at the last) and gives `None`.
    fn step_to(&mut self, at: usize, step: isize, len: usize, ends: [&str; 2]) -> Option<usize> {
        let to = at.saturating_add_signed(step).min(len.saturating_sub(1));
        if to == at {
            self.info(if step < 0 { ends[0] } else { ends[1] });
            return None;
        }
        Some(to)
    }

    pub(super) fn hint_add_stage(&mut self) {
        let add = self.keymap().board_key(Action::AddStage);
        self.info(format!("The journey has no stages yet: {add} adds one."));
    }

    /// The selected moment, or a hint on the status line when there is none.
    pub(super) fn moment_or_hint(&mut self) -> Option<Moment> {
        if let Some(moment) = self.selected_moment() {
            return Some(moment.clone());
        }
        if self.selected_stage().is_some() {
            let add = self.keymap().board_key(Action::AddMoment);
            self.info(format!("No moment here: {add} adds one."));
        } else {
            self.hint_add_stage();
        }
        None
    }

    pub(super) fn stage_or_hint(&mut self) -> Option<Stage> {
        let stage = self.selected_stage().cloned();
        if stage.is_none() {
            self.hint_add_stage();
        }
        stage
    }

    /// Opens the field for a new card below the selected one. The card joins the map, as
    /// one change, only when its title is confirmed.
    fn add_moment(&mut self) {
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        let index = if stage.moments.is_empty() {
            0
        } else {
            self.selection.moment + 1
        };
        self.mode = Mode::EditText {
            target: TextTarget::NewMoment {
                stage: stage.id,
                index,
            },
            input: TextInput::line(""),
        };
        let [keep, cancel] = self.typing_keys();
        self.info(format!(
            "New moment in {}: type its title, {keep} adds it, {cancel} cancels.",
            quoted(&stage.name)
        ));
    }

    /// Opens the field for a new stage to the right of the selected one.
    fn add_stage(&mut self) {
        let index = if self.journey().stages().is_empty() {
            0
        } else {
            self.selection.stage + 1
        };
        self.mode = Mode::EditText {
            target: TextTarget::NewStage { index },
            input: TextInput::line(""),
        };
        let [keep, cancel] = self.typing_keys();
        self.info(format!(
            "New stage: type its name, {keep} adds it, {cancel} cancels."
        ));
    }

    /// Opens the field for changing an existing title, name or description.
    fn start_editing(&mut self, action: Action) {
        let (target, input, hint) = match action {
            Action::EditTitle => {
                let Some(moment) = self.moment_or_hint() else {
                    return;
                };
                (
                    TextTarget::MomentTitle(moment.id),
                    TextInput::line(&moment.title),
                    "Type the title.".to_string(),
                )
            }
            Action::RenameStage => {
                let Some(stage) = self.stage_or_hint() else {
                    return;
                };
                (
                    TextTarget::StageName(stage.id),
                    TextInput::line(&stage.name),
                    "Type the stage's name.".to_string(),
                )
            }
            Action::DescribeStage => {
                let Some(stage) = self.stage_or_hint() else {
                    return;
                };
                (
                    TextTarget::StageDescription(stage.id),
                    TextInput::multiline(&stage.description),
                    format!("What happens in {}?", quoted(&stage.name)),
                )
            }
            Action::RenameJourney => (
                TextTarget::JourneyTitle,
                TextInput::line(&self.journey().title),
                "Type the journey's title.".to_string(),
            ),
            Action::DescribeJourney => (
                TextTarget::JourneyDescription,
                TextInput::multiline(&self.journey().description),
                "Describe the journey: who, what, from where to where.".to_string(),
            ),
            _ => (
                TextTarget::Personas,
                TextInput::line(&join_list(&self.journey().personas)),
                "Name the personas, separated by commas (a comma inside a name as \\,)."
                    .to_string(),
            ),
        };
        self.mode = Mode::EditText { target, input };
        let [keep, cancel] = self.typing_keys();
        self.info(format!("{hint} {keep} keeps it, {cancel} cancels."));
    }

    fn delete_stage(&mut self) {
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        if stage.moments.is_empty() {
            self.delete_stage_now(stage.id);
        } else {
            self.mode = Mode::Confirm(Confirm::DeleteStage(stage.id));
            self.warn(format!(
                "Delete {} and its {}?",
                quoted(&stage.name),
                plural(stage.moments.len(), "moment", "moments")
            ));
        }
    }

    pub(super) fn delete_stage_now(&mut self, id: crate::model::Id) {
        let Some(index) = self.journey().stage_index(id) else {
            return;
        };
        let name = self.journey().stages()[index].name.clone();
        if self.change(
            format!("delete stage {}", quoted(&name)),
            vec![Edit::RemoveStage { id }],
        ) {
            self.clamp_selection();
            let undo = self.keymap().board_key(Action::Undo);
            self.success(format!(
                "Deleted stage {}. {undo} brings it back.",
                quoted(&name)
            ));
        }
    }

    /// `p` and `g`: first a pain (or glory), then a deep one.
    fn make_pain_or_glory(&mut self, sign: i8) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let current = moment.feeling.value();
        let target = if current.signum() == sign {
            Feeling::clamped(i64::from(sign) * 2)
        } else {
            Feeling::clamped(i64::from(sign))
        };
        self.set_feeling(target);
    }

    /// Moves the selected moment's feeling `step` steps towards glory (or pain), as far
    /// as it goes.
    pub(super) fn shift_feeling(&mut self, step: isize) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        if self.set_feeling(Feeling::clamped(
            i64::from(moment.feeling.value()) + step as i64,
        )) {
            self.remember(Change::StepFeeling(step.signum()), step.unsigned_abs());
        }
    }

    /// Gives the selected moment `feeling`; `true` when that changed it.
    pub(super) fn set_feeling(&mut self, feeling: Feeling) -> bool {
        let Some(moment) = self.moment_or_hint() else {
            return false;
        };
        let title = quoted(&moment.title);
        if moment.feeling == feeling {
            self.info(format!("{title} already is {}.", feeling.phrase()));
            return false;
        }
        let label = format!("make {title} {}", feeling.phrase());
        let changed = self.change(
            label,
            vec![Edit::SetFeeling {
                id: moment.id,
                feeling,
            }],
        );
        if changed {
            self.success(format!("{title} is now {}.", feeling.phrase()));
            self.remember(Change::Feeling(feeling), 1);
        }
        changed
    }

    pub(super) fn set_kind(&mut self, kind: Option<Kind>) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let title = quoted(&moment.title);
        let phrase = match kind {
            Some(kind) => format!("{} ({})", kind.with_article(), kind.name()),
            None => "an ordinary touchpoint".to_string(),
        };
        if moment.kind == kind {
            self.info(format!("{title} already is {phrase}."));
            return;
        }
        if self.change(
            format!("make {title} {phrase}"),
            vec![Edit::SetKind {
                id: moment.id,
                kind,
            }],
        ) {
            self.success(format!("{title} is now {phrase}."));
            self.remember(Change::Kind(kind), 1);
        }
    }

    /// Moves the selected moment `step` stages sideways, as far as there are stages.
    pub(super) fn move_moment_across(&mut self, step: isize) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let Some(target) = self.step_to(
            self.selection.stage,
            step,
            self.journey().stages().len(),
            ["Already in the first stage.", "Already in the last stage."],
        ) else {
            return;
        };
        let to = &self.journey().stages()[target];
        let index = self.selection.moment.min(to.moments.len());
        let (stage_id, stage_name) = (to.id, to.name.clone());
        if self.change(
            format!("move {} to {}", quoted(&moment.title), quoted(&stage_name)),
            vec![Edit::MoveMoment {
                id: moment.id,
                stage: stage_id,
                index,
            }],
        ) {
            self.select_moment(moment.id);
            self.success(format!(
                "Moved {} to {}.",
                quoted(&moment.title),
                quoted(&stage_name)
            ));
            self.remember(Change::MoveAcross(step.signum()), step.unsigned_abs());
        }
    }

    /// Moves the selected moment `step` places up or down its stage, as far as it goes.
    pub(super) fn move_moment_within(&mut self, step: isize) {
        let Some(moment) = self.moment_or_hint() else {
            return;
        };
        let Some(stage) = self.selected_stage() else {
            return;
        };
        let (stage_id, len) = (stage.id, stage.moments.len());
        let Some(index) = self.step_to(
            self.selection.moment,
            step,
            len,
            [
                "Already at the top of the stage.",
                "Already at the bottom of the stage.",
            ],
        ) else {
            return;
        };
        let direction = if step < 0 { "up" } else { "down" };
        if self.change(
            format!("move {} {direction}", quoted(&moment.title)),
            vec![Edit::MoveMoment {
                id: moment.id,
                stage: stage_id,
                index,
            }],
        ) {
            self.select_moment(moment.id);
            self.success(format!("Moved {} {direction}.", quoted(&moment.title)));
            self.remember(Change::MoveWithin(step.signum()), step.unsigned_abs());
        }
    }

    /// Moves the selected stage `step` places sideways, as far as it goes.
    fn move_stage(&mut self, step: isize) {
        let Some(stage) = self.stage_or_hint() else {
            return;
        };
        let stages = self.journey().stages().len();
        let Some(to) = self.step_to(
            self.selection.stage,
            step,
            stages,
            ["Already the first stage.", "Already the last stage."],
        ) else {
            return;
        };
        let side = if step < 0 { "left" } else { "right" };
        if self.change(
            format!("move stage {} {side}", quoted(&stage.name)),
            vec![Edit::MoveStage { id: stage.id, to }],
        ) {
            self.selection.stage = to;
            self.clamp_selection();
            self.success(format!("Moved stage {} {side}.", quoted(&stage.name)));
        }
    }

    /// Undoes the last `times` changes (as many as there are), saying how many.
    fn undo_times(&mut self, times: usize) {
        self.replay_times(times, true);
    }

    /// Redoes the last `times` undone changes (as many as there are), saying how many.
    fn redo_times(&mut self, times: usize) {
        self.replay_times(times, false);
    }

    pub(super) fn undo(&mut self) {
        self.replay_times(1, true);
    }

    pub(super) fn redo(&mut self) {
        self.replay_times(1, false);
    }

    /// Undoes (or redoes) up to `times` of this editor's own changes, stopping at one that
    /// would take back someone else's later change; says what was done.
    fn replay_times(&mut self, times: usize, undoing: bool) {
        let (verb, done_verb) = if undoing {
            ("undo", "Undid")
        } else {
            ("redo", "Redid")
        };
        let mut done = Vec::new();
        let mut clash = None;
        while done.len() < times {
            let step = if undoing {
                self.undo_change()
            } else {
                self.redo_change()
            };
            match step {
                Ok(Some(replayed)) => {
                    self.follow(&replayed.edits);
                    done.push(replayed.label);
                }
                Ok(None) => break,
                Err(refused) => {
                    clash = Some(refused.label);
                    break;
                }
            }
        }
        match (done.as_slice(), clash) {
            (_, Some(label)) => {
                let cannot = match done.len() {
                    0 => format!("Cannot {verb}"),
                    n => format!(
                        "{done_verb} {}; then cannot {verb}",
                        plural(n, "change", "changes")
                    ),
                };
                self.warn(format!(
                    "{cannot} {label}: someone else has changed that part of the map since. The map is as it is."
                ));
            }
            ([], None) => self.info(format!("Nothing to {verb}.")),
            ([label], None) => self.success(format!("{done_verb}: {label}.")),
            (all, None) => self.success(format!("{done_verb} {} changes.", all.len())),
        }
    }

    /// Selects the next card, after the selected one and round, that a merge left with a
    /// conflict to settle.
    fn next_conflict(&mut self) {
        let cards: Vec<(usize, usize)> = self
            .journey()
            .stages()
            .iter()
            .enumerate()
            .flat_map(|(s, stage)| {
                stage
                    .moments
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| crate::merge::has_conflict(m))
                    .map(move |(m, _)| (s, m))
            })
            .collect();
        let here = (self.selection.stage, self.selection.moment);
        let Some(&(stage, moment)) = cards.iter().find(|c| **c > here).or(cards.first()) else {
            let elsewhere = crate::merge::unresolved(self.journey());
            self.info(if elsewhere > 0 {
                "No card has a conflict; the stage or journey descriptions hold the rest."
            } else {
                "No conflicts to settle."
            });
            return;
        };
        self.selection.stage = stage;
        self.selection.moment = moment;
        let open = self.keymap().board_key(Action::OpenDetails);
        self.warn(format!(
            "Conflict {} of {}: both sides changed this card; their value is in its notes. {open} opens it; settle it and remove the “{}” tag.",
            cards.iter().position(|c| *c == (stage, moment)).unwrap_or(0) + 1,
            cards.len(),
            crate::merge::CONFLICT_TAG
        ));
    }

    /// Turns a read-only view into an editor, for a follower who wants to change the map.
    fn start_editing_map(&mut self) -> Vec<Effect> {
        if !self.read_only {
            self.info("You are editing this map already.");
            return Vec::new();
        }
        if let Some(reason) = &self.cannot_write {
            let reason = reason.clone();
            self.error(format!(
                "You cannot edit {}: it cannot be written here ({reason}).",
                self.file_name()
            ));
            return Vec::new();
        }
        self.read_only = false;
        let save = self.keymap().board_key(Action::Save);
        self.success(if self.is_live() {
            format!("Editing {} now, live with the others.", self.file_name())
        } else {
            format!("Editing {} now; {save} saves.", self.file_name())
        });
        vec![Effect::StartEditing]
    }

    /// Selects what an undo or redo touched, so the user sees what changed.
    fn follow(&mut self, edits: &[Edit]) {
        for edit in edits {
            match edit {
                Edit::InsertMoment { moment, .. } => self.select_moment(moment.id),
                Edit::MoveMoment { id, .. }
                | Edit::SetMomentText { id, .. }
                | Edit::SetKind { id, .. }
                | Edit::SetFeeling { id, .. }
                | Edit::SetEvidence { id, .. }
                | Edit::SetTarget { id, .. }
                | Edit::SetList { id, .. }
                | Edit::SetVotes { id, .. } => self.select_moment(*id),
                Edit::InsertStage { stage, .. } => self.select_stage(stage.id),
                Edit::MoveStage { id, .. } | Edit::SetStageText { id, .. } => {
                    self.select_stage_keeping_row(*id)
                }
                Edit::SetComments { target, .. } => self.follow_comments(*target),
                Edit::RemoveMoment { .. }
                | Edit::RemoveStage { .. }
                | Edit::SetJourneyText { .. }
                | Edit::SetPersonas { .. }
                | Edit::ReplaceJourney { .. } => {}
            }
        }
        self.clamp_selection();
    }

    /// Selects what comments were changed on: their moment or stage.
    fn follow_comments(&mut self, target: CommentTarget) {
        match target {
            CommentTarget::Moment(id) => self.select_moment(id),
            CommentTarget::Stage(id) => self.select_stage_keeping_row(id),
            CommentTarget::Journey => {}
        }
    }

    /// Selects a stage, on the same row as before where it has one.
    fn select_stage_keeping_row(&mut self, id: crate::model::Id) {
        let moment = self.selection.moment;
        self.select_stage(id);
        self.selection.moment = moment;
    }
}
