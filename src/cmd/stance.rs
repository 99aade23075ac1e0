//! `levelmap stance POLICY`: the actors for, against and mixed on a policy, when, and
//! on what evidence.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::resolve::resolve_kind;
use levelmap_query::stance::{stance, ActorStance, StanceAnswer};
use levelmap_query::StanceCounts;

use super::answer::{date_text, emit, evidence_text, node_cell, Output, Render};
use super::load::{ask, release, Source};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// Flags of `levelmap stance`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The policy: an id (policy:levelling-up), a name or an alias.
    pub(crate) policy: String,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
    /// How to print the answer.
    #[command(flatten)]
    pub(crate) output: Output,
}

/// Run `stance`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let (loaded, answer) = ask(&args.source, |pending| {
        let p = resolve_kind(pending.names(), &args.policy, NodeKind::Policy)?;
        // What `stance` reads: statements about the policy (and, as every answer, who made them).
        let loaded = pending.region(|_, r| {
            r.incident(p.index() as u32, |k| {
                matches!(
                    k,
                    EdgeKind::About | EdgeKind::Proposes | EdgeKind::Criticises
                )
            })
        })?;
        let answer = stance(&loaded.graph, loaded.local(p)?);
        Ok((loaded, answer))
    })?;
    let code = emit(&loaded, &answer, &args.output)?;
    release(answer);
    release(loaded);
    Ok(code)
}

/// "2 for, 1 against".
pub(crate) fn counts_text(c: &StanceCounts) -> String {
    let parts: Vec<String> = [
        (c.for_, "for"),
        (c.against, "against"),
        (c.mixed, "mixed"),
        (c.neutral, "neutral"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| format!("{n} {s}"))
    .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

/// The four groups, named.
fn groups(a: &StanceAnswer) -> [(&'static str, &Vec<ActorStance>); 4] {
    [
        ("For", &a.for_),
        ("Against", &a.against),
        ("Mixed", &a.mixed),
        ("Neutral", &a.neutral),
    ]
}

impl Render for StanceAnswer {
    fn table(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        term.heading(
            w,
            &format!("Stances on {} ({})", self.policy.label, self.policy.id),
        )?;
        writeln!(
            w,
            "{} statement(s): {}",
            self.counts.total(),
            counts_text(&self.counts)
        )?;
        for (name, group) in groups(self) {
            if group.is_empty() {
                continue;
            }
            writeln!(w)?;
            term.heading(
                w,
                &format!(
                    "{name} ({} actor{})",
                    group.len(),
                    if group.len() == 1 { "" } else { "s" }
                ),
            )?;
            let mut t = Table::new(vec![
                wrapping("actor"),
                fixed("date"),
                fixed("stance"),
                wrapping("statement"),
                wrapping("evidence"),
            ]);
            for a in group {
                for (k, s) in a.statements.iter().enumerate() {
                    let actor = if k == 0 {
                        let mut c = node_cell(&a.actor);
                        if a.statements.len() > 1 {
                            c.push_line(&format!("({})", counts_text(&a.counts)));
                        }
                        c
                    } else {
                        Cell::default()
                    };
                    t.row(vec![
                        actor,
                        Cell::plain(date_text(s.date)),
                        Cell::tone(s.stance.as_str(), Tone::Stance(s.stance)),
                        Cell::plain(s.text.clone()),
                        Cell::tone(evidence_text(&s.evidence), Tone::Quote),
                    ]);
                }
            }
            t.print(term, w)?;
        }
        if !self.unattributed.is_empty() {
            writeln!(w)?;
            term.heading(w, &format!("Unattributed ({})", self.unattributed.len()))?;
            let mut t = Table::new(vec![
                fixed("date"),
                fixed("stance"),
                wrapping("statement"),
                wrapping("evidence"),
            ]);
            for s in &self.unattributed {
                t.row(vec![
                    Cell::plain(date_text(s.date)),
                    Cell::tone(s.stance.as_str(), Tone::Stance(s.stance)),
                    Cell::plain(s.text.clone()),
                    Cell::tone(evidence_text(&s.evidence), Tone::Quote),
                ]);
            }
            t.print(term, w)?;
        }
        Ok(())
    }

    fn csv(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "policy", "position", "actor_id", "actor", "date", "stance", "via", "claim", "text",
            "article", "quote",
        ];
        let mut rows = Vec::new();
        let mut push = |position: &str,
                        actor: Option<&levelmap_query::NodeRef>,
                        s: &levelmap_query::stance::Statement| {
            rows.push(vec![
                self.policy.id.to_string(),
                position.to_string(),
                actor.map(|a| a.id.to_string()).unwrap_or_default(),
                actor.map(|a| a.label.to_string()).unwrap_or_default(),
                s.date.map(|d| d.to_string()).unwrap_or_default(),
                s.stance.to_string(),
                s.via.clone(),
                s.claim
                    .as_ref()
                    .map(|c| c.id.to_string())
                    .unwrap_or_default(),
                s.text.clone(),
                s.evidence.article.to_string(),
                s.evidence.quote.to_string(),
            ]);
        };
        for (_, group) in groups(self) {
            for a in group {
                for s in &a.statements {
                    push(a.position.as_str(), Some(&a.actor), s);
                }
            }
        }
        for s in &self.unattributed {
            push("unattributed", None, s);
        }
        (header, rows)
    }
}
