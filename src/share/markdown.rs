//! A Markdown report for a wiki or a pull request.

use std::fmt::Write;

use crate::insight::{Counts, Lift, kinds, ranking, signed};
use crate::model::{Comment, Feeling, Journey, Kind, Moment, Stage, open_count};
use crate::text::{count_summary, plural};

/// The report: title, description and personas, the counts, a table of moments for every
/// stage, then the moments of truth by kind, what customers will remember, the expected
/// lift, the pains with their ideas, the votes, and the comments where there are any.
///
/// When any moment has a to-be feeling, the tables get a "To be" column, the pains say
/// theirs, and the summary says how much better each stage and the journey should feel
/// once the ideas are done; a map without any reads as it did before there were to-be
/// feelings.
///
/// Every text from the map is escaped, so a title like `<script>` or `**bold**` shows as
/// typed and a `|` cannot break a table. Deterministic, ending with one newline.
pub fn to_markdown(journey: &Journey) -> String {
    let mut out = String::new();
    let with_targets = journey.has_targets();
    write_header(&mut out, journey);
    for (index, stage) in journey.stages().iter().enumerate() {
        write_stage(&mut out, index + 1, stage, with_targets);
    }
    write_moments_of_truth(&mut out, journey);
    write_remembered(&mut out, journey);
    write_lift(&mut out, journey);
    write_pains(&mut out, journey);
    write_votes(&mut out, journey);
    write_comments(&mut out, journey);
    finish(out)
}

/// Sections end with a blank line; the file ends with exactly one newline.
fn finish(mut out: String) -> String {
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('\n');
    out
}

fn write_header(out: &mut String, journey: &Journey) {
    let title = if journey.title.trim().is_empty() {
        "Untitled journey".to_owned()
    } else {
        inline(&journey.title)
    };
    let _ = writeln!(out, "# {title}\n");
    if !journey.description.trim().is_empty() {
        let _ = writeln!(out, "{}\n", paragraphs(&journey.description));
    }
    if !journey.personas.is_empty() {
        let names: Vec<String> = journey.personas.iter().map(|p| inline(p)).collect();
        let _ = writeln!(out, "**Personas:** {}\n", names.join(", "));
    }
    let counts = Counts::of_journey(journey);
    let _ = writeln!(
        out,
        "{}, {}.\n",
        plural(journey.stages().len(), "stage", "stages"),
        counts_line(&counts)
    );
}

/// "21 moments: 7 pains, 11 glories; 16 moments of truth; 12 votes".
fn counts_line(counts: &Counts) -> String {
    let mut line = count_summary(counts.moments, counts.pains, counts.glories);
    let _ = write!(
        line,
        "; {}",
        plural(
            counts.moments_of_truth,
            "moment of truth",
            "moments of truth"
        )
    );
    if counts.votes > 0 {
        let votes = usize::try_from(counts.votes).unwrap_or(usize::MAX);
        let _ = write!(line, "; {}", plural(votes, "vote", "votes"));
    }
    line
}

const TABLE_HEADER: &str = "| Feeling | Moment of truth | Moment | Channel | Persona | Owner | Idea |\n\
                            | --- | --- | --- | --- | --- | --- | --- |";

/// The table's header for a map where some moments have a to-be feeling: it goes beside
/// the feeling.
const TABLE_HEADER_TO_BE: &str = "| Feeling | To be | Moment of truth | Moment | Channel | Persona | Owner | Idea |\n\
     | --- | --- | --- | --- | --- | --- | --- | --- |";

/// A stage's heading, description, counts and table of moments; `with_targets` adds the
/// "To be" column, empty for a moment without one.
fn write_stage(out: &mut String, number: usize, stage: &Stage, with_targets: bool) {
    let _ = writeln!(out, "## {number}. {}\n", inline(&stage.name));
    if !stage.description.trim().is_empty() {
        let _ = writeln!(out, "{}\n", paragraphs(&stage.description));
    }
    if stage.moments.is_empty() {
        let _ = writeln!(out, "No moments yet.\n");
        return;
    }
    let _ = writeln!(out, "{}.\n", counts_line(&Counts::of_stage(stage)));
    let header = if with_targets {
        TABLE_HEADER_TO_BE
    } else {
        TABLE_HEADER
    };
    let _ = writeln!(out, "{header}");
    for moment in &stage.moments {
        let mut cells = vec![feeling(moment)];
        if with_targets {
            cells.push(moment.target.map_or_else(String::new, feeling_text));
        }
        cells.extend([
            moment.kind.map_or("", Kind::badge).to_owned(),
            inline(&moment.title),
            inline(&moment.channel),
            inline(&moment.personas.join(", ")),
            inline(&moment.owner),
            inline(&moment.idea),
        ]);
        let _ = writeln!(out, "{}", table_row(&cells));
    }
    out.push('\n');
}

