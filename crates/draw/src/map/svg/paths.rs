//! Edge paths of the argument map as explicit cubic Bézier segments: from layout-rs's
//! `M C S` paths, or a Catmull-Rom spline through the hops of a long edge; reversed,
//! shortened for an arrowhead, and written as SVG path data.

use ::layout::core::geometry::Point;

use crate::svgw::num;

/// A cubic Bézier segment: start, two controls, end.
pub(super) type Cubic = [Point; 4];

/// layout-rs's path (`M p0 C c0 c1 p1 S c2 p2 ...`) as explicit cubic segments.
pub(super) fn cubics(path: &[(Point, Point)]) -> Vec<Cubic> {
    let mut out: Vec<Cubic> = Vec::new();
    if path.len() < 2 {
        return out;
    }
    out.push([path[0].0, path[0].1, path[1].0, path[1].1]);
    for p in &path[2..] {
        let prev = out[out.len() - 1];
        // `S`: the first control point mirrors the previous second control point.
        let c1 = Point::new(2.0 * prev[3].x - prev[2].x, 2.0 * prev[3].y - prev[2].y);
        out.push([prev[3], c1, p.0, p.1]);
    }
    out
}

/// SVG path data of the segments, moved by `shift`.
pub(super) fn path_d(segs: &[Cubic], shift: Point) -> String {
    let p = |q: Point| format!("{},{}", num(q.x + shift.x), num(q.y + shift.y));
    let mut d = format!("M{}", p(segs[0][0]));
    for s in segs {
        d.push_str(&format!(" C{} {} {}", p(s[1]), p(s[2]), p(s[3])));
    }
    d
}

/// Pull the end of a path back by `by` px along its last tangent, so that an arrowhead
/// drawn from there ends on the node's border.
pub(super) fn shorten_end(segs: &mut [Cubic], by: f64) {
    if let Some(last) = segs.last_mut() {
        let (end, ctrl) = (last[3], last[2]);
        let (dx, dy) = (end.x - ctrl.x, end.y - ctrl.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len > by {
            let t = Point::new(dx / len * by, dy / len * by);
            last[3] = Point::new(end.x - t.x, end.y - t.y);
            last[2] = Point::new(ctrl.x - t.x, ctrl.y - t.y);
        }
    }
}

/// A smooth curve through `pts` (Catmull-Rom, as cubic Bézier segments).
pub(super) fn catmull_rom(pts: &[Point]) -> Vec<Cubic> {
    let n = pts.len();
    let at = |i: isize| pts[i.clamp(0, n as isize - 1) as usize];
    (0..n.saturating_sub(1) as isize)
        .map(|i| {
            let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
            let c1 = Point::new(p1.x + (p2.x - p0.x) / 6.0, p1.y + (p2.y - p0.y) / 6.0);
            let c2 = Point::new(p2.x - (p3.x - p1.x) / 6.0, p2.y - (p3.y - p1.y) / 6.0);
            [p1, c1, c2, p2]
        })
        .collect()
}

/// The segments run backwards.
pub(super) fn reverse(segs: &[Cubic]) -> Vec<Cubic> {
    segs.iter()
        .rev()
        .map(|s| [s[3], s[2], s[1], s[0]])
        .collect()
}
