//! `levelmap build`: outputs, round trips, determinism and atomicity; DOT accepted by
//! Graphviz, SVG well-formed, hostile labels escaped, snapshots of the mini fixture.

use std::path::Path;

use crate::support::*;

/// Every file `build` writes.
const OUTPUTS: [&str; 3] = ["graph.json", "graph.dot", "graph.svg"];

fn build(corpus: &Path, out: &Path) -> Done {
    levelmap(["build", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .ok()
}

#[test]
fn json_round_trips_to_identical_bytes() {
    let c = TempCorpus::of("mini");
    build(&c.path(), &c.out());
    let first = std::fs::read(c.out().join("graph.json")).unwrap();
    let again = c.dir.path().join("again");
    levelmap(["build", "--from-json"])
        .arg(c.out().join("graph.json"))
        .arg("--out")
        .arg(&again)
        .ok();
    assert_eq!(first, std::fs::read(again.join("graph.json")).unwrap());
}

#[test]
fn build_writes_json_dot_and_svg_and_a_summary() {
    let c = TempCorpus::of("mini");
    let d = build(&c.path(), &c.out());
    for f in OUTPUTS {
        assert!(c.out().join(f).is_file(), "{f} missing");
        assert!(
            d.stdout
                .contains(&format!("wrote {}", c.out().join(f).display())),
            "{}",
            d.stdout
        );
    }
    assert!(d.stdout.contains("built 19 nodes"), "{}", d.stdout);
    assert!(d.stdout.contains("claims             6"), "{}", d.stdout);
    assert!(d.stdout.contains("evolves-into"), "{}", d.stdout);
    assert!(
        d.stdout.contains("warning(s);") && d.stdout.contains(" ms"),
        "{}",
        d.stdout
    );
    // No progress bar when not on a terminal.
    assert!(!d.stderr.contains('['), "{}", d.stderr);
}

#[test]
fn two_builds_give_byte_identical_files() {
    let c = TempCorpus::of("mini");
    let (a, b) = (c.dir.path().join("a"), c.dir.path().join("b"));
    build(&c.path(), &a);
    build(&c.path(), &b);
    for f in OUTPUTS {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f} differs between builds"
        );
    }
}

#[test]
fn bundled_corpus_builds_identically_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let d = build(&corpus(), &a);
    assert!(
        d.stdout.contains("graph.svg: ") && d.stdout.contains("placed by levelmap"),
        "{}",
        d.stdout
    );
    build(&corpus(), &b);
    for f in OUTPUTS {
        assert!(
            std::fs::read(a.join(f)).unwrap() == std::fs::read(b.join(f)).unwrap(),
            "{f} differs between builds"
        );
    }
    if let Some(svg) = graphviz_svg(&a.join("graph.dot")) {
        parse_xml(&svg);
    }
    parse_xml(&std::fs::read_to_string(a.join("graph.svg")).unwrap());
}

