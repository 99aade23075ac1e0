//! A graph's ties in flat arrays, as the iterated measures (PageRank, Louvain) walk
//! them many times over: node i's neighbours are `to[start[i]..start[i + 1]]`,
//! ascending, with their weights beside them, borrowed from an [`Adjacency`] (or
//! owned, for a graph Louvain folds). Weights are narrowed to `f32` when every one of
//! them is exactly an `f32` (the raw networks' counts), which halves what each pass
//! reads; the sums are then those of the `f64` weights, bit for bit.

use std::borrow::Cow;

use super::Adjacency;

/// A tie weight as stored: read back as the `f64` it is.
pub(crate) trait Weight: Copy + Send + Sync {
    fn get(self) -> f64;
}

impl Weight for f32 {
    #[inline]
    fn get(self) -> f64 {
        f64::from(self)
    }
}

impl Weight for f64 {
    #[inline]
    fn get(self) -> f64 {
        self
    }
}

/// Ties in flat arrays (module docs): borrowed from an [`Adjacency`], or owned
/// (a folded graph of Louvain's).
pub(crate) struct Flat<'a, W: Clone> {
    start: Cow<'a, [usize]>,
    to: Cow<'a, [u32]>,
    w: Cow<'a, [W]>,
}

impl<W: Weight> Flat<'_, W> {
    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// Node i's neighbours (ascending) and their weights.
    #[inline]
    pub(crate) fn ties(&self, i: usize) -> (&[u32], &[W]) {
        let r = self.start[i]..self.start[i + 1];
        (&self.to[r.clone()], &self.w[r])
    }

    /// Each node's weighted degree, summed in neighbour order.
    pub(crate) fn strengths(&self) -> Vec<f64> {
        (0..self.len())
            .map(|i| self.ties(i).1.iter().map(|w| w.get()).sum())
            .collect()
    }
}

impl<'a> Flat<'a, f64> {
    /// The ties of `g`, weights as they are, read in place.
    pub(crate) fn wide(g: &'a Adjacency) -> Self {
        Flat {
            start: Cow::Borrowed(&g.start),
            to: Cow::Borrowed(&g.to),
            w: Cow::Borrowed(&g.w),
        }
    }

    /// The ties of `g`, owned.
    pub(crate) fn owned(g: Adjacency) -> Flat<'static, f64> {
        Flat {
            start: Cow::Owned(g.start),
            to: Cow::Owned(g.to),
            w: Cow::Owned(g.w),
        }
    }

    /// Back to adjacency lists.
    #[cfg(test)]
    pub(crate) fn lists(&self) -> Adjacency {
        Adjacency::from_parts(self.start.to_vec(), self.to.to_vec(), self.w.to_vec())
    }
}

/// The ties of a graph, as compact as their weights allow.
pub(crate) enum Ties<'a> {
    /// Every weight exactly an `f32`: the neighbours read in place, the weights
    /// narrowed into an array of their own.
    Narrow(Flat<'a, f32>),
    /// Some weight is not: everything read in place.
    Wide(Flat<'a, f64>),
}

impl<'a> Ties<'a> {
    /// The ties of `g` (whose node count fits in `u32`).
    pub(crate) fn of(g: &'a Adjacency) -> Self {
        let exact = g.w.iter().all(|&x| f64::from(x as f32) == x);
        if exact {
            Ties::Narrow(Flat {
                start: Cow::Borrowed(&g.start),
                to: Cow::Borrowed(&g.to),
                w: Cow::Owned(g.w.iter().map(|&x| x as f32).collect()),
            })
        } else {
            Ties::Wide(Flat::wide(g))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_narrowed_only_when_every_one_survives_it() {
        let counts = Adjacency::new(3, [(0, 1, 3.0), (1, 2, 16_777_216.0)]);
        let Ties::Narrow(f) = Ties::of(&counts) else {
            panic!("counts fit in f32")
        };
        assert_eq!(f.ties(1).0, [0, 2]);
        assert_eq!(f.strengths(), [3.0, 16_777_219.0, 16_777_216.0]);
        // 2^24 + 1 is not an f32; a third neither
        for x in [16_777_217.0, 1.0 / 3.0] {
            let g = Adjacency::new(2, [(0, 1, x)]);
            assert!(matches!(Ties::of(&g), Ties::Wide(_)), "{x}");
        }
    }
}
