//! GraphML (graphml.graphdrawing.org), as networkx, igraph, R's igraph, visone,
//! Cytoscape and yEd read it: every attribute declared once by a typed `<key>`
//! (`attr.type` string, long, double or boolean), ids as XML `NMTOKEN`s
//! ([`xml::write_nmtoken`]), text escaped ([`xml`]). Besides the exchange's own attributes,
//! nodes carry `label` and `start`, edges `label`, `weight` and `start` (the first day
//! of the date each is first evidenced, `YYYY-MM-DD`).

use std::io::Write;

use levelmap_model::exchange::{AttrKey, Exchange, ValueType};
use levelmap_model::graph::LevelGraph;

use levelmap_network::measures::NodeMeasures;
use levelmap_network::Network;

use crate::netrows::NetworkRows;
use crate::rows::{write_document, write_edges, EdgeRow, EdgeWriter, GraphRows, Rows, Val};

use crate::xml;
use crate::InterchangeError;

/// GraphML's name for a value type.
fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Text => "string",
        ValueType::Int => "long",
        ValueType::Float => "double",
        ValueType::Bool => "boolean",
    }
}

fn write_key(w: &mut impl Write, prefix: &str, domain: &str, k: &AttrKey) -> std::io::Result<()> {
    writeln!(
        w,
        "  <key id=\"{prefix}_{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"><desc>{doc}</desc></key>",
        name = k.name,
        ty = type_name(k.ty),
        doc = xml::text(&k.doc),
    )
}

fn builtin(name: &str, ty: ValueType, doc: &str) -> AttrKey {
    AttrKey {
        name: name.into(),
        ty,
        doc: doc.into(),
    }
}

/// Write `x` as a GraphML document.
pub fn write_graphml(x: &Exchange, w: &mut impl Write) -> Result<(), InterchangeError> {
    write_rows(x, w)
}

/// Write the argument graph as a GraphML document: the bytes of
/// `write_graphml(&from_graph(g), w)`, streamed without building the exchange.
pub fn write_graph_graphml(g: &LevelGraph, w: &mut impl Write) -> Result<(), InterchangeError> {
    write_rows(&GraphRows::new(g), w)
}

/// Write a discourse network and its measures as a GraphML document: the bytes of
/// `write_graphml(&to_exchange_with(net, measures), w)`, streamed without building the
/// exchange (a dense network's evidence text runs to gigabytes).
pub fn write_network_graphml(
    net: &Network,
    measures: &[NodeMeasures],
    w: &mut impl Write,
) -> Result<(), InterchangeError> {
    write_rows(&NetworkRows::new(net, measures), w)
}

/// One value as `<data>` content.
fn write_value(w: &mut impl Write, v: Val<'_>) -> std::io::Result<()> {
    match v {
        Val::Text(s) => xml::write_text(w, s),
        Val::Int(i) => write!(w, "{i}"),
        Val::Float(f) => crate::write_number(w, f),
        Val::Bool(b) => w.write_all(if b { b"true" } else { b"false" }),
    }
}

