//! Unit tests of the store: a graph survives the round trip, regions, damage.

use super::*;

use levelmap_model::graph::LevelGraph;
use levelmap_model::{article_node_id, NodeKind};
use levelmap_query::search::{Postings, SearchIndex};
use levelmap_query::stats::{stats, StatsOptions};

use levelmap_model::graph::{build, BuildOptions};

fn mini() -> LevelGraph {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/mini");
    build(
        &levelmap_read::read_corpus(&dir).corpus,
        BuildOptions::default(),
    )
}

fn header() -> StoreHeader {
    StoreHeader {
        writer: "0".into(),
        fingerprint: "f".into(),
        json: Some((1, 2)),
        json_fresh: true,
    }
}

fn open(bytes: Vec<u8>) -> Option<Store> {
    Store::open(Box::new(bytes), |_| true).ok().map(|(_, s)| s)
}

fn json_of(g: &LevelGraph) -> String {
    let mut v = Vec::new();
    levelmap_model::json::write_json(g, &mut v).unwrap();
    String::from_utf8(v).unwrap()
}

#[test]
fn the_whole_store_is_the_graph() {
    let g = mini();
    let bytes = encode(&header(), &g).unwrap();
    let (h, s) = Store::open(Box::new(bytes), |_| true).unwrap();
    assert_eq!(h, header());
    assert_eq!(json_of(&g), json_of(&s.whole().unwrap()));
}

#[test]
fn the_stored_statements_are_those_of_the_whole_graph() {
    let bundled = build(
        &levelmap_read::read_corpus(
            &std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("graph"),
        )
        .corpus,
        BuildOptions::default(),
    );
    for g in [mini(), bundled] {
        let s = open(encode(&header(), &g).unwrap()).unwrap();
        let expected = levelmap_network::statements(&g);
        assert!(!expected.is_empty());
        assert_eq!(s.statements().unwrap(), expected);
        assert!(!s.is_damaged());
    }
}

#[test]
fn nodes_are_found_by_id_and_read_one_by_one() {
    let g = mini();
    let s = open(encode(&header(), &g).unwrap()).unwrap();
    for i in g.graph.node_indices() {
        let n = s.find(&g.node(i).id).unwrap();
        assert_eq!(n as usize, i.index());
        assert_eq!(s.node(n).as_ref(), Some(g.node(i)));
        assert_eq!(s.label(n), Some(g.node(i).label.as_ref()));
        assert_eq!(
            s.aliases(n),
            g.node(i)
                .aliases()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(s.find("actor:nobody"), None);
}

#[test]
fn a_region_keeps_store_order_and_brings_what_answers_read() {
    let g = mini();
    let s = open(encode(&header(), &g).unwrap()).unwrap();
    let reeves = s.find("actor:rachel-reeves").unwrap();
    let mut r = Region::new(&s);
    r.incident(reeves, |_| true);
    let m = r.materialise().unwrap();
    assert!(
        m.global.windows(2).all(|w| w[0] < w[1]),
        "nodes in store order"
    );
    // Every edge's evidence article and every claim's article are there.
    for e in m.graph.graph.edge_weights() {
        assert!(m
            .graph
            .find(&article_node_id(&e.evidence.article))
            .is_some());
    }
    for i in m.graph.graph.node_indices() {
        if m.graph.node(i).kind == NodeKind::Claim {
            assert!(m.graph.article_of(i).is_some());
        }
    }
    let local = m.local(reeves).unwrap();
    let whole = g.find("actor:rachel-reeves").unwrap();
    assert_eq!(
        m.graph
            .graph
            .edges_directed(local, petgraph::Direction::Outgoing)
            .count(),
        g.graph
            .edges_directed(whole, petgraph::Direction::Outgoing)
            .count()
    );
}

#[test]
fn the_search_index_and_statistics_are_kept() {
    let g = mini();
    let s = open(encode(&header(), &g).unwrap()).unwrap();
    let ix = SearchIndex::build(&g);
    assert_eq!(
        (s.doc_count(), s.total_len()),
        (ix.docs.len(), ix.total_len)
    );
    for (d, doc) in ix.docs.iter().enumerate() {
        assert_eq!(s.doc(d as u32), Some(*doc));
    }
    for (term, list) in &ix.terms {
        assert_eq!(&s.postings(term), list, "{term}");
    }
    assert!(s.postings("zzzz").is_empty() && s.postings("").is_empty());
    for top in [1, 3, STATS_TOP] {
        assert_eq!(
            s.stats(top),
            Some(stats(&g, StatsOptions { top }).unwrap()),
            "top {top}"
        );
    }
    assert_eq!(
        s.stats(STATS_TOP + 1),
        None,
        "beyond what is kept: computed from the graph"
    );
}

/// `bytes` with every checksum made to match again.
fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    use xxhash_rust::xxh3::xxh3_64;
    let s = open(encode(&header(), &mini()).unwrap()).unwrap().s;
    let (data, sums, block) = (s.data, s.sums, s.block);
    let (head, body) = bytes.split_at_mut(data);
    for (k, b) in body.chunks(block).enumerate() {
        head[sums + 8 * k..sums + 8 * k + 8].copy_from_slice(&xxh3_64(b).to_le_bytes());
    }
    let check = xxh3_64(&head[..data - 8]);
    head[data - 8..].copy_from_slice(&check.to_le_bytes());
    bytes
}

#[test]
fn damaged_stores_are_refused() {
    let g = mini();
    let bytes = encode(&header(), &g).unwrap();
    assert!(open(bytes[..bytes.len() - 1].to_vec()).is_none(), "short");
    assert!(open(b"LMSTORE\0".to_vec()).is_none());
    let mut other = bytes.clone();
    other[8] ^= 0xff;
    assert_eq!(
        Store::open(Box::new(other), |_| true).err(),
        Some(Unopened::OtherFormat)
    );
    let mut head = bytes.clone();
    head[14] ^= 1;
    assert_eq!(
        Store::open(Box::new(head), |_| true).err(),
        Some(Unopened::Damaged),
        "a damaged header"
    );
    assert!(
        Store::open(Box::new(bytes.clone()), |h| h.fingerprint == "other").is_err(),
        "refused"
    );
    // A damaged edge record fails its block's checksum.
    let s = open(bytes.clone()).unwrap();
    let at = s.s.edges;
    let mut bad = bytes;
    bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    match Store::open(Box::new(bad.clone()), |_| true) {
        Err(e) => assert_eq!(e, Unopened::Damaged),
        Ok((_, s)) => {
            assert!(s.ends(0).is_none() && s.is_damaged(), "the checksum fails");
        }
    }
    // Beneath the checksums (a store written wrong, and sealed): an edge whose end is
    // out of range is reported, not followed.
    let s = open(reseal(bad)).unwrap();
    let to = g
        .graph
        .edge_endpoints(petgraph::graph::EdgeIndex::new(0))
        .unwrap()
        .1
        .index() as u32;
    assert!(!s.is_damaged());
    assert!(s.ends(0).is_none());
    assert!(s.is_damaged(), "a failed read is noted");
    assert!(s.whole().is_none());
    // A region that reads the damaged edge is refused, not answered in part.
    let mut r = Region::new(&s);
    r.incident(to, |_| true);
    assert!(
        r.materialise().is_none(),
        "regression: a damaged edge was silently left out of show's answer"
    );
}
