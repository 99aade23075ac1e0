//! Building the scene of a graph, step by step: the names left out and the mentions
//! collapsed, the time axis (articles in date order), where each drawn edge and each
//! entity stands on it, the scene nodes (an entity once per article it takes part
//! in), the scene edges; then the threads between occurrences, and reading
//! directions made acyclic.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::labels::{edge_tooltip, label_lines, node_classes, node_tooltip};
use super::{DrawOptions, Scene, SceneEdge, SceneNode, THREAD_COLOR};
use crate::style;
use crate::text;
use levelmap_model::graph::{Edge, LevelGraph};
use levelmap_model::{EdgeKind, NodeKind, Origin};

/// Whether an edge is drawn (mentions are not, when collapsed).
fn drawn(opts: &DrawOptions, e: &Edge) -> bool {
    !(opts.collapse_mentions && e.kind == EdgeKind::Mentions)
}

/// Whether a node is an entity (actor, policy, event): drawn once per article.
fn is_entity(g: &LevelGraph, i: NodeIndex) -> bool {
    !matches!(g.node(i).kind, NodeKind::Article | NodeKind::Claim)
}

/// Names whose only links are collapsed mentions: left out.
fn hidden_names(g: &LevelGraph, opts: &DrawOptions) -> BTreeSet<NodeIndex> {
    let mut hidden = BTreeSet::new();
    if opts.collapse_mentions {
        for i in g.graph.node_indices() {
            if g.node(i).kind == NodeKind::Article {
                continue;
            }
            let mut edges = g
                .graph
                .edges_directed(i, petgraph::Direction::Outgoing)
                .chain(g.graph.edges_directed(i, petgraph::Direction::Incoming))
                .peekable();
            if edges.peek().is_some() && edges.all(|e| e.weight().kind == EdgeKind::Mentions) {
                hidden.insert(i);
            }
        }
    }
    hidden
}

/// The collapsed mentions: per source, the names it mentions; and how many.
fn collapsed_mentions<'g>(
    g: &'g LevelGraph,
    opts: &DrawOptions,
) -> (BTreeMap<NodeIndex, Vec<&'g str>>, usize) {
    let mut mentions: BTreeMap<NodeIndex, Vec<&str>> = BTreeMap::new();
    let mut collapsed = 0;
    for e in g.graph.edge_references() {
        if !drawn(opts, e.weight()) {
            collapsed += 1;
            mentions
                .entry(e.source())
                .or_default()
                .push(g.node(e.target()).label.as_ref());
        }
    }
    (mentions, collapsed)
}

/// The time axis: articles in date order are its slots.
struct Axis {
    articles: Vec<NodeIndex>,
    time_of: BTreeMap<NodeIndex, usize>,
}

impl Axis {
    fn of(g: &LevelGraph) -> Axis {
        let mut articles: Vec<NodeIndex> = g
            .graph
            .node_indices()
            .filter(|&i| g.node(i).kind == NodeKind::Article)
            .collect();
        articles.sort_by(|&a, &b| {
            (g.node(a).date(), &g.node(a).id).cmp(&(g.node(b).date(), &g.node(b).id))
        });
        let time_of: BTreeMap<NodeIndex, usize> =
            articles.iter().enumerate().map(|(t, &a)| (a, t)).collect();
        Axis { articles, time_of }
    }

    /// The slot (article node) of a node that has one of its own.
    fn own_slot(&self, g: &LevelGraph, i: NodeIndex) -> Option<NodeIndex> {
        match g.node(i).kind {
            NodeKind::Article | NodeKind::Claim => {
                g.article_of(i).filter(|a| self.time_of.contains_key(a))
            }
            _ => None,
        }
    }
}

/// An entity's slots as (time index, article), in time order (unplaced first).
type Slots = BTreeSet<(Option<usize>, Option<NodeIndex>)>;

/// Where things stand on the time axis.
struct Placement {
    /// The slot of each drawn edge: its evidence article, else a claim's or article's.
    edge_slot: BTreeMap<EdgeIndex, Option<NodeIndex>>,
    /// Per entity: its slots.
    occurrences: BTreeMap<NodeIndex, Slots>,
}

