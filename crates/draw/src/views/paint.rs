//! The SVG pieces shared by the time-layered views: the style sheet, arrowheads,
//! lines of text, rectangles and lines, class lists, links, and the start of a page
//! (the document, its arrowheads and white background) and of its heading.

use std::fmt::Write as _;

use levelmap_model::{EdgeKind, NodeKind, Stance};

use super::model::Link;
use super::page::{font, Line};
use crate::style::{class_name, edge_style, node_style, stance_color};
use crate::svgw::{num, SvgWriter};

/// Colour that marks what is new in a time slice.
pub(crate) const NEW_COLOR: &str = "#ff6f00";

/// The style sheet shared by the time-layered drawings: fonts per text class (from
/// [`font`]), and colours per node kind, edge kind and stance (from [`crate::style`]).
pub(crate) fn css() -> String {
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
pub(crate) fn defs(w: &mut SvgWriter, kinds: &[EdgeKind]) {
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
pub(crate) fn lines(w: &mut SvgWriter, ls: &[Line]) {
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

pub(crate) fn rect(w: &mut SvgWriter, class: &str, x: f64, y: f64, wd: f64, h: f64, rx: f64) {
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

pub(crate) fn line(w: &mut SvgWriter, class: &str, x1: f64, y1: f64, x2: f64, y2: f64) {
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

pub(crate) fn classes(base: &str, extra: &[(bool, &str)]) -> String {
    let mut s = base.to_string();
    for (on, c) in extra {
        if *on {
            s.push(' ');
            s.push_str(c);
        }
    }
    s
}

/// Draw one link: a group with the edge's id, kind class and tooltip.
pub(crate) fn edge(w: &mut SvgWriter, l: &Link, d: &str) {
    let k = class_name(l.kind.as_str());
    let cl = classes(&format!("edge {k}"), &[(l.new, "new")]);
    w.open("g", &[("id", &l.id), ("class", &cl)]);
    w.title(&l.tooltip);
    let m = format!("url(#arrow-{k})");
    w.empty("path", &[("d", d), ("marker-end", &m)]);
    w.close("g");
}

/// A new page `width` x `height`: the document with the style sheet, an arrowhead
/// for each of `kinds` (sorted, once each) and a white background.
pub(crate) fn page(width: f64, height: f64, mut kinds: Vec<EdgeKind>) -> SvgWriter {
    let mut w = SvgWriter::new(width, height, &css());
    kinds.sort();
    kinds.dedup();
    defs(&mut w, &kinds);
    w.empty(
        "rect",
        &[
            ("x", "0"),
            ("y", "0"),
            ("width", &num(width)),
            ("height", &num(height)),
            ("fill", "#ffffff"),
        ],
    );
    w
}

/// Open the heading group: its tooltip (title and subtitle) and its lines. The
/// caller adds what else belongs in it, then closes the `g`.
pub(crate) fn open_heading(w: &mut SvgWriter, title: &str, subtitle: &str, heading: &[Line]) {
    w.open("g", &[("class", "heading")]);
    w.title(&format!("{title}\n{subtitle}"));
    lines(w, heading);
}
