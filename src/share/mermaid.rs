//! Mermaid `journey` diagrams: written so Mermaid's own parser always accepts them, with
//! everything a diagram cannot show carried in `%% motmap` comment lines, so that reading
//! one back gives the same map. Hand-written journeys import too.
//!
//! Mermaid's journey lexer (`journey.jison`) decides what text may hold: a task name stops
//! at `:`, `;`, `#` or a line break, a section name likewise, the title at `;` or `#`, and
//! `%%` anywhere starts a comment. A task whose name begins with `journey`, `title`,
//! `section`, `accTitle` or `accDescr` is read as that keyword instead. [`safe_text`]
//! replaces each such character with its full-width twin and guards a keyword with an
//! invisible word joiner, so the diagram shows the text and the comments keep it exact.
//! (Mermaid also drops a task that starts with `%`; that one gets its full-width twin too.)

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::model::{Comment, Feeling, Id, Journey, Moment, Stage};

/// The first line of every export; it is what tells a motmap diagram from a hand-written
/// one when reading it back.
const HEADER: &str = "%% A motmap journey map. `motmap import` reads it back whole: the `%% motmap` lines\n%% carry what the diagram does not show.\n";

/// Keeps a task name that starts like a keyword from being read as one. Invisible.
const GUARD: char = '\u{2060}';

/// Words that Mermaid's lexer reads as keywords at the start of a line, whatever the case.
const KEYWORDS: [&str; 5] = ["journey", "title", "section", "acctitle", "accdescr"];

/// The journey's own fields, on the `%% motmap journey` line.
#[derive(Serialize, Deserialize, Default)]
struct JourneyMeta {
    title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    personas: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    comments: Vec<Comment>,
    #[serde(default)]
    next_id: u64,
}

/// A stage's fields, on the `%% motmap stage` line under its `section`.
#[derive(Serialize, Deserialize)]
struct StageMeta {
    #[serde(default)]
    id: Id,
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    comments: Vec<Comment>,
}

/// The journey as a Mermaid `journey` diagram.
pub fn to_mermaid(journey: &Journey) -> String {
    let mut out = String::from(HEADER);
    out.push_str("journey\n");
    let title = safe_text(&journey.title, ";#");
    if !title.is_empty() {
        let _ = writeln!(out, "    title {title}");
    }
    let meta = JourneyMeta {
        title: journey.title.clone(),
        description: journey.description.clone(),
        personas: journey.personas.clone(),
        comments: journey.comments.clone(),
        next_id: journey.next_id(),
    };
    let _ = writeln!(out, "    %% motmap journey {}", json(&meta));
    for (index, stage) in journey.stages().iter().enumerate() {
        let _ = writeln!(out, "    section {}", section_name(stage, index));
        let meta = StageMeta {
            id: stage.id,
            name: stage.name.clone(),
            description: stage.description.clone(),
            comments: stage.comments.clone(),
        };
        let _ = writeln!(out, "    %% motmap stage {}", json(&meta));
        for moment in &stage.moments {
            let _ = write!(
                out,
                "      {}: {}",
                task_name(moment),
                score(moment.feeling)
            );
            let actors = actors(moment);
            if !actors.is_empty() {
                let _ = write!(out, ": {}", actors.join(", "));
            }
            let _ = writeln!(out, "\n      %% motmap moment {}", json(moment));
        }
    }
    out
}

fn json<T: Serialize>(value: &T) -> String {
    // Strings, numbers and lists always serialise; JSON escapes line breaks, so the
    // comment stays on one line.
    serde_json::to_string(value).unwrap_or_default()
}

/// Mermaid scores a task from 1 (worst) to 5 (best): a deep pain is 1, neutral 3.
pub fn score(feeling: Feeling) -> i64 {
    i64::from(feeling.value()) + 3
}

/// The feeling a score stands for; scores beyond 1–5 count as the nearest end.
pub fn feeling_of_score(score: f64) -> Feeling {
    Feeling::clamped(score.round() as i64 - 3)
}

fn section_name(stage: &Stage, index: usize) -> String {
    let name = safe_text(&stage.name, ":;#");
    if name.is_empty() {
        format!("Stage {}", index + 1)
    } else {
        name
    }
}

fn task_name(moment: &Moment) -> String {
    let mut name = safe_text(&moment.title, ":;#");
    if name.is_empty() {
        return "Untitled moment".into();
    }
    // Mermaid drops a task whose line starts with `%`.
    if let Some(rest) = name.strip_prefix('%') {
        name = format!("％{rest}");
    }
    let lower = name.to_lowercase();
    if KEYWORDS.iter().any(|k| lower.starts_with(k)) {
        format!("{GUARD}{name}")
    } else {
        name
    }
}

/// Who is on the task: the moment's persona, or its channel when it has none.
fn actors(moment: &Moment) -> Vec<String> {
    let who = if moment.persona.trim().is_empty() {
        &moment.channel
    } else {
        &moment.persona
    };
    let who = safe_text(who, ":;#,");
    if who.is_empty() {
        Vec::new()
    } else {
        vec![who]
    }
}

