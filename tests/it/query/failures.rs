//! Queries that are refused: unknown names (with the closest suggested), ambiguous
//! names (with the candidates), malformed dates and bad counts.

use super::mini;
use crate::support::*;

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
