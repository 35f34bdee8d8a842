//! The command line, run as the real binary.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::fs;

use common::binary::{motmap, stderr, stdout};
use common::pty::Session;
use motmap::model::{Comment, CommentTarget, Edit};
use motmap::share::Format;

#[test]
fn new_writes_a_template_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = motmap(dir.path(), &["new", "cafe.ron", "--template", "cafe"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(dir.path().join("cafe.ron")).unwrap();
    assert_eq!(written, motmap::templates::find("cafe").unwrap().source);

    fs::write(dir.path().join("cafe.ron"), "mine").unwrap();
    let out = motmap(dir.path(), &["new", "cafe.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("cafe.ron")).unwrap(),
        "mine"
    );

    let out = motmap(dir.path(), &["new", "x.ron", "-t", "no-such"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("motmap templates"));
    assert!(!dir.path().join("x.ron").exists());
}

#[test]
fn new_uses_the_blank_template_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let out = motmap(dir.path(), &["new", "map.ron"]);
    assert!(out.status.success());
    let written = fs::read_to_string(dir.path().join("map.ron")).unwrap();
    assert_eq!(written, motmap::templates::find("blank").unwrap().source);
}

#[test]
fn templates_lists_each_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = motmap(dir.path(), &["templates"]);
    assert!(out.status.success());
    let stdout = stdout(&out);
    assert_eq!(stdout.lines().count(), motmap::templates::TEMPLATES.len());
    for template in motmap::templates::TEMPLATES {
        assert!(
            stdout.lines().any(|l| l.starts_with(template.name)),
            "{stdout}"
        );
    }
}

#[test]
fn check_prints_a_line_per_file_and_fails_if_any_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.ron"),
        r#"(title: "T", stages: [(name: "S")])"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("bad.ron"),
        r#"(title: "T", stages: [(name: "S", colour: 1)])"#,
    )
    .unwrap();

    let out = motmap(dir.path(), &["check", "good.ron"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "good.ron: ok, 1 stage, 0 moments\n");

    let out = motmap(dir.path(), &["check", "good.ron", "bad.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = stdout(&out);
    assert!(stdout.starts_with("good.ron: ok"));
    assert!(
        stdout.contains("bad.ron:1:35: unknown field `colour` in a stage"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Error") && !stdout.contains("Spanned"),
        "no debug dump"
    );
}

#[test]
fn every_command_has_help_and_there_is_a_version() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["new", "--help"],
        &["templates", "--help"],
        &["check", "--help"],
    ] {
        let out = motmap(dir.path(), args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains("Usage: motmap"), "{args:?}");
    }
    let out = motmap(dir.path(), &["--version"]);
    assert_eq!(
        stdout(&out),
        format!("motmap {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_file_that_fails_to_load_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    fs::write(&path, "(title: \"T\", stages: [(name: \"S\"").unwrap();
    let out = motmap(dir.path(), &["broken.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr(&out);
    assert!(stderr.starts_with("motmap: broken.ron:1:"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(title: \"T\", stages: [(name: \"S\""
    );
    assert!(!dir.path().join("broken.ron~").exists());
}

#[test]
fn lint_lists_each_problem_on_a_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("map.ron"),
        r#"(title: "T", stages: [
    (name: "Use", moments: [(title: "Onboarding call", kind: Smot, evidence: Observed)]),
    (name: "Wait", moments: [(title: "Long queue", feeling: -2, kind: Fmot)]),
    (name: "Pay"),
])"#,
    )
    .unwrap();
    let out = motmap(dir.path(), &["lint", "map.ron"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out));

    let out = motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    assert!(out.status.success());
    let out = motmap(dir.path(), &["lint", "cafe.ron"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(stdout(&out), "cafe.ron: no problems found\n");
}

#[test]
fn lint_points_at_the_line_of_a_saved_moment() {
    let dir = tempfile::tempdir().unwrap();
    let out = motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    assert!(out.status.success());
    let path = dir.path().join("cafe.ron");
    let saved = fs::read_to_string(&path).unwrap();
    let without_idea: String = saved
        .lines()
        .filter(|l| !l.contains("idea: \"Apologise for the wait"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&path, &without_idea).unwrap();
    let out = motmap(dir.path(), &["lint", "cafe.ron"]);
    let stdout = stdout(&out);
    let line: usize = stdout.split(':').nth(1).unwrap().parse().unwrap();
    let pointed = without_idea.lines().nth(line - 1).unwrap();
    assert!(
        pointed.trim_start().starts_with("id: "),
        "{stdout} points at {pointed:?}"
    );
    assert!(
        stdout.contains("“Long queue at the counter”: a deep pain with no idea"),
        "{stdout}"
    );
}

#[test]
fn lint_with_comments_lists_each_open_one_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = motmap::templates::find("cafe").unwrap().journey();
    let stage = journey.stages()[1].id;
    let moment = journey.stages()[1].moments[1].id;
    let resolved = Comment {
        resolved: true,
        ..Comment::new("Bo", "2026-12-04T05:13:00Z", "Counted again")
    };
    for (target, comments) in [
        (
            CommentTarget::Journey,
            vec![Comment::new(
                "Ana",
                "2026-12-04T05:12:00Z",
                "Review on Friday",
            )],
        ),
        (
            CommentTarget::Stage(stage),
            vec![Comment::new("", "", "Split this stage?")],
        ),
        (
            CommentTarget::Moment(moment),
            vec![
                resolved,
                Comment::new("Cy", "2026-12-05T09:00:00Z", "Which day?\nAll week?"),
            ],
        ),
    ] {
        journey
            .apply(Edit::SetComments { target, comments })
            .unwrap();
    }
    let text = motmap::store::to_ron(&journey);
    fs::write(dir.path().join("cafe.ron"), &text).unwrap();
    let out = motmap(dir.path(), &["lint", "cafe.ron"]);
    assert!(
        out.status.success(),
        "open comments are no problem by default"
    );
    let out = motmap(dir.path(), &["lint", "--comments", "cafe.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert_eq!(
        stdout(&out),
        format!(
            "cafe.ron:{}: the journey: an open comment by Ana, 2026-12-04 05:12 UTC: “Review on Friday”\n\
             cafe.ron:{}: stage 2 “Arrive and queue”: an open comment by someone: “Split this stage?”\n\
             cafe.ron:{}: stage 2 “Arrive and queue”, moment 2 “Long queue at the counter”: an open comment by Cy, 2026-12-05 09:00 UTC: “Which day?”\n",
            line_of("    comments: ["),
            line_of(&format!("id: {},", stage.0)),
            line_of(&format!("id: {},", moment.0)),
        )
    );
}

#[test]
fn show_prints_the_board_or_the_outline() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    let out = motmap(dir.path(), &["show", "cafe.ron", "--width", "80"]);
    assert!(out.status.success());
    let board = stdout(&out);
    assert!(board.starts_with(" Cafe visit  cafe.ron"), "{board}");
    assert!(board.contains("Long queue at the"), "every card is printed");
    assert!(!board.contains('\u{1b}'), "plain text in a pipe");
    assert!(
        board
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );

    let out = motmap(
        dir.path(),
        &["show", "cafe.ron", "--width", "80", "--color", "always"],
    );
    assert!(stdout(&out).contains("\u{1b}["), "colour when asked for");

    let out = motmap(dir.path(), &["show", "--outline", "cafe.ron"]);
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn a_read_only_view_in_a_pipe_prints_the_outline_with_each_to_be() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    let outline = stdout(&motmap(dir.path(), &["show", "--outline", "cafe.ron"]));
    for args in [["view", "cafe.ron"], ["--read-only", "cafe.ron"]] {
        let out = motmap(dir.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), outline, "{args:?}");
    }
    assert!(outline.contains("   FMOT -- Long queue at the counter (deep pain → to be pain)\n"));
    assert!(
        outline.contains("   FMOT +  Smell of coffee at the door (glory)\n"),
        "no to-be, nothing said"
    );
    assert_eq!(outline.matches("→ to be").count(), 8, "{outline}");
}

#[test]
fn a_width_below_the_board_s_minimum_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    let out = motmap(dir.path(), &["show", "cafe.ron", "--width", "10"]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.contains("'10' for '--width <N>'"), "{said}");
    assert!(
        said.contains("the board needs at least 40 columns; give --width 40 or more"),
        "{said}"
    );
    assert!(out.stdout.is_empty());
    let out = motmap(dir.path(), &["show", "cafe.ron", "--width", "40"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let widest = stdout(&out)
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max();
    assert_eq!(widest, Some(40));
}

/// A map large enough that every printing command writes far more than a pipe holds.
fn big_map(dir: &std::path::Path) {
    let mut text = String::from("(title: \"Big\", stages: [\n");
    for stage in 0..40 {
        text.push_str(&format!("(name: \"Stage {stage}\", moments: [\n"));
        for moment in 0..150 {
            text.push_str(&format!(
                "(title: \"Moment {moment} of stage {stage}, long enough to wrap\", feeling: -2),\n"
            ));
        }
        text.push_str("]),\n");
    }
    text.push_str("])\n");
    fs::write(dir.join("big.ron"), text).unwrap();
}

#[test]
fn a_reader_that_stops_early_ends_every_printing_command_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    big_map(dir.path());
    for args in [
        &["show", "big.ron"][..],
        &["show", "--outline", "big.ron"],
        &["big.ron"],
        &["export", "big.ron", "--to", "markdown"],
        &["diff", "/dev/null", "big.ron"],
        &["lint", "big.ron"],
    ] {
        let mut child = common::binary::command(common::binary::BIN, dir.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut start = [0u8; 64];
        stdout.read_exact(&mut start).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(stderr(&out), "", "{args:?}");
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
    }
}

/// How many cells of the screen have a colour of their own, in front or behind.
fn coloured_cells(screen: &vt100::Screen) -> usize {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows)
        .flat_map(|row| (0..cols).map(move |col| (row, col)))
        .filter_map(|(row, col)| screen.cell(row, col))
        .filter(|cell| {
            cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
        })
        .count()
}

#[test]
fn show_and_the_editor_send_no_colour_to_a_terminal_that_has_none() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    for (term, coloured) in [("xterm-256color", true), ("vt100", false), ("dumb", false)] {
        let env = [("TERM", term)];
        let mut show = Session::start_with(dir.path(), &["show", "cafe.ron"], 100, 120, &env);
        assert!(show.wait_for_exit().success(), "{term}");
        show.wait_for("Long queue");
        let screen = show.screen.lock().unwrap();
        assert_eq!(
            coloured_cells(screen.screen()) > 0,
            coloured,
            "show, {term}"
        );
        drop(screen);

        let mut editor = Session::start_with(dir.path(), &["cafe.ron"], 100, 30, &env);
        editor.wait_for("Long queue");
        let screen = editor.screen.lock().unwrap();
        assert_eq!(
            coloured_cells(screen.screen()) > 0,
            coloured,
            "the editor, {term}"
        );
        drop(screen);
        editor.send("q");
        assert!(editor.wait_for_exit().success(), "{term}");
    }
}

#[test]
fn a_mistyped_command_is_named_and_nothing_starts() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, meant) in [
        ("lnit", "lint"),
        ("exprot", "export"),
        ("shwo", "show"),
        ("SHOW", "show"),
        ("shw", "show"),
        ("mna", "man"),
        ("temlpates", "templates"),
        ("exprt", "export"),
    ] {
        let out = motmap(dir.path(), &[typed]);
        assert_eq!(out.status.code(), Some(2), "{typed}");
        let said = stderr(&out);
        assert!(
            said.starts_with(&format!(
                "error: `{typed}` is not a file or a command. Did you mean `motmap {meant}`? To start a new map named {typed}, run `motmap {typed}.ron`.\n"
            )),
            "{said}"
        );
        assert!(said.contains("Usage: motmap"), "{said}");
        assert!(out.stdout.is_empty());
    }
    // `exprot x.ron`: the command is what is wrong, whatever follows it.
    let out = motmap(dir.path(), &["exprot", "x.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Did you mean `motmap export`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_name_that_is_a_file_or_no_command_opens_as_a_map() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "lnit", "-t", "cafe"]);
    let out = motmap(dir.path(), &["lnit"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Cafe visit\n"),
        "the file, as ever"
    );
    // `map` is one letter from `man`, `list` from `lint`: words, not slips.
    for name in ["journey", "lnit.ron", "ideas", "map", "list"] {
        let out = motmap(dir.path(), &[name]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let title = std::path::Path::new(name)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            stdout(&out).starts_with(&format!("{title}\n")),
            "a new map, as ever"
        );
    }
}

#[test]
fn export_takes_the_format_from_the_output_s_extension_or_a_short_name() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    let journey = motmap::templates::find("cafe").unwrap().journey();
    for (output, format) in [
        ("report.md", Format::Markdown),
        ("report.MARKDOWN", Format::Markdown),
        ("flow.mmd", Format::Mermaid),
        ("flow.mermaid", Format::Mermaid),
        ("sheet.csv", Format::Csv),
        ("page.html", Format::Html),
        ("page.htm", Format::Html),
        ("model.json", Format::Json),
    ] {
        let out = motmap(dir.path(), &["export", "cafe.ron", "-o", output]);
        assert!(out.status.success(), "{output}: {}", stderr(&out));
        assert_eq!(
            fs::read_to_string(dir.path().join(output)).unwrap(),
            motmap::share::export(&journey, format),
            "{output}"
        );
    }
    for (short, format) in [
        ("md", Format::Markdown),
        ("mmd", Format::Mermaid),
        ("htm", Format::Html),
    ] {
        let out = motmap(dir.path(), &["export", "cafe.ron", "--to", short]);
        assert!(out.status.success(), "{short}: {}", stderr(&out));
        assert_eq!(stdout(&out), motmap::share::export(&journey, format));
    }
    let out = motmap(
        dir.path(),
        &["export", "cafe.ron", "--to", "csv", "-o", "rows.md"],
    );
    assert!(out.status.success(), "--to wins over the extension");
    assert!(
        fs::read_to_string(dir.path().join("rows.md"))
            .unwrap()
            .contains(',')
    );
}

#[test]
fn export_without_a_format_says_how_to_give_one() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "cafe.ron", "-t", "cafe"]);
    let out = motmap(dir.path(), &["export", "cafe.ron", "-o", "report.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "motmap: cannot tell which format to write: report.txt has no extension motmap knows. Say it with --to mermaid, markdown, csv, html or json, or name an -o file ending in .mmd, .md, .csv, .html or .json.\n"
    );
    assert!(!dir.path().join("report.txt").exists());
    let out = motmap(dir.path(), &["export", "cafe.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(": no --to was given. Say it with --to"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

/// A small map whose first card holds notes of two paragraphs, an idea, an owner, a
/// to-be and comments (one resolved), with open comments on its first stage and the
/// journey, and cards that hold nothing more.
const MAP_WITH_DETAILS: &str = r#"(title: "Cafe", comments: [(author: "Ana", at: "2026-12-04T05:12:00Z", text: "Review on Friday")], stages: [
    (name: "Arrive", comments: [(author: "", at: "", text: "Split this stage?")], moments: [
        (title: "Long queue at the counter", kind: Fmot, feeling: -2, target: -1, owner: "Bo",
         notes: "Ten minutes at eight.\n\nWorse on Mondays.", idea: "Hand a sorry card",
         comments: [(author: "Di", at: "2026-12-05T10:00:00Z", text: "Counted again", resolved: true),
                    (author: "Cy", at: "2026-12-05T09:00:00Z", text: "Which day?\nAll week?")]),
        (title: "Smell of coffee", feeling: 1),
    ]),
    (name: "Pay", moments: [(title: "Card reader")]),
])"#;

/// What the first card of [`MAP_WITH_DETAILS`] holds, as the outline writes it.
const FIRST_CARD_IN_DETAIL: &str = "   FMOT -- Long queue at the counter (deep pain → to be pain)
           notes: Ten minutes at eight.

                  Worse on Mondays.
           idea: Hand a sorry card
           owner: Bo
           comment by Cy, 2026-12-05 09:00 UTC: Which day?
                                                All week?
";

#[test]
fn the_outline_with_details_says_what_each_card_holds() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cafe.ron"), MAP_WITH_DETAILS).unwrap();
    let out = motmap(dir.path(), &["show", "--outline", "--details", "cafe.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "Cafe
2 stages, 3 moments: 1 pain, 1 glory
comment by Ana, 2026-12-04 05:12 UTC: Review on Friday

1. Arrive (2 moments: 1 pain, 1 glory)
   comment by someone: Split this stage?
{FIRST_CARD_IN_DETAIL}        +  Smell of coffee (glory)

2. Pay (1 moment: 0 pains, 0 glories)
        o  Card reader (neutral)
"
        )
    );
    let plain = stdout(&motmap(dir.path(), &["show", "--outline", "cafe.ron"]));
    assert!(
        !plain.contains("notes:") && !plain.contains("comment by"),
        "{plain}"
    );
}

#[test]
fn show_with_details_prints_what_the_cards_hold_under_the_board() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("cafe.ron"), MAP_WITH_DETAILS).unwrap();
    let out = motmap(
        dir.path(),
        &["show", "--details", "--width", "80", "cafe.ron"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    let (board, held) = shown.split_once("\nWhat the cards hold\n").unwrap();
    assert!(
        board.contains("┃ ≡ Ten minutes at eight.            ┃"),
        "the board's cards in detail:\n{board}"
    );
    assert!(
        board.contains("┃ ✦ Hand a sorry card                ┃"),
        "{board}"
    );
    assert_eq!(
        held,
        format!(
            "comment by Ana, 2026-12-04 05:12 UTC: Review on Friday

1. Arrive (2 moments: 1 pain, 1 glory)
   comment by someone: Split this stage?
{FIRST_CARD_IN_DETAIL}"
        ),
        "only what has something more to say"
    );

    let out = motmap(dir.path(), &["show", "--width", "80", "cafe.ron"]);
    assert!(!stdout(&out).contains("What the cards hold"));
    assert!(!stdout(&out).contains("≡ Ten minutes"));
}

#[test]
fn completions_know_every_command_and_option() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = motmap(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in [
            "motmap",
            "lint",
            "export",
            "details",
            "width",
            "completions",
        ] {
            assert!(script.contains(word), "{shell} knows {word}");
        }
    }
    let out = motmap(dir.path(), &["completions", "bash"]);
    fs::write(dir.path().join("motmap.bash"), &out.stdout).unwrap();
    let syntax = std::process::Command::new("bash")
        .args(["-n", "motmap.bash"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(syntax.status.success(), "{}", stderr(&syntax));
    let out = motmap(dir.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("[possible values: bash, elvish, fish, powershell, zsh]"));
}

#[test]
fn the_manual_page_is_roff_for_motmap_and_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = motmap(dir.path(), &["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        page.contains(&format!(".TH motmap 1  \"motmap {version}\"")),
        "{page}"
    );
    assert!(page.contains(".SH SUBCOMMANDS"));
    for command in ["new", "show", "lint", "export", "completions", "man"] {
        assert!(
            page.contains(&format!("motmap\\-{command}(1)")),
            "{command}"
        );
    }
    let out = motmap(dir.path(), &["man", "show"]);
    let page = stdout(&out);
    assert!(
        page.contains(&format!(".TH motmap-show 1  \"motmap {version}\"")),
        "{page}"
    );
    assert!(page.contains("\\-\\-details"), "{page}");
    let out = motmap(dir.path(), &["man", "shwo"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "motmap: there is no command called \"shwo\"; `motmap --help` lists them\n"
    );
}

/// A map with ❤️ (U+2764 U+FE0F) and 👍🏽 (thumbs up, skin tone) in a stage's name and
/// in its cards, and a second stage to their right.
const MAP_WITH_EMOJI: &str = "(title: \"Emoji\", stages: [
    (name: \"Love \u{2764}\u{FE0F}\", moments: [
        (title: \"Staff \u{2764}\u{FE0F} smile\", feeling: 2),
        (title: \"Thumbs \u{1F44D}\u{1F3FD} up\", feeling: 1),
    ]),
    (name: \"Next\", moments: [(title: \"Other\", feeling: -1)]),
])";

/// The column of the last box-drawing character of each row of the screen that ends in
/// one: the right edge of the board, the same on every row when the borders line up.
fn right_edges(screen: &vt100::Screen) -> Vec<(u16, u16)> {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .filter_map(|row| {
            let last = (0..cols.get())
                .rev()
                .find(|&col| screen.cell(row, col).is_some_and(|c| c.has_contents()))?;
            let symbol = screen.cell(row, last)?.contents();
            let boxed = symbol
                .chars()
                .all(|c| ('\u{2500}'..='\u{257F}').contains(&c));
            boxed.then_some((row, last))
        })
        .collect()
}

#[test]
fn emoji_of_several_code_points_keep_the_borders_of_show_and_the_editor_straight() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("e.ron"), MAP_WITH_EMOJI).unwrap();

    // In a pipe: plain text, every line of the board as wide as Unicode says.
    let out = motmap(dir.path(), &["show", "e.ron", "--width", "60"]);
    let board = stdout(&out);
    assert!(!board.contains('\u{1b}'));
    assert!(board.contains("Staff \u{2764}\u{FE0F} smile"), "{board}");
    for line in board.lines().skip(1) {
        assert_eq!(unicode_width::UnicodeWidthStr::width(line), 60, "{line}");
    }

    // vt100 draws ❤️ in one column and 👍🏽 in four, as xterm and GNOME Terminal do;
    // motmap places the cursor after them, so every row still ends in the same column.
    let straight = |term: &str| {
        let args = ["show", "e.ron", "--width", "60"];
        let mut show = Session::start_with(dir.path(), &args, 80, 40, &[("TERM", term)]);
        assert!(show.wait_for_exit().success());
        show.wait_for("Other");
        let edges = right_edges(show.screen.lock().unwrap().screen());
        assert!(edges.len() > 10, "{edges:?}");
        edges.iter().all(|&(_, col)| col == 59)
    };
    assert!(straight("xterm-256color"));
    assert!(
        !straight("dumb"),
        "without cursor moves the heart's row is a column short"
    );

    let mut editor = Session::start(dir.path(), &["e.ron"], 80, 30);
    let screen = editor.wait_for("Thumbs");
    let edges = right_edges(editor.screen.lock().unwrap().screen());
    assert!(edges.len() > 10, "{screen}");
    assert!(
        edges.iter().all(|&(_, col)| col == edges[0].1),
        "{edges:?}\n{screen}"
    );
    editor.send("q");
    assert!(editor.wait_for_exit().success());
}
