//! What the evolution view shows: the policies of one idea's lineage as blocks (each
//! with its claims grouped by stance, and its relations in words), the lineage links
//! between them, and the columns they stand in by when each was first discussed.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind, Stance};

use crate::dates::human_date;
use crate::views::model::{count, edge_tooltip, lineage, Link, LINEAGE};
use crate::views::request::{policy_suggestions, resolve, TimelineError};

/// A claim listed in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockClaim {
    /// Claim id.
    pub id: String,
    /// Paraphrase.
    pub text: String,
    /// Who said it, and when ("James Hickson · Jul 2024").
    pub byline: String,
    /// Stance toward the block's policy.
    pub stance: Option<Stance>,
    /// Hedged.
    pub hedged: bool,
    /// The article's date.
    pub date: Option<PartialDate>,
    /// Full tooltip with the quote.
    pub tooltip: String,
}

/// One policy of the lineage.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Policy id.
    pub id: String,
    /// Name.
    pub name: String,
    /// "agenda · 30 claims · Sep 2020 – Jul 2024".
    pub meta: String,
    /// Lineage in words ("→ evolves into Securonomics").
    pub relations: Vec<String>,
    /// The policy asked for.
    pub focus: bool,
    /// When it was first discussed (claims), else first linked.
    pub first: Option<PartialDate>,
    /// Claims about it, grouped by stance in the order for, against, mixed, neutral.
    pub groups: Vec<(Option<Stance>, Vec<BlockClaim>)>,
    /// Tooltip.
    pub tooltip: String,
}

/// The lineage, ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Evolution {
    /// The policy asked for.
    pub focus: String,
    /// Heading.
    pub title: String,
    /// Second line.
    pub subtitle: String,
    /// The policies.
    pub blocks: Vec<Block>,
    /// Columns (indices into `blocks`), left to right, with their headings.
    pub columns: Vec<(String, Vec<usize>)>,
    /// Lineage links between blocks.
    pub links: Vec<Link>,
}

/// How many claims of one stance a block lists before "and N more".
pub(crate) const PER_STANCE: usize = 5;

/// The order of stance groups in a block: for, against, mixed, neutral, unstated.
fn stance_rank(s: Option<Stance>) -> usize {
    match s {
        Some(Stance::For) => 0,
        Some(Stance::Against) => 1,
        Some(Stance::Mixed) => 2,
        Some(Stance::Neutral) => 3,
        None => 4,
    }
}

/// A stance in words ("for", "against"…; "unstated" when none).
pub(super) fn stance_word(s: Option<Stance>) -> &'static str {
    s.map_or("unstated", |s| s.as_str())
}

/// Extract the lineage of the policy named by `query`: find the policy, the links
/// between the members of its lineage, a block per member, the columns, and the
/// heading.
pub(crate) fn extract(g: &LevelGraph, query: &str) -> Result<Evolution, TimelineError> {
    let p = policy(g, query)?;
    let pn = g.node(p);
    let members = lineage(g, p);
    let links = links(g, &members);
    let names: BTreeMap<String, String> = members
        .iter()
        .map(|&m| (g.node(m).id.to_string(), g.node(m).label.to_string()))
        .collect();
    let blocks: Vec<Block> = members
        .iter()
        .map(|&m| block(g, m, m == p, &links, &names))
        .collect();
    let columns = columns(&blocks, &links);

    let all_dates: Vec<PartialDate> = blocks
        .iter()
        .flat_map(|b| {
            b.groups
                .iter()
                .flat_map(|g| g.1.iter().filter_map(|c| c.date))
        })
        .collect();
    let span = match (all_dates.iter().min(), all_dates.iter().max()) {
        (Some(a), Some(b)) => format!(" from {} to {}", human_date(a), human_date(b)),
        _ => String::new(),
    };
    let n_claims: BTreeSet<&str> = blocks
        .iter()
        .flat_map(|b| {
            b.groups
                .iter()
                .flat_map(|g| g.1.iter().map(|c| c.id.as_str()))
        })
        .collect();
    Ok(Evolution {
        focus: pn.id.to_string(),
        title: format!("How “{}” evolved", pn.label),
        subtitle: format!(
            "Its lineage: {} and {}{span}, in columns by when each was first discussed · bold arrows evolve, dotted ones are part of · hover for quotes",
            count(blocks.len(), "idea", "ideas"),
            count(n_claims.len(), "claim", "claims"),
        ),
        blocks,
        columns,
        links,
    })
}

/// The policy named by `query`; an error with close policy names when it names
/// something else.
fn policy(g: &LevelGraph, query: &str) -> Result<NodeIndex, TimelineError> {
    let p = resolve(g, query)?;
    let pn = g.node(p);
    if pn.kind != NodeKind::Policy {
        return Err(TimelineError::NotAPolicy {
            query: query.to_string(),
            id: pn.id.to_string(),
            kind: pn.kind,
            suggestions: policy_suggestions(g, query),
        });
    }
    Ok(p)
}

