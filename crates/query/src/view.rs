//! Views: the part of the graph that an export or a drawing shows, chosen by node
//! kind, edge kind, date range and neighbourhood, returned as a smaller
//! [`LevelGraph`] with the same node and edge data in the same order.

use std::collections::{BTreeSet, VecDeque};
use std::fmt;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{Edge, LevelGraph};
use levelmap_model::{EdgeKind, NodeKind};

/// Which part of the graph to show. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewOptions {
    /// Node kinds to keep; empty keeps every kind.
    pub kinds: BTreeSet<NodeKind>,
    /// Edge kinds to keep; empty keeps every kind.
    pub edges: BTreeSet<EdgeKind>,
    /// Keep dated nodes and evidenced edges from this date on (inclusive, at the
    /// date's precision: "2021" starts on 1 January 2021).
    pub from: Option<PartialDate>,
    /// Keep dated nodes and evidenced edges up to this date (inclusive: "2021"
    /// ends on 31 December 2021).
    pub to: Option<PartialDate>,
    /// Keep only the neighbourhood of one node.
    pub around: Option<Around>,
    /// Do not follow `mentions` edges when walking [`ViewOptions::around`]: every
    /// article mentions many names, so following them would pull in most of the graph.
    /// The mentions edges between the nodes kept are still in the view, for a drawing
    /// to collapse.
    pub collapse_mentions: bool,
}

/// The neighbourhood of a node: every node within `depth` edges of it, in either
/// direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Around {
    /// The node's id (`actor:rachel-reeves`) or its name or alias ("Rachel Reeves").
    pub node: String,
    /// How many edges away to go (0 keeps the node alone).
    pub depth: usize,
}

/// Why a view could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ViewError {
    /// No node is left after the filters.
    #[error("the view is empty: no node matches {filters}; widen the filters (or drop them to see the whole graph)")]
    EmptyView {
        /// The filters that were applied, described in words.
        filters: String,
    },
    /// The `around` node is not in the graph, or its name is ambiguous.
    #[error(transparent)]
    Node(#[from] crate::QueryError),
    /// `from` is after `to`.
    #[error("the date range is empty: {from} is after {to}")]
    BadRange {
        /// The start.
        from: PartialDate,
        /// The end.
        to: PartialDate,
    },
}

impl ViewOptions {
    /// Whether these options keep the whole graph.
    pub fn is_everything(&self) -> bool {
        self.kinds.is_empty()
            && self.edges.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.around.is_none()
    }

    /// The filters in words, for messages ("kind claim; from 2030").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.kinds.is_empty() {
            parts.push(format!("kind {}", join(self.kinds.iter())));
        }
        if !self.edges.is_empty() {
            parts.push(format!("edge {}", join(self.edges.iter())));
        }
        if let Some(d) = self.from {
            parts.push(format!("from {d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to {d}"));
        }
        if let Some(a) = &self.around {
            parts.push(format!("around {} depth {}", a.node, a.depth));
        }
        if parts.is_empty() {
            "the whole graph (it has no nodes)".to_string()
        } else {
            parts.join("; ")
        }
    }
}

fn join<T: fmt::Display>(it: impl Iterator<Item = T>) -> String {
    it.map(|x| x.to_string()).collect::<Vec<_>>().join(",")
}

/// Find the `around` node by id, name or alias, ignoring case and punctuation, as
/// the queries do ([`crate::resolve`]): an ambiguous name is refused with its
/// candidates, an unknown one with the closest names.
pub fn resolve(g: &LevelGraph, query: &str) -> Result<NodeIndex, ViewError> {
    Ok(crate::resolve(g, query)?)
}

