//! `timeline`: a chronological account, every line with its evidence.
//!
//! - `--about NODE`: everything said and done about it. For a policy: every claim
//!   about it with its speakers and stance, and every relation to it (proposes,
//!   criticises, evolves into…), with where a speaker's stance shifted and a
//!   year-by-year tally of stances. For another node: every edge that touches it
//!   (mentions aside).
//! - `--actor NODE`: what the actor said (claims they are the speaker of) and did
//!   (articles written or published, relations); with `--about` too, only what
//!   links the two.
//! - No filter: the articles and events in order.
//!
//! `--from`/`--to` keep entries whose date range overlaps the given range, so
//! `--from 2021-09-14` keeps an entry dated "2021-09". Dates keep their precision
//! when sorted and printed ("2021" sorts before "2021-01").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use super::{claims_by, who_said, Answer, EvidenceRef, NodeRef, QueryError, StanceCounts, VERSION};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind, Stance, Text};

/// Options of `timeline`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TimelineOptions {
    /// Only what is about this node.
    pub about: Option<NodeIndex>,
    /// Only what this actor said and did.
    pub actor: Option<NodeIndex>,
    /// Only from this date.
    pub from: Option<PartialDate>,
    /// Only up to this date.
    pub to: Option<PartialDate>,
}

/// The answer of `timeline` (schema `levelmap/timeline`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineAnswer {
    /// `levelmap/timeline`.
    pub schema: String,
    /// [`VERSION`].
    pub version: u32,
    /// The `--about` node.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub about: Option<NodeRef>,
    /// The `--actor` node.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub actor: Option<NodeRef>,
    /// `--from`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub from: Option<PartialDate>,
    /// `--to`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<PartialDate>,
    /// The entries, oldest first (undated last).
    pub entries: Vec<Entry>,
    /// About a policy: stances per year, with the prevailing one.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub years: Vec<YearStances>,
    /// How many entries a table for people prints (None: all). JSON and CSV hold
    /// every entry; this is not part of them.
    #[serde(skip)]
    pub page: Option<usize>,
}

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A dated event.
    Event,
    /// An article.
    Article,
    /// A claim.
    Claim,
    /// A relation (proposes, criticises, evolves into…).
    Relation,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// When, at its precision.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<PartialDate>,
    /// event | article | claim | relation.
    pub kind: EntryKind,
    /// Who: whoever said a claim ([`super::who_said`]), an article's authors, a
    /// relation's source.
    pub who: Vec<NodeRef>,
    /// What, in words: the claim, "proposes Levelling up", the title, the event.
    pub what: Text,
    /// The node the entry is about: the claim, article or event, or a relation's target.
    pub node: NodeRef,
    /// Relations: the edge kind.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub edge: Option<EdgeKind>,
    /// The stance toward the `--about` policy (claims: their `about` stance;
    /// proposes: for; criticises: against).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stance: Option<Stance>,
    /// Claims: every policy they are about, with the stance.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub about: Vec<StanceOn>,
    /// Where someone's stance on a policy changed with this entry.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub shifts: Vec<Shift>,
    /// The article and quote; events without a referring article have none.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<EvidenceRef>,
}

/// A stance on a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceOn {
    /// The policy.
    pub policy: NodeRef,
    /// The stance.
    pub stance: Stance,
}

/// A change of stance: `who` was `from` on `policy` and is now `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    /// Whose stance.
    pub who: NodeRef,
    /// On what.
    pub policy: NodeRef,
    /// The previous stance (neutral ones are passed over).
    pub from: Stance,
    /// The new one.
    pub to: Stance,
    /// When the previous stance was taken.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub since: Option<PartialDate>,
}

/// The stances on the `--about` policy in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearStances {
    /// The year.
    pub year: i16,
    /// Counts of claims and relations by stance.
    pub counts: StanceCounts,
    /// The most frequent of for, against and mixed; absent on a tie.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub prevailing: Option<Stance>,
    /// Whether the prevailing stance differs from the last year that had one.
    pub shift: bool,
}

