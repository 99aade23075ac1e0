//! End-to-end time, peak memory and output size of the network, measure and
//! interchange commands on a synthetic corpus (the query bench's generator,
//! `levelmap_testkit::corpus`, same seed): each command is run as a process of the
//! release binary, from start to exit, after one warm-up run, and the median wall
//! time (with the user and system CPU of that run), the largest peak RSS (from
//! `/usr/bin/time -f %M`) and the bytes written are printed. Issue 15's target: every
//! command under 2 s at 10,000 articles. On a shared machine the system time (the
//! kernel zeroing fresh pages) swings from run to run; user time is the steadier peer.
//!
//! Run with `cargo bench --bench network` (10,000 articles), or for a quick run
//! `NETWORK_BENCH_N=1000 cargo bench --bench network`. Options (after `--`):
//!   --runs 3           timed runs per command (after one warm-up run)
//!   --only WORD        time only the commands whose label contains WORD
//!   --timeout 60       stop a command after this many seconds (printed as "> 60")
//!
//! Each command's peer, measured in the same run after each of its runs: `write s`,
//! the median time this process takes to write as many bytes as the command wrote to
//! a new file (no command writing them can be faster). Outputs are removed after each
//! run, so that the page cache does not grow by gigabytes from command to command.
//!
//! The exports read the built graph.json, which they load from the query store
//! beside it (made this binary's by one untimed query first); one export from the
//! corpus folder shows what reading and building costs.
//!
//! The corpus is generated and built (`levelmap build --corpus DIR --out OUT`) once
//! into target/bench-corpora/network-N/ and reused; outputs go to its `results/`.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // benchmarks set up corpora and outputs on disk

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Bump when the generator or the build changes, so that old corpora are not reused.
const GENERATOR: u32 = 3;
const SEED: u64 = 7;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_levelmap")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Generate and build the corpus of `n` articles once; its corpus and out folders.
fn corpus(n: usize) -> (PathBuf, PathBuf) {
    let dir = root().join(format!(
        "target/bench-corpora/network-{n}-g{GENERATOR}-s{SEED}"
    ));
    let (corpus, out) = (dir.join("corpus"), dir.join("out"));
    let done = dir.join("built");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {n} synthetic articles in {} …", dir.display());
        levelmap_testkit::corpus::generate(&corpus, n, SEED).expect("corpus written");
        let t = Instant::now();
        let status = Command::new(bin())
            .args(["build", "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(&out)
            .stdout(Stdio::null())
            .status()
            .expect("levelmap runs");
        assert!(status.success(), "build failed");
        eprintln!("  levelmap build: {:.1} s", t.elapsed().as_secs_f64());
        std::fs::write(&done, "").expect("marker written");
    }
    (corpus, out)
}

/// Make the query store beside graph.json this binary's, untimed: a store stands for
/// the build that wrote it, so after a rebuild of levelmap every export would parse
/// graph.json instead (an export never rewrites a store; a query does), and a run
/// with `--only export` would time that.
fn fresh_store(corpus: &Path, out: &Path) {
    let status = Command::new(bin())
        .args(["stats", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("levelmap runs");
    assert!(status.success(), "levelmap stats failed");
}

/// One command: its label, its arguments, where it writes (None: standard output),
/// and whether it is meant to refuse (a non-zero exit with an error, timed all the
/// same: how soon a user hears no).
struct Cmd {
    label: String,
    args: Vec<String>,
    output: Option<PathBuf>,
    refused: bool,
}

fn commands(corpus: &Path, out: &Path, results: &Path) -> Vec<Cmd> {
    let src = |mut a: Vec<String>| {
        a.extend([
            "--corpus".into(),
            corpus.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ]);
        a
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    let mut list = vec![];
    let mut push = |label: &str, args: Vec<String>, output: Option<PathBuf>| {
        list.push(Cmd {
            label: label.into(),
            args,
            output,
            refused: label.contains("(refused"),
        })
    };
    push(
        "statements --format csv",
        src(s(&["statements", "--format", "csv"])),
        None,
    );
    for kind in [
        "affiliation",
        "congruence",
        "conflict",
        "subtract",
        "policies",
    ] {
        for format in ["json", "csv"] {
            push(
                &format!("network {kind} --format {format}"),
                src(s(&["network", kind, "--format", format])),
                None,
            );
        }
    }
    push(
        "network congruence --window 12m --step 3m json",
        src(s(&[
            "network",
            "congruence",
            "--window",
            "12m",
            "--step",
            "3m",
            "--format",
            "json",
        ])),
        None,
    );
    push("polarisation", src(s(&["polarisation"])), None);
    push(
        "stats --network congruence",
        src(s(&["stats", "--network", "congruence"])),
        None,
    );
    push(
        "network policies --format graphml",
        src(s(&["network", "policies", "--format", "graphml"])),
        None,
    );
    let json = out.join("graph.json").display().to_string();
    for format in ["graphml", "gexf", "csv", "aif", "timelinejs", "parquet"] {
        let file = results.join(format!("export-{format}"));
        let mut a = s(&["export", "--format", format, "--from-json", &json]);
        let to = if format == "parquet" { "--out" } else { "-o" };
        a.extend([to.into(), file.display().to_string()]);
        push(
            &format!("export --format {format} --from-json"),
            a,
            Some(file),
        );
    }
    // The explorer page of the whole graph is past the drawing size at 1,000
    // articles already: refused, with the views that open; a view of one policy and
    // its neighbours is written.
    let file = results.join("export-html");
    let mut a = s(&["export", "--format", "html", "--from-json", &json, "-o"]);
    a.push(file.display().to_string());
    push(
        "export --format html --from-json (refused: past the drawing size)",
        a.clone(),
        Some(file.clone()),
    );
    a.extend(s(&["--around", "policy:p300", "--depth", "1"]));
    push(
        "export --format html --from-json --around policy:p300 --depth 1",
        a,
        Some(file),
    );
    // the same from the corpus folder: read and built first
    let file = results.join("export-graphml-corpus");
    let mut a = s(&["export", "--format", "graphml", "--corpus"]);
    a.push(corpus.display().to_string());
    a.extend(["-o".into(), file.display().to_string()]);
    push("export --format graphml (corpus)", a, Some(file));
    list
}

/// Bytes in a file, or in every file of a folder.
fn size(p: &Path) -> u64 {
    match std::fs::read_dir(p) {
        Ok(entries) => entries.flatten().map(|e| size(&e.path())).sum(),
        Err(_) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
    }
}

/// Run once, stopped after `limit` seconds: (wall seconds, peak RSS in MB, user and
/// system CPU seconds, output bytes), or None if it was stopped.
fn run(c: &Cmd, results: &Path, k: usize, limit: u64) -> Option<(f64, f64, f64, f64, u64)> {
    let rss = results.join(format!("rss-{k}"));
    let stdout = results.join(format!("stdout-{k}"));
    let t = Instant::now();
    let status = Command::new("/usr/bin/time")
        .arg("-o")
        .arg(&rss)
        .args(["-f", "%M %U %S", "timeout", &limit.to_string()])
        .arg(bin())
        .args(&c.args)
        .env("NO_COLOR", "1")
        .stdout(std::fs::File::create(&stdout).expect("stdout file"))
        .stderr(Stdio::null())
        .status()
        .expect("/usr/bin/time runs levelmap");
    let wall = t.elapsed().as_secs_f64();
    if status.code() == Some(124) {
        return None; // timeout(1) stopped it
    }
    assert!(
        status.success() != c.refused,
        "`levelmap {}` {}",
        c.args.join(" "),
        if c.refused {
            "was not refused"
        } else {
            "failed"
        }
    );
    let text = std::fs::read_to_string(&rss).unwrap_or_default();
    let v: Vec<f64> = text
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let at = |i: usize| v.get(i).copied().unwrap_or(0.0);
    let bytes = size(c.output.as_deref().unwrap_or(&stdout));
    // gone before the next run: gigabytes of outputs left in the page cache make
    // the kernel reclaim memory while the next command faults its pages in
    for p in [Some(stdout.as_path()), c.output.as_deref()]
        .into_iter()
        .flatten()
    {
        let _ = std::fs::remove_dir_all(p);
        let _ = std::fs::remove_file(p);
    }
    Some((wall, at(0) / 1024.0, at(1), at(2), bytes))
}

/// The peer of a command: the wall seconds it takes this process to write `bytes`
/// zero bytes to a new file beside the outputs, in 1 MiB writes, and remove it: what
/// no command writing that many bytes can beat.
fn write_floor(results: &Path, bytes: u64) -> f64 {
    use std::io::Write;
    let path = results.join("floor");
    let chunk = vec![0u8; 1 << 20];
    let t = Instant::now();
    let mut f = std::fs::File::create(&path).expect("floor file");
    let mut left = bytes;
    while left > 0 {
        let k = left.min(chunk.len() as u64) as usize;
        f.write_all(&chunk[..k]).expect("floor written");
        left -= k as u64;
    }
    drop(f);
    let secs = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    secs
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        argv.iter()
            .position(|a| a == name)
            .and_then(|i| argv.get(i + 1))
            .cloned()
    };
    let n: usize = std::env::var("NETWORK_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let runs: usize = flag("--runs")
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let only = flag("--only");
    let limit: u64 = flag("--timeout").and_then(|s| s.parse().ok()).unwrap_or(60);
    let (corpus, out) = corpus(n);
    fresh_store(&corpus, &out);
    let results = out.parent().expect("out has a parent").join("results");
    std::fs::create_dir_all(&results).expect("results folder");
    let json = std::fs::metadata(out.join("graph.json"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "{n} synthetic articles (graph.json {:.0} MB); median of {runs} runs after a warm-up",
        json as f64 / 1e6
    );
    println!(
        "{:<52} {:>8} {:>8} {:>8} {:>10} {:>12} {:>8}",
        "command", "wall s", "user s", "sys s", "peak MB", "output bytes", "write s"
    );
    let mut slow = vec![];
    for (k, c) in commands(&corpus, &out, &results).iter().enumerate() {
        if only.as_deref().is_some_and(|w| !c.label.contains(w)) {
            continue;
        }
        // warm-up: page cache, query store; a command past the limit is run no more
        if run(c, &results, k, limit).is_none() {
            slow.push(c.label.clone());
            println!("{:<52} {:>8}", c.label, format!("> {limit}"));
            continue;
        }
        let mut times = vec![];
        let mut floors = vec![];
        let (mut peak, mut bytes) = (0.0f64, 0);
        for _ in 0..runs {
            let Some((w, m, u, s, b)) = run(c, &results, k, limit) else {
                continue;
            };
            times.push((w, u, s));
            peak = peak.max(m);
            bytes = b;
            floors.push(write_floor(&results, b));
        }
        if times.is_empty() {
            slow.push(c.label.clone());
            println!("{:<52} {:>8}", c.label, format!("> {limit}"));
            continue;
        }
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (median, user, sys) = times[times.len() / 2];
        floors.sort_by(f64::total_cmp);
        let floor = floors[floors.len() / 2];
        if median >= 2.0 {
            slow.push(format!(
                "{} ({median:.2} s; writing its bytes alone {floor:.2} s)",
                c.label
            ));
        }
        println!(
            "{:<52} {:>8.2} {:>8.2} {:>8.2} {:>10.0} {:>12} {:>8.2}",
            c.label, median, user, sys, peak, bytes, floor
        );
    }
    println!();
    println!(
        "Target: under 2 s each at 10,000 articles. Over: {}",
        if slow.is_empty() {
            "none".into()
        } else {
            slow.join("; ")
        }
    );
}
