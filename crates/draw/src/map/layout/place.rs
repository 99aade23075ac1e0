//! Step 4 of the map layout: coordinates. layout-rs places the layered graph and
//! renders it into the backend; views too large for it get levelmap's own
//! linear-time placement.

use ::layout::adt::dag::NodeHandle;
use ::layout::core::base::Orientation;
use ::layout::core::color::Color;
use ::layout::core::format::RenderBackend;
use ::layout::core::geometry::{Point, Position};
use ::layout::core::style::{LineStyleKind, StyleAttr};
use ::layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use ::layout::topo::layout::VisualGraph;

use super::{
    hop_key, item_index, layer, node_key, optimiser_work, Engine, Item, Layering, LayoutError,
    LayoutLimits, LayoutStats,
};
use crate::map::scene::Scene;
use levelmap_model::NodeKind;
/// Space kept around each node: `x` between columns, `y` between nodes in a column.
const HALO: (f64, f64) = (80.0, 16.0);

/// Lay `scene` out left to right and render it into `backend`. `sizes` gives each
/// node's width and height; `labels` the text handed to the backend with it. Views
/// above `layout_rs_up_to` nodes get levelmap's own placement; the others are handed
/// to layout-rs node by node and edge by edge.
pub(crate) fn run(
    scene: &Scene,
    sizes: &[(f64, f64)],
    labels: &[String],
    limits: &LayoutLimits,
    backend: &mut dyn RenderBackend,
) -> Result<(Layering, LayoutStats), LayoutError> {
    if scene.nodes.is_empty() {
        return Err(LayoutError::Empty);
    }
    let quick = scene.nodes.len() + scene.edges.len() > limits.full_sweeps_up_to;
    let fast = scene.nodes.len() > limits.layout_rs_up_to;
    let budget = if fast {
        limits.fast_dummies
    } else {
        limits
            .layout_nodes
            .saturating_sub(scene.nodes.len())
            .min(scene.nodes.len() * limits.dummies_per_node_x2 / 2)
    };
    let l = layer(
        scene,
        if quick { 4 } else { 12 },
        budget,
        limits.route_threads,
    );
    let stats = stats(scene, &l, limits, fast);
    if fast {
        place_fast(scene, &l, sizes, labels, backend);
        return Ok((l, stats));
    }

    let dir = Orientation::LeftToRight;
    let mut vg = VisualGraph::new(dir);
    vg.dag.set_validate(false);
    let look = StyleAttr::new(Color::fast("black"), 1, None, 0, 12);
    let handle = add_nodes(&mut vg, scene, &l, sizes, labels, &look);
    add_edges(&mut vg, &l, &handle, &look);
    vg.do_it(false, !stats.optimised, false, backend);
    Ok((l, stats))
}

/// What the layout of `l` does, and which engine places it.
fn stats(scene: &Scene, l: &Layering, limits: &LayoutLimits, fast: bool) -> LayoutStats {
    LayoutStats {
        nodes: scene.nodes.len(),
        edges: scene.edges.iter().filter(|e| !e.is_thread()).count(),
        threads: scene.edges.iter().filter(|e| e.is_thread()).count(),
        ranks: l.rows.len(),
        dummies: l.dummies,
        unrouted: (0..scene.edges.len())
            .filter(|&k| {
                l.hops[k] == 0
                    && scene.edges[k].from != scene.edges[k].to
                    && !scene.edges[k].is_thread()
            })
            .count(),
        threads_routed: (0..scene.edges.len())
            .filter(|&k| l.hops[k] > 0 && scene.edges[k].is_thread())
            .count(),
        crossings: l.crossings,
        optimiser_work: optimiser_work(&l.rows),
        optimised: !fast && optimiser_work(&l.rows) <= limits.optimiser_work,
        engine: if fast { Engine::Fast } else { Engine::LayoutRs },
    }
}

