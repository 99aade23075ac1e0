//! Where graph.svg puts each thing, for pages that draw the same map themselves (the
//! explorer): the box of every node occurrence and the ends of every edge and thread,
//! in layout coordinates, from the very layout `write_svg` runs.

use super::backend::SvgBackend;
use super::{node_size, SvgError, SvgOptions};
use crate::map::layout;
use crate::map::scene::scene;
use levelmap_model::graph::LevelGraph;

/// One drawn node: an article, a claim, or one occurrence of an actor, policy or event.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNode {
    /// The element id graph.svg gives it (the node id, `@<article>` on later occurrences).
    pub id: String,
    /// The graph node it stands for (its index in graph order).
    pub node: usize,
    /// Left, top, width and height, px.
    pub rect: [f64; 4],
}

/// One drawn edge or thread, between two placed nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEdge {
    /// The graph edge it draws (its index in graph order); `None` for a thread.
    pub edge: Option<usize>,
    /// Index of its source among the placed nodes.
    pub from: usize,
    /// Index of its target among the placed nodes.
    pub to: usize,
}

/// The argument map as graph.svg lays it out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placement {
    /// Nodes, in scene order.
    pub nodes: Vec<PlacedNode>,
    /// Edges in graph order, then threads.
    pub edges: Vec<PlacedEdge>,
}

/// Lay `g` out as [`super::write_svg`] does and return where each node went.
pub fn placement(g: &LevelGraph, opts: &SvgOptions) -> Result<Placement, SvgError> {
    let s = scene(g, &opts.draw);
    let sizes: Vec<(f64, f64)> = s.nodes.iter().map(node_size).collect();
    let labels: Vec<String> = s.nodes.iter().map(|n| n.lines.join("\n")).collect();
    let mut backend = SvgBackend::default();
    layout::run(&s, &sizes, &labels, &opts.limits, &mut backend)?;
    let mut slot = vec![usize::MAX; s.nodes.len()];
    let mut nodes = Vec::with_capacity(s.nodes.len());
    for (k, n) in s.nodes.iter().enumerate() {
        if let Some(d) = backend.nodes.get(&k) {
            slot[k] = nodes.len();
            nodes.push(PlacedNode {
                id: n.id.clone(),
                node: n.index.index(),
                rect: [d.xy.x, d.xy.y, d.size.x, d.size.y],
            });
        }
    }
    let edge_index: std::collections::BTreeMap<String, usize> = g
        .graph
        .edge_indices()
        .map(|e| (g.edge_id(e), e.index()))
        .collect();
    let edges = s
        .edges
        .iter()
        .filter(|e| slot[e.from] != usize::MAX && slot[e.to] != usize::MAX)
        .map(|e| PlacedEdge {
            edge: e.kind.and_then(|_| edge_index.get(&e.id).copied()),
            from: slot[e.from],
            to: slot[e.to],
        })
        .collect();
    Ok(Placement { nodes, edges })
}
