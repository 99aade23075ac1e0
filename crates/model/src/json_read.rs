//! Reading graph.json back into a graph, streamed: the nodes are read and checked
//! whole, then each edge is checked and added as it is parsed, so that neither the
//! file's text nor a list of every parsed edge is held beside the graph (at 100,000
//! articles the text is 4.7 GB and the parsed edges as much again). Quotes and
//! article stems are shared between the nodes and edges that repeat them.
//!
//! The checks and their order are those of the corpus reader ([`json_check`]): every
//! problem of the nodes, then of the edges in file order, then of the dates; any error
//! refuses the file.

use std::io;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::graph::{Edge, LevelGraph, Node, NodeData};
use crate::json::{origin_from, EdgeJson, ImportError, NodeJson, SCHEMA, VERSION};
use crate::json_check::{self, Checked};
use crate::{ArticleDate, ClaimKind, DateProvenance, Evidence, NodeKind, Role, Text};

/// Read a graph back from its JSON, checked as the corpus is; `path` is used in
/// messages. Warnings (dates far from the articles') are dropped: see
/// [`from_json_with_warnings`].
pub fn from_json(text: &str, path: &str) -> Result<LevelGraph, ImportError> {
    from_json_with_warnings(text, path).map(|(g, _)| g)
}

/// Read a graph back from its JSON, checked as the corpus is ([`json_check`]): any
/// error refuses the file; the warnings come back rendered, one per problem.
pub fn from_json_with_warnings(
    text: &str,
    path: &str,
) -> Result<(LevelGraph, Vec<String>), ImportError> {
    import(serde_json::Deserializer::from_str(text), path)
}

/// [`from_json_with_warnings`] from a reader (give it a buffered one): the file's
/// text is never held whole.
pub fn from_json_reader<R: io::Read>(
    reader: R,
    path: &str,
) -> Result<(LevelGraph, Vec<String>), ImportError> {
    import(serde_json::Deserializer::from_reader(reader), path)
}

fn import<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    path: &str,
) -> Result<(LevelGraph, Vec<String>), ImportError> {
    let parse_error = |e: serde_json::Error| ImportError::Parse {
        path: path.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    let mut state = Import::new(path);
    FileSeed(&mut state)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(parse_error)?;
    state.finish()
}

/// The top-level fields, in the order they are written.
const FIELDS: &[&str] = &["schema", "version", "digest", "nodes", "edges"];

/// What has been read so far.
struct Import<'p> {
    path: &'p str,
    schema: Option<String>,
    version: Option<u32>,
    digest: Option<String>,
    /// Every problem found so far, in the corpus reader's order.
    checked: Checked,
    /// The dates' problems, found with the nodes and reported after the edges'.
    dates: Checked,
    nodes: Nodes,
    /// Edges met before the nodes (a file written by hand may put them first).
    early_edges: Vec<EdgeJson>,
    /// The next edge's position in the file.
    next_edge: usize,
    /// The first fault that is not a rule's problem (a node that lacks a field its
    /// kind requires, an edge whose end is missing), reported if no rule is broken.
    fault: Option<ImportError>,
    texts: Shared,
}

/// The nodes, once read.
enum Nodes {
    NotYet,
    /// Every node checked without an error and added to the graph.
    Graph(LevelGraph),
    /// Some node broke a rule: the graph is refused, and only each id's kind is kept
    /// to check the edges against.
    Refused(FxHashMap<String, NodeKind>),
}

impl<'p> Import<'p> {
    fn new(path: &'p str) -> Self {
        Import {
            path,
            schema: None,
            version: None,
            digest: None,
            checked: Checked::default(),
            dates: Checked::default(),
            nodes: Nodes::NotYet,
            early_edges: Vec::new(),
            next_edge: 0,
            fault: None,
            texts: Shared::default(),
        }
    }

    /// Check the nodes; add them to the graph if none breaks a rule.
    fn take_nodes(&mut self, nodes: Vec<NodeJson>) {
        self.checked
            .append(json_check::check_nodes(&nodes, self.path));
        self.dates = json_check::check_dates(&nodes);
        if !self.checked.errors.is_empty() {
            let kinds = nodes.into_iter().map(|n| (n.id, n.kind)).collect();
            self.nodes = Nodes::Refused(kinds);
        } else {
            self.nodes = self.graph_of(nodes);
        }
        for e in std::mem::take(&mut self.early_edges) {
            self.take_edge(e);
        }
    }

