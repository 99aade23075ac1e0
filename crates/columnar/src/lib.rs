//! The graph as Apache Parquet tables (`nodes`, `edges`, `evidence`), the bridge to
//! engines that run at scale (DuckDB, DataFusion, Spark, pandas through pyarrow).
//!
//! A pure function of a graph: it never opens a file; the command line writes the
//! bytes it hands back. The schema is named once in [`schema`] and documented in
//! `docs/parquet.md` (a test keeps the two equal). The same graph gives the same bytes.

use levelmap_model::graph::LevelGraph;

mod rows;
pub mod schema;
mod write;

/// Why the tables could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ColumnarError {
    /// The Parquet writer refused (a bug in the schema or values, not bad input).
    #[error("parquet writer: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A required column got an empty value (a bug: the graph always fills it).
    #[error("an empty value in a required column")]
    NullInRequired,
}

/// One table's file, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFile {
    /// The table (`schema::TABLES`).
    pub table: &'static str,
    /// The file name to write it under: `<table>.parquet`.
    pub file_name: String,
    /// How many rows.
    pub rows: usize,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The graph's tables, in [`schema::TABLES`] order: nodes, edges, evidence.
pub fn tables(g: &LevelGraph) -> Result<Vec<TableFile>, ColumnarError> {
    let ids = rows::edge_ids(g);
    let file = |table: schema::Table, columns: Vec<rows::Values<'_>>| {
        let rows = columns.first().map_or(0, rows::Values::len);
        Ok::<_, ColumnarError>(TableFile {
            table: table.name,
            file_name: table.file_name(),
            rows,
            bytes: write::table_bytes(&table, &columns, &g.digest, write::ROW_GROUP_ROWS)?,
        })
    };
    // The three tables are made and encoded at once, each on a core of its own (the
    // Parquet writer encodes one column after another): their columns borrow the
    // graph's strings, so holding all three costs little beside the graph. A
    // statements table, once statements exist, is one more `schema::Table` here.
    let (nodes, (edges, evidence)) = rayon::join(
        || file(schema::NODES, rows::nodes(g)),
        || {
            rayon::join(
                || file(schema::EDGES, rows::edges(g, &ids)),
                || file(schema::EVIDENCE, rows::evidence(g, &ids)),
            )
        },
    );
    let out = vec![nodes?, edges?, evidence?];
    debug_assert!(out
        .iter()
        .map(|t| t.table)
        .eq(schema::TABLES.iter().map(|t| t.name)));
    Ok(out)
}

#[cfg(test)]
mod tests;
