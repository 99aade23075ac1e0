//! Checking a graph.json read back before it becomes a graph: the rules the corpus
//! reader keeps (ids well formed, of their node's kind and unique; edges between
//! known nodes of the kinds their kind joins, never from a node to itself;
//! confidences from 0 to 1; roles that end after they start; dates near the
//! articles'), each problem located by its JSON path (`nodes[12].id`) and worded as
//! the corpus reader words it ([`crate::rules`]).

use std::collections::BTreeMap;
use std::fmt;

use crate::date::PartialDate;
use crate::json::{EdgeJson, NodeJson};
use crate::rules::{self, DateSpan};
use crate::{is_valid_id, kind_of_id, NodeKind};

/// The origins a node or edge may have.
const ORIGINS: &str = "curated | derived | extracted";

/// One problem of a graph.json.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The code the corpus diagnostics use for it (`bad-id`, `self-loop`…).
    pub code: &'static str,
    /// Where, as a JSON path: `nodes[12].id`, `edges[3].to`.
    pub at: String,
    /// What, worded as the corpus reader words it.
    pub message: String,
}

impl Problem {
    fn new(code: &'static str, at: String, message: String) -> Self {
        Problem { code, at, message }
    }
}

/// What checking found: errors (the file is refused) and warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// The file is refused.
    pub errors: Vec<Problem>,
    /// Worth a look (dates far from the articles').
    pub warnings: Vec<Problem>,
}

/// Render problems as the corpus diagnostics are rendered: a headline, the place.
pub fn render(severity: &str, path: &str, problems: &[Problem]) -> String {
    let mut s = String::new();
    for (k, p) in problems.iter().enumerate() {
        if k > 0 {
            s.push('\n');
        }
        s.push_str(&format!(
            "{severity}[{}]: {}\n  --> {path}: {}",
            p.code, p.message, p.at
        ));
    }
    s
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

impl Checked {
    /// Add `other`'s errors and warnings after these.
    pub(crate) fn append(&mut self, other: Checked) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }
}

/// The nodes' own problems: ids (well formed, of their kind, unique), origins and
/// confidences, roles; in node order.
pub(crate) fn check_nodes(nodes: &[NodeJson], path: &str) -> Checked {
    let mut c = Checked::default();
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let at = |field: &str| format!("nodes[{i}].{field}");
        if let Some(p) = id_problem(&n.id, n.kind) {
            c.errors.push(Problem::new("bad-id", at("id"), p));
        } else if let Some(&k) = first.get(n.id.as_str()) {
            let message = rules::duplicate_id(&n.id, &format!("{path}: nodes[{k}].id"));
            c.errors
                .push(Problem::new("duplicate-id", at("id"), message));
        } else {
            first.insert(&n.id, i);
        }
        origin(&mut c, &n.origin, n.confidence, &at);
        roles(&mut c, n, &at);
    }
    c
}

/// The problems of edge `i`: its origin and confidence, ends that are not nodes
/// (`kind_of` gives a node's kind by id), ends of the wrong kinds, a self-loop.
pub(crate) fn check_edge(
    c: &mut Checked,
    i: usize,
    e: &EdgeJson,
    kind_of: impl Fn(&str) -> Option<NodeKind>,
) {
    let at = |field: &str| format!("edges[{i}].{field}");
    origin(c, &e.origin, e.confidence, &at);
    let (allowed_from, allowed_to) = e.kind.endpoints();
    let from = kind_of(e.from.as_str());
    let to = kind_of(e.to.as_str());
    for (end, id, kind, allowed) in [
        ("from", &e.from, from, allowed_from),
        ("to", &e.to, to, allowed_to),
    ] {
        if kind.is_none() {
            let message = rules::unknown_id(&rules::kind_list(allowed), id);
            c.errors.push(Problem::new("unknown-id", at(end), message));
        }
    }
    let (Some(fk), Some(tk)) = (from, to) else {
        return;
    };
    if !allowed_from.contains(&fk) || !allowed_to.contains(&tk) {
        let message = rules::wrong_endpoints(
            e.kind.as_str(),
            (&e.from, fk.as_str()),
            (&e.to, tk.as_str()),
            (
                &rules::kind_list(allowed_from),
                &rules::kind_list(allowed_to),
            ),
        );
        c.errors.push(Problem::new(
            "wrong-endpoints",
            format!("edges[{i}]"),
            message,
        ));
    } else if e.from == e.to {
        let message = rules::self_loop(fk.as_str(), &e.to, e.kind.as_str());
        c.errors.push(Problem::new("self-loop", at("to"), message));
    }
}

