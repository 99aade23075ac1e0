//! A graph's ties in flat arrays, the form the iterated measures (PageRank, Louvain)
//! walk many times over: node i's neighbours are `to[start[i]..start[i + 1]]`,
//! ascending, with their weights beside them. Weights are kept as `f32` when every
//! one of them is exactly an `f32` (the raw networks' counts), which halves what
//! each pass reads; the sums are then those of the `f64` weights, bit for bit.

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

/// Ties in flat arrays (module docs).
pub(crate) struct Flat<W> {
    start: Vec<usize>,
    to: Vec<u32>,
    w: Vec<W>,
}

impl<W: Weight> Flat<W> {
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

    fn of(g: &Adjacency, weight: impl Fn(f64) -> W) -> Self {
        let mut start = Vec::with_capacity(g.len() + 1);
        start.push(0);
        let total = g.adj.iter().map(Vec::len).sum();
        let (mut to, mut w) = (Vec::with_capacity(total), Vec::with_capacity(total));
        for nb in &g.adj {
            for &(j, x) in nb {
                to.push(j as u32);
                w.push(weight(x));
            }
            start.push(to.len());
        }
        Flat { start, to, w }
    }
}

impl Flat<f64> {
    /// The ties of `g`, weights as they are.
    pub(crate) fn wide(g: &Adjacency) -> Self {
        Flat::of(g, |x| x)
    }

    /// Back to adjacency lists.
    #[cfg(test)]
    pub(crate) fn lists(&self) -> Adjacency {
        let adj = (0..self.len())
            .map(|i| {
                let (to, w) = self.ties(i);
                to.iter()
                    .map(|&j| j as usize)
                    .zip(w.iter().copied())
                    .collect()
            })
            .collect();
        Adjacency { adj }
    }
}

/// The ties of a graph, as compact as their weights allow.
pub(crate) enum Ties {
    /// Every weight exactly an `f32`.
    Narrow(Flat<f32>),
    /// Some weight is not.
    Wide(Flat<f64>),
}

impl Ties {
    /// The ties of `g` (whose node count fits in `u32`).
    pub(crate) fn of(g: &Adjacency) -> Self {
        let exact = g
            .adj
            .iter()
            .flatten()
            .all(|&(_, x)| f64::from(x as f32) == x);
        if exact {
            Ties::Narrow(Flat::of(g, |x| x as f32))
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
