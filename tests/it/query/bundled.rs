//! Questions about the bundled corpus (graph/), each answer checked against the
//! articles' text, and the query store's answers against the whole graph's.

use levelmap_query::neighbors::NeighborsAnswer;
use levelmap_query::path::PathAnswer;
use levelmap_query::search::SearchAnswer;
use levelmap_query::show::ShowAnswer;
use levelmap_query::stance::StanceAnswer;
use levelmap_query::stats::StatsAnswer;
use levelmap_query::timeline::{EntryKind, TimelineAnswer};

use crate::support::*;

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
