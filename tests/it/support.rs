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
    cmd.args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
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
        let Output {
            status,
            stdout,
            stderr,
        } = self.cmd.output().expect("levelmap runs");
        Done {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            code: status.code(),
        }
    }

    /// Run with stderr a pipe whose reader is already gone (every write to it fails
    /// with a broken pipe); the exit code (None if killed by a signal).
    pub fn with_broken_stderr(mut self) -> Option<i32> {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        self.cmd
            .stdout(std::process::Stdio::null())
            .stderr(writer)
            .status()
            .expect("levelmap runs")
            .code()
    }

    /// Run with stdout a full device (`levelmap ... > /dev/full`): every write fails
    /// with "no space left"; the exit code and what it printed to stderr.
    #[cfg(target_os = "linux")]
    pub fn with_full_stdout(mut self) -> (Option<i32>, String) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full opens");
        let out = self
            .cmd
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("levelmap runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Run with stdout a pipe whose reader is already gone (`levelmap ... | head -0`):
    /// the exit code (None if killed by a signal) and what it printed to stderr.
    pub fn with_broken_stdout(mut self) -> (Option<i32>, String) {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = self
            .cmd
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("levelmap runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Run to completion, but kill it and fail the test after `secs` seconds: for inputs
    /// that once made levelmap hang, so that a regression fails instead of hanging. The
    /// limit is generous; it is a guard, not a timing.
    pub fn run_within(mut self, secs: u64) -> Done {
        use std::io::Read;
        use std::process::Stdio;
        let mut child = self
            .cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("levelmap runs");
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut b = Vec::new();
                r.read_to_end(&mut b).ok();
                String::from_utf8_lossy(&b).into_owned()
            })
        };
        let out = drain(Box::new(child.stdout.take().unwrap()));
        let err = drain(Box::new(child.stderr.take().unwrap()));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for levelmap") {
                break status;
            }
            if std::time::Instant::now() > deadline {
                child.kill().ok();
                child.wait().ok();
                panic!("levelmap did not finish within {secs} s: it hangs");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let d = Done {
            stdout: out.join().unwrap(),
            stderr: err.join().unwrap(),
            code: status.code(),
        };
        assert!(!d.stderr.contains("panicked"), "panicked:\n{}", d.stderr);
        d
    }

    /// Run and expect success.
    pub fn ok(self) -> Done {
        let d = self.run();
        assert_eq!(
            d.code,
            Some(0),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            d.stdout,
            d.stderr
        );
        d
    }

    /// Run and expect failure with a non-zero exit code (not a panic).
    pub fn fails(self) -> Done {
        let d = self.run();
        assert!(
            matches!(d.code, Some(c) if c != 0),
            "expected failure\nstdout:\n{}\nstderr:\n{}",
            d.stdout,
            d.stderr
        );
        assert!(!d.stderr.contains("panicked"), "panicked:\n{}", d.stderr);
        d
    }
}

/// Run Graphviz `dot -Tsvg` on a file and return its SVG. When `dot` is not installed
/// the check is skipped (None), except on CI (`CI` set), where that is a failure.
pub fn graphviz_svg(dot_file: &Path) -> Option<String> {
    match Command::new("dot").arg("-Tsvg").arg(dot_file).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "dot refused {}:\n{}",
                dot_file.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            let warnings = String::from_utf8_lossy(&out.stderr);
            assert!(
                !warnings.contains("Error") && !warnings.contains("syntax"),
                "dot complained:\n{warnings}"
            );
            Some(String::from_utf8(out.stdout).expect("dot writes UTF-8"))
        }
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "Graphviz dot is required on CI: {e}"
            );
            eprintln!("skipped: Graphviz dot is not installed ({e})");
            None
        }
    }
}

/// An element with an id, as a reader of the SVG sees it.
#[derive(Debug, Default, Clone)]
pub struct XmlElement {
    /// Its tag.
    pub tag: String,
    /// Its id.
    pub id: Option<String>,
    /// Its class attribute.
    pub class: String,
    /// Text of its `<title>` child (the tooltip), unescaped.
    pub title: String,
    /// All other text inside it, unescaped, pieces joined by spaces.
    pub text: String,
}

/// A parsed XML document: fails the test if it is not well-formed.
#[derive(Debug, Default)]
pub struct XmlDoc {
    /// Every id (must be unique).
    pub ids: std::collections::BTreeSet<String>,
    /// Every tag name used.
    pub tags: std::collections::BTreeSet<String>,
    /// Elements with an id, in document order.
    pub elements: Vec<XmlElement>,
}

