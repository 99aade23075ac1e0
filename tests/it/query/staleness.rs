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

/// The number of articles `stats` counts, and what it printed on stderr.
fn articles_counted(b: &Built) -> (u64, String) {
    let d = b.run(&["stats", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&d.stdout).expect("JSON");
    let n = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|k| k["kind"] == "article")
        .and_then(|k| k["count"].as_u64())
        .unwrap_or(0);
    (n, d.stderr)
}

const STALE_NOTE: &str = "note: the corpus has changed since";

/// An article edited in place, to the same size (no folder's time changes, and the
/// file's size does not either), is noticed: the answer is the edited one.
#[test]
fn an_article_edited_in_place_is_noticed() {
    let b = mini();
    b.run(&["stats"]).ok();
    let f = b.c.file("articles/2020-09-alpha-towns.toml");
    let size = std::fs::metadata(&f).unwrap().len();
    b.c.edit(
        "articles/2020-09-alpha-towns.toml",
        "Levelling up is a pencil sketch",
        "Levelling up is a crayon sketch",
    );
    assert_eq!(size, std::fs::metadata(&f).unwrap().len(), "same size");
    let d = b.run(&["show", "claim:alpha-2020-pencil-sketch"]).ok();
    assert!(d.stderr.contains(STALE_NOTE), "{}", d.stderr);
    assert!(d.stdout.contains("crayon sketch"), "{}", d.stdout);
}

/// An article the lexicon does not name (so that it can come and go): its text and
/// annotation written into `articles/` under `stem`.
fn write_note_article(c: &TempCorpus, stem: &str) {
    std::fs::write(
        c.file(&format!("articles/{stem}.txt")),
        "A short note, 3 March 2021.\n",
    )
    .unwrap();
    std::fs::write(
        c.file(&format!("articles/{stem}.toml")),
        "title = \"A short note\"\n\n[date]\nvalue = \"2021-03-03\"\nprovenance = \"stated\"\nevidence = \"3 March 2021\"\n",
    )
    .unwrap();
}

/// The mini corpus with a third article, `2021-03-gamma-note`, built.
fn mini_with_a_note() -> Built {
    let c = TempCorpus::of("mini");
    write_note_article(&c, "2021-03-gamma-note");
    build(c)
}

/// Build `c` into its output folder.
fn build(c: TempCorpus) -> Built {
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    Built { c }
}

/// An article added after the build is counted.
#[test]
fn an_added_article_is_noticed() {
    let b = build(TempCorpus::of("mini"));
    assert_eq!(articles_counted(&b), (2, String::new()));
    write_note_article(&b.c, "2021-03-gamma-note");
    let (n, stderr) = articles_counted(&b);
    assert_eq!(n, 3);
    assert!(stderr.contains(STALE_NOTE), "{stderr}");
}

/// An article deleted after the build is no longer counted.
#[test]
fn a_deleted_article_is_noticed() {
    let b = mini_with_a_note();
    assert_eq!(articles_counted(&b), (3, String::new()));
    for ext in ["txt", "toml"] {
        std::fs::remove_file(b.c.file(&format!("articles/2021-03-gamma-note.{ext}"))).unwrap();
    }
    let (n, stderr) = articles_counted(&b);
    assert_eq!(n, 2);
    assert!(stderr.contains(STALE_NOTE), "{stderr}");
}

/// An article renamed after the build answers under its new name only.
#[test]
fn a_renamed_article_is_noticed() {
    let b = mini_with_a_note();
    b.run(&["show", "article:2021-03-gamma-note"]).ok();
    for ext in ["txt", "toml"] {
        std::fs::rename(
            b.c.file(&format!("articles/2021-03-gamma-note.{ext}")),
            b.c.file(&format!("articles/2021-03-delta-note.{ext}")),
        )
        .unwrap();
    }
    let d = b.run(&["show", "article:2021-03-delta-note"]).ok();
    assert!(d.stderr.contains(STALE_NOTE), "{}", d.stderr);
    assert!(
        d.stdout.contains("(article:2021-03-delta-note)"),
        "{}",
        d.stdout
    );
    b.run(&["show", "article:2021-03-gamma-note"]).fails();
}

/// A query store written by another build of the same version (other sources, the
/// same crate version) answered as if this build had written it. Here the other
/// build's store holds a graph in which Securonomics is called "Other Build's Name":
/// the answer must be graph.json's, and the store is written anew by this build.
#[test]
fn a_store_written_by_another_build_of_the_same_version_was_used() {
    let b = mini();
    b.run(&["stats"]).ok();
    let store = b.c.out().join("graph.cache");
    let (mut header, _) =
        levelmap_store::Store::open(Box::new(std::fs::read(&store).unwrap()), |_| true)
            .expect("this build's store opens");
    let version = levelmap(["--version"]).ok().stdout;
    let this_build = version.trim().trim_start_matches("levelmap ");
    assert_eq!(
        header.writer, this_build,
        "the store names the build that wrote it"
    );
    let (ours, source) = this_build.split_once('+').expect("version+source digest");
    assert_eq!(source.len(), 16, "{this_build}");
    header.writer = format!("{ours}+0000000000000000");
    let json = std::fs::read_to_string(b.c.out().join("graph.json")).unwrap();
    let renamed = json.replace("\"Securonomics\"", "\"Other Build's Name\"");
    assert_ne!(renamed, json);
    let g = levelmap_model::json::from_json(&renamed, "graph.json").unwrap();
    let other = levelmap_store::encode(&header, &g).unwrap();
    let stamp = std::fs::metadata(b.c.out().join("graph.json"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::write(&store, other).unwrap();
    // The store's graph.json stamp is the real file's: only the writer differs.
    assert_eq!(
        std::fs::metadata(b.c.out().join("graph.json"))
            .unwrap()
            .modified()
            .unwrap(),
        stamp
    );
    let d = b.run(&["show", "policy:securonomics"]).ok();
    assert!(
        d.stdout.starts_with("Securonomics (policy:securonomics)"),
        "answered from the other build's store: {}",
        d.stdout
    );
    let (header, _) =
        levelmap_store::Store::open(Box::new(std::fs::read(&store).unwrap()), |_| true).unwrap();
    assert_eq!(header.writer, this_build, "written anew by this build");
}
