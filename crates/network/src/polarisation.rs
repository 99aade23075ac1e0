//! Polarisation: how far the actors split into two camps that agree inside and
//! disagree across. For a window's congruence (w⁺) and conflict (w⁻) networks, the
//! score of a two-group split is its signed modularity (Gómez, Jensen & Arenas 2009):
//!
//! Q = 1/(2m⁺ + 2m⁻) · Σ_ij [ (w⁺_ij − k⁺_i k⁺_j / 2m⁺) − (w⁻_ij − k⁻_i k⁻_j / 2m⁻) ] δ(g_i, g_j)
//!
//! with k the weighted degrees and 2m the total degree of each sign (a sign without
//! ties drops out). One group for all gives Q = 0; the polarisation of a window is
//! the best Q over two-group splits (exhaustive up to 18 tied actors, else local
//! moves from a two-colouring of the conflict ties). docs/networks.md.

use std::collections::VecDeque;

use crate::measures::Adjacency;
use crate::network::Network;

/// The best split of one window.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The best signed modularity (0 when nothing is tied).
    pub score: f64,
    /// The two groups, as node indices of the congruence network; group A holds the
    /// actor with the most statements among the tied ones.
    pub groups: [Vec<usize>; 2],
    /// Whether every split was tried.
    pub exhaustive: bool,
}

/// The signed network of a window: congruence and conflict, on the same nodes.
pub fn signed(congruence: &Network, conflict: &Network) -> (Adjacency, Adjacency) {
    debug_assert_eq!(congruence.nodes.len(), conflict.nodes.len());
    let n = congruence.nodes.len();
    let pos = Adjacency::new(
        n,
        congruence
            .edges
            .iter()
            .map(|e| (e.source, e.target, e.weight)),
    );
    let neg = Adjacency::new(
        n,
        conflict
            .edges
            .iter()
            .map(|e| (e.source, e.target, e.weight)),
    );
    (pos, neg)
}

/// Signed modularity of a two-group split (`side[i]` is 0 or 1).
pub fn signed_modularity(pos: &Adjacency, neg: &Adjacency, side: &[u8]) -> f64 {
    let part = |g: &Adjacency| -> (f64, f64) {
        let two_m: f64 = g.adj.iter().flatten().map(|&(_, w)| w).sum();
        if two_m == 0.0 {
            return (0.0, 0.0);
        }
        let mut inside = 0.0;
        let mut deg = [0.0f64; 2];
        for (i, nb) in g.adj.iter().enumerate() {
            for &(j, w) in nb {
                deg[side[i] as usize] += w;
                if side[i] == side[j] {
                    inside += w;
                }
            }
        }
        (inside - (deg[0] * deg[0] + deg[1] * deg[1]) / two_m, two_m)
    };
    let (qp, mp) = part(pos);
    let (qn, mn) = part(neg);
    if mp + mn == 0.0 {
        0.0
    } else {
        (qp - qn) / (mp + mn)
    }
}

/// The best two-group split of the actors `activity` weighs (statements per node).
pub fn best_split(pos: &Adjacency, neg: &Adjacency, activity: &[usize]) -> Split {
    let n = pos.len();
    let tied: Vec<usize> = (0..n)
        .filter(|&i| !pos.adj[i].is_empty() || !neg.adj[i].is_empty())
        .collect();
    if tied.is_empty() {
        return Split {
            score: 0.0,
            groups: [vec![], vec![]],
            exhaustive: true,
        };
    }
    let mut side = vec![0u8; n];
    let exhaustive = tied.len() <= 18;
    let mut best = if exhaustive {
        let mut best = (f64::NEG_INFINITY, 0u64);
        // the first tied actor stays in group 0: each split is tried once
        for mask in 0u64..(1 << (tied.len() - 1)) {
            for (b, &i) in tied.iter().enumerate().skip(1) {
                side[i] = ((mask >> (b - 1)) & 1) as u8;
            }
            let q = signed_modularity(pos, neg, &side);
            if q > best.0 + 1e-12 {
                best = (q, mask);
            }
        }
        for (b, &i) in tied.iter().enumerate().skip(1) {
            side[i] = ((best.1 >> (b - 1)) & 1) as u8;
        }
        best.0
    } else {
        local_moves(pos, neg, &tied, &mut side)
    };
    if best < 0.0 {
        side.iter_mut().for_each(|s| *s = 0);
        best = 0.0;
    }
    let lead = *tied
        .iter()
        .max_by(|&&a, &&b| activity[a].cmp(&activity[b]).then(b.cmp(&a)))
        .expect("non-empty");
    let groups = [0u8, 1].map(|g| {
        tied.iter()
            .copied()
            .filter(|&i| (side[i] == side[lead]) == (g == 0))
            .collect::<Vec<_>>()
    });
    Split {
        score: best,
        groups,
        exhaustive,
    }
}

