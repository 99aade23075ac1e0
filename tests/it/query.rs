//! The query commands (show, neighbors, path, timeline, stance, search, stats) against
//! the mini fixture: answers, formats, JSON schemas, failures, staleness and pipes.

use std::process::{Command, Stdio};

use levelmap::query::neighbors::NeighborsAnswer;
use levelmap::query::path::PathAnswer;
use levelmap::query::search::SearchAnswer;
use levelmap::query::show::ShowAnswer;
use levelmap::query::stance::StanceAnswer;
use levelmap::query::stats::StatsAnswer;
use levelmap::query::timeline::{EntryKind, TimelineAnswer};

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
        levelmap(["build", "--corpus"]).arg(c.path()).arg("--out").arg(c.out()).ok();
        Built { c }
    }

    /// `levelmap ARGS --corpus … --out …`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut r = levelmap(args);
        r = r.arg("--corpus").arg(self.c.path()).arg("--out").arg(self.c.out());
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
    assert!(d.stdout.starts_with("Rachel Reeves (actor:rachel-reeves)\n"), "{}", d.stdout);
    assert!(d.stdout.contains("aliases  Reeves"), "{}", d.stdout);
    assert!(d.stdout.contains("said (1)"), "{}", d.stdout);
    assert!(d.stdout.contains("“Devolution must go further, says Rachel Reeves.” — Labour and"), "{}", d.stdout);
    let a: ShowAnswer = b.json(&["show", "policy:levelling-up"]);
    assert_eq!(a.schema, "levelmap/show");
    assert_eq!(a.node.id, "policy:levelling-up");
    assert_eq!(a.first_seen.unwrap().to_string(), "2020-09");
    assert!(a.groups.iter().all(|g| g.edges.iter().all(|e| !e.evidence.quote.is_empty())));
    let csv = b.run(&["show", "securonomics", "--format", "csv"]).ok().stdout;
    assert!(csv.starts_with("node,edge,direction,phrase,other_id"), "{csv}");
    assert!(csv.contains("policy:securonomics,proposes,in,proposed by,actor:labour-party"), "{csv}");
}

#[test]
fn neighbors_with_depth_kind_edge_and_direction() {
    let b = mini();
    let a: NeighborsAnswer = b.json(&["neighbors", "reeves", "--depth", "2", "--kind", "policy"]);
    assert_eq!(a.schema, "levelmap/neighbors");
    let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_str()).collect();
    assert!(ids.contains(&"policy:devolution"), "{ids:?}");
    assert!(a.neighbors.iter().all(|n| n.via.len() == n.distance && n.via.iter().all(|h| !h.evidence.quote.is_empty())));
    let a: NeighborsAnswer = b.json(&["neighbors", "securonomics", "--edge", "evolves-into", "--direction", "in"]);
    let ids: Vec<&str> = a.neighbors.iter().map(|n| n.node.id.as_str()).collect();
    assert_eq!(ids, ["policy:levelling-up"]);
    let t = b.run(&["neighbours", "securonomics"]).ok().stdout;
    assert!(t.contains("proposed by"), "{t}");
    let csv = b.run(&["neighbors", "securonomics", "--format", "csv"]).ok().stdout;
    assert!(csv.starts_with("center,distance,id,kind,label"), "{csv}");
}

#[test]
fn path_explains_every_hop_with_evidence() {
    let b = mini();
    let a: PathAnswer = b.json(&["path", "Conservative Party", "securonomics"]);
    assert_eq!(a.schema, "levelmap/path");
    assert!(a.connected);
    let p = &a.paths[0];
    assert_eq!(p.explanation, "Conservative Party, proposes, Levelling up, evolves into, Securonomics");
    assert!(p.hops.iter().all(|h| !h.evidence.quote.is_empty() && !h.evidence.article.is_empty() && h.evidence.date.is_some()));
    let t = b.run(&["path", "tory", "labour"]).ok().stdout;
    assert!(t.contains("Conservative Party, proposes, Levelling up, evolves into, Securonomics, proposed by, Labour Party"), "{t}");
    let csv = b.run(&["path", "tory", "labour", "--format", "csv"]).ok().stdout;
    assert_eq!(csv.lines().count(), 4, "header and three hops:\n{csv}");
}

