//! Extraction throughput: a synthetic corpus of 10,000 articles made by recombining
//! real sentences of the bundled articles, extracted on one core and across cores
//! with rayon; prints MB/s of article text (the median of several runs) and a
//! digest of every draft, so that an optimisation that changes any output shows.
//!
//! A second corpus measures real text: every article of the bundled corpus
//! (`graph/articles/*.txt`), of the held-apart one
//! (`tests/fixtures/heldout/articles/*.txt`) and of the gold set's dev part (full-length
//! articles, `tests/fixtures/gold/dev/articles/*.txt`), each extracted as a whole article with
//! its id derived, the set repeated until it holds at least 1 MB; it prints MB/s on
//! one core and its own digest.
//!
//! Run: `cargo bench --bench extract`. Environment:
//! - `LEVELMAP_BENCH_ARTICLES` (default 10000): number of synthetic articles;
//! - `LEVELMAP_BENCH_RUNS` (default 3): timed runs per mode, the median is printed
//!   (and the best), by the wall clock and by the thread's time on a CPU (which leaves
//!   out the time other work on a shared machine held the core; the kernel updates it
//!   about once a scheduler tick, a few ms, so read it over many runs of the real
//!   text, which take tens of ms each);
//! - `LEVELMAP_BENCH_MODE` (`both`, `single` or `rayon`; default `both`);
//! - `LEVELMAP_BENCH_DIGEST` (`0` to skip the digest of the drafts);
//! - `LEVELMAP_BENCH_TEXT` (`both`, `synthetic` or `real`; default `both`);
//! - `LEVELMAP_BENCH_REAL`: folders of `.txt` articles for the real-text mode instead
//!   of the bundled and held-apart ones, separated by `:`.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // benchmarks set up corpora and outputs on disk

use std::path::Path;
use std::time::Instant;

use levelmap_extract::{self as extract, draft, ExtractOptions, Layout};
use levelmap_read::read_corpus;
use levelmap_testkit::rng::Rng;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

/// The allocator the `levelmap` binary uses (src/main.rs), so that the benchmark
/// measures what `levelmap extract` runs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `n` synthetic articles, each a header line then 4 to 9 paragraphs of 2 to 6
/// sentences, drawn from the given ones (always the same, from a fixed seed).
fn recombine(headers: &[String], sentences: &[String], n: usize) -> Vec<String> {
    let mut rng = Rng::xorshift(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|_| {
            let mut t = String::new();
            t.push_str(&headers[rng.below(headers.len())]);
            t.push_str("\n\n");
            let paras = 4 + rng.below(6);
            for _ in 0..paras {
                let k = 2 + rng.below(5);
                for j in 0..k {
                    if j > 0 {
                        t.push(' ');
                    }
                    t.push_str(&sentences[rng.below(sentences.len())]);
                }
                t.push_str("\n\n");
            }
            t
        })
        .collect()
}

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The fastest run (the one least disturbed by other work on the machine).
fn best(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

/// This thread's time on a CPU so far, in seconds (Linux: the first field of
/// /proc/thread-self/schedstat, in nanoseconds): unlike the wall clock, it leaves out
/// the time other work on a shared machine held the core. `None` where not available.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Runs `f` once, timed: (wall seconds, CPU seconds of this thread, if known).
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, Option<f64>) {
    let c0 = thread_cpu_secs();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = c0.zip(thread_cpu_secs()).map(|(a, b)| b - a);
    (out, wall, cpu)
}

/// " cpu X MB/s (best Y)" for CPU times, or nothing without them.
fn cpu_rate(mb: f64, cpu: &[f64]) -> String {
    if cpu.is_empty() {
        return String::new();
    }
    format!(
        "; on-CPU {:.1} MB/s (best {:.1})",
        mb / median(cpu),
        mb / best(cpu)
    )
}

/// The real articles: the bundled, held-apart and gold dev texts as written, in file-name order.
fn real_articles(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let dirs: Vec<String> = match std::env::var("LEVELMAP_BENCH_REAL") {
        Ok(v) => v.split(':').map(str::to_string).collect(),
        Err(_) => vec![
            "graph/articles".into(),
            "tests/fixtures/heldout/articles".into(),
            "tests/fixtures/gold/dev/articles".into(),
        ],
    };
    for dir in &dirs {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("the article folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("a text")),
        );
    }
    out
}

