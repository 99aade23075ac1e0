//! The placed evolution view: the heading, the column headings under a time arrow,
//! the blocks stacked in their columns (header, stance tally, claims by stance), and
//! the arrows between block headers (curves between neighbouring columns, bows within
//! a column, channels above the blocks for links that skip columns).

use std::collections::BTreeMap;

use levelmap_model::{EdgeKind, Stance};

use super::model::{stance_word, Block, Evolution, PER_STANCE};
use crate::svgw::num;
use crate::views::page::{
    curve, heading, label_box, shorten_in, stack, wrap_in, BoxKind, Geometry, LabelBox, Line, Rect,
    MARGIN,
};

/// Width of a policy block.
pub(crate) const BLOCK_W: f64 = 330.0;
const COL_GAP: f64 = 120.0;
const PAD: f64 = 10.0;

/// A claim placed in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPlace {
    /// Index of its stance group.
    pub group: usize,
    /// Index in the group.
    pub index: usize,
    /// Marker centre.
    pub marker: (f64, f64),
    /// Text and byline.
    pub lines: Vec<Line>,
    /// Its box.
    pub rect: Rect,
}

/// A placed block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockPlace {
    /// Index in `Evolution::blocks`.
    pub block: usize,
    /// The whole block.
    pub rect: Rect,
    /// The header part.
    pub head: Rect,
    /// Header lines.
    pub head_lines: Vec<Line>,
    /// Tally bar: x, y, and per stance (stance, width).
    pub tally: (f64, f64, Vec<(Option<Stance>, f64)>),
    /// Group headings.
    pub group_lines: Vec<Line>,
    /// Claims.
    pub claims: Vec<ClaimPlace>,
    /// "and N more": (group, line).
    pub more: Vec<(usize, Line)>,
}

/// The placed evolution view.
#[derive(Debug, Clone, PartialEq)]
pub struct EvolutionLayout {
    /// Size and label boxes.
    pub geometry: Geometry,
    /// Title and subtitle.
    pub heading: Vec<Line>,
    /// Column headings.
    pub columns: Vec<Line>,
    /// y of the time arrow over the columns.
    pub time_y: f64,
    /// Blocks.
    pub blocks: Vec<BlockPlace>,
    /// Arrows: (link index, path).
    pub arrows: Vec<(usize, String)>,
}

/// Lay out an evolution view: heading, column headings, channels for the links that
/// skip columns, blocks, then the arrows.
pub(crate) fn lay_out(ev: &Evolution) -> EvolutionLayout {
    let ncols = ev.columns.len().max(1) as f64;
    let width = (2.0 * MARGIN + ncols * BLOCK_W + (ncols - 1.0) * COL_GAP).max(760.0);
    let mut boxes = Vec::new();
    let title = shorten_in(&ev.title, "title", width - 2.0 * MARGIN);
    let sub_rows: Vec<(String, &'static str)> =
        wrap_in(&ev.subtitle, "subtitle", width - 2.0 * MARGIN, 3)
            .into_iter()
            .map(|l| (l, "subtitle"))
            .collect();
    let (heading, th, sh) = heading(&mut boxes, (title, "title"), &sub_rows);
    let mut y = MARGIN + th + sh + 18.0;

    // Column headings under a time arrow.
    let time_y = y + 4.0;
    y += 14.0;
    let columns = column_heads(ev, y, &mut boxes);
    y += 26.0;

    // Links that skip columns run in channels above the blocks.
    let grid = Grid::of(ev);
    let skips = ev
        .links
        .iter()
        .filter(|l| grid.col(&l.from).abs_diff(grid.col(&l.to)) > 1)
        .count();
    let channel_top = y;
    y += skips as f64 * 8.0 + if skips == 0 { 0.0 } else { 10.0 };
    let blocks_top = y;

    let (blocks, bottom) = place_blocks(ev, blocks_top, &mut boxes);
    let arrows = arrows(ev, &blocks, &grid, channel_top);
    let height = bottom + MARGIN - 26.0 + 10.0;
    EvolutionLayout {
        geometry: Geometry {
            width,
            height,
            boxes,
        },
        heading,
        columns,
        time_y,
        blocks,
        arrows,
    }
}

/// x of column `c`.
fn col_x(c: usize) -> f64 {
    MARGIN + c as f64 * (BLOCK_W + COL_GAP)
}

/// The column headings at `y`.
fn column_heads(ev: &Evolution, y: f64, boxes: &mut Vec<LabelBox>) -> Vec<Line> {
    let mut columns = Vec::new();
    for (c, (label, _)) in ev.columns.iter().enumerate() {
        let t = shorten_in(label, "col-head", BLOCK_W);
        let (ls, w, h) = stack(col_x(c), y, &[(t, "col-head")]);
        label_box(
            boxes,
            format!("column-{c}"),
            BoxKind::Block,
            Rect {
                x: col_x(c),
                y,
                w,
                h,
            },
        );
        columns.extend(ls);
    }
    columns
}

/// Where each block stands: its index by id, and its column.
struct Grid<'a> {
    pos: BTreeMap<&'a str, usize>,
    col_of: Vec<usize>,
}

