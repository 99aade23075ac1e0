//! The output set of `levelmap build`, switched in whole: every file is written into a
//! staging folder beside `out/`, and only when all are written is that folder exchanged
//! with `out/` in one rename, under a lock on the output folder. A reader sees the old
//! set or the new one, never a mix; a build that fails (or is killed) leaves the old set.
//!
//! Beside `out/`, in its parent folder:
//! - `.out.lock`: the advisory lock, holding the pid of the build that writes `out/`; a
//!   second build waits for it, saying which pid holds it.
//! - `.out.staging-<pid>`: the new set being written (after the switch: the old set,
//!   being removed).
//! - `.out.aside-<pid>`: the old set moved aside, only where the file system cannot
//!   exchange two folders (the fallback: rename aside, rename in).
//!
//! Under the lock no other build is writing, so a staging folder found there was left by
//! a build that died: it is removed. An aside folder is put back as `out/` when `out/`
//! is missing (the build died between its two renames), else removed.
//!
//! The set: the names `build` writes (graph.json, graph.dot, graph.svg, graph.cache,
//! timeline.svg, map-*.svg, evolution-*.svg). Each build replaces them all: one it no
//! longer writes (the map of a year gone from the corpus) is dropped with the old set.
//! Every other file or folder in `out/` is the user's and is carried over (hard-linked)
//! into the new set; temporaries (`.*.tmp`) are not.
//!
//! Where `out/` cannot be renamed (it is, or holds, the current folder; or it is a mount
//! point), the staging folder is inside it and the files are renamed in one by one, with
//! a note saying the set is not switched whole.
//!
//! Test hook (documented in README): `LEVELMAP_FAULT=fail@N` fails the build after N
//! files of the set are written, `kill@N` kills it (SIGKILL) there, `kill@switched` kills
//! it after the switch before the old set is removed, `kill@aside` takes the fallback
//! and kills it between its two renames.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};

/// Whether `name` belongs to the set `build` writes (replaced or dropped by each build).
pub(crate) fn is_set_file(name: &str) -> bool {
    matches!(
        name,
        "graph.json" | "graph.dot" | "graph.svg" | "graph.cache" | "timeline.svg" | "explore.html"
    ) || (name.ends_with(".svg") && (name.starts_with("map-") || name.starts_with("evolution-")))
}

/// A temporary file left by an atomic write (`.graph.json.XXXX.tmp`).
fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// How the set is switched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The staging folder is beside `out/` and exchanged with it.
    Whole,
    /// The staging folder is inside `out/`; files are renamed in one by one.
    ByFile,
}

/// A fault the tests inject (`LEVELMAP_FAULT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    FailAfter(usize),
    KillAfter(usize),
    KillSwitched,
    KillAside,
}

fn fault() -> Option<Fault> {
    let v = std::env::var("LEVELMAP_FAULT").ok()?;
    let (what, at) = v.split_once('@')?;
    match (what, at) {
        ("kill", "switched") => Some(Fault::KillSwitched),
        ("kill", "aside") => Some(Fault::KillAside),
        ("fail", n) => n.parse().ok().map(Fault::FailAfter),
        ("kill", n) => n.parse().ok().map(Fault::KillAfter),
        _ => None,
    }
}

/// Die as `kill -9` would: no destructors, no cleanup.
fn die() -> ! {
    #[cfg(unix)]
    let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::KILL);
    std::process::abort()
}

/// An output set being written; dropped without [`OutputSet::commit`], it is removed
/// and `out/` is left as it was.
pub(crate) struct OutputSet {
    target: PathBuf,
    staging: PathBuf,
    mode: Mode,
    written: Vec<String>,
    /// Files written and being flushed to disk on threads of their own, joined before
    /// the switch: the flush of graph.json (most of a second at 10,000 articles) runs
    /// while graph.dot and the query cache are made.
    syncing: Vec<Syncing>,
    fault: Option<Fault>,
    done: bool,
    _lock: File,
}

/// A file of the set being flushed to disk.
struct Syncing {
    name: String,
    /// A file the set can do without: failing to flush it drops it, with a note.
    optional: Option<String>,
    flushed: std::thread::JoinHandle<io::Result<()>>,
}