/// A start from two-colouring the conflict ties (breadth first, in node order), then
/// single moves while one raises Q.
fn local_moves(pos: &Adjacency, neg: &Adjacency, tied: &[usize], side: &mut [u8]) -> f64 {
    // a flag per node (not a set): the same order of visits
    let mut seen = vec![false; side.len()];
    let mut queue = VecDeque::new();
    for &s in tied {
        if std::mem::replace(&mut seen[s], true) {
            continue;
        }
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            for &(w, _) in &neg.adj[v] {
                if !std::mem::replace(&mut seen[w], true) {
                    side[w] = 1 - side[v];
                    queue.push_back(w);
                }
            }
        }
    }
    // Each sign's total degree 2m and the degree sums of the two groups, kept up to
    // date, so that a move's gain costs the node's ties, not the whole network.
    let sums = |g: &Adjacency, side: &[u8]| {
        let mut d = [0.0f64; 2];
        let k: Vec<f64> = g
            .adj
            .iter()
            .map(|nb| nb.iter().map(|&(_, w)| w).sum())
            .collect();
        for (i, &ki) in k.iter().enumerate() {
            d[side[i] as usize] += ki;
        }
        (k, d, d[0] + d[1])
    };
    let (kp, mut dp, mp) = sums(pos, side);
    let (kn, mut dn, mn) = sums(neg, side);
    let total = mp + mn;
    if total == 0.0 {
        return 0.0;
    }
    // the change of one sign's part of Q·(2m⁺ + 2m⁻) when i moves from a to b
    let delta = |g: &Adjacency, k: &[f64], d: &[f64; 2], two_m: f64, side: &[u8], i: usize| {
        if two_m == 0.0 {
            return 0.0;
        }
        let (a, b) = (side[i] as usize, 1 - side[i] as usize);
        // Adding 0.0 leaves a sum of positive weights the same bits: the sums are
        // those of a branch per neighbour, without its mispredictions.
        let (mut wa, mut wb) = (0.0, 0.0);
        for &(j, w) in &g.adj[i] {
            let same = side[j] as usize == a;
            wa += if same { w } else { 0.0 };
            wb += if same { 0.0 } else { w };
        }
        2.0 * (wb - wa) - 2.0 * k[i] * (d[b] - d[a] + k[i]) / two_m
    };
    loop {
        let mut moved = false;
        for &i in tied {
            let gain = delta(pos, &kp, &dp, mp, side, i) - delta(neg, &kn, &dn, mn, side, i);
            if gain / total > 1e-12 {
                let (a, b) = (side[i] as usize, 1 - side[i] as usize);
                dp[a] -= kp[i];
                dp[b] += kp[i];
                dn[a] -= kn[i];
                dn[b] += kn[i];
                side[i] = b as u8;
                moved = true;
            }
        }
        if !moved {
            return signed_modularity(pos, neg, side);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_camps_in_conflict_score_high_and_are_found() {
        // 0,1 agree; 2,3 agree; every cross pair conflicts.
        let pos = Adjacency::new(4, [(0, 1, 1.0), (2, 3, 1.0)]);
        let neg = Adjacency::new(4, [(0, 2, 1.0), (0, 3, 1.0), (1, 2, 1.0), (1, 3, 1.0)]);
        let s = best_split(&pos, &neg, &[3, 1, 1, 1]);
        assert_eq!(s.groups, [vec![0, 1], vec![2, 3]]);
        // pos: 2m⁺ = 4, inside 4, degrees 2 and 2 → 4 − 8/4 = 2;
        // neg: 2m⁻ = 8, inside 0, degrees 4 and 4 → 0 − 32/8 = −4; Q = (2 + 4) / 12.
        assert!((s.score - 0.5).abs() < 1e-12, "{}", s.score);
        assert!(s.exhaustive);
    }

    #[test]
    fn consensus_is_not_polarised() {
        let pos = Adjacency::new(3, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]);
        let neg = Adjacency::new(3, []);
        let s = best_split(&pos, &neg, &[1, 1, 1]);
        assert_eq!(s.score, 0.0);
        assert_eq!(s.groups[1], Vec::<usize>::new());
    }

    #[test]
    fn local_moves_agree_with_the_exhaustive_search_on_a_small_case() {
        let pos = Adjacency::new(
            6,
            [
                (0, 1, 2.0),
                (1, 2, 1.0),
                (3, 4, 1.0),
                (4, 5, 2.0),
                (2, 3, 1.0),
            ],
        );
        let neg = Adjacency::new(6, [(0, 5, 1.0), (1, 4, 2.0), (2, 5, 1.0)]);
        let s = best_split(&pos, &neg, &[1; 6]);
        let tied: Vec<usize> = (0..6).collect();
        let mut side = vec![0u8; 6];
        let q = local_moves(&pos, &neg, &tied, &mut side);
        assert!((q - s.score).abs() < 1e-12);
    }
}
