//! The query commands (show, neighbors, path, timeline, stance, search, stats) against
//! the mini fixture: answers, formats, JSON schemas, failures, staleness and pipes.

use std::process::{Command, Stdio};

use levelmap_query::neighbors::NeighborsAnswer;
use levelmap_query::path::PathAnswer;
use levelmap_query::search::SearchAnswer;
use levelmap_query::show::ShowAnswer;
use levelmap_query::stance::StanceAnswer;
use levelmap_query::stats::StatsAnswer;
use levelmap_query::timeline::{EntryKind, TimelineAnswer};

use crate::support::*;

/// A corpus copied to a temporary folder and built into `out/`.
pub struct Built {
    /// The corpus and its output.
    pub c: TempCorpus,
}

impl Built {
    /// Copy fixture `name` and build it.
    pub fn of(name: &str) -> Self {
        let c = TempCorpus::of(name);
        levelmap(["build", "--corpus"])
            .arg(c.path())
            .arg("--out")
            .arg(c.out())
            .ok();
        Built { c }
    }

    /// `levelmap ARGS --corpus … --out …`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut r = levelmap(args);
        r = r
            .arg("--corpus")
            .arg(self.c.path())
            .arg("--out")
            .arg(self.c.out());
        r
    }

    /// Run and parse the JSON answer.
    pub fn json<T: serde::de::DeserializeOwned>(&self, args: &[&str]) -> T {
        let d = self.run(args).arg("--format").arg("json").ok();
        assert!(d.stderr.is_empty(), "unexpected stderr: {}", d.stderr);
        serde_json::from_str(&d.stdout).unwrap_or_else(|e| panic!("{e}\n{}", d.stdout))
    }

    /// Run and return the JSON answer exactly as printed (for snapshots, which pin
    /// field order and formatting too).
    pub fn raw_json(&self, args: &[&str]) -> String {
        let d = self.run(args).arg("--format").arg("json").ok();
        serde_json::from_str::<serde_json::Value>(&d.stdout).expect("valid JSON");
        d.stdout
    }
}

fn mini() -> Built {
    Built::of("mini")
}

#[test]
fn show_prints_kind_names_dates_and_evidenced_edges() {
    let b = mini();
    let d = b.run(&["show", "Rachel Reeves"]).ok();
    assert!(
        d.stdout
            .starts_with("Rachel Reeves (actor:rachel-reeves)\n"),
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("aliases  Reeves"), "{}", d.stdout);
    assert!(d.stdout.contains("said (1)"), "{}", d.stdout);
    assert!(
        d.stdout
            .contains("“Devolution must go further, says Rachel Reeves.” — Labour and"),
        "{}",
        d.stdout
    );
    let a: ShowAnswer = b.json(&["show", "policy:levelling-up"]);
    assert_eq!(a.schema, "levelmap/show");
    assert_eq!(&*a.node.id, "policy:levelling-up");
    assert_eq!(a.first_seen.unwrap().to_string(), "2020-09");
    assert!(a
        .groups
        .iter()
        .all(|g| g.edges.iter().all(|e| !e.evidence.quote.is_empty())));
    let csv = b
        .run(&["show", "securonomics", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        csv.starts_with("node,edge,direction,phrase,other_id"),
        "{csv}"
    );
    assert!(
        csv.contains("policy:securonomics,proposes,in,proposed by,actor:labour-party"),
        "{csv}"
    );
}

#[test]
fn neighbors_with_depth_kind_edge_and_direction() {
    let b = mini();
    let a: NeighborsAnswer = b.json(&["neighbors", "reeves", "--depth", "2", "--kind", "policy"]);
    assert_eq!(a.schema, "levelmap/neighbors");
    let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_ref()).collect();
    assert!(ids.contains(&"policy:devolution"), "{ids:?}");
    assert!(a
        .neighbors
        .iter()
        .all(|n| n.via.len() == n.distance && n.via.iter().all(|h| !h.evidence.quote.is_empty())));
    let a: NeighborsAnswer = b.json(&[
        "neighbors",
        "securonomics",
        "--edge",
        "evolves-into",
        "--direction",
        "in",
    ]);
    let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_ref()).collect();
    assert_eq!(ids, ["policy:levelling-up"]);
    let t = b.run(&["neighbours", "securonomics"]).ok().stdout;
    assert!(t.contains("proposed by"), "{t}");
    let csv = b
        .run(&["neighbors", "securonomics", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.starts_with("center,distance,id,kind,label"), "{csv}");
}

