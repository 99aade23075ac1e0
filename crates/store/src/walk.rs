//! What a question reads from the query store: walks over the store's adjacency, read
//! in place, that find the nodes a question's answer can depend on, with the same
//! rules as the queries themselves (directions, edge kinds, avoided kinds). The
//! command then materialises just those nodes ([`crate::Region`]) and runs the
//! query on them.

use std::collections::BTreeSet;

use crate::Store;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::neighbors::Direction;

/// The edges at `n` that `walks` and `direction` allow (self-loops aside), as
/// (explanation rank, other end, record): the query's order of edges at a node
/// once sorted, as [`super::neighbors`] walks them.
fn edges_at(
    store: &Store,
    n: u32,
    direction: Direction,
    walks: &impl Fn(EdgeKind) -> bool,
) -> Vec<(u8, u32, u32)> {
    let mut at = Vec::new();
    let mut add = |r: u32, other: u32, kind: EdgeKind| {
        if walks(kind) && other != n {
            at.push((levelmap_query::explain_rank(kind), other, r));
        }
    };
    if matches!(direction, Direction::Out | Direction::Both) {
        for r in store.out_edges(n) {
            if let Some(e) = store.ends(r) {
                add(r, e.to, e.kind);
            }
        }
    }
    if matches!(direction, Direction::In | Direction::Both) {
        for r in store.in_edges(n) {
            if let Some(e) = store.ends(r) {
                add(r, e.from, e.kind);
            }
        }
    }
    at
}

