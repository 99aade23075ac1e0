//! All integration tests, in one binary: one module per feature, each driving the
//! real `levelmap` binary through the small builder in `support`.

mod support;

mod check;
mod build;
mod query;
mod export;
mod render;
mod extract;
mod screenshot;
