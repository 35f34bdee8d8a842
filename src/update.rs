//! The update step: every event changes the editor's state here, and only here. It reads
//! no file and no clock (the time comes with the event); what needs the outside world is
//! returned as effects.
//!
//! A key is looked up in the key table of the context the editor is in (a text field being
//! typed into first, then the popup on top, then the view), which gives an action; the
//! action is carried out by that context's handler.

mod board;
mod clipboard;
mod command;
mod comments;
mod external;
mod files;
mod popups;
mod repeat;
mod typing;
mod views;
mod workshop;

use std::time::Instant;

use crossterm::event::{KeyEvent, KeyEventKind};

use crate::action::Action;
use crate::app::{App, Confirm, Effect, Event, Mode, Opening, Pending, Screen, Size, TextTarget};
use crate::keymap::{Context, Key, Lookup, sequence_label};
use crate::layout;

/// The largest count a key can be given (`9999j`).
const MAX_COUNT: u32 = 9_999;

impl App {
    /// Takes in one event that happened at `now`, and returns what has to be done outside
    /// the editor because of it.
    pub fn handle(&mut self, event: Event, now: Instant) -> Vec<Effect> {
        self.now = now;
        let context = self.context();
        let mut effects = match event {
            Event::Opened(opening) => {
                self.opened(opening);
                Vec::new()
            }
            Event::Key(key) => self.key(key),
            Event::Paste(text) => {
                self.pending = Pending::default();
                self.paste(&text);
                Vec::new()
            }
            Event::Resize { width, height } => {
                self.size = Size { width, height };
                Vec::new()
            }
            // The countdown reads the time from `now`; the view draws it. A shared map
            // saves itself once the changes pause.
            Event::Tick if self.save_due(now) => {
                self.saving_by_itself = true;
                vec![Effect::Save { then_quit: false }]
            }
            Event::Tick => Vec::new(),
            Event::Signal(signal) => self.stop_on_signal(signal),
            Event::Session(event) => self.session_event(event),
            Event::EditedExternally {
                moment,
                field,
                outcome,
            } => {
                self.edited_externally(moment, field, outcome);
                Vec::new()
            }
        };
        effects.extend(self.deal_with_waiting_disk_news());
        if self.bell && self.timer.as_mut().is_some_and(|t| t.ring_once(now)) {
            effects.push(Effect::Bell);
        }
        if self.context() != context {
            // Keys typed towards a binding in one context mean nothing in the next.
            self.pending = Pending::default();
        }
        self.follow_selection();
        effects
    }

    /// The first word on the status line: what is wrong with the settings (said first,
    /// whatever else there is to say: the keys may not be what the user expects), merge
    /// conflicts waiting, or where the map is; a question on screen speaks for itself.
    fn opened(&mut self, opening: Opening) {
        let help = self.keymap().board_key(Action::Help);
        let conflicts = crate::merge::unresolved(self.journey());
        if let Some(problem) = opening.settings_problem {
            self.warn(format!("Settings ignored, defaults in use: {problem}."));
        } else if conflicts > 0 {
            self.warn(format!(
                "Merge conflicts in {}: see the “! conflict” cards and the descriptions.",
                crate::text::plural(conflicts, "place", "places")
            ));
        } else if self.is_read_only() {
            let (comment, vote) = self.reviewer_keys();
            self.info(format!(
                "Read-only view of {}: comment ({comment}) and vote ({vote}), nothing else. Press {help} to see every key.",
                self.file_name()
            ));
        } else if self.mode != Mode::Board {
            // A question is waiting, and the status line already says why.
        } else if opening.own_map {
            self.info(format!(
                "This is your own map, kept at {}. Press {help} to see every key.",
                self.path().display()
            ));
        } else if opening.new_file {
            self.info(format!(
                "New map: {} is written on the first save. Press {help} to see every key.",
                self.path().display()
            ));
        } else if self.is_live() && !self.is_read_only() {
            let mut names: Vec<&str> = self.peers.iter().map(|p| p.name.as_str()).collect();
            names.dedup();
            self.info(format!(
                "{} {} this map open too: changes are saved and merged as you make them. Press {help} to see every key.",
                names.join(", "),
                if names.len() == 1 { "has" } else { "have" }
            ));
        } else if self.status.tone == crate::status::Tone::Info {
            // Said again with the help key as the settings have it; a warning stays.
            self.info(format!(
                "Opened {}. Press {help} to see every key.",
                self.file_name()
            ));
        }
    }

