//! The words around the timeline: its footnotes, its title and its subtitle.

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;
use petgraph::Direction;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::EdgeKind;

use super::graph::{targets, Focus};
use super::items::plural;
use super::{ArticleItem, EventItem, Note};
use crate::dates::human_date;

/// What the footnotes say: the events off the axis (with the kept articles, of
/// `article_set`, that refer to each), how many ideas have no lane, how many links
/// inside one article are not drawn, and whether any article date is inferred.
pub(super) fn notes(
    g: &LevelGraph,
    off_axis: &[EventItem],
    article_set: &BTreeSet<NodeIndex>,
    unlaned: usize,
    lanes_given: bool,
    within: usize,
    articles: &[ArticleItem],
) -> Vec<Note> {
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
    if unlaned > 0 {
        notes.push(Note::Unlaned(Some(unlaned), lanes_given));
    }
    if within > 0 {
        notes.push(Note::Within(Some(within)));
    }
    if articles.iter().any(|a| a.inferred) {
        notes.push(Note::Inferred);
    }
    notes
}

/// The title (what the timeline is of, and the span of its articles; `span` when it
/// has none) and the subtitle (what it holds and the lane rule).
pub(super) fn heading(
    articles: &[ArticleItem],
    span: (PartialDate, PartialDate),
    focus: Option<&Focus>,
    claims: usize,
    lanes: usize,
    rule: &str,
) -> (String, String) {
    let (a, b) = (
        articles.first().map_or(span.0, |a| a.date),
        articles.last().map_or(span.1, |a| a.date),
    );
    let span = if b.within(&a) {
        human_date(&a)
    } else if a.within(&b) {
        human_date(&b)
    } else {
        format!("{} – {}", human_date(&a), human_date(&b))
    };
    let title = match focus {
        Some(f) => format!("Timeline of {}, {span}", f.label),
        None => format!("Timeline of the debate, {span}"),
    };
    let subtitle = format!(
        "{} · {} in {} ({rule}) · hover any item for its quote and source",
        plural(articles.len(), "article", "articles"),
        plural(claims, "claim", "claims"),
        plural(lanes, "lane", "lanes"),
    );
    (title, subtitle)
}
