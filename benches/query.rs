//! End-to-end latency of the query commands: each is run as a process, from start to
//! exit, several times, and the median and fastest wall-clock times are printed, for
//! the bundled corpus and for synthetic corpora of 1,000 and 10,000 articles with the
//! bundled corpus' proportions (see `levelmap_testkit::corpus`).
//!
//! Run with `cargo bench --bench query`. Options (after `--`):
//!   --sizes 1000,10000   synthetic corpus sizes (0 for none)
//!   --runs 9             timed runs per command (after one warm-up run)
//!   --generate DIR N     only write a synthetic corpus of N articles to DIR
//!   --check              instead of timing, check that every command answers the
//!                        same from the query store as from the whole graph
//!                        (graph.json), byte for byte, in JSON
//!
//! Synthetic corpora are generated and built once into target/bench-corpora/ and
//! reused. The warm-up run also makes sure the query cache (out/graph.cache) exists,
//! as it does after `levelmap build`; the timed runs are what a user sees from then on.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // benchmarks set up corpora and outputs on disk

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Bump when the generator changes, so that old corpora are not reused.
const GENERATOR: u32 = 3;
const SEED: u64 = 7;

struct Corpus {
    name: String,
    corpus: PathBuf,
    out: PathBuf,
    /// The commands to time: (label, arguments).
    commands: Vec<(String, Vec<String>)>,
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_levelmap")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn args(s: &[&str]) -> Vec<String> {
    s.iter().map(|a| a.to_string()).collect()
}

