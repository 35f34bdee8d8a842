//! The status line's hints, per context: which actions are worth knowing there, most
//! useful first, shown with their first keys as the key table has them.

use crate::action::Action;
use crate::action::Action::*;
use crate::app::App;
use crate::keymap::Context;

/// A hint on the status line: the first keys of these actions, joined by this, and what
/// they do.
type Hint = (&'static [Action], &'static str, &'static str);

/// The keys worth knowing in the current context, most useful first, as the context's key
/// table has them.
pub(super) fn hints(app: &App) -> Vec<(String, &'static str)> {
    let context = app.context();
    let spec: &[Hint] = match context {
        Context::Board if app.is_read_only() => READ_ONLY_HINTS,
        Context::Board => BOARD_HINTS,
        Context::Curve => CURVE_HINTS,
        Context::Summary => SUMMARY_HINTS,
        Context::Votes => VOTES_HINTS,
        Context::Typing => TYPING_HINTS,
        Context::Details if app.is_read_only() => READ_ONLY_DETAILS_HINTS,
        Context::Details => DETAILS_HINTS,
        Context::Comments => COMMENTS_HINTS,
        Context::KindMenu => KIND_MENU_HINTS,
        Context::Help => HELP_HINTS,
        Context::FilterMenu => FILTER_MENU_HINTS,
        Context::ExportMenu => EXPORT_MENU_HINTS,
        // A question lists its answers itself; presentation names its keys in its own foot.
        _ => &[],
    };
    spec.iter()
        .map(|(actions, joiner, what)| (app.keymap().joined(context, actions, joiner), *what))
        .filter(|(keys, _)| !keys.is_empty())
        .collect()
}

const READ_ONLY_HINTS: &[Hint] = &[
    (&[Help], "", "help"),
    (&[OpenDetails], "", "details"),
    (&[AddComment], "", "comment"),
    (&[AddVote, RemoveVote], "/", "vote"),
    (&[Search], "", "search"),
    (&[Quit], "", "quit"),
];

const BOARD_HINTS: &[Hint] = &[
    (&[Help], "", "help"),
    (&[AddMoment], "", "add"),
    (&[EditTitle], "", "edit"),
    (&[MakePain, MakeGlory], "/", "pain/glory"),
    (&[PickKind], "", "kind"),
    (&[Undo], "", "undo"),
    (&[Save], "", "save"),
    (&[Quit], "", "quit"),
];

const CURVE_HINTS: &[Hint] = &[
    (&[Help], "", "help"),
    (&[SelectPreviousStage, SelectNextStage], "", "stage"),
    (&[ShowOnBoard], "", "board"),
    (&[NextView], "", "next view"),
];

const SUMMARY_HINTS: &[Hint] = &[
    (&[Help], "", "help"),
    (&[MenuUp, MenuDown], "", "stage"),
    (&[ShowOnBoard], "", "board"),
    (&[NextView], "", "next view"),
];

const VOTES_HINTS: &[Hint] = &[
    (&[Help], "", "help"),
    (&[MenuUp, MenuDown], "", "moment"),
    (&[AddVote, RemoveVote], "/", "vote"),
    (&[ShowOnBoard], "", "board"),
    (&[NextView], "", "next view"),
];

const TYPING_HINTS: &[Hint] = &[(&[KeepText], "", "keep"), (&[CancelText], "", "cancel")];

const READ_ONLY_DETAILS_HINTS: &[Hint] = &[
    (&[PreviousField, NextField], "", "field"),
    (&[AddComment], "", "comment"),
    (&[Close], "", "close"),
];

const DETAILS_HINTS: &[Hint] = &[
    (&[PreviousField, NextField], "", "field"),
    (&[EditField], "", "edit"),
    (&[PreviousValue, NextValue], "", "change"),
    (&[AddComment], "", "comment"),
    (&[ResolveComment], "", "resolve"),
    (&[Close], "", "close"),
    (&[Save], "", "save"),
];

const COMMENTS_HINTS: &[Hint] = &[
    (&[MenuUp, MenuDown], "", "choose"),
    (&[ResolveComment], "", "resolve"),
    (&[AddComment], "", "comment"),
    (&[Close], "", "close"),
    (&[Save], "", "save"),
];

const KIND_MENU_HINTS: &[Hint] = &[
    (
        &[
            ChooseZmot, ChooseFmot, ChooseAmot, ChooseSmot, ChooseTmot, ChooseLmot,
        ],
        " ",
        "kind",
    ),
    (&[ChooseNoKind], "", "none"),
    (&[Close], "", "cancel"),
];

const HELP_HINTS: &[Hint] = &[
    (&[ScrollUp, ScrollDown], "", "scroll"),
    (&[Close], "", "close"),
];

const FILTER_MENU_HINTS: &[Hint] = &[
    (&[FilterPains, FilterGlories], " ", "pain glory"),
    (&[FilterMomentsOfTruth], "", "truth"),
    (&[FilterText], "", "text"),
    (&[ToggleHidden], "", "hide/dim"),
    (&[Close], "", "cancel"),
];

const EXPORT_MENU_HINTS: &[Hint] = &[
    (
        &[
            ExportMermaid,
            ExportMarkdown,
            ExportCsv,
            ExportHtml,
            ExportJson,
        ],
        " ",
        "format",
    ),
    (&[Close], "", "cancel"),
];
