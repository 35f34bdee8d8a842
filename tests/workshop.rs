//! The workshop views on screen: the emotion curve, the summaries, the votes, a filter,
//! presentation mode and the countdown.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::screen::{find, row_text};
use common::{app_on, press, screen};
use ratatui::style::Modifier;

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
        "<Enter>jjjjjjjjj<Enter><C-u><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><C-w><Enter><Esc>",
    );
    assert!(app.selected_moment().unwrap().idea.is_empty());
    press(&mut app, "<Tab><Tab>");
    let terminal = screen(&mut app, 80, 24);
    let text: String = (0..24)
        .map(|y| row_text(terminal.backend().buffer(), y) + "\n")
        .collect();
    assert!(text.contains("Deepest pains without an idea yet"));
    assert!(text.contains("Long queue at the counter"), "{text}");
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
        text.contains("more"),
        "the pains that do not fit are counted:\n{text}"
    );
}
