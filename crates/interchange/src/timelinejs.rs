//! TimelineJS 3 JSON (<https://timeline.knightlab.com/docs/json-format.html>): the
//! debate as a story of slides, one per dated item, grouped in the lanes of levelmap's
//! own timeline (`levelmap_draw::views::model::extract_for_slides`: the timeline without
//! the tooltips and claim links that slides do not show).
//!
//! The mapping (docs/interchange.md):
//! - the title slide: the timeline's heading and subtitle;
//! - every article: a slide in the group "Articles" (title; authors, outlet, address);
//! - every dated event: a slide in the group "Events" (name; kind, description);
//! - every claim the timeline places: a slide in the group of its lane (the idea it is
//!   about, or "Other ideas"), once, in the first lane that holds it (headline: the
//!   paraphrase; text: the verbatim quote, who said it, the article, the stance);
//! - every dated lineage link between two ideas with lanes (evolves into, replaces,
//!   part of): a slide in the group of the earlier idea's lane, with its quote.
//!
//! Dates keep their precision: a year gives only `year`, a month `year` and `month`;
//! no `display_date` is written, so TimelineJS formats each date at its precision.
//! TimelineJS renders `headline` and `text` as HTML (after DOMPurify), and `group` as
//! HTML after taking the text of it: so headline and text are HTML-escaped once, group
//! names twice, and no name can inject markup. Slides are sorted by (date, group,
//! id), and ids are slugs TimelineJS keeps as they are.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use levelmap_draw::views::model::{extract_for_slides, LaneClaim, Timeline};
use levelmap_draw::views::TimelineOptions;
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind, Origin};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::InterchangeError;

/// A whole TimelineJS document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TljsDocument {
    /// The title slide (no date).
    pub title: TljsSlide,
    /// The dated slides, sorted.
    pub events: Vec<TljsSlide>,
}

/// One slide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TljsSlide {
    /// When (absent on the title slide).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start_date: Option<TljsDate>,
    /// Headline and body, HTML.
    pub text: TljsText,
    /// The row in TimelineJS's navigation: "Articles", "Events" or a lane's name
    /// (escaped twice, see the module comment).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub group: Option<String>,
    /// A slug: lowercase ASCII letters, digits and `-`.
    pub unique_id: String,
}

/// A date at its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TljsDate {
    /// The year.
    pub year: i16,
    /// The month, if known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub month: Option<u8>,
    /// The day, if known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub day: Option<u8>,
}

/// A slide's words, both HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TljsText {
    /// The headline (escaped text).
    pub headline: String,
    /// The body (escaped text in a few tags: p, blockquote, em, a).
    pub text: String,
}

/// The group of articles.
pub const ARTICLES: &str = "Articles";
/// The group of events.
pub const EVENTS: &str = "Events";

/// Text as HTML: `&`, `<`, `>`, `"` and `'` as entities.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn date(d: PartialDate) -> TljsDate {
    TljsDate {
        year: d.year_num(),
        month: d.month_num(),
        day: d.day_num(),
    }
}

/// A slug TimelineJS keeps: ASCII letters and digits lowercased, anything else `-`,
/// no runs of `-`.
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The article as one line of HTML: its title (linked when its address is http or
/// https), outlet and date.
fn article_line(g: &LevelGraph, a: NodeIndex) -> String {
    let n = g.node(a);
    let NodeData::Article { title, date, url } = &n.data else {
        return html(&n.label);
    };
    let mut s = match url {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            format!("<a href=\"{}\"><em>{}</em></a>", html(u), html(title))
        }
        _ => format!("<em>{}</em>", html(title)),
    };
    let outlet = neighbours(g, a, EdgeKind::PublishedBy, Direction::Outgoing);
    if let Some(&o) = outlet.first() {
        s.push_str(&format!(", {}", html(&g.node(o).label)));
    }
    s.push_str(&format!(", {}", date.value));
    s
}

