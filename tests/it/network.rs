//! Discourse networks through the binary, on the bundled corpus: `statements`,
//! `network KIND` in every format, `polarisation`, `stats --network`; the JSON
//! schemas pinned (the export structs refuse unknown fields), CSV shapes, the SVG
//! read by an XML parser with every edge's evidence in its tooltip, the measures
//! checked against networkx, and bad input refused with a located message.

use levelmap_network::json::{evidence_of, NetworkJson, PolarisationJson, StatementsJson};

use crate::support::*;

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn statements_json_is_pinned_and_every_statement_has_its_evidence() {
    let b = Bundled::new();
    let s: StatementsJson = b.json(&["statements", "--duplicates", "all"]);
    assert_eq!((s.schema.as_str(), s.version), ("levelmap/statements", 1));
    assert!(s.statements.len() > 50, "{}", s.statements.len());
    assert!(s
        .statements
        .iter()
        .all(|x| !x.quote.is_empty() && !x.article.is_empty() && x.date.is_some()));
    // Labour's proposal of levelling up in 2024, from a proposes edge.
    assert!(s
        .statements
        .iter()
        .any(|x| x.actor.as_ref() == "actor:labour-party"
            && x.policy.as_ref() == "policy:levelling-up"
            && x.stance.as_ref() == "for"
            && x.source.as_ref() == "proposes"));
    // Filters: one actor, one stance, a date range; the CSV has the same rows.
    let f: StatementsJson = b.json(&[
        "statements",
        "--actor",
        "Labour Party",
        "--stance",
        "for",
        "--from",
        "2024",
    ]);
    assert!(!f.statements.is_empty());
    assert!(f
        .statements
        .iter()
        .all(|x| x.actor.as_ref() == "actor:labour-party" && x.stance.as_ref() == "for"));
    let c = b
        .run(&[
            "statements",
            "--actor",
            "Labour Party",
            "--stance",
            "for",
            "--from",
            "2024",
            "--format",
            "csv",
        ])
        .ok();
    let rows = csv_rows(&c.stdout);
    assert_eq!(
        rows[0],
        [
            "date",
            "actor",
            "actor_label",
            "policy",
            "policy_label",
            "stance",
            "article",
            "source",
            "quote"
        ]
    );
    assert_eq!(rows.len(), f.statements.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 9));
}

#[test]
fn every_network_kind_is_pinned_in_json_with_measures_and_evidence() {
    let b = Bundled::new();
    for kind in [
        "affiliation",
        "congruence",
        "conflict",
        "subtract",
        "policies",
    ] {
        let n: NetworkJson = b.json(&["network", kind]);
        assert_eq!(
            (n.schema.as_str(), n.version, n.kind.as_ref()),
            ("levelmap/network", 2, kind)
        );
        assert_eq!(n.windows.len(), 1);
        let w = &n.windows[0];
        assert!(!w.nodes.is_empty() && !w.edges.is_empty(), "{kind}");
        // every tie's statements, found by the documented rule, are as many as it
        // says and each has its quote
        for e in &w.edges {
            let found = evidence_of(kind, &w.statements, e);
            assert_eq!(
                found.len(),
                e.statements,
                "{kind} {} {}",
                e.source,
                e.target
            );
            assert!(!found.is_empty());
            assert!(found.iter().all(|&k| !w.statements[k].quote.is_empty()));
        }
        let ids: std::collections::BTreeSet<_> = w.nodes.iter().map(|n| n.id.clone()).collect();
        assert!(w
            .edges
            .iter()
            .all(|e| ids.contains(&e.source) && ids.contains(&e.target)));
        assert!(w
            .nodes
            .iter()
            .all(|n| (0.0..=1.0).contains(&n.pagerank) && (0.0..=1.0).contains(&n.betweenness)));
    }
    // With one statement per actor, policy and stance, normalised congruence is in 0..1.
    for norm in ["average", "jaccard", "cosine"] {
        let n: NetworkJson = b.json(&[
            "network",
            "congruence",
            "--duplicates",
            "window",
            "--normalisation",
            norm,
        ]);
        assert!(
            n.windows[0]
                .edges
                .iter()
                .all(|e| e.weight > 0.0 && e.weight <= 1.0),
            "{norm}"
        );
    }
    // --min-statements drops quiet actors.
    let all: NetworkJson = b.json(&["network", "congruence"]);
    let busy: NetworkJson = b.json(&["network", "congruence", "--min-statements", "5"]);
    assert!(busy.windows[0].nodes.len() < all.windows[0].nodes.len());
    assert!(busy.windows[0].nodes.iter().all(|n| n.statements >= 5));
}

