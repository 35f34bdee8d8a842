//! The `:` command line's commands, as a vim user types them: what each is called and
//! does (for the help, the README and Tab), reading a typed line into a command, and the
//! candidates Tab goes through. Any action's name is a command too: it does what the
//! action's key does.

use crate::action::Action;
use crate::share::Format;

/// A command typed after `:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `:w`: save.
    Write,
    /// `:q`; with `force` (`:q!`), quit without saving.
    Quit { force: bool },
    /// `:wq` (saves) and `:x` (saves only when something changed), then quit.
    WriteQuit { only_if_changed: bool },
    /// `:e FILE`: open FILE in this editor, or the map itself again when there is none;
    /// with `force` (`:e!`), unsaved changes are dropped.
    Edit { path: Option<String>, force: bool },
    /// `:export FORMAT [PATH]`: beside the map when no path is given. (`:export` alone
    /// opens the export menu, as the action of that name does.)
    Export {
        format: Format,
        path: Option<String>,
    },
    /// `:3`: the stage of that number, counting from 1.
    Stage(usize),
    /// `:help`.
    Help,
    /// An action's name: what its key does.
    Action(Action),
}

/// A command as the help and the README list it: the words that call it (which Tab
/// completes), how it is typed, and what it does.
pub struct CommandHelp {
    pub words: &'static [&'static str],
    pub usage: &'static str,
    pub description: &'static str,
}

/// Every command, as the help and the README list them.
pub const COMMANDS: [CommandHelp; 9] = [
    CommandHelp {
        words: &["w"],
        usage: ":w",
        description: "save the map",
    },
    CommandHelp {
        words: &["q"],
        usage: ":q",
        description: "quit; refused while changes are unsaved",
    },
    CommandHelp {
        words: &["q!"],
        usage: ":q!",
        description: "quit without saving",
    },
    CommandHelp {
        words: &["wq", "x"],
        usage: ":wq :x",
        description: "save and quit (:x saves only when something changed)",
    },
    CommandHelp {
        words: &["e", "e!"],
        usage: ":e :e!",
        description: "FILE: open another map here; refused while changes are unsaved, which :e! drops; alone, read this map again",
    },
    CommandHelp {
        words: &["export"],
        usage: ":export",
        description: "FORMAT [PATH]: export as mermaid, markdown, csv, html or json, beside the map or to PATH; alone, the export menu",
    },
    CommandHelp {
        words: &[],
        usage: ":3",
        description: "go to the stage of that number",
    },
    CommandHelp {
        words: &["help"],
        usage: ":help",
        description: "show every key and command",
    },
    CommandHelp {
        words: &[],
        usage: ":NAME",
        description: "do what an action's key does, by the action's name (in the help and the key table)",
    },
];

/// The formats `:export` takes, as typed.
const FORMATS: &str = "mermaid, markdown, csv, html or json";

/// Reads a typed command (without its `:`); when it is none, says what to type instead.
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim().trim_start_matches(':').trim_start();
    let (word, rest) = match line.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim()),
        None => (line, ""),
    };
    let argument = (!rest.is_empty()).then(|| rest.to_owned());
    let takes_nothing = |command: Command| {
        if rest.is_empty() {
            Ok(command)
        } else {
            Err(format!(
                "`:{word}` takes nothing after it; :help lists the commands."
            ))
        }
    };
    match word {
        "w" | "write" => takes_nothing(Command::Write),
        "q" | "quit" => takes_nothing(Command::Quit { force: false }),
        "q!" | "quit!" => takes_nothing(Command::Quit { force: true }),
        "wq" => takes_nothing(Command::WriteQuit {
            only_if_changed: false,
        }),
        "x" | "exit" => takes_nothing(Command::WriteQuit {
            only_if_changed: true,
        }),
        "e" | "edit" => Ok(Command::Edit {
            path: argument,
            force: false,
        }),
        "e!" | "edit!" => Ok(Command::Edit {
            path: argument,
            force: true,
        }),
        "export" => export(rest),
        "help" | "h" => takes_nothing(Command::Help),
        _ if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) => {
            match word.parse::<usize>() {
                Ok(0) => Err("Stages are numbered from 1: :1 is the first.".into()),
                Ok(n) => takes_nothing(Command::Stage(n)),
                Err(_) => Err(format!("There is no stage {word}.")),
            }
        }
        _ => match Action::named(word) {
            Some(action) => takes_nothing(Command::Action(action)),
            None => Err(format!(
                "Unknown command `:{word}`; Tab completes, :help lists them."
            )),
        },
    }
}