#[test]
fn no_path_is_an_answer_not_an_error() {
    let b = mini();
    let d = b.run(&["path", "Conservative Party", "Labour Party", "--edge", "authored"]).ok();
    assert!(d.stdout.starts_with("No connection between Conservative Party (actor:conservative-party) and Labour Party"), "{}", d.stdout);
    let a: PathAnswer = b.json(&["path", "Conservative Party", "Labour Party", "--avoid-kind", "policy"]);
    assert!(!a.connected && a.paths.is_empty());
}

#[test]
fn timeline_of_a_policy_has_evidence_on_every_line() {
    let b = mini();
    let a: TimelineAnswer = b.json(&["timeline", "--about", "levelling up"]);
    assert_eq!(a.schema, "levelmap/timeline");
    assert!(!a.entries.is_empty());
    assert!(a.entries.iter().all(|e| e.evidence.as_ref().is_some_and(|v| !v.quote.is_empty())));
    let dates: Vec<_> = a.entries.iter().map(|e| e.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "chronological");
    assert_eq!(a.entries[0].date.unwrap().to_string(), "2020-09", "month precision kept");
    assert!(a.entries.iter().any(|e| e.kind == EntryKind::Claim && e.stance.is_some()));

    let t = b.run(&["timeline"]).ok().stdout;
    let lines: Vec<&str> = t.lines().filter(|l| l.starts_with("20")).collect();
    assert!(lines[0].starts_with("2020-09 ") && lines[1].starts_with("2024-07-04") && lines[2].starts_with("2024-07-08"), "{t}");
    let a: TimelineAnswer = b.json(&["timeline", "--actor", "Ann Alpha", "--to", "2020"]);
    assert!(a.entries.iter().all(|e| e.date.unwrap().to_string().starts_with("2020")));
    let csv = b.run(&["timeline", "--about", "securonomics", "--format", "csv"]).ok().stdout;
    assert!(csv.starts_with("date,kind,who,who_ids,what,node"), "{csv}");
}

#[test]
fn stance_groups_actors_with_dated_evidence() {
    let b = mini();
    let a: StanceAnswer = b.json(&["stance", "levelling up"]);
    assert_eq!(a.schema, "levelmap/stance");
    assert_eq!(a.against[0].actor.id, "actor:ann-alpha");
    assert_eq!(a.for_[0].actor.id, "actor:conservative-party");
    let t = b.run(&["stance", "levelling up"]).ok().stdout;
    assert!(t.contains("For (1 actor)") && t.contains("Against (1 actor)") && t.contains("Mixed (1 actor)"), "{t}");
    let csv = b.run(&["stance", "levelling up", "--format", "csv"]).ok().stdout;
    assert!(csv.contains("policy:levelling-up,against,actor:ann-alpha,Ann Alpha,2020-09,against,claim"), "{csv}");
    let d = b.run(&["stance", "Rachel Reeves"]).fails();
    assert!(d.stderr.contains("actor:rachel-reeves is an actor, not a policy"), "{}", d.stderr);
}