/// The view of `g` that `opts` selects, as a graph of its own: nodes and edges keep
/// their data and their relative order, so ids and edge ids are the same as in `g`.
///
/// Filters apply in this order: edge kinds and dates decide which edges count; dated
/// nodes outside the date range go; `around` walks the edges that count (in both
/// directions) from its node; node kinds filter what is left (the `around` node
/// itself always stays). With a date range, an undated node (actor, policy) stays only
/// if one of its edges does.
pub fn view(g: &LevelGraph, opts: &ViewOptions) -> Result<LevelGraph, ViewError> {
    if let (Some(from), Some(to)) = (opts.from, opts.to) {
        if from.start_days() >= to.end_days() {
            return Err(ViewError::BadRange { from, to });
        }
    }
    let centre = opts
        .around
        .as_ref()
        .map(|a| resolve(g, &a.node))
        .transpose()?;
    let dated = opts.from.is_some() || opts.to.is_some();
    let in_range = |d: Option<PartialDate>| match d {
        None => true,
        Some(d) => {
            opts.from.is_none_or(|f| d.end_days() > f.start_days())
                && opts.to.is_none_or(|t| d.start_days() < t.end_days())
        }
    };
    // Nodes that survive the date filter, and edges that count.
    let alive: Vec<bool> = g
        .graph
        .node_indices()
        .map(|i| in_range(g.node(i).date()))
        .collect();
    let edge_counts = |e: &Edge| {
        (opts.edges.is_empty() || opts.edges.contains(&e.kind)) && in_range(g.evidence_date(e))
    };
    let counted: BTreeSet<EdgeIndex> = g
        .graph
        .edge_references()
        .filter(|e| {
            alive[e.source().index()] && alive[e.target().index()] && edge_counts(e.weight())
        })
        .map(|e| e.id())
        .collect();

    let mut keep: BTreeSet<NodeIndex> = match centre {
        Some(c) => {
            let depth = opts.around.as_ref().map_or(0, |a| a.depth);
            let follow = |e: EdgeIndex| {
                counted.contains(&e)
                    && !(opts.collapse_mentions && g.edge(e).kind == EdgeKind::Mentions)
            };
            neighbourhood(g, c, depth, follow)
        }
        None => g
            .graph
            .node_indices()
            .filter(|i| alive[i.index()])
            .collect(),
    };
    if !opts.kinds.is_empty() {
        keep.retain(|&i| Some(i) == centre || opts.kinds.contains(&g.node(i).kind));
    }
    if dated {
        // Undated nodes stay only if an edge that counts joins them to a kept node.
        let linked: BTreeSet<NodeIndex> = counted
            .iter()
            .filter_map(|&e| g.graph.edge_endpoints(e))
            .filter(|(a, b)| keep.contains(a) && keep.contains(b))
            .flat_map(|(a, b)| [a, b])
            .collect();
        keep.retain(|&i| Some(i) == centre || g.node(i).date().is_some() || linked.contains(&i));
    }
    if keep.is_empty() {
        return Err(ViewError::EmptyView {
            filters: opts.describe(),
        });
    }
    Ok(subgraph_edges(g, &keep, |e| counted.contains(&e)))
}

