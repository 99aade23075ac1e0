//! Two CSV files, `nodes.csv` and `edges.csv`, whose headers are those of Neo4j's bulk
//! importer (`neo4j-admin database import`), which spreadsheets and pandas read as
//! they are:
//!
//! - nodes: `id:ID`, `label`, `:LABEL` (the node's `kind` attribute, else `Node`),
//!   `start:date`, then one column per attribute;
//! - edges: `:START_ID`, `:END_ID`, `:TYPE` (the edge's label in upper case, other
//!   characters as `_`: `attributed-to` is `ATTRIBUTED_TO`), `id`, `label`,
//!   `weight:double`, `start:date`, then one column per attribute.
//!
//! A column's type is its suffix: none for text (Neo4j's default, `string`), `:long`,
//! `:double` (not `:float`, which Neo4j stores in 32 bits) and `:boolean`
//! (`true`/`false`). `start` is the first day of the date first evidenced,
//! `YYYY-MM-DD`. A missing value is an empty field. Fields are quoted only when they
//! must be (RFC 4180); a quote may hold a line break, which Neo4j reads with
//! `--multiline-fields=true`.

use std::io::Write;

use levelmap_model::exchange::{AttrKey, Exchange, ValueType};
use levelmap_model::graph::LevelGraph;

use crate::rows::{GraphRows, Rows, Val};

use crate::InterchangeError;

/// The two files, as bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFiles {
    /// `nodes.csv`.
    pub nodes: Vec<u8>,
    /// `edges.csv`.
    pub edges: Vec<u8>,
}

fn column(k: &AttrKey) -> String {
    match k.ty {
        ValueType::Text => k.name.clone(),
        ValueType::Int => format!("{}:long", k.name),
        ValueType::Float => format!("{}:double", k.name),
        ValueType::Bool => format!("{}:boolean", k.name),
    }
}

/// One value as a CSV field's text: numbers in `buf`.
fn field<'a>(v: Option<Val<'a>>, buf: &'a mut String) -> &'a str {
    use std::fmt::Write as _;
    buf.clear();
    match v {
        None => "",
        Some(Val::Text(s)) => s,
        Some(Val::Int(i)) => {
            let _ = write!(buf, "{i}");
            buf
        }
        Some(Val::Float(f)) => {
            *buf = crate::number(f);
            buf
        }
        Some(Val::Bool(b)) => {
            if b {
                "true"
            } else {
                "false"
            }
        }
    }
}

/// A relationship type from an edge label: upper case, anything but ASCII letters and
/// digits as `_`; `RELATED` for an empty label.
fn rel_type(label: &str) -> String {
    if label.is_empty() {
        return "RELATED".into();
    }
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn start(d: Option<levelmap_model::date::PartialDate>, buf: &mut Vec<u8>) -> &[u8] {
    buf.clear();
    if let Some(d) = d {
        crate::xml::write_first_day(buf, d).expect("writing to memory");
    }
    buf
}

/// Write `x` as `nodes.csv` and `edges.csv`.
pub fn write_csv(x: &Exchange) -> Result<CsvFiles, InterchangeError> {
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    write_rows(x, &mut nodes, &mut edges)?;
    Ok(CsvFiles { nodes, edges })
}

/// Write the argument graph as `nodes.csv` and `edges.csv`: the bytes of
/// `write_csv(&from_graph(g))`, streamed without building the exchange.
pub fn write_graph_csv(
    g: &LevelGraph,
    nodes: &mut impl Write,
    edges: &mut impl Write,
) -> Result<(), InterchangeError> {
    write_rows(&GraphRows::new(g), nodes, edges)
}

fn writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .buffer_capacity(1 << 16)
        .from_writer(w)
}

fn write_rows(
    x: &impl Rows,
    nodes: &mut impl Write,
    edges: &mut impl Write,
) -> Result<(), InterchangeError> {
    x.check()?;
    let kind_at = x.node_keys().iter().position(|k| k.name == "kind");
    let mut w = writer(nodes);
    let mut header = vec![
        "id:ID".to_string(),
        "label".into(),
        ":LABEL".into(),
        "start:date".into(),
    ];
    header.extend(x.node_keys().iter().map(column));
    w.write_record(&header)?;
    let (mut buf, mut date) = (String::new(), Vec::new());
    x.each_node(&mut |n| {
        let label = match kind_at.and_then(|i| n.attrs[i]) {
            Some(Val::Text(k)) if !k.is_empty() => k,
            _ => "Node",
        };
        w.write_field(n.id)?;
        w.write_field(n.label)?;
        w.write_field(label)?;
        w.write_field(start(n.start, &mut date))?;
        for v in n.attrs {
            w.write_field(field(*v, &mut buf))?;
        }
        w.write_record(None::<&[u8]>)?;
        Ok(())
    })?;
    w.flush()?;
    drop(w);
    let mut w = writer(edges);
    let mut header: Vec<String> = [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "id",
        "label",
        "weight:double",
        "start:date",
    ]
    .map(String::from)
    .to_vec();
    header.extend(x.edge_keys().iter().map(column));
    w.write_record(&header)?;
    let mut types: Vec<(String, String)> = Vec::new();
    x.each_edge(&mut |e| {
        // Edge labels are few: their relationship types are made once each.
        let ty = match types.iter().position(|(l, _)| l == e.label) {
            Some(i) => i,
            None => {
                types.push((e.label.to_string(), rel_type(e.label)));
                types.len() - 1
            }
        };
        w.write_field(e.source)?;
        w.write_field(e.target)?;
        w.write_field(&types[ty].1)?;
        w.write_field(e.id)?;
        w.write_field(e.label)?;
        w.write_field(crate::number(e.weight))?;
        w.write_field(start(e.start, &mut date))?;
        for v in e.attrs {
            w.write_field(field(*v, &mut buf))?;
        }
        w.write_record(None::<&[u8]>)?;
        Ok(())
    })?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::hostile_exchange;

    #[test]
    fn headers_are_neo4j_import_headers_and_fields_round_trip() {
        let f = write_csv(&hostile_exchange()).unwrap();
        let mut r = csv::Reader::from_reader(&f.nodes[..]);
        let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            h,
            [
                "id:ID",
                "label",
                ":LABEL",
                "start:date",
                "kind",
                "score:double",
                "count:long",
                "flag:boolean"
            ]
        );
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][1], "<b>Zoë</b> & \"co\" 'x' \u{7}bell");
        assert_eq!(&rows[0][2], "actor & <co>");
        assert_eq!(&rows[0][3], "2021-03-01");
        assert_eq!(&rows[1][2], "Node");
        assert_eq!(&rows[1][5], "", "a missing value is an empty field");
        let mut r = csv::Reader::from_reader(&f.edges[..]);
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>(),
            [
                ":START_ID",
                ":END_ID",
                ":TYPE",
                "id",
                "label",
                "weight:double",
                "start:date",
                "stance"
            ]
        );
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "SUPPORTS____X_");
        assert_eq!(&row[7], "for \"real\"\nnew line");
    }

    #[test]
    fn relationship_types_are_upper_snake_case() {
        assert_eq!(rel_type("attributed-to"), "ATTRIBUTED_TO");
        assert_eq!(rel_type(""), "RELATED");
    }
}
