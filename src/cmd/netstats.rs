//! `levelmap stats --network KIND`: the measures of a discourse network's nodes
//! (degree, weighted degree, betweenness, PageRank, community), per window, from the
//! network's ties alone (no edge's concepts or evidence is built).

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use levelmap_model::date::PartialDate;
use levelmap_network::json::{
    node_json, NetworkJson, WindowJson, NETWORK_FLAT_AT, NETWORK_VERSION,
};
use levelmap_network::measures::{measures_of, NodeMeasures, Sample};
use levelmap_network::{network_ties, Kind, NetNode};

use super::load::Source;
use super::network::{
    measures_table, note_sampled, options, period, ranked, write_csv, Selections, Shape,
};
use super::table::Term;

/// One network's measured nodes.
struct Measured {
    from: Option<PartialDate>,
    to: Option<PartialDate>,
    nodes: Vec<NetNode>,
    /// How many edges.
    edges: usize,
    measures: Vec<NodeMeasures>,
    /// How betweenness was sampled (None: exactly).
    sample: Option<Sample>,
}

/// The measures of the network(s) `shape` asks for: one, or one per window.
fn measured(source: &Source, kind: Kind, shape: &Shape) -> Result<Vec<Measured>> {
    let selections = Selections::load(source, shape, kind)?;
    let opts = options(kind, shape);
    let mut out = Vec::new();
    selections.each(|list, from, to| -> Result<()> {
        let ties = network_ties(&list, opts)?;
        drop(list);
        let (measures, sample) = measures_of(&ties.adjacency);
        out.push(Measured {
            from,
            to,
            nodes: ties.nodes,
            edges: ties.edges,
            measures,
            sample,
        });
        Ok(())
    })?;
    note_sampled(out.iter().map(|m| m.sample));
    Ok(out)
}

/// `levelmap stats --network KIND`: the measures of the network's nodes (the `top`
/// by weighted degree), per window.
pub(crate) fn run(
    source: &Source,
    kind: Kind,
    shape: &Shape,
    top: usize,
    format: super::answer::Format,
) -> Result<ExitCode> {
    use super::answer::Format as F;
    let built = measured(source, kind, shape)?;
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match format {
        F::Table => {
            let term = Term::detect();
            for b in &built {
                term.heading(
                    &mut w,
                    &format!(
                        "Measures of the {} network{}: {} node(s), {} edge(s)",
                        kind.as_str(),
                        period(b.from, b.to),
                        b.nodes.len(),
                        b.edges
                    ),
                )?;
                measures_table(&mut w, &term, &b.nodes, &b.measures, top)?;
                writeln!(&mut w)?;
            }
        }
        F::Json => {
            let doc = NetworkJson {
                schema: "levelmap/network".into(),
                version: NETWORK_VERSION,
                kind: kind.as_str().into(),
                normalisation: options(kind, shape).normalisation.as_str().into(),
                duplicates: shape.select.duplicates.as_str().into(),
                min_statements: shape.min_statements,
                windows: built
                    .iter()
                    .map(|b| WindowJson {
                        from: b.from,
                        to: b.to,
                        betweenness_sources: b.sample.map(|s| s.sources),
                        statements: Vec::new(),
                        nodes: ranked(&b.nodes, &b.measures)
                            .into_iter()
                            .take(top)
                            .map(|i| node_json(&b.nodes[i], &b.measures[i]))
                            .collect(),
                        edges: Vec::new(),
                    })
                    .collect(),
            };
            levelmap_model::json::write_layered(&mut w, &doc, NETWORK_FLAT_AT)
                .map_err(io::Error::from)?;
            writeln!(w)?;
        }
        F::Csv => {
            let rows = built.iter().flat_map(|b| {
                ranked(&b.nodes, &b.measures)
                    .into_iter()
                    .take(top)
                    .map(move |i| {
                        let (n, m) = (&b.nodes[i], &b.measures[i]);
                        vec![
                            b.from.map(|d| d.to_string()).unwrap_or_default(),
                            b.to.map(|d| d.to_string()).unwrap_or_default(),
                            n.id.to_string(),
                            n.label.to_string(),
                            n.statements.to_string(),
                            m.degree.to_string(),
                            m.weighted_degree.to_string(),
                            m.betweenness.to_string(),
                            m.pagerank.to_string(),
                            m.community.to_string(),
                        ]
                    })
            });
            write_csv(
                &mut w,
                &[
                    "from",
                    "to",
                    "id",
                    "label",
                    "statements",
                    "degree",
                    "weighted_degree",
                    "betweenness",
                    "pagerank",
                    "community",
                ],
                rows,
            )?;
        }
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