#[test]
fn path_explains_every_hop_with_evidence() {
    let b = mini();
    let a: PathAnswer = b.json(&["path", "Conservative Party", "securonomics"]);
    assert_eq!(a.schema, "levelmap/path");
    assert!(a.connected);
    let p = &a.paths[0];
    assert_eq!(
        p.explanation,
        "Conservative Party, proposes, Levelling up, evolves into, Securonomics"
    );
    assert!(p.hops.iter().all(|h| !h.evidence.quote.is_empty()
        && !h.evidence.article.is_empty()
        && h.evidence.date.is_some()));
    let t = b.run(&["path", "tory", "labour"]).ok().stdout;
    assert!(t.contains("Conservative Party, proposes, Levelling up, evolves into, Securonomics, proposed by, Labour Party"), "{t}");
    let csv = b
        .run(&["path", "tory", "labour", "--format", "csv"])
        .ok()
        .stdout;
    assert_eq!(csv.lines().count(), 4, "header and three hops:\n{csv}");
}

#[test]
fn no_path_is_an_answer_not_an_error() {
    let b = mini();
    let d = b
        .run(&[
            "path",
            "Conservative Party",
            "Labour Party",
            "--edge",
            "authored",
        ])
        .ok();
    assert!(
        d.stdout.starts_with(
            "No connection between Conservative Party (actor:conservative-party) and Labour Party"
        ),
        "{}",
        d.stdout
    );
    let a: PathAnswer = b.json(&[
        "path",
        "Conservative Party",
        "Labour Party",
        "--avoid-kind",
        "policy",
    ]);
    assert!(!a.connected && a.paths.is_empty());
}

