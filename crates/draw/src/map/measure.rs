//! Measuring a drawn argument map from what was drawn: its size and its edge
//! crossings, read from levelmap's graph.svg or from Graphviz's `dot -Tplain` of
//! graph.dot, and counted the same way for both (every curve flattened into the same
//! number of straight pieces, every proper intersection of two different edges
//! counted once, ends that touch not counted).

/// A point of a drawing, in its own units (SVG user units; points for Graphviz).
pub type Point = (f64, f64);

/// Straight pieces each cubic Bézier is flattened into.
const PIECES: usize = 16;

/// An intersection this close to an end of either edge is a touch at a node, not a
/// crossing (edges that meet at a node start or end at nearly the same point).
const TOUCH: f64 = 2.0;

/// One drawn edge: its id and the polyline it is drawn along.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnEdge {
    /// The edge's id (graph.svg) or `tail->head` (Graphviz).
    pub id: String,
    /// The polyline, curves flattened.
    pub points: Vec<Point>,
}

/// A drawing as measured: its size and its edges.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// Width, in the drawing's units.
    pub width: f64,
    /// Height, in the drawing's units.
    pub height: f64,
    /// Every visible edge and thread (not the legend's samples).
    pub edges: Vec<DrawnEdge>,
}

impl Drawing {
    /// Edge crossings of this drawing (see [`crossings`]).
    pub fn crossings(&self) -> usize {
        let lines: Vec<&[Point]> = self.edges.iter().map(|e| e.points.as_slice()).collect();
        crossings(&lines)
    }
}

/// Why a drawing could not be measured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeasureError {
    /// The SVG lacks something the measure reads.
    #[error("graph.svg: {0}")]
    Svg(String),
    /// A line of `dot -Tplain` output could not be read.
    #[error("dot -Tplain line {line}: {reason}")]
    Plain {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        reason: String,
    },
}

/// A segment of edge `edge`, with its bounding box.
struct Seg {
    edge: usize,
    a: Point,
    b: Point,
    min: Point,
    max: Point,
}

/// The proper crossings between the polylines `edges`: every point where a segment of
/// one edge crosses a segment of another, counted once (a crossing at a shared vertex
/// counts once, by half-open segments); parallel and overlapping segments do not
/// cross; an intersection within `TOUCH` of either edge's end is a touch, not counted.
pub fn crossings(edges: &[&[Point]]) -> usize {
    let mut segs: Vec<Seg> = Vec::new();
    for (k, line) in edges.iter().enumerate() {
        for w in line.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a == b {
                continue;
            }
            segs.push(Seg {
                edge: k,
                a,
                b,
                min: (a.0.min(b.0), a.1.min(b.1)),
                max: (a.0.max(b.0), a.1.max(b.1)),
            });
        }
    }
    segs.sort_by(|s, t| s.min.0.total_cmp(&t.min.0));
    let ends: Vec<(Point, Point)> = edges
        .iter()
        .map(|l| match (l.first(), l.last()) {
            (Some(&f), Some(&t)) => (f, t),
            _ => ((f64::NAN, f64::NAN), (f64::NAN, f64::NAN)),
        })
        .collect();
    let near_end = |p: Point, k: usize| {
        let (f, t) = ends[k];
        dist(p, f) <= TOUCH || dist(p, t) <= TOUCH
    };
    let mut total = 0;
    for (i, s) in segs.iter().enumerate() {
        for t in &segs[i + 1..] {
            if t.min.0 > s.max.0 {
                break;
            }
            if t.edge == s.edge || t.min.1 > s.max.1 || t.max.1 < s.min.1 {
                continue;
            }
            if let Some(p) = intersection(s.a, s.b, t.a, t.b) {
                if !near_end(p, s.edge) && !near_end(p, t.edge) {
                    total += 1;
                }
            }
        }
    }
    total
}

fn dist(p: Point, q: Point) -> f64 {
    (p.0 - q.0).hypot(p.1 - q.1)
}

