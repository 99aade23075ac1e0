//! The evolution view: the lineage of one idea. The policies it evolved from and into
//! (and what it is part of, and what is part of it) stand in columns by when each was
//! first discussed; each shows a tally of the claims about it and the claims
//! themselves, for and against, with their speakers. Bold arrows are evolves-into and
//! replaces, dotted ones part-of.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::style::{class_name, stance_color};
use crate::svgw::{num, SvgWriter};
use levelmap_model::date::PartialDate;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_model::{EdgeKind, NodeKind, Stance};

use super::model::{count, edge_tooltip, lineage, Link, LINEAGE};
use super::page::{
    shorten_in, stack, wrap_in, BoxKind, Geometry, LabelBox, Line, Rect, MARGIN, MARKER_R,
};
use super::{svg, TimelineError};
use crate::dates::human_date;

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
pub const PER_STANCE: usize = 5;

fn stance_rank(s: Option<Stance>) -> usize {
    match s {
        Some(Stance::For) => 0,
        Some(Stance::Against) => 1,
        Some(Stance::Mixed) => 2,
        Some(Stance::Neutral) => 3,
        None => 4,
    }
}

fn stance_word(s: Option<Stance>) -> &'static str {
    s.map_or("unstated", |s| s.as_str())
}

/// Extract the lineage of the policy named by `query`.
pub fn extract(g: &LevelGraph, query: &str) -> Result<Evolution, TimelineError> {
    let p = super::resolve(g, query)?;
    let pn = g.node(p);
    if pn.kind != NodeKind::Policy {
        return Err(TimelineError::NotAPolicy {
            query: query.to_string(),
            id: pn.id.to_string(),
            kind: pn.kind,
            suggestions: super::policy_suggestions(g, query),
        });
    }
    let members = lineage(g, p);
    let mut links = Vec::new();
    for &m in &members {
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
    let names: BTreeMap<String, String> = members
        .iter()
        .map(|&m| (g.node(m).id.to_string(), g.node(m).label.to_string()))
        .collect();

    let mut blocks = Vec::new();
    for &m in &members {
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
        let mut relations = Vec::new();
        let mut tip = vec![format!("{} ({})", n.label, n.id)];
        if let NodeData::Entity {
            description: Some(d),
            ..
        } = &n.data
        {
            tip.push(d.clone());
        }
        for l in &links {
            let when = l
                .date
                .map(|d| format!(" ({})", d.year_num()))
                .unwrap_or_default();
            if *l.from == *n.id {
                let verb = match l.kind {
                    EdgeKind::PartOf => "⊂ part of",
                    EdgeKind::Replaces => "→ replaces",
                    _ => "→ evolves into",
                };
                relations.push(format!("{verb} {}{when}", names[&l.to]));
            } else if *l.to == *n.id && l.kind != EdgeKind::PartOf {
                let verb = if l.kind == EdgeKind::Replaces {
                    "← replaced by"
                } else {
                    "← evolved from"
                };
                relations.push(format!("{verb} {}{when}", names[&l.from]));
            }
        }
        tip.extend(relations.iter().cloned());
        blocks.push(Block {
            id: n.id.to_string(),
            name: n.label.to_string(),
            meta: meta.join(" · "),
            relations,
            focus: m == p,
            first,
            groups,
            tooltip: tip.join("\n"),
        });
    }

    // Columns by time: the year each idea was first discussed; within a year, an idea
    // stands right of what it evolved from (a column per generation).
    let pos: BTreeMap<String, usize> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.clone(), i))
        .collect();
    let mut key: Vec<(i32, usize)> = blocks
        .iter()
        .map(|b| (b.first.map_or(i32::MAX, |d| i32::from(d.year_num())), 0))
        .collect();
    for _ in 0..blocks.len() {
        let mut changed = false;
        for l in &links {
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
    let col: Vec<(i32, usize)> = key;
    let used: BTreeSet<(i32, usize)> = col.iter().copied().collect();
    let renumber: BTreeMap<(i32, usize), usize> =
        used.iter().enumerate().map(|(k, &c)| (c, k)).collect();
    let mut columns: Vec<(String, Vec<usize>)> = vec![(String::new(), Vec::new()); used.len()];
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by(|&a, &b| (blocks[a].first, &blocks[a].id).cmp(&(blocks[b].first, &blocks[b].id)));
    for i in order {
        columns[renumber[&col[i]]].1.push(i);
    }
    // Within a column: ideas near what they link to in the columns before (barycentre).
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

// ---------------------------------------------------------------------------------
// Layout

/// Width of a policy block.
pub const BLOCK_W: f64 = 330.0;
const COL_GAP: f64 = 120.0;
const PAD: f64 = 10.0;

/// A claim placed in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPlace {
    /// Index of its stance group.
    pub group: usize,
    /// Index in the group.
    pub index: usize,
    /// Marker centre.
    pub marker: (f64, f64),
    /// Text and byline.
    pub lines: Vec<Line>,
    /// Its box.
    pub rect: Rect,
}

/// A placed block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockPlace {
    /// Index in `Evolution::blocks`.
    pub block: usize,
    /// The whole block.
    pub rect: Rect,
    /// The header part.
    pub head: Rect,
    /// Header lines.
    pub head_lines: Vec<Line>,
    /// Tally bar: x, y, and per stance (stance, width).
    pub tally: (f64, f64, Vec<(Option<Stance>, f64)>),
    /// Group headings.
    pub group_lines: Vec<Line>,
    /// Claims.
    pub claims: Vec<ClaimPlace>,
    /// "and N more": (group, line).
    pub more: Vec<(usize, Line)>,
}

