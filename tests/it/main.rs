//! All integration tests, in one binary: one module per feature, each driving the
//! real `levelmap` binary through the small builder in `support`.

mod support;

mod build;
mod check;
mod export;
mod extract;
mod query;
mod render;
mod screenshot;
