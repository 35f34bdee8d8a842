//! How Mermaid 11 reads a `journey` diagram, step by step as its own code does
//! (`preprocess.ts`, `Diagram.fromText`, `encodeEntities`, `journey.jison`): motmap reads the
//! statements Mermaid reads, with the line each starts on, and refuses what Mermaid refuses.
//!
//! Before its parser sees the text, Mermaid turns line endings into `\n`, rewrites
//! `attr="…"` inside an HTML tag as `attr='…'`, takes off the YAML front matter, removes
//! every `%%{…}%%` directive (one line or many), removes the lines that are `%%` comments,
//! and replaces each entity code (`#35;`, `#quot;`) with a marker that no rule of the lexer
//! stops at. The lexer then takes the first of its rules that matches, in their order.

use super::MermaidError;

/// One statement of a diagram as Mermaid's grammar reads it, its text still as written
/// (entity codes and `<br>` not yet read).
pub(super) enum Statement {
    /// `title …`: the text after `title` and one white-space character.
    Title(String),
    /// `accTitle: …`, an accessible title: the text after the colon, as written.
    AccTitle(String),
    /// `accDescr: …` on one line, or an `accDescr { … }` block: an accessible description,
    /// as written.
    AccDescr(String),
    /// `section …`: the text after `section` and one white-space character.
    Section(String),
    /// A task: its name, and its data from the colon on (`: 5: Me, Cat`).
    Task { name: String, data: String },
}

/// What Mermaid reads of a diagram, and what it sets aside before reading it.
pub(super) struct Diagram {
    /// The title the front matter gives, if it has one, and its other settings.
    pub front_matter: FrontMatter,
    /// Each `%%{…}%%` directive as written, with the line it starts on.
    pub directives: Vec<(usize, String)>,
    /// Every `%%` comment line, with its line: the text after `%%`.
    pub comments: Vec<(usize, String)>,
    /// The statements, each with the line it starts on.
    pub statements: Vec<(usize, Statement)>,
}

/// What motmap reads of YAML front matter (`---` lines around it, before `journey`).
#[derive(Default)]
pub(super) struct FrontMatter {
    /// The top-level `title:`, as Mermaid shows it.
    pub title: Option<String>,
    /// The YAML without its `title:` line, as written, when it has other settings
    /// (`config:`, `displayMode:`…).
    pub settings: Option<String>,
}

/// Reads `text` as Mermaid 11 does, or says on which line and why Mermaid refuses it.
pub(super) fn read(text: &str) -> Result<Diagram, MermaidError> {
    let mut text = Text::new(text);
    text.quote_attributes();
    let front_matter = text.front_matter()?;
    let directives = text.remove_directives();
    let comments = text.remove_comment_lines();
    text.expect_journey()?;
    text.encode_entities();
    let statements = Parser::new(&text).statements()?;
    Ok(Diagram {
        front_matter,
        directives,
        comments,
        statements,
    })
}

/// White space as JavaScript's `\s` and `trim()` see it: Rust's, and the byte order mark.
pub(super) fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A character of `\w` in a JavaScript regular expression.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Text as a list of characters, each with the line of the file it came from, so that what
/// Mermaid removes before parsing does not change the lines that messages name.
struct Text {
    chars: Vec<char>,
    lines: Vec<usize>,
}

