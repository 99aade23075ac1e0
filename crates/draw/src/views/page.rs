//! The page primitives shared by the time-layered views: rectangles and the label
//! boxes a drawing records (so that tests can check it as a reader would: no
//! overlaps, nothing off the page), lines of text in the fonts of the CSS classes,
//! the heading block, and the curves between two points.

use crate::svgw::num;
use crate::text::{shorten, text_width, wrap};

/// Outer margin, px.
pub(crate) const MARGIN: f64 = 24.0;
/// Radius of a claim marker.
pub(crate) const MARKER_R: f64 = 4.5;
/// Tolerance when comparing boxes, px.
const EPS: f64 = 0.01;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub(crate) fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub(crate) fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Whether the two rectangles share any area (touching edges do not count).
    pub(crate) fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() - EPS
            && o.x < self.right() - EPS
            && self.y < o.bottom() - EPS
            && o.y < self.bottom() - EPS
    }
}

/// What a label box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoxKind {
    /// Title, subtitle, page links.
    Heading,
    /// Year and month labels.
    Axis,
    /// An event's label.
    Event,
    /// An article card.
    Article,
    /// A lane's label in the gutter.
    Lane,
    /// A claim: marker and text.
    Claim,
    /// A legend entry.
    Legend,
    /// A footnote line.
    Note,
    /// A column heading or a policy block (evolution view).
    Block,
}

/// The box of one label.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    /// The id of what it labels (graph id where there is one).
    pub id: String,
    /// What it is.
    pub kind: BoxKind,
    /// Where.
    pub rect: Rect,
}

/// The size of a drawing and the box of every label in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Geometry {
    /// Drawing width, px.
    pub width: f64,
    /// Drawing height, px.
    pub height: f64,
    /// Every label's box.
    pub boxes: Vec<LabelBox>,
}

impl Geometry {
    /// Every pair of label boxes that overlap (a sweep over x).
    pub fn collisions(&self) -> Vec<(&LabelBox, &LabelBox)> {
        let mut idx: Vec<usize> = (0..self.boxes.len()).collect();
        idx.sort_by(|&a, &b| self.boxes[a].rect.x.total_cmp(&self.boxes[b].rect.x));
        let mut out = Vec::new();
        for (k, &i) in idx.iter().enumerate() {
            let a = &self.boxes[i];
            for &j in &idx[k + 1..] {
                let b = &self.boxes[j];
                if b.rect.x >= a.rect.right() - EPS {
                    break;
                }
                if a.rect.overlaps(&b.rect) {
                    out.push((a, b));
                }
            }
        }
        out
    }

    /// Label boxes that stick out of the drawing (the tests check there is none).
    #[cfg(test)]
    pub(crate) fn out_of_bounds(&self) -> Vec<&LabelBox> {
        self.boxes
            .iter()
            .filter(|b| {
                b.rect.x < -EPS
                    || b.rect.y < -EPS
                    || b.rect.right() > self.width + EPS
                    || b.rect.bottom() > self.height + EPS
            })
            .collect()
    }
}

/// A line of text to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// x of the start (or of the end, when `end` is set).
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// CSS class (sets size, weight and colour).
    pub class: &'static str,
    /// Anchored at its end (right-aligned).
    pub end: bool,
}

/// Font sizes and line heights per CSS class (px), shared with the style sheet.
pub(crate) fn font(class: &str) -> (f64, f64, bool) {
    match class.split(' ').next().unwrap_or(class) {
        "title" => (20.0, 24.0, true),
        "subtitle" => (12.5, 16.0, false),
        "year" => (13.0, 15.0, true),
        "month" => (9.5, 11.0, false),
        "ev-name" => (10.5, 12.5, true),
        "ev-date" => (9.5, 12.0, false),
        "card-title" => (12.0, 14.5, true),
        "card-meta" => (10.5, 13.0, false),
        "lane-name" => (12.5, 15.0, true),
        "lane-stats" => (10.0, 13.0, false),
        "lane-link" => (10.0, 13.0, false),
        "badge" => (9.5, 13.0, true),
        "claim-text" => (11.0, 13.0, false),
        "legend" => (11.0, 14.0, false),
        "note" => (11.0, 14.5, false),
        "col-head" => (14.0, 17.0, true),
        "block-name" => (14.0, 17.0, true),
        "block-meta" => (10.5, 13.5, false),
        "stance-head" => (10.5, 14.0, true),
        "speaker" => (10.0, 12.5, false),
        "nav" => (12.5, 16.0, true),
        _ => (11.0, 13.0, false),
    }
}

