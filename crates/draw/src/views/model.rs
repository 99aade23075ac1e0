//! What the timeline shows, extracted from a [`LevelGraph`]: the articles and events on
//! the time axis, one lane per recurring idea with the claims about it, and the links
//! (echoes, supports, attacks between claims; evolves-into, replaces, part-of between
//! ideas). Filters (`--about`, `--from`, `--to`, `--lanes`) are applied here.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{DateProvenance, EdgeKind, NodeKind, Origin, Stance};

use super::{resolve, TimelineError, TimelineOptions};
use crate::dates::human_date;

/// The id of the lane that holds claims about no idea with a lane of its own.
pub const OTHER_LANE: &str = "lane:other";

/// Everything the timeline draws, in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Heading.
    pub title: String,
    /// Second line under the heading.
    pub subtitle: String,
    /// The time axis: days since 1970-01-01, `[start, end)`.
    pub domain: (i64, i64),
    /// Articles, by (date, id).
    pub articles: Vec<ArticleItem>,
    /// Dated events on the axis, by (date, id).
    pub events: Vec<EventItem>,
    /// Lanes, in drawing order (see [`super::layout::order_lanes`]).
    pub lanes: Vec<Lane>,
    /// Claim-to-claim links whose two claims are drawn.
    pub links: Vec<Link>,
    /// Idea-to-idea links whose two ideas have lanes.
    pub lineage: Vec<Link>,
    /// Footnotes (events off the axis, what the lanes leave out).
    pub notes: Vec<Note>,
    /// For a time slice: the first day after the slice; later time is shaded.
    pub cutoff: Option<i64>,
    /// For a time slice: links to the previous and next pages (file names).
    pub nav: Option<Nav>,
}

/// A footnote, kept structured so that a time slice can restate it.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Events referred to but outside the axis: label, and the ids of the articles
    /// that refer to it.
    OffAxis(Vec<(String, BTreeSet<String>)>),
    /// Ideas without a lane of their own (how many, if known), and whether `--lanes`
    /// was given.
    Unlaned(Option<usize>, bool),
    /// Links between claims of one article, not drawn (how many, if known).
    Within(Option<usize>),
    /// Some article dates are inferred.
    Inferred,
}

impl Note {
    /// The footnote in words.
    pub fn text(&self) -> String {
        match self {
            Note::OffAxis(v) => {
                let names: Vec<&str> = v.iter().map(|(n, _)| n.as_str()).collect();
                format!("Also referred to, outside this axis: {}.", names.join("; "))
            }
            Note::Unlaned(n, lanes_given) => format!(
                "{} without a lane of their own {} in “Other ideas”, each claim labelled with its ideas{}.",
                n.map_or("Ideas".to_string(), |n| plural(n, "idea", "ideas")),
                if *n == Some(1) { "is" } else { "are" },
                if *lanes_given { "" } else { " (use --lanes N for the N most discussed)" }
            ),
            Note::Within(n) => format!(
                "Curves join claims in different articles; {} not drawn here (hover a claim, or see the map).",
                match n {
                    Some(1) => "1 link between claims of the same article is".to_string(),
                    Some(n) => format!("{n} links between claims of the same article are"),
                    None => "links between claims of the same article are".to_string(),
                }
            ),
            Note::Inferred => "Dates marked “inferred” were worked out from the text (hover a card for the reasoning); the bar on the axis spans every day the date allows.".to_string(),
        }
    }
}

/// Links between the pages of a sliced map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Nav {
    /// Previous page: (label, file name).
    pub prev: Option<(String, String)>,
    /// Next page: (label, file name).
    pub next: Option<(String, String)>,
}

