//! `levelmap stats`: counts by kind, the date span, the most connected nodes, the most
//! contested policies and the connected components.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_query::stats::{stats, Components, StatsAnswer, StatsOptions};
use levelmap_query::QueryError;

use super::answer::{emit, node_cell, Output, Render};
use super::load::{ask, release, Pending, Source};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// Flags of `levelmap stats`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// List the N most connected nodes and most contested policies.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub(crate) top: usize,
    /// Instead, the measures of this discourse network's nodes (docs/networks.md).
    #[arg(long, value_enum, value_name = "KIND")]
    pub(crate) network: Option<super::network::KindArg>,
    /// The network's statements, normalisation and windows (with --network).
    #[command(flatten)]
    pub(crate) shape: super::network::Shape,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `stats`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    if args.top == 0 {
        return Err(QueryError::BadCount { flag: "top".into() }.into());
    }
    let given = args.shape.flags_given();
    if args.network.is_none() && !given.is_empty() {
        // `stats --from 2023` printed the whole graph's counts, as though filtered
        let verb = if given.len() == 1 { "shapes" } else { "shape" };
        anyhow::bail!(
            "{} {verb} a discourse network and only works with --network KIND: stats without --network counts the whole graph, which it would not change. Add --network congruence (or another kind), or list the statements with `levelmap statements`",
            given.join(", ")
        );
    }
    if let Some(kind) = args.network {
        return super::netstats::run(
            &args.source,
            kind.kind(),
            &args.shape,
            args.top,
            args.output.format,
        );
    }
    let (loaded, answer) = ask(&args.source, |pending| {
        // The store keeps the statistics of the whole graph, computed when it was written.
        let kept = match &pending {
            Pending::Stored(store, _) => store.stats(args.top),
            Pending::Whole(_) => None,
        };
        match kept {
            Some(answer) => {
                // Only a drawing reads the graph: the nodes the answer names.
                let ids: Vec<String> = answer
                    .most_connected
                    .iter()
                    .map(|c| c.node.id.to_string())
                    .chain(
                        answer
                            .most_contested
                            .iter()
                            .map(|c| c.policy.id.to_string()),
                    )
                    .collect();
                let loaded = pending.region(|store, r| {
                    ids.iter()
                        .filter_map(|id| store.find(id))
                        .for_each(|n| r.node(n))
                })?;
                Ok((loaded, answer))
            }
            None => {
                let loaded = pending.whole()?;
                let answer = stats(&loaded.graph, StatsOptions { top: args.top })?;
                Ok((loaded, answer))
            }
        }
    })?;
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

fn components_text(c: &Components) -> String {
    let sizes: Vec<String> = c.largest.iter().map(|n| n.to_string()).collect();
    format!(
        "{} (largest: {}; {} isolated node{})",
        c.count,
        sizes.join(", "),
        c.isolated,
        if c.isolated == 1 { "" } else { "s" }
    )
}

