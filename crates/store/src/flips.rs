//! The store's damage test: every byte of a store flipped, one at a time, and the
//! questions the command line asks (planned over the store as its commands plan them)
//! either answer exactly as from the intact store or find the damage. Never a wrong
//! answer.

use std::sync::Arc;

use levelmap_model::graph::{build, BuildOptions, LevelGraph};
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::neighbors::{neighbors, Direction, NeighborOptions};
use levelmap_query::path::{default_edges, path, PathOptions};
use levelmap_query::resolve::{resolve, resolve_kind};
use levelmap_query::search::{query_terms, search_in, DocText, Owner, Postings, SearchOptions};
use levelmap_query::show::{show, ShowOptions};
use levelmap_query::stance::stance;
use levelmap_query::timeline::{timeline, TimelineOptions};

use crate::walk::{claims_by_candidates, reaching_edges, shortest_path_nodes};
use crate::*;

/// A question, as a command asks it of a store: its answer as JSON, or None if it
/// could not be answered (a name not found, a region refused).
type Question = Box<dyn Fn(&Store) -> Option<String>>;

fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// `statements` (and every network command): the store's table of statements.
fn statements_q() -> Question {
    Box::new(|st| Some(format!("{:?}", st.statements()?)))
}

/// `show NAME`, planned as `levelmap show` plans it.
fn show_q(name: &'static str) -> Question {
    Box::new(move |st| {
        let i = resolve(st, name).ok()?.index() as u32;
        let mut r = Region::new(st);
        r.without_speakers();
        r.speakers_of(i);
        r.incident(i, |_| true);
        let m = r.materialise()?;
        json(&show(
            &m.graph,
            m.local(i)?,
            ShowOptions { limit: Some(20) },
        ))
    })
}

/// `stance POLICY`.
fn stance_q(name: &'static str) -> Question {
    Box::new(move |st| {
        let p = resolve_kind(st, name, NodeKind::Policy).ok()?.index() as u32;
        let mut r = Region::new(st);
        r.incident(p, |k| {
            matches!(
                k,
                EdgeKind::About | EdgeKind::Proposes | EdgeKind::Criticises
            )
        });
        let m = r.materialise()?;
        json(&stance(&m.graph, m.local(p)?))
    })
}

/// `neighbors NAME --depth 2`.
fn neighbors_q(name: &'static str) -> Question {
    Box::new(move |st| {
        let i = resolve(st, name).ok()?.index() as u32;
        let opts = NeighborOptions {
            depth: 2,
            direction: Direction::Both,
            ..Default::default()
        };
        let mut r = Region::new(st);
        r.without_speakers();
        r.node(i);
        for e in reaching_edges(st, i, opts.depth, opts.direction, |_| true) {
            r.edge(e);
        }
        let m = r.materialise()?;
        json(&neighbors(&m.graph, m.local(i)?, &opts).ok()?)
    })
}

/// `path A B`.
fn path_q(a: &'static str, b: &'static str) -> Question {
    Box::new(move |st| {
        let (a, b) = (resolve(st, a).ok()?, resolve(st, b).ok()?);
        let (a, b) = (a.index() as u32, b.index() as u32);
        let walked = default_edges();
        let mut r = Region::new(st);
        r.without_speakers();
        for n in shortest_path_nodes(st, a, b, &walked, &[]) {
            r.node(n);
        }
        r.among(|k| walked.contains(&k));
        let m = r.materialise()?;
        let opts = PathOptions {
            max: 5,
            ..Default::default()
        };
        json(&path(&m.graph, m.local(a)?, m.local(b)?, &opts).ok()?)
    })
}

/// `timeline --about NAME`.
fn timeline_q(name: &'static str) -> Question {
    Box::new(move |st| {
        let i = resolve(st, name).ok()?.index() as u32;
        let mut r = Region::new(st);
        r.incident(i, |k| k != EdgeKind::Mentions);
        let m = r.materialise()?;
        let opts = TimelineOptions {
            about: m.local(i),
            actor: None,
            from: None,
            to: None,
        };
        json(&timeline(&m.graph, &opts).ok()?)
    })
}

/// `search TEXT` (the ranking pass of `levelmap search`).
fn search_q(text: &'static str) -> Question {
    Box::new(move |st| {
        let opts = SearchOptions {
            text: text.into(),
            limit: 10,
            kinds: vec![],
        };
        let mut r = Region::new(st);
        r.without_speakers();
        for t in query_terms(&opts).ok()? {
            for d in st.postings(&t) {
                match st.doc(d).map(|d| (d.owner, d.text)) {
                    Some((Owner::Node(n), text)) => {
                        r.node(n);
                        if text == DocText::Name && st.kind(n) == Some(NodeKind::Actor) {
                            claims_by_candidates(st, n)
                                .into_iter()
                                .for_each(|c| r.speakers_of(c));
                        }
                    }
                    Some((Owner::Edge(e), _)) => r.edge(e),
                    None => {}
                }
            }
        }
        let m = r.materialise()?;
        let local = |o: Owner| match o {
            Owner::Node(n) => m.local(n).map(|i| Owner::Node(i.index() as u32)),
            Owner::Edge(e) => m
                .edges
                .binary_search(&e)
                .ok()
                .map(|k| Owner::Edge(k as u32)),
        };
        json(&search_in(&m.graph, st, local, &opts).ok()?)
    })
}

