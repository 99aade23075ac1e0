//! Tests of the map layout: edges one rank right, articles in date order, claims
//! by date without articles, sweeps that add no crossings, crossing counts.

use super::order::crossings;
use super::*;
use crate::map::scene::{scene, DrawOptions};
use levelmap_model::NodeKind;
use levelmap_testkit::map::{argument_map, SynthOptions};

#[test]
fn every_layout_edge_goes_one_rank_right_and_articles_keep_date_order() {
    let g = argument_map(&SynthOptions {
        nodes: 300,
        seed: 11,
        cycles: true,
    });
    let s = scene(&g, &DrawOptions::default());
    let l = layer(&s, 6, usize::MAX, false);
    for (k, e) in s.edges.iter().enumerate() {
        let (t, h) = if l.forward[k] {
            (e.from, e.to)
        } else {
            (e.to, e.from)
        };
        if t != h {
            assert!(l.rank[t] < l.rank[h], "edge {} goes left", e.id);
            if !e.is_thread() {
                assert_eq!(
                    l.hops[k],
                    l.rank[h] - l.rank[t],
                    "unlimited dummies route every edge"
                );
            }
        }
    }
    let ranks: Vec<usize> = s.timeline.iter().map(|&a| l.rank[a]).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    // A claim sits right of its article.
    for (k, n) in s.nodes.iter().enumerate() {
        if let (NodeKind::Claim, Some(a)) = (n.kind, n.slot) {
            assert!(l.rank[k] > l.rank[a]);
        }
    }
}

#[test]
fn claims_without_articles_run_left_to_right_by_date() {
    let g = argument_map(&SynthOptions {
        nodes: 200,
        seed: 4,
        cycles: false,
    });
    let keep: std::collections::BTreeSet<_> = g
        .graph
        .node_indices()
        .filter(|&i| g.node(i).kind == NodeKind::Claim)
        .collect();
    let s = scene(
        &levelmap_query::view::subgraph(&g, &keep),
        &DrawOptions::default(),
    );
    assert!(s.timeline.is_empty());
    let l = layer(&s, 4, usize::MAX, false);
    for a in 0..s.nodes.len() {
        for b in 0..s.nodes.len() {
            if s.nodes[a].date < s.nodes[b].date {
                assert!(
                    l.rank[a] < l.rank[b],
                    "{} ({:?}) is not left of {} ({:?})",
                    s.nodes[a].id,
                    s.nodes[a].date,
                    s.nodes[b].id,
                    s.nodes[b].date
                );
            }
        }
    }
}

#[test]
fn sweeps_do_not_add_crossings() {
    let g = argument_map(&SynthOptions {
        nodes: 200,
        seed: 2,
        cycles: false,
    });
    let s = scene(&g, &DrawOptions::default());
    let none = layer(&s, 0, usize::MAX, true);
    let some = layer(&s, 8, usize::MAX, true);
    assert!(
        some.crossings <= none.crossings,
        "{} > {}",
        some.crossings,
        none.crossings
    );
}

#[test]
fn crossings_are_counted() {
    // Two edges a->d and b->c between two rows of two: one crossing.
    let rows = vec![
        vec![Item::Node(0), Item::Node(1)],
        vec![Item::Node(2), Item::Node(3)],
    ];
    let down = vec![vec![3], vec![2], vec![], vec![]];
    let pos = vec![0, 1, 0, 1];
    assert_eq!(crossings(&rows, &down, &pos, 4), 1);
}
