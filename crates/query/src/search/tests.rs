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

/// The index as it was first built: each word made a string, stemmed into another, and
/// added to the tree one by one (the reference [`SearchIndex::build`] must equal).
fn index_word_by_word(g: &LevelGraph) -> SearchIndex {
    let mut ix = SearchIndex::default();
    let add = |ix: &mut SearchIndex, owner: Owner, text: DocText, body: &str| {
        let d = ix.docs.len() as u32;
        let len = body.split_whitespace().count().max(1) as u32;
        ix.docs.push(DocInfo { owner, text, len });
        ix.total_len += u64::from(len);
        for (_, w) in words(body) {
            if STOP.contains(&w.as_str()) {
                continue;
            }
            let list = ix.terms.entry(stem(&w)).or_default();
            if list.last() != Some(&d) {
                list.push(d);
            }
        }
    };
    for i in g.graph.node_indices() {
        for (text, body) in texts(g.node(i)) {
            add(&mut ix, Owner::Node(i.index() as u32), text, body);
        }
    }
    for e in g.graph.edge_references() {
        if SEARCHED_EDGES.contains(&e.weight().kind) {
            add(
                &mut ix,
                Owner::Edge(e.id().index() as u32),
                DocText::Quote,
                &e.weight().evidence.quote,
            );
        }
    }
    ix
}

#[test]
fn the_index_is_the_one_built_word_by_word() {
    let g = mini();
    let (fast, slow) = (SearchIndex::build(&g), index_word_by_word(&g));
    assert!(!fast.terms.is_empty());
    assert_eq!(fast.docs, slow.docs);
    assert_eq!(fast.total_len, slow.total_len);
    assert_eq!(fast.terms, slow.terms);
}

#[test]
fn each_word_gives_the_words_stems_and_length_of_words() {
    let texts = [
        "",
        "   ",
        "What did the Work Foundation say about skills?",
        "policies, Labour's towns' O\u{2019}Brien \u{2019}quoted' 'tis",
        "Éire's ÉCOLES naïve Straße İstanbul ǅemal — 2024–25 £3bn x\u{b}y\u{a0}z\u{2003}w",
        "bus buses business status thesis analysis ties flies series is us ss s",
        "tab\tnew\nline\r\nend.  trailing ",
    ];
    let mut scratch = WordScratch::default();
    for text in texts {
        let mut got = Vec::new();
        let n = scratch.each_word(text, |w, buf| {
            got.push((w.to_string(), is_stop(w), stem_into(w, buf).to_string()));
        });
        let want: Vec<(String, bool, String)> = words(text)
            .map(|(_, w)| {
                let stop = STOP.contains(&w.as_str());
                let s = stem(&w);
                (w, stop, s)
            })
            .collect();
        assert_eq!(got, want, "{text:?}");
        assert_eq!(n as usize, text.split_whitespace().count(), "{text:?}");
    }
}
