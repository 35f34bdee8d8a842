//! The user's own editor for long text: `$VISUAL`, else `$EDITOR` (split on whitespace,
//! so `code --wait` works), run on the text in a file of a private temporary directory,
//! named after what it holds so the editor shows it sensibly. It waits for the editor
//! and reads the file back; the terminal is the run loop's to hand over and take back.

use std::path::Path;
use std::process::Command;

use crate::app::{EditorOutcome, ExternalEdit};

/// Runs the user's editor on `request`'s text and says what came of it.
pub fn edit(request: &ExternalEdit) -> EditorOutcome {
    let Some(command) = editor_command(|name| std::env::var(name).ok()) else {
        return EditorOutcome::NoEditor;
    };
    let editor = command.join(" ");
    let failed = |reason: std::io::Error| EditorOutcome::Failed {
        editor: editor.clone(),
        reason: reason.to_string(),
    };
    let dir = match tempfile::Builder::new().prefix("motmap-").tempdir() {
        Ok(dir) => dir,
        Err(error) => return failed(error),
    };
    let path = dir.path().join(file_name(request));
    if let Err(error) = std::fs::write(&path, with_final_newline(&request.text)) {
        return failed(error);
    }
    match run(&command, &path) {
        Err(error) => failed(error),
        Ok(status) if !status.success() => EditorOutcome::ExitStatus {
            editor,
            code: status.code(),
        },
        Ok(_) => match std::fs::read(&path) {
            Ok(bytes) => EditorOutcome::Wrote(String::from_utf8_lossy(&bytes).into_owned()),
            Err(error) => failed(error),
        },
    }
}

/// The editor's program and its arguments: `$VISUAL` if set, else `$EDITOR`, split on
/// whitespace; `None` when neither is set to anything.
fn editor_command(var: impl Fn(&str) -> Option<String>) -> Option<Vec<String>> {
    ["VISUAL", "EDITOR"].iter().find_map(|name| {
        let words: Vec<String> = var(name)?.split_whitespace().map(str::to_owned).collect();
        (!words.is_empty()).then_some(words)
    })
}

/// Runs the editor's `command` on the file at `path`, in this terminal, and waits for it.
fn run(command: &[String], path: &Path) -> std::io::Result<std::process::ExitStatus> {
    Command::new(&command[0])
        .args(&command[1..])
        .arg(path)
        .status()
}

/// `motmap-notes-long-queue-at-the-counter.md`: what the file holds and whose, in letters
/// and digits any file system takes, not too long for an editor's status line.
fn file_name(request: &ExternalEdit) -> String {
    let mut slug = String::new();
    for c in request.title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let what = request.field.label().to_lowercase().replace(' ', "-");
    if slug.is_empty() {
        format!("motmap-{what}.md")
    } else {
        format!("motmap-{what}-{slug}.md")
    }
}

/// A text file ends with a line break, as editors expect; an empty one stays empty.
fn with_final_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::DetailField;
    use crate::model::Id;

    fn request(title: &str, field: DetailField) -> ExternalEdit {
        ExternalEdit {
            moment: Id(1),
            field,
            text: String::new(),
            title: title.to_owned(),
        }
    }

    #[test]
    fn the_file_is_named_after_the_field_and_the_title() {
        assert_eq!(
            file_name(&request("Long queue at the counter!", DetailField::Notes)),
            "motmap-notes-long-queue-at-the-counter.md"
        );
        assert_eq!(
            file_name(&request("줄이 길다 / 30분", DetailField::Idea)),
            "motmap-idea-줄이-길다-30분.md"
        );
        assert_eq!(
            file_name(&request("../..", DetailField::Title)),
            "motmap-title.md"
        );
    }

    #[test]
    fn visual_comes_first_then_editor_split_on_whitespace() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            editor_command(env(&[("VISUAL", "code --wait"), ("EDITOR", "vim")])),
            Some(vec!["code".to_owned(), "--wait".to_owned()])
        );
        assert_eq!(
            editor_command(env(&[("VISUAL", "  "), ("EDITOR", "nano")])),
            Some(vec!["nano".to_owned()])
        );
        assert_eq!(editor_command(env(&[])), None);
    }
}
