//! Measures on any network (docs/networks.md): degree and weighted degree on every
//! tie; betweenness (Brandes, unweighted, normalised as networkx does) on every tie;
//! PageRank (damping 0.85, weighted) and Louvain communities (modularity,
//! resolution 1) on the positive ties. Written here and tested against networkx on
//! the same graphs (`oracle` tests), since no maintained crate had all of them
//! for weighted undirected graphs at a small compile cost.

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};

use crate::network::Network;

/// The measures of one node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeMeasures {
    /// Number of ties.
    pub degree: usize,
    /// Sum of tie weights (signed).
    pub weighted_degree: f64,
    /// Betweenness centrality, normalised by (n − 1)(n − 2) / 2 pairs.
    pub betweenness: f64,
    /// PageRank on the positive ties.
    pub pagerank: f64,
    /// Louvain community on the positive ties (0 is the largest).
    pub community: usize,
}

/// An undirected weighted graph as adjacency lists, neighbours sorted.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    /// For each node, (neighbour, weight), sorted by neighbour.
    pub adj: Vec<Vec<(usize, f64)>>,
}

impl Adjacency {
    /// From n nodes and (a, b, weight) edges; parallel edges add up (in the order
    /// given); self-loops are dropped.
    /// The edges are walked twice: once to size each list, once to fill it.
    pub fn new<I>(n: usize, edges: I) -> Self
    where
        I: IntoIterator<Item = (usize, usize, f64)>,
        I::IntoIter: Clone,
    {
        let edges = edges.into_iter();
        let mut degree = vec![0usize; n];
        for (a, b, _) in edges.clone() {
            if a != b {
                degree[a] += 1;
                degree[b] += 1;
            }
        }
        let mut adj: Vec<Vec<(usize, f64)>> = degree.into_iter().map(Vec::with_capacity).collect();
        for (a, b, w) in edges {
            if a != b {
                adj[a].push((b, w));
                adj[b].push((a, w));
            }
        }
        for nb in &mut adj {
            // stable, so parallel edges are summed in the order given, from 0.0
            nb.sort_by_key(|&(j, _)| j);
            for x in nb.iter_mut() {
                x.1 += 0.0;
            }
            nb.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 += later.1;
                }
                same
            });
        }
        Adjacency { adj }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.adj.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.adj.is_empty()
    }

    /// Only the ties with a positive weight.
    pub fn positive(&self) -> Adjacency {
        Adjacency {
            adj: self
                .adj
                .iter()
                .map(|v| v.iter().copied().filter(|&(_, w)| w > 0.0).collect())
                .collect(),
        }
    }
}

/// Exact betweenness visits every tie from every node: up to this many steps
/// (nodes × (tie ends + nodes), about half a second) it is computed exactly, beyond
/// it estimated from evenly spaced sources ([`betweenness_sampled`]). Every network
/// of the 1,000-article bench corpus stays exact (the largest, congruence, takes
/// 1.45 × 10⁸ steps); at 10,000 articles the affiliation network (8,505 nodes) and
/// the dense actor networks (6,000 actors, millions of ties) are estimated
/// (docs/networks.md, Speed).
pub const EXACT_BETWEENNESS_STEPS: u64 = 150_000_000;

/// How betweenness was estimated when it was not computed exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// The sources walked (evenly spaced in node order).
    pub sources: usize,
    /// The nodes (every one a source when exact).
    pub nodes: usize,
}

/// Every measure of every node of a network, in node order.
pub fn measures(net: &Network) -> Vec<NodeMeasures> {
    measures_sampled(net).0
}

/// Every measure of every node, and how betweenness was sampled (None: exactly).
pub fn measures_sampled(net: &Network) -> (Vec<NodeMeasures>, Option<Sample>) {
    let all = Adjacency::new(
        net.nodes.len(),
        net.edges.iter().map(|e| (e.source, e.target, e.weight)),
    );
    measures_of(&all)
}

