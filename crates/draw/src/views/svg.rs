//! Drawing a placed timeline as SVG, through the project's one SVG writer, with the
//! colours of `crate::style`: stable ids (graph node ids, [`LevelGraph::edge_id`]
//! for edges), a class per kind and stance, and a `<title>` tooltip on everything
//! with the full text and its quote. [`draw`] paints the layers bottom-up, one step
//! each: background, heading, axis, events, article cards, lane labels, curves,
//! claims, then legend and notes.
//!
//! [`LevelGraph::edge_id`]: levelmap_model::graph::LevelGraph::edge_id

use levelmap_model::EdgeKind;

use super::layout::{LegendKey, TimelineLayout};
use super::model::Timeline;
use super::page::MARKER_R;
use super::paint::{classes, edge, line, lines, open_heading, page, rect};
use crate::style::class_name;
use crate::svgw::{num, SvgWriter};

/// Draw the timeline.
pub fn draw(tl: &Timeline, lay: &TimelineLayout) -> String {
    let g = &lay.geometry;
    let kinds: Vec<EdgeKind> = tl.links.iter().chain(&tl.lineage).map(|l| l.kind).collect();
    let mut w = page(g.width, g.height, kinds);
    background(&mut w, lay);
    heading(&mut w, tl, lay);
    axis(&mut w, lay);
    events(&mut w, tl, lay);
    cards(&mut w, tl, lay);
    lane_labels(&mut w, tl, lay);
    curves(&mut w, tl, lay);
    claims(&mut w, tl, lay);
    legend(&mut w, lay);
    w.finish()
}

/// Background: lane bands, gridlines, the range of each article's date, events, and
/// for a slice the shading of later time.
fn background(w: &mut SvgWriter, lay: &TimelineLayout) {
    let g = &lay.geometry;
    let px1 = lay.scale.x1;
    let (top, bottom) = lay.lanes_span;
    w.open("g", &[("class", "background")]);
    for (k, l) in lay.lanes.iter().enumerate() {
        let c = if k % 2 == 0 { "lane-bg" } else { "lane-bg odd" };
        rect(
            w,
            c,
            lay.gutter_x,
            l.y,
            g.width - 24.0 - lay.gutter_x,
            l.h,
            0.0,
        );
        line(w, "lane-sep", lay.gutter_x, l.y, g.width - 24.0, l.y);
    }
    for &x in &lay.axis.year_ticks {
        line(w, "grid", x, lay.axis.line_y, x, bottom);
    }
    for c in &lay.cards {
        let (a, b) = c.span;
        if b - a >= 2.0 {
            rect(w, "date-band", a, top, b - a, bottom - top, 0.0);
        } else {
            line(w, "date-line", c.x, top, c.x, bottom);
        }
    }
    for e in &lay.events {
        line(w, "event-line", e.x, e.rect.bottom(), e.x, bottom);
    }
    if let Some(x) = lay.cutoff_x {
        rect(
            w,
            "later",
            x,
            lay.axis.line_y - 36.0,
            px1 - x,
            bottom - lay.axis.line_y + 36.0,
            0.0,
        );
    }
    w.close("g");
}

/// Heading and page links.
fn heading(w: &mut SvgWriter, tl: &Timeline, lay: &TimelineLayout) {
    open_heading(w, &tl.title, &tl.subtitle, &lay.heading);
    for (r, label, href) in &lay.nav {
        w.open("a", &[("href", href), ("class", "nav")]);
        rect(w, "", r.x, r.y, r.w, r.h, 4.0);
        w.text(
            "text",
            &[
                ("x", &num(r.x + 8.0)),
                ("y", &num(r.y + 15.5)),
                ("class", "nav"),
            ],
            label,
        );
        w.close("a");
    }
    w.close("g");
}

