//! `levelmap check`: read and validate the corpus, print every diagnostic and a summary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::graph::{build, BuildOptions};
use levelmap_read::read_corpus;

/// Flags of `levelmap check`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The corpus folder (with lexicon/ and articles/).
    #[arg(long, default_value = "graph")]
    pub(crate) corpus: PathBuf,
}

/// Run `check`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let reading = read_corpus(&args.corpus);
    super::print_diagnostics(&reading);
    let g = build(
        &reading.corpus,
        BuildOptions {
            include_extracted: true,
        },
    );
    let mut out = std::io::stdout().lock();
    writeln!(out, "corpus {}", args.corpus.display())?;
    for (kind, n) in g.count_nodes() {
        writeln!(out, "  {:<14} {n:>5}", kind.plural())?;
    }
    writeln!(out, "  edges          {:>5}", g.edge_count())?;
    for (kind, n) in g.count_edges() {
        writeln!(out, "    {:<14} {n:>5}", kind.as_str())?;
    }
    if let Some((a, b)) = g.date_span() {
        writeln!(out, "  dates          {a} to {b}")?;
    }
    writeln!(
        out,
        "{} error(s), {} warning(s)",
        reading.error_count(),
        reading.warning_count()
    )?;
    if reading.has_errors() {
        anyhow::bail!(
            "the corpus in {} is refused: fix the errors above",
            args.corpus.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
