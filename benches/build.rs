//! The cost of `levelmap build` per phase as the corpus grows: synthetic corpora (the
//! query bench's generator, `levelmap_testkit::corpus`) of 1,000 and 10,000 articles
//! are built by the real binary with `--timings`, which reports the wall time of each
//! phase (read, graph, json, dot, drawings, store, write, other) and the process' peak
//! memory (VmHWM); the table shows each phase at each size and how it grows.
//!
//! Run with `cargo bench --bench build`. Options (after `--`):
//!   --sizes 1000,10000   synthetic corpus sizes (add 100000 for the national-archive
//!                        size: generating it writes about 0.5 GB and takes minutes;
//!                        `LEVELMAP_BENCH_100K=1` adds it too)
//!   --runs 3             builds per size (after one warm-up build); the median of each
//!                        phase is shown
//!   --incremental        also time rebuilds through the read cache: a full build of a
//!                        copy with an empty cache, then (each rebuilt once, in turn) one
//!                        article edited, one added, one deleted, and nothing changed,
//!                        each with its wall and CPU time as a share of the full build's
//!                        in the same run
//!   --incremental-only   only those rebuilds, without the phase table
//!
//! Corpora are generated once into target/bench-corpora/ and reused. Times are wall
//! clock on a possibly shared machine: compare phases within one run.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // benchmarks set up corpora and outputs on disk

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Bump when the generator changes, so that old corpora are not reused (the query
/// bench's number: both benches write the same corpora).
const GENERATOR: u32 = 3;
const SEED: u64 = 7;

/// The phases `build --timings` reports, in order.
const PHASES: [&str; 9] = [
    "read", "graph", "json", "dot", "drawings", "store", "cache", "write", "other",
];

/// One build's report: wall and CPU milliseconds per phase, the whole wall time,
/// peak memory in MB.
#[derive(Debug, Clone, Default)]
struct Report {
    phases: BTreeMap<String, f64>,
    cpu: BTreeMap<String, f64>,
    wall_ms: f64,
    peak_mb: f64,
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_levelmap")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The synthetic corpus of `n` articles, generated on first use.
fn corpus(n: usize) -> PathBuf {
    let dir = root().join(format!(
        "target/bench-corpora/build-synth-{n}-g{GENERATOR}-s{SEED}"
    ));
    let corpus = dir.join("corpus");
    let done = dir.join("generated");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {n} synthetic articles in {} …", dir.display());
        let t = Instant::now();
        let w = levelmap_testkit::corpus::generate(&corpus, n, SEED).expect("corpus written");
        eprintln!("  {w:?} in {:.1} s", t.elapsed().as_secs_f64());
        std::fs::write(&done, "").expect("marker written");
    }
    corpus
}

/// Build `corpus` into `out` with `--timings` and read the report from stderr.
fn build(corpus: &Path, out: &Path) -> Report {
    build_with(corpus, out, &[])
}

/// Build with `extra` arguments too.
fn build_with(corpus: &Path, out: &Path, extra: &[&str]) -> Report {
    let t = Instant::now();
    let run = Command::new(bin())
        .args(["build", "--timings"])
        .args(extra)
        .arg("--corpus")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("levelmap runs");
    let wall_ms = t.elapsed().as_secs_f64() * 1000.0;
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "build of {} failed:\n{stderr}",
        corpus.display()
    );
    let mut r = Report {
        wall_ms,
        ..Report::default()
    };
    for line in stderr.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["phase", name, ms, "cpu", cpu] => {
                let ms: f64 = ms.parse().expect("milliseconds");
                *r.phases.entry(name.to_string()).or_default() += ms;
                let cpu: f64 = cpu.parse().expect("milliseconds");
                *r.cpu.entry(name.to_string()).or_default() += cpu;
            }
            ["peak", "memory", kb, "kB"] => {
                r.peak_mb = kb.parse::<f64>().expect("kB") / 1024.0;
            }
            _ => {}
        }
    }
    r
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The median of each phase, of the wall time and of the peak over `runs` builds.
fn measure(corpus: &Path, out: &Path, runs: usize) -> Report {
    build(corpus, out); // warm-up: page cache
    let reports: Vec<Report> = (0..runs).map(|_| build(corpus, out)).collect();
    let mut m = Report {
        wall_ms: median(reports.iter().map(|r| r.wall_ms).collect()),
        peak_mb: median(reports.iter().map(|r| r.peak_mb).collect()),
        ..Report::default()
    };
    for p in PHASES {
        let v: Vec<f64> = reports
            .iter()
            .map(|r| r.phases.get(p).copied().unwrap_or(0.0))
            .collect();
        m.phases.insert(p.to_string(), median(v));
        let v: Vec<f64> = reports
            .iter()
            .map(|r| r.cpu.get(p).copied().unwrap_or(0.0))
            .collect();
        m.cpu.insert(p.to_string(), median(v));
    }
    m
}

