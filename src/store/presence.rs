//! Who has a map open: one small file per editor, hidden beside the map
//! (`.cafe.ron.motmap-HOST.PID.N`), saying who it is, whether it edits or only reads,
//! which card it has selected and which version of the map it wrote last. Each editor
//! writes only its own file and removes it when it quits, so one quitting never hides
//! another; an editor that crashed is recognised as gone (on this machine at once, its
//! process being gone; from another machine once it stops renewing its file) and its file
//! is cleared by whoever notices.
//!
//! Also the short lock a save holds while it reads, merges and writes the map, so two
//! saves never interleave. It is taken on the map's directory, never held while editing,
//! and leaves no file behind.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Durable, directory_of, motmap_runs, resolve_symlink, this_host, write_atomic_to};

/// How often an editor renews its file while an editor on another machine is there: on
/// one machine, a process's being there is enough, and an idle editor writes nothing.
pub const RENEW_EVERY: Duration = Duration::from_secs(10);

/// A file from another machine not renewed for this long belongs to an editor that is gone.
pub const STALE_AFTER: Duration = Duration::from_secs(30);

/// One editor on a map, as its file says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// The person: the `name` setting, else `user@host`.
    pub name: String,
    pub host: String,
    pub pid: u32,
    /// Whether it may change the map (`false`: it follows it, read-only).
    pub editing: bool,
    /// The id of the card it has selected.
    #[serde(default)]
    pub selected: Option<u64>,
    /// The content hash of the map as this editor last wrote it, so others can say whose
    /// changes came in.
    #[serde(default)]
    pub wrote: Option<u64>,
    /// The name of the recovery file this editor keeps its unsaved changes in, which no
    /// one else is offered while it runs.
    #[serde(default)]
    pub recovery: Option<String>,
    /// When the file was last written, in seconds since 1970.
    pub seen: u64,
}

impl Presence {
    /// The first letters of the name's first two words, or its first two letters: what
    /// marks this editor's card on the others' boards.
    pub fn initials(&self) -> String {
        let name = self.name.split('@').next().unwrap_or_default();
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || c == '.' || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .collect();
        let letters: String = match words.as_slice() {
            [first, second, ..] => first
                .chars()
                .take(1)
                .chain(second.chars().take(1))
                .collect(),
            [only] => only.chars().take(2).collect(),
            [] => "?".into(),
        };
        letters.to_uppercase()
    }

    /// Whether the editor that wrote this is gone: on this machine, its process no longer
    /// runs; from another, it stopped renewing its file.
    fn is_gone(&self, seconds_now: u64) -> bool {
        if self.host == this_host() {
            return Path::new("/proc").is_dir() && !motmap_runs(&self.pid.to_string());
        }
        seconds_now.saturating_sub(self.seen) > STALE_AFTER.as_secs()
    }
}

/// This editor's own file beside a map; removed when dropped.
#[derive(Debug)]
pub struct Here {
    path: PathBuf,
    /// What this editor wants the file to say.
    me: Presence,
    /// What the file says, as last written.
    written: Option<Presence>,
    renewed: Instant,
}

impl Here {
    /// Writes this editor's file beside `map`.
    pub fn join(map: &Path, name: &str, editing: bool, now: Instant) -> io::Result<Here> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let pid = std::process::id();
        let path = sibling_named(
            map,
            &format!(
                "{}.{pid}.{}",
                this_host(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ),
        );
        let me = Presence {
            name: name.to_owned(),
            host: this_host(),
            pid,
            editing,
            selected: None,
            wrote: None,
            recovery: None,
            seen: seconds_now(),
        };
        let mut here = Here {
            path,
            me,
            written: None,
            renewed: now,
        };
        here.write()?;
        Ok(here)
    }

    pub fn me(&self) -> &Presence {
        &self.me
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes what the file should say; [`Here::publish`] writes it.
    pub fn me_mut(&mut self) -> &mut Presence {
        &mut self.me
    }

    /// Writes the file when what it should say changed, or when it is due for renewal
    /// (only while `renew` is asked: an editor from another machine is there).
    pub fn publish(&mut self, renew: bool, now: Instant) -> io::Result<()> {
        let due = renew && now.saturating_duration_since(self.renewed) >= RENEW_EVERY;
        let same = self.written.as_ref().is_some_and(|written| {
            Presence {
                seen: written.seen,
                ..self.me.clone()
            } == *written
        });
        if same && !due {
            return Ok(());
        }
        self.renewed = now;
        self.me.seen = seconds_now();
        self.write()
    }

    fn write(&mut self) -> io::Result<()> {
        let body = ron::to_string(&self.me).map_err(io::Error::other)?;
        let text =
            format!("// motmap has this map open; it removes this file when it quits\n{body}\n");
        // It only needs to outlive this process, not the machine: no fsync.
        write_atomic_to(&self.path, text.as_bytes(), None, Durable::No)?;
        self.written = Some(self.me.clone());
        Ok(())
    }
}

impl Drop for Here {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// The other editors that have `map` open now, in a stable order (by name, then process).
/// Files of editors that are gone are removed on the way.
pub fn others(map: &Path, mine: Option<&Path>) -> Vec<Presence> {
    let prefix = file_prefix(map);
    let Ok(entries) = fs::read_dir(directory_of(&resolve_symlink(map))) else {
        return Vec::new();
    };
    let now = seconds_now();
    let mut found: Vec<Presence> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|entry| Some(entry.file_name().as_os_str()) != mine.and_then(Path::file_name))
        .map(|entry| entry.path())
        .filter_map(|path| {
            let presence = read(&path)?;
            if presence.is_gone(now) {
                let _ = fs::remove_file(&path);
                return None;
            }
            Some(presence)
        })
        .collect();
    found.sort_by(|a, b| (&a.name, &a.host, a.pid).cmp(&(&b.name, &b.host, b.pid)));
    found
}

fn read(path: &Path) -> Option<Presence> {
    let text = fs::read_to_string(path).ok()?;
    let body: String = text.lines().filter(|l| !l.starts_with("//")).collect();
    ron::from_str(&body).ok()
}

/// `.cafe.ron.motmap-`: how the presence files of `cafe.ron` begin.
fn file_prefix(map: &Path) -> String {
    let map = resolve_symlink(map);
    let name = map.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.motmap-")
}

fn sibling_named(map: &Path, tail: &str) -> PathBuf {
    let map = resolve_symlink(map);
    map.with_file_name(format!("{}{tail}", file_prefix(&map)))
}

fn seconds_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The lock a save holds while it reads, merges and writes `map`: an exclusive advisory
/// lock on the map's directory, released when the guard is dropped. Waits up to two
/// seconds for another editor's save to finish.
pub fn lock_for_writing(map: &Path) -> io::Result<File> {
    let directory = File::open(directory_of(&resolve_symlink(map)))?;
    let give_up = Instant::now() + Duration::from_secs(2);
    loop {
        match directory.try_lock() {
            Ok(()) => return Ok(directory),
            Err(fs::TryLockError::WouldBlock) if Instant::now() < give_up => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another motmap has been saving this map for two seconds",
                ));
            }
            Err(fs::TryLockError::Error(error)) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Presence {
        Presence {
            name: name.into(),
            host: "h".into(),
            pid: 1,
            editing: true,
            selected: None,
            wrote: None,
            recovery: None,
            seen: 0,
        }
    }

    #[test]
    fn initials_read_without_colour() {
        assert_eq!(named("Ana Lima").initials(), "AL");
        assert_eq!(named("ben@server").initials(), "BE");
        assert_eq!(named("지민").initials(), "지민");
        assert_eq!(named("").initials(), "?");
    }
}
