//! Answers when the corpus changed since the build (rebuilt, with a note), only its
//! files' times changed, the build is missing or the query store is damaged.

use super::{mini, Built};
use crate::support::*;

/// The mini corpus, built and its query store written, then changed: Securonomics
/// is renamed "Securonomics Agenda".
fn mini_changed_after_build() -> Built {
    let b = mini();
    b.run(&["stats"]).ok();
    b.c.edit(
        "lexicon/policies.toml",
        "name = \"Securonomics\"",
        "name = \"Securonomics Agenda\"",
    );
    b
}

#[test]
fn stale_build_is_rebuilt_with_a_note() {
    let b = mini_changed_after_build();
    let d = b.run(&["show", "policy:securonomics"]).ok();
    assert!(
        d.stderr.contains("note: the corpus has changed since"),
        "{}",
        d.stderr
    );
    assert!(
        d.stdout
            .starts_with("Securonomics Agenda (policy:securonomics)"),
        "the answer is fresh: {}",
        d.stdout
    );
    // Rebuilt: no more note.
    levelmap(["build", "--corpus"])
        .arg(b.c.path())
        .arg("--out")
        .arg(b.c.out())
        .ok();
    let d = b.run(&["show", "policy:securonomics"]).ok();
    assert!(d.stderr.is_empty(), "{}", d.stderr);
    assert!(d.stdout.starts_with("Securonomics Agenda"), "{}", d.stdout);
}

/// Queries answer from the store while the corpus is listed, and check the listing
/// before printing. A query that failed on a stale store (here: a name only the
/// changed corpus has) must not print that failure: it runs again on the corpus.
#[test]
fn a_name_only_the_changed_corpus_has_is_found() {
    let b = mini_changed_after_build();
    let d = b.run(&["show", "Securonomics Agenda"]).ok();
    assert!(
        d.stdout
            .starts_with("Securonomics Agenda (policy:securonomics)"),
        "{}",
        d.stdout
    );
    assert!(!d.stderr.contains("no node"), "{}", d.stderr);
    // And an answer the stale store could give is not printed either.
    let d = b
        .run(&["stance", "policy:securonomics", "--format", "json"])
        .ok();
    assert!(d.stdout.contains("\"Securonomics Agenda\""), "{}", d.stdout);
    assert_eq!(d.stdout.matches("\"schema\"").count(), 1, "printed once");
}

#[test]
fn touched_corpus_is_not_stale() {
    let b = mini();
    // Rewriting a file with the same content changes its time, not its digest.
    let f = b.c.file("lexicon/events.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text).unwrap();
    let d = b.run(&["stats"]).ok();
    assert!(d.stderr.is_empty(), "{}", d.stderr);
}

#[test]
fn missing_build_is_built_in_memory_with_a_note() {
    let c = TempCorpus::of("mini");
    let d = levelmap(["stance", "securonomics", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    assert!(
        d.stderr
            .contains("graph.json does not exist; answering from the corpus"),
        "{}",
        d.stderr
    );
    assert!(d.stdout.contains("Stances on Securonomics"), "{}", d.stdout);
    let d = levelmap([
        "stats",
        "--corpus",
        "/nonexistent/corpus",
        "--out",
        "/nonexistent/out",
    ])
    .fails();
    assert!(d.stderr.contains("no graph to query"), "{}", d.stderr);
}

#[test]
fn damaged_cache_is_rebuilt() {
    let b = mini();
    std::fs::write(b.c.out().join("graph.cache"), b"LMQCACHE garbage").unwrap();
    let d = b.run(&["show", "securonomics"]).ok();
    assert!(d.stderr.is_empty(), "{}", d.stderr);
    assert!(d.stdout.starts_with("Securonomics (policy:securonomics)"));
}