impl Text {
    /// The file's text with `\r\n` and a lone `\r` read as `\n`, as Mermaid does first.
    fn new(source: &str) -> Text {
        let mut text = Text {
            chars: Vec::with_capacity(source.len()),
            lines: Vec::with_capacity(source.len()),
        };
        let mut line = 1;
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            let c = if c == '\r' {
                chars.next_if_eq(&'\n');
                '\n'
            } else {
                c
            };
            text.chars.push(c);
            text.lines.push(line);
            if c == '\n' {
                line += 1;
            }
        }
        text
    }

    /// The line of the character at `at`, or of the last one past the end.
    fn line(&self, at: usize) -> usize {
        self.lines
            .get(at)
            .or(self.lines.last())
            .copied()
            .unwrap_or(1)
    }

    fn at(&self, at: usize) -> Option<char> {
        self.chars.get(at).copied()
    }

    /// Whether `word` stands at `at`, compared as Mermaid's lexer does: in any case.
    fn word_at(&self, at: usize, word: &str) -> bool {
        let mut index = at;
        for expected in word.chars() {
            match self.at(index) {
                Some(c) if c.eq_ignore_ascii_case(&expected) => index += 1,
                _ => return false,
            }
        }
        true
    }

    /// Whether `exact` stands at `at`, to the letter.
    fn exact_at(&self, at: usize, exact: &str) -> bool {
        exact
            .chars()
            .enumerate()
            .all(|(i, c)| self.at(at + i) == Some(c))
    }

    /// The first index from `at` on where `stop` holds, or the end.
    fn skip_while(&self, at: usize, keep: impl Fn(char) -> bool) -> usize {
        let mut index = at;
        while self.at(index).is_some_and(&keep) {
            index += 1;
        }
        index
    }

    fn string(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }

    /// The text without the characters in `ranges` (sorted, apart).
    fn remove(&mut self, ranges: &[(usize, usize)]) {
        let mut keep = vec![true; self.chars.len()];
        for &(from, to) in ranges {
            keep[from..to].iter_mut().for_each(|k| *k = false);
        }
        let mut index = 0;
        self.chars.retain(|_| {
            index += 1;
            keep[index - 1]
        });
        let mut index = 0;
        self.lines.retain(|_| {
            index += 1;
            keep[index - 1]
        });
    }

    /// Whether the character at `at` is on one of motmap's own `%% motmap` comment lines,
    /// which are read as motmap wrote them: Mermaid drops them whole, but what it would
    /// rewrite in them first (quotes, directives) is JSON to motmap.
    fn in_motmap_comment(&self, at: usize) -> bool {
        let start = self.chars[..at.min(self.chars.len())]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1);
        self.exact_at(self.skip_while(start, is_js_space), "%% motmap ")
    }

    /// `<tag attr="value">` becomes `<tag attr='value'>` (Mermaid's `cleanupText`).
    fn quote_attributes(&mut self) {
        let mut at = 0;
        while at < self.chars.len() {
            if self.chars[at] == '<' && self.at(at + 1).is_some_and(is_word) {
                let attributes = self.skip_while(at + 1, is_word);
                if let Some(close) = (attributes..self.chars.len()).find(|&i| self.chars[i] == '>')
                {
                    let mut i = attributes;
                    while i < close {
                        if self.chars[i] == '='
                            && self.at(i + 1) == Some('"')
                            && let Some(end) = (i + 2..close).find(|&j| self.chars[j] == '"')
                            && !self.in_motmap_comment(i)
                            && !self.in_motmap_comment(end)
                        {
                            self.chars[i + 1] = '\'';
                            self.chars[end] = '\'';
                            i = end;
                        }
                        i += 1;
                    }
                    at = close;
                }
            }
            at += 1;
        }
    }

    /// Takes off the front matter (`frontMatterRegex`): `---`, a line break, the YAML, a
    /// line break, `---` and white space up to a line break. A file that starts with `---`
    /// without closing it is refused, as Mermaid refuses it.
    fn front_matter(&mut self) -> Result<FrontMatter, MermaidError> {
        if !self.exact_at(0, "---") {
            return Ok(FrontMatter::default());
        }
        let space_end = self.skip_while(3, is_js_space);
        // The opening line break is one in the white space after `---`; the last one first.
        for open in (3..space_end).rev().filter(|&i| self.chars[i] == '\n') {
            if let Some((close, end)) = self.front_matter_close(open + 1) {
                let yaml = self.string(open + 1, close);
                self.remove(&[(0, end)]);
                return Ok(read_front_matter(&yaml));
            }
        }
        Err(MermaidError {
            line: 1,
            message: "the front matter that starts with `---` on line 1 has no closing `---` line, so Mermaid refuses the diagram; close it with a line of `---`".into(),
        })
    }

    /// Where front matter whose YAML starts at `from` closes: the line break before the
    /// first closing `---` that white space and a line break follow, and the end of that
    /// white space's last line break.
    fn front_matter_close(&self, from: usize) -> Option<(usize, usize)> {
        (from..self.chars.len())
            .filter(|&i| self.chars[i] == '\n' && self.exact_at(i + 1, "---"))
            .find_map(|close| {
                let space_end = self.skip_while(close + 4, is_js_space);
                (close + 4..space_end)
                    .rev()
                    .find(|&i| self.chars[i] == '\n')
                    .map(|last_break| (close, last_break + 1))
            })
    }

    /// Removes every directive (`directiveRegex`): `%%{`, a word (and a colon), then a word
    /// or anything up to `}%%`, across lines, or to the end of the text when it never
    /// closes. Returns each as written, with the line it started on.
    fn remove_directives(&mut self) -> Vec<(usize, String)> {
        let mut ranges = Vec::new();
        let mut at = 0;
        while at < self.chars.len() {
            if let Some(end) = self
                .directive_at(at)
                .filter(|_| !self.in_motmap_comment(at))
            {
                ranges.push((at, end));
                at = end.max(at + 1);
            } else {
                at += 1;
            }
        }
        let directives = ranges
            .iter()
            .map(|&(from, to)| (self.line(from), self.string(from, to).trim_end().to_owned()))
            .collect();
        self.remove(&ranges);
        directives
    }

    /// The end of the directive that starts at `at`, if one does.
    fn directive_at(&self, at: usize) -> Option<usize> {
        if !self.exact_at(at, "%%{") {
            return None;
        }
        let word = self.skip_while(at + 3, is_js_space);
        let word_end = self.skip_while(word, is_word);
        if word_end == word {
            return None;
        }
        let after_word = self.skip_while(word_end, is_js_space);
        let mut end = if self.at(after_word) == Some(':') {
            after_word + 1
        } else {
            word_end
        };
        end = self.skip_while(end, is_js_space);
        if self.at(end).is_some_and(is_word) {
            end = self.skip_while(end, is_word);
        } else {
            while end < self.chars.len()
                && !self.exact_at(end, "}%%")
                && !matches!(self.chars[end], '\u{2028}' | '\u{2029}')
            {
                end += 1;
            }
        }
        end = self.skip_while(end, is_js_space);
        if self.exact_at(end, "}%%") {
            end += 3;
        }
        Some(end)
    }

    /// Removes the lines that are `%%` comments (`cleanupComments`), then the white space
    /// at the start. Returns each comment with its line, as the text after `%%`.
    fn remove_comment_lines(&mut self) -> Vec<(usize, String)> {
        let mut ranges = Vec::new();
        let mut comments = Vec::new();
        let mut start = 0;
        while start < self.chars.len() {
            let first = self.skip_while(start, is_js_space);
            let line_end = self.skip_while(first, |c| c != '\n');
            let is_comment = self.exact_at(first, "%%")
                && self.at(first + 2).is_some_and(|c| c != '{' && c != '\n');
            if is_comment {
                comments.push((self.line(first), self.string(first + 2, line_end)));
                ranges.push((start, (line_end + 1).min(self.chars.len())));
            }
            // The next line that starts after this one's first character.
            let next_line = self.skip_while(start, |c| c != '\n') + 1;
            start = if is_comment { line_end + 1 } else { next_line };
        }
        self.remove(&ranges);
        let leading = self.skip_while(0, is_js_space);
        self.remove(&[(0, leading)]);
        comments
    }

    /// Refuses a text that Mermaid does not take for a journey: after white space and
    /// `%%` comments it must start with `journey`, in small letters.
    fn expect_journey(&self) -> Result<(), MermaidError> {
        let mut at = 0;
        loop {
            at = self.skip_while(at, is_js_space);
            let line_end = self.skip_while(at, |c| c != '\n');
            if self.exact_at(at, "%%") && line_end < self.chars.len() {
                at = line_end + 1;
            } else {
                break;
            }
        }
        if self.exact_at(at, "journey") {
            return Ok(());
        }
        if at >= self.chars.len() {
            return Err(MermaidError {
                line: 1,
                message: "the file has no `journey` line, so it is not a Mermaid journey diagram"
                    .into(),
            });
        }
        let line_end = self.skip_while(at, |c| c != '\n');
        Err(MermaidError {
            line: self.line(at),
            message: format!(
                "expected `journey`, the first word of a Mermaid journey diagram, but found {:?}; motmap imports Mermaid journeys only",
                super::shorten(&self.string(at, line_end))
            ),
        })
    }

    /// Mermaid's `encodeEntities`: drops the last `;` of a line where `style` or
    /// `classDef` comes before `:`, `#` and that `;`, then replaces each `#name;` and
    /// `#123;` with a marker the lexer reads as plain text; [`decode`] reads it back.
    fn encode_entities(&mut self) {
        for keyword in ["style", "classDef"] {
            let mut drop = Vec::new();
            let mut start = 0;
            while start < self.chars.len() {
                let end = self.skip_while(start, |c| c != '\n');
                if let Some(semicolon) = self.styled_semicolon(start, end, keyword) {
                    drop.push((semicolon, semicolon + 1));
                }
                start = end + 1;
            }
            self.remove(&drop);
        }
        let mut chars = Vec::with_capacity(self.chars.len());
        let mut lines = Vec::with_capacity(self.lines.len());
        let mut at = 0;
        while at < self.chars.len() {
            let name_end = self.skip_while(at + 1, is_word);
            if self.chars[at] == '#' && name_end > at + 1 && self.at(name_end) == Some(';') {
                let name = self.string(at + 1, name_end);
                let open = if name.chars().all(|c| c.is_ascii_digit()) {
                    NUMBER_MARK
                } else {
                    NAME_MARK
                };
                let marker = format!("{open}{name}{END_MARK}");
                lines.extend(std::iter::repeat_n(self.lines[at], marker.chars().count()));
                chars.extend(marker.chars());
                at = name_end + 1;
            } else {
                chars.push(self.chars[at]);
                lines.push(self.lines[at]);
                at += 1;
            }
        }
        self.chars = chars;
        self.lines = lines;
    }

    /// The `;` that `/keyword.*:\S*#.*;/` ends on in the line from `start` to `end`: the
    /// line's last, when a `:` after `keyword` leads without white space to a `#` before it.
    fn styled_semicolon(&self, start: usize, end: usize, keyword: &str) -> Option<usize> {
        let found = (start..end).find(|&i| self.exact_at(i, keyword))?;
        let semicolon = (start..end).rev().find(|&i| self.chars[i] == ';')?;
        (found + keyword.len()..semicolon)
            .filter(|&i| self.chars[i] == ':')
            .any(|colon| {
                (colon + 1..semicolon)
                    .take_while(|&i| !is_js_space(self.chars[i]))
                    .any(|i| self.chars[i] == '#')
            })
            .then_some(semicolon)
    }
}

