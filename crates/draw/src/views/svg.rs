//! Drawing a placed timeline as SVG, through the project's one SVG writer, with the
//! colours of [`crate::style`]: stable ids (graph node ids, [`LevelGraph::edge_id`]
//! for edges), a class per kind and stance, and a `<title>` tooltip on everything
//! with the full text and its quote.
//!
//! [`LevelGraph::edge_id`]: levelmap_model::graph::LevelGraph::edge_id

use std::fmt::Write as _;

use crate::style::{class_name, edge_style, node_style, stance_color};
use crate::svgw::{num, SvgWriter};
use levelmap_model::{EdgeKind, NodeKind, Stance};

use super::layout::{LegendKey, TimelineLayout};
use super::model::Timeline;
use super::page::{font, Line, MARKER_R};

/// Colour that marks what is new in a time slice.
pub const NEW_COLOR: &str = "#ff6f00";

/// The style sheet shared by the time-layered drawings: fonts per text class (from
/// [`font`]), and colours per node kind, edge kind and stance (from [`crate::style`]).
pub fn css() -> String {
    let mut s = String::from("text{fill:#263238}");
    let colours = [
        ("title", "#263238"),
        ("subtitle", "#546e7a"),
        ("year", "#37474f"),
        ("month", "#78909c"),
        ("ev-name", "#bf360c"),
        ("ev-date", "#6d4c41"),
        ("card-title", "#3e2723"),
        ("card-meta", "#5d4037"),
        ("lane-name", "#311b92"),
        ("lane-stats", "#607d8b"),
        ("lane-link", "#4527a0"),
        ("badge", NEW_COLOR),
        ("claim-text", "#263238"),
        ("legend", "#37474f"),
        ("note", "#546e7a"),
        ("col-head", "#37474f"),
        ("block-name", "#311b92"),
        ("block-meta", "#546e7a"),
        ("stance-head", "#37474f"),
        ("speaker", "#607d8b"),
        ("nav", "#1565c0"),
    ];
    for (class, fill) in colours {
        let (size, _, bold) = font(class);
        let _ = write!(
            s,
            ".{class}{{font-size:{}px;fill:{fill}{}}}",
            num(size),
            if bold { ";font-weight:700" } else { "" }
        );
    }
    s.push_str(".speaker{font-style:italic}");
    s.push_str(".claim text,.block-claim text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}");
    s.push_str(".claim.repeat text{fill:#546e7a}.backing{fill:#ffffff;opacity:.82}");
    s.push_str(
        ".axis-line{stroke:#37474f;stroke-width:1.2}.mtick{stroke:#90a4ae}.ytick{stroke:#37474f;stroke-width:1.2}",
    );
    s.push_str(".grid{stroke:#cfd8dc}.lane-bg{fill:#f5f7f8}.lane-bg.odd{fill:#ffffff}.lane-sep{stroke:#e0e6e9}");
    let art = node_style(NodeKind::Article);
    let ev = node_style(NodeKind::Event);
    let pol = node_style(NodeKind::Policy);
    let _ = write!(
        s,
        ".event-line{{stroke:{};stroke-dasharray:3 3;opacity:.4}}",
        ev.stroke
    );
    let _ = write!(
        s,
        ".event rect.label{{fill:{};stroke:{}}}.event .diamond{{fill:{}}}",
        ev.fill, ev.stroke, ev.stroke
    );
    let _ = write!(s, ".bar-event{{fill:{};opacity:.5}}", ev.stroke);
    let _ = write!(
        s,
        ".article rect.card{{fill:{};stroke:{}}}.article.inferred rect.card{{stroke-dasharray:5 3}}",
        art.fill, art.stroke
    );
    let _ = write!(
        s,
        ".bar-article{{fill:{};opacity:.45}}.stem{{stroke:{}}}.pin{{fill:{}}}",
        art.stroke, art.stroke, art.stroke
    );
    let _ = write!(
        s,
        ".date-band{{fill:{};opacity:.06}}.date-line{{stroke:{};opacity:.3}}",
        art.stroke, art.stroke
    );
    let _ = write!(
        s,
        ".block rect.head{{fill:{};stroke:{}}}.block.focus rect.head{{stroke-width:3}}",
        pol.fill, pol.stroke
    );
    s.push_str(".block rect.body{fill:#ffffff;stroke:#b0bec5}");
    s.push_str(".edge path{fill:none}");
    for k in EdgeKind::ALL {
        let e = edge_style(*k);
        let _ = write!(
            s,
            ".edge.{} path{{stroke:{};stroke-width:{}",
            class_name(k.as_str()),
            e.color,
            num(e.width)
        );
        if !e.dash.is_empty() {
            let _ = write!(s, ";stroke-dasharray:{}", e.dash);
        }
        s.push('}');
    }
    s.push_str(".edge.supports path,.edge.attacks path,.edge.echoes path{opacity:.75}");
    for st in Stance::ALL {
        let c = stance_color(Some(*st));
        let _ = write!(s, ".stance-{} .marker{{fill:{c};stroke:{c}}}", st.as_str());
    }
    let _ = write!(
        s,
        ".sh-for{{fill:{}}}.sh-against{{fill:{}}}.sh-mixed{{fill:#c17900}}",
        stance_color(Some(Stance::For)),
        stance_color(Some(Stance::Against))
    );
    let _ = write!(
        s,
        ".marker{{fill:{0};stroke:{0};stroke-width:1.5}}.hedged .marker{{fill:#ffffff}}",
        stance_color(None)
    );
    let _ = write!(
        s,
        ".new-ring{{fill:#fff8e1;stroke:{NEW_COLOR};stroke-width:1.5}}"
    );
    let _ = write!(s, ".new rect.card,.new rect.label{{stroke:{NEW_COLOR};stroke-width:2.5;stroke-dasharray:none}}");
    s.push_str(".later{fill:#eceff1;opacity:.75}.later-edge{stroke:#b0bec5;stroke-dasharray:4 3}");
    s.push_str(".nav rect{fill:#e3f2fd;stroke:#1565c0}");
    s
}

