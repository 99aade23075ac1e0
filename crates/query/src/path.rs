//! `path`: the shortest connections between two nodes, read as an explanation.
//!
//! Edges count as connections whichever way they point; each hop reports which way it
//! was walked and reads accordingly ("proposes" forward, "proposed by" backward).
//!
//! By default every edge kind but `mentions` is walked: a mention says only that an
//! article names something, so paths through mentions connect nearly everything to
//! everything through any article and explain nothing. `--edge` chooses the kinds
//! instead (`--edge mentions` brings them back). `--avoid-kind` keeps paths from
//! passing *through* nodes of a kind (the two ends are always allowed).
//!
//! All shortest paths are found with a breadth-first search; when several tie, the
//! ones whose hops explain best (curated relations before authorship bookkeeping, see
//! [`super::explain_rank`]) come first, and at most `max` are listed. Between two
//! nodes joined by several edges, the hop shows the best one.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};

use super::neighbors::{incident, Direction};
use super::{explain_rank, Answer, Hop, NodeRef, QueryError, VERSION};
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind};

/// The edge kinds a path walks when none are given: all but `mentions`.
pub fn default_edges() -> Vec<EdgeKind> {
    EdgeKind::ALL
        .iter()
        .copied()
        .filter(|k| *k != EdgeKind::Mentions)
        .collect()
}

/// Options of `path`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathOptions {
    /// At most this many paths (at least 1).
    pub max: usize,
    /// Edge kinds to walk (empty: [`default_edges`]).
    pub edges: Vec<EdgeKind>,
    /// Node kinds a path may not pass through.
    pub avoid: Vec<NodeKind>,
}

impl Default for PathOptions {
    fn default() -> Self {
        PathOptions {
            max: 3,
            edges: vec![],
            avoid: vec![],
        }
    }
}

/// The answer of `path` (schema `levelmap/path`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathAnswer {
    /// `levelmap/path`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// Start.
    pub from: NodeRef,
    /// End.
    pub to: NodeRef,
    /// The edge kinds walked.
    pub edges: Vec<EdgeKind>,
    /// The node kinds avoided.
    pub avoid: Vec<NodeKind>,
    /// Whether any path exists ("no connection" is an answer, not an error).
    pub connected: bool,
    /// Hops in each shortest path (absent when not connected).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub length: Option<usize>,
    /// Whether more shortest paths tie than are listed.
    pub more: bool,
    /// The paths, best explanation first.
    pub paths: Vec<PathOut>,
}

/// One path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathOut {
    /// The path in words: "Conservative Party, proposes, Levelling up, evolves into, …".
    pub explanation: String,
    /// Its hops, from `from` to `to`, each with evidence.
    pub hops: Vec<Hop>,
}

impl Answer for PathAnswer {
    const SCHEMA: &'static str = "levelmap/path";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let ids = [self.from.id.as_ref(), self.to.id.as_ref()]
            .into_iter()
            .chain(
                self.paths
                    .iter()
                    .flat_map(|p| p.hops.iter().map(|h| h.to.id.as_ref())),
            );
        super::indices(g, ids)
    }
}

/// How many tied paths are enumerated before ranking (beyond `max`).
const ENUMERATE: usize = 200;