/// The network document's bytes pinned: version 2's layout (each statement, node and
/// tie compact on a line of its own) and its values.
#[test]
fn the_network_json_of_the_bundled_corpus_is_pinned() {
    let b = Bundled::new();
    let out = b
        .run(&[
            "network",
            "subtract",
            "--min-statements",
            "4",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    insta::assert_snapshot!("network_subtract_json", out);
}

#[test]
fn moving_windows_give_one_network_each_and_stay_inside_their_dates() {
    let b = Bundled::new();
    let n: NetworkJson = b.json(&["network", "affiliation", "--window", "12m", "--step", "6m"]);
    assert!(n.windows.len() >= 7, "{}", n.windows.len());
    for w in &n.windows {
        let (from, to) = (w.from.unwrap(), w.to.unwrap());
        for e in &w.edges {
            for k in evidence_of("affiliation", &w.statements, e) {
                let d = w.statements[k].date.unwrap();
                assert!(
                    d.start_days() >= from.start_days() && d.end_days() <= to.end_days(),
                    "{d} outside {from}..{to}"
                );
            }
        }
    }
}

#[test]
fn csv_edge_list_and_matrix_have_the_shape_of_the_network() {
    let b = Bundled::new();
    let n: NetworkJson = b.json(&["network", "subtract"]);
    let rows = csv_rows(
        &b.run(&["network", "subtract", "--format", "csv"])
            .ok()
            .stdout,
    );
    assert_eq!(rows[0][..3], ["from", "to", "source"]);
    assert_eq!(rows.len(), n.windows[0].edges.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 10));
    let m = csv_rows(
        &b.run(&["network", "subtract", "--format", "matrix"])
            .ok()
            .stdout,
    );
    let k = n.windows[0].nodes.len();
    assert_eq!((m.len(), m[0].len()), (k + 1, k + 1));
    for (i, row) in m.iter().enumerate().skip(1) {
        for (j, x) in row.iter().enumerate().skip(1) {
            assert_eq!(x, &m[j][i], "symmetric");
        }
    }
    let a = csv_rows(
        &b.run(&["network", "affiliation", "--format", "matrix"])
            .ok()
            .stdout,
    );
    assert!(
        a[1..].iter().all(|r| r[0].starts_with("actor:"))
            && a[0][1..].iter().all(|c| c.starts_with("policy:"))
    );
}

#[test]
fn the_network_svg_is_well_formed_and_every_edge_tooltip_lists_its_evidence() {
    let b = Bundled::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("congruence.svg");
    b.run(&[
        "network",
        "congruence",
        "--format",
        "svg",
        "-o",
        path.to_str().unwrap(),
    ])
    .ok();
    let svg = std::fs::read_to_string(&path).unwrap();
    let doc = parse_xml(&svg);
    let n: NetworkJson = b.json(&["network", "congruence"]);
    let edges: Vec<_> = doc
        .elements
        .iter()
        .filter(|e| e.class.starts_with("edge"))
        .collect();
    assert_eq!(edges.len(), n.windows[0].edges.len());
    for (el, e) in edges.iter().zip(&n.windows[0].edges) {
        for k in evidence_of("congruence", &n.windows[0].statements, e) {
            let s = &n.windows[0].statements[k];
            assert!(
                el.title.contains(s.quote.as_ref()),
                "{} lacks “{}”",
                el.title,
                s.quote
            );
        }
    }
    // Deterministic: a second drawing is byte-identical.
    let again = b
        .run(&["network", "congruence", "--format", "svg"])
        .ok()
        .stdout;
    assert_eq!(again, svg);
}

#[test]
fn polarisation_has_a_window_each_and_a_chart_naming_the_groups() {
    let b = Bundled::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.svg");
    let d = b
        .run(&[
            "polarization",
            "--format",
            "json",
            "--svg",
            path.to_str().unwrap(),
        ])
        .ok();
    let p: PolarisationJson = serde_json::from_str(&d.stdout).unwrap();
    assert_eq!(
        (
            p.schema.as_str(),
            p.measure.as_ref(),
            p.window_months,
            p.step_months
        ),
        ("levelmap/polarisation", "signed-modularity", 12, 3)
    );
    assert!(p.windows.iter().all(|w| (0.0..=1.0).contains(&w.score)));
    // 2024: Labour and the Conservatives both back levelling up; the article's author,
    // against it, stands apart.
    let last = p.windows.last().unwrap();
    assert!(last.score > 0.0);
    assert!(last.groups[0]
        .iter()
        .any(|m| m.id.as_ref() == "actor:labour-party"));
    let doc = parse_xml(&std::fs::read_to_string(&path).unwrap());
    assert!(doc.tags.contains("polyline"));
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("Labour Party"));
}

