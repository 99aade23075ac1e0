//! Tests of the timeline model: filters, lanes and lineage on the mini corpus.

use super::*;
use crate::views::tests::mini;

fn opts() -> TimelineOptions {
    TimelineOptions::default()
}

#[test]
fn mini_has_both_articles_and_its_recurring_ideas() {
    let g = mini();
    let tl = extract(&g, &opts()).unwrap();
    assert_eq!(tl.articles.len(), 2);
    let lanes: Vec<&str> = tl.lanes.iter().map(|l| l.id.as_str()).collect();
    // levelling-up and devolution are discussed in both articles; securonomics
    // joins them because levelling up evolves into it.
    assert!(lanes.contains(&"policy:levelling-up"), "{lanes:?}");
    assert!(lanes.contains(&"policy:devolution"), "{lanes:?}");
    assert!(lanes.contains(&"policy:securonomics"), "{lanes:?}");
    assert_eq!(
        lanes.last(),
        Some(&OTHER_LANE),
        "industrial strategy is discussed once: {lanes:?}"
    );
    assert_eq!(tl.lineage.len(), 1);
    assert_eq!(tl.lineage[0].kind, EdgeKind::EvolvesInto);
    assert!(tl.links.iter().any(|l| l.kind == EdgeKind::Echoes));
    assert!(tl
        .events
        .iter()
        .any(|e| e.id == "event:general-election-2024"));
    let lu = tl
        .lanes
        .iter()
        .find(|l| l.id == "policy:levelling-up")
        .unwrap();
    assert!(lu.claims.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn lanes_n_keeps_the_most_discussed() {
    let g = mini();
    let tl = extract(
        &g,
        &TimelineOptions {
            lanes: Some(1),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(tl.lanes[0].id, "policy:levelling-up");
    assert_eq!(tl.lanes.len(), 2, "one lane and the other ideas");
    assert_eq!(
        extract(
            &g,
            &TimelineOptions {
                lanes: Some(0),
                ..opts()
            }
        ),
        Err(TimelineError::ZeroLanes)
    );
}

#[test]
fn date_filters_keep_overlapping_articles() {
    let g = mini();
    let d = |s: &str| Some(PartialDate::parse(s).unwrap());
    let tl = extract(
        &g,
        &TimelineOptions {
            from: d("2024"),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(tl.articles.len(), 1);
    assert!(tl.domain.0 >= PartialDate::parse("2024-01").unwrap().start_days());
    let tl = extract(
        &g,
        &TimelineOptions {
            to: d("2020-09-15"),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(
        tl.articles.len(),
        1,
        "a month-precise date overlaps a day inside it"
    );
    let e = extract(
        &g,
        &TimelineOptions {
            from: d("2030"),
            ..opts()
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "nothing to draw: no article dated 2030 or later; the corpus has 2 article(s) dated 2020-09 to 2024-07-08"
    );
    assert!(matches!(
        extract(
            &g,
            &TimelineOptions {
                from: d("2024"),
                to: d("2020"),
                ..opts()
            }
        ),
        Err(TimelineError::BadRange { .. })
    ));
}

#[test]
fn about_a_policy_keeps_its_lineage() {
    let g = mini();
    let tl = extract(
        &g,
        &TimelineOptions {
            about: Some("securonomics".into()),
            ..opts()
        },
    )
    .unwrap();
    let lanes: Vec<&str> = tl.lanes.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(lanes, ["policy:levelling-up", "policy:securonomics"]);
    let tl = extract(
        &g,
        &TimelineOptions {
            about: Some("Rachel Reeves".into()),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(tl.articles.len(), 1);
    let e = extract(
        &g,
        &TimelineOptions {
            about: Some("Rachel Reeves".into()),
            to: Some(PartialDate::parse("2021").unwrap()),
            ..opts()
        },
    )
    .unwrap_err();
    assert!(
        e.to_string().starts_with(
            "nothing to draw: no article about Rachel Reeves (actor:rachel-reeves) dated 2021 or earlier"
        ),
        "{e}"
    );
}

#[test]
fn slides_timeline_is_the_timeline_without_tooltips_and_claim_links() {
    let g = mini();
    let mut full = extract(&g, &opts()).unwrap();
    let slides = extract_for_slides(&g, &opts()).unwrap();
    assert!(!full.links.is_empty() && slides.links.is_empty());
    assert!(full.lanes.iter().all(|l| !l.tooltip.is_empty()));
    full.links.clear();
    for lane in &mut full.lanes {
        lane.tooltip.clear();
        for c in &mut lane.claims {
            c.tooltip.clear();
        }
    }
    for l in &mut full.lineage {
        l.tooltip.clear();
    }
    assert_eq!(full, slides);
}