/// Each declared attribute's `<data>`, its opening tag made once.
fn write_data(
    w: &mut impl Write,
    opens: &[Vec<u8>],
    attrs: &[Option<Val<'_>>],
) -> std::io::Result<()> {
    for (open, v) in opens.iter().zip(attrs) {
        if let Some(v) = v {
            w.write_all(open)?;
            write_value(w, *v)?;
            w.write_all(b"</data>\n")?;
        }
    }
    Ok(())
}

fn opening_tags(prefix: &str, keys: &[AttrKey]) -> Vec<Vec<u8>> {
    keys.iter()
        .map(|k| format!("      <data key=\"{prefix}_{}\">", k.name).into_bytes())
        .collect()
}

pub(crate) fn write_rows<R: Rows + Sync>(
    x: &R,
    w: &mut impl Write,
) -> Result<(), InterchangeError> {
    write_document(x, w, |x, w, chunk| write_body(x, w, chunk))
}

/// A GraphML `<edge>` element, with the opening tags of the edge attributes.
pub(crate) struct GraphmlEdge {
    opens: Vec<Vec<u8>>,
}

impl EdgeWriter for GraphmlEdge {
    fn edge<W: Write>(&self, w: &mut W, e: &EdgeRow<'_>) -> std::io::Result<()> {
        w.write_all(b"    <edge id=\"")?;
        xml::write_nmtoken(w, e.id)?;
        w.write_all(b"\" source=\"")?;
        xml::write_nmtoken(w, e.source)?;
        w.write_all(b"\" target=\"")?;
        xml::write_nmtoken(w, e.target)?;
        w.write_all(b"\">\n      <data key=\"e_label\">")?;
        xml::write_text(w, e.label)?;
        w.write_all(b"</data>\n      <data key=\"e_weight\">")?;
        crate::write_number(w, e.weight)?;
        w.write_all(b"</data>\n")?;
        if let Some(s) = e.start {
            w.write_all(b"      <data key=\"e_start\">")?;
            xml::write_first_day(w, s)?;
            w.write_all(b"</data>\n")?;
        }
        write_data(w, &self.opens, e.attrs)?;
        w.write_all(b"    </edge>\n")
    }
}

/// The document, its edges formatted `chunk` at a time on every core when the rows
/// allow it ([`write_edges`]).
pub(crate) fn write_body<R: Rows + Sync>(
    x: &R,
    w: &mut impl Write,
    chunk: usize,
) -> Result<(), InterchangeError> {
    write_body_with(x, w, |w, edges| write_edges(x, w, chunk, edges))
}

/// The document of `x`'s nodes, its edges written by `edges` with the format's edge
/// writer (the rows' own edges, or a network's ties as the pair loop finds them).
pub(crate) fn write_body_with<R: Rows, W: Write>(
    x: &R,
    w: &mut W,
    edges: impl FnOnce(&mut W, &GraphmlEdge) -> Result<(), InterchangeError>,
) -> Result<(), InterchangeError> {
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    let node_builtin = [
        builtin("label", ValueType::Text, "what a person reads"),
        builtin(
            "start",
            ValueType::Text,
            "the first day of the date it is first evidenced (YYYY-MM-DD)",
        ),
    ];
    let edge_builtin = [
        builtin("label", ValueType::Text, "the edge's kind or label"),
        builtin(
            "weight",
            ValueType::Float,
            "the edge's weight (1 when unweighted)",
        ),
        builtin(
            "start",
            ValueType::Text,
            "the first day of the date it is first evidenced (YYYY-MM-DD)",
        ),
    ];
    for k in node_builtin.iter().chain(x.node_keys()) {
        write_key(w, "n", "node", k)?;
    }
    for k in edge_builtin.iter().chain(x.edge_keys()) {
        write_key(w, "e", "edge", k)?;
    }
    let direction = if x.directed() {
        "directed"
    } else {
        "undirected"
    };
    writeln!(w, "  <graph id=\"G\" edgedefault=\"{direction}\">")?;
    writeln!(w, "    <desc>{}</desc>", xml::text(x.name()))?;
    let opens = opening_tags("n", x.node_keys());
    x.each_node(&mut |n| {
        w.write_all(b"    <node id=\"")?;
        xml::write_nmtoken(w, n.id)?;
        w.write_all(b"\">\n      <data key=\"n_label\">")?;
        xml::write_text(w, n.label)?;
        w.write_all(b"</data>\n")?;
        if let Some(s) = n.start {
            w.write_all(b"      <data key=\"n_start\">")?;
            xml::write_first_day(w, s)?;
            w.write_all(b"</data>\n")?;
        }
        write_data(w, &opens, n.attrs)?;
        w.write_all(b"    </node>\n")?;
        Ok(())
    })?;
    let writer = GraphmlEdge {
        opens: opening_tags("e", x.edge_keys()),
    };
    edges(w, &writer)?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{hostile_exchange, parse_xml};

    #[test]
    fn hostile_text_stays_text_and_the_document_parses() {
        let x = hostile_exchange();
        let mut out = Vec::new();
        write_graphml(&x, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let texts = parse_xml(&s);
        // Every hostile label comes back exactly, but the control character, which
        // is replaced; no element was injected.
        assert!(
            texts.contains(&"<b>Zoë</b> & \"co\" 'x' \u{FFFD}bell".to_string()),
            "{texts:?}"
        );
        assert!(!s.contains("<b>"));
        assert!(s.contains("<data key=\"n_score\">2.5</data>"));
        assert!(s.contains("<data key=\"n_count\">-3</data>"));
        assert!(s.contains("<data key=\"n_flag\">true</data>"));
        assert!(s.contains("attr.name=\"count\" attr.type=\"long\""));
        assert!(s.contains("<node id=\"odd_20_id_3C__3E_\">"));
    }

    #[test]
    fn a_reserved_or_malformed_attribute_name_is_refused() {
        let mut x = hostile_exchange();
        let mut label = x.node_keys[0].clone();
        label.name = "label".into();
        x.node_keys.push(label);
        let e = write_graphml(&x, &mut Vec::new()).unwrap_err();
        assert!(e.to_string().contains("rename"), "{e}");
        let mut x = hostile_exchange();
        let mut odd = x.edge_keys[0].clone();
        odd.name = "a b".into();
        x.edge_keys.push(odd);
        assert!(write_graphml(&x, &mut Vec::new()).is_err());
    }
}
