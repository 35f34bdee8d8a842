//! The real binary, run in a temporary directory that is its whole world: HOME and the
//! XDG directories point inside it, so a test never reads or writes the settings, maps or
//! git configuration of the person running the tests, and the colour settings of their
//! terminal are not passed on.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The motmap binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_motmap");

/// Variables of the terminal the tests run in that change what motmap prints; removed
/// unless a test sets them itself.
pub const REMOVED: [&str; 2] = ["NO_COLOR", "COLORTERM"];

/// HOME and the XDG directories, all inside `dir`, as (name, value) pairs: the same
/// isolation for a `Command` and for the pseudo-terminal's `CommandBuilder`. The default
/// map is then `dir/data/motmap/journey.ron` and the settings `dir/config/motmap/config.ron`.
pub fn isolated_env(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![
        ("HOME", dir.to_path_buf()),
        ("XDG_DATA_HOME", dir.join("data")),
        ("XDG_CONFIG_HOME", dir.join("config")),
        ("XDG_STATE_HOME", dir.join("state")),
        ("XDG_CACHE_HOME", dir.join("cache")),
    ]
}

/// `program` to be run in `dir` with the isolated environment; git too, so it never reads
/// the user's `~/.gitconfig`.
pub fn command(program: impl AsRef<OsStr>, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command.current_dir(dir).envs(isolated_env(dir));
    for name in REMOVED {
        command.env_remove(name);
    }
    command
}

/// Runs motmap with `args` in `dir` and waits for it to finish.
pub fn motmap(dir: &Path, args: &[&str]) -> Output {
    command(BIN, dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// What the program printed, as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// What the program said on stderr, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}