/// The nodes' dates: far from the articles' (warnings), after today (errors).
pub(crate) fn check_dates(nodes: &[NodeJson]) -> Checked {
    let mut c = Checked::default();
    far_dates(&mut c, nodes);
    future_dates(&mut c, nodes, crate::date::today());
    c
}

/// Refuse node and role dates after `today`, as the corpus reader does (a claim has
/// its article's date: the article is the one to fix).
fn future_dates(c: &mut Checked, nodes: &[NodeJson], today: PartialDate) {
    let mut refuse = |at: String, d: PartialDate| {
        if d.is_after(today) {
            let message = rules::after_today(&d.to_string(), &today.to_string());
            c.errors.push(Problem::new("future-date", at, message));
        }
    };
    for (i, n) in nodes.iter().enumerate() {
        if let Some(d) = n.date.as_ref().filter(|_| n.kind != NodeKind::Claim) {
            refuse(format!("nodes[{i}].date"), d.value);
        }
        for (k, r) in n.roles.iter().enumerate() {
            for (field, d) in [("from", r.from), ("to", r.to)] {
                if let Some(d) = d {
                    refuse(format!("nodes[{i}].roles[{k}].{field}"), d);
                }
            }
        }
    }
}

/// Why a node's id is refused, if it is.
fn id_problem(id: &str, kind: NodeKind) -> Option<String> {
    if !is_valid_id(id) {
        Some(rules::bad_id(id, rules::NOT_KIND_SLUG))
    } else if kind_of_id(id) != Some(kind) {
        Some(rules::bad_id(id, &rules::wrong_prefix(kind)))
    } else {
        None
    }
}

/// An origin among [`ORIGINS`], and a confidence from 0 to 1.
fn origin(c: &mut Checked, origin: &str, confidence: Option<f64>, at: &dyn Fn(&str) -> String) {
    if !matches!(origin, "curated" | "derived" | "extracted") {
        let message = format!("unknown origin '{origin}': expected one of {ORIGINS}");
        c.errors
            .push(Problem::new("bad-kind", at("origin"), message));
    }
    if let Some(v) = confidence.filter(|v| !rules::confidence_ok(*v)) {
        let message = rules::bad_confidence(&v.to_string());
        c.errors
            .push(Problem::new("bad-number", at("confidence"), message));
    }
}

/// Roles end after they start.
fn roles(c: &mut Checked, n: &NodeJson, at: &dyn Fn(&str) -> String) {
    for (k, r) in n.roles.iter().enumerate() {
        if let (Some(f), Some(t)) = (r.from, r.to) {
            if t < f {
                let message = rules::role_ends_before_start(&r.title, t, f);
                c.errors.push(Problem::new(
                    "bad-date",
                    at(&format!("roles[{k}].to")),
                    message,
                ));
            }
        }
    }
}