    /// Whether the screen changes by itself as time passes: a countdown runs, or one that
    /// ran out still flashes.
    pub fn clock_shows(&self, now: Instant) -> bool {
        self.timer
            .as_ref()
            .is_some_and(|t| t.is_running() && t.overdue(now) < crate::app::TIMER_FLASH)
    }

    fn key(&mut self, event: KeyEvent) -> Vec<Effect> {
        if event.kind == KeyEventKind::Release {
            return Vec::new();
        }
        let key = Key::from_event(&event);
        let context = self.context();
        if self.uncover() {
            return Vec::new();
        }
        if context == Context::Typing {
            return self.typing_key(key);
        }
        if context == Context::CommandLine {
            return self.command_key(key);
        }
        if self.count_digit(context, key) {
            return Vec::new();
        }
        if key == Key::plain(crossterm::event::KeyCode::Esc) && !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.info(format!("{} cancelled.", pending.label()));
            return Vec::new();
        }
        let mut keys = std::mem::take(&mut self.pending.keys);
        keys.push(key);
        match self.lookup_forgiving_case(context, &mut keys) {
            Lookup::Action(action) => {
                let count = if action.takes_count() {
                    self.pending.count.take()
                } else {
                    None
                };
                let effects = self.act(context, action, count, &keys);
                self.pending.count = None;
                effects
            }
            Lookup::Prefix => {
                self.pending.keys = keys;
                Vec::new()
            }
            Lookup::Unbound => {
                self.pending.count = None;
                self.unbound(context, &keys)
            }
        }
    }

    /// What `keys` do in `context`; in a question or the moment-of-truth menu, a capital
    /// letter that does nothing there does what its small letter does (caps lock on).
    fn lookup_forgiving_case(&self, context: Context, keys: &mut [Key]) -> Lookup {
        let found = self.keymap().lookup(context, keys);
        let forgiving = context.is_question() || context == Context::KindMenu;
        if let (Lookup::Unbound, true, [key]) = (found, forgiving, &mut *keys)
            && let Some(c) = key.typed_char().filter(char::is_ascii_uppercase)
        {
            let small = Key::char(c.to_ascii_lowercase());
            if let found @ Lookup::Action(_) = self.keymap().lookup(context, &[small]) {
                *key = small;
                return found;
            }
        }
        found
    }

    /// A digit typed where counts are taken, and not bound to anything itself (or typed
    /// after another digit): it adds to the count. `0` alone keeps its own meaning.
    fn count_digit(&mut self, context: Context, key: Key) -> bool {
        let Some(digit) = key.typed_char().and_then(|c| c.to_digit(10)) else {
            return false;
        };
        if !context.takes_count() || !self.pending.keys.is_empty() {
            return false;
        }
        let counting = self.pending.count.is_some();
        if !counting && (digit == 0 || self.keymap().lookup(context, &[key]) != Lookup::Unbound) {
            return false;
        }
        let count = self.pending.count.unwrap_or(0);
        self.pending.count = Some((count * 10 + digit).min(MAX_COUNT));
        true
    }

    /// Carries out `action`, bound to `keys` in `context`, with the count typed before it.
    fn act(
        &mut self,
        context: Context,
        action: Action,
        count: Option<u32>,
        keys: &[Key],
    ) -> Vec<Effect> {
        // A count before a key that takes none: ignored, unless the key would change the
        // map, which it then does not, saying so.
        let count = count.filter(|_| action.takes_count());
        if count.is_none() && self.counted_change(action, keys) {
            return Vec::new();
        }
        if self.is_read_only() && action.refused_in_read_only() {
            self.refuse_in_read_only(action);
            return Vec::new();
        }
        if self.is_read_only()
            && action.edits()
            && let Some(reason) = &self.cannot_write
        {
            let reason = reason.clone();
            self.warn(format!(
                "Cannot {}: {} cannot be written from here ({reason}), so nothing you add would be kept.",
                action.short_description(),
                self.file_name()
            ));
            return Vec::new();
        }
        let count = count.map(|n| n.max(1) as usize);
        match context {
            Context::Board => self.board_action(action, count),
            Context::Curve | Context::Summary | Context::Votes => {
                self.view_action(context, action, count)
            }
            Context::Details => self.details_action(action),
            Context::Comments => self.comments_action(action),
            Context::KindMenu => self.kind_menu_action(action),
            Context::FilterMenu => self.filter_menu_action(action),
            Context::ExportMenu => self.export_menu_action(action),
            Context::Presentation => self.presentation_action(action),
            Context::Help => self.help_action(action),
            Context::AskDeleteStage
            | Context::AskQuit
            | Context::AskRestore
            | Context::AskOverwriteExport
            | Context::AskPasteLines => self.answer(action),
            Context::CommandLine | Context::Typing => Vec::new(),
        }
    }

    /// Refuses a change to the map typed after a count it does not take (`3x`), saying
    /// what counts go before; `true` when refused.
    fn counted_change(&mut self, action: Action, keys: &[Key]) -> bool {
        let Some(count) = self.pending.count.take() else {
            return false;
        };
        if !action.edits() || action == Action::Save {
            return false;
        }
        let key = |a| self.keymap().board_key(a);
        self.info(format!(
            "{count}{}: a count goes before a move, a vote, a step of feeling, a delete, a put, a repeat or an undo ({count}{}, {count}{}, {count}{}); nothing was done.",
            sequence_label(keys),
            key(Action::SelectNextMoment),
            key(Action::AddVote),
            key(Action::RepeatChange)
        ));
        true
    }

    /// Keys with no binding in `context`: a word on the status line where one helps.
    fn unbound(&mut self, context: Context, keys: &[Key]) -> Vec<Effect> {
        let last = keys.last().copied();
        let typed = last.and_then(|k| k.typed_char()).is_some() || keys.len() > 1;
        match context {
            Context::Board if typed => self.say_does_nothing(keys),
            Context::Curve | Context::Summary | Context::Votes => {
                return self.board_key_in_a_view(context, keys);
            }
            Context::Details | Context::Comments => self.say_why_not_here(context, keys),
            Context::KindMenu if typed => {
                let kinds = self
                    .keymap()
                    .joined(context, &crate::keymap::KIND_CHOICES[..6], " ");
                let none = self.keymap().first_label(context, Action::ChooseNoKind);
                let close = self.keymap().first_label(context, Action::Close);
                self.info(format!(
                    "Press {kinds} for a moment of truth, {none} for none, {close} to cancel."
                ));
            }
            Context::FilterMenu if typed => {
                let key = |a| self.keymap().first_label(context, a);
                let kinds = self
                    .keymap()
                    .joined(context, &crate::keymap::KIND_FILTER_ACTIONS, " ");
                self.info(format!(
                    "Press {} {} {} {}, a kind letter {kinds}, or {} to type; {} cancels.",
                    key(Action::FilterPains),
                    key(Action::FilterGlories),
                    key(Action::FilterMomentsOfTruth),
                    key(Action::FilterOrdinary),
                    key(Action::FilterText),
                    key(Action::Close)
                ));
            }
            Context::ExportMenu if typed => {
                let formats = self
                    .keymap()
                    .joined(context, &crate::keymap::EXPORT_ACTIONS, " ");
                let close = self.keymap().first_label(context, Action::Close);
                self.info(format!("Press {formats} for a format, {close} to cancel."));
            }
            // Any other key closes the help, as its footer says.
            Context::Help => {
                self.mode = Mode::Board;
                self.info("Help closed.");
            }
            context if context.is_question() && typed => {
                let answers: Vec<String> = self
                    .question()
                    .map(|q| q.answers.iter().map(|a| a.keys.replace(' ', "/")).collect())
                    .unwrap_or_default();
                let listed = match answers.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                };
                self.info(format!("Answer with {listed}."));
            }
            _ => {}
        }
        Vec::new()
    }

    fn say_does_nothing(&mut self, keys: &[Key]) {
        let help = self.keymap().board_key(Action::Help);
        self.info(format!(
            "{} does nothing here. Press {help} to see every key.",
            sequence_label(keys)
        ));
    }

    /// A key the details or a list of comments has no use for: what it does on the board,
    /// and the key that goes back there.
    fn say_why_not_here(&mut self, context: Context, keys: &[Key]) {
        let back = self.keymap().first_label(context, Action::Close);
        match self.keymap().lookup(Context::Board, keys) {
            Lookup::Action(action) => {
                self.say_works_on_the_board(context, &sequence_label(keys), action, &back)
            }
            Lookup::Prefix | Lookup::Unbound => {
                if keys.iter().any(|k| k.typed_char().is_some()) {
                    self.info(format!(
                        "{} does nothing {}; {back} goes back to the board.",
                        sequence_label(keys),
                        crate::keymap::where_(context)
                    ));
                }
            }
        }
    }

    /// What is typed (keys, or a command) does `action` on the board, not in `context`,
    /// from where `back` goes there.
    pub(super) fn say_works_on_the_board(
        &mut self,
        context: Context,
        typed: &str,
        action: Action,
        back: &str,
    ) {
        self.info(format!(
            "{typed} ({}) works on the board, not {}: {back} goes there.",
            action.short_description(),
            crate::keymap::where_(context)
        ));
    }

    /// Text pasted into the terminal goes into the field being typed into, if any. Lines
    /// pasted into a new card's title ask first whether each is a card of its own.
    fn paste(&mut self, text: &str) {
        if let Mode::EditText {
            target: TextTarget::NewMoment { stage, index },
            input,
        } = &self.mode
            && crate::input::pasted_lines(text).len() > 1
        {
            self.mode = Mode::Confirm(Confirm::PasteLines {
                stage: *stage,
                index: *index,
                typed: Box::new(input.clone()),
                pasted: text.to_owned(),
            });
            return;
        }
        match self.input_mut() {
            Some(input) => input.insert(text),
            None => {
                let key = |a| self.keymap().board_key(a);
                self.info(format!(
                    "Paste goes into a field being edited: press {}, {} or {} first.",
                    key(Action::EditTitle),
                    key(Action::AddMoment),
                    key(Action::OpenDetails)
                ));
            }
        }
    }

    /// A hang-up or a termination: keep what is unsaved, then stop.
    fn stop_on_signal(&mut self, signal: i32) -> Vec<Effect> {
        let mut effects: Vec<Effect> = self
            .unsaved_journey()
            .map(|journey| Effect::WriteRecovery(Box::new(journey)))
            .into_iter()
            .collect();
        effects.push(Effect::Exit(128 + signal));
        effects
    }

    pub(crate) fn refuse_in_read_only(&mut self, action: Action) {
        let what = match action.group() {
            crate::action::Group::Details => "change this field",
            _ => action.short_description(),
        };
        let (comment, vote) = self.reviewer_keys();
        let edit = self.keymap().board_key(Action::StartEditing);
        self.warn(format!(
            "Read-only view: cannot {what}; {comment} comments, {vote} votes, {edit} starts editing."
        ));
    }

    /// The keys that comment and vote, which a read-only view takes, as the settings have
    /// them.
    fn reviewer_keys(&self) -> (String, String) {
        let key = |a| self.keymap().board_key(a);
        (key(Action::AddComment), key(Action::AddVote))
    }

    /// Keeps the selected card and stage (or the one being added) in view on the board,
    /// the highlighted row in view on the votes, and the help from scrolling past its end,
    /// at the size the terminal has now.
    fn follow_selection(&mut self) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.width, self.size.height);
        if matches!(self.mode, Mode::Help { .. }) {
            // As far as the help can scroll at this size, no further.
            let columns = layout::help_columns(area);
            let (width, height) = columns.first().map_or((0, 0), |c| (c.width, c.height));
            let text = self.keymap().help_text(width);
            let longest = text.columns(columns.len()).iter().map(|c| c.len()).max();
            let most = longest.unwrap_or(0).saturating_sub(usize::from(height)) as u16;
            if let Mode::Help { scroll } = &mut self.mode {
                *scroll = (*scroll).min(most);
            }
        }
        let board = layout::board_area(area, self.presenting().is_some());
        if self.screen == Screen::Votes {
            let len = self.follow_vote_pick();
            let rows = layout::list_rows(board, len);
            self.scroll.first_vote =
                layout::first_in_view(self.scroll.first_vote, self.votes_row, len, rows);
        }
        let new_stage = self.new_stage_at();
        let total = self.journey().stages().len() + usize::from(new_stage.is_some());
        if total == 0 {
            return;
        }
        let widths = layout::column_layout(board.width, total);
        let focus = new_stage.unwrap_or(self.selection.stage.min(total - 1));
        let first = layout::first_in_view(self.scroll.first_stage, focus, total, widths.len());
        self.scroll.first_stage = first;
        if new_stage.is_some() {
            return;
        }
        let new_moment = self.new_moment_at();
        let stage = &self.journey().stages()[focus];
        let new_at = new_moment
            .filter(|(at, _)| *at == focus)
            .map(|(_, index)| index);
        let cards = layout::Cards {
            moments: &stage.moments,
            new_at,
            density: self.density,
            hide: self.hiding().map(|f| (f, Some(self.selection.moment))),
        };
        let old = self
            .scroll
            .first_moment
            .get(&stage.id)
            .copied()
            .unwrap_or(0);
        let top = layout::first_moment(
            old,
            new_at.unwrap_or(self.selection.moment),
            cards,
            layout::card_inner_width(widths[focus - first]),
            layout::cards_height(board.height),
        );
        let id = stage.id;
        self.scroll.first_moment.insert(id, top);
    }
}
