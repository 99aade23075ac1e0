//! The items of the timeline, each with its tooltip: article cards, events, claims
//! placed in a lane, and the words for edges; plus the small phrase helpers.

use petgraph::graph::NodeIndex;
use petgraph::Direction;

use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{DateProvenance, EdgeKind, Origin, Stance};

use super::graph::targets;
use super::{ArticleItem, EventItem, LaneClaim};

pub(super) fn names(g: &LevelGraph, v: &[NodeIndex]) -> Vec<String> {
    v.iter().map(|&i| g.node(i).label.to_string()).collect()
}

pub(super) fn join_and(v: &[String]) -> String {
    match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        n => format!("{} and {}", v[..n - 1].join(", "), v[n - 1]),
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The article facts shown on a card.
pub(super) fn article_item(g: &LevelGraph, a: NodeIndex) -> Option<ArticleItem> {
    let n = g.node(a);
    let NodeData::Article { title, date, url } = &n.data else {
        return None;
    };
    let authors = names(
        g,
        &targets(g, a, &[EdgeKind::Authored], Direction::Incoming),
    );
    let outlet = targets(g, a, &[EdgeKind::PublishedBy], Direction::Outgoing)
        .first()
        .map(|&o| g.node(o).label.to_string());
    let claims = targets(g, a, &[EdgeKind::Makes], Direction::Outgoing).len();
    let inferred = date.provenance == DateProvenance::Inferred;
    let mut tip = vec![title.clone()];
    if let Some(o) = &outlet {
        tip.push(o.to_string());
    }
    if !authors.is_empty() {
        tip.push(format!("By {}", join_and(&authors)));
    }
    let mut dated = format!(
        "Dated {} ({}, to the {})",
        date.value,
        date.provenance,
        date.value.precision().as_str()
    );
    if let Some(e) = &date.evidence {
        dated.push_str(&format!(": “{e}”"));
    }
    tip.push(dated);
    if let Some(r) = &date.reasoning {
        tip.push(format!("Why: {r}"));
    }
    tip.push(plural(claims, "claim", "claims"));
    if let Some(u) = url {
        tip.push(u.clone());
    }
    Some(ArticleItem {
        id: n.id.to_string(),
        title: title.clone(),
        outlet,
        authors,
        date: date.value,
        inferred,
        tooltip: tip.join("\n"),
        claims,
        new: false,
    })
}

pub(super) fn event_item(g: &LevelGraph, e: NodeIndex) -> Option<EventItem> {
    let n = g.node(e);
    let NodeData::Entity {
        subkind,
        description,
        date: Some(date),
        ..
    } = &n.data
    else {
        return None;
    };
    let mut tip = format!("{} ({}, {})", n.label, date, subkind);
    if let Some(d) = description {
        tip.push('\n');
        tip.push_str(d);
    }
    Some(EventItem {
        id: n.id.to_string(),
        name: n.label.to_string(),
        date: *date,
        subkind: subkind.clone(),
        tooltip: tip,
        new: false,
    })
}

/// The tooltip of an edge: what it says, its quote and its source.
pub(crate) fn edge_tooltip(g: &LevelGraph, e: petgraph::graph::EdgeIndex) -> String {
    let Some((a, b)) = g.graph.edge_endpoints(e) else {
        return String::new();
    };
    let w = g.edge(e);
    let mut s = format!(
        "{} — {} — {}",
        g.node(a).label,
        w.kind.phrase(),
        g.node(b).label
    );
    if let Some(st) = w.stance {
        s.push_str(&format!(" ({st})"));
    }
    let source = g
        .find_article(&w.evidence.article)
        .map(|i| {
            let n = g.node(i);
            match n.date() {
                Some(d) => format!("{} ({d})", n.label),
                None => n.label.to_string(),
            }
        })
        .unwrap_or_else(|| w.evidence.article.to_string());
    s.push_str(&format!("\n“{}”\n— {}", w.evidence.quote, source));
    if let Some(n) = &w.note {
        s.push_str(&format!("\nNote: {n}"));
    }
    s
}

pub(super) fn claim_tooltip(
    g: &LevelGraph,
    c: NodeIndex,
    about: Option<(NodeIndex, Option<Stance>)>,
) -> String {
    let n = g.node(c);
    let NodeData::Claim {
        text,
        evidence,
        claim_kind,
        hedged,
        date,
        ..
    } = &n.data
    else {
        return n.label.to_string();
    };
    let mut s = format!("{text}\n“{}”", evidence.quote);
    let speakers = join_and(&names(g, &g.speakers(c)));
    let article = g
        .article_of(c)
        .map(|a| g.node(a).label.clone())
        .unwrap_or_else(|| evidence.article.clone());
    let when = date.map(|d| format!(" ({d})")).unwrap_or_default();
    if speakers.is_empty() {
        s.push_str(&format!("\n— {article}{when}"));
    } else {
        s.push_str(&format!("\n— {speakers}, in {article}{when}"));
    }
    s.push_str(&format!(
        "\n{claim_kind}{}",
        if *hedged { ", hedged" } else { "" }
    ));
    if let Some((p, st)) = about {
        s.push_str(&format!(
            "; {} {}",
            st.map_or("about", |s| s.as_str()),
            g.node(p).label
        ));
    }
    if let Origin::Extracted(conf) = n.origin {
        s.push_str(&format!(
            "\nDrafted by levelmap extract (confidence {conf:.2}), not reviewed"
        ));
    }
    s
}

/// A claim as placed in a lane: `about` is the lane's idea and the claim's stance
/// toward it, `prefix` the ideas written before the text (in the "other" lane); its
/// tooltip is left empty without `tips`.
pub(super) fn claim_item(
    g: &LevelGraph,
    c: NodeIndex,
    about: Option<(NodeIndex, Option<Stance>)>,
    prefix: Option<String>,
    tips: bool,
) -> Option<LaneClaim> {
    let n = g.node(c);
    let NodeData::Claim {
        text,
        hedged,
        date: Some(date),
        ..
    } = &n.data
    else {
        return None;
    };
    Some(LaneClaim {
        id: n.id.to_string(),
        text: match prefix {
            Some(p) => format!("{p} {text}"),
            None => text.to_string(),
        },
        stance: about.and_then(|a| a.1),
        date: *date,
        article: g
            .article_of(c)
            .map(|a| g.node(a).id.clone())
            .unwrap_or_default()
            .to_string(),
        hedged: *hedged,
        extracted: matches!(n.origin, Origin::Extracted(_)),
        tooltip: if tips {
            claim_tooltip(g, c, about)
        } else {
            String::new()
        },
        new: false,
    })
}
