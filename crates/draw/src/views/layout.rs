//! The time-layered layout: x from the date on a linear scale over days, lanes ordered
//! by barycentre sweeps to shorten the links between them, and every label packed so
//! that no two collide. The result is plain geometry: a [`TimelineLayout`] whose
//! [`Geometry`] records the box of every piece of text, so that tests can check the
//! drawing as a reader would (no overlaps, nothing off the page).

use std::collections::BTreeMap;

use crate::svgw::num;
use levelmap_model::date::{civil_from_days, days_from_civil};
use levelmap_model::{EdgeKind, Stance};

use super::model::{Timeline, OTHER_LANE};
use crate::dates::{human_date, year_start, MONTHS};
use crate::text::{shorten, text_width, wrap};

/// Outer margin, px.
pub const MARGIN: f64 = 24.0;
/// Width of the lane-label gutter, px.
pub const GUTTER: f64 = 200.0;
/// Width of the rail where lineage arcs run, px.
pub const RAIL: f64 = 64.0;
/// Radius of a claim marker.
pub const MARKER_R: f64 = 4.5;
/// Tolerance when comparing boxes, px.
const EPS: f64 = 0.01;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Whether the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() - EPS
            && o.x < self.right() - EPS
            && self.y < o.bottom() - EPS
            && o.y < self.bottom() - EPS
    }
}

/// What a label box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoxKind {
    /// Title, subtitle, page links.
    Heading,
    /// Year and month labels.
    Axis,
    /// An event's label.
    Event,
    /// An article card.
    Article,
    /// A lane's label in the gutter.
    Lane,
    /// A claim: marker and text.
    Claim,
    /// A legend entry.
    Legend,
    /// A footnote line.
    Note,
    /// A column heading or a policy block (evolution view).
    Block,
}

/// The box of one label.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    /// The id of what it labels (graph id where there is one).
    pub id: String,
    /// What it is.
    pub kind: BoxKind,
    /// Where.
    pub rect: Rect,
}

/// The size of a drawing and the box of every label in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Geometry {
    /// Drawing width, px.
    pub width: f64,
    /// Drawing height, px.
    pub height: f64,
    /// Every label's box.
    pub boxes: Vec<LabelBox>,
}

impl Geometry {
    /// Every pair of label boxes that overlap (a sweep over x).
    pub fn collisions(&self) -> Vec<(&LabelBox, &LabelBox)> {
        let mut idx: Vec<usize> = (0..self.boxes.len()).collect();
        idx.sort_by(|&a, &b| self.boxes[a].rect.x.total_cmp(&self.boxes[b].rect.x));
        let mut out = Vec::new();
        for (k, &i) in idx.iter().enumerate() {
            let a = &self.boxes[i];
            for &j in &idx[k + 1..] {
                let b = &self.boxes[j];
                if b.rect.x >= a.rect.right() - EPS {
                    break;
                }
                if a.rect.overlaps(&b.rect) {
                    out.push((a, b));
                }
            }
        }
        out
    }

    /// Label boxes that stick out of the drawing.
    pub fn out_of_bounds(&self) -> Vec<&LabelBox> {
        self.boxes
            .iter()
            .filter(|b| {
                b.rect.x < -EPS
                    || b.rect.y < -EPS
                    || b.rect.right() > self.width + EPS
                    || b.rect.bottom() > self.height + EPS
            })
            .collect()
    }
}

/// A line of text to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// x of the start (or of the end, when `end` is set).
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// CSS class (sets size, weight and colour).
    pub class: &'static str,
    /// Anchored at its end (right-aligned).
    pub end: bool,
}

/// Font sizes and line heights per CSS class (px), shared with the style sheet.
pub fn font(class: &str) -> (f64, f64, bool) {
    match class.split(' ').next().unwrap_or(class) {
        "title" => (20.0, 24.0, true),
        "subtitle" => (12.5, 16.0, false),
        "year" => (13.0, 15.0, true),
        "month" => (9.5, 11.0, false),
        "ev-name" => (10.5, 12.5, true),
        "ev-date" => (9.5, 12.0, false),
        "card-title" => (12.0, 14.5, true),
        "card-meta" => (10.5, 13.0, false),
        "lane-name" => (12.5, 15.0, true),
        "lane-stats" => (10.0, 13.0, false),
        "lane-link" => (10.0, 13.0, false),
        "badge" => (9.5, 13.0, true),
        "claim-text" => (11.0, 13.0, false),
        "legend" => (11.0, 14.0, false),
        "note" => (11.0, 14.5, false),
        "col-head" => (14.0, 17.0, true),
        "block-name" => (14.0, 17.0, true),
        "block-meta" => (10.5, 13.5, false),
        "stance-head" => (10.5, 14.0, true),
        "speaker" => (10.0, 12.5, false),
        "nav" => (12.5, 16.0, true),
        _ => (11.0, 13.0, false),
    }
}

/// Width of `s` in the font of `class`.
pub fn width_of(s: &str, class: &str) -> f64 {
    let (size, _, bold) = font(class);
    text_width(s, size, bold)
}

/// Wrap `s` in the font of `class`.
pub fn wrap_in(s: &str, class: &str, max_w: f64, max_lines: usize) -> Vec<String> {
    let (size, _, bold) = font(class);
    wrap(s, max_w, size, bold, max_lines).lines
}

/// Shorten `s` to `max_w` in the font of `class`.
pub fn shorten_in(s: &str, class: &str, max_w: f64) -> String {
    let (size, _, bold) = font(class);
    shorten(s, max_w, size, bold)
}

