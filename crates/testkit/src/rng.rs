//! The one random generator of the test kit: small, deterministic and without a
//! dependency, used by every synthetic generator (argument maps, timelines, corpora
//! on disk and the extraction benchmark's recombined articles).
//!
//! The generators were written at different times with different algorithms, and
//! their outputs (layout tests, benchmark digests, corpora on disk) are pinned, so
//! [`Rng`] keeps each stream exactly: one constructor per seed scheme, each naming
//! the step it uses (SplitMix64, xorshift64* or xorshift64).

/// The SplitMix64 increment (the golden ratio in 64 bits).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// How the state moves on and turns into output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// SplitMix64.
    SplitMix,
    /// xorshift64* (shifts 12, 25, 27, then a multiply).
    XorShiftStar,
    /// xorshift64 (shifts 13, 7, 17), the state itself as output.
    XorShift,
}

/// A deterministic pseudo-random generator: the same constructor and seed give the
/// same numbers on every machine and every run.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
    step: Step,
}

impl Rng {
    /// A SplitMix64 generator from a seed (the seed is mixed with the golden ratio
    /// first, so that seed 0 is as good as any): the synthetic corpus' scheme.
    pub fn new(seed: u64) -> Self {
        Rng::splitmix(seed ^ GOLDEN)
    }

    /// A SplitMix64 generator starting from exactly this state (the argument maps'
    /// scheme: the seed is the state).
    pub fn splitmix(state: u64) -> Self {
        Rng {
            state,
            step: Step::SplitMix,
        }
    }

    /// An xorshift64* generator starting from exactly this state, which must not be
    /// 0 (the timelines' scheme).
    pub fn xorshift_star(state: u64) -> Self {
        Rng {
            state,
            step: Step::XorShiftStar,
        }
    }

    /// An xorshift64 generator starting from exactly this state, which must not be 0
    /// (the extraction benchmark's scheme).
    pub fn xorshift(state: u64) -> Self {
        Rng {
            state,
            step: Step::XorShift,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        match self.step {
            Step::SplitMix => {
                self.state = self.state.wrapping_add(GOLDEN);
                let mut z = self.state;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^ (z >> 31)
            }
            Step::XorShiftStar => {
                self.state ^= self.state >> 12;
                self.state ^= self.state << 25;
                self.state ^= self.state >> 27;
                self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
            }
            Step::XorShift => {
                self.state ^= self.state << 13;
                self.state ^= self.state >> 7;
                self.state ^= self.state << 17;
                self.state
            }
        }
    }

    /// A number in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A float in [0, 1), from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability p (drawn with [`Rng::unit`]).
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// True `k` times in `n` (the next number modulo `n` is below `k`).
    pub fn odds(&mut self, k: u64, n: u64) -> bool {
        self.next_u64() % n < k
    }

    /// A Zipf-like draw in 0..n (n > 0): small indices are much more likely.
    pub fn zipf(&mut self, n: usize) -> usize {
        // Inverse of a continuous 1/x law on [1, n+1).
        let x = ((n as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (x as usize).min(n - 1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each scheme's first numbers, pinned: generated corpora and graphs depend on them.
    #[test]
    fn streams_are_pinned() {
        let first = |mut r: Rng| (0..3).map(|_| r.next_u64()).collect::<Vec<_>>();
        assert_eq!(first(Rng::new(0)), first(Rng::splitmix(GOLDEN)));
        let mut x = 1u64;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        assert_eq!(Rng::xorshift(1).next_u64(), x);
        let mut s = Rng::splitmix(0);
        assert_eq!(s.next_u64(), 0xE220_A839_7B1D_CDAF);
        let mut t = Rng::xorshift_star(1);
        let v = 1u64 ^ (1 << 25);
        let v = v ^ (v >> 27);
        assert_eq!(t.next_u64(), v.wrapping_mul(0x2545_F491_4F6C_DD1D));
    }

    #[test]
    fn draws_stay_in_range() {
        let mut r = Rng::new(7);
        for n in 1..50 {
            assert!(r.below(n) < n);
            assert!(r.zipf(n) < n);
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(r.below(0), 0);
    }
}
