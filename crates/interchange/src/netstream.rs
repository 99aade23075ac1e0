//! A discourse network's GraphML or GEXF made from its statements, its ties written as
//! the pair loop finds them when there are too many to keep their evidence: the bytes
//! of [`write_network_graphml`](crate::write_network_graphml) (or GEXF) of the network
//! built whole, without building it. The policies network of 10,000 synthetic articles
//! has 3.5 million ties whose `via` lists name hundreds of actors each: built whole, it
//! held 900 MB at once, most of its time the kernel zeroing fresh pages. Here the
//! measures come from the network's adjacency lists (as `network --format json` makes
//! them), the nodes are written, and each chunk of ties is formatted on a core of its
//! own and written in order. A network small enough to keep its ties' evidence is
//! built whole, as before: its evidence needs every tie's statements at hand.

use std::cell::RefCell;
use std::io::Write;
use std::sync::Mutex;

use levelmap_model::exchange::AttrKey;
use levelmap_model::Text;
use levelmap_network::exchange::{edge_keys, keeps_evidence, node_keys, EVIDENCE_TIES};
use levelmap_network::measures::{measures_of, NodeMeasures, Sample};
use levelmap_network::{
    build_network, each_edge_written, network_ties, NetEdge, NetNode, NetworkOptions, Statement,
};

use crate::netrows::{check_nodes, each_network_node, tie_attrs};
use crate::rows::{write_document, EdgeRow, EdgeWriter, NodeRow, Rows};
use crate::{finite, gexf, graphml, InterchangeError};

/// Which exchange format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetFormat {
    /// GraphML ([`write_network_graphml`](crate::write_network_graphml)).
    Graphml,
    /// GEXF 1.3 ([`write_network_gexf`](crate::write_network_gexf)).
    Gexf,
}

/// What was written: the network's ties, and how its betweenness was sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Its ties (past [`EVIDENCE_TIES`] their evidence is left out).
    pub ties: usize,
    /// How betweenness was estimated; None when exact.
    pub sample: Option<Sample>,
}

/// Write the network of `statements` (already selected and deduplicated) under `opts`
/// with its measures, as `format`.
pub fn write_network_of(
    format: NetFormat,
    statements: &[Statement],
    opts: NetworkOptions,
    w: &mut impl Write,
) -> Result<Written, InterchangeError> {
    write_network_limited(format, statements, opts, EVIDENCE_TIES, w)
}

/// As [`write_network_of`], the ties' evidence kept up to `limit` ties.
pub(crate) fn write_network_limited(
    format: NetFormat,
    statements: &[Statement],
    opts: NetworkOptions,
    limit: usize,
    w: &mut impl Write,
) -> Result<Written, InterchangeError> {
    let ties = network_ties(statements, opts)?;
    let (measures, sample) = measures_of(&ties.adjacency);
    drop(ties.adjacency);
    let written = Written {
        ties: ties.edges,
        sample,
    };
    if keeps_evidence(ties.edges, limit) {
        let net = build_network(statements, opts)?;
        let rows = crate::netrows::NetworkRows::limited(&net, &measures, limit);
        match format {
            NetFormat::Graphml => graphml::write_rows(&rows, w)?,
            NetFormat::Gexf => gexf::write_rows(&rows, w)?,
        }
        return Ok(written);
    }
    let head = NodesOnly {
        nodes: &ties.nodes,
        measures: &measures,
        name: format!("levelmap-{}", opts.kind.as_str()),
        node_keys: node_keys(),
        edge_keys: edge_keys(),
        ties: ties.edges,
    };
    write_document(&head, w, |x, w, _| match format {
        NetFormat::Graphml => graphml::write_body_with(x, w, |w, e| stream(statements, opts, w, e)),
        NetFormat::Gexf => gexf::write_body_with(x, w, |w, e| stream(statements, opts, w, e)),
    })?;
    Ok(written)
}

/// A network's nodes and measures, and the number of its ties, which are written by
/// [`stream`] instead of walked as rows.
struct NodesOnly<'a> {
    nodes: &'a [NetNode],
    measures: &'a [NodeMeasures],
    name: String,
    node_keys: Vec<AttrKey>,
    edge_keys: Vec<AttrKey>,
    ties: usize,
}

