//! The evolution view: the lineage of one idea. The policies it evolved from and into
//! (and what it is part of, and what is part of it) stand in columns by when each was
//! first discussed; each shows a tally of the claims about it and the claims
//! themselves, for and against, with their speakers. Bold arrows are evolves-into and
//! replaces, dotted ones part-of.
//!
//! Pipeline, as for the timeline: `model` extracts the lineage, `layout` places
//! it, `svg` draws it.

mod layout;
mod model;
mod svg;

use crate::style::class_name;
use crate::svgw::num;
use levelmap_model::graph::LevelGraph;

use super::model::count;
use crate::views::request::TimelineError;

pub(crate) use layout::lay_out;
pub(crate) use model::extract;
use svg::draw;

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
pub fn render_evolution(g: &LevelGraph, query: &str) -> Result<EvolutionView, TimelineError> {
    let ev = extract(g, query)?;
    let lay = lay_out(&ev);
    let svg = draw(&ev, &lay);
    let slug = class_name(
        ev.focus
            .split_once(':')
            .map_or(ev.focus.as_str(), |(_, s)| s),
    );
    let summary = format!(
        "{} in {} column(s), {} link(s); {} x {} px",
        count(ev.blocks.len(), "idea", "ideas"),
        ev.columns.len(),
        ev.links.len(),
        num(lay.geometry.width),
        num(lay.geometry.height)
    );
    Ok(EvolutionView { svg, summary, slug })
}

#[cfg(test)]
mod tests;
