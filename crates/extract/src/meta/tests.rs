//! Tests of reading an article's metadata.

use super::authors::*;
use super::dates::*;
use super::header::*;
use super::inferred::*;
use super::outlet::*;
use super::*;
use crate::found::Found;
use crate::scan::Set;
use levelmap_model::date::days_from_civil;
use levelmap_model::Corpus;

#[test]
fn parses_common_date_forms() {
    let d = |s: &str| {
        parse_dates(s)
            .into_iter()
            .map(|d| d.0.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(d("Posted on: 8 July 2024 by James"), ["2024-07-08"]);
    assert_eq!(d("Jul 9th 2020"), ["2020-07-09"]);
    assert_eq!(d("July 9, 2020"), ["2020-07-09"]);
    assert_eq!(d("on the 3rd of March, 2021"), ["2021-03-03"]);
    assert_eq!(d("2024-07-08"), ["2024-07-08"]);
    assert_eq!(d("08/07/2024 and 07/25/2024"), ["2024-07-08", "2024-07-25"]);
    assert_eq!(d("July 2024"), ["2024-07"]);
    assert_eq!(d("Sept. 2021"), ["2021-09"]);
    assert!(d("31 February 2021").is_empty());
    assert!(d("we may 2024 never").is_empty());
}

fn lex() -> Lexicon {
    crate::lexicon(&Corpus::default())
}

#[test]
fn two_digit_year_date_lines() {
    assert_eq!(
        short_year_date("4 Mar 19")
            .map(|d| d.to_string())
            .as_deref(),
        Some("2019-03-04")
    );
    assert_eq!(
        short_year_date("14 July 98")
            .map(|d| d.to_string())
            .as_deref(),
        Some("1998-07-14")
    );
    assert_eq!(short_year_date("4 Mar 19 people"), None);
    assert_eq!(short_year_date("4 Mars 19"), None);
    assert_eq!(short_year_date("31 Feb 19"), None);
}

#[test]
fn stated_date_needs_a_cue_or_the_page_edge() {
    let t = "Title of the piece\n\nPosted on: 8 July 2024 by James Hickson in Blog\n\nThe election on 4 July 2024 was won by a party that had promised a great many things to many people across the country.\n";
    let l = Layout::new(t);
    let lx = lex();
    let d = stated_date(
        t,
        &l,
        &lx.scanner.scan(&l),
        PartialDate::parse("2026-12-02").unwrap(),
    )
    .unwrap();
    assert_eq!(d.value.to_string(), "2024-07-08");
    assert_eq!(
        d.evidence,
        "Posted on: 8 July 2024 by James Hickson in Blog"
    );
    let t2 = "A title here\n\nIntro text.\n\nOne\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nThe election on 4 July 2024 was won by a party that had promised a great many things to many people across the country and more.\n\nSeven\n\nEight\n\nNine\n\nTen\n\nEleven\n";
    let l2 = Layout::new(t2);
    assert!(stated_date(
        t2,
        &l2,
        &lx.scanner.scan(&l2),
        PartialDate::parse("2026-12-02").unwrap()
    )
    .is_none());
}

#[test]
fn byline_forms() {
    let cases = [
        ("Title of it all\n\nPosted on: 8 July 2024 by James Hickson in Blog\n\nBody text goes here and on.\n", vec!["actor:james-hickson"]),
        ("Title of it all\n\nBy Ann Alpha, Policy Researcher at the Towns Institute.\n\nBody text.\n", vec!["actor:ann-alpha"]),
        ("Some Priorities for the agenda\n\nDavid Bailey (Birmingham) and Philip Tomlinson\n\nBody text.\n", vec!["actor:david-bailey", "actor:philip-tomlinson"]),
        ("Title of it all\n\nBody text here.\n\nChris Clarke is a Policy Researcher at HOPE not hate\n", vec!["actor:chris-clarke"]),
    ];
    for (t, want) in cases {
        let l = Layout::new(t);
        let lx = lex();
        let h = read_header(t, &l, &lx);
        let mut f = Found::default();
        let a = authors(t, &l, &lx, &h, &mut f, &lx.scanner.scan(&l));
        let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, want, "{t}");
        for r in &a {
            assert!(
                levelmap_model::evidence::QuoteIndex::new(t).contains(&r.quote),
                "{}",
                r.quote
            );
        }
    }
}

#[test]
fn regex_gates_open_on_what_the_regexes_match() {
    let lx = lex();
    let texts = [
        "By Ann Alpha, Policy Researcher at the Towns Institute.",
        "Authors: Bob Beta and Cy Gamma",
        "Written by: Dr. Xavier Young",
        "BY JO Kay",
        "© 2024 the Towns Institute. Copyright Foo Bar.",
        "This blog was first published by the Towns Institute and (c) Foo.",
        "The views of the Bar Institute are not the opinions of Baz Trust.",
        "Jane Doe is a senior fellow at the Foo Institute.",
        "He was the director with Bar Group, and is an adviser at the Qux Centre.",
        "Growth matters, the Chancellor said; the Home Secretary, the Mayor of London and the Leader of the Opposition agreed with the Prime Minister.",
    ];
    for t in texts {
        let l = Layout::new(t);
        let scan = lx.scanner.scan(&l);
        for (si, s) in l.sentences.iter().enumerate() {
            let n = &s.norm;
            for ((re, _), open) in outlet_regexes().iter().zip(outlet_gates(&scan, si, n)) {
                assert!(open || !re.is_match(n), "{re} on {n:?}");
            }
            assert!(
                byline_may_match(&scan, si, n) || !byline_regex().is_match(n),
                "{n:?}"
            );
            assert!(
                role_line_may_match(&scan, si, n) || !role_line_regex().is_match(n),
                "{n:?}"
            );
            assert!(
                scan.any(si, Set::RoleGate) || !crate::entities::role_regex().is_match(n),
                "{n:?}"
            );
            assert!(may_hold_date(n) || parse_dates(n).is_empty(), "{n:?}");
        }
    }
    let opened: usize = texts
        .iter()
        .map(|t| {
            let l = Layout::new(t);
            let scan = lx.scanner.scan(&l);
            (0..l.sentences.len())
                .filter(|&si| byline_may_match(&scan, si, &l.sentences[si].norm))
                .count()
        })
        .sum();
    assert!(opened >= 4, "the byline gate opens on bylines ({opened})");
}

#[test]
fn civil_round_trip() {
    for d in [0i64, 19_000, 11_017, -1, 20_000] {
        let (y, m, dd) = civil_from_days(d);
        assert_eq!(days_from_civil(y, m, dd), d);
    }
}

#[test]
fn relations_from_time_words() {
    assert_eq!(relation("it was announced this week that"), Rel::Same);
    assert_eq!(relation("sadly, yesterday's strategy fails"), Rel::Day(1));
    assert_eq!(
        relation("a white paper (due in the next few weeks)"),
        Rel::Soon
    );
    assert_eq!(relation("on coming to power a year ago"), Rel::Ago(365));
    assert_eq!(relation("the recently announced guarantee"), Rel::Recent);
    assert_eq!(relation("since the 2019 general election"), Rel::After);
}

/// Issue 12: "N years ago" tied to an event gave a date after today (an article of
/// "2039"). No candidate after today is kept: the draft falls back to the next one.
#[test]
fn an_article_n_years_ago_gave_a_date_in_the_future() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let lx = crate::lexicon(&levelmap_read::read_corpus(&root.join("graph")).corpus);
    let text = "What the towns were promised\n\n\
        The 2019 general election was won on a promise to the towns, and that was 20 years ago.\n\n\
        Little of what was promised to the towns has been delivered since then.\n";
    let day = |s: &str| PartialDate::parse(s).unwrap();
    let draft_date = |today: PartialDate| {
        let opts = crate::ExtractOptions {
            today,
            ..Default::default()
        };
        crate::extract("a.txt", text, None, &lx, &opts)
            .unwrap()
            .date
    };
    // Far enough on, "20 years ago" holds: the inference is the date.
    let later = draft_date(day("2999-01-01"));
    assert_eq!(later.value.year_num(), 2039, "{later:?}");
    // Before then it cannot: the next candidate (the year the text names) is kept.
    let today = day("2026-12-02");
    let d = draft_date(today);
    assert!(!d.value.is_after(today), "{d:?}");
    assert_eq!(d.value.to_string(), "2019", "{d:?}");

    // A stated date after today is not the article's either: the next date is.
    let t = "Title of the piece\n\nPosted on: 8 July 2039 by James Hickson in Blog\n\n\
        The election on 4 July 2024 was won by a party that had promised a great many things.\n";
    let l = Layout::new(t);
    let scan = lx.scanner.scan(&l);
    let d = stated_date(t, &l, &scan, today).unwrap();
    assert_eq!(d.value.to_string(), "2024-07-04", "{d:?}");
    let later = stated_date(t, &l, &scan, day("2999-01-01")).unwrap();
    assert_eq!(later.value.to_string(), "2039-07-08", "{later:?}");
}