impl EntryKind {
    /// Its name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Event => "event",
            EntryKind::Article => "article",
            EntryKind::Claim => "claim",
            EntryKind::Relation => "relation",
        }
    }
}

impl Answer for TimelineAnswer {
    const SCHEMA: &'static str = "levelmap/timeline";

    fn nodes(&self, g: &LevelGraph) -> BTreeSet<NodeIndex> {
        let ids = self
            .about
            .iter()
            .chain(&self.actor)
            .map(|n| n.id.as_ref())
            .chain(self.entries.iter().flat_map(|e| {
                std::iter::once(e.node.id.as_ref()).chain(e.who.iter().map(|w| w.id.as_ref()))
            }));
        super::indices(g, ids)
    }
}

fn refs(g: &LevelGraph, v: impl IntoIterator<Item = NodeIndex>) -> Vec<NodeRef> {
    v.into_iter().map(|i| NodeRef::of(g, i)).collect()
}

fn authors(g: &LevelGraph, article: NodeIndex) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = g
        .graph
        .edges_directed(article, Direction::Incoming)
        .filter(|e| e.weight().kind == EdgeKind::Authored)
        .map(|e| e.source())
        .collect();
    v.sort();
    v
}

fn article_entry(g: &LevelGraph, i: NodeIndex) -> Entry {
    let n = g.node(i);
    let quote = match &n.data {
        NodeData::Article { date, .. } => date
            .evidence
            .as_deref()
            .map_or_else(|| n.label.clone(), Text::from),
        _ => n.label.clone(),
    };
    let stem = n.id.strip_prefix("article:").unwrap_or(&n.id);
    Entry {
        date: n.date(),
        kind: EntryKind::Article,
        who: refs(g, authors(g, i)),
        what: n.label.clone(),
        node: NodeRef::of(g, i),
        edge: None,
        stance: None,
        about: vec![],
        shifts: vec![],
        evidence: Some(EvidenceRef::quote(g, stem, &quote)),
    }
}

fn event_entry(g: &LevelGraph, i: NodeIndex) -> Entry {
    let n = g.node(i);
    // The earliest article that refers to the event is its evidence: found by (date,
    // article id) first, and only it made whole (an event is referred to by hundreds
    // of articles in a large corpus). The article is the edge's source when that is
    // the article the evidence names, as it always is; else it is looked up.
    let evidence = g
        .graph
        .edges_directed(i, Direction::Incoming)
        .filter(|e| e.weight().kind == EdgeKind::RefersTo)
        .map(|e| {
            let stem = &*e.weight().evidence.article;
            let source = g.node(e.source());
            let article = if source.id.strip_prefix("article:") == Some(stem) {
                Some(e.source())
            } else {
                g.find_article(stem)
            };
            (article.and_then(|a| g.node(a).date()), stem, e.weight())
        })
        .min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|(.., w)| EvidenceRef::of(g, w));
    let what = match n.subkind() {
        Some(k) => format!("{} ({k})", n.label),
        None => n.label.to_string(),
    };
    Entry {
        date: n.date(),
        kind: EntryKind::Event,
        who: vec![],
        what: what.into(),
        node: NodeRef::of(g, i),
        edge: None,
        stance: None,
        about: vec![],
        shifts: vec![],
        evidence,
    }
}

fn claim_entry(g: &LevelGraph, c: NodeIndex, toward: Option<NodeIndex>) -> Entry {
    let n = g.node(c);
    let mut about: Vec<(NodeIndex, Stance)> = g
        .graph
        .edges_directed(c, Direction::Outgoing)
        .filter(|e| e.weight().kind == EdgeKind::About)
        .map(|e| (e.target(), e.weight().stance.unwrap_or(Stance::Neutral)))
        .collect();
    about.sort();
    let stance = toward.and_then(|p| about.iter().find(|(q, _)| *q == p).map(|(_, s)| *s));
    let evidence = match &n.data {
        NodeData::Claim { evidence, .. } => {
            Some(EvidenceRef::quote(g, &evidence.article, &evidence.quote))
        }
        _ => None,
    };
    Entry {
        date: n.date(),
        kind: EntryKind::Claim,
        who: refs(g, who_said(g, c)),
        what: n.label.clone(),
        node: NodeRef::of(g, c),
        edge: None,
        stance,
        about: about
            .into_iter()
            .map(|(p, s)| StanceOn {
                policy: NodeRef::of(g, p),
                stance: s,
            })
            .collect(),
        shifts: vec![],
        evidence,
    }
}

