//! Sharing a map: Mermaid, CSV and JSON round trips, their consumers' rules, hostile text,
//! and the export and import commands.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use std::path::Path;

use common::binary::{motmap, stderr, stdout};
use common::maps::built_in;
use motmap::model::{Comment, Edit, Evidence, Feeling, Journey, Kind, Moment, Stage};
use motmap::share::{self, Format, ImportFormat};
use motmap::templates::TEMPLATES;
use proptest::prelude::*;

/// A map with every character the formats treat specially, in every field. `.ci/run`
/// gives it to Mermaid's own parser too.
fn hostile() -> Journey {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/share/hostile.ron"
    );
    motmap::store::Document::load(path).unwrap().journey
}

fn examples() -> impl Iterator<Item = (&'static str, Journey)> {
    TEMPLATES.iter().map(|t| (t.name, t.journey()))
}

// ---------------------------------------------------------------------------------------
// Mermaid

/// `line` with each entity code (`#35;`, `#quot;`) replaced by a marker, as Mermaid does
/// before its lexer reads the line (`encodeEntities`).
fn without_entity_codes(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let name_len = rest[at + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len() - at - 1);
        if name_len > 0 && rest[at + 1 + name_len..].starts_with(';') {
            out.push_str("ﬂ°");
            out.push_str(&rest[at + 1..at + 1 + name_len]);
            out.push_str("¶ß");
            rest = &rest[at + 2 + name_len..];
        } else {
            out.push('#');
            rest = &rest[at + 1..];
        }
    }
    out + rest
}

/// Mermaid's journey lexer (`journey.jison`), rule by rule: what each line may hold for
/// Mermaid to read it as motmap meant, once its entity codes are markers. (The real parser
/// is run over the same exports by `.ci/run`, with Node.js.)
fn assert_mermaid_reads(text: &str) {
    let mut started = false;
    // Kept settings come first: front matter, then directives, each as Mermaid wrote them.
    let mut lines = text.lines().enumerate().peekable();
    if lines.next_if(|(_, line)| *line == "---").is_some() {
        assert!(
            lines.any(|(_, line)| line == "---"),
            "the front matter closes"
        );
    }
    while let Some((_, directive)) = lines.next_if(|(_, line)| line.starts_with("%%{")) {
        if !directive.ends_with("}%%") {
            assert!(
                lines.any(|(_, line)| line.ends_with("}%%")),
                "the directive closes"
            );
        }
    }
    let mut in_block = false;
    for (number, line) in lines {
        let line = without_entity_codes(line.trim());
        let line = line.as_str();
        let at = format!("line {}: {line:?}", number + 1);
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix("%%") {
            assert!(!comment.starts_with('{'), "{at} would be a directive");
            continue;
        }
        assert!(!line.contains("%%"), "{at}: %% starts a comment");
        assert!(
            !line.replace("<br>", "").contains(['<', '>']),
            "{at}: Mermaid reads < and > as HTML, and only <br> is meant"
        );
        assert!(
            !line
                .split([':', ','])
                .any(|piece| piece.trim().starts_with('\u{feff}')),
            "{at}: Mermaid skips a byte order mark as white space, then reads a keyword"
        );
        if !started {
            assert_eq!(line, "journey", "{at}: the diagram starts with `journey`");
            started = true;
            continue;
        }
        // Accessible texts, kept as Mermaid read them: to the line's end, or to `}`.
        if in_block || line.starts_with("accTitle:") || line.starts_with("accDescr") {
            in_block = (in_block || line.starts_with("accDescr {")) && !line.contains('}');
            continue;
        }
        if let Some(title) = line.strip_prefix("title ") {
            assert!(
                !title.contains(['#', ';']),
                "{at}: a title stops at # and ;"
            );
            continue;
        }
        if let Some(section) = line.strip_prefix("section ") {
            assert!(!section.trim().is_empty(), "{at}: a section needs a name");
            assert!(
                !section.contains(['#', ':', ';']),
                "{at}: a section name stops at # : ;"
            );
            continue;
        }
        let (name, data) = line.split_once(':').expect("a task has a colon");
        let lower = name.to_lowercase();
        assert!(!name.trim().is_empty(), "{at}: a task needs a name");
        assert!(!name.contains(['#', ';']), "{at}: a task name stops at # ;");
        for keyword in ["journey", "title", "section", "acctitle", "accdescr", "%"] {
            assert!(!lower.starts_with(keyword), "{at}: read as {keyword}");
        }
        assert!(!data.contains(['#', ';']), "{at}: task data stops at # ;");
        let pieces: Vec<&str> = data.split(':').collect();
        assert!(pieces.len() <= 2, "{at}: a third piece would be dropped");
        // A feeling's score, 1 to 5, or one kept from a diagram that no feeling is.
        assert!(!pieces[0].trim().is_empty(), "{at}: a score");
    }
    assert!(started, "no journey line");
}

#[test]
fn mermaid_exports_of_the_examples() {
    for (name, journey) in examples() {
        let text = share::export(&journey, Format::Mermaid);
        assert_mermaid_reads(&text);
        insta::assert_snapshot!(format!("mermaid-{name}"), text);
    }
}

#[test]
fn mermaid_gives_back_the_same_map() {
    for (name, journey) in examples().chain([("hostile", hostile())]) {
        let text = share::export(&journey, Format::Mermaid);
        let back = share::import(&text, ImportFormat::Mermaid).unwrap().journey;
        assert_eq!(back, journey, "{name} through Mermaid");
    }
}

#[test]
fn hostile_text_cannot_break_the_mermaid_syntax() {
    let text = share::export(&hostile(), Format::Mermaid);
    assert_mermaid_reads(&text);
    let shown: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("%%"))
        .collect();
    insta::assert_snapshot!("mermaid-hostile", shown.join("\n"));
}