/// Arrowheads, one per edge kind, coloured like the edge.
pub fn defs(w: &mut SvgWriter, kinds: &[EdgeKind]) {
    w.open("defs", &[]);
    for k in kinds {
        let e = edge_style(*k);
        let id = format!("arrow-{}", class_name(k.as_str()));
        w.open(
            "marker",
            &[
                ("id", &id),
                ("viewBox", "0 0 10 10"),
                ("refX", "9"),
                ("refY", "5"),
                ("markerWidth", "7"),
                ("markerHeight", "7"),
                ("markerUnits", "userSpaceOnUse"),
                ("orient", "auto"),
            ],
        );
        w.empty("path", &[("d", "M0 0L10 5L0 10z"), ("fill", e.color)]);
        w.close("marker");
    }
    w.close("defs");
}

/// Draw lines of text.
pub fn lines(w: &mut SvgWriter, ls: &[Line]) {
    for l in ls {
        let (x, y) = (num(l.x), num(l.y));
        if l.end {
            w.text(
                "text",
                &[
                    ("x", &x),
                    ("y", &y),
                    ("class", l.class),
                    ("text-anchor", "end"),
                ],
                &l.text,
            );
        } else {
            w.text("text", &[("x", &x), ("y", &y), ("class", l.class)], &l.text);
        }
    }
}

fn rect(w: &mut SvgWriter, class: &str, x: f64, y: f64, wd: f64, h: f64, rx: f64) {
    w.empty(
        "rect",
        &[
            ("class", class),
            ("x", &num(x)),
            ("y", &num(y)),
            ("width", &num(wd.max(0.0))),
            ("height", &num(h.max(0.0))),
            ("rx", &num(rx)),
        ],
    );
}

fn line(w: &mut SvgWriter, class: &str, x1: f64, y1: f64, x2: f64, y2: f64) {
    w.empty(
        "line",
        &[
            ("class", class),
            ("x1", &num(x1)),
            ("y1", &num(y1)),
            ("x2", &num(x2)),
            ("y2", &num(y2)),
        ],
    );
}

fn classes(base: &str, extra: &[(bool, &str)]) -> String {
    let mut s = base.to_string();
    for (on, c) in extra {
        if *on {
            s.push(' ');
            s.push_str(c);
        }
    }
    s
}