/// The axis: lines at the top and under the lanes, ticks, labels.
fn axis(w: &mut SvgWriter, lay: &TimelineLayout) {
    let (px0, px1) = (lay.scale.x0, lay.scale.x1);
    w.open("g", &[("class", "axis")]);
    line(w, "axis-line", px0, lay.axis.line_y, px1, lay.axis.line_y);
    line(
        w,
        "axis-line",
        px0,
        lay.axis.bottom_y,
        px1,
        lay.axis.bottom_y,
    );
    for &x in &lay.axis.month_ticks {
        line(w, "mtick", x, lay.axis.line_y, x, lay.axis.line_y + 4.0);
    }
    for &x in &lay.axis.year_ticks {
        line(
            w,
            "ytick",
            x,
            lay.axis.line_y - 8.0,
            x,
            lay.axis.line_y + 8.0,
        );
    }
    lines(w, &lay.axis.labels);
    w.close("g");
}

/// Events: date range bar, stem, label and diamond on the axis.
fn events(w: &mut SvgWriter, tl: &Timeline, lay: &TimelineLayout) {
    w.open("g", &[("class", "events")]);
    for e in &lay.events {
        let item = &tl.events[e.item];
        let c = classes(
            &format!("node event {}", class_name(&item.subkind)),
            &[(item.new, "new")],
        );
        w.open("g", &[("id", &item.id), ("class", &c)]);
        w.title(&item.tooltip);
        if e.span.1 - e.span.0 >= 3.0 {
            rect(
                w,
                "bar-event",
                e.span.0,
                lay.axis.line_y - 7.0,
                e.span.1 - e.span.0,
                6.0,
                1.0,
            );
        }
        line(w, "event-line", e.x, e.rect.bottom(), e.x, lay.axis.line_y);
        rect(w, "label", e.rect.x, e.rect.y, e.rect.w, e.rect.h, 3.0);
        lines(w, &e.lines);
        diamond(w, e.x, lay.axis.line_y);
        w.close("g");
    }
    w.close("g");
}

/// Article cards: date range bar, pin, stem and card.
fn cards(w: &mut SvgWriter, tl: &Timeline, lay: &TimelineLayout) {
    w.open("g", &[("class", "articles")]);
    for c in &lay.cards {
        let a = &tl.articles[c.item];
        let cl = classes("node article", &[(a.inferred, "inferred"), (a.new, "new")]);
        w.open("g", &[("id", &a.id), ("class", &cl)]);
        w.title(&a.tooltip);
        rect(
            w,
            "bar-article",
            c.span.0,
            lay.axis.line_y + 1.0,
            (c.span.1 - c.span.0).max(2.0),
            6.0,
            1.0,
        );
        line(w, "stem", c.x, lay.axis.line_y, c.x, c.rect.y);
        w.empty(
            "circle",
            &[
                ("class", "pin"),
                ("cx", &num(c.x)),
                ("cy", &num(lay.axis.line_y)),
                ("r", "3"),
            ],
        );
        rect(w, "card", c.rect.x, c.rect.y, c.rect.w, c.rect.h, 4.0);
        lines(w, &c.lines);
        w.close("g");
    }
    w.close("g");
}

/// Lane labels in the gutter.
fn lane_labels(w: &mut SvgWriter, tl: &Timeline, lay: &TimelineLayout) {
    w.open("g", &[("class", "lanes")]);
    for l in &lay.lanes {
        let lane = &tl.lanes[l.lane];
        let cl = classes(
            if lane.id.starts_with("policy:") {
                "lane policy"
            } else {
                "lane other"
            },
            &[(lane.new, "new")],
        );
        w.open("g", &[("id", &lane.id), ("class", &cl)]);
        w.title(&lane.tooltip);
        lines(w, &l.lines);
        w.close("g");
    }
    w.close("g");
}

/// Lineage arcs and claim links, under the claims.
fn curves(w: &mut SvgWriter, tl: &Timeline, lay: &TimelineLayout) {
    w.open("g", &[("class", "lineage")]);
    for a in &lay.arcs {
        edge(w, &tl.lineage[a.link], &a.d);
    }
    w.close("g");
    w.open("g", &[("class", "links")]);
    for a in &lay.links {
        edge(w, &tl.links[a.link], &a.d);
    }
    w.close("g");
}

