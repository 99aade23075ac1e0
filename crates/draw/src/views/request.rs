//! What a time-layered view is asked for and why it can fail: the options of the
//! timeline, the errors of every view, and finding the node a view is about.

use petgraph::graph::NodeIndex;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::LevelGraph;
use levelmap_model::NodeKind;

/// What the timeline shows; the command line turns its flags into this.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineOptions {
    /// Show only what concerns this node (id, name or alias, any case).
    pub about: Option<String>,
    /// Show only articles dated on or after the start of this date.
    pub from: Option<PartialDate>,
    /// Show only articles dated on or before the end of this date.
    pub to: Option<PartialDate>,
    /// One lane for each of the N most discussed ideas; `None`: every recurring idea
    /// (discussed in at least two articles) and the ideas it evolved from or into.
    pub lanes: Option<usize>,
    /// Width of the time axis in px.
    pub width: f64,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            about: None,
            from: None,
            to: None,
            lanes: None,
            width: 1500.0,
        }
    }
}

/// Why a time-layered view could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TimelineError {
    /// The graph has no article, so there is no time to draw.
    #[error("the corpus has no articles: there is nothing to place on a time axis")]
    NoArticles,
    /// A node named on the command line does not exist, or its name is ambiguous.
    #[error(transparent)]
    Node(#[from] levelmap_query::QueryError),
    /// `render evolution` was given something that is not a policy.
    #[error("'{query}' is {id}, not a policy: the evolution view follows the lineage of a policy{}", did_you_mean(.suggestions))]
    NotAPolicy {
        /// What was asked for.
        query: String,
        /// The node it resolved to.
        id: String,
        /// Its kind.
        kind: NodeKind,
        /// Policies with a close name.
        suggestions: Vec<String>,
    },
    /// `--from` is after `--to`.
    #[error("--from {from} is after --to {to}: give the earlier date first")]
    BadRange {
        /// The start given.
        from: PartialDate,
        /// The end given.
        to: PartialDate,
    },
    /// The filters leave nothing to draw.
    #[error(
        "nothing to draw: {what}; the corpus has {articles} article(s) dated {first} to {last}"
    )]
    NothingMatches {
        /// The filters, in words ("no article about policy:x between 2030 and 2031").
        what: String,
        /// Articles in the corpus.
        articles: usize,
        /// The earliest article date.
        first: PartialDate,
        /// The latest article date.
        last: PartialDate,
    },
    /// `--lanes 0`.
    #[error("--lanes must be at least 1 (it is the number of ideas to give a lane)")]
    ZeroLanes,
}

fn did_you_mean(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(
            "; did you mean {}?",
            s.iter()
                .map(|x| format!("'{x}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// Find a node by id, name or alias, ignoring case and punctuation, as the queries do
/// ([`levelmap_query::resolve_as`]); when a name is shared, a policy wins (the views
/// are about ideas), and otherwise the candidates are listed.
pub(crate) fn resolve(g: &LevelGraph, query: &str) -> Result<NodeIndex, TimelineError> {
    Ok(levelmap_query::resolve_as(g, query, &[NodeKind::Policy])?)
}

/// Ids of the policies whose id, name or alias is close to `query`.
pub(crate) fn policy_suggestions(g: &LevelGraph, query: &str) -> Vec<String> {
    levelmap_query::resolve::suggestions(g, query, Some(NodeKind::Policy))
        .into_iter()
        .map(|n| n.id.to_string())
        .collect()
}
