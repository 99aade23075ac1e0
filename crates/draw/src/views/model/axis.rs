//! The time axis of the timeline: its domain (the articles' span, widened to nearby
//! events, or the range asked for; whole months, at least 240 days), the events on
//! it, and the events referred to but outside it.

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;
use petgraph::Direction;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::{EdgeKind, NodeKind};

use super::graph::{date_of, targets};
use super::items::event_item;
use super::EventItem;

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

/// Every event node of the graph, in node order.
pub(super) fn event_nodes(g: &LevelGraph) -> Vec<NodeIndex> {
    g.graph
        .node_indices()
        .filter(|&i| g.node(i).kind == NodeKind::Event)
        .collect()
}

/// The axis, `[start, end)` in days: the range asked for (`lo`, `hi`) where given,
/// else the span of `articles` widened to the events near it, with a margin; widened
/// where not asked for when shorter than 240 days; then rounded out to whole months.
pub(super) fn domain(
    g: &LevelGraph,
    articles: &[NodeIndex],
    events: &[NodeIndex],
    lo: Option<i64>,
    hi: Option<i64>,
) -> (i64, i64) {
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
    let near: Vec<PartialDate> = events
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
    (month_floor(d0), month_ceil(d1))
}

/// The dated events: those on the axis, and those outside it that `articles` refer
/// to; each by (date, id).
pub(super) fn events(
    g: &LevelGraph,
    articles: &[NodeIndex],
    event_nodes: &[NodeIndex],
    domain: (i64, i64),
) -> (Vec<EventItem>, Vec<EventItem>) {
    let mut events: Vec<EventItem> = Vec::new();
    let mut off_axis: Vec<EventItem> = Vec::new();
    let referred: BTreeSet<NodeIndex> = articles
        .iter()
        .flat_map(|&a| targets(g, a, &[EdgeKind::RefersTo], Direction::Outgoing))
        .collect();
    for &e in event_nodes {
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
    (events, off_axis)
}
