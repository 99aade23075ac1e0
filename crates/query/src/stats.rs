//! `stats`: the graph in numbers: nodes and edges by kind, the date span, the most
//! connected nodes, the most contested policies, and the connected components.
//!
//! "Connected" counts distinct neighbours over every edge but `mentions` (an
//! article's mention says little about the node; the number of articles mentioning
//! it is given apart). A policy is contested when claims about it are both for and
//! against; policies are ranked by the smaller side, then by all claims. As in
//! `stance`, an actor's `proposes` counts as a statement for, `criticises` against. Components
//! are counted twice: over all edges, and without `mentions`, which shows the islands
//! of the curated argument map.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use super::timeline::relation_stance;
use super::{Answer, NodeRef, QueryError, StanceCounts, VERSION};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind, Stance};

/// Options of `stats`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatsOptions {
    /// How many nodes and policies to list (at least 1).
    pub top: usize,
}

impl Default for StatsOptions {
    fn default() -> Self {
        StatsOptions { top: 10 }
    }
}

/// The answer of `stats` (schema `levelmap/stats`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatsAnswer {
    /// `levelmap/stats`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// Node counts by kind (every kind, in a fixed order).
    pub nodes: Vec<Count<NodeKind>>,
    /// Edge counts by kind (every kind, in a fixed order).
    pub edges: Vec<Count<EdgeKind>>,
    /// The earliest and latest dates.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<Span>,
    /// The most connected nodes.
    pub most_connected: Vec<Connected>,
    /// The most contested policies.
    pub most_contested: Vec<Contested>,
    /// Connected components over all edges.
    pub components: Components,
    /// Connected components without `mentions`.
    pub components_without_mentions: Components,
}

/// A count of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count<K> {
    /// The kind.
    pub kind: K,
    /// How many.
    pub count: usize,
}

/// A date span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Earliest.
    pub first: PartialDate,
    /// Latest.
    pub last: PartialDate,
}

/// A well-connected node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Connected {
    /// The node.
    pub node: NodeRef,
    /// Distinct neighbours over every edge but `mentions`.
    pub neighbors: usize,
    /// Edges of every kind but `mentions`.
    pub edges: usize,
    /// Articles that mention it (0 for articles).
    pub mentioned_in: usize,
}

/// A contested policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contested {
    /// The policy.
    pub policy: NodeRef,
    /// Statements about it (claims, proposes, criticises), by stance.
    pub statements: StanceCounts,
    /// Distinct actors for it.
    pub actors_for: usize,
    /// Distinct actors against it.
    pub actors_against: usize,
}

/// Connected components (edges taken as undirected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Components {
    /// How many.
    pub count: usize,
    /// Sizes of the largest (up to five), largest first.
    pub largest: Vec<usize>,
    /// Nodes with no edge at all.
    pub isolated: usize,
}

impl Answer for StatsAnswer {
    const SCHEMA: &'static str = "levelmap/stats";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let ids = self
            .most_connected
            .iter()
            .map(|c| c.node.id.as_ref())
            .chain(self.most_contested.iter().map(|c| c.policy.id.as_ref()));
        super::indices(g, ids)
    }
}

fn components(g: &LevelGraph, keep: impl Fn(EdgeKind) -> bool) -> Components {
    let mut uf = UnionFind::<usize>::new(g.node_count());
    let mut touched = vec![false; g.node_count()];
    for e in g.graph.edge_references() {
        if keep(e.weight().kind) {
            uf.union(e.source().index(), e.target().index());
            touched[e.source().index()] = true;
            touched[e.target().index()] = true;
        }
    }
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for i in 0..g.node_count() {
        *sizes.entry(uf.find(i)).or_insert(0) += 1;
    }
    let mut largest: Vec<usize> = sizes.values().copied().collect();
    largest.sort_unstable_by(|a, b| b.cmp(a));
    largest.truncate(5);
    Components {
        count: sizes.len(),
        largest,
        isolated: touched.iter().filter(|t| !**t).count(),
    }
}

