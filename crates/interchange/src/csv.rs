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

use levelmap_model::exchange::{AttrKey, Exchange, Value, ValueType};

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

fn field(v: Option<&Value>) -> String {
    match v {
        None => String::new(),
        Some(Value::Text(s)) => s.clone(),
        Some(Value::Int(i)) => i.to_string(),
        Some(Value::Float(f)) => crate::number(*f),
        Some(Value::Bool(b)) => b.to_string(),
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

fn start(d: Option<levelmap_model::date::PartialDate>) -> String {
    d.map(crate::xml::first_day).unwrap_or_default()
}

/// Write `x` as `nodes.csv` and `edges.csv`.
pub fn write_csv(x: &Exchange) -> Result<CsvFiles, InterchangeError> {
    crate::check(x)?;
    let mut nodes = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "id:ID".to_string(),
        "label".into(),
        ":LABEL".into(),
        "start:date".into(),
    ];
    header.extend(x.node_keys.iter().map(column));
    nodes.write_record(&header)?;
    for n in &x.nodes {
        let label = match n.attrs.get("kind") {
            Some(Value::Text(k)) if !k.is_empty() => k.clone(),
            _ => "Node".into(),
        };
        let mut row = vec![n.id.clone(), n.label.clone(), label, start(n.start)];
        row.extend(x.node_keys.iter().map(|k| field(n.attrs.get(&k.name))));
        nodes.write_record(&row)?;
    }
    let mut edges = csv::Writer::from_writer(Vec::new());
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
    header.extend(x.edge_keys.iter().map(column));
    edges.write_record(&header)?;
    for e in &x.edges {
        let mut row = vec![
            e.source.clone(),
            e.target.clone(),
            rel_type(&e.label),
            e.id.clone(),
            e.label.clone(),
            crate::number(e.weight),
            start(e.start),
        ];
        row.extend(x.edge_keys.iter().map(|k| field(e.attrs.get(&k.name))));
        edges.write_record(&row)?;
    }
    let done = |w: csv::Writer<Vec<u8>>| {
        w.into_inner()
            .map_err(|e| InterchangeError::Io(e.into_error()))
    };
    Ok(CsvFiles {
        nodes: done(nodes)?,
        edges: done(edges)?,
    })
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