#[test]
fn failed_build_leaves_out_untouched() {
    let c = TempCorpus::of("mini");
    build(&c.path(), &c.out());
    let before: Vec<Vec<u8>> = OUTPUTS
        .iter()
        .map(|f| std::fs::read(c.out().join(f)).unwrap())
        .collect();
    // Break the corpus: a quote that is not in the article, and an unknown id.
    c.edit(
        "articles/2020-09-alpha-towns.toml",
        "not a blueprint\"",
        "not a blueprint at all\"",
    );
    let d = levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .fails();
    assert!(d.stderr.contains("nothing was written"), "{}", d.stderr);
    let after: Vec<Vec<u8>> = OUTPUTS
        .iter()
        .map(|f| std::fs::read(c.out().join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
    let names: Vec<String> = std::fs::read_dir(c.out())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "no temporary file left: {names:?}"
    );
    for f in OUTPUTS {
        assert!(names.iter().any(|n| n == f), "{f} still there: {names:?}");
    }
}

#[test]
fn dot_is_accepted_by_graphviz() {
    for name in ["mini", "hostile"] {
        let c = TempCorpus::of(name);
        build(&c.path(), &c.out());
        let Some(svg) = graphviz_svg(&c.out().join("graph.dot")) else {
            return;
        };
        let doc = parse_xml(&svg);
        assert!(doc.ids.contains("legend"), "the legend is drawn");
    }
}

#[test]
fn svg_is_well_formed_with_ids_classes_titles_and_labels() {
    let c = TempCorpus::of("mini");
    build(&c.path(), &c.out());
    let svg = std::fs::read_to_string(c.out().join("graph.svg")).unwrap();
    let doc = parse_xml(&svg);
    // Every node and edge of the graph is drawn under its own id, with a tooltip.
    let g: levelmap_model::json::GraphJson =
        serde_json::from_slice(&std::fs::read(c.out().join("graph.json")).unwrap()).unwrap();
    for n in &g.nodes {
        if matches!(
            n.kind,
            levelmap_model::NodeKind::Article | levelmap_model::NodeKind::Claim
        ) || &*n.id == "policy:levelling-up"
        {
            let el = doc
                .elements
                .iter()
                .find(|e| e.id.as_deref() == Some(n.id.as_ref()))
                .unwrap_or_else(|| panic!("no element {}", n.id));
            assert!(
                el.class.starts_with(&format!("node {}", n.kind)),
                "{}: {}",
                n.id,
                el.class
            );
            assert!(el.title.contains(&n.label), "{}: {}", n.id, el.title);
            assert!(
                !el.text.is_empty(),
                "{} has its label inside its group",
                n.id
            );
        }
    }
    for e in g
        .edges
        .iter()
        .filter(|e| e.kind != levelmap_model::EdgeKind::Mentions)
    {
        let el = doc
            .elements
            .iter()
            .find(|x| x.id.as_deref() == Some(e.id.as_ref()))
            .unwrap_or_else(|| panic!("no edge {}", e.id));
        assert!(
            el.class.starts_with(&format!("edge {}", e.kind)),
            "{}",
            el.class
        );
        assert!(
            el.title.contains(&e.evidence.quote.replace('\n', " "))
                || el.title.contains('\u{201c}'),
            "{}",
            el.title
        );
    }
    // The claim tooltip carries the full text and the quote.
    let claim = doc
        .elements
        .iter()
        .find(|e| e.id.as_deref() == Some("claim:beta-2024-instability"))
        .unwrap();
    assert!(
        claim
            .title
            .contains("Levelling up was undermined by government instability."),
        "{}",
        claim.title
    );
    assert!(
        claim
            .title
            .contains("\u{201c}levelling up was undermined by government instability\u{201d}"),
        "{}",
        claim.title
    );
    assert!(doc.ids.contains("legend") && doc.ids.contains("time-axis"));
}

#[test]
fn hostile_labels_give_valid_dot_and_well_formed_svg() {
    let c = TempCorpus::of("hostile");
    build(&c.path(), &c.out());
    let svg = std::fs::read_to_string(c.out().join("graph.svg")).unwrap();
    let doc = parse_xml(&svg);
    // No markup got in: the only elements are the ones we write.
    for tag in &doc.tags {
        assert!(
            [
                "svg", "style", "defs", "marker", "path", "rect", "g", "title", "text", "tspan",
                "ellipse", "polygon"
            ]
            .contains(&tag.as_str()),
            "unexpected <{tag}>"
        );
    }
    // Text comes back exactly (after XML unescaping), newlines folded to spaces.
    let claim = doc
        .elements
        .iter()
        .find(|e| e.id.as_deref() == Some("claim:hostile-2021-towns"))
        .unwrap();
    assert!(
        claim.title.starts_with(
            "Towns & cities \"deserve\" <more> \\ back\\slash over two lines; 東京 🚀\n"
        ),
        "{:?}",
        claim.title
    );
    assert!(claim.text.contains("<more>"), "{:?}", claim.text);
    let actor = doc
        .elements
        .iter()
        .find(|e| e.id.as_deref() == Some("actor:zoe"))
        .unwrap();
    assert!(
        actor
            .title
            .starts_with("Zoë \"Zed\" O'Brien <b>&amp;</b> \\ Łukasz"),
        "{:?}",
        actor.title
    );
    // DOT: every string is closed, and Graphviz reads the labels back.
    let dot = std::fs::read_to_string(c.out().join("graph.dot")).unwrap();
    for line in dot.lines() {
        let unescaped_quotes = line
            .replace("\\\\", "")
            .replace("\\\"", "")
            .matches('"')
            .count();
        assert_eq!(unescaped_quotes % 2, 0, "unbalanced quotes in {line}");
    }
    assert!(
        dot.contains("Towns &amp; cities \\\"deserve\\\" <more> \\\\"),
        "{dot}"
    );
    if let Some(out) = graphviz_svg(&c.out().join("graph.dot")) {
        let d = parse_xml(&out);
        let all_text = d
            .elements
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            all_text.contains("Towns & cities \"deserve\" <more>"),
            "{all_text}"
        );
        assert!(
            all_text.contains("back\\slash over two lines"),
            "{all_text}"
        );
        assert!(all_text.contains("</text><script>x</script>"), "{all_text}");
    }
}

#[test]
fn snapshot_of_the_mini_dot_and_json() {
    let c = TempCorpus::of("mini");
    build(&c.path(), &c.out());
    let dot = std::fs::read_to_string(c.out().join("graph.dot")).unwrap();
    insta::assert_snapshot!("mini_graph_dot", dot);
    let json = std::fs::read_to_string(c.out().join("graph.json")).unwrap();
    insta::assert_snapshot!("mini_graph_json", json);
}

