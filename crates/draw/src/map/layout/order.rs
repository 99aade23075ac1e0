//! Step 3 of the map layout: each rank ordered by barycentre sweeps, each sweep
//! followed by transposition (neighbours swapped while that removes crossings with
//! the ranks on both sides), keeping the order with the fewest crossings (counted by
//! inversions).

use super::{item_index, Item, Layering};

impl Layering {
    /// Order each rank by barycentre sweeps and transposition, keeping the order with
    /// fewest crossings.
    pub(super) fn order(&mut self, sweeps: usize) {
        let n_nodes = self.rank.len();
        let total = n_nodes + self.dummies;
        let mut up: Vec<Vec<usize>> = vec![Vec::new(); total];
        let mut down: Vec<Vec<usize>> = vec![Vec::new(); total];
        for p in &self.paths {
            for w in p.windows(2) {
                let (a, b) = (item_index(w[0], n_nodes), item_index(w[1], n_nodes));
                down[a].push(b);
                up[b].push(a);
            }
        }
        let mut pos = vec![0usize; total];
        for row in &self.rows {
            for (i, it) in row.iter().enumerate() {
                pos[item_index(*it, n_nodes)] = i;
            }
        }
        let mut best = self.rows.clone();
        let mut best_x = crossings(&self.rows, &down, &pos, n_nodes);
        for s in 0..sweeps {
            let downward = s % 2 == 0;
            let ranks: Vec<usize> = if downward {
                (1..self.rows.len()).collect()
            } else {
                (0..self.rows.len().saturating_sub(1)).rev().collect()
            };
            for r in ranks {
                let nb = if downward { &up } else { &down };
                let mut keyed: Vec<(f64, usize, Item)> = self.rows[r]
                    .iter()
                    .enumerate()
                    .map(|(i, &it)| {
                        let ns = &nb[item_index(it, n_nodes)];
                        let b = if ns.is_empty() {
                            i as f64
                        } else {
                            ns.iter().map(|&m| pos[m] as f64).sum::<f64>() / ns.len() as f64
                        };
                        (b, i, it)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                self.rows[r] = keyed.into_iter().map(|(_, _, it)| it).collect();
                for (i, it) in self.rows[r].iter().enumerate() {
                    pos[item_index(*it, n_nodes)] = i;
                }
            }
            for row in &mut self.rows {
                transpose(row, &up, &down, &mut pos, n_nodes);
            }
            let x = crossings(&self.rows, &down, &pos, n_nodes);
            if x < best_x {
                best_x = x;
                best = self.rows.clone();
            }
        }
        self.rows = best;
        self.crossings = best_x;
    }
}

/// Swap neighbours in `row` while a swap removes crossings with the ranks on both
/// sides (at most a few passes, so that the work stays linear in the edges).
fn transpose(
    row: &mut [Item],
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    pos: &mut [usize],
    n_nodes: usize,
) {
    // Crossings among the edges of `u` and `v` (u left of v) toward one side.
    let pair = |nb: &[Vec<usize>], u: usize, v: usize, pos: &[usize]| {
        let mut c = 0usize;
        for &a in &nb[u] {
            for &b in &nb[v] {
                if pos[a] > pos[b] {
                    c += 1;
                }
            }
        }
        c
    };
    for _ in 0..4 {
        let mut improved = false;
        for i in 0..row.len().saturating_sub(1) {
            let (u, v) = (item_index(row[i], n_nodes), item_index(row[i + 1], n_nodes));
            let now = pair(up, u, v, pos) + pair(down, u, v, pos);
            let swapped = pair(up, v, u, pos) + pair(down, v, u, pos);
            if swapped < now {
                row.swap(i, i + 1);
                pos[u] = i + 1;
                pos[v] = i;
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
}

/// Crossings between adjacent ranks, counted by inversions (Fenwick tree).
pub(super) fn crossings(
    rows: &[Vec<Item>],
    down: &[Vec<usize>],
    pos: &[usize],
    n_nodes: usize,
) -> usize {
    let mut total = 0;
    for r in 0..rows.len().saturating_sub(1) {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for it in &rows[r] {
            let a = item_index(*it, n_nodes);
            for &b in &down[a] {
                pairs.push((pos[a], pos[b]));
            }
        }
        pairs.sort_unstable();
        let m = rows[r + 1].len() + 1;
        let mut tree = vec![0usize; m + 1];
        for (seen, &(_, b)) in pairs.iter().enumerate() {
            // Edges seen so far ending after b cross this one.
            let mut i = b + 1;
            let mut le = 0;
            while i > 0 {
                le += tree[i];
                i &= i - 1;
            }
            total += seen - le;
            let mut i = b + 1;
            while i <= m {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}
