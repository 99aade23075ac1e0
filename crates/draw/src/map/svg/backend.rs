//! Our layout-rs rendering backend: it records what layout-rs draws (each node's box
//! and label, each hop of each edge), and from that gives the time-axis bands and
//! the path of every edge.

use std::collections::BTreeMap;

use ::layout::core::format::{ClipHandle, RenderBackend};
use ::layout::core::geometry::Point;
use ::layout::core::style::StyleAttr;

use super::paths::{catmull_rom, cubics, reverse, Cubic};
use crate::map::layout::{self, Layering};
use crate::map::scene::Scene;
use levelmap_model::NodeKind;

/// One node as drawn by layout-rs: its box and its label.
#[derive(Debug, Clone)]
pub(super) struct NodeDraw {
    /// Top-left corner.
    pub(super) xy: Point,
    /// Width and height.
    pub(super) size: Point,
    /// The label, lines joined by newlines.
    pub(super) text: String,
}

/// One hop of an edge as drawn by layout-rs: `M p0 C c0 c1 p1 S ...` as point pairs.
type HopDraw = Vec<(Point, Point)>;

/// Our layout-rs rendering backend: it records each node's shape and label and each
/// edge's path, keyed by the scene index layout-rs hands back in the `properties`
/// string, and then writes the document in a fixed order through [`SvgWriter`].
#[derive(Debug, Default)]
pub(crate) struct SvgBackend {
    pub(super) nodes: BTreeMap<usize, NodeDraw>,
    hops: BTreeMap<(usize, usize), HopDraw>,
    current: Option<usize>,
    clips: usize,
}

impl SvgBackend {
    fn shape(&mut self, xy: Point, size: Point, properties: &Option<String>) {
        self.current = layout::parse_node_key(properties);
        if let Some(k) = self.current {
            self.nodes.insert(
                k,
                NodeDraw {
                    xy,
                    size,
                    text: String::new(),
                },
            );
        }
    }
}

impl RenderBackend for SvgBackend {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        self.shape(xy, size, &properties);
    }

    fn draw_line(
        &mut self,
        _start: Point,
        _stop: Point,
        _look: &StyleAttr,
        _properties: Option<String>,
    ) {
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
    ) {
        // layout-rs gives the centre of an ellipse.
        self.shape(
            Point::new(xy.x - size.x / 2.0, xy.y - size.y / 2.0),
            size,
            &properties,
        );
    }

    fn draw_text(&mut self, _xy: Point, text: &str, _look: &StyleAttr) {
        if let Some(n) = self.current.and_then(|k| self.nodes.get_mut(&k)) {
            n.text = text.to_string();
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        _head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        self.current = None;
        if let Some(key) = layout::parse_hop_key(&properties) {
            if path.len() >= 2 {
                self.hops.insert(key, path.to_vec());
            }
        }
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded_px: usize) -> ClipHandle {
        self.clips += 1;
        self.clips
    }
}

/// The drawn boxes of an edge's layout tail and head.
fn l_edge_ends<'a>(
    l: &Layering,
    k: usize,
    b: &'a SvgBackend,
) -> Option<(&'a NodeDraw, &'a NodeDraw)> {
    let (t, h) = l.ends(k)?;
    if t == h {
        return None;
    }
    Some((b.nodes.get(&t)?, b.nodes.get(&h)?))
}

/// A band of the time axis: what is drawn for one article, or one claim date.
pub(super) struct Column {
    /// Its SVG id.
    pub(super) id: String,
    /// Its date.
    pub(super) label: String,
    /// Left, in layout coordinates.
    pub(super) x0: f64,
    /// Right, in layout coordinates.
    pub(super) x1: f64,
}

impl SvgBackend {
    /// The bands of the time axis, left to right, in layout coordinates: one per
    /// article (its claims and the entities in its column), or without articles one
    /// per date of the claims drawn.
    pub(super) fn columns(&self, s: &Scene) -> Vec<Column> {
        let mut span: BTreeMap<(Option<levelmap_model::date::PartialDate>, String), (f64, f64)> =
            BTreeMap::new();
        for (k, n) in s.nodes.iter().enumerate() {
            let key = match (s.timeline.is_empty(), n.slot, n.kind, n.date) {
                (false, Some(a), _, _) => (s.nodes[a].date, format!("column-{}", s.nodes[a].id)),
                (true, _, NodeKind::Claim, Some(d)) => (Some(d), format!("column-{d}")),
                _ => continue,
            };
            if let Some(d) = self.nodes.get(&k) {
                let e = span
                    .entry(key)
                    .or_insert((f64::INFINITY, f64::NEG_INFINITY));
                e.0 = e.0.min(d.xy.x);
                e.1 = e.1.max(d.xy.x + d.size.x);
            }
        }
        let mut out: Vec<Column> = span
            .into_iter()
            .map(|((date, id), (x0, x1))| Column {
                id,
                label: date.map(|d| d.to_string()).unwrap_or_default(),
                x0,
                x1,
            })
            .collect();
        out.sort_by(|a, b| a.x0.total_cmp(&b.x0).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// The path of scene edge `k` from its source to its target: layout-rs's curve for
    /// an edge between adjacent ranks, a Catmull-Rom spline through the hops of a
    /// longer one.
    pub(super) fn edge_path(&self, k: usize, l: &Layering) -> Option<Vec<Cubic>> {
        let hops = *l.hops.get(k)?;
        let segs = if hops == 1 {
            cubics(self.hops.get(&(k, 0))?)
        } else if hops > 1 {
            let mut pts = Vec::with_capacity(hops + 1);
            for h in 0..hops {
                let hop = self.hops.get(&(k, h))?;
                if h == 0 {
                    pts.push(hop.first()?.0);
                }
                pts.push(hop.last()?.1);
            }
            catmull_rom(&pts)
        } else {
            // Not routed: a curve straight from the tail's right side to the head's left.
            let (t, h) = l_edge_ends(l, k, self)?;
            let start = Point::new(t.xy.x + t.size.x, t.xy.y + t.size.y / 2.0);
            let end = Point::new(h.xy.x, h.xy.y + h.size.y / 2.0);
            let d = ((end.x - start.x) / 2.0).max(20.0);
            vec![[
                start,
                Point::new(start.x + d, start.y),
                Point::new(end.x - d, end.y),
                end,
            ]]
        };
        if segs.is_empty() {
            return None;
        }
        Some(if l.forward[k] { segs } else { reverse(&segs) })
    }
}
