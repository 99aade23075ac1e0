//! Walking the graph for the time-layered views: neighbours by edge kind, the
//! lineage of a policy, and what `--about` keeps.

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind};

/// What `--about` keeps.
pub(super) struct Focus {
    pub(super) claims: BTreeSet<NodeIndex>,
    pub(super) articles: BTreeSet<NodeIndex>,
    /// For a policy: the ideas that may have lanes (its lineage).
    pub(super) lanes: Option<BTreeSet<NodeIndex>>,
    pub(super) label: String,
}

pub(super) fn targets(
    g: &LevelGraph,
    i: NodeIndex,
    kinds: &[EdgeKind],
    dir: Direction,
) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = g
        .graph
        .edges_directed(i, dir)
        .filter(|e| kinds.contains(&e.weight().kind))
        .map(|e| {
            if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            }
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

pub(super) const CLAIM_LINKS: [EdgeKind; 3] =
    [EdgeKind::Supports, EdgeKind::Attacks, EdgeKind::Echoes];
/// Policy-to-policy edges.
pub(crate) const LINEAGE: [EdgeKind; 3] =
    [EdgeKind::EvolvesInto, EdgeKind::Replaces, EdgeKind::PartOf];

pub(super) fn focus(g: &LevelGraph, node: NodeIndex) -> Focus {
    let n = g.node(node);
    let mut claims = BTreeSet::new();
    let mut articles = BTreeSet::new();
    let mut lanes = None;
    let both = |i: NodeIndex, kinds: &[EdgeKind]| {
        let mut v = targets(g, i, kinds, Direction::Outgoing);
        v.extend(targets(g, i, kinds, Direction::Incoming));
        v
    };
    match n.kind {
        NodeKind::Policy => {
            let family = lineage(g, node);
            for &p in &family {
                claims.extend(targets(g, p, &[EdgeKind::About], Direction::Incoming));
            }
            lanes = Some(family);
        }
        NodeKind::Actor => {
            for c in g
                .graph
                .node_indices()
                .filter(|&c| g.node(c).kind == NodeKind::Claim)
            {
                if g.speakers(c).contains(&node) {
                    claims.insert(c);
                }
            }
            let mut own = targets(g, node, &[EdgeKind::Authored], Direction::Outgoing);
            own.extend(targets(
                g,
                node,
                &[EdgeKind::PublishedBy],
                Direction::Incoming,
            ));
            for a in own {
                articles.insert(a);
                claims.extend(targets(g, a, &[EdgeKind::Makes], Direction::Outgoing));
            }
        }
        NodeKind::Claim => {
            claims.insert(node);
            claims.extend(both(node, &CLAIM_LINKS));
        }
        NodeKind::Article => {
            articles.insert(node);
            for c in targets(g, node, &[EdgeKind::Makes], Direction::Outgoing) {
                claims.insert(c);
                claims.extend(both(c, &CLAIM_LINKS));
            }
        }
        NodeKind::Event => {
            for a in targets(g, node, &[EdgeKind::RefersTo], Direction::Incoming) {
                articles.insert(a);
                claims.extend(targets(g, a, &[EdgeKind::Makes], Direction::Outgoing));
            }
        }
    }
    for &c in &claims {
        articles.extend(g.article_of(c));
    }
    Focus {
        claims,
        articles,
        lanes,
        label: format!("{} ({})", n.label, n.id),
    }
}

/// The lineage of policy `p`: itself, what it is part of and what is part of it
/// (transitively), and every policy joined to it or its parts by evolves-into or
/// replaces links (transitively, both ways).
pub(crate) fn lineage(g: &LevelGraph, p: NodeIndex) -> BTreeSet<NodeIndex> {
    let step = |i: NodeIndex, kinds: &[EdgeKind], dir: Direction| -> Vec<NodeIndex> {
        g.graph
            .edges_directed(i, dir)
            .filter(|e| kinds.contains(&e.weight().kind))
            .map(|e| {
                if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                }
            })
            .collect()
    };
    let closure =
        |start: Vec<NodeIndex>, kinds: &[EdgeKind], dirs: &[Direction]| -> BTreeSet<NodeIndex> {
            let mut seen: BTreeSet<NodeIndex> = start.iter().copied().collect();
            let mut todo = start;
            while let Some(i) = todo.pop() {
                for &d in dirs {
                    for j in step(i, kinds, d) {
                        if seen.insert(j) {
                            todo.push(j);
                        }
                    }
                }
            }
            seen
        };
    let ancestors = closure(vec![p], &[EdgeKind::PartOf], &[Direction::Outgoing]);
    let descendants = closure(vec![p], &[EdgeKind::PartOf], &[Direction::Incoming]);
    let evolved = closure(
        descendants.iter().copied().collect(),
        &[EdgeKind::EvolvesInto, EdgeKind::Replaces],
        &[Direction::Outgoing, Direction::Incoming],
    );
    ancestors
        .into_iter()
        .chain(descendants)
        .chain(evolved)
        .collect()
}

/// The date of a node (an article's, an event's, a claim's), if it has one.
pub(super) fn date_of(g: &LevelGraph, i: NodeIndex) -> Option<PartialDate> {
    g.node(i).date()
}
