//! Step 2 of the map layout: each edge oriented from its left end to its right end,
//! ranks by longest path from the columns, then long edges split into dummies within
//! a budget; [`layer`] ends with the ordering sweeps of step 3.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::columns;
use super::{Item, Layering};
use crate::map::scene::Scene;
use levelmap_model::NodeKind;

/// The order of node kinds within a column, for orienting edges.
fn kind_order(k: NodeKind) -> u8 {
    match k {
        NodeKind::Actor => 0,
        NodeKind::Event => 1,
        NodeKind::Article => 2,
        NodeKind::Claim => 3,
        NodeKind::Policy => 4,
    }
}

/// Every edge oriented from the smaller (column, kind, index) of its ends to the
/// larger: a total order, so the layout graph is acyclic.
struct Oriented {
    /// Per edge: laid out from its source.
    forward: Vec<bool>,
    /// Per node: the tails of its laid-out edges.
    pred: Vec<Vec<usize>>,
    /// Per node: the heads of its laid-out edges.
    succ: Vec<Vec<usize>>,
    /// The nodes by (column, kind, index).
    order: Vec<usize>,
}

impl Oriented {
    fn of(scene: &Scene, col: &[usize]) -> Oriented {
        let n = scene.nodes.len();
        let key = |k: usize| (col[k], kind_order(scene.nodes[k].kind), k);
        let mut forward = Vec::with_capacity(scene.edges.len());
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
        for e in &scene.edges {
            let f = key(e.from) <= key(e.to);
            forward.push(f);
            let (t, h) = if f { (e.from, e.to) } else { (e.to, e.from) };
            if t != h {
                pred[h].push(t);
                succ[t].push(h);
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&k| key(k));
        Oriented {
            forward,
            pred,
            succ,
            order,
        }
    }

    /// The (tail, head) of edge `i` as laid out.
    fn ends(&self, scene: &Scene, i: usize) -> (usize, usize) {
        if self.forward[i] {
            (scene.edges[i].from, scene.edges[i].to)
        } else {
            (scene.edges[i].to, scene.edges[i].from)
        }
    }
}

/// The rank of each node: the longest path, each node no further left than its
/// lower bound; actors and events moved right beside what they point to; each
/// article's column group kept clear of the next; empty ranks dropped.
fn ranks(scene: &Scene, col: &[usize], lower: &[usize], o: &Oriented) -> Vec<usize> {
    let n = scene.nodes.len();
    // Longest path, each node no further left than its lower bound ...
    let mut rank = vec![0usize; n];
    for &k in &o.order {
        rank[k] = o.pred[k]
            .iter()
            .map(|&p| rank[p] + 1)
            .fold(lower[k], usize::max);
    }
    // ... then actors and events move right, next to what they point to (a speaker
    // beside their claim, a proposer beside the policy).
    for &k in o.order.iter().rev() {
        if matches!(scene.nodes[k].kind, NodeKind::Actor | NodeKind::Event) {
            if let Some(m) = o.succ[k].iter().map(|&h| rank[h]).min() {
                rank[k] = rank[k].max(m - 1);
            }
        }
    }

    // Keep each article's column group clear of the next: shift everything from the
    // next group's first column on (shifting by a function that grows with the
    // column keeps every edge pointing right).
    if !scene.timeline.is_empty() {
        let mut prev_max: Option<usize> = None;
        for &a in &scene.timeline {
            let members: Vec<usize> = (0..n).filter(|&k| scene.nodes[k].slot == Some(a)).collect();
            let (Some(lo), Some(gap)) = (
                members.iter().map(|&k| rank[k]).min(),
                members.iter().map(|&k| col[k]).min(),
            ) else {
                continue;
            };
            if let Some(pm) = prev_max {
                if lo <= pm {
                    let delta = pm + 1 - lo;
                    for k in 0..n {
                        if col[k] >= gap {
                            rank[k] += delta;
                        }
                    }
                }
            }
            prev_max = members.iter().map(|&k| rank[k]).max();
        }
    }

    // Drop empty columns, so that every rank has a node to pin the next one to.
    let used: BTreeSet<usize> = rank.iter().copied().collect();
    let renumber: BTreeMap<usize, usize> = used.iter().enumerate().map(|(i, &r)| (r, i)).collect();
    for r in rank.iter_mut() {
        *r = renumber[r];
    }
    rank
}

/// Decide ranks, split long edges into at most `max_dummies` dummies (edges first,
/// then threads when `threads` is set), and order each rank with `sweeps` barycentre
/// sweeps.
pub(crate) fn layer(scene: &Scene, sweeps: usize, max_dummies: usize, threads: bool) -> Layering {
    let (col, lower) = columns(scene);
    let o = Oriented::of(scene, &col);
    let rank = ranks(scene, &col, &lower, &o);

    // Split long edges into dummies.
    let n_ranks = rank.iter().copied().max().unwrap_or(0) + 1;
    let mut rows: Vec<Vec<Item>> = vec![Vec::new(); n_ranks];
    for &k in &o.order {
        rows[rank[k]].push(Item::Node(k));
    }
    // Route long edges through dummies within the budget, shorter before longer. The
    // rest are drawn straight from end to end.
    let ends = |i: usize| o.ends(scene, i);
    let span = |i: usize| {
        let (t, h) = ends(i);
        rank[h].saturating_sub(rank[t])
    };
    let mut long: Vec<usize> = (0..scene.edges.len()).filter(|&i| span(i) > 1).collect();
    // Edges before threads (light hints, drawn straight behind everything when not
    // routed), shorter before longer.
    long.sort_by_key(|&i| (scene.edges[i].is_thread(), span(i), i));
    let mut routed: Vec<bool> = (0..scene.edges.len()).map(|i| span(i) == 1).collect();
    if !threads {
        long.retain(|&i| !scene.edges[i].is_thread());
    }
    let mut budget = max_dummies;
    for i in long {
        if span(i) - 1 <= budget {
            budget -= span(i) - 1;
            routed[i] = true;
        }
    }
    let mut paths = Vec::with_capacity(scene.edges.len());
    let mut hops = Vec::with_capacity(scene.edges.len());
    let mut dummies = 0;
    for (i, &is_routed) in routed.iter().enumerate() {
        let (t, h) = ends(i);
        if t == h || !is_routed {
            paths.push(Vec::new());
            hops.push(0);
            continue;
        }
        let mut p = vec![Item::Node(t)];
        for row in &mut rows[rank[t] + 1..rank[h]] {
            row.push(Item::Dummy(dummies));
            p.push(Item::Dummy(dummies));
            dummies += 1;
        }
        p.push(Item::Node(h));
        hops.push(p.len() - 1);
        paths.push(p);
    }
    let ends_all: Vec<(usize, usize)> = (0..scene.edges.len()).map(ends).collect();
    let mut l = Layering {
        rank,
        forward: o.forward,
        hops,
        rows,
        paths,
        ends: ends_all,
        dummies,
        crossings: 0,
    };
    debug_assert_eq!(l.hops.len(), routed.len());
    l.order(sweeps);
    l
}