#[test]
fn json_schema_is_pinned() {
    // deny_unknown_fields: a field added to the output without the schema fails here.
    let c = TempCorpus::of("mini");
    build(&c.path(), &c.out());
    let text = std::fs::read_to_string(c.out().join("graph.json")).unwrap();
    let g: levelmap_model::json::GraphJson =
        serde_json::from_str(&text).expect("graph.json matches GraphJson");
    assert_eq!(g.schema, levelmap_model::json::SCHEMA);
    assert_eq!(g.version, levelmap_model::json::VERSION);
    assert_eq!(g.nodes.len(), 19);
}

/// The committed out/ is what `levelmap build` writes for the bundled corpus today.
#[test]
fn committed_outputs_are_not_stale() {
    let tmp = tempfile::tempdir().unwrap();
    levelmap(["build", "--corpus"])
        .arg(corpus())
        .arg("--out")
        .arg(tmp.path())
        .ok();
    let committed = root().join("out");
    let mut written: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "graph.cache" && n != ".levelmap-cache")
        .collect();
    written.sort();
    assert!(
        written.len() >= 8,
        "build writes the map, the JSON and the views: {written:?}"
    );
    for name in &written {
        let fresh = std::fs::read(tmp.path().join(name)).unwrap();
        let old = std::fs::read(committed.join(name)).unwrap_or_default();
        assert!(
            fresh == old,
            "out/{name} is stale: run `cargo run --release -- build` and commit out/"
        );
    }
    for entry in std::fs::read_dir(&committed).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "graph.cache" || name == ".levelmap-cache" || written.contains(&name),
            "out/{name} is no longer written by build: delete it"
        );
    }
}