impl Render for StatsAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        term.heading(w, "Graph")?;
        let nodes: usize = self.nodes.iter().map(|c| c.count).sum();
        let edges: usize = self.edges.iter().map(|c| c.count).sum();
        let mut pairs = vec![("nodes", nodes.to_string()), ("edges", edges.to_string())];
        if let Some(s) = self.span {
            pairs.push(("dates", format!("{} to {}", s.first, s.last)));
        }
        pairs.push(("components", components_text(&self.components)));
        pairs.push((
            "without mentions",
            components_text(&self.components_without_mentions),
        ));
        term.pairs(w, &pairs)?;

        writeln!(w)?;
        let mut t = Table::new(vec![
            fixed("node kind"),
            fixed("count"),
            fixed("edge kind"),
            fixed("count"),
        ]);
        let rows = self.nodes.len().max(self.edges.len());
        for r in 0..rows {
            let n = self.nodes.get(r);
            let e = self.edges.get(r);
            t.row(vec![
                n.map_or_else(Cell::default, |c| {
                    Cell::tone(c.kind.plural(), Tone::Kind(c.kind))
                }),
                Cell::plain(n.map(|c| format!("{:>5}", c.count)).unwrap_or_default()),
                Cell::plain(e.map(|c| c.kind.to_string()).unwrap_or_default()),
                Cell::plain(e.map(|c| format!("{:>5}", c.count)).unwrap_or_default()),
            ]);
        }
        t.print(term, w)?;

        writeln!(w)?;
        term.heading(w, "Most connected (distinct neighbours, mentions aside)")?;
        let mut t = Table::new(vec![
            fixed("#"),
            wrapping("node"),
            fixed("kind"),
            fixed("neighbours"),
            fixed("edges"),
            fixed("mentioned in"),
            wrapping("id"),
        ]);
        for (k, c) in self.most_connected.iter().enumerate() {
            t.row(vec![
                Cell::plain((k + 1).to_string()),
                node_cell(&c.node),
                Cell::tone(c.node.kind.as_str(), Tone::Dim),
                Cell::plain(c.neighbors.to_string()),
                Cell::plain(c.edges.to_string()),
                Cell::plain(c.mentioned_in.to_string()),
                Cell::tone(&*c.node.id, Tone::Dim),
            ]);
        }
        t.print(term, w)?;

        writeln!(w)?;
        term.heading(w, "Most contested policies (statements for and against)")?;
        if self.most_contested.is_empty() {
            writeln!(w, "No policy has statements both for and against.")?;
        }
        let mut t = Table::new(vec![
            fixed("#"),
            wrapping("policy"),
            fixed("for"),
            fixed("against"),
            fixed("mixed"),
            fixed("neutral"),
            fixed("actors for/against"),
        ]);
        for (k, c) in self.most_contested.iter().enumerate() {
            t.row(vec![
                Cell::plain((k + 1).to_string()),
                node_cell(&c.policy),
                Cell::plain(c.statements.for_.to_string()),
                Cell::plain(c.statements.against.to_string()),
                Cell::plain(c.statements.mixed.to_string()),
                Cell::plain(c.statements.neutral.to_string()),
                Cell::plain(format!("{}/{}", c.actors_for, c.actors_against)),
            ]);
        }
        t.print(term, w)
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec!["section", "key", "label", "metric", "value"];
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row = |a: &str, b: &str, c: &str, d: &str, e: String| {
            rows.push(vec![a.into(), b.into(), c.into(), d.into(), e])
        };
        for c in &self.nodes {
            row("nodes", c.kind.as_str(), "", "count", c.count.to_string());
        }
        for c in &self.edges {
            row("edges", c.kind.as_str(), "", "count", c.count.to_string());
        }
        if let Some(s) = self.span {
            row("span", "first", "", "date", s.first.to_string());
            row("span", "last", "", "date", s.last.to_string());
        }
        for c in &self.most_connected {
            row(
                "most_connected",
                &c.node.id,
                &c.node.label,
                "neighbors",
                c.neighbors.to_string(),
            );
            row(
                "most_connected",
                &c.node.id,
                &c.node.label,
                "edges",
                c.edges.to_string(),
            );
            row(
                "most_connected",
                &c.node.id,
                &c.node.label,
                "mentioned_in",
                c.mentioned_in.to_string(),
            );
        }
        for c in &self.most_contested {
            let s = &c.statements;
            for (m, v) in [
                ("for", s.for_),
                ("against", s.against),
                ("mixed", s.mixed),
                ("neutral", s.neutral),
                ("actors_for", c.actors_for),
                ("actors_against", c.actors_against),
            ] {
                row(
                    "most_contested",
                    &c.policy.id,
                    &c.policy.label,
                    m,
                    v.to_string(),
                );
            }
        }
        for (name, comp) in [
            ("components", &self.components),
            (
                "components_without_mentions",
                &self.components_without_mentions,
            ),
        ] {
            row(name, "count", "", "count", comp.count.to_string());
            row(name, "isolated", "", "count", comp.isolated.to_string());
            for (k, n) in comp.largest.iter().enumerate() {
                row(
                    name,
                    &format!("largest_{}", k + 1),
                    "",
                    "nodes",
                    n.to_string(),
                );
            }
        }
        (header, rows)
    }
}