fn neighbours(g: &LevelGraph, i: NodeIndex, kind: EdgeKind, dir: Direction) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = g
        .graph
        .edges_directed(i, dir)
        .filter(|e| e.weight().kind == kind)
        .map(|e| {
            if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            }
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn names(g: &LevelGraph, v: &[NodeIndex]) -> String {
    let v: Vec<String> = v.iter().map(|&i| html(&g.node(i).label)).collect();
    match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        n => format!("{} and {}", v[..n - 1].join(", "), v[n - 1]),
    }
}

/// Slides being collected, each with its group's rank for sorting.
struct Slides<'r> {
    slides: Vec<(usize, TljsSlide)>,
    /// Group name → rank (Articles, Events, then the lanes in order).
    ranks: &'r BTreeMap<String, usize>,
}

impl<'r> Slides<'r> {
    fn new(ranks: &'r BTreeMap<String, usize>) -> Self {
        Slides {
            slides: Vec::new(),
            ranks,
        }
    }

    fn push(&mut self, d: PartialDate, group: &str, id: &str, headline: String, text: String) {
        self.slides
            .push(slide(self.ranks, d, group, id, headline, text));
    }
}

/// One slide with its group's rank.
fn slide(
    ranks: &BTreeMap<String, usize>,
    d: PartialDate,
    group: &str,
    id: &str,
    headline: String,
    text: String,
) -> (usize, TljsSlide) {
    let rank = ranks.get(group).copied().unwrap_or(usize::MAX);
    (
        rank,
        TljsSlide {
            start_date: Some(date(d)),
            text: TljsText { headline, text },
            group: Some(html(&html(group))),
            unique_id: slug(id),
        },
    )
}

fn article_slides(g: &LevelGraph, out: &mut Slides) {
    for a in g.graph.node_indices() {
        let n = g.node(a);
        let NodeData::Article { title, date, .. } = &n.data else {
            continue;
        };
        let mut text = String::new();
        let authors = neighbours(g, a, EdgeKind::Authored, Direction::Incoming);
        if !authors.is_empty() {
            text.push_str(&format!("<p>By {}</p>", names(g, &authors)));
        }
        text.push_str(&format!("<p>{}</p>", article_line(g, a)));
        let claims = neighbours(g, a, EdgeKind::Makes, Direction::Outgoing).len();
        text.push_str(&format!(
            "<p>{claims} claim{}; dated to the {} ({})</p>",
            if claims == 1 { "" } else { "s" },
            date.value.precision().as_str(),
            date.provenance
        ));
        out.push(date.value, ARTICLES, &n.id, html(title), text);
    }
}

fn event_slides(g: &LevelGraph, out: &mut Slides) {
    for e in g.graph.node_indices() {
        let n = g.node(e);
        let NodeData::Entity {
            subkind,
            description,
            date: Some(d),
            ..
        } = &n.data
        else {
            continue;
        };
        if n.kind != NodeKind::Event {
            continue;
        }
        let mut text = format!("<p>{}</p>", html(subkind));
        if let Some(desc) = description {
            text.push_str(&format!("<p>{}</p>", html(desc)));
        }
        out.push(*d, EVENTS, &n.id, html(&n.label), text);
    }
}

