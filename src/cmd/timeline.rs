//! `levelmap timeline`: a chronological account with evidence on every line; about a
//! policy, where stances shifted.

use std::borrow::Cow;
use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::resolve::resolve_kind;
use levelmap_query::timeline::{timeline, Entry, EntryKind, TimelineAnswer, TimelineOptions};
use levelmap_query::{parse_date, resolve, QueryError};
use levelmap_store::walk::claims_by_candidates;
use petgraph::graph::NodeIndex;

use super::answer::{date_text, emit, evidence_text, labels, labels_cow, Output, Render};
use super::load::{ask, release, Source};
use super::table::{fixed, print_made, wrapping, Cell, Table, Term, Tone};

/// Flags of `levelmap timeline`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Only what is about this node (usually a policy): claims with their stance, relations.
    #[arg(long, value_name = "NODE")]
    pub(crate) about: Option<String>,
    /// Only what this actor said and did.
    #[arg(long, value_name = "NODE")]
    pub(crate) actor: Option<String>,
    /// From this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<String>,
    /// Up to this date (inclusive, at its precision: --to 2021 includes December 2021).
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<String>,
    /// Print at most N entries in the table, oldest first, and say how many more there
    /// are (0: all). JSON and CSV always hold every entry.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub(crate) limit: usize,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `timeline`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let from = args
        .from
        .as_deref()
        .map(|s| parse_date("from", s))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|s| parse_date("to", s))
        .transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f.start_days() >= t.end_days() {
            return Err(QueryError::BadRange { from: f, to: t }.into());
        }
    }
    let (loaded, answer) = ask(&args.source, |pending| {
        let about = args
            .about
            .as_deref()
            .map(|s| resolve(pending.names(), s))
            .transpose()?;
        // an actor, not any node: `--actor policy:x` once gave the policy's timeline
        // titled as though it were someone's
        let actor = args
            .actor
            .as_deref()
            .map(|s| resolve_kind(pending.names(), s, NodeKind::Actor))
            .transpose()?;
        let focus: Vec<_> = about.into_iter().chain(actor).collect();
        // What a timeline reads: the edges at the nodes asked about (mentions aside) and
        // the actor's claims; with no focus, the articles and events and which articles
        // refer to which events. (And, as every answer, who wrote and said what.)
        let loaded = pending.region(|store, r| {
            for f in &focus {
                r.incident(f.index() as u32, |k| k != EdgeKind::Mentions);
            }
            if let Some(x) = actor {
                for c in claims_by_candidates(store, x.index() as u32) {
                    r.node(c);
                }
            }
            if focus.is_empty() {
                for n in 0..store.node_count() as u32 {
                    match store.kind(n) {
                        Some(NodeKind::Article) => r.node(n),
                        Some(NodeKind::Event) => r.incident(n, |k| k == EdgeKind::RefersTo),
                        _ => {}
                    }
                }
            }
        })?;
        let local = |i: Option<NodeIndex>| i.map(|i| loaded.local(i)).transpose();
        let answer = timeline(
            &loaded.graph,
            &TimelineOptions {
                about: local(about)?,
                actor: local(actor)?,
                from,
                to,
            },
        )?;
        Ok((loaded, answer))
    })?;
    let mut answer = answer;
    answer.page = (args.limit > 0).then_some(args.limit);
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

fn stance_cell(e: &Entry) -> Cell<'static> {
    let Some(s) = e
        .stance
        .or_else(|| (e.about.len() == 1).then(|| e.about[0].stance))
    else {
        return Cell::default();
    };
    match e.shifts.first() {
        Some(sh) => Cell::tone(format!("{} → {}", sh.from, sh.to), Tone::Alert),
        None => Cell::tone(s.as_str(), Tone::Stance(s)),
    }
}

fn what(e: &Entry, about_known: bool) -> Cow<'_, str> {
    let on =
        e.kind == EntryKind::Claim && !(about_known && e.stance.is_some()) && !e.about.is_empty();
    if !on && e.shifts.is_empty() {
        return Cow::Borrowed(&e.what);
    }
    let mut s = e.what.to_string();
    if on {
        let on: Vec<String> = e
            .about
            .iter()
            .map(|a| format!("{} ({})", a.policy.label, a.stance))
            .collect();
        s.push_str(&format!("\n[on {}]", on.join(", ")));
    }
    for sh in &e.shifts {
        s.push_str(&format!(
            "\n[{} shifts from {} (since {}) to {} on {}]",
            sh.who.label,
            sh.from,
            date_text(sh.since),
            sh.to,
            sh.policy.label
        ));
    }
    Cow::Owned(s)
}