fn relation_entry(g: &LevelGraph, e: petgraph::graph::EdgeIndex) -> Entry {
    let (a, b) = g.graph.edge_endpoints(e).expect("edge exists");
    let w = g.edge(e);
    let evidence = EvidenceRef::of(g, w);
    Entry {
        date: evidence.date,
        kind: EntryKind::Relation,
        who: vec![NodeRef::of(g, a)],
        what: format!("{} {}", w.kind.phrase(), g.node(b).label).into(),
        node: NodeRef::of(g, b),
        edge: Some(w.kind),
        stance: relation_stance(w.kind),
        about: vec![],
        shifts: vec![],
        evidence: Some(evidence),
    }
}

/// The stance an actor-to-policy relation expresses.
pub(crate) fn relation_stance(kind: EdgeKind) -> Option<Stance> {
    match kind {
        EdgeKind::Proposes => Some(Stance::For),
        EdgeKind::Criticises => Some(Stance::Against),
        _ => None,
    }
}

/// Edge kinds that a timeline shows as entries of their own at an actor.
const ACTOR_RELATIONS: [EdgeKind; 3] =
    [EdgeKind::Proposes, EdgeKind::Criticises, EdgeKind::MemberOf];

/// Build the timeline.
pub fn timeline(g: &LevelGraph, opts: &TimelineOptions) -> Result<TimelineAnswer, QueryError> {
    if let (Some(from), Some(to)) = (opts.from, opts.to) {
        if from.start_days() >= to.end_days() {
            return Err(QueryError::BadRange { from, to });
        }
    }
    let policy = opts.about.filter(|&p| g.node(p).kind == NodeKind::Policy);
    let mut entries: Vec<Entry> = Vec::new();
    match (opts.about, opts.actor) {
        (None, None) => {
            for i in g.graph.node_indices() {
                match g.node(i).kind {
                    NodeKind::Article => entries.push(article_entry(g, i)),
                    NodeKind::Event => entries.push(event_entry(g, i)),
                    _ => {}
                }
            }
        }
        (Some(p), actor) => {
            let mut claims = BTreeSet::new();
            let mut articles = BTreeSet::new();
            match g.node(p).kind {
                NodeKind::Event => entries.push(event_entry(g, p)),
                NodeKind::Article => {
                    articles.insert(p);
                }
                NodeKind::Claim => {
                    claims.insert(p);
                }
                _ => {}
            }
            for (dir, is_out) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
                for e in g.graph.edges_directed(p, dir) {
                    let kind = e.weight().kind;
                    if kind == EdgeKind::Mentions {
                        continue;
                    }
                    let other = if is_out { e.target() } else { e.source() };
                    match g.node(other).kind {
                        NodeKind::Claim => {
                            claims.insert(other);
                        }
                        NodeKind::Article => {
                            articles.insert(other);
                        }
                        _ => {
                            if actor.is_none_or(|x| x == other || x == p) {
                                entries.push(relation_entry(g, e.id()));
                            }
                        }
                    }
                }
            }
            let claims: Vec<NodeIndex> = claims
                .into_iter()
                .filter(|&c| actor.is_none_or(|x| who_said(g, c).contains(&x)))
                .collect();
            entries.reserve(claims.len() + articles.len());
            super::extend_in_order(&mut entries, &claims, |&c| claim_entry(g, c, policy));
            for a in articles {
                if actor.is_none_or(|x| authors(g, a).contains(&x)) {
                    entries.push(article_entry(g, a));
                }
            }
        }
        (None, Some(x)) => {
            let mut articles = BTreeSet::new();
            for (dir, is_out) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
                for e in g.graph.edges_directed(x, dir) {
                    let kind = e.weight().kind;
                    if kind == EdgeKind::Authored || kind == EdgeKind::PublishedBy {
                        articles.insert(if is_out { e.target() } else { e.source() });
                    } else if ACTOR_RELATIONS.contains(&kind) {
                        entries.push(relation_entry(g, e.id()));
                    }
                }
            }
            entries.extend(articles.into_iter().map(|a| article_entry(g, a)));
            entries.extend(claims_by(g, x).into_iter().map(|c| claim_entry(g, c, None)));
        }
    }
    entries.retain(|e| match e.date {
        Some(d) => {
            opts.from.is_none_or(|f| d.end_days() > f.start_days())
                && opts.to.is_none_or(|t| d.start_days() < t.end_days())
        }
        None => opts.from.is_none() && opts.to.is_none(),
    });
    super::sort_stable(&mut entries, |a, b| {
        fn key(e: &Entry) -> (bool, Option<PartialDate>, EntryKind, &str, Option<&str>) {
            (
                e.date.is_none(),
                e.date,
                e.kind,
                e.node.id.as_ref(),
                e.who.first().map(|w| w.id.as_ref()),
            )
        }
        key(a).cmp(&key(b))
    });
    mark_shifts(&mut entries, policy.map(|p| g.node(p).id.as_ref()));
    let years = match policy {
        Some(_) => tally_years(&entries),
        None => vec![],
    };
    Ok(TimelineAnswer {
        schema: TimelineAnswer::SCHEMA.into(),
        version: VERSION,
        about: opts.about.map(|i| NodeRef::of(g, i)),
        actor: opts.actor.map(|i| NodeRef::of(g, i)),
        from: opts.from,
        to: opts.to,
        entries,
        years,
        page: None,
    })
}

