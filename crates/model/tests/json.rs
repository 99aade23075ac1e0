//! The graph's JSON, on a graph read from a fixture (the reader and the test kit
//! depend on this crate, so this test runs outside it).

use levelmap_model::json::{to_export, write_pretty};

#[test]
fn write_pretty_is_serde_jsons_pretty_printing_on_a_whole_graph() {
    let g = levelmap_testkit::mini();
    let export = serde_json::to_value(to_export(&g)).unwrap();
    let mut out = Vec::new();
    write_pretty(&mut out, &export).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        serde_json::to_string_pretty(&export).unwrap()
    );
}