/// A block of lines laid out top-down from (x, y); returns the lines and the height used.
pub fn stack(x: f64, y: f64, rows: &[(String, &'static str)]) -> (Vec<Line>, f64, f64) {
    let mut out = Vec::new();
    let mut h = 0.0;
    let mut w: f64 = 0.0;
    for (text, class) in rows {
        let (size, lh, _) = font(class);
        // Baseline sits ~0.8 em below the top of the line box.
        out.push(Line {
            text: text.clone(),
            x,
            y: y + h + size * 0.8 + (lh - size) / 2.0,
            class,
            end: false,
        });
        h += lh;
        w = w.max(width_of(text, class));
    }
    (out, w, h)
}

/// The linear time scale: days since 1970-01-01 to x in px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// First day of the domain.
    pub d0: f64,
    /// Day after the last day of the domain.
    pub d1: f64,
    /// x of `d0`.
    pub x0: f64,
    /// x of `d1`.
    pub x1: f64,
}

impl Scale {
    /// x of a day (fractional days allowed).
    pub fn x(&self, days: f64) -> f64 {
        let span = (self.d1 - self.d0).max(1.0);
        self.x0 + (days - self.d0) / span * (self.x1 - self.x0)
    }

    /// Pixels per day.
    pub fn px_per_day(&self) -> f64 {
        (self.x1 - self.x0) / (self.d1 - self.d0).max(1.0)
    }
}

/// The axis: ticks, labels, gridlines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AxisLayout {
    /// y of the axis line at the top.
    pub line_y: f64,
    /// y of the axis line at the bottom.
    pub bottom_y: f64,
    /// Month ticks (x), year ticks (x).
    pub month_ticks: Vec<f64>,
    /// Year boundaries (x), drawn as gridlines across the lanes.
    pub year_ticks: Vec<f64>,
    /// Year and month labels, top and bottom.
    pub labels: Vec<Line>,
}

/// A placed event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPlace {
    /// Index in `Timeline::events`.
    pub item: usize,
    /// x of its date (middle of its range).
    pub x: f64,
    /// x range its date allows.
    pub span: (f64, f64),
    /// The label box.
    pub rect: Rect,
    /// Label lines.
    pub lines: Vec<Line>,
}

/// A placed article card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardPlace {
    /// Index in `Timeline::articles`.
    pub item: usize,
    /// x of its date (middle of its range).
    pub x: f64,
    /// x range its date allows.
    pub span: (f64, f64),
    /// The card.
    pub rect: Rect,
    /// Its lines.
    pub lines: Vec<Line>,
}

/// A placed lane.
#[derive(Debug, Clone, PartialEq)]
pub struct LanePlace {
    /// Index in `Timeline::lanes`.
    pub lane: usize,
    /// Top.
    pub y: f64,
    /// Height.
    pub h: f64,
    /// Label box in the gutter.
    pub label: Rect,
    /// Label lines.
    pub lines: Vec<Line>,
}

/// A placed claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ChipPlace {
    /// Lane index.
    pub lane: usize,
    /// Index in the lane's claims.
    pub claim: usize,
    /// SVG id: the claim id, or `claim@lane` for a repeat in a further lane.
    pub id: String,
    /// First occurrence of the claim (drawn in full; later ones are shortened).
    pub primary: bool,
    /// Text to the left of the marker (near the right edge).
    pub flipped: bool,
    /// Marker centre.
    pub cx: f64,
    /// Marker centre.
    pub cy: f64,
    /// Box holding marker and text.
    pub rect: Rect,
    /// Text lines.
    pub lines: Vec<Line>,
}

/// A placed curve.
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePlace {
    /// Index in `Timeline::links` or `Timeline::lineage`.
    pub link: usize,
    /// SVG path data.
    pub d: String,
}

/// What a legend entry shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendKey {
    /// A claim marker of this stance.
    Stance(Option<Stance>),
    /// A hedged claim (hollow marker).
    Hedged,
    /// A curve of this kind.
    Edge(EdgeKind),
    /// An event marker.
    Event,
    /// The date-uncertainty bar.
    Uncertain,
    /// New in this period (slices).
    New,
    /// Time after the slice (slices).
    Later,
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendPlace {
    /// What it shows.
    pub key: LegendKey,
    /// Swatch origin (left, middle).
    pub swatch: (f64, f64),
    /// Its text.
    pub line: Line,
}

/// The whole timeline, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    /// Size and label boxes.
    pub geometry: Geometry,
    /// The time scale.
    pub scale: Scale,
    /// Title and subtitle.
    pub heading: Vec<Line>,
    /// Page links (slices): box, label, href.
    pub nav: Vec<(Rect, String, String)>,
    /// The axis.
    pub axis: AxisLayout,
    /// Events.
    pub events: Vec<EventPlace>,
    /// Article cards.
    pub cards: Vec<CardPlace>,
    /// Lanes.
    pub lanes: Vec<LanePlace>,
    /// Claims.
    pub chips: Vec<ChipPlace>,
    /// Claim links.
    pub links: Vec<CurvePlace>,
    /// Lineage arcs in the rail.
    pub arcs: Vec<CurvePlace>,
    /// Legend.
    pub legend: Vec<LegendPlace>,
    /// Footnotes.
    pub notes: Vec<Line>,
    /// x where time after the slice starts.
    pub cutoff_x: Option<f64>,
    /// Top and bottom of the lanes.
    pub lanes_span: (f64, f64),
    /// x where the lane gutter starts.
    pub gutter_x: f64,
}

/// How to lay out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Width of the time axis, px.
    pub width: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { width: 1500.0 }
    }
}

// ---------------------------------------------------------------------------------
// Lane ordering

/// Lane crossings before and after ordering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrderStats {
    /// In the input order (ideas by number of claims).
    pub before: f64,
    /// After the barycentre sweeps and adjacent swaps.
    pub after: f64,
}

/// Weighted links between lanes: a claim shown in several lanes, claims linked across
/// lanes, and lineage between ideas.
pub fn lane_links(tl: &Timeline) -> BTreeMap<(usize, usize), f64> {
    let mut lanes_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in tl.lanes.iter().enumerate() {
        for c in &l.claims {
            lanes_of.entry(c.id.as_str()).or_default().push(i);
        }
    }
    let mut w: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut add = |a: usize, b: usize, x: f64| {
        if a != b {
            *w.entry((a.min(b), a.max(b))).or_insert(0.0) += x;
        }
    };
    for ls in lanes_of.values() {
        if ls.len() > 1 {
            let x = 1.0 / (ls.len() - 1) as f64;
            for (k, &a) in ls.iter().enumerate() {
                for &b in &ls[k + 1..] {
                    add(a, b, x);
                }
            }
        }
    }
    for l in &tl.links {
        if let (Some(a), Some(b)) = (lanes_of.get(l.from.as_str()), lanes_of.get(l.to.as_str())) {
            let x = 1.0 / (a.len() * b.len()) as f64;
            for &p in a {
                for &q in b {
                    add(p, q, x);
                }
            }
        }
    }
    let pos: BTreeMap<&str, usize> = tl
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    for l in &tl.lineage {
        if let (Some(&a), Some(&b)) = (pos.get(l.from.as_str()), pos.get(l.to.as_str())) {
            add(a, b, if l.kind == EdgeKind::PartOf { 1.0 } else { 2.0 });
        }
    }
    w
}

