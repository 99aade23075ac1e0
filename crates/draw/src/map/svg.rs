//! `graph.svg`: the drawing laid out in pure Rust by layout-rs, and written by our own
//! [`RenderBackend`] through [`SvgWriter`]: stable ids (node ids and edge ids), a
//! class per node and edge kind, `<title>` tooltips with the full text and quote, the
//! label inside each node's group, a legend and a time axis. No Graphviz needed.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use ::layout::core::format::{ClipHandle, RenderBackend};
use ::layout::core::geometry::Point;
use ::layout::core::style::StyleAttr;

use crate::map::layout::{self, Engine, Layering, LayoutError, LayoutLimits, LayoutStats};
use crate::map::scene::{articles, scene, DrawOptions, Scene, FONT_PX};
use crate::style;
use crate::svgw::{num, SvgWriter};
use crate::text;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind};

/// How to write SVG.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SvgOptions {
    /// What to draw.
    pub draw: DrawOptions,
    /// Bounds on layout work.
    pub limits: LayoutLimits,
}

/// Why an SVG could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SvgError {
    /// The layout failed (an empty view).
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// Writing failed.
    #[error("cannot write the SVG: {0}")]
    Io(#[from] io::Error),
}

/// What writing the SVG did, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SvgReport {
    /// The layout's statistics.
    pub stats: LayoutStats,
    /// Things the reader should know: the layout of a large view was simplified.
    pub warnings: Vec<String>,
    /// What the layout did, in one line, for a summary.
    pub note: String,
}

/// Views with more nodes than this are large: skipping the crossing optimiser on
/// them is worth a warning.
const LARGE_VIEW: usize = 1000;

const LINE_H: f64 = 15.0;
const PAD_X: f64 = 9.0;
const PAD_Y: f64 = 6.0;
const MARGIN: f64 = 24.0;

/// Width and height of each node's shape, from its label.
fn node_size(n: &crate::map::scene::SceneNode) -> (f64, f64) {
    let mut lines: Vec<(String, f64)> = n.lines.iter().map(|l| (l.clone(), FONT_PX)).collect();
    if n.kind == NodeKind::Article {
        if let Some(d) = n.date {
            lines.insert(0, (d.to_string(), FONT_PX));
        }
    }
    let w = lines
        .iter()
        .map(|(l, f)| text::label_width(l, *f))
        .fold(0.0, f64::max);
    let h = lines.len().max(1) as f64 * LINE_H;
    let (extra_w, extra_h) = match n.kind {
        NodeKind::Actor => (26.0, 10.0),
        NodeKind::Policy => (22.0, 0.0),
        NodeKind::Event => (16.0, 0.0),
        NodeKind::Article => (10.0, 0.0),
        NodeKind::Claim => (0.0, 0.0),
    };
    (
        (w + 2.0 * PAD_X + extra_w).max(48.0).ceil(),
        (h + 2.0 * PAD_Y + extra_h).ceil(),
    )
}

/// One node as drawn by layout-rs: its box and its label.
#[derive(Debug, Clone)]
struct NodeDraw {
    /// Top-left corner.
    xy: Point,
    size: Point,
    text: String,
}

/// One hop of an edge as drawn by layout-rs: `M p0 C c0 c1 p1 S ...` as point pairs.
type HopDraw = Vec<(Point, Point)>;