/// Draw one legend swatch.
pub fn swatch(w: &mut SvgWriter, key: LegendKey, x: f64, y: f64) {
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

/// Draw the timeline.
pub fn draw(tl: &Timeline, lay: &TimelineLayout) -> String {
    let g = &lay.geometry;
    let mut w = SvgWriter::new(g.width, g.height, &css());
    let mut kinds: Vec<EdgeKind> = tl.links.iter().chain(&tl.lineage).map(|l| l.kind).collect();
    kinds.sort();
    kinds.dedup();
    defs(&mut w, &kinds);
    w.empty(
        "rect",
        &[
            ("x", "0"),
            ("y", "0"),
            ("width", &num(g.width)),
            ("height", &num(g.height)),
            ("fill", "#ffffff"),
        ],
    );
    let (px0, px1) = (lay.scale.x0, lay.scale.x1);
    let (top, bottom) = lay.lanes_span;

    // Background: lane bands, gridlines, the range of each article's date, events.
    w.open("g", &[("class", "background")]);
    for (k, l) in lay.lanes.iter().enumerate() {
        let c = if k % 2 == 0 { "lane-bg" } else { "lane-bg odd" };
        rect(
            &mut w,
            c,
            lay.gutter_x,
            l.y,
            g.width - 24.0 - lay.gutter_x,
            l.h,
            0.0,
        );
        line(&mut w, "lane-sep", lay.gutter_x, l.y, g.width - 24.0, l.y);
    }
    for &x in &lay.axis.year_ticks {
        line(&mut w, "grid", x, lay.axis.line_y, x, bottom);
    }
    for c in &lay.cards {
        let (a, b) = c.span;
        if b - a >= 2.0 {
            rect(&mut w, "date-band", a, top, b - a, bottom - top, 0.0);
        } else {
            line(&mut w, "date-line", c.x, top, c.x, bottom);
        }
    }
    for e in &lay.events {
        line(&mut w, "event-line", e.x, e.rect.bottom(), e.x, bottom);
    }
    if let Some(x) = lay.cutoff_x {
        rect(
            &mut w,
            "later",
            x,
            lay.axis.line_y - 36.0,
            px1 - x,
            bottom - lay.axis.line_y + 36.0,
            0.0,
        );
    }
    w.close("g");

    // Heading and page links.
    w.open("g", &[("class", "heading")]);
    w.title(&format!("{}\n{}", tl.title, tl.subtitle));
    lines(&mut w, &lay.heading);
    for (r, label, href) in &lay.nav {
        w.open("a", &[("href", href), ("class", "nav")]);
        rect(&mut w, "", r.x, r.y, r.w, r.h, 4.0);
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

    // The axis.
    w.open("g", &[("class", "axis")]);
    line(
        &mut w,
        "axis-line",
        px0,
        lay.axis.line_y,
        px1,
        lay.axis.line_y,
    );
    line(
        &mut w,
        "axis-line",
        px0,
        lay.axis.bottom_y,
        px1,
        lay.axis.bottom_y,
    );
    for &x in &lay.axis.month_ticks {
        line(
            &mut w,
            "mtick",
            x,
            lay.axis.line_y,
            x,
            lay.axis.line_y + 4.0,
        );
    }
    for &x in &lay.axis.year_ticks {
        line(
            &mut w,
            "ytick",
            x,
            lay.axis.line_y - 8.0,
            x,
            lay.axis.line_y + 8.0,
        );
    }
    lines(&mut w, &lay.axis.labels);
    w.close("g");

    // Events.
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
                &mut w,
                "bar-event",
                e.span.0,
                lay.axis.line_y - 7.0,
                e.span.1 - e.span.0,
                6.0,
                1.0,
            );
        }
        line(
            &mut w,
            "event-line",
            e.x,
            e.rect.bottom(),
            e.x,
            lay.axis.line_y,
        );
        rect(&mut w, "label", e.rect.x, e.rect.y, e.rect.w, e.rect.h, 3.0);
        lines(&mut w, &e.lines);
        diamond(&mut w, e.x, lay.axis.line_y);
        w.close("g");
    }
    w.close("g");

    // Article cards.
    w.open("g", &[("class", "articles")]);
    for c in &lay.cards {
        let a = &tl.articles[c.item];
        let cl = classes("node article", &[(a.inferred, "inferred"), (a.new, "new")]);
        w.open("g", &[("id", &a.id), ("class", &cl)]);
        w.title(&a.tooltip);
        rect(
            &mut w,
            "bar-article",
            c.span.0,
            lay.axis.line_y + 1.0,
            (c.span.1 - c.span.0).max(2.0),
            6.0,
            1.0,
        );
        line(&mut w, "stem", c.x, lay.axis.line_y, c.x, c.rect.y);
        w.empty(
            "circle",
            &[
                ("class", "pin"),
                ("cx", &num(c.x)),
                ("cy", &num(lay.axis.line_y)),
                ("r", "3"),
            ],
        );
        rect(&mut w, "card", c.rect.x, c.rect.y, c.rect.w, c.rect.h, 4.0);
        lines(&mut w, &c.lines);
        w.close("g");
    }
    w.close("g");

    // Lane labels.
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
        lines(&mut w, &l.lines);
        w.close("g");
    }
    w.close("g");

    // Lineage arcs and claim links, under the claims.
    w.open("g", &[("class", "lineage")]);
    for a in &lay.arcs {
        edge(&mut w, &tl.lineage[a.link], &a.d);
    }
    w.close("g");
    w.open("g", &[("class", "links")]);
    for a in &lay.links {
        edge(&mut w, &tl.links[a.link], &a.d);
    }
    w.close("g");

    // Claims.
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
        rect(&mut w, back, c.rect.x, c.rect.y, c.rect.w, c.rect.h, 3.0);
        w.empty(
            "circle",
            &[
                ("class", "marker"),
                ("cx", &num(c.cx)),
                ("cy", &num(c.cy)),
                ("r", &num(MARKER_R)),
            ],
        );
        lines(&mut w, &c.lines);
        w.close("g");
    }
    w.close("g");

    // Legend and notes.
    w.open("g", &[("class", "legend")]);
    for l in &lay.legend {
        swatch(&mut w, l.key, l.swatch.0, l.swatch.1);
        lines(&mut w, std::slice::from_ref(&l.line));
    }
    lines(&mut w, &lay.notes);
    w.close("g");
    w.finish()
}

/// Draw one link: a group with the edge's id, kind class and tooltip.
pub fn edge(w: &mut SvgWriter, l: &super::model::Link, d: &str) {
    let k = class_name(l.kind.as_str());
    let cl = classes(&format!("edge {k}"), &[(l.new, "new")]);
    w.open("g", &[("id", &l.id), ("class", &cl)]);
    w.title(&l.tooltip);
    let m = format!("url(#arrow-{k})");
    w.empty("path", &[("d", d), ("marker-end", &m)]);
    w.close("g");
}
