//! `levelmap export`: views by kind, edge, date and neighbourhood, in DOT, SVG and
//! JSON; clear messages for unknown nodes and empty views.

use crate::support::*;
use levelmap_model::json::GraphJson;
use levelmap_model::NodeKind;

fn export(args: &[&str]) -> Run {
    levelmap(["export", "--corpus"])
        .arg(fixture("mini"))
        .args_from(args)
}

trait ArgsFrom {
    fn args_from(self, args: &[&str]) -> Self;
}

impl ArgsFrom for Run {
    fn args_from(mut self, args: &[&str]) -> Self {
        for a in args {
            self = self.arg(a);
        }
        self
    }
}

#[test]
fn around_a_name_draws_its_neighbourhood_as_svg() {
    let c = TempCorpus::of("mini");
    let out = c.dir.path().join("reeves.svg");
    let d = export(&["--around", "Rachel Reeves", "--depth", "1", "-o"])
        .arg(&out)
        .ok();
    assert!(d.stderr.contains("wrote"), "{}", d.stderr);
    let doc = parse_xml(&std::fs::read_to_string(&out).unwrap());
    assert!(doc.ids.contains("actor:rachel-reeves"));
    assert!(
        doc.ids.contains("claim:beta-2024-devolution-further"),
        "the claim she said"
    );
    assert!(
        !doc.ids.contains("claim:alpha-2020-pencil-sketch"),
        "two steps away"
    );
}

#[test]
fn unknown_around_node_suggests_the_closest() {
    let d = export(&["--format", "dot", "--around", "actor:rachel-reves"]).fails();
    assert!(
        d.stderr.contains(
            "no node 'actor:rachel-reves'; did you mean actor:rachel-reeves (Rachel Reeves)?"
        ),
        "{}",
        d.stderr
    );
}

#[test]
fn empty_view_is_a_clear_error_not_a_panic() {
    for format in ["svg", "dot", "json"] {
        let d = export(&["--format", format, "--kind", "event", "--from", "2030"]).fails();
        assert!(
            d.stderr
                .contains("the view is empty: no node matches kind event; from 2030"),
            "{}",
            d.stderr
        );
    }
}

#[test]
fn json_view_keeps_only_the_kinds_asked_for() {
    let d = export(&["--format", "json", "--kind", "claim"]).ok();
    let g: GraphJson = serde_json::from_str(&d.stdout).expect("the view is valid graph JSON");
    assert_eq!(g.nodes.len(), 6);
    assert!(g.nodes.iter().all(|n| n.kind == NodeKind::Claim));
    assert!(g
        .edges
        .iter()
        .all(|e| e.from.starts_with("claim:") && e.to.starts_with("claim:")));
    assert_eq!(g.edges.len(), 4, "supports, attacks and two echoes");
}

#[test]
fn dates_filter_by_article_date() {
    let d = export(&["--format", "json", "--from", "2024"]).ok();
    let g: GraphJson = serde_json::from_str(&d.stdout).unwrap();
    assert!(g
        .nodes
        .iter()
        .any(|n| &*n.id == "article:2024-07-beta-labour"));
    assert!(!g
        .nodes
        .iter()
        .any(|n| &*n.id == "article:2020-09-alpha-towns"));
    assert!(
        !g.nodes.iter().any(|n| &*n.id == "actor:ann-alpha"),
        "the 2020 author has no 2024 link"
    );
    let d = export(&["--format", "json", "--from", "2024", "--to", "2020"]).fails();
    assert!(
        d.stderr
            .contains("the date range is empty: 2024 is after 2020"),
        "{}",
        d.stderr
    );
    let d = export(&["--format", "json", "--from", "2024-13"]).fails();
    assert!(d.stderr.contains("no month 13"), "{}", d.stderr);
}

#[test]
fn edges_filter_and_format_from_the_file_extension() {
    let c = TempCorpus::of("mini");
    let out = c.dir.path().join("argument.dot");
    export(&["--edge", "supports,attacks,echoes", "--kind", "claim", "-o"])
        .arg(&out)
        .ok();
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(
        dot.contains("class=\"edge echoes\"") && !dot.contains("class=\"edge about"),
        "{dot}"
    );
    if let Some(svg) = graphviz_svg(&out) {
        parse_xml(&svg);
    }
    let d = export(&["-o", "view.png"]).fails();
    assert!(
        d.stderr.contains("give --format dot, svg or json"),
        "{}",
        d.stderr
    );
}

#[test]
fn dot_goes_to_standard_output_by_default() {
    let d = export(&[
        "--format",
        "dot",
        "--around",
        "policy:securonomics",
        "--depth",
        "2",
    ])
    .ok();
    assert!(
        d.stdout
            .starts_with("digraph \"levelmap: around policy:securonomics depth 2\""),
        "{}",
        d.stdout
    );
    assert!(d.stdout.trim_end().ends_with('}'));
}

#[test]
fn mentions_are_drawn_when_asked_for() {
    let d = export(&["--format", "svg", "--edge", "mentions"]).ok();
    let doc = parse_xml(&d.stdout);
    assert!(doc
        .elements
        .iter()
        .any(|e| e.class.starts_with("edge mentions")));
    let d = export(&["--format", "svg"]).ok();
    let doc = parse_xml(&d.stdout);
    assert!(!doc
        .elements
        .iter()
        .any(|e| e.class.starts_with("edge mentions")));
    let article = doc
        .elements
        .iter()
        .find(|e| e.id.as_deref() == Some("article:2020-09-alpha-towns"))
        .unwrap();
    assert!(article.title.contains("mentions ("), "{}", article.title);
}