/// Our layout-rs rendering backend: it records each node's shape and label and each
/// edge's path, keyed by the scene index layout-rs hands back in the `properties`
/// string, and then writes the document in a fixed order through [`SvgWriter`].
#[derive(Debug, Default)]
pub struct SvgBackend {
    nodes: BTreeMap<usize, NodeDraw>,
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

/// A cubic Bézier segment: start, two controls, end.
type Cubic = [Point; 4];

/// layout-rs's path (`M p0 C c0 c1 p1 S c2 p2 ...`) as explicit cubic segments.
fn cubics(path: &[(Point, Point)]) -> Vec<Cubic> {
    let mut out: Vec<Cubic> = Vec::new();
    if path.len() < 2 {
        return out;
    }
    out.push([path[0].0, path[0].1, path[1].0, path[1].1]);
    for p in &path[2..] {
        let prev = out[out.len() - 1];
        // `S`: the first control point mirrors the previous second control point.
        let c1 = Point::new(2.0 * prev[3].x - prev[2].x, 2.0 * prev[3].y - prev[2].y);
        out.push([prev[3], c1, p.0, p.1]);
    }
    out
}

fn path_d(segs: &[Cubic], shift: Point) -> String {
    let p = |q: Point| format!("{},{}", num(q.x + shift.x), num(q.y + shift.y));
    let mut d = format!("M{}", p(segs[0][0]));
    for s in segs {
        d.push_str(&format!(" C{} {} {}", p(s[1]), p(s[2]), p(s[3])));
    }
    d
}

/// Pull the end of a path back by `by` px along its last tangent, so that an arrowhead
/// drawn from there ends on the node's border.
fn shorten_end(segs: &mut [Cubic], by: f64) {
    if let Some(last) = segs.last_mut() {
        let (end, ctrl) = (last[3], last[2]);
        let (dx, dy) = (end.x - ctrl.x, end.y - ctrl.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len > by {
            let t = Point::new(dx / len * by, dy / len * by);
            last[3] = Point::new(end.x - t.x, end.y - t.y);
            last[2] = Point::new(ctrl.x - t.x, ctrl.y - t.y);
        }
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

/// A smooth curve through `pts` (Catmull-Rom, as cubic Bézier segments).
fn catmull_rom(pts: &[Point]) -> Vec<Cubic> {
    let n = pts.len();
    let at = |i: isize| pts[i.clamp(0, n as isize - 1) as usize];
    (0..n.saturating_sub(1) as isize)
        .map(|i| {
            let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
            let c1 = Point::new(p1.x + (p2.x - p0.x) / 6.0, p1.y + (p2.y - p0.y) / 6.0);
            let c2 = Point::new(p2.x - (p3.x - p1.x) / 6.0, p2.y - (p3.y - p1.y) / 6.0);
            [p1, c1, c2, p2]
        })
        .collect()
}

fn reverse(segs: &[Cubic]) -> Vec<Cubic> {
    segs.iter()
        .rev()
        .map(|s| [s[3], s[2], s[1], s[0]])
        .collect()
}

/// Write `g` as SVG.
pub fn write_svg(
    g: &LevelGraph,
    opts: &SvgOptions,
    w: &mut impl Write,
) -> Result<SvgReport, SvgError> {
    let s = scene(g, &opts.draw);
    let (doc, report) = render_scene(&s, &opts.limits)?;
    w.write_all(doc.as_bytes())?;
    Ok(report)
}

/// Lay out and draw a scene; returns the document and the report.
pub fn render_scene(s: &Scene, limits: &LayoutLimits) -> Result<(String, SvgReport), SvgError> {
    let sizes: Vec<(f64, f64)> = s.nodes.iter().map(node_size).collect();
    let labels: Vec<String> = s.nodes.iter().map(|n| n.lines.join("\n")).collect();
    let mut backend = SvgBackend::default();
    let (layering, stats) = layout::run(s, &sizes, &labels, limits, &mut backend)?;
    let mut warnings = Vec::new();
    if stats.engine == Engine::Fast {
        warnings.push(format!(
            "the SVG has {} nodes, more than layout-rs lays out in reasonable time ({}): it was placed by levelmap's fast placement; draw a smaller view (export --around, --kind, --from/--to) or render the DOT with Graphviz for a finer drawing",
            stats.nodes, limits.layout_rs_up_to
        ));
    } else if !stats.optimised && stats.nodes > LARGE_VIEW {
        warnings.push(format!(
            "the SVG has {} nodes: layout-rs's crossing optimiser was skipped (estimated work {} > {}); ranks keep levelmap's barycentre order",
            stats.nodes, stats.optimiser_work, limits.optimiser_work
        ));
    }
    let mut note = format!(
        "{} nodes in {} columns, {} edges ({} routed through {} bends",
        stats.nodes,
        stats.ranks,
        stats.edges,
        stats.edges - stats.unrouted,
        stats.dummies
    );
    if stats.unrouted > 0 {
        note.push_str(&format!(", {} long ones drawn straight", stats.unrouted));
    }
    note.push_str(&format!(
        ") and {} threads, {}, {}",
        stats.threads,
        if stats.engine == Engine::Fast {
            "fast placement"
        } else {
            "laid out by layout-rs"
        },
        if stats.optimised {
            "crossing optimiser on"
        } else {
            "barycentre order (crossing optimiser skipped: too much work)"
        }
    ));
    let doc = backend.finish(s, &layering, &warnings);
    Ok((
        doc,
        SvgReport {
            stats,
            warnings,
            note,
        },
    ))
}

/// A marker id for an arrowhead of a colour (open for `about`).
fn marker_id(color: &str, open: bool) -> String {
    format!(
        "{}{}",
        if open { "head-open-" } else { "head-" },
        color.trim_start_matches('#')
    )
}

fn css() -> String {
    let mut c = String::from(
        "text{font-family:Helvetica,Arial,sans-serif;font-size:12px;fill:#212121}\
         .title{font-size:18px;font-weight:bold}.note{font-size:11px;fill:#616161}\
         .legend-label{font-size:11px}.axis-label{font-size:11px;fill:#5d4037;font-weight:bold}\
         .date{font-weight:bold;fill:#5d4037}\
         .edge:hover .line,.thread:hover .line{stroke-width:3.5}.node:hover .shape{stroke-width:2.5}\
         .node.extracted .shape{stroke-dasharray:2 2;opacity:.8}",
    );
    for kind in NodeKind::ALL {
        let st = style::node_style(*kind);
        c.push_str(&format!(
            ".node.{} .shape{{fill:{};stroke:{}}}",
            style::class_name(kind.as_str()),
            st.fill,
            st.stroke
        ));
    }
    c
}

/// The outline of a node kind's shape in a box.
fn shape(w: &mut SvgWriter, kind: NodeKind, x: f64, y: f64, wd: f64, h: f64, hedged: bool) {
    let st = style::node_style(kind);
    let mut a: Vec<(&'static str, String)> = vec![
        ("class", "shape".into()),
        ("fill", st.fill.into()),
        ("stroke", st.stroke.into()),
        ("stroke-width", "1.2".into()),
    ];
    if hedged {
        a.push(("stroke-dasharray", "4 3".into()));
    }
    let refs = |mut extra: Vec<(&'static str, String)>| -> Vec<(&'static str, String)> {
        extra.extend(a.iter().cloned());
        extra
    };
    let emit = |w: &mut SvgWriter, tag: &str, list: Vec<(&'static str, String)>| {
        w.empty(tag, &as_refs(&list));
    };
    match kind {
        NodeKind::Actor => emit(
            w,
            "ellipse",
            refs(vec![
                ("cx", num(x + wd / 2.0)),
                ("cy", num(y + h / 2.0)),
                ("rx", num(wd / 2.0)),
                ("ry", num(h / 2.0)),
            ]),
        ),
        NodeKind::Claim => emit(
            w,
            "rect",
            refs(vec![
                ("x", num(x)),
                ("y", num(y)),
                ("width", num(wd)),
                ("height", num(h)),
                ("rx", "6".into()),
            ]),
        ),
        NodeKind::Article => {
            let f = 10.0_f64.min(h / 3.0);
            let d = format!(
                "M{},{} H{} L{},{} V{} H{} Z M{},{} V{} H{}",
                num(x),
                num(y),
                num(x + wd - f),
                num(x + wd),
                num(y + f),
                num(y + h),
                num(x),
                num(x + wd - f),
                num(y),
                num(y + f),
                num(x + wd)
            );
            emit(w, "path", refs(vec![("d", d)]));
        }
        NodeKind::Policy => {
            let i = 11.0_f64.min(wd / 4.0);
            let pts = format!(
                "{},{} {},{} {},{} {},{} {},{} {},{}",
                num(x + i),
                num(y),
                num(x + wd - i),
                num(y),
                num(x + wd),
                num(y + h / 2.0),
                num(x + wd - i),
                num(y + h),
                num(x + i),
                num(y + h),
                num(x),
                num(y + h / 2.0)
            );
            emit(w, "polygon", refs(vec![("points", pts)]));
        }
        NodeKind::Event => {
            let i = 10.0_f64.min(wd / 4.0);
            let pts = format!(
                "{},{} {},{} {},{} {},{} {},{}",
                num(x),
                num(y),
                num(x + wd - i),
                num(y),
                num(x + wd),
                num(y + h / 2.0),
                num(x + wd - i),
                num(y + h),
                num(x),
                num(y + h)
            );
            emit(w, "polygon", refs(vec![("points", pts)]));
        }
    }
}

fn stroke_attrs(kind: Option<EdgeKind>, color: &str) -> Vec<(&'static str, String)> {
    let (width, dash) = match kind {
        Some(k) => (style::edge_style(k).width, style::edge_style(k).dash),
        None => (1.2, "1 3"),
    };
    let mut v = vec![
        ("stroke", color.to_string()),
        ("stroke-width", num(width)),
        ("fill", "none".to_string()),
    ];
    if !dash.is_empty() {
        v.push(("stroke-dasharray", dash.to_string()));
    }
    v
}

/// The arrowhead of an edge kind in a colour (none for threads).
fn marker_for(kind: Option<EdgeKind>, color: &str) -> Option<String> {
    kind.map(|k| format!("url(#{})", marker_id(color, k == EdgeKind::About)))
}

fn as_refs<'a>(v: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, x)| (*k, x.as_str())).collect()
}

/// A band of the time axis: what is drawn for one article, or one claim date.
struct Column {
    id: String,
    label: String,
    x0: f64,
    x1: f64,
}

impl SvgBackend {
    /// The bands of the time axis, left to right, in layout coordinates: one per
    /// article (its claims and the entities in its column), or without articles one
    /// per date of the claims drawn.
    fn columns(&self, s: &Scene) -> Vec<Column> {
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
    fn edge_path(&self, k: usize, l: &Layering) -> Option<Vec<Cubic>> {
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

    /// Write the document: title, legend, time axis, edges, then nodes (so that labels
    /// stay on top), each in scene order.
    pub fn finish(&self, s: &Scene, l: &Layering, warnings: &[String]) -> String {
        let edge_paths: Vec<Option<Vec<Cubic>>> =
            (0..s.edges.len()).map(|k| self.edge_path(k, l)).collect();
        // Bounds of what layout-rs placed.
        let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
        let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
        let mut grow = |p: Point| {
            lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
            hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
        };
        for n in self.nodes.values() {
            grow(n.xy);
            grow(Point::new(n.xy.x + n.size.x, n.xy.y + n.size.y));
        }
        for segs in edge_paths.iter().flatten() {
            for c in segs {
                for p in c {
                    grow(*p);
                }
            }
        }
        if !lo.x.is_finite() {
            lo = Point::zero();
            hi = Point::zero();
        }

        // The legend, laid out in rows under the title.
        let kinds: Vec<NodeKind> = s.node_kinds().into_iter().collect();
        let samples = s.edge_samples();
        let mut notes: Vec<String> = Vec::new();
        if s.collapsed_mentions > 0 {
            let mut n = format!(
                "{} mentions are listed in the articles' tooltips, not drawn",
                s.collapsed_mentions
            );
            if s.hidden_nodes > 0 {
                n.push_str(&format!(
                    "; {} names that are only mentioned are left out",
                    s.hidden_nodes
                ));
            }
            notes.push(n);
        }
        notes.push("Hover over a node or an edge for its full text, quote and source.".to_string());
        notes.extend(warnings.iter().cloned());
        let longest = samples
            .iter()
            .map(|x| text::label_width(&x.label, 11.0))
            .chain(kinds.iter().map(|k| text::label_width(k.as_str(), 11.0)))
            .fold(0.0, f64::max);
        let col_w = (48.0 + longest + 18.0).max(150.0).ceil();
        let per_row = 6usize;
        let legend_rows = 1 + samples.len().div_ceil(per_row);
        let legend_h = 26.0 + legend_rows as f64 * 30.0 + notes.len() as f64 * 16.0 + 8.0;
        let legend_w = (col_w * per_row.min(samples.len().max(kinds.len())) as f64 + 24.0).max(
            notes
                .iter()
                .map(|n| text::label_width(n, 11.0))
                .fold(0.0, f64::max)
                + 24.0,
        );
        let title_h = 34.0;
        let columns = self.columns(s);
        let axis_h = if columns.is_empty() { 0.0 } else { 44.0 };
        let top = MARGIN + title_h + legend_h + 16.0 + axis_h;
        let shift = Point::new(MARGIN - lo.x, top - lo.y);
        let width = (hi.x - lo.x + 2.0 * MARGIN)
            .max(legend_w + 2.0 * MARGIN)
            .ceil();
        let height = (top + hi.y - lo.y + MARGIN).ceil();

        let mut w = SvgWriter::new(width, height, &css());
        let mut defs = BTreeSet::new();
        for (kind, color) in s
            .edges
            .iter()
            .map(|e| (e.kind, e.color))
            .chain(samples.iter().map(|x| (x.kind, x.color)))
        {
            if let Some(k) = kind {
                defs.insert((color, k == EdgeKind::About));
            }
        }
        w.open("defs", &[]);
        for (color, open) in &defs {
            let id = marker_id(color, *open);
            w.open(
                "marker",
                &[
                    ("id", &id),
                    ("viewBox", "0 0 10 8"),
                    ("refX", "9"),
                    ("refY", "4"),
                    ("markerWidth", "9"),
                    ("markerHeight", "7"),
                    ("markerUnits", "userSpaceOnUse"),
                    ("orient", "auto"),
                ],
            );
            let fill = if *open { "white" } else { color };
            w.empty(
                "path",
                &[
                    ("d", "M0,0 L10,4 L0,8 Z"),
                    ("fill", fill),
                    ("stroke", color),
                    ("stroke-width", "1"),
                ],
            );
            w.close("marker");
        }
        w.close("defs");
        w.empty(
            "rect",
            &[("width", "100%"), ("height", "100%"), ("fill", "white")],
        );
        let mut title = s.title.clone();
        if let (Some(a), Some(b)) = (s.timeline.first(), s.timeline.last()) {
            if let (Some(da), Some(db)) = (s.nodes[*a].date, s.nodes[*b].date) {
                title.push_str(&format!(
                    " \u{2014} {}, {da} to {db}",
                    articles(s.timeline.len())
                ));
            }
        }
        w.text(
            "text",
            &[
                ("class", "title"),
                ("x", &num(MARGIN)),
                ("y", &num(MARGIN + 18.0)),
            ],
            &title,
        );

        // Legend.
        let (lx, ly) = (MARGIN, MARGIN + title_h);
        w.open("g", &[("id", "legend"), ("class", "legend")]);
        w.empty(
            "rect",
            &[
                ("x", &num(lx)),
                ("y", &num(ly)),
                ("width", &num(legend_w)),
                ("height", &num(legend_h)),
                ("rx", "6"),
                ("fill", "#fafafa"),
                ("stroke", "#bdbdbd"),
            ],
        );
        w.text(
            "text",
            &[
                ("class", "legend-label"),
                ("x", &num(lx + 12.0)),
                ("y", &num(ly + 17.0)),
                ("font-weight", "bold"),
            ],
            "Legend",
        );
        for (i, kind) in kinds.iter().enumerate() {
            let x = lx + 12.0 + i as f64 * col_w;
            let y = ly + 28.0;
            w.open(
                "g",
                &[
                    ("id", &format!("legend-{kind}")),
                    (
                        "class",
                        &format!("legend-item node {}", style::class_name(kind.as_str())),
                    ),
                ],
            );
            w.title(crate::map::dot::kind_help(*kind));
            shape(&mut w, *kind, x, y, 44.0, 20.0, false);
            w.text(
                "text",
                &[
                    ("class", "legend-label"),
                    ("x", &num(x + 52.0)),
                    ("y", &num(y + 14.0)),
                ],
                kind.as_str(),
            );
            w.close("g");
        }
        for (i, sample) in samples.iter().enumerate() {
            let (key, label, kind, color) = (&sample.key, &sample.label, sample.kind, sample.color);
            let x = lx + 12.0 + (i % per_row) as f64 * col_w;
            let y = ly + 28.0 + 30.0 * (1 + i / per_row) as f64 + 10.0;
            let class = kind.map_or("legend-item thread".to_string(), |k| {
                format!("legend-item edge {}", style::class_name(k.as_str()))
            });
            w.open("g", &[("id", &format!("legend-{key}")), ("class", &class)]);
            let mut a = stroke_attrs(kind, color);
            a.push(("d", format!("M{},{} H{}", num(x), num(y), num(x + 40.0))));
            a.extend(marker_for(kind, color).map(|m| ("marker-end", m)));
            w.empty("path", &as_refs(&a));
            w.text(
                "text",
                &[
                    ("class", "legend-label"),
                    ("x", &num(x + 48.0)),
                    ("y", &num(y + 4.0)),
                ],
                label,
            );
            w.close("g");
        }
        let mut ny = ly + 28.0 + 30.0 * legend_rows as f64 + 8.0;
        for n in &notes {
            w.text(
                "text",
                &[("class", "note"), ("x", &num(lx + 12.0)), ("y", &num(ny))],
                n,
            );
            ny += 16.0;
        }
        w.close("g");

        // Time axis: a column band for each article and what is drawn in its column
        // (or, in a view without articles, for each claim date), dated at the top.
        if !columns.is_empty() {
            let ay = top - axis_h + 14.0;
            w.open("g", &[("id", "time-axis"), ("class", "axis")]);
            let mut last_x = f64::NEG_INFINITY;
            for (i, c) in columns.iter().enumerate() {
                let (x0, x1) = (c.x0 + shift.x - 12.0, c.x1 + shift.x + 12.0);
                let fill = if i % 2 == 0 { "#fdf8ef" } else { "#f6f8fb" };
                w.empty(
                    "rect",
                    &[
                        ("id", &c.id),
                        ("class", "column"),
                        ("x", &num(x0)),
                        ("y", &num(ay + 8.0)),
                        ("width", &num(x1 - x0)),
                        ("height", &num(height - MARGIN - ay - 8.0)),
                        ("rx", "8"),
                        ("fill", fill),
                        ("stroke", "#e0d6cf"),
                    ],
                );
                let x = (x0 + x1) / 2.0;
                if x - last_x > 70.0 {
                    w.text(
                        "text",
                        &[
                            ("class", "axis-label"),
                            ("x", &num(x)),
                            ("y", &num(ay)),
                            ("text-anchor", "middle"),
                        ],
                        &c.label,
                    );
                    last_x = x;
                }
            }
            w.close("g");
        }

        // Edges.
        w.open("g", &[("id", "edges")]);
        for (k, e) in s.edges.iter().enumerate() {
            let Some(segs) = &edge_paths[k] else { continue };
            let mut line = segs.clone();
            shorten_end(&mut line, 1.5);
            w.open("g", &[("id", &e.id), ("class", &e.classes)]);
            w.title(&e.tooltip);
            let mut a = stroke_attrs(e.kind, e.color);
            a.push(("class", "line".into()));
            a.push(("d", path_d(&line, shift)));
            a.extend(marker_for(e.kind, e.color).map(|m| ("marker-end", m)));
            w.empty("path", &as_refs(&a));
            w.empty(
                "path",
                &[
                    ("class", "hit"),
                    ("d", &path_d(segs, shift)),
                    ("fill", "none"),
                    ("stroke", "#000"),
                    ("stroke-opacity", "0"),
                    ("stroke-width", "9"),
                ],
            );
            w.close("g");
        }
        w.close("g");

        // Nodes, with their labels inside their groups.
        w.open("g", &[("id", "nodes")]);
        for (k, n) in s.nodes.iter().enumerate() {
            let Some(d) = self.nodes.get(&k) else {
                continue;
            };
            let (x, y) = (d.xy.x + shift.x, d.xy.y + shift.y);
            w.open("g", &[("id", &n.id), ("class", &n.classes)]);
            w.title(&n.tooltip);
            shape(
                &mut w,
                n.kind,
                x,
                y,
                d.size.x,
                d.size.y,
                n.classes.contains("hedged"),
            );
            let mut lines: Vec<(String, bool)> = d
                .text
                .split('\n')
                .filter(|l| !l.is_empty())
                .map(|l| (l.to_string(), false))
                .collect();
            if n.kind == NodeKind::Article {
                if let Some(date) = n.date {
                    lines.insert(0, (date.to_string(), true));
                }
            }
            let left = n.kind == NodeKind::Claim;
            let block = lines.len() as f64 * LINE_H;
            let mut ty = y + (d.size.y - block) / 2.0 + LINE_H * 0.78;
            let (tx, anchor) = if left {
                (x + PAD_X, "start")
            } else {
                (
                    x + d.size.x / 2.0 - if n.kind == NodeKind::Event { 4.0 } else { 0.0 },
                    "middle",
                )
            };
            w.open("text", &[("x", &num(tx)), ("text-anchor", anchor)]);
            for (line, is_date) in &lines {
                let class = if *is_date { "date" } else { "label" };
                w.text(
                    "tspan",
                    &[("class", class), ("x", &num(tx)), ("y", &num(ty))],
                    line,
                );
                ty += LINE_H;
            }
            w.close("text");
            w.close("g");
        }
        w.close("g");
        w.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_segments_become_explicit_cubics() {
        let p = |x, y| Point::new(x, y);
        let path = vec![
            (p(0., 0.), p(1., 0.)),
            (p(2., 1.), p(3., 1.)),
            (p(5., 1.), p(6., 2.)),
        ];
        let c = cubics(&path);
        assert_eq!(c.len(), 2);
        assert_eq!(c[1][0], p(3., 1.));
        assert_eq!(c[1][1], p(4., 1.), "mirror of (2,1) about (3,1)");
        let r = reverse(&c);
        assert_eq!(r[0][0], p(6., 2.));
        assert_eq!(r[1][3], p(0., 0.));
    }

    fn render(nodes: usize, limits: LayoutLimits) -> (String, SvgReport) {
        let g = levelmap_testkit::map::argument_map(&levelmap_testkit::map::SynthOptions {
            nodes,
            seed: 9,
            cycles: true,
        });
        render_scene(&scene(&g, &DrawOptions::default()), &limits).unwrap()
    }

    #[test]
    fn rendering_is_deterministic() {
        // layout-rs keeps hash sets inside; each has its own random seed.
        let (a, _) = render(150, LayoutLimits::default());
        let (b, _) = render(150, LayoutLimits::default());
        assert!(a == b, "two renderings differ");
    }

    #[test]
    fn large_views_get_the_fast_placement_and_a_warning() {
        let limits = LayoutLimits {
            layout_rs_up_to: 50,
            ..Default::default()
        };
        let (doc, report) = render(100, limits);
        assert_eq!(report.stats.engine, Engine::Fast);
        assert!(
            report.warnings[0].contains("fast placement"),
            "{:?}",
            report.warnings
        );
        assert!(
            doc.contains("<g id=\"claim:claim-0\" class=\"node claim"),
            "every node is still drawn"
        );
        let (_, normal) = render(100, LayoutLimits::default());
        assert_eq!(normal.stats.engine, Engine::LayoutRs);
        assert!(normal.warnings.is_empty(), "{:?}", normal.warnings);
    }

    #[test]
    fn the_dummy_budget_bounds_layout_work() {
        let limits = LayoutLimits {
            dummies_per_node_x2: 0,
            ..Default::default()
        };
        let (_, report) = render(100, limits);
        assert_eq!(report.stats.dummies, 0);
        assert!(report.stats.unrouted > 0);
        assert!(report.note.contains("drawn straight"), "{}", report.note);
    }

    #[test]
    fn empty_scene_is_an_error_not_a_panic() {
        let s = scene(&LevelGraph::new(), &DrawOptions::default());
        let err = render_scene(&s, &LayoutLimits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "there is nothing to draw: the view has no nodes"
        );
    }
}
