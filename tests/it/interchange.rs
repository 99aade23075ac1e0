//! `levelmap export --format graphml|gexf|csv|aif` (issue 15), each checked by its real
//! consumer: networkx and python-igraph read the GraphML, networkx the GEXF, pandas the
//! CSV (through `tests/fixtures/interchange/oracle.py`), and every value and type they
//! read is compared with what levelmap meant to write; xmllint validates the GraphML
//! and GEXF 1.3 against their published schemas (vendored in tests/fixtures); the AIF
//! of the mini fixture is compared with one worked out by hand. `./test.sh` installs
//! networkx, igraph, pandas and xmllint when they are missing.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::*;
use levelmap_interchange::{from_graph, AifGraph};
use levelmap_model::exchange::{AttrKey, ExEdge, ExNode, Exchange, Value, ValueType};
use levelmap_model::graph::{build, BuildOptions};
use serde_json::{json, Value as J};

fn export(corpus: &Path, format: &str, out: &Path) -> Done {
    levelmap(["export", "--corpus"])
        .arg(corpus)
        .args_of(&["--format", format, "-o"])
        .arg(out)
        .ok()
}

trait ArgsOf {
    fn args_of(self, args: &[&str]) -> Self;
}

impl ArgsOf for Run {
    fn args_of(mut self, args: &[&str]) -> Self {
        for a in args {
            self = self.arg(a);
        }
        self
    }
}

/// What the exchange of a corpus is: the graph as `build` makes it, converted.
fn exchange_of(corpus: &Path) -> Exchange {
    let reading = levelmap_read::read_corpus(corpus);
    from_graph(&build(&reading.corpus, BuildOptions::default()))
}

/// Run a reader of `oracle.py` on `path`; what it read.
pub(crate) fn oracle(mode: &str, path: &Path) -> J {
    let out = Command::new("python3")
        .arg(fixture("interchange/oracle.py"))
        .arg(mode)
        .arg(path)
        .output()
        .expect("python3 runs (./test.sh installs networkx, igraph and pandas)");
    assert!(
        out.status.success(),
        "{mode} could not read {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the oracle prints JSON")
}