/// `text` on one line, trimmed, with each character of `forbidden`, `<` and `>` (which
/// Mermaid reads as HTML) and `%%` (which starts a comment anywhere) replaced by its
/// full-width twin, which looks the same.
fn safe_text(text: &str, forbidden: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        let c = match c {
            c if c.is_control() => ' ',
            '%' if previous == '%' => '％',
            '<' => '＜',
            '>' => '＞',
            c if forbidden.contains(c) => full_width(c),
            c => c,
        };
        out.push(c);
        previous = c;
    }
    out.trim_matches(is_js_space).to_owned()
}

/// What JavaScript's `\s` and `trim()` take for white space: Rust's, and the byte order
/// mark, which Rust's `trim` keeps. Mermaid skips it before a keyword, so it must go.
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn full_width(c: char) -> char {
    match c {
        ':' => '：',
        ';' => '；',
        '#' => '＃',
        ',' => '，',
        c => c,
    }
}

/// Why a Mermaid file could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct MermaidError {
    pub line: usize,
    pub message: String,
}

/// A journey from a Mermaid `journey` diagram: exactly the map it was exported from when
/// it carries motmap's comments, and otherwise one stage per `section` and one moment per
/// task, its score (1–5) giving the feeling and its actors the persona.
pub fn from_mermaid(text: &str) -> Result<Journey, MermaidError> {
    let mut reader = Reader::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let line = line.trim();
        let number = index + 1;
        let fail = |message: String| MermaidError {
            line: number,
            message,
        };
        if let Some(comment) = line.strip_prefix("%%") {
            reader.comment(comment).map_err(fail)?;
        } else if line.is_empty() || line.starts_with('#') || line.starts_with('%') {
            // `#` and a lone `%` start a comment to Mermaid's lexer.
        } else if !reader.started && line == "---" {
            // Front matter (a title, settings): its title counts, the rest is Mermaid's.
            for (_, line) in lines.by_ref() {
                if line.trim() == "---" {
                    break;
                }
                // Only the top-level key: `title:` under `config:` is something else.
                if let Some(title) = line.trim_end().strip_prefix("title:") {
                    reader.title = yaml_scalar(title.trim());
                }
            }
        } else if !reader.started {
            let word = line.split_whitespace().next().unwrap_or_default();
            if !word.eq_ignore_ascii_case("journey") {
                return Err(fail(format!(
                    "expected `journey`, the first word of a Mermaid journey diagram, but found {:?}; motmap imports Mermaid journeys only",
                    shorten(line)
                )));
            }
            reader.started = true;
        } else if keyword(line, "accdescr") && line.contains('{') && !line.contains('}') {
            // A multi-line accessible description: skip to its closing brace.
            for (_, line) in lines.by_ref() {
                if line.contains('}') {
                    break;
                }
            }
        } else {
            // `#` starts a comment anywhere on a line, as Mermaid reads it.
            let line = line.split('#').next().unwrap_or_default().trim_end();
            reader.statement(line).map_err(fail)?;
        }
    }
    if !reader.started {
        return Err(MermaidError {
            line: 1,
            message: "the file has no `journey` line, so it is not a Mermaid journey diagram"
                .into(),
        });
    }
    Ok(reader.finish())
}

/// A YAML scalar as written on one line: `"…"` with backslash escapes, `'…'` with `''`
/// for a quote, or plain.
fn yaml_scalar(text: &str) -> String {
    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') => out.push(' '),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => {}
                },
                (c, false) => out.push(c),
            }
        }
        out
    } else if let Some(inner) = text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else {
        // A plain scalar ends at a comment.
        text.split(" #")
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }
}

fn shorten(line: &str) -> String {
    line.chars().take(40).collect()
}

/// Whether `line` starts with `word`, in any case.
fn keyword(line: &str, word: &str) -> bool {
    line.get(..word.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(word))
}

/// The journey being read, line by line.
#[derive(Default)]
struct Reader {
    started: bool,
    title: String,
    meta: Option<JourneyMeta>,
    stages: Vec<Stage>,
    /// What each stage's `section` line showed, to tell whether it was edited.
    shown_stages: Vec<String>,
    /// What the last task's line showed: name, score and actors.
    last_task: Option<Task>,
}

#[derive(PartialEq)]
struct Task {
    name: String,
    score: f64,
    actors: Vec<String>,
}

