//! Time slices: the map as it stood at the end of each period, one page per period,
//! drawn with the time-layered layout on the axis of the whole corpus so that a reader
//! can page through them and see the debate grow. What is new in a period is marked
//! (class `new`, an orange outline, "NEW" on cards, "NEW IDEA" on lanes).

use std::collections::BTreeSet;

use crate::dates::year_start;
use levelmap_model::graph::LevelGraph;

use super::layout::{lay_out, order_lanes, LayoutOptions};
use super::model::{count, extract, label_lineage, Nav, Note, Timeline};
use super::request::{TimelineError, TimelineOptions};
use super::svg;

/// One page of a sliced map.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The period ("2021").
    pub period: String,
    /// File name ("map-2021.svg").
    pub file: String,
    /// The SVG document.
    pub svg: String,
    /// What the page shows, in one line.
    pub summary: String,
}

/// The timeline cut at day `end` (exclusive): only what was written before it, with
/// everything dated on or after `new_since` marked new. Lanes keep their order.
pub(crate) fn cut(full: &Timeline, end: i64, new_since: i64) -> Timeline {
    let mut tl = full.clone();
    let before = |d: &levelmap_model::date::PartialDate| d.start_days() < end;
    let is_new = |d: &levelmap_model::date::PartialDate| d.start_days() >= new_since;
    tl.articles.retain(|a| before(&a.date));
    for a in &mut tl.articles {
        a.new = is_new(&a.date);
    }
    tl.events.retain(|e| before(&e.date));
    for e in &mut tl.events {
        e.new = is_new(&e.date);
    }
    for lane in &mut tl.lanes {
        lane.claims.retain(|c| before(&c.date));
        for c in &mut lane.claims {
            c.new = is_new(&c.date);
        }
        lane.new = lane.id != super::model::OTHER_LANE
            && !lane.claims.is_empty()
            && lane.claims.iter().all(|c| c.new);
        let articles: BTreeSet<&str> = lane.claims.iter().map(|c| c.article.as_str()).collect();
        lane.stats = if lane.id == super::model::OTHER_LANE {
            count(lane.claims.len(), "claim", "claims")
        } else {
            format!(
                "{} · {}",
                count(lane.claims.len(), "claim", "claims"),
                count(articles.len(), "article", "articles")
            )
        };
    }
    tl.lanes.retain(|l| !l.claims.is_empty());
    let claims: BTreeSet<String> = tl
        .lanes
        .iter()
        .flat_map(|l| l.claims.iter().map(|c| c.id.clone()))
        .collect();
    let fresh: BTreeSet<String> = tl
        .lanes
        .iter()
        .flat_map(|l| l.claims.iter().filter(|c| c.new).map(|c| c.id.clone()))
        .collect();
    tl.links.retain(|l| {
        claims.contains(&l.from) && claims.contains(&l.to) && l.date.is_none_or(|d| before(&d))
    });
    for l in &mut tl.links {
        l.new =
            l.date.is_some_and(|d| is_new(&d)) || fresh.contains(&l.from) || fresh.contains(&l.to);
    }
    let lanes: BTreeSet<String> = tl.lanes.iter().map(|l| l.id.clone()).collect();
    tl.lineage.retain(|l| {
        lanes.contains(&l.from) && lanes.contains(&l.to) && l.date.is_none_or(|d| before(&d))
    });
    for l in &mut tl.lineage {
        l.new = l.date.is_some_and(|d| is_new(&d));
    }
    label_lineage(&mut tl);
    // Footnotes about this page, not the whole corpus.
    let articles: BTreeSet<String> = tl.articles.iter().map(|a| a.id.clone()).collect();
    let any_inferred = tl.articles.iter().any(|a| a.inferred);
    let other = tl.lanes.iter().any(|l| l.id == super::model::OTHER_LANE);
    tl.notes = std::mem::take(&mut tl.notes)
        .into_iter()
        .filter_map(|n| match n {
            Note::OffAxis(v) => {
                let v: Vec<(String, BTreeSet<String>)> = v
                    .into_iter()
                    .filter(|(_, by)| by.iter().any(|a| articles.contains(a)))
                    .collect();
                (!v.is_empty()).then_some(Note::OffAxis(v))
            }
            Note::Unlaned(_, given) => other.then_some(Note::Unlaned(None, given)),
            Note::Within(_) => Some(Note::Within(None)),
            Note::Inferred => any_inferred.then_some(Note::Inferred),
        })
        .collect();
    tl.cutoff = Some(end);
    tl
}

fn clear_new(tl: &mut Timeline) {
    tl.articles.iter_mut().for_each(|a| a.new = false);
    tl.events.iter_mut().for_each(|e| e.new = false);
    for l in &mut tl.lanes {
        l.new = false;
        l.claims.iter_mut().for_each(|c| c.new = false);
    }
    tl.links
        .iter_mut()
        .chain(tl.lineage.iter_mut())
        .for_each(|l| l.new = false);
}