/// Opens the marker Mermaid puts for a numeric entity code (`#35;`).
const NUMBER_MARK: &str = "ﬂ°°";
/// Opens the marker Mermaid puts for a named entity code (`#quot;`).
const NAME_MARK: &str = "ﬂ°";
/// Closes either marker.
const END_MARK: &str = "¶ß";

/// Whether `text` is one `%%{…}%%` directive and nothing else, as Mermaid reads one.
pub(super) fn is_one_directive(text: &str) -> bool {
    let text = Text::new(text);
    text.directive_at(0) == Some(text.chars.len())
}

/// Text from the lexer with its entity markers as they were written (`#35;`, `#quot;`),
/// and without white space at the end.
fn as_written(text: &str) -> String {
    text.replace(NUMBER_MARK, "#")
        .replace(NAME_MARK, "#")
        .replace(END_MARK, ";")
        .trim_end()
        .to_owned()
}

/// Text with Mermaid's entity markers read as the browser shows them once Mermaid's
/// `decodeEntities` has made them `&#35;` and `&quot;` again: the character, or for a name
/// HTML does not know, the code as written with `&`.
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(NAME_MARK) {
        out.push_str(&rest[..at].replace(END_MARK, ";"));
        rest = &rest[at..];
        let (numeric, inner) = match rest.strip_prefix(NUMBER_MARK) {
            Some(inner) => (true, inner),
            None => (false, &rest[NAME_MARK.len()..]),
        };
        let name_len = inner.find(|c: char| !is_word(c)).unwrap_or(inner.len());
        let name = &inner[..name_len];
        match inner[name_len..].strip_prefix(END_MARK) {
            Some(after) if !name.is_empty() => {
                if numeric {
                    out.push(super::entities::numeric(name));
                } else if let Some(value) = super::entities::named(name) {
                    out.push_str(&value);
                } else {
                    out.push('&');
                    out.push_str(name);
                    out.push(';');
                }
                rest = after;
            }
            // A marker that is not one: Mermaid replaces its pieces one by one.
            _ => {
                out.push_str(if numeric { "&#" } else { "&" });
                rest = inner;
            }
        }
    }
    out.push_str(&rest.replace(END_MARK, ";"));
    out
}