impl Reader {
    fn comment(&mut self, comment: &str) -> Result<(), String> {
        let Some(rest) = comment.trim().strip_prefix("motmap ") else {
            return Ok(());
        };
        let (what, data) = rest.split_once(' ').unwrap_or((rest, ""));
        let bad = |e: serde_json::Error| {
            format!(
                "the `%% motmap {what}` comment is damaged ({e}); delete the line to import what the diagram shows"
            )
        };
        match what {
            "journey" => self.meta = Some(serde_json::from_str(data).map_err(bad)?),
            "stage" => {
                let meta: StageMeta = serde_json::from_str(data).map_err(bad)?;
                if let (Some(stage), Some(shown)) =
                    (self.stages.last_mut(), self.shown_stages.last())
                {
                    let index = self.shown_stages.len() - 1;
                    if *shown == section_name(&Stage::new(meta.name.clone()), index) {
                        stage.name = meta.name;
                    }
                    stage.id = meta.id;
                    stage.description = meta.description;
                    stage.comments = meta.comments;
                }
            }
            "moment" => {
                let meta: Moment = serde_json::from_str(data).map_err(bad)?;
                let task = self.last_task.take();
                if let (Some(moment), Some(task)) = (self.last_moment(), task) {
                    *moment = merge_task(meta, &task);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn statement(&mut self, line: &str) -> Result<(), String> {
        if keyword(line, "title") && line[5..].starts_with(char::is_whitespace) {
            self.title = line[5..].trim().to_owned();
        } else if keyword(line, "section") && line[7..].starts_with(char::is_whitespace) {
            let name = line[7..].trim().to_owned();
            self.shown_stages.push(name.clone());
            self.stages.push(Stage::new(name));
        } else if keyword(line, "acctitle") || keyword(line, "accdescr") {
        } else {
            let task = parse_task(line)?;
            let mut moment = Moment::new(task.name.trim_start_matches(GUARD));
            moment.feeling = feeling_of_score(task.score);
            moment.persona = task.actors.join(", ");
            if self.stages.is_empty() {
                self.shown_stages.push(String::new());
                self.stages.push(Stage::new("Journey"));
            }
            if let Some(stage) = self.stages.last_mut() {
                stage.moments.push(moment);
            }
            self.last_task = Some(task);
        }
        Ok(())
    }

    fn last_moment(&mut self) -> Option<&mut Moment> {
        self.stages.last_mut()?.moments.last_mut()
    }

    fn finish(self) -> Journey {
        let mut title = self.title;
        let (mut description, mut personas, mut next_id) = (String::new(), Vec::new(), 0);
        let mut comments = Vec::new();
        if let Some(meta) = self.meta {
            next_id = meta.next_id;
            if title.is_empty() || title == safe_text(&meta.title, ";#") {
                title = meta.title;
            }
            description = meta.description;
            personas = meta.personas;
            comments = meta.comments;
        } else {
            // A hand-written diagram: its actors are the journey's personas.
            for stage in &self.stages {
                for moment in &stage.moments {
                    for actor in moment.persona.split(", ") {
                        personas.push(actor.to_owned());
                    }
                }
            }
        }
        Journey::from_parts(title, description, personas, self.stages)
            .with_comments(comments)
            .count_from(next_id)
    }
}

/// A moment from its `%% motmap` comment, with whatever was changed on its task line since
/// the export taking precedence.
fn merge_task(mut moment: Moment, shown: &Task) -> Moment {
    if shown.name != task_name(&moment) {
        moment.title = shown.name.trim_start_matches(GUARD).to_owned();
    }
    if shown.score != score(moment.feeling) as f64 {
        moment.feeling = feeling_of_score(shown.score);
    }
    if shown.actors != actors(&moment) {
        moment.persona = shown.actors.join(", ");
    }
    moment
}

/// `Name: score: actor, actor`, as Mermaid reads it.
fn parse_task(line: &str) -> Result<Task, String> {
    let Some((name, data)) = line.split_once(':') else {
        return Err(format!(
            "expected a task, `Name: score: actors` (a score from 1 to 5), but found {:?} with no colon",
            shorten(line)
        ));
    };
    let mut pieces = data.split(':');
    let score_text = pieces.next().unwrap_or_default().trim();
    let score: f64 = score_text
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite())
        .ok_or_else(|| {
            format!(
                "the task {:?} has {score_text:?} where a score from 1 (worst) to 5 (best) belongs",
                shorten(name.trim())
            )
        })?;
    let actors = pieces
        .next()
        .map(|a| {
            a.split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Ok(Task {
        name: name.trim().to_owned(),
        score,
        actors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_full_width_twins() {
        assert_eq!(
            safe_text("10:30; #1 at 100%%", ":;#"),
            "10：30； ＃1 at 100%％"
        );
        assert_eq!(safe_text(" two\nlines ", ":"), "two lines");
    }

    #[test]
    fn a_task_named_like_a_keyword_is_guarded() {
        let name = task_name(&Moment::new("Journey planner"));
        assert_eq!(name, "\u{2060}Journey planner");
        assert_eq!(
            task_name(&Moment::new("Plans the journey")),
            "Plans the journey"
        );
    }

    #[test]
    fn scores_and_feelings_map_both_ways() {
        for value in -2..=2 {
            let feeling = Feeling::clamped(value);
            assert_eq!(feeling_of_score(score(feeling) as f64), feeling);
        }
        assert_eq!(feeling_of_score(9.0).value(), 2);
        assert_eq!(feeling_of_score(-3.0).value(), -2);
    }
}
