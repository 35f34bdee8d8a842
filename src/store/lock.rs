//! The marker beside a map that says who has it open in an editor, so a second editor can
//! tell its user before two people edit the same file. A marker left by an editor that
//! crashed is recognised as stale and blocks no one.

use std::fs;
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
            user: std::env::var("USER")
                .or_else(|_| std::env::var("LOGNAME"))
                .unwrap_or_else(|_| "someone".into()),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            pid: std::process::id(),
            since: now,
            seen: now,
        }
    }

    /// `alice@laptop, for 12 minutes`.
    pub fn describe(&self) -> String {
        let minutes = now().saturating_sub(self.since) / 60;
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
        let proc = Path::new("/proc");
        if self.host == me.host && proc.is_dir() && !proc.join(self.pid.to_string()).exists() {
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

/// This editor's marker on a map; removed when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    holder: Holder,
}

impl Lock {
    /// Puts this editor's marker beside `map`, replacing a stale one.
    pub fn acquire(map: &Path) -> std::io::Result<Lock> {
        let lock = Lock {
            path: lock_path(map),
            holder: Holder::me(),
        };
        lock.write()?;
        Ok(lock)
    }

    fn write(&self) -> std::io::Result<()> {
        let body = ron::to_string(&self.holder).map_err(std::io::Error::other)?;
        let text =
            format!("// motmap has this map open; delete this file if that is not so\n{body}\n");
        write_atomic(&self.path, text.as_bytes(), None)
    }

    /// Renews the marker, so other editors know this one is still there.
    pub fn refresh(&mut self) -> std::io::Result<()> {
        self.holder.seen = now();
        self.write()
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