    /// The nodes as a graph; or, when one lacks a field its kind requires (the fault
    /// reported if no rule is broken), every node's kind, to check the edges against
    /// as the corpus reader does.
    fn graph_of(&mut self, nodes: Vec<NodeJson>) -> Nodes {
        let mut g = LevelGraph::new();
        let mut rest = nodes.into_iter();
        while let Some(n) = rest.next() {
            let kind = n.kind;
            match node_from_json(n, self.path, &mut self.texts) {
                Ok(node) => {
                    g.add_node(node);
                }
                Err(e) => {
                    let mut kinds: FxHashMap<String, NodeKind> = g
                        .graph
                        .node_weights()
                        .map(|n| (n.id.to_string(), n.kind))
                        .collect();
                    if let ImportError::MissingField { node, .. } = &e {
                        kinds.insert(node.clone(), kind);
                    }
                    kinds.extend(rest.map(|n| (n.id, n.kind)));
                    self.fault = Some(e);
                    return Nodes::Refused(kinds);
                }
            }
        }
        Nodes::Graph(g)
    }

    /// Check one edge, and add it to the graph while nothing is refused.
    fn take_edge(&mut self, e: EdgeJson) {
        let i = self.next_edge;
        match &self.nodes {
            Nodes::NotYet => {
                self.early_edges.push(e);
                return;
            }
            Nodes::Refused(kinds) => {
                self.next_edge += 1;
                json_check::check_edge(&mut self.checked, i, &e, |id| kinds.get(id).copied());
                return;
            }
            Nodes::Graph(g) => json_check::check_edge(&mut self.checked, i, &e, |id| {
                g.find(id).map(|n| g.graph[n].kind)
            }),
        }
        self.next_edge += 1;
        if !self.checked.errors.is_empty() || self.fault.is_some() {
            return;
        }
        let Nodes::Graph(g) = &mut self.nodes else {
            return;
        };
        let edge = Edge {
            kind: e.kind,
            evidence: Evidence {
                article: self.texts.get(e.evidence.article),
                quote: self.texts.get(e.evidence.quote),
            },
            stance: e.stance,
            note: e.note,
            origin: origin_from(&e.origin, e.confidence),
        };
        if !g.add_edge(&e.from, &e.to, edge) {
            let node = if g.find(&e.from).is_none() {
                e.from
            } else {
                e.to
            };
            self.fault = Some(ImportError::Dangling {
                path: self.path.into(),
                edge: e.id,
                node,
            });
        }
    }

    /// The graph, or why the file is refused: another schema or version first, then
    /// the rules' problems, then the first other fault.
    fn finish(mut self) -> Result<(LevelGraph, Vec<String>), ImportError> {
        let (schema, version, digest) = (
            self.schema.unwrap_or_default(),
            self.version.unwrap_or_default(),
            self.digest.unwrap_or_default(),
        );
        if schema != SCHEMA || version != VERSION {
            return Err(ImportError::Version {
                path: self.path.into(),
                schema,
                version,
            });
        }
        self.checked.append(self.dates);
        if !self.checked.errors.is_empty() {
            return Err(ImportError::Invalid {
                path: self.path.into(),
                problems: self.checked.errors,
            });
        }
        if let Some(fault) = self.fault {
            return Err(fault);
        }
        let Nodes::Graph(mut g) = self.nodes else {
            // Not met: a file without nodes fails to parse, and refused nodes are errors.
            return Err(ImportError::Parse {
                path: self.path.into(),
                line: 0,
                column: 0,
                message: "missing field `nodes`".into(),
            });
        };
        g.digest = digest;
        let path = self.path;
        let warnings = self
            .checked
            .warnings
            .iter()
            .map(|p| format!("{path}: {p}"))
            .collect();
        Ok((g, warnings))
    }
}

/// One text for each distinct quote and article stem: a claim's quote is repeated by
/// its node and each of its edges, an article's stem by every piece of evidence.
#[derive(Default)]
struct Shared(FxHashSet<Text>);

impl Shared {
    fn get(&mut self, s: String) -> Text {
        if let Some(t) = self.0.get(s.as_str()) {
            return t.clone();
        }
        let t: Text = s.into();
        self.0.insert(t.clone());
        t
    }
}