/// `stats` (kept in the store).
fn stats_q() -> Question {
    Box::new(|st| json(&st.stats(10)?))
}

/// What became of one question on a flipped store.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// The store was not opened: damaged header (the command says so and rebuilds).
    refused: usize,
    /// Not a store of this format (magic or format number): rebuilt without a word.
    other_format: usize,
    /// Opened; a read found the damage (the command says so and rebuilds).
    detected: usize,
    /// Opened; the answer was exactly the intact store's.
    harmless: usize,
    /// Opened, no damage found, and another answer: must never happen.
    wrong: usize,
}

/// Flip each byte of `bytes` at `positions` with `flip` (one at a time), ask every
/// question, and tally; the wrong answers are listed (position, question).
fn flip_all(
    bytes: &[u8],
    positions: impl Iterator<Item = usize>,
    questions: &[Question],
    flip: &dyn Fn(usize, u8) -> u8,
) -> (Tally, Vec<(usize, usize)>) {
    let open = |b: &Arc<[u8]>| Store::open(Box::new(b.clone()), |_| true).map(|(_, s)| s);
    let intact: Arc<[u8]> = bytes.into();
    let expected: Vec<Option<String>> = questions
        .iter()
        .map(|q| q(&open(&intact).expect("the intact store opens")))
        .collect();
    assert!(expected.iter().all(Option::is_some), "{expected:?}");
    let (mut t, mut wrong) = (Tally::default(), Vec::new());
    for p in positions {
        let mut b = bytes.to_vec();
        b[p] = flip(p, b[p]);
        let b: Arc<[u8]> = b.into();
        for (k, q) in questions.iter().enumerate() {
            match open(&b) {
                Err(Unopened::OtherFormat) => t.other_format += 1,
                Err(_) => t.refused += 1,
                Ok(st) => {
                    let answer = q(&st);
                    if st.is_damaged() {
                        t.detected += 1;
                    } else if answer == expected[k] {
                        t.harmless += 1;
                    } else {
                        t.wrong += 1;
                        wrong.push((p, k));
                    }
                }
            }
        }
    }
    (t, wrong)
}

fn store_of(g: &LevelGraph, block: usize) -> Vec<u8> {
    let h = StoreHeader {
        writer: "0".into(),
        fingerprint: "f".into(),
        json: Some((1, 2)),
        json_fresh: true,
    };
    encode::encode_in_blocks(&h, g, block)
}

fn corpus(dir: &str) -> LevelGraph {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(dir);
    build(
        &levelmap_read::read_corpus(&dir).corpus,
        BuildOptions::default(),
    )
}

/// Where the sections start (the bytes before are the header).
fn data_start(bytes: &[u8]) -> usize {
    let open = Store::open(Box::new(bytes.to_vec()), |_| true);
    open.expect("the intact store opens").1.s.data
}

const XOR: &dyn Fn(usize, u8) -> u8 = &|_, b| b ^ 0xff;
const ONE_BIT: &dyn Fn(usize, u8) -> u8 = &|p, b| b ^ (1 << (p % 8));

#[test]
fn a_flipped_byte_anywhere_in_a_small_store_never_gives_a_wrong_answer() {
    // Blocks of 64 bytes, so that most flips fall in blocks a question does not read.
    let bytes = store_of(&corpus("tests/fixtures/mini"), 64);
    let questions = vec![
        show_q("Rachel Reeves"),
        show_q("levelling up"),
        stance_q("levelling up"),
        neighbors_q("Rachel Reeves"),
        path_q("Rachel Reeves", "levelling up"),
        timeline_q("levelling up"),
        search_q("towns"),
        stats_q(),
        statements_q(),
    ];
    for (flip, how) in [(XOR, "xor 0xff"), (ONE_BIT, "one bit")] {
        let (t, wrong) = flip_all(&bytes, 0..bytes.len(), &questions, flip);
        eprintln!(
            "mini, {} bytes, every byte, {how}, {} questions: {t:?}",
            bytes.len(),
            questions.len()
        );
        assert_eq!(
            t.wrong, 0,
            "{how}: wrong answers at (position, question) {wrong:?}"
        );
        assert!(t.detected > 0 && t.refused > 0 && t.harmless > 0, "{t:?}");
    }
}

#[test]
fn flipped_bytes_in_the_bundled_store_never_give_a_wrong_answer() {
    // The store a query reads (blocks of [`BLOCK`]): every byte of the header, and
    // every 11th of the sections.
    let bytes = store_of(&corpus("graph"), BLOCK);
    let questions = vec![
        show_q("Rachel Reeves"),
        stance_q("securonomics"),
        search_q("skills"),
        stats_q(),
        statements_q(),
    ];
    let data = data_start(&bytes);
    let positions = (0..data).chain((data..bytes.len()).step_by(11));
    let (t, wrong) = flip_all(&bytes, positions, &questions, XOR);
    eprintln!(
        "graph, {} bytes, header and every 11th byte, xor 0xff, {} questions: {t:?}",
        bytes.len(),
        questions.len()
    );
    assert_eq!(
        t.wrong, 0,
        "wrong answers at (position, question) {wrong:?}"
    );
    assert!(t.detected > 0 && t.refused > 0 && t.harmless > 0, "{t:?}");
}
