//! What a drawing shows, decided once for DOT and SVG alike: a storyline of the
//! argument over time.
//!
//! Every edge is evidenced by an article, so every relation is drawn in the column of
//! the article that evidences it. Articles and claims appear once, in their article's
//! column; an actor, policy or event appears once in each article it takes part in
//! (its *occurrences*), and a thin *thread* joins its occurrences from one article to
//! the next. Edges stay short, a policy's life can be read along its thread, and the
//! drawing lays out fast. `mentions` edges are collapsed into the articles' tooltips.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::style;
use crate::text;
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{article_node_id, EdgeKind, NodeKind, Origin, Stance};

/// Font size of node labels, in px (SVG) or points (DOT).
pub const FONT_PX: f64 = 12.0;

/// Colour of the threads that join a node's occurrences.
pub const THREAD_COLOR: &str = "#90a4ae";

/// How to turn a graph into a drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawOptions {
    /// Do not draw `mentions` edges: list them in each article's tooltip instead, and
    /// leave out the names that are only mentioned (a count says how many).
    pub collapse_mentions: bool,
    /// The title written above the drawing.
    pub title: String,
}

impl Default for DrawOptions {
    fn default() -> Self {
        DrawOptions {
            collapse_mentions: true,
            title: "levelmap".to_string(),
        }
    }
}

/// A node to draw: an article, a claim, or one occurrence of an actor, policy or event.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    /// Its index in the graph the scene was made from.
    pub index: NodeIndex,
    /// The element id: the node id, with `@<article>` on an entity's later occurrences.
    pub id: String,
    /// The node id in the graph (`policy:levelling-up`).
    pub node_id: String,
    /// Its kind.
    pub kind: NodeKind,
    /// The label, wrapped to fit the node (an article's date is not part of it).
    pub lines: Vec<String>,
    /// The full text: label, quote, date, id.
    pub tooltip: String,
    /// CSS classes: `node <kind>` and `hedged` / `extracted` where they apply.
    pub classes: String,
    /// The node's own date, if any.
    pub date: Option<PartialDate>,
    /// The article (scene index) whose column this occurrence is drawn in: an
    /// article's own, a claim's article, the article that evidences an entity's edges.
    pub slot: Option<usize>,
}

/// An edge to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneEdge {
    /// The stable element id: the edge id ([`LevelGraph::edge_id`]), or
    /// `thread:<node id>:<n>` for a thread.
    pub id: String,
    /// Its kind; `None` for a thread.
    pub kind: Option<EdgeKind>,
    /// Scene index of the source.
    pub from: usize,
    /// Scene index of the target.
    pub to: usize,
    /// The relation in words, the quote and its article.
    pub tooltip: String,
    /// For `about`.
    pub stance: Option<Stance>,
    /// Stroke colour: the kind's, or the stance's for `about`.
    pub color: &'static str,
    /// CSS classes: `edge <kind>` (and the stance for `about`) or `thread <kind>`.
    pub classes: String,
    /// Lay the edge out from `to` to `from` when there is no time axis to place it
    /// (the arrowhead stays at `to`), so that the layout graph has no cycle.
    pub reversed: bool,
}

impl SceneEdge {
    /// The (tail, head) of the edge in its reading direction.
    pub fn layout_ends(&self) -> (usize, usize) {
        if self.reversed {
            (self.to, self.from)
        } else {
            (self.from, self.to)
        }
    }

    /// Whether this is a thread between two occurrences of one node.
    pub fn is_thread(&self) -> bool {
        self.kind.is_none()
    }
}

/// Everything a drawing shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The title.
    pub title: String,
    /// Nodes: graph order, an entity's occurrences in time order.
    pub nodes: Vec<SceneNode>,
    /// Edges in graph order, then threads.
    pub edges: Vec<SceneEdge>,
    /// Articles (scene indices) in date order: the time axis, left to right.
    pub timeline: Vec<usize>,
    /// `mentions` edges not drawn (listed in article tooltips instead).
    pub collapsed_mentions: usize,
    /// Nodes left out because their only links were collapsed mentions.
    pub hidden_nodes: usize,
}

impl Scene {
    /// Node kinds drawn, in their fixed order.
    pub fn node_kinds(&self) -> BTreeSet<NodeKind> {
        self.nodes.iter().map(|n| n.kind).collect()
    }

    /// Edge kinds drawn, in their fixed order.
    pub fn edge_kinds(&self) -> BTreeSet<EdgeKind> {
        self.edges.iter().filter_map(|e| e.kind).collect()
    }