impl<'a> Grid<'a> {
    fn of(ev: &'a Evolution) -> Grid<'a> {
        let pos: BTreeMap<&str, usize> = ev
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), i))
            .collect();
        let mut col_of = vec![0usize; ev.blocks.len()];
        for (c, (_, m)) in ev.columns.iter().enumerate() {
            for &b in m {
                col_of[b] = c;
            }
        }
        Grid { pos, col_of }
    }

    /// The column of the block with this id.
    fn col(&self, id: &str) -> usize {
        self.col_of[self.pos[id]]
    }
}

/// The blocks, stacked top-down in their columns from `top`, in block order; and the
/// y under the lowest column.
fn place_blocks(ev: &Evolution, top: f64, boxes: &mut Vec<LabelBox>) -> (Vec<BlockPlace>, f64) {
    let mut places: Vec<Option<BlockPlace>> = vec![None; ev.blocks.len()];
    let mut bottom: f64 = top;
    for (c, (_, members)) in ev.columns.iter().enumerate() {
        let x = col_x(c);
        let mut by = top;
        for &b in members {
            let place = place_block(b, &ev.blocks[b], x, by);
            label_box(boxes, ev.blocks[b].id.clone(), BoxKind::Block, place.rect);
            by = place.rect.bottom() + 26.0;
            places[b] = Some(place);
        }
        bottom = bottom.max(by);
    }
    (places.into_iter().flatten().collect(), bottom)
}

