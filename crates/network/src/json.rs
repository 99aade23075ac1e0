//! The JSON the network commands print: export structs with their schemas
//! (`levelmap/statements` v1, `levelmap/network` v2, `levelmap/polarisation` v1),
//! read back with `deny_unknown_fields` by the tests that pin them, and the rule
//! that finds a tie's statements in a network document ([`evidence_of`]).

use levelmap_model::date::PartialDate;
use levelmap_model::Text;
use serde::{Deserialize, Serialize, Serializer};

use crate::measures::NodeMeasures;
use crate::network::{NetEdge, NetNode, Network};
use crate::statements::Statement;

/// The schema version of the statements and polarisation documents.
pub const VERSION: u32 = 1;

/// The schema version of `levelmap/network`: 2 since a tie no longer lists its
/// evidence positions (derived from `statements` and `via`: [`EdgeJson`]) and each
/// statement, node and tie is written on one line
/// ([`NetworkOut`]'s layout, [`NETWORK_FLAT_AT`]).
pub const NETWORK_VERSION: u32 = 2;

/// The depth from which a network document is written compact
/// ([`levelmap_model::json::write_layered`]): each statement, node and tie one a line.
pub const NETWORK_FLAT_AT: usize = 5;

/// One statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementJson {
    /// Actor id.
    pub actor: Text,
    /// Actor name.
    pub actor_label: Text,
    /// Policy id.
    pub policy: Text,
    /// Policy name.
    pub policy_label: Text,
    /// for | against | mixed | neutral.
    pub stance: Text,
    /// The article's date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// The article's stem.
    pub article: Text,
    /// The verbatim quote.
    pub quote: Text,
    /// The claim id, or `proposes` / `criticises`.
    pub source: Text,
}

impl StatementJson {
    /// From a statement.
    pub fn of(s: &Statement) -> Self {
        StatementJson {
            actor: s.actor.clone(),
            actor_label: s.actor_label.clone(),
            policy: s.policy.clone(),
            policy_label: s.policy_label.clone(),
            stance: s.stance.as_str().into(),
            date: s.date,
            article: s.article.clone(),
            quote: s.quote.clone(),
            source: s.source.name().into(),
        }
    }
}

/// `levelmap statements --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementsJson {
    /// `levelmap/statements`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// The statements, in order.
    pub statements: Vec<StatementJson>,
}

/// A node with its measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeJson {
    /// Graph id.
    pub id: Text,
    /// Name.
    pub label: Text,
    /// actor | policy.
    pub mode: Text,
    /// Statements it takes part in.
    pub statements: usize,
    /// First dated statement.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub first: Option<PartialDate>,
    /// Ties.
    pub degree: usize,
    /// Sum of tie weights.
    pub weighted_degree: f64,
    /// Betweenness.
    pub betweenness: f64,
    /// PageRank.
    pub pagerank: f64,
    /// Louvain community.
    pub community: usize,
}

/// An edge with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeJson {
    /// Source node id.
    pub source: Text,
    /// Target node id.
    pub target: Text,
    /// Weight after normalisation.
    pub weight: f64,
    /// positive | negative | zero.
    pub sign: Text,
    /// The policies (actors, stances) the tie runs through.
    pub via: Vec<Text>,
    /// First dated evidence.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub first: Option<PartialDate>,
    /// How many statements are behind it. Which ones is not listed (a dense
    /// network's ties would list hundreds of millions): they are the window's
    /// `statements` whose node end (the actor; the policy in the policies network)
    /// is the source or the target and whose other end is in `via`, counting only
    /// statements for or against; in the affiliation network, those of the source
    /// actor on the target policy, of any stance (docs/networks.md, `evidence_of`).
    pub statements: usize,
}

/// One network (of one window, or of the whole selection).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowJson {
    /// First month or the `--from` date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from: Option<PartialDate>,
    /// Last month or the `--to` date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<PartialDate>,
    /// Betweenness estimated from this many evenly spaced sources (absent: exact;
    /// docs/networks.md).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub betweenness_sources: Option<usize>,
    /// Its statements (after the duplicate rule), in order; edges point into them.
    pub statements: Vec<StatementJson>,
    /// Nodes.
    pub nodes: Vec<NodeJson>,
    /// Edges.
    pub edges: Vec<EdgeJson>,
}

impl WindowJson {
    /// From a network and its measures.
    pub fn of(
        net: &Network,
        m: &[NodeMeasures],
        from: Option<PartialDate>,
        to: Option<PartialDate>,
    ) -> Self {
        WindowJson {
            from,
            to,
            betweenness_sources: None,
            statements: net.statements.iter().map(StatementJson::of).collect(),
            nodes: net
                .nodes
                .iter()
                .zip(m)
                .map(|(n, m)| node_json(n, m))
                .collect(),
            edges: net.edges.iter().map(|e| edge_json(net, e)).collect(),
        }
    }
}

/// [`WindowJson`] as it is written: the same fields in the same order, each list
/// serialised from the network as it is walked (no copy of millions of edges first),
/// so the bytes are those of [`WindowJson::of`] serialised.
#[derive(Serialize)]
pub struct WindowOut<'a> {
    /// First month or the `--from` date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// Last month or the `--to` date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// As in [`WindowJson`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betweenness_sources: Option<usize>,
    statements: StatementsOut<'a>,
    nodes: NodesOut<'a>,
    edges: EdgesOut<'a>,
}

