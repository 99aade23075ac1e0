//! What the page shows, gathered into one serde struct: the graph as graph.json
//! exports it, when each node and edge is first evidenced, the map's and the
//! timeline's positions from the draw crate, the path rule's edge ranks, and the
//! article texts.

use std::collections::BTreeMap;

use serde::Serialize;

use levelmap_draw::map::scene::DrawOptions;
use levelmap_draw::map::svg::{placement, SvgOptions};
use levelmap_draw::views::{layout, model, TimelineOptions};
use levelmap_model::graph::LevelGraph;
use levelmap_model::json::{to_export, GraphJson};
use levelmap_model::{EdgeKind, NodeKind, Origin};

use crate::{ExploreError, PageOptions};

/// The page's data schema.
const SCHEMA: &str = "levelmap/explore";
/// Its version.
const VERSION: u32 = 1;

/// One article's text, for the reader to open at a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleText {
    /// The title.
    pub title: String,
    /// The full text.
    pub text: String,
}

/// Everything the page shows (schema `levelmap/explore`).
#[derive(Debug, Serialize)]
pub struct PageData {
    schema: &'static str,
    version: u32,
    title: String,
    /// The graph, exactly as graph.json exports it (nodes and edges in graph order).
    graph: GraphJson,
    /// Per node: the day (days from 1970-01-01) it is first evidenced, if ever.
    first: Vec<Option<i64>>,
    /// Per edge: the day of the article that evidences it.
    edge_day: Vec<Option<i64>>,
    /// The days the time slider stops at, with their labels, in order.
    days: Vec<(i64, String)>,
    /// Items drafted by `levelmap extract` (not reviewed by a person).
    drafts: usize,
    /// The path rule: each edge kind's explanation rank (as `levelmap path` ranks
    /// them) and its words walked forward and backward.
    kinds: BTreeMap<EdgeKind, KindRule>,
    /// The edge kinds a path walks by default.
    path_edges: Vec<EdgeKind>,
    /// The argument map as graph.svg lays it out.
    map: Layout,
    /// The timeline as timeline.svg lays it out (absent without dated articles).
    timeline: Option<Layout>,
    /// Article texts by article id.
    texts: BTreeMap<String, ArticleText>,
}

/// How `levelmap path` ranks and words one edge kind.
#[derive(Debug, Clone, Serialize)]
struct KindRule {
    /// Explanation rank: lower explains better.
    rank: u8,
    /// Walked forward ("proposes").
    phrase: &'static str,
    /// Walked backward ("proposed by").
    inverse: &'static str,
}

/// Positions of one drawing.
#[derive(Debug, Clone, Default, Serialize)]
struct Layout {
    /// Boxes: [graph node index or -1, x, y, w, h] and a label for boxes that are not nodes.
    boxes: Vec<Placed>,
    /// Lines between boxes: [from box, to box, graph edge index or -1].
    lines: Vec<(usize, usize, i64)>,
}

/// One box.
#[derive(Debug, Clone, Serialize)]
struct Placed {
    /// Graph node index, or -1 for a box that stands for no node (the "other ideas" lane).
    n: i64,
    /// Left, top, width, height.
    r: [f64; 4],
    /// What the box shows, when it is not the node's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<String>,
}