#[test]
fn stats_gives_the_measures_of_a_network() {
    let b = Bundled::new();
    let rows = csv_rows(
        &b.run(&[
            "stats",
            "--network",
            "congruence",
            "--top",
            "3",
            "--format",
            "csv",
        ])
        .ok()
        .stdout,
    );
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][2..5], ["id", "label", "statements"]);
    let t = b.run(&["stats", "--network", "conflict"]).ok().stdout;
    assert!(t.contains("betweenness") && t.contains("pagerank"), "{t}");
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_no_panic() {
    let b = Bundled::new();
    for (args, says) in [
        (
            &["network", "congruence", "--actor", "Labur Party"][..],
            "did you mean",
        ),
        (
            &["statements", "--policy", "Rachel Reeves"][..],
            "not a policy",
        ),
        (
            &["network", "conflict", "--window", "12x"][..],
            "--window '12x' is not a length of time",
        ),
        (
            &["network", "conflict", "--window", "12m", "--step", "0m"][..],
            "--step '0m'",
        ),
        (
            &["polarisation", "--window", "30y"][..],
            "longer than the statements",
        ),
        (
            &["network", "congruence", "--from", "2030"][..],
            "no statements from 2030",
        ),
        (
            &["network", "congruence", "--min-statements", "0"][..],
            "at least 1",
        ),
        // regression: a minimum no actor reaches wrote an empty network with exit 0
        (
            &["network", "congruence", "--min-statements", "999"][..],
            "leaves the congruence network empty: no actor has 999 statements",
        ),
        (
            &[
                "network",
                "policies",
                "--min-statements",
                "999",
                "--window",
                "12m",
                "--format",
                "json",
            ][..],
            "no policy has 999 statements",
        ),
        (
            &["stats", "--network", "conflict", "--min-statements", "999"][..],
            "give --min-statements",
        ),
        // regression: `stats --from 2030` printed the whole graph's counts, unfiltered
        (
            &["stats", "--from", "2030"][..],
            "--from shapes a discourse network and only works with --network KIND",
        ),
        (
            &["stats", "--actor", "Rachel Reeves", "--window", "12m"][..],
            "--actor, --window shape a discourse network",
        ),
        // regression: affiliation ignored the normalisation its output claimed
        (
            &["network", "affiliation", "--normalisation", "jaccard"][..],
            "the affiliation network is two-mode",
        ),
        (
            &[
                "stats",
                "--network",
                "affiliation",
                "--normalisation",
                "cosine",
            ][..],
            "leave out --normalisation",
        ),
        // regression: `timeline --actor POLICY` gave the policy's timeline as an actor's
        (
            &["timeline", "--actor", "policy:levelling-up"][..],
            "policy:levelling-up is a policy, not an actor",
        ),
        // and scored every window of polarisation 0.000, as though nobody disagreed
        (
            &["polarisation", "--min-statements", "999"][..],
            "leaves the signed network of every window empty",
        ),
        (
            &[
                "network",
                "congruence",
                "--window",
                "12m",
                "--format",
                "svg",
            ][..],
            "svg holds one network",
        ),
        (
            &["statements", "--from", "2024", "--to", "2020"][..],
            "after --to",
        ),
    ] {
        let d = b.run(args).fails();
        assert!(d.stderr.contains(says), "{args:?}: {}", d.stderr);
        assert!(!d.stderr.contains("panicked"), "{args:?}");
    }
}

