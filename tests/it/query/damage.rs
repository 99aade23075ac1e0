//! A damaged query store (`out/graph.cache`) through the real binary: the answer is
//! the intact store's, with one line on stderr saying the store was damaged, and the
//! store is written anew. (Every byte of a store flipped, in the library: the store
//! crate's `flips` tests.)

use super::{mini, Built};

const NOTE: &str = "is damaged; answering without it";

/// The query store of `b`, written by a first query.
fn store_of(b: &Built) -> (std::path::PathBuf, Vec<u8>) {
    b.run(&["stats"]).ok();
    let path = b.c.out().join("graph.cache");
    let bytes = std::fs::read(&path).expect("the first query writes the store");
    (path, bytes)
}

/// Ask `args` (JSON) on the damaged store `bad`: the answer must be `intact`, and the
/// damage, if found, said in exactly one line and the store rewritten.
fn ask_damaged(b: &Built, path: &std::path::Path, bad: &[u8], args: &[&str], intact: &str) -> bool {
    std::fs::write(path, bad).unwrap();
    let d = b.run(args).arg("--format").arg("json").ok();
    assert_eq!(
        d.stdout, intact,
        "{args:?}: a wrong answer from a damaged store"
    );
    let noted = !d.stderr.is_empty();
    if noted {
        assert!(
            d.stderr.lines().count() == 1 && d.stderr.contains(NOTE),
            "one line: {}",
            d.stderr
        );
        let again = std::fs::read(path).expect("the store is written anew");
        assert_ne!(again, bad, "the damaged store is replaced");
        let d = b.run(args).arg("--format").arg("json").ok();
        assert!(d.stderr.is_empty(), "then no note: {}", d.stderr);
        assert_eq!(d.stdout, intact);
    }
    noted
}

/// Where the edge records are, and how many: from the store's header (see the
/// layout in `levelmap_store`).
fn edge_records(bytes: &[u8]) -> (usize, usize) {
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let mut at = 12;
    for _ in 0..2 {
        at += 4 + u32_at(at); // writer, fingerprint
    }
    at += if bytes[at] == 1 { 25 } else { 1 }; // graph.json's stamp
    at += 1; // freshness
    at += 4 + u32_at(at); // digest
    let n_edges = u32_at(at + 4);
    at += 6 * 4 + 8; // counts (nodes, edges, strings, documents, terms, statements), total length
    let edges = u64::from_le_bytes(bytes[at + 7 * 8..at + 8 * 8].try_into().unwrap());
    (edges as usize, n_edges)
}

#[test]
fn a_changed_quote_in_the_store_is_detected_not_printed() {
    let b = mini();
    let (path, bytes) = store_of(&b);
    let args = ["show", "Rachel Reeves"];
    let intact = b.run(&args).arg("--format").arg("json").ok().stdout;
    let answer: serde_json::Value = serde_json::from_str(&intact).unwrap();
    let quote = answer["groups"][0]["edges"][0]["evidence"]["quote"]
        .as_str()
        .expect("a quote in the answer")
        .to_string();
    let at = bytes
        .windows(quote.len())
        .position(|w| w == quote.as_bytes())
        .expect("the quote is in the store");
    let mut bad = bytes.clone();
    bad[at] = if bad[at] == b'X' { b'Y' } else { b'X' };
    assert!(
        ask_damaged(&b, &path, &bad, &args, &intact),
        "the changed quote is found"
    );
}

#[test]
fn flipped_stance_bytes_do_not_change_the_tally() {
    let b = mini();
    let (path, bytes) = store_of(&b);
    let args = ["stance", "securonomics"];
    let intact = b.run(&args).arg("--format").arg("json").ok().stdout;
    let (edges, n) = edge_records(&bytes);
    let mut bad = bytes.clone();
    let mut flipped = 0;
    for r in 0..n {
        let stance = &mut bad[edges + 36 * r + 9];
        if *stance != 0 {
            *stance = if *stance == 2 { 1 } else { 2 }; // for <-> against
            flipped += 1;
        }
    }
    assert!(flipped > 0, "the mini store has stances");
    assert!(
        ask_damaged(&b, &path, &bad, &args, &intact),
        "the flipped stances are found"
    );
}

#[test]
fn a_flipped_byte_anywhere_in_the_store_gives_the_right_answer_or_a_note() {
    let b = mini();
    let (path, bytes) = store_of(&b);
    let questions: [&[&str]; 3] = [
        &["show", "Rachel Reeves"],
        &["stance", "securonomics"],
        &["search", "towns"],
    ];
    let intact: Vec<String> = questions
        .iter()
        .map(|q| b.run(q).arg("--format").arg("json").ok().stdout)
        .collect();
    let (mut noted, mut asked) = (0, 0);
    // 40 positions spread over the whole store, header included.
    for p in (0..bytes.len()).step_by(bytes.len().div_ceil(40)) {
        let mut bad = bytes.clone();
        bad[p] ^= 0xff;
        for (q, want) in questions.iter().zip(&intact) {
            noted += usize::from(ask_damaged(&b, &path, &bad, q, want));
            asked += 1;
        }
    }
    eprintln!("{asked} damaged stores asked, {noted} found damaged, none wrong");
    assert!(noted > 0);
}
