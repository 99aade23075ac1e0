//! A network as the neutral attributed graph the interchange writers take
//! ([`levelmap_model::exchange::Exchange`]): the measures as node attributes, the
//! weight, sign and evidence on each edge.

use std::collections::BTreeMap;

use levelmap_model::exchange::{AttrKey, ExEdge, ExNode, Exchange, Value, ValueType};

use crate::measures::{measures, NodeMeasures};
use crate::network::{Kind, Network};
use crate::statements::Statement;

fn key(name: &str, ty: ValueType, doc: &str) -> AttrKey {
    AttrKey {
        name: name.into(),
        ty,
        doc: doc.into(),
    }
}

/// One line of evidence: "Actor for Policy — article (date): “quote”".
pub fn evidence_line(s: &Statement) -> String {
    let mut line = String::new();
    push_evidence_line(&mut line, s);
    line
}

/// The statements a tie's `evidence` text lists, in order; past them one line counts
/// the rest. A popular policy's ties each hold thousands of statements: written out
/// in full, the policies network of 10,000 articles was a GraphML file of 15 GB that
/// no consumer opens; the tie's `statements` attribute still counts them all, and the
/// network's JSON holds every one (docs/networks.md).
pub const EVIDENCE_LINES: usize = 20;

/// A tie's `evidence` text: one [`evidence_line`] for each of the first
/// [`EVIDENCE_LINES`] of its `total` statements (`first` may yield more; they are not
/// read), then "… and N more statements (`levelmap network KIND --format json` lists
/// them all)" when there are more.
pub fn push_evidence<'a>(
    out: &mut String,
    kind: Kind,
    total: usize,
    first: impl Iterator<Item = &'a Statement>,
) {
    for (k, s) in first.take(EVIDENCE_LINES).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        push_evidence_line(out, s);
    }
    if total > EVIDENCE_LINES {
        use std::fmt::Write as _;
        // writing to a String cannot fail
        let _ = write!(
            out,
            "\n… and {} more statements (`levelmap network {} --format json` lists them all)",
            total - EVIDENCE_LINES,
            kind.as_str()
        );
    }
}

/// [`evidence_line`], appended to `out`.
pub fn push_evidence_line(out: &mut String, s: &Statement) {
    use std::fmt::Write as _;
    // writing to a String cannot fail
    let _ = write!(
        out,
        "{} {} {} — {}",
        s.actor_label, s.stance, s.policy_label, s.article
    );
    if let Some(d) = s.date {
        let _ = write!(out, " ({d})");
    }
    let _ = write!(out, ": “{}”", s.quote);
}

/// The network with its measures as an [`Exchange`] (undirected).
pub fn to_exchange(net: &Network) -> Exchange {
    to_exchange_with(net, &measures(net))
}

/// The name of a network's exchange: `levelmap-KIND`.
pub fn exchange_name(net: &Network) -> String {
    format!("levelmap-{}", net.kind.as_str())
}

/// Past this many ties a network's exchange (GraphML, GEXF) leaves every tie's
/// `evidence` out: the policies network of 10,000 synthetic articles has 3.5 million
/// ties, and their evidence (up to [`EVIDENCE_LINES`] quotes each, a popular policy's
/// repeated in each of its ties) made a 6.3 GB GraphML file in 29 s that neither Gephi
/// nor networkx opens; without it the file is a seventh of that. Each tie still counts
/// its `statements`; the network's JSON holds them (docs/networks.md), and
/// `--min-statements` or dates make a network small enough to keep them.
pub const EVIDENCE_TIES: usize = 100_000;

/// Whether a network of `ties` ties keeps its ties' evidence in its exchange, with
/// `limit` [`EVIDENCE_TIES`] (a smaller one in tests).
pub fn keeps_evidence(ties: usize, limit: usize) -> bool {
    ties <= limit
}

/// The node attributes of a network's exchange, in order: mode, statements, degree,
/// weighted_degree, betweenness, pagerank, community.
pub fn node_keys() -> Vec<AttrKey> {
    vec![
        key("mode", ValueType::Text, "actor or policy"),
        key(
            "statements",
            ValueType::Int,
            "statements the node takes part in",
        ),
        key("degree", ValueType::Int, "number of ties"),
        key("weighted_degree", ValueType::Float, "sum of tie weights"),
        key(
            "betweenness",
            ValueType::Float,
            "betweenness centrality (normalised)",
        ),
        key(
            "pagerank",
            ValueType::Float,
            "PageRank on the positive ties",
        ),
        key(
            "community",
            ValueType::Int,
            "Louvain community on the positive ties",
        ),
    ]
}

/// The edge attributes of a network's exchange, in order: sign, via, statements,
/// evidence.
pub fn edge_keys() -> Vec<AttrKey> {
    vec![
        key("sign", ValueType::Text, "positive, negative or zero"),
        key(
            "via",
            ValueType::Text,
            "the policies, actors or stances the tie runs through",
        ),
        key("statements", ValueType::Int, "statements behind the tie"),
        key(
            "evidence",
            ValueType::Text,
            &format!(
                "each statement: actor, stance, policy, article, date, quote (the first \
                 {EVIDENCE_LINES}, then a count of the rest; left out of every tie of a \
                 network of more than {EVIDENCE_TIES} ties)"
            ),
        ),
    ]
}

/// As [`to_exchange`], with measures already computed.
pub fn to_exchange_with(net: &Network, m: &[NodeMeasures]) -> Exchange {
    to_exchange_limited(net, m, EVIDENCE_TIES)
}