/// The lineage links between `members`, by id.
fn links(g: &LevelGraph, members: &BTreeSet<NodeIndex>) -> Vec<Link> {
    let mut links = Vec::new();
    for &m in members {
        for e in g.graph.edges_directed(m, Direction::Outgoing) {
            if LINEAGE.contains(&e.weight().kind) && members.contains(&e.target()) {
                links.push(Link {
                    id: g.edge_id(e.id()),
                    kind: e.weight().kind,
                    from: g.node(m).id.to_string(),
                    to: g.node(e.target()).id.to_string(),
                    date: g.evidence_date(e.weight()),
                    tooltip: edge_tooltip(g, e.id()),
                    new: false,
                });
            }
        }
    }
    links.sort_by(|a, b| a.id.cmp(&b.id));
    links
}

/// The claims about policy `m`, by stance, date and id, each with its byline (its
/// speakers, else the outlet or article) and its tooltip.
fn block_claims(g: &LevelGraph, m: NodeIndex) -> Vec<BlockClaim> {
    let n = g.node(m);
    let mut claims: Vec<BlockClaim> = Vec::new();
    for e in g.graph.edges_directed(m, Direction::Incoming) {
        if e.weight().kind != EdgeKind::About
            || claims.iter().any(|c| *c.id == *g.node(e.source()).id)
        {
            continue;
        }
        let c = e.source();
        let cn = g.node(c);
        let NodeData::Claim {
            text,
            hedged,
            date,
            evidence,
            ..
        } = &cn.data
        else {
            continue;
        };
        let mut who: Vec<String> = g
            .speakers(c)
            .iter()
            .map(|&s| g.node(s).label.to_string())
            .collect();
        if who.is_empty() {
            let article = g.article_of(c);
            let outlet = article.and_then(|a| {
                g.graph
                    .edges_directed(a, Direction::Outgoing)
                    .find(|e| e.weight().kind == EdgeKind::PublishedBy)
                    .map(|e| e.target())
            });
            who.push(match (outlet, article) {
                (Some(o), _) => g.node(o).label.to_string(),
                (None, Some(a)) => g.node(a).label.to_string(),
                (None, None) => evidence.article.to_string(),
            });
        }
        let when = date.map(|d| human_date(&d)).unwrap_or_default();
        let article = g
            .article_of(c)
            .map(|a| g.node(a).label.clone())
            .unwrap_or_default();
        let stance = e.weight().stance;
        claims.push(BlockClaim {
            id: cn.id.to_string(),
            text: text.clone().to_string(),
            byline: format!("— {} · {when}", who.join(", ")),
            stance,
            hedged: *hedged,
            date: *date,
            tooltip: format!(
                "{text}\n“{}”\n— {}, in {article}{}\n{} {}{}",
                evidence.quote,
                who.join(", "),
                date.map(|d| format!(" ({d})")).unwrap_or_default(),
                stance_word(stance),
                n.label,
                if *hedged { " (hedged)" } else { "" }
            ),
        });
    }
    claims.sort_by(|a, b| {
        (stance_rank(a.stance), a.date, &a.id).cmp(&(stance_rank(b.stance), b.date, &b.id))
    });
    claims
}

/// The relations of the policy with id `id` in words ("→ evolves into Securonomics
/// (2024)"), from `links`; `names` maps ids to names.
fn relations(id: &str, links: &[Link], names: &BTreeMap<String, String>) -> Vec<String> {
    let mut relations = Vec::new();
    for l in links {
        let when = l
            .date
            .map(|d| format!(" ({})", d.year_num()))
            .unwrap_or_default();
        if *l.from == *id {
            let verb = match l.kind {
                EdgeKind::PartOf => "⊂ part of",
                EdgeKind::Replaces => "→ replaces",
                _ => "→ evolves into",
            };
            relations.push(format!("{verb} {}{when}", names[&l.to]));
        } else if *l.to == *id && l.kind != EdgeKind::PartOf {
            let verb = if l.kind == EdgeKind::Replaces {
                "← replaced by"
            } else {
                "← evolved from"
            };
            relations.push(format!("{verb} {}{when}", names[&l.from]));
        }
    }
    relations
}

