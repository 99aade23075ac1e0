//! The time-layered layout: x from the date on a linear scale over days, lanes ordered
//! by barycentre sweeps to shorten the links between them (`order`), and every label
//! packed so that no two collide. The result is plain geometry: a [`TimelineLayout`]
//! whose `Geometry` records the box of every piece of text, so that tests can check
//! the drawing as a reader would (no overlaps, nothing off the page).
//!
//! [`lay_out`] goes top-down, one step per part of the page: the heading and page
//! links, the events pinned above the axis and the axis itself (`axis`), the article
//! cards pinned below it (`pinned`, packed by `pack`), the lanes and their claims
//! (`lanes`), the year labels under the lanes, the curves (`curves`), then the
//! legend and the footnotes (`foot`).

mod axis;
mod curves;
mod foot;
mod lanes;
mod order;
mod pack;
mod pinned;

use levelmap_model::{EdgeKind, Stance};

use super::model::Timeline;
use super::page::{heading, label_box, shorten_in, width_of, BoxKind, LabelBox, Rect, MARGIN};

use super::page::{Geometry, Line};
pub use order::{order_lanes, OrderStats};

/// Width of the lane-label gutter, px.
pub(crate) const GUTTER: f64 = 200.0;
/// Width of the rail where lineage arcs run, px.
pub(crate) const RAIL: f64 = 64.0;
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
    pub(crate) fn x(&self, days: f64) -> f64 {
        let span = (self.d1 - self.d0).max(1.0);
        self.x0 + (days - self.d0) / span * (self.x1 - self.x0)
    }

    /// Pixels per day.
    pub(crate) fn px_per_day(&self) -> f64 {
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

/// The horizontal frame of a timeline: the lineage rail, the lane gutter, the plot and
/// the time scale over it.
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Width of the rail (0 without lineage).
    rail: f64,
    /// x where the lane gutter starts.
    gx: f64,
    /// x where the plot starts.
    px0: f64,
    /// x where the plot ends.
    px1: f64,
    /// Drawing width.
    width: f64,
    /// Days to x.
    scale: Scale,
}

impl Frame {
    /// The frame of `tl` with a time axis `opts.width` wide (at least 400 px).
    fn new(tl: &Timeline, opts: &LayoutOptions) -> Frame {
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
        Frame {
            rail,
            gx,
            px0,
            px1,
            width,
            scale,
        }
    }
}

/// The layout under way: what is laid out, its frame, and the label boxes recorded
/// so far (in drawing order; the steps below add theirs).
struct Builder<'a> {
    tl: &'a Timeline,
    frame: Frame,
    boxes: Vec<LabelBox>,
}

impl Builder<'_> {
    /// Record a label box.
    fn push_box(&mut self, id: &str, kind: BoxKind, rect: Rect) {
        label_box(&mut self.boxes, id, kind, rect);
    }

    /// The page links (right-aligned at the top, for slices) and the heading; returns
    /// the heading lines, the page links and the y under the heading.
    fn heading(&mut self) -> (Vec<Line>, Vec<(Rect, String, String)>, f64) {
        let tl = self.tl;
        let width = self.frame.width;
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
                self.push_box(id, BoxKind::Heading, r);
                nav.push((r, label, href));
                x -= 8.0;
                nav_w += w + 8.0;
            }
        }
        let head_w = width - 2.0 * MARGIN - nav_w - 12.0;
        let title = shorten_in(&tl.title, "title", head_w);
        let subtitle = shorten_in(&tl.subtitle, "subtitle", width - 2.0 * MARGIN);
        let (lines, hh, sh) = heading(&mut self.boxes, (title, "title"), &[(subtitle, "subtitle")]);
        (lines, nav, MARGIN + hh + 2.0 + sh + 14.0)
    }
}

/// Lay out a timeline whose lanes are already in drawing order.
pub fn lay_out(tl: &Timeline, opts: &LayoutOptions) -> TimelineLayout {
    let frame = Frame::new(tl, opts);
    let mut b = Builder {
        tl,
        frame,
        boxes: Vec::new(),
    };
    let (heading, nav, y) = b.heading();
    let (events, y) = b.events(y);
    let years = axis::Years::of(tl, &frame.scale);
    let mut axis = b.axis(y, &years);
    let (cards, y) = b.cards(axis.line_y);
    let lanes_top = y;
    let placed = b.lanes(y);
    let lanes_bottom = placed.bottom;
    b.bottom_axis(&mut axis, lanes_bottom, &years);
    let y = lanes_bottom + 34.0;
    let links = curves::links(tl, &placed.chips, &placed.occurrences);
    let arcs = curves::arcs(tl, &placed.lanes, &frame);
    let (legend, y) = b.legend(y);
    let (notes, y) = b.notes(y);
    let height = y + MARGIN;

    let cutoff_x = tl
        .cutoff
        .map(|c| frame.scale.x(c as f64))
        .filter(|&x| x < frame.px1);
    TimelineLayout {
        geometry: Geometry {
            width: frame.width,
            height,
            boxes: b.boxes,
        },
        scale: frame.scale,
        heading,
        nav,
        axis,
        events,
        cards,
        lanes: placed.lanes,
        chips: placed.chips,
        links,
        arcs,
        legend,
        notes,
        cutoff_x,
        lanes_span: (lanes_top, lanes_bottom),
        gutter_x: frame.gx,
    }
}

#[cfg(test)]
mod tests;