#[test]
fn search_ranks_and_says_why() {
    let b = mini();
    let a: SearchAnswer = b.json(&["search", "devolution", "towns"]);
    assert_eq!(a.schema, "levelmap/search");
    assert_eq!(a.terms, ["devolution", "town"]);
    assert_eq!(a.hits[0].node.id, "policy:devolution", "a name counts most: {:#?}", a.hits[0]);
    assert!(a.hits.iter().any(|h| h.node.id == "claim:alpha-2020-devolve-to-towns"));
    let a: SearchAnswer = b.json(&["search", "a pencil sketch"]);
    assert_eq!(a.hits[0].node.id, "claim:alpha-2020-pencil-sketch");
    assert!(a.hits.iter().all(|h| !h.why.is_empty()));
    let t = b.run(&["search", "instability"]).env("COLUMNS", "200").ok().stdout;
    assert!(t.contains("quote [instability]: levelling up was undermined by government instability"), "{t}");
    let d = b.run(&["search", "the"]).fails();
    assert!(d.stderr.contains("nothing to search for in 'the'"), "{}", d.stderr);
}

#[test]
fn stats_counts_and_ranks() {
    let b = mini();
    let a: StatsAnswer = b.json(&["stats", "--top", "3"]);
    assert_eq!(a.schema, "levelmap/stats");
    assert_eq!(a.nodes.iter().find(|c| c.kind == levelmap::model::NodeKind::Article).unwrap().count, 2);
    assert_eq!(a.most_connected.len(), 3);
    assert_eq!(a.most_contested[0].policy.id, "policy:levelling-up");
    let t = b.run(&["stats"]).ok().stdout;
    assert!(t.lines().any(|l| l.starts_with("  dates ") && l.ends_with(" 2020-09 to 2024-07-08")), "{t}");
    let csv = b.run(&["stats", "--format", "csv"]).ok().stdout;
    assert!(csv.contains("nodes,article,,count,2"), "{csv}");
}

#[test]
fn json_answers_are_pinned() {
    let b = mini();
    insta::assert_snapshot!("show", b.raw_json(&["show", "securonomics"]));
    insta::assert_snapshot!("neighbors", b.raw_json(&["neighbors", "Rachel Reeves", "--depth", "2"]));
    insta::assert_snapshot!("path", b.raw_json(&["path", "Conservative Party", "Labour Party"]));
    insta::assert_snapshot!("timeline", b.raw_json(&["timeline", "--about", "policy:levelling-up"]));
    insta::assert_snapshot!("stance", b.raw_json(&["stance", "policy:levelling-up"]));
    insta::assert_snapshot!("search", b.raw_json(&["search", "securonomics"]));
    insta::assert_snapshot!("stats", b.raw_json(&["stats", "--top", "3"]));
}

#[test]
fn unknown_node_suggests_the_closest() {
    let b = mini();
    let d = b.run(&["show", "Rachel Reves"]).fails();
    assert!(d.stderr.contains("no node 'Rachel Reves'; did you mean actor:rachel-reeves (Rachel Reeves)?"), "{}", d.stderr);
    let d = b.run(&["path", "Conservative Party", "securonomix"]).fails();
    assert!(d.stderr.contains("did you mean policy:securonomics (Securonomics)?"), "{}", d.stderr);
}

#[test]
fn ambiguous_node_lists_candidates_with_kinds() {
    let c = TempCorpus::of("mini");
    c.edit("lexicon/actors.toml", "name = \"Bob Beta\"", "name = \"Bob Beta\"\naliases = [\"Reeves\"]");
    levelmap(["build", "--corpus"]).arg(c.path()).arg("--out").arg(c.out()).ok();
    let d = levelmap(["show", "reeves", "--corpus"]).arg(c.path()).arg("--out").arg(c.out()).fails();
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
    assert!(d.stderr.contains("--from: '2021-13' has no month 13"), "{}", d.stderr);
    let d = b.run(&["timeline", "--to", "Sept 2021"]).fails();
    assert!(d.stderr.contains("--to: 'Sept 2021' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"), "{}", d.stderr);
    let d = b.run(&["timeline", "--from", "2024", "--to", "2021"]).fails();
    assert!(d.stderr.contains("--from 2024 is after --to 2021"), "{}", d.stderr);
    let d = b.run(&["neighbors", "securonomics", "--depth", "0"]).fails();
    assert!(d.stderr.contains("--depth must be at least 1 (got 0)"), "{}", d.stderr);
    let d = b.run(&["path", "a", "b", "--max", "0"]).fails();
    assert!(d.stderr.contains("--max must be at least 1"), "{}", d.stderr);
    let d = b.run(&["neighbors", "securonomics", "--edge", "likes"]).fails();
    assert!(d.stderr.contains("'likes' is not one of"), "{}", d.stderr);
}

