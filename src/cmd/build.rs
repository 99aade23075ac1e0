//! `levelmap build`: the main job. Validate the corpus, build the graph, write
//! out/graph.json, out/graph.dot and out/graph.svg, print a summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use levelmap::export::{dot, json, svg};
use levelmap::graph::{build, BuildOptions, LevelGraph};
use levelmap::output::write_all_atomic;

/// Flags of `levelmap build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus folder (with lexicon/ and articles/).
    #[arg(long, default_value = "graph")]
    pub corpus: PathBuf,
    /// Where to write graph.json, graph.dot and graph.svg.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Rebuild from a graph.json instead of the corpus (a round trip gives identical bytes).
    #[arg(long, value_name = "FILE")]
    pub from_json: Option<PathBuf>,
    /// Include items drafted by `levelmap extract`, marked as extracted.
    #[arg(long)]
    pub auto: bool,
}

/// Graphs larger than this (nodes + edges) get a progress bar on a terminal.
const LONG_WORK: usize = 2000;

/// A progress bar on stderr, shown only when stdout and stderr are terminals and the
/// work is long; hidden otherwise (pipes and tests see nothing).
fn progress(steps: u64) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::hidden());
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} {msg} ({elapsed})") {
        pb.set_style(style.progress_chars("=> "));
    }
    pb
}

fn show_if_long(pb: &ProgressBar, g: &LevelGraph) {
    if g.node_count() + g.edge_count() > LONG_WORK && std::io::stdout().is_terminal() && std::io::stderr().is_terminal() {
        pb.set_draw_target(ProgressDrawTarget::stderr());
        pb.enable_steady_tick(Duration::from_millis(120));
    }
}

/// Run `build`.
pub fn run(args: Args) -> Result<ExitCode> {
    let start = Instant::now();
    // Taken before reading, so that an edit made while building leaves the query cache stale.
    let fingerprint = match &args.from_json {
        Some(_) => None,
        None => levelmap::read::stamp::fingerprint(&args.corpus).ok(),
    };
    let pb = progress(5);
    pb.set_message("reading the corpus");
    let (g, mut warnings) = match &args.from_json {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            (json::from_json(&text, &path.display().to_string())?, 0)
        }
        None => {
            let reading = super::read_checked(&args.corpus)?;
            let g = build(&reading.corpus, BuildOptions { include_extracted: args.auto });
            (g, reading.warning_count())
        }
    };
    show_if_long(&pb, &g);
    pb.inc(1);
    let (files, report) = render_all(&g, &pb)?;
    pb.set_message("writing");
    let targets: Vec<(PathBuf, Vec<u8>)> = files.into_iter().map(|(name, bytes)| (args.out.join(name), bytes)).collect();
    let refs: Vec<(&std::path::Path, Vec<u8>)> = targets.iter().map(|(p, b)| (p.as_path(), b.clone())).collect();
    write_all_atomic(&refs)?;
    if let Some(fp) = fingerprint {
        super::load::write_after_build(&args.out, fp, &g);
    }
    pb.inc(1);
    pb.finish_and_clear();

    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    warnings += report.warnings.len();
    let mut out = std::io::stdout().lock();
    writeln!(out, "built {} nodes, {} edges", g.node_count(), g.edge_count())?;
    for (kind, n) in g.count_nodes() {
        writeln!(out, "  {:<14} {n:>5}", kind.plural())?;
    }
    for (kind, n) in g.count_edges() {
        writeln!(out, "  {:<14} {n:>5}", kind.as_str())?;
    }
    for (p, _) in &targets {
        writeln!(out, "wrote {}", p.display())?;
    }
    writeln!(out, "graph.svg: {}", report.note)?;
    writeln!(out, "{warnings} warning(s); {:.0} ms", start.elapsed().as_secs_f64() * 1000.0)?;
    Ok(ExitCode::SUCCESS)
}

/// A file name and its bytes.
type Rendered = (&'static str, Vec<u8>);

/// Render every output file to memory first, so that nothing is written unless all
/// succeed. Returns the files and what drawing the SVG did.
fn render_all(g: &LevelGraph, pb: &ProgressBar) -> Result<(Vec<Rendered>, svg::SvgReport)> {
    pb.set_message("graph.json");
    let mut json_bytes = Vec::new();
    json::write_json(g, &mut json_bytes)?;
    pb.inc(1);
    pb.set_message("graph.dot");
    let mut dot_bytes = Vec::new();
    dot::write_dot(g, &dot::DotOptions::default(), &mut dot_bytes)?;
    pb.inc(1);
    pb.set_message("graph.svg (layout)");
    let mut svg_bytes = Vec::new();
    let report = svg::write_svg(g, &svg::SvgOptions::default(), &mut svg_bytes).context("cannot draw graph.svg")?;
    pb.inc(1);
    Ok((vec![("graph.json", json_bytes), ("graph.dot", dot_bytes), ("graph.svg", svg_bytes)], report))
}
