//! Writing the argument map document from what layout-rs placed: the page is sized
//! from the bounds of the drawing and the legend, then written top-down in a fixed
//! order: arrowheads, title, legend, time axis, edges, then nodes (so that labels
//! stay on top), each in scene order.

use std::collections::BTreeSet;

use ::layout::core::geometry::Point;

use super::backend::{Column, SvgBackend};
use super::paint::{as_refs, css, marker_for, marker_id, shape, stroke_attrs};
use super::paths::{path_d, shorten_end, Cubic};
use super::{LINE_H, MARGIN, PAD_X};
use crate::map::layout::Layering;
use crate::map::scene::{articles, EdgeSample, Scene};
use crate::style;
use crate::svgw::{num, SvgWriter};
use crate::text;
use levelmap_model::{EdgeKind, NodeKind};

/// Height of the title, px.
const TITLE_H: f64 = 34.0;
/// Legend entries per row.
const PER_ROW: usize = 6;

/// The legend: node kinds on the first row, edge samples in rows of [`PER_ROW`],
/// then notes; with its size.
struct Legend {
    kinds: Vec<NodeKind>,
    samples: Vec<EdgeSample>,
    notes: Vec<String>,
    /// Width of one entry.
    col_w: f64,
    /// Rows of entries.
    rows: usize,
    w: f64,
    h: f64,
}

impl Legend {
    /// The legend of `s`: what it draws, the notes (collapsed mentions, how to read
    /// it, the layout's `warnings`), and its size.
    fn plan(s: &Scene, warnings: &[String]) -> Legend {
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
        let per_row = PER_ROW;
        let rows = 1 + samples.len().div_ceil(per_row);
        let h = 26.0 + rows as f64 * 30.0 + notes.len() as f64 * 16.0 + 8.0;
        let w = (col_w * per_row.min(samples.len().max(kinds.len())) as f64 + 24.0).max(
            notes
                .iter()
                .map(|n| text::label_width(n, 11.0))
                .fold(0.0, f64::max)
                + 24.0,
        );
        Legend {
            kinds,
            samples,
            notes,
            col_w,
            rows,
            w,
            h,
        }
    }

    /// Draw the legend with its top left at (lx, ly).
    fn draw(&self, w: &mut SvgWriter, lx: f64, ly: f64) {
        let col_w = self.col_w;
        w.open("g", &[("id", "legend"), ("class", "legend")]);
        w.empty(
            "rect",
            &[
                ("x", &num(lx)),
                ("y", &num(ly)),
                ("width", &num(self.w)),
                ("height", &num(self.h)),
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
        for (i, kind) in self.kinds.iter().enumerate() {
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
            shape(w, *kind, x, y, 44.0, 20.0, false);
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
        for (i, sample) in self.samples.iter().enumerate() {
            let (key, label, kind, color) = (&sample.key, &sample.label, sample.kind, sample.color);
            let x = lx + 12.0 + (i % PER_ROW) as f64 * col_w;
            let y = ly + 28.0 + 30.0 * (1 + i / PER_ROW) as f64 + 10.0;
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
        let mut ny = ly + 28.0 + 30.0 * self.rows as f64 + 8.0;
        for n in &self.notes {
            w.text(
                "text",
                &[("class", "note"), ("x", &num(lx + 12.0)), ("y", &num(ny))],
                n,
            );
            ny += 16.0;
        }
        w.close("g");
    }
}

/// The page: its size, where the drawing starts, and how far layout coordinates
/// move to stand there.
struct Page {
    width: f64,
    height: f64,
    /// y where the drawing starts, under title, legend and axis.
    top: f64,
    /// Height of the time axis (0 without columns).
    axis_h: f64,
    /// Layout coordinates to page coordinates.
    shift: Point,
}

impl Page {
    /// The page for a drawing spanning `lo` to `hi` in layout coordinates, under the
    /// title, the legend and (when there are columns) the time axis.
    fn new(lo: Point, hi: Point, legend: &Legend, axis: bool) -> Page {
        let axis_h = if axis { 44.0 } else { 0.0 };
        let top = MARGIN + TITLE_H + legend.h + 16.0 + axis_h;
        let shift = Point::new(MARGIN - lo.x, top - lo.y);
        let width = (hi.x - lo.x + 2.0 * MARGIN)
            .max(legend.w + 2.0 * MARGIN)
            .ceil();
        let height = (top + hi.y - lo.y + MARGIN).ceil();
        Page {
            width,
            height,
            top,
            axis_h,
            shift,
        }
    }
}

/// One arrowhead per (colour, open) that an edge or a legend sample uses: open ones
/// for `about`.
fn defs(w: &mut SvgWriter, s: &Scene, samples: &[EdgeSample]) {
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
}

/// The title, with the span of the articles on the timeline.
fn title(w: &mut SvgWriter, s: &Scene) {
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
}

/// Time axis: a column band for each article and what is drawn in its column (or,
/// in a view without articles, for each claim date), dated at the top.
fn time_axis(w: &mut SvgWriter, columns: &[Column], page: &Page) {
    if columns.is_empty() {
        return;
    }
    let (shift, height) = (page.shift, page.height);
    let ay = page.top - page.axis_h + 14.0;
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

/// The edges: each a line ending in its arrowhead, and a wide invisible path to hover.
fn edges(w: &mut SvgWriter, s: &Scene, edge_paths: &[Option<Vec<Cubic>>], shift: Point) {
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
}

impl SvgBackend {
    /// Write the document: title, legend, time axis, edges, then nodes (so that labels
    /// stay on top), each in scene order.
    pub(crate) fn finish(&self, s: &Scene, l: &Layering, warnings: &[String]) -> String {
        let edge_paths: Vec<Option<Vec<Cubic>>> =
            (0..s.edges.len()).map(|k| self.edge_path(k, l)).collect();
        let (lo, hi) = self.bounds(&edge_paths);
        let legend = Legend::plan(s, warnings);
        let columns = self.columns(s);
        let page = Page::new(lo, hi, &legend, !columns.is_empty());

        let mut w = SvgWriter::new(page.width, page.height, &css());
        defs(&mut w, s, &legend.samples);
        w.empty(
            "rect",
            &[("width", "100%"), ("height", "100%"), ("fill", "white")],
        );
        title(&mut w, s);
        legend.draw(&mut w, MARGIN, MARGIN + TITLE_H);
        time_axis(&mut w, &columns, &page);
        edges(&mut w, s, &edge_paths, page.shift);
        self.nodes(&mut w, s, page.shift);
        w.finish()
    }

    /// Bounds of what layout-rs placed (nodes and edge paths); the origin when nothing.
    fn bounds(&self, edge_paths: &[Option<Vec<Cubic>>]) -> (Point, Point) {
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
        (lo, hi)
    }

    /// Nodes, with their labels inside their groups (an article's date first).
    fn nodes(&self, w: &mut SvgWriter, s: &Scene, shift: Point) {
        w.open("g", &[("id", "nodes")]);
        for (k, n) in s.nodes.iter().enumerate() {
            let Some(d) = self.nodes.get(&k) else {
                continue;
            };
            let (x, y) = (d.xy.x + shift.x, d.xy.y + shift.y);
            w.open("g", &[("id", &n.id), ("class", &n.classes)]);
            w.title(&n.tooltip);
            shape(
                w,
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
    }
}
