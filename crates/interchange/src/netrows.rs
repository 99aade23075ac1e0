//! A discourse network as the [`Rows`] GraphML and GEXF write, one node and tie at a
//! time: the bytes of the network's [`Exchange`](levelmap_model::exchange::Exchange)
//! (`levelmap_network::exchange::to_exchange_with`), without building it. A dense
//! network's exchange held every tie's evidence text at once (gigabytes for the
//! policies network of 2,000 articles); here each tie's id, `via` and evidence are
//! made in buffers reused from tie to tie, its statements found through an
//! [`EvidenceIndex`].

use std::ops::Range;

use levelmap_model::exchange::AttrKey;
use levelmap_network::evidence::EvidenceIndex;
use levelmap_network::exchange::{
    edge_keys, exchange_name, keeps_evidence, node_keys, push_evidence, EVIDENCE_TIES,
};
use levelmap_network::measures::NodeMeasures;
use levelmap_network::{NetEdge, NetNode, Network};

use crate::rows::{EdgeRow, NodeRow, Rows, Val};
use crate::{check_keys, finite, InterchangeError};

/// A network and its measures, walked as rows.
pub(crate) struct NetworkRows<'a> {
    net: &'a Network,
    measures: &'a [NodeMeasures],
    name: String,
    node_keys: Vec<AttrKey>,
    edge_keys: Vec<AttrKey>,
    /// The index of the ties' statements, when each tie's evidence is written
    /// ([`keeps_evidence`]).
    evidence: Option<EvidenceIndex<'a>>,
}

impl<'a> NetworkRows<'a> {
    /// `measures` are the network's nodes' (in node order).
    pub(crate) fn new(net: &'a Network, measures: &'a [NodeMeasures]) -> Self {
        Self::limited(net, measures, EVIDENCE_TIES)
    }

    /// As [`NetworkRows::new`], the ties' evidence kept up to `limit` ties.
    pub(crate) fn limited(net: &'a Network, measures: &'a [NodeMeasures], limit: usize) -> Self {
        NetworkRows {
            net,
            measures,
            name: exchange_name(net),
            node_keys: node_keys(),
            edge_keys: edge_keys(),
            evidence: keeps_evidence(net.edges.len(), limit).then(|| EvidenceIndex::new(net)),
        }
    }
}

