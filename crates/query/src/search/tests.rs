//! Unit tests of `search`: terms, stems, snippets, ranking and the index.

use super::*;
use levelmap_testkit::mini;

fn opts(text: &str) -> SearchOptions {
    SearchOptions {
        text: text.into(),
        limit: 10,
        kinds: vec![],
    }
}

#[test]
fn terms_fold_stop_and_stem() {
    assert_eq!(
        terms("What did the Work Foundation say about skills?"),
        ["work", "foundation", "skill"]
    );
    assert_eq!(
        terms("policies, Labour's towns"),
        ["policy", "labour", "town"]
    );
    assert_eq!(stem("business"), "business");
    assert_eq!(stem("bus"), "bus");
}

#[test]
fn names_rank_above_quotes_and_why_is_given() {
    let g = mini();
    let a = search(&g, &opts("securonomics")).unwrap();
    assert_eq!(a.hits[0].node.id, "policy:securonomics".into());
    assert_eq!(a.hits[0].why[0].field, Field::Name);
    assert!(a
        .hits
        .iter()
        .any(|h| h.node.id == "claim:beta-2024-securonomics-basis".into()));
    let claim = a
        .hits
        .iter()
        .find(|h| h.node.id == "claim:beta-2024-securonomics-basis".into())
        .unwrap();
    assert_eq!(claim.speakers[0].id, "actor:bob-beta".into());
    assert!(claim.why.iter().all(|w| w.terms == ["securonomic"]));
    let ranks: Vec<usize> = a.hits.iter().map(|h| h.rank).collect();
    assert_eq!(ranks, (1..=a.hits.len()).collect::<Vec<_>>());
    assert!(a.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn speakers_names_count_for_their_claims() {
    let g = mini();
    let a = search(
        &g,
        &SearchOptions {
            kinds: vec![NodeKind::Claim],
            ..opts("Ann Alpha devolve")
        },
    )
    .unwrap();
    assert_eq!(
        a.hits[0].node.id,
        "claim:alpha-2020-devolve-to-towns".into()
    );
    assert!(
        a.hits[0]
            .why
            .iter()
            .any(|w| w.field == Field::Speaker && w.snippet == "Ann Alpha"),
        "{:?}",
        a.hits[0].why
    );
    let others = a
        .hits
        .iter()
        .filter(|h| h.speakers.iter().all(|s| s.id != "actor:ann-alpha".into()));
    assert!(others
        .clone()
        .all(|h| h.why.iter().all(|w| w.field != Field::Speaker)));
}

#[test]
fn relation_quotes_are_searched() {
    let g = mini();
    let a = search(&g, &opts("promised every part")).unwrap();
    let h = &a.hits[0];
    assert_eq!(h.edge, Some(EdgeKind::Proposes));
    assert_eq!(h.node.id, "actor:conservative-party".into());
    assert_eq!(h.target.as_ref().unwrap().id, "policy:levelling-up".into());
}

#[test]
fn kinds_and_errors() {
    let g = mini();
    let a = search(
        &g,
        &SearchOptions {
            kinds: vec![NodeKind::Claim],
            ..opts("levelling")
        },
    )
    .unwrap();
    assert!(!a.hits.is_empty() && a.hits.iter().all(|h| h.node.kind == NodeKind::Claim));
    assert!(matches!(
        search(&g, &opts("the of ?")),
        Err(QueryError::EmptySearch { .. })
    ));
    assert!(search(&g, &opts("zzzqqq")).unwrap().hits.is_empty());
}

#[test]
fn snippets_cut_long_text_around_the_match() {
    let text = format!(
        "{} skills matter {}",
        "word ".repeat(100),
        "tail ".repeat(100)
    );
    let s = snippet(&text, &["skill".to_string()]);
    assert!(
        s.contains("skills matter") && s.starts_with('…') && s.ends_with('…'),
        "{s}"
    );
    assert!(s.chars().count() <= 202);
}
