//! GEXF 1.3 (gexf.net), dynamic, as Gephi reads it: `mode="dynamic"`,
//! `timeformat="date"`, and every node and edge that is evidenced carries `start`, the
//! first day of the date it is first evidenced (a date known to the month or year
//! starts on its first day: "2021-09" is 2021-09-01), with no `end`: once said, it
//! stays. Gephi's timeline then plays the debate as it grew. Attributes are declared in
//! `<attributes>` with their types (string, long, double, boolean); the edge's weight
//! and label are GEXF's own.

use std::io::Write;

use levelmap_model::date::PartialDate;
use levelmap_model::exchange::{AttrKey, Exchange, ValueType};
use levelmap_model::graph::LevelGraph;

use levelmap_network::measures::NodeMeasures;
use levelmap_network::Network;

use crate::netrows::NetworkRows;
use crate::rows::{write_document, write_edges, EdgeRow, EdgeWriter, GraphRows, Rows, Val};

use crate::xml;
use crate::InterchangeError;

fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Text => "string",
        ValueType::Int => "long",
        ValueType::Float => "double",
        ValueType::Bool => "boolean",
    }
}

fn write_value(w: &mut impl Write, v: Val<'_>) -> std::io::Result<()> {
    match v {
        Val::Text(s) => xml::write_attr(w, s),
        Val::Int(i) => write!(w, "{i}"),
        Val::Float(f) => crate::write_number(w, f),
        Val::Bool(b) => w.write_all(if b { b"true" } else { b"false" }),
    }
}

fn write_attributes(w: &mut impl Write, class: &str, keys: &[AttrKey]) -> std::io::Result<()> {
    if keys.is_empty() {
        return Ok(());
    }
    writeln!(w, "    <attributes class=\"{class}\" mode=\"static\">")?;
    for k in keys {
        writeln!(
            w,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>",
            name = k.name,
            ty = type_name(k.ty)
        )?;
    }
    writeln!(w, "    </attributes>")
}

