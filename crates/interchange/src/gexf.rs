//! GEXF 1.3 (gexf.net), dynamic, as Gephi reads it: `mode="dynamic"`,
//! `timeformat="date"`, and every node and edge that is evidenced carries `start`, the
//! first day of the date it is first evidenced (a date known to the month or year
//! starts on its first day: "2021-09" is 2021-09-01), with no `end`: once said, it
//! stays. Gephi's timeline then plays the debate as it grew. Attributes are declared in
//! `<attributes>` with their types (string, long, double, boolean); the edge's weight
//! and label are GEXF's own.

use std::io::Write;

use levelmap_model::exchange::{AttrKey, Exchange, Value, ValueType};

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

fn value_attr(v: &Value) -> String {
    match v {
        Value::Text(s) => xml::attr(s),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => crate::number(*f),
        Value::Bool(b) => b.to_string(),
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

fn write_attvalues(
    w: &mut impl Write,
    keys: &[AttrKey],
    attrs: &std::collections::BTreeMap<String, Value>,
) -> std::io::Result<()> {
    let present: Vec<(&AttrKey, &Value)> = keys
        .iter()
        .filter_map(|k| attrs.get(&k.name).map(|v| (k, v)))
        .collect();
    if present.is_empty() {
        return Ok(());
    }
    writeln!(w, "        <attvalues>")?;
    for (k, v) in present {
        writeln!(
            w,
            "          <attvalue for=\"{}\" value=\"{}\"/>",
            k.name,
            value_attr(v)
        )?;
    }
    writeln!(w, "        </attvalues>")
}

fn start_attr(s: Option<levelmap_model::date::PartialDate>) -> String {
    s.map(|d| format!(" start=\"{}\"", xml::first_day(d)))
        .unwrap_or_default()
}

/// Write `x` as a dynamic GEXF 1.3 document.
pub fn write_gexf(x: &Exchange, w: &mut impl Write) -> Result<(), InterchangeError> {
    crate::check(x)?;
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>levelmap</creator>")?;
    writeln!(w, "    <description>{}</description>", xml::text(&x.name))?;
    writeln!(w, "  </meta>")?;
    let direction = if x.directed { "directed" } else { "undirected" };
    writeln!(
        w,
        "  <graph mode=\"dynamic\" timeformat=\"date\" defaultedgetype=\"{direction}\">"
    )?;
    write_attributes(w, "node", &x.node_keys)?;
    write_attributes(w, "edge", &x.edge_keys)?;
    writeln!(w, "    <nodes count=\"{}\">", x.nodes.len())?;
    for n in &x.nodes {
        writeln!(
            w,
            "      <node id=\"{}\" label=\"{}\"{}>",
            xml::attr(&n.id),
            xml::attr(&n.label),
            start_attr(n.start)
        )?;
        write_attvalues(w, &x.node_keys, &n.attrs)?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges count=\"{}\">", x.edges.len())?;
    for e in &x.edges {
        writeln!(
            w,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"{}>",
            xml::attr(&e.id),
            xml::attr(&e.source),
            xml::attr(&e.target),
            xml::attr(&e.label),
            crate::number(e.weight),
            start_attr(e.start)
        )?;
        write_attvalues(w, &x.edge_keys, &e.attrs)?;
        writeln!(w, "      </edge>")?;
    }
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
