//! `levelmap show NODE`: everything about one node, with the evidence of every edge.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_query::show::{show, ShowAnswer, ShowOptions};
use levelmap_query::{resolve, Walk};

use super::answer::{date_text, emit, evidence_text, labels, node_cell, Output, Render};
use super::load::{ask, release, Source};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// Flags of `levelmap show`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The node: an id (actor:rachel-reeves), a name ("Rachel Reeves") or an alias ("Reeves");
    /// case and punctuation are ignored.
    pub(crate) node: String,
    /// List at most N edges of each kind (0: all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub(crate) limit: usize,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `show`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let (loaded, answer) = ask(&args.source, |pending| {
        let i = resolve(pending.names(), &args.node)?;
        // What `show` reads: the node's own edges (and, as every answer, who said what).
        let loaded = pending.region(|_, r| {
            r.without_speakers();
            r.speakers_of(i.index() as u32);
            r.incident(i.index() as u32, |_| true);
        })?;
        let limit = (args.limit > 0).then_some(args.limit);
        let answer = show(&loaded.graph, loaded.local(i)?, ShowOptions { limit });
        Ok((loaded, answer))
    })?;
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

impl Render for ShowAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        let n = &self.node;
        term.heading(w, &format!("{} ({})", n.label, n.id))?;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let kind = match &n.subkind {
            Some(s) => format!("{} ({s})", n.kind),
            None => n.kind.to_string(),
        };
        pairs.push(("kind", kind));
        if !n.aliases.is_empty() {
            pairs.push(("aliases", n.aliases.join(", ")));
        }
        if let Some(d) = &n.description {
            pairs.push(("about", d.clone()));
        }
        if let Some(d) = n.date {
            pairs.push(("date", d.to_string()));
        }
        if let Some(u) = &n.url {
            pairs.push(("url", u.clone()));
        }
        for r in &n.roles {
            let mut s = r.title.clone();
            if let Some(of) = &r.of {
                s.push_str(&format!(" ({of})"));
            }
            s.push_str(&format!(
                ", {} to {}",
                date_text(r.from),
                r.to.map_or("now".into(), |d| d.to_string())
            ));
            pairs.push(("role", s));
        }
        if let Some(c) = &n.claim {
            pairs.push((
                "claim",
                format!("{}{}", c.claim_kind, if c.hedged { ", hedged" } else { "" }),
            ));
            pairs.push(("said by", labels(&c.speakers)));
            pairs.push(("quote", evidence_text(&c.evidence)));
        }
        if let (Some(a), Some(b)) = (self.first_seen, self.last_seen) {
            pairs.push((
                "seen",
                if a == b {
                    a.to_string()
                } else {
                    format!("{a} to {b}")
                },
            ));
        }
        pairs.push(("edges", self.degree.to_string()));
        if n.origin != "curated" {
            pairs.push(("origin", n.origin.clone()));
        }
        term.pairs(w, &pairs)?;
        for group in &self.groups {
            writeln!(w)?;
            term.heading(w, &format!("{} ({})", group.phrase, group.total))?;
            let mut t = Table::new(vec![
                fixed("date"),
                wrapping("node"),
                fixed("stance"),
                wrapping("evidence"),
            ]);
            let any_stance = group.edges.iter().any(|e| e.stance.is_some());
            if !any_stance {
                t.columns.remove(2);
            }
            for e in &group.edges {
                let mut row = vec![Cell::plain(date_text(e.evidence.date)), node_cell(&e.other)];
                if any_stance {
                    row.push(
                        e.stance.map_or_else(Cell::default, |s| {
                            Cell::tone(s.as_str(), Tone::Stance(s))
                        }),
                    );
                }
                let mut ev = evidence_text(&e.evidence);
                if let Some(note) = &e.note {
                    ev.push_str(&format!("\nnote: {note}"));
                }
                row.push(Cell::tone(ev, Tone::Quote));
                t.row(row);
            }
            t.print(term, w)?;
            if group.total > group.edges.len() {
                writeln!(
                    w,
                    "{}",
                    term.paint(
                        &format!(
                            "… and {} more (--limit 0 lists all)",
                            group.total - group.edges.len()
                        ),
                        Tone::Dim
                    )
                )?;
            }
        }
        Ok(())
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "node",
            "edge",
            "direction",
            "phrase",
            "other_id",
            "other_kind",
            "other_label",
            "stance",
            "date",
            "article",
            "quote",
        ];
        let rows = self
            .groups
            .iter()
            .flat_map(|g| {
                g.edges.iter().map(move |e| {
                    vec![
                        self.node.id.to_string(),
                        g.edge.to_string(),
                        match g.walk {
                            Walk::Forward => "out".into(),
                            Walk::Backward => "in".into(),
                        },
                        g.phrase.clone(),
                        e.other.id.to_string(),
                        e.other.kind.to_string(),
                        e.other.label.to_string(),
                        e.stance.map(|s| s.to_string()).unwrap_or_default(),
                        e.evidence.date.map(|d| d.to_string()).unwrap_or_default(),
                        e.evidence.article.to_string(),
                        e.evidence.quote.to_string(),
                    ]
                })
            })
            .collect();
        (header, rows)
    }
}
