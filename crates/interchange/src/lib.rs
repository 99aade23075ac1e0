//! The graph in the formats other tools read: GraphML (networkx, igraph, R, visone,
//! yEd), GEXF 1.3 with spells (Gephi's timeline), CSV (spreadsheets, pandas, Neo4j's
//! bulk importer), the Argument Interchange Format as AIFdb's JSON, and TimelineJS 3
//! JSON (the timeline's slides, in the lanes of levelmap's own timeline).
//!
//! GraphML, GEXF and CSV are written from one neutral shape, an
//! [`Exchange`](levelmap_model::exchange::Exchange): the argument graph becomes one by
//! [`from_graph`], an actor network by its own conversion (or, streamed, by
//! [`write_network_graphml`] and [`write_network_gexf`]). AIF is written from the
//! argument graph itself, since it needs what claims are and who said them. Every
//! writer takes values and an `io::Write` (or returns bytes): no files here.

mod aif;
mod csv;
mod from_graph;
mod gexf;
mod graphml;
mod netrows;
mod netstream;
mod rows;
mod timelinejs;
mod xml;

pub use aif::{to_aif, write_aif, AifEdge, AifGraph, AifLocution, AifNode, AifParticipant};
pub use csv::{write_csv, write_graph_csv, CsvFiles};
pub use from_graph::from_graph;
pub use gexf::{write_gexf, write_graph_gexf, write_network_gexf};
pub use graphml::{write_graph_graphml, write_graphml, write_network_graphml};
pub use netstream::{write_network_of, NetFormat, Written};
pub use timelinejs::{
    to_timelinejs, write_timelinejs, TljsDate, TljsDocument, TljsSlide, TljsText,
};

use levelmap_model::exchange::{AttrKey, Exchange, ExchangeError};

/// Why an interchange file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum InterchangeError {
    /// The graph breaks a rule every writer relies on (a duplicate id, a dangling edge,
    /// an undeclared attribute).
    #[error("the graph cannot be exported: {0}")]
    Invalid(#[from] ExchangeError),
    /// An attribute name the formats cannot carry, or one they use themselves.
    #[error("attribute `{name}` cannot be exported: {why}")]
    BadKey {
        /// The attribute's name.
        name: String,
        /// What is wrong with it, and what to do.
        why: &'static str,
    },
    /// A weight or a float attribute that is not a finite number.
    #[error(
        "{what} `{id}`: {name} is {value}, which the formats cannot carry (give a finite number)"
    )]
    NotFinite {
        /// `node` or `edge`.
        what: &'static str,
        /// The node or edge id.
        id: String,
        /// The attribute's name.
        name: String,
        /// The value.
        value: f64,
    },
    /// The graph has no timeline (no dated article).
    #[error("no timeline to export: {0}")]
    Timeline(#[from] levelmap_draw::views::TimelineError),
    /// The network could not be made (a bad minimum of statements).
    #[error(transparent)]
    Network(#[from] levelmap_network::NetworkError),
    /// Writing failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// CSV writing failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// JSON writing failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<InterchangeError> for std::io::Error {
    /// The writer's own io error when that is what failed (so that a reader gone
    /// away, `levelmap network ... --format graphml | head`, stays a broken pipe the
    /// binary treats as success), else the error as it reads.
    fn from(e: InterchangeError) -> Self {
        match e {
            InterchangeError::Io(e) => e,
            InterchangeError::Csv(e) if e.is_io_error() => match e.into_kind() {
                ::csv::ErrorKind::Io(e) => e,
                other => std::io::Error::other(format!("cannot write CSV: {other:?}")),
            },
            InterchangeError::Json(e) if e.io_error_kind().is_some() => e.into(),
            other => std::io::Error::other(other),
        }
    }
}

/// Names every format writes itself, so an attribute may not take them.
const RESERVED_NODE: [&str; 3] = ["id", "label", "start"];
const RESERVED_EDGE: [&str; 7] = ["id", "source", "target", "label", "weight", "start", "type"];

/// The checks before any writer starts: the exchange's own invariants, attribute names
/// that are identifiers and not reserved, finite numbers.
pub(crate) fn check(x: &Exchange) -> Result<(), InterchangeError> {
    x.check()?;
    check_keys(&x.node_keys, &x.edge_keys)?;
    for n in &x.nodes {
        for (name, v) in &n.attrs {
            if let levelmap_model::exchange::Value::Float(f) = v {
                finite("node", &n.id, name, *f)?;
            }
        }
    }
    for e in &x.edges {
        finite("edge", &e.id, "weight", e.weight)?;
        for (name, v) in &e.attrs {
            if let levelmap_model::exchange::Value::Float(f) = v {
                finite("edge", &e.id, name, *f)?;
            }
        }
    }
    Ok(())
}

/// A float the formats can carry: finite.
pub(crate) fn finite(
    what: &'static str,
    id: &str,
    name: &str,
    v: f64,
) -> Result<(), InterchangeError> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(InterchangeError::NotFinite {
            what,
            id: id.to_string(),
            name: name.to_string(),
            value: v,
        })
    }
}

/// Attribute names that are identifiers, not reserved, each declared once.
pub(crate) fn check_keys(
    node_keys: &[AttrKey],
    edge_keys: &[AttrKey],
) -> Result<(), InterchangeError> {
    for (keys, reserved) in [
        (node_keys, &RESERVED_NODE[..]),
        (edge_keys, &RESERVED_EDGE[..]),
    ] {
        for k in keys {
            let ident = !k.name.is_empty()
                && k.name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !k.name.as_bytes()[0].is_ascii_digit();
            if !ident {
                return Err(InterchangeError::BadKey {
                    name: k.name.clone(),
                    why: "name attributes with letters, digits and `_` (not starting with a digit)",
                });
            }
            if reserved.contains(&k.name.as_str()) {
                return Err(InterchangeError::BadKey {
                    name: k.name.clone(),
                    why: "the formats write this name themselves; rename the attribute",
                });
            }
        }
        let mut names: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(InterchangeError::BadKey {
                name: w[0].to_string(),
                why: "declared twice; declare each attribute once",
            });
        }
    }
    Ok(())
}

/// A number as every format writes it: Rust's shortest round-trip form, always with a
/// decimal point or an exponent (`1.0`, `0.25`, `1e20`), which Python's `float()`,
/// pandas, Java's `Double.parseDouble` and `xs:double` all read as a float.
pub(crate) fn number(f: f64) -> String {
    let mut s = Vec::new();
    write_number(&mut s, f).expect("writing to memory");
    String::from_utf8(s).expect("a number is ASCII")
}

/// [`number`], written straight to `w`.
pub(crate) fn write_number(w: &mut impl std::io::Write, f: f64) -> std::io::Result<()> {
    // `-0.0` is a valid double, but keep zero plain.
    if f == 0.0 {
        w.write_all(b"0.0")
    } else if f == 1.0 {
        w.write_all(b"1.0")
    } else {
        write!(w, "{f:?}")
    }
}

#[cfg(test)]
pub(crate) mod testing;
