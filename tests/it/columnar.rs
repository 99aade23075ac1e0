//! `levelmap export --format parquet`: the tables read back by engines users run at
//! scale (pyarrow and DuckDB, through `tests/it/columnar.py`) agree with levelmap's own
//! graph.json and `stance` answers; the bytes are deterministic; failures leave the
//! earlier tables.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::*;
use levelmap_columnar::schema::{Type, TABLES};
use levelmap_model::json::GraphJson;
use levelmap_model::{EdgeKind, NodeKind};
use levelmap_query::stance::StanceAnswer;
use serde_json::{json, Value};

const FILES: [&str; 3] = ["nodes.parquet", "edges.parquet", "evidence.parquet"];

fn export_tables(out: &Path, extra: &[&str]) -> Done {
    let mut run = levelmap(["export", "--format", "parquet", "--out"]).arg(out);
    for a in extra {
        run = run.arg(a);
    }
    run.ok()
}

/// What pyarrow and DuckDB read in the tables of `dir` (see columnar.py); None when
/// they are not installed, except on CI (`CI` set), where that is a failure.
fn engines_read(dir: &Path) -> Option<Value> {
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/it/columnar.py"))
        .arg(dir)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) {
        assert!(
            std::env::var_os("CI").is_none(),
            "pyarrow and duckdb are required on CI (test.sh installs them): {stderr}"
        );
        eprintln!("skipped: {stderr}");
        return None;
    }
    assert!(out.status.success(), "columnar.py failed:\n{stderr}");
    Some(serde_json::from_slice(&out.stdout).expect("columnar.py prints JSON"))
}

fn graph_json() -> GraphJson {
    let text = std::fs::read_to_string(root().join("out/graph.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn arrow_type(t: Type) -> &'static str {
    match t {
        Type::Utf8 => "string",
        Type::Date => "date32[day]",
        Type::Float64 => "double",
        Type::Bool => "bool",
    }
}

fn kind_counts<K: Ord + Copy>(
    kinds: impl Iterator<Item = K>,
    name: fn(K) -> &'static str,
) -> Value {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for k in kinds {
        *m.entry(name(k)).or_default() += 1;
    }
    json!(m)
}

#[test]
fn duckdb_and_pyarrow_read_the_tables_and_agree_with_levelmap() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tables");
    export_tables(&dir, &[]);
    let Some(read) = engines_read(&dir) else {
        return;
    };
    let g = graph_json();
    let claims = g.nodes.iter().filter(|n| n.kind == NodeKind::Claim).count();

    // The tables as pyarrow reads them: the documented schema, the corpus' digest, and
    // a row per node, edge and quote of graph.json, in graph.json's order.
    for t in TABLES {
        let want: Vec<Value> = t
            .columns
            .iter()
            .map(|c| json!([c.name, arrow_type(c.ty), c.nullable]))
            .collect();
        assert_eq!(read[t.name]["columns"], json!(want), "{}", t.name);
        assert_eq!(read[t.name]["meta"]["levelmap.digest"], json!(g.digest));
        assert_eq!(read[t.name]["meta"]["levelmap.table"], json!(t.name));
    }
    assert_eq!(read["nodes"]["rows"], json!(g.nodes.len()));
    assert_eq!(read["edges"]["rows"], json!(g.edges.len()));
    assert_eq!(read["evidence"]["rows"], json!(g.edges.len() + claims));
    let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(read["node_ids"], json!(ids));
    let ids: Vec<&str> = g.edges.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(read["edge_ids"], json!(ids));
    assert_eq!(
        read["node_kinds"],
        kind_counts(g.nodes.iter().map(|n| n.kind), NodeKind::as_str)
    );
    assert_eq!(
        read["edge_kinds"],
        kind_counts(g.edges.iter().map(|e| e.kind), EdgeKind::as_str)
    );
    assert_eq!(
        read["evidence_owners"],
        json!({"edge": g.edges.len(), "node": claims})
    );

    // The stance of every policy with statements, as SQL over the tables in DuckDB,
    // equals `levelmap stance`: the tally, each actor's position and counts, and the
    // claims nobody is credited with.
    let policies: BTreeSet<&str> = g
        .edges
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EdgeKind::About | EdgeKind::Proposes | EdgeKind::Criticises
            )
        })
        .map(|e| e.to.as_str())
        .collect();
    let sql = read["stance"].as_object().unwrap();
    assert_eq!(
        sql.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        policies
    );
    assert!(
        policies.contains("policy:levelling-up"),
        "the corpus' busiest policy is compared"
    );
    for p in policies {
        let d = levelmap(["stance", p, "--format", "json"]).ok();
        let answer: StanceAnswer = serde_json::from_str(&d.stdout).unwrap();
        let ours = &sql[p];
        assert_eq!(ours["counts"], json!(answer.counts), "{p}: the tally");
        let groups = [
            &answer.for_,
            &answer.against,
            &answer.mixed,
            &answer.neutral,
        ];
        let actors: BTreeMap<&str, Value> = groups
            .into_iter()
            .flatten()
            .map(|a| {
                let position = json!({"position": a.position.as_str(), "counts": a.counts});
                (a.actor.id.as_ref(), position)
            })
            .collect();
        assert_eq!(ours["actors"], json!(actors), "{p}: the actors");
        assert_eq!(
            ours["unattributed"],
            json!(answer.unattributed.len()),
            "{p}"
        );
    }
}

#[test]
fn parquet_tables_are_byte_identical_across_runs_and_from_graph_json() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    export_tables(&a, &[]);
    let from_json = root().join("out/graph.json");
    export_tables(&b, &["--from-json", from_json.to_str().unwrap()]);
    for f in FILES {
        let (x, y) = (
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
        );
        assert!(x == y, "{f} differs between the corpus and its graph.json");
    }
    export_tables(&b, &[]);
    for f in FILES {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn parquet_export_needs_a_folder_and_a_failed_one_leaves_the_earlier_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tables");
    let d = levelmap(["export", "--format", "parquet"]).fails();
    assert!(d.stderr.contains("give both"), "{}", d.stderr);
    let d = levelmap(["export", "--format", "json", "--out"])
        .arg(&dir)
        .fails();
    assert!(
        d.stderr.contains("--out DIR is only for it"),
        "{}",
        d.stderr
    );
    assert!(!dir.exists(), "nothing written");

    let d = export_tables(&dir, &["--kind", "policy,claim"]);
    assert!(d.stderr.contains("nodes, "), "{}", d.stderr);
    let before: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    let d = levelmap([
        "export", "--format", "parquet", "--kind", "event", "--from", "2030", "--out",
    ])
    .arg(&dir)
    .fails();
    assert!(d.stderr.contains("the view is empty"), "{}", d.stderr);
    let after: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    assert!(before == after, "the earlier tables are intact");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        FILES.len(),
        "no temporary file left"
    );
}