/// The claims the timeline places, each once, in the first lane that holds it: the
/// claims chosen in lane order, then their slides made on every core (in that order).
fn claim_slides(
    g: &LevelGraph,
    tl: &Timeline,
    ranks: &BTreeMap<String, usize>,
) -> Vec<(usize, TljsSlide)> {
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    let placed: Vec<(&str, &LaneClaim, NodeIndex)> = tl
        .lanes
        .iter()
        .flat_map(|lane| lane.claims.iter().map(move |c| (lane.name.as_str(), c)))
        .filter(|(_, c)| seen.insert(c.id.as_str()))
        .filter_map(|(lane, c)| g.find(&c.id).map(|i| (lane, c, i)))
        .collect();
    // An article's line is the same for each of its claims: made once per article.
    let mut articles: Vec<NodeIndex> = placed
        .iter()
        .filter_map(|&(_, _, i)| g.article_of(i))
        .collect();
    articles.sort_unstable();
    articles.dedup();
    let lines: rustc_hash::FxHashMap<NodeIndex, String> = articles
        .par_iter()
        .map(|&a| (a, article_line(g, a)))
        .collect();
    placed
        .par_iter()
        .filter_map(|&(lane, c, i)| {
            let NodeData::Claim {
                evidence,
                claim_kind,
                hedged,
                ..
            } = &g.node(i).data
            else {
                return None;
            };
            let mut text = format!("<blockquote>“{}”</blockquote>", html(&evidence.quote));
            let speakers = names(g, &g.speakers(i));
            let article = match g.article_of(i).and_then(|a| lines.get(&a)) {
                Some(line) => line.clone(),
                None => html(&evidence.article),
            };
            if speakers.is_empty() {
                text.push_str(&format!("<p>— {article}</p>"));
            } else {
                text.push_str(&format!("<p>— {speakers}, in {article}</p>"));
            }
            let mut about = format!("{claim_kind}{}", if *hedged { ", hedged" } else { "" });
            if let Some(st) = c.stance {
                about.push_str(&format!("; {st} {lane}"));
            }
            text.push_str(&format!("<p>{}</p>", html(&about)));
            if let Origin::Extracted(conf) = g.node(i).origin {
                text.push_str(&format!(
                    "<p>Drafted by levelmap extract (confidence {conf:.2}), not reviewed</p>"
                ));
            }
            Some(slide(ranks, c.date, lane, &c.id, html(&c.text), text))
        })
        .collect()
}

/// The dated lineage links between ideas with lanes, in the earlier idea's lane.
fn lineage_slides(g: &LevelGraph, tl: &Timeline, out: &mut Slides) {
    let lane_names: BTreeMap<&str, &str> = tl
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str()))
        .collect();
    let wanted: BTreeSet<&str> = tl.lineage.iter().map(|l| l.id.as_str()).collect();
    if wanted.is_empty() {
        return;
    }
    let kinds: BTreeSet<EdgeKind> = tl.lineage.iter().map(|l| l.kind).collect();
    // Edge ids counted in one pass, made only for the edges of a lineage kind that
    // leave an idea with a lane.
    let mut ids = crate::rows::EdgeIds::new(g);
    let mut id = String::new();
    for e in g.graph.edge_references() {
        let n = ids.count(e);
        let (a, b) = (e.source(), e.target());
        if !kinds.contains(&e.weight().kind) || !lane_names.contains_key(g.node(a).id.as_ref()) {
            continue;
        }
        id.clear();
        id.push_str(&g.node(a).id);
        id.push('-');
        id.push_str(e.weight().kind.as_str());
        id.push_str("->");
        id.push_str(&g.node(b).id);
        if n > 1 {
            id.push_str(&format!("#{n}"));
        }
        if !wanted.contains(id.as_str()) {
            continue;
        }
        let e = e.id();
        let w = g.edge(e);
        let (Some(d), Some(group)) = (g.evidence_date(w), lane_names.get(g.node(a).id.as_ref()))
        else {
            continue;
        };
        let headline = format!(
            "{} {} {}",
            html(&g.node(a).label),
            html(w.kind.phrase()),
            html(&g.node(b).label)
        );
        let mut text = format!("<blockquote>“{}”</blockquote>", html(&w.evidence.quote));
        let article = g
            .find_article(&w.evidence.article)
            .map(|i| article_line(g, i))
            .unwrap_or_else(|| html(&w.evidence.article));
        text.push_str(&format!("<p>— {article}</p>"));
        if let Some(note) = &w.note {
            text.push_str(&format!("<p>Note: {}</p>", html(note)));
        }
        out.push(d, group, &id, headline, text);
    }
}

