//! `graph.dot`: the drawing as Graphviz DOT, written by hand (not petgraph's `Dot`) so
//! that every node kind has its shape and colour, every edge kind its style, articles
//! sit in date-ordered clusters with their claims, a legend explains it all, and
//! every label is escaped.

use std::io::{self, Write};

use crate::map::layout::layer;
use crate::map::scene::{articles, scene, DrawOptions, Scene, SceneEdge, SceneNode};
use crate::style;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind};

/// How to write DOT.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// What to draw.
    pub draw: DrawOptions,
}

const FONT: &str = "Helvetica,Arial,sans-serif";

/// Escape text for a DOT double-quoted string used as a label or tooltip: `\` and `"`
/// are escaped, a newline becomes the centred line break `\n`, other control
/// characters are dropped, and `&` is written `&amp;` because Graphviz reads HTML
/// entities in labels.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The longest DOT string we write, in bytes after escaping. Graphviz refuses a
/// string longer than 16,384 bytes (its scanner's buffer); half of that leaves room
/// for whatever Graphviz adds while reading it.
pub(crate) const MAX_STRING_BYTES: usize = 8 * 1024;

/// What ends a string cut to fit.
const ELLIPSIS: &str = "\u{2026}";

/// Cut escaped DOT text to at most [`MAX_STRING_BYTES`] bytes, ending with an ellipsis:
/// at a character boundary, and never inside an escape (`\\x`, `&amp;`).
pub(crate) fn fit(escaped: String) -> String {
    if escaped.len() <= MAX_STRING_BYTES {
        return escaped;
    }
    let budget = MAX_STRING_BYTES - ELLIPSIS.len();
    let mut end = 0;
    let mut it = escaped.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        // One escape is one piece: a backslash and the character after it, or `&amp;`.
        let len = match c {
            '\\' => 1 + it.next().map_or(0, |(_, n)| n.len_utf8()),
            '&' if escaped[i..].starts_with("&amp;") => {
                for _ in 0.."amp;".len() {
                    it.next();
                }
                "&amp;".len()
            }
            c => c.len_utf8(),
        };
        if i + len > budget {
            break;
        }
        end = i + len;
    }
    let mut out = escaped;
    out.truncate(end);
    out.push_str(ELLIPSIS);
    out
}

/// A quoted DOT string, cut to fit Graphviz's limit.
pub(crate) fn q(s: &str) -> String {
    format!("\"{}\"", fit(escape(s)))
}

/// Attributes as `[k=v, ...]`; values are quoted and escaped.
pub(crate) fn attrs(list: &[(&str, &str)]) -> String {
    let parts: Vec<String> = list.iter().map(|(k, v)| format!("{k}={}", q(v))).collect();
    format!("[{}]", parts.join(", "))
}

/// Write `g` as DOT.
pub fn write_dot(g: &LevelGraph, opts: &DotOptions, w: &mut impl Write) -> io::Result<()> {
    write_scene(&scene(g, &opts.draw), w)
}

