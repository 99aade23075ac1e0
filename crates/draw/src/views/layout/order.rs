//! Lane ordering: lanes are reordered to shorten the links between them, by
//! barycentre sweeps and adjacent swaps on a weighted crossing measure.

use std::collections::BTreeMap;

use levelmap_model::EdgeKind;

use crate::views::model::{Lane, Timeline, OTHER_LANE};

/// Lane crossings before and after ordering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrderStats {
    /// In the input order (ideas by number of claims).
    pub before: f64,
    /// After the barycentre sweeps and adjacent swaps.
    pub after: f64,
}

/// Weighted links between lanes: a claim shown in several lanes, claims linked across
/// lanes, and lineage between ideas.
pub(super) fn lane_links(tl: &Timeline) -> BTreeMap<(usize, usize), f64> {
    let mut lanes_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in tl.lanes.iter().enumerate() {
        for c in &l.claims {
            lanes_of.entry(c.id.as_str()).or_default().push(i);
        }
    }
    let mut w: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut add = |a: usize, b: usize, x: f64| {
        if a != b {
            *w.entry((a.min(b), a.max(b))).or_insert(0.0) += x;
        }
    };
    for ls in lanes_of.values() {
        if ls.len() > 1 {
            let x = 1.0 / (ls.len() - 1) as f64;
            for (k, &a) in ls.iter().enumerate() {
                for &b in &ls[k + 1..] {
                    add(a, b, x);
                }
            }
        }
    }
    for l in &tl.links {
        if let (Some(a), Some(b)) = (lanes_of.get(l.from.as_str()), lanes_of.get(l.to.as_str())) {
            let x = 1.0 / (a.len() * b.len()) as f64;
            for &p in a {
                for &q in b {
                    add(p, q, x);
                }
            }
        }
    }
    let pos: BTreeMap<&str, usize> = tl
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    for l in &tl.lineage {
        if let (Some(&a), Some(&b)) = (pos.get(l.from.as_str()), pos.get(l.to.as_str())) {
            add(a, b, if l.kind == EdgeKind::PartOf { 1.0 } else { 2.0 });
        }
    }
    w
}

/// The crossing measure of an order: for every link between lanes, the number of
/// lanes it passes over, weighted. `order[k]` is the lane drawn at position k.
pub(super) fn crossings(order: &[usize], links: &BTreeMap<(usize, usize), f64>) -> f64 {
    let mut pos = vec![0usize; order.len()];
    for (k, &l) in order.iter().enumerate() {
        if l < pos.len() {
            pos[l] = k;
        }
    }
    links
        .iter()
        .filter(|((a, b), _)| *a < pos.len() && *b < pos.len())
        .map(|((a, b), w)| w * (pos[*a].abs_diff(pos[*b]).saturating_sub(1)) as f64)
        .sum()
}

/// Reorder the lanes of `tl` to reduce crossings: barycentre sweeps (each lane moves
/// to the weighted mean position of the lanes it links to), keeping the best order
/// seen, then adjacent swaps while they help. The "other ideas" lane stays last.
pub fn order_lanes(tl: &mut Timeline) -> OrderStats {
    let links = lane_links(tl);
    let n = tl.lanes.len();
    let fixed_last = tl.lanes.last().is_some_and(|l| l.id == OTHER_LANE);
    let movable = if fixed_last { n - 1 } else { n };
    let full = |m: &[usize]| -> Vec<usize> {
        let mut v = m.to_vec();
        if fixed_last {
            v.push(n - 1);
        }
        v
    };
    // Ties go to the order that keeps the most discussed ideas near the top: a
    // penalty far smaller than one crossing.
    let total: usize = tl
        .lanes
        .iter()
        .map(|l| l.claims.len())
        .sum::<usize>()
        .max(1);
    let share: Vec<f64> = tl
        .lanes
        .iter()
        .map(|l| l.claims.len() as f64 / total as f64)
        .collect();
    let cost = |order: &[usize]| -> f64 {
        let tie: f64 = order
            .iter()
            .enumerate()
            .map(|(k, &l)| k as f64 * share[l])
            .sum();
        crossings(&full(order), &links) + 1e-3 * tie / n.max(1) as f64
    };
    let start: Vec<usize> = (0..movable).collect();
    let before = crossings(&full(&start), &links);
    let mut best = start.clone();
    let mut best_cost = cost(&start);
    let mut cur = start;
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (&(a, b), &w) in &links {
        adj[a].push((b, w));
        adj[b].push((a, w));
    }
    for _ in 0..24 {
        let f = full(&cur);
        let mut pos = vec![0.0; n];
        for (k, &l) in f.iter().enumerate() {
            pos[l] = k as f64;
        }
        let mut keyed: Vec<(f64, f64, usize)> = cur
            .iter()
            .map(|&l| {
                let (s, w) = adj[l].iter().fold((0.5 * pos[l], 0.5), |(s, w), &(o, x)| {
                    (s + x * pos[o], w + x)
                });
                (s / w, pos[l], l)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let next: Vec<usize> = keyed.into_iter().map(|k| k.2).collect();
        if next == cur {
            break;
        }
        cur = next;
        let c = cost(&cur);
        if c < best_cost - 1e-12 {
            best_cost = c;
            best = cur.clone();
        }
    }
    // Adjacent swaps while any helps.
    let mut improved = true;
    let mut passes = 0;
    while improved && passes < 4 * movable.max(1) {
        improved = false;
        passes += 1;
        for k in 0..movable.saturating_sub(1) {
            best.swap(k, k + 1);
            let c = cost(&best);
            if c < best_cost - 1e-12 {
                best_cost = c;
                improved = true;
            } else {
                best.swap(k, k + 1);
            }
        }
    }
    // The mirror image crosses as much; keep the one with the busier ideas on top.
    let mirror: Vec<usize> = best.iter().rev().copied().collect();
    if cost(&mirror) < best_cost {
        best = mirror;
    }
    let order = full(&best);
    let mut old: Vec<Option<Lane>> = std::mem::take(&mut tl.lanes)
        .into_iter()
        .map(Some)
        .collect();
    tl.lanes = order
        .iter()
        .filter_map(|&i| old.get_mut(i).and_then(Option::take))
        .collect();
    OrderStats {
        before,
        after: crossings(&order, &links),
    }
}