/// Hand every item to layout-rs, rank by rank and in order (layout-rs keeps that
/// order in each rank): nodes with their size and label, dummies as 1 px boxes.
/// Returns the handle of each item (by [`item_index`]).
fn add_nodes(
    vg: &mut VisualGraph,
    scene: &Scene,
    l: &Layering,
    sizes: &[(f64, f64)],
    labels: &[String],
    look: &StyleAttr,
) -> Vec<Option<NodeHandle>> {
    let dir = Orientation::LeftToRight;
    let n_nodes = scene.nodes.len();
    let mut handle: Vec<Option<NodeHandle>> = vec![None; n_nodes + l.dummies];
    // Nodes go in rank by rank, in order: layout-rs keeps that order in each rank.
    for row in &l.rows {
        for &it in row {
            let e = match it {
                Item::Node(k) => {
                    let (w, h) = sizes[k];
                    let shape = match scene.nodes[k].kind {
                        NodeKind::Actor => ShapeKind::Circle(labels[k].clone()),
                        _ => ShapeKind::Box(labels[k].clone()),
                    };
                    let mut e = Element::create_with_properties(
                        shape,
                        look.clone(),
                        dir,
                        Point::new(w, h),
                        node_key(k),
                    );
                    e.pos = Position::new(
                        Point::zero(),
                        Point::new(w, h),
                        Point::zero(),
                        Point::new(HALO.0, HALO.1),
                    );
                    e
                }
                Item::Dummy(_) => {
                    let mut e = Element::create(
                        ShapeKind::Box(String::new()),
                        look.clone(),
                        dir,
                        Point::new(1.0, 1.0),
                    );
                    e.pos = Position::new(
                        Point::zero(),
                        Point::new(1.0, 1.0),
                        Point::zero(),
                        Point::new(HALO.0, 10.0),
                    );
                    e
                }
            };
            handle[item_index(it, n_nodes)] = Some(vg.add_node(e));
        }
    }
    handle
}

/// Hand the edges to layout-rs, by the rank of their tail (so that layout-rs's
/// reachability check never walks far): pins, then hops. A node with no routed edge
/// from the rank before is pinned to its rank by an invisible edge from the item at
/// the same relative place in that rank (ranks are never empty), which layout-rs may
/// align it with.
fn add_edges(vg: &mut VisualGraph, l: &Layering, handle: &[Option<NodeHandle>], look: &StyleAttr) {
    let n_nodes = l.rank.len();
    let h = |it: Item| handle[item_index(it, n_nodes)].expect("every item has a handle");
    type LayoutEdge = (NodeHandle, NodeHandle, Option<(usize, usize)>);
    let mut by_rank: Vec<Vec<LayoutEdge>> = vec![Vec::new(); l.rows.len()];
    let mut has_pred = vec![false; n_nodes + l.dummies];
    for p in &l.paths {
        for w in p.windows(2) {
            has_pred[item_index(w[1], n_nodes)] = true;
        }
    }
    for (r, row) in l.rows.iter().enumerate() {
        for (i, &it) in row.iter().enumerate() {
            if r > 0 && !has_pred[item_index(it, n_nodes)] {
                let prev = &l.rows[r - 1];
                let j = (i * prev.len() / row.len().max(1)).min(prev.len() - 1);
                by_rank[r - 1].push((h(prev[j]), h(it), None));
            }
        }
    }
    for (k, p) in l.paths.iter().enumerate() {
        for (hop, w) in p.windows(2).enumerate() {
            let tail_rank = match p[0] {
                Item::Node(x) => l.rank[x],
                Item::Dummy(_) => 0,
            };
            let r = tail_rank + hop;
            by_rank[r].push((h(w[0]), h(w[1]), Some((k, hop))));
        }
    }
    for list in by_rank {
        for (a, b, key) in list {
            let arrow = match key {
                None => Arrow::invisible(),
                Some((k, hop)) => Arrow::with_properties(
                    LineEndKind::None,
                    LineEndKind::None,
                    LineStyleKind::Normal,
                    "",
                    look,
                    hop_key(k, hop),
                    &None,
                    &None,
                ),
            };
            vg.add_edge(arrow, a, b);
        }
    }
}

/// Gap between columns and between nodes in a column, for the fast placement.
const FAST_GAP: (f64, f64) = (70.0, 14.0);