/// One page per calendar year with articles, each showing the debate at the end of
/// that year on the whole corpus's time axis; new means "since the previous page".
pub fn yearly(g: &LevelGraph) -> Result<Vec<Page>, TimelineError> {
    let opts = TimelineOptions::default();
    let mut full = extract(g, &opts)?;
    order_lanes(&mut full);
    let years: Vec<i64> = full
        .articles
        .iter()
        .map(|a| i64::from(a.date.year_num()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let file = |y: i64| format!("map-{y}.svg");
    let mut pages = Vec::new();
    for (k, &y) in years.iter().enumerate() {
        let since = if k == 0 {
            i64::MIN
        } else {
            year_start(years[k - 1] + 1)
        };
        let mut tl = cut(&full, year_start(y + 1), since);
        let period = if k > 0 && years[k - 1] + 1 < y {
            format!("{}–{y}", years[k - 1] + 1)
        } else {
            y.to_string()
        };
        let new_articles = tl.articles.iter().filter(|a| a.new).count();
        let all_claims: BTreeSet<&str> = tl
            .lanes
            .iter()
            .flat_map(|l| l.claims.iter().map(|c| c.id.as_str()))
            .collect();
        let new_claims: BTreeSet<&str> = tl
            .lanes
            .iter()
            .flat_map(|l| l.claims.iter().filter(|c| c.new).map(|c| c.id.as_str()))
            .collect();
        let new_lanes = tl
            .lanes
            .iter()
            .filter(|l| l.new && l.id.starts_with("policy:"))
            .count();
        let new_links = tl.links.iter().chain(&tl.lineage).filter(|l| l.new).count();
        tl.title = format!("The debate as it stood at the end of {y}");
        let news = format!(
            "{}, {}, {}, {}",
            count(new_articles, "article", "articles"),
            count(new_claims.len(), "claim", "claims"),
            count(new_lanes, "idea", "ideas"),
            count(new_links, "link", "links")
        );
        tl.subtitle = if k == 0 {
            // Everything on the first page is new: it is the starting point, unmarked.
            clear_new(&mut tl);
            format!(
                "Where the corpus starts, in {period}: {news} · page 1 of {}",
                years.len()
            )
        } else {
            format!(
                "New in {period} (outlined in orange): {news} · so far {} and {} · page {} of {}",
                count(tl.articles.len(), "article", "articles"),
                count(all_claims.len(), "claim", "claims"),
                k + 1,
                years.len()
            )
        };
        tl.nav = Some(Nav {
            prev: k
                .checked_sub(1)
                .map(|p| (years[p].to_string(), file(years[p]))),
            next: years.get(k + 1).map(|&n| (n.to_string(), file(n))),
        });
        let lay = lay_out(&tl, &LayoutOptions { width: opts.width });
        let svg = svg::draw(&tl, &lay);
        pages.push(Page {
            period: y.to_string(),
            file: file(y),
            svg,
            summary: format!(
                "end of {y}: {} so far; new in {period}: {news}",
                count(tl.articles.len(), "article", "articles")
            ),
        });
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::mini;

    #[test]
    fn one_page_per_year_with_articles_and_new_items_marked() {
        let g = mini();
        let pages = yearly(&g).unwrap();
        let files: Vec<&str> = pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files, ["map-2020.svg", "map-2024.svg"]);
        // 2020 shows the first article only; 2024 adds the second, marked new.
        assert!(!pages[0].svg.contains("article:2024-07-beta-labour"));
        assert!(pages[1]
            .svg
            .contains("id=\"article:2024-07-beta-labour\" class=\"node article new\""));
        assert!(pages[1]
            .svg
            .contains("id=\"article:2020-09-alpha-towns\" class=\"node article inferred\""));
        assert!(
            pages[1].summary.contains("new in 2021–2024: 1 article"),
            "{}",
            pages[1].summary
        );
        assert!(pages[0].svg.contains("href=\"map-2024.svg\""));
        // The first page is the starting point: nothing on it is marked new.
        let marked = |svg: &str| {
            svg.split("class=\"")
                .skip(1)
                .filter(|c| {
                    c.split('"')
                        .next()
                        .is_some_and(|c| c.split(' ').any(|w| w == "new"))
                })
                .count()
        };
        assert_eq!(marked(&pages[0].svg), 0);
        assert!(marked(&pages[1].svg) > 3);
        assert!(pages[1].svg.contains("href=\"map-2020.svg\""));
    }

    #[test]
    fn a_cut_keeps_lane_order_and_drops_later_links() {
        let g = mini();
        let mut full = extract(&g, &TimelineOptions::default()).unwrap();
        order_lanes(&mut full);
        let early = cut(&full, year_start(2021), i64::MIN);
        assert!(
            early.lineage.is_empty(),
            "the evolves-into link is evidenced in 2024"
        );
        assert!(early.links.is_empty(), "echoes come from the 2024 article");
        let order: Vec<&str> = full
            .lanes
            .iter()
            .map(|l| l.id.as_str())
            .filter(|id| early.lanes.iter().any(|l| l.id == *id))
            .collect();
        assert_eq!(
            order,
            early
                .lanes
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
        );
        assert_eq!(early.domain, full.domain, "every page shares the axis");
        let all_new = cut(&full, year_start(2025), i64::MIN);
        for l in &all_new.lanes {
            assert_eq!(
                l.new,
                l.id != crate::views::model::OTHER_LANE,
                "{}: “other ideas” is never a new idea",
                l.id
            );
        }
    }
}
