//! A network as the neutral attributed graph the interchange writers take
//! ([`levelmap_model::exchange::Exchange`]): the measures as node attributes, the
//! weight, sign and evidence on each edge.

use std::collections::BTreeMap;

use levelmap_model::exchange::{AttrKey, ExEdge, ExNode, Exchange, Value, ValueType};

use crate::measures::{measures, NodeMeasures};
use crate::network::Network;
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
            "each statement: actor, stance, policy, article, date, quote",
        ),
    ]
}

/// As [`to_exchange`], with measures already computed.
pub fn to_exchange_with(net: &Network, m: &[NodeMeasures]) -> Exchange {
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
            let evidence: Vec<String> = net.evidence(e).map(evidence_line).collect();
            let via: Vec<&str> = net.via(e).map(|v| v.as_ref()).collect();
            let attrs = BTreeMap::from([
                ("sign".to_string(), Value::Text(e.sign().into())),
                ("via".to_string(), Value::Text(via.join("; "))),
                ("statements".to_string(), Value::Int(e.statements as i64)),
                ("evidence".to_string(), Value::Text(evidence.join("\n"))),
            ]);
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
}