/// levelmap's own placement for all but small views, linear in the layout per pass: columns
/// side by side, each column stacked in its order, then a few passes that move each
/// node toward the mean height of its neighbours without breaking the order. It
/// draws into the same backend as layout-rs would.
fn place_fast(
    scene: &Scene,
    l: &Layering,
    sizes: &[(f64, f64)],
    labels: &[String],
    backend: &mut dyn RenderBackend,
) {
    let n_nodes = scene.nodes.len();
    let total = n_nodes + l.dummies;
    let size = |it: Item| match it {
        Item::Node(k) => sizes[k],
        Item::Dummy(_) => (1.0, 4.0),
    };
    // Columns.
    let mut x = vec![0.0f64; total];
    let mut left = 0.0;
    for row in &l.rows {
        let w = row.iter().map(|&it| size(it).0).fold(1.0, f64::max);
        for &it in row {
            x[item_index(it, n_nodes)] = left + w / 2.0;
        }
        left += w + FAST_GAP.0;
    }
    // Neighbours along routed hops.
    let mut nb: Vec<Vec<usize>> = vec![Vec::new(); total];
    for p in &l.paths {
        for w in p.windows(2) {
            let (a, b) = (item_index(w[0], n_nodes), item_index(w[1], n_nodes));
            nb[a].push(b);
            nb[b].push(a);
        }
    }
    // Stack, then relax toward neighbours, keeping order and spacing.
    let mut y = vec![0.0f64; total];
    for row in &l.rows {
        let mut top = 0.0;
        for &it in row {
            let h = size(it).1;
            y[item_index(it, n_nodes)] = top + h / 2.0;
            top += h + FAST_GAP.1;
        }
    }
    for _ in 0..6 {
        for row in &l.rows {
            let want: Vec<f64> = row
                .iter()
                .map(|&it| {
                    let i = item_index(it, n_nodes);
                    if nb[i].is_empty() {
                        y[i]
                    } else {
                        nb[i].iter().map(|&j| y[j]).sum::<f64>() / nb[i].len() as f64
                    }
                })
                .collect();
            // Push down to keep spacing, then pull the column back up toward its wishes.
            let mut placed = Vec::with_capacity(row.len());
            let mut floor = f64::NEG_INFINITY;
            for (j, &it) in row.iter().enumerate() {
                let h = size(it).1;
                let v = want[j].max(floor + h / 2.0);
                placed.push(v);
                floor = v + h / 2.0 + FAST_GAP.1;
            }
            let shift =
                (0..row.len()).map(|j| want[j] - placed[j]).sum::<f64>() / row.len().max(1) as f64;
            for (j, &it) in row.iter().enumerate() {
                y[item_index(it, n_nodes)] = placed[j] + shift.min(0.0);
            }
        }
    }
    // Draw nodes, then hops, through the backend.
    let look = StyleAttr::new(Color::fast("black"), 1, None, 0, 12);
    for row in &l.rows {
        for &it in row {
            if let Item::Node(k) = it {
                let (w, h) = sizes[k];
                let c = Point::new(x[k], y[k]);
                let props = Some(node_key(k));
                if scene.nodes[k].kind == NodeKind::Actor {
                    backend.draw_circle(c, Point::new(w, h), &look, props);
                } else {
                    backend.draw_rect(
                        Point::new(c.x - w / 2.0, c.y - h / 2.0),
                        Point::new(w, h),
                        &look,
                        props,
                        None,
                    );
                }
                backend.draw_text(c, &labels[k], &look);
            }
        }
    }
    for (k, p) in l.paths.iter().enumerate() {
        for (hop, w) in p.windows(2).enumerate() {
            let (a, b) = (item_index(w[0], n_nodes), item_index(w[1], n_nodes));
            let wa = if let Item::Node(t) = w[0] {
                sizes[t].0 / 2.0
            } else {
                0.0
            };
            let wb = if let Item::Node(t) = w[1] {
                sizes[t].0 / 2.0
            } else {
                0.0
            };
            let p0 = Point::new(x[a] + wa, y[a]);
            let p1 = Point::new(x[b] - wb, y[b]);
            let d = (p1.x - p0.x) / 2.0;
            let path = [
                (p0, Point::new(p0.x + d, p0.y)),
                (Point::new(p1.x - d, p1.y), p1),
            ];
            backend.draw_arrow(
                &path,
                false,
                (false, false),
                &look,
                Some(hop_key(k, hop)),
                "",
            );
        }
    }
}