/// The TimelineJS document of `g`: the timeline as `levelmap render timeline` extracts
/// it (every recurring idea a lane), as slides; see the module comment for the mapping.
pub fn to_timelinejs(g: &LevelGraph) -> Result<TljsDocument, InterchangeError> {
    let tl = extract_for_slides(g, &TimelineOptions::default())?;
    let mut ranks = BTreeMap::new();
    for (i, name) in [ARTICLES, EVENTS]
        .into_iter()
        .chain(tl.lanes.iter().map(|l| l.name.as_str()))
        .enumerate()
    {
        ranks.entry(name.to_string()).or_insert(i);
    }
    // The four kinds of slide made side by side, joined in the same order as one
    // pass, then sorted stably: the same slides in the same order.
    let ((articles, events), (claims, lineage)) = rayon::join(
        || {
            rayon::join(
                || {
                    let mut out = Slides::new(&ranks);
                    article_slides(g, &mut out);
                    out.slides
                },
                || {
                    let mut out = Slides::new(&ranks);
                    event_slides(g, &mut out);
                    out.slides
                },
            )
        },
        || {
            rayon::join(
                || claim_slides(g, &tl, &ranks),
                || {
                    let mut out = Slides::new(&ranks);
                    lineage_slides(g, &tl, &mut out);
                    out.slides
                },
            )
        },
    );
    let mut slides = articles;
    slides.extend(events);
    slides.extend(claims);
    slides.extend(lineage);
    // The date as written (year, then month, then day), then the group, then the id.
    let key = |s: &TljsSlide| {
        s.start_date
            .map(|d| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)))
    };
    slides.par_sort_by(|(ra, a), (rb, b)| {
        (key(a), ra, &a.unique_id).cmp(&(key(b), rb, &b.unique_id))
    });
    // Ids unique (distinct graph ids may share a slug): later ones get a number.
    let mut used: rustc_hash::FxHashSet<String> = ["levelmap".to_string()].into_iter().collect();
    let mut events = Vec::with_capacity(slides.len());
    for (_, mut s) in slides {
        let base = s.unique_id.clone();
        let mut n = 2;
        while !used.insert(s.unique_id.clone()) {
            s.unique_id = format!("{base}-{n}");
            n += 1;
        }
        events.push(s);
    }
    Ok(TljsDocument {
        title: TljsSlide {
            start_date: None,
            text: TljsText {
                headline: html(&tl.title),
                text: format!(
                    "<p>{}</p><p>Rows: articles, events, and one lane per idea with the \
                     claims about it (as in <code>levelmap render timeline</code>).</p>",
                    html(tl.subtitle.split(" · hover").next().unwrap_or_default())
                ),
            },
            group: None,
            unique_id: "levelmap".into(),
        },
        events,
    })
}