/// A node of the graph from its JSON.
fn node_from_json(n: NodeJson, path: &str, texts: &mut Shared) -> Result<Node, ImportError> {
    let label: Text = n.label.as_str().into();
    let missing = |field: &str| ImportError::MissingField {
        path: path.into(),
        node: n.id.clone(),
        field: field.into(),
    };
    let data = match n.kind {
        NodeKind::Article => {
            let d = n.date.as_ref().ok_or_else(|| missing("date"))?;
            NodeData::Article {
                title: n.label.clone(),
                date: ArticleDate {
                    value: d.value,
                    provenance: d.provenance.unwrap_or(DateProvenance::Stated),
                    evidence: d.evidence.clone(),
                    reasoning: d.reasoning.clone(),
                },
                url: n.url.clone(),
            }
        }
        NodeKind::Claim => {
            let e = n.evidence.as_ref().ok_or_else(|| missing("evidence"))?;
            NodeData::Claim {
                text: texts.get(n.label.clone()),
                evidence: Evidence {
                    article: texts.get(e.article.clone()),
                    quote: texts.get(e.quote.clone()),
                },
                claim_kind: n.claim_kind.unwrap_or(ClaimKind::Evaluation),
                speaker: n.speaker.clone(),
                hedged: n.hedged,
                date: n.date.as_ref().map(|d| d.value),
            }
        }
        _ => NodeData::Entity {
            subkind: n.subkind.clone().ok_or_else(|| missing("subkind"))?,
            aliases: n.aliases.clone(),
            description: n.description.clone(),
            date: n.date.as_ref().map(|d| d.value),
            roles: n
                .roles
                .iter()
                .map(|r| Role {
                    title: r.title.clone(),
                    of: r.of.clone(),
                    from: r.from,
                    to: r.to,
                })
                .collect(),
        },
    };
    Ok(Node {
        id: n.id.into(),
        kind: n.kind,
        label,
        data,
        origin: origin_from(&n.origin, n.confidence),
    })
}

/// The whole file: an object of [`FIELDS`], each once, none other.
struct FileSeed<'a, 'p>(&'a mut Import<'p>);

impl<'de> DeserializeSeed<'de> for FileSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a levelmap graph: an object of schema, version, digest, nodes and edges")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        let mut seen = [false; 5];
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let Some(k) = FIELDS.iter().position(|f| *f == key) else {
                return Err(de::Error::unknown_field(&key, FIELDS));
            };
            if std::mem::replace(&mut seen[k], true) {
                return Err(de::Error::duplicate_field(FIELDS[k]));
            }
            match k {
                0 => st.schema = Some(map.next_value()?),
                1 => st.version = Some(map.next_value()?),
                2 => st.digest = Some(map.next_value()?),
                3 => {
                    let nodes: Vec<NodeJson> = map.next_value()?;
                    st.take_nodes(nodes);
                }
                _ => map.next_value_seed(EdgesSeed(&mut *st))?,
            }
        }
        if let Some(k) = seen.iter().position(|s| !s) {
            return Err(de::Error::missing_field(FIELDS[k]));
        }
        Ok(())
    }
}

/// The edges, each checked and added as it is parsed.
struct EdgesSeed<'a, 'p>(&'a mut Import<'p>);

