//! `levelmap search TEXT`: ranked matches over names, aliases, claims and quotes, each
//! with why it matched.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::NodeKind;
use std::collections::BTreeSet;

use anyhow::Context;
use levelmap_query::search::{
    query_terms, search, search_in, DocText, Hit, Owner, Postings, SearchAnswer, SearchOptions,
};
use levelmap_query::QueryError;
use levelmap_store::walk::claims_by_candidates;
use levelmap_store::{Region, Store};

use super::answer::{date_text, emit, labels, Output, Render};
use super::load::{ask, release, Source};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// Flags of `levelmap search`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The words to look for (several words need no quotes).
    #[arg(required = true, num_args = 1..)]
    pub(crate) text: Vec<String>,
    /// List at most N hits.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub(crate) limit: usize,
    /// Only hits on nodes of this kind (repeatable): article, actor, policy, claim, event.
    #[arg(long = "kind", value_name = "K")]
    pub(crate) kinds: Vec<NodeKind>,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `search`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    if args.limit == 0 {
        return Err(QueryError::BadCount {
            flag: "limit".into(),
        }
        .into());
    }
    let opts = SearchOptions {
        text: args.text.join(" "),
        limit: args.limit,
        kinds: args.kinds,
    };
    let terms = query_terms(&opts)?;
    // What `search` ranks: the owners of the documents that hold a term (with every
    // edge between a matching relation's ends, which its id counts), and the claims
    // of the actors whose names hold one, with who said them (their speakers' names
    // are a field). Ranking reads no other speakers, so the region leaves them out.
    let rank = |store: &Store, r: &mut Region, only: Option<&BTreeSet<Owner>>| {
        for t in &terms {
            for d in store.postings(t) {
                match store.doc(d).map(|d| (d.owner, d.text)) {
                    Some((Owner::Node(n), text)) => {
                        if only.is_none_or(|o| o.contains(&Owner::Node(n))) {
                            r.node(n);
                        }
                        if text == DocText::Name && store.kind(n) == Some(NodeKind::Actor) {
                            r.node(n);
                            claims_by_candidates(store, n)
                                .into_iter()
                                .for_each(|c| r.speakers_of(c));
                        }
                    }
                    Some((Owner::Edge(e), _))
                        if only.is_none_or(|o| o.contains(&Owner::Edge(e))) =>
                    {
                        if let Some(ends) = store.ends(e) {
                            store
                                .out_edges(ends.from)
                                .filter(|&x| store.ends(x).is_some_and(|x| x.to == ends.to))
                                .for_each(|x| r.edge(x));
                        }
                    }
                    _ => {}
                }
            }
        }
    };
    let (loaded, answer) = ask(&args.source, |pending| {
        let loaded = pending.region(|store, r| {
            r.without_speakers();
            rank(store, r, None);
        })?;
        match loaded.store() {
            None => {
                let answer = search(&loaded.graph, &opts)?;
                Ok((loaded, answer))
            }
            Some(store) => {
                let ranked = search_in(&loaded.graph, store, |o| loaded.owner(o), &opts)?;
                // Then the hits with who said them: their owners, with the speakers'
                // claims again (a smaller region whose ranking keeps the same top hits).
                let hits: BTreeSet<Owner> = ranked
                    .hits
                    .iter()
                    .flat_map(|h| hit_owners(store, h))
                    .collect();
                let loaded_hits = loaded.reload(|store, r| {
                    r.without_speakers();
                    rank(store, r, Some(&hits));
                    for &h in &hits {
                        if let Owner::Node(n) = h {
                            r.speakers_of(n);
                        }
                    }
                })?;
                let store = loaded_hits.store().context("a region of the store")?;
                let mut answer =
                    search_in(&loaded_hits.graph, store, |o| loaded_hits.owner(o), &opts)?;
                anyhow::ensure!(
                    answer.hits.len() == ranked.hits.len()
                        && answer
                            .hits
                            .iter()
                            .zip(&ranked.hits)
                            .all(|(a, b)| a.node == b.node && a.score == b.score),
                    "internal error: the hits changed between the two passes of search"
                );
                answer.total = ranked.total;
                Ok((loaded_hits, answer))
            }
        }
    })?;
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