/// The shortest paths from `a` to `b`.
pub fn path(
    g: &LevelGraph,
    a: NodeIndex,
    b: NodeIndex,
    opts: &PathOptions,
) -> Result<PathAnswer, QueryError> {
    if opts.max == 0 {
        return Err(QueryError::BadCount { flag: "max".into() });
    }
    let edges = if opts.edges.is_empty() {
        default_edges()
    } else {
        opts.edges.clone()
    };
    let mut answer = PathAnswer {
        schema: PathAnswer::SCHEMA.into(),
        version: VERSION,
        from: NodeRef::of(g, a),
        to: NodeRef::of(g, b),
        edges: edges.clone(),
        avoid: opts.avoid.clone(),
        connected: false,
        length: None,
        more: false,
        paths: vec![],
    };
    if a == b {
        answer.connected = true;
        answer.length = Some(0);
        answer.paths.push(PathOut {
            explanation: g.node(a).label.to_string(),
            hops: vec![],
        });
        return Ok(answer);
    }
    let passable = |v: NodeIndex| v == a || v == b || !opts.avoid.contains(&g.node(v).kind);

    // Breadth-first distances from `a`, stopping at `b`'s level.
    let mut dist: Vec<u32> = vec![u32::MAX; g.node_count()];
    dist[a.index()] = 0;
    let mut queue = VecDeque::from([a]);
    while let Some(u) = queue.pop_front() {
        let du = dist[u.index()];
        if dist[b.index()] != u32::MAX && du >= dist[b.index()] {
            break;
        }
        if u != a && !passable(u) {
            continue;
        }
        for (_, v) in incident(g, u, &edges, Direction::Both) {
            if dist[v.index()] == u32::MAX && passable(v) {
                dist[v.index()] = du + 1;
                queue.push_back(v);
            }
        }
    }
    let target = dist[b.index()];
    if target == u32::MAX {
        return Ok(answer);
    }

    // Walk back from `b` over the shortest-path graph. For each step, the best edge
    // between the two nodes stands for them all.
    let mut preds: BTreeMap<NodeIndex, Vec<(u8, NodeIndex, EdgeIndex)>> = BTreeMap::new();
    let mut preds_of = |v: NodeIndex| -> Vec<(u8, NodeIndex, EdgeIndex)> {
        preds
            .entry(v)
            .or_insert_with(|| {
                let mut best: BTreeMap<NodeIndex, (u8, EdgeIndex)> = BTreeMap::new();
                for (e, u) in incident(g, v, &edges, Direction::Both) {
                    if dist[u.index()] != u32::MAX
                        && dist[u.index()] + 1 == dist[v.index()]
                        && (u == a || passable(u))
                    {
                        best.entry(u).or_insert((explain_rank(g.edge(e).kind), e));
                    }
                }
                let mut list: Vec<(u8, NodeIndex, EdgeIndex)> =
                    best.into_iter().map(|(u, (r, e))| (r, u, e)).collect();
                list.sort();
                list
            })
            .clone()
    };
    let mut found: Vec<Vec<(NodeIndex, EdgeIndex)>> = Vec::new();
    let limit = ENUMERATE.max(opts.max + 1);
    // Depth-first, each stack entry a partial path from b backwards.
    let mut stack: Vec<Vec<(NodeIndex, EdgeIndex)>> = vec![vec![]];
    while let Some(partial) = stack.pop() {
        let at = partial.last().map_or(b, |&(u, _)| u);
        if at == a {
            found.push(partial);
            if found.len() >= limit {
                break;
            }
            continue;
        }
        for (_, u, e) in preds_of(at).into_iter().rev() {
            let mut next = partial.clone();
            next.push((u, e));
            stack.push(next);
        }
    }
    let score = |p: &Vec<(NodeIndex, EdgeIndex)>| -> (u32, Vec<NodeIndex>) {
        (
            p.iter()
                .map(|&(_, e)| u32::from(explain_rank(g.edge(e).kind)))
                .sum(),
            p.iter().rev().map(|&(u, _)| u).collect(),
        )
    };
    found.sort_by_cached_key(score);
    answer.connected = true;
    answer.length = Some(target as usize);
    answer.more = found.len() > opts.max;
    answer.paths = found
        .into_iter()
        .take(opts.max)
        .map(|p| {
            // p holds (predecessor, edge) from b back to a.
            let mut hops = Vec::new();
            for &(u, e) in p.iter().rev() {
                hops.push(Hop::along(g, e, u));
            }
            let mut words = vec![g.node(a).label.clone()];
            for h in &hops {
                words.push(h.phrase.clone().into());
                words.push(h.to.label.clone());
            }
            PathOut {
                explanation: words.join(", "),
                hops,
            }
        })
        .collect();
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Walk;

    fn mini() -> LevelGraph {
        levelmap_testkit::mini()
    }

    #[test]
    fn conservatives_to_labour_reads_as_an_explanation() {
        let g = mini();
        let (a, b) = (
            g.find("actor:conservative-party").unwrap(),
            g.find("actor:labour-party").unwrap(),
        );
        let ans = path(&g, a, b, &PathOptions::default()).unwrap();
        assert!(ans.connected);
        assert_eq!(ans.length, Some(3));
        assert_eq!(
            ans.paths[0].explanation,
            "Conservative Party, proposes, Levelling up, evolves into, Securonomics, proposed by, Labour Party"
        );
        let hops = &ans.paths[0].hops;
        assert_eq!(hops[2].walk, Walk::Backward);
        assert!(hops
            .iter()
            .all(|h| !h.evidence.quote.is_empty() && h.evidence.date.is_some()));
        // Hops chain.
        for w in hops.windows(2) {
            assert_eq!(w[0].to, w[1].from);
        }
    }

    #[test]
    fn no_connection_is_an_answer() {
        let g = mini();
        let (a, b) = (
            g.find("actor:conservative-party").unwrap(),
            g.find("actor:labour-party").unwrap(),
        );
        let opts = PathOptions {
            edges: vec![EdgeKind::Authored],
            ..Default::default()
        };
        let ans = path(&g, a, b, &opts).unwrap();
        assert!(!ans.connected);
        assert!(ans.paths.is_empty());
        assert_eq!(ans.length, None);
    }

    #[test]
    fn avoid_kind_and_ties() {
        let g = mini();
        let (a, b) = (
            g.find("actor:conservative-party").unwrap(),
            g.find("policy:securonomics").unwrap(),
        );
        let ans = path(
            &g,
            a,
            b,
            &PathOptions {
                avoid: vec![NodeKind::Policy],
                max: 10,
                ..Default::default()
            },
        )
        .unwrap();
        // The Conservatives' only curated edge is to levelling up, a policy.
        assert!(!ans.connected);
        assert!(path(&g, a, b, &PathOptions::default()).unwrap().connected);

        // Bob Beta wrote two claims about levelling up: two tied paths.
        let (a, b) = (
            g.find("policy:levelling-up").unwrap(),
            g.find("actor:bob-beta").unwrap(),
        );
        let ans = path(
            &g,
            a,
            b,
            &PathOptions {
                max: 10,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(
            ans.paths.len() >= 2,
            "{:#?}",
            ans.paths.iter().map(|p| &p.explanation).collect::<Vec<_>>()
        );
        let lens: BTreeSet<usize> = ans.paths.iter().map(|p| p.hops.len()).collect();
        assert_eq!(lens.len(), 1, "all listed paths are shortest");
        let one = path(
            &g,
            a,
            b,
            &PathOptions {
                max: 1,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(one.paths.len(), 1);
        assert!(one.more);
        assert_eq!(one.paths[0], ans.paths[0]);
    }

    #[test]
    fn max_zero_is_refused() {
        let g = mini();
        let a = g.find("actor:conservative-party").unwrap();
        assert!(path(
            &g,
            a,
            a,
            &PathOptions {
                max: 0,
                ..Default::default()
            }
        )
        .is_err());
        assert_eq!(
            path(&g, a, a, &PathOptions::default()).unwrap().length,
            Some(0)
        );
    }
}