impl Render for TimelineAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        let mut title = match (&self.about, &self.actor) {
            (Some(p), Some(a)) => format!("Timeline of {} on {}", a.label, p.label),
            (Some(p), None) => format!("Timeline of {}", p.label),
            (None, Some(a)) => format!("Timeline of {}", a.label),
            (None, None) => "Timeline of articles and events".to_string(),
        };
        match (self.from, self.to) {
            (Some(f), Some(t)) => title.push_str(&format!(", {f} to {t}")),
            (Some(f), None) => title.push_str(&format!(", from {f}")),
            (None, Some(t)) => title.push_str(&format!(", up to {t}")),
            (None, None) => {}
        }
        term.heading(w, &format!("{title} ({} entries)", self.entries.len()))?;
        if self.entries.is_empty() {
            writeln!(w, "Nothing in this period.")?;
            return Ok(());
        }
        let stances = self
            .entries
            .iter()
            .any(|e| e.stance.is_some() || !e.about.is_empty());
        let mut columns = vec![
            fixed("date"),
            fixed("kind"),
            wrapping("who"),
            fixed("stance"),
            wrapping("what"),
            wrapping("evidence"),
        ];
        if !stances {
            columns.remove(3);
        }
        // A hub's timeline has tens of thousands of entries: its rows are made as
        // they are printed, not kept.
        let row = |i: usize| {
            let e = &self.entries[i];
            let mut row = vec![
                Cell::plain(date_text(e.date)),
                Cell::tone(e.kind.as_str(), Tone::Dim),
                Cell::plain(labels_cow(&e.who)),
                Cell::plain(what(e, self.about.is_some())),
                Cell::tone(
                    e.evidence
                        .as_ref()
                        .map(evidence_text)
                        .unwrap_or_else(|| "(no article refers to it)".into()),
                    Tone::Quote,
                ),
            ];
            if stances {
                row.insert(3, stance_cell(e));
            }
            row
        };
        let shown = self
            .page
            .map_or(self.entries.len(), |p| p.min(self.entries.len()));
        print_made(&columns, shown, row, term, w)?;
        if shown < self.entries.len() {
            writeln!(
                w,
                "{}",
                term.paint(
                    &format!(
                        "… and {} more (--limit 0 lists all; --from and --to narrow the period)",
                        self.entries.len() - shown
                    ),
                    Tone::Dim
                )
            )?;
        }
        if !self.years.is_empty() {
            writeln!(w)?;
            term.heading(w, "Stances by year")?;
            let mut t = Table::new(vec![
                fixed("year"),
                fixed("for"),
                fixed("against"),
                fixed("mixed"),
                fixed("neutral"),
                fixed("prevailing"),
            ]);
            for y in &self.years {
                let prevailing = match (y.prevailing, y.shift) {
                    (Some(s), true) => Cell::tone(format!("{s} (shift)"), Tone::Alert),
                    (Some(s), false) => Cell::tone(s.as_str(), Tone::Stance(s)),
                    (None, _) => Cell::tone("even", Tone::Dim),
                };
                t.row(vec![
                    Cell::plain(y.year.to_string()),
                    Cell::plain(y.counts.for_.to_string()),
                    Cell::plain(y.counts.against.to_string()),
                    Cell::plain(y.counts.mixed.to_string()),
                    Cell::plain(y.counts.neutral.to_string()),
                    prevailing,
                ]);
            }
            t.print(term, w)?;
        }
        Ok(())
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "date", "kind", "who", "who_ids", "what", "node", "edge", "stance", "about", "shift",
            "article", "title", "quote",
        ];
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let ev = e.evidence.as_ref();
                vec![
                    e.date.map(|d| d.to_string()).unwrap_or_default(),
                    e.kind.as_str().to_string(),
                    labels(&e.who),
                    e.who
                        .iter()
                        .map(|n| n.id.as_ref())
                        .collect::<Vec<_>>()
                        .join(" "),
                    e.what.to_string(),
                    e.node.id.to_string(),
                    e.edge.map(|k| k.to_string()).unwrap_or_default(),
                    e.stance.map(|s| s.to_string()).unwrap_or_default(),
                    e.about
                        .iter()
                        .map(|a| format!("{}={}", a.policy.id, a.stance))
                        .collect::<Vec<_>>()
                        .join(" "),
                    e.shifts
                        .iter()
                        .map(|s| format!("{}:{}->{}", s.who.id, s.from, s.to))
                        .collect::<Vec<_>>()
                        .join(" "),
                    ev.map(|v| v.article.to_string()).unwrap_or_default(),
                    ev.map(|v| v.title.to_string()).unwrap_or_default(),
                    ev.map(|v| v.quote.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        (header, rows)
    }
}
