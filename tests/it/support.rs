//! A small builder around the `levelmap` binary, and fixture helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The bundled corpus.
pub fn corpus() -> PathBuf {
    root().join("graph")
}

/// Copy a folder recursively (fixtures are copied before a test breaks them).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of a fixture corpus in a temporary folder, for tests that edit it.
pub struct TempCorpus {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl TempCorpus {
    /// Copy fixture `name`.
    pub fn of(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture(name), &dir.path().join("corpus"));
        TempCorpus { dir }
    }

    /// The corpus folder.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    /// A file inside the corpus.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    /// Replace `from` by `to` in a corpus file; panics if `from` is absent.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let p = self.file(rel);
        let s = std::fs::read_to_string(&p).unwrap();
        assert!(s.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(&p, s.replacen(from, to, 1)).unwrap();
    }

    /// An output folder beside the corpus.
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }
}

/// A levelmap invocation being built.
pub struct Run {
    cmd: Command,
}

/// Start `levelmap ARGS...`.
pub fn levelmap<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_levelmap"));
    cmd.args(args).current_dir(root()).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    Run { cmd }
}

/// What a run printed, and how it ended.
pub struct Done {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit code (None if killed by a signal).
    pub code: Option<i32>,
}

impl Run {
    /// Add an argument.
    pub fn arg(mut self, a: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.arg(a);
        self
    }

    /// Set the working directory.
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Set an environment variable.
    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.cmd.env(k, v);
        self
    }

    /// Run to completion.
    pub fn run(mut self) -> Done {
        let Output { status, stdout, stderr } = self.cmd.output().expect("levelmap runs");
        Done {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            code: status.code(),
        }
    }

    /// Run and expect success.
    pub fn ok(self) -> Done {
        let d = self.run();
        assert_eq!(d.code, Some(0), "expected success\nstdout:\n{}\nstderr:\n{}", d.stdout, d.stderr);
        d
    }

    /// Run and expect failure with a non-zero exit code (not a panic).
    pub fn fails(self) -> Done {
        let d = self.run();
        assert!(matches!(d.code, Some(c) if c != 0), "expected failure\nstdout:\n{}\nstderr:\n{}", d.stdout, d.stderr);
        assert!(!d.stderr.contains("panicked"), "panicked:\n{}", d.stderr);
        d
    }
}
