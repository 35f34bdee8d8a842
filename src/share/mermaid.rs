//! Mermaid `journey` diagrams: written so that Mermaid's own parser reads back exactly the
//! texts of the map, with everything a diagram cannot show carried in `%% motmap` comment
//! lines, so that reading one back gives the same map. A hand-written journey imports as
//! Mermaid 11 reads it ([`read`]): its settings, accessible texts and scores that no feeling
//! is are kept in the map for exports ([`MermaidExtras`], `Moment::mermaid_score`), and what
//! it reads differently from the diagram is named in warnings.
//!
//! Mermaid's journey lexer (`journey.jison`) decides what text may hold: a task name stops
//! at `:`, `;`, `#` or a line break, a section name likewise, the title at `;` or `#`, an
//! actor at `,`; `%%` starts a comment or a directive, a task that starts with `%` is
//! skipped, and one whose name begins with `journey`, `title`, `section`, `accTitle` or
//! `accDescr` is read as that keyword. Mermaid reads entity codes before its lexer does
//! (`#35;` is `#`, `#quot;` is `"`, `#9829;` is ♥), so [`encode`] writes each such character
//! as its code (`#58;` `#59;` `#35;` `#44;` `#37;`, and `#60;` `#62;` for `<` `>`, which
//! Mermaid would read as HTML), and a keyword's first letter likewise: Mermaid shows the
//! text exactly. A line break in a name, U+2028 in motmap, is Mermaid's `<br>`.
//!
//! Exports from before entity codes showed those characters as full-width twins (`：`)
//! and guarded a keyword with an invisible word joiner; [`legacy`] still recognises them,
//! so such a file reads back as the map it came from.

mod entities;
mod read;

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::Warning;
use crate::model::{Comment, Feeling, Id, Journey, MermaidExtras, Moment, Stage};
use read::{Statement, decode, is_js_space};

/// The first line of every export; it is what tells a motmap diagram from a hand-written
/// one when reading it back.
const HEADER: &str = "%% A motmap journey map. `motmap import` reads it back whole: the `%% motmap` lines\n%% carry what the diagram does not show.\n";

/// What exports from before entity codes put before a task name that starts like a
/// keyword (an invisible word joiner); read back, it is dropped.
const GUARD: char = '\u{2060}';

/// A line break within a one-line text of the map, read from and written as `<br>`.
pub const LINE_BREAK: char = '\u{2028}';

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
    let mermaid = &journey.mermaid;
    let mut out = String::new();
    // Front matter comes first or not at all; one that would close early is left out.
    let front_matter = mermaid.front_matter.trim_end();
    if !front_matter.is_empty() && !front_matter.lines().any(|l| l.trim_end() == "---") {
        let _ = writeln!(out, "---\n{front_matter}\n---");
    }
    for directive in &mermaid.directives {
        // One that says more than a directive (written by hand) is left out.
        if directive.ends_with("}%%") && read::is_one_directive(directive) {
            let _ = writeln!(out, "{directive}");
        }
    }
    out.push_str(HEADER);
    out.push_str("journey\n");
    let title = encode(&journey.title, Place::Title);
    if !title.is_empty() {
        let _ = writeln!(out, "    title {title}");
    }
    // Mermaid reads on into the next line after an `accTitle:` with nothing after it.
    if !mermaid.acc_title.trim().is_empty() {
        let _ = writeln!(out, "    accTitle: {}", mermaid.acc_title.trim());
    }
    let acc_descr = mermaid.acc_descr.trim();
    if acc_descr.contains('\n') && !acc_descr.contains('}') {
        out.push_str("    accDescr {\n");
        for line in acc_descr.lines() {
            let _ = writeln!(out, "      {}", line.trim());
        }
        out.push_str("    }\n");
    } else if !acc_descr.is_empty() {
        // A block is read up to its first `}`: one that holds one is written on one line.
        let _ = writeln!(out, "    accDescr: {}", acc_descr.replace('\n', " "));
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
        // A nameless first stage holds the tasks before any section, as Mermaid reads them.
        if let Some(name) = section_name(&stage.name, index) {
            let _ = writeln!(out, "    section {}", encode(&name, Place::Section));
        }
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
                encode(&task_name(moment), Place::Task),
                task_score(moment)
            );
            let actors: Vec<String> = actors(moment)
                .iter()
                .map(|actor| encode(actor, Place::Actor))
                .collect();
            if !actors.is_empty() {
                let _ = write!(out, ": {}", actors.join(", "));
            }
            let _ = writeln!(out, "\n      %% motmap moment {}", json(moment));
        }
    }
    out
}