impl OutputSet {
    /// Lock the output folder `out` (waiting for another build that holds it), clean
    /// what killed builds left, and open an empty staging folder.
    pub(crate) fn open(out: &Path) -> Result<OutputSet> {
        let (target, mode) = locate(out)?;
        let pid = std::process::id();
        let staging = match mode {
            Mode::Whole => beside(&target, &format!("staging-{pid}")),
            Mode::ByFile => target.join(format!(".levelmap.staging-{pid}")),
        };
        let lock = take_lock(&lock_path(&target, mode))?;
        clean_stale(&target, mode)?;
        fs::create_dir(&staging)
            .with_context(|| format!("cannot create the staging folder {}", staging.display()))?;
        #[cfg(unix)]
        if let (Mode::Whole, Ok(m)) = (mode, fs::metadata(&target)) {
            let _ = fs::set_permissions(&staging, m.permissions());
        }
        let set = OutputSet {
            target,
            staging,
            mode,
            written: Vec::new(),
            syncing: Vec::new(),
            fault: fault(),
            done: false,
            _lock: lock,
        };
        set.fault_point()?;
        Ok(set)
    }

    /// The output folder, holding the previous set until the switch.
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// The staging folder (where graph.json is, once written).
    pub(crate) fn dir(&self) -> &Path {
        &self.staging
    }

    /// Write one file of the set into the staging folder, flushed to disk.
    pub(crate) fn write(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.put(name, bytes)?;
        self.fault_point()
    }

    /// Write a file the set can do without (the query cache): failing to is a note.
    pub(crate) fn write_optional(&mut self, name: &str, bytes: &[u8], what: &str) -> Result<()> {
        match self.put_with(name, |w| w.write_all(bytes)) {
            Ok(()) => {
                if let Some(last) = self.syncing.last_mut() {
                    last.optional = Some(what.to_string());
                }
                self.fault_point()
            }
            Err(e) => {
                let _ = fs::remove_file(self.staging.join(name));
                note!("note: could not write {what} ({e:#}); queries will be slower");
                Ok(())
            }
        }
    }

    /// Write one file of the set as `fill` writes it (through a buffer), without
    /// holding the whole file in memory.
    pub(crate) fn write_with(
        &mut self,
        name: &str,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<()> {
        self.put_with(name, fill)?;
        self.fault_point()
    }

    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.put_with(name, |w| w.write_all(bytes))
    }