/// Parse `text` with quick-xml; panics on malformed XML or a repeated id.
pub fn parse_xml(text: &str) -> XmlDoc {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut doc = XmlDoc::default();
    // Open elements: (tag, index into doc.elements if it has an id).
    let mut stack: Vec<(String, Option<usize>)> = Vec::new();
    let add_text = |doc: &mut XmlDoc, stack: &[(String, Option<usize>)], s: &str| {
        let in_title = stack.last().is_some_and(|(t, _)| t == "title");
        if let Some(i) = stack.iter().rev().find_map(|(_, i)| *i) {
            let el = &mut doc.elements[i];
            let target = if in_title {
                &mut el.title
            } else {
                &mut el.text
            };
            target.push_str(s);
        }
    };
    loop {
        match reader.read_event() {
            Err(e) => panic!("malformed XML at {}: {e}", reader.buffer_position()),
            Ok(Event::Eof) => break,
            Ok(ev @ (Event::Start(_) | Event::Empty(_))) => {
                let (e, open) = match &ev {
                    Event::Start(e) => (e, true),
                    Event::Empty(e) => (e, false),
                    _ => unreachable!(),
                };
                let tag = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                doc.tags.insert(tag.clone());
                let mut el = XmlElement {
                    tag: tag.clone(),
                    ..Default::default()
                };
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    let v = a
                        .unescape_value()
                        .expect("attribute value unescapes")
                        .into_owned();
                    match a.key.as_ref() {
                        b"id" => el.id = Some(v),
                        b"class" => el.class = v,
                        _ => {}
                    }
                }
                let idx = el.id.clone().map(|id| {
                    assert!(doc.ids.insert(id.clone()), "id {id} is repeated");
                    doc.elements.push(el);
                    doc.elements.len() - 1
                });
                if open {
                    stack.push((tag, idx));
                }
            }
            Ok(Event::End(_)) => {
                stack.pop();
            }
            Ok(Event::Text(t)) => {
                let s = t.decode().expect("UTF-8 text").into_owned();
                if !s.trim().is_empty()
                    || stack
                        .last()
                        .is_some_and(|(t, _)| t == "title" || t == "tspan" || t == "text")
                {
                    add_text(&mut doc, &stack, &s);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let s = match r.resolve_char_ref().expect("valid character reference") {
                    Some(c) => c.to_string(),
                    None => match r.decode().expect("UTF-8").as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity &{other};"),
                    },
                };
                add_text(&mut doc, &stack, &s);
            }
            Ok(_) => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    doc
}

/// A screenshot of an SVG file in headless Chromium, decoded to RGBA pixels, with its
/// width and height. When Chromium is not installed the check is skipped (None), except
/// on CI (`CI` set), where that is a failure.
pub fn screenshot(svg: &Path, width: u32, height: u32) -> Option<(Vec<u8>, u32, u32)> {
    let bin = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(bin) = bin else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is required on CI for the screenshot tests"
        );
        eprintln!("skipped: Chromium is not installed");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("shot.png");
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", svg.display()))
        .output()
        .expect("chromium runs");
    assert!(
        png.exists(),
        "chromium wrote no screenshot:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    Some((rgba, info.width, info.height))
}

/// Whether the browser tests can run here: the system Chromium and Python's
/// Playwright. On CI (`CI` set) they must (test.sh installs them); locally `what`
/// is skipped with a note.
pub fn chromium_and_playwright(what: &str) -> bool {
    let chromium = Path::new("/usr/bin/chromium").exists();
    let playwright = Command::new("python3")
        .args(["-c", "import playwright.sync_api"])
        .output()
        .is_ok_and(|o| o.status.success());
    if chromium && playwright {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} needs /usr/bin/chromium and `python3 -m pip install playwright` on CI (test.sh installs them)"
    );
    eprintln!("skipped: Chromium or Python's playwright is missing");
    false
}

/// The bundled corpus built into a temporary `out/`, for the questions asked of it.
pub struct Bundled {
    pub out: tempfile::TempDir,
}

impl Bundled {
    pub fn new() -> Self {
        let out = tempfile::tempdir().unwrap();
        levelmap(["build", "--corpus"])
            .arg(corpus())
            .arg("--out")
            .arg(out.path())
            .ok();
        Bundled { out }
    }

    /// `levelmap ARGS` on the bundled corpus and this output.
    pub fn run(&self, args: &[&str]) -> Run {
        levelmap(args)
            .arg("--corpus")
            .arg(corpus())
            .arg("--out")
            .arg(self.out.path())
    }

    /// `levelmap ARGS --format json`, parsed; stderr must be empty.
    pub fn json<T: serde::de::DeserializeOwned>(&self, args: &[&str]) -> T {
        let d = self.run(args).arg("--format").arg("json").ok();
        assert!(d.stderr.is_empty(), "unexpected stderr: {}", d.stderr);
        serde_json::from_str(&d.stdout).unwrap_or_else(|e| panic!("{e}\n{}", d.stdout))
    }
}
