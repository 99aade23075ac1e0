//! Step 1 of the map layout: the column each node belongs to, and the leftmost
//! column it may be drawn in (articles by date, each followed by its claims, actors,
//! policies and events placed beside what they link to).

use crate::map::scene::Scene;
use levelmap_model::NodeKind;
/// The column each node belongs to (which orders edges), and the leftmost column it
/// may be drawn in (a policy may move left, up to just after the claims about it).
pub(super) fn columns(scene: &Scene) -> (Vec<usize>, Vec<usize>) {
    let n = scene.nodes.len();
    let mut col = vec![0usize; n];
    let mut fixed = vec![false; n];
    if scene.timeline.is_empty() {
        if let Some(cols) = date_columns(scene) {
            return (cols.clone(), cols);
        }
        // No dates at all: longest path over the scene's own layout direction.
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        for k in scene.layout_edge_order() {
            let (t, h) = scene.edges[k].layout_ends();
            if t != h {
                pred[h].push(t);
            }
        }
        for k in topo(
            n,
            &scene
                .edges
                .iter()
                .map(|e| e.layout_ends())
                .collect::<Vec<_>>(),
        ) {
            col[k] = pred[k].iter().map(|&p| col[p] + 1).max().unwrap_or(0);
        }
        return (col.clone(), col);
    }
    // Claim depth inside each article: longest run of edges between its claims.
    let in_article =
        |x: usize| scene.nodes[x].kind == NodeKind::Claim && scene.nodes[x].slot.is_some();
    let mut depth = vec![0usize; n];
    for k in scene.layout_edge_order() {
        let (t, h) = scene.edges[k].layout_ends();
        if in_article(t) && in_article(h) && scene.nodes[t].slot == scene.nodes[h].slot && t != h {
            depth[h] = depth[h].max(depth[t] + 1);
        }
    }
    let mut group_width = vec![0usize; n];
    for (k, node) in scene.nodes.iter().enumerate() {
        if in_article(k) {
            if let Some(a) = node.slot {
                group_width[a] = group_width[a].max(depth[k] + 1);
            }
        }
    }
    // Per article in date order: a gap (actors, events), the article, its claims, and
    // a column for policies.
    let mut gaps = Vec::with_capacity(scene.timeline.len() + 1);
    let mut policy_col = vec![0usize; n];
    let mut next = 0usize;
    for &a in &scene.timeline {
        gaps.push(next);
        col[a] = next + 1;
        fixed[a] = true;
        policy_col[a] = col[a] + group_width[a] + 1;
        next = policy_col[a] + 1;
    }
    gaps.push(next);
    let gap_of: std::collections::BTreeMap<usize, usize> = scene
        .timeline
        .iter()
        .zip(&gaps)
        .map(|(&a, &g)| (a, g))
        .collect();
    let dates: Vec<_> = scene
        .timeline
        .iter()
        .map(|&a| scene.nodes[a].date)
        .collect();
    // Index of the last article dated on or before `d` (the first if none).
    let article_at = |d: levelmap_model::date::PartialDate| {
        let i = dates.partition_point(|x| x.is_some_and(|x| x <= d));
        i.saturating_sub(1)
    };
    for (k, node) in scene.nodes.iter().enumerate() {
        match (node.kind, node.slot) {
            (NodeKind::Article, _) => {}
            (NodeKind::Claim, Some(a)) => {
                col[k] = col[a] + 1 + depth[k];
                fixed[k] = true;
            }
            (NodeKind::Claim, None) => {
                if let Some(d) = node.date {
                    col[k] = col[scene.timeline[article_at(d)]] + 1;
                    fixed[k] = true;
                }
            }
            (NodeKind::Policy, Some(a)) => {
                col[k] = policy_col[a];
                fixed[k] = true;
            }
            (_, Some(a)) => {
                col[k] = gap_of[&a];
                fixed[k] = true;
            }
            (NodeKind::Event, None) => {
                if let Some(d) = node.date {
                    // The gap before the first article dated after the event.
                    let i = dates.partition_point(|x| x.is_some_and(|x| x < d));
                    col[k] = gaps[i];
                    fixed[k] = true;
                }
            }
            _ => {}
        }
    }
    place_rest(scene, &mut col, &fixed, &gaps, next);
    let mut lower = col.clone();
    for (k, node) in scene.nodes.iter().enumerate() {
        if let (NodeKind::Policy, Some(a)) = (node.kind, node.slot) {
            lower[k] = col[a] + 1;
        }
    }
    (col, lower)
}