/// Write a scene as DOT.
pub(crate) fn write_scene(s: &Scene, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "digraph {} {{", q(&s.title))?;
    let mut title = s.title.clone();
    if let (Some(first), Some(last)) = (s.timeline.first(), s.timeline.last()) {
        if let (Some(a), Some(b)) = (s.nodes[*first].date, s.nodes[*last].date) {
            title.push_str(&format!(
                " \u{2014} {}, {a} to {b}",
                articles(s.timeline.len())
            ));
        }
    }
    writeln!(
        w,
        "  graph {};",
        attrs(&[
            ("rankdir", "LR"),
            ("fontname", FONT),
            ("fontsize", "16"),
            ("label", &title),
            ("labelloc", "t"),
            ("labeljust", "l"),
            ("nodesep", "0.18"),
            ("ranksep", "0.45"),
            ("pad", "0.3"),
            ("bgcolor", "white"),
            ("id", "levelmap"),
            ("class", "levelmap"),
        ])
    )?;
    writeln!(
        w,
        "  node {};",
        attrs(&[
            ("fontname", FONT),
            ("fontsize", "11"),
            ("style", "filled"),
            ("penwidth", "1.2")
        ])
    )?;
    writeln!(
        w,
        "  edge {};",
        attrs(&[("fontname", FONT), ("fontsize", "9"), ("arrowsize", "0.7")])
    )?;
    write_legend(s, w)?;

    // Articles with their claims, one cluster each, in date order. The members of
    // each article's cluster, in scene order, found in one pass over the nodes.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); s.nodes.len()];
    for (k, n) in s.nodes.iter().enumerate() {
        if let Some(a) = n.slot.filter(|&a| a != k && a < members.len()) {
            members[a].push(k);
        }
    }
    let mut in_cluster = vec![false; s.nodes.len()];
    for &a in &s.timeline {
        let art = &s.nodes[a];
        let date = art.date.map(|d| d.to_string()).unwrap_or_default();
        writeln!(w)?;
        writeln!(w, "  subgraph {} {{", q(&format!("cluster_{}", art.id)))?;
        writeln!(
            w,
            "    graph {};",
            attrs(&[
                ("label", &date),
                ("id", &format!("cluster-{}", art.id)),
                ("class", "cluster article"),
                ("style", "rounded,filled"),
                ("fillcolor", "#fffdf7"),
                ("color", "#d7ccc8"),
                ("fontsize", "12"),
                ("tooltip", &art.tooltip),
            ])
        )?;
        write_node(w, "    ", art)?;
        in_cluster[a] = true;
        for &k in &members[a] {
            write_node(w, "    ", &s.nodes[k])?;
            in_cluster[k] = true;
        }
        writeln!(w, "  }}")?;
    }
    writeln!(w)?;
    for (k, n) in s.nodes.iter().enumerate() {
        if !in_cluster[k] {
            write_node(w, "  ", n)?;
        }
    }

    // Time runs left to right: every edge points the way the SVG layout lays it
    // (from the earlier column to the later), and an invisible chain joins consecutive
    // articles. Pinning columns exactly (rank=same groups, or long minimum lengths on
    // the chain) makes dot slow: 18 s and 4.6 s instead of 0.5 s on a 500-node map.
    let l = layer(s, 0, 0);
    if s.timeline.len() > 1 {
        writeln!(w)?;
        for pair in s.timeline.windows(2) {
            let gap = l.rank[pair[1]].saturating_sub(l.rank[pair[0]]).max(1);
            writeln!(
                w,
                "  {} -> {} [style=\"invis\", weight=\"2\", minlen=\"{gap}\"];",
                q(&s.nodes[pair[0]].id),
                q(&s.nodes[pair[1]].id)
            )?;
        }
    }

    writeln!(w)?;
    for (k, e) in s.edges.iter().enumerate() {
        write_edge(w, s, e, l.forward[k])?;
    }
    writeln!(w, "}}")
}

fn node_attrs<'a>(n: &'a SceneNode, label: &'a str) -> Vec<(&'static str, String)> {
    let st = style::node_style(n.kind);
    let mut node_style = String::from("filled");
    if n.kind == NodeKind::Claim {
        node_style.push_str(",rounded");
    }
    if n.classes.contains("hedged") {
        node_style.push_str(",dashed");
    }
    // Drafted by `levelmap extract`, not reviewed: a dotted border and greyed text.
    let extracted = n.classes.split(' ').any(|c| c == "extracted");
    if extracted {
        node_style.push_str(",dotted");
    }
    let mut list = vec![
        ("id", n.id.clone()),
        ("class", n.classes.clone()),
        ("label", label.to_string()),
        ("tooltip", n.tooltip.clone()),
        ("shape", st.dot_shape.to_string()),
        ("style", node_style),
        ("fillcolor", st.fill.to_string()),
        ("color", st.stroke.to_string()),
    ];
    if extracted {
        list.push(("fontcolor", "#616161".to_string()));
    }
    list
}