/// `:export FORMAT [PATH]`, from what follows `export`.
fn export(rest: &str) -> Result<Command, String> {
    let (name, path) = match rest.split_once(char::is_whitespace) {
        Some((name, path)) => (name, Some(path.trim().to_owned())),
        None => (rest, None),
    };
    if name.is_empty() {
        return Ok(Command::Action(Action::Export));
    }
    let format = Format::ALL
        .into_iter()
        .find(|f| f.name().eq_ignore_ascii_case(name) || f.extension() == name)
        .ok_or_else(|| format!("No format `{name}`: :export takes {FORMATS}."))?;
    Ok(Command::Export { format, path })
}

/// The candidates Tab goes through for a word of the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What comes before the word completed (`export ` for a format).
    pub stem: String,
    pub candidates: Vec<String>,
    /// The candidate on the line now.
    pub at: usize,
}

impl Completion {
    /// The candidates for the last word of `typed`: a command or an action's name (of
    /// `names`, those that do something where the line was opened), or after `export` a
    /// format. `None` when nothing completes it.
    pub fn of(typed: &str, names: &[&str]) -> Option<Completion> {
        let typed = typed.trim_start();
        let (stem, word, candidates): (String, &str, Vec<String>) =
            match typed.split_once(char::is_whitespace) {
                Some(("export", format)) if !format.trim_start().contains(char::is_whitespace) => {
                    let format = format.trim_start();
                    let formats = Format::ALL.iter().map(|f| f.name().to_lowercase());
                    ("export ".into(), format, formats.collect())
                }
                Some(_) => return None,
                None => {
                    let words = COMMANDS.iter().flat_map(|c| c.words.iter());
                    let mut names: Vec<&str> = names.to_vec();
                    names.sort_unstable();
                    names.dedup();
                    let mut all: Vec<String> = Vec::new();
                    for word in words.copied().chain(names) {
                        if !all.iter().any(|w| w == word) {
                            all.push(word.to_owned());
                        }
                    }
                    (String::new(), typed, all)
                }
            };
        let candidates: Vec<String> = candidates
            .into_iter()
            .filter(|c| c.starts_with(word))
            .collect();
        (!candidates.is_empty()).then_some(Completion {
            stem,
            candidates,
            at: 0,
        })
    }

    /// The line with the candidate chosen now.
    pub fn line(&self) -> String {
        format!("{}{}", self.stem, self.candidates[self.at])
    }

    /// The next candidate (`1`) or the previous (`-1`), going round.
    pub fn step(&mut self, by: isize) {
        let len = self.candidates.len() as isize;
        self.at = (self.at as isize + by).rem_euclid(len) as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vim_commands_read_as_vim_reads_them() {
        assert_eq!(parse("w"), Ok(Command::Write));
        assert_eq!(parse(" q! "), Ok(Command::Quit { force: true }));
        assert_eq!(
            parse("x"),
            Ok(Command::WriteQuit {
                only_if_changed: true
            })
        );
        assert_eq!(
            parse("e! other map.ron"),
            Ok(Command::Edit {
                path: Some("other map.ron".into()),
                force: true
            })
        );
        assert_eq!(parse("3"), Ok(Command::Stage(3)));
        assert_eq!(parse("export"), Ok(Command::Action(Action::Export)));
        assert_eq!(
            parse("export CSV out/cafe.csv"),
            Ok(Command::Export {
                format: Format::Csv,
                path: Some("out/cafe.csv".into())
            })
        );
        assert_eq!(
            parse("export md"),
            Ok(Command::Export {
                format: Format::Markdown,
                path: None
            })
        );
        assert_eq!(
            parse("voting_round"),
            Ok(Command::Action(Action::VotingRound))
        );
    }

    #[test]
    fn a_command_that_is_none_says_what_to_type() {
        assert_eq!(
            parse("wx").unwrap_err(),
            "Unknown command `:wx`; Tab completes, :help lists them."
        );
        assert!(parse("export pdf").unwrap_err().contains("mermaid"));
        assert!(parse("w other.ron").unwrap_err().contains("takes nothing"));
        assert!(parse("0").unwrap_err().contains("from 1"));
    }

    #[test]
    fn tab_offers_commands_then_names_then_formats() {
        let names = ["quit", "add_vote", "add_moment"];
        let all = Completion::of("", &names).unwrap();
        assert_eq!(all.candidates[..3], ["w", "q", "q!"]);
        assert_eq!(
            all.candidates[all.candidates.len() - 3..],
            ["add_moment", "add_vote", "quit"]
        );
        let mut add = Completion::of("add", &names).unwrap();
        assert_eq!(add.line(), "add_moment");
        add.step(1);
        assert_eq!(add.line(), "add_vote");
        add.step(1);
        assert_eq!(add.line(), "add_moment", "round again");
        let formats = Completion::of("export m", &names).unwrap();
        assert_eq!(formats.candidates, ["mermaid", "markdown"]);
        assert_eq!(formats.line(), "export mermaid");
        assert_eq!(Completion::of("zzz", &names), None);
        assert_eq!(Completion::of("e some", &names), None, "no file names");
    }
}
