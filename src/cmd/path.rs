//! `levelmap path A B`: the shortest connections between two nodes, hop by hop, each
//! hop with its evidence. No connection is an answer (exit 0), not an error.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::visible::visible;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::path::{default_edges, path, PathAnswer, PathOptions};
use levelmap_query::{resolve, QueryError};
use levelmap_store::walk::shortest_path_nodes;

use super::answer::{date_text, emit, evidence_text, node_cell, Output, Render};
use super::load::{ask, release, Source};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// Flags of `levelmap path`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Where to start: an id, a name or an alias.
    pub(crate) from: String,
    /// Where to end.
    pub(crate) to: String,
    /// List at most N of the tied shortest paths.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub(crate) max: usize,
    /// Walk only edges of this kind (repeatable). Default: every kind but mentions.
    #[arg(long = "edge", value_name = "E")]
    pub(crate) edges: Vec<EdgeKind>,
    /// Do not pass through nodes of this kind (repeatable), e.g. article.
    #[arg(long = "avoid-kind", value_name = "K")]
    pub(crate) avoid: Vec<NodeKind>,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `path`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    if args.max == 0 {
        return Err(QueryError::BadCount { flag: "max".into() }.into());
    }
    let walked = if args.edges.is_empty() {
        default_edges()
    } else {
        args.edges.clone()
    };
    let opts = PathOptions {
        max: args.max,
        edges: args.edges,
        avoid: args.avoid,
    };
    let (loaded, answer) = ask(&args.source, |pending| {
        let a = resolve(pending.names(), &args.from)?;
        let b = resolve(pending.names(), &args.to)?;
        // What `path` reads: the nodes on the shortest paths, and the walked edges between them.
        let loaded = pending.region(|store, r| {
            r.without_speakers();
            for n in shortest_path_nodes(
                store,
                a.index() as u32,
                b.index() as u32,
                &walked,
                &opts.avoid,
            ) {
                r.node(n);
            }
            r.among(|k| walked.contains(&k));
        })?;
        let answer = path(&loaded.graph, loaded.local(a)?, loaded.local(b)?, &opts)?;
        Ok((loaded, answer))
    })?;
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

/// The edge kinds walked, in words.
fn walked(a: &PathAnswer) -> String {
    if a.edges == default_edges() {
        "every edge kind but mentions".to_string()
    } else {
        a.edges
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Render for PathAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        if !self.connected {
            writeln!(
                w,
                "No connection between {} ({}) and {} ({}).",
                visible(&self.from.label),
                self.from.id,
                visible(&self.to.label),
                self.to.id
            )?;
            let mut hint = format!("Edges walked: {}", walked(self));
            if !self.avoid.is_empty() {
                hint.push_str(&format!(
                    "; avoiding {}",
                    self.avoid
                        .iter()
                        .map(|k| k.plural())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            hint.push_str(". Try --edge mentions to connect through articles that name both, or drop --avoid-kind.");
            writeln!(w, "{}", term.paint(&hint, Tone::Dim))?;
            return Ok(());
        }
        let n = self.paths.len();
        for (k, p) in self.paths.iter().enumerate() {
            if k > 0 {
                writeln!(w)?;
            }
            let hops = p.hops.len();
            let title = if n == 1 && !self.more {
                format!("Path ({hops} hop{})", if hops == 1 { "" } else { "s" })
            } else {
                format!(
                    "Path {} of {}{} ({hops} hops)",
                    k + 1,
                    n,
                    if self.more { "+" } else { "" }
                )
            };
            term.heading(w, &title)?;
            writeln!(w, "{}", visible(&p.explanation))?;
            let mut t = Table::new(vec![
                fixed("#"),
                wrapping("from"),
                wrapping("link"),
                wrapping("to"),
                fixed("date"),
                wrapping("evidence"),
            ]);
            for (s, h) in p.hops.iter().enumerate() {
                let link = match h.stance {
                    Some(st) => format!("{} ({st})", h.phrase),
                    None => h.phrase.clone(),
                };
                t.row(vec![
                    Cell::plain((s + 1).to_string()),
                    node_cell(&h.from),
                    Cell::tone(link, Tone::Strong),
                    node_cell(&h.to),
                    Cell::plain(date_text(h.evidence.date)),
                    Cell::tone(evidence_text(&h.evidence), Tone::Quote),
                ]);
            }
            t.print(term, w)?;
        }
        if self.more {
            writeln!(
                w,
                "{}",
                term.paint(
                    &format!(
                        "More shortest paths tie; --max {} lists more.",
                        self.paths.len() * 2
                    ),
                    Tone::Dim
                )
            )?;
        }
        Ok(())
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "path",
            "step",
            "from_id",
            "from_label",
            "phrase",
            "edge",
            "walk",
            "stance",
            "to_id",
            "to_label",
            "date",
            "article",
            "quote",
        ];
        let mut rows = Vec::new();
        for (k, p) in self.paths.iter().enumerate() {
            for (s, h) in p.hops.iter().enumerate() {
                rows.push(vec![
                    (k + 1).to_string(),
                    (s + 1).to_string(),
                    h.from.id.to_string(),
                    h.from.label.to_string(),
                    h.phrase.clone(),
                    h.edge.to_string(),
                    format!("{:?}", h.walk).to_lowercase(),
                    h.stance.map(|s| s.to_string()).unwrap_or_default(),
                    h.to.id.to_string(),
                    h.to.label.to_string(),
                    h.evidence.date.map(|d| d.to_string()).unwrap_or_default(),
                    h.evidence.article.to_string(),
                    h.evidence.quote.to_string(),
                ]);
            }
        }
        (header, rows)
    }
}