/// Round to a tenth of a pixel (smaller page, same picture).
fn px(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn rect(x: f64, y: f64, w: f64, h: f64) -> [f64; 4] {
    [px(x), px(y), px(w), px(h)]
}

/// Gather the page's data.
pub(crate) fn gather(g: &LevelGraph, opts: &PageOptions) -> Result<PageData, ExploreError> {
    let edge_day: Vec<Option<i64>> = g
        .graph
        .edge_weights()
        .map(|e| g.evidence_date(e).map(|d| d.start_days()))
        .collect();
    let first = first_evidenced(g, &edge_day);
    let mut days: BTreeMap<i64, String> = BTreeMap::new();
    for e in g.graph.edge_weights() {
        if let Some(d) = g.evidence_date(e) {
            days.entry(d.start_days()).or_insert_with(|| d.to_string());
        }
    }
    for n in g.graph.node_weights() {
        if let (NodeKind::Article, Some(d)) = (n.kind, n.date()) {
            days.entry(d.start_days()).or_insert_with(|| d.to_string());
        }
    }
    let drafts = g
        .graph
        .node_weights()
        .map(|n| n.origin)
        .chain(g.graph.edge_weights().map(|e| e.origin))
        .filter(|o| matches!(o, Origin::Extracted(_)))
        .count();
    let edge_index: BTreeMap<String, usize> = g
        .graph
        .edge_indices()
        .map(|e| (g.edge_id(e), e.index()))
        .collect();
    let texts = opts
        .texts
        .iter()
        .filter(|(id, _)| g.find_article(id).is_some())
        .map(|(id, t)| (id.clone(), t.clone()))
        .collect();
    Ok(PageData {
        schema: SCHEMA,
        version: VERSION,
        title: opts.title.clone(),
        graph: to_export(g),
        first,
        edge_day,
        days: days.into_iter().collect(),
        drafts,
        kinds: EdgeKind::ALL
            .iter()
            .map(|&k| {
                let rule = KindRule {
                    rank: levelmap_query::explain_rank(k),
                    phrase: k.phrase(),
                    inverse: k.inverse_phrase(),
                };
                (k, rule)
            })
            .collect(),
        path_edges: levelmap_query::path::default_edges(),
        map: map_layout(g)?,
        timeline: timeline_layout(g, &edge_index),
        texts,
    })
}

impl PageData {
    /// The page title.
    pub(crate) fn title(&self) -> &str {
        &self.title
    }
}

/// When each node is first evidenced: an article at its date, anything else at the
/// earliest article that evidences it (its own quote, or an edge at it).
fn first_evidenced(g: &LevelGraph, edge_day: &[Option<i64>]) -> Vec<Option<i64>> {
    let mut first: Vec<Option<i64>> = g
        .graph
        .node_weights()
        .map(|n| match n.kind {
            NodeKind::Article | NodeKind::Claim => n.date().map(|d| d.start_days()),
            _ => None,
        })
        .collect();
    for e in g.graph.edge_indices() {
        let Some(day) = edge_day[e.index()] else {
            continue;
        };
        if let Some((a, b)) = g.graph.edge_endpoints(e) {
            for i in [a, b] {
                if g.node(i).kind == NodeKind::Article {
                    continue;
                }
                let f = &mut first[i.index()];
                *f = Some(f.map_or(day, |f| f.min(day)));
            }
        }
    }
    first
}

/// The map's boxes and lines, from the layout graph.svg is drawn with.
fn map_layout(g: &LevelGraph) -> Result<Layout, ExploreError> {
    let opts = SvgOptions {
        draw: DrawOptions::default(),
        ..Default::default()
    };
    let p = placement(g, &opts)?;
    Ok(Layout {
        boxes: p
            .nodes
            .iter()
            .map(|n| Placed {
                n: n.node as i64,
                r: rect(n.rect[0], n.rect[1], n.rect[2], n.rect[3]),
                t: None,
            })
            .collect(),
        lines: p
            .edges
            .iter()
            .map(|e| (e.from, e.to, e.edge.map_or(-1, |k| k as i64)))
            .collect(),
    })
}

/// The timeline's boxes (article cards, events, lane headings, claim chips) and links,
/// from the layout timeline.svg is drawn with; `None` when there is no timeline.
fn timeline_layout(g: &LevelGraph, edge_index: &BTreeMap<String, usize>) -> Option<Layout> {
    let tl = model::extract(g, &TimelineOptions::default()).ok()?;
    let mut tl = tl;
    layout::order_lanes(&mut tl);
    let lay = layout::lay_out(&tl, &layout::LayoutOptions::default());
    let node = |id: &str| g.find(id).map_or(-1, |i| i.index() as i64);
    let mut out = Layout::default();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    let mut push = |out: &mut Layout, id: &str, r: [f64; 4], t: Option<String>, key: bool| {
        if key || !at.contains_key(id) {
            at.insert(id.to_string(), out.boxes.len());
        }
        out.boxes.push(Placed { n: node(id), r, t });
    };
    for c in &lay.cards {
        let a = &tl.articles[c.item];
        push(
            &mut out,
            &a.id,
            rect(c.rect.x, c.rect.y, c.rect.w, c.rect.h),
            None,
            true,
        );
    }
    for e in &lay.events {
        let ev = &tl.events[e.item];
        push(
            &mut out,
            &ev.id,
            rect(e.rect.x, e.rect.y, e.rect.w, e.rect.h),
            None,
            true,
        );
    }
    for l in &lay.lanes {
        let lane = &tl.lanes[l.lane];
        let label = (node(&lane.id) < 0).then(|| lane.name.clone());
        push(
            &mut out,
            &lane.id,
            rect(l.label.x, l.label.y, l.label.w, l.label.h),
            label,
            true,
        );
    }
    for c in &lay.chips {
        push(
            &mut out,
            &c.id,
            rect(c.rect.x, c.rect.y, c.rect.w, c.rect.h),
            None,
            c.primary,
        );
    }
    for link in tl.links.iter().chain(&tl.lineage) {
        if let (Some(&a), Some(&b), Some(&e)) = (
            at.get(&link.from),
            at.get(&link.to),
            edge_index.get(&link.id),
        ) {
            out.lines.push((a, b, e as i64));
        }
    }
    Some(out)
}