#[test]
fn an_export_from_before_entity_codes_reads_back_whole() {
    // The hostile map as motmap wrote it with full-width twins (`：`) and word joiners,
    // its comments' JSON as it was then (`<` and `%%{init…}%%` unescaped).
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/share/hostile-before-entity-codes.mmd"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let back = share::import(&text, ImportFormat::Mermaid).unwrap();
    assert_eq!(back.journey, hostile());
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn an_edit_made_in_the_diagram_wins_over_the_comment() {
    let journey = built_in("shoes-online");
    let text = share::export(&journey, Format::Mermaid)
        .replace(
            "Favourite colour is sold out: 1:",
            "Favourite colour back in stock: 5:",
        )
        .replace("title Buying shoes online", "title Buying shoes");
    let back = share::import(&text, ImportFormat::Mermaid).unwrap().journey;
    assert_eq!(back.title, "Buying shoes");
    let moment = back
        .moments()
        .map(|(_, m)| m)
        .find(|m| m.title.contains("back in stock"));
    let moment = moment.expect("the renamed task");
    assert_eq!(moment.feeling.value(), 2, "score 5 is a deep glory");
    assert_eq!(
        moment.kind,
        Some(Kind::Fmot),
        "what the line does not show is kept"
    );
    assert!(!moment.idea.is_empty());
}

#[test]
fn a_hand_written_mermaid_journey_imports() {
    // The example from Mermaid's documentation.
    let text = "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n      Go upstairs: 3: Me\n      Do work: 1: Me, Cat\n    section Go home\n      Go downstairs: 5: Me\n      Sit down: 5: Me\n";
    let journey = share::import(text, ImportFormat::Mermaid).unwrap().journey;
    assert_eq!(journey.title, "My working day");
    assert_eq!(journey.personas, ["Me", "Cat"]);
    let stages: Vec<&str> = journey.stages().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Go to work", "Go home"]);
    let work = &journey.stages()[0].moments[2];
    assert_eq!(
        (
            work.title.as_str(),
            work.feeling.value(),
            work.personas.clone()
        ),
        ("Do work", -2, vec!["Me".to_owned(), "Cat".to_owned()])
    );
    assert_eq!(journey.stages()[0].moments[0].feeling.value(), 2);
    assert_eq!(journey.stages()[0].moments[1].feeling.value(), 0);
    journey.validate().unwrap();
}

#[test]
fn hand_written_front_matter_and_comments_are_read_as_mermaid_reads_them() {
    let text = "---\ntitle: Weekend trip\nconfig:\n  theme: forest\n---\njourney\n  section Go # the first day\n    Packs the car: 2: Me # slow\n";
    let journey = share::import(text, ImportFormat::Mermaid).unwrap().journey;
    assert_eq!(journey.title, "Weekend trip");
    assert_eq!(journey.stages()[0].name, "Go");
    let moment = &journey.stages()[0].moments[0];
    assert_eq!(
        (moment.personas.clone(), moment.feeling.value()),
        (vec!["Me".to_owned()], -1)
    );
    // YAML's quoting, a nested `title:` that is not the diagram's, and a lone `%`, which
    // Mermaid reads as a comment.
    for (front, title) in [
        ("title: \"Say \\\"hi\\\"\"", "Say \"hi\""),
        ("title: 'Don''t stop'", "Don't stop"),
        ("config:\n  title: nested\ntitle: Plain # note", "Plain"),
    ] {
        let text = format!(
            "---\n{front}\n---\njourney\n  section A\n  % Skipped: 1: Me\n    Kept: 5: Me\n"
        );
        let journey = share::import(&text, ImportFormat::Mermaid).unwrap().journey;
        assert_eq!(journey.title, title);
        assert_eq!(journey.moment_count(), 1);
    }
}

#[test]
fn a_title_of_invisible_characters_still_exports_a_diagram_that_reads_back() {
    let journey = Journey::from_parts(
        "\u{feff}".into(),
        String::new(),
        Vec::new(),
        vec![Stage::new("A")],
    );
    let text = share::export(&journey, Format::Mermaid);
    assert_mermaid_reads(&text);
    assert_eq!(
        share::import(&text, ImportFormat::Mermaid).unwrap().journey,
        journey
    );
}

#[test]
fn a_bad_mermaid_file_says_which_line_and_what_was_expected() {
    let not_journey = share::import("flowchart LR\n  A --> B\n", ImportFormat::Mermaid);
    assert_eq!(
        not_journey.unwrap_err().to_string(),
        "1: expected `journey`, the first word of a Mermaid journey diagram, but found \"flowchart LR\"; motmap imports Mermaid journeys only"
    );
    let no_score = share::import(
        "journey\n  section A\n    Pays: 5: Me\n    Waits\n",
        ImportFormat::Mermaid,
    );
    assert_eq!(
        no_score.unwrap_err().to_string(),
        "4: the task \"Waits\" has no score: Mermaid reads a task as `Name: score` (a score from 1 to 5, then the actors after another colon) and refuses the diagram; add its score"
    );
    let unclosed = share::import(
        "journey\n  accDescr {\n    Pays: 5: Me\n",
        ImportFormat::Mermaid,
    );
    assert!(
        unclosed.unwrap_err().to_string().starts_with(
            "2: the accessible description opened by `accDescr {` here is never closed"
        )
    );
    let damaged = share::import(
        "journey\n  section A\n    Pays: 5\n    %% motmap moment {\"id\": 2,\n",
        ImportFormat::Mermaid,
    );
    assert!(
        damaged
            .unwrap_err()
            .to_string()
            .starts_with("4: the `%% motmap moment` comment is damaged")
    );
}

/// The Mermaid journeys of `tests/fixtures/mermaid-journeys` (see its SOURCES.md), and
/// those Mermaid refuses, from `refused/`.
fn mermaid_journeys(refused: bool) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid-journeys");
    let dir = if refused { dir.join("refused") } else { dir };
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "mmd"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// What a diagram shows of a moment: its title, feeling and personas.
type ShownMoment = (String, i8, Vec<String>);

/// What a diagram shows of a journey: each stage's name with its moments.
fn shown(journey: &Journey) -> Vec<(String, Vec<ShownMoment>)> {
    journey
        .stages()
        .iter()
        .map(|stage| {
            let moments = stage.moments.iter();
            let moments = moments.map(|m| (m.title.clone(), m.feeling.value(), m.personas.clone()));
            (stage.name.clone(), moments.collect())
        })
        .collect()
}

#[test]
fn public_mermaid_journeys_import_and_come_back_through_an_export() {
    let journeys = mermaid_journeys(false);
    assert!(journeys.len() >= 30, "{} journeys", journeys.len());
    for (name, text) in journeys {
        let first = share::import(&text, ImportFormat::Mermaid)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .journey;
        let exported = share::export(&first, Format::Mermaid);
        assert_mermaid_reads(&exported);
        let back = share::import(&exported, ImportFormat::Mermaid).unwrap();
        assert_eq!(back.journey, first, "{name} through its export");
        assert!(back.warnings.is_empty(), "{name}: {:?}", back.warnings);
        // The diagram alone, without motmap's comments, shows the same.
        let diagram: Vec<&str> = exported
            .lines()
            .filter(|line| !line.trim_start().starts_with("%%") || line.starts_with("%%{"))
            .collect();
        let again = share::import(&diagram.join("\n"), ImportFormat::Mermaid).unwrap();
        assert_eq!(shown(&again.journey), shown(&first), "{name}'s diagram");
    }
}

#[test]
fn what_mermaid_refuses_is_refused_whole() {
    let refused = mermaid_journeys(true);
    assert!(!refused.is_empty());
    for (name, text) in refused {
        let error = share::import(&text, ImportFormat::Mermaid).unwrap_err();
        assert!(error.to_string().contains("refuses"), "{name}: {error}");
    }
}

#[test]
fn scores_no_feeling_can_be_are_imported_as_the_nearest_and_named() {
    let text = &mermaid_journeys(false)
        .into_iter()
        .find(|(name, _)| name == "motmap-scores-beyond.mmd")
        .unwrap()
        .1;
    let imported = share::import(text, ImportFormat::Mermaid).unwrap();
    let feelings: Vec<i8> = imported
        .journey
        .moments()
        .map(|(_, m)| m.feeling.value())
        .collect();
    assert_eq!(feelings, [-2, -2, 2, 2, 2, 1, 0]);
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 7);
    assert_eq!(
        warnings[4],
        "8: the task \"Meets the band\" scores 13, which no feeling is (they are 1 to 5); it imports as ++ (deep glory), and the map keeps 13 for exports to Mermaid until its feeling is changed"
    );
    assert_eq!(
        warnings[6],
        "10: the task \"Overflowing\" has \"2rem\" for its score, which Mermaid reads as no number; it imports as neutral, and the map keeps 2rem for exports to Mermaid until its feeling is changed"
    );
    // The export gives Mermaid every score back, and reading it back says nothing more.
    let mut journey = imported.journey;
    let exported = share::export(&journey, Format::Mermaid);
    let scores: Vec<&str> = exported
        .lines()
        .filter(|l| !l.trim_start().starts_with(['%', 's', 't', 'j']))
        .filter_map(|l| l.split(':').nth(1))
        .map(str::trim)
        .collect();
    assert_eq!(scores, ["0", "-1", "6", "9", "13", "3.5", "2rem"]);
    let back = share::import(&exported, ImportFormat::Mermaid).unwrap();
    assert_eq!(back.journey, journey);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    // Once the feeling is changed, the feeling's own score is written.
    let id = journey.stages()[0].moments[3].id;
    journey
        .apply(Edit::SetFeeling {
            id,
            feeling: Feeling::clamped(-1),
        })
        .unwrap();
    let exported = share::export(&journey, Format::Mermaid);
    assert!(
        exported.contains("      Free coffee: 2: Guest\n"),
        "{exported}"
    );
    let saved = motmap::store::to_ron(&journey);
    assert!(saved.starts_with("// motmap journey map, file format 5 (RON)."));
    assert!(saved.contains("mermaid_score: \"13\","), "{saved}");
}

