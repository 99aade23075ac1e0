//! The argument map: the graph (or a view of it) as DOT and SVG, each written to any
//! `io::Write`. DOT and SVG draw the same `scene::Scene`; the SVG is laid out by
//! layout-rs in [`layout`].

pub mod dot;
pub mod dot_overview;
pub mod layout;
pub mod scene;
pub mod svg;