impl Rows for NetworkRows<'_> {
    fn name(&self) -> &str {
        &self.name
    }
    fn directed(&self) -> bool {
        false
    }
    fn node_keys(&self) -> &[AttrKey] {
        &self.node_keys
    }
    fn edge_keys(&self) -> &[AttrKey] {
        &self.edge_keys
    }
    fn node_count(&self) -> usize {
        self.net.nodes.len()
    }
    fn edge_count(&self) -> usize {
        self.net.edges.len()
    }
    /// The exchange's checks that can fail for a network: finite numbers (in the
    /// order the exchange checks them: its attributes by name).
    fn check(&self) -> Result<(), InterchangeError> {
        check_nodes(
            &self.node_keys,
            &self.edge_keys,
            &self.net.nodes,
            self.measures,
        )?;
        for e in &self.net.edges {
            if !e.weight.is_finite() {
                let (s, t) = (&self.net.nodes[e.source].id, &self.net.nodes[e.target].id);
                finite("edge", &format!("{s}--{t}"), "weight", e.weight)?;
            }
        }
        Ok(())
    }
    fn each_node(
        &self,
        f: &mut dyn FnMut(&NodeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        each_network_node(&self.net.nodes, self.measures, f)
    }
    fn each_edge(
        &self,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        self.ties(0..self.net.edges.len(), f)
    }
    fn each_edge_in(
        &self,
        range: Range<usize>,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Option<Result<(), InterchangeError>> {
        Some(self.ties(range, f))
    }
}

/// The keys and the nodes' measures checked: what the exchange checks of a network
/// but its ties' weights.
pub(crate) fn check_nodes(
    node_keys: &[AttrKey],
    edge_keys: &[AttrKey],
    nodes: &[NetNode],
    measures: &[NodeMeasures],
) -> Result<(), InterchangeError> {
    check_keys(node_keys, edge_keys)?;
    for (n, m) in nodes.iter().zip(measures) {
        finite("node", &n.id, "betweenness", m.betweenness)?;
        finite("node", &n.id, "pagerank", m.pagerank)?;
        finite("node", &n.id, "weighted_degree", m.weighted_degree)?;
    }
    Ok(())
}

/// Each node of a network with its measures, as a row.
pub(crate) fn each_network_node(
    nodes: &[NetNode],
    measures: &[NodeMeasures],
    f: &mut dyn FnMut(&NodeRow<'_>) -> Result<(), InterchangeError>,
) -> Result<(), InterchangeError> {
    for (n, m) in nodes.iter().zip(measures) {
        let attrs = [
            Some(Val::Text(n.mode.as_str())),
            Some(Val::Int(n.statements as i64)),
            Some(Val::Int(m.degree as i64)),
            Some(Val::Float(m.weighted_degree)),
            Some(Val::Float(m.betweenness)),
            Some(Val::Float(m.pagerank)),
            Some(Val::Int(m.community as i64)),
        ];
        f(&NodeRow {
            id: &n.id,
            label: &n.label,
            start: n.first,
            attrs: &attrs,
        })?;
    }
    Ok(())
}

/// A tie's attributes in the order of [`edge_keys`]: sign, via (joined), statements,
/// and its evidence when the network keeps it.
pub(crate) fn tie_attrs<'a>(
    e: &'a NetEdge,
    via: &'a str,
    evidence: Option<&'a str>,
) -> [Option<Val<'a>>; 4] {
    [
        Some(Val::Text(e.sign())),
        Some(Val::Text(via)),
        Some(Val::Int(e.statements as i64)),
        evidence.map(Val::Text),
    ]
}

impl NetworkRows<'_> {
    /// The ties in `range`, in order, as rows.
    fn ties(
        &self,
        range: Range<usize>,
        f: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        let net = self.net;
        let (mut id, mut via, mut evidence) = (String::new(), String::new(), String::new());
        let mut positions = Vec::new();
        for e in &net.edges[range] {
            let (s, t) = (&net.nodes[e.source].id, &net.nodes[e.target].id);
            id.clear();
            id.push_str(s);
            id.push_str("--");
            id.push_str(t);
            via.clear();
            for (k, v) in net.via(e).enumerate() {
                if k > 0 {
                    via.push_str("; ");
                }
                via.push_str(v);
            }
            evidence.clear();
            if let Some(index) = &self.evidence {
                index.positions(e, &mut positions);
                push_evidence(
                    &mut evidence,
                    net.kind,
                    positions.len(),
                    positions.iter().map(|&p| &net.statements[p as usize]),
                );
            }
            let attrs = tie_attrs(e, &via, self.evidence.is_some().then_some(&evidence[..]));
            f(&EdgeRow {
                id: &id,
                source: s,
                target: t,
                label: net.kind.as_str(),
                weight: e.weight,
                start: e.first,
                attrs: &attrs,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use levelmap_model::date::PartialDate;
    use levelmap_model::Stance;
    use levelmap_network::exchange::to_exchange_with;
    use levelmap_network::measures::measures;
    use levelmap_network::{build_network, Kind, NetworkOptions, Normalisation, Source, Statement};

    /// Statements of a fixed-seed generator, some with hostile text and no date.
    pub(crate) fn statements() -> Vec<Statement> {
        let mut x = 11u64;
        let mut next = move |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        (0..600)
            .map(|k| {
                let (a, p) = (next(25), next(12));
                let stance = [Stance::For, Stance::Against, Stance::Mixed][next(3) as usize];
                let month = 1 + next(12);
                Statement {
                    date: (k % 7 != 0)
                        .then(|| PartialDate::parse(&format!("2021-{month:02}")).unwrap()),
                    article: format!("art{}", next(30)).into(),
                    actor: format!("actor:a{a}").into(),
                    policy: format!("policy:p{p}").into(),
                    stance,
                    source: Source::Claim(format!("claim:c{k}").into()),
                    actor_label: format!("A<{a}> & \"co\"").into(),
                    policy_label: format!("P{p}\u{1}").into(),
                    quote: format!("q{k} ]]> “x”").into(),
                }
            })
            .collect()
    }

    #[test]
    fn network_rows_write_the_bytes_of_the_networks_exchange() {
        let all = statements();
        for kind in Kind::ALL {
            for normalisation in [Normalisation::None, Normalisation::Cosine] {
                let opts = NetworkOptions {
                    kind,
                    normalisation,
                    min_statements: 2,
                };
                let net = build_network(&all, opts).unwrap();
                assert!(!net.edges.is_empty());
                let m = measures(&net);
                let x = to_exchange_with(&net, &m);
                let (mut want, mut got) = (Vec::new(), Vec::new());
                crate::write_graphml(&x, &mut want).unwrap();
                crate::write_network_graphml(&net, &m, &mut got).unwrap();
                assert!(got == want, "GraphML {kind:?} {normalisation:?}");
                let (mut want, mut got) = (Vec::new(), Vec::new());
                crate::write_gexf(&x, &mut want).unwrap();
                crate::write_network_gexf(&net, &m, &mut got).unwrap();
                assert!(got == want, "GEXF {kind:?} {normalisation:?}");
            }
        }
    }

    #[test]
    fn ties_formatted_a_chunk_at_a_time_on_every_core_are_the_bytes_of_one_pass() {
        let all = statements();
        for kind in Kind::ALL {
            let opts = NetworkOptions {
                kind,
                normalisation: Normalisation::None,
                min_statements: 2,
            };
            let net = build_network(&all, opts).unwrap();
            assert!(net.edges.len() > 10, "{kind:?}: {} ties", net.edges.len());
            let m = measures(&net);
            let rows = super::NetworkRows::new(&net, &m);
            let x = to_exchange_with(&net, &m);
            for chunk in [1, 3, 7] {
                let write = |f: &dyn Fn(&mut Vec<u8>, usize)| {
                    let (mut one, mut chunked) = (Vec::new(), Vec::new());
                    f(&mut one, usize::MAX);
                    f(&mut chunked, chunk);
                    assert!(one == chunked, "{kind:?}, chunks of {chunk}");
                };
                write(&|w, c| crate::graphml::write_body(&rows, w, c).unwrap());
                write(&|w, c| crate::gexf::write_body(&rows, w, c).unwrap());
                write(&|w, c| crate::graphml::write_body(&x, w, c).unwrap());
                write(&|w, c| crate::gexf::write_body(&x, w, c).unwrap());
            }
        }
    }

    /// A network past the size leaves every tie's evidence out, in the exchange and
    /// in the rows alike; one at the size keeps it.
    #[test]
    fn a_network_past_the_size_leaves_its_ties_evidence_out() {
        use crate::graphml::write_rows;
        use levelmap_network::exchange::to_exchange_limited;
        let all = statements();
        let opts = NetworkOptions {
            kind: Kind::Congruence,
            normalisation: Normalisation::None,
            min_statements: 2,
        };
        let net = build_network(&all, opts).unwrap();
        let m = measures(&net);
        let ties = net.edges.len();
        assert!(ties > 10);
        for (limit, kept) in [(ties, true), (ties - 1, false)] {
            let x = to_exchange_limited(&net, &m, limit);
            assert_eq!(
                x.edges.iter().all(|e| e.attrs.contains_key("evidence")),
                kept
            );
            assert!(x.edges.iter().all(|e| e.attrs.contains_key("statements")));
            let (mut want, mut got) = (Vec::new(), Vec::new());
            crate::write_graphml(&x, &mut want).unwrap();
            write_rows(&super::NetworkRows::limited(&net, &m, limit), &mut got).unwrap();
            assert!(got == want, "limit {limit}");
            let text = String::from_utf8(got).unwrap();
            assert_eq!(text.contains('“'), kept, "limit {limit}");
        }
    }
}
