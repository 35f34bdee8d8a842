//! The keys motmap comes with, one table per context. Several keys may do the same thing;
//! in one context a key never does two. An action found in several tables (undo on the
//! board, in the details and in presentation) is remapped in all of them at once.

use crossterm::event::KeyCode;

use super::{Context, Key};
use crate::action::Action;
use crate::model::Kind;

/// The letter that picks each moment-of-truth kind, in the kind menu and the filter menu.
fn kind_letter(kind: Kind) -> char {
    match kind {
        Kind::Zmot => 'z',
        Kind::Fmot => 'f',
        Kind::Amot => 'a',
        Kind::Smot => 's',
        Kind::Tmot => 't',
        Kind::Lmot => 'l',
    }
}

/// The key table `context` starts with, made of the pieces below.
pub(super) fn table(context: Context) -> Vec<(Key, Action)> {
    let parts: &[&[(Key, Action)]] = match context {
        Context::Board => &[
            STAGE_MOVES,
            STAGE_ENDS,
            MOMENT_MOVES,
            BOARD,
            COUNTDOWN,
            PRESENT,
            UNDO_REDO,
            SAVE,
            EXPORT_COMMAND,
            SEARCH,
            SHOW_HELP,
            QUIT,
        ],
        Context::Curve => return view(&[STAGE_MOVES, STAGE_ENDS, CURVE]),
        Context::Summary => return view(&[SUMMARY, STAGE_MOVES, STAGE_ENDS, &[SHOW_ON_BOARD]]),
        Context::Votes => return view(&[VOTES]),
        Context::Details => &[DETAILS, UNDO_REDO, SAVE, CLOSE],
        Context::Comments => &[COMMENTS, UNDO_REDO, SAVE, CLOSE],
        Context::KindMenu => return kind_menu(),
        Context::FilterMenu => return filter_menu(),
        Context::ExportMenu => &[EXPORT_MENU, CLOSE, CTRL_SAVE],
        Context::Presentation => &[
            STAGE_MOVES,
            &[(Key::char(' '), Action::SelectNextStage)],
            STAGE_ENDS,
            MOMENT_MOVES,
            COUNTDOWN,
            PRESENTATION,
            SHOW_HELP,
        ],
        Context::Help => &[HELP, CLOSE],
        Context::AskDeleteStage => &[ASK_DELETE_STAGE],
        Context::AskQuit => &[ASK_QUIT],
        Context::AskRestore => &[ASK_RESTORE],
        Context::AskOverwriteExport => &[ASK_OVERWRITE_EXPORT],
        Context::AskPasteLines => &[ASK_PASTE_LINES],
        Context::CommandLine => &[COMMAND_LINE],
        Context::Typing => &[TYPING],
    };
    parts.concat()
}

/// The keys typed one after the other that `context` starts with, after its single keys:
/// on the board, vim's for deleting, copying and putting a card (`y` is the clipboard's,
/// as `p` and `g` are pain and glory here).
pub(super) fn sequences(context: Context) -> &'static [(&'static [Key], Action)] {
    match context {
        Context::Board => BOARD_SEQUENCES,
        _ => &[],
    }
}

/// The board's keys typed one after the other.
const BOARD_SEQUENCES: &[(&[Key], Action)] = &[
    (&[Key::char('d'), Key::char('d')], Action::DeleteMoment),
    (&[Key::char('y'), Key::char('y')], Action::YankMoment),
    (&[Key::char('y'), Key::char('p')], Action::PutBelow),
    (&[Key::char('y'), Key::char('P')], Action::PutAbove),
];

/// The emotion curve, the summary and the votes: their own keys, then going round the
/// views, the countdown, undo, saving, exporting, help and quitting.
fn view(own: &[&[(Key, Action)]]) -> Vec<(Key, Action)> {
    let mut table = own.concat();
    for part in [
        TURNS,
        COUNTDOWN,
        PRESENT,
        UNDO_REDO,
        SAVE,
        EXPORT_COMMAND,
        SHOW_HELP,
        QUIT,
    ] {
        table.extend_from_slice(part);
    }
    table
}

