//! One module per subcommand, each with `Args` (clap) and `run(args) -> Result<ExitCode>`,
//! plus what several commands share.

pub mod add;
pub mod answer;
pub mod build;
pub mod check;
pub mod eval;
pub mod export;
pub mod extract;
pub mod load;
pub mod neighbors;
pub mod path;
pub mod render;
pub mod search;
pub mod show;
pub mod stance;
pub mod stats;
pub mod table;
pub mod timeline;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use levelmap_read::{read_corpus, Reading};

use crate::cli::{Cli, Command};

/// Run the chosen subcommand.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Show(args) => show::run(args),
        Command::Neighbors(args) => neighbors::run(args),
        Command::Path(args) => path::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Stance(args) => stance::run(args),
        Command::Search(args) => search::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Export(args) => export::run(args),
        Command::Render(args) => render::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Add(args) => add::run(args),
        Command::Eval(args) => eval::run(args),
    }
}

/// Read the corpus and print every diagnostic to stderr; fail if any is an error.
pub fn read_checked(corpus: &Path) -> Result<Reading> {
    let reading = read_corpus(corpus);
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
pub fn print_diagnostics(reading: &Reading) {
    for d in &reading.diagnostics {
        eprintln!("{d}\n");
    }
}