/// Columns for a view without articles whose claims are dated: one group of columns
/// per claim date, in date order (claims that support one another on the same date
/// side by side), entities placed by their neighbours. None without dated claims.
fn date_columns(scene: &Scene) -> Option<Vec<usize>> {
    let n = scene.nodes.len();
    let mut dates: Vec<levelmap_model::date::PartialDate> = scene
        .nodes
        .iter()
        .filter(|x| x.kind == NodeKind::Claim)
        .filter_map(|x| x.date)
        .collect();
    dates.sort();
    dates.dedup();
    if dates.is_empty() {
        return None;
    }
    let group = |k: usize| match (scene.nodes[k].kind, scene.nodes[k].date) {
        (NodeKind::Claim, Some(d)) => dates.binary_search(&d).ok(),
        _ => None,
    };
    let mut depth = vec![0usize; n];
    for k in scene.layout_edge_order() {
        let (t, h) = scene.edges[k].layout_ends();
        if t != h && group(t).is_some() && group(t) == group(h) {
            depth[h] = depth[h].max(depth[t] + 1);
        }
    }
    let mut width = vec![1usize; dates.len()];
    for (k, d) in depth.iter().enumerate() {
        if let Some(g) = group(k) {
            width[g] = width[g].max(d + 1);
        }
    }
    // Per date: a gap column, then its claims.
    let mut gaps = Vec::with_capacity(dates.len() + 1);
    let mut next = 0usize;
    for w in &width {
        gaps.push(next);
        next += 1 + w;
    }
    gaps.push(next);
    let mut col = vec![0usize; n];
    let mut fixed = vec![false; n];
    for k in 0..n {
        if let Some(g) = group(k) {
            col[k] = gaps[g] + 1 + depth[k];
            fixed[k] = true;
        } else if let (NodeKind::Event, Some(d)) = (scene.nodes[k].kind, scene.nodes[k].date) {
            col[k] = gaps[dates.partition_point(|x| *x < d)];
            fixed[k] = true;
        }
    }
    place_rest(scene, &mut col, &fixed, &gaps, next);
    Some(col)
}

/// Place the nodes not fixed to a column (actors, policies, events without an
/// article): the median column of their neighbours, a few rounds so that positions
/// spread along chains of entities, snapped to a gap column: policies after the
/// median, actors and events before it.
fn place_rest(scene: &Scene, col: &mut [usize], fixed: &[bool], gaps: &[usize], next: usize) {
    let n = scene.nodes.len();
    // Other nodes: the median column of their neighbours, a few rounds so that
    // positions spread along chains of entities.
    let mut nb: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in &scene.edges {
        if e.from != e.to {
            nb[e.from].push(e.to);
            nb[e.to].push(e.from);
        }
    }
    let mut known = fixed.to_vec();
    let mut raw: Vec<f64> = col.iter().map(|&c| c as f64).collect();
    for _ in 0..4 {
        let prev = raw.clone();
        let prev_known = known.clone();
        for k in 0..n {
            if fixed[k] {
                continue;
            }
            let mut v: Vec<f64> = nb[k]
                .iter()
                .filter(|&&m| prev_known[m])
                .map(|&m| prev[m])
                .collect();
            if v.is_empty() {
                continue;
            }
            v.sort_by(f64::total_cmp);
            raw[k] = if v.len() % 2 == 1 {
                v[v.len() / 2]
            } else {
                (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
            };
            known[k] = true;
        }
    }
    // Snap to a gap: policies after the median, actors and events before it.
    for k in 0..n {
        if fixed[k] {
            continue;
        }
        let r = raw[k];
        col[k] = if scene.nodes[k].kind == NodeKind::Policy {
            gaps.iter()
                .copied()
                .find(|&g| g as f64 >= r)
                .unwrap_or(next)
        } else {
            gaps.iter()
                .copied()
                .rev()
                .find(|&g| g as f64 <= r)
                .unwrap_or(0)
        };
    }
}

/// A topological order of `n` nodes under `edges` (which must be acyclic; nodes
/// on a cycle come last), smallest index first.
fn topo(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut indeg = vec![0usize; n];
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a != b {
            succ[a].push(b);
            indeg[b] += 1;
        }
    }
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    let mut out = Vec::with_capacity(n);
    let mut done = vec![false; n];
    while let Some(i) = ready.pop_first() {
        out.push(i);
        done[i] = true;
        for &j in &succ[i] {
            indeg[j] -= 1;
            if indeg[j] == 0 {
                ready.insert(j);
            }
        }
    }
    out.extend((0..n).filter(|&i| !done[i]));
    out
}