/// `value` as JSON on one line (JSON escapes line breaks), with `<` and the second `%` of
/// `%%` escaped too: Mermaid reads those in a comment line as the start of an HTML tag and
/// of a directive before it sets comments aside.
fn json<T: Serialize>(value: &T) -> String {
    // Strings, numbers and lists always serialise; `<` and `%` only stand inside strings.
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace("%%", "%\\u0025")
}

/// Mermaid scores a task from 1 (worst) to 5 (best): a deep pain is 1, neutral 3.
pub fn score(feeling: Feeling) -> i64 {
    i64::from(feeling.value()) + 3
}

/// The feeling a score stands for: beyond 1–5 the nearest end, between two the nearer
/// (a half up), and neutral for what is no number.
pub fn feeling_of_score(score: f64) -> Feeling {
    if score.is_nan() {
        return Feeling::NEUTRAL;
    }
    Feeling::clamped((score.round() - 3.0).clamp(-2.0, 2.0) as i64)
}

/// The score as written (`9`, `3.5`, `lots`), to keep for exports when no feeling is the
/// score Mermaid reads from it; `None` for a score of 1 to 5.
fn kept_score(written: &str, number: f64) -> Option<String> {
    let written = written.trim_matches(is_js_space);
    (!is_feeling_score(number) && !written.is_empty()).then(|| written.to_owned())
}

/// The score a task is exported with: the one the diagram it came from gave it, while no
/// change of feeling made that wrong (and it is one Mermaid's grammar reads as a score),
/// else the feeling's.
fn task_score(moment: &Moment) -> String {
    match &moment.mermaid_score {
        Some(kept)
            if !kept.contains([':', ';', '#', ',', '%', '\n'])
                && feeling_of_score(js_number(kept)) == moment.feeling =>
        {
            kept.clone()
        }
        _ => score(moment.feeling).to_string(),
    }
}

/// Whether Mermaid draws `score` where motmap's feelings can stand: a whole number 1–5.
fn is_feeling_score(score: f64) -> bool {
    (1.0..=5.0).contains(&score) && score.fract() == 0.0
}

/// Which part of a diagram a text goes into: each stops at other characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Title,
    Section,
    Task,
    Actor,
}

/// What Mermaid shows of `text` once written: on one line, trimmed.
fn display(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    line.trim_matches(is_js_space).to_owned()
}

