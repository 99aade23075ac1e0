//! `levelmap neighbors NODE`: the nodes within N steps, each with how it is reached.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::neighbors::{neighbors, Direction, NeighborOptions, NeighborsAnswer};
use levelmap_query::{resolve, Hop};
use levelmap_store::walk::reaching_edges;

use super::answer::{date_text, emit, evidence_text, node_cell, Output, Render};
use super::load::{ask, release, Source};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// Which way edges are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Dir {
    /// Edges pointing at the node ("proposed by").
    In,
    /// Edges leaving the node ("proposes").
    Out,
    /// Both.
    Both,
}

/// Flags of `levelmap neighbors`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The node: an id, a name or an alias.
    pub(crate) node: String,
    /// How many steps out (1: direct neighbours).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub(crate) depth: usize,
    /// List only nodes of this kind (repeatable): article, actor, policy, claim, event.
    #[arg(long = "kind", value_name = "K")]
    pub(crate) kinds: Vec<NodeKind>,
    /// Follow only edges of this kind (repeatable), e.g. proposes, about, evolves-into.
    #[arg(long = "edge", value_name = "E")]
    pub(crate) edges: Vec<EdgeKind>,
    /// Follow edges pointing in, out, or both ways.
    #[arg(long, value_enum, default_value_t = Dir::Both)]
    pub(crate) direction: Dir,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `neighbors`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let direction = match args.direction {
        Dir::In => Direction::In,
        Dir::Out => Direction::Out,
        Dir::Both => Direction::Both,
    };
    let opts = NeighborOptions {
        depth: args.depth,
        kinds: args.kinds,
        edges: args.edges,
        direction,
    };
    if opts.depth == 0 {
        return Err(levelmap_query::QueryError::BadDepth { depth: 0 }.into());
    }
    let (loaded, answer) = ask(&args.source, |pending| {
        let i = resolve(pending.names(), &args.node)?;
        // What `neighbors` reads: the edge by which each node within the depth is first reached.
        let walks = |k: EdgeKind| opts.edges.is_empty() || opts.edges.contains(&k);
        let loaded = pending.region(|store, r| {
            r.without_speakers();
            r.node(i.index() as u32);
            for e in reaching_edges(store, i.index() as u32, opts.depth, opts.direction, walks) {
                r.edge(e);
            }
        })?;
        let answer = neighbors(&loaded.graph, loaded.local(i)?, &opts)?;
        Ok((loaded, answer))
    })?;
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

/// "said › Devolution must go further. › about": the hops' phrases with the nodes between.
pub(crate) fn route(via: &[Hop]) -> String {
    let mut parts = Vec::new();
    for (n, h) in via.iter().enumerate() {
        if n > 0 {
            parts.push(&*h.from.label);
        }
        parts.push(&h.phrase);
    }
    parts.join(" › ")
}

impl Render for NeighborsAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        let steps = if self.depth == 1 {
            "1 step".to_string()
        } else {
            format!("{} steps", self.depth)
        };
        term.heading(
            w,
            &format!(
                "{} ({}): {} neighbours within {steps}",
                self.center.label,
                self.center.id,
                self.neighbors.len()
            ),
        )?;
        if self.neighbors.is_empty() {
            writeln!(w, "No neighbours with these filters.")?;
            return Ok(());
        }
        let mut t = Table::new(vec![
            fixed("dist"),
            fixed("kind"),
            wrapping("node"),
            wrapping("id"),
            wrapping("how"),
            wrapping("evidence"),
        ]);
        if self.depth == 1 {
            t.columns.remove(0);
        }
        for n in &self.neighbors {
            let last = n.via.last();
            let mut row = vec![
                Cell::tone(n.node.kind.as_str(), Tone::Kind(n.node.kind)),
                node_cell(&n.node),
                Cell::tone(&*n.node.id, Tone::Dim),
                Cell::plain(route(&n.via)),
                Cell::tone(
                    last.map(|h| {
                        format!(
                            "{} {}",
                            date_text(h.evidence.date),
                            evidence_text(&h.evidence)
                        )
                    })
                    .unwrap_or_default(),
                    Tone::Quote,
                ),
            ];
            if self.depth > 1 {
                row.insert(0, Cell::plain(n.distance.to_string()));
            }
            t.row(row);
        }
        t.print(term, w)
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "center",
            "distance",
            "id",
            "kind",
            "label",
            "date",
            "how",
            "edge",
            "walk",
            "evidence_date",
            "article",
            "quote",
        ];
        let rows = self
            .neighbors
            .iter()
            .map(|n| {
                let last = n.via.last();
                vec![
                    self.center.id.to_string(),
                    n.distance.to_string(),
                    n.node.id.to_string(),
                    n.node.kind.to_string(),
                    n.node.label.to_string(),
                    n.date.map(|d| d.to_string()).unwrap_or_default(),
                    route(&n.via),
                    last.map(|h| h.edge.to_string()).unwrap_or_default(),
                    last.map(|h| format!("{:?}", h.walk).to_lowercase())
                        .unwrap_or_default(),
                    last.and_then(|h| h.evidence.date)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    last.map(|h| h.evidence.article.to_string())
                        .unwrap_or_default(),
                    last.map(|h| h.evidence.quote.to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        (header, rows)
    }
}
