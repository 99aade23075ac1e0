//! A neutral attributed graph for the interchange formats: the argument graph or any
//! actor network becomes an [`Exchange`], so GraphML, GEXF and CSV are each written
//! once, from one shape. Records only; the writers live in their own crate.

use std::collections::BTreeMap;

use crate::date::PartialDate;

/// The type of an attribute, as the formats declare it (GraphML `attr.type`,
/// GEXF `type`, a CSV column's type suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueType {
    /// Text.
    Text,
    /// A signed whole number.
    Int,
    /// A floating-point number.
    Float,
    /// True or false.
    Bool,
}

/// One attribute value; its type is the key's.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A signed whole number.
    Int(i64),
    /// A floating-point number (finite).
    Float(f64),
    /// True or false.
    Bool(bool),
}

impl Value {
    /// The type this value has.
    pub fn value_type(&self) -> ValueType {
        match self {
            Value::Text(_) => ValueType::Text,
            Value::Int(_) => ValueType::Int,
            Value::Float(_) => ValueType::Float,
            Value::Bool(_) => ValueType::Bool,
        }
    }
}

/// A declared attribute: its name, type and a one-line description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrKey {
    /// The attribute's name (an identifier: letters, digits, `_`).
    pub name: String,
    /// Its type; every value under this name has it.
    pub ty: ValueType,
    /// What it means, for the formats that carry a description.
    pub doc: String,
}

/// A node.
#[derive(Debug, Clone, PartialEq)]
pub struct ExNode {
    /// Unique among the nodes.
    pub id: String,
    /// What a person reads.
    pub label: String,
    /// When it is first evidenced (the start of its spell), if known.
    pub start: Option<PartialDate>,
    /// Declared attributes only, by name.
    pub attrs: BTreeMap<String, Value>,
}

/// An edge between two node ids.
#[derive(Debug, Clone, PartialEq)]
pub struct ExEdge {
    /// Unique among the edges.
    pub id: String,
    /// The source node's id.
    pub source: String,
    /// The target node's id.
    pub target: String,
    /// Its kind or label (an edge kind such as `supports`, or `congruence`).
    pub label: String,
    /// Its weight (1 when the graph is unweighted).
    pub weight: f64,
    /// When it is first evidenced, if known.
    pub start: Option<PartialDate>,
    /// Declared attributes only, by name.
    pub attrs: BTreeMap<String, Value>,
}

/// A whole graph ready for an interchange writer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Exchange {
    /// Its name (a graph id in GraphML, a description in GEXF).
    pub name: String,
    /// Whether edges have a direction.
    pub directed: bool,
    /// The node attributes, in the order the formats declare them.
    pub node_keys: Vec<AttrKey>,
    /// The edge attributes, in the order the formats declare them.
    pub edge_keys: Vec<AttrKey>,
    /// The nodes, in a deterministic order.
    pub nodes: Vec<ExNode>,
    /// The edges, in a deterministic order.
    pub edges: Vec<ExEdge>,
}

/// Why an [`Exchange`] cannot be written as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExchangeError {
    /// Two nodes or two edges share an id.
    #[error("{what} id `{id}` is used twice")]
    DuplicateId {
        /// `node` or `edge`.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// An edge names a node that is not in the graph.
    #[error("edge `{edge}` names node `{node}`, which is not in the graph")]
    DanglingEdge {
        /// The edge's id.
        edge: String,
        /// The missing node id.
        node: String,
    },
    /// An attribute is not declared, or its value has another type than its key.
    #[error("{what} `{id}`: attribute `{name}` is not declared with this type")]
    Undeclared {
        /// `node` or `edge`.
        what: &'static str,
        /// The node or edge id.
        id: String,
        /// The attribute's name.
        name: String,
    },
}

impl Exchange {
    /// Checks the invariants every writer relies on: unique ids, edges between
    /// present nodes, every attribute declared with its value's type.
    pub fn check(&self) -> Result<(), ExchangeError> {
        let mut ids = std::collections::HashSet::new();
        for n in &self.nodes {
            if !ids.insert(n.id.as_str()) {
                return Err(ExchangeError::DuplicateId {
                    what: "node",
                    id: n.id.clone(),
                });
            }
            check_attrs("node", &n.id, &n.attrs, &self.node_keys)?;
        }
        let mut edge_ids = std::collections::HashSet::new();
        for e in &self.edges {
            if !edge_ids.insert(e.id.as_str()) {
                return Err(ExchangeError::DuplicateId {
                    what: "edge",
                    id: e.id.clone(),
                });
            }
            for end in [&e.source, &e.target] {
                if !ids.contains(end.as_str()) {
                    return Err(ExchangeError::DanglingEdge {
                        edge: e.id.clone(),
                        node: end.clone(),
                    });
                }
            }
            check_attrs("edge", &e.id, &e.attrs, &self.edge_keys)?;
        }
        Ok(())
    }
}

fn check_attrs(
    what: &'static str,
    id: &str,
    attrs: &BTreeMap<String, Value>,
    keys: &[AttrKey],
) -> Result<(), ExchangeError> {
    for (name, value) in attrs {
        let declared = keys
            .iter()
            .any(|k| k.name == *name && k.ty == value.value_type());
        if !declared {
            return Err(ExchangeError::Undeclared {
                what,
                id: id.to_string(),
                name: name.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str) -> ExNode {
        ExNode {
            id: id.into(),
            label: id.into(),
            start: None,
            attrs: BTreeMap::new(),
        }
    }

    #[test]
    fn check_refuses_a_dangling_edge_and_an_undeclared_attribute() {
        let mut x = Exchange {
            name: "g".into(),
            directed: true,
            ..Default::default()
        };
        x.nodes = vec![node("a"), node("b")];
        x.edges.push(ExEdge {
            id: "e0".into(),
            source: "a".into(),
            target: "c".into(),
            label: "supports".into(),
            weight: 1.0,
            start: None,
            attrs: BTreeMap::new(),
        });
        assert!(matches!(x.check(), Err(ExchangeError::DanglingEdge { .. })));
        x.edges[0].target = "b".into();
        assert_eq!(x.check(), Ok(()));
        x.nodes[0]
            .attrs
            .insert("kind".into(), Value::Text("actor".into()));
        assert!(matches!(x.check(), Err(ExchangeError::Undeclared { .. })));
        x.node_keys.push(AttrKey {
            name: "kind".into(),
            ty: ValueType::Text,
            doc: "node kind".into(),
        });
        assert_eq!(x.check(), Ok(()));
    }
}
