//! The command line, as clap sees it. Nothing here reaches the library: each
//! subcommand turns its flags into a plain options struct first.

use clap::{Parser, Subcommand};

use crate::cmd;

/// levelmap turns a corpus of policy articles into an evidenced timeline and argument map.
#[derive(Debug, Parser)]
#[command(name = "levelmap", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands; each lives in `src/cmd/<name>.rs`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and validate the corpus, and summarise it.
    ///
    /// Example: levelmap check --corpus graph
    Check(cmd::check::Args),
    /// Validate the corpus, build the graph and write out/graph.{json,dot,svg}.
    ///
    /// Example: levelmap build --corpus graph --out out
    Build(cmd::build::Args),
    /// Write a view of the graph as DOT, SVG or JSON, filtered by kind, edge, dates or
    /// neighbourhood.
    ///
    /// Example: levelmap export --format svg --around 'Rachel Reeves' --depth 2 -o reeves.svg
    Export(cmd::export::Args),
    /// Draw the time-layered views: the timeline, the evolution of one idea, yearly maps.
    ///
    /// Example: levelmap render timeline --lanes 8 -o out/timeline.svg
    Render(cmd::render::Args),
    /// Draft annotation files from raw article texts (plain text, Markdown or HTML).
    ///
    /// Example: levelmap extract graph/articles/2024-07-hickson-labour-levelling-up.txt
    Extract(cmd::extract::Args),
    /// Add an article to the corpus: its text and a drafted annotation.
    ///
    /// Example: levelmap add ~/Downloads/new-article.html --corpus graph
    Add(cmd::add::Args),
    /// Measure extraction against curated annotations (bundled and held-apart corpora).
    ///
    /// Example: levelmap eval --corpus graph --gold graph --gold tests/fixtures/heldout
    Eval(cmd::eval::Args),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
