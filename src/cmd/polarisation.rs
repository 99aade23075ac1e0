//! `levelmap polarisation` (alias `polarization`): per moving window, the best
//! two-group split of the signed congruence/conflict network, scored by signed
//! modularity (docs/networks.md); a table, JSON or CSV, and a line chart as SVG.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use levelmap_draw::polarisation::{group_name, polarisation_svg};
use levelmap_network::json::{MemberJson, PolarisationJson, PolarisationWindowJson, VERSION};
use levelmap_network::polarisation::split_profiles;
use levelmap_network::statements::{dedupe_refs, Duplicates, Statement};
use levelmap_network::window::{parse_months, windows, Window};
use levelmap_network::{profiles, Kind, NetworkError};
use rayon::prelude::*;

use super::load::Source;
use super::network::{load_statements, note_gaps, reaches_minimum, write_csv, Select};
use super::table::{fixed, wrapping, Cell, Table, Term};
use crate::output::write_atomic;

/// How `polarisation` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Format {
    /// A table, one window a row.
    #[default]
    Table,
    /// JSON, schema levelmap/polarisation v1.
    Json,
    /// CSV, one window a row.
    Csv,
}

/// Flags of `levelmap polarisation`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Which statements.
    #[command(flatten)]
    pub(crate) select: Select,
    /// The length of each window: 12m, 6m, 2y.
    #[arg(long, value_name = "LENGTH", default_value = "12m")]
    pub(crate) window: String,
    /// How far each window moves.
    #[arg(long, value_name = "LENGTH", default_value = "3m")]
    pub(crate) step: String,
    /// Leave out actors with fewer statements in a window.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_statements: usize,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
    /// Also draw the line chart as SVG to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) svg: Option<PathBuf>,
    /// Where the graph comes from.
    #[command(flatten)]
    pub(crate) source: Source,
}

/// Run `polarisation`.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    if args.min_statements == 0 {
        return Err(NetworkError::BadMinimum.into());
    }
    let months = parse_months("window", &args.window)?;
    let step = parse_months("step", &args.step)?;
    let kept = load_statements(&args.source, &args.select)?;
    let rule = args.select.duplicates.rule();
    // a minimum no actor reaches scored every window 0.000, as though nobody disagreed
    let network = (Kind::Subtract, "signed network of every window");
    reaches_minimum(&kept, true, rule, network, args.min_statements)?;
    // windows are independent: split in parallel, collected in window order
    let list = windows(&kept, months, step, &args.window)?;
    note_gaps(&kept, &list, &args.window, &args.step);
    let out = list
        .par_iter()
        .map(|w| split_window(&kept, w, rule, args.min_statements))
        .collect::<Result<Vec<_>, NetworkError>>()?;
    let doc = PolarisationJson {
        schema: "levelmap/polarisation".into(),
        version: VERSION,
        measure: "signed-modularity".into(),
        window_months: months,
        step_months: step,
        windows: out,
    };
    if let Some(p) = &args.svg {
        let svg = polarisation_svg(&doc, "Polarisation over time");
        write_atomic(p, |w| w.write_all(svg.as_bytes()))
            .with_context(|| format!("cannot write {}", p.display()))?;
    }
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            levelmap_model::json::write_pretty(&mut w, &doc).map_err(io::Error::from)?;
            writeln!(w)?;
        }
        Format::Csv => {
            let rows = doc.windows.iter().map(|x| {
                vec![
                    x.from.to_string(),
                    x.to.to_string(),
                    x.statements.to_string(),
                    x.actors.to_string(),
                    x.congruence_ties.to_string(),
                    x.conflict_ties.to_string(),
                    format!("{:.6}", x.score),
                    group_name(&x.groups[0]),
                    group_name(&x.groups[1]),
                ]
            });
            write_csv(
                &mut w,
                &[
                    "from",
                    "to",
                    "statements",
                    "actors",
                    "congruence_ties",
                    "conflict_ties",
                    "score",
                    "group_a",
                    "group_b",
                ],
                rows,
            )?;
        }
        Format::Table => {
            let term = Term::detect();
            term.heading(&mut w, &format!("Polarisation (signed modularity of the best two-group split), {}-month windows every {} month(s)", months, step))?;
            let mut t = Table::new(vec![
                fixed("window"),
                fixed("statements"),
                fixed("actors"),
                fixed("ties +/−"),
                fixed("score"),
                wrapping("group A"),
                wrapping("group B"),
            ]);
            for x in &doc.windows {
                t.row(vec![
                    Cell::plain(format!("{} – {}", x.from, x.to)),
                    Cell::plain(x.statements.to_string()),
                    Cell::plain(x.actors.to_string()),
                    Cell::plain(format!("{}/{}", x.congruence_ties, x.conflict_ties)),
                    Cell::plain(format!("{:.3}", x.score)),
                    Cell::plain(group_name(&x.groups[0])),
                    Cell::plain(group_name(&x.groups[1])),
                ]);
            }
            t.print(&term, &mut w)?;
        }
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One window's row: its statements (deduplicated by `rule`), the actors' stance
/// profiles and their best two-group split.
fn split_window(
    kept: &[Statement],
    w: &Window,
    rule: Duplicates,
    min_statements: usize,
) -> Result<PolarisationWindowJson, NetworkError> {
    let list = dedupe_refs(kept.iter().filter(|s| w.holds(s)), rule);
    // the same nodes, tie counts and split as `network congruence` and `network
    // conflict` would give, without listing the ties
    let prof = profiles(&list, min_statements)?;
    let split = split_profiles(&prof);
    let groups = split.groups.clone().map(|g| {
        let mut m: Vec<MemberJson> = g
            .iter()
            .map(|&i| MemberJson {
                id: prof.nodes[i].id.clone(),
                label: prof.nodes[i].label.clone(),
                statements: prof.nodes[i].statements,
            })
            .collect();
        m.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.id.cmp(&b.id)));
        m
    });
    Ok(PolarisationWindowJson {
        from: w.from(),
        to: w.to(),
        statements: list.len(),
        actors: prof.nodes.len(),
        congruence_ties: prof.congruence_ties,
        conflict_ties: prof.conflict_ties,
        score: (split.score * 1e9).round() / 1e9,
        exhaustive: split.exhaustive,
        groups,
    })
}