/// The title and the other settings of front matter.
fn read_front_matter(yaml: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    let mut settings = String::new();
    let mut any = false;
    let mut lines = yaml.lines().peekable();
    while let Some(line) = lines.next() {
        // Only top-level keys: `title:` under `config:` is something else.
        let top_level =
            !(line.starts_with(char::is_whitespace) || line.starts_with('#') || line.is_empty());
        match line.trim_end().strip_prefix("title:") {
            Some(title) if top_level => {
                let title = title.trim();
                front.title = Some(if title.starts_with(['|', '>']) {
                    // A block scalar: the indented lines below, read as one line.
                    let mut parts = Vec::new();
                    while let Some(more) = lines.next_if(|l| l.is_empty() || l.starts_with(' ')) {
                        parts.push(more.trim());
                    }
                    parts.retain(|p| !p.is_empty());
                    parts.join(" ")
                } else {
                    yaml_scalar(title)
                });
            }
            _ => {
                any |= top_level;
                settings.push_str(line);
                settings.push('\n');
            }
        }
    }
    front.settings = any.then_some(settings);
    front
}

/// A YAML scalar as written on one line: `"…"` with backslash escapes, `'…'` with `''`
/// for a quote, or plain; a comment after it is not part of it.
fn yaml_scalar(text: &str) -> String {
    if let Some(inner) = text.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push(' '),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => {}
                },
                c => out.push(c),
            }
        }
        out
    } else if let Some(inner) = text.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\'' if chars.next_if_eq(&'\'').is_some() => out.push('\''),
                '\'' => break,
                c => out.push(c),
            }
        }
        out
    } else {
        // A plain scalar ends at a comment.
        text.split(" #")
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }
}