#[test]
fn timeline_of_a_policy_has_evidence_on_every_line() {
    let b = mini();
    let a: TimelineAnswer = b.json(&["timeline", "--about", "levelling up"]);
    assert_eq!(a.schema, "levelmap/timeline");
    assert!(!a.entries.is_empty());
    assert!(a
        .entries
        .iter()
        .all(|e| e.evidence.as_ref().is_some_and(|v| !v.quote.is_empty())));
    let dates: Vec<_> = a.entries.iter().map(|e| e.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "chronological");
    assert_eq!(
        a.entries[0].date.unwrap().to_string(),
        "2020-09",
        "month precision kept"
    );
    assert!(a
        .entries
        .iter()
        .any(|e| e.kind == EntryKind::Claim && e.stance.is_some()));

    let t = b.run(&["timeline"]).ok().stdout;
    let lines: Vec<&str> = t.lines().filter(|l| l.starts_with("20")).collect();
    assert!(
        lines[0].starts_with("2020-09 ")
            && lines[1].starts_with("2024-07-04")
            && lines[2].starts_with("2024-07-08"),
        "{t}"
    );
    let a: TimelineAnswer = b.json(&["timeline", "--actor", "Ann Alpha", "--to", "2020"]);
    assert!(a
        .entries
        .iter()
        .all(|e| e.date.unwrap().to_string().starts_with("2020")));
    let csv = b
        .run(&["timeline", "--about", "securonomics", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.starts_with("date,kind,who,who_ids,what,node"), "{csv}");
}

#[test]
fn stance_groups_actors_with_dated_evidence() {
    let b = mini();
    let a: StanceAnswer = b.json(&["stance", "levelling up"]);
    assert_eq!(a.schema, "levelmap/stance");
    assert_eq!(&*a.against[0].actor.id, "actor:ann-alpha");
    assert_eq!(&*a.for_[0].actor.id, "actor:conservative-party");
    let t = b.run(&["stance", "levelling up"]).ok().stdout;
    assert!(
        t.contains("For (1 actor)")
            && t.contains("Against (1 actor)")
            && t.contains("Mixed (1 actor)"),
        "{t}"
    );
    let csv = b
        .run(&["stance", "levelling up", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        csv.contains("policy:levelling-up,against,actor:ann-alpha,Ann Alpha,2020-09,against,claim"),
        "{csv}"
    );
    let d = b.run(&["stance", "Rachel Reeves"]).fails();
    assert!(
        d.stderr
            .contains("actor:rachel-reeves is an actor, not a policy"),
        "{}",
        d.stderr
    );
}

#[test]
fn search_ranks_and_says_why() {
    let b = mini();
    let a: SearchAnswer = b.json(&["search", "devolution", "towns"]);
    assert_eq!(a.schema, "levelmap/search");
    assert_eq!(a.terms, ["devolution", "town"]);
    assert_eq!(
        &*a.hits[0].node.id, "policy:devolution",
        "a name counts most: {:#?}",
        a.hits[0]
    );
    assert!(a
        .hits
        .iter()
        .any(|h| &*h.node.id == "claim:alpha-2020-devolve-to-towns"));
    let a: SearchAnswer = b.json(&["search", "a pencil sketch"]);
    assert_eq!(&*a.hits[0].node.id, "claim:alpha-2020-pencil-sketch");
    assert!(a.hits.iter().all(|h| !h.why.is_empty()));
    let t = b
        .run(&["search", "instability"])
        .env("COLUMNS", "200")
        .ok()
        .stdout;
    assert!(
        t.contains("quote [instability]: levelling up was undermined by government instability"),
        "{t}"
    );
    let d = b.run(&["search", "the"]).fails();
    assert!(
        d.stderr.contains("nothing to search for in 'the'"),
        "{}",
        d.stderr
    );
}

#[test]
fn stats_counts_and_ranks() {
    let b = mini();
    let a: StatsAnswer = b.json(&["stats", "--top", "3"]);
    assert_eq!(a.schema, "levelmap/stats");
    assert_eq!(
        a.nodes
            .iter()
            .find(|c| c.kind == levelmap_model::NodeKind::Article)
            .unwrap()
            .count,
        2
    );
    assert_eq!(a.most_connected.len(), 3);
    assert_eq!(&*a.most_contested[0].policy.id, "policy:levelling-up");
    let t = b.run(&["stats"]).ok().stdout;
    assert!(
        t.lines()
            .any(|l| l.starts_with("  dates ") && l.ends_with(" 2020-09 to 2024-07-08")),
        "{t}"
    );
    let csv = b.run(&["stats", "--format", "csv"]).ok().stdout;
    assert!(csv.contains("nodes,article,,count,2"), "{csv}");
}

#[test]
fn json_answers_are_pinned() {
    let b = mini();
    insta::assert_snapshot!("show", b.raw_json(&["show", "securonomics"]));
    insta::assert_snapshot!(
        "neighbors",
        b.raw_json(&["neighbors", "Rachel Reeves", "--depth", "2"])
    );
    insta::assert_snapshot!(
        "path",
        b.raw_json(&["path", "Conservative Party", "Labour Party"])
    );
    insta::assert_snapshot!(
        "timeline",
        b.raw_json(&["timeline", "--about", "policy:levelling-up"])
    );
    insta::assert_snapshot!("stance", b.raw_json(&["stance", "policy:levelling-up"]));
    insta::assert_snapshot!("search", b.raw_json(&["search", "securonomics"]));
    insta::assert_snapshot!("stats", b.raw_json(&["stats", "--top", "3"]));
}

#[test]
fn unknown_node_suggests_the_closest() {
    let b = mini();
    let d = b.run(&["show", "Rachel Reves"]).fails();
    assert!(
        d.stderr
            .contains("no node 'Rachel Reves'; did you mean actor:rachel-reeves (Rachel Reeves)?"),
        "{}",
        d.stderr
    );
    let d = b
        .run(&["path", "Conservative Party", "securonomix"])
        .fails();
    assert!(
        d.stderr
            .contains("did you mean policy:securonomics (Securonomics)?"),
        "{}",
        d.stderr
    );
}

#[test]
fn ambiguous_node_lists_candidates_with_kinds() {
    let c = TempCorpus::of("mini");
    c.edit(
        "lexicon/actors.toml",
        "name = \"Bob Beta\"",
        "name = \"Bob Beta\"\naliases = [\"Reeves\"]",
    );
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    let d = levelmap(["show", "reeves", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .fails();
    assert!(
        d.stderr.contains("'reeves' is ambiguous: it could be actor:bob-beta (Bob Beta, actor), actor:rachel-reeves (Rachel Reeves, actor); give the id instead"),
        "{}",
        d.stderr
    );
}

#[test]
fn malformed_dates_and_bad_counts_are_refused() {
    let b = mini();
    let d = b.run(&["timeline", "--from", "2021-13"]).fails();
    assert!(
        d.stderr.contains("--from: '2021-13' has no month 13"),
        "{}",
        d.stderr
    );
    let d = b.run(&["timeline", "--to", "Sept 2021"]).fails();
    assert!(
        d.stderr
            .contains("--to: 'Sept 2021' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
        "{}",
        d.stderr
    );
    let d = b
        .run(&["timeline", "--from", "2024", "--to", "2021"])
        .fails();
    assert!(
        d.stderr.contains("--from 2024 is after --to 2021"),
        "{}",
        d.stderr
    );
    let d = b
        .run(&["neighbors", "securonomics", "--depth", "0"])
        .fails();
    assert!(
        d.stderr.contains("--depth must be at least 1 (got 0)"),
        "{}",
        d.stderr
    );
    let d = b.run(&["path", "a", "b", "--max", "0"]).fails();
    assert!(
        d.stderr.contains("--max must be at least 1"),
        "{}",
        d.stderr
    );
    let d = b
        .run(&["neighbors", "securonomics", "--edge", "likes"])
        .fails();
    assert!(d.stderr.contains("'likes' is not one of"), "{}", d.stderr);
}

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

#[test]
fn colour_only_on_request_and_never_with_no_color() {
    let b = mini();
    let plain = b.run(&["stance", "levelling up"]).ok().stdout;
    assert!(!plain.contains('\x1b'));
    let forced = b
        .run(&["stance", "levelling up"])
        .env("NO_COLOR", "")
        .env("CLICOLOR_FORCE", "1")
        .ok()
        .stdout;
    assert!(forced.contains("\x1b["), "{forced}");
    let refused = b
        .run(&["stance", "levelling up"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .ok()
        .stdout;
    assert!(!refused.contains('\x1b'));
}

#[test]
fn long_text_wraps_to_columns() {
    let b = mini();
    for width in ["60", "140"] {
        let t = b
            .run(&["timeline", "--about", "levelling up"])
            .env("COLUMNS", width)
            .ok()
            .stdout;
        let max = t.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            max <= width.parse().unwrap(),
            "width {width}: a line of {max}\n{t}"
        );
    }
}

#[test]
fn dot_and_svg_write_the_answers_subgraph() {
    let b = mini();
    let dot = b.c.dir.path().join("path.dot");
    let svg = b.c.dir.path().join("path.svg");
    b.run(&["path", "tory", "labour"])
        .arg("--dot")
        .arg(&dot)
        .arg("--svg")
        .arg(&svg)
        .ok();
    for f in [&dot, &svg] {
        let s = std::fs::read_to_string(f).unwrap();
        for id in [
            "actor:conservative-party",
            "policy:levelling-up",
            "policy:securonomics",
            "actor:labour-party",
        ] {
            assert!(s.contains(id), "{} lacks {id}", f.display());
        }
        assert!(!s.contains("actor:ann-alpha"), "only the answer's nodes");
    }
    assert!(
        std::fs::read_to_string(&dot)
            .unwrap()
            .starts_with("digraph"),
        "a DOT drawing, not JSON"
    );
    let svg_text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg_text.contains("<svg") && svg_text.contains("<title>"),
        "an SVG drawing with tooltips"
    );
    let mut reader = quick_xml::Reader::from_str(&svg_text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed: {e}"),
        }
    }
    if let Ok(out) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .output()
    {
        assert!(
            out.status.success(),
            "graphviz refused the answer's DOT: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    let b = mini();
    let mut child = Command::new(env!("CARGO_BIN_EXE_levelmap"))
        .args(["timeline", "--corpus"])
        .arg(b.c.path())
        .arg("--out")
        .arg(b.c.out())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// Split an example line as a shell would (single and double quotes only).
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut cur, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            (_, c) => {
                cur.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(cur);
    }
    words
}

#[test]
fn every_query_command_has_a_real_example_in_its_help() {
    let out = tempfile::tempdir().unwrap();
    levelmap(["build", "--corpus"])
        .arg(corpus())
        .arg("--out")
        .arg(out.path())
        .ok();
    for cmd in [
        "show",
        "neighbors",
        "path",
        "timeline",
        "stance",
        "search",
        "stats",
    ] {
        let d = levelmap([cmd, "--help"]).ok();
        let examples: Vec<&str> = d
            .stdout
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("Example: levelmap "))
            .collect();
        assert!(
            !examples.is_empty(),
            "{cmd} --help has no example:\n{}",
            d.stdout
        );
        for example in examples {
            let words = shell_words(example);
            assert_eq!(words[0], cmd, "{example}");
            // Each example answers something real on the bundled corpus.
            let run = levelmap(&words)
                .arg("--corpus")
                .arg(corpus())
                .arg("--out")
                .arg(out.path())
                .ok();
            assert!(run.stderr.is_empty(), "{example}: {}", run.stderr);
            for empty in [
                "Nothing in this period",
                "No connection",
                "No matches",
                "0 neighbours",
            ] {
                assert!(
                    !run.stdout.contains(empty),
                    "{example} answers nothing:\n{}",
                    run.stdout
                );
            }
        }
    }
}

// ---- The bundled corpus (graph/) ---------------------------------------------------

/// The bundled corpus, built into a temporary folder.
struct Bundled {
    out: tempfile::TempDir,
}

impl Bundled {
    fn new() -> Self {
        let out = tempfile::tempdir().unwrap();
        levelmap(["build", "--corpus"])
            .arg(corpus())
            .arg("--out")
            .arg(out.path())
            .ok();
        Bundled { out }
    }

    fn run(&self, args: &[&str]) -> Run {
        levelmap(args)
            .arg("--corpus")
            .arg(corpus())
            .arg("--out")
            .arg(self.out.path())
    }

    fn json<T: serde::de::DeserializeOwned>(&self, args: &[&str]) -> T {
        let d = self.run(args).arg("--format").arg("json").ok();
        assert!(d.stderr.is_empty(), "unexpected stderr: {}", d.stderr);
        serde_json::from_str(&d.stdout).unwrap_or_else(|e| panic!("{e}\n{}", d.stdout))
    }
}

/// The text of a bundled article, normalised as quotes are matched.
fn article_text(article_id: &str) -> String {
    let stem = article_id.strip_prefix("article:").unwrap();
    let text =
        std::fs::read_to_string(corpus().join("articles").join(format!("{stem}.txt"))).unwrap();
    levelmap_model::evidence::normalise(&text)
}

fn quoted_in_article(e: &levelmap_query::EvidenceRef) -> bool {
    !e.quote.is_empty()
        && e.date.is_some()
        && !e.title.is_empty()
        && article_text(&e.article).contains(&levelmap_model::evidence::normalise(&e.quote))
}

#[test]
fn bundled_path_from_the_conservatives_to_securonomics_is_evidenced_hop_by_hop() {
    let b = Bundled::new();
    let a: PathAnswer = b.json(&["path", "Conservative Party", "securonomics"]);
    assert!(a.connected);
    assert_eq!(&*a.to.id, "policy:securonomics");
    for p in &a.paths {
        assert!(
            p.explanation.starts_with("Conservative Party, "),
            "{}",
            p.explanation
        );
        assert!(
            p.explanation.ends_with(", Securonomics"),
            "{}",
            p.explanation
        );
        for h in &p.hops {
            assert!(
                quoted_in_article(&h.evidence),
                "hop without evidence from its article: {h:#?}"
            );
        }
    }
    let t = b
        .run(&["path", "Conservative Party", "Labour Party", "--max", "5"])
        .env("COLUMNS", "200")
        .ok()
        .stdout;
    assert!(
        t.contains("Conservative Party, proposes, Levelling up, "),
        "{t}"
    );
}

#[test]
fn bundled_stance_on_the_lifetime_skills_guarantee() {
    // "Who argued against the Lifetime Skills Guarantee, and when?"
    let b = Bundled::new();
    let a: StanceAnswer = b.json(&["stance", "Lifetime Skills Guarantee"]);
    assert_eq!(&*a.policy.id, "policy:lifetime-skills-guarantee");
    let critics: Vec<&str> = a
        .against
        .iter()
        .chain(&a.mixed)
        .map(|s| s.actor.id.as_ref())
        .collect();
    assert!(
        critics.contains(&"actor:david-bailey") && critics.contains(&"actor:philip-tomlinson"),
        "{critics:?}"
    );
    for group in [&a.for_, &a.against, &a.mixed, &a.neutral] {
        for actor in group {
            assert!(actor.first.is_some());
            assert!(actor
                .statements
                .iter()
                .all(|s| quoted_in_article(&s.evidence)));
        }
    }
    let csv = b
        .run(&["stance", "Lifetime Skills Guarantee", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        csv.lines()
            .any(|l| l.contains("actor:david-bailey") && l.contains(",2021-09,against,")),
        "{csv}"
    );
}

#[test]
fn bundled_timeline_of_levelling_up() {
    let b = Bundled::new();
    let a: TimelineAnswer = b.json(&["timeline", "--about", "levelling up"]);
    assert_eq!(&*a.about.as_ref().unwrap().id, "policy:levelling-up");
    assert!(a.entries.len() > 20, "{}", a.entries.len());
    let dates: Vec<_> = a.entries.iter().map(|e| e.date.unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "chronological");
    assert_eq!(dates[0].to_string(), "2020-09", "month precision kept");
    assert!(
        a.entries
            .iter()
            .all(|e| e.evidence.as_ref().is_some_and(quoted_in_article)),
        "evidence on every line"
    );
    assert!(a
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Claim)
        .all(|e| e.stance.is_some() && !e.who.is_empty()));
    let years: Vec<i16> = a.years.iter().map(|y| y.year).collect();
    assert!(years.contains(&2020) && years.contains(&2024), "{years:?}");

    let all: TimelineAnswer = b.json(&["timeline"]);
    assert_eq!(
        all.entries
            .iter()
            .filter(|e| e.kind == EntryKind::Article)
            .count(),
        5
    );
    assert_eq!(
        all.entries[0].date.unwrap().to_string(),
        "2016-06-23",
        "the EU referendum comes first"
    );
    let reeves: TimelineAnswer =
        b.json(&["timeline", "--actor", "Rachel Reeves", "--from", "2024"]);
    assert!(!reeves.entries.is_empty());
}

#[test]
fn bundled_search_for_skills_finds_the_work_foundation() {
    // "What did the Work Foundation say about skills?"
    let b = Bundled::new();
    let a: SearchAnswer = b.json(&["search", "skills", "--limit", "30"]);
    let wf: Vec<&levelmap_query::search::Hit> = a
        .hits
        .iter()
        .filter(|h| h.speakers.iter().any(|s| &*s.id == "actor:work-foundation"))
        .collect();
    assert!(wf.len() >= 2, "{:#?}", a.hits);
    assert!(wf
        .iter()
        .all(|h| h.why.iter().any(|w| w.terms == ["skill"])));
    let a: SearchAnswer = b.json(&["search", "Work", "Foundation", "skills", "--kind", "claim"]);
    assert!(
        a.hits[0]
            .speakers
            .iter()
            .any(|s| &*s.id == "actor:work-foundation"),
        "{:#?}",
        a.hits[0]
    );
}

#[test]
fn bundled_show_neighbors_and_stats() {
    let b = Bundled::new();
    let a: ShowAnswer = b.json(&["show", "Rachel Reeves"]);
    assert_eq!(&*a.node.id, "actor:rachel-reeves");
    assert!(a
        .groups
        .iter()
        .all(|g| g.edges.iter().all(|e| quoted_in_article(&e.evidence))));
    let n: NeighborsAnswer = b.json(&["neighbors", "securonomics", "--direction", "in"]);
    assert!(
        n.neighbors
            .iter()
            .any(|x| &*x.node.id == "actor:labour-party"),
        "{:?}",
        n.neighbors
    );
    let s: StatsAnswer = b.json(&["stats"]);
    let check = levelmap(["check", "--corpus"]).arg(corpus()).ok().stdout;
    for c in &s.nodes {
        assert!(
            check.contains(&format!("{:<14} {:>5}", c.kind.plural(), c.count)),
            "{} {}\n{check}",
            c.kind,
            c.count
        );
    }
    let span = s.span.unwrap();
    assert!(
        check.contains(&format!("dates          {} to {}", span.first, span.last)),
        "{check}"
    );
    assert!(!s.most_contested.is_empty());
}

#[test]
fn bundled_every_command_prints_table_json_and_csv() {
    let b = Bundled::new();
    let commands: [&[&str]; 7] = [
        &["show", "securonomics"],
        &["neighbors", "Work Foundation"],
        &["path", "Tory", "Labour"],
        &["timeline", "--about", "devolution"],
        &["stance", "devolution"],
        &["search", "industrial strategy"],
        &["stats"],
    ];
    for args in commands {
        for format in ["table", "json", "csv"] {
            let d = b.run(args).arg("--format").arg(format).ok();
            assert!(
                d.stderr.is_empty() && !d.stdout.is_empty(),
                "{args:?} {format}: {}",
                d.stderr
            );
        }
    }
}

/// Queries read only the edges they need from the cache and fill in only the
/// evidence they show; the answers must be those of the whole graph.
#[test]
fn answers_from_the_cache_equal_answers_from_the_whole_graph() {
    let b = Bundled::new();
    let cache = b.out.path().join("graph.cache");
    let commands: Vec<Vec<&str>> = vec![
        vec!["show", "Rachel Reeves"],
        vec!["show", "policy:levelling-up", "--limit", "0"],
        vec!["show", "claim:workfoundation-2022-capital-not-skills"],
        vec!["neighbors", "securonomics", "--depth", "2"],
        vec![
            "neighbors",
            "Work Foundation",
            "--edge",
            "about",
            "--edge",
            "attributed-to",
        ],
        vec!["path", "Conservative Party", "securonomics", "--max", "10"],
        vec![
            "path",
            "Conservative Party",
            "Rachel Reeves",
            "--edge",
            "mentions",
            "--edge",
            "authored",
        ],
        vec!["timeline"],
        vec!["timeline", "--about", "levelling up"],
        vec!["timeline", "--actor", "Work Foundation"],
        vec!["timeline", "--about", "event:covid-19-pandemic"],
        vec![
            "timeline",
            "--about",
            "securonomics",
            "--actor",
            "Labour Party",
        ],
        vec!["stance", "levelling up"],
        vec!["search", "skills"],
        vec!["search", "Work", "Foundation", "job", "quality"],
        vec!["stats"],
    ];
    let pictures = b.out.path().join("pictures");
    for (k, args) in commands.iter().enumerate() {
        std::fs::remove_file(&cache).unwrap();
        let whole_dot = pictures.join(format!("{k}-whole.dot"));
        let cached_dot = pictures.join(format!("{k}-cached.dot"));
        let whole = b
            .run(args)
            .arg("--format")
            .arg("json")
            .arg("--dot")
            .arg(&whole_dot)
            .ok();
        assert!(cache.exists(), "the first query writes the cache");
        let cached = b.run(args).arg("--format").arg("json").ok();
        assert_eq!(whole.stdout, cached.stdout, "{args:?}");
        assert!(
            !cached.stdout.contains("\"quote\": \"\""),
            "{args:?}: an empty quote"
        );
        // The answer's picture too: every edge between its nodes, with evidence.
        b.run(args).arg("--dot").arg(&cached_dot).ok();
        assert_eq!(
            std::fs::read(&whole_dot).unwrap(),
            std::fs::read(&cached_dot).unwrap(),
            "{args:?}: the pictures differ"
        );
    }
}
