//! Each query command's answer on the mini fixture: what it says, with its
//! evidence, as a table, JSON and CSV.

use levelmap_query::neighbors::NeighborsAnswer;
use levelmap_query::path::PathAnswer;
use levelmap_query::search::SearchAnswer;
use levelmap_query::show::ShowAnswer;
use levelmap_query::stance::StanceAnswer;
use levelmap_query::stats::StatsAnswer;
use levelmap_query::timeline::{EntryKind, TimelineAnswer};

use super::mini;

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
