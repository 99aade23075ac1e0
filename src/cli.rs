//! The command line, as clap sees it. Nothing here reaches the library: each
//! subcommand turns its flags into a plain options struct first.

use clap::{Parser, Subcommand};

use crate::cmd;

/// levelmap turns a corpus of policy articles into an evidenced timeline and argument map.
#[derive(Debug, Clone, Parser)]
#[command(name = "levelmap", version = crate::BUILD, about, long_about = None, propagate_version = true)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands; each lives in `src/cmd/<name>.rs`.
#[derive(Debug, Clone, Subcommand)]
pub(crate) enum Command {
    /// Read and validate the corpus, and summarise it.
    ///
    /// Example: levelmap check --corpus graph
    Check(cmd::check::Args),
    /// Validate the corpus, build the graph, write out/graph.{json,dot,svg} and the timeline views.
    ///
    /// Example: levelmap build --corpus graph --out out
    Build(cmd::build::Args),
    /// Everything about one node: kind, names, dates, and every edge with its evidence.
    ///
    /// The node may be given by id, name or alias; case and punctuation are ignored.
    ///
    /// Example: levelmap show 'Rachel Reeves'
    ///
    /// Example: levelmap show policy:levelling-up --limit 5 --format json
    Show(cmd::show::Args),
    /// The nodes within N steps of a node, each with the evidenced hops that reach it.
    ///
    /// Example: levelmap neighbors securonomics
    ///
    /// Example: levelmap neighbors 'Labour Party' --depth 2 --kind policy --direction out
    #[command(visible_alias = "neighbours")]
    Neighbors(cmd::neighbors::Args),
    /// The shortest connections between two nodes, each hop with its evidence.
    ///
    /// Edges count whichever way they point, and each hop reads in its direction
    /// ("proposes", "proposed by"). Every edge kind but mentions is walked unless
    /// --edge says otherwise. "No connection" is an answer, not an error.
    ///
    /// Example: levelmap path 'Conservative Party' securonomics
    ///
    /// Example: levelmap path 'Conservative Party' 'Labour Party' --max 5 --avoid-kind article
    Path(cmd::path::Args),
    /// A chronological account, with evidence on every line.
    ///
    /// About a policy: every claim with speaker and stance, where stances shifted, and a
    /// tally by year. For an actor: what they said and did. With no filter: the articles
    /// and events in order. Dates keep their precision ("2021-09", "2021").
    ///
    /// Example: levelmap timeline --about 'levelling up'
    ///
    /// Example: levelmap timeline --actor 'Work Foundation' --from 2021 --to 2023
    Timeline(cmd::timeline::Args),
    /// Who is for, against and mixed on a policy, when, and on what evidence.
    ///
    /// Example: levelmap stance 'levelling up'
    ///
    /// Example: levelmap stance policy:securonomics --format csv
    Stance(cmd::stance::Args),
    /// Ranked text search over names, aliases, claims and quotes, with why each hit matched.
    ///
    /// Example: levelmap search skills
    ///
    /// Example: levelmap search Work Foundation skills --kind claim
    Search(cmd::search::Args),
    /// Counts by kind, the date span, the most connected nodes, the most contested
    /// policies and the connected components.
    ///
    /// Example: levelmap stats
    ///
    /// Example: levelmap stats --top 5 --format json
    Stats(cmd::stats::Args),
    /// The statements discourse networks are made of: actor, policy, stance, date,
    /// article and quote (docs/networks.md).
    ///
    /// Example: levelmap statements --actor 'Labour Party' --stance for
    Statements(cmd::statements::Args),
    /// A discourse network of the statements: affiliation, congruence, conflict,
    /// subtract or policies, with degree, betweenness, PageRank and communities.
    ///
    /// Example: levelmap network congruence --format svg -o congruence.svg
    ///
    /// Example: levelmap network conflict --window 12m --step 3m --format json
    Network(cmd::network::Args),
    /// How divided the actors are, window by window: the best two-group split of the
    /// signed congruence/conflict network, scored by signed modularity.
    ///
    /// Example: levelmap polarisation --window 12m --step 3m --svg polarisation.svg
    #[command(visible_alias = "polarization")]
    Polarisation(cmd::polarisation::Args),
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
