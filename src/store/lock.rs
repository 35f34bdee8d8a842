//! The marker beside a map that says who has it open in an editor, so a second editor can
//! tell its user before two people edit the same file. A marker left by an editor that
//! crashed is recognised as stale and blocks no one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::write_atomic;

/// How often an open editor renews its marker.
pub const HEARTBEAT: Duration = Duration::from_secs(60);

/// A marker not renewed for this long belongs to an editor that is gone.
const STALE_AFTER: Duration = Duration::from_secs(3 * 60);

/// Who has a map open, as written in the marker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When the map was opened, in seconds since 1970.
    pub since: u64,
    /// When the marker was last renewed, in seconds since 1970.
    pub seen: u64,
}

impl Holder {
    fn me() -> Holder {
        let now = now();
        Holder {
            user: ["USER", "LOGNAME", "USERNAME"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
                .unwrap_or_else(|| "someone".into()),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            pid: std::process::id(),
            since: now,
            seen: now,
        }
    }

    /// `alice@laptop (process 4242), for 12 minutes`, as of the marker's last renewal (at
    /// most a heartbeat ago for an editor that is still there), so no clock is read.
    pub fn describe(&self) -> String {
        let minutes = self.seen.saturating_sub(self.since) / 60;
        let for_how_long = match minutes {
            0 => "since a moment ago".to_string(),
            1 => "for a minute".to_string(),
            m if m < 120 => format!("for {m} minutes"),
            m => format!("for {} hours", m / 60),
        };
        format!(
            "{}@{} (process {}), {for_how_long}",
            self.user, self.host, self.pid
        )
    }

    /// Whether the editor that wrote the marker is gone: on this machine its process no
    /// longer runs; anywhere, it stopped renewing the marker.
    fn is_stale(&self) -> bool {
        let me = Holder::me();
        if self.host == me.host && self.pid == me.pid {
            return false;
        }
        if self.host == me.host
            && Path::new("/proc").is_dir()
            && !super::motmap_runs(&self.pid.to_string())
        {
            return true;
        }
        now().saturating_sub(self.seen) > STALE_AFTER.as_secs()
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Where the marker of `map` lives: `cafe.ron` → `.cafe.ron.motmap-lock`, hidden beside it.
pub fn lock_path(map: &Path) -> PathBuf {
    // The file a symlink points to: two people opening one map by different paths see
    // each other's marker.
    let map = super::resolve_symlink(map);
    let name = map.file_name().unwrap_or_default().to_string_lossy();
    map.with_file_name(format!(".{name}.motmap-lock"))
}

/// Who, if anyone, has `map` open in an editor now. Stale and unreadable markers count as
/// no one.
pub fn holder(map: &Path) -> Option<Holder> {
    read_marker(&lock_path(map)).filter(|holder| !holder.is_stale())
}

fn read_marker(marker: &Path) -> Option<Holder> {
    let text = fs::read_to_string(marker).ok()?;
    let body: String = text.lines().filter(|l| !l.starts_with("//")).collect();
    ron::from_str(&body).ok()
}

fn marker_text(holder: &Holder) -> std::io::Result<String> {
    let body = ron::to_string(holder).map_err(std::io::Error::other)?;
    Ok(format!(
        "// motmap has this map open; delete this file if that is not so\n{body}\n"
    ))
}

/// This editor's marker on a map; removed when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    holder: Holder,
}

/// Why this editor could not mark a map as open.
#[derive(Debug)]
pub enum LockError {
    /// Another editor that is still running has it open.
    Held(Holder),
    /// The marker could not be written (a read-only directory, say).
    Io(std::io::Error),
}

impl Lock {
    /// Puts this editor's marker beside `map`, unless a running editor has one there; a
    /// stale marker is replaced. Creating the marker is atomic, so of two editors started
    /// at the same moment only one gets it.
    pub fn acquire(map: &Path) -> Result<Lock, LockError> {
        let path = lock_path(map);
        let holder = Holder::me();
        let text = marker_text(&holder).map_err(LockError::Io)?;
        let created = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(text.as_bytes()));
        match created {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if let Some(other) = self::holder(map) {
                    return Err(LockError::Held(other));
                }
                write_atomic(&path, text.as_bytes(), None).map_err(LockError::Io)?;
            }
            Err(e) => return Err(LockError::Io(e)),
        }
        Ok(Lock { path, holder })
    }

    /// Renews the marker, so other editors know this one is still there.
    /// A marker another editor has put there since (after judging this one gone, say
    /// across a laptop's sleep) is left alone.
    ///
    /// Returns the other editor when one took the map over meanwhile.
    pub fn refresh(&mut self) -> std::io::Result<Option<Holder>> {
        if let Some(other) = read_marker(&self.path)
            .filter(|h| h.pid != self.holder.pid || h.host != self.holder.host)
        {
            return Ok(Some(other));
        }
        self.holder.seen = now();
        write_atomic(&self.path, marker_text(&self.holder)?.as_bytes(), None)?;
        Ok(None)
    }
}

impl Drop for Lock {
    /// Removes the marker, unless another editor has put its own there meanwhile.
    fn drop(&mut self) {
        let ours = read_marker(&self.path)
            .is_some_and(|h| h.pid == self.holder.pid && h.host == self.holder.host);
        if ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}