#[test]
fn settings_and_accessible_texts_are_kept_and_written_back() {
    let text = &mermaid_journeys(false)
        .into_iter()
        .find(|(name, _)| name == "motmap-settings.mmd")
        .unwrap()
        .1;
    let imported = share::import(text, ImportFormat::Mermaid).unwrap();
    assert_eq!(imported.journey.title, "Weekend trip");
    assert_eq!(
        shown(&imported.journey),
        [(
            "Go".to_owned(),
            vec![
                ("Packs the car".to_owned(), -1, vec!["Me".to_owned()]),
                (
                    "Drives off".to_owned(),
                    1,
                    vec!["Me".to_owned(), "Sam".to_owned()]
                ),
            ]
        )]
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let mermaid = &imported.journey.mermaid;
    assert_eq!(mermaid.front_matter, "config:\n  theme: forest\n");
    assert_eq!(
        mermaid.directives,
        ["%%{init: {\n  \"journey\": { \"taskMargin\": 30 }\n}}%%"]
    );
    assert_eq!(mermaid.acc_title, "A weekend trip");
    assert_eq!(mermaid.acc_descr, "Two days,\none car.");
    let exported = share::export(&imported.journey, Format::Mermaid);
    assert!(
        exported.starts_with(
            "---\nconfig:\n  theme: forest\n---\n%%{init: {\n  \"journey\": { \"taskMargin\": 30 }\n}}%%\n%% A motmap journey map."
        ),
        "{exported}"
    );
    assert!(
        exported.contains(
            "journey\n    title Weekend trip\n    accTitle: A weekend trip\n    accDescr {\n      Two days,\n      one car.\n    }\n"
        ),
        "{exported}"
    );
    assert_mermaid_reads(&exported);
    let back = share::import(&exported, ImportFormat::Mermaid).unwrap();
    assert_eq!(back.journey, imported.journey);
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

/// Settings edited by hand in the map's file never add lines to the diagram: a directive
/// that says more than one is left out, a blank accessible title is not written.
#[test]
fn hand_edited_mermaid_settings_cannot_break_the_diagram() {
    let mut journey = built_in("cafe");
    journey.mermaid.directives = vec![
        "%%{init: {}}%%\n    section Injected\n    Evil task: 5: Mallory\n%%{x}%%".into(),
        "%%{init: {'theme': 'dark'}}%%".into(),
    ];
    journey.mermaid.acc_title = "  ".into();
    let exported = share::export(&journey, Format::Mermaid);
    assert!(!exported.contains("Injected"), "{exported}");
    assert!(!exported.contains("accTitle"), "{exported}");
    assert!(exported.starts_with("%%{init: {'theme': 'dark'}}%%\n%% A motmap journey map."));
    assert_mermaid_reads(&exported);
    let back = share::import(&exported, ImportFormat::Mermaid)
        .unwrap()
        .journey;
    assert_eq!(back.stages(), journey.stages());
}

#[test]
fn tasks_before_any_section_stay_before_it() {
    let text = "journey\n  Wake up: 2: Me\n  section Work\n  Do work: 1: Me, Cat\n";
    let journey = share::import(text, ImportFormat::Mermaid).unwrap().journey;
    let stages: Vec<&str> = journey.stages().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["", "Work"]);
    let exported = share::export(&journey, Format::Mermaid);
    let shown: Vec<&str> = exported
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("%%"))
        .collect();
    assert_eq!(
        shown,
        [
            "journey",
            "Wake up: 2: Me",
            "section Work",
            "Do work: 1: Me, Cat"
        ]
    );
}

#[test]
fn entity_codes_and_line_breaks_read_as_mermaid_shows_them_and_go_back() {
    let text = "journey\n  title Room #35;4 #quot;quiet#quot; #9829;\n  section Check#58; in<br/>desk\n    Pays #36;20#59; gets key: 4: Kim#44; the guest, Desk\n";
    let journey = share::import(text, ImportFormat::Mermaid).unwrap().journey;
    assert_eq!(journey.title, "Room #4 \"quiet\" ♥");
    assert_eq!(journey.stages()[0].name, "Check: in\u{2028}desk");
    let moment = &journey.stages()[0].moments[0];
    assert_eq!(moment.title, "Pays $20; gets key");
    assert_eq!(moment.personas, ["Kim, the guest", "Desk"]);
    let exported = share::export(&journey, Format::Mermaid);
    assert!(
        exported.contains("    section Check#58; in<br>desk\n"),
        "{exported}"
    );
    assert!(
        exported.contains("      Pays $20#59; gets key: 4: Kim#44; the guest, Desk\n"),
        "{exported}"
    );
}

// ---------------------------------------------------------------------------------------
// CSV

#[test]
fn csv_export_of_an_example() {
    let text = share::export(&built_in("cafe"), Format::Csv);
    assert!(text.starts_with('\u{feff}'), "a byte order mark, for Excel");
    assert!(text.ends_with("\r\n"), "RFC 4180 rows end with CRLF");
    insta::assert_snapshot!("csv-cafe", text);
}

/// What a Mermaid diagram had beyond the map goes through every format that reads back:
/// CSV (in two columns written only for such a map), JSON, and the map's own file.
#[test]
fn mermaid_settings_and_scores_survive_csv_json_and_the_file() {
    for name in ["motmap-settings.mmd", "motmap-scores-beyond.mmd"] {
        let text = &mermaid_journeys(false)
            .into_iter()
            .find(|(file, _)| file == name)
            .unwrap()
            .1;
        let journey = share::import(text, ImportFormat::Mermaid).unwrap().journey;
        assert!(journey.has_mermaid_extras(), "{name}");
        let csv = share::export(&journey, Format::Csv);
        assert!(
            csv.lines()
                .next()
                .unwrap()
                .ends_with(",target,mermaid score,mermaid"),
            "{name}: {csv}"
        );
        let back = share::import(&csv, ImportFormat::Csv).unwrap().journey;
        assert_eq!(back, journey, "{name} through CSV");
        let json = share::export(&journey, Format::Json);
        let back = share::import(&json, ImportFormat::Json).unwrap().journey;
        assert_eq!(back, journey, "{name} through JSON");
        let ron = motmap::store::to_ron(&journey);
        assert_eq!(motmap::store::parse(&ron).unwrap(), journey, "{name} saved");
    }
    let csv = share::export(&built_in("cafe"), Format::Csv);
    assert!(csv.lines().next().unwrap().ends_with(",target"), "{csv}");
}