fn write_node(w: &mut impl Write, indent: &str, n: &SceneNode) -> io::Result<()> {
    // Claims read as left-justified paragraphs (`\l` ends each line); names are centred.
    let label = if n.kind == NodeKind::Claim {
        n.lines
            .iter()
            .map(|l| format!("{}\\l", escape(l)))
            .collect::<String>()
    } else {
        n.lines
            .iter()
            .map(|l| escape(l))
            .collect::<Vec<_>>()
            .join("\\n")
    };
    let label = fit(label);
    let list = node_attrs(n, "");
    let mut parts: Vec<String> = Vec::new();
    for (k, v) in &list {
        if *k == "label" {
            // Already escaped, with deliberate line breaks.
            parts.push(format!("label=\"{label}\""));
        } else {
            parts.push(format!("{k}={}", q(v)));
        }
    }
    writeln!(w, "{indent}{} [{}];", q(&n.id), parts.join(", "))
}

fn edge_style_attrs(kind: Option<EdgeKind>, color: &str) -> Vec<(&'static str, String)> {
    let Some(kind) = kind else {
        return vec![
            ("color", color.to_string()),
            ("penwidth", "1".to_string()),
            ("style", "dotted".to_string()),
            ("arrowhead", "none".to_string()),
        ];
    };
    let st = style::edge_style(kind);
    let mut v = vec![
        ("color", color.to_string()),
        ("penwidth", format!("{}", st.width)),
        ("style", st.dot_style.to_string()),
    ];
    if kind == EdgeKind::About {
        v.push(("arrowhead", "onormal".to_string()));
    }
    v
}

fn write_edge(w: &mut impl Write, s: &Scene, e: &SceneEdge, forward: bool) -> io::Result<()> {
    let (tail, head) = if forward {
        (e.from, e.to)
    } else {
        (e.to, e.from)
    };
    let mut list: Vec<(&str, String)> = vec![
        ("id", e.id.clone()),
        ("class", e.classes.clone()),
        ("tooltip", e.tooltip.clone()),
    ];
    list.extend(edge_style_attrs(e.kind, e.color));
    if e.classes.split(' ').any(|c| c == "extracted") {
        // Drafted by `levelmap extract`, not reviewed.
        if let Some(style) = list.iter_mut().find(|(k, _)| *k == "style") {
            style.1 = "dotted".to_string();
        } else {
            list.push(("style", "dotted".to_string()));
        }
    }
    if !forward && !e.is_thread() {
        list.push(("dir", "back".to_string()));
    }
    let refs: Vec<(&str, &str)> = list.iter().map(|(k, v)| (*k, v.as_str())).collect();
    writeln!(
        w,
        "  {} -> {} {};",
        q(&s.nodes[tail].id),
        q(&s.nodes[head].id),
        attrs(&refs)
    )
}

/// What each node and edge kind means, for the legend's tooltips.
pub(crate) fn kind_help(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Article => "article: a published piece; its claims sit beside it",
        NodeKind::Actor => "actor: a person, party, body or organisation",
        NodeKind::Policy => "policy: an agenda, programme, fund or strategy",
        NodeKind::Claim => "claim: what an article asserts (dashed border: hedged)",
        NodeKind::Event => "event: a dated milestone",
    }
}