/// An article card.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleItem {
    /// Graph id (`article:…`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher, if known.
    pub outlet: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Date, with its precision.
    pub date: PartialDate,
    /// Whether the date was inferred rather than stated.
    pub inferred: bool,
    /// Full tooltip.
    pub tooltip: String,
    /// Number of claims it makes.
    pub claims: usize,
    /// New in the current slice.
    pub new: bool,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventItem {
    /// Graph id (`event:…`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Date.
    pub date: PartialDate,
    /// Event kind (election, publication…).
    pub subkind: String,
    /// Full tooltip.
    pub tooltip: String,
    /// New in the current slice.
    pub new: bool,
}

/// One lane: an idea (policy) and the claims about it, or the "other ideas" lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The policy id, or [`OTHER_LANE`].
    pub id: String,
    /// Display name.
    pub name: String,
    /// Second line under the name ("30 claims · 5 articles").
    pub stats: String,
    /// Lineage in words ("→ Securonomics"), one entry per link.
    pub lineage: Vec<String>,
    /// Claims about it, by (date, id).
    pub claims: Vec<LaneClaim>,
    /// Full tooltip.
    pub tooltip: String,
    /// New in the current slice.
    pub new: bool,
}

/// A claim placed in a lane.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneClaim {
    /// Claim id.
    pub id: String,
    /// Label (the paraphrase; in the "other" lane, prefixed by its ideas).
    pub text: String,
    /// Stance toward the lane's idea.
    pub stance: Option<Stance>,
    /// The article's date.
    pub date: PartialDate,
    /// The article's id.
    pub article: String,
    /// Hedged ("could", "may").
    pub hedged: bool,
    /// Drafted by `levelmap extract`, not reviewed.
    pub extracted: bool,
    /// Full tooltip: text, quote, speakers, article, stance.
    pub tooltip: String,
    /// New in the current slice.
    pub new: bool,
}

/// A drawn edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Stable id ([`LevelGraph::edge_id`]).
    pub id: String,
    /// Edge kind.
    pub kind: EdgeKind,
    /// Source: claim id, or lane id for lineage.
    pub from: String,
    /// Target: claim id, or lane id for lineage.
    pub to: String,
    /// Date of the article the evidence comes from.
    pub date: Option<PartialDate>,
    /// Full tooltip.
    pub tooltip: String,
    /// New in the current slice.
    pub new: bool,
}

/// What `--about` keeps.
struct Focus {
    claims: BTreeSet<NodeIndex>,
    articles: BTreeSet<NodeIndex>,
    /// For a policy: the ideas that may have lanes (its lineage).
    lanes: Option<BTreeSet<NodeIndex>>,
    label: String,
}

