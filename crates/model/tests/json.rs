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

/// graph.json is written one node and one edge at a time; it must be byte for byte
/// what serialising the whole export gives, parallel edges' ids (`#2`) included.
#[test]
fn streamed_graph_json_is_the_whole_export_serialised() {
    use levelmap_model::json::write_json;
    let mut parallel = levelmap_testkit::mini();
    let e = parallel.graph.edge_indices().next().unwrap();
    let (a, b) = parallel.graph.edge_endpoints(e).unwrap();
    let w = parallel.graph[e].clone();
    parallel.graph.add_edge(a, b, w.clone());
    parallel.graph.add_edge(a, b, w);
    for (g, numbered) in [(levelmap_testkit::mini(), false), (parallel, true)] {
        let mut streamed = Vec::new();
        write_json(&g, &mut streamed).unwrap();
        let mut whole = Vec::new();
        write_pretty(&mut whole, &to_export(&g)).unwrap();
        whole.push(b'\n');
        let streamed = String::from_utf8(streamed).unwrap();
        assert_eq!(streamed, String::from_utf8(whole).unwrap());
        assert_eq!(
            streamed.contains("#3\""),
            numbered,
            "the third parallel edge is #3"
        );
    }
}
