//! What the timeline shows, extracted from a [`LevelGraph`]: the articles and events on
//! the time axis, one lane per recurring idea with the claims about it, and the links
//! (echoes, supports, attacks between claims; evolves-into, replaces, part-of between
//! ideas). Filters (`--about`, `--from`, `--to`, `--lanes`) are applied here.

mod axis;
mod graph;
mod items;
mod lanes;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind, Stance};

use super::request::{resolve, TimelineError, TimelineOptions};
use graph::{date_of, Focus};
use items::{article_item, plural};

pub(crate) use graph::{lineage, LINEAGE};
pub(crate) use items::edge_tooltip;
/// The id of the lane that holds claims about no idea with a lane of its own.
pub(crate) const OTHER_LANE: &str = "lane:other";

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
    pub(crate) fn text(&self) -> String {
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
    /// The policy id, or `OTHER_LANE`.
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

/// The dated articles of the corpus: every article node, and the first and last date.
struct Corpus {
    articles: Vec<NodeIndex>,
    first: PartialDate,
    last: PartialDate,
}

impl Corpus {
    /// The corpus's articles, after the checks that need no search: some article is
    /// dated, `--lanes` is not 0, `--from` is before `--to`.
    fn check(g: &LevelGraph, opts: &TimelineOptions) -> Result<Corpus, TimelineError> {
        let articles: Vec<NodeIndex> = g
            .graph
            .node_indices()
            .filter(|&i| g.node(i).kind == NodeKind::Article)
            .collect();
        let dates: Vec<PartialDate> = articles.iter().filter_map(|&a| date_of(g, a)).collect();
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
        Ok(Corpus {
            articles,
            first,
            last,
        })
    }

    /// The articles dated within `[lo, hi)` (each end optional) that the focus keeps;
    /// an error saying what was asked for when there is none.
    fn kept(
        &self,
        g: &LevelGraph,
        opts: &TimelineOptions,
        (lo, hi): (Option<i64>, Option<i64>),
        focus: Option<&Focus>,
    ) -> Result<Vec<NodeIndex>, TimelineError> {
        let in_range = |d: PartialDate| {
            lo.is_none_or(|l| d.end_days() > l) && hi.is_none_or(|h| d.start_days() < h)
        };
        let articles: Vec<NodeIndex> = self
            .articles
            .iter()
            .copied()
            .filter(|&a| date_of(g, a).is_some_and(in_range))
            .filter(|a| focus.is_none_or(|f| f.articles.contains(a)))
            .collect();
        if !articles.is_empty() {
            return Ok(articles);
        }
        let mut what = String::from("no article");
        if let Some(f) = focus {
            what.push_str(&format!(" about {}", f.label));
        }
        match (opts.from, opts.to) {
            (Some(f), Some(t)) => what.push_str(&format!(" dated {f} to {t}")),
            (Some(f), None) => what.push_str(&format!(" dated {f} or later")),
            (None, Some(t)) => what.push_str(&format!(" dated {t} or earlier")),
            (None, None) => {}
        }
        Err(TimelineError::NothingMatches {
            what,
            articles: self.articles.len(),
            first: self.first,
            last: self.last,
        })
    }
}

/// The claims made in the kept articles that the focus keeps, in node order.
fn kept_claims(
    g: &LevelGraph,
    article_set: &BTreeSet<NodeIndex>,
    focus: Option<&Focus>,
) -> Vec<NodeIndex> {
    g.graph
        .node_indices()
        .filter(|&c| g.node(c).kind == NodeKind::Claim)
        .filter(|&c| g.article_of(c).is_some_and(|a| article_set.contains(&a)))
        .filter(|c| focus.is_none_or(|f| f.claims.contains(c)))
        .collect()
}

/// Extract the timeline of `g` under `opts`: check the options, keep the articles and
/// claims the filters allow, choose the lanes and fill them, find the links between
/// what is drawn, set the axis and its events, then write the notes and the heading.
pub fn extract(g: &LevelGraph, opts: &TimelineOptions) -> Result<Timeline, TimelineError> {
    extract_with(g, opts, true)
}

/// The timeline of [`extract`] for a consumer that shows neither tooltips nor the
/// links between claims (the TimelineJS export): the tooltips of its lanes, claims and
/// lineage are left empty and `links` is empty (the links within an article are still
/// counted in the notes); everything else is the same.
pub fn extract_for_slides(
    g: &LevelGraph,
    opts: &TimelineOptions,
) -> Result<Timeline, TimelineError> {
    extract_with(g, opts, false)
}

fn extract_with(
    g: &LevelGraph,
    opts: &TimelineOptions,
    tips: bool,
) -> Result<Timeline, TimelineError> {
    let corpus = Corpus::check(g, opts)?;
    let lo = opts.from.map(|d| d.start_days());
    let hi = opts.to.map(|d| d.end_days());
    let focus = match &opts.about {
        Some(q) => Some(graph::focus(g, resolve(g, q)?)),
        None => None,
    };
    let articles = corpus.kept(g, opts, (lo, hi), focus.as_ref())?;
    let article_set: BTreeSet<NodeIndex> = articles.iter().copied().collect();
    let claims = kept_claims(g, &article_set, focus.as_ref());

    let stats = lanes::idea_stats(g, &claims, focus.as_ref());
    let (selected, rule) = lanes::select(g, &stats, focus.as_ref(), opts.lanes);
    let lane_set: BTreeSet<NodeIndex> = selected.iter().copied().collect();
    let lanes = lanes::lanes(g, &selected, &claims, &stats, tips);
    // The claims shown, as flags by node index, and how many.
    let mut shown = vec![false; g.graph.node_count()];
    let mut n_shown = 0;
    for c in lanes.iter().flat_map(|l| &l.claims) {
        if let Some(i) = g.find(&c.id) {
            n_shown += usize::from(!shown[i.index()]);
            shown[i.index()] = true;
        }
    }
    let drawn = lanes::links(g, &shown, &lane_set, hi, tips);

    let event_nodes = axis::event_nodes(g);
    let domain = axis::domain(g, &articles, &event_nodes, lo, hi);
    let (events, off_axis) = axis::events(g, &articles, &event_nodes, domain);

    let article_items: Vec<ArticleItem> = articles
        .iter()
        .filter_map(|&a| article_item(g, a))
        .collect();
    let unlaned = stats
        .iter()
        .filter(|(p, s)| !lane_set.contains(p) && !s.0.is_empty())
        .count();
    let notes = words::notes(
        g,
        &off_axis,
        &article_set,
        unlaned,
        opts.lanes.is_some(),
        drawn.within,
        &article_items,
    );
    let (title, subtitle) = words::heading(
        &article_items,
        (corpus.first, corpus.last),
        focus.as_ref(),
        n_shown,
        lanes.len(),
        &rule,
    );
    let mut tl = Timeline {
        title,
        subtitle,
        domain,
        articles: article_items,
        events,
        lanes,
        links: drawn.links,
        lineage: drawn.lineage,
        notes,
        cutoff: None,
        nav: None,
    };
    label_lineage(&mut tl);
    Ok(tl)
}

/// Write each lane's lineage in words ("→ Securonomics", "← Levelling up") from the
/// evolves-into and replaces links between lanes.
pub(crate) fn label_lineage(tl: &mut Timeline) {
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
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    plural(n, one, many)
}

#[cfg(test)]
mod tests;