/// Where segment [a, b) meets segment [c, d), if it does at one point (half-open, so
/// that a crossing at a vertex shared by two pieces of one polyline counts once).
fn intersection(a: Point, b: Point, c: Point, d: Point) -> Option<Point> {
    let r = (b.0 - a.0, b.1 - a.1);
    let s = (d.0 - c.0, d.1 - c.1);
    let den = r.0 * s.1 - r.1 * s.0;
    if den.abs() < 1e-12 {
        return None; // parallel or collinear
    }
    let q = (c.0 - a.0, c.1 - a.1);
    let t = (q.0 * s.1 - q.1 * s.0) / den;
    let u = (q.0 * r.1 - q.1 * r.0) / den;
    ((0.0..1.0).contains(&t) && (0.0..1.0).contains(&u)).then_some((a.0 + t * r.0, a.1 + t * r.1))
}

/// A cubic Bézier from `p0` to `p3`, flattened into `PIECES` pieces (appended to
/// `out`, without `p0`).
fn flatten(p0: Point, p1: Point, p2: Point, p3: Point, out: &mut Vec<Point>) {
    for i in 1..=PIECES {
        let t = i as f64 / PIECES as f64;
        let m = 1.0 - t;
        let (a, b, c, d) = (m * m * m, 3.0 * m * m * t, 3.0 * m * t * t, t * t * t);
        out.push((
            a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
            a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
        ));
    }
}

/// Measure levelmap's graph.svg: the root's width and height, and the line of every
/// `edge` and `thread` group (absolute `M`, `L`, `C` and `Q` path commands).
pub fn from_svg(svg: &str) -> Result<Drawing, MeasureError> {
    let root = svg
        .find("<svg")
        .map(|i| &svg[i..])
        .ok_or_else(|| MeasureError::Svg("no <svg> element".into()))?;
    let root = &root[..root.find('>').unwrap_or(root.len())];
    let size = |name: &str| {
        attr(root, name)
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .ok_or_else(|| MeasureError::Svg(format!("the root has no numeric {name}")))
    };
    let (width, height) = (size("width")?, size("height")?);
    let mut edges = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<g ") {
        rest = &rest[i + 3..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let class = attr(tag, "class").unwrap_or_default();
        if !(class.starts_with("edge ") || class.starts_with("thread ")) {
            continue;
        }
        let id = attr(tag, "id").unwrap_or_default().to_string();
        let group = &rest[..rest.find("</g>").unwrap_or(rest.len())];
        let d = group
            .split("<path")
            .skip(1)
            .find(|p| attr(p, "class") == Some("line"))
            .and_then(|p| attr(p, "d"))
            .ok_or_else(|| MeasureError::Svg(format!("edge {id} has no line")))?;
        let points = path_points(d).map_err(|e| MeasureError::Svg(format!("edge {id}: {e}")))?;
        edges.push(DrawnEdge { id, points });
    }
    Ok(Drawing {
        width,
        height,
        edges,
    })
}

/// The value of attribute `name` in a tag's text (no entity decoding).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &tag[at + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|e| &v[..e]);
            }
        }
        from = at + name.len();
    }
    None
}

