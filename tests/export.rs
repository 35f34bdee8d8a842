//! The Markdown report and the HTML page: every built-in map as a reviewed snapshot, and
//! hostile text from a map that must come out as text, never as markup.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

mod common;

use common::maps::built_in;
use motmap::model::{Comment, Edit, Feeling, Journey, Kind, Moment, Stage};
use motmap::share::html::to_html;
use motmap::share::markdown::to_markdown;
use motmap::templates::TEMPLATES;

#[test]
fn markdown_of_every_built_in_map() {
    for template in TEMPLATES {
        let markdown = to_markdown(&template.journey());
        insta::assert_snapshot!(format!("markdown_{}", template.name), markdown);
    }
}

#[test]
fn html_of_every_built_in_map() {
    for template in TEMPLATES {
        let html = to_html(&template.journey());
        insta::assert_snapshot!(format!("html_{}", template.name), html);
    }
}

#[test]
fn both_formats_are_deterministic_and_end_with_one_newline() {
    let mut journeys: Vec<Journey> = TEMPLATES.iter().map(|t| t.journey()).collect();
    journeys.push(Journey::new(""));
    journeys.push(hostile());
    for journey in &journeys {
        for export in [to_markdown, to_html] {
            let text = export(journey);
            assert_eq!(text, export(journey), "{}", journey.title);
            assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{text}");
        }
    }
}

const TITLE: &str = "</title><script>alert(1)</script>";
const ATTRIBUTE_BREAKER: &str = r#"" onmouseover="x"#;
const STAGE: &str = "<svg onload=alert(2)>";
const NOTES: &str = "Literal &amp; stays\n<img src=x onerror=alert(3)>";

/// A map whose every text tries to become markup.
fn hostile() -> Journey {
    let mut moment = Moment::new(ATTRIBUTE_BREAKER);
    moment.kind = Some(Kind::Fmot);
    moment.feeling = Feeling::clamped(-2);
    moment.channel = "'><b>".into();
    moment.personas = vec![ATTRIBUTE_BREAKER.into()];
    moment.owner = "**bold** _it_ `code`".into();
    moment.notes = NOTES.into();
    moment.idea = "a | b\nsecond line | c".into();
    moment.tags = vec!["<i>tag</i>".into()];
    moment.votes = 2;
    moment.comments = vec![
        comment(ATTRIBUTE_BREAKER, TITLE, NOTES, false),
        comment("@team", "2026-12-04T05:12:00Z", "- not a list | b", true),
    ];
    let mut stage = Stage::new(STAGE);
    stage.description = "# not a heading\n- not a list".into();
    stage.comments = vec![comment("**Ana**", "'><b>", "# not a heading", false)];
    stage.moments.push(moment);
    stage
        .moments
        .push(Moment::new("[link](javascript:alert(4))"));
    Journey::from_parts(
        TITLE.into(),
        "<style>body{display:none}</style>".into(),
        vec![ATTRIBUTE_BREAKER.into()],
        vec![stage, Stage::new("Empty | stage")],
    )
    .with_comments(vec![comment(STAGE, "<b>", "<style>", false)])
}

/// The map with a to-be feeling (glory) on its first moment, so that its first stage's
/// name shows in the expected lift too.
fn with_a_target(journey: Journey) -> Journey {
    common::maps::with_a_target(journey, 1)
}

fn comment(author: &str, at: &str, text: &str, resolved: bool) -> Comment {
    Comment {
        resolved,
        ..Comment::new(author, at, text)
    }
}

