//! The workshop views on screen: the emotion curve, the summaries, the votes, a filter,
//! presentation mode and the countdown.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::screen::{find, row_text};
use common::{app_on, press, screen};
use motmap::app::Mode;
use motmap::status::Tone;
use motmap::workshop::Slide;
use ratatui::style::Modifier;
use std::time::Duration;

#[test]
fn emotion_curve_at_80x24() {
    let mut app = app_on("cafe");
    press(&mut app, "ll<Tab>");
    let terminal = screen(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let names = row_text(buffer, 21);
    for stage in ["Find", "Order"] {
        assert!(names.contains(stage), "{names}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn emotion_curve_on_a_projector_at_160x48() {
    let mut app = app_on("hotpot-ko");
    press(&mut app, "<Tab>");
    insta::assert_snapshot!(screen(&mut app, 160, 48).backend());
}

/// Where moments say how they should feel, the curve has a dotted to-be line beside the
/// solid one, each stage's to-be under its average, and the summary the expected lift;
/// a map without any to-be shows none of it.
#[test]
fn the_to_be_shows_on_the_curve_and_in_the_summary_only_where_it_is_set() {
    let mut app = app_on("cafe");
    press(&mut app, "<Tab>");
    let terminal = screen(&mut app, 160, 40);
    let text = common::screen_text(terminal.backend().buffer());
    assert!(
        text.contains("Solid: feeling now. Dotted: to be."),
        "{text}"
    );
    for average in ["0.0→+0.3", "-0.5→0.0", "+0.5→+1.3"] {
        assert!(text.contains(average), "missing {average}:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
    press(&mut app, "<Tab>");
    let text = common::screen_text(screen(&mut app, 160, 40).backend().buffer());
    for shown in [
        "Expected lift +0.2 → +0.8 (lift +0.6) once the ideas are done",
        "feeling   to be  kinds",
        "Pay and share           4      1        3     +0.5    +1.3  TMOT LMOT",
    ] {
        assert!(text.contains(shown), "missing {shown}:\n{text}");
    }

    let mut app = app_on("shoes-online");
    press(&mut app, "<Tab>");
    let text = common::screen_text(screen(&mut app, 160, 40).backend().buffer());
    assert!(text.contains("The line: each stage's average feeling."));
    let after_a_number = text
        .chars()
        .zip(text.chars().skip(1))
        .any(|(a, b)| a.is_ascii_digit() && b == '→');
    assert!(!after_a_number, "no to-be under the stages:\n{text}");
    press(&mut app, "<Tab>");
    let text = common::screen_text(screen(&mut app, 160, 40).backend().buffer());
    assert!(
        !text.contains("to be") && !text.contains("Expected lift"),
        "{text}"
    );
}

#[test]
fn the_curve_puts_each_moment_at_its_feeling() {
    let mut app = common::app_with(
        r#"(title: "T", stages: [(name: "Only", moments: [(title: "a", feeling: 2, kind: Fmot), (title: "b", feeling: -2)])])"#,
    );
    press(&mut app, "<Tab>");
    let terminal = screen(&mut app, 60, 20);
    let buffer = terminal.backend().buffer();
    let row_of = |label: &str| {
        (0..20)
            .find(|y| row_text(buffer, *y).contains(label))
            .unwrap()
    };
    let glory_row = row_of("++ deep glory");
    let pain_row = row_of("-- deep pain");
    assert!(
        row_text(buffer, glory_row).contains('F'),
        "the FMOT deep glory sits on the ++ row"
    );
    assert!(
        row_text(buffer, pain_row).contains('o'),
        "the deep pain sits on the -- row"
    );
}

#[test]
fn summary_of_the_journey_and_its_stages() {
    let mut app = app_on("cafe");
    press(&mut app, "lj");
    // Take the idea off a deep pain, so it shows among those without one.
    press(
        &mut app,
        "<Enter>jjjjjjjjjj<Enter><C-u><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><Enter><Esc>",
    );
    assert!(app.selected_moment().unwrap().idea.is_empty());
    press(&mut app, "<Tab><Tab>");
    let terminal = screen(&mut app, 80, 24);
    let text: String = (0..24)
        .map(|y| row_text(terminal.backend().buffer(), y) + "\n")
        .collect();
    assert!(text.contains("Deepest pains without an idea yet"), "{text}");
    assert!(text.contains("Long queue at the counter"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

/// What customers will remember, in the summary: the peak, the end, the score, why; on a
/// wide screen in a column beside the stages, with the pains to fix under it.
#[test]
fn the_summary_says_what_customers_will_remember() {
    let mut app = app_on("cafe");
    press(&mut app, "<Tab><Tab>");
    let terminal = screen(&mut app, 160, 40);
    let text = common::screen_text(terminal.backend().buffer());
    for shown in [
        "What customers will remember  peak–end -0.3 → +1.8 to be",
        "Peak   -- FMOT Long queue at the counter",
        "End    +       Comes back with the sorry card",
        "(the peak–end rule)",
        "Deepest pains without an idea yet",
        "> Find",
    ] {
        assert!(text.contains(shown), "missing {shown}:\n{text}");
    }
    let line = text.lines().find(|l| l.contains("What customers")).unwrap();
    assert!(
        line.starts_with(" Cafe visit"),
        "beside the journey, not under it: {line}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn votes_rank_the_moments() {
    let mut app = app_on("cafe");
    press(&mut app, "ljvvvjv");
    press(&mut app, "<Tab><Tab><Tab>");
    let terminal = screen(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(row_text(buffer, 2).contains("3 votes") && row_text(buffer, 2).contains("Long queue"));
    assert!(row_text(buffer, 3).contains("1 vote ") && row_text(buffer, 3).contains("Queue runs"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn keys_in_the_votes_act_on_the_row_they_show() {
    let mut app = app_on("cafe");
    press(&mut app, "ljvvvjv");
    press(&mut app, "<Home>h<Tab><Tab><Tab>");
    let before = common::journey(&app);
    // The highlighted row is the one keys act on: down one, a vote for it.
    press(&mut app, "jv");
    assert_eq!(app.votes_row(), 1);
    let terminal = screen(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Queue runs").unwrap();
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "the row keys act on is highlighted"
    );
    assert!(
        row_text(buffer, 3).contains("2 votes"),
        "{}",
        row_text(buffer, 3)
    );
    // An edit of the board is refused here, and changes nothing.
    let voted = common::journey(&app);
    assert_ne!(voted, before);
    press(&mut app, "p");
    assert_eq!(common::journey(&app), voted);
    assert!(
        app.status().text.contains("works on the board"),
        "{}",
        app.status().text
    );
    // Enter goes to the board on that very moment.
    press(&mut app, "<Enter>");
    assert_eq!(app.screen(), motmap::app::Screen::Board);
    assert_eq!(common::selected_title(&app), "Queue runs along the counter");

    // Votes reorder the list; the highlight stays with the moment voted for.
    press(&mut app, "<Home><Tab><Tab><Tab>jvv");
    let queue = |app: &motmap::app::App| {
        app.journey()
            .moments()
            .find(|(_, m)| m.title == "Queue runs along the counter")
            .map(|(_, m)| m.votes)
    };
    assert_eq!(queue(&app), Some(4), "both votes went to the same moment");
    assert_eq!(
        app.votes_row(),
        0,
        "now first in the list, and still highlighted"
    );
    // A key that opens a field acts on the highlighted moment too.
    press(&mut app, "e");
    assert_eq!(app.screen(), motmap::app::Screen::Board);
    assert_eq!(common::selected_title(&app), "Queue runs along the counter");
}

#[test]
fn the_empty_votes_list_still_leads_back_to_the_board() {
    let mut app = app_on("cafe");
    press(&mut app, "<Tab><Tab><Tab>v");
    assert!(
        app.status().text.starts_with("No votes yet"),
        "{}",
        app.status().text
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.screen(), motmap::app::Screen::Board);
}

#[test]
fn keys_in_the_summary_act_on_the_stage_it_marks() {
    let mut app = app_on("cafe");
    press(&mut app, "<Tab><Tab>");
    press(&mut app, "jj");
    let terminal = screen(&mut app, 80, 24);
    let text = common::screen_text(terminal.backend().buffer());
    assert!(text.contains("> Order"), "{text}");
    let before = common::journey(&app);
    press(&mut app, "gx");
    assert_eq!(
        common::journey(&app),
        before,
        "no card changes from the summary"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.screen(), motmap::app::Screen::Board);
    assert_eq!(app.selected_stage().unwrap().name, "Order");
}

#[test]
fn a_filter_dims_the_other_cards_and_says_so() {
    let mut app = app_on("cafe");
    press(&mut app, "fp");
    let terminal = screen(&mut app, 100, 30);
    let buffer = terminal.backend().buffer();
    assert!(row_text(buffer, 0).contains("filter: pains"));
    let glory = find(buffer, "Smell of coffee").unwrap();
    let pain = find(buffer, "Long queue").unwrap();
    assert!(
        buffer[glory].modifier.contains(Modifier::DIM),
        "a glory is dimmed"
    );
    assert!(
        !buffer[pain].modifier.contains(Modifier::DIM),
        "a pain is not"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_combined_filter_hides_what_it_leaves_out_and_counts_what_shows() {
    let mut app = app_on("cafe");
    // Pains that are moments of truth, the rest hidden.
    press(&mut app, "fpfmfh");
    let terminal = screen(&mut app, 120, 30);
    let buffer = terminal.backend().buffer();
    let title = row_text(buffer, 0);
    assert!(
        title.contains("filter: pains + moments of truth, 5 of 22 shown"),
        "{title}"
    );
    assert!(
        find(buffer, "Long queue").is_some(),
        "a pain that is an FMOT"
    );
    assert!(
        find(buffer, "Smell of coffee").is_none(),
        "a glory is hidden"
    );
    assert!(
        find(buffer, "Menu board").is_none(),
        "an ordinary pain is hidden"
    );
    insta::assert_snapshot!(terminal.backend());

    // The curve leaves them out too: no glory is marked, the pains that show are.
    press(&mut app, "<Tab>");
    let terminal = screen(&mut app, 120, 30);
    let buffer = terminal.backend().buffer();
    let marks_on = |label: &str| {
        let y = (0..30)
            .find(|y| row_text(buffer, *y).starts_with(&format!(" {label}")))
            .unwrap();
        let row = row_text(buffer, y);
        row[label.len() + 1..]
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect::<String>()
    };
    assert_eq!(marks_on("++ deep glory"), "", "the glories are hidden");
    assert_eq!(marks_on(" + glory"), "");
    assert_eq!(
        marks_on("-- deep pain"),
        "FAT",
        "the deep pains that are moments of truth"
    );
}

#[test]
fn without_colour_a_dimmed_card_is_marked_by_its_border() {
    let mut app = app_on("cafe");
    press(&mut app, "fp");
    let terminal = common::screen_with(&mut app, 100, 30, &motmap::ui::theme::Theme::monochrome());
    let buffer = terminal.backend().buffer();
    // "Smell of coffee" is a glory: left out, its border is dashed; "Long queue", a pain,
    // keeps a solid one.
    let (x, y) = find(buffer, "Smell of coffee").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "╏", "a dashed heavy side");
    let (x, y) = find(buffer, "Long queue").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "┃", "a solid heavy side");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn compact_cards_without_colour_mark_the_dimmed_with_a_dot() {
    let mut app = app_on("cafe");
    press(&mut app, "fpzz");
    let terminal = common::screen_with(&mut app, 100, 30, &motmap::ui::theme::Theme::monochrome());
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Smell of coffee").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "·");
    let (x, y) = find(buffer, "Long queue").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), " ");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn search_marks_every_match_on_the_board() {
    let mut app = app_on("cafe");
    let matching = app
        .journey()
        .moments()
        .filter(|(_, m)| m.matches("queue"))
        .count();
    press(&mut app, "/queue<Enter>");
    let status = app.status().text.clone();
    assert!(
        status.starts_with(&format!("Match 1 of {matching} ")),
        "{status}"
    );
    let terminal = common::screen_with(&mut app, 120, 30, &motmap::ui::theme::Theme::monochrome());
    let buffer = terminal.backend().buffer();
    for title in ["Reviews warn", "Long queue", "Queue runs along"] {
        let at = find(buffer, title).unwrap();
        assert!(
            buffer[at].modifier.contains(Modifier::UNDERLINED),
            "{title} is marked"
        );
    }
    let at = find(buffer, "Smell of coffee").unwrap();
    assert!(!buffer[at].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn presentation_mode_one_stage_in_large_cards() {
    let mut app = app_on("cafe");
    press(&mut app, "lP");
    insta::assert_snapshot!(screen(&mut app, 100, 30).backend());
}

#[test]
fn presentation_of_a_korean_stage_keeps_wide_characters_whole() {
    let mut app = app_on("hotpot-ko");
    press(&mut app, "lP");
    let terminal = screen(&mut app, 80, 24);
    let text = common::screen_text(terminal.backend().buffer());
    assert!(
        text.contains("기다리기"),
        "the stage name is shown:\n{text}"
    );
    assert!(
        text.contains("입구에서 대기 번호표를 받음"),
        "the cards are shown:\n{text}"
    );
}

#[test]
fn the_countdown_shows_in_the_title_line() {
    let mut app = app_on("cafe");
    press(&mut app, "T<C-u>10<Enter>");
    let terminal = screen(&mut app, 100, 30);
    let title = row_text(terminal.backend().buffer(), 0);
    assert!(
        title.contains(" 10:00 ") || title.contains(" 09:59 "),
        "{title}"
    );
    press(&mut app, "T");
    let terminal = screen(&mut app, 100, 30);
    assert!(row_text(terminal.backend().buffer(), 0).contains(" paused "));
}

#[test]
fn the_summary_of_a_long_journey_keeps_the_selected_stage_and_the_pains_in_view() {
    let stages: String = (0..40)
        .map(|i| format!("(name: \"Stage {i}\", moments: [(title: \"Pain {i}\", feeling: -2)]),"))
        .collect();
    let mut app = common::app_with(&format!("(title: \"Long\", stages: [{stages}])"));
    for _ in 0..25 {
        press(&mut app, "l");
    }
    press(&mut app, "<Tab><Tab>");
    let terminal = screen(&mut app, 80, 24);
    let text = common::screen_text(terminal.backend().buffer());
    assert!(text.contains("> Stage 25"), "{text}");
    assert!(
        text.contains("stages above") && text.contains("stages below"),
        "{text}"
    );
    assert!(text.contains("Deepest pains without an idea yet"), "{text}");
    assert!(
        text.contains("pains below"),
        "the pains that do not fit are counted:\n{text}"
    );
}

/// Down past the last stage, the summary's arrow goes through the deepest pains, which
/// scroll; Enter goes to the highlighted one on the board.
#[test]
fn the_summarys_pains_scroll_and_enter_goes_to_the_card() {
    let stages: String = (0..40)
        .map(|i| format!("(name: \"Stage {i}\", moments: [(title: \"Pain {i}\", feeling: -2)]),"))
        .collect();
    let mut app = common::app_with(&format!("(title: \"Long\", stages: [{stages}])"));
    press(&mut app, "<Tab><Tab>");
    press(&mut app, &"j".repeat(39 + 21));
    assert_eq!(
        app.status().text,
        "Pain 21 of 40 without an idea: Enter goes to it on the board."
    );
    let text = common::screen_text(screen(&mut app, 80, 24).backend().buffer());
    assert!(
        text.contains("> --      Pain 20"),
        "the highlighted pain is in view:\n{text}"
    );
    assert!(
        text.contains("pains above") && text.contains("pains below"),
        "{text}"
    );
    press(&mut app, "<Enter>");
    assert_eq!(app.screen(), motmap::app::Screen::Board);
    assert_eq!(app.selected_moment().unwrap().title, "Pain 20");
    press(&mut app, "<Tab><Tab>k");
    assert_eq!(app.pains_row(), None, "back in the stages");
}

/// The screen as text, a row a line.
fn text_of(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    common::screen_text(terminal.backend().buffer())
}

#[test]
fn presentation_on_a_small_projector_at_80x24() {
    let mut app = app_on("cafe");
    press(&mut app, "ljP");
    let terminal = screen(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    // The stage's name in block letters: rows of block characters at the top.
    let heading_rows = (0..8)
        .filter(|y| {
            row_text(buffer, *y)
                .chars()
                .any(|c| ('\u{2580}'..='\u{259f}').contains(&c))
        })
        .count();
    assert!(heading_rows >= 3, "{}", text_of(&terminal));
    let text = text_of(&terminal);
    let title = &app.selected_moment().unwrap().title;
    assert!(text.contains(title.as_str()), "the title in full:\n{text}");
    assert!(text.contains("FMOT — first moment of truth"), "{text}");
    assert!(text.contains("-- deep pain"), "{text}");
    // The to-be under the feeling, in signs and words that read without colour.
    let (_, feeling) = find(buffer, "Feeling   -- deep pain").unwrap();
    let to_be = row_text(buffer, feeling + 1);
    assert!(
        to_be.contains("To be     - pain (from -- deep pain)"),
        "{text}"
    );
    insta::assert_snapshot!(terminal.backend());
    press(&mut app, "k");
    let text = text_of(&screen(&mut app, 80, 24));
    assert!(text.contains("Smell of coffee"), "{text}");
    assert!(
        !text.contains("To be"),
        "no to-be without a target:\n{text}"
    );
}

/// The presentation's foot, at 80 columns in short and at 200 in full: every key it has
/// is named, and the place where there is room.
#[test]
fn the_presentation_foot_names_every_key_at_any_width() {
    let mut app = app_on("cafe");
    press(&mut app, "ljP");
    for (width, height, named) in [
        (
            80,
            24,
            &[
                "←→↑↓ move",
                "+- size",
                "w map",
                "c curve",
                "b blank",
                "T timer",
                "? help",
                "Esc back",
            ][..],
        ),
        (
            200,
            50,
            &[
                "← → stage",
                "↑ ↓ moment",
                "+ - size",
                "w whole map",
                "c curve",
                "b blank",
                "T countdown",
                "? help",
                "Esc back to editing",
                "stage 2 of 6 · moment 2 of 4",
            ][..],
        ),
    ] {
        let terminal = screen(&mut app, width, height);
        let foot = row_text(terminal.backend().buffer(), height - 1);
        for words in named {
            assert!(foot.contains(words), "{words} at {width}:\n{foot}");
        }
    }
}

/// `?` in presentation lists its keys over the slide; the next key takes them away and
/// does nothing else.
#[test]
fn help_in_presentation_lists_its_keys_over_the_slide() {
    let mut app = app_on("cafe");
    press(&mut app, "lP?");
    assert_eq!(app.mode(), &Mode::Present, "still presenting");
    let text = text_of(&screen(&mut app, 80, 24));
    for row in [
        "In presentation",
        "the whole map, or one stage at a time again",
        "blank the screen for a pause",
        "any key closes",
    ] {
        assert!(text.contains(row), "{row}:\n{text}");
    }
    assert!(
        !text.contains("add a moment below this one"),
        "only its own keys:\n{text}"
    );
    press(&mut app, "l");
    assert_eq!(
        app.selection().stage,
        1,
        "the key that closes does nothing else"
    );
    let text = text_of(&screen(&mut app, 80, 24));
    assert!(!text.contains("In presentation"), "{text}");
}

#[test]
fn presentation_at_120x40_with_a_countdown() {
    let mut app = app_on("cafe");
    press(&mut app, "ljPT3<Enter>");
    let terminal = screen(&mut app, 120, 40);
    let text = text_of(&terminal);
    assert!(text.contains("In this stage"), "{text}");
    // Paused, so the snapshot does not depend on the clock.
    press(&mut app, "T");
    insta::assert_snapshot!(screen(&mut app, 120, 40).backend());
}

/// Beside the moment in focus, the stage's other moments carry their votes and markers as
/// their cards do; a voting round hides the votes there too.
#[test]
fn the_stage_beside_the_moment_shows_votes_and_markers() {
    let mut app = app_on("cafe");
    press(&mut app, "l3vj12vc<C-u>Which day?<Enter>P");
    let terminal = screen(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let (x, first) = find(buffer, "In this stage").unwrap();
    let beside: Vec<String> = (first + 1..first + 10)
        .map(|y| {
            let row: String = row_text(buffer, y).chars().skip(x.into()).collect();
            row.trim().to_owned()
        })
        .collect();
    assert_eq!(
        beside,
        [
            "+  Smell of coffee at the",
            "door ●●● @Store staff",
            "▶ -- Long queue at the counter",
            "●12 ≡ ✦ @Store staff ✎1",
            "o  Queue runs along the",
            "counter ≡ @Operations",
            "-  Menu board unreadable",
            "from the line",
            "✦ @Marketing",
        ]
    );
    press(&mut app, "<Esc><C-v>P");
    let text = text_of(&screen(&mut app, 120, 40));
    assert!(!text.contains('●'), "votes hidden in a round:\n{text}");
    assert!(text.contains("≡ ✦ @Store staff ✎1"), "{text}");
}

#[test]
fn presentation_at_200x50_in_the_largest_text() {
    let mut app = app_on("cafe");
    press(&mut app, "ljP++");
    insta::assert_snapshot!(screen(&mut app, 200, 50).backend());
}

#[test]
fn presentation_fields_are_shown_in_full_not_cut() {
    let long = "Apologise for the wait and hand a sorry card with a discount for the next order, then ask the barista to call the guest by name when the cup is ready, and mark the cup with a smile ENDOFIDEA";
    let mut app = common::app_with(&format!(
        r#"(format: 2, title: "T", stages: [(name: "Queue", moments: [(title: "Long queue", feeling: -2, kind: Fmot, channel: "Store", owner: "Ops", votes: 3, idea: "{long}", notes: "Seen at 8am.", comments: [(author: "a", at: "2026-01-01T00:00:00Z", text: "why?")])])])"#
    ));
    press(&mut app, "P");
    let terminal = screen(&mut app, 80, 24);
    let text = text_of(&terminal);
    for expected in [
        "Store",
        "Ops",
        "3 votes",
        "Seen at 8am.",
        "1 open comment",
        "ENDOFIDEA",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    assert!(!text.contains('…'), "nothing is cut:\n{text}");
}

#[test]
fn presentation_of_a_korean_stage_names_it_in_bold_centred() {
    let mut app = app_on("hotpot-ko");
    press(&mut app, "lP");
    let terminal = screen(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let row = (0..4)
        .find(|y| row_text(buffer, *y).contains("기다리기"))
        .expect("the name near the top");
    let line = row_text(buffer, row);
    let start = line.find("기다리기").unwrap();
    let before = line[..start].chars().count();
    assert!(before > 20, "centred: {line}");
}

#[test]
fn presentation_blanks_and_shows_the_curve() {
    let mut app = app_on("cafe");
    press(&mut app, "lPb");
    let terminal = screen(&mut app, 80, 24);
    assert!(
        text_of(&terminal).trim().is_empty(),
        "{}",
        text_of(&terminal)
    );
    press(&mut app, "l");
    assert_eq!(
        app.selection().stage,
        1,
        "the key that brings it back does nothing else"
    );
    assert!(!text_of(&screen(&mut app, 80, 24)).trim().is_empty());
    press(&mut app, "c");
    let text = text_of(&screen(&mut app, 80, 24));
    assert!(text.contains("deep pain"), "the curve's axis:\n{text}");
}

/// The countdown's length as it was started.
fn countdown(app: &motmap::app::App) -> Option<std::time::Duration> {
    app.timer().map(|t| t.length)
}

#[test]
fn each_countdown_prompt_starts_empty_so_the_typed_length_is_the_length() {
    let mut app = app_on("cafe");
    press(&mut app, "T2.5<Enter>");
    assert_eq!(countdown(&app), Some(Duration::from_secs(150)));
    press(&mut app, "<C-t>T2<Enter>");
    assert_eq!(
        countdown(&app),
        Some(Duration::from_secs(120)),
        "02:00, not 02:31"
    );
    assert_eq!(app.timer().unwrap().display(app.now()), "02:00");
    press(&mut app, "<C-t>T53s<Enter><C-t>T");
    let Mode::TimerLength { input, .. } = app.mode() else {
        panic!("the prompt is open");
    };
    assert_eq!(input.text(), "");
    assert!(
        app.status().text.contains("alone takes 53s") && !app.status().text.contains("0.88"),
        "{}",
        app.status().text
    );
    let terminal = screen(&mut app, 100, 10);
    let status = row_text(terminal.backend().buffer(), 9);
    assert!(status.contains("minutes: 53s"), "{status}");
    assert!(!status.contains("0.88"), "{status}");
    press(&mut app, "<Enter>");
    assert_eq!(
        countdown(&app),
        Some(Duration::from_secs(53)),
        "Enter alone takes it"
    );
}

#[test]
fn a_bad_countdown_length_says_what_is_accepted_and_keeps_the_prompt() {
    let mut app = app_on("cafe");
    for bad in ["abc", "0", "13h"] {
        press(&mut app, &format!("T{bad}<Enter>"));
        assert!(
            matches!(app.mode(), Mode::TimerLength { .. }),
            "{bad}: still open"
        );
        assert_eq!(app.status().tone, Tone::Error, "{bad}");
        assert!(
            app.status()
                .text
                .contains("Type minutes like 5, 2.5 or 90s, up to 12 hours"),
            "{bad}: {}",
            app.status().text
        );
        let terminal = screen(&mut app, 120, 10);
        let status = row_text(terminal.backend().buffer(), 9);
        assert!(
            status.contains("up to 12 hours"),
            "the message shows: {status}"
        );
        press(&mut app, "<Esc>");
        assert_eq!(app.mode(), &Mode::Board);
        assert!(app.timer().is_none());
    }
}

#[test]
fn the_countdown_in_presentation_asks_and_ctrl_t_stops_it() {
    let mut app = app_on("cafe");
    press(&mut app, "lPT");
    assert!(
        matches!(
            app.mode(),
            Mode::TimerLength {
                presenting: true,
                ..
            }
        ),
        "{:?}",
        app.mode()
    );
    assert!(app.timer().is_none(), "nothing starts without asking");
    let terminal = screen(&mut app, 80, 24);
    let footer = row_text(terminal.backend().buffer(), 23);
    assert!(
        footer.contains("minutes: 5"),
        "the prompt over the presentation: {footer}"
    );
    press(&mut app, "x<Enter>");
    let terminal = screen(&mut app, 80, 24);
    let footer = row_text(terminal.backend().buffer(), 23);
    assert!(footer.contains("up to 12 hours."), "{footer}");
    press(&mut app, "<C-u>1.5<Enter>");
    assert_eq!(app.mode(), &Mode::Present, "back to the presentation");
    assert_eq!(countdown(&app), Some(Duration::from_secs(90)));
    let terminal = screen(&mut app, 80, 24);
    assert!(
        text_of(&terminal).contains('▟') || text_of(&terminal).contains('█'),
        "the countdown in block digits:\n{}",
        text_of(&terminal)
    );
    press(&mut app, "<C-t>");
    assert!(app.timer().is_none(), "Ctrl-t stops it in presentation too");
    press(&mut app, "T<Esc>");
    assert_eq!(
        app.mode(),
        &Mode::Present,
        "cancelling goes back to the presentation"
    );
}

#[test]
fn presentation_keys_change_the_slide_and_size_and_never_the_map() {
    let mut app = app_on("cafe");
    let before = app.journey().clone();
    press(&mut app, "P");
    let size = |app: &motmap::app::App| app.presenting().unwrap().size;
    let normal = size(&app);
    press(&mut app, "+");
    assert_eq!(size(&app), normal + 1);
    press(&mut app, "--");
    assert_eq!(size(&app), normal - 1);
    press(&mut app, "c");
    assert_eq!(app.presenting().unwrap().slide, Slide::Curve);
    press(&mut app, "c");
    assert_eq!(app.presenting().unwrap().slide, Slide::Stage);
    press(&mut app, "b");
    assert!(app.presenting().unwrap().blank);
    press(&mut app, "<Esc>");
    assert_eq!(
        app.mode(),
        &Mode::Present,
        "Esc on a blank screen brings it back"
    );
    press(&mut app, ".");
    press(&mut app, ".");
    assert!(
        !app.presenting().unwrap().blank,
        "the same key brings it back"
    );
    press(&mut app, "pgxXaAu<C-z><C-r>vV0");
    assert_eq!(app.journey(), &before, "nothing in presentation edits");
    press(&mut app, "<Esc>");
    assert_eq!(app.status().text, "Back to editing.");
}

#[test]
fn the_bell_is_asked_for_once_at_time_up_and_only_with_the_setting() {
    use motmap::app::{Effect, Event};
    for bell in [false, true] {
        let mut app = app_on("cafe");
        app.bell = bell;
        let start = app.now();
        press(&mut app, "T1<Enter>");
        let start = app.now().max(start);
        let tick = |app: &mut motmap::app::App, after: u64| {
            app.handle(Event::Tick, start + Duration::from_secs(after))
                .into_iter()
                .filter(|e| matches!(e, Effect::Bell))
                .count()
        };
        assert_eq!(tick(&mut app, 30), 0, "not yet");
        assert_eq!(tick(&mut app, 61), usize::from(bell), "time is up");
        assert_eq!(tick(&mut app, 62), 0, "once");
    }
}

#[test]
fn leaving_presentation_in_a_read_only_view_goes_back_to_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let journey = motmap::templates::find("cafe").unwrap().journey();
    motmap::store::Document::create(path.clone(), journey)
        .save()
        .unwrap();
    let mut editor = common::view_editor(&path);
    press(&mut editor, "P");
    let text = text_of(&screen(&mut editor, 120, 30));
    assert!(text.contains("back to the map"), "{text}");
    assert!(!text.contains("editing"), "{text}");
    press(&mut editor, "<Esc>");
    assert_eq!(editor.app.status().text, "Back to the map.");
}

/// A voting round: the votes are hidden here until it ends, each person has the dots the
/// settings give, and the status line counts what is left; ending it shows the votes.
#[test]
fn a_voting_round_hides_the_votes_and_counts_the_dots() {
    let mut app = app_on("cafe").with_dots(Some(3));
    press(&mut app, "ljv");
    assert_eq!(app.selected_moment().unwrap().votes, 1, "before the round");
    press(&mut app, "<C-v>");
    assert!(app.round().is_some());
    press(&mut app, "vv");
    assert_eq!(
        app.status().text,
        "A dot for “Long queue at the counter”; 1 dot left in this round."
    );
    press(&mut app, "jv");
    assert_eq!(app.round().unwrap().left, Some(0));
    press(&mut app, "v");
    assert!(
        app.status().text.starts_with("No dots left in this round"),
        "{}",
        app.status().text
    );
    press(&mut app, "V");
    assert_eq!(
        app.round().unwrap().left,
        Some(1),
        "a dot taken back is yours again"
    );
    let board = common::screen_text(screen(&mut app, 100, 30).backend().buffer());
    assert!(!board.contains('●'), "no votes on the cards:\n{board}");
    assert!(
        board.lines().next().unwrap().contains("voting: 1 dot left"),
        "{board}"
    );
    press(&mut app, "<Tab><Tab><Tab>");
    let votes = common::screen_text(screen(&mut app, 100, 30).backend().buffer());
    assert!(
        votes.contains("the votes are hidden until Ctrl-v reveals them"),
        "{votes}"
    );
    press(&mut app, "<C-v>");
    assert!(app.round().is_none());
    assert!(
        app.status().text.starts_with("Votes revealed"),
        "{}",
        app.status().text
    );
    let votes = common::screen_text(screen(&mut app, 100, 30).backend().buffer());
    assert!(
        votes.contains("3 votes") && votes.contains("Long queue"),
        "{votes}"
    );
}