/// Validate `file` against a vendored schema with xmllint, offline.
pub(crate) fn xmllint(schema: &str, file: &Path) {
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(fixture(schema))
        .arg(file)
        .output()
        .expect("xmllint runs (Debian's libxml2-utils; ./test.sh installs it)");
    assert!(
        out.status.success(),
        "{} does not validate against {schema}:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

const GRAPHML_XSD: &str = "graphml/schema/graphml.xsd";
const GEXF_XSD: &str = "gexf/schema/gexf.xsd";

#[derive(Clone, Copy, PartialEq)]
enum Reader {
    Networkx,
    Igraph,
    Pandas,
}

/// The first day of a partial date, as every format writes `start`.
fn day(d: levelmap_model::date::PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.year_num(),
        d.month_num().unwrap_or(1),
        d.day_num().unwrap_or(1)
    )
}

/// A value as a reader gives it back: `[type, value]`. igraph keeps numbers as floats;
/// pandas' numbers are compared as numbers (a column with a gap becomes float).
fn expect(v: &Value, r: Reader) -> J {
    match (v, r) {
        (Value::Text(s), _) => json!(["str", s]),
        (Value::Int(i), Reader::Networkx) => json!(["int", i]),
        (Value::Int(i), Reader::Igraph) => json!(["float", *i as f64]),
        (Value::Int(i), Reader::Pandas) => json!(["number", *i as f64]),
        (Value::Float(f), Reader::Pandas) => json!(["number", f]),
        (Value::Float(f), _) => json!(["float", f]),
        (Value::Bool(b), _) => json!(["bool", b]),
    }
}

/// What a reader gives for a value that is not there: networkx leaves it out, igraph
/// fills in its type's default, pandas reads an empty field as a gap.
fn missing(ty: ValueType, r: Reader) -> Option<J> {
    match (r, ty) {
        (Reader::Networkx, _) => None,
        (Reader::Igraph, ValueType::Text) => Some(json!(["str", ""])),
        (Reader::Igraph, ValueType::Bool) => Some(json!(["bool", false])),
        (Reader::Igraph, _) => Some(json!(["float", null])),
        (Reader::Pandas, _) => Some(json!(["missing", null])),
    }
}

/// A column's name: CSV adds the type (Neo4j's header), the others use the name.
fn column(k: &AttrKey, r: Reader) -> String {
    match (r, k.ty) {
        (Reader::Pandas, ValueType::Int) => format!("{}:long", k.name),
        (Reader::Pandas, ValueType::Float) => format!("{}:double", k.name),
        (Reader::Pandas, ValueType::Bool) => format!("{}:boolean", k.name),
        _ => k.name.clone(),
    }
}

fn put_attrs(
    m: &mut BTreeMap<String, J>,
    keys: &[AttrKey],
    attrs: &BTreeMap<String, Value>,
    r: Reader,
) {
    for k in keys {
        let v = match attrs.get(&k.name) {
            Some(v) => Some(expect(v, r)),
            None => missing(k.ty, r),
        };
        if let Some(v) = v {
            m.insert(column(k, r), v);
        }
    }
}

fn put_start(
    m: &mut BTreeMap<String, J>,
    name: &str,
    s: Option<levelmap_model::date::PartialDate>,
    r: Reader,
) {
    match (s, r) {
        (Some(d), _) => {
            m.insert(name.into(), json!(["str", day(d)]));
        }
        (None, Reader::Networkx) => {}
        (None, Reader::Igraph) => {
            m.insert(name.into(), json!(["str", ""]));
        }
        (None, Reader::Pandas) => {
            m.insert(name.into(), json!(["missing", null]));
        }
    }
}

fn expected_node(x: &Exchange, n: &ExNode, r: Reader) -> J {
    let mut m = BTreeMap::new();
    m.insert(
        "label".to_string(),
        json!(["str", n.label.replace('\u{7}', "\u{FFFD}")]),
    );
    if r == Reader::Pandas {
        m.insert("label".to_string(), json!(["str", n.label]));
        m.insert("id:ID".to_string(), json!(["str", n.id]));
        let kind = match n.attrs.get("kind") {
            Some(Value::Text(k)) => k.clone(),
            _ => "Node".into(),
        };
        m.insert(":LABEL".to_string(), json!(["str", kind]));
    }
    put_start(
        &mut m,
        if r == Reader::Pandas {
            "start:date"
        } else {
            "start"
        },
        n.start,
        r,
    );
    put_attrs(&mut m, &x.node_keys, &n.attrs, r);
    json!(m)
}

fn expected_edge(x: &Exchange, e: &ExEdge, r: Reader) -> J {
    let mut m = BTreeMap::new();
    m.insert("label".to_string(), json!(["str", e.label]));
    if r == Reader::Pandas {
        m.insert("weight:double".to_string(), json!(["number", e.weight]));
        m.insert("id".to_string(), json!(["str", e.id]));
        m.insert(":START_ID".to_string(), json!(["str", e.source]));
        m.insert(":END_ID".to_string(), json!(["str", e.target]));
        let ty: String = e
            .label
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        m.insert(":TYPE".to_string(), json!(["str", ty]));
    } else {
        m.insert("weight".to_string(), json!(["float", e.weight]));
    }
    put_start(
        &mut m,
        if r == Reader::Pandas {
            "start:date"
        } else {
            "start"
        },
        e.start,
        r,
    );
    put_attrs(&mut m, &x.edge_keys, &e.attrs, r);
    json!([e.source, e.target, m])
}

/// What a reader read, made comparable: ids dropped where the reader keeps them as
/// attributes (igraph's and GEXF's edge ids are checked elsewhere), pandas' numbers and
/// gaps unified.
fn normalise(read: &J, r: Reader) -> (BTreeMap<String, J>, Vec<String>) {
    let fix = |attrs: &J| -> J {
        let mut m: BTreeMap<String, J> = serde_json::from_value(attrs.clone()).unwrap();
        if r != Reader::Pandas {
            m.remove("id");
        }
        if r == Reader::Pandas {
            for v in m.values_mut() {
                if v[1].is_null() {
                    *v = json!(["missing", null]);
                } else if v[0] == "int" || v[0] == "float" {
                    *v = json!(["number", v[1].as_f64().unwrap()]);
                }
            }
        }
        json!(m)
    };
    let nodes = read["nodes"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, a)| (id.clone(), fix(a)))
        .collect();
    let mut edges: Vec<String> = read["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| json!([e[0], e[1], fix(&e[2])]).to_string())
        .collect();
    edges.sort();
    (nodes, edges)
}

/// Every node and edge the reader read, with every attribute's value and type, is
/// what `x` holds: nothing lost, added or retyped.
fn assert_read_whole(x: &Exchange, read: &J, r: Reader, what: &str) {
    if r != Reader::Pandas {
        // CSV has no direction; the others say it.
        assert_eq!(read["directed"], json!(x.directed), "{what}: direction");
    }
    let (nodes, edges) = normalise(read, r);
    assert_eq!(nodes.len(), x.nodes.len(), "{what}: node count");
    for n in &x.nodes {
        let got = nodes
            .get(&n.id)
            .unwrap_or_else(|| panic!("{what}: node {} is missing", n.id));
        assert_eq!(got, &expected_node(x, n, r), "{what}: node {}", n.id);
    }
    let mut want: Vec<String> = x
        .edges
        .iter()
        .map(|e| expected_edge(x, e, r).to_string())
        .collect();
    want.sort();
    assert_eq!(edges.len(), x.edges.len(), "{what}: edge count");
    for (got, want) in edges.iter().zip(&want) {
        assert_eq!(got, want, "{what}: edges differ");
    }
}

#[test]
fn graphml_of_the_bundled_corpus_validates_and_networkx_and_igraph_read_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("levelmap.graphml");
    export(&corpus(), "graphml", &file);
    xmllint(GRAPHML_XSD, &file);
    let x = exchange_of(&corpus());
    assert!(
        x.nodes.len() > 100 && x.edges.len() > 300,
        "the bundled corpus is whole"
    );
    assert_read_whole(
        &x,
        &oracle("networkx-graphml", &file),
        Reader::Networkx,
        "networkx",
    );
    assert_read_whole(
        &x,
        &oracle("igraph-graphml", &file),
        Reader::Igraph,
        "igraph",
    );
}