fn build(corpus: &Path, out: &Path) -> Duration {
    let t = Instant::now();
    let status = Command::new(bin())
        .args(["build", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .status()
        .expect("levelmap runs");
    assert!(status.success(), "build of {} failed", corpus.display());
    t.elapsed()
}

fn bundled() -> Corpus {
    let out = root().join("target/bench-corpora/bundled/out");
    build(&root().join("graph"), &out);
    let c = |label: &str, a: &[&str]| (label.to_string(), args(a));
    Corpus {
        name: "bundled (5 articles)".into(),
        corpus: root().join("graph"),
        out,
        commands: with_formats(vec![
            c("show", &["show", "Rachel Reeves"]),
            c("show (hub)", &["show", "levelling up"]),
            c(
                "neighbors --depth 2",
                &["neighbors", "securonomics", "--depth", "2"],
            ),
            c("path", &["path", "Conservative Party", "securonomics"]),
            c(
                "timeline --about",
                &["timeline", "--about", "Lifetime Skills Guarantee"],
            ),
            c(
                "timeline --about (hub)",
                &["timeline", "--about", "levelling up"],
            ),
            c("timeline", &["timeline"]),
            c("stance", &["stance", "Lifetime Skills Guarantee"]),
            c("search", &["search", "skills"]),
            c("stats", &["stats"]),
        ]),
    }
}

fn synthetic(n: usize) -> Corpus {
    let dir = root().join(format!(
        "target/bench-corpora/synth-{n}-g{GENERATOR}-s{SEED}"
    ));
    let (corpus, out) = (dir.join("corpus"), dir.join("out"));
    let done = dir.join("built");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {n} synthetic articles in {} …", dir.display());
        let t = Instant::now();
        let w = levelmap_testkit::corpus::generate(&corpus, n, SEED).expect("corpus written");
        eprintln!("  {w:?} in {:.1} s", t.elapsed().as_secs_f64());
        let b = build(&corpus, &out);
        eprintln!("  levelmap build: {:.1} s", b.as_secs_f64());
        std::fs::write(&done, "").expect("marker written");
    }
    // Nodes of typical popularity (the draw is Zipf-like: p0 and a0 are the hubs).
    let (p, a, a2) = (
        format!("policy:p{}", n / 20 + 3),
        format!("actor:a{}", n / 20 + 5),
        format!("actor:a{}", n / 10 + 8),
    );
    let c = |label: &str, a: Vec<String>| (label.to_string(), a);
    Corpus {
        name: format!("synthetic {n}"),
        corpus,
        out,
        commands: with_formats(vec![
            c("show", args(&["show", &a])),
            c("show (hub)", args(&["show", "policy:p0"])),
            c(
                "neighbors --depth 2",
                args(&["neighbors", &p, "--depth", "2"]),
            ),
            c("path", args(&["path", &a, &a2])),
            c("timeline --about", args(&["timeline", "--about", &p])),
            c(
                "timeline --about (hub)",
                args(&["timeline", "--about", "policy:p0"]),
            ),
            c("timeline", args(&["timeline"])),
            c("stance", args(&["stance", &p])),
            c("search", args(&["search", "skills"])),
            c("stats", args(&["stats"])),
        ]),
    }
}

/// The two longest answers again, as JSON and as CSV (the tables above are the
/// default output, for people).
fn with_formats(mut commands: Vec<(String, Vec<String>)>) -> Vec<(String, Vec<String>)> {
    let long: Vec<(String, Vec<String>)> = commands
        .iter()
        .filter(|(l, _)| l == "neighbors --depth 2" || l == "timeline --about (hub)")
        .cloned()
        .collect();
    for format in ["json", "csv"] {
        for (l, a) in &long {
            let mut a = a.clone();
            a.extend(["--format".to_string(), format.to_string()]);
            commands.push((format!("{l} {format}"), a));
        }
    }
    commands
}

/// Run a command for its JSON answer.
fn answer(c: &Corpus, a: &[String]) -> Vec<u8> {
    let out = Command::new(bin())
        .args(a)
        .args(["--format", "json", "--corpus"])
        .arg(&c.corpus)
        .arg("--out")
        .arg(&c.out)
        .stderr(Stdio::null())
        .output()
        .expect("levelmap runs");
    assert!(out.status.success(), "{a:?} failed");
    out.stdout
}

/// Each command answered from the whole graph (the store removed: the query reads
/// graph.json and writes the store again) and then from the store must agree.
fn check(corpora: &[Corpus]) {
    for c in corpora {
        // (The format variants print the same answers.)
        for (label, a) in c
            .commands
            .iter()
            .filter(|(_, a)| !a.contains(&"--format".to_string()))
        {
            let _ = std::fs::remove_file(c.out.join("graph.cache"));
            let whole = answer(c, a);
            let stored = answer(c, a);
            assert_eq!(
                whole, stored,
                "{}: {label} differs between the whole graph and the store",
                c.name
            );
            println!(
                "{}: {label}: the same {} bytes from the whole graph and from the store",
                c.name,
                whole.len()
            );
        }
    }
}

/// Run once; the wall-clock time from spawning the process to its exit.
fn time(c: &Corpus, a: &[String]) -> Duration {
    let t = Instant::now();
    let out = Command::new(bin())
        .args(a)
        .arg("--corpus")
        .arg(&c.corpus)
        .arg("--out")
        .arg(&c.out)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("levelmap runs");
    let d = t.elapsed();
    assert!(
        out.status.success(),
        "{a:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    d
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    if let Some(i) = argv.iter().position(|a| a == "--generate") {
        let dir = PathBuf::from(argv.get(i + 1).expect("--generate DIR N"));
        let n: usize = argv
            .get(i + 2)
            .and_then(|s| s.parse().ok())
            .expect("--generate DIR N");
        println!(
            "{:?}",
            levelmap_testkit::corpus::generate(&dir, n, SEED).expect("corpus written")
        );
        return;
    }
    let flag = |name: &str| {
        argv.iter()
            .position(|a| a == name)
            .and_then(|i| argv.get(i + 1))
            .cloned()
    };
    let sizes: Vec<usize> = flag("--sizes")
        .map(|s| {
            s.split(',')
                .filter_map(|x| x.trim().parse().ok())
                .filter(|&n| n > 0)
                .collect()
        })
        .unwrap_or_else(|| vec![1000, 10_000]);
    let runs: usize = flag("--runs")
        .and_then(|s| s.parse().ok())
        .unwrap_or(9)
        .max(1);

    let mut corpora = vec![bundled()];
    corpora.extend(sizes.iter().map(|&n| synthetic(n)));
    if argv.iter().any(|a| a == "--check") {
        check(&corpora);
        return;
    }

    // results[command][corpus] = (median, fastest)
    let labels: Vec<String> = corpora[0].commands.iter().map(|(l, _)| l.clone()).collect();
    let mut results: Vec<Vec<(f64, f64)>> = vec![Vec::new(); labels.len()];
    for c in &corpora {
        let cache = std::fs::metadata(c.out.join("graph.cache"))
            .map(|m| m.len())
            .unwrap_or(0);
        eprintln!(
            "timing {} (graph.cache {:.1} MB) …",
            c.name,
            cache as f64 / 1e6
        );
        for (k, (_, a)) in c.commands.iter().enumerate() {
            time(c, a); // warm-up: page cache, query cache
            let mut t: Vec<f64> = (0..runs).map(|_| ms(time(c, a))).collect();
            t.sort_by(f64::total_cmp);
            results[k].push((t[t.len() / 2], t[0]));
        }
    }

    println!();
    println!("End-to-end latency per command (process start to exit), median of {runs} runs (fastest in brackets), ms");
    print!("{:<32}", "command");
    for c in &corpora {
        print!("  {:>22}", c.name);
    }
    println!();
    for (k, label) in labels.iter().enumerate() {
        print!("{label:<32}");
        for (median, fastest) in &results[k] {
            print!("  {:>22}", format!("{median:.1} ({fastest:.1})"));
        }
        println!();
    }
    println!();
    println!("Targets: under 20 ms on the bundled corpus, under 200 ms on 10,000 articles.");
    for c in &corpora {
        println!(
            "{}: {}",
            c.name,
            c.commands
                .iter()
                .map(|(l, a)| format!("{l} = `levelmap {}`", a.join(" ")))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}
