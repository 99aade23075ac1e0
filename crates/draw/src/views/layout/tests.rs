//! Tests of the timeline layout: no label overlaps in any view, a proportional time
//! axis, lane ordering and label packing.

use super::order::{crossings, lane_links};
use super::pack::{pack_pinned, Pin};
use super::*;
use crate::views::model::extract;
use crate::views::tests::mini;
use crate::views::TimelineOptions;
use levelmap_model::date::days_from_civil;
use levelmap_testkit::timeline::{synthetic, SynthOptions};

fn assert_clean(lay: &TimelineLayout) {
    let c = lay.geometry.collisions();
    assert!(
        c.is_empty(),
        "{} overlapping label pairs, e.g. {:?}",
        c.len(),
        c.iter()
            .take(3)
            .map(|(a, b)| (&a.id, a.rect, &b.id, b.rect))
            .collect::<Vec<_>>()
    );
    let o = lay.geometry.out_of_bounds();
    assert!(
        o.is_empty(),
        "labels outside the drawing: {:?}",
        o.iter().take(3).collect::<Vec<_>>()
    );
}

#[test]
fn no_labels_overlap_on_the_mini_fixture() {
    let g = mini();
    let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
    order_lanes(&mut tl);
    let lay = lay_out(&tl, &LayoutOptions::default());
    assert!(
        lay.geometry
            .boxes
            .iter()
            .filter(|b| b.kind == BoxKind::Claim)
            .count()
            >= 6
    );
    assert_eq!(lay.cards.len(), 2);
    assert_clean(&lay);
}

#[test]
fn no_labels_overlap_in_any_view_of_the_fixtures_and_the_bundled_corpus() {
    use crate::views::{evolution, slices};
    for rel in [
        "tests/fixtures/mini",
        "tests/fixtures/one-article",
        "tests/fixtures/same-date",
        "tests/fixtures/scripts",
        "graph",
    ] {
        let g = crate::views::tests::corpus(rel);
        let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
        order_lanes(&mut tl);
        let lay = lay_out(&tl, &LayoutOptions::default());
        assert!(!lay.cards.is_empty(), "{rel}");
        assert_clean(&lay);
        let mut full = tl.clone();
        order_lanes(&mut full);
        for a in &tl.articles {
            let cut = slices::cut(&full, a.date.end_days(), a.date.start_days());
            assert_clean(&lay_out(&cut, &LayoutOptions::default()));
        }
        for p in g
            .graph
            .node_indices()
            .filter(|&i| g.node(i).kind == levelmap_model::NodeKind::Policy)
        {
            let ev = evolution::extract(&g, &g.node(p).id).unwrap();
            let lay = evolution::lay_out(&ev);
            let c = lay.geometry.collisions();
            assert!(c.is_empty(), "{rel} {}: {:?}", g.node(p).id, c.first());
            assert!(
                lay.geometry.out_of_bounds().is_empty(),
                "{rel} {}",
                g.node(p).id
            );
        }
    }
}

#[test]
fn no_labels_overlap_when_many_claims_share_a_date() {
    // 300 claims from 12 articles that all carry the same date, 4 ideas.
    let g = synthetic(&SynthOptions {
        claims: 300,
        years: 1,
        articles: 12,
        policies: 4,
        same_date: true,
        seed: 7,
    });
    let mut tl = extract(
        &g,
        &TimelineOptions {
            lanes: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    order_lanes(&mut tl);
    let lay = lay_out(&tl, &LayoutOptions::default());
    assert!(lay.chips.len() >= 300);
    let x0 = lay.chips[0].cx;
    assert!(
        lay.chips.iter().all(|c| (c.cx - x0).abs() < 1e-9),
        "all claims at one x"
    );
    assert_clean(&lay);
}

#[test]
fn no_labels_overlap_on_a_dense_decade() {
    let g = synthetic(&SynthOptions {
        claims: 2000,
        years: 10,
        ..SynthOptions::default()
    });
    let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
    order_lanes(&mut tl);
    let lay = lay_out(&tl, &LayoutOptions::default());
    assert_clean(&lay);
}

#[test]
fn x_is_proportional_to_the_date() {
    let g = mini();
    let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
    order_lanes(&mut tl);
    let lay = lay_out(&tl, &LayoutOptions::default());
    let s = lay.scale;
    let a = s.x(days_from_civil(2021, 1, 1) as f64);
    let b = s.x(days_from_civil(2022, 1, 1) as f64);
    let c = s.x(days_from_civil(2023, 1, 1) as f64);
    assert!(
        (b - a - (c - b)).abs() < 1.0,
        "a year is a year: {a} {b} {c}"
    );
    // The 2024-07-08 article sits right of the 2020-09 one, in proportion.
    assert!(lay.cards[1].x > lay.cards[0].x);
    let month = |c: &CardPlace| c.span.1 - c.span.0;
    assert!(
        month(&lay.cards[0]) > 10.0 * month(&lay.cards[1]),
        "a month-precise date spans a month, a day a day"
    );
}

#[test]
fn barycentre_ordering_reduces_crossings() {
    // Lanes 0..6 where links join 0-5, 1-4, 2-3 and 0-1: input order is poor.
    let g = mini();
    let mut tl = extract(&g, &TimelineOptions::default()).unwrap();
    let template = tl.lanes[0].clone();
    tl.lanes = (0..6)
        .map(|i| {
            let mut l = template.clone();
            l.id = format!("policy:p{i}");
            l.claims.clear();
            l
        })
        .collect();
    tl.links.clear();
    let link = |a: usize, b: usize| super::super::model::Link {
        id: format!("{a}-{b}"),
        kind: EdgeKind::EvolvesInto,
        from: format!("policy:p{a}"),
        to: format!("policy:p{b}"),
        date: None,
        tooltip: String::new(),
        new: false,
    };
    tl.lineage = vec![link(0, 5), link(1, 4), link(2, 3), link(5, 1)];
    let stats = order_lanes(&mut tl);
    assert!(stats.before > 0.0);
    assert!(stats.after < stats.before, "{stats:?}");
    let ids: Vec<&str> = tl.lanes.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids.len(), 6);
    assert_eq!(
        crossings(&[0, 1, 2, 3, 4, 5], &lane_links(&tl)),
        stats.after
    );
}

#[test]
fn packing_pinned_labels_never_overlaps() {
    let pins: Vec<Pin> = (0..40)
        .map(|i| Pin {
            anchor: 100.0 + (i % 7) as f64 * 30.0,
            w: 120.0,
            h: 30.0,
        })
        .collect();
    let placed = pack_pinned(&pins, 0.0, 600.0, 4.0, 100.0);
    for i in 0..pins.len() {
        for j in i + 1..pins.len() {
            let a = Rect {
                x: placed[i].0,
                y: placed[i].1,
                w: pins[i].w,
                h: pins[i].h,
            };
            let b = Rect {
                x: placed[j].0,
                y: placed[j].1,
                w: pins[j].w,
                h: pins[j].h,
            };
            assert!(!a.overlaps(&b), "{i} {j}");
        }
    }
}