/// The same map with every text a harmless word: its page must have exactly the same
/// markup as the hostile one.
fn harmless() -> Journey {
    let mut moment = Moment::new("x");
    moment.kind = Some(Kind::Fmot);
    moment.feeling = Feeling::clamped(-2);
    moment.channel = "x".into();
    moment.personas = vec!["x".into()];
    moment.owner = "x".into();
    moment.notes = "x".into();
    moment.idea = "x".into();
    moment.tags = vec!["x".into()];
    moment.votes = 2;
    moment.comments = vec![comment("x", "x", "x", false), comment("y", "y", "y", true)];
    let mut stage = Stage::new("x");
    stage.description = "x".into();
    stage.comments = vec![comment("x", "x", "x", false)];
    stage.moments.push(moment);
    stage.moments.push(Moment::new("x"));
    Journey::from_parts(
        "x".into(),
        "x".into(),
        vec!["x".into()],
        vec![stage, Stage::new("x")],
    )
    .with_comments(vec![comment("x", "x", "x", false)])
}

/// Every tag in a page, with its attribute names but not their values: the markup.
fn markup(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            let tag = rest.split('>').next().unwrap_or_default();
            let mut parts = Vec::new();
            let mut in_quotes = false;
            let mut word = String::new();
            for c in tag.chars() {
                match c {
                    '"' => in_quotes = !in_quotes,
                    _ if in_quotes => {}
                    ' ' | '=' | '\n' => {
                        if !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()) {
                            parts.push(std::mem::take(&mut word));
                        }
                        word.clear();
                    }
                    c => word.push(c),
                }
            }
            parts.push(word);
            parts.join(" ")
        })
        .collect()
}

#[test]
fn hostile_text_in_both_formats() {
    insta::assert_snapshot!("markdown_hostile", to_markdown(&hostile()));
    insta::assert_snapshot!("html_hostile", to_html(&hostile()));
}

#[test]
fn hostile_text_in_html_is_escaped_and_never_markup() {
    let html = to_html(&hostile());
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<svg onload"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("onmouseover=\""), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
    assert!(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    assert!(html.contains("<h1>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
    assert!(html.contains("&quot; onmouseover=&quot;x"));
    assert!(html.contains("&lt;svg onload=alert(2)&gt;"));
    assert!(html.contains("&#39;&gt;&lt;b&gt;"));
    assert!(html.contains("Literal &amp;amp; stays\n&lt;img src=x onerror=alert(3)&gt;"));
    // Inside the SVG too: the stage's label, its tooltip and the picture's description.
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert!(
        svg.contains("<title>&lt;svg onload=alert(2)&gt;</title>"),
        "{svg}"
    );
    assert!(svg.contains("aria-label=\"Emotion curve"));
    assert!(svg.contains("&lt;svg onload=alert(2)&gt; -1.0"), "{svg}");
    assert_eq!(
        markup(&html),
        markup(&to_html(&harmless())),
        "hostile text changed the page's markup"
    );
    assert_eq!(
        markup(&to_html(&with_a_target(hostile()))),
        markup(&to_html(&with_a_target(harmless()))),
        "hostile text changed the markup of the to-be parts"
    );
}

#[test]
fn html_needs_no_network_and_runs_no_script() {
    let mut journeys: Vec<Journey> = TEMPLATES.iter().map(|t| t.journey()).collect();
    journeys.push(hostile());
    journeys.push(with_a_target(hostile()));
    for journey in &journeys {
        let html = to_html(journey);
        let lower = html.to_lowercase();
        assert!(!lower.contains("http://") && !lower.contains("https://"));
        assert!(
            !lower.contains("<script") && !lower.contains("url(") && !lower.contains("@import")
        );
        for tag in markup(&html) {
            let mut words = tag.split(' ');
            let name = words.next().unwrap_or_default().to_lowercase();
            let loads = [
                "script", "link", "img", "iframe", "object", "embed", "image", "use",
            ];
            assert!(!loads.contains(&name.as_str()), "<{tag}>");
            for attribute in words.map(str::to_lowercase) {
                let runs = attribute.starts_with("on") || attribute.contains("href");
                assert!(!runs && attribute != "src", "<{tag}>");
            }
        }
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<svg role=\"img\" aria-label=\""));
        assert!(html.contains("break-inside: avoid"));
    }
}