/// `text` as written into `place`, so that Mermaid reads back exactly [`display`]`(text)`:
/// every character its grammar reserves there as an entity code, a keyword's first letter
/// too at the start of a task, and a line break as `<br>`.
fn encode(text: &str, place: Place) -> String {
    let text = display(text);
    // Mermaid drops the last `;` of a line where `style` or `classDef` comes before a
    // `:` that runs into a `#`; only a title line writes a colon as it is.
    let colon = place != Place::Title || text.contains("style") || text.contains("classDef");
    let keyword = place == Place::Task && {
        let lower = text.to_lowercase();
        KEYWORDS.iter().any(|k| lower.starts_with(k))
    };
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        let first = index == 0 && place == Place::Task;
        let reserved = match c {
            '#' | ';' | '<' | '>' => true,
            ':' => colon,
            ',' => place == Place::Actor,
            '%' => out.ends_with('%') || first,
            _ => first && keyword,
        };
        if c == LINE_BREAK {
            out.push_str("<br>");
        } else if reserved {
            let _ = write!(out, "#{};", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text from a diagram as Mermaid shows it: trimmed, `<br>` (`<br/>`, `<br />`) as a
/// line break, entity codes read.
fn read_text(raw: &str) -> String {
    let raw = raw.trim_matches(is_js_space);
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        match line_break_len(rest) {
            Some(len) => {
                text.push(LINE_BREAK);
                rest = &rest[len..];
            }
            None => {
                text.push('<');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    decode(&text)
}

/// The length of the `<br>` that `text` starts with (`/<br\s*\/?>/i`), if it does.
fn line_break_len(text: &str) -> Option<usize> {
    let tag = text.get(..3).filter(|t| t.eq_ignore_ascii_case("<br"))?;
    let rest = &text[tag.len()..];
    let rest = rest.trim_start_matches(is_js_space);
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let rest = rest.strip_prefix('>')?;
    Some(text.len() - rest.len())
}

/// The section a stage is written as: its name, `Stage N` for a nameless one, and none
/// for a nameless first stage, whose tasks come before any section.
fn section_name(name: &str, index: usize) -> Option<String> {
    match (display(name).is_empty(), index) {
        (false, _) => Some(name.to_owned()),
        (true, 0) => None,
        (true, _) => Some(format!("Stage {}", index + 1)),
    }
}

/// The name a moment's task is written with: its title, or `Untitled moment`.
fn task_name(moment: &Moment) -> String {
    if display(&moment.title).is_empty() {
        "Untitled moment".into()
    } else {
        moment.title.clone()
    }
}

/// Who is on the task: the moment's personas, or its channel when it has none.
fn actors(moment: &Moment) -> Vec<String> {
    let who = if moment.personas.is_empty() {
        std::slice::from_ref(&moment.channel)
    } else {
        &moment.personas
    };
    who.iter()
        .map(|name| display(name))
        .filter(|name| !name.is_empty())
        .collect()
}

/// How exports from before entity codes showed `text` in `place`: full-width twins for
/// reserved characters, and for a task a word joiner before a keyword.
fn legacy(text: &str, place: Place) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        let c = match c {
            c if c.is_control() => ' ',
            '%' if previous == '%' => '％',
            '<' => '＜',
            '>' => '＞',
            ':' if place != Place::Title => '：',
            ';' => '；',
            '#' => '＃',
            ',' if place == Place::Actor => '，',
            c => c,
        };
        out.push(c);
        previous = c;
    }
    let mut out = out.trim_matches(is_js_space).to_owned();
    if place == Place::Task {
        if let Some(rest) = out.strip_prefix('%') {
            out = format!("％{rest}");
        }
        let lower = out.to_lowercase();
        if KEYWORDS.iter().any(|k| lower.starts_with(k)) {
            out.insert(0, GUARD);
        }
    }
    out
}

/// Whether a diagram showing `shown` in `place` still shows `text`, as written now or by
/// an export from before entity codes.
fn shows(shown: &str, text: &str, place: Place) -> bool {
    shown == display(text) || shown == legacy(text, place)
}

/// Why a Mermaid file could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct MermaidError {
    pub line: usize,
    pub message: String,
}

/// A journey from a Mermaid `journey` diagram, read as Mermaid 11 reads it: exactly the map
/// it was exported from when it carries motmap's comments, and otherwise one stage per
/// `section` (and a nameless one for tasks before any), one moment per task, its score
/// giving the feeling and its actors the personas; the settings, accessible texts and
/// scores no feeling is are kept for exports. The warnings name each line the map reads
/// otherwise than the diagram shows it (a score no feeling is, an empty actor).
pub fn from_mermaid(text: &str) -> Result<(Journey, Vec<Warning>), MermaidError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let diagram = read::read(text)?;
    let mut reader = Reader {
        title: diagram.front_matter.title.unwrap_or_default(),
        ..Reader::default()
    };
    reader.mermaid.front_matter = diagram.front_matter.settings.unwrap_or_default();
    reader.mermaid.directives = diagram.directives.into_iter().map(|(_, d)| d).collect();
    let mut comments = diagram.comments.into_iter().peekable();
    for (line, statement) in diagram.statements {
        while let Some((at, comment)) = comments.next_if(|(at, _)| *at < line) {
            reader.comment(at, &comment)?;
        }
        reader.statement(line, statement);
    }
    for (at, comment) in comments {
        reader.comment(at, &comment)?;
    }
    Ok(reader.finish())
}

fn shorten(line: &str) -> String {
    line.chars().take(40).collect()
}

/// The journey being read, statement by statement.
#[derive(Default)]
struct Reader {
    title: String,
    meta: Option<JourneyMeta>,
    stages: Vec<Stage>,
    /// What each stage's `section` line showed, to tell whether it was edited; `None` for
    /// the nameless stage of the tasks before any section.
    shown_stages: Vec<Option<String>>,
    /// What the last task's line showed: name, score and actors.
    last_task: Option<Task>,
    /// Every actor, in the order they come: a hand-written diagram's personas.
    actors: Vec<String>,
    /// The settings and accessible texts, kept for exports.
    mermaid: MermaidExtras,
    warnings: Vec<Warning>,
}

/// A task as Mermaid read it.
struct Task {
    name: String,
    score: f64,
    /// The score as written, when no feeling is that score.
    kept_score: Option<String>,
    actors: Vec<String>,
    /// What to say of its score, unless motmap's comment after it says the map already
    /// keeps that score (an export read back).
    score_warning: Option<Warning>,
}

impl Reader {
    fn warn(&mut self, line: usize, message: String) {
        self.warnings.push(Warning { line, message });
    }

    /// A `%%` comment on `line`; `%% motmap …` ones carry what the diagram does not show.
    fn comment(&mut self, line: usize, comment: &str) -> Result<(), MermaidError> {
        let Some(rest) = comment.trim().strip_prefix("motmap ") else {
            return Ok(());
        };
        let (what, data) = rest.split_once(' ').unwrap_or((rest, ""));
        let bad = |e: serde_json::Error| MermaidError {
            line,
            message: format!(
                "the `%% motmap {what}` comment is damaged ({e}); delete the line to import what the diagram shows"
            ),
        };
        match what {
            "journey" => self.meta = Some(serde_json::from_str(data).map_err(bad)?),
            "stage" => {
                let meta: StageMeta = serde_json::from_str(data).map_err(bad)?;
                if self.stages.is_empty() {
                    self.stages.push(Stage::new(""));
                    self.shown_stages.push(None);
                }
                let index = self.stages.len() - 1;
                let shown = self.shown_stages[index].as_deref();
                let same = match shown {
                    None => section_name(&meta.name, index).is_none(),
                    Some(shown) => {
                        section_name(&meta.name, index)
                            .is_some_and(|name| shows(shown, &name, Place::Section))
                            || legacy(&meta.name, Place::Section).is_empty()
                                && shown == format!("Stage {}", index + 1)
                    }
                };
                let stage = &mut self.stages[index];
                if same {
                    stage.name = meta.name;
                }
                stage.id = meta.id;
                stage.description = meta.description;
                stage.comments = meta.comments;
            }
            "moment" => {
                let meta: Moment = serde_json::from_str(data).map_err(bad)?;
                if let Some(mut task) = self.last_task.take() {
                    if let Some(warning) = task.score_warning.take()
                        && meta.mermaid_score != task.kept_score
                    {
                        self.warnings.push(warning);
                    }
                    let moment = merge_task(meta, &task);
                    if let Some(last) = self.last_moment() {
                        *last = moment;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn statement(&mut self, line: usize, statement: Statement) {
        match statement {
            Statement::Title(text) => self.title = read_text(&text),
            Statement::AccTitle(text) => self.mermaid.acc_title = text,
            Statement::AccDescr(text) => self.mermaid.acc_descr = text,
            Statement::Section(name) => {
                let name = read_text(&name);
                self.shown_stages.push(Some(name.clone()));
                self.stages.push(Stage::new(name));
            }
            Statement::Task { name, data } => self.task(line, &name, &data),
        }
    }

    /// A task, `name` and `data` as Mermaid's `addTask` reads them: the score up to the
    /// next colon, read as JavaScript's `Number` does, and the actors after it, split at
    /// commas.
    fn task(&mut self, line: usize, name: &str, data: &str) {
        let shown = read_text(name);
        let title = shown.trim_start_matches(GUARD);
        let mut pieces = data.strip_prefix(':').unwrap_or(data).split(':');
        let score_text = pieces.next().unwrap_or_default();
        let number = js_number(score_text);
        let feeling = feeling_of_score(number);
        let kept_score = kept_score(score_text, number);
        let score_warning = kept_score.as_ref().map(|kept| {
            let (score, feeling) = if number.is_nan() {
                (
                    format!("has {kept:?} for its score, which Mermaid reads as no number"),
                    "neutral".to_owned(),
                )
            } else {
                (
                    format!("scores {kept}, which no feeling is (they are 1 to 5)"),
                    format!("{} ({})", feeling.symbol(), feeling.label()),
                )
            };
            Warning {
                line,
                message: format!(
                    "the task {:?} {score}; it imports as {feeling}, and the map keeps {kept} for exports to Mermaid until its feeling is changed",
                    shorten(title)
                ),
            }
        });
        self.flush_score_warning();
        let mut actors = Vec::new();
        let mut empty = false;
        for actor in pieces
            .next()
            .map(|list| list.split(','))
            .into_iter()
            .flatten()
        {
            let actor = read_text(actor);
            empty |= actor.is_empty();
            if !actor.is_empty() {
                actors.push(actor);
            }
        }
        if empty {
            self.warn(line, format!("the task {:?} has an empty actor (a comma, or the colon before the actors, with nothing after it): Mermaid draws an actor without a name, which motmap leaves out", shorten(title)));
        }
        if let Some(rest) = pieces.next() {
            self.warn(line, format!("the task {:?} has a third colon, after which Mermaid reads nothing: {:?} is left out", shorten(title), shorten(rest)));
        }
        let mut moment = Moment::new(title);
        moment.feeling = feeling;
        moment.mermaid_score = kept_score.clone();
        moment.personas = actors.clone();
        self.actors.extend(actors.iter().cloned());
        if self.stages.is_empty() {
            self.stages.push(Stage::new(""));
            self.shown_stages.push(None);
        }
        if let Some(stage) = self.stages.last_mut() {
            stage.moments.push(moment);
        }
        self.last_task = Some(Task {
            name: shown,
            score: number,
            kept_score,
            actors,
            score_warning,
        });
    }

    /// Says what the last task's score is kept as, if nothing said it is kept already.
    fn flush_score_warning(&mut self) {
        if let Some(warning) = self.last_task.as_mut().and_then(|t| t.score_warning.take()) {
            self.warnings.push(warning);
        }
    }

    fn last_moment(&mut self) -> Option<&mut Moment> {
        self.stages.last_mut()?.moments.last_mut()
    }

    fn finish(mut self) -> (Journey, Vec<Warning>) {
        self.flush_score_warning();
        self.warnings.sort_by_key(|w| w.line);
        let mut title = self.title;
        let (mut description, mut personas, mut next_id) = (String::new(), self.actors, 0);
        let mut comments = Vec::new();
        if let Some(meta) = self.meta {
            next_id = meta.next_id;
            if title.is_empty() || shows(&title, &meta.title, Place::Title) {
                title = meta.title;
            }
            description = meta.description;
            personas = meta.personas;
            comments = meta.comments;
        }
        let journey = Journey::from_parts(title, description, personas, self.stages)
            .with_comments(comments)
            .with_mermaid(self.mermaid)
            .count_from(next_id);
        (journey, self.warnings)
    }
}

/// A moment from its `%% motmap` comment, with whatever was changed on its task line since
/// the export taking precedence.
fn merge_task(mut moment: Moment, shown: &Task) -> Moment {
    if !shows(&shown.name, &task_name(&moment), Place::Task) {
        moment.title = shown.name.trim_start_matches(GUARD).to_owned();
    }
    let exported = js_number(&task_score(&moment));
    let same = shown.score == exported || (shown.score.is_nan() && exported.is_nan());
    if !same {
        moment.feeling = feeling_of_score(shown.score);
        moment.mermaid_score = shown.kept_score.clone();
    }
    let legacy_actors: Vec<String> = actors(&moment)
        .iter()
        .map(|actor| legacy(actor, Place::Actor))
        .collect();
    if shown.actors != actors(&moment) && shown.actors != legacy_actors {
        moment.personas = shown.actors.clone();
    }
    moment
}

/// A score as JavaScript's `Number(text)` reads it, as Mermaid does: white space around it
/// is ignored, nothing is 0, `Infinity`, decimals with an exponent, and `0x`, `0o`, `0b`
/// integers are numbers, and anything else is NaN.
fn js_number(text: &str) -> f64 {
    let text = text.trim_matches(is_js_space);
    if text.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = text
            .get(..2)
            .filter(|p| p.eq_ignore_ascii_case(prefix))
            .map(|_| &text[2..])
        {
            return digits
                .chars()
                .map(|d| d.to_digit(radix))
                .try_fold(0f64, |n, d| Some(n * f64::from(radix) + f64::from(d?)))
                .filter(|_| !digits.is_empty())
                .unwrap_or(f64::NAN);
        }
    }
    let (sign, unsigned) = match text.as_bytes()[0] {
        b'-' => (-1.0, &text[1..]),
        b'+' => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    if unsigned == "Infinity" {
        return sign * f64::INFINITY;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) || !exponent_ok {
        return f64::NAN;
    }
    let number = format!(
        "{}{whole}.{fraction}0{}",
        if whole.is_empty() { "0" } else { "" },
        exponent.map(|e| format!("e{e}")).unwrap_or_default()
    );
    number.parse::<f64>().map_or(f64::NAN, |n| sign * n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_become_entity_codes_mermaid_reads_back() {
        assert_eq!(
            encode("10:30; #1 at 100%%", Place::Task),
            "10#58;30#59; #35;1 at 100%#37;"
        );
        assert_eq!(
            encode("Smith, John <3", Place::Actor),
            "Smith#44; John #60;3"
        );
        assert_eq!(encode("Q3: plans", Place::Title), "Q3: plans");
        assert_eq!(encode("Lifestyle: #1", Place::Title), "Lifestyle#58; #35;1");
        assert_eq!(
            encode(" two\nlines \u{2028}x", Place::Section),
            "two lines <br>x"
        );
        // Entity codes reach it as Mermaid's markers.
        assert_eq!(read_text(" Aﬂ°°35¶ß<BR />bﬂ°quot¶ß "), "A#\u{2028}b\"");
    }

    #[test]
    fn a_task_named_like_a_keyword_gets_its_first_letter_as_a_code() {
        assert_eq!(encode("Journey planner", Place::Task), "#74;ourney planner");
        assert_eq!(encode("%20 off", Place::Task), "#37;20 off");
        assert_eq!(
            encode("Plans the journey", Place::Task),
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
        assert_eq!(feeling_of_score(3.5).value(), 1);
        assert_eq!(feeling_of_score(f64::NAN).value(), 0);
        assert_eq!(feeling_of_score(f64::NEG_INFINITY).value(), -2);
    }

    #[test]
    fn scores_are_numbers_as_javascript_reads_them() {
        for (text, number) in [
            ("5", 5.0),
            (" 13 ", 13.0),
            ("-1", -1.0),
            ("3.5", 3.5),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e1", 10.0),
            ("0x10", 16.0),
            ("", 0.0),
            ("  ", 0.0),
            ("-Infinity", f64::NEG_INFINITY),
        ] {
            assert_eq!(js_number(text), number, "{text:?}");
        }
        for text in ["lots", "2rem", "inf", "NaN", "-0x1", "1e", "."] {
            assert!(js_number(text).is_nan(), "{text:?}");
        }
    }

    #[test]
    fn each_persona_is_an_actor_and_the_channel_stands_in_for_none() {
        let mut moment = Moment::new("Do work");
        moment.channel = "Phone".into();
        assert_eq!(actors(&moment), ["Phone"]);
        moment.personas = vec!["Me".into(), "Smith, John".into()];
        assert_eq!(actors(&moment), ["Me", "Smith, John"]);
        moment.channel.clear();
        moment.personas.clear();
        assert!(actors(&moment).is_empty());
    }
}