/// A token of Mermaid's journey lexer.
enum Token {
    Journey,
    Title(String),
    AccTitle(String),
    AccDescr(String),
    Section(String),
    TaskName(String),
    TaskData(String),
    Colon,
    Newline,
    Semicolon,
    End,
}

/// Mermaid's journey lexer and grammar over the prepared text.
struct Parser<'a> {
    text: &'a Text,
    at: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a Text) -> Parser<'a> {
        Parser { text, at: 0 }
    }

    fn fail(&self, at: usize, message: String) -> MermaidError {
        MermaidError {
            line: self.text.line(at),
            message,
        }
    }

    /// `journey`, then statements and line breaks up to the end.
    fn statements(&mut self) -> Result<Vec<(usize, Statement)>, MermaidError> {
        let mut statements = Vec::new();
        let (start, first) = self.next()?;
        if !matches!(first, Token::Journey) {
            return Err(self.fail(
                start,
                "expected `journey` before anything else, as the first word of a Mermaid journey diagram".into(),
            ));
        }
        loop {
            let (start, token) = self.next()?;
            let line = self.text.line(start);
            let statement = match token {
                Token::End => return Ok(statements),
                Token::Newline => continue,
                Token::Title(text) => Statement::Title(text),
                Token::AccTitle(text) => Statement::AccTitle(text),
                Token::AccDescr(text) => Statement::AccDescr(text),
                Token::Section(name) => Statement::Section(name),
                Token::TaskName(name) => match self.next()? {
                    (_, Token::TaskData(data)) => Statement::Task { name, data },
                    (at, Token::Semicolon) => return Err(self.fail(at, SEMICOLON.into())),
                    _ => return Err(self.fail(start, format!(
                        "the task {:?} has no score: Mermaid reads a task as `Name: score` (a score from 1 to 5, then the actors after another colon) and refuses the diagram; add its score",
                        super::shorten(name.trim())
                    ))),
                },
                Token::TaskData(data) => {
                    let message = match statements.last() {
                        Some((_, Statement::Section(name))) => format!(
                            "Mermaid ends the section name {:?} at the colon and refuses the diagram for the {:?} after it; write a colon in a name as #58;",
                            super::shorten(name.trim()),
                            super::shorten(&data)
                        ),
                        _ => COLON.into(),
                    };
                    return Err(self.fail(start, message));
                }
                Token::Colon => return Err(self.fail(start, COLON.into())),
                Token::Semicolon => return Err(self.fail(start, SEMICOLON.into())),
                Token::Journey => return Err(self.fail(start, "Mermaid reads `journey` at the start of a line as the diagram's first word, which may only come once, and refuses the diagram; reword the line, or write its first letter as #106;".into())),
            };
            statements.push((line, statement));
        }
    }

    /// The next token, skipping what Mermaid's lexer skips.
    fn next(&mut self) -> Result<(usize, Token), MermaidError> {
        loop {
            let start = self.at;
            if let Some(token) = self.token()? {
                return Ok((start, token));
            }
        }
    }

    /// The token at the cursor, or `None` for what the lexer skips; the rules in
    /// `journey.jison`'s order, the first that matches winning.
    fn token(&mut self) -> Result<Option<Token>, MermaidError> {
        let text = self.text;
        let at = self.at;
        let Some(c) = text.at(at) else {
            return Ok(Some(Token::End));
        };
        let to_line_end = |from| text.skip_while(from, |c| c != '\n');
        // Comments: `%` not before `{`; any character but `}` before `%%`; `#`.
        if (c == '%' && text.at(at + 1) != Some('{'))
            || (c != '}' && text.exact_at(at + 1, "%%"))
            || c == '#'
        {
            self.at = to_line_end(at + 1);
            return Ok(None);
        }
        if c == '\n' {
            self.at = text.skip_while(at, |c| c == '\n');
            return Ok(Some(Token::Newline));
        }
        if is_js_space(c) {
            self.at = text.skip_while(at, is_js_space);
            return Ok(None);
        }
        if text.word_at(at, "journey") && !text.at(at + 7).is_some_and(is_word) {
            self.at = at + 7;
            return Ok(Some(Token::Journey));
        }
        if let Some(title) = self.keyword_text(at, "title", "#\n;") {
            return Ok(Some(Token::Title(title)));
        }
        for (word, opens) in [("acctitle", ':'), ("accdescr", ':'), ("accdescr", '{')] {
            if !text.word_at(at, word) {
                continue;
            }
            let mark = text.skip_while(at + word.len(), is_js_space);
            if text.at(mark) != Some(opens) {
                continue;
            }
            let value = text.skip_while(mark + 1, is_js_space);
            if opens == '{' {
                let close = text.skip_while(value, |c| c != '}');
                if close >= text.chars.len() {
                    return Err(self.fail(at, "the accessible description opened by `accDescr {` here is never closed with `}`, so Mermaid refuses the diagram; close it".into()));
                }
                self.at = close + 1;
                // Mermaid shows each line of a block without the white space around it.
                let block = as_written(&text.string(value, close));
                let lines: Vec<&str> = block.lines().map(str::trim).collect();
                return Ok(Some(Token::AccDescr(lines.join("\n"))));
            }
            self.at = to_line_end(value);
            let written = as_written(&text.string(value, self.at));
            return Ok(Some(if word == "acctitle" {
                Token::AccTitle(written)
            } else {
                Token::AccDescr(written)
            }));
        }
        if let Some(name) = self.keyword_text(at, "section", "#:\n;") {
            return Ok(Some(Token::Section(name)));
        }
        let name_end = text.skip_while(at, |c| !"#:\n;".contains(c));
        if name_end > at {
            self.at = name_end;
            return Ok(Some(Token::TaskName(text.string(at, name_end))));
        }
        if c == ':' {
            let data_end = text.skip_while(at + 1, |c| !"#\n;".contains(c));
            self.at = data_end;
            return Ok(Some(if data_end > at + 1 {
                Token::TaskData(text.string(at, data_end))
            } else {
                Token::Colon
            }));
        }
        // Only `;` is left: no rule but the last reads it.
        self.at = at + 1;
        Ok(Some(Token::Semicolon))
    }

    /// `keyword`, one white-space character, then one or more characters not in `stops`:
    /// the text after the white space.
    fn keyword_text(&mut self, at: usize, keyword: &str, stops: &str) -> Option<String> {
        let text = self.text;
        let after = at + keyword.len();
        if !text.word_at(at, keyword) || !text.at(after).is_some_and(is_js_space) {
            return None;
        }
        let end = text.skip_while(after + 1, |c| !stops.contains(c));
        (end > after + 1).then(|| {
            self.at = end;
            text.string(after + 1, end)
        })
    }
}