/// The store owners a hit may be: its node, or every edge of its relation's kind
/// between its two ends.
fn hit_owners(store: &Store, h: &Hit) -> Vec<Owner> {
    let Some(n) = store.find(&h.node.id) else {
        return vec![];
    };
    match (&h.edge, &h.target) {
        (Some(kind), Some(t)) => {
            let Some(to) = store.find(&t.id) else {
                return vec![];
            };
            store
                .out_edges(n)
                .filter(|&r| store.ends(r).is_some_and(|e| e.to == to && e.kind == *kind))
                .map(Owner::Edge)
                .collect()
        }
        _ => vec![Owner::Node(n)],
    }
}

/// What a hit is, in words: a node's label, or "A proposes B".
fn hit_label(h: &Hit) -> String {
    match (&h.edge, &h.target) {
        (Some(e), Some(t)) => format!("{} {} {}", h.node.label, e.phrase(), t.label),
        _ => h.node.label.to_string(),
    }
}

fn why_text(h: &Hit) -> String {
    h.why
        .iter()
        .map(|w| {
            format!(
                "{} [{}]: {}",
                w.field.as_str(),
                w.terms.join(", "),
                w.snippet
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Render for SearchAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        let shown = self.hits.len();
        let more = if self.total > shown {
            format!(", best {shown} shown")
        } else {
            String::new()
        };
        term.heading(
            w,
            &format!(
                "Search: {} ({} match{}{more})",
                self.terms.join(" "),
                self.total,
                if self.total == 1 { "" } else { "es" }
            ),
        )?;
        if self.hits.is_empty() {
            writeln!(
                w,
                "No matches. Words are matched whole (plurals aside); try fewer or other words."
            )?;
            return Ok(());
        }
        let mut t = Table::new(vec![
            fixed("#"),
            fixed("score"),
            fixed("kind"),
            wrapping("match"),
            fixed("date"),
            wrapping("why"),
        ]);
        for h in &self.hits {
            let mut what = hit_label(h);
            if !h.speakers.is_empty() {
                what.push_str(&format!("\n— {}", labels(&h.speakers)));
            }
            what.push_str(&format!("\n{}", h.node.id));
            // made through the cell's constructor, which shows control characters
            let what = Cell::tone(what, Tone::Kind(h.node.kind));
            let kind = if h.edge.is_some() {
                "relation".to_string()
            } else {
                h.node.kind.to_string()
            };
            t.row(vec![
                Cell::plain(h.rank.to_string()),
                Cell::tone(format!("{:.2}", h.score), Tone::Dim),
                Cell::tone(kind, Tone::Kind(h.node.kind)),
                what,
                Cell::plain(date_text(h.date)),
                Cell::tone(why_text(h), Tone::Quote),
            ]);
        }
        t.print(term, w)
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "rank", "score", "id", "kind", "label", "edge", "target", "date", "speakers",
            "article", "fields", "why",
        ];
        let rows = self
            .hits
            .iter()
            .map(|h| {
                vec![
                    h.rank.to_string(),
                    h.score.to_string(),
                    h.node.id.to_string(),
                    h.node.kind.to_string(),
                    hit_label(h),
                    h.edge.map(|e| e.to_string()).unwrap_or_default(),
                    h.target
                        .as_ref()
                        .map(|t| t.id.to_string())
                        .unwrap_or_default(),
                    h.date.map(|d| d.to_string()).unwrap_or_default(),
                    h.speakers
                        .iter()
                        .map(|s| s.id.as_ref())
                        .collect::<Vec<_>>()
                        .join(" "),
                    h.article.clone().unwrap_or_default(),
                    h.why
                        .iter()
                        .map(|w| w.field.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    why_text(h),
                ]
            })
            .collect();
        (header, rows)
    }
}