#[test]
fn gexf_of_the_bundled_corpus_validates_as_1_3_and_networkx_reads_every_spell() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("levelmap.gexf");
    export(&corpus(), "gexf", &file);
    xmllint(GEXF_XSD, &file);
    let x = exchange_of(&corpus());
    let read = oracle("networkx-gexf", &file);
    assert_eq!(read["mode"], "dynamic");
    assert_read_whole(&x, &read, Reader::Networkx, "networkx gexf");
    // The timeline: every edge starts, and never before either of its ends.
    let starts: BTreeMap<&str, &str> = read["nodes"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(id, a)| Some((id.as_str(), a["start"][1].as_str()?)))
        .collect();
    for e in read["edges"].as_array().unwrap() {
        let s = e[2]["start"][1].as_str().expect("every edge has a start");
        for end in [&e[0], &e[1]] {
            let n = starts[end.as_str().unwrap()];
            assert!(
                s >= n,
                "edge {} starts {s}, before its end {end} ({n})",
                e[2]["id"]
            );
        }
    }
    // Every claim starts on its article's date (the first day of a partial date).
    let mut claims = 0;
    for n in read["nodes"].as_object().unwrap().values() {
        if n["kind"][1] == "claim" {
            let date: levelmap_model::date::PartialDate =
                n["date"][1].as_str().unwrap().parse().unwrap();
            assert_eq!(n["start"][1], json!(day(date)));
            claims += 1;
        }
    }
    assert!(claims > 50, "the claims were checked");
}

