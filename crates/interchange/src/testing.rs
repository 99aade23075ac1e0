//! Test helpers: an exchange with hostile text and every value type, and a strict XML
//! parse that returns every text and attribute value.

use std::collections::BTreeMap;

use levelmap_model::exchange::{AttrKey, ExEdge, ExNode, Exchange, Value, ValueType};

/// Two nodes and an edge whose names hold markup, quotes, an ampersand and a control
/// character, with one attribute of each type.
pub(crate) fn hostile_exchange() -> Exchange {
    let key = |name: &str, ty| AttrKey {
        name: name.into(),
        ty,
        doc: format!("the {name} <doc> & more"),
    };
    let mut a = BTreeMap::new();
    a.insert("kind".to_string(), Value::Text("actor & <co>".into()));
    a.insert("score".to_string(), Value::Float(2.5));
    a.insert("count".to_string(), Value::Int(-3));
    a.insert("flag".to_string(), Value::Bool(true));
    let mut ea = BTreeMap::new();
    ea.insert(
        "stance".to_string(),
        Value::Text("for \"real\"\nnew line".into()),
    );
    Exchange {
        name: "hostile <graph> & \"name\"".into(),
        directed: true,
        node_keys: vec![
            key("kind", ValueType::Text),
            key("score", ValueType::Float),
            key("count", ValueType::Int),
            key("flag", ValueType::Bool),
        ],
        edge_keys: vec![key("stance", ValueType::Text)],
        nodes: vec![
            ExNode {
                id: "actor:zoe".into(),
                label: "<b>Zoë</b> & \"co\" 'x' \u{7}bell".into(),
                start: Some("2021-03".parse().unwrap()),
                attrs: a,
            },
            ExNode {
                id: "odd id<>".into(),
                label: "plain".into(),
                start: None,
                attrs: BTreeMap::new(),
            },
        ],
        edges: vec![ExEdge {
            id: "actor:zoe->odd id<>".into(),
            source: "actor:zoe".into(),
            target: "odd id<>".into(),
            label: "supports & <x>".into(),
            weight: 0.25,
            start: Some("2021".parse().unwrap()),
            attrs: ea,
        }],
    }
}

/// Parse `s` strictly (quick-xml, entities resolved) and return every text node and
/// attribute value, unescaped; panics on malformed XML.
pub(crate) fn parse_xml(s: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(s);
    let mut out = Vec::new();
    // quick-xml hands text and entity references separately: join them.
    let mut text = String::new();
    loop {
        let ev = r.read_event().expect("well-formed XML");
        if !matches!(ev, Event::Text(_) | Event::GeneralRef(_)) && !text.is_empty() {
            out.push(std::mem::take(&mut text));
        }
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    out.push(a.unescape_value().expect("known entities").into_owned());
                }
            }
            Event::Text(t) => text.push_str(&t.decode().expect("UTF-8")),
            Event::GeneralRef(g) => {
                if let Some(c) = g.resolve_char_ref().expect("a valid character reference") {
                    text.push(c);
                } else {
                    let name = g.decode().expect("UTF-8");
                    let c = quick_xml::escape::resolve_predefined_entity(&name)
                        .expect("a predefined entity");
                    text.push_str(c);
                }
            }
            _ => {}
        }
    }
    out
}