    /// Whether any thread is drawn.
    pub fn has_threads(&self) -> bool {
        self.edges.iter().any(SceneEdge::is_thread)
    }

    /// Stances of the `about` edges drawn.
    pub fn stances(&self) -> BTreeSet<Stance> {
        self.edges.iter().filter_map(|e| e.stance).collect()
    }

    /// Edge indices in a topological order of their reading direction.
    pub fn layout_edge_order(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut indeg = vec![0usize; n];
        for e in &self.edges {
            let (a, b) = e.layout_ends();
            if a != b {
                succ[a].push(b);
                indeg[b] += 1;
            }
        }
        let mut ready: BTreeSet<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
        let mut pos = vec![usize::MAX; n];
        let mut k = 0;
        while let Some(i) = ready.pop_first() {
            pos[i] = k;
            k += 1;
            for &j in &succ[i] {
                indeg[j] -= 1;
                if indeg[j] == 0 {
                    ready.insert(j);
                }
            }
        }
        let mut order: Vec<usize> = (0..self.edges.len()).collect();
        order.sort_by_key(|&e| {
            let (a, b) = self.edges[e].layout_ends();
            (pos[a], pos[b], e)
        });
        order
    }
}

/// "1 article", "5 articles".
pub fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

/// One row of a legend's edge samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeSample {
    /// A key for element ids (`attacks`, `about-for`, `thread`).
    pub key: String,
    /// The words shown.
    pub label: String,
    /// The edge kind; `None` for threads.
    pub kind: Option<EdgeKind>,
    /// The colour.
    pub color: &'static str,
}

impl Scene {
    /// The legend's edge samples: one per edge kind drawn (one per stance for
    /// `about`), and threads.
    pub fn edge_samples(&self) -> Vec<EdgeSample> {
        let mut out = Vec::new();
        let mut push = |key: String, label: String, kind: Option<EdgeKind>, color| {
            out.push(EdgeSample {
                key,
                label,
                kind,
                color,
            })
        };
        for kind in self.edge_kinds() {
            if kind == EdgeKind::About {
                for st in self.stances() {
                    push(
                        format!("about-{st}"),
                        format!("about ({st})"),
                        Some(kind),
                        style::stance_color(Some(st)),
                    );
                }
                if self
                    .edges
                    .iter()
                    .any(|e| e.kind == Some(kind) && e.stance.is_none())
                {
                    push(
                        "about".into(),
                        "about".into(),
                        Some(kind),
                        style::stance_color(None),
                    );
                }
            } else {
                push(
                    kind.as_str().into(),
                    kind.phrase().into(),
                    Some(kind),
                    style::edge_style(kind).color,
                );
            }
        }
        if self.has_threads() {
            push(
                "thread".into(),
                "same name, next article".into(),
                None,
                THREAD_COLOR,
            );
        }
        out
    }
}