fn targets(g: &LevelGraph, i: NodeIndex, kinds: &[EdgeKind], dir: Direction) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = g
        .graph
        .edges_directed(i, dir)
        .filter(|e| kinds.contains(&e.weight().kind))
        .map(|e| {
            if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            }
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

const CLAIM_LINKS: [EdgeKind; 3] = [EdgeKind::Supports, EdgeKind::Attacks, EdgeKind::Echoes];
/// Policy-to-policy edges.
pub const LINEAGE: [EdgeKind; 3] = [EdgeKind::EvolvesInto, EdgeKind::Replaces, EdgeKind::PartOf];

fn focus(g: &LevelGraph, node: NodeIndex) -> Focus {
    let n = g.node(node);
    let mut claims = BTreeSet::new();
    let mut articles = BTreeSet::new();
    let mut lanes = None;
    let both = |i: NodeIndex, kinds: &[EdgeKind]| {
        let mut v = targets(g, i, kinds, Direction::Outgoing);
        v.extend(targets(g, i, kinds, Direction::Incoming));
        v
    };
    match n.kind {
        NodeKind::Policy => {
            let family = super::evolution::lineage(g, node);
            for &p in &family {
                claims.extend(targets(g, p, &[EdgeKind::About], Direction::Incoming));
            }
            lanes = Some(family);
        }
        NodeKind::Actor => {
            for c in g
                .graph
                .node_indices()
                .filter(|&c| g.node(c).kind == NodeKind::Claim)
            {
                if g.speakers(c).contains(&node) {
                    claims.insert(c);
                }
            }
            let mut own = targets(g, node, &[EdgeKind::Authored], Direction::Outgoing);
            own.extend(targets(
                g,
                node,
                &[EdgeKind::PublishedBy],
                Direction::Incoming,
            ));
            for a in own {
                articles.insert(a);
                claims.extend(targets(g, a, &[EdgeKind::Makes], Direction::Outgoing));
            }
        }
        NodeKind::Claim => {
            claims.insert(node);
            claims.extend(both(node, &CLAIM_LINKS));
        }
        NodeKind::Article => {
            articles.insert(node);
            for c in targets(g, node, &[EdgeKind::Makes], Direction::Outgoing) {
                claims.insert(c);
                claims.extend(both(c, &CLAIM_LINKS));
            }
        }
        NodeKind::Event => {
            for a in targets(g, node, &[EdgeKind::RefersTo], Direction::Incoming) {
                articles.insert(a);
                claims.extend(targets(g, a, &[EdgeKind::Makes], Direction::Outgoing));
            }
        }
    }
    for &c in &claims {
        articles.extend(g.article_of(c));
    }
    Focus {
        claims,
        articles,
        lanes,
        label: format!("{} ({})", n.label, n.id),
    }
}

fn names(g: &LevelGraph, v: &[NodeIndex]) -> Vec<String> {
    v.iter().map(|&i| g.node(i).label.to_string()).collect()
}

fn join_and(v: &[String]) -> String {
    match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        n => format!("{} and {}", v[..n - 1].join(", "), v[n - 1]),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The article facts shown on a card.
fn article_item(g: &LevelGraph, a: NodeIndex) -> Option<ArticleItem> {
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

fn event_item(g: &LevelGraph, e: NodeIndex) -> Option<EventItem> {
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
pub fn edge_tooltip(g: &LevelGraph, e: petgraph::graph::EdgeIndex) -> String {
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
        .find(&levelmap_model::article_node_id(&w.evidence.article))
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

fn claim_tooltip(
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

fn date_of(g: &LevelGraph, i: NodeIndex) -> Option<PartialDate> {
    g.node(i).date()
}

/// Round days down to the first of the month.
fn month_floor(days: i64) -> i64 {
    let (y, m, _) = levelmap_model::date::civil_from_days(days);
    levelmap_model::date::days_from_civil(y as i16, m, 1)
}

/// Round days up to the first of a month.
fn month_ceil(days: i64) -> i64 {
    let f = month_floor(days);
    if f == days {
        return days;
    }
    let (y, m, _) = levelmap_model::date::civil_from_days(days);
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    levelmap_model::date::days_from_civil(y as i16, m, 1)
}

/// Extract the timeline of `g` under `opts`.
pub fn extract(g: &LevelGraph, opts: &TimelineOptions) -> Result<Timeline, TimelineError> {
    let all_articles: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&i| g.node(i).kind == NodeKind::Article)
        .collect();
    let dates: Vec<PartialDate> = all_articles.iter().filter_map(|&a| date_of(g, a)).collect();
    let (Some(&first), Some(&last)) = (dates.iter().min(), dates.iter().max()) else {
        return Err(TimelineError::NoArticles);
    };
    if opts.lanes == Some(0) {
        return Err(TimelineError::ZeroLanes);
    }
    if let (Some(f), Some(t)) = (opts.from, opts.to) {
        if f.start_days() >= t.end_days() {
            return Err(TimelineError::BadRange { from: f, to: t });
        }
    }
    let lo = opts.from.map(|d| d.start_days());
    let hi = opts.to.map(|d| d.end_days());
    let in_range = |d: PartialDate| {
        lo.is_none_or(|l| d.end_days() > l) && hi.is_none_or(|h| d.start_days() < h)
    };

    let focus = match &opts.about {
        Some(q) => Some(focus(g, resolve(g, q)?)),
        None => None,
    };
    let articles: Vec<NodeIndex> = all_articles
        .iter()
        .copied()
        .filter(|&a| date_of(g, a).is_some_and(in_range))
        .filter(|a| focus.as_ref().is_none_or(|f| f.articles.contains(a)))
        .collect();
    if articles.is_empty() {
        let mut what = String::from("no article");
        if let Some(f) = &focus {
            what.push_str(&format!(" about {}", f.label));
        }
        match (opts.from, opts.to) {
            (Some(f), Some(t)) => what.push_str(&format!(" dated {f} to {t}")),
            (Some(f), None) => what.push_str(&format!(" dated {f} or later")),
            (None, Some(t)) => what.push_str(&format!(" dated {t} or earlier")),
            (None, None) => {}
        }
        return Err(TimelineError::NothingMatches {
            what,
            articles: all_articles.len(),
            first,
            last,
        });
    }
    let article_set: BTreeSet<NodeIndex> = articles.iter().copied().collect();
    let claims: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&c| g.node(c).kind == NodeKind::Claim)
        .filter(|&c| g.article_of(c).is_some_and(|a| article_set.contains(&a)))
        .filter(|c| focus.as_ref().is_none_or(|f| f.claims.contains(c)))
        .collect();

    // Ideas discussed by the kept claims: claims and articles per policy.
    let mut stats: BTreeMap<NodeIndex, (BTreeSet<NodeIndex>, BTreeSet<NodeIndex>)> =
        BTreeMap::new();
    for &c in &claims {
        for p in targets(g, c, &[EdgeKind::About], Direction::Outgoing) {
            let s = stats.entry(p).or_default();
            s.0.insert(c);
            s.1.extend(g.article_of(c));
        }
    }
    if let Some(fam) = focus.as_ref().and_then(|f| f.lanes.as_ref()) {
        stats.retain(|p, _| fam.contains(p));
        for &p in fam {
            stats.entry(p).or_default();
        }
    }
    let rank = |p: &NodeIndex| {
        let (c, a) = &stats[p];
        (
            std::cmp::Reverse(c.len()),
            std::cmp::Reverse(a.len()),
            g.node(*p).id.clone(),
        )
    };
    let mut candidates: Vec<NodeIndex> = stats.keys().copied().collect();
    candidates.sort_by_key(|p| rank(p));
    let lineage_neighbours = |p: NodeIndex| {
        let kinds = [EdgeKind::EvolvesInto, EdgeKind::Replaces];
        let mut v = targets(g, p, &kinds, Direction::Outgoing);
        v.extend(targets(g, p, &kinds, Direction::Incoming));
        v
    };
    let (mut selected, rule): (Vec<NodeIndex>, String) = match opts.lanes {
        Some(n) => {
            let v: Vec<NodeIndex> = candidates
                .iter()
                .copied()
                .filter(|p| !stats[p].0.is_empty())
                .take(n)
                .collect();
            let rule = format!("the {} most discussed", plural(v.len(), "idea", "ideas"));
            (v, rule)
        }
        None if focus.as_ref().is_some_and(|f| f.lanes.is_some()) => (
            candidates.clone(),
            "its lineage: the ideas it evolved from, into, or is part of".to_string(),
        ),
        None => {
            let mut sel: BTreeSet<NodeIndex> = candidates
                .iter()
                .copied()
                .filter(|p| stats[p].1.len() >= 2)
                .collect();
            let rule;
            if sel.is_empty() {
                sel = candidates.iter().copied().take(12).collect();
                rule = "the most discussed ideas".to_string();
            } else {
                let mut frontier: Vec<NodeIndex> = sel.iter().copied().collect();
                while let Some(p) = frontier.pop() {
                    for q in lineage_neighbours(p) {
                        if stats.contains_key(&q) && sel.insert(q) {
                            frontier.push(q);
                        }
                    }
                }
                rule =
                    "ideas discussed in two or more articles, and what they evolved from or into"
                        .to_string();
            }
            (
                candidates
                    .iter()
                    .copied()
                    .filter(|p| sel.contains(p))
                    .collect(),
                rule,
            )
        }
    };
    selected.sort_by_key(|p| rank(p));
    let lane_set: BTreeSet<NodeIndex> = selected.iter().copied().collect();

    let claim_item = |c: NodeIndex,
                      about: Option<(NodeIndex, Option<Stance>)>,
                      prefix: Option<String>|
     -> Option<LaneClaim> {
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
            tooltip: claim_tooltip(g, c, about),
            new: false,
        })
    };

    let claim_set: BTreeSet<NodeIndex> = claims.iter().copied().collect();
    let mut lanes = Vec::new();
    let mut in_lane: BTreeSet<NodeIndex> = BTreeSet::new();
    for &p in &selected {
        let pn = g.node(p);
        let mut lane_claims = Vec::new();
        for e in g.graph.edges_directed(p, Direction::Incoming) {
            if e.weight().kind != EdgeKind::About || !claim_set.contains(&e.source()) {
                continue;
            }
            if lane_claims
                .iter()
                .any(|(c, _): &(NodeIndex, LaneClaim)| *c == e.source())
            {
                continue;
            }
            if let Some(item) = claim_item(e.source(), Some((p, e.weight().stance)), None) {
                in_lane.insert(e.source());
                lane_claims.push((e.source(), item));
            }
        }
        lane_claims.sort_by(|a, b| (a.1.date, &a.1.id).cmp(&(b.1.date, &b.1.id)));
        let (nc, na) = (stats[&p].0.len(), stats[&p].1.len());
        let mut tip = vec![format!(
            "{} ({})",
            pn.label,
            pn.subkind().unwrap_or("policy")
        )];
        if let NodeData::Entity {
            description: Some(d),
            ..
        } = &pn.data
        {
            tip.push(d.clone());
        }
        tip.push(format!(
            "{} in {}",
            plural(nc, "claim", "claims"),
            plural(na, "article", "articles")
        ));
        for e in g.graph.edges_directed(p, Direction::Outgoing) {
            if LINEAGE.contains(&e.weight().kind) {
                let t = g.node(e.target());
                tip.push(format!("{} {}", e.weight().kind.phrase(), t.label));
            }
        }
        for e in g.graph.edges_directed(p, Direction::Incoming) {
            if LINEAGE.contains(&e.weight().kind) {
                let s = g.node(e.source());
                tip.push(format!("{} {}", e.weight().kind.inverse_phrase(), s.label));
            }
        }
        lanes.push(Lane {
            id: pn.id.to_string(),
            name: pn.label.to_string(),
            stats: format!(
                "{} · {}",
                plural(nc, "claim", "claims"),
                plural(na, "article", "articles")
            ),
            lineage: vec![],
            claims: lane_claims.into_iter().map(|(_, c)| c).collect(),
            tooltip: tip.join("\n"),
            new: false,
        });
    }
    let mut others = Vec::new();
    for &c in &claims {
        if in_lane.contains(&c) {
            continue;
        }
        let about = targets(g, c, &[EdgeKind::About], Direction::Outgoing);
        let prefix = about.first().map(|&p| {
            let name = crate::text::shorten(&g.node(p).label, 160.0, 11.0, false);
            if about.len() > 1 {
                format!("[{name} +{}]", about.len() - 1)
            } else {
                format!("[{name}]")
            }
        });
        let first = about.first().map(|&p| {
            let st = g
                .graph
                .edges_connecting(c, p)
                .find(|e| e.weight().kind == EdgeKind::About)
                .and_then(|e| e.weight().stance);
            (p, st)
        });
        others.extend(claim_item(c, first, prefix));
    }
    if !others.is_empty() {
        others.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        let n = others.len();
        lanes.push(Lane {
            id: OTHER_LANE.to_string(),
            name: "Other ideas".to_string(),
            stats: plural(n, "claim", "claims"),
            lineage: vec![],
            claims: others,
            tooltip: format!(
                "Claims about ideas without a lane of their own ({}); each label starts with its ideas",
                plural(n, "claim", "claims")
            ),
            new: false,
        });
    }

    // Links between drawn claims, and lineage between ideas with lanes.
    let shown: BTreeSet<&str> = lanes
        .iter()
        .flat_map(|l| l.claims.iter().map(|c| c.id.as_str()))
        .collect();
    let mut within = 0;
    let mut links = Vec::new();
    let mut lineage = Vec::new();
    for e in g.graph.edge_indices() {
        let Some((a, b)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let w = g.edge(e);
        let date = g.evidence_date(w);
        let link = |from: String, to: String| Link {
            id: g.edge_id(e),
            kind: w.kind,
            from,
            to,
            date,
            tooltip: edge_tooltip(g, e),
            new: false,
        };
        if CLAIM_LINKS.contains(&w.kind)
            && shown.contains(g.node(a).id.as_ref())
            && shown.contains(g.node(b).id.as_ref())
        {
            // The timeline shows how ideas travel between articles; links inside one
            // article belong to the map.
            if g.article_of(a) == g.article_of(b) {
                within += 1;
            } else {
                links.push(link(g.node(a).id.to_string(), g.node(b).id.to_string()));
            }
        } else if LINEAGE.contains(&w.kind)
            && lane_set.contains(&a)
            && lane_set.contains(&b)
            && date.is_none_or(|d| hi.is_none_or(|h| d.start_days() < h))
        {
            lineage.push(link(g.node(a).id.to_string(), g.node(b).id.to_string()));
        }
    }

    // The axis: the articles' span, widened to nearby events, or the range asked for.
    let a0 = articles
        .iter()
        .filter_map(|&a| date_of(g, a))
        .map(|d| d.start_days())
        .min()
        .unwrap_or(0);
    let a1 = articles
        .iter()
        .filter_map(|&a| date_of(g, a))
        .map(|d| d.end_days())
        .max()
        .unwrap_or(1);
    let event_nodes: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&i| g.node(i).kind == NodeKind::Event)
        .collect();
    let near: Vec<PartialDate> = event_nodes
        .iter()
        .filter_map(|&e| date_of(g, e))
        .filter(|d| d.end_days() > a0 - 400 && d.start_days() < a1 + 200)
        .collect();
    let mut d0 = lo.unwrap_or_else(|| {
        near.iter()
            .map(|d| d.start_days())
            .min()
            .unwrap_or(a0)
            .min(a0)
            - 15
    });
    let mut d1 = hi.unwrap_or_else(|| {
        near.iter()
            .map(|d| d.end_days())
            .max()
            .unwrap_or(a1)
            .max(a1)
            + 15
    });
    if d1 - d0 < 240 {
        // Too short to read: widen the ends that were not asked for.
        let missing = 240 - (d1 - d0);
        match (lo.is_some(), hi.is_some()) {
            (true, true) => {}
            (true, false) => d1 += missing,
            (false, true) => d0 -= missing,
            (false, false) => {
                d0 -= missing / 2 + 1;
                d1 += missing / 2 + 1;
            }
        }
    }
    let domain = (month_floor(d0), month_ceil(d1));

    let mut events: Vec<EventItem> = Vec::new();
    let mut off_axis: Vec<EventItem> = Vec::new();
    let referred: BTreeSet<NodeIndex> = articles
        .iter()
        .flat_map(|&a| targets(g, a, &[EdgeKind::RefersTo], Direction::Outgoing))
        .collect();
    for &e in &event_nodes {
        let Some(item) = event_item(g, e) else {
            continue;
        };
        if item.date.end_days() > domain.0 && item.date.start_days() < domain.1 {
            events.push(item);
        } else if referred.contains(&e) {
            off_axis.push(item);
        }
    }
    events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    off_axis.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    let article_items: Vec<ArticleItem> = articles
        .iter()
        .filter_map(|&a| article_item(g, a))
        .collect();
    let mut notes = Vec::new();
    if !off_axis.is_empty() {
        let v = off_axis
            .iter()
            .filter_map(|e| {
                let n = g.find(&e.id)?;
                let by: BTreeSet<String> =
                    targets(g, n, &[EdgeKind::RefersTo], Direction::Incoming)
                        .into_iter()
                        .filter(|a| article_set.contains(a))
                        .map(|a| g.node(a).id.to_string())
                        .collect();
                Some((format!("{} ({})", e.name, human_date(&e.date)), by))
            })
            .collect();
        notes.push(Note::OffAxis(v));
    }
    let unlaned = stats
        .iter()
        .filter(|(p, s)| !lane_set.contains(p) && !s.0.is_empty())
        .count();
    if unlaned > 0 {
        notes.push(Note::Unlaned(Some(unlaned), opts.lanes.is_some()));
    }
    if within > 0 {
        notes.push(Note::Within(Some(within)));
    }
    if article_items.iter().any(|a| a.inferred) {
        notes.push(Note::Inferred);
    }

    let (a, b) = (
        article_items.first().map_or(first, |a| a.date),
        article_items.last().map_or(last, |a| a.date),
    );
    let span = if b.within(&a) {
        human_date(&a)
    } else if a.within(&b) {
        human_date(&b)
    } else {
        format!("{} – {}", human_date(&a), human_date(&b))
    };
    let title = match &focus {
        Some(f) => format!("Timeline of {}, {span}", f.label),
        None => format!("Timeline of the debate, {span}"),
    };
    let n_claims = shown.len();
    let subtitle = format!(
        "{} · {} in {} ({rule}) · hover any item for its quote and source",
        plural(article_items.len(), "article", "articles"),
        plural(n_claims, "claim", "claims"),
        plural(lanes.len(), "lane", "lanes"),
    );
    let mut tl = Timeline {
        title,
        subtitle,
        domain,
        articles: article_items,
        events,
        lanes,
        links,
        lineage,
        notes,
        cutoff: None,
        nav: None,
    };
    label_lineage(&mut tl);
    Ok(tl)
}

/// Write each lane's lineage in words ("→ Securonomics", "← Levelling up") from the
/// evolves-into and replaces links between lanes.
pub fn label_lineage(tl: &mut Timeline) {
    let names: BTreeMap<String, String> = tl
        .lanes
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in tl.lineage.iter().filter(|l| l.kind != EdgeKind::PartOf) {
        let (Some(a), Some(b)) = (names.get(&l.from), names.get(&l.to)) else {
            continue;
        };
        let verb = if l.kind == EdgeKind::Replaces {
            "replaces"
        } else {
            "into"
        };
        let back = if l.kind == EdgeKind::Replaces {
            "replaced by"
        } else {
            "from"
        };
        out.entry(l.from.clone())
            .or_default()
            .push(format!("→ {verb} {b}"));
        out.entry(l.to.clone())
            .or_default()
            .push(format!("← {back} {a}"));
    }
    for lane in &mut tl.lanes {
        lane.lineage = out.remove(&lane.id).unwrap_or_default();
    }
}

/// Plural phrase: "1 claim", "3 claims".
pub fn count(n: usize, one: &str, many: &str) -> String {
    plural(n, one, many)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::mini;

    fn opts() -> TimelineOptions {
        TimelineOptions::default()
    }

    #[test]
    fn mini_has_both_articles_and_its_recurring_ideas() {
        let g = mini();
        let tl = extract(&g, &opts()).unwrap();
        assert_eq!(tl.articles.len(), 2);
        let lanes: Vec<&str> = tl.lanes.iter().map(|l| l.id.as_str()).collect();
        // levelling-up and devolution are discussed in both articles; securonomics
        // joins them because levelling up evolves into it.
        assert!(lanes.contains(&"policy:levelling-up"), "{lanes:?}");
        assert!(lanes.contains(&"policy:devolution"), "{lanes:?}");
        assert!(lanes.contains(&"policy:securonomics"), "{lanes:?}");
        assert_eq!(
            lanes.last(),
            Some(&OTHER_LANE),
            "industrial strategy is discussed once: {lanes:?}"
        );
        assert_eq!(tl.lineage.len(), 1);
        assert_eq!(tl.lineage[0].kind, EdgeKind::EvolvesInto);
        assert!(tl.links.iter().any(|l| l.kind == EdgeKind::Echoes));
        assert!(tl
            .events
            .iter()
            .any(|e| e.id == "event:general-election-2024"));
        let lu = tl
            .lanes
            .iter()
            .find(|l| l.id == "policy:levelling-up")
            .unwrap();
        assert!(lu.claims.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn lanes_n_keeps_the_most_discussed() {
        let g = mini();
        let tl = extract(
            &g,
            &TimelineOptions {
                lanes: Some(1),
                ..opts()
            },
        )
        .unwrap();
        assert_eq!(tl.lanes[0].id, "policy:levelling-up");
        assert_eq!(tl.lanes.len(), 2, "one lane and the other ideas");
        assert_eq!(
            extract(
                &g,
                &TimelineOptions {
                    lanes: Some(0),
                    ..opts()
                }
            ),
            Err(TimelineError::ZeroLanes)
        );
    }

    #[test]
    fn date_filters_keep_overlapping_articles() {
        let g = mini();
        let d = |s: &str| Some(PartialDate::parse(s).unwrap());
        let tl = extract(
            &g,
            &TimelineOptions {
                from: d("2024"),
                ..opts()
            },
        )
        .unwrap();
        assert_eq!(tl.articles.len(), 1);
        assert!(tl.domain.0 >= PartialDate::parse("2024-01").unwrap().start_days());
        let tl = extract(
            &g,
            &TimelineOptions {
                to: d("2020-09-15"),
                ..opts()
            },
        )
        .unwrap();
        assert_eq!(
            tl.articles.len(),
            1,
            "a month-precise date overlaps a day inside it"
        );
        let e = extract(
            &g,
            &TimelineOptions {
                from: d("2030"),
                ..opts()
            },
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "nothing to draw: no article dated 2030 or later; the corpus has 2 article(s) dated 2020-09 to 2024-07-08"
        );
        assert!(matches!(
            extract(
                &g,
                &TimelineOptions {
                    from: d("2024"),
                    to: d("2020"),
                    ..opts()
                }
            ),
            Err(TimelineError::BadRange { .. })
        ));
    }

    #[test]
    fn about_a_policy_keeps_its_lineage() {
        let g = mini();
        let tl = extract(
            &g,
            &TimelineOptions {
                about: Some("securonomics".into()),
                ..opts()
            },
        )
        .unwrap();
        let lanes: Vec<&str> = tl.lanes.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(lanes, ["policy:levelling-up", "policy:securonomics"]);
        let tl = extract(
            &g,
            &TimelineOptions {
                about: Some("Rachel Reeves".into()),
                ..opts()
            },
        )
        .unwrap();
        assert_eq!(tl.articles.len(), 1);
        let e = extract(
            &g,
            &TimelineOptions {
                about: Some("Rachel Reeves".into()),
                to: Some(PartialDate::parse("2021").unwrap()),
                ..opts()
            },
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with(
                "nothing to draw: no article about Rachel Reeves (actor:rachel-reeves) dated 2021 or earlier"
            ),
            "{e}"
        );
    }
}