/// The `<attvalues>` of one node or edge, if it has any value; each `<attvalue for=`
/// made once per key.
fn write_attvalues(
    w: &mut impl Write,
    opens: &[Vec<u8>],
    attrs: &[Option<Val<'_>>],
) -> std::io::Result<()> {
    if attrs.iter().all(Option::is_none) {
        return Ok(());
    }
    w.write_all(b"        <attvalues>\n")?;
    for (open, v) in opens.iter().zip(attrs) {
        if let Some(v) = v {
            w.write_all(open)?;
            write_value(w, *v)?;
            w.write_all(b"\"/>\n")?;
        }
    }
    w.write_all(b"        </attvalues>\n")
}

fn opening_tags(keys: &[AttrKey]) -> Vec<Vec<u8>> {
    keys.iter()
        .map(|k| format!("          <attvalue for=\"{}\" value=\"", k.name).into_bytes())
        .collect()
}

fn write_start(w: &mut impl Write, s: Option<PartialDate>) -> std::io::Result<()> {
    if let Some(d) = s {
        w.write_all(b" start=\"")?;
        xml::write_first_day(w, d)?;
        w.write_all(b"\"")?;
    }
    Ok(())
}

/// Write `x` as a dynamic GEXF 1.3 document.
pub fn write_gexf(x: &Exchange, w: &mut impl Write) -> Result<(), InterchangeError> {
    write_rows(x, w)
}

/// Write the argument graph as a dynamic GEXF 1.3 document: the bytes of
/// `write_gexf(&from_graph(g), w)`, streamed without building the exchange.
pub fn write_graph_gexf(g: &LevelGraph, w: &mut impl Write) -> Result<(), InterchangeError> {
    write_rows(&GraphRows::new(g), w)
}

/// Write a discourse network and its measures as a GEXF 1.3 document: the bytes of
/// `write_gexf(&to_exchange_with(net, measures), w)`, streamed without building the
/// exchange.
pub fn write_network_gexf(
    net: &Network,
    measures: &[NodeMeasures],
    w: &mut impl Write,
) -> Result<(), InterchangeError> {
    write_rows(&NetworkRows::new(net, measures), w)
}

pub(crate) fn write_rows<R: Rows + Sync>(
    x: &R,
    w: &mut impl Write,
) -> Result<(), InterchangeError> {
    write_document(x, w, |x, w, chunk| write_body(x, w, chunk))
}

/// A GEXF `<edge>` element, with the opening tags of the edge attributes.
pub(crate) struct GexfEdge {
    opens: Vec<Vec<u8>>,
}

impl EdgeWriter for GexfEdge {
    fn edge<W: Write>(&self, w: &mut W, e: &EdgeRow<'_>) -> std::io::Result<()> {
        w.write_all(b"      <edge id=\"")?;
        xml::write_attr(w, e.id)?;
        w.write_all(b"\" source=\"")?;
        xml::write_attr(w, e.source)?;
        w.write_all(b"\" target=\"")?;
        xml::write_attr(w, e.target)?;
        w.write_all(b"\" label=\"")?;
        xml::write_attr(w, e.label)?;
        w.write_all(b"\" weight=\"")?;
        crate::write_number(w, e.weight)?;
        w.write_all(b"\"")?;
        write_start(w, e.start)?;
        w.write_all(b">\n")?;
        write_attvalues(w, &self.opens, e.attrs)?;
        w.write_all(b"      </edge>\n")
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
    edges: impl FnOnce(&mut W, &GexfEdge) -> Result<(), InterchangeError>,
) -> Result<(), InterchangeError> {
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>levelmap</creator>")?;
    writeln!(w, "    <description>{}</description>", xml::text(x.name()))?;
    writeln!(w, "  </meta>")?;
    let direction = if x.directed() {
        "directed"
    } else {
        "undirected"
    };
    writeln!(
        w,
        "  <graph mode=\"dynamic\" timeformat=\"date\" defaultedgetype=\"{direction}\">"
    )?;
    write_attributes(w, "node", x.node_keys())?;
    write_attributes(w, "edge", x.edge_keys())?;
    writeln!(w, "    <nodes count=\"{}\">", x.node_count())?;
    let opens = opening_tags(x.node_keys());
    x.each_node(&mut |n| {
        w.write_all(b"      <node id=\"")?;
        xml::write_attr(w, n.id)?;
        w.write_all(b"\" label=\"")?;
        xml::write_attr(w, n.label)?;
        w.write_all(b"\"")?;
        write_start(w, n.start)?;
        w.write_all(b">\n")?;
        write_attvalues(w, &opens, n.attrs)?;
        w.write_all(b"      </node>\n")?;
        Ok(())
    })?;
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges count=\"{}\">", x.edge_count())?;
    let writer = GexfEdge {
        opens: opening_tags(x.edge_keys()),
    };
    edges(w, &writer)?;
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{hostile_exchange, parse_xml};

    #[test]
    fn spells_start_on_the_first_day_and_hostile_text_round_trips() {
        let x = hostile_exchange();
        let mut out = Vec::new();
        write_gexf(&x, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let values = parse_xml(&s);
        assert!(
            values.contains(&"<b>Zoë</b> & \"co\" 'x' \u{FFFD}bell".to_string()),
            "{values:?}"
        );
        assert!(
            values.contains(&"for \"real\"\nnew line".to_string()),
            "{values:?}"
        );
        assert!(values.contains(&"odd id<>".to_string()));
        assert!(s.contains("label=\"&lt;b&gt;Zoë&lt;/b&gt; &amp; &quot;co&quot; &apos;x&apos; \u{FFFD}bell\" start=\"2021-03-01\""));
        assert!(s.contains("weight=\"0.25\" start=\"2021-01-01\""));
        assert!(s.contains("<attribute id=\"count\" title=\"count\" type=\"long\"/>"));
    }
}