/// The block of policy `m`: its claims grouped by stance, when it was first
/// discussed (else first linked), its meta line, relations and tooltip.
fn block(
    g: &LevelGraph,
    m: NodeIndex,
    focus: bool,
    links: &[Link],
    names: &BTreeMap<String, String>,
) -> Block {
    let n = g.node(m);
    let claims = block_claims(g, m);
    let mut groups: Vec<(Option<Stance>, Vec<BlockClaim>)> = Vec::new();
    for c in claims.iter().cloned() {
        match groups.last_mut() {
            Some((s, v)) if *s == c.stance => v.push(c),
            _ => groups.push((c.stance, vec![c])),
        }
    }
    let dates: Vec<PartialDate> = claims.iter().filter_map(|c| c.date).collect();
    let link_dates: Vec<PartialDate> = links
        .iter()
        .filter(|l| *l.from == *n.id || *l.to == *n.id)
        .filter_map(|l| l.date)
        .collect();
    let first = dates.iter().min().or(link_dates.iter().min()).copied();
    let mut meta = vec![
        n.subkind().unwrap_or("policy").to_string(),
        count(claims.len(), "claim", "claims"),
    ];
    if let (Some(a), Some(b)) = (dates.iter().min(), dates.iter().max()) {
        meta.push(if a == b {
            human_date(a)
        } else {
            format!("{} – {}", human_date(a), human_date(b))
        });
    }
    let relations = relations(&n.id, links, names);
    let mut tip = vec![format!("{} ({})", n.label, n.id)];
    if let NodeData::Entity {
        description: Some(d),
        ..
    } = &n.data
    {
        tip.push(d.clone());
    }
    tip.extend(relations.iter().cloned());
    Block {
        id: n.id.to_string(),
        name: n.label.to_string(),
        meta: meta.join(" · "),
        relations,
        focus,
        first,
        groups,
        tooltip: tip.join("\n"),
    }
}

/// The columns, left to right, with their headings: by the year each idea was first
/// discussed, an idea standing right of what it evolved from within a year (a column
/// per generation); within a column, ideas near what they link to in the columns
/// before.
fn columns(blocks: &[Block], links: &[Link]) -> Vec<(String, Vec<usize>)> {
    let pos: BTreeMap<String, usize> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.clone(), i))
        .collect();
    let col = generations(blocks, links, &pos);
    let used: BTreeSet<(i32, usize)> = col.iter().copied().collect();
    let renumber: BTreeMap<(i32, usize), usize> =
        used.iter().enumerate().map(|(k, &c)| (c, k)).collect();
    let mut columns: Vec<(String, Vec<usize>)> = vec![(String::new(), Vec::new()); used.len()];
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by(|&a, &b| (blocks[a].first, &blocks[a].id).cmp(&(blocks[b].first, &blocks[b].id)));
    for i in order {
        columns[renumber[&col[i]]].1.push(i);
    }
    order_rows(&mut columns, blocks, links, &pos);
    for (label, members) in &mut columns {
        let ys: BTreeSet<i16> = members
            .iter()
            .filter_map(|&b| blocks[b].first.map(|d| d.year_num()))
            .collect();
        *label = match (ys.first(), ys.last()) {
            (Some(a), Some(b)) if a == b => format!("first discussed {a}"),
            (Some(a), Some(b)) => format!("first discussed {a}–{b}"),
            _ => "not discussed in the corpus".to_string(),
        };
    }
    columns
}

/// Each block's column key: (year first discussed, generation within that year),
/// pushed right of what it evolved from (or replaced) until nothing moves.
fn generations(
    blocks: &[Block],
    links: &[Link],
    pos: &BTreeMap<String, usize>,
) -> Vec<(i32, usize)> {
    let mut key: Vec<(i32, usize)> = blocks
        .iter()
        .map(|b| (b.first.map_or(i32::MAX, |d| i32::from(d.year_num())), 0))
        .collect();
    for _ in 0..blocks.len() {
        let mut changed = false;
        for l in links {
            let (older, newer) = match l.kind {
                EdgeKind::EvolvesInto => (pos[&l.from], pos[&l.to]),
                EdgeKind::Replaces => (pos[&l.to], pos[&l.from]),
                _ => continue,
            };
            if older != newer && key[newer] <= key[older] {
                key[newer] = (key[older].0, key[older].1 + 1);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    key
}

/// Within each column: ideas near what they link to in the columns before
/// (barycentre), the focus first.
fn order_rows(
    columns: &mut [(String, Vec<usize>)],
    blocks: &[Block],
    links: &[Link],
    pos: &BTreeMap<String, usize>,
) {
    let mut row: BTreeMap<usize, f64> = BTreeMap::new();
    for (c, (_, members)) in columns.iter_mut().enumerate() {
        let mut keyed: Vec<(f64, usize, usize)> = members
            .iter()
            .enumerate()
            .map(|(k, &b)| {
                let linked: Vec<f64> = links
                    .iter()
                    .filter_map(|l| {
                        let other = if l.from == blocks[b].id {
                            &l.to
                        } else if l.to == blocks[b].id {
                            &l.from
                        } else {
                            return None;
                        };
                        row.get(&pos[other]).copied()
                    })
                    .collect();
                let key = if blocks[b].focus {
                    -1.0
                } else if linked.is_empty() || c == 0 {
                    k as f64
                } else {
                    linked.iter().sum::<f64>() / linked.len() as f64
                };
                (key, k, b)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        *members = keyed.iter().map(|k| k.2).collect();
        for (k, &b) in members.iter().enumerate() {
            row.insert(b, k as f64);
        }
    }
}
