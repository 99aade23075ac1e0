//! The tables against the graph they come from, read back with the Parquet crate's
//! own reader (the integration tests read them with DuckDB and pyarrow).

use std::collections::BTreeMap;

use bytes::Bytes;
use levelmap_model::graph::{LevelGraph, NodeData};
use levelmap_testkit::map::{argument_map, SynthOptions};
use levelmap_testkit::mini;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

use super::*;
use crate::rows::Values;

/// A file's rows as text, column by column (null as None), and its key-value metadata.
struct ReadBack {
    columns: BTreeMap<String, Vec<Option<String>>>,
    meta: BTreeMap<String, String>,
    created_by: Option<String>,
    row_groups: usize,
}

fn field_text(f: &Field) -> Option<String> {
    match f {
        Field::Null => None,
        Field::Str(s) => Some(s.clone()),
        Field::Date(d) => Some(d.to_string()),
        Field::Double(x) => Some(x.to_string()),
        Field::Bool(b) => Some(b.to_string()),
        other => panic!("unexpected field {other:?}"),
    }
}

fn read_back(bytes: &[u8]) -> ReadBack {
    let reader = SerializedFileReader::new(Bytes::copy_from_slice(bytes)).expect("a parquet file");
    let md = reader.metadata().file_metadata();
    let meta = md
        .key_value_metadata()
        .into_iter()
        .flatten()
        .map(|kv| (kv.key.clone(), kv.value.clone().unwrap_or_default()))
        .collect();
    let mut columns: BTreeMap<String, Vec<Option<String>>> = md
        .schema_descr()
        .columns()
        .iter()
        .map(|c| (c.name().to_string(), vec![]))
        .collect();
    for row in reader.get_row_iter(None).expect("rows") {
        for (name, field) in row.expect("a row").get_column_iter() {
            columns
                .get_mut(name)
                .expect("known column")
                .push(field_text(field));
        }
    }
    ReadBack {
        columns,
        meta,
        created_by: md.created_by().map(str::to_string),
        row_groups: reader.metadata().num_row_groups(),
    }
}

fn values_text(v: &Values<'_>) -> Vec<Option<String>> {
    match v {
        Values::Utf8(v) => v
            .iter()
            .map(|s| s.as_ref().map(|s| s.to_string()))
            .collect(),
        Values::Date(v) => v.iter().map(|d| d.map(|d| d.to_string())).collect(),
        Values::Float64(v) => v.iter().map(|x| x.map(|x| x.to_string())).collect(),
        Values::Bool(v) => v.iter().map(|b| b.map(|b| b.to_string())).collect(),
    }
}

fn synthetic() -> LevelGraph {
    argument_map(&SynthOptions {
        nodes: 3_000,
        seed: 14,
        cycles: true,
    })
}

fn by_name(files: &[TableFile], name: &str) -> ReadBack {
    read_back(&files.iter().find(|f| f.table == name).expect("table").bytes)
}

#[test]
fn every_table_has_a_row_per_node_edge_and_quote() {
    for g in [mini(), synthetic()] {
        let files = tables(&g).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
        assert_eq!(
            names,
            ["nodes.parquet", "edges.parquet", "evidence.parquet"]
        );
        let claims = g.count_nodes()[&levelmap_model::NodeKind::Claim];
        let want = [g.node_count(), g.edge_count(), g.edge_count() + claims];
        for (f, want) in files.iter().zip(want) {
            assert_eq!(f.rows, want, "{}", f.table);
            let back = read_back(&f.bytes);
            assert!(
                back.columns.values().all(|c| c.len() == want),
                "{}",
                f.table
            );
        }
    }
}

#[test]
fn every_value_reads_back_as_written() {
    let g = synthetic();
    let ids = rows::edge_ids(&g);
    let made = [
        (schema::NODES, rows::nodes(&g)),
        (schema::EDGES, rows::edges(&g, &ids)),
        (schema::EVIDENCE, rows::evidence(&g, &ids)),
    ];
    for (table, columns) in &made {
        let bytes = write::table_bytes(table, columns, "d", write::ROW_GROUP_ROWS).unwrap();
        let back = read_back(&bytes);
        for (c, v) in table.columns.iter().zip(columns) {
            assert_eq!(
                back.columns[c.name],
                values_text(v),
                "{}.{}",
                table.name,
                c.name
            );
        }
    }
}

