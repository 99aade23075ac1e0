//! All integration tests, in one binary: one module per feature, each driving the
//! real `levelmap` binary through the small builder in `support`.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // the integration tests set up and inspect files around the real binary

mod support;

mod build;
mod check;
mod columnar;
mod explore;
mod export;
mod extract;
mod gold;
mod incremental;
mod inputs;
mod interchange;
mod mapcross;
mod network;
mod outset;
mod query;
mod render;
mod screenshot;
mod stderr;
mod timelinejs;
