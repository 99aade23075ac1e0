//! Measures on hand-worked graphs, and against networkx on random graphs (the
//! oracle: `python3 -m pip install networkx`; skipped without it unless `CI` is set).

use std::io::Write;
use std::process::{Command, Stdio};

use super::*;

fn path(n: usize) -> Adjacency {
    Adjacency::new(n, (1..n).map(|i| (i - 1, i, 1.0)))
}

#[test]
fn betweenness_of_a_path_and_a_star() {
    // path 0-1-2-3: node 1 lies on (0,2), (0,3): 2 pairs of (n-1)(n-2)/2 = 3.
    let b = betweenness(&path(4));
    assert_eq!(b, [0.0, 2.0 / 3.0, 2.0 / 3.0, 0.0]);
    let star = Adjacency::new(5, (1..5).map(|i| (0, i, 1.0)));
    assert_eq!(betweenness(&star)[0], 1.0);
}

#[test]
fn sampled_betweenness_walks_evenly_spaced_sources_and_scales_by_n_over_k() {
    // path 0-1-2-3, sources 0 and 2: from 0, node 1 lies on the paths to 2 and 3 and
    // node 2 on the path to 3; from 2, node 1 lies on the path to 0. Scaled by
    // (4 / 2) / ((n − 1)(n − 2)) = 1/3.
    assert_eq!(betweenness_sampled(&path(4), 2), [0.0, 1.0, 1.0 / 3.0, 0.0]);
    // every node a source: the exact values, bit for bit
    let g = Adjacency::new(
        6,
        [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 3, 1.0),
            (1, 4, 1.0),
            (4, 5, 1.0),
            (5, 3, 1.0),
        ],
    );
    assert_eq!(betweenness_sampled(&g, 6), betweenness(&g));
}

#[test]
fn betweenness_is_exact_within_its_budget_and_says_when_it_samples() {
    let g = path(10); // 10 nodes × (18 tie ends + 10) = 280 steps
    assert_eq!(betweenness_within(&g, 280), (betweenness(&g), None));
    let (b, sample) = betweenness_within(&g, 279);
    assert_eq!(
        sample,
        Some(Sample {
            sources: 9,
            nodes: 10
        })
    );
    assert_eq!(b, betweenness_sampled(&g, 9));
    assert_eq!(
        betweenness_within(&g, 1).1,
        Some(Sample {
            sources: 1,
            nodes: 10
        })
    );
}

#[test]
fn pagerank_sums_to_one_and_is_symmetric_on_a_cycle() {
    let cycle = Adjacency::new(5, (0..5).map(|i| (i, (i + 1) % 5, 1.0)));
    let p = pagerank(&cycle, 0.85);
    assert!(p.iter().all(|x| (x - 0.2).abs() < 1e-12));
    let p = pagerank(&Adjacency::new(3, [(0, 1, 3.0)]), 0.85);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(p[2] < p[0]);
}

#[test]
fn louvain_finds_two_cliques_joined_by_a_bridge() {
    let mut e = vec![];
    for (a, b) in [(0, 4), (4, 8)] {
        for i in a..b {
            for j in i + 1..b {
                e.push((i, j, 1.0));
            }
        }
    }
    e.push((3, 4, 1.0));
    let g = Adjacency::new(8, e);
    let c = louvain(&g);
    assert_eq!(c, [0, 0, 0, 0, 1, 1, 1, 1]);
    // Q = 2 × (13/26 − (13/26)²) for two halves of 13 degree each, 26 in all: 6.5/13 …
    let q = modularity(&g, &c);
    assert!(
        (q - (12.0 / 26.0 - 2.0 * 0.25)).abs() < 1e-12 || q > 0.4,
        "{q}"
    );
}

/// A deterministic random graph: n nodes, each pair tied with probability p, weight
/// 1..=4.
fn random_graph(seed: u64, n: usize, p: f64) -> Vec<(usize, usize, f64)> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut e = vec![];
    for i in 0..n {
        for j in i + 1..n {
            if next() < p {
                e.push((i, j, 1.0 + (next() * 4.0).floor()));
            }
        }
    }
    e
}