#[test]
fn rows_say_what_the_graph_says() {
    let g = mini();
    let files = tables(&g).unwrap();
    let nodes = by_name(&files, "nodes");
    let edges = by_name(&files, "edges");
    let evidence = by_name(&files, "evidence");
    for (row, i) in g.graph.node_indices().enumerate() {
        let n = g.node(i);
        assert_eq!(nodes.columns["id"][row].as_deref(), Some(&*n.id));
        assert_eq!(nodes.columns["kind"][row].as_deref(), Some(n.kind.as_str()));
        assert_eq!(nodes.columns["date"][row], n.date().map(|d| d.to_string()));
        if let NodeData::Claim { evidence, .. } = &n.data {
            assert_eq!(
                nodes.columns["article"][row].as_deref(),
                Some(&*evidence.article)
            );
        }
    }
    let ids = rows::edge_ids(&g);
    for (row, e) in g.graph.edge_indices().enumerate() {
        let (a, b) = g.graph.edge_endpoints(e).unwrap();
        let w = g.edge(e);
        assert_eq!(
            edges.columns["source"][row].as_deref(),
            Some(&*g.node(a).id)
        );
        assert_eq!(
            edges.columns["target"][row].as_deref(),
            Some(&*g.node(b).id)
        );
        assert_eq!(
            edges.columns["stance"][row].as_deref(),
            w.stance.map(|s| s.as_str())
        );
        assert_eq!(evidence.columns["owner"][row].as_deref(), Some("edge"));
        assert_eq!(
            evidence.columns["owner_id"][row].as_deref(),
            Some(ids[row].as_str())
        );
        assert_eq!(
            evidence.columns["quote"][row].as_deref(),
            Some(&*w.evidence.quote)
        );
        assert_eq!(
            evidence.columns["article_date"][row],
            g.evidence_date(w).map(|d| d.to_string())
        );
    }
    let claim_rows = &evidence.columns["owner"][g.edge_count()..];
    assert!(!claim_rows.is_empty() && claim_rows.iter().all(|o| o.as_deref() == Some("node")));
}

#[test]
fn dates_are_days_from_the_first_to_the_last_day_a_partial_date_can_mean() {
    let g = mini();
    let nodes = by_name(&tables(&g).unwrap(), "nodes");
    let mut checked = 0;
    for (row, n) in g.graph.node_weights().enumerate() {
        let Some(d) = n.date() else { continue };
        let day = |s: &Option<String>| s.as_deref().unwrap().parse::<i64>().unwrap();
        assert_eq!(day(&nodes.columns["date_start"][row]), d.start_days());
        assert_eq!(day(&nodes.columns["date_end"][row]), d.end_days() - 1);
        assert_eq!(
            nodes.columns["date_precision"][row].as_deref(),
            Some(d.precision().as_str())
        );
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn edge_ids_are_graph_jsons_edge_ids() {
    for g in [mini(), synthetic()] {
        let ids = rows::edge_ids(&g);
        let want: Vec<String> = g.graph.edge_indices().map(|e| g.edge_id(e)).collect();
        assert_eq!(ids, want);
        let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "edge ids are unique");
    }
}

#[test]
fn the_same_graph_gives_the_same_bytes_and_no_clock() {
    let g = synthetic();
    let (a, b) = (tables(&g).unwrap(), tables(&g.clone()).unwrap());
    assert_eq!(a, b);
    let back = read_back(&a[0].bytes);
    assert_eq!(
        back.created_by.as_deref(),
        Some(concat!(
            "levelmap version ",
            env!("CARGO_PKG_VERSION"),
            " (parquet-rs version 60.1.0)"
        ))
    );
}

#[test]
fn files_name_their_schema_version_table_and_corpus_digest() {
    let g = mini();
    for f in tables(&g).unwrap() {
        let meta = read_back(&f.bytes).meta;
        assert_eq!(meta["levelmap.schema"], "levelmap/parquet");
        assert_eq!(meta["levelmap.version"], schema::VERSION.to_string());
        assert_eq!(meta["levelmap.table"], f.table);
        assert_eq!(meta["levelmap.digest"], g.digest);
    }
}

#[test]
fn small_row_groups_read_back_as_the_same_rows() {
    let g = mini();
    let columns = rows::nodes(&g);
    let one = write::table_bytes(&schema::NODES, &columns, "d", write::ROW_GROUP_ROWS).unwrap();
    let many = write::table_bytes(&schema::NODES, &columns, "d", 7).unwrap();
    let (one, many) = (read_back(&one), read_back(&many));
    assert_eq!(one.row_groups, 1);
    assert_eq!(many.row_groups, g.node_count().div_ceil(7));
    assert_eq!(one.columns, many.columns);
}

#[test]
fn an_empty_graph_gives_tables_with_their_schema_and_no_rows() {
    for f in tables(&LevelGraph::new()).unwrap() {
        assert_eq!(f.rows, 0);
        let back = read_back(&f.bytes);
        assert_eq!(back.row_groups, 0);
        let table = schema::TABLES.iter().find(|t| t.name == f.table).unwrap();
        assert_eq!(back.columns.len(), table.columns.len());
    }
}

#[test]
fn a_null_in_a_required_column_is_an_error_not_a_bad_file() {
    let g = mini();
    let mut columns = rows::nodes(&g);
    if let Values::Utf8(ids) = &mut columns[0] {
        ids[1] = None;
    }
    let r = write::table_bytes(&schema::NODES, &columns, "d", write::ROW_GROUP_ROWS);
    assert!(matches!(r, Err(ColumnarError::NullInRequired)), "{r:?}");
}
