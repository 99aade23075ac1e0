//! Tests of the crossing counter on hand-made cases, and of reading both drawings.

use super::*;

fn count(lines: &[Vec<Point>]) -> usize {
    let v: Vec<&[Point]> = lines.iter().map(Vec::as_slice).collect();
    crossings(&v)
}

#[test]
fn two_crossing_segments_cross_once() {
    assert_eq!(
        count(&[
            vec![(0.0, 0.0), (10.0, 10.0)],
            vec![(0.0, 10.0), (10.0, 0.0)]
        ]),
        1
    );
}

#[test]
fn touching_ends_are_not_crossings() {
    // Two edges out of one node, and one edge ending on another's middle.
    assert_eq!(
        count(&[
            vec![(0.0, 0.0), (10.0, 10.0)],
            vec![(0.0, 0.0), (10.0, 0.0)]
        ]),
        0
    );
    assert_eq!(
        count(&[vec![(0.0, 0.0), (10.0, 0.0)], vec![(5.0, 0.0), (5.0, 10.0)]]),
        0
    );
}

#[test]
fn parallel_and_overlapping_segments_do_not_cross() {
    assert_eq!(
        count(&[vec![(0.0, 0.0), (10.0, 0.0)], vec![(0.0, 5.0), (10.0, 5.0)]]),
        0
    );
    assert_eq!(
        count(&[vec![(0.0, 0.0), (10.0, 0.0)], vec![(5.0, 0.0), (15.0, 0.0)]]),
        0
    );
}

#[test]
fn a_crossing_at_a_shared_vertex_counts_once_and_one_edge_never_crosses_itself() {
    // The polyline bends exactly where the other edge crosses it.
    assert_eq!(
        count(&[
            vec![(0.0, 0.0), (5.0, 5.0), (10.0, 0.0)],
            vec![(5.0, 10.0), (5.0, -10.0)],
        ]),
        1
    );
    assert_eq!(
        count(&[vec![(0.0, 0.0), (10.0, 10.0), (10.0, 0.0), (0.0, 10.0)]]),
        0
    );
}

#[test]
fn a_curve_that_weaves_through_a_line_crosses_it_each_time() {
    let mut s = vec![(0.0, -5.0)];
    flatten((0.0, -5.0), (3.0, 15.0), (6.0, -15.0), (9.0, 5.0), &mut s);
    assert_eq!(count(&[s, vec![(-1.0, 0.0), (10.0, 0.0)]]), 3);
}

#[test]
fn svg_edges_and_size_are_read() {
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">
  <g class="legend"><g class="legend-item"><path class="line" d="M0,0 L5,5"/></g></g>
  <g id="a-&gt;b" class="edge about for"><title>t</title>
    <path stroke="#000" class="line" d="M0,0 C10,0 10,10 20,10" marker-end="url(#h)"/>
    <path class="hit" d="M0,0 L1,1"/></g>
  <g id="thread:x:1" class="thread actor"><path class="line" d="M0,10 L20,0"/></g>
</svg>"##;
    let d = from_svg(svg).unwrap();
    assert_eq!((d.width, d.height), (100.0, 50.0));
    assert_eq!(d.edges.len(), 2);
    assert_eq!(d.edges[0].id, "a-&gt;b");
    assert_eq!(d.edges[0].points.len(), 1 + PIECES);
    assert_eq!(d.edges[0].points.last(), Some(&(20.0, 10.0)));
    assert_eq!(d.crossings(), 1);
}

#[test]
fn plain_edges_and_size_are_read_without_invisible_and_legend_edges() {
    let plain = "graph 1 2 1\n\
        node \"a b\" 0.5 0.5 0.5 0.3 \"a \\\"b\\\"\" solid box black lightgrey\n\
        edge \"a b\" c 4 0 0 0.5 0 0.5 1 1 1 solid black\n\
        edge d e 4 0 1 0.3 1 0.6 0 1 0 dashed black\n\
        edge c d 4 0 0 1 1 1 1 1 1 invis black\n\
        edge legend:x legend:x:to 4 0 0 1 1 1 1 1 1 solid black\n\
        stop\n";
    let d = from_plain(plain).unwrap();
    assert_eq!((d.width, d.height), (144.0, 72.0));
    let ids: Vec<&str> = d.edges.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a b->c", "d->e"]);
    assert_eq!(d.crossings(), 1);
}

#[test]
fn malformed_inputs_are_located_errors() {
    assert!(matches!(
        from_plain("graph 1 2 1\nedge a b 2 0 0 1 1 solid black\n"),
        Err(MeasureError::Plain { line: 2, .. })
    ));
    assert!(from_svg("<svg width=\"x\">").is_err());
    assert!(from_svg("<svg width=\"1\" height=\"1\"><g class=\"edge e\"><path class=\"line\" d=\"M0,0 A1,1 0 0 0 2,2\"/></g></svg>").is_err());
}
