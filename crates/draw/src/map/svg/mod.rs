//! `graph.svg`: the drawing laid out in pure Rust by layout-rs, and written by our own
//! `RenderBackend` through `SvgWriter`: stable ids (node ids and edge ids), a
//! class per node and edge kind, `<title>` tooltips with the full text and quote, the
//! label inside each node's group, a legend and a time axis. No Graphviz needed.
//!
//! `render_scene` lays the scene out ([`crate::map::layout`]) into our `backend`,
//! then `finish` writes the document: title, legend, time axis, edges, nodes.

mod backend;
mod finish;
mod paint;
mod paths;
mod positions;

pub use positions::{placement, PlacedEdge, PlacedNode, Placement};

use backend::SvgBackend;

use std::io::{self, Write};

use crate::map::layout::{self, Engine, LayoutError, LayoutLimits, LayoutStats};
use crate::map::scene::{scene, DrawOptions, Scene, SceneNode, FONT_PX};
use crate::text;
use levelmap_model::graph::LevelGraph;
use levelmap_model::NodeKind;

/// How to write SVG.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SvgOptions {
    /// What to draw.
    pub draw: DrawOptions,
    /// Bounds on layout work.
    pub limits: LayoutLimits,
}

/// Why an SVG could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SvgError {
    /// The layout failed (an empty view).
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// Writing failed.
    #[error("cannot write the SVG: {0}")]
    Io(#[from] io::Error),
}

/// What writing the SVG did, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SvgReport {
    /// The layout's statistics.
    pub stats: LayoutStats,
    /// Things the reader should know: the layout of a large view was simplified.
    pub warnings: Vec<String>,
    /// What the layout did, in one line, for a summary.
    pub note: String,
}

/// Views with more nodes than this are large: too many to read in one picture, and
/// skipping the crossing optimiser on them is worth a warning.
const LARGE_VIEW: usize = 1000;

/// Height of a line of label, px.
const LINE_H: f64 = 15.0;
/// Padding inside a node, px.
const PAD_X: f64 = 9.0;
/// Padding inside a node, px.
const PAD_Y: f64 = 6.0;
/// Outer margin, px.
const MARGIN: f64 = 24.0;

/// Width and height of each node's shape, from its label.
fn node_size(n: &SceneNode) -> (f64, f64) {
    let mut lines: Vec<(String, f64)> = n.lines.iter().map(|l| (l.clone(), FONT_PX)).collect();
    if n.kind == NodeKind::Article {
        if let Some(d) = n.date {
            lines.insert(0, (d.to_string(), FONT_PX));
        }
    }
    let w = lines
        .iter()
        .map(|(l, f)| text::label_width(l, *f))
        .fold(0.0, f64::max);
    let h = lines.len().max(1) as f64 * LINE_H;
    let (extra_w, extra_h) = match n.kind {
        NodeKind::Actor => (26.0, 10.0),
        NodeKind::Policy => (22.0, 0.0),
        NodeKind::Event => (16.0, 0.0),
        NodeKind::Article => (10.0, 0.0),
        NodeKind::Claim => (0.0, 0.0),
    };
    (
        (w + 2.0 * PAD_X + extra_w).max(48.0).ceil(),
        (h + 2.0 * PAD_Y + extra_h).ceil(),
    )
}

/// Write `g` as SVG.
pub fn write_svg(
    g: &LevelGraph,
    opts: &SvgOptions,
    w: &mut impl Write,
) -> Result<SvgReport, SvgError> {
    let s = scene(g, &opts.draw);
    let (doc, report) = render_scene(&s, &opts.limits)?;
    w.write_all(doc.as_bytes())?;
    Ok(report)
}

/// Lay out and draw a scene; returns the document and the report.
pub(crate) fn render_scene(
    s: &Scene,
    limits: &LayoutLimits,
) -> Result<(String, SvgReport), SvgError> {
    let sizes: Vec<(f64, f64)> = s.nodes.iter().map(node_size).collect();
    let labels: Vec<String> = s.nodes.iter().map(|n| n.lines.join("\n")).collect();
    let mut backend = SvgBackend::default();
    let (layering, stats) = layout::run(s, &sizes, &labels, limits, &mut backend)?;
    let mut warnings = Vec::new();
    if stats.engine == Engine::Fast && stats.nodes > LARGE_VIEW {
        warnings.push(format!(
            "the SVG has {} nodes, too many to read in one picture: it was placed by levelmap's fast placement; draw a smaller view (export --around, --kind, --from/--to) or render the DOT with Graphviz",
            stats.nodes
        ));
    } else if stats.engine == Engine::LayoutRs && !stats.optimised && stats.nodes > LARGE_VIEW {
        warnings.push(format!(
            "the SVG has {} nodes: layout-rs's crossing optimiser was skipped (estimated work {} > {}); ranks keep levelmap's order (barycentre sweeps and transposition)",
            stats.nodes, stats.optimiser_work, limits.optimiser_work
        ));
    }
    let mut note = format!(
        "{} nodes in {} columns, {} edges ({} routed through {} bends",
        stats.nodes,
        stats.ranks,
        stats.edges,
        stats.edges - stats.unrouted,
        stats.dummies
    );
    if stats.unrouted > 0 {
        note.push_str(&format!(", {} long ones drawn straight", stats.unrouted));
    }
    note.push_str(&format!(
        ") and {} threads ({} routed), {}, {}",
        stats.threads,
        stats.threads_routed,
        if stats.engine == Engine::Fast {
            "placed by levelmap"
        } else {
            "laid out by layout-rs"
        },
        if stats.optimised {
            "layout-rs's crossing optimiser on"
        } else {
            "ranks ordered by barycentre sweeps and transposition"
        }
    ));
    let doc = backend.finish(s, &layering, &warnings);
    Ok((
        doc,
        SvgReport {
            stats,
            warnings,
            note,
        },
    ))
}

#[cfg(test)]
mod tests;