    fn put_with(
        &mut self,
        name: &str,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<()> {
        self.put_file(name, |w| fill(w)).map(|_| ())
    }

    /// Write one file of the set as `fill` writes it into the file's buffered writer
    /// (which may copy ranges of another file into the file itself). Returns what
    /// `fill` returned, and the file's metadata once written.
    pub(crate) fn write_file_with<T>(
        &mut self,
        name: &str,
        fill: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<T>,
    ) -> Result<(T, fs::Metadata)> {
        let done = self.put_file(name, fill)?;
        self.fault_point()?;
        Ok(done)
    }

    fn put_file<T>(
        &mut self,
        name: &str,
        fill: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<T>,
    ) -> Result<(T, fs::Metadata)> {
        let path = self.staging.join(name);
        let written = File::create(&path).and_then(|f| {
            let mut w = io::BufWriter::with_capacity(1 << 20, f);
            let made = fill(&mut w)?;
            let file = w.into_inner().map_err(|e| e.into_error())?;
            let meta = file.metadata()?;
            Ok((made, file, meta))
        });
        let (made, file, meta) = written.with_context(|| self.cannot_write(name))?;
        self.syncing.push(Syncing {
            name: name.to_string(),
            optional: None,
            flushed: std::thread::spawn(move || file.sync_all()),
        });
        self.written.push(name.to_string());
        Ok((made, meta))
    }

    /// The message of a file of the set that could not be written or flushed.
    fn cannot_write(&self, name: &str) -> String {
        format!(
            "cannot write {name} of the new output set in {}; {} is unchanged \
             (free some space or fix the permissions, then build again)",
            self.staging.display(),
            self.target.display()
        )
    }

    /// Wait until every file written is flushed to disk: an error for a file of the
    /// set, a note (and the file dropped) for one it can do without.
    fn flushed(&mut self) -> Result<()> {
        for s in std::mem::take(&mut self.syncing) {
            let result = s
                .flushed
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match (result, s.optional) {
                (Ok(()), _) => {}
                (Err(e), Some(what)) => {
                    let _ = fs::remove_file(self.staging.join(&s.name));
                    self.written.retain(|n| n != &s.name);
                    note!("note: could not write {what} ({e}); queries will be slower");
                }
                (Err(e), None) => {
                    return Err(anyhow::Error::new(e)).with_context(|| self.cannot_write(&s.name))
                }
            }
        }
        Ok(())
    }

    fn fault_point(&self) -> Result<()> {
        let n = self.written.len();
        match self.fault {
            Some(Fault::FailAfter(k)) if k == n => Err(anyhow!(
                "injected failure after {n} file(s) (LEVELMAP_FAULT)"
            )),
            Some(Fault::KillAfter(k)) if k == n => die(),
            _ => Ok(()),
        }
    }

    /// Switch the new set in: every file is written, so `out/` becomes the new set.
    pub(crate) fn commit(mut self) -> Result<()> {
        self.flushed()?;
        match self.mode {
            Mode::Whole => {
                self.carry_over()?;
                sync_dir(&self.staging);
                if self.target.exists() {
                    self.switch()?;
                } else {
                    fs::rename(&self.staging, &self.target).with_context(|| {
                        format!(
                            "cannot rename {} to {}",
                            self.staging.display(),
                            self.target.display()
                        )
                    })?;
                }
                self.done = true;
                if let Some(parent) = self.target.parent() {
                    sync_dir(parent);
                }
            }
            Mode::ByFile => self.move_in_by_file()?,
        }
        self.done = true;
        Ok(())
    }

    /// Exchange the staging folder with `out/`, then remove the old set.
    fn switch(&mut self) -> Result<()> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if self.fault != Some(Fault::KillAside) {
            use rustix::fs::{renameat_with, RenameFlags, CWD};
            use rustix::io::Errno;
            match renameat_with(CWD, &self.staging, CWD, &self.target, RenameFlags::EXCHANGE) {
                Ok(()) => {
                    self.done = true;
                    if self.fault == Some(Fault::KillSwitched) {
                        die();
                    }
                    remove_old(&self.staging);
                    return Ok(());
                }
                Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => {} // not here: fall back
                Err(e) => {
                    return Err(io::Error::from(e)).with_context(|| {
                        format!(
                            "cannot switch the new output set {} in for {}; it is unchanged",
                            self.staging.display(),
                            self.target.display()
                        )
                    })
                }
            }
        }
        let aside = beside(&self.target, &format!("aside-{}", std::process::id()));
        fs::rename(&self.target, &aside).with_context(|| {
            format!(
                "cannot move {} aside; it is unchanged",
                self.target.display()
            )
        })?;
        if self.fault == Some(Fault::KillAside) {
            die();
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            let _ = fs::rename(&aside, &self.target);
            return Err(e).with_context(|| {
                format!(
                    "cannot switch the new output set in for {}",
                    self.target.display()
                )
            });
        }
        self.done = true;
        remove_old(&aside);
        Ok(())
    }