/// Left and right through the stages.
const STAGE_MOVES: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Left), Action::SelectPreviousStage),
    (Key::char('h'), Action::SelectPreviousStage),
    (Key::plain(KeyCode::Right), Action::SelectNextStage),
    (Key::char('l'), Action::SelectNextStage),
];

/// To the first and the last stage, as vim goes to the start and the end of a line.
const STAGE_ENDS: &[(Key, Action)] = &[
    (Key::char('^'), Action::SelectFirstStage),
    (Key::char('$'), Action::SelectLastStage),
];

/// Up and down a stage's moments.
const MOMENT_MOVES: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Up), Action::SelectPreviousMoment),
    (Key::char('k'), Action::SelectPreviousMoment),
    (Key::plain(KeyCode::Down), Action::SelectNextMoment),
    (Key::char('j'), Action::SelectNextMoment),
];

/// Undo and redo, wherever the map is on screen.
const UNDO_REDO: &[(Key, Action)] = &[
    (Key::char('u'), Action::Undo),
    (Key::ctrl('z'), Action::Undo),
    (Key::ctrl('r'), Action::Redo),
    (Key::ctrl('y'), Action::Redo),
];

/// The workshop's countdown.
const COUNTDOWN: &[(Key, Action)] = &[
    (Key::char('T'), Action::Timer),
    (Key::ctrl('t'), Action::ResetTimer),
];

/// Closing a popup, changing nothing.
const CLOSE: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Esc), Action::Close),
    (Key::char('q'), Action::Close),
];

/// From a view back to the board, on what it shows.
const SHOW_ON_BOARD: (Key, Action) = (Key::plain(KeyCode::Enter), Action::ShowOnBoard);

/// The board's own keys: adding, editing, feelings, rearranging, views, votes, filters.
const BOARD: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Home), Action::SelectFirstMoment),
    (Key::char('G'), Action::SelectLastMoment),
    (Key::plain(KeyCode::End), Action::SelectLastMoment),
    (Key::char('a'), Action::AddMoment),
    (Key::char('A'), Action::AddStage),
    (Key::char('e'), Action::EditTitle),
    (Key::char('r'), Action::RenameStage),
    (Key::char('R'), Action::RenameJourney),
    (Key::char('D'), Action::DescribeStage),
    (Key::char('I'), Action::DescribeJourney),
    (Key::char('W'), Action::EditPersonas),
    (Key::plain(KeyCode::Enter), Action::OpenDetails),
    (Key::ctrl('g'), Action::EditExternally),
    (Key::char('x'), Action::DeleteMoment),
    (Key::plain(KeyCode::Delete), Action::DeleteMoment),
    (Key::char('X'), Action::DeleteStage),
    (Key::char('c'), Action::AddComment),
    (Key::char('C'), Action::CommentStage),
    (Key::char('M'), Action::CommentJourney),
    (Key::char('p'), Action::MakePain),
    (Key::char('g'), Action::MakeGlory),
    (Key::char('0'), Action::MakeNeutral),
    (Key::char('+'), Action::RaiseFeeling),
    (Key::char('='), Action::RaiseFeeling),
    (Key::char('-'), Action::LowerFeeling),
    (Key::char('t'), Action::PickKind),
    (Key::char('H'), Action::MoveMomentLeft),
    (Key::char('L'), Action::MoveMomentRight),
    (Key::char('K'), Action::MoveMomentUp),
    (Key::char('J'), Action::MoveMomentDown),
    (Key::char('<'), Action::MoveStageLeft),
    (Key::char('>'), Action::MoveStageRight),
    (Key::plain(KeyCode::Tab), Action::NextView),
    (Key::plain(KeyCode::BackTab), Action::PreviousView),
    (Key::char('v'), Action::AddVote),
    (Key::char('V'), Action::RemoveVote),
    (Key::ctrl('v'), Action::VotingRound),
    (Key::char('f'), Action::Filter),
    (Key::char('F'), Action::ClearFilter),
    (Key::char('z'), Action::CycleDensity),
    (Key::char('!'), Action::NextConflict),
    (Key::char('i'), Action::StartEditing),
    (Key::char('.'), Action::RepeatChange),
];

