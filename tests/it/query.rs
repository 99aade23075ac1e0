//! The query commands (show, neighbors, path, timeline, stance, search, stats): the
//! harness the query tests share (a fixture corpus copied and built), the pinned JSON
//! answers, and one module per theme:
//!
//! - [`answers`]: each command's answer on the mini fixture, in every format;
//! - [`failures`]: unknown and ambiguous names, malformed dates and counts;
//! - [`staleness`]: answers when the corpus changed, the build is missing or the
//!   query store is damaged;
//! - [`output`]: colour, wrapping, DOT and SVG pictures, broken pipes;
//! - [`help`]: every command's help has an example that answers something;
//! - [`bundled`]: questions about the bundled corpus, and the store against the graph;
//! - [`damage`]: a damaged query store never gives a wrong answer.
//!
//! (The pinned answers stay in this file: their snapshots are named after it.)

use crate::support::*;

mod answers;
mod bundled;
mod damage;
mod failures;
mod help;
mod output;
mod staleness;

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