/// The placed evolution view.
#[derive(Debug, Clone, PartialEq)]
pub struct EvolutionLayout {
    /// Size and label boxes.
    pub geometry: Geometry,
    /// Title and subtitle.
    pub heading: Vec<Line>,
    /// Column headings.
    pub columns: Vec<Line>,
    /// y of the time arrow over the columns.
    pub time_y: f64,
    /// Blocks.
    pub blocks: Vec<BlockPlace>,
    /// Arrows: (link index, path).
    pub arrows: Vec<(usize, String)>,
}

/// Lay out an evolution view.
pub fn lay_out(ev: &Evolution) -> EvolutionLayout {
    let ncols = ev.columns.len().max(1) as f64;
    let width = (2.0 * MARGIN + ncols * BLOCK_W + (ncols - 1.0) * COL_GAP).max(760.0);
    let mut boxes = Vec::new();
    let push =
        |boxes: &mut Vec<LabelBox>, id: String, kind, rect| boxes.push(LabelBox { id, kind, rect });
    let title = shorten_in(&ev.title, "title", width - 2.0 * MARGIN);
    let (mut heading, tw, th) = stack(MARGIN, MARGIN, &[(title, "title")]);
    push(
        &mut boxes,
        "title".into(),
        BoxKind::Heading,
        Rect {
            x: MARGIN,
            y: MARGIN,
            w: tw,
            h: th,
        },
    );
    let sub_rows: Vec<(String, &'static str)> =
        wrap_in(&ev.subtitle, "subtitle", width - 2.0 * MARGIN, 3)
            .into_iter()
            .map(|l| (l, "subtitle"))
            .collect();
    let (sub, sw, sh) = stack(MARGIN, MARGIN + th + 2.0, &sub_rows);
    push(
        &mut boxes,
        "subtitle".into(),
        BoxKind::Heading,
        Rect {
            x: MARGIN,
            y: MARGIN + th + 2.0,
            w: sw,
            h: sh,
        },
    );
    heading.extend(sub);
    let mut y = MARGIN + th + sh + 18.0;

    // Column headings under a time arrow.
    let time_y = y + 4.0;
    y += 14.0;
    let col_x = |c: usize| MARGIN + c as f64 * (BLOCK_W + COL_GAP);
    let mut columns = Vec::new();
    for (c, (label, _)) in ev.columns.iter().enumerate() {
        let t = shorten_in(label, "col-head", BLOCK_W);
        let (ls, w, h) = stack(col_x(c), y, &[(t, "col-head")]);
        push(
            &mut boxes,
            format!("column-{c}"),
            BoxKind::Block,
            Rect {
                x: col_x(c),
                y,
                w,
                h,
            },
        );
        columns.extend(ls);
    }
    y += 26.0;

    // Links that skip columns run in channels above the blocks.
    let pos: BTreeMap<&str, usize> = ev
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    let mut col_of = vec![0usize; ev.blocks.len()];
    for (c, (_, m)) in ev.columns.iter().enumerate() {
        for &b in m {
            col_of[b] = c;
        }
    }
    let skips: Vec<usize> = ev
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| col_of[pos[l.from.as_str()]].abs_diff(col_of[pos[l.to.as_str()]]) > 1)
        .map(|(k, _)| k)
        .collect();
    let channel_top = y;
    y += skips.len() as f64 * 8.0 + if skips.is_empty() { 0.0 } else { 10.0 };
    let blocks_top = y;

    let inner = BLOCK_W - 2.0 * PAD;
    let mut places: Vec<Option<BlockPlace>> = vec![None; ev.blocks.len()];
    let mut bottom: f64 = blocks_top;
    for (c, (_, members)) in ev.columns.iter().enumerate() {
        let x = col_x(c);
        let mut by = blocks_top;
        for &b in members {
            let bl = &ev.blocks[b];
            let mut rows: Vec<(String, &'static str)> = wrap_in(&bl.name, "block-name", inner, 2)
                .into_iter()
                .map(|l| (l, "block-name"))
                .collect();
            rows.push((shorten_in(&bl.meta, "block-meta", inner), "block-meta"));
            for r in bl.relations.iter().take(6) {
                rows.push((shorten_in(r, "lane-link", inner), "lane-link"));
            }
            if bl.relations.len() > 6 {
                rows.push((
                    format!("and {} more links", bl.relations.len() - 6),
                    "lane-link",
                ));
            }
            let (head_lines, _, hh) = stack(x + PAD, by + PAD, &rows);
            let total: usize = bl.groups.iter().map(|g| g.1.len()).sum();
            let tally_y = by + PAD + hh + 4.0;
            let tally: Vec<(Option<Stance>, f64)> = bl
                .groups
                .iter()
                .map(|g| (g.0, inner * g.1.len() as f64 / total.max(1) as f64))
                .collect();
            let head_h = PAD + hh + if total > 0 { 18.0 } else { 6.0 };
            let head = Rect {
                x,
                y: by,
                w: BLOCK_W,
                h: head_h,
            };
            let mut cy = by + head_h + 8.0;
            let mut group_lines = Vec::new();
            let mut claims = Vec::new();
            let mut more = Vec::new();
            if total == 0 {
                let (ls, _, h) = stack(
                    x + PAD,
                    cy,
                    &[(
                        "No claim in the corpus is about it.".to_string(),
                        "block-meta",
                    )],
                );
                group_lines.extend(ls);
                cy += h + 4.0;
            }
            for (gi, (stance, list)) in bl.groups.iter().enumerate() {
                let head_text = format!("{} ({})", stance_word(*stance).to_uppercase(), list.len());
                let class = match stance {
                    Some(Stance::For) => "stance-head sh-for",
                    Some(Stance::Against) => "stance-head sh-against",
                    Some(Stance::Mixed) => "stance-head sh-mixed",
                    _ => "stance-head",
                };
                let (ls, _, h) = stack(x + PAD, cy, &[(head_text, class)]);
                group_lines.extend(ls);
                cy += h + 2.0;
                for (ci, c) in list.iter().enumerate().take(PER_STANCE) {
                    let mut rows: Vec<(String, &'static str)> =
                        wrap_in(&c.text, "claim-text", inner - 16.0, 3)
                            .into_iter()
                            .map(|l| (l, "claim-text"))
                            .collect();
                    rows.push((shorten_in(&c.byline, "speaker", inner - 16.0), "speaker"));
                    let (ls, _, h) = stack(x + PAD + 16.0, cy, &rows);
                    claims.push(ClaimPlace {
                        group: gi,
                        index: ci,
                        marker: (x + PAD + 5.0, cy + 7.0),
                        lines: ls,
                        rect: Rect {
                            x: x + PAD,
                            y: cy,
                            w: inner,
                            h,
                        },
                    });
                    cy += h + 5.0;
                }
                if list.len() > PER_STANCE {
                    let t = format!(
                        "and {} more {} (hover for all)",
                        list.len() - PER_STANCE,
                        stance_word(*stance)
                    );
                    let (mut ls, _, h) = stack(x + PAD + 16.0, cy, &[(t, "block-meta")]);
                    if let Some(l) = ls.pop() {
                        more.push((gi, l));
                    }
                    cy += h + 4.0;
                }
                cy += 4.0;
            }
            let rect = Rect {
                x,
                y: by,
                w: BLOCK_W,
                h: cy - by + 4.0,
            };
            push(&mut boxes, bl.id.clone(), BoxKind::Block, rect);
            places[b] = Some(BlockPlace {
                block: b,
                rect,
                head,
                head_lines,
                tally: (x + PAD, tally_y, tally),
                group_lines,
                claims,
                more,
            });
            by = rect.bottom() + 26.0;
        }
        bottom = bottom.max(by);
    }
    let blocks: Vec<BlockPlace> = places.into_iter().flatten().collect();
    let at: BTreeMap<usize, usize> = blocks
        .iter()
        .enumerate()
        .map(|(k, p)| (p.block, k))
        .collect();

    // Arrows between headers.
    let mut arrows = Vec::new();
    let mut channel = 0usize;
    let mut bows: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, l) in ev.links.iter().enumerate() {
        let (a, b) = (pos[l.from.as_str()], pos[l.to.as_str()]);
        let (pa, pb) = (&blocks[at[&a]], &blocks[at[&b]]);
        let (ca, cb) = (col_of[a], col_of[b]);
        let ya = pa.head.y + 16.0;
        let yb = pb.head.y + 16.0 + if l.kind == EdgeKind::PartOf { 8.0 } else { 0.0 };
        let d = if ca == cb {
            let n = bows.entry(ca).or_insert(0);
            *n += 1;
            let x = pa.rect.x;
            let bend = x - 14.0 - 9.0 * (*n as f64 % 8.0);
            format!(
                "M{} {} C{} {} {} {} {} {}",
                num(x),
                num(ya),
                num(bend),
                num(ya),
                num(bend),
                num(yb),
                num(x),
                num(yb)
            )
        } else {
            let fwd = cb > ca;
            let x1 = if fwd { pa.rect.right() } else { pa.rect.x };
            let x2 = if fwd { pb.rect.x } else { pb.rect.right() };
            if ca.abs_diff(cb) > 1 {
                // Up into a channel above the blocks, across, and down; each link
                // gets its own channel and its own verticals in the column gaps.
                let cy = channel_top + 4.0 + 8.0 * channel as f64;
                let s = if fwd { 1.0 } else { -1.0 };
                let off = 12.0 + 7.0 * (channel % 12) as f64;
                channel += 1;
                let (xa, xb) = (x1 + s * off, x2 - s * (COL_GAP - off));
                rounded(
                    &[(x1, ya), (xa, ya), (xa, cy), (xb, cy), (xb, yb), (x2, yb)],
                    8.0,
                )
            } else {
                let c = (x2 - x1) * 0.5;
                format!(
                    "M{} {} C{} {} {} {} {} {}",
                    num(x1),
                    num(ya),
                    num(x1 + c),
                    num(ya),
                    num(x2 - c),
                    num(yb),
                    num(x2),
                    num(yb)
                )
            }
        };
        arrows.push((k, d));
    }
    let height = bottom + MARGIN - 26.0 + 10.0;
    EvolutionLayout {
        geometry: Geometry {
            width,
            height,
            boxes,
        },
        heading,
        columns,
        time_y,
        blocks,
        arrows,
    }
}

/// A polyline with rounded corners, as SVG path data.
pub fn rounded(points: &[(f64, f64)], r: f64) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = points.first() else {
        return d;
    };
    d.push_str(&format!("M{} {}", num(x0), num(y0)));
    for k in 1..points.len() {
        let (x, y) = points[k];
        if let Some(&(nx, ny)) = points.get(k + 1) {
            let (px, py) = points[k - 1];
            let back = (((px - x).powi(2) + (py - y).powi(2)).sqrt() / 2.0).min(r);
            let fwd = (((nx - x).powi(2) + (ny - y).powi(2)).sqrt() / 2.0).min(r);
            let unit = |ax: f64, ay: f64| {
                let l = (ax * ax + ay * ay).sqrt().max(1e-9);
                (ax / l, ay / l)
            };
            let (ux, uy) = unit(px - x, py - y);
            let (vx, vy) = unit(nx - x, ny - y);
            d.push_str(&format!(
                " L{} {} Q{} {} {} {}",
                num(x + ux * back),
                num(y + uy * back),
                num(x),
                num(y),
                num(x + vx * fwd),
                num(y + vy * fwd)
            ));
        } else {
            d.push_str(&format!(" L{} {}", num(x), num(y)));
        }
    }
    d
}