/// How `b` grew from `a` for `ratio` times the articles, as a power: 1 is linear,
/// 2 quadratic ("-" when either is too small to tell).
fn exponent(a: f64, b: f64, ratio: f64) -> String {
    if a < 1.0 || b < 1.0 {
        return "-".into();
    }
    format!("{:.2}", (b / a).ln() / ratio.ln())
}

fn print_table(sizes: &[usize], reports: &[Report]) {
    println!();
    println!(
        "levelmap build, wall ms per phase (median; CPU ms of all threads, to 10 ms, in brackets),"
    );
    println!("peak memory; growth = log(t2/t1)/log(n2/n1) of the wall time, 1 is linear");
    print!("{:<10}", "phase");
    for n in sizes {
        print!("{:>16}", format!("{n} art."));
    }
    for w in sizes.windows(2) {
        print!(
            "{:>14}",
            format!("growth {}k→{}k", w[0] / 1000, w[1] / 1000)
        );
    }
    println!();
    let row =
        |label: &str, value: &dyn Fn(&Report) -> f64, cpu: &dyn Fn(&Report) -> Option<f64>| {
            print!("{label:<10}");
            for r in reports {
                let c = cpu(r).map_or(String::new(), |c| format!(" ({c:.0})"));
                print!("{:>16}", format!("{:.0}{c}", value(r)));
            }
            for (w, r) in sizes.windows(2).zip(reports.windows(2)) {
                let ratio = w[1] as f64 / w[0] as f64;
                print!("{:>14}", exponent(value(&r[0]), value(&r[1]), ratio));
            }
            println!();
        };
    for p in PHASES {
        row(
            p,
            &|r: &Report| r.phases.get(p).copied().unwrap_or(0.0),
            &|r: &Report| r.cpu.get(p).copied(),
        );
    }
    row("total", &|r: &Report| r.wall_ms, &|r: &Report| {
        Some(r.cpu.values().sum())
    });
    row("peak MB", &|r: &Report| r.peak_mb, &|_| None);
}

/// Copy a corpus folder (two levels: lexicon/ and articles/).
fn copy_corpus(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    for sub in ["lexicon", "articles"] {
        std::fs::create_dir_all(to.join(sub)).expect("folder made");
        for e in std::fs::read_dir(from.join(sub)).expect("folder listed") {
            let e = e.expect("entry");
            std::fs::copy(e.path(), to.join(sub).join(e.file_name())).expect("file copied");
        }
    }
}

