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
use crate::network::{Network, Profiles};

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
        let two_m: f64 = g.weights().iter().sum();
        if two_m == 0.0 {
            return (0.0, 0.0);
        }
        let mut inside = 0.0;
        let mut deg = [0.0f64; 2];
        for i in 0..g.len() {
            for (j, w) in g.neighbours(i) {
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
        .filter(|&i| pos.degree(i) > 0 || neg.degree(i) > 0)
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
    let best = if exhaustive {
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
    finish(best, side, &tied, activity, exhaustive)
}

/// The split from the sides found: no split when the best is below 0, group A
/// holding the most active tied actor.
fn finish(
    mut best: f64,
    mut side: Vec<u8>,
    tied: &[usize],
    activity: &[usize],
    exhaustive: bool,
) -> Split {
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

/// The change of one sign's part of Q·(2m⁺ + 2m⁻) when a node of degree `k`, with
/// weights `wa` to its own group a and `wb` to group b, moves from a to b (`d`: the
/// groups' degree sums, `two_m` > 0). One formula for both searches, so that they
/// agree to the bit.
fn move_change(wa: f64, wb: f64, k: f64, d: &[f64; 2], [a, b]: [usize; 2], two_m: f64) -> f64 {
    2.0 * (wb - wa) - 2.0 * k * (d[b] - d[a] + k) / two_m
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
            for (w, _) in neg.neighbours(v) {
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
        let k: Vec<f64> = (0..g.len()).map(|i| g.ties(i).1.iter().sum()).collect();
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
        for (j, w) in g.neighbours(i) {
            let same = side[j] as usize == a;
            wa += if same { w } else { 0.0 };
            wb += if same { 0.0 } else { w };
        }
        move_change(wa, wb, k[i], d, [a, b], two_m)
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

/// The best two-group split of a window's actors from their stance [`Profiles`]:
/// the same split and score, to the bit, as [`best_split`] on the raw congruence and
/// conflict networks, without listing their ties.
///
/// Both weights are bilinear in the profiles: with f and a an actor's statements for
/// and against a policy c, and F_g and A_g their sums over a group g,
/// Σ_{j∈g, j≠i} w⁺_ij = Σ_c f_i (F_g − f_i[i∈g]) + a_i (A_g − a_i[i∈g]) and
/// Σ_{j∈g, j≠i} w⁻_ij = Σ_c f_i (A_g − a_i[i∈g]) + a_i (F_g − f_i[i∈g]). So a
/// degree or a local move costs the actor's policies, not its ties, and every sum is
/// of whole numbers, exact in f64 in any order. Up to 18 tied actors the ties among
/// them are listed and every split tried by [`best_split`].
pub fn split_profiles(p: &Profiles) -> Split {
    let n = p.nodes.len();
    let activity: Vec<usize> = p.nodes.iter().map(|x| x.statements).collect();
    let mut whole = vec![[[0.0f64; 2]; 2]; p.by_policy.len()];
    for (c, users) in p.by_policy.iter().enumerate() {
        for (_, [f, a]) in users {
            whole[c][0][0] += f;
            whole[c][0][1] += a;
        }
    }
    // every actor in group 0: its ties to group 0 are its degrees
    let zero = vec![0u8; n];
    let degrees: Vec<[f64; 2]> = (0..n).map(|i| ties_to(p, &whole, &zero, i, 0)).collect();
    let tied: Vec<usize> = (0..n)
        .filter(|&i| degrees[i][0] > 0.0 || degrees[i][1] > 0.0)
        .collect();
    if tied.len() <= 18 {
        let (pos, neg) = listed_ties(p, &tied);
        return best_split(&pos, &neg, &activity);
    }
    let mut side = vec![0u8; n];
    colour_conflicts(p, &tied, &mut side);
    let best = factored_moves(p, &degrees, &tied, &mut side);
    finish(best, side, &tied, &activity, false)
}

/// Actor i's congruence and conflict weight to the members of group g (other than
/// itself), from the groups' stance sums `sums[c][g]`.
fn ties_to(p: &Profiles, sums: &[[[f64; 2]; 2]], side: &[u8], i: usize, g: usize) -> [f64; 2] {
    let own = side[i] as usize == g;
    let (mut pos, mut neg) = (0.0, 0.0);
    for &(c, [f, a]) in &p.by_actor[i] {
        let [mut fg, mut ag] = sums[c as usize][g];
        if own {
            fg -= f;
            ag -= a;
        }
        pos += f * fg + a * ag;
        neg += f * ag + a * fg;
    }
    [pos, neg]
}

/// The raw congruence and conflict ties among a few actors, listed.
fn listed_ties(p: &Profiles, tied: &[usize]) -> (Adjacency, Adjacency) {
    let (mut pos, mut neg) = (Vec::new(), Vec::new());
    for (k, &i) in tied.iter().enumerate() {
        for &j in &tied[k + 1..] {
            let (mut wp, mut wn) = (0.0, 0.0);
            let mut x = p.by_actor[i].iter().peekable();
            for &(c, [fj, aj]) in &p.by_actor[j] {
                while x.next_if(|&&(ci, _)| ci < c).is_some() {}
                if let Some(&(_, [fi, ai])) = x.next_if(|&&(ci, _)| ci == c) {
                    wp += fi * fj + ai * aj;
                    wn += fi * aj + ai * fj;
                }
            }
            if wp != 0.0 {
                pos.push((i, j, wp));
            }
            if wn != 0.0 {
                neg.push((i, j, wn));
            }
        }
    }
    let n = p.nodes.len();
    (Adjacency::new(n, pos), Adjacency::new(n, neg))
}

/// [`local_moves`]' start: two-colouring the conflict ties breadth first, in node
/// order, each node's unseen neighbours queued in ascending order. A policy's list of
/// actors with one stance is read once: after that every one of them is seen.
fn colour_conflicts(p: &Profiles, tied: &[usize], side: &mut [u8]) {
    let mut seen = vec![false; side.len()];
    let mut spent = vec![[false; 2]; p.by_policy.len()];
    let mut queue = VecDeque::new();
    let mut found: Vec<usize> = Vec::new();
    for &s in tied {
        if std::mem::replace(&mut seen[s], true) {
            continue;
        }
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            for &(c, fa) in &p.by_actor[v] {
                // for meets against (stance 1), against meets for (stance 0)
                for (mine, theirs) in [(fa[0], 1), (fa[1], 0)] {
                    if mine == 0.0 || std::mem::replace(&mut spent[c as usize][theirs], true) {
                        continue;
                    }
                    for &(w, x) in &p.by_policy[c as usize] {
                        if x[theirs] > 0.0 && !std::mem::replace(&mut seen[w as usize], true) {
                            found.push(w as usize);
                        }
                    }
                }
            }
            found.sort_unstable();
            for &w in &found {
                side[w] = 1 - side[v];
                queue.push_back(w);
            }
            found.clear();
        }
    }
}

/// [`local_moves`] from the profiles: each group's stance sums per policy kept up to
/// date, so a move's gain costs the actor's policies. Returns the final Q.
fn factored_moves(p: &Profiles, degrees: &[[f64; 2]], tied: &[usize], side: &mut [u8]) -> f64 {
    let mut sums = vec![[[0.0f64; 2]; 2]; p.by_policy.len()];
    for (i, cells) in p.by_actor.iter().enumerate() {
        for &(c, [f, a]) in cells {
            let s = &mut sums[c as usize][side[i] as usize];
            s[0] += f;
            s[1] += a;
        }
    }
    // each sign's 2m and its degree sums per group, as local_moves keeps them
    let mut d = [[0.0f64; 2]; 2];
    for (i, k) in degrees.iter().enumerate() {
        for sign in 0..2 {
            d[sign][side[i] as usize] += k[sign];
        }
    }
    let two_m = [d[0][0] + d[0][1], d[1][0] + d[1][1]];
    let total = two_m[0] + two_m[1];
    if total == 0.0 {
        return 0.0;
    }
    loop {
        let mut moved = false;
        for &i in tied {
            let (a, b) = (side[i] as usize, 1 - side[i] as usize);
            let (wa, wb) = (ties_to(p, &sums, side, i, a), ties_to(p, &sums, side, i, b));
            let delta = |sign: usize| {
                if two_m[sign] == 0.0 {
                    return 0.0;
                }
                move_change(
                    wa[sign],
                    wb[sign],
                    degrees[i][sign],
                    &d[sign],
                    [a, b],
                    two_m[sign],
                )
            };
            let gain = delta(0) - delta(1);
            if gain / total > 1e-12 {
                for sign in 0..2 {
                    d[sign][a] -= degrees[i][sign];
                    d[sign][b] += degrees[i][sign];
                }
                for &(c, [f, x]) in &p.by_actor[i] {
                    let s = &mut sums[c as usize];
                    s[a][0] -= f;
                    s[a][1] -= x;
                    s[b][0] += f;
                    s[b][1] += x;
                }
                side[i] = b as u8;
                moved = true;
            }
        }
        if !moved {
            return factored_modularity(p, degrees, side, &sums, two_m);
        }
    }
}

/// [`signed_modularity`] from the groups' stance sums: the weight inside the groups
/// is Σ_c Σ_g (F_g² + A_g²) − Σ_i Σ_c (f_i² + a_i²) for congruence and
/// Σ_c Σ_g 2·F_g·A_g − Σ_i Σ_c 2·f_i·a_i for conflict.
fn factored_modularity(
    p: &Profiles,
    degrees: &[[f64; 2]],
    side: &[u8],
    sums: &[[[f64; 2]; 2]],
    two_m: [f64; 2],
) -> f64 {
    let mut inside = [0.0f64; 2];
    for s in sums {
        for [f, a] in s {
            inside[0] += f * f + a * a;
            inside[1] += 2.0 * f * a;
        }
    }
    for cells in &p.by_actor {
        for &(_, [f, a]) in cells {
            inside[0] -= f * f + a * a;
            inside[1] -= 2.0 * f * a;
        }
    }
    let mut q = [0.0f64; 2];
    for sign in 0..2 {
        if two_m[sign] == 0.0 {
            continue;
        }
        let mut deg = [0.0f64; 2];
        for (i, k) in degrees.iter().enumerate() {
            deg[side[i] as usize] += k[sign];
        }
        q[sign] = inside[sign] - (deg[0] * deg[0] + deg[1] * deg[1]) / two_m[sign];
    }
    (q[0] - q[1]) / (two_m[0] + two_m[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{profiles, signed_ties};
    use crate::testgen::random_statements;

    #[test]
    fn the_split_from_profiles_is_the_split_from_listed_ties_to_the_bit() {
        // few tied actors (every split tried) and many (local moves), sparse and dense
        for (seed, count, actors, policies) in [
            (1, 12, 8, 4),
            (2, 40, 15, 6),
            (3, 300, 60, 20),
            (4, 900, 120, 15),
            (5, 2000, 400, 90),
            (6, 3000, 150, 8),
        ] {
            let list = random_statements(seed, count, actors, policies);
            for min in [1, 2] {
                let ties = signed_ties(&list, min).unwrap();
                let activity: Vec<usize> = ties.nodes.iter().map(|n| n.statements).collect();
                let listed = best_split(&ties.positive, &ties.negative, &activity);
                let prof = profiles(&list, min).unwrap();
                assert_eq!(prof.congruence_ties, ties.congruence_ties, "seed {seed}");
                assert_eq!(prof.conflict_ties, ties.conflict_ties, "seed {seed}");
                assert_eq!(prof.nodes, ties.nodes);
                let factored = split_profiles(&prof);
                assert_eq!(
                    factored.score.to_bits(),
                    listed.score.to_bits(),
                    "seed {seed} min {min}"
                );
                assert_eq!(factored.groups, listed.groups, "seed {seed} min {min}");
                assert_eq!(factored.exhaustive, listed.exhaustive);
            }
        }
    }

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