/// Why Mermaid refuses a colon that no task name comes before.
const COLON: &str = "a colon with no task name before it, so Mermaid refuses the diagram; write a task as `Name: score`, and a colon in a name as #58;";

/// Why Mermaid refuses a semicolon outside a comment.
const SEMICOLON: &str = "Mermaid's journey grammar refuses a `;` here (outside a comment, accTitle or accDescr); write it as #59; to show a semicolon";

#[cfg(test)]
mod tests {
    use super::*;

    fn statements(text: &str) -> Vec<String> {
        read(text)
            .unwrap()
            .statements
            .iter()
            .map(|(line, s)| match s {
                Statement::Title(t) => format!("{line} title {t}"),
                Statement::AccTitle(t) => format!("{line} accTitle {t}"),
                Statement::AccDescr(t) => format!("{line} accDescr {t}"),
                Statement::Section(t) => format!("{line} section {t}"),
                Statement::Task { name, data } => format!("{line} task {name}|{data}"),
            })
            .collect()
    }

    #[test]
    fn the_lexer_reads_as_mermaid_reads() {
        assert_eq!(
            statements("journey\n% Skipped: 1: Me\nTask %%x: 5: Me %% c\ntitle\nfoo\n"),
            ["3 task Task %%x|: 5: Me %% c", "4 title foo"]
        );
        assert_eq!(
            statements("journey\n  accTitle: X ; y #35;\n  accDescr {\n a: 1\n b }title T\n"),
            ["2 accTitle X ; y #35;", "3 accDescr a: 1\nb", "5 title T"]
        );
    }

