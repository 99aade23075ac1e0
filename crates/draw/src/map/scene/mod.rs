//! What a drawing shows, decided once for DOT and SVG alike: a storyline of the
//! argument over time.
//!
//! Every edge is evidenced by an article, so every relation is drawn in the column of
//! the article that evidences it. Articles and claims appear once, in their article's
//! column; an actor, policy or event appears once in each article it takes part in
//! (its *occurrences*), and a thin *thread* joins its occurrences from one article to
//! the next. Edges stay short, a policy's life can be read along its thread, and the
//! drawing lays out fast. `mentions` edges are collapsed into the articles' tooltips.
//!
//! `scene` builds it in steps (`build`); the words of labels and tooltips are in
//! `labels`.

mod build;
mod labels;

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;

use crate::style;
use levelmap_model::date::PartialDate;
use levelmap_model::{EdgeKind, NodeKind, Stance};

pub(crate) use build::scene;

/// Font size of node labels, in px (SVG) or points (DOT).
pub(crate) const FONT_PX: f64 = 12.0;

/// Colour of the threads that join a node's occurrences.
pub(crate) const THREAD_COLOR: &str = "#90a4ae";

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
pub(crate) struct SceneNode {
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
pub(crate) struct SceneEdge {
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
    pub(crate) fn layout_ends(&self) -> (usize, usize) {
        if self.reversed {
            (self.to, self.from)
        } else {
            (self.from, self.to)
        }
    }

    /// Whether this is a thread between two occurrences of one node.
    pub(crate) fn is_thread(&self) -> bool {
        self.kind.is_none()
    }
}

/// Everything a drawing shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scene {
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
    pub(crate) fn node_kinds(&self) -> BTreeSet<NodeKind> {
        self.nodes.iter().map(|n| n.kind).collect()
    }

    /// Edge kinds drawn, in their fixed order.
    pub(crate) fn edge_kinds(&self) -> BTreeSet<EdgeKind> {
        self.edges.iter().filter_map(|e| e.kind).collect()
    }

    /// Whether any thread is drawn.
    pub(crate) fn has_threads(&self) -> bool {
        self.edges.iter().any(SceneEdge::is_thread)
    }

    /// Stances of the `about` edges drawn.
    pub(crate) fn stances(&self) -> BTreeSet<Stance> {
        self.edges.iter().filter_map(|e| e.stance).collect()
    }

    /// Edge indices in a topological order of their reading direction.
    pub(crate) fn layout_edge_order(&self) -> Vec<usize> {
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
pub(crate) fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

/// One row of a legend's edge samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EdgeSample {
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
    pub(crate) fn edge_samples(&self) -> Vec<EdgeSample> {
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

#[cfg(test)]
mod tests;