#[test]
fn csv_of_the_bundled_corpus_is_read_whole_by_pandas_with_typed_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("csv");
    let d = export(&corpus(), "csv", &out);
    assert!(
        d.stderr.contains("nodes.csv") && d.stderr.contains("edges.csv"),
        "{}",
        d.stderr
    );
    let x = exchange_of(&corpus());
    let read = oracle("pandas-csv", &out);
    assert_read_whole(&x, &read, Reader::Pandas, "pandas");
    assert_eq!(read["dtypes"]["weight:double"], "float64");
    assert_eq!(read["dtypes"]["confidence:double"], "float64");
    // Neo4j's importer needs every relationship's ends among the node ids.
    let ids = read["nodes"].as_object().unwrap();
    for e in read["edges"].as_array().unwrap() {
        assert!(
            ids.contains_key(e[0].as_str().unwrap()) && ids.contains_key(e[1].as_str().unwrap())
        );
    }
}

/// Two nodes and an edge with every value type, markup, quotes, an ampersand and a
/// control character, written by the library, read by every consumer.
fn every_type_exchange() -> Exchange {
    let key = |name: &str, ty| AttrKey {
        name: name.into(),
        ty,
        doc: format!("{name} <doc> & \"more\""),
    };
    let mut a = BTreeMap::new();
    a.insert("kind".into(), Value::Text("actor & <co>".into()));
    a.insert("score".into(), Value::Float(2.5));
    a.insert("count".into(), Value::Int(-3));
    a.insert("flag".into(), Value::Bool(true));
    let mut b = BTreeMap::new();
    b.insert("score".into(), Value::Float(0.125));
    b.insert("count".into(), Value::Int(7));
    b.insert("flag".into(), Value::Bool(false));
    let mut ea = BTreeMap::new();
    ea.insert(
        "stance".into(),
        Value::Text("for \"real\", 'quoted'".into()),
    );
    ea.insert("statements".into(), Value::Int(4));
    Exchange {
        name: "every type <&>".into(),
        directed: false,
        node_keys: vec![
            key("kind", ValueType::Text),
            key("score", ValueType::Float),
            key("count", ValueType::Int),
            key("flag", ValueType::Bool),
        ],
        edge_keys: vec![
            key("stance", ValueType::Text),
            key("statements", ValueType::Int),
        ],
        nodes: vec![
            ExNode {
                id: "actor:zoe".into(),
                label: "<b>Zoë</b> & \"co\" 'x' \u{7}bell".into(),
                start: Some("2021-03".parse().unwrap()),
                attrs: a,
            },
            ExNode {
                id: "actor:other".into(),
                label: "Other".into(),
                start: None,
                attrs: b,
            },
        ],
        edges: vec![ExEdge {
            id: "actor:zoe--actor:other".into(),
            source: "actor:zoe".into(),
            target: "actor:other".into(),
            label: "congruence".into(),
            weight: 0.75,
            start: Some("2021".parse().unwrap()),
            attrs: ea,
        }],
    }
}

