//! GraphML (graphml.graphdrawing.org), as networkx, igraph, R's igraph, visone,
//! Cytoscape and yEd read it: every attribute declared once by a typed `<key>`
//! (`attr.type` string, long, double or boolean), ids as XML `NMTOKEN`s
//! ([`xml::nmtoken`]), text escaped ([`xml`]). Besides the exchange's own attributes,
//! nodes carry `label` and `start`, edges `label`, `weight` and `start` (the first day
//! of the date each is first evidenced, `YYYY-MM-DD`).

use std::io::Write;

use levelmap_model::exchange::{AttrKey, Exchange, Value, ValueType};

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

/// A value as GraphML `<data>` content.
pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::Text(s) => xml::text(s),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => crate::number(*f),
        Value::Bool(b) => b.to_string(),
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
    crate::check(x)?;
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
    for k in node_builtin.iter().chain(&x.node_keys) {
        write_key(w, "n", "node", k)?;
    }
    for k in edge_builtin.iter().chain(&x.edge_keys) {
        write_key(w, "e", "edge", k)?;
    }
    let direction = if x.directed { "directed" } else { "undirected" };
    writeln!(w, "  <graph id=\"G\" edgedefault=\"{direction}\">")?;
    writeln!(w, "    <desc>{}</desc>", xml::text(&x.name))?;
    for n in &x.nodes {
        writeln!(w, "    <node id=\"{}\">", xml::nmtoken(&n.id))?;
        writeln!(
            w,
            "      <data key=\"n_label\">{}</data>",
            xml::text(&n.label)
        )?;
        if let Some(s) = n.start {
            writeln!(
                w,
                "      <data key=\"n_start\">{}</data>",
                xml::first_day(s)
            )?;
        }
        for k in &x.node_keys {
            if let Some(v) = n.attrs.get(&k.name) {
                writeln!(
                    w,
                    "      <data key=\"n_{}\">{}</data>",
                    k.name,
                    value_text(v)
                )?;
            }
        }
        writeln!(w, "    </node>")?;
    }
    for e in &x.edges {
        writeln!(
            w,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            xml::nmtoken(&e.id),
            xml::nmtoken(&e.source),
            xml::nmtoken(&e.target)
        )?;
        writeln!(
            w,
            "      <data key=\"e_label\">{}</data>",
            xml::text(&e.label)
        )?;
        writeln!(
            w,
            "      <data key=\"e_weight\">{}</data>",
            crate::number(e.weight)
        )?;
        if let Some(s) = e.start {
            writeln!(
                w,
                "      <data key=\"e_start\">{}</data>",
                xml::first_day(s)
            )?;
        }
        for k in &x.edge_keys {
            if let Some(v) = e.attrs.get(&k.name) {
                writeln!(
                    w,
                    "      <data key=\"e_{}\">{}</data>",
                    k.name,
                    value_text(v)
                )?;
            }
        }
        writeln!(w, "    </edge>")?;
    }
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