#[test]
fn draw_never_writes_the_data_but_no_pictures_and_says_so() {
    let c = TempCorpus::of("mini");
    let d = levelmap(["build", "--draw", "never", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    assert!(c.out().join("graph.json").is_file() && c.out().join("graph.dot").is_file());
    assert!(!c.out().join("graph.svg").exists() && !c.out().join("timeline.svg").exists());
    assert!(
        !c.out().join("explore.html").exists(),
        "the explorer goes with the drawings"
    );
    assert!(
        d.stdout
            .contains("graph.svg, the timeline views and explore.html not written (--draw never)"),
        "{}",
        d.stdout
    );
    // Queries answer from what it wrote.
    let q = levelmap(["show", "Rachel Reeves", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    assert!(q.stdout.contains("actor:rachel-reeves"), "{}", q.stdout);
    // A small graph is drawn by default.
    build(&c.path(), &c.out());
    assert!(c.out().join("graph.svg").is_file() && c.out().join("timeline.svg").is_file());
}

/// The mini fixture built into `c.out()`, its graph.json as a JSON value.
fn mini_json(c: &TempCorpus) -> serde_json::Value {
    build(&c.path(), &c.out());
    serde_json::from_slice(&std::fs::read(c.out().join("graph.json")).unwrap()).unwrap()
}

/// `build --from-json` of `g` into `out`.
fn from_json(c: &TempCorpus, g: &serde_json::Value, out: &Path) -> Run {
    let file = c.dir.path().join("edited.json");
    std::fs::write(&file, serde_json::to_string_pretty(g).unwrap()).unwrap();
    levelmap(["build", "--from-json"])
        .arg(file)
        .arg("--out")
        .arg(out)
}

#[test]
fn from_json_dropped_a_duplicated_node_id_silently() {
    let c = TempCorpus::of("mini");
    let mut g = mini_json(&c);
    let dup = g["nodes"][3].clone();
    let id = dup["id"].as_str().unwrap().to_string();
    g["nodes"].as_array_mut().unwrap().push(dup);
    let before = std::fs::read(c.out().join("graph.json")).unwrap();
    let d = from_json(&c, &g, &c.out()).fails();
    let n = g["nodes"].as_array().unwrap().len() - 1;
    assert!(
        d.stderr.contains(&format!(
            "error[duplicate-id]: duplicate id '{id}' (first defined at"
        )),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains(&format!("edited.json: nodes[{n}].id")),
        "{}",
        d.stderr
    );
    // Nothing was written: the earlier outputs are intact.
    assert_eq!(before, std::fs::read(c.out().join("graph.json")).unwrap());
}

#[test]
fn from_json_accepted_wrong_endpoints_self_loops_and_ids_with_path_characters() {
    let c = TempCorpus::of("mini");
    let mut g = mini_json(&c);
    let edges = g["edges"].as_array_mut().unwrap();
    let lineage = edges
        .iter()
        .position(|e| e["kind"] == "evolves-into")
        .unwrap();
    let from = edges[lineage]["from"].clone();
    edges[lineage]["to"] = from;
    let proposes = edges.iter().position(|e| e["kind"] == "proposes").unwrap();
    let swapped = edges[proposes]["to"].clone();
    edges[proposes]["to"] = edges[proposes]["from"].clone();
    edges[proposes]["from"] = swapped;
    g["nodes"][0]["id"] = serde_json::json!("article:../../etc/passwd");
    let d = from_json(&c, &g, &c.dir.path().join("again")).fails();
    for needle in [
        "error[self-loop]: policy 'policy:levelling-up' has a 'evolves-into' edge to itself",
        "error[wrong-endpoints]: 'proposes' cannot go from policy",
        "error[bad-id]: bad id 'article:../../etc/passwd'",
        "edited.json: nodes[0].id",
    ] {
        assert!(d.stderr.contains(needle), "missing {needle}: {}", d.stderr);
    }
    assert!(!c.dir.path().join("again").exists());
}

#[test]
fn articles_over_thousands_of_years_were_drawn_for_minutes() {
    // One article's year mistyped: the views would be as wide as 1,800 years.
    let c = TempCorpus::of("mini");
    let mut g = mini_json(&c);
    let article = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n["kind"] == "article")
        .unwrap();
    let date = g["nodes"][article]["date"]["value"].as_str().unwrap();
    g["nodes"][article]["date"]["value"] = serde_json::json!(format!("0202{}", &date[4..]));
    let out = c.dir.path().join("again");
    let d = from_json(&c, &g, &out).ok();
    assert!(
        d.stderr.contains(&format!(
            "warning: {}: nodes[{article}].date: date 0202",
            c.dir.path().join("edited.json").display()
        )),
        "{}",
        d.stderr
    );
    assert!(
        d.stdout.contains(
            "graph.svg, the timeline views and explore.html not written: the articles span"
        ),
        "{}",
        d.stdout
    );
    assert!(out.join("graph.json").is_file() && !out.join("timeline.svg").exists());
}

/// Past the drawings' size rule, graph.dot held the whole graph (621 MB for 10,000
/// articles), which no Graphviz run could lay out: it holds an overview that Graphviz
/// draws, and build says so. graph.json still holds the whole graph.
#[test]
fn a_graph_too_large_to_draw_gets_an_overview_dot_that_graphviz_draws() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, out) = (dir.path().join("corpus"), dir.path().join("out"));
    levelmap_testkit::corpus::generate(&corpus, 200, 7).unwrap();
    let d = build(&corpus, &out);
    assert!(
        d.stdout
            .contains("graph.dot holds an overview, not the whole graph"),
        "{}",
        d.stdout
    );
    let dot = std::fs::read_to_string(out.join("graph.dot")).unwrap();
    assert!(dot.starts_with("digraph \"levelmap overview\""), "{dot}");
    let nodes: Vec<&str> = dot
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.contains(" -> "))
        .collect();
    let edges = dot.lines().filter(|l| l.contains(" -> ")).count();
    assert!(
        !nodes.is_empty() && nodes.len() <= 80 && edges <= 300,
        "{dot}"
    );
    assert!(
        nodes
            .iter()
            .all(|l| l.starts_with("  \"policy:") || l.starts_with("  \"actor:")),
        "{dot}"
    );
    assert!(
        nodes
            .iter()
            .all(|l| l.contains(" claims\"") || l.contains(" claim\"")),
        "{dot}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    assert!(json["nodes"].as_array().unwrap().len() > 3000);
    if let Some(svg) = graphviz_svg(&out.join("graph.dot")) {
        assert!(svg.contains("<svg"), "{svg}");
    }
}

/// `build --out graph/articles` wrote graph.json, the pictures, the query store and
/// its caches among the articles, and a lock file into the corpus: the corpus folder
/// and its articles/ and lexicon/ are refused as the output folder, nothing written.
#[test]
fn build_into_the_corpus_articles_folder_mixed_outputs_with_articles() {
    let c = TempCorpus::of("mini");
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            out.push(path.display().to_string());
            if path.is_dir() {
                walk(&path, out);
            }
        }
    }
    let listing = |c: &TempCorpus| {
        let mut v = Vec::new();
        walk(&c.path(), &mut v);
        v.sort();
        v
    };
    let before = listing(&c);
    for (out, says) in [
        ("articles", "inside the corpus's articles/ folder"),
        ("articles/new", "inside the corpus's articles/ folder"),
        ("lexicon", "inside the corpus's lexicon/ folder"),
        (".", "is the corpus folder"),
    ] {
        let d = levelmap(["build", "--corpus"])
            .arg(c.path())
            .arg("--out")
            .arg(c.path().join(out))
            .fails();
        assert!(d.stderr.contains(says), "{out}: {}", d.stderr);
    }
    assert_eq!(listing(&c), before, "nothing was written into the corpus");
}