/// `| a | b |`, with empty cells left empty rather than padded with placeholders.
fn table_row(cells: &[String]) -> String {
    let mut row = String::from("|");
    for cell in cells {
        if cell.is_empty() {
            row.push_str(" |");
        } else {
            let _ = write!(row, " {cell} |");
        }
    }
    row
}

/// "-- deep pain", "+ glory", "o neutral": the sign says it where colour cannot.
fn feeling(moment: &Moment) -> String {
    feeling_text(moment.feeling)
}

/// A feeling as its sign and its word, as [`feeling`] shows a moment's.
fn feeling_text(feeling: Feeling) -> String {
    format!("{} {}", feeling.symbol(), feeling.label())
}

/// The moment's feeling and, where it has one, its to-be: "-- deep pain, to be o neutral".
fn feeling_and_target(moment: &Moment) -> String {
    match moment.target {
        Some(target) => format!("{}, to be {}", feeling(moment), feeling_text(target)),
        None => feeling(moment),
    }
}

/// The title in bold, or a placeholder in italics, so a list item never starts with a
/// user's text (where `- ` or `1. ` would open a nested list).
fn bold_title(moment: &Moment) -> String {
    if moment.title.trim().is_empty() {
        "*untitled*".to_owned()
    } else {
        format!("**{}**", inline(&moment.title))
    }
}

