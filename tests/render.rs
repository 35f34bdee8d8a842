//! What is on screen, checked with ratatui's test backend. Whole screens are insta
//! snapshots (reviewed by a person); colours and wide-character seams are checked cell by
//! cell, since text snapshots carry no styles.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::maps::built_in;
use common::screen::{find, row_text, screen_text};
use common::{app_on, app_with, press, screen};
use motmap::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// No wide character may have anything but a blank in the cell its second half covers:
/// otherwise a real terminal draws the two over each other.
fn assert_wide_characters_intact(buffer: &Buffer) {
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width.saturating_sub(1) {
            if buffer[(x, y)].symbol().width() == 2 {
                let next = buffer[(x + 1, y)].symbol();
                assert!(
                    next == " " || next.is_empty(),
                    "row {y}: {:?} at column {x} is followed by {next:?}\n{}",
                    buffer[(x, y)].symbol(),
                    screen_text(buffer)
                );
            }
        }
    }
}

#[test]
fn example_map_at_80x24() {
    let mut app = app_on("shoes-online");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn example_map_at_160x48() {
    let mut app = app_on("shoes-online");
    insta::assert_snapshot!(screen(&mut app, 160, 48).backend());
}

#[test]
fn usable_at_60x20() {
    let mut app = app_on("cafe");
    insta::assert_snapshot!(screen(&mut app, 60, 20).backend());
}

#[test]
fn a_selected_pain_card() {
    let mut app = app_on("cafe");
    press(&mut app, "lj");
    assert!(app.selected_moment().unwrap().feeling.is_pain());
    let terminal = screen(&mut app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
    // The pain's sign is drawn in red, its selected card's border stands out in yellow.
    // At 80 columns the channel takes the room of the word "deep pain"; the sign stays.
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "FMOT  --").expect("the pain's sign is on screen");
    assert_eq!(buffer[(x + 6, y)].fg, Color::Red);
}

#[test]
fn a_selected_glory_card() {
    let mut app = app_on("cafe");
    press(&mut app, "lll");
    press(&mut app, "j");
    assert!(app.selected_moment().unwrap().feeling.is_glory());
    let terminal = screen(&mut app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "FMOT  ++").expect("the deep glory's sign is on screen");
    assert_eq!(buffer[(x + 6, y)].fg, Color::Yellow);
    let sign = find(buffer, "+ glory").expect("a glory's label is on screen");
    assert_eq!(buffer[sign].fg, Color::Green);
}

#[test]
fn a_map_wider_than_the_screen_scrolls_and_counts_hidden_stages() {
    let mut app = app_on("software-trial");
    press(&mut app, "llll");
    let terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("< 2 more"), "{text}");
    assert!(text.contains("more >"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_long_column_scrolls_to_the_selection_and_counts_hidden_cards() {
    let stages: String = (0..30)
        .map(|i| format!("(title: \"Touchpoint number {i} in a long stage\"),"))
        .collect();
    let mut app = app_with(&format!(
        "(title: \"Long\", stages: [(name: \"Use\", moments: [{stages}])])"
    ));
    press(&mut app, "<End>");
    let terminal = screen(&mut app, 60, 20);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Touchpoint number 29"), "{text}");
    assert!(text.contains(" above"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay() {
    let mut app = app_on("cafe");
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn help_overlay_in_three_columns_on_a_wide_screen() {
    let mut app = app_on("cafe");
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&mut app, 200, 50).backend());
}

#[test]
fn the_command_line_lists_the_candidates_tab_goes_through() {
    let mut app = app_on("cafe");
    press(&mut app, ":add<Tab><Tab>");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn help_lists_every_action_with_its_keys() {
    let app = app_on("cafe");
    let help = motmap::ui::help::HelpView {
        keys: app.keymap(),
        scroll: 0,
        theme: &Theme::default(),
    };
    let lines: Vec<String> = help.lines(200).iter().map(|l| l.to_string()).collect();
    let text = lines.join("\n");
    for action in motmap::action::Action::ALL {
        assert!(
            text.contains(action.description()),
            "help misses {action:?}"
        );
        for context in motmap::keymap::Context::ALL {
            let keys = app.keymap().label(context, *action);
            if keys.is_empty() {
                continue;
            }
            assert!(
                lines.iter().any(|l| l.contains(&keys)
                    && l.contains(action.description())
                    && l.contains(action.name())),
                "help shows {action:?} without its keys {keys} or its name"
            );
        }
    }
}

#[test]
fn too_small_says_so() {
    let mut app = app_on("cafe");
    insta::assert_snapshot!(screen(&mut app, 39, 9).backend());
}

#[test]
fn every_size_draws_without_panicking() {
    let mut app = app_on("hotpot-ko");
    for (w, h) in [
        (1, 1),
        (10, 3),
        (39, 9),
        (40, 10),
        (41, 11),
        (60, 20),
        (123, 37),
        (300, 90),
    ] {
        let terminal = screen(&mut app, w, h);
        assert_wide_characters_intact(terminal.backend().buffer());
    }
}

#[test]
fn korean_map() {
    let mut app = app_on("hotpot-ko");
    let terminal = screen(&mut app, 80, 24);
    assert_wide_characters_intact(terminal.backend().buffer());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn popups_over_korean_cards_keep_their_borders() {
    for keys in ["<Enter>", "t", "?", "X", "l<Enter>", "ll<Enter>"] {
        let mut app = app_on("hotpot-ko");
        press(&mut app, keys);
        for (w, h) in [(80, 24), (81, 25), (97, 31), (60, 20)] {
            let terminal = screen(&mut app, w, h);
            assert_wide_characters_intact(terminal.backend().buffer());
        }
    }
    let mut app = app_on("hotpot-ko");
    press(&mut app, "<Enter>");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn details_popup_shows_every_field() {
    let mut app = app_on("cafe");
    press(&mut app, "lj<Enter>");
    let terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    for label in [
        "Title", "Kind", "Feeling", "To be", "Evidence", "Channel", "Persona", "Owner", "Tags",
        "Notes", "Idea",
    ] {
        assert!(text.contains(label), "details miss {label}");
    }
    insta::assert_snapshot!(terminal.backend());
}

/// Several personas are typed between commas in the details and shown the same way, a
/// comma inside a name as `\,`; the presentation lists them by name.
#[test]
fn several_personas_are_typed_and_shown_between_commas() {
    let mut app = app_on("cafe");
    press(
        &mut app,
        "lj<Enter>jjjjjj<Enter><C-u>Regular, 학생, Smith\\, John<Enter>",
    );
    assert_eq!(
        app.selected_moment().unwrap().personas,
        ["Regular", "학생", "Smith, John"]
    );
    let text = screen_text(screen(&mut app, 80, 24).backend().buffer());
    assert!(
        text.contains("Personas  Regular, 학생, Smith\\, John"),
        "{text}"
    );
    press(&mut app, "<Esc>P");
    let text = screen_text(screen(&mut app, 80, 24).backend().buffer());
    assert!(
        text.contains("Personas  Regular, 학생, Smith, John"),
        "{text}"
    );
}

/// At 40×10 the details scroll: the highlighted field is in view, with how much is above
/// and below on the frame; a long note shows whole when it is the highlighted field.
#[test]
fn details_scroll_at_any_size() {
    let mut app = app_on("cafe");
    let note: Vec<String> = (1..=12).map(|n| format!("Line {n} of the note")).collect();
    press(&mut app, "lj<Enter>");
    press(&mut app, &"j".repeat(9));
    press(&mut app, "<Enter><C-u>");
    press(&mut app, &note.join("<A-Enter>"));
    press(&mut app, "<Enter>");
    let terminal = screen(&mut app, 40, 10);
    let text = screen_text(terminal.backend().buffer());
    assert!(
        text.contains("Notes"),
        "the highlighted field is in view:\n{text}"
    );
    assert!(text.contains("↑"), "it says there is more above:\n{text}");
    insta::assert_snapshot!(terminal.backend());
    press(&mut app, "j");
    let text = screen_text(screen(&mut app, 40, 10).backend().buffer());
    assert!(text.contains("Idea"), "the last field too:\n{text}");
    // At a size where it fits, the highlighted note reads whole.
    press(&mut app, "k");
    let text = screen_text(screen(&mut app, 100, 40).backend().buffer());
    for line in &note {
        assert!(text.contains(line.as_str()), "{line} missing:\n{text}");
    }
}

/// The cafe with three comments on the long queue, one of them resolved, signed by Ana at
/// known times.
fn commented_cafe() -> motmap::app::App {
    let mut app = app_on("cafe").with_author("Ana".into());
    app.set_utc_seconds(1_796_361_120);
    press(
        &mut app,
        "ljcIs it every day, or<A-Enter>only at lunch?<Enter>",
    );
    app.set_utc_seconds(1_796_361_180);
    press(
        &mut app,
        "cCounted 14 people on Tuesday<Enter>cAsk the staff<Enter>",
    );
    press(&mut app, "<Enter>");
    press(&mut app, &"j".repeat(20));
    press(&mut app, "r<Esc>");
    app
}

#[test]
fn a_card_with_open_comments() {
    let mut app = commented_cafe();
    let terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("FMOT  -- → -  St… ✎2"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn details_list_the_comments() {
    let mut app = commented_cafe();
    press(&mut app, "<Enter>");
    press(&mut app, &"j".repeat(11));
    let terminal = screen(&mut app, 80, 30);
    let text = screen_text(terminal.backend().buffer());
    for shown in [
        "2 open of 3",
        "Ana · 2026-12-04 05:12 UTC",
        "only at lunch?",
        "resolved",
    ] {
        assert!(text.contains(shown), "details miss {shown}:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

/// A stage's comments in their own popup, one resolved; the stage's column and the title
/// line count what is open.
#[test]
fn the_comments_of_a_stage_and_the_journey() {
    let mut app = app_on("cafe").with_author("Ana".into());
    app.set_utc_seconds(1_796_361_120);
    press(&mut app, "lCcThe queue starts outside<Enter>");
    press(
        &mut app,
        "cWho counts it?<A-Enter>Barista or host?<Enter>kr<Esc>",
    );
    press(&mut app, "McPrint this for the Friday review<Enter><Esc>C");
    let terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    for shown in [
        "Comments on stage “Arrive and queue”",
        "1 open of 2",
        "resolved",
        "Barista or host?",
        "✎1",
    ] {
        assert!(text.contains(shown), "missing {shown}:\n{text}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn typing_a_comment() {
    let mut app = app_on("cafe").with_author("Ana".into());
    app.set_utc_seconds(1_796_361_120);
    press(&mut app, "ljcA first line<A-Enter>and a second, 줄이 길다");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn kind_menu() {
    let mut app = app_on("cafe");
    press(&mut app, "t");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn quit_question() {
    let mut app = app_on("cafe");
    press(&mut app, "pq");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn typing_a_new_title_puts_the_cursor_in_the_card() {
    let mut app = app_on("hotpot-ko");
    press(&mut app, "a새 카드");
    let mut terminal = screen(&mut app, 80, 24);
    let at = find(terminal.backend().buffer(), "새 카드").expect("the typed title is on screen");
    // Three wide characters and a space: the cursor is seven columns on.
    terminal
        .backend_mut()
        .assert_cursor_position((at.0 + 7, at.1));
}

#[test]
fn without_colour_the_board_still_tells_pain_from_glory() {
    let mut app = app_on("cafe");
    let terminal = common::screen_with(&mut app, 120, 30, &Theme::monochrome());
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            assert_eq!(cell.fg, Color::Reset, "colour at {x},{y}");
            assert_eq!(cell.bg, Color::Reset, "colour at {x},{y}");
        }
    }
    let text = screen_text(buffer);
    // The signs, and the words where the card has room for them beside the channel; the
    // to-be after an arrow.
    for sign in ["-- → -", "- → o", "- pain", "++   ", "+ glory"] {
        assert!(text.contains(sign), "{sign} missing:\n{text}");
    }
    let wider = common::screen_with(&mut app, 200, 30, &Theme::monochrome());
    let text = screen_text(wider.backend().buffer());
    for words in ["++ deep glory", "- pain → + glory", "- pain → o neutral"] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
}

/// A card with a to-be says it after its feeling: in words on a wide card, in signs on a
/// narrow one, in every density but compact, and never at the cost of the title.
#[test]
fn a_card_says_its_to_be_in_words_when_wide_and_in_signs_when_narrow() {
    let stage = |name: &str| {
        format!(
            r#"(name: "{name}", moments: [(title: "Long queue at the counter at lunch", kind: Fmot, feeling: -2, target: 0, channel: "Store")]),"#
        )
    };
    let mut app = app_with(&format!("(title: \"T\", stages: [{}])", stage("Queue")));
    for density in ["", "z"] {
        press(&mut app, density);
        let wide = common::screen_with(&mut app, 80, 24, &Theme::monochrome());
        let text = screen_text(wide.backend().buffer());
        let header = text.lines().find(|l| l.contains("FMOT")).unwrap();
        assert!(
            header.contains("FMOT  -- deep pain → o neutral ") && header.contains(" Store "),
            "{text}"
        );
        assert!(
            text.contains("Long queue at the counter at lunch"),
            "{text}"
        );
    }
    let stages: String = ["Find", "Queue", "Order"].map(stage).concat();
    let mut app = app_with(&format!("(title: \"T\", stages: [{stages}])"));
    for density in ["", "z"] {
        press(&mut app, density);
        let narrow = common::screen_with(&mut app, 80, 24, &Theme::monochrome());
        let text = screen_text(narrow.backend().buffer());
        let header = text.lines().find(|l| l.contains("FMOT")).unwrap();
        assert!(header.contains("FMOT  -- → o   Store"), "{text}");
        for line in ["Long queue at the", "counter at lunch"] {
            assert_eq!(text.matches(line).count(), 3, "{line}:\n{text}");
        }
    }
}

#[test]
fn an_empty_journey_says_how_to_start() {
    let mut app = app_with(r#"(title: "New", stages: [])"#);
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn the_readme_lists_every_key() {
    let readme = std::fs::read_to_string("README.md").expect("README.md is there");
    let app = app_on("cafe");
    let mut table = String::from("| key | what it does | name |\n| --- | --- | --- |\n");
    for section in app.keymap().help_sections() {
        table.push_str(&format!("| **{}** | | |\n", section.title));
        for row in section.rows {
            let keys: Vec<String> = row.keys.split(' ').map(|k| format!("`{k}`")).collect();
            table.push_str(&format!(
                "| {} | {} | `{}` |\n",
                keys.join(" "),
                row.action.description(),
                row.action.name()
            ));
        }
    }
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; it should read:\n{table}"
    );
}

#[test]
fn the_readme_lists_every_command() {
    let readme = std::fs::read_to_string("README.md").expect("README.md is there");
    let mut table = String::from("| command | what it does |\n| --- | --- |\n");
    for command in motmap::command::COMMANDS {
        let usage: Vec<String> = command.usage.split(' ').map(|c| format!("`{c}`")).collect();
        table.push_str(&format!(
            "| {} | {} |\n",
            usage.join(" "),
            command.description
        ));
    }
    assert!(
        readme.contains(&table),
        "README.md's command table is out of date; it should read:\n{table}"
    );
}

#[test]
fn read_only_view_refusing_an_edit() {
    let mut app = app_on("cafe").read_only();
    press(&mut app, "p");
    insta::assert_snapshot!(screen(&mut app, 100, 30).backend());
}

fn show(template: &str, width: u16, color: bool) -> String {
    let journey = built_in(template);
    let theme = if color {
        Theme::default()
    } else {
        Theme::monochrome()
    };
    motmap::ui::print::printout(
        &journey,
        &format!("{template}.ron"),
        width,
        motmap::layout::Density::Normal,
        &theme,
    )
    .iter()
    .map(|b| motmap::ui::print::to_text(b, color, false))
    .collect()
}

#[test]
fn show_prints_every_card_at_80_columns() {
    let text = show("cafe", 80, false);
    let journey = built_in("cafe");
    for (_, moment) in journey.moments() {
        let start: String = moment.title.chars().take(12).collect();
        assert!(text.contains(&start), "{start:?} is not printed");
    }
    assert!(!text.contains('\u{1b}'), "no escapes without colour");
    insta::assert_snapshot!(text);
}

#[test]
fn show_prints_at_140_columns() {
    insta::assert_snapshot!(show("hotpot-ko", 140, false));
}

#[test]
fn show_with_colour_marks_pains_in_red() {
    let text = show("cafe", 100, true);
    assert!(
        text.contains("\u{1b}[0;1;31m--\u{1b}[0;90m → \u{1b}[0;91m-"),
        "deep pains in bold red, the to-be in its own colour"
    );
    assert!(text.contains("\u{1b}[0;32m+ glory"), "glories in green");
}

#[test]
fn prompts_show_what_is_typed_in_the_status_line() {
    for (keys, seen) in [
        ("Tquarter", "minutes: quarter"),
        ("f/shop", "filter: shop"),
        ("/qu", "/qu"),
        ("W<C-u>손님, Ana", "personas: 손님, Ana"),
    ] {
        let mut app = app_on("cafe");
        press(&mut app, keys);
        let terminal = screen(&mut app, 160, 24);
        let status = common::screen_text(terminal.backend().buffer());
        let last = status.lines().last().unwrap().to_string();
        assert!(last.contains(seen), "{keys}: {last}");
    }
}

#[test]
fn hostile_maps_are_shown_safely() {
    let long_title = "x".repeat(100_000);
    let stages: String = (0..10_000).map(|i| format!("(name: \"S{i}\"),")).collect();
    let escape = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let ron = format!(
        "(title: \"{escape}T\", stages: [(name: \"{escape}\", moments: [(title: \"{long_title}\"), (title: \"a{escape}b\")]), {stages}])"
    );
    let mut app = common::app_with(&ron);
    for keys in [
        "", "j", "<End>", "llll", "<Tab>", "<Tab>", "<Tab>", "<Tab>P", "w",
    ] {
        press(&mut app, keys);
        let terminal = screen(&mut app, 120, 40);
        let buffer = terminal.backend().buffer();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                assert!(
                    !buffer[(x, y)].symbol().contains('\u{1b}'),
                    "{keys}: an escape reached the screen"
                );
            }
        }
    }
}

/// The cafe with votes: three on the first card, twelve on the queue, one on the
/// barista; a comment waits on the queue too.
fn cafe_with_votes() -> motmap::app::App {
    let mut app = app_on("cafe");
    press(&mut app, "3v");
    press(&mut app, "lj12v");
    press(&mut app, "c<C-u>Which day?<Enter>");
    press(&mut app, "lkv");
    app
}

#[test]
fn cards_show_votes_and_markers_at_80x24() {
    let mut app = cafe_with_votes();
    let terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains(" ●●● "), "three dots:\n{text}");
    assert!(text.contains(" ●12 "), "a number when many:\n{text}");
    assert!(text.contains("✎1"), "the open comment:\n{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn cards_show_votes_and_markers_at_120x40() {
    let mut app = cafe_with_votes();
    insta::assert_snapshot!(screen(&mut app, 120, 40).backend());
}

#[test]
fn without_colour_votes_and_markers_still_read() {
    let mut app = cafe_with_votes();
    let terminal = common::screen_with(&mut app, 80, 24, &Theme::monochrome());
    let text = screen_text(terminal.backend().buffer());
    for mark in [" ●●● ", " ●12 ", "≡", "✦", "@Marketing"] {
        assert!(text.contains(mark), "{mark} missing:\n{text}");
    }
}

#[test]
fn density_compact_shows_a_title_a_line() {
    let mut app = cafe_with_votes();
    press(&mut app, "zz");
    assert!(app.status().text.starts_with("Cards: compact"));
    let terminal = screen(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Barista remembers").unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "▶", "the selected card");
    // The votes at each card's end: a dot, then the number past one.
    for (title, votes) in [
        ("Searches", " ●3│"),
        ("Long queue", " ●12│"),
        ("Barista", " ●│"),
    ] {
        let (_, y) = find(buffer, title).unwrap();
        let row = row_text(buffer, y);
        let card = row.split('│').find(|c| c.contains(title)).unwrap();
        assert!(format!("{card}│").ends_with(votes), "{title}: {row}");
    }
    insta::assert_snapshot!(terminal.backend());
    press(&mut app, "<C-v>");
    let text = screen_text(screen(&mut app, 120, 40).backend().buffer());
    assert!(!text.contains('●'), "hidden in a voting round:\n{text}");
}

/// Compact cards take a line each, votes and all: four columns of 34 at 120×40.
#[test]
fn compact_cards_with_votes_still_fill_a_line_each() {
    let moments: String = (0..40)
        .map(|i| format!("(title: \"Card {i}\", votes: {}),", i % 8))
        .collect();
    let stages: String = (0..4)
        .map(|s| format!("(name: \"Stage {s}\", moments: [{moments}]),"))
        .collect();
    let mut app = app_with(&format!("(title: \"Many\", stages: [{stages}])"));
    press(&mut app, "zz");
    let text = screen_text(screen(&mut app, 120, 40).backend().buffer());
    assert_eq!(text.matches("Card ").count(), 136, "{text}");
    let row = text.lines().find(|l| l.contains(" Card 7 ")).unwrap();
    assert!(row.contains(" ●7│"), "the votes at the card's end: {row}");
}

#[test]
fn density_detailed_adds_the_notes_and_the_idea() {
    let mut app = cafe_with_votes();
    press(&mut app, "z");
    assert!(app.status().text.starts_with("Cards: detailed"));
    let terminal = screen(&mut app, 120, 40);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("✦ "), "an idea's first line:\n{text}");
    assert!(text.contains("≡ "), "notes' first line:\n{text}");
    insta::assert_snapshot!(terminal.backend());
    press(&mut app, "zz");
    assert!(
        app.status().text.starts_with("Cards: normal"),
        "round again"
    );
}

#[test]
fn compact_cards_hold_many_more_at_80x24() {
    let mut app = app_on("cafe");
    press(&mut app, "zz");
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn a_forty_line_note_keeps_the_line_being_typed_in_view() {
    let mut app = app_on("cafe");
    // The details of the first moment, down to its notes, typed into from empty.
    press(&mut app, "<Enter>jjjjjjjjj<Enter><C-u>");
    for n in 1..=40 {
        if n > 1 {
            press(&mut app, "<A-Enter>");
        }
        press(&mut app, &format!("line {n} of the note"));
    }
    let mut terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    let cursor = terminal.get_cursor_position().unwrap();
    let cursor_line = text.lines().nth(usize::from(cursor.y)).unwrap();
    assert!(
        cursor_line.contains("line 40 of the note"),
        "the cursor is on the last line typed, on screen:\n{text}"
    );
    insta::assert_snapshot!(terminal.backend());
    // Back up to the first line: the note scrolls back with the cursor.
    press(&mut app, &"<Up>".repeat(39));
    let mut terminal = screen(&mut app, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    let cursor = terminal.get_cursor_position().unwrap();
    assert!(
        text.lines()
            .nth(usize::from(cursor.y))
            .unwrap()
            .contains("line 1 of the note"),
        "{text}"
    );
}

#[test]
fn a_description_is_written_in_a_popup_as_tall_as_it_needs() {
    let mut app = app_on("cafe");
    press(&mut app, "D<C-u>손님이 줄을 서서<A-Enter>기다린다.");
    for n in 1..=30 {
        press(&mut app, &format!("<A-Enter>line {n}"));
    }
    press(&mut app, &"<Up>".repeat(25));
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}
