//! Measures on any network (docs/networks.md): degree and weighted degree on every
//! tie; betweenness (Brandes, unweighted, normalised as networkx does) on every tie;
//! PageRank (damping 0.85, weighted) and Louvain communities (modularity,
//! resolution 1) on the positive ties. Written here and tested against networkx on
//! the same graphs (`oracle` tests), since no maintained crate had all of them
//! for weighted undirected graphs at a small compile cost.

use std::borrow::Cow;
use std::collections::VecDeque;

use rayon::prelude::*;

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

/// An undirected weighted graph as adjacency lists, neighbours sorted, held flat
/// (compressed sparse rows): node i's neighbours are `to[start[i]..start[i + 1]]`
/// with their weights beside them in `w`. One allocation per array, not one per
/// node: a dense network's 14 million tie ends are 170 MB in three arrays, where
/// a list per node took 227 MB in 5,000 allocations, and the measures read the
/// arrays in place (`measures/flat.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Adjacency {
    start: Vec<usize>,
    to: Vec<u32>,
    w: Vec<f64>,
}

impl Default for Adjacency {
    fn default() -> Self {
        Adjacency {
            start: vec![0],
            to: Vec::new(),
            w: Vec::new(),
        }
    }
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
        let mut at = vec![0usize; n + 1];
        for (a, b, _) in edges.clone() {
            if a != b {
                at[a + 1] += 1;
                at[b + 1] += 1;
            }
        }
        for i in 0..n {
            at[i + 1] += at[i];
        }
        let mut ends = vec![(0u32, 0.0f64); at[n]];
        let mut cursor = at.clone();
        for (a, b, w) in edges {
            if a != b {
                ends[cursor[a]] = (b as u32, w);
                cursor[a] += 1;
                ends[cursor[b]] = (a as u32, w);
                cursor[b] += 1;
            }
        }
        let mut g = Adjacency {
            start: Vec::with_capacity(n + 1),
            to: Vec::with_capacity(ends.len()),
            w: Vec::with_capacity(ends.len()),
        };
        g.start.push(0);
        for i in 0..n {
            let nb = &mut ends[at[i]..at[i + 1]];
            // stable, so parallel edges are summed in the order given, from 0.0
            nb.sort_by_key(|&(j, _)| j);
            for &(j, x) in nb.iter() {
                if g.to.len() > g.start[i] && g.to.last() == Some(&j) {
                    *g.w.last_mut().expect("a tie was pushed") += x;
                } else {
                    g.to.push(j);
                    g.w.push(x + 0.0);
                }
            }
            g.start.push(g.to.len());
        }
        g
    }

    /// From each node's (neighbour, weight) list, each sorted by neighbour, taken as
    /// they are (self-loops and all).
    pub(crate) fn from_lists(lists: &[Vec<(usize, f64)>]) -> Self {
        let total = lists.iter().map(Vec::len).sum();
        let mut g = Adjacency {
            start: Vec::with_capacity(lists.len() + 1),
            to: Vec::with_capacity(total),
            w: Vec::with_capacity(total),
        };
        g.start.push(0);
        for nb in lists {
            for &(j, x) in nb {
                g.to.push(j as u32);
                g.w.push(x);
            }
            g.start.push(g.to.len());
        }
        g
    }

    /// From its three arrays (see the type's docs), which the caller made consistent.
    pub(crate) fn from_parts(start: Vec<usize>, to: Vec<u32>, w: Vec<f64>) -> Self {
        debug_assert_eq!(start.last().copied(), Some(to.len()));
        debug_assert_eq!(to.len(), w.len());
        Adjacency { start, to, w }
    }

    /// Each node's (neighbour, weight) list.
    #[cfg(test)]
    pub(crate) fn lists(&self) -> Vec<Vec<(usize, f64)>> {
        (0..self.len())
            .map(|i| self.neighbours(i).collect())
            .collect()
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Node i's neighbours (ascending) and the weights of its ties to them.
    #[inline]
    pub(crate) fn ties(&self, i: usize) -> (&[u32], &[f64]) {
        let r = self.start[i]..self.start[i + 1];
        (&self.to[r.clone()], &self.w[r])
    }

    /// Node i's (neighbour, weight) pairs, neighbours ascending.
    pub(crate) fn neighbours(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (to, w) = self.ties(i);
        to.iter().map(|&j| j as usize).zip(w.iter().copied())
    }

    /// Node i's number of ties.
    pub(crate) fn degree(&self, i: usize) -> usize {
        self.start[i + 1] - self.start[i]
    }

    /// Every tie end's weight, node by node, each node's in neighbour order.
    pub(crate) fn weights(&self) -> &[f64] {
        &self.w
    }

    /// Only the ties with a positive weight.
    pub fn positive(&self) -> Adjacency {
        let mut g = Adjacency {
            start: Vec::with_capacity(self.start.len()),
            to: Vec::new(),
            w: Vec::new(),
        };
        g.start.push(0);
        for i in 0..self.len() {
            for (j, x) in self.neighbours(i).filter(|&(_, x)| x > 0.0) {
                g.to.push(j as u32);
                g.w.push(x);
            }
            g.start.push(g.to.len());
        }
        g
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
    let pos = if all.w.iter().all(|&w| w > 0.0) {
        Cow::Borrowed(all)
    } else {
        Cow::Owned(all.positive())
    };
    // three independent computations, each the same bits on any thread
    let ((bc, sample), (pr, com)) = rayon::join(
        || betweenness_within(all, EXACT_BETWEENNESS_STEPS),
        || ranks_and_communities(&pos),
    );
    let m = (0..all.len())
        .map(|i| NodeMeasures {
            degree: all.degree(i),
            weighted_degree: all.ties(i).1.iter().sum::<f64>() + 0.0,
            betweenness: bc[i],
            pagerank: pr[i],
            community: com[i],
        })
        .collect();
    (m, sample)
}

/// PageRank and Louvain communities of the positive ties, side by side, both
/// reading them in place (their weights narrowed once when exact in 32 bits).
fn ranks_and_communities(pos: &Adjacency) -> (Vec<f64>, Vec<usize>) {
    fn both<W: Weight>(g: &Flat<W>) -> (Vec<f64>, Vec<usize>) {
        rayon::join(|| pagerank_flat(g, 0.85), || louvain::louvain_flat(g))
    }
    match Ties::of(pos) {
        Ties::Narrow(f) => both(&f),
        Ties::Wide(f) => both(&f),
    }
}

/// Betweenness, exact when it takes at most `steps` node × tie-end steps, else
/// estimated from as many evenly spaced sources as fit ([`betweenness_sampled`]).
pub fn betweenness_within(g: &Adjacency, steps: u64) -> (Vec<f64>, Option<Sample>) {
    let n = g.len() as u64;
    let per_source = g.to.len() as u64 + n;
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
    /// Sources walked at once: each holds a dependency vector until it is added.
    const BATCH: usize = 32;
    let n = g.len();
    let mut bc = vec![0.0; n];
    // the neighbour arrays, without the weights, which the walks ignore
    let csr = Csr {
        start: &g.start,
        flat: &g.to,
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
    match Ties::of(g) {
        Ties::Narrow(f) => pagerank_flat(&f, alpha),
        Ties::Wide(f) => pagerank_flat(&f, alpha),
    }
}

/// [`pagerank`] of ties already flat.
fn pagerank_flat<W: Weight>(g: &Flat<W>, alpha: f64) -> Vec<f64> {
    let n = g.len();
    if n == 0 {
        return vec![];
    }
    let out = g.strengths();
    let mut x = vec![1.0 / n as f64; n];
    // what each node hands each unit of tie weight: alpha x_j / out_j
    let mut share = vec![0.0; n];
    let mut next = vec![0.0; n];
    for _ in 0..10_000 {
        let dangling: f64 = (0..n).filter(|&i| out[i] <= 0.0).map(|i| x[i]).sum();
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        for ((s, &xj), &o) in share.iter_mut().zip(&x).zip(&out) {
            *s = if o > 0.0 { alpha * xj / o } else { 0.0 };
        }
        // Pulled: each node sums what its neighbours hand it (a tie runs both ways
        // with the same weight), each sum in a fixed order: the same bits on any
        // number of threads.
        next.par_iter_mut()
            .enumerate()
            .with_min_len(64)
            .for_each(|(i, v)| {
                let (to, w) = g.ties(i);
                *v = base + weighted_sum(to, w, &share);
            });
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < 1e-12 {
            break;
        }
    }
    x
}

/// Σ w·y[j] over the ties (j, w), in four interleaved partial sums (tie k goes to
/// sum k mod 4; the remainder after the last four, in order, to their total).
fn weighted_sum<W: Weight>(to: &[u32], w: &[W], y: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (mut tos, mut ws) = (to.chunks_exact(4), w.chunks_exact(4));
    for (t, w) in (&mut tos).zip(&mut ws) {
        for k in 0..4 {
            acc[k] += w[k].get() * y[t[k] as usize];
        }
    }
    let mut sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (&j, &w) in tos.remainder().iter().zip(ws.remainder()) {
        sum += w.get() * y[j as usize];
    }
    sum
}

/// Newman's modularity of a partition (resolution 1) of a graph with non-negative
/// weights: Q = Σ_c [ L_c / m − (d_c / 2m)² ].
pub fn modularity(g: &Adjacency, community: &[usize]) -> f64 {
    let two_m: f64 = g.w.iter().sum();
    if two_m == 0.0 {
        return 0.0;
    }
    let k = community.iter().copied().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; k];
    let mut degree = vec![0.0; k];
    for i in 0..g.len() {
        for (j, w) in g.neighbours(i) {
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

mod flat;
mod louvain;

use flat::{Flat, Ties, Weight};

pub use louvain::louvain;

#[cfg(test)]
mod tests;