impl<'de> DeserializeSeed<'de> for EdgesSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EdgesSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of edges")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(e) = seq.next_element::<EdgeJson>()? {
            self.0.take_edge(e);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::{json, Value};

    use super::*;
    use crate::json::write_json;
    use crate::EdgeKind;

    /// An article making a claim about a policy: the claim's quote is repeated by
    /// both edges.
    fn graph() -> Value {
        let ev = json!({"article": "2021-a", "quote": "The fund \"works\"."});
        json!({
            "schema": "levelmap/graph", "version": 1, "digest": "d1",
            "nodes": [
                {"id": "article:2021-a", "kind": "article", "label": "A", "origin": "curated",
                 "date": {"value": "2021", "precision": "year", "provenance": "stated"}},
                {"id": "claim:2021-a-1", "kind": "claim", "label": "The fund works.", "origin": "curated",
                 "evidence": ev, "claim_kind": "evaluation"},
                {"id": "policy:fund", "kind": "policy", "label": "Fund", "origin": "curated", "subkind": "fund"}
            ],
            "edges": [
                {"id": "article:2021-a-makes->claim:2021-a-1", "kind": "makes",
                 "from": "article:2021-a", "to": "claim:2021-a-1", "evidence": ev, "origin": "curated"},
                {"id": "claim:2021-a-1-about->policy:fund", "kind": "about", "stance": "for",
                 "from": "claim:2021-a-1", "to": "policy:fund", "evidence": ev, "origin": "curated"}
            ]
        })
    }

    fn written(g: &LevelGraph) -> String {
        let mut out = Vec::new();
        write_json(g, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn parse_error(v: &str) -> String {
        match from_json(v, "graph.json") {
            Err(ImportError::Parse { message, .. }) => message,
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn the_graph_read_from_a_reader_is_the_graph_read_from_its_text() {
        let text = written(&from_json(&graph().to_string(), "graph.json").unwrap());
        let from_text = from_json(&text, "graph.json").unwrap();
        let (from_reader, warnings) = from_json_reader(text.as_bytes(), "graph.json").unwrap();
        assert!(warnings.is_empty());
        assert_eq!(written(&from_reader), written(&from_text));
        assert_eq!(
            written(&from_reader),
            text,
            "a round trip gives the same bytes"
        );
        assert_eq!(from_reader.digest, "d1");
    }

    /// The regression this module was written for: reading graph.json back held a
    /// separate copy of every edge's quote (12 million at 100,000 articles).
    #[test]
    fn a_quote_repeated_by_a_claim_and_its_edges_is_held_once() {
        let g = from_json(&graph().to_string(), "graph.json").unwrap();
        let claim = g.find("claim:2021-a-1").unwrap();
        let NodeData::Claim { evidence, .. } = &g.graph[claim].data else {
            panic!("a claim")
        };
        let quotes: Vec<&Text> = g.graph.edge_weights().map(|e| &e.evidence.quote).collect();
        assert_eq!(quotes.len(), 2);
        for q in quotes {
            assert!(Arc::ptr_eq(q, &evidence.quote), "one text for the quote");
        }
        let articles: Vec<&Text> = g
            .graph
            .edge_weights()
            .map(|e| &e.evidence.article)
            .collect();
        assert!(Arc::ptr_eq(articles[0], articles[1]));
    }

    #[test]
    fn edges_written_before_the_nodes_read_as_if_after_them() {
        let v = graph();
        let reordered = format!(
            "{{\"edges\": {}, \"schema\": \"levelmap/graph\", \"version\": 1, \"digest\": \"d1\", \"nodes\": {}}}",
            v["edges"], v["nodes"]
        );
        let g = from_json(&reordered, "graph.json").unwrap();
        assert_eq!(
            written(&g),
            written(&from_json(&v.to_string(), "graph.json").unwrap())
        );
        assert_eq!(g.graph.edge_count(), 2);
        // An edge's problem is still located by its place among the edges.
        let mut bad = v.clone();
        bad["edges"][1]["to"] = json!("policy:nowhere");
        let reordered = format!(
            "{{\"edges\": {}, \"schema\": \"levelmap/graph\", \"version\": 1, \"digest\": \"\", \"nodes\": {}}}",
            bad["edges"], bad["nodes"]
        );
        match from_json(&reordered, "graph.json") {
            Err(ImportError::Invalid { problems, .. }) => {
                assert_eq!(problems.len(), 1, "{problems:?}");
                assert_eq!(problems[0].at, "edges[1].to");
            }
            other => panic!("expected the edge refused, got {other:?}"),
        }
    }

    #[test]
    fn a_top_level_field_unknown_twice_or_missing_is_refused_where_it_is() {
        let mut v = graph();
        v["extra"] = json!(1);
        assert!(parse_error(&v.to_string()).contains("unknown field `extra`"));
        let v = graph();
        let twice = format!("{{\"nodes\": {}, {}", v["nodes"], &v.to_string()[1..]);
        assert!(parse_error(&twice).contains("duplicate field `nodes`"));
        let mut v = graph();
        v.as_object_mut().unwrap().remove("edges");
        let message = parse_error(&v.to_string());
        assert!(message.contains("missing field `edges`"), "{message}");
        assert!(message.contains("line 1 column"), "located: {message}");
        assert!(parse_error("[1, 2]").contains("expected a levelmap graph"));
        let text = graph().to_string() + " x";
        assert!(parse_error(&text).contains("trailing characters"));
    }

    /// A claim without its evidence, before the policy its edge points to: the node's
    /// fault is reported, not an unknown node for every edge after it.
    #[test]
    fn a_node_lacking_a_field_is_the_fault_reported_whatever_follows_it() {
        let mut v = graph();
        v["nodes"][1].as_object_mut().unwrap().remove("evidence");
        match from_json(&v.to_string(), "graph.json") {
            Err(ImportError::MissingField { node, field, .. }) => {
                assert_eq!(
                    (node.as_str(), field.as_str()),
                    ("claim:2021-a-1", "evidence")
                );
            }
            other => panic!("expected the missing field, got {other:?}"),
        }
    }

    #[test]
    fn every_rule_broken_is_reported_in_the_readers_order() {
        let mut v = graph();
        v["edges"][0]["kind"] = json!(EdgeKind::About.as_str());
        v["nodes"][2]["origin"] = json!("guessed");
        v["nodes"][0]["date"]["value"] = json!("2999");
        match from_json(&v.to_string(), "graph.json") {
            Err(ImportError::Invalid { problems, .. }) => {
                let at: Vec<&str> = problems.iter().map(|p| p.at.as_str()).collect();
                assert_eq!(at, ["nodes[2].origin", "edges[0]", "nodes[0].date"]);
            }
            other => panic!("expected refusal, got {other:?}"),
        }
    }
}
