//! The visual language shared by every drawing (DOT, the SVG map, the timeline):
//! a colour and shape per node kind, a stroke per edge kind, a colour per stance.

use levelmap_model::{EdgeKind, NodeKind, Stance};

/// How a node kind is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeStyle {
    /// Fill colour.
    pub fill: &'static str,
    /// Border colour.
    pub stroke: &'static str,
    /// Graphviz shape.
    pub dot_shape: &'static str,
}

/// The style of a node kind.
pub(crate) fn node_style(kind: NodeKind) -> NodeStyle {
    match kind {
        NodeKind::Article => NodeStyle {
            fill: "#fdf6e3",
            stroke: "#8a6d3b",
            dot_shape: "note",
        },
        NodeKind::Actor => NodeStyle {
            fill: "#e3f2fd",
            stroke: "#1565c0",
            dot_shape: "ellipse",
        },
        NodeKind::Policy => NodeStyle {
            fill: "#ede7f6",
            stroke: "#5e35b1",
            dot_shape: "hexagon",
        },
        NodeKind::Claim => NodeStyle {
            fill: "#ffffff",
            stroke: "#546e7a",
            dot_shape: "box",
        },
        NodeKind::Event => NodeStyle {
            fill: "#fff3e0",
            stroke: "#ef6c00",
            dot_shape: "cds",
        },
    }
}

/// How an edge kind is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeStyle {
    /// Stroke colour.
    pub color: &'static str,
    /// Stroke width in px.
    pub width: f64,
    /// SVG dash array ("" for solid).
    pub dash: &'static str,
    /// Graphviz style.
    pub dot_style: &'static str,
}

/// The style of an edge kind: attacks red, supports green, echoes dashed,
/// evolves-into bold, mentions faint.
pub(crate) fn edge_style(kind: EdgeKind) -> EdgeStyle {
    let s = |color, width, dash, dot_style| EdgeStyle {
        color,
        width,
        dash,
        dot_style,
    };
    match kind {
        EdgeKind::Attacks => s("#c62828", 2.0, "", "solid"),
        EdgeKind::Supports => s("#2e7d32", 2.0, "", "solid"),
        EdgeKind::Echoes => s("#6a1b9a", 1.6, "6 4", "dashed"),
        EdgeKind::EvolvesInto => s("#4527a0", 3.5, "", "bold"),
        EdgeKind::Replaces => s("#4527a0", 2.5, "2 3", "bold,dotted"),
        EdgeKind::PartOf => s("#7e57c2", 1.2, "2 3", "dotted"),
        EdgeKind::Mentions => s("#b0bec5", 0.8, "1 3", "dotted"),
        EdgeKind::Proposes => s("#1565c0", 1.6, "", "solid"),
        EdgeKind::Criticises => s("#d84315", 1.6, "", "solid"),
        EdgeKind::About => s("#78909c", 1.2, "", "solid"),
        EdgeKind::Authored | EdgeKind::PublishedBy | EdgeKind::Makes => {
            s("#90a4ae", 1.0, "", "solid")
        }
        EdgeKind::AttributedTo => s("#0277bd", 1.2, "4 2", "dashed"),
        EdgeKind::MemberOf => s("#90a4ae", 1.0, "4 2", "dashed"),
        EdgeKind::RefersTo => s("#ef6c00", 1.0, "3 3", "dashed"),
    }
}

/// The colour of a stance.
pub(crate) fn stance_color(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::For) => "#2e7d32",
        Some(Stance::Against) => "#c62828",
        Some(Stance::Mixed) => "#f9a825",
        Some(Stance::Neutral) | None => "#78909c",
    }
}

/// A CSS-safe class name for a kind ("evolves-into" stays as is).
pub(crate) fn class_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