/// Rebuild times through the read cache after one article is edited, one added and
/// one deleted, and with nothing changed, against a full build (empty cache) of the
/// same corpus in the same run.
fn incremental(n: usize) {
    let dir = root().join(format!("target/bench-corpora/build-incremental-{n}"));
    let (copy, out) = (dir.join("corpus"), dir.join("out"));
    copy_corpus(&corpus(n), &copy);
    let _ = std::fs::remove_dir_all(&out);
    // Also the warm-up (page cache): the full build without the read cache.
    let nocache = build_with(&copy, &dir.join("nocache"), &["--no-cache"]);
    let _ = std::fs::remove_dir_all(dir.join("nocache"));
    let full = build(&copy, &out);
    let articles = copy.join("articles");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&articles)
        .expect("articles listed")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let last = texts.last().expect("an article").clone();
    // Edit: one more sentence at the end of the last article's text.
    let mut text = std::fs::read_to_string(&last).expect("text read");
    text.push_str("\nA sentence added by the incremental benchmark.\n");
    std::fs::write(&last, text).expect("text written");
    let edited = build(&copy, &out);
    // Add: a copy of the last article under a new name, its claim ids renamed.
    let stem = last
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    std::fs::copy(&last, articles.join("zz-added.txt")).expect("text copied");
    let ann = std::fs::read_to_string(articles.join(format!("{stem}.toml"))).expect("read");
    std::fs::write(
        articles.join("zz-added.toml"),
        ann.replace("id = \"claim:", "id = \"claim:zz-added-"),
    )
    .expect("annotation written");
    let added = build(&copy, &out);
    // Delete: the article just added.
    for ext in ["txt", "toml"] {
        std::fs::remove_file(articles.join(format!("zz-added.{ext}"))).expect("removed");
    }
    let deleted = build(&copy, &out);
    let unchanged = build(&copy, &out);
    let cpu = |r: &Report| r.cpu.values().sum::<f64>();
    println!();
    println!(
        "incremental rebuild, {n} articles: wall and CPU ms (all threads, to 10 ms), each as a share of the full build's, peak MB"
    );
    println!(
        "{:<26}{:>10}{:>8}{:>10}{:>8}{:>9}   read / graph / json / store (wall ms), read CPU",
        "", "wall", "", "cpu", "", "peak"
    );
    for (label, r) in [
        ("full build (empty cache)", &full),
        ("full, --no-cache", &nocache),
        ("one article edited", &edited),
        ("one article added", &added),
        ("one article deleted", &deleted),
        ("nothing changed", &unchanged),
    ] {
        let p = |name: &str| r.phases.get(name).copied().unwrap_or(0.0);
        println!(
            "{label:<26}{:>10.0}{:>7.0}%{:>10.0}{:>7.0}%{:>9.0}   {:.0} / {:.0} / {:.0} / {:.0}, {:.0}",
            r.wall_ms,
            100.0 * r.wall_ms / full.wall_ms,
            cpu(r),
            100.0 * cpu(r) / cpu(&full).max(1.0),
            r.peak_mb,
            p("read"),
            p("graph"),
            p("json"),
            p("store"),
            r.cpu.get("read").copied().unwrap_or(0.0),
        );
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        argv.iter()
            .position(|a| a == name)
            .and_then(|i| argv.get(i + 1))
            .cloned()
    };
    let mut sizes: Vec<usize> = flag("--sizes")
        .map(|s| {
            s.split(',')
                .filter_map(|x| x.trim().parse().ok())
                .filter(|&n| n > 0)
                .collect()
        })
        .unwrap_or_else(|| vec![1000, 10_000]);
    if std::env::var_os("LEVELMAP_BENCH_100K").is_some() && !sizes.contains(&100_000) {
        sizes.push(100_000);
    }
    sizes.sort();
    let runs: usize = flag("--runs")
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let incremental_only = argv.iter().any(|a| a == "--incremental-only");
    let mut reports = Vec::new();
    for &n in sizes.iter().filter(|_| !incremental_only) {
        let c = corpus(n);
        let out = c.parent().expect("corpus folder").join("out");
        eprintln!("building {n} articles ({runs} runs) …");
        reports.push(measure(&c, &out, runs));
    }
    if !incremental_only {
        print_table(&sizes, &reports);
    }
    if argv
        .iter()
        .any(|a| a == "--incremental" || a == "--incremental-only")
    {
        for &n in &sizes {
            incremental(n);
        }
    }
}
