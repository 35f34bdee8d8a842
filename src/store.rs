//! Reading and writing journey maps: the RON file format, clear load errors, and saves that
//! can never lose a map (temporary file, fsync, rename, backup, external-change check).

mod error;
mod format;
pub mod presence;

use std::fs::{self, File, OpenOptions, Permissions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

pub(crate) use error::io_reason;
pub use error::{LoadError, LoadProblem, SaveError};
pub use format::{FORMAT_VERSION, format_for, parse, to_ron};
pub(crate) use format::{JourneyFile, JourneyFileRef};

use crate::model::Journey;

/// The largest file motmap opens. A 10,000-moment map is a few megabytes; anything far
/// beyond is not a journey map, and reading it whole would only stall the terminal.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// What the file on disk looked like when it was last loaded or saved, to notice when
/// someone else changes it. Length and a content hash, not the modification time, which
/// gives false alarms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The content hash alone, which is what tells versions apart.
    pub fn hash(&self) -> u64 {
        self.hash
    }

    pub fn of(bytes: &[u8]) -> Fingerprint {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Fingerprint {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
}

/// A map file as this process last saw it: where it is, and its length and content hash
/// when it was last loaded or saved, to notice when someone else changes it. The journey
/// itself is held by whoever edits it and handed in to save.
#[derive(Clone, Debug)]
pub struct MapFile {
    pub path: PathBuf,
    /// The file as last seen: `None` when it did not exist.
    disk: Option<Fingerprint>,
    /// Its size and modification time when last looked at, for a cheap check.
    stamp: Option<(u64, std::time::SystemTime)>,
}

impl MapFile {
    /// Loads the map at `path`.
    pub fn load(path: impl Into<PathBuf>) -> Result<(MapFile, Journey), LoadError> {
        let path = path.into();
        let bytes = read_limited(&path).map_err(|problem| LoadError::new(&path, problem))?;
        let journey =
            format::parse_bytes(&bytes).map_err(|problem| LoadError::new(&path, problem))?;
        let file = MapFile {
            disk: Some(Fingerprint::of(&bytes)),
            stamp: stamp(&path),
            path,
        };
        Ok((file, journey))
    }

    /// A map that will be written to `path`, which must not exist yet when it is first
    /// saved.
    pub fn create(path: impl Into<PathBuf>) -> MapFile {
        let path = path.into();
        MapFile {
            stamp: stamp(&path),
            path,
            disk: None,
        }
    }

    /// Whether the file on disk still is what was loaded or last saved. `false` when it
    /// was changed, replaced, created or cannot be read.
    pub fn is_unchanged_on_disk(&self) -> bool {
        match read_existing(&self.path) {
            Ok(current) => current.as_deref().map(Fingerprint::of) == self.disk,
            Err(_) => false,
        }
    }

    /// The content hash of the file as last loaded or saved.
    pub fn disk_hash(&self) -> Option<u64> {
        self.disk.map(|d| d.hash)
    }

    /// Whether the file's size or modification time moved since the last look: one `stat`,
    /// cheap enough to ask several times a second. A `true` is worth a closer look with
    /// [`MapFile::read_if_changed`].
    pub fn disk_stamp_moved(&mut self) -> bool {
        let now = stamp(&self.path);
        let moved = now != self.stamp;
        self.stamp = now;
        moved
    }

    /// Saves `journey`, refusing with [`SaveError::ChangedOnDisk`] if the file changed on
    /// disk since it was loaded or last saved.
    pub fn save(&mut self, journey: &Journey) -> Result<(), SaveError> {
        self.write(journey, true)
    }

    /// Writes `text`, a map as [`to_ron`] writes it, which the caller made already; over a
    /// file changed on disk only when not `check`.
    pub fn save_text(&mut self, text: &str, check: bool) -> Result<(), SaveError> {
        self.write_text(text, check)
    }

    /// The journey on disk when the file is no longer what was loaded or last saved (read
    /// once), which from now on counts as the version on disk; `None` when it still is.
    pub fn read_if_changed(&mut self) -> Result<Option<Journey>, LoadError> {
        let fail = |problem| LoadError::new(&self.path, problem);
        let bytes = read_limited(&self.path).map_err(fail)?;
        let seen = Fingerprint::of(&bytes);
        if Some(seen) == self.disk {
            return Ok(None);
        }
        let journey = format::parse_bytes(&bytes).map_err(fail)?;
        self.disk = Some(seen);
        self.stamp = stamp(&self.path);
        Ok(Some(journey))
    }

    fn write(&mut self, journey: &Journey, check: bool) -> Result<(), SaveError> {
        self.write_text(&to_ron(journey), check)
    }

    fn write_text(&mut self, text: &str, check: bool) -> Result<(), SaveError> {
        let target = resolve_symlink(&self.path);
        let fail = |step, source| SaveError::Io {
            path: self.path.clone(),
            step,
            source,
        };
        if target.is_dir() {
            return Err(SaveError::IsDirectory {
                path: self.path.clone(),
            });
        }
        let current = read_existing(&target).map_err(|e| fail("read the file on disk", e))?;
        if check && current.as_deref().map(Fingerprint::of) != self.disk {
            return Err(SaveError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        if current.as_deref() == Some(text.as_bytes()) {
            // Nothing to write; keep the older backup rather than replace it with a copy.
            self.disk = Some(Fingerprint::of(text.as_bytes()));
            return Ok(());
        }
        // The new version is on disk before the backup is touched: most failures (a full
        // disk, no permission) happen here and leave both the map and its backup alone.
        let mode = mode_of(&target);
        let staged = Staged::write(&target, text.as_bytes(), mode).map_err(|e| fail("write", e))?;
        if let Some(old) = &current {
            keep_backup(&target, old, mode).map_err(|e| fail("write the backup", e))?;
        }
        staged.commit().map_err(|e| fail("replace the file", e))?;
        sweep_leftovers(&target);
        self.disk = Some(Fingerprint::of(text.as_bytes()));
        self.stamp = stamp(&self.path);
        Ok(())
    }
}

/// A journey together with the file it was loaded from (or will be saved to), for the
/// commands that load, change and save a map in one go.
///
/// A `Document` only exists for a file that loaded cleanly or does not exist yet, so a file
/// that failed to load can never be written over.
#[derive(Clone, Debug)]
pub struct Document {
    pub journey: Journey,
    pub file: MapFile,
}

impl Document {
    /// Loads the map at `path`.
    pub fn load(path: impl Into<PathBuf>) -> Result<Document, LoadError> {
        let (file, journey) = MapFile::load(path)?;
        Ok(Document { journey, file })
    }

    /// A new map that will be written to `path`, which must not exist yet when it is first
    /// saved.
    pub fn create(path: impl Into<PathBuf>, journey: Journey) -> Document {
        Document {
            journey,
            file: MapFile::create(path),
        }
    }

    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// See [`MapFile::is_unchanged_on_disk`].
    pub fn is_unchanged_on_disk(&self) -> bool {
        self.file.is_unchanged_on_disk()
    }

    /// Saves the map; see [`MapFile::save`].
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.file.save(&self.journey)
    }
}

fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let metadata = fs::metadata(path).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

/// Whether this process may save `map`: the file can be opened for writing (it is not
/// changed) and a file can be made beside it, as a save does. Otherwise, why not.
pub fn can_write(map: &Path) -> Result<(), String> {
    let target = resolve_symlink(map);
    let fail = |e: io::Error| io_reason(&e);
    if target.exists() {
        OpenOptions::new()
            .append(true)
            .open(&target)
            .map_err(fail)?;
    }
    let probe = temporary_name(&target, "probe");
    File::create_new(&probe).map_err(fail)?;
    let _ = fs::remove_file(probe);
    Ok(())
}

/// Where the previous version of `path` is kept: `map.ron` → `map.ron~`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, "~")
}

/// The name of a file beside `map` (the file a symlink points to, if it is one):
/// `map.ron` + `~` → `map.ron~`.
fn sibling(map: &Path, suffix: &str) -> PathBuf {
    let map = resolve_symlink(map);
    let mut name = map.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    map.with_file_name(name)
}

/// Where unsaved changes go when motmap is stopped or crashes: `map.ron` →
/// `map.ron.recover`, beside the map and never over it.
pub fn recovery_path(path: &Path) -> PathBuf {
    sibling(path, ".recover")
}

/// The names a recovery file of `map` may have: `map.ron.recover`, then, when another
/// session holds that, `map.ron.recover.2` and on.
fn recovery_names(map: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    std::iter::once(recovery_path(map))
        .chain((2..1000).map(|n| sibling(map, &format!(".recover.{n}"))))
}

/// The recovery files waiting beside `map`, newest first.
pub fn recovery_files(map: &Path) -> Vec<PathBuf> {
    // Newest first; files written within the file system's clock tick are told apart by
    // their number, a later session taking a higher one.
    let mut found: Vec<(std::time::SystemTime, usize, PathBuf)> = recovery_names(map)
        .enumerate()
        .filter_map(|(n, path)| Some((fs::metadata(&path).ok()?.modified().ok()?, n, path)))
        .collect();
    found.sort_by_key(|(modified, n, _)| std::cmp::Reverse((*modified, *n)));
    found.into_iter().map(|(_, _, path)| path).collect()
}

/// Writes `journey` as a recovery file of `map`, with the map's permissions, and returns
/// where. Into `own` when given (the file this session wrote or restored from); otherwise
/// under the first name no other session holds, claimed atomically (a hard link fails
/// where the name exists), so two sessions stopped at once never write over each other.
pub fn write_recovery(
    map: &Path,
    journey: &Journey,
    own: Option<&Path>,
    durable: Durable,
) -> io::Result<PathBuf> {
    let text = to_ron(journey);
    let mode = mode_of(&resolve_symlink(map));
    if let Some(own) = own {
        write_atomic_to(own, text.as_bytes(), mode, durable)?;
        return Ok(own.to_owned());
    }
    let staged = Staged::write_to(&recovery_path(map), text.as_bytes(), mode, durable)?;
    for name in recovery_names(map) {
        match fs::hard_link(&staged.temp, &name) {
            Ok(()) => {
                if let Ok(dir) = File::open(directory_of(&name)) {
                    let _ = dir.sync_all();
                }
                // Dropping the staged file removes its temporary name; the claimed one stays.
                return Ok(name);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(
        "every recovery file name is taken: restore or delete some",
    ))
}

/// Writes `bytes` to `path` as a whole or not at all: a temporary file, fsync, then a
/// rename (or, without `overwrite`, a hard link, which refuses an existing name even when
/// another program creates it meanwhile). Used for exports, imports and merges, which
/// keep no backup. An overwritten file keeps its permissions.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> io::Result<()> {
    let target = resolve_symlink(path);
    if target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory",
        ));
    }
    let staged = Staged::write(&target, bytes, mode_of(&target))?;
    if overwrite {
        return staged.commit();
    }
    match fs::hard_link(&staged.temp, &target) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Err(error),
        // A file system without hard links (FAT, some network mounts): look, then rename.
        Err(_) if fs::symlink_metadata(&target).is_ok() => {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        Err(_) => return staged.commit(),
    }
    if let Ok(dir) = File::open(directory_of(&target)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Reads a file that is expected to be a map, refusing directories, devices and anything
/// larger than [`MAX_FILE_BYTES`].
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, LoadProblem> {
    let metadata = fs::metadata(path).map_err(LoadProblem::Io)?;
    if metadata.is_dir() {
        return Err(LoadProblem::IsDirectory);
    }
    if !metadata.is_file() {
        return Err(LoadProblem::NotAFile);
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadProblem::TooLarge {
            bytes: metadata.len(),
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(LoadProblem::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadProblem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The file's bytes, or `None` when there is no file.
fn read_existing(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Saving through a symlink writes the file it points to, so the link survives.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.to_owned()),
        _ => path.to_owned(),
    }
}

/// A new version of a file, written beside it and flushed to disk but not yet in place.
/// Dropped without [`Staged::commit`], it is removed and the target never changes.
struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staged {
    /// Writes `bytes` to a temporary file in `target`'s directory, created with `mode` (so
    /// it is never readable by more people than the target is), and fsyncs it.
    fn write(target: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<Staged> {
        Staged::write_to(target, bytes, mode, Durable::Yes)
    }

    /// Like [`Staged::write`]; with [`Durable::No`], without the fsync: for copies that
    /// need to outlive the process, not the machine.
    fn write_to(
        target: &Path,
        bytes: &[u8],
        mode: Option<u32>,
        durable: Durable,
    ) -> io::Result<Staged> {
        let temp = temporary_name(target, "tmp");
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        if let Some(mode) = mode {
            options.mode(mode);
        }
        let mut file = options.open(&temp)?;
        let staged = Staged {
            temp,
            target: target.to_owned(),
            committed: false,
        };
        file.write_all(bytes)?;
        if let Some(mode) = mode {
            // The umask may have taken bits away at creation: the target's mode exactly.
            file.set_permissions(Permissions::from_mode(mode))?;
        }
        if durable == Durable::Yes {
            file.sync_all()?;
        }
        Ok(staged)
    }

    /// Renames the new version over the target and makes the rename durable.
    fn commit(self) -> io::Result<()> {
        self.commit_to(Durable::Yes)
    }

    fn commit_to(mut self, durable: Durable) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        if durable == Durable::No {
            return Ok(());
        }
        // Some file systems refuse to sync a directory; the data is safe by then anyway.
        if let Ok(dir) = File::open(directory_of(&self.target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Removes the temporary files a save killed halfway (a crash, a power cut) left beside
/// `target`: those of processes that no longer run. Only where that can be told (Linux).
fn sweep_leftovers(target: &Path) {
    let proc = Path::new("/proc");
    let (Some(name), true) = (target.file_name().and_then(|n| n.to_str()), proc.is_dir()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(directory_of(target)) else {
        return;
    };
    let host = this_host();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else {
            continue;
        };
        // The map's own, its backup's, its recovery copies' and its presence files'.
        let rest = file
            .strip_prefix(&format!(".{name}~."))
            .or_else(|| file.strip_prefix(&format!("..{name}.motmap-")))
            .or_else(|| file.strip_prefix(&format!(".{name}.")));
        let Some(rest) =
            rest.and_then(|r| r.strip_suffix(".tmp").or_else(|| r.strip_suffix(".link")))
        else {
            continue;
        };
        // Only this machine's: another one's process cannot be looked up here.
        let Some((before, process)) = rest.rsplit_once('.') else {
            continue;
        };
        // `HOST`, or `recover.HOST` and the like for the files beside the map.
        let their_host = if before.ends_with(&format!(".{host}")) {
            host.as_str()
        } else {
            before
        };
        let Some((pid, count)) = process.split_once('-') else {
            continue;
        };
        let numbers = pid.parse::<u32>().is_ok() && count.parse::<u32>().is_ok();
        if numbers && their_host == host && !motmap_runs(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` on this machine is a motmap (and not another program, or a thread,
/// that was given the number since).
pub(crate) fn motmap_runs(pid: &str) -> bool {
    // By the name of the program: `motmap`, or whatever this one is called (a renamed or
    // test build), so a process that took over the number of one that is gone is not it.
    let comm = |pid: &str| std::fs::read_to_string(Path::new("/proc").join(pid).join("comm"));
    let ours = comm("self").unwrap_or_default();
    comm(pid).is_ok_and(|name| {
        name.trim() == "motmap" || name == ours || pid == std::process::id().to_string()
    })
}

/// A name for a temporary file beside `target` that says whose it is:
/// `.map.ron.HOST.PID-N.EXT`, so a leftover can be cleared once its process is gone.
fn temporary_name(target: &Path, ext: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    directory_of(target).join(format!(
        ".{name}.{}.{}-{}.{ext}",
        this_host(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// This machine's name, made safe for a file name.
fn this_host() -> String {
    gethostname::gethostname()
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Makes the version now at `target` its backup, `target~`, replacing the older backup in
/// one step. The backup is a second name for the same file (no copy, no extra fsync);
/// where the file system has no hard links, it is a copy of `old`.
fn keep_backup(target: &Path, old: &[u8], mode: Option<u32>) -> io::Result<()> {
    let backup = backup_path(target);
    let link = temporary_name(&backup, "link");
    let linked = fs::hard_link(target, &link).and_then(|()| fs::rename(&link, &backup));
    if linked.is_ok() {
        // Where the backup already was this very file (a save stopped halfway), rename
        // does nothing and leaves the second name behind.
        let _ = fs::remove_file(&link);
        return Ok(());
    }
    let _ = fs::remove_file(&link);
    write_atomic(&backup, old, mode)
}

/// The permission bits of `path`, if it exists.
fn mode_of(path: &Path) -> Option<u32> {
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o7777)
}

/// Writes `bytes` to `path` so that `path` holds either its old or its new content, never a
/// mix: a temporary file in the same directory, fsync, rename over the target, fsync the
/// directory. `mode` is given to the new file (the old file's, to keep it).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    Staged::write(path, bytes, mode)?.commit()
}

/// Whether a write waits until the data is on the disk itself (fsync), to survive the
/// machine stopping, or only until the system has it, to survive the process stopping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durable {
    Yes,
    No,
}

/// Writes `bytes` to `path` as a whole or not at all, as [`write_atomic`] does, durable or
/// not.
pub(crate) fn write_atomic_to(
    path: &Path,
    bytes: &[u8],
    mode: Option<u32>,
    durable: Durable,
) -> io::Result<()> {
    Staged::write_to(path, bytes, mode, durable)?.commit_to(durable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_and_recovery_sit_beside_the_map() {
        assert_eq!(backup_path(Path::new("a/map.ron")), Path::new("a/map.ron~"));
        assert_eq!(backup_path(Path::new("map.ron")), Path::new("map.ron~"));
        assert_eq!(
            recovery_path(Path::new("a/map.ron")),
            Path::new("a/map.ron.recover")
        );
    }

    #[test]
    fn fingerprint_tells_contents_apart() {
        assert_eq!(Fingerprint::of(b"abc"), Fingerprint::of(b"abc"));
        assert_ne!(Fingerprint::of(b"abc"), Fingerprint::of(b"abd"));
    }
}
