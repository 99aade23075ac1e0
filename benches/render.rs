//! Timing of `build` on the bundled corpus and of drawing generated argument maps of
//! 100, 500 and 2000 nodes, with Graphviz `dot -Tsvg` on the same graph's DOT where it
//! is installed, and the ratio (levelmap's SVG time / dot's).
//!
//! Columns: graph nodes and edges; what the SVG draws (nodes with occurrences, edges);
//! dummies (bends routed by layout-rs); long edges drawn straight; the placement
//! engine; whether layout-rs's crossing optimiser ran; seconds.
//!
//! Run: `cargo bench --bench render` (set `LEVELMAP_BENCH_CORPUS` to time another
//! corpus folder; `LEVELMAP_BENCH_SIZES=100,500` to choose sizes).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use levelmap_draw::map::{dot, svg};
use levelmap_model::graph::{build, BuildOptions};
use levelmap_model::json;
use levelmap_read::read_corpus;
use levelmap_testkit::map::{argument_map, SynthOptions};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed());
        last = Some(out);
    }
    (median(times), last.expect("at least one run"))
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

/// `dot -Tsvg` on a file, or None when Graphviz is not installed.
fn time_dot(file: &Path, runs: usize) -> Option<Duration> {
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let out = Command::new("dot").arg("-Tsvg").arg(file).output().ok()?;
        if !out.status.success() {
            eprintln!(
                "dot failed on {}: {}",
                file.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            return None;
        }
        times.push(t.elapsed());
    }
    Some(median(times))
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("LEVELMAP_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("graph"));
    let tmp = tempfile::tempdir().expect("temporary folder");

    println!("levelmap render bench (median of runs; seconds)");
    if corpus.join("articles").is_dir() {
        let runs = 5;
        let (total, (g, sizes, stats)) = time(runs, || {
            let reading = read_corpus(&corpus);
            let g = build(&reading.corpus, BuildOptions::default());
            let mut j = Vec::new();
            json::write_json(&g, &mut j).expect("json");
            let mut d = Vec::new();
            dot::write_dot(&g, &Default::default(), &mut d).expect("dot");
            let mut s = Vec::new();
            let rep = svg::write_svg(&g, &Default::default(), &mut s).expect("svg");
            (g, (j.len(), d.len(), s.len(), d), rep.stats)
        });
        let dot_file = tmp.path().join("corpus.dot");
        std::fs::write(&dot_file, &sizes.3).expect("write dot");
        let (svg_only, _) = time(runs, || {
            let mut s = Vec::new();
            svg::write_svg(&g, &Default::default(), &mut s).expect("svg")
        });
        println!(
            "build {} ({} nodes, {} edges): read+build+json+dot+svg {} s (svg alone {} s); layout {} nodes + {} dummies, {} ranks, {} crossings, layout-rs optimiser {}",
            corpus.display(),
            g.node_count(),
            g.edge_count(),
            secs(total),
            secs(svg_only),
            stats.nodes,
            stats.dummies,
            stats.ranks,
            stats.crossings,
            if stats.optimised { "on" } else { "off" }
        );
        match time_dot(&dot_file, 3) {
            Some(d) => println!(
                "  dot -Tsvg on graph.dot: {} s; levelmap svg / dot = {:.2}",
                secs(d),
                svg_only.as_secs_f64() / d.as_secs_f64()
            ),
            None => println!("  dot not installed: no comparison"),
        }
    } else {
        println!(
            "build: no corpus at {} (set LEVELMAP_BENCH_CORPUS)",
            corpus.display()
        );
    }

    let mut largest = None;
    let sizes: Vec<usize> = std::env::var("LEVELMAP_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 500, 2000]);
    println!(
        "{:>6} {:>6} {:>6} {:>6} {:>7} {:>8} {:>9} {:>9} {:>10} {:>9} {:>9}",
        "nodes",
        "edges",
        "drawn",
        "edges",
        "dummies",
        "straight",
        "engine",
        "optimiser",
        "levelmap",
        "dot",
        "lm/dot"
    );
    for n in sizes {
        let g = argument_map(&SynthOptions {
            nodes: n,
            seed: 42,
            cycles: true,
        });
        largest = Some(g.clone());
        let runs = if n <= 500 { 3 } else { 1 };
        let (t, rep) = time(runs, || {
            let mut s = Vec::new();
            svg::write_svg(&g, &Default::default(), &mut s).expect("svg")
        });
        let mut d = Vec::new();
        dot::write_dot(&g, &Default::default(), &mut d).expect("dot");
        let dot_file = tmp.path().join(format!("synth-{n}.dot"));
        std::fs::write(&dot_file, &d).expect("write dot");
        let dt = time_dot(&dot_file, runs);
        println!(
            "{:>6} {:>6} {:>6} {:>6} {:>7} {:>8} {:>9} {:>9} {:>10} {:>9} {:>9}",
            n,
            g.edge_count(),
            rep.stats.nodes,
            rep.stats.edges,
            rep.stats.dummies,
            rep.stats.unrouted,
            format!("{:?}", rep.stats.engine),
            if rep.stats.optimised { "on" } else { "off" },
            secs(t),
            dt.map_or("-".to_string(), secs),
            dt.map_or("-".to_string(), |d| format!(
                "{:.2}",
                t.as_secs_f64() / d.as_secs_f64()
            ))
        );
    }
    // What layout-rs itself costs on the largest view (levelmap switches to its fast
    // placement above `layout_rs_up_to` scene nodes).
    if let Some(g) = largest {
        let mut opts = svg::SvgOptions::default();
        opts.limits.layout_rs_up_to = usize::MAX;
        let (t, rep) = time(1, || {
            let mut s = Vec::new();
            svg::write_svg(&g, &opts, &mut s).expect("svg")
        });
        println!(
            "largest view forced through layout-rs: {} s ({} nodes, {} dummies, {} long edges drawn straight)",
            secs(t),
            rep.stats.nodes,
            rep.stats.dummies,
            rep.stats.unrouted
        );
    }
}