impl Placement {
    fn of(g: &LevelGraph, opts: &DrawOptions, hidden: &BTreeSet<NodeIndex>, axis: &Axis) -> Self {
        let mut edge_slot: BTreeMap<EdgeIndex, Option<NodeIndex>> = BTreeMap::new();
        let mut occurrences: BTreeMap<NodeIndex, Slots> = BTreeMap::new();
        for e in g.graph.edge_references() {
            if !drawn(opts, e.weight())
                || hidden.contains(&e.source())
                || hidden.contains(&e.target())
            {
                continue;
            }
            let ev = g
                .find_article(&e.weight().evidence.article)
                .filter(|a| axis.time_of.contains_key(a));
            let slot = ev
                .or_else(|| axis.own_slot(g, e.source()))
                .or_else(|| axis.own_slot(g, e.target()));
            edge_slot.insert(e.id(), slot);
            for end in [e.source(), e.target()] {
                if is_entity(g, end) {
                    occurrences
                        .entry(end)
                        .or_default()
                        .insert((slot.map(|s| axis.time_of[&s]), slot));
                }
            }
        }
        Placement {
            edge_slot,
            occurrences,
        }
    }
}

/// The scene nodes, and where each graph node went.
struct Nodes {
    nodes: Vec<SceneNode>,
    /// An article's or claim's scene node.
    single: BTreeMap<NodeIndex, usize>,
    /// An entity's scene node in a slot.
    occ: BTreeMap<(NodeIndex, Option<NodeIndex>), usize>,
    /// The articles' scene nodes, in date order.
    timeline: Vec<usize>,
}

impl Nodes {
    /// Nodes in graph order; an entity's occurrences in time order (unplaced first),
    /// each after the first with an id of its own (`id@article`).
    fn of(
        g: &LevelGraph,
        hidden: &BTreeSet<NodeIndex>,
        mentions: &BTreeMap<NodeIndex, Vec<&str>>,
        axis: &Axis,
        placement: &Placement,
    ) -> Nodes {
        let mut nodes: Vec<SceneNode> = Vec::new();
        let mut single: BTreeMap<NodeIndex, usize> = BTreeMap::new();
        let mut occ: BTreeMap<(NodeIndex, Option<NodeIndex>), usize> = BTreeMap::new();
        let mut slot_of_article: BTreeMap<NodeIndex, usize> = BTreeMap::new();
        let mut pending_slots: Vec<(usize, Option<NodeIndex>)> = Vec::new();
        for i in g.graph.node_indices() {
            if hidden.contains(&i) {
                continue;
            }
            let n = g.node(i);
            let ms = mentions.get(&i).map(Vec::as_slice).unwrap_or(&[]);
            let base = SceneNode {
                index: i,
                id: n.id.to_string(),
                node_id: n.id.to_string(),
                kind: n.kind,
                lines: label_lines(n),
                tooltip: node_tooltip(g, n, ms),
                classes: node_classes(n),
                date: n.date(),
                slot: None,
            };
            if is_entity(g, i) {
                let list: Vec<Option<NodeIndex>> = placement
                    .occurrences
                    .get(&i)
                    .map(|s| s.iter().map(|x| x.1).collect())
                    .unwrap_or_else(|| vec![None]);
                for (j, slot) in list.into_iter().enumerate() {
                    let mut node = base.clone();
                    if j > 0 {
                        if let Some(a) = slot {
                            let stem = g
                                .node(a)
                                .id
                                .strip_prefix("article:")
                                .unwrap_or(&g.node(a).id)
                                .to_string();
                            node.id = format!("{}@{stem}", n.id);
                        }
                    }
                    occ.insert((i, slot), nodes.len());
                    pending_slots.push((nodes.len(), slot));
                    nodes.push(node);
                }
            } else {
                if n.kind == NodeKind::Article {
                    slot_of_article.insert(i, nodes.len());
                }
                single.insert(i, nodes.len());
                pending_slots.push((nodes.len(), axis.own_slot(g, i)));
                nodes.push(base);
            }
        }
        for (k, slot) in pending_slots {
            nodes[k].slot = slot.and_then(|a| slot_of_article.get(&a).copied());
        }
        let timeline: Vec<usize> = axis
            .articles
            .iter()
            .filter_map(|a| slot_of_article.get(a).copied())
            .collect();
        Nodes {
            nodes,
            single,
            occ,
            timeline,
        }
    }

