//! One module per subcommand, each with `Args` (clap) and `run(args) -> Result<ExitCode>`,
//! plus what several commands share.

pub(crate) mod add;
pub(crate) mod answer;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod eval;
pub(crate) mod export;
pub(crate) mod extract;
pub(crate) mod load;
pub(crate) mod neighbors;
pub(crate) mod netstats;
pub(crate) mod network;
pub(crate) mod path;
pub(crate) mod polarisation;
pub(crate) mod render;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod stance;
pub(crate) mod statements;
pub(crate) mod stats;
pub(crate) mod table;
pub(crate) mod timeline;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use levelmap_read::{read_corpus, Reading};

use crate::cli::{Cli, Command};

/// Run the chosen subcommand.
pub(crate) fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => {
            small_pages(&args.corpus);
            check::run(args)
        }
        Command::Build(args) => {
            small_pages(&args.corpus);
            build::run(args)
        }
        Command::Show(args) => show::run(args),
        Command::Neighbors(args) => neighbors::run(args),
        Command::Path(args) => path::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Stance(args) => stance::run(args),
        Command::Search(args) => search::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Statements(args) => statements::run(args),
        Command::Network(args) => network::run(args),
        Command::Polarisation(args) => polarisation::run(args),
        Command::Export(args) => export::run(args),
        Command::Render(args) => render::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Add(args) => add::run(args),
        Command::Eval(args) => eval::run(args),
    }
}

/// Ask the kernel for 4 kB pages only, for a command that reads a corpus of fewer than
/// [`SMALL_PAGES_BELOW`] articles. Such a command allocates and frees gigabytes in
/// short-lived pieces, and with transparent huge pages the kernel zeroes 2 MB at the
/// first touch of each fresh piece: at 10,000 articles a quarter to a third of a
/// rebuild's CPU time went to that, and 4 kB pages made the build about 20% faster. A
/// larger corpus keeps huge pages: at 100,000 articles (7 GB held at once) they made
/// the build about 10% faster, at 30,000 the two were even (docs/scale.md). The
/// count is of the articles folder's entries (a text and an annotation each), which
/// costs a directory listing. Where the kernel has no such switch, nothing changes.
fn small_pages(corpus: &Path) {
    let entries = std::fs::read_dir(corpus.join("articles")).map_or(0, Iterator::count);
    if entries < 2 * SMALL_PAGES_BELOW {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
}

/// The corpus size (articles) from which `build` and `check` keep huge pages.
const SMALL_PAGES_BELOW: usize = 30_000;

/// Read a graph.json back (streamed: its text is never held whole), with its
/// warnings rendered.
pub(crate) fn read_graph_json(
    path: &Path,
) -> Result<(levelmap_model::graph::LevelGraph, Vec<String>)> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    Ok(levelmap_model::json::from_json_reader(
        reader,
        &path.display().to_string(),
    )?)
}

/// Read the corpus and print every diagnostic to stderr; fail if any is an error.
pub(crate) fn read_checked(corpus: &Path) -> Result<Reading> {
    checked(corpus, read_corpus(corpus))
}

/// A reading of `corpus` with its diagnostics printed; an error when it has errors.
pub(crate) fn checked(corpus: &Path, reading: Reading) -> Result<Reading> {
    print_diagnostics(&reading);
    if reading.has_errors() {
        anyhow::bail!(
            "the corpus in {} has {} error(s) and {} warning(s); nothing was written",
            corpus.display(),
            reading.error_count(),
            reading.warning_count()
        );
    }
    Ok(reading)
}

/// Print diagnostics to stderr, one blank line apart.
pub(crate) fn print_diagnostics(reading: &Reading) {
    for d in &reading.diagnostics {
        note!("{d}\n");
    }
}
