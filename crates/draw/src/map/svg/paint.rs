//! The look of the argument map SVG: the style sheet, arrowhead ids and markers,
//! node shapes per kind, and edge strokes.

use levelmap_model::{EdgeKind, NodeKind};

use crate::style;
use crate::svgw::{num, SvgWriter};

/// A marker id for an arrowhead of a colour (open for `about`).
pub(super) fn marker_id(color: &str, open: bool) -> String {
    format!(
        "{}{}",
        if open { "head-open-" } else { "head-" },
        color.trim_start_matches('#')
    )
}

/// The style sheet: fonts, hover, and the colours of each node kind.
pub(super) fn css() -> String {
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
pub(super) fn shape(
    w: &mut SvgWriter,
    kind: NodeKind,
    x: f64,
    y: f64,
    wd: f64,
    h: f64,
    hedged: bool,
) {
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

/// The stroke of an edge kind in a colour (dotted for threads).
pub(super) fn stroke_attrs(kind: Option<EdgeKind>, color: &str) -> Vec<(&'static str, String)> {
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
pub(super) fn marker_for(kind: Option<EdgeKind>, color: &str) -> Option<String> {
    kind.map(|k| format!("url(#{})", marker_id(color, k == EdgeKind::About)))
}

/// Attribute pairs as the writer takes them.
pub(super) fn as_refs<'a>(v: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, x)| (*k, x.as_str())).collect()
}