/// Build the scene for `g`.
pub fn scene(g: &LevelGraph, opts: &DrawOptions) -> Scene {
    let drawn_edge = |e: &Edge| !(opts.collapse_mentions && e.kind == EdgeKind::Mentions);
    // Names whose only links are collapsed mentions are left out.
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
    let mut mentions: BTreeMap<NodeIndex, Vec<&str>> = BTreeMap::new();
    let mut collapsed = 0;
    for e in g.graph.edge_references() {
        if !drawn_edge(e.weight()) {
            collapsed += 1;
            mentions
                .entry(e.source())
                .or_default()
                .push(g.node(e.target()).label.as_ref());
        }
    }

    // Articles in date order are the slots of the time axis.
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
    // The slot (article node) of a node that has one of its own.
    let own_slot = |i: NodeIndex| match g.node(i).kind {
        NodeKind::Article | NodeKind::Claim => g.article_of(i).filter(|a| time_of.contains_key(a)),
        _ => None,
    };
    // The slot of each drawn edge: its evidence article, else a claim's or article's.
    let mut edge_slot: BTreeMap<petgraph::graph::EdgeIndex, Option<NodeIndex>> = BTreeMap::new();
    // Per entity: its slots as (time index, article), in time order (unplaced first).
    type Slots = BTreeSet<(Option<usize>, Option<NodeIndex>)>;
    let mut occurrences: BTreeMap<NodeIndex, Slots> = BTreeMap::new();
    let is_entity = |i: NodeIndex| !matches!(g.node(i).kind, NodeKind::Article | NodeKind::Claim);
    for e in g.graph.edge_references() {
        if !drawn_edge(e.weight()) || hidden.contains(&e.source()) || hidden.contains(&e.target()) {
            continue;
        }
        let ev = g
            .find(&article_node_id(&e.weight().evidence.article))
            .filter(|a| time_of.contains_key(a));
        let slot = ev
            .or_else(|| own_slot(e.source()))
            .or_else(|| own_slot(e.target()));
        edge_slot.insert(e.id(), slot);
        for end in [e.source(), e.target()] {
            if is_entity(end) {
                occurrences
                    .entry(end)
                    .or_default()
                    .insert((slot.map(|s| time_of[&s]), slot));
            }
        }
    }

    // Nodes: graph order; an entity's occurrences in time order (unplaced first).
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
        if is_entity(i) {
            let list: Vec<Option<NodeIndex>> = occurrences
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
            pending_slots.push((nodes.len(), own_slot(i)));
            nodes.push(base);
        }
    }
    for (k, slot) in pending_slots {
        nodes[k].slot = slot.and_then(|a| slot_of_article.get(&a).copied());
    }
    let timeline: Vec<usize> = articles
        .iter()
        .filter_map(|a| slot_of_article.get(a).copied())
        .collect();

    let mut edges = Vec::new();
    for e in g.graph.edge_references() {
        let w = e.weight();
        let Some(&slot) = edge_slot.get(&e.id()) else {
            continue;
        };
        let end = |i: NodeIndex| {
            if is_entity(i) {
                occ.get(&(i, slot)).copied()
            } else {
                single.get(&i).copied()
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
            reversed: lay_backwards(w.kind, &nodes[from], &nodes[to]),
        });
    }
    let mut s = Scene {
        title: opts.title.clone(),
        nodes,
        edges,
        timeline,
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

/// Label lines for a node: dates first on the time axis, names wrapped.
fn label_lines(n: &Node) -> Vec<String> {
    let wrap = |s: &str, px: f64, lines: usize| text::wrap_label(s, FONT_PX, px, lines);
    match (&n.data, n.kind) {
        (NodeData::Article { title, .. }, _) => wrap(title, 170.0, 4),
        (NodeData::Claim { text, .. }, _) => wrap(text, 190.0, 6),
        (NodeData::Entity { date: Some(d), .. }, NodeKind::Event) => {
            let mut v = wrap(&n.label, 140.0, 3);
            v.push(d.to_string());
            v
        }
        _ => wrap(&n.label, 140.0, 3),
    }
}

fn node_classes(n: &Node) -> String {
    let mut c = format!("node {}", style::class_name(n.kind.as_str()));
    if let NodeData::Claim { hedged: true, .. } = n.data {
        c.push_str(" hedged");
    }
    if matches!(n.origin, Origin::Extracted(_)) {
        c.push_str(" extracted");
    }
    c
}

/// "“quote” (Article title, 2020-09)".
fn cite(g: &LevelGraph, article: &str, quote: &str) -> String {
    let q = text::one_line(quote);
    match g.find(&article_node_id(article)).map(|i| g.node(i)) {
        Some(a) => match a.date() {
            Some(d) => format!("\u{201c}{q}\u{201d} ({}, {d})", text::one_line(&a.label)),
            None => format!("\u{201c}{q}\u{201d} ({})", text::one_line(&a.label)),
        },
        None => format!("\u{201c}{q}\u{201d} ({article})"),
    }
}

fn origin_note(o: Origin) -> Option<String> {
    match o {
        Origin::Extracted(c) => Some(format!(
            "drafted by levelmap extract (confidence {c:.2}), not reviewed"
        )),
        _ => None,
    }
}

fn node_tooltip(g: &LevelGraph, n: &Node, mentions: &[&str]) -> String {
    let mut t = vec![text::one_line(&n.label)];
    match &n.data {
        NodeData::Article { date, url, .. } => {
            let mut d = format!("{} ({}", date.value, date.provenance);
            if let Some(r) = &date.reasoning {
                d.push_str(&format!(": {}", text::one_line(r)));
            }
            d.push(')');
            t.push(d);
            if let Some(u) = url {
                t.push(text::one_line(u));
            }
            if !mentions.is_empty() {
                let mut m: Vec<&str> = mentions.to_vec();
                m.sort();
                m.dedup();
                t.push(format!(
                    "mentions ({}): {}",
                    m.len(),
                    m.iter()
                        .map(|s| text::one_line(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        NodeData::Claim {
            evidence,
            claim_kind,
            speaker,
            hedged,
            ..
        } => {
            t.push(cite(g, &evidence.article, &evidence.quote));
            let mut k = claim_kind.to_string();
            if *hedged {
                k.push_str(", hedged");
            }
            if let Some(s) = speaker {
                let name = g.find(s).map_or(s.as_str(), |i| g.node(i).label.as_ref());
                k.push_str(&format!(", said by {}", text::one_line(name)));
            }
            t.push(k);
        }
        NodeData::Entity {
            subkind,
            aliases,
            description,
            date,
            roles,
        } => {
            let mut k = subkind.clone();
            if let Some(d) = date {
                k.push_str(&format!(", {d}"));
            }
            t.push(k);
            if let Some(d) = description {
                t.push(text::one_line(d));
            }
            if !aliases.is_empty() {
                t.push(format!(
                    "also: {}",
                    aliases
                        .iter()
                        .map(|a| text::one_line(a))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            for r in roles {
                let mut s = text::one_line(&r.title);
                if let Some(f) = r.from {
                    s.push_str(&format!(" from {f}"));
                }
                if let Some(to) = r.to {
                    s.push_str(&format!(" to {to}"));
                }
                t.push(s);
            }
        }
    }
    t.extend(origin_note(n.origin));
    t.push(n.id.to_string());
    t.join("\n")
}

fn edge_tooltip(g: &LevelGraph, from: &Node, to: &Node, e: &Edge) -> String {
    let mut head = format!(
        "{} \u{2014} {} \u{2192} {}",
        text::one_line(&from.label),
        e.kind.phrase(),
        text::one_line(&to.label)
    );
    if let Some(s) = e.stance {
        head.push_str(&format!(" ({s})"));
    }
    let mut t = vec![head, cite(g, &e.evidence.article, &e.evidence.quote)];
    if let Some(n) = &e.note {
        t.push(format!("note: {}", text::one_line(n)));
    }
    t.extend(origin_note(e.origin));
    t.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_testkit::map as synth;

    #[test]
    fn reading_directions_are_acyclic() {
        let g = synth::argument_map(&synth::SynthOptions {
            nodes: 300,
            seed: 7,
            cycles: true,
        });
        let s = scene(&g, &DrawOptions::default());
        let mut pg = petgraph::graph::DiGraph::<(), ()>::new();
        let ids: Vec<_> = (0..s.nodes.len()).map(|_| pg.add_node(())).collect();
        for e in &s.edges {
            let (a, b) = e.layout_ends();
            pg.add_edge(ids[a], ids[b], ());
        }
        assert!(!petgraph::algo::is_cyclic_directed(&pg));
        assert_eq!(s.layout_edge_order().len(), s.edges.len());
    }

    #[test]
    fn collapsed_mentions_hide_mention_only_names() {
        let g = synth::argument_map(&synth::SynthOptions {
            nodes: 120,
            seed: 1,
            cycles: false,
        });
        let all = scene(
            &g,
            &DrawOptions {
                collapse_mentions: false,
                ..Default::default()
            },
        );
        let collapsed = scene(&g, &DrawOptions::default());
        let count = |s: &Scene| {
            s.edges
                .iter()
                .filter(|e| e.kind == Some(EdgeKind::Mentions))
                .count()
        };
        assert!(count(&all) > 0);
        assert_eq!(count(&collapsed), 0);
        assert_eq!(collapsed.collapsed_mentions, count(&all));
        let distinct = |s: &Scene| {
            s.nodes
                .iter()
                .map(|n| n.index)
                .collect::<BTreeSet<_>>()
                .len()
        };
        assert_eq!(
            distinct(&collapsed) + collapsed.hidden_nodes,
            distinct(&all)
        );
    }

    #[test]
    fn entities_appear_once_per_article_and_threads_join_them() {
        let g = synth::argument_map(&synth::SynthOptions {
            nodes: 200,
            seed: 3,
            cycles: false,
        });
        let s = scene(&g, &DrawOptions::default());
        let ids: BTreeSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids.len(), s.nodes.len(), "element ids are unique");
        for e in s.edges.iter().filter(|e| !e.is_thread()) {
            // An edge joins nodes drawn in its evidence article's column (or the claim's).
            for end in [e.from, e.to] {
                let n = &s.nodes[end];
                if !matches!(n.kind, NodeKind::Article | NodeKind::Claim) {
                    assert!(n.slot.is_some(), "{} has no column", n.id);
                }
            }
        }
        let occurrences = s.nodes.len()
            - s.nodes
                .iter()
                .map(|n| n.index)
                .collect::<BTreeSet<_>>()
                .len();
        assert_eq!(
            s.edges.iter().filter(|e| e.is_thread()).count(),
            occurrences
        );
        let dates: Vec<_> = s.timeline.iter().map(|&k| s.nodes[k].date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    }
}
