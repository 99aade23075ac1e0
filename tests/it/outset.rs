//! The output set is atomic: a build that fails, is killed or runs out of disk while
//! writing leaves the old set whole; two builds into one `--out` wait for each other;
//! what a killed build left is removed by the next. Faults are injected with the
//! `LEVELMAP_FAULT` hook (src/outset.rs): deterministic, no timing.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::support::*;

/// The old set's corpus and the new one's (different files, different bytes).
const OLD: &str = "one-article";
const NEW: &str = "mini";

/// A set as a reader sees it: every top-level name with its bytes (graph.cache only
/// by presence: it records graph.json's time, which differs between builds).
type Set = BTreeMap<String, Option<Vec<u8>>>;

fn snapshot(out: &Path) -> Option<Set> {
    let entries = std::fs::read_dir(out).ok()?;
    let mut set = Set::new();
    for e in entries {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name == ".levelmap-cache" {
            // The read cache: not read by anyone but the next build, which checks it.
            continue;
        }
        let bytes = (name != "graph.cache").then(|| std::fs::read(e.path()).unwrap());
        set.insert(name, bytes);
    }
    Some(set)
}

fn build_cmd(corpus: &str, out: &Path) -> Run {
    levelmap(["build", "--corpus"])
        .arg(fixture(corpus))
        .arg("--out")
        .arg(out)
}

/// The reference sets: OLD and NEW built into fresh folders.
fn references(dir: &Path) -> (Set, Set) {
    let (a, b) = (dir.join("ref-old"), dir.join("ref-new"));
    build_cmd(OLD, &a).ok();
    build_cmd(NEW, &b).ok();
    let (a, b) = (snapshot(&a).unwrap(), snapshot(&b).unwrap());
    assert_ne!(a, b);
    (a, b)
}

/// A work folder holding `out` with the old set.
fn with_old_set(dir: &Path, name: &str) -> PathBuf {
    let w = dir.join(name);
    build_cmd(OLD, &w.join("out")).ok();
    w.join("out")
}

/// What is beside `out` other than out and its lock (staging or aside folders).
fn leftovers(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "out" && n != ".out.lock")
        .collect();
    if let Ok(inside) = std::fs::read_dir(out) {
        v.extend(
            inside
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp") || n.contains("staging")),
        );
    }
    v
}

#[test]
fn a_build_failing_after_any_file_leaves_the_old_set_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = references(dir.path());
    let (mut tried, mut intact, mut mixed) = (0, 0, 0);
    for n in 0..=new.len() {
        let out = with_old_set(dir.path(), &format!("w{n}"));
        let d = build_cmd(NEW, &out)
            .env("LEVELMAP_FAULT", &format!("fail@{n}"))
            .fails();
        assert!(d.stderr.contains("injected failure"), "{}", d.stderr);
        tried += 1;
        match snapshot(&out) {
            Some(s) if s == old => intact += 1,
            _ => mixed += 1,
        }
        assert_eq!(
            leftovers(&out),
            Vec::<String>::new(),
            "temporaries after fail@{n}"
        );
    }
    eprintln!("injected failures tried {tried}, old set intact {intact}, mixed {mixed}");
    assert_eq!((intact, mixed), (tried, 0));
}

#[test]
fn a_build_killed_at_any_point_leaves_one_whole_set_and_the_next_build_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = references(dir.path());
    let mut points: Vec<String> = (0..=new.len()).map(|n| format!("kill@{n}")).collect();
    points.extend(["kill@switched".into(), "kill@aside".into()]);
    let (mut is_old, mut is_new, mut mixed) = (0, 0, 0);
    for (i, point) in points.iter().enumerate() {
        let out = with_old_set(dir.path(), &format!("w{i}"));
        let d = build_cmd(NEW, &out).env("LEVELMAP_FAULT", point).run();
        assert_eq!(d.code, None, "{point}: not killed\n{}", d.stderr);
        match snapshot(&out) {
            Some(s) if s == old => is_old += 1,
            Some(s) if s == new => is_new += 1,
            // The rename-aside fallback (file systems without RENAME_EXCHANGE) has a
            // moment with no out/ at all; the next build puts the old set back.
            None if point == "kill@aside" => {}
            _ => mixed += 1,
        }
        // The next run (here one that fails at once) removes what the killed one left,
        // and puts an old set moved aside back.
        build_cmd(NEW, &out).env("LEVELMAP_FAULT", "fail@0").fails();
        assert_eq!(leftovers(&out), Vec::<String>::new(), "left after {point}");
        let after = snapshot(&out);
        assert!(
            after == Some(old.clone()) || after == Some(new.clone()),
            "{point}"
        );
        build_cmd(NEW, &out).ok();
        assert_eq!(snapshot(&out), Some(new.clone()), "{point}");
    }
    eprintln!(
        "kill points tried {}, old set {is_old}, new set {is_new}, mixed {mixed}",
        points.len()
    );
    assert_eq!(mixed, 0);
}