    #[test]
    fn directives_front_matter_and_comments_are_set_aside_with_their_lines() {
        let diagram = read(
            "---\ntitle: Trip\nconfig:\n  theme: forest\n---\n%%{init: {\n 'theme': 'dark'\n}}%%\njourney\n  %% motmap x\n  A: 5\n",
        )
        .unwrap();
        assert_eq!(diagram.front_matter.title.as_deref(), Some("Trip"));
        assert_eq!(
            diagram.front_matter.settings.as_deref(),
            Some("config:\n  theme: forest\n")
        );
        assert_eq!(
            diagram.directives,
            [(6, "%%{init: {\n 'theme': 'dark'\n}}%%".to_owned())]
        );
        assert_eq!(diagram.comments, [(10, " motmap x".to_owned())]);
        assert_eq!(diagram.statements[0].0, 11);
    }

    #[test]
    fn a_front_matter_title_is_read_as_yaml_writes_it() {
        let title = |yaml: &str| read_front_matter(yaml).title;
        assert_eq!(
            title("title: \"Trip\" # the title\n").as_deref(),
            Some("Trip")
        );
        assert_eq!(title("title: 'It''s' # ok\n").as_deref(), Some("It's"));
        assert_eq!(title("title: Trip # the title\n").as_deref(), Some("Trip"));
        let block = read_front_matter("title: >-\n  A long\n  trip\nconfig:\n  theme: forest\n");
        assert_eq!(block.title.as_deref(), Some("A long trip"));
        assert_eq!(
            block.settings.as_deref(),
            Some("config:\n  theme: forest\n"),
            "the title's lines are not settings"
        );
    }