impl Rows for NodesOnly<'_> {
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
        self.nodes.len()
    }
    fn edge_count(&self) -> usize {
        self.ties
    }
    /// The nodes' checks; each tie's weight is checked as it is written.
    fn check(&self) -> Result<(), InterchangeError> {
        check_nodes(&self.node_keys, &self.edge_keys, self.nodes, self.measures)
    }
    fn each_node(
        &self,
        f: &mut dyn FnMut(&NodeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        each_network_node(self.nodes, self.measures, f)
    }
    /// None: the ties are the pair loop's ([`stream`]).
    fn each_edge(
        &self,
        _: &mut dyn FnMut(&EdgeRow<'_>) -> Result<(), InterchangeError>,
    ) -> Result<(), InterchangeError> {
        Ok(())
    }
}

thread_local! {
    /// A tie's id and its joined `via`, reused from tie to tie on each core.
    static SCRATCH: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

/// Every tie of the network, in order, written by `writer` as the pair loop finds it
/// (no evidence: the network is past [`EVIDENCE_TIES`]).
fn stream<W: Write, E: EdgeWriter>(
    statements: &[Statement],
    opts: NetworkOptions,
    w: &mut W,
    writer: &E,
) -> Result<(), InterchangeError> {
    let label = opts.kind.as_str();
    let refused: Mutex<Option<InterchangeError>> = Mutex::new(None);
    let mut failed = None;
    let context = |nodes: &[NetNode], names: &[Text]| -> (Vec<Text>, Vec<Text>) {
        (nodes.iter().map(|n| n.id.clone()).collect(), names.to_vec())
    };
    let tie =
        |(ids, names): &(Vec<Text>, Vec<Text>), buf: &mut Vec<u8>, e: &NetEdge, via: &[u32]| {
            let (s, t) = (&ids[e.source], &ids[e.target]);
            SCRATCH.with_borrow_mut(|(id, joined)| {
                id.clear();
                id.push_str(s);
                id.push_str("--");
                id.push_str(t);
                if let Err(err) = finite("edge", id, "weight", e.weight) {
                    if let Ok(mut r) = refused.lock() {
                        r.get_or_insert(err);
                    }
                    return;
                }
                joined.clear();
                for (k, &c) in via.iter().enumerate() {
                    if k > 0 {
                        joined.push_str("; ");
                    }
                    joined.push_str(&names[c as usize]);
                }
                let attrs = tie_attrs(e, joined, None);
                let row = EdgeRow {
                    id,
                    source: s,
                    target: t,
                    label,
                    weight: e.weight,
                    start: e.first,
                    attrs: &attrs,
                };
                writer.edge(buf, &row).expect("writing to memory");
            });
        };
    let sink = |bytes: &[u8]| {
        if refused.lock().map_or(true, |r| r.is_some()) {
            return false;
        }
        w.write_all(bytes).map_err(|e| failed = Some(e)).is_ok()
    };
    each_edge_written(statements, opts, context, tie, sink)?;
    if let Some(e) = refused.into_inner().ok().flatten() {
        return Err(e);
    }
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_network::measures::measures;
    use levelmap_network::{Kind, Normalisation};

    /// The network written from its statements, its ties as the pair loop finds them,
    /// is the network built whole and written as rows, with and without evidence, for
    /// every kind and a normalisation, in both formats.
    #[test]
    fn ties_written_as_the_pair_loop_finds_them_are_the_network_built_whole() {
        let all = crate::netrows::tests::statements();
        for kind in Kind::ALL {
            for normalisation in [Normalisation::None, Normalisation::Jaccard] {
                let opts = NetworkOptions {
                    kind,
                    normalisation,
                    min_statements: 1,
                };
                let net = build_network(&all, opts).unwrap();
                let m = measures(&net);
                let ties = net.edges.len();
                assert!(ties > 10, "{kind:?}: {ties} ties");
                for limit in [ties, ties - 1, 0] {
                    let rows = crate::netrows::NetworkRows::limited(&net, &m, limit);
                    for format in [NetFormat::Graphml, NetFormat::Gexf] {
                        let mut want = Vec::new();
                        match format {
                            NetFormat::Graphml => graphml::write_rows(&rows, &mut want).unwrap(),
                            NetFormat::Gexf => gexf::write_rows(&rows, &mut want).unwrap(),
                        }
                        let mut got = Vec::new();
                        let done =
                            write_network_limited(format, &all, opts, limit, &mut got).unwrap();
                        assert_eq!(done.ties, ties);
                        assert!(
                            got == want,
                            "{kind:?} {normalisation:?} {format:?}, evidence up to {limit} ties"
                        );
                    }
                }
            }
        }
    }
}