/// The crossing measure of an order: for every link between lanes, the number of
/// lanes it passes over, weighted. `order[k]` is the lane drawn at position k.
pub fn crossings(order: &[usize], links: &BTreeMap<(usize, usize), f64>) -> f64 {
    let mut pos = vec![0usize; order.len()];
    for (k, &l) in order.iter().enumerate() {
        if l < pos.len() {
            pos[l] = k;
        }
    }
    links
        .iter()
        .filter(|((a, b), _)| *a < pos.len() && *b < pos.len())
        .map(|((a, b), w)| w * (pos[*a].abs_diff(pos[*b]).saturating_sub(1)) as f64)
        .sum()
}

/// Reorder the lanes of `tl` to reduce crossings: barycentre sweeps (each lane moves
/// to the weighted mean position of the lanes it links to), keeping the best order
/// seen, then adjacent swaps while they help. The "other ideas" lane stays last.
pub fn order_lanes(tl: &mut Timeline) -> OrderStats {
    let links = lane_links(tl);
    let n = tl.lanes.len();
    let fixed_last = tl.lanes.last().is_some_and(|l| l.id == OTHER_LANE);
    let movable = if fixed_last { n - 1 } else { n };
    let full = |m: &[usize]| -> Vec<usize> {
        let mut v = m.to_vec();
        if fixed_last {
            v.push(n - 1);
        }
        v
    };
    // Ties go to the order that keeps the most discussed ideas near the top: a
    // penalty far smaller than one crossing.
    let total: usize = tl
        .lanes
        .iter()
        .map(|l| l.claims.len())
        .sum::<usize>()
        .max(1);
    let share: Vec<f64> = tl
        .lanes
        .iter()
        .map(|l| l.claims.len() as f64 / total as f64)
        .collect();
    let cost = |order: &[usize]| -> f64 {
        let tie: f64 = order
            .iter()
            .enumerate()
            .map(|(k, &l)| k as f64 * share[l])
            .sum();
        crossings(&full(order), &links) + 1e-3 * tie / n.max(1) as f64
    };
    let start: Vec<usize> = (0..movable).collect();
    let before = crossings(&full(&start), &links);
    let mut best = start.clone();
    let mut best_cost = cost(&start);
    let mut cur = start;
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (&(a, b), &w) in &links {
        adj[a].push((b, w));
        adj[b].push((a, w));
    }
    for _ in 0..24 {
        let f = full(&cur);
        let mut pos = vec![0.0; n];
        for (k, &l) in f.iter().enumerate() {
            pos[l] = k as f64;
        }
        let mut keyed: Vec<(f64, f64, usize)> = cur
            .iter()
            .map(|&l| {
                let (s, w) = adj[l].iter().fold((0.5 * pos[l], 0.5), |(s, w), &(o, x)| {
                    (s + x * pos[o], w + x)
                });
                (s / w, pos[l], l)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let next: Vec<usize> = keyed.into_iter().map(|k| k.2).collect();
        if next == cur {
            break;
        }
        cur = next;
        let c = cost(&cur);
        if c < best_cost - 1e-12 {
            best_cost = c;
            best = cur.clone();
        }
    }
    // Adjacent swaps while any helps.
    let mut improved = true;
    let mut passes = 0;
    while improved && passes < 4 * movable.max(1) {
        improved = false;
        passes += 1;
        for k in 0..movable.saturating_sub(1) {
            best.swap(k, k + 1);
            let c = cost(&best);
            if c < best_cost - 1e-12 {
                best_cost = c;
                improved = true;
            } else {
                best.swap(k, k + 1);
            }
        }
    }
    // The mirror image crosses as much; keep the one with the busier ideas on top.
    let mirror: Vec<usize> = best.iter().rev().copied().collect();
    if cost(&mirror) < best_cost {
        best = mirror;
    }
    let order = full(&best);
    let mut old: Vec<Option<super::model::Lane>> = std::mem::take(&mut tl.lanes)
        .into_iter()
        .map(Some)
        .collect();
    tl.lanes = order
        .iter()
        .filter_map(|&i| old.get_mut(i).and_then(Option::take))
        .collect();
    OrderStats {
        before,
        after: crossings(&order, &links),
    }
}

// ---------------------------------------------------------------------------------
// Packing

/// A label pinned to an x (its date) by a stem from the axis.
#[derive(Debug, Clone, Copy)]
struct Pin {
    anchor: f64,
    w: f64,
    h: f64,
}

#[derive(Debug, Clone, Copy)]
struct PinPlaced {
    l: f64,
    r: f64,
    d: f64,
    h: f64,
    anchor: f64,
}

/// Place pinned labels away from a base line (distance `d` from it), right to left so
/// that boxes reaching right never hide an earlier stem: first fit that overlaps no
/// box, crosses no other label with its stem and covers no other stem; failing that,
/// the first fit that overlaps no box. Fits deeper than `max_d` are taken only when
/// nothing shallower overlaps no box. Returns (left x, d) per item, in input order.
fn pack_pinned(items: &[Pin], lo: f64, hi: f64, gap: f64, max_d: f64) -> Vec<(f64, f64)> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[b].anchor.total_cmp(&items[a].anchor).then(a.cmp(&b)));
    let mut placed: Vec<PinPlaced> = Vec::new();
    let mut out = vec![(0.0, 0.0); items.len()];
    for &i in &order {
        let it = items[i];
        let mut l = it.anchor - 8.0;
        if l + it.w > hi {
            l = it.anchor + 8.0 - it.w;
        }
        if l + it.w > hi {
            l = hi - it.w;
        }
        l = l.max(lo);
        let r = l + it.w;
        let mut cands: Vec<f64> = std::iter::once(0.0)
            .chain(placed.iter().map(|p| p.d + p.h + gap))
            .collect();
        cands.sort_by(f64::total_cmp);
        cands.dedup();
        let fits = |d: f64| {
            placed.iter().all(|p| {
                !(l < p.r + gap && p.l < r + gap && d < p.d + p.h + gap && p.d < d + it.h + gap)
            })
        };
        let stem_clear = |d: f64| {
            placed.iter().all(|p| {
                !(p.l - 2.0 <= it.anchor
                    && it.anchor <= p.r + 2.0
                    && p.d < d
                    && (p.anchor - it.anchor).abs() > 0.5)
            })
        };
        let covers_no_stem = |d: f64| {
            placed
                .iter()
                .all(|p| !(l - 2.0 <= p.anchor && p.anchor <= r + 2.0 && p.d > d))
        };
        // A staircase deeper than `max_d` costs more than a stem passing behind a card.
        let within = |d: f64| d <= max_d;
        let d = cands
            .iter()
            .copied()
            .find(|&d| within(d) && fits(d) && stem_clear(d) && covers_no_stem(d))
            .or_else(|| {
                cands
                    .iter()
                    .copied()
                    .find(|&d| within(d) && fits(d) && covers_no_stem(d))
            })
            .or_else(|| cands.iter().copied().find(|&d| fits(d)))
            .unwrap_or_else(|| cands.last().copied().unwrap_or(0.0));
        placed.push(PinPlaced {
            l,
            r,
            d,
            h: it.h,
            anchor: it.anchor,
        });
        out[i] = (l, d);
    }
    out
}

