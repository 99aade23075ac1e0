//! `neighbors`: the nodes within N steps of a node, each with the chain of evidenced
//! hops that reaches it.
//!
//! A breadth-first walk along the chosen edge kinds (all by default) in the chosen
//! direction. `--kind` filters which nodes are listed, not which are walked through,
//! so `--depth 2 --kind policy` from an actor finds the policies of its claims. When
//! several edges reach a node at the same distance, the hop that explains best is
//! kept (see [`super::explain_rank`]), then the first in graph order.

use std::collections::BTreeSet;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::{explain_rank, Answer, Hop, NodeRef, QueryError, VERSION};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind};

/// Which edges to follow from a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Edges pointing at the node.
    In,
    /// Edges leaving the node.
    Out,
    /// Both.
    #[default]
    Both,
}

/// Options of `neighbors`.
#[derive(Debug, Clone, PartialEq)]
pub struct NeighborOptions {
    /// How many steps out (at least 1).
    pub depth: usize,
    /// List only nodes of these kinds (empty: all).
    pub kinds: Vec<NodeKind>,
    /// Walk only these edge kinds (empty: all).
    pub edges: Vec<EdgeKind>,
    /// Edge direction.
    pub direction: Direction,
}

impl Default for NeighborOptions {
    fn default() -> Self {
        NeighborOptions {
            depth: 1,
            kinds: vec![],
            edges: vec![],
            direction: Direction::Both,
        }
    }
}

/// The answer of `neighbors` (schema `levelmap/neighbors`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeighborsAnswer {
    /// `levelmap/neighbors`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// The node asked about.
    pub center: NodeRef,
    /// How far out.
    pub depth: usize,
    /// in | out | both.
    pub direction: Direction,
    /// Edge kinds walked (empty: all).
    pub edges: Vec<EdgeKind>,
    /// Node kinds listed (empty: all).
    pub kinds: Vec<NodeKind>,
    /// The neighbours, by distance, then kind, then id.
    pub neighbors: Vec<Neighbor>,
}

/// One neighbour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Neighbor {
    /// The node.
    pub node: NodeRef,
    /// Steps from the centre.
    pub distance: usize,
    /// The node's own date, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// The hops from the centre to this node; the last one reaches it.
    pub via: Vec<Hop>,
}

impl Answer for NeighborsAnswer {
    const SCHEMA: &'static str = "levelmap/neighbors";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let ids = std::iter::once(self.center.id.as_ref()).chain(
            self.neighbors
                .iter()
                .flat_map(|n| n.via.iter().map(|h| h.to.id.as_ref())),
        );
        super::indices(g, ids)
    }
}

/// The edges at `i` that `edges` and `direction` allow, as (edge, other end), best
/// explanation first, then in graph order. The order depends on the topology and
/// edge kinds only, never on evidence text.
pub(crate) fn incident(
    g: &LevelGraph,
    i: NodeIndex,
    edges: &[EdgeKind],
    direction: Direction,
) -> Vec<(EdgeIndex, NodeIndex)> {
    let mut out: Vec<(u8, NodeIndex, EdgeIndex)> = Vec::new();
    let dirs: &[petgraph::Direction] = match direction {
        Direction::Out => &[petgraph::Direction::Outgoing],
        Direction::In => &[petgraph::Direction::Incoming],
        Direction::Both => &[petgraph::Direction::Outgoing, petgraph::Direction::Incoming],
    };
    for &d in dirs {
        for e in g.graph.edges_directed(i, d) {
            let w = e.weight();
            if !edges.is_empty() && !edges.contains(&w.kind) {
                continue;
            }
            let other = if d == petgraph::Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            if other == i {
                continue;
            }
            out.push((explain_rank(w.kind), other, e.id()));
        }
    }
    out.sort_unstable();
    out.into_iter().map(|(_, o, e)| (e, o)).collect()
}

/// How a node was reached: its distance, and the edge and node it was reached from.
type Reached = (usize, Option<(EdgeIndex, NodeIndex)>);