/// Every measure of every node of a network given as its adjacency lists (every
/// tie, any sign), and how betweenness was sampled (None: exactly).
pub fn measures_of(all: &Adjacency) -> (Vec<NodeMeasures>, Option<Sample>) {
    // the positive ties are all of them unless some weight is not positive
    let pos = if all.adj.iter().flatten().all(|&(_, w)| w > 0.0) {
        Cow::Borrowed(all)
    } else {
        Cow::Owned(all.positive())
    };
    // three independent computations, each the same bits on any thread
    let ((bc, sample), (pr, com)) = rayon::join(
        || betweenness_within(all, EXACT_BETWEENNESS_STEPS),
        || rayon::join(|| pagerank(&pos, 0.85), || louvain(&pos)),
    );
    let m = (0..all.len())
        .map(|i| NodeMeasures {
            degree: all.adj[i].len(),
            weighted_degree: all.adj[i].iter().map(|&(_, w)| w).sum::<f64>() + 0.0,
            betweenness: bc[i],
            pagerank: pr[i],
            community: com[i],
        })
        .collect();
    (m, sample)
}

/// Betweenness, exact when it takes at most `steps` node × tie-end steps, else
/// estimated from as many evenly spaced sources as fit ([`betweenness_sampled`]).
pub fn betweenness_within(g: &Adjacency, steps: u64) -> (Vec<f64>, Option<Sample>) {
    let n = g.len() as u64;
    let per_source = g.adj.iter().map(|v| v.len() as u64).sum::<u64>() + n;
    if n * per_source <= steps {
        return (betweenness(g), None);
    }
    let k = (steps / per_source.max(1)).clamp(1, n) as usize;
    (
        betweenness_sampled(g, k),
        Some(Sample {
            sources: k,
            nodes: g.len(),
        }),
    )
}

/// Betweenness estimated from `k` sources, source j being node ⌊j·n/k⌋ (evenly
/// spaced, so the same graph always gives the same values), scaled by n/k: networkx's
/// `betweenness_centrality(G, k)` with these sources instead of random ones.
/// With k = n it is [`betweenness`].
pub fn betweenness_sampled(g: &Adjacency, k: usize) -> Vec<f64> {
    let n = g.len();
    let k = k.clamp(1, n.max(1));
    let sources: Vec<usize> = (0..k).map(|j| j * n / k).collect();
    let mut bc = brandes(g, &sources);
    if n > 2 {
        let scale = n as f64 / k as f64 / ((n - 1) * (n - 2)) as f64;
        bc.iter_mut().for_each(|x| *x *= scale);
    }
    bc
}

/// Betweenness centrality of an unweighted undirected graph (Brandes 2001),
/// normalised like networkx's `betweenness_centrality(G)`: divided by
/// (n − 1)(n − 2), with each pair counted from both ends.
pub fn betweenness(g: &Adjacency) -> Vec<f64> {
    let n = g.len();
    let sources: Vec<usize> = (0..n).collect();
    let mut bc = brandes(g, &sources);
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        bc.iter_mut().for_each(|x| *x *= scale);
    }
    bc
}

/// Brandes' accumulation from the given sources, in their order, unscaled. The walks
/// from a batch of sources run on every core, each into its own buffers; their
/// dependencies are then added in source order, as one walk after another added them,
/// so the sums are the same bits on any number of threads
/// (`betweenness_is_the_same_bits_walked_in_batches`).
fn brandes(g: &Adjacency, sources: &[usize]) -> Vec<f64> {
    use rayon::prelude::*;
    /// Sources walked at once: each holds a dependency vector until it is added.
    const BATCH: usize = 32;
    let n = g.len();
    let mut bc = vec![0.0; n];
    // The neighbours in one flat array (without the weights, which the walks ignore).
    let mut start = Vec::with_capacity(n + 1);
    start.push(0usize);
    let mut flat: Vec<u32> = Vec::with_capacity(g.adj.iter().map(Vec::len).sum());
    for nb in &g.adj {
        flat.extend(nb.iter().map(|&(w, _)| w as u32));
        start.push(flat.len());
    }
    let csr = Csr {
        start: &start,
        flat: &flat,
    };
    let mut deltas: Vec<Vec<f64>> = Vec::new();
    for batch in sources.chunks(BATCH) {
        batch
            .par_iter()
            .map_init(|| Walk::new(n), |walk, &s| walk.dependencies(&csr, s))
            .collect_into_vec(&mut deltas);
        for (&s, delta) in batch.iter().zip(&deltas) {
            for (w, (b, d)) in bc.iter_mut().zip(delta).enumerate() {
                // a node no path from s passes through adds 0.0: no change
                if w != s {
                    *b += d;
                }
            }
        }
    }
    bc
}

