//! Every edge's evidence found fast: each node's statements sorted by what they are
//! about, so an edge's statements are a few ranges found by binary search instead of
//! a filter over both ends' statements (what [`Network::evidence_positions`] does,
//! and what a dense network's JSON and GraphML did for each of millions of ties).

use crate::network::{Kind, NetEdge, Network};

/// Each node's statements as (concept, position), sorted: one flat list, a range per
/// node. Made once per network, read by any number of threads.
pub struct EvidenceIndex<'a> {
    net: &'a Network,
    /// Where each node's entries start in `entries` (one more than there are nodes).
    starts: Vec<usize>,
    /// (concept or policy node index, statement position), sorted within each node.
    entries: Vec<(u32, u32)>,
}

impl<'a> EvidenceIndex<'a> {
    /// The index of `net`'s statements.
    pub fn new(net: &'a Network) -> Self {
        let nodes = net.nodes.len();
        let mut starts = Vec::with_capacity(nodes + 1);
        let total = (0..nodes).map(|n| net.touches_of(n).len()).sum();
        let mut entries = Vec::with_capacity(total);
        starts.push(0);
        for n in 0..nodes {
            let at = entries.len();
            entries.extend(net.touches_of(n).iter().map(|&(k, c)| (c, k)));
            entries[at..].sort_unstable();
            starts.push(entries.len());
        }
        EvidenceIndex {
            net,
            starts,
            entries,
        }
    }

    /// The positions of the statements behind `e` in [`Network::statements`],
    /// ascending, into `out` (cleared first): [`Network::evidence_positions`].
    pub fn positions(&self, e: &NetEdge, out: &mut Vec<u32>) {
        out.clear();
        let target = [e.target as u32];
        let (ends, concepts): (&[usize], &[u32]) = if self.net.kind == Kind::Affiliation {
            (std::slice::from_ref(&e.source), &target)
        } else {
            (&[e.source, e.target], self.net.via_numbers(e))
        };
        let mut runs = 0;
        for &n in ends {
            let mut rest = &self.entries[self.starts[n]..self.starts[n + 1]];
            for &c in concepts {
                rest = &rest[rest.partition_point(|&(x, _)| x < c)..];
                let len = rest.partition_point(|&(x, _)| x == c);
                if len > 0 {
                    runs += 1;
                    out.extend(rest[..len].iter().map(|&(_, k)| k));
                    rest = &rest[len..];
                }
            }
        }
        if runs > 1 {
            out.sort_unstable();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{build_network, NetworkOptions, Normalisation};
    use crate::testgen::random_statements;

    #[test]
    fn indexed_evidence_is_every_edges_evidence_positions() {
        let kinds = Kind::ALL;
        for (seed, count, actors, policies) in [(1, 300, 20, 8), (2, 2000, 60, 30), (3, 50, 5, 40)]
        {
            let all = random_statements(seed, count, actors, policies);
            for kind in kinds {
                for min_statements in [1, 3] {
                    let opts = NetworkOptions {
                        kind,
                        normalisation: Normalisation::None,
                        min_statements,
                    };
                    let net = build_network(&all, opts).unwrap();
                    assert!(!net.edges.is_empty(), "{kind:?} {seed}");
                    let index = EvidenceIndex::new(&net);
                    let mut out = Vec::new();
                    for e in &net.edges {
                        index.positions(e, &mut out);
                        let want: Vec<u32> = net
                            .evidence_positions(e)
                            .into_iter()
                            .map(|k| k as u32)
                            .collect();
                        assert_eq!(out, want, "{kind:?} seed {seed} min {min_statements}");
                    }
                }
            }
        }
    }
}