/// Going round the views, from a view.
const TURNS: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Tab), Action::NextView),
    (Key::plain(KeyCode::BackTab), Action::PreviousView),
];

const PRESENT: &[(Key, Action)] = &[(Key::char('P'), Action::Present)];

/// Saving, wherever the map is on screen and letters are not taken.
const SAVE: &[(Key, Action)] = &[
    (Key::char('s'), Action::Save),
    (Key::ctrl('s'), Action::Save),
];

/// Saving in the menus, whose letters choose a row.
const CTRL_SAVE: &[(Key, Action)] = &[(Key::ctrl('s'), Action::Save)];

const EXPORT_COMMAND: &[(Key, Action)] = &[
    (Key::char('E'), Action::Export),
    (Key::char(':'), Action::CommandLine),
];

const SEARCH: &[(Key, Action)] = &[
    (Key::char('/'), Action::Search),
    (Key::char('n'), Action::NextMatch),
    (Key::char('N'), Action::PreviousMatch),
];

/// The help: on the board and in the views every key, in presentation its own.
const SHOW_HELP: &[(Key, Action)] = &[
    (Key::char('?'), Action::Help),
    (Key::plain(KeyCode::F(1)), Action::Help),
];

/// Quitting, from the board and the views; in presentation the same keys leave it.
const QUIT: &[(Key, Action)] = &[
    (Key::char('q'), Action::Quit),
    (Key::ctrl('q'), Action::Quit),
    (Key::ctrl('c'), Action::Quit),
];

const CURVE: &[(Key, Action)] = &[
    SHOW_ON_BOARD,
    (Key::char('f'), Action::Filter),
    (Key::char('F'), Action::ClearFilter),
];

const SUMMARY: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Up), Action::MenuUp),
    (Key::char('k'), Action::MenuUp),
    (Key::plain(KeyCode::Down), Action::MenuDown),
    (Key::char('j'), Action::MenuDown),
];

const VOTES: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Up), Action::MenuUp),
    (Key::char('k'), Action::MenuUp),
    (Key::plain(KeyCode::Down), Action::MenuDown),
    (Key::char('j'), Action::MenuDown),
    SHOW_ON_BOARD,
    (Key::char('v'), Action::AddVote),
    (Key::char('V'), Action::RemoveVote),
    (Key::ctrl('v'), Action::VotingRound),
];

const DETAILS: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Up), Action::PreviousField),
    (Key::char('k'), Action::PreviousField),
    (Key::plain(KeyCode::BackTab), Action::PreviousField),
    (Key::plain(KeyCode::Down), Action::NextField),
    (Key::char('j'), Action::NextField),
    (Key::plain(KeyCode::Tab), Action::NextField),
    (Key::plain(KeyCode::Enter), Action::EditField),
    (Key::char('e'), Action::EditField),
    (Key::ctrl('g'), Action::EditExternally),
    (Key::plain(KeyCode::Left), Action::PreviousValue),
    (Key::char('h'), Action::PreviousValue),
    (Key::plain(KeyCode::Right), Action::NextValue),
    (Key::char('l'), Action::NextValue),
    (Key::char('c'), Action::AddComment),
    (Key::char('r'), Action::ResolveComment),
];

/// The comments of a stage or the journey: choose one, resolve it, add one.
const COMMENTS: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Up), Action::MenuUp),
    (Key::char('k'), Action::MenuUp),
    (Key::plain(KeyCode::Down), Action::MenuDown),
    (Key::char('j'), Action::MenuDown),
    (Key::char('c'), Action::AddComment),
    (Key::char('r'), Action::ResolveComment),
];