/// The points of an SVG path's data: `M`, `L`, `C` (flattened), `Q` (as a cubic).
fn path_points(d: &str) -> Result<Vec<Point>, String> {
    let mut tokens: Vec<String> = Vec::new();
    for part in d.split(|c: char| c.is_whitespace() || c == ',') {
        let mut cur = String::new();
        for ch in part.chars() {
            if ch.is_ascii_alphabetic() && ch != 'e' && ch != 'E' {
                if !cur.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
                tokens.push(ch.to_string());
            } else {
                cur.push(ch);
            }
        }
        if !cur.is_empty() {
            tokens.push(cur);
        }
    }
    let mut pts: Vec<Point> = Vec::new();
    let mut cmd = ' ';
    let mut i = 0;
    let num = |i: usize| -> Result<f64, String> {
        tokens
            .get(i)
            .and_then(|t| t.parse::<f64>().ok())
            .ok_or_else(|| format!("expected a number at token {i} of {d:?}"))
    };
    while i < tokens.len() {
        if let Some(c) = tokens[i].chars().next().filter(|c| c.is_ascii_alphabetic()) {
            cmd = c;
            i += 1;
            continue;
        }
        let cur = pts.last().copied();
        match (cmd, cur) {
            ('M' | 'L', _) => {
                pts.push((num(i)?, num(i + 1)?));
                i += 2;
            }
            ('C', Some(p0)) => {
                let (p1, p2, p3) = (
                    (num(i)?, num(i + 1)?),
                    (num(i + 2)?, num(i + 3)?),
                    (num(i + 4)?, num(i + 5)?),
                );
                flatten(p0, p1, p2, p3, &mut pts);
                i += 6;
            }
            ('Q', Some(p0)) => {
                let (q, p3) = ((num(i)?, num(i + 1)?), (num(i + 2)?, num(i + 3)?));
                let p1 = (
                    p0.0 + 2.0 / 3.0 * (q.0 - p0.0),
                    p0.1 + 2.0 / 3.0 * (q.1 - p0.1),
                );
                let p2 = (
                    p3.0 + 2.0 / 3.0 * (q.0 - p3.0),
                    p3.1 + 2.0 / 3.0 * (q.1 - p3.1),
                );
                flatten(p0, p1, p2, p3, &mut pts);
                i += 4;
            }
            (c, _) => return Err(format!("path command {c:?} is not measured in {d:?}")),
        }
    }
    Ok(pts)
}

/// Measure Graphviz's `dot -Tplain` output: the graph's size (inches, turned into
/// points as in dot's SVG) and every edge that is not invisible and not levelmap's
/// legend (both ends named `legend:…`), its B-spline flattened.
pub fn from_plain(plain: &str) -> Result<Drawing, MeasureError> {
    let mut size = None;
    let mut edges = Vec::new();
    for (n, line) in plain.lines().enumerate() {
        let bad = |reason: &str| MeasureError::Plain {
            line: n + 1,
            reason: reason.to_string(),
        };
        let t = plain_tokens(line);
        let num = |i: usize| {
            t.get(i)
                .and_then(|x| x.parse::<f64>().ok())
                .ok_or_else(|| bad(&format!("expected a number in field {}", i + 1)))
        };
        match t.first().map(String::as_str) {
            Some("graph") => size = Some((num(1)? * num(2)? * 72.0, num(1)? * num(3)? * 72.0)),
            Some("edge") => {
                let count = num(3)? as usize;
                let style = t.get(t.len().saturating_sub(2)).map(String::as_str);
                if style == Some("invis")
                    || (t[1].starts_with("legend:") && t[2].starts_with("legend:"))
                {
                    continue;
                }
                let ctrl: Vec<Point> = (0..count)
                    .map(|k| Ok((num(4 + 2 * k)? * 72.0, num(5 + 2 * k)? * 72.0)))
                    .collect::<Result<_, MeasureError>>()?;
                if ctrl.len() < 4 || !(ctrl.len() - 1).is_multiple_of(3) {
                    return Err(bad("a spline needs 3k+1 control points"));
                }
                let mut points = vec![ctrl[0]];
                for c in ctrl[1..].chunks(3) {
                    let p0 = *points.last().unwrap_or(&ctrl[0]);
                    flatten(p0, c[0], c[1], c[2], &mut points);
                }
                edges.push(DrawnEdge {
                    id: format!("{}->{}", t[1], t[2]),
                    points,
                });
            }
            _ => {}
        }
    }
    let (width, height) = size.ok_or(MeasureError::Plain {
        line: 1,
        reason: "no graph line".into(),
    })?;
    Ok(Drawing {
        width,
        height,
        edges,
    })
}

/// The fields of one `-Tplain` line: words, or double-quoted strings (with `\"`).
fn plain_tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.extend(chars.next()),
                    '"' => break,
                    _ => s.push(c),
                }
            }
            out.push(s);
        } else {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                s.push(c);
                chars.next();
            }
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests;