/// Width of `s` in the font of `class`.
pub(crate) fn width_of(s: &str, class: &str) -> f64 {
    let (size, _, bold) = font(class);
    text_width(s, size, bold)
}

/// Wrap `s` in the font of `class`.
pub(crate) fn wrap_in(s: &str, class: &str, max_w: f64, max_lines: usize) -> Vec<String> {
    let (size, _, bold) = font(class);
    wrap(s, max_w, size, bold, max_lines).lines
}

/// Shorten `s` to `max_w` in the font of `class`.
pub(crate) fn shorten_in(s: &str, class: &str, max_w: f64) -> String {
    let (size, _, bold) = font(class);
    shorten(s, max_w, size, bold)
}

/// A block of lines laid out top-down from (x, y); returns the lines and the height used.
pub(crate) fn stack(x: f64, y: f64, rows: &[(String, &'static str)]) -> (Vec<Line>, f64, f64) {
    let mut out = Vec::new();
    let mut h = 0.0;
    let mut w: f64 = 0.0;
    for (text, class) in rows {
        let (size, lh, _) = font(class);
        // Baseline sits ~0.8 em below the top of the line box.
        out.push(Line {
            text: text.clone(),
            x,
            y: y + h + size * 0.8 + (lh - size) / 2.0,
            class,
            end: false,
        });
        h += lh;
        w = w.max(width_of(text, class));
    }
    (out, w, h)
}

/// Record the box of a label.
pub(crate) fn label_box(
    boxes: &mut Vec<LabelBox>,
    id: impl Into<String>,
    kind: BoxKind,
    rect: Rect,
) {
    boxes.push(LabelBox {
        id: id.into(),
        kind,
        rect,
    });
}

/// The heading block at the top left: the title row, then under it the subtitle
/// rows, each recorded as a heading box ("title", "subtitle"). Returns the lines and
/// the heights of the title and of the subtitle.
pub(crate) fn heading(
    boxes: &mut Vec<LabelBox>,
    title: (String, &'static str),
    subtitle: &[(String, &'static str)],
) -> (Vec<Line>, f64, f64) {
    let (mut lines, tw, th) = stack(MARGIN, MARGIN, &[title]);
    label_box(
        boxes,
        "title",
        BoxKind::Heading,
        Rect {
            x: MARGIN,
            y: MARGIN,
            w: tw,
            h: th,
        },
    );
    let (sub, sw, sh) = stack(MARGIN, MARGIN + th + 2.0, subtitle);
    label_box(
        boxes,
        "subtitle",
        BoxKind::Heading,
        Rect {
            x: MARGIN,
            y: MARGIN + th + 2.0,
            w: sw,
            h: sh,
        },
    );
    lines.extend(sub);
    (lines, th, sh)
}

/// SVG path data of a cubic curve from (x1, y1) to (x2, y2) that leaves and enters
/// horizontally, its control points at x `c1` (level with the start) and `c2` (level
/// with the end).
pub(crate) fn curve(x1: f64, y1: f64, c1: f64, c2: f64, x2: f64, y2: f64) -> String {
    format!(
        "M{} {} C{} {} {} {} {} {}",
        num(x1),
        num(y1),
        num(c1),
        num(y1),
        num(c2),
        num(y2),
        num(x2),
        num(y2)
    )
}
