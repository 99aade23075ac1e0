//! Laying out a [`Scene`] left to right with layout-rs, built through its builder API
//! (not its DOT parser, which drops clusters, ranks, ids and tooltips).
//!
//! layout-rs ranks nodes by longest path, then sinks nodes toward their successors
//! and splits long edges into dummies appended at the end of each rank; on a time
//! map that pulls claims away from their article and sends long edges round the
//! outside. Its crossing optimiser is about cubic in the width of a rank, and its edge
//! validation exponential. So the ranks and the order within each rank are decided
//! here, in time linear in the graph (times a few sweeps):
//!
//! 1. Columns: articles in date order, each followed by its claims (one column per
//!    step of a support chain inside the article) and a gap column; actors sit in the
//!    gap before the median of their neighbours, policies in the gap after it, events
//!    by date.
//! 2. Each edge is laid out from its left end to its right end (the arrowhead stays on
//!    its target), so the layout graph is acyclic by construction; ranks are then the
//!    longest path with each node's column as a lower bound.
//! 3. Edges longer than one rank are split into our own dummies, and each rank is
//!    ordered by barycentre sweeps (keeping the order with fewest crossings).
//! 4. layout-rs gets a graph where every edge joins adjacent ranks, in that order,
//!    with validation off, edges inserted rank by rank, and invisible edges that pin
//!    each node to its rank. It assigns coordinates and renders into the backend. Its
//!    own crossing optimiser runs only on small layouts.

use ::layout::adt::dag::NodeHandle;
use ::layout::core::base::Orientation;
use ::layout::core::color::Color;
use ::layout::core::format::RenderBackend;
use ::layout::core::geometry::{Point, Position};
use ::layout::core::style::{LineStyleKind, StyleAttr};
use ::layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use ::layout::topo::layout::VisualGraph;

use crate::map::scene::Scene;
use levelmap_model::NodeKind;

/// Bounds on layout work, so that no drawing makes anyone wait minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutLimits {
    /// Run layout-rs's own crossing optimiser only when its estimated work (see
    /// [`optimiser_work`]) is at most this; above, the barycentre order stands.
    pub optimiser_work: u64,
    /// Above this many nodes and edges, use fewer ordering sweeps.
    pub full_sweeps_up_to: usize,
    /// Split long edges into invisible dummies (so that layout-rs routes them round
    /// the nodes) only while the layout has at most this many nodes; layout-rs's
    /// coordinate assignment is worse than quadratic. Longer edges beyond it are
    /// drawn straight from end to end.
    pub layout_nodes: usize,
    /// At most this many dummies per two nodes: layout-rs spreads a graph with many
    /// long routed edges far apart, so the longest edges beyond this are drawn straight.
    pub dummies_per_node_x2: usize,
    /// Views with more nodes than this are placed by levelmap's own linear-time
    /// placement instead of layout-rs's (whose scheduler is worse than quadratic:
    /// about 5 s at 3800 nodes here).
    pub layout_rs_up_to: usize,
    /// Dummy budget of the fast placement.
    pub fast_dummies: usize,
}

impl Default for LayoutLimits {
    fn default() -> Self {
        LayoutLimits {
            optimiser_work: 10_000_000,
            dummies_per_node_x2: 3,
            full_sweeps_up_to: 4000,
            layout_nodes: 1500,
            layout_rs_up_to: 2500,
            fast_dummies: 30_000,
        }
    }
}

/// What the layout did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LayoutStats {
    /// Nodes drawn.
    pub nodes: usize,
    /// Edges drawn (threads apart).
    pub edges: usize,
    /// Threads drawn between occurrences of one node.
    pub threads: usize,
    /// Ranks (columns).
    pub ranks: usize,
    /// Invisible nodes that long edges are split into.
    pub dummies: usize,
    /// Long edges (not threads) drawn straight from end to end, beyond the dummy budget.
    pub unrouted: usize,
    /// Edge crossings after ordering (between adjacent ranks, routed edges).
    pub crossings: usize,
    /// Estimated work of layout-rs's crossing optimiser ([`optimiser_work`]).
    pub optimiser_work: u64,
    /// Whether layout-rs's crossing optimiser ran.
    pub optimised: bool,
    /// Which placement drew it.
    pub engine: Engine,
}