#[test]
fn every_value_type_and_hostile_text_survive_each_consumer() {
    let x = every_type_exchange();
    let dir = tempfile::tempdir().unwrap();
    let graphml = dir.path().join("x.graphml");
    let mut bytes = Vec::new();
    levelmap_interchange::write_graphml(&x, &mut bytes).unwrap();
    std::fs::write(&graphml, bytes).unwrap();
    xmllint(GRAPHML_XSD, &graphml);
    assert_read_whole(
        &x,
        &oracle("networkx-graphml", &graphml),
        Reader::Networkx,
        "networkx",
    );
    assert_read_whole(
        &x,
        &oracle("igraph-graphml", &graphml),
        Reader::Igraph,
        "igraph",
    );

    let gexf = dir.path().join("x.gexf");
    let mut bytes = Vec::new();
    levelmap_interchange::write_gexf(&x, &mut bytes).unwrap();
    std::fs::write(&gexf, bytes).unwrap();
    xmllint(GEXF_XSD, &gexf);
    assert_read_whole(
        &x,
        &oracle("networkx-gexf", &gexf),
        Reader::Networkx,
        "networkx gexf",
    );

    let csv = dir.path().join("csv");
    std::fs::create_dir(&csv).unwrap();
    let files = levelmap_interchange::write_csv(&x).unwrap();
    std::fs::write(csv.join("nodes.csv"), files.nodes).unwrap();
    std::fs::write(csv.join("edges.csv"), files.edges).unwrap();
    let read = oracle("pandas-csv", &csv);
    // CSV is not XML: the control character is kept as written.
    assert_eq!(
        read["nodes"]["actor:zoe"]["label"][1],
        json!("<b>Zoë</b> & \"co\" 'x' \u{7}bell")
    );
    assert_read_whole(&x, &read, Reader::Pandas, "pandas");
}

#[test]
fn a_corpus_with_markup_quotes_and_a_control_character_exports_valid_documents() {
    let c = TempCorpus::of("hostile");
    // A BEL character in an actor's name and a claim's text (TOML's \u0007 escape).
    c.edit("lexicon/actors.toml", "Łukasz\"", "Łukasz \\u0007bell\"");
    c.edit(
        "articles/2021-03-hostile-quotes.toml",
        "over two lines;",
        "over two lines \\u0007;",
    );
    let dir = tempfile::tempdir().unwrap();
    let (graphml, gexf) = (dir.path().join("h.graphml"), dir.path().join("h.gexf"));
    export(&c.path(), "graphml", &graphml);
    export(&c.path(), "gexf", &gexf);
    xmllint(GRAPHML_XSD, &graphml);
    xmllint(GEXF_XSD, &gexf);
    for (mode, file) in [("networkx-graphml", &graphml), ("networkx-gexf", &gexf)] {
        let read = oracle(mode, file);
        let zoe = read["nodes"]["actor:zoe"]["label"][1]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(
            zoe, "Zoë \"Zed\" O'Brien <b>&amp;</b> \\ Łukasz \u{FFFD}bell",
            "{mode}: markup is text, the control character replaced"
        );
        let claim = read["nodes"]["claim:hostile-2021-towns"]["label"][1]
            .as_str()
            .unwrap();
        assert!(
            claim.contains("<more>") && claim.contains("\u{FFFD};"),
            "{mode}: {claim}"
        );
    }
    let aif = dir.path().join("h.json");
    export(&c.path(), "aif", &aif);
    let doc: AifGraph = serde_json::from_str(&std::fs::read_to_string(&aif).unwrap()).unwrap();
    assert!(doc
        .nodes
        .iter()
        .any(|n| n.text.contains("<more>") && n.text.contains('\u{7}')));
    assert_eq!(doc.structure_problems(), Vec::<String>::new());
}

#[test]
fn aif_of_the_mini_fixture_is_the_one_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mini.json");
    export(&fixture("mini"), "aif", &file);
    let got: AifGraph = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let want: AifGraph =
        serde_json::from_str(&std::fs::read_to_string(fixture("aif/mini.expected.json")).unwrap())
            .unwrap();
    assert_eq!(got.structure_problems(), Vec::<String>::new());
    for (g, w) in got.nodes.iter().zip(&want.nodes) {
        assert_eq!(g, w);
    }
    assert_eq!(got, want);
}