#[test]
fn hostile_names_and_quotes_are_escaped_in_the_drawing_and_kept_in_csv() {
    let out = tempfile::tempdir().unwrap();
    let c = fixture("hostile");
    levelmap(["build", "--corpus"])
        .arg(&c)
        .arg("--out")
        .arg(out.path())
        .ok();
    let svg_path = out.path().join("a.svg");
    levelmap(["network", "affiliation", "--format", "svg", "-o"])
        .arg(&svg_path)
        .arg("--corpus")
        .arg(&c)
        .arg("--out")
        .arg(out.path())
        .ok();
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let doc = parse_xml(&svg);
    assert!(
        !doc.tags.contains("b"),
        "markup from a name reached the SVG"
    );
    let edge = doc
        .elements
        .iter()
        .find(|e| e.class.starts_with("edge"))
        .expect("an edge");
    assert!(edge.title.contains("<deserve>"), "{}", edge.title);
    let d = levelmap(["statements", "--format", "csv", "--corpus"])
        .arg(&c)
        .arg("--out")
        .arg(out.path())
        .ok();
    assert!(d.stdout.contains("<deserve>"));
}

const ORACLE: &str = r#"
import json, sys
import networkx as nx
doc = json.load(sys.stdin)
w = doc["windows"][0]
G = nx.Graph()
G.add_nodes_from(n["id"] for n in w["nodes"])
for e in w["edges"]:
    G.add_edge(e["source"], e["target"], weight=e["weight"])