/// Every node within `depth` edges of `centre`, following the edges `follow` accepts
/// in both directions.
pub fn neighbourhood(
    g: &LevelGraph,
    centre: NodeIndex,
    depth: usize,
    follow: impl Fn(EdgeIndex) -> bool,
) -> BTreeSet<NodeIndex> {
    let mut seen = BTreeSet::from([centre]);
    let mut queue = VecDeque::from([(centre, 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        let mut next: Vec<NodeIndex> = g
            .graph
            .edges_directed(n, petgraph::Direction::Outgoing)
            .filter(|e| follow(e.id()))
            .map(|e| e.target())
            .chain(
                g.graph
                    .edges_directed(n, petgraph::Direction::Incoming)
                    .filter(|e| follow(e.id()))
                    .map(|e| e.source()),
            )
            .collect();
        next.sort();
        for m in next {
            if seen.insert(m) {
                queue.push_back((m, d + 1));
            }
        }
    }
    seen
}

/// The subgraph on `nodes`: those nodes in their order in `g`, and every edge of `g`
/// between two of them, in its order in `g`. Ids and edge ids are unchanged.
pub fn subgraph(g: &LevelGraph, nodes: &BTreeSet<NodeIndex>) -> LevelGraph {
    subgraph_edges(g, nodes, |_| true)
}

/// Like [`subgraph`], keeping only the edges that `keep_edge` accepts.
pub(crate) fn subgraph_edges(
    g: &LevelGraph,
    nodes: &BTreeSet<NodeIndex>,
    keep_edge: impl Fn(EdgeIndex) -> bool,
) -> LevelGraph {
    let mut out = LevelGraph::new();
    out.digest = g.digest.clone();
    for &i in nodes {
        if i.index() < g.node_count() {
            out.add_node(g.node(i).clone());
        }
    }
    for e in g.graph.edge_references() {
        if nodes.contains(&e.source()) && nodes.contains(&e.target()) && keep_edge(e.id()) {
            out.add_edge(
                &g.node(e.source()).id,
                &g.node(e.target()).id,
                e.weight().clone(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::graph::{Node, NodeData};
    use levelmap_model::{ArticleDate, ClaimKind, DateProvenance, Evidence, Origin};

    fn node(id: &str, kind: NodeKind, date: Option<&str>) -> Node {
        let data = match (kind, date) {
            (NodeKind::Article, Some(d)) => NodeData::Article {
                title: id.to_string(),
                date: ArticleDate {
                    value: PartialDate::parse(d).unwrap(),
                    provenance: DateProvenance::Stated,
                    evidence: None,
                    reasoning: None,
                },
                url: None,
            },
            (NodeKind::Claim, d) => NodeData::Claim {
                text: id.to_string().into(),
                evidence: Evidence {
                    article: "a".into(),
                    quote: "q".into(),
                },
                claim_kind: ClaimKind::Evaluation,
                speaker: None,
                hedged: false,
                date: d.map(|d| PartialDate::parse(d).unwrap()),
            },
            _ => NodeData::Entity {
                subkind: "person".into(),
                aliases: vec!["Alias One".into()],
                description: None,
                date: None,
                roles: vec![],
            },
        };
        Node {
            id: id.into(),
            kind,
            label: format!("Label {id}").into(),
            data,
            origin: Origin::Curated,
        }
    }

    fn edge(kind: EdgeKind, article: &str) -> Edge {
        Edge {
            kind,
            evidence: Evidence {
                article: article.into(),
                quote: "q".into(),
            },
            stance: None,
            note: None,
            origin: Origin::Curated,
        }
    }

    /// a1 (2020) makes c1; a2 (2024) makes c2; c2 echoes c1; p is mentioned by both.
    fn sample() -> LevelGraph {
        let mut g = LevelGraph::new();
        g.add_node(node("article:a1", NodeKind::Article, Some("2020-09")));
        g.add_node(node("article:a2", NodeKind::Article, Some("2024-07-08")));
        g.add_node(node("actor:x", NodeKind::Actor, None));
        g.add_node(node("policy:p", NodeKind::Policy, None));
        g.add_node(node("claim:c1", NodeKind::Claim, Some("2020-09")));
        g.add_node(node("claim:c2", NodeKind::Claim, Some("2024-07-08")));
        g.add_edge("actor:x", "article:a1", edge(EdgeKind::Authored, "a1"));
        g.add_edge("article:a1", "claim:c1", edge(EdgeKind::Makes, "a1"));
        g.add_edge("article:a2", "claim:c2", edge(EdgeKind::Makes, "a2"));
        g.add_edge("claim:c2", "claim:c1", edge(EdgeKind::Echoes, "a2"));
        g.add_edge("article:a1", "policy:p", edge(EdgeKind::Mentions, "a1"));
        g.add_edge("article:a2", "policy:p", edge(EdgeKind::Mentions, "a2"));
        g
    }

    fn ids(g: &LevelGraph) -> Vec<&str> {
        g.ids().collect()
    }

    #[test]
    fn everything_is_the_same_graph() {
        let g = sample();
        let v = view(&g, &ViewOptions::default()).unwrap();
        assert_eq!(ids(&v), ids(&g));
        assert_eq!(v.edge_count(), g.edge_count());
        let e = v
            .graph
            .edge_indices()
            .map(|e| v.edge_id(e))
            .collect::<Vec<_>>();
        let f = g
            .graph
            .edge_indices()
            .map(|e| g.edge_id(e))
            .collect::<Vec<_>>();
        assert_eq!(e, f);
    }

    #[test]
    fn kinds_and_edges_filter() {
        let g = sample();
        let opts = ViewOptions {
            kinds: BTreeSet::from([NodeKind::Claim]),
            ..Default::default()
        };
        let v = view(&g, &opts).unwrap();
        assert_eq!(ids(&v), ["claim:c1", "claim:c2"]);
        assert_eq!(v.edge_count(), 1);
        let opts = ViewOptions {
            edges: BTreeSet::from([EdgeKind::Makes]),
            ..Default::default()
        };
        assert_eq!(view(&g, &opts).unwrap().edge_count(), 2);
    }

    #[test]
    fn dates_keep_the_range_and_linked_undated_nodes() {
        let g = sample();
        let opts = ViewOptions {
            to: Some(PartialDate::parse("2021").unwrap()),
            ..Default::default()
        };
        let v = view(&g, &opts).unwrap();
        assert_eq!(ids(&v), ["article:a1", "actor:x", "policy:p", "claim:c1"]);
        let opts = ViewOptions {
            from: Some(PartialDate::parse("2024-07").unwrap()),
            ..Default::default()
        };
        let v = view(&g, &opts).unwrap();
        assert_eq!(
            ids(&v),
            ["article:a2", "policy:p", "claim:c2"],
            "the 2020 author is not linked in 2024"
        );
    }

    #[test]
    fn around_walks_both_directions_and_skips_mentions_when_collapsed() {
        let g = sample();
        let around = |depth| {
            Some(Around {
                node: "claim:c1".into(),
                depth,
            })
        };
        let v = view(
            &g,
            &ViewOptions {
                around: around(1),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&v), ["article:a1", "claim:c1", "claim:c2"]);
        let v = view(
            &g,
            &ViewOptions {
                around: around(2),
                collapse_mentions: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            ids(&v),
            [
                "article:a1",
                "article:a2",
                "actor:x",
                "claim:c1",
                "claim:c2"
            ]
        );
        let v = view(
            &g,
            &ViewOptions {
                around: around(2),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(ids(&v).contains(&"policy:p"));
    }

    #[test]
    fn around_accepts_names_and_aliases() {
        let g = sample();
        assert_eq!(
            resolve(&g, "Label actor:x").unwrap(),
            g.find("actor:x").unwrap()
        );
        // Every entity of the sample has this alias: which one is meant is not
        // guessed (regression: `--around` once took the first).
        let err = resolve(&g, "alias one").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("'alias one' is ambiguous: it could be actor:x"),
            "{err}"
        );
    }

    #[test]
    fn unknown_node_suggests_close_ids() {
        let g = sample();
        let err = resolve(&g, "claim:c3").unwrap_err();
        let ViewError::Node(crate::QueryError::UnknownNode { suggestions, .. }) = &err else {
            panic!("{err:?}")
        };
        assert!(
            suggestions.iter().any(|s| &*s.id == "claim:c1"),
            "{suggestions:?}"
        );
        assert!(
            err.to_string()
                .starts_with("no node 'claim:c3'; did you mean claim:c"),
            "{err}"
        );
    }

    #[test]
    fn empty_view_names_the_filters() {
        let g = sample();
        let opts = ViewOptions {
            kinds: BTreeSet::from([NodeKind::Event]),
            from: Some(PartialDate::parse("2030").unwrap()),
            ..Default::default()
        };
        let err = view(&g, &opts).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the view is empty: no node matches kind event; from 2030; widen the filters (or drop them to see the whole graph)"
        );
        let err = view(&LevelGraph::new(), &ViewOptions::default()).unwrap_err();
        assert!(matches!(err, ViewError::EmptyView { .. }));
    }

    #[test]
    fn reversed_range_is_refused() {
        let opts = ViewOptions {
            from: Some(PartialDate::parse("2024").unwrap()),
            to: Some(PartialDate::parse("2020").unwrap()),
            ..Default::default()
        };
        assert_eq!(
            view(&sample(), &opts).unwrap_err().to_string(),
            "the date range is empty: 2024 is after 2020"
        );
    }

    #[test]
    fn subgraph_keeps_order_and_edges_between_kept_nodes() {
        let g = sample();
        let keep = BTreeSet::from([
            g.find("claim:c2").unwrap(),
            g.find("claim:c1").unwrap(),
            g.find("article:a2").unwrap(),
        ]);
        let s = subgraph(&g, &keep);
        assert_eq!(ids(&s), ["article:a2", "claim:c1", "claim:c2"]);
        assert_eq!(s.edge_count(), 2);
        assert_eq!(s.digest, g.digest);
    }
}
