//! scratch2
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let out = std::env::args().nth(2).unwrap();
    let r = levelmap::read::read_corpus(std::path::Path::new(&dir));
    let g = levelmap::graph::build(&r.corpus, Default::default());
    let mut o = levelmap::export::svg::SvgOptions::default();
    o.limits.optimise_up_to = std::env::args().nth(3).unwrap().parse().unwrap(); let t = std::time::Instant::now();
    let mut buf = Vec::new();
    let rep = levelmap::export::svg::write_svg(&g, &o, &mut buf).unwrap();
    std::fs::write(out, buf).unwrap();
    println!("{:?} {:?}", rep.stats, t.elapsed());
}
