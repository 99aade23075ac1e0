//! The explorer: one self-contained HTML page (`explore.html`) to read a graph
//! offline: the argument map and the timeline at the positions levelmap's own layouts
//! give them (the same as graph.svg and timeline.svg), search, neighbourhoods, filters,
//! a time slider, the evidenced path between two nodes, and the article texts with
//! their quotes.
//!
//! [`data`] gathers what the page shows into one serde struct (built on graph.json's
//! export structs); [`html`] writes it safely into a `<script type="application/json">`
//! beside the vendored Cytoscape.js (`vendor/`) and the page's own script (`assets/`).

mod data;
mod html;

use std::collections::BTreeMap;

use levelmap_model::graph::LevelGraph;

pub use data::{ArticleText, PageData};

/// What to put in the page besides the graph.
#[derive(Debug, Clone, Default)]
pub struct PageOptions {
    /// The title shown at the top and in the browser tab.
    pub title: String,
    /// Article texts by article id (file stem); an article without one says so.
    pub texts: BTreeMap<String, ArticleText>,
}

/// Why a page could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExploreError {
    /// The graph is empty: there is nothing to explore.
    #[error("there is nothing to explore: the view has no nodes")]
    Empty,
    /// The map could not be laid out.
    #[error("cannot lay out the map: {0}")]
    Layout(#[from] levelmap_draw::map::svg::SvgError),
    /// The data could not be serialised.
    #[error("cannot write the page's data: {0}")]
    Json(#[from] serde_json::Error),
}

/// The explorer page of `g`, as one HTML document.
pub fn page(g: &LevelGraph, opts: &PageOptions) -> Result<String, ExploreError> {
    if g.node_count() == 0 {
        return Err(ExploreError::Empty);
    }
    let data = data::gather(g, opts)?;
    html::document(&data)
}

/// The article texts of a corpus, by article id, for [`PageOptions::texts`].
pub fn texts(corpus: &levelmap_model::Corpus) -> BTreeMap<String, ArticleText> {
    corpus
        .articles
        .iter()
        .map(|(id, a)| {
            let t = ArticleText {
                title: a.title.clone(),
                text: a.text.clone(),
            };
            (id.clone(), t)
        })
        .collect()
}
