//! The levelmap graph and everything it is made of: partial dates, the kinds of
//! nodes and edges and the corpus records ([`Corpus`]), evidence (the one quote
//! normalisation), lexicon mentions, "did you mean" suggestions, the graph and its
//! build from a corpus, its lossless JSON form, and text made safe to print. Every other crate depends on this
//! one; it depends on none of them.

pub mod aside;
pub mod date;
pub mod eventlike;
pub mod evidence;
pub mod exchange;
pub mod given_names;
pub mod gold;
pub mod graph;
pub mod groups;
pub mod json;
pub mod json_check;
pub mod json_index;
mod json_read;
pub mod mentions;
mod model;
pub mod places;
pub mod rules;
pub mod suggest;
pub mod titles;
pub mod visible;

pub use model::*;