/// The neighbours of node `i`.
pub fn neighbors(
    g: &LevelGraph,
    i: NodeIndex,
    opts: &NeighborOptions,
) -> Result<NeighborsAnswer, QueryError> {
    if opts.depth == 0 {
        return Err(QueryError::BadDepth { depth: 0 });
    }
    let n = g.node_count();
    // For each reached node: (distance, parent edge).
    let mut reached: Vec<Option<Reached>> = vec![None; n];
    reached[i.index()] = Some((0, None));
    let mut frontier = vec![i];
    let mut order = Vec::new();
    for dist in 1..=opts.depth {
        let mut next = Vec::new();
        for &u in &frontier {
            for (e, v) in incident(g, u, &opts.edges, opts.direction) {
                if reached[v.index()].is_none() {
                    reached[v.index()] = Some((dist, Some((e, u))));
                    next.push(v);
                    order.push(v);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    let mut neighbors: Vec<Neighbor> = order
        .into_iter()
        .filter(|&v| opts.kinds.is_empty() || opts.kinds.contains(&g.node(v).kind))
        .map(|v| {
            let mut via = Vec::new();
            let mut at = v;
            while let Some((_, Some((e, parent)))) = reached[at.index()] {
                via.push(Hop::along(g, e, parent));
                at = parent;
            }
            via.reverse();
            let (distance, _) = reached[v.index()].expect("reached");
            Neighbor {
                node: NodeRef::of(g, v),
                distance,
                date: g.node(v).date(),
                via,
            }
        })
        .collect();
    neighbors.sort_by(|a, b| {
        (a.distance, a.node.kind, &a.node.id).cmp(&(b.distance, b.node.kind, &b.node.id))
    });
    Ok(NeighborsAnswer {
        schema: NeighborsAnswer::SCHEMA.into(),
        version: VERSION,
        center: NodeRef::of(g, i),
        depth: opts.depth,
        direction: opts.direction,
        edges: opts.edges.clone(),
        kinds: opts.kinds.clone(),
        neighbors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Walk;
    use levelmap_testkit::mini;

    #[test]
    fn depth_zero_is_refused() {
        let g = mini();
        let opts = NeighborOptions {
            depth: 0,
            ..Default::default()
        };
        assert_eq!(
            neighbors(&g, g.find("policy:securonomics").unwrap(), &opts).unwrap_err(),
            QueryError::BadDepth { depth: 0 }
        );
    }

    #[test]
    fn direct_neighbours_with_directions() {
        let g = mini();
        let i = g.find("policy:securonomics").unwrap();
        let a = neighbors(&g, i, &NeighborOptions::default()).unwrap();
        let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_ref()).collect();
        assert!(
            ids.contains(&"actor:labour-party") && ids.contains(&"policy:levelling-up"),
            "{ids:?}"
        );
        assert!(a
            .neighbors
            .iter()
            .all(|n| n.distance == 1 && n.via.len() == 1));
        let labour = a
            .neighbors
            .iter()
            .find(|n| n.node.id == "actor:labour-party".into())
            .unwrap();
        assert_eq!(labour.via[0].phrase, "proposed by");
        assert_eq!(labour.via[0].walk, Walk::Backward);

        let out = NeighborOptions {
            direction: Direction::Out,
            ..Default::default()
        };
        assert!(
            neighbors(&g, i, &out).unwrap().neighbors.is_empty(),
            "securonomics points nowhere"
        );
    }

    #[test]
    fn kind_filters_listing_not_walking() {
        let g = mini();
        let i = g.find("actor:rachel-reeves").unwrap();
        let opts = NeighborOptions {
            depth: 2,
            kinds: vec![NodeKind::Policy],
            ..Default::default()
        };
        let a = neighbors(&g, i, &opts).unwrap();
        let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_ref()).collect();
        assert!(ids.contains(&"policy:devolution"), "{ids:?}");
        let dev = a
            .neighbors
            .iter()
            .find(|n| n.node.id == "policy:devolution".into())
            .unwrap();
        assert_eq!(dev.distance, 2);
        assert_eq!(
            dev.via[0].phrase, "said",
            "Reeves said the claim, which is about devolution"
        );
        assert!(a.neighbors.iter().all(|n| n.node.kind == NodeKind::Policy));
    }

    #[test]
    fn edge_filter() {
        let g = mini();
        let i = g.find("policy:levelling-up").unwrap();
        let opts = NeighborOptions {
            edges: vec![EdgeKind::EvolvesInto],
            ..Default::default()
        };
        let a = neighbors(&g, i, &opts).unwrap();
        let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_ref()).collect();
        assert_eq!(ids, ["policy:securonomics"]);
    }
}