#[test]
fn csv_gives_back_the_same_map() {
    for (name, journey) in examples().chain([("hostile", hostile())]) {
        let text = share::export(&journey, Format::Csv);
        let back = share::import(&text, ImportFormat::Csv).unwrap().journey;
        assert_eq!(back, journey, "{name} through CSV");
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_as_rfc_4180_says() {
    let text = share::export(&hostile(), Format::Csv);
    // Parsed by an independent reader: the csv crate with its defaults.
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows[0].get(0), Some("Section: one; two # three, \"four\""));
    assert_eq!(
        rows[0].get(7),
        Some("line one\nline two, with a comma and \"quotes\"\n\ttabbed")
    );
    assert!(text.contains("\"line one\nline two, with a comma and \"\"quotes\"\"\n\ttabbed\""));
    assert_eq!(
        rows[0].get(8),
        Some("'=HYPERLINK(\"http://example.com\")"),
        "a formula stays text"
    );
    assert_eq!(
        rows[8].get(1),
        Some("직원이 \"맛있게 드세요\"라고 말함, 10:30")
    );
    assert!(
        rows.iter().all(|r| r.len() == 22),
        "every row has every column"
    );
    assert_eq!(
        rows[0].get(18),
        Some("박 고객 (2026-12-04T05:14:00Z): 줄이 길다, \"정말\"\n (, resolved): "),
        "a moment's comments, one a line, in one cell"
    );
    assert_eq!(
        rows[0].get(19),
        Some(
            "\\  =lead (noon\\, \\(ish\\), resolved): =SUM(A1); # not a heading\n  \n  - not a list"
        ),
        "a stage's comments on its first row, a leading space escaped (which keeps a formula out too)"
    );
    assert!(
        rows[0]
            .get(20)
            .unwrap()
            .ends_with("not a second comment\n    indented, \"quoted\", 100%"),
        "further lines of a comment are indented, so one cannot pass for the next"
    );
}

#[test]
fn a_spreadsheet_with_its_own_columns_imports() {
    let text = "Stage,Title,Feeling,Kind,Owner\nDiscover,Sees an ad,,,Marketing\nDiscover,Reads reviews,glory,zmot,\nBuy,Card declined,--,FMOT,Payments\n";
    let journey = share::import(text, ImportFormat::Csv).unwrap().journey;
    assert_eq!(journey.stages().len(), 2);
    let declined = &journey.stages()[1].moments[0];
    assert_eq!(declined.feeling.value(), -2);
    assert_eq!(declined.kind, Some(Kind::Fmot));
    assert_eq!(journey.stages()[0].moments[1].kind, Some(Kind::Zmot));
}

#[test]
fn a_csv_with_bad_rows_names_each_one_and_imports_nothing() {
    let text = "stage,title,kind,feeling,votes\nDiscover,Sees an ad,,,\nDiscover,Reads reviews,XMOT,1,\n\"Buy\",\"Pays,\nat the till\",,7,\nBuy,Gets a receipt,,,many\n,Orphan,,,\n";
    let error = share::import(text, ImportFormat::Csv).unwrap_err();
    assert_eq!(
        error.to_string(),
        "3: `kind` is \"XMOT\"; expected one of ZMOT, FMOT, AMOT, SMOT, TMOT, LMOT, or nothing for an ordinary touchpoint\n\
         4: `feeling` is \"7\"; expected a number from -2 (deep pain) to 2 (deep glory), a sign (--, -, o, +, ++), a face (😀 🙂 😐 🙁 😞) or a feeling word (deep pain, pain, neutral, glory, deep glory, or another the README lists, such as anxious or happy)\n\
         6: `votes` is \"many\"; expected a whole number of 0 or more, or nothing\n\
         7: the row has no stage; put the stage's name in the `stage` column"
    );
    let unknown = share::import("stage,title,colour\nA,B,red\n", ImportFormat::Csv).unwrap_err();
    assert!(
        unknown.to_string().starts_with(
            "1: the header (the first row, which names the columns) is the problem: motmap does not know the column \"colour\""
        ),
        "{unknown}"
    );
}

#[test]
fn csv_errors_name_the_right_line_in_spreadsheet_files_and_catch_open_quotes() {
    let problems = |text: &str| match share::import(text, ImportFormat::Csv) {
        Err(share::ImportError::Csv(error)) => error.problems,
        other => panic!("{other:?}"),
    };
    // CRLF line ends and a line break inside a quoted field, as Excel writes them.
    let crlf = "\u{feff}stage,title,feeling\r\nA,\"two\r\nlines\",0\r\nA,three,9\r\n";
    assert_eq!(problems(crlf)[0].0, 4);
    // An open quote swallows the rest of the file: said, not imported as one long title.
    let open = "stage,title,feeling\nA,one,0\nA,\"unterminated,0\nB,two,0\n";
    assert_eq!(
        problems(open),
        [(3, "a quote opened in this row is never closed, so everything after it was read as one field".to_owned())]
    );
    let open_last = "stage,title,feeling\nA,one,0\nA,two,\"9\n";
    assert_eq!(
        problems(open_last),
        [(3, "a quote opened in this row is never closed, so everything after it was read as one field".to_owned())]
    );
    // Old Mac line ends (a lone CR) count as lines too.
    assert_eq!(
        problems("stage,title,feeling\rBuy,Pay,1\rUse,Z,bad\r")[0].0,
        3
    );
    // Trailing empty cells left out, or trailing commas: nothing is lost, so it imports.
    let short = share::import(
        "stage,title,feeling\r\nBuy,Pay\r\nUse,Opens,1,,\r\n",
        ImportFormat::Csv,
    );
    assert_eq!(short.unwrap().journey.moment_count(), 2);
    // A field beyond the columns with something in it is refused: it would be lost.
    assert_eq!(
        problems("stage,title\nBuy,Pay,extra\n"),
        [(2, "the row has 3 fields where the first row names 2 columns; remove the extra fields or name their columns".to_owned())]
    );
    // A sheet saved with semicolons, as Excel does in much of Europe.
    let semicolons = problems("stage;title;feeling\nA;b;0\n");
    assert!(
        semicolons[0].1.starts_with("the first row has no commas"),
        "{semicolons:?}"
    );
    // Past 20 bad rows, the first 20 are listed and the rest counted as more.
    let many: String = std::iter::once("stage,title,feeling\n".to_owned())
        .chain((0..25).map(|i| format!("A,t{i},9\n")))
        .collect();
    match share::import(&many, ImportFormat::Csv) {
        Err(share::ImportError::Csv(error)) => assert!(error.problems.len() == 20 && error.more),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_csv_from_before_to_be_feelings_still_imports() {
    // The cafe as the version before to-be feelings wrote it: the same columns, BOM and
    // CRLF rows, without the last one, `target`.
    let text = share::export(&built_in("cafe"), Format::Csv);
    assert!(
        text.contains(",journey comments,target\r\n"),
        "`target` is last"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in reader.records() {
        let row = row.unwrap();
        let kept: Vec<&str> = row.iter().take(row.len() - 1).collect();
        writer.write_record(kept).unwrap();
    }
    let before = format!(
        "\u{feff}{}",
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    );
    assert!(before.starts_with("\u{feff}stage,title,kind,feeling,"));
    assert!(
        before.contains(",journey comments\r\n"),
        "no `target` column"
    );

    let imported = share::import(&before, ImportFormat::Csv).unwrap().journey;
    let mut expected = built_in("cafe");
    let targeted: Vec<_> = expected
        .moments()
        .filter(|(_, m)| m.target.is_some())
        .map(|(_, m)| m.id)
        .collect();
    for id in targeted {
        expected
            .apply(motmap::model::Edit::SetTarget { id, target: None })
            .unwrap();
    }
    assert_eq!(imported, expected, "everything but the to-be comes back");
}

#[test]
fn a_bad_target_cell_names_the_column_and_the_line() {
    let text =
        "stage,title,feeling,target\nBuy,Queue,-2,1\nBuy,Card declined,-1,better\nUse,Opens,1,\n";
    match share::import(text, ImportFormat::Csv) {
        Err(share::ImportError::Csv(error)) => {
            assert_eq!(error.problems.len(), 1, "{:?}", error.problems);
            let (line, problem) = &error.problems[0];
            assert_eq!(*line, 3);
            assert!(
                problem.starts_with("`target` is \"better\"; expected a number from -2"),
                "{problem}"
            );
        }
        other => panic!("{other:?}"),
    }
    let good = share::import(
        "stage,title,target\nBuy,Queue,+\nBuy,Menu,\n",
        ImportFormat::Csv,
    )
    .unwrap()
    .journey;
    let targets: Vec<Option<i8>> = good
        .moments()
        .map(|(_, m)| m.target.map(|t| t.value()))
        .collect();
    assert_eq!(
        targets,
        [Some(1), None],
        "a sign reads as a feeling, empty as none"
    );
}

// ---------------------------------------------------------------------------------------
// Sheets as people keep them (tests/fixtures/sheets/, SOURCES.md says where each is from)

/// The path of a sheet in `tests/fixtures/sheets/`.
fn sheet_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
}

/// A sheet from `tests/fixtures/sheets/`, imported as `motmap import` reads it, with
/// these `--map`s, `--keep-unknown` and `--sheet`.
fn sheet(
    name: &str,
    map: &[&str],
    keep_unknown: bool,
    sheet: Option<&str>,
) -> Result<Journey, share::ImportError> {
    let path = sheet_path(name);
    let options = share::ImportOptions {
        map: map.iter().map(|m| m.parse().unwrap()).collect(),
        keep_unknown,
        sheet: sheet.map(str::to_owned),
    };
    let format = ImportFormat::of_path(&path).unwrap();
    share::import_with(&std::fs::read(&path).unwrap(), format, &options).map(|i| i.journey)
}

/// Each stage's name with its moments' titles and feelings.
fn stages(journey: &Journey) -> Vec<(&str, Vec<(&str, i8)>)> {
    journey
        .stages()
        .iter()
        .map(|stage| {
            let moments = stage
                .moments
                .iter()
                .map(|m| (m.title.as_str(), m.feeling.value()))
                .collect();
            (stage.name.as_str(), moments)
        })
        .collect()
}

#[test]
fn a_research_sheet_imports_by_the_names_it_gives_its_columns() {
    let journey = sheet("research-rows.csv", &[], false, None).unwrap();
    assert_eq!(
        stages(&journey),
        [
            (
                "Awareness",
                vec![("Opens the email, clicks the getting-started link", -1)]
            ),
            (
                "Setup",
                vec![
                    ("Invites two teammates", -1),
                    ("Imports last year's spreadsheet", 0)
                ]
            ),
            ("First use", vec![("Moves the first card to Done", 2)]),
            ("Review", vec![("Reads the price", -1)]),
        ],
        "Anxious+ is mild, Delighted++ strong, and `Confident, slightly anxious` their average"
    );
    let first = &journey.stages()[0].moments[0];
    assert_eq!(first.channel, "Welcome email");
    assert_eq!(
        first.notes,
        "Thought/Quote: \"Which of these links first?\"\nPain Point: Eight links and no order",
        "two columns for the notes, each a `Column: value` line"
    );
    assert_eq!(first.idea, "One button: start the checklist");
    let evidence: Vec<Option<Evidence>> = journey.moments().map(|(_, m)| m.evidence).collect();
    assert_eq!(
        evidence,
        [
            Some(Evidence::Observed),
            Some(Evidence::Reported),
            Some(Evidence::Observed),
            Some(Evidence::Assumed),
            Some(Evidence::Reported)
        ],
        "confidence 3, 2, 1 is observed, reported, assumed"
    );
}

#[test]
fn columns_are_read_by_the_names_people_give_them_in_english_and_korean() {
    let text = "PHASE,Touchpoint Name,Channel,Sentiment,Thinking,Improvement,Owner,Persona,Evidence\n\
                Buy,Pays by phone,App,Annoyed,Why twice?,One tap,Payments,\"Regular, Student\",Observed\n";
    let journey = share::import(text, ImportFormat::Csv).unwrap().journey;
    let stage = &journey.stages()[0];
    let moment = &stage.moments[0];
    assert_eq!(stage.name, "Buy");
    assert_eq!(
        (
            moment.title.as_str(),
            moment.channel.as_str(),
            moment.feeling.value(),
            moment.notes.as_str(),
            moment.idea.as_str(),
            moment.owner.as_str(),
            moment.personas.clone(),
            moment.evidence,
        ),
        (
            "Pays by phone",
            "App",
            -1,
            "Why twice?",
            "One tap",
            "Payments",
            vec!["Regular".to_owned(), "Student".to_owned()],
            Some(Evidence::Observed)
        )
    );
    assert_eq!(
        journey.personas,
        ["Regular", "Student"],
        "who is on the sheet"
    );

    let text = "단계,행동,터치포인트,감정,페인 포인트,기회,담당자\n\
                구매,앱으로 결제함,앱,😞,결제 오류,간편 결제 추가,개발\n";
    let journey = share::import(text, ImportFormat::Csv).unwrap().journey;
    let stage = &journey.stages()[0];
    let moment = &stage.moments[0];
    assert_eq!(stage.name, "구매");
    assert_eq!(
        (
            moment.title.as_str(),
            moment.channel.as_str(),
            moment.feeling.value(),
            moment.notes.as_str(),
            moment.idea.as_str(),
            moment.owner.as_str(),
        ),
        (
            "앱으로 결제함",
            "앱",
            -2,
            "결제 오류",
            "간편 결제 추가",
            "개발"
        )
    );
}

#[test]
fn the_readme_lane_sheet_imports_as_the_readme_says() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("```csv\nStage,Discover,Buy\n")
        .expect("the README shows a sheet with the stages across the columns")
        + "```csv\n".len();
    let sheet = &readme[start..start + readme[start..].find("```").unwrap()];
    let journey = share::import(sheet, ImportFormat::Csv).unwrap().journey;
    assert_eq!(
        stages(&journey),
        [
            ("Discover", vec![("Sees an ad", 1), ("Asks a friend", 1)]),
            ("Buy", vec![("Pays by phone", -1)]),
        ]
    );
    let pays = &journey.stages()[1].moments[0];
    assert_eq!(
        (pays.notes.as_str(), pays.idea.as_str()),
        ("Card declined twice", "Offer a second way to pay")
    );
}

#[test]
fn a_sheet_with_the_stages_across_the_columns_imports_with_its_lanes_named() {
    let refused = sheet("product-manager-lanes.csv", &[], false, None).unwrap_err();
    let refused = refused.sheet().unwrap();
    assert!(refused.header);
    assert_eq!(refused.problems.len(), 1);
    let (line, problem) = &refused.problems[0];
    assert_eq!(
        *line, 8,
        "the line of the first row motmap does not know, after cells of two lines"
    );
    assert!(
        problem.starts_with("the first column (which names the rows of a sheet with the stages across the columns) is the problem: motmap does not know the rows \"Customer Experience\", \"KPIs\" and \"Business Goals\"."),
        "{problem}"
    );

    let journey = sheet(
        "product-manager-lanes.csv",
        &["Customer Experience=feeling"],
        true,
        None,
    )
    .unwrap();
    assert_eq!(
        stages(&journey),
        [
            (
                "Awareness",
                vec![
                    ("Sees a running-club post", 1),
                    ("Searches for trail shoes", 1)
                ]
            ),
            (
                "Consideration",
                vec![("Reads reviews", -1), ("Checks the size chart", 1)]
            ),
            ("Decision", vec![("Orders two sizes", -1)]),
            ("Service", vec![("Returns the pair that does not fit", 1)]),
            ("Loyalty", vec![("Writes a review", 2)]),
        ],
        "a line of the actions is a moment, and a line of the feelings is its feeling"
    );
    let awareness = &journey.stages()[0];
    let channels: Vec<&str> = awareness
        .moments
        .iter()
        .map(|m| m.channel.as_str())
        .collect();
    assert_eq!(channels, ["Social media", "Search"]);
    assert!(
        awareness.moments.iter().all(|m| m.owner == "Marketing"),
        "one team for the stage is each moment's owner"
    );
    assert_eq!(
        awareness.description, "KPIs: Reach\nBusiness Goals: Be found by trail runners",
        "a stage's one line for two moments is the stage's"
    );
    let decision = &journey.stages()[2].moments[0];
    assert_eq!(
        decision.notes,
        "KPIs: Conversion rate\nBusiness Goals: Fewer abandoned carts"
    );
}

#[test]
fn a_sheet_without_titles_names_its_moments_by_their_touchpoints() {
    let journey = sheet(
        "agency-rows.csv",
        &["Customer Goals=notes", "metrics=skip"],
        false,
        None,
    )
    .unwrap();
    assert_eq!(
        stages(&journey),
        [
            ("Awareness", vec![("Search ads, Neighbourhood flyer", 0)]),
            ("Booking", vec![("Phone, Online form", -1)]),
            ("Visit", vec![("Front desk", -1)]),
            ("Aftercare", vec![("Follow-up email", 1)]),
        ],
        "`Curiosity, Doubt` is neutral on balance"
    );
    let booking = &journey.stages()[1].moments[0];
    assert_eq!(
        booking.notes,
        "Customer Goals: Get an appointment this week\nPain Points: Phone line busy at lunch"
    );
    assert_eq!(booking.idea, "Online booking with the free slots shown");
    assert!(!booking.notes.contains("Bookings per week"), "skipped");
}

#[test]
fn a_korean_sheet_imports_with_korean_names_and_feelings() {
    let journey = sheet("korean-lanes.csv", &[], false, None).unwrap();
    assert_eq!(
        stages(&journey),
        [
            (
                "인식",
                vec![("인스타그램에서 광고를 봄", 1), ("친구에게 물어봄", 1)]
            ),
            ("탐색", vec![("후기를 비교함", 0)]),
            ("구매", vec![("앱으로 결제함", -1)]),
            ("사용", vec![("매장에서 픽업함", 2)]),
            ("유지/확산", vec![("리뷰를 남김", 2)]),
        ]
    );
    let pay = &journey.stages()[2].moments[0];
    assert_eq!(
        (pay.notes.as_str(), pay.idea.as_str(), pay.owner.as_str()),
        ("결제 오류", "간편 결제 추가", "개발")
    );
}

#[test]
fn an_excel_workbook_imports_its_first_sheet_or_the_one_named() {
    let journey = sheet("startup-lanes.xlsx", &[], false, None).unwrap();
    assert_eq!(
        stages(&journey),
        [
            (
                "Awareness",
                vec![
                    ("Sees a friend's streak on social media", 1),
                    ("Watches a trial lesson", 2)
                ]
            ),
            ("Consider", vec![("Compares three apps' prices", 0)]),
            (
                "Purchase",
                vec![("Starts the free week", 1), ("Enters card details", -1)]
            ),
            ("Use", vec![("Takes the daily lesson", 2)]),
            ("Renew", vec![("Gets the renewal email", -2)]),
        ],
        "emoji and a number cell (2) as feelings"
    );
    let renew = &journey.stages()[4].moments[0];
    assert_eq!(renew.votes, 5, "a number cell reads as the number");
    assert_eq!(
        renew.notes,
        "THOUGHTS: Did I use it enough?\nPAIN POINTS: Renewal price higher than the first year"
    );

    let to_be = sheet("startup-lanes.xlsx", &[], false, Some("to be")).unwrap();
    assert_eq!(
        stages(&to_be),
        [
            ("Purchase", vec![("Starts the free week", 1)]),
            ("Renew", vec![("Gets the year in review", 2)]),
        ]
    );
    let missing = sheet("startup-lanes.xlsx", &[], false, Some("Future")).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the workbook has no sheet named \"Future\"; its sheets are \"Journey\" and \"To be\". Name one of them with --sheet, or leave --sheet out to read the first"
    );
}

#[test]
fn an_opendocument_spreadsheet_imports_with_its_title_row() {
    let journey = sheet("codepic-lanes.ods", &[], false, None).unwrap();
    assert_eq!(journey.title, "Signing up for a meal-kit delivery");
    assert_eq!(
        stages(&journey),
        [
            ("Discover", vec![("Sees a video recipe", 1)]),
            ("Consider", vec![("Reads the menu for next week", 1)]),
            ("Sign Up", vec![("Picks a plan for two", -1)]),
            (
                "Use",
                vec![("Cooks the first box", 2), ("Skips a week", -1)]
            ),
            ("Advocate", vec![("Sends a friend a code", 1)]),
        ]
    );
    let cooks = &journey.stages()[3].moments[0];
    assert_eq!(
        cooks.channel, "Box",
        "the touchpoints' lines pair with the actions'"
    );
}

#[test]
fn a_sheet_with_stages_across_but_no_lane_of_moments_is_explained() {
    let text = "Phase,Discover,Buy\nEmotion,🙂,😞\nPain points,,Card declined\n";
    let error = share::import(text, ImportFormat::Csv).unwrap_err();
    assert!(
        error.to_string().starts_with("1: the sheet looks like one with the stages across the columns (its first column names rows such as \"Emotion\"), but no row holds the moments"),
        "{error}"
    );
}

#[test]
fn an_empty_sheet_says_so() {
    let error = share::import("", ImportFormat::Csv).unwrap_err();
    assert_eq!(
        error.to_string(),
        "1: the sheet is empty: it has no first row naming the columns (stage, title…), and no rows under one"
    );
    assert!(error.sheet().unwrap().header);
}

#[test]
fn every_bad_value_of_a_row_is_named_with_its_column() {
    let text = "Stage,Action,Emotion,Confidence\nBuy,Pays,Puzzled,maybe\nBuy,Leaves,Happy,High\n";
    match share::import(text, ImportFormat::Csv) {
        Err(share::ImportError::Csv(error)) => assert_eq!(
            error.problems,
            [
                (2, "`Emotion` is \"Puzzled\"; expected a number from -2 (deep pain) to 2 (deep glory), a sign (--, -, o, +, ++), a face (😀 🙂 😐 🙁 😞) or a feeling word (deep pain, pain, neutral, glory, deep glory, or another the README lists, such as anxious or happy)".to_owned()),
                (2, "`Confidence` is \"maybe\"; expected observed, reported, assumed, or nothing (or a confidence: high, medium, low, or 3, 2, 1)".to_owned()),
            ]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_tag_or_persona_with_a_comma_comes_back_whole() {
    let mut moment = Moment::new("Pays");
    moment.tags = vec!["cash, card".into(), "C:\\x".into()];
    moment.personas = vec!["Kim, the buyer".into(), "Bo".into()];
    let mut stage = Stage::new("Buy");
    stage.moments.push(moment);
    let journey = Journey::from_parts(
        "Shop".into(),
        String::new(),
        vec!["Kim, the buyer".into(), "Bo".into()],
        vec![stage],
    );
    let text = share::export(&journey, Format::Csv);
    assert!(text.contains(",\"cash\\, card, C:\\x\","), "{text}");
    assert_eq!(
        text.matches(",\"Kim\\, the buyer, Bo\",").count(),
        2,
        "the moment's and the journey's: {text}"
    );
    assert_eq!(
        share::import(&text, ImportFormat::Csv).unwrap().journey,
        journey
    );
}

// ---------------------------------------------------------------------------------------
// JSON

#[test]
fn json_export_of_an_example_and_back() {
    let journey = built_in("software-trial");
    let text = share::export(&journey, Format::Json);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["stages"][0]["moments"][0]["id"], 2);
    assert_eq!(value["format"], 1, "no comments: the first format");
    let value: serde_json::Value =
        serde_json::from_str(&share::export(&hostile(), Format::Json)).unwrap();
    assert_eq!(value["format"], 2, "comments: the format that has them");
    let comment = &value["stages"][0]["comments"][0];
    assert_eq!(comment["author"], "  =lead");
    assert_eq!(comment["resolved"], true);
    let open = &value["stages"][0]["moments"][0]["comments"][0];
    assert_eq!(open.get("resolved"), None, "an open comment leaves it out");
    insta::assert_snapshot!("json-software-trial", text);
    for (name, journey) in examples().chain([("hostile", hostile())]) {
        let text = share::export(&journey, Format::Json);
        assert_eq!(
            share::import(&text, ImportFormat::Json).unwrap().journey,
            journey,
            "{name}"
        );
    }
    let error = share::import(
        "{\"title\": \"x\", \"stages\": [{\"nom\": 1}]}",
        ImportFormat::Json,
    );
    assert_eq!(
        error.unwrap_err().to_string(),
        "1:32: unknown field `nom`, expected one of `id`, `name`, `description`, `comments`, `moments`"
    );
}

// ---------------------------------------------------------------------------------------
// Round trips of any map

fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[a-z 가-힣:;#%,\"'=@\\-\\n{}<>&]{0,12}").unwrap()
}

fn word() -> impl Strategy<Value = String> {
    // Tags and personas are lists written with commas between them: a comma or a
    // backslash inside one must come back as it was.
    prop::string::string_regex("[a-z 가-힣:;#%,\\\\\"'=@\\-]{0,8}").unwrap()
}

fn comments() -> impl Strategy<Value = Vec<Comment>> {
    let comment =
        (word(), word(), text(), any::<bool>()).prop_map(|(author, at, text, resolved)| Comment {
            resolved,
            ..Comment::new(author, at, text)
        });
    prop::collection::vec(comment, 0..3)
}

fn moment() -> impl Strategy<Value = Moment> {
    (
        (text(), text(), prop::collection::vec(word(), 0..3), text()),
        (
            text(),
            text(),
            prop::collection::vec(word(), 0..3),
            comments(),
        ),
        (
            -2i64..=2,
            prop::option::of(0usize..6),
            prop::option::of(0usize..3),
            0u32..4,
            prop::option::of(-2i64..=2),
        ),
    )
        .prop_map(
            |(
                (title, channel, personas, owner),
                (notes, idea, tags, comments),
                (feeling, kind, evidence, votes, target),
            )| Moment {
                title,
                channel,
                personas,
                owner,
                notes,
                idea,
                tags,
                comments,
                feeling: Feeling::clamped(feeling),
                target: target.map(Feeling::clamped),
                kind: kind.map(|k| Kind::ALL[k]),
                evidence: evidence.map(|e| Evidence::ALL[e]),
                votes,
                ..Moment::default()
            },
        )
}

fn journey() -> impl Strategy<Value = Journey> {
    let stage = (
        text(),
        text(),
        comments(),
        prop::collection::vec(moment(), 0..4),
    )
        .prop_map(|(name, description, comments, moments)| Stage {
            name,
            description,
            comments,
            moments,
            ..Stage::default()
        });
    (
        (text(), text(), prop::collection::vec(word(), 0..3)),
        comments(),
        prop::collection::vec(stage, 0..4),
    )
        .prop_map(|((title, description, personas), comments, stages)| {
            Journey::from_parts(title, description, personas, stages).with_comments(comments)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_map_comes_back_whole_from_every_format_that_imports(journey in journey()) {
        for (format, from) in [
            (Format::Mermaid, ImportFormat::Mermaid),
            (Format::Csv, ImportFormat::Csv),
            (Format::Json, ImportFormat::Json),
        ] {
            let text = share::export(&journey, format);
            if format == Format::Mermaid {
                assert_mermaid_reads(&text);
            }
            let back = share::import(&text, from).unwrap().journey;
            prop_assert_eq!(&back, &journey, "through {:?}", format);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The commands

#[test]
fn export_and_import_commands_write_files_and_never_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "map.ron", "-t", "shoes-online"]);
    let out = motmap(
        dir.path(),
        &["export", "map.ron", "--to", "mermaid", "-o", "map.mmd"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "Exported map.ron as Mermaid to map.mmd.\n");
    let first = std::fs::read_to_string(dir.path().join("map.mmd")).unwrap();

    std::fs::write(dir.path().join("taken.md"), "keep me").unwrap();
    let refused = motmap(
        dir.path(),
        &["export", "map.ron", "--to", "markdown", "-o", "taken.md"],
    );
    assert!(!refused.status.success());
    assert_eq!(
        stderr(&refused),
        "motmap: taken.md already exists and was left as it is. Add --force to write over it, or choose another -o PATH.\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken.md")).unwrap(),
        "keep me"
    );
    let forced = motmap(
        dir.path(),
        &[
            "export", "map.ron", "--to", "markdown", "-o", "taken.md", "--force",
        ],
    );
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join("taken.md"))
            .unwrap()
            .starts_with("# ")
    );

    let imported = motmap(dir.path(), &["import", "map.mmd", "-o", "back.ron"]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(
        std::fs::read(dir.path().join("back.ron")).unwrap(),
        std::fs::read(dir.path().join("map.ron")).unwrap(),
        "Mermaid and back gives the same file, byte for byte"
    );
    let to_stdout = motmap(dir.path(), &["export", "map.ron", "--to", "mermaid"]);
    assert_eq!(stdout(&to_stdout), first);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn import_errors_name_the_file_and_line_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sheet.csv"),
        "stage,title,feeling\nA,B,9\nA,C,x\n",
    )
    .unwrap();
    let out = motmap(dir.path(), &["import", "sheet.csv", "-o", "map.ron"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("import-bad-csv", stderr(&out));
    assert!(!dir.path().join("map.ron").exists());

    std::fs::write(
        dir.path().join("latin1.csv"),
        b"stage,title\nCaf\xe9,Order\n",
    )
    .unwrap();
    let out = motmap(dir.path(), &["import", "latin1.csv"]);
    insta::assert_snapshot!("import-not-utf8", stderr(&out));

    std::fs::write(dir.path().join("notes.txt"), "journey\n").unwrap();
    let out = motmap(dir.path(), &["import", "notes.txt"]);
    insta::assert_snapshot!("import-unknown-format", stderr(&out));
    let out = motmap(dir.path(), &["import", "notes.txt", "--from", "mermaid"]);
    assert!(
        out.status.success(),
        "--from names the format: {}",
        stderr(&out)
    );
}

#[test]
fn import_says_when_the_header_is_the_problem_and_names_every_bad_value() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |name: &str| std::fs::copy(sheet_path(name), dir.path().join(name)).unwrap();
    copy("agency-rows.csv");
    let out = motmap(dir.path(), &["import", "agency-rows.csv", "-o", "map.ron"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("import-unknown-columns", stderr(&out));
    assert!(!dir.path().join("map.ron").exists());
    let out = motmap(
        dir.path(),
        &[
            "import",
            "agency-rows.csv",
            "--map",
            "Customer Goals=notes",
            "--keep-unknown",
            "-o",
            "map.ron",
        ],
    );
    assert_eq!(
        stderr(&out),
        "motmap: agency-rows.csv: the sheet names no journey, so the map is called “agency-rows”; R renames it in the editor.\n\
         Imported agency-rows.csv (4 stages, 4 moments) into map.ron. Open it with: motmap map.ron\n"
    );

    std::fs::write(
        dir.path().join("sheet.csv"),
        "Stage,Action,Emotion,Confidence\nBuy,Pays,Puzzled,maybe\nBuy,Leaves,Happy,High\n",
    )
    .unwrap();
    let out = motmap(dir.path(), &["import", "sheet.csv"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("import-two-bad-values", stderr(&out));

    let out = motmap(
        dir.path(),
        &["import", "map.ron", "--from", "json", "--keep-unknown"],
    );
    assert_eq!(
        stderr(&out),
        "motmap: --map and --keep-unknown say how to read a sheet's columns (CSV, .xlsx, .ods), and map.ron is not read as a sheet; leave them out.\n"
    );
    let out = motmap(dir.path(), &["import", "sheet.csv", "--sheet", "One"]);
    assert_eq!(
        stderr(&out),
        "motmap: --sheet picks a sheet of an .xlsx or .ods workbook, and sheet.csv is not read as one; leave it out.\n"
    );
    let out = motmap(dir.path(), &["import", "sheet.csv", "--map", "Mood"]);
    assert!(
        stderr(&out).contains("say COLUMN=FIELD, as in \"Mood=feeling\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn motmap_import_reads_excel_and_opendocument_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["startup-lanes.xlsx", "codepic-lanes.ods"] {
        std::fs::copy(sheet_path(name), dir.path().join(name)).unwrap();
    }
    let imported = |out: &std::process::Output, name: &str, counts: &str, map: &str| {
        assert!(out.status.success(), "{}", stderr(out));
        let said = format!("Imported {name} ({counts}) into {map}. Open it with: motmap {map}\n");
        assert!(stderr(out).ends_with(&said), "{}", stderr(out));
        motmap::store::Document::load(dir.path().join(map))
            .unwrap()
            .journey
    };
    let args = ["import", "startup-lanes.xlsx", "-o", "startup.ron"];
    let out = motmap(dir.path(), &args);
    let startup = imported(
        &out,
        "startup-lanes.xlsx",
        "5 stages, 7 moments",
        "startup.ron",
    );
    assert_eq!(
        startup.stages()[0].moments[1].title,
        "Watches a trial lesson"
    );
    // The sheet has no row for the journey's name: the file's stands in, and it says so.
    assert_eq!(startup.title, "startup-lanes");
    assert!(
        stderr(&out).starts_with("motmap: startup-lanes.xlsx: the sheet names no journey, so the map is called “startup-lanes”"),
        "{}",
        stderr(&out)
    );
    let args = ["import", "codepic-lanes.ods", "-o", "codepic.ron"];
    let out = motmap(dir.path(), &args);
    let codepic = imported(
        &out,
        "codepic-lanes.ods",
        "5 stages, 6 moments",
        "codepic.ron",
    );
    assert_eq!(codepic.title, "Signing up for a meal-kit delivery");

    let args = [
        "import",
        "startup-lanes.xlsx",
        "--sheet",
        "to be",
        "-o",
        "to-be.ron",
    ];
    let out = motmap(dir.path(), &args);
    imported(
        &out,
        "startup-lanes.xlsx",
        "2 stages, 2 moments",
        "to-be.ron",
    );
    let out = motmap(
        dir.path(),
        &["import", "startup-lanes.xlsx", "--sheet", "Future"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "motmap: startup-lanes.xlsx: the workbook has no sheet named \"Future\"; its sheets are \"Journey\" and \"To be\". Name one of them with --sheet, or leave --sheet out to read the first. Nothing was imported.\n"
    );

    // Files that are not workbooks: a CSV file renamed, an old Excel file, an OpenDocument
    // spreadsheet read as Excel.
    std::fs::write(dir.path().join("renamed.ods"), "stage,title\nBuy,Pays\n").unwrap();
    let out = motmap(dir.path(), &["import", "renamed.ods"]);
    assert_eq!(
        stderr(&out),
        "motmap: renamed.ods: the file is not an OpenDocument spreadsheet (.ods): it is not a zip archive, as every .xlsx and .ods file is. If it is a CSV file, import it with --from csv; otherwise open it in a spreadsheet and save it as .xlsx, .ods or CSV UTF-8. Nothing was imported.\n"
    );
    let out = motmap(dir.path(), &["import", "renamed.ods", "--from", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(dir.path().join("old.xlsx"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1]).unwrap();
    let out = motmap(dir.path(), &["import", "old.xlsx"]);
    assert!(
        stderr(&out).starts_with("motmap: old.xlsx: the file is not an Excel workbook (.xlsx): it is an Excel 97-2003 workbook (.xls), which motmap does not read."),
        "{}",
        stderr(&out)
    );
    let out = motmap(
        dir.path(),
        &[
            "import",
            "codepic-lanes.ods",
            "--from",
            "xlsx",
            "-o",
            "x.ron",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("motmap: codepic-lanes.ods: the file is not an Excel workbook (.xlsx) that motmap can read ("),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x.ron").exists());
}

#[test]
fn import_names_what_the_map_cannot_keep_and_imports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("trip.mmd"),
        "journey\n  accTitle: Trip\n  section Go\n    Packs: 13: Me\n",
    )
    .unwrap();
    let out = motmap(dir.path(), &["import", "trip.mmd", "-o", "trip.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "motmap: trip.mmd:4: the task \"Packs\" scores 13, which no feeling is (they are 1 to 5); it imports as ++ (deep glory), and the map keeps 13 for exports to Mermaid until its feeling is changed\n\
         Imported trip.mmd (1 stage, 1 moment) into trip.ron. Open it with: motmap trip.ron\n"
    );
    let out = motmap(dir.path(), &["export", "trip.ron", "--to", "mermaid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let diagram = stdout(&out);
    assert!(diagram.contains("    accTitle: Trip\n"), "{diagram}");
    assert!(diagram.contains("      Packs: 13: Me\n"), "{diagram}");
}

// ---------------------------------------------------------------------------------------
// The editor

use motmap::app::{Mode, Opening};
use motmap::keymap::KeyMap;
use motmap::session::Editor;
use motmap::store::Document;

/// An editor on a map not saved yet, `hotpot.ron` in `dir`.
fn editor_in(dir: &Path, read_only: bool) -> Editor {
    let journey = built_in("hotpot-ko");
    let document = Document::create(dir.join("hotpot.ron"), journey);
    let (keys, opening, now) = (
        KeyMap::default(),
        Opening::default(),
        std::time::Instant::now(),
    );
    if read_only {
        Editor::view(document, keys, "Rui", opening, now)
    } else {
        Editor::open(document, keys, "Ana", opening, now)
    }
}

#[test]
fn the_editor_exports_beside_the_map_and_asks_before_writing_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = editor_in(dir.path(), false);
    common::press(&mut app, "E");
    assert!(matches!(
        app.app.mode(),
        Mode::PickExport { highlighted: 0, .. }
    ));
    insta::assert_snapshot!(
        "editor-export-menu",
        common::screen_text(common::screen(&mut app, 80, 24).backend().buffer())
    );
    common::press(&mut app, "d");
    let markdown = dir.path().join("hotpot.md");
    assert_eq!(
        app.app.status().text,
        format!("Exported as Markdown to {}.", markdown.display())
    );
    assert_eq!(
        std::fs::read_to_string(&markdown).unwrap(),
        share::export(&built_in("hotpot-ko"), Format::Markdown)
    );

    // Changed since, and exported again: the file exists, so the editor asks.
    common::press(&mut app, "p");
    std::fs::write(&markdown, "someone's notes").unwrap();
    common::press(&mut app, "Ed");
    assert!(
        matches!(app.app.mode(), Mode::Confirm(_)),
        "{:?}",
        app.app.mode()
    );
    common::press(&mut app, "n");
    assert_eq!(
        std::fs::read_to_string(&markdown).unwrap(),
        "someone's notes"
    );
    assert_eq!(
        app.app.status().text,
        "Nothing exported; the file is as it was."
    );
    common::press(&mut app, "Edy");
    assert_eq!(
        app.app.status().text,
        format!(
            "Exported as Markdown to {}, unsaved changes included.",
            markdown.display()
        )
    );
    let written = std::fs::read_to_string(&markdown).unwrap();
    assert_eq!(written, share::export(app.app.journey(), Format::Markdown));

    // Arrows and Enter pick too; Esc picks nothing.
    common::press(&mut app, "E<Down><Down><Enter>");
    assert!(dir.path().join("hotpot.csv").exists());
    common::press(&mut app, "E<Esc>");
    assert_eq!(app.app.mode(), &Mode::Board);
    assert_eq!(app.app.status().text, "Nothing exported.");
}

#[test]
fn a_read_only_view_exports_too_and_a_failed_export_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = editor_in(dir.path(), true);
    common::press(&mut app, "Ej");
    let json = dir.path().join("hotpot.json");
    assert_eq!(
        share::import(&std::fs::read_to_string(&json).unwrap(), ImportFormat::Json)
            .unwrap()
            .journey,
        built_in("hotpot-ko")
    );
    std::fs::create_dir(dir.path().join("hotpot.html")).unwrap();
    common::press(&mut app, "Eh");
    assert_eq!(
        app.app.status().text,
        format!(
            "Could not export to {}: it is a directory. Nothing was written; the map is as it was.",
            dir.path().join("hotpot.html").display()
        )
    );
}

#[test]
fn an_export_never_writes_over_the_map_it_comes_from() {
    assert_eq!(
        share::export_path(Path::new("plans/notes.md"), Format::Markdown),
        Path::new("plans/notes.export.md")
    );
    assert_eq!(
        share::export_path(Path::new("plans/cafe.ron"), Format::Markdown),
        Path::new("plans/cafe.md")
    );
    let dir = tempfile::tempdir().unwrap();
    motmap(dir.path(), &["new", "map.ron", "-t", "cafe"]);
    let before = std::fs::read(dir.path().join("map.ron")).unwrap();
    let out = motmap(
        dir.path(),
        &[
            "export",
            "map.ron",
            "--to",
            "json",
            "-o",
            "./map.ron",
            "--force",
        ],
    );
    assert_eq!(
        stderr(&out),
        "motmap: ./map.ron is the file being read, so it was left as it is; choose another -o PATH.\n"
    );
    assert_eq!(std::fs::read(dir.path().join("map.ron")).unwrap(), before);
}
