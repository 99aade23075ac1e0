//! The curves of the timeline: links between claims, drawn between the two
//! occurrences closest to each other, and lineage arcs between lanes in the rail.

use std::collections::BTreeMap;

use super::{ChipPlace, CurvePlace, Frame, LanePlace};
use crate::views::model::Timeline;
use crate::views::page::{curve, MARKER_R};

/// The links between claims, each joining the two occurrences of its claims that are
/// closest (in one lane when possible); `occurrences` maps a claim id to its chips.
pub(super) fn links(
    tl: &Timeline,
    chips: &[ChipPlace],
    occurrences: &BTreeMap<&str, Vec<usize>>,
) -> Vec<CurvePlace> {
    let mut links = Vec::new();
    for (k, l) in tl.links.iter().enumerate() {
        let (Some(fa), Some(fb)) = (
            occurrences.get(l.from.as_str()),
            occurrences.get(l.to.as_str()),
        ) else {
            continue;
        };
        // Join the two occurrences closest to each other: in one lane when possible.
        let mut best: Option<((usize, f64), usize, usize)> = None;
        for &a in fa {
            for &b in fb {
                let key = (
                    chips[a].lane.abs_diff(chips[b].lane),
                    (chips[a].cy - chips[b].cy).abs(),
                );
                if best.is_none_or(|(k0, _, _)| key.0 < k0.0 || (key.0 == k0.0 && key.1 < k0.1)) {
                    best = Some((key, a, b));
                }
            }
        }
        if let Some((_, a, b)) = best {
            links.push(CurvePlace {
                link: k,
                d: claim_curve(&chips[a], &chips[b]),
            });
        }
    }
    links
}

/// The lineage arcs, in the rail left of the gutter: each leaves its lane at its own
/// port and bows out further the more lanes it spans.
pub(super) fn arcs(tl: &Timeline, lanes: &[LanePlace], frame: &Frame) -> Vec<CurvePlace> {
    let (gx, rail) = (frame.gx, frame.rail);
    let mut arcs = Vec::new();
    let lane_pos: BTreeMap<&str, usize> = tl
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut ports: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, l) in tl.lineage.iter().enumerate() {
        let (Some(&a), Some(&b)) = (lane_pos.get(l.from.as_str()), lane_pos.get(l.to.as_str()))
        else {
            continue;
        };
        let pa = {
            let p = ports.entry(a).or_insert(0);
            *p += 1;
            *p - 1
        };
        let pb = {
            let p = ports.entry(b).or_insert(0);
            *p += 1;
            *p - 1
        };
        let ya = lanes[a].y + 14.0 + 7.0 * (pa % 5) as f64;
        let yb = lanes[b].y + 14.0 + 7.0 * (pb % 5) as f64;
        let dist = a.abs_diff(b) as f64;
        let bend = gx - 6.0 - (10.0 + 9.0 * dist).min(rail - 14.0);
        let x = gx - 2.0;
        arcs.push(CurvePlace {
            link: k,
            d: curve(x, ya, bend, bend, x, yb),
        });
    }
    arcs
}

/// A curve from one claim to another that stays clear of both texts: across time it
/// leaves the earlier claim's box on the right and enters the later one's on the left;
/// between claims of one date it bows out on the side of the markers.
fn claim_curve(from: &ChipPlace, to: &ChipPlace) -> String {
    let rim = MARKER_R + 1.5;
    let (x1, y1, x2, y2);
    if (to.cx - from.cx).abs() >= 24.0 {
        let forward = to.cx > from.cx;
        x1 = if forward {
            from.rect.right()
        } else {
            from.rect.x
        };
        x2 = if forward { to.rect.x } else { to.rect.right() };
        y1 = from.cy;
        y2 = to.cy;
        let c = (x2 - x1) * 0.45;
        return curve(x1, y1, x1 + c, x2 - c, x2, y2);
    }
    let side = if from.flipped && to.flipped {
        1.0
    } else {
        -1.0
    };
    x1 = from.cx + side * rim;
    x2 = to.cx + side * rim;
    y1 = from.cy;
    y2 = to.cy;
    let bend = if side < 0.0 { x1.min(x2) } else { x1.max(x2) }
        + side * (16.0 + (0.22 * (y2 - y1).abs()).min(110.0));
    curve(x1, y1, bend, bend, x2, y2)
}