    /// The scene edges, in graph order: each drawn edge between the scene nodes of its
    /// ends in its slot, coloured by kind (by stance for `about`).
    fn edges(&self, g: &LevelGraph, placement: &Placement) -> Vec<SceneEdge> {
        let mut edges = Vec::new();
        for e in g.graph.edge_references() {
            let w = e.weight();
            let Some(&slot) = placement.edge_slot.get(&e.id()) else {
                continue;
            };
            let end = |i: NodeIndex| {
                if is_entity(g, i) {
                    self.occ.get(&(i, slot)).copied()
                } else {
                    self.single.get(&i).copied()
                }
            };
            let (Some(from), Some(to)) = (end(e.source()), end(e.target())) else {
                continue;
            };
            let color = if w.kind == EdgeKind::About {
                style::stance_color(w.stance)
            } else {
                style::edge_style(w.kind).color
            };
            let mut classes = format!("edge {}", style::class_name(w.kind.as_str()));
            if let Some(s) = w.stance {
                classes.push(' ');
                classes.push_str(&style::class_name(s.as_str()));
            }
            if matches!(w.origin, Origin::Extracted(_)) {
                classes.push_str(" extracted");
            }
            edges.push(SceneEdge {
                id: g.edge_id(e.id()),
                kind: Some(w.kind),
                from,
                to,
                tooltip: edge_tooltip(g, g.node(e.source()), g.node(e.target()), w),
                stance: w.stance,
                color,
                classes,
                reversed: lay_backwards(w.kind, &self.nodes[from], &self.nodes[to]),
            });
        }
        edges
    }
}

/// Build the scene for `g`.
pub(crate) fn scene(g: &LevelGraph, opts: &DrawOptions) -> Scene {
    let hidden = hidden_names(g, opts);
    let (mentions, collapsed) = collapsed_mentions(g, opts);
    let axis = Axis::of(g);
    let placement = Placement::of(g, opts, &hidden, &axis);
    let nodes = Nodes::of(g, &hidden, &mentions, &axis, &placement);
    let edges = nodes.edges(g, &placement);
    let mut s = Scene {
        title: opts.title.clone(),
        nodes: nodes.nodes,
        edges,
        timeline: nodes.timeline,
        collapsed_mentions: collapsed,
        hidden_nodes: hidden.len(),
    };
    add_threads(&mut s);
    break_cycles(&mut s);
    s
}

/// Join each entity's consecutive occurrences with a thread.
fn add_threads(s: &mut Scene) {
    let mut by_node: BTreeMap<NodeIndex, Vec<usize>> = BTreeMap::new();
    for (k, n) in s.nodes.iter().enumerate() {
        by_node.entry(n.index).or_default().push(k);
    }
    for list in by_node.values() {
        for (j, w) in list.windows(2).enumerate() {
            let (a, b) = (w[0], w[1]);
            let n = &s.nodes[a];
            let when = |k: usize| {
                s.nodes[k].slot.map(|t| {
                    format!(
                        "{} ({})",
                        text::one_line(&s.nodes[t].lines.join(" ")),
                        s.nodes[t].date.map(|d| d.to_string()).unwrap_or_default()
                    )
                })
            };
            let tooltip = format!(
                "{}: again in {}{}",
                text::one_line(s.nodes[a].tooltip.lines().next().unwrap_or_default()),
                when(b).unwrap_or_default(),
                when(a).map(|x| format!(", after {x}")).unwrap_or_default()
            );
            s.edges.push(SceneEdge {
                id: format!("thread:{}:{}", n.node_id, j + 1),
                kind: None,
                from: a,
                to: b,
                tooltip,
                stance: None,
                color: THREAD_COLOR,
                classes: format!("thread {}", style::class_name(n.kind.as_str())),
                reversed: false,
            });
        }
    }
}

/// Whether an edge reads better laid out from its target to its source (used where
/// there is no time axis): who spoke or published sits left of what they said, and
/// a later claim that echoes, supports or attacks an earlier one sits right of it.
fn lay_backwards(kind: EdgeKind, from: &SceneNode, to: &SceneNode) -> bool {
    match kind {
        EdgeKind::PublishedBy | EdgeKind::AttributedTo => true,
        EdgeKind::Supports | EdgeKind::Attacks | EdgeKind::Echoes => match (from.date, to.date) {
            (Some(a), Some(b)) => a > b,
            _ => false,
        },
        _ => false,
    }
}

/// Reverse the reading direction of back edges found by a depth-first search (in
/// index order), so that the edges in their reading direction form no cycle.
fn break_cycles(s: &mut Scene) {
    let n = s.nodes.len();
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (k, e) in s.edges.iter().enumerate() {
        let (a, b) = e.layout_ends();
        if a != b {
            out[a].push((b, k));
        }
    }
    // 0 = new, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; n];
    let mut flip = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(w, edge)) = out[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => flip.push(edge),
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    for k in flip {
        s.edges[k].reversed = !s.edges[k].reversed;
    }
}