#[test]
fn both_reports_show_each_comment_with_its_author_time_and_whether_it_is_resolved() {
    let mut journey = built_in("cafe");
    let stage = journey.stages()[0].id;
    let moment = journey.stages()[0].moments[0].id;
    let open = Comment::new(
        "Ana",
        "2026-12-04T05:12:00Z",
        "Which map app?\nAsk the team",
    );
    let resolved = comment("Bo", "2026-12-04T05:13:00Z", "Google, mostly", true);
    for (target, comments) in [
        (
            motmap::model::CommentTarget::Moment(moment),
            vec![open, resolved],
        ),
        (
            motmap::model::CommentTarget::Stage(stage),
            vec![Comment::new(
                "Cy",
                "2026-12-05T09:00:00Z",
                "Split this stage?",
            )],
        ),
    ] {
        journey
            .apply(motmap::model::Edit::SetComments { target, comments })
            .unwrap();
    }
    let markdown = to_markdown(&journey);
    let section = &markdown[markdown.find("## Comments").unwrap()..];
    assert_eq!(
        section,
        "## Comments\n\n3 comments, 2 open.\n\n### Stage 1. Find (1 open)\n\n- **Cy**, 2026-12-05 09:00 UTC: Split this stage?\n\n### **Searches \"cafe near me\" on a map**, in 1. Find (1 open)\n\n- **Ana**, 2026-12-04 05:12 UTC: Which map app?<br>Ask the team\n- **Bo**, 2026-12-04 05:13 UTC, *resolved*: Google, mostly\n"
    );
    let html = to_html(&journey);
    assert!(html.contains(r#"<p class="comment-head"><strong>Ana</strong> <time datetime="2026-12-04T05:12:00Z">2026-12-04 05:12 UTC</time></p>"#));
    assert!(html.contains(
        r#"<p class="comment-text">Which map app?
Ask the team</p>"#
    ));
    assert!(html.contains(r#"<li class="comment resolved">"#));
    assert!(html.contains(r#"<span class="resolved-mark">resolved</span>"#));
}

#[test]
fn html_cards_say_their_feeling_and_kind_in_words() {
    let html = to_html(&built_in("shoes-online"));
    assert!(html.contains(r#"<span class="feeling">-- deep pain</span>"#));
    assert!(html.contains(r#"<span class="feeling">+ glory</span>"#));
    assert!(html.contains(r#"<span class="badge">FMOT</span> · first moment of truth"#));
    assert!(html.contains("<h4>Favourite colour is sold out</h4>"));
}

/// The cells of a Markdown table row: `|` not escaped by a backslash.
fn unescaped_pipes(row: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in row.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '|' => count += 1,
            _ => {}
        }
    }
    count
}

/// Every table of a Markdown text, as its rows.
fn tables(markdown: &str) -> Vec<Vec<&str>> {
    let mut tables: Vec<Vec<&str>> = Vec::new();
    let mut in_table = false;
    for line in markdown.lines() {
        match (line.starts_with('|'), in_table) {
            (true, false) => tables.push(vec![line]),
            (true, true) => tables.last_mut().unwrap().push(line),
            _ => {}
        }
        in_table = line.starts_with('|');
    }
    tables
}

#[test]
fn markdown_tables_keep_their_columns_whatever_the_text() {
    let mut journeys: Vec<Journey> = TEMPLATES.iter().map(|t| t.journey()).collect();
    journeys.push(hostile());
    journeys.push(with_a_target(hostile()));
    for journey in &journeys {
        let markdown = to_markdown(journey);
        // The pipes around seven columns, one more for the to-be column when any moment
        // has a to-be feeling.
        let expected = if journey.has_targets() { 9 } else { 8 };
        for table in tables(&markdown) {
            let columns = unescaped_pipes(table[0]);
            assert_eq!(columns, expected, "{}", table[0]);
            for row in &table {
                assert_eq!(unescaped_pipes(row), columns, "{row}");
            }
        }
    }
    let markdown = to_markdown(&hostile());
    assert_eq!(tables(&markdown).len(), 1, "{markdown}");
    assert!(
        markdown.contains(r"a \| b<br>second line \| c"),
        "{markdown}"
    );
}

#[test]
fn hostile_text_in_markdown_shows_literally() {
    let markdown = to_markdown(&hostile());
    assert!(!markdown.contains("<script"), "{markdown}");
    assert!(!markdown.contains("<svg"), "{markdown}");
    assert!(!markdown.contains("<img"), "{markdown}");
    assert!(!markdown.contains("<style"), "{markdown}");
    assert!(markdown.starts_with("# &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n"));
    assert!(markdown.contains(r"\*\*bold\*\* \_it\_ \`code\`"));
    assert!(markdown.contains("## 1. &lt;svg onload=alert(2)&gt;\n"));
    assert!(markdown.contains("\\# not a heading<br>\n\\- not a list"));
    assert!(markdown.contains(r"\[link\](javascript:alert(4))"));
    // The only HTML the report writes is its own line breaks.
    let tags: Vec<&str> = markdown.split('<').skip(1).collect();
    assert!(tags.iter().all(|t| t.starts_with("br>")), "{markdown}");
}

#[test]
fn korean_comes_through_intact() {
    let journey = built_in("hotpot-ko");
    let markdown = to_markdown(&journey);
    let html = to_html(&journey);
    for text in [
        "훠궈 식당 방문",
        "찾아보기",
        "기다리기",
        "블로그 후기에서 대기 서비스를 봄",
        "단골손님",
        "마케팅팀",
    ] {
        assert!(markdown.contains(text), "Markdown lost {text}");
        assert!(html.contains(text), "HTML lost {text}");
    }
    assert!(markdown.starts_with("# 훠궈 식당 방문\n"));
    assert!(html.contains("<title>훠궈 식당 방문</title>"));
    let first = &journey.stages()[0].moments[0];
    assert!(html.contains(&first.notes), "notes keep their line break");
}

#[test]
fn an_empty_map_still_makes_a_page_and_a_report() {
    let journey = Journey::new("");
    let markdown = to_markdown(&journey);
    assert!(markdown.starts_with("# Untitled journey\n"), "{markdown}");
    assert!(markdown.contains("0 stages, 0 moments: 0 pains, 0 glories; 0 moments of truth."));
    let html = to_html(&journey);
    assert!(html.contains("<title>Untitled journey</title>"));
    assert!(html.contains("No stages yet"));
}

/// The value of `attribute` in the first tag of `svg` that starts with `start`.
fn attribute_of(svg: &str, start: &str, attribute: &str) -> f64 {
    let tag = &svg[svg.find(start).unwrap()..];
    let value = tag.split(&format!(" {attribute}=\"")).nth(1).unwrap();
    value.split('"').next().unwrap().parse().unwrap()
}

#[test]
fn the_curve_has_a_point_per_moment_and_a_line_through_the_stages() {
    let journey = built_in("cafe");
    let html = to_html(&journey);
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert_eq!(
        svg.matches("<g class=\"moment ").count(),
        journey.moment_count()
    );
    let moments_of_truth = journey.moments().filter(|(_, m)| m.kind.is_some()).count();
    let letters = ["Z", "F", "A", "S", "T", "L"]
        .iter()
        .map(|l| svg.matches(&format!(">{l}</text>")).count())
        .sum::<usize>();
    assert_eq!(letters, moments_of_truth);
    let line = svg
        .split("<polyline class=\"average\" points=\"")
        .nth(1)
        .unwrap();
    let points = line.split('"').next().unwrap().split(' ').count();
    let stages_with_moments = journey
        .stages()
        .iter()
        .filter(|s| !s.moments.is_empty())
        .count();
    assert_eq!(points, stages_with_moments);
    for stage in journey.stages() {
        assert!(svg.contains(&format!("<title>{}</title>", stage.name)));
    }
    // Deep glory at the top, deep pain at the bottom, each level named.
    let y = |class: &str| attribute_of(svg, &format!("<text class=\"level {class}\""), "y");
    assert!(y("deep-glory") < y("glory") && y("glory") < y("neutral"));
    assert!(y("neutral") < y("pain") && y("pain") < y("deep-pain"));
    for label in [
        "++ deep glory",
        "+ glory",
        "o neutral",
        "- pain",
        "-- deep pain",
    ] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
}

/// What a CommonMark renderer with GitHub's tables makes of a report: the cells of each
/// table row, every piece of raw HTML, and all the text, as pulldown-cmark parses it.
struct Rendered {
    rows: Vec<usize>,
    html: Vec<String>,
    text: String,
}

fn render_markdown(markdown: &str) -> Rendered {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut rendered = Rendered {
        rows: Vec::new(),
        html: Vec::new(),
        text: String::new(),
    };
    let mut cells = 0;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                rendered.rows.push(cells);
                cells = 0;
            }
            Event::Html(html) | Event::InlineHtml(html) => rendered.html.push(html.to_string()),
            Event::Text(text) | Event::Code(text) => rendered.text.push_str(&text),
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Strikethrough) => {
                rendered.html.push(format!("{event:?}"));
            }
            _ => {}
        }
    }
    rendered
}

#[test]
fn a_markdown_renderer_reads_every_report_as_written() {
    let maps = TEMPLATES
        .iter()
        .map(|t| t.journey())
        .chain([hostile(), with_a_target(hostile())]);
    for journey in maps {
        let rendered = render_markdown(&to_markdown(&journey));
        // Every row of every table has the seven columns of its head, eight with the to-be.
        let columns = if journey.has_targets() { 8 } else { 7 };
        assert!(
            rendered.rows.iter().all(|cells| *cells == columns),
            "{:?}",
            rendered.rows
        );
        // No user text became a tag, a link or strikethrough: the only HTML is the
        // report's own line breaks. (Emphasis is the report's own; that the user's stars
        // stay stars is checked on the text below.)
        assert!(
            rendered.html.iter().all(|h| h == "<br>"),
            "{:?}",
            rendered.html
        );
    }
    // And what the reader sees is the text as typed, in the expected lift too.
    let text = render_markdown(&to_markdown(&with_a_target(hostile()))).text;
    assert!(text.contains(&format!("1. {STAGE}: -1.0 → +0.5")), "{text}");
    for typed in [
        TITLE,
        STAGE,
        "**bold** _it_ `code`",
        "[link](javascript:alert(4))",
        "Empty | stage",
    ] {
        assert!(
            text.contains(typed),
            "{typed:?} is not shown as typed in:\n{text}"
        );
    }
}

/// Two stages and an empty one: the queue should go from a deep pain to a glory, the rude
/// goodbye from a pain to neutral; the menu has no to-be.
const TARGETED: &str = r#"(title: "T", stages: [
    (name: "Order", moments: [(title: "Queue", feeling: -2, target: 1), (title: "Menu", feeling: 1)]),
    (name: "Empty"),
    (name: "Leave", moments: [(title: "Rude goodbye", feeling: -1, target: 0)]),
])"#;

#[test]
fn markdown_says_each_to_be_and_the_expected_lift() {
    let journey = motmap::store::parse(TARGETED).unwrap();
    let markdown = to_markdown(&journey);
    assert!(markdown.contains(
        "| Feeling | To be | Moment of truth | Moment | Channel | Persona | Owner | Idea |\n"
    ));
    assert!(
        markdown.contains("| -- deep pain | + glory | | Queue |"),
        "{markdown}"
    );
    assert!(markdown.contains("| + glory | | | Menu |"), "{markdown}");
    assert!(markdown.contains("- Once the ideas are done: peak–end score +0.5 (now -1.5)\n"));
    let lift = &markdown[markdown.find("## Expected lift").unwrap()..];
    let lift = &lift[..lift.find("\n## ").unwrap()];
    let lines: Vec<&str> = lift.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(
        lines,
        [
            "- **1. Order**: -0.5 → +1.0 (lift +1.5); 1 of 2 moments has a to-be",
            "- **3. Leave**: -1.0 → 0.0 (lift +1.0); 1 of 1 moment has a to-be",
            "- **The whole journey**: -0.7 → +0.7 (lift +1.4); 2 of 3 moments have a to-be",
        ],
        "a line per stage with moments, then the journey"
    );
    assert!(
        markdown.contains("- **Queue** (-- deep pain, to be + glory, in Order): *no idea yet*\n")
    );
}

#[test]
fn html_draws_the_to_be_as_a_dashed_line_and_says_the_expected_lift() {
    let journey = motmap::store::parse(TARGETED).unwrap();
    let html = to_html(&journey);
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    // Through the to-be averages of the two stages with moments: +1.0 and 0.0.
    let to_be = svg
        .split("<polyline class=\"to-be\" points=\"")
        .nth(1)
        .unwrap();
    let points: Vec<&str> = to_be.split('"').next().unwrap().split(' ').collect();
    assert_eq!(points.len(), 2, "{svg}");
    let y = |point: &str| -> f64 { point.split(',').nth(1).unwrap().parse().unwrap() };
    let level = |class: &str| attribute_of(svg, &format!("<text class=\"level {class}\""), "y");
    assert_eq!(y(points[0]), level("glory"));
    assert_eq!(y(points[1]), level("neutral"));
    assert!(
        html.contains(".to-be { fill: none; stroke: #0072b2; stroke-width: 2.5; stroke-dasharray:"),
        "dashed, so it is told apart without colour"
    );
    assert!(
        svg.contains(">as is</text>") && svg.contains(">to be</text>"),
        "{svg}"
    );
    assert!(svg.contains("; dashed, to be once the ideas are done: Order +1.0, Leave 0.0\""));
    assert!(svg.contains(">average -0.5 → +1.0</text>"), "{svg}");
    assert!(html.contains("<dt>To be</dt><dd>+ glory</dd>"));
    assert!(html.contains(
        "<li><strong>1. Order</strong>: -0.5 → +1.0 (lift +1.5); 1 of 2 moments has a to-be</li>"
    ));
    assert!(html.contains(
        "<li><strong>3. Leave</strong>: -1.0 → 0.0 (lift +1.0); 1 of 1 moment has a to-be</li>"
    ));
    assert!(html.contains("<li><strong>The whole journey</strong>: -0.7 → +0.7 (lift +1.4); 2 of 3 moments have a to-be</li>"));
    assert!(html.contains(
        "<li>Once the ideas are done: peak–end score <strong>+0.5</strong> (now -1.5)</li>"
    ));
}

#[test]
fn a_map_without_to_be_feelings_says_nothing_of_them() {
    let mut cafe = built_in("cafe");
    let targeted: Vec<_> = cafe
        .moments()
        .filter(|(_, m)| m.target.is_some())
        .map(|(_, m)| m.id)
        .collect();
    assert!(!targeted.is_empty(), "the cafe example has to-be feelings");
    for id in targeted {
        cafe.apply(Edit::SetTarget { id, target: None }).unwrap();
    }
    for export in [to_markdown, to_html] {
        let text = export(&cafe).to_lowercase();
        for word in ["to be", "to-be", "lift", "once the ideas are done"] {
            assert!(!text.contains(word), "{word:?} in:\n{text}");
        }
    }
    let with = to_html(&built_in("cafe"));
    assert!(with.contains("<polyline class=\"to-be\""));
    assert!(with.contains("Expected lift"));
}