/// A graph's neighbour lists, flat.
struct Csr<'a> {
    start: &'a [usize],
    flat: &'a [u32],
}

impl Csr<'_> {
    fn near(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        self.flat[self.start[v]..self.start[v + 1]]
            .iter()
            .map(|&w| w as usize)
    }
}

/// The buffers of one breadth-first walk, reused from source to source (allocating
/// them per source cost more than the walks on large networks).
struct Walk {
    stack: Vec<usize>,
    sigma: Vec<f64>,
    dist: Vec<i32>,
    delta: Vec<f64>,
    queue: VecDeque<usize>,
}

impl Walk {
    fn new(n: usize) -> Self {
        Walk {
            stack: Vec::with_capacity(n),
            sigma: vec![0.0; n],
            dist: vec![-1; n],
            delta: vec![0.0; n],
            queue: VecDeque::with_capacity(n),
        }
    }

    /// Each node's dependency on the walk from `s` (Brandes' delta; 0 for `s` and for
    /// nodes it does not reach). A node's predecessors on shortest paths are its
    /// neighbours one step nearer the source, found again in the backward pass; each
    /// node's delta receives one addition per successor, in stack order.
    fn dependencies(&mut self, g: &Csr<'_>, s: usize) -> Vec<f64> {
        let Walk {
            stack,
            sigma,
            dist,
            delta,
            queue,
        } = self;
        for &v in stack.iter() {
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
        }
        stack.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for w in g.near(v) {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in stack.iter().rev() {
            for v in g.near(w) {
                if dist[v] >= 0 && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
        }
        let mut out = delta.clone();
        out[s] = 0.0;
        out
    }
}

/// Weighted PageRank with damping `alpha`, as networkx's `pagerank(G, alpha)` on an
/// undirected graph: each tie is followed both ways in proportion to its weight; a
/// node with no ties hands its rank to every node equally. Iterated to 1e-12.
pub fn pagerank(g: &Adjacency, alpha: f64) -> Vec<f64> {
    let n = g.len();
    if n == 0 {
        return vec![];
    }
    let out: Vec<f64> = g
        .adj
        .iter()
        .map(|v| v.iter().map(|&(_, w)| w).sum())
        .collect();
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..10_000 {
        let dangling: f64 = (0..n).filter(|&i| out[i] <= 0.0).map(|i| x[i]).sum();
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        let mut next = vec![base; n];
        for (i, nb) in g.adj.iter().enumerate() {
            if out[i] > 0.0 {
                for &(j, w) in nb {
                    next[j] += alpha * x[i] * w / out[i];
                }
            }
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < 1e-12 {
            break;
        }
    }
    x
}

/// Newman's modularity of a partition (resolution 1) of a graph with non-negative
/// weights: Q = Σ_c [ L_c / m − (d_c / 2m)² ].
pub fn modularity(g: &Adjacency, community: &[usize]) -> f64 {
    let two_m: f64 = g.adj.iter().flatten().map(|&(_, w)| w).sum();
    if two_m == 0.0 {
        return 0.0;
    }
    let k = community.iter().copied().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; k];
    let mut degree = vec![0.0; k];
    for (i, nb) in g.adj.iter().enumerate() {
        for &(j, w) in nb {
            degree[community[i]] += w;
            if community[i] == community[j] {
                inside[community[i]] += w;
            }
        }
    }
    (0..k)
        .map(|c| inside[c] / two_m - (degree[c] / two_m).powi(2))
        .sum()
}

/// Louvain communities (Blondel et al. 2008) of a graph with non-negative weights:
/// local moves in node order, each to the neighbouring community with the best gain,
/// then the communities folded into nodes, until nothing moves. Deterministic.
/// Communities are numbered by size (largest first), then by their first node.
pub fn louvain(g: &Adjacency) -> Vec<usize> {
    let n = g.len();
    let mut member: Vec<usize> = (0..n).collect(); // node -> current super-node
                                                   // the first level is `g` itself; each later one the communities folded
    let mut level = Cow::Borrowed(g);
    loop {
        let local = one_level(&level);
        let moved = local.iter().enumerate().any(|(i, &c)| c != i);
        // renumber the local communities 0.. in order of first appearance
        let mut ids = BTreeMap::new();
        for &c in &local {
            let next = ids.len();
            ids.entry(c).or_insert(next);
        }
        let local: Vec<usize> = local.iter().map(|c| ids[c]).collect();
        member.iter_mut().for_each(|m| *m = local[*m]);
        if !moved {
            break;
        }
        let edges = level.adj.iter().enumerate().flat_map(|(i, nb)| {
            let local = &local;
            nb.iter()
                .filter(move |&&(j, _)| i < j)
                .map(move |&(j, w)| (local[i], local[j], w))
        });
        let mut folded = Adjacency::new(ids.len(), edges);
        // weight inside a community stays as a self-loop (counted twice in degrees)
        let mut selfw = vec![0.0; ids.len()];
        for (i, nb) in level.adj.iter().enumerate() {
            for &(j, w) in nb {
                if local[i] == local[j] {
                    selfw[local[i]] += w;
                }
            }
        }
        for (c, w) in selfw.into_iter().enumerate() {
            if w > 0.0 {
                folded.adj[c].push((c, w));
                folded.adj[c].sort_by_key(|&(j, _)| j);
            }
        }
        level = Cow::Owned(folded);
    }
    number_by_size(&member)
}

/// One level of local moves; returns each node's community (a node index).
fn one_level(g: &Adjacency) -> Vec<usize> {
    let n = g.len();
    let k: Vec<f64> = g
        .adj
        .iter()
        .map(|nb| nb.iter().map(|&(_, w)| w).sum())
        .collect();
    let two_m: f64 = k.iter().sum();
    let mut com: Vec<usize> = (0..n).collect();
    if two_m == 0.0 {
        return com;
    }
    let mut tot = k.clone();
    let mut improved = true;
    let mut rounds = 0;
    // the weight to each neighbouring community, in a dense row reset through the
    // list of communities met (visited in ascending order, as a sorted map would)
    let mut links = vec![0.0f64; n];
    let mut met: Vec<usize> = Vec::new();
    let mut seen = vec![false; n];
    while improved && rounds < 1000 {
        improved = false;
        rounds += 1;
        for i in 0..n {
            let old = com[i];
            for &(j, w) in &g.adj[i] {
                if j != i {
                    let c = com[j];
                    if !seen[c] {
                        seen[c] = true;
                        met.push(c);
                    }
                    links[c] += w;
                }
            }
            met.sort_unstable();
            tot[old] -= k[i];
            let gain = |c: usize, l: f64| l - tot[c] * k[i] / two_m;
            let mut best = old;
            let mut best_gain = gain(old, links[old]);
            for &c in &met {
                let gc = gain(c, links[c]);
                if gc > best_gain + 1e-12 {
                    best = c;
                    best_gain = gc;
                }
            }
            for &c in &met {
                links[c] = 0.0;
                seen[c] = false;
            }
            met.clear();
            tot[best] += k[i];
            if best != old {
                com[i] = best;
                improved = true;
            }
        }
    }
    com
}

fn number_by_size(member: &[usize]) -> Vec<usize> {
    let mut groups: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // label -> (size, first)
    for (i, &c) in member.iter().enumerate() {
        let e = groups.entry(c).or_insert((0, i));
        e.0 += 1;
    }
    let mut order: Vec<(usize, usize, usize)> = groups
        .iter()
        .map(|(&c, &(size, first))| (size, first, c))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let rank: BTreeMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(r, &(_, _, c))| (c, r))
        .collect();
    member.iter().map(|c| rank[c]).collect()
}

#[cfg(test)]
mod tests;