/// Draw an evolution view.
pub fn draw(ev: &Evolution, lay: &EvolutionLayout) -> String {
    let g = &lay.geometry;
    let mut w = SvgWriter::new(g.width, g.height, &svg::css());
    let mut kinds: Vec<EdgeKind> = ev.links.iter().map(|l| l.kind).collect();
    kinds.sort();
    kinds.dedup();
    svg::defs(&mut w, &kinds);
    w.empty(
        "rect",
        &[
            ("x", "0"),
            ("y", "0"),
            ("width", &num(g.width)),
            ("height", &num(g.height)),
            ("fill", "#ffffff"),
        ],
    );
    w.open("g", &[("class", "heading")]);
    w.title(&format!("{}\n{}", ev.title, ev.subtitle));
    svg::lines(&mut w, &lay.heading);
    w.close("g");
    w.open("g", &[("class", "columns")]);
    if lay.columns.len() > 1 {
        let (x0, x1, y) = (MARGIN, g.width - MARGIN, lay.time_y);
        w.open("g", &[("class", "time-arrow")]);
        w.title("Time runs left to right");
        w.empty(
            "line",
            &[
                ("x1", &num(x0)),
                ("y1", &num(y)),
                ("x2", &num(x1 - 8.0)),
                ("y2", &num(y)),
                ("stroke", "#b0bec5"),
                ("stroke-width", "2"),
            ],
        );
        let head = format!(
            "M{} {} L{} {} L{} {}Z",
            num(x1),
            num(y),
            num(x1 - 10.0),
            num(y - 5.0),
            num(x1 - 10.0),
            num(y + 5.0)
        );
        w.empty("path", &[("d", &head), ("fill", "#b0bec5")]);
        w.close("g");
    }
    svg::lines(&mut w, &lay.columns);
    w.close("g");

    w.open("g", &[("class", "blocks")]);
    for p in &lay.blocks {
        let b = &ev.blocks[p.block];
        let cl = if b.focus {
            "node policy block focus"
        } else {
            "node policy block"
        };
        w.open("g", &[("id", &b.id), ("class", cl)]);
        w.title(&b.tooltip);
        let r = p.rect;
        w.empty(
            "rect",
            &[
                ("class", "body"),
                ("x", &num(r.x)),
                ("y", &num(r.y)),
                ("width", &num(r.w)),
                ("height", &num(r.h)),
                ("rx", "6"),
            ],
        );
        let h = p.head;
        w.empty(
            "rect",
            &[
                ("class", "head"),
                ("x", &num(h.x)),
                ("y", &num(h.y)),
                ("width", &num(h.w)),
                ("height", &num(h.h)),
                ("rx", "6"),
            ],
        );
        svg::lines(&mut w, &p.head_lines);
        let (mut tx, ty, parts) = (p.tally.0, p.tally.1, &p.tally.2);
        for (st, pw) in parts {
            w.empty(
                "rect",
                &[
                    ("x", &num(tx)),
                    ("y", &num(ty)),
                    ("width", &num(*pw)),
                    ("height", "8"),
                    ("fill", stance_color(*st)),
                ],
            );
            tx += pw;
        }
        svg::lines(&mut w, &p.group_lines);
        for cp in &p.claims {
            let c = &b.groups[cp.group].1[cp.index];
            let (mx, my) = cp.marker;
            let cl = format!(
                "node claim block-claim stance-{}{}",
                stance_word(c.stance),
                if c.hedged { " hedged" } else { "" }
            );
            let id = format!("{}@{}", c.id, b.id);
            w.open("g", &[("id", &id), ("class", &cl)]);
            w.title(&c.tooltip);
            w.empty(
                "circle",
                &[
                    ("class", "marker"),
                    ("cx", &num(mx)),
                    ("cy", &num(my)),
                    ("r", &num(MARKER_R)),
                ],
            );
            svg::lines(&mut w, &cp.lines);
            w.close("g");
        }
        for (gi, l) in &p.more {
            let all: Vec<String> = b.groups[*gi]
                .1
                .iter()
                .map(|c| format!("• {} {}", c.text, c.byline))
                .collect();
            w.open("g", &[("class", "more")]);
            w.title(&all.join("\n"));
            svg::lines(&mut w, std::slice::from_ref(l));
            w.close("g");
        }
        w.close("g");
    }
    w.close("g");

    w.open("g", &[("class", "lineage")]);
    for (k, d) in &lay.arrows {
        svg::edge(&mut w, &ev.links[*k], d);
    }
    w.close("g");
    w.finish()
}