    #[test]
    fn one_directive_is_one_and_more_is_not() {
        assert!(is_one_directive("%%{init: {'theme': 'dark'}}%%"));
        assert!(is_one_directive("%%{init: {\n  'theme': 'dark'\n}}%%"));
        assert!(!is_one_directive(
            "%%{init: {}}%%\n    section Injected\n    Evil: 5: Mallory\n%%{x}%%"
        ));
    }

    #[test]
    fn entity_codes_are_read_as_the_browser_shows_them() {
        let diagram = read("journey\nA #35; b #quot;x#quot; #9829; #hearts; #foo;: 5\n").unwrap();
        let Statement::Task { name, .. } = &diagram.statements[0].1 else {
            panic!("a task");
        };
        assert_eq!(decode(name), "A # b \"x\" ♥ ♥ &foo;");
        // The last `;` of a line with `style`, `:` and `#` is dropped before entities.
        let diagram = read("journey\nLifestyle: 5:Me#35;\n").unwrap();
        let Statement::Task { data, .. } = &diagram.statements[0].1 else {
            panic!("a task");
        };
        assert_eq!(data, ": 5:Me");
    }

    #[test]
    fn what_mermaid_refuses_is_refused_with_its_line() {
        for (text, line, start) in [
            ("journey\nA\n", 2, "the task \"A\" has no score"),
            ("journey\nA:\n", 2, "the task \"A\" has no score"),
            (
                "journey\naccDescr {\n hello\nA: 5\n",
                2,
                "the accessible description",
            ),
            (
                "journey\nsection Step 1: Context\n",
                2,
                "Mermaid ends the section name",
            ),
            (
                "journey\nA: 5; B: 4\n",
                2,
                "Mermaid's journey grammar refuses a `;`",
            ),
            ("---\ntitle: x\njourney\n", 1, "the front matter"),
            ("Journey\nA: 5\n", 1, "expected `journey`"),
            ("%%\njourney\nA: 5\n", 1, "expected `journey` before"),
        ] {
            let error = read(text).err().unwrap();
            assert_eq!(error.line, line, "{text:?}");
            assert!(
                error.message.starts_with(start),
                "{text:?}: {}",
                error.message
            );
        }
    }
}