bc = nx.betweenness_centrality(G)
P = nx.Graph()
P.add_nodes_from(G.nodes)
P.add_weighted_edges_from((a, b, d["weight"]) for a, b, d in G.edges(data=True) if d["weight"] > 0)
pr = nx.pagerank(P, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
bad = []
for n in w["nodes"]:
    if abs(bc[n["id"]] - n["betweenness"]) > 1e-9: bad.append(("betweenness", n["id"], bc[n["id"]], n["betweenness"]))
    if abs(pr[n["id"]] - n["pagerank"]) > 1e-9: bad.append(("pagerank", n["id"], pr[n["id"]], n["pagerank"]))
    if G.degree(n["id"]) != n["degree"]: bad.append(("degree", n["id"]))
    if abs(G.degree(n["id"], weight="weight") - n["weighted_degree"]) > 1e-9: bad.append(("weighted", n["id"]))
parts = {}
for n in w["nodes"]:
    parts.setdefault(n["community"], set()).add(n["id"])
q = nx.community.modularity(P, list(parts.values()), weight="weight") if P.number_of_edges() else 0.0
print(json.dumps({"bad": bad, "modularity": q}))
"#;

#[test]
fn measures_of_the_bundled_networks_agree_with_networkx() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let have = Command::new("python3")
        .args(["-c", "import networkx, scipy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var_os("CI").is_none(),
            "networkx and scipy are needed on CI"
        );
        eprintln!("skipped: networkx is not installed");
        return;
    }
    let b = Bundled::new();
    for kind in [
        "affiliation",
        "congruence",
        "conflict",
        "subtract",
        "policies",
    ] {
        let json = b.run(&["network", kind, "--format", "json"]).ok().stdout;
        let mut child = Command::new("python3")
            .args(["-c", ORACLE])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(json.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(r["bad"], serde_json::json!([]), "{kind}");
        assert!(
            r["modularity"].as_f64().unwrap() >= 0.0,
            "{kind}: {}",
            r["modularity"]
        );
    }
}

#[test]
fn a_network_exports_as_graphml_and_gexf_that_validate_and_networkx_reads_with_its_measures() {
    let have = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
        && std::process::Command::new("xmllint")
            .arg("--version")
            .output()
            .is_ok();
    if !have {
        assert!(
            std::env::var_os("CI").is_none(),
            "networkx and xmllint are needed on CI"
        );
        eprintln!("skipped: networkx or xmllint is not installed");
        return;
    }
    let b = Bundled::new();
    let doc: NetworkJson = b.json(&["network", "congruence"]);
    let w = &doc.windows[0];
    assert!(
        !w.edges.is_empty(),
        "the bundled congruence network has ties"
    );
    let dir = tempfile::tempdir().unwrap();
    for (format, schema, reader) in [
        ("graphml", "graphml/schema/graphml.xsd", "networkx-graphml"),
        ("gexf", "gexf/schema/gexf.xsd", "networkx-gexf"),
    ] {
        let file = dir.path().join(format!("congruence.{format}"));
        let output = format!("--output={}", file.display());
        b.run(&["network", "congruence", "--format", format, &output])
            .ok();
        crate::interchange::xmllint(schema, &file);
        let read = crate::interchange::oracle(reader, &file);
        let nodes = read["nodes"].as_object().unwrap();
        assert_eq!(nodes.len(), w.nodes.len(), "{format}: every actor");
        for n in &w.nodes {
            let got = &nodes[n.id.as_ref()];
            assert_eq!(
                got["degree"][1].as_i64(),
                Some(n.degree as i64),
                "{format} {}",
                n.id
            );
            assert_eq!(
                got["community"][1].as_i64(),
                Some(n.community as i64),
                "{format} {}",
                n.id
            );
            let pr = got["pagerank"][1].as_f64().unwrap();
            assert!(
                (pr - n.pagerank).abs() < 1e-9,
                "{format} {}: {pr} vs {}",
                n.id,
                n.pagerank
            );
        }
        let mut want: Vec<(String, String, String)> = w
            .edges
            .iter()
            .map(|e| {
                let (a, z) = if e.source <= e.target {
                    (&e.source, &e.target)
                } else {
                    (&e.target, &e.source)
                };
                (a.to_string(), z.to_string(), format!("{:.6}", e.weight))
            })
            .collect();
        let mut got: Vec<(String, String, String)> = read["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let (s, t) = (
                    e[0].as_str().unwrap().to_string(),
                    e[1].as_str().unwrap().to_string(),
                );
                let (a, z) = if s <= t { (s, t) } else { (t, s) };
                (a, z, format!("{:.6}", e[2]["weight"][1].as_f64().unwrap()))
            })
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{format}: the ties and their weights");
    }
    let refused = b
        .run(&[
            "network",
            "congruence",
            "--window",
            "12m",
            "--format",
            "graphml",
        ])
        .fails();
    assert!(
        refused.stderr.contains("holds one network"),
        "{}",
        refused.stderr
    );
}

/// `polarisation --window 6m --step 24m` left most statements (the bundled corpus's 2024
/// ones among them) in no window and said nothing: the months between windows are now
/// counted on stderr. A step no longer than the window leaves none, and says nothing.
#[test]
fn a_step_longer_than_the_window_dropped_statements_silently() {
    let b = Bundled::new();
    for args in [
        &["polarisation", "--window", "6m", "--step", "24m"][..],
        &[
            "network",
            "congruence",
            "--window",
            "6m",
            "--step",
            "24m",
            "--format",
            "csv",
        ],
    ] {
        let d = b.run(args).ok();
        assert!(
            d.stderr
                .contains("dated statements fall in no window (--window 6m every 24m)"),
            "{args:?}: {}",
            d.stderr
        );
    }
    for args in [
        &["polarisation"][..],
        &["network", "congruence", "--window", "12m", "--step", "12m"],
    ] {
        let d = b.run(args).ok();
        assert!(!d.stderr.contains("in no window"), "{args:?}: {}", d.stderr);
    }
}