fn write_moments_of_truth(out: &mut String, journey: &Journey) {
    let _ = writeln!(out, "## Moments of truth\n");
    let (present, missing) = kinds(journey);
    if present.is_empty() {
        let _ = writeln!(out, "No moment is marked as a moment of truth yet.\n");
        return;
    }
    if missing.is_empty() {
        let _ = writeln!(out, "Every kind is present.\n");
    } else {
        let names: Vec<String> = missing
            .iter()
            .map(|k| format!("{} ({})", k.badge(), k.name()))
            .collect();
        let _ = writeln!(out, "Missing: {}.\n", names.join(", "));
    }
    for kind in present {
        let _ = writeln!(out, "### {} · {}\n", kind.badge(), kind.name());
        let _ = writeln!(out, "*{}.*\n", capitalised(kind.when()));
        for (stage, moment) in journey.moments().filter(|(_, m)| m.kind == Some(kind)) {
            let _ = writeln!(
                out,
                "- {} ({}), in {}",
                bold_title(moment),
                feeling(moment),
                inline(&stage.name)
            );
        }
        out.push('\n');
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What customers will remember: the peak, the end, the peak–end score, and why; when
/// some moments have a to-be feeling, the score once the ideas are done too.
fn write_remembered(out: &mut String, journey: &Journey) {
    let Some(r) = crate::insight::remembered(journey) else {
        return;
    };
    let _ = writeln!(
        out,
        "## What customers will remember
"
    );
    let _ = writeln!(
        out,
        "{}
",
        crate::insight::Remembered::WHY
    );
    let place = |at: Option<&(&Stage, &Moment)>| match at {
        Some((stage, moment)) => format!(
            "{} ({}, in {})",
            bold_title(moment),
            feeling(moment),
            inline(&stage.name)
        ),
        None => "none".to_owned(),
    };
    let _ = writeln!(out, "- Deepest pain: {}", place(r.deepest_pain.as_ref()));
    let _ = writeln!(out, "- Highest glory: {}", place(r.highest_glory.as_ref()));
    let ends: Vec<String> = r.end.iter().map(|at| place(Some(at))).collect();
    let _ = writeln!(out, "- The end: {}", ends.join("; "));
    let _ = writeln!(
        out,
        "- Peak–end score: {} (from −2 to +2; the end alone {})",
        signed(r.score()),
        signed(r.end_feeling)
    );
    if journey.has_targets()
        && let Some(then) = crate::insight::remembered_to_be(journey)
    {
        let _ = writeln!(
            out,
            "- Once the ideas are done: peak–end score {} (now {})",
            signed(then.score()),
            signed(r.score())
        );
    }
    if r.ends_on_a_pain() {
        let _ = writeln!(
            out,
            "\n**The journey ends on a pain**: it is what customers leave with and tell others."
        );
    }
    out.push('\n');
}

/// How much better each stage with moments and the whole journey should feel once the
/// ideas are done, and how many moments say so; only when some moment has a to-be.
fn write_lift(out: &mut String, journey: &Journey) {
    if !journey.has_targets() {
        return;
    }
    let _ = writeln!(out, "## Expected lift\n");
    let _ = writeln!(
        out,
        "The average feeling now → once the ideas are done. A moment with no to-be counts as it feels now.\n"
    );
    for (index, stage) in journey.stages().iter().enumerate() {
        let Some(lift) = Lift::of_stage(stage) else {
            continue;
        };
        let name = inline(&stage.name);
        let label = if name.is_empty() {
            format!("Stage {}", index + 1)
        } else {
            format!("{}. {name}", index + 1)
        };
        let _ = writeln!(
            out,
            "- **{label}**: {}; {}",
            lift.describe(),
            lift.coverage()
        );
    }
    if let Some(lift) = Lift::of_journey(journey) {
        let _ = writeln!(
            out,
            "- **The whole journey**: {}; {}",
            lift.describe(),
            lift.coverage()
        );
    }
    out.push('\n');
}

/// Every pain, deepest first and in journey order within a depth (as
/// [`crate::insight::pains_without_idea`] orders them), each with its idea and its to-be
/// feeling where it has one, so the report shows both what is planned and what still
/// waits for one.
fn write_pains(out: &mut String, journey: &Journey) {
    let _ = writeln!(out, "## Pains and their ideas\n");
    let mut pains: Vec<(&Stage, &Moment)> = journey
        .moments()
        .filter(|(_, m)| m.feeling.is_pain())
        .collect();
    if pains.is_empty() {
        let _ = writeln!(out, "No pains.\n");
        return;
    }
    pains.sort_by_key(|(_, m)| m.feeling);
    let without = pains
        .iter()
        .filter(|(_, m)| m.idea.trim().is_empty())
        .count();
    let pains_line = plural(pains.len(), "pain", "pains");
    if without == 0 {
        let each = if pains.len() == 1 { "" } else { "each " };
        let _ = writeln!(out, "{pains_line}, {each}with an idea.\n");
    } else {
        let _ = writeln!(out, "{pains_line}, {without} without an idea yet.\n");
    }
    for (stage, moment) in pains {
        let idea = if moment.idea.trim().is_empty() {
            "*no idea yet*".to_owned()
        } else {
            inline(&moment.idea)
        };
        let _ = writeln!(
            out,
            "- {} ({}, in {}): {idea}",
            bold_title(moment),
            feeling_and_target(moment),
            inline(&stage.name)
        );
    }
    out.push('\n');
}

fn write_votes(out: &mut String, journey: &Journey) {
    let ranked = ranking(journey);
    if ranked.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Votes\n");
    for (place, (stage, moment)) in ranked.iter().enumerate() {
        let votes = usize::try_from(moment.votes).unwrap_or(usize::MAX);
        let _ = writeln!(
            out,
            "{}. {}: {}, in {}",
            place + 1,
            bold_title(moment),
            plural(votes, "vote", "votes"),
            inline(&stage.name)
        );
    }
    out.push('\n');
}

/// Every comment under a heading for what it is on (the journey, a stage, a moment), in
/// the order they were left; a resolved one says so in words.
fn write_comments(out: &mut String, journey: &Journey) {
    let mut places: Vec<(String, &[Comment])> = vec![("The journey".into(), &journey.comments)];
    for (index, stage) in journey.stages().iter().enumerate() {
        let stage_name = format!("{}. {}", index + 1, inline(&stage.name));
        places.push((format!("Stage {stage_name}"), &stage.comments));
        for moment in &stage.moments {
            let title = bold_title(moment);
            places.push((format!("{title}, in {stage_name}"), &moment.comments));
        }
    }
    places.retain(|(_, comments)| !comments.is_empty());
    if places.is_empty() {
        return;
    }
    let all: Vec<&Comment> = places.iter().flat_map(|(_, c)| c.iter()).collect();
    let open = all.iter().filter(|c| !c.resolved).count();
    let _ = writeln!(out, "## Comments\n");
    let _ = writeln!(
        out,
        "{}, {open} open.\n",
        plural(all.len(), "comment", "comments")
    );
    for (heading, comments) in places {
        let _ = writeln!(out, "### {heading} ({} open)\n", open_count(comments));
        for comment in comments {
            let _ = writeln!(out, "- {}", comment_line(comment));
        }
        out.push('\n');
    }
}

/// "**Ana**, 2026-12-04 05:12 UTC, *resolved*: the text".
fn comment_line(comment: &Comment) -> String {
    let author = if comment.author.trim().is_empty() {
        "*someone*".to_owned()
    } else {
        format!("**{}**", inline(&comment.author))
    };
    let at = if comment.at.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", inline(&crate::utc::readable(&comment.at)))
    };
    let resolved = if comment.resolved { ", *resolved*" } else { "" };
    format!("{author}{at}{resolved}: {}", inline(&comment.text))
}

/// User text for a table cell or a line of running text: Markdown and HTML specials
/// escaped, line breaks as `<br>` so a cell stays on its table row.
fn inline(text: &str) -> String {
    let lines: Vec<String> = text.trim().lines().map(escape_line).collect();
    lines.join("<br>")
}

/// A multi-line text as paragraphs: blank lines separate them, other line breaks stay
/// line breaks.
fn paragraphs(text: &str) -> String {
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    for line in text.trim().lines() {
        match blocks.last_mut() {
            Some(block) if !line.trim().is_empty() => block.push(escape_line(line)),
            Some(block) if !block.is_empty() => blocks.push(Vec::new()),
            _ => {}
        }
    }
    let blocks: Vec<String> = blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .map(|b| b.join("<br>\n"))
        .collect();
    blocks.join("\n\n")
}

/// One line of user text, escaped to show literally wherever it lands: at the start of a
/// line (where `#`, `-`, `+`, `=`, `1.` would open a block), in a table cell (`|`), or
/// inline (emphasis, code, links, math, strikethrough, HTML tags and entities). Leading
/// spaces go, since four of them would open a code block.
fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    if line.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let mut leading_digits = true;
    let mut previous = ' ';
    for c in line.chars() {
        match c {
            // `@team` in a pull request would notify the team: an invisible word joiner
            // after the `@` keeps GitHub and GitLab from reading a mention. An e-mail
            // address (`@` inside a word) is no mention and stays as it is.
            '@' if !previous.is_alphanumeric() => out.push_str("@\u{2060}"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // "1. " or "1) " at the start of a line opens an ordered list.
            '.' | ')' if leading_digits && !out.is_empty() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        leading_digits &= c.is_ascii_digit();
        previous = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_to_show_literally() {
        assert_eq!(escape_line("**bold**"), r"\*\*bold\*\*");
        assert_eq!(escape_line("<script>"), "&lt;script&gt;");
        assert_eq!(escape_line("ask @design"), "ask @\u{2060}design");
        assert_eq!(escape_line("kim@example.com"), "kim@example.com");
        assert_eq!(escape_line("a | b"), r"a \| b");
        assert_eq!(escape_line("# heading"), r"\# heading");
        assert_eq!(escape_line("- item"), r"\- item");
        assert_eq!(escape_line("12. item"), r"12\. item");
        assert_eq!(escape_line("version 1.2"), "version 1.2");
        assert_eq!(escape_line("&amp;"), "&amp;amp;");
        assert_eq!(escape_line("[link](x)"), r"\[link\](x)");
    }

    #[test]
    fn line_breaks_stay_inside_a_cell() {
        assert_eq!(inline("one\ntwo"), "one<br>two");
        assert_eq!(paragraphs("one\ntwo\n\n\nthree"), "one<br>\ntwo\n\nthree");
    }
}
