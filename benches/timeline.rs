//! Layout benchmark: a synthetic timeline of 2,000 claims over 10 years (and the
//! bundled corpus, when present), timed phase by phase. Prints milliseconds.
//!
//! Run: cargo bench --bench timeline
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // benchmarks set up corpora and outputs on disk

use std::time::Instant;

use levelmap_draw::views::layout::{lay_out, order_lanes, LayoutOptions};
use levelmap_draw::views::{evolution, model, slices, svg, TimelineOptions};
use levelmap_model::graph::{build, BuildOptions, LevelGraph};
use levelmap_testkit::timeline::{synthetic, SynthOptions};

const RUNS: usize = 15;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn bench_timeline(name: &str, g: &LevelGraph) {
    let opts = TimelineOptions::default();
    let (mut ex, mut or, mut la, mut dr, mut total) = (vec![], vec![], vec![], vec![], vec![]);
    let mut facts = String::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        let t = Instant::now();
        let mut tl = model::extract(g, &opts).expect("the timeline extracts");
        ex.push(ms(t));
        let t = Instant::now();
        let stats = order_lanes(&mut tl);
        or.push(ms(t));
        let t = Instant::now();
        let lay = lay_out(&tl, &LayoutOptions { width: opts.width });
        la.push(ms(t));
        let t = Instant::now();
        let doc = svg::draw(&tl, &lay);
        dr.push(ms(t));
        total.push(ms(t0));
        let claims: usize = tl.lanes.iter().map(|l| l.claims.len()).sum();
        facts = format!(
            "{} articles, {} events, {} lanes, {} placed claims, {} links, {} label boxes, {} overlaps; lane crossings {:.1} -> {:.1}; {:.0} x {:.0} px, {} KB of SVG",
            tl.articles.len(),
            tl.events.len(),
            tl.lanes.len(),
            claims,
            tl.links.len() + tl.lineage.len(),
            lay.geometry.boxes.len(),
            lay.geometry.collisions().len(),
            stats.before,
            stats.after,
            lay.geometry.width,
            lay.geometry.height,
            doc.len() / 1024
        );
    }
    println!("{name}");
    println!("  {facts}");
    println!(
        "  median of {RUNS} runs: extract {:.1} ms, order lanes {:.1} ms, layout {:.1} ms, svg {:.1} ms; total {:.1} ms (best {:.1} ms)",
        median(ex),
        median(or),
        median(la),
        median(dr),
        median(total.clone()),
        total.iter().copied().fold(f64::INFINITY, f64::min)
    );
}

fn main() {
    let t = Instant::now();
    let g = synthetic(&SynthOptions {
        claims: 2000,
        years: 10,
        ..SynthOptions::default()
    });
    println!(
        "synthetic graph: {} nodes, {} edges, generated in {:.1} ms",
        g.node_count(),
        g.edge_count(),
        ms(t)
    );
    bench_timeline("timeline: 2,000 claims over 10 years", &g);

    let dense = synthetic(&SynthOptions {
        claims: 2000,
        years: 1,
        articles: 40,
        policies: 8,
        same_date: true,
        seed: 3,
    });
    bench_timeline(
        "timeline: 2,000 claims all on one date (worst case for packing)",
        &dense,
    );

    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graph");
    if levelmap_read::layout::articles_dir(&corpus).is_dir() {
        let r = levelmap_read::read_corpus(&corpus);
        let g = build(&r.corpus, BuildOptions::default());
        bench_timeline("timeline: bundled corpus (graph/)", &g);
        let mut times = vec![];
        for _ in 0..RUNS {
            let t = Instant::now();
            for p in ["policy:levelling-up", "policy:industrial-strategy"] {
                evolution::render_evolution(&g, p).expect("the evolution view renders");
            }
            let _ = slices::yearly(&g).expect("the slices render");
            times.push(ms(t));
        }
        println!(
            "bundled corpus: two evolution views and the yearly slices: median {:.1} ms",
            median(times)
        );
    }
}