/// Brandes' accumulation as one walk after another (the code before the walks ran in
/// batches on every core): the bits the batched walks must give.
fn brandes_one_by_one(g: &Adjacency, sources: &[usize]) -> Vec<f64> {
    let n = g.len();
    let mut bc = vec![0.0; n];
    for &s in sources {
        let (mut sigma, mut dist, mut delta) = (vec![0.0f64; n], vec![-1i32; n], vec![0.0f64; n]);
        let mut stack = Vec::new();
        let mut queue = VecDeque::new();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for (w, _) in g.neighbours(v) {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in stack.iter().rev() {
            for (v, _) in g.neighbours(w) {
                if dist[v] >= 0 && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
    }
    bc
}

#[test]
fn betweenness_is_the_same_bits_walked_in_batches() {
    for (seed, n, p) in [
        (1, 150, 0.05),
        (2, 90, 0.3),
        (3, 40, 0.02),
        (4, 1, 0.0),
        (5, 0, 0.0),
    ] {
        let g = Adjacency::new(n, random_graph(seed, n, p));
        let all: Vec<usize> = (0..n).collect();
        let want = brandes_one_by_one(&g, &all);
        let got = brandes(&g, &all);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&want), "seed {seed}");
        let some: Vec<usize> = (0..n).step_by(3).collect();
        assert_eq!(
            bits(&brandes(&g, &some)),
            bits(&brandes_one_by_one(&g, &some))
        );
    }
}

const ORACLE: &str = r#"
import json, sys
import networkx as nx
out = []
for case in json.load(sys.stdin):
    G = nx.Graph()
    G.add_nodes_from(range(case["n"]))
    G.add_weighted_edges_from(case["edges"])
    bc = nx.betweenness_centrality(G)
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    parts = {}
    for i, c in enumerate(case["community"]):
        parts.setdefault(c, set()).add(i)
    if G.number_of_edges() == 0:
        q_ours = q_nx = 0.0
    else:
        q_ours = nx.community.modularity(G, list(parts.values()), weight="weight")
        q_nx = max(nx.community.modularity(G, nx.community.louvain_communities(G, weight="weight", seed=s), weight="weight") for s in range(5))
    out.append({"bc": [bc[i] for i in range(case["n"])], "pr": [pr[i] for i in range(case["n"])], "q_ours": q_ours, "q_nx": q_nx})
print(json.dumps(out))
"#;

fn networkx_available() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx, scipy"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn oracle_measures_agree_with_networkx_on_random_graphs() {
    if !networkx_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "networkx and scipy are needed on CI (python3 -m pip install networkx scipy)"
        );
        eprintln!("skipped: networkx is not installed");
        return;
    }
    let mut cases = vec![];
    let mut ours = vec![];
    for (seed, n, p) in [
        (1, 6, 0.5),
        (2, 12, 0.3),
        (3, 20, 0.2),
        (4, 30, 0.15),
        (5, 40, 0.1),
        (6, 25, 0.5),
        (7, 9, 0.0),
    ] {
        let edges = random_graph(seed, n, p);
        let g = Adjacency::new(n, edges.clone());
        let c = louvain(&g);
        cases.push(serde_json::json!({"n": n, "edges": edges, "community": c}));
        ours.push((betweenness(&g), pagerank(&g, 0.85), modularity(&g, &c)));
    }
    let mut child = Command::new("python3")
        .args(["-c", ORACLE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&cases).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    for (k, ((bc, pr, q), t)) in ours.iter().zip(&theirs).enumerate() {
        let f = |v: &serde_json::Value| v.as_f64().unwrap();
        for (i, x) in bc.iter().enumerate() {
            assert!(
                (x - f(&t["bc"][i])).abs() < 1e-9,
                "case {k}: betweenness of {i}: {x} vs {}",
                t["bc"][i]
            );
        }
        for (i, x) in pr.iter().enumerate() {
            assert!(
                (x - f(&t["pr"][i])).abs() < 1e-9,
                "case {k}: pagerank of {i}: {x} vs {}",
                t["pr"][i]
            );
        }
        assert!(
            (q - f(&t["q_ours"])).abs() < 1e-9,
            "case {k}: modularity {q} vs {}",
            t["q_ours"]
        );
        assert!(
            *q >= f(&t["q_nx"]) - 0.03,
            "case {k}: our Louvain {q} is well below networkx's {}",
            t["q_nx"]
        );
    }
}

/// Louvain's folding as it was, through `Adjacency::new` and a list of every tie
/// between two communities: the sums `louvain::fold` must give, bit for bit.
fn fold_listed(g: &Adjacency, local: &[usize], k: usize) -> Adjacency {
    let edges = (0..g.len()).flat_map(|i| {
        g.neighbours(i)
            .filter(move |&(j, _)| i < j)
            .map(move |(j, w)| (local[i], local[j], w))
    });
    let mut folded = Adjacency::new(k, edges.collect::<Vec<_>>()).lists();
    let mut selfw = vec![0.0; k];
    for i in 0..g.len() {
        for (j, w) in g.neighbours(i) {
            if local[i] == local[j] {
                selfw[local[i]] += w;
            }
        }
    }
    for (c, w) in selfw.into_iter().enumerate() {
        if w > 0.0 {
            folded[c].push((c, w));
            folded[c].sort_by_key(|&(j, _)| j);
        }
    }
    Adjacency::from_lists(&folded)
}

#[test]
fn communities_fold_to_the_sums_a_list_of_their_ties_gave() {
    for seed in 0..6 {
        // weights with a fraction, so that the order of the additions shows
        let g = Adjacency::new(
            60,
            random_graph(seed, 60, 0.3)
                .into_iter()
                .map(|(a, b, w)| (a, b, w / 3.0 + 0.1)),
        );
        let local: Vec<usize> = (0..60).map(|i| (i * 7 + seed as usize) % 5).collect();
        let want = fold_listed(&g, &local, 5);
        let bits = |a: &Adjacency| -> Vec<Vec<(usize, u64)>> {
            a.lists()
                .iter()
                .map(|v| v.iter().map(|&(j, w)| (j, w.to_bits())).collect())
                .collect()
        };
        // the sums in a table, and in a hash map
        for dense in [5, 4] {
            let got = super::louvain::fold_of(&g, &local, 5, dense);
            assert_eq!(bits(&got), bits(&want), "seed {seed}, table up to {dense}");
        }
    }
}

#[test]
fn counts_held_as_f32_give_the_same_bits_as_f64() {
    use super::flat::{Flat, Ties};
    for seed in 0..4 {
        let g = Adjacency::new(80, random_graph(seed, 80, 0.2));
        let Ties::Narrow(narrow) = Ties::of(&g) else {
            panic!("integer weights fit in f32")
        };
        let wide = Flat::wide(&g);
        let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<_>>();
        assert_eq!(
            bits(super::pagerank_flat(&narrow, 0.85)),
            bits(super::pagerank_flat(&wide, 0.85)),
            "seed {seed}"
        );
        assert_eq!(
            super::louvain::louvain_flat(&narrow),
            super::louvain::louvain_flat(&wide)
        );
    }
}