#[test]
fn two_builds_into_one_out_at_once_leave_one_corpus_whole_set() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = references(dir.path());
    for round in 0..4 {
        let out = dir.path().join(format!("w{round}/out"));
        let spawn = |corpus: &str| {
            std::process::Command::new(env!("CARGO_BIN_EXE_levelmap"))
                .args(["build", "--corpus"])
                .arg(fixture(corpus))
                .arg("--out")
                .arg(&out)
                .output()
        };
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| spawn(OLD).unwrap());
            let b = s.spawn(|| spawn(NEW).unwrap());
            (a.join().unwrap(), b.join().unwrap())
        });
        assert!(a.status.success() && b.status.success(), "round {round}");
        let s = snapshot(&out);
        assert!(
            s == Some(old.clone()) || s == Some(new.clone()),
            "round {round}: a mixed set"
        );
        assert_eq!(leftovers(&out), Vec::<String>::new());
    }
}

#[test]
fn a_second_build_waits_for_the_lock_and_names_its_holder() {
    let dir = tempfile::tempdir().unwrap();
    let out = with_old_set(dir.path(), "w");
    let before = snapshot(&out);
    let lock = hold_lock_as_pid_4242(&dir.path().join("w/.out.lock"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_levelmap"))
        .args(["build", "--corpus"])
        .arg(fixture(NEW))
        .arg("--out")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let line = first_stderr_line(&mut child);
    assert!(
        line.contains("waiting for build pid 4242 holding"),
        "{line}"
    );
    assert!(line.contains(".out.lock"), "{line}");
    assert_eq!(
        snapshot(&out),
        before,
        "wrote while another build held the lock"
    );
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert_ne!(snapshot(&out), before);
}

#[test]
fn stale_staging_folders_and_temporaries_are_removed_and_user_files_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = with_old_set(dir.path(), "w");
    let w = dir.path().join("w");
    std::fs::create_dir_all(w.join(".out.staging-999999/x")).unwrap();
    std::fs::write(out.join(".graph.json.abc123.tmp"), "partial").unwrap();
    std::fs::write(out.join("map-1999.svg"), "a map of an old build").unwrap();
    std::fs::write(out.join("notes.md"), "mine").unwrap();
    std::fs::create_dir_all(out.join("parts")).unwrap();
    std::fs::write(out.join("parts/a.svg"), "<svg/>").unwrap();
    build_cmd(NEW, &out).ok();
    assert_eq!(leftovers(&out), Vec::<String>::new());
    assert!(
        !out.join("map-1999.svg").exists(),
        "a set file this build does not write is kept"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("notes.md")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("parts/a.svg")).unwrap(),
        "<svg/>"
    );
}

#[cfg(unix)]
#[test]
fn the_first_query_after_a_build_uses_the_cache_the_build_wrote() {
    use std::os::unix::fs::MetadataExt;
    let c = TempCorpus::of("mini");
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    let stamp = |p: &Path| {
        let m = std::fs::metadata(p).unwrap();
        (m.ino(), m.mtime_nsec(), m.mtime())
    };
    let before = stamp(&c.out().join("graph.cache"));
    let d = levelmap(["stats", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    assert_eq!(d.stderr, "", "the query noted something: {}", d.stderr);
    assert_eq!(
        stamp(&c.out().join("graph.cache")),
        before,
        "the query rewrote the cache"
    );
}

/// A small tmpfs, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_fails_the_build_and_leaves_the_old_set() {
    let dir = tempfile::tempdir().unwrap();
    let (old, _) = references(dir.path());
    let mnt = dir.path().join("small");
    std::fs::create_dir_all(&mnt).unwrap();
    let mounted = std::process::Command::new("mount")
        // Room for the old set (0.55 MB, explore.html with its 0.44 MB script included)
        // but not for the new one beside it (0.69 MB).
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&mnt)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root); the full-disk case is not tested");
        return;
    }
    let _guard = Tmpfs(mnt.clone());
    let out = mnt.join("out");
    build_cmd(OLD, &out).ok();
    let d = build_cmd(NEW, &out).fails();
    assert_eq!(d.code, Some(1));
    assert!(d.stderr.contains("No space left"), "{}", d.stderr);
    assert!(d.stderr.contains("is unchanged"), "{}", d.stderr);
    assert_eq!(snapshot(&out), Some(old));
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn a_render_into_a_build_out_folder_waited_for_no_build_and_was_switched_out() {
    // `render` writing into a build's output folder takes the folder's lock, so it
    // waits for a build switching the set (and a build waits for it).
    let dir = tempfile::tempdir().unwrap();
    let out = with_old_set(dir.path(), "w");
    let before = snapshot(&out);
    let lock = hold_lock_as_pid_4242(&dir.path().join("w/.out.lock"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_levelmap"))
        .args(["render", "timeline", "--corpus"])
        .arg(fixture(NEW))
        .arg("--out")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let line = first_stderr_line(&mut child);
    assert!(
        line.contains("waiting for build pid 4242 holding"),
        "{line}"
    );
    assert_eq!(
        snapshot(&out),
        before,
        "render wrote while a build held the lock"
    );
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert_ne!(snapshot(&out), before);
}

/// Hold the output folder's lock at `path` as a build with pid 4242 would.
fn hold_lock_as_pid_4242(path: &Path) -> std::fs::File {
    let mut lock = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    lock.lock().unwrap();
    lock.set_len(0).unwrap();
    writeln!(lock, "4242").unwrap();
    lock
}

/// The first line a running child prints to stderr.
fn first_stderr_line(child: &mut std::process::Child) -> String {
    let mut line = String::new();
    std::io::BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    line
}
