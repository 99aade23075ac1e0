//! `levelmap build`: the main job. Validate the corpus, build the graph, write
//! out/graph.json (and the drawings), print a summary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use levelmap::export::json;
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

/// Run `build`.
pub fn run(args: Args) -> Result<ExitCode> {
    let start = Instant::now();
    // Taken before reading, so that an edit made while building leaves the query cache stale.
    let fingerprint = match &args.from_json {
        Some(_) => None,
        None => levelmap::read::stamp::fingerprint(&args.corpus).ok(),
    };
    let (g, warnings) = match &args.from_json {
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
    let files = render_all(&g)?;
    let targets: Vec<(PathBuf, Vec<u8>)> = files.into_iter().map(|(name, bytes)| (args.out.join(name), bytes)).collect();
    let refs: Vec<(&std::path::Path, Vec<u8>)> = targets.iter().map(|(p, b)| (p.as_path(), b.clone())).collect();
    write_all_atomic(&refs)?;
    if let Some(fp) = fingerprint {
        super::load::write_after_build(&args.out, fp, &g);
    }
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
    writeln!(out, "{warnings} warning(s); {:.0} ms", start.elapsed().as_secs_f64() * 1000.0)?;
    Ok(ExitCode::SUCCESS)
}

/// Render every output file to memory first, so that nothing is written unless all succeed.
fn render_all(g: &LevelGraph) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let mut json_bytes = Vec::new();
    json::write_json(g, &mut json_bytes)?;
    Ok(vec![("graph.json", json_bytes)])
}