/// The breadth-first tree that [`super::neighbors::neighbors`] builds from `start`:
/// the edge each node within `depth` steps is first reached by, with the query's
/// order of edges at a node (best explanation first, then the other end, then the
/// edge, all of which keep their order in a region). A region of these edges gives
/// the neighbours' answer exactly: on a tree, every node is reached by its own edge.
pub fn reaching_edges(
    store: &Store,
    start: u32,
    depth: usize,
    direction: Direction,
    walks: impl Fn(EdgeKind) -> bool,
) -> Vec<u32> {
    let mut reached = vec![false; store.node_count()];
    let Some(r) = reached.get_mut(start as usize) else {
        return vec![];
    };
    *r = true;
    let mut frontier = vec![start];
    let mut tree = Vec::new();
    for _ in 0..depth {
        let mut next = Vec::new();
        for &u in &frontier {
            let mut at = edges_at(store, u, direction, &walks);
            at.sort_unstable();
            for (_, v, r) in at {
                if let Some(seen) = reached.get_mut(v as usize) {
                    if !*seen {
                        *seen = true;
                        tree.push(r);
                        next.push(v);
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    tree
}

/// The nodes on any shortest path between `a` and `b` over the `walked` edge kinds in
/// either direction, through no node of an `avoid` kind (the ends excepted): a node
/// `n` is on one when `d(a, n) + d(n, b)` is the distance from `a` to `b`. Only `a`
/// and `b` when no path joins them.
///
/// The search runs from both ends at once, a whole level at a time from the end whose
/// frontier is smaller, until a level reaches a node the other end has reached: the
/// two balls have about half the radius of one search's from `a` (in a corpus of
/// 100,000 articles that reached most of the graph). Every shortest path then crosses
/// that level in a node both ends have reached; the nodes on them are found by walking
/// back from those to each end, one step nearer it at a time.
pub fn shortest_path_nodes(
    store: &Store,
    a: u32,
    b: u32,
    walked: &[EdgeKind],
    avoid: &[NodeKind],
) -> BTreeSet<u32> {
    let mut nodes = BTreeSet::from([a, b]);
    let n = store.node_count();
    if a == b || a as usize >= n || b as usize >= n {
        return nodes;
    }
    let walks = |k: EdgeKind| walked.contains(&k);
    let passable = |v: u32| v == a || v == b || store.kind(v).is_some_and(|k| !avoid.contains(&k));
    let mut ends = [Search::new(n, a), Search::new(n, b)];
    let meeting = loop {
        let side = usize::from(ends[1].frontier.len() < ends[0].frontier.len());
        if ends[side].frontier.is_empty() {
            return nodes;
        }
        let [x, y] = &mut ends;
        let (this, other) = if side == 0 { (x, &*y) } else { (y, &*x) };
        let met = this.level(store, &walks, &passable, other);
        if !met.is_empty() {
            break met;
        }
    };
    for search in &ends {
        search.back(store, &walks, &meeting, &mut nodes);
    }
    nodes
}

/// One end's breadth-first search: each node's distance from the end (`u32::MAX`
/// unreached), the last level reached, and its depth.
struct Search {
    dist: Vec<u32>,
    frontier: Vec<u32>,
    depth: u32,
}

impl Search {
    fn new(n: usize, start: u32) -> Search {
        let mut dist = vec![u32::MAX; n];
        dist[start as usize] = 0;
        Search {
            dist,
            frontier: vec![start],
            depth: 0,
        }
    }

    /// Reach the next level; the nodes of it that `other` has reached at its depth
    /// (which meet a shortest path's length), in the order reached.
    fn level(
        &mut self,
        store: &Store,
        walks: &impl Fn(EdgeKind) -> bool,
        passable: &impl Fn(u32) -> bool,
        other: &Search,
    ) -> Vec<u32> {
        let mut next = Vec::new();
        for &u in &self.frontier {
            for (_, v, _) in edges_at(store, u, Direction::Both, walks) {
                let slot = &mut self.dist[v as usize];
                if *slot == u32::MAX && passable(v) {
                    *slot = self.depth + 1;
                    next.push(v);
                }
            }
        }
        self.depth += 1;
        self.frontier = next;
        // No node was reached by both before this level, so the shortest length is
        // more than the two depths were: a node of this level the other has reached
        // is at its last level, and meets a shortest path.
        self.frontier
            .iter()
            .copied()
            .filter(|&v| other.dist[v as usize] != u32::MAX)
            .collect()
    }

    /// Add to `nodes` every node on a shortest way from the `meeting` nodes back to
    /// this search's end: a level at a time, each node's neighbours one step nearer.
    fn back(
        &self,
        store: &Store,
        walks: &impl Fn(EdgeKind) -> bool,
        meeting: &[u32],
        nodes: &mut BTreeSet<u32>,
    ) {
        let mut level: Vec<u32> = meeting.to_vec();
        while !level.is_empty() {
            nodes.extend(level.iter().copied());
            let mut nearer = Vec::new();
            for &v in &level {
                let d = self.dist[v as usize];
                if d == 0 {
                    continue;
                }
                for (_, u, _) in edges_at(store, v, Direction::Both, walks) {
                    if self.dist[u as usize] == d - 1 && !nodes.contains(&u) {
                        nodes.insert(u);
                        nearer.push(u);
                    }
                }
            }
            level = nearer;
        }
    }
}

/// The claims that actor `x` may have said ([`super::claims_by`] picks those it did):
/// the claims attributed to it, and those of the articles it wrote or published.
pub fn claims_by_candidates(store: &Store, x: u32) -> BTreeSet<u32> {
    let mut articles = Vec::new();
    let mut claims = BTreeSet::new();
    for e in store.in_edges(x).filter_map(|r| store.ends(r)) {
        match e.kind {
            EdgeKind::AttributedTo => {
                claims.insert(e.from);
            }
            EdgeKind::PublishedBy => articles.push(e.from),
            _ => {}
        }
    }
    articles.extend(
        store
            .out_edges(x)
            .filter_map(|r| store.ends(r))
            .filter(|e| e.kind == EdgeKind::Authored)
            .map(|e| e.to),
    );
    for a in articles {
        claims.extend(
            store
                .out_edges(a)
                .filter_map(|r| store.ends(r))
                .filter(|e| e.kind == EdgeKind::Makes)
                .map(|e| e.to),
        );
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{encode, StoreHeader};
    use levelmap_query::path::{default_edges, path, PathOptions};
    use levelmap_testkit::mini;
    use petgraph::graph::NodeIndex;
    use std::collections::VecDeque;

    fn store() -> Store {
        store_of(&mini())
    }

    fn store_of(g: &levelmap_model::graph::LevelGraph) -> Store {
        let h = StoreHeader {
            writer: "0".into(),
            fingerprint: String::new(),
            json: None,
            json_fresh: true,
        };
        Store::open(Box::new(encode(&h, g).unwrap()), |_| true)
            .unwrap()
            .1
    }

    #[test]
    fn the_reaching_tree_gives_the_neighbours_answer() {
        use crate::Region;
        use levelmap_query::neighbors::{neighbors, NeighborOptions};
        let g = mini();
        let s = store();
        for id in [
            "policy:levelling-up",
            "actor:rachel-reeves",
            "article:2020-09-alpha-towns",
        ] {
            let i = g.find(id).unwrap();
            for (depth, direction) in [
                (1, Direction::Both),
                (2, Direction::Both),
                (3, Direction::Out),
                (2, Direction::In),
            ] {
                let opts = NeighborOptions {
                    depth,
                    direction,
                    ..Default::default()
                };
                let whole = neighbors(&g, i, &opts).unwrap();
                let mut r = Region::new(&s);
                r.without_speakers();
                r.node(i.index() as u32);
                for e in reaching_edges(&s, i.index() as u32, depth, direction, |_| true) {
                    r.edge(e);
                }
                let m = r.materialise().unwrap();
                let part = neighbors(&m.graph, m.local(i.index() as u32).unwrap(), &opts).unwrap();
                assert_eq!(whole, part, "{id} depth {depth} {direction:?}");
            }
        }
    }

    #[test]
    fn shortest_path_nodes_hold_every_shortest_path() {
        let g = mini();
        let s = store();
        let ids: Vec<NodeIndex> = g.graph.node_indices().collect();
        for &a in &ids {
            for &b in &ids {
                let nodes = shortest_path_nodes(
                    &s,
                    a.index() as u32,
                    b.index() as u32,
                    &default_edges(),
                    &[],
                );
                let answer = path(
                    &g,
                    a,
                    b,
                    &PathOptions {
                        max: 50,
                        ..Default::default()
                    },
                )
                .unwrap();
                for p in &answer.paths {
                    for h in &p.hops {
                        for id in [&h.from.id, &h.to.id] {
                            assert!(
                                nodes.contains(&(g.find(id).unwrap().index() as u32)),
                                "{id} on a path from {a:?} to {b:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The search from one end only, as `path` did before the search from both ends:
    /// the oracle the new search is checked against.
    #[allow(clippy::indexing_slicing)]
    fn one_sided(
        store: &Store,
        a: u32,
        b: u32,
        walked: &[EdgeKind],
        avoid: &[NodeKind],
    ) -> BTreeSet<u32> {
        let mut nodes = BTreeSet::from([a, b]);
        if a == b {
            return nodes;
        }
        let walks = |k: EdgeKind| walked.contains(&k);
        let passable =
            |v: u32| v == a || v == b || store.kind(v).is_some_and(|k| !avoid.contains(&k));
        let from_a = distances(store, a, u32::MAX, Some(b), &walks, &passable);
        let Some(length) = from_a.get(b as usize).copied().flatten() else {
            return nodes;
        };
        let from_b = distances(store, b, length, None, &walks, &passable);
        for (n, (x, y)) in from_a.iter().zip(&from_b).enumerate() {
            if let (Some(x), Some(y)) = (x, y) {
                if x + y == length {
                    nodes.insert(n as u32);
                }
            }
        }
        nodes
    }

    /// Distances from `start` by breadth-first search through nodes that `passable`
    /// allows (the start always is), at most `depth` steps, and no further than `stop`'s
    /// level once `stop` is reached; None where unreached.
    fn distances(
        store: &Store,
        start: u32,
        depth: u32,
        stop: Option<u32>,
        walks: &impl Fn(EdgeKind) -> bool,
        passable: &impl Fn(u32) -> bool,
    ) -> Vec<Option<u32>> {
        let mut dist = vec![None; store.node_count()];
        let Some(d0) = dist.get_mut(start as usize) else {
            return dist;
        };
        *d0 = Some(0);
        let mut queue = VecDeque::from([start]);
        while let Some(u) = queue.pop_front() {
            let du = dist[u as usize].unwrap_or(0);
            let limit = stop
                .and_then(|s| dist.get(s as usize).copied().flatten())
                .unwrap_or(depth);
            if du >= limit || (u != start && !passable(u)) {
                continue;
            }
            for (_, v, _) in edges_at(store, u, Direction::Both, walks) {
                if let Some(slot) = dist.get_mut(v as usize) {
                    if slot.is_none() && passable(v) {
                        *slot = Some(du + 1);
                        queue.push_back(v);
                    }
                }
            }
        }
        dist
    }

    /// `path` at 100,000 articles searched from one end, through most of the graph,
    /// and took a second: the search from both ends finds the same nodes.
    #[test]
    fn the_search_from_both_ends_finds_the_nodes_of_the_search_from_one() {
        use levelmap_testkit::map::{argument_map, SynthOptions};
        let s = store();
        let n = s.node_count() as u32;
        let avoids: [&[NodeKind]; 2] = [&[], &[NodeKind::Article, NodeKind::Claim]];
        for avoid in avoids {
            for a in 0..n {
                for b in 0..n {
                    assert_eq!(
                        shortest_path_nodes(&s, a, b, &default_edges(), avoid),
                        one_sided(&s, a, b, &default_edges(), avoid),
                        "{a} to {b}"
                    );
                }
            }
        }
        for (nodes, seed) in [(300, 1), (1_000, 2), (2_000, 3)] {
            let g = argument_map(&SynthOptions {
                nodes,
                seed,
                cycles: seed == 2,
            });
            let s = store_of(&g);
            let all: Vec<EdgeKind> = EdgeKind::ALL.to_vec();
            let mut rng = levelmap_testkit::rng::Rng::splitmix(seed);
            for _ in 0..300 {
                let (a, b) = (rng.below(nodes) as u32, rng.below(nodes) as u32);
                for (walked, avoid) in [
                    (&default_edges()[..], avoids[0]),
                    (&all[..], avoids[0]),
                    (&all[..], avoids[1]),
                ] {
                    assert_eq!(
                        shortest_path_nodes(&s, a, b, walked, avoid),
                        one_sided(&s, a, b, walked, avoid),
                        "{nodes} nodes, {a} to {b}"
                    );
                }
            }
        }
    }
}
