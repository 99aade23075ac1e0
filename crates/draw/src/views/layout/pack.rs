//! Packing labels so that none collide: labels pinned to a date by a stem from the
//! axis ([`pack_pinned`]), and first-fit boxes downward within a lane ([`Skyline`]).

/// A label pinned to an x (its date) by a stem from the axis.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pin {
    pub(super) anchor: f64,
    pub(super) w: f64,
    pub(super) h: f64,
}

#[derive(Debug, Clone, Copy)]
struct PinPlaced {
    l: f64,
    r: f64,
    d: f64,
    h: f64,
    anchor: f64,
}

/// Place pinned labels away from a base line (distance `d` from it), right to left so
/// that boxes reaching right never hide an earlier stem: first fit that overlaps no
/// box, crosses no other label with its stem and covers no other stem; failing that,
/// the first fit that overlaps no box. Fits deeper than `max_d` are taken only when
/// nothing shallower overlaps no box. Returns (left x, d) per item, in input order.
pub(super) fn pack_pinned(
    items: &[Pin],
    lo: f64,
    hi: f64,
    gap: f64,
    max_d: f64,
) -> Vec<(f64, f64)> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[b].anchor.total_cmp(&items[a].anchor).then(a.cmp(&b)));
    let mut placed: Vec<PinPlaced> = Vec::new();
    let mut out = vec![(0.0, 0.0); items.len()];
    for &i in &order {
        let it = items[i];
        let mut l = it.anchor - 8.0;
        if l + it.w > hi {
            l = it.anchor + 8.0 - it.w;
        }
        if l + it.w > hi {
            l = hi - it.w;
        }
        l = l.max(lo);
        let r = l + it.w;
        let mut cands: Vec<f64> = std::iter::once(0.0)
            .chain(placed.iter().map(|p| p.d + p.h + gap))
            .collect();
        cands.sort_by(f64::total_cmp);
        cands.dedup();
        let fits = |d: f64| {
            placed.iter().all(|p| {
                !(l < p.r + gap && p.l < r + gap && d < p.d + p.h + gap && p.d < d + it.h + gap)
            })
        };
        let stem_clear = |d: f64| {
            placed.iter().all(|p| {
                !(p.l - 2.0 <= it.anchor
                    && it.anchor <= p.r + 2.0
                    && p.d < d
                    && (p.anchor - it.anchor).abs() > 0.5)
            })
        };
        let covers_no_stem = |d: f64| {
            placed
                .iter()
                .all(|p| !(l - 2.0 <= p.anchor && p.anchor <= r + 2.0 && p.d > d))
        };
        // A staircase deeper than `max_d` costs more than a stem passing behind a card.
        let within = |d: f64| d <= max_d;
        let d = cands
            .iter()
            .copied()
            .find(|&d| within(d) && fits(d) && stem_clear(d) && covers_no_stem(d))
            .or_else(|| {
                cands
                    .iter()
                    .copied()
                    .find(|&d| within(d) && fits(d) && covers_no_stem(d))
            })
            .or_else(|| cands.iter().copied().find(|&d| fits(d)))
            .unwrap_or_else(|| cands.last().copied().unwrap_or(0.0));
        placed.push(PinPlaced {
            l,
            r,
            d,
            h: it.h,
            anchor: it.anchor,
        });
        out[i] = (l, d);
    }
    out
}

/// First-fit packing of boxes downward from y = 0; placed boxes kept sorted by top.
#[derive(Debug, Default)]
pub(super) struct Skyline {
    placed: Vec<(f64, f64, f64, f64)>, // top, bottom, left, right
}

impl Skyline {
    pub(super) fn lowest(&self, l: f64, r: f64, h: f64, gap: f64) -> f64 {
        let mut y: f64 = 0.0;
        for &(t, b, pl, pr) in &self.placed {
            if pl >= r + gap || l >= pr + gap {
                continue;
            }
            if t >= y + h + gap {
                break;
            }
            y = y.max(b + gap);
        }
        y
    }

    pub(super) fn insert(&mut self, l: f64, r: f64, t: f64, h: f64) {
        let k = self.placed.partition_point(|p| p.0 <= t);
        self.placed.insert(k, (t, t + h, l, r));
    }
}
