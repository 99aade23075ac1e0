//! Time-layered views of the debate: the timeline (articles, events and one lane per
//! recurring idea on a proportional time axis), the evolution view of one policy's
//! lineage, and yearly slices of the map.
//!
//! Pipeline, each step a pure function: [`model`] extracts what to draw from a
//! [`LevelGraph`]; [`layout`] places it (x from the date, lanes ordered by barycentre
//! sweeps, labels packed so that none collide, every label's box recorded in a
//! `page::Geometry`); [`svg`] draws it through `crate::svgw::SvgWriter`
//! with the colours of `crate::style`. [`evolution`] and [`slices`] reuse the same
//! pieces: `page` (label boxes, lines of text in the class fonts, the heading block,
//! curve paths) and `paint` (the style sheet, arrowheads, the start of a page).
//! `request` holds the options and the errors of every view.
//!
//! Module imports run one way: `request` <- `model` <- `page` <- `layout` <- `paint`
//! <- `svg` <- `evolution`, `slices` <- this module.

pub mod evolution;
pub mod layout;
pub mod model;
pub(crate) mod page;
mod paint;
pub mod slices;
pub mod svg;

mod request;

pub use request::{TimelineError, TimelineOptions};

use levelmap_model::graph::LevelGraph;

/// Lay out and draw the timeline of a graph as an SVG document.
pub fn render_timeline(g: &LevelGraph, opts: &TimelineOptions) -> Result<Rendered, TimelineError> {
    let mut tl = model::extract(g, opts)?;
    let order = layout::order_lanes(&mut tl);
    let lay = layout::lay_out(&tl, &layout::LayoutOptions { width: opts.width });
    let svg = svg::draw(&tl, &lay);
    Ok(Rendered {
        svg,
        summary: summary(&tl, &lay, Some(order)),
    })
}

/// A drawing and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The SVG document.
    pub svg: String,
    /// One line saying what was drawn, for the command to print.
    pub summary: String,
}

fn summary(
    tl: &model::Timeline,
    lay: &layout::TimelineLayout,
    order: Option<layout::OrderStats>,
) -> String {
    let claims: std::collections::BTreeSet<&str> = tl
        .lanes
        .iter()
        .flat_map(|l| l.claims.iter().map(|c| c.id.as_str()))
        .collect();
    let mut s = format!(
        "{} article(s), {} event(s), {} claim(s) in {} lane(s), {} link(s); {} x {} px",
        tl.articles.len(),
        tl.events.len(),
        claims.len(),
        tl.lanes.len(),
        tl.links.len() + tl.lineage.len(),
        crate::svgw::num(lay.geometry.width),
        crate::svgw::num(lay.geometry.height)
    );
    if let Some(o) = order {
        s.push_str(&format!(
            "; lane crossings {} -> {}",
            crate::svgw::num(o.before),
            crate::svgw::num(o.after)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::date::PartialDate;
    use levelmap_model::graph::{build, BuildOptions};
    use levelmap_model::NodeKind;
    use request::resolve;

    /// The graph of a corpus under the repository root ("tests/fixtures/mini", "graph").
    pub(crate) fn corpus(rel: &str) -> LevelGraph {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(rel);
        let r = levelmap_read::read_corpus(&dir);
        assert!(!r.has_errors(), "{rel}: {:?}", r.diagnostics);
        build(&r.corpus, BuildOptions::default())
    }

    pub(crate) fn mini() -> LevelGraph {
        corpus("tests/fixtures/mini")
    }

    #[test]
    fn resolves_ids_names_and_aliases_ignoring_case() {
        let g = mini();
        let id = |q: &str| g.node(resolve(&g, q).unwrap()).id.clone();
        assert_eq!(id("policy:securonomics"), "policy:securonomics".into());
        assert_eq!(id("SECURONOMICS"), "policy:securonomics".into());
        assert_eq!(
            id("industrial-strategy"),
            "policy:industrial-strategy".into()
        );
        assert_eq!(
            id("Industrial Strategy"),
            "policy:industrial-strategy".into()
        );
        assert_eq!(id("Reeves"), "actor:rachel-reeves".into());
        assert_eq!(id("level up"), "policy:levelling-up".into());
    }

    #[test]
    fn unknown_node_suggests_close_ids() {
        let g = mini();
        let e = resolve(&g, "securonomcs").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no node 'securonomcs'; did you mean policy:securonomics (Securonomics)?"
        );
        let e = resolve(&g, "zzzz").unwrap_err();
        assert!(e.to_string().starts_with("no node 'zzzz'"), "{e}");
    }

    #[test]
    fn error_messages_say_what_to_do() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(
            TimelineError::BadRange {
                from: d("2024"),
                to: d("2020")
            }
            .to_string(),
            "--from 2024 is after --to 2020: give the earlier date first"
        );
        assert_eq!(
            TimelineError::NothingMatches {
                what: "no article from 2030 to 2031".into(),
                articles: 2,
                first: d("2020-09"),
                last: d("2024-07-08")
            }
            .to_string(),
            "nothing to draw: no article from 2030 to 2031; the corpus has 2 article(s) dated 2020-09 to 2024-07-08"
        );
        let e = TimelineError::NotAPolicy {
            query: "Reeves".into(),
            id: "actor:rachel-reeves".into(),
            kind: NodeKind::Actor,
            suggestions: vec![],
        };
        assert_eq!(
            e.to_string(),
            "'Reeves' is actor:rachel-reeves, not a policy: the evolution view follows the lineage of a policy"
        );
    }
}
