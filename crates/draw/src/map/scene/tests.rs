//! Tests of the scene: acyclic reading directions, collapsed mentions, entities
//! once per article joined by threads.

use super::*;
use levelmap_testkit::map as synth;

#[test]
fn reading_directions_are_acyclic() {
    let g = synth::argument_map(&synth::SynthOptions {
        nodes: 300,
        seed: 7,
        cycles: true,
    });
    let s = scene(&g, &DrawOptions::default());
    let mut pg = petgraph::graph::DiGraph::<(), ()>::new();
    let ids: Vec<_> = (0..s.nodes.len()).map(|_| pg.add_node(())).collect();
    for e in &s.edges {
        let (a, b) = e.layout_ends();
        pg.add_edge(ids[a], ids[b], ());
    }
    assert!(!petgraph::algo::is_cyclic_directed(&pg));
    assert_eq!(s.layout_edge_order().len(), s.edges.len());
}

#[test]
fn collapsed_mentions_hide_mention_only_names() {
    let g = synth::argument_map(&synth::SynthOptions {
        nodes: 120,
        seed: 1,
        cycles: false,
    });
    let all = scene(
        &g,
        &DrawOptions {
            collapse_mentions: false,
            ..Default::default()
        },
    );
    let collapsed = scene(&g, &DrawOptions::default());
    let count = |s: &Scene| {
        s.edges
            .iter()
            .filter(|e| e.kind == Some(EdgeKind::Mentions))
            .count()
    };
    assert!(count(&all) > 0);
    assert_eq!(count(&collapsed), 0);
    assert_eq!(collapsed.collapsed_mentions, count(&all));
    let distinct = |s: &Scene| {
        s.nodes
            .iter()
            .map(|n| n.index)
            .collect::<BTreeSet<_>>()
            .len()
    };
    assert_eq!(
        distinct(&collapsed) + collapsed.hidden_nodes,
        distinct(&all)
    );
}

#[test]
fn entities_appear_once_per_article_and_threads_join_them() {
    let g = synth::argument_map(&synth::SynthOptions {
        nodes: 200,
        seed: 3,
        cycles: false,
    });
    let s = scene(&g, &DrawOptions::default());
    let ids: BTreeSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids.len(), s.nodes.len(), "element ids are unique");
    for e in s.edges.iter().filter(|e| !e.is_thread()) {
        // An edge joins nodes drawn in its evidence article's column (or the claim's).
        for end in [e.from, e.to] {
            let n = &s.nodes[end];
            if !matches!(n.kind, NodeKind::Article | NodeKind::Claim) {
                assert!(n.slot.is_some(), "{} has no column", n.id);
            }
        }
    }
    let occurrences = s.nodes.len()
        - s.nodes
            .iter()
            .map(|n| n.index)
            .collect::<BTreeSet<_>>()
            .len();
    assert_eq!(
        s.edges.iter().filter(|e| e.is_thread()).count(),
        occurrences
    );
    let dates: Vec<_> = s.timeline.iter().map(|&k| s.nodes[k].date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}