/// SHA-256 (first 8 bytes, hex) of strings in order.
fn digest_of(rendered: &[String]) -> String {
    let mut h = Sha256::new();
    for r in rendered {
        h.update(r.as_bytes());
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Real text on one core: the real articles, repeated until the set holds at least
/// 1 MB, each extracted whole with its id derived (as `levelmap extract FILE` does).
fn bench_real(root: &Path, lex: &extract::Lexicon, opts: &ExtractOptions, runs: usize) {
    let texts = real_articles(root);
    assert!(!texts.is_empty(), "real articles to read");
    let once: usize = texts.iter().map(String::len).sum();
    let reps = 1_000_000usize.div_ceil(once.max(1));
    let mb = (once * reps) as f64 / 1e6;
    let run = || -> usize {
        (0..reps)
            .flat_map(|_| texts.iter())
            .map(|t| {
                extract::extract("bench", t, None, lex, opts)
                    .map(|d| d.claims.len())
                    .unwrap_or(0)
            })
            .sum()
    };
    let _ = run(); // warm up
    let (mut times, mut cpu) = (Vec::new(), Vec::new());
    let mut claims = 0;
    for _ in 0..runs {
        let (c, wall, on_cpu) = timed(run);
        claims = c;
        times.push(wall);
        cpu.extend(on_cpu);
    }
    let b = best(&times);
    let s = median(&times);
    println!(
        "  real text: {} articles ({once} bytes) repeated {reps} times, {mb:.2} MB",
        texts.len()
    );
    println!(
        "  real, one core:      {s:>7.3} s  {:>7.1} MB/s  (best {:.1} MB/s{}; {claims} claims drafted)",
        mb / s,
        mb / b,
        cpu_rate(mb, &cpu)
    );
    if std::env::var("LEVELMAP_BENCH_DIGEST").as_deref() != Ok("0") {
        let rendered: Vec<String> = texts
            .iter()
            .map(|t| {
                extract::extract("bench", t, None, lex, opts)
                    .map(|d| draft::render(&d, "bench"))
                    .unwrap_or_default()
            })
            .collect();
        println!(
            "  real drafts digest: {} (sha256 of each real article's draft as TOML)",
            digest_of(&rendered)
        );
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reading = read_corpus(&root.join("graph"));
    let lex = extract::lexicon(&reading.corpus);
    let text_mode = std::env::var("LEVELMAP_BENCH_TEXT").unwrap_or_else(|_| "both".into());
    let runs = env_num("LEVELMAP_BENCH_RUNS", 3).max(1);
    if text_mode == "real" {
        println!("levelmap extract benchmark (real text)");
        bench_real(root, &lex, &ExtractOptions::default(), runs);
        return;
    }
    let mut sentences: Vec<String> = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    for a in reading.corpus.articles.values() {
        let layout = Layout::new(&a.text);
        for s in &layout.sentences {
            let q = extract::sentences::quote(&a.text, s.start, s.end);
            if s.words >= 6 {
                sentences.push(q);
            } else if s.words >= 3 {
                headers.push(q);
            }
        }
    }
    assert!(!sentences.is_empty(), "the bundled corpus has sentences");
    let n = env_num("LEVELMAP_BENCH_ARTICLES", 10_000);
    let mode = std::env::var("LEVELMAP_BENCH_MODE").unwrap_or_else(|_| "both".into());
    let articles = recombine(&headers, &sentences, n);
    let bytes: usize = articles.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let opts = ExtractOptions::default();
    println!("levelmap extract benchmark");
    println!("  corpus:   {n} synthetic articles, {mb:.1} MB ({bytes} bytes) of plain text, recombined from {} real sentences of the bundled corpus", sentences.len());
    println!("  measures: extract::extract on each article (layout, metadata, date, entities and candidates, events, claims,");
    println!(
        "            evolves-into relations), with echo proposal included (each drafted claim scored against the {} curated",
        lex.claims.len()
    );
    println!("            claims of the lexicon through an inverted index); not measured: reading files, markup, writing TOML");
    println!(
        "  timing:   median (and best) of {runs} run(s) per mode; MB = 10^6 bytes of article text"
    );
    let run = |a: &String| {
        extract::extract("bench", a, Some("bench-article"), &lex, &opts)
            .map(|d| d.claims.len())
            .unwrap_or(0)
    };

    // Warm up (lazy automata and regexes are built on first use).
    let _: usize = articles.iter().take(50).map(run).sum();

    let mut claims = None;
    if mode == "both" || mode == "single" {
        let (mut times, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let (c, wall, on_cpu) = timed(|| articles.iter().map(run).sum::<usize>());
            times.push(wall);
            cpu.extend(on_cpu);
            claims = Some(c);
        }
        let b = best(&times);
        let s = median(&times);
        println!(
            "  one core:            {s:>7.3} s  {:>7.1} MB/s  (best {:.1} MB/s{}; {} claims drafted)",
            mb / s,
            mb / b,
            cpu_rate(mb, &cpu),
            claims.unwrap_or(0)
        );
    }
    if mode == "both" || mode == "rayon" {
        let inputs: Vec<extract::Input<'_>> = articles
            .iter()
            .map(|a| extract::Input {
                file: "bench",
                text: a,
                stem: Some("bench-article"),
            })
            .collect();
        let threads = rayon::current_num_threads();
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let drafts = extract::extract_all(&inputs, &lex, &opts);
            let c: usize = drafts
                .iter()
                .map(|d| d.as_ref().map_or(0, |d| d.claims.len()))
                .sum();
            times.push(t.elapsed().as_secs_f64());
            if let Some(single) = claims {
                assert_eq!(single, c, "parallel extraction gives the same drafts");
            }
            claims = Some(c);
        }
        let b = best(&times);
        let p = median(&times);
        println!("  rayon ({threads} threads):   {p:>7.3} s  {:>7.1} MB/s  (best {:.1} MB/s; extract::extract_all)", mb / p, mb / b);
    }
    if std::env::var("LEVELMAP_BENCH_DIGEST").as_deref() != Ok("0") {
        // Not timed: every draft rendered as TOML and hashed, to compare builds.
        let rendered: Vec<String> = articles
            .par_iter()
            .map(|a| {
                extract::extract("bench", a, None, &lex, &opts)
                    .map(|d| draft::render(&d, "bench"))
                    .unwrap_or_default()
            })
            .collect();
        let digest = digest_of(&rendered);
        println!("  drafts digest: {digest} (sha256 of every draft as TOML; must not change when only speed changes)");
    }
    if text_mode == "both" {
        bench_real(root, &lex, &opts, runs);
    }
}
