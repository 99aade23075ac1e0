//! The lanes of the timeline: each lane's label in the gutter, and its claims packed
//! first fit in date order, a claim in several lanes written in full only once.

use std::collections::BTreeMap;

use super::pack::Skyline;
use super::{Builder, ChipPlace, LanePlace, GUTTER};
use crate::views::model::Lane;
use crate::views::page::{
    shorten_in, stack, width_of, wrap_in, BoxKind, Line, Rect, MARGIN, MARKER_R,
};

/// Width of a claim's text, px.
const CLAIM_W: f64 = 200.0;
/// Lines of a claim's text where it is written in full.
const CLAIM_LINES: usize = 4;

/// The lanes placed, with their claims.
pub(super) struct Placed<'a> {
    /// The lanes, top-down.
    pub(super) lanes: Vec<LanePlace>,
    /// The claims, lane by lane.
    pub(super) chips: Vec<ChipPlace>,
    /// Per claim id, its chips (first the one written in full).
    pub(super) occurrences: BTreeMap<&'a str, Vec<usize>>,
    /// y under the last lane.
    pub(super) bottom: f64,
}

impl<'a> Builder<'a> {
    /// The lanes, from `top` down.
    pub(super) fn lanes(&mut self, top: f64) -> Placed<'a> {
        let mut placed = Placed {
            lanes: Vec::new(),
            chips: Vec::new(),
            occurrences: BTreeMap::new(),
            bottom: top,
        };
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut y = top;
        let tl = self.tl;
        for (li, lane) in tl.lanes.iter().enumerate() {
            let (label, lines, lh) = self.lane_label(lane, y);
            let content = self.claims(li, lane, y + 8.0, &mut seen, &mut placed);
            let h = (content + 16.0).max(lh + 16.0).max(44.0);
            placed.lanes.push(LanePlace {
                lane: li,
                y,
                h,
                label,
                lines,
            });
            y += h;
        }
        placed.bottom = y;
        placed
    }

    /// The label of a lane whose top is `y`, in the gutter: name, stats, lineage (at
    /// most four lines of it), a badge if new. Returns its box, lines and height.
    fn lane_label(&mut self, lane: &Lane, y: f64) -> (Rect, Vec<Line>, f64) {
        let gx = self.frame.gx;
        let mut rows: Vec<(String, &'static str)> =
            wrap_in(&lane.name, "lane-name", GUTTER - 14.0, 3)
                .into_iter()
                .map(|l| (l, "lane-name"))
                .collect();
        rows.push((
            shorten_in(&lane.stats, "lane-stats", GUTTER - 14.0),
            "lane-stats",
        ));
        for (k, l) in lane.lineage.iter().enumerate() {
            if k == 3 && lane.lineage.len() > 4 {
                rows.push((format!("and {} more", lane.lineage.len() - 3), "lane-link"));
                break;
            }
            rows.push((shorten_in(l, "lane-link", GUTTER - 14.0), "lane-link"));
        }
        if lane.new {
            rows.push(("NEW IDEA".to_string(), "badge"));
        }
        let (lines, lw, lh) = stack(gx + 8.0, y + 8.0, &rows);
        let label = Rect {
            x: gx + 8.0,
            y: y + 8.0,
            w: lw,
            h: lh,
        };
        self.push_box(&format!("lane-label:{}", lane.id), BoxKind::Lane, label);
        (label, lines, lh)
    }

    /// The claims of lane `li`, packed first fit in date order from `base` down (a
    /// claim already `seen` in a lane above is written on one line); returns the
    /// height they take.
    fn claims(
        &mut self,
        li: usize,
        lane: &'a Lane,
        base: f64,
        seen: &mut BTreeMap<&'a str, usize>,
        placed: &mut Placed<'a>,
    ) -> f64 {
        let scale = self.frame.scale;
        let chip_lo = self.frame.px0 - 8.0;
        let chip_hi = self.frame.width - MARGIN;
        let mut sky = Skyline::default();
        let mut order: Vec<usize> = (0..lane.claims.len()).collect();
        let anchors: Vec<f64> = lane
            .claims
            .iter()
            .map(|c| scale.x(c.date.mid_days()))
            .collect();
        order.sort_by(|&a, &b| anchors[a].total_cmp(&anchors[b]).then(a.cmp(&b)));
        let mut content: f64 = 0.0;
        for ci in order {
            let c = &lane.claims[ci];
            let ax = anchors[ci];
            let primary = !seen.contains_key(c.id.as_str());
            // A claim in several lanes is written in full once, then on one line.
            let text_lines = wrap_in(
                &c.text,
                "claim-text",
                CLAIM_W,
                if primary { CLAIM_LINES } else { 1 },
            );
            let tw = text_lines
                .iter()
                .map(|l| width_of(l, "claim-text"))
                .fold(0.0, f64::max);
            let h = text_lines.len() as f64 * 13.0 + 2.0;
            let w = MARKER_R + 1.0 + 8.5 + tw + 1.0;
            let right = (ax - MARKER_R - 1.0, ax - MARKER_R - 1.0 + w);
            let left = (ax + MARKER_R + 1.0 - w, ax + MARKER_R + 1.0);
            let flip = right.1 > chip_hi && left.0 >= chip_lo;
            let (l, r) = if flip { left } else { right };
            let top = sky.lowest(l, r, h, 3.0);
            sky.insert(l, r, top, h);
            content = content.max(top + h);
            let ty = base + top;
            let lines = text_lines
                .into_iter()
                .enumerate()
                .map(|(k, t)| Line {
                    text: t,
                    x: if flip {
                        ax - MARKER_R - 4.0
                    } else {
                        ax + MARKER_R + 4.0
                    },
                    y: ty + 10.0 + k as f64 * 13.0,
                    class: "claim-text",
                    end: flip,
                })
                .collect();
            let id = if primary {
                c.id.clone()
            } else {
                format!("{}@{}", c.id, lane.id)
            };
            let rect = Rect {
                x: l,
                y: ty,
                w: r - l,
                h,
            };
            self.push_box(&id, BoxKind::Claim, rect);
            let chips = &mut placed.chips;
            if primary {
                seen.insert(c.id.as_str(), chips.len());
            }
            placed
                .occurrences
                .entry(c.id.as_str())
                .or_default()
                .push(chips.len());
            chips.push(ChipPlace {
                lane: li,
                claim: ci,
                id,
                primary,
                flipped: flip,
                cx: ax,
                cy: ty + 6.5,
                rect,
                lines,
            });
        }
        content
    }
}
