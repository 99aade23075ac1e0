//! Everything levelmap draws, on one shared base: the SVG writer (`svgw`, where
//! escaping lives), text measurement (`text`), dates for people (`dates`) and the
//! visual language (`style`);
//! then the argument map ([`map`]: scene, DOT, layout, SVG) and the time-layered
//! views ([`views`]: timeline, evolution, yearly maps); the discourse networks
//! ([`network`]: force-directed drawing) and the polarisation chart ([`polarisation`]).

mod dates;
pub mod map;
pub mod network;
pub mod polarisation;
pub(crate) mod style;
pub(crate) mod svgw;
pub(crate) mod text;
pub mod views;