#[test]
fn stale_build_is_rebuilt_with_a_note() {
    let b = mini();
    // Warm the cache, then change the corpus.
    b.run(&["stats"]).ok();
    b.c.edit("lexicon/policies.toml", "name = \"Securonomics\"", "name = \"Securonomics Agenda\"");
    let d = b.run(&["show", "policy:securonomics"]).ok();
    assert!(d.stderr.contains("note: the corpus has changed since"), "{}", d.stderr);
    assert!(d.stdout.starts_with("Securonomics Agenda (policy:securonomics)"), "the answer is fresh: {}", d.stdout);
    // Rebuilt: no more note.
    levelmap(["build", "--corpus"]).arg(b.c.path()).arg("--out").arg(b.c.out()).ok();
    let d = b.run(&["show", "policy:securonomics"]).ok();
    assert!(d.stderr.is_empty(), "{}", d.stderr);
    assert!(d.stdout.starts_with("Securonomics Agenda"), "{}", d.stdout);
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
    let d = levelmap(["stance", "securonomics", "--corpus"]).arg(c.path()).arg("--out").arg(c.out()).ok();
    assert!(d.stderr.contains("graph.json does not exist; answering from the corpus"), "{}", d.stderr);
    assert!(d.stdout.contains("Stances on Securonomics"), "{}", d.stdout);
    let d = levelmap(["stats", "--corpus", "/nonexistent/corpus", "--out", "/nonexistent/out"]).fails();
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
    let forced = b.run(&["stance", "levelling up"]).env("NO_COLOR", "").env("CLICOLOR_FORCE", "1").ok().stdout;
    assert!(forced.contains("\x1b["), "{forced}");
    let refused = b.run(&["stance", "levelling up"]).env("NO_COLOR", "1").env("CLICOLOR_FORCE", "1").ok().stdout;
    assert!(!refused.contains('\x1b'));
}

#[test]
fn long_text_wraps_to_columns() {
    let b = mini();
    for width in ["60", "140"] {
        let t = b.run(&["timeline", "--about", "levelling up"]).env("COLUMNS", width).ok().stdout;
        let max = t.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(max <= width.parse().unwrap(), "width {width}: a line of {max}\n{t}");
    }
}

#[test]
fn dot_and_svg_write_the_answers_subgraph() {
    let b = mini();
    let dot = b.c.dir.path().join("path.dot");
    let svg = b.c.dir.path().join("path.svg");
    b.run(&["path", "tory", "labour"]).arg("--dot").arg(&dot).arg("--svg").arg(&svg).ok();
    for f in [&dot, &svg] {
        let s = std::fs::read_to_string(f).unwrap();
        for id in ["actor:conservative-party", "policy:levelling-up", "policy:securonomics", "actor:labour-party"] {
            assert!(s.contains(id), "{} lacks {id}", f.display());
        }
        assert!(!s.contains("actor:ann-alpha"), "only the answer's nodes");
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

#[test]
fn every_query_command_has_a_real_example_in_its_help() {
    for cmd in ["show", "neighbors", "path", "timeline", "stance", "search", "stats"] {
        let d = levelmap([cmd, "--help"]).ok();
        let example = d.stdout.lines().find(|l| l.trim_start().starts_with("Example: levelmap ")).unwrap_or_else(|| panic!("{cmd}: {}", d.stdout));
        assert!(example.contains(&format!("levelmap {cmd}")), "{example}");
    }
}