/// Block `b` with its top left at (x, by): the header (name, meta, relations), the
/// tally bar of its stances, then its claims by stance.
fn place_block(b: usize, bl: &Block, x: f64, by: f64) -> BlockPlace {
    let inner = BLOCK_W - 2.0 * PAD;
    let mut rows: Vec<(String, &'static str)> = wrap_in(&bl.name, "block-name", inner, 2)
        .into_iter()
        .map(|l| (l, "block-name"))
        .collect();
    rows.push((shorten_in(&bl.meta, "block-meta", inner), "block-meta"));
    for r in bl.relations.iter().take(6) {
        rows.push((shorten_in(r, "lane-link", inner), "lane-link"));
    }
    if bl.relations.len() > 6 {
        rows.push((
            format!("and {} more links", bl.relations.len() - 6),
            "lane-link",
        ));
    }
    let (head_lines, _, hh) = stack(x + PAD, by + PAD, &rows);
    let total: usize = bl.groups.iter().map(|g| g.1.len()).sum();
    let tally_y = by + PAD + hh + 4.0;
    let tally: Vec<(Option<Stance>, f64)> = bl
        .groups
        .iter()
        .map(|g| (g.0, inner * g.1.len() as f64 / total.max(1) as f64))
        .collect();
    let head_h = PAD + hh + if total > 0 { 18.0 } else { 6.0 };
    let head = Rect {
        x,
        y: by,
        w: BLOCK_W,
        h: head_h,
    };
    let body = Body::place(bl, x, by + head_h + 8.0, total);
    let rect = Rect {
        x,
        y: by,
        w: BLOCK_W,
        h: body.bottom - by + 4.0,
    };
    BlockPlace {
        block: b,
        rect,
        head,
        head_lines,
        tally: (x + PAD, tally_y, tally),
        group_lines: body.group_lines,
        claims: body.claims,
        more: body.more,
    }
}

/// The body of a block: its claims by stance, under a heading per stance, at most
/// [`PER_STANCE`] each and then "and N more".
struct Body {
    group_lines: Vec<Line>,
    claims: Vec<ClaimPlace>,
    more: Vec<(usize, Line)>,
    /// y under the body.
    bottom: f64,
}

impl Body {
    /// The body of `bl` (with `total` claims) from (x, y) down.
    fn place(bl: &Block, x: f64, y: f64, total: usize) -> Body {
        let inner = BLOCK_W - 2.0 * PAD;
        let mut cy = y;
        let mut group_lines = Vec::new();
        let mut claims = Vec::new();
        let mut more = Vec::new();
        if total == 0 {
            let (ls, _, h) = stack(
                x + PAD,
                cy,
                &[(
                    "No claim in the corpus is about it.".to_string(),
                    "block-meta",
                )],
            );
            group_lines.extend(ls);
            cy += h + 4.0;
        }
        for (gi, (stance, list)) in bl.groups.iter().enumerate() {
            let head_text = format!("{} ({})", stance_word(*stance).to_uppercase(), list.len());
            let class = match stance {
                Some(Stance::For) => "stance-head sh-for",
                Some(Stance::Against) => "stance-head sh-against",
                Some(Stance::Mixed) => "stance-head sh-mixed",
                _ => "stance-head",
            };
            let (ls, _, h) = stack(x + PAD, cy, &[(head_text, class)]);
            group_lines.extend(ls);
            cy += h + 2.0;
            for (ci, c) in list.iter().enumerate().take(PER_STANCE) {
                let mut rows: Vec<(String, &'static str)> =
                    wrap_in(&c.text, "claim-text", inner - 16.0, 3)
                        .into_iter()
                        .map(|l| (l, "claim-text"))
                        .collect();
                rows.push((shorten_in(&c.byline, "speaker", inner - 16.0), "speaker"));
                let (ls, _, h) = stack(x + PAD + 16.0, cy, &rows);
                claims.push(ClaimPlace {
                    group: gi,
                    index: ci,
                    marker: (x + PAD + 5.0, cy + 7.0),
                    lines: ls,
                    rect: Rect {
                        x: x + PAD,
                        y: cy,
                        w: inner,
                        h,
                    },
                });
                cy += h + 5.0;
            }
            if list.len() > PER_STANCE {
                let t = format!(
                    "and {} more {} (hover for all)",
                    list.len() - PER_STANCE,
                    stance_word(*stance)
                );
                let (mut ls, _, h) = stack(x + PAD + 16.0, cy, &[(t, "block-meta")]);
                if let Some(l) = ls.pop() {
                    more.push((gi, l));
                }
                cy += h + 4.0;
            }
            cy += 4.0;
        }
        Body {
            group_lines,
            claims,
            more,
            bottom: cy,
        }
    }
}

/// The arrows between block headers, in link order: a bow left of the column within
/// one column, a curve between neighbouring columns, and for a link that skips
/// columns a path up into its own channel (from `channel_top`), across, and down.
fn arrows(
    ev: &Evolution,
    blocks: &[BlockPlace],
    grid: &Grid,
    channel_top: f64,
) -> Vec<(usize, String)> {
    let at: BTreeMap<usize, usize> = blocks
        .iter()
        .enumerate()
        .map(|(k, p)| (p.block, k))
        .collect();
    let mut arrows = Vec::new();
    let mut channel = 0usize;
    let mut bows: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, l) in ev.links.iter().enumerate() {
        let (a, b) = (grid.pos[l.from.as_str()], grid.pos[l.to.as_str()]);
        let (pa, pb) = (&blocks[at[&a]], &blocks[at[&b]]);
        let (ca, cb) = (grid.col_of[a], grid.col_of[b]);
        let ya = pa.head.y + 16.0;
        let yb = pb.head.y + 16.0 + if l.kind == EdgeKind::PartOf { 8.0 } else { 0.0 };
        let d = if ca == cb {
            let n = bows.entry(ca).or_insert(0);
            *n += 1;
            let x = pa.rect.x;
            let bend = x - 14.0 - 9.0 * (*n as f64 % 8.0);
            curve(x, ya, bend, bend, x, yb)
        } else {
            let fwd = cb > ca;
            let x1 = if fwd { pa.rect.right() } else { pa.rect.x };
            let x2 = if fwd { pb.rect.x } else { pb.rect.right() };
            if ca.abs_diff(cb) > 1 {
                // Up into a channel above the blocks, across, and down; each link
                // gets its own channel and its own verticals in the column gaps.
                let cy = channel_top + 4.0 + 8.0 * channel as f64;
                let s = if fwd { 1.0 } else { -1.0 };
                let off = 12.0 + 7.0 * (channel % 12) as f64;
                channel += 1;
                let (xa, xb) = (x1 + s * off, x2 - s * (COL_GAP - off));
                rounded(
                    &[(x1, ya), (xa, ya), (xa, cy), (xb, cy), (xb, yb), (x2, yb)],
                    8.0,
                )
            } else {
                let c = (x2 - x1) * 0.5;
                curve(x1, ya, x1 + c, x2 - c, x2, yb)
            }
        };
        arrows.push((k, d));
    }
    arrows
}

/// A polyline with rounded corners, as SVG path data.
fn rounded(points: &[(f64, f64)], r: f64) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = points.first() else {
        return d;
    };
    d.push_str(&format!("M{} {}", num(x0), num(y0)));
    for k in 1..points.len() {
        let (x, y) = points[k];
        if let Some(&(nx, ny)) = points.get(k + 1) {
            let (px, py) = points[k - 1];
            let back = (((px - x).powi(2) + (py - y).powi(2)).sqrt() / 2.0).min(r);
            let fwd = (((nx - x).powi(2) + (ny - y).powi(2)).sqrt() / 2.0).min(r);
            let unit = |ax: f64, ay: f64| {
                let l = (ax * ax + ay * ay).sqrt().max(1e-9);
                (ax / l, ay / l)
            };
            let (ux, uy) = unit(px - x, py - y);
            let (vx, vy) = unit(nx - x, ny - y);
            d.push_str(&format!(
                " L{} {} Q{} {} {} {}",
                num(x + ux * back),
                num(y + uy * back),
                num(x),
                num(y),
                num(x + vx * fwd),
                num(y + vy * fwd)
            ));
        } else {
            d.push_str(&format!(" L{} {}", num(x), num(y)));
        }
    }
    d
}