/// Which placement assigned coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// layout-rs (Brandes-Köpf), the normal case.
    #[default]
    LayoutRs,
    /// levelmap's own linear-time placement, for views too large for layout-rs.
    Fast,
}

impl LayoutStats {
    /// Nodes layout-rs works on, dummies included.
    pub fn layout_nodes(&self) -> usize {
        self.nodes + self.dummies
    }
}

/// Why a layout could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// There is nothing to lay out (layout-rs cannot lay out an empty graph).
    #[error("there is nothing to draw: the view has no nodes")]
    Empty,
}

/// The work layout-rs's crossing optimiser would do on these ranks: for each rank, the
/// pairs of its items times the items of the ranks beside it (its crossing count is
/// cubic in the width of a rank), times its 50 rounds.
pub fn optimiser_work(rows: &[Vec<impl Sized>]) -> u64 {
    let n: Vec<u64> = rows.iter().map(|r| r.len() as u64).collect();
    let mut work = 0u64;
    for (i, &len) in n.iter().enumerate() {
        let beside = if i > 0 { n[i - 1] } else { 0 } + n.get(i + 1).copied().unwrap_or(0);
        work = work.saturating_add(len * len * beside);
    }
    work.saturating_mul(50)
}

/// The property string that tells the backend which scene node a shape belongs to.
pub fn node_key(k: usize) -> String {
    format!("n{k}")
}

/// The property string that tells the backend which hop of which scene edge a path
/// belongs to.
pub fn hop_key(edge: usize, hop: usize) -> String {
    format!("e{edge}.{hop}")
}

/// Parse a node key.
pub fn parse_node_key(props: &Option<String>) -> Option<usize> {
    props.as_deref()?.strip_prefix('n')?.parse().ok()
}

/// Parse a hop key into (edge, hop).
pub fn parse_hop_key(props: &Option<String>) -> Option<(usize, usize)> {
    let (e, h) = props.as_deref()?.strip_prefix('e')?.split_once('.')?;
    Some((e.parse().ok()?, h.parse().ok()?))
}

/// Space kept around each node: `x` between columns, `y` between nodes in a column.
const HALO: (f64, f64) = (80.0, 16.0);

/// A layout item: a scene node or a dummy on a long edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Node(usize),
    Dummy(usize),
}

/// Ranks and orders.
#[derive(Debug, Clone, Default)]
pub struct Layering {
    /// Rank of each scene node.
    pub rank: Vec<usize>,
    /// For each scene edge: whether it is laid out from its source (true) or from its
    /// target (false).
    pub forward: Vec<bool>,
    /// For each scene edge: the number of hops it is routed through (1 for adjacent
    /// ranks); 0 when layout-rs does not route it (a self-loop, or a long edge beyond
    /// the dummy budget, drawn straight from end to end).
    pub hops: Vec<usize>,
    rows: Vec<Vec<Item>>,
    /// Per edge: items from layout tail to head (empty when not routed).
    paths: Vec<Vec<Item>>,
    /// Per edge: (tail, head) as laid out.
    ends: Vec<(usize, usize)>,
    dummies: usize,
    crossings: usize,
}

fn kind_order(k: NodeKind) -> u8 {
    match k {
        NodeKind::Actor => 0,
        NodeKind::Event => 1,
        NodeKind::Article => 2,
        NodeKind::Claim => 3,
        NodeKind::Policy => 4,
    }
}