fn kind_menu() -> Vec<(Key, Action)> {
    let mut table: Vec<(Key, Action)> = Action::ALL
        .iter()
        .filter_map(|action| match action.kind_choice()? {
            Some(kind) => Some((Key::char(kind_letter(kind)), *action)),
            None => Some((Key::char('n'), *action)),
        })
        .collect();
    table.extend_from_slice(&[
        (Key::plain(KeyCode::Up), Action::MenuUp),
        (Key::char('k'), Action::MenuUp),
        (Key::plain(KeyCode::Down), Action::MenuDown),
        (Key::char('j'), Action::MenuDown),
        (Key::plain(KeyCode::Enter), Action::MenuChoose),
    ]);
    table.extend_from_slice(CLOSE);
    table.extend_from_slice(CTRL_SAVE);
    table
}

fn filter_menu() -> Vec<(Key, Action)> {
    let mut table = vec![
        (Key::char('p'), Action::FilterPains),
        (Key::char('g'), Action::FilterGlories),
        (Key::char('m'), Action::FilterMomentsOfTruth),
        (Key::char('o'), Action::FilterOrdinary),
        (Key::char('n'), Action::FilterOrdinary),
    ];
    table.extend(super::KIND_FILTER_ACTIONS.iter().filter_map(|action| {
        let kind = action.filter_kind()?;
        Some((Key::char(kind_letter(kind)), *action))
    }));
    table.extend_from_slice(&[
        (Key::char('/'), Action::FilterText),
        (Key::char('i'), Action::FilterIdea),
        (Key::char('c'), Action::FilterOpenComments),
        (Key::char('h'), Action::ToggleHidden),
        (Key::plain(KeyCode::Esc), Action::Close),
    ]);
    table.extend_from_slice(CTRL_SAVE);
    table
}

/// Arrows only move in the export menu: every letter there names a format (`j` is JSON).
const EXPORT_MENU: &[(Key, Action)] = &[
    (Key::char('m'), Action::ExportMermaid),
    (Key::char('d'), Action::ExportMarkdown),
    (Key::char('c'), Action::ExportCsv),
    (Key::char('h'), Action::ExportHtml),
    (Key::char('j'), Action::ExportJson),
    (Key::plain(KeyCode::Up), Action::MenuUp),
    (Key::plain(KeyCode::Down), Action::MenuDown),
    (Key::plain(KeyCode::Enter), Action::MenuChoose),
];

/// The slides, the text's size, a blank screen, and leaving: Esc, or the board's keys for
/// presenting and quitting. Nothing here changes the map.
const PRESENTATION: &[(Key, Action)] = &[
    (Key::char('w'), Action::WholeMap),
    (Key::char('c'), Action::CurveSlide),
    (Key::char('+'), Action::LargerText),
    (Key::char('='), Action::LargerText),
    (Key::char('-'), Action::SmallerText),
    (Key::char('b'), Action::BlankScreen),
    (Key::char('.'), Action::BlankScreen),
    (Key::plain(KeyCode::Esc), Action::StopPresenting),
    (Key::char('q'), Action::StopPresenting),
    (Key::char('P'), Action::StopPresenting),
    (Key::ctrl('q'), Action::StopPresenting),
    (Key::ctrl('c'), Action::StopPresenting),
];

const HELP: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Down), Action::ScrollDown),
    (Key::char('j'), Action::ScrollDown),
    (Key::plain(KeyCode::Up), Action::ScrollUp),
    (Key::char('k'), Action::ScrollUp),
    (Key::plain(KeyCode::PageDown), Action::PageDown),
    (Key::char(' '), Action::PageDown),
    (Key::plain(KeyCode::PageUp), Action::PageUp),
];

const ASK_DELETE_STAGE: &[(Key, Action)] = &[
    (Key::char('y'), Action::ConfirmDeleteStage),
    (Key::char('n'), Action::KeepStage),
    (Key::plain(KeyCode::Esc), Action::KeepStage),
];

