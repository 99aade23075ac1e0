//! Tests of the argument map SVG: path segments, determinism, levelmap's placement
//! above the layout-rs bound and the warning on large views, the dummy budget, and
//! the empty scene.

use super::paths::{cubics, reverse};
use super::*;
use ::layout::core::geometry::Point;

#[test]
fn s_segments_become_explicit_cubics() {
    let p = |x, y| Point::new(x, y);
    let path = vec![
        (p(0., 0.), p(1., 0.)),
        (p(2., 1.), p(3., 1.)),
        (p(5., 1.), p(6., 2.)),
    ];
    let c = cubics(&path);
    assert_eq!(c.len(), 2);
    assert_eq!(c[1][0], p(3., 1.));
    assert_eq!(c[1][1], p(4., 1.), "mirror of (2,1) about (3,1)");
    let r = reverse(&c);
    assert_eq!(r[0][0], p(6., 2.));
    assert_eq!(r[1][3], p(0., 0.));
}

fn render(nodes: usize, limits: LayoutLimits) -> (String, SvgReport) {
    let g = levelmap_testkit::map::argument_map(&levelmap_testkit::map::SynthOptions {
        nodes,
        seed: 9,
        cycles: true,
    });
    render_scene(&scene(&g, &DrawOptions::default()), &limits).unwrap()
}

#[test]
fn rendering_is_deterministic() {
    // layout-rs keeps hash sets inside; each has its own random seed. 40 nodes are
    // laid out by layout-rs, 150 by levelmap's placement.
    for n in [40, 150] {
        let (a, ra) = render(n, LayoutLimits::default());
        let (b, _) = render(n, LayoutLimits::default());
        assert!(
            a == b,
            "two renderings of {n} nodes ({:?}) differ",
            ra.stats.engine
        );
    }
}

#[test]
fn views_above_the_layout_rs_bound_get_levelmaps_placement_and_large_ones_a_warning() {
    let limits = LayoutLimits {
        layout_rs_up_to: 50,
        ..Default::default()
    };
    let (doc, report) = render(100, limits);
    assert_eq!(report.stats.engine, Engine::Fast);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(
        report.note.contains("placed by levelmap"),
        "{}",
        report.note
    );
    assert!(
        doc.contains("<g id=\"claim:claim-0\" class=\"node claim"),
        "every node is still drawn"
    );
    let (_, small) = render(40, LayoutLimits::default());
    assert_eq!(small.stats.engine, Engine::LayoutRs);
    assert!(small.warnings.is_empty(), "{:?}", small.warnings);
    let (_, large) = render(800, LayoutLimits::default());
    assert!(large.stats.nodes > LARGE_VIEW);
    assert_eq!(large.stats.engine, Engine::Fast);
    assert!(
        large.warnings[0].contains("fast placement"),
        "{:?}",
        large.warnings
    );
}

#[test]
fn the_dummy_budget_bounds_layout_work() {
    let limits = LayoutLimits {
        dummies_per_node_x2: 0,
        fast_dummies: 0,
        ..Default::default()
    };
    for n in [40, 100] {
        let (_, report) = render(n, limits);
        assert_eq!(report.stats.dummies, 0);
        assert!(report.stats.unrouted > 0);
        assert!(report.note.contains("drawn straight"), "{}", report.note);
    }
}

#[test]
fn empty_scene_is_an_error_not_a_panic() {
    let s = scene(&LevelGraph::new(), &DrawOptions::default());
    let err = render_scene(&s, &LayoutLimits::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is nothing to draw: the view has no nodes"
    );
}
