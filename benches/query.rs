//! End-to-end latency of the query commands (process start to exit).
mod synth;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let dir = std::path::PathBuf::from(&args[i + 1]);
        let n: usize = args[i + 2].parse().unwrap();
        let w = synth::generate(&dir, n, 7).unwrap();
        println!("{w:?}");
    }
}
