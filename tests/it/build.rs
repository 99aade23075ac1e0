//! `levelmap build`: outputs, round trips, determinism and atomicity.

use crate::support::*;

#[test]
fn json_round_trips_to_identical_bytes() {
    let c = TempCorpus::of("mini");
    levelmap(["build", "--corpus"]).arg(c.path()).arg("--out").arg(c.out()).ok();
    let first = std::fs::read(c.out().join("graph.json")).unwrap();
    let again = c.dir.path().join("again");
    levelmap(["build", "--from-json"]).arg(c.out().join("graph.json")).arg("--out").arg(&again).ok();
    assert_eq!(first, std::fs::read(again.join("graph.json")).unwrap());
}