impl<'a> WindowOut<'a> {
    /// From a network and its measures.
    pub fn of(
        net: &'a Network,
        m: &'a [NodeMeasures],
        from: Option<PartialDate>,
        to: Option<PartialDate>,
    ) -> Self {
        WindowOut {
            from,
            to,
            betweenness_sources: None,
            statements: StatementsOut(net),
            nodes: NodesOut(net, m),
            edges: EdgesOut(net),
        }
    }
}

impl<'a> WindowOut<'a> {
    /// The network it writes.
    pub(crate) fn network(&self) -> &'a Network {
        self.edges.0
    }

    /// Its nodes' measures.
    pub(crate) fn measures(&self) -> &'a [NodeMeasures] {
        self.nodes.1
    }
}

struct StatementsOut<'a>(&'a Network);
struct NodesOut<'a>(&'a Network, &'a [NodeMeasures]);
struct EdgesOut<'a>(&'a Network);

impl Serialize for StatementsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.statements.iter().map(StatementJson::of))
    }
}

impl Serialize for NodesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .nodes
                .iter()
                .zip(self.1)
                .map(|(n, m)| node_json(n, m)),
        )
    }
}

impl Serialize for EdgesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.edges.iter().map(|e| edge_json(self.0, e)))
    }
}

/// A node of a network with its measures, as JSON.
pub fn node_json(n: &NetNode, m: &NodeMeasures) -> NodeJson {
    NodeJson {
        id: n.id.clone(),
        label: n.label.clone(),
        mode: n.mode.as_str().into(),
        statements: n.statements,
        first: n.first,
        degree: m.degree,
        weighted_degree: m.weighted_degree,
        betweenness: m.betweenness,
        pagerank: m.pagerank,
        community: m.community,
    }
}

fn edge_json(net: &Network, e: &NetEdge) -> EdgeJson {
    EdgeJson {
        source: net.nodes[e.source].id.clone(),
        target: net.nodes[e.target].id.clone(),
        weight: e.weight,
        sign: e.sign().into(),
        via: net.via(e).cloned().collect(),
        first: e.first,
        statements: e.statements,
    }
}

/// The positions in `statements` (a window's) of the statements behind `e`, a tie of
/// a network of `kind` (`affiliation`, `congruence`, `conflict`, `subtract` or
/// `policies`), ascending: the rule [`EdgeJson::statements`] states, which a reader
/// of the JSON applies (docs/networks.md gives it in Python).
pub fn evidence_of(kind: &str, statements: &[StatementJson], e: &EdgeJson) -> Vec<usize> {
    let signed = |s: &StatementJson| matches!(&*s.stance, "for" | "against");
    let behind = |s: &StatementJson| match kind {
        "affiliation" => s.actor == e.source && s.policy == e.target,
        "policies" => {
            signed(s) && (s.policy == e.source || s.policy == e.target) && e.via.contains(&s.actor)
        }
        _ => signed(s) && (s.actor == e.source || s.actor == e.target) && e.via.contains(&s.policy),
    };
    (0..statements.len())
        .filter(|&k| behind(&statements[k]))
        .collect()
}

/// `levelmap network KIND --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkJson {
    /// `levelmap/network`.
    pub schema: String,
    /// [`NETWORK_VERSION`].
    pub version: u32,
    /// affiliation | congruence | conflict | subtract | policies.
    pub kind: Text,
    /// none | average | jaccard | cosine.
    pub normalisation: Text,
    /// all | article | window.
    pub duplicates: Text,
    /// The `--min-statements` threshold.
    pub min_statements: usize,
    /// One network, or one per moving window.
    pub windows: Vec<WindowJson>,
}

/// [`NetworkJson`] as it is written, its windows [`WindowOut`]: the same bytes, laid
/// out by [`levelmap_model::json::write_layered`] at [`NETWORK_FLAT_AT`].
#[derive(Serialize)]
pub struct NetworkOut<'a> {
    /// `levelmap/network`.
    pub schema: &'a str,
    /// [`NETWORK_VERSION`].
    pub version: u32,
    /// affiliation | congruence | conflict | subtract | policies.
    pub kind: &'a str,
    /// none | average | jaccard | cosine.
    pub normalisation: &'a str,
    /// all | article | window.
    pub duplicates: &'a str,
    /// The `--min-statements` threshold.
    pub min_statements: usize,
    /// One network, or one per moving window.
    pub windows: Vec<WindowOut<'a>>,
}

/// An actor as a polarisation group names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberJson {
    /// Graph id.
    pub id: Text,
    /// Name.
    pub label: Text,
    /// Statements in the window.
    pub statements: usize,
}

/// One window's polarisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolarisationWindowJson {
    /// First month.
    pub from: PartialDate,
    /// Last month.
    pub to: PartialDate,
    /// Statements in it.
    pub statements: usize,
    /// Actors in it.
    pub actors: usize,
    /// Congruence ties.
    pub congruence_ties: usize,
    /// Conflict ties.
    pub conflict_ties: usize,
    /// Best signed modularity of a two-group split.
    pub score: f64,
    /// Whether every split was tried.
    pub exhaustive: bool,
    /// Group A (holding the most active tied actor) and group B, most active first.
    pub groups: [Vec<MemberJson>; 2],
}

/// `levelmap polarisation --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolarisationJson {
    /// `levelmap/polarisation`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// signed-modularity.
    pub measure: Text,
    /// Window length in months.
    pub window_months: i64,
    /// Step in months.
    pub step_months: i64,
    /// The windows in order.
    pub windows: Vec<PolarisationWindowJson>,
}