/// A drawn evolution view.
#[derive(Debug, Clone, PartialEq)]
pub struct EvolutionView {
    /// The SVG document.
    pub svg: String,
    /// What it shows, in one line.
    pub summary: String,
    /// The policy's slug, for the file name.
    pub slug: String,
}

/// Draw the lineage of the policy named by `query`.
pub fn render_evolution(g: &LevelGraph, query: &str) -> Result<EvolutionView, TimelineError> {
    let ev = extract(g, query)?;
    let lay = lay_out(&ev);
    let svg = draw(&ev, &lay);
    let slug = class_name(
        ev.focus
            .split_once(':')
            .map_or(ev.focus.as_str(), |(_, s)| s),
    );
    let summary = format!(
        "{} in {} column(s), {} link(s); {} x {} px",
        count(ev.blocks.len(), "idea", "ideas"),
        ev.columns.len(),
        ev.links.len(),
        num(lay.geometry.width),
        num(lay.geometry.height)
    );
    Ok(EvolutionView { svg, summary, slug })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::tests::mini;

    #[test]
    fn lineage_follows_evolution_both_ways() {
        let g = mini();
        let ev = extract(&g, "securonomics").unwrap();
        let ids: Vec<&str> = ev.blocks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["policy:levelling-up", "policy:securonomics"]);
        assert_eq!(
            ev.columns.len(),
            2,
            "levelling up stands left of what it evolved into"
        );
        assert_eq!(ev.columns[0].1, [0]);
        let lu = &ev.blocks[0];
        let stances: Vec<Option<Stance>> = lu.groups.iter().map(|g| g.0).collect();
        assert_eq!(stances, [Some(Stance::Against), Some(Stance::Mixed)]);
        assert!(
            lu.groups[0]
                .1
                .iter()
                .any(|c| c.byline.starts_with("— Ann Alpha")),
            "{:?}",
            lu.groups[0].1
        );
        assert!(lu
            .relations
            .iter()
            .any(|r| r.starts_with("→ evolves into Securonomics")));
    }

    #[test]
    fn refuses_what_is_not_a_policy() {
        let g = mini();
        let e = extract(&g, "Rachel Reeves").unwrap_err();
        assert!(matches!(e, TimelineError::NotAPolicy { .. }));
        assert!(
            e.to_string()
                .starts_with("'Rachel Reeves' is actor:rachel-reeves, not a policy"),
            "{e}"
        );
    }

    #[test]
    fn no_labels_overlap() {
        let g = mini();
        for p in ["levelling-up", "devolution", "industrial strategy"] {
            let ev = extract(&g, p).unwrap();
            let lay = lay_out(&ev);
            assert!(
                lay.geometry.collisions().is_empty(),
                "{p}: {:?}",
                lay.geometry.collisions()
            );
            assert!(lay.geometry.out_of_bounds().is_empty(), "{p}");
        }
    }
}