#[test]
fn aif_of_the_bundled_corpus_keeps_the_aif_structure() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("levelmap.json");
    export(&corpus(), "aif", &file);
    let doc: AifGraph = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc.structure_problems(), Vec::<String>::new());
    let x = exchange_of(&corpus());
    let claims = x
        .nodes
        .iter()
        .filter(|n| n.id.starts_with("claim:"))
        .count();
    let count = |k: &str| doc.nodes.iter().filter(|n| n.kind == k).count();
    assert_eq!(count("I"), claims, "one I-node per claim");
    let edges = |k: &str| {
        x.edges
            .iter()
            .filter(|e| {
                e.label == k && e.source.starts_with("claim:") && e.target.starts_with("claim:")
            })
            .count()
    };
    assert_eq!(
        [count("RA"), count("CA"), count("MA")],
        [edges("supports"), edges("attacks"), edges("echoes")]
    );
    assert!(count("L") >= claims / 2, "most claims have a speaker");
}

#[test]
fn every_interchange_format_is_byte_identical_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["graphml", "gexf", "aif", "csv"] {
        let (a, b) = (
            dir.path().join(format!("a.{format}")),
            dir.path().join(format!("b.{format}")),
        );
        export(&corpus(), format, &a);
        export(&corpus(), format, &b);
        if format == "csv" {
            for f in ["nodes.csv", "edges.csv"] {
                assert_eq!(
                    std::fs::read(a.join(f)).unwrap(),
                    std::fs::read(b.join(f)).unwrap(),
                    "{f}"
                );
            }
        } else {
            assert_eq!(
                std::fs::read(&a).unwrap(),
                std::fs::read(&b).unwrap(),
                "{format}"
            );
        }
    }
}

#[test]
fn csv_without_an_output_folder_is_a_clear_error() {
    let d = levelmap(["export", "--format", "csv", "--corpus"])
        .arg(fixture("mini"))
        .fails();
    assert!(d.stderr.contains("give -o DIR"), "{}", d.stderr);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    std::fs::write(&file, "keep me").unwrap();
    let d = levelmap(["export", "--format", "csv", "--corpus"])
        .arg(fixture("mini"))
        .arg("-o")
        .arg(&file)
        .fails();
    assert!(d.stderr.contains("is a file"), "{}", d.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn graphml_and_gexf_are_guessed_from_the_output_file_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, root) in [("m.graphml", "<graphml "), ("m.gexf", "<gexf ")] {
        let file = dir.path().join(name);
        levelmap(["export", "--corpus"])
            .arg(fixture("mini"))
            .arg("-o")
            .arg(&file)
            .ok();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains(root),
            "{name}: {}",
            &text[..200.min(text.len())]
        );
    }
}

#[test]
fn export_from_json_reads_the_query_store_beside_it_and_writes_the_same_bytes() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(&out)
        .ok();
    let (json, store) = (out.join("graph.json"), out.join("graph.cache"));
    assert!(store.is_file(), "build writes the query store");
    let export = |name: &str| {
        let file = c.dir.path().join(name);
        levelmap(["export", "--format", "graphml", "--from-json"])
            .arg(&json)
            .arg("-o")
            .arg(&file)
            .run()
            .code
            .is_some_and(|c| c == 0)
            .then(|| std::fs::read(&file).unwrap())
    };
    let aside = c.dir.path().join("graph.cache.aside");
    std::fs::rename(&store, &aside).unwrap();
    let parsed = export("parsed.graphml").expect("export from graph.json alone");
    std::fs::rename(&aside, &store).unwrap();
    assert_eq!(export("stored.graphml").as_ref(), Some(&parsed));
    // The store answered: graph.json blanked, with its size and time kept, still exports
    // the same bytes; once its time changes the store no longer stands for it, and
    // the blank JSON is refused.
    let modified = std::fs::metadata(&json).unwrap().modified().unwrap();
    let len = std::fs::metadata(&json).unwrap().len() as usize;
    std::fs::write(&json, vec![b' '; len]).unwrap();
    let set = |t| {
        std::fs::File::options()
            .write(true)
            .open(&json)
            .unwrap()
            .set_modified(t)
            .unwrap()
    };
    set(modified);
    assert_eq!(export("blanked.graphml").as_ref(), Some(&parsed));
    set(modified + std::time::Duration::from_secs(5));
    assert_eq!(export("refused.graphml"), None);
}
