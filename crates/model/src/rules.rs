//! The rules a graph's values keep, whichever file they were read from (the corpus or
//! graph.json), and the wording of the messages that break them, so that the corpus
//! reader and the JSON import say the same thing: ids, endpoints, self-loops,
//! confidences and dates far from the corpus' span.

use crate::date::PartialDate;
use crate::NodeKind;

/// A date further than this many years from the median year of the articles is
/// suspect (a typo such as `0202` for `2020`): it is warned about, and it stretches
/// the time-layered drawings.
pub const FAR_YEARS: i64 = 100;

/// Whether `c` is a confidence: a number from 0 to 1 (not NaN, not infinite).
pub fn confidence_ok(c: f64) -> bool {
    (0.0..=1.0).contains(&c)
}

/// "bad id '{id}': {reason}".
pub fn bad_id(id: &str, reason: &str) -> String {
    format!("bad id '{id}': {reason}")
}

/// The reason an id of a node of `kind` has the wrong prefix.
pub fn wrong_prefix(kind: NodeKind) -> String {
    format!("this entry is a {kind}, so its id starts with '{kind}:'")
}

/// The reason an id is malformed.
pub const NOT_KIND_SLUG: &str = "not of the form kind:slug";

/// "duplicate id '{id}' (first defined at {first})".
pub fn duplicate_id(id: &str, first: &str) -> String {
    format!("duplicate id '{id}' (first defined at {first})")
}

/// "unknown {expected} id '{id}'".
pub fn unknown_id(expected: &str, id: &str) -> String {
    format!("unknown {expected} id '{id}'")
}

/// The node kinds as a list: "actor or policy".
pub fn kind_list(kinds: &[NodeKind]) -> String {
    kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// An edge between the wrong kinds of node.
pub fn wrong_endpoints(
    edge: &str,
    (from, from_kind): (&str, &str),
    (to, to_kind): (&str, &str),
    (allowed_from, allowed_to): (&str, &str),
) -> String {
    format!(
        "'{edge}' cannot go from {from_kind} '{from}' to {to_kind} '{to}': \
         it goes from {allowed_from} to {allowed_to}"
    )
}

/// No edge joins a node to itself: no edge kind has a meaning for it (an idea does
/// not evolve into itself, an actor is not a member of itself, a claim does not
/// support itself).
pub fn self_loop(kind: &str, id: &str, edge: &str) -> String {
    format!("{kind} '{id}' has a '{edge}' edge to itself")
}

/// A confidence that is not a number from 0 to 1.
pub fn bad_confidence(value: &str) -> String {
    format!("confidence {value} is not a number from 0 to 1")
}

/// A role whose end comes before its start.
pub fn role_ends_before_start(title: &str, to: PartialDate, from: PartialDate) -> String {
    format!("role '{title}' ends ({to}) before it starts ({from})")
}

/// A date far from the corpus' span.
pub fn far_date(date: &str, span: &str) -> String {
    format!(
        "date {date} is more than {FAR_YEARS} years from the articles' dates ({span}); \
         is the year mistyped?"
    )
}

/// An article date that `levelmap extract` wrote as a placeholder (confidence 0):
/// nothing in the text dates the article, and the timeline would show it at that
/// year as if it were known.
pub fn placeholder_date(date: &str) -> String {
    format!("date {date} is the extractor's placeholder: nothing in the article's text dates it")
}

/// A date after today: an article, a claim or an event is written about what has
/// happened, so a later date is a mistyped year or a wrong inference.
pub fn after_today(date: &str, today: &str) -> String {
    format!("date {date} is after today ({today}); is the year mistyped?")
}

/// The corpus' span of dates: the median year of its articles and the first and last
/// article date not far from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    median: i64,
    first: PartialDate,
    last: PartialDate,
}

impl DateSpan {
    /// The span of `dates` (the articles' dates); None when there are none.
    pub fn of(dates: &[PartialDate]) -> Option<Self> {
        let mut years: Vec<i64> = dates.iter().map(|d| i64::from(d.year_num())).collect();
        years.sort_unstable();
        let median = *years.get(years.len() / 2)?;
        let near = |d: &&PartialDate| (i64::from(d.year_num()) - median).abs() <= FAR_YEARS;
        let first = *dates.iter().filter(near).min()?;
        let last = *dates.iter().filter(near).max()?;
        Some(DateSpan {
            median,
            first,
            last,
        })
    }

    /// Whether `d` is far from the span: more than [`FAR_YEARS`] years from the median.
    pub fn is_far(&self, d: PartialDate) -> bool {
        (i64::from(d.year_num()) - self.median).abs() > FAR_YEARS
    }
}

impl std::fmt::Display for DateSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{} to {}", self.first, self.last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn nan_and_out_of_range_confidences_are_refused() {
        assert!(confidence_ok(0.0) && confidence_ok(1.0) && confidence_ok(0.5));
        for c in [f64::NAN, f64::INFINITY, -0.1, 1.5] {
            assert!(!confidence_ok(c), "{c}");
        }
    }

    #[test]
    fn a_year_typo_is_far_from_the_span_and_leaves_it_alone() {
        let dates = [d("2019-03"), d("0202"), d("2021"), d("2024-07-08")];
        let span = DateSpan::of(&dates).unwrap();
        assert!(span.is_far(d("0202")));
        assert!(!span.is_far(d("1945")) && !span.is_far(d("2030")));
        assert_eq!(span.to_string(), "2019-03 to 2024-07-08");
        assert_eq!(DateSpan::of(&[]), None);
    }
}