/// Claims: backing (or the ring of a new claim), marker, text.
fn claims(w: &mut SvgWriter, tl: &Timeline, lay: &TimelineLayout) {
    w.open("g", &[("class", "claims")]);
    for c in &lay.chips {
        let claim = &tl.lanes[c.lane].claims[c.claim];
        let st = claim.stance.map_or("none", |s| s.as_str());
        let cl = classes(
            &format!("node claim stance-{st}"),
            &[
                (claim.hedged, "hedged"),
                (!c.primary, "repeat"),
                (claim.new, "new"),
                (claim.extracted, "extracted"),
            ],
        );
        w.open("g", &[("id", &c.id), ("class", &cl)]);
        w.title(&claim.tooltip);
        let back = if claim.new { "new-ring" } else { "backing" };
        rect(w, back, c.rect.x, c.rect.y, c.rect.w, c.rect.h, 3.0);
        w.empty(
            "circle",
            &[
                ("class", "marker"),
                ("cx", &num(c.cx)),
                ("cy", &num(c.cy)),
                ("r", &num(MARKER_R)),
            ],
        );
        lines(w, &c.lines);
        w.close("g");
    }
    w.close("g");
}

/// Legend and notes.
fn legend(w: &mut SvgWriter, lay: &TimelineLayout) {
    w.open("g", &[("class", "legend")]);
    for l in &lay.legend {
        swatch(w, l.key, l.swatch.0, l.swatch.1);
        lines(w, std::slice::from_ref(&l.line));
    }
    lines(w, &lay.notes);
    w.close("g");
}

/// Draw one legend swatch.
fn swatch(w: &mut SvgWriter, key: LegendKey, x: f64, y: f64) {
    match key {
        LegendKey::Stance(st) => {
            let c = format!("claim stance-{}", st.map_or("none", |s| s.as_str()));
            w.open("g", &[("class", &c)]);
            w.empty(
                "circle",
                &[
                    ("class", "marker"),
                    ("cx", &num(x + 12.0)),
                    ("cy", &num(y)),
                    ("r", &num(MARKER_R)),
                ],
            );
            w.close("g");
        }
        LegendKey::Hedged => {
            w.open("g", &[("class", "claim hedged stance-for")]);
            w.empty(
                "circle",
                &[
                    ("class", "marker"),
                    ("cx", &num(x + 12.0)),
                    ("cy", &num(y)),
                    ("r", &num(MARKER_R)),
                ],
            );
            w.close("g");
        }
        LegendKey::Edge(k) => {
            let c = format!("edge {}", class_name(k.as_str()));
            w.open("g", &[("class", &c)]);
            let m = format!("url(#arrow-{})", class_name(k.as_str()));
            w.empty(
                "path",
                &[
                    (
                        "d",
                        &format!("M{} {} L{} {}", num(x), num(y), num(x + 28.0), num(y)),
                    ),
                    ("marker-end", &m),
                ],
            );
            w.close("g");
        }
        LegendKey::Event => {
            w.open("g", &[("class", "event")]);
            line(w, "event-line", x + 12.0, y - 8.0, x + 12.0, y + 8.0);
            diamond(w, x + 12.0, y);
            w.close("g");
        }
        LegendKey::Uncertain => rect(w, "bar-article", x, y - 3.0, 28.0, 6.0, 1.0),
        LegendKey::New => rect(w, "new-ring", x + 2.0, y - 7.0, 24.0, 14.0, 3.0),
        LegendKey::Later => rect(w, "later", x, y - 7.0, 28.0, 14.0, 0.0),
    }
}

fn diamond(w: &mut SvgWriter, x: f64, y: f64) {
    let d = format!(
        "M{} {} L{} {} L{} {} L{} {}Z",
        num(x),
        num(y - 5.0),
        num(x + 5.0),
        num(y),
        num(x),
        num(y + 5.0),
        num(x - 5.0),
        num(y)
    );
    w.empty("path", &[("class", "diamond"), ("d", &d)]);
}