/// Warn about node dates far from the articles' (or, without articles, all) dates.
fn far_dates(c: &mut Checked, nodes: &[NodeJson]) {
    let dated = |want: Option<NodeKind>| -> Vec<PartialDate> {
        nodes
            .iter()
            .filter(|n| want.is_none_or(|k| n.kind == k))
            .filter_map(|n| n.date.as_ref().map(|d| d.value))
            .collect()
    };
    let articles = dated(Some(NodeKind::Article));
    let reference = if articles.is_empty() {
        dated(None)
    } else {
        articles
    };
    let Some(span) = DateSpan::of(&reference) else {
        return;
    };
    // A claim has its article's date: the article is the one to fix.
    for (i, n) in nodes.iter().enumerate() {
        if n.kind == NodeKind::Claim {
            continue;
        }
        if let Some(d) = n.date.as_ref().filter(|d| span.is_far(d.value)) {
            let message = rules::far_date(&d.value.to_string(), &span.to_string());
            c.warnings.push(Problem::new(
                "far-date",
                format!("nodes[{i}].date"),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use crate::json::{from_json, from_json_with_warnings, ImportError};

    /// An article of 2021, two policies, one evolving into the other.
    fn graph() -> Value {
        json!({
            "schema": "levelmap/graph", "version": 1, "digest": "",
            "nodes": [
                {"id": "article:2021-a", "kind": "article", "label": "A", "origin": "curated",
                 "date": {"value": "2021", "precision": "year", "provenance": "stated"}},
                {"id": "policy:a", "kind": "policy", "label": "A", "origin": "curated", "subkind": "fund"},
                {"id": "policy:b", "kind": "policy", "label": "B", "origin": "curated", "subkind": "fund"}
            ],
            "edges": [
                {"id": "policy:a-evolves-into->policy:b", "kind": "evolves-into",
                 "from": "policy:a", "to": "policy:b",
                 "evidence": {"article": "2021-a", "quote": "q"}, "origin": "curated"}
            ]
        })
    }

    fn problems(v: &Value) -> Vec<String> {
        match from_json(&v.to_string(), "graph.json") {
            Ok(_) => vec![],
            Err(ImportError::Invalid { problems, .. }) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Err(e) => vec![e.to_string()],
        }
    }

    #[test]
    fn a_valid_graph_reads() {
        assert_eq!(problems(&graph()), Vec::<String>::new());
    }

    #[test]
    fn a_duplicated_node_id_was_dropped_silently() {
        let mut g = graph();
        let dup = g["nodes"][1].clone();
        g["nodes"].as_array_mut().unwrap().push(dup);
        assert_eq!(
            problems(&g),
            ["nodes[3].id: duplicate id 'policy:a' (first defined at graph.json: nodes[1].id)"]
        );
    }

    #[test]
    fn empty_ids_path_characters_and_wrong_prefixes_were_accepted() {
        let mut g = graph();
        g["nodes"][0]["id"] = json!("");
        g["nodes"][1]["id"] = json!("policy:a/../../etc");
        g["nodes"][2]["id"] = json!("actor:b");
        g["edges"] = json!([]);
        assert_eq!(
            problems(&g),
            [
                "nodes[0].id: bad id '': not of the form kind:slug",
                "nodes[1].id: bad id 'policy:a/../../etc': not of the form kind:slug",
                "nodes[2].id: bad id 'actor:b': this entry is a policy, so its id starts with 'policy:'",
            ]
        );
    }

    #[test]
    fn wrong_endpoints_self_loops_and_unknown_nodes_were_accepted() {
        let mut g = graph();
        let edge = g["edges"][0].clone();
        let with = |from: &str, to: &str| {
            let mut e = edge.clone();
            e["from"] = json!(from);
            e["to"] = json!(to);
            e
        };
        g["edges"] = json!([
            with("article:2021-a", "policy:b"),
            with("policy:a", "policy:a"),
            with("policy:a", "policy:nowhere"),
        ]);
        assert_eq!(
            problems(&g),
            [
                "edges[0]: 'evolves-into' cannot go from article 'article:2021-a' to policy 'policy:b': it goes from policy to policy",
                "edges[1].to: policy 'policy:a' has a 'evolves-into' edge to itself",
                "edges[2].to: unknown policy id 'policy:nowhere'",
            ]
        );
    }

    #[test]
    fn confidences_out_of_range_and_unknown_origins_are_refused() {
        let mut g = graph();
        g["nodes"][1]["origin"] = json!("extracted");
        g["nodes"][1]["confidence"] = json!(1.5);
        g["edges"][0]["origin"] = json!("guessed");
        assert_eq!(
            problems(&g),
            [
                "nodes[1].confidence: confidence 1.5 is not a number from 0 to 1",
                "edges[0].origin: unknown origin 'guessed': expected one of curated | derived | extracted",
            ]
        );
    }

    #[test]
    fn a_date_after_today_is_refused() {
        let mut g = graph();
        g["nodes"][0]["date"]["value"] = json!("2999");
        let p = problems(&g);
        assert!(
            p.iter().any(
                |m| m.starts_with("nodes[0].date: date 2999 is after today (")
                    && m.ends_with("); is the year mistyped?")
            ),
            "{p:?}"
        );
    }

    #[test]
    fn a_far_date_is_a_warning_naming_the_span() {
        let mut g = graph();
        let mut event = g["nodes"][1].clone();
        event["id"] = json!("event:vote");
        event["kind"] = json!("event");
        event["date"] = json!({"value": "0202", "precision": "year"});
        g["nodes"].as_array_mut().unwrap().push(event);
        let (_, warnings) = from_json_with_warnings(&g.to_string(), "graph.json").unwrap();
        assert_eq!(
            warnings,
            ["graph.json: nodes[3].date: date 0202 is more than 100 years from the articles' dates (2021); is the year mistyped?"]
        );
    }
}
