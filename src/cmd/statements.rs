//! `levelmap statements`: every statement (actor, policy, stance, date, article,
//! quote) the discourse networks are made of, filtered; a table, JSON or CSV.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_network::json::{StatementJson, StatementsJson, VERSION};
use levelmap_network::statements::dedupe;

use super::load::Source;
use super::network::{load_statements, write_csv, Select};
use super::table::{fixed, wrapping, Cell, Table, Term, Tone};

/// How `statements` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// Aligned table.
    #[default]
    Table,
    /// JSON, schema levelmap/statements v1.
    Json,
    /// CSV, one statement a row.
    Csv,
}

/// Flags of `levelmap statements`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Which statements.
    #[command(flatten)]
    pub(crate) select: Select,
    /// How to print them.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
}

/// Run `statements`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let list = dedupe(
        load_statements(&args.source, &args.select)?,
        args.select.duplicates.rule(),
    );
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let doc = StatementsJson {
                schema: "levelmap/statements".into(),
                version: VERSION,
                statements: list.iter().map(StatementJson::of).collect(),
            };
            levelmap_model::json::write_pretty(&mut w, &doc).map_err(io::Error::from)?;
            writeln!(w)?;
        }
        Format::Csv => {
            let rows = list.iter().map(|s| {
                vec![
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    s.actor.to_string(),
                    s.actor_label.to_string(),
                    s.policy.to_string(),
                    s.policy_label.to_string(),
                    s.stance.to_string(),
                    s.article.to_string(),
                    s.source.name().to_string(),
                    s.quote.to_string(),
                ]
            });
            write_csv(
                &mut w,
                &[
                    "date",
                    "actor",
                    "actor_label",
                    "policy",
                    "policy_label",
                    "stance",
                    "article",
                    "source",
                    "quote",
                ],
                rows,
            )?;
        }
        Format::Table => {
            let term = Term::detect();
            term.heading(&mut w, &format!("{} statement(s)", list.len()))?;
            let mut t = Table::new(vec![
                fixed("date"),
                wrapping("actor"),
                fixed("stance"),
                wrapping("policy"),
                wrapping("quote"),
                wrapping("article"),
            ]);
            for s in &list {
                t.row(vec![
                    Cell::plain(
                        s.date
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "undated".into()),
                    ),
                    Cell::plain(s.actor_label.as_ref()),
                    Cell::tone(s.stance.as_str(), Tone::Stance(s.stance)),
                    Cell::plain(s.policy_label.as_ref()),
                    Cell::plain(format!("“{}”", s.quote)),
                    Cell::tone(s.article.as_ref(), Tone::Dim),
                ]);
            }
            t.print(&term, &mut w)?;
        }
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