/// As [`to_exchange_with`], the ties' evidence kept up to `limit` ties
/// ([`keeps_evidence`]).
pub fn to_exchange_limited(net: &Network, m: &[NodeMeasures], limit: usize) -> Exchange {
    let with_evidence = keeps_evidence(net.edges.len(), limit);
    let nodes = net
        .nodes
        .iter()
        .zip(m)
        .map(|(n, m)| {
            let attrs = BTreeMap::from([
                ("mode".to_string(), Value::Text(n.mode.as_str().into())),
                ("statements".to_string(), Value::Int(n.statements as i64)),
                ("degree".to_string(), Value::Int(m.degree as i64)),
                (
                    "weighted_degree".to_string(),
                    Value::Float(m.weighted_degree),
                ),
                ("betweenness".to_string(), Value::Float(m.betweenness)),
                ("pagerank".to_string(), Value::Float(m.pagerank)),
                ("community".to_string(), Value::Int(m.community as i64)),
            ]);
            ExNode {
                id: n.id.to_string(),
                label: n.label.to_string(),
                start: n.first,
                attrs,
            }
        })
        .collect();
    let edges = net
        .edges
        .iter()
        .map(|e| {
            let via: Vec<&str> = net.via(e).map(|v| v.as_ref()).collect();
            let mut attrs = BTreeMap::from([
                ("sign".to_string(), Value::Text(e.sign().into())),
                ("via".to_string(), Value::Text(via.join("; "))),
                ("statements".to_string(), Value::Int(e.statements as i64)),
            ]);
            if with_evidence {
                let all: Vec<&Statement> = net.evidence(e).collect();
                let mut evidence = String::new();
                push_evidence(&mut evidence, net.kind, all.len(), all.into_iter());
                attrs.insert("evidence".to_string(), Value::Text(evidence));
            }
            let (s, t) = (&net.nodes[e.source].id, &net.nodes[e.target].id);
            ExEdge {
                id: format!("{s}--{t}"),
                source: s.to_string(),
                target: t.to_string(),
                label: net.kind.as_str().into(),
                weight: e.weight,
                start: e.first,
                attrs,
            }
        })
        .collect();
    Exchange {
        name: exchange_name(net),
        directed: false,
        node_keys: node_keys(),
        edge_keys: edge_keys(),
        nodes,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{build_network, Kind, NetworkOptions, Normalisation};
    use crate::statements::{select, statements, tests::small, Duplicates, StatementFilter};

    #[test]
    fn a_network_becomes_a_checked_exchange_with_measures_and_evidence() {
        let all = select(
            &statements(&small()),
            &StatementFilter::default(),
            Duplicates::Article,
        );
        for kind in Kind::ALL {
            let net = build_network(
                &all,
                NetworkOptions {
                    kind,
                    normalisation: Normalisation::None,
                    min_statements: 1,
                },
            )
            .unwrap();
            let x = to_exchange(&net);
            assert_eq!(x.check(), Ok(()), "{kind:?}");
            assert_eq!(x.nodes.len(), net.nodes.len());
            assert!(x
                .nodes
                .iter()
                .all(|n| n.attrs.contains_key("pagerank") && n.attrs.contains_key("community")));
        }
        let net = build_network(
            &all,
            NetworkOptions {
                kind: Kind::Conflict,
                normalisation: Normalisation::None,
                min_statements: 1,
            },
        )
        .unwrap();
        let x = to_exchange(&net);
        // x is against q (a1), b against q (a2): no conflict; a for p vs nobody against p.
        assert!(x.edges.is_empty());
        let net = build_network(
            &all,
            NetworkOptions {
                kind: Kind::Congruence,
                normalisation: Normalisation::None,
                min_statements: 1,
            },
        )
        .unwrap();
        let x = to_exchange(&net);
        let ids: Vec<&str> = x.edges.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["actor:a--actor:b", "actor:b--actor:x"]);
        let Value::Text(ev) = &x.edges[1].attrs["evidence"] else {
            panic!()
        };
        assert_eq!(ev.lines().count(), 2);
        assert!(ev.contains("x against q — a1 (2020-01): “q”"), "{ev}");
    }

    #[test]
    fn a_ties_evidence_lists_the_first_statements_and_counts_the_rest() {
        use crate::network::tests::st;
        use levelmap_model::Stance::For;
        let names: Vec<String> = (0..25).map(|k| format!("p{k}")).collect();
        let mut list = Vec::new();
        for p in &names {
            list.push(("x", p.as_str(), For));
            list.push(("y", p.as_str(), For));
        }
        let all = st(&list);
        let opts = NetworkOptions {
            kind: Kind::Congruence,
            normalisation: Normalisation::None,
            min_statements: 1,
        };
        let net = build_network(&all, opts).unwrap();
        let x = to_exchange(&net);
        assert_eq!(x.edges.len(), 1);
        let Value::Int(n) = x.edges[0].attrs["statements"] else {
            panic!()
        };
        assert_eq!(n, 50);
        let Value::Text(ev) = &x.edges[0].attrs["evidence"] else {
            panic!()
        };
        let lines: Vec<&str> = ev.lines().collect();
        assert_eq!(lines.len(), EVIDENCE_LINES + 1, "{ev}");
        assert!(lines[0].contains("“quote 0”"), "{ev}");
        assert_eq!(
            lines[EVIDENCE_LINES],
            "… and 30 more statements (`levelmap network congruence --format json` lists them all)"
        );
    }
}