const ASK_QUIT: &[(Key, Action)] = &[
    (Key::char('y'), Action::SaveAndQuit),
    (Key::char('n'), Action::QuitWithoutSaving),
    (Key::plain(KeyCode::Esc), Action::Stay),
];

const ASK_RESTORE: &[(Key, Action)] = &[
    (Key::char('r'), Action::RestoreRecovery),
    (Key::char('d'), Action::DeleteRecovery),
    (Key::plain(KeyCode::Esc), Action::DecideLater),
];

const ASK_OVERWRITE_EXPORT: &[(Key, Action)] = &[
    (Key::char('y'), Action::OverwriteExport),
    (Key::char('n'), Action::KeepFile),
    (Key::plain(KeyCode::Esc), Action::KeepFile),
];

/// Lines pasted into a new card's title: a card each, one card, or nothing pasted.
const ASK_PASTE_LINES: &[(Key, Action)] = &[
    (Key::char('y'), Action::PasteAsCards),
    (Key::char('n'), Action::PasteAsOneCard),
    (Key::plain(KeyCode::Esc), Action::CancelPaste),
];

/// The command line's own keys, looked up before a text field's (which edit what is
/// typed, run it with Enter and cancel it with Esc).
const COMMAND_LINE: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Tab), Action::CompleteNext),
    (Key::plain(KeyCode::BackTab), Action::CompletePrevious),
    (Key::plain(KeyCode::Up), Action::OlderCommand),
    (Key::ctrl('p'), Action::OlderCommand),
    (Key::plain(KeyCode::Down), Action::NewerCommand),
    (Key::ctrl('n'), Action::NewerCommand),
];

const TYPING: &[(Key, Action)] = &[
    (Key::plain(KeyCode::Enter), Action::KeepText),
    (Key::plain(KeyCode::Esc), Action::CancelText),
    (Key::plain(KeyCode::Left), Action::CursorLeft),
    (Key::plain(KeyCode::Right), Action::CursorRight),
    (Key::alt(KeyCode::Char('b')), Action::WordLeft),
    (CTRL_LEFT, Action::WordLeft),
    (Key::alt(KeyCode::Char('f')), Action::WordRight),
    (CTRL_RIGHT, Action::WordRight),
    (Key::plain(KeyCode::Up), Action::LineUp),
    (Key::plain(KeyCode::Down), Action::LineDown),
    (Key::plain(KeyCode::Home), Action::CursorHome),
    (Key::ctrl('a'), Action::CursorHome),
    (Key::plain(KeyCode::End), Action::CursorEnd),
    (Key::ctrl('e'), Action::CursorEnd),
    (Key::plain(KeyCode::Backspace), Action::EraseBefore),
    (Key::plain(KeyCode::Delete), Action::EraseAfter),
    (Key::ctrl('w'), Action::EraseWord),
    (Key::alt(KeyCode::Backspace), Action::EraseWord),
    (Key::ctrl('u'), Action::EraseToStart),
    (Key::ctrl('k'), Action::EraseToEnd),
    (Key::alt(KeyCode::Enter), Action::NewLine),
    (Key::shift(KeyCode::Enter), Action::NewLine),
    (Key::ctrl('j'), Action::NewLine),
    (Key::plain(KeyCode::Tab), Action::InsertTab),
    (Key::ctrl('z'), Action::UndoTyping),
    (Key::ctrl('y'), Action::RedoTyping),
    (Key::ctrl('s'), Action::Save),
];

/// Ctrl-←, a word to the left in a text field.
const CTRL_LEFT: Key = Key {
    ctrl: true,
    ..Key::plain(KeyCode::Left)
};
/// Ctrl-→, a word to the right in a text field.
const CTRL_RIGHT: Key = Key {
    ctrl: true,
    ..Key::plain(KeyCode::Right)
};
