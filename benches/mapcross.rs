//! The argument map against Graphviz `dot` on the same graph: edge crossings, drawing
//! size and layout time of levelmap's graph.svg and of `dot` on graph.dot, both
//! measured from what they draw by `levelmap_draw::map::measure` (curves flattened
//! the same way, touching ends not counted).
//!
//! Run: `cargo bench --bench mapcross` (set `LEVELMAP_BENCH_CORPUS` to measure another
//! corpus folder). Times are medians of 5 runs on this machine; the ratio against dot,
//! measured in the same run, is the number to compare. dot's time includes starting
//! the process.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // benchmarks write the DOT to disk for dot

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use levelmap_draw::map::measure::{self, Drawing};
use levelmap_draw::map::{dot, svg};
use levelmap_model::graph::{build, BuildOptions};
use levelmap_read::read_corpus;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn row(name: &str, d: &Drawing, t: Duration) {
    println!(
        "{name:<10} {:>6} edges {:>7} crossings {:>7.0} x {:<7.0} {:>8.3} s",
        d.edges.len(),
        d.crossings(),
        d.width,
        d.height,
        t.as_secs_f64()
    );
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("LEVELMAP_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("graph"));
    let g = build(&read_corpus(&corpus).corpus, BuildOptions::default());
    let runs = 5;
    let mut times = Vec::new();
    let mut doc = Vec::new();
    let mut note = String::new();
    for _ in 0..runs {
        doc.clear();
        let t = Instant::now();
        note = svg::write_svg(&g, &svg::SvgOptions::default(), &mut doc)
            .expect("svg")
            .note;
        times.push(t.elapsed());
    }
    let ours = measure::from_svg(&String::from_utf8(doc).expect("utf-8")).expect("measure svg");
    let ours_t = median(times);
    println!(
        "levelmap mapcross bench: {} ({} nodes, {} edges)",
        corpus.display(),
        g.node_count(),
        g.edge_count()
    );
    println!("graph.svg: {note}");
    row("levelmap", &ours, ours_t);

    let tmp = tempfile::tempdir().expect("temporary folder");
    let file = tmp.path().join("graph.dot");
    let mut d = Vec::new();
    dot::write_dot(&g, &Default::default(), &mut d).expect("dot");
    std::fs::write(&file, d).expect("write graph.dot");
    let mut times = Vec::new();
    let mut plain = String::new();
    for _ in 0..runs {
        let t = Instant::now();
        match Command::new("dot").arg("-Tplain").arg(&file).output() {
            Ok(out) if out.status.success() => {
                plain = String::from_utf8(out.stdout).expect("utf-8")
            }
            Ok(out) => panic!("dot failed: {}", String::from_utf8_lossy(&out.stderr)),
            Err(e) => {
                println!("dot: not installed ({e})");
                return;
            }
        }
        times.push(t.elapsed());
    }
    let theirs = measure::from_plain(&plain).expect("measure dot -Tplain");
    let theirs_t = median(times);
    row("dot", &theirs, theirs_t);
    println!(
        "ratio levelmap/dot: crossings {:.2}, area {:.2}, time {:.2}",
        ours.crossings() as f64 / theirs.crossings().max(1) as f64,
        ours.width * ours.height / (theirs.width * theirs.height),
        ours_t.as_secs_f64() / theirs_t.as_secs_f64()
    );
}
