//! Laying out a `Scene` left to right with layout-rs, built through its builder API
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
//! 3. Edges and threads longer than one rank are split into our own dummies (within a
//!    budget), and each rank is ordered by barycentre sweeps, each followed by
//!    transposition of neighbours (keeping the order with fewest crossings).
//! 4. layout-rs gets a graph where every edge joins adjacent ranks, in that order,
//!    with validation off, edges inserted rank by rank, and invisible edges that pin
//!    each node to its rank. It assigns coordinates and renders into the backend. Its
//!    own crossing optimiser runs only on small layouts (on the bundled corpus it
//!    took 4.7 s and left 2,397 drawn crossings where ours leaves 2,391).

mod columns;
mod order;
mod place;
mod rank;

pub(crate) use place::run;
pub(crate) use rank::layer;

/// Bounds on layout work, so that no drawing makes anyone wait minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutLimits {
    /// Run layout-rs's own crossing optimiser only when its estimated work (see
    /// `optimiser_work`) is at most this; above, the barycentre order stands.
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
    /// Five per node routes every edge and thread of the bundled corpus (1,072
    /// dummies for 221 nodes) when layout-rs places it.
    pub dummies_per_node_x2: usize,
    /// Views with more nodes than this are placed by levelmap's own placement
    /// instead of layout-rs's. layout-rs spreads a map with many routed long edges
    /// far apart (and its scheduler is worse than quadratic: about 5 s at 3800
    /// nodes): on the bundled corpus (221 nodes, every edge routed) it drew
    /// 9,751 x 9,475 px with 2,391 crossings, levelmap's placement 9,381 x 3,131 px
    /// with 2,609 (Graphviz `dot`: 5,703 x 4,562 pt, 3,531); on generated maps of 136,
    /// 339 and 723 nodes levelmap's placement takes 2.5, 2.6 and 1.9 times less
    /// area. Small views keep layout-rs, which crosses less there (91 against 124
    /// crossings at 49 nodes). `cargo bench --bench mapcross` measures the bundled map.
    pub layout_rs_up_to: usize,
    /// Dummy budget of levelmap's placement (every edge and thread of the bundled
    /// corpus is routed).
    pub fast_dummies: usize,
    /// Route threads (between occurrences of one node) through dummies too, after
    /// the edges, within the same budget; otherwise they are drawn straight.
    pub route_threads: bool,
}

impl Default for LayoutLimits {
    fn default() -> Self {
        LayoutLimits {
            optimiser_work: 10_000_000,
            dummies_per_node_x2: 10,
            full_sweeps_up_to: 4000,
            layout_nodes: 1500,
            layout_rs_up_to: 150,
            fast_dummies: 30_000,
            route_threads: true,
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
    /// Threads routed through dummies (the others are drawn straight behind).
    pub threads_routed: usize,
    /// Edge crossings after ordering (between adjacent ranks, routed edges).
    pub crossings: usize,
    /// Estimated work of layout-rs's crossing optimiser (`optimiser_work`).
    pub optimiser_work: u64,
    /// Whether layout-rs's crossing optimiser ran.
    pub optimised: bool,
    /// Which placement drew it.
    pub engine: Engine,
}

/// Which placement assigned coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// layout-rs (Brandes-Köpf), for small views.
    #[default]
    LayoutRs,
    /// levelmap's own placement (linear per pass, compact), for views above
    /// `LayoutLimits::layout_rs_up_to` nodes.
    Fast,
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
pub(crate) fn optimiser_work(rows: &[Vec<impl Sized>]) -> u64 {
    let n: Vec<u64> = rows.iter().map(|r| r.len() as u64).collect();
    let mut work = 0u64;
    for (i, &len) in n.iter().enumerate() {
        let beside = if i > 0 { n[i - 1] } else { 0 } + n.get(i + 1).copied().unwrap_or(0);
        work = work.saturating_add(len * len * beside);
    }
    work.saturating_mul(50)
}

/// The property string that tells the backend which scene node a shape belongs to.
pub(crate) fn node_key(k: usize) -> String {
    format!("n{k}")
}

/// The property string that tells the backend which hop of which scene edge a path
/// belongs to.
pub(crate) fn hop_key(edge: usize, hop: usize) -> String {
    format!("e{edge}.{hop}")
}

/// Parse a node key.
pub(crate) fn parse_node_key(props: &Option<String>) -> Option<usize> {
    props.as_deref()?.strip_prefix('n')?.parse().ok()
}

/// Parse a hop key into (edge, hop).
pub(crate) fn parse_hop_key(props: &Option<String>) -> Option<(usize, usize)> {
    let (e, h) = props.as_deref()?.strip_prefix('e')?.split_once('.')?;
    Some((e.parse().ok()?, h.parse().ok()?))
}

/// A layout item: a scene node or a dummy on a long edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Node(usize),
    Dummy(usize),
}

/// Ranks and orders.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layering {
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

impl Layering {
    /// The (tail, head) scene nodes of edge `k` as laid out (tail to the left).
    pub(crate) fn ends(&self, k: usize) -> Option<(usize, usize)> {
        let p = self.ends.get(k)?;
        Some(*p)
    }
}

/// The index of an item among nodes then dummies.
fn item_index(it: Item, n_nodes: usize) -> usize {
    match it {
        Item::Node(k) => k,
        Item::Dummy(d) => n_nodes + d,
    }
}

#[cfg(test)]
mod tests;