fn write_legend(s: &Scene, w: &mut impl Write) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "  subgraph cluster_legend {{")?;
    let mut note = String::from("Legend");
    if s.collapsed_mentions > 0 {
        note.push_str(&format!(
            "\n{} mentions in article tooltips",
            s.collapsed_mentions
        ));
    }
    writeln!(
        w,
        "    graph {};",
        attrs(&[
            ("label", &note),
            ("id", "legend"),
            ("class", "legend"),
            ("style", "rounded,filled"),
            ("fillcolor", "#fafafa"),
            ("color", "#bdbdbd"),
            ("fontsize", "11"),
        ])
    )?;
    let mut column: Vec<String> = Vec::new();
    for kind in s.node_kinds() {
        let st = style::node_style(kind);
        let id = format!("legend:{kind}");
        let mut node_style = String::from("filled");
        if kind == NodeKind::Claim {
            node_style.push_str(",rounded");
        }
        writeln!(
            w,
            "    {} {};",
            q(&id),
            attrs(&[
                ("id", &format!("legend-{kind}")),
                (
                    "class",
                    &format!("legend node {}", style::class_name(kind.as_str()))
                ),
                ("label", kind.as_str()),
                ("tooltip", kind_help(kind)),
                ("shape", st.dot_shape),
                ("style", &node_style),
                ("fillcolor", st.fill),
                ("color", st.stroke),
                ("fontsize", "10"),
                ("height", "0.3"),
                ("margin", "0.05,0.02"),
            ])
        )?;
        column.push(q(&id));
    }
    // Edge samples: a label, then a short edge in the kind's style.
    let mut ends = Vec::new();
    for sample in s.edge_samples() {
        let (key, label, kind, color) = (&sample.key, &sample.label, &sample.kind, sample.color);
        let a = format!("legend:{key}");
        let b = format!("legend:{key}:to");
        writeln!(
            w,
            "    {} {};",
            q(&a),
            attrs(&[
                ("id", &format!("legend-{key}")),
                ("class", "legend label"),
                ("label", label),
                ("shape", "plaintext"),
                ("style", ""),
                ("fontsize", "10"),
                ("height", "0.2"),
                ("margin", "0.02")
            ])
        )?;
        writeln!(
            w,
            "    {} {};",
            q(&b),
            attrs(&[
                ("id", &format!("legend-{key}-to")),
                ("label", ""),
                ("shape", "point"),
                ("width", "0.04"),
                ("color", "#9e9e9e")
            ])
        )?;
        let class = kind.map_or("legend thread".to_string(), |k| {
            format!("legend edge {}", style::class_name(k.as_str()))
        });
        let mut list: Vec<(&str, String)> =
            vec![("id", format!("legend-{key}-edge")), ("class", class)];
        list.extend(edge_style_attrs(*kind, color));
        let refs: Vec<(&str, &str)> = list.iter().map(|(k, v)| (*k, v.as_str())).collect();
        writeln!(w, "    {} -> {} {};", q(&a), q(&b), attrs(&refs))?;
        column.push(q(&a));
        ends.push(q(&b));
    }
    if !column.is_empty() {
        writeln!(w, "    {{ rank=same; {}; }}", column.join("; "))?;
        // Stack the samples in order, top to bottom (in a left-to-right graph, a flat
        // edge puts its head above its tail).
        for pair in column.windows(2) {
            writeln!(w, "    {} -> {} [style=\"invis\"];", pair[1], pair[0])?;
        }
    }
    if !ends.is_empty() {
        writeln!(w, "    {{ rank=same; {}; }}", ends.join("; "))?;
    }
    writeln!(w, "  }}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_newlines_and_ampersands() {
        assert_eq!(
            escape("say \"hi\"\\n\nR&D <b>\u{1}é"),
            "say \\\"hi\\\"\\\\n\\nR&amp;D <b>é"
        );
    }

    #[test]
    fn a_tooltip_over_graphviz_limit_is_cut_with_an_ellipsis() {
        // Escapes (`\\"`, `&amp;`) and multi-byte characters at every offset: the cut
        // never splits one, and the result stays within the limit.
        for pad in 0..6 {
            let s = format!("{}{}", "x".repeat(pad), "a\"é&\\\n€".repeat(4000));
            let cut = fit(escape(&s));
            assert!(cut.len() <= MAX_STRING_BYTES, "{}", cut.len());
            assert!(cut.len() > MAX_STRING_BYTES - 16, "{}", cut.len());
            let body = cut.strip_suffix('\u{2026}').expect("ends with an ellipsis");
            assert!(escape(&s).starts_with(body));
            assert!(!body.ends_with('\\') || body.ends_with("\\\\"), "{body:?}");
            assert!(!body.ends_with('&'));
        }
        let short = "R&D \"x\"";
        assert_eq!(fit(escape(short)), escape(short), "short strings are kept");
    }

    #[test]
    fn attributes_are_quoted() {
        assert_eq!(
            attrs(&[("label", "a\"b"), ("id", "x")]),
            "[label=\"a\\\"b\", id=\"x\"]"
        );
    }
}
