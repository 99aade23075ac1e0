//! `levelmap check`: the corpus is validated, and every kind of bad input gets a
//! located, helpful message.

use crate::support::*;

#[test]
fn mini_fixture_passes() {
    let d = levelmap(["check", "--corpus"]).arg(fixture("mini")).ok();
    assert!(d.stdout.contains("0 error(s), 0 warning(s)"), "{}", d.stdout);
    assert!(d.stdout.contains("evolves-into"), "{}", d.stdout);
}
