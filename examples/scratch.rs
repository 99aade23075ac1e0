//! scratch
use levelmap::export::layout::layer;
use levelmap::export::scene::{scene, DrawOptions};
use std::time::Instant;
fn main() {
    for n in std::env::args().skip(1).map(|x| x.parse::<usize>().unwrap()) {
        let g = levelmap::synth::argument_map(&levelmap::synth::SynthOptions { nodes: n, seed: 42, cycles: true });
        let t = Instant::now();
        let s = scene(&g, &DrawOptions::default());
        let t1 = t.elapsed();
        let l = layer(&s, 12, 1500);
        let t2 = t.elapsed();
        let mut out = Vec::new();
        let rep = levelmap::export::svg::write_svg(&g, &Default::default(), &mut out).unwrap();
        let t3 = t.elapsed();
        println!("n={n} scene {} nodes {} edges; scene {:?} layer {:?} total {:?}; ranks {} dummies {} {:?}", s.nodes.len(), s.edges.len(), t1, t2 - t1, t3 - t2, l.hops.len(), rep.stats.dummies, rep.stats);
    }
}