/// Mark where someone's stance on a policy changes from one date to a later one
/// (neutral stances are passed over). With `only`, just stances on that policy count.
fn mark_shifts(entries: &mut [Entry], only: Option<&str>) {
    // Found first, with the entries borrowed, then added: a long timeline (tens of
    // thousands of claims) has few shifts, and copies nothing for the rest.
    let mut found: Vec<(usize, Shift)> = Vec::new();
    {
        let mut last: HashMap<(&str, &str), (Stance, Option<PartialDate>)> = HashMap::new();
        for (k, e) in entries.iter().enumerate() {
            let relation = match e.stance {
                Some(s) if e.kind == EntryKind::Relation && e.node.kind == NodeKind::Policy => {
                    Some((&e.node, s))
                }
                _ => None,
            };
            let claims = e
                .about
                .iter()
                .filter(|_| e.kind == EntryKind::Claim)
                .map(|s| (&s.policy, s.stance));
            for (policy, stance) in claims.chain(relation) {
                if stance == Stance::Neutral || only.is_some_and(|p| p != &*policy.id) {
                    continue;
                }
                for who in &e.who {
                    let key = (who.id.as_ref(), policy.id.as_ref());
                    // Two stances in the same article (or on the same date) are one
                    // mixed position, not a shift.
                    if let Some((prev, since)) = last.insert(key, (stance, e.date)) {
                        if prev != stance && since < e.date {
                            found.push((
                                k,
                                Shift {
                                    who: who.clone(),
                                    policy: policy.clone(),
                                    from: prev,
                                    to: stance,
                                    since,
                                },
                            ));
                        }
                    }
                }
            }
        }
    }
    for (k, shift) in found {
        entries[k].shifts.push(shift);
    }
}