/// First-fit packing of boxes downward from y = 0; placed boxes kept sorted by top.
#[derive(Debug, Default)]
struct Skyline {
    placed: Vec<(f64, f64, f64, f64)>, // top, bottom, left, right
}

impl Skyline {
    fn lowest(&self, l: f64, r: f64, h: f64, gap: f64) -> f64 {
        let mut y: f64 = 0.0;
        for &(t, b, pl, pr) in &self.placed {
            if pl >= r + gap || l >= pr + gap {
                continue;
            }
            if t >= y + h + gap {
                break;
            }
            y = y.max(b + gap);
        }
        y
    }

    fn insert(&mut self, l: f64, r: f64, t: f64, h: f64) {
        let k = self.placed.partition_point(|p| p.0 <= t);
        self.placed.insert(k, (t, t + h, l, r));
    }
}

// ---------------------------------------------------------------------------------
// The layout

const CLAIM_W: f64 = 200.0;
const CLAIM_LINES: usize = 4;

/// Lay out a timeline whose lanes are already in drawing order.
pub fn lay_out(tl: &Timeline, opts: &LayoutOptions) -> TimelineLayout {
    let plot_w = opts.width.max(400.0);
    let rail = if tl.lineage.is_empty() { 0.0 } else { RAIL };
    let gx = MARGIN + rail;
    let px0 = gx + GUTTER + 20.0;
    let px1 = px0 + plot_w;
    let width = px1 + MARGIN;
    let scale = Scale {
        d0: tl.domain.0 as f64,
        d1: tl.domain.1.max(tl.domain.0 + 1) as f64,
        x0: px0,
        x1: px1,
    };
    let mut boxes: Vec<LabelBox> = Vec::new();
    let push_box = |boxes: &mut Vec<LabelBox>, id: &str, kind: BoxKind, rect: Rect| {
        boxes.push(LabelBox {
            id: id.to_string(),
            kind,
            rect,
        });
    };

    // Heading and page links.
    let mut nav = Vec::new();
    let mut nav_w = 0.0;
    if let Some(n) = &tl.nav {
        let mut x = width - MARGIN;
        for (label, href, id) in [
            n.next
                .as_ref()
                .map(|(l, h)| (format!("{l} →"), h.clone(), "nav-next")),
            n.prev
                .as_ref()
                .map(|(l, h)| (format!("← {l}"), h.clone(), "nav-prev")),
        ]
        .into_iter()
        .flatten()
        {
            let w = width_of(&label, "nav") + 16.0;
            x -= w;
            let r = Rect {
                x,
                y: MARGIN,
                w,
                h: 22.0,
            };
            push_box(&mut boxes, id, BoxKind::Heading, r);
            nav.push((r, label, href));
            x -= 8.0;
            nav_w += w + 8.0;
        }
    }
    let head_w = width - 2.0 * MARGIN - nav_w - 12.0;
    let title = shorten_in(&tl.title, "title", head_w);
    let subtitle = shorten_in(&tl.subtitle, "subtitle", width - 2.0 * MARGIN);
    let (heading, hw, hh) = stack(MARGIN, MARGIN, &[(title.clone(), "title")]);
    push_box(
        &mut boxes,
        "title",
        BoxKind::Heading,
        Rect {
            x: MARGIN,
            y: MARGIN,
            w: hw,
            h: hh,
        },
    );
    let (sub, sw, sh) = stack(MARGIN, MARGIN + hh + 2.0, &[(subtitle, "subtitle")]);
    push_box(
        &mut boxes,
        "subtitle",
        BoxKind::Heading,
        Rect {
            x: MARGIN,
            y: MARGIN + hh + 2.0,
            w: sw,
            h: sh,
        },
    );
    let mut heading = heading;
    heading.extend(sub);
    let mut y = MARGIN + hh + 2.0 + sh + 14.0;

    // Events, packed upward from the axis.
    let ev_pad = 5.0;
    let mut ev_pins = Vec::new();
    let mut ev_rows = Vec::new();
    for e in &tl.events {
        let mut rows: Vec<(String, &'static str)> = wrap_in(&e.name, "ev-name", 170.0, 2)
            .into_iter()
            .map(|l| (l, "ev-name"))
            .collect();
        rows.push((
            format!("{} · {}", human_date(&e.date), e.subkind),
            "ev-date",
        ));
        let (_, w, h) = stack(0.0, 0.0, &rows);
        ev_pins.push(Pin {
            anchor: scale.x(e.date.mid_days()),
            w: w + 2.0 * ev_pad,
            h: h + 2.0 * ev_pad,
        });
        ev_rows.push(rows);
    }
    let ev_place = pack_pinned(&ev_pins, gx, width - MARGIN, 4.0, 260.0);
    let band = ev_place
        .iter()
        .zip(&ev_pins)
        .map(|((_, d), p)| d + p.h)
        .fold(0.0, f64::max);
    let ev_base = y + band;
    let mut events = Vec::new();
    for (k, e) in tl.events.iter().enumerate() {
        let (l, d) = ev_place[k];
        let p = ev_pins[k];
        let rect = Rect {
            x: l,
            y: ev_base - d - p.h,
            w: p.w,
            h: p.h,
        };
        let (lines, _, _) = stack(l + ev_pad, rect.y + ev_pad, &ev_rows[k]);
        push_box(&mut boxes, &e.id, BoxKind::Event, rect);
        events.push(EventPlace {
            item: k,
            x: p.anchor,
            span: (
                scale.x(e.date.start_days() as f64),
                scale.x(e.date.end_days() as f64),
            ),
            rect,
            lines,
        });
    }
    y = ev_base + 8.0;

    // The axis.
    let axis_top = y;
    let line_y = axis_top + 36.0;
    let mut axis = AxisLayout {
        line_y,
        ..Default::default()
    };
    let (y0, _, _) = civil_from_days(tl.domain.0);
    let (y1, _, _) = civil_from_days(tl.domain.1);
    let ppm = scale.px_per_day() * 30.44;
    let month_fmt = |m: usize| -> Option<String> {
        if ppm >= 30.0 {
            Some(MONTHS[m].to_string())
        } else if ppm >= 11.0 {
            MONTHS[m].get(..1).map(str::to_string)
        } else {
            None
        }
    };
    let year_step = if scale.px_per_day() * 365.0 >= 60.0 {
        1
    } else {
        ((60.0 / (scale.px_per_day() * 365.0)).ceil() as i64).max(1)
    };
    for yr in y0..=y1 {
        let ys = year_start(yr);
        if ys >= tl.domain.0 && ys < tl.domain.1 {
            axis.year_ticks.push(scale.x(ys as f64));
        }
        // Year label at the year's start, or at the axis start for a partial first year.
        let lx = scale.x(ys.max(tl.domain.0) as f64) + 3.0;
        let next = scale.x(year_start(yr + 1).min(tl.domain.1) as f64);
        let label = yr.to_string();
        let lw = width_of(&label, "year");
        if (yr - y0) % year_step == 0
            && lx + lw <= px1
            && (ys >= tl.domain.0 || next - lx >= lw + 4.0)
        {
            let rect = Rect {
                x: lx,
                y: axis_top,
                w: lw,
                h: 15.0,
            };
            if !boxes
                .iter()
                .any(|b| b.kind == BoxKind::Axis && b.rect.overlaps(&rect))
            {
                push_box(&mut boxes, &format!("year-{yr}"), BoxKind::Axis, rect);
                axis.labels.push(Line {
                    text: label,
                    x: lx,
                    y: axis_top + 12.0,
                    class: "year",
                    end: false,
                });
            }
        }
        for m in 1..=12u8 {
            let ms = days_from_civil(yr.clamp(1, 9999) as i16, m, 1);
            let me = if m == 12 {
                year_start(yr + 1)
            } else {
                days_from_civil(yr.clamp(1, 9999) as i16, m + 1, 1)
            };
            if ms < tl.domain.0 || ms >= tl.domain.1 {
                continue;
            }
            axis.month_ticks.push(scale.x(ms as f64));
            if let Some(t) = month_fmt(usize::from(m - 1)) {
                let cx = scale.x((ms + me) as f64 / 2.0);
                let w = width_of(&t, "month");
                let rect = Rect {
                    x: cx - w / 2.0,
                    y: axis_top + 17.0,
                    w,
                    h: 11.0,
                };
                if rect.right() <= px1 {
                    push_box(
                        &mut boxes,
                        &format!("month-{yr}-{m:02}"),
                        BoxKind::Axis,
                        rect,
                    );
                    axis.labels.push(Line {
                        text: t,
                        x: cx - w / 2.0,
                        y: axis_top + 26.0,
                        class: "month",
                        end: false,
                    });
                }
            }
        }
    }

    // Article cards, packed downward from the axis.
    let card_pad = 7.0;
    let card_base = line_y + 16.0;
    let mut card_pins = Vec::new();
    let mut card_rows = Vec::new();
    for a in &tl.articles {
        let mut rows: Vec<(String, &'static str)> = wrap_in(&a.title, "card-title", 230.0, 3)
            .into_iter()
            .map(|l| (l, "card-title"))
            .collect();
        if let Some(o) = &a.outlet {
            rows.push((shorten_in(o, "card-meta", 230.0), "card-meta"));
        }
        if !a.authors.is_empty() {
            rows.push((
                shorten_in(&format!("By {}", a.authors.join(", ")), "card-meta", 230.0),
                "card-meta",
            ));
        }
        let mut date = human_date(&a.date);
        if a.inferred {
            date.push_str(" (inferred)");
        }
        date.push_str(&format!(
            " · {} claim{}",
            a.claims,
            if a.claims == 1 { "" } else { "s" }
        ));
        if a.new {
            date.push_str(" · NEW");
        }
        rows.push((shorten_in(&date, "card-meta", 230.0), "card-meta"));
        let (_, w, h) = stack(0.0, 0.0, &rows);
        card_pins.push(Pin {
            anchor: scale.x(a.date.mid_days()),
            w: w + 2.0 * card_pad,
            h: h + 2.0 * card_pad - 2.0,
        });
        card_rows.push(rows);
    }
    let card_place = pack_pinned(&card_pins, gx, width - MARGIN, 8.0, 300.0);
    let mut cards = Vec::new();
    let mut bottom = card_base;
    for (k, a) in tl.articles.iter().enumerate() {
        let (l, d) = card_place[k];
        let p = card_pins[k];
        let rect = Rect {
            x: l,
            y: card_base + d,
            w: p.w,
            h: p.h,
        };
        let (lines, _, _) = stack(l + card_pad, rect.y + card_pad - 1.0, &card_rows[k]);
        push_box(&mut boxes, &a.id, BoxKind::Article, rect);
        bottom = bottom.max(rect.bottom());
        cards.push(CardPlace {
            item: k,
            x: p.anchor,
            span: (
                scale.x(a.date.start_days() as f64),
                scale.x(a.date.end_days() as f64),
            ),
            rect,
            lines,
        });
    }
    y = bottom + 20.0;

    // Lanes.
    let lanes_top = y;
    let mut lanes = Vec::new();
    let mut chips: Vec<ChipPlace> = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut occurrences: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let chip_lo = px0 - 8.0;
    let chip_hi = width - MARGIN;
    for (li, lane) in tl.lanes.iter().enumerate() {
        let mut rows: Vec<(String, &'static str)> =
            wrap_in(&lane.name, "lane-name", GUTTER - 14.0, 3)
                .into_iter()
                .map(|l| (l, "lane-name"))
                .collect();
        rows.push((
            shorten_in(&lane.stats, "lane-stats", GUTTER - 14.0),
            "lane-stats",
        ));
        for (k, l) in lane.lineage.iter().enumerate() {
            if k == 3 && lane.lineage.len() > 4 {
                rows.push((format!("and {} more", lane.lineage.len() - 3), "lane-link"));
                break;
            }
            rows.push((shorten_in(l, "lane-link", GUTTER - 14.0), "lane-link"));
        }
        if lane.new {
            rows.push(("NEW IDEA".to_string(), "badge"));
        }
        let (lines, lw, lh) = stack(gx + 8.0, y + 8.0, &rows);
        let label = Rect {
            x: gx + 8.0,
            y: y + 8.0,
            w: lw,
            h: lh,
        };
        push_box(
            &mut boxes,
            &format!("lane-label:{}", lane.id),
            BoxKind::Lane,
            label,
        );

        // Claims: first fit, in date order.
        let mut sky = Skyline::default();
        let mut order: Vec<usize> = (0..lane.claims.len()).collect();
        let anchors: Vec<f64> = lane
            .claims
            .iter()
            .map(|c| scale.x(c.date.mid_days()))
            .collect();
        order.sort_by(|&a, &b| anchors[a].total_cmp(&anchors[b]).then(a.cmp(&b)));
        let base = y + 8.0;
        let mut content: f64 = 0.0;
        for ci in order {
            let c = &lane.claims[ci];
            let ax = anchors[ci];
            let primary = !seen.contains_key(c.id.as_str());
            // A claim in several lanes is written in full once, then on one line.
            let text_lines = wrap_in(
                &c.text,
                "claim-text",
                CLAIM_W,
                if primary { CLAIM_LINES } else { 1 },
            );
            let tw = text_lines
                .iter()
                .map(|l| width_of(l, "claim-text"))
                .fold(0.0, f64::max);
            let h = text_lines.len() as f64 * 13.0 + 2.0;
            let w = MARKER_R + 1.0 + 8.5 + tw + 1.0;
            let right = (ax - MARKER_R - 1.0, ax - MARKER_R - 1.0 + w);
            let left = (ax + MARKER_R + 1.0 - w, ax + MARKER_R + 1.0);
            let flip = right.1 > chip_hi && left.0 >= chip_lo;
            let (l, r) = if flip { left } else { right };
            let top = sky.lowest(l, r, h, 3.0);
            sky.insert(l, r, top, h);
            content = content.max(top + h);
            let ty = base + top;
            let lines = text_lines
                .into_iter()
                .enumerate()
                .map(|(k, t)| Line {
                    text: t,
                    x: if flip {
                        ax - MARKER_R - 4.0
                    } else {
                        ax + MARKER_R + 4.0
                    },
                    y: ty + 10.0 + k as f64 * 13.0,
                    class: "claim-text",
                    end: flip,
                })
                .collect();
            let id = if primary {
                c.id.clone()
            } else {
                format!("{}@{}", c.id, lane.id)
            };
            let rect = Rect {
                x: l,
                y: ty,
                w: r - l,
                h,
            };
            push_box(&mut boxes, &id, BoxKind::Claim, rect);
            if primary {
                seen.insert(c.id.as_str(), chips.len());
            }
            occurrences
                .entry(c.id.as_str())
                .or_default()
                .push(chips.len());
            chips.push(ChipPlace {
                lane: li,
                claim: ci,
                id,
                primary,
                flipped: flip,
                cx: ax,
                cy: ty + 6.5,
                rect,
                lines,
            });
        }
        let h = (content + 16.0).max(lh + 16.0).max(44.0);
        lanes.push(LanePlace {
            lane: li,
            y,
            h,
            label,
            lines,
        });
        y += h;
    }
    let lanes_bottom = y;

    // Bottom axis: year labels again.
    axis.bottom_y = lanes_bottom;
    for yr in y0..=y1 {
        let ys = year_start(yr);
        if ys < tl.domain.0 || ys >= tl.domain.1 || (yr - y0) % year_step != 0 {
            continue;
        }
        let lx = scale.x(ys as f64) + 3.0;
        let label = yr.to_string();
        let lw = width_of(&label, "year");
        if lx + lw <= px1 {
            push_box(
                &mut boxes,
                &format!("year-bottom-{yr}"),
                BoxKind::Axis,
                Rect {
                    x: lx,
                    y: lanes_bottom + 4.0,
                    w: lw,
                    h: 15.0,
                },
            );
            axis.labels.push(Line {
                text: label,
                x: lx,
                y: lanes_bottom + 16.0,
                class: "year",
                end: false,
            });
        }
    }
    y = lanes_bottom + 34.0;

    // Claim links and lineage arcs.
    let mut links = Vec::new();
    for (k, l) in tl.links.iter().enumerate() {
        let (Some(fa), Some(fb)) = (
            occurrences.get(l.from.as_str()),
            occurrences.get(l.to.as_str()),
        ) else {
            continue;
        };
        // Join the two occurrences closest to each other: in one lane when possible.
        let mut best: Option<((usize, f64), usize, usize)> = None;
        for &a in fa {
            for &b in fb {
                let key = (
                    chips[a].lane.abs_diff(chips[b].lane),
                    (chips[a].cy - chips[b].cy).abs(),
                );
                if best.is_none_or(|(k0, _, _)| key.0 < k0.0 || (key.0 == k0.0 && key.1 < k0.1)) {
                    best = Some((key, a, b));
                }
            }
        }
        if let Some((_, a, b)) = best {
            links.push(CurvePlace {
                link: k,
                d: claim_curve(&chips[a], &chips[b]),
            });
        }
    }
    let mut arcs = Vec::new();
    let lane_pos: BTreeMap<&str, usize> = tl
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut ports: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, l) in tl.lineage.iter().enumerate() {
        let (Some(&a), Some(&b)) = (lane_pos.get(l.from.as_str()), lane_pos.get(l.to.as_str()))
        else {
            continue;
        };
        let pa = {
            let p = ports.entry(a).or_insert(0);
            *p += 1;
            *p - 1
        };
        let pb = {
            let p = ports.entry(b).or_insert(0);
            *p += 1;
            *p - 1
        };
        let ya = lanes[a].y + 14.0 + 7.0 * (pa % 5) as f64;
        let yb = lanes[b].y + 14.0 + 7.0 * (pb % 5) as f64;
        let dist = a.abs_diff(b) as f64;
        let bend = gx - 6.0 - (10.0 + 9.0 * dist).min(rail - 14.0);
        let x = gx - 2.0;
        arcs.push(CurvePlace {
            link: k,
            d: format!(
                "M{} {} C{} {} {} {} {} {}",
                num(x),
                num(ya),
                num(bend),
                num(ya),
                num(bend),
                num(yb),
                num(x),
                num(yb)
            ),
        });
    }

    // Legend.
    let mut keys: Vec<(LegendKey, String)> = vec![
        (LegendKey::Stance(Some(Stance::For)), "for".into()),
        (LegendKey::Stance(Some(Stance::Against)), "against".into()),
        (LegendKey::Stance(Some(Stance::Mixed)), "mixed".into()),
        (LegendKey::Stance(Some(Stance::Neutral)), "neutral".into()),
        (LegendKey::Hedged, "hedged claim".into()),
    ];
    let kinds: std::collections::BTreeSet<EdgeKind> =
        tl.links.iter().chain(&tl.lineage).map(|l| l.kind).collect();
    for k in kinds {
        keys.push((LegendKey::Edge(k), k.phrase().to_string()));
    }
    if !tl.events.is_empty() {
        keys.push((LegendKey::Event, "event".into()));
    }
    keys.push((LegendKey::Uncertain, "range a date allows".into()));
    if tl.cutoff.is_some() {
        let any_new = tl.articles.iter().any(|a| a.new)
            || tl.events.iter().any(|e| e.new)
            || tl
                .lanes
                .iter()
                .any(|l| l.new || l.claims.iter().any(|c| c.new))
            || tl.links.iter().chain(&tl.lineage).any(|l| l.new);
        if any_new {
            keys.push((LegendKey::New, "new in this period".into()));
        }
        if tl.cutoff.is_some_and(|c| c < tl.domain.1) {
            keys.push((LegendKey::Later, "not yet written".into()));
        }
    }
    let mut legend = Vec::new();
    let mut lx = gx;
    let (lsize, _, _) = font("legend");
    for (key, text) in keys {
        let tw = width_of(&text, "legend");
        let w = 34.0 + tw;
        if lx + w > width - MARGIN && lx > gx {
            lx = gx;
            y += 22.0;
        }
        push_box(
            &mut boxes,
            &format!("legend-{text}"),
            BoxKind::Legend,
            Rect {
                x: lx,
                y,
                w,
                h: 16.0,
            },
        );
        legend.push(LegendPlace {
            key,
            swatch: (lx, y + 8.0),
            line: Line {
                text,
                x: lx + 34.0,
                y: y + 8.0 + lsize * 0.35,
                class: "legend",
                end: false,
            },
        });
        lx += w + 20.0;
    }
    y += 30.0;

    // Footnotes.
    let mut notes = Vec::new();
    for (k, n) in tl.notes.iter().enumerate() {
        let rows: Vec<(String, &'static str)> = wrap_in(&n.text(), "note", width - gx - MARGIN, 4)
            .into_iter()
            .map(|l| (l, "note"))
            .collect();
        let (lines, w, h) = stack(gx, y, &rows);
        push_box(
            &mut boxes,
            &format!("note-{k}"),
            BoxKind::Note,
            Rect { x: gx, y, w, h },
        );
        notes.extend(lines);
        y += h + 4.0;
    }
    let height = y + MARGIN;

    let cutoff_x = tl.cutoff.map(|c| scale.x(c as f64)).filter(|&x| x < px1);
    TimelineLayout {
        geometry: Geometry {
            width,
            height,
            boxes,
        },
        scale,
        heading,
        nav,
        axis,
        events,
        cards,
        lanes,
        chips,
        links,
        arcs,
        legend,
        notes,
        cutoff_x,
        lanes_span: (lanes_top, lanes_bottom),
        gutter_x: gx,
    }
}

/// A curve from one claim to another that stays clear of both texts: across time it
/// leaves the earlier claim's box on the right and enters the later one's on the left;
/// between claims of one date it bows out on the side of the markers.
pub fn claim_curve(from: &ChipPlace, to: &ChipPlace) -> String {
    let rim = MARKER_R + 1.5;
    let (x1, y1, x2, y2);
    if (to.cx - from.cx).abs() >= 24.0 {
        let forward = to.cx > from.cx;
        x1 = if forward {
            from.rect.right()
        } else {
            from.rect.x
        };
        x2 = if forward { to.rect.x } else { to.rect.right() };
        y1 = from.cy;
        y2 = to.cy;
        let c = (x2 - x1) * 0.45;
        return format!(
            "M{} {} C{} {} {} {} {} {}",
            num(x1),
            num(y1),
            num(x1 + c),
            num(y1),
            num(x2 - c),
            num(y2),
            num(x2),
            num(y2)
        );
    }
    let side = if from.flipped && to.flipped {
        1.0
    } else {
        -1.0
    };
    x1 = from.cx + side * rim;
    x2 = to.cx + side * rim;
    y1 = from.cy;
    y2 = to.cy;
    let bend = if side < 0.0 { x1.min(x2) } else { x1.max(x2) }
        + side * (16.0 + (0.22 * (y2 - y1).abs()).min(110.0));
    format!(
        "M{} {} C{} {} {} {} {} {}",
        num(x1),
        num(y1),
        num(bend),
        num(y1),
        num(bend),
        num(y2),
        num(x2),
        num(y2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::model::extract;
    use crate::views::tests::mini;
    use crate::views::TimelineOptions;
    use levelmap_testkit::timeline::{synthetic, SynthOptions};

    fn assert_clean(lay: &TimelineLayout) {
        let c = lay.geometry.collisions();
        assert!(
            c.is_empty(),
            "{} overlapping label pairs, e.g. {:?}",
            c.len(),
            c.iter()
                .take(3)
                .map(|(a, b)| (&a.id, a.rect, &b.id, b.rect))
                .collect::<Vec<_>>()
        );
        let o = lay.geometry.out_of_bounds();
        assert!(
            o.is_empty(),
            "labels outside the drawing: {:?}",
            o.iter().take(3).collect::<Vec<_>>()
        );
    }

    #[test]
    fn no_labels_overlap_on_the_mini_fixture() {
        let g = mini();
        let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
        order_lanes(&mut tl);
        let lay = lay_out(&tl, &LayoutOptions::default());
        assert!(
            lay.geometry
                .boxes
                .iter()
                .filter(|b| b.kind == BoxKind::Claim)
                .count()
                >= 6
        );
        assert_eq!(lay.cards.len(), 2);
        assert_clean(&lay);
    }

    #[test]
    fn no_labels_overlap_in_any_view_of_the_fixtures_and_the_bundled_corpus() {
        use crate::views::{evolution, slices};
        for rel in [
            "tests/fixtures/mini",
            "tests/fixtures/one-article",
            "tests/fixtures/same-date",
            "tests/fixtures/scripts",
            "graph",
        ] {
            let g = crate::views::tests::corpus(rel);
            let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
            order_lanes(&mut tl);
            let lay = lay_out(&tl, &LayoutOptions::default());
            assert!(!lay.cards.is_empty(), "{rel}");
            assert_clean(&lay);
            let mut full = tl.clone();
            order_lanes(&mut full);
            for a in &tl.articles {
                let cut = slices::cut(&full, a.date.end_days(), a.date.start_days());
                assert_clean(&lay_out(&cut, &LayoutOptions::default()));
            }
            for p in g
                .graph
                .node_indices()
                .filter(|&i| g.node(i).kind == levelmap_model::NodeKind::Policy)
            {
                let ev = evolution::extract(&g, &g.node(p).id).unwrap();
                let lay = evolution::lay_out(&ev);
                let c = lay.geometry.collisions();
                assert!(c.is_empty(), "{rel} {}: {:?}", g.node(p).id, c.first());
                assert!(
                    lay.geometry.out_of_bounds().is_empty(),
                    "{rel} {}",
                    g.node(p).id
                );
            }
        }
    }

    #[test]
    fn no_labels_overlap_when_many_claims_share_a_date() {
        // 300 claims from 12 articles that all carry the same date, 4 ideas.
        let g = synthetic(&SynthOptions {
            claims: 300,
            years: 1,
            articles: 12,
            policies: 4,
            same_date: true,
            seed: 7,
        });
        let mut tl = extract(
            &g,
            &TimelineOptions {
                lanes: Some(4),
                ..Default::default()
            },
        )
        .unwrap();
        order_lanes(&mut tl);
        let lay = lay_out(&tl, &LayoutOptions::default());
        assert!(lay.chips.len() >= 300);
        let x0 = lay.chips[0].cx;
        assert!(
            lay.chips.iter().all(|c| (c.cx - x0).abs() < 1e-9),
            "all claims at one x"
        );
        assert_clean(&lay);
    }

    #[test]
    fn no_labels_overlap_on_a_dense_decade() {
        let g = synthetic(&SynthOptions {
            claims: 2000,
            years: 10,
            ..SynthOptions::default()
        });
        let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
        order_lanes(&mut tl);
        let lay = lay_out(&tl, &LayoutOptions::default());
        assert_clean(&lay);
    }

    #[test]
    fn x_is_proportional_to_the_date() {
        let g = mini();
        let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
        order_lanes(&mut tl);
        let lay = lay_out(&tl, &LayoutOptions::default());
        let s = lay.scale;
        let a = s.x(days_from_civil(2021, 1, 1) as f64);
        let b = s.x(days_from_civil(2022, 1, 1) as f64);
        let c = s.x(days_from_civil(2023, 1, 1) as f64);
        assert!(
            (b - a - (c - b)).abs() < 1.0,
            "a year is a year: {a} {b} {c}"
        );
        // The 2024-07-08 article sits right of the 2020-09 one, in proportion.
        assert!(lay.cards[1].x > lay.cards[0].x);
        let month = |c: &CardPlace| c.span.1 - c.span.0;
        assert!(
            month(&lay.cards[0]) > 10.0 * month(&lay.cards[1]),
            "a month-precise date spans a month, a day a day"
        );
    }

    #[test]
    fn barycentre_ordering_reduces_crossings() {
        // Lanes 0..6 where links join 0-5, 1-4, 2-3 and 0-1: input order is poor.
        let g = mini();
        let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
        let template = tl.lanes[0].clone();
        tl.lanes = (0..6)
            .map(|i| {
                let mut l = template.clone();
                l.id = format!("policy:p{i}");
                l.claims.clear();
                l
            })
            .collect();
        tl.links.clear();
        let link = |a: usize, b: usize| super::super::model::Link {
            id: format!("{a}-{b}"),
            kind: EdgeKind::EvolvesInto,
            from: format!("policy:p{a}"),
            to: format!("policy:p{b}"),
            date: None,
            tooltip: String::new(),
            new: false,
        };
        tl.lineage = vec![link(0, 5), link(1, 4), link(2, 3), link(5, 1)];
        let stats = order_lanes(&mut tl);
        assert!(stats.before > 0.0);
        assert!(stats.after < stats.before, "{stats:?}");
        let ids: Vec<&str> = tl.lanes.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids.len(), 6);
        assert_eq!(
            crossings(&[0, 1, 2, 3, 4, 5], &lane_links(&tl)),
            stats.after
        );
    }

    #[test]
    fn packing_pinned_labels_never_overlaps() {
        let pins: Vec<Pin> = (0..40)
            .map(|i| Pin {
                anchor: 100.0 + (i % 7) as f64 * 30.0,
                w: 120.0,
                h: 30.0,
            })
            .collect();
        let placed = pack_pinned(&pins, 0.0, 600.0, 4.0, 100.0);
        for i in 0..pins.len() {
            for j in i + 1..pins.len() {
                let a = Rect {
                    x: placed[i].0,
                    y: placed[i].1,
                    w: pins[i].w,
                    h: pins[i].h,
                };
                let b = Rect {
                    x: placed[j].0,
                    y: placed[j].1,
                    w: pins[j].w,
                    h: pins[j].h,
                };
                assert!(!a.overlaps(&b), "{i} {j}");
            }
        }
    }
}