/// Decide ranks, split long edges into at most `max_dummies` dummies, and order each
/// rank with `sweeps` barycentre sweeps.
pub fn layer(scene: &Scene, sweeps: usize, max_dummies: usize) -> Layering {
    let n = scene.nodes.len();
    let (col, lower) = columns(scene);
    // Orient each edge from the smaller (column, kind, index) to the larger: a total
    // order, so the layout graph is acyclic.
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
    // Longest path, each node no further left than its lower bound ...
    let mut rank = vec![0usize; n];
    for &k in &order {
        rank[k] = pred[k]
            .iter()
            .map(|&p| rank[p] + 1)
            .fold(lower[k], usize::max);
    }
    // ... then actors and events move right, next to what they point to (a speaker
    // beside their claim, a proposer beside the policy).
    for &k in order.iter().rev() {
        if matches!(scene.nodes[k].kind, NodeKind::Actor | NodeKind::Event) {
            if let Some(m) = succ[k].iter().map(|&h| rank[h]).min() {
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
    let used: std::collections::BTreeSet<usize> = rank.iter().copied().collect();
    let renumber: std::collections::BTreeMap<usize, usize> =
        used.iter().enumerate().map(|(i, &r)| (r, i)).collect();
    for r in rank.iter_mut() {
        *r = renumber[r];
    }

    // Split long edges into dummies.
    let n_ranks = rank.iter().copied().max().unwrap_or(0) + 1;
    let mut rows: Vec<Vec<Item>> = vec![Vec::new(); n_ranks];
    for &k in &order {
        rows[rank[k]].push(Item::Node(k));
    }
    // Route long edges through dummies within the budget, shorter before longer. The
    // rest are drawn straight from end to end.
    let ends = |i: usize| {
        if forward[i] {
            (scene.edges[i].from, scene.edges[i].to)
        } else {
            (scene.edges[i].to, scene.edges[i].from)
        }
    };
    let span = |i: usize| {
        let (t, h) = ends(i);
        rank[h].saturating_sub(rank[t])
    };
    let mut long: Vec<usize> = (0..scene.edges.len()).filter(|&i| span(i) > 1).collect();
    long.sort_by_key(|&i| (span(i), i));
    let mut routed: Vec<bool> = (0..scene.edges.len()).map(|i| span(i) == 1).collect();
    // Threads are light hints drawn straight behind everything: they take no layout work.
    long.retain(|&i| !scene.edges[i].is_thread());
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
        forward,
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

/// The column each node belongs to (which orders edges), and the leftmost column it
/// may be drawn in (a policy may move left, up to just after the claims about it).
fn columns(scene: &Scene) -> (Vec<usize>, Vec<usize>) {
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

impl Layering {
    /// The (tail, head) scene nodes of edge `k` as laid out (tail to the left).
    pub fn ends(&self, k: usize) -> Option<(usize, usize)> {
        let p = self.ends.get(k)?;
        Some(*p)
    }
}

fn item_index(it: Item, n_nodes: usize) -> usize {
    match it {
        Item::Node(k) => k,
        Item::Dummy(d) => n_nodes + d,
    }
}

impl Layering {
    /// Order each rank by barycentre sweeps, keeping the order with fewest crossings.
    fn order(&mut self, sweeps: usize) {
        let n_nodes = self.rank.len();
        let total = n_nodes + self.dummies;
        let mut up: Vec<Vec<usize>> = vec![Vec::new(); total];
        let mut down: Vec<Vec<usize>> = vec![Vec::new(); total];
        for p in &self.paths {
            for w in p.windows(2) {
                let (a, b) = (item_index(w[0], n_nodes), item_index(w[1], n_nodes));
                down[a].push(b);
                up[b].push(a);
            }
        }
        let mut pos = vec![0usize; total];
        for row in &self.rows {
            for (i, it) in row.iter().enumerate() {
                pos[item_index(*it, n_nodes)] = i;
            }
        }
        let mut best = self.rows.clone();
        let mut best_x = crossings(&self.rows, &down, &pos, n_nodes);
        for s in 0..sweeps {
            let downward = s % 2 == 0;
            let ranks: Vec<usize> = if downward {
                (1..self.rows.len()).collect()
            } else {
                (0..self.rows.len().saturating_sub(1)).rev().collect()
            };
            for r in ranks {
                let nb = if downward { &up } else { &down };
                let mut keyed: Vec<(f64, usize, Item)> = self.rows[r]
                    .iter()
                    .enumerate()
                    .map(|(i, &it)| {
                        let ns = &nb[item_index(it, n_nodes)];
                        let b = if ns.is_empty() {
                            i as f64
                        } else {
                            ns.iter().map(|&m| pos[m] as f64).sum::<f64>() / ns.len() as f64
                        };
                        (b, i, it)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                self.rows[r] = keyed.into_iter().map(|(_, _, it)| it).collect();
                for (i, it) in self.rows[r].iter().enumerate() {
                    pos[item_index(*it, n_nodes)] = i;
                }
            }
            let x = crossings(&self.rows, &down, &pos, n_nodes);
            if x < best_x {
                best_x = x;
                best = self.rows.clone();
            }
        }
        self.rows = best;
        self.crossings = best_x;
    }
}

/// Crossings between adjacent ranks, counted by inversions (Fenwick tree).
fn crossings(rows: &[Vec<Item>], down: &[Vec<usize>], pos: &[usize], n_nodes: usize) -> usize {
    let mut total = 0;
    for r in 0..rows.len().saturating_sub(1) {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for it in &rows[r] {
            let a = item_index(*it, n_nodes);
            for &b in &down[a] {
                pairs.push((pos[a], pos[b]));
            }
        }
        pairs.sort_unstable();
        let m = rows[r + 1].len() + 1;
        let mut tree = vec![0usize; m + 1];
        for (seen, &(_, b)) in pairs.iter().enumerate() {
            // Edges seen so far ending after b cross this one.
            let mut i = b + 1;
            let mut le = 0;
            while i > 0 {
                le += tree[i];
                i &= i - 1;
            }
            total += seen - le;
            let mut i = b + 1;
            while i <= m {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

/// Lay `scene` out left to right and render it into `backend`. `sizes` gives each
/// node's width and height; `labels` the text handed to the backend with it.
pub fn run(
    scene: &Scene,
    sizes: &[(f64, f64)],
    labels: &[String],
    limits: &LayoutLimits,
    backend: &mut dyn RenderBackend,
) -> Result<(Layering, LayoutStats), LayoutError> {
    if scene.nodes.is_empty() {
        return Err(LayoutError::Empty);
    }
    let quick = scene.nodes.len() + scene.edges.len() > limits.full_sweeps_up_to;
    let fast = scene.nodes.len() > limits.layout_rs_up_to;
    let budget = if fast {
        limits.fast_dummies
    } else {
        limits
            .layout_nodes
            .saturating_sub(scene.nodes.len())
            .min(scene.nodes.len() * limits.dummies_per_node_x2 / 2)
    };
    let l = layer(scene, if quick { 4 } else { 12 }, budget);
    let stats = LayoutStats {
        nodes: scene.nodes.len(),
        edges: scene.edges.iter().filter(|e| !e.is_thread()).count(),
        threads: scene.edges.iter().filter(|e| e.is_thread()).count(),
        ranks: l.rows.len(),
        dummies: l.dummies,
        unrouted: (0..scene.edges.len())
            .filter(|&k| {
                l.hops[k] == 0
                    && scene.edges[k].from != scene.edges[k].to
                    && !scene.edges[k].is_thread()
            })
            .count(),
        crossings: l.crossings,
        optimiser_work: optimiser_work(&l.rows),
        optimised: !fast && optimiser_work(&l.rows) <= limits.optimiser_work,
        engine: if fast { Engine::Fast } else { Engine::LayoutRs },
    };
    if fast {
        place_fast(scene, &l, sizes, labels, backend);
        return Ok((l, stats));
    }

    let dir = Orientation::LeftToRight;
    let mut vg = VisualGraph::new(dir);
    vg.dag.set_validate(false);
    let look = StyleAttr::new(Color::fast("black"), 1, None, 0, 12);
    let n_nodes = scene.nodes.len();
    let mut handle: Vec<Option<NodeHandle>> = vec![None; n_nodes + l.dummies];
    // Nodes go in rank by rank, in order: layout-rs keeps that order in each rank.
    for row in &l.rows {
        for &it in row {
            let e = match it {
                Item::Node(k) => {
                    let (w, h) = sizes[k];
                    let shape = match scene.nodes[k].kind {
                        NodeKind::Actor => ShapeKind::Circle(labels[k].clone()),
                        _ => ShapeKind::Box(labels[k].clone()),
                    };
                    let mut e = Element::create_with_properties(
                        shape,
                        look.clone(),
                        dir,
                        Point::new(w, h),
                        node_key(k),
                    );
                    e.pos = Position::new(
                        Point::zero(),
                        Point::new(w, h),
                        Point::zero(),
                        Point::new(HALO.0, HALO.1),
                    );
                    e
                }
                Item::Dummy(_) => {
                    let mut e = Element::create(
                        ShapeKind::Box(String::new()),
                        look.clone(),
                        dir,
                        Point::new(1.0, 1.0),
                    );
                    e.pos = Position::new(
                        Point::zero(),
                        Point::new(1.0, 1.0),
                        Point::zero(),
                        Point::new(HALO.0, 10.0),
                    );
                    e
                }
            };
            handle[item_index(it, n_nodes)] = Some(vg.add_node(e));
        }
    }
    let h = |it: Item| handle[item_index(it, n_nodes)].expect("every item has a handle");

    // Edges, by the rank of their tail (so that layout-rs's reachability check never
    // walks far): pins, then hops. A node with no routed edge from the rank before is
    // pinned to its rank by an invisible edge from the item at the same relative place
    // in that rank (ranks are never empty), which layout-rs may align it with.
    type LayoutEdge = (NodeHandle, NodeHandle, Option<(usize, usize)>);
    let mut by_rank: Vec<Vec<LayoutEdge>> = vec![Vec::new(); l.rows.len()];
    let mut has_pred = vec![false; n_nodes + l.dummies];
    for p in &l.paths {
        for w in p.windows(2) {
            has_pred[item_index(w[1], n_nodes)] = true;
        }
    }
    for (r, row) in l.rows.iter().enumerate() {
        for (i, &it) in row.iter().enumerate() {
            if r > 0 && !has_pred[item_index(it, n_nodes)] {
                let prev = &l.rows[r - 1];
                let j = (i * prev.len() / row.len().max(1)).min(prev.len() - 1);
                by_rank[r - 1].push((h(prev[j]), h(it), None));
            }
        }
    }
    for (k, p) in l.paths.iter().enumerate() {
        for (hop, w) in p.windows(2).enumerate() {
            let tail_rank = match p[0] {
                Item::Node(x) => l.rank[x],
                Item::Dummy(_) => 0,
            };
            let r = tail_rank + hop;
            by_rank[r].push((h(w[0]), h(w[1]), Some((k, hop))));
        }
    }
    for list in by_rank {
        for (a, b, key) in list {
            let arrow = match key {
                None => Arrow::invisible(),
                Some((k, hop)) => Arrow::with_properties(
                    LineEndKind::None,
                    LineEndKind::None,
                    LineStyleKind::Normal,
                    "",
                    &look,
                    hop_key(k, hop),
                    &None,
                    &None,
                ),
            };
            vg.add_edge(arrow, a, b);
        }
    }
    vg.do_it(false, !stats.optimised, false, backend);
    Ok((l, stats))
}

/// Gap between columns and between nodes in a column, for the fast placement.
const FAST_GAP: (f64, f64) = (70.0, 14.0);

/// levelmap's own placement for large views, linear in the layout per pass: columns
/// side by side, each column stacked in its order, then a few passes that move each
/// node toward the mean height of its neighbours without breaking the order. It
/// draws into the same backend as layout-rs would.
fn place_fast(
    scene: &Scene,
    l: &Layering,
    sizes: &[(f64, f64)],
    labels: &[String],
    backend: &mut dyn RenderBackend,
) {
    let n_nodes = scene.nodes.len();
    let total = n_nodes + l.dummies;
    let size = |it: Item| match it {
        Item::Node(k) => sizes[k],
        Item::Dummy(_) => (1.0, 4.0),
    };
    // Columns.
    let mut x = vec![0.0f64; total];
    let mut left = 0.0;
    for row in &l.rows {
        let w = row.iter().map(|&it| size(it).0).fold(1.0, f64::max);
        for &it in row {
            x[item_index(it, n_nodes)] = left + w / 2.0;
        }
        left += w + FAST_GAP.0;
    }
    // Neighbours along routed hops.
    let mut nb: Vec<Vec<usize>> = vec![Vec::new(); total];
    for p in &l.paths {
        for w in p.windows(2) {
            let (a, b) = (item_index(w[0], n_nodes), item_index(w[1], n_nodes));
            nb[a].push(b);
            nb[b].push(a);
        }
    }
    // Stack, then relax toward neighbours, keeping order and spacing.
    let mut y = vec![0.0f64; total];
    for row in &l.rows {
        let mut top = 0.0;
        for &it in row {
            let h = size(it).1;
            y[item_index(it, n_nodes)] = top + h / 2.0;
            top += h + FAST_GAP.1;
        }
    }
    for _ in 0..6 {
        for row in &l.rows {
            let want: Vec<f64> = row
                .iter()
                .map(|&it| {
                    let i = item_index(it, n_nodes);
                    if nb[i].is_empty() {
                        y[i]
                    } else {
                        nb[i].iter().map(|&j| y[j]).sum::<f64>() / nb[i].len() as f64
                    }
                })
                .collect();
            // Push down to keep spacing, then pull the column back up toward its wishes.
            let mut placed = Vec::with_capacity(row.len());
            let mut floor = f64::NEG_INFINITY;
            for (j, &it) in row.iter().enumerate() {
                let h = size(it).1;
                let v = want[j].max(floor + h / 2.0);
                placed.push(v);
                floor = v + h / 2.0 + FAST_GAP.1;
            }
            let shift =
                (0..row.len()).map(|j| want[j] - placed[j]).sum::<f64>() / row.len().max(1) as f64;
            for (j, &it) in row.iter().enumerate() {
                y[item_index(it, n_nodes)] = placed[j] + shift.min(0.0);
            }
        }
    }
    // Draw nodes, then hops, through the backend.
    let look = StyleAttr::new(Color::fast("black"), 1, None, 0, 12);
    for row in &l.rows {
        for &it in row {
            if let Item::Node(k) = it {
                let (w, h) = sizes[k];
                let c = Point::new(x[k], y[k]);
                let props = Some(node_key(k));
                if scene.nodes[k].kind == NodeKind::Actor {
                    backend.draw_circle(c, Point::new(w, h), &look, props);
                } else {
                    backend.draw_rect(
                        Point::new(c.x - w / 2.0, c.y - h / 2.0),
                        Point::new(w, h),
                        &look,
                        props,
                        None,
                    );
                }
                backend.draw_text(c, &labels[k], &look);
            }
        }
    }
    for (k, p) in l.paths.iter().enumerate() {
        for (hop, w) in p.windows(2).enumerate() {
            let (a, b) = (item_index(w[0], n_nodes), item_index(w[1], n_nodes));
            let wa = if let Item::Node(t) = w[0] {
                sizes[t].0 / 2.0
            } else {
                0.0
            };
            let wb = if let Item::Node(t) = w[1] {
                sizes[t].0 / 2.0
            } else {
                0.0
            };
            let p0 = Point::new(x[a] + wa, y[a]);
            let p1 = Point::new(x[b] - wb, y[b]);
            let d = (p1.x - p0.x) / 2.0;
            let path = [
                (p0, Point::new(p0.x + d, p0.y)),
                (Point::new(p1.x - d, p1.y), p1),
            ];
            backend.draw_arrow(
                &path,
                false,
                (false, false),
                &look,
                Some(hop_key(k, hop)),
                "",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::scene::{scene, DrawOptions};
    use levelmap_testkit::map::{argument_map, SynthOptions};

    #[test]
    fn every_layout_edge_goes_one_rank_right_and_articles_keep_date_order() {
        let g = argument_map(&SynthOptions {
            nodes: 300,
            seed: 11,
            cycles: true,
        });
        let s = scene(&g, &DrawOptions::default());
        let l = layer(&s, 6, usize::MAX);
        for (k, e) in s.edges.iter().enumerate() {
            let (t, h) = if l.forward[k] {
                (e.from, e.to)
            } else {
                (e.to, e.from)
            };
            if t != h {
                assert!(l.rank[t] < l.rank[h], "edge {} goes left", e.id);
                if !e.is_thread() {
                    assert_eq!(
                        l.hops[k],
                        l.rank[h] - l.rank[t],
                        "unlimited dummies route every edge"
                    );
                }
            }
        }
        let ranks: Vec<usize> = s.timeline.iter().map(|&a| l.rank[a]).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
        // A claim sits right of its article.
        for (k, n) in s.nodes.iter().enumerate() {
            if let (NodeKind::Claim, Some(a)) = (n.kind, n.slot) {
                assert!(l.rank[k] > l.rank[a]);
            }
        }
    }

    #[test]
    fn claims_without_articles_run_left_to_right_by_date() {
        let g = argument_map(&SynthOptions {
            nodes: 200,
            seed: 4,
            cycles: false,
        });
        let keep: std::collections::BTreeSet<_> = g
            .graph
            .node_indices()
            .filter(|&i| g.node(i).kind == NodeKind::Claim)
            .collect();
        let s = scene(
            &levelmap_query::view::subgraph(&g, &keep),
            &DrawOptions::default(),
        );
        assert!(s.timeline.is_empty());
        let l = layer(&s, 4, usize::MAX);
        for a in 0..s.nodes.len() {
            for b in 0..s.nodes.len() {
                if s.nodes[a].date < s.nodes[b].date {
                    assert!(
                        l.rank[a] < l.rank[b],
                        "{} ({:?}) is not left of {} ({:?})",
                        s.nodes[a].id,
                        s.nodes[a].date,
                        s.nodes[b].id,
                        s.nodes[b].date
                    );
                }
            }
        }
    }

    #[test]
    fn sweeps_do_not_add_crossings() {
        let g = argument_map(&SynthOptions {
            nodes: 200,
            seed: 2,
            cycles: false,
        });
        let s = scene(&g, &DrawOptions::default());
        let none = layer(&s, 0, usize::MAX);
        let some = layer(&s, 8, usize::MAX);
        assert!(
            some.crossings <= none.crossings,
            "{} > {}",
            some.crossings,
            none.crossings
        );
    }

    #[test]
    fn crossings_are_counted() {
        // Two edges a->d and b->c between two rows of two: one crossing.
        let rows = vec![
            vec![Item::Node(0), Item::Node(1)],
            vec![Item::Node(2), Item::Node(3)],
        ];
        let down = vec![vec![3], vec![2], vec![], vec![]];
        let pos = vec![0, 1, 0, 1];
        assert_eq!(crossings(&rows, &down, &pos, 4), 1);
    }
}