fn tally_years(entries: &[Entry]) -> Vec<YearStances> {
    let mut years: BTreeMap<i16, StanceCounts> = BTreeMap::new();
    for e in entries {
        if let (Some(d), Some(s)) = (e.date, e.stance) {
            years.entry(d.year_num()).or_default().add(s);
        }
    }
    let mut previous: Option<Stance> = None;
    years
        .into_iter()
        .map(|(year, counts)| {
            let ranked = [
                (counts.for_, Stance::For),
                (counts.against, Stance::Against),
                (counts.mixed, Stance::Mixed),
            ];
            let top = ranked.iter().map(|r| r.0).max().unwrap_or(0);
            let leaders: Vec<Stance> = ranked
                .iter()
                .filter(|r| r.0 == top && top > 0)
                .map(|r| r.1)
                .collect();
            let prevailing = if let [one] = leaders[..] {
                Some(one)
            } else {
                None
            };
            let shift = matches!((previous, prevailing), (Some(a), Some(b)) if a != b);
            if prevailing.is_some() {
                previous = prevailing;
            }
            YearStances {
                year,
                counts,
                prevailing,
                shift,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_testkit::mini;

    /// An event's evidence was found by making every referring article's evidence
    /// whole (a hash lookup and three copies each: a third of `timeline` at 100,000
    /// articles); now by (date, article id) first. The same evidence as the whole
    /// evidences' minimum, also when an edge's evidence names another article than
    /// its source.
    #[test]
    fn an_events_evidence_is_the_earliest_of_its_referring_articles() {
        let oracle = |g: &LevelGraph, i: NodeIndex| {
            g.graph
                .edges_directed(i, Direction::Incoming)
                .filter(|e| e.weight().kind == EdgeKind::RefersTo)
                .map(|e| EvidenceRef::of(g, e.weight()))
                .min_by(|a, b| (a.date, &a.article).cmp(&(b.date, &b.article)))
        };
        let mut g = mini();
        let events: Vec<NodeIndex> = g
            .graph
            .node_indices()
            .filter(|&i| g.node(i).kind == NodeKind::Event)
            .collect();
        let mut with_evidence = 0;
        for &i in &events {
            with_evidence += usize::from(oracle(&g, i).is_some());
            assert_eq!(event_entry(&g, i).evidence, oracle(&g, i));
        }
        assert!(with_evidence > 0);
        // An event referred to by its earliest and its latest article, the earliest
        // edge's evidence then naming the latest article: the edge's source is not
        // the article its evidence names, and by its source it would come first.
        let articles: Vec<NodeIndex> = {
            let mut a: Vec<NodeIndex> = g
                .graph
                .node_indices()
                .filter(|&a| g.node(a).kind == NodeKind::Article)
                .collect();
            a.sort_by_key(|&a| g.node(a).date());
            a
        };
        let (first, last) = (articles[0], *articles.last().unwrap());
        assert!(g.node(first).date() < g.node(last).date());
        let stem = |a: NodeIndex| -> Text { g.node(a).id.strip_prefix("article:").unwrap().into() };
        let last_stem = stem(last);
        let event = events[0];
        let edge = |article: Text, quote: &str| levelmap_model::graph::Edge {
            kind: EdgeKind::RefersTo,
            evidence: levelmap_model::Evidence {
                article,
                quote: quote.into(),
            },
            stance: None,
            note: None,
            origin: levelmap_model::Origin::Curated,
        };
        g.graph
            .add_edge(first, event, edge(last_stem.clone(), "named by the latest"));
        g.graph
            .add_edge(last, event, edge(last_stem, "the latest's own"));
        let got = event_entry(&g, event).evidence;
        assert_eq!(got, oracle(&g, event));
        assert_ne!(
            got.map(|e| e.quote.to_string()).as_deref(),
            Some("named by the latest")
        );
    }

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn entry_kind_names_are_the_json_names() {
        for k in [
            EntryKind::Event,
            EntryKind::Article,
            EntryKind::Claim,
            EntryKind::Relation,
        ] {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }

    #[test]
    fn unfiltered_lists_articles_and_events_in_order() {
        let g = mini();
        let t = timeline(&g, &TimelineOptions::default()).unwrap();
        let lines: Vec<(String, EntryKind)> = t
            .entries
            .iter()
            .map(|e| (e.date.unwrap().to_string(), e.kind))
            .collect();
        assert_eq!(
            lines,
            [
                ("2020-09".to_string(), EntryKind::Article),
                ("2024-07-04".to_string(), EntryKind::Event),
                ("2024-07-08".to_string(), EntryKind::Article)
            ]
        );
        assert!(t.entries.iter().all(|e| e.evidence.is_some()));
        assert_eq!(
            t.entries[0].evidence.as_ref().unwrap().quote,
            "The Conservative Party promised to ‘level up’ every part of the country.".into()
        );
    }

    #[test]
    fn about_a_policy_shows_claims_stances_and_relations() {
        let g = mini();
        let p = g.find("policy:levelling-up").unwrap();
        let t = timeline(
            &g,
            &TimelineOptions {
                about: Some(p),
                ..Default::default()
            },
        )
        .unwrap();
        let kinds: Vec<EntryKind> = t.entries.iter().map(|e| e.kind).collect();
        assert!(
            kinds.contains(&EntryKind::Claim) && kinds.contains(&EntryKind::Relation),
            "{kinds:?}"
        );
        assert!(t
            .entries
            .iter()
            .all(|e| e.evidence.as_ref().is_some_and(|ev| !ev.quote.is_empty())));
        let first = &t.entries[0];
        assert_eq!(first.date, Some(d("2020-09")));
        let pencil = t
            .entries
            .iter()
            .find(|e| e.node.id == "claim:alpha-2020-pencil-sketch".into())
            .unwrap();
        assert_eq!(pencil.stance, Some(Stance::Against));
        assert_eq!(pencil.who[0].id, "actor:ann-alpha".into());
        let years: Vec<(i16, Option<Stance>)> =
            t.years.iter().map(|y| (y.year, y.prevailing)).collect();
        assert_eq!(years[0].0, 2020);
        assert_eq!(years[1].0, 2024);
    }

    #[test]
    fn shifts_are_marked_per_speaker() {
        let mut entries = vec![];
        let r = |id: &str, kind| NodeRef {
            id: id.into(),
            kind,
            label: id.into(),
        };
        for (date, stance) in [
            ("2020", Stance::For),
            ("2021", Stance::Neutral),
            ("2022", Stance::Against),
            ("2023", Stance::Against),
        ] {
            entries.push(Entry {
                date: Some(d(date)),
                kind: EntryKind::Claim,
                who: vec![r("actor:x", NodeKind::Actor)],
                what: "".into(),
                node: r("claim:c", NodeKind::Claim),
                edge: None,
                stance: Some(stance),
                about: vec![StanceOn {
                    policy: r("policy:p", NodeKind::Policy),
                    stance,
                }],
                shifts: vec![],
                evidence: None,
            });
        }
        // A different stance on the same date is not a shift.
        let mut same_day = entries[3].clone();
        same_day.about[0].stance = Stance::For;
        entries.push(same_day);
        mark_shifts(&mut entries, None);
        assert!(entries[4].shifts.is_empty());
        entries.pop();
        let shifted: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.shifts.is_empty())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(shifted, [2]);
        assert_eq!(entries[2].shifts[0].from, Stance::For);
        assert_eq!(entries[2].shifts[0].since, Some(d("2020")));
        let years = tally_years(&entries);
        assert_eq!(
            years.iter().map(|y| y.shift).collect::<Vec<_>>(),
            [false, false, true, false]
        );
    }

    #[test]
    fn actor_timeline_and_date_range() {
        let g = mini();
        let x = g.find("actor:rachel-reeves").unwrap();
        let t = timeline(
            &g,
            &TimelineOptions {
                actor: Some(x),
                ..Default::default()
            },
        )
        .unwrap();
        let ids: Vec<&str> = t.entries.iter().map(|e| e.node.id.as_ref()).collect();
        assert_eq!(ids, ["claim:beta-2024-devolution-further"]);

        let a = g.find("actor:ann-alpha").unwrap();
        let t = timeline(
            &g,
            &TimelineOptions {
                actor: Some(a),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(t.entries[0].kind, EntryKind::Article);
        assert_eq!(
            t.entries
                .iter()
                .filter(|e| e.kind == EntryKind::Claim)
                .count(),
            3
        );

        let t = timeline(
            &g,
            &TimelineOptions {
                from: Some(d("2020-09-15")),
                to: Some(d("2021")),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(t.entries.len(), 1, "2020-09 overlaps from 2020-09-15");
        let e = timeline(
            &g,
            &TimelineOptions {
                from: Some(d("2023")),
                to: Some(d("2021")),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(matches!(e, QueryError::BadRange { .. }));
    }
}
