//! Exporters: the graph (or a view of it) as JSON, DOT and SVG, each written to any
//! `io::Write`.

pub mod json;
pub mod svgw;