    /// Where `out/` cannot be renamed: rename each file in, then drop the set's names
    /// this build did not write.
    fn move_in_by_file(&mut self) -> Result<()> {
        note!(
            "note: {} is the current folder, holds it or is a mount point: its files are replaced one by one, not as one set",
            self.target.display()
        );
        for name in &self.written {
            fs::rename(self.staging.join(name), self.target.join(name))
                .with_context(|| format!("cannot rename {name} into {}", self.target.display()))?;
        }
        for entry in fs::read_dir(&self.target)?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_set_file(&name) && !self.written.contains(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
        let _ = fs::remove_dir_all(&self.staging);
        Ok(())
    }

    /// Hard-link every file of `out/` that is not the set's into the staging folder.
    fn carry_over(&self) -> Result<()> {
        let entries = match fs::read_dir(&self.target) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot list {}", self.target.display()))
            }
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let s = name.to_string_lossy();
            if is_set_file(&s) || is_temporary(&s) {
                continue;
            }
            link_tree(&entry.path(), &self.staging.join(&name)).with_context(|| {
                format!(
                    "cannot carry {} over into the new output set",
                    entry.path().display()
                )
            })?;
        }
        Ok(())
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        for s in self.syncing.drain(..) {
            let _ = s.flushed.join();
        }
        if !self.done {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The canonical output folder and how its set can be switched in.
fn locate(out: &Path) -> Result<(PathBuf, Mode)> {
    if out.exists() {
        if !out.is_dir() {
            bail!(
                "--out {} is not a folder; give the folder to write the outputs into",
                out.display()
            );
        }
        let target = out
            .canonicalize()
            .with_context(|| format!("cannot resolve {}", out.display()))?;
        let holds_cwd = std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .is_ok_and(|cwd| cwd.starts_with(&target));
        let whole = match target.parent() {
            Some(parent) => !holds_cwd && same_device(&target, parent),
            None => false,
        };
        return Ok((target, if whole { Mode::Whole } else { Mode::ByFile }));
    }
    let name = out
        .file_name()
        .ok_or_else(|| anyhow!("--out {} names no folder", out.display()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let parent = parent
        .canonicalize()
        .with_context(|| format!("cannot resolve {}", parent.display()))?;
    Ok((parent.join(name), Mode::Whole))
}

/// `.out.<what>` beside the folder `out`.
fn beside(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{what}"))
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_device(_: &Path, _: &Path) -> bool {
    true
}

/// Hold the lock of the output folder `file` is written into, when that folder holds
/// a build's output set (a graph.json): `render` and `export` writing into `out/` wait
/// for a build that is switching the set, and a build waits for them, so no file is
/// written into a set about to be switched out. Anywhere else (a folder of the
/// user's, the current folder), no lock file is made.
pub(crate) fn lock_folder_of(file: &Path) -> Result<Option<File>> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.join("graph.json").is_file() {
        return Ok(None);
    }
    let (target, mode) = locate(dir)?;
    take_lock(&lock_path(&target, mode)).map(Some)
}

/// Where the lock of the output folder `target` is: beside it, or inside it when the
/// folder is replaced file by file.
fn lock_path(target: &Path, mode: Mode) -> PathBuf {
    match mode {
        Mode::Whole => beside(target, "lock"),
        Mode::ByFile => target.join(".levelmap.lock"),
    }
}

/// Take the lock at `path`, waiting (with a note naming the holder) if a build holds it.
fn take_lock(path: &Path) -> Result<File> {
    let ctx = || format!("cannot lock {} (the output folder's lock)", path.display());
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .with_context(ctx)?;
    match f.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            let holder = fs::read_to_string(path).unwrap_or_default();
            let holder = holder.trim();
            note!(
                "waiting for build pid {} holding {}",
                if holder.is_empty() { "?" } else { holder },
                path.display()
            );
            f.lock().with_context(ctx)?;
        }
        Err(fs::TryLockError::Error(e)) => return Err(e).with_context(ctx),
    }
    f.set_len(0).with_context(ctx)?;
    writeln!(f, "{}", std::process::id()).with_context(ctx)?;
    Ok(f)
}

/// Remove what builds that died left (the lock is held: none of them is running).
fn clean_stale(target: &Path, mode: Mode) -> Result<()> {
    let (dir, staging, aside) = match mode {
        Mode::Whole => {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dir = target.parent().unwrap_or(Path::new("/"));
            (
                dir,
                format!(".{name}.staging-"),
                Some(format!(".{name}.aside-")),
            )
        }
        Mode::ByFile => (target, ".levelmap.staging-".to_string(), None),
    };
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&staging) {
            remove_old(&entry.path());
        } else if aside.as_ref().is_some_and(|a| name.starts_with(a.as_str())) {
            if target.exists() {
                remove_old(&entry.path());
            } else {
                fs::rename(entry.path(), target).with_context(|| {
                    format!(
                        "cannot put {} back as {}",
                        entry.path().display(),
                        target.display()
                    )
                })?;
                note!(
                    "note: put back {} (a build died while switching it)",
                    target.display()
                );
            }
        }
    }
    Ok(())
}

/// Remove a folder no longer wanted; failing that, the next build will.
fn remove_old(dir: &Path) {
    if let Err(e) = fs::remove_dir_all(dir) {
        if e.kind() != io::ErrorKind::NotFound {
            note!(
                "note: could not remove {} ({e}); the next build will",
                dir.display()
            );
        }
    }
}

/// Copy a file or folder by hard links (a plain copy where linking fails).
fn link_tree(from: &Path, to: &Path) -> io::Result<()> {
    let kind = fs::symlink_metadata(from)?.file_type();
    if kind.is_dir() {
        fs::create_dir(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            link_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    #[cfg(unix)]
    if kind.is_symlink() {
        return std::os::unix::fs::symlink(fs::read_link(from)?, to);
    }
    fs::hard_link(from, to).or_else(|_| fs::copy(from, to).map(|_| ()))
}

/// Flush a folder's entries to disk (best effort: not every file system can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_is_the_names_build_writes() {
        for n in [
            "graph.json",
            "graph.cache",
            "map-2021.svg",
            "evolution-x.svg",
            "timeline.svg",
        ] {
            assert!(is_set_file(n), "{n}");
        }
        for n in [
            "README.md",
            "part.svg",
            "securonomics.svg",
            "map-2021.png",
            ".lock",
        ] {
            assert!(!is_set_file(n), "{n}");
        }
    }
}
