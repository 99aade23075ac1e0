//! Extraction throughput: a synthetic corpus of 10,000 articles made by recombining
//! real sentences of the bundled articles, extracted on one core and across cores
//! with rayon; prints MB/s of article text.
//!
//! Run: `cargo bench --bench extract` (set LEVELMAP_BENCH_ARTICLES to change the count).

use std::path::Path;
use std::time::Instant;

use levelmap::extract::{self, ExtractOptions, Layout};
use levelmap::read::read_corpus;
use rayon::prelude::*;

/// A small deterministic generator (xorshift), so that every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reading = read_corpus(&root.join("graph"));
    let lex = extract::lexicon(&reading.corpus);
    let mut sentences: Vec<String> = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    for a in reading.corpus.articles.values() {
        let layout = Layout::new(&a.text);
        for s in &layout.sentences {
            let q = extract::sentences::quote(&a.text, s.start, s.end);
            if s.words >= 6 {
                sentences.push(q);
            } else if s.words >= 3 {
                headers.push(q);
            }
        }
    }
    assert!(!sentences.is_empty(), "the bundled corpus has sentences");
    let n: usize = std::env::var("LEVELMAP_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let articles: Vec<String> = (0..n)
        .map(|_| {
            let mut t = String::new();
            t.push_str(&headers[rng.below(headers.len())]);
            t.push_str("\n\n");
            let paras = 4 + rng.below(6);
            for _ in 0..paras {
                let k = 2 + rng.below(5);
                for j in 0..k {
                    if j > 0 {
                        t.push(' ');
                    }
                    t.push_str(&sentences[rng.below(sentences.len())]);
                }
                t.push_str("\n\n");
            }
            t
        })
        .collect();
    let bytes: usize = articles.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    println!("synthetic corpus: {n} articles, {mb:.1} MB, from {} real sentences", sentences.len());
    let opts = ExtractOptions::default();
    let run = |a: &String| extract::extract("bench", a, Some("bench-article"), &lex, &opts).map(|d| d.claims.len()).unwrap_or(0);

    // Warm up.
    let _: usize = articles.iter().take(50).map(run).sum();

    let t = Instant::now();
    let claims: usize = articles.iter().map(run).sum();
    let single = t.elapsed().as_secs_f64();
    println!("one core:   {:>7.2} s  {:>7.1} MB/s  ({claims} claims drafted)", single, mb / single);

    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let claims_par: usize = articles.par_iter().map(run).sum();
    let par = t.elapsed().as_secs_f64();
    assert_eq!(claims, claims_par, "parallel extraction gives the same drafts");
    println!("rayon ({threads} threads): {:>7.2} s  {:>7.1} MB/s", par, mb / par);
}