/// Compute the statistics.
pub fn stats(g: &LevelGraph, opts: StatsOptions) -> Result<StatsAnswer, QueryError> {
    if opts.top == 0 {
        return Err(QueryError::BadCount { flag: "top".into() });
    }
    let node_counts = g.count_nodes();
    let edge_counts = g.count_edges();
    let nodes = NodeKind::ALL
        .iter()
        .map(|&k| Count {
            kind: k,
            count: node_counts.get(&k).copied().unwrap_or(0),
        })
        .collect();
    let edges = EdgeKind::ALL
        .iter()
        .map(|&k| Count {
            kind: k,
            count: edge_counts.get(&k).copied().unwrap_or(0),
        })
        .collect();

    // One pass over the edges, in memory order, counts each node's edges; distinct
    // neighbours (at most its edges) are then counted only for the nodes that can
    // still make the top.
    let n = g.node_count();
    let (mut edges_of, mut mentioned) = (vec![0usize; n], vec![0usize; n]);
    for e in g.graph.raw_edges() {
        if e.weight.kind == EdgeKind::Mentions {
            mentioned[e.target().index()] += 1;
        } else {
            edges_of[e.source().index()] += 1;
            edges_of[e.target().index()] += 1;
        }
    }
    let mut by_edges: Vec<NodeIndex> = g.graph.node_indices().collect();
    by_edges.sort_by(|a, b| edges_of[b.index()].cmp(&edges_of[a.index()]).then(a.cmp(b)));
    let mut ranked: Vec<(usize, usize, usize, NodeIndex)> = Vec::new();
    let mut others: Vec<NodeIndex> = Vec::new();
    let by_rank = |a: &(usize, usize, usize, NodeIndex), b: &(usize, usize, usize, NodeIndex)| {
        (b.0, b.1, b.2)
            .cmp(&(a.0, a.1, a.2))
            .then_with(|| g.node(a.3).id.cmp(&g.node(b.3).id))
    };
    for i in by_edges {
        let edges = edges_of[i.index()];
        // Neighbours never exceed edges: once the top is full and this node's edges are
        // below its last neighbour count, no later node can enter.
        if ranked.len() >= opts.top && edges < ranked[opts.top - 1].0 {
            break;
        }
        others.clear();
        for (dir, out) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
            for e in g.graph.edges_directed(i, dir) {
                if e.weight().kind != EdgeKind::Mentions {
                    others.push(if out { e.target() } else { e.source() });
                }
            }
        }
        others.sort_unstable();
        others.dedup();
        ranked.push((others.len(), edges, mentioned[i.index()], i));
        ranked.sort_by(by_rank);
        ranked.truncate(opts.top);
    }
    ranked.truncate(opts.top);
    let connected: Vec<Connected> = ranked
        .into_iter()
        .map(|(neighbors, edges, mentioned_in, i)| Connected {
            node: NodeRef::of(g, i),
            neighbors,
            edges,
            mentioned_in,
        })
        .collect();

    // Count statements for every policy; credit actors only for the most contested.
    let mut counts: Vec<StanceCounts> = vec![StanceCounts::default(); n];
    for e in g.graph.raw_edges() {
        let stance = match e.weight.kind {
            EdgeKind::About => Some(e.weight.stance.unwrap_or(Stance::Neutral)),
            kind => relation_stance(kind),
        };
        if let Some(s) = stance {
            counts[e.target().index()].add(s);
        }
    }
    let mut contested: Vec<(StanceCounts, NodeIndex)> = g
        .graph
        .node_indices()
        .filter(|&i| g.node(i).kind == NodeKind::Policy)
        .map(|p| (counts[p.index()], p))
        .filter(|(c, _)| c.for_ > 0 && c.against > 0)
        .collect();
    let key = |c: &StanceCounts| (c.for_.min(c.against), c.total());
    contested.sort_by(|a, b| {
        key(&b.0)
            .cmp(&key(&a.0))
            .then_with(|| g.node(a.1).id.cmp(&g.node(b.1).id))
    });
    contested.truncate(opts.top);
    let contested: Vec<Contested> = contested
        .into_iter()
        .map(|(statements, p)| {
            let (mut pro, mut con) = (BTreeSet::new(), BTreeSet::new());
            for e in g.graph.edges_directed(p, Direction::Incoming) {
                let kind = e.weight().kind;
                let (s, who) = match kind {
                    EdgeKind::About => (
                        e.weight().stance.unwrap_or(Stance::Neutral),
                        super::who_said(g, e.source()),
                    ),
                    _ => match relation_stance(kind) {
                        Some(s) => (s, vec![e.source()]),
                        None => continue,
                    },
                };
                match s {
                    Stance::For => pro.extend(who),
                    Stance::Against => con.extend(who),
                    _ => {}
                }
            }
            Contested {
                policy: NodeRef::of(g, p),
                statements,
                actors_for: pro.len(),
                actors_against: con.len(),
            }
        })
        .collect();

    Ok(StatsAnswer {
        schema: StatsAnswer::SCHEMA.into(),
        version: VERSION,
        nodes,
        edges,
        span: g.date_span().map(|(first, last)| Span { first, last }),
        most_connected: connected,
        most_contested: contested,
        components: components(g, |_| true),
        components_without_mentions: components(g, |k| k != EdgeKind::Mentions),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_testkit::mini;

    #[test]
    fn mini_stats() {
        let g = mini();
        let s = stats(&g, StatsOptions { top: 3 }).unwrap();
        assert_eq!(
            s.nodes.iter().map(|c| c.count).sum::<usize>(),
            g.node_count()
        );
        assert_eq!(
            s.edges.iter().map(|c| c.count).sum::<usize>(),
            g.edge_count()
        );
        assert_eq!(s.span.unwrap().first.to_string(), "2020-09");
        assert_eq!(s.most_connected.len(), 3);
        assert!(s
            .most_connected
            .windows(2)
            .all(|w| w[0].neighbors >= w[1].neighbors));
        assert_eq!(s.most_contested[0].policy.id, "policy:levelling-up".into());
        assert_eq!(s.most_contested[0].statements.against, 2);
        assert_eq!(s.most_contested[0].actors_for, 1);
        assert!(s.components.count <= s.components_without_mentions.count);
        assert!(stats(&g, StatsOptions { top: 0 }).is_err());
    }
}
