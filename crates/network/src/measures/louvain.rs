//! Louvain communities (Blondel et al. 2008) on a graph's positive ties: local moves
//! in node order, then the communities folded into nodes, until nothing moves.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::flat::{Flat, Ties, Weight};
use super::Adjacency;

/// Louvain communities of a graph with non-negative weights: local moves in node
/// order, each to the neighbouring community with the best gain, then the
/// communities folded into nodes, until nothing moves. Deterministic. Communities are
/// numbered by size (largest first), then by their first node.
pub fn louvain(g: &Adjacency) -> Vec<usize> {
    match Ties::of(g) {
        Ties::Narrow(f) => louvain_flat(&f),
        Ties::Wide(f) => louvain_flat(&f),
    }
}

/// [`louvain`] of ties already flat.
pub(crate) fn louvain_flat<W: Weight>(g: &Flat<'_, W>) -> Vec<usize> {
    let mut member: Vec<usize> = (0..g.len()).collect(); // node -> current super-node
    let mut next = level(g, &mut member);
    while let Some(folded) = next {
        next = level(&folded, &mut member);
    }
    number_by_size(&member)
}

/// One level: local moves on `g`, whose nodes `member` maps the original nodes to,
/// then `member` moved on to the communities found (numbered in order of first
/// appearance); the graph of those communities, or None when no node moved.
fn level<W: Weight>(g: &Flat<'_, W>, member: &mut [usize]) -> Option<Flat<'static, f64>> {
    let local = one_level(g);
    let moved = local.iter().enumerate().any(|(i, &c)| c != i);
    let mut ids = BTreeMap::new();
    for &c in &local {
        let next = ids.len();
        ids.entry(c).or_insert(next);
    }
    let local: Vec<usize> = local.iter().map(|c| ids[c]).collect();
    member.iter_mut().for_each(|m| *m = local[*m]);
    moved.then(|| fold(g, &local, ids.len()))
}

/// The graph of `g`'s communities (`local`: each node's, of `k`): the ties between
/// two communities summed, and the weight inside one kept as a self-loop (counted
/// twice in degrees). Each sum adds the ties in the order of their lower end, then
/// their upper end, from 0.0: the sums `Adjacency::new` makes of those ties given
/// in that order, with no list of them made.
fn fold<W: Weight>(g: &Flat<'_, W>, local: &[usize], k: usize) -> Flat<'static, f64> {
    fold_within(g, local, k, DENSE_FOLD)
}

/// Up to this many communities the sums between them are kept in a k × k table
/// (a few megabytes), beyond it in a hash map of the pairs met.
const DENSE_FOLD: usize = 1024;

/// [`fold`], the sums in a table when there are at most `dense` communities.
fn fold_within<W: Weight>(
    g: &Flat<'_, W>,
    local: &[usize],
    k: usize,
    dense: usize,
) -> Flat<'static, f64> {
    let mut inside = vec![0.0; k];
    let mut between: Vec<((usize, usize), f64)> = Vec::new();
    if k <= dense {
        // each pair's sum and whether a tie was met (a tie may weigh 0)
        let mut table = vec![(0.0f64, false); k * k];
        each_tie(g, local, &mut inside, |a, b, w| {
            let cell = &mut table[a * k + b];
            cell.0 += w;
            cell.1 = true;
        });
        for (at, &(w, met)) in table.iter().enumerate() {
            if met {
                between.push(((at / k, at % k), w));
            }
        }
    } else {
        let mut sums: FxHashMap<(usize, usize), f64> = FxHashMap::default();
        each_tie(g, local, &mut inside, |a, b, w| {
            *sums.entry((a, b)).or_insert(0.0) += w;
        });
        between.extend(sums);
    }
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); k];
    for &((a, b), w) in &between {
        adj[a].push((b, w));
        adj[b].push((a, w));
    }
    for (c, w) in inside.into_iter().enumerate() {
        if w > 0.0 {
            adj[c].push((c, w));
        }
    }
    for nb in &mut adj {
        nb.sort_unstable_by_key(|&(j, _)| j);
    }
    Flat::owned(Adjacency::from_lists(&adj))
}

/// [`fold`] of lists, for the tests.
#[cfg(test)]
pub(super) fn fold_of(g: &Adjacency, local: &[usize], k: usize, dense: usize) -> Adjacency {
    fold_within(&Flat::wide(g), local, k, dense).lists()
}

/// Every tie of `g` between two communities once (lower end first), as
/// `add(lower community, higher community, weight)` in tie order; the weight of
/// ties inside a community (both ways) added to `inside`.
fn each_tie<W: Weight>(
    g: &Flat<'_, W>,
    local: &[usize],
    inside: &mut [f64],
    mut add: impl FnMut(usize, usize, f64),
) {
    for i in 0..g.len() {
        let (to, w) = g.ties(i);
        for (&j, &w) in to.iter().zip(w) {
            let (j, w) = (j as usize, w.get());
            let (a, b) = (local[i], local[j]);
            if a == b {
                inside[a] += w;
            } else if i < j {
                add(a.min(b), a.max(b), w);
            }
        }
    }
}

/// One level of local moves; returns each node's community (a node index).
fn one_level<W: Weight>(g: &Flat<'_, W>) -> Vec<usize> {
    let n = g.len();
    let k = g.strengths();
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
    let mut lanes = vec![[0.0f64; 4]; n];
    let mut met: Vec<usize> = Vec::new();
    let mut seen = vec![false; n];
    while improved && rounds < 1000 {
        improved = false;
        rounds += 1;
        for i in 0..n {
            let old = com[i];
            gather(g, i, &com, &mut links, &mut lanes, &mut met, &mut seen);
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

/// Node i's tie weight to each community of its neighbours, summed into `links`
/// (through `lanes`, left zero); the communities met listed in `met`, ascending.
fn gather<W: Weight>(
    g: &Flat<'_, W>,
    i: usize,
    com: &[usize],
    links: &mut [f64],
    lanes: &mut [[f64; 4]],
    met: &mut Vec<usize>,
    seen: &mut [bool],
) {
    // Four partial sums per community, tie t adding to sum t mod 4, so that ties to
    // one community do not wait on each other; added up in a fixed order. For
    // whole-number weights (the raw networks' counts) every order gives the same
    // sums; for others the last bits are those of this order on any machine.
    let (to, w) = g.ties(i);
    for (t, (&j, &w)) in to.iter().zip(w).enumerate() {
        let j = j as usize;
        if j == i {
            continue;
        }
        let c = com[j];
        if !seen[c] {
            seen[c] = true;
            met.push(c);
        }
        lanes[c][t & 3] += w.get();
    }
    for &c in met.iter() {
        let l = std::mem::take(&mut lanes[c]);
        links[c] = (l[0] + l[1]) + (l[2] + l[3]);
    }
    if met.len() > links.len() / 16 {
        // many: read them off in ascending order rather than sort them
        met.clear();
        met.extend((0..links.len()).filter(|&c| seen[c]));
    } else {
        met.sort_unstable();
    }
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
