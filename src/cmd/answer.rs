//! Printing a query's answer: a table for people, JSON (the versioned schema of
//! `levelmap_query`) or CSV, and optionally a picture of just the answer's subgraph.
//! Shared by every query command.

use std::collections::BTreeSet;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::output::write_atomic;
use anyhow::{Context, Result};
use levelmap_model::graph::LevelGraph;
use levelmap_query::{Answer, EvidenceRef, NodeRef};
use petgraph::graph::NodeIndex;

use super::load::Loaded;
use super::table::{Term, Tone};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Aligned tables for people.
    #[default]
    Table,
    /// JSON with a stable, versioned schema (docs/query.md).
    Json,
    /// CSV, one row per line of the answer.
    Csv,
}

/// The output flags every query command shares.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Output {
    /// How to print the answer.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    /// Also write the answer's subgraph (its nodes and the edges between them) as DOT to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) dot: Option<PathBuf>,
    /// Also draw the answer's subgraph as SVG to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) svg: Option<PathBuf>,
}

impl Output {
    /// Whether a picture of the answer's subgraph is asked for (it needs every edge
    /// between the answer's nodes, so the command loads them all).
    pub(crate) fn draws(&self) -> bool {
        self.dot.is_some() || self.svg.is_some()
    }
}

/// How an answer prints as a table and as CSV.
pub(crate) trait Render: Answer {
    /// Print for people.
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()>;
    /// The CSV header and rows.
    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>);
}

/// Print an answer in the chosen format and draw its subgraph if asked.
pub(crate) fn emit<A: Render>(loaded: &Loaded, answer: &A, out: &Output) -> Result<ExitCode> {
    if out.draws() {
        let (g, nodes) = loaded.with_edges_among(&answer.nodes(&loaded.graph))?;
        let g = &*g;
        if let Some(p) = &out.dot {
            draw(g, &nodes, p, Picture::Dot)?;
        }
        if let Some(p) = &out.svg {
            draw(g, &nodes, p, Picture::Svg)?;
        }
    }
    let stdout = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    match out.format {
        Format::Json => {
            levelmap_model::json::write_pretty(&mut w, answer).map_err(io::Error::from)?;
            writeln!(w)?;
        }
        Format::Csv => {
            let (header, rows) = answer.csv();
            let mut c = csv::Writer::from_writer(&mut w);
            c.write_record(&header).map_err(csv_io)?;
            for r in rows {
                c.write_record(&r).map_err(csv_io)?;
            }
            c.flush()?;
        }
        Format::Table => answer.table(&Term::detect(), &mut w)?,
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The I/O error inside a CSV error (so that a broken pipe is still recognised).
pub(crate) fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A picture format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Picture {
    /// Graphviz DOT.
    Dot,
    /// SVG.
    Svg,
}

/// Draw the subgraph of `g` on `nodes` to `path`. `emit` has loaded every edge between
/// the nodes and their evidence first, so the subgraph is the one the whole graph has.
pub(crate) fn draw(
    g: &LevelGraph,
    nodes: &BTreeSet<NodeIndex>,
    path: &Path,
    picture: Picture,
) -> Result<()> {
    let sub = levelmap_query::view::subgraph(g, nodes);
    if sub.node_count() == 0 {
        anyhow::bail!(
            "the answer has no nodes to draw; {} was not written",
            path.display()
        );
    }
    let mut bytes = Vec::new();
    match picture {
        Picture::Dot => levelmap_draw::map::dot::write_dot(&sub, &Default::default(), &mut bytes)?,
        Picture::Svg => {
            let report = levelmap_draw::map::svg::write_svg(&sub, &Default::default(), &mut bytes)?;
            for w in &report.warnings {
                note!("warning: {w}");
            }
        }
    }
    write_atomic(path, |w| w.write_all(&bytes))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

// ---- Small helpers for the renderers ----------------------------------------------

/// "“quote” — Title (2021-09)".
pub(crate) fn evidence_text(e: &EvidenceRef) -> String {
    if e.title.is_empty() {
        format!("“{}” — {}", e.quote, e.article)
    } else {
        format!("“{}” — {}", e.quote, e.title)
    }
}

/// A date or "undated".
pub(crate) fn date_text<D: ToString>(d: Option<D>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// A node's label, coloured by kind.
pub(crate) fn node_cell(n: &NodeRef) -> super::table::Cell<'_> {
    super::table::Cell::tone(n.label.as_ref(), Tone::Kind(n.kind))
}

/// Node labels joined with commas.
pub(crate) fn labels(v: &[NodeRef]) -> String {
    v.iter()
        .map(|n| n.label.as_ref())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Node labels joined with commas, borrowed when there is only one.
pub(crate) fn labels_cow(v: &[NodeRef]) -> std::borrow::Cow<'_, str> {
    match v {
        [one] => one.label.as_ref().into(),
        more => labels(more).into(),
    }
}
