//! The words of the argument map: label lines, classes and tooltips of nodes and
//! edges, with their quotes and sources.

use levelmap_model::graph::{Edge, LevelGraph, Node, NodeData};
use levelmap_model::{NodeKind, Origin};

use super::FONT_PX;
use crate::style;
use crate::text;

/// Label lines for a node: dates first on the time axis, names wrapped.
pub(super) fn label_lines(n: &Node) -> Vec<String> {
    let wrap = |s: &str, px: f64, lines: usize| text::wrap_label(s, FONT_PX, px, lines);
    match (&n.data, n.kind) {
        (NodeData::Article { title, .. }, _) => wrap(title, 170.0, 4),
        (NodeData::Claim { text, .. }, _) => wrap(text, 190.0, 6),
        (NodeData::Entity { date: Some(d), .. }, NodeKind::Event) => {
            let mut v = wrap(&n.label, 140.0, 3);
            v.push(d.to_string());
            v
        }
        _ => wrap(&n.label, 140.0, 3),
    }
}

pub(super) fn node_classes(n: &Node) -> String {
    let mut c = format!("node {}", style::class_name(n.kind.as_str()));
    if let NodeData::Claim { hedged: true, .. } = n.data {
        c.push_str(" hedged");
    }
    if matches!(n.origin, Origin::Extracted(_)) {
        c.push_str(" extracted");
    }
    c
}

/// "“quote” (Article title, 2020-09)".
fn cite(g: &LevelGraph, article: &str, quote: &str) -> String {
    let q = text::one_line(quote);
    match g.find_article(article).map(|i| g.node(i)) {
        Some(a) => match a.date() {
            Some(d) => format!("\u{201c}{q}\u{201d} ({}, {d})", text::one_line(&a.label)),
            None => format!("\u{201c}{q}\u{201d} ({})", text::one_line(&a.label)),
        },
        None => format!("\u{201c}{q}\u{201d} ({article})"),
    }
}

fn origin_note(o: Origin) -> Option<String> {
    match o {
        Origin::Extracted(c) => Some(format!(
            "drafted by levelmap extract (confidence {c:.2}), not reviewed"
        )),
        _ => None,
    }
}

pub(super) fn node_tooltip(g: &LevelGraph, n: &Node, mentions: &[&str]) -> String {
    let mut t = vec![text::one_line(&n.label)];
    match &n.data {
        NodeData::Article { date, url, .. } => {
            let mut d = format!("{} ({}", date.value, date.provenance);
            if let Some(r) = &date.reasoning {
                d.push_str(&format!(": {}", text::one_line(r)));
            }
            d.push(')');
            t.push(d);
            if let Some(u) = url {
                t.push(text::one_line(u));
            }
            if !mentions.is_empty() {
                let mut m: Vec<&str> = mentions.to_vec();
                m.sort();
                m.dedup();
                t.push(format!(
                    "mentions ({}): {}",
                    m.len(),
                    m.iter()
                        .map(|s| text::one_line(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        NodeData::Claim {
            evidence,
            claim_kind,
            speaker,
            hedged,
            ..
        } => {
            t.push(cite(g, &evidence.article, &evidence.quote));
            let mut k = claim_kind.to_string();
            if *hedged {
                k.push_str(", hedged");
            }
            if let Some(s) = speaker {
                let name = g.find(s).map_or(s.as_str(), |i| g.node(i).label.as_ref());
                k.push_str(&format!(", said by {}", text::one_line(name)));
            }
            t.push(k);
        }
        NodeData::Entity {
            subkind,
            aliases,
            description,
            date,
            roles,
        } => {
            let mut k = subkind.clone();
            if let Some(d) = date {
                k.push_str(&format!(", {d}"));
            }
            t.push(k);
            if let Some(d) = description {
                t.push(text::one_line(d));
            }
            if !aliases.is_empty() {
                t.push(format!(
                    "also: {}",
                    aliases
                        .iter()
                        .map(|a| text::one_line(a))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            for r in roles {
                let mut s = text::one_line(&r.title);
                if let Some(f) = r.from {
                    s.push_str(&format!(" from {f}"));
                }
                if let Some(to) = r.to {
                    s.push_str(&format!(" to {to}"));
                }
                t.push(s);
            }
        }
    }
    t.extend(origin_note(n.origin));
    t.push(n.id.to_string());
    t.join("\n")
}

pub(super) fn edge_tooltip(g: &LevelGraph, from: &Node, to: &Node, e: &Edge) -> String {
    let mut head = format!(
        "{} \u{2014} {} \u{2192} {}",
        text::one_line(&from.label),
        e.kind.phrase(),
        text::one_line(&to.label)
    );
    if let Some(s) = e.stance {
        head.push_str(&format!(" ({s})"));
    }
    let mut t = vec![head, cite(g, &e.evidence.article, &e.evidence.quote)];
    if let Some(n) = &e.note {
        t.push(format!("note: {}", text::one_line(n)));
    }
    t.extend(origin_note(e.origin));
    t.join("\n")
}