/// Write the TimelineJS document of `g` as pretty JSON (two spaces, a final line break):
/// serde_json's pretty printing of [`TljsDocument`], byte for byte, its slides laid
/// out a chunk at a time on every core (at 10,000 articles, 136 MB of them).
pub fn write_timelinejs(g: &LevelGraph, w: &mut impl Write) -> Result<(), InterchangeError> {
    use levelmap_model::json::{write_items, write_pretty_at};
    let doc = to_timelinejs(g)?;
    let mut head = b"{\n  \"title\": ".to_vec();
    write_pretty_at(&mut head, 1, &doc.title)?;
    head.extend_from_slice(b",\n  \"events\": ");
    w.write_all(&head)?;
    write_items(&mut *w, 1, doc.events.len(), |_: &mut (), i, buf| {
        write_pretty_at(buf, 2, &doc.events[i])
    })?;
    w.write_all(b"\n}\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_draw::views::model::extract;

    fn mini() -> TljsDocument {
        to_timelinejs(&levelmap_testkit::mini()).unwrap()
    }

    #[test]
    fn every_article_event_and_placed_claim_is_one_slide() {
        let g = levelmap_testkit::mini();
        let d = mini();
        let count = |k: NodeKind| {
            g.graph
                .node_indices()
                .filter(|&i| g.node(i).kind == k && g.node(i).date().is_some())
                .count()
        };
        let group = |name: &str| {
            d.events
                .iter()
                .filter(|s| s.group.as_deref() == Some(name))
                .count()
        };
        assert_eq!(group(ARTICLES), count(NodeKind::Article));
        assert_eq!(group(EVENTS), count(NodeKind::Event));
        let tl = extract(&g, &TimelineOptions::default()).unwrap();
        let placed: BTreeSet<&str> = tl
            .lanes
            .iter()
            .flat_map(|l| l.claims.iter().map(|c| c.id.as_str()))
            .collect();
        let claims = d
            .events
            .iter()
            .filter(|s| s.unique_id.starts_with("claim-"))
            .count();
        assert_eq!(claims, placed.len());
        assert!(claims > 0);
        // Every lane is a group, and nothing else is.
        let groups: BTreeSet<String> = d.events.iter().filter_map(|s| s.group.clone()).collect();
        for gname in &groups {
            assert!(
                [ARTICLES, EVENTS].contains(&gname.as_str())
                    || tl.lanes.iter().any(|l| html(&html(&l.name)) == *gname),
                "{gname}"
            );
        }
    }

    #[test]
    fn slides_are_sorted_and_ids_unique_slugs() {
        let d = mini();
        let key = |s: &TljsSlide| {
            let x = s.start_date.unwrap();
            (x.year, x.month.unwrap_or(0), x.day.unwrap_or(0))
        };
        assert!(d.events.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
        let ids: BTreeSet<&str> = d.events.iter().map(|s| s.unique_id.as_str()).collect();
        assert_eq!(ids.len(), d.events.len());
        assert!(d.events.iter().all(|s| s.unique_id == slug(&s.unique_id)));
    }

    #[test]
    fn dates_keep_their_precision() {
        let d = |s: &str| date(s.parse().unwrap());
        let json = |t: TljsDate| serde_json::to_string(&t).unwrap();
        assert_eq!(json(d("2021")), r#"{"year":2021}"#);
        assert_eq!(json(d("2021-09")), r#"{"year":2021,"month":9}"#);
        assert_eq!(json(d("2021-09-14")), r#"{"year":2021,"month":9,"day":14}"#);
    }

    #[test]
    fn markup_in_names_is_escaped_and_groups_twice() {
        assert_eq!(html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        let ranks = BTreeMap::new();
        let mut s = Slides::new(&ranks);
        s.push(
            "2021".parse().unwrap(),
            "<i>x</i> & co",
            "policy:a/b",
            html("<b>h</b>"),
            String::new(),
        );
        let slide = &s.slides[0].1;
        assert_eq!(slide.text.headline, "&lt;b&gt;h&lt;/b&gt;");
        assert_eq!(
            slide.group.as_deref(),
            Some("&amp;lt;i&amp;gt;x&amp;lt;/i&amp;gt; &amp;amp; co")
        );
        assert_eq!(slide.unique_id, "policy-a-b");
    }

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("claim:Alpha_2020/c1"), "claim-alpha-2020-c1");
        assert_eq!(slug("::x::"), "x");
    }

    #[test]
    fn the_same_graph_gives_the_same_bytes() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_timelinejs(&levelmap_testkit::mini(), &mut a).unwrap();
        write_timelinejs(&levelmap_testkit::mini(), &mut b).unwrap();
        assert_eq!(a, b);
        let back: TljsDocument = serde_json::from_slice(&a).unwrap();
        assert_eq!(back, mini());
    }

    /// The slides written a chunk at a time on every core are serde_json's pretty
    /// printing of the whole document, byte for byte: a small graph and one of
    /// several chunks of slides.
    #[test]
    fn slides_written_on_every_core_are_the_documents_pretty_json() {
        let big =
            levelmap_testkit::timeline::synthetic(&levelmap_testkit::timeline::SynthOptions {
                claims: 9000,
                ..Default::default()
            });
        assert!(
            to_timelinejs(&big).unwrap().events.len() > 2 * 4096,
            "several chunks"
        );
        for g in [levelmap_testkit::mini(), big] {
            let mut written = Vec::new();
            write_timelinejs(&g, &mut written).unwrap();
            let mut expected = serde_json::to_vec_pretty(&to_timelinejs(&g).unwrap()).unwrap();
            expected.push(b'\n');
            assert!(
                written == expected,
                "{} bytes against {}",
                written.len(),
                expected.len()
            );
        }
    }
}
